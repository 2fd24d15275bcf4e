"""Soak: a mailbox of 20,000 messages (reports, replies, spam and the rest; about 1 GB) in
Dovecot on 127.0.0.1, ingested in full, then checked against the server.

    python3 bench/soak.py [--messages 20000] [--attachment-kb 36]

Prints: the full ingest's time and peak memory (next to a 2,000-message run, to show
memory does not grow with the mailbox), whether the store holds exactly the messages
Dovecot holds (count and SHA-256 of every message), and the time of a rerun with nothing
new (target < 2 s). Exits 1 when a check fails."""

from __future__ import annotations

import argparse
import email.policy
import hashlib
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

from baocao.store import Store
from ingest import Dovecot, append_all, baocao_ingest, bench_message, fixture_messages, free_port

VN = timezone(timedelta(hours=7))


def other_message(i: int, kind: str) -> tuple[bytes, datetime]:
    """An auto-reply, a bounce or a spam, as every collection mailbox also receives."""
    when = datetime(2022, 5, 17, 8, 0, tzinfo=VN) + timedelta(minutes=3 * i)
    m = EmailMessage(policy=email.policy.SMTP)
    m["To"] = "baocao.uda@moc.gov.vn"
    m["Date"] = email.utils.format_datetime(when)
    m["Message-ID"] = f"<soak-{kind}-{i}@example.test>"
    if kind == "auto_reply":
        m["From"], m["Subject"], m["Auto-Submitted"] = (f"vanthu{i}@example.gov.vn", "Thư trả lời tự động",
                                                        "auto-replied")
    elif kind == "bounce":
        m["From"], m["Subject"] = "MAILER-DAEMON@mx.moc.gov.vn", "Undelivered Mail Returned to Sender"
    else:
        m["From"], m["Subject"], m["X-Spam-Flag"] = f"km{i}@quangcao.example", "Khuyến mãi lớn", "YES"
    m.set_content("Nội dung tự động.\n" * 20)
    return m.as_bytes(), when


def build(count: int, attachment_kb: int) -> list[tuple[bytes, datetime]]:
    rng = random.Random(20000)
    reports = fixture_messages()
    messages = list(reports)
    kinds = ("auto_reply", "bounce", "spam")
    i = 0
    while len(messages) < count:
        if i % 20 == 19:
            messages.append(other_message(i, kinds[(i // 20) % 3]))
        else:
            messages.append(bench_message(i, rng, attachment_kb * 1024))
        i += 1
    return messages


def server_hashes(server: Dovecot, folder: str) -> list[str]:
    hashes = []
    with server.client() as c:
        c.select_folder(folder, readonly=True)
        uids = c.search("ALL")
        for start in range(0, len(uids), 200):
            for data in c.fetch(uids[start:start + 200], [b"BODY.PEEK[]"]).values():
                hashes.append(hashlib.sha256(data[b"BODY[]"]).hexdigest())
    return hashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--attachment-kb", type=int, default=36)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bcsoak-", dir="/tmp"))
    work.chmod(0o755)  # Dovecot's own users read their files inside it
    server = Dovecot(work / "dv", free_port(), timeout=120)
    (work / "dv").mkdir()
    server.start()
    ok = True
    try:
        started = time.perf_counter()
        messages = build(args.messages, args.attachment_kb)
        size = sum(len(raw) for raw, _ in messages)
        with server.client() as c:
            append_all(c, "Soak", messages)
            append_all(c, "Small", messages[: args.messages // 10])
        del messages
        print(f"mailbox: {args.messages} messages, {size / 1e9:.2f} GB, built and appended in "
              f"{time.perf_counter() - started:.0f} s")
        small = baocao_ingest(server, work / "kho-small", "Small", work)
        full = baocao_ingest(server, work / "kho", "Soak", work)
        again = baocao_ingest(server, work / "kho", "Soak", work)
        print(f"full ingest : {full.wall_s:.1f} s ({args.messages / full.wall_s:.0f} messages/s), "
              f"peak RSS {full.max_rss_mb:.0f} MB")
        print(f"1/10 of it  : {small.wall_s:.1f} s, peak RSS {small.max_rss_mb:.0f} MB "
              f"(memory flat: {'yes' if full.max_rss_mb < 1.5 * small.max_rss_mb else 'NO'})")
        store = Store.open(work / "kho")
        stored = {m.sha256 for m in store.messages()}
        locations = sum(1 for place in store.locations() if place.source.endswith("/Soak"))
        store.close()
        on_server = server_hashes(server, "Soak")
        same = stored == set(on_server) and locations == len(on_server)
        ok &= same and again.wall_s < 2 and full.max_rss_mb < 1.5 * small.max_rss_mb
        print(f"store = server: {'yes' if same else 'NO'} ({len(on_server)} messages on the server, "
              f"{len(set(on_server))} distinct, {len(stored)} stored, {locations} locations)")
        print(f"rerun with nothing new: {again.wall_s:.2f} s (target < 2 s) {'PASS' if again.wall_s < 2 else 'FAIL'}")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
