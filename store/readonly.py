"""The catalogue opened read-only, for the worker processes that examine messages (and
for checks that look at a store another process writes): they read and never write a
row; the parent that owns the catalogue saves what the workers found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from baocao.store.reader import CatalogueReader


class ReadOnlyCatalogue(CatalogueReader):
    """A read-only connection to a store's catalogue, opened in the process that uses it."""

    def __init__(self, root: Path | str):
        path = Path(root).absolute() / "catalog.sqlite"
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)

    def close(self) -> None:
        self.db.close()
