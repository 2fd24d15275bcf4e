"""Headings marked by a list bullet and nothing else: no number, no bold, no heading style.

Some provinces put each item's heading in a Word bullet list ("❖", from numbering.xml,
numFmt "bullet"): Word draws the bullet, the text holds none; printed to PDF, the bullet is
a glyph at the line's start; a typist puts "➢ " or "- " in front. Such paragraphs are a
heading ladder when they read as one by their structure: one marker in one style, short
titles that close no sentence nor list entry, each with text of its own under it, a few of
them. Bullets mark lists inside the items' texts too, and the "- " of every Vietnamese report:
those stay text, and a report numbered as usual keeps its numbered items. Read with every
`phrases` list empty, as a new campaign reads on its first day.
"""

import dataclasses

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import Bold, add_list, build_lines, number_paragraph, write_letterhead, write_signoff
from test_heading_layouts import TEXTS, UNKNOWN  # headings in words of their own, texts in their items' words

from baocao.campaign import load_campaign
from baocao.parse.bullets import bullet_ladders, list_marker
from baocao.parse.document import Block
from baocao.parse.docx import read_docx
from baocao.parse.numbering import Counters, ListRef, read_numbering
from baocao.parse.sections import extract_sections

WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
# The province's own titles: a word or two of their items' at most.
TITLES = {
    1: "Những việc tỉnh đã làm từ năm 2017 trở về trước",
    2: "Toàn cảnh việc thực hiện Đề án tại tỉnh",
    3: "Đưa Đề án tới từng cơ quan, từng người dân",
    4: "Tiền của tỉnh đã dành cho đô thị số",
    5: "Các trở lực về con người và thể chế",
    6: "Điều tỉnh mong các bộ, ngành quan tâm",
}
# A list inside item 2's text, in a Word bullet list of its own, its lines entries (";").
PROJECTS = ("Trung tâm giám sát, điều hành đô thị thông minh;", "Cổng dịch vụ công trực tuyến;",
            "Hệ thống camera giám sát giao thông.")
# Run-in points under item 5, typed with a dash, each over a line of text.
POINTS = (("- Về nguồn lực:", "Cán bộ chuyên trách còn thiếu."),
          ("- Về thể chế:", "Chưa có quy định về chia sẻ dữ liệu."),
          ("- Về nguồn tiền:", "Ngân sách tỉnh còn hạn chế."))

HEADING_LIST = 97  # numId of the items' bullet list "❖"
ROMAN_LIST = 96  # numId of a list numbered "I.", "II." …
_ROMAN_XML = """<w:abstractNum {ns} w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""
PROJECT_LIST = 98  # numId of a list of bullets "•" inside a text
_BULLET_XML = """<w:abstractNum {ns} w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{mark}"/>
  <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>"""


def bullet_list(document, num_id: int, mark: str) -> None:
    add_list(document, num_id, _BULLET_XML.format(ns=nsdecls("w"), id=num_id, mark=mark))


def bulleted_report(path, typed: str = ""):
    """A reply whose six item headings are plain paragraphs of a Word bullet list "❖" (or,
    with `typed`, plain paragraphs with that bullet typed in front), with a bullet list
    "•" of projects in item 2 and dashed points in item 5."""
    document = docx.Document()
    bullet_list(document, HEADING_LIST, "❖")
    bullet_list(document, PROJECT_LIST, "•")
    write_letterhead(document)
    for n, title in TITLES.items():
        if typed:
            document.add_paragraph(f"{typed} {title}")
        else:
            number_paragraph(document.add_paragraph(title), HEADING_LIST)
        document.add_paragraph(TEXTS[n])
        if n == 2:
            for project in PROJECTS:
                number_paragraph(document.add_paragraph(project), PROJECT_LIST)
        if n == 5:
            for point, line in POINTS:
                document.add_paragraph(point)
                document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


def expected_texts() -> dict[int, str]:
    texts = dict(TEXTS)
    texts[2] = "\n".join((TEXTS[2], *PROJECTS))
    texts[5] = "\n".join((TEXTS[5], *(line for point in POINTS for line in point)))
    return texts


def read(path):
    return extract_sections(read_docx(path), WITHOUT_PHRASES)


def test_word_gives_the_bullet_it_draws_with_the_paragraph_and_no_number(tmp_path):
    blocks = {b.text: b for b in read_docx(bulleted_report(tmp_path / "bao-cao.docx")).blocks}
    assert (blocks[TITLES[4]].bullet, blocks[TITLES[4]].number) == ("❖", "")
    assert blocks[PROJECTS[0]].bullet == "•"
    assert blocks[TEXTS[4]].bullet == ""


def test_a_bullet_level_moves_no_counter_of_a_numbered_list(tmp_path):
    document = docx.Document()
    add_list(document, ROMAN_LIST, _ROMAN_XML.format(ns=nsdecls("w"), id=ROMAN_LIST))
    counters = Counters(read_numbering(document))
    assert counters.bullet(ListRef(str(ROMAN_LIST), 0)) == ""
    assert counters.label(ListRef(str(ROMAN_LIST), 0)) == "I."


def test_headings_in_a_word_bullet_list_are_the_items_and_the_lists_in_their_texts_stay_text(tmp_path):
    report = read(bulleted_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == expected_texts()


def test_headings_with_a_bullet_typed_in_front_are_the_items(tmp_path):
    report = read(bulleted_report(tmp_path / "bao-cao.docx", typed="➢"))
    assert {s.number: s.text for s in report.sections} == expected_texts()


def test_headings_in_a_bullet_list_printed_to_pdf_are_the_items(tmp_path):
    from pdf_builders import convert_to_pdf

    from baocao.parse.pdf import read_pdf

    path = bulleted_report(tmp_path / "bao-cao.docx")
    convert_to_pdf([path], tmp_path)
    report = extract_sections(read_pdf(tmp_path / "bao-cao.pdf"), WITHOUT_PHRASES)
    printed = expected_texts()
    for project in PROJECTS:  # the projects' bullets are printed too: in the text now
        printed[2] = printed[2].replace(project, f"• {project}")
    assert {s.number: s.text for s in report.sections} == printed


# Points inside the items of a numbered report, each over a line of text: "❖" drawn by Word
# for the first and last, "- " typed for the middle one.
INNER_POINTS = {
    2: (("Tại thành phố:", "Đã lắp đặt 40 camera."), ("Tại các huyện:", "Đã lắp đặt 12 camera."),
        ("Tại các xã:", "Đã lắp đặt 5 camera.")),
    4: (("Năm 2020:", "Đã chi 20 tỷ đồng."), ("Năm 2021:", "Đã chi 30 tỷ đồng."), ("Năm 2022:", "Đã chi 35 tỷ đồng.")),
    5: POINTS,
}


def test_a_numbered_report_keeps_its_items_over_bulleted_points_inside_them(tmp_path):
    """Items numbered "I."-"VI." by Word, with "❖" points in a bullet list and "- " points
    typed inside three of them, title-like and spread out: the numbered ladder is the items'."""
    document = docx.Document()
    add_list(document, ROMAN_LIST, _ROMAN_XML.format(ns=nsdecls("w"), id=ROMAN_LIST))
    bullet_list(document, HEADING_LIST, "❖")
    write_letterhead(document)
    texts = {}
    for n, title in TITLES.items():
        heading = document.add_paragraph()
        heading.add_run(title.upper()).bold = True
        number_paragraph(heading, ROMAN_LIST)
        document.add_paragraph(TEXTS[n])
        lines = [TEXTS[n]]
        for k, (point, line) in enumerate(INNER_POINTS.get(n, ())):
            point = point.removeprefix("- ")
            if k == 1:
                document.add_paragraph(f"- {point}")
                lines.append(f"- {point}")
            else:
                number_paragraph(document.add_paragraph(point), HEADING_LIST)
                lines.append(point)
            document.add_paragraph(line)
            lines.append(line)
        texts[n] = "\n".join(lines)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == texts


def paragraph(text: str, bullet: str = "", index: int = 0) -> Block:
    return Block(index, text, "paragraph", "Normal", None, False, bullet=bullet)


def test_a_marker_is_a_bullet_drawn_or_typed_never_a_number_or_a_word():
    assert list_marker(paragraph("Kết quả", bullet="❖")) == "❖"
    assert [list_marker(paragraph(f"{mark} Kết quả")) for mark in ("➢", "■", "●", "+", "-", "–", "*", "•")] == [
        "➢", "■", "●", "+", "-", "-", "*", "•"]
    assert list_marker(paragraph("1. Kết quả")) == ""
    assert list_marker(paragraph("“Kết quả”")) == ""
    assert list_marker(paragraph("- 12 tỷ đồng")) == ""  # a dash before a figure, no list


def ladder(lines: list[str | tuple[str, str]]) -> set[int]:
    """The positions bullet_ladders takes among lines (a tuple: text with a bullet Word draws)."""
    blocks = tuple(paragraph(*line, index=k) if isinstance(line, tuple) else paragraph(line, index=k)
                   for k, line in enumerate(lines))
    return set(bullet_ladders(blocks, -1, len(blocks), 6))


def test_bulleted_titles_with_text_under_each_make_a_ladder():
    lines = []
    for n in range(1, 5):
        lines += [("Tiêu đề của tỉnh số " + str(n), "❖"), "Nội dung của mục."]
    assert ladder(lines) == {0, 2, 4, 6}


def test_bulleted_lines_one_under_the_other_are_a_list_not_a_ladder():
    lines = ["Các dự án:", *(f"- Dự án {n}" for n in range(1, 5)), "Nội dung tiếp theo."]
    assert ladder(lines) == set()


def test_bulleted_lines_that_end_as_entries_or_sentences_are_text():
    lines = []
    for n in range(1, 5):
        lines += [f"- Đã triển khai dự án số {n} của tỉnh{';' if n % 2 else '.'}", "Nội dung của mục."]
    assert ladder(lines) == set()


def test_too_many_bulleted_titles_are_no_ladder_of_the_outline():
    lines = []
    for n in range(1, 12):
        lines += [f"+ Xã số {n}", "Kết quả của xã."]
    assert ladder(lines) == set()


# Points under item 2 as provinces write them, each over a line of text.
ABOUT_2 = (("- Về hạ tầng số:", "Mạng 4G đã phủ sóng 97% diện tích của tỉnh."),
           ("- Về Trung tâm điều hành:", "Trung tâm vận hành 6 phân hệ."),
           ("- Về nền tảng số:", "Đã kết nối 6 hệ thống thông tin của các sở, ngành."))


def test_dashed_points_under_headings_counted_in_words_stay_in_their_items(tmp_path):
    """"Thứ nhất, …" to "Thứ sáu, …", with "- Về …:" points spread under two of them, each over
    its line of text: the points are titles with text under them, as many as the items, but
    the ladder counted in words starts before them and holds several under one heading:
    they are its points."""
    from docx_builders import Bold, build_lines

    ordinals = ("Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu")
    lines, texts = [], {}
    for n, title in UNKNOWN.items():
        lines += [Bold(f"{ordinals[n - 1]}, {title.lower()}"), TEXTS[n]]
        points = ABOUT_2 if n == 2 else POINTS if n == 5 else ()
        written = [TEXTS[n]]
        for point, line in points:
            point = point if point.startswith("- ") else f"- {point}"
            lines += [point, line]
            written += [point, line]
        texts[n] = "\n".join(written)
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == texts


def test_a_bulleted_line_in_a_heading_style_is_of_its_own_level_and_leaves_the_ladder_whole():
    blocks = []
    for n in range(1, 5):
        blocks += [Block(2 * n, f"Tiêu đề của tỉnh số {n}", "paragraph", "Normal", 2 if n == 3 else None, False,
                         bullet="❖"),
                   paragraph("Nội dung của mục.", index=2 * n + 1)]
    assert set(bullet_ladders(tuple(blocks), -1, len(blocks), 6)) == {0, 2, 6}


def write_item_text(document, n: int, points, bold_points: bool = False) -> str:
    """Item n's text under its heading, then its points (each a line over a sentence): the text
    its cell should read."""
    document.add_paragraph(TEXTS[n])
    lines = [TEXTS[n]]
    for point, line in points:
        document.add_paragraph().add_run(point).bold = bold_points
        document.add_paragraph(line)
        lines += [point, line]
    return "\n".join(lines)


def symbol_report(path, char: str = "F0D8"):
    """A reply whose item headings are bold titles after a Wingdings arrow inserted as a
    symbol (Insert > Symbol: a run holding w:sym, no text), no number, with bold dashed
    points ("- Về …:") over lines of text inside items 2 and 5, set like the headings."""
    document = docx.Document()
    write_letterhead(document)
    texts = {}
    for n, title in TITLES.items():
        heading = document.add_paragraph()
        heading.add_run()._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" w:char="{char}"/>'))
        heading.add_run(f" {title}")
        for run in heading.runs:
            run.bold = True
        texts[n] = write_item_text(document, n, ABOUT_2 if n == 2 else POINTS if n == 5 else (), bold_points=True)
    write_signoff(document)
    document.save(path)
    return path, texts


def test_a_symbol_inserted_in_front_of_a_line_is_its_symbol_fonts_character(tmp_path):
    """As a PDF of the page gives it: the font's private-use character, its F000 page
    understood where the code leaves it out."""
    for char in ("F0D8", "D8"):
        path, _ = symbol_report(tmp_path / f"bao-cao-{char}.docx", char)
        assert f"\uf0d8 {TITLES[1]}" in [b.text for b in read_docx(path).blocks]
    for char in ("D800", "110000", "xyz"):  # no character: nothing, and the title still read
        path, _ = symbol_report(tmp_path / f"bao-cao-{char}.docx", char)
        assert TITLES[1] in [b.text for b in read_docx(path).blocks]


def test_headings_after_an_inserted_symbol_are_the_items_over_bold_dashed_points(tmp_path):
    """The arrow marks the items' ladder; the bold "- Về …:" lines are no heading of its level
    but points inside items 2 and 5, their lines in those items."""
    path, texts = symbol_report(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in read(path).sections} == texts


def test_a_bold_dashed_line_closed_by_a_colon_over_a_list_is_a_point_and_untitled_text_is_item_1(tmp_path):
    """Pool 24's first_heading_missing in a PDF: items 2-6 headed "- Title" in bold, item 1
    untitled after the covering sentence, and inside items 2 and 5 a bold "- Về …:" over a
    list of "+" points. In a .docx Word's list or style sets the points apart; a PDF keeps the
    dash and the bold alone, so a line of the ladder that ends with a colon and opens a list
    of another marker is a point of its item's text, not a seventh heading."""
    document = docx.Document()
    write_letterhead(document)
    document.add_paragraph(TEXTS[1])
    inner = {2: ("- Về hạ tầng và nền tảng số:", "+ Đã kết nối 9 hệ thống thông tin.", "+ Đã số hóa 70% hồ sơ."),
             5: ("- Về con người và cơ chế:", "+ Cán bộ chuyên trách thường xuyên biến động.",
                 "+ Chưa có đơn giá thuê dịch vụ.")}
    for n in range(2, 7):
        document.add_paragraph().add_run(f"- {TITLES[n]}").bold = True
        document.add_paragraph(TEXTS[n])
        if n in inner:
            point, *lines = inner[n]
            document.add_paragraph().add_run(point).bold = True
            for line in lines:
                document.add_paragraph(line)
    write_signoff(document)
    path = tmp_path / "bao-cao.docx"
    document.save(path)
    expected = {n: "\n".join((TEXTS[n], *inner.get(n, ()))) for n in TEXTS}
    assert {s.number: s.text for s in read(path).sections} == expected


# Headings whose words say nothing of their items (pool 45's Đắk Nông), each labelled "Ý n." in words.
FIGURATIVE = {1: "Căn nhà trình tường mới trát", 2: "Mật ong bạc hà sóng sánh (xem Phụ lục 01 đính kèm)",
              3: "Lò rèn dao chung một bễ", 4: "Ống tre đựng thóc giống treo gác (xem Phụ lục 02 đính kèm)",
              5: "Băng giá phủ trắng nương", 6: "Lứa mạ mới chờ xuống ruộng"}
# Plain numbered points under items 5 and 6, each over a line of text.
NUMBERED_POINTS = {5: (("1. Về nguồn lực", "Cán bộ chuyên trách công nghệ thông tin còn thiếu."),
                       ("2. Về văn bản quy phạm pháp luật", "Chưa có quy định về chia sẻ dữ liệu.")),
                   6: (("1. Đối với Bộ Xây dựng", "Sớm ban hành hướng dẫn lập quy hoạch."),
                       ("2. Đối với các bộ, ngành Trung ương", "Ban hành khung tham chiếu mới."))}
SYMBOL_LIST = 95  # numId of the items' list: a Symbol-font bullet, or a picture bullet Word falls back from
_SYMBOL_XML = """<w:abstractNum {ns} w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>{picture}
  <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>"""
_PICTURE_BULLET = """<w:numPicBullet {ns} xmlns:v="urn:schemas-microsoft-com:vml"
  xmlns:o="urn:schemas-microsoft-com:office:office" w:numPicBulletId="0"><w:pict><v:shape id="_x0000_i1025"
  style="width:9pt;height:9pt" o:bullet="t"/></w:pict></w:numPicBullet>"""


def word_labelled_bullet_report(path, picture: bool = False):
    """A reply whose six item headings are bold paragraphs of a Word bullet list (Symbol's
    "\uf0b7", or with `picture` a level showing a picture bullet, w:lvlPicBulletId), each
    labelled in words "Ý 1.", "Ý 2.", … over titles
    of the province's own figurative words, with plain numbered points under items 5 and 6."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    if picture:
        numbering.insert(0, parse_xml(_PICTURE_BULLET.format(ns=nsdecls("w"))))
    add_list(document, SYMBOL_LIST, _SYMBOL_XML.format(
        ns=nsdecls("w"), id=SYMBOL_LIST, picture='<w:lvlPicBulletId w:val="0"/>' if picture else ""))
    write_letterhead(document)
    texts = {}
    for n, title in FIGURATIVE.items():
        heading = document.add_paragraph()
        heading.add_run(f"Ý {n}. {title}").bold = True
        number_paragraph(heading, SYMBOL_LIST)
        texts[n] = write_item_text(document, n, NUMBERED_POINTS.get(n, ()))
    write_signoff(document)
    document.save(path)
    return path, texts


def test_bulleted_headings_labelled_in_words_counting_up_are_the_items_by_their_numbers(tmp_path):
    """"• Ý 1. Căn nhà trình tường mới trát", "• Ý 2. …" … "• Ý 6. …", bold, in a Word bullet
    list: the words label counting 1 to 6 numbers the ladder, whatever the titles' words and the
    campaign's phrases say (read by its bullet alone, the ladder was of unnumbered lines the
    outline's words had to carry: pool 45's Đắk Nông, no section found without phrases); the
    plain "1. Về nguồn lực" points under items 5 and 6 stay their items' text."""
    for picture in (False, True):
        path, texts = word_labelled_bullet_report(tmp_path / f"bao-cao-{picture}.docx", picture)
        assert read_docx(path).blocks[5].bullet == "\uf0b7"
        for outline in (WITHOUT_PHRASES, load_campaign().sections):
            report = extract_sections(read_docx(path), outline)
            assert {s.number: s.text for s in report.sections} == texts, (picture, outline is WITHOUT_PHRASES)
            assert [s.heading for s in report.sections] == [f"Ý {n}. {t}" for n, t in FIGURATIVE.items()]


def test_a_bullet_ladder_labelled_in_words_is_its_labels_and_any_other_stays_the_bullets():
    def labelled(labels: list[str], mark: str = "❖") -> set[int]:
        lines = []
        for label in labels:
            lines += [(f"{label} Tiêu đề của tỉnh", mark) if mark != "-" else f"- {label} Tiêu đề của tỉnh",
                      "Nội dung của mục."]
        return ladder(lines)

    assert labelled(["Ý 1.", "Ý 2.", "Ý 3.", "Ý 4."]) == set()  # the label's ladder, not the bullet's
    assert labelled(["Ý 1.", "Ý 2.", "Ý 4.", "Ý 5."]) == {0, 2, 4, 6}  # not counting 1, 2, 3…
    assert labelled(["Ý 1.", "Ý 2.", "Điểm 3.", "Ý 4."]) == {0, 2, 4, 6}  # not one label's words
    assert labelled(["Ý 1.", "Ý 2.", "Ý 3.", "Ý 4."], mark="-") == {0, 2, 4, 6}  # a typed mark hides the label


# Pool 49's Tiền Giang: titles of the province's own figurative words, each led by Word's Wingdings
# arrow inserted as a symbol (Insert > Symbol: w:sym), bold, set in colour on a highlight.
CRAFTS = {1: "Nghề đúc đồng giữ lửa qua nhiều thế hệ", 2: "Tấm lụa tơ tằm óng ả", 3: "Nhóm phụ nữ se tơ dệt vải",
          4: "Sổ cái ghi hàng gửi đi xa", 5: "Đất sét ven sông ngày một cạn",
          6: "Con đường gạch dẫn khách vào làng gốm"}
ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu")
OWN_HEADING = "Thợ mộc dán mã truy xuất cho từng bộ bàn ghế"
OWN_TEXT = "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu."


def symbol_arrow_report(path, own: str | None = None, unbulleted: int | None = None):
    """A reply whose item headings are bold titles each led by a Wingdings arrow symbol (w:sym
    F0D8), in white on a dark highlight; with `own`, the province's own heading between items 4
    and 5, led by the same arrow, bold, "plain" (black, no highlight) or "alike" (as the items');
    with `unbulleted`, that item's title without the arrow, broken over two lines by hand."""
    document = docx.Document()
    write_letterhead(document)

    def heading(title: str, marked: bool, bullet: bool = True) -> None:
        paragraph = document.add_paragraph()
        symbol = paragraph.add_run()
        if bullet:
            symbol._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" w:char="F0D8"/>'))
            run = paragraph.add_run(f" {title}")
        else:
            first, _, second = title.partition(" ")
            symbol.text = first
            symbol.add_break()
            run = paragraph.add_run(second)
        for r in (symbol, run):
            r.bold = True
            if marked:
                r.font.color.rgb = docx.shared.RGBColor(0xFF, 0xFF, 0xFF)
                r.font.highlight_color = docx.enum.text.WD_COLOR_INDEX.DARK_BLUE

    for n, title in CRAFTS.items():
        heading(title, marked=True, bullet=n != unbulleted)
        document.add_paragraph(TEXTS[n])
        if n == 4 and own:
            heading(OWN_HEADING, marked=own == "alike")
            document.add_paragraph(OWN_TEXT)
    write_signoff(document)
    document.save(path)
    return path


def test_bold_titles_led_by_one_symbol_bullet_are_the_items_by_their_count_and_texts(tmp_path):
    """Six bold titles each led by the same arrow symbol, words the outline's nowhere: the bullet
    sets them apart as one level as a heading style would, six for six items, each text speaking
    its item: the items, with the phrases or without (they were no section at all)."""
    path = symbol_arrow_report(tmp_path / "bao-cao.docx")
    assert read_docx(path).blocks[5].text.startswith("\uf0d8 ")
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        assert {s.number: s.text for s in report.sections} == TEXTS
        assert [s.heading for s in report.sections] == [f"\uf0d8 {t}" for t in CRAFTS.values()]


def test_a_title_set_as_the_symbol_led_ones_but_without_the_symbol_is_the_missing_item(tmp_path):
    """Pool 52's Hà Tĩnh: five bold titles led by the arrow, white on a dark shading, and at item
    3's place one as bold, white and shaded but without the arrow (broken over two lines by hand):
    the same look at an item's place is the same rank, the sixth heading. Item 2 had been left
    empty, its text taken for item 3's."""
    path = symbol_arrow_report(tmp_path / "bao-cao.docx", unbulleted=3)
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        assert {s.number: s.text for s in report.sections} == TEXTS, outline is WITHOUT_PHRASES
        assert report.sections[2].heading.replace("\n", " ") == CRAFTS[3]


def test_the_one_symbol_led_title_marked_otherwise_is_the_provinces_own(tmp_path):
    """Seven such titles, the one between items 4 and 5 bold but not in the items' colour and
    highlight: the province's own heading, its text in no item. Seven alike tell no title apart
    by their count: no section is guessed."""
    report = read(symbol_arrow_report(tmp_path / "plain.docx", own="plain"))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert all(OWN_TEXT not in s.text for s in report.sections)
    assert read(symbol_arrow_report(tmp_path / "alike.docx", own="alike")).sections == ()


def test_a_bullet_ladder_labelled_by_a_count_in_words_is_its_labels_wherever_it_starts_whatever_the_mark():
    """"® Nội dung thứ tư: …", "® Nội dung thứ năm: …": the label in words numbers the ladder,
    counting on by one from where the ladder starts (its first headings may be missing or read
    otherwise), the bullet typed or a picture OCR read as a mark."""
    def labelled(counts: list[str], mark: str = "®") -> set[int]:
        lines = []
        for count in counts:
            lines += [f"{mark} Nội dung thứ {count}: Tiêu đề của tỉnh", "Nội dung của mục."]
        return ladder(lines)

    assert labelled(["tư", "năm", "sáu"]) == set()
    assert labelled(["hai", "ba", "tư", "năm", "sáu"], mark="❖") == set()
    assert labelled(["hai", "tư", "năm"]) == {0, 2, 4}  # not counting on by one: the bullet's ladder


def test_headings_counted_in_words_behind_marks_ocr_read_differently_are_one_ladder(tmp_path):
    """Pool 49's Bắc Giang scan: item 1's heading missing (its text right after the preamble),
    the others "Nội dung thứ hai: …" to "… thứ sáu: …" over the province's own words behind a
    picture bullet OCR read as "®&_", "$_", "®_", "®": the bullets read alike took items 4-6 for
    a ladder of their own, items 2 and 3 another; no section was found without the phrases."""
    marks = {2: "®&_", 3: "$_", 4: "®_", 5: "®", 6: "®"}
    lines = [TEXTS[1]]
    for n in range(2, 7):
        lines += [Bold(f"{marks[n]} Nội dung thứ {ORDINAL_WORDS[n - 1]}: {CRAFTS[n]}"), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_typed_bullet_read_with_a_speck_before_it_is_of_its_ladder():
    """"Í* Bao muối…" among "* …" titles on a scan: a speck OCR read glued before the bullet. It
    joins the ladder its bullet is of; alone it makes none."""
    lines = []
    for k, mark in enumerate(["*", "*", "Í*", "*"]):
        lines += [f"{mark} Tiêu đề của tỉnh số {k}", "Nội dung của mục."]
    assert ladder(lines) == {0, 2, 4, 6}
    assert ladder(["Í* Tiêu đề", "Nội dung.", "Í* Tiêu đề", "Nội dung.", "Í* Tiêu đề", "Nội dung."]) == set()
    # a digit before the mark is a picture bullet's body read so ("4® Nội dung thứ tư: …", pool 48's
    # Kon Tum): no speck, and no third line to make a ladder of two "®" lines
    assert ladder(["® Tiêu đề", "Nội dung.", "® Tiêu đề", "Nội dung.", "4® Tiêu đề", "Nội dung."]) == set()


def test_bulleted_titles_after_item_1_left_without_a_heading_are_items_2_to_6(tmp_path):
    """Pool 50's Tây Ninh scan: item 1's text right after the preamble, items 2 to 6 under bold
    "* …" titles of the province's own words, one read "Í* …": five bulleted titles and the
    untitled text before them are the six items, by the document's structure (no section was
    found without the phrases, none right with them)."""
    lines = [TEXTS[1]]
    for n in range(2, 7):
        lines += [Bold(f"{'Í*' if n == 4 else '*'} {CRAFTS[n]}"), TEXTS[n]]
    path = build_lines(tmp_path / "bao-cao.docx", tuple(lines))
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        assert {s.number: s.text for s in report.sections} == TEXTS
