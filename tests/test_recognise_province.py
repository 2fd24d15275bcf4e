"""Which province sent a message, from every kind of evidence; and which province each
report a message carries counts for."""

import email.policy
import shutil
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest
from catalogue_surgery import as_an_older_baocao_left_it, schema_of
from docx_builders import FUNDING, FUNDING_TEXT, STANDARD, Part, build_report, letterhead_of
from mailserver import run_baocao
from workbook import read_workbook

from baocao.campaign import load_campaign
from baocao.ingest.provinces import ProvinceIndex, recognise_province
from baocao.store import SCHEMA_VERSION, ReadOnlyCatalogue

INDEX = ProvinceIndex(load_campaign().provinces)


@pytest.mark.parametrize("address, code", [
    ("vanthu@quangninh.gov.vn", "22"),
    ("sxd@sxd.hanoi.gov.vn", "01"),          # a department's subdomain
    ("stttt@tphcm.gov.vn", "79"),            # Ho Chi Minh City's agencies' domain
    ("SXD@ThuaThienHue.gov.vn", "46"),
])
def test_sender_domain_and_its_subdomains_name_the_province(address, code):
    assert INDEX.from_address(address).province_code == code


@pytest.mark.parametrize("address", ["someone@gmail.com", "x@nothanoi.gov.vn", "x@hanoi.gov.vn.evil.example"])
def test_other_domains_name_no_province(address):
    assert INDEX.from_address(address) is None


@pytest.mark.parametrize("written, code", [
    ("Thanh Hoá", "38"), ("THANH HÓA", "38"), ("thanh hoa", "38"),
    ("TP.HCM", "79"), ("TP. Hồ Chí Minh", "79"), ("Huế", "46"), ("BR-VT", "77"),
    ("Bà Rịa-Vũng Tàu", "77"), ("Đắc Lắc", "66"), ("Kontum", "62"), ("Bắc Cạn", "06"),
    # decomposed (NFD) input, as macOS writes it
    ("Ha\u0300 No\u0323\u0302i", "01"),
])
def test_names_match_without_diacritics_case_accent_placement_or_alias(written, code):
    assert [c for c, _ in INDEX.mentioned(f"Báo cáo của {written} năm 2022")] == [code]


@pytest.mark.parametrize("letterhead, code", [
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 123/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "22"),
    ("UBND THÀNH PHỐ HỒ CHÍ MINH", "79"),
    ("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "38"),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA – VŨNG TÀU", "77"),
])
def test_document_letterhead_names_the_province(letterhead, code):
    assert INDEX.from_letterhead(letterhead).province_code == code


def test_private_address_is_resolved_from_the_document():
    decision = recognise_province(INDEX, "nguyenvana@gmail.com", "Gửi báo cáo", "Kính gửi Bộ Xây dựng",
                                  ["ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH"])
    assert (decision.code, decision.status) == ("37", "recognised")


def test_document_wins_a_conflict_and_the_conflict_is_recorded():
    decision = recognise_province(INDEX, "sxd@hanoi.gov.vn", "Báo cáo", "", ["ỦY BAN NHÂN DÂN TỈNH HÀ NAM"])
    assert decision.code == "35"
    assert decision.status == "conflict"
    assert {e.source for e in decision.evidence} == {"document", "sender_domain"}


def test_subject_names_the_province_when_nothing_else_does():
    decision = recognise_province(INDEX, "a@yahoo.com", "UBND tỉnh Thanh Hoá báo cáo đô thị thông minh", "", [])
    assert decision.code == "38"


def test_body_mentioning_the_ministry_in_hanoi_names_no_province():
    decision = recognise_province(INDEX, "a@yahoo.com", "Báo cáo", "Kính gửi Bộ Xây dựng, 37 Lê Đại Hành, Hà Nội", [])
    assert decision.code is None and decision.status == "unrecognised"


# -- one message, two provinces' reports: each counts for the province its letterhead names --

THANH_HOA_FUNDING = "Tổng kinh phí thực hiện là 80 tỷ đồng."
THANH_HOA_PARTS = tuple(Part(p.heading, (THANH_HOA_FUNDING,)) if p.heading == FUNDING.heading else p for p in STANDARD)
SENT = "Fri, 27 May 2022 09:00:00 +0700"


def two_reports(tmp_path: Path, sender: str) -> bytes:
    """A message carrying Quảng Ninh's report and Thanh Hóa's, as two attachments."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"] = sender, "baocao.uda@moc.gov.vn"
    m["Subject"] = "Gửi báo cáo của hai tỉnh theo văn bản số 1683/BXD-PTDT"
    m["Date"], m["Message-ID"] = SENT, "<hai-tinh@example.test>"
    m.set_content("Kính gửi Bộ Xây dựng, xin gửi kèm báo cáo của hai tỉnh.")
    for name, path in (("BC Quang Ninh.docx", build_report(tmp_path / "qn.docx")),
                       ("BC Thanh Hoa.docx", build_report(tmp_path / "th.docx", parts=THANH_HOA_PARTS,
                                                          letterhead=letterhead_of("Thanh Hóa")))):
        m.add_attachment(path.read_bytes(), maintype="application", subtype="octet-stream", filename=name)
    return m.as_bytes()


def ingest(tmp_path: Path, *messages: bytes) -> Path:
    box, store = tmp_path / "hop-thu", tmp_path / "kho"
    box.mkdir(exist_ok=True)
    for i, raw in enumerate(messages):
        (box / f"{i:02d}.eml").write_bytes(raw)
    result = run_baocao("ingest", "--store", str(store), "--from", str(box))
    assert result.returncode == 0, result.stderr
    return store


def sheets(store: Path, tmp_path: Path) -> dict[str, pd.DataFrame]:
    out = tmp_path / "bang.xlsx"
    result = run_baocao("aggregate", "--store", str(store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return read_workbook(out, keep_default_na=False)


@pytest.fixture(scope="module")
def regional_office(tmp_path_factory):
    """An office of neither province sends both provinces' reports in one message."""
    tmp_path = tmp_path_factory.mktemp("two-provinces")
    return tmp_path, ingest(tmp_path, two_reports(tmp_path, "vanphong.vung1@gmail.com"))


def test_each_report_of_a_message_counts_for_the_province_its_letterhead_names(regional_office):
    tmp_path, store = regional_office
    table = sheets(store, tmp_path)["table"].set_index("province_code")
    for code, name in (("22", "BC Quang Ninh.docx"), ("38", "BC Thanh Hoa.docx")):
        row = table.loc[code]
        assert (row["status"], row["received_at"], row["reports"]) == ("on_time", "2022-05-27T09:00:00+07:00", 1)
        assert row["source"] == f"<hai-tinh@example.test> · {name}"
    assert table.loc["38", "section_4"] == THANH_HOA_FUNDING
    assert table.loc["22", "section_4"] == FUNDING_TEXT


def test_status_history_and_reminders_count_both_provinces_of_one_message(regional_office):
    tmp_path, store = regional_office
    history = sheets(store, tmp_path)["history"]
    assert list(zip(history["province_code"], history["message_id"], history["role"], strict=True)) == [
        ("22", "<hai-tinh@example.test>", "latest"), ("38", "<hai-tinh@example.test>", "latest")]
    status = run_baocao("status", "--store", str(store), "--reminders", str(tmp_path / "nhac"))
    assert status.returncode == 0, status.stderr
    assert "on time 2, late 0, unreadable 0, missing 61" in status.stdout
    drafts = {p.name[:2] for p in (tmp_path / "nhac").glob("*.eml")}
    assert len(drafts) == 61 and not drafts & {"22", "38"}


def test_a_department_sending_its_own_and_a_neighbours_report_records_no_conflict(tmp_path):
    store = ingest(tmp_path, two_reports(tmp_path, "sxd@quangninh.gov.vn"))
    table = sheets(store, tmp_path)["table"].set_index("province_code")
    assert (table.loc["22", "status"], table.loc["38", "status"]) == ("on_time", "on_time")
    assert run_baocao("errors", "--store", str(store)).stdout.strip() == "No problems recorded."


def test_the_clerks_assignment_of_such_a_message_counts_all_its_documents_for_that_province(tmp_path):
    store = ingest(tmp_path, two_reports(tmp_path, "vanphong.vung1@gmail.com"))
    result = run_baocao("assign", "--store", str(store), "<hai-tinh@example.test>", "22")
    assert result.returncode == 0, result.stderr
    table = sheets(store, tmp_path)["table"].set_index("province_code")
    assert (table.loc["22", "status"], table.loc["22", "reports"]) == ("on_time", 1)
    assert table.loc["38", "status"] == "missing"


def test_a_store_made_before_documents_had_provinces_is_upgraded_and_counts_both_at_the_next_ingest(tmp_path):
    store = ingest(tmp_path, two_reports(tmp_path, "vanphong.vung1@gmail.com"))
    as_an_older_baocao_left_it(store, 2, [("attachments", "province_code")])   # as baocao left it before

    ingest(tmp_path)   # the same folder again: nothing new to store

    assert schema_of(store)[0] == str(SCHEMA_VERSION)
    assert sorted(a.province_code for a in ReadOnlyCatalogue(store).attachments()) == ["22", "38"]
    table = sheets(store, tmp_path)["table"].set_index("province_code")
    assert (table.loc["22", "status"], table.loc["38", "status"]) == ("on_time", "on_time")


def test_a_message_correction_puts_both_reports_of_the_message_under_the_province_named(regional_office, tmp_path):
    local = tmp_path / "kho"
    shutil.copytree(regional_office[1], local)
    (local / "corrections.toml").write_text('[[message]]\nmessage = "<hai-tinh@example.test>"\nprovince = "38"\n',
                                            encoding="utf-8")
    table = sheets(local, tmp_path)["table"].set_index("province_code")
    row = table.loc["38"]
    assert (row["status"], row["reports"], row["corrected"]) == ("on_time", 1, False)
    assert table.loc["22", "status"] == "missing"
