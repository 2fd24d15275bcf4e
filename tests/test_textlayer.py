"""A text layer is told Vietnamese or not by the spelling of its syllables (textlayer.py),
without a dictionary; pdf.pages_to_recognise sends a page image with a poor layer to OCR."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from baocao.parse.legacy import from_unicode
from baocao.parse.pdf import pages_to_recognise
from baocao.parse.textlayer import MIN_WORDS, syllable_marks, unreadable, vietnamese_share

PROSE = (
    "Thực hiện văn bản của Bộ Xây dựng về việc báo cáo tình hình triển khai Đề án phát triển đô thị "
    "thông minh bền vững, Ủy ban nhân dân tỉnh báo cáo như sau. Năm 2017, tỉnh đã đầu tư hệ thống hội "
    "nghị truyền hình trực tuyến kết nối các huyện, thành phố với tổng kinh phí 12.350 triệu đồng."
)
HEADING = "I. CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950 ĐƯỢC BAN HÀNH"
# What an OCR without Vietnamese makes of such text: marks dropped or turned into other
# letters, syllables broken ("dugc", "viéc").
READ_WITHOUT_VIETNAMESE = (
    "Thuc hién van ban cia B6 Xay ding vé viéc bao cao tinh hinh trién khai Dé an phat trién dé thi "
    "thong minh bén vitng, Uy ban nhan dan tinh bao cao nhw sau. Nam 2017, tinh da dau tu hé thong hdi "
    "nghi truyén hinh trurc tuyén két ndi cac huyén, thanh phé vdi tong kinh phi 12.350 triéu dugc."
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def unmarked(text: str) -> str:
    """The text with every mark taken off, đ read as d."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


@pytest.mark.parametrize("word, valid, marked", [
    ("việc", True, True), ("nghiêng", True, True), ("Quảng", True, True), ("đô", True, True),
    ("khuya", True, False), ("tinh", True, False),
    ("viéc", False, True),  # "ie" is written only "iê"
    ("dugc", False, False), ("Nhifng", False, False), ("hoàá", False, True),  # two tones
])
def test_a_syllable_is_judged_by_its_spelling(word, valid, marked):
    assert syllable_marks(word) == (valid, marked)


def test_vietnamese_prose_and_capitals_read_as_vietnamese():
    assert vietnamese_share(PROSE + " " + HEADING) > 0.6
    assert vietnamese_share(" ".join([HEADING] * 3)) > 0.6


def test_text_read_without_vietnamese_does_not():
    assert vietnamese_share(READ_WITHOUT_VIETNAMESE) < 0.2
    assert vietnamese_share(unmarked(PROSE)) < 0.2


def test_too_short_a_text_is_not_judged():
    assert vietnamese_share(" ".join(["việc"] * (MIN_WORDS - 1))) is None


def _page_image(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    font = ImageFont.truetype(FONT, 26)
    for row, start in enumerate(range(0, len(PROSE), 60)):
        ImageDraw.Draw(image).text((150, 150 + row * 40), PROSE[start:start + 60], font=font, fill=0)
    path = tmp_path / "page.png"
    image.save(path)
    return path


def pdf_with_pages(path: Path, pages: list[tuple[bool, str]], tmp_path: Path) -> Path:
    """A PDF whose pages are (image, text): with an image, the text is an invisible layer
    over it, as OCR lays it; without, typed text."""
    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    image = _page_image(tmp_path)
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for has_image, text in pages:
        if has_image:
            pdf.drawImage(ImageReader(str(image)), 0, 0, width=595, height=842)
        words = pdf.beginText(72, 760)
        words.setFont("DejaVuSerif", 11)
        words.setTextRenderMode(3 if has_image else 0)
        for start in range(0, len(text), 80):
            words.textLine(text[start:start + 80])
        pdf.drawText(words)
        pdf.showPage()
    pdf.save()
    return path


def test_page_image_whose_own_layer_is_poor_is_recognised_again(tmp_path):
    """A copier's OCR run without Vietnamese: its layer is replaced, not read."""
    pdf = pdf_with_pages(tmp_path / "copier.pdf", [(True, READ_WITHOUT_VIETNAMESE), (True, PROSE + " " + HEADING),
                                                   (True, "")], tmp_path)
    assert pages_to_recognise(pdf) == [1, 3]


def test_typed_page_keeps_its_text_however_it_reads(tmp_path):
    """No image to recognise: a typed page's text is what there is (a legacy font's codes
    are converted later, not recognised)."""
    pdf = pdf_with_pages(tmp_path / "typed.pdf", [(False, READ_WITHOUT_VIETNAMESE), (False, PROSE)], tmp_path)
    assert pages_to_recognise(pdf) == []


PROSE = ("Tỉnh Đắk Lắk đã tổ chức tuyên truyền về đô thị thông minh trên báo, đài, cổng thông tin điện tử "
         "và mạng xã hội; kinh phí thực hiện do ngân sách tỉnh bố trí.")


@pytest.mark.parametrize("text, expected", [
    (PROSE, False),  # "Đắk Lắk" is no syllable by the rules, and one place name is no garbage
    ("UBND tỉnh triển khai IOC, CNTT, Smart City, camera AI với VNPT và Viettel tại https://ioc.daklak.gov.vn, "
     "4G phủ 99% số xã, phường của tỉnh.", False),
    (from_unicode(PROSE, "tcvn3"), True),  # TCVN3 read without its font
    (from_unicode(PROSE, "vni"), True),
    (PROSE.encode("utf-8").decode("cp1252", "replace"), True),  # UTF-8 read as Windows-1252
    (from_unicode("Tỉnh đã báo cáo.", "tcvn3"), False),  # too few words to say
])
def test_text_that_is_no_readable_vietnamese_is_told(text, expected):
    assert unreadable(text) is expected
