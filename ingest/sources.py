"""Where raw messages come from: an IMAP folder (ingest/imap.py) or, for the sample
mailbox and for mail exported by hand, a folder of .eml files, a Maildir or an mbox."""

from __future__ import annotations

import mailbox
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator


class SourceError(Exception):
    """The message source named on the command line cannot be read."""


@dataclass(frozen=True)
class RawMessage:
    source: str                 # imap://user@host:port/folder or file:///path
    key: str                    # UIDVALIDITY:UID, or the message's name inside the source
    raw: bytes
    received_at: datetime | None  # the server's INTERNALDATE; None: take the Date header
    uidvalidity: int | None = None
    uid: int | None = None


def file_messages(path: Path) -> Iterator[RawMessage]:
    """A Maildir (cur/ new/), a folder of .eml files, or an mbox file."""
    path = Path(path)
    source = path.resolve().as_uri()
    if path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir():
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.keys()):
            yield RawMessage(source, key, box.get_bytes(key), None)
    elif path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
        if not files:
            raise SourceError(f"{path} holds no .eml files and is not a Maildir: name a folder of .eml files, a Maildir or an mbox file")
        for f in files:
            yield RawMessage(source, f.name, f.read_bytes(), None)
    elif path.is_file():
        with path.open("rb") as fh:
            if not fh.read(5) == b"From ":
                raise SourceError(f"{path} is not an mbox file (it does not start with 'From '): name a folder of .eml files, a Maildir or an mbox file")
        box = mailbox.mbox(path, create=False)
        for key in box.keys():
            yield RawMessage(source, str(key), box.get_bytes(key), None)
    else:
        raise SourceError(f"{path} does not exist: name a folder of .eml files, a Maildir or an mbox file")
