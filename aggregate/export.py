"""Writing the consolidation in the format the analyst asked for, by the file's suffix.

.csv, .json and .parquet hold the table (one row per province); .xlsx holds it with the
other views as sheets: status, figures, regions, themes, history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from baocao.aggregate.schema import TableSchema

FORMATS = (".csv", ".json", ".xlsx", ".parquet")


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class Consolidation:
    table: pd.DataFrame      # one row per province
    regions: pd.DataFrame
    themes: pd.DataFrame
    history: pd.DataFrame
    schema: TableSchema      # the table's columns: the sheets are views of it


def write_table(consolidation: Consolidation | pd.DataFrame, out: Path) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"cannot write {out.name}: the table is written as {', '.join(FORMATS)} "
                          "(chosen by the suffix)")
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
        _write_workbook(out, {
            "table": table,
            "status": table[consolidation.schema.status_sheet],
            "figures": table[["province_code", "province", *consolidation.schema.figures_sheet]],
            "regions": consolidation.regions,
            "themes": consolidation.themes,
            "history": consolidation.history,
        })
    else:
        _write_workbook(out, {"table": table})
    return out


def _write_workbook(out: Path, sheets: dict[str, pd.DataFrame]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "C2" if name in ("table", "status", "figures", "history") else "B2"
            for cell in sheet[1]:
                cell.font = Font(bold=True, color="FFFFFF")
                cell.fill = PatternFill("solid", fgColor="1F4E78")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for column in sheet.columns:
                longest = max(len(str(c.value)) if c.value is not None else 0 for c in column[:100])
                sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, longest + 2))
                if longest > 60:  # section texts: wrapped, not a 10,000-character line
                    for c in column[1:]:
                        c.alignment = Alignment(wrap_text=True, vertical="top")
