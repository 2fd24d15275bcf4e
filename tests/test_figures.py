"""The figures the consolidated report needs, read from the provinces' text with the
campaign file's phrases."""

import pytest

from baocao.aggregate.figures import (
    amount_stated,
    funding_by_source,
    ioc_operating,
    scheme_approval,
    themes_in,
    without_amounts_stated,
)
from baocao.aggregate.schema import table_schema
from baocao.campaign import load_campaign

FIGURES = load_campaign().figures
SUPPORT, NEEDS = (next(a for a in FIGURES.amounts if a.key == key) for key in ("support_requested", "needs_2022_2025"))


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


@pytest.mark.parametrize("text, split", [
    ("Tổng kinh phí giai đoạn 2018 – 2022 là 59 tỷ đồng, trong đó ngân sách địa phương 38 tỷ đồng, xã hội hóa 21 tỷ "
     "đồng.", {"ngan_sach_dia_phuong": 38 * 10**9, "xa_hoi_hoa": 21 * 10**9}),
    ("Từ nguồn ngân sách tỉnh, đã bố trí 20 tỷ đồng cho các dự án.", {"ngan_sach_dia_phuong": 20 * 10**9}),
    ("Tổng kinh phí khoảng 30,5 tỷ đồng, trong đó ngân sách địa phương chiếm khoảng 40%.", {}),
])
def test_a_sentence_is_split_clause_by_clause_and_a_total_counts_only_by_its_breakdown(text, split):
    assert funding_by_source(text, FIGURES.funding_sources) == split


HCM = "Đề án xây dựng Thành phố Hồ Chí Minh trở thành đô thị thông minh giai đoạn 2017 – 2020, tầm nhìn 2025"


@pytest.mark.parametrize("text, approved, on, decision", [
    # a scheme named otherwise than "Đề án … đô thị thông minh" with no word between
    (f"Ngày 23/11/2017, UBND Thành phố ban hành Quyết định số 6179/QĐ-UBND phê duyệt {HCM}.",
     True, "23/11/2017", "6179/QĐ-UBND"),
    (f"{HCM} được phê duyệt tại Quyết định số 6179/QĐ-UBND ngày 23/11/2017 của UBND Thành phố.",
     True, "23/11/2017", "6179/QĐ-UBND"),
    (f"Thành phố triển khai {HCM} (Quyết định số 6179/QĐ-UBND ngày 23/11/2017).", True, "23/11/2017", "6179/QĐ-UBND"),
    ("Đề án xây dựng thành phố Huế trở thành đô thị thông minh đã được UBND tỉnh phê duyệt tại Quyết định số "
     "712/QĐ-UBND ngày 15/3/2021.", True, "15/03/2021", "712/QĐ-UBND"),
    ("Thực hiện Quyết định số 950/QĐ-TTg ngày 01/8/2018 của Thủ tướng Chính phủ, UBND tỉnh đã phê duyệt Đề án phát "
     "triển đô thị thông minh tỉnh tại Quyết định số 1234/QĐ-UBND ngày 5/6/2020.", True, "05/06/2020", "1234/QĐ-UBND"),
    # not (yet) approved, however it is said
    ("Thành phố Hải Dương đang xây dựng Đề án đô thị thông minh với trọng tâm là giao thông.", False, "", ""),
    ("Sở Xây dựng đang hoàn thiện dự thảo Đề án phát triển đô thị thông minh tỉnh.", False, "", ""),
    ("Đề án phát triển đô thị thông minh tỉnh dự kiến được phê duyệt trong quý IV/2022.", False, "", ""),
    ("Đề án đô thị thông minh của tỉnh chưa được phê duyệt.", False, "", ""),
    # the nation's scheme, or another document about the scheme, is not the province's approval
    ("Thực hiện Quyết định số 950/QĐ-TTg ngày 01/8/2018 của Thủ tướng Chính phủ phê duyệt Đề án phát triển đô thị "
     "thông minh bền vững Việt Nam giai đoạn 2018 – 2025, UBND tỉnh đã ban hành Kế hoạch số 118/KH-UBND.",
     None, "", ""),
    ("UBND tỉnh đã ban hành Kế hoạch số 402/KH-UBND năm 2020 về triển khai Đề án đô thị thông minh.", None, "", ""),
    ("Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch.", None, "", ""),
])
def test_scheme_approval_is_read_from_the_sentences_structure_not_its_words(text, approved, on, decision):
    found = scheme_approval(text, FIGURES.project_approval)
    assert (found.approved, found.on, found.decision) == (approved, on, decision)


@pytest.mark.parametrize("text, support, needs", [
    ("Nhu cầu kinh phí giai đoạn 2022 – 2025 khoảng 1.200 tỷ đồng, trong đó đề nghị ngân sách Trung ương hỗ trợ "
     "400 tỷ đồng, ngân sách địa phương 600 tỷ đồng.", 400 * 10**9, 1200 * 10**9),
    ("Kinh phí khoảng 300 tỷ đồng đề nghị Trung ương hỗ trợ.", 300 * 10**9, None),
    ("Tổng nhu cầu vốn đến năm 2025 là 850 tỷ đồng.", None, 850 * 10**9),
    ("Đề nghị Bộ Xây dựng hỗ trợ tỉnh đào tạo cán bộ quản lý đô thị thông minh.", None, None),
])
def test_support_asked_of_the_centre_and_needs_are_the_amounts_their_words_introduce(text, support, needs):
    assert amount_stated(text, SUPPORT, FIGURES.amounts).vnd == support
    assert amount_stated(text, NEEDS, FIGURES.amounts).vnd == needs


@pytest.mark.parametrize("text, note", [
    ("Nhu cầu vốn giai đoạn 2021-2025 là 850 tỷ đồng.", "nêu cho giai đoạn 2021–2025"),
    ("Nhu cầu kinh phí giai đoạn 2022 – 2025 khoảng 12.5 tỷ đồng.", "số liệu chưa rõ"),
    ("Nhu cầu kinh phí giai đoạn 2022-2025 là 100 tỷ đồng. Tổng nhu cầu kinh phí 2022-2025 là 180 tỷ đồng.",
     "các câu nêu số khác nhau: 100,00 tỷ đồng, 180,00 tỷ đồng"),
])
def test_a_doubtful_amount_is_kept_and_says_why_to_check_it(text, note):
    found = amount_stated(text, NEEDS, FIGURES.amounts)
    assert found.vnd is not None and found.review and found.note == note


def test_money_asked_for_or_needed_is_neither_funding_spent_nor_a_source():
    text = ("Tổng nhu cầu kinh phí giai đoạn 2022 – 2025 khoảng 500 tỷ đồng. Tổng kinh phí đã bố trí là 20 tỷ đồng.\n"
            "Ngân sách tỉnh 12 tỷ đồng. Đề nghị ngân sách Trung ương hỗ trợ 200 tỷ đồng.")
    spent = without_amounts_stated(text, FIGURES.amounts)
    assert "500" not in spent and "200" not in spent and "20 tỷ" in spent
    assert funding_by_source(spent, FIGURES.funding_sources) == {"ngan_sach_dia_phuong": 12 * 10**9}


def test_money_needed_with_the_part_not_given_stays_to_work_the_money_given_out():
    # Pool 59: "Nhu cầu … là 4.000 triệu đồng; …, còn thiếu 1.600 triệu đồng chưa được bố trí": without
    # the need, the shortfall alone was read as the funding (1.600 for 2.400).
    text = ("Nhu cầu kinh phí năm 2022 của Đề án là 4.000 triệu đồng; ngân sách tỉnh mới cân đối được một phần, "
            "còn thiếu 1.600 triệu đồng chưa được bố trí.")
    assert without_amounts_stated(text, FIGURES.amounts) == text


@pytest.mark.parametrize("text, support", [
    # pool 60: the centre's support named among the sources the money was given from
    ("Kinh phí thực hiện Đề án được bố trí từ ba nguồn là ngân sách Trung ương hỗ trợ, ngân sách tỉnh và vốn xã "
     "hội hóa, mỗi nguồn 2.000 triệu đồng.", None),
    ("Năm 2022, ngân sách Trung ương đã hỗ trợ 2.000 triệu đồng cho Đề án.", None),
    # shared between sources, in clauses of one sentence
    ("Ngân sách Trung ương hỗ trợ một nửa kinh phí, là 1.900 triệu đồng; một nửa còn lại do ngân sách tỉnh bảo "
     "đảm.", None),
    # "Cần Thơ", "cán bộ" ask for nothing
    ("Kinh phí thực hiện Đề án tại thành phố Cần Thơ được bố trí từ ba nguồn là ngân sách Trung ương hỗ trợ, ngân "
     "sách thành phố và vốn xã hội hóa, mỗi nguồn 1.200 triệu đồng.", None),
    ("Cần Trung ương hỗ trợ 50 tỷ đồng để hoàn thành Trung tâm điều hành.", 50 * 10**9),
    # asked for, though the sentence says what was given too
    ("Tỉnh đã bố trí 20 tỷ đồng; đề nghị ngân sách Trung ương hỗ trợ 50 tỷ đồng.", 50 * 10**9),
    ("Ngân sách Trung ương hỗ trợ 30 tỷ đồng, tỉnh đối ứng 10 tỷ đồng.", 30 * 10**9),
])
def test_a_sentence_saying_the_money_was_given_asking_none_states_no_support_asked(text, support):
    """"được bố trí từ ba nguồn là ngân sách Trung ương hỗ trợ, …": money given, not asked for (its
    sentence was left out of the funding as support asked, so no amount was found); a request word
    ("đề nghị") or no word of giving keeps it asked."""
    assert amount_stated(text, SUPPORT, FIGURES.amounts).vnd == support
    if support is None:
        assert without_amounts_stated(text, FIGURES.amounts) == text


def test_each_amount_figure_has_its_columns_with_vietnamese_labels():
    schema = table_schema(load_campaign())
    assert schema.column("support_requested_vnd").label_vi == "Kinh phí đề nghị Trung ương hỗ trợ (tỷ đồng)"
    assert schema.column("needs_2022_2025_vnd").shown_as == "billion_dong"
    assert schema.column("needs_2022_2025_review").label_vi.endswith("cần kiểm tra")
    assert {"support_requested_vnd", "needs_2022_2025_note"} <= set(schema.figures_sheet)


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
