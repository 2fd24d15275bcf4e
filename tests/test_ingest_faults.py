"""Ingest never loses or doubles a message, whatever happens to it: killed at any point,
the server going away mid-run, the disk refusing a write, the server renumbering."""

from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pytest
from catalogue_surgery import every_row
from mailserver import (
    IMAP_PASSWORD,
    MAILBOX,
    Dovecot,
    append_mailbox,
    append_raw,
    catalogue,
    filler_message,
    free_port,
    give_uid_to_new_mail,
    imap_args,
    objects_intact,
    run_baocao,
)

from baocao.store import ReadOnlyCatalogue

FOLDER = "Faults"
FILLERS = 200
FILLER_BYTES = 300_000   # 60 MB in all: more than ingest reads ahead, so a fault hits mid-fetch
BIG_AT = 100             # a 3 MB message in the middle, for the failing-disk test
# Quang Ninh's report once more, last in the folder but received a day before the copy
# early in it (another relay, another Received line): the copy received first counts,
# whichever is analysed first.
QUANG_NINH = (MAILBOX / "04-quang-ninh.eml").read_bytes()
RELAYED = b"Received: from relay.quangninh.gov.vn by mx2.moc.gov.vn; Tue, 24 May 2022 08:00:00 +0700\r\n" + QUANG_NINH
RELAYED_AT = datetime.fromisoformat("2022-05-24T08:00:00+07:00")


def _ingest_command(server: Dovecot, store: Path, folder: str = FOLDER, retries: str = "5") -> list[str]:
    return [sys.executable, "-m", "baocao", "ingest", "--store", str(store), *imap_args(server, folder),
            "--imap-retries", retries, "--quiet"]


def _env() -> dict:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")},
            "BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD, "BAOCAO_LANG": "en"}   # the English texts are asserted


@pytest.fixture(scope="module")
def server():
    """A Dovecot of these tests' own: they stop and start it."""
    own = Dovecot(Path(tempfile.mkdtemp(prefix="bc-fl-", dir="/tmp")), free_port(), free_port())
    own.start()
    append_mailbox(own, FOLDER)
    fillers = [filler_message(i, attachment_bytes=FILLER_BYTES) for i in range(FILLERS)]
    fillers[BIG_AT] = filler_message(BIG_AT, attachment_bytes=3 * 2**20)
    append_raw(own, FOLDER, fillers)
    with own.client() as c:
        c.append(FOLDER, RELAYED, flags=(), msg_time=RELAYED_AT)
    yield own
    own.stop()
    shutil.rmtree(own.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def reference(server, tmp_path_factory):
    """One uninterrupted run: what every interrupted history must end up equal to."""
    store = tmp_path_factory.mktemp("reference") / "kho"
    started = time.perf_counter()
    done = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {"catalogue": catalogue(store), "rows": every_row(store), "seconds": time.perf_counter() - started}


def _same_as_reference(store: Path, reference: dict) -> None:
    got = catalogue(store)
    assert got["integrity"] == "ok"
    assert got["unanalysed"] == 0
    rows = every_row(store)
    for table, expected in reference["rows"].items():
        assert rows[table] == expected, table
    assert objects_intact(store)
    assert not list((store / "tmp").iterdir())


def test_reference_run_stores_every_message_once(reference):
    expected = len(list(MAILBOX.glob("*.eml"))) - 1 + FILLERS + 1   # the duplicate delivery once; the relayed copy
    assert len(reference["catalogue"]["messages"]) == expected
    assert len(reference["catalogue"]["locations"]) == expected + 1


def test_of_two_copies_of_a_message_the_one_received_first_counts_though_analysed_last(reference):
    relayed, original = hashlib.sha256(RELAYED).hexdigest(), hashlib.sha256(QUANG_NINH).hexdigest()
    rows = {m[0]: m[1:] for m in reference["catalogue"]["messages"]}    # message_id, kind, province, duplicate_of
    assert rows[relayed] == (rows[original][0], "report", "22", None)
    assert rows[original] == (rows[relayed][0], "report", "22", relayed)


def test_killed_at_twenty_random_points_then_one_clean_run_equals_an_uninterrupted_run(server, reference, tmp_path):
    rng = random.Random(1683)
    store = tmp_path / "kho"
    for _ in range(20):
        process = subprocess.Popen(_ingest_command(server, store), env=_env(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.1, reference["seconds"] * 0.9))
        process.kill()          # SIGKILL: no handler, no cleanup
        process.wait()
        _no_process_left(session=process.pid)
    done = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _same_as_reference(store, reference)


def test_a_killed_run_prints_nothing_and_leaves_nothing_outside_the_store_and_the_next_run_cleans_up(
        server, reference, tmp_path):
    """Killed by cron or the OOM killer: no warning of Python's own in the clerk's mail
    (--quiet prints only problems), no folder left in the system's temp directory."""
    store, system_tmp, stderr = tmp_path / "kho", tmp_path / "tmp", tmp_path / "stderr"
    system_tmp.mkdir()
    env = {**_env(), "TMPDIR": str(system_tmp)}
    with stderr.open("w") as err:
        process = subprocess.Popen(_ingest_command(server, store), env=env, stdout=subprocess.DEVNULL, stderr=err,
                                   start_new_session=True)
    _wait_for_messages(store, 1, analysed=True)      # the workers and their forkserver are running
    process.kill()
    process.wait()
    _no_process_left(session=process.pid)            # Python's resource tracker too, which prints as it ends
    assert stderr.read_text() == ""
    assert list(system_tmp.iterdir()) == []
    assert list((store / "tmp").iterdir()) != []    # the killed run's scratch, in the store

    done = subprocess.run(_ingest_command(server, store), env=env, capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert list(system_tmp.iterdir()) == []
    _same_as_reference(store, reference)             # the store's scratch is gone too


def _no_process_left(session: int, timeout: float = 15) -> None:
    """The killed ingest's worker processes follow it: a cron job killed every night must
    not leave processes behind to pile up."""
    deadline = time.monotonic() + timeout
    while True:
        left = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[3]) == session and fields[0] != "Z":
                left.append(stat.parent.name)
        if not left:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"processes of the killed ingest still run {timeout} s later: {left}")
        time.sleep(0.05)


def _wait_for_messages(store: Path, count: int, timeout: float = 60, analysed: bool = False) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reader = ReadOnlyCatalogue(store)
            try:
                n = sum(1 for m in reader.messages() if not analysed or m.analysed_at is not None)
            finally:
                reader.close()
            if n >= count:
                return
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.01)
    raise AssertionError(f"the ingest did not store {count} messages within {timeout} s")


def test_server_stopped_mid_run_and_back_is_retried_and_nothing_is_lost(server, reference, tmp_path):
    store = tmp_path / "kho"
    process = subprocess.Popen(_ingest_command(server, store), env=_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _wait_for_messages(store, 30)
    server.stop()
    time.sleep(1.5)
    server.start()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "connection to 127.0.0.1 lost" in stderr
    _same_as_reference(store, reference)


def test_ctrl_c_exits_130_saying_to_run_again_and_the_next_run_completes(server, reference, tmp_path):
    store = tmp_path / "kho"
    process = subprocess.Popen(_ingest_command(server, store), env=_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    # Once the workers are running: a Ctrl-C in the milliseconds while Python's forkserver
    # hands a new worker its file descriptors makes the forkserver print a traceback of
    # its own (the store is unaffected, as after any kill).
    _wait_for_messages(store, 30, analysed=True)
    os.killpg(process.pid, signal.SIGINT)    # what the terminal sends to the whole foreground group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "run the same command again" in stderr
    assert "Traceback" not in stderr
    _no_process_left(session=process.pid)
    done = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _same_as_reference(store, reference)


def test_server_gone_for_good_exits_4_and_the_next_run_completes(server, reference, tmp_path):
    store = tmp_path / "kho"
    process = subprocess.Popen(_ingest_command(server, store, retries="1"), env=_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _wait_for_messages(store, 30)
    server.stop()
    try:
        _, stderr = process.communicate(timeout=120)
    finally:
        server.start()
    assert process.returncode == 4
    assert "gave up after 1 retries" in stderr and "the next run resumes" in stderr
    assert catalogue(store)["integrity"] == "ok" and objects_intact(store)
    done = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _same_as_reference(store, reference)


def _file_size_limit(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_disk_refusing_a_write_exits_6_with_a_clear_error_and_corrupts_nothing(server, reference, tmp_path):
    store = tmp_path / "kho"
    failed = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True,
                            timeout=300, preexec_fn=_file_size_limit(2 * 2**20))
    assert failed.returncode == 6, failed.stderr
    assert "cannot write to the store" in failed.stderr and "run again" in failed.stderr
    assert catalogue(store)["integrity"] == "ok" and objects_intact(store)
    assert 0 < len(catalogue(store)["messages"]) < len(reference["catalogue"]["messages"])
    done = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _same_as_reference(store, reference)


def _mount_small_disk(path: Path, size: str) -> bool:
    path.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_full_disk_exits_6_and_the_store_moved_to_a_bigger_one_completes(server, reference, tmp_path):
    small = tmp_path / "dia-nho"
    if not _mount_small_disk(small, "30m"):
        pytest.fail("cannot mount a small tmpfs to fill (needs root, as in CI)", pytrace=False)
    try:
        store = small / "kho"
        failed = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True,
                                timeout=300)
        assert failed.returncode == 6, failed.stderr
        assert "cannot write to the store" in failed.stderr and "No space left on device" in failed.stderr \
            or "disk is full" in failed.stderr
        moved = tmp_path / "kho"
        shutil.copytree(store, moved)
    finally:
        subprocess.run(["umount", str(small)], check=False)
    assert catalogue(moved)["integrity"] == "ok" and objects_intact(moved)
    assert 0 < len(catalogue(moved)["messages"]) < len(reference["catalogue"]["messages"])
    done = subprocess.run(_ingest_command(server, moved), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    _same_as_reference(moved, reference)


def test_renumbered_folder_is_read_again_and_nothing_is_stored_twice(server, tmp_path):
    folder = "Renumbered"
    append_mailbox(server, folder)
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                      env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD}).returncode == 0
    before = catalogue(store)
    with server.client() as c:
        old = c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"]
        c.delete_folder(folder)
    append_mailbox(server, folder)          # same messages, new UIDVALIDITY
    with server.client() as c:
        assert c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"] != old
    again = run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                       env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert again.returncode == 0, again.stderr
    assert f"{len(before['locations'])} new messages to fetch" in again.stderr
    after = catalogue(store)
    assert after["messages"] == before["messages"]
    assert len(after["locations"]) == 2 * len(before["locations"])


def test_new_mail_under_a_reused_uid_is_fetched_and_what_was_stored_from_that_uid_is_kept(server, tmp_path):
    folder = "ReusedUid"
    append_raw(server, folder, [filler_message(i) for i in range(5)])
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                      env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD}).returncode == 0
    with server.client() as c:
        uidvalidity = c.select_folder(folder)[b"UIDVALIDITY"]
    newcomer = filler_message(99, seed=3)
    give_uid_to_new_mail(server, folder, 2, newcomer)
    with server.client() as c:
        assert c.select_folder(folder)[b"UIDVALIDITY"] == uidvalidity   # the server says nothing changed

    again = run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                       env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})

    assert again.returncode == 0, again.stderr
    assert "1 new message to fetch" in again.stderr and "UID 2" in again.stderr
    stored = ReadOnlyCatalogue(store)
    assert len(stored.messages()) == 6            # the earlier one is kept
    newcomer_sha = hashlib.sha256(newcomer).hexdigest()
    assert [p.sha256 for p in stored.locations() if p.key == f"{uidvalidity}:2"] == [newcomer_sha]
    assert stored.message(newcomer_sha).analysed_at is not None
    errors = run_baocao("errors", "--store", str(store)).stdout
    assert "UID 2 held another message" in errors and "RFC 3501" in errors
    third = run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                       env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert third.returncode == 0 and "0 new messages to fetch" in third.stderr   # settled


def test_large_message_is_streamed_to_disk_stored_exactly_and_flagged(server, tmp_path):
    folder = "Large"
    big = filler_message(1, attachment_bytes=100 * 2**20, seed=7)   # a 100 MB attachment
    medium = filler_message(2, attachment_bytes=10 * 2**20, seed=7)
    append_raw(server, folder, [big, medium])
    store = tmp_path / "kho"
    done = run_baocao("ingest", "--store", str(store), *imap_args(server, folder),
                      env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert done.returncode == 0, done.stderr
    stored = ReadOnlyCatalogue(store)
    kinds = {m.sha256: m.kind for m in stored.messages()}
    assert kinds == {hashlib.sha256(big).hexdigest(): "too_large", hashlib.sha256(medium).hexdigest(): "other"}
    assert objects_intact(store)
    medium_attachment = [a.attachment.size for a in stored.attachments()]
    assert medium_attachment == [10 * 2**20]     # the 10 MB one was read; the 100 MB one was not opened
    errors = run_baocao("errors", "--store", str(store)).stdout
    assert "more than the 25 MB baocao opens" in errors


def test_second_ingest_while_one_runs_exits_5_at_once_and_the_first_completes(server, reference, tmp_path):
    store = tmp_path / "kho"
    first = subprocess.Popen(_ingest_command(server, store), env=_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    _wait_for_messages(store, 1)
    started = time.monotonic()
    second = subprocess.run(_ingest_command(server, store), env=_env(), capture_output=True, text=True, timeout=60)
    assert second.returncode == 5 and "another baocao process is writing" in second.stderr
    assert time.monotonic() - started < 5
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    _same_as_reference(store, reference)
