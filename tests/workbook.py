"""Reading the analyst's workbook back as the tests compare it: each sheet under its machine
name, its columns under their machine names and with the table's machine values (the
workbook shows Vietnamese titles, labels and values, dates as dates, amounts in tỷ đồng),
province codes as text. The inverse of aggregate/export.py's `shown`, from the same schema."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from baocao.aggregate.schema import (
    BILLION,
    BY_2025_COLUMNS,
    CHECK_COLUMNS,
    HISTORY_COLUMNS,
    NO,
    REGION_COLUMNS,
    SHEET_LABELS,
    THEME_COLUMNS,
    YES,
    Column,
    TableSchema,
    table_schema,
)
from baocao.campaign import Campaign, load_campaign


def sheet_columns(campaign: Campaign) -> dict[str, TableSchema]:
    schema = table_schema(campaign)
    return {"table": schema, "status": schema, "figures": schema, "regions": REGION_COLUMNS,
            "themes": THEME_COLUMNS, "history": HISTORY_COLUMNS, "checks": CHECK_COLUMNS}


def read_workbook(path: Path, campaign: Campaign | None = None, **read_excel) -> dict[str, pd.DataFrame]:
    campaign = campaign or load_campaign()
    columns = sheet_columns(campaign)
    codes = {c.label_vi: str for schema in (*columns.values(), BY_2025_COLUMNS) for c in schema.columns
             if c.name in ("province_code", "new_code")}
    sheets = pd.read_excel(path, sheet_name=None, dtype=codes, **read_excel)
    names = {title: name for name, title in SHEET_LABELS.items()}
    read = {}
    for title, frame in sheets.items():
        name = names.get(title, title)
        by_2025 = list(frame.columns) == [c.label_vi for c in BY_2025_COLUMNS.columns]
        schema = BY_2025_COLUMNS if by_2025 else columns.get(name)
        read[name] = machine(frame, schema, campaign) if schema else frame
    return read


def machine(frame: pd.DataFrame, schema: TableSchema, campaign: Campaign) -> pd.DataFrame:
    by_label = {c.label_vi: c for c in schema.columns}
    out = {}
    for label in frame.columns:
        column = by_label.get(label)
        if column is None:
            out[label] = frame[label]
        elif column.shown_as == "text":
            out[column.name] = frame[label]
        else:
            out[column.name] = pd.Series([_value(v, column, campaign) for v in frame[label]], index=frame.index,
                                         dtype="Int64" if column.shown_as == "billion_dong" else object)
    return pd.DataFrame(out, index=frame.index)


def _value(value, column: Column, campaign: Campaign):
    kind = column.shown_as
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return None if kind in ("yes_no", "billion_dong", "share") else ""
    if kind == "yes_no":
        return {YES: True, NO: False}.get(value, value)
    if kind == "billion_dong":
        return round(float(value) * BILLION)
    if kind == "codes":
        codes = {label: code for code, label in column.values}
        return ";".join(codes.get(label, label) for label in str(value).split("; "))
    if kind == "datetime" and isinstance(value, datetime):
        return value.replace(tzinfo=campaign.tz).isoformat()
    if kind == "date" and isinstance(value, datetime):
        return value.date().isoformat()
    return value
