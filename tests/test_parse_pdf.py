"""Reading PDF reports with a text layer: what `read_pdf` and `pages_without_text` promise.

The end-to-end tests run on the reports of tests/docx_builders.py in every heading
format, exported to PDF by LibreOffice (tests/pdf_builders.py): the PDF must give the
same sections as the .docx. Layout edge cases are drawn line by line with reportlab.
"""

from __future__ import annotations

import shutil
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from docx_builders import FORMATS, FUNDING_HEADING, FUNDING_TEXT, STANDARD, Part, build_report, general_info_text
from pdf_builders import (
    BODY_SIZE,
    RUNNING_HEADER,
    Line,
    Page,
    convert_to_pdf,
    draw_pdf,
    image_only_pdf,
    reports_as_pdf,
)

from baocao.campaign import load_campaign
from baocao.parse import sections as sections_module
from baocao.parse.bullets import bullet_ladders, list_marker
from baocao.parse.document import Document, DocumentError
from baocao.parse.headings import is_heading_like
from baocao.parse.labels import label_ordinal
from baocao.parse.pdf import pages_without_text, read_pdf
from baocao.parse.sections import extract_sections

OUTLINE = load_campaign().sections

# Parts II, IV and VI start new pages (pdf_builders.NEW_PAGE_BEFORE).
SECTION_PAGES = {1: (1, 1), 2: (2, 2), 3: (2, 2), 4: (3, 3), 5: (3, 3), 6: (4, 4)}

# Lines of a paragraph as they wrap in a 13 pt Times column of 455 pt.
BODY = "Trung tâm giám sát, điều hành đô thị thông minh của tỉnh được đầu tư từ"
MORE = "nguồn ngân sách nhà nước và đã đưa vào vận hành từ tháng 6 năm 2021, kết nối"
LAST = "với các hệ thống dịch vụ công trực tuyến của tỉnh."
OPENING = "Tỉnh đã đầu tư hệ thống dịch vụ công trực tuyến và"


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    """{format: PDF} of the standard report, exported by LibreOffice."""
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice is not installed: run `bash tests/setup.sh` first", pytrace=False)
    return reports_as_pdf(tmp_path_factory.mktemp("exported"), FORMATS)


def parsed(pdf):
    return extract_sections(read_pdf(pdf), OUTLINE)


def section(report, number):
    return next(s for s in report.sections if s.number == number)


def texts(doc):
    return [block.text for block in doc.blocks]


# -- reports exported from Word, every heading format -------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_yields_the_six_items_in_outline_order(exported, fmt):
    assert [s.number for s in parsed(exported[fmt]).sections] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_heading_keeps_its_number_as_printed(exported, fmt):
    assert section(parsed(exported[fmt]), 4).heading == FUNDING_HEADING[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_text_is_the_body_without_its_heading(exported, fmt):
    assert section(parsed(exported[fmt]), 1).text == "Năm 2017, tỉnh đã xây dựng hệ thống một cửa điện tử."


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_headings_stay_inside_their_section(exported, fmt):
    assert section(parsed(exported[fmt]), 2).text == general_info_text(fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_funding_table_stays_in_section_4_in_reading_order(exported, fmt):
    assert section(parsed(exported[fmt]), 4).text == FUNDING_TEXT


@pytest.mark.parametrize("fmt", FORMATS)
def test_last_section_ends_before_the_provinces_own_part(exported, fmt):
    assert section(parsed(exported[fmt]), 6).text == "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn."


@pytest.mark.parametrize("fmt", FORMATS)
def test_letterhead_and_signoff_are_in_no_section(exported, fmt):
    report = parsed(exported[fmt])
    assert "Số: 123/BC-UBND" in report.letterhead and "Nơi nhận:" in report.signoff
    for s in report.sections:
        assert not any(words in s.text
                       for words in ("CỘNG HÒA", "Số: 123", "Trên đây là báo cáo", "Nơi nhận", "Nguyễn Văn A"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_sections_know_the_pages_they_are_on(exported, fmt):
    pages = {s.number: (s.source.first_page, s.source.last_page) for s in parsed(exported[fmt]).sections}
    assert pages == SECTION_PAGES


@pytest.mark.parametrize("fmt", FORMATS)
def test_running_header_and_page_numbers_are_not_text(exported, fmt):
    doc = read_pdf(exported[fmt])
    assert not any(RUNNING_HEADER in text or text.startswith("Trang ") for text in texts(doc))


def test_ruled_table_rows_are_table_rows_and_never_headings(exported):
    doc = read_pdf(exported["bold_roman"])
    rows = [b for b in doc.blocks if b.kind == "table_row" and "Kinh phí (triệu đồng)" in b.text]
    assert [(b.text, b.page, b.heading_level) for b in rows] == [("Hạng mục | Kinh phí (triệu đồng)", 3, None)]


def test_bold_heading_is_bold_and_body_is_not(exported):
    blocks = {b.text: b for b in read_pdf(exported["bold_roman"]).blocks}
    assert blocks["IV. KINH PHÍ THỰC HIỆN"].bold
    assert not blocks["Tổng kinh phí như sau:"].bold


def test_word_auto_number_printed_apart_by_a_tab_is_the_blocks_number(exported):
    blocks = {b.text: b for b in read_pdf(exported["auto_roman"]).blocks}
    heading = blocks["IV. KINH PHÍ THỰC HIỆN"]
    assert (heading.number, heading.bold, heading.kind) == ("IV.", True, "paragraph")


def test_heading_printed_larger_than_the_body_gets_a_heading_level(exported):
    blocks = {b.text: b for b in read_pdf(exported["heading_styles"]).blocks}
    assert blocks["Kinh phí thực hiện"].heading_level is not None
    assert blocks["Tổng kinh phí như sau:"].heading_level is None


def test_blocks_carry_their_page_and_reading_order(exported):
    doc = read_pdf(exported["bold_roman"])
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert [b.page for b in doc.blocks] == sorted(b.page for b in doc.blocks)
    assert doc.blocks[-1].page == 4


def test_wrapped_heading_is_one_block(exported):
    assert "I. CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950 ĐƯỢC BAN HÀNH" in texts(
        read_pdf(exported["auto_roman"])
    )


# -- layout drawn line by line ------------------------------------------------------------


def test_wrapped_lines_of_a_paragraph_are_joined(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(BODY, justify=True), Line(MORE, justify=True), Line(LAST)))])
    assert texts(read_pdf(pdf)) == [f"{BODY} {MORE} {LAST}"]


def test_first_line_indent_starts_a_paragraph_without_spacing(tmp_path):
    pdf = draw_pdf(
        tmp_path / "p.pdf",
        [Page((Line(BODY, indent=28, justify=True), Line(MORE, justify=True), Line(BODY, indent=28, justify=True),
               Line(LAST)))],
    )
    assert texts(read_pdf(pdf)) == [f"{BODY} {MORE}", f"{BODY} {LAST}"]


def test_line_ending_short_ends_its_paragraph(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf",
                   [Page((Line(BODY, justify=True), Line("dùng chung."), Line(MORE, justify=True), Line(LAST)))])
    assert texts(read_pdf(pdf)) == [f"{BODY} dùng chung.", f"{MORE} {LAST}"]


def test_paragraph_spacing_ends_a_paragraph(tmp_path):
    first = (Line(BODY, justify=True), Line(MORE, justify=True), Line(LAST))
    second = (Line(BODY, justify=True, space_before=12), Line(MORE, justify=True), Line(LAST))
    pdf = draw_pdf(tmp_path / "p.pdf", [Page(first + second)])
    assert texts(read_pdf(pdf)) == [f"{BODY} {MORE} {LAST}"] * 2


def led_to_margin(text: str, page: str = "") -> str:
    """`text`, then a tab to a right tab stop filled with dots (and the page number there)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = 455 - stringWidth(f"{text}{page}", "Times-Roman", BODY_SIZE)
    dots = int(room / stringWidth(".", "Times-Roman", BODY_SIZE))
    return f"{text}{'.' * (dots - 1)}{page}"


def test_a_heading_led_by_dots_to_the_margin_ends_its_paragraph(tmp_path):
    """The dots fill the line, yet the text under it, with no spacing between, is a paragraph apart."""
    heading = led_to_margin("1. Những viên gạch đặt trước")
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(heading), Line(BODY, justify=True), Line(LAST)))])
    assert texts(read_pdf(pdf)) == [heading, f"{BODY} {LAST}"]


def test_a_table_of_contents_with_lines_written_otherwise_further_on_is_no_heading(tmp_path):
    """Word's table of contents printed: each title led by dots to its page number, one whose
    number the field left out, one whose heading is broken over two lines further on. The
    lines led by dots between those that repeat a heading are contents too."""
    titles = ["MẶT BẰNG TIN HỌC LÚC XUẤT PHÁT", "CÔNG VIỆC ĐÃ LÀM TRÒN", "BỘ MÁY VẬN HÀNH VIỆC THỰC THI",
              "KHOẢN CHI LỚN NHỎ CỦA TỈNH", "MẶT CÒN YẾU VÀ LÝ DO SÂU XA", "TRÔNG CẬY VÀO SỰ GIÚP SỨC CỦA BỘ"]
    labels = ["I-", "II-", "III-", "IV-", "V-", "VI-"]
    said = ["Giai đoạn 2015 – 2017, tỉnh đã số hóa 83.000 hồ sơ địa chính.",
            "UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh.",
            "Tỉnh đã phát hành 83.500 tờ rơi hướng dẫn người dân.",
            "Tổng vốn đã bố trí thực hiện Đề án là 22 tỷ đồng.",
            "Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu.",
            "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá."]
    contents = [Line(led_to_margin(f"{label} {title}", "" if n == 1 else str(2 + n // 2)), space_before=6)
                for n, (label, title) in enumerate(zip(labels, titles, strict=True))]
    body = [Line("Thực hiện văn bản số 1683/BXD-PTDT của Bộ Xây dựng, UBND tỉnh báo cáo như sau:")]
    for n, (label, title) in enumerate(zip(labels, titles, strict=True)):
        heading = [Line(f"{label} KHOẢN CHI", bold=True), Line("LỚN NHỎ CỦA TỈNH", bold=True)] if n == 3 else [
            Line(f"{label} {title}", bold=True)]
        body += [replace(heading[0], space_before=12), *heading[1:], Line(said[n])]
    title = (Line("BÁO CÁO", bold=True, indent=190), Line("MỤC LỤC", bold=True, indent=190))
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((*title, *contents)), Page(tuple(body))])
    report = parsed(pdf)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.text.splitlines()[-1] for s in report.sections] == said
    assert all("...." not in s.heading for s in report.sections)


def test_the_short_last_line_of_a_wrapped_centred_title_stays_with_it(tmp_path):
    """A centred heading the page's width wrapped: its first line fills the column, the
    rest is a short line centred under it, which is no first-line indent."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    title, rest = "TỔNG QUAN VỀ ĐÔ THỊ THÔNG MINH TRÊN ĐỊA BÀN TỪ NĂM", "2018 TỚI NAY"
    centred = (455 - stringWidth(rest, "Times-Roman", BODY_SIZE)) / 2  # Liberation Serif has its metrics
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(title, justify=True), Line(rest, indent=centred),
                                               Line(BODY, space_before=12, justify=True), Line(LAST)))])
    assert texts(read_pdf(pdf)) == [f"{title} {rest}", f"{BODY} {LAST}"]


def test_numbered_line_starts_a_block_and_gets_its_number(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(BODY, justify=True), Line("a) Hệ thống dịch vụ công trực tuyến.")))])
    blocks = read_pdf(pdf).blocks
    assert [(b.text, b.number) for b in blocks] == [(BODY, ""), ("a) Hệ thống dịch vụ công trực tuyến.", "a)")]


def test_bold_line_after_body_starts_a_block(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf",
                   [Page((Line(BODY, justify=True), Line("KINH PHÍ THỰC HIỆN", bold=True), Line(LAST)))])
    assert [(b.text, b.bold) for b in read_pdf(pdf).blocks] == [
        (BODY, False),
        ("KINH PHÍ THỰC HIỆN", True),
        (LAST, False),
    ]


@pytest.mark.parametrize("font", ["", "Times-Bold", "Helvetica-BoldOblique"])
def test_bold_is_read_from_the_font_name(tmp_path, font):
    # "" is Times New Roman Bold as embedded by the export (LiberationSerif-Bold here).
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line("IV. KINH PHI THUC HIEN", bold=True, font=font),))])
    assert read_pdf(pdf).blocks[0].bold


def test_regular_font_is_not_bold(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line("Kinh phi", font="Times-Roman"),))])
    assert not read_pdf(pdf).blocks[0].bold


def test_latin_word_hyphenated_at_a_line_end_is_joined(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf",
                   [Page((Line(f"{OPENING} hạ tầng infra-", justify=True), Line("structure dùng chung.")))])
    assert texts(read_pdf(pdf)) == [f"{OPENING} hạ tầng infrastructure dùng chung."]


def test_hyphen_between_vietnamese_words_at_a_line_end_is_kept(tmp_path):
    # Vietnamese syllables are never split: "tế-xã" is a real hyphen ("kinh tế-xã hội").
    pdf = draw_pdf(tmp_path / "p.pdf",
                   [Page((Line(f"{OPENING} phát triển kinh tế-", justify=True), Line("xã hội của tỉnh.")))])
    assert texts(read_pdf(pdf)) == [f"{OPENING} phát triển kinh tế-xã hội của tỉnh."]


def test_hyphen_before_a_capital_is_not_joined(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(f"{OPENING} tỉnh Bà Rịa -", justify=True), Line("Vũng Tàu.")))])
    assert texts(read_pdf(pdf)) == [f"{OPENING} tỉnh Bà Rịa - Vũng Tàu."]


def test_paragraph_running_over_a_page_break_is_one_block_on_its_first_page(tmp_path):
    filler = tuple(Line(f"Đoạn số {n}.") for n in range(1, 37))
    pdf = draw_pdf(
        tmp_path / "p.pdf",
        [Page((*filler, Line(BODY, justify=True)), footer="- 1 -"), Page((Line(LAST),), footer="- 2 -")],
    )
    blocks = read_pdf(pdf).blocks
    assert (blocks[-1].text, blocks[-1].page) == (f"{BODY} {LAST}", 1)


def test_a_heading_in_a_colour_of_its_own_ending_a_page_is_no_part_of_the_text_opening_the_next(tmp_path):
    # A heading set in a theme colour, not bold, at the foot of a page (a browser's print of the
    # report): no spacing tells it from the text at the head of the next page, and its last word
    # leaves room for that text's first one. Its colour does; the heading is marked coloured.
    filler = tuple(Line(f"Đoạn số {n}.") for n in range(1, 37))
    heading = "III. TỈNH ỦY, HĐND, UBND TỈNH LÃNH ĐẠO VIỆC CỤ THỂ HÓA ĐỀ ÁN"
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((*filler, Line(heading, colour="#1F4E79")), footer="- 1 -"),
                                        Page((Line(BODY, justify=True), Line(LAST)), footer="- 2 -")])
    blocks = read_pdf(pdf).blocks
    assert [(b.text, b.coloured) for b in blocks[-2:]] == [(heading, True), (f"{BODY} {LAST}", False)]


def test_a_bold_heading_behind_a_bullet_not_bold_is_bold_and_no_part_of_the_text_opening_the_next_page(tmp_path):
    # A symbol font's bullet is not bold in front of a bold title ("\uf0d8 Lan tỏa Đề án …", Word's
    # Insert > Symbol): the line is bold as its words are, as a heading behind its number is, so at
    # a page's foot it does not run into the text at the head of the next page.
    filler = tuple(Line(f"Đoạn số {n}.") for n in range(1, 37))
    heading = "Lan tỏa Đề án tới cán bộ, người dân và các quyết định, kế hoạch của tỉnh"
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((*filler, Line(heading, bold=True, bullet="■")), footer="- 1 -"),
                                        Page((Line(BODY, justify=True), Line(LAST)), footer="- 2 -")])
    blocks = read_pdf(pdf).blocks
    assert [(b.text, b.bold) for b in blocks[-2:]] == [(f"■ {heading}", True), (f"{BODY} {LAST}", False)]


MARKED_TITLES = ("Tấm bản đồ trải trên bàn họp", "Vườn tiêu đã leo kín trụ", "Sợi chỉ xâu qua từng hạt cườm",
                 "Đôi quang trĩu hai bên", "Màn mưa phùn che mặt đường", "Chiếc thang bắc lên gác")


def _marked_report(tmp_path, labels, mark: str, font: str) -> Path:
    """A report whose six bold headings each open with `mark` drawn in `font`, then a label."""
    lines = [Line(OPENING, space_before=10)]
    for n, (label, title) in enumerate(zip(labels, MARKED_TITLES, strict=True), start=1):
        lines += [Line(f"{label} {title}", bold=True, bullet=mark, bullet_font=font, space_before=10),
                  Line(f"Tỉnh đã báo cáo nội dung số {n} đầy đủ.", space_before=10)]
    return draw_pdf(tmp_path / "p.pdf", [Page(tuple(lines))])


@pytest.mark.parametrize(("mark", "font", "labels"), [
    # a SYMBOL field's Wingdings square before each heading, printed to PDF: a glyph of a symbol font,
    # whatever character its map gives it ("§")
    ("§", "Wingdings", [f"Vấn đề {n}:" for n in range(1, 7)]),
    ("§", "Wingdings", [f"Nội dung thực hiện {n}:" for n in range(1, 7)]),
    # a checkbox content control's box, a symbol in a text font
    ("☒", "DejaVuSans", [f"Phần tổng hợp {r}." for r in ("I", "II", "III", "IV", "V", "VI")]),
])
def test_a_picture_drawn_before_a_headings_label_is_a_mark_not_a_word(tmp_path, mark, font, labels):
    """A glyph a symbol font draws before a heading's label, or a symbol or private-use
    character, is no word of the heading: the line opens with its label (so the ladder of
    labels is read without the outline's phrases) and is bold as its words are."""
    pdf = _marked_report(tmp_path, labels, mark, font)
    heading = read_pdf(pdf).blocks[1]
    assert (heading.text, heading.bold) == (f"{labels[0]} {MARKED_TITLES[0]}", True)
    report = extract_sections(read_pdf(pdf), tuple(replace(s, phrases=()) for s in OUTLINE))
    assert [(s.number, s.text) for s in report.sections] == [
        (n, f"Tỉnh đã báo cáo nội dung số {n} đầy đủ.") for n in range(1, 7)]


def test_a_picture_drawn_before_words_without_a_label_stays_as_their_bullet(tmp_path):
    """A symbol before a line's words and no label is the line's bullet (parse/bullets.py): kept."""
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line("Kết quả đạt được", bold=True, bullet="☒", bullet_font="DejaVuSans"),
                                              Line(BODY, justify=True), Line(LAST)))])
    assert read_pdf(pdf).blocks[0].text == "☒ Kết quả đạt được"


def test_a_sentence_ending_a_page_and_one_opening_the_next_are_two_paragraphs(tmp_path):
    # A full last line that ends a sentence, the next page opening with a capital: no spacing
    # says where the paragraph ends over a page turn, and a sentence's end is one (a report's
    # closing "Trên đây là báo cáo …" at the head of the page after an item's last line).
    filler = tuple(Line(f"Đoạn số {n}.") for n in range(1, 37))
    ending = "Trung tâm giám sát, điều hành đô thị thông minh của tỉnh đã đi vào vận hành."
    closing = "Trên đây là báo cáo của Ủy ban nhân dân tỉnh."
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((*filler, Line(ending, justify=True)), footer="- 1 -"),
                                        Page((Line(closing),), footer="- 2 -")])
    assert texts(read_pdf(pdf))[-2:] == [ending, closing]
    # a sentence that goes on over the page turn stays one paragraph
    pdf = draw_pdf(tmp_path / "q.pdf", [Page((*filler, Line(BODY, justify=True)), footer="- 1 -"),
                                        Page((Line(LAST),), footer="- 2 -")])
    assert texts(read_pdf(pdf))[-1] == f"{BODY} {LAST}"


def test_decomposed_vietnamese_text_comes_out_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Kinh phí thực hiện Đề án đô thị thông minh")
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(decomposed),))])
    assert texts(read_pdf(pdf)) == ["Kinh phí thực hiện Đề án đô thị thông minh"]


@pytest.mark.parametrize("footer", ["- 2 -", "Trang 2", "2", "Trang 2/3"])
def test_page_number_lines_are_dropped(tmp_path, footer):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(LAST),), footer=footer)])
    assert texts(read_pdf(pdf)) == [LAST]


@pytest.mark.parametrize("mark", ["- 2 -", "Trang 2", "Trang 2/5"])
def test_a_page_mark_left_in_the_body_is_dropped_but_a_number_alone_is_kept(tmp_path, mark):
    # A report converted PDF -> Word -> PDF keeps its old page numbers in the middle of a page.
    lines = (Line(BODY, justify=True), Line(MORE, justify=True), Line(LAST), Line(mark, indent=200, space_before=10),
             Line("2021", space_before=10), Line(OPENING, space_before=10))
    assert texts(read_pdf(draw_pdf(tmp_path / "p.pdf", [Page(lines)]))) == [f"{BODY} {MORE} {LAST}", "2021", OPENING]


def test_a_footnote_and_its_mark_are_not_text(tmp_path):
    # As Word exports a footnote: "¹" small and raised after the heading, "1 Số liệu…" at
    # the foot of the page. A .docx's footnotes are no part of its text; a PDF's neither.
    lines = (Line("1. Bước khởi đầu giai đoạn 2015 – 2017", bold=True, mark="1"), Line("Năm 2016, tỉnh đã số hóa."))
    pdf = draw_pdf(tmp_path / "p.pdf", [Page(lines, notes=("1 Số liệu do Sở Tài chính cung cấp.",))])
    assert texts(read_pdf(pdf)) == ["1. Bước khởi đầu giai đoạn 2015 – 2017", "Năm 2016, tỉnh đã số hóa."]


FUNDING_LEAD = "Các nhiệm vụ của Đề án được bố trí từ ngân sách tỉnh và vốn của doanh nghiệp viễn thông."
FUNDING_NEXT = "Việc bố trí kinh phí được thực hiện theo quy định của Luật Ngân sách nhà nước."
FUNDING_NOTE = "Tổng kinh phí giai đoạn 2018 - 2022 là 6.570 triệu đồng, theo số liệu của Sở Tài chính."


def _funding_across_pages(path, mark: str, note: str):
    """A scan's funding item whose first paragraph ends page 1, a footnote at that page's foot, the
    item going on at the top of page 2: the raised mark as OCR reads it, a letter at the line's end."""
    first = Page((Line("4. Kinh phí thực hiện", bold=True), Line(FUNDING_LEAD + mark)), notes=(note,))
    second = Page((Line(FUNDING_NEXT), Line("5. Khó khăn, vướng mắc", bold=True, space_before=10),
                   Line("Thiếu nhân lực chuyên trách.")))
    return _as_scanned(draw_pdf(path, [first, second]))


@pytest.mark.parametrize("mark", ['"', "1"], ids=["read as a quote", "read as its number"])
def test_a_recognised_footnote_is_kept_at_the_foot_of_its_item(tmp_path, mark):
    """A scan's footnote ("1 Tổng kinh phí …" at the page's foot) whose mark OCR read as a quote or
    its number after the sentence's stop: the note goes with the line holding the mark, read at
    the foot of the item, and the item's text runs on across the page unbroken."""
    pdf = _funding_across_pages(tmp_path / "quet.pdf", mark, f"1 {FUNDING_NOTE}")
    funding = {s.number: s for s in extract_sections(read_pdf(pdf), OUTLINE).sections}[4]
    assert funding.text == f"{FUNDING_LEAD}\n{FUNDING_NEXT}\n[Chú thích 1] {FUNDING_NOTE}"


def test_a_line_at_a_scans_foot_opening_with_a_number_is_text_without_a_mark_above(tmp_path):
    """No line above ends in a mark as OCR reads one: a line at the foot opening with a number is
    the page's text, where it stands."""
    pdf = _funding_across_pages(tmp_path / "quet.pdf", "", f"1 {FUNDING_NOTE}")
    funding = {s.number: s for s in extract_sections(read_pdf(pdf), OUTLINE).sections}[4]
    assert "[Chú thích" not in funding.text and FUNDING_NOTE in funding.text


CLOSING = "Trên đây là báo cáo tình hình phát triển đô thị thông minh của tỉnh./."


@pytest.mark.parametrize("numbers", [(1, 2, 3, 4, 5), (0, 0, 0, 0, 10)], ids=["every line", "one read by OCR"])
def test_line_numbers_in_the_margin_are_not_text(tmp_path, numbers):
    # Word's line numbering printed in the left margin: the closing is still the closing.
    lines = (Line("1. Kết quả", bold=True), Line(BODY, justify=True), Line(MORE, justify=True), Line(LAST),
             Line(CLOSING, space_before=10))
    pdf = draw_pdf(tmp_path / "p.pdf", [Page(lines, line_numbers=numbers)])
    assert texts(read_pdf(pdf)) == ["1. Kết quả", f"{BODY} {MORE} {LAST}", CLOSING]


def test_line_numbers_of_two_pages_printed_side_by_side_are_not_text(tmp_path):
    """Two pages each numbering its lines in its margin, printed "2 pages per sheet" (a
    landscape sheet, each page shrunk): the right page's numbers stand in the gutter, left of
    its own text, and number its lines as the left page's number theirs."""
    import pypdfium2 as pdfium

    lines = (Line("1. Kết quả", bold=True), Line(BODY, justify=True), Line(MORE, justify=True), Line(LAST),
             Line(CLOSING, space_before=10))
    pages = draw_pdf(tmp_path / "pages.pdf", [Page(lines, line_numbers=(1, 2, 3, 4, 5)),
                                               Page(lines, line_numbers=(6, 7, 8, 9, 10))])
    src, out = pdfium.PdfDocument(pages), pdfium.PdfDocument.new()
    sheet = out.new_page(842, 595)
    for k in range(2):
        width, height = src.get_page_size(k)
        placed = src.page_as_xobject(k, out).as_pageobject()
        placed.transform(pdfium.PdfMatrix().scale(0.7, 0.7).translate(
            842 / 4 * (1 + 2 * k) - width * 0.35, (595 - height * 0.7) / 2))
        sheet.insert_obj(placed)
    sheet.gen_content()
    out.save(tmp_path / "sheet.pdf")
    assert texts(read_pdf(tmp_path / "sheet.pdf")) == ["1. Kết quả", f"{BODY} {MORE} {LAST}", CLOSING] * 2


LEADER = "." * 40


def test_a_leader_of_plain_dots_after_a_bold_heading_leaves_it_bold(tmp_path):
    """A heading typed bold, then a tab to the margin filled with dots ("Nội dung A: Tiêu đề……"):
    Word draws the leader in the tab's face, plain, and its dots outnumber the heading's letters.
    The line is bold as its words are, and the report's ladder of such headings is read."""
    titles = ("Hành trang khi bắt tay vào việc", "Kết quả hiện thực hóa", "Êkíp dẫn dắt Đề án",
              "Ngân quỹ dành cho Đề án", "Cái khó chưa vượt qua", "Mong muốn được hỗ trợ")
    lines = [Line(OPENING, space_before=10)]
    for letter, title in zip("ABCDEF", titles, strict=True):
        lines += [Line(f"Nội dung {letter}: {title}", bold=True, run_on=LEADER, space_before=10),
                  Line(f"Tỉnh đã báo cáo nội dung {letter} đầy đủ.", space_before=10)]
    pdf = draw_pdf(tmp_path / "p.pdf", [Page(tuple(lines))])
    heading = read_pdf(pdf).blocks[1]
    assert heading.text.startswith("Nội dung A:") and heading.bold and heading.style.endswith("Bold")
    report = extract_sections(read_pdf(pdf), tuple(replace(s, phrases=()) for s in OUTLINE))
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[4].text.endswith("Tỉnh đã báo cáo nội dung E đầy đủ.")


def test_the_numbers_of_a_ruled_table_set_out_into_the_margin_are_its_own(tmp_path):
    """A ruled table wider than the text (its first column, "STT", out in the left margin)
    numbers its rows: a cell's number, no line number."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from pdf_builders import convert_to_pdf

    document = docx.Document()
    document.add_paragraph(OPENING)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table._tbl.tblPr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="-1100" w:type="dxa"/>'))
    for row, (number, words) in zip(table.rows, (("5", "Khó khăn"), ("6", "Kiến nghị")), strict=True):
        row.cells[0].text, row.cells[1].text = number, words
    document.add_paragraph(LAST)
    document.save(tmp_path / "bang.docx")
    convert_to_pdf([tmp_path / "bang.docx"], tmp_path)
    assert texts(read_pdf(tmp_path / "bang.pdf")) == [OPENING, "5 | Khó khăn", "6 | Kiến nghị", LAST]


def test_a_line_at_the_foot_of_a_page_without_marks_is_kept(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line("Năm 2016, tỉnh đã số hóa."),),
                                             notes=("1 Trung tâm điều hành đã vận hành.",))])
    assert texts(read_pdf(pdf)) == ["Năm 2016, tỉnh đã số hóa.", "1 Trung tâm điều hành đã vận hành."]


def test_line_repeated_at_the_top_of_every_page_is_dropped(tmp_path):
    words = ("Mở đầu.", "Nội dung.", "Kết luận.")
    pages = [Page((Line(text),), header="UBND TỈNH QUẢNG NINH - SỞ XÂY DỰNG") for text in words]
    assert texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages))) == list(words)


def test_running_header_whose_number_is_not_the_page_number_is_dropped(tmp_path):
    """A running header or footer that repeats but for a number that changes from page to
    page, whatever that number is: here the printed page number runs one ahead of the file's
    page (a cover page counted), and another number stands in the header as well."""
    words = ("Mở đầu.", "Nội dung.", "Kết luận.")
    pages = [Page((Line(text),), header=f"Báo cáo số 325/BC-UBND - Trang {n + 1}/4", footer=f"- {n + 1} -")
             for n, text in enumerate(words, start=1)]
    assert texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages))) == list(words)


def test_running_footer_recognised_a_little_differently_on_each_page_is_dropped(tmp_path):
    """A footer read from page images comes out nearly, not exactly, the same on each page
    (OCR splits or misreads a character): it is still the footer, not the item's text."""
    words = ("Mở đầu.", "Nội dung.", "Kết luận.")
    footers = ("D:\\VanBan2022\\SoXayDung\\BC_DTTM. phu_yen_2022.docx",
               "D:\\VanBan2022\\SoXayDung\\BC_DTTM. phu. yen_2022.docx",
               "D:\\VanBan2022\\SoXayDung\\BC_DTTM, phu_yen_2022.docx")
    pages = [Page((Line(text),), footer=footer) for text, footer in zip(words, footers, strict=True)]
    assert texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages))) == list(words)


def test_page_header_naming_each_pages_item_is_dropped_though_it_differs_on_every_page(tmp_path):
    """Each item starts a new page whose header is that item's title, set smaller than the text
    above it ("NẾP LÀM VIỆC CỦA BAN CHỈ ĐẠO" over "III- NẾP LÀM VIỆC …"): the words change from page
    to page, but the line is each page's topmost, at one place, in one smaller type: the page's
    header, not the text of the item before the page."""
    titles = ("KẾT TINH CỦA CHẶNG VỪA ĐI", "NẾP LÀM VIỆC CỦA BAN CHỈ ĐẠO", "TỔNG SỐ TIỀN VÀ CHỖ LẤY TIỀN")
    first = (Line("I- ĐIỂM KHỞI HÀNH CỦA TỈNH", bold=True), Line("Năm 2016, tỉnh đã số hóa hồ sơ địa chính."))
    pages = [Page(first)] + [
        Page((Line(f"{label}- {title}", bold=True), Line("Tỉnh đã ban hành kế hoạch triển khai Đề án trên địa bàn.")),
             header=title)
        for label, title in zip(("II", "III", "IV"), titles, strict=True)]
    kept = texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages)))
    assert not set(titles) & set(kept)
    assert [line for line in kept if line.endswith(titles)] == [f"{label}- {title}" for label, title in
                                                               zip(("II", "III", "IV"), titles, strict=True)]


def test_heading_at_the_top_of_a_page_and_continued_at_the_top_of_the_next_is_kept(tmp_path):
    """A heading that opens page 2 and is written again, "(tiếp theo)", at the top of page 3
    stands where a running header would, nearly the same line twice; but a running line is
    the same length each time (OCR misreads a character, it adds no words): the heading stays."""
    heading = "(v) Các điểm còn chưa ổn, do chủ quan và do khách quan"
    pages = [Page((Line("Mở đầu."),)), Page((Line("Hạ tầng viễn thông chưa đáp ứng."),), header=heading),
             Page((Line("Nhận thức còn chưa đầy đủ."),), header=f"{heading} (tiếp theo)")]
    kept = texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages)))
    assert heading in kept and f"{heading} (tiếp theo)" in kept


def _recognised(text: str, top: float, cells: tuple[str, ...] = ()):
    from baocao.parse.pdf import OCR_FONT, _Line

    return _Line(page=1, text=" | ".join(cells) if cells else text, x0=70, x1=525, top=top, bottom=top + 13, size=13,
                 font=OCR_FONT, bold=False, cells=cells)


def test_a_line_of_prose_split_by_ocr_where_a_word_faded_is_one_line_again():
    """On a scanned page a faded word is read as a speck, and the gap it leaves is as wide as
    between two columns: a row alone among lines of prose, its first cell nearly all its text,
    the line under it going on in lower case, is the sentence's line, not a table's row."""
    from baocao.parse.pdf import _prose_split_by_ocr

    first = _recognised("Nguồn vốn giai đoạn 2018 – 2022 gồm: ngân sách tỉnh 10 tỷ đồng; ngân sách huyện", 100)
    words = "2,5 tỷ đồng; vốn của các doanh nghiệp viễn thông và các nguồn vốn hợp pháp khác"
    split = _recognised("", 115, (words, "1"))
    after = _recognised("là 8 tỷ đồng.", 130)
    lines = _prose_split_by_ocr([first, split, after])
    assert not lines[1].is_row and lines[1].text.endswith("hợp pháp khác 1")
    # A table's row stays one: among other rows, or over a line that begins a sentence.
    row = _recognised("", 145, ("Trung tâm điều hành đô thị thông minh của tỉnh giai đoạn 2018 – 2022", "1"))
    assert _prose_split_by_ocr([first, split, row, after])[1].is_row
    assert _prose_split_by_ocr([first, split, _recognised("Năm 2023, tỉnh tiếp tục.", 130)])[1].is_row


def test_different_lines_at_the_foot_of_each_page_are_kept(tmp_path):
    """Lines at the foot of the pages that are not alike stay text: only a repeated line is a footer."""
    words = ("Mở đầu.", "Nội dung.", "Kết luận.")
    footers = ("Tổng kinh phí năm 2021 là 12.000 triệu đồng.", "Các sở, ngành đã phối hợp chặt chẽ.",
               "Trung tâm điều hành đã vận hành ổn định.")
    pages = [Page((Line(text),), footer=footer) for text, footer in zip(words, footers, strict=True)]
    kept = texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages)))
    assert all(any(footer in text for text in kept) for footer in footers)


def test_same_text_in_the_body_of_each_page_is_kept(tmp_path):
    pages = [Page((Line(f"Mục {n}."), *(Line("x") for _ in range(10)), Line("Kinh phí: xem Phụ lục.")))
             for n in (1, 2, 3)]
    assert texts(read_pdf(draw_pdf(tmp_path / "p.pdf", pages))).count("Kinh phí: xem Phụ lục.") == 3


def test_columns_far_apart_on_one_line_are_a_table_row(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line("Trung tâm IOC" + " " * 60 + "120.000"),))])
    # reportlab draws the spaces: the gap is wide, as between two table columns
    assert [(b.kind, b.text) for b in read_pdf(pdf).blocks] == [("table_row", "Trung tâm IOC | 120.000")]


def test_larger_type_is_a_heading_level(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf",
                   [Page((Line("KẾT QUẢ TRIỂN KHAI", size=BODY_SIZE * 1.4, bold=True), Line(LAST), Line(LAST)))])
    assert [b.heading_level for b in read_pdf(pdf).blocks] == [1, None, None]


# -- scanned pages ------------------------------------------------------------------------


def test_image_only_page_is_found_for_ocr(tmp_path):
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(LAST),)), Page(image=True), Page((Line(LAST),))])
    assert pages_without_text(pdf) == [2]


def test_pdf_of_page_images_has_every_page_without_text(tmp_path):
    assert pages_without_text(image_only_pdf(tmp_path / "scan.pdf", pages=3)) == [1, 2, 3]


def test_page_with_a_text_layer_is_not_for_ocr(exported):
    assert pages_without_text(exported["bold_roman"]) == []


def test_blank_page_is_not_for_ocr(tmp_path):
    assert pages_without_text(draw_pdf(tmp_path / "p.pdf", [Page((Line(LAST),)), Page()])) == []


def test_scan_reads_as_no_blocks(tmp_path):
    assert read_pdf(image_only_pdf(tmp_path / "scan.pdf")).blocks == ()


# -- bad input ----------------------------------------------------------------------------


def test_password_protected_pdf_is_a_document_error_naming_the_file(tmp_path):
    pdf = draw_pdf(tmp_path / "bao-cao-mat-khau.pdf", [Page((Line(LAST),))], user_password="123")
    with pytest.raises(DocumentError, match=r"bao-cao-mat-khau\.pdf.*password"):
        read_pdf(pdf)


def test_damaged_pdf_is_a_document_error_naming_the_file(tmp_path, exported):
    data = exported["bold_roman"].read_bytes()
    damaged = tmp_path / "hong.pdf"
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError, match=r"hong\.pdf.*damaged"):
        read_pdf(damaged)


def test_word_file_named_pdf_is_a_document_error_saying_what_it_is(tmp_path):
    fake = tmp_path / "bao-cao.pdf"
    build_report(tmp_path / "bao-cao.docx").rename(fake)
    with pytest.raises(DocumentError, match=r"bao-cao\.pdf.*not a PDF but a zip package"):
        read_pdf(fake)


def test_empty_file_is_a_document_error(tmp_path):
    (tmp_path / "rong.pdf").write_bytes(b"")
    with pytest.raises(DocumentError, match=r"rong\.pdf.*empty"):
        read_pdf(tmp_path / "rong.pdf")


def test_missing_file_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match=r"khong-co\.pdf.*no such file"):
        read_pdf(tmp_path / "khong-co.pdf")


def test_pages_without_text_on_a_damaged_file_is_a_document_error(tmp_path):
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(DocumentError, match=r"hong\.pdf"):
        pages_without_text(tmp_path / "hong.pdf")


def test_pages_past_the_limit_are_not_read_and_the_document_says_so(tmp_path):
    pages = [Page((Line(text),)) for text in ("Một.", "Hai.", "Ba.", "Bốn.", "Năm.")]
    doc = read_pdf(draw_pdf(tmp_path / "p.pdf", pages), max_pages=2)
    assert (texts(doc), doc.partial) == (["Một.", "Hai."], "only the first 2 of 5 pages were read")


def test_whole_document_is_not_partial(exported):
    assert read_pdf(exported["bold_roman"]).partial == ""


# -- speed (printed, not asserted: run with -s) -------------------------------------------


def test_speed_on_a_long_exported_report(tmp_path):
    paragraph = f"{BODY} {MORE} {LAST} " * 3
    long_parts = tuple(Part(part.heading, part.content + (paragraph.strip(),) * 11) for part in STANDARD)
    pdf = reports_as_pdf(tmp_path, ("bold_roman",), long_parts)["bold_roman"]
    start = time.perf_counter()
    doc = read_pdf(pdf)
    seconds = time.perf_counter() - start
    pages = max(b.page for b in doc.blocks)
    print(f"\nread_pdf: {pages} pages in {seconds:.3f} s = {pages / seconds:.0f} pages/s")
    assert [s.number for s in extract_sections(doc, OUTLINE).sections] == [1, 2, 3, 4, 5, 6]


# -- damaged pages, table failures, the time limit ---------------------------------------


def _hand_written_pdf(kids: bytes, pages: dict[int, bytes]) -> bytes:
    """A PDF written byte by byte: its page tree's Kids as given, one Helvetica text page
    (object n, content n+1) per entry; objects the Kids name but `pages` lacks do not exist."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % kids.count(b"R"),
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    for number, text in pages.items():
        lines = b" ".join(b"72 %d Td (%s) Tj" % (712 if i == 0 else -24, line)
                          for i, line in enumerate(text.split(b"\n")))
        stream = b"BT /F1 12 Tf " + lines + b" ET"
        objects[number] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                           b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out, offsets = b"%PDF-1.4\n", {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
                    for n in range(1, size))
    return out + b"trailer << /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)


def test_a_page_the_page_tree_points_nowhere_is_recorded_and_the_other_pages_are_read(tmp_path):
    # pdf.js's Pages-tree-refs.pdf: the page tree names an object that is not there.
    # PDFium counts the page and fails to load it; the pages around it are fine.
    path = tmp_path / "cay-trang-hong.pdf"
    path.write_bytes(_hand_written_pdf(b"4 0 R 20 0 R 6 0 R", {
        4: b"I. Tinh hinh trien khai do thi thong minh\nTinh da ban hanh de an do thi thong minh.",
        6: b"II. Kho khan, vuong mac\nThieu nguon nhan luc cong nghe thong tin.",
    }))
    document = read_pdf(path)
    assert "page 2 could not be read" in document.partial
    texts = [b.text for b in document.blocks]
    assert "Tinh da ban hanh de an do thi thong minh." in texts
    assert "Thieu nguon nhan luc cong nghe thong tin." in texts

    from baocao.parse.reports import parse_document

    parsed = parse_document(path, "pdf", "cay-trang-hong.pdf", OUTLINE, work_dir=tmp_path)
    assert parsed.status == "partial" and "page 2 could not be read" in parsed.error
    assert len(parsed.sections) == 2


def _pdf_with_ruled_tables(path, pages: int = 3):
    """Pages each holding a paragraph and a ruled 3 x 3 table of funding figures."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 760, f"Trang {number}: kinh phi thuc hien theo bang sau.")
        xs, ys = (72, 232, 392, 522), (700, 676, 652, 628)
        for x in xs:
            pdf.line(x, ys[0], x, ys[-1])
        for y in ys:
            pdf.line(xs[0], y, xs[-1], y)
        for row, y in enumerate(ys[:-1]):
            for col, x in enumerate(xs[:-1]):
                pdf.drawString(x + 4, y - 17, f"o {number}.{row}.{col}")
        pdf.showPage()
    pdf.save()
    return path


def test_ruled_tables_are_read_as_table_rows(tmp_path):
    document = read_pdf(_pdf_with_ruled_tables(tmp_path / "bang.pdf"))
    assert document.partial == ""
    assert "o 2.1.0 | o 2.1.1 | o 2.1.2" in [b.text for b in document.blocks if b.kind == "table_row"]


def test_ruled_tables_are_found_without_pdfminer(tmp_path, monkeypatch):
    """The rules come from PDFium: pdfminer's reading of the page (0.3-0.5 s a page) is never run."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    def no_pdfminer(*args, **kwargs):
        raise AssertionError("pdfminer read a page")

    monkeypatch.setattr(PDFPageInterpreter, "process_page", no_pdfminer)
    rows = [b.text for b in read_pdf(_pdf_with_ruled_tables(tmp_path / "bang.pdf")).blocks if b.kind == "table_row"]
    assert "o 2.1.0 | o 2.1.1 | o 2.1.2" in rows


def test_tables_that_cannot_be_read_are_recorded_not_dropped(tmp_path, monkeypatch):
    import baocao.parse.pdf as reader

    path = _pdf_with_ruled_tables(tmp_path / "bang.pdf")
    real, calls = reader._page_tables, []

    def fails_on_page_2(objects, page_top, *turn):
        calls.append(page_top)
        if len(calls) == 2:
            raise ValueError("a path PDFium cannot describe")
        return real(objects, page_top, *turn)

    monkeypatch.setattr(reader, "_page_tables", fails_on_page_2)
    document = read_pdf(path)
    assert "tables of page 2 could not be read: ValueError: a path PDFium cannot describe" in document.partial
    rows = [b.text for b in document.blocks if b.kind == "table_row"]
    assert "o 3.1.0 | o 3.1.1 | o 3.1.2" in rows   # the pages after it keep their tables
    assert any("o 2.1.0" in b.text for b in document.blocks)   # and page 2 its text


def test_the_time_limit_running_out_while_finding_tables_stops_reading_and_says_where(tmp_path, monkeypatch):
    # The limit is a signal: fired inside the table finder, it must not pass for one table failing.
    import signal

    import baocao.parse.pdf as reader
    from baocao.parse.limits import Deadline, time_limit

    path = _pdf_with_ruled_tables(tmp_path / "bang.pdf", pages=4)
    deadline = Deadline(60)
    real, calls = reader._page_tables, []

    def time_runs_out_in_page_2(objects, page_top, *turn):
        calls.append(page_top)
        if len(calls) == 2:
            deadline.end = time.monotonic()        # the document's time is up ...
            signal.raise_signal(signal.SIGALRM)    # ... and the timer fires in the table finder
        return real(objects, page_top, *turn)

    monkeypatch.setattr(reader, "_page_tables", time_runs_out_in_page_2)
    with time_limit(deadline):
        document = read_pdf(path, deadline=deadline)
    assert document.partial.startswith("the time limit of 60 s was reached at page 2: pages 2–4 were not read")
    assert len(calls) == 2
    assert any("o 1.2.2" in b.text for b in document.blocks)   # what was read is kept


def test_pages_left_when_the_time_is_up_are_not_read(tmp_path):
    from baocao.parse.limits import Deadline

    path = _pdf_with_ruled_tables(tmp_path / "bang.pdf", pages=2)
    deadline = Deadline(5)
    deadline.end = time.monotonic()
    with pytest.raises(DocumentError, match="the time limit of 5 s was reached at page 1: pages 1–2 were not read"):
        read_pdf(path, deadline=deadline)


# -- a page set in two columns ------------------------------------------------------------

COLUMN_LEFT_TEXT = ("Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 278 thủ tục hành chính "
                    "mức độ 3, 4 và kết nối với cơ sở dữ liệu quốc gia về dân cư.")
COLUMN_RIGHT_TEXT = ("Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu, nhiều xã chưa có cán bộ chuyên trách "
                     "và kinh phí duy trì các hệ thống còn hạn chế.")


def _two_column_pdf(path, columns: tuple[tuple[float, float], tuple[float, float]], drop: float = 7.0,
                    closing: str = "Trên đây là báo cáo của tỉnh./.", words_apart: bool = False):
    """A full-width opening line, then two columns (each a bold numbered heading over a paragraph
    wrapped to the column's width, the right column's baselines `drop` points lower, as when
    its heading has other spacing), then a full-width closing line (`words_apart`: one run a
    word 8 pt apart, a justified line as OCR's text layer sets it)."""
    from pdf_builders import FONT_DIR
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, bold = "Serif", "Serif-Bold"
    pdfmetrics.registerFont(TTFont(regular, str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / "LiberationSerif-Bold.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(regular, 13)
    pdf.drawString(85, 760, "UBND tỉnh báo cáo kết quả thực hiện như sau:")
    bottom = 760
    for (x0, x1), heading, text, y in (((columns[0]), "1. Kết quả đạt được", COLUMN_LEFT_TEXT, 730),
                                       ((columns[1]), "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT, 730 - drop)):
        pdf.setFont(bold, 13)
        pdf.drawString(x0, y, heading)
        pdf.setFont(regular, 13)
        for line in simpleSplit(text, regular, 13, x1 - x0):
            y -= 18
            pdf.drawString(x0, y, line)
        bottom = min(bottom, y)
    x = 85.0
    for word in closing.split() if words_apart else [closing]:
        pdf.drawString(x, bottom - 30, word)
        x += pdfmetrics.stringWidth(word, regular, 13) + 8
    pdf.showPage()
    pdf.save()
    return path


def test_two_columns_are_read_column_by_column(tmp_path):
    """Text set in two columns: the gutter between them, which no word crosses, splits each
    line; the left column is read to its end, then the right one, each paragraph whole."""
    pdf = _two_column_pdf(tmp_path / "cot.pdf", ((85, 295), (325, 540)))
    assert texts(read_pdf(pdf)) == [
        "UBND tỉnh báo cáo kết quả thực hiện như sau:",
        "1. Kết quả đạt được", COLUMN_LEFT_TEXT,
        "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT,
        "Trên đây là báo cáo của tỉnh./.",
    ]


def test_two_columns_in_an_ocr_text_layer_are_read_column_by_column(tmp_path):
    """A scan of a page in two columns: OCR's text layer puts each word where it is on the
    page, so the gutter shows as in a typed PDF, and the columns are read one after the other."""
    pdf = _two_column_pdf(tmp_path / "quet.pdf", ((85, 295), (325, 540)))
    # Its fonts named as OCR names its text layer's (the same length: the PDF's offsets hold).
    typed = pdf.read_bytes()
    pdf.write_bytes(typed.replace(b"+LiberationSerif-Bold", b"+GlyphLessFont       ")
                    .replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    assert {block.style for block in read_pdf(pdf).blocks} == {"GlyphLessFont"}
    assert texts(read_pdf(pdf))[1:5] == [
        "1. Kết quả đạt được", COLUMN_LEFT_TEXT, "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT]


CLOSING_ACROSS = "Trên đây là báo cáo tình hình phát triển đô thị thông minh trên địa bàn tỉnh./."


def _as_scanned(pdf):
    """The PDF with its fonts named as OCR names its text layer's (the same length: the offsets hold)."""
    typed = pdf.read_bytes()
    pdf.write_bytes(typed.replace(b"+LiberationSerif-Bold", b"+GlyphLessFont       ")
                    .replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    return pdf


def test_ocr_columns_end_at_a_full_line_whose_word_space_falls_in_the_gutter(tmp_path):
    """A scan's closing line across the page ("Trên đây là báo cáo…") has a space between two
    words where the gutter is above it: that space, narrower than a gutter, ends the columns
    there, and the columns above are still read one after the other."""
    pdf = _as_scanned(_two_column_pdf(tmp_path / "quet.pdf", ((85, 295), (325, 540)), closing=CLOSING_ACROSS,
                                       words_apart=True))
    assert texts(read_pdf(pdf))[1:] == [
        "1. Kết quả đạt được", COLUMN_LEFT_TEXT, "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT, CLOSING_ACROSS]


def test_spaces_between_ocr_words_that_line_up_are_no_gutter(tmp_path):
    """OCR writes each word apart: six lines of one column whose word spaces happen to fall
    at one place mid-line (a justified space, 8 pt at 13 pt) are still whole lines."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "mot-cot.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    left, right = "Tỉnh đã đưa vào vận hành cổng dịch", "vụ công trực tuyến với nhiều thủ tục"
    for k in range(6):
        y = 700 - 18 * k
        for x, text in ((85.0, left), (85 + pdfmetrics.stringWidth(left, "Serif", 13) + 8, right)):
            for word in text.split():  # one run a word, as in OCR's text layer
                pdf.drawString(x, y, word)
                x += pdfmetrics.stringWidth(word + " ", "Serif", 13)
    pdf.showPage()
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    blocks = read_pdf(path).blocks
    assert {block.style for block in blocks} == {"GlyphLessFont"}
    assert all(" | " not in block.text for block in blocks)
    assert texts(read_pdf(path))[0].startswith(f"{left} {right}")


def _ocr_layer_with_pen_initials(path, mark_size):
    """A scan's text layer (one run a word, in OCR's font) whose last line, a heading, has a
    clerk's initials written by hand at its right, which OCR read "JW?" in a box `mark_size`
    high, reaching below the line."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    lines = ["Hạng mục báo cáo 4: Mạch nước ngầm tưới cho vườn",
             "Tổng kinh phí bố trí cho Đề án của tỉnh là 14.492 triệu đồng.",
             "Hạng mục báo cáo 5: Đoạn đèo đá lởm chởm"]
    for k, line in enumerate(lines):
        x, y = 85.0, 700 - 24 * k
        for word in line.split():
            pdf.setFont("Serif", 13)
            pdf.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word + " ", "Serif", 13)
    pdf.setFont("Serif", mark_size)
    pdf.drawString(480, 700 - 24 * 2 - mark_size / 2, "JW?")
    pdf.showPage()
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    return path


def test_initials_written_by_hand_beside_a_scans_line_are_no_cell_of_it(tmp_path):
    """Pool 38's Thái Nguyên: a clerk's initials penned at the page's foot, beside the last
    heading, read by OCR as a word two lines high ("JW?"), made the heading a table row
    ("Hạng mục báo cáo 5: … | JW?") and the ladder lost it: no section found. A mark that
    high, of a few characters, is the pen's, not the report's; a word of the type's size is."""
    blocks = read_pdf(_ocr_layer_with_pen_initials(tmp_path / "quet.pdf", 34)).blocks
    assert {block.style for block in blocks} == {"GlyphLessFont"}
    assert [(b.kind, b.text) for b in blocks][-1] == ("paragraph", "Hạng mục báo cáo 5: Đoạn đèo đá lởm chởm")
    assert not any("JW?" in b.text for b in blocks)
    typed = read_pdf(_ocr_layer_with_pen_initials(tmp_path / "chu.pdf", 13)).blocks
    assert any("JW?" in b.text for b in typed)


# Pool 42's Tuyên Quang, as OCR gave its text layer back: a ladder of word labels whose titles no
# phrase of the outline names, a reader's ballpoint arrows in the left margin read as dashes and a
# ">" (x, text) before headings 1 and 3 and before the second line of item 4's paragraph.
ARROWED_TITLES = ("Nét phác đầu tiên trên trang giấy", "Vườn bưởi trĩu quả", "Bếp lửa chung của cả xóm",
                  "Bó củi xếp gọn dưới gầm sàn", "Triền đèo trơn sau mưa", "Chiếc cầu tre nối sang bờ bên kia")
ARROWED_BODIES = {
    1: ("Giai đoạn 2015 — 2017, tỉnh đã số hóa 35.000 hồ sơ địa chính.",),
    2: ("Hạ tầng cáp quang của tỉnh đã phủ tới 91% số xã, phường, thị trấn.",),
    3: ("-> Năm 2021, tỉnh đã tổ chức 44 hội nghị phổ biến về đô thị thông minh.",),
    4: ("Việc bố trí kinh phí tại tỉnh Tuyên Quang được thực hiện theo quy định của Luật Ngân",
        "sách nhà nước và Luật Đầu tư công."),
    5: ("Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu.",),
    6: ("Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh.",),
}
ARROWED_LIST = ("Nơi nhận:", "- Bộ Xây dựng (b/c);", "- Lưu: VT, XD.")


def _ocr_layer_canvas(path):
    """A page for a scan's text layer drawn by hand: words in Liberation Serif, renamed to
    OCR's font on saving (_saved_as_ocr_layer)."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    return canvas.Canvas(str(path), pagesize=(595, 842))


def _draw_ocr_words(pdf, y, line):
    """The line's words from the text's edge at 85 pt, one run a word, as OCR's layer has them."""
    from reportlab.pdfbase import pdfmetrics

    x = 85.0
    for word in line.split():
        pdf.setFont("Serif", 13)
        pdf.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word + " ", "Serif", 13)


def _saved_as_ocr_layer(pdf, path):
    pdf.showPage()
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    return path


def _ocr_layer_with_pen_arrows(path, arrows):
    """A scan's text layer (one run a word, in OCR's font, the text's edge at 85 pt) with
    `arrows` (the line's text it points at -> what OCR read the arrow as) in the left margin,
    and a speck of dust further left."""
    pdf = _ocr_layer_canvas(path)
    lines = ["UBND tỉnh Tuyên Quang báo cáo như sau:"]
    for n, title in enumerate(ARROWED_TITLES, start=1):
        lines += [f"Mục đánh giá {n}. {title}", *ARROWED_BODIES[n]]
    pdf.setFont("Serif", 13)
    pdf.drawString(30, 800, "'")  # a speck of dust in the margin, read as a mark
    y = 780.0
    for line in [*lines, *ARROWED_LIST]:
        y -= 17 if line == ARROWED_BODIES[4][1] else 27  # a paragraph's next line, or a new one
        if line in arrows:
            pdf.setFont("Serif", 13)
            pdf.drawRightString(73, y, arrows[line])
        _draw_ocr_words(pdf, y, line)
    return _saved_as_ocr_layer(pdf, path)


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_readers_pen_arrows_in_a_scans_margin_are_no_words_of_its_lines(tmp_path, outline):
    """Pool 42's Tuyên Quang and Đồng Nai: a reader's ballpoint arrows in the left margin pointing
    at lines, read by OCR as dashes and a ">" ("——> Mục đánh giá 1. …"). Before a heading the
    arrow hid its label: the ladder lost two rungs and no section was found at all; before a
    paragraph's next line it was read into its text ("… Luật Ngân ——> sách nhà nước …"). A mark of
    that shape wholly left of the page's text is the pen's; a typed "->", a list's dash and a
    year range's dash, where the text is, stay."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    arrows = {f"Mục đánh giá 1. {ARROWED_TITLES[0]}": "——>", f"Mục đánh giá 3. {ARROWED_TITLES[2]}": "—>",
              ARROWED_BODIES[4][1]: "_—>"}
    document = replace(read_pdf(_ocr_layer_with_pen_arrows(tmp_path / "quet.pdf", arrows)), ocr=True)
    assert {block.style for block in document.blocks} == {"GlyphLessFont"}
    report = extract_sections(document, sections)
    assert [s.heading for s in report.sections] == [f"Mục đánh giá {n}. {title}"
                                                    for n, title in enumerate(ARROWED_TITLES, start=1)]
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(body) for n, body in ARROWED_BODIES.items()}
    assert texts(document)[-3:] == list(ARROWED_LIST)


# Pool 43's Hà Nội, as OCR gave its text layer back: a ladder of word labels whose titles no phrase
# of the outline names, an ink blot in the right margin beside heading 3 and the line under it,
# its pool and splashes read as marks (x, text) well right of where the page's text ends.
BLOTTED_TITLES = ("Chiếc thuyền nan mới hạ thủy", "Giàn mướp sai trái trước hiên", "Sợi dây kéo co cả làng nắm",
                  "Cái lọ thủy tinh đựng xu lẻ", "Giá rét buốt lòng bàn tay", "Búp chè non chờ nắng sớm")
BLOTTED_BODIES = {
    1: ("Năm 2014, thành phố đã ban hành Kiến trúc Chính quyền điện tử.",),
    2: ("Thành phố đã chọn 4 đô thị làm thí điểm đô thị thông minh.",),
    3: ("UBND thành phố Hà Nội đã ban hành Kế hoạch số 145/KH-UBND ngày 14/1/2021 về",
        "triển khai Đề án 950 trên địa bàn."),
    4: ("Việc bố trí kinh phí theo quy định của Luật Ngân sách nhà nước.",),
    5: ("Dữ liệu quy hoạch đô thị của thành phố chưa được số hóa đầy đủ.",),
    6: ("Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ thành phố Hà Nội.",),
}


def _ocr_layer_with_blot(path, blot):
    """A scan's text layer (one run a word, in OCR's font, the text from 85 pt) with `blot` (the
    line's text it lies beside -> the marks OCR read there, each at its x) in the right margin,
    past the text's right edge."""
    pdf = _ocr_layer_canvas(path)
    lines = ["UBND thành phố Hà Nội báo cáo như sau:"]
    for n, title in enumerate(BLOTTED_TITLES, start=1):
        lines += [f"Mục đánh giá {n}. {title}", *BLOTTED_BODIES[n]]
    y = 800.0
    for line in lines:
        y -= 17 if line == BLOTTED_BODIES[3][1] else 27  # a paragraph's next line, or a new one
        pdf.setFont("Serif", 13)
        for x, mark in blot.get(line, ()):
            pdf.drawString(x, y, mark)
        _draw_ocr_words(pdf, y, line)
    return _saved_as_ocr_layer(pdf, path)


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_an_ink_blot_in_a_scans_right_margin_is_no_cell_of_the_lines_beside_it(tmp_path, outline):
    """Pool 43's Hà Nội: a fountain-pen ink blot in the right margin beside a heading, its pool
    and splashes read by OCR as marks ("'®", "°"), made the heading a table row ("Mục đánh giá 3.
    Sợi dây… | '® °") and the ladder lost the rung: §2 not found, §3 holding item 2's text, both
    ways. Marks of one letter at most, wholly right of where the page's text ends, are the
    blot's; the lines beside them are paragraphs again, their words whole."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    blot = {f"Mục đánh giá 3. {BLOTTED_TITLES[2]}": ((553, "'®"), (586, "°")), BLOTTED_BODIES[3][0]: ((566, "°"),),
            BLOTTED_BODIES[5][0]: ((549, ".e®°"),)}
    document = replace(read_pdf(_ocr_layer_with_blot(tmp_path / "quet.pdf", blot)), ocr=True)
    assert {block.style for block in document.blocks} == {"GlyphLessFont"}
    assert {block.kind for block in document.blocks} == {"paragraph"}
    report = extract_sections(document, sections)
    assert [s.heading for s in report.sections] == [f"Mục đánh giá {n}. {title}"
                                                    for n, title in enumerate(BLOTTED_TITLES, start=1)]
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(body) for n, body in BLOTTED_BODIES.items()}


# Pool 44's Phú Thọ, as OCR gave its text layer back: each heading's label set in a narrow frame in
# the left margin beside its title and wrapped there, its first line on the title's row ("Phần tình"
# beside "Bánh xe gốm…") and the rest under it, alone in the margin ("hình I.").
FRAMED_TITLES = ("Bánh xe gốm quay vòng đầu", "Vại cà muối vàng ươm", "Khung cửi nhà nọ mượn thoi nhà kia",
                 "Chum rượu ngô ủ men lá", "Đất sét thiếu độ dẻo", "Cây bưởi non chờ vụ quả đầu")
FRAMED_BODIES = {
    1: ("Năm 2016, UBND tỉnh Phú Thọ đã ban hành Kiến trúc Chính quyền điện tử của địa",
        "phương phiên bản 1.0."),
    2: ("UBND tỉnh Phú Thọ đã chọn 5 đô thị làm thí điểm xây dựng đô thị thông minh.",),
    3: ("Trong năm 2021, tỉnh Phú Thọ đã tổ chức 55 hội nghị phổ biến về đô thị thông minh.",),
    4: ("Các nhà đầu tư đã góp 14.690 triệu đồng để tỉnh thực hiện các nhiệm vụ của Đề án.",),
    5: ("Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành.",),
    6: ("Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh.",),
}
# Each label's frame as OCR read it, line by line: "II." read "H." as on the scan; another label's
# words wrapped after its first word, its number under with the rest.
MARGIN_FRAMES = {
    "Phần tình hình": [("Phần tình", f"hình {numeral}.") for numeral in ("I", "H", "III", "IV", "V", "VI")],
    "Nhóm nhiệm vụ": [("Nhóm", f"nhiệm vụ {n}:") for n in range(1, 7)],
    # pool 47's Thừa Thiên Huế: "Điểm nội" over "dung 1.", the frame's words boxed 10 pt apart
    "Điểm nội dung": [("Điểm nội", f"dung {n}.") for n in range(1, 7)],
}
# The space OCR's boxes leave between a frame's words, where wider than a space of the type.
FRAME_WORD_GAPS = {"Điểm nội dung": 10.0}


def _ocr_layer_with_margin_frames(path, frames, gap=None):
    """A scan's text layer (one run a word, in OCR's font, the text from 85 pt) whose headings'
    labels are framed in the left margin from 14 pt: each frame's first line on its title's row,
    its next one under it, the item's text under that; the frame's words `gap` pt apart (a
    space of the type where None)."""
    from reportlab.pdfbase import pdfmetrics

    pdf = _ocr_layer_canvas(path)
    y = 800.0
    for line in ("Thực hiện văn bản số 1683/BXD-PTDT của Bộ Xây dựng về việc báo cáo tình hình",
                 "triển khai Đề án, UBND tỉnh Phú Thọ báo cáo như sau:"):
        y -= 17
        _draw_ocr_words(pdf, y, line)
    for n, ((first, second), title) in enumerate(zip(frames, FRAMED_TITLES, strict=True), start=1):
        y -= 32
        for at, words in ((y, first), (y - 18, second)):
            x = 14.0
            for word in words.split():
                pdf.setFont("Serif", 13)
                pdf.drawString(x, at, word)
                x += (pdfmetrics.stringWidth(word + " ", "Serif", 13) if gap is None
                      else pdfmetrics.stringWidth(word, "Serif", 13) + gap)
        _draw_ocr_words(pdf, y, title)
        y -= 10
        for line in FRAMED_BODIES[n]:
            y -= 17
            _draw_ocr_words(pdf, y, line)
    return _saved_as_ocr_layer(pdf, path)


@pytest.mark.parametrize("label", list(MARGIN_FRAMES))
@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_label_framed_in_a_scans_left_margin_and_wrapped_there_is_read_whole_before_its_title(
        tmp_path, outline, label):
    """Pool 44's Phú Thọ: each heading's label ("Phần tình hình I.") set in a narrow frame in the
    left margin, wrapped over two lines, its title beside the first. OCR's rows read the frame's
    first line glued to the title ("Phần tình Bánh xe gốm…") and its second alone under it ("hình
    I."): no section found, both ways. The few words in the margin band, clear of a title that
    starts where the page's text does, and the few words alone in that band right under them are
    one label, read whole before its title, whatever its words. Six frames of two short words
    each are no column of specks a dim line numbering leaves (pool 47's Thừa Thiên Huế: twelve
    marks in the margin strip, all of them dropped, "nội 1." left): a label's word comes back at
    each heading."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    frames = MARGIN_FRAMES[label]
    document = replace(read_pdf(_ocr_layer_with_margin_frames(tmp_path / "quet.pdf", frames,
                                                              FRAME_WORD_GAPS.get(label))), ocr=True)
    headings = [f"{first} {second} {title}" for (first, second), title in zip(frames, FRAMED_TITLES, strict=True)]
    assert [b.text for b in document.blocks if b.margin_label] == headings
    assert not any(b.text in {second for _, second in frames} for b in document.blocks)
    report = extract_sections(document, sections)
    assert [s.heading for s in report.sections] == headings
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(body) for n, body in FRAMED_BODIES.items()}


def test_narrow_blocks_side_by_side_stay_table_rows(tmp_path):
    """Two narrow blocks side by side (a sign-off's recipients and signature, a borderless
    table) are no columns of text: their lines stay rows."""
    pdf = _two_column_pdf(tmp_path / "bang.pdf", ((85, 200), (360, 470)), drop=0.0)
    rows = [b.text for b in read_pdf(pdf).blocks if b.kind == "table_row"]
    assert rows and all(" | " in row for row in rows)


def _ruled_table_with_wrapped_cells(path):
    """A ruled table of two rows whose first column is narrow: its header "STT" does not fit
    and is broken between two letters ("ST" over "T"); the second column's header "Ghi chu"
    wraps at its space. Cells' text starts 4 pt inside their rules."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    xs, ys = (72, 98, 136, 400), (700, 668, 648)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    for y in ys:
        pdf.line(xs[0], y, xs[-1], y)
    pdf.setFont("Helvetica", 12)
    for x, y, text in ((76, 688, "ST"), (79, 674, "T"), (102, 688, "Ghi "), (102, 674, "chu"),
                       (140, 688, "Noi dung"), (76, 654, "1"), (102, 654, "x"), (140, 654, "Trung tam dieu hanh")):
        pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()
    return path


def test_a_word_broken_by_a_narrow_cell_is_read_whole(tmp_path):
    rows = [b.text for b in read_pdf(_ruled_table_with_wrapped_cells(tmp_path / "stt.pdf")).blocks]
    assert rows == ["STT | Ghi chu | Noi dung", "1 | x | Trung tam dieu hanh"]


def _turned_page_pdf(path, rotation: int):
    """A portrait sheet shown turned by /Rotate (`rotation` degrees clockwise), its text drawn
    turned the other way so that it reads upright on screen: a landscape page as a printer
    driver or a scanner sends it. Two paragraphs, the second under a ruled table of two rows."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    width, height = 595, 842  # the sheet (its media box), portrait
    pdf = canvas.Canvas(str(path), pagesize=(height, width))  # reportlab swaps the size of a turned page
    pdf.setPageRotation(rotation)
    # Shown turned, the page is `height` wide and `width` tall: draw in those coordinates.
    if rotation == 90:
        pdf.translate(width, 0)
        pdf.rotate(90)
    elif rotation == 270:
        pdf.translate(0, height)
        pdf.rotate(-90)
    shown_height = width
    pdf.setFont("Serif", 13)
    pdf.drawString(72, shown_height - 72, "1. Kết quả đạt được trên địa bàn tỉnh.")
    pdf.drawString(72, shown_height - 92, "Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến.")
    xs, ys = (72, 300, 600), (shown_height - 120, shown_height - 144, shown_height - 168)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    for y in ys:
        pdf.line(xs[0], y, xs[-1], y)
    for row, y in enumerate(ys[:-1]):
        for col, x in enumerate(xs[:-1]):
            pdf.drawString(x + 4, y - 17, f"ô {row}.{col}")
    pdf.drawString(72, shown_height - 200, "2. Khó khăn, vướng mắc của tỉnh.")
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_page_turned_by_rotate_is_read_as_shown(tmp_path, rotation):
    document = read_pdf(_turned_page_pdf(tmp_path / "xoay.pdf", rotation))
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("paragraph", "1. Kết quả đạt được trên địa bàn tỉnh."),
        ("paragraph", "Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến."),
        ("table_row", "ô 0.0 | ô 0.1"),
        ("table_row", "ô 1.0 | ô 1.1"),
        ("paragraph", "2. Khó khăn, vướng mắc của tỉnh."),
    ]


def _page_turned_in_viewer_pdf(path, rotation: int):
    """A report of three portrait pages, each with a running header and a page number, whose
    second page a reader turned a quarter in a PDF viewer and saved: that page carries
    /Rotate `rotation`, its text layer still runs across the sheet as it was written."""
    import pypdfium2 as pdfium

    header = "UBND tỉnh Thái Bình - Báo cáo đô thị thông minh"
    pages = [
        Page((Line("1. Tình hình chung", bold=True),
              Line("Tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến.")), header=header, footer="- 1 -"),
        Page((Line("Năm 2022, tỉnh hoàn thành trung tâm giám sát điều hành.", space_before=6),
              Line("2. Khó khăn, vướng mắc", bold=True, space_before=6),
              Line("Thiếu nguồn nhân lực công nghệ thông tin."),
              Line("3. Đề xuất, kiến nghị", bold=True, space_before=6)), header=header, footer="- 2 -"),
        Page((Line("Đề nghị Bộ hướng dẫn bộ chỉ số đánh giá.", space_before=6),), header=header, footer="- 3 -"),
    ]
    draw_pdf(path, pages)
    pdf = pdfium.PdfDocument(path.read_bytes())
    pdf[1].set_rotation(rotation)
    pdf.save(str(path))
    return path


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_page_turned_in_a_viewer_is_read_in_order_with_its_neighbours(tmp_path, rotation):
    document = read_pdf(_page_turned_in_viewer_pdf(tmp_path / "xoay.pdf", rotation))
    assert [(b.page, b.bold, b.text) for b in document.blocks] == [
        (1, True, "1. Tình hình chung"),
        (1, False, "Tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến."),
        (2, False, "Năm 2022, tỉnh hoàn thành trung tâm giám sát điều hành."),
        (2, True, "2. Khó khăn, vướng mắc"),
        (2, False, "Thiếu nguồn nhân lực công nghệ thông tin."),
        (2, True, "3. Đề xuất, kiến nghị"),
        (3, False, "Đề nghị Bộ hướng dẫn bộ chỉ số đánh giá."),
    ]  # the running header and page numbers, on the turned page too, are left out as on the others


def _framed_items_pdf(path):
    """A report whose items are each a ruled table of one column: the heading "1. …" in its
    first row, the item's text in its second, wrapped at the cell's right edge, well inside
    the page's; item 1's text holds a ruled table of figures of its own. A paragraph of the
    page's full width above the frame shows where the page's right margin is."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Bold", str(FONT_DIR / "LiberationSerif-Bold.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    pdf.drawString(85, 780, "UBND tỉnh báo cáo tình hình phát triển đô thị thông minh trên địa bàn như sau,")
    pdf.drawString(85, 762, "theo đề cương của Bộ Xây dựng:")
    first = "Tỉnh đã đầu tư hệ thống dịch vụ công trực tuyến và đưa"
    left, margin = 80.0, 5.0
    right = left + 2 * margin + pdfmetrics.stringWidth(first, "Serif", 13) + 8  # "vào" would not fit
    items = ((740, "1. Tình hình chung", (first, "vào vận hành từ năm 2021."), True),
             (600, "2. Khó khăn, vướng mắc", ("Thiếu nguồn nhân lực công nghệ thông tin.",), False))
    for top, heading, lines, figures in items:
        bottom = top - 22 - 18 * len(lines) - (50 if figures else 0)
        for y in (top, top - 20, bottom):
            pdf.line(left, y, right, y)
        for x in (left, right):
            pdf.line(x, top, x, bottom)
        pdf.setFont("Serif-Bold", 13)
        pdf.drawString(left + margin, top - 15, heading)
        pdf.setFont("Serif", 13)
        y = top - 36
        for line in lines:
            pdf.drawString(left + margin, y, line)
            y -= 18
        if figures:  # a ruled table of two columns inside the cell
            xs, ys = (left + margin, 250, right - margin), (y + 6, y - 16, y - 38)
            for x in xs:
                pdf.line(x, ys[0], x, ys[-1])
            for row_y in ys:
                pdf.line(xs[0], row_y, xs[-1], row_y)
            for row, (year, amount) in enumerate((("Năm", "Kinh phí"), ("2021", "1.250"))):
                pdf.drawString(xs[0] + 4, ys[row] - 16, year)
                pdf.drawString(xs[1] + 4, ys[row] - 16, amount)
    pdf.showPage()
    pdf.save()
    return path


def test_a_table_of_one_column_is_a_frame_round_headings_and_text(tmp_path):
    """A ruled table of one column frames text, it holds no figures: its heading row is a
    numbered heading line, its text a paragraph wrapped at the cell's edge (not ended where
    the page's margin is far off), and a table of figures inside it stays a table."""
    document = read_pdf(_framed_items_pdf(tmp_path / "khung.pdf"))
    blocks = [(b.kind, b.number, b.text) for b in document.blocks]
    assert blocks[1:] == [
        ("paragraph", "1.", "1. Tình hình chung"),
        ("paragraph", "", "Tỉnh đã đầu tư hệ thống dịch vụ công trực tuyến và đưa vào vận hành từ năm 2021."),
        ("table_row", "", "Năm | Kinh phí"),
        ("table_row", "", "2021 | 1.250"),
        ("paragraph", "2.", "2. Khó khăn, vướng mắc"),
        ("paragraph", "", "Thiếu nguồn nhân lực công nghệ thông tin."),
    ]


def _small_capitals_pdf(path, size: float):
    """A heading in small capitals, as a PDF draws them: its capitals at `size`, its letters
    typed in lower case as capitals at 0.8 of it, between paragraphs of 13 pt body text."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    pdf.drawString(85, 700, OPENING)
    x = 85.0
    for letter in "1. Những phần mềm dùng chung tỉnh tự đầu tư khi chưa có Đề án":
        letter_size = 0.8 * size if letter.islower() else size
        pdf.setFont("Serif", letter_size)
        pdf.drawString(x, 672, letter.upper())
        x += pdfmetrics.stringWidth(letter.upper(), "Serif", letter_size)
    pdf.setFont("Serif", 13)
    pdf.drawString(85, 650, "Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến.")
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("size", [13.0, 16.0])
def test_a_heading_in_small_capitals_is_one_line_of_its_own(tmp_path, size):
    """Capitals of two sizes make one line of whole words; set a size larger than the body,
    its small capitals come out the body's size, and it still does not run on into its text."""
    document = read_pdf(_small_capitals_pdf(tmp_path / "chu-hoa-nho.pdf", size))
    assert [(b.number, b.text) for b in document.blocks] == [
        ("", OPENING),
        ("1.", "1. NHỮNG PHẦN MỀM DÙNG CHUNG TỈNH TỰ ĐẦU TƯ KHI CHƯA CÓ ĐỀ ÁN"),
        ("", "Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến."),
    ]


def test_a_table_of_figures_beside_its_text_is_no_second_column(tmp_path):
    """A borderless table of six rows, its text cells on the left and its figures and sources
    on the right (a scan's funding table): the right side is figures, not prose, so its rows
    stay rows ("1 Trung tâm … | 23.310.878.000 Ngân sách địa phương"), not two columns."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "bang-so.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    for k in range(6):
        y = 700 - 20 * k
        pdf.drawString(85, y, f"{k + 1} Hạng mục đầu tư số {k + 1} của tỉnh")
        pdf.drawString(330, y, f"{k + 2}3.310.878.000 NSĐP/XHH")
    pdf.showPage()
    pdf.save()
    rows = [b.text for b in read_pdf(path).blocks]
    assert len(rows) == 6 and all(" | " in row for row in rows)


@pytest.mark.parametrize("spacing", [2.0, 3.0, 4.5])
def test_a_letter_spaced_heading_reads_as_its_words_and_stays_bold(tmp_path, spacing):
    # Character spacing ("Expanded by 3 pt") sets each letter apart: PDFium puts a space
    # between every two letters, "K I N H  P H Í"; the gaps between letters are all alike and a
    # word gap is wider by a space, which tells the words apart. At 2 pt a word gap is still
    # under the gap that ends a run, so the words come out of one run.
    heading = "IV. KINH PHÍ ĐỀ ÁN NĂM 2018 – 2022"
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((
        Line(BODY, justify=True), Line(LAST), Line(heading, bold=True, char_space=spacing, space_before=12),
        Line(OPENING)))])
    blocks = read_pdf(pdf).blocks
    assert [(b.text, b.bold) for b in blocks[1:3]] == [(heading, True), (OPENING, False)]
    assert blocks[1].number == "IV."
    assert blocks[1].spaced and not blocks[0].spaced and not blocks[2].spaced


def test_a_letter_spaced_line_is_heading_like_though_neither_bold_nor_numbered(tmp_path):
    heading = "Thứ hai, những mặt đã làm được"
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((
        Line(BODY, justify=True), Line(LAST), Line(heading, char_space=3.0, space_before=12), Line(OPENING)))])
    blocks = read_pdf(pdf).blocks
    assert [(b.text, is_heading_like(b)) for b in blocks] == [
        (f"{BODY} {LAST}", False), (heading, True), (OPENING, False)]


def test_one_letter_words_set_solid_are_not_joined(tmp_path):
    # Three one-letter words in a row, in prose set without letter spacing: the letters of the
    # words around them touch, so the line is not letter-spaced and its words stay apart.
    line = "Các phân khu A B C và ô số 3 đã có hạ tầng số."
    pdf = draw_pdf(tmp_path / "p.pdf", [Page((Line(line),))])
    assert [b.text for b in read_pdf(pdf).blocks] == [line]


def test_a_letter_spaced_line_of_a_scan_is_marked_by_its_wider_letters(tmp_path):
    """OCR reads a letter-spaced word whole ("nhất,") and its text layer spreads the word's
    glyphs over the word's box: the letters of a line set 3 pt apart are a third wider than the
    body's, which marks it as the heading it is, though it is neither bold nor numbered."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "quet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    heading = "Thứ hai, những mặt đã làm được trong bốn năm"
    lines = [(BODY, 100), (MORE, 100), (LAST, 100), (heading, 135), (BODY, 100), (MORE, 100), (LAST, 100)]
    y = 700.0
    for k, (text, scale) in enumerate(lines):
        x = 85.0
        y -= 30 if k in (3, 4) else 18
        for word in text.split():  # one run a word, as in OCR's text layer, stretched to the word's box
            words = pdf.beginText(x, y)
            words.setFont("Serif", 13)
            words.setHorizScale(scale)
            words.textOut(word)
            pdf.drawText(words)
            x += pdfmetrics.stringWidth(word, "Serif", 13) * scale / 100 + pdfmetrics.stringWidth(" ", "Serif", 13)
    pdf.showPage()
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    blocks = read_pdf(path).blocks
    assert {block.style for block in blocks} == {"GlyphLessFont"}
    assert [(b.text, b.spaced, is_heading_like(b)) for b in blocks] == [
        (f"{BODY} {MORE} {LAST}", False, False), (heading, True, True), (f"{BODY} {MORE} {LAST}", False, False)]


def test_letters_a_scan_read_one_by_one_are_joined_into_its_words(tmp_path):
    """OCR may read a letter-spaced heading letter by letter, each its own word in the text
    layer at its ink's box: the gaps between letters are alike within a point, those between
    words wider by a space, so the words come back. A line of prose with one-letter words keeps
    them: its words' letters touch."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "quet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    heading, prose = "V. KẾT QUẢ ĐẠT ĐƯỢC", "Các phân khu A B C và ô số 3 đã có hạ tầng số."
    x, jitter = 85.0, [0.6, -0.5, 0.9, -0.7, 0.3, 0.0, -0.4, 0.8]  # points: ink boxes are not advances
    for w, word in enumerate(heading.split()):
        for k, letter in enumerate(word):  # each letter a word of the layer
            pdf.drawString(x, 700, letter)
            x += pdfmetrics.stringWidth(letter, "Serif", 13) + 3.0 + jitter[(w + k) % len(jitter)]
        x += pdfmetrics.stringWidth(" ", "Serif", 13) + 3.0
    x = 85.0
    for word in prose.split():
        pdf.drawString(x, 670, word)
        x += pdfmetrics.stringWidth(word + " ", "Serif", 13)
    pdf.showPage()
    pdf.save()
    path.write_bytes(path.read_bytes().replace(b"+LiberationSerif", b"+GlyphLessFont  "))
    assert [b.text for b in read_pdf(path).blocks] == [heading, prose]


# -- a title in small capitals run into its paragraph --------------------------------------

RUN_IN_TITLE = "2. Những thay đổi của các đô thị trong tỉnh từ năm 2018"
RUN_IN_TEXT = ("UBND tỉnh đã chọn 6 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025 "
               "và ban hành kế hoạch triển khai cho từng đô thị.")


def _small_capitals_lead_pdf(path):
    """A line of body text, then a numbered title set in small capitals (capitals 13 pt,
    letters typed in lower case as capitals of 0.8 of it; the year full size, as figures are)
    run into its item's first paragraph in 13 pt body type, which wraps at the column's edge."""
    from pdf_builders import FONT_DIR
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    pdf.drawString(85, 700, OPENING)
    x, y = 85.0, 672
    for letter in RUN_IN_TITLE:
        size = 0.8 * 13 if letter.islower() else 13
        pdf.setFont("Serif", size)
        pdf.drawString(x, y, letter.upper())
        x += pdfmetrics.stringWidth(letter.upper(), "Serif", size)
    x += pdfmetrics.stringWidth(" ", "Serif", 13)
    words = RUN_IN_TEXT.split()
    first = []
    while pdfmetrics.stringWidth(" ".join([*first, words[0]]), "Serif", 13) <= 540 - x:
        first.append(words.pop(0))
    pdf.setFont("Serif", 13)
    pdf.drawString(x, y, " ".join(first))
    for line in simpleSplit(" ".join(words), "Serif", 13, 455):
        y -= 18
        pdf.drawString(85, y, line)
    pdf.showPage()
    pdf.save()
    return path


def test_a_title_in_small_capitals_run_into_its_paragraph_is_the_paragraphs_lead(tmp_path):
    """A numbered title set apart by small capitals rather than bold, its item's first sentence
    after it on the same line in the body's type: the title (to its year, which small capitals
    draw full size) is the paragraph's lead, as a bold one is; the line is of the body's size, so
    the paragraph's next line goes on it; and the title is the heading, the rest its item's text."""
    document = read_pdf(_small_capitals_lead_pdf(tmp_path / "chu-hoa-nho-dau-doan.pdf"))
    title = RUN_IN_TITLE.upper()
    assert [(b.number, b.lead, b.text) for b in document.blocks] == [
        ("", "", OPENING),
        ("2.", title, f"{title} {RUN_IN_TEXT}"),
    ]
    heading = next(h for h in sections_module._headings(document.blocks, after=0, outline=tuple(OUTLINE))
                   if h.first == 1)
    assert (heading.line, heading.run_in) == (title, RUN_IN_TEXT)


# -- a table too wide for its column, in a page set in two columns -------------------------

TABLE_ROWS = (("TT", "Văn bản", "Trích yếu"),
              ("1", "Kế hoạch số 193/KH-UBND", "Triển khai Đề án phát triển đô thị thông minh"),
              ("2", "Quyết định 1309/QĐ-UBND", "Thành lập Tổ giúp việc về đô thị thông minh"))


def _two_columns_with_a_wide_table_pdf(path):
    """Two columns: on the left a heading over a long paragraph; on the right a heading over a
    short one, a ruled table wider than the column (its last column runs off the page: the
    page's edge cuts its rules, and the text there runs on past it), then a heading over a
    paragraph; a full-width line before and after."""
    from pdf_builders import FONT_DIR
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, bold = "Serif", "Serif-Bold"
    pdfmetrics.registerFont(TTFont(regular, str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / "LiberationSerif-Bold.ttf")))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(regular, 13)
    pdf.drawString(85, 760, "UBND tỉnh báo cáo kết quả thực hiện như sau:")

    def paragraph(x0, x1, heading, text, y):
        pdf.setFont(bold, 13)
        pdf.drawString(x0, y, heading)
        pdf.setFont(regular, 13)
        for line in simpleSplit(text, regular, 13, x1 - x0):
            y -= 18
            pdf.drawString(x0, y, line)
        return y

    left_end = paragraph(85, 295, "1. Kết quả đạt được", f"{COLUMN_LEFT_TEXT} {COLUMN_RIGHT_TEXT} {COLUMN_LEFT_TEXT}",
                         730)
    y = paragraph(325, 540, "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT, 730) - 12
    edges = (325, 355, 525, 595)  # its last column would end at 700: the page ends at 595
    top = y
    for row in TABLE_ROWS:
        pdf.line(edges[0], y, edges[-1], y)
        for x0, cell in zip(edges, row, strict=False):
            pdf.setFont(bold if row is TABLE_ROWS[0] else regular, 13)
            pdf.drawString(x0 + 4, y - 15, cell)
        y -= 22
    pdf.line(edges[0], y, edges[-1], y)
    for x in edges:
        pdf.line(x, top, x, y)
    right_end = paragraph(325, 540, "3. Đề xuất, kiến nghị", "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn.", y - 24)
    pdf.setFont(regular, 13)
    pdf.drawString(85, min(left_end, right_end) - 30, "Trên đây là báo cáo của tỉnh./.")
    pdf.showPage()
    pdf.save()
    return path


def test_a_table_too_wide_for_its_column_is_read_in_its_column_whole(tmp_path):
    """A ruled table in the right column, too wide for it, runs off the page's edge: the text of
    its last column, past the edge, is still that column's (it starts in the cell the edge cut);
    the columns are still found, and the table is read in its column, between the lines above
    and below it there."""
    document = read_pdf(_two_columns_with_a_wide_table_pdf(tmp_path / "bang-rong.pdf"))
    assert texts(document) == [
        "UBND tỉnh báo cáo kết quả thực hiện như sau:",
        "1. Kết quả đạt được", f"{COLUMN_LEFT_TEXT} {COLUMN_RIGHT_TEXT} {COLUMN_LEFT_TEXT}",
        "2. Khó khăn, vướng mắc", COLUMN_RIGHT_TEXT,
        *(" | ".join(row) for row in TABLE_ROWS),
        "3. Đề xuất, kiến nghị", "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn.",
        "Trên đây là báo cáo của tỉnh./.",
    ]


@pytest.mark.parametrize("before, after, joined", [
    ("Quyết định số 1309/QĐ-", "UBND ngày 05/6/2019", "Quyết định số 1309/QĐ-UBND ngày 05/6/2019"),
    ("giai đoạn 2015-", "2017 của tỉnh", "giai đoạn 2015-2017 của tỉnh"),
    ("giai đoạn 2015 -", "2017 của tỉnh", "giai đoạn 2015 - 2017 của tỉnh"),
])
def test_a_code_broken_after_its_hyphen_is_joined_without_a_space(before, after, joined):
    """A line ending in a hyphen right after a letter or a figure, the next line opening with a
    capital or a figure: a code or a span broken at its hyphen, joined as it was written."""
    from baocao.parse.pdf import _join

    assert _join(before, after) == joined
    assert _join(before[:-1] + "\x02", after) == joined  # the hyphen PDFium marks as a line end's


def test_a_heading_set_larger_and_run_into_its_text_opens_its_item_and_its_text_goes_on_under_it(tmp_path):
    """Each heading set in a larger size with its item's text run in after a colon, in the
    text's size, on the heading's line; the text goes on in the lines under it. The line
    under the heading is its paragraph's (the text flows on from the size the line ends
    in), and a heading shorter than the text run in after it (most of its line's letters
    the text's size) is still set apart by the size it opens in."""
    headings = {1: "1. Các công việc trước khi có Đề án 950:", 2: "2. Thông tin chung:",
                3: "3. Tuyên truyền, kế hoạch hành động:", 4: "4. Kinh phí thực hiện:",
                5: "5. Khó khăn, vướng mắc:", 6: "6. Đề xuất, kiến nghị:"}
    run_on = {1: "Năm 2017, UBND tỉnh đã đưa", 2: "Hạ tầng cáp quang của tỉnh đã phủ tới 81% số xã,",
              3: "Tỉnh đã phát hành 48.500 tờ rơi", 4: "Vốn xã hội hóa do các doanh nghiệp",
              5: "Nguồn nhân lực công nghệ thông tin của tỉnh", 6: "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ"}
    going_on = {1: "vào vận hành Cổng dịch vụ công trực tuyến.",
                2: "phường, thị trấn trên địa bàn tỉnh.", 3: "hướng dẫn người dân cài đặt ứng dụng công dân số.",
                4: "viễn thông đóng góp đạt khoảng 52 tỷ đồng.", 5: "còn thiếu, 26 xã chưa có cán bộ chuyên trách.",
                6: "số đánh giá đô thị thông minh để tỉnh áp dụng."}
    lines = [Line("BÁO CÁO", bold=True, indent=190), Line("Tình hình phát triển đô thị thông minh", indent=100),
             Line("UBND tỉnh báo cáo như sau:", space_before=8)]
    for n in range(1, 7):
        lines += [Line(headings[n], size=16, run_on=run_on[n], justify=True, space_before=8), Line(going_on[n])]
    path = draw_pdf(tmp_path / "bao-cao.pdf", [Page(tuple(lines[:12])), Page(tuple(lines[12:]))])
    blocks = read_pdf(path).blocks
    opening = {n: next(b for b in blocks if b.text.startswith(headings[n])) for n in headings}
    assert all(b.heading_level == 1 for b in opening.values())
    assert all(b.text == f"{headings[n]} {run_on[n]} {going_on[n]}" for n, b in opening.items())
    report = extract_sections(read_pdf(path), OUTLINE)
    assert {s.number: s.text for s in report.sections} == {n: f"{run_on[n]} {going_on[n]}" for n in headings}


def test_a_heading_in_capitals_filling_its_line_is_no_line_of_the_text_under_it(tmp_path):
    """A heading in capitals, not bold, no larger, long enough to fill its line: at a page's
    foot with its text opening the next page, and on one page with no spacing before its text,
    nothing but the capitals tells them apart; the heading is a paragraph of its own."""
    heading = "3. CÔNG TÁC QUÁN TRIỆT, HƯỚNG DẪN CÁC SỞ, NGÀNH VỀ ĐỀ ÁN"
    text = "UBND tỉnh đã ban hành Kế hoạch số 66/KH-UBND ngày 01/7/2021 về triển khai Đề án."
    then = "4. KINH PHÍ TRIỂN KHAI CÁC NỘI DUNG, PHÂN THEO NĂM VÀ THEO NGUỒN"
    more = "Năm 2022, tỉnh bố trí 9.550 triệu đồng cho các nhiệm vụ chuyển đổi số."
    foot = Page((*(Line(LAST) for _ in range(37)), Line(heading, justify=True)))
    path = draw_pdf(tmp_path / "p.pdf", [foot, Page((Line(text), Line(then, justify=True), Line(more)))])
    texts = [b.text for b in read_pdf(path).blocks]
    assert texts[-4:] == [heading, text, then, more]


def test_a_bold_lead_sentence_filling_its_line_is_the_lead_of_the_paragraph_under_it(tmp_path):
    """A bold lead sentence run into its paragraph that happens to fill its line: the text
    goes on in the next line, not bold, and the two are one paragraph opening with its lead,
    as a lead ending mid-line is. A short bold line ending a sentence stops short of the
    margin: a heading of its own over a paragraph of its own."""
    lead = "Cách tỉnh đưa Đề án vào các văn bản hằng năm và giới thiệu tới người dân."
    text = "UBND tỉnh đã ban hành Kế hoạch số 225/KH-UBND ngày 6/2/2021."
    short = "Việc sẽ làm trong năm 2023."
    more = "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung."
    path = draw_pdf(tmp_path / "p.pdf", [Page((Line(lead, bold=True, justify=True), Line(text),
                                               Line(short, bold=True), Line(more)))])
    blocks = read_pdf(path).blocks
    assert [(b.text, b.lead, b.bold) for b in blocks] == [(f"{lead} {text}", lead, False), (short, "", True),
                                                          (more, "", False)]


def _recognised_lines_pdf(path, lines: tuple[str, ...]):
    """A page whose text layer is in OCR's font (GlyphLessFont), its lines as Tesseract read them."""
    return _as_scanned(draw_pdf(path, [Page(tuple(Line(text, space_before=8) for text in lines))]))


def test_a_picture_bullet_ocr_read_as_symbols_before_a_label_is_no_part_of_the_heading(tmp_path):
    """Pool 23's Vĩnh Long scan: a small picture before each heading's "1)" was read as "$®",
    "$" glued to the label or "®": the symbols are dropped and the label read; a symbol before
    a figure ("$ 100") is text."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "$® 1) Vốn liếng hạ tầng số khi khởi động", "$2) Những mốc đã chạm tới", "® 3) Cơ chế chỉ huy thống nhất",
        "$ 100 triệu đồng đã chi cho hạ tầng."))
    blocks = read_pdf(pdf).blocks
    assert {block.style for block in blocks} == {"GlyphLessFont"}
    assert [(block.number, block.text) for block in blocks] == [
        ("1)", "1) Vốn liếng hạ tầng số khi khởi động"), ("2)", "2) Những mốc đã chạm tới"),
        ("3)", "3) Cơ chế chỉ huy thống nhất"), ("", "$ 100 triệu đồng đã chi cho hạ tầng.")]


def test_a_picture_bullet_ocr_read_as_symbols_before_a_word_label_or_a_letter_and_colon_is_dropped(tmp_path):
    """Pool 25's Cà Mau and Tây Ninh scans: the picture before "Nhiệm vụ 1:" (words and a
    number) and before "B:" (a letter and a colon, a shape only the document's ladder tells) was
    read as "®" or "®$"; the symbols are dropped, and the space OCR lost after a capital's colon
    ("A:Hành") put back. A symbol before a line that opens with no label is text as read."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "® Nhiệm vụ 1: Điểm xuất phát của tỉnh nhà", "®$ A:Hành trang khi bắt tay vào việc",
        "® B: Phần việc tỉnh làm xong", "® Tỉnh đã phát hành 2.000 tờ rơi."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Nhiệm vụ 1: Điểm xuất phát của tỉnh nhà", "A: Hành trang khi bắt tay vào việc",
        "B: Phần việc tỉnh làm xong", "® Tỉnh đã phát hành 2.000 tờ rơi."]


def test_a_picture_bullet_ocr_read_as_symbols_with_an_underscore_foot_is_dropped(tmp_path):
    """Pool 26's Đắk Lắk scan: the diamond before "Chỉ tiêu 3." read "®$_", "®_" or "$_", the
    picture's foot an underscore after its symbols: dropped with them, the label read. An
    underscore alone before a line is no picture's (a drawn rule's, left to the rule reader)."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "®$_ Chỉ tiêu 3. Tố lái của Đề án", "®_ Chỉ tiêu 4. Đồng vốn Đề án đã nhận", "$_ Chỉ tiêu 5. Nút thắt còn siết",
        "®_ Tỉnh đã phát hành 2.000 tờ rơi."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Chỉ tiêu 3. Tố lái của Đề án", "Chỉ tiêu 4. Đồng vốn Đề án đã nhận", "Chỉ tiêu 5. Nút thắt còn siết",
        "®_ Tỉnh đã phát hành 2.000 tờ rơi."]


def test_a_picture_bullet_ocr_read_as_a_sign_no_sentence_opens_with_is_dropped_before_a_label(tmp_path):
    """Pool 28's Ninh Thuận scan: the diamond before "Tiểu mục 1." read "®&", a symbol and an
    ampersand: both dropped, the label read. An ampersand before a line with no label is text,
    and so is a full stop or a quote mark before a label (no picture's ink)."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "®& Tiểu mục 1. Chỗ đứng trước khi bước", "& Tỉnh đã phát hành 2.000 tờ rơi.",
        ". Tiểu mục 2. Thóc lúa sau ba vụ"))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Tiểu mục 1. Chỗ đứng trước khi bước", "& Tỉnh đã phát hành 2.000 tờ rơi.",
        ". Tiểu mục 2. Thóc lúa sau ba vụ"]


def test_a_picture_bullet_ocr_read_as_a_digit_glued_to_a_symbol_is_dropped_before_a_label(tmp_path):
    """Pool 32's Quảng Nam scan, straightened from a phone's lens: the diamond before "Nhóm vấn đề
    I:" read "4®", a digit with the symbol glued to it: both dropped, the word label read. A
    label's own digit keeps its stop ("4. Nhóm…"), and a figure with a sign before a line with no
    label is text ("2% số xã…")."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "4® Nhóm vấn đề I: Tấm thảm phóng sẵn có", "4. Nhóm vấn đề khác của tỉnh",
        "2% số xã chưa có cáp quang."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Nhóm vấn đề I: Tấm thảm phóng sẵn có", "4. Nhóm vấn đề khác của tỉnh", "2% số xã chưa có cáp quang."]


def test_a_picture_bullet_ocr_read_as_two_runs_of_symbols_is_dropped_before_a_label(tmp_path):
    """Pool 31's Hậu Giang scan: the picture before "Chủ đề V." read "® `", two runs of symbols a
    space apart: both dropped, the word label read. Two symbols before a line with no label are
    text, and a bracket after a picture's symbol is the label's ("® (1) Vốn…")."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "® ` Chủ đề V. Bánh xe mắc kẹt", "® ` Tỉnh đã phát hành 2.000 tờ rơi.", "® (1) Vốn liếng hạ tầng số"))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Chủ đề V. Bánh xe mắc kẹt", "® ` Tỉnh đã phát hành 2.000 tờ rơi.", "(1) Vốn liếng hạ tầng số"]


def test_a_picture_bullet_ocr_read_as_symbols_and_a_dash_is_dropped_before_a_label(tmp_path):
    """Pool 41's Phú Thọ scan: the diamond before "Nội dung thực hiện 3:" read "®$-" and before
    "…6:" "®-", its right-hand tip a dash after the symbols: dropped with them, the word label
    read, the ladder whole. A dash alone before a label is a list's, and symbols and a dash before
    a line with no label are text as read."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "®$- Nội dung thực hiện 3: Phiên đổi công giữa các nhà", "®- Nội dung thực hiện 6: Lá buồm căng trước gió mùa",
        "- Nội dung thực hiện 4: Bờ đê giữ nước cho đồng", "®- Tỉnh đã phát hành 2.000 tờ rơi."))
    assert [(block.number, block.text) for block in read_pdf(pdf).blocks] == [
        ("", "Nội dung thực hiện 3: Phiên đổi công giữa các nhà"),
        ("", "Nội dung thực hiện 6: Lá buồm căng trước gió mùa"),
        ("", "- Nội dung thực hiện 4: Bờ đê giữ nước cho đồng"), ("", "®- Tỉnh đã phát hành 2.000 tờ rơi.")]


def test_a_roman_numeral_ocr_glued_to_its_labels_last_word_is_set_apart_again(tmp_path):
    """Pool 31's Hậu Giang scan: "Chủ đề IV. Tiền tươi…" read "Chủ đềIV. Tiền tươi…", the space
    before the numeral lost: put back, the line opens with its label of words again. A word in
    capitals ending in a numeral's letters, or a name in mixed case, is left as read."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "Chủ đềIV. Tiền tươi thóc thật", "® Chủ đềVI. Ước nguyện gửi về Bộ", "ĐOÀN CÔNG TÁC VỀ HÀ NỘI. Sau đó",
        "Cán bộ dùng iPhoneX. Sau đó tỉnh mua thêm."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Chủ đề IV. Tiền tươi thóc thật", "Chủ đề VI. Ước nguyện gửi về Bộ", "ĐOÀN CÔNG TÁC VỀ HÀ NỘI. Sau đó",
        "Cán bộ dùng iPhoneX. Sau đó tỉnh mua thêm."]


def test_a_label_word_ocr_read_with_a_mark_changed_is_spelt_as_typed_before_a_numeral(tmp_path):
    """Pool 23's Lào Cai scan: "Phần I:" read "Phân I:" (a grave accent lost) is the label
    "Phần I:"; the word "Phân" before other words ("Phân bổ kinh phí") stays as read."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "Phân I: Cơ sở vật chất thời điểm ban đầu", "Phân bổ kinh phí cho 3 huyện."))
    assert [(block.number, block.text) for block in read_pdf(pdf).blocks] == [
        ("Phần I:", "Phần I: Cơ sở vật chất thời điểm ban đầu"), ("", "Phân bổ kinh phí cho 3 huyện.")]


def test_an_ink_smear_read_as_a_quote_mark_no_quote_closes_before_a_label_is_no_part_of_the_heading(tmp_path):
    """Pool 24's Thái Bình scan: an ink smear before "Tiêu chí 1:" and "Tiêu chí 2:" was read as
    an opening quote ("“", '"'): a quote mark no other closes, before a label, is dropped and the
    label read; a label quoted whole ("“1. Chuẩn bị” là …") is text as written."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "“Tiêu chí 1: Mặt bằng chung khi bước vào", '"Tiêu chí 2: Dấu ấn nổi bật',
        "“1. Chuẩn bị” là bước đầu của kế hoạch."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "Tiêu chí 1: Mặt bằng chung khi bước vào", "Tiêu chí 2: Dấu ấn nổi bật",
        "“1. Chuẩn bị” là bước đầu của kế hoạch."]


def test_a_comma_ending_a_line_stays_on_its_line():
    """A PDF whose font says next to nothing of its ascent and descent (as LibreOffice wrote pool
    26's, fixtures/make_heldout.py) gets glyph boxes of the glyphs' own ink: a comma's is a speck
    under the baseline, below the words' bottom by more than a part of its own height. It is still
    the end of its line, not the opening of the next ("… đồng/năm" / ", cả 3 năm …")."""
    blocks = texts(read_pdf(Path(__file__).parent.parent / "fixtures/heldout-26/19-soft-hyphen-title-kon-tum.pdf"))
    assert "4.970 triệu đồng/năm, cả 3 năm là 14.910 triệu đồng." in "\n".join(blocks)
    assert not any(text.startswith(",") for text in blocks)


def test_a_labels_dash_ocr_read_as_a_tilde_is_a_dash_again(tmp_path):
    """Pool 27's Đồng Nai scan (under-exposed): "A – Vấn liếng ban sơ" read "A ~— Vấn…", a list's
    "- Cục …" read "~ Cục …": after a label's letter or number a tilde is its dash, so the
    heading keeps its ladder's shape ("B — …"). A tilde after no counter, or before a figure, stays."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "A ~— Vấn liếng ban sơ", "B ~ Những bước tiến rõ nét", "~ Cục Phát triển đô thị;", "Khoảng 12 ~ 15 người."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "A — Vấn liếng ban sơ", "B – Những bước tiến rõ nét", "~ Cục Phát triển đô thị;", "Khoảng 12 ~ 15 người."]


def test_a_labels_dash_ocr_read_as_another_level_stroke_or_after_a_speck_is_a_dash_again(tmp_path):
    """Pool 28's Kiên Giang scan (curved page): the "A –" ladder's dashes read "A ¬Gia…" (its
    space lost), "B ¬ Mùa…", "A =Gia…", and specks before two labels read as brackets nothing
    closes ("[C- Ban…", "{D ~ Đồng…"): a negation or equals sign after a label's counter is its
    dash, and an unclosed bracket before a label is a speck. A bracket that closes stays, as do
    such signs after no counter."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "A ¬Gia tài thuở chưa bắt tay", "B ¬ Mùa gặt vừa qua", "C =Ban cầm trịch", "[C- Ban cầm trịch",
        "{D ~ Đồng vốn lăn bánh", "(D- Đồng vốn) lăn bánh", "Tổng = mười lăm tỷ"))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "A – Gia tài thuở chưa bắt tay", "B – Mùa gặt vừa qua", "C – Ban cầm trịch", "C- Ban cầm trịch",
        "D – Đồng vốn lăn bánh", "(D- Đồng vốn) lăn bánh", "Tổng = mười lăm tỷ"]


SPECKS = ("s", "„", "SM", "¬", "»", "@", "œ", "M .„", "Œ", "e", "C", "”", "¿@-_", "uht")
MARGIN_TITLES = ("Hành trang lúc khởi sự", "Kho thóc đầy thêm", "Người cầm nhịp và ê kíp", "Bảng cân đối nguồn chi",
                 "Món nợ việc chưa trả", "Lời khẩn khoản của tỉnh", "Điều còn lại")


@pytest.mark.parametrize("labels", [False, True], ids=["specks", "hanging labels"])
def test_a_dim_scans_line_numbers_read_as_specks_in_the_margin_are_no_text(tmp_path, labels):
    """Pool 27's Ninh Bình scan (under-exposed): Word's line numbers in the left margin read as
    specks and letters ("s", "„", "SM", "M .„"), some in line with a heading ("s Nội dung A: …"),
    some between lines: a strip of ten marks or more at the margin, clear of the text, is no part
    of it. Seven hanging labels at the margin ("I." … "VII.") are no such strip: they stay."""
    from pdf_builders import FONT_DIR
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "quet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Serif", 13)
    lines = [line for letter, title in zip("ABCDEFG", MARGIN_TITLES, strict=True)
             for line in (f"Nội dung {letter}: {title}", BODY)]
    numerals = ("I.", "II.", "III.", "IV.", "V.", "VI.", "VII.")
    for k, line in enumerate(lines):
        y = 760 - 40 * k
        x = 85.0
        for word in line.split():  # one run a word, as in OCR's text layer
            pdf.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word + " ", "Serif", 13)
        if labels and k % 2 == 0:
            pdf.drawRightString(75, y, numerals[k // 2])
        elif not labels:  # in line with a heading, or between two lines
            pdf.drawRightString(72, y if k % 2 == 0 else y - 20, SPECKS[k])
    pdf.showPage()
    pdf.save()
    texts = [block.text for block in read_pdf(_as_scanned(path)).blocks]
    if labels:
        lines = [f"{numerals[k // 2]} {line}" if k % 2 == 0 else line for k, line in enumerate(lines)]
    assert texts == lines


# Item n's heading, labelled in words, in the province's own words.
ORDINALS = {1: "Thứ nhất: Những bước làm quen", 2: "Thứ hai: Toàn cảnh", 3: "Thứ ba: Guồng máy điều phối",
            4: "Thứ tư: Tiền bạc đã chi", 5: "Thứ năm: Vấp váp", 6: "Thứ sáu: Mong muốn"}


def item_sentences(n: int) -> list[str]:
    """Item n's text: four paragraphs of about two lines each, speaking its item's words."""
    words = {1: "trước khi có Đề án 950", 2: "thông tin chung sau Đề án", 3: "tuyên truyền, kế hoạch hành động",
             4: "kinh phí thực hiện", 5: "khó khăn, vướng mắc", 6: "đề xuất, kiến nghị"}[n]
    return [f"Về {words}, tỉnh đã tổng hợp nội dung số {n}.{k} từ báo cáo của các sở, ngành và ủy ban "
            f"nhân dân cấp huyện trên địa bàn tỉnh." for k in range(1, 5)]


def heading_beside_report(path: Path) -> Path:
    """A report over two pages, item 3's heading in the left cell of a ruled table (Word's
    Table Grid) beside its first paragraph, the rest of its text under the table; the other
    headings bold lines of their own."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, heading in ORDINALS.items():
        first, *rest = item_sentences(n)
        if n == 3:
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.cell(0, 0).paragraphs[0].add_run(heading).bold = True
            table.cell(0, 1).paragraphs[0].add_run(first)
        else:
            document.add_paragraph().add_run(heading).bold = True
            rest = [first, *rest]
        for sentence in rest:
            document.add_paragraph(sentence)
    write_signoff(document)
    document.save(path)
    return path


def two_up(pdf: Path, out: Path, scale: float = 0.7) -> Path:
    """The PDF printed "2 pages per sheet": each landscape A4 sheet holds two of its pages side
    by side, each shrunk and placed as a form (a Form XObject), its text kept as text."""
    import pypdfium2 as pdfium

    source, sheets = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    width, height = 842, 595
    for first in range(0, len(source), 2):
        sheet = sheets.new_page(width, height)
        for k, index in enumerate(range(first, min(first + 2, len(source)))):
            page_width, page_height = source.get_page_size(index)
            placed = source.page_as_xobject(index, sheets).as_pageobject()
            placed.transform(pdfium.PdfMatrix().scale(scale, scale).translate(
                width / 4 * (1 + 2 * k) - page_width * scale / 2, (height - page_height * scale) / 2))
            sheet.insert_obj(placed)
        sheet.gen_content()
    sheets.save(str(out))
    return out


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_heading_beside_its_text_in_a_ruled_table_on_a_sheet_of_two_pages_opens_its_item(tmp_path, outline):
    # Printed two pages a sheet, each page a form placed on the sheet: its table's rules are in
    # the form's space and are placed by the form's matrix, where its page stands on the sheet;
    # the table is read in its column, between that column's lines; and its rules, under the
    # last line of each cell, underline neither cell (item 3's first paragraph is no heading).
    from pdf_builders import convert_to_pdf

    convert_to_pdf([heading_beside_report(tmp_path / "bao-cao.docx")], tmp_path)
    sheets = two_up(tmp_path / "bao-cao.pdf", tmp_path / "hai-trang-mot-to.pdf")
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    report = extract_sections(read_pdf(sheets), sections)
    assert {s.number: s.heading for s in report.sections} == ORDINALS
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(item_sentences(n)) for n in ORDINALS}


def test_the_line_under_a_heading_beside_its_text_is_no_part_of_that_text(tmp_path):
    # The last item's heading in a ruled table's left cell, its text in the right one, and the
    # closing sentence ("Trên đây là báo cáo…") right under the table: the table's bottom rule
    # is between them, no underline, and the closing is a paragraph of its own, no item's text.
    import docx
    from docx.shared import Pt
    from docx_builders import CLOSING, write_letterhead, write_signoff
    from pdf_builders import convert_to_pdf

    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    write_letterhead(document)
    for n, heading in ORDINALS.items():
        if n == 6:
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.cell(0, 0).paragraphs[0].add_run(heading).bold = True
            table.cell(0, 1).paragraphs[0].add_run(" ".join(item_sentences(n)))
        else:
            document.add_paragraph().add_run(heading).bold = True
            document.add_paragraph(" ".join(item_sentences(n)))
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    convert_to_pdf([tmp_path / "bao-cao.docx"], tmp_path)
    for outline in (OUTLINE, tuple(replace(s, phrases=()) for s in OUTLINE)):
        report = extract_sections(read_pdf(tmp_path / "bao-cao.pdf"), outline)
        assert " ".join(section(report, 6).text.split()) == " ".join(item_sentences(6))
        assert CLOSING[:30] not in section(report, 6).text


def test_a_roman_labels_full_stop_ocr_read_with_its_i_as_an_l_is_a_full_stop_again(tmp_path):
    """Pool 32's Bắc Ninh report (its headings pictures of their words): "III. TỔ CÔNG TÁC LIÊN SỞ"
    in a bold serif face read "IIIL TỔ…", the full stop against the I's foot serif. No Roman number
    has an L after an I: the label is "III." again. An L in a word stays ("ILO khuyến nghị")."""
    pdf = _recognised_lines_pdf(tmp_path / "quet.pdf", (
        "IIIL TỔ CÔNG TÁC LIÊN SỞ", "VIL Bộ gỡ giúp tỉnh", "ILO khuyến nghị các tỉnh."))
    assert [block.text for block in read_pdf(pdf).blocks] == [
        "III. TỔ CÔNG TÁC LIÊN SỞ", "VI. Bộ gỡ giúp tỉnh", "ILO khuyến nghị các tỉnh."]


def test_a_picture_bullet_ocr_read_with_an_underscore_foot_marks_the_ladder_as_its_others_do(tmp_path):
    """Pool 33's Hà Nam scan: a picture before each heading (there "Nhóm công việc A.", a label
    the reader then knew no ladder of; here titles with no label), read "®" but once "®_", its
    foot an underscore: the same marker, so the first heading is the bullet ladder's as the
    others are, not text run on from the intro."""
    lines = []
    for letter, title in zip("ABCD", ("Mặt bằng hạ tầng số hồi đầu", "Các mục tiêu đã cán đích",
                                       "Kịch bản phân vai liên ngành", "Tiền vốn đã bố trí"), strict=True):
        lines += [f"{'®_' if letter == 'A' else '®'} {title}",
                  "Tỉnh đã phát hành 2.000 tờ rơi hướng dẫn người dân."]
    blocks = read_pdf(_recognised_lines_pdf(tmp_path / "quet.pdf", tuple(lines))).blocks
    assert [list_marker(block) for block in blocks] == ["®", "", "®", "", "®", "", "®", ""]
    assert set(bullet_ladders(blocks, -1, len(blocks), 6)) == {0, 2, 4, 6}


# Pool 33's Vĩnh Long scan, its headings' labels as OCR read them where the photo's focus fell off.
GARBLED_LABELS = ("K>==3n mục 1.", "K>-š*ø mục 2,", "K=$n z=2c 3.", "K>=:ản zz::c 4.", "K>-š$n zxec 5.", "Khoản mục 6.")
GARBLED_TITLES = ("Chiếc cân đặt trước khi lên đường", "Bảng kê thành tích", "Kịch bản phân vai liên ngành",
                  "Dòng tiền chảy vào dự án", "Trở lực trên đường đi", "Lời nhắn lên trung ương")


def garbled_item_text(n: int) -> list[str]:
    return [f"Tỉnh đã thực hiện nội dung số {n} theo kế hoạch của UBND tỉnh.",
            f"Kết quả của nội dung số {n} được tổng hợp từ báo cáo của các sở, ngành."]


def _garbled_labels_report(path, labels: tuple[str, ...]):
    """The report as OCR read it, recognised (Document.ocr, as parse_document marks a scan's)."""
    lines = ["BÁO CÁO", "Tình hình phát triển đô thị thông minh trên địa bàn tỉnh"]
    for n, (label, title) in enumerate(zip(labels, GARBLED_TITLES, strict=True), start=1):
        lines += [f"{label} {title}", *garbled_item_text(n)]
    return replace(read_pdf(_recognised_lines_pdf(path, (*lines, "Nơi nhận:", "- Lưu: VT, XD."))), ocr=True)


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_ladders_label_words_ocr_garbled_at_the_blurred_margin_are_read_as_its_clean_label(tmp_path, outline):
    """Pool 33's Vĩnh Long scan: a phone photo sharp in the middle, softer toward the edges; the
    labels' words at the margin read "K>==3n mục 1.", "K=$n z=2c 3.", …, the last "Khoản mục 6."
    clean, the numbers and titles right. The clean label tells the words, the numbers walking up
    one by one tell the ladder: each heading is its label again and opens its item."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    report = extract_sections(_garbled_labels_report(tmp_path / "quet.pdf", GARBLED_LABELS), sections)
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(garbled_item_text(n)) for n in range(1, 7)}


def test_garbled_label_words_are_no_ladder_where_their_numbers_do_not_walk_up(tmp_path):
    """The same lines numbered 1, 2, 2, 4, …: no ladder tells the garbled tokens are its label's
    words, and the lines are left as OCR read them."""
    labels = ("K>==3n mục 1.", "K>-š*ø mục 2,", "K=$n z=2c 2.", "K>=:ản zz::c 4.", "K>-š$n zxec 5.", "Khoản mục 6.")
    blocks = _garbled_labels_report(tmp_path / "quet.pdf", labels).blocks
    assert [b.text for b in sections_module._garbled_word_labels(blocks)[2:20:3]] == [
        f"{label} {title}" for label, title in zip(labels, GARBLED_TITLES, strict=True)]


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_ladders_label_ocr_read_without_its_opening_letters_is_read_as_its_clean_label(tmp_path, outline):
    """Pool 34's Hà Nội scan, a page in a plastic sleeve: "Chuyên mục 1." … "Chuyên mục 6." read
    clean but the third, "ên mục 3.", its first letters lost at the page's left edge. Numbered
    1, 2, 4, 5, 6 the label's ladder did not walk up and no section was found; the label's words
    with their head cut off are the ladder's label at its number."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    labels = tuple("ên mục 3." if n == 3 else f"Chuyên mục {n}." for n in range(1, 7))
    report = extract_sections(_garbled_labels_report(tmp_path / "quet.pdf", labels), sections)
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(garbled_item_text(n)) for n in range(1, 7)}
    assert [s.heading for s in report.sections][2] == f"Chuyên mục 3. {GARBLED_TITLES[2]}"


ROMAN_LABELS = ("I", "II", "III", "IV", "V", "VI")


@pytest.mark.parametrize(("clean", "ringed"), [
    ("Nội dung báo cáo {n}:", "Nội dung báo đáo 5>"),  # pool 41's Đắk Nông: the ring's arc for the colon, "c" crossed
    ("Mục thông tin {n}.", "Mục thông tín 5.)"),       # pool 41's Ninh Thuận: the arc after the stop
    ("Phần đánh giá {r}.", "Phần đánh giá V.)"),       # a ladder in Roman numerals so ringed
    ("Phần đánh giá {r}.", "Phần đánh giá V>"),
])
@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_ladders_label_a_readers_pen_ring_crossed_is_read_as_its_clean_label(tmp_path, outline, clean, ringed):
    """Pool 41's scans: a reader's ballpoint ring round "5:" of a ladder of plain word labels; OCR
    reads the ring's arc as a mark glued to the title ("5>Bến phà", "5.)Cái gùi") and may take a
    letter it crosses for another ("báo đáo"). The ladder then counted 1, 2, 3, 4, 6 and no section
    was found at all; the ladder's clean label and its numbers walking up take the line back. A
    ladder in Roman numerals ("Phần đánh giá V.)Trở lực…") so too: the arc glued to the title is
    taken off as a misread stop is, where the ladder counts 1, 2, 3… with the line."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    labels = tuple(ringed if n == 5 else clean.format(n=n, r=ROMAN_LABELS[n - 1]) for n in range(1, 7))
    doc = _garbled_labels_report(tmp_path / "quet.pdf", labels)
    glued = next(b for b in doc.blocks if b.text.startswith(ringed))
    doc = replace(doc, blocks=tuple(replace(b, text=b.text.replace(f"{ringed} ", ringed)) if b is glued else b
                                    for b in doc.blocks))
    report = extract_sections(doc, sections)
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(garbled_item_text(n)) for n in range(1, 7)}
    assert [s.heading for s in report.sections][4].endswith(GARBLED_TITLES[4])


def test_a_ring_glued_line_is_no_label_where_the_ladders_numbers_do_not_walk_up(tmp_path):
    """The same ring read on a line numbered 4 between "4." and "6.": the numbers do not walk up, no
    ladder believes it, and it is left as OCR read it; a word other by more than a letter is text."""
    from baocao.parse.labels import garbled_word_label, misread_word_stop, template_label

    clean = template_label("Mục thông tin 1. Chiếc kim chỉ nam")
    assert garbled_word_label("Mục thông tín 5.)Cái gùi", clean) == (5, "Mục thông tin 5. Cái gùi")
    assert garbled_word_label("Mục thông tin 5) Cái gùi", clean) is None
    assert garbled_word_label("Mục thông báo 5.)Cái gùi", clean) is None
    assert misread_word_stop("Phần đánh giá H.)Đàn vịt") == "Phần đánh giá H. Đàn vịt"
    assert misread_word_stop("Nội dung báo cáo 5>Bến phà") == "Nội dung báo cáo 5: Bến phà"
    assert misread_word_stop("Nội dung báo cáo 5) Bến phà") is None
    labels = ("Mục thông tin 1.", "Mục thông tin 2.", "Mục thông tin 3.", "Mục thông tin 4.", "Mục thông tín 4.)",
              "Mục thông tin 6.")
    blocks = _garbled_labels_report(tmp_path / "quet.pdf", labels).blocks
    assert blocks[14].text == f"Mục thông tín 4.) {GARBLED_TITLES[4]}"
    assert sections_module._garbled_word_labels(blocks)[14].text == blocks[14].text


def _recognised_words(words: list[tuple[str, float, float, float]], font: str) -> list:
    """A recognised page's words as runs: text, left and right edge, top (12 pt high)."""
    from baocao.parse.pdf import _Run
    return [_Run(text, x0, x1, top, top + 12.0, 12.0, font, False, x1) for text, x0, x1, top in words]


# Pool 33's Gia Lai scan (posterized grey, skewed): "Nhóm nhiệm vụ 4:" framed in the left margin
# and wrapped there, its last line half a line above the item's first, which runs down the page
# to the right ("Tổng" 5.7 pt below "4:"), and on page 2 skewed the other way (its last words up).
MARGIN_LABEL = [("Nhóm", 13.9, 40.4, 630.7), ("Nguồn", 87.4, 117.4, 627.3), ("tiền", 127.2, 143.7, 627.3),
                ("nhiệm", 13.4, 41.8, 648.0), ("vụ", 51.4, 60.3, 648.0), ("4:", 68.2, 74.6, 648.0)]
SKEWED_DOWN = [("Tổng", 86.9, 108.9, 653.7), ("kinh", 118.6, 135.9, 653.9), ("phí", 144.5, 156.5, 654.1),
               ("thực", 164.2, 181.9, 654.2), ("hiện", 190.6, 207.6, 654.4), ("Đề", 216.0, 225.7, 654.6),
               ("án", 234.2, 242.0, 654.7), ("của", 250.1, 263.1, 654.8), ("tỉnh", 271.2, 286.7, 655.0)]
SKEWED_UP = [("Đề", 86.3, 96.0, 657.5), ("nghị", 104.5, 122.3, 657.3), ("Bộ", 130.5, 140.5, 657.1),
             ("thông", 410.8, 435.3, 654.5), ("minh", 443.9, 464.4, 654.2), ("để", 473.2, 481.3, 654.0),
             ("tỉnh", 489.0, 504.5, 653.8), ("Gia", 512.5, 526.3, 653.6)]


def test_words_of_a_skewed_line_read_on_a_margin_labels_row_go_back_to_their_line():
    from baocao.parse.pdf import OCR_FONT, _lines
    for line in (SKEWED_DOWN, SKEWED_UP):
        texts = [ln.text for ln in _lines(1, _recognised_words(MARGIN_LABEL + line, OCR_FONT))]
        # (the words left out between "Bộ" and "thông" leave a gap read as a cell's)
        assert [text.replace(" | ", " ") for text in texts] == [
            "Nhóm Nguồn tiền", "nhiệm vụ 4:", " ".join(word for word, *_ in line)]


def test_a_typed_pages_rows_are_not_cut_at_a_step():
    from baocao.parse.pdf import _lines
    texts = [ln.text for ln in _lines(1, _recognised_words(MARGIN_LABEL + SKEWED_DOWN, "LiberationSerif"))]
    assert texts[1].startswith("nhiệm vụ 4: Tổng")



# -- headings whose look the export lost, labelled in words that count up ------------------

# Titles of the province's own wording, naming no item: only the labels tell the items.
OWN_TITLES = ("Bức ảnh chụp lúc chưa khởi động", "Những điều tỉnh làm nên", "Tổ chức bộ máy thực thi",
              "Những tờ hóa đơn đã thanh toán", "Hòn đá tảng giữa dòng", "Thỉnh nguyện của tỉnh")
IN_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu")
POINT_TEXT = "Tỉnh đã giao nhiệm vụ này cho các sở, ngành."


def own_item_text(n: int) -> list[str]:
    """Item n's two paragraphs, one line each, in words no heading phrase has."""
    return [f"Tỉnh đã hoàn thành {n + 2} nhiệm vụ nêu tại văn bản số {n}/KH-UBND.",
            f"Kết quả được tổng hợp từ {n + 10} sở, ngành và ủy ban nhân dân cấp huyện."]


def plain_paragraphs_report(path: Path, items: list[list[Line]]) -> Path:
    """A text PDF over two pages: letterhead, covering sentence, each item's lines (its heading
    first), the sign-off; every line a paragraph, spaced from the one above."""
    lines = [Line("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", bold=True), Line("Số: 134/BC-UBND"),
             Line("BÁO CÁO", bold=True, indent=190),
             Line("Tình hình phát triển đô thị thông minh", bold=True, indent=100),
             Line("UBND tỉnh Bà Rịa - Vũng Tàu báo cáo như sau:", space_before=9)]
    lines += [replace(line, space_before=9) for item in items for line in item]
    lines += [Line("Trên đây là báo cáo của UBND tỉnh Bà Rịa - Vũng Tàu./.", space_before=9),
              Line("Nơi nhận:", bold=True), Line("- Bộ Xây dựng;")]
    half = len(lines) // 2
    return draw_pdf(path, [Page(tuple(lines[:half])), Page(tuple(lines[half:]))])


def assert_own_items_both_ways(pdf):
    """Each item's own text in its cell, with the campaign's phrases and without them."""
    for outline in (OUTLINE, tuple(replace(s, phrases=()) for s in OUTLINE)):
        report = extract_sections(read_pdf(pdf), outline)
        assert {s.number: s.text for s in report.sections} == {
            n: "\n".join(own_item_text(n)) for n in range(1, 7)}


def test_plain_lines_labelled_in_words_counting_up_are_the_items_of_a_text_pdf(tmp_path):
    """Pool 34's Bà Rịa - Vũng Tàu PDF: each heading ("Yêu cầu thứ nhất: Bức ảnh chụp…") was
    bold in a content control bound to a custom XML part; LibreOffice's export filled the
    control from its data, and the bold went with it: the headings are plain lines, as plain as
    the text. A label in words counting up from the first, over short lines each with its text
    under it, is still the items' ladder, as on a scan whose look OCR could not read."""
    pdf = plain_paragraphs_report(tmp_path / "bao-cao.pdf", [
        [Line(f"Yêu cầu thứ {ordinal}: {title}"), *map(Line, own_item_text(n))]
        for n, (ordinal, title) in enumerate(zip(IN_WORDS, OWN_TITLES, strict=True), start=1)])
    assert_own_items_both_ways(pdf)


@pytest.mark.parametrize("separator", [" -", " –", ")"])
def test_plain_lines_labelled_in_words_and_a_roman_numeral_then_a_dash_are_the_items_of_a_text_pdf(
        tmp_path, separator):
    """Pool 44's ladder "Phần kiểm điểm I - …" … "VI - …" with its look lost in the export, as pool
    34's was: a label of words and a number is one whatever mark sets it off from its title, a
    dash or a bracket as a colon or a stop (labels.word_label), and counting up it is the ladder."""
    numerals = ("I", "II", "III", "IV", "V", "VI")
    pdf = plain_paragraphs_report(tmp_path / "bao-cao.pdf", [
        [Line(f"Phần kiểm điểm {numeral}{separator} {title}"), *map(Line, own_item_text(n))]
        for n, (numeral, title) in enumerate(zip(numerals, OWN_TITLES, strict=True), start=1)])
    assert_own_items_both_ways(pdf)


def test_plain_lines_labelled_in_words_inside_a_bold_ladders_item_stay_its_text(tmp_path):
    """The same plain labelled lines, three counting up inside item 2 of a report whose items
    are bold "I." … "VI." headings: the points of that item's text, not items."""
    points = [line for ordinal, title in zip(IN_WORDS[:3], OWN_TITLES[3:], strict=True)
              for line in (Line(f"Yêu cầu thứ {ordinal}: {title}"), Line(POINT_TEXT))]
    items = [[Line(f"{roman}. {title}", bold=True), *map(Line, own_item_text(n)), *(points if n == 2 else [])]
             for n, (roman, title) in enumerate(zip(("I", "II", "III", "IV", "V", "VI"), OWN_TITLES, strict=True),
                                                start=1)]
    pdf = plain_paragraphs_report(tmp_path / "bao-cao.pdf", items)
    for outline in (OUTLINE, tuple(replace(s, phrases=()) for s in OUTLINE)):
        report = extract_sections(read_pdf(pdf), outline)
        assert {s.number: s.text for s in report.sections} == {
            n: "\n".join(line.text for line in item[1:]) for n, item in enumerate(items, start=1)}


def test_a_scans_paragraphs_are_told_apart_by_the_pitch_of_its_wrapped_sentences(tmp_path):
    """On a scan the lines that reach the right margin are mostly a paragraph's last (a
    contents' entry led by dots to its page number, a one-line paragraph, a sentence that
    happens to fill its line): their steps to the next line hold the paragraph spacing, and
    taken for the pitch they make every paragraph after a full line run into the next (the
    covering sentence "… báo cáo như sau:" into item 1's text). The pitch inside a paragraph
    is the step to a line that goes on a sentence in lower case."""
    full = [
        "Mục 2. Những kết quả đạt được trên từng địa bàn của tỉnh ......................... 2",
        "Mục 3. Công tác chỉ đạo, điều hành, tuyên truyền của tỉnh ......................... 2",
        "Mục 4. Kinh phí thực hiện các nhiệm vụ của Đề án 950 .................................. 3",
        "UBND tỉnh báo cáo tình hình triển khai Đề án đô thị thông minh như sau:",
    ]
    # each first line short of the margin (a scan's ragged edge), the next word too long for the room left
    wrapped = [
        ("Năm 2014, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương",
         "phiên bản 1.0 và cập nhật hằng năm."),
        ("Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện",
         "của tỉnh trong năm qua."),
        ("UBND tỉnh đã chọn 6 đô thị làm thí điểm xây dựng đô thị thông minh cho giai đoạn", "tới của tỉnh."),
        ("Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế",
         "hoạch triển khai phù hợp."),
        ("Đài Phát thanh và Truyền hình tỉnh phát sóng chuyên mục chuyển đổi số hằng tuần", "vào tối thứ sáu."),
    ]
    gap = 10.0  # paragraph spacing: a step of 28 pt where a wrapped line's is 18
    lines = [Line(text, justify=True, space_before=gap) for text in full]
    for first, second in wrapped:
        lines += [Line(first, space_before=gap), Line(second)]
    pdf = _as_scanned(draw_pdf(tmp_path / "quet.pdf", [Page(tuple(lines))]))
    assert {block.style for block in read_pdf(pdf).blocks} == {"GlyphLessFont"}
    assert texts(read_pdf(pdf)) == [*full, *(f"{first} {second}" for first, second in wrapped)]


def _recognised_report(path, province: str, untitled: tuple[str, ...], headed) -> Document:
    """A scan's report as OCR read it (Document.ocr): its letterhead, the covering sentence, the
    `untitled` lines of an item left without a heading, then each bold heading of `headed` (heading,
    lines) over its lines, the closing and the list of addressees."""
    lines = [Line(f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}", bold=True), Line("BÁO CÁO", bold=True),
             Line(f"Tình hình phát triển đô thị thông minh trên địa bàn tỉnh {province}", bold=True),
             Line(f"Thực hiện văn bản số 1683/BXD-PTDT của Bộ Xây dựng, UBND tỉnh {province} báo cáo như sau:",
                  space_before=8),
             *(Line(text, space_before=8) for text in untitled)]
    for heading, texts_under in headed:
        lines += [Line(heading, bold=True, space_before=8), *(Line(text, space_before=8) for text in texts_under)]
    lines += [Line(f"Trên đây là báo cáo của UBND tỉnh {province}./.", space_before=8),
              Line("Nơi nhận:", bold=True), Line("- Bộ Xây dựng;")]
    return replace(read_pdf(_as_scanned(draw_pdf(path, [Page(tuple(lines))]))), ocr=True)


# Pool 44's Bắc Kạn scan: bold dash-led lines of figurative words, items 4 and 5 answered under one.
BAC_KAN_HEADINGS = ("- Gốc bưởi ghép vừa bén rễ", "- Vại cà muối vàng ơm", "- Phường gốm chung một lò nung",
                    "- Chĩnh mật cất kỹ cùng đàn ong bỏ tổ", "- Luống mạ gieo cho vụ chiêm tới")
BAC_KAN = (
    ("Giai đoạn 2015 – 2017, tỉnh Bắc Kạn đã số hóa 52.000 hồ sơ địa chính và quy hoạch đô thị.",
     "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Bắc Kạn."),
    ("UBND tỉnh Bắc Kạn đã phê duyệt Đề án phát triển đô thị thông minh của địa phương tại Quyết định số "
     "3511/QĐ-UBND ngày 9/7/2020.",
     "Từ khi Đề án 950 được ban hành, UBND tỉnh Bắc Kạn đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai "
     "phù hợp với điều kiện của địa phương."),
    ("UBND tỉnh Bắc Kạn đã ban hành Kế hoạch số 75/KH-UBND ngày 9/7/2021 về triển khai Đề án 950 trên địa bàn.",
     "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng "
     "của tỉnh Bắc Kạn."),
    ("Các nhiệm vụ của Đề án tại tỉnh Bắc Kạn được bảo đảm 11.833 triệu đồng từ nguồn thu sự nghiệp của các "
     "đơn vị sự nghiệp công lập.",
     "Việc bố trí kinh phí tại tỉnh Bắc Kạn được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật "
     "Đầu tư công.",
     "Dữ liệu quy hoạch đô thị của tỉnh Bắc Kạn chưa được số hóa đầy đủ, khó chia sẻ giữa các sở, ngành.",
     "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Bắc Kạn về đô thị thông minh còn chưa đầy đủ."),
    ("Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh Bắc Kạn áp dụng.",
     "UBND tỉnh Bắc Kạn kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương trong "
     "quá trình triển khai."),
)


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_level_one_short_whose_count_and_texts_say_which_heading_covers_two_is_a_report_on_the_outline(
        tmp_path, outline):
    """Pool 44's Bắc Kạn scan: five bold dash-led lines whose words say nothing of the outline, the only
    text long enough for two under the one in two parts ("… cùng …"). Their words, read as OCR may
    misread them and the phrases' words among the outline's, agree with no reading; the count and the
    texts do: each heading an item, that one two. Without the phrases a chance likeness found it; with
    them nothing was found (no_sections). The document's own count is the reading either way."""
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    document = _recognised_report(tmp_path / "quet.pdf", "Bắc Kạn", (), zip(BAC_KAN_HEADINGS, BAC_KAN, strict=True))
    found = {s.number: " ".join(s.text.split()) for s in extract_sections(document, sections).sections}
    merged = " ".join(BAC_KAN[3])
    assert found == {1: " ".join(BAC_KAN[0]), 2: " ".join(BAC_KAN[1]), 3: " ".join(BAC_KAN[2]),
                     4: merged, 5: merged, 6: " ".join(BAC_KAN[4])}


# Pool 44's Quảng Nam scan: item 1 left without a heading, items 2 to 6 under a bold Roman ladder.
QUANG_NAM_HEADINGS = ("IL. VƯỜN CAM TRĨU QUẢ CUỐI VỤ", "II. XÓM NGHỀ CHUNG NHAU GIẾNG ĐẤT SÉT",
                      "III. BAO THÓC GIỐNG ĐỂ DÀNH", "IV. LÒ GỐM NỨT VÌ LỬA NON", "V. BÌNH GỐM MEN LAM CHỜ NGÀY RA LÒ")
QUANG_NAM = (
    ("Năm 2017, UBND tỉnh Quảng Nam đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 808 thủ tục hành "
     "chính mức độ 3, 4.",
     "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Quảng Nam."),
    ("Hạ tầng cáp quang của tỉnh Quảng Nam đã phủ tới 80% số xã, phường, thị trấn.",
     "Từ khi Đề án 950 được ban hành, UBND tỉnh Quảng Nam đã chỉ đạo các sở, ngành xây dựng kế hoạch triển "
     "khai phù hợp với điều kiện của địa phương."),
    ("Đài Phát thanh và Truyền hình Quảng Nam phát sóng chuyên mục chuyển đổi số hằng tuần vào tối thứ 2.",
     "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng "
     "của tỉnh Quảng Nam."),
    ("Trong kế hoạch đầu tư công trung hạn giai đoạn 2021 – 2025, tỉnh đã bố trí 33.637 triệu đồng cho các "
     "nhiệm vụ của Đề án tại tỉnh Quảng Nam.",
     "Việc bố trí kinh phí tại tỉnh Quảng Nam được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật "
     "Đầu tư công."),
    ("Hạ tầng viễn thông tại 7 xã vùng sâu, vùng xa của tỉnh Quảng Nam chưa đáp ứng yêu cầu.",
     "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Quảng Nam về đô thị thông minh còn chưa đầy đủ."),
    ("Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh Quảng Nam xây dựng cơ sở dữ liệu quy hoạch đô thị.",
     "UBND tỉnh Quảng Nam kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương trong "
     "quá trình triển khai."),
)


@pytest.mark.parametrize("outline", ["phrases", "no phrases"])
def test_a_roman_ladders_first_numeral_read_with_its_stop_as_an_l_is_its_first_rung(tmp_path, outline):
    """Pool 44's Quảng Nam scan: "I. VƯỜN CAM…" in a bold face read "IL.", its stop against the I's foot
    serif read as an L. No Roman numeral has an L after an I (49 is XLIX): it is I, and the ladder I … V
    over items 2 to 6, item 1 the untitled text before it, is whole. Read as 49 it broke the ladder, and
    with the phrases no reading of the headings convinced (items 1 to 4 and 6 not found)."""
    assert [label_ordinal(label) for label in ("IL.", "IIL:", "il.", "XL.", "LI.")] == [1, 2, 1, 40, 51]
    sections = OUTLINE if outline == "phrases" else tuple(replace(s, phrases=()) for s in OUTLINE)
    document = _recognised_report(tmp_path / "quet.pdf", "Quảng Nam", QUANG_NAM[0],
                                  zip(QUANG_NAM_HEADINGS, QUANG_NAM[1:], strict=True))
    found = {s.number: " ".join(s.text.split()) for s in extract_sections(document, sections).sections}
    assert found == {n: " ".join(text) for n, text in enumerate(QUANG_NAM, start=1)}


def _page_of_lines(lines: list[tuple[float, list[str]]], font: str) -> list:
    """Runs of a recognised page: each line's words from its x (one run a word, 6 pt a letter)."""
    words = []
    for top, (x, *texts) in lines:
        for text in texts:
            words.append((text, x, x + 6.0 * len(text), top))
            x += 6.0 * len(text) + 4.0
    return _recognised_words(words, font)


CREASED_PAGE = [  # pool 49's Lạng Sơn: a fuser crease slanting down from the left, read as marks
    (100.0, [85.0, "Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"]),
    (200.0, [85.0, "Cấu", "phần", "1.", "Lò", "bầu", "nung", "gốm"]),
    (220.0, [85.0, "-", "Năm", "2014,", "UBND", "tỉnh", "ban", "hành", "giai", "đoạn", "2019", "–", "2025."]),
    (240.0, [85.0, "-", "Các", "nội", "dung", "trên", "được", "tổng", "hợp."]),
    (300.0, [85.0, "Cấu", "—.", "_—=", "phần", "2.", "Tấm", "lụa", "tơ", "tằm"]),
    (345.0, [240.0, "-——"]),
    (360.0, [85.0, "Cấu", "phần", "3.", "Gia", "đình", "nghệ", "nhân", "—="]),
    (420.0, [470.0, "—"]),
]


def test_marks_a_crease_left_on_a_slanting_line_across_a_scan_are_no_words_of_it():
    """Pool 49's fuser creases: OCR read the line where it crosses the text as marks ("—.", "_—=",
    "-——", "—="), inside a heading ("Cấu —. _—= phần 2.") and beside another (a table row of it).
    Four marks or more on one slanting line across three lines of type are the crease; a motto's
    dashes on one row, a list's at the text's edge and a range's are text."""
    from baocao.parse.pdf import OCR_FONT, _crease_marks

    runs = _page_of_lines(CREASED_PAGE, OCR_FONT)
    assert sorted(run.text for run in _crease_marks(runs)) == sorted(["—.", "_—=", "-——", "—=", "—"])
    uncreased = [line for line in CREASED_PAGE if line[0] not in (345.0, 420.0)]
    assert _crease_marks(_page_of_lines(uncreased, OCR_FONT)) == []  # three marks: no line of them
    assert _crease_marks(_page_of_lines(CREASED_PAGE, "Times-Roman")) == []  # a text page's own


HEADINGS_OWN = ("Kết quả trước khi có Đề án 950", "Thông tin chung sau khi có Đề án", "Công tác tuyên truyền",
                "Kinh phí thực hiện", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị")
BODIES_OWN = ("Năm 2016 tỉnh đã số hóa 12.000 hồ sơ địa chính.", "Tỉnh đã phê duyệt đề án của địa phương năm 2020.",
              "Tỉnh đã tổ chức 20 hội nghị phổ biến cho cán bộ.", "Tổng kinh phí đã bố trí là 15.000 triệu đồng.",
              "Thiếu cán bộ chuyên trách về công nghệ thông tin.", "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số.")


def test_a_watermark_up_the_page_is_no_text_of_its_lines(tmp_path):
    """LibreOffice's "Sign with watermark" prints the office's name up the middle of every page,
    a quarter turn, glyph over glyph: each glyph was read as a run of the body line it crosses
    ("… trực tuyến N", "DBÁO CÁO") and the page's reading order broke on the column (pool 50's
    three watermarked reports, 0 of 18 cells). Text turned across the page's own is none of its
    lines, and the page reads as it would without it."""
    lines = []
    for n, body in enumerate(BODIES_OWN, start=1):
        lines += [Line(f"{n}. {HEADINGS_OWN[n - 1]}", bold=True), Line(body)]
    plain = draw_pdf(tmp_path / "plain.pdf", [Page(lines=tuple(lines))])
    marked = draw_pdf(tmp_path / "marked.pdf", [Page(lines=tuple(lines), watermark="UBND TỈNH BẮC GIANG")])
    assert [b.text for b in read_pdf(marked).blocks] == [b.text for b in read_pdf(plain).blocks]
    found = extract_sections(read_pdf(marked), OUTLINE).sections
    assert {s.number: s.text for s in found} == dict(enumerate(BODIES_OWN, start=1))


def exported_own_report(tmp_path: Path) -> Path:
    """A reply of bold numbered headings over one line each, exported to PDF by LibreOffice."""
    from docx_builders import Bold, build_lines

    lines = []
    for n, body in enumerate(BODIES_OWN, start=1):
        lines += [Bold(f"{n}. {HEADINGS_OWN[n - 1]}"), body]
    convert_to_pdf([build_lines(tmp_path / "bao-cao.docx", tuple(lines))], tmp_path)
    return tmp_path / "bao-cao.pdf"


def test_a_report_shrunk_through_ghostscript_keeps_its_body_plain_and_its_headings_bold(tmp_path):
    """Ghostscript's pdfwrite (an office's "compress PDF" before upload) rewrites the fonts'
    descriptors: the regular face comes out as heavy as a bold one (LiberationSerif at 640), and
    every line read bold cut a section at each paragraph (pool 50's Thái Bình and Bến Tre). A
    page mostly bold by weight alone is bold only where the fonts' names say so."""
    import subprocess

    shrunk = tmp_path / "bao-cao-nen.pdf"
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.5",
                    "-dPDFSETTINGS=/ebook", f"-sOutputFile={shrunk}", str(exported_own_report(tmp_path))], check=True)
    blocks = {b.text: b.bold for b in read_pdf(shrunk).blocks}
    assert not any(blocks[body] for body in BODIES_OWN)
    assert all(blocks[f"{n}. {heading}"] for n, heading in enumerate(HEADINGS_OWN, start=1))
    found = extract_sections(read_pdf(shrunk), OUTLINE).sections
    assert {s.number: s.text for s in found} == dict(enumerate(BODIES_OWN, start=1))


def test_a_report_printed_again_through_cairo_reads_as_its_lines(tmp_path):
    """pdftocairo (and the browsers' "print to PDF", both cairo) set each word in a font of size 1
    scaled by the text matrix: read at size 1, every gap between words was a column's and every
    line a row of one-word cells (pool 51's three reprinted reports, no section found). The size
    the glyphs are drawn at is the matrix's; the lines read as the original's."""
    import subprocess

    exported = exported_own_report(tmp_path)
    reprinted = tmp_path / "bao-cao-in-lai.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(exported), str(reprinted)], check=True)

    def lines(path):
        return [(b.text, b.kind, b.bold) for b in read_pdf(path).blocks]

    assert lines(reprinted) == lines(exported)
    found = extract_sections(read_pdf(reprinted), OUTLINE).sections
    assert {s.number: s.text for s in found} == dict(enumerate(BODIES_OWN, start=1))
