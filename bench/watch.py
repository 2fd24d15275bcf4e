"""`baocao watch` kept running against a Dovecot on 127.0.0.1 that receives a message every
few seconds: does its memory stay flat, and how long does a message take from the server
to the store?

    python3 bench/watch.py [--minutes 30] [--every 3] [--no-idle --interval 10s] [--trace 5]

Every minute prints the watch process's RSS (VmRSS from /proc/PID/status) and that of its
children (the ingest's workers, while a run is on), the messages appended and stored so
far, and the delays of the minute; at the end, the delay of every message (append to
analysed in the catalogue: IDLE wake-up, fetch, store and analysis) and the RSS trend.
One message in four is a province's report from the sample mailbox (parsed), the others
a note with a photo. "Flat" is a figure: the slope of RSS over the second half (after
warm-up), in MiB per minute and per day, and a verdict line against --flat. With --trace
MINUTES the watch runs with tracemalloc (BAOCAO_WATCH_TRACEMALLOC) and its `memory` and
`memory_growth` lines (Python heap beside RSS, the heap's peak during the runs of those
minutes, the sites that grew) are printed at the end: RSS that climbs with a level heap and
a climbing peak is what each run holds while it runs (it was the folder's whole listing,
~1.2 KiB per message in the folder, until ingest/imap.py sifted it a chunk at a time).
`--env MALLOC_ARENA_MAX=2` runs the watch with that setting (glibc's malloc arenas, one per
thread by default: the fetch thread's arena keeps pages of its own). The last line is the run as
a row of bench/README.md's table, to paste in a note.
Exits 1 when a message was not stored or was stored twice."""

from __future__ import annotations

import argparse
import email.policy
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email import message_from_bytes
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from mailserver import MAILBOX, ROOT, Dovecot, filler_message, free_port, imap_args, manifest  # noqa: E402

from baocao.store import ReadOnlyCatalogue  # noqa: E402
from baocao.store.errors import CatalogueUnreadable  # noqa: E402


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found + [g for c in found for g in children(c)]


def messages():
    """An endless stream of (Message-ID, raw): three notes, then a report made new."""
    reports = [(MAILBOX / e["file"]).read_bytes() for e in manifest() if e["kind"] == "report"]
    i = 0
    while True:
        if i % 4 == 3 and reports:
            m = message_from_bytes(reports[(i // 4) % len(reports)], policy=email.policy.SMTP)
            del m["Message-ID"]
            m["Message-ID"] = f"<bench-watch-{i}@example.test>"
            yield m["Message-ID"], m.as_bytes()
        else:
            yield f"<filler-77-{i}@example.test>", filler_message(i, seed=77)
        i += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--every", type=float, default=3, help="seconds between two arrivals")
    parser.add_argument("--no-idle", action="store_true")
    parser.add_argument("--interval", default="10s", help="with --no-idle")
    parser.add_argument("--flat", type=float, default=0.005,
                        help="MiB per minute of RSS growth over the second half still called flat (7 MiB a day)")
    parser.add_argument("--trace", type=float, metavar="MINUTES",
                        help="tracemalloc snapshots in the watch every MINUTES, their top growth printed at the end")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set in the watch's environment, as a systemd unit's Environment= would "
                             "(e.g. MALLOC_ARENA_MAX=2); may be repeated")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bc-bw-", dir="/tmp"))
    # A folder of its own, as tests/conftest.py makes it: start.sh opens it to Dovecot's users.
    server = Dovecot(Path(tempfile.mkdtemp(prefix="bc-bwd-", dir="/tmp")), free_port())
    server.start()
    store = work / "kho"
    with server.client() as c:
        c.create_folder("Bench")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env["BAOCAO_IMAP_PASSWORD"] = server.password
    if args.trace:
        env["BAOCAO_WATCH_TRACEMALLOC"] = str(args.trace)
    env.update(setting.split("=", 1) for setting in args.env)
    log = (work / "watch.log").open("w")
    extra = ["--no-idle", "--interval", args.interval] if args.no_idle else []
    watch = subprocess.Popen([sys.executable, "-m", "baocao", "watch", "--store", str(store),
                              *imap_args(server, "Bench"), *extra], stderr=log, stdout=subprocess.DEVNULL,
                             env=env, cwd=ROOT)
    appended: dict[str, float] = {}
    stored_at: dict[str, float] = {}
    twice = [0]
    stop = threading.Event()

    def watch_store():
        while not stop.is_set():
            if (store / "catalog.sqlite").exists():
                catalogue = ReadOnlyCatalogue(store)
                try:
                    ids = [m.message_id for m in catalogue.messages() if m.analysed_at]
                except CatalogueUnreadable:   # the watch's first run is creating the catalogue
                    ids = []
                finally:
                    catalogue.close()
                twice[0] = len(ids) - len(set(ids))
                now = time.monotonic()
                for mid in ids:
                    stored_at.setdefault(mid, now)
            time.sleep(0.5)

    poller = threading.Thread(target=watch_store, daemon=True)
    poller.start()
    print(f"baocao watch, pid {watch.pid}, {'polling every ' + args.interval if args.no_idle else 'IDLE'}; "
          f"a message every {args.every:g} s for {args.minutes:g} min; machine: {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f} at start" + (f"; environment {' '.join(args.env)}" if args.env else ""))
    print(f"{'min':>4} {'RSS MiB':>8} {'children MiB':>13} {'appended':>9} {'stored':>7} "
          f"{'delay median s':>15} {'delay max s':>12} {'load':>5}")
    rss: list[float] = []
    stream = messages()
    start = time.monotonic()
    next_minute = start + 60
    minute_ids: list[str] = []
    try:
        with server.client() as c:
            while time.monotonic() - start < args.minutes * 60:
                mid, raw = next(stream)
                c.append("Bench", raw, flags=())
                appended[mid] = time.monotonic()
                minute_ids.append(mid)
                time.sleep(args.every)
                if time.monotonic() >= next_minute:
                    time.sleep(0)
                    delays = [stored_at[m] - appended[m] for m in minute_ids if m in stored_at]
                    mib = rss_kib(watch.pid) / 1024
                    kids = sum(rss_kib(p) for p in children(watch.pid)) / 1024
                    rss.append(mib)
                    print(f"{len(rss):>4} {mib:>8.1f} {kids:>13.1f} {len(appended):>9} "
                          f"{sum(m in stored_at for m in appended):>7} "
                          f"{statistics.median(delays) if delays else float('nan'):>15.1f} "
                          f"{max(delays) if delays else float('nan'):>12.1f} {os.getloadavg()[0]:>5.1f}", flush=True)
                    minute_ids = [m for m in minute_ids if m not in stored_at]
                    next_minute += 60
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(m in stored_at for m in appended):
            time.sleep(0.5)
    finally:
        stop.set()
        watch.send_signal(signal.SIGTERM)
        code = watch.wait(30)
        server.stop()
    delays = sorted(stored_at[m] - appended[m] for m in appended if m in stored_at)
    lost = len(appended) - len(delays)
    print(f"\nmessages: {len(appended)} appended, {len(delays)} stored, {lost} not stored, {twice[0]} stored twice; "
          f"watch exited {code} on SIGTERM")
    if delays:
        p95 = delays[min(len(delays) - 1, int(0.95 * len(delays)))]
        print(f"end-to-end delay (append → analysed in the store, polled every 0.5 s): min {delays[0]:.1f} s, "
              f"median {statistics.median(delays):.1f} s, p95 {p95:.1f} s, max {delays[-1]:.1f} s")
        print("each message's delay, s: " + " ".join(f"{stored_at[m] - appended[m]:.1f}" for m in appended
                                                      if m in stored_at))
    if rss:
        half = max(1, len(rss) // 2)
        print(f"RSS of the watch process: first minute {rss[0]:.1f} MiB, last {rss[-1]:.1f} MiB, max {max(rss):.1f} "
              f"MiB; mean of the first half {statistics.mean(rss[:half]):.1f}, of the second "
              f"{statistics.mean(rss[half:] or rss):.1f} MiB")
        print("RSS at minute " + ", ".join(f"{m}: {rss[m - 1]:.1f}" for m in sorted({1, *range(5, len(rss) + 1, 5),
                                                                                    len(rss)})) + " MiB")
        second = list(enumerate(rss, start=1))[half:]
        if len(second) >= 3:
            slope = statistics.linear_regression([m for m, _ in second], [r for _, r in second]).slope
            print(f"RSS slope over the second half (minutes {second[0][0]}-{second[-1][0]}, after warm-up): "
                  f"{slope:+.4f} MiB/min = {slope * 1440:+.1f} MiB/day")
            verdict = "FLAT" if slope <= args.flat else "GROWING"
            print(f"verdict: {verdict} (flat means at most {args.flat:g} MiB/min = {args.flat * 1440:.1f} MiB/day; "
                  f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
            print(_note_line(args, appended, delays, lost, twice[0], rss, slope, verdict))
    if args.trace:
        print("tracemalloc in the watch (Python heap vs RSS; sites grown since the first snapshot):")
        for line in (work / "watch.log").read_text(encoding="utf-8").splitlines():
            if " memory" in line:
                print("  " + line)
    print(f"log: {work / 'watch.log'}")
    return 1 if lost or twice[0] or code != 0 else 0


def _note_line(args, appended, delays, lost, twice, rss, slope, verdict) -> str:
    """The run as one row of bench/README.md's table, ready to paste into a note."""
    p95 = delays[min(len(delays) - 1, int(0.95 * len(delays)))] if delays else float("nan")
    mode = f"polling every {args.interval}" if args.no_idle else "IDLE"
    every5 = ", ".join(f"{rss[m - 1]:.1f}" for m in sorted({1, *range(5, len(rss) + 1, 5), len(rss)}))
    setting = f", {' '.join(args.env)}" if args.env else ""
    return ("for a note:\n"
            f"| {args.minutes:g} min, {mode}, one every {args.every:g} s{setting} | {len(appended)} | {lost} / {twice} "
            f"| {statistics.median(delays) if delays else float('nan'):.1f} s, {p95:.1f} s, "
            f"{delays[-1] if delays else float('nan'):.1f} s | {rss[0]:.1f} → {rss[-1]:.1f} MiB "
            f"(each 5 min: {every5}); slope {slope:+.4f} MiB/min, {verdict} |")


if __name__ == "__main__":
    sys.exit(main())
