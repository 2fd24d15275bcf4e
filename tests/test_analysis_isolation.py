"""One message that breaks the examination, kills the process examining it or hangs it
inside a library is recorded as unreadable with what to do; every other message is
analysed as usual and the run ends normally.

The faults are injected into the worker processes only: they are started by a
forkserver, which imports the `sitecustomize` put on PYTHONPATH here, so the workers
carry the fault while the ingest itself is baocao as shipped."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

from mailserver import filler_message, run_baocao

from baocao.store import ReadOnlyCatalogue

REPORT = Path(__file__).parents[1] / "fixtures" / "reports" / "01-heading-styles-ha-noi.docx"
POISON_AT = 5


def _mailbox(folder: Path, count: int, poison: bytes) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.eml").write_bytes(poison if i == POISON_AT else filler_message(i, attachment_bytes=2_000))


def _ingest_with_fault(tmp_path: Path, fault: str, *options: str):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(textwrap.dedent("""
        import multiprocessing, os, signal, time
        from baocao.ingest import examine

        def in_worker():
            return multiprocessing.parent_process() is not None
    """) + textwrap.dedent(fault))
    started = time.monotonic()
    done = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "hop-thu"), *options,
                      env={"PYTHONPATH": str(hooks)}, timeout=120)
    return done, time.monotonic() - started


def _marked(i: int = POISON_AT) -> bytes:
    return b"X-Test-Poison: yes\r\n" + filler_message(i, attachment_bytes=2_000)


def _assert_only_the_poison_is_unreadable(tmp_path: Path, count: int, why: str) -> None:
    messages = ReadOnlyCatalogue(tmp_path / "kho").messages()
    assert [m.kind for m in messages].count("unreadable") == 1
    assert len(messages) == count
    assert all(m.analysed_at is not None for m in messages)
    listed = run_baocao("errors", "--store", str(tmp_path / "kho")).stdout
    assert why in listed
    assert f"Ảnh hội nghị số {POISON_AT}" in listed        # which message: its subject, read from its headers
    assert "raw message is kept" in listed


def test_a_message_that_kills_its_worker_is_recorded_and_the_others_are_analysed(tmp_path):
    count = 150                       # several batches in flight when the worker dies
    _mailbox(tmp_path / "hop-thu", count, _marked())

    done, _ = _ingest_with_fault(tmp_path, """
        _original = examine.Examiner._examine
        def _examine(self, sha, size):
            if in_worker() and b"X-Test-Poison" in self.store.read_object(sha):
                os.kill(os.getpid(), signal.SIGKILL)    # as a crash inside a PDF library would
            return _original(self, sha, size)
        examine.Examiner._examine = _examine
    """)

    assert done.returncode == 0, done.stderr
    _assert_only_the_poison_is_unreadable(tmp_path, count, "stopped abruptly")


def test_a_message_that_trips_a_bug_is_recorded_as_unreadable_and_the_run_goes_on(tmp_path):
    _mailbox(tmp_path / "hop-thu", 10, _marked())

    done, _ = _ingest_with_fault(tmp_path, """
        _original = examine.Examiner._examine
        def _examine(self, sha, size):
            if in_worker() and b"X-Test-Poison" in self.store.read_object(sha):
                raise KeyError("a bug reached by this message")
            return _original(self, sha, size)
        examine.Examiner._examine = _examine
    """)

    assert done.returncode == 0, done.stderr
    _assert_only_the_poison_is_unreadable(tmp_path, 10, "KeyError: 'a bug reached by this message'")


def test_a_document_that_hangs_its_reader_beyond_the_time_limit_is_recorded_and_the_run_ends(tmp_path):
    import email.policy
    from email.message import EmailMessage

    hanging = EmailMessage(policy=email.policy.SMTP)
    hanging["From"] = "sxd@hanoi.gov.vn"
    hanging["Subject"] = f"Ảnh hội nghị số {POISON_AT}"
    hanging.set_content("Kính gửi Bộ Xây dựng")
    hanging.add_attachment(REPORT.read_bytes(), maintype="application", subtype="octet-stream",
                           filename="bao-cao-treo.docx")
    _mailbox(tmp_path / "hop-thu", 10, hanging.as_bytes())

    # Stuck in C code: the document's time limit (a signal) never reaches Python.
    done, seconds = _ingest_with_fault(tmp_path, """
        _original = examine.parse_document_for
        def parse_document_for(path, fmt, filename, *args, **kwargs):
            if in_worker() and "treo" in filename:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(3600)
            return _original(path, fmt, filename, *args, **kwargs)
        examine.parse_document_for = parse_document_for
    """, "--document-seconds", "1")

    assert done.returncode == 0, done.stderr
    _assert_only_the_poison_is_unreadable(tmp_path, 10, "stopped abruptly")
    assert seconds < 60                  # twice (first try, then alone) 2 x 1 s + 5 s, and the rest
