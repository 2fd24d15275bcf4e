"""Which request a message answers, and which messages are not reports at all."""

import email.policy
from email.message import EmailMessage

import pytest

from baocao.campaign import load_campaign
from baocao.ingest.classify import campaign_match, cited_letters, non_report_kind
from baocao.ingest.mime import read_message

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
