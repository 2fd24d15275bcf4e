"""Cut a report into the campaign's outline items.

Structure first. A report's headings form a ladder: each level shares a number style
("PHẦN I", "Phần thứ nhất", "I.", "A.", "1.", "1.1.", "a)"), a Word heading level, being
unnumbered bold or in capitals, or a list bullet that marks a ladder of titles by itself
("❖", parse/bullets.py). One level carries the outline; the others are sub-headings (inside
an item's text) or a container above it ("I. KẾT QUẢ THỰC HIỆN" over items numbered
1.-6.). Every level's headings are aligned with the outline as a sequence (alignment.py:
words, order and numbers together), and the level whose alignment scores best, less a
cost for numbers that start again at 1 (sub-headings do), is the section level. Its
headings are aligned again, each told also by the text under it (what its words do not
say, its text may), and open the items they were aligned with, or none (a heading of the province's
own, whose text goes to no item); a later heading of a container level also ends a
section. Provinces renumber, reorder and merge items, so a number only tips a balance.
A table of contents, and the outline quoted before the answers (a run of headings with
nothing under them that reads as the outline), are neither headings nor text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise, takewhile

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from baocao.aggregate.amounts import states_figure
from baocao.campaign import OutlineSection
from baocao.parse.addenda import amends_an_item, with_addenda
from baocao.parse.alignment import (
    JOINED_LIKENESS,
    TOLD_WORDS,
    Alignment,
    Evidence,
    align,
    best_possible,
    joined_items,
    joints_as_and,
    likeness,
    margins,
    outline_words,
    text_likeness,
    two_parts,
)
from baocao.parse.bullets import LADDER_CHARS, LADDER_EXTRA, bullet_ladders, list_marker
from baocao.parse.confidence import (
    CLOSE_MARGIN,
    MISREAD_MARKS,
    READS_ELSEWHERE_GAIN,
    TOO_SHORT_LETTERS,
    WORDS_CLEAR,
    Reading,
    Support,
    assess,
    left_out_item,
    misread_marks,
    needs_review,
    outweighed_by_left_out,
    recurring_lines,
    shorter_than_left_out,
)
from baocao.parse.document import Block, Document
from baocao.parse.headings import (
    LEADER_TO_MARGIN,
    MAX_HEADING_CHARS,
    is_all_caps,
    is_heading_like,
    marks,
    match_heading,
    match_key,
    phrase_items,
    set_apart,
)
from baocao.parse.labels import (
    LABEL_IN_WORDS_MAX,
    MISREAD_I,
    TEMPLATE_LABEL_WORDS,
    Template,
    bare_number,
    bare_roman,
    circled_number,
    counts_in_words,
    final_ones,
    garbled_word_label,
    label_in_words,
    label_ordinal,
    label_shape,
    leading_label,
    misread_roman,
    misread_word_roman,
    misread_word_stop,
    ordinal_word,
    outline_reference,
    relabelled,
    relabelled_in_words,
    roman_numeral,
    strip_label,
    template_label,
    without_picture_marks,
    word_label,
    word_label_alone,
    word_label_in_roman,
    word_letter_label,
)
from baocao.parse.letterhead import self_dated
from baocao.parse.textlayer import garbled, unreadable
from baocao.text import fold, unmarked

# Where the closing formalities begin: "Trên đây là báo cáo…", "Nơi nhận:", "TM. ỦY BAN
# NHÂN DÂN", "KT. CHỦ TỊCH" (Nghị định 30/2020 layout); on a scan after a speck read as a
# mark ('"Trên đây là…').
# The closing sentence's "Trên đây là báo cáo", its "Trên" as OCR may misread it ("Tiến đấy là bạo
# cao…", "Kiến đầy là bào cao…": a word of three or four letters ending in n, never the "Sau đây" or
# "Dưới đây" of a covering sentence).
_CLOSING_OPENS = r"(?:tren|\w{2,3}n) day la bao cao\b"
_SIGNOFF = re.compile(rf"^\W*(?:tren day la\b|{_CLOSING_OPENS}|noi nhan\b|(?:tm|kt|tl|tuq)\s?\.)")
# The document-type line and the subject line after it name the whole report
# ("BÁO CÁO" / "Tình hình triển khai đô thị thông minh…"), never one item.
_DOCUMENT_TYPE = re.compile(r"^bao cao$")
_SUBJECT = re.compile(r"^v/v\b")
_PARENTHESES = re.compile(r"\([^)]*\)")
# The covering sentence under the title: "UBND tỉnh … báo cáo như sau:", its colon as OCR may
# read it (a semicolon, "như Sau;").
_COVERING = re.compile(r"\bbao cao\b.*\bnhu sau\s*[:;]?\s*$")
# The most words of the covering sentence's tail read as a line of their own ("sau:").
COVERING_TAIL_WORDS = 2
# That tail, with what OCR makes of the line's number in the margin of a page with numbered
# lines in front of it ("Đ sau" for "6 sau:"), and the colon it then sets after "như" instead.
_COVERING_TAIL = re.compile(r"\bbao cao\b.*\bnhu\W*(?:\S{1,2}\s+)?sau\s*[:;]?\s*$")
# Where no heading can follow: the closing sentence of the report, the distribution
# list, the signature's "TM." / "KT.".
_CLOSING = re.compile(rf"^\W*(?:{_CLOSING_OPENS}|noi nhan\b|(?:tm|kt|tl|tuq)\s?\.)")
# A level whose numbers start again at 1 is a sub-heading level: it counts against it.
RENUMBERED = 1.0
# A report is taken as one on the outline when a heading's words point this clearly at
# its item (one word of a single item is 0.5: not enough), or the likenesses of its
# headings to their items add up to this, or this many headings are numbered as their items.
CONVINCING_LIKENESS = 0.6
CONVINCING_TOTAL = 1.0
CONVINCING_COUNT = 3
# Headings whose likenesses add up to this hint at the outline; their texts may confirm it.
WEAKLY_TOTAL = 0.5
# Untitled text before a level's first heading this long (times its headings' median text) or
# longer may be the item the province left without a heading (_told_by_structure).
UNTITLED_ITEM = 0.5
# A heading line at least this long may have been wrapped by the page's width ("I. CÁC NỘI
# DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950" + "ĐƯỢC BAN HÀNH"); a short one was not.
WRAPPED_CHARS = 40
# A numbered ladder this long or longer on a recognised page can tell a misread label by its sequence.
MISREAD_LADDER = 3
# A label of a shape of the document's own (_templated_labels) counts up over this many headings at least.
TEMPLATE_LADDER = 3
# A Roman numeral and its mark as OCR may read them, alone on a line (see labels.misread_roman).
MISREAD_LABEL_CHARS = 6
_MISREAD_LABEL_ONLY = re.compile(rf"T?[{MISREAD_I}]{{0,4}}[{MISREAD_I}ƯU]\s*[.,:)/\-]{{0,3}}")
ROMAN_LEVEL = ("label", "I.")
LOWER_ROMAN_LEVEL = ("label", "i.")
ORDINAL_WORD_LEVEL = ("label", "thu nhat,")
BARE_NUMBER_LEVEL = ("label", "1 ")  # headings numbered with no mark after the number ("1 Tình hình…")
BARE_ROMAN_LEVEL = ("label", "I ")  # headings numbered so in Roman numerals ("III TỔ CÔNG TÁC…")
# A level above the section level holds the items in a few parts ("I. KẾT QUẢ", "II.
# PHƯƠNG HƯỚNG"); one with more headings is not a container.
MAX_CONTAINERS = 3
# A heading covering two items has a text this much longer than its level's median at least.
TWO_TEXTS = 1.25
# The one text of a level stating a funding figure speaks the funding item this much more
# (text_likeness' scale: an item's own text speaks it some 0.1-0.2 beyond its level's mean).
FIGURE_TOLD = 0.25
# A chart's label as OCR reads it (see _without_chart_labels): a whole number, or a bar read as
# a letter or two; the specks around it dropped first.
_CHART_CELL = re.compile(r"\d+|[^\W\d_]{0,2}")
_CHART_SPECKS = re.compile(r"^[\W_]+|[\W_]+$")
# A line of a table of contents ends with its page number, after a leader of dots or spaces.
_PAGE_NUMBER_END = re.compile(r"(?:\s*[.…·_]{2,}\s*|\s+)\d{1,3}$")
_LEADER_END = re.compile(r"[.…·_]{2,}[\s|]*\d{1,3}$")  # a leader's dots, then a page number (in a cell of its own)
_LEADER_TAIL = re.compile(r"[.…·_]{4,}[\s|]*\d{0,3}$")  # a leader of dots, its page number or not
_LEADER_DOTS_RUN = re.compile(r"[.…·_]{4,}")
# A table of contents lists this many headings or more (two will do when each has its page).
CONTENTS_LINES = 3
CONTENTS_GARBLED = 2
CONTENTS_TAIL = 24
CONTENTS_HEAD = 16  # letters a recognised contents line and its heading begin with alike
CONTENTS_HEAD_MISREAD = 1  # of them, the letters OCR may have misread in one or the other
# A report is one table of its items when this many rows or more read "number | title | text".
OUTLINE_TABLE_ROWS = 3
# A plain line this short that names an item not found may be that item's heading, missed.
UNTAKEN_HEADING_CHARS = 150
# A word in more than this share of a report's sections is the report's own common word
# ("của", "tỉnh", the province's name): it says nothing of which item a text is.
COMMON_SHARE = 0.5
# A letterhead (authority, motto, number, place and date, title) takes this many lines at most.
LETTERHEAD_BLOCKS = 16
# An outline quoted before the answers lists all the outline's items but this many at most
# (and CONVINCING_COUNT at least).
QUOTED_LEFT_OUT = 1
_WORD = re.compile(r"\w+")


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
    confidence: float = 1.0  # 0-1: how sure the reader is that this is the item's text (confidence.py)
    reasons: tuple[str, ...] = ()  # confidence.Reason codes saying why it is less than 1

    @property
    def review(self) -> bool:
        """A person should check this cell."""
        return needs_review(self.confidence)


@dataclass(frozen=True)
class ParsedReport:
    sections: tuple[Section, ...]  # in outline order, only those found
    letterhead: str  # before the first section: recognises the province
    signoff: str  # from "Trên đây là báo cáo…" / "Nơi nhận" on, after the last section


def extract_sections(doc: Document, sections: Sequence[OutlineSection]) -> ParsedReport:
    """The outline items found in `doc`, with the letterhead and sign-off kept apart."""
    blocks = _without_contents(_without_chart_labels(doc.blocks, doc.ocr), doc.ocr)
    blocks = _heading_rows_as_lines(_outline_table_as_lines(blocks, tuple(sections), doc.ocr), doc.ocr)
    if doc.ocr:
        blocks = _unmarked_word_labels(_garbled_word_labels(blocks))
    blocks = _without_continued_headings(_templated_labels(blocks, doc.ocr))
    quoted, headings = _quoted_outline(blocks, tuple(sections), doc.ocr)
    openings = _openings(blocks, tuple(sections), doc.ocr, quoted, None if quoted else headings)
    opened = [o for o in openings if o.items]
    letter_signoff = -1  # where the closing of a letter sending its answers in an annex begins
    if not opened:
        openings = _annex_openings(blocks, tuple(sections), doc.ocr)
        opened = [o for o in openings if o.items]
        letter_signoff = _signoff_position(blocks, after=_covering_sentence(blocks)) if opened else -1
    signoff_at = _signoff_position(blocks, after=opened[-1].last if opened else -1)
    found: dict[int, Section] = {}
    support: dict[int, Support] = {}
    bodies: dict[int, list[Block]] = {}
    split: set[int] = set()  # items written under two headings
    left_out: list[str] = []  # the heading and text of each heading taken for no item
    # Per item, the text of the headings taken for no item right before and after its own
    # (no heading taken for an item between them): the item's heading may be one of them.
    beside_left_out: dict[int, list[str]] = {}
    pending: list[str] = []  # left-out texts since the last heading taken for an item
    # The headings of the items' level taken for no item, numbered, before any taken for one (after
    # one numbered as its item, the next number is an extra heading's as likely): per number, its
    # text's length.
    numbers_left_out: dict[int, int] = {}
    previous: tuple[int, ...] = ()
    summary = _summary_table(blocks, opened, signoff_at, tuple(sections))
    ends = [*(o.first for o in openings[1:]), len(blocks)][: len(openings)]
    for opening, end in zip(openings, ends, strict=True):
        body = tuple(blocks[pos] for pos in range(opening.last + 1, min(end, signoff_at)) if pos not in summary)
        if not opening.items and previous and amends_an_item(opening.line, found, tuple(sections)):
            # A lead taken for a heading ("* Bổ sung nội dung tại mục 2 của đề cương:" after the
            # last item): no heading of the province's own, but text come late, read with the
            # item before it for with_addenda to move where the lead says.
            for item in previous:
                found[item] = _continued(found[item], opening, blocks, body)
                bodies.setdefault(item, []).extend(body)
            continue
        if not opening.items:
            if body or opening.run_in or not opening.outer:
                # A part's title right over the items under it ("Phần 2: …", of a level above
                # theirs, no text of its own) left no text unread: its words are no item's text.
                left_out.append("\n".join(part for part in (opening.line, opening.run_in, _joined(body)) if part))
            pending.append("\n".join(part for part in (opening.run_in, _joined(body)) if part))
            if opening.ordinal is not None and not previous:
                numbers_left_out[opening.ordinal] = len(pending[-1])
            for item in previous:
                beside_left_out.setdefault(item, []).append(pending[-1])
            continue
        for item in opening.items:
            beside_left_out.setdefault(item, []).extend(pending)
        pending, previous = [], opening.items
        for section, why in zip(_sections_from(doc.name, blocks, opening, body), opening.support, strict=True):
            if section.number in found:
                found[section.number] = _combined(found[section.number], section)
                split.add(section.number)
            else:
                found[section.number], support[section.number] = section, why
            bodies.setdefault(section.number, []).extend(body)
    found = with_addenda(found, tuple(sections))  # text written under one item that says it is another's
    first = opened[0].first if opened else signoff_at
    # The letterhead runs to the report's title at least: a heading before it is a line of
    # the letterhead read as one (a motto, the province's name), and its section is doubtful.
    title_end = _letterhead_title_end(blocks)
    title_index = blocks[title_end - 1].index + 1 if title_end > first else -1
    # Text after the covering sentence that no heading took: the first item's heading may have
    # been missed there, and the first section found be a later item.
    covering = _covering_sentence(blocks, quoted)
    untitled = covering >= 0 and _leading_text(blocks, covering, first, quoted) is not None
    # The items whose heading the document numbered (its own list numbering, or a label of its own
    # shape read over a ladder, _templated_labels): a line that opens, whatever case its label is in.
    numbered = {item for o in opened if blocks[o.first].number for item in o.items}
    return ParsedReport(
        sections=_assessed(found, support, bodies, split, doc.ocr, tuple(sections), left_out, title_index,
                           untitled, beside_left_out, numbered, numbers_left_out,
                           {block.index for block in doc.blocks if block.pictured},
                           _before_lost_rung(blocks, openings)),
        letterhead=_joined(blocks[:max(first, title_end)] if letter_signoff < 0 else blocks[:letter_signoff]),
        # the letter's closing and signature, and the annex's own if it has one
        signoff=_joined(blocks[signoff_at:] if letter_signoff < 0
                        else (*blocks[letter_signoff:opened[0].first], *blocks[signoff_at:])),
    )


def _annex_openings(blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...], ocr: bool) -> list[_Opening]:
    """The items answered in an annex after the signature, when the letter before it answers
    none ("… báo cáo chi tiết tại Phụ lục kèm theo", the closing, the signature, then
    "PHỤ LỤC" and the answers, often one table, a row an item: _outline_table_as_lines has
    read its rows as headings and text): what follows the letter's closing is read as a
    report of its own, its headings aligned with the outline as any report's are. Nothing
    when the letter has no closing, or what follows it does not align convincingly."""
    start = _signoff_limit(blocks, _covering_sentence(blocks))
    while start < len(blocks) and _CLOSING.match(fold(blocks[start].text)):  # the closing's lines
        start += 1
    if start >= len(blocks):
        return []
    annex = blocks[start:]
    quoted, headings = _quoted_outline(annex, outline, ocr)
    openings = _openings(annex, outline, ocr, quoted, None if quoted else headings)
    return [replace(o, first=o.first + start, last=o.last + start) for o in openings]


def _summary_table(blocks: tuple[Block, ...], opened: list[_Opening], before: int,
                   outline: tuple[OutlineSection, ...]) -> frozenset[int]:
    """The positions of a table after the last item's heading that sums the report up item
    by item ("Mục | Nội dung | Tóm lược", then "1 | <the heading of item 1> | …"), and of its
    title right above it: no part of the last item's text. A table is one when
    OUTLINE_TABLE_ROWS of its rows or more are a number and a title (_item_row) whose title
    is one of the report's own headings written again, or one of the outline's
    (CONTINUED_LIKENESS, folded, without its label and asides); a table inside the last
    item (the plans issued, the figures asked for) repeats none. Its title is the line
    right above it when that is a short unnumbered line that does not end a sentence
    ("Bảng tóm lược kết quả…", "… như sau:")."""
    if not opened:
        return frozenset()
    headings = [match_key(o.line) for o in opened] + [match_key(item.heading) for item in outline]
    summary: set[int] = set()
    for first, last in _tables(blocks):
        if first <= opened[-1].last or last >= before:
            continue
        rows = (_item_row(blocks[pos], any_text=True) for pos in range(first, last + 1))
        repeats = sum(1 for row in rows if row is not None and (key := match_key(row[1]))
                      and any(fuzz.ratio(key, heading) >= CONTINUED_LIKENESS for heading in headings))
        if repeats < OUTLINE_TABLE_ROWS:
            continue
        summary |= set(range(first, last + 1))
        title = blocks[first - 1]
        if (first - 1 > opened[-1].last and title.kind == "paragraph" and not title.number
                and len(title.text) <= UNTAKEN_HEADING_CHARS and not title.text.rstrip().endswith((".", ";", ","))):
            summary.add(first - 1)
    return frozenset(summary)


# A heading written again over its item's continuation ("2. Toàn cảnh (tiếp theo)"): its words
# as the heading's before it of the same numbering shape (rapidfuzz ratio, folded, without the
# label and a closing parenthesis), or the earlier heading's words followed by more.
CONTINUED_LIKENESS = 90
# A repeat whose label the page lost (a folded corner or a hole over it) is known by the words
# alone: at the top of a page, the words (at least UNLABELLED_REPEAT_WORDS) of the labelled
# heading read last, whatever is left of the label (")", ".", a stray mark) before them.
UNLABELLED_REPEAT_WORDS = 5
LOST_LABEL_RESIDUE = " .,:;)]}-–—'`\"*"


def _circled_title(block: Block) -> bool:
    """A plain line opening with a circled number ("① Những bước…"), a title by its length and its
    end (no sentence's nor list entry's): a heading-like line of a ladder of circled numbers, bold
    or not, as a plain "(1) …" or "1. …" is by its number."""
    template = template_label(block.text) if block.kind == "paragraph" and block.text[:1] else None
    return (template is not None and circled_number(template) and len(block.text) <= MAX_HEADING_CHARS
            and not block.text.rstrip().endswith((".", ";", ",")))


def _templated_labels(blocks: tuple[Block, ...], ocr: bool = False) -> tuple[Block, ...]:
    """The heading-like lines that open with a label of a shape labels.leading_label does not
    read ("(D)", "<2>", "A:", "①"; labels.template_label), numbered with it where the document
    tells the shape is its own by repeating it: TEMPLATE_LADDER headings or more of that shape
    (those already numbered in it among them, "(C)" read as a Roman numeral's shape "(A)") whose
    counters walk one counting system up (on a scan, a numeral OCR misread at its value righted where
    that fits: "Luồng HI:" between "Luồng II:" and "Luồng V:"), a value repeated or one skipped at most
    between two of them (a shape of two words and a counter, "Nội dung A:", none skipped but at a scan's line
    whose bold the ink hid). A body line that opens so ("(2 năm) …", "A: …") is no heading-like
    line, and a shape that does not count up is no ladder. On a scan (`ocr`) a line whose bold
    the ink did not show is one of the ladder's too where it opens with the ladder's shape at the
    one value missing between the headings before and after it ("D:" unmarked between "C:" and
    "E:"), and a heading-like line whose words and Roman numeral OCR misread ("Nhóm TT:" for
    "Nhóm II:", labels.misread_word_roman) where the ladder misses its value there, its numeral
    put right; a label whose words a scan ran together ("Đềmục V." among "Đề mục I.") takes the
    spacing most of its ladder's labels have (_spaced_shapes). A plain line opening with a circled
    number is heading-like for this (_circled_title), unless a numbered heading comes before its
    ladder (then they are that heading's points)."""
    read: dict[int, tuple[str, int]] = {}  # position -> shape, value: the heading-like lines' labels
    templated: dict[int, str] = {}  # position -> label, where the label is a template's only
    unmarked: dict[int, Template] = {}  # position -> label: a scan's line whose bold OCR may not have seen
    misread: dict[int, tuple[Template, str]] = {}  # position -> label and line righted: a scan's numeral misread
    plain = set()  # positions of plain lines opening with a circled number (_circled_title)
    for pos, block in enumerate(blocks):
        marked = is_heading_like(block) or _led_to_margin(block)
        if not marked and _circled_title(block):
            plain.add(pos)
        if not (marked or pos in plain):
            # (a line read across a table's rule, its text beside it, is _misread_labels's: _beside)
            if ocr and block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS and not _beside(block.text) \
                    and not leading_label(block.text) and (template := template_label(block.text)):
                unmarked[pos] = template
            continue
        if block.number:
            read[pos] = (label_shape(block.number), label_ordinal(block.number) or 0)
        elif not leading_label(block.text) and (template := template_label(block.text)):
            read[pos], templated[pos] = (template.shape, template.value), template.label
        elif ocr and not leading_label(block.text) and (righted := misread_word_roman(block.text)) \
                and (template := template_label(righted)):
            misread[pos] = (template, righted)
    if ocr:  # "Đềmục V." among "Đề mục I.", "Đề mục II.", …: the scan lost a space between the label's words
        spaced = _spaced_shapes([read[pos][0] for pos in templated])
        for pos in templated:
            if read[pos][0] in spaced:
                read[pos] = (spaced[read[pos][0]], read[pos][1])
                templated[pos] = _respaced(templated[pos], read[pos][0])
        for pos, template in unmarked.items():
            unmarked[pos] = template._replace(shape=spaced.get(template.shape, template.shape))
    numbered = list(blocks)
    for shape in {read[pos][0] for pos in templated}:
        positions = [pos for pos, (at_shape, _) in read.items() if at_shape == shape]
        if set(positions) <= plain and any(blocks[pos].number and is_heading_like(blocks[pos])
                                           for pos in range(positions[0])):
            continue  # plain "① …" lines after a numbered heading: its points, not a ladder of the items
        values = [read[pos][1] for pos in positions]
        hidden = {}  # position -> label: a line unmarked at the one value missing between two headings
        # (a heading whose numeral OCR misread, "Luồng HI:" for "Luồng III:", stands at its value righted
        # where that value lies between the headings' before and after it: _fits)
        walked = sorted([*((pos, read[pos][1]) for pos in positions),
                         *((pos, t.value) for pos, (t, _) in misread.items()
                           if t.shape == shape and _fits(pos, t.value, [(at, read[at][1]) for at in positions]))])
        for pos, template in unmarked.items():
            before = [value for at, value in walked if at < pos]
            after = [value for at, value in walked if at > pos]
            if template.shape == shape and before and after and before[-1] + 1 == template.value < after[0]:
                hidden[pos] = template
        # A label of two words and a counter ("Nội dung A:") is read over a ladder only where it skips
        # no value but at a line whose bold the ink hid: a letter skipped otherwise is as likely misread.
        walk = [value for _, value in sorted([*walked, *((pos, t.value) for pos, t in hidden.items())])]
        if len(shape.split()) > 2 and not all(b - a <= 1 for a, b in pairwise(walk)):
            continue
        if len(set(values)) >= TEMPLATE_LADDER and all(0 <= b - a <= 2 for a, b in pairwise(walk)):
            for pos in positions:
                if pos in templated:
                    numbered[pos] = replace(blocks[pos], number=templated[pos])
                    read_as = template_label(blocks[pos].text)
                    if read_as and read_as.label != templated[pos]:  # its words' space put back
                        text = templated[pos] + blocks[pos].text[len(read_as.label):]
                        numbered[pos] = _relabelled(blocks[pos], templated[pos], text)
            for pos, template in hidden.items():
                numbered[pos] = replace(blocks[pos], number=template.label)
            for pos, (template, righted) in misread.items():
                if template.shape == shape and _fits(pos, template.value, [(at, read[at][1]) for at in positions]):
                    numbered[pos] = _relabelled(blocks[pos], template.label, righted)
    return tuple(numbered) if templated else blocks


def _garbled_word_labels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """On a recognised page, the labels of words and a number OCR garbled put back as the
    ladder's label read clean writes them: a photo sharp in the middle, softer toward the edges,
    blurs the words at the margin ("K>==3n mục 1.", "K=$n z=2c 3.", …, "Khoản mục 6."), the
    number and the title further in read right. The clean label (labels.template_label, words
    and a number) tells the words; the lines opening so (labels.garbled_word_label) are its
    ladder's only where, with it, they walk up one by one, TEMPLATE_LADDER of them or more."""
    lines = [(pos, block) for pos, block in enumerate(blocks)
             if block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS]
    templates: dict[str, Template] = {}
    for _, block in lines:
        template = None if leading_label(block.text) else template_label(block.text)
        if template and template.label[:1].isalpha() and template.label[-2:-1].isdigit():
            templates.setdefault(template.shape, template)
    righted = list(blocks)
    for template in templates.values():
        ladder = [(pos, read) for pos, block in lines if (read := garbled_word_label(block.text, template))]
        values = [value for _, (value, _) in ladder]
        if len(ladder) < TEMPLATE_LADDER or any(b != a + 1 for a, b in pairwise(values)):
            continue
        for pos, (_, text) in ladder:
            if text != blocks[pos].text:
                righted[pos] = _relabelled(blocks[pos], blocks[pos].number, text)
    return tuple(righted)


# A label of words and a counter opening a recognised line, its mark there or lost, before its title
# ("Göc đô I Thuy…", "Góc đô II: Những…"): one to three words, a Roman numeral as OCR reads one or a
# number, then a space.
_WORDS_AND_COUNTER = re.compile(rf"^(?P<words>(?:[^\W\d_]+ ){{1,3}})(?P<counter>[{MISREAD_I}]{{1,5}}|\d{{1,2}})"
                                r"(?P<mark>[.:)/\-\u2013])?\s+")
UNMARKED_LADDER = 4  # rungs of such a ladder at least (one more where none kept its mark)


def _unmarked_word_labels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """On a recognised page, a ladder of labels of words and a counter some of whose marks the
    scan lost ("Góc độ I:" read "Göc đô I Thuy…" beside "Góc đô II: Những…", "Góc đô HII Phường…":
    a scanner's despeckling takes a colon's dots for dust), not set apart by bold either (pool
    59's Hà Giang, in a caption style): the short lines opening with the same words, diacritics
    aside, and a counter, then the title's capital, UNMARKED_LADDER of them or more counting 1,
    2, 3… in order (a Roman numeral read as its place asks, labels.misread_roman), one more where
    none bears a mark ("Khâu 1 Mái đình…" … "Khâu 6 Mã vạch…", pool 59's Đắk Lắk). Each is
    numbered, its label written with its place's counter and the mark most of them bear, a stop
    where none does."""
    lines: dict[str, list[tuple[int, re.Match]]] = {}
    for pos, block in enumerate(blocks):
        m = _WORDS_AND_COUNTER.match(block.text)
        if (m and block.kind == "paragraph" and not block.number and len(block.text) <= MAX_HEADING_CHARS
                and block.text[m.end():m.end() + 1].isupper()):
            lines.setdefault(fold(m["words"]), []).append((pos, m))
    righted = list(blocks)
    for rungs in lines.values():
        marks = [m["mark"] for _, m in rungs if m["mark"]]
        numbers = all(m["counter"].isdigit() for _, m in rungs)
        if len(rungs) < UNMARKED_LADDER + (not marks) or len(marks) == len(rungs):
            continue  # every rung with its mark: its ladder is read as labels are (_templated_labels)
        values = [int(m["counter"]) if numbers else getattr(misread_roman(f"{m['counter']}{m['mark'] or ''} ",
                                                                          near=place), "value", None)
                  for place, (_, m) in enumerate(rungs, start=1)]
        if values != list(range(1, len(rungs) + 1)):
            continue
        mark = Counter(marks).most_common(1)[0][0] if marks else "."
        for place, (pos, m) in enumerate(rungs, start=1):
            label = f"{m['words']}{place if numbers else roman_numeral(place)}{mark}"
            righted[pos] = _relabelled(blocks[pos], label, f"{label} {blocks[pos].text[m.end():]}")
    return tuple(righted)


def _relabelled(block: Block, number: str, text: str) -> Block:
    """The block numbered, its line as its label was righted (a numeral misread, "H" for "II";
    a space lost between the label's words), its bold lead grown or shrunk with it."""
    grown = len(text) - len(block.text)
    lead = text[:len(block.lead) + grown] if block.lead else ""
    return replace(block, number=number, text=text, lead=lead)


def _fits(pos: int, value: int, ladder: list[tuple[int, int]]) -> bool:
    """Whether a value at a position lies between the values of the ladder's headings (position,
    value) before it and after it, one of them at least."""
    before = [v for at, v in ladder if at < pos]
    after = [v for at, v in ladder if at > pos]
    return bool(before or after) and (before[-1] if before else 0) < value < (after[0] if after else value + 1)


def _spaced_shapes(shapes: list[str]) -> dict[str, str]:
    """Template shapes a scan read with a space lost between a label's words ("đemuc I." for
    "đe muc I.") -> the shape as the document's other headings write it, the one of those
    spelled alike but for spaces that most headings bear."""
    counts = Counter(shapes)
    spaced = {}
    for shape in counts:
        alike = [other for other in counts if other != shape and other.replace(" ", "") == shape.replace(" ", "")]
        fuller = max(alike, key=lambda other: (counts[other], other.count(" ")), default="")
        if fuller and counts[fuller] > counts[shape] and fuller.count(" ") > shape.count(" "):
            spaced[shape] = fuller
    return spaced


def _respaced(label: str, shape: str) -> str:
    """A label of words and a counter with its words spaced as the shape spaces them ("Đềmục V."
    in "de muc I." -> "Đề mục V."): the shape's words are the label's letters, folded."""
    words, counter = label.rsplit(" ", 1)
    letters = words.replace(" ", "")
    spaced, at = [], 0
    for word in shape.split()[:-1]:
        spaced.append(letters[at:at + len(word)])
        at += len(word)
    return f"{' '.join(spaced)} {counter}" if at == len(letters) else label


def _led_to_margin(block: Block) -> bool:
    """A short paragraph led by a row of dots to the margin and no page number ("Phần A: Tiêu
    đề…………"): a heading's line in a plain face, the leader its mark, as a label's ladder tells."""
    return (block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS
            and bool(LEADER_TO_MARGIN.search(block.text)))


def _without_continued_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks without a heading repeated where its item goes on (after a page turn, "…
    (tiếp theo)"): the repeat is neither a heading nor text, so the item's text runs on. A
    repeat is a heading-like line with the label and the words of the last heading of its
    numbering shape in the ladder read so far ("2." after "2." and its "2.1.", "2.2."; not
    after "6.": an outline quoted before its answers is no repeat; not "1." under "B." after
    "1." under "A.": a heading closes the ladder below its own); or, its label lost on a
    scanned page, a heading-like line opening a page with the words of the heading read last."""
    ladder: list[tuple[str, str, str]] = []  # (shape, label, words) of the open headings, outermost first
    kept: list[Block] = []
    last = ""  # the words of the last heading-like line kept, without its label if it had one
    for block in blocks:
        heading_like = is_heading_like(block)
        label, shape, title = _repeat_label(block.text) if heading_like else ("", "", block.text)
        if heading_like and not label and last and _opens_page(block, kept):
            # Its label lost (a scan's folded corner, a punched hole: ") Những bước … (tiếp"):
            # the words of the heading just read, long enough not to be a short title's echo.
            words = _continued_key(block.text.lstrip(LOST_LABEL_RESIDUE))
            if len(last.split()) >= UNLABELLED_REPEAT_WORDS and fuzz.ratio(last, words) >= CONTINUED_LIKENESS:
                continue
        if heading_like:
            last = _continued_key(title)
        if label:
            words = _continued_key(title)
            at = next((i for i, (open_shape, _, _) in enumerate(ladder) if open_shape == shape), None)
            if at is not None:
                _, before_label, before_words = ladder[at]
                if before_label == label and words and _continues(before_words, words):
                    del ladder[at + 1:]
                    continue
                del ladder[at:]
            ladder.append((shape, label, words))
        kept.append(block)
    return tuple(kept) if len(kept) < len(blocks) else blocks


def _repeat_label(line: str) -> tuple[str, str, str]:
    """A heading line's label, its shape and its title after it: a numbering label ("2.", "II.")
    or a label of words and a number ("Điểm 2.", "Vấn đề 2:"); ("", "", line) for none."""
    label = leading_label(line)
    if label:
        return label, label_shape(label), line[len(label):]
    worded = word_label(line)
    if worded:
        return f"{worded[0]} {worded[1]}", f"{worded[0]} 1", strip_label(line)
    return "", "", line


def _opens_page(block: Block, before: Sequence[Block]) -> bool:
    """The first line of a page (of a paginated format) after a page of text."""
    return block.page is not None and bool(before) and before[-1].page is not None and before[-1].page < block.page


def _continued_key(title: str) -> str:
    return fold(re.sub(r"\s*\([^)]*\)\s*[.:]?\s*$", "", title)).strip(" .:-–—")


def _continues(earlier: str, words: str) -> bool:
    return (fuzz.ratio(earlier, words) >= CONTINUED_LIKENESS
            or (len(earlier) >= 4 and words.startswith(earlier) and words != earlier))


def _heading_rows_as_lines(blocks: tuple[Block, ...], ocr: bool = False) -> tuple[Block, ...]:
    """A heading typed as a table of one row: one cell holding the heading line (a box), or
    its number in one cell and its title in the
    other ("1 | Những bước đi đầu tiên…", text below the table), read as the numbered line
    it stands for: a row alone between paragraphs, of two cells, the first only a number
    (a bare "1" is the label "1.") and the second short enough for a heading. On a scan, a
    labelled line with marks beside it that OCR set apart as a second cell (_line_beside_specks)
    is that line."""
    read = list(blocks)
    for pos, block in enumerate(blocks):
        cells = block.text.split(" | ")
        alone = _table_of_one_row(blocks, pos)
        if block.kind == "table_row" and len(cells) == 1 and alone:
            # A heading in a box (a shaded table of one cell): the line it holds.
            line = replace(block, kind="paragraph", number=leading_label(block.text))
            read[pos] = line if is_heading_like(line) else block
            continue
        if block.kind != "table_row" or len(cells) != 2 or not cells[1].strip():
            continue
        if ocr and alone and (line := _line_beside_specks(cells)):
            read[pos] = replace(block, text=line, kind="paragraph", number=leading_label(line))
            continue
        number = cells[0].strip()
        label = f"{number}." if re.fullmatch(r"\d{1,2}", number) else leading_label(f"{number} ")
        if alone and label and label.rstrip(".") == number.rstrip(".") and len(cells[1]) <= MAX_HEADING_CHARS:
            read[pos] = replace(block, text=f"{label} {cells[1].strip()}", kind="paragraph", number=label)
    return tuple(read)


def _line_beside_specks(cells: list[str]) -> str:
    """The one cell of a scan's row of two that is a labelled line, where the other holds marks
    only, no letter nor digit ("Phân rà soát III. Câu lạc bộ… | —>=": a crease or a speck beside
    the heading, which OCR set apart as a column: pool 49's Bình Định, its ladder's rung lost and
    no section found); "" for any other row (a table's "Kinh phí | —" has no label)."""
    marks = [k for k, cell in enumerate(cells) if not any(ch.isalnum() for ch in cell)]
    if len(marks) != 1:
        return ""
    line = cells[1 - marks[0]].strip()
    return line if len(line) <= MAX_HEADING_CHARS and (leading_label(line) or word_label(line)) else ""


def _without_contents(blocks: tuple[Block, ...], ocr: bool = False) -> tuple[Block, ...]:
    """The blocks without a table of contents: it is neither text nor headings. Its lines
    repeat headings written further on, each ending with a page number after a leader
    (dots, a tab) or not: CONTENTS_LINES of them or more one after the other (two when each
    ends with a page number), with the title over them ("MỤC LỤC", a short unnumbered line).
    On a recognised page the leader's dots come out as anything, and a heading's label too
    ("I-" read "]-"): there a line also repeats a later one that begins with its words, and
    under the title an entry led by dots and the lines after it read as no words are contents."""
    # Lines are first compared by their last letters (no label there, nor a page number
    # once cut off: cheap), then by match_key.
    tails: dict[str, list[int]] = {}
    for pos, block in enumerate(blocks):
        if block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS:
            tails.setdefault(_tail(block.text), []).append(pos)
    entries: dict[int, bool] = {}  # position -> ends with a page number
    for pos, block in enumerate(blocks):
        if block.kind != "paragraph" or len(block.text) > MAX_HEADING_CHARS:
            continue
        page = _PAGE_NUMBER_END.search(block.text)
        for text, paged in ((block.text[:page.start()], True), (block.text, False)) if page else ((block.text, False),):
            repeats = [at for at in tails.get(_tail(text), ()) if at > pos]
            key = match_key(text) if repeats else ""
            if key and any(match_key(blocks[at].line) == key for at in repeats):
                entries[pos] = paged
                break
    if ocr:
        for pos in _begins_like_later(blocks):
            entries.setdefault(pos, bool(_PAGE_NUMBER_END.search(blocks[pos].text)))
    dropped: set[int] = set()
    pos = 0
    while pos < len(blocks):
        # On a recognised page a long entry wraps, and its second line comes out as anything
        # but its leader and page number ("…sÐkŒŒFƑ-1... 3", "z3: | cố ỐC... | 3"): it is still
        # the contents, between its entries. So is, on any page, a line led by dots between them
        # whose heading is written otherwise further on (broken over two lines there, its page
        # number not printed). On a recognised page an entry may come out as anything, its
        # leader too ("MỤC TY 'SỐ VỐN đã TÔI uc. s56 <6 4114…" for "Mục IV: Số vốn đã rót……"):
        # up to CONTENTS_GARBLED lines before the next entry led by dots are the contents still
        # (not the covering sentence before the first heading, an entry too but led by none).
        # Under its title, an entry led by dots may be followed by lines OCR read as no words at
        # all (textlayer.garbled: the other entries' leaders and specks): the contents still.
        titled = ocr and pos in entries and pos > 0 and _contents_title(blocks[pos - 1]) \
            and _led_by_dots(blocks[pos].text)
        run = count = 0
        while pos + run in entries or (count and pos + run < len(blocks) and (
                _LEADER_TAIL.search(blocks[pos + run].text)
                or ocr and _LEADER_END.search(blocks[pos + run].text)
                or ocr and any(pos + run + k in entries and _LEADER_TAIL.search(blocks[pos + run + k].text)
                               for k in range(1, CONTENTS_GARBLED + 1))
                or titled and garbled(blocks[pos + run].text))):
            count += pos + run in entries
            run += 1
        if count >= CONTENTS_LINES or (count >= 2 and all(entries.get(p, True) for p in range(pos, pos + run))) \
                or titled and run >= CONTENTS_LINES:
            dropped |= set(range(pos, pos + run))
            if pos and _contents_title(blocks[pos - 1]):
                dropped.add(pos - 1)
        pos += max(run, 1)
    if not dropped:
        return blocks
    if ocr:
        blocks = _labelled_by_contents(blocks, dropped)
    return tuple(block for pos, block in enumerate(blocks) if pos not in dropped)


def _led_by_dots(text: str) -> bool:
    """Whether a recognised line ends in a leader of dots, its page number or not; OCR may read
    what follows the dots (the leader's end, the page number) as specks, dashes and digits, no
    words ("… khởi động………… - 5-5-2222 121223 xe 2"): still a leader's end."""
    runs = list(_LEADER_DOTS_RUN.finditer(text))
    if not runs:
        return False
    rest = text[runs[-1].end():].strip()
    return bool(_LEADER_TAIL.search(text)) or garbled(rest)


def _labelled_by_contents(blocks: tuple[Block, ...], contents: set[int]) -> tuple[Block, ...]:
    """On a recognised page, the report's own table of contents gives back the labels OCR
    misread in the headings it lists ("]-", "1I-", "IHI-" for "I-", "II-", "III-"): a later
    line that begins with an entry's words (_head) and with something read as a label, but
    no label the reader knows, is numbered as the entry is, the misread label written as the entry's."""
    labels = {_head(blocks[pos].text): blocks[pos].number for pos in sorted(contents, reverse=True)
              if blocks[pos].number and _head(blocks[pos].text)}
    after = max(contents) + 1
    relabelled = list(blocks)
    for pos in range(after, len(blocks)):
        block = blocks[pos]
        first, _, rest = block.text.strip().partition(" ")
        number = labels.pop(_head(block.text), None) if block.kind == "paragraph" and not block.number else None
        if number and first.endswith(("-", ".", ")")) and len(first) <= 6:
            relabelled[pos] = replace(block, number=number, text=f"{number} {rest}")
    return tuple(relabelled)


def _without_chart_labels(blocks: tuple[Block, ...], ocr: bool) -> tuple[Block, ...]:
    """On a recognised page, the blocks without the labels of a chart drawn in a picture:
    OCR reads its axis ("2019 | 2020 | 2021 | 2022") as a row of cells, each only a whole
    number, and its bars, when it reads them at all, as a row of specks ("Ì | PP | l | l").
    A run of table rows (nothing but rows before and after it are not) all so, one of them
    the numbers, is the chart, not the item's text; a table's rows have words in them, and
    its figures are written with their separators ("12.500")."""
    if not ocr:
        return blocks
    dropped: set[int] = set()
    pos = 0
    while pos < len(blocks):
        end = pos
        while end < len(blocks) and blocks[end].kind == "table_row":
            end += 1
        cells = [[_CHART_SPECKS.sub("", cell) for cell in blocks[k].text.split(" | ")] for k in range(pos, end)]
        if (end > pos and all(_CHART_CELL.fullmatch(cell) for row in cells for cell in row)
                and any(len(row) >= 2 and all(cell.isdigit() for cell in row) for row in cells)):
            dropped |= set(range(pos, end))
        pos = end + 1
    return tuple(block for pos, block in enumerate(blocks) if pos not in dropped) if dropped else blocks


def _begins_like_later(blocks: tuple[Block, ...]) -> list[int]:
    """The short lines whose first CONTENTS_HEAD letters after their label (no diacritics,
    no spaces nor punctuation: OCR misplaces both) are those of a later line's, give or take
    CONTENTS_HEAD_MISREAD letters: OCR misreads a letter in the entry or in the heading it
    repeats ("Khoản chi" in the contents, "Khuản chi" over the item)."""
    heads = [(pos, head) for pos, block in enumerate(blocks)
             if block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS and (head := _head(block.text))]
    # a letter misread leaves one half of the head as it was: lines are compared within a half's bucket
    half = CONTENTS_HEAD // 2
    buckets: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for pos, head in heads:
        buckets.setdefault((0, head[:half]), []).append((pos, head))
        buckets.setdefault((1, head[half:]), []).append((pos, head))
    return [pos for pos, head in heads
            if any(later > pos and Levenshtein.distance(head, other, score_cutoff=CONTENTS_HEAD_MISREAD)
                   <= CONTENTS_HEAD_MISREAD
                   for key in ((0, head[:half]), (1, head[half:])) for later, other in buckets[key])]


def _head(text: str) -> str:
    first, _, rest = text.strip().partition(" ")
    if first.endswith((".", "-", ")", ":")) and len(first) <= 6:  # a label, however read
        text = rest
    letters = re.sub(r"[^a-z]", "", fold(text))
    return letters[:CONTENTS_HEAD] if len(letters) >= CONTENTS_HEAD else ""


def _tail(text: str) -> str:
    return text.rstrip(" .:-")[-CONTENTS_TAIL:].lower()


def _contents_title(block: Block) -> bool:
    """A short unnumbered line in bold or capitals (not the report's "BÁO CÁO")."""
    return (block.kind == "paragraph" and not block.number and len(block.text) <= WRAPPED_CHARS
            and (block.bold or is_all_caps(block.text)) and not _DOCUMENT_TYPE.match(fold(block.text)))


def _outline_table_as_lines(blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...],
                            ocr: bool = False) -> tuple[Block, ...]:
    """A report written as one table, a row an item ("STT | Nội dung | Kết quả thực hiện":
    the item's number, its title, the text), read as the headings and paragraphs it stands
    for: each such row a numbered heading line and its text under it. A table is one
    when OUTLINE_TABLE_ROWS rows or more of it are so (a number or label alone in the
    first cell, a title short enough for a heading in the second, a text longer than the
    title in the rest) and no numbered or heading-styled line stands before or after it
    (before the closing), nor a ladder of headings marked otherwise (a bullet, a bold lead
    "Về …:", bold lines) one of which stands before it: a table that sums the items up
    before they are written out under headings of their own is not the answer, nor is a
    table inside an item (figures, "1. Hạ tầng số | Camera … | 116 camera", or the plans
    issued, "1 | Kế hoạch số 56/KH-UBND | Về triển khai…", in the last one)."""
    read: list[Block] = []
    titles = None
    ladders = None
    for first, last in _tables(blocks):
        rows = {pos: _item_row(blocks[pos]) for pos in range(first, last + 1)}
        if sum(row is not None for row in rows.values()) < OUTLINE_TABLE_ROWS:
            continue
        titles = _title_positions(blocks) if titles is None else titles
        # Before it, from after the title ("BÁO CÁO", the subject: a PDF's large type makes them headings).
        after_title = max((pos + 1 for pos in titles if pos < first), default=0)
        outside = (*blocks[after_title:first], *blocks[last + 1:_signoff_limit(blocks, last)])
        if any(_numbered_heading(block) for block in outside):
            continue
        ladders = _ladders(blocks, outline, ocr) if ladders is None else ladders
        if any(at_level[0].first < first for at_level in ladders):
            continue
        # Taken for the answer, its every row of a label and a title is an item's, its text short or none.
        read.append((first, last, {pos: _item_row(blocks[pos], any_text=True) for pos in rows}))
    if not read:
        return blocks
    lines: list[Block] = []
    tables = {first: (last, rows) for first, last, rows in read}
    pos = 0
    while pos < len(blocks):
        if pos not in tables:
            lines.append(blocks[pos])
            pos += 1
            continue
        last, rows = tables[pos]
        heading_cells = 0  # how many cells the last item's row gave its label and title; 0 before the first
        for at in range(pos, last + 1):
            row, block = rows[at], blocks[at]
            if row is None and heading_cells and (text := _continued_row(block, heading_cells)):
                # the item's text carried on in a row of its own (the table broken over a page)
                lines.append(replace(block, text=text, kind="paragraph", number="", bold=False, lead=""))
                continue
            if row is None:
                lines.append(block)
                heading_cells = 0
                continue
            label, title, text = row
            heading_cells = 1 if block.text.split(" | ")[0].strip().startswith(f"{label} ") else 2
            lines.append(replace(block, text=f"{label} {title}", kind="paragraph", number=label, bold=True))
            if text:
                lines.append(replace(block, text=text, kind="paragraph", number="", bold=False, lead=""))
        pos = last + 1
    return tuple(lines)


def _continued_row(block: Block, heading_cells: int = 2) -> str:
    """The text of a row whose number and title cells are empty (an item's text going on
    where the table was broken over a page), "" for any other row. `heading_cells`: how many
    cells the items' rows give their number and title, two ("1 | Title | Text…") or one
    ("1. Title | Text…")."""
    cells = [cell.strip() for cell in re.split(r"(?<!\S)\|(?!\S)", block.text)]  # empty cells at the ends too
    if len(cells) <= heading_cells or any(cells[:heading_cells]):
        return ""
    return " ".join(cell for cell in cells[heading_cells:] if cell)


def _tables(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(first, last) position of each table: table rows whose indexes follow each other."""
    tables: list[tuple[int, int]] = []
    for pos, block in enumerate(blocks):
        if block.kind != "table_row":
            continue
        if tables and tables[-1][1] == pos - 1 and blocks[pos - 1].index + 1 == block.index:
            tables[-1] = (tables[-1][0], pos)
        else:
            tables.append((pos, pos))
    return tables


def _item_row(block: Block, any_text: bool = False) -> tuple[str, str, str] | None:
    """(label, title, text) of a row "1 | Title | Text…" (or "I. | …", "Mục 1 | …"), or
    of a row whose first cell holds the numbered title itself ("1. Title | Text…"), its
    text longer than its title (or, `any_text`, of any length, none too); None for any
    other row."""
    cells = [cell.strip() for cell in block.text.split(" | ")]
    if len(cells) < 2:
        return None
    number = cells[0]
    label = f"{number}." if re.fullmatch(r"\d{1,2}", number) else leading_label(f"{number} ")
    if label and label.rstrip(" .") == number.rstrip(" ."):  # the first cell is a label, nothing more
        if len(cells) < 3:
            return None
        title, text = cells[1], " ".join(cell for cell in cells[2:] if cell)
    elif label:  # the first cell is the numbered title
        title, text = number[len(label):].strip(), " ".join(cell for cell in cells[1:] if cell)
    else:
        return None
    if not title or len(title) > MAX_HEADING_CHARS:
        return None
    if not any_text and (len(text) <= len(title) or not any(ch.isalpha() for ch in text)):
        return None
    return label, title, text


def _numbered_title(block: Block) -> tuple[str, str] | None:
    """(label, title) of a row "1 | Title…" or "1. Title… | …" (what other cells hold aside), else None."""
    cells = [cell.strip() for cell in block.text.split(" | ")]
    number = cells[0]
    label = f"{number}." if re.fullmatch(r"\d{1,2}", number) else leading_label(f"{number} ")
    if not label:
        return None
    if label.rstrip(" .") == number.rstrip(" ."):  # the first cell is a label, the title in the second
        title = cells[1] if len(cells) > 1 else ""
    else:
        title = number[len(label):].strip()
    return (label, title) if title and len(title) <= MAX_HEADING_CHARS else None


def _ladders(blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...], ocr: bool) -> list[list[_Heading]]:
    """The levels of the report's headings (no table row is one) that are ladders of their
    own, CONVINCING_COUNT headings or more, in order."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in _headings(blocks, after=_covering_sentence(blocks), outline=outline, ocr=ocr):
        levels.setdefault(heading.level, []).append(heading)
    return [at_level for at_level in levels.values() if len(at_level) >= CONVINCING_COUNT]


def _numbered_heading(block: Block) -> bool:
    return block.kind == "paragraph" and (bool(block.number) or (block.heading_level or 0) > 0)


def _table_of_one_row(blocks: tuple[Block, ...], pos: int) -> bool:
    """A row with no row of its own table beside it: the rows next to it, if any, are
    another table's (a paragraph stands between them, empty or not: its index is skipped)."""
    return all(not 0 <= near < len(blocks) or blocks[near].kind != "table_row"
               or abs(blocks[near].index - blocks[pos].index) != 1 for near in (pos - 1, pos + 1))


def heading_level_key(block: Block) -> tuple:
    """What headings of one level share: a heading style level, else the shape of the
    number label ("I.", "1.", "1.1.", "a)"), else being unnumbered (in capitals or not)."""
    if block.heading_level is not None:
        return ("style", block.heading_level)
    if block.number:
        return ("label", label_shape(block.number))
    return ("unnumbered", is_all_caps(block.text))


@dataclass(frozen=True)
class _Heading:
    """A heading as a reader sees it: one line, or two when a long one was wrapped."""

    first: int  # position of its first line in the blocks
    last: int  # position of its last line
    line: str  # as written, its number included
    level: tuple  # heading_level_key of its first line
    ordinal: int | None  # the value of its number, "IV." -> 4
    run_in: str = ""  # the text run in after its colon ("1. Những bước…: a) Kết quả: …"), its item's first line
    points: tuple[str, ...] = ()  # the lines of its points numbered in one list with it (_without_shared_list_points)


@dataclass(frozen=True)
class _Opening:
    """Where a section begins (items) or where one ends with no item following (())."""

    first: int
    last: int  # the body starts after it
    line: str  # the heading as written; "" for untitled text taken as an item
    items: tuple[int, ...]
    support: tuple[Support, ...] = ()  # per item: what pointed the reader at it
    run_in: str = ""  # the text run in after the heading's colon: the body's first line
    outer: bool = False  # a heading of a level above the items' ("Phần II: …" over items 5 and 6)
    ordinal: int | None = None  # a heading of the items' level taken for no item: its own number, if any


def _openings(blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...], ocr: bool,
              quoted: frozenset[int] = frozenset(), headings: list[_Heading] | None = None) -> list[_Opening]:
    """Every heading at the section level with the items the alignment took it for, and
    the headings of the levels above it, which end a section and open none. The lines of
    an outline quoted before the answers (`quoted`, _quoted_outline) are neither; `headings`,
    when given, are the _headings already found with none quoted."""
    covering = _covering_sentence(blocks, quoted)
    if headings is None:
        headings = _headings(blocks, after=covering, outline=outline, ocr=ocr, skip=quoted)
    if not headings:
        return []
    leading = _leading_text(blocks, covering, headings[0].first, quoted)
    headings = _rungs_without_bullet(blocks, headings, len(outline))
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        levels.setdefault(heading.level, []).append(heading)
    evidence = {h.first: _evidence(h, outline, ocr) for h in headings}
    level, taken = _section_level(levels, evidence, leading is not None, len(outline))
    at_level = _without_list_openers(blocks, _without_nested_lists(_without_points(blocks, levels[level])))
    if len(at_level) < len(levels[level]):
        levels[level] = at_level
        taken = list(align(_sequence(at_level, evidence, leading is not None, len(outline)), len(outline)).items)
    outer = _outer_levels(levels, level)
    told = _told(blocks, headings, at_level, outer, evidence, leading, outline, ocr)
    # A quoted outline says the report answers it: its answers need not convince by themselves.
    # The headings' own numbers may agree with the items only as their texts tell them: an
    # untitled summary before "(a)" … "(f)" taken for item 1 by the headings alone shifts them.
    told_numbers = told is not None and _convincing([evidence[h.first] for h in at_level],
                                                    list(told.items[-len(at_level):]))
    if not (quoted or _convincing([evidence[h.first] for h in at_level], taken[-len(at_level):]) or told_numbers
            or (told is not None and (_told_convincingly(told) or _told_by_structure(blocks, told, at_level, level)))):
        return []
    # Where the texts overturn the headings' own reading (a heading taken for another item
    # than by its words and place alone, or for one where they took it for none), the texts are
    # right far more often than not: flagging those cells (measured 2026-12, pools 1-10's text
    # documents with and without phrases) would newly flag 169 right cells for 1 wrong one,
    # their scans (pools 7-10) 7 right for none, pool 11 35 right for none; every wrong cell so
    # overturned was flagged already (a close second reading, a longer text beside, its text
    # reading like another item). Not a review signal.
    if told is not None:
        taken = list(told.items)
    pairs = [(h, items) for h, items in zip(at_level, taken[-len(at_level):], strict=True)]
    support = _supports([(evidence[h.first], items) for h, items in pairs], outline,
                        leading=leading is not None and bool(taken[0]))
    sequence = told.sequence if told is not None else _sequence(at_level, evidence, leading is not None, len(outline))
    # How close a second reading of the level comes to the one taken, per heading (confidence.CLOSE_MARGIN).
    gaps = (margins(sequence, len(outline), taken, up_to=CLOSE_MARGIN) if len(sequence) == len(taken)
            else (math.inf,) * len(taken))
    openings = []
    for (h, items), gap in zip(pairs, gaps[-len(at_level):], strict=True):
        if items:
            order = tuple(sorted(items))
            openings.append(_Opening(h.first, h.last, h.line, tuple(outline[i].number for i in order),
                                     tuple(replace(s, margin=gap) for s in support.pop(0)), h.run_in))
        else:
            openings.append(_Opening(h.first, h.last, h.line, (), run_in=h.run_in, ordinal=h.ordinal))
    if support:
        openings.append(_Opening(leading[0], leading[0] - 1, "", (outline[0].number,),
                                 tuple(replace(s, margin=gaps[0]) for s in support.pop(0))))
    openings += [_Opening(h.first, h.last, h.line, (), outer=True) for h in headings
                 if h.level in outer and h.first > at_level[0].first]
    openings += [_Opening(h.first, h.last, h.line, (), run_in=h.run_in, ordinal=h.ordinal)
                 for h in _in_ladder_gaps(blocks, at_level, [h for h in headings if h.level not in outer])]
    return sorted(openings, key=lambda o: o.first)


def _rungs_without_bullet(blocks: tuple[Block, ...], headings: list[_Heading], item_count: int) -> list[_Heading]:
    """The headings with an unnumbered one set as every rung of a bulleted ladder short of the
    items is (_look: bold, white on a dark shading, and no other mark) taken for a rung of it:
    its bullet lost (a heading broken over two lines, a bullet typed by hand on the others),
    the same look at an item's place says the same rank. Only a look of two marks or more, and
    no more such lines than the ladder lacks."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        levels.setdefault(heading.level, []).append(heading)
    unnumbered = levels.get(("unnumbered", False), [])
    for key, rungs in levels.items():
        looks = {_look(blocks[h.first], h) for h in rungs}
        if key[0] != "bullet" or len(looks) != 1 or len(rungs) >= item_count or sum(look := looks.pop()) - look[0] < 2:
            continue
        alike = {h.first for h in unnumbered if _look(blocks[h.first], h) == look and h.first > rungs[0].first}
        if alike and len(rungs) + len(alike) <= item_count:
            return [replace(h, level=key) if h.first in alike else h for h in headings]
    return headings


def _in_ladder_gaps(blocks: tuple[Block, ...], at_level: list[_Heading], others: list[_Heading]) -> list[_Heading]:
    """The headings of another level than the items' numbered in a gap of the items' ladder, with
    its label's shape ("Chủ đề IV." in plain bold between the styled "Chủ đề III." and "Chủ đề V.",
    left out of the table of contents): a heading the province added between two items and set
    apart from the items' own (no heading style, another hand). It ends the item before it and is
    no item of its own (an opening taken for none), not a line of that item's text."""
    def shape(h: _Heading) -> str:
        return label_shape(blocks[h.first].number) if blocks[h.first].number else ""

    gaps = [(before, after) for before, after in zip(at_level, at_level[1:], strict=False)
            if before.ordinal is not None and after.ordinal is not None and after.ordinal - before.ordinal > 1]
    shapes = {shape(h) for h in at_level}
    if len(shapes) != 1 or "" in shapes:
        return _unnumbered_in_gaps(blocks, at_level, others, gaps)
    return [h for h in others if h.level != at_level[0].level and h.ordinal is not None and shape(h) in shapes
            and any(before.last < h.first < after.first and before.ordinal < h.ordinal < after.ordinal
                    for before, after in gaps)]


def _unnumbered_in_gaps(blocks: tuple[Block, ...], at_level: list[_Heading], others: list[_Heading],
                        gaps: list[tuple[_Heading, _Heading]]) -> list[_Heading]:
    """The one unnumbered heading set as every rung of the items' ladder is (_look) where the
    ladder skips one number ("3 Hợp tác xã…", bold "Ô ruộng muối…", "5 Lon sắt…", the numbers
    drawn in shapes, the province's own heading left without its shape): the rung of that
    number the province added, which ends the item before it and is none of its own."""
    looks = {_look(blocks[h.first], h) for h in at_level}
    if len(looks) != 1:
        return []
    found = []
    for before, after in gaps:
        inside = [h for h in others if h.level != at_level[0].level and before.last < h.first < after.first]
        if (after.ordinal - before.ordinal == 2 and len(inside) == 1 and inside[0].ordinal is None
                and _look(blocks[inside[0].first], inside[0]) in looks):
            found.append(inside[0])
    return found


def _quoted_outline(blocks: tuple[Block, ...], outline: tuple[OutlineSection, ...],
                    ocr: bool) -> tuple[frozenset[int], list[_Heading]]:
    """The positions of the lines of an outline quoted before the answers ("Thực hiện Công
    văn số …, báo cáo các nội dung: (1) …; (2) …; … (6) …;", then "… báo cáo cụ thể như
    sau:" and the answers under headings of the province's own words). Like a table of
    contents, a quotation is neither headings nor text: a run of headings of one level, each
    right after the one before with no text between them (the last may have some) and their
    numbers, if any, going up, that the alignment takes, alone, for all the outline's
    items but QUOTED_LEFT_OUT, in the outline's order and convincingly, with as many
    headings after it to hold the answers. A list of the documents the report rests on
    ("1. Quyết định số 950/QĐ-TTg…", "2. …", "3. …") is too short for one, and the item
    heading right after it, numbered 1 again, is not of its run. Empty (no quotation) otherwise;
    with the headings it looked among (_headings, none skipped)."""
    least = max(CONVINCING_COUNT, len(outline) - QUOTED_LEFT_OUT)
    headings = _headings(blocks, after=_covering_sentence(blocks), outline=outline, ocr=ocr)
    runs: list[list[_Heading]] = []
    for heading in headings:
        before = runs[-1][-1] if runs else None
        going_up = before is not None and (None in (before.ordinal, heading.ordinal)
                                           or heading.ordinal > before.ordinal)
        if going_up and heading.first == before.last + 1 and heading.level == before.level and not before.run_in:
            runs[-1].append(heading)
        else:
            runs.append([heading])
    quoted: set[int] = set()
    for run in runs:
        if len(run) < least or sum(h.first > run[-1].last for h in headings) < least:
            continue
        evidence = [_evidence(h, outline, ocr) for h in run]
        taken = list(align(evidence, len(outline)).items)
        items = [items for items in taken if items]
        in_order = all(a[-1] < b[0] for a, b in zip(items, items[1:], strict=False))
        if len(items) >= least and in_order and _convincing(evidence, taken):
            quoted |= {pos for h in run for pos in range(h.first, h.last + 1)}
    for first, last in _tables(blocks):
        # The outline quoted as a table ("TT | Nội dung đề nghị báo cáo", a row an item) before the answers.
        rows = [(pos, row) for pos in range(first, last + 1) if (row := _numbered_title(blocks[pos]))]
        if len(rows) < least or sum(h.first > last for h in headings) < least:
            continue
        run = [_Heading(pos, pos, f"{label} {title}", ("label", label_shape(label)), label_ordinal(label))
               for pos, (label, title) in rows]
        evidence = [_evidence(h, outline, ocr) for h in run]
        taken = list(align(evidence, len(outline)).items)
        items = [items for items in taken if items]
        in_order = all(a[-1] < b[0] for a, b in zip(items, items[1:], strict=False))
        if len(items) >= least and in_order and _convincing(evidence, taken):
            quoted |= set(range(first, last + 1))
    return frozenset(quoted), headings


def _section_level(levels: dict[tuple, list[_Heading]], evidence: dict[int, Evidence], leading: bool,
                   item_count: int) -> tuple[tuple, list[tuple[int, ...]]]:
    """The level whose headings align best with the outline, less RENUMBERED for each
    time its numbers start again; on equal scores the level that comes first. With
    `leading`, the untitled text before the first heading is aligned first. Returns the
    level and what each of its headings (after that text) was taken for."""
    nested = _sub_levels(levels)
    if len(nested) < len(levels):
        levels = {level: at_level for level, at_level in levels.items() if level not in nested}
    sequences = {level: (_sequence(at_level, evidence, leading, item_count), RENUMBERED * _restarts(at_level))
                 for level, at_level in levels.items()}
    bounds = {level: best_possible(seq, item_count) - cost for level, (seq, cost) in sequences.items()}
    order = list(levels)
    best: tuple[float, int, tuple, Alignment] | None = None
    for level in sorted(levels, key=lambda level: -bounds[level]):
        if best is not None and bounds[level] < best[0]:
            break  # no alignment of this level, nor of those after it, can win
        sequence, cost = sequences[level]
        alignment = align(sequence, item_count)
        candidate = (alignment.score - cost, -order.index(level), level, alignment)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    _, _, level, alignment = best
    return level, list(alignment.items)


def _sequence(at_level: list[_Heading], evidence: dict[int, Evidence], leading: bool,
              item_count: int) -> list[Evidence]:
    """What a level offers the alignment: its headings, after the untitled text before them."""
    sequence = [evidence[h.first] for h in at_level]
    if leading:
        sequence.insert(0, Evidence((0.0,) * item_count, leading_text=True))
    return sequence


@dataclass(frozen=True)
class _Told:
    """The section level aligned with each heading told also by the text under it."""

    sequence: list[Evidence]  # what the alignment was given, the untitled text before the headings first
    items: tuple[tuple[int, ...], ...]  # per element of `sequence`, the items taken
    lengths: tuple[int, ...]  # per element of `sequence`, its text's length in characters


def _told(blocks: tuple[Block, ...], headings: list[_Heading], at_level: list[_Heading], outer: set[tuple],
          evidence: dict[int, Evidence], leading: tuple[int, int] | None, outline: tuple[OutlineSection, ...],
          ocr: bool) -> _Told | None:
    """The section level aligned again, each heading told also by the text under it (up
    to the next heading of its level or of a level above): what a heading's words do not
    say, its text may ("Nguyện vọng của địa phương" over "Đề nghị Bộ Xây dựng…"). The
    level is chosen by headings alone, for a level's texts are the whole report whichever
    level it is; None when the texts tell nothing. The untitled text before the first
    heading (`leading`, its first and last position) is told too, beside the level's texts:
    where it speaks item 1's words more than they do, item 1 left without a heading."""
    limit = _signoff_limit(blocks, at_level[0].first - 1)
    stops = sorted({h.first for h in headings if h.level in outer} | {h.first for h in at_level} | {limit})
    texts = []
    for h in at_level:
        end = next((stop for stop in stops if stop > h.last), limit)
        texts.append(" ".join([h.run_in, *(block.text for block in blocks[h.last + 1 : min(end, limit)])]))
    told = _with_figure(text_likeness(texts, outline, misread=ocr), texts, outline)
    if not any(told):
        return None
    fewer = len(at_level) + (leading is not None) < len(outline)
    typical = sorted(len(text) for text in texts)[len(texts) // 2]
    other = _other_form(blocks, at_level, len(outline))
    sequence = [replace(_with_subheadings(evidence[h.first], t, h, headings, stops, outline, ocr) if fewer
                        else evidence[h.first], told=t, room_for_two=fewer and len(text) > TWO_TEXTS * typical,
                        other_form=h.first in other)
                for h, t, text in zip(at_level, told, texts, strict=True)]
    sequence = _counted_two(sequence, len(at_level) + (leading is not None), len(outline))
    if not leading:
        sequence = _taken_for_two(sequence, align(sequence, len(outline)).items, len(outline))
    if leading:
        untitled = " ".join(block.text for block in blocks[leading[0] : leading[1] + 1])
        sequence.insert(0, Evidence((0.0,) * len(outline), leading_text=True,
                                    told=text_likeness([*texts, untitled], outline, misread=ocr)[-1]))
        texts.insert(0, untitled)
    return _Told(sequence, align(sequence, len(outline)).items, tuple(len(text) for text in texts))


def _counted_two(sequence: list[Evidence], headings: int, item_count: int) -> list[Evidence]:
    """A level one heading short of the outline's items (`headings`, the untitled text before them
    counted) whose only text long enough for two is under a heading in two parts: that heading covers
    two (Evidence.counted_two). A province answering items 4 and 5 under one heading ("D- Tiền bạc và
    mắc míu") numbers and words the rest its own way, and the count, not their words, says so. Not
    when another text is as long (an item left out, "Số vốn đã sử dụng, phân theo từng nguồn" in two
    parts by a comma beside the difficulties' own long text): the count then tells no heading apart."""
    if headings != item_count - 1:
        return sequence
    two = [k for k, e in enumerate(sequence) if e.room_for_two]
    if len(two) != 1 or not (sequence[two[0]].two_part and sequence[two[0]].told):
        return sequence
    sequence[two[0]] = replace(sequence[two[0]], counted_two=True)
    return sequence


def _taken_for_two(sequence: list[Evidence], items: tuple[tuple[int, ...], ...],
                   item_count: int) -> list[Evidence]:
    """A level one heading short of the items whose texts, read together, take one heading for
    two items and every other for one: where that heading is in two parts and its text long
    enough for two, it covers two (Evidence.counted_two), though another text is as long ("Về
    đôi đũa tre…:" over a list of its own beside "Về khói lò than cay mắt và lò ga thay lò
    củi:" over items 5 and 6, pool 49's Hồ Chí Minh). _counted_two counts by the lengths alone
    and so needs the one long text; here the texts' own words say which heading holds two."""
    if len(sequence) != item_count - 1 or any(e.counted_two for e in sequence):
        return sequence
    wide = [k for k, taken in enumerate(items) if len(taken) == 2]
    if len(wide) != 1 or sum(len(taken) for taken in items) != item_count:
        return sequence
    k = wide[0]
    if not (sequence[k].two_part and sequence[k].room_for_two and sequence[k].told):
        return sequence
    sequence[k] = replace(sequence[k], counted_two=True)
    return sequence


def _with_figure(told: list[tuple[float, ...]], texts: list[str],
                 outline: tuple[OutlineSection, ...]) -> list[tuple[float, ...]]:
    """What the texts tell, the one text of the level that states a funding figure (an amount,
    a table's total: aggregate/amounts.states_figure) telling the funding item (FIGURE_TOLD)
    more: under a heading whose words point nowhere ("Năm nào tỉnh bỏ ra bao nhiêu"), beside
    the province's own heading ("Việc tỉnh định làm tới cuối năm") whose text shares more of
    the funding item's many words, the figure is what says which text is the funding. Not
    when two texts or more state one: then the figure tells no text apart."""
    funding = next((k for k, item in enumerate(outline) if item.role == "funding"), None)
    if funding is None or not any(told):
        return told
    stating = list(islice((k for k, text in enumerate(texts) if states_figure(text)), 2))  # two are enough to tell
    if len(stating) != 1:
        return told
    k = stating[0]
    told[k] = tuple(value + FIGURE_TOLD if i == funding else value for i, value in enumerate(told[k]))
    return told


def _with_subheadings(evidence: Evidence, told: tuple[float, ...], heading: _Heading, headings: list[_Heading],
                      stops: list[int], outline: tuple[OutlineSection, ...], ocr: bool) -> Evidence:
    """A heading in two parts ("Vốn đã phân bổ và những điều chưa thông suốt"), in a level with
    fewer headings than the outline has items, whose own headings under it name clearly
    (JOINED_LIKENESS) an outline item ("4.1. Về nguồn lực", "4.2. Về văn bản quy phạm pháp
    luật": the points the outline lists under its difficulties) right after the one its text
    speaks more than its level's other texts do (`told`): it covers both, the first item's text
    before the second's points, as if its words named the second. Not when its text does not speak
    the first item: then the sub-headings name its own item ("4. Các mặt chưa được" over "a) Về
    nguồn lực"), whatever its words hint. Its evidence unchanged otherwise."""
    if not evidence.two_part or evidence.named or evidence.joined:
        return evidence
    end = next((stop for stop in stops if stop > heading.last), heading.last + 1)
    under = [h.line for h in headings if heading.last < h.first < end and h.level != heading.level]
    if not under:
        return evidence
    said = likeness(" ".join(match_key(line) for line in under), outline, misread=ocr)
    other = max(range(len(outline)), key=said.__getitem__)
    own = other - 1
    if (own < 0 or said[other] < JOINED_LIKENESS or not told or told[own] <= 0
            or evidence.likeness[other] >= said[other]):
        return evidence
    likeness_ = tuple(max(value, said[k]) if k == other else value for k, value in enumerate(evidence.likeness))
    return replace(evidence, likeness=likeness_, joined=tuple(sorted((own, other))))


def _other_form(blocks: tuple[Block, ...], at_level: list[_Heading], item_count: int) -> set[int]:
    """The position of the one whole line among a level's headings that are otherwise lead
    sentences run into their text (CONVINCING_COUNT of them at least, on both sides of it):
    the items' ladder is of one form, a line of the province's own ("Một số nội dung khác
    tỉnh báo cáo thêm.") of another. So too, in a level of more headings than the outline has
    items (`item_count`), the one title in one line among titles otherwise set in two ("Điểm 3.
    Phố đi bộ về đêm" among "Điểm 2. Thứ đã" over "đơm hoa kết trái", …), and the one heading
    marked otherwise than the rest, which share one look (bold "Vấn đề thứ tư: Trạm quan trắc…"
    among highlighted ones: the province's own heading, set by another hand or another day).
    Empty when the level has no such line."""
    looks = [marks(blocks[h.first], h.line) for h in at_level]
    usual = max(looks, key=looks.count)
    for odd in (lambda h: not h.run_in, lambda h: h.last == h.first and len(at_level) > item_count,
                lambda h: len(at_level) > item_count and marks(blocks[h.first], h.line) != usual):
        lines = [k for k, h in enumerate(at_level) if odd(h)]
        if len(lines) == 1 and len(at_level) - 1 >= CONVINCING_COUNT and lines[0] not in (0, len(at_level) - 1):
            return {at_level[lines[0]].first}
    return set()


def _without_list_openers(blocks: tuple[Block, ...], at_level: list[_Heading]) -> list[_Heading]:
    """A bulleted level's headings without the lines that open a list: ending with a colon,
    the line right under each a point of a list of another marker ("- Về hạ tầng và nền tảng
    số:" over "+ Đã kết nối …"), where the level's other headings, CONVINCING_COUNT of them at
    least and more than these, are titles with no colon. Such a line is a point of an item's
    text set bold like the items' headings, of another form than theirs (in a .docx, Word's
    list or style tells them apart; a PDF keeps only the bullet and the font). Only the level
    chosen for the sections is read so, once chosen; a numbered heading is never one."""
    def marker(h: _Heading) -> str:
        return list_marker(blocks[h.first])

    openers = {h.first for h in at_level
               if marker(h) and h.line.rstrip().endswith(":") and h.last + 1 < len(blocks)
               and list_marker(blocks[h.last + 1]) not in ("", marker(h))}
    titles = sum(1 for h in at_level if not h.line.rstrip().endswith(":") and not h.run_in)
    if not openers or titles < max(CONVINCING_COUNT, len(openers) + 1):
        return at_level
    return [h for h in at_level if h.first not in openers]


def _titled(heading: _Heading) -> str:
    """A heading's line without the label its ladder repeats on every heading ("Nội dung A:",
    "Lĩnh vực B.", which strip_label alone does not take for a label: a line may open "Phương án
    A: …"), so that the label's words ("nội dung", words of two items' headings) are not taken
    for the heading's own: the level it was read at says the label is one."""
    if heading.level[:1] == ("label",):
        template = template_label(heading.line)
        if template is not None and template.shape == heading.level[1]:
            return heading.line[heading.line.index(template.label) + len(template.label):].lstrip()
    return heading.line


def _evidence(heading: _Heading, outline: tuple[OutlineSection, ...], ocr: bool) -> Evidence:
    index = {section.number: i for i, section in enumerate(outline)}
    line = _titled(heading)
    named = tuple(index[n] for n in match_heading(line, outline))
    ordinal = heading.ordinal
    # A heading that says which item of the outline it answers ("Câu 1. … (mục 2 đề cương)",
    # the province's own order) names that item, and that is its number.
    referenced = outline_reference(strip_label(line))
    if referenced in index:
        named, ordinal = (index[referenced],), referenced
    key = match_key(line)
    # Its words in parentheses say what the item covers ("Giai đoạn chuẩn bị (… đến khi có
    # Quyết định phê duyệt Đề án)"): they count for its likeness, not for where it splits.
    aside = " ".join(_PARENTHESES.findall(fold(strip_label(line))))
    alike = likeness(f"{key} {aside}", outline, misread=ocr)
    if heading.points:
        # Its points are its item's: where they name an item clearly ("Về nguồn lực", "Về văn bản
        # quy phạm pháp luật", the points the outline lists under its difficulties), so does it. Read
        # as written even on a scan: a word of two short lines taken for its near neighbour ("ngành"
        # for "ngân") would name another item.
        said = likeness(" ".join(match_key(line) for line in heading.points), outline)
        named_by_points = max(range(len(outline)), key=said.__getitem__)
        if said[named_by_points] >= JOINED_LIKENESS:
            alike = tuple(max(value, said[k]) if k == named_by_points else value for k, value in enumerate(alike))
    joints = match_key(joints_as_and(line))
    return Evidence(alike, named, ordinal, joined_items(joints, outline), two_part=two_parts(joints, outline))


def _supports(headings: list[tuple[Evidence, tuple[int, ...]]], outline: tuple[OutlineSection, ...],
              leading: bool) -> list[tuple[Support, ...]]:
    """For each heading of the section level taken for items (in document order), what
    took it for each of them: its words, its number, whether it keeps the outline's order,
    and on how many sides its place is confirmed. Last, when `leading`, the untitled text
    taken for item 1."""
    clear = [bool(items) and max(_words(e, i) for i in items) >= WORDS_CLEAR for e, items in headings]
    last_item = len(outline) - 1
    supports, furthest = [], -1
    for k, (e, items) in enumerate(headings):
        if not items:
            continue
        per_item = []
        for i in sorted(items):
            # A heading covering two items sits after the first and before the last of them.
            anchors = (_anchored(headings, clear, k, min(items), step=-1, end=1 if leading else 0)
                       + _anchored(headings, clear, k, max(items), step=1, end=last_item))
            elsewhere = max((_words(e, j) for j in range(len(outline)) if j not in items), default=0.0)
            numbered = None if e.ordinal is None else e.ordinal == outline[i].number
            per_item.append(Support(words=_words(e, i), numbered=numbered, ordinal=e.ordinal, in_order=i > furthest,
                                    anchors=anchors, elsewhere=elsewhere, outer=i in (0, last_item)))
        furthest = max(furthest, *items)
        supports.append(tuple(per_item))
    if leading:
        following = next(((k, items) for k, (_, items) in enumerate(headings) if items), None)
        # The first heading is the second item where it sits, found by its words or numbered 2 ("II."):
        # the province wrote item 1 without a heading.
        anchored = following is not None and min(following[1]) == following[0] + 1 and (
            clear[following[0]] or headings[following[0]][0].ordinal == outline[min(following[1])].number)
        supports.append((Support(words=0.0, numbered=None, in_order=True, anchors=int(anchored), no_heading=True),))
    return supports


def _words(evidence: Evidence, index: int) -> float:
    return 1.0 if index in evidence.named else evidence.likeness[index]


def _anchored(headings, clear, k: int, item: int, step: int, end: int) -> int:
    """1 when the headings between heading k and the nearest heading found by its words
    in direction `step` (taken for an item or not: a province's own heading counts) are
    as many as the items between theirs; with no such heading, as many as the items
    between `item` and the outline's end that way (`end`: its first item, or the second
    when untitled text before the headings was taken for the first; or its last). A
    heading between them taken for two items ("IV – SỔ THU CHI CÙNG BỨC TƯỜNG VÔ HÌNH"
    over items 4 and 5) counts as two: the items it holds leave no room for another."""
    j = k + step
    while 0 <= j < len(headings) and not clear[j]:
        j += step
    between = sum(max(1, len(headings[m][1])) for m in range(k + step, j, step))
    if not 0 <= j < len(headings):
        return int(abs(end - item) == between)
    items = headings[j][1]
    other = min(items) if step > 0 else max(items)
    return int((other - item) * step == between + 1)


def _convincing(evidence: list[Evidence], taken: list[tuple[int, ...]]) -> bool:
    """Places alone do not make a report on the outline. Some heading's words must point
    clearly at the item it was taken for, or the headings' words together must (weak
    likenesses adding up to CONVINCING_TOTAL), or their own numbers must agree with the
    items' (or make a gapless ladder taken in the outline's order) for CONVINCING_COUNT
    headings. Unnumbered headings of another plan ("Mở đầu",
    …, "Kết luận") are not the items."""
    pairs = [(e, items) for e, items in zip(evidence, taken, strict=True) if items]
    agreeing = [1.0 if set(items) & set(e.named) else max(e.likeness[i] for i in items) for e, items in pairs]
    numbered = sum(1 for e, items in pairs if e.ordinal == items[0] + 1)
    # A ladder numbered 1, 2, 3… without a gap, taken for items in the outline's order: its
    # numbers agree with the outline's order though an item left out shifts them by one.
    ladder = [e.ordinal for e, _ in pairs] == list(range(1, len(pairs) + 1)) and all(
        a[-1] < b[0] for (_, a), (_, b) in zip(pairs, pairs[1:], strict=False))
    return (max(agreeing, default=0.0) >= CONVINCING_LIKENESS or sum(agreeing) >= CONVINCING_TOTAL
            or max(numbered, len(pairs) if ladder else 0) >= CONVINCING_COUNT)


def _told_convincingly(told: _Told) -> bool:
    """Headings whose words say little (the province's own, unnumbered: "Các nút thắt khi
    làm đô thị thông minh ở tỉnh") still make a report on the outline when their texts
    confirm what their words hint: taken in the outline's order, their words' likenesses
    to their items adding up to WEAKLY_TOTAL at least, and the text under each of
    CONVINCING_COUNT of them (and of half of them at least) speaking its item's words more
    than any other item's, beyond what the level's texts share. Texts alone, under headings
    of another plan whose words name nothing, do not make a report on the outline."""
    pairs = [(e, items) for e, items in zip(told.sequence, told.items, strict=True) if items and e.told]
    in_order = all(a[-1] < b[0] for (_, a), (_, b) in zip(pairs, pairs[1:], strict=False))
    hinted = sum(max(e.likeness[i] for i in items) for e, items in pairs)
    return in_order and hinted >= WEAKLY_TOTAL and _speaking(pairs) >= max(CONVINCING_COUNT, len(pairs) / 2)


def _speaking(pairs: list[tuple[Evidence, tuple[int, ...]]]) -> int:
    """How many headings' texts speak the item taken more than any other item, beyond what the level's texts share."""
    return sum(1 for e, items in pairs
               if max(e.told[i] for i in items) >= max(e.told) and max(e.told[i] for i in items) > 0)


def _told_by_structure(blocks: tuple[Block, ...], told: _Told, at_level: list[_Heading], level: tuple) -> bool:
    """Headings whose words hint at nothing (the province's own: "Tiền đã chi, chia theo nguồn",
    "Về mặt chưa làm được: …") still make a report on the outline when the document's own
    structure sets them apart as one level with one heading per item: a heading style (whatever
    its name), a bullet leading titles (parse/bullets.py: one symbol before bold titles, "Ø Tấm
    lụa tơ tằm óng ả"), or leads run into their paragraphs and closed by a colon, every one of the level;
    as many of them as the outline has items (the untitled text before them, taken for the first,
    counting), taken one per item in the outline's order, and the text under CONVINCING_COUNT of
    them, and half of them at least, speaking its item more than any other (_told_convincingly
    without the words' hints). The one whole line among leads (_other_form: "Việc sẽ làm trong
    năm 2023." between items 2 and 3) is the province's own, taken for none. Fewer or more
    headings than items, or any other taken out of order or for none, prove nothing by their
    places alone. Unnumbered lines of one look (bold whole lines: "Thành quả đong đếm được") set
    a level apart too where they are one fewer than the items and the untitled text before the
    first, UNTITLED_ITEM of their typical text long at least, is the item left without a heading:
    a preamble's line or two is too short for one. A ladder numbered 1, 2, 3… without a gap that
    has one rung more than the items ("Phần trình bày III. …" between items 2 and 3, a heading the
    province added) is set apart too where its texts take every rung but that one for an item:
    _rung_added. So does one label repeated over every heading, its number lost (_one_label). So
    does the count itself where the level is one heading short of the items and its one text long
    enough for two is under a heading in two parts (Evidence.counted_two: "- Chĩnh mật cất kỹ cùng
    đàn ong bỏ tố" over items 4 and 5 among bold dash-led lines of figurative words), taken for the
    two items its place leaves, every other heading for one: the reading stands on the document's
    own count and texts, whatever a heading's words happen to share with the outline or its phrases."""
    own = _other_form(blocks, at_level, len(told.sequence[0].likeness))
    item_count = len(told.sequence[0].likeness)
    before = len(told.items) - len(at_level)  # the untitled text before the headings, if any
    added = _rung_added(told, at_level, before, item_count)
    counted = any(e.counted_two for e in told.sequence)
    if not (level[0] in ("style", "styled", "bullet") or all(h.run_in for h in at_level if h.first not in own) or added
            or _one_label(at_level) or counted
            or (level[0] == "unnumbered" and before and len(at_level) == item_count - 1
                and told.lengths[0] >= UNTITLED_ITEM * sorted(told.lengths[1:])[len(at_level) // 2])):
        return False
    aside = {before + k for k, h in enumerate(at_level) if h.first in own} | added
    if any(told.items[k] for k in aside):
        return False
    if [items for k, items in enumerate(told.items) if k not in aside] != _one_per_item(
            [e for k, e in enumerate(told.sequence) if k not in aside], item_count):
        return False
    pairs = [(e, items) for e, items in zip(told.sequence, told.items, strict=True) if e.told and items]
    return _speaking(pairs) >= max(CONVINCING_COUNT, len(pairs) / 2)


def _one_per_item(sequence: list[Evidence], item_count: int) -> list[tuple[int, ...]]:
    """The items of a reading taking each element of `sequence` for the next item in the outline's
    order, the one counted to cover two (Evidence.counted_two) for the next two; [] when that
    reading does not end on the outline's last item."""
    items: list[tuple[int, ...]] = []
    for e in sequence:
        width = 2 if e.counted_two else 1
        start = items[-1][-1] + 1 if items else 0
        items.append(tuple(range(start, start + width)))
    return items if items and items[-1][-1] == item_count - 1 else []


def _rung_added(told: _Told, at_level: list[_Heading], before: int, item_count: int) -> set[int]:
    """The one rung of a ladder the province added among the items' (its place in `told`): the
    level numbered 1, 2, 3… by its own labels without a gap, one heading more than the items (the
    untitled text before them, taken for the first, counting), and its texts taking every heading
    but one for an item. A province that adds a heading of its own to a numbered ladder numbers it
    on with the rest ("Phần trình bày III. Việc sẽ làm" between items 2 and 3, items 3 to 6 under
    IV to VII), so the numbers agree with the items' only up to it: the count, not the words,
    says a rung is extra, and the texts which. Empty otherwise."""
    ordinals = [h.ordinal for h in at_level]
    if len(at_level) + before != item_count + 1 or ordinals != list(range(1, len(at_level) + 1)):
        return set()
    none = [k for k, items in enumerate(told.items) if not items]
    return set(none) if len(none) == 1 and none[0] >= before else set()


def _without_nested_lists(headings: list[_Heading]) -> list[_Heading]:
    """A level's headings without the lists nested inside one of them and numbered like
    them: after "4.", a list "1.", "2.", "3." and then "5." resumes the level's numbers, so
    the list is lines of item 4's text, not three headings of the level ("1. Trung tâm điều
    hành" is a part of the funding, not item 1). A list that is not followed by the next
    number of the heading before it (sub-headings numbered again under each item) stays.
    Only the level chosen for the sections is read so, once chosen. A list longer than that
    ("1." … "8." under "3.", then "4.") passes the number that resumes the level: the list ends
    where the level resumes last, its numbers going up without a gap until then."""
    kept: list[_Heading] = []
    k = 0
    while k < len(headings):
        before = kept[-1].ordinal if kept else None
        end, resumes = k, []  # where the level could resume after a list from k, the first first
        while end < len(headings) and headings[end].ordinal == end - k + 1:
            if end > k and headings[end].ordinal == (before or 0) + 1:
                resumes.append(end)
            end += 1
        if end < len(headings) and end > k and headings[end].ordinal == (before or 0) + 1:
            resumes.append(end)
        if before is not None and resumes:
            k = resumes[-1]
            continue
        kept.append(headings[k])
        k += 1
    return kept


def _without_points(blocks: tuple[Block, ...], headings: list[_Heading]) -> list[_Heading]:
    """An unnumbered level's headings without the points inside them, where CONVINCING_COUNT
    headings or more are leads run into their text ("Về tiền…: Số vốn đã giải ngân…") and no
    lead opens with a list's bullet: a whole line of the level opened by a bullet ("- Về hạ
    tầng và nền tảng số:"), after a lead, is of another shape, a point of the lead's item set
    bold like the leads, not an item's heading. Only the level chosen for the sections is read
    so, once chosen; any other level is returned as it is."""
    if not headings or headings[0].level[0] != "unnumbered":
        return headings
    leads = [h for h in headings if h.run_in]
    if len(leads) < CONVINCING_COUNT or any(list_marker(blocks[h.first]) for h in leads):
        return headings
    return [h for h in headings
            if h.run_in or h.first < leads[0].first or not list_marker(blocks[h.first])]


def _restarts(headings: list[_Heading]) -> int:
    """How often the numbers of a level start again: sub-headings restart under each
    section ("1.", "2.", "1.", "2."), the section level does not."""
    ordinals = [h.ordinal for h in headings if h.ordinal is not None]
    return sum(1 for before, after in zip(ordinals, ordinals[1:], strict=False) if after <= before and after == 1)


def _sub_levels(levels: dict[tuple, list[_Heading]]) -> set[tuple]:
    """The numbered levels that number the points under the headings of another level: their
    numbers start again ("a)", "b)", then "a)", "b)"), each time under a new heading of one
    other level, which starts before them, never starts its own numbers again and has more
    headings than containers do (MAX_CONTAINERS): "a) Về hạ tầng số", "b) Về Trung tâm điều
    hành" under "ii)", "a) Về nguồn lực" under "iv)". However well their words speak the
    outline's (the points of item 5 are its own words), the items are the ladder they restart
    under. A level of headings that all read one label with no number ("Điểm báo cáo :" six
    times, its number a field the reader could not show) is such a ladder too: the template's
    label, its rungs told apart by place alone."""
    nested = set()
    for key, points in levels.items():
        if key[0] != "label" or not _restarts(points):
            continue
        starts = [k for k in range(1, len(points))
                  if points[k].ordinal == 1 and (points[k - 1].ordinal or 0) >= 1]
        for other, at_level in levels.items():
            if (other == key or len(at_level) <= MAX_CONTAINERS or at_level[0].first >= points[0].first
                    or _restarts(at_level) or not (other[0] in ("label", "style") or _one_label(at_level))):
                continue
            if all(any(points[k - 1].last < h.first < points[k].first for h in at_level) for k in starts):
                nested.add(key)
                break
    return nested


def _one_label(at_level: list[_Heading]) -> bool:
    """An unnumbered level whose headings all open with the same few words and a colon: a label
    repeated from a template, its number lost ("Điểm báo cáo : Toàn cảnh", "Điểm báo cáo : Lan
    tỏa" …), each item's own title after it."""
    if at_level[0].level[0] != "unnumbered" or not all(":" in h.line for h in at_level):
        return False
    labels = {fold(h.line.split(":", 1)[0]).strip() for h in at_level}
    return len(labels) == 1 and 0 < len(next(iter(labels)).split()) <= TEMPLATE_LABEL_WORDS


def _outer_levels(levels: dict[tuple, list[_Heading]], level: tuple) -> set[tuple]:
    """Numbered or styled levels with a heading before the first section heading and
    only a few in all ("I. KẾT QUẢ THỰC HIỆN" over items numbered 1.-6.): a later
    heading of theirs ("II. PHƯƠNG HƯỚNG…") ends the section before it."""
    first = levels[level][0].first
    return {key for key, at_level in levels.items()
            if key != level and key[0] not in ("unnumbered", "bullet", "styled") and at_level[0].first < first
            and len(at_level) <= MAX_CONTAINERS}


def _headings(blocks: tuple[Block, ...], after: int, outline: tuple[OutlineSection, ...],
              ocr: bool = False, skip: frozenset[int] = frozenset()) -> list[_Heading]:
    """The heading-like lines after the covering sentence and before the sign-off (none
    of `skip`), a label alone on its line ("PHẦN I") joined with the title under it, and a
    long heading wrapped onto a second line (a blank line between them or not: readers keep
    no empty paragraphs) joined with it."""
    titles = _title_positions(blocks) | skip
    after = max(after, _report_title(blocks))
    limit = _signoff_limit(blocks, after)
    bulleted = {**_style_ladders(blocks, after, limit, len(outline)),
                **bullet_ladders(blocks, after, limit, len(outline))}
    headings = _heading_lines(blocks, after, limit, titles, bulleted, outline, ocr)
    nested = _nested_ladders(headings)
    if nested:
        bulleted = {pos: key for pos, key in bulleted.items() if key not in nested}
        headings = _heading_lines(blocks, after, limit, titles, bulleted, outline, ocr)
    if not ocr:
        headings = _bare_roman_ladder(headings)
    return _points_of_styled_items(blocks, _continued_ladders(headings))


# How many headings of a text document opening with a bare Roman numeral, I, II, III… in order,
# make them a numbered ladder.
BARE_ROMAN_LADDER = 4


def _bare_roman_ladder(headings: list[_Heading]) -> list[_Heading]:
    """A text document's unnumbered headings of one look each opening with a bare Roman numeral
    before a capital ("I CON THOI GỖ MÍT…", "II CHIẾC LÀN…", no stop: pool 55's Long An), counting
    I, II, III… without a gap or a repeat, BARE_ROMAN_LADDER of them at least: numbered so, a
    ladder (on a scan every such heading is, _heading_lines). Fewer, or a count that skips, stay
    unnumbered: a title may open with a numeral-like word."""
    for level in {h.level for h in headings if h.level[0] == "unnumbered"}:
        at_level = [h for h in headings if h.level == level]
        counted = [(h, bare_roman(h.line)) for h in at_level]
        counted = [(h, value) for h, value in counted if value is not None]
        if len(counted) < BARE_ROMAN_LADDER or [v for _, v in counted] != list(range(1, len(counted) + 1)):
            continue
        numbered = {h.first: replace(h, level=BARE_ROMAN_LEVEL, ordinal=value) for h, value in counted}
        return [numbered.get(h.first, h) for h in headings]
    return headings


def _points_of_styled_items(blocks: tuple[Block, ...], headings: list[_Heading]) -> list[_Heading]:
    """A heading style given to the items' headings and to the points under them too ("Heading
    2" over "Chuyên đề I: …" and over "1. Về hạ tầng số" under it): the style alone does not
    make a line an item. In a style level, the headings of one label shape whose numbers start
    again ("1.", "2.", then "1.", "2."; "2.1.", "2.2.", then "5.1."; "a)", "b)"), each time after
    a heading of the level of another shape or of none, CONVINCING_COUNT of those at least and
    their numbers, if any, never starting again, are the points under those: a level of their
    own, their label's, which _sub_levels reads as nested in the items'."""
    def shape(h: _Heading) -> str:
        return label_shape(blocks[h.first].number) if blocks[h.first].number else ""

    points: set[int] = set()
    for level in {h.level for h in headings if h.level[0] == "style"}:
        at_level = [h for h in headings if h.level == level]
        for labelled in {shape(h) for h in at_level} - {""}:
            numbered = [h for h in at_level if shape(h) == labelled]
            others = [h for h in at_level if shape(h) != labelled]
            if not _restarts(numbered) or len(others) < CONVINCING_COUNT or _restarts(others):
                continue
            starts = [k for k in range(1, len(numbered))
                      if numbered[k].ordinal == 1 and (numbered[k - 1].ordinal or 0) >= 1]
            if all(any(numbered[k - 1].last < h.first < numbered[k].first for h in others) for k in starts):
                points |= {h.first for h in numbered}
    if not points:
        return headings
    return [replace(h, level=("label", shape(h))) if h.first in points else h for h in headings]


def _continued_ladders(headings: list[_Heading]) -> list[_Heading]:
    """Two drafts pasted together: a Roman level numbered "I.", "II.", … n, then an Arabic one
    of the same delimiter numbered on from n+1 ("4.", "5.", "6."), every heading of it after the
    Roman level's last, are one level of items, the Arabic headings given the Roman level's key.
    Each level's numbers go up one at a time, a Roman numeral read short by OCR ("III." read
    "II.", see _read_short) taken for the one its place asks, the Arabic numbers leaving room for
    exactly the Roman headings there are; a list under the last Roman heading numbered from 1
    may come first (_numbered_on). An Arabic level that counts from 1 on, or has a heading before
    the Roman level's last (the points under a Roman heading), is a level of its own."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        levels.setdefault(heading.level, []).append(heading)
    changed: dict[int, _Heading] = {}
    for roman, romans in levels.items():
        if roman[0] != "label" or not str(roman[1]).startswith("I") or len(romans) < 2:
            continue
        numbers = levels.get(("label", "1" + str(roman[1])[1:]), [])
        if not (numbers and numbers[0].first > romans[-1].last and _numbered_on([h.ordinal for h in numbers],
                                                                               len(romans))
                and all(_read_at(h.ordinal, place) for place, h in enumerate(romans, start=1))):
            continue
        changed.update({h.first: replace(h, ordinal=place) for place, h in enumerate(romans, start=1)})
        changed.update({h.first: replace(h, level=roman) for h in numbers})
    return [changed.get(h.first, h) for h in headings]


def _numbered_on(ordinals: list[int | None], last: int) -> bool:
    """Whether Arabic numbers go on from a Roman level's `last` (last+1, last+2, …), after a list
    of the last Roman heading's own ("1." … "8.") that they do not go on from (_without_nested_lists
    takes it out of the level): one running up to `last` would make the whole a ladder of its own."""
    listed = next((k for k, ordinal in enumerate(ordinals) if ordinal != k + 1), len(ordinals))
    going_on = [k for k in range(min(listed, len(ordinals) - 1) + 1)
                if ordinals[k:] == list(range(last + 1, last + 1 + len(ordinals) - k))]
    return bool(going_on) and going_on[-1] != last


def _read_at(ordinal: int | None, place: int) -> bool:
    """Whether a Roman numeral read as `ordinal` is the one at `place`, or it read short."""
    return ordinal is not None and 1 <= ordinal <= place and place - ordinal <= final_ones(place)


def _style_ladders(blocks: tuple[Block, ...], after: int, limit: int, item_count: int) -> dict[int, tuple]:
    """The paragraphs of a Word file between `after` and `limit` whose paragraph style, of any
    name ("Mục lớn", "Đề mục"), is a heading level's by its use: a style that is not the body's
    (the one most of these paragraphs have) nor a heading style by name, given to
    CONVINCING_COUNT paragraphs at least and no more than the outline's items and LADDER_EXTRA,
    every one of them a title (unnumbered, no bullet, no longer than LADDER_CHARS, not ending as
    a sentence or a list's entry does) with text of another style under it before the next one.
    By position, each with its level's key ("styled", the style's name)."""
    paragraphs = [pos for pos in range(max(after + 1, 0), limit)
                  if blocks[pos].kind == "paragraph" and blocks[pos].page is None]
    uses = Counter(blocks[pos].style for pos in paragraphs)
    if not uses:
        return {}
    body = uses.most_common(1)[0][0]
    groups: dict[str, list[int]] = {}
    for pos in paragraphs:
        groups.setdefault(blocks[pos].style, []).append(pos)
    ladders: dict[int, tuple] = {}
    for style, positions in groups.items():
        if style == body or not style or not CONVINCING_COUNT <= len(positions) <= item_count + LADDER_EXTRA:
            continue
        if not all(_styled_title(blocks[pos]) for pos in positions):
            continue
        if any(b - a < 2 for a, b in zip(positions, [*positions[1:], limit], strict=True)):
            continue  # a list's lines, or a last one with nothing under it
        ladders.update(dict.fromkeys(positions, ("styled", style)))
    return ladders


def _styled_title(block: Block) -> bool:
    """An unnumbered title: numbered in words ("Nhóm nội dung 1: …", "Nội dung thứ hai: …") is
    numbered, its label's ladder (the table style of a heading boxed in a table otherwise made
    a style ladder of it, its numbers unread: pool 31's Lào Cai, no section found)."""
    text = block.text.rstrip()
    return (block.heading_level is None and not block.number and not list_marker(block)
            and len(text) <= LADDER_CHARS and not text.endswith((";", ",", "."))
            and word_label(text) is None and label_in_words(text) is None)


def _nested_ladders(headings: list[_Heading]) -> set[tuple]:
    """The levels of headings marked by a bullet alone (parse/bullets.py) that are points
    inside the headings of another level: one that starts before them, has more headings
    than containers do (MAX_CONTAINERS), and holds two of their lines or more under one of
    its headings ("Thứ hai, …" over "- Về hạ tầng số:" and "- Về Trung tâm điều hành:")."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        levels.setdefault(heading.level, []).append(heading)
    nested = set()
    for key, points in levels.items():
        if key[0] != "bullet":
            continue
        for other, at_level in levels.items():
            if other == key or len(at_level) <= MAX_CONTAINERS or at_level[0].first >= points[0].first:
                continue
            starts = [h.first for h in at_level]
            held = Counter(sum(1 for start in starts if start < point.first) for point in points)
            if max(held.values()) >= 2:
                nested.add(key)
                break
    return nested


def _heading_lines(blocks: tuple[Block, ...], after: int, limit: int, titles: set[int], bulleted: dict[int, tuple],
                   outline: tuple[OutlineSection, ...], ocr: bool) -> list[_Heading]:
    """_headings' lines, those of the ladders marked by a bullet (`bulleted`) among them."""
    in_words_ladder = _counted_in_words(blocks, after, limit, ocr, titles)
    positions = [pos for pos in range(after + 1, limit)
                 if (is_heading_like(blocks[pos]) or _lead_only(blocks[pos]) or pos in bulleted
                     or pos in in_words_ladder)
                 and pos not in titles]
    headings: list[_Heading] = []
    skip = set()
    cut = _cut_titles(blocks, positions)
    margin_words = _margin_label_words(blocks, positions) if ocr else {}
    for pos in positions:
        if pos in skip:
            continue
        if pos in margin_words:
            # "Hợp phần 'Tỉnh khởi động…" over "1:": the label framed in the margin, its number wrapped under its words
            words, number = margin_words[pos], blocks[pos + 1].number or blocks[pos + 1].text.strip()
            line = f"{words} {number} {blocks[pos].text[len(words):].strip()}"
            labelled = word_label(line)
            if labelled:
                skip.add(pos + 1)
                headings.append(_Heading(pos, pos + 1, line, ("label", f"{labelled[0]} 1:"), labelled[1]))
                continue
            if not blocks[pos + 1].number:
                # its numeral misread ("vực Ïl:"): the heading's, whole; _misread_labels reads its number
                skip.add(pos + 1)
                headings.append(_Heading(pos, pos + 1, line, heading_level_key(blocks[pos]), None))
                continue
        if _lead_only(blocks[pos]):
            # A bold lead sentence is the heading, the rest of its paragraph its item's first line;
            # its level is an unnumbered bold line's, which a heading filling a line of its own is.
            lead = blocks[pos].lead
            headings.append(_Heading(pos, pos, lead, bulleted.get(pos, ("unnumbered", is_all_caps(lead))), None,
                                     blocks[pos].text[len(lead):].strip()))
            continue
        block, last, line = blocks[pos], pos, blocks[pos].line
        following = blocks[pos + 1] if pos + 1 < limit and (pos + 1) in positions else None
        misread_alone = ocr and _misread_label_only(block)
        worded_alone = not block.number and word_label_alone(block.text)
        under = blocks[pos + 2] if pos + 2 < limit else None
        # on a scan, a line under it that opens with a label of words of its own ("Khâu 1, Con diều…", its
        # stop read as a comma) is its own heading, not a title or a wrapped line of this one (a toner
        # smear read as "MAI" or "II" over it, pool 58)
        own_label = (ocr and following is not None and not worded_alone
                     and word_label(_word_label_read(following.text, ocr)))
        if following is not None and not following.number and not own_label and (
                _label_only(block) or misread_alone or worded_alone
                or _wrapped(block, following, under, outline, blocks[pos - 1] if pos > 0 else None)
                or pos in cut):
            last, line = pos + 1, f"{line} {following.text}"
            skip.add(pos + 1)
        ordinal = label_ordinal(block.number) if block.number else None
        level = bulleted.get(pos) or heading_level_key(block)
        letter_label = ""  # "Phần trả lời B:", a label of words and a letter no rule of labels reads
        if ordinal is None and level[0] == "unnumbered" and (placed := in_words_ladder.get(pos)) \
                and placed[0] == _IN_WORDS:
            # a rung of a ladder of ordinals in words whose title OCR garbled, placed by the ladder
            level, ordinal = ORDINAL_WORD_LEVEL, placed[1]
        elif ordinal is None and level[0] == "unnumbered" and (placed := in_words_ladder.get(pos)):
            # a word ladder's rung its label misread, placed by the ladder (_counted_in_words); the
            # line from its label on where marks hid it (_lost_rungs_read)
            key = placed[0] if _counts_letters(placed[0]) else f"{placed[0]} 1:"  # a letter ladder's key is whole
            level, ordinal = ("label", key), placed[1]
            line = _label_after_marks(block, *placed) or line
        elif ordinal is None and level[0] == "unnumbered" and (
                in_words := ordinal_word(block.text) or label_in_words(block.text)):
            # "Thứ nhất, …", "Thứ hai, …": unnumbered to the reader, a ladder of their own.
            level, ordinal = ORDINAL_WORD_LEVEL, in_words
        elif ordinal is None and level[0] == "unnumbered" and (
                labelled := word_label(line if worded_alone and last > pos
                                       else _word_label_read(block.text, ocr and pos in in_words_ladder))):
            # "Vấn đề 2: …": a ladder of its own, of its words' ("Mảng I." over its title, joined with it)
            level, ordinal = ("label", f"{labelled[0]} 1:"), labelled[1]
        elif (ordinal is None and level[0] == "unnumbered" and pos in in_words_ladder
              and (lettered := word_letter_label(block.text))):
            # "Phần trả lời B: …" in a plain face, counted A, B, C… (_counted_in_words): a ladder of its own
            key, ordinal = _letter_ladder_key(lettered)
            level, letter_label = ("label", key), lettered[2]
        elif (ordinal is None and level[0] == "unnumbered" and not ocr
              and (counted := bare_number(block.text)) is not None):
            # "3 Giao việc, …": a number with no mark after it, a ladder of its own (not on a
            # scan, where OCR reads a bullet "❖" as a digit, "4 Lan tỏa…")
            level, ordinal = BARE_NUMBER_LEVEL, counted
        elif ordinal is None and level[0] == "unnumbered" and ocr and (counted := bare_roman(block.text)) is not None:
            # "III TỔ CÔNG TÁC…": a Roman numeral with no mark after it, a ladder of its own on a
            # scan, where the headings' look alone did not make them the items (pool 22's Tuyên
            # Quang: no section found). Not in a text document, read by its headings' look already:
            # numbered there, five headings for six items took their numbers for the items
            # without phrases (pool 20's Phú Thọ: one cell lost), as a "I." ladder's do.
            level, ordinal = BARE_ROMAN_LEVEL, counted
        if misread_alone and last > pos:
            # "TH:" (for "II:") over its title: the colon is its label's, the title's own may follow
            title, run_in = _run_in(following.text)
            line = f"{block.line} {title}"
        else:
            line, run_in = _run_in(line, letter_label or (block.number if line.startswith(block.number) else ""))
        if block.lead and last == pos and len(block.lead) < len(line) and not LEADER_TO_MARGIN.search(line):
            # a numbered paragraph opening with its bold title, no colon closing it: the title is
            # the heading, the rest of the paragraph its item's first line (a colon further on is
            # the text's); not a line led by dots to the margin, whole a heading's ("Phần A: Tiêu
            # đề……", its label bold)
            line, run_in = block.lead, block.text[len(block.lead):].strip()
        headings.append(_Heading(pos, last, line, level, ordinal, run_in))
    if ocr:
        framed = {pos for pos in range(after + 1, limit) if blocks[pos].margin_label}
        headings = _misread_labels(blocks, headings, after, limit, skip, len(outline), set(margin_words) | framed)
    elif pictured := frozenset(pos for pos in range(after + 1, limit) if blocks[pos].pictured):
        # A text document's headings drawn as pictures (a WordArt, a pasted clipping) are read
        # with OCR as a scan's are, and misread as theirs ("Phần thuyết minh VỊ:" for "VI:"):
        # its pictured lines alone may be a heading whose label OCR misread.
        headings = _misread_labels(blocks, headings, after, limit, skip, len(outline), ocr_lines=pictured)
    headings = _without_points_of_another_look(blocks, _without_plain_lists(blocks, _misread_numerals(headings)))
    return _without_bare_lists(_without_shared_list_points(blocks, headings, len(outline)))


def _margin_label_words(blocks: tuple[Block, ...], positions: list[int]) -> dict[int, str]:
    """On a recognised page, the headings whose label in words and a number was framed in the
    left margin beside the title, and wrapped there: OCR reads the label's words on the title's
    line ("Hợp phần 'Tỉnh khởi động từ con số nào") and its number alone on the line under it
    ("1:"). The label's words are those its lines share, before their titles: two such lines or
    more, the same words opening each (a few, never the whole line), the number's line right
    under, the item's text under that (a number alone over a title, "PHẦN I" over "1." over
    "Kết quả…", is the title's label). The frame may wrap the label's words too, their last ones
    going under with the number ("Nhóm lĩnh" beside the title, "vực II:" under it, pool 35's Kon
    Tum): the line under is then a label in words alone, read after the words the lines share.
    Per heading line, the label's words as written."""
    paired = [pos for pos in positions
              if pos + 1 < len(blocks) and not blocks[pos].number
              and (_label_only(blocks[pos + 1]) and blocks[pos + 1].number.rstrip(".:)").isdigit()
                   or not blocks[pos + 1].number and _wrapped_label_tail(blocks[pos + 1].text))
              and (pos + 2 >= len(blocks) or not is_heading_like(blocks[pos + 2]))]
    # Of the label's last words wrapped under, those OCR misread the numeral of ("vực Ïl:") go with
    # the ones it read, their words the same ("vực II:"): _misread_labels takes their numbers back.
    tails = {fold(blocks[pos + 1].text.split()[0]) for pos in paired
             if not blocks[pos + 1].number and word_label_alone(blocks[pos + 1].text)}
    paired = [pos for pos in paired if blocks[pos + 1].number or fold(blocks[pos + 1].text.split()[0]) in tails]
    if len(paired) < 2:
        return {}
    split = [blocks[pos].text.split() for pos in paired]
    shared = 0
    while (shared < min(map(len, split)) - 1 and shared < LABEL_IN_WORDS_MAX
           and len({fold(words[shared]) for words in split}) == 1):
        shared += 1
    if not shared or not all(word[:1].isupper() for word in split[0][:1]):
        return {}
    return {pos: " ".join(words[:shared]) for pos, words in zip(paired, split, strict=True)}


def _wrapped_label_tail(text: str) -> bool:
    """A line that may be a label's last words and its number, wrapped under the label's first
    words in a margin frame: a few words closed by a label's colon (read as a semicolon too)."""
    words = text.split()
    return 2 <= len(words) <= LABEL_IN_WORDS_MAX and text.rstrip().endswith((":", ";"))


def _word_label_read(text: str, ocr: bool) -> str:
    """A plain line as a label of words would read: on a scan, its colon that OCR read as a
    semicolon put back (labels.misread_word_stop, "Mục nội dung V; …", pool 38's Cao Bằng: no
    section found) and its Roman numeral that OCR misread put back in its letters
    (labels.misread_word_roman) where the line reads as no label of words as it is; the line as
    it is otherwise. Only a ladder counting 1, 2, 3… believes it."""
    if not ocr or word_label(text) or label_in_words(text) is not None:
        return text
    stopped = misread_word_stop(text) or text
    if word_label(stopped):
        return stopped
    righted = misread_word_roman(stopped)
    return righted if righted and word_label(righted) else text


def _counted_in_words(blocks: tuple[Block, ...], after: int, limit: int,
                      ocr: bool = False, titles: Collection[int] = ()) -> dict[int, tuple[str, int] | None]:
    """The plain lines between `after` and `limit` labelled in words and a number, or in words
    ending with an ordinal before a colon, that count 1, 2, 3… ("Điểm 1. …", "Điểm 2. …";
    "Yêu cầu thứ nhất: …", "Yêu cầu thứ hai: …"): OCR reads no italics nor underlines, so
    headings set apart by them alone come plain, and a text document's can come plain too (a
    PDF exported from headings in content controls bound to custom XML, refilled from their
    data without their bold: pool 34's Bà Rịa - Vũng Tàu, no section found); a label of words
    counting up from 1 over CONVINCING_COUNT short lines or more, each with text under it and
    none ending as a sentence does, is a ladder. On a scan a Roman numeral may be read an I short
    ("Phần thuyết minh II:" for "III:", pool 36's Điện Biên: no section found without phrases):
    a number read short at its place (_read_at) counts there; one OCR read as other letters
    ("Phần trình bày H." for "II.", "IH." for "III.", pool 37's Bắc Kạn: no section found)
    counts as _word_label_read rights it, at its place too. A label of words and a letter counts
    so too ("Phần trả lời A: …", "Phần trả lời B: …"): a Word form's fields saved as .odt keep
    their words and lose their bold (pool 39's Phú Thọ and Bình Định, no section found), and a
    scan's plain "Phần A." … "Phần F." are read so, a rung OCR misread tolerated as a number's is;
    a line set apart already is read by its marks. A
    ladder of word labels with a rung lost counts too (_rungs_lost), the rungs lost found where
    it says (_lost_rungs_read), and so does one with a numeral misread or read twice where its
    neighbours place it (_misread_rungs_placed). Per position, None for a line read as its label
    says, the ladder's key and the rung's number for one placed by the ladder."""
    labelled: dict[str, list[tuple[int, int]]] = {}
    worded: set[str] = set()  # the keys of labels of words and a number
    said: dict[str, str] = {}  # a ladder of ordinals in words: the text of a rung of it, to word its others
    for pos in range(max(after + 1, 0), limit):
        block = blocks[pos]
        if (block.kind != "paragraph" or block.number or len(block.text) > MAX_HEADING_CHARS
                or block.text.rstrip().endswith((".", ";", ","))):
            continue
        text = _word_label_read(block.text, ocr)
        found = word_label(text)
        in_words = None if found else label_in_words(text)
        lettered = None
        if not found and in_words is None and (opening := ordinal_word(text)) is not None and text[:1].isupper():
            # "Thứ nhất, Những bước…", "Hai là, …" opening plain title lines: a ladder of ordinals in words
            found = (_ORDINAL_OPENING, opening)
        elif in_words is not None:
            # its words as written for the first one ("yeu cau thu nhat"): the ladder's key
            found = (relabelled_in_words(text, 1), in_words)
            said.setdefault(found[0], text)
        elif not found and not set_apart(block) and (lettered := word_letter_label(text)):
            found = _letter_ladder_key(lettered)
        if found:
            short = ocr and in_words is None and word_label_in_roman(text)
            labelled.setdefault(found[0], []).append((pos, found[1], short))
            if in_words is None and (word_label(text) or ocr and lettered):
                worded.add(found[0])  # a scan's letter ladder, as OCR misreads letters, tolerates them too
    counted: dict[int, tuple[str, int] | None] = {}
    for key, lines in labelled.items():
        positions = [pos for pos, _, _ in lines]
        if (len(lines) < CONVINCING_COUNT
                or any(b - a < 2 for a, b in zip(positions, [*positions[1:], limit], strict=True))):
            continue
        if key == _ORDINAL_OPENING and any(blocks[pos].number or _marked(blocks[pos])
                                           for pos in range(max(after + 1, 0), positions[0]) if pos not in titles):
            continue  # "Thứ nhất, …" after a heading set apart (not the report's title): its points, not the items
        numbers = [n for _, n, _ in lines]
        if all(n == place or short and _read_at(n, place) for place, (_, n, short) in enumerate(lines, start=1)):
            counted.update(dict.fromkeys(positions))
        elif key in said and _rungs_lost(numbers):
            # a ladder of ordinals in words a rung of which OCR garbled after its label ("Lượt thứ
            # ba. a—- niên…", a hole punch's chad over its first word), found in its gap
            counted.update(dict.fromkeys(positions))
            counted.update(_lost_ordinal_rungs_read(blocks, said[key], numbers, [after, *positions]))
            continue
        elif key in worded and ((places := _misread_rungs_placed(numbers)) == list(range(1, len(places) + 1))
                                or _rungs_lost(places)):
            counted.update((pos, None if n == place else (key, place))
                           for pos, n, place in zip(positions, numbers, places, strict=True))
            counted.update(_lost_rungs_read(blocks, key, places, [after, *positions]))
            numbers = places
        else:
            continue
        if key in worded:
            # its last rung lost after the last read, its label behind stray marks too
            counted.update(_lost_rungs_read(blocks, key, [*numbers, numbers[-1] + 2], [after, *positions, limit]))
    return counted


def _misread_rungs_placed(numbers: list[int]) -> list[int]:
    """A word ladder's numbers as read, each one OCR misread or read twice put at its place where
    its neighbours say it ("1, 2, 8, 4" or "1, 2, 2, 4": the third is 3; a first read other than 1
    before a 2, but where the 2 is read twice, "2, 2, 4", _second_read_twice; a last read no
    higher than the one before it, or with its digit doubled, "5, 66"): a misread or repeated
    numeral does not break the ladder's order. No more of them than a third of the ladder, none
    two in a row; the numbers as read otherwise."""
    places = list(numbers)
    for i, n in enumerate(numbers):
        before = numbers[i - 1] if i else 0
        after = numbers[i + 1] if i + 1 < len(numbers) else None
        placed = places[i - 1] if i else 0  # "4, 55, 6": 5 before the last
        if after is None and i >= CONVINCING_COUNT - 1 and (
                n <= placed or n > placed + 2 and str(n).endswith(str(placed + 1))):
            # the last, read as one before it, or with its digit doubled or a speck before it ("66",
            # "16" for 6): the next (above, it may be a gap)
            places[i] = placed + 1
        elif after is not None and after - before == 2 and n != before + 1 and not _second_read_twice(numbers, i):
            places[i] = before + 1
    changed = [i for i, (n, place) in enumerate(zip(numbers, places, strict=True)) if n != place]
    if len(changed) > len(numbers) // 3 or any(b - a == 1 for a, b in zip(changed, changed[1:], strict=False)):
        return numbers
    return places


def _second_read_twice(numbers: list[int], i: int) -> bool:
    """Whether a ladder's first number read, the same as the second, is the rung it says and the
    second the one read twice ("2, 2, 4": OCR read III an I short, "II" for it, and lost the first
    rung), not a first misread ("2, 2, 3": "I" read as "II"): the one after them says which."""
    return i == 0 and len(numbers) > 2 and numbers[1] == numbers[0] and numbers[2] == numbers[0] + 2


# How many marks before a rung's label a reader's pen may have left ("——> ", "@ "): a few, and
# no more than two of them letters or digits (a ring read as "O").
STRAY_MARKS_CHARS = 8
STRAY_MARKS_ALNUM = 2


def _lost_rungs_read(blocks: tuple[Block, ...], key: str, numbers: list[int],
                     bounds: list[int]) -> dict[int, tuple[str, int]]:
    """The rungs a ladder of word labels lost (_rungs_lost) found where it says they are: in the
    gap between the rungs read around it (before the first, for a first rung lost; after the
    last, up to `bounds`' last, for a number past the last that `numbers` ends with), the one
    line there whose label, after a few stray marks before it (a reader's pen arrow "——> ", a
    speck: STRAY_MARKS_CHARS, STRAY_MARKS_ALNUM), is the ladder's words and the missing number
    (pool 42's Tuyên Quang: "——> Mục đánh giá 1.", "—> Mục đánh giá 3."). Per position, the
    ladder's key and the rung's number. A gap with no such line, or two, stays a gap (its cell doubted)."""
    return _rungs_in_gaps(numbers, bounds, key, lambda pos, number: bool(_label_after_marks(blocks[pos], key, number)))


def _rungs_in_gaps(numbers: list[int], bounds: list[int], key: str,
                   is_rung: Callable[[int, int], bool]) -> dict[int, tuple[str, int]]:
    """Per gap of one rung in a ladder's `numbers` (one missing between two read, or before the
    first), the one line in it (between `bounds`, after the rung read before it and its text) that
    `is_rung` takes for the missing number: its position, with `key` and the number. A gap with
    no such line, or two, stays a gap."""
    found: dict[int, tuple[str, int]] = {}
    previous = [0, *numbers]
    for k, number in enumerate(numbers):
        if number - previous[k] != 2:
            continue
        start = bounds[k] + 1 + (k > 0)  # the rung read's own line, then its text
        candidates = [pos for pos in range(max(start, 0), bounds[k + 1]) if is_rung(pos, number - 1)]
        if len(candidates) == 1:
            found[candidates[0]] = (key, number - 1)
    return found


_ORDINAL_OPENING = "(ordinal opening)"  # the key _counted_in_words counts plain "Thứ nhất, …" lines by
_IN_WORDS = "(in words)"  # the key _counted_in_words places a ladder of ordinals in words' rungs by
# What ends a label in words before a title OCR garbled: a stop, a colon or a dash.
_IN_WORDS_END = re.compile(r"\s*[.:\-–—]\s")


def _lost_ordinal_rungs_read(blocks: tuple[Block, ...], said: str, numbers: list[int],
                             bounds: list[int]) -> dict[int, tuple[str, int]]:
    """The rungs a ladder of ordinals in words lost found in its gaps, as _lost_rungs_read finds a
    word ladder's: the one line in a gap that opens with the ladder's words and the missing
    ordinal (labels.relabelled_in_words of a rung's text `said`), then a stop, a colon or a dash,
    whatever its title became. Per position, _IN_WORDS and the rung's number."""
    def is_rung(pos: int, number: int) -> bool:
        label, block = relabelled_in_words(said, number), blocks[pos]
        folded = fold(block.text)
        return (block.kind == "paragraph" and len(block.text) <= MAX_HEADING_CHARS and folded.startswith(label)
                and bool(_IN_WORDS_END.match(folded, len(label))))

    return _rungs_in_gaps(numbers, bounds, _IN_WORDS, is_rung)


def _label_after_marks(block: Block, key: str, number: int) -> str:
    """The line from its label on, where stray marks before it hide a label of `key`'s words
    numbered `number`; "" otherwise. The marks may stand in a cell of their own, OCR setting them
    apart as a column ("TH | Nội dung triển khai 3: …", a crease's trail in the margin: pool 49's
    Quảng Trị, its rung lost and its text in the item before)."""
    text = block.text
    cells = text.split(" | ")
    if block.kind == "table_row" and len(cells) == 2 and len(cells[0]) < STRAY_MARKS_CHARS:
        text = " ".join(cells)
    elif block.kind != "paragraph":
        return ""
    if len(text) > MAX_HEADING_CHARS or text.rstrip().endswith((".", ";", ",")):
        return ""
    for start in range(1, min(STRAY_MARKS_CHARS, len(text)) + 1):
        marks, tail = text[:start], text[start:]
        if not tail[:1].isalpha() or text[start - 1].isalpha():
            continue  # a label begins with its first word, whole
        if sum(c.isalnum() for c in marks) > STRAY_MARKS_ALNUM:
            break
        lettered = word_letter_label(tail)
        if (_letter_ladder_key(lettered) if lettered else word_label(tail)) == (key, number):
            return tail
    return ""


def _rungs_lost(numbers: list[int]) -> bool:
    """Whether a label's numbers as read are a ladder some rungs of which were not read as its
    label (OCR misread the label of one heading: a pen mark glued to it, a letter lost; a text
    document's one label mistyped): rising, no more than one rung missing between two read ones
    or before the first, and the rungs missing no more than half those read ("Mục đánh giá 2.",
    "4.", "5.", "6.", pool 42's Tuyên Quang, a pen arrow before 1 and 3: no section found). Each
    heading keeps its own number, the alignment places it by that, and a cell beside a lost rung
    is doubted (Reason.BEFORE_LOST_RUNG). A list of points counts 1, 2, 3… without a gap."""
    missing = numbers[-1] - len(numbers)
    return (1 <= numbers[0] <= 2 and 0 < missing <= len(numbers) // 2
            and all(1 <= b - a <= 2 for a, b in zip(numbers, numbers[1:], strict=False)))


_LETTER_KEY = " A:"  # what ends the key of a ladder of words and a letter


def _letter_ladder_key(lettered: tuple[str, int, str]) -> tuple[str, int]:
    """The ladder key and place of a label of words and a letter (labels.word_letter_label):
    ("phan tra loi", 3) -> ("phan tra loi A:", 3), apart from a ladder of the same words numbered."""
    return f"{lettered[0]}{_LETTER_KEY}", lettered[1]


def _counts_letters(key: object) -> bool:
    """Whether a ladder's key is a ladder of words and a letter's (_letter_ladder_key)."""
    return str(key).endswith(_LETTER_KEY)


def _marked(block: Block) -> bool:
    """Whether a line is set apart as a heading is, beyond its number: a heading style,
    bold (the whole line or its lead), underlined, coloured, letter-spaced, highlighted, boxed or in capitals."""
    return block.heading_level is not None or bool(block.lead) or set_apart(block)


def _without_plain_lists(blocks: tuple[Block, ...], headings: list[_Heading]) -> list[_Heading]:
    """The headings without the lists written in plain lines among headings numbered in
    the same shape but set apart (bold, a bold lead, capitals…): where CONVINCING_COUNT
    headings of a numbered level or more are marked so and their numbers go up without
    starting again, a run of its plain lines numbered 1, 2… (two or more but fewer than the
    marked ones, none of them between, each ending as a list's line or a sentence does: ";",
    ".") is a list inside the text ("Căn cứ các văn bản sau: 1. Quyết định số …; 2. …"), not
    headings: the items' ladder is the marked one. Left among the headings, such a list
    makes the level's numbers start again, and the items' level lose to a level of
    sub-headings ("a)", "b)" under some items)."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        if heading.level[0] == "label":
            levels.setdefault(heading.level, []).append(heading)
    dropped: set[int] = set()
    # A level of plain lines only, beside a numbered level of marked headings: its lists are the
    # text's too ("Căn cứ các văn bản sau: 1. …; 2. …" before items "1.1", "1.2"…, set in bold).
    most_marked = max((sum(1 for h in at_level if _marked(blocks[h.first])) for at_level in levels.values()),
                      default=0)
    for at_level in levels.values():
        marked = [h for h in at_level if _marked(blocks[h.first])]
        ordinals = [h.ordinal for h in marked]
        plain_only = not marked
        if plain_only and most_marked >= CONVINCING_COUNT:
            # its lists one by one, each a run of lines one under the other
            marked = [None] * most_marked  # their count only: a list is shorter than the ladder
        elif (len(marked) < CONVINCING_COUNT or len(marked) == len(at_level) or None in ordinals
                or any(b <= a for a, b in zip(ordinals, ordinals[1:], strict=False))):
            continue
        run: list[_Heading] = []
        for heading in [*at_level, None]:
            if heading is not None and not _marked(blocks[heading.first]) and not (
                    plain_only and run and heading.first != run[-1].last + 1):
                run.append(heading)
                continue
            if (2 <= len(run) < len(marked) and [h.ordinal for h in run] == list(range(1, len(run) + 1))
                    and all(blocks[h.last].text.rstrip().endswith((".", ";", ",")) for h in run)):
                dropped |= {h.first for h in run}
            run = [heading] if plain_only and heading is not None else []
    return [h for h in headings if h.first not in dropped] if dropped else headings


def _look(block: Block, heading: _Heading) -> tuple:
    """How a heading line is set: run into its text or a line of its own, and its marks."""
    return (bool(heading.run_in), *marks(block, heading.line))


def _without_points_of_another_look(blocks: tuple[Block, ...], headings: list[_Heading]) -> list[_Heading]:
    """The headings without the points numbered in the same shape as their item's ladder but
    set another way: where a numbered level's numbers start again, and its lines set as its
    first one is (_look: boxed whole lines "a) Title") are CONVINCING_COUNT or more whose
    numbers go up without starting again, text under them, every run of its other lines
    numbered 1, 2… and shorter than their ladder ("a) Đối với Chính phủ: …", leads run into
    their text, under item "f)") is a list inside the item above it, not headings. Left
    among the headings, they make the ladder start again and its last items lose to them."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        if heading.level[0] == "label":
            levels.setdefault(heading.level, []).append(heading)
    dropped: set[int] = set()
    for at_level in levels.values():
        if _restarts(at_level) == 0:
            continue
        look = _look(blocks[at_level[0].first], at_level[0])
        ladder = [h for h in at_level if _look(blocks[h.first], h) == look]
        alike = [h.ordinal for h in ladder]
        if (len(alike) < CONVINCING_COUNT or None in alike
                or any(b <= a for a, b in zip(alike, alike[1:], strict=False))
                or all(b.first == a.last + 1 for a, b in zip(ladder, ladder[1:], strict=False))):
            continue  # not a ladder of headings over their texts (an outline quoted line by line is none)
        runs: list[list[_Heading]] = []
        for before, heading in zip([None, *at_level], at_level, strict=False):
            if _look(blocks[heading.first], heading) == look:
                continue
            if before is None or _look(blocks[before.first], before) == look:
                runs.append([])
            runs[-1].append(heading)
        if runs and all([h.ordinal for h in run] == list(range(1, len(run) + 1)) and len(run) < len(ladder)
                        for run in runs):
            dropped |= {h.first for run in runs for h in run}
    return [h for h in headings if h.first not in dropped] if dropped else headings


def _without_shared_list_points(blocks: tuple[Block, ...], headings: list[_Heading],
                                item_count: int) -> list[_Heading]:
    """The headings without the points numbered in one list with their items, as when Word's
    restart of the numbering is lost: item "1.", item "2.", its points "3.", "4.", item "5.", ….
    A numbered level longer than the outline, its numbers going up (one a line lost or misread
    may be missing), whose lines are of two looks: set apart (_marked: bold, capitals…), from
    CONVINCING_COUNT to as many as the outline's items and a few of the province's own
    (LADDER_EXTRA), the first of the level among them; and plain. The marked ones are the
    items' ladder, numbered on from the first of them one by one (the list's count is no item's
    number: "5." is the third item), each with its points' lines (_evidence reads them); a plain
    one is a point of the item before it, its line that item's text. A list numbered from 1
    inside an item, the level's numbers resuming after it, is no part of the count
    (_without_nested_lists). A list as long as the outline or shorter is the items themselves,
    however unevenly set. A list of one look, longer than the items and a few of the province's
    own could make it, is read the same way, its points told by their openings (_unlike_openings).
    Plain lines each alone under its item, a few at most (LADDER_EXTRA), are no points: an item's
    points come two or more, and a line numbered alone between two items is a heading of the
    province's own set apart from theirs (pool 46's Yên Bái: "5) …" plain between "4)" and "6)")."""
    levels: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        if heading.level[0] == "label":
            levels.setdefault(heading.level, []).append(heading)
    changed: dict[int, _Heading | None] = {}
    for at_level in levels.values():
        at_level = _without_nested_lists(at_level)
        ordinals = [h.ordinal for h in at_level]
        if (len(at_level) <= item_count or None in ordinals
                or any(b <= a for a, b in zip(ordinals, ordinals[1:], strict=False))):
            continue
        marked = [h for h in at_level if _marked(blocks[h.first])]
        if len(marked) in (0, len(at_level)) and len(at_level) > item_count + LADDER_EXTRA:
            # one look, and too long for the items and a few of the province's own: the points
            # are told by their openings
            marked = _unlike_openings(at_level)
        if (not CONVINCING_COUNT <= len(marked) <= min(item_count + LADDER_EXTRA, len(at_level) - 1)
                or marked[0] is not at_level[0]):
            continue
        items = {h.first for h in marked}
        points: dict[int, list[str]] = {}
        for h in at_level:
            if h.first in items:
                owner = h.first
            else:
                points.setdefault(owner, []).append(h.line)
        if len(points) <= LADDER_EXTRA and all(len(lines) == 1 for lines in points.values()):
            continue  # a point alone is no list
        changed.update((h.first, None) for h in at_level if h.first not in items)
        changed.update({h.first: replace(h, ordinal=marked[0].ordinal + k, points=tuple(points.get(h.first, ())))
                        for k, h in enumerate(marked)})
    if not changed:
        return headings
    return [changed.get(h.first, h) for h in headings if changed.get(h.first, h) is not None]


def _unlike_openings(headings: list[_Heading]) -> list[_Heading]:
    """Of a list of lines all set alike, those that open with a word of their own: points of
    one item are written alike, two or more in a row opening with the same word ("Về hạ tầng
    số", "Về Trung tâm điều hành"; "Đối với Bộ Xây dựng", "Đối với các bộ, ngành"), the items
    each in words of their own."""
    openings = [fold(strip_label(h.line)).split()[:1] for h in headings]
    alike = {k for k in range(len(headings)) for j in (k - 1, k + 1)
             if 0 <= j < len(headings) and openings[k] and openings[k] == openings[j]}
    return [h for k, h in enumerate(headings) if k not in alike]


def _without_bare_lists(headings: list[_Heading]) -> list[_Heading]:
    """The headings without a list set like headings inside one item's text: CONVINCING_COUNT
    lines or more of one numbered level, numbered 1, 2, 3… and each right under the one before,
    no text under any of them, between two headings of another level that follow each other in
    number ("(3) …", its text, "1. Nghị quyết …" … "8. Tờ gấp …", "(4) …"). Headings have their
    text under them; a list of bare lines is the text of the heading above it, however it is
    set (bold, like the headings) and however long (longer than the outline)."""
    dropped: set[int] = set()
    k = 0
    while k < len(headings):
        end = k + 1
        while (end < len(headings) and headings[end].level == headings[k].level
               and headings[end].first == headings[end - 1].last + 1):
            end += 1
        run = headings[k:end]
        before = headings[k - 1] if k > 0 else None
        after = headings[end] if end < len(headings) else None
        if (len(run) >= CONVINCING_COUNT and run[0].level[0] == "label"
                and [h.ordinal for h in run] == list(range(1, len(run) + 1))
                and before is not None and after is not None and before.level == after.level != run[0].level
                and before.ordinal is not None and after.ordinal == before.ordinal + 1):
            dropped |= {h.first for h in run}
        k = end
    return [h for h in headings if h.first not in dropped] if dropped else headings


def _misread_labels(blocks: tuple[Block, ...], headings: list[_Heading], after: int, limit: int,
                    skip: frozenset[int] = frozenset(), items: int = 0,
                    margin: frozenset[int] = frozenset(), ocr_lines: frozenset[int] | None = None) -> list[_Heading]:
    """On a recognised page, a numbered ladder's heading whose label OCR misread ("(D" or
    "(VI" for "(I)", "(VI)"; "1.5," for "1.5."; "(4." for "04."), so that it fell out of
    its ladder, or read as the label before it ("(II)" twice, then "(IV)"), taken back by
    the ladder's own sequence: where the ladder skips a value (before its first heading
    when that is the second, between two headings two apart, after its last), the first
    short line there whose first word is the label the ladder would write there, give or
    take one character (two on a line that looks like the ladder's headings: bold or in
    capitals as they are), is that heading, its label kept as read (one found after the last
    heading is the ladder's last then, up to the outline's `items`: "E:" read twice, then the
    second is "F:"); failing one, headings whose labels OCR lost (_labels_lost: between two
    headings, or after the last up to the outline's `items`). A ladder is MISREAD_LADDER
    headings or more, or two whose labels were framed in the margin (`margin`: _margin_label_words,
    Block.margin_label),
    a column of their own that OCR reads apart and loses whole, the titles beside them kept.
    `ocr_lines`: the positions of the lines OCR read, where a text document's pictures were (None: a
    recognised document's, every line); only they are looked at."""
    ladders: dict[tuple, list[_Heading]] = {}
    for heading in headings:
        if heading.level[0] == "label" and heading.ordinal:
            ladders.setdefault(heading.level, []).append(heading)
    by_first = {h.first: h for h in headings}
    taken = {pos for h in headings for pos in range(h.first, h.last + 1)}
    for level, ladder in ladders.items():
        if len(ladder) < MISREAD_LADDER and not (len(ladder) >= 2 and all(h.first in margin for h in ladder)):
            continue
        for i, (before, heading, following) in enumerate(zip(ladder, ladder[1:], ladder[2:], strict=False)):
            if heading.ordinal == before.ordinal and following.ordinal == before.ordinal + 2:
                ladder[i + 1] = by_first[heading.first] = replace(heading, ordinal=before.ordinal + 1)
        if (twice := _first_rung_twice(blocks, ladder, by_first, after)) is not None:
            ladder[0] = by_first[ladder[0].first] = replace(ladder[0], ordinal=ladder[0].ordinal + 1)
            ladder.insert(0, twice)
            by_first[twice.first] = twice
        # Two values missing in a row ("Chương H." and "Chương HI." between "I." and "IV.") are
        # taken together or not at all: the second after where the first was found.
        gaps = [(a.last + 1, b.first, value, a, b.ordinal == a.ordinal + 2)
                for a, b in zip(ladder, ladder[1:], strict=False)
                if 2 <= b.ordinal - a.ordinal <= 3 for value in range(a.ordinal + 1, b.ordinal)]
        if ladder[0].ordinal == 2:
            gaps.append((after + 1, ladder[0].first, 1, ladder[0], True))
        gaps.append((ladder[-1].last + 1, limit, ladder[-1].ordinal + 1, ladder[-1], True))
        held: tuple[int, _Heading] | None = None  # the first of two values missing, found
        for start, end, value, model, alone in gaps:
            first_of_two = not alone and value == model.ordinal + 1
            second_of_two = not alone and value > model.ordinal + 1
            if first_of_two:
                held = None
            elif second_of_two:
                if held is None:
                    continue
                start = max(start, held[0] + 1)
            # the label as read, or as the document's own shape gave it (_templated_labels)
            template = template_label(model.line) if level[0] == "label" else None
            expected = relabelled(leading_label(model.line) or blocks[model.first].number
                                  or (template.label if template else ""), value,
                                  letters=level[1] in LETTER_SHAPES or _counts_letters(level[1]))
            worded = None if expected else _word_label_counted(model.line, value)
            expected = expected or worded
            # a label in words ("PHẦN THỨ HAI:"), a ladder of its own or of the document's own shape
            in_words = relabelled_in_words(blocks[model.first].text, value)
            for pos in range(start, end):
                if pos in skip or ocr_lines is not None and pos not in ocr_lines:
                    continue
                # a label framed in the margin is read as joined with its title (_margin_label_words;
                # the PDF reader's, Block.margin_label, is so already)
                read = blocks[pos]
                if pos in margin and pos in by_first and not read.margin_label:
                    read = replace(read, text=by_first[pos].line)
                if (expected and _reads_as_label(read, expected, blocks[model.first], pos in by_first)) or (
                        in_words and _reads_as_words(blocks[pos], in_words, blocks[model.first])):
                    # Kept as read (the label too); a heading already (another level's, its
                    # wrapped second line joined) kept whole.
                    known = by_first.get(pos)
                    read_line = _STRAY_MARKS.sub("", blocks[pos].line, count=1)  # a pen's marks are no label's
                    line, run_in = (known.line, known.run_in) if known else (_beside(read_line)
                                                                                 or _run_in(read_line))
                    # "Nhóm vấn đề L:" for "Nhóm vấn đề I:": a label of words of the document's own
                    # shape, misread, is all that stands before the colon
                    cells = None if known or not expected else _beside(read_line)
                    if cells and _counter_wiped(cells, expected):
                        line, run_in = " ".join(cells), ""  # the title's last words, beside the label's
                    misread_words = template is not None and " " in template.shape and \
                        len(line.split()) == len(expected.split())
                    if (in_words or worded or misread_words) and run_in and not run_in.endswith((".", ";", "!", "?")):
                        # its label in words (or of words and a number), misread, before the colon: the
                        # title after it is the heading's
                        line, run_in = read_line if not known else f"{known.line} {known.run_in}", ""
                    found = _Heading(pos, known.last if known else pos, line, level, value, run_in)
                    if first_of_two:
                        held = (pos, found)
                        break
                    by_first[pos] = found
                    if second_of_two:
                        by_first[held[0]] = held[1]
                    if end == limit and value < items:
                        gaps.append((found.last + 1, limit, value + 1, model, True))  # the ladder goes on after it
                    break
                if pos in taken and pos not in by_first:
                    break  # the second line of a wrapped heading: what follows is another's
            else:
                if not alone:
                    continue  # one of two values missing in a row: read as its label, or not at all
                count = 1 if end != limit else items - value + 1
                if start != after + 1 and count >= 1:
                    lost_labels = _labels_lost(blocks, by_first, start, end, model, count)
                    if ocr_lines is not None and any(lost.first not in ocr_lines for lost in lost_labels):
                        continue  # a line of the text's own: its label was never OCR's to lose
                    for n, lost in enumerate(lost_labels):
                        by_first[lost.first] = replace(lost, level=level, ordinal=value + n)
    return sorted(by_first.values(), key=lambda h: h.first)


def _first_rung_twice(blocks: tuple[Block, ...], ladder: list[_Heading], by_first: dict[int, _Heading],
                      after: int) -> _Heading | None:
    """The heading before a scanned ladder's first whose label reads as that first one's own, its
    numeral the same, its mark lost, a picture bullet's ink before it ("® II VỰA MUỐI…" before
    "II- NHÓM PHỤ NỮ…", "IV- …"): the first rung's label is then the one OCR misread, an I lost
    ("II-" for "III-"), where the ladder skips the value after it; that heading, at the first's
    value (the first's taken one up by the caller). None if there is none."""
    first = ladder[0]
    label = leading_label(first.line) or blocks[first.first].number
    if len(ladder) < 2 or first.ordinal < 2 or ladder[1].ordinal != first.ordinal + 2 or not label:
        return None
    numeral = re.sub(r"\W", "", label)
    for pos in range(after + 1, first.first):
        known = by_first.get(pos)
        if known is None or known.ordinal is not None or blocks[pos].bold != blocks[first.first].bold:
            continue
        word, _, rest = without_picture_marks(known.line).partition(" ")
        if re.sub(r"\W", "", word) == numeral and rest.strip() and \
                is_all_caps(rest) == is_all_caps(strip_label(first.line)):
            return replace(known, level=first.level, ordinal=first.ordinal)
    return None


def _word_label_counted(line: str, value: int) -> str | None:
    """A heading's label of words and a number, as the heading writes it, counted to `value`
    ("Nhóm vấn đề II: …" -> "Nhóm vấn đề I:"): where a ladder labelled so skips a value, the
    line OCR read with its numeral misread ("Nhóm vấn đề L:") is looked for by it; None for a
    line with no such label."""
    if word_label(line) is None:
        return None
    words, _, counter = line[:len(line) - len(strip_label(line))].strip().rpartition(" ")
    counted = relabelled(counter, value) if words else None
    return f"{words} {counted}" if counted else None


def _labels_lost(blocks: tuple[Block, ...], by_first: dict[int, _Heading], start: int, end: int,
                 model: _Heading, count: int) -> list[_Heading]:
    """Where a ladder skips `count` values (one between two headings two apart; those up to
    the outline's last item after its last heading) and no line there reads as their label:
    the unnumbered headings there, exactly `count`, each set apart as the ladder's are (bold,
    in capitals or not as `model`), whose labels OCR lost with their first letters (headings
    in white on a dark band: "guồn tiền cho …" for "(iii) Nguồn tiền cho …"), or read as a word
    in a cell of their own (_label_read_as_cell); else none. Of a ladder whose headings are led
    by dots to the margin, only lines led so are looked at: a stain that garbles a heading's
    label makes the ink of the text under it bold too (pool 23's Vĩnh Phúc)."""
    look = blocks[model.first]
    led = bool(LEADER_TO_MARGIN.search(model.line))
    found = []
    for pos in range(start, end):
        known = by_first.get(pos)
        if known is not None and known.level[0] == "unnumbered" and (not led or LEADER_TO_MARGIN.search(known.line)):
            found.append(known)
        elif known is None and not led and _label_read_as_cell(blocks, pos):
            found.append(_Heading(pos, pos, blocks[pos].text.replace(" | ", " ", 1), ("unnumbered", False), None))
    caps = is_all_caps(strip_label(look.text))
    if len(found) != count or not look.bold or not all(
            blocks[h.first].bold and is_all_caps(blocks[h.first].text.split(" | ")[-1]) == caps
            and not leading_label(blocks[h.first].text) for h in found):
        return []
    return found


def _label_read_as_cell(blocks: tuple[Block, ...], pos: int) -> bool:
    """A row alone of two cells, the first one short word, the second a title no longer than a
    heading: a heading whose label, set apart from its title by a tab, OCR read as a word ("VÀ"
    for "2.", pool 21's Đồng Tháp), the tab's gap making a row of it (a label read right is
    the line's number already: _heading_rows_as_lines)."""
    block = blocks[pos]
    cells = block.text.split(" | ")
    return (block.kind == "table_row" and len(cells) == 2 and _table_of_one_row(blocks, pos)
            and len(cells[0].strip()) <= 3 and " " not in cells[0].strip()
            and 0 < len(cells[1].strip()) <= MAX_HEADING_CHARS and cells[1].strip()[:1].isupper())


_STRAY_MARKS = re.compile(r"^[-–—=~]{0,4}[>»→]{1,2}\s+")  # "—> ", "——> ", "=> ", "→ "


def _reads_as_label(block: Block, expected: str, model: Block, heading_like: bool) -> bool:
    """Whether a short line starts with `expected` as OCR may have read it (see _misread_labels),
    after a reader's pen marks (_STRAY_MARKS); of a line read across a table's rule, its left
    cell's (_beside)."""
    cells = _beside(block.text)
    text = (cells or (block.text,))[0].strip()
    # a reader's pen arrow before it ("—> 3. …"), no misread label ("£/" for "f/"): the label after
    # it as the ladder writes it, no more misread
    marked = _STRAY_MARKS.match(text)
    text = text[marked.end():] if marked else text
    # the label's words ("Phần III:" is two), then the title
    words = text.split(" ", len(expected.split()))
    word, rest = " ".join(words[:len(expected.split())]), " ".join(words[len(expected.split()):])
    # "(C)Lềlõiđiềuhành": OCR lost the spaces after a label closed by a bracket, its title glued to it
    glued = expected[-1] in ")]>" and word.startswith(expected) and word[len(expected):][:1].isalpha()
    if cells and _counter_wiped(cells, expected):
        return True
    if (block.kind != "paragraph" and not (block.kind == "table_row" and cells)
            or not (rest.strip() or glued) or len(text) > MAX_HEADING_CHARS
            or block.number == expected or (text.endswith((".", ";")) and not LEADER_TO_MARGIN.search(text))
            or word.isalpha() and not _mark_lost(word, rest, expected)):
        return False
    if list_marker(block) and not any(ch.isalnum() for ch in word):
        return False  # "- Độc lập - Tự do…": a list's dash, no counter of "i-" left in it
    looks_alike = (heading_like and block.bold == model.bold
                   and is_all_caps(rest) == is_all_caps(strip_label(model.text)))
    # "Chương HI." for "Chương III.": a Roman numeral after words, its two I's read as an H
    righted = misread_word_roman(text, expected.rsplit(" ", 1)[-1].strip(".:)-–—/"))
    if marked:
        return glued or word == expected
    head, _, dash = expected.rpartition(" ")
    if head and dash in ("-", "–", "—") and text.startswith(f"{head} ") and text[len(head) + 1:][:1].isupper():
        return True  # "Bước 3 Hội người…" for "Bước 3 – Hội người…": its dash lost, a capital after its number
    # a label's words as OCR read their marks ("Bình điện II." for "Bình diện II.") are the same words
    word, expected = unmarked(word), unmarked(expected)
    return glued or Levenshtein.distance(word, expected) <= (2 if looks_alike and len(expected) >= 3 else 1) or (
        righted is not None and unmarked(righted).startswith(f"{expected} "))


# The shapes of a ladder counting capital letters: its "C." is a letter, not a Roman hundred.
LETTER_SHAPES = frozenset(("A.", "A)", "A/", "A:", "A-"))


def _mark_lost(word: str, rest: str, expected: str) -> bool:
    """Whether a word of letters is the label expected with its stop or bracket lost ("III Hội
    người…" for "III. Hội người…", "C Hội…" for "C."): the numeral or letter itself, a capital
    opening the title after it. Other words of letters are a sentence's."""
    counter = expected.strip("()[].:/-–— ")
    return word == counter and counter != expected and rest[:1].isupper()


def _counter_wiped(cells: tuple[str, str], expected: str) -> bool:
    """A label of two words or more and a counter ("Mục công tác 1:") whose counter and the
    title's first words a mark on the scan wiped: OCR read the label's words, a gap where the mark
    was, and the title's last words as a row of two cells ("Mục công tác | ï họp sớm", pool 46's
    Thái Bình: the ladder's first rung lost, items 1 and 2 wrong). The left cell is the label's
    words exactly, the right one no longer than a title and no sentence."""
    words = expected.rsplit(" ", 1)[0]
    left, right = cells
    return (len(words.split()) >= 2 and fold(left) == fold(words) and 0 < len(right.strip()) <= MAX_HEADING_CHARS
            and not right.rstrip().endswith((".", ";", ":")))


# A rule between two cells of a table with no borders otherwise, as OCR reads it: a bar or a
# bracket with a space on each side ("(C)Lềlõiđiềuhành [ Tỉnh Vĩnh Long đã phát hành…").
_CELL_RULE = re.compile(r"\s[|\[\]]\s")


def _beside(line: str) -> tuple[str, str] | None:
    """A heading line read across a table's rule, written in its left cell beside its item's first
    paragraph in the right one: the heading and that paragraph, as _run_in gives a heading and
    the text run in after its colon; None for a line with no such rule."""
    m = _CELL_RULE.search(line)
    return (line[:m.start()].rstrip(), line[m.end():].lstrip()) if m else None


def _reads_as_words(block: Block, expected: str, model: Block) -> bool:
    """Whether a line opens with the label in words `expected` (folded, "noi dung thu nam")
    as OCR may have read it: before its colon (read as a semicolon too), two letters off at most
    ("Nội dung tứ năm:", "HẦN THỨ HAI:"), on a line set apart as the ladder's headings are (bold
    or not as they are)."""
    colon = re.search(r"[:;]", block.text)
    head = block.text[:colon.start()] if colon else block.text
    return (block.kind == "paragraph" and bool(colon) and block.bold == model.bold
            and len(block.text) <= MAX_HEADING_CHARS and len(head.split()) <= LABEL_IN_WORDS_MAX
            and Levenshtein.distance(fold(head).strip(" .-–—"), expected) <= 2)


def _lead_only(block: Block) -> bool:
    """A paragraph whose heading is only its bold lead sentence (no heading of its own)."""
    return bool(block.lead) and block.kind == "paragraph" and not is_heading_like(block)


def _run_in(line: str, label: str = "") -> tuple[str, str]:
    """A heading with its item's text run in after a colon ("1. Những bước đi đầu tiên…:
    a) Kết quả: Giai đoạn 2015 – 2017, …") as its title and that text; the text is
    more than a subtitle: a sentence, or longer than the title. Otherwise (line, "").
    `label`: the line's label where no rule reads it (a shape of the document's own, "A:")."""
    label = leading_label(line) or label
    title, colon, rest = line[len(label):].partition(": ")
    rest = rest.strip()
    if not label and _misread_numeral(f"{title}:"):
        # "1H: Ai cầm lái…" (for "III:"): before the colon only a Roman numeral OCR misread, the
        # heading's label; the title is after it
        return line, ""
    sentence = rest.endswith((".", ";", "!", "?"))
    # "2. Giai đoạn 2014 – 2018: các phần mềm đầu tiên (nội dung 1 theo đề cương)": a
    # subtitle that ends saying which item the heading answers is the heading's own.
    subtitle = rest.endswith(")") and outline_reference(rest) is not None
    # "CÁC MỤC TIÊU CỦA ĐỀ ÁN: TỈNH ĐÃ ĐẠT ĐƯỢC TỚI ĐÂU": a heading in capitals goes on in
    # capitals after its colon; an item's text is never written so.
    subtitle = subtitle or (is_all_caps(title) and is_all_caps(rest))
    # "Nội dung thứ hai: Kết quả đạt được": before the colon only the heading's label in words;
    # the title is after it, unless it ends as a sentence does.
    subtitle = subtitle or (counts_in_words(title) and not sentence)
    # "Hợp phần 1: Nền móng buổi sơ khai………": a title led by dots to the margin is the heading's.
    subtitle = subtitle or bool(LEADER_TO_MARGIN.search(rest))
    if not colon or not rest or not title.strip() or subtitle or not (sentence or len(rest) > len(title)):
        return line, ""
    return f"{line[:len(label)]}{title}:", rest


def _misread_numerals(headings: list[_Heading]) -> list[_Heading]:
    """A Roman heading whose numeral OCR misread ("l." or "1." for "I.", "V," for "V.",
    "II" for "II.") falls into another level, and its item's text into its neighbour's.
    It is taken back into the Roman level when there is room for it between its Roman
    neighbours and its numeral, as read, is the one expected there: exactly, when read
    with a digit ("1." is also an Arabic sub-heading's label, so two Roman headings must
    frame it), or give or take one I (one Roman heading read right is enough: "L BƯỚC
    KHỞI ĐẦU", "II. KHÁI QUÁT", "HI. HỘI NGHỊ", "V.... NHỮNG VIỆC")."""
    headings = list(headings)
    for lower in (False, True):
        headings = _misread_at(headings, lower)
    return headings


def _misread_at(headings: list[_Heading], lower: bool) -> list[_Heading]:
    """_misread_numerals for the upper-case Roman level ("I.", or the "I-", "I)" … most
    headings have) or, `lower`, the lower-case one ("i."). A numeral read one I
    short and so the same as the one before it ("ii..." and "ii." for "ii." and "iii.") is
    the next when the one after leaves room for exactly it."""
    changed = True
    while changed:
        changed = False
        level = _roman_level(headings, lower)
        romans = [h for h in headings if h.level == level]
        if not romans:
            return headings
        glued = _glued(romans)
        for i, heading in enumerate(headings):
            before = [r.ordinal or 0 for r in romans if r.first < heading.first]
            after = [r.ordinal or 0 for r in romans if r.first > heading.first]
            expected = (before[-1] if before else 0) + 1
            misread = None if heading.level == level else misread_roman(heading.line, lower=lower, glued=glued)
            if misread is not None and after and after[0] <= misread.value:
                # the ladder would not go up to the next numeral: of two readings ("TH:" is "III:"
                # or "II:"), the one its place asks (the next one then read short, _one_short)
                misread = misread_roman(heading.line, lower=lower, near=expected, glued=glued)
            if misread is None or not _mark_fits(misread.mark, level) or (
                    heading.line.lstrip().startswith("(") and not str(level[1]).startswith("(")):
                continue
            fits = _misread_fits(misread, expected, romans, after, headings[i + 1:], level, lower, glued)
            if not fits:
                # "TH." for "Ⅱ." where the ladder's "Ⅰ." is missing (no heading of item 1): of its
                # two readings, "III." and "II.", the one its place asks
                nearer = misread_roman(heading.line, lower=lower, near=expected, glued=glued)
                if nearer is not None and nearer.value != misread.value:
                    misread = nearer
                    fits = _misread_fits(misread, expected, romans, after, headings[i + 1:], level, lower, glued)
            if fits:
                # worth more than the next one, which reads short from its place ("I1-" then "I-"
                # then "HI-" for "I-", "II-", "III-"): its place's value, the next renumbered after
                short = after and after[0] < misread.value and _read_short(expected, after) is not None
                value = expected if short else misread.value
                headings[i] = replace(heading, level=level, ordinal=value)
                changed = True
                break
        else:
            changed = _one_short(headings, romans)
    return headings


def _misread_fits(misread, expected: int, romans: list[_Heading], after: list[int], following: list[_Heading],
                  level: tuple, lower: bool, glued: bool) -> bool:
    """Whether a misread numeral is the one expected at its place (_misread_at): exactly, when
    read with a digit, framed by the ladder; else give or take one I."""
    if misread.digits:
        return (len(romans) >= 2 and misread.value == expected
                and (not after or after[0] == expected + 1 or _read_short(expected, after) is not None
                     or _misread_up_to(following, level, after[0], expected, lower, glued)))
    return abs(misread.value - expected) <= 1 and (
        not after or after[0] > expected or _read_short(expected, after) is not None)


def _misread_up_to(following: list[_Heading], level: tuple, next_value: int, value: int, lower: bool,
                   glued: bool) -> bool:
    """Whether the headings after one whose numeral was misread as `value`, up to the next of the
    Roman `level` (worth `next_value`), are each a misread numeral worth one more than the one
    before, and fill the gap ("II:", "1H:", "1V:", "V:": the "1H:" of III is framed by "1V:"
    read as IV, itself framed by V)."""
    between = list(takewhile(lambda h: h.level != level, following))
    readings = [misread_roman(h.line, lower=lower, near=value + k, glued=glued)
                for k, h in enumerate(between, start=1)]
    return (bool(between) and value + len(between) + 1 == next_value
            and all(r is not None and r.value == value + k for k, r in enumerate(readings, start=1)))


def _glued(romans: list[_Heading]) -> bool:
    """Whether a Roman ladder is written without a space after its numerals ("I.TỈNH…",
    "II.CÁC…"), two of its headings at least and most of them so: a numeral OCR glued to
    its title ("LTỈNH" for "I.TỈNH") is then one of its own."""
    glued = sum(1 for h in romans if h.line[len(leading_label(h.line)):][:1].isalpha())
    return glued >= 2 and 2 * glued > len(romans)


def _roman_level(headings: list[_Heading], lower: bool = False) -> tuple:
    """The level of the Roman headings ("I.", or "I-", "I:", "I/" …: the one most headings have);
    `lower`, of the lower-case ones ("i.", or "i)", "(i)" …)."""
    shape = r"\(?i[.\-:)/]" if lower else r"I[.\-:)/]"
    default = LOWER_ROMAN_LEVEL if lower else ROMAN_LEVEL
    counts = Counter(h.level for h in headings
                     if h.level[0] == "label" and re.fullmatch(shape, str(h.level[1])))
    return max(counts, key=lambda level: (counts[level], level == default)) if counts else default


def _mark_fits(mark: str, level: tuple) -> bool:
    """A misread numeral's mark against its level's: a dash only on a dash level ("I-"),
    a D (")" misread) only on a parenthesis level ("I)"), where a full stop fits too. None
    fits every level: a scan loses a mark as easily as a stroke ("IV SỐ THU CHI" among "I –",
    "II –" … "V –", the dash smeared away by a phone shaken as it took the photo)."""
    own = str(level[1])[-1:]
    if not mark:
        return True
    if own == "-" or mark == "-":
        return mark == own
    return mark != "D" or own == ")"


def _one_short(headings: list[_Heading], romans: list[_Heading]) -> bool:
    """Renumbers (in place) the first run of Roman headings read short (see _read_short)
    after the one before them; True if it did."""
    for at, before in enumerate(romans):
        if before.ordinal is None:
            continue
        run = _read_short(before.ordinal, [r.ordinal for r in romans[at + 1:]])
        if run is None:
            continue
        for offset, heading in enumerate(romans[at + 1:at + 1 + run], start=1):
            headings[headings.index(heading)] = replace(heading, ordinal=before.ordinal + offset)
        return True
    return False


def _read_short(value: int, after: list[int | None]) -> int | None:
    """How many of the numerals `after` one worth `value` were read short: OCR loses an I
    of a bold or serif numeral more easily than it makes one up ("II/" and "III/" both read
    "I/"). A run of numerals each below its place by the I's it may have lost (the first the
    same as `value`), then one that leaves room for exactly that run ("I", "I", "I", "IV":
    the middle two are II and III; "i", "i", "ii", "iv": the middle two are ii and iii);
    None if there is none."""
    if not after or after[0] != value:
        return None
    for count, ordinal in enumerate(after):
        place = value + count + 1
        if ordinal is None:
            return None
        if ordinal >= place:
            return count if ordinal == place else None
        if place - ordinal > final_ones(place):
            return None  # more I's lost than the numeral has at its end ("IV" is never read "I")
    return None


def _label_only(block: Block) -> bool:
    return bool(block.number) and not strip_label(block.line).strip(" .:-–—")


def _misread_label_only(block: Block) -> bool:
    """On a recognised page, a line that is only a Roman numeral as OCR may misread it, alone
    on its line above its title ("IH/" for "III/", "U" for "I/"): no label to the reader, but
    a label alone on its line all the same, joined with the title under it (_misread_numerals
    then weighs its numeral against its ladder)."""
    return not block.number and _misread_numeral(block.text.strip())


def _misread_numeral(text: str) -> bool:
    """Whether a text is only a Roman numeral and its mark as OCR may misread them ("IH/", "U", "1H:")."""
    return (len(text) <= MISREAD_LABEL_CHARS and _MISREAD_LABEL_ONLY.fullmatch(text) is not None
            and misread_roman(f"{text} ") is not None)


def _wrapped(block: Block, following: Block, after: Block | None, outline: tuple[OutlineSection, ...],
             before: Block | None = None) -> bool:
    """A long heading wrapped onto a second line that a reader (a scan's OCR layer, a PDF)
    took for a heading of its own: of the same level (or, after a long numbered line in
    capitals, in capitals too, which makes it unnumbered), naming no item, after a line
    that does not end a sentence. A line whose sentence goes on in the plain line `after` it,
    in lower case, is a paragraph's first line (set bold by an ink smear on a scan), no title's;
    a line in lower case right after a plain paragraph that ends no sentence (`before`) is that
    paragraph's last (set bold so: "của tỉnh Vĩnh Phúc" over the heading under it, pool 23's Vĩnh
    Phúc), no title's first (one whose label and first letters OCR lost opens in lower case too)."""
    same_level = heading_level_key(following) == heading_level_key(block)
    continued_capitals = (bool(block.number) and len(block.text) >= WRAPPED_CHARS
                          and block.heading_level == following.heading_level and block.bold == following.bold
                          and is_all_caps(block.text) and is_all_caps(following.text))
    # "Nội dung thứ tư: …" opens a heading of its own: its label in words before the colon.
    labelled = ":" in following.text and counts_in_words(following.text.partition(":")[0])
    runs_on = (after is not None and after.kind == "paragraph" and not after.bold and not after.number
               and not following.text.rstrip().endswith((".", ":", ";")) and _begins_in_lower_case(after.text))
    return ((same_level or continued_capitals)
            and not block.text.rstrip().endswith((".", ":", ";")) and not _goes_on_from(before, block)
            and not labelled and not runs_on and not match_heading(following.text, outline))


def _goes_on_from(before: Block | None, block: Block) -> bool:
    """Whether a line opening in lower case goes on with the plain paragraph before it, which
    ends no sentence."""
    return (before is not None and before.kind == "paragraph" and not before.bold and not before.number
            and not before.text.rstrip().endswith((".", ":", ";", "!", "?")) and _begins_in_lower_case(block.text))


def _cut_titles(blocks: tuple[Block, ...], positions: Sequence[int]) -> set[int]:
    """The numbered headings whose title goes on in the heading-like line under them (Enter
    pressed where the line should wrap: "1.1 Công nghệ số trong điều hành đô thị của tỉnh" over
    "ở thời điểm năm 2017"), by position. That line is set as the first is (bold or not, the same
    heading style, underlined or not, in capitals or not), has no number of its own, and follows
    a first line that ends no sentence; it opens in lower case, which no title does, or it is
    one of a numbered level's where most such lines do (a title goes on with a name: "Mong muốn
    tỉnh gửi tới" over "Chính phủ cùng các bộ"), or where every heading of the level,
    CONVINCING_COUNT of them at least, goes on so (in capitals: "I: NỀN MÓNG" over "THỪA
    HƯỞNG", "II: THÀNH QUẢ" over "ĐONG ĐẾM ĐƯỢC", …): a level's every title in two lines is
    its way of writing them."""
    taken = set(positions)
    pairs: dict[tuple, list[int]] = {}
    numbered = Counter(heading_level_key(blocks[pos]) for pos in positions if blocks[pos].number)
    for pos in positions:
        block = blocks[pos]
        following = blocks[pos + 1] if pos + 1 in taken else None
        if (following is None or not block.number or following.number or not strip_label(block.line).strip()
                or block.text.rstrip().endswith((".", ":", ";"))
                or (block.bold, block.heading_level, block.underlined, is_all_caps(block.text))
                != (following.bold, following.heading_level, following.underlined, is_all_caps(following.text))):
            continue
        pairs.setdefault(heading_level_key(block), []).append(pos)
    cut = set()
    for level, at_level in pairs.items():
        lower = [pos for pos in at_level if blocks[pos + 1].text.lstrip()[:1].islower()]
        every = len(at_level) >= CONVINCING_COUNT and len(at_level) == numbered[level]
        cut.update(at_level if every or (len(lower) >= CONVINCING_COUNT and 2 * len(lower) > len(at_level))
                   else lower)
    return cut


def _covering_sentence(blocks: tuple[Block, ...], quoted: frozenset[int] = frozenset()) -> int:
    """The position of the letterhead's covering sentence ("… báo cáo như sau:"), before
    any numbered heading or Heading 1-9 (a Title style, level 0, is the letterhead's);
    -1 when there is none. Nothing before it is a section. A subject line ("V/v gửi báo
    cáo…", which reads as labelled "V/") is the letterhead's, no heading, and so are the
    lines of an outline quoted before the answers (`quoted`). On a scan its last word or two
    may be read as a line apart, bold as the ink looked: the sentence ends there. A line
    numbered before the report's title (_letterhead_title_end) is the letterhead's, no heading:
    on a scan a speck beside the motto OCR'd as a digit ("3 | Độc lập - Tự do - Hạnh phúc")."""
    title_end = _letterhead_title_end(blocks)
    for pos, block in enumerate(blocks):
        if (block.kind == "paragraph" and pos not in quoted and (block.number or (block.heading_level or 0) > 0)
                and pos >= title_end and not _SUBJECT.match(fold(block.text))):
            return -1
        if _COVERING.search(fold(block.text)):
            return pos
        following = blocks[pos + 1].text if pos + 1 < len(blocks) else ""
        if 0 < len(following.split()) <= COVERING_TAIL_WORDS and _COVERING_TAIL.search(
                fold(f"{block.text} {following}")):
            return pos + 1  # its last words on a line of their own ("… báo cáo như" over "sau:"), no heading
    return -1


def _leading_text(blocks: tuple[Block, ...], covering: int, first_heading: int,
                  quoted: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The untitled text between the covering sentence and the first heading, which the
    alignment may take for item 1 (a province that gave item 1 no heading). A list and the
    line that opens it with a colon, and nothing else ("Căn cứ các văn bản sau:" over "1.
    Quyết định số 950/QĐ-TTg …;", "2. …"), is the preamble's list of what the report
    rests on, no item's text: None then too. So is an outline quoted before the answers
    (`quoted`), the line opening it with a colon, and the covering sentence said again after it."""
    if covering < 0:
        return None
    body = [pos for pos in range(covering + 1, first_heading) if blocks[pos].text.strip() and pos not in quoted
            and not (pos + 1 in quoted and blocks[pos].text.rstrip().endswith(":"))  # what opens the quotation
            and not (quoted and _COVERING.search(fold(blocks[pos].text)))]  # the covering sentence after it
    if not body or _only_a_list(blocks[pos] for pos in body):
        return None
    return body[0], body[-1]


def _only_a_list(lines: Iterable[Block]) -> bool:
    """Lines that are a list, numbered lines in the body's type each ending as a list's
    line or a sentence does, two of them at least, and lines opening it with a colon."""
    listed = 0
    for block in lines:
        text = block.text.rstrip()
        if block.kind == "paragraph" and block.number and not _marked(block) and text.endswith((".", ";", ",")):
            listed += 1
        elif not text.endswith(":"):
            return False
    return listed >= 2


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


def _report_title(blocks: tuple[Block, ...]) -> int:
    """The position of the report's title ("BÁO CÁO") among the document's first
    LETTERHEAD_BLOCKS blocks, else -1. The lines above it are the letterhead's (a motto, the
    province's name), no item's heading, even where no covering sentence marks where the items
    begin (OCR broke it across two lines) and a letterhead line in bold reads as a heading."""
    return next((pos for pos, block in enumerate(blocks[:LETTERHEAD_BLOCKS])
                 if _DOCUMENT_TYPE.match(fold(block.text))), -1)


def _letterhead_title_end(blocks: tuple[Block, ...]) -> int:
    """The position after the report's title ("BÁO CÁO" and the subject line under it)
    when it is among the document's first LETTERHEAD_BLOCKS blocks, else 0."""
    titles = sorted(pos for pos in _title_positions(blocks[:LETTERHEAD_BLOCKS]))
    if not titles:
        return 0
    end = titles[0]
    while end + 1 in titles:
        end += 1
    return end + 1


def _signoff_limit(blocks: tuple[Block, ...], after: int) -> int:
    """Where the closing formalities begin after `after`: no heading follows them. But a
    letter that holds no numbered line and whose closing has another document's title after
    it ("BÁO CÁO" under a letterhead of its own) is a letter sending the report on, first in
    the file: its closing is not the report's."""
    numbered = False
    for pos in range(after + 1, len(blocks)):
        if _CLOSING.match(fold(blocks[pos].text)) and (numbered or not _title_follows(blocks, pos)):
            return pos
        numbered = numbered or (blocks[pos].kind == "paragraph" and bool(blocks[pos].number)
                                and not _SUBJECT.match(fold(blocks[pos].text)))
    return len(blocks)


def _title_follows(blocks: tuple[Block, ...], pos: int) -> bool:
    """A document title ("BÁO CÁO") among the blocks of a signature and a letterhead after `pos`."""
    return any(_DOCUMENT_TYPE.match(fold(block.text)) for block in blocks[pos + 1 : pos + 1 + 2 * LETTERHEAD_BLOCKS])


def _signoff_position(blocks: tuple[Block, ...], after: int) -> int:
    """Where the sign-off begins: at the closing formula, or at the sentence right before it
    in which the report dates itself (part of the sign-off, not of the last item's text)."""
    for pos in range(after + 1, len(blocks)):
        if _SIGNOFF.match(fold(blocks[pos].text)):
            dated = pos - 1 > after and blocks[pos - 1].kind == "paragraph" and self_dated(blocks[pos - 1].text)
            return pos - 1 if dated else pos
    return len(blocks)


def _sections_from(file: str, blocks: tuple[Block, ...], opening: _Opening,
                   body: tuple[Block, ...]) -> list[Section]:
    """One section per item the heading covers: a merged heading fills each with the same text."""
    first = blocks[opening.first]
    last = body[-1] if body else blocks[opening.last]
    source = SourceRef(file, first.index, last.index, first.page, last.page)
    return [
        Section(
            number=item,
            heading=opening.line,
            text="\n".join(part for part in (opening.run_in, _joined(body, _run_in_headings(opening, blocks)))
                            if part),
            source=source,
            merged_with=tuple(other for other in opening.items if other != item),
        )
        for item in opening.items
    ]


def _assessed(found: dict[int, Section], support: dict[int, Support], bodies: dict[int, list[Block]],
              split: set[int], ocr: bool, outline: tuple[OutlineSection, ...],
              left_out: Sequence[str] = (), title_index: int = -1,
              untitled: bool = False, beside_left_out: dict[int, list[str]] | None = None,
              numbered: frozenset[int] | set[int] = frozenset(),
              numbers_left_out: dict[int, int] | None = None,
              pictured: frozenset[int] | set[int] = frozenset(),
              before_lost_rungs: frozenset[int] | set[int] = frozenset()) -> tuple[Section, ...]:
    """The sections in outline order, each with its confidence and the reasons for doubt:
    what took its heading for the item (support), and what its text looks like beside
    the report's other items: far longer than they are, holding a line that reads like
    the heading of an item the reader did not find (it may have swallowed that item), or
    reading like another item (`left_out`: the heading and text under each heading taken
    for no item). A section whose heading comes before the report's title (`title_index`,
    a Block.index; -1 when none follows a heading) opened inside the letterhead.
    `beside_left_out`: per item, the texts of the headings taken for no item right before
    and after its own (a short cell beside one over an item's text is doubtful). `numbered`:
    the items whose heading the document numbered, none of them a cut line's end.
    `numbers_left_out`: the headings of the items' level taken for no item, per number its text's length.
    `pictured`: the Block.index of the blocks read with OCR from a picture of their line (Block.pictured).
    `before_lost_rungs`: the items whose heading's ladder lost its next rung (_before_lost_rung),
    doubted only with an item not found: every item found, the skip is the province's own numbering
    ("1.0", "2.0", "4.0" … "7.0" for six items)."""
    lengths = {n: len(s.text) for n, s in found.items()}
    not_found = [i for i, item in enumerate(outline) if item.number not in found]
    missing = {outline[i].number for i in not_found}
    readings = _readings(found, left_out, outline, ordered_ladder=_ordered_ladder(found, support, outline))
    funding = next((item.number for item in outline if item.role == "funding"), None)
    # The funding item states no figure while another item does: its heading is most likely
    # in the wrong place (aggregate/amounts.report_funding reads the figure there).
    figure_elsewhere = (funding in found and not states_figure(found[funding].text)
                        and any(states_figure(s.text) for m, s in found.items() if m != funding))
    assessed = []
    beside = {n: [len(text) for text in (beside_left_out or {}).get(n, ())] for n in found}
    typicals = {}
    for n in found:
        others = sorted(length for m, length in lengths.items() if m != n)
        typicals[n] = others[len(others) // 2] if len(others) >= 2 else 0
    # A heading left out over an item's text with a short cell beside it is that cell's doubt
    # (beside_longer): the item's heading is most likely the one left out next to the short
    # text. Only beside a heading left out whose neighbours are both of an item's length is a
    # cell taken by its place doubtful for a text merely far longer than its own.
    explained = {text for n in found for text in (beside_left_out or {}).get(n, ())
                 if not found[n].merged_with and shorter_than_left_out(lengths[n], typicals[n], [len(text)])}
    # A heading that is the end of a line whose start went elsewhere left that start at the end of
    # the text before it: the section that text belongs to holds half a heading; the cut section's
    # own text is whole.
    holds_cut_start = _before_cut_headings(found, numbered)
    restarts = _numbers_restart(found, support)
    shifted_short = _shifted_short(found, support, numbers_left_out or {}, lengths, typicals)
    swapped = _neighbours_swapped(found, outline)
    items = sorted(found)
    recurring = {items[i] for i in recurring_lines(found[n].text for n in items)}
    for n in sorted(found):
        section = found[n]
        typical = typicals[n]
        unexplained = [len(text) for text in (beside_left_out or {}).get(n, ()) if text not in explained]
        confidence, reasons = assess(
            support[n], ocr=ocr, merged=bool(section.merged_with),
            split=n in split,
            length_ratio=lengths[n] / typical if typical else 1.0,
            letters=_letters(section.text, up_to=TOO_SHORT_LETTERS),
            holds_other=_holds_heading_of(bodies[n], not_found, outline),
            reading=readings[n],
            beside_missing=bool({n - 1, n + 1} & missing),
            in_letterhead=section.source.first_block < title_index,
            figure_elsewhere=n == funding and figure_elsewhere,
            after_untitled=untitled and n == min(found),
            list_line=_ends_as_list_line(section.heading, section.text),
            merged_first=bool(section.merged_with) and min(section.merged_with) > n,
            mid_sentence=_cut_mid_sentence(section.heading, section.text) or n in holds_cut_start,
            repeats_heading=_repeats_heading(section, [s for m, s in found.items() if m != n]),
            holds_closing=_holds_closing(section.text),
            beside_longer=not section.merged_with and shorter_than_left_out(lengths[n], typical, beside[n]),
            beside_much_longer=not section.merged_with and outweighed_by_left_out(lengths[n], typical, unexplained),
            unreadable=unreadable(section.text),
            number_names_missing=support[n].numbered is False and (support[n].ordinal or 0) > n
            and support[n].ordinal in missing,
            number_across_gap=support[n].numbered is False and support[n].ordinal in missing
            and _ladder_skips_after(n, support),
            number_left_out=n in (numbers_left_out or {}) and left_out_item(numbers_left_out[n], typical),
            shifted_short=n in shifted_short,
            heading_pictured=section.source.first_block in pictured,
            numbers_restart=restarts,
            misread=ocr and misread_marks(section.text) >= MISREAD_MARKS,
            reads_neighbour=n in swapped,
            before_lost_rung=n in before_lost_rungs and bool(missing),
            recurring_line=n in recurring)
        assessed.append(replace(section, confidence=round(confidence * section.confidence, 3),
                                reasons=(*reasons, *section.reasons)))
    return tuple(assessed)


def _shifted_short(found: dict[int, Section], support: dict[int, Support], numbers_left_out: dict[int, int],
                   lengths: dict[int, int], typicals: dict[int, int]) -> set[int]:
    """The items, from the first on, each taken by a heading numbered as many above it as headings
    of its level were left out before the first taken (`numbers_left_out`, per number its text's
    length), whose text is short beside a left-out one over an item's text (shorter_than_left_out):
    the reader shifted the ladder past its first heading, taking it for the province's own, and a
    short text further on is as likely that heading's. The item the left-out heading's number names
    is not among them (number_left_out says its doubt)."""
    shift = len(numbers_left_out)
    shifted = set()
    for n in sorted(found):
        if not shift or support[n].ordinal != n + shift:
            break
        if n not in numbers_left_out and shorter_than_left_out(lengths[n], typicals[n], numbers_left_out.values()):
            shifted.add(n)
    return shifted


def _before_lost_rung(blocks: tuple[Block, ...], openings: list[_Opening]) -> set[int]:
    """The items whose heading has a number and the next heading, in the document's order, taken
    for an item or none, is numbered two above it: a rung of the ladder between was not read as a
    heading at all (its label misread, _rungs_lost), and its line and text run on under this
    heading whatever item either was taken for ("Mục đánh giá 4." over item 5's text, "6." taken
    for item 5). A heading read and taken for no item between them is no lost rung, nor a heading
    taken for an item above its number ("2." for item 3 by its words, then "4."): its number, not
    a rung, is what skipped (_ladder_skips_after doubts that one where its words are unclear)."""
    numbers = [(o.items, o.support[0].ordinal if o.items and o.support else o.ordinal) for o in openings]
    read = [number for _, number in numbers if number is not None]
    if any(b <= a for a, b in zip(read, read[1:], strict=False)):
        return set()  # no ladder rising in the document's order ("Câu 1. … (mục 3 đề cương)", then "(mục 2 …)")
    # Untitled text taken for the first item before a ladder whose first rung read is 2, opening with
    # a short line that ends as no sentence does, holds rung 1's line unread ("Mưc đánh 1. Tỉnh ta
    # đứng ở vạch nào" over item 1's text): it counts as numbered 0. Item 1's text whose heading the
    # province left out opens with a sentence.
    first = openings[0] if openings else None
    if (first is not None and len(numbers) > 1 and first.items and first.last < first.first and numbers[1][1] == 2
            and len(opening := blocks[first.first].text) <= MAX_HEADING_CHARS
            and not opening.rstrip().endswith((".", ";", ":", "!", "?"))):
        numbers[0] = (numbers[0][0], 0)
    return {item for (items, number), (_, following) in zip(numbers, numbers[1:], strict=False)
            if number is not None and following is not None and following - number == 2
            and items and (number == 0 or number >= min(items)) for item in items}


def _ladder_skips_after(n: int, support: dict[int, Support]) -> bool:
    """Whether the heading taken for item `n` has a number below it, and the next heading
    taken for an item is numbered two or more above that ("B." taken for item 3, then "D."):
    a heading of the ladder was lost between them (its label misread), and which side of the
    gap the item whose number it bears lies on is a guess. A province that left an item out
    numbers on without a gap ("3." taken for 4, then "4." for 5): no such doubt."""
    later = [m for m in support if m > n]
    ordinal, following = support[n].ordinal, support[min(later)].ordinal if later else None
    return ordinal is not None and ordinal < n and following is not None and following - ordinal >= 2


def _neighbours_swapped(found: dict[int, Section], outline: tuple[OutlineSection, ...]) -> set[int]:
    """The items of two neighbouring cells written in each other's place, by their texts' own words
    (the campaign's phrases): one cell's text holds a phrase of the item next to it and none of its
    own, the neighbour's text none of its own either, and neither heading says its item's phrase. A
    province that wrote its items in another order ("Kiến nghị" before "Khó khăn") under headings
    of its own words, numbered as it wrote them, leaves the place and number to decide, and they
    say the outline's order; the texts say otherwise ("Đề nghị Chính phủ …" under the fifth)."""
    alone = {n: s for n, s in found.items() if not s.merged_with}
    unnamed = {n for n, s in alone.items() if n not in phrase_items(s.heading, outline)}
    # Only cells whose headings name nothing, beside another such, have their texts read (a
    # cell's whole text against every phrase: most reports name their items in their headings).
    said = {n: phrase_items(alone[n].text, outline) for n in unnamed if {n - 1, n + 1} & unnamed}
    swapped = set()
    for n in said:
        for m in (n - 1, n + 1):
            if m in said and m in said[n] and n not in said[n] and m not in said[m]:
                swapped |= {n, m}
    return swapped


def _numbers_restart(found: dict[int, Section], support: dict[int, Support]) -> bool:
    """Whether the numbers of the headings taken for items (Support.ordinal), in the document's
    order, go back to one already passed ("a)", "b)", "a)"): a list of points numbered again under
    each item, not the items' own ladder, which numbers each once: back to its first number and on to
    its second. A number of two levels or more ("1.4", "2.1") goes on by its first: under parts
    numbered in turn, the items numbered again are the items (Phần I: 1.1-1.4, Phần II: 2.1, 2.2), and
    so are the ones after a heading left out between them ("B." over items 5 and 6 numbered 1. and 2.
    again): only a number going back right after the text before it restarts the ladder."""
    keys, joined = [], []
    ordered = sorted(found.values(), key=lambda s: (s.source.first_block, s.number))
    for before, section in zip([None, *ordered], ordered, strict=False):
        if before is not None and before.source.first_block == section.source.first_block:
            continue  # one heading over two items
        n = section.number
        if support[n].ordinal is not None and not support[n].no_heading:
            levels = _LEVELLED_NUMBER.match(section.heading.strip())
            keys.append(tuple(int(k) for k in levels[0].split(".")) if levels else (support[n].ordinal,))
            joined.append(before is not None and section.source.first_block == before.source.last_block + 1)
    # Back to the ladder's own first number and on as it went on ("a)", "b)", "a)", "b)"): a number
    # read once more or read back (a scan's "E-" twice, "IV." read "I.") starts nothing again.
    return any(joined[k] and len(keys[k]) == len(keys[0]) and keys[k] < keys[k - 1] and keys[k:k + 2] == keys[:2]
               for k in range(2, len(keys) - 1))


_LEVELLED_NUMBER = re.compile(r"\d+(?:\.\d+)+")


def _ends_as_list_line(heading: str, text: str = "") -> bool:
    """Whether a heading ends as a line of a list does (";" or ","), not as a heading. A heading
    in capitals ending in a comma whose section's first line goes on in capitals ("PHẦN II BỨC
    TRANH CHUNG VỀ ĐÔ THỊ THÔNG MINH Ở TỈNH," over "THÀNH PHỐ SAU NĂM 2018:") was wrapped onto
    more lines than were joined with it: the comma is where its line broke, no list's."""
    heading = heading.rstrip()
    if heading.endswith(",") and is_all_caps(heading):
        first = text.lstrip().split("\n", 1)[0]
        if is_all_caps(first):
            return False
    return heading.endswith((";", ","))


def _before_cut_headings(found: dict[int, Section], numbered: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """The sections whose text runs up to a heading cut in two (`_heading_cut`): the one
    right before it in the document. A heading the document numbered (`numbered`, items) opens
    a line of its ladder even when its label is in lower case ("b- Kết quả …"): no cut."""
    ordered = sorted(found.values(), key=lambda s: s.source.first_block)
    return {before.number for before, after in zip(ordered, ordered[1:], strict=False)
            if before.source.first_block < after.source.first_block and after.number not in numbered
            and _heading_cut(after.heading) and not _ends_sentence(before.text)}


def _ends_sentence(text: str) -> bool:
    """Whether a text ends with a sentence's stop: it holds no first line of a heading cut in
    two ("… Những chuyển động chính trong xây"), whatever the heading after it begins with (a
    scan's heading whose first letters OCR lost: "ca đứng trước khi bước")."""
    return text.rstrip().endswith((".", "!", "?", ";"))


def _heading_cut(heading: str) -> bool:
    """A heading with no numbering label that begins in lower case: the end of a line whose
    start went elsewhere ("của tỉnh sau năm 2018")."""
    return bool(heading) and not leading_label(heading) and strip_label(heading) == heading and \
        _begins_in_lower_case(heading)


def _cut_mid_sentence(heading: str, text: str) -> bool:
    """Whether a sentence is cut in two where the section begins: its text begins in lower
    case, or with a year and a comma, under a heading that does not end in a colon (the
    heading took the sentence's first words: "… Bộ Xây dựng sớm ban" / "hành bộ chỉ số …";
    after a colon the text may go on in lower case); or its heading in capitals runs on in
    sentence case ("… TỪ NĂM 2018 UBND tỉnh"). A first line of no word (a speck beside a scan's
    heading, "c]") is none of the sentence. A heading that is the end of a cut line is the
    doubt of the section before it (`_before_cut_headings`), whose text holds the line's start."""
    first = text.lstrip()
    line, _, rest = first.partition("\n")
    if rest and not _TWO_LETTERS.search(line):  # a speck OCR read beside the heading ("c]"): no words cut
        first = rest.lstrip()
    if (first and not heading.rstrip().endswith(":") and not leading_label(first) and first[0] not in _BULLETS
            and (_begins_in_lower_case(first) or _YEAR_AND_COMMA.match(first))):
        return True
    return _runs_on(heading) or _holds_sentence(heading)


# A heading's title (its label aside) longer than this that ends as a sentence is no title: no
# heading of the corpora's, a few thousand, ends so past 80 characters.
SENTENCE_TITLE_CHARS = 100


def _holds_sentence(heading: str) -> bool:
    """A heading whose title is as long as a sentence of text and ends as one (".", "!"): the
    item's first line read into it (a heading and its text in one paragraph, split by a line
    break or nothing a reader saw), so the item's text lacks it and may lack its figures. A
    title led by dots to the margin ("Phần C: Ban điều hành……") ends as no sentence."""
    title = strip_label(heading).strip()
    return len(title) > SENTENCE_TITLE_CHARS and title.endswith((".", "!")) and not LEADER_TO_MARGIN.search(title)


_BULLETS = "-–—+•*·●○■□▪►✓"
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_YEAR_AND_COMMA = re.compile(r"\d{4},\s")


def _begins_in_lower_case(text: str) -> bool:
    """Whether the first word is in lower case, and a word ("ii..." is a label read badly)."""
    word = _WORD.search(text)
    return bool(word) and word[0][0].islower() and text[word.end():word.end() + 1] not in (".", ")", ":")


def _runs_on(heading: str) -> bool:
    """A heading in capitals (three words or more, its label and brackets aside) whose
    words go on in sentence case: a word with small letters and one capital at most
    ("tỉnh", "Năm"; not "TTg")."""
    words = [w for w in _WORD.findall(_PARENTHESES.sub(" ", strip_label(heading))) if any(c.isalpha() for c in w)]
    small = next((k for k, w in enumerate(words) if any(c.islower() for c in w) and sum(c.isupper() for c in w) <= 1),
                 None)
    return small is not None and small >= 3 and not any(c.islower() for w in words[:small] for c in w)


def _repeats_heading(section: Section, others: Sequence[Section]) -> bool:
    """Whether a line of the section's text, or a cell of a table row in it, is the heading
    of a section found (label and brackets aside, folded, two words or more) written again:
    a table summarising the items, an annex repeating them, a neighbour's text under a
    heading the reader did not take, its own heading written again where the page turned
    and not seen as such."""
    keys = {_heading_key(other.heading) for other in (section, *others)}
    keys = {key for key in keys if key.count(" ") >= 1}
    if not keys:
        return False
    return any(_heading_key(cell) in keys for line in section.text.split("\n") for cell in line.split("|"))


def _holds_closing(text: str) -> bool:
    """Whether a line of the text, or a sentence in it, is the report's closing ("Trên đây là
    báo cáo …", "Nơi nhận:", the signature's "TM."): a page read as one line may run the
    closing on after an item's last sentence, and a page with numbered lines puts the line's
    number before it ("10 Trên đây là báo cáo …")."""
    return any(_CLOSING.match(fold(line)) or _CLOSING_SENTENCE.search(fold(line)) for line in text.split("\n"))


_CLOSING_SENTENCE = re.compile(rf"(?:[.;!?]|^\d{{1,3}})\s+{_CLOSING_OPENS}")


def _heading_key(line: str) -> str:
    return " ".join(_WORD.findall(fold(_PARENTHESES.sub(" ", strip_label(line.strip())))))


def _ordered_ladder(found: dict[int, Section], support: dict[int, Support],
                    outline: tuple[OutlineSection, ...]) -> bool:
    """Whether the report's headings are a complete ladder of its own numbers in the outline's
    order: every item found, none merged, each heading numbered as its item, in order."""
    return (len(found) == len(outline) > 1 and not any(s.merged_with for s in found.values())
            and all(n in support and support[n].numbered is True and support[n].in_order for n in found))


def _readings(found: dict[int, Section], left_out: Sequence[str],
              outline: tuple[OutlineSection, ...], ordered_ladder: bool = False) -> dict[int, Reading]:
    """What each cell's text says of its item, beside the report's other texts: how much
    better its item's words fit another text than its own (another cell's, the two swapped:
    items written in another order under headings whose place decided; or a text the reader
    gave no item: the item's heading left out, an extra heading taken in its stead), and
    whether it leans to its item more than to any other and more than any other text does.
    The texts are compared by the outline's own words (alignment.likeness, heading and text
    together, as sets, the report's common words left out), each against its own average
    over the items, so that a text full of words of many items does not read like every
    item: what counts is which item it leans to.

    Under a complete ladder of the report's own numbers in order (`ordered_ladder`: each item
    found, numbered as it), the numbers are a witness for the order the texts alone do not
    outweigh: two cells read as swapped only when neither text leans to its own item more than
    to the other's, or a heading's own words lean to the other's (a province that wrote its items
    in another order and numbered them as it wrote them says so in its headings or in both
    texts). One text's lean alone, the other's text leaning to its own item, is its
    wording: a heading of the province's own ("Nền móng buổi sơ khai") leaves the whole reading
    to a text whose words of several items even out by chance. A text is read then without its
    heading where the heading's words tell no item (pool 43's Quảng Nam, Hà Nội and Điện Biên
    scans: two right cells flagged each, the titles' chance words the whole lean); a heading in
    the outline's words (items written in another order, numbered as written) still reads in its text."""
    index = {section.number: i for i, section in enumerate(outline)}
    numbers = list(found)
    # Under such a ladder a title of the province's own, of fewer than TOLD_WORDS of the outline's
    # words, is no part of its text's reading: its one incidental word ("Giàn mướp sai trái trước
    # hiên", "Mâm xôi ngũ sắc ngày hội": "trước", "ngày" of item 1's phrases) tipped a text read
    # alike by items 1 and 2, whose outline headings differ by little more than "trước" and "sau".
    texts = [found[n].text if ordered_ladder and outline_words(match_key(found[n].heading), outline) < TOLD_WORDS
             else f"{found[n].heading}\n{found[n].text}" for n in numbers]
    texts += list(left_out)
    word_sets = [_folded_words(text) for text in texts]
    seen = Counter(word for words in word_sets for word in words)
    common = {word for word, count in seen.items() if count > COMMON_SHARE * len(word_sets)}

    def leaning(words: set[str]) -> list[float]:
        key = " ".join(word for word in words - common if not _SMALL_NUMBER.fullmatch(word))
        if outline_words(key, outline) < TOLD_WORDS:
            return [0.0] * len(outline)  # a word or two of the outline's: chance ("IV/ HƯỚNG ĐI SAU NĂM 2025")
        weights = likeness(key, outline)
        mean = sum(weights) / len(weights)
        return [weight - mean for weight in weights]
    leanings = [leaning(words) for words in word_sets]
    cells = dict(zip(numbers, leanings, strict=False))
    others = leanings[len(numbers):]
    alone = {n for n, s in found.items() if not s.merged_with}
    headed = {n: likeness(match_key(found[n].heading), outline) for n in found} if ordered_ladder else {}

    def gain(n: int, m: int) -> float:
        i, j = index[n], index[m]
        return cells[n][j] + cells[m][i] - cells[n][i] - cells[m][j]

    def attested(n: int, m: int) -> bool:
        i, j = index[n], index[m]
        # A text of too few of the outline's words (a leaning of naught) tells nothing: no witness.
        return ((any(cells[n]) and any(cells[m]) and cells[n][j] >= cells[n][i] and cells[m][i] >= cells[m][j])
                or headed[n][j] > headed[n][i] or headed[m][i] > headed[m][j])

    # A cell whose swap with another is attested is out of place: the ladder no longer vouches
    # for it, nor for a cell whose text reads like its item (items written in a round, not a pair).
    unplaced = {n for n in alone for m in alone - {n}
                if ordered_ladder and attested(n, m) and gain(n, m) > READS_ELSEWHERE_GAIN}

    def swapped(n: int, m: int) -> bool:
        """Whether the ladder's numbers leave room for reading items n and m as swapped."""
        return not ordered_ladder or attested(n, m) or bool({n, m} & unplaced)

    readings = {}
    for n, own in cells.items():
        i = index[n]
        best = 0.0
        if n in alone:
            for m in alone - {n}:
                if swapped(n, m):
                    best = max(best, gain(n, m))
        unread = max((other[i] - own[i] for other in others), default=0.0)
        leads = own[i] > max((w for j, w in enumerate(own) if j != i), default=0.0)
        readings[n] = Reading(elsewhere=max(best, unread), own=leads and all(other[i] < own[i] for other in leanings
                                                                              if other is not own),
                              unread=unread)
    return readings


# A number of one or two digits is a day, a month or a count ("Phụ lục 01", "8 đô thị"), in a text
# as in the outline's phrases ("trước ngày 01/8/2018", which names item 1 by its "trước"): it
# tells no item. (Pool 28's 22: "8 đô thị" and "Phụ lục 01" read item 2's text as item 1's.)
_SMALL_NUMBER = re.compile(r"\d{1,2}")


def _folded_words(text: str) -> set[str]:
    """The text's distinct words, folded: a report repeats its words, and reports each
    other's, so each word is folded once, not the pages around it."""
    return {_fold_word(word) for word in set(_WORD.findall(text))}


_fold_word = lru_cache(maxsize=1 << 14)(fold.__wrapped__)


def _letters(text: str, up_to: int) -> int:
    """How many letters the text has, counted no further than `up_to` (a section's text
    can be pages long; only a short one matters)."""
    return sum(1 for _ in islice((ch for ch in text if ch.isalpha()), up_to))


def _holds_heading_of(body: list[Block], indexes: list[int], outline: tuple[OutlineSection, ...]) -> bool:
    """Whether a line of the body that could be a heading (one the reader did not take for
    one: plain, not ending a sentence) names one of these items, by the campaign's phrases
    or plainly by its words."""
    if not indexes:
        return False
    for block in body:
        if block.kind != "paragraph" or len(block.text) > UNTAKEN_HEADING_CHARS or block.text.rstrip().endswith(
                (".", ";", ",")):
            continue
        key = match_key(block.line)
        named = {i for i, item in enumerate(outline) if item.number in match_heading(block.line, outline)}
        words = likeness(key, outline)
        if any(i in named or words[i] >= CONVINCING_LIKENESS for i in indexes):
            return True
    return False


def _continued(section: Section, opening: _Opening, blocks: tuple[Block, ...], body: tuple[Block, ...]) -> Section:
    """The section with a heading taken for no item, and its text, read on at its end."""
    text = "\n".join(part for part in (section.text, opening.line, opening.run_in,
                                        _joined(body, blocks[opening.first:opening.last + 1])) if part)
    last = body[-1] if body else blocks[opening.last]
    return replace(section, text=text, source=replace(section.source, last_block=max(section.source.last_block,
                                                                                        last.index)))


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


def _run_in_headings(opening: _Opening, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The heading's blocks when the item's first words run in after it (their notes may be
    the words' own: kept), else none: a note on a heading alone annotates the heading (which
    item of the outline it answers, where its figures come from), it is no text of the item
    (pool 43: "Mục 3 Đề cương …" in an endnote on each heading)."""
    return blocks[opening.first:opening.last + 1] if opening.run_in else ()


def _joined(blocks: Sequence[Block], headings: Sequence[Block] = ()) -> str:
    """The blocks' lines, then the notes (footnotes) they and `headings` (a heading read as a
    line of the text, or one whose item runs in after it) refer to, at the item's foot: the
    item's own text stays in one piece."""
    notes = [note for block in (*headings, *blocks) for note in block.notes]
    return "\n".join([*(block.line for block in blocks), *notes])
