"""Funding amounts as Vietnamese documents write them."""

import pytest

from baocao.aggregate.amounts import funding_total


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
