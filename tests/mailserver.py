"""Test helpers: a real Dovecot on 127.0.0.1, the sample mailbox, the CLI in its own process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient

ROOT = Path(__file__).resolve().parent.parent
MAILBOX = ROOT / "fixtures" / "mailbox"
DOVECOT = Path(__file__).resolve().parent / "dovecot"
IMAP_USER, IMAP_PASSWORD = "baocao", "Mat-khau 1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Dovecot:
    dir: Path
    port: int
    imaps_port: int = 0       # 0: no implicit-TLS listener
    user: str = IMAP_USER
    password: str = IMAP_PASSWORD
    host: str = "127.0.0.1"
    timeout: float = 30

    def client(self) -> IMAPClient:
        c = IMAPClient(self.host, port=self.port, ssl=False, timeout=self.timeout)
        c.login(self.user, self.password)
        return c

    def start(self) -> None:
        # Output to a file, not a pipe: the daemon inherits it and a pipe would never close.
        log = self.dir / "start.log"
        with log.open("w") as out:
            done = subprocess.run(["bash", str(DOVECOT / "start.sh"), str(self.dir), str(self.port), self.user,
                                   self.password], stdout=out, stderr=subprocess.STDOUT, timeout=60,
                                  env={**os.environ, "IMAPS_PORT": str(self.imaps_port)})
        if done.returncode != 0:
            raise RuntimeError(f"Dovecot did not start: {log.read_text()}")

    @property
    def ca_file(self) -> Path:
        """The server's self-signed certificate (CN=localhost, SAN 127.0.0.1): its own CA."""
        return self.dir / "tls" / "cert.pem"

    def stop(self) -> None:
        # Open connections end at once, as in a crash or a reboot of the server; else
        # the master waits for its imap processes to finish serving them.
        subprocess.run(["pkill", "-KILL", "-f", f"^dovecot-test-{self.port}/imap"], check=False)
        subprocess.run(["bash", str(DOVECOT / "stop.sh"), str(self.dir)], check=True, stdout=subprocess.DEVNULL,
                       timeout=60)





def manifest() -> list[dict]:
    return json.loads((MAILBOX / "manifest.json").read_text(encoding="utf-8"))


def append_mailbox(server: Dovecot, folder: str, entries: list[dict] | None = None) -> None:
    """APPEND the sample messages with the INTERNALDATE the ministry's server gave them."""
    with server.client() as c:
        if not c.folder_exists(folder):
            c.create_folder(folder)
        for entry in entries if entries is not None else manifest():
            raw = (MAILBOX / entry["file"]).read_bytes()
            c.append(folder, raw, flags=(), msg_time=datetime.fromisoformat(entry["internaldate"]))


def run_baocao(*args: str, env: dict | None = None, cwd: Path | None = None, timeout: float = 300):
    """The CLI as a user runs it, in its own process. In English unless env says otherwise
    (BAOCAO_LANG): the tests of each feature read its English texts; tests/test_messages_vi.py
    pins the Vietnamese that people see by default."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")} | {"BAOCAO_LANG": "en"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=timeout)


def imap_args(server: Dovecot, folder: str) -> list[str]:
    return ["--imap-host", server.host, "--imap-port", str(server.port), "--imap-user", server.user,
            "--imap-tls", "none", "--imap-folder", folder]


def filler_message(i: int, attachment_bytes: int = 40_000, seed: int = 0) -> bytes:
    """A message that is not a report: a photo from a conference, say."""
    import email.policy
    import email.utils
    import random
    from email.message import EmailMessage

    rng = random.Random(seed * 1_000_003 + i)
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = f"Văn phòng {i} <vanphong{i}@example.test>"
    m["To"] = "baocao.uda@moc.gov.vn"
    m["Subject"] = f"Ảnh hội nghị số {i}"
    m["Date"] = email.utils.formatdate(1653000000 + i * 60, localtime=False)
    m["Message-ID"] = f"<filler-{seed}-{i}@example.test>"
    m.set_content("Kính gửi Văn phòng Bộ: xin gửi ảnh hội nghị.\n")
    m.add_attachment(rng.randbytes(attachment_bytes), maintype="image", subtype="jpeg", filename=f"anh-{i}.jpg")
    return m.as_bytes()


def append_raw(server: Dovecot, folder: str, messages: list[bytes]) -> None:
    with server.client() as c:
        if not c.folder_exists(folder):
            c.create_folder(folder)
        for raw in messages:
            c.append(folder, raw, flags=())


def give_uid_to_new_mail(server: Dovecot, folder: str, uid: int, raw: bytes) -> None:
    """Make Dovecot do what some servers do (GNU mailutils' imap4d, paperless-ngx #8939):
    the message at `uid` is gone and new mail takes that same UID, UIDVALIDITY unchanged.
    Dovecot never does it on its own; its Maildir's UID list is edited to that state and
    its index dropped, so it serves exactly that."""
    maildir = server.dir / "mail" / server.user / "Maildir" / f".{folder}"
    head, *lines = (maildir / "dovecot-uidlist").read_text().splitlines()
    numbered = {int(line.split(" ", 1)[0]): line for line in lines}
    old_name = numbered[uid].split(":", 1)[1].split(",", 1)[0]
    for sub in ("cur", "new"):
        for f in (maildir / sub).glob(old_name + "*"):
            f.unlink()
    new_name = f"{int(time.time())}.M{uid}P{os.getpid()}.reused"
    (maildir / "cur" / f"{new_name}:2,").write_bytes(raw)
    numbered[uid] = f"{uid} :{new_name}"
    (maildir / "dovecot-uidlist").write_text("\n".join([head, *(numbered[u] for u in sorted(numbered))]) + "\n")
    for index in maildir.glob("dovecot.index*"):
        index.unlink()


def catalogue(store: Path) -> dict:
    """What a store holds, for comparing two stores: messages, where seen, attachments."""
    from catalogue_surgery import integrity

    from baocao.store import ReadOnlyCatalogue

    stored = ReadOnlyCatalogue(store)
    try:
        messages = stored.messages()
        return {
            "messages": sorted((m.sha256, m.message_id, m.kind, m.province_code, m.duplicate_of) for m in messages),
            "locations": sorted((p.key, p.sha256) for p in stored.locations()),
            "attachments": sorted((a.message_sha256, a.attachment.part, a.attachment.sha256)
                                  for a in stored.attachments()),
            "unanalysed": sum(m.analysed_at is None for m in messages),
            "integrity": integrity(store),
        }
    finally:
        stored.close()


def objects_intact(store: Path) -> bool:
    """Every catalogued message and attachment is on disk under its own hash."""
    import hashlib

    from baocao.store import ReadOnlyCatalogue

    stored = ReadOnlyCatalogue(store)
    shas = {m.sha256 for m in stored.messages()} | {a.attachment.sha256 for a in stored.attachments()
                                                    if a.attachment.stored}
    stored.close()
    return all(hashlib.sha256((store / "objects" / s[:2] / s).read_bytes()).hexdigest() == s for s in shas)
