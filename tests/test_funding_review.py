"""The table's funding figure follows the report, not the heading: when the funding item
was not found, the total the report states elsewhere is still read, and the row says where
it came from and asks a person to check it (funding_review, funding_note); so does a figure
the reader is unsure of."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pandas as pd
import pytest

from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.aggregate.schema import table_schema
from baocao.aggregate.table import build_table
from baocao.campaign import load_campaign

SECTIONS = {
    1: "Năm 2017 tỉnh đã xây dựng cổng dịch vụ công.",
    2: "Tỉnh đã khai trương Trung tâm IOC. Tổng kinh phí thực hiện giai đoạn 2018 – 2022 là 30 tỷ 375 triệu đồng.",
    3: "Tỉnh đã ban hành kế hoạch tuyên truyền.",
    5: "Thiếu nguồn nhân lực.",
    6: "Đề nghị Bộ ban hành hướng dẫn.",
}


@pytest.fixture(scope="module")
def campaign():
    full = load_campaign()
    return dataclasses.replace(full, provinces=full.provinces[:1])


def report_of(sections: dict[int, str], *more: SectionRecord) -> ReportRecord:
    found = tuple(SectionRecord(n, f"{n}. Mục {n}", text, n * 10, n * 10 + 3) for n, text in sections.items())
    document = DocumentRecord("bao-cao.docx", "ab" * 32, "docx", "ok", "", (*found, *more))
    return ReportRecord("01" * 32, "<01@hanoi.gov.vn>", "sxd@hanoi.gov.vn", "Báo cáo ĐTTM",
                        datetime(2022, 5, 20, 3, 0, tzinfo=timezone.utc), "01", (document,))


def row_of(campaign, sections: dict[int, str]) -> dict:
    return build_table([report_of(sections)], campaign).iloc[0].to_dict()


# The funding item found only by its place: a cell to check.
DOUBTFUL_FUNDING_ITEM = SectionRecord(4, "IV. Nội dung khác", "Tổng kinh phí thực hiện là 12 tỷ đồng.", 40, 43,
                                      confidence=0.4, reasons=("by_position",))


def test_the_schema_has_the_funding_review_columns_with_their_vietnamese_labels(campaign):
    schema = table_schema(campaign)
    assert schema.column("funding_review").dtype == "bool"
    assert schema.column("funding_review").label_vi == "Kinh phí – cần kiểm tra"
    assert "funding_note" in schema.figures_sheet


def test_without_a_funding_item_the_total_stated_elsewhere_is_read_and_flagged(campaign):
    row = row_of(campaign, SECTIONS)
    assert row["funding_vnd"] == 30_375_000_000
    assert row["funding_rule"] == "outside the funding item (not found): stated total: 30 ty 375 trieu"
    assert row["funding_review"] and row["funding_note"] == "kinh phí đọc ngoài mục kinh phí"


def test_a_figure_read_in_the_funding_item_is_not_flagged(campaign):
    row = row_of(campaign, SECTIONS | {4: "Tổng kinh phí thực hiện là 12 tỷ đồng."})
    assert row["funding_vnd"] == 12_000_000_000 and row["funding_rule"] == "stated total: 12 ty"
    assert not row["funding_review"] and row["funding_note"] == ""


def test_an_unclear_figure_in_the_funding_item_is_flagged(campaign):
    row = row_of(campaign, SECTIONS | {4: "Kinh phí 12.5 tỷ đồng."})
    assert row["funding_review"] and row["funding_note"] == "số liệu chưa rõ, cần kiểm tra"


def test_a_funding_table_without_a_total_row_is_flagged_not_added_up(campaign):
    table = "Đơn vị: triệu đồng\nTT | Hạng mục | Kinh phí\n1 | Trung tâm IOC | 25.400\n2 | Dữ liệu mở | 8.000"
    row = row_of(campaign, SECTIONS | {4: table})
    assert pd_na(row["funding_vnd"]) and row["funding_rule"].startswith("table without a total row")
    assert row["funding_review"] and row["funding_note"] == "số liệu chưa rõ, cần kiểm tra"


def test_amounts_scattered_outside_the_funding_item_are_flagged_not_added_up(campaign):
    # (support asked of the centre is not funding at all: the second amount is one spent)
    sections = SECTIONS | {2: "Trung tâm IOC được đầu tư 20 tỷ đồng.",
                           6: "Năm 2021 tỉnh đã chi 50 tỷ đồng cho hạ tầng số."}
    row = row_of(campaign, sections)
    assert pd_na(row["funding_vnd"])
    assert row["funding_review"]
    assert row["funding_note"] == "kinh phí đọc ngoài mục kinh phí; số liệu chưa rõ, cần kiểm tra"


def test_a_report_that_names_no_amount_anywhere_has_no_figure_and_asks_a_person_to_find_it(campaign):
    """A report states its funding, if only to say there was none: an empty figure is a
    text lost or a heading missed, never a figure to take as it is."""
    row = row_of(campaign, {1: SECTIONS[1], 3: SECTIONS[3]})
    assert pd_na(row["funding_vnd"]) and row["funding_review"]
    assert row["funding_note"] == "không tìm thấy số kinh phí trong báo cáo"


def test_a_funding_item_with_no_amount_in_a_report_with_amounts_reads_them_and_is_flagged(campaign):
    """Its heading was most likely put in the wrong place: the amounts sit under another item."""
    row = row_of(campaign, SECTIONS | {4: "Năm 2023 tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung."})
    assert row["funding_vnd"] == 30_375_000_000
    assert row["funding_rule"] == "outside the funding item (it states no amount): stated total: 30 ty 375 trieu"
    assert row["funding_review"] and row["funding_note"] == "kinh phí đọc ngoài mục kinh phí"


def test_a_funding_item_that_says_no_funding_was_used_stays_zero_whatever_the_report_says(campaign):
    row = row_of(campaign, SECTIONS | {4: "Tỉnh chưa bố trí nguồn kinh phí riêng cho đô thị thông minh."})
    assert row["funding_vnd"] == 0 and not row["funding_review"]


def test_a_funding_item_with_no_amount_in_a_report_without_any_is_left_empty_and_flagged(campaign):
    row = row_of(campaign, {1: SECTIONS[1], 4: "Tỉnh đang rà soát các nguồn lực."})
    assert pd_na(row["funding_vnd"]) and row["funding_review"]
    assert row["funding_note"] == "không tìm thấy số kinh phí trong báo cáo"


def test_the_total_written_in_a_report_whose_headings_matched_no_item_is_read_and_flagged(campaign):
    """Funding follows the report, not the heading: the text of a document none of whose
    headings was recognised is kept (as its letterhead, the text before the first item)."""
    body = ("ỦY BAN NHÂN DÂN TỈNH\nBÁO CÁO\nCâu 1. Tình hình chung\nTỉnh đã xây dựng cổng dịch vụ công.\n"
            "Câu 4. Tiền đã chi\nTổng kinh phí thực hiện giai đoạn 2018 – 2022 khoảng 41 tỷ đồng.")
    document = DocumentRecord("bao-cao.docx", "ab" * 32, "docx", "no_sections", "", (), letterhead=body)
    report = ReportRecord("01" * 32, "<01@hanoi.gov.vn>", "sxd@hanoi.gov.vn", "Báo cáo ĐTTM",
                          datetime(2022, 5, 20, 3, 0, tzinfo=timezone.utc), "01", (document,))
    row = build_table([report], campaign).iloc[0].to_dict()
    assert row["funding_vnd"] == 41_000_000_000
    assert row["funding_rule"] == "outside the funding item (not found): stated total: khoang 41 ty (approximate)"
    assert row["funding_review"] and row["funding_note"] == "kinh phí đọc ngoài mục kinh phí"


def test_a_figure_read_from_a_funding_item_that_is_itself_to_check_is_flagged_with_it(campaign):
    """A figure is no surer than the text it was read from: a funding item found only by
    its place, say, may hold another item's amounts."""
    row = build_table([report_of(SECTIONS, DOUBTFUL_FUNDING_ITEM)], campaign).iloc[0].to_dict()
    assert row["section_4_review"] and row["funding_vnd"] == 12_000_000_000
    assert row["funding_review"] and row["funding_note"] == "đọc từ mục kinh phí cần kiểm tra"


def test_a_figure_flagged_for_its_doubtful_item_is_settled_when_the_analyst_checks_the_item(campaign, tmp_path):
    from baocao.aggregate.corrections import apply_cells, load_corrections
    from baocao.aggregate.review import settle_figures

    table = build_table([report_of(SECTIONS, DOUBTFUL_FUNDING_ITEM)], campaign)
    assert settle_figures(apply_cells(table, load_corrections(tmp_path, campaign)), 4).iloc[0]["funding_review"]
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nprovince = "01"\nfield = "section_4_review"\nvalue = false\n', encoding="utf-8")
    row = settle_figures(apply_cells(table, load_corrections(tmp_path, campaign)), 4).iloc[0]
    assert not row["funding_review"] and row["funding_note"] == ""
    assert row["funding_vnd"] == 12_000_000_000


def pd_na(value) -> bool:
    import pandas as pd

    return value is None or pd.isna(value)


def test_money_asked_for_or_needed_fills_its_own_columns_not_the_funding_spent(campaign):
    row = row_of(campaign, SECTIONS | {
        4: "Tổng nhu cầu kinh phí giai đoạn 2022 – 2025 khoảng 1.200 tỷ đồng, trong đó đề nghị ngân sách Trung ương "
           "hỗ trợ 400 tỷ đồng. Tổng kinh phí đã bố trí giai đoạn 2018 – 2022 là 35 tỷ đồng, trong đó ngân sách tỉnh "
           "20 tỷ đồng, xã hội hóa 15 tỷ đồng.",
        6: "Đề nghị Trung ương hỗ trợ 400 tỷ đồng để đầu tư hạ tầng số."})
    assert row["funding_vnd"] == 35 * 10**9 and not row["funding_review"]
    assert (row["funding_ngan_sach_dia_phuong_vnd"], row["funding_xa_hoi_hoa_vnd"]) == (20 * 10**9, 15 * 10**9)
    assert pd.isna(row["funding_ngan_sach_trung_uong_vnd"])
    assert (row["needs_2022_2025_vnd"], row["needs_2022_2025_review"]) == (1200 * 10**9, False)
    assert (row["support_requested_vnd"], row["support_requested_review"]) == (400 * 10**9, False)


@pytest.mark.parametrize("funding, spent, centre", [
    # pools 20-22: the centre's support in the list of what the item was spent from
    ("Kinh phí thực hiện các nhiệm vụ của Đề án:\n- Ngân sách tỉnh: 17.438 triệu đồng;\n- Ngân sách trung ương hỗ "
     "trợ: 9.931 triệu đồng.\nCộng: 27.369 triệu đồng.", 27_369_000_000, 9_931_000_000),
    ("Ngân sách Trung ương hỗ trợ 2.000 triệu đồng cho các hạng mục của Đề án.", 2_000_000_000, 2_000_000_000),
    ("Ngân sách Trung ương hỗ trợ 2.000 triệu đồng, ngân sách tỉnh 1.500 triệu đồng để thực hiện Đề án.",
     3_500_000_000, 2_000_000_000),
])
def test_the_centres_support_the_funding_item_names_with_no_word_asking_is_money_spent(campaign, funding, spent,
                                                                                     centre):
    """The funding item says what was spent: "Ngân sách Trung ương hỗ trợ 2.000 triệu đồng" there was
    given, not asked for (it was left out of the funding and counted as support asked)."""
    row = row_of(campaign, SECTIONS | {4: funding})
    assert row["funding_vnd"] == spent
    assert row["funding_ngan_sach_trung_uong_vnd"] == centre
    assert pd_na(row["support_requested_vnd"])


@pytest.mark.parametrize("funding", [
    "Đã bố trí 35 tỷ đồng. Đề nghị ngân sách Trung ương hỗ trợ 40 tỷ đồng.",
    "Tổng kinh phí đã bố trí là 35 tỷ đồng.\nTỉnh kiến nghị:\n- Ngân sách Trung ương hỗ trợ 40 tỷ đồng.",
])
def test_support_the_funding_item_asks_for_in_words_or_by_a_list_stays_asked(campaign, funding):
    row = row_of(campaign, SECTIONS | {4: funding})
    assert row["funding_vnd"] == 35 * 10**9
    assert row["support_requested_vnd"] == 40 * 10**9


def test_the_centres_support_named_in_the_proposals_with_no_word_asking_is_still_asked(campaign):
    row = row_of(campaign, SECTIONS | {6: "Ngân sách Trung ương hỗ trợ 40 tỷ đồng để đầu tư hạ tầng số."})
    assert row["support_requested_vnd"] == 40 * 10**9


def test_needs_for_another_period_are_kept_to_check_with_why(campaign):
    row = row_of(campaign, SECTIONS | {
        4: "Tổng kinh phí là 35 tỷ đồng. Nhu cầu vốn giai đoạn 2021 – 2025 là 90 tỷ đồng."})
    assert row["funding_vnd"] == 35 * 10**9
    assert row["needs_2022_2025_vnd"] == 90 * 10**9 and row["needs_2022_2025_review"]
    assert row["needs_2022_2025_note"] == "nêu cho giai đoạn 2021–2025"


def test_how_the_figure_was_read_stays_english_in_the_table_and_is_vietnamese_where_people_read_it(campaign):
    """funding_rule is a stable machine value (csv/json); the workbook, the desk and the
    checklist show it through the catalogue, the nested rule translated too."""
    from baocao.aggregate.export import shown
    from baocao.i18n import recorded_text

    row = row_of(campaign, SECTIONS)
    assert row["funding_rule"] == "outside the funding item (not found): stated total: 30 ty 375 trieu"
    said = "ngoài mục kinh phí (không tìm thấy mục này): tổng số nêu trong báo cáo: 30 ty 375 trieu"
    assert recorded_text(row["funding_rule"], "vi") == said
    schema = table_schema(campaign)
    frame = shown(pd.DataFrame({"funding_rule": [row["funding_rule"]]}), schema)
    assert frame["Cách đọc tổng kinh phí"].tolist() == [said]


def test_the_one_total_a_report_states_needs_no_person_though_its_funding_item_is_to_check(campaign):
    """The item's text may be in doubt (found by its place), but where the whole report
    states one total and the item holds it, no other text of the report could be its figure."""
    alone = {n: text for n, text in SECTIONS.items() if n != 2} | {2: "Tỉnh đã khai trương Trung tâm IOC."}
    row = build_table([report_of(alone, DOUBTFUL_FUNDING_ITEM)], campaign).iloc[0].to_dict()
    assert row["section_4_review"] and row["funding_vnd"] == 12_000_000_000
    assert not row["funding_review"] and row["funding_note"] == ""


def test_a_total_from_a_doubtful_funding_item_is_flagged_when_the_report_states_another(campaign):
    other = SECTIONS | {2: "Tổng kinh phí đầu tư Trung tâm IOC là 8 tỷ đồng."}
    row = build_table([report_of(other, DOUBTFUL_FUNDING_ITEM)], campaign).iloc[0].to_dict()
    assert row["funding_review"] and row["funding_note"] == "đọc từ mục kinh phí cần kiểm tra"


@pytest.mark.parametrize("ocr", [True, False])
def test_a_total_from_a_scan_whose_figures_ocr_garbled_is_flagged_with_them_a_typed_one_is_not(campaign, ocr):
    # Pool 31's Bạc Liêu scan: "19.363 triệu" read "19 363 triện": the scan's unit one letter off
    # "triệu" is read as it, the figure still for a person to compare with the page; typed, the
    # amount is unread and the total read is what was left.
    report = report_of(SECTIONS | {4: "Kinh phí tỉnh đã giải ngân cho Đề án là 19 363 triện đồng; số còn lại "
                                      "4.403 triệu đồng chuyển nguồn sang năm 2023."})
    scanned = dataclasses.replace(report, documents=(dataclasses.replace(report.documents[0], ocr=ocr),))
    row = build_table([scanned], campaign).iloc[0].to_dict()
    assert row["funding_vnd"] == (19_363_000_000 if ocr else 4_403_000_000)
    if ocr:
        assert row["funding_review"]
        assert row["funding_note"] == "OCR đọc không rõ số tiền (19 363 triện đồng): đối chiếu với bản chụp"
    else:
        assert not row["funding_review"] and row["funding_note"] == ""


# A figure far from the other provinces': a unit slipped, for a person to check.
def test_a_figure_a_thousand_times_the_provinces_median_is_to_check_and_says_why():
    from baocao.aggregate.review import far_from_the_others

    billions = [2, 5, 8, 12, 30, 4_400]  # tỷ; the last one "4.400 tỷ" where the page says 4,400
    notes = far_from_the_others([b * 10**9 for b in billions])
    assert notes[:5] == [""] * 5
    assert notes[5] == ("gấp hơn 300 lần trung vị kinh phí các tỉnh (10 tỷ): kiểm tra đơn vị tính, "
                        "dấu phân cách")


def test_a_figure_a_thousandth_of_the_median_is_to_check_too():
    from baocao.aggregate.review import far_from_the_others

    notes = far_from_the_others([9, 20 * 10**9, 10 * 10**9, 35 * 10**9, 8 * 10**9, 15 * 10**9])
    assert notes[0] == ("chưa bằng 1/300 trung vị kinh phí các tỉnh (12,5 tỷ): kiểm tra đơn vị tính, "
                        "dấu phân cách")
    assert notes[1:] == [""] * 5


def test_provinces_spread_a_few_dozen_times_apart_are_not_flagged():
    from baocao.aggregate.review import far_from_the_others

    assert not any(far_from_the_others([500 * 10**6, 3 * 10**9, 12 * 10**9, 20 * 10**9, 45 * 10**9, 400 * 10**9]))


def test_zeros_empty_cells_and_words_are_no_figures_and_too_few_figures_say_nothing():
    from baocao.aggregate.review import far_from_the_others

    # Four figures make no median to judge by, whatever stands beside them.
    assert not any(far_from_the_others([0, None, "khoảng 5 tỷ", 10**9, 2 * 10**9, 3 * 10**9, 10**15]))
    assert far_from_the_others([0, None, 10**9, 2 * 10**9, 3 * 10**9, 4 * 10**9, 10**15])[:2] == ["", ""]


def _table_of(billions: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"province_code": [f"{k + 1:02d}" for k in range(len(billions))],
                         "funding_vnd": pd.array([b * 10**9 for b in billions], dtype="Int64"),
                         "funding_review": [False, True, False, False, False, False],
                         "funding_note": ["", "số liệu chưa rõ, cần kiểm tra", "", "", "", ""]})


def test_the_table_flags_the_far_figure_and_keeps_the_note_it_had():
    from baocao.aggregate.review import flag_far_figures

    table = flag_far_figures(_table_of([3, 4_000, 5, 7, 9, 11]))
    assert table["funding_review"].tolist() == [False, True, False, False, False, False]
    assert table.at[1, "funding_note"] == ("số liệu chưa rõ, cần kiểm tra; gấp hơn 300 lần trung vị kinh phí các "
                                           "tỉnh (8 tỷ): kiểm tra đơn vị tính, dấu phân cách")


def test_a_far_figure_the_analyst_corrected_or_marked_checked_is_not_flagged_again():
    from baocao.aggregate.review import flag_far_figures

    table = _table_of([3, 5, 4_000, 7, 9, 11])
    assert flag_far_figures(table)["funding_review"].tolist()[2]
    assert not flag_far_figures(table, settled={"03"})["funding_review"].tolist()[2]
