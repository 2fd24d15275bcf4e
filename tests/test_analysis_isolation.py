"""One message that breaks the examination, or kills the process examining it, is
recorded as unreadable with what to do; every other message is analysed as usual and
the run ends normally."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

from mailserver import filler_message, run_baocao

from baocao.campaign import load_campaign
from baocao.ingest import examine
from baocao.ingest.pipeline import PARALLEL_FROM, ingest
from baocao.ingest.sources import file_messages
from baocao.store import Store

MARKER = b"X-Test-Poison: yes"


def _mailbox(folder: Path, count: int, poison_at: int) -> None:
    folder.mkdir()
    for i in range(count):
        raw = filler_message(i, attachment_bytes=2_000)
        if i == poison_at:
            raw = MARKER + b"\r\n" + raw
        (folder / f"{i:03d}.eml").write_bytes(raw)


# A fault injected into the worker processes only: started by the forkserver, they import
# this sitecustomize (PYTHONPATH) and die by SIGKILL when they open the marked message,
# as a crash inside a PDF library would kill them.
_KILLER = textwrap.dedent(f"""
    import multiprocessing, os, signal
    from baocao.ingest import examine

    _original = examine.Examiner._examine

    def _examine(self, sha, size):
        if multiprocessing.parent_process() is not None and {MARKER!r} in self.store.read_object(sha):
            os.kill(os.getpid(), signal.SIGKILL)
        return _original(self, sha, size)

    examine.Examiner._examine = _examine
""")


def test_a_message_that_kills_its_worker_is_recorded_and_the_others_are_analysed(tmp_path):
    count = PARALLEL_FROM * 3          # enough for the worker processes
    _mailbox(tmp_path / "hop-thu", count, poison_at=PARALLEL_FROM + 5)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_KILLER)

    done = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "hop-thu"),
                      env={"PYTHONPATH": str(hooks)})

    assert done.returncode == 0, done.stderr
    db = sqlite3.connect(tmp_path / "kho" / "catalog.sqlite")
    kinds = dict(db.execute("SELECT kind, count(*) FROM messages GROUP BY kind"))
    assert kinds == {"other": count - 1, "unreadable": 1}
    assert db.execute("SELECT count(*) FROM messages WHERE analysed_at IS NULL").fetchone()[0] == 0
    subject_of_poison = f"Ảnh hội nghị số {PARALLEL_FROM + 5}"
    (what,) = db.execute("SELECT e.what FROM errors e JOIN messages m ON m.sha256 = e.message_sha256 "
                         "WHERE m.kind = 'unreadable'").fetchone()
    assert "stopped abruptly" in what
    listed = run_baocao("errors", "--store", str(tmp_path / "kho"))
    assert "stopped abruptly" in listed.stdout and subject_of_poison in listed.stdout


def test_a_message_that_trips_a_bug_is_recorded_as_unreadable_and_the_run_goes_on(tmp_path, monkeypatch):
    _mailbox(tmp_path / "hop-thu", 3, poison_at=1)
    original = examine.Examiner._examine

    def buggy(self, sha, size):
        if MARKER in self.store.read_object(sha):
            raise KeyError("a bug reached by this message")
        return original(self, sha, size)

    monkeypatch.setattr(examine.Examiner, "_examine", buggy)
    store = Store.open(tmp_path / "kho", create=True)
    summary = ingest(store, file_messages(tmp_path / "hop-thu"), load_campaign())

    assert summary.analysed == 3 and summary.kinds == {"other": 2, "unreadable": 1}
    (what, action), = store.db.execute("SELECT what, action FROM errors").fetchall()
    assert "KeyError" in what and "a bug reached by this message" in what
    assert "raw message is kept" in action
