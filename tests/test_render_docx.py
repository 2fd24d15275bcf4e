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
from test_render_report import ERRORS, GENERATED, five_provinces, make_table, province_row, sample_table

from baocao.render.report import RenderError, render_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def campaign():
    return five_provinces()


@pytest.fixture(scope="module")
def table(campaign):
    return sample_table(campaign)


def render(table, campaign, folder: Path, **kwargs) -> docx.document.Document:
    out = render_report(table, campaign, ERRORS, folder / "bao-cao.docx", generated_at=GENERATED, **kwargs)
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


def test_letter_is_addressed_to_the_prime_minister(document):
    assert "Kính gửi: Thủ tướng Chính phủ." in [p.text for p in document.paragraphs]


def test_opening_recalls_the_request_letter(document):
    text = "\n".join(p.text for p in document.paragraphs)
    assert "văn bản số 1683/BXD-PTDT ngày 16/5/2022" in text and "trước ngày 30/5/2022" in text


def test_status_paragraph_and_table_give_the_counts(document):
    assert any("đã nhận được báo cáo của 3/5 tỉnh, thành phố" in p.text for p in document.paragraphs)
    rows = table_rows(find_table(document, "Tình hình")[0])
    assert ["Đã gửi báo cáo", "3"] in rows and ["Chưa gửi báo cáo", "2"] in rows and ["Tổng số", "5"] in rows


def test_province_text_sits_under_its_section_heading_with_attribution(document, campaign):
    headings = [i for i, p in enumerate(document.paragraphs) if p.style.name == "Heading 2"]
    start = next(i for i in headings if document.paragraphs[i].text == f"2.2. {campaign.section(2).heading}")
    end = headings[headings.index(start) + 1]
    part = [p for p in document.paragraphs[start + 1:end]]
    assert part[0].text == "1/5 tỉnh, thành phố có nội dung này."
    assert [(p.style.name, p.text) for p in part[1:]] == [
        ("Heading 3", "Thành phố Hà Nội"),
        ("Trích dẫn", "Thành phố đã phê duyệt Đề án đô thị thông minh năm 2019."),
        ("Trích dẫn", "Trung tâm IOC vận hành từ 2021."),
        ("Nguồn trích dẫn", "(Thành phố Hà Nội — Bao cao DTTM Ha Noi.docx, đoạn 12–30)"),
    ]


def test_sections_without_text_keep_their_heading_and_count(document, campaign):
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"2.{s.number}. {s.heading}" for s in campaign.sections]


def test_funding_table_lists_each_province_and_the_total(document):
    rows = table_rows(find_table(document, "STT")[0])
    assert rows[0] == ["STT", "Tỉnh, thành phố", "Vùng", "Kinh phí (đồng)", "Tỷ đồng"]
    assert rows[1] == ["1", "Hà Nội", "Đồng bằng sông Hồng", "125.500.000.000 đồng", "125,5 tỷ"]
    assert rows[2] == ["2", "Hà Giang", "Trung du và miền núi phía Bắc", "2.000.000.000 đồng", "2 tỷ"]
    assert rows[3] == ["", "Tổng cộng", "2 địa phương", "127.500.000.000 đồng", "127,5 tỷ"]


def test_funding_header_row_repeats_on_each_page(document):
    header = find_table(document, "STT")[0].rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None


def test_region_table_gives_the_national_total(document):
    rows = table_rows(find_table(document, "Vùng")[0])
    assert ["Đồng bằng sông Hồng", "1/1", "125.500.000.000 đồng", "125,5 tỷ"] in rows
    assert rows[-1] == ["Cả nước", "2/5", "127.500.000.000 đồng", "127,5 tỷ"]


def test_recipients_and_signature_close_the_letter(document):
    signature = document.tables[[t.rows[0].cells[0].text.startswith("Nơi nhận") for t in document.tables].index(True)]
    left, right = (cell.text for cell in signature.rows[0].cells)
    assert left.splitlines() == ["Nơi nhận:", "- Như trên;", "- Bộ Thông tin và Truyền thông;", "- Lưu: VT, PTDT."]
    assert right.splitlines() == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]


# --------------------------------------------------------------------------- annexes


def test_annex_i_names_provinces_that_did_not_report(document):
    title = next(p for p in document.paragraphs if p.text.startswith("Phụ lục I\n"))
    assert title.paragraph_format.page_break_before or title.style.paragraph_format.page_break_before
    rows = table_rows(find_table(document, "STT")[-1])
    assert rows[1:] == [["1", "Tỉnh Bắc Kạn", "Trung du và miền núi phía Bắc"],
                        ["2", "Tỉnh Tuyên Quang", "Trung du và miền núi phía Bắc"]]


def test_annex_ii_gives_unreadable_report_and_recorded_errors(document):
    unreadable = table_rows(find_table(document, "Tỉnh, thành phố")[0])
    assert unreadable[1][0] == "Tỉnh Cao Bằng"
    assert "PDF là bản quét không có lớp chữ" in unreadable[1][3]
    errors = table_rows(find_table(document, "Thời điểm")[0])
    assert errors[1][2] == "sxd@caobang.gov.vn: Báo cáo ĐTTM <scan@caobang.gov.vn>"
    assert errors[1][5] == "Xin tỉnh gửi lại bản .docx"


def test_annex_iii_indexes_source_messages_and_files(document):
    sources = table_rows(find_table(document, "Tỉnh, thành phố")[-1])
    assert ["Thành phố Hà Nội", "Đúng hạn", "14:02 ngày 27/5/2022", "1", "<bc-hanoi@hanoi.gov.vn>",
            "Bao cao DTTM Ha Noi.docx"] in sources


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
    row = province_row(campaign, "01", "on_time", reports=1, section_6="Đề nghị <b>hỗ trợ</b> & \x01phối hợp.",
                       section_6_ref="a.docx, đoạn 1")
    document = render(make_table(campaign, {"01": row}), campaign, tmp_path)
    assert "Đề nghị <b>hỗ trợ</b> & phối hợp." in [p.text for p in document.paragraphs]


# --------------------------------------------------------------------------- template


def _template(path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_custom_templates_folder_replaces_bundled_docx(table, campaign, tmp_path):
    _template(tmp_path / "mau" / "report.docx", "Riêng: {{ summary.reported }}/{{ summary.total }}")
    document = render(table, campaign, tmp_path, templates=tmp_path / "mau")
    assert [p.text for p in document.paragraphs] == ["Riêng: 3/5"]


def test_custom_templates_folder_without_docx_uses_the_bundled_one(table, campaign, tmp_path):
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "report.md.j2").write_text("Riêng\n", encoding="utf-8")
    document = render(table, campaign, tmp_path, templates=tmp_path / "mau")
    assert "Kính gửi: Thủ tướng Chính phủ." in [p.text for p in document.paragraphs]


def test_broken_docx_template_raises_render_error_quoting_the_text_near_it(table, campaign, tmp_path):
    _template(tmp_path / "mau" / "report.docx", "Mở đầu", "{%p for s in %}", "Kết thúc")
    with pytest.raises(RenderError, match=r"report\.docx.*near: .*Mở đầu"):
        render(table, campaign, tmp_path, templates=tmp_path / "mau")


def test_unknown_name_in_docx_template_raises_render_error(table, campaign, tmp_path):
    _template(tmp_path / "mau" / "report.docx", "{{ khong_co }}")
    with pytest.raises(RenderError, match="khong_co"):
        render(table, campaign, tmp_path, templates=tmp_path / "mau")


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
