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


# The table's parts, in the table's order; a section's text is followed by how sure the
# reader is of it ("section_check"), so the analyst reads a cell and its doubt together.
GROUPS = ("province", "status", "section", "section_check", "section_ref", "funding", "figure", "source", "problem",
          "review")

# pandas dtypes. TEXT is pandas' own text type, left to pandas to infer ("str" since pandas 3,
# object before); MAYBE is True, False or unsaid; AMOUNT is a whole number of đồng or unsaid;
# SHARE is a number from 0 to 1, NaN where there is nothing to judge.
TEXT, COUNT, FLAG, AMOUNT, MAYBE, SHARE = "str", "int64", "bool", "Int64", "boolean", "float64"


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
    figure = [Column("funding_rule", TEXT, "Cách đọc tổng kinh phí", "figure"),
              Column("funding_review", FLAG, "Kinh phí – cần kiểm tra", "figure"),
              Column("funding_note", TEXT, "Kinh phí – lý do cần kiểm tra", "figure")]
    figure += [Column(f"funding_{s.key}_vnd", AMOUNT, f"Kinh phí: {s.phrases[0] if s.phrases else s.key} (đồng)",
                      "figure") for s in figures.funding_sources]
    if figures.project_approval is not None:
        figure += [Column("scheme_approved", MAYBE, "Đã phê duyệt Đề án đô thị thông minh", "figure"),
                   Column("scheme_approved_on", TEXT, "Ngày phê duyệt Đề án", "figure"),
                   Column("scheme_decision", TEXT, "Quyết định phê duyệt Đề án", "figure")]
    if figures.ioc is not None:
        figure.append(Column("ioc_operating", MAYBE, "Trung tâm IOC đang vận hành", "figure"))
    if figures.themes:
        figure += [Column("difficulty_themes", TEXT, "Chủ đề khó khăn, vướng mắc", "figure"),
                   Column("proposal_themes", TEXT, "Chủ đề đề xuất, kiến nghị", "figure")]
    return TableSchema((
        Column("province_code", TEXT, "Mã tỉnh", "province", correctable=False),
        Column("province", TEXT, "Tỉnh, thành phố", "province", correctable=False),
        Column("region", TEXT, "Vùng", "province", correctable=False),
        Column("status", TEXT, "Tình trạng", "status"),
        Column("received_at", TEXT, "Thời điểm nhận", "status"),
        Column("report_number", TEXT, "Số hiệu báo cáo", "status"),
        Column("report_date", TEXT, "Ngày báo cáo", "status"),
        Column("reports", COUNT, "Số báo cáo đã nhận", "status"),
        Column("corrected", FLAG, "Có báo cáo gửi lại", "status"),
        Column("sections_found", COUNT, "Số mục đề cương tìm thấy", "status"),
        *sections,
        *refs,
        Column("funding_vnd", AMOUNT, "Tổng kinh phí (đồng)", "funding"),
        *figure,
        Column("source", TEXT, "Thư và tệp đã dùng", "source"),
        Column("error", TEXT, "Lỗi", "problem"),
        # Counted from the section_N_review columns, after the analyst's corrections.
        Column("cells_to_review", COUNT, "Số ô cần kiểm tra", "review", correctable=False),
        Column("overridden", TEXT, "Chuyên viên đã sửa", "review", correctable=False),
    ))
