"""A heading pasted as a picture of its words (a clipping, alone on its line between the
report's paragraphs): the text layer has none of it, a person sees a heading. The picture is
read with Tesseract and its words become the line, a heading's line, its cell flagged for
review. Only a picture shaped like a line of text is read: a logo, a signature, a chart are not.
A heading drawn as the outlines of its letters, no text (a WordArt printed to PDF), is read the
same way.
"""

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Mm
from docx_builders import write_letterhead, write_signoff
from PIL import Image, ImageDraw, ImageFont

from baocao.campaign import load_campaign
from baocao.parse import docx as docx_reader
from baocao.parse.confidence import Reason, note
from baocao.parse.docx import read_docx
from baocao.parse.sections import extract_sections
from baocao.text import fold

pytestmark = pytest.mark.skipif(not Path("/usr/bin/tesseract").exists(), reason="needs Tesseract")

WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
HEADINGS = {1: "1. Bước đầu của tỉnh", 2: "2. Toàn cảnh sau bốn năm", 3: "3. Lan tỏa trong dân",
            4: "4. Tiền bạc đã chi", 5: "5. Vấp váp dọc đường", 6: "6. Mong muốn gửi về Bộ"}
TEXTS = {
    1: "Trước khi Đề án 950 được ban hành, tỉnh đã triển khai các nội dung công việc về chính quyền điện tử.",
    2: "Kể từ sau khi có Đề án, thông tin chung: tỉnh đã chọn 3 đô thị thí điểm.",
    3: "Công tác tuyên truyền, các chương trình, kế hoạch hành động được triển khai hằng năm.",
    4: "Kinh phí thực hiện các dự án đầu tư, các hạng mục là 120 tỷ đồng.",
    5: "Khó khăn, vướng mắc về nguồn lực và văn bản quy phạm pháp luật.",
    6: "Đề xuất, kiến nghị Bộ Xây dựng sớm ban hành hướng dẫn.",
}
DPI = 200


def read_as(texts) -> list[str]:
    """Texts as compared with what OCR reads: a dot over a bold "i" may be read as a hook ("chỉ")."""
    return [fold(text) for text in texts]


def picture_of(text: str) -> bytes:
    """The words drawn black on white in bold 13 pt at DPI, as a clipping of a printed line."""
    size = round(13 * DPI / 72)
    face = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", size)
    right = face.getbbox(text)[2]
    image = Image.new("L", (right + size // 2, size + size // 2), 255)
    ImageDraw.Draw(image).text((size // 4, size // 4), text, font=face, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def shape(width: int, height: int) -> bytes:
    """A grey picture of no words, `width` by `height` pixels (a logo, a signature's shape)."""
    out = io.BytesIO()
    Image.new("L", (width, height), 120).save(out, format="PNG")
    return out.getvalue()


def build_pictured(path: Path, pictures: dict[int, bytes] | None = None, extra: tuple[tuple[bytes, float], ...] = (),
                   stored: dict[int, bytes] | None = None) -> Path:
    """A reply whose six headings are pictures of their words (or `pictures` given), each alone
    in its paragraph, at the printed width of a 13 pt line; `extra`: pictures (and their width
    in mm) in paragraphs of their own after the first item's text; `stored`: bytes stored in
    place of a heading's picture once laid out (a file damaged in the mail)."""
    document = docx.Document()
    write_letterhead(document)
    for n, text in TEXTS.items():
        data = (pictures or {}).get(n) or picture_of(HEADINGS[n])
        width = Image.open(io.BytesIO(data)).width / DPI * 25.4  # the header tells, broken or not
        run = document.add_paragraph().add_run()
        run.add_picture(io.BytesIO(data), width=Mm(min(width, 160)))
        if n in (stored or {}):
            blip = next(run._r.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
            rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
            run.part.related_parts[rid]._blob = stored[n]
        document.add_paragraph(text)
        if n == 1:
            for data, mm in extra:
                document.add_paragraph().add_run().add_picture(io.BytesIO(data), width=Mm(mm))
    write_signoff(document)
    document.save(path)
    return path


def test_a_heading_pasted_as_a_picture_of_its_line_is_read_as_a_bold_heading(tmp_path):
    doc = read_docx(build_pictured(tmp_path / "bao-cao.docx"))
    pictured = [block for block in doc.blocks if block.pictured]
    assert read_as(block.text for block in pictured) == read_as(HEADINGS.values())
    assert all(block.bold for block in pictured)
    assert [block.number for block in pictured] == [f"{n}." for n in HEADINGS]


def test_each_item_under_a_pictured_heading_is_found_and_flagged_for_review(tmp_path):
    report = extract_sections(read_docx(build_pictured(tmp_path / "bao-cao.docx")), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert all(Reason.HEADING_PICTURED in s.reasons and s.review for s in report.sections)
    assert note([Reason.HEADING_PICTURED]) == "tiêu đề là hình ảnh, đã đọc bằng OCR"


def test_a_pictured_heading_printed_to_pdf_is_read_where_its_line_is(tmp_path):
    from pdf_builders import convert_to_pdf

    from baocao.parse.pdf import read_pdf

    source = build_pictured(tmp_path / "bao-cao.docx")
    convert_to_pdf([source], tmp_path)
    doc = read_pdf(tmp_path / "bao-cao.pdf")
    assert read_as(block.text for block in doc.blocks if block.pictured) == read_as(HEADINGS.values())
    report = extract_sections(doc, WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert all(Reason.HEADING_PICTURED in s.reasons for s in report.sections)


def test_pictures_not_shaped_like_a_line_are_not_read(tmp_path, monkeypatch):
    read = []
    monkeypatch.setattr(docx_reader, "read_line_picture", lambda data: read.append(data) or ("", ""))
    logo, signature, rule = shape(400, 400), shape(500, 200), shape(2000, 10)
    path = build_pictured(tmp_path / "bao-cao.docx", extra=((logo, 30), (signature, 50), (rule, 150)))
    read_docx(path)
    assert len(read) == 6  # the six headings' pictures, not the logo, the signature or the rule


def test_a_broken_or_huge_picture_of_a_line_is_skipped_with_its_reason(tmp_path):
    broken = picture_of(HEADINGS[2])[:200]  # cut short
    huge = shape(20000, 1000)  # a line's shape, 20 million pixels
    doc = read_docx(build_pictured(tmp_path / "bao-cao.docx", pictures={3: huge}, stored={2: broken}))
    assert read_as(block.text for block in doc.blocks if block.pictured) == read_as(HEADINGS[n] for n in (1, 4, 5, 6))
    assert doc.partial.count("a picture on a line of its own was not read") == 2
    assert "too large" in doc.partial


def test_a_pictured_heading_beside_the_margins_line_numbers_is_read(tmp_path):
    """Pool 32's Bắc Ninh report: its lines numbered in the margin (Word's w:lnNumType), each
    pictured heading with its number beside it. The number is no text on the picture's line."""
    from pdf_builders import convert_to_pdf

    from baocao.parse.pdf import read_pdf

    source = build_pictured(tmp_path / "bao-cao.docx")
    document = docx.Document(str(source))
    document.sections[0]._sectPr.append(parse_xml(
        '<w:lnNumType xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:countBy="1" w:restart="newPage"/>'))
    document.save(str(source))
    convert_to_pdf([source], tmp_path)
    doc = read_pdf(tmp_path / "bao-cao.pdf")
    assert read_as(block.text for block in doc.blocks if block.pictured) == read_as(HEADINGS.values())
    assert {s.number: s.text for s in extract_sections(doc, WITHOUT_PHRASES).sections} == TEXTS


VML = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
# Word 2003's "Plain Text" WordArt (shape type 136): its words in the v:textpath's string only.
WORDART_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" '
    'shapetype="t"/></v:shapetype>')


def build_wordart(path: Path) -> Path:
    """A reply whose six headings are classic WordArt, dark blue Times New Roman 14 pt bold, each
    alone in its paragraph: no text of the heading's words in the document's body."""
    document = docx.Document()
    write_letterhead(document)
    for n, text in TEXTS.items():
        heading = HEADINGS[n]
        width = min(453.6, round(len(heading) * 7, 1))
        document.add_paragraph()._p.append(parse_xml(
            f'<w:r {VML}><w:pict>{WORDART_SHAPETYPE}<v:shape id="WordArt {n}" type="#_x0000_t136" '
            f'style="width:{width}pt;height:18.2pt" fillcolor="#1f3864" stroked="f"><v:textpath '
            f'style="font-family:&quot;Times New Roman&quot;;font-size:14pt;font-weight:bold" trim="t" '
            f'fitpath="t" string="{heading}"/></v:shape></w:pict></w:r>'))
        document.add_paragraph(text)
    write_signoff(document)
    document.save(path)
    return path


def test_a_wordart_heading_printed_to_pdf_is_read_from_its_letters_outlines(tmp_path):
    """Pool 32's Lạng Sơn report: each heading a WordArt, which LibreOffice prints as the filled
    outlines of its letters, no text. A line of outlines alone on its line is read as a pictured
    heading is, its cell flagged for review; the outlines are no band of colour behind it."""
    from pdf_builders import convert_to_pdf

    from baocao.parse.pdf import read_pdf

    convert_to_pdf([build_wordart(tmp_path / "bao-cao.docx")], tmp_path)
    doc = read_pdf(tmp_path / "bao-cao.pdf")
    pictured = [block for block in doc.blocks if block.pictured]
    assert read_as(block.text for block in pictured) == read_as(HEADINGS.values())
    assert all(block.bold and not block.highlighted for block in pictured)
    report = extract_sections(doc, WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert all(Reason.HEADING_PICTURED in s.reasons for s in report.sections)


def test_a_band_of_colour_or_a_box_alone_on_its_line_is_no_line_of_letters(tmp_path, monkeypatch):
    """A shaded band, a coloured box, a table's filled row drawn alone on a line: a few segments,
    no letters' curves, so nothing is rendered and read there."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from baocao.parse import pdf as pdf_reader

    read = []
    monkeypatch.setattr(pdf_reader, "read_line_image", lambda image: read.append(image) or ("", ""))
    path = tmp_path / "bao-cao.pdf"
    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Serif", 13)
    for k, text in enumerate(TEXTS.values()):
        page.drawString(85, 760 - 60 * k, text)
    page.setFillColor("#1f3864")
    page.rect(85, 722, 300, 16, stroke=0, fill=1)  # a band, between the first line and the second
    page.roundRect(85, 662, 200, 18, 4, stroke=0, fill=1)  # a rounded box
    for cell in range(5):
        page.rect(85 + 80 * cell, 603, 78, 16, stroke=0, fill=1)  # a filled table row
    page.showPage()
    page.save()
    pdf_reader.read_pdf(path)
    assert read == []


def test_a_pictured_headings_label_is_mended_as_a_scans_is(tmp_path, monkeypatch):
    """Pool 32's Bắc Ninh report: "III. TỔ CÔNG TÁC LIÊN SỞ" in a bold serif picture read "IIIL
    TỔ…". A picture's line is read by OCR as a scan's is, and its label mended the same way
    (labels.ocr_label_read): "III." again, the ladder's third rung."""
    from pdf_builders import FONT_DIR
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from baocao.parse import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "read_line_image", lambda image: ("IIIL TỔ CÔNG TÁC LIÊN SỞ", ""))
    path = tmp_path / "bao-cao.pdf"
    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Serif", 13)
    page.drawString(85, 760, TEXTS[2])
    picture = picture_of("III. TỔ CÔNG TÁC LIÊN SỞ")
    width, height = Image.open(io.BytesIO(picture)).size
    page.drawImage(ImageReader(io.BytesIO(picture)), 85, 720, width=width * 72 / DPI, height=height * 72 / DPI)
    page.drawString(85, 690, TEXTS[3])
    page.showPage()
    page.save()
    pictured = [block for block in pdf_reader.read_pdf(path).blocks if block.pictured]
    assert [(block.text, block.number) for block in pictured] == [("III. TỔ CÔNG TÁC LIÊN SỞ", "III.")]


def build_worded_ladder(path: Path, typed: str | None = None) -> Path:
    """A text PDF whose six headings "Phần thuyết minh I: …" to "VI: …" are pictures of their
    words, the sixth typed as `typed` in the text layer instead, if given."""
    from pdf_builders import FONT_DIR
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Serif", 13)
    for k, (n, text) in enumerate(TEXTS.items()):
        if n == 6 and typed:
            page.drawString(85, 764 - 100 * k, typed)
        else:
            picture = picture_of(WORDED_HEADINGS[n])
            width, height = Image.open(io.BytesIO(picture)).size
            page.drawImage(ImageReader(io.BytesIO(picture)), 85, 760 - 100 * k, width=width * 72 / DPI,
                           height=height * 72 / DPI)
        page.drawString(85, 730 - 100 * k, text)
    page.showPage()
    page.save()
    return path


WORDED_HEADINGS = {1: "Phần thuyết minh I: Nền móng đã có", 2: "Phần thuyết minh II: Bước chân trên đường",
                   3: "Phần thuyết minh III: Lời kêu gọi chung", 4: "Phần thuyết minh IV: Dòng vốn đã chảy",
                   5: "Phần thuyết minh V: Tảng đá giữa dòng", 6: "Phần thuyết minh VI: Đôi điều đề đạt"}


def test_a_pictured_headings_label_ocr_misread_is_taken_back_by_its_ladder(tmp_path, monkeypatch):
    """Pool 37's Bình Phước report: six WordArt headings "Phần thuyết minh I: …" to "VI: …", the
    sixth read "Phần thuyết minh VỊ: …" (a mark under its I), no label, so the fifth item held the
    sixth's text. A text document's pictured lines are read by OCR as a scan's are, and its
    ladder takes a pictured line back where it skips a value, as a scan's does
    (sections._misread_labels)."""
    from baocao.parse import pdf as pdf_reader

    readings = iter([*(WORDED_HEADINGS[n] for n in range(1, 6)), "Phần thuyết minh VỊ: Đôi điều đề đạt"])
    monkeypatch.setattr(pdf_reader, "read_line_image", lambda image: (next(readings), ""))
    report = extract_sections(pdf_reader.read_pdf(build_worded_ladder(tmp_path / "bao-cao.pdf")), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert all(Reason.HEADING_PICTURED in s.reasons and s.review for s in report.sections)


def test_a_typed_line_among_pictured_headings_is_read_as_a_text_documents_line(tmp_path, monkeypatch):
    """Only what OCR read may be a label OCR misread: a line of the text layer among pictured
    headings is read as any text document's line is ("VỊ" typed is no Roman numeral there)."""
    from baocao.parse import pdf as pdf_reader

    readings = iter(WORDED_HEADINGS[n] for n in range(1, 6))
    monkeypatch.setattr(pdf_reader, "read_line_image", lambda image: (next(readings), ""))
    path = build_worded_ladder(tmp_path / "bao-cao.pdf", typed="Phần thuyết minh VỊ: Đôi điều đề đạt")
    report = extract_sections(pdf_reader.read_pdf(path), WITHOUT_PHRASES)
    assert 6 not in {s.number for s in report.sections}
