"""The review desk in a real browser (Playwright driving Debian's Chromium), as an analyst uses
it: from the overview to a province, an item corrected or checked, and the table reflecting it
(issue 16)."""

from __future__ import annotations

import json
import re
import shutil
import time

import docx
import pypdfium2 as pdfium
import pytest
from docx_builders import COMMUNICATION, FUNDING, STANDARD, Part, build_report, letterhead_of
from mailserver import run_baocao
from review_desk import HOSTILE_FUNDING, HOSTILE_SUBJECT, ingest_mail, start_desk, store_with_hostile_report

from baocao.aggregate.corrections import load_corrections
from baocao.campaign import load_campaign
from baocao.store.objects import ObjectStore

pytest.importorskip("playwright")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail("Chromium is not installed: run `bash tests/setup.sh` first", pytrace=False)
    # Debian's Chromium, not a browser build Playwright would download; root needs --no-sandbox.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox"]}


# Ninh Bình (no report in the sample) sends a report whose item 3 runs over three pages, item 4
# starting on the third, under it, and running onto a fourth page where item 5 starts.
LONG_PROVINCE = "37"
LONG_FILENAME = "ninh-binh.docx"
ITEM_3_PARAGRAPHS = tuple(f"Đoạn TT{n}: tỉnh tổ chức tuyên truyền về đô thị thông minh trên báo, đài và cổng "
                          "thông tin điện tử." for n in (1, 2, 3))
ITEM_4_PARAGRAPHS = tuple(f"Đoạn KP{n}: kinh phí đã bố trí cho Trung tâm IOC là 12 tỷ đồng." for n in (1, 2))
NEW_PAGE_BEFORE = ("Đoạn TT2", "Đoạn TT3", "Đoạn KP2")


def add_a_report_running_over_pages(store, tmp_path) -> None:
    parts = tuple(Part(p.heading, ITEM_3_PARAGRAPHS) if p is COMMUNICATION else
                  Part(p.heading, ITEM_4_PARAGRAPHS) if p is FUNDING else p for p in STANDARD)
    path = build_report(tmp_path / LONG_FILENAME, parts=parts, letterhead=letterhead_of("Ninh Bình", "88/BC-UBND"))
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(NEW_PAGE_BEFORE):
            paragraph.paragraph_format.page_break_before = True
    document.save(path)
    ingest_mail(store, tmp_path / "box-ninh-binh", path, sender="ubnd@ninhbinh.gov.vn",
                subject="Báo cáo đô thị thông minh tỉnh Ninh Bình", message_id="<dai@ninhbinh.gov.vn>",
                filename=LONG_FILENAME)


@pytest.fixture(scope="module")
def desk(ingested_sample, tmp_path_factory):
    store = store_with_hostile_report(ingested_sample, tmp_path_factory.mktemp("desk"))
    add_a_report_running_over_pages(store, tmp_path_factory.mktemp("long"))
    running = start_desk(store)
    yield running
    assert running.stop().returncode == 0


@pytest.fixture
def alerts(page):
    """Every dialog a script would open (an alert() smuggled in a report): there must be none."""
    opened = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def aggregate_rows(store, tmp_path) -> dict[str, dict]:
    out = tmp_path / "bang.json"
    result = run_baocao("aggregate", "--store", str(store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    rows = rows["rows"] if isinstance(rows, dict) else rows
    return {r["province_code"]: r for r in rows}


def item(page, number: int):
    return page.get_by_role("region", name=re.compile(rf"^Mục {number}\. "))


def test_the_overview_shows_every_province_and_filters_those_to_review(desk, page, tmp_path):
    rows = aggregate_rows(desk.store, tmp_path)
    to_review = sorted(r["province"] for r in rows.values() if r["cells_to_review"])
    page.goto(desk.url)
    assert page.locator("table.provinces tbody tr").count() == 63
    page.get_by_role("link", name=f"Cần kiểm tra ({len(to_review)})").click()
    page.wait_for_url(re.compile(r"/\?loc=can-kiem-tra$"))  # the filtered page, not the one being left
    shown = page.locator("table.provinces tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(shown) == to_review
    page.get_by_role("link", name=re.compile(r"^Chưa báo cáo \(")).click()
    page.wait_for_url(re.compile(r"/\?loc=chua-bao-cao$"))
    missing = [r for r in rows.values() if r["status"] == "missing"]
    assert page.locator("table.provinces tbody tr").count() == len(missing)


def wait_for_the_source_pages(page, source) -> None:
    deadline = time.monotonic() + 120     # LibreOffice makes the Word file's PDF in the background
    while source.locator("svg.page").count() == 0 and time.monotonic() < deadline:
        assert "Đang chuyển tệp" in source.inner_text()
        page.wait_for_timeout(1000)
        page.reload()


def test_each_item_is_shown_beside_its_source_page_with_its_heading_marked(desk, page):
    page.goto(desk.url + "tinh/17")
    source = item(page, 4).locator(".source")
    wait_for_the_source_pages(page, source)
    picture = source.get_by_role("img", name=re.compile(r"^Trang \d+ của .*\.docx, tiêu đề mục được đánh dấu"))
    assert picture.is_visible() and picture.locator("rect.mark").count() == 1
    assert picture.locator("image").evaluate("i => i.getBBox().width") > 0


def pages_holding(pdf_path, words: str) -> list[int]:
    """The pages (1-based) of the PDF whose text has these words."""
    document = pdfium.PdfDocument(pdf_path)
    try:
        return [n for n, p in enumerate(document, start=1) if words in p.get_textpage().get_text_range()]
    finally:
        document.close()


def test_an_item_is_shown_beside_every_page_its_text_runs_onto_and_not_the_next_items(desk, page):
    page.goto(desk.url + f"tinh/{LONG_PROVINCE}")
    source = item(page, 3).locator(".source")
    wait_for_the_source_pages(page, source)
    [sha] = set(re.findall(r"/trang/([0-9a-f]{64})/", source.inner_html()))
    pdf = ObjectStore(desk.store).rendition_path(sha, ".pdf")     # the PDF LibreOffice made, as the desk shows it
    item_3_pages = sorted({n for k in (1, 2, 3) for n in pages_holding(pdf, f"Đoạn TT{k}")})
    [item_4_last] = pages_holding(pdf, "Đoạn KP2")
    assert len(item_3_pages) == 3 and item_4_last == item_3_pages[-1] + 1     # the report is laid out as meant

    first, *following = item_3_pages
    heading_page = source.get_by_role("img", name=f"Trang {first} của {LONG_FILENAME}, tiêu đề mục được đánh dấu")
    assert heading_page.locator("rect.mark").count() == 1
    shown = []
    for image in source.locator("img.page").all():
        image.scroll_into_view_if_needed()     # the pages after the first load as they come into view
        image.evaluate("i => i.decode()")
        assert image.evaluate("i => i.naturalWidth") > 0
        shown.append(int(re.fullmatch(rf"Trang (\d+) của {re.escape(LONG_FILENAME)}", image.get_attribute("alt"))[1]))
    assert shown == following                   # the pages item 3 runs onto, its last one item 4's heading's
    assert item_4_last not in shown             # not the page where only item 4 goes on

    next_item = item(page, 4).locator(".source")
    assert next_item.get_by_role("img", name=re.compile(rf"^Trang {item_3_pages[-1]} của .*được đánh dấu")).count() == 1
    assert next_item.get_by_role("img", name=f"Trang {item_4_last} của {LONG_FILENAME}").count() == 1


def test_correcting_item_4_reaches_the_aggregate_table_as_overridden(desk, page, tmp_path):
    page.goto(desk.url)
    page.get_by_role("link", name="Hòa Bình", exact=True).click()
    assert page.get_by_role("heading", name=re.compile("^Hòa Bình")).is_visible()
    corrected = "Tổng kinh phí 2022: 42,5 tỷ đồng (Sở Xây dựng xác nhận)."
    page.get_by_role("textbox", name="Mục 4").fill(corrected)
    item(page, 4).get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/tinh/17#muc-4$"))
    assert item(page, 4).get_by_text("sửa văn bản").is_visible() or item(page, 4).locator("details").count() == 1
    assert page.get_by_role("textbox", name="Mục 4").input_value() == corrected
    row = aggregate_rows(desk.store, tmp_path)["17"]
    assert row["section_4"] == corrected
    assert "section_4" in row["overridden"]
    [cell] = [c for c in load_corrections(desk.store, load_campaign()).cells if c.field == "section_4"]
    assert cell.by and cell.at


def test_marking_an_item_checked_settles_its_cell(desk, page, tmp_path):
    before = aggregate_rows(desk.store, tmp_path)["17"]
    assert before["section_1_review"] is True
    page.goto(desk.url + "tinh/17")
    item(page, 1).get_by_role("button", name="Đã kiểm tra").click()
    page.wait_for_url(re.compile(r"/tinh/17#muc-1$"))
    assert item(page, 1).get_by_role("button", name="Đã kiểm tra").count() == 0
    after = aggregate_rows(desk.store, tmp_path)["17"]
    assert after["section_1_review"] is False and after["cells_to_review"] == before["cells_to_review"] - 1


def test_hostile_text_from_a_report_stays_text(desk, page, alerts):
    page.goto(desk.url + "tinh/89")
    assert page.get_by_role("textbox", name="Mục 4").input_value() == HOSTILE_FUNDING
    assert page.get_by_text(HOSTILE_SUBJECT).is_visible()
    page.get_by_role("textbox", name="Mục 5").fill('<img src=x onerror="window.hacked = 5"><script>alert(1)</script>')
    item(page, 5).get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/tinh/89#muc-5$"))
    assert item(page, 5).locator("details pre").first.text_content().startswith("<img src=x")
    assert page.get_by_role("textbox", name="Mục 5").input_value().startswith("<img src=x")
    assert page.evaluate("window.hacked") is None and alerts == []
    assert page.locator("main img[src='x']").count() == 0


def test_a_second_save_of_the_same_item_shows_both_texts_and_loses_nothing(desk, browser):
    first, second = browser.new_page(), browser.new_page()
    for p in (first, second):
        p.goto(desk.url + "tinh/01")
    first.get_by_role("textbox", name="Mục 6").fill("Đề xuất của người thứ nhất.")
    item(first, 6).get_by_role("button", name="Lưu").click()
    first.wait_for_url(re.compile(r"#muc-6$"))

    second.get_by_role("textbox", name="Mục 6").fill("Đề xuất của người thứ hai.")
    with second.expect_response(re.compile(r"/tinh/01/muc/6$")) as answer:
        item(second, 6).get_by_role("button", name="Lưu").click()
    assert answer.value.status == 409
    alert = second.get_by_role("alert")
    assert "Chưa lưu" in alert.inner_text()
    assert alert.locator("pre.saved").inner_text() == "Đề xuất của người thứ nhất."
    assert alert.locator("pre.yours").inner_text() == "Đề xuất của người thứ hai."
    assert second.get_by_role("textbox", name="Mục 6").input_value() == "Đề xuất của người thứ hai."
    saved = [c.value for c in load_corrections(desk.store, load_campaign()).cells if c.field == "section_6"]
    assert saved == ["Đề xuất của người thứ nhất."]

    item(second, 6).get_by_role("button", name="Lưu").click()   # having seen both, the second person decides
    second.wait_for_url(re.compile(r"#muc-6$"))
    saved = [c.value for c in load_corrections(desk.store, load_campaign()).cells if c.field == "section_6"]
    assert saved == ["Đề xuất của người thứ nhất.", "Đề xuất của người thứ hai."]
    first.close()
    second.close()


def test_the_key_n_opens_the_next_item_to_review(desk, page):
    page.goto(desk.url)
    page.keyboard.press("n")
    page.wait_for_url(re.compile(r"/tinh/\d+#muc-\d$"))
    number = int(page.url.rsplit("-", 1)[1])
    assert item(page, number).get_by_text("Cần kiểm tra").is_visible()


def test_the_queue_is_worked_from_the_keyboard_n_for_the_next_province_ctrl_enter_to_save(desk, page, tmp_path):
    rows = aggregate_rows(desk.store, tmp_path)          # in the table's order, which the queue follows
    queue = [(code, n) for code, r in rows.items() for n in range(1, 7) if r[f"section_{n}_review"]]
    assert len({code for code, _ in queue}) >= 2
    here = queue[0][0]
    after_here = next(cell for cell in queue if cell[0] != here)
    page.goto(desk.url + f"tinh/{here}")
    page.keyboard.press("n")
    page.wait_for_url(re.compile(rf"/tinh/{after_here[0]}#muc-{after_here[1]}$"))

    code, number = after_here
    box = page.get_by_role("textbox", name=f"Mục {number}")
    box.press("Control+End")
    box.press("n")                                       # typing in a box: an n is a letter, not a shortcut
    assert box.input_value().endswith("n") and page.url.endswith(f"/tinh/{code}#muc-{number}")
    corrected = "Văn bản sửa bằng bàn phím, lưu bằng Ctrl+Enter."
    box.fill(corrected)
    with page.expect_navigation():
        box.press("Control+Enter")
    page.wait_for_url(re.compile(rf"/tinh/{code}#muc-{number}$"))
    assert page.get_by_role("textbox", name=f"Mục {number}").input_value() == corrected
    saved = [c.value for c in load_corrections(desk.store, load_campaign()).cells
             if (c.province_code, c.field) == (code, f"section_{number}")]
    assert saved == [corrected]


def test_logging_in_with_require_login(ingested_sample, tmp_path, page):
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    (tmp_path / "pass").write_text("mat-khau-dai-1234\n", encoding="utf-8")
    added = run_baocao("user", "add", "--store", str(store), "lan.nt", "--role", "analyst",
                       "--password-file", str(tmp_path / "pass"))
    assert added.returncode == 0, added.stderr
    assert "mat-khau-dai-1234" not in (store / "users.toml").read_text(encoding="utf-8")
    running = start_desk(store, "--require-login")
    try:
        page.goto(running.url + "tinh/17")
        assert "/dang-nhap" in page.url
        page.get_by_label("Tên đăng nhập").fill("lan.nt")
        page.get_by_label("Mật khẩu").fill("sai-mat-khau")
        page.get_by_role("button", name="Đăng nhập").click()
        assert "không đúng" in page.get_by_role("alert").inner_text()
        page.get_by_label("Mật khẩu").fill("mat-khau-dai-1234")
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(re.compile(r"/tinh/17$"))
        assert page.get_by_text("lan.nt").first.is_visible()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url(re.compile(r"/dang-nhap$"))
        page.goto(running.url)
        assert "/dang-nhap" in page.url
    finally:
        assert running.stop().returncode == 0
