"""The desk's downloads (issue 16): the table and the report as they stand after a correction
made at the desk, each a file that opens and holds the corrected text; and the original
attachments, served by their hash only, never a file from anywhere else."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import urllib.parse

import docx
import openpyxl
import pdfplumber
import pytest
from review_desk import Browserless, start_desk

CORRECTED_TEXT = "Tổng kinh phí 2022: 42,5 tỷ đồng (Sở Xây dựng xác nhận qua điện thoại)."
CORRECTED_FUNDING = "42,5"          # tỷ đồng, as typed at the desk; the report's annex shows 42,50
SECRET = "noi-dung-ngoai-kho: không được đọc"


@pytest.fixture(scope="module")
def corrected(ingested_sample, tmp_path_factory):
    """A desk over a copy of the sample store, Hòa Bình's item 4 and funding figure corrected
    through its forms; beside the store (outside it) a file nobody may read through the desk."""
    root = tmp_path_factory.mktemp("downloads")
    store = root / "kho"
    shutil.copytree(ingested_sample, store)
    outside = root / "ngoai-kho"
    outside.mkdir()
    (outside / "bi-mat.txt").write_text(SECRET, encoding="utf-8")
    opened = root / "opened.log"
    running = start_desk(store, env=_watching_opens(root, root, opened))
    client = Browserless(running.url)
    saved = client.post("/tinh/17/muc/4", {**client.form("/tinh/17", "/tinh/17/muc/4"), "text": CORRECTED_TEXT,
                                           "action": "save"})
    assert saved[0] == 200, saved[1]
    saved = client.post("/tinh/17/kinh-phi", {**client.form("/tinh/17", "/tinh/17/kinh-phi"),
                                              "amount": CORRECTED_FUNDING, "action": "save"})
    assert saved[0] == 200, saved[1]
    yield running, outside, opened
    running.stop()


def _watching_opens(root, watched, log) -> dict:
    """An environment in which the desk writes down every file it opens under `watched`
    (a Python audit hook, installed by a sitecustomize module at start)."""
    hooks = root / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(f"""
import os
import sys

def _note(event, args):
    if event != "open" or isinstance(args[0], int):
        return
    path = os.path.abspath(os.fsdecode(os.fspath(args[0])))
    if path.startswith({str(watched)!r}) and path != {str(log)!r}:
        with open({str(log)!r}, "a", encoding="utf-8") as out:
            out.write(path + "\\n")

sys.addaudithook(_note)
""", encoding="utf-8")
    return {"PYTHONPATH": str(hooks)}


def _download(desk, name: str):
    status, headers, body = desk.get(f"/tai/{name}")
    assert status == 200, body[:500]
    assert headers["Content-Disposition"] == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    return headers["Content-Type"], body


def test_the_table_downloads_as_a_workbook_holding_the_corrected_text(corrected):
    desk, _, _ = corrected
    kind, body = _download(desk, "bang-tong-hop.xlsx")
    assert kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    values = {cell for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row}
    assert CORRECTED_TEXT in values


def test_the_report_downloads_as_a_word_file_with_the_corrected_funding(corrected):
    desk, _, _ = corrected
    kind, body = _download(desk, "bao-cao.docx")
    assert kind == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    rows = [[c.text for c in row.cells] for table in docx.Document(io.BytesIO(body)).tables for row in table.rows]
    [funding_row] = [r for r in rows if "Hòa Bình" in r and "Tỉnh Hòa Bình" not in r]   # Phụ lục II
    assert funding_row[funding_row.index("Hòa Bình") + 1] == "42,50"


def test_the_report_downloads_as_a_pdf_with_the_corrected_funding(corrected):
    desk, _, _ = corrected
    kind, body = _download(desk, "bao-cao.pdf")
    assert kind == "application/pdf"
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    assert any(line.split()[1:4] == ["Hòa", "Bình", "42,50"] for line in lines if "Hòa Bình" in line)


def test_an_original_attachment_is_served_by_its_hash(corrected):
    desk, _, _ = corrected
    sha = _report_of_hoa_binh(desk)
    status, headers, body = desk.get(f"/tep/{sha}")
    assert status == 200 and hashlib.sha256(body).hexdigest() == sha
    assert headers["Content-Disposition"].startswith('attachment; filename="')


def _report_of_hoa_binh(desk) -> str:
    _, page = Browserless(desk.url).get("/tinh/17")
    [sha] = {s.decode() for s in re.findall(rb'href="/tep/([0-9a-f]{64})"', page)}
    return sha


def test_an_unknown_hash_or_a_path_answers_404_and_no_file_outside_the_store_is_read(corrected):
    desk, outside, opened = corrected
    secret = outside / "bi-mat.txt"
    relative = f"../{outside.name}/{secret.name}"
    asked = [hashlib.sha256(secret.read_bytes()).hexdigest(),      # its hash: not a stored attachment
             "0" * 64, "A" * 64,
             urllib.parse.quote(relative, safe=""), urllib.parse.quote(str(secret), safe=""),
             urllib.parse.quote("../" * 12 + str(secret).lstrip("/"), safe=""),
             "%2e%2e%2f" + outside.name + "%2f" + secret.name]
    for value in asked:
        for path in (f"/tep/{value}", f"/trang/{value}/1.png"):
            status, _, body = desk.get(path)
            assert status == 404, path
            assert SECRET.encode() not in body, path
    assert desk.get(f"/tep/{_report_of_hoa_binh(desk)}")[0] == 200     # the note is kept: it sees the store …
    seen = opened.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(str(desk.store / "objects")) for line in seen)
    assert not [line for line in seen if line.startswith(str(outside))]     # … and nothing outside it is read
