"""Sending a message through the ministry's SMTP server (the clerk's digest), with the
standard library's smtplib and TLS as for IMAP: verified certificates, a private CA
by file, clear text only to a loopback address."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage

from baocao.config import is_loopback
from baocao.i18n import N_

SMTP_TLS_MODES = ("starttls", "ssl", "none")


class SmtpError(Exception):
    """The message could not be handed to the server: which server, why, what to check."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int | None = None
    user: str | None = None
    password: str = field(default="", repr=False)
    tls: str = "starttls"
    ca_file: str | None = None
    timeout: float = 60.0

    @property
    def effective_port(self) -> int:
        return self.port or {"ssl": 465, "starttls": 587}.get(self.tls, 25)

    def check(self) -> None:
        if self.tls not in SMTP_TLS_MODES:
            raise SmtpError(N_("--smtp-tls must be one of {modes}, not {tls}").format(
                modes=", ".join(SMTP_TLS_MODES), tls=repr(self.tls)))
        if self.tls == "none" and not is_loopback(self.host) and self.user:
            raise SmtpError(N_("--smtp-tls none would send the password in clear text to {host}; "
                               "it is allowed only for a loopback address: use starttls or ssl").format(host=self.host))
        if self.user and not self.password:
            raise SmtpError(N_("no SMTP password for --smtp-user: put it in a file named by --smtp-password-file "
                               "or in BAOCAO_SMTP_PASSWORD"))


def send(message: EmailMessage, settings: SmtpSettings) -> None:
    settings.check()
    where = f"{settings.host}:{settings.effective_port}"
    context = ssl.create_default_context(cafile=settings.ca_file) if settings.tls != "none" else None
    try:
        if settings.tls == "ssl":
            server = smtplib.SMTP_SSL(settings.host, settings.effective_port, timeout=settings.timeout,
                                      context=context)
        else:
            server = smtplib.SMTP(settings.host, settings.effective_port, timeout=settings.timeout)
        with server:
            if settings.tls == "starttls":
                server.starttls(context=context)
            if settings.user:
                server.login(settings.user, settings.password)
            server.send_message(message)
    except smtplib.SMTPAuthenticationError as e:
        raise SmtpError(N_("SMTP server {server} refused the login of {user} ({code}): check the user and the "
                           "password (--smtp-password-file or BAOCAO_SMTP_PASSWORD)").format(
                               server=where, user=settings.user, code=e.smtp_code)) from e
    except smtplib.SMTPRecipientsRefused as e:
        raise SmtpError(N_("SMTP server {server} refused the address {addresses}: check --mail-to").format(
            server=where, addresses=", ".join(e.recipients))) from e
    except ssl.SSLError as e:
        raise SmtpError(N_("TLS with {server} failed ({reason}): if the server uses a private CA, give it with "
                           "--smtp-ca-file").format(server=where, reason=e)) from e
    except (smtplib.SMTPException, OSError) as e:
        raise SmtpError(N_("cannot send through SMTP server {server} ({reason}): check --smtp-host, --smtp-port, "
                           "--smtp-tls and the network").format(server=where, reason=e)) from e
