"""Which outline item a province's heading line is.

Everything said about an item comes from the campaign (`phrases`, `heading`), never
from code. Matching is on `fold`ed text, so case, diacritics and accent placement do not
matter, and on heading-like lines only: "kinh phí" or "đề nghị" occur in every body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from baocao.campaign import OutlineSection
from baocao.parse.document import Block
from baocao.parse.labels import strip_label, template_label
from baocao.text import fold

MAX_HEADING_CHARS = 300
# A tab to a right tab stop filled with dots, no page number after it: the line ends at the
# margin (in a PDF its paragraph with it), and a short line so led is a heading's in a plain face.
LEADER_TO_MARGIN = re.compile(r"(?:\.{4,}|…{2,})$")


def labelled_title(line: str, numbered: bool = False) -> bool:
    """A line no longer than a heading that is a title under its label: its number or its
    label in words ("3. Title", "Yêu cầu thứ ba: Title", "Phần C: Title"), or a label of a
    shape of its own ("<3> Title": its ladder tells later, sections._templated_labels,
    whether it is one); with `numbered` (a number Word draws in front of it), any line. What
    an item's heading typed in a table's left cell, its text beside it, is."""
    title = strip_label(line)  # a label of any form taken off; the line itself when it has none
    template = template_label(line)
    titled = title if title != line else numbered and line or (
        template is not None and line[len(template.label):].strip())
    return bool(titled) and len(line) <= MAX_HEADING_CHARS


# Fuzzy fallback: rapidfuzz token_set_ratio (0-100) against each outline heading. The best
# must be high and clearly ahead of the runner-up: "triển khai đô thị thông minh" is in
# several headings, so it is none of them.
FUZZY_THRESHOLD = 85
FUZZY_MARGIN = 10
_MIN_FUZZY_WORDS = 3
_PARENTHESES = re.compile(r"\([^)]*\)")
# Between two items' phrases, only these words may stand for the heading to cover both:
# "Khó khăn, vướng mắc và đề xuất, kiến nghị", "Khó khăn; các kiến nghị".
_JOINING_WORDS = {"va", "cac", "nhung", "mot", "so", "cung"}
_JOINING_MARKS = set(",;/&-+")


@dataclass(frozen=True)
class _Hit:
    number: int
    start: int
    end: int


def is_heading_like(block: Block) -> bool:
    """A heading style, or a short paragraph that is bold, underlined, in a colour of its own,
    letter-spaced, highlighted, boxed, ALL CAPS or numbered."""
    if block.kind != "paragraph":
        return False
    if block.heading_level is not None:
        return True
    return len(block.text) <= MAX_HEADING_CHARS and (set_apart(block) or bool(block.number))


def set_apart(block: Block) -> bool:
    """Whether the line bears a mark headings are set apart by (any of `marks`)."""
    return any(marks(block))


def marks(block: Block, line: str | None = None) -> tuple[bool, ...]:
    """Which of the marks headings are set apart by the line bears: bold, underlined, in a
    colour of its own, letter-spaced, highlighted, boxed, ALL CAPS (`line`, the heading's own
    words, or the block's text) — one list, for every reader of marks."""
    return (block.bold, block.underlined, block.coloured, block.spaced, block.highlighted, block.boxed,
            is_all_caps(block.text if line is None else line))


_ASIDE = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=4096)
def is_all_caps(text: str) -> bool:
    """Every letter upper case, four at least; a parenthesised aside in lower case ("II. NHỮNG
    VIỆC ĐÃ LÀM (chi tiết tại Phụ lục 01)") left out when the rest has four letters. Cached:
    a block's line is asked about again by each heading rule."""
    outside = _ASIDE.sub(" ", text)
    text = outside if sum(map(str.isalpha, outside)) >= 4 else text
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(map(str.isupper, letters))


def match_heading(text: str, sections: Sequence[OutlineSection]) -> tuple[int, ...]:
    """The outline item(s) a heading line is about, in outline order; () if none.

    By the campaign's phrases first; the item whose phrase comes first leads, and a
    later item joins only when the heading joins them ("A và B", "A, B"), so "Kinh phí
    thực hiện kế hoạch hành động" is funding, not also communication. Failing phrases,
    by fuzzy likeness to the outline heading itself.
    """
    key = match_key(text)
    if not key:
        return ()
    hits = _phrase_hits(key, tuple(sections))
    if hits:
        return tuple(sorted(_joined_items(key, hits)))
    return _closest_heading(key, sections)


def match_key(text: str) -> str:
    """What a heading is compared by: folded, without its numbering label or parenthesised asides."""
    return fold(_PARENTHESES.sub(" ", strip_label(text))).strip(" .:-")


def phrase_items(text: str, sections: Sequence[OutlineSection]) -> frozenset[int]:
    """The items one of whose phrases `text` holds (folded, whole words), each phrase read once where
    phrases overlap (the longest): which items a passage's own words name."""
    return frozenset(hit.number for hit in _phrase_hits(fold(text), tuple(sections)))


def _phrase_hits(key: str, sections: tuple[OutlineSection, ...]) -> list[_Hit]:
    """Non-overlapping phrase occurrences, longest phrase first where they overlap."""
    found = []
    for section in sections:
        for phrase in section.phrases:
            for m in _phrase_pattern(phrase).finditer(key):
                found.append(_Hit(section.number, m.start(), m.end()))
    kept: list[_Hit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> re.Pattern:
    """Whole words, any punctuation or spacing between them: "khó khăn, vướng mắc"
    also matches "KHÓ KHĂN VƯỚNG MẮC"."""
    words = re.findall(r"\w+", fold(phrase))
    return re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)")


def _joined_items(key: str, hits: list[_Hit]) -> set[int]:
    items = {hits[0].number}
    previous = hits[0]
    for hit in hits[1:]:
        if hit.number not in items and _joins(key[previous.end : hit.start]):
            items.add(hit.number)
        previous = hit
    return items


def _joins(gap: str) -> bool:
    words = set(re.findall(r"\w+", gap))
    return words <= _JOINING_WORDS and ("va" in words or any(ch in _JOINING_MARKS for ch in gap))


def _closest_heading(key: str, sections: Sequence[OutlineSection]) -> tuple[int, ...]:
    exact = [s.number for s in sections if match_key(s.heading) == key]
    if exact or len(key.split()) < _MIN_FUZZY_WORDS:
        return tuple(exact)
    scores = sorted(((fuzz.token_set_ratio(key, match_key(s.heading)), s.number) for s in sections), reverse=True)
    (best, number), runner_up = scores[0], scores[1][0] if len(scores) > 1 else 0
    return (number,) if best >= FUZZY_THRESHOLD and best - runner_up >= FUZZY_MARGIN else ()
