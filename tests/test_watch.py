"""`baocao watch`: the mailbox polled without a person. The loop's rules with plain
objects; the command itself, in its own process, against a real Dovecot on 127.0.0.1."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
from mailserver import ROOT, Dovecot, append_raw, filler_message, free_port, imap_args, run_baocao

from baocao.campaign import load_campaign
from baocao.ingest import imap
from baocao.ingest.imap import ImapSettings, imap_messages
from baocao.ingest.sources import MailSource, open_source
from baocao.ingest.watch import (
    REIDLE_SECONDS,
    ConnectionLost,
    EventLog,
    IdleWaiter,
    IngestRun,
    MemoryTrace,
    Stopped,
    Timing,
    Watcher,
)
from baocao.store import FolderState, ReadOnlyCatalogue, Store, StoreLocked, now_utc
from baocao.store.records import FolderMark, Location, NewMessage, StoredFromUid

# -- the loop, with plain objects ------------------------------------------------------


class ScriptedWaiter:
    """Answers `wait` from a script: True (mail announced), False (time up), or an
    exception to raise; stops the loop when the script is done."""

    def __init__(self, script, announces=True, settles=(), refused_opens=0):
        self.script = list(script)
        self.announces = announces
        self.settles = list(settles)
        self.refused_opens = refused_opens   # reconnections that fail before one works
        self.opened = 0
        self.waits: list[float] = []
        self.clock = None

    def open(self):
        self.opened += 1
        if self.opened > 1 and self.refused_opens:
            self.refused_opens -= 1
            raise ConnectionLost("connection refused")

    def settle(self):
        return self.settles.pop(0) if self.settles else False

    def wait(self, seconds):
        self.waits.append(seconds)
        if not self.script:
            raise Stopped(signal.SIGTERM)
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        if not step:
            self.clock.now += seconds   # nothing came: the whole wait went by
        return step

    def close(self):
        pass


class Clock:
    def __init__(self):
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def run_loop(waiter, check=None, timing=None, periodic=False):
    clock = waiter.clock = Clock()
    checks: list[str] = []

    def record(reason):
        checks.append(reason)
        if check:
            check(reason)

    watcher = Watcher(waiter, record, EventLog(open(os.devnull, "w")), timing or Timing(), periodic, sleep=clock.sleep,
                      clock=clock)
    with pytest.raises(Stopped):
        watcher.run()
    return checks, clock


def test_everything_is_checked_at_start_and_again_each_time_mail_is_announced():
    checks, _ = run_loop(ScriptedWaiter([True, True]))
    assert checks == ["start", "new_mail", "new_mail"]


def test_idle_is_renewed_before_the_29_minutes_after_which_a_server_may_drop_it():
    waiter = ScriptedWaiter([False, False, False])
    checks, _ = run_loop(waiter)
    assert checks == ["start"]                      # a renewal is no reason to ingest
    assert waiter.waits and all(w <= REIDLE_SECONDS < 30 * 60 for w in waiter.waits)


def test_without_idle_the_mailbox_is_checked_every_interval():
    waiter = ScriptedWaiter([False] * 6, announces=False)
    checks, clock = run_loop(waiter, timing=Timing(interval=120))
    assert checks == ["start"] + ["interval"] * 6
    assert waiter.waits == [120] * 7


def test_folders_besides_the_one_in_idle_are_checked_every_interval():
    waiter = ScriptedWaiter([False] * 4)
    checks, _ = run_loop(waiter, timing=Timing(interval=600), periodic=True)
    assert checks.count("interval") == 4 and all(w <= 600 for w in waiter.waits)


def test_after_a_lost_connection_it_waits_longer_each_time_up_to_a_cap_then_checks_everything_again():
    waiter = ScriptedWaiter([True, ConnectionLost("gone"), True], refused_opens=11)
    checks, clock = run_loop(waiter, timing=Timing(first_backoff=1, max_backoff=300))
    assert clock.slept == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
    # Once back, everything is checked: mail may have come meanwhile.
    assert waiter.opened == 13
    assert checks == ["start", "new_mail", "reconnected", "new_mail"]


def test_the_backoff_starts_again_once_a_reconnection_worked():
    waiter = ScriptedWaiter([ConnectionLost("a"), ConnectionLost("b"), False, ConnectionLost("c")], refused_opens=1)
    _, clock = run_loop(waiter, timing=Timing(first_backoff=1, reidle=60))
    assert [s for s in clock.slept] == [1, 2, 1, 1]


def test_a_store_busy_with_another_baocao_is_tried_again_later_not_given_up():
    busy = [StoreLocked("busy"), StoreLocked("busy")]

    def check(reason):
        if busy:
            raise busy.pop()

    checks, clock = run_loop(ScriptedWaiter([]), check, timing=Timing(busy_retry=10))
    assert checks == ["start"] * 3 and clock.slept == [10, 10]


def test_mail_announced_while_a_run_was_ingesting_is_checked_by_another_run():
    # settle() before and after each run: True after the first run = mail came during it.
    checks, _ = run_loop(ScriptedWaiter([], settles=[False, True, False, False]))
    assert checks == ["start", "arrived_during_run"]


def test_each_log_line_has_the_same_shape(tmp_path):
    out = tmp_path / "log"
    with out.open("w") as stream:
        log = EventLog(stream)
        log("stored", source="imap://baocao@127.0.0.1:143/Thư rác", key="1:2")
        log("disconnected", "WARNING", error='socket "error": EOF', retry_in=2.0)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[1:3] for line in lines] == [["INFO", "stored"], ["WARNING", "disconnected"]]
    assert 'source="imap://baocao@127.0.0.1:143/Thư rác" key=1:2' in lines[0]
    assert all(LOG_LINE.fullmatch(line) for line in lines)


def test_quiet_logs_only_what_went_wrong(tmp_path):
    out = tmp_path / "log"
    with out.open("w") as stream:
        log = EventLog(stream, quiet=True)
        log("checked", seen=1)
        log("disconnected", "WARNING", error="gone")
    assert [line.split(" ")[2] for line in out.read_text().splitlines()] == ["disconnected"]


@pytest.mark.parametrize("given, seconds", [("30s", 30), ("10m", 600), ("1.5h", 5400), ("2d", 172800), ("45", 45)])
def test_interval_is_written_with_its_unit(given, seconds):
    from baocao.cli import _Duration
    assert _Duration().convert(given, None, None) == seconds


def test_an_interval_that_is_no_duration_is_refused_saying_how_to_write_it(tmp_path):
    result = run_baocao("watch", "--store", str(tmp_path / "kho"), "--from", str(tmp_path), "--interval", "ten")
    assert result.returncode == 2 and "30s, 10m, 24h or 2d" in result.stderr


# -- the command against a real Dovecot ------------------------------------------------

# time, level, event, then key=value details: what `grep`, journald and a log reader rely on
LOG_LINE = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d (DEBUG|INFO|WARNING|ERROR) [a-z_]+'
                      r'( [a-z_]+=("([^"\\]|\\.)*"|[^ "]+))*')


@pytest.fixture(scope="module")
def server():
    """A Dovecot of this module's own: these tests stop and restart it."""
    own = Dovecot(Path(tempfile.mkdtemp(prefix="bc-wt-", dir="/tmp")), free_port())
    own.start()
    yield own
    own.stop()


_folders = iter(range(1, 1000))


@pytest.fixture
def folder(server) -> str:
    name = f"Watch{next(_folders)}"
    with server.client() as c:
        c.create_folder(name)
    return name


class Watching:
    """`baocao watch` in its own process, its log in a file read while it runs."""

    def __init__(self, server: Dovecot, folder: str, store: Path, *extra: str):
        self.log_path = store.parent / f"watch-{time.monotonic_ns()}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
        env["BAOCAO_IMAP_PASSWORD"] = server.password
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "baocao", "watch", "--store", str(store), *imap_args(server, folder), *extra],
                stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=ROOT)

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_for(self, text: str, count: int = 1, timeout: float = 60) -> None:
        until(lambda: self.log.count(text) >= count, timeout, f"{text!r} x{count} in the log")

    def stop(self, signum=signal.SIGTERM, timeout: float = 20) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.process.wait(timeout)


def until(condition, timeout: float, what: str) -> float:
    """Seconds it took for `condition` to hold; fails after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.1)
    return time.monotonic() - start


def stored(store: Path) -> list[str]:
    """Message-IDs of the analysed messages in the store."""
    if not (store / "catalog.sqlite").exists():
        return []
    catalogue = ReadOnlyCatalogue(store)
    try:
        return [m.message_id for m in catalogue.messages() if m.analysed_at]
    finally:
        catalogue.close()


def message_id(i: int, seed: int) -> str:
    return f"<filler-{seed}-{i}@example.test>"


@pytest.fixture
def watching():
    started: list[Watching] = []

    def start(*args) -> Watching:
        started.append(Watching(*args))
        return started[-1]

    yield start
    for w in started:
        if w.process.poll() is None:
            w.process.kill()
            w.process.wait()


def test_mail_appended_while_watching_is_stored_within_seconds_through_idle(server, folder, tmp_path, watching):
    store = tmp_path / "kho"
    w = watching(server, folder, store)
    w.wait_for("checked reason=start")
    assert "watching mode=idle" in w.log
    append_raw(server, folder, [filler_message(1, seed=11)])
    took = until(lambda: message_id(1, 11) in stored(store), 30, "the message stored")
    assert took < 15   # IDLE: seconds (an ingest run included, on a loaded machine), not an interval
    w.wait_for("checked reason=new_mail")
    assert "checked reason=new_mail scope=new " in w.log   # looked above the last UID stored only
    assert w.stop() == 0
    assert all(LOG_LINE.fullmatch(line) for line in w.log.splitlines()), w.log


def test_with_polling_forced_mail_is_stored_within_one_interval(server, folder, tmp_path, watching):
    store = tmp_path / "kho"
    w = watching(server, folder, store, "--no-idle", "--interval", "2s")
    w.wait_for("checked reason=start")
    assert "watching mode=poll interval=2.0" in w.log
    append_raw(server, folder, [filler_message(1, seed=12)])
    took = until(lambda: message_id(1, 12) in stored(store), 30, "the message stored")
    assert took < 2 + 8   # one interval, and the run that stores it
    w.wait_for("checked reason=interval")
    assert w.stop() == 0


def test_the_store_is_unlocked_between_two_arrivals(server, folder, tmp_path, watching):
    store = tmp_path / "kho"
    w = watching(server, folder, store)
    w.wait_for("checked reason=start")
    # What `baocao parse`, `aggregate`, `render` or the review desk do while watch waits:
    other = Store.open(store)
    other.lock()
    other.close()
    append_raw(server, folder, [filler_message(1, seed=13)])
    until(lambda: message_id(1, 13) in stored(store), 30, "the message stored")
    assert run_baocao("parse", "--store", str(store)).returncode == 0
    assert w.stop() == 0


def test_a_second_writer_holding_the_store_delays_an_arrival_and_loses_nothing(server, folder, tmp_path, watching):
    store = tmp_path / "kho"
    w = watching(server, folder, store)
    w.wait_for("checked reason=start")
    other = Store.open(store)
    other.lock()
    try:
        append_raw(server, folder, [filler_message(1, seed=14)])
        w.wait_for("store_busy")
    finally:
        other.close()
    until(lambda: message_id(1, 14) in stored(store), 40, "the message stored once the store is free")
    assert w.stop() == 0


def deliver_while_down(server: Dovecot, folder: str, raw: bytes) -> None:
    """What the mail server's delivery agent does while IMAP is down: the message goes
    straight into the folder's Maildir, where Dovecot finds it when it starts."""
    new = server.dir / "mail" / server.user / "Maildir" / f".{folder}" / "new"
    new.mkdir(parents=True, exist_ok=True)
    (new / f"{int(time.time())}.watch-test.{os.getpid()}").write_bytes(raw)


def test_server_stopped_and_restarted_mid_watch_loses_nothing(server, folder, tmp_path, watching):
    store = tmp_path / "kho"
    append_raw(server, folder, [filler_message(1, seed=15)])
    w = watching(server, folder, store)
    w.wait_for("checked reason=start")
    server.stop()
    try:
        w.wait_for("disconnected")
        deliver_while_down(server, folder, filler_message(2, seed=15))
        time.sleep(2)
    finally:
        server.start()
    w.wait_for("checked reason=reconnected", timeout=60)
    append_raw(server, folder, [filler_message(3, seed=15)])
    until(lambda: {message_id(i, 15) for i in (1, 2, 3)} <= set(stored(store)), 40, "all three stored")
    assert sorted(stored(store)) == sorted(message_id(i, 15) for i in (1, 2, 3))
    assert w.stop() == 0


def test_watch_killed_and_started_again_continues_with_nothing_lost_and_nothing_twice(server, folder, tmp_path,
                                                                                    watching):
    store = tmp_path / "kho"
    w = watching(server, folder, store)
    w.wait_for("checked reason=start")
    append_raw(server, folder, [filler_message(i, seed=16) for i in range(40)])
    w.wait_for("stored ")               # killed in the middle of ingesting them
    w.process.kill()
    w.process.wait()
    append_raw(server, folder, [filler_message(i, seed=16) for i in range(40, 45)])
    again = watching(server, folder, store)
    until(lambda: len(stored(store)) >= 45, 120, "all 45 stored")
    append_raw(server, folder, [filler_message(45, seed=16)])
    until(lambda: len(stored(store)) >= 46, 30, "the next arrival stored")
    assert sorted(stored(store)) == sorted(message_id(i, 16) for i in range(46))
    assert again.stop() == 0


def test_sigterm_stops_it_at_once_with_exit_0(server, folder, tmp_path, watching):
    w = watching(server, folder, tmp_path / "kho")
    w.wait_for("checked reason=start")
    start = time.monotonic()
    assert w.stop(signal.SIGTERM) == 0
    # at once: not at the end of its IDLE wait or its 10-minute interval; a loaded machine (a
    # clean clone's test run beside OCR) took 5.1 s to start, log out and exit
    assert time.monotonic() - start < 30
    assert "stopped signal=SIGTERM" in w.log


def test_ctrl_c_stops_it_with_exit_130_as_ingest_does(server, folder, tmp_path, watching):
    w = watching(server, folder, tmp_path / "kho", "--no-idle", "--interval", "1h")
    w.wait_for("checked reason=start")
    assert w.stop(signal.SIGINT) == 130


# -- memory that stays flat over days (measured: bench/watch.py) ---------------------------

def settings_of(server: Dovecot, folder: str) -> ImapSettings:
    return ImapSettings(host=server.host, port=server.port, user=server.user, password=server.password,
                        folder=folder, tls="none")


def test_the_connection_kept_in_idle_holds_no_server_responses_from_one_arrival_to_the_next(server, folder):
    waiter = IdleWaiter(settings_of(server, folder), EventLog(io.StringIO()))
    waiter.open()
    try:
        held = []
        for i in range(6):
            append_raw(server, folder, [filler_message(i, seed=81, attachment_bytes=100)])
            assert waiter.wait(20), "the arrival announced"
            waiter.settle()
            held.append(waiter.kept_responses())
    finally:
        waiter.close()
    assert held == [0] * 6   # else one more EXISTS, RECENT … for every message, for days


def test_an_ingest_run_frees_what_it_made_when_it_ends_not_at_a_later_collection(server, folder, tmp_path):
    run = IngestRun(tmp_path / "kho", MailSource(imap=settings_of(server, folder), folders=(folder,)),
                    load_campaign(None), EventLog(io.StringIO()))
    left = []
    for i in range(3):
        append_raw(server, folder, [filler_message(i, seed=82, attachment_bytes=100)])
        gc.collect()   # the test's own garbage (the message it made, its connection)
        run("new_mail")
        left.append(gc.collect())
    assert left == [0, 0, 0]   # cyclic garbage a long-lived process would carry for thousands of runs
    assert [message_id(i, 82) for i in range(3)] == sorted(stored(tmp_path / "kho"))


def peak_while_finding_the_newest_message(server: Dovecot, folder: str, spool: Path) -> int:
    """tracemalloc's peak while the ingest looks for new mail in a folder whose messages
    are all stored but the newest."""
    with server.client() as c:
        c.normalise_times = False
        uidvalidity = int(c.select_folder(folder, readonly=True)[b"UIDVALIDITY"])
        listed = c.fetch(c.search(["ALL"]), [b"RFC822.SIZE", b"INTERNALDATE"])
    *stored_uids, newest = sorted(listed)
    seen = {uid: StoredFromUid(listed[uid][b"RFC822.SIZE"], listed[uid][b"INTERNALDATE"].isoformat())
            for uid in stored_uids}
    tracemalloc.start()
    try:
        found = list(imap_messages(settings_of(server, folder), FolderState(uidvalidity, stored_uids[-1]), spool,
                                   stored=lambda uidvalidity, uids: {uid: seen[uid] for uid in uids if uid in seen}))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [m.uid for m in found] == [newest]
    return peak


def test_what_a_run_holds_while_it_looks_for_new_mail_does_not_grow_with_the_folder(server, folder, tmp_path,
                                                                                   monkeypatch):
    """watch runs once per arrival, for days, on a folder that only grows: a run that
    finds one new message must not hold a listing of every message in it."""
    monkeypatch.setattr(imap, "LIST_CHUNK", 20)   # both folders listed in several chunks
    append_raw(server, folder, [filler_message(i, seed=83, attachment_bytes=10) for i in range(21)])
    small = peak_while_finding_the_newest_message(server, folder, tmp_path)
    append_raw(server, folder, [filler_message(i, seed=83, attachment_bytes=10) for i in range(21, 621)])
    large = peak_while_finding_the_newest_message(server, folder, tmp_path)
    # Holding the whole listing costs ~1 KiB per message: 600 more would be ~600 KiB.
    assert large - small < 150 * 2**10, f"{small / 2**10:.0f} KiB with 21 messages, {large / 2**10:.0f} KiB with 621"


def store_holding_the_folder_but(server: Dovecot, folder: str, root: Path, *missing: int) -> Store:
    """A store whose catalogue says every message of the folder was stored from its UID,
    but the newest and the UIDs `missing` (their positions in the folder, from 0): only
    the catalogue's rows, which is all the search for new mail reads."""
    with server.client() as c:
        c.normalise_times = False
        uidvalidity = int(c.select_folder(folder, readonly=True)[b"UIDVALIDITY"])
        listed = c.fetch(c.search(["ALL"]), [b"RFC822.SIZE", b"INTERNALDATE"])
    uids = sorted(listed)[:-1]
    kept = [uid for i, uid in enumerate(uids) if i not in missing]
    source, now = settings_of(server, folder).source, now_utc()
    sha = {uid: hashlib.sha256(f"{source}:{uidvalidity}:{uid}".encode()).hexdigest() for uid in kept}
    store = Store.open(root, create=True)
    store.record_batch(
        [NewMessage(sha[uid], 100, now, "internaldate", now) for uid in kept],
        [Location(source, f"{uidvalidity}:{uid}", sha[uid], now, int(listed[uid][b"RFC822.SIZE"]),
                  listed[uid][b"INTERNALDATE"].isoformat()) for uid in kept],
        [FolderMark(source, uidvalidity, uids[-1])])
    return store


def peak_of_a_full_check_finding_the_newest(server: Dovecot, folder: str, root: Path) -> int:
    """tracemalloc's peak while a run that re-checks the whole folder (as after a
    reconnection) finds its one new message, the store's side included."""
    store = store_holding_the_folder_but(server, folder, root)
    tracemalloc.start()
    try:
        found = list(open_source(MailSource(imap=settings_of(server, folder), folders=(folder,)), store))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        store.close()
    assert [m.raw.count(b"Message-ID") for m in found] == [1]
    return peak


def test_a_full_check_holds_neither_every_uid_of_the_folder_nor_all_the_store_knows_of_it(server, folder, tmp_path,
                                                                                         monkeypatch):
    """After each reconnection watch checks the whole folder, and the folder only grows:
    neither the server's list of its UIDs nor the store's rows of what was stored from
    them may be held whole (they were: ~0.3 KiB per message, kept by RSS for good)."""
    monkeypatch.setattr(imap, "LIST_CHUNK", 20)
    append_raw(server, folder, [filler_message(i, seed=84, attachment_bytes=10) for i in range(61)])
    small = peak_of_a_full_check_finding_the_newest(server, folder, tmp_path / "kho-61")
    append_raw(server, folder, [filler_message(i, seed=84, attachment_bytes=10) for i in range(61, 1201)])
    large = peak_of_a_full_check_finding_the_newest(server, folder, tmp_path / "kho-1201")
    assert large - small < 40 * 2**10, f"{small / 2**10:.0f} KiB with 61 messages, {large / 2**10:.0f} KiB with 1201"


def test_after_an_arrival_only_uids_above_the_last_stored_are_looked_at_and_a_full_check_finds_older_ones(
        server, folder, tmp_path):
    """Mail just announced lies above the last UID stored, so that run looks there only.
    A message below it that was never stored (its fetch failed, say) is still fetched,
    by the next run that checks everything: at start, after a reconnection, on the timer."""
    append_raw(server, folder, [filler_message(i, seed=85, attachment_bytes=10) for i in range(5)])
    with server.client() as c:
        c.normalise_times = False
        uidvalidity = int(c.select_folder(folder, readonly=True)[b"UIDVALIDITY"])
        listed = c.fetch(c.search(["ALL"]), [b"RFC822.SIZE", b"INTERNALDATE"])
    uids = sorted(listed)
    kept = {uid: StoredFromUid(listed[uid][b"RFC822.SIZE"], listed[uid][b"INTERNALDATE"].isoformat())
            for uid in (uids[0], uids[2], uids[3])}                  # the 2nd never stored, the 5th new
    asked: list[list[int]] = []

    def found(recheck: bool) -> list[int]:
        def stored_from(uidvalidity, chunk):
            asked.append(chunk)
            return {uid: kept[uid] for uid in chunk if uid in kept}
        return [m.uid for m in imap_messages(settings_of(server, folder), FolderState(uidvalidity, uids[3]),
                                             tmp_path, stored=stored_from, recheck=recheck)]

    assert found(recheck=False) == [uids[4]]
    assert asked == []   # nothing below the last UID was even looked up
    assert found(recheck=True) == [uids[1], uids[4]]
    assert asked == [uids[:4]]


class SearchingFolder:
    """A folder's UIDs answered as a server answers `UID SEARCH UID a:b` (and `a:*`, which
    also names the last message when every UID is below a); records each answer's size."""

    def __init__(self, uids):
        self.uids = sorted(uids)
        self.answers: list[int] = []

    def search(self, criteria: str):
        low, high = criteria.removeprefix("UID ").split(":")
        if high == "*":
            found = [uid for uid in self.uids if uid >= int(low)] or self.uids[-1:]
        else:
            found = [uid for uid in self.uids if int(low) <= uid <= int(high)]
        self.answers.append(len(found))
        return found


@pytest.mark.parametrize("uids", [range(1, 101), [*range(1, 11), *range(5000, 5031), 90_000], [7]],
                         ids=["dense", "sparse", "one"])
def test_the_folder_s_uids_are_listed_all_in_order_a_bounded_chunk_at_a_time(uids, monkeypatch):
    """Dense or sparse (mail moved away leaves gaps of thousands of UIDs), every UID is
    listed once, in order, and no search answers more than a bounded number of them."""
    monkeypatch.setattr(imap, "LIST_CHUNK", 8)
    folder = SearchingFolder(uids)
    chunks = list(imap._folder_uids(folder, 1, max(uids) + 1))
    assert [uid for chunk in chunks for uid in chunk] == list(uids)
    assert max(map(len, chunks)) <= 8
    assert max(folder.answers) <= 8 * imap.LIST_WIDEST
    assert list(imap._folder_uids(SearchingFolder(uids), max(uids) + 1, None)) == []   # nothing above the last


def test_the_memory_trace_tells_the_heap_s_peak_during_the_runs_not_only_what_they_kept():
    """RSS keeps the pages of the highest peak: a run that holds much while it runs and
    frees it all shows in the peak, not in the heap left after it."""
    out, clock = io.StringIO(), Clock()
    trace = MemoryTrace(EventLog(out), every=60, clock=clock)
    try:
        trace()   # the first snapshot
        clock.sleep(61)
        held_while_running = bytearray(8 * 2**20)
        del held_while_running
        trace()
    finally:
        tracemalloc.stop()
    line = [line for line in out.getvalue().splitlines() if " memory " in line][-1]
    figures = dict(re.findall(r"(traced_mib|peak_mib)=([\d.]+)", line))
    assert float(figures["peak_mib"]) - float(figures["traced_mib"]) >= 8


def test_a_refused_login_at_start_exits_4_saying_what_to_check(server, folder, tmp_path):
    result = run_baocao("watch", "--store", str(tmp_path / "kho"), *imap_args(server, folder),
                        env={"BAOCAO_IMAP_PASSWORD": "wrong"}, timeout=60)
    assert result.returncode == 4 and "refused the login" in result.stderr


def test_a_campaign_closed_while_watching_is_analysed_no_more_from_the_next_run(tmp_path):
    from two_campaigns import build_mailbox, green_report, mail

    box = build_mailbox(tmp_path / "hop-thu")
    store = tmp_path / "kho"
    green = Path(__file__).parent / "data" / "campaign-1702-BXD-HTKT.toml"
    log_path = tmp_path / "watch.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")} | {"BAOCAO_LANG": "en"}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "baocao", "watch", "--store", str(store), "--from", str(box), "--campaign",
             str(ROOT / "campaigns" / "1683-BXD-PTDT.toml"), "--campaign", str(green), "--interval", "3s"],
            stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=ROOT)
    try:
        until(lambda: "checked reason=start" in log_path.read_text(), 120, "the first run")
        closing = []
        until(lambda: closing.append(run_baocao("campaigns", "close", "--store", str(store), "1702/BXD-HTKT"))
              or closing[-1].returncode == 0, 60, "1702 closed between two runs")
        (box / "06-nghe-an.eml").write_bytes(mail(
            "sxd@nghean.gov.vn", "Báo cáo cây xanh theo văn bản 1702/BXD-HTKT", "Wed, 10 Sep 2025 11:00:00 +0700",
            "<na-1702@nghean.gov.vn>", [green_report(tmp_path / "cx-40.docx", "Nghệ An")]))
        until(lambda: "<na-1702@nghean.gov.vn>" in stored(store), 120, "the new reply stored and analysed")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)

    checked = run_baocao("verify", "--store", str(store), "--campaign", "1702/BXD-HTKT", env={"BAOCAO_LANG": "en"})
    assert checked.returncode == 0, checked.stdout   # 1702's frozen table: the new reply did not count for it
