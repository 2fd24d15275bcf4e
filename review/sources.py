"""The pages a province's text came from, as images beside it: a PDF's own pages, a Word
document's through the PDF LibreOffice makes of it once. Both the PDF and each page image
are kept under the store's renditions/ by the document's hash, so a page is converted and
drawn once, however often it is looked at."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from baocao.i18n import N_
from baocao.render.pdf import docx_to_pdf
from baocao.render.report import RenderError
from baocao.store.objects import ObjectStore

PAGE_WIDTH = 900          # pixels: a page image readable beside the text, small enough to load fast
CONVERTED = ("docx", "doc", "odt", "rtf")   # what LibreOffice turns into a PDF to show its pages

# PDFium is not thread-safe and the server answers requests in threads: one call at a time.
_pdfium = threading.Lock()
_converting: dict[str, threading.Lock] = {}
_converting_guard = threading.Lock()


class SourceError(Exception):
    """The pages of a document cannot be shown; the message says why and what to do instead."""


@dataclass(frozen=True)
class HeadingMark:
    """Where an item's heading sits: its page (1-based) and its box in PDF points from the
    page's top-left corner, on a page of `page_width` × `page_height` points."""
    page: int
    left: float
    top: float
    width: float
    height: float
    page_width: float
    page_height: float


def shows_pages(format: str) -> bool:
    return format == "pdf" or format in CONVERTED


def source_pdf(store: ObjectStore, sha: str, format: str) -> Path:
    """The PDF whose pages show the document: a PDF itself, else the one LibreOffice made of
    it (made now if it is not there yet)."""
    if format == "pdf":
        return store.object_path(sha)
    if format not in CONVERTED:
        raise SourceError(N_("a .{format} file has no pages to show: download the original").format(format=format))
    path = store.rendition_path(sha, ".pdf")
    with _lock_for(sha):
        if not path.exists():
            _convert(store, sha, format, path)
    return path


def ready_pdf(store: ObjectStore, sha: str, format: str) -> Path | None:
    """The PDF showing the document if there is one already, without converting anything."""
    if format == "pdf":
        return store.object_path(sha)
    path = store.rendition_path(sha, ".pdf")
    return path if format in CONVERTED and path.exists() else None


def _lock_for(sha: str) -> threading.Lock:
    with _converting_guard:
        return _converting.setdefault(sha, threading.Lock())


def _convert(store: ObjectStore, sha: str, format: str, path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="baocao-review-") as work:
        # A plain name of our own: the sender's file name never reaches LibreOffice or a path.
        copy = Path(work) / f"source.{format}"
        shutil.copyfile(store.object_path(sha), copy)
        try:
            made = docx_to_pdf(copy, Path(work) / "source.pdf")
        except RenderError as e:
            raise SourceError(N_("LibreOffice could not show the pages of this document ({reason}): download the "
                                 "original").format(reason=e)) from e
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        part = path.with_name(f".{path.name}.{os.getpid()}.part")
        shutil.copyfile(made, part)
        os.replace(part, path)   # a reader sees no PDF or the whole of it


def page_count(pdf: Path) -> int:
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


MAX_FOLLOWING = 3  # pages shown after the heading's own, so a page stays quick to read


def following_pages(marks: dict[int, HeadingMark], page_total: int) -> dict[int, tuple[int, ...]]:
    """For the items of one document whose headings were marked: the pages their text runs
    onto after the heading's own, up to the page of the next heading marked (that page holds
    the item's last lines too, unless the heading opens it) or, for the last item, the
    document's end; at most MAX_FOLLOWING."""
    order = sorted(marks.items(), key=lambda kv: (kv[1].page, kv[1].top))
    out = {}
    for i, (number, mark) in enumerate(order):
        end = order[i + 1][1].page if i + 1 < len(order) else page_total
        out[number] = tuple(range(mark.page + 1, min(end, mark.page + MAX_FOLLOWING, page_total) + 1))
    return out


def page_image(store: ObjectStore, sha: str, format: str, page: int) -> bytes:
    """Page `page` (1-based) of the document as a PNG, PAGE_WIDTH pixels wide; SourceError
    when the document has no such page."""
    cached = store.rendition_path(sha, f"-{page}-{PAGE_WIDTH}.png")
    if cached.exists():
        return cached.read_bytes()
    pdf = source_pdf(store, sha, format)
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            if not 1 <= page <= len(document):
                raise SourceError(N_("page {page} is outside the document (pages 1 to {count})").format(
                    page=page, count=len(document)))
            p = document[page - 1]
            image = p.render(scale=PAGE_WIDTH / p.get_width()).to_pil()
        finally:
            document.close()
    cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    part = cached.with_name(f".{cached.name}.{os.getpid()}.{threading.get_ident()}.part")
    image.save(part, format="PNG", optimize=True)
    os.replace(part, cached)
    return cached.read_bytes()


_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.)/:-]\s*", re.IGNORECASE)


def heading_marks(pdf: Path, headings: dict[int, str], first_pages: dict[int, int | None]) -> dict[int, HeadingMark]:
    """Item number -> where its heading is in the PDF, searched from the page the parser
    said (a PDF) or from the previous item's page on (a converted Word file, whose parser
    counted paragraphs, not pages). A heading not found has no mark; its page may still be
    known (first_pages)."""
    found: dict[int, HeadingMark] = {}
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            start = 1
            for number in sorted(headings):
                start = first_pages.get(number) or start
                mark = _search(document, headings[number], start)
                if mark is not None:
                    found[number] = mark
                    start = mark.page
        finally:
            document.close()
    return found


def _search(document: pdfium.PdfDocument, heading: str, start: int) -> HeadingMark | None:
    """The first place from page `start` on where the heading's first words are. Its first
    words only: a long heading is broken over lines, and the numbering ("IV.", "4.") may be
    Word's own, drawn but not in the text."""
    words = _NUMBERING.sub("", heading).split()
    if not words:
        return None
    for size in (6, 3):
        phrase = " ".join(words[:size])
        for index in range(start - 1, len(document)):
            page = document[index]
            text = page.get_textpage()
            searcher = text.search(phrase, match_case=False)
            hit = searcher.get_next()
            if hit is not None:
                width, height = page.get_size()
                boxes = [text.get_rect(i) for i in range(text.count_rects(*hit))]
                left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
                bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
                return HeadingMark(index + 1, left, height - top, right - left, top - bottom, width, height)
    return None
