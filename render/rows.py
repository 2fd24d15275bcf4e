"""One province's row of the aggregate table as the letter reads it: typed, NFC, with
what the letter may quote and how it cites the province's report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pandas as pd

from baocao.aggregate.schema import Status, amount_columns, cell_columns, table_schema
from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.render.dates import days_late, dmy, local_date
from baocao.text import clean_line, nfc

# The parts of the aggregate table the report cannot do without.
NEEDED_GROUPS = ("province", "status", "section", "section_ref", "funding", "source", "problem")
STATUS_VALUES = {s.value for s in Status}


class RenderError(Exception):
    """The report cannot be written: an output format baocao cannot make, a broken
    template, or a table that does not follow the aggregate contract."""


class StatedAmount(NamedTuple):
    """One of the campaign's [[figures.amounts]] as a province states it."""
    vnd: int | None
    review: bool     # to check before it is summed
    note: str        # why, in Vietnamese


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name: str               # "Hà Nội"
    full_name: str          # "Thành phố Hà Nội"
    authority: str          # "UBND thành phố Hà Nội": who signs the province's report
    region: str
    status: Status
    received: date | None   # in the campaign's zone
    late_days: int          # 0 unless late
    report_number: str      # "139/BC-UBND"
    report_date: date | None
    corrected: bool
    texts: dict[int, str]   # outline item -> the province's text
    quotable: dict[int, bool]  # item -> may the letter quote it (not to review, not read by OCR)
    refs: dict[int, str]    # item -> where the text is in the province's file (for the clerk only)
    notes: dict[int, str]   # item -> why to check it (for the clerk only)
    review: dict[int, bool]
    funding: int | None
    funding_by_source: dict[str, int | None]
    funding_rule: str
    funding_review: bool    # the aggregate flags the figure for a person to check (tables that have the column)
    funding_note: str
    amounts: dict[str, StatedAmount]   # [[figures.amounts]] key -> what the province states
    scheme_approved: bool | None
    scheme_decision: str
    scheme_approved_on: str
    ioc_operating: bool | None
    difficulty_themes: tuple[str, ...]
    proposal_themes: tuple[str, ...]
    source: str
    error: str
    received_at: str        # ISO, as the table holds it

    @property
    def reported(self) -> bool:
        return self.status.reported

    @property
    def citation(self) -> str:
        """How the ministry cites a province's report: 'Báo cáo số 139/BC-UBND ngày 23/5/2022
        của UBND tỉnh Bắc Kạn'; without a number, by the day it was received."""
        if self.report_number:
            kind = "Báo cáo" if "/BC-" in self.report_number.upper() else "Văn bản"
            when = f" ngày {dmy(self.report_date)}" if self.report_date else ""
            return f"{kind} số {self.report_number}{when} của {self.authority}"
        if self.received:
            return f"văn bản gửi ngày {dmy(self.received)} của {self.authority}"
        return f"báo cáo của {self.authority}"


def status_text(r: ProvinceRow) -> str:
    """Where a province stands, as Annex I and the clerk's file say it: "Chậm 3 ngày" for a late one."""
    text = f"Chậm {r.late_days} ngày" if r.status is Status.LATE else r.status.label
    return text + (" (có bản bổ sung)" if r.corrected else "")


def check_table(table: pd.DataFrame, campaign: Campaign) -> None:
    wanted = table_schema(campaign).names_in(*NEEDED_GROUPS)
    absent = [c for c in wanted if c not in table.columns]
    if absent:
        raise RenderError(N_("the aggregate table lacks the columns {columns}: build it with `baocao aggregate` "
                             "for this campaign").format(columns=", ".join(absent)))
    unknown = sorted(set(table["status"]) - STATUS_VALUES)
    if unknown:
        raise RenderError(N_("the aggregate table has the status values {values}; known values are {known}: "
                             "build it again with `baocao aggregate`").format(
            values=", ".join(map(str, unknown)), known=", ".join(sorted(STATUS_VALUES))))


def province_rows(table: pd.DataFrame, campaign: Campaign) -> list[ProvinceRow]:
    check_table(table, campaign)
    return [_row(record, campaign) for record in table.to_dict("records")]


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return nfc(str(value))


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _flag(value) -> bool | None:
    return None if value is None or pd.isna(value) else bool(value)


def _authority(kind: str, name: str, full_name: str) -> str:
    if full_name.startswith("Thành phố") and not name.startswith("Thành phố"):
        return f"UBND thành phố {name}"
    if full_name.startswith("Tỉnh"):
        return f"UBND tỉnh {name}"
    return f"UBND {full_name}"


def _stated(record: dict, key: str) -> StatedAmount:
    names = amount_columns(key)
    return StatedAmount(_int(record.get(names.vnd)), bool(_flag(record.get(names.review))),
                        _text(record.get(names.note)))


def _row(record: dict, campaign: Campaign) -> ProvinceRow:
    code, name = _text(record["province_code"]), _text(record["province"])
    try:
        p = campaign.province(code)
        full_name, kind, region = nfc(p.full_name), p.kind, _text(record.get("region")) or nfc(p.region)
    except KeyError:
        full_name, kind, region = name, "", _text(record.get("region"))
    status = Status(record["status"])
    received_at = _text(record.get("received_at"))
    received = local_date(received_at, campaign.tz)
    late = days_late(received, campaign.deadline, campaign.tz) if status is Status.LATE and received else 0
    items = [s.number for s in campaign.sections]
    texts, quotable, refs, notes, review = {}, {}, {}, {}, {}
    for n in items:
        names = cell_columns(n)
        texts[n] = "\n".join(line for line in (clean_line(x) for x in _text(record.get(names.text)).splitlines())
                             if line)
        refs[n] = _text(record.get(names.ref))
        notes[n] = _text(record.get(names.note))
        review[n] = bool(_flag(record.get(names.review)))
        read_by_ocr = "OCR" in notes[n] or refs[n].endswith("(OCR)")
        quotable[n] = bool(texts[n]) and not review[n] and not read_by_ocr
    return ProvinceRow(
        code=code, name=name, full_name=full_name, authority=_authority(kind, name, full_name), region=region,
        status=status, received=received, late_days=late,
        report_number=_text(record.get("report_number")).replace(" ", ""),
        report_date=local_date(_text(record.get("report_date")), campaign.tz),
        corrected=bool(_flag(record.get("corrected"))),
        texts=texts, quotable=quotable, refs=refs, notes=notes, review=review,
        funding=_int(record.get("funding_vnd")),
        funding_by_source={s.key: _int(record.get(f"funding_{s.key}_vnd")) for s in campaign.figures.funding_sources},
        funding_rule=_text(record.get("funding_rule")),
        funding_review=bool(_flag(record.get("funding_review"))), funding_note=_text(record.get("funding_note")),
        amounts={a.key: _stated(record, a.key) for a in campaign.figures.amounts},
        scheme_approved=_flag(record.get("scheme_approved")),
        scheme_decision=_text(record.get("scheme_decision")),
        scheme_approved_on=_text(record.get("scheme_approved_on")),
        ioc_operating=_flag(record.get("ioc_operating")),
        difficulty_themes=tuple(k for k in _text(record.get("difficulty_themes")).split(";") if k),
        proposal_themes=tuple(k for k in _text(record.get("proposal_themes")).split(";") if k),
        source=_text(record.get("source")), error=_text(record.get("error")), received_at=received_at,
    )
