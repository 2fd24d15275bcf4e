"""Views of the table the analyst and the report need besides the table itself: totals
by region, the themes counted nationwide, every report received (the history), and the
table regrouped by the provinces of 2025."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from baocao.aggregate.reports import ReportRecord
from baocao.aggregate.schema import REGION_COLUMNS, REPORTED, Status, is_late
from baocao.campaign import Campaign, bundled_path


def region_totals(table: pd.DataFrame) -> pd.DataFrame:
    """One row per socio-economic region, in the table's order, and a national total. A
    yes-or-no figure is counted with how many provinces said either: 0 approved schemes
    among 0 provinces that said anything is not 0 among 20 that said no."""
    def totals(rows: pd.DataFrame) -> dict:
        return {
            "provinces": len(rows),
            "reported": int(rows["status"].isin(REPORTED).sum()),
            **{status.value: int((rows["status"] == status).sum())
               for status in (Status.ON_TIME, Status.LATE, Status.UNREADABLE, Status.MISSING)},
            "funding_vnd": int(rows["funding_vnd"].sum()) if rows["funding_vnd"].notna().any() else None,
            "funding_reported_by": int(rows["funding_vnd"].notna().sum()),
            **(_yes_and_said(rows, "scheme_approved", "scheme_reported_by") if "scheme_approved" in rows else {}),
            **(_yes_and_said(rows, "ioc_operating", "ioc_reported_by") if "ioc_operating" in rows else {}),
        }

    regions = list(dict.fromkeys(table["region"]))
    rows = [{"region": region, **totals(table[table["region"] == region])} for region in regions]
    rows.append({"region": "Cả nước", **totals(table)})
    frame = pd.DataFrame(rows)
    frame["funding_vnd"] = frame["funding_vnd"].astype("Int64")
    return frame[[name for name in REGION_COLUMNS.names if name in frame]]


def _yes_and_said(rows: pd.DataFrame, column: str, said: str) -> dict[str, int]:
    """How many provinces say yes, and how many say yes or no. The column is True, False or
    unsaid, or, once the analyst corrected a cell with words ("chưa rõ"), also text: only
    True is a yes, only True or False is said."""
    values = rows[column].astype(object)   # Python's True and False, pd.NA, the analyst's words
    return {column: int(values.map(lambda v: v is True).sum()),
            said: int(values.map(lambda v: isinstance(v, bool)).sum())}


def theme_counts(table: pd.DataFrame, campaign: Campaign) -> pd.DataFrame:
    """How many provinces raise each theme among their difficulties and their proposals."""
    rows = []
    for theme in campaign.figures.themes:
        def count(column: str, key: str = theme.key) -> int:
            if column not in table:
                return 0
            return int(table[column].fillna("").str.split(";").apply(lambda keys: key in keys).sum())
        rows.append({"theme": theme.key, "label": theme.label,
                     "difficulties": count("difficulty_themes"), "proposals": count("proposal_themes")})
    return pd.DataFrame(rows, columns=["theme", "label", "difficulties", "proposals"])


def history(reports: Sequence[ReportRecord], table: pd.DataFrame, campaign: Campaign) -> pd.DataFrame:
    """Every report received, oldest first: what the table used and what a later one superseded."""
    names = dict(zip(table["province_code"], table["province"], strict=True))
    latest: dict[str, str] = {}
    for r in sorted(reports, key=lambda r: r.received_at):
        if r.readable:
            latest[r.province_code] = r.message_sha256
    rows = []
    for r in sorted(reports, key=lambda r: (r.province_code, r.received_at)):
        rows.append({
            "province_code": r.province_code, "province": names.get(r.province_code, r.province_code),
            "received_at": r.received_at.astimezone(campaign.tz).isoformat(),
            "late": is_late(r.received_at, campaign),
            "message_id": r.message_id, "sender": r.sender, "subject": r.subject,
            "files": "; ".join(d.filename for d in r.documents),
            "readable": r.readable,
            "role": "latest" if latest.get(r.province_code) == r.message_sha256
                    else "superseded" if r.readable else "unreadable",
        })
    return pd.DataFrame(rows, columns=["province_code", "province", "received_at", "late", "message_id", "sender",
                                       "subject", "files", "readable", "role"])


def by_2025_provinces(table: pd.DataFrame, merger_csv: Path | None = None) -> pd.DataFrame:
    """The 2022 results presented by the 34 provinces in force since 1 July 2025: each new
    unit with the old provinces it took in, who of them reported, late or not, and funding."""
    merger = pd.read_csv(merger_csv or bundled_path("provinces-2025-merger.csv"), dtype=str)
    merged = table.merge(merger[["old_code", "new_code", "new_name"]], left_on="province_code",
                         right_on="old_code", how="left")
    rows = []
    for (code, name), group in merged.groupby(["new_code", "new_name"], sort=False):
        rows.append({
            "new_code": code, "new_name": name,
            "old_provinces": "; ".join(group["province"]),
            "reported": "; ".join(group.loc[group["status"].isin(REPORTED), "province"]),
            "late": "; ".join(group.loc[group["status"] == Status.LATE, "province"]),
            "missing": "; ".join(group.loc[group["status"] == Status.MISSING, "province"]),
            "funding_vnd": int(group["funding_vnd"].sum()) if group["funding_vnd"].notna().any() else None,
        })
    frame = pd.DataFrame(rows).sort_values("new_code", key=lambda c: c.astype(int)).reset_index(drop=True)
    frame["funding_vnd"] = frame["funding_vnd"].astype("Int64")
    return frame
