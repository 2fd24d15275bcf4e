"""Reading raw e-mail into plain data, whatever the sender's mail program did."""

import base64
import email.policy
from email.message import EmailMessage

import pytest
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


def _two_part_report(content_type: str, boundary: str = "----=_NextPart_000_0012") -> bytes:
    return (
        f"From: sxd@quangninh.gov.vn\r\nSubject: Bao cao 1683/BXD-PTDT\r\nMIME-Version: 1.0\r\n{content_type}\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKinh gui\r\n"
        f"--{boundary}\r\nContent-Type: application/octet-stream; name=\"bc.docx\"\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\nUEsDBGRvY3g=\r\n--{boundary}--\r\n"
    ).encode("ascii")


@pytest.mark.parametrize("content_type, declared", [
    ('Content-Type: multipart/mixed; boundary="----=_NextPart_000_0011"', "the message's declared MIME boundary "
     "'----=_NextPart_000_0011' does not match its body"),
    ("Content-Type: multipart/mixed; boundary='----=_NextPart_000_0012'", "the message's declared MIME boundary "
     "\"'----=_NextPart_000_0012'\" does not match its body"),
    ("Content-Type: multipart/mixed", "the message is multipart/mixed but names no MIME boundary"),
], ids=["another-boundary", "single-quotes", "no-boundary"])
def test_multipart_whose_declared_boundary_is_not_in_its_body_is_read_with_the_one_it_uses(content_type, declared):
    message = read_message(_two_part_report(content_type))
    assert message.body.strip() == "Kinh gui"
    assert [(a.filename, a.data) for a in message.attachments] == [("bc.docx", b"PK\x03\x04docx")]
    (problem,) = message.problems
    assert problem.what.startswith(declared)
    assert "read with the boundary '----=_NextPart_000_0012'" in problem.what
    assert problem.action == "check the attachments in a mail client"


def test_boundary_declared_with_trailing_spaces_is_read_without_a_problem():
    for content_type in ('Content-Type: multipart/mixed; boundary="b-1  "',
                         "Content-Type: multipart/mixed; boundary=b-1 "):
        message = read_message(_two_part_report(content_type, boundary="b-1"))
        assert [a.filename for a in message.attachments] == ["bc.docx"] and message.problems == ()


def test_nested_multipart_with_a_broken_boundary_is_recovered_at_its_own_level():
    raw = (b"From: sxd@quangninh.gov.vn\r\nContent-Type: multipart/mixed; boundary=OUT\r\n\r\n"
           b"--OUT\r\nContent-Type: multipart/alternative; boundary=\"alt-declared\"\r\n\r\n"
           b"--alt-used\r\nContent-Type: text/plain\r\n\r\nKinh gui\r\n"
           b"--alt-used\r\nContent-Type: text/html\r\n\r\n<p>Kinh gui</p>\r\n--alt-used--\r\n"
           b"--OUT\r\nContent-Type: application/pdf; name=bc.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           b"JVBERi0=\r\n--OUT--\r\n")
    message = read_message(raw)
    assert [(a.part, a.filename, a.data) for a in message.attachments] == [("2", "bc.pdf", b"%PDF-")]
    assert "Kinh gui" in message.body
    assert [p.what for p in message.problems] == [
        "MIME part 1's declared MIME boundary 'alt-declared' does not match its body; "
        "read with the boundary 'alt-used' the body uses"]


def test_every_defect_the_parser_finds_is_a_problem_said_in_words_once_per_message():
    raw = (b"From: sxd@quangninh.gov.vn\r\nSubject: Bao cao\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n"
           b"--q\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0\r\n"
           b"--q\r\nContent-Type: application/pdf; name=b.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0\r\n"
           b"--q\r\nContent-Type: text/plain\r\n\r\nKinh gui\r\n")                     # never closed: cut short?
    message = read_message(raw)
    assert [a.filename for a in message.attachments] == ["a.pdf", "b.pdf"]
    assert [p.what for p in message.problems] == [
        "base64-encoded data is wrongly padded; it was decoded as far as possible (in part 1, part 2)",
        "a multipart is not closed by its boundary: the message may have been cut short (in the message)",
    ]
    assert all("Defect" not in p.what and "ask the sender to send it again" in p.action for p in message.problems)


def test_defects_inside_a_forwarded_message_are_told_for_the_message_that_carries_it():
    inner = _two_part_report('Content-Type: multipart/mixed; boundary="wrong"')
    outer = (b"From: chuyenvien@gmail.com\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n"
             b"--o\r\nContent-Type: text/plain\r\n\r\nchuyen tiep\r\n"
             b"--o\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--o--\r\n")
    message = read_message(outer)
    assert [a.filename for a in message.all_attachments()] == ["bc.docx"]
    assert [p.what for p in message.problems] == [
        "in the forwarded message: MIME part 2's declared MIME boundary 'wrong' does not match its body; "
        "read with the boundary '----=_NextPart_000_0012' the body uses"]


@pytest.mark.parametrize("raw, what", [
    (b"", "the message is empty"),
    (b"  \r\n\r\n \r\n", "the message is empty"),
    (b"Kinh gui Bo Xay dung\r\n", "the message has no headers"),
], ids=["0-bytes", "whitespace", "no-headers"])
def test_empty_or_headerless_message_is_read_with_a_problem_saying_so(raw, what):
    (problem,) = read_message(raw).problems
    assert problem.what.startswith(what)
