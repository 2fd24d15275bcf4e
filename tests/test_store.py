"""The store keeps every message once, inside itself, and lets one writer in at a time."""

import email.policy
import os
import sqlite3
import stat
from datetime import datetime, timezone
from email.message import EmailMessage

import pytest

from baocao.campaign import load_campaign
from baocao.ingest.pipeline import ingest, store_raw
from baocao.ingest.sources import RawMessage, file_messages
from baocao.store import SCHEMA_VERSION, Store, StoreError, StoreLocked, sha256_hex

RAW = b"From: a@quangninh.gov.vn\r\nMessage-ID: <m1@x>\r\nDate: Fri, 27 May 2022 09:00:00 +0700\r\n\r\nbody\r\n"


def raw_message(raw=RAW, key="1", uid=None, received=None):
    return RawMessage("imap://u@h:1/INBOX", key, raw, received, uidvalidity=7 if uid else None, uid=uid)


def test_opening_a_missing_store_without_create_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="baocao ingest"):
        Store.open(tmp_path / "none")


def test_store_directory_is_private_to_its_owner(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    sha = store.put_object(b"secret report")
    assert stat.S_IMODE(os.stat(store.root).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.object_path(sha)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.root / "catalog.sqlite").st_mode) == 0o600


def test_object_is_named_by_its_content_and_written_once(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    first = store.put_object(b"abc")
    mtime = store.object_path(first).stat().st_mtime_ns
    assert store.put_object(b"abc") == first
    assert store.object_path(first).stat().st_mtime_ns == mtime
    assert store.read_object(first) == b"abc"
    assert not list((store.root / "tmp").iterdir())


def test_same_message_seen_twice_is_stored_once_with_both_locations(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    sha1, new1 = store_raw(store, raw_message(key="7:1", uid=1))
    sha2, new2 = store_raw(store, raw_message(key="7:2", uid=2))
    assert sha1 == sha2 and (new1, new2) == (True, False)
    assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM locations").fetchone()[0] == 2
    assert store.folder_state("imap://u@h:1/INBOX").last_uid == 2


def test_received_time_is_the_servers_not_the_senders(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    internal = datetime(2022, 5, 31, 8, 0, tzinfo=timezone.utc)
    sha, _ = store_raw(store, raw_message(received=internal))
    row = store.db.execute("SELECT received_at, received_from FROM messages WHERE sha256=?", (sha,)).fetchone()
    assert tuple(row) == (internal.isoformat(), "internaldate")


def test_without_internaldate_the_date_header_is_the_received_time(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    sha, _ = store_raw(store, raw_message())
    row = store.db.execute("SELECT received_at, received_from FROM messages WHERE sha256=?", (sha,)).fetchone()
    assert tuple(row) == ("2022-05-27T02:00:00+00:00", "date-header")


def test_resent_message_with_the_same_message_id_is_marked_a_duplicate(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    resent = raw_message(raw=b"Received: by relay\r\n" + RAW, key="2")
    ingest(store, [raw_message(), resent], load_campaign())
    rows = dict(store.db.execute("SELECT sha256, duplicate_of FROM messages"))
    first, second = sha256_hex(RAW), sha256_hex(resent.raw)
    assert rows == {first: None, second: first}


def _with_document(document: bytes, key: str) -> RawMessage:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["Subject"], m["Message-ID"] = "a@quangninh.gov.vn", "Báo cáo 1683/BXD-PTDT", "<same@x>"
    m.set_content("Kính gửi")
    m.add_attachment(document, maintype="application", subtype="octet-stream", filename="bc.docx")
    return raw_message(raw=m.as_bytes(), key=key)


def test_same_message_id_with_other_documents_is_two_messages(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    ingest(store, [_with_document(b"PK\x03\x04 one", "1"), _with_document(b"PK\x03\x04 two", "2")],
           load_campaign())
    assert store.db.execute("SELECT count(*) FROM messages WHERE duplicate_of IS NULL").fetchone()[0] == 2


def test_second_writer_is_refused_at_once(tmp_path):
    one = Store.open(tmp_path / "kho", create=True)
    two = Store.open(tmp_path / "kho")
    one.lock()
    with pytest.raises(StoreLocked, match="another baocao process"):
        two.lock()
    one.unlock()
    two.lock()


def test_a_store_made_before_uids_were_checked_is_upgraded_and_fetches_nothing_again(dovecot, sample_folder,
                                                                                     tmp_path):
    from mailserver import IMAP_PASSWORD, imap_args, run_baocao

    store = tmp_path / "kho"
    env = {"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD}
    assert run_baocao("ingest", "--store", str(store), *imap_args(dovecot, sample_folder), env=env).returncode == 0
    old = sqlite3.connect(store / "catalog.sqlite")      # as the first baocao left it: schema 1
    old.execute("ALTER TABLE locations DROP COLUMN size")
    old.execute("ALTER TABLE locations DROP COLUMN internaldate")
    old.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    old.commit()
    old.close()

    again = run_baocao("ingest", "--store", str(store), *imap_args(dovecot, sample_folder), env=env)

    assert again.returncode == 0, again.stderr
    assert "0 new message(s) to fetch" in again.stderr
    db = sqlite3.connect(store / "catalog.sqlite")
    assert {"size", "internaldate"} <= {r[1] for r in db.execute("PRAGMA table_info(locations)")}
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_a_file_replaced_by_other_mail_keeps_both_and_says_so(tmp_path):
    box = tmp_path / "hop-thu"
    box.mkdir()
    (box / "05.eml").write_bytes(RAW)
    store = Store.open(tmp_path / "kho", create=True)
    ingest(store, file_messages(box), load_campaign())
    (box / "05.eml").write_bytes(RAW.replace(b"body", b"another body"))

    ingest(store, file_messages(box), load_campaign())

    assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 2
    (now,) = store.db.execute("SELECT sha256 FROM locations WHERE key = '05.eml'").fetchone()
    assert now == sha256_hex(RAW.replace(b"body", b"another body"))
    (what, action), = store.db.execute("SELECT what, action FROM errors WHERE stage = 'ingest'").fetchall()
    assert "05.eml held another message" in what and "both are kept" in action
