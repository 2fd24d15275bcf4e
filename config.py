"""Options from a baocao.toml and the environment, so the clerk's cron line stays short
and the password stays off the command line.

Precedence, highest first: the command line, BAOCAO_* variables, the config file
(`--config FILE`, else BAOCAO_CONFIG, else ./baocao.toml), the built-in default."""

from __future__ import annotations

import ipaddress
import os
import tomllib
from pathlib import Path

from baocao.i18n import N_

DEFAULT_CONFIG = "baocao.toml"
# Keys whose relative paths are taken relative to the config file, not the cwd.
PATH_KEYS = {"store", "campaign", "from_path", "imap_password_file", "imap_ca_file", "out", "templates"}


class ConfigFileError(Exception):
    pass


def config_path(given: Path | None) -> Path | None:
    if given is not None:
        return given
    if os.environ.get("BAOCAO_CONFIG"):
        return Path(os.environ["BAOCAO_CONFIG"])
    local = Path(DEFAULT_CONFIG)
    return local if local.is_file() else None


def load_config(path: Path | None) -> dict[str, dict]:
    """Flat settings for every command: {"store": ..., "imap_host": ...}. A table
    [imap] gives imap_* keys; tables named after commands ([ingest]) override."""
    if path is None:
        return {}
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigFileError(N_("config file {path} not found").format(path=path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigFileError(N_("config file {path} is not valid TOML: {reason}").format(path=path, reason=e)) from e
    if "imap_password" in data or "password" in data.get("imap", {}):
        raise ConfigFileError(
            N_("config file {path} holds a password: put it in its own file (imap.password_file) "
               "or in BAOCAO_IMAP_PASSWORD").format(path=path)
        )
    base = Path(path).parent
    flat: dict[str, object] = {}
    per_command: dict[str, dict] = {}
    for key, value in data.items():
        if key == "imap" and isinstance(value, dict):
            flat.update({f"imap_{k}": v for k, v in value.items()})
        elif isinstance(value, dict):
            per_command[key] = {k.replace("-", "_"): v for k, v in value.items()}
        else:
            flat[key.replace("-", "_")] = value
    if "from" in flat:
        flat["from_path"] = flat.pop("from")
    if "imap_folders" in flat:
        flat["imap_folder"] = flat.pop("imap_folders")
    if isinstance(flat.get("imap_folder"), str):     # folder = "INBOX", or a list of folders
        flat["imap_folder"] = [flat["imap_folder"]]
    resolved = {k: _resolve(k, v, base) for k, v in flat.items()}
    return {"*": resolved} | {c: {k: _resolve(k, v, base) for k, v in opts.items()} for c, opts in per_command.items()}


def _resolve(key: str, value, base: Path):
    if key in PATH_KEYS and isinstance(value, str) and not Path(value).is_absolute():
        return str(base / value)
    return value


def read_password(password_file: Path | None, variable: str = "BAOCAO_IMAP_PASSWORD",
                  credential: str = "imap-password", what: str = "IMAP") -> str:
    """From the file if named, else from the variable, else from the systemd credential
    of that name (LoadCredential=, read from $CREDENTIALS_DIRECTORY: the unit's own copy,
    readable by the service's user only); never from argv."""
    if password_file is not None:
        try:
            return Path(password_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as e:
            raise ConfigFileError(N_("cannot read the {what} password file {path}: {reason}").format(
                what=what, path=password_file, reason=e.strerror)) from e
    if os.environ.get(variable):
        return os.environ[variable]
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / credential).is_file():
        try:
            return (Path(credentials) / credential).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as e:
            raise ConfigFileError(N_("cannot read the systemd credential {credential} ({reason}): check "
                                     "LoadCredential= in the unit").format(credential=credential,
                                                                             reason=e.strerror)) from e
    return ""


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (127.0.0.0/8, ::1 or the name localhost):
    the one place a password may travel without TLS, and the desk may run without logins."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
