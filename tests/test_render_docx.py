"""The consolidated report as a Word file: the letter the ministry edits and signs, laid out
under Nghị định 30/2020/NĐ-CP, read back with python-docx."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from render_tables import ERRORS, five_provinces, make_table, national_table, province_row, sample_table
from test_render_report import MACHINE, ON

from baocao.campaign import load_campaign
from baocao.render.report import RenderError, render_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def campaign():
    return five_provinces()


@pytest.fixture(scope="module")
def table(campaign):
    return sample_table(campaign)


def render(table, campaign, folder: Path, **kwargs) -> docx.document.Document:
    out = render_report(table, campaign, ERRORS, folder / "bao-cao.docx", on=ON, **kwargs)
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def document(table, campaign, tmp_path_factory):
    return render(table, campaign, tmp_path_factory.mktemp("docx"))


def texts(document) -> list[str]:
    """Every paragraph of the body, tables included, in reading order."""
    out = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            out.append(docx.text.paragraph.Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            for p in block.iter(qn("w:p")):
                out.append(docx.text.paragraph.Paragraph(p, document).text)
    return out


def body_paragraphs(document):
    return [p for p in document.paragraphs if p.text.strip()]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find_table(document, first_header: str):
    matches = [t for t in document.tables if t.rows[0].cells[0].text == first_header]
    assert matches, [t.rows[0].cells[0].text for t in document.tables]
    return matches


# --------------------------------------------------------------------------- page and styles


def test_page_is_a4(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_margins_are_those_of_decree_30(document):
    section = document.sections[0]
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20


def test_normal_style_is_times_new_roman_13_to_14_pt_for_every_script(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    assert not any("Theme" in name for name in fonts.keys())
    assert Pt(13) <= normal.font.size <= Pt(14)


def test_body_is_justified_with_first_line_indent_and_6pt_between_paragraphs(document):
    fmt = document.styles["Normal"].paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Cm(1) <= fmt.first_line_indent <= Cm(1.27) + 1
    assert fmt.space_after >= Pt(6)


def test_first_page_header_is_empty_and_the_others_carry_the_page_number(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.is_linked_to_previous is False
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""
    header = section.header.paragraphs[0]
    instructions = [t.text.strip() for t in header._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    assert (header.alignment or header.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER


# --------------------------------------------------------------------------- the letter


def test_header_block_is_a_borderless_two_column_table(document):
    block = document.tables[0]
    assert len(block.columns) == 2
    borders = block._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    left, right = (cell.text for cell in block.rows[0].cells)
    assert left.splitlines()[0] == "BỘ XÂY DỰNG"
    # The ministry's own number and subject, as the campaign file gives them.
    assert "/BXD-PTĐT" in left and "V/v báo cáo tình hình triển khai đô thị thông minh bền vững" in left
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "Hà Nội, ngày" in right and "năm 2022" in right


def test_header_block_national_title_and_motto_are_bold_and_date_italic(document):
    right = document.tables[0].rows[0].cells[1]
    title, motto = right.paragraphs[0].runs[0], right.paragraphs[1].runs[0]
    place = next(p for p in right.paragraphs if p.text.startswith("Hà Nội"))
    assert title.bold and Pt(12) <= title.font.size <= Pt(13)
    assert motto.bold and Pt(13) <= motto.font.size <= Pt(14)
    assert all(run.italic for run in place.runs)


def test_letter_is_addressed_to_the_prime_minister_without_a_full_stop(document):
    assert "Kính gửi: Thủ tướng Chính phủ" in [p.text for p in document.paragraphs]
    assert "Kính gửi: Thủ tướng Chính phủ." not in [p.text for p in document.paragraphs]


def test_letter_is_dated_the_day_given(document):
    right = document.tables[0].rows[0].cells[1].text
    assert "Hà Nội, ngày 29 tháng 6 năm 2022" in right


def test_opening_recalls_the_request_letter(document):
    text = "\n".join(p.text for p in document.paragraphs)
    assert "văn bản số 1683/BXD-PTDT ngày 16/5/2022" in text and "trước ngày 30/5/2022" in text


def test_status_paragraph_and_table_give_the_counts(document):
    assert any("đã nhận được báo cáo của 3/5 tỉnh, thành phố" in p.text for p in document.paragraphs)
    rows = table_rows(find_table(document, "Tình hình")[0])
    assert ["Đã gửi báo cáo", "3"] in rows and ["Chưa gửi báo cáo", "2"] in rows and ["Tổng số", "5"] in rows


def test_sections_keep_their_heading_and_count(document, campaign):
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"2.{s.number}. {s.heading}" for s in campaign.sections]
    assert "Có 1/5 tỉnh, thành phố báo cáo nội dung này." in [p.text for p in document.paragraphs]


def test_quotations_have_their_own_style(campaign, tmp_path):
    text = "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn về tiêu chuẩn kết nối dữ liệu đô thị thông minh."
    row = province_row(campaign, "06", "on_time", received_at="2022-05-24T10:00:00+07:00", reports=1,
                       report_number="139/BC-UBND", report_date="2022-05-23", section_6=text, proposal_themes="legal")
    document = render(make_table(campaign, {"06": row}), campaign, tmp_path)
    quote = next(p for p in document.paragraphs if p.text.startswith("“"))
    assert quote.style.name == "Trích dẫn"
    assert quote.text == f"“{text}” (Báo cáo số 139/BC-UBND ngày 23/5/2022 của UBND tỉnh Bắc Kạn)."


def test_recipients_and_signature_close_the_letter_kept_together(document):
    signature = document.tables[[t.rows[0].cells[0].text.startswith("Nơi nhận") for t in document.tables].index(True)]
    left, right = (cell.text for cell in signature.rows[0].cells)
    assert left.splitlines() == ["Nơi nhận:", "- Như trên;", "- Bộ Thông tin và Truyền thông;", "- Lưu: VT, PTĐT."]
    lines = right.splitlines()
    assert lines[:2] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"] and lines[-1] == "[Họ và tên]"
    assert lines[2:-1] == ["", "", "", ""]   # room for the signature
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    closing = next(p for p in document.paragraphs if p.text.endswith("xem xét, chỉ đạo./."))
    assert closing.paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_with_next for cell in signature.rows[0].cells for p in cell.paragraphs)


# --------------------------------------------------------------------------- annexes


def annex_titles(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    return [f"{texts[i]} / {texts[i + 1]} / {texts[i + 2]}" for i, t in enumerate(texts) if t.startswith("Phụ lục ")]


def test_each_annex_is_headed_with_the_letter_it_goes_with(document):
    assert annex_titles(document) == [
        "Phụ lục I / TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐỊA PHƯƠNG / "
        "(Kèm theo Công văn số        /BXD-PTĐT ngày 29/6/2022 của Bộ Xây dựng)",
        "Phụ lục II / KINH PHÍ TRIỂN KHAI ĐÔ THỊ THÔNG MINH CỦA CÁC ĐỊA PHƯƠNG / "
        "(Kèm theo Công văn số        /BXD-PTĐT ngày 29/6/2022 của Bộ Xây dựng)",
    ]


def test_each_annex_is_a_section_numbering_its_pages_from_one(document):
    sections = document.sections
    assert len(sections) == 3
    assert sections[0]._sectPr.find(qn("w:pgNumType")) is None or \
        sections[0]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) is None
    for section in sections[1:]:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert section.different_first_page_header_footer
        header = section.header.paragraphs[0]
        assert [t.text.strip() for t in header._p.iter(qn("w:instrText"))] == ["PAGE"]


def test_annex_i_gives_each_provinces_report_and_lateness(document):
    rows = table_rows(find_table(document, "STT")[0])
    assert rows[0] == ["STT", "Tỉnh, thành phố", "Số, ngày văn bản", "Ngày nhận", "Tình hình"]
    assert ["2", "Tỉnh Hà Giang", "", "31/5/2022", "Chậm 2 ngày"] in rows
    assert ["3", "Tỉnh Cao Bằng", "", "28/5/2022", "Không đọc được"] in rows
    assert ["4", "Tỉnh Bắc Kạn", "", "", "Chưa gửi"] in rows


def test_annex_ii_gives_funding_in_ty_dong_with_two_decimals_and_the_national_total(document):
    rows = table_rows(find_table(document, "STT")[1])
    assert rows[0][:3] == ["STT", "Tỉnh, thành phố", "Tổng kinh phí"]
    assert ["1", "Hà Nội", "125,50"] == rows[[r[1] for r in rows].index("Hà Nội")][:3]
    assert rows[-1][1:3] == ["Cả nước (2/5 địa phương có số liệu)", "127,50"]
    assert find_table(document, "STT")[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert any(p.text == "Đơn vị tính: tỷ đồng" for p in document.paragraphs)


def test_nothing_for_machines_in_the_word_file(tmp_path):
    campaign = load_campaign()
    table = national_table(campaign)
    table.loc[3, "status"] = "unreadable"
    table.loc[3, "error"] = "scan.pdf: cannot read it as a PDF file; run `baocao assign`"
    document = render(table, campaign, tmp_path, with_excerpts=True)
    everything = "\n".join(texts(document))
    assert not MACHINE.findall(everything)
    assert "Phụ lục III" in everything


# --------------------------------------------------------------------------- text


def test_vietnamese_text_comes_out_intact_and_nfc(document):
    everything = "\n".join(texts(document))
    assert everything == unicodedata.normalize("NFC", everything)
    for phrase in ("Đồng bằng sông Hồng", "Trung du và miền núi phía Bắc", "Tỉnh Tuyên Quang",
                   "Độc lập - Tự do - Hạnh phúc"):
        assert phrase in everything


def test_no_template_tag_is_left_in_the_document(document):
    everything = "\n".join(texts(document))
    assert "{{" not in everything and "{%" not in everything and "%}" not in everything


def test_markup_in_province_text_stays_text(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1, section_6="Đề nghị <b>hỗ trợ</b> & \x01phối hợp.")
    document = render(make_table(campaign, {"01": row}), campaign, tmp_path, with_excerpts=True)
    assert "Đề nghị <b>hỗ trợ</b> & phối hợp." in [p.text for p in document.paragraphs]


# --------------------------------------------------------------------------- template


def _template(path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_custom_templates_folder_gives_the_styles_and_page_of_the_word_file(table, campaign, tmp_path):
    own = docx.Document(str(ROOT / "templates" / "report.docx"))
    own.styles["Normal"].font.size = Pt(13)
    own.sections[0].left_margin = Cm(3.5)
    (tmp_path / "mau").mkdir()
    own.save(str(tmp_path / "mau" / "report.docx"))
    document = render(table, campaign, tmp_path, templates=tmp_path / "mau")
    assert document.styles["Normal"].font.size == Pt(13)
    assert round(document.sections[0].left_margin.mm) == 35
    assert "Kính gửi: Thủ tướng Chính phủ" in [p.text for p in document.paragraphs]


def test_a_template_lacking_the_letters_styles_still_gives_the_whole_letter(table, campaign, tmp_path):
    _template(tmp_path / "mau" / "report.docx", "Văn bản cũ của mẫu")
    document = render(table, campaign, tmp_path, templates=tmp_path / "mau")
    texts_ = [p.text for p in document.paragraphs]
    assert "Văn bản cũ của mẫu" not in texts_ and "Kính gửi: Thủ tướng Chính phủ" in texts_


def test_custom_templates_folder_without_docx_uses_the_bundled_one(table, campaign, tmp_path):
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "report.md.j2").write_text("Riêng\n", encoding="utf-8")
    document = render(table, campaign, tmp_path, templates=tmp_path / "mau")
    assert "Kính gửi: Thủ tướng Chính phủ" in [p.text for p in document.paragraphs]


def test_docx_template_that_is_not_a_word_file_raises_render_error(table, campaign, tmp_path):
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "report.docx").write_text("không phải Word", encoding="utf-8")
    with pytest.raises(RenderError, match="not a Word"):
        render(table, campaign, tmp_path, templates=tmp_path / "mau")


def test_bundled_template_is_what_its_build_script_makes(tmp_path):
    rebuilt = tmp_path / "report.docx"
    subprocess.run([sys.executable, str(ROOT / "templates" / "make_report_docx.py"), str(rebuilt)], check=True,
                   capture_output=True)
    assert rebuilt.read_bytes() == (ROOT / "templates" / "report.docx").read_bytes()


def test_the_short_rules_under_the_issuer_and_the_motto_stand_clear_of_the_letters(document):
    left, right = document.tables[0].rows[0].cells
    for cell in (left, right):
        rule = next(p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None)
        assert rule.text == "" and rule.paragraph_format.space_before >= Pt(4)
        assert rule.paragraph_format.left_indent > 0   # shorter than the text above it
