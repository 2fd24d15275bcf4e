"""Reading raw e-mail into plain data, whatever the sender's mail program did."""

import base64
import email.policy
from email.message import EmailMessage

from docx_builders import build_report
from legacy_encodings import to_cp1258

from baocao.ingest.mime import read_message


def _report(filename="Báo cáo ĐTTM.docx") -> EmailMessage:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = "Sở Xây dựng <sxd@quangninh.gov.vn>"
    m["Subject"] = "Báo cáo theo văn bản 1683/BXD-PTDT"
    m["Message-ID"] = "<qn-1@quangninh.gov.vn>"
    m.set_content("Kính gửi Bộ Xây dựng")
    m.add_attachment(b"PK\x03\x04docx", maintype="application", subtype="octet-stream", filename=filename)
    return m


def test_utf8_encoded_headers_and_rfc2231_file_names_are_decoded_to_nfc():
    message = read_message(_report().as_bytes())
    assert message.subject == "Báo cáo theo văn bản 1683/BXD-PTDT"
    assert message.sender == "sxd@quangninh.gov.vn" and message.sender_name == "Sở Xây dựng"
    assert [a.filename for a in message.attachments] == ["Báo cáo ĐTTM.docx"]
    assert message.attachments[0].data == b"PK\x03\x04docx"


def test_windows_1258_subject_is_decoded_and_normalised_to_nfc():
    encoded = "".join(f"={b:02X}" for b in to_cp1258("Báo cáo đô thị thông minh"))
    raw = f"From: a@b.vn\r\nSubject: =?windows-1258?Q?{encoded}?=\r\n\r\nx\r\n".encode()
    assert read_message(raw).subject == "Báo cáo đô thị thông minh"


def test_forwarded_report_keeps_the_inner_message_and_its_attachment():
    outer = EmailMessage(policy=email.policy.SMTP)
    outer["From"] = "someone@gmail.com"
    outer["Subject"] = "Fwd: báo cáo"
    outer.set_content("chuyển tiếp")
    outer.add_attachment(_report())
    message = read_message(outer.as_bytes())
    assert message.forwarded[0].sender == "sxd@quangninh.gov.vn"
    assert [a.filename for a in message.all_attachments()] == ["Báo cáo ĐTTM.docx"]


def test_undecodable_header_is_a_recorded_problem_not_a_crash():
    raw = b"From: a@b.vn\r\nSubject: =?x-unknown-charset?Q?abc?=\r\n\r\nbody\r\n"
    message = read_message(raw)
    assert message.body.strip() == "body"
    assert isinstance(message.subject, str)


def _with_attachment_headers(headers: str) -> bytes:
    return (
        "From: sxd@hanoi.gov.vn\r\nSubject: Bao cao\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed;\r\n boundary="b-1"\r\n\r\n'
        "--b-1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKinh gui\r\n"
        f"--b-1\r\n{headers}Content-Transfer-Encoding: base64\r\n\r\nUEsDBGRvY3g=\r\n--b-1--\r\n"
    ).encode("ascii")


def test_file_names_as_outlook_and_as_rfc_2231_continuations_write_them_are_decoded():
    outlook = _with_attachment_headers(
        'Content-Type: application/octet-stream;\r\n name="=?utf-8?B?QsOhbyBjw6FvIMSQVFRNLmRvY3g=?="\r\n'
        'Content-Disposition: attachment;\r\n filename="=?utf-8?B?QsOhbyBjw6FvIMSQVFRNLmRvY3g=?="\r\n')
    continued = _with_attachment_headers(
        "Content-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment;\r\n filename*0*=utf-8''B%C3%A1o%20c%C3%A1o%20;\r\n"
        " filename*1*=%C4%90TTM.docx\r\n")
    for raw in (outlook, continued):
        (attachment,) = read_message(raw).attachments
        assert attachment.filename == "Báo cáo ĐTTM.docx"
        assert attachment.data == b"PK\x03\x04docx"


def test_rfc_2231_charset_and_file_name_parameters_are_read(tmp_path):
    """As Mutt writes them (CPython's msg_32, msg_33): the charset too in RFC 2231 form."""
    report = build_report(tmp_path / "bc.docx").read_bytes()
    raw = (
        "From: Anne Person <vanthu@quangninh.gov.vn>\r\nSubject: Bao cao 1683/BXD-PTDT\r\nMime-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; protocol*=ansi-x3.4-1968''application%2Fpgp-signature;\r\n"
        "\tboundary*=\"ansi-x3.4-1968''EeQfGwPcQSOJBaQU\"\r\n\r\n"
        "--EeQfGwPcQSOJBaQU\r\nContent-Type: text/plain; charset*=ansi-x3.4-1968''us-ascii\r\n"
        "Content-Disposition: inline\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nKinh g=75i\r\n"
        "--EeQfGwPcQSOJBaQU\r\nContent-Type: application/octet-stream; name*=utf-8''B%C3%A1o%20c%C3%A1o.docx\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(report).decode() +
        "--EeQfGwPcQSOJBaQU--\r\n").encode("ascii")
    message = read_message(raw)
    assert message.body.strip() == "Kinh gui"
    (attachment,) = message.attachments
    assert attachment.filename == "Báo cáo.docx" and attachment.data == report
