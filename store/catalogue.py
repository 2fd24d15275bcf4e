"""The catalogue: an SQLite database of what was seen where and what was made of it,
beside the objects it points at.

Order of writes is what makes a crash harmless: the raw bytes are written (temp file,
fsync, rename) before the catalogue row that points at them is committed, and the
folder's last UID moves in the same transaction as the message's location. A crash
between the two leaves an orphan object, which the next run adopts.
"""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from baocao.i18n import N_
from baocao.store.errors import StoreError, StoreLocked, StoreWriteError, refused_write, write_error, writing
from baocao.store.objects import ObjectStore
from baocao.store.reader import CatalogueReader, marks
from baocao.store.readonly import connect_read_only
from baocao.store.records import (
    CampaignFinding,
    CampaignVersion,
    Copy,
    FolderMark,
    Location,
    MessageAnalysis,
    NewMessage,
    Problem,
    ProvinceClaim,
    RecordedCampaign,
    SavedAttachment,
)
from baocao.store.schema import SCHEMA, migrate

if TYPE_CHECKING:
    from baocao.parse.reports import ParsedDocument

__all__ = ["FolderState", "Store", "StoreError", "StoreLocked", "StoreWriteError", "dumps", "now_utc"]


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    last_uid: int


class Store(ObjectStore, CatalogueReader):
    """A store directory: its objects and its catalogue. Open it with `Store.open`;
    writers take `lock()` first. Every SQL statement of baocao is a method here, or a
    reading method of `CatalogueReader` (store/reader.py) that it shares with the workers."""

    def __init__(self, root: Path, db: sqlite3.Connection):
        super().__init__(root)
        self.db = db
        self._lock_fd: int | None = None

    # -- opening --------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str, create: bool = False) -> "Store":
        root = Path(root)
        new = not (root / "catalog.sqlite").exists()
        if new and not create:
            raise StoreError(
                N_("{root} is not a baocao store (no catalog.sqlite): run `baocao ingest --store {root}` first")
                .format(root=root)
            )
        with writing(N_("opening {path}").format(path=root)):
            if new:
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
            if refused_write(e):
                raise write_error(f"opening {root}/catalog.sqlite", e) from e
            raise StoreError(N_("{catalogue} cannot be opened ({reason}): restore it from a backup").format(
                catalogue=f"{root}/catalog.sqlite", reason=e)) from e
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
                    N_("another baocao process is writing to {store}; wait for it to finish and run again").format(
                        store=self.root)
                ) from e
            raise
        self._lock_fd = fd

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The store's methods called inside commit together or not at all. The disk
        refusing a write (full, read-only, failing) becomes a StoreWriteError; the
        transaction is rolled back, so what was committed before stays as it was."""
        with writing(N_("writing to the catalogue")):
            self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            with writing(N_("committing to the catalogue")):
                self.db.execute("COMMIT")
        except BaseException as e:
            if self.db.in_transaction:   # SQLite rolls back by itself after some errors (a full disk)
                self.db.execute("ROLLBACK")
            if isinstance(e, (OSError, sqlite3.Error)) and refused_write(e):
                raise write_error("writing to the catalogue", e) from e
            raise

    # -- sync state -----------------------------------------------------------------
    def folder_state(self, source: str) -> FolderState | None:
        """The folder's UIDVALIDITY and last UID stored; what was stored from each UID is
        asked for a chunk of UIDs at a time (`stored_from_uids`), never the whole folder."""
        row = self.db.execute("SELECT uidvalidity, last_uid FROM folders WHERE source = ?", (source,)).fetchone()
        if row is None:
            return None
        return FolderState(row["uidvalidity"], row["last_uid"])

    # -- storing messages ---------------------------------------------------------
    def known_messages(self, shas: Iterable[str]) -> set[str]:
        """Which of these messages are stored already."""
        shas = list(shas)
        return {r[0] for r in self.db.execute(
            f"SELECT sha256 FROM messages WHERE sha256 IN ({marks(shas)})", shas)}

    def held_at(self, places: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """What each place (source, key) held when last seen: (source, key) -> sha256."""
        by_source: dict[str, list[str]] = {}
        for source, key in places:
            by_source.setdefault(source, []).append(key)
        found = {}
        for source, keys in by_source.items():
            found.update(((source, key), sha) for key, sha in self.db.execute(
                f"SELECT key, sha256 FROM locations WHERE source = ? AND key IN ({marks(keys)})", (source, *keys)))
        return found

    def record_batch(self, messages: list[NewMessage], locations: list[Location], folders: list[FolderMark],
                     problems: list[tuple[str, Problem]] = ()) -> None:
        """Catalogue a batch of messages whose objects are durable already (the caller
        synced them), where each was seen, and each folder's last UID, in one
        transaction: a crash leaves the folder's mark and its messages' places together.
        `problems` are (message sha256, problem) found while storing them."""
        with self.transaction() as db:
            db.executemany("INSERT INTO messages(sha256, size, received_at, received_from, stored_at) "
                           "VALUES (?,?,?,?,?)", messages)
            # A place that held another message now holds this one; the other stays stored.
            db.executemany(
                """INSERT INTO locations(source, key, sha256, seen_at, size, internaldate) VALUES (?,?,?,?,?,?)
                   ON CONFLICT(source, key) DO UPDATE SET sha256 = excluded.sha256, seen_at = excluded.seen_at,
                     size = excluded.size, internaldate = excluded.internaldate
                   WHERE locations.sha256 != excluded.sha256 OR locations.size IS NOT excluded.size
                     OR locations.internaldate IS NOT excluded.internaldate""", locations)
            for sha, problem in problems:
                self.record_problem(sha, problem)
            db.executemany(
                """INSERT INTO folders(source, uidvalidity, last_uid) VALUES (?,?,?)
                   ON CONFLICT(source) DO UPDATE SET
                     last_uid = CASE WHEN folders.uidvalidity = excluded.uidvalidity
                                     THEN max(folders.last_uid, excluded.last_uid) ELSE excluded.last_uid END,
                     uidvalidity = excluded.uidvalidity""", folders)

    # -- analysing ------------------------------------------------------------------
    def message_sizes(self, shas: list[str]) -> dict[str, int]:
        return dict(self.db.execute(f"SELECT sha256, size FROM messages WHERE sha256 IN ({marks(shas)})", shas))

    def unanalysed_messages(self) -> list[str]:
        """Messages stored but not analysed (new, or left by an interrupted run), oldest first."""
        return [r[0] for r in self.db.execute(
            "SELECT sha256 FROM messages WHERE analysed_at IS NULL ORDER BY received_at")]

    def forget_analyses(self, campaign_ids: list[str]) -> None:
        """Every message to be analysed again, every document parsed again for these
        campaigns (the raw messages, their places, the clerk's assignments and what other
        campaigns made of them are kept)."""
        with self.transaction() as db:
            db.execute("UPDATE messages SET analysed_at = NULL")
            for table, column in (("sections", "campaign_id"), ("documents", "campaign_id"),
                                  ("message_campaigns", "campaign_id")):
                db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks(campaign_ids)})", campaign_ids)

    def assignments(self, shas: list[str]) -> dict[str, dict[str, str]]:
        """The clerk's provinces for these messages: message -> campaign -> province code
        (in that campaign's province table)."""
        found: dict[str, dict[str, str]] = {}
        for sha, campaign_id, code in self.db.execute(
                "SELECT message_sha256, campaign_id, province_code FROM assignments "
                f"WHERE message_sha256 IN ({marks(shas)})", shas):
            found.setdefault(sha, {})[campaign_id] = code
        return found

    def save_attachments(self, attachments: list[SavedAttachment]) -> None:
        """Catalogue attachments; one catalogued before keeps its row and takes the new province."""
        self.db.executemany(
            "INSERT INTO attachments(message_sha256, part, filename, content_type, sha256, size, stored, "
            "province_code) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(message_sha256, part) "
            "DO UPDATE SET province_code = excluded.province_code",
            [(a.message_sha256, *a.attachment[:5], int(a.attachment.stored), a.province_code) for a in attachments])

    def save_document(self, sha: str, parsed: "ParsedDocument", campaign_id: str,
                      province_code: str | None = None) -> None:
        """A document's parse for a campaign, the campaign's items found in it and the province
        its letterhead names in the campaign's table, replacing an earlier parse of the same
        content for that campaign only."""
        self.db.execute(
            "INSERT OR REPLACE INTO documents(sha256, campaign_id, format, status, ocr, letterhead, signoff, "
            "province_code, error, parsed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (sha, campaign_id, parsed.format, parsed.status, int(parsed.ocr), parsed.letterhead, parsed.signoff,
             province_code, parsed.error, now_utc()),
        )
        self.db.execute("DELETE FROM sections WHERE document_sha256 = ? AND campaign_id = ?", (sha, campaign_id))
        self.db.executemany(
            "INSERT INTO sections(document_sha256, campaign_id, number, heading, text, first_block, last_block, "
            "first_page, last_page, merged_with, confidence, reasons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(sha, campaign_id, s.number, s.heading, s.text, s.source.first_block, s.source.last_block,
              s.source.first_page,
              s.source.last_page, ",".join(map(str, s.merged_with)), s.confidence, ",".join(s.reasons))
             for s in parsed.sections],
        )

    def save_analysis(self, sha: str, analysis: MessageAnalysis,
                      for_campaigns: Iterable[CampaignFinding] = ()) -> None:
        """What the message is, and what it is to each campaign it was analysed for (the
        rows of other campaigns are left as they were)."""
        fields = dataclasses.asdict(analysis)
        self.db.execute(f"UPDATE messages SET {', '.join(f'{k} = ?' for k in fields)} WHERE sha256 = ?",
                        (*fields.values(), sha))
        self.db.executemany(
            "INSERT OR REPLACE INTO message_campaigns(message_sha256, campaign_id, match, province_code, "
            "province_status) VALUES (?,?,?,?,?)", [(sha, *finding) for finding in for_campaigns])

    # -- duplicates and provinces -----------------------------------------------------
    def copies(self, shas: list[str]) -> list[Copy]:
        """The analysed messages that share a Message-ID with one of these, each with
        the documents it carries."""
        ids = [r[0] for r in self.db.execute(
            f"SELECT DISTINCT message_id FROM messages WHERE sha256 IN ({marks(shas)}) AND message_id != ''", shas)]
        members = self.db.execute(
            f"SELECT sha256, message_id, received_at FROM messages WHERE message_id IN ({marks(ids)}) "
            "AND analysed_at IS NOT NULL", ids).fetchall() if ids else []
        documents: dict[str, set[str]] = {sha: set() for sha, _, _ in members}
        for sha, d_sha in self.db.execute(
                f"SELECT message_sha256, sha256 FROM attachments WHERE stored AND message_sha256 IN "
                f"({marks(members)})", [m[0] for m in members]) if members else ():
            documents[sha].add(d_sha)
        return [Copy(sha, message_id, received_at, frozenset(documents[sha]))
                for sha, message_id, received_at in members]

    def set_duplicates(self, duplicate_of: dict[str, str | None]) -> None:
        """Message -> the copy that counts in its place (None: it counts itself)."""
        self.db.executemany("UPDATE messages SET duplicate_of = ? WHERE sha256 = ?",
                            [(v, k) for k, v in duplicate_of.items()])

    def province_claims(self, shas: list[str]) -> list[ProvinceClaim]:
        # Documents signed by several provinces: each counts for its own, no conflict to settle.
        several = {r[0] for r in self.db.execute(
            f"SELECT message_sha256 FROM attachments WHERE message_sha256 IN ({marks(shas)}) "
            "AND province_code IS NOT NULL GROUP BY message_sha256 HAVING COUNT(DISTINCT province_code) > 1", shas)}
        return [ProvinceClaim(*row, several_provinces=row[0] in several) for row in self.db.execute(
            "SELECT sha256, kind, campaign_match, duplicate_of, province_code, province_status, province_evidence "
            f"FROM messages WHERE sha256 IN ({marks(shas)})", shas)]

    # -- the clerk's decisions ---------------------------------------------------------
    def find_messages(self, reference: str) -> list[str]:
        """The messages whose hash starts with `reference`, or whose Message-ID it is."""
        return [r[0] for r in self.db.execute("SELECT sha256 FROM messages WHERE sha256 LIKE ? OR message_id = ?",
                                              (reference.lower() + "%", reference))]

    def assign(self, sha: str, campaign_id: str, province_code: str) -> None:
        """The clerk's decision of the message's province for one campaign (a code of its
        province table), which no later run overrides; other campaigns keep their own."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO assignments(message_sha256, campaign_id, province_code, decided_at) "
                       "VALUES (?,?,?,?)", (sha, campaign_id, province_code, now_utc()))

    def record_problem(self, message_sha: str | None, problem: Problem) -> None:
        self.record_error(problem.stage, problem.what, problem.action, message_sha, problem.file)

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

    def errors(self, campaign_id: str | None = None) -> list[dict]:
        """Every recorded problem; with a campaign, those of a message that counts only for
        other campaigns left out (a store answering several requests)."""
        rows = self.db.execute(
            """SELECT e.at, e.stage, e.file, e.what, e.action, e.message_sha256,
                      m.message_id, m.sender, m.subject, m.received_at
               FROM errors e LEFT JOIN messages m ON m.sha256 = e.message_sha256
               WHERE :campaign IS NULL OR e.message_sha256 IS NULL
                  OR NOT EXISTS (SELECT 1 FROM message_campaigns c WHERE c.message_sha256 = e.message_sha256
                                 AND c.match IN ('cited', 'content'))
                  OR EXISTS (SELECT 1 FROM message_campaigns c WHERE c.message_sha256 = e.message_sha256
                             AND c.match IN ('cited', 'content') AND c.campaign_id = :campaign)
               ORDER BY e.id""", {"campaign": campaign_id}
        ).fetchall()
        return [{k: (r[k] if r[k] is not None else "") for k in r.keys()} for r in rows]

    # -- the clerk's digest (baocao digest) -------------------------------------------------
    def record_digest(self, made_at: str, covered_from: str, sent_to: str | None = None,
                      campaign_id: str | None = None) -> None:
        """A digest of the campaign was made (printed, or accepted by the mail server). One row
        in a table of its own, committed at once: no object is written, so the writer's lock is
        not taken and a digest runs while `baocao watch` ingests (SQLite orders the two)."""
        with self.transaction():
            self.db.execute("INSERT INTO digests(made_at, covered_from, sent_to, campaign_id) VALUES (?, ?, ?, ?)",
                            (made_at, covered_from, sent_to, campaign_id))

    # -- the campaigns the store answers (issue 19; baocao/register.py) ------------------
    def record_campaign_file(self, campaign_id: str, title: str, deadline: str, timezone_name: str,
                             file_sha: str, source: str | None, table_sha: str) -> CampaignVersion:
        """The campaign (its file and its province table objects already) recorded; a file or
        a table unlike its latest version's is a new version. A latest version recorded before
        tables were kept gets this table, when its file is this one. Returns the version."""
        with self.transaction() as db:
            db.execute("INSERT INTO campaigns(id, title, deadline, timezone, recorded_at) VALUES (?,?,?,?,?) "
                       "ON CONFLICT(id) DO UPDATE SET title = excluded.title, deadline = excluded.deadline, "
                       "timezone = excluded.timezone", (campaign_id, title, deadline, timezone_name, now_utc()))
            # Assignments migrated before the store recorded any campaign are the first one's.
            db.execute("UPDATE assignments SET campaign_id = ? WHERE campaign_id = ''", (campaign_id,))
            latest = self._latest_version(campaign_id)
            if latest is not None and latest.file_sha256 == file_sha and latest.table_sha256 in (None, table_sha):
                if (source and latest.source != source) or latest.table_sha256 is None:
                    latest = latest._replace(source=source or latest.source, table_sha256=table_sha)
                    db.execute("UPDATE campaign_versions SET source = ?, table_sha256 = ? WHERE campaign_id = ? "
                               "AND version = ?", (latest.source, table_sha, campaign_id, latest.version))
                return latest
            version = CampaignVersion(campaign_id, (latest.version if latest else 0) + 1, file_sha, source, now_utc(),
                                      table_sha)
            db.execute("INSERT INTO campaign_versions(campaign_id, version, file_sha256, source, recorded_at, "
                       "table_sha256) VALUES (?,?,?,?,?,?)", version)
            return version

    def _latest_version(self, campaign_id: str) -> CampaignVersion | None:
        versions = self.campaign_versions(campaign_id)
        return versions[-1] if versions else None

    def recorded_campaigns(self) -> list[RecordedCampaign]:
        """Every campaign recorded, by letter number, each with its latest file (none in a store
        made before campaigns were recorded and opened read-only, so not brought up to date)."""
        try:
            rows = self.db.execute("SELECT id, title, deadline, timezone, recorded_at, closed_at, frozen_table, "
                                   "frozen_inputs FROM campaigns ORDER BY id").fetchall()
        except sqlite3.OperationalError as e:
            if "no such table" not in str(e):
                raise
            return []
        return [RecordedCampaign(*row, latest=self._latest_version(row[0])) for row in rows]

    def campaign_versions(self, campaign_id: str) -> list[CampaignVersion]:
        # A store of schema 4 opened read-only (verify beside an ingest) is not brought up to
        # date: its versions have no table column yet, and read as kept before tables were.
        table = "table_sha256" if self._versions_keep_tables() else "NULL"
        return [CampaignVersion(*r) for r in self.db.execute(
            f"SELECT campaign_id, version, file_sha256, source, recorded_at, {table} FROM campaign_versions "
            "WHERE campaign_id = ? ORDER BY version", (campaign_id,))]

    def _versions_keep_tables(self) -> bool:
        return "table_sha256" in {r[1] for r in self.db.execute("PRAGMA table_info(campaign_versions)")}

    def campaign_ids_of_messages(self) -> list[str]:
        """The campaigns the analysed messages were attributed to (a store made before
        campaigns were recorded knows its campaign only from them)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT campaign_id FROM messages WHERE campaign_id IS NOT NULL ORDER BY 1")]

    def close_campaign(self, campaign_id: str, frozen_table: str | None, frozen_inputs: str | None) -> None:
        """Closed: its table frozen as given; None, None: open again."""
        with self.transaction() as db:
            db.execute("UPDATE campaigns SET closed_at = ?, frozen_table = ?, frozen_inputs = ? WHERE id = ?",
                       (now_utc() if frozen_table else None, frozen_table, frozen_inputs, campaign_id))

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
            raise StoreError(N_("{root} is not a baocao store (no catalog.sqlite): check the --store path").format(
                root=root))
        db = connect_read_only(catalogue.resolve())
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
        referenced.update((sha, "campaign file") for (sha,) in self.db.execute(
            "SELECT file_sha256 FROM campaign_versions UNION SELECT frozen_table FROM campaigns "
            "WHERE frozen_table IS NOT NULL"))
        if self._versions_keep_tables():
            referenced.update((sha, "province table") for (sha,) in self.db.execute(
                "SELECT DISTINCT table_sha256 FROM campaign_versions WHERE table_sha256 IS NOT NULL"))
        return referenced

    def catalogue_stamp(self) -> tuple:
        """Something that changes whenever a writer commits (WAL: the -wal file grows; a
        checkpoint rewrites the catalogue), so a reader that caches what it read (the review
        desk) knows when to read again without asking SQLite on every request."""
        stamp = []
        for name in ("catalog.sqlite", "catalog.sqlite-wal"):
            try:
                st = os.stat(self.root / name)
                stamp.append((st.st_ino, st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                stamp.append(None)
        return tuple(stamp)

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
