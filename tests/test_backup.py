"""`baocao backup`: a copy of the store that is itself a store, taken while an ingest may
be writing, adding only what is new to an earlier backup, private like the store."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from mailserver import MAILBOX, filler_message, run_baocao

from baocao.store.backup import back_up_store


@pytest.fixture
def store(ingested_sample, tmp_path) -> Path:
    """A copy of the sample mailbox's store for each test."""
    return Path(shutil.copytree(ingested_sample, tmp_path / "kho"))


def objects(store: Path) -> dict[str, Path]:
    return {p.name: p for p in (store / "objects").glob("*/*")}


def message_count(store: Path) -> int:
    db = sqlite3.connect(f"{(store / 'catalog.sqlite').as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM messages").fetchone()[0]
    finally:
        db.close()


def stored_some(store: Path) -> bool:
    try:
        return message_count(store) > 0
    except sqlite3.OperationalError:   # no catalogue yet, or its tables not yet made
        return False


def filler_folder(folder: Path, count: int, seed: int = 0) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"filler-{seed}-{i:04d}.eml").write_bytes(filler_message(i, attachment_bytes=5_000, seed=seed))
    return folder


def test_a_backup_is_a_store_that_verifies_clean_and_shows_the_same_status(store, tmp_path):
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "sao-luu"))
    assert result.returncode == 0, result.stderr
    n = len(objects(store))
    assert f"{message_count(store)} messages, {n} objects ({n} new: {n} linked, 0 copied" in result.stdout
    verified = run_baocao("verify", "--store", str(tmp_path / "sao-luu"))
    assert verified.returncode == 0 and "no damage" in verified.stdout and "warning" not in verified.stdout
    original, copy = (run_baocao("status", "--store", str(s)) for s in (store, tmp_path / "sao-luu"))
    assert copy.returncode == 0, copy.stderr
    assert copy.stdout == original.stdout


def test_a_second_backup_adds_nothing_and_one_after_new_mail_adds_only_its_objects(store, tmp_path):
    target = tmp_path / "sao-luu"
    first = back_up_store(store, target)
    assert first.linked == len(objects(store)) and first.already_there == 0
    again = back_up_store(store, target)
    assert (again.linked, again.copied, again.already_there) == (0, 0, len(objects(store)))

    before = set(objects(store))
    assert run_baocao("ingest", "--store", str(store), "--from", str(filler_folder(tmp_path / "new", 5)),
                      "--quiet").returncode == 0
    new = set(objects(store)) - before
    assert len(new) == 5
    after = back_up_store(store, target)
    assert after.linked + after.copied == 5 and after.already_there == len(before)
    assert set(objects(target)) == set(objects(store)) and after.messages == message_count(store)
    assert run_baocao("verify", "--store", str(target)).returncode == 0


def test_objects_are_hard_links_by_default_and_independent_files_with_copy(store, tmp_path):
    back_up_store(store, tmp_path / "linked")
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "copied"), "--copy")
    assert result.returncode == 0 and " 0 linked, " in result.stdout
    for sha, path in objects(store).items():
        assert (tmp_path / "linked" / "objects" / sha[:2] / sha).stat().st_ino == path.stat().st_ino
        copied = tmp_path / "copied" / "objects" / sha[:2] / sha
        assert copied.stat().st_ino != path.stat().st_ino and copied.read_bytes() == path.read_bytes()


def test_on_another_file_system_objects_are_copied(store):
    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == store.stat().st_dev:
        pytest.skip("no second file system at /dev/shm")
    target = Path(tempfile.mkdtemp(dir=other)) / "sao-luu"
    try:
        done = back_up_store(store, target)
        assert (done.linked, done.copied) == (0, len(objects(store)))
        assert run_baocao("verify", "--store", str(target)).returncode == 0
    finally:
        shutil.rmtree(target.parent)


def test_the_backup_is_private_like_the_store_and_keeps_the_analysts_corrections(store, tmp_path):
    (store / "corrections.toml").write_text('[[correction]]\nprovince = "22"\n', encoding="utf-8")
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "sao-luu"), "--copy")
    assert result.returncode == 0 and "corrections.toml" in result.stdout
    backup = tmp_path / "sao-luu"
    assert (backup / "corrections.toml").read_bytes() == (store / "corrections.toml").read_bytes()
    for path in [backup, *backup.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


@pytest.mark.parametrize("target", [".", "sao-luu", "objects/sao-luu"])
def test_a_backup_inside_the_store_is_refused(store, target):
    result = run_baocao("backup", "--store", str(store), "--to", str(store / target))
    assert result.returncode == 2 and "would be inside the store" in result.stderr
    assert not (store / "sao-luu").exists() and not (store / "objects" / "sao-luu").exists()


def test_a_store_with_a_damaged_catalogue_is_not_backed_up_over_an_earlier_backup(store, tmp_path):
    back_up_store(store, tmp_path / "sao-luu")
    earlier = (tmp_path / "sao-luu" / "catalog.sqlite").read_bytes()
    data = bytearray((store / "catalog.sqlite").read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(2 * page, len(data), page):
        data[start:start + 64] = bytes(range(64))
    (store / "catalog.sqlite").write_bytes(bytes(data))
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "sao-luu"))
    assert result.returncode == 7 and "Traceback" not in result.stderr
    assert "cannot be read" in result.stderr and "baocao verify" in result.stderr
    assert (tmp_path / "sao-luu" / "catalog.sqlite").read_bytes() == earlier


def test_a_folder_holding_something_else_is_refused(store, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "letter.docx").write_bytes(b"the clerk's own file")
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "documents"))
    assert result.returncode == 2 and "holds no earlier backup" in result.stderr
    assert [p.name for p in (tmp_path / "documents").iterdir()] == ["letter.docx"]


def test_a_store_missing_an_object_is_not_backed_up_over_an_earlier_backup(store, tmp_path):
    back_up_store(store, tmp_path / "sao-luu")
    earlier = (tmp_path / "sao-luu" / "catalog.sqlite").read_bytes()
    next(iter(objects(store).values())).unlink()
    result = run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "sao-luu"))
    assert result.returncode == 7 and "baocao verify" in result.stderr
    assert (tmp_path / "sao-luu" / "catalog.sqlite").read_bytes() == earlier
    assert run_baocao("verify", "--store", str(tmp_path / "sao-luu")).returncode == 0


def test_backups_taken_during_an_ingest_killed_mid_run_are_whole_stores(tmp_path):
    """The catalogue is copied as one moment saw it, its objects after: whatever the
    ingest was doing, and even when it is killed, every backup is a store that verifies."""
    mail = filler_folder(tmp_path / "mail", 2000)  # long enough to be killed after two backups, even unloaded
    for eml in MAILBOX.glob("*.eml"):
        shutil.copy(eml, mail / eml.name)
    store = tmp_path / "kho"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    ingest = subprocess.Popen([sys.executable, "-m", "baocao", "ingest", "--store", str(store), "--from", str(mail),
                               "--quiet"], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not stored_some(store):
            assert ingest.poll() is None and time.monotonic() < deadline, "the ingest ended before storing"
            time.sleep(0.05)
        backups, during = [], 0
        while ingest.poll() is None and len(backups) < 2:
            backups.append(tmp_path / f"sao-luu-{len(backups)}")
            result = run_baocao("backup", "--store", str(store), "--to", str(backups[-1]))
            assert result.returncode == 0, result.stderr
            during += ingest.poll() is None
            # Into the same folder too: an incremental backup beside a writer.
            assert run_baocao("backup", "--store", str(store), "--to", str(tmp_path / "rolling")).returncode == 0
        assert during >= 1, "the ingest ended before a backup was taken beside it"
        last = subprocess.Popen([sys.executable, "-m", "baocao", "backup", "--store", str(store), "--to",
                                 str(tmp_path / "rolling")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.2)
        ingest.send_signal(signal.SIGKILL)
        assert last.wait(timeout=120) == 0, last.stderr.read()
        assert ingest.wait(timeout=60) == -signal.SIGKILL, "the ingest ended before it could be killed"
    finally:
        if ingest.poll() is None:
            ingest.kill()
        ingest.wait()
        try:
            os.killpg(ingest.pid, signal.SIGKILL)   # its analysis workers, if any are left
        except ProcessLookupError:
            pass
    for backup in [*backups, tmp_path / "rolling"]:
        verified = run_baocao("verify", "--store", str(backup))
        assert verified.returncode == 0 and "DAMAGED" not in verified.stdout, (backup, verified.stdout)
        assert run_baocao("status", "--store", str(backup)).returncode == 0
    assert run_baocao("verify", "--store", str(store)).returncode == 0    # orphans at most: warnings
