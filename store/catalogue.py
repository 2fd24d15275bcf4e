"""The catalogue: an SQLite database of what was seen where and what was made of it,
beside the objects it points at.

Order of writes is what makes a crash harmless: the raw bytes are written (temp file,
fsync, rename) before the catalogue row that points at them is committed, and the
folder's last UID moves in the same transaction as the message's location. A crash
between the two leaves an orphan object, which the next run adopts.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from baocao.store.objects import ObjectStore
from baocao.store.schema import SCHEMA, migrate


class StoreError(Exception):
    """The store cannot be used: missing, unreadable, or not a baocao store."""


class StoreLocked(StoreError):
    """Another baocao process holds the store."""


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    last_uid: int
    # UID -> (RFC822.SIZE, INTERNALDATE) of what was stored from it: a server that gives an
    # old UID to a new message (it happens: paperless-ngx #8939) is caught by comparing.
    seen: dict[int, tuple[int | None, str | None]] = field(default_factory=dict, repr=False)


class Store(ObjectStore):
    """A store directory: its objects and its catalogue. Open it with `Store.open`;
    writers take `lock()` first. Every SQL statement of baocao is a method here."""

    def __init__(self, root: Path, db: sqlite3.Connection):
        super().__init__(root)
        self.db = db
        self._lock_fd: int | None = None

    # -- opening --------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str, create: bool = False) -> "Store":
        root = Path(root)
        if not (root / "catalog.sqlite").exists():
            if not create:
                raise StoreError(
                    f"{root} is not a baocao store (no catalog.sqlite): run `baocao ingest --store {root}` first"
                )
            os.makedirs(root, mode=0o700, exist_ok=True)
            os.chmod(root, 0o700)
        for sub in ("objects", "tmp"):
            os.makedirs(root / sub, mode=0o700, exist_ok=True)
        # SQLite gives its -wal and -shm files the catalogue's own mode: create it 0600 first.
        for name in ("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"):
            if (root / name).exists():
                os.chmod(root / name, 0o600)
            elif name == "catalog.sqlite":
                os.close(os.open(root / name, os.O_WRONLY | os.O_CREAT, 0o600))
        try:
            db = sqlite3.connect(root / "catalog.sqlite", timeout=30, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.executescript(SCHEMA)
            migrate(db)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{root}/catalog.sqlite cannot be opened ({e}): restore it from a backup") from e
        return cls(root, db)

    def close(self) -> None:
        self.unlock()
        self.db.close()

    # -- the writer's lock ----------------------------------------------------------
    def lock(self) -> None:
        """One writer at a time: a second ingest exits at once instead of racing."""
        fd = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreLocked(
                    f"another baocao process is writing to {self.root}; wait for it to finish and run again"
                ) from e
            raise
        self._lock_fd = fd

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- sync state -----------------------------------------------------------------
    def folder_state(self, source: str) -> FolderState | None:
        row = self.db.execute("SELECT uidvalidity, last_uid FROM folders WHERE source = ?", (source,)).fetchone()
        if row is None:
            return None
        prefix = f"{row['uidvalidity']}:"
        seen = {int(key[len(prefix):]): (size, internaldate) for key, size, internaldate in self.db.execute(
            "SELECT key, size, internaldate FROM locations WHERE source = ? AND substr(key, 1, ?) = ?",
            (source, len(prefix), prefix))}
        return FolderState(row["uidvalidity"], row["last_uid"], seen)

    # -- errors ---------------------------------------------------------------------
    def record_error(self, stage: str, what: str, action: str, message_sha: str | None = None,
                     file: str | None = None) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO errors(at, stage, message_sha256, file, what, action) VALUES (?,?,?,?,?,?)",
            (now_utc(), stage, message_sha, file, what, action),
        )

    def clear_errors(self, message_shas: list[str], stages: tuple[str, ...]) -> None:
        """Messages analysed again drop their old analysis errors: only what is still wrong shows."""
        shas, kinds = ",".join("?" * len(message_shas)), ",".join("?" * len(stages))
        self.db.execute(f"DELETE FROM errors WHERE message_sha256 IN ({shas}) AND stage IN ({kinds})",
                        (*message_shas, *stages))

    def errors(self) -> list[dict]:
        rows = self.db.execute(
            """SELECT e.at, e.stage, e.file, e.what, e.action, e.message_sha256,
                      m.message_id, m.sender, m.subject, m.received_at
               FROM errors e LEFT JOIN messages m ON m.sha256 = e.message_sha256
               ORDER BY e.id"""
        ).fetchall()
        return [{k: (r[k] if r[k] is not None else "") for k in r.keys()} for r in rows]

    # -- checking the store (store/check.py) -------------------------------------------
    @classmethod
    def open_read_only(cls, root: Path | str, catalogue: Path | None = None) -> "Store":
        """The catalogue for reading only: no schema, no migration, no lock, no chmod, so a
        check or a backup changes nothing and runs beside an ingest (WAL: readers never wait;
        SQLite may add its empty -wal and -shm files, as any reader does). `catalogue`: a
        copy of it elsewhere (a backup's snapshot) instead of root/catalog.sqlite."""
        root = Path(root)
        catalogue = catalogue or root / "catalog.sqlite"
        if not catalogue.is_file():
            raise StoreError(f"{root} is not a baocao store (no catalog.sqlite): check the --store path")
        db = sqlite3.connect(f"{catalogue.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                             isolation_level=None)
        db.row_factory = sqlite3.Row
        return cls(root, db)

    def integrity_problems(self) -> list[str]:
        """SQLite's own check of every page and index: empty when the catalogue is whole."""
        found = [row[0] for row in self.db.execute("PRAGMA integrity_check")]
        return [] if found == ["ok"] else found

    def referenced_objects(self) -> dict[str, str]:
        """Every object the catalogue points at -> what it is: 'message' (a raw message)
        or 'document' (an attachment stored on its own)."""
        referenced = {sha: "document" for (sha,) in self.db.execute(
            "SELECT sha256 FROM attachments WHERE stored UNION SELECT sha256 FROM documents")}
        referenced.update((sha, "message") for (sha,) in self.db.execute("SELECT sha256 FROM messages"))
        return referenced

    def count_messages(self) -> int:
        return self.db.execute("SELECT count(*) FROM messages").fetchone()[0]

    def messages_holding(self, sha: str) -> list[dict]:
        """The messages an object is (the raw message) or came from (a document), with the
        province each counts for and where each was seen: what a damaged object costs."""
        rows = self.db.execute(
            """SELECT m.sha256, m.message_id, m.sender, m.subject, m.received_at,
                      coalesce(a.province_code, m.province_code) AS province_code,
                      (SELECT group_concat(l.source || ' ' || l.key, '; ') FROM locations l
                        WHERE l.sha256 = m.sha256) AS seen_at
               FROM messages m LEFT JOIN attachments a ON a.message_sha256 = m.sha256 AND a.sha256 = :sha
               WHERE m.sha256 = :sha OR a.sha256 IS NOT NULL
               GROUP BY m.sha256 ORDER BY m.received_at""", {"sha": sha}).fetchall()
        return [dict(r) for r in rows]

    def copy_catalogue(self, to: Path) -> None:
        """A snapshot of the catalogue as one moment saw it, written to `to` (0600): SQLite's
        online backup, so an ingest may go on writing meanwhile (for store/backup.py)."""
        os.close(os.open(to, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        copy = sqlite3.connect(to)
        try:
            self.db.backup(copy)
        finally:
            copy.close()


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
