"""Give scanned reports a text layer with ocrmypdf + Tesseract (Vietnamese), so that the
PDF reader can take their text like any other PDF's.

ocrmypdf runs as a separate program, not imported: Debian's build only imports under
/usr/bin/python3, and a separate process can be killed, with its Tesseract and Ghostscript
children, when a scan takes too long.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image, ImageFilter, ImageOps, ImageSequence, UnidentifiedImageError

from baocao.i18n import N_
from baocao.parse.document import DocumentError
from baocao.tools import run_tool

OCR_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie ocrmypdf"

_SCAN_KIND = N_("a scanned PDF")
_IMAGE_KIND = N_("a scanned image")
_RESEND = N_("Ask the province to send the report again, preferably as .docx.")
# ocrmypdf's exit codes (ocrmypdf.exceptions.ExitCode) that mean the file, not the setup, is at fault.
_FILE_FAULTS = {
    2: N_("it is not a valid PDF"),
    4: N_("ocrmypdf could not write a valid PDF from it"),
    8: N_("it is encrypted (password-protected)"),
}
_A4_SHORT_SIDE_INCHES = 8.27
# A page ocrmypdf gave up on is a loss to report only if it shows ink (pages_given_up).
INKED_SHARE = 0.001
PAGE_INK_CONTRAST = 64
# What the page images go through before Tesseract, chosen by bench/ocr.py's character error
# rates (CER) on a two-page report scanned in colour at 150 and 200 dpi, JPEG quality 40
# (bench/README.md has the table). Mean CER at 150 / 200 dpi:
#   none 11.7 % / 12.2 %: a page skewed 1.5° is read 13-14 % wrong (lines run into each
#     other), a page fed upside down is lost;
#   --deskew 7.7 % / 8.1 %: skew no longer matters (0.3-1.5 %), the upside-down page still lost;
#   --deskew --rotate-pages 0.68 % / 1.27 %: every case read; --rotate-pages alone did not turn
#     the skewed upside-down page; at 200 dpi the rest is the red stamp taking "PHÓ CHỦ TỊCH"
#     and the signer's name with it;
#   + the stamp dropped out (DROP_STAMP) 0.64 % / 0.49 %, no case over 1.11 % / 0.80 %;
#   + --oversample 300 worse (2.73 % / 0.80 % with the dropout) and two to three times slower;
#   + --clean (unpaper) no better (0.93 % / 0.44 % with the dropout) and one and a half to two
#     times slower: left out, so unpaper is not needed.
# Deskewing and turning cost time (Tesseract's orientation pass, the page image written
# again): about 1.3 → 5-6 s a page on a clean 300 dpi page on 2 busy cores, within the 10 s target.
# + --rotate-pages-threshold ROTATE_CONFIDENCE: ocrmypdf's default (14) left a page fed upside
#   down unturned when Tesseract's orientation pass was 13-15 sure of it (pool 6's 300 dpi
#   grey pages); an upright page's pass answers 0° (13-22 sure), so only a turn is affected.
#   But a faint dot-matrix print's upright page (pool 7) was read as upside down, 6.3 sure,
#   and turned over (its text lost), while pool 6's pages fed upside down measured 12.4 and
#   17.7 (ocrmypdf -v): the threshold sits between them.
ROTATE_CONFIDENCE = 9
PREPROCESSING: tuple[str, ...] = ("--deskew", "--rotate-pages", "--rotate-pages-threshold", str(ROTATE_CONFIDENCE))
DROP_STAMP = True
# + a pale photocopy's page despeckled (DESPECKLE): a copy of a copy prints black as mid grey,
#   and the copier's dark specks, darker than the ink, are read as "-", "`" or "=" before
#   a line ("- Trên đây là báo cáo…" was taken for a list item and kept in the last item),
#   or split a line. A 3x3 median filter over the image Tesseract reads removes them, but on
#   black ink it costs small marks: on bench/ocr.py's pages (black ink) 0.62 % → 1.23 % at
#   150 dpi ("always"), so only a page whose darkest 1 % of pixels is lighter than
#   PALE_INK_LEVEL is filtered ("pale"): pool 5's pale copies measured 112-113, every other
#   scan of pools 3-5 at most 18.
DESPECKLE = "pale"  # "never" | "pale" | "always"
# A fax (a page of 1-bit pixels, black or white) is given to ocrmypdf as grey, smoothed and
# FAX_SCALE times as fine (200 → 300 dpi): deskewing turns a 1-bit image by shifting whole
# pixels, which broke its thin strokes ("Mục III." read "Mục IH.", "IV." "1V."); a grey
# page is turned with interpolation, and Tesseract thresholds it itself.
FAX_SCALE = 1.5
FAX_SMOOTHING = 0.8  # Gaussian radius in the fax's own pixels
# A fax's lost scan lines mended (lost_scan_lines): a fax that drops scan lines prints thin white
# rows across the page at a steady pace (pool 31: two rows in every 23 at 150 dpi). Where a row
# cuts a text line, Tesseract takes the halves for two lines of broken marks and loses the line,
# headings with it. Each lost row is put back as the mean of the ink just above and below it.
# Such rows are found by their rhythm: in each strip down the page (LOST_STRIP_MM wide, so a skew
# of 1° moves a row under a pixel across it) the rows lighter than the rows around them (up to
# LOST_AROUND_MM off) repeat at one period, LOST_PERIODS_MM. Over the strips' periodic components
# a fax's lost rows give 0.69-0.83 of that lightness at their period, 9-19 times the median
# period's share (pool 31's 10 pages); the 634 other pages of the scanned corpora (text lines'
# own pitch, a sparse last page) 0.88 at most, and only where the median is high too (ratio 2.1
# at most), or 5.5 at most. Done on the grey page images of the PDF given to ocrmypdf, not in the
# plugin: the OCR'd copy keeps the mended page, and a page without such rows is left exactly as
# it was.
LOST_STRIP_MM = 8
LOST_AROUND_MM = 1
LOST_PERIODS_MM = (2, 10)
LOST_SHARE = 0.5  # the page's lightness at the period, at least this share
LOST_CONTRAST = 7  # ... and at least this many times the median period's share
LOST_BAND_LEVEL = 0.25  # a row belongs to the lost band when as light as this share of its peak (a
# band between two rows reads half as light on each of them)
PALE_INK_LEVEL = 80
# + the light flattened (FLATTEN): a phone's photo of a page is lit unevenly, a shadow
#   darkening one corner (pool 6: paper 161 in the shadow, 228 in the light); Tesseract's
#   one threshold for the page then takes the shadow for ink or the light text for paper.
#   A page whose paper tone varies by more than UNEVEN_LIGHT levels (its 5th to 95th
#   percentile; scanners' pages: 0-10) is divided by its paper's tone before OCR.
FLATTEN = True
UNEVEN_LIGHT = 30
# + a copier's streaks erased (STREAKS): a dirty glass draws thin dark lines down the page
#   (pool 8); Tesseract read them as letters or word breaks in the words they cross ("Điều
#   2.N hững", "TỈ NH"), and a heading's label fell apart. A streak is a column of pixels
#   dark (under half the paper's tone) through at least STREAK_MM of STREAK_BLOCK_MM blocks
#   (a letter's stem spans a line, 3-4 mm at most, with paper between lines); one that a
#   horizontal rule crosses is a table's or a frame's rule and stays. Its pixels take the
#   lighter of the page 0.5 mm to either side: paper, or a stroke crossing it; but those
#   STREAK_INK_MARGIN levels darker than the streak's own tone (its core's median) are a
#   letter's stem under it (ink in the streak's shade: erased, the "l" of "Trên đây là" went
#   and the sign-off was missed) and stay. Pool 8's two streaked scans: 8/12 -> 12/12 cells
#   (the other 4 lost to their order of items); bench/ocr.py's pages have no streak and
#   read as before (CER 0.30 % / 0.23 %); 0.18 s a streaked page, 0.07 s a clean one (200 dpi).
STREAKS = True
STREAK_MM = 12
STREAK_BLOCK_MM = 4
STREAK_INK_MARGIN = 30
# + a reader's pencil lines erased (PENCIL): a heading underlined in pencil (pool 9: a grey,
#   slightly wavy line under it, through the descenders) made Tesseract take the line and its
#   words for a picture: the heading was not read at all, on the page as deskewed (the page
#   as scanned read). A pencil line is a thin horizontal stroke lighter than the print: a
#   run of pixels at least PENCIL_MM long whose tone is nearer the paper than the ink's
#   (over PENCIL_SHARE of the way from the page's ink to its paper; a printed stroke's core
#   is ink), no thicker than PENCIL_THICK_MM; its pixels (and their light edge) become paper,
#   the letters' ink it crosses stays. A rule printed in ink, a grey area (a shadow, a
#   finger) and a pale copy's lines (PENCIL_CONTRAST: ink and paper too close to tell a
#   pencil from the print) are left.
PENCIL = True
PENCIL_MM = 4
PENCIL_THICK_MM = 1.5
PENCIL_SHARE = 0.4
PENCIL_CONTRAST = 96
PENCIL_CLEAR_MM = 0.3
# + white letters on a dark band turned dark on paper (REVERSE): a heading set in white bold on
#   its paragraph's dark shading (pool 19: a band of grey 100 on paper 200, its letters the
#   paper's tone) was read garbled or not at all ("[.3 Bo máy tính vàn hành De an", its
#   label lost), as Tesseract thresholds the page once and the band is its darkest ink. A
#   band is pixels darker than halfway from the paper to the ink, seen in cells of 1 mm: rows
#   of cells at least half dark running at least BAND_MM across the page, on average BAND_FILL
#   dark and a third of them wholly dark (a line of print, blurred at 150-200 dpi, fills its
#   cells 0.5-0.73 on average, an eighth of them wholly at most), at least BAND_LOW_MM and at
#   most BAND_TALL_MM of such rows (a rule, a dark picture are left), clear of the image's
#   edges (a scanner's dark border, a screen photo's vignette), on a page whose ink is
#   BAND_CONTRAST darker than its paper (a nearly blank page's specks are no ink). Inside each
#   band, between its top and bottom found column by column (deskewing leaves a band a pixel
#   or two aslant, and its blurred rim, mirrored, read as a frame: "4. Kinh phí thực hiện | :"),
#   the tones are mirrored, the band's own tone becoming the paper's and its letters, light as
#   the paper, BAND_GAIN times as dark as the ink, and the letters thickened by a pixel: white
#   strokes blurred into the dark around them are thin, lose their feet and bars ("[.T" for
#   "1.1" without the thickening), and pale (gain 1: "1.-‡" for "1.4"; 1.5: the band's grain
#   read as ink, 12/18 cells of the three band scans). Pool 19's band scan 0/6 -> 6/6 cells,
#   pool 18's two stay 6/6; a clean white-on-blue heading (tests/) Tesseract read already is
#   read as well. No other scan page of pools 1-19 or the tuned corpus has such a band, and a
#   page without one goes to Tesseract as before (0.02 s a page to look).
REVERSE = True
BAND_MM = 40
BAND_FILL = 0.75
BAND_LOW_MM = 3
BAND_TALL_MM = 25
BAND_CONTRAST = 64
BAND_GAIN = 1.3
# + a page's waving lines straightened (DEWARP): a sheet curled by damp (pool 28: every line of
#   text waves up and down across the page, 4 px at 150 dpi over a 620 px period) made
#   Tesseract run the lines of a tight block (a framed report, a paragraph set solid) into each
#   other: words of one line read into the next ("đôô thị thi thông"), a heading's label lost.
#   The page is cut in upright strips WAVE_STRIP_MM wide; each strip's rows of ink are matched
#   (within WAVE_REACH_MM up or down) to the ink of all strips, three times over, which says how
#   far each strip is moved. Strips within WAVE_EDGE_MM of the image's sides (a scanner's dark
#   border, punched holes) are not asked; a page with fewer than WAVE_STRIPS inked strips, or
#   whose next inked strips' shifts jump by over 2 px more than once in twenty (a sparse page,
#   its few lines matched to the wrong ones), is left. Each strip's shift is then the median of
#   its own and its two neighbours' either side (a strip of little ink can match the wrong
#   line); the straight part (a skew, deskewing's) is left, and when what remains spans at least
#   WAVE_MM, each column of pixels is moved back by it. Pool 28's curled pages span 8-9 px
#   (150 dpi, 1.3-1.5 mm); every other scan page of pools 1-28 at most 0.7 mm (a screen's photo,
#   its lens's bow) and goes to Tesseract as before (0.2-0.4 s a page to look).
DEWARP = True
WAVE_MM = 1.0
WAVE_STRIP_MM = 4
WAVE_REACH_MM = 1.5
WAVE_STRIPS = 12
WAVE_EDGE_MM = 12
# + a phone's wide lens's bow straightened (BARREL): a page photographed close (pool 32) has every
#   line bowed away from the page's middle, most near the top and bottom edges (a line there bent
#   1-2 mm between its middle and its ends); Tesseract cut such lines in pieces and read
#   the pieces out of order ("thức của một bộ phận ... / Nhận"), and a heading's label went with
#   them (§5-§6 of the four such scans lost). The lens's bow is the one-parameter radial model
#   (a point of the flat page at distance r from the middle, in half-widths, is seen at r / (1 +
#   k r^2)), measured in two bands of rows (BARREL_BANDS: a quarter of the page from the top and
#   from the bottom): each band cut in BARREL_STRIPS upright strips across its middle three
#   quarters, each strip's rows of ink matched (within BARREL_REACH_MM) to those of its inner
#   neighbour, and the strips' shifts fitted by a parabola across the page (its slope: the skew
#   deskewing left). A bow gives the bands parabolas of opposite sense, in proportion to their
#   distance from the page's middle: k = -curvature / height. A page whose every band with ink
#   says k >= BARREL_K, each band's parabola within BARREL_MISFIT_MM of its strips, is drawn
#   anew through the model's inverse, k refined by measuring the page so drawn twice more, and
#   turned level by its straightened lines' slope (deskewing, misled by the bowed lines, left
#   pool 32's pages 1.2° aslant, and the PDF reader took each line's two ends for two lines). Pool
#   32's five lens scans measure k 0.021-0.029 at first (0.035 once refined; 1-1.5 s a page);
#   every other scan page of pools 1-32 and the tuned corpus at most 0.009 either way, but pool
#   28's curled pages (their bands' k of opposite signs, -0.022 and 0.015) and pool 8's landscape
#   page (misfit 2 mm), and goes to Tesseract as before (0.05 s a page to look).
BARREL = True
BARREL_K = 0.012
BARREL_BANDS = ((0.04, 0.34), (0.66, 0.96))
BARREL_STRIPS = 9
BARREL_REACH_MM = 1.5
BARREL_MISFIT_MM = 0.5
# A red patch at least STAMP_MM across and about as tall as wide is a stamp, its colour
# dropped; any other red (a heading set in red, a line of red text) is read as ink.
STAMP_MM = 20
# + a colour cast taken out (PAPER_CAST): a phone's photo under a tungsten lamp (pool 34) turns
#   the whole page orange (paper 238/191/121): the stamp's dropout, red minus the lesser of green
#   and blue, then took the paper's orange for red, lifted every stroke's blurred edge to paper
#   and left a heading set in blue a thin grey ("Nhận chỉ tiêu T:", "Nhenm củ tiên È:" for
#   "Nhóm chỉ tiêu 1:", "… 2:"). A colour page whose paper's tones (each channel's commonest
#   level) lie more than PAPER_CAST levels apart has each channel divided by its paper's tone
#   first: the paper white again, the ink as dark against it, the stamp still red. Pool 34's
#   five lamp-lit scans measure 117 apart; every other colour scan page of pools 1-34 and the
#   tuned corpus at most 62 (white, grey, cream, bluish and yellowed paper, pools 11, 22 and
#   26's) and goes to Tesseract as before.
PAPER_CAST = 80
# An ocrmypdf plugin: Tesseract reads each colour page's red channel. A Vietnamese report's
# signature carries the office's red round stamp, over the signer's title and near the
# name; read as ink, it makes Tesseract take that corner for a picture and lose the lines
# around it, or read its ring of letters as words. In the red channel red ink is as light as
# the paper while black and blue ink stay dark: the colour dropout scanners offer. Only the
# image sent to OCR changes; the PDF keeps the page as scanned; a grey page is left as it is.
# Then a pale page is despeckled (DESPECKLE).
# ocrmypdf runs it in its own Python (Debian's, where ocrmypdf is importable and baocao's
# environment is not), so it is written for each run beside the run's work files.
_OCR_IMAGE_PLUGIN = """\
from ocrmypdf import hookimpl
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageMath

DROP_STAMP = {drop_stamp}
PAPER_CAST = {paper_cast}
DESPECKLE = {despeckle!r}
FLATTEN = {flatten}
UNEVEN_LIGHT = {uneven_light}
STAMP_MM = {stamp_mm}
STREAKS = {streaks}
STREAK_MM = {streak_mm}
STREAK_BLOCK_MM = {streak_block_mm}
STREAK_INK_MARGIN = {streak_ink_margin}
PENCIL = {pencil}
PENCIL_MM = {pencil_mm}
PENCIL_THICK_MM = {pencil_thick_mm}
PENCIL_SHARE = {pencil_share}
PENCIL_CONTRAST = {pencil_contrast}
PENCIL_CLEAR_MM = {pencil_clear_mm}
REVERSE = {reverse}
BAND_MM = {band_mm}
BAND_FILL = {band_fill}
BAND_LOW_MM = {band_low_mm}
BAND_TALL_MM = {band_tall_mm}
BAND_CONTRAST = {band_contrast}
BAND_GAIN = {band_gain}
DEWARP = {dewarp}
WAVE_MM = {wave_mm}
WAVE_STRIP_MM = {wave_strip_mm}
WAVE_REACH_MM = {wave_reach_mm}
WAVE_STRIPS = {wave_strips}
WAVE_EDGE_MM = {wave_edge_mm}
BARREL = {barrel}
BARREL_K = {barrel_k}
BARREL_BANDS = {barrel_bands}
BARREL_STRIPS = {barrel_strips}
BARREL_REACH_MM = {barrel_reach_mm}
BARREL_MISFIT_MM = {barrel_misfit_mm}


def dpi_of(image):
    # The resolution the image says it has; 300 when it says none.
    return float((image.info.get("dpi") or (300, 300))[0]) or 300.0


def paper_tone(grey):
    # The paper's tone: the commonest of the light ones.
    counts = grey.histogram()
    return max(range(128, 256), key=lambda v: counts[v])


def darkest_percent(image):
    counts = image.convert("L").histogram()
    seen, wanted = 0, sum(counts) / 100
    for level, count in enumerate(counts):
        seen += count
        if seen >= wanted:
            return level
    return 255


def uncast(image):
    # A page under coloured light (a tungsten lamp's orange) has each channel divided by its
    # paper's tone, the channel's commonest level: the paper white, the ink as dark against it
    # as under white light; a page whose paper is near grey is left as it is.
    channels = image.convert("RGB").split()
    tones = [max(range(256), key=channel.histogram().__getitem__) for channel in channels]
    if max(tones) - min(tones) <= PAPER_CAST:
        return image
    even = Image.merge("RGB", [channel.point(lambda v, t=max(tone, 1): min(255, v * 255 // t))
                               for channel, tone in zip(channels, tones)])
    even.info.update(image.info)
    return even


def without_red(image):
    # The red channel, lifted by how much redder than grey each pixel is (red minus the
    # lesser of green and blue): red ink, which the red channel alone leaves a light grey
    # that Tesseract still reads as strokes, becomes paper; black, grey and blue ink keep
    # their darkness, and black printed over the stamp stays black.
    red, green, blue = image.convert("RGB").split()
    return ImageChops.add(red, ImageChops.subtract(red, ImageChops.darker(green, blue)))


def paper_of(image):
    # The paper's own tone across the page: the page in cells of 16 x 16 pixels, each the
    # brightest of the 5 x 5 cells around it (text lines have paper between them).
    small = image.resize((max(1, image.width // 16), max(1, image.height // 16)), Image.BOX)
    return small.filter(ImageFilter.MaxFilter(5))


def flattened(image):
    # A page lit unevenly (a phone's photo, a shadow across it) divided by its paper's tone:
    # the paper even, the ink as dark against it everywhere. An evenly lit page is left be.
    image = image.convert("L")
    paper = paper_of(image)
    levels = sorted(paper.getdata())
    if levels[len(levels) * 95 // 100] - levels[len(levels) * 5 // 100] <= UNEVEN_LIGHT:
        return image
    paper = paper.filter(ImageFilter.GaussianBlur(2)).resize(image.size, Image.BILINEAR)
    even = ImageMath.eval("convert(min(a * 255 / max(b, 1), 255), 'L')", a=image, b=paper)
    even.info.update(image.info)  # ocrmypdf reads the resolution from it
    return even


def streakless(image):
    # A copier's streaks (thin dark lines down the page) erased: each column of pixels dark
    # through STREAK_MM or more of blocks STREAK_BLOCK_MM tall, no horizontal rule crossing
    # it, takes the lighter of the page half a millimetre to either side.
    grey = image.convert("L")
    dpi = dpi_of(image)
    block = max(4, round(dpi * STREAK_BLOCK_MM / 25.4))
    span = max(2, round(STREAK_MM / STREAK_BLOCK_MM))
    width, height = grey.size
    rows = height // block
    if rows < span:
        return image
    paper = paper_tone(grey)
    dark = grey.point(lambda v: 255 if v < paper // 2 else 0)
    blocks = dark.crop((0, 0, width, rows * block)).resize((width, rows), Image.BOX).point(
        lambda v: 255 if v >= 230 else 0)
    runs = blocks
    for k in range(1, span):
        runs = ImageChops.darker(runs, ImageChops.offset(blocks, 0, -k))
    columns = runs.resize((width, 1), Image.BOX).load()
    candidates = [x for x in range(width) if columns[x, 0]]
    if not candidates:
        return image
    rules = dark.resize((max(1, width // block), height), Image.BOX).point(lambda v: 255 if v >= 230 else 0)
    cells = blocks.load()
    mask, core = Image.new("L", (width, height), 0), Image.new("L", (width, height), 0)
    for x in candidates:
        y = 0
        while y < rows:
            if not cells[x, y]:
                y += 1
                continue
            start = y
            while y < rows and cells[x, y]:
                y += 1
            if y - start < span:
                continue
            top, bottom = max(0, (start - 1) * block), min(height, (y + 1) * block)
            near = x // block
            if rules.crop((max(0, near - 1), top, min(rules.width, near + 2), bottom)).getbbox() is None:
                mask.paste(255, (max(0, x - 2), top, min(width, x + 3), bottom))
                core.paste(255, (x, start * block, x + 1, y * block))
    mask = ImageChops.multiply(mask, grey.point(lambda v: 255 if v < paper - 24 else 0))
    if not mask.getbbox():
        return image
    # The streak's own tone, the median of the columns found dark: a letter's stroke it
    # crosses is darker (ink under the streak's shade) and stays, unless the streak is as
    # black as ink.
    counts = grey.histogram(core)
    seen, tone = 0, 0
    while seen < sum(counts) / 2:
        seen += counts[tone]
        tone += 1
    mask = ImageChops.multiply(mask, grey.point(lambda v: 255 if v >= tone - STREAK_INK_MARGIN else 0))
    reach = max(2, round(dpi * 0.5 / 25.4))
    around = ImageChops.lighter(ImageChops.offset(image, reach, 0), ImageChops.offset(image, -reach, 0))
    clean = Image.composite(around, image, mask)
    clean.info.update(image.info)
    return clean


def shifted(image, k, down):
    return ImageChops.offset(image, 0, -k) if down else ImageChops.offset(image, -k, 0)


def runs_along(mask, length, down):
    # The pixels of `mask` (255 or 0) in a run of at least `length` of them across the page
    # (down: down it): the mask worn away by a line of `length` pixels, then grown back by it.
    worn, span = mask, 1
    while span < length:
        step = min(span, length - span)
        worn = ImageChops.darker(worn, shifted(worn, step, down))
        span += step
    grown, span = worn, 1
    while span < length:
        step = min(span, length - span)
        grown = ImageChops.lighter(grown, shifted(grown, -step, down))
        span += step
    return grown


def spread(mask, across, down):
    # `mask` grown by `across` pixels to either side and `down` pixels up and down.
    for reach, vertical in ((across, False), (down, True)):
        for k in range(1, reach + 1):
            mask = ImageChops.lighter(mask, ImageChops.lighter(shifted(mask, k, vertical), shifted(mask, -k, vertical)))
    return mask


def pencilless(image):
    # A reader's pencil lines erased: thin horizontal strokes at least PENCIL_MM long, lighter
    # than the print (tone over PENCIL_SHARE of the way from the ink to the paper) and clear of
    # the ink above and below them, become paper; the ink they cross stays.
    grey = image.convert("L")
    dpi = dpi_of(image)
    paper = paper_tone(grey)
    ink = darkest_percent(grey)
    if paper - ink < PENCIL_CONTRAST:
        return image
    light = ink + (paper - ink) * PENCIL_SHARE
    faint = paper - (paper - ink) * 0.1
    clear = max(1, round(dpi * PENCIL_CLEAR_MM / 25.4))
    inked = grey.point(lambda v: 255 if v <= light else 0)
    # lighter than the print, not the paper, and not a letter's grey edge (ink right above or below)
    band = ImageChops.subtract(grey.point(lambda v: 255 if light < v < faint else 0), spread(inked, 0, clear))
    # a pencil line has the paper above and below it, near; in a stain (tinted, mottled paper, the
    # print in it lighter too) the tones between the print's and the paper's are no line
    paperlike = grey.point(lambda v: 255 if v >= faint else 0)
    reach = max(3, round(dpi * PENCIL_THICK_MM / 25.4)) + clear
    above, below = paperlike, paperlike
    for k in range(1, reach + 1):
        above = ImageChops.lighter(above, shifted(paperlike, -k, True))
        below = ImageChops.lighter(below, shifted(paperlike, k, True))
    band = ImageChops.multiply(band, ImageChops.multiply(above, below))
    band = spread(band, 0, 1)  # a line drawn by hand wavers: a pixel up or down carries it on
    lines = runs_along(band, max(8, round(dpi * PENCIL_MM / 25.4)), False)
    found = lines.getbbox()
    if not found:
        return image
    # the rest where the lines are (a page has few), with room around them
    tall = max(3, round(dpi * PENCIL_THICK_MM / 25.4))
    room = 2 * clear + tall + 4
    box = (max(0, found[0] - room), max(0, found[1] - room), min(grey.width, found[2] + room),
           min(grey.height, found[3] + room))
    lines, inked = lines.crop(box), inked.crop(box)
    lines = ImageChops.subtract(lines, spread(runs_along(lines, tall, True), 2, 2))
    if not lines.getbbox():
        return image
    # its light edge, its ends and its bits between the letters it crosses go with it
    mask = Image.new("L", image.size, 0)
    mask.paste(ImageChops.subtract(spread(lines, 2 * clear, 1), inked), box[:2])
    clean = Image.composite(Image.new(image.mode, image.size, paper if image.mode == "L" else (paper,) * 3),
                            image, mask)
    clean.info.update(image.info)
    return clean


def dark_bands(dark, dpi):
    # The boxes of the dark bands in `dark` (255 where a pixel is dark), found in cells of
    # 1 mm: rows with a run of at least BAND_MM cells at least half dark (a cell's gap
    # bridged), BAND_FILL dark on average and a third of them wholly dark, the runs of rows
    # that follow each other joined; bands BAND_LOW_MM to BAND_TALL_MM tall, off the edges.
    cell = max(2, round(dpi / 25.4))
    width, height = dark.width // cell, dark.height // cell
    if not width or not height:
        return []
    fill = dark.crop((0, 0, width * cell, height * cell)).resize((width, height), Image.BOX).load()
    bands = []  # [x0, y0, x1, y1] in cells
    for y in range(height):
        x, found = 0, []
        while x < width:
            if fill[x, y] < 128:
                x += 1
                continue
            start, total, whole = x, 0, 0
            while x < width and (fill[x, y] >= 128 or (x + 1 < width and fill[x + 1, y] >= 128)):
                total += fill[x, y]
                whole += fill[x, y] >= 230
                x += 1
            if x - start >= BAND_MM and total >= BAND_FILL * 255 * (x - start) and whole * 3 >= x - start:
                found.append((start, x))
        for start, end in found:
            band = next((b for b in bands if b[3] == y and b[0] < end and start < b[2]), None)
            if band:
                band[:] = [min(band[0], start), band[1], max(band[2], end), y + 1]
            else:
                bands.append([start, y, end, y + 1])
    return [(b[0] * cell, b[1] * cell, b[2] * cell, b[3] * cell) for b in bands
            if BAND_LOW_MM <= b[3] - b[1] <= BAND_TALL_MM and b[0] > 0 and b[1] > 0 and b[2] < width and b[3] < height]


def unreversed(image):
    # White letters on each dark band mirrored to dark letters on paper: the band's tone
    # becomes the paper's, letters as light as the paper BAND_GAIN times the ink's, thickened
    # by a pixel; the band's rim and ends become paper.
    grey = image.convert("L")
    dpi = dpi_of(image)
    paper = paper_tone(grey)
    ink = darkest_percent(grey)
    if paper - ink < BAND_CONTRAST:
        return image
    dark = grey.point(lambda v: 255 if v < (paper + ink) // 2 else 0)
    boxes = dark_bands(dark, dpi)
    if not boxes:
        return image
    clean = image.copy()
    reach, edge = max(2, round(dpi / 25.4)), max(1, round(dpi * 0.3 / 25.4))
    tint = paper if image.mode == "L" else (paper,) * 3
    for x0, y0, x1, y1 in boxes:
        # the band's own edges, within a cell of its cells: its rows, then its columns, at least half dark
        x0, y0 = max(0, x0 - reach), max(0, y0 - reach)
        x1, y1 = min(grey.width, x1 + reach), min(grey.height, y1 + reach)
        rows = [y for y in range(y0, y1) if dark.crop((x0, y, x1, y + 1)).histogram()[255] * 2 >= x1 - x0]
        if not rows:
            continue
        columns = [x for x in range(x0, x1)
                   if dark.crop((x, rows[0], x + 1, rows[-1] + 1)).histogram()[255] * 2 >= len(rows)]
        if not columns:
            continue
        x0, x1 = columns[0], columns[-1] + 1
        # and its top and bottom column by column (a band left a pixel or two aslant by the
        # deskewing): the first and last dark pixels within a cell of its rows', the median
        # of the columns around
        y0, y1 = max(0, rows[0] - reach), min(grey.height, rows[-1] + 1 + reach)
        pixels = dark.crop((x0, y0, x1, y1)).load()
        first, last = rows[0] - y0, rows[-1] - y0
        tops, bottoms = [], []
        for x in range(x1 - x0):
            tops.append(next((y for y in range(max(0, first - reach), first + reach) if pixels[x, y]), first))
            bottoms.append(1 + next((y for y in range(min(y1 - y0 - 1, last + reach), last - reach, -1)
                                     if pixels[x, y]), last))
        window = 2 * reach
        part = grey.crop((x0, y0, x1, y1))
        inside, rim = Image.new("L", part.size, 0), Image.new("L", part.size, 0)
        draw_inside, draw_rim = ImageDraw.Draw(inside), ImageDraw.Draw(rim)
        for x in range(x1 - x0):
            near = slice(max(0, x - window), x + window + 1)
            top, bottom = sorted(tops[near])[len(tops[near]) // 2], sorted(bottoms[near])[len(bottoms[near]) // 2]
            draw_inside.line((x, top, x, bottom - 1), fill=255)
            # the band's blurred rim, neither band nor paper, would read as a frame round the letters
            draw_rim.line((x, top - edge, x, top + edge), fill=255)
            draw_rim.line((x, bottom - 1 - edge, x, bottom - 1 + edge), fill=255)
        draw_rim.rectangle((0, 0, edge - 1, part.height), fill=255)
        draw_rim.rectangle((part.width - edge, 0, part.width, part.height), fill=255)
        shades = part.histogram(ImageChops.multiply(dark.crop((x0, y0, x1, y1)), inside))
        seen, tone = 0, 0
        while seen < sum(shades) / 2:  # the band's tone: the median of its dark pixels
            seen += shades[tone]
            tone += 1
        scale = BAND_GAIN * (paper - ink) / max(1, paper - tone)
        part = part.point(lambda v: max(0, min(255, round(paper - (v - tone) * scale))))
        part = Image.composite(part, Image.new("L", part.size, paper), inside)
        part = part.filter(ImageFilter.MinFilter(3))
        clean.paste(part.convert(image.mode), (x0, y0), inside)
        clean.paste(tint, (x0, y0), rim)
        for end in ((max(0, x0 - edge), rows[0] - edge, x0, rows[-1] + 1 + edge),
                    (x1, rows[0] - edge, min(grey.width, x1 + edge), rows[-1] + 1 + edge)):
            clean.paste(tint, end)  # its ends' blurred columns, short of half dark
    clean.info.update(image.info)
    return clean


def red_patches(image):
    # The red ink's patches, as boxes of the page: red pixels in cells of about 2 mm, joined
    # with their neighbours (a stamp's ring and letters, a heading's words and lines).
    red, green, blue = image.convert("RGB").split()
    redness = ImageChops.subtract(red, ImageChops.darker(green, blue))
    dpi = dpi_of(image)
    cell = max(1, round(dpi * 2 / 25.4))
    width, height = max(1, image.width // cell), max(1, image.height // cell)
    small = redness.resize((width, height), Image.BOX).point(lambda v: 255 if v > 24 else 0)
    small = small.filter(ImageFilter.MaxFilter(3))
    red_cells = small.load()
    seen, patches = set(), []
    for y in range(height):
        for x in range(width):
            if (x, y) in seen or not red_cells[x, y]:
                continue
            seen.add((x, y))
            todo, box = [(x, y)], [x, y, x, y]
            while todo:
                cx, cy = todo.pop()
                box = [min(box[0], cx), min(box[1], cy), max(box[2], cx), max(box[3], cy)]
                for nx, ny in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                    if 0 <= nx < width and 0 <= ny < height and (nx, ny) not in seen and red_cells[nx, ny]:
                        seen.add((nx, ny))
                        todo.append((nx, ny))
            patches.append(((box[2] - box[0] + 1) * 2.0, (box[3] - box[1] + 1) * 2.0,
                            (box[0] * cell, box[1] * cell, (box[2] + 1) * cell, (box[3] + 1) * cell)))
    return patches


def with_red_text(image, dropped):
    # A stamp is round: a red patch about as tall as wide and at least STAMP_MM across.
    # Red lines of text (headings set in red) are patches much wider than tall: they keep
    # their ink, read as grey, where the stamp's colour is dropped.
    grey = image.convert("L")
    for width_mm, height_mm, box in red_patches(image):
        if not (min(width_mm, height_mm) >= STAMP_MM and width_mm <= 2 * height_mm and height_mm <= 2 * width_mm):
            dropped.paste(grey.crop(box), box[:2])
    return dropped


def column_shifts(grey, dpi):
    # How far each strip of the page (WAVE_STRIP_MM wide) is moved up or down against the
    # page's lines: its rows' ink matched, within WAVE_REACH_MM, to the ink of all strips.
    paper = paper_tone(grey)
    dark = grey.point(lambda v: 255 if v < paper * 0.6 else 0)
    strip = max(8, round(dpi * WAVE_STRIP_MM / 25.4))
    width, height = grey.size
    n = width // strip
    if n < 5:
        return strip, []
    data = list(dark.crop((0, 0, n * strip, height)).resize((n, height), Image.BOX).getdata())
    cols = [data[x::n] for x in range(n)]
    weight = [sum(c) for c in cols]
    inked = sorted(weight)[n // 2] * 0.3
    reach = max(2, round(dpi * WAVE_REACH_MM / 25.4))
    shifts = [0] * n
    for _ in range(3):
        ref = [0.0] * height
        for x in range(n):
            if weight[x] > inked:
                s, c = shifts[x], cols[x]
                for y in range(max(0, -s), min(height, height - s)):
                    ref[y] += c[y + s]
        new = []
        for x in range(n):
            if weight[x] <= inked:
                new.append(None)
                continue
            c = cols[x]
            best = max(range(-reach, reach + 1), key=lambda s: sum(
                c[y + s] * ref[y] for y in range(max(0, -s), min(height, height - s)) if c[y + s]))
            new.append(best)
        known = [(x, s) for x, s in enumerate(new) if s is not None]
        if len(known) < 5:
            return strip, []
        shifts = [min(known, key=lambda k: abs(k[0] - x))[1] if s is None else s for x, s in enumerate(new)]
    return strip, [s if w > inked else None for s, w in zip(shifts, weight)]

def dewarped(image):
    grey = image.convert("L")
    dpi = dpi_of(image)
    strip, shifts = column_shifts(grey, dpi)
    edge = dpi * WAVE_EDGE_MM / 25.4 / strip
    known = [(x, s) for x, s in enumerate(shifts) if s is not None and edge <= x < len(shifts) - edge]
    if len(known) < WAVE_STRIPS:
        return image
    # a curled sheet's lines wave smoothly: neighbouring strips' shifts differ by a pixel or two;
    # shifts that jump about (a sparse page, a picture) say nothing of the page's lines
    jumps = sum(abs(a[1] - b[1]) > 2 for a, b in zip(known, known[1:]))
    if jumps * 20 > len(known):
        return image
    # a strip's shift the median of its own and its two neighbours' on either side: a strip
    # of little ink (a signature, a short line) can match the wrong line
    known = [(x, sorted(s for _, s in known[max(0, i - 2):i + 3])[len(known[max(0, i - 2):i + 3]) // 2])
             for i, (x, _) in enumerate(known)]
    # the straight part (skew) is deskewing's: only the wave is taken out
    mx = sum(x for x, _ in known) / len(known)
    ms = sum(s for _, s in known) / len(known)
    var = sum((x - mx) ** 2 for x, _ in known) or 1
    slope = sum((x - mx) * (s - ms) for x, s in known) / var
    wave = [s - (ms + slope * (x - mx)) for x, s in known]
    spread = max(wave) - min(wave)
    if spread < dpi * WAVE_MM / 25.4:
        return image
    # each column's shift, between the strips' centres
    centres = [x * strip + strip / 2 for x, _ in known]
    def at(px):
        if px <= centres[0]:
            return wave[0]
        for i in range(1, len(centres)):
            if px <= centres[i]:
                t = (px - centres[i - 1]) / (centres[i] - centres[i - 1])
                return wave[i - 1] * (1 - t) + wave[i] * t
        return wave[-1]
    paper = paper_tone(grey)
    out = Image.new(image.mode, image.size, paper if image.mode == "L" else (paper,) * 3)
    x = 0
    while x < image.width:
        dy = round(at(x))
        end = x + 1
        while end < image.width and round(at(end)) == dy:
            end += 1
        out.paste(image.crop((x, 0, end, image.height)), (x, -dy))
        x = end
    out.info.update(image.info)
    return out

def band_bow(dark, top, bottom, reach):
    # How far each strip of a band of rows is moved up or down against the band's middle strip,
    # each strip's rows of ink matched to its inner neighbour's (a bowed line moves little from
    # one strip to the next): (u, shift) for each inked strip, u its middle's distance from the
    # page's middle in half-widths
    width, height = dark.size
    left, right = width // 8, width - width // 8
    step = (right - left) // BARREL_STRIPS
    rows = []
    for i in range(BARREL_STRIPS):
        strip = dark.crop((left + i * step, top, left + (i + 1) * step, bottom))
        rows.append(list(strip.resize((1, bottom - top), Image.BOX).getdata()))
    inked = [sum(r) > len(r) * 3 for r in rows]
    mid = BARREL_STRIPS // 2
    if not inked[mid]:
        return []
    shifts = [None] * BARREL_STRIPS
    shifts[mid] = 0
    for order in (range(mid + 1, BARREL_STRIPS), range(mid - 1, -1, -1)):
        last = mid
        for i in order:
            if not inked[i]:
                continue
            a, b, n = rows[last], rows[i], len(rows[i])
            best = max(range(-reach, reach + 1), key=lambda s: sum(
                a[y] * b[y + s] for y in range(max(0, -s), min(n, n - s)) if a[y]))
            shifts[i] = shifts[last] + best
            last = i
    return [((left + (i + 0.5) * step - width / 2) / (width / 2), s) for i, s in enumerate(shifts) if s is not None]


def bow_of(points):
    # The bow of shifts along a band: A and B of A u^2 + B u + C fitted (B: the skew left), and
    # how far the strips lie from the parabola at most
    n = len(points)
    if n < 6:
        return None
    su = [sum(u ** p for u, _ in points) for p in range(5)]
    sy = [sum(s * u ** p for u, s in points) for p in range(3)]
    m = [[su[4], su[3], su[2]], [su[3], su[2], su[1]], [su[2], su[1], su[0]]]

    def det(x):
        return (x[0][0] * (x[1][1] * x[2][2] - x[1][2] * x[2][1]) - x[0][1] * (x[1][0] * x[2][2] - x[1][2] * x[2][0])
                + x[0][2] * (x[1][0] * x[2][1] - x[1][1] * x[2][0]))

    d = det(m)
    if abs(d) < 1e-9:
        return None
    a = det([[sy[2], m[0][1], m[0][2]], [sy[1], m[1][1], m[1][2]], [sy[0], m[2][1], m[2][2]]]) / d
    b = det([[m[0][0], sy[2], m[0][2]], [m[1][0], sy[1], m[1][2]], [m[2][0], sy[0], m[2][2]]]) / d
    c = det([[m[0][0], m[0][1], sy[2]], [m[1][0], m[1][1], sy[1]], [m[2][0], m[2][1], sy[0]]]) / d
    misfit = max(abs(s - (a * u * u + b * u + c)) for u, s in points)
    return a, b, misfit


def barrel_fit(grey):
    # What the page's lines say (see BARREL): the lens's k (the bands' mean and least) and the
    # lines' slope (pixels down a pixel right), or None: too sparse to tell, or fitted loosely
    dpi = dpi_of(grey)
    paper = paper_tone(grey)
    dark = grey.point(lambda v: 255 if v < paper * 0.6 else 0)
    width, height = grey.size
    reach = max(2, round(dpi * BARREL_REACH_MM / 25.4))
    ks, slopes = [], []
    for top, bottom in BARREL_BANDS:
        t, b = int(height * top), int(height * bottom)
        fit = bow_of(band_bow(dark, t, b, reach))
        if fit is None:
            continue
        if fit[2] > dpi * BARREL_MISFIT_MM / 25.4:
            return None
        ks.append(-fit[0] / ((t + b) / 2 - height / 2))
        slopes.append(fit[1] / (width / 2))
    if not ks:
        return None
    return sum(ks) / len(ks), min(ks), sum(slopes) / len(slopes)


def barrel_k(grey):
    # The lens's k when the page is bowed (every band says at least BARREL_K), else 0
    fit = barrel_fit(grey)
    return fit[0] if fit and fit[1] >= BARREL_K else 0


def barrel_source(k, slope, cx, cy):
    # Where on the bowed photo a point (x, y) of the flat page is seen: the model's inverse, after
    # the page turned level (the lines' slope deskewing left: it measured the bowed lines)
    cos, sin = 1 / (1 + slope * slope) ** 0.5, slope / (1 + slope * slope) ** 0.5

    def source(x, y):
        x, y = cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos
        u, v = (x - cx) / cx, (y - cy) / cx
        pu, pv = u, v
        for _ in range(8):
            f = 1 + k * (pu * pu + pv * pv)
            pu, pv = u / f, v / f
        return cx + pu * cx, cy + pv * cx
    return source


def unbowed_by(image, k, slope, paper):
    width, height = image.size
    step = max(8, round(dpi_of(image) / 6))
    source = barrel_source(k, slope, width / 2, height / 2)
    mesh = []
    for top in range(0, height, step):
        for left in range(0, width, step):
            right, bottom = min(left + step, width), min(top + step, height)
            mesh.append(((left, top, right, bottom),
                         (*source(left, top), *source(left, bottom), *source(right, bottom), *source(right, top))))
    out = image.transform(image.size, Image.MESH, mesh, Image.BILINEAR,
                          fillcolor=paper if image.mode == "L" else (paper,) * 3)
    out.info.update(image.info)
    return out


def unbowed(image):
    grey = image.convert("L")
    k = barrel_k(grey)
    if not k:
        return image
    paper = paper_tone(grey)
    for _ in range(2):  # the strips' matching under-measures a strong bow: measured again, straightened
        again = barrel_fit(unbowed_by(grey, k, 0, paper))
        if again is None:
            break
        k += again[0]
    # the bowed lines misled deskewing (pool 32: 1.2° left, and the PDF reader took each line's
    # ends for two lines): the straightened lines' slope is turned level with them
    level = barrel_fit(unbowed_by(grey, k, 0, paper))
    return unbowed_by(image, k, level[2] if level else 0, paper)


@hookimpl
def filter_ocr_image(page, image):
    if DROP_STAMP and image.mode in ("RGB", "RGBA"):
        image = uncast(image)
        image = with_red_text(image, without_red(image))
    if STREAKS and image.mode in ("L", "RGB"):
        image = streakless(image)
    if FLATTEN and image.mode in ("L", "RGB"):
        image = flattened(image)
    if REVERSE and image.mode in ("L", "RGB"):
        image = unreversed(image)
    if PENCIL and image.mode in ("L", "RGB"):
        image = pencilless(image)
    if BARREL and image.mode in ("L", "RGB"):
        image = unbowed(image)
    if DEWARP and image.mode in ("L", "RGB"):
        image = dewarped(image)
    if DESPECKLE == "always" or (DESPECKLE == "pale" and darkest_percent(image) > {pale_level}):
        image = image.filter(ImageFilter.MedianFilter(3))
    return image
"""


def plugin_source(drop_stamp: bool = DROP_STAMP, despeckle: str = DESPECKLE, flatten: bool = FLATTEN,
                  streaks: bool = STREAKS, pencil: bool = PENCIL, reverse: bool = REVERSE,
                  dewarp: bool = DEWARP, barrel: bool = BARREL) -> str:
    """The text of the ocrmypdf plugin that filters each page image before Tesseract."""
    return _OCR_IMAGE_PLUGIN.format(
        drop_stamp=drop_stamp, paper_cast=PAPER_CAST, despeckle=despeckle, pale_level=PALE_INK_LEVEL, flatten=flatten,
        uneven_light=UNEVEN_LIGHT, stamp_mm=STAMP_MM, streaks=streaks, streak_mm=STREAK_MM,
        streak_block_mm=STREAK_BLOCK_MM, streak_ink_margin=STREAK_INK_MARGIN, pencil=pencil, pencil_mm=PENCIL_MM,
        pencil_thick_mm=PENCIL_THICK_MM, pencil_share=PENCIL_SHARE, pencil_contrast=PENCIL_CONTRAST,
        pencil_clear_mm=PENCIL_CLEAR_MM, reverse=reverse, band_mm=BAND_MM, band_fill=BAND_FILL,
        band_low_mm=BAND_LOW_MM, band_tall_mm=BAND_TALL_MM, band_contrast=BAND_CONTRAST, band_gain=BAND_GAIN,
        dewarp=dewarp, wave_mm=WAVE_MM, wave_strip_mm=WAVE_STRIP_MM, wave_reach_mm=WAVE_REACH_MM,
        wave_strips=WAVE_STRIPS, wave_edge_mm=WAVE_EDGE_MM, barrel=barrel, barrel_k=BARREL_K,
        barrel_bands=BARREL_BANDS, barrel_strips=BARREL_STRIPS, barrel_reach_mm=BARREL_REACH_MM,
        barrel_misfit_mm=BARREL_MISFIT_MM)


def ocr_available() -> str | None:
    """None if scans can be read, else a sentence saying what is missing and how to install it."""
    missing = [tool for tool in ("ocrmypdf", "tesseract") if shutil.which(tool) is None]
    if missing:
        return (N_("{tool} is not installed; install: {command}") if len(missing) == 1 else
                N_("{tool} are not installed; install: {command}")).format(tool=" and ".join(missing),
                                                                         command=OCR_INSTALL)
    try:
        listing = run_tool([shutil.which("tesseract"), "--list-langs"], timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return N_("tesseract does not run ({reason}); reinstall: {command}").format(reason=e, command=OCR_INSTALL)
    # The first line is a header: 'List of available languages in "/usr/share/...":'
    if "vie" not in (line.strip() for line in listing.stdout.splitlines()[1:]):
        return N_("Tesseract has no Vietnamese language data (vie); install: {command}").format(command=OCR_INSTALL)
    return None


def ocr_pdf(path: Path | str, out_dir: Path | str, timeout: float = 600, jobs: int = 2,
            preprocessing: Sequence[str] = PREPROCESSING, drop_stamp: bool = DROP_STAMP,
            despeckle: str = DESPECKLE, pages: Sequence[int] | None = None,
            page_seconds: float | None = None) -> Path:
    """`out_dir/<stem>.ocr.pdf`: the PDF with Vietnamese text recognised on its pages that have
    none (pages with text are copied as they are); DocumentError if that cannot be done.
    `preprocessing`: ocrmypdf's options for the page images; `drop_stamp`: Tesseract reads
    colour pages without their red ink; `despeckle`: which pages it reads median-filtered,
    "never", "pale" (pale photocopies) or "always" (bench/ocr.py compares them). `pages`: the
    1-based pages to recognise whatever text they have (pdf.pages_to_recognise: scanned pages
    and images under a poor text layer, whose layer is replaced), the others copied as they
    are; None: every page without text. `page_seconds`: how long Tesseract may take over one
    page, None: the file's whole `timeout` (see _tesseract_seconds); a page it gave up on comes
    back without text, and pages_given_up names it."""
    path, out_dir = Path(path).resolve(), Path(out_dir)
    if not path.is_file():
        raise DocumentError(path, N_("there is no such file"), kind=_SCAN_KIND, action=_RESEND)
    problem = ocr_available()
    if problem:
        raise DocumentError(path, N_("OCR is not available: {problem}").format(problem=problem), kind=_SCAN_KIND,
                            action=N_("Install the OCR tools (apt-get install -y tesseract-ocr tesseract-ocr-vie "
                                      "ocrmypdf) and read it again."))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{path.stem}.ocr.pdf"
    # Private TMPDIR inside out_dir: a killed ocrmypdf leaves its page images there, and they
    # go with the directory; the output is renamed into place only when complete.
    with tempfile.TemporaryDirectory(prefix=".ocrmypdf-", dir=out_dir) as work_name:
        work = Path(work_name).resolve()
        partial = work / "out.pdf"
        plugin = []
        if drop_stamp or despeckle != "never" or FLATTEN or STREAKS or PENCIL or REVERSE or DEWARP or BARREL:
            (work / "ocr_image.py").write_text(plugin_source(drop_stamp, despeckle), encoding="utf-8")
            plugin = ["--plugin", str(work / "ocr_image.py")]
        source = page_images_for_ocr(path, pages, work / "mended.pdf")
        argv = [
            shutil.which("ocrmypdf"), "-l", "vie",
            # only the pages asked for, or without text; a typed page stays exactly as it was
            *_which_pages(path, pages),
            "--output-type", "pdf",  # PDF/A would cost a Ghostscript pass for nothing
            # No optimising: ocrmypdf 14 then wraps JPEGs in Flate, and refuses such a PDF
            # ("invalid output PDF") when it meets one again, e.g. a scan OCR'd twice.
            "--optimize", "0",
            *preprocessing, *plugin,
            "--tesseract-timeout", _tesseract_seconds(timeout if page_seconds is None else page_seconds),
            "--jobs", str(max(1, jobs)), "-q",
            str(source), str(partial),
        ]
        try:
            result = run_tool(argv, timeout, {**os.environ, "TMPDIR": str(work)})
        except subprocess.TimeoutExpired:
            raise DocumentError(
                path, N_("OCR did not finish within the {seconds} s limit and was stopped").format(
                    seconds=f"{timeout:g}"), kind=_SCAN_KIND,
                action=N_("Read it again with a longer timeout (OCR takes about 1-10 s a page), "
                          "or ask the province for the report as .docx.")) from None
        if result.returncode == 0 and partial.is_file() and partial.stat().st_size > 0:
            os.replace(partial, target)
            return target
    detail = _last_line(result.stderr) or _last_line(result.stdout)
    reason = _FILE_FAULTS.get(result.returncode) or N_("ocrmypdf failed with exit status {status}").format(
        status=result.returncode)
    if detail:
        reason = N_('{reason}; ocrmypdf: "{said}"').format(reason=reason, said=detail)
    raise DocumentError(path, reason, kind=_SCAN_KIND, action=_RESEND)


def _tesseract_seconds(seconds: float) -> str:
    """ocrmypdf's --tesseract-timeout: by default 180 s a page, whatever the file's own limit, and
    a page Tesseract has not read by then is copied without text, logged only as a warning (which
    -q hides): raising the file's limit (--document-seconds) on a loaded machine then lost pages
    silently. Tied to the file's limit, Tesseract is stopped only when the file's time is up anyway.
    0 would tell ocrmypdf to skip the OCR: never asked for."""
    return f"{max(seconds, 0.001):g}"


def pages_given_up(recognised: Path | str, pages: Sequence[int]) -> list[int]:
    """The pages of `pages` (1-based) that came back from ocr_pdf inked and without text because
    ocrmypdf gave up on them (Tesseract ran past its time, a page image too large): such a page
    carries no text layer of ocrmypdf's, the Form XObject named /OCR-… it adds to every page
    Tesseract read, even one where it found nothing (a page Tesseract read as empty is no
    loss to report: what it could read is there)."""
    pdf = pdfium.PdfDocument(str(recognised))
    try:
        empty = [n for n in pages if 0 < n <= len(pdf) and pdf[n - 1].get_textpage().count_chars() == 0
                 and _inked(pdf[n - 1])]
    finally:
        pdf.close()
    if not empty:
        return []
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    with open(recognised, "rb") as stream:
        layered = {n for n, page in enumerate(PDFPage.get_pages(stream), start=1) if n in empty
                   and any(str(name).startswith("OCR-") for name in resolve1(page.resources.get("XObject")) or {})}
    return [n for n in empty if n not in layered]


def _inked(page: pdfium.PdfPage) -> bool:
    """Whether the page shows any ink: INKED_SHARE of its pixels (at 50 dpi) PAGE_INK_CONTRAST
    darker than its paper (a blank page's specks and a scanner's faint shading are not)."""
    grey = np.asarray(page.render(scale=50 / 72, grayscale=True).to_pil().convert("L"), dtype=np.float32)
    paper = float(np.percentile(grey, 90))
    return float((grey < paper - PAGE_INK_CONTRAST).mean()) >= INKED_SHARE


def given_up_note(pages: Sequence[int]) -> str:
    """What the clerk reads about the pages OCR gave up on (pages_given_up), "" for none."""
    if not pages:
        return ""
    listed = ", ".join(map(str, pages))
    return (N_("OCR gave up on scanned page {pages} (Tesseract did not finish it in time on a busy machine): "
               "it holds no text; read the file again on a less loaded machine or with a longer time limit "
               "(--document-seconds)") if len(pages) == 1 else
            N_("OCR gave up on scanned pages {pages} (Tesseract did not finish them in time on a busy machine): "
               "they hold no text; read the file again on a less loaded machine or with a longer time limit "
               "(--document-seconds)")).format(pages=listed)


def _which_pages(path: Path, pages: Sequence[int] | None) -> tuple[str, ...]:
    """ocrmypdf's options for the pages to recognise: those without text (--skip-text), or
    `pages`, forced (their poor text layer replaced) only when one of them has text."""
    if not pages:
        return ("--skip-text",)
    from baocao.parse.pdf import pages_without_text

    listed = ("--pages", ",".join(map(str, pages)))
    return (("--skip-text" if set(pages) <= set(pages_without_text(path)) else "--force-ocr"), *listed)


def page_images_for_ocr(path: Path, pages: Sequence[int] | None, target: Path) -> Path:
    """`path`, or `target`: its copy where, on the pages to recognise (all when None), each 1-bit
    image is grey, smoothed and FAX_SCALE times as fine (see FAX_SCALE) and each grey image that
    lost scan lines has them mended (see LOST_STRIP_MM). The pages are read and written once."""
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
                if meta.bits_per_pixel == 1:
                    better = _fax_in_grey(image.get_bitmap(render=False).to_pil())
                elif meta.bits_per_pixel == 8 and meta.colorspace == pdfium_c.FPDF_COLORSPACE_DEVICEGRAY:
                    better = lost_lines_mended(image.get_bitmap(render=False).to_pil(), meta.horizontal_dpi or 150.0)
                else:
                    continue
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


def _fax_in_grey(bitonal: Image.Image) -> Image.Image:
    bitonal = bitonal.convert("L")
    width, height = bitonal.size
    return bitonal.filter(ImageFilter.GaussianBlur(FAX_SMOOTHING)).resize(
        (round(width * FAX_SCALE), round(height * FAX_SCALE)), Image.Resampling.BICUBIC)


def lost_scan_lines(grey: Image.Image, dpi: float) -> np.ndarray | None:
    """A boolean mask of the page's pixels in a fax's lost scan lines, or None if it has none."""
    a = np.asarray(grey.convert("L"), dtype=np.float32)
    height, width = a.shape
    strip = max(16, round(dpi * LOST_STRIP_MM / 25.4))
    n = width // strip
    if n < 5:
        return None
    rows = a[:, :n * strip].reshape(height, n, strip).mean(axis=2)
    k = max(3, round(dpi * LOST_AROUND_MM / 25.4))
    around = np.median(sliding_window_view(np.pad(rows, ((k, k), (0, 0)), mode="edge"), 2 * k + 1, axis=0), axis=-1)
    light = np.clip(rows - around, 0, None)
    total = float(light.sum())
    if total <= 0:
        return None
    y = np.arange(height)[:, None]
    low, high = max(6, round(dpi * LOST_PERIODS_MM[0] / 25.4)), round(dpi * LOST_PERIODS_MM[1] / 25.4)
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
    # the band's height: the rows around each lost row as light as LOST_BAND_LEVEL of the peak
    offsets = np.arange(-(period // 2), period - period // 2)
    folded = np.zeros(len(offsets))
    for s in range(n):
        at = (np.round(start + slope * centres[s]) + offsets[:, None] + period * np.arange(height // period + 2)) % (
            height + period)
        inside = at < height
        folded += np.array([light[at[i][inside[i]].astype(int), s].mean() for i in range(len(offsets))])
    band = offsets[folded >= LOST_BAND_LEVEL * folded.max()]
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


def lost_lines_mended(grey: Image.Image, dpi: float) -> Image.Image | None:
    """The page with its lost scan lines filled from the rows above and below, or None if it
    has none."""
    mask = lost_scan_lines(grey, dpi)
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
    return Image.fromarray(np.round(out).astype(np.uint8), "L")


def image_to_pdf(path: Path | str, out_dir: Path | str) -> Path:
    """`out_dir/<stem>.pdf` with one page per image frame (a multi-page TIFF gives several),
    for ocr_pdf; DocumentError if the file is not an image Pillow can read."""
    path = Path(path)
    return images_to_pdf([path], Path(out_dir) / f"{path.stem}.pdf")


def images_to_pdf(paths: list[Path], target: Path) -> Path:
    """`target`, a PDF with one page per frame of each image in turn (the pictures of a
    Word file, a multi-page TIFF), for ocr_pdf; DocumentError if one is not an image
    Pillow can read."""
    pages: list[Image.Image] = []
    dpi = 0.0
    for path in paths:
        if not path.is_file():
            raise DocumentError(path, N_("there is no such file"), kind=_IMAGE_KIND, action=_RESEND)
        try:
            with Image.open(path) as image:
                pages += [_page(frame) for frame in ImageSequence.Iterator(image)]
                dpi = dpi or _scan_dpi(image)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as e:
            raise DocumentError(path, N_("it is not an image that can be read ({reason})").format(reason=e),
                                kind=_IMAGE_KIND,
                                action=_RESEND) from e
    target.parent.mkdir(parents=True, exist_ok=True)
    # quality 95: Pillow stores greyscale and colour pages as JPEG; its default (75) smudges
    # diacritics enough to cost OCR accuracy.
    pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=95)
    return target


def _page(frame: Image.Image) -> Image.Image:
    frame = ImageOps.exif_transpose(frame)  # phone photos are stored sideways with an EXIF turn
    if frame.mode in ("1", "L", "RGB"):
        return frame.copy()
    if frame.mode in ("LA", "RGBA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")  # transparent = paper, not black
    return frame.convert("RGB")


def _scan_dpi(image: Image.Image) -> float:
    """The image's resolution, or a guess from its size when it has none that is believable.

    Phones and many scanners write no resolution, or a nominal 72 dpi; provinces scan A4,
    so take the short side as 8.27 in. Tesseract uses the resolution to judge letter sizes.
    """
    dpi = image.info.get("dpi", (0, 0))[0]
    if dpi and 100 <= float(dpi) <= 1200:
        return float(dpi)
    return max(100.0, min(600.0, min(image.size) / _A4_SHORT_SIDE_INCHES))


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
