"""`baocao watch`: the mailbox polled without a person.

One IMAP connection waits for mail (IDLE where the server offers it, RFC 2177; else a
check every interval) and each time something may have arrived the same ingest as
`baocao ingest` runs, holding the store's lock only while it runs, so that `parse`,
`aggregate`, `render` and the review desk can work between two arrivals.

The waiting (`IdleWaiter`, `Sleeper`) is kept apart from the loop (`Watcher`), which
only sees "new mail was announced", "time is up" or "the connection is gone", so the
loop's rules (re-check everything after a reconnect, back off, wait for a busy store)
are tested with plain objects and the waiting against a real Dovecot."""

from __future__ import annotations

import gc
import json
import os
import re
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Protocol, TextIO

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from baocao.campaign import Campaign
from baocao.i18n import N_, _
from baocao.ingest.imap import Dropped, ImapError, ImapSettings, connect
from baocao.ingest.sources import MailSource, open_source
from baocao.store import Store, StoreLocked

# RFC 2177: a server may drop a client idle for 30 minutes; IDLE is renewed before that.
REIDLE_SECONDS = 29 * 60
DEFAULT_INTERVAL = 10 * 60


class ConnectionLost(Exception):
    """The server or the network went away; the watch reconnects after a pause."""


class Stopped(Exception):
    """SIGTERM or SIGINT arrived while the watch was waiting."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass(frozen=True)
class Timing:
    interval: float = DEFAULT_INTERVAL   # between two checks when nothing announces mail
    reidle: float = REIDLE_SECONDS
    first_backoff: float = 1.0           # after a lost connection; doubles up to max_backoff
    max_backoff: float = 300.0
    busy_retry: float = 10.0             # another baocao process holds the store: try again after


# Checks after mail was announced look only above each folder's last UID stored; every
# other check (at start, after a reconnection, on the timer) re-checks the whole folder,
# a chunk at a time, for mail below it that was never stored or that came under an old UID.
QUICK_REASONS = ("new_mail", "arrived_during_run")

# What each event means, for the person reading the log (an event given its own note says more).
EVENT_NOTES = {
    "started": N_("watching the mailbox"),
    "watching": N_("connected: waiting for new mail"),
    "checked": N_("the mailbox was checked"),
    "folder": N_("new messages in the folder"),
    "stored": N_("a new message was stored"),
    "disconnected": N_("the connection was lost: connecting again after the pause"),
    "imap_refused": N_("the server refused: trying again after the pause"),
    "imap": N_("the mail server said something unexpected"),
    "stopped": N_("stopped"),
}


class EventLog:
    """One line per event on stderr, always of the same shape, for journald, a cron log
    or grep: `2026-12-03T10:20:27+07:00 INFO stored source=imap://… key=17:42`. Values
    holding a space, a quote or an equals sign are written as JSON strings."""

    LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

    def __init__(self, stream: TextIO | None = None, quiet: bool = False):
        self.stream = stream
        self.quiet = quiet

    def __call__(self, event: str, level: str = "INFO", **details) -> None:
        if self.quiet and level in ("DEBUG", "INFO"):
            return
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        # The fixed fields first, for grep; the text for people last, in their language.
        note = details.pop("note", None) or EVENT_NOTES.get(event)
        details["note"] = _(note) if note else None
        fields = " ".join(f"{key}={_logged(value)}" for key, value in details.items() if value is not None)
        stream = self.stream or sys.stderr
        stream.write(f"{now} {level} {event}{' ' + fields if fields else ''}\n")
        stream.flush()


def _logged(value) -> str:
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    if not text or any(c in text for c in ' "=\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


# -- waiting for mail ----------------------------------------------------------------

class Waiter(Protocol):
    announces: bool   # does it tell when mail arrives (IDLE), or must the loop check on a timer

    def open(self) -> None: ...
    def settle(self) -> bool: ...
    def wait(self, seconds: float) -> bool: ...
    def close(self) -> None: ...


class Sleeper:
    """Polling: nothing announces mail, the loop checks every interval."""

    announces = False

    def __init__(self, sleep: Callable[[float], None] = time.sleep):
        self.sleep = sleep

    def open(self) -> None:
        pass

    def settle(self) -> bool:
        return False

    def wait(self, seconds: float) -> bool:
        self.sleep(seconds)
        return False

    def close(self) -> None:
        pass


class IdleWaiter:
    """One connection with the first folder opened read-only, in IDLE while nothing
    happens. Falls back to polling (and drops its connection) when the server does not
    offer IDLE."""

    def __init__(self, settings: ImapSettings, log: EventLog, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.log = log
        self.sleep = sleep
        self.clock = clock
        self.client = None
        self.announces = True
        self._idling = False

    def open(self) -> None:
        """Connect and EXAMINE the folder. A server that cannot be reached raises
        ConnectionLost; a refused login or folder raises ImapError."""
        self.close()
        try:
            self.client = connect(self.settings)
            if not self.client.has_capability("IDLE"):
                self.announces = False
                self.log("idle_unavailable", "WARNING", host=self.settings.host,
                         note=N_("the server does not offer IDLE: checking every interval instead"))
                self.close()
                return
            self.client.select_folder(self.settings.folder, readonly=True)
            self._forget_responses()
        except Dropped as e:
            self.client = None
            raise ConnectionLost(str(e)) from e
        except (OSError, IMAPClientError) as e:
            self._drop()
            if isinstance(e, IMAPClientError) and not isinstance(e, IMAPClientAbortError):
                raise ImapError(N_("cannot open folder {folder} on {host} ({reason}): check --imap-folder").format(
                    folder=repr(self.settings.folder), host=self.settings.host, reason=e)) from e
            raise ConnectionLost(str(e) or type(e).__name__) from e
        self.announces = True

    def settle(self) -> bool:
        """Whether mail was announced since the last call. Dovecot tells of mail that came
        while no IDLE was running only at the next command, not when IDLE starts (seen with
        2.3.19): a NOOP before and after each ingest run catches mail that came during it."""
        if self.client is None:
            return False
        try:
            new = _new_mail(self.client.noop()[1])
            self._forget_responses()
            return new
        except (OSError, IMAPClientError) as e:
            self._drop()
            raise ConnectionLost(str(e) or type(e).__name__) from e

    def wait(self, seconds: float) -> bool:
        """IDLE for at most `seconds`: True as soon as the server announces new mail."""
        if self.client is None:
            self.sleep(seconds)
            return False
        client = self.client
        deadline = self.clock() + seconds
        new = False
        try:
            client.idle()
            self._idling = True
            while not new:
                left = deadline - self.clock()
                if left <= 0:
                    break
                responses = client.idle_check(timeout=left)
                if any(r[1:2] == (b"BYE",) or r[:1] == (b"BYE",) for r in responses):
                    raise ConnectionLost(N_("{server} closed the connection (BYE)").format(server=self.settings.host))
                new = _new_mail(responses)
                if not responses and self.clock() < deadline - 1:
                    # Woken with nothing to read: the server closed the socket. DONE says so.
                    break
            self._idling = False
            new = _new_mail(client.idle_done()[1]) or new
            self._forget_responses()
        except (OSError, IMAPClientError) as e:
            self._drop()
            raise ConnectionLost(str(e) or type(e).__name__) from e
        except ConnectionLost:
            self._drop()
            raise
        return new

    def close(self) -> None:
        """LOGOUT if the server still answers within a few seconds; else just drop it."""
        client, self.client = self.client, None
        idling, self._idling = self._idling, False
        if client is None:
            return
        try:
            client.socket().settimeout(5)
            if idling:   # stopped while waiting: a LOGOUT inside IDLE is a protocol error
                client.idle_done()
            client.logout()
        except (OSError, IMAPClientError):
            _shutdown(client)

    def _forget_responses(self) -> None:
        """imaplib files every untagged response it reads (each EXISTS, RECENT, FETCH of
        NOOP and of the end of IDLE) in a list per kind that only its own commands ever
        empty, and imapclient reads them without emptying it: on a connection kept for
        days that list grows with every arrival. What they said was read already."""
        imap = getattr(self.client, "_imap", None)
        if imap is not None:
            imap.untagged_responses.clear()

    def kept_responses(self) -> int:
        """How many server responses the connection still holds (see _forget_responses)."""
        imap = getattr(self.client, "_imap", None)
        return sum(len(kept) for kept in imap.untagged_responses.values()) if imap is not None else 0

    def _drop(self) -> None:
        client, self.client = self.client, None
        self._idling = False
        if client is not None:
            _shutdown(client)


def _shutdown(client) -> None:
    try:
        client.shutdown()
    except (OSError, IMAPClientError, AttributeError):
        pass  # already gone


def _new_mail(responses) -> bool:
    """EXISTS (the folder's count changed) or RECENT: something may have arrived."""
    return any(len(r) >= 2 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


# -- the loop --------------------------------------------------------------------------

class Watcher:
    """Checks everything at start and after every reconnection, then each time mail is
    announced, and every `interval` when nothing announces it (polling, or folders
    beside the one in IDLE). `check(reason)` is one ingest run."""

    def __init__(self, waiter: Waiter, check: Callable[[str], None], log: EventLog, timing: Timing = Timing(),
                 periodic: bool = False, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.waiter = waiter
        self.check = check
        self.log = log
        self.timing = timing
        self.periodic = periodic
        self.sleep = sleep
        self.clock = clock
        self.checks = 0

    def run(self) -> None:
        """Until Stopped (or an error no retry mends) is raised."""
        failures = 0
        reason = "start"
        while True:
            try:
                self.waiter.open()
                self.log("watching", mode="idle" if self.waiter.announces else "poll",
                         interval=self.timing.interval if self._periodic else None)
                self._check(reason)
                failures = 0
                self._wait_and_check()
            except ConnectionLost as e:
                failures += 1
                self._pause(failures, "disconnected", "WARNING", e)
                reason = "reconnected"
            except ImapError as e:
                if self.checks == 0:
                    raise   # never worked: the settings are wrong, say so at once
                failures += 1   # worked before: a password being changed, a folder being moved
                self._pause(failures, "imap_refused", "ERROR", e)
                reason = "reconnected"

    def _pause(self, failures: int, event: str, level: str, error: Exception) -> None:
        """1, 2, 4 … s after successive failures, at most max_backoff."""
        self.waiter.close()
        pause = min(self.timing.first_backoff * 2 ** (failures - 1), self.timing.max_backoff)
        self.log(event, level, error=str(error), retry_in=pause, attempt=failures)
        self.sleep(pause)

    @property
    def _periodic(self) -> bool:
        return self.periodic or not self.waiter.announces

    def _wait_and_check(self) -> None:
        next_check = self.clock() + self.timing.interval
        while True:
            if self._periodic:
                left = next_check - self.clock()
                if left <= 0:
                    self._check("interval")
                    next_check = self.clock() + self.timing.interval
                    continue
                wait = min(left, self.timing.reidle)
            else:
                wait = self.timing.reidle
            if self.waiter.wait(wait):
                self._check("new_mail")
                next_check = self.clock() + self.timing.interval

    def _check(self, reason: str) -> None:
        """One ingest run; again while mail was announced during it, and later while
        another process holds the store."""
        while True:
            self.waiter.settle()   # what is announced now, this run will see
            try:
                self.check(reason)
            except StoreLocked:
                self.log("store_busy", "WARNING", retry_in=self.timing.busy_retry,
                         note=N_("another baocao process is writing to the store"))
                self.sleep(self.timing.busy_retry)
                continue
            self.checks += 1
            if not self.waiter.settle():
                return
            reason = "arrived_during_run"


# -- one ingest run ------------------------------------------------------------------

@dataclass
class IngestRun:
    """`baocao ingest`'s work, once per check: the store is opened and locked for the run
    only. `running` is true while it holds the lock (a signal then leaves at once, as a
    killed ingest does: the store is made for it)."""

    store_path: Path
    mail: MailSource
    campaign: Campaign
    log: EventLog
    document_seconds: float = 60
    running: bool = False

    def __call__(self, reason: str) -> None:
        from baocao.ingest import pipeline

        started = time.monotonic()
        self.running = True
        try:
            store = Store.open(self.store_path, create=True)
            try:
                store.lock()
                # The campaigns read again as `baocao ingest` reads them: one closed (or recorded)
                # while watching counts from this run on.
                from baocao.register import analysed_campaigns
                campaigns = analysed_campaigns(store, pipeline.campaign_list(self.campaign))
                if not campaigns:
                    self.log("no_open_campaign", "WARNING", note=N_(
                        "every campaign of the store is closed: no mail is fetched until one is recorded or "
                        "opened again (baocao parse --campaign FILE, with --reopen for a closed one)"))
                    return
                messages = open_source(self.mail, store, on_folder=self._folder,
                                       on_event=lambda text: self.log("imap", "WARNING", text=text),
                                       recheck=reason not in QUICK_REASONS)
                summary = pipeline.ingest(store, messages, campaigns, on_message=self._message,
                                          document_seconds=self.document_seconds)
            finally:
                store.close()
        except ImapError as e:
            if isinstance(e.__cause__, Dropped):
                raise ConnectionLost(str(e)) from e
            raise
        finally:
            self.running = False
            _release_run()
        self.log("checked", reason=reason, scope="new" if reason in QUICK_REASONS else "all", seen=summary.seen,
                 stored=summary.stored, analysed=summary.analysed,
                 problems=summary.errors, seconds=round(time.monotonic() - started, 1))
        if summary.errors:
            self.log("problems", "WARNING", count=summary.errors, note=N_("see `baocao errors`"))

    def _folder(self, source: str, uidvalidity: int, count: int) -> None:
        if count:
            self.log("folder", source=source, new=count, uidvalidity=uidvalidity)

    def _message(self, raw, new: bool) -> None:
        if new:
            self.log("stored", source=raw.source, key=raw.key)


# -- measuring its memory ---------------------------------------------------------------

TRACE_MEMORY = "BAOCAO_WATCH_TRACEMALLOC"   # minutes between two snapshots (bench/watch.py --trace)


class MemoryTrace:
    """Where the watch's memory goes, for bench/watch.py and for a clerk's report of a
    watch that grows: with BAOCAO_WATCH_TRACEMALLOC=MINUTES, tracemalloc follows this
    process (not the workers) and, after the first run past each MINUTES, one `memory`
    line gives the Python heap (traced) beside RSS and the heap's peak since the last
    line, and `memory_growth` lines the allocation sites that grew most since the first
    snapshot, by traceback. A heap that stays level while RSS climbs points at the
    allocator, not at something kept; a peak that climbs, at what a run holds while it
    runs (RSS keeps the pages of the highest peak)."""

    def __init__(self, log: EventLog, every: float, clock: Callable[[], float] = time.monotonic, top: int = 8):
        import tracemalloc

        self.log = log
        self.every = every
        self.clock = clock
        self.top = top
        self.first = None
        self.next = clock()
        tracemalloc.start(12)

    def __call__(self) -> None:
        import tracemalloc

        if self.clock() < self.next:
            return
        self.next = self.clock() + self.every
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        gc.collect()   # what is kept, not garbage waiting for the next collection
        snapshot = tracemalloc.take_snapshot().filter_traces([
            tracemalloc.Filter(False, tracemalloc.__file__),
            tracemalloc.Filter(False, "<frozen importlib._bootstrap>")])
        traced = sum(stat.size for stat in snapshot.statistics("filename")) / 2**20
        if self.first is None:
            self.first = snapshot
            self.log("memory", traced_mib=traced, peak_mib=peak, rss_mib=rss_mib(), note="first snapshot")
            tracemalloc.reset_peak()
            return
        growth = [stat for stat in snapshot.compare_to(self.first, "traceback") if stat.size_diff > 0]
        self.log("memory", traced_mib=traced, peak_mib=peak, rss_mib=rss_mib(),
                 grown_kib=sum(stat.size_diff for stat in growth) / 2**10)
        for stat in growth[:self.top]:
            newest_first = list(reversed(stat.traceback))   # tracemalloc lists the oldest frame first
            ours = [f for f in newest_first[1:] if "/baocao/" in f.filename or "/wt-" in f.filename][:3]
            frames = [f"{Path(f.filename).name}:{f.lineno}" for f in [newest_first[0], *ours]]
            self.log("memory_growth", "DEBUG" if self.log.quiet else "INFO", kib=stat.size_diff / 2**10,
                     blocks=stat.count_diff, at=" < ".join(dict.fromkeys(frames)))
        del snapshot, growth
        tracemalloc.reset_peak()   # the next line's peak: the runs of the next MINUTES


def rss_mib() -> float:
    """This process's resident memory (VmRSS), 0 where /proc does not tell it."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def _release_run() -> None:
    """What a run leaves behind is freed when it ends, not days later. Each IMAP connection
    compiles a pattern of its own (imaplib's tag matcher, from a random tag prefix), which
    `re` caches, up to 512 of them; and a run's reference cycles (tenacity's retry objects,
    one per IMAP command) wait for a collection of the oldest generation, which in a
    long-lived process comes after thousands of runs. Both bounded, but both look like a
    leak in RSS for hours; the cost here is a few milliseconds a run."""
    re.purge()
    gc.collect()


# -- the whole command -----------------------------------------------------------------

def watch_mailbox(store_path: Path, mail: MailSource, campaign: Campaign, log: EventLog, *, interval: float,
                  idle: bool = True, document_seconds: float = 60, exit_codes: dict[int, int]) -> int:
    """Watch until SIGTERM or SIGINT; returns the exit code `exit_codes` gives the signal.
    ConfigError and SourceError (the settings), ImapError (the first connection refused)
    and the store's own errors are raised for the command line to report."""
    timing = Timing(interval=interval)
    run = IngestRun(store_path, mail, campaign, log, document_seconds)
    if mail.imap is not None and idle:
        waiter: Waiter = IdleWaiter(_first_folder(mail), log)
    else:
        waiter = Sleeper()
    check: Callable[[str], None] = run
    if os.environ.get(TRACE_MEMORY):
        trace = MemoryTrace(log, float(os.environ[TRACE_MEMORY]) * 60)

        def check(reason: str) -> None:
            run(reason)
            trace()
    watcher = Watcher(waiter, check, log, timing, periodic=len(mail.folders) > 1 and mail.imap is not None)

    def on_signal(signum, frame):
        if run.running:
            log("stopped", signal=signal.Signals(signum).name, during="ingest",
                note=N_("what was stored is kept; the next run completes the rest"))
            os._exit(exit_codes[signum])
        raise Stopped(signum)

    previous = {s: signal.signal(s, on_signal) for s in exit_codes}
    log("started", source=mail.name, store=store_path, idle="yes" if idle and mail.imap is not None else "no",
        interval=interval)
    try:
        watcher.run()
    except Stopped as e:
        for s in exit_codes:
            signal.signal(s, signal.SIG_IGN)   # a second Ctrl-C does not cut the goodbye short
        waiter.close()
        log("stopped", signal=signal.Signals(e.signum).name)
        return exit_codes[e.signum]
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0


def _first_folder(mail: MailSource) -> ImapSettings:
    from dataclasses import replace

    return replace(mail.imap, folder=mail.folders[0])
