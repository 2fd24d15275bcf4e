"""Hostile input, each ending in a recorded error or a clean result within a time limit,
while the rest of the run goes on."""

from __future__ import annotations

import email.policy
import io
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

from mailserver import run_baocao

from baocao.campaign import load_campaign
from baocao.parse.reports import parse_document
from baocao.store import ReadOnlyCatalogue

OUTLINE = load_campaign().sections
REPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
A_REPORT = REPORTS / "01-heading-styles-ha-noi.docx"


def _docx_with_document_xml(xml: bytes) -> bytes:
    source = zipfile.ZipFile(A_REPORT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, xml if item.filename == "word/document.xml" else source.read(item))
    return out.getvalue()


def test_xml_entity_expansion_inside_a_docx_is_not_expanded(tmp_path):
    lol = b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' + b"".join(
        b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((ord("c") + i,) + (ord("b") + i,) * 10)
        for i in range(8)) + b"]>"
    document = zipfile.ZipFile(A_REPORT).read("word/document.xml")
    head, body = document.split(b"?>", 1)
    path = tmp_path / "bom.docx"
    path.write_bytes(_docx_with_document_xml(head + b"?>" + lol + body.replace(b"<w:t>", b"<w:t>&j;", 1)))
    started = time.monotonic()
    parsed = parse_document(path, "docx", "bom.docx", OUTLINE, work_dir=tmp_path)
    assert time.monotonic() - started < 10
    assert parsed.status in ("failed", "ok", "no_sections")
    assert "haha" * 1000 not in "".join(s.text for s in parsed.sections)


def test_a_password_protected_docx_is_a_recorded_error_saying_so(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with A_REPORT.open("rb") as source:
        OOXMLFile(source).encrypt("mat-khau", encrypted)
    path = tmp_path / "khoa.docx"
    path.write_bytes(encrypted.getvalue())
    parsed = parse_document(path, "encrypted-office", "Báo cáo có mật khẩu.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "failed"
    assert parsed.error == "the file is protected by a password; ask the province for an unprotected copy"


def test_a_message_with_a_thousand_attachments_is_read_in_time(tmp_path):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["Subject"] = "sxd@quangninh.gov.vn", "Báo cáo 1683/BXD-PTDT kèm ảnh"
    m["Date"], m["Message-ID"] = "Fri, 27 May 2022 09:00:00 +0700", "<nghin@quangninh.gov.vn>"
    m.set_content("Kính gửi Bộ Xây dựng")
    m.add_attachment(A_REPORT.read_bytes(), maintype="application", subtype="octet-stream", filename="bc.docx")
    for i in range(999):
        m.add_attachment(f"ảnh {i}".encode() * 20, maintype="image", subtype="jpeg", filename=f"anh-{i}.jpg")
    (tmp_path / "box").mkdir()
    (tmp_path / "box" / "1.eml").write_bytes(m.as_bytes())
    started = time.monotonic()
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "box"))
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    catalogue = ReadOnlyCatalogue(tmp_path / "kho")
    assert len(catalogue.attachments()) == 1000
    (message,) = catalogue.messages()
    assert (message.kind, message.province_code) == ("report", "01")



LOOPING_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
4 0 obj << /Length 5 0 R >> stream
BT /F1 12 Tf 72 712 Td (loop) Tj ET
endstream endobj
5 0 obj 5 0 R endobj
trailer << /Root 1 0 R /Size 6 >>
%%EOF
"""


def test_a_pdf_whose_page_tree_and_lengths_loop_is_a_recorded_error_in_time(tmp_path):
    # A page tree that contains itself and a stream length that points at itself: the
    # shapes that send naive PDF readers round for ever. Page 1 is there; the page the
    # loop stands for is not.
    path = tmp_path / "vong-lap.pdf"
    path.write_bytes(LOOPING_PDF)
    started = time.monotonic()
    parsed = parse_document(path, "pdf", "vong-lap.pdf", OUTLINE, work_dir=tmp_path)
    assert time.monotonic() - started < 10
    assert "page 2 could not be read" in parsed.error


def _ingest_one(tmp_path, filename: str, data: bytes):
    """One province's mail citing the letter, with `data` attached as `filename`, ingested
    with `--from`; the store's path."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["Subject"] = "sxd@quangninh.gov.vn", "Báo cáo theo văn bản 1683/BXD-PTDT"
    m["Date"], m["Message-ID"] = "Fri, 27 May 2022 09:00:00 +0700", "<bao-cao@quangninh.gov.vn>"
    m.set_content("Kính gửi Bộ Xây dựng")
    m.add_attachment(data, maintype="application", subtype="octet-stream", filename=filename)
    (tmp_path / "box").mkdir()
    (tmp_path / "box" / "1.eml").write_bytes(m.as_bytes())
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(tmp_path / "box"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "kho"


def _status_of_quang_ninh(tmp_path, store) -> dict:
    import json

    result = run_baocao("aggregate", "--store", str(store), "--out", str(tmp_path / "t.json"))
    assert result.returncode == 0, result.stderr
    rows = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    rows = rows if isinstance(rows, list) else rows.get("table", rows)
    return next(r for r in rows if r["province_code"] == "22")


def _encrypted_report() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with A_REPORT.open("rb") as source:
        OOXMLFile(source).encrypt("mat-khau", encrypted)
    return encrypted.getvalue()


def test_a_province_whose_report_has_a_password_is_unreadable_saying_so(tmp_path):
    store = _ingest_one(tmp_path, "Báo cáo.docx", _encrypted_report())
    row = _status_of_quang_ninh(tmp_path, store)
    assert row["status"] == "unreadable"
    assert row["error"] == ("Báo cáo.docx: the file is protected by a password; "
                            "ask the province for an unprotected copy")


def test_a_large_password_protected_report_is_known_by_its_directory_anywhere_in_the_file():
    from baocao.parse.formats import detect_format

    data = _encrypted_report()
    # Sectors moved 128 KB further in, as in a report with pictures: the directory entry
    # naming the EncryptedPackage stream is no longer in the first 64 KB.
    far = data[:512] + bytes(128 * 1024) + data[512:]
    assert detect_format(far, "Báo cáo.docx") == "encrypted-office"
    assert detect_format(data[:512] + bytes(128 * 1024), "cu.doc") == "doc"


def test_a_truncated_docx_is_recorded_naming_the_file_once_and_no_path(tmp_path):
    store = _ingest_one(tmp_path, "Báo cáo ĐTTM.docx", A_REPORT.read_bytes()[:3000])
    from baocao.store import Store

    [error] = [e for e in Store.open(store).errors() if e["stage"] == "parse"]
    assert error["file"] == "Báo cáo ĐTTM.docx"
    assert error["what"].startswith("Báo cáo ĐTTM.docx: cannot read it as a Word .docx file")
    assert error["what"].count("ĐTTM") == 1
    assert str(store) not in error["what"] and "spool" not in error["what"] and "parse-" not in error["what"]
    row = _status_of_quang_ninh(tmp_path, store)
    assert row["error"].count("ĐTTM") == 1
