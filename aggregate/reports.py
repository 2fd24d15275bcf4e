"""The campaign's reports as plain records, read out of the store once; everything
after this is a pure function of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from baocao.parse.letterhead import ReportReference, report_reference
from baocao.store import Store
from baocao.store.records import MessageDocument, SectionRecord

READ_STATUSES = ("ok", "partial", "no_sections")


@dataclass(frozen=True)
class DocumentRecord:
    filename: str
    sha256: str
    format: str
    status: str          # ok | partial | no_sections | failed | unsupported
    error: str
    sections: tuple[SectionRecord, ...]
    ocr: bool = False
    reference: ReportReference = ReportReference(None, None)   # its own number and date
    letterhead: str = ""  # the text before its first outline item: all of it when none was found


@dataclass(frozen=True)
class ReportRecord:
    message_sha256: str
    message_id: str
    sender: str
    subject: str
    received_at: datetime   # aware, UTC
    province_code: str
    documents: tuple[DocumentRecord, ...]

    @property
    def readable(self) -> bool:
        """A report read, sections found or not: one whose headings match none of the
        outline still arrived, on time or late; its cells are left for the reviewer."""
        return any(d.status in READ_STATUSES for d in self.documents)


def campaign_reports(store: Store, campaign_id: str) -> list[ReportRecord]:
    """Reports of the campaign, duplicates left out, oldest first: one per message and
    province, since a message may carry two provinces' reports (each document counts for
    the province its letterhead names; one that names none, for the message's province).
    province_code is "" where nobody could tell the province (a correction may still say it)."""
    sections = store.sections(campaign_id)
    documents: dict[str, dict[str | None, list[DocumentRecord]]] = {}
    for d in store.message_documents(campaign_id):
        documents.setdefault(d.message_sha256, {}).setdefault(d.province_code, []).append(_document(d, sections))
    reports = []
    for m in store.report_messages(campaign_id):
        by_province: dict[str, list[DocumentRecord]] = {m.province_code: []}   # the message's province first
        for code, found in documents.get(m.sha256, {}).items():
            by_province.setdefault(code or m.province_code, []).extend(found)
        for code, found in by_province.items():
            if found or len(by_province) == 1:   # a report with no document is still the message's
                reports.append(ReportRecord(m.sha256, m.message_id, m.sender, m.subject,
                                            datetime.fromisoformat(m.received_at), code, tuple(found)))
    return reports


def _document(d: MessageDocument, sections: dict[str, list[SectionRecord]]) -> DocumentRecord:
    return DocumentRecord(d.filename, d.sha256, d.format, d.status, d.error, tuple(sections.get(d.sha256, ())), d.ocr,
                          report_reference(d.letterhead, d.signoff), d.letterhead)
