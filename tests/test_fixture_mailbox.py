"""The bundled sample mailbox (fixtures/mailbox/) agrees with its manifest and with the
script that makes it. Other tests rely on these promises: they APPEND the files to an IMAP
server and compare baocao's reading with manifest.json."""

from __future__ import annotations

import email
import email.policy
import io
import json
import subprocess
import sys
import unicodedata
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import docx
import pytest

from baocao.campaign import load_campaign

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
MAILBOX = FIXTURES / "mailbox"
MANIFEST = json.loads((MAILBOX / "manifest.json").read_text(encoding="utf-8"))
BY_FILE = {m["file"]: m for m in MANIFEST}
REPORTS = [m for m in MANIFEST if m["kind"] == "report"]
FIRST_DELIVERIES = [m for m in REPORTS if m["duplicate_of"] is None]
CAMPAIGN = load_campaign()
PROVINCES = {p.code: p for p in CAMPAIGN.provinces}
KEYS = {"file", "internaldate", "message_id", "province_code", "kind", "duplicate_of",
        "supersedes", "expected_status", "sections", "funding_vnd"}


def raw(name: str) -> bytes:
    return (MAILBOX / name).read_bytes()


def message(name: str) -> email.message.EmailMessage:
    return email.message_from_bytes(raw(name), policy=email.policy.default)


def received(entry: dict) -> datetime:
    return datetime.fromisoformat(entry["internaldate"])


def attachment_docx(name: str) -> docx.document.Document:
    (part,) = list(message(name).iter_attachments())
    return docx.Document(io.BytesIO(part.get_content()))


def paragraph_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def fold(text: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


def test_manifest_lists_exactly_the_eml_files():
    assert sorted(p.name for p in MAILBOX.glob("*.eml")) == sorted(BY_FILE)
    assert {p.name for p in MAILBOX.iterdir()} == set(BY_FILE) | {"manifest.json"}


def test_every_manifest_entry_has_the_documented_keys():
    for entry in MANIFEST:
        assert set(entry) == KEYS, entry["file"]
        assert entry["kind"] in ("report", "auto_reply")
        assert entry["expected_status"] in ("on_time", "late", None)
        assert set(entry["sections"]) <= {"1", "2", "3", "4", "5", "6"}
        assert entry["funding_vnd"] is None or isinstance(entry["funding_vnd"], int)


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_message_parses_and_its_headers_match_the_manifest(name):
    msg = message(name)
    entry = BY_FILE[name]
    assert not msg.defects
    assert msg["Message-ID"] == entry["message_id"]
    assert msg["To"] == CAMPAIGN.mailbox
    assert b"\r\n" in raw(name) and b"\n" not in raw(name).replace(b"\r\n", b"")
    assert received(entry).utcoffset().total_seconds() == 7 * 3600


def test_mailbox_is_large_enough_to_exercise_the_pipeline():
    assert len(MANIFEST) >= 22
    assert len({m["province_code"] for m in FIRST_DELIVERIES}) >= 16
    assert sum(m["expected_status"] == "late" for m in FIRST_DELIVERIES) >= 4
    assert sum(m["expected_status"] == "on_time" for m in FIRST_DELIVERIES) > len(FIRST_DELIVERIES) / 2


def test_expected_status_follows_the_campaign_deadline():
    for entry in REPORTS:
        late = received(entry) >= CAMPAIGN.deadline
        assert entry["expected_status"] == ("late" if late else "on_time"), entry["file"]


def test_both_sides_of_the_deadline_instant_are_present():
    times = {m["internaldate"]: m["expected_status"] for m in REPORTS}
    assert times["2022-05-29T23:59:59+07:00"] == "on_time"
    assert times["2022-05-30T00:00:00+07:00"] == "late"


def test_date_header_equals_internaldate_except_for_one_wrong_clock():
    # A second delivery carries the first one's Date header, so compare first deliveries.
    first = [m for m in MANIFEST if m["duplicate_of"] is None]
    differing = [m for m in first if parsedate_to_datetime(message(m["file"])["Date"]) != received(m)]
    (wrong,) = differing
    assert parsedate_to_datetime(message(wrong["file"])["Date"]).date().isoformat() == "2022-05-28"
    assert wrong["internaldate"].startswith("2022-05-31")
    assert wrong["expected_status"] == "late"


def test_one_auto_reply_without_attachment():
    (auto,) = [m for m in MANIFEST if m["kind"] == "auto_reply"]
    msg = message(auto["file"])
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["Subject"].startswith("Thư trả lời tự động:")
    assert list(msg.iter_attachments()) == []
    assert auto["province_code"] is None and auto["expected_status"] is None


def test_one_duplicate_is_a_byte_identical_second_delivery():
    (dup,) = [m for m in MANIFEST if m["duplicate_of"]]
    original = BY_FILE[dup["duplicate_of"]]
    assert raw(dup["file"]) == raw(original["file"])
    assert received(dup) > received(original)
    assert {k: v for k, v in dup.items() if k not in ("file", "internaldate", "duplicate_of")} == {
        k: v for k, v in original.items() if k not in ("file", "internaldate", "duplicate_of")
    }
    others = [raw(m["file"]) for m in MANIFEST if m["file"] != dup["file"]]
    assert len(set(others)) == len(others)


def test_one_correction_replaces_an_earlier_report_of_the_same_province():
    (corr,) = [m for m in MANIFEST if m["supersedes"]]
    old = BY_FILE[corr["supersedes"]]
    assert corr["province_code"] == old["province_code"]
    assert received(corr) > received(old)
    assert "bổ sung, thay thế" in message(corr["file"])["Subject"].casefold()
    changed = [n for n in old["sections"] if old["sections"][n] != corr["sections"].get(n)]
    assert changed
    corr_text = "\n".join(paragraph_texts(attachment_docx(corr["file"])))
    for n in changed:
        assert old["sections"][n] not in corr_text


@pytest.mark.parametrize("name", sorted(m["file"] for m in FIRST_DELIVERIES))
def test_report_docx_contains_its_manifest_sentences(name):
    document = attachment_docx(name)
    paragraphs = paragraph_texts(document)
    for number, sentence in BY_FILE[name]["sections"].items():
        assert sentence in paragraphs, (name, number)
        assert unicodedata.is_normalized("NFC", sentence)


@pytest.mark.parametrize("name", sorted(m["file"] for m in FIRST_DELIVERIES))
def test_report_docx_has_letterhead_fonts_and_table_styles(name):
    document = attachment_docx(name)
    province = PROVINCES[BY_FILE[name]["province_code"]]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "Times New Roman"
    left, right = document.tables[0].rows[0].cells
    assert province.name.upper() in left.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text
    assert any(p.startswith("Thực hiện văn bản số 1683/BXD-PTDT") for p in paragraph_texts(document))
    for table in document.tables:
        # Layout tables (letterhead, signature) have no style and no borders.
        assert table.style.name in ("Table Grid", "Normal Table")
    grids = [t for t in document.tables if t.style.name == "Table Grid"]
    assert all("Tổng cộng" in t.rows[-1].cells[1].text for t in grids)


def test_some_reports_leave_section_one_out():
    assert sum("1" not in m["sections"] for m in FIRST_DELIVERIES) >= 2
    assert all(set(m["sections"]) >= {"2", "3", "4", "5", "6"} for m in FIRST_DELIVERIES)


def test_funding_tables_and_a_report_stating_it_had_no_funding_both_occur():
    with_table = [m for m in FIRST_DELIVERIES
                  if any(t.style.name == "Table Grid" for t in attachment_docx(m["file"]).tables)]
    assert len(with_table) >= 2
    assert any(m["funding_vnd"] == 0 for m in FIRST_DELIVERIES)


def test_sender_domain_is_the_province_domain_unless_deliberately_not():
    public = []
    for entry in FIRST_DELIVERIES:
        domain = message(entry["file"])["From"].addresses[0].domain.lower()
        domains = PROVINCES[entry["province_code"]].domains
        if domain.endswith(".gov.vn"):
            assert any(domain == d or domain.endswith("." + d) for d in domains), entry["file"]
        else:
            public.append((entry, domain))
    assert {d for _, d in public} >= {"gmail.com"}
    assert len(public) == 2


def test_gmail_report_names_its_province_only_inside_the_document():
    (entry,) = [m for m in FIRST_DELIVERIES
                if message(m["file"])["From"].addresses[0].domain == "gmail.com"]
    msg = message(entry["file"])
    province = PROVINCES[entry["province_code"]]
    outside = fold(" ".join([str(msg["From"]), msg["Subject"], msg.get_body(("plain",)).get_content()]))
    for name in (province.name, *province.aliases):
        assert fold(name) not in outside
    left = attachment_docx(entry["file"]).tables[0].rows[0].cells[0].text
    assert f"TỈNH {province.name.upper()}" in left


def test_non_gov_sender_report_names_its_province_in_old_accent_placement():
    entry = next(m for m in FIRST_DELIVERIES
                 if not message(m["file"])["From"].addresses[0].domain.endswith((".gov.vn", "gmail.com")))
    assert PROVINCES[entry["province_code"]].name == "Thanh Hóa"
    assert "UBND tỉnh Thanh Hoá" in message(entry["file"])["Subject"]


def test_letter_number_is_cited_with_varied_spacing_and_dashes():
    texts = " ".join(
        m["Subject"] + " " + (m.get_body(("plain",)).get_content())
        for m in (message(name) for name in BY_FILE)
    )
    for variant in ("1683 /BXD-PTDT", "1683/BXD - PTDT", "1683/BXD-PTĐT", "1683/BXD-PTDT"):
        assert variant in texts


def test_mailbox_stays_small():
    assert sum(p.stat().st_size for p in MAILBOX.iterdir()) < 1_500_000


def test_readme_describes_every_message():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name in BY_FILE:
        assert f"`{name}`" in readme


def test_regenerating_gives_the_committed_bytes(tmp_path):
    subprocess.run(
        [sys.executable, str(FIXTURES / "make_mailbox.py"), "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in MAILBOX.iterdir())
    for p in MAILBOX.iterdir():
        assert (tmp_path / p.name).read_bytes() == p.read_bytes(), p.name
