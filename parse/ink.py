"""How heavy the ink of each text line is on a scanned page: bold type seen in the image.

An OCR text layer records no weight (Tesseract's LSTM engine gives none), yet provinces mark
their headings by bold more than by anything else, often with no number at all. Bold strokes
are visibly thicker, so the weight is measured where it is: the mean stroke width of the
line's ink, its area over the strokes crossed. Measured on the 13 generated report scans of
fixtures/heldout, heldout-2 and tests/test_parse_ocr.py (150 and 200 dpi, skewed up to 1.5°,
JPEG quality 40), over each document's median line: the 110 bold lines of more than 15
letters 1.31-1.57 times as wide (a bold word alone on its line 1.23 or more), the 355 regular
ones 0.93-1.10, capitals or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageFilter

# Rendering finer than the scan adds no detail; coarser than this blurs a regular stem into
# a bold one. Scans come at 150-300 dpi.
MIN_DPI, MAX_DPI = 100, 300
# Fewer inked pixels than this (a dash, a full stop) say nothing about weight.
MIN_INK_PIXELS = 60
# A line is weighed against the body text around it, not the document's: a phone's photo of
# one page (pool 8) draws its strokes thinner than the scanned page after it (body text 3.9
# against 4.9 pixels) and thinner at its far, narrower top than at its foot (3.6 against
# 4.3), so against the document's median its bold headings (5.1-5.5) read regular. Around
# it: the NEIGHBOUR_LINES measured lines before and after it on its page, when they hold
# MIN_BODY_LETTERS letters; else the page's, else the document's.
NEIGHBOUR_LINES = 8
# How far above and below a line the paper around it is measured, in the line's heights.
AROUND_LINES = 1.5
PAPER_PERCENTILE = 90
MARGIN = (0.03, 0.07)
MIN_BODY_LETTERS = 300
# A rule drawn across a line's box (a box round a heading, ruled_across) is a stroke with paper
# this many pixels over and under it.
RULE_CLEAR = 3
# A page lit unevenly is measured as if lit evenly (_evenly_lit): each pixel over the paper's
# tone where it lies, the PAPER_SHARE light percentile of the pixels of its cell of
# PAPER_CELL_MM or of a cell beside it (the lightest pixel, a JPEG's ringing round the letters,
# made the paper under lines of text read 10-20 levels darker than between them: shaded).
# At the page's one Otsu threshold the shadow of a window's bar slanting across the page
# (pool 30: the paper 131 in the band, 238 around it) was all ink: the lines under it measured
# strokes 25-40 px wide against the body's 4-5, bold every one, and the bold headings no
# longer told from their text (two scans 0/6). A page is evened when its darkest paper (the
# 5th percentile of the lightest pixels within PAPER_REACH_CELLS cells: a band of shading behind
# a heading line, narrower, is not its paper) lies less than UNEVEN_PAPER of the way from the
# threshold to its lightest (the 95th): the threshold then takes the paper's shades there for
# the edges of strokes, or for ink. Pools 1-30's scan pages as sent: pool 30's shadows -0.13 to 0.0,
# a lamp's fall-off, a lid lifted, a phone's photo -0.45 to -0.25 on their pages whose
# threshold fell between two shades of paper, 0.28 or more on every other page (measured as
# they are, byte for byte as before).
UNEVEN_PAPER = 0.25
PAPER_CELL_MM = 2
PAPER_SHARE = 0.9
PAPER_REACH_CELLS = 3


class Box(NamedTuple):
    """A line's box in PDF points, measured from the top of the page."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Ink:
    """The ink inside a box: its area and how many strokes a reader crossing it row by row
    and column by column meets. Inks add up, so a line's is its words'."""

    area: int = 0
    crossings: int = 0
    paper: int = 0  # the grey levels (0 black, 255 white) of the box's pixels that are no ink, summed
    paper_pixels: int = 0
    around: int = 0  # the same, of the strips of paper above and below the box (AROUND_LINES away)
    around_pixels: int = 0
    beside: int = 0  # the same, of the paper at the box's height in the sheet's left margin
    beside_pixels: int = 0
    # The box's columns of pixels, and those of them under a rule drawn across the box within a
    # line's height above it and over one within a line's height below it (ruled_across)
    columns: int = 0
    ruled: int = 0

    def __add__(self, other: Ink) -> Ink:
        return Ink(self.area + other.area, self.crossings + other.crossings, self.paper + other.paper,
                   self.paper_pixels + other.paper_pixels, self.around + other.around,
                   self.around_pixels + other.around_pixels, self.beside + other.beside,
                   self.beside_pixels + other.beside_pixels, self.columns + other.columns,
                   self.ruled + other.ruled)

    @property
    def paper_tone(self) -> float:
        """The mean grey level of the paper under the box (0 black, 255 white); 0.0 for none."""
        return self.paper / self.paper_pixels if self.paper_pixels else 0.0

    @property
    def around_tone(self) -> float:
        """The mean grey level of the paper above and below the box; 0.0 for none."""
        return self.around / self.around_pixels if self.around_pixels else 0.0

    @property
    def beside_tone(self) -> float:
        """The mean grey level of the paper in the margin at the box's height; 0.0 for none."""
        return self.beside / self.beside_pixels if self.beside_pixels else 0.0

    @property
    def ruled_share(self) -> float:
        """The share of the box's width with a rule drawn across it above and below: a box
        ruled round a line; 0.0 for none."""
        return self.ruled / self.columns if self.columns else 0.0

    @property
    def coverage(self) -> float:
        """The share of the box's pixels that are ink: a word's letters 0.2-0.4 of theirs, a
        leader's dots (and what OCR made of them) under a tenth; 0.0 for an empty box."""
        pixels = self.area + self.paper_pixels
        return self.area / pixels if pixels else 0.0

    @property
    def stroke_width(self) -> float:
        """The mean width of its strokes in pixels (for a stroke of length L and width w,
        L·w of ink over about 2L crossings); 0.0 when there is too little ink to tell."""
        if self.area < MIN_INK_PIXELS:
            return 0.0
        return 2 * self.area / max(self.crossings, 1)


def inks(page: pdfium.PdfPage, boxes: Sequence[Box]) -> list[Ink]:
    """The ink inside each box on the page as rendered at the scan's own resolution.

    The page is read in its red channel, so a red stamp is paper, as for Tesseract
    (ocr.py), and dark is told from light at the page's own Otsu threshold: scans differ in
    paper tone and ink."""
    if not boxes:
        return []
    if page.get_rotation():
        # The boxes are in the page's own space, the rendering in its turned one: measure
        # nothing rather than the wrong lines (ocrmypdf turns what it deskews upright itself).
        return [Ink() for _ in boxes]
    scale = _scan_scale(page)
    bitmap = page.render(scale=scale, may_draw_forms=False, rev_byteorder=True)
    image = bitmap.to_pil()
    red = np.asarray(image.getchannel("R") if image.mode != "L" else image, dtype=np.uint8)
    threshold = _otsu(red)
    even = _evenly_lit(red, scale * 72, threshold)
    if even is not red:
        red, threshold = even, _otsu(even)
    ink = red < threshold
    height, width = ink.shape
    found = []
    for box in boxes:
        top, bottom = max(0, int(box.top * scale)), min(height, int(np.ceil(box.bottom * scale)))
        left, right = max(0, int(box.x0 * scale)), min(width, int(np.ceil(box.x1 * scale)))
        found.append(_ink(ink[top:bottom, left:right], red[top:bottom, left:right]))
        # The paper a line's height and a half above and below it, as wide as the box: a band
        # of shading behind a heading ends before there, a page's uneven light does not.
        reach = int(AROUND_LINES * (bottom - top))
        strips = [(max(0, top - reach - (bottom - top)), max(0, top - reach)),
                  (min(height, bottom + reach), min(height, bottom + reach + (bottom - top)))]
        paper = [red[a:b, left:right][~ink[a:b, left:right]] for a, b in strips]
        paper = np.concatenate(paper)
        # And the paper at its height in the sheet's left margin (MARGIN, a share of its width):
        # a band behind a heading ends at the text's margin; a scanner's streak runs on across.
        start, end = int(MARGIN[0] * width), int(MARGIN[1] * width)
        beside = red[top:bottom, start:end][~ink[top:bottom, start:end]]
        found[-1] = replace(found[-1], around=_tone(paper) * paper.size, around_pixels=paper.size,
                            beside=_tone(beside) * beside.size, beside_pixels=beside.size, columns=right - left,
                            ruled=_ruled_across(ink, top, bottom, left, right))
    return found


def _evenly_lit(page: np.ndarray, dpi: float, threshold: int) -> np.ndarray:
    """The page's grey levels divided by the paper's tone around each pixel, where its paper
    is uneven against the threshold that tells its ink (UNEVEN_PAPER); else the page itself."""
    cell = max(2, round(dpi * PAPER_CELL_MM / 25.4))
    rows, columns = page.shape[0] // cell, page.shape[1] // cell
    if not rows or not columns:
        return page
    cells = page[:rows * cell, :columns * cell].reshape(rows, cell, columns, cell).transpose(0, 2, 1, 3)
    cells = cells.reshape(rows, columns, cell * cell)
    lightest = Image.fromarray(cells.max(axis=2)).filter(ImageFilter.MaxFilter(2 * PAPER_REACH_CELLS + 1))
    levels = np.sort(np.asarray(lightest), axis=None)
    darkest, lightest_paper = int(levels[len(levels) * 5 // 100]), int(levels[len(levels) * 95 // 100])
    if darkest - threshold >= UNEVEN_PAPER * (lightest_paper - threshold):
        return page
    light = int(cell * cell * PAPER_SHARE)
    paper = Image.fromarray(np.partition(cells, light, axis=2)[:, :, light]).filter(ImageFilter.MaxFilter(3))
    paper = np.pad(np.asarray(paper.resize((columns * cell, rows * cell), Image.Resampling.BILINEAR), dtype=np.float32),
                   ((0, page.shape[0] - rows * cell), (0, page.shape[1] - columns * cell)), mode="edge")
    return np.minimum(page * (255 / np.maximum(paper, 1)), 255).astype(np.uint8)


def _ruled_across(ink: np.ndarray, top: int, bottom: int, left: int, right: int) -> int:
    """How many of the columns left to right are crossed by a rule both above the box (within
    its height of its top) and below it (within its height of its bottom): the rule is the
    row of pixels, or pair of rows (a rule a pixel aslant), inked across the most of them.
    A line of text above or below inks a row in part, between its letters' gaps."""
    height = bottom - top
    if right <= left or height <= 0:
        return 0

    def rule(a: int, b: int) -> int:
        # a thin stroke: paper RULE_CLEAR pixels over and under it (a dark band, a shadow, is no rule)
        a, b = max(RULE_CLEAR, a), min(len(ink) - RULE_CLEAR - 1, b)
        if b - a < 1:
            return 0
        band = ink[a - RULE_CLEAR:b + 1 + RULE_CLEAR, left:right]
        rows = b - a
        stroke = ((band[RULE_CLEAR:RULE_CLEAR + rows] | band[RULE_CLEAR + 1:RULE_CLEAR + 1 + rows])
                  & ~band[:rows] & ~band[2 * RULE_CLEAR + 1:2 * RULE_CLEAR + 1 + rows])
        return int(stroke.sum(axis=1).max())

    # OCR may take the rule into the box of the words under or over it: a third of the box is searched too
    return min(rule(top - height, top + height // 3), rule(bottom - height // 3, bottom + height))


def heavy_lines(pages: Sequence[Sequence[tuple[float, int]]], ratio: float) -> list[list[bool]]:
    """For each page's measured lines (stroke width, letters), in reading order: whether
    the line's strokes are `ratio` times as wide as the body text's around it, the median
    stroke width of the lines near it, counted by letters (NEIGHBOUR_LINES), leaving out
    the lines already `ratio` times as wide as the page's or the document's body, whichever
    is thinner: a long bold list (eight bold lines "1." to "8." inside an item) would
    otherwise be the body around itself and the bold heading after it, and read regular."""
    document = [line for page in pages for line in page]
    if not document:
        return [[] for _ in pages]
    everywhere = _median_width(document)
    heavy = []
    for page in pages:
        whole = _median_width(page) if sum(letters for _, letters in page) >= MIN_BODY_LETTERS else everywhere
        plain = [width < ratio * min(whole, everywhere) for width, _ in page]
        flags = []
        for k, (width, _) in enumerate(page):
            start, end = max(0, k - NEIGHBOUR_LINES), k + NEIGHBOUR_LINES + 1
            near = [line for line, body_like in zip(page[start:end], plain[start:end], strict=True) if body_like]
            body = _median_width(near) if sum(letters for _, letters in near) >= MIN_BODY_LETTERS else whole
            flags.append(width >= ratio * body)
        heavy.append(flags)
    return heavy


def _median_width(lines: Sequence[tuple[float, int]]) -> float:
    """The median stroke width of the lines, each counted as many times as it has letters."""
    half, running = sum(letters for _, letters in lines) / 2, 0
    for width, letters in sorted(lines):
        running += letters
        if running >= half:
            return width
    return lines[0][0]


def _ink(ink: np.ndarray, grey: np.ndarray) -> Ink:
    if not ink.size:
        return Ink()
    across = int((ink[:, 1:] & ~ink[:, :-1]).sum() + ink[:, 0].sum())
    down = int((ink[1:, :] & ~ink[:-1, :]).sum() + ink[0, :].sum())
    paper = grey[~ink]
    return Ink(int(ink.sum()), across + down, _tone(paper) * paper.size, paper.size)


def _tone(paper: np.ndarray) -> int:
    """The paper's tone: a light percentile (PAPER_PERCENTILE) of its pixels, not their mean,
    which the grey edges of the letters' strokes darken more where the type is denser."""
    return int(np.percentile(paper, PAPER_PERCENTILE)) if paper.size else 0


def _scan_scale(page: pdfium.PdfPage) -> float:
    """Pixels per point of the page's largest image (the scan), within MIN_DPI-MAX_DPI."""
    dpi = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, _, right, _ = image.get_bounds()
        if right - left > 1:
            dpi = max(dpi, image.get_px_size()[0] / (right - left) * 72)
    return min(max(dpi or MAX_DPI, MIN_DPI), MAX_DPI) / 72


def _otsu(grey: np.ndarray) -> int:
    """The grey level that best splits the page into ink and paper (Otsu's method)."""
    counts = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    below = np.cumsum(counts)
    above = below[-1] - below
    sum_below = np.cumsum(counts * levels)
    mean_below = sum_below / np.maximum(below, 1)
    mean_above = (sum_below[-1] - sum_below) / np.maximum(above, 1)
    between = below * above * (mean_below - mean_above) ** 2
    return int(np.argmax(between)) + 1
