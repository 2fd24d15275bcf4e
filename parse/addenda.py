"""Text a province wrote away from its item, under a lead that says which item it adds to.

A province that remembers something once the report is written adds it where it is, after
the last item or inside another one, under a lead of its own naming the item: "* Bổ sung
nội dung tại mục 2 của đề cương:", "(tiếp mục 4)", "Điều chỉnh phần Kinh phí:". The
passage is that item's text, come late: it is moved to the end of the item's cell, and the
cell says where it came from ("bổ sung sau mục 6").

What makes a lead is its shape, not its wording: a line of its own (short, not ending a
sentence, or all in parentheses) or the first clause of a paragraph up to its colon (one
phrase, no comma), that refers to an item of the outline and says it amends it (adds to,
corrects, clarifies, continues: a handful of Vietnamese verbs of the language, not of any
report). The item is referred to by its number, as the outline or the report's own
headings number it ("mục 2", "nội dung II", "phần thứ hai"), or by its heading's words
(matched by rapidfuzz against the report's headings and the outline's items). A mention in
running text ("như đã nêu tại mục 2, …") is a sentence, not a lead, and moves nothing.

A reference is doubtful, and the cell flagged for review, when the report's own numbering
and the outline's give two items and the lead does not say which ("mục 2" where the
report's "2." is item 3), when the heading's words match the item only loosely, or when
the lead only says what it is about ("Về nội dung mục 3:": an item's text may speak of
another item's subject so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from baocao.campaign import OutlineSection
from baocao.parse.confidence import ADDENDUM_DOUBT_FACTOR, Reason, added_after
from baocao.parse.labels import label_ordinal, leading_label, strip_label
from baocao.text import fold

if TYPE_CHECKING:  # parse/sections.py calls this module
    from baocao.parse.sections import Section

# A lead is short: a line longer than this is a paragraph of text.
LEAD_CHARS = 150
# A lead's words beside its verb and its reference: a few ("nội dung tại", "của đề cương").
LEAD_OTHER_WORDS = 8
# The heading's words of the item a lead names (rapidfuzz partial_ratio, 0-100, on folded
# text): this sure at least, and this much surer than for any other item; below SURE_WORDS doubtful.
NAMED_WORDS = 85
SURE_WORDS = 95
WORDS_MARGIN = 10
# Words naming a heading are at least this many letters ("kinh phí" has 7).
WORDS_LETTERS = 6

_MARK = re.compile(r"^[\s*•·+\-–—>]+")
# The verbs that say a passage amends an item: adds to, adjusts, clarifies, corrects,
# updates, explains it; "tiếp (theo)" right before the reference continues it.
_AMENDS = re.compile(r"\b(?:bo sung|dieu chinh|lam ro|dinh chinh|sua doi|cap nhat|giai trinh|thay the)\b"
                     r"|\btiep(?:\s+theo)?\s+(?=(?:muc|noi dung|phan|cau|tieu muc)\b)")
# "Về …" opening a lead: what the passage is about, not that it amends.
_ABOUT = re.compile(r"^ve\b")
_ORDINALS = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi")
# A reference to a numbered part: the word the outline and reports number their parts with,
# then the number ("mục 2", "mục 2.1", "nội dung II", "phần thứ hai", "câu số 3").
_REFERENCE = re.compile(
    r"\b(?:tieu muc|muc|noi dung|phan|cau|diem)\s+(?:so\s+)?"
    rf"(?:(?P<arabic>\d{{1,2}})(?:\.\d{{1,2}})*\b(?![/,]\d)|(?P<roman>[ivx]{{1,4}})\b|thu\s+(?P<ordinal>{'|'.join(_ORDINALS)})\b)")
# The outline itself named: "(mục 2) của đề cương", "đề cương của Bộ".
_OUTLINE = re.compile(r"\bde cuong\b")
_ITEM_WORD = re.compile(r"\b(?:tieu muc|muc|noi dung|phan|cau|diem)\b")
_SENTENCE_END = (".", ";", ",", "!", "?")


@dataclass(frozen=True)
class _Passage:
    donor: int  # the section it was written in
    first: int  # its lines in the donor's text, first..end
    end: int
    item: int  # the outline item it adds to
    doubtful: bool


def with_addenda(found: dict[int, Section], outline: Sequence[OutlineSection]) -> dict[int, Section]:
    """The sections found (by item), before they are assessed, with each passage that a lead
    says amends another item moved to the end of that item's text: the receiving section
    gets the reason added_after_N (N the item it was written under) and, if the reference is
    doubtful, addendum_doubtful and a confidence of ADDENDUM_DOUBT_FACTOR (the assessment
    scales it). A passage naming an item the report does not have stays where it is."""
    passages = [passage for section in found.values()
                for passage in _passages(section, section.text.split("\n"), found, outline)
                if passage.item in found]
    if not passages:
        return found
    texts = {n: s.text.split("\n") for n, s in found.items()}
    kept = {n: [True] * len(lines) for n, lines in texts.items()}
    added: dict[int, list[str]] = {}
    reasons: dict[int, list[str]] = {}
    doubtful: set[int] = set()
    written: set[tuple[int, str]] = set()  # a merged heading's text is in two cells: its passage goes once
    for passage in sorted(passages, key=lambda p: (found[p.donor].source.first_block, p.first)):
        donor = found[passage.donor]
        moved = texts[passage.donor][passage.first:passage.end]
        for i in range(passage.first, passage.end):
            kept[passage.donor][i] = False
        key = (donor.source.first_block, "\n".join(moved))
        if key in written:
            continue
        written.add(key)
        added.setdefault(passage.item, []).extend(moved)
        reasons.setdefault(passage.item, []).append(added_after(max((donor.number, *donor.merged_with))))
        if passage.doubtful:
            doubtful.add(passage.item)
    result = {}
    for n, section in found.items():
        lines = [line for line, keep in zip(texts[n], kept[n], strict=True) if keep] + added.get(n, [])
        if lines == texts[n]:
            result[n] = section
            continue
        codes = tuple(dict.fromkeys((*section.reasons, *reasons.get(n, ()),
                                     *([Reason.ADDENDUM_DOUBTFUL.value] if n in doubtful else ()))))
        confidence = round(section.confidence * ADDENDUM_DOUBT_FACTOR, 3) if n in doubtful else section.confidence
        result[n] = replace(section, text="\n".join(lines), reasons=codes, confidence=confidence)
    return result


def amends_an_item(line: str, found: dict[int, Section], outline: Sequence[OutlineSection]) -> bool:
    """Whether a line is a lead saying the passage under it amends an item (with_addenda's
    leads): a heading the reader took for no item that is one opens no part of the report
    of its own, its passage is text come late, and belongs with the item before it until
    with_addenda moves it where the lead says."""
    lead = _lead(line)
    return lead is not None and _target(lead, found, outline) is not None


def _passages(section: Section, lines: list[str], found: dict[int, Section],
              outline: Sequence[OutlineSection]) -> list[_Passage]:
    """The passages of a section's text that a lead says belong to another item: from the
    lead to the next lead or the end of the text. The first line is the item's own."""
    leads = []
    for at in range(1, len(lines)):
        lead = _lead(lines[at])
        if lead is not None and (target := _target(lead, found, outline)) is not None:
            leads.append((at, *target))
    ends = [at for at, _, _ in leads[1:]] + [len(lines)] if leads else []
    return [_Passage(section.number, at, end, item, doubtful)
            for (at, item, doubtful), end in zip(leads, ends, strict=True)
            if item != section.number and item not in section.merged_with]


def _lead(line: str) -> str | None:
    """The lead a line is or begins with, folded and without its bullet mark, or None: a
    line of its own (short, not ending a sentence, or all in parentheses) or a paragraph's
    first clause up to its colon, one phrase (no comma)."""
    text = _MARK.sub("", fold(line)).strip()
    if not text or len(text) > LEAD_CHARS and ":" not in text[:LEAD_CHARS]:
        return None
    if text.startswith("(") and text.rstrip(" :").endswith(")"):
        return text.strip("(): ")
    if len(text) <= LEAD_CHARS and not text.endswith(_SENTENCE_END) and not text.endswith("./."):
        return text.rstrip(" :")
    clause, colon, _ = text.partition(":")
    if colon and len(clause) <= LEAD_CHARS and "," not in clause:
        return clause.strip()
    return None


def _target(lead: str, found: dict[int, Section], outline: Sequence[OutlineSection]) -> tuple[int, bool] | None:
    """The item a lead amends and whether that is doubtful; None when it is no lead that
    amends an item (no verb of amending, nor "về" before a numbered reference)."""
    amends = _AMENDS.search(lead)
    about = _ABOUT.match(lead)
    if not amends and not about:
        return None
    reference = _REFERENCE.search(lead)
    if reference:
        rest = lead[: reference.start()] + lead[reference.end():]
        if _words(_AMENDS.sub(" ", _OUTLINE.sub(" ", rest))) > LEAD_OTHER_WORDS:
            return None
        item, doubtful = _numbered(reference, lead, found, outline)
        return (item, doubtful or not amends) if item is not None else None
    # By its heading's words, after a word naming a part of the report ("Bổ sung phần Kinh phí"):
    # "Bổ sung kinh phí cho các dự án:" in the proposals asks for money, it names no part.
    part = _ITEM_WORD.search(lead, amends.end()) if amends else None
    if not part:
        return None
    words = " ".join(_ITEM_WORD.sub(" ", lead[part.start():]).split())
    if sum(ch.isalpha() for ch in words) < WORDS_LETTERS:
        return None
    return _named(words, found, outline)


def _numbered(reference: re.Match, lead: str, found: dict[int, Section],
              outline: Sequence[OutlineSection]) -> tuple[int | None, bool]:
    """The item a numbered reference means: the outline's item of that number when the lead
    names the outline, or the report's own heading numbered so (its numbering may not be the
    outline's: doubtful when the two differ), or the outline's item of that number."""
    if reference["ordinal"]:
        value, roman = _ORDINALS.index(reference["ordinal"]) + 1, False
    elif reference["roman"]:
        value, roman = label_ordinal(reference["roman"].upper() + "."), True
    else:
        value, roman = int(reference["arabic"]), False
    numbers = [item.number for item in outline]
    by_outline = value if value in numbers else None
    if _OUTLINE.search(lead):
        return by_outline, False
    by_heading = [n for n, s in found.items() if _heading_number(s.heading, roman) == value]
    if len(by_heading) == 1:
        return by_heading[0], by_outline is not None and by_heading[0] != by_outline
    numbered = any(_heading_number(s.heading, roman) is not None for s in found.values())
    return by_outline, numbered


def _heading_number(heading: str, roman: bool) -> int | None:
    """The value of a heading's label, when it is written with Roman numerals or not as asked."""
    label = leading_label(heading)
    if not label:
        return None
    is_roman = bool(re.search(r"\b[IVXivx]+\b", label)) and not re.search(r"\d", label)
    return label_ordinal(label) if is_roman == roman else None


def _named(words: str, found: dict[int, Section], outline: Sequence[OutlineSection]) -> tuple[int, bool] | None:
    """The item whose heading (the report's own, or the outline's label and heading) the
    lead's words match best, clearly better than any other's; doubtful below SURE_WORDS."""
    scores: dict[int, float] = {}
    for item in outline:
        titles = [item.label, item.heading]
        if item.number in found:
            titles.append(strip_label(found[item.number].heading))
        scores[item.number] = max(_likeness(words, fold(title)) for title in titles if title)
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    (best, score), runner = ranked[0], ranked[1][1] if len(ranked) > 1 else 0.0
    if score < NAMED_WORDS or score - runner < WORDS_MARGIN:
        return None
    return best, score < SURE_WORDS


def _likeness(words: str, title: str) -> float:
    """How well the lead's words match a title: as a part of it (the lead names the item by
    a few of its words), or as a whole when they are the longer (not the title in a longer lead)."""
    return fuzz.partial_ratio(words, title) if len(words) <= len(title) else fuzz.ratio(words, title)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))
