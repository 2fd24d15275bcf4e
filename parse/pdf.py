"""Read a PDF report that has a text layer (exported from Word) into a `Document`.

A PDF has no paragraphs, only glyphs at positions, so they are rebuilt here: glyphs →
runs → lines (by baseline) → paragraphs (by spacing, indentation, where the line ends,
numbering labels and a change of bold or size). Running headers, footers and page
numbers are dropped; bold comes from the font name, heading level from the font size.

Why PDFium (pypdfium2) for the glyphs and the rules: pdfplumber reads glyphs through
pdfminer, in pure Python. Measured on one core (bench/pdf_speed.py, medians of 5 warm
runs), pdfplumber's `extract_words(extra_attrs=["fontname", "size"])` alone ran at 9-19
pages/s (the spread is the machine's load) on a 23-page report exported by LibreOffice and
on a 23-page dense A4 file (~2,700 glyphs a page), under the 20 pages/s target before any
paragraph logic. PDFium gives the same glyphs with box, size, font name and weight through
its C API at ~130 pages/s. Ruled tables are found with pdfplumber's own cell finder
(rules snapped and joined, cells between their crossings), fed with the rules PDFium
gives: letting pdfplumber read the page for them cost 0.3-0.5 s a page through pdfminer
(most of the reading time of a report with tables, or with a framed heading), so pdfminer
never runs here. pypdfium2 is a dependency of pdfplumber already.

Borderless tables (the letterhead, the sign-off, many funding tables) have no rules:
a line with a gap much wider than a word space is taken as a table row, its pieces as
cells, so "Trung tâm IOC      120.000" reads "Trung tâm IOC | 120.000".
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from rapidfuzz import fuzz

from baocao.i18n import N_
from baocao.parse.bullets import is_list_mark
from baocao.parse.document import Block, Document, DocumentError
from baocao.parse.footnotes import holders, labelled
from baocao.parse.headings import LEADER_TO_MARGIN, MAX_HEADING_CHARS, labelled_title
from baocao.parse.ink import Box, Ink, heavy_lines, inks
from baocao.parse.labels import (
    is_lead,
    leading_label,
    ocr_label_read,
    page_mark,
    strip_label,
    template_label,
    without_picture_marks,
)
from baocao.parse.limits import Deadline, TimeLimitExceeded
from baocao.parse.line_pictures import LINE_PICTURE_MAX_PT, line_shaped, read_line_image, render_line_picture
from baocao.parse.textlayer import vietnamese_share
from baocao.text import clean_line, fold, nfc

KIND = N_("a PDF file")
# Fewer visible characters than this on a page that holds an image: a scan, or a scan
# with a stamped page number, so OCR is worth trying.
NEGLIGIBLE_TEXT_CHARS = 20
# A run of text this many font sizes to the right of the previous one, on the same
# line, is in another column of a (borderless) table: justified word spaces stay well
# under one font size.
CELL_GAP_EMS = 2.5
# On a recognised page, two words side by side on one row whose top and bottom both moved by
# more than this share of their height stand on two lines (_without_steps): a margin's label
# half a line above the text beside it.
STEP_SHARE = 0.3
# Clearly larger than the body text: a heading. Word's Heading 1/2 over 11 pt body are
# 14/13 pt (1.27, 1.18); a 14 pt "BÁO CÁO" over 13 pt body (1.08) is not.
HEADING_SIZE_RATIO = 1.15
# A line in capitals of this many letters at least is a heading's, or a title's: prose never
# runs on in capitals for a line (a short one may be a name, "UBND", at a paragraph's end).
CAPITALS_LINE_LETTERS = 8
# The invisible font of an OCR text layer (Tesseract's, hence ocrmypdf's). Its sizes are
# Tesseract's guesses from each line's height, which capitals and diacritics stretch
# ("V. KHÓ KHĂN, VƯỚNG MẮC" came out 1.2 times its body text): no heading level by size there.
OCR_FONT = "GlyphLessFont"
# The face given to a line read from a picture alone on its line (_picture_lines): no font of
# the PDF's, so its block is told apart (Block.pictured).
PICTURE_FONT = "(picture of a line)"
# A line of letters drawn as outlines has this many path segments a type size of its width at
# least (a WordArt's line measured ~300: each letter's curves); a box or a band has 4-5 in all.
OUTLINE_SEGMENTS_PER_EM = 20
MAX_LINE_PICTURES = 20  # a page's pictures shaped like a line read at most: a heading each, a few a page
# A line whose words are in more than one colour (a link in a sentence): no colour of its own.
MIXED_COLOUR = -1
# The OCR layer's font has no weight: a line of a scanned page is bold when its ink strokes
# are this much wider than the scan's body text (ink.py: bold lines measured 1.23-1.57 times,
# regular ones at most 1.10).
BOLD_STROKE_RATIO = 1.2
# A scanned line laid on a grey band (a paragraph's shading): the light of its paper this many
# grey levels (of 255) below the paper's a line and a half above and below it (ink.py), and half
# as many below the paper's in the sheet's margin at its height, where the band has ended (a
# scanner's streak across the sheet has not). Measured on pools 1-17's scans: the shaded headings
# of pools 16-17 17-24 below the paper around them and 12-24 below the margin's; the other lines
# of ten letters or more 14 at most below the paper around them (pool 5's headings in shaded boxes,
# 12-14, left as they were), the one streak (pool 4) 20 below it and 2 below the margin's.
SHADED_TONE = 15
SHADED_MIN_LETTERS = 10  # fewer have too little paper between their letters to tell
# A scanned line with a thin rule drawn across this share of its width both above and below it
# (ink.ruled_across) is boxed, a border ruled round its paragraph, as in a text PDF (_highlighted).
# Measured on pools 1-27's scans: the boxed headings of pools 5, 8, 24 and 27 0.92-1.00 (one of
# pool 27's read as a row, its box's sides taken for letters, _BOX_SIDE); lines of
# SHADED_MIN_LETTERS letters or more in no box 0.69 at most, but for lines in a ruled table's
# cells (pool 8's 0.98; pool 19's 0.94, a column rule read inside it, _COLUMN_RULE).
BOXED_SHARE = 0.9
_BOX_SIDE_LETTERS = 2
_BOX_SIDE = re.compile(r"^[(\[|]\s+|\s+[)\]|]$")
# A rule read inside a line ("(C) Lề lối điều hành [ Tỉnh … đã phát hành"): a table's column rule
# between a heading's cell and its text's (pool 19), whose row is no box round a paragraph.
_COLUMN_RULE = re.compile(r"\s[\[\]|]\s")
# The runs ending a scanned line that ink less than this share of their box (Ink.coverage) are a
# leader's dots to the margin, whatever OCR read them as, and are not weighed with its words
# (_weighed_runs). Pool 32's dim, grainy photos: a bold heading's words 0.28-0.37 of their box, the
# body's 0.19-0.31, its leader's runs 0.05-0.14 ("Xin... . ó4... Áo l2...", "khai......").
LEADER_COVERAGE = 0.15
# and under this share of its densest run's: a larger type's capitals on a finer scan ink less of
# their box (pool 4's Sóc Trăng: 0.17-0.23), its body words after them 0.15.
LEADER_SHARE = 0.5
# A scanned line's opening words weighed against the rest of it (_inked_lead): this many words at
# least, its label aside; fewer have too little ink to tell.
INKED_LEAD_WORDS = 2
# Tesseract's letter sizes for the lines of one paragraph came out a point or two apart
# (11-13 pt for 13 pt type); a title over its subject, 15-16 pt over 12 pt. Sizes of OCR lines
# differ only by this ratio.
OCR_SIZE_RATIO = 1.25
# A scanned page whose text is this alike to the page before it (rapidfuzz ratio, 0-100) is
# that sheet fed twice: two recognisings of one sheet came out 98-99 alike; two pages of one
# report share their letterhead at most, not their text. Pages with less text than
# DUPLICATE_MIN_CHARS (a blank page, a lone signature) are never taken for one.
DUPLICATE_LIKENESS = 95
DUPLICATE_MIN_CHARS = 200
# A side of a 2-up sheet with fewer recognised words than this (a stamp, a page number, a
# note in the margin) is no page: the sheet is read whole.
TWO_UP_MIN_RUNS = 20
# A footnote mark is set at most this size of the text it follows (Word: 2/3, raised).
SUPERSCRIPT_RATIO = 0.75
_NOTE_MARK = re.compile(r"^\d{1,2}$")
# Small capitals are drawn this share of the type size (LibreOffice 0.8, Word about 0.78).
SMALL_CAPITALS = (0.6, 0.9)
# Running headers/footers live in the top and bottom of the page.
MARGIN_BAND = 0.12
# A running line recognised from page images differs a little from page to page: lines of at
# least RUNNING_MIN_CHARS characters this alike (rapidfuzz ratio, numbers aside) within this
# share of the page's height of each other are one line repeated (pool 8 scan 03's footer read
# "…BC_DTTM. phu_yen_2022.docx" and "…BC_DTTM. phu. yen_2022.docx": 97; two lines of a
# report's body in the same place on most pages are not that alike).
RUNNING_LIKENESS = 90
RUNNING_DRIFT = 0.02
RUNNING_MIN_CHARS = 12
# ... and of about one length: OCR misreads or splits a character or two of a running line, it
# does not add words. A heading at the top of a page and the same heading continued at the top of
# the next ("(v) Các điểm còn chưa ổn …", then "… (tiếp theo)") are as alike but a word or two longer.
RUNNING_LENGTH_SLACK = 0.1
# Letter-spaced text (_letter_spaced): its letters stand at least this share of the type size
# apart (set solid, a glyph's box ends where the next one starts: 0; Word's "Expanded by 3 pt"
# on 13 pt type, 0.23), most gaps between its letters differ by at most LETTER_GAP_SPREAD_EMS
# (kerning; an OCR layer's letters are their ink's boxes, a point or so apart), and a word gap
# is wider than a letter gap by more than WORD_GAP_EMS (by a space and the spacing after it,
# 0.25 em and more).
LETTER_SPACED_EMS = 0.1
LETTER_GAP_SPREAD_EMS = 0.12
WORD_GAP_EMS = 0.2
# Three one-character words in a row ("K Ế T"): a line that may be letter-spaced.
_SPACED_LETTERS = re.compile(r"(?:^|\s)\S\s\S\s\S(?=\s|$)")
# A recognised line whose letters' advance is this many times the body's is letter-spaced: pool 8's
# scan of headings expanded by 3 pt measured about 1.28-1.41 times its body lines' median, body lines
# at most 1.09; a line with fewer letters in lower case than ADVANCE_MIN_LETTERS is not measured
# (a short line's few words move it by a tenth).
SPACED_ADVANCE_RATIO = 1.2
ADVANCE_MIN_LETTERS = 12
_SPACE_EMS = 0.5  # a word space, with room for rounding: "would the next word have fitted?"
# An OCR layer's word boxes are the ink's, narrower than the letters' advance widths, and
# their edges move by a point or two: on a scan the next word must have had this much more room.
_OCR_FIT_EMS = 1.0
# Steps between a recognised line and the next that wraps its sentence, enough of them to tell
# the pitch inside a paragraph (_wrapped_pitches): a short report has a dozen or more.
PITCH_MIN_WRAPS = 5

_BOLD_NAME = re.compile(r"bold|black|heavy|demi|semibold|,b\b|-b$|\bbd\b", re.IGNORECASE)
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
# Fonts of pictures, not letters: what they draw before a heading's label (a SYMBOL field's
# Wingdings square, a bullet) is a mark, whatever character their map gives it ("§" in OpenSymbol).
_SYMBOL_FONT = re.compile(r"symbol|wingding|webding|dingbat|marlett|mt ?extra", re.IGNORECASE)
# Characters that are pictures in any font: symbols ("☒", "■", "❖", U+FFFD for a glyph with no
# character) and a symbol font's private-use code points ("\uf0a7").
_PICTURE_CATEGORIES = {"So", "Co"}
# At most this many such glyphs make a mark before a label (the SYMBOL field's two: "§\uf0a7").
_LABEL_MARK_GLYPHS = 3
_PAGE_NUMBER = re.compile(r"^(?:(?:trang|page)\s*)?[-–—(\[]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—)\]]?$", re.IGNORECASE)
_BULLET = re.compile(r"^[-+•–—*]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")  # "./." ends in "."
_LEADER_RUN = re.compile(r"[\s.…]+")  # a run of a leader's dots alone
# A leader's dots as OCR reads them on a heading's line (_without_leader_junk), and a contents line's
# page number after them.
LEADER_DOTS = 10
_LEADER_DOTS = re.compile(rf"\.{{{LEADER_DOTS},}}|…{{{LEADER_DOTS // 3},}}")
_PAGE_AFTER_LEADER = re.compile(r"\d{1,3}")
# On a scanned page, what drawn lines come out as (see _without_rule_glyphs): a bar or an
# underscore at either end of a line, even touching its first or last word ("|4. Kinh phí",
# "_6/ Ý kiến"), a bracket alone there, underscores alone or after a label's stop.
_RULE_GLYPHS = re.compile(r"^[|_]+\s*|\s*[|_]+$|^[\[\]]+(?:\s+|$)|\s+[\[\]]+$|(?<=[\s.:)/])_+(?=\s|$)")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u0300-\u036f])")
# Points a cell may stick out of another and still be inside it (rules snapped 3 pt apart).
_FRAME_SLACK = 3.0
UNDERLINE_THICKNESS = 2.0  # points: a stroke this thin under a line of text underlines it
_WHITE = 250  # a fill whose red, green and blue are all this light is the page's white
_FILL_LINES = 4  # a fill at most this many type sizes tall lies behind a line or two (a heading's), no more
# Marks whose glyph box is a speck at or under the baseline: whether one carries on its run is
# measured by the run's type size, not by its own box (a comma ending a line, its box reaching
# under the words' bottom by more than a fraction of its own height, was a line of its own that
# then opened the next line: "đồng/năm" / ", cả 3 năm …").
_SMALL_MARKS = frozenset(",.;:")
# A font size under this is no size text is read at: a font set at a unit size, the text matrix
# giving the glyphs their size (_runs). Footnote marks and fine print stay above it.
UNIT_FONT_SIZE = 2.0
_FORCE_BOLD_FLAG = 1 << 18  # PDFium FXFONT_FORCE_BOLD: a synthetic bold of a regular font
_HYPHENS = "-\u00ad\x02"  # PDFium reports a line-end hyphen it recognises as U+0002

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_SECURITY_ERROR = 6  # FPDF_ERR_SECURITY


_Box = tuple[float, float, float, float]  # x0, top, x1, bottom, PDF points from the page's top left


@dataclass(frozen=True)
class _Run:
    """Glyphs in one font on one baseline, close together, in content-stream order."""

    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page, PDF points
    bottom: float
    size: float
    font: str
    bold: bool
    first_word_end: float  # x where its first word ends, to tell whether it would have fitted
    ink: Ink | None = None  # on a scanned page, its ink in the page image (ink.py)
    # The gap before each of its glyphs after the first (spaces and accents are no glyphs here),
    # how letter-spaced text is told from words (_letter_spaced); measured only for a run opening
    # with two one-letter words and for a recognised run, () for any other.
    gaps: tuple[float, ...] = ()
    colour: int = 0  # its fill colour, 0xRRGGBB (black 0)


@dataclass(frozen=True)
class _Line:
    """One line of a page: a paragraph line, or a table row (`cells` has > 1 item, or
    the line came from a ruled table)."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool
    cells: tuple[str, ...] = ()
    ruled: bool = False  # a row of a table pdfplumber found by its rules
    text_x0: float = 0.0  # where the words start after a label set apart by a tab
    first_word_width: float = 0.0
    ink: Ink | None = None  # on a scanned page, its ink in the page image (ink.py)
    lead: str = ""  # the bold sentence the line opens with, the rest not bold (Block.lead)
    underlined: bool = False  # a stroke drawn right under the whole line
    highlighted: bool = False  # a filled box in a colour behind the whole line, or a box ruled round it (_highlighted)
    column: tuple[float, float] | None = None  # left and right edge of its column, on a page set in columns
    frame: _Box | None = None  # the text's box in the frame cell it is in (_in_frames)
    beside: bool = False  # a cell of a table of headings beside their texts, read as a line (_headings_beside_texts)
    small_caps: bool = False  # set in small capitals (_in_small_capitals)
    spaced: bool = False  # its letters set apart, character spacing (_letter_spaced, _spaced_by_advance)
    advance: float = 0.0  # a recognised line: its letters' mean advance in ems (_advance); 0 unmeasured
    footnote: str = ""  # a footnote's line at the page's foot: the note's mark (_without_footnotes)
    note_marks: tuple[str, ...] = ()  # the footnote marks set in this body line
    # The fill colour of its words (a label in front aside, as for bold): 0xRRGGBB, MIXED_COLOUR
    # for words in more than one colour.
    colour: int = 0
    # The type size its words open and end in, where that is not `size` (the size of most of its
    # letters): a heading set larger run into its text on one line ("4. Tổng số tiền…: Vốn xã"),
    # the text going on in the next line (_continues); 0 where the line opens or ends in `size`.
    start_size: float = 0.0
    end_size: float = 0.0
    margin_label: bool = False  # its label framed in the left margin, read in front of it (_margin_frame_labels)

    @property
    def is_row(self) -> bool:
        return self.ruled or len(self.cells) > 1


@dataclass(frozen=True)
class _Page:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[_Line, ...]


def read_pdf(path: Path | str, max_pages: int = 300, deadline: Deadline | None = None) -> Document:
    """The text of a PDF as blocks in reading order; DocumentError if it is not a
    readable PDF. What could not be read is said in the Document's `partial` and the
    rest kept: pages past `max_pages`, a damaged page, a page's ruled tables that could
    not be read (its text is kept, its rows come apart at the gaps), and everything after
    the point where the `deadline` ran out."""
    path = Path(path)
    pdf = _open(path)
    notes: list[str] = []
    glyphs: list[_Glyphs] = []
    try:
        total = len(pdf)
        count = min(total, max_pages)
        for number in range(1, count + 1):
            try:
                if deadline is not None and deadline.expired():
                    raise TimeLimitExceeded(deadline.reached())
                glyphs.append(_page_glyphs(path, pdf, number, notes, deadline))
            except DocumentError as e:
                notes.append(N_("page {number} could not be read: {reason}").format(number=number, reason=e.reason))
            except Exception:
                if deadline is None or not deadline.expired():
                    raise
                notes.append(deadline.reached(N_("at page {number}: pages {pages} were not read").format(
                    number=number, pages=_span(number, count))))
                break
    finally:
        pdf.close()
    if not glyphs:
        raise DocumentError(path, "; ".join(notes) or N_("it has no pages"), kind=KIND,
                            action=N_("Ask the province to send the report again (exported from Word once more)."))
    sides = [(side, g.tables) for g in glyphs for side in _sheet_sides(g)]
    pages = [_page_lines(replace(side, number=n), ruled) for n, (side, ruled) in enumerate(sides, start=1)]
    pages = _spaced_by_advance(_boxed_by_ink(_shaded_by_ink(_bold_by_ink(_without_pages_fed_twice(pages)))))
    lines = _rest_beside(_without_running_lines(pages))
    blocks = _blocks(lines, pages)
    if total > count:
        notes.append(N_("only the first {count} of {total} pages were read").format(count=count, total=total))
    return Document(name=nfc(path.name), blocks=tuple(blocks), partial="; ".join(notes))


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def pages_without_text(path: Path | str) -> list[int]:
    """1-based numbers of the pages that show an image but have (almost) no text layer:
    scanned pages, candidates for OCR. A blank page has nothing to recognise; a damaged
    one is left to `read_pdf`, which says so."""
    return [number for number, text in _image_pages(path) if _negligible(text)]


# A page image's own text layer (a copier's or scanner's OCR) that reads as Vietnamese less
# than this (textlayer.vietnamese_share: valid, marked syllables) was read without Vietnamese
# or badly: the page is recognised again. Typed and well recognised pages measure 0.7-0.9
# (fixtures' text PDFs, Tesseract's Vietnamese on pools 3-5's scans), a layer read with
# English alone about 0.1.
POOR_LAYER_SHARE = 0.4


def pages_to_recognise(path: Path | str) -> list[int]:
    """1-based numbers of the pages OCR should read: a page that shows an image and has
    (almost) no text layer (a scan; in a mixed PDF, only its scanned pages), and a page
    image whose own text layer does not read as Vietnamese (POOR_LAYER_SHARE). A typed page
    keeps its text however it reads: it has no image to recognise (a legacy-font PDF's
    codes are converted later). A blank page has nothing to recognise; a damaged one is
    left to `read_pdf`, which says so."""
    found = []
    for number, text in _image_pages(path):
        share = None if _negligible(text) else vietnamese_share(text)
        if _negligible(text) or (share is not None and share < POOR_LAYER_SHARE):
            found.append(number)
    return found


def _negligible(text: str) -> bool:
    return len("".join(text.split())) < NEGLIGIBLE_TEXT_CHARS


def _image_pages(path: Path | str) -> Iterator[tuple[int, str]]:
    """Each readable page that shows an image, with its text layer's text."""
    path = Path(path)
    pdf = _open(path)
    try:
        for number in range(1, len(pdf) + 1):
            try:
                page = _page(path, pdf, number)
            except DocumentError:
                continue
            if _has_image(page):
                yield number, page.get_textpage().get_text_range()
    finally:
        pdf.close()


# -- opening ----------------------------------------------------------------------------


def _open(path: Path) -> pdfium.PdfDocument:
    if not path.is_file():
        raise DocumentError(path, N_("there is no such file"), kind=KIND, action=N_("Check the file name."))
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise _open_error(path, e) from e
    except OSError as e:
        raise DocumentError(path, N_("it cannot be opened: {reason}").format(reason=e), kind=KIND,
                            action=N_("Check the file and try again.")) from e


def _open_error(path: Path, error: pdfium.PdfiumError) -> DocumentError:
    if error.err_code in (_PASSWORD_ERROR, _SECURITY_ERROR):
        return DocumentError(
            path,
            N_("it is protected by a password"),
            kind=KIND,
            action=N_("Ask the province for the password or for a copy without one."),
        )
    actually = _what_it_is(path)
    if actually:
        return DocumentError(
            path,
            N_("it is not a PDF but {actually}, whatever its name says").format(actually=actually),
            kind=KIND,
            action=N_("Open it with the program for what it is, or ask the province to send the report again as PDF."),
        )
    return DocumentError(
        path,
        N_("it is damaged or cut short (PDFium error {code})").format(code=error.err_code),
        kind=KIND,
        action=N_("Ask the province to send the report again (exported from Word once more)."),
    )


_MAGIC = (
    (b"PK\x03\x04", N_("a zip package (a .docx, .xlsx or .zip)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Word .doc or Excel .xls file")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"\x89PNG", N_("a PNG image")),
    (b"{\\rtf", N_("an RTF document")),
)


def _what_it_is(path: Path) -> str:
    """What the file is, when it is not a PDF: "" for a PDF (readers accept "%PDF-"
    anywhere in the first kilobyte)."""
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError:
        return N_("an unreadable file")
    if not head:
        return N_("an empty file")
    if b"%PDF-" in head:
        return ""
    return next((what for magic, what in _MAGIC if head.startswith(magic)), N_("some other kind of file"))


def _page(path: Path, pdf: pdfium.PdfDocument, number: int) -> pdfium.PdfPage:
    try:
        return pdf[number - 1]
    except pdfium.PdfiumError as e:
        raise DocumentError(
            path, N_("it is damaged (PDFium: {reason})").format(reason=e), kind=KIND,
            action=N_("Ask the province to send the report again.")
        ) from e


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


# -- one page: glyphs -> runs -> lines ----------------------------------------------------


@dataclass(frozen=True)
class _Glyphs:
    """What PDFium gives of one page."""

    number: int
    width: float
    height: float
    runs: tuple[_Run, ...]
    ruled: bool  # drawn rules that may make a table
    underlines: tuple[tuple[float, float, float], ...] = ()  # thin horizontal strokes: (x0, x1, top)
    tables: tuple[_Table, ...] = ()  # the tables its rules draw
    frames: tuple[_Box, ...] = ()  # the cells of its tables of one column (_frame_cells)
    fills: tuple[_Box, ...] = ()  # boxes filled in a colour, white aside (_fills): (x0, top, x1, bottom)
    boxes: tuple[_Box, ...] = ()  # cells ruled round on their own, of no table: a border round a paragraph


def _page_glyphs(path: Path, pdf: pdfium.PdfDocument, number: int, notes: list[str] | None = None,
                 deadline: Deadline | None = None) -> _Glyphs:
    notes = [] if notes is None else notes
    page = _page(path, pdf, number)
    left, bottom, right, top = page.get_mediabox()
    turn = _Turn(page.get_rotation(), left, bottom, right - left, top - bottom)
    textpage = page.get_textpage()
    if turn.rotation and _runs_across_sheet(textpage):
        # A page turned in a viewer and saved: /Rotate turns the sheet on screen, its words still run
        # across the sheet as they were written; they are read as on the sheet, in order with the pages
        # around it (a reader tilts the head, not the lines).
        turn = _Turn(0, left, bottom, right - left, top - bottom)
    runs = _runs(textpage, turn.height if turn.rotation else top, turn)
    if turn.rotation and any(run.font == OCR_FONT for run in runs):
        turn = _Turn(0, left, bottom, right - left, top - bottom)  # a scan's layer: read as the OCR placed it
        runs = _runs(textpage, top, turn)
    top = turn.height if turn.rotation else top
    recognised = [i for i, run in enumerate(runs) if run.font == OCR_FONT]
    objects = _drawn_paths(page)
    lettering, lettered_lines = _lettered_outlines(objects) if not recognised and not turn.rotation else (set(), [])
    pictured = (_picture_lines(page, runs, top, notes, deadline, lettered_lines)
                if not recognised and not turn.rotation else [])
    runs = [*runs, *pictured]  # after the content stream's runs: lines are made top to bottom (_rows)
    if recognised:
        # A scanned page's text layer: the ink under each run, which tells bold (_bold_by_ink).
        found = inks(page, [Box(runs[i].x0, runs[i].top, runs[i].x1, runs[i].bottom) for i in recognised])
        for i, ink in zip(recognised, found, strict=True):
            runs[i] = replace(runs[i], ink=ink)
    # Letters drawn as outlines are no band of colour behind a line (_fills), nor a rule.
    objects = [item for k, item in enumerate(objects) if k not in lettering]
    paths = [turn.box(*_placed(obj.get_bounds(), form)) for obj, form in objects]
    ruled = _has_vertical_rules(paths)
    tables: tuple[_Table, ...] = ()
    frames: tuple[_Box, ...] = ()
    boxes: tuple[_Box, ...] = ()
    if ruled:
        try:
            tables, frames, boxes = _page_tables(objects, top, turn)
        except Exception as e:  # a path PDFium cannot describe: the page is read without table structure
            if deadline is not None and deadline.expired():
                raise
            notes.append(N_("tables of {pages} could not be read: {reason}").format(
                pages=_pages([number]), reason=_library_error(e)))
    return _Glyphs(number, turn.width, turn.height, tuple(runs), ruled, _underlines(paths, top), tables, frames,
                   _fills(objects, paths, top), boxes)


def _picture_lines(page: pdfium.PdfPage, runs: Sequence[_Run], page_top: float, notes: list[str],
                   deadline: Deadline | None = None,
                   outlines: Sequence[tuple[float, float, float, float]] = ()) -> list[_Run]:
    """A run for each picture of a text page shaped like a line of text (line_pictures.line_shaped),
    and each line of letters drawn as outlines (`outlines`, _lettered_outlines), with no text beside
    it on its line (the margin's line numbers are none): a heading pasted as a clipping, or a
    WordArt, where the heading's line would be. Its words are read with OCR from the page rendered
    there, set bold (the picture alone between the text's lines is a heading's mark) in the page's
    most common type size, in PICTURE_FONT. A page of more than MAX_LINE_PICTURES such pictures
    has the rest left, and said so in `notes`."""
    numbers = _line_numbers(runs)  # the margin's line numbers are no text of any line
    text = [run for run in runs if run not in numbers]
    images = (obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    boxes = []
    for left, bottom, right, top in sorted([*images, *outlines], key=lambda box: -box[3]):
        if not line_shaped(right - left, top - bottom):
            continue
        upper, lower = page_top - top, page_top - bottom
        if any(run.top < lower and run.bottom > upper for run in text):
            continue  # text on its line: a picture in a line of text, or behind it
        boxes.append((left, bottom, right, top))
    if not boxes:
        return []
    if len(boxes) > MAX_LINE_PICTURES:
        notes.append(N_("{count} pictures shaped like a line of text on one page: only the first {read} were "
                        "read").format(count=len(boxes), read=MAX_LINE_PICTURES))
    sizes = Counter(round(run.size * 2) / 2 for run in runs for _ in run.text.strip())
    read = []
    for left, bottom, right, top in boxes[:MAX_LINE_PICTURES]:
        if deadline is not None and deadline.expired():
            break
        text, why = read_line_image(render_line_picture(page, (left, bottom, right, top)))
        if why:
            notes.append(N_("a picture on a line of its own was not read: {reason}").format(reason=why))
        text = clean_line(text)
        if not text:
            continue
        size = sizes.most_common(1)[0][0] if sizes else (top - bottom) / 1.5
        first = text.split(" ", 1)[0]
        read.append(_Run(text, left, right, page_top - top, page_top - bottom, size, PICTURE_FONT, True,
                         left + (right - left) * len(first) / len(text)))
    return read


def _lettered_outlines(objects: Sequence[tuple[pdfium.PdfObject, _Matrix]]
                       ) -> tuple[set[int], list[tuple[float, float, float, float]]]:
    """Lines of letters drawn as filled outlines, no text (a WordArt, or text turned into curves,
    as an export or a printer driver draws them): the drawn paths (_drawn_paths) filled in a colour,
    each no taller than a line (LINE_PICTURE_MAX_PT), grouped side by side on one line, where the
    group has OUTLINE_SEGMENTS_PER_EM segments a type size of its width at least (a letter's
    curves; a band, a box or a table's shading has four or five a box). The paths' indexes in
    `objects`, and a box round each line (left, bottom, right, top, on the page)."""
    drawn = []
    for k, (obj, form) in enumerate(objects):
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
        if (not pdfium_c.FPDFPath_GetDrawMode(obj.raw, mode, stroke) or mode.value == pdfium_c.FPDF_FILLMODE_NONE
                or not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha)
                or not alpha.value or min(red.value, green.value, blue.value) >= _WHITE):
            continue
        left, bottom, right, top = _placed(obj.get_bounds(), form)
        if 0 < top - bottom <= LINE_PICTURE_MAX_PT:
            drawn.append((k, [left, bottom, right, top], max(0, pdfium_c.FPDFPath_CountSegments(obj.raw))))
    groups: list[tuple[list[int], list[float], list[int]]] = []  # paths, box round them, segments
    open_groups: list[tuple[list[int], list[float], list[int]]] = []  # those a path lower down may still join
    for k, (left, bottom, right, top), segments in sorted(drawn, key=lambda item: (-item[1][3], item[1][0])):
        open_groups = [group for group in open_groups if group[1][1] < top]  # paths come top first
        for members, box, counts in open_groups:
            reach = max(box[3] - box[1], top - bottom)  # a word space, a letter's gap: under a line's height
            if bottom < box[3] and top > box[1] and left - box[2] <= reach and box[0] - right <= reach:
                box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
                members.append(k)
                counts.append(segments)
                break
        else:
            groups.append(([k], [left, bottom, right, top], [segments]))
            open_groups.append(groups[-1])
    lettered, lines = set(), []
    for members, (left, bottom, right, top), counts in groups:
        if sum(counts) >= OUTLINE_SEGMENTS_PER_EM * (right - left) / (top - bottom):
            lettered.update(members)
            lines.append((left, bottom, right, top))
    return lettered, lines


def _runs_across_sheet(textpage: pdfium.PdfTextPage, sample: int = 400) -> bool:
    """Whether most of a page's glyphs (the first `sample` of them) are drawn upright on the
    unturned sheet, PDFium's angle of each 0: its text runs across the sheet, whatever /Rotate
    does to the page on screen."""
    raw = textpage.raw
    count = min(pdfium_c.FPDFText_CountChars(raw), sample)
    across = turned = 0
    for i in range(count):
        if chr(pdfium_c.FPDFText_GetUnicode(raw, i)).isspace():
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
        if angle < 0:  # PDFium could not tell
            continue
        degrees = math.degrees(angle) % 360
        if degrees < 10 or degrees > 350:
            across += 1
        else:
            turned += 1
    return across > turned


@dataclass(frozen=True)
class _Turn:
    """From PDF user space to the page as it is shown, y still upwards from its foot: a page
    with /Rotate (a landscape page printed or scanned upright, turned for reading) has its
    words running up or down the sheet, and is read as its reader sees it."""

    rotation: int  # degrees clockwise: 0, 90, 180, 270
    x0: float  # the media box's corner
    y0: float
    sheet_width: float  # the media box's size, unturned
    sheet_height: float

    @property
    def width(self) -> float:
        return self.sheet_height if self.rotation in (90, 270) else self.sheet_width

    @property
    def height(self) -> float:
        return self.sheet_width if self.rotation in (90, 270) else self.sheet_height

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.x0, y - self.y0
        if self.rotation == 90:
            return y, self.sheet_width - x
        if self.rotation == 180:
            return self.sheet_width - x, self.sheet_height - y
        if self.rotation == 270:
            return self.sheet_height - y, x
        return x + self.x0, y + self.y0  # unturned: coordinates as they are (as read before)

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _underlines(paths: Sequence[tuple[float, float, float, float]],
                page_top: float) -> tuple[tuple[float, float, float], ...]:
    """Thin horizontal strokes (x0, x1, distance from the page's top) among the page's drawn
    paths (their bounds: left, bottom, right, top): underlines, and rules."""
    return tuple((left, right, page_top - top) for left, bottom, right, top in paths
                 if top - bottom <= UNDERLINE_THICKNESS and right - left > 0)


_Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f: x' = ax + cy + e, y' = bx + dy + f
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _drawn_paths(page: pdfium.PdfPage) -> list[tuple[pdfium.PdfObject, _Matrix]]:
    """The page's drawn paths, each with where the content it is drawn in is placed on the
    page: a path inside a form (a page printed onto a sheet beside another, 2-up, each page a
    form scaled and moved into its half) is in the form's own space, and PDFium gives its
    matrix and bounds there; the forms' matrices, one inside the other, place it."""
    found, forms = [], []  # forms: the placement of each enclosing form, outermost first
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM]):
        del forms[obj.level:]
        placed = forms[-1] if forms else _IDENTITY
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            forms.append(_then(obj.get_matrix().get(), placed))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.append((obj, placed))
    return found


def _then(first: _Matrix, second: _Matrix) -> _Matrix:
    """The matrix doing `first`, then `second`."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _placed(bounds: tuple[float, float, float, float], form: _Matrix) -> tuple[float, float, float, float]:
    """Bounds (left, bottom, right, top) in a form's space, placed on the page by `form`."""
    if form == _IDENTITY:
        return bounds
    a, b, c, d, e, f = form
    left, bottom, right, top = bounds
    xs, ys = zip(*((a * x + c * y + e, b * x + d * y + f) for x in (left, right) for y in (bottom, top)), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _fills(objects: Sequence, paths: Sequence[tuple[float, float, float, float]],
           page_top: float) -> tuple[_Box, ...]:
    """The page's paths filled in a colour other than white, as boxes (x0, distance from the
    page's top to their top, x1, to their bottom): a highlighter's or a shading's band behind a
    line once printed to PDF."""
    fills = []
    for (obj, _), (left, bottom, right, top) in zip(objects, paths, strict=True):
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
        if (not pdfium_c.FPDFPath_GetDrawMode(obj.raw, mode, stroke) or mode.value == pdfium_c.FPDF_FILLMODE_NONE
                or not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha)):
            continue
        if alpha.value and min(red.value, green.value, blue.value) < _WHITE:
            fills.append((left, page_top - top, right, page_top - bottom))
    return tuple(fills)


def _highlighted(line: _Line, fills: Sequence[_Box]) -> bool:
    """A filled box behind the whole line and no more than a few lines tall: the line laid on a
    background, a highlight or a shading, the mark of a heading (Block.highlighted) — a
    shaded table or page is no mark. So is a box ruled round the line and no more (a
    paragraph's border, _Glyphs.boxes): the line set apart as a shading sets it."""
    slack = line.size / 2
    return any(x0 <= line.x0 + slack and x1 >= line.x1 - slack and top <= line.top + slack
               and bottom >= line.bottom - slack and bottom - top <= _FILL_LINES * line.size
               for x0, top, x1, bottom in fills)


def _underlined(line: _Line, underlines: Sequence[tuple[float, float, float]]) -> bool:
    """A stroke under the line's letters as wide as its text: about where their baseline is
    (a descender goes below an underline; a strike-through is well above it), a quarter of
    the type size either side of the bottom of the line's box."""
    return any(abs(top - line.bottom) <= line.size / 4 and x0 <= line.x0 + line.size
               and x1 >= line.x1 - line.size for x0, x1, top in underlines)


def _bold_by_ink(pages: list[_Page]) -> list[_Page]:
    """A scanned page's lines made bold when their strokes are BOLD_STROKE_RATIO times as
    wide as the body text's around them (ink.heavy_lines): the OCR layer says nothing of
    weight, the ink does."""
    measured = [[line for line in page.lines if line.ink is not None and line.ink.stroke_width] for page in pages]
    heavy = heavy_lines([[(line.ink.stroke_width, len(line.text)) for line in lines] for lines in measured],
                        BOLD_STROKE_RATIO)
    bold = {id(line): flag for lines, flags in zip(measured, heavy, strict=True)
            for line, flag in zip(lines, flags, strict=True)}
    if not bold:
        return pages
    # a line opening with a bold lead (_inked_lead) is not bold: the rest of it is the text's
    return [replace(page, lines=tuple(replace(line, bold=bold[id(line)] and not line.lead) if id(line) in bold
                                      else line for line in page.lines)) for page in pages]


def _shaded_by_ink(pages: list[_Page]) -> list[_Page]:
    """A scanned page's lines set on a grey band (SHADED_TONE) are highlighted, as a shading
    behind a line is in a text PDF (_highlighted): the mark of a heading, which OCR's
    garbled opening words ("Gà đã tiêu…" for "④ Tỉnh đã tiêu…") leave the only one."""
    def shaded(line: _Line) -> bool:
        return (line.ink is not None and not line.is_row and bool(line.ink.around_tone)
                and len("".join(line.text.split())) >= SHADED_MIN_LETTERS
                and line.ink.around_tone - line.ink.paper_tone >= SHADED_TONE
                and line.ink.beside_tone - line.ink.paper_tone >= SHADED_TONE / 2)

    return [replace(page, lines=tuple(replace(line, highlighted=True) if shaded(line) else line
                                      for line in page.lines)) for page in pages]


def _boxed_by_ink(pages: list[_Page]) -> list[_Page]:
    """A scanned page's lines ruled across above and below (BOXED_SHARE), a box drawn round
    them, are highlighted, as a box ruled round a line is in a text PDF (_highlighted): a
    heading's only mark when it is set in regular type."""
    def boxed(line: _Line) -> _Line:
        if line.ink is None or line.ruled or line.ink.ruled_share < BOXED_SHARE:
            return line
        if line.is_row:
            # the box's sides read as glyphs of their own: a cell of a letter or two ("TS]"), a
            # bracket before the first word ("( Nhiệm vụ 3: …")
            cells = [cell for cell in line.cells if sum(ch.isalnum() for ch in cell) > _BOX_SIDE_LETTERS]
            if len(cells) != 1:
                return line
            line = replace(line, text=_BOX_SIDE.sub("", cells[0]), cells=())
        if len("".join(line.text.split())) < SHADED_MIN_LETTERS or _COLUMN_RULE.search(line.text):
            return line
        return replace(line, highlighted=True)

    return [replace(page, lines=tuple(boxed(line) for line in page.lines)) for page in pages]


def _sheet_sides(glyphs: _Glyphs) -> tuple[_Glyphs, ...]:
    """A scanned landscape sheet holding two pages side by side (a 2-up copy) as its left
    page and its right page, each as wide as half the sheet; any other page as it is.
    Read whole, the two pages' lines at one height made one table row ("L/ TỪ NĂM 2015… |
    UBND tỉnh Đồng Nai kính báo cáo…") and the report came apart. Two pages: the sheet is
    wider than tall, no recognised word crosses a gutter in its middle fifth, and both sides
    hold text; a landscape table or text runs across the middle."""
    width = glyphs.width
    if glyphs.ruled or width <= glyphs.height or not any(run.font == OCR_FONT for run in glyphs.runs):
        return (glyphs,)
    clear = [x for x in range(int(0.4 * width), int(0.6 * width) + 1)
             if not any(run.x0 < x < run.x1 for run in glyphs.runs)]
    if not clear:
        return (glyphs,)
    gutter = min(clear, key=lambda x: abs(x - width / 2))
    left = tuple(run for run in glyphs.runs if run.x1 <= gutter)
    right = tuple(replace(run, x0=run.x0 - width / 2, x1=run.x1 - width / 2,
                          first_word_end=run.first_word_end - width / 2)
                  for run in glyphs.runs if run.x0 >= gutter)
    if len(left) < TWO_UP_MIN_RUNS or len(right) < TWO_UP_MIN_RUNS:
        return (glyphs,)
    return replace(glyphs, width=width / 2, runs=left), replace(glyphs, width=width / 2, runs=right)


def _without_pages_fed_twice(pages: list[_Page]) -> list[_Page]:
    """The pages without a scanned page that repeats the one before it: a sheet fed twice
    through the scanner. Kept, its text would be read twice, and its lines, at the same
    place on two pages, would be taken for a running header and dropped from both."""
    kept: list[_Page] = []
    for page in pages:
        if kept and _scanned(page) and _scanned(kept[-1]) and _same_text(page, kept[-1]):
            continue
        kept.append(page)
    return kept


def _scanned(page: _Page) -> bool:
    return any(line.font == OCR_FONT for line in page.lines)


def _same_text(a: _Page, b: _Page) -> bool:
    """Two recognisings of one sheet differ by a letter here and there, never by a line."""
    texts = [fold(" ".join(line.text for line in page.lines)) for page in (a, b)]
    return min(map(len, texts)) >= DUPLICATE_MIN_CHARS and fuzz.ratio(*texts) >= DUPLICATE_LIKENESS


def _page_lines(glyphs: _Glyphs, tables: Sequence[_Table]) -> _Page:
    marks = _note_marks(glyphs.runs)
    runs = [run for run in glyphs.runs if run not in marks]
    lines: list[_Line] = []
    for table in tables:
        inside = [r for r in runs if _centre_in(r, table.bbox, glyphs.width)]
        lines.extend(_table_rows(glyphs.number, table, inside, glyphs.width))
        runs = [r for r in runs if not _centre_in(r, table.bbox, glyphs.width)]
    numbers = _line_numbers(runs)  # a ruled table's numbers are its own: its first column's
    runs = [run for run in runs if run not in numbers]
    specks = [*_margin_specks(runs), *_pen_marks(runs), *_pen_arrows(runs), *_right_margin_blots(runs),
              *_crease_marks(runs)]
    runs = [run for run in runs if run not in specks]
    stretches = _column_stretches(runs)
    for stretch in stretches:
        inside = [r for r in runs if stretch.holds(r)]
        runs = [r for r in runs if not stretch.holds(r)]
        for side, edges in enumerate(stretch.columns):
            column = [r for r in inside if (r.x1 <= stretch.gutter) == (side == 0)]
            # A column numbers its own lines: a page printed beside another (2-up) keeps its margin's.
            column_numbers = _line_numbers(column)
            column = [r for r in column if r not in column_numbers]
            lines.extend(replace(line, column=edges) for line in _lines(glyphs.number, column))
        # A ruled table set in one of the columns (or its cells read as lines, a heading beside
        # its text) is read there, between that column's lines.
        lines = [replace(line, column=stretch.columns[line.x0 >= stretch.gutter])
                 if (line.ruled or line.beside) and line.column is None and stretch.top <= line.top <= stretch.bottom
                 and (line.x0 >= stretch.gutter or line.x1 <= stretch.gutter) else line for line in lines]
    lines.extend(_lines(glyphs.number, runs))
    if glyphs.frames:
        lines = _in_frames(lines, glyphs.frames)
    # A frame's rules are no underlines, though one runs under the last line of each cell; nor
    # are a ruled table's, along the top or bottom of one of its cells (a heading beside its text).
    cells = [(cell, table.bbox) for table in tables for row in table.rows for cell in row if cell is not None]
    underlines = [stroke for stroke in glyphs.underlines if not any(
        min(abs(stroke[2] - cell[1]), abs(stroke[2] - cell[3])) < _FRAME_SLACK for cell in glyphs.frames) and not any(
        min(abs(stroke[2] - cell[1]), abs(stroke[2] - cell[3])) < _FRAME_SLACK
        and box[0] - _FRAME_SLACK <= stroke[0] and stroke[1] <= box[2] + _FRAME_SLACK for cell, box in cells)]
    if underlines:
        lines = [replace(line, underlined=True) if not line.is_row and _underlined(line, underlines) else line
                 for line in lines]
    if glyphs.fills or glyphs.boxes:
        backgrounds = glyphs.fills + glyphs.boxes
        lines = [replace(line, highlighted=True) if not line.is_row and _highlighted(line, backgrounds) else line
                 for line in lines]

    def reading_order(line: _Line) -> tuple:
        # A stretch in columns is read at its top: its left column, then its right one.
        stretch = next((s for s in stretches if line.column and s.top <= line.top <= s.bottom), None)
        if stretch is None:
            return line.top, 0, line.top, line.x0
        return stretch.top, line.column != stretch.columns[0], line.top, line.x0

    lines.sort(key=reading_order)
    lines = _without_footnotes(lines, marks, glyphs.height)
    if not marks and any(line.font == OCR_FONT for line in lines):
        lines = _without_recognised_footnotes(lines, glyphs.height)
    return _Page(glyphs.number, glyphs.width, glyphs.height, tuple(lines))


def _in_frames(lines: list[_Line], frames: Sequence[_Box]) -> list[_Line]:
    """The lines, each inside a frame's cell told the text's box in it: the cell less its inner
    margin, the one the text set flush left in the page's frames shows. A paragraph in a cell
    wraps at the cell's right edge, not the page's, and ends at the cell's rule."""
    cell_of = {}
    for k, line in enumerate(lines):
        middle = (line.top + line.bottom) / 2
        cell = next((cell for cell in frames if cell[0] - _FRAME_SLACK <= line.x0 and line.x1 <= cell[2] + _FRAME_SLACK
                     and cell[1] <= middle <= cell[3]), None)
        if cell is not None and not line.is_row:
            cell_of[k] = cell
    if not cell_of:
        return lines
    margin = max(min(lines[k].x0 - cell[0] for k, cell in cell_of.items()), 0.0)
    return [replace(line, frame=(cell_of[k][0] + margin, cell_of[k][1], cell_of[k][2] - margin, cell_of[k][3]))
            if k in cell_of else line for k, line in enumerate(lines)]


# -- columns ------------------------------------------------------------------------------

# Text set in two columns (a section with columns, Word's continuous section break): at
# least this many lines on each side of a gutter no word crosses, ...
COLUMN_MIN_ROWS = 5
# ... each column at least this share of the page's text width (a letterhead's or a
# sign-off's two blocks, the cells of a borderless table, are narrower) ...
COLUMN_MIN_SHARE = 0.35
# ... and this share of each column's lines starting at its left edge: prose, set flush
# left (or justified), not centred blocks.
COLUMN_FLUSH_SHARE = 0.6
# ... and this share of each column's characters (spaces aside) letters: a column of prose,
# not a table's column of figures ("23.310.878.000 NSĐP": a third letters) beside its text.
COLUMN_LETTER_SHARE = 0.6
# On a scanned page, the gutter at least this many times the text's size wide: wider than
# the spaces between the OCR's words.
OCR_GUTTER_EMS = 1.2
# A recognised row whose first cell holds this share of its characters or more, alone among
# lines of prose, is a line of prose split where a faded word left a gap (_prose_split_by_ocr).
PROSE_CELL_SHARE = 0.85


@dataclass(frozen=True)
class _Stretch:
    """A stretch of a page set in two columns: from `top` to `bottom`, split at `gutter`."""

    top: float
    bottom: float
    gutter: float
    columns: tuple[tuple[float, float], tuple[float, float]]  # left and right edge of each column

    def holds(self, run: _Run) -> bool:
        return self.top <= run.top and run.bottom <= self.bottom


def _column_stretches(runs: Sequence[_Run]) -> list[_Stretch]:
    """The stretches of the page set in two columns, found from where its words are: a run
    of lines, one under the other, that a vertical gutter in the middle third of the text
    crosses between words (never through one), with prose on both sides of it. Read line
    by line across the page, the two columns' lines at one height made one line or a table
    row of two unrelated sentences. On a scanned page too: the OCR's word boxes are where
    the words are, and its text layer is read line by line across the page as well."""
    if not runs:
        return []
    # An OCR layer's runs are single words: the spaces between them leave clear bands that
    # may line up for a few lines of one column; a gutter is wider than any space.
    ocr = any(run.font == OCR_FONT for run in runs)
    narrowest = OCR_GUTTER_EMS * statistics.median(run.size for run in runs) if ocr else 0.0
    text_left, text_right = min(r.x0 for r in runs), max(r.x1 for r in runs)
    span = text_right - text_left
    first, last = int(text_left + span / 3), int(text_left + 2 * span / 3)
    if last - first < 2:
        return []
    everywhere = (1 << (last - first + 1)) - 1
    rows = _rows(runs)
    free = []
    for row in rows:
        mask = everywhere
        for run in row:
            a, b = max(int(run.x0) + 1, first), min(int(run.x1), last)  # xs strictly inside the run
            if a <= b:
                mask &= ~(((1 << (b - a + 1)) - 1) << (a - first))
        free.append(mask)
    stretches: list[_Stretch] = []
    start = 0
    while start < len(rows):
        mask, end = free[start], start
        # A line whose clear band left with the lines above is narrower than a gutter ends the
        # stretch there ("Trên đây là báo cáo…" after the columns, between two OCR words), not
        # the stretch's hope of a gutter.
        while end + 1 < len(rows) and (band := mask & free[end + 1]) and _widest_band(band) >= narrowest:
            end += 1
            mask = band
        stretch = None
        if mask and end - start + 1 >= COLUMN_MIN_ROWS and _widest_band(mask) >= narrowest:
            gutter = _gutter(mask, first)
            start, end = _trimmed(rows, start, end, gutter)
            stretch = _stretch(rows[start : end + 1], gutter)
        if stretch is not None:
            stretches.append(stretch)
            start = end + 1
        else:
            start += 1
    return stretches


def _side(row: Sequence[_Run], gutter: float) -> int:
    """0: the row is all left of the gutter; 1: all right of it; 2: on both sides."""
    return 0 if all(r.x1 <= gutter for r in row) else 1 if all(r.x0 >= gutter for r in row) else 2


def _trimmed(rows: Sequence[Sequence[_Run]], start: int, end: int, gutter: float) -> tuple[int, int]:
    """rows[start:end + 1] without the lines on one side of the gutter at either end that are
    not the columns' own: a short line of the full-width text before or after (the opening
    paragraph's last line, "Trên đây là báo cáo…") is further from its side's next line than
    the column's line spacing, a column's lines follow each other at it."""
    def baselines(side: int, lo: int, hi: int) -> list[float]:
        return [max(r.bottom for r in row) for row in rows[lo : hi + 1] if _side(row, gutter) in (side, 2)]

    def apart(side: int, a: float, b: float) -> bool:
        lines = baselines(side, start, end)
        gaps = [y - x for x, y in zip(lines, lines[1:], strict=False)]
        return abs(b - a) > 1.5 * statistics.median(gaps) if gaps else True

    while end > start and (side := _side(rows[end], gutter)) != 2:
        before = baselines(side, start, end - 1)
        if before and not apart(side, before[-1], max(r.bottom for r in rows[end])):
            break
        end -= 1
    while start < end and (side := _side(rows[start], gutter)) != 2:
        after = baselines(side, start + 1, end)
        if after and not apart(side, max(r.bottom for r in rows[start]), after[0]):
            break
        start += 1
    return start, end


def _widest_band(mask: int) -> int:
    """The width of the widest clear band of `mask` (bit k: x = first + k crosses no word)."""
    widest = run = 0
    while mask:
        run = run + 1 if mask & 1 else 0
        widest = max(widest, run)
        mask >>= 1
    return widest


def _gutter(mask: int, first: int) -> float:
    """The middle of the widest clear band of `mask` (bit k: x = first + k crosses no word)."""
    best, at, k = 0, 0, 0
    while mask >> k:
        if mask >> k & 1:
            width = 0
            while mask >> (k + width) & 1:
                width += 1
            if width > best:
                best, at = width, k
            k += width
        else:
            k += 1
    return first + at + best / 2


def _rows(runs: Sequence[_Run]) -> list[list[_Run]]:
    """Runs sharing a baseline band, top to bottom: the groups `_lines` makes lines of."""
    groups: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.bottom, r.x0)):
        for group in reversed(groups[-4:]):
            if _same_line(group[0], run):
                group.append(run)
                break
        else:
            groups.append([run])
    return groups


def _stretch(rows: Sequence[Sequence[_Run]], gutter: float) -> _Stretch | None:
    """The rows as a stretch in two columns split at `gutter`, if they are one."""
    if not rows:
        return None
    runs = [r for row in rows for r in row]
    sides = ([r for r in runs if r.x1 <= gutter], [r for r in runs if r.x0 >= gutter])
    span = max(r.x1 for r in runs) - min(r.x0 for r in runs)
    columns = []
    for side in sides:
        if not side:
            return None
        left, right = min(r.x0 for r in side), max(r.x1 for r in side)
        starts = [min(r.x0 for r in row) for row in _rows(side)]
        flush = sum(abs(x - left) < 0.5 * statistics.median(r.size for r in side) for x in starts)
        written = "".join(r.text for r in side).replace(" ", "")
        if (len(starts) < COLUMN_MIN_ROWS or right - left < COLUMN_MIN_SHARE * span
                or flush < COLUMN_FLUSH_SHARE * len(starts)
                or sum(ch.isalpha() for ch in written) < COLUMN_LETTER_SHARE * len(written)):
            return None
        columns.append((left, right))
    return _Stretch(min(r.top for r in runs), max(r.bottom for r in runs), gutter, (columns[0], columns[1]))


# -- line numbers -------------------------------------------------------------------------


_LINE_NUMBER = re.compile(r"^\d{1,4}$")
_LINE_NUMBER_ALIGN_EMS = 0.5  # how far apart the right ends of one column's numbers may lie


def _line_numbers(runs: Sequence[_Run]) -> list[_Run]:
    """Word's line numbering as printed: numbers in the left margin, left of the text's left
    edge (half a type size clear of it), right-aligned one under another and going up down
    the page; one is enough, for OCR reads few of them, if any. They number the lines, so
    they are no part of a line's text ("10 Trên đây là báo cáo…" is the closing), nor its
    label. The text's left edge is the leftmost x two words begin at: a number OCR misread
    ("lÚI" for 11) stands alone there."""
    candidates = [run for run in runs if _LINE_NUMBER.match(run.text.strip())]
    starts = sorted(run.x0 for run in runs if run.text.strip() and run not in candidates)
    if not candidates or not starts:
        return []
    slack = statistics.median(run.size for run in runs) / 2
    left = next((a for a, b in zip(starts, starts[1:], strict=False) if b - a <= slack), starts[0])
    in_margin = sorted((run for run in candidates if run.x1 <= left - run.size / 2), key=lambda run: run.top)
    if not in_margin:
        return []
    right = statistics.median(run.x1 for run in in_margin)
    column = [run for run in in_margin if abs(run.x1 - right) <= _LINE_NUMBER_ALIGN_EMS * run.size]
    values = [int(run.text) for run in column]
    return [] if any(b <= a for a, b in zip(values, values[1:], strict=False)) else column


# A dim scan's line numbers, which OCR reads as specks and letters ("s", "„", "SM", "¿@-_"), in
# a strip at the left margin: MARGIN_SPECKS marks or more (a column of hanging labels, "I."
# to "VI.", is fewer), each of a few characters, the strip MARGIN_STRIP_EMS wide at most and
# clear of the text by MARGIN_CLEAR_EMS.
MARGIN_SPECKS = 10
MARGIN_SPECK_CHARS = 4
MARGIN_STRIP_EMS = 2.5
MARGIN_CLEAR_EMS = 0.5
# ... unless a word of theirs comes back this many times (_label_words).
LABEL_WORD_REPEATS = 3


def _margin_specks(runs: Sequence[_Run]) -> list[_Run]:
    """On a scanned page, the marks of a narrow strip at its left margin that no word of the text
    reaches: a line numbering OCR could not read (a dim or dark scan), no part of the lines beside
    it ("s Nội dung A: …" is the heading "Nội dung A: …"). The strip is what lies left of the first
    gap down the whole page, the leftmost marks sorted by where they begin."""
    if len(runs) <= MARGIN_SPECKS or any(run.font != OCR_FONT for run in runs):
        return []
    size = statistics.median(run.size for run in runs)
    ordered = sorted(runs, key=lambda run: run.x0)
    reach = ordered[0].x1
    for n, run in enumerate(ordered[1:], start=1):
        if run.x0 - reach >= MARGIN_CLEAR_EMS * size:
            strip = ordered[:n]
            if (len(strip) >= MARGIN_SPECKS and reach - ordered[0].x0 <= MARGIN_STRIP_EMS * size
                    and all(len(speck.text.strip()) <= MARGIN_SPECK_CHARS for speck in strip)
                    and sum(len(speck.text) for speck in strip) < sum(len(run.text) for run in ordered[n:])
                    and not _label_words(strip)):
                return strip
            return []
        reach = max(reach, run.x1)
    return []


def _label_words(marks: Sequence[_Run]) -> bool:
    """Whether marks at the left margin repeat a word (_WORD_CHARS letters or more) at least
    LABEL_WORD_REPEATS times: a ladder's labels framed in the margin and wrapped there ("Điểm
    nội" over "dung 1.", at each of six headings: pool 47's Thừa Thiên Huế), whose word each
    heading repeats. A line numbering OCR could not read goes up, a different mark on each line."""
    words = Counter(mark.text.strip() for mark in marks if sum(ch.isalpha() for ch in mark.text) >= _WORD_CHARS)
    return any(count >= LABEL_WORD_REPEATS for count in words.values())


# A mark written by hand on a scanned page (the initials a clerk pens at each page's foot, a page
# number written in the corner) that OCR read as a word of a few characters ("JW?", "1W?"): its
# box PEN_MARK_RATIO times the height of the page's type or more, PEN_MARK_CHARS at most.
PEN_MARK_RATIO = 2.0
PEN_MARK_CHARS = 4


def _pen_marks(runs: Sequence[_Run]) -> list[_Run]:
    """On a scanned page, the marks written on it by hand: no words of the report. OCR sizes a
    word by its box, and a scrawl's box is two lines high or more; beside a line (a heading at
    the page's foot, the initials to its right) its band overlaps the line's, and the line was
    read as a table row of two cells ("Hạng mục báo cáo 5: Đoạn đèo… | JW?", pool 38's Thái
    Nguyên: the ladder's fifth heading no heading, no section found). The page's type is the
    median run's size; a printed title is set a few points larger, never twice its text."""
    if len(runs) < 3 or any(run.font != OCR_FONT for run in runs):  # a page of words: their median is the type's
        return []
    size = statistics.median(run.bottom - run.top for run in runs)
    return [run for run in runs if run.bottom - run.top >= PEN_MARK_RATIO * size
            and len(run.text.strip()) <= PEN_MARK_CHARS]


# An arrow a reader drew in the page's left margin pointing at a line, as OCR reads it: its shaft
# as dashes (its tail's hook as an underscore), its head as ">" ("——>", "—>", "_—>").
_PEN_ARROW = re.compile(r"[-–—_~=]*>")
# A word of the text, to tell where the page's lines begin (no speck of dust OCR read as a mark in
# the margin): this many letters or digits.
_WORD_CHARS = 3


def _page_words(runs: Sequence[_Run]) -> list[_Run]:
    """A recognised page's words (_WORD_CHARS letters or digits or more), which tell where its
    text begins and ends; none on a page of text of its own, or of fewer than three runs."""
    if len(runs) < 3 or any(run.font != OCR_FONT for run in runs):
        return []
    return [run for run in runs if sum(ch.isalnum() for ch in run.text) >= _WORD_CHARS]


def _pen_arrows(runs: Sequence[_Run]) -> list[_Run]:
    """On a scanned page, the arrows a reader drew in its margin pointing at lines (pool 42's
    Tuyên Quang and Đồng Nai): no words of the report. Before a heading they hid its label
    ("——> Mục đánh giá 1. …": no section found); before a paragraph's next line they were read
    into its text ("… Luật Ngân ——> sách nhà nước …"). An arrow is such a mark wholly left of
    where the page's leftmost word begins; a typed "->" or a list's dash sits where the text does."""
    words = _page_words(runs)
    arrows = [run for run in runs if _PEN_ARROW.fullmatch(run.text.strip())] if words else []
    if not arrows:
        return []
    left = min(run.x0 for run in words)
    return [run for run in arrows if run.x1 < left]


# A blot or speck in a scanned page's right margin, as OCR reads it ("'®", "°", "@®°", ".e®°"): no
# more than this many letters or digits (a drop read as an "e"), clear of the page's text by
# MARGIN_CLEAR_EMS at least.
BLOT_MARK_ALNUM = 1


def _right_margin_blots(runs: Sequence[_Run]) -> list[_Run]:
    """On a scanned page, the marks OCR read in its right margin, wholly right of where the page's
    rightmost word ends (an ink blot and its splashes, a speck on the glass: pool 43's Hà Nội, Hải
    Dương, Hà Giang): no words of the report. Beside a line their gap is a column's, and the line
    was read as a table row of two cells ("® Mục đánh giá 3. Sợi dây… | '® °": the ladder's third
    heading no heading, §2 not found and §3 holding item 2's text). A word that ends a line, the
    page's text's edge, has letters; a mark has one at most."""
    words = _page_words(runs)
    if not words:
        return []
    right = max(run.x1 for run in words)
    return [run for run in runs if run.x0 - right >= MARGIN_CLEAR_EMS * run.size
            and sum(ch.isalnum() for ch in run.text) <= BLOT_MARK_ALNUM]


# A crease or a scratch across a scanned page (a laser printer's fuser crease, pool 49's scans), as
# OCR reads it where it crosses the lines: marks of dashes, rules and stops ("—.", "_—=", "-——", "—=",
# "__", "—>="), at least CREASE_MARKS of them on one straight line that slants (its slope between
# CREASE_SLOPES) across CREASE_ROWS lines of type or more, each within CREASE_BAND_EMS of it.
_CREASE_MARK = re.compile(r"[-‐‑–—_=~.,:;<>‹›+¬|/\\][-‐‑–—_=~.,:;<>‹›+¬|/\\\s]*")
CREASE_MARKS = 4
CREASE_SLOPES = (0.05, 1.0)
CREASE_ROWS = 3
CREASE_BAND_EMS = 1.0


def _crease_marks(runs: Sequence[_Run]) -> list[_Run]:
    """On a scanned page, the marks a crease or a scratch across it left, which OCR read into the
    lines it crosses: no words of the report. Inside a heading they split its label ("Cấu —. _—=
    phần 2. …"), beside it they made a table row of it ("Cấu phần 3. … | —="), between lines they
    were lines of their own ("-—— —"): pool 49's Lạng Sơn, Hà Giang, Quảng Trị, no section found.
    A list's dash stands at the text's left edge, a range's or a motto's in the text's rows: no
    slanting line of them crosses the page."""
    words = _page_words(runs)
    if not words:
        return []
    size = statistics.median(run.size for run in words)
    left = min(run.x0 for run in words)
    marks = [run for run in runs if _CREASE_MARK.fullmatch(run.text.strip()) and abs(run.x0 - left) > size]
    if len(marks) < CREASE_MARKS:
        return []

    def centre(run: _Run) -> tuple[float, float]:
        return (run.x0 + run.x1) / 2, (run.top + run.bottom) / 2

    best: list[_Run] = []
    for a, b in itertools.combinations(marks, 2):
        (ax, ay), (bx, by) = centre(a), centre(b)
        if abs(bx - ax) < size or not CREASE_SLOPES[0] <= abs((by - ay) / (bx - ax)) <= CREASE_SLOPES[1]:
            continue
        slope = (by - ay) / (bx - ax)
        on = [m for m in marks if abs(centre(m)[1] - (ay + slope * (centre(m)[0] - ax))) <= CREASE_BAND_EMS * size]
        rows = (max(centre(m)[1] for m in on) - min(centre(m)[1] for m in on)) / size
        if len(on) > len(best) and rows >= CREASE_ROWS:
            best = on
    return best if len(best) >= CREASE_MARKS else []


# -- footnotes ----------------------------------------------------------------------------


def _note_marks(runs: Sequence[_Run]) -> list[_Run]:
    """Footnote marks: a number of one or two digits set small (SUPERSCRIPT_RATIO of the
    text it follows at most) and raised, right after a word ("2017¹"). Not on a scanned
    page: its text layer's sizes are the OCR's guesses from each word's height."""
    marks = []
    for before, run in zip(runs, runs[1:], strict=False):
        if (run.font != OCR_FONT and _NOTE_MARK.match(run.text.strip()) and run.size <= SUPERSCRIPT_RATIO * before.size
                and run.bottom < before.bottom - 0.15 * before.size and abs(run.x0 - before.x1) < 0.3 * before.size):
            marks.append(run)
    return marks


def _without_footnotes(lines: list[_Line], marks: Sequence[_Run], height: float) -> list[_Line]:
    """The page's lines with its footnotes set apart: from the lower half's first line that
    starts with the number of a mark on the page ("1 Số liệu do Sở Tài chính…"), the rest
    of the page is notes (a Word document's footnotes are no part of its text). Each note
    line is told its note's mark (`footnote`, its first line labelled "[Chú thích 1] …"),
    and the body line holding a mark is told it (`note_marks`), so the note is kept with that
    paragraph (_blocks, Block.notes). A line after the notes in another size (a page number)
    is left out, as before."""
    numbers = {mark.text.strip() for mark in marks}
    if not numbers:
        return lines
    for k, line in enumerate(lines):
        number = line.text.split(" ", 1)[0]
        if line.top > height / 2 and not line.is_row and number in numbers and len(line.text) > len(number) + 1:
            return _marked(lines[:k], marks) + _note_lines(lines[k:], numbers)
    return lines


# A footnote recognised from a page image: its line opens with its number, a space and a capital
# ("1 Tổng kinh phí …"), at the page's foot (below RECOGNISED_NOTE_BELOW of its height).
RECOGNISED_NOTE_BELOW = 0.8
_RECOGNISED_NOTE = re.compile(r"^(\d{1,2}) (?=[^\W\d_])")
# The raised mark it refers to, as OCR reads it at the end of its line, after the sentence's stop:
# the number itself, or a quote or an apostrophe ("viễn thông.\"", "viễn thông.1").
_RECOGNISED_MARK = re.compile(r"(?<=[.,;:!?…)])\s?([\"'’”`*¹²³]|\d{1,2})$")


def _without_recognised_footnotes(lines: list[_Line], height: float) -> list[_Line]:
    """A recognised page's lines with its footnote set apart, as _without_footnotes does a typed
    page's: the OCR's sizes are guesses from each word's height, so a raised mark is read as a
    letter of its line (_RECOGNISED_MARK), not told by its size. A line at the page's foot opening
    with a number, a space and a capital (_RECOGNISED_NOTE) is a note when a body line above it
    ends in a mark so read, the number itself or a quote after the sentence's stop: the note is
    then kept with that line's paragraph, the mark taken off, and read at the foot of its item
    (a footnote left in the page's lines cut the item's text in two across the page's end, or
    ran into the next item's). Only the first such line and the note's own lines after it."""
    for k, line in enumerate(lines):
        opening = _RECOGNISED_NOTE.match(line.text)
        if line.top < RECOGNISED_NOTE_BELOW * height or line.is_row or not opening \
                or not line.text[opening.end()].isupper():
            continue
        number = opening[1]
        for h in range(k - 1, -1, -1):
            mark = _RECOGNISED_MARK.search(lines[h].text)
            if lines[h].is_row or not mark or (mark[1].isdigit() and mark[1] != number):
                continue
            holder = replace(lines[h], text=lines[h].text[:mark.start()].rstrip(), note_marks=(number,))
            # The OCR's sizes vary from line to line: the note goes on in the lines right under it.
            note = [replace(line, text=labelled(number, line.text[opening.end():].strip()), footnote=number)]
            for after in lines[k + 1:]:
                if after.is_row or after.top - note[-1].bottom > note[-1].bottom - note[-1].top:
                    break
                note.append(replace(after, footnote=number))
            return [*lines[:h], holder, *lines[h + 1:k], *note]
        return lines
    return lines


def _note_lines(lines: list[_Line], numbers: set[str]) -> list[_Line]:
    """The foot's lines as notes: a line opening with a mark's number starts a note, the
    lines after it in its size go on with it; any other line is dropped."""
    notes: list[_Line] = []
    for line in lines:
        number, _, rest = line.text.partition(" ")
        if number in numbers and rest.strip() and not line.is_row:
            notes.append(replace(line, text=labelled(number, rest.strip()), footnote=number))
        elif notes and not line.is_row and abs(line.size - notes[-1].size) < 0.5:
            notes.append(replace(line, footnote=notes[-1].footnote))
    return notes


def _marked(lines: list[_Line], marks: Sequence[_Run]) -> list[_Line]:
    """The body lines, each told the footnote marks set in it: a mark is raised, so it
    belongs to the line whose bottom is nearest its own, between the line's ends."""
    held: dict[int, list[str]] = {}
    for mark in marks:
        near = [(abs(line.bottom - mark.bottom), k) for k, line in enumerate(lines)
                if not line.is_row and line.x0 - line.size <= mark.x0 <= line.x1 + line.size
                and line.top - line.size <= mark.top <= line.bottom]
        if near:
            held.setdefault(min(near)[1], []).append(mark.text.strip())
    return [replace(line, note_marks=tuple(held[k])) if k in held else line for k, line in enumerate(lines)]


# FPDFText_GetTextObject returning a bare address: pypdfium2's binding returns a typed pointer,
# and turning that into an address to compare (ctypes.cast) cost a fifth of `_runs`.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)


def _codes(raw, count: int) -> list[int]:
    """The UTF-16 code of each of the page's `count` characters: all in one call
    (FPDFText_GetText) when that gives one code a character, else one call a character.
    FPDFText_GetText writes U+FFFE for a line-end hyphen PDFium recognised, which
    FPDFText_GetUnicode gives as U+0002 (kept: `_join` reads it), so those are asked again."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer) if count else 1
    if written - 1 != count:
        return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count)]
    codes = buffer[:count]
    for i, code in enumerate(codes):
        if code == 0xFFFE:
            codes[i] = pdfium_c.FPDFText_GetUnicode(raw, i)
    return codes


def _runs(textpage: pdfium.PdfTextPage, page_top: float, turn: _Turn | None = None) -> list[_Run]:
    """Glyphs grouped into runs through PDFium's C API (the Python wrappers cost more
    than the work). A run ends at a new font or size, a line break, a jump back or a gap."""
    raw = textpage.raw
    address = ctypes.cast(raw, ctypes.c_void_p).value
    count = pdfium_c.FPDFText_CountChars(raw)
    codes = _codes(raw, count)
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    runs: list[_Run] = []
    text: list[str] = []
    x0 = x1 = y_top = y_bottom = size = 0.0
    start = 0
    first_word_end: float | None = None
    font, bold = "", False
    heavy_only = char_heavy_only = False
    weight_only: list[bool] = []  # per run: bold by its font's weight alone, not its name nor flags
    angle = char_angle = 0
    angles: list[int] = []  # per run: the way its glyphs run on the page (_way)
    colour = char_colour = 0
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    rgba = tuple(ctypes.byref(c) for c in (red, green, blue, alpha))
    last_object = None
    high_surrogate = 0

    def close(end: int) -> None:
        if text and "".join(text).strip():
            word_end = x1 if first_word_end is None else first_word_end
            # The gaps between its glyphs, measured again, for a run that may be letter-spaced (its
            # first two words single letters) or a recognised one (_advance): not in the loop
            # below, which runs once a glyph.
            measure = font == OCR_FONT or _single_letters(text)
            gaps = _gaps(raw, codes, start, end, turn) if measure else ()
            runs.append(_Run("".join(text), x0, x1, page_top - y_top, page_top - y_bottom, size, font, bold, word_end,
                             gaps=gaps, colour=colour))
            weight_only.append(heavy_only)
            angles.append(angle)
        text.clear()

    for i, code in enumerate(codes):
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        if 0xD800 <= code < 0xDC00:
            high_surrogate = code
            continue
        if 0xDC00 <= code < 0xE000:
            code = 0x10000 + ((high_surrogate - 0xD800) << 10) + (code - 0xDC00) if high_surrogate else 0xFFFD
            high_surrogate = 0
        char = chr(code)
        if char in "\r\n":
            close(i)
            continue
        if char.isspace() or unicodedata.combining(char):
            # Spaces (PDFium adds its own between words) and accents drawn as separate
            # glyphs belong to the run they are in, wherever their box is.
            if text:
                text.append(" " if char.isspace() else char)
                if char.isspace() and first_word_end is None:
                    first_word_end = x1
            continue
        loose_box(raw, i, box_ref)
        obj_address = _text_object_address(address, i)
        if obj_address != last_object:
            last_object = obj_address
            char_size = pdfium_c.FPDFText_GetFontSize(raw, i)
            length = pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), flags)
            char_font = _SUBSET_PREFIX.sub("", name.raw[: max(length - 1, 0)].decode("utf-8", "replace"))
            if (char_size < UNIT_FONT_SIZE and char_font != OCR_FONT
                    and pdfium_c.FPDFText_GetMatrix(raw, i, matrix_ref)):
                # A font set at size 1 and scaled by the text matrix (cairo's way: pdftocairo,
                # browsers' "print to PDF"): the size the glyphs are drawn at is the matrix's. Not
                # OCR's text layer, whose words the scan rules read at the sizes they were tuned on.
                char_size *= math.hypot(matrix.c, matrix.d) or 1.0
            weight = pdfium_c.FPDFText_GetFontWeight(raw, i)
            char_named_bold = bool(_BOLD_NAME.search(char_font)) or bool(flags.value & _FORCE_BOLD_FLAG)
            char_bold = char_named_bold or weight >= 600
            char_heavy_only = char_bold and not char_named_bold
            char_colour = (red.value << 16 | green.value << 8 | blue.value
                           if pdfium_c.FPDFText_GetFillColor(raw, i, *rgba) else 0)
            char_angle = _way(pdfium_c.FPDFText_GetCharAngle(raw, i))
        if turn is not None and turn.rotation:
            left, bottom, right, top = turn.box(box.left, box.bottom, box.right, box.top)
        else:
            left, right, bottom, top = box.left, box.right, box.bottom, box.top
        # Plain comparisons, not abs()/max(): this loop runs once a glyph.
        tolerance = 0.4 * (size if char in _SMALL_MARKS else top - bottom if top - bottom > 1.0 else 1.0)
        if not (text and -tolerance < bottom - y_bottom < tolerance and -0.3 * size < left - x1 < 0.6 * size
                and char_font == font and -0.3 < char_size - size < 0.3 and char_colour == colour
                and char_angle == angle):
            close(i)
            start = i
            x0, x1, y_top, y_bottom = left, right, top, bottom
            size, font, bold, colour, heavy_only = char_size, char_font, char_bold, char_colour, char_heavy_only
            angle = char_angle
            first_word_end = None
        else:
            if left - x1 > 0.15 * size and text[-1] != " ":
                text.append(" ")  # a word space PDFium did not mark (words placed one by one)
                if first_word_end is None:
                    first_word_end = x1
            if right > x1:
                x1 = right
            if top > y_top:
                y_top = top
        text.append(char)
    close(len(codes))
    return _weight_unsaid(*_upright(runs, weight_only, angles))


def _way(angle: float) -> int:
    """A glyph's angle on the page (PDFium's, radians from 0 to 2π) in steps of 15°, a line's
    skew on a scan (a degree or two, either way) none: the way a text runs, not its tilt."""
    if angle > math.pi:
        angle -= 2 * math.pi
    return round(angle / (math.pi / 12))


def _upright(runs: list[_Run], weight_only: list[bool], angles: list[int]) -> tuple[list[_Run], list[bool]]:
    """The runs set the way the page's text runs, without those turned across it: a watermark
    (LibreOffice's "Sign with watermark" prints the office's name up the page, glyph over glyph,
    each one a run glued to the body line it crosses, and a column the page's reading order broke
    on: pool 50's Bắc Giang, Cao Bằng, Khánh Hòa), a stamp set aslant, a margin's note up the
    side. The page's way is its text's for the most part (a page turned whole turns all of it).
    Not a recognised page's words: OCR sets each on its own baseline, a word of a glyph or two
    (a label's misread numeral, "œ ." for "6.") at any slant, and the label rules need them."""
    by_angle: dict[int, int] = {}
    for run, angle in zip(runs, angles, strict=True):
        by_angle[angle] = by_angle.get(angle, 0) + len(run.text)
    if len(by_angle) < 2:
        return runs, weight_only
    way = max(by_angle, key=by_angle.__getitem__)
    kept = [k for k, angle in enumerate(angles) if angle == way or runs[k].font == OCR_FONT]
    return [runs[k] for k in kept], [weight_only[k] for k in kept]


def _weight_unsaid(runs: list[_Run], weight_only: list[bool]) -> list[_Run]:
    """The page's runs, those bold by their font's weight alone plain again where they are most of
    the page's text: a producer that rewrites the fonts' descriptors gives a regular face the weight
    of a bold one (Ghostscript's pdfwrite, a report "compressed" before upload: LiberationSerif
    at 640, its Bold at 685; pool 50's Thái Bình and Bến Tre, every line bold, their sections cut
    at every paragraph). A page's text is not bold for the most part; its bold is then what the
    fonts' names and flags say."""
    heavy = sum(len(run.text) for run, alone in zip(runs, weight_only, strict=True) if alone)
    if 2 * heavy <= sum(len(run.text) for run in runs):
        return runs
    return [replace(run, bold=False) if alone else run for run, alone in zip(runs, weight_only, strict=True)]


def _single_letters(text: Sequence[str]) -> bool:
    """Whether a run's characters open with two one-letter words ("K Ế T", "Đ Ề", "I -")."""
    k = 0
    for _ in range(2):
        k += 1
        while k < len(text) and unicodedata.combining(text[k]):
            k += 1
        if k < len(text) and text[k] != " ":
            return False
        k += 1
    return k <= len(text) + 1


def _gaps(raw, codes: Sequence[int], start: int, end: int, turn: _Turn | None) -> tuple[float, ...]:
    """The gap before each glyph of characters start..end after the first, as `_runs` measures
    it (from the right edge of the glyphs before it); spaces and accents are no glyphs."""
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    gaps: list[float] = []
    right_edge: float | None = None
    for k in range(start, end):
        code = codes[k]
        if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code < 0xDC00:
            continue
        if not 0xDC00 <= code < 0xE000 and (chr(code).isspace() or unicodedata.combining(chr(code))):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, k, box_ref)
        if turn is not None and turn.rotation:
            left, _, right, _ = turn.box(box.left, box.bottom, box.right, box.top)
        else:
            left, right = box.left, box.right
        if right_edge is None:
            right_edge = right
            continue
        gaps.append(left - right_edge)
        right_edge = max(right_edge, right)
    return tuple(gaps)


def _lines(page: int, runs: Sequence[_Run]) -> list[_Line]:
    """Runs sharing a baseline band make a line, read left to right; a wide gap between
    two runs separates table cells. On a recognised page, a label framed in the left margin
    and wrapped there is read whole, before the title beside it (_margin_frame_labels)."""
    groups = [sorted(group, key=lambda r: r.x0) for group in _without_steps(_rows(runs))]
    labels = _margin_frame_labels(groups)
    lines = []
    for k, group in enumerate(groups):
        if k not in labels:
            lines.append(_line(page, group))
            continue
        label_rows, title_runs = labels[k]
        if not title_runs:
            continue  # a line of the label, read with its first
        framed, title = [_line(page, row) for row in label_rows], _line(page, title_runs)
        label = " ".join(line.text for line in framed)
        inks = [line.ink for line in (*framed, title) if line.ink is not None]
        lines.append(replace(
            title, text=f"{label} {title.text}", x0=framed[0].x0, top=min(framed[0].top, title.top),
            bold=all(line.bold for line in framed) and title.bold,
            cells=(f"{label} {title.cells[0]}", *title.cells[1:]) if title.cells else (),
            first_word_width=framed[0].first_word_width, ink=sum(inks, Ink()) if inks else None,
            lead=f"{label} {title.lead}" if title.lead and all(line.bold for line in framed) else "",
            margin_label=True))
    return lines


# A label framed in the left margin: its lines at most this many words each, ...
MARGIN_LABEL_WORDS = 4
# ... clear of the title beside it by at least this many ems (the frame's edge, the body's indent), ...
MARGIN_LABEL_GAP_EMS = 1.0
# ... and its next line under it closer than this many line heights.
MARGIN_LABEL_LEADING = 1.0


def _margin_frame_labels(groups: list[list[_Run]]) -> dict[int, tuple[list[list[_Run]], list[_Run]]]:
    """On a recognised page, the labels set in a narrow frame in the left margin beside their
    titles and wrapped there ("Phần tình" over "hình I.", the title "Bánh xe gốm…" beside the
    first line): OCR reads the frame's first line with the title's row ("Phần tình Bánh xe…")
    and its next lines alone under it ("hình I."), where a reader reads "Phần tình hình I. Bánh
    xe…". A row that opens with a few words in the margin, clear of the rest, which starts at
    the text's left edge (where more of the page's lines start than run across it from the
    margin's), and a row right under it of a few words in that margin band alone, are one label.
    Per row of the label, the label's rows' runs and the title's (none for the rows under it)."""
    if not any(run.font == OCR_FONT for group in groups for run in group):
        return {}
    labels: dict[int, tuple[list[list[_Run]], list[_Run]]] = {}
    for k, group in enumerate(groups):
        size = statistics.median(r.size for r in group)
        cut = next((i for i in range(1, len(group))
                    if group[i].x0 - group[i - 1].x1 >= MARGIN_LABEL_GAP_EMS * size), None)
        if k in labels or cut is None or len(" ".join(r.text for r in group[:cut]).split()) > MARGIN_LABEL_WORDS:
            continue
        left, edge = group[0].x0, group[cut].x0
        # lines starting at the title's edge, and lines from the label's left edge running on past
        # it: more of those, and the label's edge is the text's, a list's or a table's column
        at_edge = sum(abs(row[0].x0 - edge) < 0.5 * size for row in groups if row)
        across = sum(abs(row[0].x0 - left) < 0.5 * size
                     and any(r.x0 < edge - 0.5 * size and r.x1 > edge for r in row) for row in groups if row)
        if at_edge < 3 or at_edge <= across:
            continue
        label, bottom = [group[:cut]], max(r.bottom for r in group[:cut])
        below = k + 1
        while below < len(groups):
            under = groups[below]
            if (not under or abs(under[0].x0 - left) > 0.5 * size or any(r.x1 > edge - 0.5 * size for r in under)
                    or min(r.top for r in under) - bottom
                    > MARGIN_LABEL_LEADING * statistics.median(r.bottom - r.top for r in under)
                    or len(" ".join(r.text for r in under).split()) > MARGIN_LABEL_WORDS):
                break
            label.append(under)
            bottom = max(r.bottom for r in under)
            below += 1
        if below == k + 1:
            continue
        labels[k] = (label, list(group[cut:]))
        labels.update((j, ([], [])) for j in range(k + 1, below))
    return labels


def _steps_apart(a: _Run, b: _Run) -> bool:
    """Whether two runs side by side on one row stand a step apart: top and bottom both moved
    by more than STEP_SHARE of the lower run's height (a skewed line drifts by a fraction of
    a point from word to word; a word of another size, or a raised mark, keeps one edge)."""
    step = STEP_SHARE * min(a.bottom - a.top, b.bottom - b.top)
    return abs(a.top - b.top) > step and abs(a.bottom - b.bottom) > step


def _without_steps(groups: list[list[_Run]]) -> list[list[_Run]]:
    """The rows of a recognised page, the words of one line taken back from the row of a
    label beside it: a label framed in the left margin and wrapped there ("Nhóm" over
    "nhiệm vụ 4:") sets its last line half a line above the item's first, and on a skewed
    page the first words of that line (or its last, skewed the other way) overlap the
    label's band by just over half and were read on the label's row ("nhiệm vụ 4: Tổng
    kinh", the rest of the line under it). A row whose words, left to right, step up or down
    (_steps_apart) is cut at the step; the part beyond it goes to the row whose word nearest
    it shares its band (the row it was read away from), and stays where no row does."""
    if not any(run.font == OCR_FONT for group in groups for run in group):
        return groups
    groups = [sorted(group, key=lambda r: r.x0) for group in groups]
    for k, group in enumerate(groups):
        step = next((i for i in range(1, len(group)) if _steps_apart(group[i - 1], group[i])), None)
        if step is None:
            continue
        for part, edge in ((group[step:], group[step]), (group[:step], group[step - 1])):
            home = [j for j, other in enumerate(groups) if j != k and other and _same_line(
                min(other, key=lambda r: abs((r.x0 + r.x1) / 2 - (edge.x0 + edge.x1) / 2)), edge)
                and not _steps_apart(min(other, key=lambda r: abs(r.x0 - edge.x0)), edge)]
            if len(home) == 1:
                groups[home[0]] = sorted([*groups[home[0]], *part], key=lambda r: r.x0)
                groups[k] = [run for run in group if run not in part]
                break
    return [group for group in groups if group]


def _same_line(a: _Run, b: _Run) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _line(page: int, runs: Sequence[_Run]) -> _Line:
    recognised = runs[0].font == OCR_FONT
    if recognised:
        runs = _without_leader_junk(runs)
    else:
        runs = _without_mark_before_label(runs)
    cells: list[list[str]] = [[]]
    previous = None
    for run in runs:
        if previous is not None:
            gap = run.x0 - previous.x1
            after_label = len(cells) == 1 and _is_label_only("".join(cells[0]), recognised)
            if gap > CELL_GAP_EMS * max(run.size, previous.size) and not after_label:
                cells.append([])
            elif (gap > 0.15 * run.size and cells[-1] and not cells[-1][-1].endswith(" ")
                  and not run.text.startswith(" ")):
                cells[-1].append(" ")
        cells[-1].append(run.text)
        previous = run
    texts = tuple(_clean("".join(cell)) for cell in cells)
    spaced = None
    if len(texts) == 1 and _SPACED_LETTERS.search(texts[0]):
        spaced = _letter_spaced(runs)
        texts = (spaced or texts[0],)
    main = Counter()
    sizes = _type_sizes(runs)
    worded = len(runs) - _leader_runs(runs)
    for run, size in zip(runs[:worded], sizes, strict=False):
        main[(size, run.font)] += len(run.text.strip())
    (size, font), _ = main.most_common(1)[0]
    # a word's worth of letters: a footnote's mark, or a stray glyph, says nothing of the size
    sized = [run_size for run, run_size in zip(runs, sizes, strict=True) if sum(ch.isalnum() for ch in run.text) >= 2]
    small_caps = _in_small_capitals(runs)
    weighed = _weighed_runs(runs) if recognised else runs
    if font == OCR_FONT:
        texts = tuple(text for text in map(_without_rule_glyphs, texts) if text) or ("",)
    # Word draws an auto-number ("I." then a tab) in the paragraph mark's font, often
    # not bold under a bold heading; the heading is bold if its words are.
    labelled = len(runs) > 1 and _is_label_only(runs[0].text, recognised)
    colours = {r.colour for r in runs[1 if labelled else 0 :] if r.text.strip()}
    return _Line(
        page=page,
        text=" | ".join(texts),
        x0=runs[0].x0,
        x1=max(r.x1 for r in runs),
        top=min(r.top for r in runs),
        bottom=max(r.bottom for r in runs),
        size=size,
        font=font,
        bold=all(r.bold for r in runs[1 if labelled else 0 : worded]),
        cells=texts if len(texts) > 1 else (),
        text_x0=runs[1].x0 if labelled else runs[0].x0,
        first_word_width=runs[0].first_word_end - runs[0].x0,
        ink=sum((r.ink for r in weighed if r.ink is not None), Ink()) if any(r.ink for r in weighed) else None,
        lead=_bold_lead(weighed, " | ".join(texts)) if len(texts) == 1 else "",
        small_caps=small_caps,
        spaced=spaced is not None,
        advance=_advance(runs) if font == OCR_FONT else 0.0,
        colour=colours.pop() if len(colours) == 1 else MIXED_COLOUR,
        start_size=sized[0] if sized and abs(sized[0] - size) >= 0.5 else 0.0,
        end_size=sized[-1] if sized and abs(sized[-1] - size) >= 0.5 else 0.0,
    )


def _without_mark_before_label(runs: Sequence[_Run]) -> Sequence[_Run]:
    """A text line's runs without the glyphs drawn before its heading's label (a checkbox "☒",
    a SYMBOL field's Wingdings square, a private-use bullet: _picture_glyph), when a label
    follows them ("Vấn đề 1:", "Phần tổng hợp I.", "Mục thứ nhất:"): the number carries the
    heading, the picture is no word of it, and left in front it hides the label from the
    ladder and its plain font from the line's bold. The line keeps its left edge (the mark's,
    where the paragraph starts). A mark before words alone is a bullet and stays
    (parse/bullets.py)."""
    marks = 0  # leading glyphs that are pictures, whitespace between them aside
    for k, run in enumerate(runs):
        for ch in run.text:
            if ch.isspace():
                continue
            if not _picture_glyph(ch, run.font) or marks == _LABEL_MARK_GLYPHS:
                return _cut_mark(runs, k, run.text.index(ch)) if marks else runs
            marks += 1
    return runs


def _cut_mark(runs: Sequence[_Run], k: int, start: int) -> Sequence[_Run]:
    """The runs from the k-th run's character `start` on, when they open with a label; else
    all of them. The first kept run takes the line's left edge."""
    rest = [replace(runs[k], text=runs[k].text[start:]), *runs[k + 1:]]
    words = rest[0].text
    for before, run in zip(rest, rest[1:], strict=False):
        words += " " if run.x0 - before.x1 > 0.15 * run.size and not run.text.startswith(" ") else ""
        words += run.text
    words = _clean(words)
    if not (leading_label(words) or template_label(words)):
        return runs
    return [replace(rest[0], x0=runs[0].x0), *rest[1:]]


def _picture_glyph(ch: str, font: str) -> bool:
    """Whether a glyph is a picture, not a letter or a sign of the text: any glyph of a symbol
    font (_SYMBOL_FONT), and a symbol or private-use character in any (_PICTURE_CATEGORIES)."""
    return bool(_SYMBOL_FONT.search(font)) or unicodedata.category(ch) in _PICTURE_CATEGORIES


def _weighed_runs(runs: Sequence[_Run]) -> Sequence[_Run]:
    """A recognised line's runs whose ink tells its weight: those ending it that ink little of
    their box (LEADER_COVERAGE, LEADER_SHARE) left out, a leader's dots to the margin as read on a dim, grainy
    photo ("Hợp phần 2: Bảng vàng ghi công Xin... . ó4... Áo l2..."), which OCR does not always
    read as dots (_without_leader_junk) and whose thin specks made a bold heading's strokes
    measure as the body's. All of them when none has words' ink."""
    densest = max((run.ink.coverage for run in runs if run.ink is not None), default=0.0)
    end = len(runs)
    while end > 0 and runs[end - 1].ink is not None and runs[end - 1].ink.coverage < min(
            LEADER_COVERAGE, LEADER_SHARE * densest):
        end -= 1
    return runs[:end] or runs


def _leader_runs(runs: Sequence[_Run]) -> int:
    """How many runs at the line's end are a leader of dots to the margin after its words
    ("Nội dung A: Tiêu đề……………"): a tab's fill, drawn in the tab's face, which Word leaves
    plain under a bold heading. Not the line's face: its words tell its weight and its font."""
    count = 0
    for run in reversed(runs[1:]):
        if not _LEADER_RUN.fullmatch(run.text):
            break
        count += 1
    return count if count and LEADER_TO_MARGIN.search("".join(r.text for r in runs).rstrip()) else 0


def _without_leader_junk(runs: Sequence[_Run]) -> list[_Run]:
    """A recognised line's runs, what OCR made of a leader of dots to the margin after its words
    ("Đề án……………") cut off: Tesseract reads the dots as the last word's tail, then as letters,
    digits and specks ("án.......--", "QUỸ......oó....c5ĂSĂ", "--¿- - + ©++++£++t+xsEvk", "o- <5
    s << 99 9 9 99 524989"), in that word or in runs over the dots or after them up to the
    margin, which made the heading no heading (its ink thinned: not bold; its line full: its
    paragraph ran on into the item's text). The word keeps its dots (LEADER_DOTS or more), as a
    typed leader is read; the next cell (a wide gap), a contents line's page number and a blank
    to fill with words after it ("Tổng số: ………… triệu đồng", a word of Vietnamese written
    with its marks, in lower case) are left as read."""
    for at, run in enumerate(runs):
        dots = _LEADER_DOTS.search(run.text)
        if dots is None:
            continue
        pairs = zip(runs[at:], runs[at + 1:], strict=False)
        after = list(itertools.takewhile(lambda pair: pair[1].x0 - pair[0].x1 <= CELL_GAP_EMS * pair[1].size, pairs))
        tail = " ".join([run.text[dots.end():], *(r.text for _, r in after)]).split()
        if _PAGE_AFTER_LEADER.fullmatch(tail[-1] if tail else "") or any(map(_written_word, tail)):
            return list(runs)
        return [*runs[:at], replace(run, text=run.text[:dots.end()] + " "), *runs[at + 1 + len(after):]]
    return _without_sparse_leader(runs)


def _without_sparse_leader(runs: Sequence[_Run]) -> list[_Run]:
    """A recognised line's runs, a leader to the margin that OCR read in pieces ("công Xin... .
    ó4... Áo l2... E8 2/208 n0 tac cu" on a dim, grainy photo) made one run of dots: the runs
    ending the line that ink little of their box (LEADER_COVERAGE, _weighed_runs), the first of
    them opening with dots or a word and dots, LEADER_DOTS dots among them. A contents line's page
    number and a blank's words after it are inked as words and end no such tail."""
    tail = len(runs) - len(_weighed_runs(runs))
    if not tail or tail == len(runs):
        return list(runs)
    first, last = runs[-tail], runs[-1]
    word, dot, _ = first.text.partition(".")
    if not dot or len(word.split()) > 1 or sum(run.text.count(".") for run in runs[-tail:]) < LEADER_DOTS:
        return list(runs)
    leader = replace(first, text=word + "." * LEADER_DOTS + " ", x1=last.x1,
                     ink=sum((run.ink for run in runs[-tail:] if run.ink is not None), Ink()))
    return [*runs[:-tail], leader]


def _written_word(token: str) -> bool:
    """A word of Vietnamese as written, in lower case with its marks ("triệu", "đồng"), not what
    OCR makes of dots (letters without marks, capitals, digits and specks)."""
    return token.isalpha() and token.islower() and 2 <= len(token) <= 7 and any(
        ch == "đ" or unicodedata.normalize("NFD", ch) != ch for ch in token)


def _letter_spaced(runs: Sequence[_Run]) -> str | None:
    """The text of a line set with letter spacing ("K Ế T   Q U Ả", a title spread out by
    character spacing) as its words, "KẾT QUẢ"; None if the line is not letter-spaced. Its
    letters stand apart by one gap, regular and wide for the type size (LETTER_SPACED_EMS); a
    word ends where a gap is wider by a space. Read from the glyphs' places alone, never from the
    words: a one-letter word of prose has a word space around it, not a letter gap."""
    # Each glyph (with its accents), the gap before it (None: not measured), a space before it.
    units: list[tuple[str, float | None, bool]] = []
    previous = None
    for run in runs:
        glyphs = _glyphs_of(run.text)
        gap = None if previous is None else run.x0 - previous.x1
        if len(glyphs) != len(run.gaps) + 1:
            # A run `_runs` did not measure (its first word no single letter): its words as they are.
            units.extend((word, gap if k == 0 else None, k > 0 or previous is not None)
                         for k, word in enumerate(run.text.split()))
        else:
            units.extend((glyph, run.gaps[k - 1] if k else gap, spaced if k else previous is not None)
                         for k, (glyph, spaced) in enumerate(glyphs))
        previous = run
    size = max(run.size for run in runs)
    gaps = sorted(gap for _, gap, _ in units if gap is not None)
    if len(gaps) < 3:
        return None
    letter_gap = gaps[len(gaps) // 4]  # most gaps are between letters; word gaps are the wider ones
    if letter_gap < LETTER_SPACED_EMS * size:
        return None
    low, high = letter_gap - LETTER_GAP_SPREAD_EMS * size, letter_gap + LETTER_GAP_SPREAD_EMS * size
    if sum(low <= gap <= high for gap in gaps) < 2:
        return None
    word_gap = letter_gap + WORD_GAP_EMS * size
    text: list[str] = []
    for glyph, gap, spaced in units:
        if (gap is None and spaced) or (gap is not None and (gap > word_gap or (gap < low and spaced))):
            text.append(" ")
        text.append(glyph)
    return _clean("".join(text))


def _advance(runs: Sequence[_Run]) -> float:
    """A recognised line's letters' mean advance in ems, read off its words in lower case (a
    capital is wider); 0.0 if it has too few (ADVANCE_MIN_LETTERS) to tell. The OCR layer spreads
    a word's glyphs over the word's box, so a word set with letter spacing has wider glyphs."""
    span = letters = 0.0
    for run in runs:
        glyphs = _glyphs_of(run.text)
        if len(glyphs) != len(run.gaps) + 1 or sum(ch.islower() for ch in run.text) <= sum(
                ch.isupper() for ch in run.text):
            continue
        span += run.x1 - run.x0 - sum(gap for gap in run.gaps if gap > 0)
        letters += len(glyphs)
    if letters < ADVANCE_MIN_LETTERS:
        return 0.0
    return span / letters / max(run.size for run in runs)


def _spaced_by_advance(pages: list[_Page]) -> list[_Page]:
    """A scanned page's lines marked letter-spaced when their letters' advance is
    SPACED_ADVANCE_RATIO times the body text's (the median line's, by letters, over the whole
    document): Tesseract reads a letter-spaced word whole, and only its width tells."""
    advances = Counter()
    for page in pages:
        for line in page.lines:
            if line.advance:
                advances[line.advance] += len(line.text)
    if not advances:
        return pages
    spaced_from = SPACED_ADVANCE_RATIO * _weighted_median(advances)
    return [replace(page, lines=tuple(
        replace(line, spaced=True) if line.advance >= spaced_from and not line.is_row else line
        for line in page.lines)) for page in pages]


def _glyphs_of(text: str) -> list[tuple[str, bool]]:
    """A run's glyphs as `_runs` measured them, each with the accents drawn after it, and
    whether a space came before it."""
    glyphs: list[tuple[str, bool]] = []
    spaced = False
    for char in text:
        if char.isspace():
            spaced = True
        elif unicodedata.combining(char) and glyphs:
            glyphs[-1] = (glyphs[-1][0] + char, glyphs[-1][1])
        else:
            glyphs.append((char, spaced))
            spaced = False
    return glyphs


def _in_small_capitals(runs: Sequence[_Run]) -> bool:
    """A line set in small capitals, as a PDF draws them: every letter a capital, those typed
    in lower case smaller (SMALL_CAPITALS of the type size), so that a word changes size right
    after its first letter ("N" then "HỮNG"). Its size, read by most of its letters, is the
    small capitals': a heading in small capitals a size larger than the body came out the
    body's size, and ran on into the paragraph under it (_continues)."""
    if not _capitals("".join(run.text for run in runs)):
        return False
    return any(_small_capitals_after(a, b) for a, b in zip(runs, runs[1:], strict=False))


def _small_capitals_after(a: _Run, b: _Run) -> bool:
    """Whether `b` goes on `a`'s word in small capitals: a letter right after a letter, drawn
    SMALL_CAPITALS of its size ("N" then "HỮNG")."""
    return (a.text[-1:].isalpha() and b.text[:1].isalpha() and b.x0 - a.x1 < 0.15 * a.size
            and SMALL_CAPITALS[0] <= b.size / a.size <= SMALL_CAPITALS[1])


def _type_sizes(runs: Sequence[_Run]) -> list[float]:
    """Each run's type size: a run of small capitals is set in the size of the capital it goes
    on from, not the smaller one it is drawn in; so a title in small capitals run into its
    paragraph ("2. N" "HỮNG …" "2018 UBND tỉnh …") is a line of the paragraph's size."""
    sizes = [run.size for run in runs]
    for k in range(1, len(runs)):
        if runs[k].text.upper() == runs[k].text and _small_capitals_after(runs[k - 1], runs[k]):
            sizes[k] = sizes[k - 1]
    return sizes


def _capitals(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text.upper() == text


def _without_rule_glyphs(text: str) -> str:
    """A recognised cell without what Tesseract made of drawn lines: the sides of a heading's
    box read as "|", "[" or "]" at the line's ends or as cells of their own ("| 1. Giai
    đoạn… | |", "|4. Kinh phí"), an underline under a wide space read as "_" ("2._ Những…",
    "1. _ Tình hình…"); they hid the heading's numbering (pool 5's boxed and underlined
    headings)."""
    while True:
        cleaned = clean_line(_RULE_GLYPHS.sub("", text))
        if cleaned == text:
            return text
        text = cleaned


def _bold_lead(runs: Sequence[_Run], text: str) -> str:
    """The bold sentence (or words ending in a colon, or a numbered title: labels.is_lead) a
    line opens with, its rest not bold, or the same set in small capitals, its rest in the body's
    type (_small_capitals_lead), or on a scanned line the same seen in the ink (_inked_lead); ""
    for none. Spaces between runs are the line's own, so it is read off the line's text."""
    bold = []
    for run in runs:
        if not run.bold and run.text.strip():
            break
        bold.append(run.text)
    else:
        return ""
    letters = len("".join("".join(bold).split())) or _small_capitals_lead(runs) or _inked_lead(runs)
    if not letters:
        return ""
    # Where the bold letters end in the line's text: after as many letters, spaces aside.
    count, end = 0, len(text)
    for at, ch in enumerate(text):
        count += not ch.isspace()
        if count == letters:
            end = at + 1
            break
    lead = text[:end].strip()
    return lead if end < len(text.rstrip()) and is_lead(lead, text[end:]) else ""


def _inked_lead(runs: Sequence[_Run]) -> int:
    """How many letters (spaces aside) of a scanned line's opening words, up to the first that
    ends in a colon or a full stop, are inked BOLD_STROKE_RATIO times as heavy as the words after
    them: a bold lead run into its paragraph ("Về ngân quỹ tỉnh đã dồn…: Tính chung cả vốn…"),
    which the OCR layer, with no weight, does not show and which leaves the line as a whole
    bold or not by how much of it the lead takes (_bold_by_ink). 0 for none; a label ("d.",
    "1.") or a word is too little ink to weigh."""
    if not runs or any(run.ink is None for run in runs):
        return 0
    def heavy(end: int) -> bool:
        lead = sum((run.ink for run in runs[:end]), Ink()).stroke_width
        rest = sum((run.ink for run in runs[end:]), Ink()).stroke_width
        return bool(lead and rest and lead >= BOLD_STROKE_RATIO * rest)

    end = next((k for k, run in enumerate(runs[:-1], start=1) if run.text.rstrip().endswith((":", "."))), 0)
    opening = "".join(run.text for run in runs[:end])
    if end and leading_label(opening.strip()) and not strip_label(opening.strip()).split():
        # "IV. Đồng vốn đã tiêu 'Tổng kinh phí…": the stop is the label's; a numbered title with
        # none after it ends where its words part best from the rest by their ink (_ink_split)
        titled = [k for k in range(end + 1, len(runs))
                  if len(strip_label("".join(run.text for run in runs[:k]).strip()).split()) >= INKED_LEAD_WORDS]
        end = _ink_split(runs, [k for k in titled if heavy(k)])
        opening = "".join(run.text for run in runs[:end])
    if not end or len(strip_label(opening.strip()).split()) < INKED_LEAD_WORDS:
        return 0
    return len("".join(opening.split())) if heavy(end) else 0


def _ink_split(runs: Sequence[_Run], ends: Sequence[int]) -> int:
    """Of the places `ends` a line's runs may be split at, the one that parts its heavy opening
    from its regular rest best: the most between the two parts' stroke widths, each counted by
    its letters (Otsu's measure); the last heavy one is often a regular word or two too far, its
    first short of the title's end. 0 for none."""
    def score(end: int) -> float:
        lead, rest = (sum((run.ink for run in part), Ink()) for part in (runs[:end], runs[end:]))
        letters = [sum(len("".join(run.text.split())) for run in part) for part in (runs[:end], runs[end:])]
        return letters[0] * letters[1] * (lead.stroke_width - rest.stroke_width) ** 2

    return max(ends, key=score, default=0)


def _small_capitals_lead(runs: Sequence[_Run]) -> int:
    """How many letters (spaces aside) of a line's opening words are set in small capitals,
    its rest in the body's type: a title run into its item's first paragraph, set apart by
    small capitals rather than bold ("2. N" "HỮNG … TỪ NĂM " "2018 UBND tỉnh …"). The title runs
    to its last word drawn in the smaller capitals, and on over the words with no letters after
    it (a year: small capitals draw figures full size); every run up to there is capitals. 0
    for none."""
    last = max((k for k, (a, b) in enumerate(zip(runs, runs[1:], strict=False), start=1)
                if _small_capitals_after(a, b)), default=0)
    if not last or not all(run.text.upper() == run.text for run in runs[: last + 1]):
        return 0
    letters = sum(len("".join(run.text.split())) for run in runs[: last + 1])
    if last + 1 < len(runs) and not runs[last + 1].text[:1].isspace() and runs[last].text[-1:].isalpha():
        return letters  # the next run goes on the title's last word: it ends there
    for word in runs[last + 1].text.split() if last + 1 < len(runs) else ():
        if any(ch.isalpha() for ch in word):
            break
        letters += len(word)
    return letters


def _is_label_only(text: str, recognised: bool = False) -> bool:
    """A number label or a list's bullet, nothing more ("I.", "-", "❖", a symbol font's "");
    on a recognised page only a typed bullet's marks: OCR reads specks as symbols ("¬", "="),
    and a label behind the symbols a picture bullet was read as ("® 1.", its tab after it
    wide as a column's gap) is a label."""
    text = without_picture_marks(text.strip()) if recognised else text.strip()
    return bool(text) and (leading_label(text) == text or text in "-+•–—*"
                           or (not recognised and is_list_mark(text)))


def _clean(text: str) -> str:
    """NFC, with accents PDFium separated from their letter by a space put back on it."""
    return clean_line(_SPACE_BEFORE_MARK.sub("", text))


# -- ruled tables (pdfplumber) -----------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: tuple[tuple[tuple[float, float, float, float] | None, ...], ...]


def _has_vertical_rules(paths: Sequence[tuple[float, float, float, float]]) -> bool:
    """At least two vertical strokes or boxes among the page's drawn paths (their bounds):
    a ruled table may be here. An underline or a rule under the header is not enough to
    pay for pdfplumber."""
    return sum(top - bottom > 5 for _, bottom, _, top in paths) >= 2


def _page_tables(objects: Sequence, page_top: float, turn: _Turn | None = None
                 ) -> tuple[tuple[_Table, ...], tuple[_Box, ...], tuple[_Box, ...]]:
    """The tables the page's drawn rules make, found as pdfplumber finds them ("lines"
    strategy: rules snapped and joined 3 pt apart, cells between their crossings, cells
    sharing a corner one table), from the rules PDFium gives: pdfplumber reading the same
    page through pdfminer cost 0.3-0.5 s a page, most of a report's reading time. And the
    cells of its tables of one column, which are frames round text, no tables (_frame_cells);
    and the cells that share no corner with another, boxes ruled round a paragraph (a
    heading's border), which pdfplumber leaves out of its tables: frames too."""
    from pdfplumber.table import (  # imported here: most reports never need it
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )
    from pdfplumber.utils import filter_edges

    edges = [edge for obj, form in objects for edge in _path_edges(obj, form, page_top, turn)]
    edges = filter_edges(edges, "v", min_length=1) + filter_edges(edges, "h", min_length=1)
    edges = filter_edges(merge_edges(edges, 3, 3, 3, 3), min_length=3)
    cells = intersections_to_cells(edges_to_intersections(edges, 3, 3))
    groups, frames = [], []
    joined = cells_to_tables(cells)
    for group in joined:
        frame = _frame_cells(group)
        groups.extend(cells_to_tables([cell for cell in group if cell not in frame]) if frame else [group])
        frames.extend(sorted(frame, key=lambda cell: cell[1]))
    in_tables = {cell for group in joined for cell in group}
    boxes = tuple(sorted((cell for cell in cells if cell not in in_tables), key=lambda cell: cell[1]))
    tables = [Table(None, group) for group in groups]
    return tuple(_Table(bbox=table.bbox, rows=tuple(tuple(row.cells) for row in table.rows)) for table in tables
                 if len(table.rows) >= 2 or len(table.rows[0].cells) >= 2), tuple(sorted(
                     frames + list(boxes), key=lambda cell: cell[1])), boxes


def _frame_cells(cells: Sequence[_Box]) -> set[_Box]:
    """The cells of a table of one column (x0, top, x1, bottom each): a frame drawn around
    text, not a grid of figures ("1. Heading" in one row, its text in the next, a box round
    a paragraph). Its text is read as lines and paragraphs like the page's; read as rows,
    a heading in it was one cell of a table, no heading. The cells of a table set inside
    one of its cells (a funding table in an item's text) are no part of the frame: they stay
    a table. A table is one column when every cell not inside another spans its width."""
    def inside(cell, outer) -> bool:
        return (cell != outer and cell[0] >= outer[0] - _FRAME_SLACK and cell[2] <= outer[2] + _FRAME_SLACK
                and cell[1] >= outer[1] - _FRAME_SLACK and cell[3] <= outer[3] + _FRAME_SLACK)

    left, right = min(cell[0] for cell in cells), max(cell[2] for cell in cells)
    outer = [cell for cell in cells if not any(inside(cell, other) for other in cells)]
    if any(cell[0] > left + _FRAME_SLACK or cell[2] < right - _FRAME_SLACK for cell in outer):
        return set()
    return set(outer)


def _path_edges(obj, form: _Matrix, page_top: float, turn: _Turn | None = None) -> list[dict]:
    """A drawn path's straight, level or upright pieces as pdfplumber's edges (x0, x1, top,
    bottom, width, height, orientation), in page coordinates from the top; `form`, where the
    content it is drawn in is placed on the page (_drawn_paths)."""
    a, b, c, d, e, f = _then(obj.get_matrix().get(), form)
    raw = obj.raw
    x, y = ctypes.c_float(), ctypes.c_float()
    edges = []
    start = last = None
    for i in range(pdfium_c.FPDFPath_CountSegments(raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        if turn is not None and turn.rotation:
            px, py = turn.point(px, py)
        point = (px, page_top - py)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO or last is None:
            start = point
        else:
            edges.append((last, point))
        last = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            edges.append((last, start))
            last = start
    found = []
    for (x0, y0), (x1, y1) in edges:
        level, upright = abs(y0 - y1) < 0.01, abs(x0 - x1) < 0.01
        if level == upright:
            continue  # slanted, or a point
        left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        found.append({"x0": left, "x1": right, "top": top if upright else y0, "bottom": bottom if upright else y0,
                      "width": right - left, "height": bottom - top, "orientation": "v" if upright else "h",
                      "object_type": "line"})
    return found


def _pages(numbers: Sequence[int]) -> str:
    return (N_("page {number}").format(number=numbers[0]) if len(numbers) == 1 else
            N_("pages {numbers}").format(numbers=", ".join(map(str, numbers))))


def _library_error(error: BaseException) -> str:
    """pdfplumber wraps pdfminer's exception in its own, with the original as argument."""
    inner = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], BaseException) else error
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__


def _centre_in(run: _Run, bbox: tuple[float, float, float, float], width: float = math.inf) -> bool:
    """Whether the middle of what the page shows of a run (`width` its width) is in the box: a
    table too wide for its column or page runs off the page's edge, cut there, rules and all; the
    text of its last column runs on past the edge, and starts in the cell that holds it."""
    x, y = (max(run.x0, 0.0) + min(run.x1, width)) / 2, (run.top + run.bottom) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _table_rows(page: int, table: _Table, runs: Sequence[_Run], width: float = math.inf) -> list[_Line]:
    holding = {cell: [r for r in runs if _centre_in(r, cell, width)] for cells in table.rows for cell in cells
               if cell}
    # The cells' inner margin: where the text of a cell set flush left starts.
    padding = max(min((r.x0 - cell[0] for cell, inside in holding.items() for r in inside), default=0.0), 0.0)
    rows, cells_of = [], []
    for cells in table.rows:
        present = [cell for cell in cells if cell is not None]
        if not present:
            continue
        texts = [_cell_text(page, cell, holding[cell], padding) for cell in present]
        if not any(texts):
            continue
        members = [r for r in runs if any(_centre_in(r, cell, width) for cell in present)]
        cells_of.append(present)
        rows.append(
            _Line(
                page=page,
                text=" | ".join(texts),
                x0=min(c[0] for c in present),
                x1=max(c[2] for c in present),
                top=min(c[1] for c in present),
                bottom=max(c[3] for c in present),
                size=members[0].size if members else 0.0,
                font=members[0].font if members else "",
                bold=bool(members) and all(r.bold for r in members),
                cells=tuple(texts),
                ruled=True,
            )
        )
    if _headings_beside_texts(rows):
        return [replace(row, text=text, cells=(), ruled=False, x0=cell[0], x1=cell[2], beside=True,
                        bold=bool(holding[cell]) and all(r.bold for r in holding[cell]))
                for row, cells in zip(rows, cells_of, strict=True) if any(row.cells)
                for cell, text in zip(cells, row.cells, strict=True) if text and (
                    not _header_row(row) or labelled_title(row.cells[0]))]
    return rows


def _headings_beside_texts(rows: Sequence[_Line]) -> bool:
    """A table of two columns whose every row is an item's heading in the left cell, a title
    under its label (headings.labelled_title), its text in the right, longer than it; the first
    row perhaps the table's header ("Nội dung yêu cầu | Kết quả thực hiện": short, unnumbered).
    Its cells are read as paragraphs, heading then text, each heading found by its own features,
    as in the body; the header names the columns and is left out, no item's text (as a Word
    file's: docx._heading_beside_text)."""
    def heading(row: _Line) -> bool:
        return len(row.cells) == 2 and labelled_title(row.cells[0]) and len(row.cells[1]) > len(row.cells[0])
    return bool(rows) and any(map(heading, rows)) and all(map(heading, rows[1:])) and (
        heading(rows[0]) or _header_row(rows[0]) or _rest_of_row(rows[0]))


def _header_row(row: _Line) -> bool:
    """A table's header: two cells, each a line no longer than a heading, with no number."""
    return len(row.cells) == 2 and all(text and len(text) <= MAX_HEADING_CHARS and not leading_label(text)
                                       for text in row.cells)


def _rest_of_row(row: _Line) -> bool:
    """The rest of a row broken over a page: two cells, the left empty (its heading was
    written on the page before), text in the right."""
    return len(row.cells) == 2 and not row.cells[0] and bool(row.cells[1])


def _rest_beside(lines: Sequence[_Line]) -> list[_Line]:
    """The lines, a row opening a page that is the rest of a heading-beside-text row of the
    page before (_rest_of_row, after a line read from such a table) read as its text is."""
    kept: list[_Line] = []
    for line in lines:
        if kept and kept[-1].beside and line.page != kept[-1].page and line.ruled and _rest_of_row(line):
            line = replace(line, text=line.cells[1], cells=(), ruled=False, beside=True)
        kept.append(line)
    return kept


def _cell_text(page: int, cell: tuple[float, float, float, float], runs: Sequence[_Run], padding: float) -> str:
    """The lines of a ruled cell joined by a space, but for a word too long for the cell's
    width, which Word breaks between two letters ("ST" over "T" in a narrow "STT" column):
    a line of one word, with no space after it, that fills the cell so that not even the
    next line's first letter would have fitted after it, is joined to the next line as is."""
    lines = sorted(_lines(page, runs), key=lambda ln: (ln.top, ln.x0))
    if not lines:
        return ""
    text = lines[0].text
    room = cell[2] - cell[0] - 2 * padding
    for prev, line in zip(lines, lines[1:], strict=False):
        ends = [r for r in runs if prev.top <= (r.top + r.bottom) / 2 <= prev.bottom]
        last = max(ends, key=lambda r: r.x1) if ends else None
        letter = line.first_word_width / max(len(line.text.split(" ", 1)[0]), 1)
        broken = (last is not None and not last.text.endswith(" ") and " " not in prev.text
                  and prev.x1 - prev.x0 + letter > room)
        text = f"{text}{line.text}" if broken else _join(text, line.text)
    return _visible_hyphen(text)


# -- running headers, footers, page numbers -----------------------------------------------


def _without_running_lines(pages: Sequence[_Page]) -> list[_Line]:
    """Every line but those in the top or bottom band that are page numbers or repeat
    at the same place on most pages, their numbers aside: a page number that need not be the
    file's ("Trang 3/9" on its second page, when the cover is counted), "- 2 -", a total;
    and but a line anywhere that is only a page mark ("- 2 -" left in the body)."""
    def key(line: _Line) -> tuple[int, str]:
        return round(line.top / 4), re.sub(r"\d+", "#", fold(line.text))

    seen: Counter = Counter()
    for page in pages:
        seen.update({key(line) for line in page.lines if _in_margin_band(line, page)})
    repeated = {k for k, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    recognised_alike = _repeated_alike(pages, {k for k, n in seen.items() if k not in repeated})
    headers = _page_headers(pages)
    kept = []
    for page in pages:
        for line in page.lines:
            if (_in_margin_band(line, page) and not line.ruled
                    and (key(line) in repeated or (page.number, line.top) in recognised_alike
                         or (page.number, line.top) in headers or _PAGE_NUMBER.match(line.text))):
                continue
            # a page mark is no text wherever it stands: a PDF made from a Word file converted
            # from a PDF has the old page numbers in its body
            if not line.is_row and page_mark(line.text):
                continue
            kept.append(line)
    return kept


def _repeated_alike(pages: Sequence[_Page], unmatched: set[tuple[int, str]]) -> set[tuple[int, float]]:
    """(page, top) of the margin lines that repeat on most pages only nearly: a running line
    recognised from page images comes out a little different on each page ("BC_DTTM. phu_yen",
    "BC_DTTM. phu. yen") and a little higher or lower. `unmatched`: the keys the exact rule
    left. Alike: rapidfuzz ratio at least
    RUNNING_LIKENESS on the folded text, numbers aside, lengths within RUNNING_LENGTH_SLACK of
    each other, within RUNNING_DRIFT of the page's height; lines shorter than RUNNING_MIN_CHARS
    are left to the exact rule."""
    if len(pages) < 2 or not unmatched:
        return set()
    bands = [(page, [(line, line.top / page.height, re.sub(r"\d+", "#", fold(line.text)))
                     for line in page.lines if _in_margin_band(line, page)]) for page in pages]
    found = set()
    for page, lines in bands:
        for line, place, text in lines:
            if len(text) < RUNNING_MIN_CHARS or (round(line.top / 4), text) not in unmatched:
                continue
            on = 1 + sum(any(abs(place - other_place) <= RUNNING_DRIFT
                             and abs(len(text) - len(other_text)) <= RUNNING_LENGTH_SLACK * max(len(text),
                                                                                                len(other_text))
                             and fuzz.ratio(text, other_text) >= RUNNING_LIKENESS
                             for _, other_place, other_text in other_lines)
                         for other, other_lines in bands if other is not page)
            if on >= max(2, len(pages) / 2):
                found.add((page.number, line.top))
    return found


def _page_headers(pages: Sequence[_Page]) -> set[tuple[int, float]]:
    """(page, top) of a page header whose words change from page to page (the title of the
    item the page is about, "KẾT TINH CỦA CHẶNG VỪA ĐI" over "II- KẾT TINH …"): the topmost
    line of most pages, in the top band, at one place, in one font and size, smaller than the
    body's type. A report's own first line on each page is in the body's type, and a heading
    at a page's top is no smaller. Not on recognised pages, whose sizes and font say nothing."""
    body = _body_size([line for page in pages for line in page.lines])
    if len(pages) < 2 or body is None:
        return set()
    tops = [(page, min(page.lines, key=lambda line: line.top)) for page in pages if page.lines]
    looks = Counter((round(line.top / 4), line.font, line.size) for page, line in tops
                    if line.bottom < MARGIN_BAND * page.height and not line.is_row
                    and line.font != OCR_FONT and 0 < line.size < body)
    headed = {look for look, n in looks.items() if n >= max(2, len(pages) / 2)}
    return {(line.page, line.top) for _, line in tops if (round(line.top / 4), line.font, line.size) in headed}


def _in_margin_band(line: _Line, page: _Page) -> bool:
    return line.bottom < MARGIN_BAND * page.height or line.top > (1 - MARGIN_BAND) * page.height


# -- lines -> paragraphs ------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """What "normal" is in this document, learnt from its lines."""

    body_size: float
    left: dict[int, float]  # text column's left edge, by page width (portrait/landscape)
    right: dict[int, float]
    pitch: float  # baseline to baseline inside a paragraph
    heading_sizes: tuple[float, ...]  # larger than body, largest first
    body_colour: int = 0  # the colour most of the text is in


def _layout(lines: Sequence[_Line], pages: Sequence[_Page]) -> _Layout:
    text_lines = [line for line in lines if not line.is_row and line.size > 0]
    body = _body_size(text_lines) or 12.0
    width_of = {page.number: round(page.width) for page in pages}
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    for line in text_lines:
        w = width_of[line.page]
        left[w] = min(left.get(w, line.x0), line.x0)
        right[w] = max(right.get(w, line.x1), line.x1)
    for w in right:
        # A document without one wrapped line never shows its right margin; it is at
        # least as wide as the left one (Nghị định 30: 30-35 mm left, 15-20 mm right).
        right[w] = max(right[w], w - left[w])
    pitches = [
        b.bottom - a.bottom
        for a, b in zip(text_lines, text_lines[1:], strict=False)
        if a.page == b.page
        and abs(a.size - b.size) < 0.3
        and right[width_of[a.page]] - a.x1 < a.size
        and 0 < b.bottom - a.bottom < 3 * a.size
    ]
    wrapped = _wrapped_pitches(text_lines)
    if len(wrapped) >= PITCH_MIN_WRAPS:
        pitch = statistics.median(wrapped)
    else:
        pitch = statistics.median(pitches) if pitches else 1.2 * body
    larger = sorted({round(line.size * 2) / 2 for line in text_lines if line.size >= HEADING_SIZE_RATIO * body},
                    reverse=True)
    colours = Counter()
    for line in text_lines:
        colours[line.colour] += len(line.text)
    return _Layout(body, left, right, pitch, tuple(larger), colours.most_common(1)[0][0] if colours else 0)


def _wrapped_pitches(lines: Sequence[_Line]) -> list[float]:
    """On recognised pages, the steps from a line to the next where the sentence wraps: the
    line does not end one, and the next goes on in lower case with no label. Those two lines
    are one paragraph's, whatever their length. The lines that fill the column tell the pitch
    in a typed PDF, but a scan's ragged lines seldom reach the margin the contents' leaders
    set, and those that do are mostly a paragraph's last (an entry of the contents, a
    one-line paragraph): their steps, paragraph spacing included, would be taken for the
    pitch and every paragraph after a full line run into the next."""
    return [b.bottom - a.bottom for a, b in zip(lines, lines[1:], strict=False)
            if a.font == OCR_FONT and b.font == OCR_FONT and a.page == b.page
            and abs(a.size - b.size) < 0.3 * a.size and 0 < b.bottom - a.bottom < 3 * a.size
            and not _SENTENCE_END.search(a.text) and not a.text.rstrip().endswith(":")
            and b.text[:1].islower() and not leading_label(b.text) and not _BULLET.match(b.text)]


def _body_size(lines: Sequence[_Line]) -> float | None:
    """The body's type size: the median size by letters over the text lines (not table rows),
    to half a point; None without any."""
    sizes: Counter = Counter()
    for line in lines:
        if not line.is_row and line.size > 0:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return _weighted_median(sizes) if sizes else None


def _weighted_median(counts: Counter) -> float:
    half, running = sum(counts.values()) / 2, 0
    for value in sorted(counts):
        running += counts[value]
        if running >= half:
            return value
    return next(iter(counts))


def _blocks(lines: Sequence[_Line], pages: Sequence[_Page]) -> list[Block]:
    notes = [line for line in lines if line.footnote]
    if notes:
        lines = [line for line in lines if not line.footnote]
    lines = _prose_split_by_ocr(lines)
    layout = _layout(lines, pages)
    width_of = {page.number: round(page.width) for page in pages}
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line, layout, width_of, first=groups[-1][0]):
            groups[-1].append(line)
        else:
            groups.append([line])
    told = _notes_of(groups, notes) if notes else {}
    return [_block(index, group, layout, told.get(index, ())) for index, group in enumerate(groups)]


def _prose_split_by_ocr(lines: Sequence[_Line]) -> list[_Line]:
    """The lines with a line of prose that OCR split into cells made one line again: on a
    recognised page a faded word is read as a speck or not at all, and the gap it leaves is
    as wide as a table's between columns ("… ngân sách cấp huyện 2,5 tỷ | 1" where "đồng; vốn"
    faded). Such a row stands alone (no row of a table above or below it on its page), its
    first cell holds nearly all its text (PROSE_CELL_SHARE: a line's words, not a row's label
    beside its figures), and the line under it goes on in lower case: the sentence runs on."""
    out = list(lines)
    for k, line in enumerate(lines):
        if line.font != OCR_FONT or line.ruled or len(line.cells) < 2:
            continue
        around = [lines[j] for j in (k - 1, k + 1) if 0 <= j < len(lines) and lines[j].page == line.page]
        following = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].page == line.page else None
        if (any(other.is_row for other in around) or following is None or not following.text[:1].islower()
                or len(line.cells[0]) < PROSE_CELL_SHARE * sum(len(cell) for cell in line.cells)):
            continue
        out[k] = replace(line, cells=(), text=" ".join(line.cells))
    return out


def _notes_of(groups: list[list[_Line]], notes: list[_Line]) -> dict[int, tuple[str, ...]]:
    """Each footnote's text (its lines joined) by the paragraph that holds its mark on the
    same page (parse/footnotes.py)."""
    by_note: dict[tuple[int, str], list[_Line]] = {}
    for line in notes:
        by_note.setdefault((line.page, line.footnote), []).append(line)
    texts = {key: clean_line(" ".join(line.text for line in lines)) for key, lines in by_note.items()}
    return holders(groups, list(texts), texts.__getitem__,
                   marked_in=lambda group: {(line.page, m) for line in group for m in line.note_marks},
                   page_of=lambda group: group[0].page if group else 0, page_of_note=lambda key: key[0])


def _continues(prev: _Line, line: _Line, layout: _Layout, width_of: dict[int, float], first: _Line) -> bool:
    """Whether `line` goes on the paragraph that `prev` ends."""
    if prev.is_row or line.is_row:
        return False
    recognised = prev.font == OCR_FONT and line.font == OCR_FONT
    # The text flows on from where the line before ends: a heading set larger and run into its
    # text on one line goes on in the text's size (_Line.start_size, end_size).
    if (prev.bold != line.bold and not _lead_goes_on(prev, line)) or prev.underlined != line.underlined or (
            prev.highlighted != line.highlighted) or (
            _colour_changes(prev, line)) or (
            max(prev.size, line.size) >= OCR_SIZE_RATIO * min(prev.size, line.size) if recognised
            else abs(prev.size - line.size) >= 0.5
            and abs((prev.end_size or prev.size) - (line.start_size or line.size)) >= 0.5):
        return False
    if leading_label(line.text) or _BULLET.match(line.text):
        return False
    if (prev.small_caps or line.small_caps) and not (_capitals(prev.text) and _capitals(line.text)):
        return False  # a line in small capitals and one in lower case: a heading and its text
    if _capitals(prev.text) and sum(ch.isalpha() for ch in prev.text) >= CAPITALS_LINE_LETTERS and any(
            ch.islower() for ch in line.text):
        # A whole line in capitals and one in lower case: a heading in capitals and its text, with
        # nothing else to tell them apart where the heading fills its line and ends a page.
        return False
    if line.page == prev.page and (line.frame != prev.frame or line.beside != prev.beside):
        # a rule between them: two cells of a frame, or a frame (or a ruled table's cell read as a
        # line, a heading beside its text) and the text outside it
        return False
    width = width_of[line.page]
    left, right = line.column or (layout.left[width], layout.right[width])
    prev_right = prev.column[1] if prev.column else layout.right[width_of[prev.page]]
    if line.frame:
        left, right = line.frame[0], line.frame[2]
    if prev.frame:
        prev_right = prev.frame[2]
    pitch = layout.pitch * (1.0 if recognised else line.size / layout.body_size)  # larger type, wider lines
    if line.page == prev.page and line.column == prev.column and line.bottom - prev.bottom > 1.3 * pitch + 1:
        return False  # paragraph spacing, or a blank line
    if line.page != prev.page and line.page != prev.page + 1:
        return False
    if line.page != prev.page and _SENTENCE_END.search(prev.text) and line.text[:1].isupper():
        # Over a page turn no spacing tells where a paragraph ends: a line that ends a sentence,
        # and a next page that opens one, are two paragraphs (a full last line ending the
        # addendum at a page's foot, "Trên đây là báo cáo …" at the next page's head).
        return False
    indent = 0.8 * line.size
    prev_indented, line_indented = prev.x0 > left + indent, line.x0 > left + indent
    hanging = first.text_x0 > first.x0 + 1 and abs(line.x0 - first.text_x0) < 0.5 * line.size
    if hanging:
        pass  # the wrapped line of "I.<tab>heading": aligned under the words, not the label
    elif line_indented and not prev_indented:
        # A first-line indent opens a paragraph; but a short centred line under a line that
        # fills the column, centred alike, is the end of a centred title wrapped by the width.
        centre = (left + right) / 2
        if not (abs((line.x0 + line.x1) / 2 - centre) < line.size and abs((prev.x0 + prev.x1) / 2 - centre) < line.size
                and right - prev.x1 < line.size):
            return False
    elif line_indented and prev_indented:
        # Centred lines (a title on two lines) or a block indent: go on if they share a
        # centre or a left edge.
        same_centre = abs((line.x0 + line.x1) - (prev.x0 + prev.x1)) / 2 < line.size
        same_left = abs(line.x0 - prev.x0) < 0.5 * line.size
        if not (same_centre or same_left):
            return False
        if same_centre and not same_left:
            return True
    if LEADER_TO_MARGIN.search(prev.text):
        return False  # "1. Heading……………" led by dots to the margin: a full line, yet the paragraph ends
    # The previous line stopped short although the next line's first word would have
    # fitted after it: the writer ended the paragraph there.
    room = (_SPACE_EMS + (_OCR_FIT_EMS if recognised else 0.0)) * line.size
    return prev_right - prev.x1 < line.first_word_width + room


def _lead_goes_on(prev: _Line, line: _Line) -> bool:
    """Whether a bold line is the opening of a paragraph whose text goes on in the next line,
    not bold: a bold lead sentence run into its paragraph (or words ending in a colon: "Cách tỉnh
    đưa Đề án vào các văn bản."), filling its line to the end, or wrapped and ending in the next line
    after its first words ("… tới" then "người dân. UBND tỉnh …"). Whether the line before
    stopped short, or spacing stands between them, is still asked (_continues)."""
    if not prev.bold or line.bold:
        return False
    return bool(line.lead) or prev.text.rstrip().endswith((".", ":"))


def _colour_changes(prev: _Line, line: _Line) -> bool:
    """Whether two lines, each in one colour, are in two: a heading set in a colour of its own and
    the text under it, which no spacing tells apart where the heading ends a page (a browser's
    print, a page turn). A line in more than one colour (a link in a sentence) tells nothing."""
    return MIXED_COLOUR not in (prev.colour, line.colour) and prev.colour != line.colour


def _block(index: int, group: Sequence[_Line], layout: _Layout, notes: tuple[str, ...] = ()) -> Block:
    head = group[0]
    text = head.text
    for line in group[1:]:
        text = _join(text, line.text)
    text = clean_line(_visible_hyphen(text))
    kind = "table_row" if head.is_row else "paragraph"
    if kind == "paragraph" and head.font in (OCR_FONT, PICTURE_FONT):  # both read by OCR
        text = ocr_label_read(text)
    level = None
    # A paragraph opening in a heading's size is a heading, its text run in after it in the text's
    # size ("5. Những việc chưa đạt…: Nguồn nhân lực…", most of the line's letters the text's).
    opening = max(head.size, head.start_size)
    if (kind == "paragraph" and head.font != OCR_FONT and opening >= HEADING_SIZE_RATIO * layout.body_size
            and round(opening * 2) / 2 in layout.heading_sizes):
        level = layout.heading_sizes.index(round(opening * 2) / 2) + 1
    return Block(
        index=index,
        text=text,
        kind=kind,
        style=nfc(head.font),
        heading_level=level,
        bold=all(line.bold for line in group),
        number=leading_label(text) if kind == "paragraph" else "",
        page=head.page,
        lead=_group_lead(group, text) if kind == "paragraph" else "",
        underlined=kind == "paragraph" and all(line.underlined for line in group),
        # a paragraph in a colour of its own (the body's is the most common): a heading's mark, as in
        # a Word file (Block.coloured)
        coloured=kind == "paragraph" and head.colour not in (MIXED_COLOUR, layout.body_colour)
        and all(line.colour == head.colour for line in group),
        spaced=kind == "paragraph" and head.spaced,
        highlighted=kind == "paragraph" and len(text) <= MAX_HEADING_CHARS and all(line.highlighted for line in group),
        notes=notes,
        pictured=kind == "paragraph" and head.font == PICTURE_FONT,
        margin_label=head.margin_label,
    )


def _group_lead(group: Sequence[_Line], text: str) -> str:
    """The bold lead sentence a paragraph opens with (Block.lead): its first line's, or its
    bold lines' before the first that is not (a lead filling its line, or wrapped: _lead_goes_on)."""
    if not group[0].bold or all(line.bold for line in group):
        return group[0].lead if text.startswith(group[0].lead) else ""
    lead = ""
    for line in group:
        if not line.bold:
            lead = _join(lead, line.lead) if line.lead else lead
            break
        lead = _join(lead, line.text) if lead else line.text
    lead = clean_line(_visible_hyphen(lead))
    return lead if text.startswith(lead) and len(lead) < len(text) else ""


def _join(text: str, more: str) -> str:
    """Join a line to the paragraph so far. A hyphen at the line end followed by a
    lower-case letter: a Latin word split by hyphenation ("infra-" "structure") loses
    the hyphen; Vietnamese syllables are never split, so there the hyphen is a real one
    ("kinh tế-" "xã hội") and stays, without a space. Followed by a capital or a figure, the
    hyphen is one of a code or a name broken after it ("1309/QĐ-" "UBND"): it stays, without
    a space too."""
    if len(text) >= 2 and text[-1] in _HYPHENS and text[-2].isalpha() and more[:1].islower():
        before = text[:-1].rsplit(" ", 1)[-1]
        after = more.split(" ", 1)[0]
        if (before + after).isascii():
            return text[:-1] + more
        return text[:-1] + "-" + more
    if len(text) >= 2 and text[-1] in "-\x02" and text[-2].isalnum() and (more[:1].isupper() or more[:1].isdigit()):
        return text[:-1] + "-" + more
    return f"{_visible_hyphen(text).rstrip()} {more.lstrip()}"


def _visible_hyphen(text: str) -> str:
    return text[:-1] + "-" if text.endswith("\x02") else text

