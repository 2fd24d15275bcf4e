"""Mend the scan lines a fax lost in sending, before the page goes to OCR.

A fax that drops scan lines prints thin white rows across the page at a steady pace (pool 31:
two rows in every 23 at 150 dpi). Where a row cuts a text line, Tesseract takes the halves for
two lines of broken marks and loses the line, headings with it. Each lost row is put back as
the mean of the ink just above and below it, which joins the strokes again.

Such rows are found by their rhythm: in each strip down the page (8 mm wide, so a skew of 1°
moves a row under a pixel across it) the rows lighter than the rows around them (up to 1 mm
off) repeat at one period, 2-10 mm. Over the strips' periodic components a fax's lost rows give
0.69-0.83 of that lightness at their period, 9-19 times the median period's share (pool 31's
10 pages); the 634 other pages of the scanned corpora (text lines' own pitch, a sparse last
page) 0.88 at most, and only where the median is high too (ratio 2.1 at most), or 5.5 at
most. A page without such rows is left exactly as it was.

Done outside parse/ocr.py's plugin: only a page found to have lost rows changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image

STRIP_MM = 8  # strips down the page this wide: the rows' tilt under a pixel across one
AROUND_MM = 1  # a row's lightness against the median of the rows this far above and below
PERIODS_MM = (2, 10)  # the pace of lost rows looked for
LOST_SHARE = 0.5  # the page's lightness at the period, at least this share
LOST_CONTRAST = 7  # ... and at least this many times the median period's share
BAND_LEVEL = 0.25  # a row belongs to the lost band when as light as this share of its peak (a band
# between two rows reads half as light on each of them)


def lost_rows(grey: Image.Image, dpi: float) -> np.ndarray | None:
    """A boolean mask of the page's pixels in lost scan lines, or None if it has none."""
    a = np.asarray(grey.convert("L"), dtype=np.float32)
    height, width = a.shape
    strip = max(16, round(dpi * STRIP_MM / 25.4))
    n = width // strip
    if n < 5:
        return None
    rows = a[:, :n * strip].reshape(height, n, strip).mean(axis=2)
    k = max(3, round(dpi * AROUND_MM / 25.4))
    around = np.median(sliding_window_view(np.pad(rows, ((k, k), (0, 0)), mode="edge"), 2 * k + 1, axis=0), axis=-1)
    light = np.clip(rows - around, 0, None)
    total = float(light.sum())
    if total <= 0:
        return None
    y = np.arange(height)[:, None]
    low, high = max(6, round(dpi * PERIODS_MM[0] / 25.4)), round(dpi * PERIODS_MM[1] / 25.4)
    shares = []
    for period in range(low, high + 1):
        z = (light * np.exp(-2j * np.pi * y / period)).sum(axis=0)
        shares.append((float(np.abs(z).sum()) / total, period, z))
    share, period, z = max(shares, key=lambda s: s[0])
    if share < LOST_SHARE or share < LOST_CONTRAST * float(np.median([s for s, _, _ in shares])):
        return None
    # each strip's first lost row, unwrapped from strip to strip, then the straight line they
    # lie on (the page's skew)
    first = (-np.angle(z) * period / (2 * np.pi)) % period
    first = first[0] + np.concatenate(([0], np.cumsum((np.diff(first) + period / 2) % period - period / 2)))
    centres = np.arange(n) * strip + strip / 2
    slope, start = np.polyfit(centres, first, 1, w=np.abs(z) + 1e-9)
    # the band's height: the rows around each lost row as light as BAND_LEVEL of the peak
    offsets = np.arange(-(period // 2), period - period // 2)
    folded = np.zeros(len(offsets))
    for s in range(n):
        at = (np.round(start + slope * centres[s]) + offsets[:, None] + period * np.arange(height // period + 2)) % (
            height + period)
        inside = at < height
        folded += np.array([light[at[i][inside[i]].astype(int), s].mean() for i in range(len(offsets))])
    band = offsets[folded >= BAND_LEVEL * folded.max()]
    top, bottom = int(band.min()), int(band.max())
    mask = np.zeros((height, width), dtype=bool)
    xs = np.arange(width)
    for first_row in np.arange(start - period, height + period, period):
        centre = np.round(first_row + slope * xs).astype(int)
        for d in range(top, bottom + 1):
            r = centre + d
            keep = (r >= 0) & (r < height)
            mask[r[keep], xs[keep]] = True
    return mask


def mended(grey: Image.Image, dpi: float) -> Image.Image | None:
    """The page with its lost scan lines filled from the rows above and below, or None if it
    has none."""
    mask = lost_rows(grey, dpi)
    if mask is None:
        return None
    a = np.asarray(grey.convert("L"), dtype=np.float32)
    height = a.shape[0]
    out = a.copy()
    # per column, each run of masked rows: linear between the pixel above and the one below
    for x in range(a.shape[1]):
        col = mask[:, x]
        if not col.any():
            continue
        edges = np.diff(np.concatenate(([0], col.astype(np.int8), [0])))
        for top, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            above = a[top - 1, x] if top > 0 else a[min(end, height - 1), x]
            below = a[end, x] if end < height else above
            out[top:end, x] = above + (below - above) * (np.arange(1, end - top + 1) / (end - top + 1))
    image = Image.fromarray(np.round(out).astype(np.uint8), "L")
    return image


def mend_lost_lines(path: Path, pages: Sequence[int] | None, target: Path) -> Path:
    """`path`, or `target`: its copy where each grey page image of the pages to recognise (all
    when None) that lost scan lines has them mended."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return path  # ocrmypdf says what is wrong with it
    try:
        changed = False
        for index in range(len(pdf)):
            if pages and index + 1 not in pages:
                continue
            page = pdf[index]
            touched = False
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                meta = image.get_metadata()
                if meta.bits_per_pixel != 8 or meta.colorspace != pdfium_c.FPDF_COLORSPACE_DEVICEGRAY:
                    continue
                grey = image.get_bitmap(render=False).to_pil()
                better = mended(grey, meta.horizontal_dpi or 150.0)
                if better is not None:
                    image.set_bitmap(pdfium.PdfBitmap.from_pil(better), pages=[page])
                    touched = True
            if touched:
                page.gen_content()
                changed = True
        if not changed:
            return path
        target.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(str(target))
        return target
    except pdfium.PdfiumError:
        return path
    finally:
        pdf.close()
