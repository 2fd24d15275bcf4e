"""The figures the consolidated report needs, read from the provinces' text with the
campaign file's phrases."""

import pytest

from baocao.aggregate.figures import funding_by_source, ioc_operating, scheme_approval, themes_in
from baocao.campaign import load_campaign

FIGURES = load_campaign().figures


def test_funding_is_split_by_the_source_each_sentence_names_and_totals_are_not_counted_twice():
    text = ("Ngân sách tỉnh bố trí 20 tỷ đồng; vốn xã hội hóa 5,5 tỷ đồng; vốn ODA 300 triệu đồng. "
            "Tổng cộng 25,8 tỷ đồng.")
    assert funding_by_source(text, FIGURES.funding_sources) == {
        "ngan_sach_dia_phuong": 20_000_000_000, "xa_hoi_hoa": 5_500_000_000, "oda": 300_000_000}


@pytest.mark.parametrize("text, approved, on, decision", [
    ("UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh tại Quyết định số 3056/QĐ-UBND ngày 26/12/2019.",
     True, "26/12/2019", "3056/QĐ-UBND"),
    ("Đề án xây dựng đô thị thông minh được ban hành ngày 5 tháng 3 năm 2020.", True, "05/03/2020", ""),
    ("Tỉnh chưa phê duyệt Đề án đô thị thông minh, đang trình HĐND.", False, "", ""),
    ("Tỉnh đã triển khai nhiều ứng dụng công nghệ thông tin.", None, "", ""),
])
def test_scheme_approval_and_its_date_are_read_or_left_unsaid(text, approved, on, decision):
    found = scheme_approval(text, FIGURES.project_approval)
    assert (found.approved, found.on, found.decision) == (approved, on, decision)


@pytest.mark.parametrize("text, operating", [
    ("Trung tâm giám sát, điều hành đô thị thông minh tỉnh đi vào hoạt động từ tháng 3/2021.", True),
    ("Trung tâm IOC đã khai trương ngày 10/10/2020.", True),
    ("Tỉnh chưa có Trung tâm giám sát, điều hành đô thị thông minh.", False),
    ("Tỉnh đã xây dựng cổng dịch vụ công.", None),
])
def test_ioc_in_operation_is_read_or_left_unsaid(text, operating):
    assert ioc_operating(text, FIGURES.ioc) is operating


def test_themes_are_tagged_from_the_campaign_phrases_without_diacritics():
    text = "THIẾU NGUỒN NHÂN LỰC; co so du lieu chua dong bo; kinh phi han che."
    assert themes_in(text, FIGURES.themes) == ("resources", "human_resources", "data", "coordination")
