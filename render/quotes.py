"""Choosing the sentences the letter quotes, by a rule a reviewer can check: among the
sentences the provinces wrote on one theme of one item, the one most like the other
provinces' sentences (its mean rapidfuzz token_set_ratio to the sentences of every other
province), i.e. the sentence that says what most of them say. A second quotation, when
asked for, is the most central sentence of another province that does not repeat the
first. Sentences too short to say anything, too long to quote, that are a flattened table
row, or that speak of the report itself rather than of the work ("… tổng hợp từ báo cáo
của các sở", "Trên đây là báo cáo …": the most central sentence would otherwise be the
boilerplate every province writes) are never candidates. A sentence that more than half of
the other provinces wrote in near the same words ("Đề nghị Bộ Xây dựng tiếp tục quan tâm,
hướng dẫn …") is a formula, not what a province did: it is quoted only when nothing else is."""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from baocao.text import clean_line, fold

MIN_LETTERS, MAX_CHARS = 40, 280
NEAR_DUPLICATE = 85  # token_set_ratio above which two sentences say the same thing
FORMULA_SHARE = 0.5  # a sentence near-repeated by more than this share of the other provinces is a formula

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀ-Ỹ0-9“\"(-])|\n+")
_ABOUT_THE_REPORT = re.compile(r"\b(bao cao|tren day|kinh gui|noi nhan)\b")
_BULLET = re.compile(r"^\s*(?:[-+•*–]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+", re.IGNORECASE)


class Candidate(NamedTuple):
    province_code: str
    sentence: str


def sentences(text: str) -> list[str]:
    """A province's text cut into sentences, list markers dropped, fit to quote."""
    out = []
    for raw in _SENTENCE_END.split(text or ""):
        s = clean_line(_BULLET.sub("", raw or ""))
        s = s.rstrip(";:,")
        if _quotable(s):
            out.append(s if s.endswith((".", "!", "?")) else s + ".")
    return out


def _quotable(s: str) -> bool:
    letters = sum(ch.isalpha() for ch in s)
    return (letters >= MIN_LETTERS and len(s) <= MAX_CHARS and "|" not in s and "\t" not in s
            and not s.isupper() and letters / max(len(s), 1) > 0.6 and not _ABOUT_THE_REPORT.search(fold(s)))


def mentions(sentence: str, phrases: Sequence[str]) -> bool:
    folded = fold(sentence)
    return any(re.search(rf"(?<![a-z0-9]){re.escape(fold(p))}(?![a-z0-9])", folded) for p in phrases)


def representative(candidates: Sequence[Candidate], how_many: int = 1) -> list[Candidate]:
    """The `how_many` most central candidates, each of a different province and none
    repeating another; ties go to the shorter sentence, then to the campaign's order."""
    if not candidates:
        return []
    texts = [c.sentence for c in candidates]
    scores = cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=1)
    codes = [c.province_code for c in candidates]
    centrality = []
    for i, code in enumerate(codes):
        others = [scores[i][j] for j, other in enumerate(codes) if other != code]
        centrality.append(sum(others) / len(others) if others else 0.0)
    others = len(set(codes)) - 1
    formula = [others > 1 and len({codes[j] for j in range(len(codes)) if codes[j] != codes[i]
                                   and scores[i][j] >= NEAR_DUPLICATE}) > FORMULA_SHARE * others
               for i in range(len(codes))]
    order = sorted(range(len(candidates)), key=lambda i: (formula[i], -centrality[i], len(texts[i]), i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) == how_many:
            break
        if any(codes[i] == codes[j] or scores[i][j] >= NEAR_DUPLICATE for j in chosen):
            continue
        chosen.append(i)
    return [candidates[i] for i in chosen]
