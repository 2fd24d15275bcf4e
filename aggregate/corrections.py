"""The analyst's corrections, kept in the store as corrections.toml and applied on every
aggregate: re-ingesting never touches them, and the table marks what they changed.

    [[correction]]              # a cell of the table
    province = "22"             # code or name
    field = "funding_vnd"       # a column: section_4, funding_vnd, status, scheme_approved…
    value = 125500000000
    note = "Sở Xây dựng xác nhận qua điện thoại, 02/6/2022"

    [[message]]                 # which province a message is from
    message = "3f2a9c1b7d20"    # start of its hash (baocao errors shows it) or its Message-ID
    province = "74"
    note = "gửi từ gmail của chuyên viên Sở"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import pandas as pd

from baocao.aggregate.reports import ReportRecord
from baocao.aggregate.review import CORRECTED, cells_to_review
from baocao.aggregate.schema import AMOUNT, FLAG, MAYBE, SHARE, Column, table_schema
from baocao.campaign import Campaign
from baocao.text import fold

FILE_NAME = "corrections.toml"


class CorrectionsError(Exception):
    pass


@dataclass(frozen=True)
class CellCorrection:
    entry: int
    province_code: str
    column: Column
    value: object
    note: str

    @property
    def field(self) -> str:
        return self.column.name


@dataclass(frozen=True)
class MessageCorrection:
    entry: int
    message: str
    province_code: str
    note: str


@dataclass(frozen=True)
class Corrections:
    cells: tuple[CellCorrection, ...] = ()
    messages: tuple[MessageCorrection, ...] = ()


def load_corrections(store_root: Path, campaign: Campaign) -> Corrections:
    path = Path(store_root) / FILE_NAME
    if not path.exists():
        return Corrections()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CorrectionsError(f"{path} is not valid TOML ({e}): fix it, nothing was applied") from e
    schema = table_schema(campaign)
    correctable = {c.name: c for c in schema.columns if c.correctable}
    cells, messages = [], []
    for n, entry in enumerate(data.get("correction", []), start=1):
        where = f"{path}, [[correction]] number {n}"
        field = str(entry.get("field", ""))
        if not field or "value" not in entry or (field in schema.names and field not in correctable):
            raise CorrectionsError(f"{where}: give province, field (a column of the table) and value")
        province_code = _province(entry.get("province", ""), campaign, where)
        if field not in correctable:
            raise CorrectionsError(f"{where}: the table has no column {field!r}; columns are: "
                                   f"{', '.join(correctable)}")
        column, value = correctable[field], entry["value"]
        if column.dtype in _TAKES and not _TAKES[column.dtype][0](value):
            raise CorrectionsError(f"{where}: {field} takes {_TAKES[column.dtype][1]}, not {value!r}")
        cells.append(CellCorrection(n, province_code, column, value, str(entry.get("note", ""))))
    for n, entry in enumerate(data.get("message", []), start=1):
        where = f"{path}, [[message]] number {n}"
        if not entry.get("message"):
            raise CorrectionsError(f"{where}: give message (start of its hash or its Message-ID) and province")
        messages.append(MessageCorrection(n, str(entry["message"]),
                                          _province(entry.get("province", ""), campaign, where),
                                          str(entry.get("note", ""))))
    return Corrections(tuple(cells), tuple(messages))


# What a column the analyst's words cannot stand in for takes (the table keeps them for
# amounts and maybes, see apply_cells): a flag true or false, a confidence a number 0-1.
_TAKES = {
    FLAG: (lambda v: isinstance(v, bool), "true or false"),
    SHARE: (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1,
            "a number from 0 to 1"),
}


def _province(given, campaign: Campaign, where: str) -> str:
    given = str(given).strip()
    for p in campaign.provinces:
        if given == p.code or fold(given) in {fold(p.name), fold(p.full_name), fold(p.ascii),
                                              *(fold(a) for a in p.aliases)}:
            return p.code
    raise CorrectionsError(f"{where}: no province {given!r} in campaign {campaign.id}: give its code or name")


def reassign(reports: Sequence[ReportRecord], corrections: Corrections) -> list[ReportRecord]:
    """Reports with the analyst's province where a [[message]] entry names them; a message
    carrying two provinces' reports becomes one report of the province named."""
    out: dict[tuple[str, str], ReportRecord] = {}
    for report in reports:
        for c in corrections.messages:
            if report.message_sha256.startswith(c.message.lower()) or report.message_id == c.message:
                report = replace(report, province_code=c.province_code)
        key = (report.message_sha256, report.province_code)
        if key in out:
            report = replace(out[key], documents=out[key].documents + report.documents)
        out[key] = report
    return list(out.values())


def apply_cells(table: pd.DataFrame, corrections: Corrections) -> pd.DataFrame:
    """The table with the analyst's values, and in `overridden` which entry changed what. A
    section's text the analyst gave is settled: nothing left to check in it."""
    table = table.copy()
    table["overridden"] = ""
    for c in corrections.cells:
        rows = table.index[table["province_code"] == c.province_code]
        if c.column.dtype in (AMOUNT, MAYBE) and not isinstance(c.value, (int, bool)):
            # The analyst's words ("khoảng 5 tỷ") are kept as written, not refused.
            table[c.field] = table[c.field].astype(object)
        table.loc[rows, c.field] = c.value
        if c.column.group == "section":
            for name, value in CORRECTED.columns(c.column.item).items():
                table.loc[rows, name] = value
        mark = f"{c.field} (correction {c.entry}{': ' + c.note if c.note else ''})"
        table.loc[rows, "overridden"] = table.loc[rows, "overridden"].map(
            lambda old, mark=mark: f"{old}; {mark}" if old else mark)
    if "cells_to_review" in table:
        table["cells_to_review"] = cells_to_review(table)
    return table
