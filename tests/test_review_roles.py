"""Who may do what at the desk (issue 16; the table is review/rights.py): the clerk reads and
sorts the mail (assigns a message to a province, sets one aside as no report); the analyst
also corrects items and the funding figure and marks them checked; the reviewer has all of
the analyst's rights. A forbidden action answers 403 naming the role it needs, changes
nothing, and its button is not on the page."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest
from mailserver import run_baocao
from review_desk import Browserless, start_desk

PASSWORD = "mat-khau-dai-{}"
USERS = {"clerk": "minh.vt", "analyst": "lan.nt", "reviewer": "hung.pv"}
# Each role works on a province of its own whose item 1 is still to check.
PROVINCE = {"clerk": "17", "analyst": "31", "reviewer": "64"}
CORRECTORS = "Chuyên viên tổng hợp hoặc Người rà soát"


@pytest.fixture(scope="module")
def desk(ingested_sample, tmp_path_factory):
    root = tmp_path_factory.mktemp("roles")
    store = root / "kho"
    shutil.copytree(ingested_sample, store)
    for role, name in USERS.items():
        (root / "pass").write_text(PASSWORD.format(name) + "\n", encoding="utf-8")
        added = run_baocao("user", "add", "--store", str(store), name, "--role", role,
                           "--password-file", str(root / "pass"))
        assert added.returncode == 0, added.stderr
    running = start_desk(store, "--require-login")
    yield running
    running.stop()


def logged_in(desk, role: str) -> Browserless:
    client = Browserless(desk.url)
    name = USERS[role]
    status, _ = client.post("/dang-nhap", {"csrf": client.token(), "name": name, "password": PASSWORD.format(name),
                                           "next": "/"})
    assert status == 200
    return client


def entries_by(desk, role: str) -> list[tuple[str, str]]:
    """(table, what) of each corrections.toml entry the role's user wrote."""
    path = desk.store / "corrections.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return [(table, e.get("field") or e.get("kind") or "province") for table in ("correction", "message")
            for e in data.get(table, []) if e["by"] == USERS[role]]


def buttons(body: bytes) -> set[str]:
    return {b.decode() for b in re.findall(rb"<button[^>]*>([^<]+)</button>", body)}


def test_a_clerk_reads_assigns_and_sets_aside_messages_but_corrects_and_checks_nothing(desk):
    clerk, code = logged_in(desk, "clerk"), PROVINCE["clerk"]
    status, body = clerk.get(f"/tinh/{code}")
    assert status == 200 and "Cần kiểm tra".encode() in body
    assert buttons(body) == {"Gán", "Không phải báo cáo", "Đăng xuất"}     # no Lưu, no Đã kiểm tra
    assert body.count(b" readonly>") == 7                                 # six items and the funding figure
    for path, fields in ((f"/tinh/{code}/muc/1", {"text": "văn thư sửa", "action": "save"}),
                         (f"/tinh/{code}/muc/1", {"action": "checked"}),
                         (f"/tinh/{code}/kinh-phi", {"amount": "42,5", "action": "save"}),
                         (f"/tinh/{code}/kinh-phi", {"action": "checked"})):
        form = clerk.form(f"/tinh/{code}", path)
        status, body = clerk.post(path, {**form, **fields})
        assert status == 403, (path, fields)
        assert "Vai trò Văn thư không được".encode() in body and CORRECTORS.encode() in body
    assert entries_by(desk, "clerk") == []
    sorts_the_mail(desk, clerk, "clerk")


@pytest.mark.parametrize("role", ["analyst", "reviewer"])
def test_an_analyst_and_a_reviewer_also_correct_and_check(desk, role):
    client, code = logged_in(desk, role), PROVINCE[role]
    status, body = client.get(f"/tinh/{code}")
    assert status == 200 and b" readonly>" not in body
    assert buttons(body) == {"Lưu", "Đã kiểm tra", "Gán", "Không phải báo cáo", "Đăng xuất"}
    for path, fields in ((f"/tinh/{code}/muc/1", {"text": f"{role} sửa mục 1", "action": "save"}),
                         (f"/tinh/{code}/muc/1", {"action": "checked"}),
                         (f"/tinh/{code}/kinh-phi", {"amount": "42,5", "action": "save"}),
                         (f"/tinh/{code}/kinh-phi", {"action": "checked"})):
        status, body = client.post(path, {**client.form(f"/tinh/{code}", path), **fields})
        assert status == 200, (path, fields, body[:300])
    assert entries_by(desk, role) == [("correction", "section_1"), ("correction", "section_1_review"),
                                      ("correction", "funding_vnd"), ("correction", "funding_review")]
    sorts_the_mail(desk, client, role)


def sorts_the_mail(desk, client: Browserless, role: str) -> None:
    """The role assigns its province's report to the province, then sets it aside: both kept."""
    code = PROVINCE[role]
    before = entries_by(desk, role)
    _, body = client.get(f"/tinh/{code}")
    [sha] = {s.decode() for s in re.findall(rb'action="/thu/([0-9a-f]{64})/gan"', body)}
    for change, fields in (("gan", {"province": code}), ("khong-phai-bao-cao", {})):
        action = f"/thu/{sha}/{change}"
        status, _ = client.post(action, {**client.form(f"/tinh/{code}", action), **fields})
        assert status == 200, action
    assert entries_by(desk, role)[len(before):] == [("message", "province"), ("message", "not_report")]


def test_a_damaged_users_file_is_said_and_lets_nobody_in(ingested_sample, tmp_path):
    """users.toml broken by a hand edit while the desk runs: a page naming the file and what
    to do, in Vietnamese, and at the desk's terminal; no 500, no one let in."""
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    (tmp_path / "pass").write_text(PASSWORD.format("lan.nt") + "\n", encoding="utf-8")
    assert run_baocao("user", "add", "--store", str(store), "lan.nt", "--role", "analyst",
                      "--password-file", str(tmp_path / "pass")).returncode == 0
    running = start_desk(store, "--require-login", env={"BAOCAO_LANG": "vi"})
    try:
        client = logged_in(running, "analyst")
        (store / "users.toml").write_text("[[user]\nname = ", encoding="utf-8")
        status, body = client.get("/tinh/17")
    finally:
        said = running.stop().stderr
    page = body.decode()
    assert status == 409 and "Chưa đọc được danh sách người dùng:" in page and "users.toml" in page
    assert "không phải TOML hợp lệ" in page and "Sửa" not in buttons(body)
    assert "Bàn kiểm tra không đọc được danh sách người dùng:" in said and "Traceback" not in said
