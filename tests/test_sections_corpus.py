"""The section-extraction corpus (fixtures/reports, written by fixtures/make_reports.py):
it is complete, and every outline section of every report reads back as expected.

A section reads back right when its extracted text contains the expected text (NFC,
whitespace collapsed; for scans, rapidfuzz partial_ratio >= 90, or ratio >= 90 for a text
shorter than the expected one), no line of another
section's expected text, and none of the report's `absent` strings (intro, sign-off, page
header/footer, deleted revisions, the province's own extra part); and the reader finds no
section the report does not have. bench/sections.py scores the same way.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from baocao.campaign import load_campaign
from baocao.parse.reports import parse_document

# Kinds of file whose reader the integrated baocao has; add "pdf", "doc", "tcvn3", "scan"
# as their readers land. "docx" is checked by its own test below either way.
READABLE = {"docx", "pdf", "doc", "tcvn3", "scan"}

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "reports"
ENTRIES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
VARIANTS = {
    "heading_styles", "bold_roman", "bold_arabic", "paren_labels", "letter_labels", "all_caps",
    "auto_numbered", "paraphrased", "reordered", "without_first", "merged_5_6", "funding_table",
    "text_box", "tracked_changes", "header_footer",
}
KINDS = {"docx", "pdf", "doc", "scan", "tcvn3"}
OCR_THRESHOLD = 90
OCR_MIN_LINE = 40


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def contains(text: str, part: str, ocr: bool) -> bool:
    if part in text:
        return True
    if not ocr or not text:
        return False
    if len(text) < len(part):  # partial_ratio would find a shorter text inside the expected one
        return fuzz.ratio(part, text) >= OCR_THRESHOLD
    return fuzz.partial_ratio(part, text) >= OCR_THRESHOLD


def section_problems(entry: dict) -> list[str]:
    """What is wrong with the sections read from this file ([] when all are right)."""
    parsed = parse_document(CORPUS / entry["file"], entry["format"], entry["file"], load_campaign().sections)
    if parsed.status != "ok":
        return [f"not read: {parsed.status}: {parsed.error}"]
    ocr = entry["ocr"]
    found = {s.number: squash(s.text) for s in parsed.sections}
    problems = [f"§{n}: found, but the report has no such section"
                for n in sorted(set(found) - {int(k) for k in entry["sections"]})]
    for key, expected in entry["sections"].items():
        n = int(key)
        if n not in found:
            problems.append(f"§{n}: not found")
            continue
        text = found[n]
        if not contains(text, squash(expected), ocr):
            problems.append(f"§{n}: expected text missing; got {text[:120]!r}")
        own = set(expected.split("\n"))
        for other_key, other in entry["sections"].items():
            if other == expected:
                continue  # a merged "5 và 6" heading: both items expect the same text
            leaked = [line for line in other.split("\n")
                      if line not in own and not (ocr and len(line) < OCR_MIN_LINE)
                      and contains(text, squash(line), ocr)]
            if leaked:
                problems.append(f"§{n}: contains text of §{other_key}: {leaked[0][:60]!r}")
        for absent in entry["absent"]:
            if not (ocr and len(absent) < OCR_MIN_LINE) and contains(text, squash(absent), ocr):
                problems.append(f"§{n}: contains {absent[:60]!r}")
    return problems


def kind(entry: dict) -> str:
    return entry["kind"]


# ---------------------------------------------------------------------------------------
# The corpus itself
# ---------------------------------------------------------------------------------------


def test_every_listed_file_exists():
    missing = [e["file"] for e in ENTRIES if not (CORPUS / e["file"]).is_file()]
    assert missing == []


def test_every_file_is_listed():
    listed = {e["file"] for e in ENTRIES}
    unlisted = [p.name for p in CORPUS.iterdir() if p.name != "expected.json" and p.name not in listed]
    assert unlisted == []


def test_corpus_has_at_least_40_reports():
    assert len(ENTRIES) >= 40


def test_every_variant_is_present():
    assert {e["variant"] for e in ENTRIES} == VARIANTS


def test_every_kind_of_file_is_present():
    assert {kind(e) for e in ENTRIES} == KINDS


def test_there_are_at_least_four_scans_and_only_they_need_ocr():
    scans = [e for e in ENTRIES if e["ocr"]]
    assert len(scans) >= 4
    assert all(kind(e) == "scan" and e["format"] == "pdf" for e in scans)


def test_each_report_is_from_a_different_province():
    codes = [e["province_code"] for e in ENTRIES]
    assert len(codes) == len(set(codes))


def test_format_is_what_the_file_is():
    magic = {"docx": b"PK\x03\x04", "pdf": b"%PDF-", "doc": b"\xd0\xcf\x11\xe0"}
    wrong = [e["file"] for e in ENTRIES if not (CORPUS / e["file"]).read_bytes().startswith(magic[e["format"]])]
    assert wrong == []


def test_a_report_without_section_1_expects_no_section_1():
    for e in ENTRIES:
        if e["variant"] == "without_first":
            assert sorted(e["sections"]) == ["2", "3", "4", "5", "6"], e["file"]
        else:
            assert sorted(e["sections"]) == ["1", "2", "3", "4", "5", "6"], e["file"]


def test_a_merged_heading_gives_items_5_and_6_the_same_text():
    merged = [e for e in ENTRIES if e["variant"] == "merged_5_6"]
    assert merged and all(e["sections"]["5"] == e["sections"]["6"] for e in merged)


def test_funding_tables_are_expected_as_rows_of_cells():
    tables = [e for e in ENTRIES if e["variant"] == "funding_table"]
    assert tables and all("TT | Nội dung | Kinh phí | Nguồn vốn" in e["sections"]["4"] for e in tables)


# ---------------------------------------------------------------------------------------
# Reading the sections back
# ---------------------------------------------------------------------------------------

DOCX = [e for e in ENTRIES if kind(e) == "docx"]
OTHERS = [
    pytest.param(e, id=e["file"], marks=() if kind(e) in READABLE else
                 pytest.mark.skip(reason=f"{kind(e)} is not in READABLE yet"))
    for e in ENTRIES if kind(e) != "docx"
]


@pytest.mark.parametrize("entry", DOCX, ids=[e["file"] for e in DOCX])
def test_docx_sections_read_back_as_expected(entry):
    assert section_problems(entry) == []


@pytest.mark.parametrize("entry", OTHERS)
def test_other_formats_sections_read_back_as_expected(entry):
    assert section_problems(entry) == []
