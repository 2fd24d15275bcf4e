"""Checking a store (as `git fsck` checks a repository): every object still holds the
bytes its name promises, every object the catalogue points at is there, and the
catalogue itself is whole. A disk that flips bits or a clerk who deletes a folder is
found here, before a report is missing from the consolidation.

Read only: no lock, no write, so it runs beside a nightly ingest."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from baocao.i18n import N_
from baocao.store.catalogue import Store

_SHA = re.compile(r"[0-9a-f]{64}")
# Kinds of problem; an orphan (a crash between writing an object and committing its row)
# and a stray file harm nothing, the others lose data.
CORRUPTED, MISSING, CATALOGUE, ORPHAN, STRAY = "corrupted", "missing", "catalogue", "orphan", "stray"
WARNINGS = (ORPHAN, STRAY)


@dataclass(frozen=True)
class AffectedMessage:
    """A message a damaged object is, or one it came from (a document)."""
    sha256: str
    message_id: str | None
    sender: str | None
    subject: str | None
    received_at: str | None
    province_code: str | None
    seen_at: tuple[str, ...]      # "source key" of each place it was fetched from


@dataclass(frozen=True)
class Problem:
    kind: str                     # one of CORRUPTED, MISSING, CATALOGUE, ORPHAN, STRAY
    sha256: str | None            # the object, None for the catalogue
    what: str
    action: str
    affected: tuple[AffectedMessage, ...] = ()

    @property
    def is_damage(self) -> bool:
        return self.kind not in WARNINGS


@dataclass(frozen=True)
class StoreCheck:
    objects: int                  # object files hashed
    bytes: int
    messages: int                 # messages in the catalogue (0 when it cannot be read)
    referenced: int               # objects the catalogue points at
    problems: tuple[Problem, ...]

    @property
    def damage(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_damage)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_damage)


def check_store(root: Path | str) -> StoreCheck:
    """Check the store at `root`. Raises StoreError when it is no store at all; every
    other finding is a Problem in the result."""
    root = Path(root)
    store = Store.open_read_only(root)
    problems: list[Problem] = []
    try:
        try:
            problems += [_catalogue_problem(root, N_("SQLite finds it damaged: {line}").format(line=line))
                         for line in store.integrity_problems()[:20]]
        except sqlite3.DatabaseError as e:
            problems.append(_catalogue_problem(root, N_("SQLite cannot read it whole ({reason})").format(reason=e)))
        try:
            # Read before the objects are listed: everything the catalogue points at was
            # written before its row was committed, so is listed too.
            referenced, messages = store.referenced_objects(), store.count_messages()
        except sqlite3.DatabaseError as e:
            if not problems:
                problems.append(_catalogue_problem(root, N_("SQLite cannot read it ({reason})").format(reason=e)))
            referenced, messages = None, 0

        present: set[str] = set()
        damaged: set[str] = set()
        objects = size = 0
        for path in sorted((root / "objects").glob("*/*")):
            sha = path.name
            if not (_SHA.fullmatch(sha) and path.parent.name == sha[:2] and path.is_file()):
                problems.append(Problem(STRAY, None, N_("{path} is not an object of the store").format(
                                            path=path.relative_to(root)),
                                        N_("nothing is lost: move it out of the store")))
                continue
            objects += 1
            present.add(sha)
            try:
                with path.open("rb") as f:
                    digest = hashlib.file_digest(f, "sha256").hexdigest()
                size += path.stat().st_size
                why = None if digest == sha else \
                    N_("its content no longer matches its name (the bytes changed on disk)")
            except OSError as e:
                why = N_("it cannot be read ({reason})").format(reason=e.strerror)
            if why is not None:
                damaged.add(sha)
                if referenced is None or sha in referenced:
                    what_object = referenced[sha] if referenced is not None else "unknown"
                    problems.append(_object_problem(store, root, CORRUPTED, sha, what_object, why))

        if referenced is not None:
            for sha in sorted(set(referenced) - present):
                problems.append(_object_problem(store, root, MISSING, sha, referenced[sha],
                                                N_("it is not in the store (the file was deleted or lost)")))
            unreferenced = present - set(referenced)
            if unreferenced:
                # An ingest running beside the check may have committed their rows since.
                try:
                    unreferenced -= set(store.referenced_objects())
                except sqlite3.DatabaseError:
                    pass
            for sha in sorted(unreferenced):
                problems.append(_orphan(sha, sha in damaged))
    finally:
        store.db.close()
    damage_first = sorted(problems, key=lambda p: not p.is_damage)
    return StoreCheck(objects=objects, bytes=size, messages=messages,
                      referenced=len(referenced) if referenced is not None else 0, problems=tuple(damage_first))


def _relative(sha: str) -> str:
    return f"objects/{sha[:2]}/{sha}"


def _orphan(sha: str, damaged: bool) -> Problem:
    """An object no catalogue row names: a run stopped between writing it and cataloguing
    it. Whole, the next ingest that meets its message adopts it; cut short by the crash,
    it must go, or that ingest would keep it as it is."""
    if damaged:
        return Problem(ORPHAN, sha, N_("object {path} is not in the catalogue (left by a run stopped between writing "
                                       "it and cataloguing it), and its bytes do not match its name (the write was "
                                       "cut short)").format(path=_relative(sha)),
                       N_("nothing is lost: delete it; the next `baocao ingest` that meets its message stores it "
                          "again"))
    return Problem(ORPHAN, sha, N_("object {path} is not in the catalogue (left by a run stopped between writing it "
                                   "and cataloguing it)").format(path=_relative(sha)),
                   N_("nothing is lost: the next `baocao ingest` that meets its message adopts it"))


def _catalogue_problem(root: Path, why: str) -> Problem:
    return Problem(CATALOGUE, None, N_("the catalogue {path} is damaged: {why}").format(
                       path=root / "catalog.sqlite", why=why),
                   N_("copy catalog.sqlite back from a backup of the store (made by `baocao backup`), then run "
                      "`baocao ingest --store {store}`: the mail received since the backup is fetched and analysed "
                      "again, its objects already stored are reused").format(store=root))


def _object_problem(store: Store, root: Path, kind: str, sha: str, what_object: str, why: str) -> Problem:
    try:
        affected = tuple(_affected(row) for row in store.messages_holding(sha))
    except sqlite3.DatabaseError:
        affected = ()
    what = {"message": N_("raw message {path}: {why}"), "document": N_("document {path}: {why}")}.get(
        what_object, N_("object {path}: {why}"))
    restore = N_("copy {path} back from a backup of the store (made by `baocao backup`)").format(path=_relative(sha))
    corrupted = kind == CORRUPTED
    if what_object == "document" and any(m.sha256 != sha for m in affected):
        action = (N_("delete the store's damaged copy and run `baocao parse --store {store}`: it takes the document "
                     "out of its message again (unless that message is damaged too); or {restore}") if corrupted else
                  N_("run `baocao parse --store {store}`: it takes the document out of its message again (unless "
                     "that message is damaged too); or {restore}")).format(store=root, restore=restore)
    elif what_object == "message":
        sources = sorted({_from_path(place) for m in affected for place in m.seen_at} - {None})
        if sources:
            action = (N_("{restore}; or delete the store's damaged copy and run `baocao ingest --store {store} --from "
                         "{source}` again: it stores the message back from there; then, if `baocao parse` ran since "
                         "it was damaged, run `baocao parse --store {store}` again") if corrupted else
                      N_("{restore}; or run `baocao ingest --store {store} --from {source}` again: it stores the "
                         "message back from there; then, if `baocao parse` ran since it was damaged, run "
                         "`baocao parse --store {store}` again")).format(restore=restore, store=root,
                                                                          source=sources[0])
        else:
            action = N_("{restore}; without a backup, keep the message on the mail server: the catalogue's analysis "
                        "of it still counts, but baocao cannot read it again; then, if `baocao parse` ran since it "
                        "was damaged, run `baocao parse --store {store}` again").format(restore=restore, store=root)
    else:
        action = restore
    return Problem(kind, sha, what.format(path=_relative(sha), why=why),
                   action, affected)


def _affected(row: dict) -> AffectedMessage:
    return AffectedMessage(row["sha256"], row["message_id"], row["sender"], row["subject"], row["received_at"],
                           row["province_code"], tuple((row["seen_at"] or "").split("; ")) if row["seen_at"] else ())


def _from_path(place: str) -> Path | None:
    """The folder or mbox a message was read from with `--from`, if it is still there."""
    source = place.partition(" ")[0]      # a file: URI holds no space, a file name may
    if not source.startswith("file://"):
        return None
    path = Path(unquote(urlparse(source).path))
    return path if path.exists() else None
