"""The review desk as a web server (issue 16): what it answers to any client, before a browser
comes in (tests/test_review_browser.py drives it as a person does)."""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest
from mailserver import run_baocao
from review_desk import HOSTILE_FILENAME, HOSTILE_PROVINCE, Browserless, start_desk, store_with_hostile_report

from baocao.review.security import content_disposition
from baocao.store import Store


@pytest.fixture(scope="module")
def desk(ingested_sample, tmp_path_factory):
    store = store_with_hostile_report(ingested_sample, tmp_path_factory.mktemp("desk"))
    running = start_desk(store)
    yield running
    running.stop()


def _hostile_document(store) -> str:
    s = Store.open_read_only(store)
    try:
        [sha] = {a.attachment.sha256 for a in s.attachments() if a.attachment.filename == HOSTILE_FILENAME}
        return sha
    finally:
        s.close()


def test_the_desk_prints_its_address_and_stops_cleanly_on_ctrl_c(ingested_sample):
    running = start_desk(ingested_sample)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", running.url)
    status, _, body = running.get("/")
    assert status == 200 and "Tổng quan các tỉnh".encode() in body
    stopped = running.stop()
    assert stopped.returncode == 0, stopped.stderr
    assert "Đã dừng" in stopped.stderr and "Traceback" not in stopped.stderr


def test_the_overview_has_a_line_for_each_of_the_63_provinces(desk):
    status, headers, body = desk.get("/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert len(re.findall(rb'<tr class="status-', body)) == 63


def test_every_answer_carries_a_strict_content_security_policy(desk):
    for path in ("/", f"/tinh/{HOSTILE_PROVINCE}", "/khong-co-trang-nay", "/static/desk.css"):
        _, headers, _ = desk.get(path)
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_session_cookie_is_httponly_and_samesite_strict(desk):
    _, headers, _ = desk.get("/")
    cookie = headers["Set-Cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(desk):
    form = urllib.parse.urlencode({"text": "sửa không có mã", "action": "save", "version": ""}).encode()
    for extra in ({}, {"csrf": "doan-bua"}):
        data = form + (b"&" + urllib.parse.urlencode(extra).encode() if extra else b"")
        status, _, body = desk.request("/tinh/17/muc/4", data=data,
                                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 403, body
    assert not (desk.store / "corrections.toml").exists()


def test_the_original_file_is_served_by_its_hash_with_a_safe_name(desk):
    sha = _hostile_document(desk.store)
    status, headers, body = desk.get(f"/tep/{sha}")
    assert status == 200 and hashlib.sha256(body).hexdigest() == sha
    assert headers["Content-Type"] == "application/octet-stream"
    disposition = headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and "<" not in disposition
    assert disposition.count('"') == 2     # the name's own quotes cannot end the header's
    assert urllib.parse.quote(HOSTILE_FILENAME, safe="") in disposition


@pytest.mark.parametrize("path", ["/tep/..%2F..%2Fcatalog.sqlite", "/tep/catalog.sqlite", "/tep/" + "0" * 64,
                                  "/trang/" + "0" * 64 + "/1.png", "/tep/%2Fetc%2Fpasswd"])
def test_nothing_but_a_stored_document_is_served_from_the_store(desk, path):
    status, _, body = desk.get(path)
    assert status == 404 and b"SQLite" not in body and b"root:" not in body


def test_a_documents_page_is_served_as_an_image(desk):
    status, headers, body = desk.get(f"/trang/{_hostile_document(desk.store)}/1.png")
    assert status == 200 and headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")


def test_the_name_given_in_a_download_loses_its_path_and_control_characters():
    header = content_disposition('..\\..\\etc/"báo cáo"\r\nX-Evil: 1.docx')
    assert "\r" not in header and "\n" not in header and "/" not in header.split("filename*=")[0]
    assert header.startswith('attachment; filename="bao_cao_X-Evil_1.docx"')


def test_the_desk_refuses_another_address_without_a_users_file(ingested_sample):
    result = run_baocao("review", "--store", str(ingested_sample), "--host", "0.0.0.0", "--port", "0", timeout=60)
    assert result.returncode == 3
    assert "refusing to listen on 0.0.0.0" in result.stderr and "baocao user add" in result.stderr


def test_require_login_without_a_user_is_refused(ingested_sample):
    result = run_baocao("review", "--store", str(ingested_sample), "--require-login", "--port", "0", timeout=60)
    assert result.returncode == 3 and "baocao user add" in result.stderr


@pytest.mark.parametrize("name, starts", [("bang-tong-hop.xlsx", b"PK"), ("bao-cao.docx", b"PK")])
def test_the_table_and_the_report_download_as_they_stand(desk, name, starts):
    status, headers, body = desk.get(f"/tai/{name}")
    assert status == 200 and body.startswith(starts)
    assert headers["Content-Disposition"].startswith(f'attachment; filename="{name}"')


def test_only_the_named_downloads_are_made(desk):
    assert desk.get("/tai/..%2Fcatalog.sqlite")[0] == 404
    assert desk.get("/tai/bao-cao.html")[0] == 404


@pytest.fixture(scope="module")
def desk_with_login(ingested_sample, tmp_path_factory):
    store = tmp_path_factory.mktemp("login") / "kho"
    shutil.copytree(ingested_sample, store)
    for name, role in (("lan.nt", "analyst"), ("minh.vt", "clerk")):
        (store.parent / "pass").write_text(f"mat-khau-cua-{name}\n", encoding="utf-8")
        added = run_baocao("user", "add", "--store", str(store), name, "--role", role,
                           "--password-file", str(store.parent / "pass"))
        assert added.returncode == 0, added.stderr
    running = start_desk(store, "--require-login")
    yield running
    running.stop()


def test_every_page_asks_for_a_login_first(desk_with_login):
    client = Browserless(desk_with_login.url)
    for path in ("/", "/tinh/17", "/tai/bang-tong-hop.xlsx"):
        status, body = client.get(path)
        assert "Đăng nhập".encode() in body and b"<table" not in body, path
    assert client.post("/tinh/17/muc/4", {"csrf": client.token(), "text": "x", "version": ""})[0] == 401
    assert not (desk_with_login.store / "corrections.toml").exists()


def test_a_clerk_reads_but_does_not_correct(desk_with_login):
    client = Browserless(desk_with_login.url)
    status, _ = client.post("/dang-nhap", {"csrf": client.token(), "name": "minh.vt",
                                           "password": "mat-khau-cua-minh.vt", "next": "/"})
    assert status == 200
    status, body = client.get("/tinh/17")
    assert status == 200 and "Hòa Bình".encode() in body
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    status, body = client.post("/tinh/17/muc/4", {"csrf": token, "text": "văn thư sửa", "version": ""})
    assert status == 403 and "cần vai trò Chuyên viên tổng hợp hoặc Người rà soát".encode() in body
    assert not (desk_with_login.store / "corrections.toml").exists()


def test_login_attempts_are_limited(desk_with_login):
    client = Browserless(desk_with_login.url)
    token = client.token()
    answers = [client.post("/dang-nhap", {"csrf": token, "name": "lan.nt", "password": f"sai-{n}", "next": "/"})[0]
               for n in range(6)]
    assert answers == [401] * 5 + [429]
    right = client.post("/dang-nhap", {"csrf": token, "name": "lan.nt", "password": "mat-khau-cua-lan.nt"})
    assert right[0] == 429     # even the right password waits: the limit is on the address


def test_a_login_outlives_a_restart_of_the_desk_and_a_new_key_ends_it(ingested_sample, tmp_path):
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    (tmp_path / "pass").write_text("mat-khau-cua-lan.nt\n", encoding="utf-8")
    assert run_baocao("user", "add", "--store", str(store), "lan.nt", "--role", "analyst",
                      "--password-file", str(tmp_path / "pass")).returncode == 0
    client = Browserless("http://127.0.0.1/")

    def restarted(client: Browserless):
        running = start_desk(store, "--require-login")
        client.url = running.url.rstrip("/")      # another port; the browser keeps its cookie for 127.0.0.1
        return running

    running = restarted(client)
    assert client.post("/dang-nhap", {"csrf": client.token(), "name": "lan.nt", "password": "mat-khau-cua-lan.nt",
                                      "next": "/"})[0] == 200
    first = running.stop()
    key = store / "session.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.read_text(encoding="ascii").strip() not in first.stdout + first.stderr

    running = restarted(client)
    try:
        status, body = client.get("/tinh/17")
        assert status == 200 and "Hòa Bình".encode() in body and b"lan.nt" in body    # still logged in
    finally:
        running.stop()

    key.write_text(secrets.token_urlsafe(32) + "\n", encoding="ascii")
    running = restarted(client)
    try:
        status, body = client.get("/tinh/17")
        assert "Đăng nhập".encode() in body and "Hòa Bình".encode() not in body        # the old cookie is void
    finally:
        running.stop()
