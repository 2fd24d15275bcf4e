"""Writing the consolidation in the format the analyst asked for, by the file's suffix.

.csv, .json and .parquet hold the table (one row per province) under its machine names;
.xlsx, which a person reads, holds it with the other views as sheets (status, figures,
regions, themes, history), the table's columns under their Vietnamese labels and the
cells a person should check filled amber."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from baocao.aggregate.schema import TableSchema, cell_columns

FORMATS = (".csv", ".json", ".xlsx", ".parquet")
LABELLED_SHEETS = ("table", "status", "figures")   # views of the table: its columns under their labels
TO_REVIEW_FILL = "FFE699"   # light amber: a cell to check (its text and the note saying why)


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
        schema = consolidation.schema
        _write_workbook(out, {
            "table": table,
            "status": table[schema.status_sheet],
            "figures": table[["province_code", "province", *schema.figures_sheet]],
            "regions": consolidation.regions,
            "themes": consolidation.themes,
            "history": consolidation.history,
        }, schema, labelled=LABELLED_SHEETS)
    else:
        _write_workbook(out, {"table": table})
    return out


def _write_workbook(out: Path, sheets: dict[str, pd.DataFrame], schema: TableSchema | None = None,
                    labelled: tuple[str, ...] = ()) -> None:
    """`labelled`: the sheets that are views of the table, shown under the schema's labels."""
    from openpyxl.styles import Alignment, Font, PatternFill

    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            labels = schema.labels if schema and name in labelled else {}
            frame.rename(columns=labels).to_excel(writer, sheet_name=name, index=False)
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
            if labels:
                _fill_cells_to_review(sheet, frame, schema, PatternFill("solid", fgColor=TO_REVIEW_FILL))


def _fill_cells_to_review(sheet, frame: pd.DataFrame, schema: TableSchema, fill) -> None:
    """Each section text to check, and the note saying why, filled so the eye finds them."""
    for item in sorted({c.item for c in schema.columns if c.group == "section"}):
        names = cell_columns(item)
        if not {names.text, names.note, names.review} <= set(frame.columns):
            continue
        marked = [frame.columns.get_loc(names.text) + 1, frame.columns.get_loc(names.note) + 1]
        for row, review in enumerate(frame[names.review].astype(bool), start=2):
            if review:
                for column in marked:
                    sheet.cell(row=row, column=column).fill = fill
