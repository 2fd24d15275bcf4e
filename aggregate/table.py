"""The analyst's table: one row per province of the campaign, missing ones included."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from baocao.aggregate.amounts import funding_total
from baocao.aggregate.figures import funding_by_source, ioc_operating, scheme_approval, themes_in
from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.campaign import Campaign

STATUSES = ("on_time", "late", "missing", "unreadable")


def section_columns(campaign: Campaign) -> list[str]:
    return [f"section_{s.number}" for s in campaign.sections]


def figure_columns(campaign: Campaign) -> list[str]:
    """The figures the campaign file asks for ([figures]); none for a campaign without."""
    figures = campaign.data.get("figures", {})
    columns = [f"funding_{key}_vnd" for key in figures.get("funding_sources", {})]
    if "project_approval" in figures:
        columns += ["scheme_approved", "scheme_approved_on", "scheme_decision"]
    if "ioc" in figures:
        columns.append("ioc_operating")
    if "themes" in figures:
        columns += ["difficulty_themes", "proposal_themes"]
    return columns


def table_columns(campaign: Campaign) -> list[str]:
    sections = section_columns(campaign)
    return ["province_code", "province", "region", "status", "received_at", "reports", "corrected",
            "sections_found", *sections, *[f"{c}_ref" for c in sections],
            "funding_vnd", "funding_rule", *figure_columns(campaign), "source", "error"]


def build_table(reports: Sequence[ReportRecord], campaign: Campaign) -> pd.DataFrame:
    """Status from the first readable report against the deadline (received at or after
    it is late); each section's content from the latest report that has it, so a
    correction supersedes what it restates."""
    by_province: dict[str, list[ReportRecord]] = {}
    for r in sorted(reports, key=lambda r: r.received_at):
        by_province.setdefault(r.province_code, []).append(r)
    rows = [_row(p, by_province.get(p.code, []), campaign) for p in campaign.provinces]
    table = pd.DataFrame(rows, columns=table_columns(campaign))
    for column in table.columns:
        if column.startswith("funding_") and column.endswith("_vnd"):
            table[column] = table[column].astype("Int64")
    for column in ("scheme_approved", "ioc_operating"):
        if column in table:
            table[column] = table[column].astype("boolean")
    table["reports"] = table["reports"].astype("int64")
    table["sections_found"] = table["sections_found"].astype("int64")
    return table


def _row(province, reports: list[ReportRecord], campaign: Campaign) -> dict:
    row = {
        "province_code": province.code, "province": province.name, "region": province.region,
        "status": "missing", "received_at": "", "reports": len(reports), "corrected": False,
        "sections_found": 0, "funding_vnd": None, "funding_rule": "", "source": "", "error": "",
    }
    row |= {c: "" if c in ("scheme_approved_on", "scheme_decision", "difficulty_themes", "proposal_themes") else None
            for c in figure_columns(campaign)}
    for c in section_columns(campaign):
        row[c] = row[f"{c}_ref"] = ""
    if not reports:
        return row
    readable = [r for r in reports if r.readable]
    if not readable:
        first = reports[0]
        row.update(status="unreadable", received_at=_local(first, campaign),
                   source=_source(first, first.documents[0] if first.documents else None),
                   error="; ".join(f"{d.filename}: {d.error}" for r in reports for d in r.documents if d.error)
                   or "no document attached")
        return row
    first, latest = readable[0], readable[-1]
    row["status"] = "late" if first.received_at >= campaign.deadline else "on_time"
    row["received_at"] = _local(first, campaign)
    row["corrected"] = len(readable) > 1
    used_sources = []
    for outline in campaign.sections:
        found = _latest_section(readable, outline.number)
        if found is None:
            continue
        report, document, section = found
        row[f"section_{outline.number}"] = section.text
        row[f"section_{outline.number}_ref"] = _ref(document, section)
        row["sections_found"] += 1
        used_sources.append(_source(report, document))
    row["source"] = "; ".join(dict.fromkeys(used_sources)) or _source(latest, latest.documents[0])
    if not row["sections_found"]:
        row["error"] = "; ".join(f"{d.filename}: {d.error}" for r in readable for d in r.documents
                                 if d.status == "no_sections")
    funding_key = _funding_section(campaign)
    if funding_key and row[funding_key]:
        figure = funding_total(row[funding_key])
        row["funding_vnd"] = figure.vnd
        row["funding_rule"] = figure.rule + (" (ambiguous: check)" if figure.ambiguous else "")
    row |= _figures(row, campaign)
    return row


def _figures(row: dict, campaign: Campaign) -> dict:
    figures = campaign.data.get("figures", {})
    if not figures:
        return {}
    by_key = {s.key: row[f"section_{s.number}"] for s in campaign.sections}
    everything = "\n".join(by_key.values())
    found: dict = {}
    if "funding_sources" in figures:
        split = funding_by_source(by_key.get("funding", ""), figures["funding_sources"])
        found |= {f"funding_{key}_vnd": split.get(key) for key in figures["funding_sources"]}
    if "project_approval" in figures:
        approval = scheme_approval(everything, figures["project_approval"])
        found |= {"scheme_approved": approval.approved, "scheme_approved_on": approval.on,
                  "scheme_decision": approval.decision}
    if "ioc" in figures:
        found["ioc_operating"] = ioc_operating(everything, figures["ioc"])
    if "themes" in figures:
        found["difficulty_themes"] = ";".join(themes_in(by_key.get("difficulties", ""), figures["themes"]))
        found["proposal_themes"] = ";".join(themes_in(by_key.get("proposals", ""), figures["themes"]))
    return found


def _latest_section(readable: list[ReportRecord], number: int):
    for report in reversed(readable):
        for document in report.documents:
            for section in document.sections:
                if section.number == number and section.text.strip():
                    return report, document, section
    return None


def _funding_section(campaign: Campaign) -> str | None:
    for s in campaign.sections:
        if s.key == "funding":
            return f"section_{s.number}"
    return None


def _local(report: ReportRecord, campaign: Campaign) -> str:
    return report.received_at.astimezone(campaign.tz).isoformat()


def _source(report: ReportRecord, document: DocumentRecord | None) -> str:
    return f"{report.message_id} · {document.filename}" if document else report.message_id


def _ref(document: DocumentRecord, section: SectionRecord) -> str:
    """Where the reviewer finds the text: pages for a PDF, paragraphs for Word; OCR said."""
    ocr = " (OCR)" if document.ocr else ""
    if section.first_page is not None:
        pages = (f"trang {section.first_page}" if section.first_page == section.last_page
                 else f"trang {section.first_page}–{section.last_page}")
        return f"{document.filename}, {pages}{ocr}"
    if section.first_block is None:
        return document.filename + ocr
    return f"{document.filename}, đoạn {section.first_block + 1}–{section.last_block + 1}{ocr}"
