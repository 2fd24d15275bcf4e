"""The campaign's reports as plain records, read out of the store once; everything
after this is a pure function of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from baocao.store import Store

READ_STATUSES = ("ok", "partial", "no_sections")


@dataclass(frozen=True)
class SectionRecord:
    number: int
    heading: str
    text: str
    first_block: int | None
    last_block: int | None
    first_page: int | None = None
    last_page: int | None = None


@dataclass(frozen=True)
class DocumentRecord:
    filename: str
    sha256: str
    format: str
    status: str          # ok | partial | no_sections | failed | unsupported
    error: str
    sections: tuple[SectionRecord, ...]
    ocr: bool = False


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
    db = store.db
    messages = db.execute(
        """SELECT sha256, message_id, sender, subject, received_at, province_code FROM messages
           WHERE kind = 'report' AND campaign_id = ? AND duplicate_of IS NULL
           ORDER BY received_at, sha256""",
        (campaign_id,),
    ).fetchall()
    sections: dict[str, list[SectionRecord]] = {}
    for r in db.execute("SELECT document_sha256, number, heading, text, first_block, last_block, first_page, "
                        "last_page FROM sections ORDER BY number"):
        sections.setdefault(r[0], []).append(SectionRecord(*r[1:]))
    documents: dict[str, dict[str | None, list[DocumentRecord]]] = {}
    for r in db.execute(
        """SELECT a.message_sha256, a.province_code, a.filename, d.sha256, d.format, d.status, d.error, d.ocr
           FROM attachments a JOIN documents d ON d.sha256 = a.sha256 ORDER BY a.message_sha256, a.part"""
    ):
        documents.setdefault(r[0], {}).setdefault(r[1], []).append(
            DocumentRecord(r[2] or "", r[3], r[4], r[5], r[6] or "", tuple(sections.get(r[3], ())), bool(r[7]))
        )
    reports = []
    for m in messages:
        own = m["province_code"] or ""
        by_province: dict[str, list[DocumentRecord]] = {own: []}   # the message's province first
        for code, found in documents.get(m["sha256"], {}).items():
            by_province.setdefault(code or own, []).extend(found)
        for code, found in by_province.items():
            if found or len(by_province) == 1:   # a report with no document is still the message's
                reports.append(ReportRecord(m["sha256"], m["message_id"] or "", m["sender"] or "", m["subject"] or "",
                                            datetime.fromisoformat(m["received_at"]), code, tuple(found)))
    return reports
