"""The review desk under test: `baocao review` started as a user starts it, on 127.0.0.1 and a
free port, stopped with Ctrl-C; and a store holding a hostile report to show in it."""

from __future__ import annotations

import email.policy
import http.cookiejar
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from docx_builders import FUNDING, STANDARD, Part, build_report, letterhead_of
from mailserver import run_baocao

HOSTILE_FUNDING = 'Kinh phí <script>window.hacked = 1</script> 5 tỷ đồng <img src="x" onerror="window.hacked = 2">'
HOSTILE_SUBJECT = 'Báo cáo 1683/BXD-PTDT <img src=x onerror="window.hacked = 3"> An Giang'
HOSTILE_FILENAME = 'bao cao "An Giang" <b>.docx'
HOSTILE_PROVINCE = "89"     # An Giang


def store_with_hostile_report(ingested_sample: Path, tmp_path: Path) -> Path:
    """A copy of the sample store, plus a report from An Giang whose subject, file name and
    item 4 carry markup and script."""
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    parts = tuple(Part(p.heading, (HOSTILE_FUNDING,)) if p is FUNDING else p for p in STANDARD)
    report = build_report(tmp_path / "an-giang.docx", parts=parts, letterhead=letterhead_of("An Giang", "45/BC-UBND"))
    ingest_mail(store, tmp_path / "box-an-giang", report, sender="ubnd@angiang.gov.vn", subject=HOSTILE_SUBJECT,
                message_id="<hostile@angiang.gov.vn>", filename=HOSTILE_FILENAME,
                body="Kính gửi Bộ Xây dựng <script>window.hacked = 4</script>")
    return store


def ingest_mail(store: Path, box: Path, report: Path, *, sender: str, subject: str, message_id: str,
                filename: str, body: str = "Kính gửi Bộ Xây dựng.") -> None:
    """One e-mail carrying `report` as its attachment, ingested into `store` as the nightly run does."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"] = sender, "baocao.uda@moc.gov.vn"
    m["Subject"], m["Date"] = subject, "Fri, 27 May 2022 10:00:00 +0700"
    m["Message-ID"] = message_id
    m.set_content(body)
    m.add_attachment(report.read_bytes(), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=filename)
    box.mkdir()
    (box / "report.eml").write_bytes(m.as_bytes())
    result = run_baocao("ingest", "--store", str(store), "--from", str(box), "--quiet")
    assert result.returncode == 0, result.stderr


@dataclass
class Desk:
    url: str                   # http://127.0.0.1:PORT/
    process: subprocess.Popen
    store: Path

    def stop(self) -> subprocess.CompletedProcess:
        """Ctrl-C, as a person stops it; what it printed and its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, out, err)

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, errors included."""
        return self.request(path, headers=headers)

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(self.url.rstrip("/") + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=120) as answer:
                return answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()


def start_desk(store: Path, *args: str, env: dict | None = None) -> Desk:
    """`baocao review --store STORE --port 0 ARGS…`, once it prints where it listens; `env`
    adds to the environment it runs in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")} | (env or {})
    process = subprocess.Popen([sys.executable, "-m", "baocao", "review", "--store", str(store), "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if selector.select(timeout=1):
            line = process.stdout.readline()
            if "http://" in line:
                url = line[line.index("http://"):].split()[0]
                return Desk(url, process, store)
        if process.poll() is not None:
            raise AssertionError(f"baocao review exited {process.returncode}: {process.stderr.read()}")
    process.kill()
    raise AssertionError("baocao review printed no address within 60 s")


class Browserless:
    """A client that keeps the session cookie, as a browser does, for the login's rules."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str):
        return self._open(urllib.request.Request(self.url + path))

    def post(self, path: str, fields: dict):
        return self._open(urllib.request.Request(self.url + path, data=urllib.parse.urlencode(fields).encode()))

    def form(self, page: str, action: str) -> dict:
        """The hidden fields of the form posting to `action` on `page`, as a browser sends them."""
        _, body = self.get(page)
        form = re.search(rb'<form method="post" action="' + re.escape(action.encode()) + rb'".*?</form>', body, re.S)
        assert form, f"{page} has no form posting to {action}"
        fields = dict(re.findall(rb'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
        return {k.decode(): v.decode() for k, v in fields.items()}

    def token(self, path: str = "/dang-nhap") -> str:
        """The CSRF token of the first form on the page at `path`."""
        _, body = self.get(path)
        return re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
