"""A disk that refuses a write (full, over a size limit, read-only, failing) is told by
the store itself as a StoreWriteError, whichever write it was; a command then exits 6
saying what failed, that what was stored is intact and what to do. Stored data is never
half written."""

from __future__ import annotations

import errno
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from mailserver import MAILBOX, run_baocao

from baocao.store import ReadOnlyCatalogue
from baocao.store.errors import refused_write

LIMIT = 2**20   # RLIMIT_FSIZE: no file of the process may grow past 1 MB, as a full disk refuses


def _under_a_size_limit(script: str, *args: str) -> dict:
    """Run the script in a process whose files cannot grow past LIMIT; it prints JSON."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


STORE_API = f"""
    import json, resource, sys
    from baocao.store import Store, StoreWriteError
    from baocao.store.records import NewMessage

    store = Store.open(sys.argv[1], create=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))
    said = {{}}
    try:
        store.put_object(b"x" * 2 * {LIMIT})
        said["object"] = "written"
    except StoreWriteError as e:
        said["object"] = str(e)
    rows = [NewMessage(f"{{i:064x}}", 1, "2022-05-27T02:00:00+00:00", "stored-at", "x" * 2000) for i in range(2000)]
    try:
        store.record_batch(rows, [], [])
        said["catalogue"] = "written"
    except StoreWriteError as e:
        said["catalogue"] = str(e)
    print(json.dumps(said))
"""


def test_the_store_says_a_refused_write_is_a_store_write_error_and_keeps_nothing_half_written(tmp_path):
    said = _under_a_size_limit(STORE_API, str(tmp_path / "kho"))

    assert said["object"].startswith("writing objects/") and "File too large" in said["object"]
    assert said["catalogue"].startswith("writing to the catalogue") or said["catalogue"].startswith("committing")
    assert ReadOnlyCatalogue(tmp_path / "kho").messages() == []        # the batch was rolled back whole
    assert list((tmp_path / "kho" / "tmp").iterdir()) == []           # no partial object left
    assert [p for p in (tmp_path / "kho" / "objects").rglob("*") if p.is_file()] == []


def test_ingest_onto_a_disk_refusing_a_write_exits_6_and_a_later_run_completes(tmp_path):
    box, store = tmp_path / "hop-thu", tmp_path / "kho"
    box.mkdir()
    for eml in sorted(MAILBOX.glob("*.eml"))[:3]:
        (box / eml.name).write_bytes(eml.read_bytes())
    big = sorted(MAILBOX.glob("*.eml"))[0].read_bytes()
    (box / "zz-lon.eml").write_bytes(big.replace(b"\r\n\r\n", b"\r\nX-Padding: " + b"x" * 900 + b"\r\n\r\n", 1)
                                     + b"\r\n" + b"0123456789" * (2 * LIMIT // 10))

    limited = _baocao_under_a_size_limit("ingest", "--store", str(store), "--from", str(box))

    assert limited.returncode == 6, limited.stderr
    assert f"cannot write to the store {store}" in limited.stderr
    assert "File too large" in limited.stderr                       # why
    assert "what was stored before is intact" in limited.stderr and "run again" in limited.stderr
    assert "Traceback" not in limited.stderr
    done = run_baocao("ingest", "--store", str(store), "--from", str(box))
    assert done.returncode == 0, done.stderr
    assert len(ReadOnlyCatalogue(store).messages()) == 4


def _baocao_under_a_size_limit(*args: str) -> subprocess.CompletedProcess:
    import os
    import resource

    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")} | {"BAOCAO_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, env=env,
                          timeout=300, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT)))


def test_a_refused_write_is_told_by_its_error_number_not_by_its_wording():
    assert refused_write(OSError(errno.ENOSPC, "No space left on device"))
    assert refused_write(OSError(errno.EROFS, "Read-only file system"))
    assert not refused_write(OSError(errno.ENOENT, "No space left on device (a message that lies)"))
    full = sqlite3.OperationalError("anything at all")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    readonly = sqlite3.OperationalError("anything at all")
    readonly.sqlite_errorcode = 1032          # SQLITE_READONLY_DBMOVED: an extended code of SQLITE_READONLY
    busy = sqlite3.OperationalError("database or disk is full")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY
    assert refused_write(full) and refused_write(readonly)
    assert not refused_write(busy)
    assert not refused_write(sqlite3.OperationalError("disk is full"))   # no code: not assumed




def test_a_worker_that_cannot_write_a_document_stops_the_run_instead_of_calling_the_message_unreadable(
        tmp_path, monkeypatch):
    from baocao.campaign import load_campaign
    from baocao.ingest.examine import Examiner
    from baocao.store import ObjectStore, Store, StoreWriteError

    raw = (MAILBOX / "04-quang-ninh.eml").read_bytes()
    sha = Store.open(tmp_path / "kho", create=True).put_object(raw)

    def full_disk(self, data, sync=True):
        raise StoreWriteError("writing objects/: No space left on device")

    monkeypatch.setattr(ObjectStore, "put_object", full_disk)
    examiner = Examiner(tmp_path / "kho", load_campaign())
    with pytest.raises(StoreWriteError, match="No space left"):
        examiner.examine(sha, len(raw))
