"""The ingest stage: store each raw message first, then read it, keep its attachments,
parse its reports and decide what it is and who sent it.

Storing and analysing are separate steps on purpose: the raw bytes are safe before any
code that could fail on hostile input touches them, and a message stored but not yet
analysed (crash, bug) is analysed on the next run. Both steps work a batch at a time:
the batch's files are written, made durable with one sync, and only then the catalogue
rows that point at them are committed, in one transaction with the folder's last UID."""

from __future__ import annotations

import email.parser
import email.utils
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from typing import Callable, Iterable, Iterator

from baocao.campaign import Campaign
from baocao.ingest.archives import archive_format, unpack
from baocao.ingest.classify import campaign_match, non_report_kind
from baocao.ingest.mime import POLICY, Attachment, read_headers, read_message
from baocao.ingest.provinces import ProvinceIndex, recognise_province
from baocao.ingest.sources import RawMessage
from baocao.parse.formats import DOCUMENT_FORMATS, detect_format
from baocao.parse.reports import ParsedDocument, parse_document
from baocao.store import Store, dumps, now_utc

# Sections a document must show before it is taken for a report of the campaign when
# its covering mail cites no letter.
MIN_SECTIONS_FOR_CONTENT_MATCH = 3
BATCH = 64
# A message larger than this is stored but not opened: the email package holds a whole
# message in memory several times over, and no province's report is this large.
MAX_ANALYSED_BYTES = 25 * 2**20


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
    """Store every message not yet stored, and analyse what is new or was left unanalysed
    by an interrupted run. The caller holds the store's lock."""
    summary = IngestSummary()
    errors_before = _error_count(store)
    index = ProvinceIndex(campaign.provinces)
    store.clean_spool()
    for group in _groups(messages, BATCH):
        stored = store_batch(store, group)
        for raw, sha, new in stored:
            summary.seen += 1
            summary.stored += new
            summary.already_stored += not new
            on_message(raw, new)
        fresh = [(sha, raw.raw) for raw, sha, new in stored if new]
        summary.analysed += _analyse(store, fresh, campaign, index, summary.kinds)
    summary.analysed += analyse_pending(store, campaign, summary.kinds)
    summary.errors = _error_count(store) - errors_before
    return summary


def _groups(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while group := list(islice(iterator, size)):
        yield group


def _error_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM errors").fetchone()[0]


# -- storing -------------------------------------------------------------------------

def store_batch(store: Store, group: list[RawMessage]) -> list[tuple[RawMessage, str, bool]]:
    """Write the raw messages, sync once, then catalogue them and where they were seen,
    in one transaction with the folder's last UID. Returns (raw, sha256, newly stored)."""
    prepared = []
    for raw in group:
        headers = _headers(raw.head())
        if raw.spooled is not None:
            sha = store.adopt(raw.spooled, raw.sha256, sync=False)
        else:
            sha = store.put_object(raw.raw, sync=False)
        prepared.append((raw, sha, *_received(raw, headers), str(headers.get("message-id", "")).strip()))
    store.sync()
    stored = []
    with store.transaction() as db:
        for raw, sha, received_at, received_from, message_id in prepared:
            new = not store.has_message(sha)
            if new:
                first = db.execute(
                    "SELECT sha256 FROM messages WHERE message_id = ? AND message_id != '' ORDER BY received_at LIMIT 1",
                    (message_id,),
                ).fetchone()
                db.execute(
                    """INSERT INTO messages(sha256, message_id, size, received_at, received_from, stored_at, duplicate_of)
                       VALUES (?,?,?,?,?,?,?)""",
                    (sha, message_id, raw.length, received_at, received_from, now_utc(), first[0] if first else None),
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
            stored.append((raw, sha, new))
    return stored


def store_raw(store: Store, raw: RawMessage) -> tuple[str, bool]:
    """One message on its own (tests, the clerk's tools)."""
    (_, sha, new), = store_batch(store, [raw])
    return sha, new


def _headers(head: bytes):
    return email.parser.BytesHeaderParser(policy=POLICY).parsebytes(_header_block(head))



def _header_block(head: bytes) -> bytes:
    for end in (b"\r\n\r\n", b"\n\n"):
        at = head.find(end)
        if at >= 0:
            return head[:at + len(end)]
    return head


def _received(raw: RawMessage, headers) -> tuple[str, str]:
    # INTERNALDATE, not the Date header: senders' clocks and time zones are wrong often enough.
    if raw.received_at is not None and raw.received_at.tzinfo is not None:
        return raw.received_at.astimezone(timezone.utc).isoformat(), "internaldate"
    # Without IMAP, the receiving server's own trace line is the next best clock.
    date = _date(_safe_str(headers, "received").rpartition(";")[2])
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "received-header"
    date = _date(_safe_str(headers, "date"))
    if date is not None:
        return date.astimezone(timezone.utc).isoformat(), "date-header"
    return datetime.now(timezone.utc).isoformat(timespec="seconds"), "stored-at"


def _safe_str(headers, name: str) -> str:
    try:
        return str(headers.get(name, ""))
    except Exception:  # a hostile header the email package cannot even fold into a str
        return ""


def _date(value: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        date = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return date if date.tzinfo else None


# -- analysing -----------------------------------------------------------------------

@dataclass
class Analysis:
    """What one message turned out to be, ready to be saved in one transaction."""
    sha: str
    fields: dict
    attachments: list[tuple] = field(default_factory=list)   # (part, filename, content_type, sha, size)
    documents: dict[str, ParsedDocument] = field(default_factory=dict)   # newly parsed, by content
    errors: list[tuple] = field(default_factory=list)        # (stage, what, action, file)


def analyse_pending(store: Store, campaign: Campaign, kinds: dict[str, int] | None = None) -> int:
    """Analyse every stored message that has not been analysed yet."""
    index = ProvinceIndex(campaign.provinces)
    pending = [r[0] for r in store.db.execute(
        "SELECT sha256 FROM messages WHERE analysed_at IS NULL ORDER BY received_at").fetchall()]
    done = 0
    for group in _groups(pending, BATCH):
        done += _analyse(store, [(sha, None) for sha in group], campaign, index, kinds)
    return done


def reanalyse_all(store: Store, campaign: Campaign) -> int:
    """After a change of campaign or of baocao itself: analyse everything again
    (documents are parsed again; the clerk's assignments are kept)."""
    with store.transaction() as db:
        db.execute("UPDATE messages SET analysed_at = NULL")
        db.execute("DELETE FROM sections")
        db.execute("DELETE FROM documents")
    return analyse_pending(store, campaign)


def analyse_message(store: Store, sha: str, campaign: Campaign, index: ProvinceIndex) -> str:
    """Analyse one stored message again (after `baocao assign`). Returns its kind."""
    kinds: dict[str, int] = {}
    _analyse(store, [(sha, None)], campaign, index, kinds)
    return next(iter(kinds))


def _analyse(store, items: list[tuple[str, bytes | None]], campaign, index, kinds) -> int:
    batch = _Batch(store)
    analyses = [_analysis(store, sha, raw, campaign, index, batch) for sha, raw in items]
    store.sync()
    _save(store, analyses)
    for a in analyses:
        if kinds is not None:
            kinds[a.fields["kind"]] = kinds.get(a.fields["kind"], 0) + 1
    return len(analyses)


class _Batch:
    """Documents parsed and attachments seen within one batch, before they are saved."""

    def __init__(self, store: Store):
        self.store = store
        self.documents: dict[str, ParsedDocument] = {}
        self.attachments: dict[str, set[str]] = {}

    def document(self, sha: str) -> ParsedDocument | None:
        if sha in self.documents:
            return self.documents[sha]
        row = self.store.db.execute("SELECT format, status, letterhead, error FROM documents WHERE sha256 = ?",
                                    (sha,)).fetchone()
        if row is None:
            return None
        numbers = tuple(r[0] for r in self.store.db.execute(
            "SELECT number FROM sections WHERE document_sha256 = ?", (sha,)))
        return ParsedDocument(row[0], row[1], (), row[2] or "", row[3] or "", numbers)

    def document_hashes(self, message_sha: str) -> set[str]:
        if message_sha in self.attachments:
            return self.attachments[message_sha]
        return {r[0] for r in self.store.db.execute(
            "SELECT a.sha256 FROM attachments a JOIN documents d ON d.sha256 = a.sha256 WHERE a.message_sha256 = ?",
            (message_sha,))}


def _analysis(store: Store, sha: str, raw: bytes | None, campaign: Campaign, index: ProvinceIndex,
              batch: _Batch) -> Analysis:
    row = store.db.execute("SELECT size, duplicate_of FROM messages WHERE sha256 = ?", (sha,)).fetchone()
    errors: list[tuple] = []
    if row["size"] > MAX_ANALYSED_BYTES:
        with open(store.object_path(sha), "rb") as f:
            message = read_headers(_header_block(f.read(256 * 2**10)))
        errors.append(("analyse", f"the message is {row['size'] / 2**20:.0f} MB, more than the "
                       f"{MAX_ANALYSED_BYTES // 2**20} MB baocao opens; its attachments were not read",
                       "open it in a mail client; if it holds a report, ask the province to send the report alone", None))
        too_large = True
    else:
        message = read_message(raw if raw is not None else store.read_object(sha))
        too_large = False
    analysis = Analysis(sha, {})
    for problem in message.problems:
        errors.append(("mime", problem, "the value shown may be garbled; check the message in a mail client", None))
    documents = []
    for attachment in _with_archive_members(message.all_attachments(), errors):
        found = _attachment(store, attachment, campaign, analysis, batch, errors)
        if found is not None:
            documents.append(found)
    batch.attachments[sha] = {d_sha for d_sha, _ in documents}
    # A forwarded report speaks for the province that wrote it, not for the forwarder.
    author = message.forwarded[0] if message.forwarded else message
    letterheads = [d.letterhead for _, d in documents if d.letterhead]
    decision = recognise_province(index, author.sender, author.subject, author.body, letterheads)
    assigned = store.db.execute("SELECT province_code FROM assignments WHERE message_sha256 = ?", (sha,)).fetchone()
    match = campaign_match([message.subject, message.body, author.subject, author.body, *letterheads], campaign)
    if match == "unassigned" and any(len(d.section_numbers) >= MIN_SECTIONS_FOR_CONTENT_MATCH for _, d in documents):
        match = "content"
    kind = non_report_kind(message) or ("too_large" if too_large else "report" if documents else "other")
    duplicate_of = row["duplicate_of"]
    if duplicate_of and batch.document_hashes(duplicate_of) != {d_sha for d_sha, _ in documents}:
        duplicate_of = None  # same Message-ID, different content: two messages, keep both
    province_code = assigned[0] if assigned else decision.code
    counted = kind == "report" and match in ("cited", "content") and duplicate_of is None
    if counted and province_code is None:
        errors.append(("analyse", "cannot tell which province sent this report (no official domain, no letterhead)",
                       f"run `baocao assign {sha[:12]} <province code>` once you know", None))
    elif counted and decision.status == "conflict" and not assigned:
        names = ", ".join(f"{e.source}: {e.detail}" for e in decision.evidence)
        errors.append(("analyse", f"the evidence names different provinces ({names}); the document's was taken",
                       f"if that is wrong, run `baocao assign {sha[:12]} <province code>`", None))
    if kind == "report" and match == "unassigned":
        errors.append(("analyse", "this report cites no request letter and its document does not follow the outline",
                       "read it; if it answers the campaign, ask the province to resend it citing the letter", None))
    analysis.fields = dict(
        sender=message.sender, sender_name=message.sender_name, subject=message.subject,
        date_header=message.date.isoformat() if message.date else None, kind=kind,
        campaign_id=campaign.id if match in ("cited", "content") else None, campaign_match=match,
        province_code=province_code, province_status="assigned" if assigned else decision.status,
        province_evidence=dumps([e.__dict__ for e in decision.evidence]), duplicate_of=duplicate_of,
    )
    analysis.errors = errors
    return analysis


def _with_archive_members(attachments, errors) -> Iterator[Attachment]:
    """Each attachment, and after an archive (.zip, .rar, .7z) the files inside it,
    within the limits that stop a zip bomb."""
    for attachment in attachments:
        yield attachment
        if archive_format(attachment.data) is None:
            continue
        unpacked = unpack(attachment.data, attachment.filename or f"attachment {attachment.part}")
        for problem in unpacked.problems:
            errors.append(("archive", problem, "see the message in a mail client", attachment.filename))
        for i, member in enumerate(unpacked.members, start=1):
            yield Attachment(part=f"{attachment.part}/{i}", filename=f"{attachment.filename}/{member.path}",
                             content_type="application/octet-stream", data=member.data)


def _attachment(store, attachment: Attachment, campaign, analysis: Analysis, batch: _Batch, errors) \
        -> tuple[str, ParsedDocument] | None:
    """Keep the attachment; if it is a report document, parse it once per content."""
    a_sha = store.put_object(attachment.data, sync=False)
    analysis.attachments.append((attachment.part, attachment.filename, attachment.content_type, a_sha,
                                 len(attachment.data)))
    fmt = detect_format(attachment.data, attachment.filename)
    if fmt not in DOCUMENT_FORMATS:
        return None
    parsed = batch.document(a_sha)
    if parsed is None:
        parsed = parse_document(store.object_path(a_sha), fmt, attachment.filename, campaign.sections)
        batch.documents[a_sha] = parsed
        analysis.documents[a_sha] = parsed
    if parsed.error:
        name = attachment.filename or f"attachment {attachment.part}"
        errors.append(("parse", f"{name}: {parsed.error}",
                       "open the file yourself; ask the province for a readable copy if it is damaged",
                       attachment.filename))
    return a_sha, parsed


def _save(store: Store, analyses: list[Analysis]) -> None:
    with store.transaction() as db:
        for a in analyses:
            store.clear_errors(a.sha, ("mime", "parse", "analyse", "archive"))
            db.executemany(
                "INSERT OR IGNORE INTO attachments(message_sha256, part, filename, content_type, sha256, size) "
                "VALUES (?,?,?,?,?,?)", [(a.sha, *row) for row in a.attachments])
            for d_sha, parsed in a.documents.items():
                _save_document(db, d_sha, parsed)
            fields = a.fields | {"analysed_at": now_utc()}
            db.execute(f"UPDATE messages SET {', '.join(f'{k} = ?' for k in fields)} WHERE sha256 = ?",
                       (*fields.values(), a.sha))
            for stage, what, action, file in a.errors:
                store.record_error(stage, what, action, a.sha, file)


def _save_document(db, sha: str, parsed: ParsedDocument) -> None:
    db.execute(
        "INSERT OR REPLACE INTO documents(sha256, format, status, letterhead, error, parsed_at) VALUES (?,?,?,?,?,?)",
        (sha, parsed.format, parsed.status, parsed.letterhead, parsed.error, now_utc()),
    )
    db.execute("DELETE FROM sections WHERE document_sha256 = ?", (sha,))
    db.executemany(
        "INSERT INTO sections(document_sha256, number, heading, text, first_block, last_block, merged_with) "
        "VALUES (?,?,?,?,?,?,?)",
        [(sha, s.number, s.heading, s.text, s.source.first_block, s.source.last_block,
          ",".join(map(str, s.merged_with))) for s in parsed.sections],
    )
