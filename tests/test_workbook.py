"""The analyst's workbook is for people: every sheet's headers and values in Vietnamese, real
dates, amounts in tỷ đồng, the regions' counts right, and a "Kiểm tra" sheet of what to
check. The .csv, .json and .parquet are for scripts and keep the machine names and values."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timezone

import openpyxl
import pandas as pd
import pytest
from workbook import read_workbook

from baocao.aggregate.checklist import checklist
from baocao.aggregate.corrections import Corrections, apply_cells
from baocao.aggregate.export import TO_REVIEW_FILL, Consolidation, write_table
from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.aggregate.schema import (
    BY_2025_COLUMNS,
    CHECK_COLUMNS,
    HISTORY_COLUMNS,
    REGION_COLUMNS,
    SHEET_LABELS,
    THEME_COLUMNS,
    table_schema,
)
from baocao.aggregate.summary import by_2025_provinces, history, region_totals, theme_counts
from baocao.aggregate.table import build_table
from baocao.campaign import load_campaign
from baocao.parse.letterhead import ReportReference

UTC = timezone.utc
SECTIONS = {
    1: "Năm 2017 tỉnh đã xây dựng cổng dịch vụ công.",
    2: "UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh tại Quyết định số 3056/QĐ-UBND ngày 26/12/2019. "
       "Trung tâm IOC đã khai trương ngày 10/10/2020.",
    3: "Tỉnh đã ban hành kế hoạch tuyên truyền.",
    4: "Ngân sách tỉnh bố trí 20 tỷ đồng; vốn xã hội hóa 5,5 tỷ đồng.",
    5: "Thiếu nguồn nhân lực và kinh phí.",
    6: "Đề nghị Bộ ban hành hướng dẫn, quy định về dữ liệu.",
}
DAMAGED = "cannot read it as a Word .docx file (File is not a zip file). Open it in Word or LibreOffice …"


@pytest.fixture(scope="module")
def campaign():
    """The 1683 campaign cut to its first five provinces: Hà Nội, Hà Giang, Cao Bằng, Bắc Kạn, Tuyên Quang."""
    full = load_campaign()
    return dataclasses.replace(full, provinces=full.provinces[:5])


def report(code: str, received_at: datetime, sections=SECTIONS, error: str = "") -> ReportRecord:
    found = tuple(SectionRecord(n, f"{n}. Mục {n}", text, n * 10, n * 10 + 3, confidence=0.95)
                  for n, text in sections.items())
    document = DocumentRecord(f"bao-cao-{code}.docx", code * 32, "docx", "failed" if error else "ok", error,
                              () if error else found,
                              reference=ReportReference(f"{code}/BC-UBND", date(2022, 5, 18)))
    return ReportRecord(code * 32, f"<{code}@tinh.gov.vn>", f"sxd@{code}.gov.vn", "Báo cáo ĐTTM",
                        received_at, code, (document,))


@pytest.fixture(scope="module")
def reports():
    """Hà Nội on time with all six items; Hà Giang late without item 3; Cao Bằng's file damaged;
    Bắc Kạn and Tuyên Quang send nothing."""
    return [report("01", datetime(2022, 5, 20, 3, 0, tzinfo=UTC)),
            report("02", datetime(2022, 6, 2, 3, 30, tzinfo=UTC), {n: t for n, t in SECTIONS.items() if n != 3}),
            report("04", datetime(2022, 5, 21, 3, 0, tzinfo=UTC), error=DAMAGED)]


@pytest.fixture(scope="module")
def consolidation(reports, campaign):
    table = apply_cells(build_table(reports, campaign), Corrections())
    schema = table_schema(campaign)
    return Consolidation(table, region_totals(table), theme_counts(table, campaign), history(reports, table, campaign),
                         schema, checklist(table, reports, schema))


@pytest.fixture(scope="module")
def book(consolidation, tmp_path_factory):
    return openpyxl.load_workbook(write_table(consolidation, tmp_path_factory.mktemp("xlsx") / "bang.xlsx"))


def column(book, sheet: str, label: str) -> list:
    """The cells under a header, by the sheet's machine name and the column's label."""
    rows = list(book[SHEET_LABELS[sheet]].iter_rows())
    at = [cell.value for cell in rows[0]].index(label)
    return [row[at] for row in rows[1:]]


def by_province(book, sheet: str, label: str) -> dict:
    return dict(zip((c.value for c in column(book, sheet, "Mã tỉnh")), column(book, sheet, label), strict=True))


def test_every_sheet_has_a_vietnamese_title_and_its_columns_under_their_labels(book, consolidation):
    schema = consolidation.schema
    assert book.sheetnames == ["Bảng tổng hợp", "Tình trạng", "Số liệu", "Theo vùng", "Chủ đề", "Lịch sử nhận",
                               "Kiểm tra"]
    expected = {"table": schema.names, "status": schema.status_sheet,
                "figures": ["province_code", "province", *schema.figures_sheet]}
    for sheet, names in expected.items():
        assert [c.value for c in book[SHEET_LABELS[sheet]][1]] == [schema.labels[n] for n in names], sheet
    for sheet, columns in (("regions", REGION_COLUMNS), ("themes", THEME_COLUMNS), ("history", HISTORY_COLUMNS),
                           ("checks", CHECK_COLUMNS)):
        assert [c.value for c in book[SHEET_LABELS[sheet]][1]] == [c.label_vi for c in columns.columns], sheet
    headers = {c.value for sheet in book for c in sheet[1]}
    assert not headers & {"funding_vnd", "on_time", "status", "region", "provinces", "role", "received_at"}


def test_statuses_yes_no_themes_and_roles_read_in_vietnamese(book):
    statuses = {code: c.value for code, c in by_province(book, "status", "Tình trạng").items()}
    assert statuses == {"01": "Đúng hạn", "02": "Quá hạn", "04": "Không đọc được",
                                                         "06": "Chưa gửi", "08": "Chưa gửi"}
    assert {code: c.value for code, c in by_province(book, "status", "Có báo cáo gửi lại").items()} == \
        dict.fromkeys(["01", "02", "04", "06", "08"], "Không")
    figures = {code: c.value for code, c in by_province(book, "figures", "Trung tâm IOC đang vận hành").items()}
    assert (figures["01"], figures["06"]) == ("Có", None)   # unsaid stays empty
    themes = by_province(book, "figures", "Chủ đề khó khăn, vướng mắc")["01"].value
    assert "Nguồn nhân lực" in themes and "human_resources" not in themes
    history = book[SHEET_LABELS["history"]]
    assert [(row[3].value, row[9].value) for row in history.iter_rows(min_row=2)] == [
        ("Không", "Đang dùng"), ("Có", "Đang dùng"), ("Không", "Không đọc được")]


def test_instants_and_dates_are_excel_dates_on_the_campaigns_clock(book):
    received = by_province(book, "table", "Thời điểm nhận")
    assert received["01"].is_date and received["01"].value == datetime(2022, 5, 20, 10, 0)   # 03:00 UTC
    assert received["02"].value == datetime(2022, 6, 2, 10, 30) and received["06"].value is None
    assert received["01"].number_format == "dd/mm/yyyy hh:mm"
    report_date = by_province(book, "status", "Ngày báo cáo")["01"]
    assert report_date.is_date and report_date.value.date() == date(2022, 5, 18)
    assert report_date.number_format == "dd/mm/yyyy"
    history = column(book, "history", "Thời điểm nhận")
    assert all(c.is_date for c in history) and history[0].value == datetime(2022, 5, 20, 10, 0)


def test_amounts_are_in_ty_dong_with_two_decimals(book):
    funding = by_province(book, "figures", "Tổng kinh phí (tỷ đồng)")
    assert funding["01"].value == 25.5 and funding["01"].number_format == "#,##0.00"
    assert funding["06"].value is None   # not found is not 0
    national = column(book, "regions", "Tổng kinh phí (tỷ đồng)")[-1]
    assert national.value == 51 and national.number_format == "#,##0.00"
    confidence = by_province(book, "table", "Mục 1 – độ tin cậy")["01"]
    assert confidence.value == 0.95 and confidence.number_format == "0%"


def test_every_sheet_has_its_header_frozen_and_a_filter(book):
    for sheet in book:
        assert sheet.freeze_panes in ("B2", "C2") and sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert all(sheet.column_dimensions[c.column_letter].width >= 10 for c in sheet[1]), sheet.title


def test_regions_count_the_provinces_that_approved_a_scheme_and_run_an_ioc(consolidation, campaign, tmp_path):
    table = consolidation.table.copy()
    table["scheme_approved"] = pd.array([True, False, True, None, True], dtype="boolean")
    table["ioc_operating"] = pd.array([True, True, False, None, None], dtype="boolean")
    regions = region_totals(table).set_index("region")
    assert list(regions.columns) == [c for c in REGION_COLUMNS.names if c != "region"]
    hong, bac = regions.loc["Đồng bằng sông Hồng"], regions.loc["Trung du và miền núi phía Bắc"]
    assert (hong["scheme_approved"], hong["scheme_reported_by"], hong["ioc_operating"]) == (1, 1, 1)
    assert (bac["scheme_approved"], bac["scheme_reported_by"]) == (2, 3)
    assert (bac["ioc_operating"], bac["ioc_reported_by"]) == (1, 2)
    assert (regions.loc["Cả nước", "scheme_approved"], regions.loc["Cả nước", "ioc_operating"]) == (3, 2)

    book = openpyxl.load_workbook(write_table(dataclasses.replace(consolidation, table=table, regions=region_totals(
        table)), tmp_path / "bang.xlsx"))
    approved = column(book, "regions", "Số tỉnh đã phê duyệt Đề án đô thị thông minh")
    assert [c.value for c in approved] == [1, 2, 3]


def test_a_figure_corrected_with_words_is_counted_neither_yes_nor_said(consolidation):
    table = consolidation.table.copy()
    table["ioc_operating"] = pd.Series([True, "chưa rõ", False, None, True], dtype=object)
    national = region_totals(table).iloc[-1]
    assert (national["ioc_operating"], national["ioc_reported_by"]) == (2, 3)


def test_the_check_sheet_lists_in_vietnamese_what_a_person_should_check(book):
    rows = [[c.value for c in row] for row in book[SHEET_LABELS["checks"]].iter_rows(min_row=2)]
    assert rows == [
        ["02", "Hà Giang", "Ô cần kiểm tra", "3. Tuyên truyền, chương trình, kế hoạch", None,
         "trống dù tỉnh đã báo cáo"],
        ["04", "Cao Bằng", "Tệp chưa đọc được đầy đủ", None, "bao-cao-04.docx",
         "Tệp hỏng hoặc không đúng định dạng: mở thử, hoặc đề nghị tỉnh gửi lại."],
        ["06", "Bắc Kạn", "Chưa gửi báo cáo", None, None, "Đôn đốc tỉnh gửi báo cáo."],
        ["08", "Tuyên Quang", "Chưa gửi báo cáo", None, None, "Đôn đốc tỉnh gửi báo cáo."],
    ]


def test_the_check_sheet_ends_with_the_reports_nobody_could_tell_the_province_of(consolidation, reports):
    unknown = dataclasses.replace(report("01", datetime(2022, 5, 22, 3, 0, tzinfo=UTC)), province_code="",
                                  message_id="<ai-gui@gmail.com>")
    checks = checklist(consolidation.table, [*reports, unknown], consolidation.schema)
    last = checks.iloc[-1]
    assert (last["province"], last["check"], last["file"]) == ("", "unassigned", "<ai-gui@gmail.com>")
    assert "gán tỉnh" in last["note"] and len(checks) == 5


def test_the_check_sheet_lists_a_read_report_whose_date_was_not_read(reports, campaign):
    undated = report("01", datetime(2022, 5, 20, 3, 0, tzinfo=UTC))
    undated = dataclasses.replace(undated, documents=(dataclasses.replace(
        undated.documents[0], reference=ReportReference("01/BC-UBND", None)),))
    received = [undated, *reports[1:]]
    table = build_table(received, campaign)
    checks = checklist(table, received, table_schema(campaign))
    reference = checks[checks["check"] == "reference"]
    assert reference[["province", "item"]].values.tolist() == [["Hà Nội", "Số, ngày báo cáo"]]
    assert reference["note"].iloc[0].startswith("Chưa đọc được ngày báo cáo")
    assert "report_date" in reference["note"].iloc[0] and "report_number" not in reference["note"].iloc[0]


def test_the_csv_json_and_parquet_keep_the_machine_names_and_values(consolidation, tmp_path):
    table, schema = consolidation.table, consolidation.schema
    write_table(consolidation, tmp_path / "bang.csv")
    write_table(consolidation, tmp_path / "bang.json")
    write_table(consolidation, tmp_path / "bang.parquet")
    assert (tmp_path / "bang.csv").read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(schema.names)
    records = json.loads((tmp_path / "bang.json").read_text(encoding="utf-8"))
    hanoi = records[0]
    assert list(hanoi) == schema.names
    assert (hanoi["status"], hanoi["received_at"], hanoi["report_date"]) == \
        ("on_time", "2022-05-20T10:00:00+07:00", "2022-05-18")
    assert (hanoi["funding_vnd"], hanoi["ioc_operating"], hanoi["corrected"]) == (25_500_000_000, True, False)
    assert hanoi["difficulty_themes"] == "resources;human_resources"
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "bang.parquet"), table)


def test_the_workbook_reads_back_to_the_table_by_machine_names(consolidation, tmp_path, campaign):
    write_table(consolidation, tmp_path / "bang.xlsx")
    back = read_workbook(tmp_path / "bang.xlsx", campaign, keep_default_na=False)["table"]
    table = consolidation.table
    assert list(back.columns) == list(table.columns)
    for name in ("province_code", "status", "received_at", "report_date", "corrected", "ioc_operating",
                 "difficulty_themes"):
        assert list(back[name].replace({None: pd.NA})) == list(table[name].astype(object).replace({None: pd.NA})), \
            name
    assert list(back["funding_vnd"]) == list(table["funding_vnd"])


def test_the_2025_provinces_view_has_vietnamese_headers_and_amounts_in_ty(consolidation, tmp_path):
    frame = by_2025_provinces(consolidation.table)
    book = openpyxl.load_workbook(write_table(frame, tmp_path / "moi.xlsx", BY_2025_COLUMNS))
    sheet = book[SHEET_LABELS["table"]]
    assert [c.value for c in sheet[1]] == [c.label_vi for c in BY_2025_COLUMNS.columns]
    funding = [row[6] for row in sheet.iter_rows(min_row=2) if row[6].value is not None]
    assert funding and all(c.number_format == "#,##0.00" for c in funding)


def test_a_funding_figure_to_check_is_on_the_check_sheet_and_filled_in_the_table(consolidation, reports, tmp_path):
    table = consolidation.table.copy()
    table.loc[table["province_code"] == "01", ["funding_review", "funding_note"]] = \
        [True, "kinh phí đọc ngoài mục kinh phí"]
    checks = checklist(table, reports, consolidation.schema)
    funding = checks[checks["check"] == "funding"]
    assert funding[["province", "item", "note"]].values.tolist() == [
        ["Hà Nội", "Tổng kinh phí", "kinh phí đọc ngoài mục kinh phí"]]

    book = openpyxl.load_workbook(write_table(dataclasses.replace(consolidation, table=table, checks=checks),
                                              tmp_path / "bang.xlsx"))
    note = by_province(book, "table", "Kinh phí – lý do cần kiểm tra")
    assert note["01"].value == "kinh phí đọc ngoài mục kinh phí"
    filled = {code: cell.fill.fgColor.rgb.endswith(TO_REVIEW_FILL)
              for code, cell in zip((c.value for c in column(book, "table", "Mã tỉnh")),
                                    column(book, "table", "Kinh phí – lý do cần kiểm tra"), strict=True)}
    assert filled["01"] and not any(v for code, v in filled.items() if code != "01")
    assert "Số liệu kinh phí cần kiểm tra" in [c.value for c in column(book, "checks", "Việc cần kiểm tra")]


def test_support_or_needs_to_check_are_on_the_check_sheet_and_filled_in_the_table(consolidation, reports, tmp_path):
    table = consolidation.table.copy()
    needs = ["needs_2022_2025_vnd", "needs_2022_2025_review", "needs_2022_2025_note"]
    table.loc[table["province_code"] == "01", needs] = [90 * 10**9, True, "nêu cho giai đoạn 2021–2025"]
    checks = checklist(table, reports, consolidation.schema)
    funding = checks[checks["check"] == "funding"]
    assert ["Hà Nội", "Nhu cầu kinh phí giai đoạn 2022–2025 (tỷ đồng)", "nêu cho giai đoạn 2021–2025"] in \
        funding[["province", "item", "note"]].values.tolist()
    book = openpyxl.load_workbook(write_table(dataclasses.replace(consolidation, table=table, checks=checks),
                                              tmp_path / "bang.xlsx"))
    filled = {code: cell.fill.fgColor.rgb.endswith(TO_REVIEW_FILL)
              for code, cell in zip((c.value for c in column(book, "table", "Mã tỉnh")),
                                    column(book, "table", "Nhu cầu kinh phí giai đoạn 2022–2025 (tỷ đồng)"),
                                    strict=True)}
    assert filled["01"] and not any(v for code, v in filled.items() if code != "01")
