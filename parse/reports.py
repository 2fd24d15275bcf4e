"""One attachment in, its outline sections out, whatever the format; a document that
cannot be read becomes a result with an error, never an exception.

.docx is read directly; .doc, .odt and .rtf are converted to .docx by LibreOffice; a PDF
is read from its text layer, and pages without one (a scan) are recognised first by
OCR in Vietnamese. Every step runs within one time limit per document."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from baocao.campaign import OutlineSection
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

    @property
    def section_numbers(self) -> tuple[int, ...]:
        return tuple(s.number for s in self.sections) or self.numbers


def parse_document(path: Path, fmt: str, filename: str, outline: Sequence[OutlineSection],
                   work_dir: Path | None = None, seconds: float = DEFAULT_SECONDS) -> ParsedDocument:
    """Read one stored document. Conversions and OCR write only inside work_dir (the
    store's tmp/), in a folder removed afterwards."""
    deadline = Deadline(seconds)
    scratch = Path(tempfile.mkdtemp(prefix="parse-", dir=work_dir))
    try:
        with time_limit(deadline):
            document = _read(Path(path), fmt, filename, scratch, deadline)
    except DocumentError as e:
        return ParsedDocument(fmt, "failed", (), "", str(e))
    except TimeLimitExceeded as e:
        return ParsedDocument(fmt, "failed", (), "",
                              f"{e}: it may be damaged or very large; open it yourself, or raise the limit")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report = extract_sections(document, outline)
    if not report.sections:
        return ParsedDocument(fmt, "no_sections", (), report.letterhead,
                              "no heading of the report outline was found in it"
                              + (f" ({document.partial})" if document.partial else ""), ocr=document.ocr)
    if document.partial:
        return ParsedDocument(fmt, "partial", report.sections, report.letterhead, document.partial, ocr=document.ocr)
    return ParsedDocument(fmt, "ok", report.sections, report.letterhead, ocr=document.ocr)


def _read(path: Path, fmt: str, filename: str, scratch: Path, deadline: Deadline) -> Document:
    # The reader is named by the file's real name in messages, not the store's hash.
    named = scratch / _safe_name(filename, fmt)
    if fmt == "docx":
        from baocao.parse.docx import read_docx

        return _renamed(read_docx(_link(path, named)), filename)
    if fmt in CONVERTED_FORMATS:
        from baocao.parse.convert import convert_to_docx
        from baocao.parse.docx import read_docx

        converted = convert_to_docx(_link(path, named), scratch / "converted", timeout=deadline.left())
        return _renamed(read_docx(converted), filename)
    if fmt == "encrypted-office":
        raise DocumentError(filename, "it is protected by a password", kind="a report",
                            action="Ask the province to send it again without a password.")
    if fmt == "pdf":
        return _renamed(_in_unicode(_read_pdf(_link(path, named), scratch, deadline)), filename)
    raise DocumentError(filename, f"{fmt.upper() or 'this kind of'} files are not reports baocao can read",
                        kind="a report",
                        action="Ask the province for the report as .docx, .doc or .pdf.")


def _read_pdf(path: Path, scratch: Path, deadline: Deadline) -> Document:
    from baocao.parse.pdf import pages_without_text, read_pdf

    if not pages_without_text(path):
        return read_pdf(path)
    from baocao.parse.ocr import ocr_available, ocr_pdf

    missing = ocr_available()
    if missing is not None:
        document = read_pdf(path)
        return Document(document.name, document.blocks, ocr=False,
                        partial=f"scanned pages were not read: {missing}")
    recognised = ocr_pdf(path, scratch / "ocr", timeout=deadline.left())
    document = read_pdf(recognised)
    return Document(document.name, document.blocks, ocr=True, partial=document.partial)


def _in_unicode(document: Document) -> Document:
    """A PDF made from a TCVN3 or VNI document keeps the legacy codes in its text layer
    (its fonts have no Unicode map): recognised from the text itself, converted."""
    from dataclasses import replace

    from baocao.parse.legacy import detect_legacy, to_unicode

    encoding = detect_legacy("\n".join(b.text for b in document.blocks))
    if encoding is None:
        return document
    blocks = tuple(replace(b, text=to_unicode(b.text, encoding)) for b in document.blocks)
    return Document(document.name, blocks, document.ocr, document.partial)


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
    return Document(filename or document.name, document.blocks, document.ocr, document.partial)
