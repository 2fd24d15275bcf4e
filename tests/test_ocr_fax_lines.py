"""parse/ocr.py: a fax's lost scan lines (thin white rows across the page at a steady pace) are
found and mended in the PDF given to ocrmypdf; any other page is left exactly as it was."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from ocr_builders import DPI, render_report_page, report_page_lines
from PIL import Image, ImageDraw

from baocao.parse.ocr import lost_lines_mended, lost_scan_lines, page_images_for_ocr

FAX_DPI = 150


def grey_scan(lost_every: int | None = None, skew: float = 0.6) -> Image.Image:
    """A report page as a fax gives it at 150 dpi, grey; with `lost_every`, two rows lost in
    every `lost_every` (white) before the page went through the skewed feeder."""
    page = render_report_page(report_page_lines()).convert("L")
    page = page.resize((page.width * FAX_DPI // DPI, page.height * FAX_DPI // DPI), Image.LANCZOS)
    page = page.point(lambda v: min(v, 242))
    if lost_every:
        draw = ImageDraw.Draw(page)
        for top in range(7, page.height, lost_every):
            draw.rectangle([0, top, page.width, top + 1], fill=255)
    return page.rotate(skew, resample=Image.BICUBIC, fillcolor=242)


def as_pdf(page: Image.Image, path):
    page.save(path, "PDF", resolution=FAX_DPI, quality=36)
    return path


def page_image(path) -> Image.Image:
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = next(iter(pdf[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])))
        return image.get_bitmap(render=False).to_pil().convert("L")
    finally:
        pdf.close()


def ink_lost(page: Image.Image, whole: Image.Image) -> float:
    """How much of the whole page's ink is missing from `page` (0: none, 1: all)."""
    now, was = np.asarray(page, dtype=float), np.asarray(whole, dtype=float)
    inked = 242 - was > 80
    return float(np.clip(now - was, 0, None)[inked].sum() / (242 - was)[inked].sum())


def test_a_page_without_lost_lines_has_none():
    assert lost_scan_lines(grey_scan(), FAX_DPI) is None
    assert lost_lines_mended(grey_scan(skew=-1.0), FAX_DPI) is None


def test_lost_lines_are_found_at_their_pace_across_a_skewed_page():
    page = grey_scan(lost_every=23)
    mask = lost_scan_lines(page, FAX_DPI)
    assert mask is not None
    # every column has its bands, about two rows in every 23
    share = mask.mean(axis=0)
    assert 1.5 / 23 <= share.min() and share.max() <= 4 / 23
    # the bands lie where the white rows are: lighter than the page around them
    grey = np.asarray(page, dtype=float)
    assert grey[mask].mean() > grey[~mask].mean()


def test_mending_puts_the_lost_ink_back():
    whole, faxed = grey_scan(), grey_scan(lost_every=23)
    better = lost_lines_mended(faxed, FAX_DPI)
    assert better is not None
    assert ink_lost(faxed, whole) > 0.05
    assert ink_lost(better, whole) < ink_lost(faxed, whole) / 3


def test_only_a_fax_with_lost_lines_is_rewritten(tmp_path):
    clean = as_pdf(grey_scan(), tmp_path / "clean.pdf")
    assert page_images_for_ocr(clean, None, tmp_path / "out" / "clean.pdf") == clean
    assert not (tmp_path / "out").exists()
    faxed = as_pdf(grey_scan(lost_every=23), tmp_path / "faxed.pdf")
    target = page_images_for_ocr(faxed, [1], tmp_path / "out" / "faxed.pdf")
    assert target == tmp_path / "out" / "faxed.pdf"
    assert lost_scan_lines(page_image(target), FAX_DPI) is None
    # a page not asked for is not looked at
    assert page_images_for_ocr(faxed, [2], tmp_path / "out" / "again.pdf") == faxed
