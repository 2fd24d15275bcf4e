"""What the catalogue holds, as plain records: what the stages hand the store to save
and what the store hands back when asked. No cursor or sqlite3.Row leaves the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Problem(NamedTuple):
    """Something the clerk must know about a message or one of its files."""
    stage: str                  # ingest | mime | archive | parse | analyse | province
    what: str                   # what went wrong
    action: str                 # what to do
    file: str | None = None     # the attachment's name, when it is about one


class NewMessage(NamedTuple):
    """A raw message just written to objects/, not yet analysed."""
    sha256: str
    size: int
    received_at: str            # UTC ISO 8601
    received_from: str          # internaldate | received-header | date-header | stored-at
    stored_at: str


class Location(NamedTuple):
    """Where a message was seen: an IMAP folder's UIDVALIDITY:UID, or a file's name."""
    source: str
    key: str
    sha256: str
    seen_at: str
    size: int | None = None             # IMAP: RFC822.SIZE and INTERNALDATE, which tell whether
    internaldate: str | None = None     # the UID still holds this message next run


class FolderMark(NamedTuple):
    """The highest UID of a folder stored so far, under its UIDVALIDITY."""
    source: str
    uidvalidity: int
    last_uid: int


class StoredFromUid(NamedTuple):
    """What an IMAP UID held when a message was stored from it; None in a store made by a
    baocao that did not keep them."""
    size: int | None
    internaldate: str | None


class AttachmentRecord(NamedTuple):
    """One attachment of a message (or a file inside an attached archive)."""
    part: str                   # MIME part path, "2", "2.1"; "2/1" for an archive's first member
    filename: str | None        # as the sender named it: data only, never a path
    content_type: str | None
    sha256: str
    size: int
    stored: bool                # a document, with an object of its own; else only inside the raw message


class SavedAttachment(NamedTuple):
    """An attachment as the catalogue keeps it: of which message, counting for which province."""
    message_sha256: str
    attachment: AttachmentRecord
    province_code: str | None   # a document's letterhead's, or the clerk's; None: the message's


@dataclass(frozen=True)
class MessageAnalysis:
    """What the analysis decided about a message (the columns `analyse` fills)."""
    message_id: str
    sender: str
    sender_name: str
    subject: str
    date_header: str | None
    kind: str
    campaign_id: str | None
    campaign_match: str
    province_code: str | None
    province_status: str
    province_evidence: str      # JSON list
    analysed_at: str


class Copy(NamedTuple):
    """An analysed message that shares its Message-ID with others: which counts is settled
    by when it was received and which documents it carries."""
    sha256: str
    message_id: str
    received_at: str
    documents: frozenset[str]


class ProvinceClaim(NamedTuple):
    """What a message says about its province, for the problems the clerk must settle."""
    sha256: str
    kind: str | None
    campaign_match: str | None
    duplicate_of: str | None
    province_code: str | None
    province_status: str | None
    province_evidence: str | None
    several_provinces: bool     # its documents name more than one province


class KnownDocument(NamedTuple):
    """A document parsed by an earlier run, as a worker needs it to skip parsing again."""
    format: str
    status: str
    letterhead: str
    error: str
    ocr: bool
    section_numbers: tuple[int, ...]
    section_reasons: tuple[tuple[str, ...], ...] = ()   # each section's reason codes, in that order
    signoff: str = ""


@dataclass(frozen=True)
class SectionRecord:
    """One outline section found in a document."""
    number: int
    heading: str
    text: str
    first_block: int | None
    last_block: int | None
    first_page: int | None = None
    last_page: int | None = None
    merged_with: tuple[int, ...] = ()   # other items the same heading covered
    confidence: float = 1.0             # 0-1 (parse/confidence.py); a section parsed before it was kept: 1
    reasons: tuple[str, ...] = ()       # confidence.Reason codes saying why it is less than 1


class ReportMessage(NamedTuple):
    """A message that counts as a report of a campaign (duplicates left out)."""
    sha256: str
    message_id: str
    sender: str
    subject: str
    received_at: str            # UTC ISO 8601
    province_code: str          # "" where nobody could tell


class MessageDocument(NamedTuple):
    """A parsed document attached to a message."""
    message_sha256: str
    province_code: str | None   # None: the message's province
    filename: str
    sha256: str
    format: str
    status: str
    error: str
    ocr: bool
    letterhead: str = ""        # the text before the first outline item
    signoff: str = ""           # the text from the closing on (the signature block)


class MessageRecord(NamedTuple):
    """A stored message and what its analysis decided (None: not analysed yet)."""
    sha256: str
    message_id: str | None
    size: int
    received_at: str
    received_from: str
    sender: str | None
    subject: str | None
    kind: str | None
    campaign_id: str | None
    campaign_match: str | None
    province_code: str | None
    province_status: str | None
    duplicate_of: str | None
    analysed_at: str | None


class DocumentStatus(NamedTuple):
    """A parsed document's outcome."""
    sha256: str
    format: str
    status: str
    error: str | None
    ocr: bool
    letterhead: str | None


class ErrorRecord(NamedTuple):
    """A recorded problem."""
    stage: str
    message_sha256: str | None
    file: str | None
    what: str
    action: str


class CampaignVersion(NamedTuple):
    """A campaign file and its province table as the store keeps them: which version, which
    objects, given as which path."""
    campaign_id: str
    version: int
    file_sha256: str
    source: str | None
    recorded_at: str
    table_sha256: str | None     # its province table, an object; None: recorded before tables were kept


class RecordedCampaign(NamedTuple):
    """A campaign the store answers, with its latest file; closed_at None: open."""
    id: str
    title: str
    deadline: str
    timezone: str
    recorded_at: str
    closed_at: str | None
    frozen_table: str | None     # closed: the object holding its table as it was closed
    frozen_inputs: str | None    # closed: JSON of what that table was made from
    latest: CampaignVersion


COUNTED = ("cited", "content")   # the matches by which a message counts for a campaign


class CampaignFinding(NamedTuple):
    """What a message is to one campaign: counted (match cited or content) or why not, and
    its province in that campaign's province table."""
    campaign_id: str
    match: str                  # cited | content | other_request | unassigned | other_campaign
    province_code: str | None
    province_status: str
