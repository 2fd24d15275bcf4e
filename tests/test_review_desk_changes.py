"""The review desk's other changes (issue 16): the funding figure corrected in Vietnamese
numbers, a message assigned to a province or set aside as not a report; each written to
corrections.toml with who and when, and applied by `aggregate` as a hand edit is."""

from __future__ import annotations

import email.policy
import html
import re
import shutil
import tomllib
from email.message import EmailMessage

import docx
import pytest
from docx_builders import build_report
from mailserver import run_baocao
from review_desk import Browserless, start_desk

from baocao.aggregate.consolidate import consolidate
from baocao.aggregate.corrections import load_corrections, reassign
from baocao.aggregate.reports import campaign_reports
from baocao.campaign import load_campaign
from baocao.store import Store

CAMPAIGN = load_campaign()


@pytest.fixture()
def desk(ingested_sample, tmp_path):
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    running = start_desk(store)
    yield running
    running.stop()


def _table(store):
    s = Store.open_read_only(store)
    try:
        return consolidate(s, CAMPAIGN).table.set_index("province_code")
    finally:
        s.close()


def _entries(store) -> dict:
    path = store / "corrections.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _funding_form(client: Browserless, code: str) -> dict:
    return client.form(f"/tinh/{code}", f"/tinh/{code}/kinh-phi")


def test_the_funding_figure_is_shown_with_how_it_was_read_and_a_form_to_correct_it(desk):
    status, body = Browserless(desk.url).get("/tinh/17")
    page = body.decode()
    assert status == 200
    assert '<label for="kinh-phi-so">Tổng kinh phí (tỷ đồng)</label>' in page
    assert 'name="amount" inputmode="decimal" value="0,85"' in page     # 850 triệu, read from the report
    assert "tổng số nêu trong báo cáo: 850 trieu" in page                 # funding_rule, said in Vietnamese
    assert "stated total" not in page


@pytest.mark.parametrize("typed, vnd", [("42,5", 42_500_000_000), ("1.234,5", 1_234_500_000_000)])
def test_a_corrected_funding_figure_is_kept_in_dong_with_who_and_when_and_the_table_shows_it(desk, typed, vnd):
    client = Browserless(desk.url)
    status, body = client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "amount": typed, "action": "save"})
    assert status == 200, body
    [entry] = _entries(desk.store)["correction"]
    assert (entry["province"], entry["field"], entry["value"]) == ("17", "funding_vnd", vnd)
    assert entry["by"] and entry["at"]
    row = _table(desk.store).loc["17"]
    assert row["funding_vnd"] == vnd and "funding_vnd (correction 1" in row["overridden"]
    assert "sửa tổng kinh phí" in body.decode()          # the figure's history, on the page after saving


def test_a_funding_figure_changed_meanwhile_is_not_overwritten(desk):
    first, second = Browserless(desk.url), Browserless(desk.url)
    seen_by_second = _funding_form(second, "17")
    assert first.post("/tinh/17/kinh-phi", {**_funding_form(first, "17"), "amount": "30", "action": "save"})[0] == 200
    status, body = second.post("/tinh/17/kinh-phi", {**seen_by_second, "amount": "31,5", "action": "save"})
    assert status == 409
    assert "30,00 tỷ đồng" in body.decode() and "31,5 tỷ đồng" in body.decode()   # both figures, nothing lost
    assert [e["value"] for e in _entries(desk.store)["correction"]] == [30_000_000_000]


def test_the_funding_figure_is_marked_checked(desk):
    client = Browserless(desk.url)
    assert client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "action": "checked"})[0] == 200
    [entry] = _entries(desk.store)["correction"]
    assert (entry["field"], entry["value"]) == ("funding_review", False)
    assert "funding_review" in _table(desk.store).loc["17", "overridden"]


def test_a_funding_figure_that_is_not_a_number_is_refused_and_shown_as_text(desk):
    client = Browserless(desk.url)
    status, body = client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "action": "save",
                                                    "amount": '5 <img src=x onerror="alert(1)">'})
    assert status == 422 and b"<img src=x" not in body and b"&lt;img src=x" in body
    assert not (desk.store / "corrections.toml").exists()


def test_a_funding_correction_without_the_csrf_token_changes_nothing(desk):
    client = Browserless(desk.url)
    fields = {k: v for k, v in _funding_form(client, "17").items() if k != "csrf"}
    assert client.post("/tinh/17/kinh-phi", {**fields, "amount": "42,5", "action": "save"})[0] == 403
    assert not (desk.store / "corrections.toml").exists()


# -- messages: which province, or not a report -------------------------------------------------

NOBODYS_SUBJECT = 'Báo cáo kết quả <img src=x onerror="window.hacked = 5"> đô thị thông minh'


def _with_unattributed_report(store, tmp_path) -> str:
    """A report sent from a personal address, its letterhead naming no province: the hash of
    the message, which the ingest keeps with no province."""
    report = build_report(tmp_path / "khong-ro.docx", letterhead=(
        ("PHÒNG QUẢN LÝ ĐÔ THỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        ("Số: 7/BC", "ngày 27 tháng 5 năm 2022")))
    document = docx.Document(report)
    for paragraph in document.paragraphs:     # the builder's title, intro and closing name Quảng Ninh
        for run in paragraph.runs:
            run.text = run.text.replace("tỉnh Quảng Ninh", "địa phương").replace("Quảng Ninh", "")
    document.save(report)
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"] = "chuyenvien.dothi@gmail.com", "baocao.uda@moc.gov.vn"
    m["Subject"], m["Date"] = NOBODYS_SUBJECT, "Fri, 27 May 2022 11:00:00 +0700"
    m["Message-ID"] = "<khong-ro-tinh@gmail.com>"
    m.set_content("Gửi Bộ báo cáo.")
    m.add_attachment(report.read_bytes(), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="bao-cao.docx")
    box = tmp_path / "box"
    box.mkdir()
    (box / "khong-ro.eml").write_bytes(m.as_bytes())
    result = run_baocao("ingest", "--store", str(store), "--from", str(box), "--quiet")
    assert result.returncode == 0, result.stderr
    s = Store.open_read_only(store)
    try:
        [sha] = s.find_messages("<khong-ro-tinh@gmail.com>")
    finally:
        s.close()
    return sha


@pytest.fixture()
def unattributed(ingested_sample, tmp_path):
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    sha = _with_unattributed_report(store, tmp_path)
    running = start_desk(store)
    yield running, sha
    running.stop()


def _reports(store):
    s = Store.open_read_only(store)
    try:
        return reassign(campaign_reports(s, CAMPAIGN.id), load_corrections(store, CAMPAIGN))
    finally:
        s.close()


def test_a_report_of_no_province_is_listed_with_a_choice_of_the_63_provinces(unattributed):
    desk, sha = unattributed
    client = Browserless(desk.url)
    assert "1</b> thư chưa rõ tỉnh".encode() in client.get("/")[1]
    status, body = client.get("/thu-chua-ro-tinh")
    page = body.decode()
    assert status == 200 and "Thư chưa rõ tỉnh" in page
    assert f'action="/thu/{sha}/gan"' in page and ">Gán</button>" in page and "Không phải báo cáo" in page
    select = re.search(r'<select id="tinh-[0-9a-f]+" name="province".*?</select>', page, re.S).group(0)
    assert len(re.findall(r'<option value="\d\d"', select)) == 63
    assert '<img src=x onerror' not in page and "&lt;img src=x onerror" in page   # the subject stays text


def test_a_message_assigned_to_a_province_counts_for_it_in_the_table(unattributed):
    desk, sha = unattributed
    client = Browserless(desk.url)
    status, body = client.post(f"/thu/{sha}/gan", {"csrf": client.token("/thu-chua-ro-tinh"), "province": "24"})
    assert status == 200 and "Không còn thư nào chưa rõ tỉnh".encode() in body
    [entry] = _entries(desk.store)["message"]
    assert (entry["message"], entry["province"]) == (sha, "24") and entry["by"] and entry["at"]
    assert [r.province_code for r in _reports(desk.store) if r.message_sha256 == sha] == ["24"]
    assert _table(desk.store).loc["24", "status"] != "missing"


def test_a_message_marked_not_a_report_leaves_the_table(unattributed):
    desk, sha = unattributed
    client = Browserless(desk.url)
    token = client.token("/thu-chua-ro-tinh")
    assert client.post(f"/thu/{sha}/khong-phai-bao-cao", {"csrf": token})[0] == 200
    [entry] = _entries(desk.store)["message"]
    assert (entry["message"], entry["kind"]) == (sha, "not_report") and "province" not in entry
    assert all(r.message_sha256 != sha for r in _reports(desk.store))
    assert "0</b> thư chưa rõ tỉnh".encode() in client.get("/")[1]


def test_a_report_is_set_aside_from_its_province_page_too(desk):
    client = Browserless(desk.url)
    _, body = client.get("/tinh/17")
    [sha] = set(re.findall(rb'action="/thu/([0-9a-f]{64})/khong-phai-bao-cao"', body))
    action = f"/thu/{sha.decode()}/khong-phai-bao-cao"
    status, body = client.post(action, client.form("/tinh/17", action))
    assert status == 200 and "Không phải báo cáo (đã đánh dấu)".encode() in body   # back on the page, said
    assert _table(desk.store).loc["17", "status"] == "missing"


def test_a_message_assigned_elsewhere_says_so_on_the_page_it_came_from(desk):
    client = Browserless(desk.url)
    _, body = client.get("/tinh/17")
    [sha] = set(re.findall(rb'action="/thu/([0-9a-f]{64})/gan"', body))
    action = f"/thu/{sha.decode()}/gan"
    status, body = client.post(action, {**client.form("/tinh/17", action), "province": "24"})
    assert status == 200 and "Đã gán cho Bắc Giang".encode() in body
    assert _table(desk.store).loc["17", "status"] == "missing" and _table(desk.store).loc["24", "status"] != "missing"


@pytest.mark.parametrize("change, fields", [("gan", {"province": "24"}), ("khong-phai-bao-cao", {})])
def test_a_message_change_without_the_csrf_token_changes_nothing(unattributed, change, fields):
    desk, sha = unattributed
    client = Browserless(desk.url)
    for token in ({}, {"csrf": "doan-bua"}):
        assert client.post(f"/thu/{sha}/{change}", {**fields, **token})[0] == 403
    assert not (desk.store / "corrections.toml").exists()


def test_only_a_province_of_the_campaign_is_assigned_and_only_a_stored_message(unattributed):
    desk, sha = unattributed
    client = Browserless(desk.url)
    token = client.token("/thu-chua-ro-tinh")
    assert client.post(f"/thu/{sha}/gan", {"csrf": token, "province": "<script>"})[0] == 422
    assert client.post(f"/thu/{'0' * 64}/gan", {"csrf": token, "province": "24"})[0] == 404
    assert client.post(f"/thu/{sha[:12]}/gan", {"csrf": token, "province": "24"})[0] == 404
    assert not (desk.store / "corrections.toml").exists()


# -- beside the nightly ingest -------------------------------------------------------------------

class _IngestGaveUp(Exception):
    pass


def test_the_desk_answers_and_saves_while_an_ingest_holds_the_stores_lock(desk):
    """The ingest holds the store's lock and SQLite's write lock, in the middle of a write: the
    desk reads what was committed, through read-only connections, and waits for nobody."""
    ingest = Store.open(desk.store)
    ingest.lock()
    try:
        with pytest.raises(_IngestGaveUp), ingest.transaction() as db:
            db.execute("UPDATE messages SET subject = 'đang ghi dở'")    # not committed while the desk reads
            client = Browserless(desk.url)
            for path in ("/", "/tinh/17", "/thu-chua-ro-tinh", "/tiep-theo"):
                status, body = client.get(path)
                assert status == 200 and b"database is locked" not in body, path
                assert "đang ghi dở".encode() not in body, path
            assert "Hòa Bình".encode() in client.get("/tinh/17")[1]
            status, _ = client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "amount": "42,5",
                                                          "action": "save"})
            assert status == 200
            raise _IngestGaveUp   # its write rolled back: nothing of it was ever seen
    finally:
        ingest.close()
    assert _table(desk.store).loc["17", "funding_vnd"] == 42_500_000_000


@pytest.mark.parametrize("damage, said", [
    ('[[correction]]\nprovince = "17"\nfield = funding_vnd\n'.encode(),
     "corrections.toml, dòng 3: không phải TOML hợp lệ (giá trị viết sai); chưa áp dụng hay thay đổi gì"),
    (b'[[correction]]\nnote = "S\xe1 X\xe2y d\xf1ng"\n',       # saved as Windows-1258 by a text editor
     "corrections.toml không phải văn bản UTF-8 (byte ở vị trí 24 sai mã)"),
], ids=["not TOML", "not UTF-8"])
@pytest.mark.parametrize("target", ["/tinh/17/kinh-phi", "/tinh/17/muc/1"], ids=["funding", "item"])
def test_a_damaged_corrections_file_is_said_at_the_desk_and_nothing_is_written(ingested_sample, tmp_path, damage,
                                                                                said, target):
    """"Đã kiểm tra" on a damaged corrections.toml: a 409 page naming the file, what is wrong
    where and what to do, the same at the desk's terminal; the file stays as it was."""
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    desk = start_desk(store, env={"BAOCAO_LANG": "vi"})
    try:
        client = Browserless(desk.url)
        form = client.form("/tinh/17", target)          # the page as shown before the file was damaged
        (store / "corrections.toml").write_bytes(damage)
        status, body = client.post(target, {**form, "action": "checked"})
        assert status == 409 and said in html.unescape(body.decode()), body.decode()[-600:]
        status, body = client.get("/tinh/17")            # the page reads the file too
        assert status == 409 and said in html.unescape(body.decode())
    finally:
        stopped = desk.stop()
    assert (store / "corrections.toml").read_bytes() == damage
    assert f"Bàn kiểm tra không đọc được tệp chỉnh sửa: {store / said}" in stopped.stderr
    assert "Traceback" not in stopped.stderr
