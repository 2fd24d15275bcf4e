"""Writing the consolidation in the format the analyst asked for, by the file's suffix.

.csv, .json and .parquet hold the table (one row per province) under its machine names and
values: they are the stable interface scripts read. The .xlsx is for people: the table with
its other views as sheets (status, figures, regions, themes, history, what to check), every
column under its Vietnamese label, statuses, yes/no and themes in Vietnamese, instants and
dates as real Excel dates, amounts in tỷ đồng, the cells a person should check amber. What
each column shows and how comes from aggregate/schema.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from pandas.api.types import is_bool, is_number

from baocao.aggregate.schema import (
    BILLION,
    CHECK_COLUMNS,
    HISTORY_COLUMNS,
    NO,
    REGION_COLUMNS,
    SHEET_LABELS,
    THEME_COLUMNS,
    YES,
    Column,
    TableSchema,
    amounts_in_schema,
    cell_columns,
)
from baocao.i18n import N_, recorded_text

FORMATS = (".csv", ".json", ".xlsx", ".parquet")
TO_REVIEW_FILL = "FFE699"   # light amber: a cell to check (its text and the note saying why)
# Excel shows the separators of the reader's locale: 1.234,56 in a Vietnamese Windows.
NUMBER_FORMATS = {"billion_dong": "#,##0.00", "share": "0%", "datetime": "dd/mm/yyyy hh:mm", "date": "dd/mm/yyyy"}
_BY_PROVINCE = ("table", "status", "figures", "history", "checks")   # code and name frozen beside the data


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class Consolidation:
    table: pd.DataFrame      # one row per province
    regions: pd.DataFrame
    themes: pd.DataFrame
    history: pd.DataFrame
    schema: TableSchema      # the table's columns: the sheets are views of it
    checks: pd.DataFrame | None = None   # what a person should check (aggregate/checklist.py)


def write_table(consolidation: Consolidation | pd.DataFrame, out: Path, columns: TableSchema | None = None) -> Path:
    """`columns`: for a frame other than a consolidation, its columns' labels in the .xlsx."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(N_("cannot write {name}: the table is written as {formats} (chosen by the end of the "
                             "file name)").format(name=out.name, formats=", ".join(FORMATS)))
    table = consolidation.table if isinstance(consolidation, Consolidation) else consolidation
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        # UTF-8 with BOM: Excel then opens Vietnamese text intact.
        table.to_csv(out, index=False, encoding="utf-8-sig")
    elif suffix == ".json":
        records = json.loads(table.to_json(orient="records", force_ascii=False))
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".parquet":
        table.to_parquet(out, index=False)
    elif isinstance(consolidation, Consolidation):
        _write_workbook(out, workbook_sheets(consolidation), consolidation.schema)
    else:
        _write_workbook(out, {"table": (table, columns)})
    return out


def workbook_sheets(consolidation: Consolidation) -> dict[str, tuple[pd.DataFrame, TableSchema]]:
    """The workbook's sheets by machine name: each a frame and the columns it shows."""
    from baocao.aggregate.checklist import checklist

    table, schema = consolidation.table, consolidation.schema
    checks = consolidation.checks if consolidation.checks is not None else checklist(table, (), schema)
    return {
        "table": (table, schema),
        "status": (table[schema.status_sheet], schema),
        "figures": (table[["province_code", "province", *schema.figures_sheet]], schema),
        "regions": (consolidation.regions, REGION_COLUMNS),
        "themes": (consolidation.themes, THEME_COLUMNS),
        "history": (consolidation.history, HISTORY_COLUMNS),
        "checks": (checks, CHECK_COLUMNS),
    }


def shown(frame: pd.DataFrame, columns: TableSchema) -> pd.DataFrame:
    """The frame as a person reads it: values in Vietnamese, dates as dates, amounts in tỷ
    đồng, under the columns' labels. A value the column does not expect (an analyst's
    words in a corrected cell) is shown as it is."""
    known = {c.name: c for c in columns.columns}
    out = {}
    for name in frame.columns:
        column = known.get(name)
        out[column.label_vi if column else name] = (
            [_shown(v, column) for v in frame[name]] if column and column.shown_as != "text" else frame[name])
    return pd.DataFrame(out, index=frame.index)


def _shown(value, column: Column):
    if value is None or value is pd.NA or (is_number(value) and pd.isna(value)):
        return None
    kind = column.shown_as
    if kind == "yes_no" and is_bool(value):
        return YES if value else NO
    if kind == "billion_dong" and is_number(value) and not is_bool(value):
        return int(value) / BILLION
    if kind == "codes" and isinstance(value, str):
        labels = column.value_labels
        return "; ".join(labels.get(code, code) for code in value.split(";") if code)
    if kind == "recorded" and isinstance(value, str):
        return recorded_text(value, "vi") or None
    if kind in ("datetime", "date") and isinstance(value, str) and value:
        try:   # the instant as the campaign's clock showed it: the offset is the campaign's
            when = datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            return value
        return when if kind == "datetime" else when.date()
    return value if value != "" else None


def _write_workbook(out: Path, sheets: dict[str, tuple[pd.DataFrame, TableSchema | None]],
                    schema: TableSchema | None = None) -> None:
    """`schema`: the table's, to fill the cells to review of the sheets that are views of it."""
    from openpyxl.styles import Alignment, Font, PatternFill

    with pd.ExcelWriter(out, engine="openpyxl", datetime_format=NUMBER_FORMATS["datetime"],
                        date_format=NUMBER_FORMATS["date"]) as writer:
        for name, (frame, columns) in sheets.items():
            title = SHEET_LABELS.get(name, name)
            (shown(frame, columns) if columns else frame).to_excel(writer, sheet_name=title, index=False)
            sheet = writer.sheets[title]
            sheet.freeze_panes = "C2" if name in _BY_PROVINCE else "B2"
            sheet.auto_filter.ref = sheet.dimensions
            for cell in sheet[1]:
                cell.font = Font(bold=True, color="FFFFFF")
                cell.fill = PatternFill("solid", fgColor="1F4E78")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            kinds = [columns.column(c).shown_as if columns and c in columns.names else "text" for c in frame.columns]
            for column, kind in zip(sheet.columns, kinds, strict=True):
                letter = column[0].column_letter
                if kind in NUMBER_FORMATS:
                    for c in column[1:]:
                        c.number_format = NUMBER_FORMATS[kind]
                longest = max((_width(c.value, kind) for c in column[1:100]), default=0)
                header = max((len(word) for word in str(column[0].value).split()), default=0)
                sheet.column_dimensions[letter].width = min(60, max(10, header + 2, longest + 2))
                if longest > 60:  # section texts: wrapped, not a 10,000-character line
                    for c in column[1:]:
                        c.alignment = Alignment(wrap_text=True, vertical="top")
            if schema is not None and columns is schema:
                _fill_cells_to_review(sheet, frame, schema, PatternFill("solid", fgColor=TO_REVIEW_FILL))


def _width(value, kind: str) -> int:
    """Characters the value takes as Excel shows it."""
    if value is None:
        return 0
    if isinstance(value, (datetime, date)):
        return len(NUMBER_FORMATS[kind]) if kind in NUMBER_FORMATS else 16
    if kind == "billion_dong" and isinstance(value, (int, float)):
        return len(f"{value:,.2f}")
    return len(str(value))


def _fill_cells_to_review(sheet, frame: pd.DataFrame, schema: TableSchema, fill) -> None:
    """Each section text and funding figure to check, and the note saying why, filled so
    the eye finds them."""
    for item in sorted({c.item for c in schema.columns if c.group == "section"}):
        names = cell_columns(item)
        if not {names.text, names.note, names.review} <= set(frame.columns):
            continue
        marked = [frame.columns.get_loc(names.text) + 1, frame.columns.get_loc(names.note) + 1]
        _fill_where(sheet, frame, names.review, marked, fill)
    if {"funding_vnd", "funding_note", "funding_review"} <= set(frame.columns):
        marked = [frame.columns.get_loc("funding_vnd") + 1, frame.columns.get_loc("funding_note") + 1]
        _fill_where(sheet, frame, "funding_review", marked, fill)
    for amount in amounts_in_schema(schema):
        if set(amount) <= set(frame.columns):
            marked = [frame.columns.get_loc(amount.vnd) + 1, frame.columns.get_loc(amount.note) + 1]
            _fill_where(sheet, frame, amount.review, marked, fill)


def _fill_where(sheet, frame: pd.DataFrame, flag: str, columns: list[int], fill) -> None:
    for row, review in enumerate(frame[flag].fillna(False).astype(bool), start=2):
        if review:
            for column in columns:
                sheet.cell(row=row, column=column).fill = fill
