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
    assert f"{len(FILES)} messages seen, 0 new" in again.stderr


def test_a_file_that_is_no_mailbox_is_refused_with_what_to_give(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "notes.txt"))
    assert result.returncode == 3 and "not an mbox file" in result.stderr


def test_a_folder_without_mail_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "empty"))
    assert result.returncode == 3 and "no .eml files" in result.stderr


def test_an_imap_account_and_its_folders_are_one_value_that_opens_every_folder_in_turn(dovecot, tmp_path):
    from mailserver import append_raw, filler_message

    from baocao.ingest.imap import ImapSettings
    from baocao.ingest.sources import MailSource, open_source
    from baocao.store import Store

    inbox, spam = f"Value in {tmp_path.name}", f"Value spam {tmp_path.name}"
    append_raw(dovecot, inbox, [filler_message(i) for i in range(3)])
    append_raw(dovecot, spam, [filler_message(i) for i in range(3, 5)])
    account = ImapSettings(host=dovecot.host, port=dovecot.port, user=dovecot.user, password=dovecot.password,
                           tls="none")
    mail = MailSource(imap=account, folders=(inbox, spam))
    store = Store.open(tmp_path / "kho", create=True)
    opened: list[tuple[str, int]] = []

    messages = list(open_source(mail, store, on_folder=lambda where, uidvalidity, count: opened.append((where, count))))

    assert mail.name == f"imap://{dovecot.user}@{dovecot.host}:{dovecot.port}/{{{inbox}, {spam}}}"
    assert [(m.source.rpartition("/")[2], m.uid) for m in messages] == [(inbox, 1), (inbox, 2), (inbox, 3),
                                                                       (spam, 1), (spam, 2)]
    assert opened == [(f"{mail.name.rpartition('/')[0]}/{inbox}", 3), (f"{mail.name.rpartition('/')[0]}/{spam}", 2)]


def test_a_mailbox_on_disk_is_named_by_its_path(tmp_path):
    from baocao.ingest.sources import MailSource, open_source
    from baocao.store import Store

    mail = MailSource(path=MAILBOX)
    messages = open_source(mail, Store.open(tmp_path / "kho", create=True))
    assert mail.name == str(MAILBOX)
    assert len(list(messages)) == len(FILES)
