"""A province's page: its six outline items as the table has them (text, confidence, why to
check, where each came from, who changed it), and the messages it sent. Plain data built
from the table row, the province's reports and the corrections; the page images are
sources.py's, the HTML the template's."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import tzinfo
from typing import Sequence

import pandas as pd

from baocao.aggregate.corrections import CellCorrection, Corrections, cell_history, cell_version, message_decision
from baocao.aggregate.reports import ReportRecord
from baocao.aggregate.schema import Status, cell_columns
from baocao.aggregate.table import latest_section
from baocao.campaign import Campaign
from baocao.i18n import recorded_text
from baocao.render.money import ty_number
from baocao.review.overview import local_time, shown_time
from baocao.store.records import MessageRecord, SavedAttachment

KIND_LABELS = {
    "report": "Báo cáo", "ministry": "Thư của Bộ", "auto_reply": "Trả lời tự động",
    "delivery_failure": "Thư báo lỗi gửi", "newsletter": "Bản tin", "spam": "Thư rác", "other": "Thư khác",
    "too_large": "Quá lớn, chưa mở", "unreadable": "Không đọc được",
}


@dataclass(frozen=True)
class Change:
    """One entry of corrections.toml about an item, as the item's history shows it."""
    entry: int
    at: str          # dd/mm/yyyy HH:MM, or as the hand edit wrote it
    by: str
    what: str        # in Vietnamese: "sửa văn bản", "đánh dấu đã kiểm tra"
    value: str       # the text given, for a change of text
    note: str


@dataclass(frozen=True)
class ItemSource:
    """The document an item's text was taken from, and where in it."""
    document_sha256: str
    filename: str
    format: str
    heading: str             # the heading as the province wrote it; "" when the item was not found in it
    first_page: int | None   # a PDF's page, as the parser read it; None for a Word file


@dataclass(frozen=True)
class Item:
    number: int
    label: str               # the outline's short name: "Kinh phí"
    heading: str             # the outline's heading, as the ministry wrote it
    text: str                # as the table has it: extracted, or the analyst's
    confidence: float | None
    review: bool             # a person should still check it
    note: str                # why, in Vietnamese
    ref: str                 # file and pages or paragraphs
    version: str             # of the text's corrections: a save that saw another one is refused
    history: tuple[Change, ...]
    source: ItemSource | None

    @property
    def confidence_shown(self) -> str:
        return "—" if self.confidence is None else f"{self.confidence:.2f}".replace(".", ",")


@dataclass(frozen=True)
class Funding:
    """The province's total funding as the table has it: the figure read (or the analyst's),
    how it was read, why to check it, and who changed it."""
    shown: str               # in tỷ đồng, as the form takes it back: "42,50"; "" when none was read
    rule: str                # funding_rule: how the figure was read
    review: bool
    note: str                # funding_note: why to check it
    version: str             # of funding_vnd's corrections, like an item's
    history: tuple[Change, ...]


@dataclass(frozen=True)
class Document:
    sha256: str
    filename: str
    size: int


@dataclass(frozen=True)
class Message:
    sha256: str
    subject: str
    sender: str
    received: str
    kind: str                # in Vietnamese
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class ProvincePage:
    code: str
    name: str
    status: Status
    received: str
    report_number: str
    report_date: str
    cells_to_review: int
    error: str
    items: tuple[Item, ...]
    messages: tuple[Message, ...]
    funding: Funding


def province_page(row: pd.Series, campaign: Campaign, reports: Sequence[ReportRecord], corrections: Corrections,
                  messages: Sequence[MessageRecord], attachments: Sequence[SavedAttachment]) -> ProvincePage:
    """The page of the province of table row `row`; `reports` are its reports (after the
    analyst's reassignments), `messages` every message it sent, `attachments` theirs."""
    code, tz = row["province_code"], campaign.tz
    readable = [r for r in sorted(reports, key=lambda r: r.received_at) if r.readable]
    items = []
    for outline in campaign.sections:
        names = cell_columns(outline.number)
        found = latest_section(readable, outline.number)
        source = None
        if found is not None:
            _, document, section = found
            source = ItemSource(document.sha256, document.filename, document.format, section.heading,
                                section.first_page)
        elif readable and readable[-1].documents:
            # Not found: the text may be there under a heading nobody recognised; show the report.
            document = readable[-1].documents[0]
            source = ItemSource(document.sha256, document.filename, document.format, "", None)
        text_history = cell_history(corrections, code, names.text)
        changes = sorted((*text_history, *cell_history(corrections, code, names.review)), key=lambda c: c.entry)
        confidence = row[names.confidence]
        items.append(Item(outline.number, outline.label, outline.heading, str(row[names.text] or ""),
                          None if confidence is None or (isinstance(confidence, float) and math.isnan(confidence))
                          else float(confidence),
                          bool(row[names.review]), str(row[names.note] or ""), str(row[names.ref] or ""),
                          cell_version(text_history), tuple(_change(c, tz) for c in changes), source))
    return ProvincePage(code, row["province"], Status(row["status"]), local_time(row["received_at"], tz),
                        row["report_number"], row["report_date"], int(row["cells_to_review"]), row["error"],
                        tuple(items), _messages(messages, attachments, corrections, campaign),
                        _funding(row, corrections, tz))


def _funding(row: pd.Series, corrections: Corrections, tz: tzinfo) -> Funding:
    code = row["province_code"]
    amount_history = cell_history(corrections, code, "funding_vnd")
    changes = sorted((*amount_history, *cell_history(corrections, code, "funding_review")), key=lambda c: c.entry)
    rule = recorded_text(_text(row.get("funding_rule")), "vi")   # how the figure was read, in Vietnamese
    return Funding(_billions(row["funding_vnd"]), rule, bool(row.get("funding_review")), _text(row.get("funding_note")),
                   cell_version(amount_history),
                   tuple(_change(c, tz) for c in changes))


def _billions(vnd) -> str:
    """An amount in đồng shown in tỷ đồng; the analyst's words ("khoảng 5 tỷ") as written."""
    if isinstance(vnd, str):
        return vnd
    if vnd is None or isinstance(vnd, bool) or pd.isna(vnd):
        return ""
    return ty_number(int(vnd))


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _change(c: CellCorrection, tz: tzinfo) -> Change:
    if c.column.group == "section":
        what, value = "sửa văn bản", str(c.value)
    elif c.field == "funding_vnd":
        what, value = "sửa tổng kinh phí", f"{_billions(c.value)} tỷ đồng" if _billions(c.value) else ""
    elif c.value is False:
        what, value = "đánh dấu đã kiểm tra", ""
    else:
        what, value = f"đặt {c.field} = {c.value}", ""
    return Change(c.entry, shown_time(c.at, tz), c.by, what, value, c.note)


def _messages(messages: Sequence[MessageRecord], attachments: Sequence[SavedAttachment], corrections: Corrections,
              campaign: Campaign) -> tuple[Message, ...]:
    documents: dict[str, list[Document]] = {}
    for a in attachments:
        if a.attachment.stored:
            documents.setdefault(a.message_sha256, []).append(
                Document(a.attachment.sha256, a.attachment.filename or "(không tên)", a.attachment.size))
    return tuple(Message(m.sha256, m.subject or "(không tiêu đề)", m.sender or "",
                         local_time(m.received_at, campaign.tz), _kind(m, corrections, campaign),
                         tuple(documents.get(m.sha256, ())))
                 for m in sorted(messages, key=lambda m: m.received_at))


def _kind(m: MessageRecord, corrections: Corrections, campaign: Campaign) -> str:
    """What the message is, after a person's decision about it, if any."""
    decided = message_decision(corrections, m.sha256, m.message_id)
    if decided is not None and decided.not_report:
        return "Không phải báo cáo (đã đánh dấu)"
    if decided is not None:
        return f"Đã gán cho {campaign.province(decided.province_code).name}"
    return KIND_LABELS.get(m.kind or "", m.kind or "chưa phân tích")
