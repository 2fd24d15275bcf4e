"""The analyst's table is one schema: its columns (order, type, label), the statuses a
province can have and when a report is late are written once, in aggregate/schema.py, and
the table, its workbook, the report and the corrections all follow it."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from baocao.aggregate.corrections import Corrections, CorrectionsError, apply_cells, load_corrections
from baocao.aggregate.export import Consolidation, write_table
from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.aggregate.schema import REPORTED, SHEET_LABELS, Status, is_late, table_schema
from baocao.aggregate.summary import history, region_totals, theme_counts
from baocao.aggregate.table import build_table
from baocao.campaign import load_campaign
from baocao.render.letter import build_report

UTC = timezone.utc
VN = timezone(timedelta(hours=7))
SECTION_TEXT = {
    1: "Năm 2017 tỉnh đã xây dựng cổng dịch vụ công.",
    2: "UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh tại Quyết định số 3056/QĐ-UBND ngày 26/12/2019. "
       "Trung tâm IOC đã khai trương ngày 10/10/2020.",
    3: "Tỉnh đã ban hành kế hoạch tuyên truyền.",
    4: "Ngân sách tỉnh bố trí 20 tỷ đồng; vốn xã hội hóa 5,5 tỷ đồng.",
    5: "Thiếu nguồn nhân lực và kinh phí.",
    6: "Đề nghị Bộ ban hành hướng dẫn, quy định về dữ liệu.",
}


@pytest.fixture(scope="module")
def campaign():
    """The 1683 campaign cut to its first five provinces: Hà Nội, Hà Giang, Cao Bằng, Bắc Kạn, Tuyên Quang."""
    full = load_campaign()
    return dataclasses.replace(full, provinces=full.provinces[:5])


def report(code: str, received_at: datetime, readable: bool = True, sections=SECTION_TEXT) -> ReportRecord:
    found = tuple(SectionRecord(n, f"{n}. Mục {n}", text, n * 10, n * 10 + 3) for n, text in sections.items())
    document = DocumentRecord(f"bao-cao-{code}.docx", "ab" * 32, "docx", "ok" if readable else "failed",
                              "" if readable else "the file is damaged", found if readable else ())
    return ReportRecord(f"{code}" * 32, f"<{code}@tinh.gov.vn>", f"sxd@{code}.gov.vn", "Báo cáo ĐTTM",
                        received_at, code, (document,))


@pytest.fixture(scope="module")
def reports():
    """Hà Nội on time, Hà Giang late, Cao Bằng unreadable; Bắc Kạn and Tuyên Quang send nothing."""
    return [report("01", datetime(2022, 5, 20, 3, 0, tzinfo=UTC)),
            report("02", datetime(2022, 6, 2, 3, 0, tzinfo=UTC)),
            report("04", datetime(2022, 5, 21, 3, 0, tzinfo=UTC), readable=False)]


@pytest.fixture(scope="module")
def table(reports, campaign):
    return apply_cells(build_table(reports, campaign), Corrections())


def test_the_table_has_the_schema_columns_in_order_and_with_their_types(table, campaign):
    schema = table_schema(campaign)
    assert list(table.columns) == schema.names
    for column in schema.columns:
        if column.dtype == "str":  # text: pandas' own text type
            assert pd.api.types.is_string_dtype(table[column.name]), column.name
        else:
            assert str(table[column.name].dtype) == column.dtype, column.name
    assert schema.column("funding_vnd").dtype == "Int64" and schema.column("scheme_approved").dtype == "boolean"


def test_the_schema_is_built_from_the_campaigns_outline_and_figures(campaign):
    schema = table_schema(campaign)
    assert schema.names_in("section") == [f"section_{s.number}" for s in campaign.sections]
    assert [schema.column(f"section_{s.number}").label_vi for s in campaign.sections] == \
        [s.label for s in campaign.sections]
    sources = [f"funding_{s.key}_vnd" for s in campaign.figures.funding_sources]
    assert sources and set(sources) <= set(schema.names_in("figure"))

    without_figures = load_campaign(Path(__file__).parent / "data" / "campaign-mini.toml")
    plain = table_schema(without_figures)
    assert "scheme_approved" not in plain.names and "difficulty_themes" not in plain.names
    assert plain.names_in("section") == ["section_1", "section_2"]


def test_the_workbook_status_and_figures_sheets_are_views_of_the_schema(table, reports, campaign, tmp_path):
    schema = table_schema(campaign)
    consolidation = Consolidation(table, region_totals(table), theme_counts(table, campaign),
                                  history(reports, table, campaign), schema)
    book = openpyxl.load_workbook(write_table(consolidation, tmp_path / "bang.xlsx"))

    def headers(sheet: str) -> list[str]:
        """The sheet's columns, by their machine names: the workbook shows their Vietnamese labels."""
        names = {label: name for name, label in schema.labels.items()}
        return [names[cell.value] for cell in book[SHEET_LABELS[sheet]][1]]

    assert headers("table") == schema.names
    assert headers("status") == schema.status_sheet == [
        "province_code", "province", "region", "status", "received_at", "report_number", "report_date", "reports",
        "corrected", "sections_found", "cells_to_review", "overridden", "error"]
    assert headers("figures") == ["province_code", "province", "funding_vnd", *schema.names_in("figure")]
    assert [cell.value for cell in book[SHEET_LABELS["table"]][1]][:3] == ["Mã tỉnh", "Tỉnh, thành phố", "Vùng"]


def test_statuses_keep_their_values_and_their_vietnamese_labels():
    assert [s.value for s in Status] == ["on_time", "late", "missing", "unreadable"]
    assert {s.value: s.label for s in Status} == {
        "on_time": "Đúng hạn", "late": "Quá hạn", "missing": "Chưa gửi", "unreadable": "Không đọc được"}


def test_the_report_shows_the_statuses_labels(table, campaign):
    report = build_report(table, campaign, date(2022, 6, 20))
    annex_i = next(b for b in report.annexes[0].blocks if b.ident == "provinces-annex")
    shown = {row[-1] for row in annex_i.rows if row[0].isdigit()}
    # A late report says by how many days ("Chậm 2 ngày") rather than the bare label.
    assert {s.label for s in Status if s is not Status.LATE} <= shown
    assert any(label.startswith("Chậm ") and label.endswith(" ngày") for label in shown)


def test_a_status_not_reported_is_not_counted_as_reported(table, campaign):
    assert REPORTED == {"on_time", "late", "unreadable"}
    assert not Status.MISSING.reported and all(s.reported for s in Status if s is not Status.MISSING)
    national = region_totals(table).iloc[-1]
    summary = build_report(table, campaign, date(2022, 6, 20)).summary
    assert (national["reported"], national["missing"]) == (3, 2)
    assert (summary.reported, summary.missing) == (3, 2)


@pytest.mark.parametrize("received_at, late", [
    (datetime(2022, 5, 30, 0, 0, tzinfo=VN), True),                   # the deadline instant itself
    (datetime(2022, 5, 29, 23, 59, 59, tzinfo=VN), False),            # a second before
    (datetime(2022, 5, 29, 17, 0, tzinfo=UTC), True),                 # the deadline instant, logged in UTC
    (datetime(2022, 5, 29, 16, 59, 59, 999999, tzinfo=UTC), False),   # just before it, in UTC
    (datetime(2022, 5, 29, 23, 30, tzinfo=UTC), True),                # still the 29th in UTC, the 30th in Vietnam
])
def test_a_report_is_late_from_the_deadline_instant_in_the_campaigns_time_zone(campaign, received_at, late):
    assert is_late(received_at, campaign) is late


def test_the_table_and_the_history_decide_lateness_alike(campaign):
    at_deadline = [report("01", datetime(2022, 5, 29, 17, 0, tzinfo=UTC)),
                   report("02", datetime(2022, 5, 29, 16, 59, 59, tzinfo=UTC))]
    table = build_table(at_deadline, campaign).set_index("province_code")
    assert (table.loc["01", "status"], table.loc["02", "status"]) == ("late", "on_time")
    assert table.loc["01", "received_at"] == "2022-05-30T00:00:00+07:00"
    seen = history(at_deadline, table.reset_index(), campaign).set_index("province_code")
    assert (bool(seen.loc["01", "late"]), bool(seen.loc["02", "late"])) == (True, False)


def test_only_the_columns_the_schema_marks_correctable_can_be_corrected(campaign, tmp_path):
    schema = table_schema(campaign)
    fixed = [c.name for c in schema.columns if not c.correctable]
    assert fixed == ["province_code", "province", "region", "cells_to_review", "overridden"]
    for name in fixed:
        (tmp_path / "corrections.toml").write_text(
            f'[[correction]]\nprovince = "01"\nfield = "{name}"\nvalue = "x"\n', encoding="utf-8")
        with pytest.raises(CorrectionsError, match=r"\[\[correction\]\] number 1"):
            load_corrections(tmp_path, campaign)
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nprovince = "01"\nfield = "funding_oda_vnd"\nvalue = 7\n', encoding="utf-8")
    [cell] = load_corrections(tmp_path, campaign).cells
    assert cell.column == schema.column("funding_oda_vnd")


def test_a_correction_keeps_the_schemas_type_when_it_fits_and_the_analysts_words_when_not(table, campaign,
                                                                                          tmp_path):
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nprovince = "01"\nfield = "funding_vnd"\nvalue = 130000000000\n'
        '[[correction]]\nprovince = "02"\nfield = "ioc_operating"\nvalue = "chưa rõ"\n', encoding="utf-8")
    corrected = apply_cells(table, load_corrections(tmp_path, campaign)).set_index("province_code")
    assert str(corrected["funding_vnd"].dtype) == "Int64" and corrected.loc["01", "funding_vnd"] == 130_000_000_000
    assert corrected.loc["02", "ioc_operating"] == "chưa rõ"
    assert corrected.loc["02", "overridden"].startswith("ioc_operating (correction 2")


def test_a_correction_of_a_column_the_table_lacks_names_the_columns_it_has(campaign, tmp_path):
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nprovince = "01"\nfield = "kinh_phi"\nvalue = 1\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"no column 'kinh_phi'; columns are: status, .*funding_vnd"):
        load_corrections(tmp_path, campaign)


def test_figures_from_the_section_text_fill_the_schemas_figure_columns(table):
    hanoi = table.set_index("province_code").loc["01"]
    assert hanoi["funding_vnd"] == 25_500_000_000
    assert (hanoi["funding_ngan_sach_dia_phuong_vnd"], hanoi["funding_xa_hoi_hoa_vnd"]) == \
        (20_000_000_000, 5_500_000_000)
    assert hanoi["scheme_approved"] and hanoi["ioc_operating"]
    assert "human_resources" in hanoi["difficulty_themes"].split(";")
    assert pd.isna(table.set_index("province_code").loc["06", "funding_vnd"])
