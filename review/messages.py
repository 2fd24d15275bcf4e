"""The messages nobody could tell the province of ("Thư chưa rõ tỉnh"): reports the ingest
kept with no province, waiting for a person to assign them or set them aside as not a
report. Plain data from the reports after the corrections already made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Sequence

from baocao.aggregate.reports import ReportRecord
from baocao.review.overview import local_time


@dataclass(frozen=True)
class UnattributedMessage:
    sha256: str
    subject: str
    sender: str
    received: str                         # dd/mm/yyyy HH:MM, the campaign's time zone
    documents: tuple[tuple[str, str], ...]   # (sha256, file name) of each document


def unattributed(reports: Sequence[ReportRecord], tz: tzinfo) -> tuple[UnattributedMessage, ...]:
    """One line per message with a report of no province, oldest first."""
    seen: dict[str, UnattributedMessage] = {}
    for r in sorted(reports, key=lambda r: r.received_at):
        if not r.province_code and r.message_sha256 not in seen:
            seen[r.message_sha256] = UnattributedMessage(
                r.message_sha256, r.subject or "(không tiêu đề)", r.sender or "",
                local_time(r.received_at.isoformat(), tz),
                tuple((d.sha256, d.filename or "(không tên)") for d in r.documents))
    return tuple(seen.values())
