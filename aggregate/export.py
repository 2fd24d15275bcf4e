"""Writing the table in the format the analyst asked for, by the file's suffix."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

FORMATS = (".csv", ".json", ".xlsx")


class ExportError(Exception):
    pass


def write_table(table: pd.DataFrame, out: Path) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"cannot write {out.name}: the table is written as {', '.join(FORMATS)} (chosen by the suffix)")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        # UTF-8 with BOM: Excel then opens Vietnamese text intact.
        table.to_csv(out, index=False, encoding="utf-8-sig")
    elif suffix == ".json":
        records = json.loads(table.to_json(orient="records", force_ascii=False))
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            table.to_excel(writer, sheet_name="table", index=False, freeze_panes=(1, 2))
            sheet = writer.sheets["table"]
            for column in sheet.columns:
                width = max(len(str(c.value or ""))for c in column[:50])
                sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    return out
