"""Bold seen in a scan's ink (parse/ink.py): a line is weighed against the body text around it, on
the page as if evenly lit."""

import pypdfium2 as pdfium
import pytest
from ocr_builders import REPORT_FONTS
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from baocao.parse.ink import Box, heavy_lines, inks

RATIO = 1.2
BODY = 80  # letters of a line of body text
HEADING = 60


def _page(body: list[float], headings: dict[int, float]) -> list[tuple[float, int]]:
    """Body lines of the given stroke widths, a heading of its width before line k for each k."""
    lines = []
    for k, width in enumerate(body):
        if k in headings:
            lines.append((headings[k], HEADING))
        lines.append((width, BODY))
    return lines


def test_a_photographed_page_drawn_thinner_than_the_scanned_page_after_it_keeps_its_bold_headings():
    # A phone's photo: strokes thinner than on the scanned page 2, and thinner towards its far
    # (narrower) top: its bold headings are thinner than page 2's body text.
    photo = _page([3.6 + 0.03 * k for k in range(24)], {0: 5.1, 8: 5.4, 16: 5.5})
    scanned = _page([4.9] * 24, {6: 6.0, 14: 6.1})
    heavy = heavy_lines([photo, scanned], RATIO)
    assert [width for (width, _), bold in zip(photo, heavy[0], strict=True) if bold] == [5.1, 5.4, 5.5]
    assert [width for (width, _), bold in zip(scanned, heavy[1], strict=True) if bold] == [6.0, 6.1]


def test_a_page_with_little_text_is_weighed_against_the_whole_document():
    full = _page([4.0] * 20, {5: 5.0})
    # A last page of the signature alone: bold lines mostly; against itself they would be regular.
    last = [(5.0, 20), (5.1, 15), (4.0, 12)]
    heavy = heavy_lines([full, last], RATIO)
    assert heavy[1] == [True, True, False]


def test_no_measured_line_gives_no_bold():
    assert heavy_lines([[], []], RATIO) == [[], []]


def test_a_long_bold_list_is_not_the_body_text_around_itself_nor_the_heading_after_it():
    # Item 3's bold heading, three lines of text, a bold list "1." to "8." (eight bold lines
    # together) and item 4's bold heading: weighed against the lines around them, mostly
    # bold, the list and the headings read regular.
    bold, regular = (6.3, BODY), (4.3, BODY)
    page = [regular] * 4 + [bold] * 2 + [regular] * 3 + [bold] * 9 + [regular] * 6
    heavy = heavy_lines([page], RATIO)[0]
    assert heavy == [False] * 4 + [True] * 2 + [False] * 3 + [True] * 9 + [False] * 6


def _shadowed_page_pdf(path, shadow: bool) -> tuple[list[Box], list[bool]]:
    """A 150 dpi grey scan of body lines with a bold heading every fourth line, and with
    `shadow` the shadow of a window's bar slanting across it (pool 30's shadow_band: a band
    12 % of the page tall, from 30 % down at the left to 55 % at the right, its paper 55 %
    darker, soft at its edges); the lines' boxes in points and whether each is bold."""
    dpi, size = 150, 13
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(page)
    fonts = {bold: ImageFont.truetype(REPORT_FONTS[bold], int(size * dpi / 72)) for bold in (False, True)}
    boxes, bolds = [], []
    y = int(0.15 * height)
    for k in range(32):
        bold = k % 4 == 0
        text = (f"Mục {k // 4 + 1}. Kết quả triển khai đô thị thông minh" if bold else
                "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai")
        x0, top, x1, bottom = draw.textbbox((int(1.2 * dpi), y), text, font=fonts[bold])
        draw.text((int(1.2 * dpi), y), text, font=fonts[bold], fill=20)
        boxes.append(Box(*(v * 72 / dpi for v in (x0, top, x1, bottom))))
        bolds.append(bold)
        y += int(size * dpi / 72 * 1.5)
    if shadow:
        band = Image.new("L", page.size, 0)
        half = 0.06 * height
        ImageDraw.Draw(band).polygon([(0, 0.30 * height - half), (width, 0.55 * height - half),
                                      (width, 0.55 * height + half), (0, 0.30 * height + half)], fill=115)
        page = Image.composite(Image.new("L", page.size, 0), page, band.filter(ImageFilter.GaussianBlur(height / 80)))
    page.save(path, "PDF", resolution=dpi, quality=40)
    return boxes, bolds


@pytest.mark.parametrize("shadow", [False, True])
def test_a_shadow_slanting_across_a_scanned_page_leaves_its_lines_weight_as_it_is(tmp_path, shadow):
    """Lines under the shadow measured as they are: at the page's one threshold the shadow's
    paper was ink, every line under it bold (pool 30's window-bar shadow); measured on the
    page evened by its paper's tone, only the bold headings are heavy, under the shadow or not."""
    boxes, bolds = _shadowed_page_pdf(tmp_path / "scan.pdf", shadow)
    document = pdfium.PdfDocument(str(tmp_path / "scan.pdf"))
    try:
        widths = [ink.stroke_width for ink in inks(document[0], boxes)]
    finally:
        document.close()
    heavy = heavy_lines([[(width, 60) for width in widths]], RATIO)[0]
    assert heavy == bolds, list(zip(widths, bolds, strict=True))
