"""Each report's own number and date, read from its letterhead, to cite it by."""

from datetime import date

import pytest

from baocao.parse.letterhead import ReportReference, report_date, report_number, report_reference

HA_NOI = ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI Số: 215/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
          "Tự do - Hạnh phúc Hà Nội, ngày 23 tháng 5 năm 2022\nBÁO CÁO\nTình hình phát triển đô thị thông minh\n"
          "Thực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng, UBND thành phố Hà Nội báo cáo như sau:")


def test_the_number_and_date_of_a_letterhead_as_word_lays_it_out():
    assert report_reference(HA_NOI).number == "215/BC-UBND"
    assert report_reference(HA_NOI).date == date(2022, 5, 23)


def test_the_ministrys_request_cited_in_the_covering_sentence_is_not_the_reports_own():
    cover_only = "BÁO CÁO\nThực hiện Công văn số 1683/BXD-PTDT ngày 16 tháng 5 năm 2022 của Bộ Xây dựng"
    assert report_number(cover_only) is None
    assert report_date(cover_only) is None


@pytest.mark.parametrize("letterhead, number", [
    ("UBND TỈNH BẮC KẠN\nSố: 139/BC-UBND", "139/BC-UBND"),
    ("UBND TỈNH BẮC KẠN\nSố 139 / BC - UBND", "139/BC-UBND"),
    ("UBND TỈNH BẮC KẠN | Số: 139/BC–UBND", "139/BC-UBND"),
    ("SỞ XÂY DỰNG\nSố: 05/SXD-QHKT", "05/SXD-QHKT"),
    ("UBND TỈNH BẮC KẠN\nSố:        /BC-UBND", None),
])
def test_the_number_is_read_however_it_is_spaced_and_a_blank_one_is_none(letterhead, number):
    assert report_number(letterhead) == number


@pytest.mark.parametrize("letterhead, number", [
    ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 371-UBND", "371-UBND"),
    ("UBND TỈNH THÁI NGUYÊN | Số: 371 – UBND", "371-UBND"),
    ("UBND TỈNH THÁI NGUYÊN\nSố:\n371-UBND\nBÁO CÁO", "371-UBND"),
])
def test_a_number_with_a_bare_code_and_no_document_type_is_kept_as_written(letterhead, number):
    assert report_number(letterhead) == number


@pytest.mark.parametrize("letterhead, number", [
    ("UBND TỈNH BẮC NINH\nSố: 333/BC.UBND\nBắc Ninh, ngày 14 tháng 5 năm 2022", "333/BC.UBND"),
    (HA_NOI.replace("215/BC-UBND", "215/BC.UBND"), "215/BC.UBND"),
    ("UBND TỈNH BẮC NINH\nSố hiệu: 333/BC.UBND", "333/BC.UBND"),
    ("UBND TỈNH BẮC NINH\nSố: 333/BC-UBND.", "333/BC-UBND"),
    ("UBND TỈNH BẮC NINH | Số: 333/BC-UBND. Bắc Ninh, ngày 14 tháng 5 năm 2022", "333/BC-UBND"),
])
def test_a_code_joined_by_a_full_stop_is_kept_as_written_and_a_stop_ending_the_line_is_not_the_codes(
        letterhead, number):
    assert report_number(letterhead) == number


def test_a_number_whose_field_ocr_garbled_is_the_one_opening_a_line_above_the_title():
    # A scan with a barcode label atop: OCR read "Số:" as "Số" and "ố:" on two lines.
    scanned = ("VB2212003\nNgày đến: 27/05/2022\nỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n"
               "TỈNH QUẢNG TRỊ\nSố | Độc lập - Tự do - Hạnh phúc\nố:\nQuảng Trị, ngày 25 tháng 5 năm 2022\n"
               "281/BC-UBND | Quảng Trị, ngày\nBÁO CÁO\nThực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022")
    assert report_number(scanned) == "281/BC-UBND"
    # Only above the title, only shaped as a document's number, only when no field gave one.
    assert report_number("BÁO CÁO\n1683/BXD-PTDT là văn bản của Bộ") is None
    assert report_number("UBND TỈNH\n12/5 là ngày họp\nBÁO CÁO") is None
    assert report_number("Số: 139/BC-UBND\n281/BC-SXD\nBÁO CÁO") == "139/BC-UBND"


def test_a_bare_code_in_a_covering_letter_cites_the_report_it_sends():
    letter = ("SỞ XÂY DỰNG Số: 88/SXD-QLĐT V/v gửi Báo cáo\n"
              "Sở Xây dựng gửi kèm Báo cáo số 371-UBND ngày 16/5/2022 của UBND tỉnh./.")
    assert report_reference(letter) == ReportReference("371-UBND", date(2022, 5, 16))


@pytest.mark.parametrize("letterhead", [
    "Bắc Kạn, ngày 23 tháng 5 năm 2022",
    "Bắc Kạn, ngày 23 tháng 05\nnăm 2022",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | ngày 23 | tháng 5 năm 2022",
    "BẮC KẠN, NGÀY 23 THÁNG 5 NĂM 2022",
    "Bắc Kạn, ngày 23/5/2022",
])
def test_the_date_is_read_across_lines_and_cells_in_any_case(letterhead):
    assert report_date(letterhead) == date(2022, 5, 23)


def test_a_year_wrapped_past_the_other_columns_line_is_still_the_dates():
    # A browser's print of a two-column letterhead, read line by line: the subject line of the
    # left column falls between "năm" and the year that wrapped under it.
    letterhead = ("Số: 238/UBND-XD\nThành phố Hồ Chí Minh, ngày 20 tháng 5 năm\n"
                  "V/v báo cáo tình hình phát triển | 2022\nđô thị thông minh\nBÁO CÁO")
    assert report_date(letterhead) == date(2022, 5, 20)


def test_a_year_wrapped_past_the_reports_number_in_the_other_column_is_still_the_dates():
    # A scan of a two-column letterhead read line by line: the number under "Số:" in the left
    # column falls between "năm" and the year that wrapped under it.
    letterhead = ("Số | Độc lập - Tự do - Hạnh phúc\nỐ:\nThành phố Hồ Chí Minh, ngày 4 tháng 5 năm\n"
                  "182/BC-UBND | 2022\nBÁO CÁO")
    assert report_reference(letterhead) == ReportReference("182/BC-UBND", date(2022, 5, 4))


def test_a_date_whose_slashes_ocr_read_as_fraction_slashes_is_read():
    assert report_date("Số: 353/BC-UBND\nHà Nam, ngày 5\u20445\u20442022\nBÁO CÁO") == date(2022, 5, 5)


def test_a_date_separator_ocr_read_twice_is_one_separator():
    assert report_date("Số: 41/BC-UBND\nHậu Giang, ngày 11/\u20445\u20442022\nBÁO CÁO") == date(2022, 5, 11)


def test_a_date_with_stray_short_words_ocr_put_between_its_parts_is_read():
    # A scan's letterhead: marks of the emblem read as short words before "ngày" and "tháng".
    assert report_date("Số: 97/BC-UBND\nBình Dương, DU ngày 3 BA tháng CO 5 năm 2022\nBÁO CÁO") == date(2022, 5, 3)


def test_a_speck_read_as_a_stop_after_ngay_does_not_hide_the_date():
    assert report_date("Số: 323/BC-UBND\nLào Cai, ngày.6 tháng 5 năm 2022\nBÁO CÁO") == date(2022, 5, 6)


def test_a_date_with_ngay_read_twice_and_a_stray_letter_before_the_year_is_read():
    scanned = "Số: 150/BC-UBND\nHải Dương, g, ngay ngày 26 tháng ng 5 năm l 2022\nBÁO CÁO"
    assert report_date(scanned) == date(2022, 5, 26)


def test_a_speck_read_as_a_stop_before_nam_does_not_hide_the_date():
    # Pool 25's Tây Ninh scan (dust on the glass): "tháng 5.năm 2022".
    assert report_date("Số: 267/BC-UBND\nTây Ninh, ngày 10 tháng 5.năm 2022\nBÁO CÁO") == date(2022, 5, 10)


def test_a_date_left_blank_or_impossible_is_none():
    assert report_date("Bắc Kạn, ngày     tháng 5 năm 2022") is None
    assert report_date("Bắc Kạn, ngày 31 tháng 2 năm 2022") is None


def test_a_scanned_letterhead_is_read_though_ocr_misread_the_vowels_of_so_and_nam():
    # OCR of a scan without its diacritics: "Số" as "S6", "năm" as "ndm".
    scanned = "UY BAN NHAN DAN\nTINH DAK LAK\nS6: 264/BC-UBND\nDak Lak, ngay 11 thang 5 ndm 2022\nBAO CAO"
    assert report_reference(scanned) == report_reference(
        "UBND TỈNH ĐẮK LẮK\nSố: 264/BC-UBND\nĐắk Lắk, ngày 11 tháng 5 năm 2022")
    assert report_reference(scanned).number == "264/BC-UBND"
    assert report_reference(scanned).date == date(2022, 5, 11)


def test_a_misread_date_that_is_impossible_stays_empty_and_a_sentence_date_is_not_the_reports():
    assert report_date("Dak Lak, ngay 37 thang 5 ndm 2022") is None
    assert report_date("Dự án khởi công tháng 5 năm 2022") is None


COVERING_LETTER = (
    "UBND TỈNH KON TUM SỞ XÂY DỰNG Số: 527/SXD-QLĐT V/v gửi Báo cáo tình hình phát triển đô thị thông minh | "
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Kon Tum, ngày 17 tháng 5 năm 2022\n"
    "Kính gửi: Bộ Xây dựng\n"
    "Sở Xây dựng trân trọng gửi kèm văn bản này Báo cáo số 127/BC-UBND ngày 16/5/2022 của UBND tỉnh./.\n"
    "Nơi nhận: - Như trên; - Lưu: VT. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC\n"
    "ỦY BAN NHÂN DÂN TỈNH KON TUM Số: 127 /BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
    "Hạnh phúc Kon Tum, ngày 16 tháng 5 năm 2022\nBÁO CÁO\nTình hình phát triển đô thị thông minh\n"
    "Thực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng, UBND tỉnh báo cáo như sau:")


def test_under_a_covering_letter_the_reports_own_letterhead_is_the_one_right_above_its_title():
    assert report_reference(COVERING_LETTER).number == "127/BC-UBND"
    assert report_reference(COVERING_LETTER).date == date(2022, 5, 16)


def test_without_a_title_below_them_the_first_number_and_date_are_the_reports():
    letterhead = "Số: 139/BC-UBND\nBắc Kạn, ngày 23 tháng 5 năm 2022\nSố: 140/BC-UBND\nngày 24 tháng 5 năm 2022"
    assert report_reference(letterhead) == report_reference("Số: 139/BC-UBND\nBắc Kạn, ngày 23 tháng 5 năm 2022")


def test_a_year_on_the_line_after_nam_is_still_the_dates():
    assert report_date("Số: 344/BC-UBND | Thành phố Hồ Chí Minh, ngày 2 tháng 5 năm\n2022\nBÁO CÁO") == date(2022, 5, 2)


def test_a_covering_letter_read_without_the_report_gives_the_number_and_date_of_the_report_it_sends():
    letter = ("UBND TỈNH BẾN TRE | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ XÂY DỰNG\nSố: 696/SXD-QLĐT\n"
              "Bến Tre, ngày 21 tháng 5 năm 2022\nV/v gửi Báo cáo tình hình phát triển đô thị thông minh\n"
              "Kính gửi: Bộ Xây dựng\nThực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng, Sở Xây dựng "
              "đã tham mưu UBND ban hành Báo cáo số 296/BC-UBND ngày 20/5/2022 về tình hình phát triển đô thị.")
    assert report_reference(letter).number == "296/BC-UBND"
    assert report_reference(letter).date == date(2022, 5, 20)


def test_a_report_citing_another_report_keeps_its_own_number():
    report = ("Số: 139/BC-UBND\nBắc Kạn, ngày 23 tháng 5 năm 2022\n"
              "Tiếp theo Báo cáo số 100/BC-UBND ngày 2/3/2022 của UBND tỉnh")
    assert report_reference(report).number == "139/BC-UBND"
    assert report_reference(report).date == date(2022, 5, 23)


NO_DATE_LETTERHEAD = ("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH Số: 181/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
                      "Tự do - Hạnh phúc\nBÁO CÁO\nTình hình phát triển đô thị thông minh")
SIGNED = ("Trên đây là báo cáo của UBND tỉnh./.\nNơi nhận: - Bộ Xây dựng (b/c); - Lưu: VT. | "
          "Trà Vinh, ngày 28 tháng 5 năm 2022 TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\nNguyễn Văn B")


def test_a_date_left_out_of_the_letterhead_is_read_above_the_signer():
    assert report_reference(NO_DATE_LETTERHEAD, SIGNED) == report_reference(
        NO_DATE_LETTERHEAD.replace("Hạnh phúc", "Hạnh phúc Trà Vinh, ngày 28 tháng 5 năm 2022"))
    assert report_reference(NO_DATE_LETTERHEAD, SIGNED).date == date(2022, 5, 28)
    dashed = SIGNED.replace("28 tháng 5 năm 2022", "28 - 5 - 2022")
    assert report_reference(NO_DATE_LETTERHEAD, dashed).date == date(2022, 5, 28)


def test_the_letterheads_date_comes_first_and_the_signature_block_is_only_read_without_one():
    assert report_reference(HA_NOI, SIGNED).date == date(2022, 5, 23)
    assert report_reference(NO_DATE_LETTERHEAD).date is None


def test_after_the_signature_a_document_attached_with_its_own_title_gives_no_date_to_the_report():
    attached = ("Trên đây là báo cáo của UBND tỉnh./.\nNơi nhận: - Lưu: VT. | TM. ỦY BAN NHÂN DÂN\n"
                "ỦY BAN NHÂN DÂN HUYỆN CÀNG LONG Số: 12/BC-UBND | Càng Long, ngày 3 tháng 5 năm 2022\nBÁO CÁO\n")
    assert report_reference(NO_DATE_LETTERHEAD, attached).date is None


def test_an_impossible_date_above_the_signer_stays_empty():
    assert report_reference(NO_DATE_LETTERHEAD, SIGNED.replace("28 tháng", "38 tháng")).date is None


@pytest.mark.parametrize("line, day", [("Bến Tre, ngày 16/V/2022", date(2022, 5, 16)),
                                       ("Hà Nội, ngày 3 - XII - 2022", date(2022, 12, 3)),
                                       ("Huế, ngày 9/iv/2022", date(2022, 4, 9)),
                                       ("Huế, ngày 9/IIII/2022", None), ("Huế, ngày 31/II/2022", None)])
def test_a_month_written_in_roman_numerals_is_read_and_one_that_is_none_is_not(line, day):
    assert report_date(f"Số: 139/BC-UBND\n{line}") == day


def test_a_report_dating_itself_in_a_sentence_before_its_closing_is_dated_by_it():
    signoff = "Báo cáo này được lập ngày 19 tháng 5 năm 2022.\nTrên đây là báo cáo tình hình …\nNơi nhận:"
    assert report_reference(NO_DATE_LETTERHEAD, signoff).date == date(2022, 5, 19)
    assert report_reference(NO_DATE_LETTERHEAD, signoff.replace("19 tháng 5", "31 tháng 2")).date is None
    wordy = "Báo cáo này tổng hợp ý kiến của " + "các sở, ngành " * 8 + "đến ngày 19 tháng 5 năm 2022."
    assert report_reference(NO_DATE_LETTERHEAD, wordy).date is None


@pytest.mark.parametrize("letterhead", [
    # a narrow cell: the symbol on the field's next line
    "UBND TỈNH BẮC KẠN\nSố: 139\n/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO",
    # the two columns read line by line: the place and date between the digits and the symbol
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC KẠN | Độc lập - Tự do - Hạnh phúc\n"
    "Số: 139 | Bắc Kạn, ngày 23 tháng 5 năm 2022\n/BC-UBND\nBÁO CÁO",
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 139\nBắc Kạn, ngày 23 tháng 5 năm 2022\n/ BC - UBND\nBÁO CÁO",
])
def test_a_number_whose_symbol_is_wrapped_onto_a_line_of_its_own_is_read_whole(letterhead):
    assert report_number(letterhead) == "139/BC-UBND"


@pytest.mark.parametrize("letterhead", [
    "UBND TỈNH BẮC KẠN\nSố: 139\nBÁO CÁO\n/BC-UBND",                        # under the title: not the letterhead's
    "UBND TỈNH BẮC KẠN\nSố: 139\nHà Nội\nngày 23\ntháng 5\nnăm 2022\n/BC-UBND",  # too far below to be its symbol
    "UBND TỈNH BẮC KẠN\nSố: 139 ngày 23/5/2022\n/BC-UBND",                   # the digits do not end their line
])
def test_digits_alone_take_no_symbol_that_is_not_theirs(letterhead):
    assert report_number(letterhead) is None


@pytest.mark.parametrize("letterhead", [
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: | 139/BC-UBND | Độc lập - Tự do - Hạnh phúc\nBÁO CÁO",
    # read from a scan: the number printed beside the label read as a block of its own, a line away
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC KẠN\n139/BC-UBND | Độc lập - Tự do - Hạnh phúc\n"
    "Số:\nBÁO CÁO",
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố:\nBắc Kạn, ngày 23 tháng 5 năm 2022\n139/BC-UBND\nBÁO CÁO",
])
def test_a_blank_number_field_takes_the_number_read_apart_beside_or_a_line_or_two_from_it(letterhead):
    assert report_number(letterhead) == "139/BC-UBND"


@pytest.mark.parametrize("letterhead", [
    "UBND TỈNH BẮC KẠN\nSố:\nBÁO CÁO\n139/BC-UBND",                                # under the title
    "UBND TỈNH BẮC KẠN\nSố:\nThực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022",   # cited in a sentence
    "139/BC-UBND\nHà Nội\nngày 23 tháng 5\nnăm 2022\nSố:",                          # too far from the field
])
def test_a_blank_number_field_takes_no_number_that_is_not_its_own(letterhead):
    assert report_number(letterhead) is None


def _report_with_letterhead_in_header(path, first_page_only: bool):
    """A report whose letterhead's table (number, place and date) is in the Word header, not
    the body: the first page's own header (a different first page) or the one of every page."""
    import docx
    from docx.shared import Cm
    from docx_builders import LETTERHEAD_ROWS, build_report

    build_report(path, letterhead=(("", ""),))
    word = docx.Document(str(path))
    section = word.sections[0]
    section.different_first_page_header_footer = first_page_only
    header = section.first_page_header if first_page_only else section.header
    table = header.add_table(len(LETTERHEAD_ROWS), 2, Cm(16))
    for row, texts in zip(table.rows, LETTERHEAD_ROWS, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    word.save(str(path))
    return path


@pytest.mark.parametrize("first_page_only", [True, False])
def test_a_letterhead_written_in_the_first_pages_header_gives_the_number_and_date(tmp_path, first_page_only):
    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    path = _report_with_letterhead_in_header(tmp_path / "dau-trang.docx", first_page_only)
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert parsed.status == "ok"
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("123/BC-UBND", date(2022, 5, 27))


def test_a_date_ocr_garbled_round_its_words_is_read_when_no_whole_date_is_there():
    photographed = ("150/BC-UBND | Hải Dương, 1 ngày 26 tháng /fÌJ[rTfff 5 năm 2022\nBÁO CÁO\n"
                    "Tình hình phát triển đô thị thông minh")
    assert report_date(photographed) == date(2022, 5, 26)
    assert report_date("Số: 150/BC-UBND | Hải Dương, ngày/fÌJ[rTfff\n26 tháng 5 năm 2022\nBÁO CÁO") == date(2022, 5, 26)


def test_a_garbled_date_never_outranks_a_whole_one_nor_comes_from_a_sentence():
    garbled_then_whole = "Hải Dương, 1 ngày 26 tháng /fÌJ 5 năm 2022\nHải Dương, ngày 27 tháng 5 năm 2022"
    assert report_date(garbled_then_whole) == date(2022, 5, 27)
    assert report_date("Số: 150/BC-UBND\nBÁO CÁO\nThực hiện Kế hoạch số 12/KH-UBND ngày 15 tháng 3 năm 2022 của UBND "
                       "tỉnh, báo cáo như sau:") is None


@pytest.mark.parametrize("letterhead", [
    "UBND TỈNH NAM ĐỊNH\nSố: 244/2022/BC-UBND\nBÁO CÁO",
    "UBND TỈNH NAM ĐỊNH | Số: 244 / 2022 / BC-UBND | Nam Định, ngày 3 tháng 5 năm 2022\nBÁO CÁO",
    "UBND TỈNH NAM ĐỊNH\nSố:\n244/2022/BC-UBND\nBÁO CÁO",
    "UBND TỈNH NAM ĐỊNH\nSố: 244/2022\n/BC-UBND\nBÁO CÁO",
])
def test_a_number_with_the_year_between_its_digits_and_its_symbol_is_read_whole(letterhead):
    # Nghị định 30/2020/NĐ-CP's own shape: the year of issue after the number.
    assert report_number(letterhead) == "244/2022/BC-UBND"


@pytest.mark.parametrize("letterhead, number", [
    ("UBND TỈNH ĐỒNG THÁP Số: 226a/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "226a/BC-UBND"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 315a/BC-UBND\nCần Thơ, ngày 25 tháng 5 năm 2022", "315a/BC-UBND"),
    ("UBND TỈNH CÀ MAU\nSố: 214đ/BC-UBND\nBÁO CÁO", "214đ/BC-UBND"),
    ("UBND TỈNH CÀ MAU\nSố: 214ab/BC-UBND\nBÁO CÁO", None),   # two letters: no number an office gives
])
def test_a_number_with_a_letter_after_its_digits_is_read_whole(letterhead, number):
    # A letter issued between two numbered ones takes the number before and a letter.
    assert report_number(letterhead) == number


def test_a_covering_letter_cites_a_report_numbered_with_its_year_whole():
    letter = "Số: 527/SXD-QLĐT\nV/v gửi Báo cáo\nSở Xây dựng gửi kèm Báo cáo số 296/2022/BC-UBND ngày 20/5/2022."
    assert report_reference(letter) == ReportReference("296/2022/BC-UBND", date(2022, 5, 20))


@pytest.mark.parametrize("letterhead", [
    # the number and its date in one phrase under the committee's name, no date line
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH Số 148/BC-UBND ngày 3/5/2022 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO",
    "UBND TỈNH HÀ TĨNH\nSố: 148/BC-UBND, ngày 03 tháng 5 năm 2022\nBÁO CÁO",
])
def test_a_date_written_right_after_the_reports_number_is_its_date(letterhead):
    assert report_reference(letterhead) == ReportReference("148/BC-UBND", date(2022, 5, 3))


def test_a_date_after_a_number_no_field_names_is_not_the_reports():
    assert report_date("BÁO CÁO\nThực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng") is None


def test_a_weekday_in_the_date_line_does_not_hide_the_date():
    assert report_date("UBND TỈNH TÂY NINH | Tây Ninh, thứ Hai, ngày 23 tháng 5 năm 2022\nBÁO CÁO") == date(2022, 5, 23)


@pytest.mark.parametrize("line, day", [("Hà Nam, ngày 3 tháng Năm năm 2022", date(2022, 5, 3)),
                                       ("HÀ NAM, NGÀY 3 THÁNG NĂM NĂM 2022", date(2022, 5, 3)),
                                       ("Ha Nam, ngay 3 thang nam nam 2022", date(2022, 5, 3)),
                                       ("Huế, ngày 9 tháng Tư năm 2022", date(2022, 4, 9)),
                                       ("Huế, ngày 9 tháng Bốn năm 2022", date(2022, 4, 9)),
                                       ("Huế, ngày 9 tháng Giêng năm 2022", date(2022, 1, 9)),
                                       ("Huế, ngày 9 tháng Mười năm 2022", date(2022, 10, 9)),
                                       ("Huế, ngày 9 tháng Mười Một năm 2022", date(2022, 11, 9)),
                                       ("Huế, ngày 9 tháng mười hai năm 2022", date(2022, 12, 9)),
                                       ("Huế, ngày 9 tháng Chạp năm 2022", date(2022, 12, 9)),
                                       ("Huế, ngày 30 tháng Hai năm 2022", None)])
def test_a_month_written_in_words_is_read_as_its_number_whatever_its_case_and_diacritics(line, day):
    assert report_date(f"Số: 139/BC-UBND\n{line}") == day


WORDED_MONTH = "Hà Nam, ngày 3 tháng Năm năm 2022"


def test_a_month_in_words_in_a_docx_letterheads_table_gives_the_reports_date(tmp_path):
    from docx_builders import build_report, letterhead_of

    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    rows = letterhead_of("Hà Nam", "88/BC-UBND")
    path = build_report(tmp_path / "thang-chu.docx", letterhead=(rows[0], (rows[1][0], WORDED_MONTH)))
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("88/BC-UBND", date(2022, 5, 3))


def test_a_month_in_words_in_a_text_pdfs_letterhead_gives_the_reports_date(tmp_path):
    from docx_builders import INTRO, STANDARD, TITLE, roman
    from pdf_builders import Line, Page, draw_pdf

    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    lines = [Line("ỦY BAN NHÂN DÂN TỈNH HÀ NAM"), Line("Số: 88/BC-UBND"), Line(WORDED_MONTH, indent=200),
             Line(TITLE, bold=True, indent=200), Line(INTRO)]
    for position, part in enumerate(STANDARD[:6], start=1):
        lines += [Line(f"{roman(position)}. {part.heading.upper()}", bold=True),
                  *(Line(text) for text in part.content if isinstance(text, str))]
    path = draw_pdf(tmp_path / "thang-chu.pdf", [Page(tuple(lines))])
    parsed = parse_document(path, "pdf", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("88/BC-UBND", date(2022, 5, 3))


HA_TINH_LEFT = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 402/BC-UBND"


def _report_with_right_column(path, right_column: str, left_column: str = HA_TINH_LEFT):
    """A .docx report whose letterhead is one row of two cells, a paragraph a line: the
    committee and its number on the left, the motto and the date line under it on the right."""
    from docx_builders import build_report

    return build_report(path, letterhead=((left_column, right_column),))


@pytest.mark.parametrize("date_line", [
    "ngày 3 tháng 5 năm 2022",                       # no place before "ngày"
    "NGÀY 3 THÁNG 5 NĂM 2022",
    "Hà Tĩnh ngày 3 tháng 5 năm 2022",               # a place and no comma
    "HÀ TĨNH, NGÀY 3 THÁNG 5 NĂM 2022",              # typed in capitals
    "ngày 03/5/2022",
])
def test_the_date_line_under_the_motto_is_the_reports_date_whatever_stands_before_ngay(tmp_path, date_line):
    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    right = f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n{date_line}"
    path = _report_with_right_column(tmp_path / "khong-dia-danh.docx", right)
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("402/BC-UBND", date(2022, 5, 3))


def test_without_a_date_line_under_the_motto_a_date_cited_below_the_title_is_not_the_reports(tmp_path):
    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    right = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    path = _report_with_right_column(tmp_path / "khong-ngay.docx", right)
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert "16/5/2022" in parsed.letterhead   # the covering sentence's date is there, the ministry's
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("402/BC-UBND", None)
    assert report_date("Độc lập - Tự do - Hạnh phúc\nBÁO CÁO\nThực hiện Kế hoạch ngày 16 tháng 5 năm 2022") is None


def test_a_number_written_without_so_is_the_one_closing_the_issuers_side_of_the_letterhead(tmp_path):
    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    left = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n418/BC-UBND"
    right = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLai Châu, ngày 21 tháng 5 năm 2022"
    path = _report_with_right_column(tmp_path / "khong-so.docx", right, left)
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("418/BC-UBND", date(2022, 5, 21))
    # Only on the issuer's side, above the title, and never a number the text cites.
    assert report_number("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | UBND TỈNH 418/BC-UBND\nBÁO CÁO") is None
    assert report_number("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nBÁO CÁO\nThực hiện văn bản số 1683/BXD-PTDT") is None
    assert report_number("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU 418/BC-UBND\nSố: 5/BC-SXD\nBÁO CÁO") == "5/BC-SXD"


def test_a_slash_for_the_codes_hyphen_and_the_year_after_the_months_slash_are_read_in_a_docx(tmp_path):
    # "Số: 386/BC/UBND", "Ninh Bình, ngày 12 tháng 5/2022": the number kept as written.
    from docx_builders import build_report, letterhead_of

    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    rows = letterhead_of("Ninh Bình", "386/BC/UBND")
    path = build_report(tmp_path / "gach-cheo.docx",
                        letterhead=(rows[0], (rows[1][0], "Ninh Bình, ngày 12 tháng 5/2022")))
    parsed = parse_document(path, "docx", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("386/BC/UBND", date(2022, 5, 12))


@pytest.mark.parametrize("letterhead, number", [
    ("SỞ XÂY DỰNG Số: 527/SXD-QLĐT / V/v gửi Báo cáo", "527/SXD-QLĐT"),   # a subject line's "V/v" is not the code's
    ("UBND TỈNH NINH BÌNH\nSố: 386 / BC / UBND", "386/BC/UBND"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n386/BC/UBND\nBÁO CÁO", "386/BC/UBND"),   # no "Số", closing the issuer's side
])
def test_a_code_joined_by_a_slash_is_read_whole_and_only_its_own(letterhead, number):
    assert report_number(letterhead) == number


@pytest.mark.parametrize("scanned, number", [
    ("TỈNH HÒA BÌNH\nSỐ: 85.BC-UBND\nBẢO CÁO", "85/BC-UBND"),          # the slash read as a dot
    ("TỈNH HÀ NAM\nSoö 278:BC-UBND\nBẢO CAO", "278/BC-UBND"),          # as a colon, "Số" as "Soö"
    ("TÍNH VĨNH PHÚC\nSo: 209 'BC-UBND | —~ | gan\nBẢO CAO", "209/BC-UBND"),   # as a quote
    ("TINH HÀ TĨNH\nSố: 380BC-UBND | Độc lật l | map\nBẢO CÁO", "380/BC-UBND"),  # dropped
    ("TỈNH HÒA BÌNH\nSố: 85⁄BC-UBND\nBẢO CÁO", "85/BC-UBND"),          # as a fraction slash
    ("TỈNH HÒA BÌNH\nSố: 85∕BC-UBND\nBẢO CÁO", "85/BC-UBND"),          # as a division slash
    ("TỈNH HÒA BÌNH\nSố: 85.2022\nBẢO CÁO", None),                      # no report's code: no number
    ("TỈNH HÒA BÌNH\nSố: 85.BC\nBẢO CÁO", None),
    ("BÁO CÁO\nThực hiện văn bản số 1683.BXD-PTDT ngày 16/5/2022", None),  # no "Số" field: cited, not the report's
])
def test_a_number_whose_slash_ocr_misread_after_the_so_field_is_read_with_its_slash(scanned, number):
    assert report_number(scanned) == number


@pytest.mark.parametrize("scanned, number", [
    ("TÍNH VĨNH PHÚC\nSố: 209/8C-UBND | Đặc ộc lập lập\nBẢO CÁO", "209/BC-UBND"),   # pool 34's Vĩnh Phúc scan
    ("TỈNH HÀ NAM\nSố: 278 / 8C - UBND\nBÁO CÁO", "278/BC-UBND"),
    # Not sure, so not read: another digit for a letter, a code with no issuer, a number no "Số"
    # field names.
    ("TỈNH HÀ NAM\nSố: 278/6C-UBND\nBÁO CÁO", None),
    ("TỈNH HÀ NAM\nSố: 278/8D-UBND\nBÁO CÁO", None),
    ("TỈNH HÀ NAM\nSố: 278/8C\nBÁO CÁO", None),
    ("BÁO CÁO\nThực hiện văn bản số 1683/8C-UBND ngày 16/5/2022", None),
])
def test_a_reports_code_whose_b_ocr_read_as_an_8_is_the_reports_and_no_other_misread_code_is(scanned, number):
    assert report_number(scanned) == number


@pytest.mark.parametrize("scanned, day", [
    ("Hà Tĩnh, ngày 15 tháng 5⁄2022", date(2022, 5, 15)),        # a fraction slash
    ("Hà Nam, ngày I6 thang 5 năm 2022", date(2022, 5, 16)),      # the day's "1" read as "I"
    ("Hà Nam, ngày l6 tháng 5/2022", date(2022, 5, 16)),
    ("Đồng Tháp. ngày 22/5/2022", date(2022, 5, 22)),            # the place's comma read as a full stop
    # Not sure, so not read: a month joined to its year by something else than a slash (OCR read
    # "5/2022" as "3.2022"), a year garbled.
    ("Vĩnh Phúc, ngày 12 tháng 3.2022", None),
    ("Hòa Bình, ngày 3 thang 520.2", None),
])
def test_a_date_line_ocr_misread_is_read_where_its_date_is_sure(scanned, day):
    assert report_date(f"ỦY BAN NHÂN DÂN\nSố: 85/BC-UBND\n{scanned}\nBÁO CÁO") == day


def test_a_place_ending_in_a_full_stop_is_a_date_lines_only_at_the_start_of_its_line():
    assert report_date("Số: 85/BC-UBND\nBÁO CÁO\nThực hiện văn bản của Bộ Xây dựng gửi các tỉnh, thành phố trực "
                       "thuộc trung ương. ngày 16/5/2022") is None


@pytest.mark.parametrize("place", ["Quảng Nam", "Thành phố Hồ Chí Minh"])
def test_a_place_opening_its_date_line_without_its_comma_gives_the_text_pdfs_date(tmp_path, place):
    # "Quảng Nam ngày 8 tháng 5 năm 2022": the place, no comma, then the date (pool 35); also a
    # place whose kind is written out in front of its name ("Thành phố", its "phố" in lower case).
    from docx_builders import INTRO, STANDARD, TITLE, roman
    from pdf_builders import Line, Page, draw_pdf

    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    lines = [Line("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"), Line("Số: 348/BC-UBND"),
             Line(f"{place} ngày 8 tháng 5 năm 2022", indent=200), Line(TITLE, bold=True, indent=200), Line(INTRO)]
    for position, part in enumerate(STANDARD[:6], start=1):
        lines += [Line(f"{roman(position)}. {part.heading.upper()}", bold=True),
                  *(Line(text) for text in part.content if isinstance(text, str))]
    path = draw_pdf(tmp_path / "khong-phay.pdf", [Page(tuple(lines))])
    parsed = parse_document(path, "pdf", path.name, load_campaign().sections)
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("348/BC-UBND", date(2022, 5, 8))


@pytest.mark.parametrize("line, day", [
    ("Bình Thuận ngày 20 tháng 5 năm 2022", date(2022, 5, 20)),
    ("Bà Rịa - Vũng Tàu ngày 20/5/2022", date(2022, 5, 20)),
    ("TP. Hồ Chí Minh ngày 20 tháng 5 năm 2022", date(2022, 5, 20)),
    ("Thành phố Hồ Chí Minh ngày 20 tháng 5 năm 2022", date(2022, 5, 20)),   # the kind of place written out
    ("Thị xã Sơn Tây ngày 20/5/2022", date(2022, 5, 20)),
    ("HÀ TĨNH NGÀY 20 THÁNG 5 NĂM 2022", date(2022, 5, 20)),
    ("120/BC-UBND | Quảng Ngãi ngày 20 tháng 5 năm 2022", date(2022, 5, 20)),   # opening a cell
    ("Đồng Tháp. ngày 20/5/2022", date(2022, 5, 20)),           # OCR's full stop for the comma
    # A sentence's words before "ngày" are no place: its date is not the report's.
    ("Thực hiện Kế hoạch ngày 16 tháng 5 năm 2022", None),
    ("Căn cứ văn bản ngày 16/5/2022 của Bộ Xây dựng", None),
    ("Thành phố đã ban hành Kế hoạch ngày 16 tháng 5 năm 2022", None),
])
def test_a_place_opening_its_line_dates_it_with_or_without_its_comma_a_sentence_does_not(line, day):
    assert report_date(f"ỦY BAN NHÂN DÂN\nSố: 85/BC-UBND\n{line}\nBÁO CÁO") == day
    assert report_date(f"Số: 85/BC-UBND\nBÁO CÁO\n{line}") == day


def test_a_stray_word_ocr_put_after_ngay_does_not_hide_the_date():
    # Pool 35's Lạng Sơn scan: "ngày gáy 17 tháng g 5 năm 2022".
    scanned = "Số | Độc lập - Tự do - Hạnh phúc\nõ:\n120/BC-UBND | Lạng lu Sơn, ngày gáy 17 tháng g 5 năm 2022\nBÁO CÁO"
    assert report_date(scanned) == date(2022, 5, 17)
    assert report_date("Số: 120/BC-UBND\nBÁO CÁO\nThực hiện văn bản ngày gáy 17 tháng g 5 năm 2022") is None


@pytest.mark.parametrize("scanned, number", [
    # Pool 7's Bình Phước and pool 31's Quảng Trị scans: the report's "C" read as a round letter.
    ("ỦY BẠN NHÂN DÂN | CỘNG HÒA\nSã: 168/BG-UIBND | gcläp - tự\nBẢO CÁO", "168/BC-UBND"),
    ("ỦY BAN NHÂN DẢN | CỘNG HÒA\nSố: 227/BU - UBND | Độc ` lập\nBÁO CÁO", "227/BC-UBND"),
    # Pool 31's Bạc Liêu scan: a stroke of the issuer's "N" read as an "I".
    ("ỦY BAN NHÂN DẢN | CỘNG HÒA\nSố: 135/BC-UBNID\nBạc Liêu, ngày 17/5/2022\nBÁO CÁO", "135/BC-UBND"),
    ("ỦY BAN NHÂN DÂN\nSố: 135/BC-UBNO\nBÁO CÁO", "135/BC-UBND"),
    # Only what the structure tells: without a "BÁO CÁO" title the type is not a report's for sure;
    # without "ỦY BAN NHÂN DÂN" heading it the issuer is not the province's UBND; a code two
    # letters off is another body's; a letter's own type and issuer stay as written.
    ("ỦY BAN NHÂN DÂN\nSố: 227/BU-UBND", "227/BU-UBND"),
    ("SỞ XÂY DỰNG\nSố: 135/BC-UBNID\nBÁO CÁO", "135/BC-UBNID"),
    ("ỦY BAN NHÂN DÂN\nSố: 135/BC-UBDT\nBÁO CÁO", "135/BC-UBDT"),
    ("ỦY BAN NHÂN DÂN\nSố: 527/SXD-QLĐT\nBÁO CÁO", "527/SXD-QLĐT"),
    ("ỦY BAN NHÂN DÂN\nSố: 12/BB-UBND\nBÁO CÁO", "12/BB-UBND"),
])
def test_a_reports_type_and_issuer_ocr_misread_are_taken_back_from_the_letterheads_structure(scanned, number):
    assert report_number(scanned) == number


@pytest.mark.parametrize("scanned, number", [
    # Pool 31's Lạng Sơn scan: the number under a blank "Số:" field, its "4" read as an "A".
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA\nTỈNH LẠNG SƠN | NAM\nSố: | Độc lập - Tự do - Hạnh phúc\n"
     "A2/BC-UBND | Lạng Sơn, ngày 1 tháng 5 năm 2022\nBÁO CÁO", "42/BC-UBND"),
    ("TỈNH HÀ NAM\nSố: O7/BC-UBND\nBÁO CÁO", "07/BC-UBND"),
    ("TỈNH HÀ NAM\nSố:I35/BC-UBND\nBÁO CÁO", "135/BC-UBND"),
    # Pool 50's Quảng Trị scan: its "1" read as an inverted exclamation mark.
    ("TỈNH QUẢNG TRỊ\nSố: ¡31/BC-UBND\nBÁO CÁO", "131/BC-UBND"),
    ("TỈNH QUẢNG TRỊ\nSố: !31/BC-UBND\nBÁO CÁO", "131/BC-UBND"),
    # A letter no digit looks like, glued to the digits: the number's head is unsure, so no number
    # rather than one cited without its first digit.
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA\nSố: | Độc lập - Tự do - Hạnh phúc\n"
     "X2/BC-UBND | Lạng Sơn, ngày 1 tháng 5 năm 2022\nBÁO CÁO", None),
    # Not a number: a subject line's "V/v", a letter inside a word.
    ("ỦY BAN NHÂN DÂN\nSố: 42/BC-UBND\nV/v báo cáo\nBÁO CÁO", "42/BC-UBND"),
])
def test_a_numbers_first_digit_ocr_read_as_a_letter_is_the_digit_it_looks_like_or_none(scanned, number):
    assert report_number(scanned) == number


@pytest.mark.parametrize("letterhead, number", [
    # Pool 44's .docx letterheads: the code's hyphen a non-breaking one (Word's w:noBreakHyphen,
    # read as U+2011), so that "BC-UBND" is never broken over two lines.
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP Số: 176/BC\u2011UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO",
     "176/BC-UBND"),
    ("Số: 176/BC\u2010UBND\nBÁO CÁO", "176/BC-UBND"),          # a hyphen (U+2010)
    ("Số: 176/BC\u2212UBND\nBÁO CÁO", "176/BC-UBND"),          # a minus sign
    ("Số: 176\u2011UBND\nBÁO CÁO", "176-UBND"),                # a bare code after the dash
    ("Số, ký hiệu: 107/BC\u2011UBND\nBÁO CÁO", "107/BC-UBND"),
])
def test_a_code_joined_by_any_hyphen_is_read_whole_as_a_hyphen(letterhead, number):
    assert report_number(letterhead) == number


def test_a_smudged_word_of_four_marks_after_ngay_does_not_hide_the_date():
    # Pool 44's Tiền Giang scan: a smudge over the date line, read round "ngày" and "tháng".
    scanned = ("Số | Độc lập - Tự do - Hạnh phúc\nõ:\n71/BC-UBND | Tiền Giang, SE ngày hệt” 7 tháng CáenhÓ 5 năm 2022"
               "\nBÁO CÁO")
    assert report_date(scanned) == date(2022, 5, 7)
    assert report_date("Số: 71/BC-UBND\nBÁO CÁO\nThực hiện văn bản ngày hệt” 7 tháng CáenhÓ 5 năm 2022") is None


@pytest.mark.parametrize("date_line", ["An Giang, ngày..21..tháng..5..năm 2022",
                                       "An Giang, ngày …21… tháng …5… năm 2022",
                                       "An Giang, ngày__21__tháng__5__năm 2022"])
def test_a_forms_dotted_blanks_filled_in_round_the_day_and_month_are_the_date(date_line):
    # Pool 57: a template's "ngày.....tháng.....năm 2022" filled in over its dots, the dots left
    # round the figures: the date was lost. Blanks left blank are still no date.
    assert report_date(date_line) == date(2022, 5, 21)
    assert report_date("An Giang, ngày..... tháng..... năm 2022") is None


def test_a_text_pdfs_letterhead_typed_in_tcvn3_above_a_unicode_body_gives_its_date(tmp_path):
    # Pool 57: the letterhead table kept from an old template typed in .VnTime, the body in
    # Unicode, exported to PDF (the font's name lost): "B¾c Ninh, ngµy 6 th¸ng 5 n¨m 2022" is
    # converted on its own, the body being Unicode, and the report's date read.
    from docx_builders import INTRO, STANDARD, TITLE, roman
    from pdf_builders import Line, Page, draw_pdf

    from baocao.campaign import load_campaign
    from baocao.parse.legacy import TCVN3, from_unicode
    from baocao.parse.reports import parse_document

    lines = [Line(from_unicode("Ủy ban nhân dân tỉnh Bắc Ninh", TCVN3)), Line("Số: 340/BC-UBND"),
             Line(from_unicode("Bắc Ninh, ngày 6 tháng 5 năm 2022", TCVN3), indent=200),
             Line(TITLE, bold=True, indent=200), Line(INTRO)]
    for position, part in enumerate(STANDARD[:6], start=1):
        lines += [Line(f"{roman(position)}. {part.heading.upper()}", bold=True),
                  *(Line(text) for text in part.content if isinstance(text, str))]
    path = draw_pdf(tmp_path / "vntime.pdf", [Page(tuple(lines))])
    parsed = parse_document(path, "pdf", path.name, load_campaign().sections)
    assert "Bắc Ninh, ngày 6 tháng 5 năm 2022" in parsed.letterhead
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("340/BC-UBND", date(2022, 5, 6))
    assert all(s.text == s.text.strip() and "µ" not in s.text for s in parsed.sections)


@pytest.mark.parametrize("line", ["Bắc Kạn, 23/05/2022", "Bắc Kạn, 23-5-2022", "Bắc Kạn, 23.5.2022"])
def test_a_date_in_digits_right_after_the_place_without_ngay_is_the_reports(line):
    """"Bắc Kạn, 23/05/2022": the date line without its "ngày", as a form filled in by a computer
    writes it; a date in a sentence, after no place's comma, is none."""
    assert report_date(f"UBND TỈNH BẮC KẠN\nSố: 139/BC-UBND\n{line}\nBÁO CÁO") == date(2022, 5, 23)
    assert report_date("UBND TỈNH BẮC KẠN\nSố: 139/BC-UBND\nBÁO CÁO\nThực hiện Văn bản số 1683/BXD-PTDT 16/5/2022 "
                       "của Bộ Xây dựng") is None
