"""Speed and memory of `baocao ingest` against a real Dovecot, next to mbsync.

    python3 bench/ingest.py [--messages 2000] [--attachment-kb 30] [--repeat 3] [--big-mb 100]
                            [--skip-big] [--keep DIR] [--profile FILE]

Needs Dovecot (apt-get install -y --no-install-recommends dovecot-imapd) and, for the
comparison, mbsync (apt-get install -y --no-install-recommends isync); GNU time is not needed.

It starts its own throwaway Dovecot on 127.0.0.1 (tests/dovecot/start.sh), fills it with a
seeded, reproducible mailbox and measures the targets of the ingest issue:

1. full fetch of MESSAGES messages with ~ATTACHMENT-KB KiB of non-report attachments each
   (folder Bench), fresh store each time, against mbsync into a fresh Maildir:
   target baocao <= 1.5 x mbsync (medians over REPEAT runs);
2. a second ingest with nothing new into the same store: target <= 1 s;
3. peak RSS of an ingest of one message with a BIG-MB MiB attachment (folder BenchBig):
   target <= 150 MB;
4. the sample mailbox's reports (fixtures/mailbox, folder BaoCao) with parsing: messages/s.

baocao is run only through its CLI, each run in its own process, so the figures are what a
user sees (interpreter start-up included) and do not depend on baocao's internals.
"""

from __future__ import annotations

import argparse
import email.policy
import email.utils
import json
import os
import platform
import pstats
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

from imapclient import IMAPClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from mailserver import IMAP_PASSWORD, IMAP_USER, Dovecot, free_port  # noqa: E402  (one Dovecot helper for tests and benches)

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
MAILBOX = ROOT / "fixtures" / "mailbox"
MBSYNC_PULL = BENCH / "mbsync-pull.sh"
VN = timezone(timedelta(hours=7))
SEED = 20261125

TARGET_RATIO = 1.5
TARGET_SECOND_S = 1.0
TARGET_RSS_MB = 150.0
MBSYNC_SECOND_REFERENCE_S = 0.015  # shared/recipes/README.md, section 3

# Runs one command, then reports its wall time and peak RSS as JSON into argv[1]. It is a
# fresh process per measurement so that RUSAGE_CHILDREN holds this child only.
MEASURE_CHILD = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - t0
rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
with open(sys.argv[1], "w") as f:
    json.dump({"rc": rc, "wall_s": wall, "max_rss_kib": rss_kib}, f)
"""

SUBJECTS = [
    "Ảnh hiện trường công trình nhà ở xã hội",
    "Thư mời họp giao ban tháng",
    "Tài liệu tham khảo về quy hoạch đô thị",
    "Bản vẽ thiết kế cơ sở (bản quét)",
    "Gửi lại hình ảnh nghiệm thu",
    "V/v góp ý dự thảo thông tư",
    "Dữ liệu đo đạc địa hình khu vực ven sông",
    "Chúc mừng năm mới — Sở Xây dựng",
]
SENDERS = [
    ("Văn phòng Sở Xây dựng Lào Cai", "vanphong@sxd.laocai.example.test"),
    ("Phòng Quản lý đô thị Nghệ An", "qldt@sxd.nghean.example.test"),
    ("Trần Thị Hương", "huongtt@sxd.danang.example.test"),
    ("Nguyễn Văn Đức", "ducnv@sxd.quangninh.example.test"),
    ("Ban Quản lý dự án Cần Thơ", "bqlda@cantho.example.test"),
]
BODY = (
    "Kính gửi Bộ Xây dựng,\n\n"
    "Sở Xây dựng xin gửi kèm theo đây tài liệu để Quý Bộ tham khảo. Đây không phải báo cáo "
    "về phát triển đô thị thông minh.\n"
    "Trân trọng cảm ơn./.\n"
)


# ---------------------------------------------------------------- the mailbox

def bench_message(i: int, rng: random.Random, attachment_bytes: int) -> tuple[bytes, datetime]:
    """Message i of the Bench folder and its INTERNALDATE: a Vietnamese note with one
    attachment that is not a report (a JPEG-looking image or opaque binary data)."""
    name, addr = SENDERS[i % len(SENDERS)]
    when = datetime(2022, 5, 16, 8, 0, tzinfo=VN) + timedelta(minutes=7 * i)
    msg = EmailMessage(policy=email.policy.SMTP)  # CRLF, as on the wire
    msg["From"] = email.utils.formataddr((name, addr))
    msg["To"] = "Bộ Xây dựng <baocao.uda@moc.example.test>"
    msg["Subject"] = f"{SUBJECTS[i % len(SUBJECTS)]} (số {i + 1})"
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = f"<bench-{i:05d}@example.test>"
    msg.set_content(BODY + f"Tệp đính kèm số {i + 1}.\n")
    if i % 2 == 0:
        data = b"\xff\xd8\xff\xe0" + rng.randbytes(attachment_bytes - 4)
        msg.add_attachment(data, maintype="image", subtype="jpeg", filename=f"ảnh-hiện-trường-{i + 1:05d}.jpg")
    else:
        data = rng.randbytes(attachment_bytes)
        msg.add_attachment(data, maintype="application", subtype="octet-stream",
                           filename=f"dữ-liệu-{i + 1:05d}.bin")
    return msg.as_bytes(), when


def big_message(mib: int, rng: random.Random) -> tuple[bytes, datetime]:
    when = datetime(2022, 5, 20, 9, 30, tzinfo=VN)
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = email.utils.formataddr(SENDERS[0])
    msg["To"] = "Bộ Xây dựng <baocao.uda@moc.example.test>"
    msg["Subject"] = f"Tệp bản đồ số rất lớn ({mib} MB)"
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = "<bench-big@example.test>"
    msg.set_content(BODY)
    msg.add_attachment(rng.randbytes(mib * 1024 * 1024), maintype="application", subtype="octet-stream",
                       filename="bản-đồ-số.bin")
    return msg.as_bytes(), when


def append_all(client: IMAPClient, folder: str, messages: list[tuple[bytes, datetime]]) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)
    if b"MULTIAPPEND" in client.capabilities():
        # One command per 100 messages: one round trip each instead of one per message.
        for start in range(0, len(messages), 100):
            client.multiappend(folder, [{"msg": raw, "date": when} for raw, when in messages[start:start + 100]])
    else:
        for raw, when in messages:
            client.append(folder, raw, flags=(), msg_time=when)


def fixture_messages() -> list[tuple[bytes, datetime]]:
    manifest = json.loads((MAILBOX / "manifest.json").read_text(encoding="utf-8"))
    return [((MAILBOX / e["file"]).read_bytes(), datetime.fromisoformat(e["internaldate"])) for e in manifest]


# ---------------------------------------------------------------- the server

# ---------------------------------------------------------------- the runs

class IngestFailed(Exception):
    """baocao ingest exited non-zero; the message holds its command and output."""


@dataclass
class Run:
    wall_s: float
    max_rss_mb: float
    summary: str  # baocao's own last line on stderr, or the mbsync script's count


def baocao_ingest(server: Dovecot, store: Path, folder: str, work: Path, profile: Path | None = None) -> Run:
    """One `baocao ingest` in its own process: wall time and peak RSS of that process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env["BAOCAO_IMAP_PASSWORD"] = IMAP_PASSWORD
    cmd = [sys.executable, "-m", "baocao"]
    if profile is not None:
        cmd = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "baocao"]
    cmd += ["ingest", "--store", str(store), "--imap-host", "127.0.0.1", "--imap-port", str(server.port),
            "--imap-user", IMAP_USER, "--imap-tls", "none", "--imap-folder", folder]
    result, out, err = work / "measure.json", work / "stdout.txt", work / "stderr.txt"
    with out.open("w") as o, err.open("w") as e:
        # cwd=work: no ./baocao.toml from wherever the bench was started.
        subprocess.run([sys.executable, "-c", MEASURE_CHILD, str(result), *cmd], stdout=o, stderr=e, env=env,
                       cwd=work, timeout=3600, check=True)
    m = json.loads(result.read_text())
    if m["rc"] != 0:
        raise IngestFailed(f"baocao ingest exited {m['rc']} ({' '.join(cmd)}); stderr:\n{err.read_text()}"
                           f"\nstdout:\n{out.read_text()}")
    text = (err.read_text() + out.read_text()).strip().splitlines()
    seen = [line for line in text if re.search(r"message\(s\) seen", line)]
    return Run(m["wall_s"], m["max_rss_kib"] / 1024, seen[-1] if seen else (text[-1] if text else ""))


def mbsync_pull(server: Dovecot, work: Path, folder: str, fresh: bool) -> Run | None:
    """mbsync-pull.sh into work/mbsync; None when mbsync is not installed."""
    if shutil.which("mbsync") is None:
        return None
    env = {**os.environ, "MBSYNC_FRESH": "1" if fresh else "0"}
    done = subprocess.run(["bash", str(MBSYNC_PULL), str(work / "mbsync"), str(server.port), IMAP_USER,
                           IMAP_PASSWORD, folder], capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"mbsync-pull.sh failed ({done.returncode}):\n{done.stderr}{done.stdout}")
    seconds = re.search(r"mbsync_seconds=([\d.]+)", done.stdout)
    count = re.search(r"local_messages=(\d+)", done.stdout)
    return Run(float(seconds.group(1)), float("nan"), f"{count.group(1)} messages in the Maildir")


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def median(runs: list[Run]) -> float:
    return statistics.median(r.wall_s for r in runs)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def say(text: str) -> None:
    print(text, flush=True)


# ---------------------------------------------------------------- the figures

@dataclass
class Context:
    server: Dovecot
    runs_dir: Path
    args: argparse.Namespace
    have_mbsync: bool
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    again_store: Path | None = None  # the last fresh store of figure 1, reused by figure 2


def figure_full(ctx: Context) -> None:
    """1. Full fetch into fresh stores, interleaved with mbsync so drift hits both alike."""
    name = f"1 full ingest, {ctx.args.messages} msgs, median of {ctx.args.repeat}"
    ctx.rows.append((name, "ERROR", "", f"<= {TARGET_RATIO} x mbsync", "FAIL (baocao exited non-zero)"))
    full, mbs = [], []
    for r in range(ctx.args.repeat):
        store = fresh_dir(ctx.runs_dir / f"full-{r}") / "kho"
        full.append(baocao_ingest(ctx.server, store, "Bench", store.parent))
        say(f"[1] run {r + 1}: baocao {full[-1].wall_s:.3f} s, peak RSS {full[-1].max_rss_mb:.0f} MB"
            f" ({full[-1].summary})")
        if ctx.again_store is not None:
            shutil.rmtree(ctx.again_store.parent)  # keep only the last store
        ctx.again_store = store
        if ctx.have_mbsync:
            mbs.append(mbsync_pull(ctx.server, ctx.runs_dir, "Bench", fresh=True))
            say(f"[1] run {r + 1}: mbsync {mbs[-1].wall_s:.3f} s ({mbs[-1].summary})")
    t_full = median(full)
    if ctx.have_mbsync:
        t_mbs = median(mbs)
        ratio = t_full / t_mbs
        ctx.rows[-1] = (name, f"{t_full:.2f} s", f"mbsync {t_mbs:.2f} s", f"<= {TARGET_RATIO} x mbsync",
                        f"{ratio:.2f} x  {verdict(ratio <= TARGET_RATIO)}")
    else:
        ctx.rows[-1] = (name, f"{t_full:.2f} s", "mbsync missing", f"<= {TARGET_RATIO} x mbsync", "n/a")
    ctx.rows.append(("  its peak RSS (max of runs)", f"{max(r.max_rss_mb for r in full):.0f} MB", "", "", ""))


def figure_again(ctx: Context) -> None:
    """2. Ingest again into the same store: nothing new."""
    name = f"2 second ingest, nothing new, median of {ctx.args.repeat}"
    target = f"<= {TARGET_SECOND_S:g} s"
    store = ctx.again_store
    if store is None:  # figure 1 failed: fill a store first, untimed
        store = fresh_dir(ctx.runs_dir / "again") / "kho"
        ctx.rows.append((name, "ERROR", "", target, "FAIL (baocao exited non-zero)"))
        baocao_ingest(ctx.server, store, "Bench", store.parent)
        ctx.rows.pop()
    again, mbs = [], []
    if ctx.have_mbsync and not (ctx.runs_dir / "mbsync" / "maildir").exists():
        mbsync_pull(ctx.server, ctx.runs_dir, "Bench", fresh=True)
    ctx.rows.append((name, "ERROR", "", target, "FAIL (baocao exited non-zero)"))
    for r in range(ctx.args.repeat):
        again.append(baocao_ingest(ctx.server, store, "Bench", store.parent))
        say(f"[2] run {r + 1}: baocao {again[-1].wall_s:.3f} s ({again[-1].summary})")
        if ctx.have_mbsync:
            mbs.append(mbsync_pull(ctx.server, ctx.runs_dir, "Bench", fresh=False))
            say(f"[2] run {r + 1}: mbsync {mbs[-1].wall_s:.3f} s")
    t_again = median(again)
    ref = f"mbsync {median(mbs):.3f} s" if mbs else f"mbsync {MBSYNC_SECOND_REFERENCE_S} s (recipe)"
    ctx.rows[-1] = (name, f"{t_again:.3f} s", ref, target, verdict(t_again <= TARGET_SECOND_S))


def figure_big(ctx: Context, big_size: int) -> None:
    """3. Peak RSS of the ingest of one message with a big attachment."""
    name = f"3 peak RSS, one {ctx.args.big_mb} MiB attachment"
    target = f"<= {TARGET_RSS_MB:g} MB"
    ctx.rows.append((name, "ERROR", "", target, "FAIL (baocao exited non-zero)"))
    store = fresh_dir(ctx.runs_dir / "big") / "kho"
    run = baocao_ingest(ctx.server, store, "BenchBig", store.parent)
    say(f"[3] {ctx.args.big_mb} MiB attachment ({big_size / 1e6:.0f} MB message): {run.wall_s:.2f} s, "
        f"peak RSS {run.max_rss_mb:.0f} MB ({run.summary})")
    ctx.rows[-1] = (name, f"{run.max_rss_mb:.0f} MB", f"({run.wall_s:.1f} s)", target,
                    verdict(run.max_rss_mb <= TARGET_RSS_MB))
    shutil.rmtree(store.parent)


def figure_reports(ctx: Context, count: int) -> None:
    """4. The sample reports, with parsing: messages per second."""
    name = f"4 sample reports with parsing, {count} msgs"
    ctx.rows.append((name, "ERROR", "", "(none)", "baocao exited non-zero"))
    parsed = []
    for r in range(ctx.args.repeat):
        store = fresh_dir(ctx.runs_dir / f"reports-{r}") / "kho"
        parsed.append(baocao_ingest(ctx.server, store, "BaoCao", store.parent))
        say(f"[4] run {r + 1}: {parsed[-1].wall_s:.3f} s ({parsed[-1].summary})")
    t_parsed = median(parsed)
    ctx.rows[-1] = (f"{name}, median of {ctx.args.repeat}", f"{t_parsed:.2f} s",
                    f"{count / t_parsed:.1f} msgs/s", "(none)", "")


def profile_full(ctx: Context, prof: Path) -> None:
    store = fresh_dir(ctx.runs_dir / "profile") / "kho"
    run = baocao_ingest(ctx.server, store, "Bench", store.parent, profile=prof)
    say(f"\ncProfile run of the full ingest ({run.wall_s:.2f} s with profiling) -> {prof}; "
        f"top entries by cumulative time:")
    pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(35)
    shutil.rmtree(store.parent)


# ---------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--attachment-kb", type=int, default=30, help="raw size of each attachment, KiB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-mb", type=int, default=100, help="size of the big attachment, MiB")
    parser.add_argument("--skip-big", action="store_true", help="skip figure 3 (the big attachment)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR (short path!) and leave Dovecot's mail, logs and the stores there")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="also run one full ingest of Bench under cProfile into FILE and print the top entries")
    args = parser.parse_args()

    if shutil.which("dovecot") is None:
        raise SystemExit("dovecot not installed: apt-get install -y --no-install-recommends dovecot-imapd")
    have_mbsync = shutil.which("mbsync") is not None
    if not have_mbsync:
        say("!! mbsync not installed: apt-get install -y --no-install-recommends isync\n"
            "!! figure 1 and 2 are measured for baocao only, without the comparison")

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="bcb-", dir="/tmp"))  # short: Dovecot's sockets live in it
    work.chmod(0o755)  # as root Dovecot stores mail as "nobody", which must reach work/dovecot
    server = Dovecot(work / "dovecot", free_port(), timeout=120)
    server.dir.mkdir(exist_ok=True)
    runs_dir = work / "runs"
    # SIGTERM as well as Ctrl-C must reach the finally below and stop Dovecot.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        server.start()
        say(f"Dovecot {dovecot_version()} on 127.0.0.1:{server.port}, work dir {work}, "
            f"load average {os.getloadavg()[0]:.2f}")

        # -- build and APPEND (seeded: the same bytes on every machine and run)
        rng = random.Random(SEED)
        t0 = time.perf_counter()
        bench = [bench_message(i, rng, args.attachment_kb * 1024) for i in range(args.messages)]
        t1 = time.perf_counter()
        size = sum(len(raw) for raw, _ in bench)
        with server.client() as c:
            append_all(c, "Bench", bench)
            t2 = time.perf_counter()
            append_all(c, "BaoCao", reports := fixture_messages())
            if not args.skip_big:
                big = big_message(args.big_mb, random.Random(SEED + 1))
                append_all(c, "BenchBig", [big])
                big_size = len(big[0])
                del big
            counts = {f: c.folder_status(f, [b"MESSAGES"])[b"MESSAGES"]
                      for f in ["Bench", "BaoCao"] + ([] if args.skip_big else ["BenchBig"])}
        del bench
        say(f"Bench: {args.messages} messages, {size / 1e6:.1f} MB on the wire "
            f"({args.messages * args.attachment_kb / 1024:.1f} MiB of attachments); "
            f"built in {t1 - t0:.2f} s, APPENDed in {t2 - t1:.2f} s")
        say(f"Folders on the server: {counts}")

        ctx = Context(server, runs_dir, args, have_mbsync)
        figures = [lambda: figure_full(ctx), lambda: figure_again(ctx)]
        if not args.skip_big:
            figures.append(lambda: figure_big(ctx, big_size))
        figures.append(lambda: figure_reports(ctx, len(reports)))
        if args.profile:
            figures.append(lambda: profile_full(ctx, args.profile.resolve()))
        failed = 0
        for figure in figures:
            # One figure failing (baocao exits non-zero) must not hide the others.
            try:
                figure()
            except IngestFailed as e:
                failed += 1
                say(f"!! {e}")
        print_table(ctx.rows)
        return 1 if failed else 0
    finally:
        server.stop()
        if args.keep:
            say(f"kept {work} (Dovecot stopped; restart it with tests/dovecot/start.sh {server.dir} PORT "
                f"{IMAP_USER} '{IMAP_PASSWORD}')")
        else:
            shutil.rmtree(work, ignore_errors=True)


def dovecot_version() -> str:
    done = subprocess.run(["dovecot", "--version"], capture_output=True, text=True)
    return done.stdout.split()[0] if done.stdout else "?"


def print_table(rows: list[tuple[str, ...]]) -> None:
    header = ("figure", "baocao", "reference", "target", "result")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    say("")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    mbsync = subprocess.run(["mbsync", "--version"], capture_output=True, text=True).stdout.strip() \
        if shutil.which("mbsync") else "mbsync missing"
    say(f"\nmachine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), "
        f"Python {platform.python_version()}, {platform.platform()}, Dovecot {dovecot_version()}, {mbsync}, "
        f"load average now {os.getloadavg()[0]:.2f} (other work on the machine makes the timings noisy)")


if __name__ == "__main__":
    sys.exit(main())
