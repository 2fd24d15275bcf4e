"""Read a .docx report into a `Document`: its paragraphs and table rows in reading order.

Headers and footers are left out of the blocks (they repeat the letterhead on every page);
the first page's header is kept apart (`Document.header`), as a letterhead may be written
there, in the header of a different first page, instead of the body. Text is
read from the XML rather than `Paragraph.text`, which skips text inside tracked
insertions (w:ins) — provinces often send drafts with revisions still on. Hidden text
(w:vanish: parse/hidden.py) is left out, as Word leaves it out of the page.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from itertools import count, pairwise
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import OpcError, PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.exceptions import XmlchemyError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from baocao.i18n import N_
from baocao.parse.altchunk import ChunkError, read_chunk
from baocao.parse.document import Block, Document, DocumentError
from baocao.parse.fonts import RunFonts, current_fonts
from baocao.parse.footnotes import WordNotes
from baocao.parse.headings import MAX_HEADING_CHARS, labelled_title
from baocao.parse.hidden import HiddenRuns, current_hidden
from baocao.parse.labels import is_lead, leading_label, page_mark
from baocao.parse.legacy import text_in_font
from baocao.parse.line_pictures import line_shaped, read_line_picture
from baocao.parse.numbering import Counters, format_counter, list_ref, read_numbering
from baocao.parse.styles import cached, paragraph_style, run_style, style_by_id, style_chain, table_style
from baocao.text import clean_line, fold, nfc

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Tags the body walk compares every element with, named once (qn() is a function call).
_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_R = qn("w:r")
_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_CR = qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_SOFT_HYPHEN = qn("w:softHyphen")
_SYM = qn("w:sym")
_CHAR = qn("w:char")
_SDT = qn("w:sdt")
_RPR = qn("w:rPr")
_COLOR = qn("w:color")
_RSTYLE = qn("w:rStyle")
_VAL = qn("w:val")
_THEME_COLOR = qn("w:themeColor")
_HIGHLIGHT = qn("w:highlight")
_SHADING = qn("w:shd")
_PPR = qn("w:pPr")
_PBDR = qn("w:pBdr")
_FRAME = qn("w:framePr")
_DROP_CAP = qn("w:dropCap")
_BOX_SIDES = ("top", "left", "bottom", "right")
_FILL = qn("w:fill")
_THEME_FILL = qn("w:themeFill")
_HYPERLINK = qn("w:hyperlink")
_SPACING = qn("w:spacing")
_CUSTOM_XML = qn("w:customXml")
_SDT_CONTENT = qn("w:sdtContent")
_SDT_PR = qn("w:sdtPr")
_CHECK_BOX_CONTROL = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
_ALT_CHUNK = qn("w:altChunk")
_FLD_CHAR = qn("w:fldChar")
_FLD_CHAR_TYPE = qn("w:fldCharType")
_INSTR_TEXT = qn("w:instrText")
_FLD_SIMPLE = qn("w:fldSimple")
_INSTR = qn("w:instr")
_DD_LIST = f'{qn("w:ffData")}/{qn("w:ddList")}'  # a legacy drop-down form field's entries (FORMDROPDOWN)
_LIST_ENTRY = qn("w:listEntry")
_FIELD_KIND = re.compile(r"^\s*([A-Za-z]+)")  # a field's kind: the first word of its code
_FORM_FIELD = re.compile(r"^\s*FORMDROPDOWN\b", re.IGNORECASE)  # shows its data, not a cached result
# SYMBOL CharNum [\\f "Font"] [\\a|\\u|\\j] [\\s size] [\\h] (Word's field reference)
_SYMBOL_FIELD = re.compile(r"^\s*SYMBOL\s+(?P<number>0[xX][0-9A-Fa-f]+|\d+)(?P<switches>.*)$",
                           re.IGNORECASE | re.DOTALL)
_SYMBOL_FONT = re.compile(r"\\f\s*(?:\"([^\"]*)\"|(\S+))", re.IGNORECASE)
_SYMBOL_FONTS = {"symbol", "wingdings", "wingdings2", "wingdings3", "webdings", "zapfdingbats", "marlett"}
_DD_RESULT = qn("w:result")
_DD_DEFAULT = qn("w:default")
# Fields Word shows the words of their own code for (Word's field reference): MACROBUTTON
# MacroName DisplayText, GOTOBUTTON Destination DisplayText: a template's click-here prompt.
_BUTTON_FIELD = re.compile(r"^\s*(?:MACROBUTTON|GOTOBUTTON)\s+(?:\"[^\"]*\"|\S+)\s+(.*?)\s*$",
                           re.IGNORECASE | re.DOTALL)
# The AUTONUM family (Word's field reference): a number Word counts by the paragraph's outline
# level (_AutoNumbers). AUTONUM [\\s separator] [\\* format]; AUTONUMLGL [\\e] [\\s separator];
# AUTONUMOUT.
_AUTONUM_FIELD = re.compile(r"^\s*(?P<kind>AUTONUM(?:LGL|OUT)?)(?P<switches>(?:\s.*)?)$", re.IGNORECASE | re.DOTALL)
_AUTONUM_SEPARATOR = re.compile(r"\\s\s*(?:\"([^\"]*)\"|(\S))")
_AUTONUM_NO_PERIOD = re.compile(r"\\e\b")
_AUTONUM_FORMAT = re.compile(r"\\\*\s*(\w+)")
_AUTONUM_FORMATS = {"ROMAN": "upperRoman", "roman": "lowerRoman", "ALPHABETIC": "upperLetter",
                    "alphabetic": "lowerLetter"}
# AUTONUMOUT's outline scheme, level by level (Word's outline numbering: I., A., 1., a), (1), (a), (i), (a), (i))
_OUTLINE_SCHEME = (("upperRoman", "", "."), ("upperLetter", "", "."), ("decimal", "", "."), ("lowerLetter", "", ")"),
                   ("decimal", "(", ")"), ("lowerLetter", "(", ")"), ("lowerRoman", "(", ")"),
                   ("lowerLetter", "(", ")"), ("lowerRoman", "(", ")"))
# An EQ field (Word's Equation field, and Enclose Characters: "EQ \\o\\ac(○,1)") has no result: Word
# draws what its code says (_eq_shown).
_EQ_FIELD = re.compile(r"^\s*EQ\b(?P<code>.*)$", re.IGNORECASE | re.DOTALL)
# The marks Word's Enclose Characters draws around a character (circle, square, triangle, diamond).
_ENCLOSING_MARKS = set("○◯〇⭘□◻☐△◇◆●■▲")
_EQ_CLOSING = {"(": ")", "[": "]", "{": "}", "<": ">"}
_EQ_CHARACTER_OPTIONS = ("lc", "rc", "bc", "fc", "vc")  # \lc\[ : an option taking the character after it
_LISTNUM_FIELD = re.compile(r"^\s*LISTNUM\b(?P<switches>.*)$", re.IGNORECASE | re.DOTALL)
_LISTNUM_NAME = re.compile(r"^\s*(?:\"([^\"]*)\"|([^\s\\]+))")
_LISTNUM_LEVEL = re.compile(r"\\l\s*(\d+)")
_LISTNUM_START = re.compile(r"\\s\s*(\d+)")
# Word's built-in LISTNUM lists, level by level (its field reference): NumberDefault 1) a) i) (1) (a) (i)
# 1. a. i.; OutlineDefault as AUTONUMOUT; LegalDefault 1. 1.1. 1.1.1. (every level's count).
_LISTNUM_SCHEMES = {
    "numberdefault": (("decimal", "", ")"), ("lowerLetter", "", ")"), ("lowerRoman", "", ")"),
                      ("decimal", "(", ")"), ("lowerLetter", "(", ")"), ("lowerRoman", "(", ")"),
                      ("decimal", "", "."), ("lowerLetter", "", "."), ("lowerRoman", "", ".")),
    "outlinedefault": _OUTLINE_SCHEME,
}
_GENERAL_SWITCH = re.compile(r"\s*\\\*\s*\w+\s*$")  # \* MERGEFORMAT and the like, at the code's end
# Deleted revisions are not the text; a text box floats outside the reading order; the
# Fallback branch of mc:AlternateContent repeats its Choice.
_TXBX = qn("w:txbxContent")
_ANCHOR = qn("wp:anchor")
_WRAP_TOP_AND_BOTTOM = qn("wp:wrapTopAndBottom")
_POSITION_V = qn("wp:positionV")
_POS_OFFSET = qn("wp:posOffset")
_INLINE = qn("wp:inline")
_EXTENT = qn("wp:extent")
_BLIP = qn("a:blip")
_EMBED = qn("r:embed")
_EMU_PER_POINT = 12700
_VML = "urn:schemas-microsoft-com:vml"
_TEXTPATH = f"{{{_VML}}}textpath"
_SHAPETYPE = f"{{{_VML}}}shapetype"
_VML_GROUP = f"{{{_VML}}}group"
_VML_TEXTBOX = f"{{{_VML}}}textbox"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_WPS_SHAPE, _WPS_PROPERTIES = f"{_WPS}wsp", f"{_WPS}spPr"
_SHAPE_GROUPS = {"{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}wgp",
                 "{http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas}wpc", _VML_GROUP}
_XFRM_OFFSET = f"{qn('a:xfrm')}/{qn('a:off')}"
_XFRM_EXTENT = f"{qn('a:xfrm')}/{qn('a:ext')}"
_VML_LENGTH = re.compile(r"(left|top|width|height)\s*:\s*(-?[\d.]+)")
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CIRCLED_NUMBER = re.compile(r"\d{1,2}")  # a heading's number drawn in a shape in front of its title
_LINE_EMU = 12 * 12700  # a line of 12 points, in English Metric Units
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_NOT_IN_TEXT = {*_DELETED, _TXBX, _MC_FALLBACK}
_HEADING_STYLE = re.compile(r"^(?:heading|tieu de|dau de)\s*([1-9])$")
_TITLE_STYLES = {"title", "tieu de"}
_BODY_TEXT_OUTLINE_LEVEL = 9
_BLACK = {"", "auto", "000000", "text1", "dark1"}
_NO_BACKGROUND = {"", "auto", "none", "ffffff", "background1", "light1"}  # a highlight's or a shading's
_MIXED = "mixed"  # runs in several colours, a link, a table row: no colour of the paragraph's own
# Character spacing (w:spacing, in twentieths of a point) from which letters stand set apart, a
# heading's mark: Word's "Expanded by 1 pt" and more. Lines are squeezed or stretched to fit by
# a fraction of a point (-0.3 pt, 0.5 pt), not by this.
SPACED_FROM_TWIPS = 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,  # a part the package lists is missing from the zip
    OpcError,  # python-docx: not a Word package
    XmlchemyError,
    etree.LxmlError,  # a part is not well-formed XML
    ValueError,
    UnicodeError,
    OSError,
    EOFError,
)


def read_docx(path: Path | str) -> Document:
    """The body of a .docx file as blocks; DocumentError if it is not a readable .docx."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, N_("there is no such file"))
    try:
        word = docx.Document(str(path))
        token = current_fonts.set(RunFonts.if_legacy(word))
        hidden = current_hidden.set(HiddenRuns.if_any(word))
        chunks = _Chunks()
        try:
            blocks = tuple(_blocks(word, chunks))
            header = _first_page_header(word)
        finally:
            current_hidden.reset(hidden)
            current_fonts.reset(token)
    except _READ_ERRORS as e:
        raise DocumentError(path, _reason(path, e)) from e
    return Document(name=nfc(path.name), blocks=blocks, header=header, partial="; ".join(chunks.skipped))


def _reason(path: Path, error: Exception) -> str:
    try:
        with path.open("rb") as f:
            magic = f.read(len(_OLE_MAGIC))
    except OSError:
        magic = b""
    if magic == _OLE_MAGIC:
        return N_("it is an old Word 97-2003 .doc file or a password-protected document")
    if magic.startswith(b"%PDF"):
        return N_("it is a PDF file")
    if isinstance(error, (zipfile.BadZipFile, PackageNotFoundError)):
        return N_("it is not a Word package: cut short or damaged")
    if isinstance(error, OpcError):
        return N_("it is not a Word package: {reason}").format(reason=error)
    return N_("it is damaged: {reason}").format(reason=f"{type(error).__name__}: {error}")


@dataclass
class _Chunks:
    """The altChunks of a document being read: how deep in chunks the walk is (a chunk's
    .docx may hold chunks), and why those not read were not (Document.partial)."""

    depth: int = 0
    skipped: list[str] = field(default_factory=list)
    walked: int = 0  # the chunks of this document the walk came to, read or not


def _blocks(word, chunks: _Chunks) -> tuple[Block, ...]:
    _join_drop_caps(word.element.body)
    _drop_leading_tick_boxes(word.element.body)
    _show_field_display_texts(word.element.body, word)
    _drop_text_in_field_codes(word.element.body)
    notes = WordNotes(word, _text)
    read = list(_walk(_content(word.element.body, chunks=True), word, Counters(read_numbering(word)), count(), notes,
                      chunks))
    _note_chunks_not_walked(word, chunks)
    return _with_colour_marks(read)


def _join_drop_caps(body) -> None:
    """Each drop cap put back at the start of the paragraph it opens. Word stores a drop cap
    (Insert > Drop Cap) as a framed paragraph of its own (w:framePr w:dropCap) holding the first
    letter, before the paragraph that goes on from the second: read apart, a heading's label
    ("T" + "iểu mục 1.", "❶" + " Kết quả…") would be cut in two. Its runs are moved into the
    paragraph after it, in the tree the walk reads; a drop cap with no paragraph after it stays."""
    for cap in [p for p in body.iter(_P) if _drop_cap(p)]:
        following = cap.getnext()
        if following is None or following.tag != _P:
            continue
        at = following.find(_PPR)
        runs = [child for child in cap if child.tag != _PPR]
        for offset, child in enumerate(runs):
            if at is None:
                following.insert(offset, child)
            else:
                at.addnext(child)
                at = child
        cap.getparent().remove(cap)


def _drop_leading_tick_boxes(body) -> None:
    """Each check box content control (w14:checkbox, Developer > Check Box: Word shows "☒" or
    "☐") that stands before any text of its paragraph taken out, in the tree the walk reads. A
    form's tick box in front of a line marks it answered, as a bullet marks a list's line: it is
    none of the line's words, and left in the text it hides the heading's label behind it ("☒
    (i) Tấm bản đồ…" is read "(i) Tấm bản đồ…", numbered "(i)"). One after text ("Có ☒ Không
    ☐") is what its sentence says: it stays."""
    for box in [sdt for sdt in body.iter(_SDT) if sdt.find(f"{_SDT_PR}/{_CHECK_BOX_CONTROL}") is not None]:
        paragraph = next(box.iterancestors(_P), None)
        if paragraph is None:
            continue
        before = []  # the text written in the paragraph before the box
        for element in paragraph.iter(_T):
            if any(ancestor is box for ancestor in element.iterancestors(_SDT)):
                break
            before.append(element.text or "")
        if not "".join(before).strip():
            box.getparent().remove(box)


def _show_field_display_texts(body, word) -> None:
    """Each field's display text written out where Word shows it, when the .docx holds it
    nowhere in the field's result. A MACROBUTTON or GOTOBUTTON field (a template's "click here"
    prompt, a heading typed as one) has no result: Word shows the words its code ends with
    ("MACROBUTTON NoMacro Trả lời mục 1: …"), and a .docx holds them in w:instrText only, which
    is code, not text; a field with a result of its own keeps it. A field of the AUTONUM family
    saved with no result (a heading's label "Hạng mục báo cáo { AUTONUM \\s : }", "Điểm báo cáo
    { AUTONUMLGL \\e }:") shows the number Word counts for it at its paragraph's outline level
    (_AutoNumbers). An EQ field (an equation, a label's number circled by Enclose Characters)
    has no result either: it shows what its code draws (_eq_shown). A legacy drop-down form
    field (FORMDROPDOWN, a protected form's "choose the item" box) shows the entry chosen in its
    data (_dropdown_choice), whatever result is cached, if any (Word writes none, or a stale
    one): the cached result's text is taken out. A SYMBOL field with no result shows its character
    (one whose result is the symbol, w:sym, shows that).
    Each kind's rule is one entry of _ComputedFields. The words go in a run in the look of the field's first run, put
    after the field's end in the tree the walk reads. Fields are met in the body's order, simple
    (w:fldSimple) and complex alike."""
    shown = _ComputedFields(word)
    fields: list[_OpenField] = []  # the fields begun and not ended yet, the innermost last
    has_fields = next(body.iter(_FLD_CHAR, _FLD_SIMPLE), None) is not None
    for run in body.iter(_R, _FLD_SIMPLE) if has_fields else ():
        if any(ancestor.tag in _DELETED for ancestor in run.iterancestors()):
            continue
        if run.tag == _FLD_SIMPLE:
            code = run.get(_INSTR) or ""
            words = shown(code, None, run)
            if words and not _text(run).strip():
                run.append(_run_of(words, run.find(_R)))
            continue
        for child in list(run):
            if child.tag == _INSTR_TEXT and fields and not fields[-1].separated:
                fields[-1].code.append(child.text or "")
            elif child.tag in (_T, _SYM) and fields and fields[-1].separated:
                # A result is text, or a symbol inserted as one (w:sym: a SYMBOL field's
                # Wingdings square is saved so, its character not shown a second time).
                fields[-1].result.append(child)
                if child.tag == _SYM or (child.text or "").strip():
                    fields[-1].has_result = True
            elif child.tag == _FLD_CHAR:
                kind = child.get(_FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.append(_OpenField(run, begin=child))
                elif kind == "separate" and fields:
                    fields[-1].separated = True
                elif kind == "end" and fields:
                    ended = fields.pop()
                    code = "".join(ended.code)
                    words = shown(code, ended.begin, ended.first_run)  # every AUTONUM counts
                    if words is not None and _FORM_FIELD.match(code):
                        for cached_text in ended.result:
                            cached_text.getparent().remove(cached_text)
                    elif ended.has_result:
                        words = ""
                    if words:
                        run.addnext(_run_of(words, ended.first_run))


class _ComputedFields:
    """What the fields Word computes from their code or data show, kind by kind (Word's field
    reference): the closed group whose text the file keeps nowhere (Word saves no result, or one it
    does not show). Any other field shows its cached result (REF, SEQ, =, IF, …) or nothing (XE,
    TC, SET, ADDIN, …). Called once per field, in the body's order (the AUTONUM family counts).
    A legacy check box form field (FORMCHECKBOX) is left out on purpose: Word draws its box (☒, ☐)
    in front of a heading, and the label reader does not yet see a label behind such a mark
    ("☒ (a) Tiêu đề", pool 38's Tây Ninh .odt): shown as nothing, the label is read."""

    def __init__(self, word) -> None:
        autonumbers, list_numbers = _AutoNumbers(word), _ListNumbers()
        self.kinds = {
            "MACROBUTTON": lambda code, begin, run: _button_text(code),
            "GOTOBUTTON": lambda code, begin, run: _button_text(code),
            "AUTONUM": lambda code, begin, run: autonumbers.shown(code, run),
            "AUTONUMLGL": lambda code, begin, run: autonumbers.shown(code, run),
            "AUTONUMOUT": lambda code, begin, run: autonumbers.shown(code, run),
            "LISTNUM": lambda code, begin, run: list_numbers.shown(code, run),
            "EQ": lambda code, begin, run: _eq_shown(code),
            "SYMBOL": lambda code, begin, run: _symbol_field_shown(code),
            "FORMDROPDOWN": lambda code, begin, run: _dropdown_choice(begin) if begin is not None else None,
        }

    def __call__(self, code: str, begin, run) -> str | None:
        """What the field of `code` (begun by the mark `begin`, None for a simple field; its first
        run `run`) shows; None for a field whose text is its cached result, or nothing."""
        kind = _FIELD_KIND.match(code)
        shown = self.kinds.get(kind[1].upper()) if kind else None
        return shown(code, begin, run) if shown else None


def _symbol_field_shown(code: str) -> str:
    """The character a SYMBOL field shows ("SYMBOL 168 \\f Wingdings", "SYMBOL 0x41", "SYMBOL 8364
    \\u"): in a symbol font (Wingdings, Symbol, Webdings, …) the font's private-use character, as
    an inserted symbol's (_symbol) and a PDF of the same page give it, a mark the label reader
    ignores (a bullet); in any other font the character of its code. A code that is no character
    shows nothing."""
    match = _SYMBOL_FIELD.match(code)
    if not match:
        return ""
    number = match["number"]
    try:
        character = int(number, 16) if number.lower().startswith("0x") else int(number)
    except ValueError:
        return ""
    font = _SYMBOL_FONT.search(match["switches"])
    if font and fold(font[1] or font[2] or "").replace(" ", "") in _SYMBOL_FONTS and character < 0x100:
        character += 0xF000
    return chr(character) if 0 < character <= 0x10FFFF and not 0xD800 <= character <= 0xDFFF else ""


def _dropdown_choice(begin) -> str | None:
    """The entry a legacy drop-down form field shows, from its begin mark's w:ffData/w:ddList:
    the one its w:result numbers (from 0), or its w:default when it has no result (a form never
    filled in), or the first; "" when it lists none; None when the field is no drop-down."""
    choices = begin.find(_DD_LIST)
    if choices is None:
        return None
    entries = [entry.get(_VAL) or "" for entry in choices.iter(_LIST_ENTRY)]
    for mark in (_DD_RESULT, _DD_DEFAULT):
        number = choices.find(mark)
        value = number.get(_VAL) if number is not None else None
        if value is not None and value.strip().isdigit() and int(value) < len(entries):
            return entries[int(value)]
    return entries[0] if entries else ""


class _AutoNumbers:
    """What the fields of the AUTONUM family show, met in the body's order (Word's field reference).
    Word counts them by the outline level of their paragraph (a heading style's, or w:outlineLvl):
    a heading's count restarts under each heading above it, and a paragraph of body text counts one
    level below the last heading numbered so (with none, through the whole document).
    AUTONUM shows its level's count, in Arabic digits unless a format switch says otherwise ("\\*
    ROMAN", "\\* alphabetic"), followed by a period or the separator its "\\s" switch names
    ("AUTONUM \\s :" shows "1:"). AUTONUMLGL shows the legal number, every level's count down to
    its own, "1.", "1.2.", "1.2.1." ("\\e" leaves the last period out, "\\s" names it).
    AUTONUMOUT shows its level's count in the outline scheme, I., A., 1., a), (1), …. Each kind
    counts on its own (as LISTNUM's NumberDefault, LegalDefault and OutlineDefault lists). A label
    so numbered is the document's own ladder, as a typed one is."""

    def __init__(self, word) -> None:
        self.word = word
        self.counts: dict[str, list[int]] = {}
        self.heading_depth: dict[str, int] = {}  # below the last heading numbered by the kind: its level

    def shown(self, code: str, run) -> str:
        """The number the AUTONUM-family field of `code`, in `run`'s paragraph, shows, counted on;
        "" for any other field."""
        match = _AUTONUM_FIELD.match(code)
        if not match:
            return ""
        kind, switches = match["kind"].upper(), match["switches"]
        heading = self._heading_level(run)
        level = heading - 1 if heading else self.heading_depth.get(kind, 0)
        counts = self.counts.setdefault(kind, [0] * 10)
        counts[level] += 1
        counts[level + 1:] = [0] * (len(counts) - level - 1)
        if heading:
            self.heading_depth[kind] = heading
        separator = _AUTONUM_SEPARATOR.search(switches)
        mark = next(mark for mark in separator.groups() if mark is not None) if separator else None
        if kind == "AUTONUMOUT":
            form, before, after = _OUTLINE_SCHEME[min(level, len(_OUTLINE_SCHEME) - 1)]
            return before + format_counter(counts[level], form) + after
        if kind == "AUTONUMLGL":
            legal = ".".join(str(number) for number in counts[:level + 1])
            return legal + (mark if mark is not None else "" if _AUTONUM_NO_PERIOD.search(switches) else ".")
        form = _AUTONUM_FORMAT.search(switches)
        number = format_counter(counts[level], _AUTONUM_FORMATS.get(form[1], "decimal") if form else "decimal")
        return number + (mark if mark is not None else ".")

    def _heading_level(self, run) -> int | None:
        """The heading level (1 to 9) of the paragraph `run` is in; None for body text."""
        paragraph = next((p for p in run.iterancestors(_P)), None)
        if paragraph is None or self.word is None:
            return None
        return _heading_level(Paragraph(paragraph, self.word)) or None


class _ListNumbers:
    """What LISTNUM fields show, met in the body's order (Word's field reference): a number of one
    of Word's lists, each list counted on its own through the document ("LISTNUM LegalDefault
    \\l 1" shows "1.", "2.", …, a label's number typed as one). The list is the one the code
    names (NumberDefault when none, or one of the document's own); "\\l" names the level, else the
    first LISTNUM of a paragraph stands at level 1 and each further one a level lower; "\\s" sets
    the count. Counting a level restarts every level below it."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.paragraph = None
        self.in_paragraph = 0  # LISTNUM fields met so far in that paragraph

    def shown(self, code: str, run) -> str:
        """The number the LISTNUM field of `code`, in `run`'s paragraph, shows, counted on."""
        match = _LISTNUM_FIELD.match(code)
        if not match:
            return ""
        switches = match["switches"]
        named = _LISTNUM_NAME.match(switches)
        name = next(part for part in named.groups() if part is not None).lower() if named else ""
        name = name if name in ("legaldefault", "outlinedefault") else "numberdefault"
        paragraph = next(run.iterancestors(_P), None)
        if paragraph is not self.paragraph:
            self.paragraph, self.in_paragraph = paragraph, 0
        self.in_paragraph += 1
        level_named = _LISTNUM_LEVEL.search(switches)
        level = min(max(int(level_named[1]) if level_named else self.in_paragraph, 1), 9) - 1
        counts = self.counts.setdefault(name, [0] * 9)
        start = _LISTNUM_START.search(switches)
        counts[level] = int(start[1]) if start else counts[level] + 1
        counts[level + 1:] = [0] * (8 - level)
        if name == "legaldefault":
            return ".".join(str(number) for number in counts[:level + 1]) + "."
        form, before, after = _LISTNUM_SCHEMES[name][level]
        return before + format_counter(counts[level], form) + after


def _drop_text_in_field_codes(body) -> None:
    """The text inside a field's code taken out of the tree the walk reads. A field nested in
    another's code (IF { MERGEFIELD Answer } = "Có" "Heading" "", a mail-merge template's
    condition) keeps its own cached result ("Có") there, but Word shows only the outer field's
    result: read as text, the condition's answer would be glued to the heading ("Có(A) …").
    A text run is code while any field around it has not reached its separator; it is taken out
    only once that field's code is closed (separate or end), so a field left open by a damaged
    file hides nothing. Runs carrying the fields' own marks (fldChar, instrText) stay."""
    fields: list[list] = []  # per field begun and not ended: its code's text runs, or None once separated
    for run in list(body.iter(_R)) if next(body.iter(_FLD_CHAR), None) is not None else ():
        if any(ancestor.tag in _DELETED for ancestor in run.iterancestors()):
            continue
        marks = [child for child in run if child.tag == _FLD_CHAR]
        if not marks:
            code = next((f for f in reversed(fields) if f is not None), None)
            if code is not None and run.find(_INSTR_TEXT) is None:
                code.append(run)
            continue
        for mark in marks:
            kind = mark.get(_FLD_CHAR_TYPE)
            if kind == "begin":
                fields.append([])
            elif kind in ("separate", "end") and fields:
                closed = fields[-1]
                for inside in closed or ():
                    inside.getparent().remove(inside)
                if kind == "separate":
                    fields[-1] = None
                else:
                    fields.pop()


@dataclass
class _OpenField:
    """A complex field (w:fldChar begin … separate … end) being read: its first run, its code's
    pieces, whether its result has begun, whether that result shows any text, the entry it
    shows when it is a drop-down form field."""

    first_run: etree._Element
    code: list[str] = field(default_factory=list)
    separated: bool = False
    has_result: bool = False
    result: list[etree._Element] = field(default_factory=list)  # the w:t of its own result (not a nested field's)
    begin: etree._Element | None = None  # its begin mark (a form field's data: w:ffData)


def _button_text(code: str) -> str:
    """The words a button field's code shows (_BUTTON_FIELD), "" for any other field."""
    match = _BUTTON_FIELD.match(code)
    if not match:
        return ""
    words = _GENERAL_SWITCH.sub("", match.group(1)).strip()
    if len(words) > 1 and words[0] == words[-1] == '"':
        words = words[1:-1]
    return words


def _eq_shown(code: str) -> str:
    """What an EQ field of `code` shows, read in order as text (Word's field reference, Field
    codes: EQ); "" for any other field. Its switches draw their arguments, each argument text
    and switches nested, "\\," "\\(" "\\)" "\\\\" a literal character: \\o overlays them, an
    enclosed character (Enclose Characters, "\\o\\ac(○,1)") reads as what is enclosed, "1", the
    mark around it drawn only (a heading's number so circled is its label's number); \\b
    brackets them, "(" ")" unless \\lc \\rc \\bc name others; \\f is a fraction "a/b"; \\l a
    list "a,b"; \\d only moves the text after it; \\a, \\s, \\x, \\r, \\i show their
    arguments (an array, super- and subscripts, a box, a radical, an integral)."""
    match = _EQ_FIELD.match(_GENERAL_SWITCH.sub("", code))
    if not match:
        return ""
    return " ".join(_EqReader(match["code"]).sequence(top=True).split())


class _EqReader:
    """An EQ field's code read from left to right (_eq_shown)."""

    def __init__(self, code: str) -> None:
        self.code, self.at = code, 0

    def sequence(self, top: bool = False) -> str:
        """Text and switches up to the end of an argument (a "," or ")" at this depth) or of the code."""
        shown = []
        while self.at < len(self.code):
            char = self.code[self.at]
            if not top and char in ",)":
                break
            if char == "\\" and self.code[self.at + 1:self.at + 2].isalpha():
                shown.append(self.switch())
            elif char == "\\":
                shown.append(self.code[self.at + 1:self.at + 2])
                self.at += 2
            else:
                shown.append(char)
                self.at += 1
        return "".join(shown)

    def _name(self) -> str:
        start = self.at = self.at + 1
        while self.at < len(self.code) and self.code[self.at].isalpha():
            self.at += 1
        return self.code[start:self.at].lower()

    def switch(self) -> str:
        """One switch with its options and arguments, as it shows."""
        kind = self._name()[:1]
        options: dict[str, str] = {}
        while True:
            while self.at < len(self.code) and self.code[self.at] == " ":
                self.at += 1
            if not (self.code[self.at:self.at + 1] == "\\" and self.code[self.at + 1:self.at + 2].isalpha()):
                break
            option = self._name()
            if option in _EQ_CHARACTER_OPTIONS:
                if self.code[self.at:self.at + 1] == "\\":
                    self.at += 1
                options[option] = self.code[self.at:self.at + 1]
                self.at += 1
            else:
                while self.at < len(self.code) and (self.code[self.at].isdigit() or self.code[self.at] == "-"):
                    self.at += 1
                options[option] = ""
        arguments = []
        if self.code[self.at:self.at + 1] == "(":
            self.at += 1
            while True:
                arguments.append(self.sequence())
                if self.at >= len(self.code):
                    break
                self.at += 1
                if self.code[self.at - 1] == ")":
                    break
        return _eq_switch_shown(kind, options, [argument.strip() for argument in arguments])


def _eq_switch_shown(kind: str, options: dict[str, str], arguments: list[str]) -> str:
    """What one EQ switch shows of its (already read) arguments (_eq_shown)."""
    if kind == "o":
        drawn = [argument for argument in arguments if argument and argument not in _ENCLOSING_MARKS]
        return "".join(drawn) if len(drawn) < len(arguments) else " ".join(drawn)
    if kind == "b":
        left = options.get("lc") or options.get("bc") or "("
        right = options.get("rc") or _EQ_CLOSING.get(options.get("bc", ""), options.get("bc")) or ")"
        return left + " ".join(arguments) + right
    if kind == "f":
        return "/".join(arguments)
    if kind == "l":
        return ",".join(arguments)
    if kind == "d":
        return " "
    return " ".join(argument for argument in arguments if argument)


def _run_of(words: str, look) -> etree._Element:
    """A run of `words` with the character look of the run `look` (None: none of its own)."""
    run = parse_xml(f'<w:r {_W_NS}><w:t xml:space="preserve"></w:t></w:r>')
    run.find(_T).text = words
    properties = look.find(_RPR) if look is not None else None
    if properties is not None:
        run.insert(0, deepcopy(properties))
    return run


def _drop_cap(p) -> bool:
    frame = p.find(f"{_PPR}/{_FRAME}")
    return frame is not None and frame.get(_DROP_CAP) in ("drop", "margin")


def _note_chunks_not_walked(word, chunks: _Chunks) -> None:
    """Chunks where the walk does not read them (in a table's row, a text box) are noted too."""
    left = sum(1 for _ in word.element.body.iter(_ALT_CHUNK)) - chunks.walked
    if left > 0:
        chunks.skipped.append(N_("{count} part(s) Word imports in place (altChunk) in a table or a text box "
                                 "were not read").format(count=left))


def _first_page_header(word) -> str:
    """The text of the header Word prints on the first page (the first page's own when the
    section has a different first page, else its header), paragraphs and table rows as the
    body's: a line each, a row's cells joined with " | "; "" when it has none."""
    if not word.sections:
        return ""
    section = word.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:
        return ""  # the first section's header is not defined: the page has none
    counters = Counters(read_numbering(word))
    lines = []
    for element in _content(header._element):
        if element.tag == _TBL:
            lines.extend(row for row, _, _ in _rows(element, word, counters))
        else:
            lines.append(clean_line(_text(element)))
    return "\n".join(line for line in lines if line.strip())


def _with_colour_marks(read: list[tuple[Block, str]]) -> tuple[Block, ...]:
    """The blocks, a paragraph written in a colour of its own marked `coloured`: its every
    run in one colour, not black and not the body's (the colour most of the text of the
    paragraphs short enough for a heading is written in, black or none as a rule)."""
    amounts: dict[str, int] = {}
    for block, colour in read:
        if block.kind == "paragraph" and colour != _MIXED:
            amounts[colour] = amounts.get(colour, 0) + len(block.text)
    body = max(amounts, key=amounts.__getitem__, default="")
    return tuple(replace(block, coloured=True) if colour not in ("", body, _MIXED) else block for block, colour in read)


def _walk(elements: Iterator, word, counters: Counters, index: Iterator[int],
          notes: WordNotes | None = None, chunks: _Chunks | None = None) -> Iterator[tuple[Block, str]]:
    """The blocks of a body's (or a text column's) paragraphs and tables, each paragraph and
    table row numbered from `index` in turn, each with the colour its text is written in
    (_colour), told the footnotes and endnotes it refers to (_with_notes). A table right
    after another, no paragraph between them, is a table of its own (a heading typed in a
    one-row table right under an item's table): an index is left out between them, as the
    empty paragraph that would keep them apart in Word would take one. An altChunk is read
    in its place (_chunk_blocks)."""
    table_before = False
    for element in elements:
        touching, table_before = table_before, element.tag == _TBL
        if touching and table_before:
            next(index)
        if element.tag == _P:
            at = next(index)
            if _deleted_paragraph(element):
                continue  # a paragraph deleted with revisions on: Word shows it, and numbers it, in markup only
            lines = _lines_set_apart(element, word)
            if lines:
                for n, line in enumerate(lines):
                    # Word numbers the paragraph once, in front of its first line.
                    part = _paragraph_block(Paragraph(line, word._body), at, counters if n == 0 else Counters({}))
                    if part.text:
                        colour = _colour(Paragraph(line, word._body)) if len(part.text) <= MAX_HEADING_CHARS else _MIXED
                        yield _with_notes(part, line, notes), colour
                continue
            paragraph = Paragraph(element, word._body)
            block = _paragraph_block(paragraph, at, counters)
            if not block.text:
                block = _pictured_line(block, element, word, chunks)
            yield from ((box, _MIXED) for box in _text_boxes(element, word, at, counters, above=True))
            circled = _circled_number(element, block)
            if circled:
                block = replace(block, text=f"{circled} {block.text}")
            if block.text and not page_mark(block.text):
                block = _with_notes(block, element, notes)
                # A paragraph longer than a heading is none: its colour is not looked for (nor counted).
                yield block, _colour(paragraph) if len(block.text) <= MAX_HEADING_CHARS else _MIXED
            if not circled:
                yield from ((box, _MIXED) for box in _text_boxes(element, word, at, counters))
        elif element.tag == _ALT_CHUNK:
            yield from _chunk_blocks(element, word, counters, index, chunks)
        elif _text_column(element, word):
            for tc in element.iter(_TC):
                if _enclosing_table(tc) is element:
                    yield from _walk(_content(tc, chunks=chunks is not None), word, counters, index, notes, chunks)
        elif _heading_beside_text(element, word):
            for tr in element.findall(_TR):
                if not _heading_row(tr, word):
                    next(index)  # the header: it names the columns, it is no item's text
                    continue
                for tc in tr.findall(_TC):
                    yield from _walk(_content(tc, chunks=chunks is not None), word, counters, index, notes, chunks)
        else:
            style = None   # looked up once per table, only when a row has text
            for row_text, bold, tr in _rows(element, word, counters):
                at = next(index)
                if row_text.strip(" |"):
                    style = _table_style(element, word) if style is None else style
                    yield _with_notes(Block(at, row_text, "table_row", style, None, bold), tr, notes, row=True), _MIXED


def _chunk_blocks(element, word, counters: Counters, index: Iterator[int],
                  chunks: _Chunks | None) -> Iterator[tuple[Block, str]]:
    """The blocks of an altChunk, in its place, as Word shows it (parse/altchunk.py): a .docx
    chunk read as a document of its own (its styles, lists and notes), the paragraphs made of
    an HTML or text chunk read as the body's. A chunk that cannot be read is left out and
    why is kept (`chunks.skipped`); the document is read all the same."""
    if chunks is None:
        return
    chunks.walked += 1
    inner = _Chunks(chunks.depth + 1, chunks.skipped)
    try:
        chunk = read_chunk(element, word.part, chunks.depth)
        if not chunk.package:
            body = parse_xml('<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
            body.extend(chunk.elements)
            read = list(_walk(_content(body, chunks=True), word, counters, index, None, inner))
        else:
            imported = docx.Document(io.BytesIO(chunk.package))
            _show_field_display_texts(imported.element.body, imported)
            _drop_text_in_field_codes(imported.element.body)
            fonts = current_fonts.set(RunFonts.if_legacy(imported))
            hidden = current_hidden.set(HiddenRuns.if_any(imported))
            try:
                read = list(_walk(_content(imported.element.body, chunks=True), imported,
                                  Counters(read_numbering(imported)), index, WordNotes(imported, _text), inner))
                _note_chunks_not_walked(imported, inner)
            finally:
                current_hidden.reset(hidden)
                current_fonts.reset(fonts)
    except (ChunkError, *_READ_ERRORS) as e:
        reason = str(e) if isinstance(e, ChunkError) else f"{type(e).__name__}: {e}"
        chunks.skipped.append(N_("a part Word imports in place (altChunk) was not read: {reason}").format(
            reason=reason))
        return
    yield from read


def _with_notes(block: Block, element, notes: WordNotes | None, row: bool = False) -> Block:
    """The block told the footnotes and endnotes its paragraph (or table row, its nested
    tables' rows aside: they are blocks of their own) refers to (parse/footnotes.py)."""
    if not notes:
        return block
    referred = tuple(notes.referenced(element, _TR if row else None))
    return replace(block, notes=referred) if referred else block


def _text_column(table, word) -> bool:
    """A table of one column holding running text, not a list: each row one cell, and some
    cell more than one line (several paragraphs, a table, or a paragraph longer than a
    heading), or two cells or more each a bold line alone over a cell of text. Its cells
    are a box drawn around paragraphs ("1. Title" shaded in one row, its item's text in the
    next): they are read as the paragraphs and tables they hold, so a heading among them is
    found by its own features, as in the body. A table of one cell holding running text is
    such a box too: a frame drawn around the report's body, its headings and nested tables
    inside."""
    rows = table.findall(_TR)
    if not rows or any(len(tr.findall(_TC)) != 1 for tr in rows):
        return False
    headed, heading = 0, False  # heading cells followed by a text cell; the row before was one
    for tr in rows:
        written = [e for e in _content(tr.find(_TC)) if e.tag == _TBL or _text(e).strip()]
        if len(written) > 1 or any(e.tag == _TBL or len(_text(e)) > MAX_HEADING_CHARS for e in written):
            return True
        if not written:
            continue
        bold = _all_runs(written[0], Paragraph(written[0], word._body), "bold")
        headed += heading and not bold
        heading = bold
    return headed >= 2


def _heading_beside_text(table, word) -> bool:
    """A table of two columns whose every row is an item's heading typed beside its text
    (_heading_row), the first row perhaps the table's header ("Nội dung yêu cầu | Kết quả
    thực hiện": short lines, no text): its heading rows' cells are read as the paragraphs
    they hold, heading first, so each heading is found by its own features, as in the body.
    The header names the columns (heading, text): it is left out, no item's text."""
    rows = table.findall(_TR)
    headings = [_heading_row(tr, word) for tr in rows]
    return any(headings) and all(headings[1:]) and (headings[0] or _header_row(rows[0]))


def _heading_row(tr, word) -> bool:
    """A row of two cells: in the left a heading alone, a title under its label
    (headings.labelled_title; Word's own number or one drawn in a shape in front of the
    title counts), in the right text longer than it: an item's heading typed beside its
    first paragraph."""
    cells = tr.findall(_TC)
    if len(cells) != 2:
        return False
    left, right = ([e for e in _content(tc) if e.tag == _TBL or _text(e).strip()] for tc in cells)
    if len(left) != 1 or left[0].tag != _P or not right:
        return False
    heading = clean_line(_text(left[0]))
    numbered = bool(list_ref(Paragraph(left[0], word._body)) or _circled_number_of(left[0]))
    running = len(right) > 1 or right[0].tag == _TBL or len(_text(right[0])) > len(heading)
    return labelled_title(heading, numbered) and running


def _header_row(tr) -> bool:
    """A table's header row: two cells, each a line no longer than a heading, no number."""
    cells = tr.findall(_TC)
    written = [[e for e in _content(tc) if e.tag == _TBL or _text(e).strip()] for tc in cells]
    return len(cells) == 2 and all(
        len(lines) == 1 and lines[0].tag == _P and len(clean_line(_text(lines[0]))) <= MAX_HEADING_CHARS
        and not leading_label(clean_line(_text(lines[0]))) for lines in written)


def _lines_set_apart(p, word) -> list:
    """A paragraph whose line after a line break (or a page break) is bold alone, short as a
    heading, the line before it not: a heading typed after a break in the last paragraph of
    the item before. Word shows it as a line of its own, so it is read as a paragraph of its
    own, and the lines after it as another: the paragraph's parts, each a copy of it holding
    only its own lines; [] for a paragraph not so written (no break, no such line, or a text
    box in it)."""
    # By id, each kept alive here: lxml makes a new Python object for an element no one holds.
    breaks = {id(child): child for r in _runs(p) for child in r if child.tag in (_BR, _CR)}
    if not breaks or any(True for _ in _boxes(p)):
        return []
    paragraph = Paragraph(p, word._body)
    texts, bold = [""], [True]  # each line's text and whether its every run with text is bold
    for r in _runs(p):
        run_bold = None  # looked up once a run, when it has text
        for child in r:
            if id(child) in breaks:
                texts.append("")
                bold.append(True)
            elif child.tag == _T and (child.text or "").strip():
                run_bold = _run_has(Run(r, paragraph), paragraph, "bold") if run_bold is None else run_bold
                texts[-1] += child.text
                bold[-1] = bold[-1] and run_bold
    texts = [clean_line(text) for text in texts]
    apart = [bool(text) and len(text) <= MAX_HEADING_CHARS and b for text, b in zip(texts, bold, strict=True)]
    starts, before = [0], None  # the first line of each part; whether the last written line was set apart
    for n, text in enumerate(texts):
        if not text:
            continue
        if before is not None and (apart[n] and not before or before and not apart[n] and len(starts) > 1):
            starts.append(n)
        before = apart[n]
    if len(starts) == 1:
        starts = _heading_line_before_text(texts, bool(list_ref(paragraph)), apart)
    if len(starts) == 1:
        return []
    ends = [*starts[1:], len(texts)]
    return _parts(p, breaks, [(first, end - 1) for first, end in zip(starts, ends, strict=True)])


def _heading_line_before_text(texts: list[str], numbered: bool, apart: list[bool]) -> list[int]:
    """The first line of each part of a paragraph of lines (`texts`, cleaned, split at its
    line breaks) whose first line is a heading under its label (headings.labelled_title; with
    `numbered`, Word's own number in front of it) and the lines after the break its item's
    text, in any face: "1. Tấm bản đồ trải trên bàn họp" ↵ "Giai đoạn 2015 – 2017, tỉnh …".
    Word shows the heading on a line of its own; joined with the text, the heading would hold
    the item's first sentence, and the item lose it. The text opens a sentence of its own
    (a capital, a digit or a label: not a sentence wrapped by hand, "1. Tỉnh đã ban hành" ↵
    "kế hoạch …") and is more than a subtitle: a sentence, or longer than the heading. A
    first line ending as a list's entry (";", ",") is no heading. A heading broken by hand
    over lines of its own (Shift+Enter: "Phần kết quả I. Tấm" ↵ "bản vẽ ghim trên vách" ↵
    "Giai đoạn …") is one heading when its lines are each `apart` (bold, short), none under a
    label of its own, and the text's are not: the face says where the heading ends. [0] when
    not so written."""
    written = [n for n, text in enumerate(texts) if text]
    if len(written) < 2 or written[0] != 0:
        return [0]
    lines = 1  # the written lines the heading holds: its first, or every bold one before the text's face
    while lines < len(written) - 1 and apart[written[lines]]:
        lines += 1
    if any(apart[n] for n in written[lines:]) or any(leading_label(texts[n]) for n in written[1:lines]):
        lines = 1  # bold lines after the text's, or a line under a label of its own: no heading's wrap
    for held in dict.fromkeys((lines, 1)):
        heading = " ".join(texts[n] for n in written[:held])
        text = " ".join(texts[n] for n in written[held:])
        opens = text[0].isupper() or text[0].isdigit() or bool(leading_label(text))
        sentence = text.endswith((".", ";", "!", "?", ":")) or len(text) > len(heading)
        if labelled_title(heading, numbered) and not heading.endswith((";", ",")) and opens and sentence:
            return [0, written[held]]
    return [0]


def _parts(p, breaks: dict, spans: list[tuple[int, int]]) -> list:
    """Copies of the paragraph, one a span of its lines (first, last; counted from 0 at the
    line breaks `breaks`, by id): each its properties and what it holds of those lines and
    the breaks between them, nothing else of its runs. What holds no run (a bookmark) goes
    with the first. Each child is copied for the parts it has lines in only: a paragraph of
    many lines is not copied once a line."""
    parts = [p.makeelement(p.tag, p.attrib) for _ in spans]
    for part in parts:
        if p.pPr is not None:
            part.append(deepcopy(p.pPr))
    line = 0
    for child in p:
        if child.tag == _PPR:
            continue
        leaves = [leaf for r in ([child] if child.tag == _R else child.iter(_R)) for leaf in r if leaf.tag != _RPR]
        lines = []  # each leaf's line, and whether it is a break
        for leaf in leaves:
            at_break = id(leaf) in breaks
            lines.append((line, at_break))
            line += at_break
        for n, ((first, last), part) in enumerate(zip(spans, parts, strict=True)):
            keep = [first <= at <= last and not (at_break and at == last) for at, at_break in lines]
            if not any(keep) and (leaves or n):
                continue
            twin = deepcopy(child)
            copied = [leaf for r in ([twin] if twin.tag == _R else twin.iter(_R)) for leaf in r if leaf.tag != _RPR]
            for leaf, kept in zip(copied, keep, strict=True):
                if not kept:
                    leaf.getparent().remove(leaf)
            part.append(twin)
    return parts


def _circled_number(paragraph, block: Block) -> str:
    """The number of a heading drawn in a shape in line in front of its title (an oval
    holding "3"), only the title typed: the line's label, "3"; "" for any other paragraph
    (one with a label of its own, one longer than a heading)."""
    if block.number or not block.text or len(block.text) > MAX_HEADING_CHARS:
        return ""
    return _circled_number_of(paragraph)


def _circled_number_of(paragraph) -> str:
    boxes = list(_boxes(paragraph))
    number = _box_text(paragraph).strip()
    if len(boxes) != 1 or not _CIRCLED_NUMBER.fullmatch(number):
        return ""
    first = next(paragraph.iter(_T), None)  # the first text written: the box's, so it stands in front
    return number if first is not None and any(a is boxes[0] for a in first.iterancestors()) else ""


def _text_boxes(paragraph, word, index: int, counters: Counters, above: bool = False) -> Iterator[Block]:
    """Paragraphs of the text boxes anchored in a paragraph (a letterhead is often one),
    with its index: after it, or (`above`) those set on top of it, before it."""
    for box in _boxes(paragraph):
        if _above_its_paragraph(box) != above:
            continue
        for inner in box.iter(_P):
            block = _paragraph_block(Paragraph(inner, word._body), index, counters)
            if block.text:
                yield block


def _boxes(paragraph) -> Iterator:
    """The text boxes (w:txbxContent, DrawingML or VML) anchored in a paragraph, in the order
    they are written. Word stores each box twice (mc:Choice for new readers, mc:Fallback as VML
    for old ones): only the first copy is read; a box inside another box is read with it. A
    classic WordArt's words (_wordart) are a box of their own; boxes set side by side on one
    line of a group or canvas (_line_of_boxes) are one box, one line, left to right."""
    joined: set = set()  # boxes read already, with the others of their line
    for box in paragraph.iter(_TXBX, _TEXTPATH):
        if any(ancestor.tag in (_MC_FALLBACK, _TXBX) for ancestor in box.iterancestors()) or box in joined:
            continue
        if box.tag == _TEXTPATH:
            wordart = _wordart(box)
            if wordart is not None:
                yield wordart
            continue
        line = _line_of_boxes(box)
        if len(line) < 2:
            yield box
            continue
        joined.update(line)
        yield _one_line(line)


def _wordart(textpath):
    """A classic WordArt (a VML shape drawing the words of its v:textpath's `string` along
    its path: Word 2003's WordArt, a .docx in compatibility mode, LibreOffice's Fontwork
    saved as .docx) as a text box of one paragraph holding its words, bold: WordArt is
    display lettering, a heading's look whatever its font says. None for a shape type's
    path (no words) or a path switched off."""
    words = clean_line(textpath.get("string") or "")
    if not words or textpath.getparent().tag == _SHAPETYPE or textpath.get("on", "t").lower() in ("f", "false"):
        return None
    box = parse_xml(f'<w:txbxContent {_W_NS}><w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"/></w:r>'
                    f'</w:p></w:txbxContent>')
    next(box.iter(_T)).text = words
    return box


def _line_of_boxes(box) -> list:
    """The text boxes of the shapes of a group or canvas (Word's Group, a drawing canvas; VML's
    v:group) laid on one line with this box's shape (their heights mostly shared: a heading's
    label in a rounded rectangle, its title in a box beside it), left to right; each holding a
    line (one paragraph) of text, none over another, each less than the line's height from the
    next (boxes further apart are columns). [box] when it is on no such line."""
    shape = _shape_of(box)
    group = shape.getparent() if shape is not None else None
    if group is None or group.tag not in _SHAPE_GROUPS:
        return [box]
    placed = []
    for sibling in group:
        inner = next(sibling.iter(_TXBX), None)
        frame = _frame(sibling)
        if inner is None or frame is None:
            continue
        lines = [p for p in inner.iter(_P) if _text(p).strip()]
        if len(lines) == 1:
            placed.append((frame, inner))
    mine = next((frame for frame, inner in placed if inner is box), None)
    if mine is None:
        return [box]
    line = sorted(((frame, inner) for frame, inner in placed if _share_a_line(frame, mine)), key=lambda p: p[0][0])
    for (left, _), (right, _) in pairwise(line):
        gap = right[0] - (left[0] + left[2])
        if gap < 0 or gap > min(left[3], right[3]):
            return [box]  # one on top of another, or far apart (columns): not read as one line
    return [inner for _, inner in line]


def _shape_of(box):
    """The shape holding a text box: a DrawingML wps:wsp, or a VML shape (the v:textbox's parent)."""
    for ancestor in box.iterancestors():
        if ancestor.tag == _WPS_SHAPE or ancestor.tag.startswith(f"{{{_VML}}}") and ancestor.tag != _VML_TEXTBOX:
            return ancestor
    return None


def _frame(shape) -> tuple[float, float, float, float] | None:
    """A shape's place in its group (left, top, width, height, in the group's units): DrawingML's
    spPr/a:xfrm, VML's style (left, top, width, height: 0 when not written)."""
    if shape.tag == _WPS_SHAPE:
        properties = shape.find(_WPS_PROPERTIES)
        offset = properties.find(_XFRM_OFFSET) if properties is not None else None
        extent = properties.find(_XFRM_EXTENT) if properties is not None else None
        if offset is None or extent is None:
            return None
        try:
            return (float(offset.get("x", "0")), float(offset.get("y", "0")),
                    float(extent.get("cx", "0")), float(extent.get("cy", "0")))
        except ValueError:
            return None
    if not shape.tag.startswith(f"{{{_VML}}}"):
        return None
    lengths = dict.fromkeys(("left", "top", "width", "height"), 0.0)
    for name, value in _VML_LENGTH.findall(shape.get("style") or ""):
        try:
            lengths[name] = float(value)
        except ValueError:
            return None
    return lengths["left"], lengths["top"], lengths["width"], lengths["height"]


def _share_a_line(one: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    """Two shapes side by side on one line: over half the lower one's height shared."""
    shared = min(one[1] + one[3], other[1] + other[3]) - max(one[1], other[1])
    return min(one[3], other[3]) > 0 and shared > min(one[3], other[3]) / 2


def _one_line(boxes: list):
    """Text boxes on one line as one text box of one paragraph: the first's paragraph look,
    each box's runs in turn, a space between them."""
    paragraphs = [next(p for p in box.iter(_P) if _text(p).strip()) for box in boxes]
    line = parse_xml(f'<w:txbxContent {_W_NS}><w:p/></w:txbxContent>')
    p = line.find(_P)
    look = paragraphs[0].find(_PPR)
    if look is not None:
        p.append(deepcopy(look))
    for n, paragraph in enumerate(paragraphs):
        if n:
            p.append(parse_xml(f'<w:r {_W_NS}><w:t xml:space="preserve"> </w:t></w:r>'))
        p.extend(deepcopy(child) for child in paragraph if child.tag != _PPR)
    return line


def _above_its_paragraph(box) -> bool:
    """Whether a text box sits on top of the paragraph it is anchored in, the paragraph's text
    pushed under it: placed at the paragraph's top (within a line of it), no text beside it.
    A heading framed in a .rtf or .doc (a frame, LibreOffice makes it a text box anchored in
    the paragraph after it) reads so, before that paragraph."""
    anchor = next((a for a in box.iterancestors() if a.tag == _ANCHOR), None)
    if anchor is None or anchor.find(_WRAP_TOP_AND_BOTTOM) is None:
        return False
    vertical = anchor.find(_POSITION_V)
    offset = vertical.find(_POS_OFFSET) if vertical is not None else None
    if offset is None or vertical.get("relativeFrom") != "paragraph":
        return False
    try:
        return 0 <= int(offset.text) <= _LINE_EMU
    except (TypeError, ValueError):
        return False


def _box_text(paragraph) -> str:
    """The text of a paragraph's text boxes, their paragraphs joined with spaces."""
    return " ".join(_text(inner) for box in _boxes(paragraph) for inner in box.iter(_P))


def _pictured_line(block: Block, p, word, chunks: _Chunks | None) -> Block:
    """An empty paragraph holding one picture in line and nothing else, shaped like a line of
    text (line_pictures.line_shaped): a heading pasted as a clipping. Its picture is read with
    OCR and the words taken for the paragraph's, with a heading's look (bold: the picture alone
    between the text's paragraphs is a heading's mark) and `pictured`, for the reviewer. A
    picture that could not be read leaves the paragraph empty, the reason kept with the
    document's (Document.partial)."""
    pictures = list(p.iter(_INLINE))
    if len(pictures) != 1 or any(True for _ in _boxes(p)):
        return block
    extent = pictures[0].find(_EXTENT)
    blips = list(pictures[0].iter(_BLIP))
    if extent is None or len(blips) != 1:
        return block
    try:
        width, height = int(extent.get("cx", "0")) / _EMU_PER_POINT, int(extent.get("cy", "0")) / _EMU_PER_POINT
    except ValueError:
        return block
    if not line_shaped(width, height):
        return block
    part = word.part.related_parts.get(blips[0].get(_EMBED, ""))
    blob = getattr(part, "blob", None)
    if not isinstance(blob, bytes):
        return block
    text, why = read_line_picture(blob)
    if why and chunks is not None:
        chunks.skipped.append(N_("a picture on a line of its own was not read: {reason}").format(reason=why))
    text = clean_line(text)
    if not text:
        return block
    return replace(block, text=text, number=block.number or leading_label(text), bold=True, pictured=True)


def _deleted_paragraph(p) -> bool:
    """A paragraph deleted as a revision: its mark deleted (w:pPr/w:rPr/w:del) and no text
    outside deletions."""
    mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
    return mark is not None and not _text(p).strip() and not any(True for _ in _boxes(p))


def _content(container, chunks: bool = False) -> Iterator:
    """Paragraphs and tables of a body or cell in order, looking inside content controls;
    with `chunks`, the altChunks among them too (_walk reads them in their place)."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL) or chunks and child.tag == _ALT_CHUNK:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _content(inner, chunks)


def _paragraph_block(paragraph: Paragraph, index: int, counters: Counters) -> Block:
    style = paragraph_style(paragraph)
    text = clean_line(_text(paragraph._p))
    ref, style_id = list_ref(paragraph), style.style_id if style is not None else ""
    auto_number = counters.label(ref, style_id)
    return Block(
        index=index,
        text=text,
        kind="paragraph",
        style=nfc(style.name or "") if style is not None else "",
        heading_level=_heading_level(paragraph),
        bold=_all_runs(paragraph._p, paragraph, "bold"),
        number=auto_number or leading_label(text),
        lead=_bold_lead(paragraph, text),
        underlined=_all_runs(paragraph._p, paragraph, "underline"),
        spaced=len(text) <= MAX_HEADING_CHARS and _letter_spaced(paragraph),
        highlighted=len(text) <= MAX_HEADING_CHARS and _highlighted(paragraph),
        boxed=len(text) <= MAX_HEADING_CHARS and _boxed(paragraph),
        bullet=counters.bullet(ref, style_id),
    )


def _rows(table, word, counters: Counters) -> Iterator[tuple[str, bool, etree._Element]]:
    """Each row as (cells joined with " | ", bold, the w:tr); a table nested in a cell follows
    its row. A cell's text written after a table nested in it (an answer's table between
    its sentences, "Đơn vị tính: …" over it, the sentences after it below) follows that
    table, a row of one cell of its own: it is read where it is written, not before it."""
    for tr in table.iter(qn("w:tr")):
        if _enclosing_table(tr) is not table:
            continue  # a nested table's row: yielded after the row holding it
        cells, bold, nested = [], True, []
        after: list = []  # what a cell holds after its first nested table: tables and lines
        for tc in tr.iter(qn("w:tc")):
            if _enclosing_table(tc) is not table or _continues_vertical_merge(tc):
                continue
            lines, tail = [], None
            for element in _content(tc):
                if element.tag == _TBL:
                    if tail is None and not after:
                        tail = []
                    (nested if tail is None else tail).append(element)
                    continue
                paragraph = Paragraph(element, word._body)
                label = counters.label(list_ref(paragraph),
                                       (paragraph_style(paragraph).style_id if paragraph_style(paragraph) else ""))
                text = " ".join(part for part in (_text(element), _box_text(element)) if part.strip())
                line = f"{label} {text}" if label else text
                bold = bold and _all_runs(element, paragraph, "bold")
                if tail is None:
                    lines.append(line)
                else:
                    tail.append((line, element))
            if tail and any(isinstance(part, tuple) and part[0].strip() for part in tail):
                after = tail
            elif tail:
                nested.extend(part for part in tail if not isinstance(part, tuple))
            cells.append(clean_line(" ".join(lines)))
        yield " | ".join(cells), bold, tr
        for inner in nested:
            yield from _rows(inner, word, counters)
        yield from _rows_after(after, word, counters)


def _rows_after(parts: list, word, counters: Counters) -> Iterator[tuple[str, bool, etree._Element]]:
    """A cell's tables and lines after its first nested table (_rows), in order: each run
    of lines one row of one cell (given its first paragraph: the row holding them has its
    notes), each table its rows."""
    run: list = []
    for part in [*parts, None]:
        if isinstance(part, tuple):
            run.append(part)
            continue
        if run:
            text = clean_line(" ".join(line for line, _ in run))
            if text:
                yield text, all(_all_runs(e, Paragraph(e, word._body), "bold") for _, e in run), run[0][1]
            run = []
        if part is not None:
            yield from _rows(part, word, counters)


def _enclosing_table(element):
    return next(element.iterancestors(_TBL))


def _continues_vertical_merge(tc) -> bool:
    """The lower cells of a vertical merge repeat nothing: Word shows the top cell only."""
    v_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue"


def _table_style(table, word) -> str:
    style = table_style(Table(table, word._body))
    return nfc(style.name or "") if style is not None else ""


def _text(element) -> str:
    return "".join(_pieces(element))


def _pieces(element) -> Iterator[str]:
    fonts = current_fonts.get()
    hidden = current_hidden.get()
    if hidden is not None and element.tag == _R and hidden.hides(element):
        return  # Word neither shows nor prints it (parse/hidden.py)
    for child in element.iterchildren():
        if child.tag in _NOT_IN_TEXT:
            continue
        if hidden is not None and child.tag == _R and hidden.hides(child):
            continue
        if fonts is not None and child.tag == _R:
            text = _legacy_run_text(child)
            font = fonts.legacy_font(child, text)
            if font is not None:
                yield text_in_font(text, font)
                continue
        if child.tag == _T:
            yield child.text or ""
        elif child.tag == _TAB:
            yield "\t"
        elif child.tag in (_BR, _CR):
            yield "\n"
        elif child.tag == _NO_BREAK_HYPHEN:
            yield "-"
        elif child.tag == _SYM:
            yield _symbol(child)
        else:
            yield from _pieces(child)


def _legacy_run_text(run) -> str:
    """A legacy-font run's text with Word's optional hyphen put back as the byte 0xAD it
    was typed as: in TCVN3 that byte is the letter ư."""
    pieces = []
    for child in run.iterchildren():
        if child.tag == _T:
            pieces.append(child.text or "")
        elif child.tag == _SOFT_HYPHEN:
            pieces.append("\xad")
        elif child.tag == _TAB:
            pieces.append("\t")
        elif child.tag == _SYM:
            pieces.append(_symbol(child))  # a private-use character: no legacy code, left as it is
    return "".join(pieces)


def _symbol(sym) -> str:
    """A character inserted as a symbol (Insert > Symbol: w:sym, "Wingdings" and "F0D8") as
    a symbol font's private-use character, U+F0D8, as a PDF of the same page gives it: the
    arrow typed in front of a heading is its bullet (parse/bullets.py), not nothing. A code
    written without the font's F000 page ("D8") is on it; one that is no character (unreadable,
    a surrogate, out of range) is no text."""
    try:
        code = int(sym.get(_CHAR) or "", 16)
    except ValueError:
        return ""
    if code < 0x100:
        code += 0xF000
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""


def _runs(element) -> Iterator:
    """The runs of an element a reader sees: not deleted, not in a text box, not hidden."""
    hidden = current_hidden.get()
    for child in element.iterchildren():
        if child.tag in _NOT_IN_TEXT:
            continue
        if child.tag == _R:
            if hidden is None or not hidden.hides(child):
                yield child
        else:
            yield from _runs(child)


def _all_runs(element, paragraph: Paragraph, mark: str) -> bool:
    """Every run with text carries the mark ("bold", "underline")."""
    runs = [r for r in _runs(element) if _text(r).strip()]
    return bool(runs) and all(_run_has(Run(r, paragraph), paragraph, mark) for r in runs)


def _bold_lead(paragraph: Paragraph, text: str) -> str:
    """The bold sentence (or words ending in a colon, or a numbered title: labels.is_lead) the
    paragraph's text opens with, its rest not bold: a heading written as the lead of its first
    paragraph; or the same set apart in small capitals, its rest not; "" for none."""
    lead: list[str] = []
    mark = None  # what sets the lead apart: its first words' bold, or else their small capitals
    for r in _runs(paragraph._p):
        piece = _text(r)
        if not piece.strip():
            lead.append(piece)
            continue
        if mark is None:
            run = Run(r, paragraph)
            mark = next((m for m in ("bold", "small_caps") if _run_has(run, paragraph, m)), "")
        if mark and _run_has(Run(r, paragraph), paragraph, mark):
            lead.append(piece)
        else:
            break
    else:
        return ""  # every run bold, or none with text after the bold ones
    words = clean_line("".join(lead))
    return words if text.startswith(words) and len(words) < len(text) and is_lead(words, text[len(words):]) else ""


def _colour(paragraph: Paragraph) -> str:
    """The one colour every run with text of a paragraph is written in ("" for black or
    none, _MIXED for several, or for a link's): directly, else through the run's character
    style, else through the paragraph style."""
    found = None
    for r in _runs(paragraph._p):
        if not _text(r).strip():
            continue
        if r.getparent().tag == _HYPERLINK:
            return _MIXED
        rPr = r.find(_RPR)
        colour = _colour_in(rPr)
        if colour is None:
            style = rPr.find(_RSTYLE) if rPr is not None else None
            colour = _styled_colour(paragraph, r, style.get(_VAL) if style is not None else None)
        if found is not None and colour != found:
            return _MIXED
        found = colour
    return found or ""


def _styled_colour(paragraph: Paragraph, r, run_style_id: str | None) -> str:
    """The colour a run without its own takes from its character style or the paragraph's
    style ("" for none), found once per pair of styles."""
    def styled():
        chains = (*style_chain(paragraph.part, run_style(Run(r, paragraph))),
                  *style_chain(paragraph.part, paragraph_style(paragraph)))
        return next((c for style in chains if (c := _colour_in(style.element.rPr)) is not None), "")

    return cached(paragraph.part, ("colour", paragraph._p.style, run_style_id), styled)


def _colour_in(rPr) -> str | None:
    """The colour a run's (or a style's) properties set: "" for black or automatic, None if unset."""
    element = rPr.find(_COLOR) if rPr is not None else None
    if element is None:
        return None
    value = (element.get(_THEME_COLOR) or element.get(_VAL) or "").lower()
    return "" if value in _BLACK else value


def _letter_spaced(paragraph: Paragraph) -> bool:
    """Every run with text expanded by SPACED_FROM_TWIPS or more ("L ĩ n h  v ự c  I"):
    directly, else through the run's character style, else through the paragraph style, as
    bold is found (_run_has)."""
    runs = [r for r in _runs(paragraph._p) if _text(r).strip()]
    return bool(runs) and all(_run_spacing(paragraph, r) >= SPACED_FROM_TWIPS for r in runs)


def _run_spacing(paragraph: Paragraph, r) -> int:
    """A run's character spacing in twentieths of a point (0 for none set)."""
    rPr = r.find(_RPR)
    direct = _spacing_in(rPr)
    if direct is not None:
        return direct
    style = rPr.find(_RSTYLE) if rPr is not None else None

    def styled():
        chains = (*style_chain(paragraph.part, run_style(Run(r, paragraph))),
                  *style_chain(paragraph.part, paragraph_style(paragraph)))
        return next((s for style in chains if (s := _spacing_in(style.element.rPr)) is not None), 0)

    return cached(paragraph.part, ("spacing", paragraph._p.style, style.get(_VAL) if style is not None else None),
                  styled)


def _spacing_in(rPr) -> int | None:
    """The character spacing a run's (or a style's) properties set, None if unset."""
    element = rPr.find(_SPACING) if rPr is not None else None
    try:
        return int(element.get(_VAL)) if element is not None else None
    except (TypeError, ValueError):
        return None


def _highlighted(paragraph: Paragraph) -> bool:
    """The paragraph shaded as a whole (w:pPr/w:shd), or every run with text laid on a
    background (a highlight, w:highlight, or a shading, w:shd): directly, else through the
    run's character style, else through the paragraph style, as bold is found (_run_has)."""
    if _background_in(paragraph._p.pPr):
        return True
    runs = [r for r in _runs(paragraph._p) if _text(r).strip()]
    return bool(runs) and all(_run_background(paragraph, r) for r in runs)


def _boxed(paragraph: Paragraph) -> bool:
    """The paragraph alone in a box: a border on its four sides (w:pPr/w:pBdr, directly or
    through its style), and neither paragraph next to it bordered alike, for Word draws
    paragraphs bordered alike one box round them all (a note framed, not a heading)."""
    borders = _borders(paragraph._p, paragraph.part)
    if borders is None or not all(side in borders for side in _BOX_SIDES):
        return False
    return not any(near is not None and near.tag == _P and _borders(near, paragraph.part) == borders
                   for near in (paragraph._p.getprevious(), paragraph._p.getnext()))


def _borders(p, part) -> dict | None:
    """A paragraph's borders, side -> its line's attributes, the sides drawn (not "none" or
    "nil"): its own w:pBdr, else its style's; None when neither sets any."""
    pPr = p.find(_PPR)
    found = pPr.find(_PBDR) if pPr is not None else None
    if found is None:
        style_id = pPr.find(qn("w:pStyle")) if pPr is not None else None
        style = style_by_id(part, style_id.get(_VAL) if style_id is not None else None, WD_STYLE_TYPE.PARAGRAPH)
        found = next((b for s in style_chain(part, style) if s.element.pPr is not None
                      for b in [s.element.pPr.find(_PBDR)] if b is not None), None)
    if found is None:
        return None
    return {etree.QName(side).localname: dict(side.attrib) for side in found
            if (side.get(_VAL) or "none").lower() not in ("none", "nil")}


def _run_background(paragraph: Paragraph, r) -> bool:
    direct = _background_in(r.find(_RPR))
    if direct is not None:
        return direct
    rPr = r.find(_RPR)
    style = rPr.find(_RSTYLE) if rPr is not None else None

    def styled():
        run = Run(r, paragraph)
        chains = (*style_chain(paragraph.part, run_style(run)),
                  *style_chain(paragraph.part, paragraph_style(paragraph)))
        return next((b for s in chains for b in (_background_in(s.element.rPr), _background_in(s.element.pPr))
                     if b is not None), False)

    return cached(paragraph.part, ("background", paragraph._p.style, style.get(_VAL) if style is not None else None),
                  styled)


def _background_in(properties) -> bool | None:
    """Whether a run's, a paragraph's or a style's properties (w:rPr, w:pPr) lay a background
    under the text: a highlight other than "none" or a shading filled in a colour, white being
    none; None when they set neither."""
    if properties is None:
        return None
    highlight, shading = properties.find(_HIGHLIGHT), properties.find(_SHADING)
    if highlight is None and shading is None:
        return None
    if highlight is not None and (highlight.get(_VAL) or "").lower() not in _NO_BACKGROUND:
        return True
    return shading is not None and any((shading.get(attribute) or "").lower() not in _NO_BACKGROUND
                                       for attribute in (_FILL, _THEME_FILL))


def _run_has(run: Run, paragraph: Paragraph, mark: str) -> bool:
    """A run's mark ("bold", "underline", "small_caps"): direct formatting, then the run's
    character style, then the paragraph style (what the styles say is worked out once per
    document and pair of styles: a report asks it of every run)."""
    direct = getattr(run.font, mark)
    if direct is not None:
        return bool(direct)
    part = paragraph.part
    return cached(part, ("mark", mark, run._r.style, paragraph._p.style), lambda: _styled_mark(
        (*style_chain(part, run_style(run)), *style_chain(part, paragraph_style(paragraph))), mark))


def _styled_mark(styles: tuple, mark: str) -> bool:
    """The mark the nearest style that sets it gives, none if none does."""
    for style in styles:
        styled = getattr(style.font, mark)
        if styled is not None:
            return bool(styled)
    return False


def _heading_level(paragraph: Paragraph) -> int | None:
    """From a direct outline level, else the first style up the basedOn chain that is a
    heading style (by name, English or Vietnamese) or sets an outline level."""
    direct = _outline_level(paragraph._p.pPr)
    if direct is not None:
        return _heading_from_outline(direct)
    for style in style_chain(paragraph.part, paragraph_style(paragraph)):
        name = fold(style.name or "")
        if name in _TITLE_STYLES:
            return 0
        if m := _HEADING_STYLE.match(name):
            return int(m[1])
        outline = _outline_level(style.element.pPr)
        if outline is not None:
            return _heading_from_outline(outline)
    return None


def _outline_level(pPr) -> int | None:
    outline = pPr.find(qn("w:outlineLvl")) if pPr is not None else None
    if outline is None:
        return None
    try:
        return int(outline.get(qn("w:val")))
    except (TypeError, ValueError):
        return None


def _heading_from_outline(level: int) -> int | None:
    return None if level >= _BODY_TEXT_OUTLINE_LEVEL else level + 1


# Larger than any photo of an A4 page: a bigger "image" is a bomb, not a scan.
MAX_IMAGE_BYTES = 50 * 2**20


def body_images(path: Path | str) -> list[tuple[str, bytes]]:
    """The pictures of the body, in reading order, as (part name, bytes): a report scanned
    and pasted into Word as pictures has no other text. Header and footer pictures
    (a logo, a stamp) are not the report's body."""
    try:
        word = docx.Document(str(path))
        images, seen = [], set()
        for blip in word.element.body.iter(qn("a:blip")):
            rel_id = blip.get(qn("r:embed"))
            part = word.part.related_parts.get(rel_id) if rel_id else None
            if part is None or rel_id in seen or not getattr(part, "content_type", "").startswith("image/"):
                continue
            seen.add(rel_id)
            blob = part.blob
            if len(blob) <= MAX_IMAGE_BYTES:
                images.append((str(part.partname).rpartition("/")[2], blob))
        return images
    except _READ_ERRORS as e:
        raise DocumentError(path, _reason(Path(path), e)) from e
