"""Reading the analyst's workbook back as the tests compare it: the table's columns under
their machine names (the workbook shows their Vietnamese labels), province codes as text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from baocao.aggregate.export import LABELLED_SHEETS
from baocao.aggregate.schema import table_schema
from baocao.campaign import Campaign, load_campaign


def read_workbook(path: Path, campaign: Campaign | None = None, **read_excel) -> dict[str, pd.DataFrame]:
    names = {label: name for name, label in table_schema(campaign or load_campaign()).labels.items()}
    code = [label for label, name in names.items() if name == "province_code"]
    sheets = pd.read_excel(path, sheet_name=None, dtype={"province_code": str, **dict.fromkeys(code, str)},
                           **read_excel)
    return {sheet: frame.rename(columns=names) if sheet in LABELLED_SHEETS else frame
            for sheet, frame in sheets.items()}
