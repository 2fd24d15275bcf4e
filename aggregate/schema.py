"""The analyst's table as a contract, written once: the statuses a province can have, when
a report is late, and the table's columns (their order, type and Vietnamese label). The
table, its export, the report and the analyst's corrections all read them from here.

Machine names and values are a stable interface (the .csv and .json the analysts keep);
labels are what a person reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

import pandas as pd

from baocao.campaign import Campaign


class Status(StrEnum):
    """Where a province stands with the campaign; the value is what the table holds."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def reported(self) -> bool:
        """A province that sent something counts as having reported, even if nothing in it
        could be read: the ministry then asks for a readable copy, not for a report."""
        return self is not Status.MISSING


_STATUS_LABELS = {
    Status.ON_TIME: "Đúng hạn",
    Status.LATE: "Quá hạn",
    Status.MISSING: "Chưa gửi",
    Status.UNREADABLE: "Không đọc được",
}

REPORTED = frozenset(s.value for s in Status if s.reported)

# How the workbook a person reads shows a yes or a no; an unsaid one stays empty.
YES, NO = "Có", "Không"


def is_late(received_at: datetime, campaign: Campaign) -> bool:
    """A report received at or after the deadline instant is late. Both are aware, so the
    comparison is of instants: 23:59:59 the evening before, Vietnam time, is on time even
    when the server logged it in UTC."""
    return received_at >= campaign.deadline


def status_of(received_at: datetime, campaign: Campaign) -> Status:
    return Status.LATE if is_late(received_at, campaign) else Status.ON_TIME


@dataclass(frozen=True)
class Column:
    name: str          # the machine name: a .csv header, a .json key
    dtype: str         # the pandas dtype the table gives it
    label_vi: str      # what a person reads
    group: str         # one of GROUPS
    correctable: bool = True  # may the analyst's corrections.toml set it
    item: int | None = None   # the outline item a section's column is about
    # How the workbook shows it, when its dtype does not say: a datetime, a date or codes
    # (";"-separated) to show by their labels in `values`.
    shown: str = ""
    values: tuple[tuple[str, str], ...] = ()   # code -> what a person reads

    def __post_init__(self):
        if self.shown and self.shown not in SHOWN:
            raise ValueError(f"column {self.name}: shown must be one of {', '.join(SHOWN)}, not {self.shown!r}")

    @property
    def shown_as(self) -> str:
        """One of SHOWN: the dtype decides unless the column says."""
        if self.shown:
            return self.shown
        return {FLAG: "yes_no", MAYBE: "yes_no", AMOUNT: "billion_dong", SHARE: "share"}.get(self.dtype, "text")

    @property
    def value_labels(self) -> dict[str, str]:
        return dict(self.values)


# The table's parts, in the table's order; a section's text is followed by how sure the
# reader is of it ("section_check"), so the analyst reads a cell and its doubt together.
GROUPS = ("province", "status", "section", "section_check", "section_ref", "funding", "figure", "source", "problem",
          "review")

# pandas dtypes. TEXT is pandas' own text type, left to pandas to infer ("str" since pandas 3,
# object before); MAYBE is True, False or unsaid; AMOUNT is a whole number of đồng or unsaid;
# SHARE is a number from 0 to 1, NaN where there is nothing to judge.
TEXT, COUNT, FLAG, AMOUNT, MAYBE, SHARE = "str", "int64", "bool", "Int64", "boolean", "float64"

# How the workbook shows a column: "yes_no" Có/Không; "billion_dong" an amount of đồng in tỷ
# đồng; "share" a percentage; "datetime" an ISO instant in the campaign's time zone;
# "date" an ISO date; "codes" the labels of its codes; "text" as it is.
# "recorded": a text the code wrote in English (how a figure was read, an error), shown in
# Vietnamese through the catalogue (i18n.recorded_text), as the store's problems are.
SHOWN = ("text", "yes_no", "billion_dong", "share", "datetime", "date", "codes", "recorded")
BILLION = 1_000_000_000   # đồng in a tỷ
STATUS_VALUES = tuple((s.value, s.label) for s in Status)


class CellColumns(NamedTuple):
    """The columns of one outline item: its text, how sure the reader is of it, whether a
    person should check it and why, where it was found."""
    text: str
    confidence: str
    review: str
    note: str
    ref: str


def cell_columns(item: int) -> CellColumns:
    return CellColumns(f"section_{item}", f"section_{item}_confidence", f"section_{item}_review",
                       f"section_{item}_note", f"section_{item}_ref")


class AmountColumns(NamedTuple):
    """The columns of one of the campaign's [[figures.amounts]]: the amount, whether a
    person should check it, and why."""
    vnd: str
    review: str
    note: str


def amount_columns(key: str) -> AmountColumns:
    return AmountColumns(f"{key}_vnd", f"{key}_review", f"{key}_note")


def amounts_in_schema(schema: TableSchema) -> list[AmountColumns]:
    """The [[figures.amounts]] columns a table has, found by their names."""
    names = set(schema.names)
    return [amount_columns(c.name[:-len("_vnd")]) for c in schema.columns
            if c.group == "figure" and c.name.endswith("_vnd") and not c.name.startswith("funding_")
            and set(amount_columns(c.name[:-len("_vnd")])) <= names]


REVIEW_COLUMN = re.compile(r"section_\d+_review")   # cell_columns(n).review, whatever n


@dataclass(frozen=True)
class TableSchema:
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}

    @property
    def labels(self) -> dict[str, str]:
        return {c.name: c.label_vi for c in self.columns}

    def typed(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame with the schema's types; text stays as pandas infers it."""
        return frame.astype({c.name: c.dtype for c in self.columns if c.dtype != TEXT and c.name in frame})

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def names_in(self, *groups: str) -> list[str]:
        """The columns of these groups, in the order the groups are given (table order within one)."""
        unknown = set(groups) - set(GROUPS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return [c.name for g in groups for c in self.columns if c.group == g]

    @property
    def status_sheet(self) -> list[str]:
        """The clerk's view: who reported, when, what the analyst changed, what went wrong."""
        return self.names_in("province", "status", "review", "problem")

    @property
    def figures_sheet(self) -> list[str]:
        return self.names_in("funding", "figure")


def table_schema(campaign: Campaign) -> TableSchema:
    """The columns of this campaign's table: one per outline section (with how sure the
    reader is of it and where its text was found), one per figure its [figures] asks for."""
    figures = campaign.figures
    sections = []
    for s in campaign.sections:
        names = cell_columns(s.number)
        sections += [Column(names.text, TEXT, s.label, "section", item=s.number),
                     Column(names.confidence, SHARE, f"Mục {s.number} – độ tin cậy", "section_check", item=s.number),
                     Column(names.review, FLAG, f"Mục {s.number} – cần kiểm tra", "section_check", item=s.number),
                     Column(names.note, TEXT, f"Mục {s.number} – lý do", "section_check", item=s.number)]
    refs = [Column(cell_columns(s.number).ref, TEXT, f"{s.label} (vị trí trong báo cáo)", "section_ref",
                   item=s.number) for s in campaign.sections]
    figure = [Column("funding_rule", TEXT, "Cách đọc tổng kinh phí", "figure", shown="recorded"),
              Column("funding_review", FLAG, "Kinh phí – cần kiểm tra", "figure"),
              Column("funding_note", TEXT, "Kinh phí – lý do cần kiểm tra", "figure")]
    figure += [Column(f"funding_{s.key}_vnd", AMOUNT, f"Kinh phí: {s.phrases[0] if s.phrases else s.key} (tỷ đồng)",
                      "figure") for s in figures.funding_sources]
    for amount in figures.amounts:
        names = amount_columns(amount.key)
        figure += [Column(names.vnd, AMOUNT, f"{amount.label} (tỷ đồng)", "figure"),
                   Column(names.review, FLAG, f"{amount.label} – cần kiểm tra", "figure"),
                   Column(names.note, TEXT, f"{amount.label} – lý do cần kiểm tra", "figure")]
    if figures.project_approval is not None:
        figure += [Column("scheme_approved", MAYBE, "Đã phê duyệt Đề án đô thị thông minh", "figure"),
                   Column("scheme_approved_on", TEXT, "Ngày phê duyệt Đề án", "figure"),
                   Column("scheme_decision", TEXT, "Quyết định phê duyệt Đề án", "figure")]
    if figures.ioc is not None:
        figure.append(Column("ioc_operating", MAYBE, "Trung tâm IOC đang vận hành", "figure"))
    if figures.themes:
        themes = tuple((t.key, t.label) for t in figures.themes)
        figure += [Column("difficulty_themes", TEXT, "Chủ đề khó khăn, vướng mắc", "figure", shown="codes",
                          values=themes),
                   Column("proposal_themes", TEXT, "Chủ đề đề xuất, kiến nghị", "figure", shown="codes",
                          values=themes)]
    return TableSchema((
        Column("province_code", TEXT, "Mã tỉnh", "province", correctable=False),
        Column("province", TEXT, "Tỉnh, thành phố", "province", correctable=False),
        Column("region", TEXT, "Vùng", "province", correctable=False),
        Column("status", TEXT, "Tình trạng", "status", shown="codes", values=STATUS_VALUES),
        Column("received_at", TEXT, "Thời điểm nhận", "status", shown="datetime"),
        Column("report_number", TEXT, "Số hiệu báo cáo", "status"),
        Column("report_date", TEXT, "Ngày báo cáo", "status", shown="date"),
        Column("reports", COUNT, "Số báo cáo đã nhận", "status"),
        Column("corrected", FLAG, "Có báo cáo gửi lại", "status"),
        Column("sections_found", COUNT, "Số mục đề cương tìm thấy", "status"),
        *sections,
        *refs,
        Column("funding_vnd", AMOUNT, "Tổng kinh phí (tỷ đồng)", "funding"),
        *figure,
        Column("source", TEXT, "Thư và tệp đã dùng", "source"),
        Column("error", TEXT, "Lỗi", "problem", shown="recorded"),
        # Counted from the section_N_review columns, after the analyst's corrections.
        Column("cells_to_review", COUNT, "Số ô cần kiểm tra", "review", correctable=False),
        Column("overridden", TEXT, "Chuyên viên đã sửa", "review", correctable=False),
    ))


# The workbook's other sheets are views of the table; their columns, like the table's, have a
# machine name (kept by `baocao aggregate --out x.json --by-2025-provinces`) and a label.
def _column(name: str, dtype: str, label: str, shown: str = "", values: tuple = ()) -> Column:
    return Column(name, dtype, label, "view", correctable=False, shown=shown, values=values)


REGION_COLUMNS = TableSchema((
    _column("region", TEXT, "Vùng"),
    _column("provinces", COUNT, "Số tỉnh, thành phố"),
    _column("reported", COUNT, "Đã gửi báo cáo"),
    *(_column(s.value, COUNT, s.label) for s in (Status.ON_TIME, Status.LATE, Status.UNREADABLE, Status.MISSING)),
    _column("funding_vnd", AMOUNT, "Tổng kinh phí (tỷ đồng)"),
    _column("funding_reported_by", COUNT, "Số tỉnh nêu tổng kinh phí"),
    _column("scheme_approved", COUNT, "Số tỉnh đã phê duyệt Đề án đô thị thông minh"),
    _column("scheme_reported_by", COUNT, "Số tỉnh nêu rõ có hay chưa có Đề án"),
    _column("ioc_operating", COUNT, "Số tỉnh có Trung tâm IOC đang vận hành"),
    _column("ioc_reported_by", COUNT, "Số tỉnh nêu rõ có hay chưa có IOC"),
))
THEME_COLUMNS = TableSchema((
    _column("theme", TEXT, "Mã chủ đề"),
    _column("label", TEXT, "Chủ đề"),
    _column("difficulties", COUNT, "Số tỉnh nêu trong khó khăn, vướng mắc"),
    _column("proposals", COUNT, "Số tỉnh nêu trong đề xuất, kiến nghị"),
))
ROLES = (("latest", "Đang dùng"), ("superseded", "Đã có bản thay thế"), ("unreadable", "Không đọc được"))
HISTORY_COLUMNS = TableSchema((
    _column("province_code", TEXT, "Mã tỉnh"),
    _column("province", TEXT, "Tỉnh, thành phố"),
    _column("received_at", TEXT, "Thời điểm nhận", "datetime"),
    _column("late", FLAG, "Quá hạn"),
    _column("message_id", TEXT, "Mã thư (Message-ID)"),
    _column("sender", TEXT, "Người gửi"),
    _column("subject", TEXT, "Tiêu đề thư"),
    _column("files", TEXT, "Tệp đính kèm"),
    _column("readable", FLAG, "Đọc được"),
    _column("role", TEXT, "Dùng trong bảng", "codes", ROLES),
))
BY_2025_COLUMNS = TableSchema((
    _column("new_code", TEXT, "Mã tỉnh (từ 01/7/2025)"),
    _column("new_name", TEXT, "Tỉnh, thành phố (từ 01/7/2025)"),
    _column("old_provinces", TEXT, "Gồm các tỉnh, thành phố (2022)"),
    _column("reported", TEXT, "Đã gửi báo cáo"),
    _column("late", TEXT, "Quá hạn"),
    _column("missing", TEXT, "Chưa gửi"),
    _column("funding_vnd", AMOUNT, "Tổng kinh phí (tỷ đồng)"),
))
# What a person should check (the "Kiểm tra" sheet): one row per thing, in Vietnamese.
CHECKS = (("missing", "Chưa gửi báo cáo"), ("no_document", "Thư không kèm tệp báo cáo"),
          ("document", "Tệp chưa đọc được đầy đủ"), ("cell", "Ô cần kiểm tra"),
          ("funding", "Số liệu kinh phí cần kiểm tra"), ("reference", "Số, ngày báo cáo chưa đọc được"),
          ("unassigned", "Thư chưa rõ của tỉnh nào"))
CHECK_COLUMNS = TableSchema((
    _column("province_code", TEXT, "Mã tỉnh"),
    _column("province", TEXT, "Tỉnh, thành phố"),
    _column("check", TEXT, "Việc cần kiểm tra", "codes", CHECKS),
    _column("item", TEXT, "Mục đề cương"),
    _column("file", TEXT, "Tệp (hoặc mã thư)"),
    _column("note", TEXT, "Lý do, việc cần làm"),
))

# The workbook's sheets: the machine name a test or a script finds one by, and its title.
SHEET_LABELS = {"table": "Bảng tổng hợp", "status": "Tình trạng", "figures": "Số liệu", "regions": "Theo vùng",
                "themes": "Chủ đề", "history": "Lịch sử nhận", "checks": "Kiểm tra"}
