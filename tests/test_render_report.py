"""The consolidated letter's content, built from the table without any file (what it says),
and the HTML, Markdown and clerk's working file written from it."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from render_tables import ERRORS, GENERATED, VN, five_provinces, make_table, national_table, province_row, sample_table

from baocao.campaign import load_campaign
from baocao.render.content import Heading, Paragraph, Table
from baocao.render.letter import build_report, filing_mark
from baocao.render.report import CHECKLIST_NAME, RenderError, render_report, report_date

ON = date(2022, 6, 29)

# What a machine leaves in a text and a person must never read in the letter.
MACHINE = re.compile(
    r"<[^<>\s]+@[^<>\s]+>|@|\b[\w.-]+\.(?:docx?|pdf|eml|xlsx|json|toml)\b|/(?:tmp|home|var|work)/|\(OCR\)|OCR"
    r"|\b(?:cannot|error|file|run|traceback|exception|none|null|nan)\b|`|XMLSyntaxError|[0-9a-f]{32,}",
    re.IGNORECASE)


@pytest.fixture(scope="module")
def campaign():
    return five_provinces()


@pytest.fixture(scope="module")
def table(campaign):
    return sample_table(campaign)


@pytest.fixture(scope="module")
def report(table, campaign):
    return build_report(table, campaign, ON)


@pytest.fixture(scope="module")
def national():
    campaign = load_campaign()
    return campaign, national_table(campaign)


def annex(report, number: str):
    return next(a for a in report.annexes if a.number == number)


def table_in(blocks, ident: str) -> Table:
    return next(b for b in blocks if isinstance(b, Table) and b.ident == ident)


# --------------------------------------------------------------------------- title, date, form


def test_the_letter_is_dated_the_day_given(report):
    assert report.title.place_date == "Hà Nội, ngày 29 tháng 6 năm 2022"
    status = report.part_text("1. Tình hình báo cáo")
    assert status.startswith("Tính đến ngày 29 tháng 6 năm 2022, Bộ Xây dựng đã nhận được báo cáo của 3/5 tỉnh, "
                             "thành phố")
    assert not re.search(r"\d{1,2}:\d{2}", report.all_text())  # no clock time anywhere


def test_without_a_date_the_letter_takes_the_day_of_the_campaign_zone():
    campaign = five_provinces()
    assert report_date(campaign, generated_at=datetime(2022, 6, 28, 20, 0, tzinfo=timezone.utc)) == date(2022, 6, 29)
    assert report_date(campaign, on=date(2022, 6, 1), generated_at=GENERATED) == date(2022, 6, 1)


def test_days_and_months_below_ten_and_three_take_a_leading_zero(table, campaign):
    assert build_report(table, campaign, date(2022, 2, 5)).title.place_date == "Hà Nội, ngày 05 tháng 02 năm 2022"


def test_addressee_has_no_full_stop_and_the_number_is_left_for_the_registry(report):
    assert report.title.addressee == "Kính gửi: Thủ tướng Chính phủ"
    assert report.title.number.startswith("Số:") and report.title.number.endswith("/BXD-PTĐT")


def test_filing_mark_is_the_units_code_as_the_ministry_writes_it(report, campaign):
    assert campaign.issuer_unit_code == "PTDT" and filing_mark(campaign) == "PTĐT"
    assert report.signature.recipients == ("Như trên;", "Bộ Thông tin và Truyền thông;", "Lưu: VT, PTĐT.")
    assert report.signature.authority == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG") and report.signature.name


def test_each_annex_says_which_letter_it_goes_with(report):
    assert [a.number for a in report.annexes] == ["I", "II"]
    assert {a.attached for a in report.annexes} == {"(Kèm theo Công văn số        /BXD-PTĐT ngày 29/6/2022 "
                                                    "của Bộ Xây dựng)"}


def test_excerpts_make_a_third_annex_only_when_asked(table, campaign):
    with_excerpts = build_report(table, campaign, ON, with_excerpts=True)
    third = annex(with_excerpts, "III")
    assert Heading("Thành phố Hà Nội", 3) in third.blocks
    assert Paragraph("Trung tâm IOC vận hành từ 2021.", "excerpt") in third.blocks


# --------------------------------------------------------------------------- status and lateness


def test_summary_counts_on_time_late_missing_and_unreadable(report):
    s = report.summary
    assert (s.total, s.reported, s.on_time, s.late, s.missing, s.unreadable) == (5, 3, 1, 1, 2, 1)


def test_lateness_is_counted_in_days_after_the_last_day_on_time(report):
    # Deadline "trước ngày 30/5/2022": Hà Giang's report of 31/5 is two days late.
    assert "chậm 2 ngày" in report.part_text("1. Tình hình báo cáo")
    rows = table_in(annex(report, "I").blocks, "provinces-annex").rows
    assert ("2", "Tỉnh Hà Giang", "", "31/5/2022", "Chậm 2 ngày") in rows


def test_lateness_counts_the_day_in_vietnam_not_utc(campaign):
    # 30/5 01:00 in Hà Nội is 29/5 18:00 UTC: late by one day.
    row = province_row(campaign, "02", "late", received_at="2022-05-29T18:00:00+00:00", reports=1)
    report = build_report(make_table(campaign, {"02": row}), campaign, ON)
    assert "Hà Giang (chậm 1 ngày)" in report.part_text("1. Tình hình báo cáo")


def test_annex_i_lists_every_province_with_its_report_and_status(campaign):
    row = province_row(campaign, "06", "on_time", received_at="2022-05-24T10:00:00+07:00", reports=1,
                       report_number="139/BC-UBND", report_date="2022-05-23", section_1="Có.")
    rows = table_in(annex(build_report(make_table(campaign, {"06": row}), campaign, ON), "I").blocks,
                    "provinces-annex").rows
    assert ("4", "Tỉnh Bắc Kạn", "139/BC-UBND ngày 23/5/2022", "24/5/2022", "Đúng hạn") in rows
    assert ("1", "Thành phố Hà Nội", "", "", "Chưa gửi") in rows
    assert sum(1 for r in rows if r[0].isdigit()) == 5


# --------------------------------------------------------------------------- citations and quotations


def test_quotations_cite_the_report_by_number_and_date_as_the_ministry_does(campaign):
    text = "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn về tiêu chuẩn kết nối dữ liệu đô thị thông minh."
    row = province_row(campaign, "06", "on_time", received_at="2022-05-24T10:00:00+07:00", reports=1,
                       report_number="139/BC-UBND", report_date="2022-05-23", section_6=text, proposal_themes="legal")
    proposals = build_report(make_table(campaign, {"06": row}), campaign, ON).part_text("4. Kiến nghị")
    assert f"“{text}” (Báo cáo số 139/BC-UBND ngày 23/5/2022 của UBND tỉnh Bắc Kạn)." in proposals


def test_without_a_report_number_the_quotation_cites_the_day_received(campaign):
    text = "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn về tiêu chuẩn kết nối dữ liệu đô thị thông minh."
    row = province_row(campaign, "01", "on_time", received_at="2022-05-24T10:00:00+07:00", reports=1,
                       section_6=text, proposal_themes="legal")
    proposals = build_report(make_table(campaign, {"01": row}), campaign, ON).part_text("4. Kiến nghị")
    assert "(văn bản gửi ngày 24/5/2022 của UBND thành phố Hà Nội)" in proposals


def _difficulty_rows(campaign, **overrides):
    common = "Nguồn lực, kinh phí đầu tư cho đô thị thông minh còn hạn chế, chủ yếu từ ngân sách địa phương."
    texts = {"01": common, "02": "Nguồn lực kinh phí đầu tư còn hạn chế, chủ yếu từ ngân sách địa phương cấp.",
             "04": "Kinh phí cho hệ thống camera giao thông năm 2021 được bố trí muộn hơn kế hoạch ban đầu."}
    rows = {}
    for code, text in texts.items():
        values = {"section_5": text, "difficulty_themes": "resources", **overrides.get(code, {})}
        rows[code] = province_row(campaign, code, "on_time", reports=1, received_at="2022-05-24T10:00:00+07:00",
                                  **values)
    return rows


def test_the_quotation_of_a_theme_is_the_sentence_most_like_the_other_provinces(campaign):
    difficulties = build_report(make_table(campaign, _difficulty_rows(campaign)), campaign, ON).part_text("2.5.")
    assert "- Nguồn lực, kinh phí: 3 địa phương (tất cả các địa phương báo cáo nội dung này)." in difficulties
    quotes = [line for line in difficulties.splitlines() if line.startswith("“")]
    assert len(quotes) == 1 and quotes[0].startswith("“Nguồn lực, kinh phí đầu tư cho đô thị thông minh")


def test_cells_to_review_and_ocr_text_are_never_quoted(campaign):
    rows = _difficulty_rows(campaign, **{"01": {"section_5_review": True},
                                         "02": {"section_5_note": "OCR", "section_5_ref": "scan.pdf, trang 2 (OCR)"}})
    difficulties = build_report(make_table(campaign, rows), campaign, ON).part_text("2.5.")
    quotes = [line for line in difficulties.splitlines() if line.startswith("“")]
    assert quotes == ["“Kinh phí cho hệ thống camera giao thông năm 2021 được bố trí muộn hơn kế hoạch ban đầu.” "
                      "(văn bản gửi ngày 24/5/2022 của UBND tỉnh Cao Bằng)."]


def test_a_flattened_table_row_is_never_quoted(campaign):
    rows = {"01": province_row(campaign, "01", "on_time", reports=1,
                               section_1="STT | Hạng mục | Kinh phí | Ghi chú về nguồn vốn đầu tư công của tỉnh")}
    assert "“" not in build_report(make_table(campaign, rows), campaign, ON).part_text("2.1.")


# --------------------------------------------------------------------------- synthesis and figures


def test_each_outline_item_has_its_heading_and_count(report, campaign):
    headings = [b.text for b in report.body if isinstance(b, Heading) and b.level == 2]
    assert headings == [f"2.{s.number}. {s.heading}" for s in campaign.sections]
    assert report.part_text("2.2.").startswith("Có 1/5 tỉnh, thành phố báo cáo nội dung này.")


def test_general_information_counts_schemes_with_their_decisions_and_operating_iocs(campaign):
    rows = {"01": province_row(campaign, "01", "on_time", reports=1, section_2="Có Đề án.", scheme_approved=True,
                               scheme_decision="4138/QĐ-UBND", scheme_approved_on="28/8/2020", ioc_operating=True),
            "02": province_row(campaign, "02", "on_time", reports=1, section_2="Chưa.", scheme_approved=False,
                               ioc_operating=False)}
    general = build_report(make_table(campaign, rows), campaign, ON).part_text("2.2.")
    assert ("1 địa phương nêu đã phê duyệt: Hà Nội (Quyết định số 4138/QĐ-UBND ngày 28/8/2020). "
            "1 địa phương nêu chưa phê duyệt.") in general
    assert "1 địa phương có Trung tâm đang vận hành (Hà Nội)." in general


def test_funding_gives_the_total_and_the_sources_apart_from_it(campaign):
    rows = {code: province_row(campaign, code, "on_time", reports=1, section_4="Kinh phí.",
                               funding_vnd=3_000_000_000, funding_xa_hoi_hoa_vnd=1_000_000_000)
            for code in ("01", "02")}
    rows["04"] = province_row(campaign, "04", "on_time", reports=1, section_4="Có kinh phí.")
    funding = build_report(make_table(campaign, rows), campaign, ON).part_text("2.4.")
    assert "Có 2/3 địa phương đã báo cáo nêu được tổng kinh phí" in funding and "cộng 6,00 tỷ đồng" in funding
    assert "xã hội hóa 2,00 tỷ đồng (2 địa phương). Các khoản theo nguồn được nêu riêng, không cộng thêm" in funding
    assert "chưa xác định được số kinh phí: Cao Bằng." in funding


def test_support_asked_and_needs_name_who_states_them_and_their_sum_a_doubtful_one_apart(campaign):
    def stating(code, support=None, needs=None, review=False, note=""):
        return province_row(campaign, code, "on_time", reports=1, section_4="Kinh phí.", support_requested_vnd=support,
                            support_requested_review=False, support_requested_note="", needs_2022_2025_vnd=needs,
                            needs_2022_2025_review=review, needs_2022_2025_note=note)
    rows = {"01": stating("01", support=300 * 10**9, needs=1_200 * 10**9),
            "02": stating("02", support=45_500_000_000),
            "04": stating("04", needs=850 * 10**9, review=True, note="nêu cho giai đoạn 2021–2025")}
    table = make_table(campaign, rows)
    report = build_report(table, campaign, ON)
    funding = report.part_text("2.4.")
    assert ("Về kinh phí đề nghị Trung ương hỗ trợ: 2 địa phương nêu số cụ thể, cộng 345,50 tỷ đồng "
            "(Hà Nội 300,00; Hà Giang 45,50).") in funding
    assert ("Về nhu cầu kinh phí giai đoạn 2022–2025: 1 địa phương nêu số cụ thể, cộng 1.200,00 tỷ đồng (Hà Nội "
            "1.200,00). Số liệu cần kiểm tra thêm, chưa cộng vào số trên: Cao Bằng 850,00 tỷ đồng (nêu cho giai đoạn "
            "2021–2025).") in funding
    assert ("kinh phí đề nghị Trung ương hỗ trợ (2 địa phương nêu số cụ thể) là 345,50 tỷ đồng"
            in report.part_text("3. Đánh giá chung"))


def test_assessment_and_proposals_leave_a_marked_place_for_the_ministry(report):
    assert "[Ý kiến đánh giá của Bộ Xây dựng: …]" in report.part_text("3. Đánh giá chung")
    assert report.part_text("4. Kiến nghị").endswith("[Ý kiến của Bộ Xây dựng: …]")


def test_proposals_are_grouped_by_theme_with_the_provinces_raising_them(national):
    campaign, table = national
    proposals = build_report(table, campaign, ON).part_text("4. Kiến nghị")
    assert proposals.startswith("Tổng hợp đề xuất, kiến nghị của 54 địa phương, theo nhóm vấn đề:")
    assert "- Về hành lang pháp lý, cơ chế chính sách: 54 địa phương (tất cả các địa phương báo cáo nội dung này)." \
        in proposals
    assert "- Về nguồn lực, kinh phí: 36 địa phương (các địa phương báo cáo nội dung này, trừ Hà Nội, Bắc Kạn, " \
           "Yên Bái," in proposals


def test_a_sentence_on_two_themes_is_quoted_once(national):
    campaign, table = national
    report = build_report(table, campaign, ON)
    for part in ("2.5.", "4. Kiến nghị"):
        quotes = [b.text for b in report.part(part) if isinstance(b, Paragraph) and b.kind == "quote"]
        assert len(quotes) >= 2 and len(set(quotes)) == len(quotes)


def test_a_theme_names_its_provinces_in_the_fewest_names(campaign):
    """Those raising it when they are few; all; or all but those who do not."""
    def difficulties(themes: dict[str, str]) -> str:
        rows = {code: province_row(campaign, code, "on_time", reports=1, section_5="Khó khăn.",
                                   difficulty_themes=keys) for code, keys in themes.items()}
        return build_report(make_table(campaign, rows), campaign, ON).part_text("2.5.")
    few = difficulties({"01": "legal", "02": "resources", "04": "resources", "06": "resources"})
    assert "- Hành lang pháp lý, cơ chế chính sách: 1 địa phương (Hà Nội)." in few
    assert "- Nguồn lực, kinh phí: 3 địa phương (các địa phương báo cáo nội dung này, trừ Hà Nội)." in few


def test_at_most_one_quotation_per_theme_and_two_per_item_without_themes(national):
    campaign, table = national
    report = build_report(table, campaign, ON)
    for item in ("2.1.", "2.2.", "2.3."):
        assert sum(1 for b in report.part(item) if isinstance(b, Paragraph) and b.kind == "quote") <= 2
    difficulties = report.part("2.5.")
    themes = sum(1 for b in difficulties if isinstance(b, Paragraph) and b.text.startswith("- "))
    assert sum(1 for b in difficulties if isinstance(b, Paragraph) and b.kind == "quote") <= themes


# --------------------------------------------------------------------------- funding annex


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_funding_annex_totals_equal_the_tables(national):
    campaign, table = national
    report = build_report(table, campaign, ON)
    rows = table_in(annex(report, "II").blocks, "funding-annex").rows
    nation = rows[-1]
    assert nation[1] == "Cả nước (54/63 địa phương có số liệu)"
    assert nation[2] == f"{table['funding_vnd'].sum() / 1e9:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert report.funding_total_vnd == int(table["funding_vnd"].sum())
    regions = [r for r in rows if r[1].startswith("Cộng vùng")]
    assert len(regions) == 6
    assert round(sum(_number(r[2]) for r in regions), 2) == round(table["funding_vnd"].sum() / 1e9, 2)
    column = table_in(annex(report, "II").blocks, "funding-annex").headers.index("Xã hội hóa")
    assert _number(nation[column]) == round(table["funding_xa_hoi_hoa_vnd"].sum() / 1e9, 2)


def test_funding_annex_shows_a_figure_it_could_not_read_as_such_never_as_nought(table, campaign):
    rows = table_in(annex(build_report(table, campaign, ON), "II").blocks, "funding-annex").rows
    by_name = {r[1]: r for r in rows}
    assert by_name["Hà Nội"][2] == "125,50" and by_name["Hà Giang"][2] == "2,00"
    assert by_name["Cao Bằng"][2] == "không đọc được" and by_name["Bắc Kạn"][2] == "chưa gửi báo cáo"
    reported_without = province_row(campaign, "06", "on_time", reports=1, section_4="Kinh phí lớn.")
    rows = table_in(annex(build_report(make_table(campaign, {"06": reported_without}), campaign, ON), "II").blocks,
                    "funding-annex").rows
    assert next(r for r in rows if r[1] == "Bắc Kạn")[2] == "chưa xác định được"


# --------------------------------------------------------------------------- nothing for machines


def test_nothing_for_machines_in_the_letter(national):
    campaign, table = national
    table = table.copy()
    table.loc[3, "status"] = "unreadable"
    table.loc[3, "error"] = "scan.pdf: cannot read it as a PDF file; run `baocao assign`"
    table.loc[5, "section_2_ref"] = "Scan_20220526_7497.pdf, trang 1 (OCR)"
    text = build_report(table, campaign, ON, with_excerpts=True).all_text()
    assert not MACHINE.findall(text)


def test_decomposed_province_text_comes_out_nfc(campaign):
    nfd = unicodedata.normalize("NFD", "Khó khăn về nguồn lực")
    row = province_row(campaign, "01", "on_time", section_5=nfd, reports=1)
    third = annex(build_report(make_table(campaign, {"01": row}), campaign, ON, with_excerpts=True), "III")
    assert Paragraph(unicodedata.normalize("NFC", nfd), "excerpt") in third.blocks


def test_table_without_a_contract_column_raises_render_error(table, campaign, tmp_path):
    with pytest.raises(RenderError, match="funding_vnd"):
        render_report(table.drop(columns=["funding_vnd"]), campaign, [], tmp_path / "r.html")


def test_unknown_status_raises_render_error(table, campaign, tmp_path):
    odd = table.copy()
    odd.loc[0, "status"] = "pending"
    with pytest.raises(RenderError, match="pending"):
        render_report(odd, campaign, [], tmp_path / "r.html")


def test_body_of_63_provinces_is_short(national):
    """A page holds about 2,600 characters of 14 pt text: the body stays well within 15 pages."""
    campaign, table = national
    report = build_report(table, campaign, ON)
    characters = sum(len(b.text) for b in report.body if not isinstance(b, Table))
    assert characters < 12 * 2600


# --------------------------------------------------------------------------- HTML, Markdown


class Page(HTMLParser):
    """What a reader sees: text of elements by id, and every start tag."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.by_id: dict[str, str] = {}
        self.texts: list[str] = []
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for _, ident in self._open:   # a cell or a line break ends a word
            if ident:
                self.by_id[ident] += " "
        if tag not in self.VOID:
            self._open.append((tag, attrs.get("id")))
            if attrs.get("id"):
                self.by_id.setdefault(attrs["id"], "")

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.texts.append(data)
        for _, ident in self._open:
            if ident:
                self.by_id[ident] += data

    def text(self, ident: str) -> str:
        return " ".join(self.by_id[ident].split())

    @property
    def everything(self) -> str:
        return " ".join(" ".join(self.texts).split())


def render(table, campaign, folder: Path, suffix: str, errors=ERRORS, **kwargs) -> str:
    out = render_report(table, campaign, errors, folder / f"bao-cao{suffix}", on=ON, **kwargs)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def html_folder(table, campaign, tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    render(table, campaign, folder, ".html")
    return folder


@pytest.fixture(scope="module")
def html(html_folder):
    return (html_folder / "bao-cao.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html):
    return Page(html)


@pytest.fixture(scope="module")
def checklist(html_folder):
    return Page((html_folder / CHECKLIST_NAME).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def markdown(table, campaign, tmp_path_factory):
    return render(table, campaign, tmp_path_factory.mktemp("md"), ".md")


def test_html_status_table_and_paragraph_give_the_counts(page):
    assert "đã nhận được báo cáo của 3/5 tỉnh, thành phố" in page.text("status-summary")
    assert "Đã gửi báo cáo 3" in page.text("status-table") and "Tổng số 5" in page.text("status-table")
    assert page.text("missing-list") == "- Chưa gửi báo cáo (2): Bắc Kạn, Tuyên Quang."
    assert page.text("late-list") == "- Gửi sau thời hạn (1): Hà Giang (chậm 2 ngày)."


def test_html_has_letter_header_addressee_and_annexes(page, html):
    assert "BỘ XÂY DỰNG" in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Kính gửi: Thủ tướng Chính phủ" in page.everything
    assert "văn bản số 1683/BXD-PTDT ngày 16/5/2022" in html and "trước ngày 30/5/2022" in html
    assert "Hà Nội 125,50" in page.text("funding-annex")
    assert html == unicodedata.normalize("NFC", html)


def test_html_letter_has_nothing_for_machines(page):
    assert not MACHINE.findall(page.text("letter"))


def test_html_escapes_script_in_province_text(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1,
                       section_1="Đề nghị <script>alert('x')</script> hỗ trợ triển khai các hạ tầng dùng chung.")
    html = render(make_table(campaign, {"01": row}), campaign, tmp_path, ".html", with_excerpts=True)
    assert "script" not in [t for t, _ in Page(html).tags]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_html_is_one_self_contained_page(page, html):
    assert ("html", {"lang": "vi"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)
    assert not any(t in ("script", "link", "img", "iframe") for t, _ in page.tags)
    assert not re.search(r"""(src|href)=["']?https?:|@import|url\(""", html)
    assert "@media print" in html


def test_charts_picture_the_status_table_and_the_funding_annex(national):
    campaign, table = national
    report = build_report(table, campaign, ON)
    charts = {c.ident: c for c in report.charts}
    status = charts["status-chart"]
    assert [(b.key, b.value) for b in status.bars] == [("on_time", 43), ("late", 11), ("unreadable", 0), ("missing", 9)]
    assert status.scale == 63 and status.after == "status-table"
    regions = [r for r in table_in(annex(report, "II").blocks, "funding-annex").rows if r[1].startswith("Cộng vùng")]
    assert [b.shown for b in charts["funding-regions-chart"].bars] == [r[2] for r in regions]
    provinces = [c for c in report.charts if c.ident.startswith("funding-provinces-chart")]
    assert sum(len(c.bars) for c in provinces) == int(table["funding_vnd"].notna().sum())
    assert len({c.scale for c in provinces}) == 1 and all(c.after == "funding-annex" for c in provinces)


def test_the_html_draws_each_chart_as_inline_svg_after_the_table_it_pictures(national, tmp_path):
    campaign, table = national
    html = render(table, campaign, tmp_path, ".html")
    page = Page(html)
    ids = [a.get("id") for _, a in page.tags if a.get("id")]
    assert ids.index("status-table") < ids.index("status-chart") < ids.index("funding-total") < ids.index(
        "funding-regions-chart") < ids.index("funding-annex") < ids.index("funding-provinces-chart-1")
    assert not any(t in ("script", "img", "link") for t, _ in page.tags)
    status = html[html.index('id="status-chart"'):]
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', status)[:4]]
    assert widths[0] / widths[1] == pytest.approx(43 / 11, rel=0.03) and widths[2] == 0
    assert "Đúng hạn: 43; Quá hạn: 11; Không đọc được: 0; Chưa gửi: 9" in status[:status.index("</svg>")]


def test_the_clerks_file_holds_the_unreadable_report_with_its_error(checklist):
    text = checklist.text("unreadable-table")
    assert "Tỉnh Cao Bằng" in text and "PDF là bản quét không có lớp chữ" in text and "scan.pdf" in text


def test_the_clerks_file_holds_the_recorded_errors_and_sources(checklist):
    assert "Xin tỉnh gửi lại bản .docx" in checklist.text("errors-table")
    assert "<scan@caobang.gov.vn>" in checklist.text("errors-table")
    sources = checklist.text("sources-table")
    assert "<bc-hanoi@hanoi.gov.vn>" in sources and "Bao cao DTTM Ha Noi.docx" in sources


def test_the_clerks_file_lists_cells_to_review_with_where_they_are(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1, section_3="Tuyên truyền.", section_3_review=True,
                       section_3_note="tìm theo vị trí", section_3_ref="bc.docx, đoạn 4–9")
    render(make_table(campaign, {"01": row}), campaign, tmp_path, ".md")
    cells = Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8")).text("cells-table")
    assert "Thành phố Hà Nội 3." in cells and "tìm theo vị trí bc.docx, đoạn 4–9" in cells


def test_the_clerks_file_lists_a_read_report_whose_date_or_number_was_not_read(campaign, tmp_path):
    # The letter cites it as "Báo cáo số 139/BC-UBND của UBND tỉnh Bắc Kạn": nothing there shows
    # the date is missing, so the clerk's file says so, where to look and what to write.
    undated = province_row(campaign, "06", "on_time", reports=1, report_number="139/BC-UBND", section_1="Có.",
                           source="<bc@backan.gov.vn> · bao-cao-bac-kan.docx")
    dated = province_row(campaign, "04", "late", reports=1, report_number="88/BC-UBND", report_date="2022-05-23",
                         section_1="Có.", source="<bc@caobang.gov.vn> · bc.docx")
    unnumbered = province_row(campaign, "02", "on_time", reports=1, report_date="2022-05-23", section_1="Có.",
                              source="<bc@hagiang.gov.vn> · bc-ha-giang.pdf")
    render(make_table(campaign, {"06": undated, "04": dated, "02": unnumbered}), campaign, tmp_path, ".md")
    cells = Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8")).text("cells-table")
    assert "Tỉnh Bắc Kạn Số, ngày báo cáo Chưa đọc được ngày báo cáo" in cells
    assert "(report_date) nếu báo cáo có ghi. bao-cao-bac-kan.docx" in cells
    assert "Tỉnh Hà Giang Số, ngày báo cáo Chưa đọc được số hiệu báo cáo" in cells
    assert "Cao Bằng" not in cells and "Hà Nội" not in cells   # dated; sent nothing


def test_markdown_has_a_heading_for_each_outline_section(markdown, campaign):
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    for s in campaign.sections:
        assert f"### 2.{s.number}. {s.heading}" in headings
    assert "## Phụ lục II. KINH PHÍ TRIỂN KHAI ĐÔ THỊ THÔNG MINH CỦA CÁC ĐỊA PHƯƠNG" in headings


def test_markdown_gives_the_national_funding_total(markdown):
    assert "| **Cả nước (2/5 địa phương có số liệu)** | **127,50** |" in markdown


def test_markdown_heading_inside_province_text_stays_text(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1, section_3="# Tiêu đề giả\n```\n<b>đậm</b>")
    md = render(make_table(campaign, {"01": row}), campaign, tmp_path, ".md", with_excerpts=True)
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert not any("Tiêu đề giả" in h for h in headings)
    assert "\\# Tiêu đề giả" in md and "\\```" in md and "\\<b>đậm\\</b>" in md


# --------------------------------------------------------------------------- templates and formats


def test_custom_templates_folder_replaces_bundled_template(table, campaign, tmp_path):
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "report.md.j2").write_text("Riêng: {{ summary.reported }}/{{ summary.total }}\n", encoding="utf-8")
    assert render(table, campaign, tmp_path, ".md", templates=folder) == "Riêng: 3/5\n"


def test_custom_templates_folder_falls_back_to_bundled_for_missing_file(table, campaign, tmp_path):
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "report.md.j2").write_text("Riêng\n", encoding="utf-8")
    assert "Kính gửi: Thủ tướng Chính phủ" in render(table, campaign, tmp_path, ".html", templates=folder)


def test_missing_templates_folder_raises_render_error(table, campaign, tmp_path):
    with pytest.raises(RenderError, match="does not exist"):
        render(table, campaign, tmp_path, ".md", templates=tmp_path / "khong-co")


def test_broken_custom_template_raises_render_error_with_line(table, campaign, tmp_path):
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "report.md.j2").write_text("dòng 1\n{% for %}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="line 2"):
        render(table, campaign, tmp_path, ".md", templates=folder)


@pytest.mark.parametrize("suffix", [".odt", ".txt", ""])
def test_unknown_suffix_raises_render_error_naming_the_working_ones(table, campaign, tmp_path, suffix):
    with pytest.raises(RenderError, match=r"\.html, \.md, \.docx, \.pdf"):
        render_report(table, campaign, [], tmp_path / f"bao-cao{suffix}")


def test_times_for_the_clerk_are_in_vietnam_time(campaign, tmp_path):
    row = province_row(campaign, "02", "late", received_at="2022-05-31T02:15:00+00:00", reports=1,
                       source="<a@b> · c.docx")
    render(make_table(campaign, {"02": row}), campaign, tmp_path, ".md")
    assert "09:15 ngày 31/5/2022" in Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8")).text("sources-table")


def test_the_content_is_plain_data(report):
    assert dataclasses.is_dataclass(report) and all(dataclasses.is_dataclass(b) for b in report.body)
    assert VN.utcoffset(None).total_seconds() == 7 * 3600


def test_a_sentence_about_the_report_itself_is_never_quoted(campaign):
    boilerplate = "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và Ủy ban nhân dân cấp huyện."
    rows = {code: province_row(campaign, code, "on_time", reports=1, section_1=boilerplate + "\n" + own)
            for code, own in (("01", "Năm 2017, thành phố đã triển khai hệ thống cảnh báo ngập nước tại các quận."),
                              ("02", "Năm 2016, tỉnh đã lắp đặt hệ thống camera giám sát giao thông tại thành phố."))}
    item = build_report(make_table(campaign, rows), campaign, ON).part_text("2.1.")
    assert "tổng hợp từ báo cáo" not in item and "“Năm 201" in item


def test_a_region_and_a_missing_provinces_figures_span_their_row(table, campaign):
    funding = table_in(annex(build_report(table, campaign, ON), "II").blocks, "funding-annex")
    by_name = {row[1]: i for i, row in enumerate(funding.rows)}
    assert {by_name["Đồng bằng sông Hồng"], by_name["Bắc Kạn"]} <= funding.spanning_rows
    assert by_name["Hà Nội"] not in funding.spanning_rows


def test_the_clerks_file_lists_funding_not_read_and_funding_to_check(campaign, tmp_path):
    rows = {"01": province_row(campaign, "01", "on_time", reports=1, section_4="Kinh phí lớn.",
                               section_4_ref="bc.docx, đoạn 20–25"),
            "02": province_row(campaign, "02", "on_time", reports=1, section_4="Khoảng 12 tỷ đồng.",
                               funding_vnd=12_000_000_000, funding_review=True, funding_note="số ước tính")}
    render(make_table(campaign, rows), campaign, tmp_path, ".md")
    funding = Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8")).text("funding-table")
    assert "Thành phố Hà Nội chưa xác định được" in funding and "bc.docx, đoạn 20–25" in funding
    assert "Tỉnh Hà Giang 12,00 số ước tính" in funding


def test_the_clerks_file_lists_support_or_needs_to_check(campaign, tmp_path):
    rows = {"01": province_row(campaign, "01", "on_time", reports=1, section_4="Kinh phí.",
                               needs_2022_2025_vnd=90 * 10**9, needs_2022_2025_review=True,
                               needs_2022_2025_note="nêu cho giai đoạn 2021–2025")}
    render(make_table(campaign, rows), campaign, tmp_path, ".md")
    funding = Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8")).text("funding-table")
    assert "Thành phố Hà Nội 90,00 Nhu cầu kinh phí giai đoạn 2022–2025: nêu cho giai đoạn 2021–2025" in funding


def test_a_formula_most_provinces_write_is_not_quoted_while_a_sentence_of_their_own_is():
    from baocao.render.quotes import Candidate, representative

    formula = "Đề nghị Bộ Xây dựng tiếp tục quan tâm, hướng dẫn các địa phương triển khai đô thị thông minh."
    candidates = [Candidate(code, formula) for code in ("01", "02", "04", "06", "08")]
    candidates += [Candidate("10", "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh cấp tỉnh."),
                   Candidate("11", "Đề nghị Trung ương hỗ trợ kinh phí xây dựng cơ sở dữ liệu quy hoạch đô thị.")]
    chosen = representative(candidates)
    assert chosen and chosen[0].sentence != formula
    # When every province wrote only the formula, it is still quoted: there is nothing else.
    assert representative(candidates[:5])[0].sentence == formula


def test_the_clerks_file_says_in_vietnamese_what_the_code_recorded_in_english(campaign, tmp_path):
    """The table keeps machine texts in English (csv/json); the checklist a clerk reads
    shows them through the catalogue: why a report is unreadable, how a figure was read."""
    from baocao.i18n import recorded_text
    from baocao.parse.reports import PROTECTED

    rows = {"01": province_row(campaign, "01", "on_time", reports=1, section_3="Tuyên truyền.",
                               funding_rule="no amount found", funding_review=True),
            "04": province_row(campaign, "04", "unreadable", reports=1, source="<scan@caobang.gov.vn> · bc.pdf",
                               error=PROTECTED)}
    render(make_table(campaign, rows), campaign, tmp_path, ".md")
    page = Page((tmp_path / CHECKLIST_NAME).read_text(encoding="utf-8"))
    assert "không tìm thấy số tiền nào" in page.text("funding-table")
    assert "no amount found" not in page.text("funding-table")
    assert recorded_text(PROTECTED, "vi") in page.text("unreadable-table") and PROTECTED not in page.text(
        "unreadable-table")
