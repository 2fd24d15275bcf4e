"""Mail exported by hand is read as well as IMAP: a folder of .eml files, a Maildir, an mbox."""

from __future__ import annotations

import mailbox

import pytest
from mailserver import MAILBOX, manifest, run_baocao

from baocao.store import ReadOnlyCatalogue

FILES = [MAILBOX / e["file"] for e in manifest()]


def unique_messages(store) -> int:
    return len(ReadOnlyCatalogue(store).messages())


def make_maildir(path):
    box = mailbox.Maildir(path, create=True)
    for f in FILES:
        box.add(f.read_bytes())
    return path


def make_mbox(path):
    box = mailbox.mbox(path, create=True)
    for f in FILES:
        box.add(f.read_bytes())
    box.flush()
    return path


@pytest.mark.parametrize("make", [lambda p: MAILBOX, lambda p: make_maildir(p / "Maildir"),
                                  lambda p: make_mbox(p / "hop-thu.mbox")], ids=["eml-folder", "maildir", "mbox"])
def test_every_message_of_an_exported_mailbox_is_stored_once(make, tmp_path):
    source = make(tmp_path)
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(source))
    assert result.returncode == 0, result.stderr
    assert unique_messages(tmp_path / "kho") == len(FILES) - 1     # the duplicate delivery once
    again = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(source))
    assert f"{len(FILES)} message(s) seen, 0 new" in again.stderr


def test_a_file_that_is_no_mailbox_is_refused_with_what_to_give(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "notes.txt"))
    assert result.returncode == 3 and "not an mbox file" in result.stderr


def test_a_folder_without_mail_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "empty"))
    assert result.returncode == 3 and "no .eml files" in result.stderr
