"""A heading pasted as a picture: read its line of text with Tesseract.

A province pastes a heading as a clipping (a picture of its words, alone on its line between
the report's paragraphs): the text layer has none of it, though a person sees a heading. Such
a picture is read with Tesseract (Vietnamese, as one line) and its text taken for that line.
Only a picture shaped like a line of text is read (`line_shaped`): a logo, a photo, a chart, a
signature or a stamp is far taller for its width and is left. A picture too large, or one that
cannot be opened, is skipped with the reason why, never raised.

Kept apart from parse/ocr.py (scans through ocrmypdf), whose text keys the OCR cache of
bench/sections.py: a picture's line is read here directly, in a second or less.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps, UnidentifiedImageError

from baocao.i18n import N_
from baocao.parse.ocr import OCR_INSTALL
from baocao.tools import run_tool

LINE_PICTURE_MIN_PT = 8.0  # lower: a rule or a border drawn as a picture, no line of letters
LINE_PICTURE_MAX_PT = 36.0  # taller: a picture of more than one line (or of anything else)
LINE_PICTURE_ASPECT = 4.0  # at least this many times as wide as tall: a few words at least
LINE_PICTURE_MAX_BYTES = 8 * 1024 * 1024  # a line's picture is tens of kB; larger is no clipping of a line
LINE_PICTURE_MAX_PIXELS = 4_000_000  # a page-wide line at 600 dpi is ~0.7 Mpx
LINE_PICTURE_TIMEOUT = 20.0
# Tesseract reads a dash between words, an en dash as a rule, as two ("Nội dung 1 —- Gốc rễ"): one.
_DOUBLED_DASH = re.compile(r"\s[-–—]{2,}\s")
_LINE_PICTURE_DPI = 300  # a picture in a PDF is rendered at this resolution for Tesseract


def line_shaped(width_pt: float, height_pt: float) -> bool:
    """Whether a picture of `width_pt` by `height_pt` points, as laid out on the page, has the
    shape of one line of text: a line's height, and several times as wide as tall."""
    return (LINE_PICTURE_MIN_PT <= height_pt <= LINE_PICTURE_MAX_PT
            and width_pt >= LINE_PICTURE_ASPECT * height_pt)


def read_line_picture(data: bytes) -> tuple[str, str]:
    """The line of text a picture's bytes (a PNG, a JPEG ... as a .docx stores it) show, and
    why it was not read ("" when it was): a picture too large or that Pillow cannot open is
    skipped, never raised."""
    if len(data) > LINE_PICTURE_MAX_BYTES:
        return "", N_("a picture of {size} bytes is too large to be read as a line").format(size=len(data))
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > LINE_PICTURE_MAX_PIXELS:
                return "", N_("a picture of {width}x{height} pixels is too large to be read as a line").format(
                    width=image.width, height=image.height)
            image.load()
            return read_line_image(_flattened(image))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError, EOFError) as e:
        return "", N_("a picture could not be opened ({reason})").format(reason=f"{type(e).__name__}: {e}")


def read_line_image(image: Image.Image) -> tuple[str, str]:
    """The line of text an image shows (Tesseract, Vietnamese, one line: --psm 7), NFC, its
    spaces single; "" when Tesseract reads no word of two letters. The second item says why it
    could not be read ("" when it could)."""
    if image.width * image.height > LINE_PICTURE_MAX_PIXELS:
        return "", N_("a picture of {width}x{height} pixels is too large to be read as a line").format(
            width=image.width, height=image.height)
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return "", N_("tesseract is not installed; install: {command}").format(command=OCR_INSTALL)
    grey = ImageOps.expand(image.convert("L"), border=max(8, image.height // 4), fill=255)
    with tempfile.TemporaryDirectory(prefix="baocao-line-") as work:
        source = Path(work) / "line.png"
        grey.save(source, "PNG")
        try:
            done = run_tool([tesseract, str(source), "stdout", "-l", "vie", "--psm", "7"],
                            timeout=LINE_PICTURE_TIMEOUT, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except (OSError, subprocess.TimeoutExpired) as e:
            return "", N_("tesseract could not read a picture ({reason})").format(reason=f"{type(e).__name__}: {e}")
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        reason = lines[-1] if lines else f"exit {done.returncode}"
        return "", N_("tesseract could not read a picture ({reason})").format(reason=reason)
    text = " ".join(unicodedata.normalize("NFC", done.stdout).split())
    text = _DOUBLED_DASH.sub(" – ", f" {text} ").strip()
    if not any(len([c for c in word if c.isalpha()]) >= 2 for word in text.split()):
        return "", ""
    return text, ""


def render_line_picture(page: pdfium.PdfPage, box: tuple[float, float, float, float]) -> Image.Image:
    """The part of a PDF page inside `box` (left, bottom, right, top in PDF points, PDFium's
    page space) rendered in grey at _LINE_PICTURE_DPI, for read_line_image."""
    left, bottom, right, top = page.get_mediabox()
    crop = (max(0.0, box[0] - left), max(0.0, box[1] - bottom), max(0.0, right - box[2]), max(0.0, top - box[3]))
    bitmap = page.render(scale=_LINE_PICTURE_DPI / 72, crop=crop, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")
    finally:
        bitmap.close()


def _flattened(image: Image.Image) -> Image.Image:
    """The picture on white paper: a transparent clipping's background is paper, not black."""
    if image.mode in ("LA", "RGBA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("L")
    return image.convert("L")
