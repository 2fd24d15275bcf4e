"""The ingest stage: store each raw message first, then read it, keep its attachments,
parse its reports and decide what it is and who sent it.

Storing and analysing are separate steps on purpose: the raw bytes are safe before any
code that could fail on hostile input touches them, and a message stored but not yet
analysed (crash, bug) is analysed on the next run. Both steps work a batch at a time:
the batch's files are written, made durable with one sync, and only then the catalogue
rows that point at them are committed, in one transaction with the folder's last UID."""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import email.utils
import json
import multiprocessing
import multiprocessing.forkserver
import multiprocessing.process
import os
import shutil
import signal
import sys
import tempfile
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.ingest.examine import Examined, examine_in_worker, header_block, start_worker, unreadable
from baocao.ingest.sources import RawMessage
from baocao.parse.reports import DEFAULT_SECONDS
from baocao.store import Store, dumps, now_utc
from baocao.store.records import (
    FolderMark,
    Location,
    MessageAnalysis,
    NewMessage,
    Problem,
    ProvinceClaim,
    SavedAttachment,
)

BATCH = 64
IN_FLIGHT = 4             # batches handed to the workers and not yet saved
TASK = 16                 # messages per worker task
WORKERS = max(1, min(4, os.cpu_count() or 1))


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    already_stored: int = 0
    analysed: int = 0
    errors: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def ingest(
    store: Store,
    messages: Iterable[RawMessage],
    campaign: Campaign | Sequence[Campaign],
    on_message: Callable[[RawMessage, bool], None] = lambda raw, new: None,
    document_seconds: float = DEFAULT_SECONDS,
) -> IngestSummary:
    """Store every message not yet stored, and analyse what is new or was left unanalysed
    by an interrupted run. The caller holds the store's lock."""
    summary = IngestSummary()
    errors_before = store.error_count()
    store.clean_spool()
    with Analyser(store, campaign, document_seconds) as analyser:
        for group in _groups(messages, BATCH):
            stored = store_batch(store, group)
            for raw, _sha, new in stored:
                summary.seen += 1
                summary.stored += new
                summary.already_stored += not new
                on_message(raw, new)
            analyser.submit([sha for _, sha, new in stored if new])
        _submit_pending(analyser)   # what an interrupted run stored and did not analyse
    summary.analysed = analyser.done
    summary.kinds = analyser.kinds
    summary.errors = store.error_count() - errors_before
    return summary


def _groups(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while group := list(islice(iterator, size)):
        yield group


# -- storing -------------------------------------------------------------------------

class StoredMessage(NamedTuple):
    raw: RawMessage
    sha256: str
    new: bool           # not stored before


def store_batch(store: Store, group: list[RawMessage]) -> list[StoredMessage]:
    """Write the raw messages, sync once, then catalogue them and where they were seen,
    in one transaction with the folder's last UID."""
    def write(raw: RawMessage) -> str:
        if raw.spooled is not None:
            return store.adopt(raw.spooled, raw.sha256, sync=False)
        return store.put_object(raw.raw, sync=False)

    received = [_received(raw) for raw in group]   # before a spooled file moves into place
    # One after the other: writing them from a pool of threads was slower, the threads'
    # hand-offs (80,000 futex calls for 2,000 messages) cost more than the writes.
    written = [write(raw) for raw in group]
    prepared = list(zip(group, written, received, strict=True))
    store.sync()
    known = store.known_messages(sha for _, sha, _ in prepared)
    before = store.held_at((raw.source, raw.key) for raw in group)
    stored, rows, stored_at = [], [], now_utc()
    for raw, sha, (received_at, received_from) in prepared:
        new = sha not in known
        if new:
            known.add(sha)  # the same message twice in one batch is stored once
            rows.append(NewMessage(sha, raw.length, received_at, received_from, stored_at))
        stored.append(StoredMessage(raw, sha, new))
    locations = [Location(raw.source, raw.key, sha, stored_at, raw.server_size,
                          raw.received_at.isoformat() if raw.uid is not None and raw.received_at else None)
                 for raw, sha, _ in stored]
    reused = [(sha, _place_reused(raw, before[raw.source, raw.key])) for raw, sha, _ in stored
              if before.get((raw.source, raw.key), sha) != sha]
    store.record_batch(rows, locations, _last_uids(group), reused)
    return stored


def _place_reused(raw: RawMessage, earlier: str) -> Problem:
    if raw.uid is not None:
        return Problem("ingest", N_("{source}: UID {uid} held another message when it was stored ({earlier}); the "
                                    "server gave the UID to this new one without changing UIDVALIDITY, against RFC "
                                    "3501").format(source=raw.source, uid=raw.uid, earlier=earlier[:12]),
                       N_("nothing is lost: both messages are kept. Tell the mail server's administrator: a server "
                          "that reuses UIDs makes every mail client miss or mix up mail"))
    return Problem("ingest", N_("{source}: {key} held another message when it was read before ({earlier}) and now "
                                "holds this one").format(source=raw.source, key=raw.key, earlier=earlier[:12]),
                   N_("nothing is lost: both are kept; check whoever replaced the file"))


def _last_uids(group: list[RawMessage]) -> list[FolderMark]:
    """The highest UID of each run of the batch's IMAP messages, by folder and UIDVALIDITY."""
    runs: list[FolderMark] = []
    for raw in group:
        if raw.uid is None:
            continue
        if runs and (runs[-1].source, runs[-1].uidvalidity) == (raw.source, raw.uidvalidity):
            runs[-1] = runs[-1]._replace(last_uid=max(runs[-1].last_uid, raw.uid))
        else:
            runs.append(FolderMark(raw.source, raw.uidvalidity, raw.uid))
    return runs


def store_raw(store: Store, raw: RawMessage) -> tuple[str, bool]:
    """One message on its own (tests, the clerk's tools)."""
    (_, sha, new), = store_batch(store, [raw])
    return sha, new


def _headers(head: bytes):
    # compat32: only Message-ID and dates are read here, all ASCII; the full read comes later.
    return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(header_block(head))


def _received(raw: RawMessage) -> tuple[str, str]:
    # INTERNALDATE, not the Date header: senders' clocks and time zones are wrong often enough.
    if raw.received_at is not None and raw.received_at.tzinfo is not None:
        return raw.received_at.astimezone(timezone.utc).isoformat(), "internaldate"
    headers = _headers(raw.head())
    # Without IMAP, the receiving server's own trace line is the next best clock.
    date = _date(_safe_str(headers, "received").rpartition(";")[2])
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "received-header"
    date = _date(_safe_str(headers, "date"))
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "date-header"
    return datetime.now(timezone.utc).isoformat(timespec="seconds"), "stored-at"


def _safe_str(headers, name: str) -> str:
    try:
        return str(headers.get(name, ""))
    except Exception:  # a hostile header the email package cannot even fold into a str
        return ""


def _date(value: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        date = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return date if date.tzinfo else None


# -- analysing -----------------------------------------------------------------------

class Analyser:
    """Runs in the process that owns the catalogue (the ingest, holding the lock): hands
    stored messages to `Examiner`s in worker processes and saves what they found, one
    batch per transaction. Workers use every core (the MIME parse and the readers are
    CPU-bound), and they are what a hostile attachment can crash or hang: a worker that
    dies costs its messages a retry, one by one, never the run. `kinds` counts the
    messages saved, by kind."""

    def __init__(self, store: Store, campaigns: Campaign | Sequence[Campaign],
                 document_seconds: float = DEFAULT_SECONDS):
        self.store = store
        self.campaigns = campaign_list(campaigns)
        self.campaign = self.campaigns[0]
        self.kinds: dict[str, int] = {}
        self.document_seconds = document_seconds
        self._pool: ProcessPoolExecutor | None = None
        # per batch: the pool, and each task (sha, size)s with its future
        self._pending: list[tuple[ProcessPoolExecutor, list[tuple[list[tuple[str, int]], Future]]]] = []
        self.done = 0
        self._processes = _Processes(store)

    def submit(self, shas: list[str]) -> None:
        """Start examining; results are saved by `drain` (or when the next batch comes)."""
        if not shas:
            return
        sizes = self.store.message_sizes(shas)
        # Small batches in small tasks, so that a few reports are parsed side by side.
        per_task = max(1, min(TASK, len(shas) // (2 * WORKERS)))
        tasks = [[(sha, sizes[sha]) for sha in chunk] for chunk in _groups(shas, per_task)]
        pool = self._pool or self._start_pool()
        try:
            futures = [pool.submit(examine_in_worker, task) for task in tasks]
        except BrokenProcessPool:  # a worker died on an earlier batch: this one goes to fresh workers
            self._discard(pool)
            pool = self._start_pool()
            futures = [pool.submit(examine_in_worker, task) for task in tasks]
        self._pending.append((pool, list(zip(tasks, futures, strict=True))))
        while len(self._pending) > IN_FLIGHT:  # examined while the next batches are fetched
            self._collect()

    def drain(self) -> None:
        while self._pending:
            self._collect()

    def close(self) -> None:
        try:
            self.drain()
            if self._pool is not None:
                self._pool.shutdown()
        finally:
            self._processes.stop()

    def __enter__(self) -> "Analyser":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
            return
        try:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)  # what was not saved is analysed next run
        finally:
            self._processes.stop()

    def _start_pool(self) -> ProcessPoolExecutor:
        self._pool = ProcessPoolExecutor(WORKERS, mp_context=self._processes.start(), initializer=start_worker,
                                         initargs=(str(self.store.root), self.campaigns, self.document_seconds))
        return self._pool

    def _collect(self) -> None:
        pool, tasks = self._pending.pop(0)
        found: list[Examined] = []
        for task, future in tasks:
            try:
                found.extend(future.result())
            except BrokenProcessPool:
                self._discard(pool)
                found.extend(self._examine_alone(sha, size) for sha, size in task)
        self._save(found)

    def _examine_alone(self, sha: str, size: int) -> Examined:
        """A worker died (a crash inside a document library, memory exhausted, stopped
        stuck by its watchdog): each message of the lost tasks again, alone, so the one
        that kills its worker is recorded and the others are examined as usual."""
        pool = self._pool or self._start_pool()
        try:
            return pool.submit(examine_in_worker, [(sha, size)]).result()[0]
        except BrokenProcessPool:
            self._discard(pool)
            return unreadable(self.store, sha, "the worker process examining it stopped abruptly, as a crash inside a "
                                   "document library, lack of memory or a hang past the time limit stops it")

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:
            self._pool = None
            pool.shutdown(wait=True)

    def _save(self, found: list[Examined]) -> None:
        if not found:
            return
        if any(a.stored for e in found for a in e.attachments):
            self.store.sync()  # the document objects, before the rows that point at them
        shas = [e.sha for e in found]
        assigned = self.store.assignments(shas)   # message -> campaign -> the clerk's province

        def own(e: Examined) -> str | None:
            """The clerk's province for the campaign whose analysis the message's row keeps:
            the first it counts for, else the first analysed."""
            return assigned.get(e.sha, {}).get(e.campaign_id or self.campaign.id)

        with self.store.transaction():
            self.store.clear_errors(shas, ("mime", "parse", "analyse", "archive"))
            # The clerk's assignment speaks for every document of the message; else each
            # document counts for the province its own letterhead names.
            self.store.save_attachments([
                SavedAttachment(e.sha, a, (own(e) or e.document_provinces.get(a.sha256)) if a.stored else None)
                for e in found for a in e.attachments])
            analysed_at = now_utc()
            for examined in found:
                analysis, problems = self._decide(examined, own(examined), analysed_at)
                for d_sha, by_campaign in examined.parsed.items():
                    for campaign_id, parsed in by_campaign.items():
                        self.store.save_document(d_sha, parsed, campaign_id,
                                                 examined.letterhead_provinces.get(d_sha, {}).get(campaign_id))
                by_campaign = assigned.get(examined.sha, {})   # each campaign its own decision
                self.store.save_analysis(examined.sha, analysis, [
                    finding._replace(province_code=by_campaign[finding.campaign_id], province_status="assigned")
                    if finding.campaign_id in by_campaign else finding for finding in examined.findings])
                for problem in problems:
                    self.store.record_problem(examined.sha, problem)
                self.kinds[examined.kind] = self.kinds.get(examined.kind, 0) + 1
            settle_duplicates(self.store, shas)
        self.done += len(found)

    def _decide(self, examined: Examined, assigned: str | None,
                analysed_at: str) -> tuple[MessageAnalysis, list[Problem]]:
        """What needs the catalogue: the clerk's assignment, what to report. Whether the
        message is a duplicate, and what follows from that, is settled afterwards over the
        whole catalogue (`settle_duplicates`)."""
        problems = list(examined.problems)
        decision, match, kind = examined.decision, examined.match, examined.kind
        province_code = assigned or decision.code
        if kind == "report" and match == "unassigned":
            problems.append(Problem(
                "analyse", N_("this report cites no request letter and its document does not follow the outline"),
                N_("read it; if it answers the campaign, ask the province to resend it citing the letter")))
        analysis = MessageAnalysis(
            message_id=examined.message_id, sender=examined.sender, sender_name=examined.sender_name,
            subject=examined.subject, date_header=examined.date_header, kind=kind,
            campaign_id=examined.campaign_id, campaign_match=match,
            province_code=province_code, province_status="assigned" if assigned else decision.status,
            province_evidence=dumps([e.__dict__ for e in decision.evidence]), analysed_at=analysed_at,
        )
        return analysis, problems




class _Processes:
    """The forkserver the workers start from, for one Analyser: a clean process, not a copy
    of this one with its open catalogue, lock and threads. Everything multiprocessing and
    the workers write to a temporary directory goes into a folder of the store's spool
    (the forkserver's socket, which a killed run would otherwise leave in /tmp as
    `pymp-*`): stopped with the Analyser, or removed by the next run's `clean_spool`."""

    def __init__(self, store: Store):
        self.dir = Path(tempfile.mkdtemp(prefix="mp-", dir=store.spool_dir))
        self._dir_fd = os.open(self.dir, os.O_RDONLY | os.O_DIRECTORY)
        self._config = multiprocessing.process.current_process()._config
        self._previous = self._config.get("tempdir")
        # Where multiprocessing.util.get_temp_dir makes the socket: this folder, named by
        # /proc so that a store however deep fits the 108 bytes of a socket's path.
        self._config["tempdir"] = f"/proc/self/fd/{self._dir_fd}"
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["baocao.ingest.examine"])
        _stop_forkserver()   # one of an earlier Analyser of this process has its socket elsewhere
        # Started at once, so that its interpreter and imports (~0.2 s) run while this
        # process connects and fetches, and only once a run.
        try:
            self.start()
        except BaseException:
            self.stop()
            raise

    def start(self):
        # Ctrl-C is for this process, which leaves at once and which the workers follow out.
        # The forkserver, its resource tracker and the workers inherit SIGINT ignored (that
        # survives exec, and Python leaves it so), so none of them prints a traceback of its
        # own on the clerk's terminal. A Ctrl-C in the few milliseconds of the spawn is lost.
        in_main_thread = threading.current_thread() is threading.main_thread()
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main_thread else None
        try:
            _start_resource_tracker()
            with _environment(TMPDIR=str(self.dir)):   # the workers' temporary files too
                multiprocessing.forkserver.ensure_running()
        finally:
            if in_main_thread:
                signal.signal(signal.SIGINT, handler)
        return self.context

    def stop(self) -> None:
        if self._dir_fd is None:
            return
        _stop_forkserver()
        if self._previous is None:
            self._config.pop("tempdir", None)
        else:
            self._config["tempdir"] = self._previous
        os.close(self._dir_fd)
        self._dir_fd = None
        shutil.rmtree(self.dir, ignore_errors=True)


def _stop_forkserver() -> None:
    with contextlib.suppress(FileNotFoundError):   # its folder already removed
        multiprocessing.forkserver._forkserver._stop()


def _start_resource_tracker() -> None:
    """Python's resource tracker, started with its stderr on /dev/null. It outlives a killed
    ingest, removes the semaphores the run could not, and would print on the clerk's
    terminal or into cron's mail that it found them ("leaked semaphore objects"): that is
    the expected trace of a kill, which the next run completes, not something to act on."""
    from multiprocessing import resource_tracker

    # fd 2 is on /dev/null for the microseconds of the call (a check when it runs already).
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        resource_tracker.ensure_running()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


@contextlib.contextmanager
def _environment(**values: str):
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def campaign_list(campaigns: Campaign | Sequence[Campaign]) -> tuple[Campaign, ...]:
    """One campaign or several (every open campaign of the store), as a tuple."""
    found = (campaigns,) if isinstance(campaigns, Campaign) else tuple(campaigns)
    if not found:
        raise ValueError(N_("no campaign to analyse against: every campaign of the store is closed; open one again "
                            "with `baocao parse --campaign FILE --reopen`"))
    return found


def settle_duplicates(store: Store, shas: list[str]) -> None:
    """Which copy of a message counts: among the analysed messages with one Message-ID and
    the same documents, the one received first (ties broken by hash, so that the choice
    never depends on the order messages were fetched or analysed in); the others are its
    duplicates. Same Message-ID with other documents is another message. Recomputed for
    the groups of `shas` whenever they are saved: a copy received earlier but analysed
    later takes over. Called inside the caller's transaction."""
    groups: dict[tuple[str, frozenset[str]], list[tuple[str, str]]] = {}
    for copy in store.copies(shas):
        groups.setdefault((copy.message_id, copy.documents), []).append((copy.received_at, copy.sha256))
    duplicate_of: dict[str, str | None] = dict.fromkeys(shas)   # no Message-ID: a message of its own
    for copies in groups.values():
        first = min(copies)[1]
        duplicate_of.update((sha, None if sha == first else first) for _, sha in copies)
    store.set_duplicates(duplicate_of)
    settled = sorted(set(shas) | set(duplicate_of))
    store.clear_errors(settled, ("province",))
    for claim in store.province_claims(settled):
        for problem in _province_problems(claim):
            store.record_problem(claim.sha256, problem)


def _province_problems(claim: ProvinceClaim) -> list[Problem]:
    """What the clerk must settle about a report that counts (a duplicate does not)."""
    if claim.kind != "report" or claim.campaign_match not in ("cited", "content") or claim.duplicate_of is not None:
        return []
    sha = claim.sha256
    if claim.province_code is None:
        return [Problem("province", N_("cannot tell which province sent this report (no official domain, no "
                                       "letterhead)"),
                        N_("run `baocao assign {sha} <province code>` once you know").format(sha=sha[:12]))]
    if claim.province_status == "conflict" and not claim.several_provinces:
        names = ", ".join(f"{e['source']}: {e['detail']}" for e in json.loads(claim.province_evidence or "[]"))
        return [Problem("province", N_("the evidence names different provinces ({names}); the document's was "
                                       "taken").format(names=names),
                        N_("if that is wrong, run `baocao assign {sha} <province code>`").format(sha=sha[:12]))]
    return []


def analyse_pending(store: Store, campaign: Campaign | Sequence[Campaign],
                    document_seconds: float = DEFAULT_SECONDS) -> int:
    """Analyse every stored message that has not been analysed yet. Returns how many."""
    with Analyser(store, campaign, document_seconds) as analyser:
        _submit_pending(analyser)
    return analyser.done


def _submit_pending(analyser: Analyser) -> None:
    analyser.drain()   # what is in flight is saved first, so it is not pending any more
    for group in _groups(analyser.store.unanalysed_messages(), BATCH):
        analyser.submit(group)


def reanalyse_all(store: Store, campaign: Campaign | Sequence[Campaign],
                  document_seconds: float = DEFAULT_SECONDS) -> int:
    """After a change of campaign or of baocao itself: analyse everything again
    (documents are parsed again; the clerk's assignments are kept)."""
    store.clean_spool()
    store.forget_analyses([c.id for c in campaign_list(campaign)])
    return analyse_pending(store, campaign, document_seconds=document_seconds)


def analyse_message(store: Store, sha: str, campaign: Campaign) -> str:
    """Analyse one stored message again (after `baocao assign`). Returns its kind."""
    with Analyser(store, campaign) as analyser:
        analyser.submit([sha])
    return next(iter(analyser.kinds))
