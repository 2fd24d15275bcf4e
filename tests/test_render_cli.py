"""Issue 15's "Done when", through the command line: from a store of the 63 provinces'
replies (tests/national_mailbox.py, ingested with `baocao ingest`), `baocao render --date
2022-06-29` writes the letter a director signs and `baocao aggregate` the analyst's workbook.

Slow (about a minute: 56 Word reports read, LibreOffice for the PDF), and in the default run:
it is the one test that goes from mail to the signed letter."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from html.parser import HTMLParser

import openpyxl
import pdfplumber
import pytest
from click.testing import CliRunner
from national_mailbox import DOUBTFUL_NEEDS, HCM_DECISION, write_national_mailbox
from test_render_pdf import parts
from test_render_report import MACHINE

from baocao.campaign import load_campaign
from baocao.cli import cli
from baocao.render.money import ty_number

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice: run tests/setup.sh")]

# Words of baocao's own English messages (rules, errors, advice to the clerk): none may reach the letter.
OUR_ENGLISH = ("stated", "total", "amount", "amounts", "single", "outside", "funding", "item", "found", "table",
               "without", "guessed", "column", "approximate", "ambiguous", "check", "cannot", "read", "document",
               "attached", "ask", "province", "error", "password", "protected", "limit", "sections", "message",
               "unreadable", "missing", "late", "on_time", "review", "none", "nan", "null", "true", "false")


def baocao(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The store, the letter (.pdf, .html, .md) and the workbook, made by the CLI once."""
    folder = tmp_path_factory.mktemp("national")
    expected = write_national_mailbox(folder / "mail")
    store = str(folder / "kho")
    baocao("ingest", "--store", store, "--from", str(folder / "mail"), "--quiet")
    for suffix in (".pdf", ".html", ".md"):
        baocao("render", "--store", store, "--out", str(folder / f"bao-cao{suffix}"), "--date", "2022-06-29")
    baocao("aggregate", "--store", store, "--out", str(folder / "bang-tong-hop.xlsx"))
    return folder, expected


@pytest.fixture(scope="module")
def pages(national) -> list[str]:
    with pdfplumber.open(national[0] / "bao-cao.pdf") as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture(scope="module")
def letter(pages) -> str:
    """The body's text, lines joined: a figure may break across lines."""
    return " ".join(" ".join(parts(pages)["body"]).split())


def test_the_letter_is_dated_the_day_given(pages):
    assert "Hà Nội, ngày 29 tháng 6 năm 2022" in pages[0]
    assert "Tính đến ngày 29 tháng 6 năm 2022" in " ".join(pages[0].split())


def test_the_body_ends_within_15_pages_with_the_signature_whole(pages):
    body = parts(pages)["body"]
    assert len(body) <= 15
    assert "Nơi nhận:" in body[-1] and "KT. BỘ TRƯỞNG" in body[-1] and "[Họ và tên]" in body[-1]


class _Text(HTMLParser):
    """What a reader of the html sees (not its style sheet)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.texts.append(data)


def test_no_machine_material_in_any_format_of_the_letter(national, pages):
    folder, _ = national
    html = (folder / "bao-cao.html").read_text(encoding="utf-8")
    for name, text in (("pdf", "\n".join(pages)), ("html", " ".join(_Text(html).texts)),
                       ("md", (folder / "bao-cao.md").read_text(encoding="utf-8"))):
        assert not MACHINE.findall(text), name
        words = {w.lower() for w in re.findall(r"[A-Za-z_]+", text)}
        assert not words & set(OUR_ENGLISH), (name, words & set(OUR_ENGLISH))
        assert not re.search(r"\b[0-9a-f]{16,}\b|\.(?:docx|pdf|eml)\b|<[^>\s]+@", text), name


def test_the_national_funding_total_is_the_sum_of_the_provinces(national, letter, pages):
    _, expected = national
    total = ty_number(sum(expected.funding_vnd.values()))
    reported = len(expected.reported)
    assert f"Có {reported}/{reported} địa phương đã báo cáo nêu được tổng kinh phí" in letter
    assert f"cộng {total} tỷ đồng (chi tiết tại Phụ lục II)" in letter
    annex = " ".join(" ".join(parts(pages)["II"]).split())
    assert re.search(rf"Cả nước \({reported}/63 .*?{re.escape(total)}", annex)


def test_support_asked_and_needs_are_summed_and_a_doubtful_one_shown_apart(national, letter):
    _, expected = national
    assert (f"Về kinh phí đề nghị Trung ương hỗ trợ: {len(expected.support_vnd)} địa phương nêu số cụ thể, cộng "
            f"{ty_number(sum(expected.support_vnd.values()))} tỷ đồng") in letter
    assert (f"Về nhu cầu kinh phí giai đoạn 2022–2025: {len(expected.needs_vnd)} địa phương nêu số cụ thể, cộng "
            f"{ty_number(sum(expected.needs_vnd.values()))} tỷ đồng") in letter
    (code, vnd), = expected.needs_doubtful.items()
    name = load_campaign().province(code).name
    assert f"Số liệu cần kiểm tra thêm, chưa cộng vào số trên: {name} {ty_number(vnd)} tỷ đồng ({DOUBTFUL_NEEDS})" \
        in letter


def test_schemes_approved_are_counted_with_their_decisions(national, letter):
    _, expected = national
    assert f"Về Đề án đô thị thông minh của địa phương: {len(expected.schemes)} địa phương nêu đã phê duyệt" in letter
    assert f"Thành phố Hồ Chí Minh (Quyết định số {HCM_DECISION} ngày 23/11/2017)" in letter
    assert f"{len(expected.drafting)} địa phương nêu chưa phê duyệt." in letter


def test_each_annex_is_in_nd30_form_with_its_line_and_own_numbers(pages):
    found = parts(pages)
    for number in ("I", "II"):
        first = found[number][0]
        assert f"Phụ lục {number}" in first
        assert "(Kèm theo Công văn số /BXD-PTĐT ngày 29/6/2022 của Bộ Xây dựng)" in " ".join(first.split())
        assert not first.splitlines()[0].strip().isdigit()
        if len(found[number]) > 1:
            assert found[number][1].splitlines()[0] == "2"


def test_the_workbook_has_vietnamese_headers_and_real_dates(national):
    folder, expected = national
    book = openpyxl.load_workbook(folder / "bang-tong-hop.xlsx")
    sheet = book["Bảng tổng hợp"]
    headers = [c.value for c in sheet[1]]
    assert {"Tỉnh, thành phố", "Tình trạng", "Thời điểm nhận", "Tổng kinh phí (tỷ đồng)",
            "Kinh phí đề nghị Trung ương hỗ trợ (tỷ đồng)", "Nhu cầu kinh phí giai đoạn 2022–2025 (tỷ đồng)"} \
        <= set(headers)
    assert not [h for h in headers if re.fullmatch(r"[a-z0-9_]+", str(h))]   # no machine name left
    received = [row[headers.index("Thời điểm nhận")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(isinstance(v, datetime) for v in received) == len(expected.reported)
    statuses = {row[headers.index("Tình trạng")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert statuses == {"Đúng hạn", "Quá hạn", "Chưa gửi"}
