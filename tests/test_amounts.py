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
