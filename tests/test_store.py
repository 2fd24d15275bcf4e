"""The store keeps every message once, inside itself, and lets one writer in at a time."""

import email.policy
import os
import stat
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest
from catalogue_surgery import as_an_older_baocao_left_it, schema_of
from mailserver import run_baocao

from baocao.campaign import load_campaign
from baocao.ingest.pipeline import ingest, store_raw
from baocao.ingest.sources import RawMessage, file_messages
from baocao.store import SCHEMA_VERSION, ReadOnlyCatalogue, Store, StoreError, StoreLocked, sha256_hex

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
    assert [m.sha256 for m in store.messages()] == [sha1]
    assert [(place.key, place.sha256) for place in store.locations()] == [("7:1", sha1), ("7:2", sha1)]
    assert store.folder_state("imap://u@h:1/INBOX").last_uid == 2


def test_received_time_is_the_servers_not_the_senders(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    internal = datetime(2022, 5, 31, 8, 0, tzinfo=timezone.utc)
    sha, _ = store_raw(store, raw_message(received=internal))
    message = store.message(sha)
    assert (message.received_at, message.received_from) == (internal.isoformat(), "internaldate")


def test_without_internaldate_the_date_header_is_the_received_time(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    sha, _ = store_raw(store, raw_message())
    message = store.message(sha)
    assert (message.received_at, message.received_from) == ("2022-05-27T02:00:00+00:00", "date-header")


def test_resent_message_with_the_same_message_id_is_marked_a_duplicate(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    resent = raw_message(raw=b"Received: by relay; Sat, 28 May 2022 09:00:00 +0700\r\n" + RAW, key="2")
    ingest(store, [raw_message(), resent], load_campaign())
    rows = {m.sha256: m.duplicate_of for m in store.messages()}
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
    assert [m.duplicate_of for m in store.messages()] == [None, None]


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
    # As the first baocao left it: schema 1.
    as_an_older_baocao_left_it(store, 1, [("locations", "size"), ("locations", "internaldate")])

    again = run_baocao("ingest", "--store", str(store), *imap_args(dovecot, sample_folder), env=env)

    assert again.returncode == 0, again.stderr
    assert "0 new messages to fetch" in again.stderr
    version, columns = schema_of(store)
    assert {"size", "internaldate"} <= columns["locations"]
    assert version == str(SCHEMA_VERSION)


def test_a_file_replaced_by_other_mail_keeps_both_and_says_so(tmp_path):
    box = tmp_path / "hop-thu"
    box.mkdir()
    (box / "05.eml").write_bytes(RAW)
    store = Store.open(tmp_path / "kho", create=True)
    ingest(store, file_messages(box), load_campaign())
    (box / "05.eml").write_bytes(RAW.replace(b"body", b"another body"))

    ingest(store, file_messages(box), load_campaign())

    assert len(store.messages()) == 2
    (now,) = [place.sha256 for place in store.locations() if place.key == "05.eml"]
    assert now == sha256_hex(RAW.replace(b"body", b"another body"))
    (what, action), = [(p.what, p.action) for p in store.problems() if p.stage == "ingest"]
    assert "05.eml held another message" in what and "both are kept" in action


# -- which copy of a message counts ----------------------------------------------------

QUANG_NINH = (Path(__file__).resolve().parent.parent / "fixtures" / "mailbox" / "04-quang-ninh.eml").read_bytes()
EARLY, LATE = "Mon, 23 May 2022 10:00:00 +0700", "Tue, 31 May 2022 10:00:00 +0700"


def delivered(when: str, raw: bytes = QUANG_NINH) -> bytes:
    """The same message (one Message-ID, the same report) as the mail server received it at `when`."""
    return raw.replace(b"Wed, 25 May 2022 09:17:33 +0700", when.encode(), 1)


def _quang_ninh_status(store: Path) -> str:
    done = run_baocao("status", "--store", str(store))
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("  22 ")]
    return " ".join(line.split()[-3:])


def _duplicates(store: Path) -> dict[str, str | None]:
    return {m.sha256: m.duplicate_of for m in ReadOnlyCatalogue(store).messages()}


@pytest.mark.parametrize("names", [("a.eml", "b.eml"), ("b.eml", "a.eml")], ids=["early-first", "late-first"])
def test_the_copy_received_first_counts_whatever_order_they_are_read_in_and_after_reanalysis(tmp_path, names):
    box, store = tmp_path / "hop-thu", tmp_path / "kho"
    box.mkdir()
    (box / names[0]).write_bytes(delivered(EARLY))
    (box / names[1]).write_bytes(delivered(LATE))
    early, late = sha256_hex(delivered(EARLY)), sha256_hex(delivered(LATE))

    assert run_baocao("ingest", "--store", str(store), "--from", str(box)).returncode == 0

    assert _duplicates(store) == {early: None, late: early}
    assert _quang_ninh_status(store) == "on_time 2022-05-23 10:00"
    assert run_baocao("parse", "--store", str(store)).returncode == 0
    assert _duplicates(store) == {early: None, late: early}
    assert _quang_ninh_status(store) == "on_time 2022-05-23 10:00"


def test_a_copy_received_earlier_but_stored_later_takes_over_with_what_the_clerk_must_settle(tmp_path):
    """The copy that counts carries the problems of a counted report; a duplicate none."""
    store = Store.open(tmp_path / "kho", create=True)
    conflicting = QUANG_NINH.replace(b"stttt@quangninh.gov.vn", b"sxd@hanoi.gov.vn")   # Ha Noi sends Quang Ninh's
    early, late = delivered(EARLY, conflicting), delivered(LATE, conflicting)
    ingest(store, [raw_message(late, key="late")], load_campaign())
    assert _province_problems(store) == {sha256_hex(late): 1}

    ingest(store, [raw_message(early, key="early")], load_campaign())

    assert _duplicates(store.root) == {sha256_hex(early): None, sha256_hex(late): sha256_hex(early)}
    assert _province_problems(store) == {sha256_hex(early): 1}


def _province_problems(store: Store) -> dict[str, int]:
    found: dict[str, int] = {}
    for p in store.problems():
        if p.what.startswith(("cannot tell which province", "the evidence names")):
            found[p.message_sha256] = found.get(p.message_sha256, 0) + 1
    return found


def test_scratch_folders_a_killed_run_left_in_the_spool_are_removed_by_the_next_run_and_nothing_outside(tmp_path):
    store = Store.open(tmp_path / "kho", create=True)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "giu-lai.txt").write_text("not the store's")
    parse = store.spool_dir / "parse-k1ll3d"                  # a document's copy and its OCR, half done
    (parse / ".ocrmypdf-x" / "pages").mkdir(parents=True)
    (parse / "bc.pdf").write_bytes(b"%PDF-1.7")
    (parse / ".ocrmypdf-x" / "pages" / "000001.png").write_bytes(b"\x89PNG")
    (parse / "ra-ngoai").symlink_to(outside)
    (store.spool_dir / "mp-k1ll3d").mkdir()                  # multiprocessing's, with its socket gone
    (store.spool_dir / "lien-ket").symlink_to(outside)
    (store.spool_dir / "a1b2.12345.678").write_bytes(b"half a message")

    ingest(store, [raw_message()], load_campaign())

    assert list(store.spool_dir.iterdir()) == []
    assert [p.name for p in outside.iterdir()] == ["giu-lai.txt"]
