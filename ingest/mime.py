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
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.policy import EmailPolicy

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
    problems: tuple[str, ...] = field(default=())

    def all_attachments(self) -> tuple[Attachment, ...]:
        """Attachments of the message and of messages forwarded inside it."""
        inner = tuple(a for m in self.forwarded for a in m.all_attachments())
        return self.attachments + inner


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
    problems: list[str] = []
    # Only From and Subject need decoding (RFC 2047); the others are ASCII tokens, read
    # as sent: parsing every header through the registry doubled the time per message.
    raw: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.lower(), " ".join(str(value).split()))
    sender_name, sender = email.utils.parseaddr(_decoded(raw.get("from", ""), msg, "from", problems))
    attachments: list[Attachment] = []
    forwarded: list[MailMessage] = []
    body_parts: list[str] = []
    if walk:
        _walk(msg, path, attachments, forwarded, body_parts, problems)
    return MailMessage(
        message_id=raw.get("message-id", ""),
        sender=sender.strip().lower(),
        sender_name=clean_line(sender_name),
        subject=clean_line(_decoded(raw.get("subject", ""), msg, "subject", problems)),
        date=_date(raw.get("date", "")),
        headers={name: raw[name] for name in CLASSIFYING_HEADERS if name in raw},
        body=nfc("\n".join(body_parts)).replace("\r\n", "\n"),
        attachments=tuple(attachments),
        forwarded=tuple(forwarded),
        problems=tuple(problems),
    )


def _decoded(value: str, msg: EmailMessage, name: str, problems: list[str]) -> str:
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


def _header(msg: EmailMessage, name: str, raw: str, problems: list[str]) -> str:
    try:
        value = msg.get(name)
        return nfc(str(value)) if value is not None else ""
    except Exception as e:  # the email package raises assorted errors on hostile headers
        problems.append(f"header {name} could not be decoded ({type(e).__name__}: {e}); shown as sent")
        return nfc(raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _walk(part: EmailMessage, path: str, attachments, forwarded, body_parts, problems) -> None:
    if part.is_multipart():
        if part.get_content_type() == "message/rfc822":
            for inner in part.get_payload():
                forwarded.append(_read(inner, path=path or "1"))
            return
        for i, sub in enumerate(part.iter_parts(), start=1):
            _walk(sub, f"{path}.{i}" if path else str(i), attachments, forwarded, body_parts, problems)
        return
    ctype = part.get_content_type()
    filename = _filename(part, problems)
    if ctype in ("text/plain", "text/html") and not filename and part.get_content_disposition() != "attachment":
        body_parts.append(_text(part, problems) if ctype == "text/plain" else _strip_html(_text(part, problems)))
        return
    try:
        data = part.get_payload(decode=True) or b""
    except Exception as e:
        problems.append(f"part {path or '1'} could not be decoded ({e})")
        data = b""
    attachments.append(Attachment(part=path or "1", filename=filename, content_type=ctype, data=data))


def _filename(part: EmailMessage, problems: list[str]) -> str:
    try:
        name = part.get_filename() or ""
    except Exception as e:
        problems.append(f"an attachment's file name could not be decoded ({e})")
        name = ""
    return nfc(name).strip()


def _text(part: EmailMessage, problems: list[str]) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, email.errors.MessageError, ValueError, TypeError) as e:
        problems.append(f"text part in charset {part.get_content_charset()!r} could not be decoded ({e}); "
                        "read as UTF-8")
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
