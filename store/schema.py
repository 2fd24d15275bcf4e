"""The catalogue's tables, and what a store made by an earlier baocao needs to be
brought up to date (its migrations)."""

from __future__ import annotations

import re
import sqlite3

SCHEMA_VERSION = 6
# A store older than this has its reports analysed again by the next ingest: since
# schema 3 a report counts for the province each document's letterhead names, and the
# ministry's own mail is no report (parsed documents are kept: only the mail is read again).
REANALYSE_BEFORE = 3
# Columns added since a store was first made: (table, column, type).
ADDED_COLUMNS = (("locations", "size", "INTEGER"), ("locations", "internaldate", "TEXT"),
                 ("attachments", "province_code", "TEXT"), ("documents", "province_code", "TEXT"),
                 # A section parsed before these were kept reads NULL: not assessed, taken as certain.
                 ("sections", "confidence", "REAL"), ("sections", "reasons", "TEXT"),
                 # Schema 5: a campaign version recorded before reads NULL, and gets its province
                 # table the next time its file is recorded (baocao/register.py).
                 ("campaign_versions", "table_sha256", "TEXT"),
                 # Schema 6: a digest is one campaign's; one made before reads NULL, the store's one
                 # campaign's then, and counts for every campaign (none covers that time again).
                 ("digests", "campaign_id", "TEXT"),
                 # A document parsed before its sign-off was kept reads NULL: its date is read from
                 # its letterhead only until it is parsed again.
                 ("documents", "signoff", "TEXT"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    sha256 TEXT PRIMARY KEY,
    message_id TEXT,
    size INTEGER NOT NULL,
    received_at TEXT NOT NULL,          -- UTC ISO 8601
    received_from TEXT NOT NULL,        -- internaldate | received-header | date-header | stored-at
    stored_at TEXT NOT NULL,
    sender TEXT, sender_name TEXT, subject TEXT, date_header TEXT,
    duplicate_of TEXT,                  -- the copy received first with the same Message-ID and documents
    kind TEXT,                          -- report | ministry (the ministry's own mail) | auto_reply
                                        -- | delivery_failure | newsletter | spam | other
                                        -- | too_large | unreadable (baocao failed on it: see errors)
    campaign_id TEXT,
    campaign_match TEXT,                -- cited | content | other_request | unassigned
    province_code TEXT,
    province_status TEXT,               -- recognised | conflict | unrecognised | assigned
    province_evidence TEXT,             -- JSON list
    analysed_at TEXT                    -- NULL: stored but not yet analysed (resumed next run)
);
CREATE INDEX IF NOT EXISTS messages_message_id ON messages(message_id);
CREATE TABLE IF NOT EXISTS locations (
    source TEXT NOT NULL,               -- imap://user@host:port/folder, file:///path
    key TEXT NOT NULL,                  -- UIDVALIDITY:UID, or the file's name in the source
    sha256 TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    size INTEGER,                       -- IMAP: the server's RFC822.SIZE and INTERNALDATE, which tell
    internaldate TEXT,                  --   whether the UID still holds this message next run
    PRIMARY KEY (source, key)
);
CREATE TABLE IF NOT EXISTS folders (
    source TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attachments (
    message_sha256 TEXT NOT NULL,
    part TEXT NOT NULL,                 -- MIME part path, "2", "2.1" inside a forwarded message
    filename TEXT,                      -- as the sender named it: data only, never a path
    content_type TEXT,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    stored INTEGER NOT NULL,            -- 1: an object of its own (documents); 0: only inside the raw message
    province_code TEXT,                 -- a document's: its letterhead's province, or the clerk's assignment;
                                        --   NULL: the message's province (messages.province_code)
    PRIMARY KEY (message_sha256, part)
);
CREATE TABLE IF NOT EXISTS documents (  -- one row per document and campaign: its outline found in it
    sha256 TEXT NOT NULL,               -- the attachment's content
    campaign_id TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,               -- docx | pdf | doc | …
    status TEXT NOT NULL,               -- ok | partial | no_sections | failed | unsupported
    ocr INTEGER NOT NULL DEFAULT 0,     -- text recognised from page images
    letterhead TEXT,
    signoff TEXT,                       -- from the closing on: the signature block's date when the letterhead has none
    province_code TEXT,                 -- the province its letterhead names, in the campaign's table
    error TEXT,
    parsed_at TEXT NOT NULL,
    PRIMARY KEY (sha256, campaign_id)
);
CREATE TABLE IF NOT EXISTS sections (
    document_sha256 TEXT NOT NULL,
    campaign_id TEXT NOT NULL DEFAULT '',  -- whose outline item `number` is
    number INTEGER NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    first_block INTEGER, last_block INTEGER,
    first_page INTEGER, last_page INTEGER,
    merged_with TEXT,
    confidence REAL,                    -- 0-1, how sure the reader is (parse/confidence.py); NULL: not assessed
    reasons TEXT,                       -- why less than 1: comma-joined confidence.Reason codes
    PRIMARY KEY (document_sha256, campaign_id, number)
);
-- What each message is to each campaign it was analysed for (issue 19): a reply may answer
-- two requests, and a province's code is the campaign's province table's.
CREATE TABLE IF NOT EXISTS message_campaigns (
    message_sha256 TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    match TEXT NOT NULL,                -- cited | content: it counts for the campaign,
                                        --   other_request | unassigned | other_campaign: why not
    province_code TEXT,
    province_status TEXT,
    PRIMARY KEY (message_sha256, campaign_id)
);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    stage TEXT NOT NULL,                -- ingest | mime | archive | parse | analyse | province
    message_sha256 TEXT,
    file TEXT,
    what TEXT NOT NULL,
    action TEXT NOT NULL,
    UNIQUE (stage, message_sha256, file, what)
);
CREATE TABLE IF NOT EXISTS digests (     -- the clerk's digests (baocao digest), so the next covers what came after
    id INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,              -- UTC ISO 8601
    covered_from TEXT NOT NULL,         -- what it covered: messages stored from then until made_at
    sent_to TEXT,                       -- the address it was mailed to; NULL: printed only
    campaign_id TEXT                    -- whose digest (schema 6); NULL: made before, every campaign's
);
-- The campaigns the store answers (issue 19): one per request letter, each version of its
-- file kept as an object, so a later edit is a new version, never a silent change.
CREATE TABLE IF NOT EXISTS campaigns (
    id TEXT PRIMARY KEY,                -- the letter number, "1683/BXD-PTDT"
    title TEXT NOT NULL,
    deadline TEXT NOT NULL,             -- ISO 8601 with its offset
    timezone TEXT NOT NULL,
    recorded_at TEXT NOT NULL,          -- UTC ISO 8601, first recorded
    closed_at TEXT,                     -- NULL: open (analysed by every run)
    frozen_table TEXT,                  -- closed: the object holding the table as signed (JSON)
    frozen_inputs TEXT                  -- closed: JSON, what that table was made from (hashes)
);
CREATE TABLE IF NOT EXISTS campaign_versions (
    campaign_id TEXT NOT NULL,
    version INTEGER NOT NULL,           -- 1, 2, …: a changed file is a new version
    file_sha256 TEXT NOT NULL,          -- the campaign file, an object of the store
    source TEXT,                        -- the path it was given as
    table_sha256 TEXT,                  -- the province table it names, an object too: a changed table
                                        --   is a new version; NULL: recorded before schema 5 (read
                                        --   beside source until recorded again)
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, version)
);
-- The clerk's decisions (baocao assign), never overwritten by a run. One per message and
-- campaign (schema 6): the campaigns' province tables number provinces differently.
CREATE TABLE IF NOT EXISTS assignments (
    message_sha256 TEXT NOT NULL,
    campaign_id TEXT NOT NULL,          -- whose province table province_code is in; '' (a store
                                        --   migrated before it recorded a campaign): the first recorded
    province_code TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (message_sha256, campaign_id)
);
"""


def migrate(db: sqlite3.Connection) -> None:
    """A store made by an earlier baocao gets the columns added since (SQLite adds a
    column without rewriting the table), and its reports analysed again when what an
    analysis decides has changed since (REANALYSE_BEFORE)."""
    for table, column, kind in ADDED_COLUMNS:
        if column not in {r[1] for r in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    _key_by_campaign(db)
    _assignments_by_campaign(db)
    recorded = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if recorded is not None and recorded[0].isdigit() and int(recorded[0]) < REANALYSE_BEFORE:
        db.execute("UPDATE messages SET analysed_at = NULL WHERE kind = 'report'")
    if recorded is None or recorded[0] != str(SCHEMA_VERSION):
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def _key_by_campaign(db: sqlite3.Connection) -> None:
    """A store made before issue 19 analysed its messages for one campaign: its documents
    and sections become that campaign's (the one its messages name), and each message's
    analysis its row of message_campaigns. SQLite cannot change a primary key in place:
    the two tables are copied into their new form."""
    if "campaign_id" in {r[1] for r in db.execute("PRAGMA table_info(sections)")}:
        return
    ids = [r[0] for r in db.execute("SELECT DISTINCT campaign_id FROM messages WHERE campaign_id IS NOT NULL")]
    campaign = ids[0] if len(ids) == 1 else ""   # "": parsed for no known campaign, parsed again when needed
    db.execute("BEGIN IMMEDIATE")
    for table in ("documents", "sections"):
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_before_campaigns")
    # The two tables in their new form (not executescript: it would commit halfway).
    for statement in re.findall(r"CREATE TABLE IF NOT EXISTS (?:documents|sections) \(.*?\n\);", SCHEMA, re.S):
        db.execute(statement)
    for table in ("documents", "sections"):
        columns = ", ".join(r[1] for r in db.execute(f"PRAGMA table_info({table}_before_campaigns)"))
        db.execute(f"INSERT INTO {table}({columns}, campaign_id) SELECT {columns}, ? FROM {table}_before_campaigns",
                   (campaign,))
        db.execute(f"DROP TABLE {table}_before_campaigns")
    # The letterhead's province was kept with the attachment (or the clerk's, which still wins there).
    db.execute("UPDATE documents SET province_code = (SELECT a.province_code FROM attachments a "
               "WHERE a.sha256 = documents.sha256 AND a.province_code IS NOT NULL LIMIT 1) WHERE province_code IS NULL")
    if campaign:
        db.execute("INSERT OR IGNORE INTO message_campaigns(message_sha256, campaign_id, match, province_code, "
                   "province_status) SELECT sha256, ?, campaign_match, province_code, province_status FROM messages "
                   "WHERE analysed_at IS NOT NULL AND campaign_match IS NOT NULL", (campaign,))
    db.execute("COMMIT")


def _assignments_by_campaign(db: sqlite3.Connection) -> None:
    """Schema 6: a store made before kept one assignment per message, which every campaign
    took, although a province's code in one campaign's table may be another province's in the
    next (Bình Dương is 74 in 2022 and part of 79 in 2025). Each assignment becomes the
    store's first recorded campaign's: a store knew one campaign until schema 5 and that one
    was recorded first, so it is the campaign the clerk assigned for unless a second campaign
    was recorded since (its corrections.toml entry still names the campaign, and aggregate
    applies that). A store that recorded no campaign yet takes the one its messages were
    attributed to, else '' which the first campaign recorded claims (Store.record_campaign_file).
    The messages whose analysis for another campaign took the assignment are analysed again."""
    if "campaign_id" in {r[1] for r in db.execute("PRAGMA table_info(assignments)")}:
        return
    first = db.execute("SELECT id FROM campaigns ORDER BY recorded_at, id LIMIT 1").fetchone()
    ids = [r[0] for r in db.execute("SELECT DISTINCT campaign_id FROM messages WHERE campaign_id IS NOT NULL")]
    campaign = first[0] if first else ids[0] if len(ids) == 1 else ""
    db.execute("BEGIN IMMEDIATE")
    db.execute("ALTER TABLE assignments RENAME TO assignments_before_campaigns")
    db.execute(re.search(r"CREATE TABLE IF NOT EXISTS assignments \(.*?\n\);", SCHEMA, re.S).group(0))
    db.execute("INSERT INTO assignments(message_sha256, campaign_id, province_code, decided_at) "
               "SELECT message_sha256, ?, province_code, decided_at FROM assignments_before_campaigns", (campaign,))
    db.execute("DROP TABLE assignments_before_campaigns")
    db.execute("UPDATE messages SET analysed_at = NULL WHERE sha256 IN (SELECT c.message_sha256 FROM "
               "message_campaigns c JOIN assignments a ON a.message_sha256 = c.message_sha256 "
               "WHERE c.province_status = 'assigned' AND c.campaign_id != a.campaign_id)")
    db.execute("COMMIT")
