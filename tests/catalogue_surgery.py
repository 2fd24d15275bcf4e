"""Raw SQL on a store's catalogue, for the few tests that must go under the store's own
methods: making a catalogue look as an older baocao left it (to test its migration),
and reading every column of every table or SQLite's own integrity check (to compare a
store after a killed run with one from an uninterrupted run). Everything else the
tests read through the store's methods."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Clock times differ between two runs that did the same work.
RUN_TIMES = {"stored_at", "seen_at", "analysed_at", "parsed_at", "at", "id"}
TABLES = ("messages", "locations", "folders", "attachments", "documents", "sections", "errors")


def as_an_older_baocao_left_it(store: Path, version: int, dropped: list[tuple[str, str]]) -> None:
    """The catalogue without the columns (table, column) added since `version`, recorded as `version`."""
    old = sqlite3.connect(store / "catalog.sqlite")
    for table, column in dropped:
        old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    old.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    old.commit()
    old.close()


def schema_of(store: Path) -> tuple[str, dict[str, set[str]]]:
    """The schema version the catalogue records, and each table's columns."""
    db = sqlite3.connect(store / "catalog.sqlite")
    try:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        columns = {table: {r[1] for r in db.execute(f"PRAGMA table_info({table})")} for table in TABLES}
        return version, columns
    finally:
        db.close()


def every_row(store: Path) -> dict[str, list[tuple]]:
    """All the catalogue says about the mail, every column of every table (also those no
    method reads), without the clock times of the run that wrote it."""
    db = sqlite3.connect(store / "catalog.sqlite")
    try:
        rows = {}
        for table in TABLES:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in RUN_TIMES]
            rows[table] = sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}"), key=repr)
        return rows
    finally:
        db.close()


def integrity(store: Path) -> str:
    """SQLite's own check of the catalogue file: "ok" when whole."""
    db = sqlite3.connect(store / "catalog.sqlite")
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def as_before_campaigns(store: Path) -> None:
    """The catalogue as baocao left it before issue 19 (schema 3): documents and sections
    keyed without their campaign, no campaign tables."""
    old = sqlite3.connect(store / "catalog.sqlite")
    for table, key in (("documents", "sha256"), ("sections", "document_sha256, number")):
        columns = [r[1] for r in old.execute(f"PRAGMA table_info({table})") if r[1] != "campaign_id"]
        old.execute(f"CREATE TABLE {table}_old AS SELECT {', '.join(columns)} FROM {table}")
        old.execute(f"DROP TABLE {table}")
        old.execute(f"ALTER TABLE {table}_old RENAME TO {table}")
        old.execute(f"CREATE UNIQUE INDEX {table}_key ON {table}({key})")
    for table in ("campaigns", "campaign_versions", "message_campaigns"):
        old.execute(f"DROP TABLE {table}")
    old.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    old.commit()
    old.close()


def as_assignments_before_campaigns(store: Path) -> None:
    """The clerk's assignments as baocao kept them before schema 6: one per message, no
    campaign (every campaign took it)."""
    old = sqlite3.connect(store / "catalog.sqlite")
    old.execute("CREATE TABLE assignments_old (message_sha256 TEXT PRIMARY KEY, province_code TEXT NOT NULL, "
                "decided_at TEXT NOT NULL)")
    old.execute("INSERT INTO assignments_old SELECT message_sha256, province_code, decided_at FROM assignments")
    old.execute("DROP TABLE assignments")
    old.execute("ALTER TABLE assignments_old RENAME TO assignments")
    old.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    old.commit()
    old.close()
