"""A backup of a store (as `restic backup` or `git clone --local`): a copy that is itself a
valid store, taken while an ingest may be writing.

The catalogue is copied first, as one moment saw it (SQLite's online backup), and the
objects it points at after: each was written before the row naming it was committed, so
each is there to copy. Objects are content-addressed, so a backup into an earlier one
copies only what is new; on the same file system they are hard links (baocao never
changes an object in place: it only ever adds files)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from baocao.i18n import N_
from baocao.store.catalogue import Store
from baocao.store.objects import ObjectStore

CATALOGUE = "catalog.sqlite"
# Files of the store besides the catalogue and the objects that a backup keeps.
KEPT_FILES = ("corrections.toml",)


class BackupError(Exception):
    """The backup cannot be made where it was asked for."""


class StoreDamaged(BackupError):
    """The store's catalogue cannot be read, or it lacks an object the catalogue names:
    nothing is backed up over an earlier, whole backup."""


@dataclass(frozen=True)
class BackupSummary:
    target: Path
    messages: int             # in the catalogue's snapshot
    objects: int              # objects the snapshot points at
    linked: int               # new in the backup, as hard links
    copied: int               # new in the backup, as copies
    already_there: int        # in the backup from an earlier one
    bytes_linked: int
    bytes_copied: int
    files: tuple[str, ...]    # other files of the store copied (corrections.toml)


def back_up_store(source: Path | str, target: Path | str, copy: bool = False) -> BackupSummary:
    """Back the store at `source` up into `target` (new, or an earlier backup). With
    copy=True every new object is copied, never linked: a backup on the same disk that
    survives damage to the store's own files."""
    source, target = Path(source), Path(target)
    _refuse_unsafe_target(source, target)
    store = Store.open_read_only(source)
    for folder in (target, target / "objects", target / "tmp"):
        os.makedirs(folder, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    snapshot = target / "tmp" / f"{CATALOGUE}.{os.getpid()}"
    try:
        store.copy_catalogue(snapshot)
    finally:
        store.db.close()
    try:
        copied = Store.open_read_only(target, snapshot)
        try:
            referenced, messages = copied.referenced_objects(), copied.count_messages()
        except sqlite3.DatabaseError as e:
            raise StoreDamaged(N_("the catalogue of the store {store} cannot be read ({reason}); the backup was not "
                                  "made (an earlier one there is kept): run `baocao verify --store {store}` to see "
                                  "what to do").format(store=source, reason=e)) from e
        finally:
            copied.db.close()
        counts = _Counts(link=not copy)
        for sha in sorted(referenced):
            counts.add(source / "objects" / sha[:2] / sha, target / "objects" / sha[:2] / sha, target / "tmp")
        files = tuple(name for name in KEPT_FILES if _copy_file(source / name, target / name, target / "tmp"))
        ObjectStore(target).sync()
        # The snapshot replaces the backup's catalogue only now that every object it names
        # is there: a backup stopped half-way is still the earlier, whole one.
        for leftover in (f"{CATALOGUE}-wal", f"{CATALOGUE}-shm"):
            (target / leftover).unlink(missing_ok=True)
        os.replace(snapshot, target / CATALOGUE)
        _fsync_dir(target)
    finally:
        for scratch in (snapshot, Path(f"{snapshot}-wal"), Path(f"{snapshot}-shm")):
            scratch.unlink(missing_ok=True)
    return BackupSummary(target=target, messages=messages, objects=len(referenced), linked=counts.linked,
                         copied=counts.copied, already_there=counts.already_there,
                         bytes_linked=counts.bytes_linked, bytes_copied=counts.bytes_copied, files=files)


def _refuse_unsafe_target(source: Path, target: Path) -> None:
    where, into = source.resolve(), target.resolve()
    if into == where or where in into.parents:
        raise BackupError(N_("the backup {target} would be inside the store {store}: back it up to a folder "
                             "outside it, on another disk at best").format(target=target, store=source))
    if into.exists() and any(into.iterdir()) and not (into / CATALOGUE).is_file():
        raise BackupError(N_("{target} is not empty and holds no earlier backup (no {catalogue}): "
                             "name a new folder or an earlier backup of this store").format(
                                 target=target, catalogue=CATALOGUE))


class _Counts:
    """Puts objects into the backup and counts how; linking is given up for copying at the
    first object on another file system."""

    def __init__(self, link: bool):
        self.link = link
        self.linked = self.copied = self.already_there = self.bytes_linked = self.bytes_copied = 0

    def add(self, src: Path, dst: Path, tmp_dir: Path) -> None:
        try:
            size = src.stat().st_size
        except FileNotFoundError as e:
            store = src.parent.parent.parent
            raise StoreDamaged(N_("the store {store} is damaged: {path}, which its catalogue names, is missing; the "
                                  "backup was not made (an earlier one there is kept): run `baocao verify --store "
                                  "{store}` to see what it holds and what to do").format(
                store=store, path=f"objects/{src.parent.name}/{src.name}")) from e
        if dst.exists() and dst.stat().st_size == size:
            self.already_there += 1
            return
        dst.parent.mkdir(mode=0o700, exist_ok=True)
        tmp = tmp_dir / f"{dst.name}.{os.getpid()}"
        tmp.unlink(missing_ok=True)
        if self.link:
            try:
                os.link(src, tmp)
                os.replace(tmp, dst)
                self.linked += 1
                self.bytes_linked += size
                return
            except OSError as e:
                if e.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                    raise
                self.link = False    # another file system, or one without hard links
        _copy_file(src, dst, tmp_dir)
        self.copied += 1
        self.bytes_copied += size


def _copy_file(src: Path, dst: Path, tmp_dir: Path) -> bool:
    """Copy src (streamed) to dst, owner-only, through a temporary file; False if no src."""
    if not src.is_file():
        return False
    tmp = tmp_dir / f"{dst.name}.{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with src.open("rb") as fin, os.fdopen(fd, "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
