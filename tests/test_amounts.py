"""Funding amounts as Vietnamese documents write them."""

import pytest

from baocao.aggregate.amounts import amounts_in, funding_total, stated_totals, typed_billions


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí thực hiện khoảng 125,5 tỷ đồng.", 125_500_000_000),
    ("Kinh phí: 3.200 triệu đồng.", 3_200_000_000),
    ("Kinh phí 1.250.000.000 đồng từ ngân sách tỉnh.", 1_250_000_000),
    ("Dự kiến 1,2 nghìn tỷ đồng.", 1_200_000_000_000),
    ("khoảng 40 tỷ", 40_000_000_000),
    ("kinh phí 15 tỉ đồng", 15_000_000_000),
    ("Tổng kinh phí 17 150 000 000 đồng.", 17_150_000_000),
    ("Tổng kinh phí 6.230 Tr.đ (ngân sách tỉnh).", 6_230_000_000),
])
def test_amount_written_each_way_is_read_in_vnd(text, vnd):
    assert funding_total(text).vnd == vnd


def test_stated_total_is_taken_over_the_sum_of_items():
    text = "Ngân sách tỉnh 20 tỷ đồng; xã hội hóa 5 tỷ đồng.\nTổng cộng: 25,5 tỷ đồng."
    figure = funding_total(text)
    assert figure.vnd == 25_500_000_000 and figure.rule.startswith("stated total")


def test_items_are_summed_when_no_total_is_stated_and_the_rule_says_so():
    figure = funding_total("Ngân sách tỉnh 20 tỷ đồng. Vốn xã hội hóa 500 triệu đồng.")
    assert figure.vnd == 20_500_000_000 and figure.rule.startswith("sum of 2")


@pytest.mark.parametrize("text, vnd", [
    # the share written cut (88.99 % as "88%") or rounded (89 %), in words of any kind
    ("Vốn được giao là 79.900 triệu đồng; đã chi 71.110 triệu đồng, đạt 88% kế hoạch.", 71_110_000_000),
    ("Đã thanh toán 20 tỷ đồng, bằng 80 % số vốn phân bổ 25 tỷ đồng.", 20_000_000_000),
    ("Dự toán 12,5 tỷ đồng, thực hiện 10 tỷ đồng (80%).", 10_000_000_000),
])
def test_amount_stated_as_a_share_of_another_is_taken_and_the_whole_not_added(text, vnd):
    assert funding_total(text).vnd == vnd


def test_percentages_that_are_not_one_amounts_share_of_another_leave_the_sum():
    # 5/20 is 25 %: the percentages are each part's share of the sum, not of each other
    assert funding_total("Ngân sách tỉnh 20 tỷ đồng (80%), xã hội hóa 5 tỷ đồng (20%).").vnd == 25_000_000_000


def test_a_few_dong_are_no_amount_but_a_label_or_a_misread_line():
    assert funding_total("Khoản 5 đ) của Điều 3.").vnd is None
    assert funding_total("R | „5D 0 | NAM").vnd is None
    assert funding_total("Kinh phí 1.250.000.000 đồng.").vnd == 1_250_000_000


def test_english_decimal_point_is_flagged_ambiguous():
    assert funding_total("kinh phí 12.5 tỷ đồng").ambiguous


def test_years_and_counts_are_not_amounts():
    assert funding_total("Năm 2022 triển khai 5 dự án, 12 nhiệm vụ.").vnd is None


TABLE = """Tổng kinh phí đã bố trí giai đoạn 2018 – 2022 là 48.650 triệu đồng, chi tiết tại bảng sau:
Đơn vị tính: triệu đồng
TT | Nội dung | Kinh phí | Nguồn vốn
1 | Trung tâm giám sát, điều hành | 25.400 | NSTP
2 | Nền tảng dữ liệu mở | 8.000 | Xã hội hóa
 | Tổng cộng | 48.650 | """


def test_figures_of_a_table_take_the_unit_it_declares_once():
    assert [a.vnd for a in amounts_in("1 | Camera | 25.400 | NSTP", "trieu")] == [25_400_000_000]
    assert funding_total(TABLE.replace("là 48.650 triệu đồng", "như sau")).vnd == 48_650_000_000


def test_row_numbers_and_years_in_a_table_are_not_amounts():
    assert amounts_in("2 | Năm | 2021 | NSTP", "trieu") == []


def test_table_rows_are_split_by_the_source_they_name():
    from baocao.aggregate.figures import funding_by_source
    from baocao.campaign import load_campaign

    split = funding_by_source(TABLE, load_campaign().figures.funding_sources)
    assert split == {"ngan_sach_dia_phuong": 25_400_000_000, "xa_hoi_hoa": 8_000_000_000}


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí: 30 tỷ 375 triệu đồng.", 30_375_000_000),
    ("Kinh phí thực hiện 2 tỷ 500 triệu đồng từ ngân sách tỉnh.", 2_500_000_000),
    ("1 tỉ 20 triệu đồng", 1_020_000_000),
])
def test_an_amount_written_in_two_units_is_one_amount(text, vnd):
    assert funding_total(text).vnd == vnd


def test_two_amounts_on_two_lines_are_not_joined_into_one():
    assert funding_total("Ngân sách tỉnh: 20 tỷ\n500 triệu đồng xã hội hóa").vnd == 20_500_000_000


def test_an_amount_in_words_after_bang_chu_is_read_when_no_figure_is_written():
    text = "Tổng kinh phí thực hiện (Bằng chữ: Ba mươi tỷ, ba trăm bảy mươi lăm triệu đồng)."
    assert funding_total(text.replace(",", "")).vnd == 30_375_000_000


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí giai đoạn là mười hai tỷ năm trăm triệu đồng.", 12_500_000_000),
    ("Tổng vốn đầu tư mười tỷ đồng.", 10_000_000_000),
    ("Kinh phí hai mươi tư tỷ đồng.", 24_000_000_000),
    ("Tổng kinh phí thực hiện Đề án là một tỷ rưỡi đồng.", 1_500_000_000),
])
def test_an_amount_in_words_before_dong_is_read_without_bang_chu(text, vnd):
    assert funding_total(text).vnd == vnd


def test_words_before_dong_that_hold_no_scale_are_no_amount():
    assert not funding_total("Người dân được hỗ trợ hai đồng.").vnd


def test_thousands_set_apart_by_one_space_once_are_two_numbers_not_one():
    # "đợt 1 500 triệu": one group of three after a space is no thousands grouping
    assert funding_total("Giải ngân đợt 1 500 triệu đồng.").vnd == 500_000_000


@pytest.mark.parametrize("text, vnd", [
    ("Tổng cộng 79 819 triệu đồng, trong đó ngân sách địa phương 43 900 triệu đồng.", 79_819_000_000),
    ("Kinh phí thực hiện là 125 400 triệu đồng.", 125_400_000_000),
])
def test_thousands_set_apart_by_a_space_after_two_or_three_digits_are_one_number(text, vnd):
    assert funding_total(text).vnd == vnd


def test_a_total_a_later_clause_says_was_paid_out_in_part_gives_the_part():
    # the approved total investment, then what was disbursed of it, "đạt 65%": the money spent
    text = ("Tổng mức đầu tư của các dự án đã được phê duyệt là 59 tỷ đồng; đến hết tháng 4/2022 đã giải ngân "
            "38,5 tỷ đồng, đạt 65% tổng mức đầu tư.")
    assert funding_total(text).vnd == 38_500_000_000


def test_a_total_broken_down_after_a_semicolon_stays_the_total_whatever_share_is_stated():
    assert funding_total("Tổng kinh phí 100 tỷ đồng; trong đó ngân sách tỉnh 60 tỷ đồng, chiếm 60%.").vnd == 100 * 10**9


def test_an_amount_in_words_that_repeats_the_figure_is_not_counted_twice():
    text = "Kinh phí: 1.205.000.000 đồng (Bằng chữ: Một tỷ hai trăm linh năm triệu đồng)."
    assert funding_total(text).vnd == 1_205_000_000


@pytest.mark.parametrize("words, number", [
    ("mot ty hai tram linh nam trieu", 1_205_000_000),
    ("muoi lam ty", 15_000_000_000),
    ("hai muoi mot trieu", 21_000_000),
    ("mot nghin hai tram ty", 1_200_000_000_000),
    ("bon tram nam muoi nghin", 450_000),
    ("mot ty ruoi", 1_500_000_000),        # "rưỡi": half the scale before it
    ("mot tram ruoi trieu", 150_000_000),  # or half a hundred
])
def test_vietnamese_number_words_are_read(words, number):
    from baocao.aggregate.amounts import words_to_number

    assert words_to_number(words.split()) == number


def test_words_that_are_no_number_are_not_read_as_one():
    from baocao.aggregate.amounts import words_to_number

    assert words_to_number("ba trieu nguoi dan".split()) is None


def test_the_amount_broken_down_by_trong_do_is_the_total_not_added_to_its_parts():
    text = ("Kinh phí thực hiện giai đoạn 2020-2022 là 100 tỷ đồng, trong đó: ngân sách trung ương 60 tỷ đồng, "
            "xã hội hóa 40 tỷ đồng.")
    figure = funding_total(text)
    assert figure.vnd == 100_000_000_000 and figure.rule.startswith("stated total")


def test_the_breakdown_may_continue_on_the_next_lines():
    text = "Kinh phí đã bố trí 12,5 tỷ đồng, bao gồm:\n- Ngân sách tỉnh: 10 tỷ đồng;\n- Xã hội hóa: 2,5 tỷ đồng."
    assert funding_total(text).vnd == 12_500_000_000


@pytest.mark.parametrize("text", [
    "Tỉnh không sử dụng ngân sách nhà nước cho các nhiệm vụ này.",
    "Đến nay chưa bố trí kinh phí để thực hiện.",
    "Các nhiệm vụ chưa được cấp kinh phí riêng.",
])
def test_funding_stated_to_be_none_is_zero_not_missing(text):
    figure = funding_total(text)
    assert figure.vnd == 0 and figure.rule == "stated: no funding"


def test_an_amount_wins_over_a_sentence_saying_the_state_budget_was_not_used():
    text = "Không sử dụng ngân sách nhà nước; doanh nghiệp đầu tư 50 tỷ đồng."
    assert funding_total(text).vnd == 50_000_000_000


@pytest.mark.parametrize("declaration", ["Đơn vị: triệu đồng", "ĐVT: Triệu đồng", "(Đơn vị tính: triệu đồng)"])
def test_a_total_given_only_by_the_total_row_of_a_table_is_read_in_the_unit_the_table_declares(declaration):
    table = (f"Kết quả bố trí kinh phí như sau:\n{declaration}\nTT | Nội dung | Kinh phí\n"
             "1 | Trung tâm IOC | 25.400\n2 | Dữ liệu mở | 8.000\n | Tổng cộng | 33.400")
    assert funding_total(table).vnd == 33_400_000_000


@pytest.mark.parametrize("caption", ["Bảng 1: Kinh phí thực hiện Đề án (triệu đồng)",
                                     "Bảng 1. Kinh phí thực hiện Đề án (tỷ đồng)"])
def test_a_unit_in_brackets_closing_the_tables_caption_is_the_unit_of_the_table(caption):
    """The caption right above the table gives its unit in brackets, no "Đơn vị:" line (the total
    row's bare figure was no amount); another table further down is not its."""
    unit = 10**6 if "triệu" in caption else 10**9
    table = f"{caption}\nTT | Nội dung | Số tiền\n1 | Trung tâm IOC | 25,4\n2 | Dữ liệu | 8\n | TỔNG | 33,4"
    assert funding_total(table).vnd == int(33.4 * unit)
    later = f"{caption}\nTT | Nội dung | Số tiền\n1 | IOC | 25,4\n | TỔNG | 25,4\nCác hạng mục khác:\n" \
            "TT | Nội dung | Số tiền\n1 | Camera | 3\n | Tổng cộng | 3"
    # the second table, under a line that gives no unit, has none: its total row is no amount
    assert stated_totals(later) == {int(25.4 * unit)}


def test_a_unit_in_a_header_cell_is_the_unit_of_the_table():
    table = "TT | Nội dung | Kinh phí (triệu đồng)\n1 | Trung tâm IOC | 25.400\n | Tổng cộng | 25.400"
    assert funding_total(table).vnd == 25_400_000_000


@pytest.mark.parametrize("declaration", ["(Đơn vị tính: triệu đồng):", "(ĐVT: triệu đồng)", "Đơn vị: triệu đồng.",
                                         "(triệu đồng):"])
def test_a_unit_declared_in_prose_applies_to_the_bare_figures_labelled_after_it(declaration):
    text = (f"Kinh phí thực hiện Đề án giai đoạn 2019 – 2022 {declaration}\n"
            "Tổng số: 19.749; trong đó ngân sách tỉnh: 16.466, ngân sách trung ương hỗ trợ: 3.283.")
    figure = funding_total(text)
    assert figure.vnd == 19_749_000_000 and figure.stated


def test_a_declared_unit_is_not_given_to_a_year_a_time_or_a_figure_with_its_own_unit():
    text = ("Đơn vị tính: triệu đồng\nNăm: 2021; họp lúc 14:30, kinh phí cấp huyện: 500 nghìn đồng.\n"
            "Tổng số: 1.200.")
    assert funding_total(text).vnd == 1_200_000_000
    assert stated_totals(text) == {1_200_000_000}


# -- a total given only by a table's total row ------------------------------------------

PROJECTS = ("Đơn vị: triệu đồng\nSTT | Hạng mục | Số dự án | Kinh phí | Nguồn vốn\n"
            "1 | Trung tâm IOC | 2 | 25.400 | Ngân sách tỉnh\n2 | Dữ liệu mở | 3 | 8.000 | Xã hội hóa\n")


def test_the_total_row_gives_the_amount_of_the_amount_column_not_the_first_number():
    figure = funding_total(PROJECTS + " | Tổng cộng | 5 | 33.400 | ")
    assert figure.vnd == 33_400_000_000 and not figure.ambiguous
    assert figure.rule == "stated total: total row 'tong cong' of a table: 33.400 trieu (bảng)"


@pytest.mark.parametrize("label", ["Cộng", "TỔNG", "Tổng số", "Tổng cộng (I+II)", "Tổng kinh phí toàn tỉnh"])
def test_a_total_row_is_known_by_each_label_provinces_give_it(label):
    assert funding_total(PROJECTS + f" | {label} | 5 | 33.400 | ").vnd == 33_400_000_000


def test_a_total_row_with_a_cell_fewer_than_the_header_takes_the_cell_that_adds_the_rows_up():
    # Word gives a merged cell once; a borderless PDF table loses its empty cells.
    for row in ("Tổng cộng | 5 | 33.400 | ", "Tổng cộng | 5 | 33.400"):
        figure = funding_total(PROJECTS + row)
        assert figure.vnd == 33_400_000_000 and not figure.ambiguous, row


def test_a_total_row_out_of_line_with_its_header_whose_figure_nothing_confirms_is_for_review():
    figure = funding_total(PROJECTS + "Tổng cộng | 7 | 40.000 | ")
    assert figure.vnd == 40_000_000_000 and figure.ambiguous and "column guessed" in figure.rule


def test_the_grand_total_is_taken_over_the_subtotals_of_groups():
    table = ("Đơn vị: triệu đồng\nTT | Nội dung | Kinh phí\nI | Hạ tầng | \n1 | Trung tâm IOC | 25.400\n"
             " | Cộng | 25.400\nII | Dữ liệu | \n1 | Dữ liệu mở | 8.000\n | Cộng | 8.000\n | Tổng cộng | 33.400")
    assert funding_total(table).vnd == 33_400_000_000


def test_an_item_whose_name_starts_with_tong_is_no_total_row():
    figure = funding_total(PROJECTS + "3 | Tổng đài 1022 | 1 | 2.000 | Ngân sách tỉnh")
    assert figure.vnd is None and figure.rule.startswith("table without a total row: its 3 rows")


def test_a_table_without_a_total_row_is_not_added_up_silently_but_left_for_review():
    figure = funding_total(PROJECTS)
    assert figure.vnd is None and figure.ambiguous
    assert figure.rule == ("table without a total row: its 2 rows add up to 33.400.000.000 dong, "
                           "not taken as the total")


def test_a_sentence_stating_the_total_is_still_taken_when_its_table_has_no_total_row():
    assert funding_total("Tổng kinh phí là 33,4 tỷ đồng.\n" + PROJECTS).vnd == 33_400_000_000


def test_a_table_of_one_item_gives_that_item():
    table = "Hạng mục | Kinh phí (triệu đồng)\nTrung tâm IOC | 120.000"
    assert funding_total(table).vnd == 120_000_000_000


def _funding_table_report(path, rows, merge_total_label=False):
    """A whole .docx report whose item 4 is a ruled table under "Đơn vị: triệu đồng", its
    total row's first two cells merged as Word users do."""
    import docx
    from docx_builders import FUNDING, STANDARD, Part, Rows, build_report

    funding = Part(FUNDING.heading, ("Kết quả bố trí kinh phí như sau:", "Đơn vị: triệu đồng", Rows(rows)))
    build_report(path, "bold_roman", tuple(funding if p is FUNDING else p for p in STANDARD))
    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.cell(0, 0).text == rows[0][0])
    table.style = "Table Grid"
    if merge_total_label:
        last = table.rows[len(rows) - 1]
        last.cells[0].merge(last.cells[1]).text = rows[-1][1]
    document.save(str(path))
    return path


FUNDING_ROWS = (
    ("STT", "Hạng mục", "Số dự án", "Kinh phí", "Nguồn vốn"),
    ("1", "Trung tâm IOC", "2", "25.400", "Ngân sách tỉnh"),
    ("2", "Dữ liệu mở", "3", "8.000", "Xã hội hóa"),
    ("", "Tổng cộng", "5", "33.400", ""),
)


def _item_4(path, fmt):
    from baocao.campaign import load_campaign
    from baocao.parse.reports import parse_document

    parsed = parse_document(path, fmt, path.name, load_campaign().sections)
    return next(s.text for s in parsed.sections if s.number == 4)


def test_the_total_row_of_a_word_table_is_the_total(tmp_path):
    text = _item_4(_funding_table_report(tmp_path / "bang.docx", FUNDING_ROWS), "docx")
    assert " | Tổng cộng | 5 | 33.400 | " in text.split("\n")
    assert funding_total(text).vnd == 33_400_000_000


def test_the_total_row_of_a_word_table_with_merged_label_cells_is_the_total(tmp_path):
    path = _funding_table_report(tmp_path / "bang.docx", FUNDING_ROWS, merge_total_label=True)
    text = _item_4(path, "docx")
    assert "Tổng cộng | 5 | 33.400 | " in text.split("\n")
    assert funding_total(text).vnd == 33_400_000_000


def test_a_word_table_without_a_total_row_gives_no_total(tmp_path):
    text = _item_4(_funding_table_report(tmp_path / "bang.docx", FUNDING_ROWS[:-1]), "docx")
    figure = funding_total(text)
    assert figure.vnd is None and figure.ambiguous and figure.rule.startswith("table without a total row")


def test_the_total_row_of_a_table_in_an_exported_pdf_is_the_total(tmp_path):
    from pdf_builders import convert_to_pdf, exported_like_word

    source = exported_like_word(_funding_table_report(tmp_path / "bang.docx", FUNDING_ROWS, merge_total_label=True))
    convert_to_pdf([source], tmp_path / "pdf")
    text = _item_4(tmp_path / "pdf" / "bang.pdf", "pdf")
    assert "33.400" in text and funding_total(text).vnd == 33_400_000_000


def test_the_total_row_of_a_borderless_pdf_table_is_the_total(tmp_path):
    from pdf_builders import Line, Page, draw_pdf

    from baocao.parse.pdf import read_pdf

    gap = " " * 14
    rows = [gap.join(cells) for cells in (("STT", "Hạng mục", "Số dự án", "Kinh phí", "Nguồn vốn"),
                                         ("1", "Trung tâm IOC", "2", "25.400", "Ngân sách"),
                                         ("2", "Dữ liệu mở", "3", "8.000", "Xã hội hóa"),
                                         ("Tổng cộng", "5", "33.400"))]
    pdf = draw_pdf(tmp_path / "p.pdf", [Page(tuple(Line(t) for t in ["Đơn vị: triệu đồng", *rows]))])
    text = "\n".join(b.text for b in read_pdf(pdf).blocks)
    assert "Tổng cộng | 5 | 33.400" in text
    assert funding_total(text).vnd == 33_400_000_000


# -- approximate amounts ----------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Tổng kinh phí thực hiện khoảng 30 tỷ đồng.", "khoang"),
    ("Kinh phí đã bố trí gần 30 tỷ đồng.", "gan"),
    ("Tổng vốn đầu tư trên 30 tỷ đồng.", "tren"),
    ("Kinh phí ước đạt 30 tỷ đồng.", "uoc dat"),
])
def test_an_approximate_amount_is_read_and_the_rule_says_it_is_approximate(text, word):
    figure = funding_total(text)
    assert figure.vnd == 30_000_000_000 and figure.rule.endswith(f"{word} 30 ty (approximate)")


def test_an_exact_amount_is_not_said_to_be_approximate():
    assert "approximate" not in funding_total("Tổng kinh phí thực hiện là 30 tỷ đồng.").rule


# -- outside the funding item -----------------------------------------------------------

def test_outside_the_funding_item_amounts_are_not_added_up():
    from baocao.aggregate.amounts import report_funding

    figure = report_funding("", "Đã đầu tư 20 tỷ đồng cho IOC.\nĐề nghị Trung ương hỗ trợ 50 tỷ đồng.")
    assert figure.vnd is None and figure.ambiguous and figure.elsewhere
    assert figure.rule == "outside the funding item (not found): 2 amounts and no stated total: not added up"


def test_outside_the_funding_item_the_stated_total_is_read_and_marked():
    from baocao.aggregate.amounts import report_funding

    figure = report_funding("", "Tổng kinh phí thực hiện là 30 tỷ 375 triệu đồng.\nĐề nghị hỗ trợ 50 tỷ đồng.")
    assert figure.vnd == 30_375_000_000 and figure.elsewhere
    assert figure.rule == "outside the funding item (not found): stated total: 30 ty 375 trieu"


def test_of_several_amount_columns_the_total_column_gives_the_total():
    table = ("Đơn vị: triệu đồng\nTT | Hạng mục | Vốn ngân sách | Vốn xã hội hóa | Tổng cộng\n"
             "1 | Trung tâm IOC | 20.000 | 5.400 | 25.400\n2 | Dữ liệu mở | 3.000 | 5.000 | 8.000\n"
             " | Tổng cộng | 23.000 | 10.400 | 33.400")
    figure = funding_total(table)
    assert figure.vnd == 33_400_000_000 and not figure.ambiguous


def test_a_total_row_of_a_table_of_several_amount_columns_none_the_total_is_for_review():
    table = ("Đơn vị: triệu đồng\nTT | Hạng mục | Kinh phí năm 2021 | Kinh phí năm 2022\n"
             "1 | Trung tâm IOC | 20.000 | 5.400\n2 | Dữ liệu mở | 3.000 | 5.000\nTổng | 23.000 | 10.400")
    assert funding_total(table).ambiguous


@pytest.mark.parametrize("typed, vnd", [("42,5", 42_500_000_000), ("1.234,5", 1_234_500_000_000),
                                        ("1234", 1_234_000_000_000), (" 0,85 ", 850_000_000), ("0", 0)])
def test_a_figure_typed_in_ty_dong_is_read_as_vietnamese_writes_numbers(typed, vnd):
    assert typed_billions(typed) == vnd


@pytest.mark.parametrize("typed", ["", "abc", "-3", "42,5 tỷ", "1,2,3", "42,5e3"])
def test_a_typed_figure_that_is_not_a_number_is_refused_with_how_to_write_it(typed):
    with pytest.raises(ValueError, match="42,5"):
        typed_billions(typed)


def test_a_decimal_comma_followed_by_a_space_is_read_as_the_decimal_and_left_for_review():
    # OCR reads "155,3 tỷ" as "155, 3 tỷ": not 3 tỷ; a list ("đợt 1, 3 tỷ") reads the same, so unclear.
    figure = funding_total("Tổng kinh phí giai \". 2018 - 2022 của tỉnh Ă—— 155, 3 tỷ đồng, trong đó ngân sách 98%.")
    assert figure.vnd == 155_300_000_000 and figure.ambiguous


def test_a_year_before_a_comma_is_no_integer_part_of_an_amount():
    assert funding_total("Năm 2021, 3 tỷ đồng cho IOC.").vnd == 3_000_000_000


def test_the_totals_a_report_states_are_its_total_lines_total_rows_and_broken_down_amounts():
    from baocao.aggregate.amounts import stated_totals

    text = ("Tổng kinh phí giai đoạn 2018 – 2022 là 30 tỷ 375 triệu đồng.\n"
            "Dự án IOC 12 tỷ đồng, trong đó ngân sách tỉnh 10 tỷ đồng.\n"
            "Đơn vị: triệu đồng\nTT | Hạng mục | Kinh phí\n1 | IOC | 5.000\n2 | Camera | 3.000\n | Tổng cộng | 8.000\n"
            "Camera giao thông 2 tỷ đồng.")
    assert stated_totals(text) == {30_375_000_000, 12_000_000_000, 8_000_000_000}
    assert stated_totals("Camera giao thông 2 tỷ đồng.") == set()


@pytest.mark.parametrize("text", [
    "Kinh phí đã giải ngân đến hết quý I/2022 là 13.177.951 nghìn đồng, gồm vốn ngân sách và vốn doanh nghiệp.",
    "Kinh phí đã giải ngân là 13.177.951 ngàn đồng.",
    "Đơn vị tính: nghìn đồng\nSTT | Hạng mục | Kinh phí\n1 | Trung tâm điều hành | 8.000.000\n"
    "2 | Camera | 5.177.951\n | Cộng | 13.177.951",
    "STT | Hạng mục | Kinh phí (nghìn đồng)\n1 | Trung tâm điều hành | 8.000.000\n"
    "2 | Camera | 5.177.951\n | Tổng cộng | 13.177.951",
])
def test_an_amount_in_thousands_of_dong_is_read_in_the_unit_its_sentence_or_table_states(text):
    assert funding_total(text).vnd == 13_177_951_000


def test_a_period_total_that_a_table_by_year_breaks_down_is_the_figure_not_a_year():
    text = ("Giai đoạn 2018 – 2022, tổng kinh phí thực hiện là 59.899 triệu đồng, phân theo năm như sau:\n"
            "Năm | Kinh phí (triệu đồng) | Ghi chú\n2019 | 12.087 | Quyết toán\n2020 | 18.969 | Quyết toán\n"
            "2021 | 18.737 | Quyết toán\n2022 | 10.106 | Ước thực hiện")
    figure = funding_total(text)
    assert figure.vnd == 59_899_000_000 and figure.stated and not figure.ambiguous


@pytest.mark.parametrize("total_line", [
    "Cộng cả giai đoạn: 25.990 triệu đồng.",
    "Cộng: 25.990 triệu đồng.",
    "- Cộng giai đoạn 2019 – 2022: 25.990 triệu đồng.",
])
def test_a_line_labelled_as_a_total_row_is_the_total_not_added_to_its_parts(total_line):
    # the parts here do not add up to it (a figure misread in a scan): the line's label says it is the total
    text = ("Vốn bố trí qua các năm: năm 2019 là 5,960 triệu đồng; năm 2020 là 8.340 triệu đồng; "
            f"năm 2021 là 6.690 triệu đồng; năm 2022 là 5.000 triệu đồng.\n{total_line}")
    figure = funding_total(text)
    assert figure.vnd == 25_990_000_000 and figure.stated and not figure.ambiguous
    assert stated_totals(text) == {25_990_000_000}


def test_a_line_opening_with_another_word_of_cong_is_no_total():
    text = "Cộng đồng doanh nghiệp: 5 tỷ đồng.\nNgân sách tỉnh: 20 tỷ đồng."
    assert funding_total(text).vnd == 25_000_000_000 and not funding_total(text).stated


def test_of_three_amounts_or_more_the_one_the_others_add_up_to_is_the_total_whatever_labels_it():
    text = ("Năm 2020 bố trí 4.000 triệu đồng, năm 2021 bố trí 6.000 triệu đồng, năm 2022 bố trí 2.000 triệu đồng; "
            "cả giai đoạn 12.000 triệu đồng.")  # a label no rule knows ("lũy kế" states a total: see below)
    figure = funding_total(text)
    assert figure.vnd == 12_000_000_000 and figure.rule.startswith("the amount the 3 others add up to")


def test_a_total_written_before_its_parts_and_again_after_them_is_the_total_not_added_to_itself():
    text = ("Kinh phí bố trí cho đề án giai đoạn 2020 – 2023 là 30 tỷ đồng, theo nguồn như sau:\n"
            "- Nguồn thứ nhất: 18 tỷ đồng;\n- Nguồn thứ hai: 7 tỷ đồng;\n- Nguồn thứ ba: 5 tỷ đồng.\n"
            "Ba nguồn trên là 30 tỷ đồng.")  # no word of the text says "tổng"
    figure = funding_total(text)
    assert figure.vnd == 30_000_000_000 and figure.rule.startswith("the amount the 3 others add up to")


def test_a_figure_written_twice_that_the_others_do_not_add_up_to_is_no_total():
    text = "Năm 2021 bố trí 5 tỷ đồng. Năm 2022 bố trí 3 tỷ đồng. Năm 2023 bố trí 5 tỷ đồng."
    assert funding_total(text).vnd == 13_000_000_000


def test_two_equal_amounts_are_two_parts_not_a_total_and_its_part():
    assert funding_total("Năm 2021 bố trí 5 tỷ đồng. Năm 2022 bố trí 5 tỷ đồng.").vnd == 10_000_000_000


@pytest.mark.parametrize("text", [
    "Kinh phí thực hiện Đề án được điều chỉnh từ 12 tỷ đồng (theo Kế hoạch số 5/KH-UBND) thành 15 tỷ đồng.",
    "Tổng kinh phí đã điều chỉnh từ 12 tỷ đồng thành 15 tỷ đồng do bổ sung nhiệm vụ.",
    "Kinh phí bố trí tăng từ 12 tỷ lên 15 tỷ đồng.",
    "Tổng vốn giảm từ 18.000 triệu đồng xuống còn 15.000 triệu đồng.",
    # the sentence cut by a line break inside its note, as a wrapped line is read
    "Tổng vốn được điều chỉnh từ 12 tỷ đồng (số\nliệu tại Báo cáo số 84/BC-UBND) thành 15 tỷ đồng.",
])
def test_a_figure_changed_into_another_gives_the_new_one_not_the_old_nor_their_sum(text):
    assert funding_total(text).vnd == 15_000_000_000
    assert stated_totals(text) <= {15_000_000_000}


def test_from_and_to_that_change_no_figure_leave_the_amounts_as_they_are():
    # "từ" before no amount, "thành" before no amount, a sentence ended between them
    assert funding_total("Vốn từ ngân sách tỉnh 12 tỷ đồng; xã hội hóa 3 tỷ đồng.").vnd == 15_000_000_000
    assert funding_total("Trích từ 12 tỷ đồng để thành lập quỹ; bổ sung 3 tỷ đồng.").vnd == 15_000_000_000
    assert funding_total("Năm 2021 chi từ 12 tỷ đồng. Năm 2022 thành 3 tỷ đồng.").vnd == 15_000_000_000


@pytest.mark.parametrize("text", [
    "Kinh phí bố trí 45,6 tỷ đồng (tương đương khoảng 1,98 triệu USD).",
    "Kinh phí khoảng 1,98 triệu USD (tương đương 45,6 tỷ đồng).",
    "Kinh phí 45,6 tỷ đồng, quy đổi khoảng 2 triệu đô la Mỹ.",
    "Kinh phí 45.600 triệu đồng (tương đương 45,6 tỷ đồng).",
    "Tổng vốn là 45,6 tỷ đồng (tương đương khoảng 1,98 triệu USD).",
])
def test_the_same_money_written_again_or_in_another_currency_is_the_figure_in_dong_once(text):
    assert funding_total(text).vnd == 45_600_000_000


def test_an_amount_after_another_without_saying_it_is_the_same_money_is_another_part():
    assert funding_total("Kinh phí 45,6 tỷ đồng, ngân sách tỉnh 2 tỷ đồng.").vnd == 47_600_000_000


@pytest.mark.parametrize("text", [
    "Kinh phí tỉnh đã chi cho Đề án đến nay là 45.600 triệu đồng (chưa kể 4.462 triệu đồng vốn doanh nghiệp"
    " viễn thông tự đầu tư hạ tầng).",
    "Kinh phí tỉnh đã chi cho Đề án đến nay là 45.600 triệu đồng (chưa kể 4.462 triệu\nđồng vốn doanh nghiệp).",
    "Kinh phí bố trí là 45.600 triệu đồng, tăng 22,0% so với giai đoạn 2017-2019 (37.377 triệu đồng).",
    "Kinh phí 45,6 tỷ đồng (ngân sách tỉnh 2 tỷ đồng).",
    "Tổng kinh phí (không gồm 4 tỷ đồng vốn doanh nghiệp) là 45,6 tỷ đồng.",
])
def test_an_amount_in_a_note_in_brackets_beside_the_sentences_own_is_no_further_part(text):
    """What the sentence states is outside its brackets: a note there says what the money leaves
    out, was before, is made of or equals."""
    figure = funding_total(text)
    assert (figure.vnd, figure.ambiguous) == (45_600_000_000, False)


def test_a_note_in_brackets_that_gives_the_only_amount_in_dong_is_read():
    assert funding_total("Kinh phí khoảng 1,98 triệu USD (bằng 45,6 tỷ đồng) từ ngân sách.").vnd == 45_600_000_000


@pytest.mark.parametrize("text", [
    "Năm 2022 bố trí 2.300 triệu đồng; lũy kế từ năm 2018 đến nay đã bố trí 45.670 triệu đồng.",
    "Năm 2022 bố trí 2.300 triệu đồng, lũy kế đến nay 45.670 triệu đồng.",
    "Ngân sách tỉnh 40.000 triệu đồng, xã hội hóa 5.670 triệu đồng, tổng cộng 45.670 triệu đồng.",
])
def test_the_cumulative_or_total_amount_a_line_states_after_its_parts_is_the_total(text):
    figure = funding_total(text)
    assert figure.vnd == 45_670_000_000 and figure.stated


def test_a_whole_after_the_word_total_that_the_amount_before_it_is_a_share_of_is_not_the_total():
    assert funding_total("Kinh phí bố trí 30 tỷ đồng, bằng 40% tổng vốn đầu tư công 75 tỷ đồng.").vnd == 30_000_000_000


def test_a_total_sentence_cut_by_a_printed_line_break_states_its_total():
    text = ("Giai đoạn 2018 – 2022, tổng kinh phí thực hiện các nhiệm vụ của\n"
            "tỉnh là 45.645 triệu đồng, phân theo năm như sau:\n"
            "Năm | Kinh phí (triệu đồng)\n2019 | 11.450\n2020 | 1.770\n2021 | 15.332\n2022 | 17.093")
    figure = funding_total(text)
    assert figure.vnd == 45_645_000_000 and figure.stated


def test_a_line_ending_a_sentence_or_opening_a_list_item_is_not_joined_to_the_next():
    assert funding_total("Tổng kinh phí như sau:\na) ngân sách tỉnh 20 tỷ đồng\nb) xã hội hóa 5 tỷ đồng").vnd == \
        25_000_000_000


# -- ranges and figures cut from their unit ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tổng vốn đã bố trí đến nay ước khoảng 12 – 14 tỷ đồng; số liệu chính xác sẽ báo cáo sau.",
    "Kinh phí thực hiện 12-14 tỷ đồng.",
    "Kinh phí thực hiện từ 12.000 — 14.000 triệu đồng.",
    "Dự kiến kinh phí từ 12 đến 14 tỷ đồng.",
    "Kinh phí khoảng 12 đến 14 tỷ đồng.",
])
def test_a_range_gives_its_lower_figure_in_the_unit_written_after_the_upper(text):
    figure = funding_total(text)
    assert figure.vnd == 12_000_000_000 and "(approximate)" in figure.rule


@pytest.mark.parametrize("text, vnd", [
    ("Giai đoạn 2021 - 2025 bố trí 5 tỷ đồng.", 5_000_000_000),  # years, then an amount
    ("Năm 2021 - 30 tỷ đồng.", 30_000_000_000),                  # a year before a dash
    ("Đợt 3 - 2 tỷ đồng.", 2_000_000_000),                       # no smaller: no range
    ("Từ năm 2021 đến 5 tỷ đồng.", 5_000_000_000),              # a year before "đến"
    ("Thực hiện 3 đợt đến 2 tỷ đồng mỗi đợt.", 2_000_000_000),    # no smaller: no range
])
def test_a_figure_before_a_dash_that_is_no_lower_bound_is_not_read_as_a_range(text, vnd):
    assert funding_total(text).vnd == vnd


def test_a_figure_cut_from_its_unit_by_a_line_break_is_read_with_the_unit():
    text = ("Nguồn vốn thực hiện gồm: ngân sách tỉnh 13,6 tỷ đồng; ngân sách cấp huyện 0,7\n"
            "tỷ đồng; vốn của doanh nghiệp 8,4 tỷ đồng.")
    assert funding_total(text).vnd == 22_700_000_000
    assert [a.vnd for a in amounts_in("cấp huyện 0,7\ntỷ đồng")] == [700_000_000]


def test_a_year_or_a_list_label_on_the_next_line_is_no_figure_and_its_unit():
    assert amounts_in("Kết quả năm 2022\nđ) Về kinh phí") == []
    assert funding_total("Kinh phí năm 2022\nđồng thời bố trí 5 tỷ đồng.").vnd == 5_000_000_000


# -- a figure reached over the plan's ------------------------------------------------------

@pytest.mark.parametrize("text, vnd", [
    ("Kinh phí thực hiện Đề án trên địa bàn tỉnh Cà Mau đến nay đạt 36.343/43.343 triệu đồng kế hoạch "
     "(đạt 83,8%).", 36_343_000_000),
    ("Tổng vốn đã giải ngân 25,5 / 30 tỷ đồng.", 25_500_000_000),
    # OCR's fraction slash for the slash
    ("Kinh phí đến nay đạt 32.995\u204441.995 triệu đồng kế hoạch (đạt 78,6%).", 32_995_000_000),
])
def test_a_figure_over_the_plans_with_a_slash_gives_the_figure_reached_not_the_plan(text, vnd):
    figure = funding_total(text)
    assert figure.vnd == vnd and "/" in figure.rule
    assert stated_totals(text) <= {vnd}



# -- what each amount of a sentence is: spent, a plan, what is left ----------------------------

@pytest.mark.parametrize("text, vnd", [
    ("Kế hoạch vốn giao cho Đề án tỉnh Cà Mau là 21.833 triệu đồng; đến nay còn 2.317 triệu đồng chưa "
     "giải ngân, tức đã giải ngân 19.516 triệu đồng.", 19_516_000_000),
    # the words in another order, the plan last, the amount left "còn lại"
    ("Đến nay tỉnh đã giải ngân 19,5 tỷ đồng, số vốn còn lại 2,3 tỷ đồng trên kế hoạch giao 21,8 tỷ đồng.",
     19_500_000_000),
    # a plan stated as a total ("tổng"), and what was spent of it
    ("Tổng kế hoạch vốn được giao là 30 tỷ đồng; đến nay đã giải ngân 25 tỷ đồng.", 25_000_000_000),
    # a wrapped printed line
    ("Kế hoạch vốn giao cho Đề án là 21.833 triệu đồng; đến nay còn\n2.317 triệu đồng chưa giải ngân, tức đã "
     "giải\nngân 19.516 triệu đồng.", 19_516_000_000),
])
def test_what_a_sentence_says_was_spent_wins_over_its_plan_and_the_amount_left(text, vnd):
    figure = funding_total(text)
    assert figure.vnd == vnd and not figure.ambiguous
    assert stated_totals(text) <= {vnd}


def test_a_plan_and_what_is_left_of_it_give_the_plan_less_that_for_a_person_to_check():
    figure = funding_total("Kế hoạch vốn giao cho Đề án là 21.833 triệu đồng; đến nay còn 2.317 triệu đồng "
                           "chưa giải ngân.")
    assert figure.vnd == 19_516_000_000 and figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    # a wider plan's total, the scheme's part of it named: the scheme's part (pool 48)
    ("Tổng kinh phí thực hiện Kế hoạch chuyển đổi số của tỉnh giai đoạn 2021 - 2025 là 92.127 triệu đồng; trong "
     "đó kinh phí dành cho Đề án tại tỉnh Bình Phước là 19.649 triệu đồng.", 19_649_000_000),
    # the same, its breakdown after a comma
    ("Tổng kinh phí thực hiện Kế hoạch chuyển đổi số của tỉnh là 92.127 triệu đồng, trong đó kinh phí dành cho "
     "Đề án tại tỉnh là 19.649 triệu đồng.", 19_649_000_000),
    # a total of no named plan: the total, whichever part names the scheme
    ("Tổng kinh phí là 50 tỷ đồng, trong đó ngân sách tỉnh bố trí cho Đề án 20 tỷ đồng, xã hội hóa 30 tỷ đồng.",
     50_000_000_000),
    # the scheme's own total broken down by source: the total
    ("Tổng kinh phí thực hiện Đề án là 50 tỷ đồng; trong đó ngân sách tỉnh 20 tỷ đồng, xã hội hóa 30 tỷ đồng.",
     50_000_000_000),
])
def test_of_another_plan_s_total_the_part_said_to_be_the_scheme_s_is_the_funding(text, vnd):
    figure = funding_total(text)
    assert figure.vnd == vnd and not figure.ambiguous and figure.stated


def test_a_total_its_sentence_says_is_another_named_plan_s_is_read_but_left_for_a_person_to_check():
    """"Tổng kinh phí thực hiện Kế hoạch chuyển đổi số …" with no part said to be the scheme's: the
    province may have given a wider plan's money; the figure is kept, and checked."""
    figure = funding_total("Tổng kinh phí thực hiện Kế hoạch chuyển đổi số của tỉnh giai đoạn 2021 - 2025 là "
                           "92.127 triệu đồng.")
    assert figure.vnd == 92_127_000_000 and figure.ambiguous and "Kế hoạch chuyển đổi số" in figure.rule


@pytest.mark.parametrize("text", [
    "Tổng kinh phí giao cho Đề án tại tỉnh là 15.592 triệu đồng, trong đó còn 1.950 triệu đồng chưa phân bổ chi tiết.",
    "Kế hoạch vốn giao cho Đề án là 15.592 triệu đồng; còn 1.950 triệu đồng chưa được bố trí cho các nhiệm vụ.",
])
def test_a_part_not_yet_shared_out_among_the_tasks_is_still_part_of_the_money_given(text):
    """"còn … chưa phân bổ" is money given but not yet divided among the tasks, not money left unspent."""
    figure = funding_total(text)
    assert figure.vnd == 15_592_000_000 and not figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    # allocated, no amount spent: the allocations are the funding
    ("Năm 2022, tỉnh bố trí 5.800 triệu đồng; lũy kế từ năm 2018 đến hết quý I/2022, tổng vốn đã bố trí là "
     "66.560 triệu đồng.", 66_560_000_000),
    # a plan cut to a new one ("xuống còn"): not an amount left
    ("Kế hoạch vốn đã được điều chỉnh giảm từ 53 tỷ đồng xuống còn 41 tỷ đồng.", 41_000_000_000),
    # amounts spent and their sources, no plan
    ("Tổng số tiền đã thực hiện là 28 tỷ 250 triệu đồng, trong đó tiền nhà nước 26 tỷ đồng, doanh nghiệp "
     "đóng góp 2 tỷ 250 triệu đồng.", 28_250_000_000),
])
def test_a_sentence_without_both_a_spent_amount_and_a_plan_is_read_as_before(text, vnd):
    assert funding_total(text).vnd == vnd


@pytest.mark.parametrize("text", [
    # the plan less what is left is not what it says was spent
    "Kế hoạch vốn giao là 30 tỷ đồng; đến nay còn 5 tỷ đồng chưa giải ngân, tức đã giải ngân 20 tỷ đồng.",
    # two amounts spent beside the plan: which is the total, or their sum?
    "Kế hoạch vốn giao là 30 tỷ đồng; năm 2021 đã giải ngân 10 tỷ đồng, năm 2022 giải ngân 12 tỷ đồng.",
])
def test_a_total_its_sentence_does_not_say_was_spent_among_amounts_of_other_roles_is_to_check(text):
    assert funding_total(text).ambiguous


@pytest.mark.parametrize("text", [
    "Kế hoạch vốn giao cho Đề án là 21.833 triệu đồng; đến nay còn 2.317 triệu đồng chưa giải ngân, tức đã "
    "giải ngân 19.516 triệu đồng.",
    "Kế hoạch vốn giao là 79.900 triệu đồng; đã giải ngân 71.110 triệu đồng, đạt 88% kế hoạch.",
    "Lũy kế đến hết quý I/2022, tổng vốn đã giải ngân là 61,9 tỷ đồng; riêng quý I/2022 giải ngân 2,7 tỷ đồng.",
])
def test_the_amount_its_sentence_says_was_spent_is_no_doubt(text):
    assert not funding_total(text).ambiguous


def test_an_amount_in_another_currency_has_no_role_its_words_lead_to_the_amount_in_dong_after_it():
    text = ("Kế hoạch vốn giao là 2 triệu USD (tương đương 46 tỷ đồng); đến nay còn 6 tỷ đồng chưa giải ngân, "
            "tức đã giải ngân 40 tỷ đồng.")
    figure = funding_total(text)
    assert figure.vnd == 40_000_000_000 and not figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    # a yearly average first, the whole of the years after it
    ("Giai đoạn 2020-2022, tỉnh Hòa Bình bố trí cho Đề án bình quân 3.275 triệu đồng/năm, cả 3 năm là "
     "9.825 triệu đồng.", 9_825_000_000),
    ("Tỉnh bố trí cho Đề án 2 tỷ đồng mỗi năm, 3 năm được 6 tỷ đồng.", 6_000_000_000),
    # the whole first, the cost a ward after it
    ("Tổng kinh phí là 25.480 triệu đồng, bình quân 531 triệu đồng/phường.", 25_480_000_000),
])
def test_an_amount_per_year_or_per_ward_beside_the_whole_is_a_rate_not_a_part(text, vnd):
    figure = funding_total(text)
    assert figure.vnd == vnd and not figure.ambiguous


def test_a_rate_its_sentence_states_alone_is_read_for_a_person_to_check():
    figure = funding_total("Giai đoạn 2020-2022, tỉnh bố trí cho Đề án bình quân 500 triệu đồng/năm.")
    assert figure.vnd == 500_000_000 and figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí tỉnh đã chi cho Đề án là 29,628 triệu đồng.", 29_628_000),  # a scan's "29.628": or three decimals
    ("Kinh phí là 1,250 tỷ đồng.", 1_250_000_000),
])
def test_a_decimal_comma_before_three_digits_is_read_for_a_person_to_check(text, vnd):
    figure = funding_total(text)
    assert (figure.vnd, figure.ambiguous) == (vnd, True)


@pytest.mark.parametrize("text", ["Kinh phí là 29.628 triệu đồng.", "Kinh phí là 29,6 tỷ đồng.",
                                  "Kinh phí là 1.234,567 triệu đồng."])
def test_a_thousands_dot_or_a_decimal_of_one_or_two_places_is_clear(text):
    assert not funding_total(text).ambiguous


def test_a_rate_its_sentence_states_alone_added_into_the_total_is_read_for_a_person_to_check():
    # Pool 23's Vĩnh Phúc scan: a speck read as a stop after "tổng" leaves the rate alone in its
    # sentence and no line stating the total: the two are added up.
    figure = funding_total("Suất đầu tư bình quân khoảng 1.199 triệu đồng/phường (tính trên 29 phường); tổng. "
                           "kinh phí tỉnh đã thực hiện cho Đề án là 34.776 triệu đồng.")
    assert figure.vnd == 35_975_000_000 and figure.ambiguous


@pytest.mark.parametrize("text, garbled", [
    # Pool 31's Bạc Liêu scan: the thousands dot read as a space and "triệu" as "triện".
    ("Kinh phí đã giải ngân cho Đề án là 19 363 triện đồng; số còn lại 4.403 triệu đồng chuyển nguồn.",
     ["19 363 triện đồng"]),
    ("Tổng kinh phí là 19.363 triện đồng.", ["19.363 triện đồng"]),       # the unit word misread
    # the thousands split by a space, the text's others by a dot
    ("Tổng kinh phí là 79 819 triệu đồng, trong đó ngân sách tỉnh 52.100 triệu đồng.", ["79 819 triệu"]),
    ("Tổng kinh phí là 28./36 triệu đồng, tiết kiệm 1.932 triệu đồng.", ["28./36"]),  # a digit read as a slash
    # As money is written: nothing garbled.
    ("Tổng kinh phí là 19.363 triệu đồng, đạt 25.480/30.000 triệu đồng kế hoạch.", []),
    ("Đợt 1 500 triệu đồng; 3 xã đồng bằng; 12.500 ngàn đồng.", []),
    # a document printing its thousands with spaces throughout
    ("Tổng cộng 13 497 triệu đồng, trong đó ngân sách địa phương 9 852 triệu đồng.", []),
    # Pool 64's Lai Châu scan: "4,400" in tỷ read "4.400", a thousand billion đồng and more (it was
    # read so, unflagged); the unit written or declared
    ("Tổng kinh phí năm 2022 (đơn vị tính: tỷ đồng): 4.400.", ["4.400 tỷ"]),
    ("Tổng kinh phí là 2.150 tỷ đồng.", ["2.150 tỷ"]),
    ("Tổng kinh phí là 4,4 tỷ đồng, trong đó ngân sách tỉnh 2.150 triệu đồng.", []),
])
def test_the_figures_ocr_garbled_as_money_is_written_are_found(text, garbled):
    from baocao.aggregate.amounts import garbled_figures

    assert garbled_figures(text) == garbled


def test_a_total_read_from_a_scan_keeps_the_figures_ocr_garbled_in_its_text_and_a_typed_one_none():
    from baocao.aggregate.amounts import report_funding

    item = "Kinh phí đã giải ngân cho Đề án là 19 363 triện đồng; số còn lại 4.403 triệu đồng chuyển nguồn."
    scanned = report_funding(item, item, ocr=True)
    # the unit one letter off "triệu" read as it (_units_restored), the figure still kept as garbled
    assert scanned.vnd == 19_363_000_000 and scanned.misread == ("19 363 triện đồng",)
    assert report_funding(item, item).misread == ()
    assert report_funding("Tổng kinh phí là 12.000 triệu đồng.", "", ocr=True).misread == ()


@pytest.mark.parametrize("unit, vnd", [("trêu", 1_600_000_000), ("tiệu", 1_600_000_000), ("triện", 1_600_000_000),
                                       ("nghìm", 1_600_000), ("tnệu", None)])
def test_a_unit_ocr_misread_by_one_letter_before_dong_is_read_as_the_unit_in_a_scan(unit, vnd):
    """Between a figure and "đồng" only a unit stands: in a scan's text a word one letter off
    "triệu" or "nghìn" is that unit (pool 59's "1.600 trêu đồng" left the amount unread); two
    letters off it stays unread. Typed text is read as written."""
    from baocao.aggregate.amounts import report_funding

    item = f"Ngân sách tỉnh đã bố trí 1.600 {unit} đồng cho Đề án."
    assert report_funding(item, item, ocr=True).vnd == vnd
    assert report_funding(item, item).vnd is None


@pytest.mark.parametrize("text", [
    "Dự toán năm 2022 giao cho Đề án tại tỉnh Trà Vinh là 27.689 triệu đồng. Trong năm, UBND tỉnh đã điều chuyển "
    "5.031 triệu đồng từ dự toán này sang nhiệm vụ nạo vét luồng lạch phòng, chống bão lũ.",
    "Kế hoạch vốn bố trí cho Đề án năm 2022 là 27.689 triệu đồng; UBND tỉnh đã cắt giảm 5.031 triệu đồng từ kế "
    "hoạch vốn nói trên để bổ sung cho công trình cấp bách.",
])
def test_money_moved_out_of_the_plan_to_another_task_is_no_longer_the_schemes(text):
    """Pool 50: an estimate given to the scheme, then part of it moved to another task ("điều
    chuyển … từ dự toán này sang …"): the scheme has the estimate less what was moved, a figure
    the text never writes (the two were added up), so it is for a person to check."""
    figure = funding_total(text)
    assert figure.vnd == 22_658_000_000 and figure.ambiguous


def test_money_moved_into_the_scheme_or_from_another_plan_is_not_taken_off_it():
    """Moved from another task to the scheme, or out of a plan that is not the one named before
    ("từ nguồn khác"), it is no money the scheme lost."""
    moved_in = ("Dự toán năm 2022 giao cho Đề án là 27.689 triệu đồng. Trong năm, UBND tỉnh đã điều chuyển "
                "5.031 triệu đồng từ nhiệm vụ nạo vét luồng lạch sang Đề án.")
    assert funding_total(moved_in).vnd != 22_658_000_000
    elsewhere = ("Dự toán năm 2022 giao cho Đề án là 27.689 triệu đồng. Tỉnh đã điều chuyển 5.031 triệu đồng từ "
                 "nguồn vốn khác sang công trình đê biển.")
    assert funding_total(elsewhere).vnd != 22_658_000_000


def test_an_amount_stated_as_a_share_of_the_schemes_whole_gives_the_whole():
    """Pool 51: "ngân sách tỉnh đã bố trí 11.022 triệu đồng cho Đề án …, bằng 40% tổng kinh phí
    thực hiện Đề án; 60% còn lại do các doanh nghiệp … đầu tư": the province's budget is a share;
    the scheme's total is the amount over it (27.555), worked out, so for a person to check. It
    was read as the stated total."""
    text = ("Năm 2022, ngân sách tỉnh đã bố trí 11.022 triệu đồng cho Đề án tại tỉnh Gia Lai, bằng 40% tổng kinh "
            "phí thực hiện Đề án; 60% còn lại do các doanh nghiệp viễn thông đầu tư theo cam kết với tỉnh.")
    figure = funding_total(text)
    assert figure.vnd == 27_555_000_000 and figure.ambiguous
    # a share of something else than the whole ("bằng 40% so với năm 2021") is no share of it
    assert funding_total("Năm 2022, tỉnh bố trí 11.022 triệu đồng, bằng 40% so với năm 2021.").vnd == 11_022_000_000


@pytest.mark.parametrize("share, whole", [("2/3", 3_600_000_000), ("một nửa", 4_800_000_000),
                                          ("ba phần tư", 3_200_000_000), ("hai phần năm", 6_000_000_000)])
def test_an_amount_stated_as_a_fraction_of_the_schemes_whole_gives_the_whole(share, whole):
    """A share written as a fraction ("bằng 2/3 tổng kinh phí", "một nửa", "ba phần tư") says what
    a percentage says: the whole is the amount over it, worked out, for a person to check; the rule
    cites the fraction as written. It was read as a total stated, unflagged (its line says "tổng")."""
    figure = funding_total(f"Năm 2022 tỉnh bố trí 2.400 triệu đồng, bằng {share} tổng kinh phí của Đề án.")
    assert figure.vnd == whole and figure.ambiguous and share in figure.rule


def test_a_count_of_units_at_a_price_each_is_the_whole():
    """Pool 51: "… được dùng để lắp đặt 276 bộ camera …, đơn giá 51 triệu đồng/bộ": the text's one
    amount is a price per unit and it counts the units once: the whole is 276 × 51 triệu, for a
    person to check (it was the price alone, for review)."""
    text = ("Toàn bộ kinh phí năm 2022 của Đề án tại tỉnh Phú Thọ được dùng để lắp đặt 276 bộ camera giám sát an "
            "ninh, giao thông tại các nút giao và khu dân cư, đơn giá 51 triệu đồng/bộ (đã bao gồm lắp đặt và thuế).")
    figure = funding_total(text)
    assert figure.vnd == 14_076_000_000 and figure.ambiguous
    # two counts of that unit: which one the price is of is not said; the price alone, for review
    two = "Tỉnh lắp đặt 276 bộ camera năm 2021 và 120 bộ năm 2022, đơn giá 51 triệu đồng/bộ."
    assert funding_total(two).vnd != 276 * 51_000_000 and funding_total(two).ambiguous


def test_an_amount_before_the_tax_with_the_tax_rate_stated_apart_gives_the_amount_with_the_tax():
    """Pool 53: "… là 22.700 triệu đồng (chưa bao gồm thuế giá trị gia tăng); thuế suất thuế giá trị
    gia tăng áp dụng 10%": the scheme pays the tax too, its money 22.700 × 1,1 = 24.970 triệu, a
    figure the text does not write, for a person to check (it was the price alone, unflagged). No
    rate stated: the price, for review."""
    text = ("Năm 2022, giá trị các hợp đồng thuê dịch vụ và mua sắm thiết bị thực hiện Đề án tại tỉnh Tuyên Quang "
            "là 22.700 triệu đồng (chưa bao gồm thuế giá trị gia tăng); thuế suất thuế giá trị gia tăng áp dụng "
            "10%. Toàn bộ kinh phí do ngân sách tỉnh bảo đảm.")
    figure = funding_total(text)
    assert figure.vnd == 24_970_000_000 and figure.ambiguous and "10%" in figure.rule
    unrated = funding_total("Giá trị hợp đồng là 22.700 triệu đồng, chưa bao gồm thuế.")
    assert unrated.vnd == 22_700_000_000 and unrated.ambiguous
    # a price with the tax in it is the price
    assert not funding_total("Giá trị hợp đồng là 22.700 triệu đồng (đã bao gồm thuế giá trị gia tăng).").ambiguous


def test_another_part_of_the_money_given_as_a_share_of_the_amount_named_is_added_to_it():
    """Pool 53: "… bằng vốn vay ODA của Ngân hàng Thế giới là 20.500 triệu đồng và vốn đối ứng từ
    ngân sách tỉnh bằng 20% vốn vay ODA": the counterpart fund is 20% of the loan, the scheme's
    money the loan and it, 24.600 triệu, worked out, for a person to check (it was the loan alone,
    unflagged). A share of something the sentence does not name before the amount adds nothing."""
    text = ("Đề án tại tỉnh Yên Bái được thực hiện bằng vốn vay ODA của Ngân hàng Thế giới là 20.500 triệu đồng "
            "và vốn đối ứng từ ngân sách tỉnh bằng 20% vốn vay ODA.")
    figure = funding_total(text)
    assert figure.vnd == 24_600_000_000 and figure.ambiguous
    assert funding_total("Tỉnh bố trí 20.500 triệu đồng cho Đề án, bằng 20% kế hoạch năm 2021.").vnd == 20_500_000_000


def test_an_amount_said_afterwards_to_have_risen_or_been_cut_by_a_percentage_is_so_changed():
    """Pool 54: "Năm 2021, kinh phí … là 14.400 triệu đồng. Năm 2022, kinh phí … tăng 10% so với năm
    2021": this year's money is last year's and a tenth more, 15.840 triệu; "Dự toán năm 2022 … là
    17.500 triệu đồng; … tỉnh đã cắt giảm 15% dự toán này": what is left, 14.875 triệu. Both worked
    out, for a person to check (they were the amount as written, flagged only by the percentage).
    A rise written beside the year's own amount describes it: the amount is the total."""
    rise = funding_total("Năm 2021, kinh phí thực hiện Đề án tại tỉnh Bắc Ninh là 14.400 triệu đồng. Năm 2022, "
                         "kinh phí bố trí cho Đề án tăng 10% so với năm 2021, do ngân sách tỉnh bảo đảm.")
    assert rise.vnd == 15_840_000_000 and rise.ambiguous and "10%" in rise.rule
    cut = funding_total("Dự toán năm 2022 giao cho Đề án tại tỉnh Cao Bằng là 17.500 triệu đồng; thực hiện Nghị "
                        "quyết của Chính phủ về tiết kiệm chi thường xuyên, tỉnh đã cắt giảm 15% dự toán này và nộp "
                        "về ngân sách tỉnh.")
    assert cut.vnd == 14_875_000_000 and cut.ambiguous and "15%" in cut.rule
    own = funding_total("Năm 2022, kinh phí bố trí cho Đề án là 16.000 triệu đồng, tăng 10% so với năm 2021.")
    assert own.vnd == 16_000_000_000
    # a scan's line broken between the words that name it (pool 55's Hà Giang)
    broken = funding_total("Dự toán năm 2022 giao cho Đề án là 19.000 triệu đồng; tỉnh đã cắt giảm 10% dự\ntoán này.")
    assert broken.vnd == 17_100_000_000


def test_an_amount_that_is_a_named_sources_parts_of_money_shared_by_a_ratio_gives_the_whole():
    """Pool 55: "… do ngân sách tỉnh và ngân sách cấp huyện cùng bảo đảm theo tỷ lệ 4:1 (ngân sách
    tỉnh 4 phần, ngân sách cấp huyện 1 phần); phần ngân sách cấp huyện đã bố trí là 2.800 triệu
    đồng": the district's part is one of five, the scheme's money 14.000 triệu, worked out, for a
    person to check (it was the district's part, unflagged). A ratio no rule reads still flags
    the total read beside it."""
    text = ("Kinh phí thực hiện Đề án năm 2022 tại tỉnh Hải Dương do ngân sách tỉnh và ngân sách cấp huyện cùng "
            "bảo đảm theo tỷ lệ 4:1 (ngân sách tỉnh 4 phần, ngân sách cấp huyện 1 phần); phần ngân sách cấp huyện "
            "đã bố trí là 2.800 triệu đồng.")
    figure = funding_total(text)
    assert figure.vnd == 14_000_000_000 and figure.ambiguous and "5" in figure.rule
    unnamed = funding_total("Ngân sách tỉnh và ngân sách cấp huyện cùng bảo đảm theo tỷ lệ 3:2; tỉnh đã bố trí "
                            "5.400 triệu đồng.")
    assert unnamed.vnd == 5_400_000_000 and unnamed.ambiguous


def test_the_years_money_said_to_be_a_multiple_of_another_years_amount_is_that_multiple():
    """Pool 56: "Kinh phí bố trí cho Đề án … năm 2022 gấp đôi năm 2021; năm 2021, Đề án được bố trí
    8.400 triệu đồng": this year's money is twice last year's, 16.800 triệu ("gấp rưỡi" one and a
    half times, "gấp ba" three, "gấp 2,5 lần" in figures), worked out, for a person to check (it
    was last year's amount, unflagged). The multiple may be said after the amount too; one written
    beside the year's own amount says what it is and is only flagged."""
    for said, vnd in (("gấp đôi", 16_800_000_000), ("gấp rưỡi", 12_600_000_000), ("gấp ba", 25_200_000_000),
                      ("gấp 2,5 lần so với", 21_000_000_000)):
        figure = funding_total(f"Kinh phí bố trí cho Đề án tại tỉnh Quảng Nam năm 2022 {said} năm 2021; năm 2021, "
                               "Đề án được bố trí 8.400 triệu đồng.")
        assert figure.vnd == vnd and figure.ambiguous, said
    after = funding_total("Năm 2021, Đề án được bố trí 8.400 triệu đồng. Năm 2022, kinh phí gấp đôi năm 2021.")
    assert after.vnd == 16_800_000_000 and after.ambiguous
    own = funding_total("Năm 2022, Đề án được bố trí 8.400 triệu đồng, gấp đôi năm 2021.")
    assert own.vnd == 8_400_000_000 and own.ambiguous
    # a scan's "gấp" read "Bấp" (pool 57's fogged Phú Yên)
    misread = funding_total("Kinh phí bố trí cho Đề án tại tỉnh Phú Yên năm 2022 Bấp đôi năm 2021; năm 2021, Đề án "
                            "được bố trí 6.000 triệu đồng.")
    assert misread.vnd == 12_000_000_000 and misread.ambiguous


def test_an_amount_each_of_a_counted_kind_of_unit_gets_is_counted_that_many_times():
    """Pool 56: "ngân sách tỉnh bố trí 5.500 triệu đồng …; ngoài ra, mỗi huyện, thị xã, thành phố …
    (10 đơn vị) được bố trí 400 triệu đồng": the districts get 400 triệu each, ten of them, so the
    money is 5.500 + 10 × 400 = 9.500 triệu, worked out, for a person to check (it was 5.900,
    unflagged). The count may be in the units' own noun; where none is written, or a total is
    stated, the amount each is not multiplied, and a total no line states is flagged."""
    text = ("Năm 2022, ngân sách tỉnh bố trí 5.500 triệu đồng cho các nhiệm vụ của Đề án do cấp tỉnh chủ trì; ngoài "
            "ra, mỗi huyện, thị xã, thành phố trên địa bàn tỉnh Cà Mau (10 đơn vị) được bố trí 400 triệu đồng để "
            "triển khai Đề án tại địa phương.")
    figure = funding_total(text)
    assert figure.vnd == 9_500_000_000 and figure.ambiguous and "10" in figure.rule
    alone = funding_total("Mỗi huyện được bố trí 300 triệu đồng để triển khai Đề án; tỉnh có 9 huyện.")
    assert alone.vnd == 2_700_000_000 and alone.ambiguous
    uncounted = funding_total("Ngân sách tỉnh bố trí 5.500 triệu đồng; ngoài ra, mỗi huyện được bố trí 400 triệu đồng.")
    assert uncounted.ambiguous
    stated = funding_total("Tổng kinh phí năm 2022 là 9.500 triệu đồng; mỗi huyện (10 huyện) được 400 triệu đồng.")
    assert stated.vnd == 9_500_000_000 and not stated.ambiguous


def test_an_amount_each_month_over_a_span_of_months_is_counted_for_each_month_of_it():
    """Pool 57: "Từ tháng 6 đến hết tháng 12 năm 2022, ngân sách tỉnh bố trí cho Đề án … mỗi tháng
    290 triệu đồng …; đây là khoản kinh phí duy nhất của Đề án": seven months, June and December
    both counted, 2.030 triệu, worked out, for a person to check (it was 290 triệu, unflagged).
    "/tháng" after the amount says so too; without a span the amount each month is flagged."""
    text = ("Từ tháng 6 đến hết tháng 12 năm 2022, ngân sách tỉnh bố trí cho Đề án tại tỉnh Gia Lai mỗi tháng "
            "290 triệu đồng để chi trả tiền thuê dịch vụ vận hành Trung tâm giám sát, điều hành thông minh; đây là "
            "khoản kinh phí duy nhất của Đề án trong năm 2022.")
    figure = funding_total(text)
    assert figure.vnd == 2_030_000_000 and figure.ambiguous and "7" in figure.rule
    after = funding_total("Từ tháng 4 đến tháng 12, tỉnh thuê dịch vụ với giá 300 triệu đồng/tháng.")
    assert after.vnd == 2_700_000_000 and after.ambiguous
    alone = funding_total("Ngân sách tỉnh bố trí cho Đề án mỗi tháng 290 triệu đồng.")
    assert alone.vnd == 290_000_000 and alone.ambiguous


@pytest.mark.parametrize("text, vnd, period", [
    ("Mỗi quý, ngân sách tỉnh bố trí 450 triệu đồng cho Đề án, thực hiện trong 4 quý của năm 2022.",
     1_800_000_000, "quarter"),
    ("Kinh phí thuê dịch vụ bình quân mỗi năm 1.200 triệu đồng trong 3 năm 2022-2024.", 3_600_000_000, "year"),
    ("Tỉnh thuê đường truyền 35 triệu đồng mỗi tháng, trong 12 tháng năm 2022.", 420_000_000, "month"),
])
def test_an_amount_each_quarter_or_year_over_a_count_of_them_is_counted_for_each(text, vnd, period):
    """As an amount each month over a span of months: "mỗi quý … 450 triệu đồng … trong 4 quý" is four
    quarters' money, worked out, for a person to check (it was the amount alone, unflagged)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous and period in figure.rule


def test_an_amount_each_year_with_no_count_of_years_is_flagged_not_multiplied():
    yearly = funding_total("Hằng năm, tỉnh bố trí 1.200 triệu đồng cho Đề án.")
    assert yearly.vnd == 1_200_000_000 and yearly.ambiguous
    # a rate and the whole it adds up to: the whole, clear
    assert not funding_total("Tỉnh bố trí cho Đề án 2 tỷ đồng mỗi năm, 3 năm được 6 tỷ đồng.").ambiguous


@pytest.mark.parametrize("text", [
    "Kinh phí thực hiện năm 2022 là 5.000 triệu đồng, giảm 1.000 triệu đồng so với năm 2021.",
    "Kinh phí năm 2022 của Đề án là 4.800 triệu đồng, cao hơn năm 2021 là 800 triệu đồng.",
])
def test_an_amount_said_to_be_a_rise_or_fall_from_another_beside_the_total_is_flagged(text):
    # The difference is no part of the money: read as one (the sum, 6.000 and 5.600), unflagged.
    assert funding_total(text).ambiguous


def test_value_added_tax_is_no_rise_and_a_difference_alone_is_the_amount():
    assert not funding_total("Giá trị hợp đồng 2.000 triệu đồng, thuế giá trị gia tăng 200 triệu đồng.").ambiguous
    assert not funding_total("Năm 2022 tỉnh bố trí tăng 500 triệu đồng so với năm 2021.").ambiguous


def test_the_money_needed_less_the_part_not_given_is_the_schemes():
    """Pool 59: "Nhu cầu kinh phí năm 2022 của Đề án … là 4.000 triệu đồng; ngân sách tỉnh mới cân đối
    được một phần, còn thiếu 1.600 triệu đồng chưa được bố trí": the scheme has 2.400 triệu, worked
    out, for a person to check (the shortfall was taken for a part not yet shared out, and the need
    read as the total, unflagged). A part not yet shared out ("còn … chưa phân bổ") is still given."""
    text = ("Nhu cầu kinh phí năm 2022 của Đề án tại tỉnh Lạng Sơn là 4.000 triệu đồng; ngân sách tỉnh mới cân "
            "đối được một phần, còn thiếu 1.600 triệu đồng chưa được bố trí. Ngoài phần đã bố trí, Đề án không "
            "có nguồn kinh phí nào khác.")
    figure = funding_total(text)
    assert figure.vnd == 2_400_000_000 and figure.ambiguous
    kept = funding_total("Kinh phí là 15.592 triệu đồng, trong đó còn 1.950 triệu đồng chưa phân bổ chi tiết.")
    assert kept.vnd == 15_592_000_000


def test_another_part_given_as_less_or_more_than_the_named_one_is_worked_out():
    """Pool 59: "ngân sách tỉnh bố trí … 2.000 triệu đồng; ngân sách cấp huyện bố trí thấp hơn phần của
    ngân sách tỉnh 900 triệu đồng": the districts gave 1.100, the scheme 3.100 triệu (it was the sum,
    2.900, unflagged). More than it adds; a comparison with what the text does not name is flagged."""
    less = funding_total("Năm 2022, ngân sách tỉnh bố trí cho Đề án 2.000 triệu đồng; ngân sách cấp huyện bố trí "
                         "thấp hơn phần của ngân sách tỉnh 900 triệu đồng.")
    assert less.vnd == 3_100_000_000 and less.ambiguous
    more = funding_total("Ngân sách tỉnh bố trí 1.500 triệu đồng; vốn doanh nghiệp nhiều hơn ngân sách tỉnh "
                         "500 triệu đồng.")
    assert more.vnd == 3_500_000_000 and more.ambiguous
    unnamed = funding_total("Ngân sách tỉnh bố trí 1.500 triệu đồng; vốn doanh nghiệp 700 triệu đồng; ngân sách "
                            "huyện thấp hơn mức bình quân cả nước 200 triệu đồng.")
    assert unnamed.ambiguous


def test_no_other_source_is_no_statement_that_there_is_no_funding():
    # "Ngoài hai đợt này, Đề án không có nguồn kinh phí nào khác" beside an amount a scan garbled
    # ("2 700 trêu đồng"): no amount read, not "no funding" (it was 0, the pool-59 scan's Tuyên Quang).
    figure = funding_total("Đợt 1 là 2 700 trêu đồng. Ngoài hai đợt này, Đề án không có nguồn kinh phí nào khác.")
    assert figure.vnd is None
    assert funding_total("Năm 2022, Đề án không có nguồn kinh phí.").vnd == 0


def test_a_single_digit_before_a_group_of_three_after_la_is_one_number():
    # A scan's despeckling took the thousands dot for dust: "đợt 1 là 5 400 triệu đồng" is 5.400 (it
    # was 400), and so after a comma (pool 59: "…, 1 900 triệu đồng" was 900); "đợt 1 500 triệu"
    # stays two numbers, an instalment's and its amount.
    assert funding_total("Đợt 1 là 5 400 triệu đồng.").vnd == 5_400_000_000
    assert funding_total("Tổng kinh phí: 2 500 triệu đồng.").vnd == 2_500_000_000
    assert funding_total("Năm 2022, ngân sách huyện bố trí thêm, 1 900 triệu đồng.").vnd == 1_900_000_000
    assert funding_total("Đợt 1 500 triệu đồng.").vnd == 500_000_000


def test_a_part_of_the_money_for_a_task_not_the_schemes_is_taken_off_the_whole():
    """Pool 57: "… bố trí 9.600 triệu đồng cho ứng dụng công nghệ thông tin và chuyển đổi số; trong số
    này, 2.600 triệu đồng dành cho số hóa hồ sơ địa chính, nhiệm vụ không thuộc Đề án, phần còn lại
    dành toàn bộ cho các nhiệm vụ của Đề án": the scheme's money is the rest, 7.000 triệu, worked
    out, for a person to check (it was the sum, 12.200, unflagged). A part said not to be the
    scheme's that no rule reads flags the total."""
    text = ("Năm 2022, tỉnh An Giang bố trí 9.600 triệu đồng cho ứng dụng công nghệ thông tin và chuyển đổi số; "
            "trong số này, 2.600 triệu đồng dành cho số hóa hồ sơ địa chính, nhiệm vụ không thuộc Đề án, phần còn "
            "lại dành toàn bộ cho các nhiệm vụ của Đề án.")
    figure = funding_total(text)
    assert figure.vnd == 7_000_000_000 and figure.ambiguous
    stated = funding_total("Tỉnh bố trí 9.600 triệu đồng, trong đó 2.600 triệu đồng cho nhiệm vụ không thuộc Đề án.")
    assert stated.ambiguous


def test_a_second_instalment_given_as_a_share_of_the_first_named_by_its_number_is_added():
    """Pool 58: "… được cấp kinh phí làm hai đợt: đợt 1 là 2.600 triệu đồng; đợt 2 bằng 50% số kinh phí
    đợt 1": the instalments together, 3.900 triệu, worked out, for a person to check (it was the
    first, flagged by the percentage only). The share names the amount by its instalment's number."""
    figure = funding_total("Năm 2022, Đề án tại tỉnh Hà Tĩnh được cấp kinh phí làm hai đợt: đợt 1 là 2.600 triệu "
                           "đồng; đợt 2 bằng 50% số kinh phí đợt 1. Ngoài hai đợt này, Đề án không có nguồn kinh phí "
                           "nào khác.")
    assert figure.vnd == 3_900_000_000 and figure.ambiguous


def test_a_total_read_beside_a_multiple_or_a_fraction_no_rule_reads_is_for_review():
    """A multiple ("bằng 2 lần năm trước") or a fraction ("một nửa", "1/3") beside the amount read may
    have to be worked out into the total, in a wording no rule knows (pool 56's "gấp đôi" was read as
    last year's amount, unflagged): the figure read is for a person to check. A date's day and month
    ("ngày 16/5") and a document's number ("1683/BXD") are no fraction."""
    for said in ("Ngân sách tỉnh bảo đảm một nửa số kinh phí được cấp, tức 4.000 triệu đồng.",
                 "Kinh phí năm 2022 là 4.000 triệu đồng, bằng 2 lần năm trước.",
                 "Ngân sách huyện bảo đảm 1/3 số còn thiếu, 4.000 triệu đồng."):
        figure = funding_total(said)
        assert figure.vnd == 4_000_000_000 and figure.ambiguous and "fraction" in figure.rule, said
    assert not funding_total("Theo văn bản 1683/BXD-PTDT ngày 16/5/2022 và ngày 20/5, kinh phí là 4.000 triệu "
                             "đồng.").ambiguous


def test_a_total_read_beside_a_percentage_that_is_no_ratio_of_its_figures_is_for_review():
    """A percentage the text states beside the amount read (a tax, a share of another part, a
    rise) that is no ratio of two of its figures may have to be worked out into the total, in a
    wording no rule knows: the figure read is for a person to check. "đạt 88% kế hoạch" beside the
    plan and the amount spent, or "22.758/24.758 triệu đồng (đạt 91,9%)", only says their ratio."""
    figure = funding_total("Giá trị các hợp đồng năm 2022 là 22.700 triệu đồng; mức tăng so với năm 2021 là 12%.")
    assert figure.vnd == 22_700_000_000 and figure.ambiguous and "percentage" in figure.rule
    # a year is no figure a percentage is a ratio of (2021 is 10% of 20.210)
    assert funding_total("Năm 2021 tỉnh bố trí 20.210 triệu đồng, cao hơn kế hoạch 10%.").ambiguous
    for said in ("Kế hoạch vốn giao là 79.900 triệu đồng; đã giải ngân 71.110 triệu đồng, đạt 88% kế hoạch.",
                 "Kinh phí thực hiện Đề án đến nay đạt 22.758/24.758 triệu đồng kế hoạch (đạt 91,9%).",
                 "Kinh phí bố trí là 45.600 triệu đồng, tăng 22,0% so với giai đoạn 2017-2019 (37.377 triệu đồng).",
                 "Đã giải ngân 20 tỷ đồng, đạt 100% kế hoạch."):
        assert not funding_total(said).ambiguous, said


@pytest.mark.parametrize("text, vnd", [
    ("Dự toán kinh phí được duyệt 5.000 triệu đồng, thực hiện 4.600 triệu đồng.", 4_600_000_000),
    ("Dự toán năm 2022 giao 3.000 triệu đồng, ước thực hiện cả năm 2.800 triệu đồng.", 2_800_000_000),
    ("Kế hoạch vốn 2022 bố trí 4.000 triệu đồng; thực hiện đến 30/4/2022 là 1.500 triệu đồng.", 1_500_000_000),
])
def test_a_plan_and_what_was_carried_out_give_what_was_carried_out(text, vnd):
    """"Dự toán …, thực hiện …" is a budget report's plan and its execution side by side: the money
    is what was carried out (spent), not the sum of both. "Kinh phí thực hiện Đề án" names money
    for carrying the scheme out, no execution of a plan beside it."""
    assert funding_total(text).vnd == vnd
    assert funding_total("Tỉnh bố trí 1.000 triệu đồng; kinh phí thực hiện Đề án của các huyện là 500 triệu "
                         "đồng.").vnd == 1_500_000_000


def test_a_plan_adjusted_down_is_the_plan_less_the_cut():
    """"phân bổ 2.800 triệu đồng, sau đó điều chỉnh giảm 300 triệu đồng": the allocation itself cut,
    2.500 triệu, worked out for a person to check (it was read as the sum, unflagged)."""
    figure = funding_total("UBND tỉnh phân bổ 2.800 triệu đồng cho Đề án, sau đó điều chỉnh giảm 300 triệu đồng do "
                           "không triển khai kịp.")
    assert figure.vnd == 2_500_000_000 and figure.ambiguous


def test_a_supplement_by_a_percentage_of_the_named_estimate_is_added():
    """"… 2.000 triệu đồng; giữa năm được bổ sung thêm 15% dự toán" is a rise like "tăng 15%"."""
    figure = funding_total("Dự toán năm 2022 bố trí cho Đề án 2.000 triệu đồng; giữa năm được bổ sung thêm 15% dự "
                           "toán.")
    assert figure.vnd == 2_300_000_000 and figure.ambiguous


def test_a_share_written_before_the_amount_it_comes_to_gives_the_whole():
    """"Ngân sách tỉnh hỗ trợ 70% kinh phí, tương ứng 2.100 triệu đồng; phần còn lại do các doanh
    nghiệp": one source's share first, its amount after it; the scheme's money is the whole, 3.000
    triệu. A share reached in spending ("đạt 70% kinh phí được giao, tương ứng …") is what was spent."""
    figure = funding_total("Ngân sách tỉnh hỗ trợ 70% kinh phí, tương ứng 2.100 triệu đồng; phần còn lại do các "
                           "doanh nghiệp đóng góp.")
    assert figure.vnd == 3_000_000_000 and figure.ambiguous
    assert funding_total("Ngân sách tỉnh bảo đảm 40% kinh phí thực hiện Đề án, tương ứng với số tiền 1.200 triệu "
                         "đồng.").vnd == 3_000_000_000
    assert funding_total("Đến nay đã giải ngân đạt 70% kinh phí được giao, tương ứng 2.100 triệu đồng.").vnd \
        == 2_100_000_000


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí dự kiến 10 tỷ đồng; đến nay mới bố trí được 40% số kinh phí này.", 4_000_000_000),
    ("Chi cho Đề án chiếm 12% tổng chi ứng dụng công nghệ thông tin của tỉnh năm 2022 (25.000 triệu đồng).",
     3_000_000_000),
    ("Kinh phí thực hiện Đề án bằng 0,5% tổng chi ngân sách tỉnh năm 2022 (800.000 triệu đồng).", 4_000_000_000),
])
def test_the_schemes_share_of_an_amount_stated_is_worked_out(text, vnd):
    """An amount needed of which a share was given, or a whole of which the scheme's share is
    stated: the money is that share of the amount, for a person to check (both were read as the
    amount, unflagged)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous


def test_an_amount_each_quarter_of_a_year_is_counted_four_times():
    """"Mỗi quý tỉnh bố trí 250 triệu đồng trong năm 2022": every quarter of the year, 1.000 triệu;
    not where the text says when in the year it began."""
    assert funding_total("Mỗi quý tỉnh bố trí 250 triệu đồng trong năm 2022.").vnd == 1_000_000_000
    assert funding_total("Năm 2022, tỉnh bố trí cho Đề án mỗi tháng 100 triệu đồng trong cả năm.").vnd \
        == 1_200_000_000
    began = funding_total("Từ tháng 6 năm 2022, mỗi tháng tỉnh bố trí 100 triệu đồng trong năm 2022.")
    assert began.vnd == 100_000_000 and began.ambiguous


def test_a_rate_written_after_the_period_is_no_part_of_the_total():
    """"Kinh phí năm 2022 là 1.200 triệu đồng, bình quân mỗi tháng 100 triệu đồng": the year's money,
    the month's average not added to it (it was, 1.300 triệu)."""
    assert funding_total("Kinh phí năm 2022 là 1.200 triệu đồng, bình quân mỗi tháng 100 triệu đồng.").vnd \
        == 1_200_000_000


def test_a_share_of_a_total_the_line_does_not_give_states_no_total():
    """"Vốn ngân sách tỉnh: 2.000 triệu đồng (chiếm 80% tổng vốn); vốn doanh nghiệp: 500 triệu đồng":
    "tổng vốn" names the whole the part is a share of, not a total the line gives (2.000 was read
    as the stated total, unflagged); the parts add up. A share of a total the line does give
    still says the line states one (read as _line_total reads it)."""
    figure = funding_total("Vốn ngân sách tỉnh: 2.000 triệu đồng (chiếm 80% tổng vốn); vốn doanh nghiệp: 500 triệu "
                           "đồng (chiếm 20%).")
    assert figure.vnd == 2_500_000_000
    assert stated_totals("Ngân sách tỉnh 30 tỷ đồng, bằng 40% tổng vốn 75 tỷ đồng.") == {30_000_000_000}
    assert stated_totals("Ngân sách tỉnh 30 tỷ đồng (bằng 40% tổng vốn).") == set()


def test_what_is_left_of_a_plan_after_a_cut_by_a_percentage_is_the_money():
    """"Dự toán giao đầu năm 1.200 triệu đồng; sau khi tiết kiệm 10% chi thường xuyên, kinh phí còn
    lại để thực hiện là 1.080 triệu đồng": "còn lại" is what the cut left the scheme (1.200 less
    10%), not money left unspent (the plan less it, 120 triệu, was read)."""
    for said in ("Dự toán giao đầu năm 1.200 triệu đồng; sau khi tiết kiệm 10% chi thường xuyên, kinh phí còn lại "
                 "để thực hiện là 1.080 triệu đồng.",
                 "Năm 2022, tỉnh thực hiện tiết kiệm 10% chi thường xuyên từ dự toán 1.200 triệu đồng giao cho Đề "
                 "án, số còn lại 1.080 triệu đồng."):
        assert funding_total(said).vnd == 1_080_000_000, said
    # what is left unspent, no cut that comes to it: the plan less it
    assert funding_total("Dự toán giao 1.200 triệu đồng, tiết kiệm 10% chi thường xuyên; đến nay còn 300 triệu đồng "
                         "chưa giải ngân.").vnd == 900_000_000


@pytest.mark.parametrize("text, vnd", [
    ("Ngân sách tỉnh chi 1.000 triệu đồng, ngân sách huyện chi gấp đôi ngân sách tỉnh.", 3_000_000_000),
    ("Ngân sách tỉnh bố trí 2.000 triệu đồng; xã hội hóa huy động gấp 1,5 lần ngân sách tỉnh.", 5_000_000_000),
    ("Ngân sách tỉnh bố trí 2.000 triệu đồng; ngân sách các huyện bố trí bằng 1/4 ngân sách tỉnh.", 2_500_000_000),
    ("Ngân sách tỉnh bố trí 900 triệu đồng; ngân sách các huyện bố trí bằng một phần ba số đó.", 1_200_000_000),
])
def test_another_part_given_as_a_multiple_or_fraction_of_the_named_one_is_added(text, vnd):
    """Like "bằng 20% vốn vay ODA" (pool 53), another part of the money given only as a multiple or
    a fraction of the named part: both parts, worked out for a person to check (the named part
    alone was read, flagged)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous


def test_thousands_set_apart_by_commas_english_style_are_one_number():
    """"1,250,000,000 đồng", as a spreadsheet set to English prints it: two commas or more are
    thousands, not a decimal comma (it was no amount); one comma stays a decimal one."""
    assert funding_total("Tổng kinh phí: 1,250,000,000 đồng.").vnd == 1_250_000_000
    assert funding_total("Tổng kinh phí: 12,5 tỷ đồng.").vnd == 12_500_000_000


def test_what_was_paid_of_a_contracts_value_is_the_money_spent():
    """"Giá trị hợp đồng … là 3.600 triệu đồng, tỉnh đã thanh toán … 1.200 triệu đồng": the contract's
    value is a commitment, what was paid of it the money spent (the sum, 4.800, was read)."""
    assert funding_total("Giá trị hợp đồng thuê dịch vụ công nghệ thông tin 36 tháng là 3.600 triệu đồng, tỉnh đã "
                         "thanh toán 12 tháng với số tiền 1.200 triệu đồng.").vnd == 1_200_000_000
    assert funding_total("Giá trị hợp đồng là 3.600 triệu đồng.").vnd == 3_600_000_000


@pytest.mark.parametrize("text", ["Kinh phí đã bố trí: không.", "Kinh phí: Không có.\nKhó khăn: thiếu nhân lực.",
                                  "Kinh phí thực hiện: chưa bố trí.", "Việc triển khai Đề án không phát sinh chi phí."])
def test_a_funding_label_answered_none_states_no_funding(text):
    """A form's label answered "không" or "chưa bố trí", or "không phát sinh chi phí": no funding,
    0 (it was no figure); a label with no answer ("chưa có số liệu") says nothing of the money."""
    figure = funding_total(text)
    assert figure.vnd == 0 and figure.rule == "stated: no funding"
    assert funding_total("Kinh phí: chưa có số liệu.").vnd is None


@pytest.mark.parametrize("text, vnd", [
    ("Năm 2022, kinh phí thực hiện Đề án được bố trí từ hai nguồn là ngân sách tỉnh và ngân sách cấp huyện, mỗi "
     "nguồn 1.300 triệu đồng. Ngoài các nguồn này, Đề án không được bố trí thêm kinh phí.", 2_600_000_000),
    ("Mỗi huyện được bố trí 400 triệu đồng; tỉnh có 3 huyện tham gia thí điểm.", 1_200_000_000),
])
def test_an_amount_each_source_gets_is_counted_by_the_sources_named_in_words_or_figures(text, vnd):
    """Pool 60: "từ hai nguồn …, mỗi nguồn 1.300 triệu đồng": the count written in a word before
    the amount each gets (it was read as one source's, flagged)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    ("Dự toán năm 2022 giao cho Đề án tại tỉnh Sơn La là 3.500 triệu đồng. Do phát sinh thêm khối lượng, thực tế "
     "chi vượt dự toán 25%, phần vượt đã được UBND tỉnh bổ sung từ nguồn dự phòng ngân sách tỉnh.", 4_375_000_000),
    ("Kế hoạch vốn năm 2022 là 2.000 triệu đồng; đến nay giải ngân vượt 10% so với kế hoạch vốn.", 2_200_000_000),
])
def test_more_spent_than_the_named_estimate_by_a_percentage_is_the_money(text, vnd):
    """Pool 60: "thực tế chi vượt dự toán 25%" after the estimate: the money spent is the estimate and
    that much more (the estimate was read, flagged)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous


@pytest.mark.parametrize("text, vnd", [
    ("Ngân sách Trung ương hỗ trợ một nửa kinh phí thực hiện Đề án tại tỉnh Sơn La, là 1.900 triệu đồng; một nửa còn "
     "lại do ngân sách tỉnh bảo đảm.", 3_800_000_000),
    ("Ngân sách Trung ương hỗ trợ một phần tư kinh phí thực hiện Đề án, là 1.700 triệu đồng; ba phần tư còn lại do "
     "ngân sách tỉnh bảo đảm.", 6_800_000_000),
    ("Ngân sách huyện bảo đảm 1/3 kinh phí, tương ứng 4.000 triệu đồng.", 12_000_000_000),
])
def test_a_fraction_written_before_the_amount_it_comes_to_gives_the_whole(text, vnd):
    """Pool 61: one source's share as a fraction in words, then its amount ("một nửa kinh phí …, là
    1.900 triệu đồng"): the whole, worked out for review. The sentence shares the money between
    sources ("còn lại do ngân sách tỉnh bảo đảm"): the centre's part is money given, no support
    asked for (the sentence was left out as asked, so no amount was found)."""
    from baocao.aggregate.table import funding_figure
    from baocao.campaign import load_campaign

    figure = funding_figure(text, text, load_campaign())
    assert figure.vnd == vnd and figure.review


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí thực hiện Đề án giai đoạn 2020-2022 là 1.500 (triệu đồng).", 1_500_000_000),
    ("Kinh phí thực hiện Đề án là 3.500 (triệu đồng), trong đó ngân sách tỉnh 2.000 (triệu đồng).", 3_500_000_000),
    ("Tổng số 2,5 (tỷ đồng).", 2_500_000_000),
])
def test_a_unit_in_brackets_after_its_figure_is_the_figures_unit(text, vnd):
    """"1.500 (triệu đồng)", the unit as a form's column heading says it, written after the figure:
    no amount was found."""
    assert funding_total(text).vnd == vnd


def test_a_numbered_part_before_a_bracketed_unit_is_no_amount():
    """"Biểu số 02 (triệu đồng)" is the unit of the table the line names, not 2 million đồng."""
    assert [a.vnd for a in amounts_in("Biểu số 02 (triệu đồng) kèm theo; tổng kinh phí 3.400 triệu đồng.")] == [
        3_400_000_000]


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí: 1.200 triệu đồng + 800 triệu đồng = 2.000 triệu đồng.", 2_000_000_000),
    ("Tổng kinh phí: 1.200 triệu đồng + 800 triệu đồng + 500 triệu đồng = 2.500 triệu đồng.", 2_500_000_000),
])
def test_a_sum_written_out_is_the_amount_after_its_equals_sign(text, vnd):
    """"Tổng kinh phí: A + B = C": the total is C (the first part, A, was read as the stated total)."""
    assert funding_total(text).vnd == vnd


def test_a_projects_total_investment_beside_what_was_disbursed_is_its_plan():
    """"Tổng vốn đầu tư dự án … là 45 tỷ đồng, đã giải ngân 30 tỷ đồng": the project's investment is
    its plan, as "tổng mức đầu tư" is; what was disbursed is the money spent (the 45 was read as the
    stated total, unflagged)."""
    assert funding_total("Tổng vốn đầu tư dự án Trung tâm IOC là 45 tỷ đồng, đã giải ngân 30 tỷ đồng.").vnd == (
        30_000_000_000)


@pytest.mark.parametrize("text, vnd", [
    ("Kinh phí thực hiện giai đoạn 2018-2022 là 10 tỷ đồng, giai đoạn 2023-2025 dự kiến 20 tỷ đồng.", 10 * 10**9),
    ("Năm 2022 tỉnh đã bố trí 3.000 triệu đồng; dự kiến năm 2023 bố trí 5.000 triệu đồng.", 3 * 10**9),
    ("Tổng kinh phí dự kiến cho giai đoạn 2021 – 2025 là 50 tỷ đồng.", 50 * 10**9),
    ("Tổng kinh phí dự kiến là 5 tỷ đồng, trong đó ngân sách tỉnh 3 tỷ đồng.", 5 * 10**9),
])
def test_money_expected_after_the_money_stated_is_not_added_to_it(text, vnd):
    """"…, giai đoạn 2023-2025 dự kiến 20 tỷ đồng" after the period's 10 tỷ: money of a time to come
    (the two were added up, 30 tỷ, unflagged); an amount expected stated alone or first is the total."""
    assert funding_total(text).vnd == vnd


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí thực hiện Đề án năm 2022 (số liệu trích từ bảng tổng hợp của Sở Tài chính): 2,4E+09 đồng.",
     2_400_000_000),
    ("Tổng kinh phí: 1,2E+10 đồng.", 12_000_000_000),
    ("Tổng kinh phí: 2.4E9 đồng.", 2_400_000_000),
])
def test_a_spreadsheets_scientific_notation_is_read_and_checked(text, vnd):
    """Pool 62: "2,4E+09 đồng", a total pasted as a narrow Excel cell shows it: 2,4 × 10⁹ đồng (the
    exponent's "09 đồng" was read, 9 đồng, unflagged); for review, the cell may have rounded it."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous


def test_a_few_dong_are_no_money_a_report_states():
    assert amounts_in("Tổng kinh phí: 09 đồng.") == []
    assert [a.vnd for a in amounts_in("Đơn giá 1.500 đồng/trang.")] == [1500]


@pytest.mark.parametrize("text, vnd", [
    # pool 62: the plan and a cut in brackets, the report saying what brackets mean
    ("Kinh phí thực hiện Đề án tại tỉnh Phú Thọ năm 2022 (đơn vị tính: triệu đồng): dự toán giao đầu năm 6.200; "
     "điều chỉnh giữa năm (500); không có khoản điều chỉnh nào khác.\nSố liệu ghi trong ngoặc đơn (…) là số âm.",
     5_700_000_000),
    ("Kinh phí (triệu đồng): dự toán đầu năm 3.000; bổ sung 1.000; điều chỉnh (400).", 3_600_000_000),
])
def test_a_figure_in_brackets_on_a_line_of_figures_in_a_declared_unit_is_negative(text, vnd):
    """"dự toán giao đầu năm 6.200; điều chỉnh giữa năm (500)" under "(đơn vị tính: triệu đồng)":
    brackets are how accounts write a negative; the total is worked out, for review (no amount was
    found)."""
    figure = funding_total(text)
    assert figure.vnd == vnd and figure.ambiguous
    assert "(500)" in figure.rule or "(400)" in figure.rule


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí là 2.500 triệu đồng (500 triệu đồng từ xã hội hóa).", 2_500_000_000),
    ("Kinh phí (triệu đồng): (500); (300).", None),
])
def test_brackets_read_as_negative_only_among_figures_of_a_declared_unit_not_all_bracketed(text, vnd):
    assert funding_total(text).vnd == vnd


@pytest.mark.parametrize("text, vnd", [
    ("Kinh phí năm 2022 (đơn vị tính: triệu đồng): dự toán 6.200; đã giải ngân 5.100.", 5_100_000_000),
    ("Kinh phí thực hiện Đề án (triệu đồng): 2.500 (đã bao gồm 300 triệu đồng vốn xã hội hóa).", 2_500_000_000),
])
def test_the_declared_unit_applies_to_each_clauses_figure_on_its_own_line(text, vnd):
    """On the line declaring the unit, a figure ending any clause is in it, labelled by a colon or
    not, and a labelled figure before a bracket too (no amount was found; the 300 inside was read)."""
    assert funding_total(text).vnd == vnd


@pytest.mark.parametrize("text", ["Tổng kinh phí: 2,4E+090 triệu đồng.", "Tổng kinh phí: x5 tỷ đồng."])
def test_a_figure_glued_to_a_letter_or_an_operator_before_it_is_unclear(text):
    """The end of something written in a way not read (a notation, a code) may be read as a figure:
    it is to be checked, not taken as it stands."""
    assert funding_total(text).ambiguous


@pytest.mark.parametrize("text", ["Tổng kinh phí: VND 4,200,000,000.", "Tổng kinh phí: VNĐ 4.200.000.000."])
def test_the_currencys_code_before_the_figure_is_its_unit(text):
    """"VND 4,200,000,000", as English and banking forms write it (no amount was found)."""
    assert funding_total(text).vnd == 4_200_000_000


@pytest.mark.parametrize("text, vnd", [
    ("Dự toán giao 4.000 triệu đồng; số quyết toán 3.700 triệu đồng.", 3_700_000_000),
    ("Kinh phí đã cấp: 1.200 triệu đồng; kinh phí đã thanh quyết toán: 1.150 triệu đồng; kinh phí còn dư nộp trả "
     "ngân sách: 50 triệu đồng.", 1_150_000_000),
    ("Dự toán năm 2022 là 5.000 triệu đồng, số chuyển nguồn sang năm 2023 là 800 triệu đồng.", 4_200_000_000),
    ("Kinh phí năm 2022 gồm dự toán giao 2.000 triệu đồng và kinh phí chuyển nguồn từ năm 2021 sang 500 triệu đồng.",
     2_500_000_000),
])
def test_the_accounts_settled_are_spent_and_money_carried_to_next_year_or_returned_is_left(text, vnd):
    """"số quyết toán" (the accounts settled) is the money spent beside the plan; what is carried over
    to the next year ("chuyển nguồn sang năm 2023") or paid back ("nộp trả ngân sách") is left, while
    money carried in from the year before is more of the year's (each was summed, unflagged)."""
    assert funding_total(text).vnd == vnd


# "6,750 tỷ đồng": six point seven five tỷ as Vietnamese writes it, or a thousands dot a scan
# misread, or an English thousands comma. A typed report that writes numbers the Vietnamese
# way throughout leaves neither doubt.
TYPED_VIETNAMESE = ("Tỉnh đã số hóa 12.000 hồ sơ địa chính.",
                    "Kinh phí thực hiện năm 2022 (đơn vị tính: tỷ đồng): 6,750.")


def test_a_decimal_comma_before_three_digits_is_clear_in_a_report_typed_the_vietnamese_way():
    from baocao.aggregate.amounts import report_funding

    figure = report_funding(TYPED_VIETNAMESE[1], "\n".join(TYPED_VIETNAMESE))
    assert (figure.vnd, figure.ambiguous) == (6_750_000_000, False)


def test_the_same_figure_read_from_a_scan_is_still_to_check():
    from baocao.aggregate.amounts import report_funding

    figure = report_funding(TYPED_VIETNAMESE[1], "\n".join(TYPED_VIETNAMESE), ocr=True)
    assert (figure.vnd, figure.ambiguous) == (6_750_000_000, True)


@pytest.mark.parametrize("elsewhere", [
    "Tỉnh đã số hóa 12.000 hồ sơ; vốn ODA 1,250,000,000 đồng.",  # a figure with English thousands commas
    "Tỉnh đã số hóa 12.000 hồ sơ; năm 2021 đã chi 12.5 tỷ đồng.",  # an English decimal point
    "Tỉnh đã số hóa nhiều hồ sơ địa chính.",  # no thousands written at all
])
def test_a_report_that_writes_a_number_the_english_way_or_none_with_thousands_keeps_the_doubt(elsewhere):
    from baocao.aggregate.amounts import report_funding

    figure = report_funding(TYPED_VIETNAMESE[1], f"{elsewhere}\n{TYPED_VIETNAMESE[1]}")
    assert (figure.vnd, figure.ambiguous) == (6_750_000_000, True)


def test_a_total_in_the_dong_sign_as_a_spreadsheets_currency_format_prints_it():
    from baocao.aggregate.amounts import report_funding

    item = "Tổng kinh phí bố trí cho Đề án tại tỉnh năm 2022 là 5.225.000.000 ₫."
    figure = report_funding(item, item)
    assert (figure.vnd, figure.ambiguous) == (5_225_000_000, False)
    assert [a.vnd for a in amounts_in("đã giải ngân 4.000.000.000₫ và 125.000.000 ₫")] == [4 * 10**9, 125 * 10**6]


# How a finance office or its spreadsheet writes a total, each read as the đồng it says.
@pytest.mark.parametrize("written", [
    "5.225.000.000,- đồng",  # the dash closing an amount, as accounts write it
    "5.225.000.000,-đ",
    "5.225 (Đơn vị: triệu đồng)",  # the unit's label in the brackets after the figure
    "5.225 (ĐVT: triệu đồng)",
    "₫5.225.000.000",  # the đồng sign before the figure, as some currency formats print it
    "₫ 5.225.000.000",
    "5.225.000 ngđ",  # nghìn đồng shortened
    "5.225.000 ng.đ",
    "5.225.000 nghìn VNĐ",
    "5.225.000 ngàn đ",
    "5.225.000 (1.000 đồng)",  # a unit written as a number of đồng
])
def test_a_total_written_as_a_finance_office_writes_it(written):
    from baocao.aggregate.amounts import report_funding

    item = f"Tổng kinh phí thực hiện năm 2022 là {written}."
    figure = report_funding(item, item)
    assert (figure.vnd, figure.ambiguous) == (5_225_000_000, False)


@pytest.mark.parametrize(("declared", "figure"), [
    ("(ĐVT: 1.000 đồng)", "5.225.000"),
    ("(ĐVT: 1.000.000 đồng)", "5.225"),
    ("(Đơn vị tính: 1.000đ)", "5.225.000"),
    ("(1.000 đồng)", "5.225.000"),
])
def test_a_unit_declared_as_a_number_of_dong_is_the_unit_of_the_figures_not_an_amount(declared, figure):
    from baocao.aggregate.amounts import report_funding

    item = f"Tổng kinh phí thực hiện năm 2022 {declared}: {figure}"
    assert report_funding(item, item).vnd == 5_225_000_000


def test_a_table_declaring_its_unit_as_a_thousand_dong_reads_its_total_row_in_thousands():
    from baocao.aggregate.amounts import report_funding

    rows = "\n".join(["STT | Nội dung | Kinh phí (1.000 đồng)", "1 | Trung tâm IOC | 3.000.000",
                      "2 | Cổng dịch vụ công | 2.225.000", " | Tổng cộng | 5.225.000"])
    assert report_funding(rows, rows).vnd == 5_225_000_000
    assert report_funding(f"Đơn vị tính: 1.000 đồng\n{rows.replace(' (1.000 đồng)', '')}", rows).vnd == 5_225_000_000


def test_an_amount_of_a_million_dong_in_a_sentence_is_still_an_amount():
    """Only in a unit's declaration ("(", "ĐVT:") is "1.000.000 đồng" a unit."""
    assert [a.vnd for a in amounts_in("Mức hỗ trợ là 1.000.000 đồng mỗi người.")] == [1_000_000]


def test_a_figure_grouped_with_apostrophes_is_unclear():
    from baocao.aggregate.amounts import report_funding

    item = "Tổng kinh phí thực hiện năm 2022 là 5’225’000’000 đồng."
    assert report_funding(item, item).ambiguous


def test_a_table_with_a_unit_column_reads_each_row_in_its_own_unit():
    from baocao.aggregate.amounts import report_funding

    rows = "\n".join(["STT | Nội dung | Đơn vị tính | Kinh phí", "1 | Trung tâm IOC | tỷ đồng | 3",
                      "2 | Cổng dịch vụ công | triệu đồng | 2.225", " | Tổng cộng | triệu đồng | 5.225"])
    figure = report_funding(rows, rows)
    assert (figure.vnd, figure.ambiguous) == (5_225_000_000, False)


@pytest.mark.parametrize("filled", ["……3.267.000.000…… đồng", "......3.267.000.000...... đồng",
                                    "… 3.267 … triệu đồng"])
def test_a_forms_dotted_blank_filled_in_with_the_total_is_read(filled):
    """"Tổng kinh phí …: ……3.267.000.000…… đồng": the form's leader dots around the figure are
    neither a decimal mark nor the end of a sentence (pool 66: no amount found)."""
    from baocao.aggregate.amounts import report_funding

    item = f"Tổng kinh phí thực hiện Đề án tại tỉnh năm 2022: {filled}"
    assert (report_funding(item, item).vnd, report_funding(item, item).ambiguous) == (3_267_000_000, False)


def test_a_scans_speck_set_apart_beside_the_unit_cut_from_its_figure_does_not_hide_it():
    """A scan's line "… là 7.106.000.000,00" then "đồng. | )": a speck OCR set apart as a cell
    beside the unit is no table's; the figure is read with its unit (pool 66's Quảng Ngãi: no
    amount found)."""
    from baocao.aggregate.amounts import report_funding

    item = "Tổng kinh phí thực hiện Đề án năm 2022 là 7.106.000.000,00\nđồng. | )\nViệc bố trí kinh phí theo luật."
    assert report_funding(item, item, ocr=True).vnd == 7_106_000_000


def test_a_list_of_labelled_amounts_one_of_which_the_others_add_up_to_is_to_check():
    """"NSTW: 2.000 trđ, NSĐP: 1.500 trđ, XHH: 500 trđ": three sources listed alike; that the first
    equals the others' sum may be chance, so the total read from it is for a person to check. An
    amount broken down in words ("2.000 triệu đồng, gồm …") is the whole it says it is."""
    from baocao.aggregate.amounts import report_funding

    listed = "Kinh phí thực hiện: NSTW: 2.000 trđ, NSĐP: 1.500 trđ, XHH: 500 trđ."
    assert report_funding(listed, listed).ambiguous
    said = "Kinh phí thực hiện 2.000 triệu đồng, gồm ngân sách tỉnh 1.500 triệu đồng và xã hội hóa 500 triệu đồng."
    assert (report_funding(said, said).vnd, report_funding(said, said).ambiguous) == (2_000_000_000, False)


def test_a_table_of_contents_dot_leaders_end_the_reading_of_amounts():
    """A report's table of contents runs hundreds of dots before a page number or none; reading
    the leaders of a form's dotted blank (unit_rejoined) must not try them as runs of runs, which
    never ends (pool 20's Lạng Sơn .pdf, its TOC field, hung the reader). Read in a child process,
    so that a reader that does not end fails here instead of hanging the run."""
    import subprocess
    import sys

    code = ("from baocao.aggregate.amounts import report_funding\n"
            "toc = 'MỤC LỤC ' + '.' * 5000 + ' trang\\nTổng kinh phí năm 2022 là 5.225 triệu đồng.'\n"
            "print(report_funding(toc, toc).vnd)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "5225000000"
