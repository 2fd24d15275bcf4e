"""What a Word altChunk (w:altChunk r:id) holds: a part of the package Word imports in its
place when it opens the file, and shows as the document's own paragraphs. Tools that write
reports from a web form or a template paste an item's text in this way: HTML, MHT, plain
text, RTF or another .docx.

Each chunk is given back as something the .docx reader walks as it walks the body: a .docx
package (another .docx, or an RTF one LibreOffice made into a .docx, as parse/convert.py
does for .rtf reports), or WordprocessingML paragraphs and tables made from the HTML or the
text, a block tag a paragraph, a table row a row, bold, italic and underline kept, <hN> an
outline level N-1 (Word's "Heading N"). A chunk that cannot be read raises ChunkError with
its reason: the rest of the document is read all the same.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.part import Part, PartFactory
from docx.oxml import parse_xml

from baocao.i18n import N_
from baocao.parse.document import DocumentError
from baocao.parse.numbering import format_counter

RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_PACKAGES = {  # the types Word accepts for a whole package: a .docx (.docm and templates)
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_HTML = {"text/html", "application/xhtml+xml"}
_MHT = {"message/rfc822", "multipart/related"}
_RTF = {"application/rtf", "text/rtf"}
_TEXT = {"text/plain"}
_MAX_DEPTH = 3  # a chunk's .docx holding chunks itself, at most so deep: a loop of parts is hostile


class ChunkError(Exception):
    """A chunk that was not read, with why (a catalogue text)."""


@dataclass(frozen=True)
class Chunk:
    """A chunk's content: a .docx package to read as a document (`package`), or the body
    elements (w:p, w:tbl) made from its HTML or text (`elements`)."""

    package: bytes = b""
    elements: tuple = field(default=())


def _keep_chunks_raw(previous):
    """python-docx's part class chooser, but for chunks: their part is kept as its bytes. A
    .docx chunk's type says "document.main+xml", and python-docx would parse its zip as XML
    and fail to open the whole report."""
    def choose(content_type: str, reltype: str):
        if reltype == RELATIONSHIP:
            return Part
        return previous(content_type, reltype) if previous is not None else None
    return choose


PartFactory.part_class_selector = _keep_chunks_raw(PartFactory.part_class_selector)


def read_chunk(altchunk, part, depth: int = 0) -> Chunk:
    """The content of the chunk `altchunk` (a w:altChunk of `part`, the body's part)."""
    if depth >= _MAX_DEPTH:
        raise ChunkError(N_("altChunk parts nested deeper than {depth}").format(depth=_MAX_DEPTH))
    rel_id = altchunk.get(f"{{{_R}}}id")
    rel = part.rels.get(rel_id) if rel_id else None
    if rel is None or rel.is_external:
        raise ChunkError(N_("the part it names is not in the file"))
    target = rel.target_part
    content_type = (target.content_type or "").split(";")[0].strip().lower()
    blob = target.blob
    if content_type in _WORD_PACKAGES:
        if not zipfile.is_zipfile(io.BytesIO(blob)):
            raise ChunkError(N_("its .docx part is not a Word package"))
        return Chunk(package=blob)
    if content_type in _HTML:
        return Chunk(elements=html_elements(_decoded(blob)))
    if content_type in _MHT:
        return Chunk(elements=html_elements(_mht_html(blob)))
    if content_type in _TEXT:
        return Chunk(elements=tuple(_paragraph([(line, False, False, False)]) for line in _decoded(blob).splitlines()
                                    if line.strip()))
    if content_type in _RTF:
        return Chunk(package=_rtf_as_docx(blob))
    raise ChunkError(N_("its type {type} is not read").format(type=content_type or "?"))


def _decoded(blob: bytes, charset: str | None = None) -> str:
    """Text from bytes as a browser takes it: a byte order mark, else the charset given
    (the MHT part's, a <meta charset>), else UTF-8, else Windows' Vietnamese code page."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if blob.startswith(bom):
            return blob.decode(name, "replace")
    declared = charset or next(iter(re.findall(rb"charset\s*=\s*[\"']?([\w.:-]+)", blob[:4096], re.I)), b"").decode()
    if declared:
        try:
            return blob.decode(codecs.lookup(declared).name, "replace")
        except LookupError:
            pass
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError:
        return blob.decode("cp1258", "replace")


def _mht_html(blob: bytes) -> str:
    """The HTML page of an MHT chunk (a web page saved as one MIME message)."""
    message = email.message_from_bytes(blob, policy=email.policy.compat32)
    for piece in message.walk():
        if piece.get_content_type() == "text/html":
            payload = piece.get_payload(decode=True)
            if isinstance(payload, bytes):
                return _decoded(payload, piece.get_content_charset())
    raise ChunkError(N_("its MHT part holds no HTML page"))


def _rtf_as_docx(blob: bytes) -> bytes:
    """An RTF chunk as a .docx, made by LibreOffice as for an .rtf report."""
    from baocao.parse.convert import convert_to_docx  # LibreOffice: only when a report has an RTF chunk

    with tempfile.TemporaryDirectory(prefix="altchunk-") as work:
        source = Path(work) / "chunk.rtf"
        source.write_bytes(blob)
        try:
            return convert_to_docx(source, Path(work) / "out", timeout=60).read_bytes()
        except DocumentError as e:
            raise ChunkError(e.reason) from e


# HTML tags that make a paragraph of their own; those whose text is no part of the page.
_BLOCKS = {"p", "div", "li", "pre", "blockquote", "address", "dt", "dd", "center", "section", "article",
           "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "body", "hr"}
_UNSEEN = {"head", "style", "script", "title", "noscript", "template"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"}
_BOLD_TAGS = {"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_NOT_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-5]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.I)
_UNDERLINE_STYLE = re.compile(r"text-decoration[\w-]*\s*:[^;]*underline", re.I)


def html_elements(html: str) -> tuple:
    """WordprocessingML paragraphs and tables for an HTML page, as Word imports it."""
    reader = _HtmlReader()
    reader.feed(html)
    reader.close()
    return tuple(reader.body)


class _HtmlReader(HTMLParser):
    """Gathers runs (text, bold, italic, underline) into paragraphs, and paragraphs into the
    body or into the cell of the table being read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body: list = []
        self.open: list[tuple[str, bool | None, bool, bool]] = []  # tag, bold (None: as outside), italic, underline
        self.runs: list[tuple[str, bool, bool, bool]] = []
        self.level: int | None = None  # the outline level of the <hN> being read
        self.lists: list[list] = []  # [format, next number] of each open <ol>/<ul> ("" for a bullet list)
        self.label = ""
        self.tables: list[list] = []  # each open table: its rows, a row its cells, a cell its elements
        self.unseen = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _UNSEEN:
            self.unseen += 1
            return
        if tag == "br":
            self.runs.append(("\n", False, False, False))
            return
        if tag in _BLOCKS:
            self._end_paragraph()
        if tag in ("ol", "ul"):
            start = attributes.get("start") or "1"
            self.lists.append([_LIST_TYPES.get(attributes.get("type") or "1", "decimal") if tag == "ol" else "",
                               int(start) if start.isdigit() else 1])
        elif tag == "li" and self.lists and self.lists[-1][0]:
            self.label = format_counter(self.lists[-1][1], self.lists[-1][0]) + "."
            self.lists[-1][1] += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.level = int(tag[1]) - 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._end_paragraph()
            self.tables[-1][-1].append([])
        if tag in _VOID:
            return
        style = attributes.get("style") or ""
        bold = (True if tag in _BOLD_TAGS or _BOLD_STYLE.search(style) else
                False if _NOT_BOLD_STYLE.search(style) else None)  # None: as the text around it
        self.open.append((tag, bold, tag in ("i", "em") or bool(_ITALIC_STYLE.search(style)),
                          tag == "u" or bool(_UNDERLINE_STYLE.search(style))))

    def handle_endtag(self, tag):
        if tag in _UNSEEN:
            self.unseen = max(0, self.unseen - 1)
            return
        if tag in _BLOCKS or tag in ("td", "th"):
            self._end_paragraph()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.level = None
        elif tag == "table" and self.tables:
            self._add(_table(self.tables.pop()))
        names = [name for name, *_ in self.open]
        if tag in names:
            del self.open[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data):
        if self.unseen or not data.strip() and not self.runs:
            return
        bold = next((b for _, b, _, _ in reversed(self.open) if b is not None), False)
        self.runs.append((re.sub(r"\s+", " ", data), bold, any(i for _, _, i, _ in self.open),
                          any(u for *_, u in self.open)))

    def close(self):
        super().close()
        self._end_paragraph()
        while self.tables:
            self._add(_table(self.tables.pop()))

    def _end_paragraph(self):
        if any(text.strip() for text, *_ in self.runs):
            runs = [(self.label + " ", False, False, False), *self.runs] if self.label else self.runs
            self._add(_paragraph(runs, self.level))
            self.label = ""
        self.runs = []

    def _add(self, element):
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.tables[-1][-1][-1].append(element)  # into the cell being read
        elif self.tables and element.tag.endswith("}p"):
            return  # text between a table's cells, outside any: a browser shows it before the table; rare
        else:
            self.body.append(element)


def _paragraph(runs, level: int | None = None):
    """A w:p of runs (text, bold, italic, underline); a heading's outline level."""
    ppr = f'<w:pPr><w:outlineLvl w:val="{level}"/></w:pPr>' if level is not None else ""
    xml = "".join(_run(*run) for run in runs)
    return parse_xml(f'<w:p xmlns:w="{_W}">{ppr}{xml}</w:p>')


def _run(text: str, bold: bool, italic: bool, underline: bool) -> str:
    marks = "".join(mark for mark, on in (("<w:b/>", bold), ("<w:i/>", italic), ('<w:u w:val="single"/>', underline))
                    if on)
    pieces = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(_xml_text(piece))}</w:t>' for piece in pieces)
    return f"<w:r><w:rPr>{marks}</w:rPr>{body}</w:r>"


def _xml_text(text: str) -> str:
    """The characters XML can hold: a control character in the HTML is no text."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)


def _table(rows: list):
    """A w:tbl of rows of cells, each cell's paragraphs (and tables) in it."""
    table = parse_xml(f'<w:tbl xmlns:w="{_W}"><w:tblPr/></w:tbl>')
    for cells in rows:
        if not cells:
            continue
        tr = parse_xml(f'<w:tr xmlns:w="{_W}"/>')
        for content in cells:
            tc = parse_xml(f'<w:tc xmlns:w="{_W}"/>')
            for element in content or [_paragraph([])]:
                tc.append(element)
            tr.append(tc)
        table.append(tr)
    return table
