"""The catalogue opened read-only, for the worker processes that examine messages: they
read what earlier runs parsed and never write a row (the parent that owns the
catalogue saves what they found)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from baocao.store.records import KnownDocument


class ReadOnlyCatalogue:
    """A read-only connection to a store's catalogue, opened in the process that uses it."""

    def __init__(self, root: Path | str):
        path = Path(root).absolute() / "catalog.sqlite"
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)

    def known_document(self, sha: str) -> KnownDocument | None:
        """A document an earlier run parsed (the same file sent again, by another
        province or in another message): its outcome, so it is not parsed twice."""
        row = self._db.execute("SELECT format, status, letterhead, error, ocr FROM documents WHERE sha256 = ?",
                               (sha,)).fetchone()
        if row is None:
            return None
        numbers = tuple(r[0] for r in self._db.execute(
            "SELECT number FROM sections WHERE document_sha256 = ?", (sha,)))
        return KnownDocument(row[0], row[1], row[2] or "", row[3] or "", bool(row[4]), numbers)

    def close(self) -> None:
        self._db.close()
