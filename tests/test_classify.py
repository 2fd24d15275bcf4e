"""Which request a message answers, and which messages are not reports at all: among them
the ministry's own mail."""

import email
import email.policy
import json
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest
from docx_builders import build_blank_outline, build_report
from mailserver import run_baocao

from baocao.campaign import CampaignError, bundled_path, load_campaign
from baocao.ingest.classify import campaign_match, cited_letters, from_ministry, non_report_kind
from baocao.ingest.mime import read_message
from baocao.store import ReadOnlyCatalogue

CAMPAIGN = load_campaign()


@pytest.mark.parametrize("text", ["1683/BXD-PTDT", "1683 /BXD-PTDT", "1683/BXD - PTDT", "1683/BXD-PTĐT",
                                  "văn bản số 1683/bxd–ptdt ngày 16/5/2022"])
def test_message_citing_the_letter_in_any_spacing_belongs_to_the_campaign(text):
    assert campaign_match([text], CAMPAIGN) == "cited"


def test_message_citing_another_letter_of_the_ministry_belongs_to_another_request():
    assert campaign_match(["Thực hiện văn bản số 1702/BXD-HTKT"], CAMPAIGN) == "other_request"


def test_province_own_document_number_is_not_another_request():
    assert campaign_match(["Số: 123/BC-UBND"], CAMPAIGN) == "unassigned"


def test_cited_letters_reads_number_issuer_and_unit():
    assert [str(r) for r in cited_letters("Số 1683 /BXD - PTĐT")] == ["1683/BXD-PTDT"]


def _message(subject="Báo cáo", **headers) -> bytes:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = "sxd@quangninh.gov.vn"
    m["Subject"] = subject
    for k, v in headers.items():
        m[k.replace("_", "-")] = v
    m.set_content("nội dung")
    return m.as_bytes()


@pytest.mark.parametrize("raw, kind", [
    (_message(Auto_Submitted="auto-replied"), "auto_reply"),
    (_message("Thư trả lời tự động: Báo cáo"), "auto_reply"),
    (_message("Automatic reply: report"), "auto_reply"),
    (_message("Undelivered Mail Returned to Sender"), "delivery_failure"),
    (_message(List_Unsubscribe="<mailto:unsub@example.test>"), "newsletter"),
    (_message(X_Spam_Flag="YES"), "spam"),
    (_message(), None),
])
def test_non_reports_are_recognised(raw, kind):
    assert non_report_kind(read_message(raw)) == kind


@pytest.mark.parametrize("address, ministry", [
    ("baocao.uda@moc.gov.vn", True),
    ("huongnl@cucptdt.moc.gov.vn", True),          # a subdomain of the ministry's
    ("x@notmoc.gov.vn", False),
    ("x@moc.gov.vn.evil.example", False),
    ("sxd@quangninh.gov.vn", False),
])
def test_the_campaign_file_names_the_ministrys_own_domains(address, ministry):
    assert from_ministry(address, CAMPAIGN) is ministry


@pytest.mark.parametrize("ministry", ['domains = "moc.gov.vn"', 'domains = []', 'domains = ["baocao.uda@moc.gov.vn"]',
                                      ''])
def test_a_campaign_without_well_formed_ministry_domains_is_refused_saying_what_to_write(tmp_path, ministry):
    text = bundled_path("1683-BXD-PTDT.toml").read_text(encoding="utf-8").replace('domains = ["moc.gov.vn"]', ministry)
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CampaignError, match=r"\[ministry\] domains must be a list .* domains = \[\"moc.gov.vn\"\]"):
        load_campaign(tmp_path / "c.toml")


# -- the ministry's own mail in a reply-all thread --------------------------------------

def thread_mail(sender, date, message_id, attachment, body="Kính gửi Bộ Xây dựng.", forwarded=None) -> bytes:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"], m["Cc"] = sender, "sxd@quangninh.gov.vn", "baocao.uda@moc.gov.vn"
    m["Subject"], m["Date"], m["Message-ID"] = "RE: Báo cáo theo văn bản số 1683/BXD-PTDT", date, message_id
    m.set_content(body)
    if attachment is not None:
        m.add_attachment(attachment.read_bytes(), maintype="application", subtype="octet-stream",
                         filename=attachment.name)
    if forwarded is not None:
        m.add_attachment(email.message_from_bytes(forwarded, policy=email.policy.SMTP))
    return m.as_bytes()


def ingest_and_aggregate(tmp_path: Path, *messages: bytes) -> tuple[Path, pd.DataFrame]:
    box, store = tmp_path / "hop-thu", tmp_path / "kho"
    box.mkdir()
    for i, raw in enumerate(messages):
        (box / f"{i:02d}.eml").write_bytes(raw)
    assert run_baocao("ingest", "--store", str(store), "--from", str(box)).returncode == 0
    result = run_baocao("aggregate", "--store", str(store), "--out", str(tmp_path / "bang.json"))
    assert result.returncode == 0, result.stderr
    table = pd.DataFrame(json.loads((tmp_path / "bang.json").read_text(encoding="utf-8"))).set_index("province_code")
    return store, table


OUTLINE_SENT_BACK = "<de-cuong@moc.gov.vn>"


def test_the_blank_outline_the_ministry_sends_back_is_not_the_provinces_report(tmp_path):
    outline = build_blank_outline(tmp_path / "Đề cương báo cáo.docx")
    report = build_report(tmp_path / "Báo cáo ĐTTM.docx")
    store, table = ingest_and_aggregate(
        tmp_path,
        thread_mail("Nguyễn Lan Hương <huongnl@moc.gov.vn>", "Wed, 25 May 2022 10:00:00 +0700", OUTLINE_SENT_BACK,
                    outline, body="Kính gửi Sở Xây dựng tỉnh Quảng Ninh,\nCục gửi lại đề cương báo cáo để Sở hoàn "
                    "thiện theo văn bản số 1683/BXD-PTDT."),
        thread_mail("sxd@quangninh.gov.vn", "Tue, 31 May 2022 09:00:00 +0700", "<bao-cao@quangninh.gov.vn>", report))

    assert (table.loc["22", "status"], table.loc["22", "received_at"]) == ("late", "2022-05-31T09:00:00+07:00")
    assert table.loc["22", "reports"] == 1
    (sent_back,) = [m for m in ReadOnlyCatalogue(store).messages() if m.message_id == OUTLINE_SENT_BACK]
    assert (sent_back.kind, sent_back.province_code) == ("ministry", None)
    assert run_baocao("errors", "--store", str(store)).stdout.strip() == "No problems recorded."
    assert "ministry: 1" in run_baocao("status", "--store", str(store)).stdout


def test_a_provinces_mail_the_ministry_forwards_as_an_attachment_counts_for_the_province(tmp_path):
    original = thread_mail("sxd@quangninh.gov.vn", "Fri, 27 May 2022 08:00:00 +0700", "<goc@quangninh.gov.vn>",
                           build_report(tmp_path / "Báo cáo ĐTTM.docx"))
    forward = thread_mail("vanthu@moc.gov.vn", "Fri, 27 May 2022 15:00:00 +0700", "<chuyen@moc.gov.vn>", None,
                          body="Văn thư Bộ chuyển báo cáo của tỉnh Quảng Ninh.", forwarded=original)
    store, table = ingest_and_aggregate(tmp_path, forward)
    assert (table.loc["22", "status"], table.loc["22", "received_at"]) == ("on_time", "2022-05-27T15:00:00+07:00")


def test_ministry_mail_carrying_a_provinces_signed_report_is_not_counted_but_said(tmp_path):
    report = build_report(tmp_path / "Báo cáo ĐTTM.docx")
    store, table = ingest_and_aggregate(
        tmp_path, thread_mail("vanthu@moc.gov.vn", "Fri, 27 May 2022 15:00:00 +0700", "<chuyen@moc.gov.vn>", report,
                              body="Văn thư Bộ chuyển báo cáo của tỉnh Quảng Ninh theo văn bản số 1683/BXD-PTDT."))
    assert table.loc["22", "status"] == "missing"
    said = run_baocao("errors", "--store", str(store)).stdout
    assert "mail from the ministry (vanthu@moc.gov.vn) carries the report of Quảng Ninh" in said
    assert "forward the province's original mail as an attachment (.eml)" in said
