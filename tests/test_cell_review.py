"""A confidence for every cell: the table says, for each province and outline item, how
sure the reader is of the text (section_N_confidence), whether a person should check it
(section_N_review) and why, in Vietnamese (section_N_note); the workbook fills those cells
amber and `baocao status` counts them."""

from __future__ import annotations

import dataclasses
import email.policy
import json
import math
import shutil
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from catalogue_surgery import as_an_older_baocao_left_it, schema_of
from docx_builders import (
    BEFORE_950,
    DIFFICULTIES,
    FUNDING,
    GENERAL_INFO,
    OWN_PART,
    PROPOSALS,
    build_report,
    letterhead_of,
)
from mailserver import run_baocao

from baocao.aggregate.corrections import CorrectionsError, load_corrections
from baocao.aggregate.review import of_section
from baocao.aggregate.schema import SHEET_LABELS, table_schema
from baocao.campaign import load_campaign
from baocao.parse.confidence import Reason
from baocao.parse.reports import ParsedDocument
from baocao.parse.sections import Section, SourceRef
from baocao.store import Store
from baocao.store.records import SectionRecord

QUANG_NINH, THANH_HOA, HA_NAM, HA_NOI = "22", "38", "35", "01"
WITHOUT_ITEM_3 = (BEFORE_950, GENERAL_INFO, FUNDING, DIFFICULTIES, PROPOSALS, OWN_PART)   # no communication


def message(sender: str, attachment: bytes, message_id: str) -> bytes:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"] = sender, "baocao.uda@moc.gov.vn"
    m["Subject"] = "Báo cáo tình hình triển khai đô thị thông minh theo văn bản số 1683/BXD-PTDT"
    m["Date"], m["Message-ID"] = "Fri, 27 May 2022 09:00:00 +0700", message_id
    m.set_content("Kính gửi Bộ Xây dựng, xin gửi kèm báo cáo.")
    m.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="bao-cao.docx")
    return m.as_bytes()


def doubt(store_path: Path, province_letterhead: str, doubts: dict[int, dict]) -> None:
    """Save a document's sections again as the reader would when unsure of some of them:
    item -> the Section fields to change (confidence, reasons, merged_with)."""
    store = Store.open(store_path)
    try:
        (document,) = [d for d in store.message_documents(load_campaign().id) if province_letterhead in d.letterhead]
        sections = tuple(
            dataclasses.replace(Section(s.number, s.heading, s.text,
                                        SourceRef("", s.first_block, s.last_block, s.first_page, s.last_page),
                                        s.merged_with), **doubts.get(s.number, {}))
            for s in store.sections(load_campaign().id)[document.sha256])
        with store.transaction():
            store.save_document(document.sha256, ParsedDocument(document.format, document.status, sections,
                                                                 document.letterhead), load_campaign().id)
    finally:
        store.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """Quảng Ninh reports without item 3; Thanh Hóa reports everything, but the reader found
    its item 2 only by its place in an OCR'd text and its item 5 under one heading with item 6;
    Hà Nam sends a damaged file; the other provinces send nothing."""
    work = tmp_path_factory.mktemp("cells")
    box = work / "hop-thu"
    box.mkdir()
    (box / "qn.eml").write_bytes(message("vanthu@quangninh.gov.vn", build_report(
        work / "qn.docx", parts=WITHOUT_ITEM_3).read_bytes(), "<qn@quangninh.gov.vn>"))
    (box / "th.eml").write_bytes(message("vanthu@thanhhoa.gov.vn", build_report(
        work / "th.docx", letterhead=letterhead_of("Thanh Hóa")).read_bytes(), "<th@thanhhoa.gov.vn>"))
    (box / "hn.eml").write_bytes(message("vanthu@hanam.gov.vn", b"PK\x03\x04 not a document",
                                         "<hn@hanam.gov.vn>"))
    store = work / "kho"
    result = run_baocao("ingest", "--store", str(store), "--from", str(box))
    assert result.returncode == 0, result.stderr
    doubt(store, "THANH HÓA", {2: {"confidence": 0.3, "reasons": (Reason.BY_POSITION, Reason.OCR)},
                               5: {"confidence": 0.5, "reasons": (Reason.MERGED,), "merged_with": (6,)}})
    return store


def aggregate(store: Path, out: Path) -> Path:
    result = run_baocao("aggregate", "--store", str(store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def table_of(store: Path, tmp_path: Path) -> pd.DataFrame:
    return pd.read_parquet(aggregate(store, tmp_path / "bang.parquet")).set_index("province_code")


def test_each_section_is_followed_by_its_confidence_review_and_note_with_their_types(store, tmp_path):
    table = table_of(store, tmp_path)
    columns = list(table.reset_index().columns)
    for n in range(1, 7):
        at = columns.index(f"section_{n}")
        assert columns[at:at + 4] == [f"section_{n}", f"section_{n}_confidence", f"section_{n}_review",
                                      f"section_{n}_note"]
        assert str(table[f"section_{n}_confidence"].dtype) == "float64"
        assert str(table[f"section_{n}_review"].dtype) == "bool"
        assert pd.api.types.is_string_dtype(table[f"section_{n}_note"])
    assert str(table["cells_to_review"].dtype) == "int64"
    labels = table_schema(load_campaign()).labels
    assert (labels["section_3_confidence"], labels["section_3_review"], labels["section_3_note"]) == \
        ("Mục 3 – độ tin cậy", "Mục 3 – cần kiểm tra", "Mục 3 – lý do")


def test_a_province_that_reported_without_an_item_has_that_cell_to_review(store, tmp_path):
    quang_ninh = table_of(store, tmp_path).loc[QUANG_NINH]
    assert quang_ninh["status"] == "on_time" and quang_ninh["section_3"] == ""
    assert (quang_ninh["section_3_confidence"], quang_ninh["section_3_review"], quang_ninh["section_3_note"]) == \
        (0.0, True, "trống dù tỉnh đã báo cáo")
    assert [n for n in range(1, 7) if quang_ninh[f"section_{n}_review"]] == [3]
    assert quang_ninh["section_1_confidence"] >= 0.9 and quang_ninh["section_1_note"] == ""  # its own heading
    assert quang_ninh["cells_to_review"] == 1


def test_a_province_missing_or_unreadable_has_nothing_to_review(store, tmp_path):
    table = table_of(store, tmp_path)
    assert (table.loc[HA_NOI, "status"], table.loc[HA_NAM, "status"]) == ("missing", "unreadable")
    for code in (HA_NOI, HA_NAM):
        row = table.loc[code]
        assert all(math.isnan(row[f"section_{n}_confidence"]) for n in range(1, 7))
        assert not any(row[f"section_{n}_review"] for n in range(1, 7)) and row["cells_to_review"] == 0
        assert {row[f"section_{n}_note"] for n in range(1, 7)} == {""}


def test_a_section_the_reader_doubts_is_to_review_with_its_reasons_in_vietnamese(store, tmp_path):
    records = json.loads(aggregate(store, tmp_path / "bang.json").read_text(encoding="utf-8"))
    thanh_hoa = next(r for r in records if r["province_code"] == THANH_HOA)
    assert (thanh_hoa["section_2_confidence"], thanh_hoa["section_2_review"], thanh_hoa["section_2_note"]) == \
        (0.3, True, "tìm theo vị trí; OCR")
    assert (thanh_hoa["section_5_review"], thanh_hoa["section_5_note"]) == (True, "gộp mục 5 và 6")
    assert (thanh_hoa["section_1_review"], thanh_hoa["cells_to_review"]) == (False, 2)
    hanoi = next(r for r in records if r["province_code"] == HA_NOI)
    assert (hanoi["section_2_confidence"], hanoi["section_2_review"]) == (None, False)


def test_a_cell_the_analyst_corrected_is_settled(store, tmp_path):
    local = tmp_path / "kho"
    shutil.copytree(store, local)
    (local / "corrections.toml").write_text(
        '[[correction]]\nprovince = "Quảng Ninh"\nfield = "section_3"\nvalue = "Tỉnh đã ban hành kế hoạch."\n'
        'note = "Sở Xây dựng gửi bổ sung qua điện thoại"\n', encoding="utf-8")
    quang_ninh = table_of(local, tmp_path).loc[QUANG_NINH]
    assert quang_ninh["section_3"] == "Tỉnh đã ban hành kế hoạch."
    assert (quang_ninh["section_3_confidence"], quang_ninh["section_3_review"], quang_ninh["section_3_note"]) == \
        (1.0, False, "đã sửa tay")
    assert quang_ninh["cells_to_review"] == 0


def test_a_cell_checked_and_found_right_is_settled_by_correcting_its_flag(store, tmp_path):
    local = tmp_path / "kho"
    shutil.copytree(store, local)
    (local / "corrections.toml").write_text(
        '[[correction]]\nprovince = "Thanh Hóa"\nfield = "section_2_review"\nvalue = false\n'
        'note = "đã đối chiếu bản giấy"\n', encoding="utf-8")
    thanh_hoa = table_of(local, tmp_path).loc[THANH_HOA]
    assert not thanh_hoa["section_2_review"] and thanh_hoa["section_2_note"] == "tìm theo vị trí; OCR"
    assert thanh_hoa["cells_to_review"] == 1   # item 5 is still to check
    assert thanh_hoa["overridden"] == "section_2_review (correction 1: đã đối chiếu bản giấy)"


def test_a_flag_corrected_with_words_says_what_it_takes(tmp_path):
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nprovince = "38"\nfield = "section_2_review"\nvalue = "đã kiểm tra"\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"number 1: section_2_review takes true or false, not 'đã kiểm tra'"):
        load_corrections(tmp_path, load_campaign())


def test_the_workbook_fills_the_cells_to_review_and_their_notes_only(store, tmp_path):
    sheet = openpyxl.load_workbook(aggregate(store, tmp_path / "bang.xlsx"))[SHEET_LABELS["table"]]
    headers = [cell.value for cell in sheet[1]]
    assert "Mục 3 – cần kiểm tra" in headers and "section_3_review" not in headers
    labels = table_schema(load_campaign()).labels
    column = {name: headers.index(label) + 1 for name, label in labels.items()}
    row = {sheet.cell(row=r, column=column["province_code"]).value: r for r in range(2, sheet.max_row + 1)}
    filled = {(code, name) for code, r in row.items() for name in column
              if sheet.cell(row=r, column=column[name]).fill.fill_type == "solid"}
    # Both reports give their funding as a table of items with no total row: to be checked too.
    funding = {(code, name) for code in (QUANG_NINH, THANH_HOA) for name in ("funding_vnd", "funding_note")}
    assert filled == {(QUANG_NINH, "section_3"), (QUANG_NINH, "section_3_note"),
                      (THANH_HOA, "section_2"), (THANH_HOA, "section_2_note"),
                      (THANH_HOA, "section_5"), (THANH_HOA, "section_5_note")} | funding
    note = sheet.cell(row=row[QUANG_NINH], column=column["funding_note"]).value
    assert note == "số liệu chưa rõ, cần kiểm tra"


def test_status_counts_the_cells_to_review_and_their_provinces(store):
    result = run_baocao("status", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "Cells to review: 3 in 2 provinces" in result.stdout


def test_a_store_made_before_cells_had_a_confidence_reads_them_as_certain(store, tmp_path):
    local = tmp_path / "kho"
    shutil.copytree(store, local)
    as_an_older_baocao_left_it(local, 3, [("sections", "confidence"), ("sections", "reasons")])

    table = table_of(local, tmp_path)

    assert {"confidence", "reasons"} <= schema_of(local)[1]["sections"]
    thanh_hoa = table.loc[THANH_HOA]
    assert [thanh_hoa[f"section_{n}_confidence"] for n in range(1, 7)] == [1.0] * 6
    assert thanh_hoa["cells_to_review"] == 0
    assert table.loc[QUANG_NINH, "section_3_review"]   # an empty item is still to check


def test_ocr_is_said_once_whether_the_reader_said_it_or_only_the_document_was_scanned():
    said = SectionRecord(2, "2. Mục 2", "…", 4, 9, confidence=0.3, reasons=(Reason.BY_POSITION, Reason.OCR))
    unsaid = dataclasses.replace(said, reasons=(Reason.BY_POSITION,))
    assert of_section(said, ocr=True).note == of_section(unsaid, ocr=True).note == "tìm theo vị trí; OCR"
    assert of_section(unsaid, ocr=False).note == "tìm theo vị trí"


def test_the_letter_to_the_prime_minister_shows_no_review_notes(store, tmp_path):
    result = run_baocao("render", "--store", str(store), "--out", str(tmp_path / "bao-cao.md"))
    assert result.returncode == 0, result.stderr
    letter = (tmp_path / "bao-cao.md").read_text(encoding="utf-8")
    assert "Kính gửi" in letter
    assert not any(note in letter for note in ("tìm theo vị trí", "gộp mục", "trống dù tỉnh đã báo cáo"))
