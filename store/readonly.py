"""The catalogue opened read-only, for the worker processes that examine messages (and
for checks that look at a store another process writes): they read and never write a
row; the parent that owns the catalogue saves what the workers found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from baocao.store.reader import CatalogueReader


def connect_read_only(catalogue: Path) -> sqlite3.Connection:
    """A connection that cannot write: no schema, no migration, no chmod (WAL: readers
    never wait for the writer; SQLite may add its empty -wal and -shm files)."""
    return sqlite3.connect(f"{Path(catalogue).absolute().as_uri()}?mode=ro", uri=True, timeout=30,
                           isolation_level=None)


class ReadOnlyCatalogue(CatalogueReader):
    """A read-only connection to a store's catalogue, opened in the process that uses it."""

    def __init__(self, root: Path | str):
        self.db = connect_read_only(Path(root) / "catalog.sqlite")

    def close(self) -> None:
        self.db.close()
