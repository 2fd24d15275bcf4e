"""Timing of the whole job on the bundled sample mailbox, stage by stage.

    python3 bench/pipeline.py [--repeat 5]

Each repeat starts from an empty store; the figures are the median over repeats.
Prints messages per second for ingest with parsing (every report is a .docx), and the
time of aggregate and render."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from baocao.aggregate.reports import campaign_reports
from baocao.aggregate.table import build_table
from baocao.campaign import load_campaign
from baocao.ingest.pipeline import ingest
from baocao.ingest.sources import file_messages
from baocao.render.report import render_report
from baocao.store import Store

MAILBOX = Path(__file__).resolve().parent.parent / "fixtures" / "mailbox"


def one_run(work: Path) -> dict[str, float]:
    campaign = load_campaign()
    store = Store.open(work / "kho", create=True)
    t0 = time.perf_counter()
    summary = ingest(store, file_messages(MAILBOX), campaign)
    t1 = time.perf_counter()
    table = build_table(campaign_reports(store, campaign.id), campaign)
    t2 = time.perf_counter()
    for suffix in (".html", ".md"):
        render_report(table, campaign, store.errors(), work / f"bao-cao{suffix}")
    t3 = time.perf_counter()
    store.close()
    return {"messages": summary.seen, "ingest_s": t1 - t0, "aggregate_s": t2 - t1, "render_s": t3 - t2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as work:
            runs.append(one_run(Path(work)))
    median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"sample mailbox: {median['messages']:.0f} messages, {args.repeat} runs, medians")
    print(f"  ingest + parse : {median['ingest_s']:.3f} s  ({median['messages'] / median['ingest_s']:.1f} messages/s)")
    print(f"  aggregate      : {median['aggregate_s'] * 1000:.1f} ms  (63 provinces)")
    print(f"  render html+md : {median['render_s'] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
