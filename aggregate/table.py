"""The analyst's table: one row per province of the campaign, missing ones included."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from baocao.aggregate.amounts import FundingFigure, report_funding
from baocao.aggregate.figures import (
    amount_stated,
    asking_in_funding_item,
    funding_by_source,
    ioc_operating,
    scheme_approval,
    themes_in,
    without_amounts_stated,
)
from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.aggregate.review import (
    EMPTY_THOUGH_REPORTED,
    NOTHING_TO_JUDGE,
    cells_to_review,
    funding_review,
    of_section,
)
from baocao.aggregate.schema import (
    AMOUNT,
    COUNT,
    FLAG,
    MAYBE,
    SHARE,
    Status,
    TableSchema,
    amount_columns,
    cell_columns,
    status_of,
    table_schema,
)
from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.parse.letterhead import ReportReference


def build_table(reports: Sequence[ReportRecord], campaign: Campaign) -> pd.DataFrame:
    """Status from the first readable report against the deadline (received at or after
    it is late); each section's content from the latest report that has it, so a
    correction supersedes what it restates."""
    by_province: dict[str, list[ReportRecord]] = {}
    for r in sorted(reports, key=lambda r: r.received_at):
        by_province.setdefault(r.province_code, []).append(r)
    schema = table_schema(campaign)
    rows = [_row(p, by_province.get(p.code, []), campaign, schema) for p in campaign.provinces]
    table = pd.DataFrame(rows, columns=schema.names)
    table["cells_to_review"] = cells_to_review(table)
    return schema.typed(table)


def _row(province, reports: list[ReportRecord], campaign: Campaign, schema: TableSchema) -> dict:
    # What a province that sent nothing shows: text empty, counts nought, figures unsaid.
    row = {c.name: None if c.dtype in (AMOUNT, MAYBE, SHARE) else False if c.dtype == FLAG else 0 if c.dtype == COUNT
           else "" for c in schema.columns}
    row |= {"province_code": province.code, "province": province.name, "region": province.region,
            "status": Status.MISSING.value, "reports": len(reports)}
    for outline in campaign.sections:
        row |= NOTHING_TO_JUDGE.columns(outline.number)
    if not reports:
        return row
    readable = [r for r in reports if r.readable]
    if not readable:
        first = reports[0]
        row.update(status=Status.UNREADABLE.value, received_at=_local(first, campaign),
                   source=_source(first, first.documents[0] if first.documents else None),
                   error="; ".join(f"{d.filename}: {d.error}" for r in reports for d in r.documents if d.error)
                   or "no document attached")
        return row
    first, latest = readable[0], readable[-1]
    row["status"] = status_of(first.received_at, campaign).value
    row["received_at"] = _local(first, campaign)
    row["corrected"] = len(readable) > 1
    reference = _reference(readable)
    row["report_number"] = reference.number or ""
    row["report_date"] = reference.date.isoformat() if reference.date else ""
    used_sources = []
    for outline in campaign.sections:
        found = latest_section(readable, outline.number)
        if found is None:
            row |= EMPTY_THOUGH_REPORTED.columns(outline.number)
            continue
        report, document, section = found
        row |= of_section(section, document.ocr).columns(outline.number)
        row[f"section_{outline.number}"] = section.text
        row[f"section_{outline.number}_ref"] = _ref(document, section)
        row["sections_found"] += 1
        used_sources.append(_source(report, document))
    row["source"] = "; ".join(dict.fromkeys(used_sources)) or _source(latest, latest.documents[0])
    if not row["sections_found"]:
        row["error"] = "; ".join(f"{d.filename}: {d.error}" for r in readable for d in r.documents
                                 if d.status == "no_sections")
    funding = campaign.section_with_role("funding")
    if funding:
        figure = funding_figure(row[f"section_{funding.number}"],
                                _outside_items(readable) + "\n" + _report_text(row, campaign), campaign,
                                _scanned(readable, funding.number))
        row["funding_vnd"] = figure.vnd
        row["funding_rule"] = (N_("{rule} (ambiguous: check)").format(rule=figure.rule) if figure.ambiguous
                               else figure.rule)
        item_review = bool(row[cell_columns(funding.number).review])
        row["funding_review"], row["funding_note"] = funding_review(figure, item_review)
    row |= _figures(row, campaign)
    return row


def funding_figure(item: str, report: str, campaign: Campaign, ocr: bool = False) -> FundingFigure:
    """The funding the province spent: its funding item's total, else the report's
    (aggregate/amounts.report_funding; `ocr`: read from a scan); money asked for or needed (the
    campaign's [[figures.amounts]]) is not money spent, so sentences stating it are left out."""
    asked = campaign.figures.amounts
    return report_funding(without_amounts_stated(item, asked, spent=True), without_amounts_stated(report, asked), ocr)


def _scanned(readable: list[ReportRecord], number: int) -> bool:
    """Whether the item's text was read from page images (OCR): the document the table takes
    it from (latest_section); without one, whether any document of the reports was."""
    found = latest_section(readable, number)
    if found is not None:
        return found[1].ocr
    return any(document.ocr for report in readable for document in report.documents)


def _reference(readable: list[ReportRecord]) -> ReportReference:
    """The number and date the province gave its report, to cite it by: the first report's
    (a correction sent later cites the report it corrects), else the first one found."""
    found = [d.reference for r in readable for d in r.documents]
    return next((ref for ref in found if ref.number and ref.date), None) or next(
        (ref for ref in found if ref.number or ref.date), ReportReference(None, None))


def _figures(row: dict, campaign: Campaign) -> dict:
    figures = campaign.figures

    def text_of(role: str) -> str:
        """The text of the section with this role; empty when the outline has none."""
        section = campaign.section_with_role(role)
        return row[f"section_{section.number}"] if section else ""

    everything = _report_text(row, campaign)
    found: dict = {}
    if figures.funding_sources:
        split = funding_by_source(without_amounts_stated(text_of("funding"), figures.amounts, spent=True),
                                  figures.funding_sources)
        found |= {f"funding_{source.key}_vnd": split.get(source.key) for source in figures.funding_sources}
    asked_in = "\n".join(asking_in_funding_item(row[f"section_{s.number}"]) if s.role == "funding"
                         else row[f"section_{s.number}"] for s in campaign.sections)
    for amount in figures.amounts:
        stated = amount_stated(asked_in, amount, figures.amounts)
        names = amount_columns(amount.key)
        found |= {names.vnd: stated.vnd, names.review: stated.review, names.note: stated.note}
    if figures.project_approval is not None:
        approval = scheme_approval(everything, figures.project_approval)
        found |= {"scheme_approved": approval.approved, "scheme_approved_on": approval.on,
                  "scheme_decision": approval.decision}
    if figures.ioc is not None:
        found["ioc_operating"] = ioc_operating(everything, figures.ioc)
    if figures.themes:
        found["difficulty_themes"] = ";".join(themes_in(text_of("difficulties"), figures.themes))
        found["proposal_themes"] = ";".join(themes_in(text_of("proposals"), figures.themes))
    return found


def _outside_items(readable: list[ReportRecord]) -> str:
    """The reports' text before their first outline item, the latest report first: the
    whole text of a document whose headings matched none of the outline, where the funding
    total is still written (funding follows the report, not the heading)."""
    return "\n".join(d.letterhead for r in reversed(readable) for d in r.documents if d.letterhead.strip())


def _report_text(row: dict, campaign: Campaign) -> str:
    """All the report's outline items, for a figure that may be written in any of them."""
    return "\n".join(row[f"section_{s.number}"] for s in campaign.sections)


def latest_section(readable: list[ReportRecord], number: int):
    """Where the table takes an item's text from: the latest readable report that has it (a
    correction supersedes what it restates). The review desk shows the source by this rule."""
    for report in reversed(readable):
        for document in report.documents:
            for section in document.sections:
                if section.number == number and section.text.strip():
                    return report, document, section
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
