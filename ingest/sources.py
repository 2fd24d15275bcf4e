"""Where raw messages come from: an IMAP folder (ingest/imap.py) or, for the sample
mailbox and for mail exported by hand, a folder of .eml files, a Maildir or an mbox."""

from __future__ import annotations

import hashlib
import itertools
import mailbox
import os
import queue
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:  # imap.py imports this module's RawMessage
    from baocao.ingest.imap import ImapSettings
    from baocao.store import Store

from baocao.i18n import N_
from baocao.store.errors import writing


class SourceError(Exception):
    """The message source named on the command line cannot be read."""


@dataclass(frozen=True)
class MailSource:
    """Where the mail is, as one value: a folder of .eml files, a Maildir or an mbox
    file (`path`), or an IMAP account (`imap`, its folder left unset) and the folders
    to read from it, each once, in the order given."""

    path: Path | None = None
    imap: "ImapSettings | None" = None
    folders: tuple[str, ...] = ("INBOX",)

    @property
    def name(self) -> str:
        """As the clerk reads it in the summary line."""
        if self.imap is None:
            return str(self.path)
        first = replace(self.imap, folder=self.folders[0]).source
        if len(self.folders) == 1:
            return first
        return first.rpartition("/")[0] + "/{" + ", ".join(self.folders) + "}"


def open_source(source: MailSource, store: "Store", on_folder: Callable[[str, int, int], None] = lambda *a: None,
                on_event: Callable[[str], None] = lambda text: None, recheck: bool = True) -> Iterator[RawMessage]:
    """The source's messages not yet stored, read ahead in a thread. Each IMAP folder's
    state is read here, in the caller's thread, which owns the catalogue; `on_folder`
    hears (folder's source, UIDVALIDITY, new messages) when a folder is opened. Without
    `recheck`, only IMAP mail above each folder's last UID stored is looked for (see
    imap_messages)."""
    if source.imap is None:
        return file_messages(source.path, store.spool_dir)
    from baocao.ingest.imap import imap_messages

    plan = [(settings, store.folder_state(settings.source))
            for settings in (replace(source.imap, folder=folder) for folder in source.folders)]
    return prefetched(itertools.chain.from_iterable(
        imap_messages(settings, state, store.spool_dir,
                      lambda uidvalidity, count, where=settings.source: on_folder(where, uidvalidity, count),
                      on_event=on_event, stored=partial(_stored_from_uids, store.root, settings.source),
                      recheck=recheck)
        for settings, state in plan))


def _stored_from_uids(root: Path, source: str, uidvalidity: int, uids: list[int]) -> dict:
    """The store's `stored_from_uids`, asked from the thread that reads ahead: an SQLite
    connection serves only the thread that opened it, so that thread opens its own,
    read-only, for the chunk (a chunk is a few hundred messages; opening costs less than
    a millisecond)."""
    from baocao.store import ReadOnlyCatalogue

    catalogue = ReadOnlyCatalogue(root)
    try:
        return catalogue.stored_from_uids(source, uidvalidity, uids)
    finally:
        catalogue.close()


# Larger messages are streamed to the store's tmp/ instead of being held in memory.
SPOOL_THRESHOLD = 8 * 2**20
HEADER_LIMIT = 256 * 2**10


@dataclass(frozen=True)
class RawMessage:
    source: str                 # imap://user@host:port/folder or file:///path
    key: str                    # UIDVALIDITY:UID, or the message's name inside the source
    raw: bytes | None           # the message; None when it was streamed to `spooled`
    received_at: datetime | None  # the server's INTERNALDATE; None: take the Date header
    uidvalidity: int | None = None
    uid: int | None = None
    spooled: Path | None = None   # a large message, already on disk in the store's tmp/
    sha256: str | None = None     # known for a spooled message
    size: int | None = None
    server_size: int | None = None  # IMAP: RFC822.SIZE, kept to notice a UID given to another message

    @property
    def length(self) -> int:
        return len(self.raw) if self.raw is not None else (self.size or 0)

    def head(self) -> bytes:
        """The start of the message, enough for its header block."""
        if self.raw is not None:
            return self.raw[:HEADER_LIMIT]
        with open(self.spooled, "rb") as f:
            return f.read(HEADER_LIMIT)


def spool_file(path: Path, spool_dir: Path) -> tuple[Path, str, int]:
    """Copy a large file into the spool while hashing it, a chunk at a time."""
    digest = hashlib.sha256()
    target = spool_dir / f"spool-{os.getpid()}-{path.name}.part"
    size = 0
    spooling = N_("copying {name} to the store's spool").format(name=path.name)
    with open(path, "rb") as src:
        with writing(spooling):
            dst = open(target, "wb")
        with dst:
            os.chmod(target, 0o600)
            while chunk := src.read(2**20):
                digest.update(chunk)
                with writing(spooling):
                    dst.write(chunk)
                size += len(chunk)
            with writing(spooling):
                dst.flush()
    return target, digest.hexdigest(), size


def _file_message(source: str, key: str, path: Path, spool_dir: Path | None) -> RawMessage:
    if spool_dir is not None and path.stat().st_size > SPOOL_THRESHOLD:
        spooled, sha, size = spool_file(path, spool_dir)
        return RawMessage(source, key, None, None, spooled=spooled, sha256=sha, size=size)
    return RawMessage(source, key, path.read_bytes(), None)


def file_messages(path: Path, spool_dir: Path | None = None) -> Iterator[RawMessage]:
    """A Maildir (cur/ new/), a folder of .eml files, or an mbox file. With a spool
    folder, large files are streamed there instead of read into memory."""
    path = Path(path)
    source = path.resolve().as_uri()
    if path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir():
        # A message's key is its unique name; flags after ":2," change when it is read.
        files = sorted((f.name.split(":", 1)[0], f) for sub in ("new", "cur")
                       for f in (path / sub).iterdir() if f.is_file() and not f.name.startswith("."))
        for key, f in files:
            yield _file_message(source, key, f, spool_dir)
    elif path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
        if not files:
            raise SourceError(N_("{path} holds no .eml files and is not a Maildir: "
                                 "name a folder of .eml files, a Maildir or an mbox file").format(path=path))
        for f in files:
            yield _file_message(source, f.name, f, spool_dir)
    elif path.is_file():
        with path.open("rb") as fh:
            if not fh.read(5) == b"From ":
                raise SourceError(N_("{path} is not an mbox file (it does not start with 'From '): "
                                     "name a folder of .eml files, a Maildir or an mbox file").format(path=path))
        box = mailbox.mbox(path, create=False)
        for key in box.keys():
            yield RawMessage(source, str(key), box.get_bytes(key), None)
    else:
        raise SourceError(N_("{path} does not exist: name a folder of .eml files, a Maildir or an mbox file").format(
            path=path))


def prefetched(messages: Iterator[RawMessage], max_bytes: int = 32 * 2**20) -> Iterator[RawMessage]:
    """The same messages, read ahead in a thread while the caller stores the previous
    ones: the wait for the server overlaps the work on disk. At most max_bytes (and at
    least one message) are held in memory; an error in the source is raised here."""
    pending: queue.Queue = queue.Queue()
    budget = threading.Condition()
    in_flight = [0]
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for message in messages:
                with budget:
                    budget.wait_for(lambda: in_flight[0] < max_bytes or stop.is_set())
                    if stop.is_set():
                        return
                    in_flight[0] += message.length if message.raw is not None else 0
                pending.put(message)
            pending.put(done)
        except BaseException as error:  # handed to the consumer, which raises it
            pending.put(error)

    worker = threading.Thread(target=produce, name="baocao-fetch", daemon=True)
    worker.start()
    try:
        while True:
            item = pending.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            with budget:
                in_flight[0] -= item.length if item.raw is not None else 0
                budget.notify()
            yield item
    finally:
        stop.set()
        with budget:
            budget.notify()
