"""What can go wrong with the store, as exceptions the commands turn into exit codes.

A write the disk refuses (full, read-only, failing) is told apart from a bug by the
error's number, never by its wording: errno on OSError, SQLite's result code on
sqlite3.Error (its message text changes with the version and the locale)."""

from __future__ import annotations

import errno
import sqlite3
from contextlib import contextmanager
from typing import Iterator

from baocao.i18n import N_


class StoreError(Exception):
    """The store cannot be used: missing, unreadable, or not a baocao store."""


# What reading a catalogue SQLite finds damaged raises: `baocao verify`, which reports the
# damage itself, goes on without what it could not read.
CatalogueUnreadable = sqlite3.DatabaseError


class StoreLocked(StoreError):
    """Another baocao process holds the store."""


class StoreWriteError(StoreError):
    """The disk refused a write to the store: full, read-only or failing. What was
    committed before is intact; the run can be done again once the disk is fixed."""


# The disk is full (or the file too large, or the quota spent), read-only, or failing.
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EIO})
# SQLite's primary result codes for the same (an extended code carries one in its low byte).
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 8, 10, 13
WRITE_SQLITE_CODES = frozenset({_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL})


def refused_write(error: BaseException) -> bool:
    """Whether the error is the disk refusing a write, not a bug."""
    if isinstance(error, OSError):
        return error.errno in WRITE_ERRNOS
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in WRITE_SQLITE_CODES
    return False


def write_error(what: str, error: BaseException) -> StoreWriteError:
    """The StoreWriteError for a refused write: what was being written, and why it failed."""
    if isinstance(error, OSError) and error.strerror:
        reason = error.strerror
    else:
        name = getattr(error, "sqlite_errorname", None)
        reason = f"{error} ({name})" if name else str(error)
    return StoreWriteError(N_("{what}: {reason}").format(what=what, reason=reason))


@contextmanager
def writing(what: str) -> Iterator[None]:
    """Around a write to the store: the disk refusing it becomes a StoreWriteError that
    says what was being written and why it failed; any other error passes unchanged."""
    try:
        yield
    except (OSError, sqlite3.Error) as e:
        if refused_write(e):
            raise write_error(what, e) from e
        raise
