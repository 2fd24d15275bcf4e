"""Cut a report into the campaign's outline items.

Provinces renumber, reorder, merge and add items, so the number they wrote says
nothing about which item a heading is; its words do (see headings.py). What the number
*style* does say is the level: section headings share one ("I.", "II." or a Heading 1
style) and sub-headings use another ("1.", "a)"), so the level whose headings match the
most outline items is taken as the section level, and only headings at that level open
or close a section. Sub-headings stay in their section's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from baocao.campaign import OutlineSection
from baocao.parse.document import Block, Document
from baocao.parse.headings import is_all_caps, is_heading_like, match_heading
from baocao.parse.labels import label_shape
from baocao.text import fold

# Where the closing formalities begin: "Trên đây là báo cáo…", "Nơi nhận:", "TM. ỦY BAN
# NHÂN DÂN", "KT. CHỦ TỊCH" (Nghị định 30/2020 layout).
_SIGNOFF = re.compile(r"^(?:tren day la\b|noi nhan\b|(?:tm|kt|tl|tuq)\s?\.)")
# The document-type line and the subject line after it name the whole report
# ("BÁO CÁO" / "Tình hình triển khai đô thị thông minh…"), never one item.
_DOCUMENT_TYPE = re.compile(r"^bao cao$")
_SUBJECT = re.compile(r"^v/v\b")


@dataclass(frozen=True)
class SourceRef:
    """Where a section came from, so a reviewer can check it: blocks 12-30 of a file."""

    file: str
    first_block: int  # Block.index of the heading
    last_block: int  # Block.index of the last block of the body
    first_page: int | None = None  # for paginated formats
    last_page: int | None = None


@dataclass(frozen=True)
class Section:
    number: int  # outline item 1..6
    heading: str  # as the province wrote it, its number included
    text: str  # NFC body, one block a line, heading line excluded
    source: SourceRef
    merged_with: tuple[int, ...] = ()  # other items the same heading covered


@dataclass(frozen=True)
class ParsedReport:
    sections: tuple[Section, ...]  # in outline order, only those found
    letterhead: str  # before the first section: recognises the province
    signoff: str  # from "Trên đây là báo cáo…" / "Nơi nhận" on, after the last section


def extract_sections(doc: Document, sections: Sequence[OutlineSection]) -> ParsedReport:
    """The outline items found in `doc`, with the letterhead and sign-off kept apart."""
    blocks = doc.blocks
    headings = _section_headings(blocks, tuple(sections))
    opening = [pos for pos, items in headings if items]
    signoff_at = _signoff_position(blocks, after=opening[-1] if opening else -1)
    found: dict[int, Section] = {}
    for (pos, items), end in zip(headings, [*(p for p, _ in headings[1:]), len(blocks)], strict=False):
        if not items:
            continue
        heading = blocks[pos]
        if pos + 1 < end and _wraps(blocks, pos + 1, (), {pos: items}) and is_heading_like(blocks[pos + 1]) \
                and heading_level_key(blocks[pos + 1]) == heading_level_key(heading):
            heading = replace(heading, text=f"{heading.text} {blocks[pos + 1].text}")
            pos += 1
        body = blocks[pos + 1 : min(end, signoff_at)]
        for section in _sections_from(doc.name, heading, body, items):
            found[section.number] = _combined(found[section.number], section) if section.number in found else section
    first = opening[0] if opening else signoff_at
    return ParsedReport(
        sections=tuple(found[n] for n in sorted(found)),
        letterhead=_joined(blocks[:first]),
        signoff=_joined(blocks[signoff_at:]),
    )


def heading_level_key(block: Block) -> tuple:
    """What headings of one level share: a heading style level, else the shape of the
    number label ("I.", "1.", "1.1.", "a)"), else being unnumbered (in capitals or not)."""
    if block.heading_level is not None:
        return ("style", block.heading_level)
    if block.number:
        return ("label", label_shape(block.number))
    return ("unnumbered", is_all_caps(block.text))


def _section_headings(
    blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...]
) -> list[tuple[int, tuple[int, ...]]]:
    """(position, items) of every heading at the section level; items () for a heading
    of the province's own, which ends the section before it."""
    titles = _title_positions(blocks)
    candidates = [pos for pos, block in enumerate(blocks) if is_heading_like(block) and pos not in titles]
    matches = {pos: items for pos in candidates if (items := match_heading(blocks[pos].text, outline))}
    if not matches:
        return []
    level = _section_level(blocks, matches)
    at_level = [(pos, matches.get(pos, ())) for pos in candidates if heading_level_key(blocks[pos]) == level]
    return [(pos, items) for pos, items in at_level if not _wraps(blocks, pos, items, matches)]


def _wraps(blocks: tuple[Block, ...], pos: int, items: tuple[int, ...], matches: dict) -> bool:
    """A long heading wrapped onto a second line that a reader (a scan's OCR layer, a PDF)
    took for a heading of its own: unnumbered, matching nothing, right after a section
    heading that does not end a sentence. It goes on that heading, not ending it."""
    if items or pos == 0 or (pos - 1) not in matches or blocks[pos].number:
        return False
    return not blocks[pos - 1].text.rstrip().endswith((".", ":", ";"))


def _section_level(blocks: tuple[Block, ...], matches: dict[int, tuple[int, ...]]) -> tuple:
    """The level whose matching headings cover the most outline items; on a tie, the one
    that comes first (section headings come before their sub-headings)."""
    items_by_level: dict[tuple, set[int]] = {}
    first_by_level: dict[tuple, int] = {}
    for pos, items in matches.items():
        level = heading_level_key(blocks[pos])
        items_by_level.setdefault(level, set()).update(items)
        first_by_level.setdefault(level, pos)
    return max(items_by_level, key=lambda level: (len(items_by_level[level]), -first_by_level[level]))


def _title_positions(blocks: tuple[Block, ...]) -> set[int]:
    positions = set()
    for pos, block in enumerate(blocks):
        key = fold(block.text)
        if _DOCUMENT_TYPE.match(key):
            positions.add(pos)
            if pos + 1 < len(blocks) and not blocks[pos + 1].number:
                positions.add(pos + 1)
        elif _SUBJECT.match(key):
            positions.add(pos)
    return positions


def _signoff_position(blocks: tuple[Block, ...], after: int) -> int:
    for pos in range(after + 1, len(blocks)):
        if _SIGNOFF.match(fold(blocks[pos].text)):
            return pos
    return len(blocks)


def _sections_from(file: str, heading: Block, body: tuple[Block, ...], items: tuple[int, ...]) -> list[Section]:
    """One section per item the heading covers: a merged heading fills each with the same text."""
    last = body[-1] if body else heading
    source = SourceRef(file, heading.index, last.index, heading.page, last.page)
    return [
        Section(
            number=item,
            heading=heading.line,
            text=_joined(body),
            source=source,
            merged_with=tuple(other for other in items if other != item),
        )
        for item in items
    ]


def _combined(first: Section, second: Section) -> Section:
    """An item written under two headings (e.g. "IV. Kinh phí" and "V. Nguồn vốn") is
    kept whole: the second heading becomes a line of the text."""
    text = "\n".join(part for part in (first.text, second.heading, second.text) if part)
    return replace(
        first,
        text=text,
        source=replace(first.source, last_block=max(first.source.last_block, second.source.last_block)),
        merged_with=tuple(sorted(set(first.merged_with) | set(second.merged_with))),
    )


def _joined(blocks: Sequence[Block]) -> str:
    return "\n".join(block.line for block in blocks)
