"""The overview page's content: one line per province of the campaign, read off the same table
`baocao aggregate` writes (so the two never disagree), with the filters and counts on top."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Callable, NamedTuple

import pandas as pd

from baocao.aggregate.corrections import Corrections
from baocao.aggregate.review import review_count
from baocao.aggregate.schema import Status


class Filter(NamedTuple):
    key: str                          # in the address: /?loc=can-kiem-tra
    label: str
    keeps: Callable[["OverviewRow"], bool]


FILTERS = (
    Filter("can-kiem-tra", "Cần kiểm tra", lambda row: row.cells_to_review > 0),
    Filter("chua-bao-cao", "Chưa báo cáo", lambda row: row.status == Status.MISSING),
    Filter("cham", "Chậm", lambda row: row.status == Status.LATE),
    Filter("khong-doc-duoc", "Không đọc được", lambda row: row.status == Status.UNREADABLE),
)


@dataclass(frozen=True)
class OverviewRow:
    code: str
    name: str
    status: Status
    received: str            # dd/mm/yyyy HH:MM in the campaign's time zone; "" when nothing came
    report_number: str
    cells_to_review: int
    corrections: int         # entries of corrections.toml for the province's cells

    @property
    def status_label(self) -> str:
        return self.status.label


class Count(NamedTuple):
    key: str                 # the filter's key; "" for all provinces
    label: str
    count: int


@dataclass(frozen=True)
class Overview:
    rows: tuple[OverviewRow, ...]        # those the chosen filter keeps
    filters: tuple[Count, ...]           # every filter, with how many provinces it keeps
    chosen: str                          # the filter shown ("" for all)
    by_status: tuple[Count, ...]         # how many provinces have each status
    cells_to_review: int
    provinces_to_review: int
    corrections: int


def overview(table: pd.DataFrame, corrections: Corrections, tz: tzinfo, chosen: str = "") -> Overview:
    """The overview of the table; an unknown filter shows every province."""
    made = Counter(c.province_code for c in corrections.cells)
    rows = tuple(OverviewRow(r.province_code, r.province, Status(r.status), local_time(r.received_at, tz),
                             r.report_number, int(r.cells_to_review), made[r.province_code])
                 for r in table.itertuples(index=False))
    known = {f.key: f for f in FILTERS}
    chosen = chosen if chosen in known else ""
    shown = tuple(r for r in rows if known[chosen].keeps(r)) if chosen else rows
    statuses = Counter(r.status for r in rows)
    to_review = review_count(table)
    return Overview(
        shown,
        (Count("", "Tất cả", len(rows)), *(Count(f.key, f.label, sum(map(f.keeps, rows))) for f in FILTERS)),
        chosen,
        tuple(Count(s.value, s.label, statuses[s]) for s in Status),
        to_review.cells, to_review.provinces, sum(made.values()))


def local_time(iso: str, tz: tzinfo) -> str:
    """An ISO 8601 time as a person here writes it, dd/mm/yyyy HH:MM, in the campaign's zone."""
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone(tz).strftime("%d/%m/%Y %H:%M")


def shown_time(at: str, tz: tzinfo) -> str:
    """A correction's `at` as local_time, or as the hand edit wrote it when it is no ISO time."""
    try:
        return local_time(at, tz)
    except ValueError:
        return at
