"""Headings marked by a list bullet and nothing else: "❖ Kết quả đạt được", "➢ …", "- …".

Some provinces number nothing: each item's heading is a paragraph of a bullet list (Word
draws the "❖"; a PDF prints it at the line's start; a typist puts "- " or "+ "), the same
marker for every item, the text under it plain paragraphs. Bullets also mark lists inside
an item's text (the projects of a programme, the "- " of every Vietnamese report), so a
marker alone makes no heading. A run of paragraphs with one marker is a ladder of headings
when it reads as one by its structure: the same marker in the same style, each a short
line that closes no sentence nor list entry (";", ","), each with text of its own under it
(a list's lines follow one another), a few of them in all. Whether the ladder carries the
outline is then the alignment's to say, as for any level (parse/sections.py).
"""

from __future__ import annotations

import re
import unicodedata

from baocao.parse.document import Block
from baocao.parse.labels import label_in_words, word_label

# A ladder has this many headings at least (as many as make a report convincing by their
# numbers alone), and at most the outline's items plus this many of the province's own.
LADDER_LEAST = 3
LADDER_EXTRA = 3
# A heading marked by a bullet is a title: a line of at most this many characters.
LADDER_CHARS = 150
# Marks typed in front of a line as a list's bullet: symbols ("❖", "➢", "■", "●", "+"), dashes,
# a symbol font's private-use characters, and a few punctuation marks drawn as bullets.
_MARK_CATEGORIES = {"So", "Sm", "Pd", "Co"}
_MARK_PUNCTUATION = set("*•·‣⁃◦")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‒": "-"})
# A picture bullet's foot OCR read as an underscore after its symbol ("®_ Nhóm công việc A.", the
# others "® Nhóm công việc B."): the same marker (labels._PICTURE_READ reads it so before a label).
_TYPED = re.compile(r"^(?P<mark>\S)(?:(?<=[^\w\s])_{1,2})?\s+(?=[^\W\d_])")
# A typed bullet with one character before it, glued, then the title ("Í* Bao muối…"): a speck
# OCR read as a letter or a mark in front of the bullet. Not a digit: a picture bullet's body read
# as one before its symbol ("4® Nội dung thứ tư: …") is the picture's reading (labels._PICTURE_READ).
_SPECKED = re.compile(r"^[^\s\d](?P<mark>[^\w\s])\s+(?=[^\W\d_])")
# A line that ends as a list's entry or a sentence does.
_ENDS_ENTRY = (";", ",", ".")


def list_marker(block: Block) -> str:
    """The list marker that is no number in front of a paragraph: the bullet Word draws, or a
    bullet typed before its first word ("- ", "+ ", "❖ "), dashes alike; "" for none."""
    if block.kind != "paragraph":
        return ""
    if block.bullet:
        return block.bullet
    text = block.text
    if len(text) < 3 or text[0].isalnum() or not (text[1].isspace() or text[1] == "_"):
        return ""  # most lines: they begin with a word
    m = _TYPED.match(text)
    if not m or not is_list_mark(m["mark"]):
        return ""
    return m["mark"].translate(_DASHES)


def is_list_mark(mark: str) -> bool:
    """Whether a character is one typed or drawn as a list's bullet."""
    return len(mark) == 1 and (unicodedata.category(mark) in _MARK_CATEGORIES or mark in _MARK_PUNCTUATION)


def bullet_ladders(blocks: tuple[Block, ...], after: int, limit: int, item_count: int) -> dict[int, tuple]:
    """The paragraphs between `after` and `limit` that make a ladder of headings marked by a
    bullet alone, by position, each with its ladder's key (the marker, drawn or typed, and the
    paragraph style): per marker and style, LADDER_LEAST paragraphs or more (but no more than
    the outline's items and LADDER_EXTRA), numbered and styled ones aside, each a title
    (no longer than LADDER_CHARS, not ending as a sentence or a list's entry does) with text
    under it before the next one (no two one under the other). A marker that also opens lines
    of running text or a list is the text's, and makes no ladder."""
    groups: dict[tuple, list[int]] = {}
    specked: list[tuple[int, tuple]] = []
    for pos in range(max(after + 1, 0), limit):
        block = blocks[pos]
        marker = list_marker(block) if not block.number and block.heading_level is None else ""
        if marker:  # a numbered or styled paragraph is of its own level, bulleted or not
            groups.setdefault((bool(block.bullet), marker, block.style), []).append(pos)
        elif not block.number and block.heading_level is None and (m := _SPECKED.match(block.text)):
            specked.append((pos, (False, m["mark"].translate(_DASHES), block.style)))
    # A typed bullet read with a speck before it ("Í* Bao muối…" among "* …" on a scan: pool 50's
    # Tây Ninh) is the group's where the group is there without it.
    for pos, key in specked:
        if key in groups and is_list_mark(key[1]):
            groups[key] = sorted([*groups[key], pos])
    ladders: dict[int, tuple] = {}
    for key, positions in groups.items():
        if not LADDER_LEAST <= len(positions) <= item_count + LADDER_EXTRA:
            continue
        if not all(_title(blocks[pos]) for pos in positions):
            continue
        if any(b - a < 2 for a, b in zip(positions, [*positions[1:], limit], strict=True)):
            continue  # a list's lines, or a last one with nothing under it
        if _counted_by_words(blocks, positions):
            continue
        ladders.update(dict.fromkeys(positions, ("bullet", *key)))
    return ladders


def _counted_by_words(blocks: tuple[Block, ...], positions: list[int]) -> bool:
    """Whether every paragraph of a group marked by a bullet Word draws (a character or a
    picture, not typed into the text) opens with one label of words and a number counting 1, 2,
    3… ("• Ý 1. …", "• Ý 2. …"): the label numbers the ladder, the bullet only decorates it, and
    the headings are of their label's level (as a label read by its marks is, numbered before
    the bullets are looked at: "• Hoạt động 1: …"), their own numbers telling which item each
    is; read by the bullet alone they were unnumbered lines of the province's words, which the
    outline's words alone had to carry (pool 45's Đắk Nông: no section found without phrases)."""
    labels = [word_label(blocks[pos].text) if blocks[pos].bullet else None for pos in positions]
    if (all(labels) and len({words for words, _ in labels}) == 1
            and [number for _, number in labels] == list(range(1, len(labels) + 1))):
        return True
    # "❖ Nội dung thứ hai: …", "❖ Nội dung thứ ba: …": a label in words, an ordinal or a cardinal
    # before the colon, counting on by one from wherever the ladder starts (its first heading may be
    # missing), the bullet drawn, typed or a picture OCR read as marks ("®_", "$_": pool 49's Bắc
    # Giang, read as two ladders, no section found without phrases). Its words end with the count,
    # so marks before them do not hide it as they hide a label of words and a number.
    counted = [label_in_words(blocks[pos].text) for pos in positions]
    return all(counted) and counted == list(range(counted[0], counted[0] + len(counted)))


def _title(block: Block) -> bool:
    text = block.text.rstrip()
    return len(text) <= LADDER_CHARS and not text.endswith(_ENDS_ENTRY)
