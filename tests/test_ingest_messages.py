"""Every kind of message that really arrives in the collection mailbox is stored, read
as far as it can be, and counted only when it is a report for the campaign."""

from __future__ import annotations

import email
import email.policy
import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from mailserver import MAILBOX, run_baocao

from baocao.store import Store
from baocao.store.records import MessageRecord

QUANG_NINH = MAILBOX / "04-quang-ninh.eml"
DEADLINE_OK = "Fri, 27 May 2022 09:00:00 +0700"


def sample_docx(eml: Path = QUANG_NINH) -> bytes:
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    return next(p for p in message.iter_attachments()).get_payload(decode=True)


def mail(sender="sxd@quangninh.gov.vn", subject="Báo cáo theo văn bản số 1683/BXD-PTDT", body="Kính gửi Bộ Xây dựng.",
         attachments=(), message_id=None, **headers) -> EmailMessage:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = "baocao.uda@moc.gov.vn"
    m["Subject"] = subject
    m["Date"] = DEADLINE_OK
    m["Message-ID"] = message_id or f"<{abs(hash((sender, subject, body)))}@test>"
    for name, value in headers.items():
        m[name.replace("_", "-")] = value
    m.set_content(body)
    for filename, data, ctype in attachments:
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return m


def ingest(tmp_path: Path, *messages) -> Store:
    box = tmp_path / "hop-thu"
    box.mkdir(exist_ok=True)
    for i, m in enumerate(messages):
        raw = m if isinstance(m, bytes) else m.as_bytes()
        (box / f"{i:03d}.eml").write_bytes(raw)
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(box))
    assert result.returncode == 0, result.stderr
    return Store.open(tmp_path / "kho")


def the_message(store: Store) -> MessageRecord:
    (message,) = store.messages()
    return message


def only(store: Store, *fields: str) -> tuple:
    """These fields of the one message stored."""
    return tuple(getattr(the_message(store), name) for name in fields)


def analysed(store: Store) -> int:
    return sum(m.analysed_at is not None for m in store.messages())


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_report_sent_as_octet_stream_with_a_wrong_extension_is_recognised_by_its_content(tmp_path):
    store = ingest(tmp_path, mail(attachments=[("baocao.dat", sample_docx(), "application/octet-stream")]))
    assert only(store, "kind", "province_code") == ("report", "22")
    assert [(d.format, d.status) for d in store.documents()] == [("docx", "ok")]


def test_forwarded_report_is_attributed_to_the_province_that_wrote_it(tmp_path):
    inner = mail(sender="vanthu@thanhhoa.gov.vn", subject="Báo cáo 1683/BXD-PTDT",
                 attachments=[("bc.docx", sample_docx(MAILBOX / "09-thanh-hoa.eml"), DOCX)])
    outer = mail(sender="chuyenvien@gmail.com", subject="Fwd: báo cáo của tỉnh", body="Chuyển tiếp.")
    outer.add_attachment(inner)
    m = the_message(ingest(tmp_path, outer))
    assert (m.kind, m.province_code, m.campaign_match) == ("report", "38", "cited")


def test_report_inside_a_zip_is_read(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Báo cáo ĐTTM Quảng Ninh.docx", sample_docx())
    store = ingest(tmp_path, mail(attachments=[("bao-cao.zip", buffer.getvalue(), "application/zip")]))
    assert only(store, "kind", "province_code") == ("report", "22")
    names = [a.attachment.filename for a in store.attachments()]
    assert names == ["bao-cao.zip", "bao-cao.zip/Báo cáo ĐTTM Quảng Ninh.docx"]


def test_zip_bomb_is_a_recorded_problem_and_the_run_goes_on(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bom.docx", b"\0" * (300 * 2**20))
    good = mail(sender="sxd@hanoi.gov.vn", attachments=[("bc.docx", sample_docx(MAILBOX / "02-ha-noi.eml"), DOCX)])
    store = ingest(tmp_path, mail(attachments=[("bom.zip", buffer.getvalue(), "application/zip")]), good)
    assert analysed(store) == 2
    assert any(p.stage == "archive" for p in store.problems())
    assert [m.kind for m in store.messages() if m.province_code == "01"] == ["report"]


@pytest.mark.parametrize("name", ["../../ngoai-kho.docx", "C:\\Windows\\ngoai-kho.docx", "/tmp/ngoai-kho.docx"])
def test_attachment_name_with_a_path_is_stored_inside_the_store_under_its_hash(tmp_path, name):
    store = ingest(tmp_path, mail(attachments=[(name, b"not really a report", "application/octet-stream")]))
    (saved,) = store.attachments()
    assert saved.attachment.filename == name        # kept as data only
    sha = saved.attachment.sha256
    assert (tmp_path / "kho" / "objects" / sha[:2] / sha).read_bytes() == b"not really a report"
    outside = [p for p in tmp_path.rglob("ngoai-kho*")] + list(Path("/tmp").glob("ngoai-kho*"))
    assert outside == []


@pytest.mark.parametrize("message, kind", [
    (mail(subject="Thư trả lời tự động: Báo cáo", Auto_Submitted="auto-replied"), "auto_reply"),
    (mail(sender="MAILER-DAEMON@mx.moc.gov.vn", subject="Undelivered Mail Returned to Sender"), "delivery_failure"),
    (mail(sender="tin@bao.example", subject="Bản tin tuần", List_Unsubscribe="<mailto:u@bao.example>"), "newsletter"),
    (mail(sender="win@lottery.example", subject="Trúng thưởng", X_Spam_Flag="YES"), "spam"),
], ids=["auto-reply", "bounce", "newsletter", "spam"])
def test_non_reports_are_stored_classified_and_not_counted(tmp_path, message, kind):
    assert the_message(ingest(tmp_path, message)).kind == kind
    result = run_baocao("aggregate", "--store", str(tmp_path / "kho"), "--out", str(tmp_path / "t.json"))
    assert result.returncode == 0 and '"status":"on_time"' not in (tmp_path / "t.json").read_text().replace(" ", "")


def test_report_for_another_request_is_stored_but_not_counted(tmp_path):
    m = the_message(ingest(tmp_path, mail(
        subject="Báo cáo theo văn bản số 1702/BXD-HTKT", body="Thực hiện văn bản 1702/BXD-HTKT.",
        attachments=[("bc.docx", _plain_docx("Thực hiện văn bản số 1702/BXD-HTKT"), DOCX)])))
    assert (m.kind, m.campaign_match) == ("report", "other_request") and m.campaign_id is None


def test_report_citing_no_letter_but_following_the_outline_is_assigned_by_content(tmp_path):
    docx = sample_docx()
    import docx as python_docx  # drop the intro that cites the letter, keep the outline

    document = python_docx.Document(io.BytesIO(docx))
    for paragraph in document.paragraphs:
        if "1683" in paragraph.text:
            paragraph.text = "Ủy ban nhân dân tỉnh báo cáo như sau:"
    out = io.BytesIO()
    document.save(out)
    store = ingest(tmp_path, mail(subject="Gửi báo cáo đô thị thông minh",
                               attachments=[("bc.docx", out.getvalue(), DOCX)]))
    assert only(store, "campaign_match", "province_code") == ("content", "22")


def test_message_citing_nothing_with_no_report_is_left_for_the_clerk(tmp_path):
    store = ingest(tmp_path, mail(subject="Gửi tài liệu", attachments=[("ghi-chu.docx", _plain_docx(), DOCX)]))
    assert only(store, "kind", "campaign_match") == ("report", "unassigned")
    errors = run_baocao("errors", "--store", str(tmp_path / "kho")).stdout
    assert "cites no request letter" in errors


def _plain_docx(text: str = "Ghi chú cuộc họp.") -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_conflicting_evidence_is_resolved_by_the_document_and_recorded(tmp_path):
    store = ingest(tmp_path, mail(sender="sxd@hanoi.gov.vn", attachments=[("bc.docx", sample_docx(), DOCX)]))
    assert only(store, "province_code", "province_status") == ("22", "conflict")
    errors = run_baocao("errors", "--store", str(tmp_path / "kho")).stdout
    assert "the evidence names different provinces" in errors and "baocao assign" in errors


def test_unrecognised_sender_is_left_unrecognised_with_what_to_do(tmp_path):
    store = ingest(tmp_path, mail(sender="someone@gmail.com", subject="Báo cáo 1683/BXD-PTDT",
                               attachments=[("bc.docx", _plain_docx(), DOCX)]))
    assert only(store, "province_code", "province_status") == (None, "unrecognised")
    assert "cannot tell which province sent this report" in run_baocao(
        "errors", "--store", str(tmp_path / "kho")).stdout


def test_headers_in_broken_or_unknown_encodings_are_stored_and_read_as_far_as_possible(tmp_path):
    raw = (b"From: =?utf-8?B?U+G7nyBYw6J5IGThu7Fu?= <sxd@quangninh.gov.vn>\r\n"
           b"Subject: =?x-unknown?Q?B=E1o_c=E1o?= =?utf-8?B?////?=\r\n"
           b"Message-ID: <broken@test>\r\nDate: " + DEADLINE_OK.encode() + b"\r\n"
           b"Content-Type: text/plain; charset=x-klingon\r\n\r\n\xff\xfe Kinh gui\r\n")
    m = the_message(ingest(tmp_path, raw))
    assert (m.sender, m.kind, m.analysed_at is not None) == ("sxd@quangninh.gov.vn", "other", True)


def test_malformed_mime_boundaries_do_not_stop_the_run(tmp_path):
    raw = (b"From: sxd@quangninh.gov.vn\r\nSubject: 1683/BXD-PTDT\r\nMessage-ID: <mb@test>\r\n"
           b"Content-Type: multipart/mixed; boundary=\"abc\"\r\n\r\n--abc\r\nContent-Type: text/plain\r\n\r\nx\r\n"
           b"--abc\r\nContent-Type: application/octet-stream; name=\"a.docx\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n"
           b"UEsDBBQ=!!notbase64\r\n")                       # no closing boundary, broken base64
    good = mail(sender="sxd@hanoi.gov.vn", attachments=[("bc.docx", sample_docx(MAILBOX / "02-ha-noi.eml"), DOCX)])
    assert analysed(ingest(tmp_path, raw, good)) == 2


def test_errors_name_the_message_the_file_what_went_wrong_and_what_to_do(tmp_path):
    broken = b"PK\x03\x04 this is not a whole docx"
    ingest(tmp_path, mail(subject="Báo cáo 1683/BXD-PTDT", attachments=[("Báo cáo hỏng.docx", broken, DOCX)],
                          message_id="<hong@quangninh.gov.vn>"))
    out = run_baocao("errors", "--store", str(tmp_path / "kho")).stdout
    assert "Báo cáo hỏng.docx" in out                              # which file
    assert "<hong@quangninh.gov.vn>" in out and "sxd@quangninh.gov.vn" in out   # which message, from whom
    assert "Báo cáo 1683/BXD-PTDT" in out and "2022-05-27" in out  # its subject and date
    assert "what to do:" in out


def _errors(store: Store) -> list[tuple]:
    return [(p.stage, p.what, p.action) for p in store.problems()]


def test_report_whose_mime_boundary_does_not_match_its_body_is_read_and_the_repair_recorded(tmp_path):
    report = mail(attachments=[("bc.docx", sample_docx(), DOCX)]).as_bytes()
    boundary = email.message_from_bytes(report).get_boundary()
    broken = report.replace(f'boundary="{boundary}"'.encode(), b'boundary="=_declared_but_unused"', 1)
    store = ingest(tmp_path, broken)
    assert only(store, "kind", "province_code", "campaign_match") == ("report", "22", "cited")
    assert _errors(store) == [("mime", f"the message's declared MIME boundary '=_declared_but_unused' does not match "
                               f"its body; read with the boundary '{boundary}' the body uses",
                               "check the attachments in a mail client")]


@pytest.mark.parametrize("raw", [b"", b" \r\n\r\n"], ids=["0-bytes", "whitespace"])
def test_empty_message_is_stored_and_recorded_as_empty(tmp_path, raw):
    store = ingest(tmp_path, raw)
    m = the_message(store)
    assert (m.size, m.kind, m.analysed_at is not None) == (len(raw), "other", True)
    ((stage, what, _),) = _errors(store)
    assert (stage, what) == ("mime", "the message is empty: no headers, no text, no attachment")


def test_message_citing_the_letter_with_no_attachment_says_why_it_is_no_report(tmp_path):
    store = ingest(tmp_path, mail(sender="someone@gmail.com", body="Xin gửi báo cáo theo văn bản 1683/BXD-PTDT sau."))
    assert only(store, "kind", "campaign_match") == ("other", "cited")
    ((stage, what, action),) = _errors(store)
    assert what == "this message cites the campaign's letter but was not taken as a report: it has no attachment"
    assert "ask it to send the report as an attached .docx or .pdf file" in action


def test_message_from_a_province_domain_with_only_photos_says_why_it_is_no_report(tmp_path):
    store = ingest(tmp_path, mail(subject="Gửi ảnh chụp", body="Kính gửi.",
                               attachments=[("trang1.jpg", b"\xff\xd8\xff\xe0 not much of a photo", "image/jpeg")]))
    assert only(store, "kind", "province_code") == ("other", "22")
    ((stage, what, _),) = _errors(store)
    assert what == ("this message comes from quangninh.gov.vn, the domain of Quảng Ninh, but was not taken as a "
                    "report: none of its attachments is a document (.docx, .doc, .pdf, .odt, .rtf): "
                    "trang1.jpg (image/jpeg)")


def test_message_from_nowhere_citing_nothing_is_other_without_a_problem(tmp_path):
    store = ingest(tmp_path, mail(sender="ban@gmail.com", subject="Hẹn cà phê", body="Chiều nay rảnh không?"))
    assert only(store, "kind") == ("other",)
    assert _errors(store) == []
