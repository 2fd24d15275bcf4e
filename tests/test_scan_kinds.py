"""Scans as provinces also send them: a fax (1-bit pixels), a red stamp pressed over an
item's heading, a copier's PDF with its own poor text layer. Each is read by OCR as a
clean scan is (parse/ocr.py, pdf.pages_to_recognise)."""

from __future__ import annotations

import dataclasses
import math
import unicodedata

import pytest
from ocr_builders import DPI, REPORT_FONTS, STAMP_RED, render_report_page, report_page_lines
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from rapidfuzz import fuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from baocao.parse.ocr import ocr_available, ocr_pdf
from baocao.parse.pdf import pages_to_recognise, read_pdf
from baocao.parse.textlayer import vietnamese_share

pytestmark = pytest.mark.skipif(ocr_available() is not None, reason="OCR tools not installed")

HEADINGS = ("I. CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950",
            "II. THÔNG TIN CHUNG SAU KHI ĐỀ ÁN 950 ĐƯỢC BAN HÀNH",
            "III. TÌNH HÌNH TUYÊN TRUYỀN, TRIỂN KHAI KẾ HOẠCH HÀNH ĐỘNG")


def lines_read(pdf, pages=None) -> list[str]:
    out = pdf.parent / "ocr"
    return [" ".join(unicodedata.normalize("NFC", block.text).split())
            for block in read_pdf(ocr_pdf(pdf, out, pages=pages)).blocks]


def has_heading(read: list[str], heading: str) -> bool:
    """A line that begins with the heading's numeral, the rest as written but for a mark or
    two (OCR's usual slips on capitals with diacritics)."""
    numeral = heading.split()[0]
    return any(line.split()[0] == numeral and fuzz.ratio(line[:len(heading)], heading) >= 90
               for line in read if line.split())


def has_words(read: list[str], words: str) -> bool:
    return any(fuzz.partial_ratio(words, line) >= 95 for line in read)


def at_dpi(page: Image.Image, dpi: int) -> Image.Image:
    return page.resize((round(page.width * dpi / DPI), round(page.height * dpi / DPI)), Image.LANCZOS)


def test_a_fax_is_read_with_its_heading_numerals(tmp_path):
    """A fax machine's page, black or white at 200 dpi and skewed, its headings in regular
    type: deskewing its 1-bit pixels broke the thin strokes of the numerals ("III." read
    "II", "IV." "1V.")."""
    regular = [dataclasses.replace(line, bold=False) for line in report_page_lines()]
    page = at_dpi(render_report_page(regular).convert("L").point(lambda v: min(v, 236)), 200)
    page = page.rotate(0.8, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.4))
    fax = page.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
    fax.save(tmp_path / "fax.pdf", "PDF", resolution=200)
    read = lines_read(tmp_path / "fax.pdf")
    for heading in HEADINGS:
        assert has_heading(read, heading), (heading, "\n".join(read))


def stamped_on(page: Image.Image, heading: str) -> Image.Image:
    """The page with an office's red round stamp (rings, the office's name round them, a
    star) centred near the start of the line that begins `heading` (found by rendering the
    page again without that line)."""
    lines = report_page_lines()
    index = next(i for i, line in enumerate(lines) if line.left.startswith(heading))
    bare = render_report_page([*lines[:index], *lines[index + 1:]])
    rows = [y for y in range(page.height) if page.crop((0, y, page.width, y + 1)).tobytes() !=
            bare.crop((0, y, bare.width, y + 1)).tobytes()]
    radius = int(19 / 25.4 * DPI)
    cx, cy = int(40 / 25.4 * DPI), rows[0] + 45
    ink = Image.new("RGB", page.size, (255, 255, 255))
    pen = ImageDraw.Draw(ink)
    for ring in (radius, int(radius * 0.93), int(radius * 0.62)):
        pen.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=STAMP_RED, width=DPI // 60)
    font = ImageFont.truetype(REPORT_FONTS[True], DPI // 9)
    name = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI * "
    for k, letter in enumerate(name):
        angle = -math.pi / 2 + 2 * math.pi * k / len(name)
        pen.text((cx + radius * 0.78 * math.cos(angle), cy + radius * 0.78 * math.sin(angle)), letter,
                 fill=STAMP_RED, font=font, anchor="mm")
    points = [(radius * (0.45 if k % 2 == 0 else 0.18), -math.pi / 2 + k * math.pi / 5) for k in range(10)]
    star = [(cx + r * math.cos(angle), cy + r * math.sin(angle)) for r, angle in points]
    pen.polygon(star, fill=STAMP_RED)
    return ImageChops.multiply(page, ink)  # ink over ink: the heading under the stamp stays dark


def test_a_red_stamp_over_a_heading_does_not_hide_it(tmp_path):
    """The red ink is paper to Tesseract: the red channel alone left the stamp a light grey
    whose rings and letters Tesseract read into the lines under it ("II THỐNG TÌN CHUNG",
    "`,k Về quy hoạch")."""
    page = stamped_on(render_report_page(report_page_lines()), "II.")
    page = at_dpi(page, 200).point(lambda v: min(v, 236)).filter(ImageFilter.GaussianBlur(0.4))
    page.save(tmp_path / "stamped.pdf", "PDF", resolution=200, quality=40)
    read = lines_read(tmp_path / "stamped.pdf")
    # the heading and the sub-heading under the stamp's lower half, as written
    assert HEADINGS[1] in read and "1. Về quy hoạch, kiến trúc đô thị" in read, "\n".join(read)


def unmarked(text: str) -> str:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def test_a_copiers_poor_text_layer_is_replaced_by_vietnamese_ocr(tmp_path):
    """The copier read the page without Vietnamese and laid that text under the image:
    the page is recognised again and its layer replaced."""
    image = at_dpi(render_report_page(report_page_lines()).convert("L"), 200)
    image.save(tmp_path / "page.png")
    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    pdf = canvas.Canvas(str(tmp_path / "copier.pdf"), pagesize=(595.3, 841.9))
    pdf.drawImage(str(tmp_path / "page.png"), 0, 0, width=595.3, height=841.9)
    layer = pdf.beginText(72, 760)
    layer.setFont("DejaVuSerif", 11)
    layer.setTextRenderMode(3)  # invisible, as OCR lays it
    for line in report_page_lines():
        layer.textLine(unmarked(" ".join(filter(None, (line.left, line.right)))))
    pdf.drawText(layer)
    pdf.showPage()
    pdf.save()
    pages = pages_to_recognise(tmp_path / "copier.pdf")
    assert pages == [1]
    read = lines_read(tmp_path / "copier.pdf", pages)
    assert vietnamese_share(" ".join(read)) > 0.6, read
    assert has_words(read, HEADINGS[2].partition(" ")[2]), "\n".join(read)
