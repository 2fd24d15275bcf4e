"""How fast the review desk answers: the overview and a province page, 63 provinces.

    python3 bench/review.py [--requests 200] [--reports-per-province 2]

Fills a store as bench/aggregate.py does (every province reported, six sections each), gives
each document the PDF LibreOffice would have made (one sample report converted once), starts
`baocao review` on 127.0.0.1 as a user does, visits every page once (page PDFs converted,
headings found: the cached state a working desk is in), then times GET / and GET /tinh/<code>
over HTTP, provinces in turn. Target (issue 16): at most 200 ms at the 95th percentile."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from aggregate import MAILBOX, fill
from baocao.campaign import load_campaign
from baocao.ingest.pipeline import ingest
from baocao.ingest.sources import file_messages
from baocao.render.pdf import docx_to_pdf
from baocao.store import Store

TARGET_MS = 200


def sample_pdf(work: Path) -> Path:
    """One sample report as the PDF LibreOffice makes of it."""
    with tempfile.TemporaryDirectory() as scratch:
        store = Store.open(Path(scratch) / "kho", create=True)
        ingest(store, file_messages(MAILBOX), load_campaign())
        document = next(d for d in store.documents() if d.format == "docx")
        shutil.copyfile(store.object_path(document.sha256), work / "sample.docx")
        store.close()
    return docx_to_pdf(work / "sample.docx", work / "sample.pdf")


def timed_get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as answer:
        answer.read()
        assert answer.status == 200, url
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests of each page kind")
    parser.add_argument("--reports-per-province", type=int, default=2)
    args = parser.parse_args()
    campaign = load_campaign()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        store_path = work / "kho"
        store = Store.open(store_path, create=True)
        fill(store, args.reports_per_province)
        pdf = sample_pdf(work)
        for document in store.documents():
            target = store.rendition_path(document.sha256, ".pdf")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
        store.close()

        env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
        server = subprocess.Popen([sys.executable, "-m", "baocao", "review", "--store", str(store_path), "--port", "0"],
                                  stdout=subprocess.PIPE, text=True, env=env)
        try:
            line = server.stdout.readline()
            url = line[line.index("http://"):].split()[0].rstrip("/")
            codes = [p.code for p in campaign.provinces]
            started = time.perf_counter()
            for code in codes:          # the state a desk in use is in: every page seen once
                timed_get(f"{url}/tinh/{code}")
            warm_s = time.perf_counter() - started
            overview = [timed_get(f"{url}/") for _ in range(args.requests)]
            province = [timed_get(f"{url}/tinh/{codes[i % len(codes)]}") for i in range(args.requests)]
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    print(f"store: {len(campaign.provinces)} provinces, 6 items each; first visit of all 63 pages: {warm_s:.1f} s")
    for name, times in (("overview /", overview), ("province /tinh/<code>", province)):
        p95 = percentile(times, 95)
        print(f"  {name:24s}: p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {max(times):6.1f} ms  "
              f"({len(times)} requests)  target p95 <= {TARGET_MS} ms  {'PASS' if p95 <= TARGET_MS else 'FAIL'}")


if __name__ == "__main__":
    main()
