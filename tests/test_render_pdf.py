"""The consolidated report as a PDF: the Word file converted by LibreOffice, read back with
pdfplumber and poppler's pdffonts/pdftotext, for all 63 provinces."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pdfplumber
import pytest
from render_tables import ERRORS, five_provinces, national_table, sample_table
from test_render_report import MACHINE, ON

from baocao.campaign import load_campaign
from baocao.render.pdf import docx_to_pdf
from baocao.render.report import RenderError, render_report

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdffonts") is None,
                                reason="needs LibreOffice and poppler-utils: run tests/setup.sh")

# Letters whose glyphs a font without full Vietnamese lacks, so they show a fallback font
# or break apart in the extracted text.
HARD_LETTERS = "Kiểm tra chữ: đồng, Ường, Ợ, ỹ, Ặ."


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory) -> Path:
    campaign = load_campaign()
    table = national_table(campaign)
    table.loc[0, "section_1"] += "\n" + HARD_LETTERS
    out = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    return render_report(table, campaign, ERRORS, out, on=ON, with_excerpts=True)


@pytest.fixture(scope="module")
def pages(pdf_path) -> list[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def parts(pages: list[str]) -> dict[str, list[str]]:
    """The pages of the letter's body and of each annex, by where each starts."""
    starts = {"body": 0}
    for i, page in enumerate(pages):
        for number in ("I", "II", "III"):
            if f"Phụ lục {number}\n" in page and "(Kèm theo Công văn số" in page:
                starts.setdefault(number, i)
    bounds = sorted(starts.items(), key=lambda kv: kv[1]) + [("end", len(pages))]
    return {name: pages[start:bounds[k + 1][1]] for k, (name, start) in enumerate(bounds[:-1])}


def test_the_body_of_63_provinces_ends_within_15_pages(pages):
    body = parts(pages)["body"]
    assert len(body) <= 15
    assert "Nơi nhận:" in body[-1] and "[Họ và tên]" in body[-1]   # the signature block whole on its page
    assert "KT. BỘ TRƯỞNG" in body[-1]


def test_each_annex_numbers_its_own_pages_from_one(pages):
    found = parts(pages)
    assert {"I", "II", "III"} <= set(found)
    for number in ("I", "II", "III"):
        annex = found[number]
        assert not annex[0].splitlines()[0].strip().isdigit()   # no number on its first page
        if len(annex) > 1:
            assert annex[1].splitlines()[0] == "2"


def test_pdf_pages_are_a4(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        sizes = {(round(p.width * 25.4 / 72), round(p.height * 25.4 / 72)) for p in pdf.pages}
    assert sizes == {(210, 297)}


def test_pdf_first_page_carries_the_header_block_and_addressee(pages):
    first = pages[0]
    for text in ("BỘ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "/BXD-PTĐT", "Hà Nội, ngày 29 tháng 6 năm 2022"):
        assert text in first
    assert "Kính gửi: Thủ tướng Chính phủ\n" in first


def test_pdf_numbers_pages_from_the_second(pages):
    assert pages[0].splitlines()[0] != "1"
    assert pages[1].splitlines()[0] == "2"


def test_pdf_embeds_only_liberation_serif(pdf_path):
    listing = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    fonts = {line.split()[0].split("+", 1)[-1] for line in listing.splitlines()[2:] if line.strip()}
    assert fonts and all(name.startswith("LiberationSerif") for name in fonts), fonts


def test_pdf_text_keeps_vietnamese_letters_whole(pdf_path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert HARD_LETTERS in " ".join(text.split())
    assert "127.500.000.000 đồng" not in text  # the 63-province table, not the five-province sample
    assert "Đồng bằng sông Cửu Long" in " ".join(text.split())


def test_pdf_synthesis_names_the_leading_theme_and_cites_the_ministrys_way(pages):
    text = " ".join(" ".join(pages).split())
    assert "- Nguồn lực, kinh phí: 54 địa phương (tất cả các địa phương báo cáo nội dung này)." in text
    assert "- Hành lang pháp lý, cơ chế chính sách: 27 địa phương (Hà Giang, Bắc Kạn, Lào Cai," in text
    assert re.search(r"” \(Báo cáo số \d+/BC-UBND ngày \d+/5/2022 của UBND (tỉnh|thành phố) [^)]+\)\.", text)


def test_pdf_has_nothing_for_machines(pages):
    assert not MACHINE.findall(" ".join(pages))


# --------------------------------------------------------------------------- LibreOffice failures


def _fake_soffice(folder: Path, body: str) -> Path:
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.fixture()
def small_docx(tmp_path) -> Path:
    campaign = five_provinces()
    return render_report(sample_table(campaign), campaign, ERRORS, tmp_path / "bao-cao.docx", on=ON)


def test_libreoffice_that_hangs_is_killed_with_its_children(small_docx, tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    monkeypatch.setenv("BAOCAO_SOFFICE", str(_fake_soffice(tmp_path, f"sleep 300 & echo $! > {pid_file}; wait")))
    started = time.monotonic()
    with pytest.raises(RenderError, match="within 1 s"):
        docx_to_pdf(small_docx, tmp_path / "out.pdf", timeout=1)
    assert time.monotonic() - started < 10
    time.sleep(0.2)
    assert not _running(int(pid_file.read_text()))


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed orphan waits as one until init reaps it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_libreoffice_that_makes_no_pdf_raises_render_error(small_docx, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_SOFFICE",
                       str(_fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2")))
    with pytest.raises(RenderError, match="made no PDF.*source file could not be loaded"):
        docx_to_pdf(small_docx, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_missing_libreoffice_raises_render_error_naming_the_packages(small_docx, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_SOFFICE", str(tmp_path / "khong-co" / "soffice"))
    with pytest.raises(RenderError, match="libreoffice-writer-nogui fonts-liberation2"):
        docx_to_pdf(small_docx, tmp_path / "out.pdf")
