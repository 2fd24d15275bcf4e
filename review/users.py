"""Who may use the desk: the store's users.toml, written by `baocao user add`.

    [[user]]
    name = "lan.nt"
    role = "analyst"          # clerk | analyst | reviewer
    password = "scrypt$16384$8$1$<salt>$<hash>"

Passwords are kept as scrypt hashes (hashlib.scrypt, a memory-hard function in the standard
library); the file is private to its owner like the rest of the store."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from baocao.i18n import N_
from baocao.review.rights import ROLES, may

FILE_NAME = "users.toml"
_N, _R, _P = 2 ** 14, 8, 1   # scrypt's cost: ~50 ms and 16 MB per check on this kind of machine


class UsersError(Exception):
    pass


@dataclass(frozen=True)
class User:
    name: str
    role: str
    password: str = ""   # the scrypt hash

    def may(self, action: str) -> bool:
        """Whether the user's role has that right (rights.RIGHTS)."""
        return may(self.role, action)


def users_path(store_root: Path) -> Path:
    return Path(store_root) / FILE_NAME


def load_users(path: Path) -> dict[str, User]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsersError(N_("{path} is not valid TOML ({reason}): fix it or remove it and add the users again").format(
            path=path, reason=e)) from e
    users = {}
    for n, entry in enumerate(data.get("user", []), start=1):
        name, role, password = (str(entry.get(k, "")) for k in ("name", "role", "password"))
        if not name or role not in ROLES or not password.startswith("scrypt$"):
            raise UsersError(N_("{path}, [[user]] number {n}: give name, role ({roles}) and a password made by "
                                "`baocao user add`").format(path=path, n=n, roles=", ".join(ROLES)))
        users[name] = User(name, role, password)
    return users


def add_user(path: Path, name: str, role: str, password: str) -> User:
    """Add a user, or give an existing one a new role and password."""
    name = name.strip()
    if not name or any(c.isspace() for c in name):
        raise UsersError(N_("{name} cannot be a user name: give one word, e.g. lan.nt").format(name=repr(name)))
    if role not in ROLES:
        raise UsersError(N_("{role} is not a role: give one of {roles}").format(
            role=repr(role), roles=", ".join(ROLES)))
    if len(password) < 10:
        raise UsersError(N_("the password is too short: give at least 10 characters"))
    load_users(path)   # a damaged file is said, not overwritten
    document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    entries = document.get("user")
    if entries is None:
        document.append("user", tomlkit.aot())
        entries = document["user"]
    user = User(name, role, hash_password(password))
    for entry in entries:
        if entry.get("name") == name:
            entry["role"], entry["password"] = role, user.password
            break
    else:
        entries.append({"name": name, "role": role, "password": user.password})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", opener=lambda p, flags: os.open(p, flags, 0o600)) as out:
        out.write(tomlkit.dumps(document))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return user


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def check_password(user: User | None, password: str) -> bool:
    """Whether the password is the user's. An unknown name costs the same scrypt, so the time
    taken does not say which names exist."""
    try:
        _, n, r, p, salt, digest = (user.password if user else _DUMMY).split("$")
        found = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(_unb64(digest)))
    except ValueError:
        return False
    return user is not None and hmac.compare_digest(found, _unb64(digest))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


_DUMMY = hash_password(secrets.token_urlsafe(16))   # checked against when the name is unknown
