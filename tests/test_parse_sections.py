"""Cutting a report into outline items: what `extract_sections` promises.

Most tests run over every heading format in tests/docx_builders.py (heading styles,
bold Roman, bold arabic, ALL CAPS, Word auto-numbering, the "List Number" style): the
same report must give the same sections whatever the numbering.
"""

import pytest
from docx_builders import (
    FORMATS,
    FUNDING_HEADING,
    FUNDING_TEXT,
    MERGED_5_6,
    STANDARD,
    WITHOUT_FIRST,
    build_report,
    general_info_text,
)

from baocao.campaign import load_campaign
from baocao.parse.document import Block, Document
from baocao.parse.docx import read_docx
from baocao.parse.labels import leading_label
from baocao.parse.sections import SourceRef, extract_sections

OUTLINE = load_campaign().sections

LETTERHEAD = "\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "Số: 123/BC-UBND | Quảng Ninh, ngày 27 tháng 5 năm 2022",
        "BÁO CÁO",
        "Tình hình triển khai đô thị thông minh trên địa bàn tỉnh Quảng Ninh",
        "Thực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng, UBND tỉnh Quảng Ninh báo cáo như sau:",
    ]
)
SIGNOFF = "\n".join(
    [
        "Trên đây là báo cáo tình hình triển khai đô thị thông minh của UBND tỉnh Quảng Ninh./.",
        "Nơi nhận: - Bộ Xây dựng (b/c); - Lưu: VT, XD. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A",
    ]
)


def parsed(tmp_path, fmt, parts=STANDARD):
    return extract_sections(read_docx(build_report(tmp_path / f"{fmt}.docx", fmt, parts)), OUTLINE)


def section(report, number):
    return next(s for s in report.sections if s.number == number)


def plain(*lines):
    """A Document from (text, number) or (text, number, bold) lines; numbered lines are bold
    unless told otherwise."""
    blocks = tuple(
        Block(i, line[0], "paragraph", "Normal", None, line[2] if len(line) > 2 else bool(line[1]), line[1])
        for i, line in enumerate(lines)
    )
    return Document("bao-cao.docx", blocks)


# -- over the format matrix --------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_yields_the_six_items_in_outline_order(tmp_path, fmt):
    assert [s.number for s in parsed(tmp_path, fmt).sections] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_heading_is_kept_as_the_province_wrote_it_with_its_number(tmp_path, fmt):
    assert section(parsed(tmp_path, fmt), 4).heading == FUNDING_HEADING[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_text_is_the_body_without_its_heading(tmp_path, fmt):
    assert section(parsed(tmp_path, fmt), 1).text == "Năm 2017, tỉnh đã xây dựng hệ thống một cửa điện tử."


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_heading_does_not_split_a_section(tmp_path, fmt):
    assert section(parsed(tmp_path, fmt), 2).text == general_info_text(fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_heading_with_another_items_words_does_not_open_that_item(tmp_path, fmt):
    # "Kinh phí đầu tư Trung tâm IOC" sits under item 2; item 4 starts at its own heading.
    assert section(parsed(tmp_path, fmt), 4).heading == FUNDING_HEADING[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_funding_table_stays_in_its_section_in_reading_order(tmp_path, fmt):
    assert section(parsed(tmp_path, fmt), 4).text == FUNDING_TEXT


@pytest.mark.parametrize("fmt", FORMATS)
def test_body_sentence_with_heading_words_stays_body_text(tmp_path, fmt):
    # "Kinh phí … đề nghị …" has phrases of items 4 and 6 but is not a heading.
    assert section(parsed(tmp_path, fmt), 5).text.endswith("\nKinh phí còn hạn chế, đề nghị Trung ương hỗ trợ.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_province_own_heading_ends_the_section_and_belongs_to_none(tmp_path, fmt):
    report = parsed(tmp_path, fmt)
    assert section(report, 6).text == "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn."
    everywhere = [s.text for s in report.sections] + [report.letterhead, report.signoff]
    assert not any("Tiếp tục hoàn thiện Trung tâm IOC." in text for text in everywhere)


@pytest.mark.parametrize("fmt", FORMATS)
def test_letterhead_is_the_text_before_the_first_section(tmp_path, fmt):
    assert parsed(tmp_path, fmt).letterhead == LETTERHEAD


@pytest.mark.parametrize("fmt", FORMATS)
def test_subject_line_under_the_title_is_not_a_section(tmp_path, fmt):
    # The subject "Tình hình triển khai đô thị thông minh…" has the words of item 2.
    heading = section(parsed(tmp_path, fmt), 2).heading
    assert heading.upper().endswith("THÔNG TIN CHUNG VỀ TRIỂN KHAI ĐÔ THỊ THÔNG MINH")


@pytest.mark.parametrize("fmt", FORMATS)
def test_signoff_belongs_to_no_section(tmp_path, fmt):
    report = parsed(tmp_path, fmt)
    assert report.signoff == SIGNOFF
    assert not any("Trên đây là báo cáo" in s.text or "Nơi nhận" in s.text for s in report.sections)


@pytest.mark.parametrize("fmt", FORMATS)
def test_merged_difficulties_and_proposals_heading_fills_both(tmp_path, fmt):
    report = parsed(tmp_path, fmt, MERGED_5_6)
    difficulties, proposals = section(report, 5), section(report, 6)
    assert difficulties.text == proposals.text == "Kinh phí còn hạn chế.\nĐề nghị Bộ Xây dựng sớm ban hành hướng dẫn."
    assert (difficulties.merged_with, proposals.merged_with) == ((6,), (5,))
    assert difficulties.heading == proposals.heading


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_item_is_left_out_and_the_others_found_despite_renumbering(tmp_path, fmt):
    report = parsed(tmp_path, fmt, WITHOUT_FIRST)
    assert [s.number for s in report.sections] == [2, 3, 4, 5, 6]
    assert section(report, 4).text.startswith("Tổng kinh phí như sau:\n")
    assert report.letterhead == LETTERHEAD


def test_source_ref_spans_heading_to_last_body_block(tmp_path):
    report = parsed(tmp_path, "bold_roman")
    # blocks: 2 letterhead rows, title, subject, intro (0-4); item 1 heading 5, body 6;
    # item 2 heading 7 .. 11; item 3 12-13; item 4 heading 14, table rows 16-18, body 19.
    assert section(report, 1).source == SourceRef("bold_roman.docx", 5, 6)
    assert section(report, 4).source == SourceRef("bold_roman.docx", 14, 19)


def test_merged_sections_share_one_source(tmp_path):
    report = parsed(tmp_path, "bold_roman", MERGED_5_6)
    assert section(report, 5).source == section(report, 6).source


# -- on plain blocks ---------------------------------------------------------------------


def test_reordered_items_are_recognised_by_their_words_not_their_numbers():
    report = extract_sections(
        plain(
            ("I. KHÓ KHĂN, VƯỚNG MẮC", "I."),
            ("Thiếu nhân lực.", ""),
            ("II. KINH PHÍ THỰC HIỆN", "II."),
            ("Tổng 120 tỷ đồng.", ""),
        ),
        OUTLINE,
    )
    assert [(s.number, s.heading, s.text) for s in report.sections] == [
        (4, "II. KINH PHÍ THỰC HIỆN", "Tổng 120 tỷ đồng."),
        (5, "I. KHÓ KHĂN, VƯỚNG MẮC", "Thiếu nhân lực."),
    ]


def test_item_written_under_two_headings_is_kept_whole():
    report = extract_sections(
        plain(
            ("IV. KINH PHÍ THỰC HIỆN", "IV."),
            ("Ngân sách tỉnh 100 tỷ đồng.", ""),
            ("V. NGUỒN VỐN XÃ HỘI HÓA", "V."),
            ("Doanh nghiệp 20 tỷ đồng.", ""),
        ),
        OUTLINE,
    )
    (funding,) = report.sections
    assert funding.text == "Ngân sách tỉnh 100 tỷ đồng.\nV. NGUỒN VỐN XÃ HỘI HÓA\nDoanh nghiệp 20 tỷ đồng."
    assert (funding.source.first_block, funding.source.last_block) == (0, 3)


def test_sub_heading_level_is_not_taken_for_the_section_level():
    # Items 4 and 6 are Roman headings; two arabic sub-headings also have outline words,
    # but cover fewer items, so they stay inside item 4.
    report = extract_sections(
        plain(
            ("I. KINH PHÍ THỰC HIỆN", "I."),
            ("1. Nguồn vốn ngân sách", "1."),
            ("Ngân sách tỉnh.", ""),
            ("2. Nguồn vốn xã hội hóa", "2."),
            ("Doanh nghiệp.", ""),
            ("II. KIẾN NGHỊ", "II."),
            ("Đề nghị hỗ trợ.", ""),
        ),
        OUTLINE,
    )
    assert [(s.number, s.text) for s in report.sections] == [
        (4, "1. Nguồn vốn ngân sách\nNgân sách tỉnh.\n2. Nguồn vốn xã hội hóa\nDoanh nghiệp."),
        (6, "Đề nghị hỗ trợ."),
    ]


def test_subject_line_at_the_section_level_is_not_a_section():
    # Headings bold and unnumbered, like the subject line under "BÁO CÁO".
    report = extract_sections(
        plain(
            ("BÁO CÁO", "", True),
            ("Tình hình triển khai đô thị thông minh trên địa bàn tỉnh Quảng Ninh", "", True),
            ("Thực hiện văn bản số 1683/BXD-PTDT, UBND tỉnh báo cáo như sau:", ""),
            ("Thông tin chung", "", True),
            ("Tỉnh có Đề án.", ""),
            ("Kinh phí thực hiện", "", True),
            ("Tổng 120 tỷ đồng.", ""),
        ),
        OUTLINE,
    )
    assert [(s.number, s.heading, s.text) for s in report.sections] == [
        (2, "Thông tin chung", "Tỉnh có Đề án."),
        (4, "Kinh phí thực hiện", "Tổng 120 tỷ đồng."),
    ]
    assert report.letterhead.startswith("BÁO CÁO\nTình hình triển khai")


def test_bold_intro_with_outline_words_does_not_fix_the_section_level():
    report = extract_sections(
        plain(
            ("Kính gửi: Bộ Xây dựng", "", True),
            ("Về tình hình triển khai đô thị thông minh, UBND tỉnh báo cáo như sau:", "", True),
            ("I. THÔNG TIN CHUNG", "I."),
            ("Tỉnh có Đề án.", ""),
            ("II. KINH PHÍ THỰC HIỆN", "II."),
            ("Tổng 120 tỷ đồng.", ""),
        ),
        OUTLINE,
    )
    assert [(s.number, s.text) for s in report.sections] == [(2, "Tỉnh có Đề án."), (4, "Tổng 120 tỷ đồng.")]


def test_report_after_a_letter_sending_it_on_is_read_from_its_covering_sentence():
    # A Sở's letter sending the report on, first in the file: its subject line "V/v …" reads
    # as labelled "V/" (a paragraph of its own in a PDF, whose letterhead table has no rules),
    # and its sign-off comes before the report's headings.
    subject = "V/v gửi Báo cáo tình hình phát triển đô thị thông minh"
    report = extract_sections(
        plain(
            ("SỞ XÂY DỰNG", "", True),
            ("Số: 696/SXD-QLĐT", ""),
            (subject, leading_label(subject), False),
            ("Kính gửi: Bộ Xây dựng", ""),
            ("Sở Xây dựng trân trọng gửi kèm văn bản này Báo cáo của UBND tỉnh./.", ""),
            ("Nơi nhận:", "", True),
            ("KT. GIÁM ĐỐC", "", True),
            ("BÁO CÁO", "", True),
            ("Thực hiện văn bản số 1683/BXD-PTDT, UBND tỉnh báo cáo như sau:", ""),
            ("1. THÔNG TIN CHUNG", "1."),
            ("Tỉnh có Đề án.", ""),
            ("2. KINH PHÍ THỰC HIỆN", "2."),
            ("Tổng 120 tỷ đồng.", ""),
            ("Nơi nhận:", "", True),
        ),
        OUTLINE,
    )
    assert leading_label(subject)
    assert [(s.number, s.text) for s in report.sections] == [(2, "Tỉnh có Đề án."), (4, "Tổng 120 tỷ đồng.")]


def test_report_after_a_letter_sending_it_on_is_read_though_it_has_no_covering_sentence():
    # The Sở's letter, signed, then the report under its own letterhead and title, its
    # headings straight under the title: the letter's closing does not end the search for them.
    report = extract_sections(
        plain(
            ("SỞ XÂY DỰNG", "", True),
            ("Kính gửi: Bộ Xây dựng", ""),
            ("Sở Xây dựng trân trọng gửi kèm văn bản này Báo cáo của UBND tỉnh./.", ""),
            ("Nơi nhận:", "", True),
            ("KT. GIÁM ĐỐC", "", True),
            ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "", True),
            ("BÁO CÁO", "", True),
            ("Tình hình triển khai đô thị thông minh", "", True),
            ("1. THÔNG TIN CHUNG", "1."),
            ("Tỉnh có Đề án.", ""),
            ("2. KINH PHÍ THỰC HIỆN", "2."),
            ("Tổng 120 tỷ đồng.", ""),
            ("Nơi nhận:", "", True),
            ("TM. ỦY BAN NHÂN DÂN", "", True),
        ),
        OUTLINE,
    )
    assert [(s.number, s.text) for s in report.sections] == [(2, "Tỉnh có Đề án."), (4, "Tổng 120 tỷ đồng.")]
    assert report.signoff == "Nơi nhận:\nTM. ỦY BAN NHÂN DÂN"


def test_report_without_outline_headings_has_no_sections_and_keeps_its_text_as_letterhead():
    report = extract_sections(
        plain(("UBND TỈNH QUẢNG NINH", ""), ("Xin gửi kèm báo cáo.", ""), ("Nơi nhận:", "")),
        OUTLINE,
    )
    assert report.sections == ()
    assert report.letterhead == "UBND TỈNH QUẢNG NINH\nXin gửi kèm báo cáo."
    assert report.signoff == "Nơi nhận:"


def test_last_section_without_signoff_runs_to_the_end():
    report = extract_sections(plain(("VI. ĐỀ XUẤT, KIẾN NGHỊ", "VI."), ("Đề nghị hỗ trợ.", "")), OUTLINE)
    assert (section(report, 6).text, report.signoff) == ("Đề nghị hỗ trợ.", "")


def test_a_long_heading_wrapped_onto_a_second_line_stays_one_heading():
    from baocao.campaign import load_campaign
    from baocao.parse.document import Block, Document
    from baocao.parse.sections import extract_sections

    def caps(i, text, number=""):
        return Block(i, text, "paragraph", "", 2, False, number)

    blocks = (
        caps(0, "IV. KINH PHÍ THỰC HIỆN", "IV."),
        Block(1, "Tổng kinh phí 12 tỷ đồng.", "paragraph", "", None, False),
        caps(2, "V. KHÓ KHĂN, VƯỚNG MẮC TRONG TRIỂN KHAI (VỀ NGUỒN LỰC, VỀ VĂN BẢN QUY PHẠM PHÁP", "V."),
        caps(3, "LUẬT, ...)"),
        Block(4, "Thiếu nguồn lực.", "paragraph", "", None, False),
        caps(5, "VI. ĐỀ XUẤT, KIẾN NGHỊ", "VI."),
        Block(6, "Đề nghị hướng dẫn.", "paragraph", "", None, False),
    )
    found = {s.number: s for s in extract_sections(Document("scan.pdf", blocks), load_campaign().sections).sections}
    assert found[5].text == "Thiếu nguồn lực."
    assert found[5].heading.endswith("PHÁP LUẬT, ...)")
    assert found[6].text == "Đề nghị hướng dẫn."
