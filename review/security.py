"""What keeps the desk safe with hostile text in every report: a strict Content-Security-Policy
and its companions on every answer, a CSRF token on every form, downloads that never let a
sender's file name choose a path or a header."""

from __future__ import annotations

import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path
from urllib.parse import quote

from starlette.datastructures import MutableHeaders
from starlette.requests import Request

# No inline script or style at all: a <script> that slipped through escaping would not run.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CSRF_FIELD = "csrf"
SESSION_KEY_FILE = "session.key"    # in the store, private to its owner like users.toml
SHA256 = re.compile(r"[0-9a-f]{64}")


class SecurityHeaders:
    """ASGI middleware: SECURITY_HEADERS on every HTTP answer, whichever route made it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def csrf_token(request: Request) -> str:
    """The session's token, made on its first page: every form carries it back."""
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = request.session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


def csrf_ok(request: Request, sent: object) -> bool:
    expected = request.session.get(CSRF_FIELD)
    return bool(expected) and isinstance(sent, str) and hmac.compare_digest(expected, sent)


def content_disposition(filename: str) -> str:
    """`attachment` with the sender's name made harmless: an ASCII fallback of letters, digits,
    dots, dashes and underscores, and the name itself percent-encoded (RFC 6266) without
    any path part or control character."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip(" .") or "tep"
    bare = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", "".join(c for c in bare if not unicodedata.combining(c)))
    return f"attachment; filename=\"{fallback.strip('_') or 'tep'}\"; filename*=UTF-8''{quote(name, safe='')}"


def session_key(store_root: Path) -> str:
    """The key that signs the desk's session cookies: made once and kept in the store, so a
    restart of the desk logs nobody out; replacing or removing the file logs everybody out.
    Private to the store's owner (0600), never printed."""
    path = Path(store_root) / SESSION_KEY_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if len(key) >= 32:
        return key
    made = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(made, "w", encoding="ascii", opener=lambda p, flags: os.open(p, flags, 0o600)) as out:
        out.write(secrets.token_urlsafe(32) + "\n")
        out.flush()
        os.fsync(out.fileno())
    try:
        if key:
            os.replace(made, path)   # a damaged (empty, cut) key is replaced
        else:
            os.link(made, path)      # two desks starting at once keep the first one's key
    except FileExistsError:
        pass
    finally:
        made.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()
