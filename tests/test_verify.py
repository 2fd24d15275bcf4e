"""`baocao verify`: a store whose disk flipped bits, lost a file or damaged its catalogue
says so, naming the object, the messages and provinces it costs and what to do; a whole
store passes; the check changes nothing and runs beside an ingest."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from mailserver import MAILBOX, run_baocao

from baocao.store import Store

SQLITE_SCRATCH = ("catalog.sqlite-wal", "catalog.sqlite-shm")   # any SQLite reader may create them


@pytest.fixture
def store(ingested_sample, tmp_path) -> Path:
    """A copy of the sample mailbox's store for each test."""
    return Path(shutil.copytree(ingested_sample, tmp_path / "kho"))


def catalogue(store: Path, sql: str, *args):
    db = sqlite3.connect(store / "catalog.sqlite")
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def object_path(store: Path, sha: str) -> Path:
    return store / "objects" / sha[:2] / sha


def flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def a_document_of(store: Path, province_code: str) -> tuple[str, str]:
    """(document sha, Message-ID) of a report of that province."""
    return catalogue(store, """SELECT a.sha256, m.message_id
                               FROM attachments a JOIN messages m ON m.sha256 = a.message_sha256
                               WHERE a.stored AND coalesce(a.province_code, m.province_code) = ? LIMIT 1""",
                     province_code)[0]


def a_message_of(store: Path, province_code: str) -> tuple[str, str]:
    """(raw message sha, Message-ID) of a report of that province."""
    return catalogue(store, "SELECT sha256, message_id FROM messages WHERE province_code = ? LIMIT 1", province_code)[0]


def put_orphan(store: Path, data: bytes) -> str:
    """An object no catalogue row names, as a run killed between the two leaves it."""
    sha = hashlib.sha256(data).hexdigest()
    object_path(store, sha).parent.mkdir(mode=0o700, exist_ok=True)
    object_path(store, sha).write_bytes(data)
    return sha


def verify(store: Path):
    return run_baocao("verify", "--store", str(store))


def test_verify_and_backup_have_help_with_an_example_and_exit_7_is_documented():
    for command in ("verify", "backup"):
        result = run_baocao(command, "--help")
        assert result.returncode == 0 and "Example:" in result.stdout and f"baocao {command}" in result.stdout
    assert "7  the store is damaged" in run_baocao("--help").stdout


def test_a_whole_store_verifies_clean_with_exit_0(store):
    objects = sum(1 for _ in (store / "objects").glob("*/*"))
    messages = catalogue(store, "SELECT count(*) FROM messages")[0][0]
    result = verify(store)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"checked {objects} objects" in result.stdout and f"{messages} messages" in result.stdout
    assert "no damage" in result.stdout and "DAMAGED" not in result.stdout


def test_a_corrupted_document_is_named_with_its_message_and_province_and_exits_7(store):
    sha, message_id = a_document_of(store, "22")
    flip_bytes(object_path(store, sha))
    result = verify(store)
    assert result.returncode == 7
    assert f"DAMAGED: document objects/{sha[:2]}/{sha}: its content no longer matches its name" in result.stdout
    assert message_id in result.stdout and "province 22 Quảng Ninh" in result.stdout
    assert f"baocao parse --store {store}" in result.stdout    # it is inside its raw message still
    assert "1 damaged" in result.stdout


def test_a_corrupted_raw_message_is_named_with_where_it_came_from_and_exits_7(store):
    sha, message_id = a_message_of(store, "01")
    flip_bytes(object_path(store, sha))
    result = verify(store)
    assert result.returncode == 7
    assert f"DAMAGED: raw message objects/{sha[:2]}/{sha}: its content no longer matches its name" in result.stdout
    assert message_id in result.stdout and "province 01 Hà Nội" in result.stdout
    assert f"seen at {MAILBOX.resolve().as_uri()}" in result.stdout
    assert "baocao backup" in result.stdout and f"--from {MAILBOX.resolve()}" in result.stdout


def test_a_deleted_object_is_reported_missing_with_its_message_and_exits_7(store):
    sha, message_id = a_message_of(store, "48")
    object_path(store, sha).unlink()
    result = verify(store)
    assert result.returncode == 7
    assert f"DAMAGED: raw message objects/{sha[:2]}/{sha}: it is not in the store" in result.stdout
    assert message_id in result.stdout and "province 48 Đà Nẵng" in result.stdout


def test_the_advice_given_for_damaged_objects_repairs_the_store(store):
    """What verify says to do, done: the store verifies clean again."""
    message, _ = a_message_of(store, "01")
    document, _ = a_document_of(store, "22")
    flip_bytes(object_path(store, message))
    object_path(store, document).unlink()
    object_path(store, message).unlink()       # "delete the store's damaged copy and run `baocao ingest --from`"
    assert run_baocao("ingest", "--store", str(store), "--from", str(MAILBOX), "--quiet").returncode == 0
    assert run_baocao("parse", "--store", str(store)).returncode == 0    # takes the document out again
    result = verify(store)
    assert result.returncode == 0, result.stdout


def test_an_orphan_object_is_a_warning_and_exits_0(store):
    sha = put_orphan(store, b"written by a run killed before its catalogue row was committed")
    result = verify(store)
    assert result.returncode == 0, result.stdout
    assert f"warning: object objects/{sha[:2]}/{sha} is not in the catalogue" in result.stdout
    assert "nothing is lost" in result.stdout and "no damage, 1 warning" in result.stdout


def test_an_orphan_cut_short_by_a_crash_is_a_warning_to_delete_it(store):
    sha = put_orphan(store, b"a message whose write a power failure cut short")
    object_path(store, sha).write_bytes(b"\0" * 20)
    result = verify(store)
    assert result.returncode == 0, result.stdout
    assert f"warning: object objects/{sha[:2]}/{sha} is not in the catalogue" in result.stdout
    assert "its bytes do not match its name" in result.stdout and "delete it" in result.stdout


def test_leftovers_in_tmp_are_no_problem(store):
    (store / "tmp" / "partial.123").write_bytes(b"half a message")
    result = verify(store)
    assert result.returncode == 0 and "warning" not in result.stdout


@pytest.mark.parametrize("where", ["file header", "every page", "last page"])
def test_a_damaged_catalogue_is_reported_without_a_traceback(store, where):
    path = store / "catalog.sqlite"
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    if where == "file header":
        data[0:16] = b"not a database!!"
    elif where == "every page":   # after the first two: the tables' b-trees
        for start in range(2 * page, len(data), page):
            data[start:start + 64] = bytes(range(64))
    else:    # its b-tree page header
        data[len(data) - page + 1:len(data) - page + 12] = b"\xee" * 11
    path.write_bytes(bytes(data))
    result = verify(store)
    assert result.returncode == 7, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"DAMAGED: the catalogue {path} is damaged" in result.stdout
    assert "back from a backup of the store (made by `baocao backup`)" in result.stdout


def test_verify_changes_nothing_in_the_store_even_when_it_finds_damage(store):
    flip_bytes(object_path(store, a_message_of(store, "01")[0]))
    put_orphan(store, b"an orphan verify must neither adopt nor remove")
    (store / "tmp" / "partial.123").write_bytes(b"half a message")

    def snapshot() -> dict[str, tuple[int, int, str]]:
        return {str(p.relative_to(store)): (p.stat().st_mtime_ns, p.stat().st_mode,
                                             hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "")
                for p in sorted(store.rglob("*")) if p.name not in SQLITE_SCRATCH}

    before = snapshot()
    assert verify(store).returncode == 7
    assert snapshot() == before


def test_verify_runs_while_an_ingest_holds_the_lock_and_writes(store):
    writer = Store.open(store)
    writer.lock()
    try:
        writer.db.execute("BEGIN IMMEDIATE")
        writer.db.execute("DELETE FROM messages")      # not committed: verify reads the committed state
        result = verify(store)
        writer.db.execute("ROLLBACK")
    finally:
        writer.close()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no damage" in result.stdout


def test_verify_of_a_folder_that_is_no_store_says_so(tmp_path):
    result = verify(tmp_path)
    assert result.returncode == 3 and "is not a baocao store" in result.stderr
