"""The consolidated report: what the draft letter to the Prime Minister says, read back
from the rendered HTML and Markdown."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from baocao.campaign import load_campaign
from baocao.render.report import RenderError, render_report, report_context

VN = timezone(timedelta(hours=7))
GENERATED = datetime(2022, 6, 20, 9, 0, tzinfo=VN)


# --------------------------------------------------------------------------- fixtures


def five_provinces():
    """The 1683 campaign cut to five provinces: Hà Nội, Hà Giang, Cao Bằng, Bắc Kạn, Tuyên Quang."""
    full = load_campaign()
    return dataclasses.replace(full, provinces=full.provinces[:5])


@pytest.fixture(scope="module")
def campaign():
    return five_provinces()


def province_row(campaign, code: str, status: str = "missing", **values) -> dict:
    p = campaign.province(code)
    row = {
        "province_code": p.code, "province": p.name, "region": p.region, "status": status,
        "received_at": "", "report_number": "", "report_date": "", "reports": 0, "corrected": False,
        "sections_found": 0, "funding_vnd": None, "source": "", "error": "",
    }
    for s in campaign.sections:
        row[f"section_{s.number}"] = ""
        row[f"section_{s.number}_ref"] = ""
    row.update(values)
    row["sections_found"] = sum(1 for s in campaign.sections if row[f"section_{s.number}"])
    return row


def make_table(campaign, rows: dict[str, dict]) -> pd.DataFrame:
    """One row per campaign province in campaign order; those not in `rows` are missing."""
    records = [rows.get(p.code) or province_row(campaign, p.code) for p in campaign.provinces]
    table = pd.DataFrame(records)
    table["funding_vnd"] = pd.array(list(table["funding_vnd"]), dtype="Int64")
    return table


# Realistic text of each outline section, as provinces write it; {p} is the province.
SECTION_TEXTS = {
    1: ["Trước khi Đề án 950 được ban hành, {p} đã triển khai Chính quyền điện tử, Cổng dịch vụ công và "
        "Hệ thống một cửa điện tử liên thông từ tỉnh đến cấp xã.",
        "Năm 2017, Ủy ban nhân dân đã ban hành Kiến trúc Chính quyền điện tử phiên bản 1.0, làm cơ sở "
        "triển khai các ứng dụng dùng chung và kết nối với Trục liên thông văn bản quốc gia."],
    2: ["{p} đã phê duyệt Đề án đô thị thông minh giai đoạn 2020–2025, định hướng đến năm 2030, tập trung "
        "vào quy hoạch đô thị, giao thông, môi trường và y tế thông minh.",
        "Trung tâm giám sát, điều hành đô thị thông minh (IOC) đã đưa vào vận hành từ năm 2021, kết nối "
        "camera giám sát giao thông, phản ánh hiện trường và dữ liệu dịch vụ công trực tuyến.",
        "Ứng dụng công dân số đã có hơn 120.000 lượt tải, tiếp nhận trung bình 300 phản ánh mỗi tháng."],
    3: ["{p} đã tổ chức 12 hội nghị tuyên truyền về chuyển đổi số và đô thị thông minh cho cán bộ, công chức "
        "cấp tỉnh, huyện, xã; phát hành tài liệu hướng dẫn trên Cổng thông tin điện tử.",
        "Kế hoạch hành động thực hiện Đề án 950 được ban hành kèm theo Quyết định của Ủy ban nhân dân, "
        "phân công nhiệm vụ cụ thể cho các sở, ngành và địa phương."],
    4: ["Tổng kinh phí đã bố trí cho các nội dung đô thị thông minh là {amount} triệu đồng.",
        "Trong đó ngân sách địa phương {local} triệu đồng; xã hội hóa {private} triệu đồng."],
    5: ["Nguồn lực, kinh phí đầu tư còn hạn chế, chủ yếu từ ngân sách địa phương.",
        "Hành lang pháp lý, cơ chế chính sách về đô thị thông minh chưa đồng bộ; thiếu tiêu chuẩn, "
        "quy chuẩn kỹ thuật về chia sẻ dữ liệu giữa các hệ thống.",
        "Nguồn nhân lực công nghệ thông tin tại cấp huyện, xã còn thiếu và yếu."],
    6: ["Đề nghị Bộ Xây dựng sớm ban hành bộ tiêu chí đánh giá đô thị thông minh và hướng dẫn xây dựng "
        "Trung tâm IOC cấp tỉnh.",
        "Đề nghị Chính phủ bố trí nguồn vốn ngân sách trung ương hỗ trợ các địa phương khó khăn triển khai "
        "hạ tầng số, cơ sở dữ liệu đô thị."],
}


def national_table(campaign, *, repeat: int = 1, paragraphs: int | None = None, missing_every: int = 7,
                   late_every: int = 5) -> pd.DataFrame:
    """Every province of `campaign` with six sections of realistic text (the first
    `paragraphs` paragraphs of each, each `repeat` times), funding by source and the
    figures; every `missing_every`-th province has not reported, every `late_every`-th
    reported late."""
    rows = {}
    for i, p in enumerate(campaign.provinces):
        if i % missing_every == missing_every - 1:
            continue
        local, private = 1_000 + 250 * i, 500 * (i % 4)
        values = {}
        for n, texts in SECTION_TEXTS.items():
            text = "\n".join(paragraph.format(p=p.full_name, amount=f"{local + private:,}".replace(",", "."),
                                               local=f"{local:,}".replace(",", "."),
                                               private=f"{private:,}".replace(",", "."))
                             for paragraph in texts[:paragraphs] for _ in range(repeat))
            values[f"section_{n}"] = text
            values[f"section_{n}_ref"] = f"BC-{p.code}.docx, đoạn {10 * n}–{10 * n + 8}"
        status = "late" if i % late_every == late_every - 1 else "on_time"
        rows[p.code] = province_row(
            campaign, p.code, status, reports=1, received_at=f"2022-05-{20 + i % 10:02d}T10:00:00+07:00",
            source=f"<bc-{p.code}@{p.code}.gov.vn> · BC-{p.code}.docx",
            funding_vnd=(local + private) * 1_000_000, funding_ngan_sach_dia_phuong_vnd=local * 1_000_000,
            funding_xa_hoi_hoa_vnd=private * 1_000_000 or None, scheme_approved=i % 3 != 0,
            ioc_operating=i % 2 == 0, difficulty_themes="resources;legal;human_resources" if i % 2 else "resources",
            proposal_themes="legal;resources;infrastructure" if i % 3 else "legal",
            **values)
    table = make_table(campaign, rows)
    for column in ("funding_ngan_sach_dia_phuong_vnd", "funding_xa_hoi_hoa_vnd"):
        table[column] = pd.array([None if pd.isna(v) else int(v) for v in table[column]], dtype="Int64")
    return table


def sample_table(campaign):
    """Hà Nội on time with sections 2 and 4 and funding; Hà Giang late with funding;
    Cao Bằng an unreadable scan; Bắc Kạn and Tuyên Quang missing."""
    return make_table(campaign, {
        "01": province_row(
            campaign, "01", "on_time", received_at="2022-05-27T14:02:00+07:00", reports=1,
            source="<bc-hanoi@hanoi.gov.vn> · Bao cao DTTM Ha Noi.docx",
            section_2="Thành phố đã phê duyệt Đề án đô thị thông minh năm 2019.\nTrung tâm IOC vận hành từ 2021.",
            section_2_ref="Bao cao DTTM Ha Noi.docx, đoạn 12–30",
            section_4="Tổng kinh phí 125.500 triệu đồng.",
            section_4_ref="Bao cao DTTM Ha Noi.docx, đoạn 31–40",
            funding_vnd=125_500_000_000,
        ),
        "02": province_row(
            campaign, "02", "late", received_at="2022-05-31T09:15:00+07:00", reports=1,
            source="<bc@hagiang.gov.vn> · 123-BC-UBND.pdf",
            section_5="Thiếu nguồn lực.", section_5_ref="123-BC-UBND.pdf, trang 3",
            funding_vnd=2_000_000_000,
        ),
        "04": province_row(
            campaign, "04", "unreadable", received_at="2022-05-28T08:00:00+07:00", reports=1,
            source="<scan@caobang.gov.vn> · scan.pdf",
            error="PDF là bản quét không có lớp chữ: chạy OCR hoặc xin bản .docx",
        ),
    })


@pytest.fixture(scope="module")
def table(campaign):
    return sample_table(campaign)


ERRORS = [{
    "at": "2022-05-28T08:05:00+07:00", "stage": "parse", "message_id": "<scan@caobang.gov.vn>",
    "sender": "sxd@caobang.gov.vn", "subject": "Báo cáo ĐTTM", "file": "scan.pdf",
    "what": "PDF không có lớp chữ", "action": "Xin tỉnh gửi lại bản .docx",
}]


def render(table, campaign, tmp_path: Path, suffix: str, errors=ERRORS, **kwargs) -> str:
    out = render_report(table, campaign, errors, tmp_path / f"bao-cao{suffix}", generated_at=GENERATED, **kwargs)
    return out.read_text(encoding="utf-8")


class Page(HTMLParser):
    """What a reader sees: text under each h2/h3 heading, text of elements by id,
    and every start tag."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tags_in: dict[str, list[str]] = {}  # element id -> the tags inside it
        self.by_id: dict[str, str] = {}
        self.parts: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self._heading: str | None = None
        self._in_heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for _, ident in self._open:
            if ident:
                self.tags_in.setdefault(ident, []).append(tag)
        if tag in ("h2", "h3"):
            self._heading, self._in_heading = "", True
        if tag not in self.VOID:
            self._open.append((tag, attrs.get("id")))
            if attrs.get("id"):
                self.by_id.setdefault(attrs["id"], "")

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self._in_heading:
            self._in_heading = False
            self._heading = " ".join(self._heading.split())
            self.parts[self._heading] = ""
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, ident in self._open:
            if ident:
                self.by_id[ident] += data
        if self._in_heading:
            self._heading += data
        elif self._heading is not None and not self._in_heading and self._heading in self.parts:
            self.parts[self._heading] += data

    def text(self, ident: str) -> str:
        return " ".join(self.by_id[ident].split())

    def part(self, heading_start: str) -> str:
        matches = [h for h in self.parts if h.startswith(heading_start)]
        assert len(matches) == 1, f"{heading_start!r} in {list(self.parts)}"
        return " ".join(self.parts[matches[0]].split())


@pytest.fixture(scope="module")
def html(table, campaign, tmp_path_factory):
    return render(table, campaign, tmp_path_factory.mktemp("html"), ".html")


@pytest.fixture(scope="module")
def page(html):
    return Page(html)


@pytest.fixture(scope="module")
def markdown(table, campaign, tmp_path_factory):
    return render(table, campaign, tmp_path_factory.mktemp("md"), ".md")


# --------------------------------------------------------------------------- context


def test_reported_counts_on_time_late_and_unreadable(table, campaign):
    summary = report_context(table, campaign, ERRORS, GENERATED)["summary"]
    assert summary == {"total": 5, "reported": 3, "on_time": 1, "late": 1, "missing": 2,
                       "unreadable": 1, "corrected": 0}


def test_section_synthesis_counts_provinces_with_text(table, campaign):
    sections = report_context(table, campaign, ERRORS, GENERATED)["sections"]
    assert [s["synthesis"] for s in sections][1] == "1/5 tỉnh, thành phố có nội dung này"
    assert [s["count"] for s in sections] == [0, 1, 0, 1, 1, 0]


def test_section_text_is_split_into_paragraphs(table, campaign):
    entry = report_context(table, campaign, ERRORS, GENERATED)["sections"][1]["entries"][0]
    assert entry["paragraphs"] == ["Thành phố đã phê duyệt Đề án đô thị thông minh năm 2019.",
                                   "Trung tâm IOC vận hành từ 2021."]


def test_difficulties_synthesis_names_the_most_frequent_themes_with_counts(campaign):
    rows = {code: province_row(campaign, code, "on_time", reports=1, section_5="Khó khăn.", difficulty_themes=themes)
            for code, themes in (("01", "resources;legal"), ("02", "resources"), ("04", "resources;data"))}
    sections = report_context(make_table(campaign, rows), campaign, [], GENERATED)["sections"]
    assert sections[4]["synthesis"] == ("3/5 tỉnh, thành phố có nội dung này; khó khăn, vướng mắc nêu nhiều nhất: "
                                        "nguồn lực, kinh phí (3), hành lang pháp lý, cơ chế chính sách (1), "
                                        "dữ liệu (1)")


def test_proposals_synthesis_names_themes_of_the_proposals(campaign):
    row = province_row(campaign, "01", "on_time", reports=1, section_6="Đề nghị.", proposal_themes="legal")
    sections = report_context(make_table(campaign, {"01": row}), campaign, [], GENERATED)["sections"]
    assert sections[5]["synthesis"].endswith("; đề xuất, kiến nghị nêu nhiều nhất: "
                                             "hành lang pháp lý, cơ chế chính sách (1)")


def test_general_information_synthesis_counts_approved_schemes_and_operating_iocs(campaign):
    rows = {"01": province_row(campaign, "01", "on_time", reports=1, section_2="Có Đề án.", scheme_approved=True,
                               ioc_operating=True),
            "02": province_row(campaign, "02", "on_time", reports=1, section_2="Chưa.", scheme_approved=False,
                               ioc_operating=False)}
    sections = report_context(make_table(campaign, rows), campaign, [], GENERATED)["sections"]
    assert sections[1]["synthesis"] == (
        "2/5 tỉnh, thành phố có nội dung này; 1 địa phương nêu đã phê duyệt Đề án đô thị thông minh; "
        "1 địa phương có Trung tâm giám sát, điều hành đô thị thông minh (IOC) đang vận hành")


def test_funding_synthesis_gives_the_national_total(table, campaign):
    sections = report_context(table, campaign, ERRORS, GENERATED)["sections"]
    assert sections[3]["synthesis"].endswith("; 2 địa phương nêu được tổng kinh phí, cộng 127,5 tỷ đồng")


def test_funding_by_source_is_totalled_nationally(campaign):
    rows = {code: province_row(campaign, code, "on_time", reports=1, funding_vnd=3_000_000_000,
                               funding_xa_hoi_hoa_vnd=1_000_000_000) for code in ("01", "02")}
    funding = report_context(make_table(campaign, rows), campaign, [], GENERATED)["funding"]
    assert funding["sources"] == [{"key": "xa_hoi_hoa", "label": "xã hội hóa", "provinces": 2,
                                   "vnd": 2_000_000_000, "vnd_text": "2.000.000.000 đồng", "ty_text": "2 tỷ"}]


def test_funding_is_totalled_by_region_and_nationally(table, campaign):
    funding = report_context(table, campaign, ERRORS, GENERATED)["funding"]
    regions = {g["region"]: g for g in funding["regions"]}
    assert regions["Đồng bằng sông Hồng"]["vnd"] == 125_500_000_000
    assert regions["Trung du và miền núi phía Bắc"]["vnd"] == 2_000_000_000
    assert regions["Trung du và miền núi phía Bắc"]["with_data"] == 1
    assert funding["total"]["vnd_text"] == "127.500.000.000 đồng"
    assert funding["total"]["ty_text"] == "127,5 tỷ"


def test_times_are_shown_in_vietnam_time(campaign):
    utc_row = province_row(campaign, "02", "late", received_at="2022-05-31T02:15:00+00:00", reports=1)
    late = report_context(make_table(campaign, {"02": utc_row}), campaign, [], GENERATED)["late"]
    assert late[0]["received_text"] == "09:15 ngày 31/5/2022"


def test_decomposed_province_text_comes_out_nfc(campaign):
    nfd = unicodedata.normalize("NFD", "Khó khăn về nguồn lực")
    row = province_row(campaign, "01", "on_time", section_5=nfd, reports=1)
    entry = report_context(make_table(campaign, {"01": row}), campaign, [], GENERATED)["sections"][4]["entries"][0]
    assert entry["paragraphs"] == [unicodedata.normalize("NFC", nfd)]


def test_table_without_a_contract_column_raises_render_error(table, campaign, tmp_path):
    with pytest.raises(RenderError, match="funding_vnd"):
        render_report(table.drop(columns=["funding_vnd"]), campaign, [], tmp_path / "r.html")


def test_unknown_status_raises_render_error(table, campaign, tmp_path):
    odd = table.copy()
    odd.loc[0, "status"] = "pending"
    with pytest.raises(RenderError, match="pending"):
        render_report(odd, campaign, [], tmp_path / "r.html")


# --------------------------------------------------------------------------- HTML


def test_html_status_table_gives_the_summary_numbers(page):
    counts = {key: page.text(f"count-{key}") for key in
              ("reported", "on_time", "late", "unreadable", "missing", "total")}
    assert counts == {"reported": "3", "on_time": "1", "late": "1", "unreadable": "1", "missing": "2", "total": "5"}


def test_html_status_paragraph_says_who_reported(page):
    assert "đã nhận được báo cáo của 3/5 tỉnh, thành phố" in page.text("status-summary")


def test_html_names_missing_provinces(page):
    assert page.text("missing-list") == "Chưa gửi báo cáo (2): Bắc Kạn, Tuyên Quang."
    assert "Tỉnh Bắc Kạn" in page.part("Phụ lục I.")


def test_html_names_late_province_with_received_time(page):
    assert "Hà Giang (09:15 ngày 31/5/2022)" in page.text("late-list")


def test_html_section_text_sits_under_its_heading_with_attribution(page, campaign):
    part = page.part(f"2.2. {campaign.section(2).heading}")
    assert "Trung tâm IOC vận hành từ 2021." in part
    assert "(Thành phố Hà Nội — Bao cao DTTM Ha Noi.docx, đoạn 12–30)" in part
    assert "Trung tâm IOC" not in page.part(f"2.1. {campaign.section(1).heading}")


def test_html_keeps_vietnamese_intact(html, page):
    assert "Đồng bằng sông Hồng" in page.text("funding-regions")
    assert html == unicodedata.normalize("NFC", html)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html and "Độc lập - Tự do - Hạnh phúc" in html


def test_html_has_letter_header_and_addressee(page, html):
    assert "BỘ XÂY DỰNG" in html
    assert "Kính gửi: Thủ tướng Chính phủ" in html
    assert "văn bản số 1683/BXD-PTDT ngày 16/5/2022" in html and "trước ngày 30/5/2022" in html


def test_html_has_status_bar_chart_as_inline_svg(page):
    inside = page.tags_in["status-chart"]
    assert "svg" in inside
    assert inside.count("rect") == 4


def test_html_has_funding_by_region_chart_naming_regions_in_ty_dong(page):
    inside, text = page.tags_in["funding-regions-chart"], page.text("funding-regions-chart")
    assert "svg" in inside and inside.count("rect") == 2
    assert "Đồng bằng sông Hồng 125,5 tỷ" in text
    assert "Trung du và miền núi phía Bắc 2 tỷ" in text
    assert "tỷ đồng" in text


def test_html_has_funding_by_province_chart_grouped_by_region(page):
    inside, text = page.tags_in["funding-provinces-chart"], page.text("funding-provinces-chart")
    assert inside.count("svg") == 2 and inside.count("rect") == 2
    assert "Đồng bằng sông Hồng Hà Nội 125,5 tỷ" in text
    assert "Trung du và miền núi phía Bắc Hà Giang 2 tỷ" in text


def test_funding_chart_bars_share_the_scale_of_the_largest_province(table, campaign):
    groups = report_context(table, campaign, ERRORS, GENERATED)["funding_charts"]["provinces"]
    widths = {bar["label"]: bar["width"] for g in groups for bar in g["bars"]}
    assert widths["Hà Nội"] == 220
    assert widths["Hà Giang"] == round(220 * 2 / 125.5)


def test_html_escapes_script_in_province_text(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1,
                       section_6="Đề nghị <script>alert('x')</script> hỗ trợ.", section_6_ref="a.docx, đoạn 1")
    html = render(make_table(campaign, {"01": row}), campaign, tmp_path, ".html")
    assert "script" not in [t for t, _ in Page(html).tags]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Đề nghị <script>alert('x')</script> hỗ trợ." in Page(html).part("2.6.")


def test_html_is_one_self_contained_page(page, html):
    assert ("html", {"lang": "vi"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)
    assert not any(t in ("script", "link", "img", "iframe") for t, _ in page.tags)
    assert not re.search(r"""(src|href)=["']?https?:|@import|url\(""", html)
    assert "@media print" in html


def test_html_lists_unreadable_report_with_its_error(page):
    assert "PDF là bản quét không có lớp chữ" in page.text("unreadable-table")


def test_html_lists_recorded_errors(page):
    text = page.text("errors-table")
    assert "Xin tỉnh gửi lại bản .docx" in text and "<scan@caobang.gov.vn>" in text


def test_html_source_index_names_message_and_file(page):
    text = page.text("sources-table")
    assert "<bc-hanoi@hanoi.gov.vn>" in text and "Bao cao DTTM Ha Noi.docx" in text


def test_html_funding_table_gives_national_total(page):
    assert page.text("funding-total") == "127.500.000.000 đồng"


# --------------------------------------------------------------------------- Markdown


def test_markdown_has_a_heading_for_each_outline_section(markdown, campaign):
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    for s in campaign.sections:
        assert f"### 2.{s.number}. {s.heading}" in headings


def test_markdown_gives_formatted_funding_total(markdown):
    assert "| **Cả nước** | **2/5** | **127.500.000.000 đồng** | **127,5 tỷ** |" in markdown


def test_markdown_quotes_province_text_with_attribution(markdown):
    assert "> Trung tâm IOC vận hành từ 2021." in markdown
    assert "(Thành phố Hà Nội — Bao cao DTTM Ha Noi.docx, đoạn 12–30)" in markdown


def test_markdown_heading_inside_province_text_stays_quoted_text(campaign, tmp_path):
    row = province_row(campaign, "01", "on_time", reports=1,
                       section_3="# Tiêu đề giả\n```\n<b>đậm</b>", section_3_ref="a.docx, đoạn 2")
    md = render(make_table(campaign, {"01": row}), campaign, tmp_path, ".md")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert not any("Tiêu đề giả" in h for h in headings)
    assert "> \\# Tiêu đề giả" in md
    assert "> \\```" in md
    assert "> \\<b>đậm\\</b>" in md


def test_markdown_names_missing_provinces(markdown):
    assert "- Chưa gửi báo cáo (2): Bắc Kạn, Tuyên Quang." in markdown


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
