"""Reading the catalogue: what the stages, the clerk's commands and the checks ask of
it, as plain records. Shared by the writer's `Store` and the workers' read-only
`ReadOnlyCatalogue`."""

from __future__ import annotations

import sqlite3

from baocao.store.records import (
    AttachmentRecord,
    CampaignFinding,
    DocumentStatus,
    ErrorRecord,
    KnownDocument,
    Location,
    MessageDocument,
    MessageRecord,
    ReportMessage,
    SavedAttachment,
    SectionRecord,
    StoredFromUid,
)


class CatalogueReader:
    """The catalogue's reading methods, over the connection `db` of the class that uses them."""

    db: sqlite3.Connection

    def known_document(self, sha: str, campaign_id: str) -> KnownDocument | None:
        """A document an earlier run parsed for this campaign (the same file sent again, by
        another province or in another message): its outcome, so it is not parsed twice."""
        row = self.db.execute("SELECT format, status, letterhead, error, ocr, signoff FROM documents "
                              "WHERE sha256 = ? AND campaign_id = ?", (sha, campaign_id)).fetchone()
        if row is None:
            return None
        found = self.db.execute("SELECT number, reasons FROM sections WHERE document_sha256 = ? AND campaign_id = ? "
                                "ORDER BY number", (sha, campaign_id)).fetchall()
        return KnownDocument(row[0], row[1], row[2] or "", row[3] or "", bool(row[4]), tuple(r[0] for r in found),
                             tuple(tuple(c for c in (r[1] or "").split(",") if c) for r in found), row[5] or "")

    def counts_by_kind(self) -> dict[str, int]:
        """How many messages of each kind ("not analysed" for those not analysed yet), by kind."""
        return dict(self.db.execute(
            "SELECT coalesce(kind, 'not analysed'), count(*) FROM messages GROUP BY 1 ORDER BY 1"))

    def sender_addresses(self, excluding_kinds: tuple[str, ...] = (),
                         campaign_id: str | None = None) -> list[tuple[str, str]]:
        """(province code, sender address) of the messages with a province, most recent
        first, leaving out the messages of the kinds given. With a campaign, the province is
        the one its analysis found in its own table (74 Bình Dương in 2022's, 79 in 2025's)."""
        if campaign_id is None:
            return [tuple(r) for r in self.db.execute(
                f"""SELECT province_code, sender FROM messages
                    WHERE province_code IS NOT NULL AND sender LIKE '%_@_%'
                      AND coalesce(kind, '') NOT IN ({marks(excluding_kinds)})
                    ORDER BY received_at DESC""", excluding_kinds)]
        return [tuple(r) for r in self.db.execute(
            f"""SELECT c.province_code, m.sender FROM messages m
                  JOIN message_campaigns c ON c.message_sha256 = m.sha256 AND c.campaign_id = ?
                WHERE c.province_code IS NOT NULL AND m.sender LIKE '%_@_%'
                  AND coalesce(m.kind, '') NOT IN ({marks(excluding_kinds)})
                ORDER BY m.received_at DESC""", (campaign_id, *excluding_kinds))]

    def report_messages(self, campaign_id: str) -> list[ReportMessage]:
        """The messages that count as reports of the campaign (duplicates left out), oldest first."""
        return [ReportMessage(r[0], r[1] or "", r[2] or "", r[3] or "", r[4], r[5] or "") for r in self.db.execute(
            """SELECT m.sha256, m.message_id, m.sender, m.subject, m.received_at,
                      c.province_code   -- the campaign's own: the clerk's for it, else what was found
               FROM messages m JOIN message_campaigns c ON c.message_sha256 = m.sha256
               WHERE m.kind = 'report' AND c.campaign_id = ? AND c.match IN ('cited', 'content')
                 AND m.duplicate_of IS NULL
               ORDER BY m.received_at, m.sha256""", (campaign_id,))]

    def campaign_findings(self, campaign_id: str) -> dict[str, CampaignFinding]:
        """Message sha256 -> what it is to the campaign (counted or why not, its province in
        the campaign's table), for each message analysed for it."""
        return {r[0]: CampaignFinding(campaign_id, *r[1:]) for r in self.db.execute(
            "SELECT message_sha256, match, province_code, province_status FROM message_campaigns "
            "WHERE campaign_id = ?", (campaign_id,))}

    def message_documents(self, campaign_id: str) -> list[MessageDocument]:
        """Every document parsed for the campaign with the message it came with, by message and part."""
        return [MessageDocument(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6] or "", bool(r[7]), r[8] or "",
                                r[9] or "")
                for r in self.db.execute(
                    """SELECT a.message_sha256,
                              CASE WHEN c.province_status = 'assigned' THEN c.province_code
                                   ELSE d.province_code END,   -- the clerk's for this campaign speaks for all
                              a.filename, d.sha256, d.format, d.status, d.error, d.ocr, d.letterhead, d.signoff
                       FROM attachments a JOIN documents d ON d.sha256 = a.sha256 AND d.campaign_id = ?
                         LEFT JOIN message_campaigns c ON c.message_sha256 = a.message_sha256
                           AND c.campaign_id = d.campaign_id
                       ORDER BY a.message_sha256, a.part""", (campaign_id,))]

    def sections(self, campaign_id: str) -> dict[str, list[SectionRecord]]:
        """Document sha256 -> the campaign's outline items found in it, by number."""
        found: dict[str, list[SectionRecord]] = {}
        for r in self.db.execute("SELECT document_sha256, number, heading, text, first_block, last_block, "
                                 "first_page, last_page, merged_with, confidence, reasons FROM sections "
                                 "WHERE campaign_id = ? ORDER BY number", (campaign_id,)):
            found.setdefault(r[0], []).append(SectionRecord(
                *r[1:8], merged_with=tuple(int(n) for n in (r[8] or "").split(",") if n),
                confidence=1.0 if r[9] is None else r[9], reasons=tuple(c for c in (r[10] or "").split(",") if c)))
        return found

    def messages(self) -> list[MessageRecord]:
        """Every stored message, oldest first."""
        return [MessageRecord(*r) for r in self.db.execute(f"{_MESSAGE} ORDER BY received_at, sha256")]

    def message(self, sha: str) -> MessageRecord | None:
        row = self.db.execute(f"{_MESSAGE} WHERE sha256 = ?", (sha,)).fetchone()
        return MessageRecord(*row) if row is not None else None

    def locations(self) -> list[Location]:
        """Every place a message was seen, by source and key."""
        return [Location(*r) for r in self.db.execute(
            "SELECT source, key, sha256, seen_at, size, internaldate FROM locations ORDER BY source, key")]

    def stored_from_uids(self, source: str, uidvalidity: int, uids: list[int]) -> dict[int, StoredFromUid]:
        """Which of these UIDs of the IMAP folder `source`, numbered under `uidvalidity`,
        a message was stored from, and that message's RFC822.SIZE and INTERNALDATE then: a
        server that gives an old UID to new mail (it happens: paperless-ngx #8939) is
        caught by comparing. Asked a chunk of UIDs at a time: `baocao watch` checks a
        folder that only grows, for days, and a run holding the whole folder's rows grew
        the process's memory with every message."""
        keys = [f"{uidvalidity}:{uid}" for uid in uids]
        return {int(key.partition(":")[2]): StoredFromUid(size, internaldate) for key, size, internaldate in
                self.db.execute(f"SELECT key, size, internaldate FROM locations WHERE source = ? AND key IN "
                                f"({marks(keys)})", (source, *keys))}

    def attachments(self, message_sha: str | None = None) -> list[SavedAttachment]:
        """The attachments of one message, or of all, by message and part."""
        where, args = ("WHERE message_sha256 = ?", (message_sha,)) if message_sha else ("", ())
        return [SavedAttachment(r[0], AttachmentRecord(*r[1:6], bool(r[6])), r[7]) for r in self.db.execute(
            "SELECT message_sha256, part, filename, content_type, sha256, size, stored, province_code "
            f"FROM attachments {where} ORDER BY message_sha256, part", args)]

    def stored_attachment(self, sha: str) -> SavedAttachment | None:
        """A document stored under this hash, as it was first attached (its name, its type),
        or None: the review desk serves files by hash, and only those."""
        r = self.db.execute(
            "SELECT message_sha256, part, filename, content_type, sha256, size, stored, province_code "
            "FROM attachments WHERE sha256 = ? AND stored ORDER BY rowid LIMIT 1", (sha,)).fetchone()
        return SavedAttachment(r[0], AttachmentRecord(*r[1:6], bool(r[6])), r[7]) if r else None

    def documents(self) -> list[DocumentStatus]:
        """Each parsed document once (as parsed for the first campaign, by letter number)."""
        return [DocumentStatus(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in self.db.execute(
            "SELECT sha256, format, status, error, ocr, letterhead FROM documents d WHERE campaign_id = "
            "(SELECT min(campaign_id) FROM documents WHERE sha256 = d.sha256) ORDER BY sha256")]

    def problems(self) -> list[ErrorRecord]:
        """Every recorded problem, in the order recorded."""
        return [ErrorRecord(*r) for r in self.db.execute(
            "SELECT stage, message_sha256, file, what, action FROM errors ORDER BY id")]

    def error_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM errors").fetchone()[0]

    # -- for the clerk's digest (baocao digest) ------------------------------------------
    def messages_stored_since(self, since: str) -> list[MessageRecord]:
        """The messages stored at or after `since` (UTC ISO 8601), oldest first: what came
        since the last digest, by when baocao stored it, not by the sender's or server's clock."""
        return [MessageRecord(*r) for r in self.db.execute(
            f"{_MESSAGE} WHERE stored_at >= ? ORDER BY received_at, sha256", (since,))]

    def errors_since(self, since: str) -> int:
        return self.db.execute("SELECT count(*) FROM errors WHERE at >= ?", (since,)).fetchone()[0]

    def last_digest_at(self, campaign_id: str | None = None) -> str | None:
        """When the campaign's last digest was made: a store answering two requests has a
        digest for each, and one for 1683 does not cover what 1702's next one must say. A
        digest recorded before digests had a campaign counts for every campaign."""
        row = self.db.execute("SELECT max(made_at) FROM digests WHERE campaign_id IS NULL OR campaign_id = ? "
                              "OR ? IS NULL", (campaign_id, campaign_id)).fetchone()
        return row[0] if row else None


_MESSAGE = """SELECT sha256, message_id, size, received_at, received_from, sender, subject, kind, campaign_id,
                     campaign_match, province_code, province_status, duplicate_of, analysed_at FROM messages"""


def marks(values) -> str:
    """The placeholders of an SQL IN (…) list of these values."""
    return ",".join("?" * len(values))
