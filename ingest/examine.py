"""Everything about one stored message that needs no catalogue: read its MIME, unpack
its archives, store its attachments, parse its reports and gather the evidence of province
and campaign. Pure enough to run in a worker process: it reads the raw message from the
store and writes attachment objects (not yet durable: the caller syncs before it
commits the rows that point at them); of the catalogue it only reads, read-only, which
documents earlier runs parsed."""

from __future__ import annotations

import faulthandler
import functools
import gc
import multiprocessing
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.ingest.archives import archive_format, unpack
from baocao.ingest.classify import campaign_match, from_ministry, non_report_kind
from baocao.ingest.mime import Attachment, MailMessage, read_headers, read_message
from baocao.ingest.provinces import ProvinceDecision, ProvinceIndex, recognise_province
from baocao.parse.confidence import named_by_heading
from baocao.parse.formats import DOCUMENT_FORMATS, detect_format
from baocao.parse.reports import DEFAULT_SECONDS, ParsedDocument, parse_document_for
from baocao.store import ObjectStore, ReadOnlyCatalogue, StoreWriteError, sha256_hex
from baocao.store.records import COUNTED, AttachmentRecord, CampaignFinding, Problem

# Sections a document must show before it is taken for a report of the campaign when
# its covering mail cites no letter.
MIN_SECTIONS_FOR_CONTENT_MATCH = 3
# Of several campaigns whose outline a document follows, each one followed nearly as well as
# the best (this share of its items found, against the best one's share) counts it: a reply
# answering two requests in one document, both outlines found.
CONTENT_MATCH_TIE = 0.8
# A message larger than this is stored but not opened: the email package holds a whole
# message in memory several times over, and no province's report is this large.
MAX_ANALYSED_BYTES = 25 * 2**20
HEAD_BYTES = 256 * 2**10


@dataclass
class Examined:
    sha: str
    message_id: str = ""
    sender: str = ""
    sender_name: str = ""
    subject: str = ""
    date_header: str | None = None
    kind: str = "other"
    match: str = "unassigned"
    decision: ProvinceDecision = ProvinceDecision(None, "unrecognised", ())
    campaign_id: str | None = None    # the first campaign it counts for (cited or content), if any
    findings: list[CampaignFinding] = field(default_factory=list)   # what it is to each campaign
    attachments: list[AttachmentRecord] = field(default_factory=list)
    document_shas: set[str] = field(default_factory=set)         # attachments that are documents
    # newly parsed, by content, then by campaign (its outline's items found in the document)
    parsed: dict[str, dict[str, ParsedDocument]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Document hash -> the province its own letterhead names: one message may carry the
    # reports of two provinces (a regional office sending both), each counts for its own.
    document_provinces: dict[str, str] = field(default_factory=dict)
    # The same for each campaign's parse, by document then campaign: the province tables of two
    # campaigns number the provinces differently (63 in 2022, 34 since 2025).
    letterhead_provinces: dict[str, dict[str, str]] = field(default_factory=dict)

    def take_headers(self, message: MailMessage) -> None:
        self.sender, self.sender_name, self.subject = message.sender, message.sender_name, message.subject
        self.message_id = message.message_id
        self.date_header = message.date.isoformat() if message.date else None


class Examiner:
    """Examines messages of one store for one campaign; one per worker process (see
    `start_worker`), where hostile input can crash or hang it without harm. It writes
    only objects; what it finds goes back to the parent's `Analyser`, which owns the
    catalogue and saves it."""

    def __init__(self, root: Path, campaigns: Campaign | Sequence[Campaign],
                 document_seconds: float = DEFAULT_SECONDS, watchdog: bool = False):
        self.store_root = Path(root)
        self.watchdog = watchdog
        # Several campaigns: every open one of the store; the first is the one the command named.
        self.campaigns = (campaigns,) if isinstance(campaigns, Campaign) else tuple(campaigns)
        self.campaign = self.campaigns[0]
        self.document_seconds = document_seconds
        self.indexes = {c.id: ProvinceIndex(c.provinces) for c in self.campaigns}
        self.index = self.indexes[self.campaign.id]
        self._store: ObjectStore | None = None
        self._catalogue: ReadOnlyCatalogue | None = None

    @property
    def store(self) -> ObjectStore:
        if self._store is None:  # opened in the process that uses it, never inherited
            self._store = ObjectStore(self.store_root)
            self._catalogue = ReadOnlyCatalogue(self.store_root)
        return self._store

    def examine(self, sha: str, size: int) -> Examined:
        """What the message is; never raises: a message that trips a bug in baocao or
        in a library is recorded as `unreadable` with the error, and the run goes on."""
        try:
            return self._examine(sha, size)
        except StoreWriteError:   # the disk, not the message: the run stops, the message waits for the next
            raise
        except Exception as e:  # any bug reached by one hostile message must not stop the others
            return unreadable(self.store, sha, f"{type(e).__name__}: {e}")

    @contextmanager
    def _watched(self):
        """In a worker, around the C libraries that read hostile files (pdfium, lxml,
        libarchive): end the process if they still run after twice the time limit of a
        document. The limit itself (parse.limits) is a signal that only Python code
        answers; faulthandler's timer runs on a thread of its own that needs no
        interpreter. (Not around the whole message: a thread per message costs ~5 %.)"""
        if not self.watchdog:
            yield
            return
        faulthandler.dump_traceback_later(2 * self.document_seconds + 5, exit=True, file=_devnull())
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()

    def _examine(self, sha: str, size: int) -> Examined:
        store = self.store
        found = Examined(sha)
        if size > MAX_ANALYSED_BYTES:
            message = headers_of(store, sha)
            found.problems.append(Problem(
                "analyse", N_("the message is {size} MB, more than the {limit} MB baocao opens; its attachments "
                              "were not read").format(size=f"{size / 2**20:.0f}", limit=MAX_ANALYSED_BYTES // 2**20),
                N_("open it in a mail client; if it holds a report, ask the province to send the report alone")))
        else:
            message = read_message(store.read_object(sha))
        for problem in message.problems:
            found.problems.append(Problem("mime", problem.what, problem.action))
        parses: list[dict[str, ParsedDocument]] = []   # each document's, by campaign
        for attachment in self._with_archive_members(message.all_attachments(), found):
            by_campaign = self._attachment(attachment, found)
            if by_campaign is not None:
                parses.append(by_campaign)
                document = best_parse(by_campaign)
                named = self.index.from_letterhead(document.letterhead) if document.letterhead else None
                if named is not None:
                    found.document_provinces[found.attachments[-1].sha256] = named.province_code
        documents = [best_parse(p) for p in parses]
        # A forwarded report speaks for the province that wrote it, not for the forwarder.
        author = message.forwarded[0] if message.forwarded else message
        letterheads = [d.letterhead for d in documents if d.letterhead]
        ministry = from_ministry(author.sender, self.campaign)
        decisions = {c.id: ProvinceDecision(None, "unrecognised", ()) for c in self.campaigns}
        if ministry:
            self._note_ministry_forward(author.sender, found)
        else:
            decisions = {c.id: recognise_province(self.indexes[c.id], author.sender, author.subject, author.body,
                                                  letterheads) for c in self.campaigns}
        matches = attribution([message.subject, message.body, author.subject, author.body, *letterheads], parses,
                              self.campaigns)
        found.findings = [CampaignFinding(c.id, matches[c.id], decisions[c.id].code, decisions[c.id].status)
                          for c in self.campaigns]
        primary = next((c for c in self.campaigns if matches[c.id] in COUNTED), self.campaign)
        found.match, found.decision = matches[primary.id], decisions[primary.id]
        found.campaign_id = primary.id if found.match in COUNTED else None
        too_large = size > MAX_ANALYSED_BYTES
        found.kind = non_report_kind(message) or ("ministry" if ministry else "too_large" if too_large
                                                  else "report" if documents else "other")
        if found.kind == "other":
            not_a_report(found, self.index)
        found.take_headers(message)
        return found

    def _note_ministry_forward(self, sender: str, found: Examined) -> None:
        """The ministry's own mail counts for no province. One that carries a province's
        signed report (a colleague passing it on as a plain attachment) is said, so that
        report is not lost unseen; the blank outline of a reply-all thread says nothing."""
        names = sorted({self.index.provinces[code].name for code in found.document_provinces.values()})
        if names:
            found.problems.append(Problem(
                "analyse", N_("this mail from the ministry ({sender}) carries the report of {provinces}; the "
                              "ministry's own mail is never counted as a province's report").format(
                    sender=sender, provinces=", ".join(names)),
                (N_("if that report never reached {mailbox}, ask whoever passed it on to forward the province's "
                    "original mail as an attachment (.eml), or the province to send it again").format(
                    mailbox=self.campaign.mailbox) if self.campaign.mailbox else
                 N_("if that report never reached the collection mailbox, ask whoever passed it on to forward the "
                    "province's original mail as an attachment (.eml), or the province to send it again"))))
        found.document_provinces.clear()

    def _with_archive_members(self, attachments, found: Examined) -> Iterator[Attachment]:
        """Each attachment, and after an archive (.zip, .rar, .7z) the files inside it,
        within the limits that stop a zip bomb."""
        for attachment in attachments:
            yield attachment
            if archive_format(attachment.data) is None:
                continue
            with self._watched():
                unpacked = unpack(attachment.data, attachment.filename or f"attachment {attachment.part}")
            for problem in unpacked.problems:
                found.problems.append(Problem("archive", problem, N_("see the message in a mail client"),
                                              attachment.filename))
            for i, member in enumerate(unpacked.members, start=1):
                yield Attachment(part=f"{attachment.part}/{i}", filename=f"{attachment.filename}/{member.path}",
                                 content_type="application/octet-stream", data=member.data)

    def _attachment(self, attachment: Attachment, found: Examined) -> dict[str, ParsedDocument] | None:
        """Catalogue the attachment; a document gets an object of its own (the parsers and
        the reviewer open it) and is parsed once per content. Other attachments stay
        inside the stored raw message, which already holds them: no byte is kept twice."""
        fmt = detect_format(attachment.data, attachment.filename)
        document = fmt in DOCUMENT_FORMATS
        a_sha = self.store.put_object(attachment.data, sync=False) if document else sha256_hex(attachment.data)
        found.attachments.append(AttachmentRecord(attachment.part, attachment.filename, attachment.content_type,
                                                  a_sha, len(attachment.data), document))
        if not document:
            return None
        found.document_shas.add(a_sha)
        now = found.parsed.get(a_sha, {})
        parses = {c.id: now.get(c.id) or self._known_document(a_sha, c.id) for c in self.campaigns}
        missing = {c.id: c.sections for c in self.campaigns if parses[c.id] is None}
        if missing:   # read once, each missing campaign's outline looked for in it
            with self._watched():
                new = parse_document_for(self.store.object_path(a_sha), fmt, attachment.filename, missing,
                                         work_dir=self.store.spool_dir, seconds=self.document_seconds)
            found.parsed.setdefault(a_sha, {}).update(new)
            parses.update(new)
        for campaign_id, parsed in own_outline_only(parses, self.campaigns).items():
            if parsed is not parses[campaign_id]:   # kept as another campaign's document
                found.parsed.setdefault(a_sha, {})[campaign_id] = parses[campaign_id] = parsed
        for campaign_id, parsed in found.parsed.get(a_sha, {}).items():
            named = self.indexes[campaign_id].from_letterhead(parsed.letterhead) if parsed.letterhead else None
            if named is not None:
                found.letterhead_provinces.setdefault(a_sha, {})[campaign_id] = named.province_code
        # A document that follows one campaign's outline is no problem for lacking another's.
        parsed = parses[self.campaign.id] if all(p.error for p in parses.values()) else best_parse(parses)
        if parsed.error:
            name = attachment.filename or f"attachment {attachment.part}"
            found.problems.append(Problem("parse", N_("{name}: {reason}").format(name=name, reason=parsed.error),
                                          N_("open the file yourself; ask the province for a readable copy if it "
                                             "is damaged"), attachment.filename))
        return parses

    def _known_document(self, sha: str, campaign_id: str) -> ParsedDocument | None:
        known = self._catalogue.known_document(sha, campaign_id)
        if known is None:
            return None
        return ParsedDocument(known.format, known.status, (), known.letterhead, known.error, known.section_numbers,
                              known.ocr, tuple(n for n, reasons in zip(known.section_numbers, known.section_reasons,
                                                                       strict=True) if named_by_heading(reasons)),
                              known.signoff)



def best_parse(by_campaign: Mapping[str, ParsedDocument]) -> ParsedDocument:
    """The parse that found the most outline items (the first campaign's on a tie): the
    document's letterhead and problems are read from it."""
    return max(by_campaign.values(), key=lambda p: len(p.section_numbers))


def attribution(texts: list[str], parses: list[dict[str, ParsedDocument]],
                campaigns: Sequence[Campaign]) -> dict[str, str]:
    """Campaign id -> what the message is to it. It belongs to each campaign whose letter it
    cites ('cited'); citing none, to the campaigns whose outline its documents follow best
    ('content', `outline_score`, with at least MIN_SECTIONS_FOR_CONTENT_MATCH items found);
    to the others not, with why: 'other_request' (it
    cites another letter of the issuer), 'other_campaign' (another campaign's outline fits it
    better), 'unassigned' (nothing says)."""
    matches = {c.id: campaign_match(texts, c) for c in campaigns}
    if any(m == "cited" for m in matches.values()):
        return matches
    scores = {c.id: max((outline_score(p[c.id], c) for p in parses
                         if len(p[c.id].section_numbers) >= MIN_SECTIONS_FOR_CONTENT_MATCH), default=None)
              for c in campaigns if matches[c.id] == "unassigned"}
    scores = {campaign_id: score for campaign_id, score in scores.items() if score is not None}
    best = max(scores.values(), default=0)
    for campaign_id, score in scores.items():
        matches[campaign_id] = "content" if score >= CONTENT_MATCH_TIE * best else "other_campaign"
    return matches


def own_outline_only(parses: Mapping[str, ParsedDocument], campaigns: Sequence[Campaign]) -> dict[str, ParsedDocument]:
    """A document that follows one campaign's outline far better than another's is no report
    of the other: for it, its sections are dropped, and why is said (a mail answering two
    requests with one document each fills each campaign's table from its own document)."""
    scores = {c.id: outline_score(parses[c.id], c) for c in campaigns
              if len(parses[c.id].section_numbers) >= MIN_SECTIONS_FOR_CONTENT_MATCH}
    if not scores:
        return dict(parses)
    best = max(scores, key=scores.__getitem__)
    kept = dict(parses)
    for c in campaigns:
        parsed = parses[c.id]
        if c.id != best and parsed.section_numbers and outline_score(parsed, c) < CONTENT_MATCH_TIE * scores[best]:
            kept[c.id] = ParsedDocument(
                parsed.format, "no_sections", (), parsed.letterhead,
                N_("the document follows the outline of {campaign}, not this campaign's: it is counted as that "
                   "request's report; check it by hand if it answers this one too").format(campaign=best),
                ocr=parsed.ocr, signoff=parsed.signoff)
    return kept


def outline_score(parsed: ParsedDocument, campaign: Campaign) -> float:
    """How well a document follows the campaign's outline: the share of its items that a
    heading names (found by position, or by words pointing elsewhere, does not count: the
    reader maps almost any report's headings onto any outline of five or six items)."""
    return len(parsed.named_numbers) / len(campaign.sections)


def not_a_report(found: Examined, index: ProvinceIndex) -> None:
    """A message that looks like a province's answer (it cites the campaign's letter, or
    comes from a province's domain) but holds no document is said so, with why: a
    report sent as a photo or a link must not go unseen among the `other` messages."""
    domain = next((e for e in found.decision.evidence if e.source == "sender_domain"), None)
    if found.match == "cited":
        looks = N_("cites the campaign's letter")
    elif domain is not None:
        looks = N_("comes from {domain}, the domain of {province},").format(
            domain=domain.detail, province=index.provinces[domain.province_code].name)
    else:
        return
    if not found.attachments:
        why = N_("it has no attachment")
    else:
        names = ", ".join(f"{a.filename or f'part {a.part}'} ({a.content_type})" for a in found.attachments)
        why = N_("none of its attachments is a document (.docx, .doc, .pdf, .odt, .rtf): {names}").format(names=names)
    found.problems.append(Problem("analyse", N_("this message {looks} but was not taken as a report: {why}").format(
                                      looks=looks, why=why),
                                  N_("read it in a mail client; if the province meant to send its report, ask it "
                                     "to send the report as an attached .docx or .pdf file")))


def unreadable(store: ObjectStore, sha: str, why: str) -> Examined:
    """A message baocao failed to examine: recorded with its headers when they can be
    read, so the clerk sees which message it is."""
    found = Examined(sha, kind="unreadable", problems=[Problem(
        "analyse", N_("baocao could not examine this message ({why})").format(why=why),
        N_("the raw message is kept: open it in a mail client, and report this to baocao's developers with the "
           "message's hash"))])
    try:
        found.take_headers(headers_of(store, sha))
    except Exception:  # the headers are what failed: the hash still names the message
        pass
    return found


def headers_of(store: ObjectStore, sha: str) -> MailMessage:
    """Only the headers of a stored message, read from its first bytes."""
    with open(store.object_path(sha), "rb") as f:
        return read_headers(header_block(f.read(HEAD_BYTES)))


def header_block(head: bytes) -> bytes:
    for end in (b"\r\n\r\n", b"\n\n"):
        at = head.find(end)
        if at >= 0:
            return head[:at + len(end)]
    return head


# -- worker processes ------------------------------------------------------------------

_worker: Examiner | None = None


def start_worker(root: str, campaign: Campaign, document_seconds: float) -> None:
    global _worker
    _worker = Examiner(Path(root), campaign, document_seconds, watchdog=True)
    # The modules and the campaign live as long as the worker: out of the collector's
    # way, which otherwise walks them again and again (a few % of a worker's time).
    gc.freeze()
    # Ctrl-C is for the ingest, which leaves at once; the workers follow it out (below)
    # instead of each printing a KeyboardInterrupt of its own on the clerk's terminal.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="baocao-parent-watch", daemon=True).start()


@functools.lru_cache(maxsize=1)
def _devnull():
    # The traceback of a stuck worker is not for the clerk: what to do is in the error.
    return open(os.devnull, "w")


def _exit_with(parent) -> None:
    """A worker waits for its tasks on a queue it also holds the writing end of, so it
    would wait forever once the ingest is killed (SIGKILL from cron, the OOM killer), and
    keep the forkserver alive with it. It leaves with the ingest instead; what it was
    examining is examined again by the next run."""
    parent.join()
    os._exit(1)


def examine_in_worker(messages: list[tuple[str, int]]) -> list[Examined]:
    """Several messages per call: one round trip to the worker for a handful of messages
    costs less than the examination of one."""
    return [_worker.examine(sha, size) for sha, size in messages]
