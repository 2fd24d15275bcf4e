"""One attachment in, its outline sections out, whatever the format; a document that
cannot be read becomes a result with an error, never an exception.

.docx is read directly (re-saved by LibreOffice when the reader cannot open it: Strict Open XML, a
template's package); .doc, .odt and .rtf are converted to .docx by LibreOffice; a PDF
is read from its text layer, and pages without one (a scan) are recognised first by
OCR in Vietnamese. Every step runs within one time limit per document."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Sequence

from baocao.campaign import OutlineSection
from baocao.i18n import N_
from baocao.parse.confidence import named_by_heading
from baocao.parse.document import Document, DocumentError
from baocao.parse.limits import Deadline, TimeLimitExceeded, time_limit
from baocao.parse.sections import Section, extract_sections

DEFAULT_SECONDS = 60.0
CONVERTED_FORMATS = ("doc", "odt", "rtf")


@dataclass(frozen=True)
class ParsedDocument:
    format: str
    status: str                 # ok | partial | no_sections | failed | unsupported
    sections: tuple[Section, ...]
    letterhead: str
    error: str = ""
    numbers: tuple[int, ...] = ()   # the section numbers, when read back without their text
    ocr: bool = False               # some text was recognised from page images
    named: tuple[int, ...] = ()     # read back: the numbers of the sections whose heading named the item
    signoff: str = ""               # from the closing on ("Trên đây là báo cáo…", "Nơi nhận", the signature)

    @property
    def section_numbers(self) -> tuple[int, ...]:
        return tuple(s.number for s in self.sections) or self.numbers

    @property
    def named_numbers(self) -> tuple[int, ...]:
        """The items its headings name: how well the document follows this outline."""
        return tuple(s.number for s in self.sections if named_by_heading(s.reasons)) or self.named


NO_TEXT = N_("the document holds no text: it may be a scan pasted as pictures")
NO_SECTIONS = N_("the report was read but none of its headings matched the outline: check it by hand")
PROTECTED = N_("the file is protected by a password; ask the province for an unprotected copy")


def parse_document(path: Path, fmt: str, filename: str, outline: Sequence[OutlineSection],
                   work_dir: Path | None = None, seconds: float = DEFAULT_SECONDS) -> ParsedDocument:
    """Read one stored document. Conversions and OCR write only inside work_dir (the
    store's tmp/), in a folder removed afterwards. The error never names the file (who
    shows it does) nor a path of the store or of the scratch folder."""
    return parse_document_for(path, fmt, filename, {"": outline}, work_dir, seconds)[""]


def parse_document_for(path: Path, fmt: str, filename: str, outlines: Mapping[str, Sequence[OutlineSection]],
                       work_dir: Path | None = None, seconds: float = DEFAULT_SECONDS) -> dict[str, ParsedDocument]:
    """One document read once, its sections found for each outline (campaign id -> its
    outline): a mailbox answering several requests reads, converts and OCRs a file once."""
    deadline = Deadline(seconds)
    scratch = Path(tempfile.mkdtemp(prefix="parse-", dir=work_dir))
    hide = _path_hider(Path(path), scratch / _safe_name(filename, fmt), scratch, work_dir)
    try:
        with time_limit(deadline):
            document = _read(Path(path), fmt, filename, scratch, deadline)
    except DocumentError as e:
        return dict.fromkeys(outlines, ParsedDocument(fmt, "failed", (), "", hide(e.message)))
    except TimeLimitExceeded as e:
        return dict.fromkeys(outlines, ParsedDocument(
            fmt, "failed", (), "", N_("{reason}: it may be damaged or very large; open it yourself, or raise the "
                                      "limit").format(reason=e)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    partial = hide(document.partial)
    if not any(block.text.strip() for block in document.blocks):
        return dict.fromkeys(outlines, ParsedDocument(
            fmt, "failed", (), "", N_("{reason}; open it yourself, or ask the province for the report as .docx")
            .format(reason=_with_partial(NO_TEXT, partial)), ocr=document.ocr))
    return {key: _outline_found(document, outline, fmt, partial) for key, outline in outlines.items()}


def _outline_found(document: Document, outline: Sequence[OutlineSection], fmt: str, partial: str) -> ParsedDocument:
    report = extract_sections(document, outline)
    if document.header:
        # The first page's header is printed above the body: a letterhead written there
        # (number, place and date) is the report's, read before the body's own.
        report = replace(report, letterhead=f"{document.header}\n{report.letterhead}")
    if not report.sections:
        return ParsedDocument(fmt, "no_sections", (), report.letterhead,
                              _with_partial(NO_SECTIONS, partial), ocr=document.ocr, signoff=report.signoff)
    if partial:
        return ParsedDocument(fmt, "partial", report.sections, report.letterhead, partial, ocr=document.ocr,
                              signoff=report.signoff)
    return ParsedDocument(fmt, "ok", report.sections, report.letterhead, ocr=document.ocr, signoff=report.signoff)


def _with_partial(reason: str, partial: str) -> str:
    """A reason, and what could not be read in brackets after it."""
    return N_("{reason} ({partial})").format(reason=reason, partial=partial) if partial else reason


def _path_hider(path: Path, copy: Path, *folders: Path | None):
    """Libraries put the paths they were given in their messages: the stored object and
    its copy in the scratch folder become "the file", the scratch and store folders go."""
    names = [(p, "the file") for p in {str(path), str(path.resolve()), str(copy), str(copy.resolve())}]
    for folder in (*folders, path.parent):
        if folder is not None:
            names += [(f"{f}/", "") for f in {str(folder), str(folder.resolve())}]
    names.sort(key=lambda pair: len(pair[0]), reverse=True)  # the longest first: …/tmp/parse-x/ before …/tmp/

    def hide(text: str) -> str:
        for name, shown in names:
            text = text.replace(name, shown)
        return text
    return hide


def _read(path: Path, fmt: str, filename: str, scratch: Path, deadline: Deadline) -> Document:
    # The reader is named by the file's real name in messages, not the store's hash.
    named = scratch / _safe_name(filename, fmt)
    if fmt == "docx":
        word = _link(path, named)
        try:
            return _renamed(_read_word(word, scratch, deadline), filename)
        except DocumentError:
            resaved = _resaved(word, scratch, deadline)
            if resaved is None:
                raise
            return _renamed(_read_word(resaved, scratch, deadline), filename)
    if fmt in CONVERTED_FORMATS:
        from baocao.parse.convert import convert_to_docx

        converted = convert_to_docx(_link(path, named), scratch / "converted", timeout=deadline.left())
        return _renamed(_read_word(converted, scratch, deadline), filename)
    if fmt == "encrypted-office":
        raise _Protected(filename)
    if fmt == "pdf":
        return _renamed(_in_unicode(_read_pdf(_link(path, named), scratch, deadline)), filename)
    raise DocumentError(filename, N_("{format} files are not reports baocao can read").format(format=fmt.upper())
                        if fmt else N_("files of this kind are not reports baocao can read"),
                        kind=N_("a report"),
                        action=N_("Ask the province for the report as .docx, .doc or .pdf."))


def _resaved(word: Path, scratch: Path, deadline: Deadline) -> Path | None:
    """A .docx the reader could not open re-saved by LibreOffice, which opens what Word does (a
    file saved as Strict Open XML, a template's package renamed .docx); None if it cannot, the
    file then as damaged as the reader said."""
    from baocao.parse.convert import convert_to_docx

    try:
        return convert_to_docx(word, scratch / "resaved", timeout=deadline.left())
    except DocumentError:
        return None


class _Protected(DocumentError):
    def __init__(self, filename: str):
        super().__init__(filename, N_("it is protected by a password"))
        self.message = PROTECTED


def _read_word(path: Path, scratch: Path, deadline: Deadline) -> Document:
    """A Word file; one whose body is only pictures (a scan pasted into Word) is read by
    OCR from those pictures, like a scanned PDF, within the same time limit."""
    from baocao.parse.docx import body_images, read_docx

    document = read_docx(path)
    if any(block.text.strip() for block in document.blocks):
        return document
    images = body_images(path)
    if not images:
        return document
    from baocao.parse.ocr import images_to_pdf, ocr_available

    missing = ocr_available()
    if missing is not None:
        return Document(document.name, document.blocks,
                        partial=N_("its pictures were not read: {reason}").format(reason=missing))
    folder = scratch / "images"
    folder.mkdir()
    files = []
    for i, (name, blob) in enumerate(images, start=1):
        files.append(folder / f"{i:03d}{Path(name).suffix.lower()[:8]}")
        files[-1].write_bytes(blob)
    return _read_pdf(images_to_pdf(files, scratch / "images.pdf"), scratch, deadline)


def _read_pdf(path: Path, scratch: Path, deadline: Deadline) -> Document:
    from baocao.parse.pdf import pages_to_recognise, read_pdf

    pages = pages_to_recognise(path)
    if not pages:
        return read_pdf(path, deadline=deadline)
    from baocao.parse.ocr import given_up_note, ocr_available, ocr_pdf, pages_given_up

    missing = ocr_available()
    if missing is not None:
        document = read_pdf(path, deadline=deadline)
        return Document(document.name, document.blocks, ocr=False,
                        partial="; ".join(filter(None, [N_("scanned pages were not read: {reason}").format(
                            reason=missing), document.partial])))
    recognised = ocr_pdf(path, scratch / "ocr", timeout=deadline.left(), pages=pages)
    document = read_pdf(recognised, deadline=deadline)
    # a page OCR gave up on is read as an empty page: the clerk must hear of it
    lost = given_up_note(pages_given_up(recognised, pages))
    return Document(document.name, document.blocks, ocr=True, partial="; ".join(filter(None, [lost, document.partial])))


def _in_unicode(document: Document) -> Document:
    """A PDF made from a TCVN3 or VNI document keeps the legacy codes in its text layer
    (its fonts have no Unicode map): recognised from the text itself, converted. Where the
    document is in Unicode, a block of its own in a legacy encoding is converted alone: a
    letterhead kept from an old template typed in .VnTime above a body typed in Unicode
    ("B¾c Ninh, ngµy 6 th¸ng 5 n¨m 2022", pool 57: its date was lost)."""
    from baocao.parse.legacy import detect_legacy, may_be_legacy, to_unicode

    encoding = detect_legacy("\n".join(b.text for b in document.blocks))
    if encoding is None:
        blocks = tuple(replace(b, text=to_unicode(b.text, own))
                       if may_be_legacy(b.text) and (own := detect_legacy(b.text)) else b for b in document.blocks)
        return replace(document, blocks=blocks) if blocks != document.blocks else document
    blocks = tuple(replace(b, text=to_unicode(b.text, encoding)) for b in document.blocks)
    return replace(document, blocks=blocks)


def _safe_name(filename: str, fmt: str) -> str:
    """A plain name for the scratch copy: the sender's name is data, never a path."""
    stem = "".join(ch for ch in Path(filename.replace("\\", "/")).stem if ch.isalnum() or ch in " -_")[:80]
    return f"{stem.strip() or 'document'}.{fmt}"


def _link(source: Path, named: Path) -> Path:
    try:
        named.hardlink_to(source)
    except OSError:
        shutil.copyfile(source, named)
    return named


def _renamed(document: Document, filename: str) -> Document:
    return replace(document, name=filename or document.name)
