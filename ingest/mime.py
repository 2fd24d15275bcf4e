"""Reading one raw e-mail into plain data with the stdlib `email` package.

Every message comes from outside: a header that cannot be decoded or a part with an
unknown charset becomes a recorded problem and a best-effort value, never an exception.
"""

from __future__ import annotations

import email
import email.errors
import email.feedparser
import email.header
import email.parser
import email.policy
import email.utils
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.policy import EmailPolicy

from baocao.i18n import N_
from baocao.text import clean_line, nfc


class _Policy(EmailPolicy):
    """policy.default, with each header parsed once per value: the parser asks for a
    part's Content-Type a dozen times, and policy.default parses it anew every time
    (measured: two thirds of the time spent reading a message)."""

    def header_fetch_parse(self, name, value):
        if hasattr(value, "name") or len(value) > 2000:
            return super().header_fetch_parse(name, value)
        if value.isascii() and "=?" not in value and "*" not in value:
            # Nothing to decode: the header registry would only give back the same text,
            # at 50-100 µs for each new value (every multipart boundary and file name is
            # new). The Message methods that read parameters (get_param, get_filename,
            # get_boundary) parse the text themselves. Not RFC 2231 parameters
            # (`charset*=us-ascii''utf-8`, `name*0*=`): get_param hands those back as a
            # (charset, language, value) tuple that get_content cannot use as a charset;
            # the registry decodes them.
            return _unfolded(value)
        return _parsed_header(name, value)


@functools.lru_cache(maxsize=4096)
def _parsed_header(name: str, value: str):
    return email.policy.default.header_fetch_parse(name, value)


def _unfolded(value: str) -> str:
    return "".join(value.splitlines()) if "\n" in value or "\r" in value else value


POLICY = _Policy()

# Headers that decide whether a message is a report at all.
CLASSIFYING_HEADERS = (
    "auto-submitted", "x-autoreply", "x-autorespond", "precedence", "list-unsubscribe",
    "list-id", "x-spam-flag", "x-spam-status", "content-type", "return-path",
)


# What to do about a value read with a problem, unless the problem says otherwise.
CHECK_VALUE = N_("the value shown may be garbled; check the message in a mail client")
CHECK_ATTACHMENTS = N_("check the attachments in a mail client")
CHECK_MESSAGE = N_("check the message in a mail client: its sender, subject or text may have been read wrongly")


@dataclass(frozen=True)
class Problem:
    what: str            # what went wrong, naming the MIME part when it is one
    action: str = CHECK_VALUE


@dataclass(frozen=True)
class Attachment:
    part: str            # MIME part path, "2" or "3.2" inside a forwarded message
    filename: str        # as the sender named it (NFC); data only, never a path
    content_type: str
    data: bytes


@dataclass(frozen=True)
class MailMessage:
    message_id: str
    sender: str          # address, lower case
    sender_name: str
    subject: str
    date: datetime | None
    headers: dict[str, str]
    body: str
    attachments: tuple[Attachment, ...]
    forwarded: tuple["MailMessage", ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def all_attachments(self) -> tuple[Attachment, ...]:
        """Attachments of the message and of messages forwarded inside it."""
        inner = tuple(a for m in self.forwarded for a in m.all_attachments())
        return self.attachments + inner


@dataclass
class _Reading:
    """What the walk over one message's parts gathers."""
    attachments: list[Attachment] = field(default_factory=list)
    forwarded: list[MailMessage] = field(default_factory=list)
    body_parts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Each kind of defect the parser found, once per message: its first instance and where.
    defects: dict[type, tuple[email.errors.MessageDefect, list[str]]] = field(default_factory=dict)


def read_message(raw: bytes) -> MailMessage:
    # The parser fed the whole message at once: message_from_bytes goes through a
    # StringIO read 8 KB at a time, 5 % slower for the same result.
    parser = email.feedparser.BytesFeedParser(policy=POLICY)
    parser.feed(raw)
    return _read(parser.close(), path="")


def read_headers(header_block: bytes) -> MailMessage:
    """Only the headers: for a message too large to open, its parts are not read."""
    msg = email.parser.BytesHeaderParser(policy=POLICY).parsebytes(header_block)
    return _read(msg, path="", walk=False)


def _read(msg: EmailMessage, path: str, walk: bool = True) -> MailMessage:
    found = _Reading()
    problems = found.problems
    # Only From and Subject need decoding (RFC 2047); the others are ASCII tokens, read
    # as sent: parsing every header through the registry doubled the time per message.
    raw: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.lower(), " ".join(str(value).split()))
    sender_name, sender = email.utils.parseaddr(_decoded(raw.get("from", ""), msg, "from", problems))
    if not raw and not path and walk:
        problems.append(_headerless(msg))
        # What the parser says about the missing headers is said above, in words.
        msg.defects[:] = [d for d in msg.defects if not isinstance(d, _HEADER_BLOCK_DEFECTS)]
    if walk:
        _walk(msg, path, found)
    else:
        _note_defects(msg, path, found)
    subject = clean_line(_decoded(raw.get("subject", ""), msg, "subject", problems))
    for kind, (defect, paths) in found.defects.items():
        what, action = _defect_text(kind, defect)
        places = [N_("the message") if not p else N_("part {part}").format(part=p) for p in paths]
        # A listing as a template too: each place is found again and translated (i18n.recorded_text).
        where = functools.reduce(lambda first, then: N_("{first}, {then}").format(first=first, then=then), places)
        problems.append(Problem(N_("{what} (in {where})").format(what=what, where=where), action))
    return MailMessage(
        message_id=raw.get("message-id", ""),
        sender=sender.strip().lower(),
        sender_name=clean_line(sender_name),
        subject=subject,
        date=_date(raw.get("date", "")),
        headers={name: raw[name] for name in CLASSIFYING_HEADERS if name in raw},
        body=nfc("\n".join(found.body_parts)).replace("\r\n", "\n"),
        attachments=tuple(found.attachments),
        forwarded=tuple(found.forwarded),
        problems=tuple(problems),
    )


def _headerless(msg: EmailMessage) -> Problem:
    payload = msg.get_payload()
    if isinstance(payload, str) and not payload.strip():
        return Problem(N_("the message is empty: no headers, no text, no attachment"),
                       N_("nothing to read; the empty message is kept in the store. If a province's report is "
                          "missing, ask it to send the report again"))
    return Problem(N_("the message has no headers (no sender, subject or date); all of it was read as its text"),
                   N_("find who sent it from its text; if it is a report, ask the province to send it again from "
                      "a mail client"))


def _decoded(value: str, msg: EmailMessage, name: str, problems: list[Problem]) -> str:
    """RFC 2047 words decoded with email.header (a third of the cost of the header
    registry); what it cannot decode goes through policy.default's lenient parser."""
    if "=?" not in value:
        if value.isascii():
            return value
        return _header(msg, name, value, problems)   # raw 8-bit: let policy.default decide
    try:
        return nfc(str(email.header.make_header(email.header.decode_header(value))))
    except (LookupError, UnicodeError, email.errors.MessageError, ValueError):
        return _header(msg, name, value, problems)


def _header(msg: EmailMessage, name: str, raw: str, problems: list[Problem]) -> str:
    try:
        value = msg.get(name)
        return nfc(str(value)) if value is not None else ""
    except Exception as e:  # the email package raises assorted errors on hostile headers
        problems.append(Problem(N_("header {name} could not be decoded ({reason}); shown as sent").format(
            name=name, reason=f"{type(e).__name__}: {e}")))
        return nfc(raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _walk(part: EmailMessage, path: str, found: _Reading) -> None:
    if part.get_content_maintype() == "multipart" and not part.is_multipart():
        recovered = _recovered_multipart(part, path, found)
        if recovered is not None:
            # Its boundary defects are told by the recovery; any other is still told.
            part.defects[:] = [d for d in part.defects if not isinstance(d, _BOUNDARY_DEFECTS)]
            _note_defects(part, path, found)
            part = recovered
    if part.get_content_type() == "message/rfc822" and part.is_multipart():
        for inner in part.get_payload():
            message = _read(inner, path=path or "1")
            found.forwarded.append(message)
            found.problems.extend(Problem(N_("in the forwarded message: {what}").format(what=p.what), p.action)
                                  for p in message.problems)
    elif part.is_multipart():
        for i, sub in enumerate(part.iter_parts(), start=1):
            _walk(sub, f"{path}.{i}" if path else str(i), found)
    else:
        _leaf(part, path, found)
    _note_defects(part, path, found)   # after decoding: the base64 defects are found then


def _leaf(part: EmailMessage, path: str, found: _Reading) -> None:
    problems = found.problems
    ctype = part.get_content_type()
    filename = _filename(part, problems)
    if ctype in ("text/plain", "text/html") and not filename and part.get_content_disposition() != "attachment":
        text = _text(part, problems)
        found.body_parts.append(text if ctype == "text/plain" else _strip_html(text))
        return
    try:
        data = part.get_payload(decode=True) or b""
    except Exception as e:
        problems.append(Problem(N_("part {part} could not be decoded ({reason})").format(part=path or "1", reason=e),
                                CHECK_ATTACHMENTS))
        data = b""
    found.attachments.append(Attachment(part=path or "1", filename=filename, content_type=ctype, data=data))


# --- what the parser found wrong --------------------------------------------------------

_BOUNDARY_DEFECTS = (email.errors.NoBoundaryInMultipartDefect, email.errors.StartBoundaryNotFoundDefect,
                     email.errors.MultipartInvariantViolationDefect, email.errors.CloseBoundaryNotFoundDefect)
_HEADER_BLOCK_DEFECTS = (email.errors.MissingHeaderBodySeparatorDefect,
                         email.errors.FirstHeaderLineIsContinuationDefect)
_CUT_SHORT = N_("check in a mail client that its attachments open; if one does not, ask the sender to send it "
                "again")

# What each defect the stdlib parser reports means, and what the clerk does about it.
_DEFECTS: dict[type, tuple[str, str]] = {
    email.errors.NoBoundaryInMultipartDefect: (
        N_("a multipart names no MIME boundary, so its parts (attachments) could not be separated"),
        CHECK_ATTACHMENTS),
    email.errors.StartBoundaryNotFoundDefect: (
        N_("a multipart's declared MIME boundary is not in its body, so its parts (attachments) could not be "
           "separated"),
        CHECK_ATTACHMENTS),
    email.errors.MultipartInvariantViolationDefect: (
        N_("a part declared multipart is not divided into parts; it was kept whole as one attachment"),
        CHECK_ATTACHMENTS),
    email.errors.CloseBoundaryNotFoundDefect: (
        N_("a multipart is not closed by its boundary: the message may have been cut short"), _CUT_SHORT),
    email.errors.FirstHeaderLineIsContinuationDefect: (
        N_("the first header line is indented as if it continued another one"), CHECK_MESSAGE),
    email.errors.MisplacedEnvelopeHeaderDefect: (
        N_("a mailbox 'From ' line stands among the headers"), CHECK_MESSAGE),
    email.errors.MissingHeaderBodySeparatorDefect: (
        N_("a line among the headers is not a header, so the headers were taken to end there and the rest read as "
           "text"),
        CHECK_MESSAGE),
    email.errors.InvalidMultipartContentTransferEncodingDefect: (
        N_("a multipart declares a transfer encoding multiparts may not have; it was ignored"), CHECK_ATTACHMENTS),
    email.errors.UndecodableBytesDefect: (
        N_("a header holds bytes that are not text in its declared charset"), CHECK_VALUE),
    email.errors.InvalidBase64PaddingDefect: (
        N_("base64-encoded data is wrongly padded; it was decoded as far as possible"), _CUT_SHORT),
    email.errors.InvalidBase64CharactersDefect: (
        N_("base64-encoded data holds characters that are not base64; they were skipped"), _CUT_SHORT),
    email.errors.InvalidBase64LengthDefect: (
        N_("base64-encoded data has an impossible length; its last bytes could not be decoded"), _CUT_SHORT),
    email.errors.HeaderDefect: (N_("a header is malformed"), CHECK_VALUE),
}


def _note_defects(part: EmailMessage, path: str, found: _Reading) -> None:
    for defect in part.defects:
        _, paths = found.defects.setdefault(type(defect), (defect, []))
        if path not in paths:
            paths.append(path)


def _defect_text(kind: type, defect: email.errors.MessageDefect) -> tuple[str, str]:
    for cls in kind.__mro__:
        if cls in _DEFECTS:
            what, action = _DEFECTS[cls]
            return (N_("{what} ({reason})").format(what=what, reason=defect) if str(defect) and cls is not kind
                    else what), action
    malformed = N_("the MIME structure is malformed ({reason})").format(reason=f"{kind.__name__}: {defect}")
    return malformed, CHECK_ATTACHMENTS


# --- a multipart whose declared boundary is not the one its body uses ---------------------

# A line `--X`, X a boundary (RFC 2046: up to 70 of these characters, not ending in a space).
_BOUNDARY_LINE = re.compile(r"^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])[ \t]*\r?$", re.M)


def _recovered_multipart(part: EmailMessage, path: str, found: _Reading) -> EmailMessage | None:
    """The multipart parsed again with the boundary its body uses, as mail clients do,
    when the declared one (a wrong one, one in single quotes, none) is not in it."""
    body = part.get_payload()
    if not isinstance(body, str):
        return None
    declared = part.get_boundary()
    used = _boundary_used(body)
    if used is None or used == declared:
        return None
    subtype = re.match(r"[a-z0-9.+_-]*", part.get_content_subtype()).group() or "mixed"
    parser = email.feedparser.BytesFeedParser(policy=POLICY)
    parser.feed(f'Content-Type: multipart/{subtype}; boundary="{used}"\r\n\r\n'.encode("ascii"))
    parser.feed(body.encode("utf-8", "surrogateescape"))   # the bytes as sent
    recovered = parser.close()
    if not recovered.is_multipart():
        return None
    owner = N_("the message") if not path else N_("MIME part {path}").format(path=path)
    if declared is None:
        what = N_("{owner} is multipart/{subtype} but names no MIME boundary; read with the boundary "
                  "{used} its body uses").format(owner=owner, subtype=subtype, used=repr(used))
    else:
        what = N_("{owner}'s declared MIME boundary {declared} does not match its body; read with the "
                  "boundary {used} the body uses").format(owner=owner, declared=repr(declared), used=repr(used))
    found.problems.append(Problem(what, CHECK_ATTACHMENTS))
    return recovered


def _boundary_used(body: str) -> str | None:
    """The first `--X` line's X that opens two parts, or opens one and closes it with
    `--X--`; not a line of dashes alone, which a text uses as a rule."""
    tokens = _BOUNDARY_LINE.findall(body)
    count = Counter(tokens)
    for token in dict.fromkeys(tokens):
        if any(c.isalnum() for c in token) and (count[token] >= 2 or count[token + "--"]):
            return token
    return None


def _filename(part: EmailMessage, problems: list[Problem]) -> str:
    try:
        name = part.get_filename() or ""
    except Exception as e:
        problems.append(Problem(N_("an attachment's file name could not be decoded ({reason})").format(reason=e),
                                CHECK_ATTACHMENTS))
        name = ""
    return nfc(name).strip()


def _text(part: EmailMessage, problems: list[Problem]) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, email.errors.MessageError, ValueError, TypeError) as e:
        problems.append(Problem(N_("text part in charset {charset} could not be decoded ({reason}); read as UTF-8")
                                .format(charset=repr(part.get_content_charset()), reason=e)))
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


_TAG = re.compile(r"<[^>]+>")


def _strip_html(html: str) -> str:
    # Only used as evidence for province and campaign; the report's text comes from documents.
    return _TAG.sub(" ", html)


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else None
