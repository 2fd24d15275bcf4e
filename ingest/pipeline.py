"""The ingest stage: store each raw message first, then read it, keep its attachments,
parse its reports and decide what it is and who sent it.

Storing and analysing are separate steps on purpose: the raw bytes are safe before any
code that could fail on hostile input touches them, and a message stored but not yet
analysed (crash, bug) is analysed on the next run."""

from __future__ import annotations

import email.parser
import email.policy
import email.utils
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

from baocao.campaign import Campaign
from baocao.ingest.classify import campaign_match, non_report_kind
from baocao.ingest.mime import Attachment, MailMessage, read_message
from baocao.ingest.provinces import ProvinceIndex, recognise_province
from baocao.ingest.sources import RawMessage
from baocao.parse.formats import DOCUMENT_FORMATS, detect_format
from baocao.parse.reports import ParsedDocument, parse_document
from baocao.store import Store, dumps, now_utc

# Sections a document must show before it is taken for a report of the campaign when
# its covering mail cites no letter.
MIN_SECTIONS_FOR_CONTENT_MATCH = 3


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    already_stored: int = 0
    analysed: int = 0
    errors: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def ingest(
    store: Store,
    messages: Iterable[RawMessage],
    campaign: Campaign,
    on_message: Callable[[RawMessage, bool], None] = lambda raw, new: None,
) -> IngestSummary:
    """Store every message not yet stored, analyse what is new or was left unanalysed."""
    summary = IngestSummary()
    errors_before = _error_count(store)
    try:
        for raw in messages:
            summary.seen += 1
            sha, new = store_raw(store, raw)
            summary.stored += new
            summary.already_stored += not new
            on_message(raw, new)
    except Exception:
        # The source failed (connection dropped): what was stored is analysed anyway.
        analyse_pending(store, campaign, summary.kinds)
        raise
    summary.analysed = analyse_pending(store, campaign, summary.kinds)
    summary.errors = _error_count(store) - errors_before
    return summary


def _error_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM errors").fetchone()[0]


def store_raw(store: Store, raw: RawMessage) -> tuple[str, bool]:
    """Write the raw message, then catalogue it and where it was seen, in one
    transaction with the folder's last UID. Returns (sha256, newly stored)."""
    sha = store.put_object(raw.raw)
    received_at, received_from = _received(raw)
    message_id = _header_message_id(raw.raw)
    with store.transaction() as db:
        new = not store.has_message(sha)
        if new:
            first = db.execute(
                "SELECT sha256 FROM messages WHERE message_id = ? AND message_id != '' ORDER BY received_at LIMIT 1",
                (message_id,),
            ).fetchone()
            db.execute(
                """INSERT INTO messages(sha256, message_id, size, received_at, received_from, stored_at, duplicate_of)
                   VALUES (?,?,?,?,?,?,?)""",
                (sha, message_id, len(raw.raw), received_at, received_from, now_utc(), first[0] if first else None),
            )
        db.execute(
            "INSERT OR IGNORE INTO locations(source, key, sha256, seen_at) VALUES (?,?,?,?)",
            (raw.source, raw.key, sha, now_utc()),
        )
        if raw.uid is not None:
            db.execute(
                """INSERT INTO folders(source, uidvalidity, last_uid) VALUES (?,?,?)
                   ON CONFLICT(source) DO UPDATE SET
                     last_uid = CASE WHEN folders.uidvalidity = excluded.uidvalidity
                                     THEN max(folders.last_uid, excluded.last_uid) ELSE excluded.last_uid END,
                     uidvalidity = excluded.uidvalidity""",
                (raw.source, raw.uidvalidity, raw.uid),
            )
    return sha, new


def _received(raw: RawMessage) -> tuple[str, str]:
    # INTERNALDATE, not the Date header: senders' clocks and time zones are wrong often enough.
    if raw.received_at is not None and raw.received_at.tzinfo is not None:
        return raw.received_at.astimezone(timezone.utc).isoformat(), "internaldate"
    headers = _headers(raw.raw)
    # Without IMAP, the receiving server's own trace line is the next best clock.
    date = _date(str(headers.get("received", "")).rpartition(";")[2])
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "received-header"
    date = _date(str(headers.get("date", "")))
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "date-header"
    return datetime.now(timezone.utc).isoformat(timespec="seconds"), "stored-at"


def _headers(raw: bytes):
    return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)


def _header_message_id(raw: bytes) -> str:
    value = _headers(raw).get("message-id", "")
    return str(value).strip()


def _date(value: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        date = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return date if date.tzinfo else None


def analyse_pending(store: Store, campaign: Campaign, kinds: dict[str, int] | None = None) -> int:
    """Analyse every stored message that has not been analysed yet."""
    index = ProvinceIndex(campaign.provinces)
    pending = [r[0] for r in store.db.execute(
        "SELECT sha256 FROM messages WHERE analysed_at IS NULL ORDER BY received_at").fetchall()]
    for sha in pending:
        kind = analyse_message(store, sha, campaign, index)
        if kinds is not None:
            kinds[kind] = kinds.get(kind, 0) + 1
    return len(pending)


def reanalyse_all(store: Store, campaign: Campaign) -> int:
    """After a change of campaign or of baocao itself: analyse everything again
    (documents are parsed again; the clerk's assignments are kept)."""
    with store.transaction() as db:
        db.execute("UPDATE messages SET analysed_at = NULL")
        db.execute("DELETE FROM sections")
        db.execute("DELETE FROM documents")
    return analyse_pending(store, campaign)


def analyse_message(store: Store, sha: str, campaign: Campaign, index: ProvinceIndex) -> str:
    """Read one stored message and record what it is. Returns its kind."""
    message = read_message(store.read_object(sha))
    row = store.db.execute("SELECT message_id, duplicate_of FROM messages WHERE sha256 = ?", (sha,)).fetchone()
    with store.transaction():
        store.clear_errors(sha, ("mime", "parse", "analyse"))
        for problem in message.problems:
            store.record_error("mime", problem, "the value shown may be garbled; check the message in a mail client", sha)
    documents = [(a, _document(store, sha, a, campaign)) for a in message.all_attachments()]
    documents = [(a, d) for a, d in documents if d is not None]
    # A forwarded report speaks for the province that wrote it, not for the forwarder.
    author = message.forwarded[0] if message.forwarded else message
    letterheads = [d.letterhead for _, d in documents if d.letterhead]
    decision = recognise_province(index, author.sender, author.subject, author.body, letterheads)
    assigned = store.db.execute(
        "SELECT province_code FROM assignments WHERE message_sha256 = ?", (sha,)).fetchone()
    match = campaign_match([message.subject, message.body, author.subject, author.body, *letterheads], campaign)
    if match == "unassigned" and any(len(d.sections) >= MIN_SECTIONS_FOR_CONTENT_MATCH for _, d in documents):
        match = "content"
    kind = non_report_kind(message) or ("report" if documents else "other")
    duplicate_of = row["duplicate_of"]
    if duplicate_of and _attachment_hashes(store, duplicate_of) != {d.sha for _, d in documents}:
        duplicate_of = None  # same Message-ID, different content: two messages, keep both
    province_code = assigned[0] if assigned else decision.code
    province_status = "assigned" if assigned else decision.status
    with store.transaction() as db:
        db.execute(
            """UPDATE messages SET sender=?, sender_name=?, subject=?, date_header=?, kind=?, campaign_id=?,
                 campaign_match=?, province_code=?, province_status=?, province_evidence=?, duplicate_of=?,
                 analysed_at=? WHERE sha256=?""",
            (message.sender, message.sender_name, message.subject,
             message.date.isoformat() if message.date else None, kind,
             campaign.id if match in ("cited", "content") else None, match, province_code, province_status,
             dumps([e.__dict__ for e in decision.evidence]), duplicate_of, now_utc(), sha),
        )
        if kind == "report" and match in ("cited", "content") and duplicate_of is None:
            if province_code is None:
                store.record_error(
                    "analyse", "cannot tell which province sent this report (no official domain, no letterhead)",
                    f"run `baocao assign {sha[:12]} <province code>` once you know", sha)
            elif decision.status == "conflict" and not assigned:
                names = ", ".join(f"{e.source}: {e.detail}" for e in decision.evidence)
                store.record_error(
                    "analyse", f"the evidence names different provinces ({names}); the document's was taken",
                    f"if that is wrong, run `baocao assign {sha[:12]} <province code>`", sha)
    return kind


def _attachment_hashes(store: Store, message_sha: str) -> set[str]:
    return {r[0] for r in store.db.execute(
        "SELECT a.sha256 FROM attachments a JOIN documents d ON d.sha256 = a.sha256 WHERE a.message_sha256 = ?",
        (message_sha,))}


@dataclass(frozen=True)
class StoredDocument:
    sha: str
    letterhead: str
    sections: tuple[int, ...]


def _document(store: Store, message_sha: str, attachment: Attachment, campaign: Campaign) -> StoredDocument | None:
    """Keep the attachment; if it is a report document, parse it once per content."""
    a_sha = store.put_object(attachment.data)
    fmt = detect_format(attachment.data, attachment.filename)
    with store.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO attachments(message_sha256, part, filename, content_type, sha256, size) VALUES (?,?,?,?,?,?)",
            (message_sha, attachment.part, attachment.filename, attachment.content_type, a_sha, len(attachment.data)),
        )
    if fmt not in DOCUMENT_FORMATS:
        return None
    done = store.db.execute("SELECT letterhead FROM documents WHERE sha256 = ?", (a_sha,)).fetchone()
    if done is None:
        parsed = parse_document(store.object_path(a_sha), fmt, attachment.filename, campaign.sections)
        _save_document(store, a_sha, parsed)
        done_letterhead = parsed.letterhead
    else:
        done_letterhead = done[0] or ""
    if (error := store.db.execute("SELECT error FROM documents WHERE sha256 = ?", (a_sha,)).fetchone()[0]):
        with store.transaction():
            store.record_error("parse", f"{attachment.filename or 'attachment ' + attachment.part}: {error}",
                               "open the file yourself; ask the province for a readable copy if it is damaged",
                               message_sha, attachment.filename)
    numbers = tuple(r[0] for r in store.db.execute("SELECT number FROM sections WHERE document_sha256 = ?", (a_sha,)))
    return StoredDocument(a_sha, done_letterhead, numbers)


def _save_document(store: Store, sha: str, parsed: ParsedDocument) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO documents(sha256, format, status, letterhead, error, parsed_at) VALUES (?,?,?,?,?,?)",
            (sha, parsed.format, parsed.status, parsed.letterhead, parsed.error, now_utc()),
        )
        db.execute("DELETE FROM sections WHERE document_sha256 = ?", (sha,))
        db.executemany(
            "INSERT INTO sections(document_sha256, number, heading, text, first_block, last_block, merged_with) VALUES (?,?,?,?,?,?,?)",
            [(sha, s.number, s.heading, s.text, s.source.first_block, s.source.last_block,
              ",".join(map(str, s.merged_with))) for s in parsed.sections],
        )
