"""Fetching new messages from one IMAP folder with imapclient.

The folder is opened read-only and bodies are fetched with BODY.PEEK[], so the clerk's
mail client still shows the mail as unread. Only UIDs above the last one stored are
fetched, in bounded batches (never one huge UID list: "UID FETCH Too long argument"); a changed
UIDVALIDITY means the server renumbered, so everything is fetched again and deduplicated
by content. A dropped connection is retried with backoff, a bounded number of times,
resuming where it stopped; a large message is streamed to disk in chunks."""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

import imapclient
import tenacity
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from baocao.config import is_loopback
from baocao.i18n import N_, _, ngettext
from baocao.ingest.sources import SPOOL_THRESHOLD, RawMessage
from baocao.store import FolderState
from baocao.store.errors import writing
from baocao.store.records import StoredFromUid

TLS_MODES = ("ssl", "starttls", "none")
BATCH_MESSAGES = 100
BATCH_BYTES = 16 * 2**20
CHUNK_BYTES = 4 * 2**20
LIST_CHUNK = 200          # UIDs per command: short enough for any server's line limit, and
                          # what a run holds of the listing at once
LIST_WIDEST = 16          # where the folder's UIDs are sparse, a search spans up to this many times
                          # LIST_CHUNK UIDs (it still answers at most that many)


class ImapError(Exception):
    """The server could not be reached, refused the login or the folder."""


class ConfigError(Exception):
    """The IMAP settings are incomplete or unsafe."""


class Dropped(Exception):
    """The connection broke, or the server cannot be reached now; worth reconnecting
    (the ingest's retries, and `baocao watch`, ingest/watch.py)."""


@dataclass(frozen=True)
class ImapSettings:
    host: str
    user: str
    password: str = field(repr=False)
    port: int | None = None
    folder: str = "INBOX"
    tls: str = "ssl"
    ca_file: str | None = None
    timeout: float = 60.0
    retries: int = 5          # reconnections per run before giving up
    backoff: float = 1.0      # first wait in seconds; doubles, at most 30 s

    @property
    def effective_port(self) -> int:
        return self.port or (993 if self.tls == "ssl" else 143)

    @property
    def source(self) -> str:
        return f"imap://{self.user}@{self.host}:{self.effective_port}/{self.folder}"

    def check(self) -> None:
        if self.tls not in TLS_MODES:
            raise ConfigError(N_("--imap-tls must be one of {modes}, not {given}").format(
                modes=", ".join(TLS_MODES), given=repr(self.tls)))
        if self.tls == "none" and not is_loopback(self.host):
            raise ConfigError(
                N_("--imap-tls none would send the password in clear text to {host}; "
                   "it is allowed only for a loopback address (127.0.0.1, localhost): use ssl or starttls").format(
                    host=self.host)
            )
        if not self.password:
            raise ConfigError(
                N_("no IMAP password: put it in a file named by --imap-password-file or in BAOCAO_IMAP_PASSWORD")
            )



def connect(settings: ImapSettings) -> imapclient.IMAPClient:
    """A logged-in client. Connection failures raise Dropped (worth retrying); a refused
    login or certificate raises ImapError (retrying would not help)."""
    settings.check()
    context = ssl.create_default_context(cafile=settings.ca_file) if settings.tls != "none" else None
    where = f"{settings.host}:{settings.effective_port}"
    try:
        client = imapclient.IMAPClient(
            settings.host, port=settings.effective_port, ssl=settings.tls == "ssl",
            ssl_context=context, timeout=settings.timeout,
        )
        if settings.tls == "starttls":
            client.starttls(context)
    except ssl.SSLError as e:
        raise ImapError(N_("TLS with {server} failed ({reason}): "
                           "if the server uses a private CA, give it with --imap-ca-file").format(
            server=where, reason=e)) from e
    except (OSError, IMAPClientError) as e:
        raise Dropped(N_("cannot connect to IMAP server {server} ({reason}): "
                         "check --imap-host, --imap-port and the network").format(server=where, reason=e)) from e
    client.normalise_times = False  # keep INTERNALDATE's own offset: it decides on time or late
    _quiet_protocol_log(client)
    try:
        client.login(settings.user, settings.password)
    except LoginError:
        raise ImapError(
            N_("IMAP server {server} refused the login of {user}: check the user and the password "
               "(--imap-password-file or BAOCAO_IMAP_PASSWORD)").format(server=where, user=settings.user)
        ) from None
    except (OSError, IMAPClientError) as e:
        raise Dropped(N_("IMAP login to {server} failed ({reason})").format(server=where, reason=e)) from e
    return client


def _quiet_protocol_log(client: imapclient.IMAPClient) -> None:
    """imapclient turns imaplib's own debug output on (level 5) and sends it to the
    `imapclient.imaplib` logger, so imaplib formats repr() of every response, every
    message body included, even when that logger discards it: measured, 58 % of the
    fetch's CPU time. Left on only when someone asked for that logger's DEBUG lines."""
    imap = getattr(client, "_imap", None)
    if imap is not None and not logging.getLogger("imapclient.imaplib").isEnabledFor(logging.DEBUG):
        imap.debug = 0


class _Session:
    """One folder on one server, reconnected and reselected after a drop."""

    def __init__(self, settings: ImapSettings, on_event: Callable[[str], None]):
        self.settings = settings
        self.on_event = on_event
        self.client: imapclient.IMAPClient | None = None
        self.uidvalidity: int | None = None
        self.uidnext: int | None = None   # as the folder was opened: where the listing's ranges end
        self.reconnections = 0

    def call(self, operation: Callable[[imapclient.IMAPClient], object]):
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.settings.retries + 1),
            wait=tenacity.wait_exponential(multiplier=self.settings.backoff, max=30),
            retry=tenacity.retry_if_exception_type(Dropped),
            before_sleep=lambda state: self.on_event(_(
                "connection to {host} lost ({reason}); retry {attempt} of {retries} in {seconds} s").format(
                    host=self.settings.host, reason=state.outcome.exception(), attempt=state.attempt_number,
                    retries=self.settings.retries, seconds=f"{state.next_action.sleep:.0f}")),
            reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    if self.client is None:
                        self._open()
                    try:
                        return operation(self.client)
                    except (OSError, IMAPClientAbortError, socket.timeout) as e:
                        self._discard()
                        raise Dropped(str(e) or type(e).__name__) from e
        except Dropped as e:
            raise ImapError(N_("{reason}; gave up after {retries} retries: run again later, "
                               "what was stored is kept and the next run resumes").format(
                reason=e, retries=self.settings.retries)) from e

    def _open(self) -> None:
        self.client = connect(self.settings)
        try:
            selected = self.client.select_folder(self.settings.folder, readonly=True)
        except (OSError, IMAPClientAbortError, socket.timeout):
            self._discard()
            raise
        except IMAPClientError as e:
            raise ImapError(N_("cannot open folder {folder} on {host} ({reason}): check --imap-folder").format(
                folder=repr(self.settings.folder), host=self.settings.host, reason=e)) from e
        uidvalidity = int(selected[b"UIDVALIDITY"])
        if self.uidvalidity is not None and uidvalidity != self.uidvalidity:
            raise ImapError(N_("the server renumbered {folder} (UIDVALIDITY changed) during the run: run again; "
                               "nothing is stored twice").format(folder=repr(self.settings.folder)))
        self.uidvalidity = uidvalidity
        self.uidnext = int(selected[b"UIDNEXT"]) if b"UIDNEXT" in selected else None

    def _discard(self) -> None:
        client, self.client = self.client, None
        try:
            client.shutdown()
        except (OSError, IMAPClientError, AttributeError):
            pass  # already gone

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except (OSError, IMAPClientError):
                pass  # the connection is already gone; nothing to close


@dataclass(frozen=True)
class _Listed:
    uid: int
    size: int
    internaldate: datetime | None


# What the store holds from a chunk of UIDs of the folder, under its UIDVALIDITY.
StoredLookup = Callable[[int, list[int]], dict[int, StoredFromUid]]


def _nothing_stored(uidvalidity: int, uids: list[int]) -> dict[int, StoredFromUid]:
    return {}


def imap_messages(
    settings: ImapSettings,
    state: FolderState | None,
    spool_dir: Path,
    on_folder: Callable[[int, int], None] = lambda uidvalidity, count: None,
    on_event: Callable[[str], None] = lambda text: None,
    stored: StoredLookup = _nothing_stored,
    recheck: bool = True,
) -> Iterator[RawMessage]:
    """The folder's messages not yet stored, oldest UID first: those above the last UID
    stored, and, with `recheck`, any older UID that holds nothing stored from it or no
    longer holds what was stored from it (`stored` tells, a chunk of UIDs at a time).
    Without `recheck` (mail was just announced) only the UIDs above the last one stored
    are asked for: a full check after each arrival would list the whole folder each time."""
    session = _Session(settings, on_event)
    try:
        session.call(lambda client: None)  # connect and select
        same_numbering = state is not None and state.uidvalidity == session.uidvalidity
        last_uid = state.last_uid if same_numbering else 0
        first = 1 if recheck or not same_numbering else last_uid + 1

        def stored_here(uids: list[int]) -> dict[int, StoredFromUid]:
            return stored(session.uidvalidity, uids) if same_numbering else {}

        wanted = session.call(lambda client: _list_wanted(client, first, session.uidnext, last_uid, stored_here))
        again = [item.uid for item in wanted if item.uid <= last_uid]
        if again:
            shown = ", ".join(map(str, again[:5]))
            if len(again) > 5:
                shown = _("{uids} and {more} more").format(uids=shown, more=len(again) - 5)
            on_event(ngettext(
                "{folder}: UID {uids}, at or below the last UID stored, holds mail not stored from there before "
                "(the server gave old UIDs to new mail): fetching it; what was stored before is kept",
                "{folder}: UIDs {uids}, at or below the last UID stored, hold mail not stored from there before "
                "(the server gave old UIDs to new mail): fetching it; what was stored before is kept",
                len(again)).format(folder=repr(settings.folder), uids=shown))
        on_folder(session.uidvalidity, len(wanted))
        for batch in _batches(wanted):
            if len(batch) == 1 and batch[0].size > SPOOL_THRESHOLD:
                yield _streamed(session, batch[0], spool_dir)
                continue
            bodies = session.call(lambda client, batch=batch: _fetch_bodies(client, batch))
            for item in batch:
                yield RawMessage(settings.source, f"{session.uidvalidity}:{item.uid}", bodies[item.uid],
                                 item.internaldate, uidvalidity=session.uidvalidity, uid=item.uid,
                                 server_size=item.size)
    finally:
        session.close()


def _not_what_was_stored(item: _Listed, stored: StoredFromUid | None) -> bool:
    """A UID at or below the last one stored is fetched again when nothing was stored
    from it, or when its size or INTERNALDATE changed: RFC 3501 forbids a server to give
    a UID to another message without changing UIDVALIDITY, and some servers do."""
    if stored is None:
        return True
    if stored.size is None:      # stored by a baocao that did not keep them: nothing to compare
        return False
    return (stored.size, stored.internaldate) != (
        item.size, item.internaldate.isoformat() if item.internaldate else None)


def _list_wanted(client: imapclient.IMAPClient, first: int, uidnext: int | None, last_uid: int,
                 stored: Callable[[list[int]], dict[int, StoredFromUid]]) -> list[_Listed]:
    """The folder's messages from UID `first` on to fetch: above `last_uid`, or not what
    was stored from their UID. Their size and INTERNALDATE are asked for a chunk of UIDs
    at a time (a single huge UID list fails on some servers: "Too long argument"), and
    each chunk is sifted before the next is asked for: `baocao watch` runs once per
    arrival for days, on a folder that only grows, and a listing of the whole folder held
    at once made each run's peak memory, and the process's RSS with it, grow by ~1.2 KiB
    per message in it."""
    wanted = []
    for chunk in _folder_uids(client, first, uidnext):
        answer = client.fetch(chunk, [b"RFC822.SIZE", b"INTERNALDATE"])
        below = [uid for uid in chunk if uid <= last_uid]
        known = stored(below) if below else {}
        for uid in chunk:
            item = _Listed(uid, int(answer.get(uid, {}).get(b"RFC822.SIZE", 0)),
                           answer.get(uid, {}).get(b"INTERNALDATE"))
            if uid > last_uid or _not_what_was_stored(item, known.get(uid)):
                wanted.append(item)
        del answer, known
    return wanted


def _folder_uids(client: imapclient.IMAPClient, first: int, uidnext: int | None) -> Iterator[list[int]]:
    """The folder's UIDs from `first` on, in order, at most LIST_CHUNK at a time, never
    all at once (a SEARCH ALL answers every UID of the folder). Each search spans a range
    of UIDs, not of sequence numbers, which shift when another client expunges mail
    meanwhile; the range widens where the folder's UIDs are sparse (mail moved away) and
    narrows again where they are dense. The last search is open-ended (`first:*`), so
    mail that arrived since the folder was opened is listed too; alone, it is the quick
    check after an arrival."""
    low, width = max(first, 1), LIST_CHUNK
    while True:
        last = uidnext is None or low + width >= uidnext
        # "n:*" also names the folder's last message when its UID is below n: left out.
        found = sorted(uid for uid in client.search(f"UID {low}:{'*' if last else low + width - 1}")
                       if uid >= low)
        for start in range(0, len(found), LIST_CHUNK):
            yield found[start:start + LIST_CHUNK]
        if last:
            return
        low += width
        width = LIST_CHUNK if len(found) >= LIST_CHUNK // 2 else min(width * 2, LIST_CHUNK * LIST_WIDEST)


def _batches(listed: list[_Listed]) -> Iterator[list[_Listed]]:
    """Runs of consecutive new UIDs, bounded in count and bytes; a large message alone."""
    batch: list[_Listed] = []
    size = 0
    for item in listed:
        if item.size > SPOOL_THRESHOLD:
            if batch:
                yield batch
            yield [item]
            batch, size = [], 0
            continue
        if batch and (len(batch) >= BATCH_MESSAGES or size + item.size > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item.size
    if batch:
        yield batch


def _fetch_bodies(client: imapclient.IMAPClient, batch: list[_Listed]) -> dict[int, bytes]:
    wanted = {item.uid for item in batch}
    answer = client.fetch(sorted(wanted), [b"BODY.PEEK[]"])
    bodies = {uid: d[b"BODY[]"] for uid, d in answer.items() if uid in wanted and b"BODY[]" in d}
    for uid in sorted(wanted - bodies.keys()):
        # Missing from the answer: ask once more for it alone before concluding anything.
        again = client.fetch([uid], [b"BODY.PEEK[]"]).get(uid, {})
        if b"BODY[]" not in again:
            raise ImapError(N_("the server did not return message UID {uid}: run again; nothing after it is "
                               "skipped").format(uid=uid))
        bodies[uid] = again[b"BODY[]"]
    return bodies


def _streamed(session: _Session, item: _Listed, spool_dir: Path) -> RawMessage:
    """A large message fetched in chunks straight to disk, hashed on the way."""
    target = spool_dir / f"imap-{os.getpid()}-{item.uid}.part"
    digest = hashlib.sha256()
    offset = 0
    spooling = N_("writing message UID {uid} to the store's spool").format(uid=item.uid)
    with writing(spooling):
        out = open(target, "wb")
    with out:
        os.chmod(target, 0o600)
        while True:
            chunk = session.call(lambda client, offset=offset: _chunk(client, item.uid, offset))
            with writing(spooling):
                out.write(chunk)
            digest.update(chunk)
            offset += len(chunk)
            if len(chunk) < CHUNK_BYTES:
                break
        with writing(spooling):
            out.flush()
    settings = session.settings
    return RawMessage(settings.source, f"{session.uidvalidity}:{item.uid}", None, item.internaldate,
                      uidvalidity=session.uidvalidity, uid=item.uid, spooled=target,
                      sha256=digest.hexdigest(), size=offset, server_size=item.size)


def _chunk(client: imapclient.IMAPClient, uid: int, offset: int) -> bytes:
    answer = client.fetch([uid], [f"BODY.PEEK[]<{offset}.{CHUNK_BYTES}>".encode()]).get(uid, {})
    for key, value in answer.items():
        if key.startswith(b"BODY[]"):
            return value or b""
    raise ImapError(N_("the server did not return part of message UID {uid}: run again").format(uid=uid))
