"""Funding amounts as Vietnamese documents write them."""

import pytest

from baocao.aggregate.amounts import amounts_in, funding_total


@pytest.mark.parametrize("text, vnd", [
    ("Tổng kinh phí thực hiện khoảng 125,5 tỷ đồng.", 125_500_000_000),
    ("Kinh phí: 3.200 triệu đồng.", 3_200_000_000),
    ("Kinh phí 1.250.000.000 đồng từ ngân sách tỉnh.", 1_250_000_000),
    ("Dự kiến 1,2 nghìn tỷ đồng.", 1_200_000_000_000),
    ("khoảng 40 tỷ", 40_000_000_000),
    ("kinh phí 15 tỉ đồng", 15_000_000_000),
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


def test_an_amount_in_words_that_repeats_the_figure_is_not_counted_twice():
    text = "Kinh phí: 1.205.000.000 đồng (Bằng chữ: Một tỷ hai trăm linh năm triệu đồng)."
    assert funding_total(text).vnd == 1_205_000_000


@pytest.mark.parametrize("words, number", [
    ("mot ty hai tram linh nam trieu", 1_205_000_000),
    ("muoi lam ty", 15_000_000_000),
    ("hai muoi mot trieu", 21_000_000),
    ("mot nghin hai tram ty", 1_200_000_000_000),
    ("bon tram nam muoi nghin", 450_000),
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


def test_a_unit_in_a_header_cell_is_the_unit_of_the_table():
    table = "TT | Nội dung | Kinh phí (triệu đồng)\n1 | Trung tâm IOC | 25.400\n | Tổng cộng | 25.400"
    assert funding_total(table).vnd == 25_400_000_000
