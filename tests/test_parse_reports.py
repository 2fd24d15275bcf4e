"""Whatever the format, one document in gives sections or a recorded error, in time."""

from __future__ import annotations

import time

import pytest

from baocao.campaign import load_campaign
from baocao.parse.limits import Deadline, TimeLimitExceeded, time_limit
from baocao.parse.reports import parse_document

OUTLINE = load_campaign().sections


def test_a_busy_reader_is_stopped_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="time limit of 0.3 s was reached"):
        with time_limit(Deadline(0.3)):
            while True:
                pass
    assert time.monotonic() - started < 2


def test_an_unknown_format_is_a_recorded_failure_saying_what_to_send(tmp_path):
    path = tmp_path / "obj"
    path.write_bytes(b"\x89PNG not a report")
    parsed = parse_document(path, "png", "anh.png", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "failed" and ".docx, .doc or .pdf" in parsed.error


def test_a_damaged_docx_is_a_recorded_failure_without_the_stores_or_scratch_paths(tmp_path):
    # The error is shown after the sender's file name (`baocao errors`, the table): it
    # names no file itself, and no path of the store (the hash) or of the scratch folder.
    path = tmp_path / "0123abcd"
    path.write_bytes(b"PK\x03\x04 broken")
    parsed = parse_document(path, "docx", "Báo cáo ĐTTM.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "failed" and "not a Word package" in parsed.error
    assert "0123abcd" not in parsed.error and str(tmp_path) not in parsed.error and "parse-" not in parsed.error
    assert "ĐTTM" not in parsed.error


@pytest.mark.parametrize("name", ["20-strict-ooxml-docx-yen-bai.docx", "23-template-type-docx-dien-bien.docx"])
def test_a_docx_word_opens_that_the_reader_cannot_is_read_through_libreoffice(tmp_path, name):
    # Saved as Strict Open XML, or a template's package renamed .docx (pool 59): python-docx refuses
    # both ("no relationship of type officeDocument", "not a Word file, content type is …template…"),
    # Word and LibreOffice open them. They were recorded as damaged, six cells lost each.
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "fixtures" / "heldout-59" / name
    parsed = parse_document(source, "docx", name, OUTLINE, work_dir=tmp_path)
    assert parsed.status == "ok" and [s.number for s in parsed.sections] == [1, 2, 3, 4, 5, 6]


def test_scratch_files_are_removed_and_stay_inside_the_work_folder(tmp_path):
    work = tmp_path / "kho-tmp"
    work.mkdir()
    path = tmp_path / "obj"
    path.write_bytes(b"PK\x03\x04 broken")
    parse_document(path, "docx", "../../ra-ngoai.docx", OUTLINE, work_dir=work)
    assert list(work.iterdir()) == []
    assert not list(tmp_path.parent.glob("ra-ngoai*"))


def test_a_pdf_made_from_a_tcvn3_document_is_read_as_unicode(tmp_path):
    from pathlib import Path

    from baocao.render.pdf import docx_to_pdf

    source = Path(__file__).resolve().parent.parent / "fixtures" / "reports" / "12-bold-roman-thai-nguyen.docx"
    pdf = docx_to_pdf(source, tmp_path / "thai-nguyen.pdf")
    parsed = parse_document(pdf, "pdf", "thai-nguyen.pdf", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "ok" and len(parsed.sections) == 6
    assert "Thái Nguyên" in parsed.letterhead and "Độc lập - Tự do - Hạnh phúc" in parsed.letterhead


def _a_scan():
    import json
    from pathlib import Path

    reports = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
    entry = next(e for e in json.loads((reports / "expected.json").read_text(encoding="utf-8")) if e.get("ocr"))
    return reports / entry["file"]


def test_a_scan_without_an_ocr_engine_is_unreadable_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))       # no ocrmypdf, no tesseract
    parsed = parse_document(_a_scan(), "pdf", "ban-chup.pdf", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "failed" and parsed.error.startswith("the document holds no text")
    assert "apt-get install" in parsed.error and "tesseract" in parsed.error


def test_a_scan_is_read_by_ocr_and_marked_so(tmp_path):
    parsed = parse_document(_a_scan(), "pdf", "ban-chup.pdf", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "ok" and parsed.ocr and len(parsed.sections) >= 5
    assert parsed.sections[0].source.first_page == 1


def test_the_time_limit_covers_ocr_too(tmp_path):
    started = time.monotonic()
    parsed = parse_document(_a_scan(), "pdf", "ban-chup.pdf", OUTLINE, work_dir=tmp_path, seconds=0.5)
    assert parsed.status == "failed" and time.monotonic() - started < 10
    assert list(tmp_path.iterdir()) == []


def test_the_time_limit_is_a_command_line_setting():
    from mailserver import run_baocao

    assert "--document-seconds" in run_baocao("ingest", "--help").stdout
    assert run_baocao("ingest", "--store", "kho", "--document-seconds", "0").returncode == 2


def _word_file_of_pictures(path, *texts):
    """A .docx whose body is only pictures: pages of a report scanned and pasted into Word."""
    import io

    import docx
    from docx.shared import Inches
    from ocr_builders import render_page

    document = docx.Document()
    for text in texts:
        image = io.BytesIO()
        render_page(text).save(image, "PNG", dpi=(300, 300))
        image.seek(0)
        document.add_picture(image, width=Inches(6))
    document.save(path)
    return path


def test_a_word_file_of_scanned_pictures_is_read_by_ocr_and_marked_so(tmp_path):
    from ocr_builders import HEADING, PARAGRAPH

    path = _word_file_of_pictures(tmp_path / "obj", HEADING, PARAGRAPH)
    parsed = parse_document(path, "docx", "Báo cáo chụp.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "ok" and parsed.ocr
    [section] = parsed.sections
    assert "ngân sách nhà nước" in section.text


def test_a_word_file_of_pictures_without_ocr_says_it_holds_no_text(tmp_path, monkeypatch):
    path = _word_file_of_pictures(tmp_path / "obj", "I. TÌNH HÌNH TRIỂN KHAI")
    monkeypatch.setenv("PATH", str(tmp_path))       # no ocrmypdf, no tesseract
    parsed = parse_document(path, "docx", "Báo cáo chụp.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "failed"
    assert parsed.error.startswith("the document holds no text: it may be a scan pasted as pictures")
    assert "apt-get install" in parsed.error and "heading" not in parsed.error


def test_a_report_whose_headings_match_nothing_is_read_with_a_note_saying_so(tmp_path):
    import docx

    document = docx.Document()
    for heading in ("Mở đầu", "Phần thứ hai", "Ghi chú thêm"):
        document.add_heading(heading, level=1)
        document.add_paragraph("Nội dung do địa phương tự trình bày theo cách riêng.")
    document.save(tmp_path / "obj")
    parsed = parse_document(tmp_path / "obj", "docx", "bc.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "no_sections" and parsed.sections == ()
    assert parsed.error == "the report was read but none of its headings matched the outline: check it by hand"


def _signed_below_only(path):
    """A reply whose letterhead leaves the place and date out: they are written above the
    signer's title, in the signature block's right cell."""
    import docx
    from docx_builders import LETTERHEAD_ROWS, build_report

    letterhead = (LETTERHEAD_ROWS[0], (LETTERHEAD_ROWS[1][0], ""))
    build_report(path, letterhead=letterhead)
    document = docx.Document(path)
    signer = document.tables[-1].rows[0].cells[1]
    signer.paragraphs[0].insert_paragraph_before("Quảng Ninh, ngày 26 tháng 5 năm 2022")
    document.save(path)
    return path


def test_the_sign_off_is_kept_apart_with_the_date_written_above_the_signer(tmp_path):
    from datetime import date

    from baocao.parse.letterhead import ReportReference, report_reference

    parsed = parse_document(_signed_below_only(tmp_path / "bc.docx"), "docx", "bc.docx", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "ok" and "ngày 26" not in parsed.letterhead and "ngày 26" in parsed.signoff
    assert report_reference(parsed.letterhead, parsed.signoff) == ReportReference("123/BC-UBND", date(2022, 5, 26))
