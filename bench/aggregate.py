"""Time of the analyst's table for a full campaign: 63 provinces × 6 sections.

    python3 bench/aggregate.py [--repeat 5] [--reports-per-province 2]

Fills a store's catalogue as ingest would leave it (every province reported, a
correction for some, six sections of realistic length each, taken from the sample
reports), then times `consolidate` (reports read from the store, the table with its
figures, regions, themes and history) and the .xlsx export. Target: table ≤ 1 s."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from baocao.aggregate.consolidate import consolidate
from baocao.aggregate.export import write_table
from baocao.campaign import load_campaign
from baocao.ingest.pipeline import ingest
from baocao.ingest.sources import file_messages
from baocao.parse.reports import ParsedDocument
from baocao.parse.sections import Section, SourceRef
from baocao.store import Store, now_utc
from baocao.store.records import AttachmentRecord, CampaignFinding, MessageAnalysis, NewMessage, SavedAttachment

MAILBOX = Path(__file__).resolve().parent.parent / "fixtures" / "mailbox"


def sample_sections() -> list[list[str]]:
    """Section texts of the sample reports, to fill the synthetic store with real prose."""
    campaign = load_campaign()
    with tempfile.TemporaryDirectory() as work:
        store = Store.open(Path(work) / "kho", create=True)
        ingest(store, file_messages(MAILBOX), campaign)
        sections = store.sections(campaign.id)
        texts = [[s.text for s in sections.get(d.sha256, ())] for d in store.documents() if d.status == "ok"]
        store.close()
    return [t for t in texts if len(t) == 6]


def fill(store: Store, reports_per_province: int) -> None:
    campaign = load_campaign()
    texts = sample_sections()
    start = datetime(2022, 5, 20, tzinfo=timezone.utc)
    reports = [(i, province, k) for i, province in enumerate(campaign.provinces)
               for k in range(reports_per_province if i % 3 == 0 else 1)]
    sha = {(i, k): f"{i:02d}{k}".ljust(64, "a") for i, _, k in reports}
    received = {(i, k): (start + timedelta(hours=5 * i + 30 * k)).isoformat() for i, _, k in reports}
    store.record_batch([NewMessage(sha[i, k], 40000, received[i, k], "internaldate", now_utc())
                        for i, _, k in reports], [], [])
    with store.transaction():
        for i, province, k in reports:
            doc = f"{i:02d}{k}".ljust(64, "d")
            store.save_attachments([SavedAttachment(sha[i, k], AttachmentRecord(
                "2", f"bao-cao-{province.ascii}.docx", "application/octet-stream", doc, 30000, True), None)])
            store.save_document(doc, ParsedDocument("docx", "ok", tuple(
                Section(n, f"{n}. Mục {n}", text, SourceRef("", 10 * n, 10 * n + 8))
                for n, text in enumerate(texts[(i + k) % len(texts)], start=1)), ""), campaign.id)
            store.save_analysis(sha[i, k], MessageAnalysis(
                message_id=f"<{i}.{k}@bench>", sender="", sender_name="", subject="", date_header=None,
                kind="report", campaign_id=campaign.id, campaign_match="cited", province_code=province.code,
                province_status="recognised", province_evidence="[]", analysed_at=now_utc()),
                [CampaignFinding(campaign.id, "cited", province.code, "recognised")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reports-per-province", type=int, default=2)
    args = parser.parse_args()
    campaign = load_campaign()
    with tempfile.TemporaryDirectory() as work:
        store = Store.open(Path(work) / "kho", create=True)
        fill(store, args.reports_per_province)
        tables, exports = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            consolidation = consolidate(store, campaign)
            tables.append(time.perf_counter() - started)
            started = time.perf_counter()
            write_table(consolidation, Path(work) / "bang.xlsx")
            exports.append(time.perf_counter() - started)
        reports = len(store.messages())
        store.close()
    table_s = statistics.median(tables)
    print(f"store: {len(campaign.provinces)} provinces, {reports} reports, 6 sections each")
    print(f"  table (consolidate)   : {table_s * 1000:.0f} ms  median of {args.repeat}  "
          f"target <= 1000 ms  {'PASS' if table_s <= 1 else 'FAIL'}")
    print(f"  .xlsx with its sheets : {statistics.median(exports) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
