"""Fetching new messages from one IMAP folder with imapclient.

The folder is opened read-only and bodies are fetched with BODY.PEEK[], so the clerk's
mail client still shows the mail as unread. Only UIDs above the last one stored are
fetched; a changed UIDVALIDITY means the server renumbered, so everything is fetched
again and deduplicated by content."""

from __future__ import annotations

import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from typing import Callable, Iterator

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from baocao.ingest.sources import RawMessage
from baocao.store import FolderState

TLS_MODES = ("ssl", "starttls", "none")


class ImapError(Exception):
    """The server could not be reached, refused the login or the folder."""


class ConfigError(Exception):
    """The IMAP settings are incomplete or unsafe."""


@dataclass(frozen=True)
class ImapSettings:
    host: str
    user: str
    password: str = field(repr=False)
    port: int | None = None
    folder: str = "INBOX"
    tls: str = "ssl"
    ca_file: str | None = None
    timeout: float = 60.0
    batch_size: int = 50

    @property
    def effective_port(self) -> int:
        return self.port or (993 if self.tls == "ssl" else 143)

    @property
    def source(self) -> str:
        return f"imap://{self.user}@{self.host}:{self.effective_port}/{self.folder}"

    def check(self) -> None:
        if self.tls not in TLS_MODES:
            raise ConfigError(f"--imap-tls must be one of {', '.join(TLS_MODES)}, not {self.tls!r}")
        if self.tls == "none" and not is_loopback(self.host):
            raise ConfigError(
                f"--imap-tls none would send the password in clear text to {self.host}; "
                "it is allowed only for a loopback address (127.0.0.1, localhost): use ssl or starttls"
            )
        if not self.password:
            raise ConfigError(
                "no IMAP password: put it in a file named by --imap-password-file or in BAOCAO_IMAP_PASSWORD"
            )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect(settings: ImapSettings) -> imapclient.IMAPClient:
    settings.check()
    context = ssl.create_default_context(cafile=settings.ca_file) if settings.tls != "none" else None
    where = f"{settings.host}:{settings.effective_port}"
    try:
        client = imapclient.IMAPClient(
            settings.host, port=settings.effective_port, ssl=settings.tls == "ssl",
            ssl_context=context, timeout=settings.timeout,
        )
        if settings.tls == "starttls":
            client.starttls(context)
    except ssl.SSLError as e:
        raise ImapError(f"TLS with {where} failed ({e}): if the server uses a private CA, give it with --imap-ca-file")
    except (OSError, IMAPClientError) as e:
        raise ImapError(f"cannot connect to IMAP server {where} ({e}): check --imap-host, --imap-port and the network")
    client.normalise_times = False  # keep INTERNALDATE's own offset: it decides on time or late
    try:
        client.login(settings.user, settings.password)
    except LoginError:
        raise ImapError(
            f"IMAP server {where} refused the login of {settings.user}: check the user and the password "
            "(--imap-password-file or BAOCAO_IMAP_PASSWORD)"
        )
    except (OSError, IMAPClientError) as e:
        raise ImapError(f"IMAP login to {where} failed ({e}): try again later")
    return client


def imap_messages(
    settings: ImapSettings,
    state: FolderState | None,
    on_folder: Callable[[int, int], None] = lambda uidvalidity, count: None,
) -> Iterator[RawMessage]:
    """New messages of the folder, oldest UID first, in batches."""
    client = connect(settings)
    try:
        try:
            selected = client.select_folder(settings.folder, readonly=True)
        except IMAPClientError as e:
            raise ImapError(f"cannot open folder {settings.folder!r} on {settings.host} ({e}): check --imap-folder")
        uidvalidity = int(selected[b"UIDVALIDITY"])
        last_uid = state.last_uid if state and state.uidvalidity == uidvalidity else 0
        uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        on_folder(uidvalidity, len(uids))
        for start in range(0, len(uids), settings.batch_size):
            batch = uids[start:start + settings.batch_size]
            try:
                fetched = client.fetch(batch, [b"BODY.PEEK[]", b"INTERNALDATE"])
            except (OSError, IMAPClientError, socket.timeout) as e:
                raise ImapError(f"fetching from {settings.host} failed ({e}): run again; what was stored is kept")
            for uid in batch:
                data = fetched.get(uid)
                if data is None or b"BODY[]" not in data:
                    continue  # expunged meanwhile: it will not come back under this UID
                yield RawMessage(
                    source=settings.source, key=f"{uidvalidity}:{uid}", raw=data[b"BODY[]"],
                    received_at=data.get(b"INTERNALDATE"), uidvalidity=uidvalidity, uid=uid,
                )
    finally:
        try:
            client.logout()
        except (OSError, IMAPClientError):
            pass  # the connection is already gone; nothing to close
