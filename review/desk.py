"""The store as the review desk reads it: the same consolidation `baocao aggregate` makes,
read again only when the catalogue or corrections.toml changed, and the corrections the desk
appends. Each server thread reads through its own read-only connection, so the desk never
holds a write lock on the catalogue and the nightly ingest never waits for it (WAL)."""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from baocao.aggregate.consolidate import consolidate
from baocao.aggregate.corrections import (
    FILE_NAME,
    Corrections,
    append_correction,
    load_corrections,
    reassign,
)
from baocao.aggregate.export import Consolidation, write_table
from baocao.aggregate.reports import ReportRecord, campaign_reports
from baocao.aggregate.schema import cell_columns
from baocao.campaign import Campaign
from baocao.ingest.assign import record_decision
from baocao.render.report import render_report
from baocao.review.messages import UnattributedMessage, unattributed
from baocao.review.overview import Overview, overview
from baocao.review.province import ProvincePage, province_page
from baocao.store import Store

DOWNLOADS = {   # file name -> its type; what the desk's download buttons give
    "bang-tong-hop.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "bao-cao.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "bao-cao.pdf": "application/pdf",
}


@dataclass(frozen=True)
class Snapshot:
    """What the pages show, as one moment of the store saw it."""
    consolidation: Consolidation
    corrections: Corrections
    reports: tuple[ReportRecord, ...]    # after the analyst's reassignments

    @property
    def table(self) -> pd.DataFrame:
        return self.consolidation.table


class Desk:
    def __init__(self, store_root: Path, campaign: Campaign):
        self.root = Path(store_root)
        self.campaign = campaign
        self._local = threading.local()
        self._lock = threading.Lock()
        self._snapshot: tuple[tuple, Snapshot] | None = None

    @property
    def store(self) -> Store:
        """This thread's read-only view of the catalogue."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open_read_only(self.root)
        return store

    def snapshot(self) -> Snapshot:
        stamp = (self.store.catalogue_stamp(), _file_stamp(self.root / FILE_NAME))
        with self._lock:
            if self._snapshot is None or self._snapshot[0] != stamp:
                corrections = load_corrections(self.root, self.campaign)
                reports = reassign(campaign_reports(self.store, self.campaign.id), corrections)
                self._snapshot = stamp, Snapshot(consolidate(self.store, self.campaign), corrections, tuple(reports))
            return self._snapshot[1]

    # -- pages ------------------------------------------------------------------------
    def overview(self, chosen: str = "") -> Overview:
        snapshot = self.snapshot()
        return overview(snapshot.table, snapshot.corrections, self.campaign.tz, chosen)

    def province(self, code: str) -> ProvincePage | None:
        snapshot = self.snapshot()
        rows = snapshot.table.index[snapshot.table["province_code"] == code]
        if not len(rows):
            return None
        reports = [r for r in snapshot.reports if r.province_code == code]
        shas = {r.message_sha256 for r in reports}
        # A message's province in this campaign's table: one answering another request is
        # numbered by that one's (74 Bình Dương in 2022 is part of 79 in 2025).
        findings = self.store.campaign_findings(self.campaign.id)
        messages = [m for m in self.store.messages() if m.sha256 in shas or code == (
            findings[m.sha256].province_code if m.sha256 in findings else m.province_code)]
        attachments = [a for m in messages for a in self.store.attachments(m.sha256)]
        return province_page(snapshot.table.loc[rows[0]], self.campaign, reports, snapshot.corrections,
                             messages, attachments)

    def unattributed(self) -> tuple[UnattributedMessage, ...]:
        return unattributed(self.snapshot().reports, self.campaign.tz)

    def message(self, sha: str) -> str | None:
        """The stored message of that whole hash, else None."""
        return sha if self.store.find_messages(sha) == [sha] else None

    def next_to_review(self, after: tuple[str, int] | None = None) -> tuple[str, int] | None:
        """The next cell a person should check (province code, item), in the table's order,
        after the one given; None when none is left."""
        table = self.snapshot().table
        cells = [(row.province_code, s.number) for row in table.itertuples(index=False)
                 for s in self.campaign.sections if getattr(row, cell_columns(s.number).review)]
        later = [c for c in cells if after is None or c > after]
        return (later or cells or [None])[0]

    # -- downloads ------------------------------------------------------------------------
    def download(self, name: str) -> bytes:
        """One of DOWNLOADS as the store stands now, corrections applied: the same files
        `baocao aggregate` and `baocao render` write."""
        with tempfile.TemporaryDirectory(prefix="baocao-review-") as work:
            out = Path(work) / name
            if name.startswith("bang-tong-hop"):
                write_table(self.snapshot().consolidation, out)
            else:
                render_report(self.snapshot().table, self.campaign, self.store.errors(self.campaign.id), out)
            return out.read_bytes()

    # -- changes ------------------------------------------------------------------------
    def correct_text(self, code: str, item: int, text: str, by: str, version: str) -> Corrections:
        return append_correction(self.root, self.campaign, code, cell_columns(item).text, text, by=by,
                                 at=datetime.now(self.campaign.tz), expected_version=version)

    def mark_checked(self, code: str, item: int, by: str) -> Corrections:
        return append_correction(self.root, self.campaign, code, cell_columns(item).review, False, by=by,
                                 at=datetime.now(self.campaign.tz))

    def assign_message(self, sha: str, code: str, by: str) -> Corrections:
        """Recorded as `baocao assign` records it (ingest/assign.record_decision)."""
        return record_decision(self.root, self.campaign, sha, code, by=by)

    def set_aside(self, sha: str, by: str) -> Corrections:
        """The message is no report: aggregate leaves it out."""
        return record_decision(self.root, self.campaign, sha, by=by, not_report=True)

    def correct_funding(self, code: str, vnd: int, by: str, version: str) -> Corrections:
        return append_correction(self.root, self.campaign, code, "funding_vnd", vnd, by=by,
                                 at=datetime.now(self.campaign.tz), expected_version=version)

    def mark_funding_checked(self, code: str, by: str) -> Corrections:
        return append_correction(self.root, self.campaign, code, "funding_review", False, by=by,
                                 at=datetime.now(self.campaign.tz))


def _file_stamp(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
