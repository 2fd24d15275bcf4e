"""Forms of the answer the reader knows by their structure, not their words: the whole
answer one table with a row an item ("STT | Nội dung | Kết quả thực hiện"), a ladder
numbered "1:" or "1-", a heading in a box of one cell right after another table. Read
with every `phrases` list empty, as a new campaign reads on its first day.
"""


import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import Bold, add_table, build_lines, roman, write_letterhead, write_signoff
from test_heading_layouts import TEXTS, UNKNOWN, read  # headings in words of their own, texts in their items' words

from baocao.parse.docx import read_docx
from baocao.parse.labels import label_ordinal, label_shape, leading_label, strip_label
from baocao.parse.sections import _covering_sentence, _leading_text, _quoted_outline


def one_table_report(path, summary_then_headings: bool = False, two_columns: bool = False):
    """The answer as one table, "STT | Nội dung | Kết quả", a row an item (with
    `two_columns`, "Nội dung | Kết quả", the number in the title's cell); or, with
    `summary_then_headings`, such a table summing the items up in a few words, then the
    items written out under headings of their own."""
    document = docx.Document()
    write_letterhead(document)
    if two_columns:
        rows = [("Nội dung", "Kết quả thực hiện")] + [(f"{n}. {words}", TEXTS[n]) for n, words in UNKNOWN.items()]
    elif summary_then_headings:
        rows = [("TT", "Nội dung", "Tóm tắt")] + [
            (str(n), words, f"Đã làm phần {n} xong") for n, words in UNKNOWN.items()]
    else:
        rows = [("STT", "Nội dung (theo đề cương)", "Kết quả thực hiện")] + [
            (str(n), words, TEXTS[n]) for n, words in UNKNOWN.items()]
    add_table(document, rows)
    if summary_then_headings:
        for n, words in UNKNOWN.items():
            document.add_paragraph().add_run(f"{n}. {words}").bold = True
            document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_a_report_written_as_one_table_a_row_an_item_is_cut_by_its_rows(tmp_path):
    report = read(one_table_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[0].heading == f"1. {UNKNOWN[1]}"
    assert "Kết quả thực hiện" in report.letterhead  # the table's header row is no item's


def test_a_one_table_answer_under_a_title_in_a_heading_style_is_cut_by_its_rows(tmp_path):
    document = docx.Document()
    write_letterhead(document, title_style="Heading 1")
    add_table(document, [("STT", "Nội dung", "Kết quả")] + [(str(n), words, TEXTS[n]) for n, words in UNKNOWN.items()])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in read(tmp_path / "bao-cao.docx").sections} == TEXTS


def test_in_a_one_table_answer_an_item_with_a_short_text_is_still_a_row_of_its_own(tmp_path):
    """Item 4 answered "Không." (shorter than its title): its row is still its item's,
    not a line of item 3's text."""
    document = docx.Document()
    write_letterhead(document)
    add_table(document, [("STT", "Nội dung", "Kết quả")] + [
        (str(n), words, "Không." if n == 4 else TEXTS[n]) for n, words in UNKNOWN.items()])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == {**TEXTS, 4: "Không."}


def test_a_table_of_two_columns_the_numbered_title_and_the_text_is_cut_by_its_rows(tmp_path):
    report = read(one_table_report(tmp_path / "bao-cao.docx", two_columns=True))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[3].heading == f"4. {UNKNOWN[4]}"


def test_a_table_summing_the_items_up_before_they_are_written_out_is_not_the_answer(tmp_path):
    report = read(one_table_report(tmp_path / "bao-cao.docx", summary_then_headings=True))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_numbered_table_of_figures_inside_an_item_is_no_outline(tmp_path):
    """Rows "1 | Camera giám sát | 6.400 | NSĐP": a number, a name and figures shorter than it."""
    figures = (("TT", "Hạng mục", "Giá trị", "Nguồn"), ("1", "Trung tâm giám sát, điều hành", "15.110", "NSĐP"),
               ("2", "Hệ thống camera giám sát", "6.400", "NSĐP"), ("3", "Nền tảng dữ liệu mở", "9.480", "Xã hội hóa"))
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_paragraph().add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
        if n == 4:
            add_table(document, figures)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert "Nền tảng dữ liệu mở | 9.480" in report.sections[3].text


# A table of figures whose first column is a numbered list, its other cells longer than the
# list's titles: each row reads as a numbered title and a text, as a one-table answer's would.
FIGURES = (("Lĩnh vực", "Chỉ tiêu", "Kết quả"),
           ("1. Hạ tầng số", "Camera giám sát đã kết nối về Trung tâm", "116 camera"),
           ("2. Dữ liệu", "Cơ sở dữ liệu dùng chung đã chia sẻ", "45 cơ sở dữ liệu"),
           ("3. Dịch vụ công", "Hồ sơ nộp trực tuyến toàn trình", "76%"),
           ("4. Người dân", "Tài khoản đăng ký trên ứng dụng công dân số", "424.600 tài khoản"))
FIGURES_INTRO = "Một số chỉ tiêu chủ yếu của tỉnh đến ngày 30/4/2022:"


@pytest.mark.parametrize("mark", ["bullet", "lead"])
def test_a_numbered_table_inside_an_item_under_headings_with_no_number_is_the_item_s_text(tmp_path, mark):
    """Item 2 ends with a table whose first column is a numbered list ("1. Hạ tầng số | Camera
    … | 116 camera"), under headings that carry no number: a bullet ("❖ Toàn cảnh") or a bold
    lead run into the text ("Toàn cảnh: Kể từ sau…"). They are a ladder of headings, one of
    them before the table: the table is inside an item, its rows that item's text, not the
    report's answer a row an item."""
    from test_heading_layouts import WITHOUT_PHRASES

    document = docx.Document()
    write_letterhead(document)
    # A bullet alone makes a ladder that the outline's words must confirm: the outline's own headings.
    titles = {s.number: s.heading for s in WITHOUT_PHRASES} if mark == "bullet" else UNKNOWN
    for n, words in titles.items():
        if mark == "bullet":
            document.add_paragraph().add_run(f"❖ {words}").bold = True
            document.add_paragraph(TEXTS[n])
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{words}:").bold = True
            paragraph.add_run(f" {TEXTS[n]}")
        if n == 2:
            document.add_paragraph(FIGURES_INTRO)
            add_table(document, FIGURES)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    rows = "\n".join(" | ".join(row) for row in FIGURES)
    assert {s.number: s.text for s in report.sections} == {**TEXTS, 2: f"{TEXTS[2]}\n{FIGURES_INTRO}\n{rows}"}


def test_a_number_separated_by_a_colon_or_a_dash_is_a_label_of_its_own_ladder():
    for line, label, shape in (("1: Các phần việc đi trước", "1:", "1:"), ("3- Tuyên truyền", "3-", "1-"),
                               ("12 - Kết quả", "12 -", "1-"), ("2 – Những việc", "2 –", "1-")):
        assert leading_label(line) == label
        assert label_shape(label) == shape
        assert label_ordinal(label) == int(label.rstrip(":-– "))
    assert strip_label("4: Kinh phí") == "Kinh phí"
    # Every numeral kind takes the separators of a ladder: "a/", "b/" as "a)", "b)".
    for line, label, shape, value in (("a/ Về hạ tầng số", "a/", "a/", 1), ("c/ Đối với Bộ", "c/", "a/", 3),
                                      ("II) Kết quả", "II)", "I)", 2), ("iii. Kinh phí", "iii.", "i.", 3)):
        assert (leading_label(line), label_shape(label), label_ordinal(label)) == (label, shape, value)
    # A scale, a span of numbers, a time: no label.
    for line in ("1:500 bản đồ quy hoạch", "2 - 3 năm tới", "10: 30 giờ sáng", "2018 - 2022 là giai đoạn"):
        assert leading_label(line) == ""


def test_headings_numbered_with_a_colon_or_a_dash_open_their_items(tmp_path):
    for mark in (":", "-"):
        lines = []
        for n, words in UNKNOWN.items():
            lines += [Bold(f"{n}{mark} {words}"), TEXTS[n]]
        report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
        assert {s.number: s.text for s in report.sections} == TEXTS, mark


def test_a_heading_in_a_box_right_after_another_table_is_still_a_box_of_its_own(tmp_path):
    """A table ends item 2 and the next heading is a one-cell box: an empty paragraph
    between the two tables keeps them apart (Word would join two tables touching)."""
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
        if n == 2:
            add_table(document, (("STT", "Nền tảng", "Đơn vị"), ("1", "Camera", "Công an tỉnh")))
            document.add_paragraph()
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[2].heading == f"3. {UNKNOWN[3]}"
    assert report.sections[2].text == TEXTS[3]


def test_a_body_framed_in_one_table_cell_is_read_as_its_paragraphs(tmp_path):
    """The whole body, the six headings, their texts and a table of item 2, typed inside
    the one cell of a framing table: the cell is a frame, its paragraphs the report's
    lines, not one table row holding every item."""
    document = docx.Document()
    write_letterhead(document)
    frame = document.add_table(rows=1, cols=1).rows[0].cells[0]
    frame.paragraphs[0].add_run(f"1. {UNKNOWN[1]}").bold = True
    for n, words in UNKNOWN.items():
        if n > 1:
            frame.add_paragraph().add_run(f"{n}. {words}").bold = True
        frame.add_paragraph(TEXTS[n])
        if n == 2:
            add_table(frame, (("STT", "Nền tảng", "Đơn vị"), ("1", "Camera", "Công an tỉnh")))
            frame.add_paragraph()
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[2].heading == f"3. {UNKNOWN[3]}"
    assert {n: s.text for n, s in enumerate(report.sections, 1) if n != 2} == {
        n: text for n, text in TEXTS.items() if n != 2}
    assert report.sections[1].text.startswith(TEXTS[2]) and "Camera" in report.sections[1].text


ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu")


@pytest.mark.parametrize(("label", "fmt"), [
    ("number", "docx"),
    ("words", "docx"),   # "Yêu cầu thứ ba: …", a label in words before its colon
    ("words", "doc"),    # saved as .doc (or .odt): LibreOffice's conversion back keeps the table
    ("letter", "rtf"),   # "Phần C: …", a label of a shape of its own its ladder tells, from an .rtf
])
def test_an_item_heading_in_a_left_cell_beside_its_text_is_read_as_a_heading(tmp_path, label, fmt):
    """Item 3's heading typed in the left cell of a one-row table, its first paragraph in
    the right cell, the rest of its text after the table: the heading starts item 3 and
    the right cell's text is item 3's, not item 2's. Its label may be a number or words
    ("Yêu cầu thứ ba:"), or of a shape of its own ("Phần C:"), as the other headings'."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    def heading(n):
        if label == "letter":
            return f"Phần {'ABCDEF'[n - 1]}: {UNKNOWN[n]}"
        return f"{n}. {UNKNOWN[n]}" if label == "number" else f"Yêu cầu thứ {ORDINALS[n - 1]}: {UNKNOWN[n]}"

    document = docx.Document()
    write_letterhead(document)
    for n in UNKNOWN:
        first, rest = f"Phần mở đầu của mục {n}, viết dài hơn tiêu đề của mục này nhiều.", TEXTS[n]
        if n == 3:
            row = document.add_table(rows=1, cols=2).rows[0]
            row.cells[0].paragraphs[0].add_run(heading(n)).bold = True
            row.cells[1].text = first
        else:
            document.add_paragraph().add_run(heading(n)).bold = True
            document.add_paragraph(first)
        document.add_paragraph(rest)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    path = tmp_path / "bao-cao.docx"
    if fmt != "docx":
        path = convert_to_docx(soffice_convert(path, fmt, tmp_path / fmt), tmp_path / "back")
    report = read(path)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[2].heading == heading(3)
    assert report.sections[2].text.startswith("Phần mở đầu của mục 3") and TEXTS[3] in report.sections[2].text
    assert "mục 3" not in report.sections[1].text


def number_in_circle(paragraph, n: int) -> None:
    """The item's number drawn in an oval in line in front of its title, as Word draws a shape
    holding text (a text box inside it), only the title typed after it."""
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    oval = parse_xml(f'<w:r {nsdecls("w")} {vml}><w:pict><v:oval style="width:8mm;height:8mm"><v:textbox>'
                     f'<w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{n}</w:t></w:r></w:p></w:txbxContent>'
                     '</v:textbox></v:oval></w:pict></w:r>')
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, oval)


def test_a_number_drawn_in_a_circle_in_front_of_a_title_is_its_label(tmp_path):
    """Each item heading's number drawn in an oval in front of its bold title, item 3's
    heading in the left cell of a table beside its first paragraph: the numbers are the
    headings' ladder, "3 Lan tỏa" a heading beside its text as "3. Lan tỏa" is."""
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        first = f"Phần mở đầu của mục {n}, viết dài hơn tiêu đề của mục này nhiều."
        if n == 3:
            row = document.add_table(rows=1, cols=2).rows[0]
            heading = row.cells[0].paragraphs[0]
            row.cells[1].text = first
        else:
            heading = document.add_paragraph()
            document.add_paragraph(first)
        heading.add_run(words).bold = True
        number_in_circle(heading, n)
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.heading for s in report.sections] == [f"{n} {words}" for n, words in UNKNOWN.items()]
    assert report.sections[2].text.startswith("Phần mở đầu của mục 3") and TEXTS[3] in report.sections[2].text


def test_headings_chosen_in_drop_down_form_fields_open_their_items(tmp_path):
    """A report typed into a protected form, each item's heading the entry chosen in a legacy
    drop-down form field (FORMDROPDOWN, its first entry the template's prompt), no text in the
    heading's paragraph but the field: the headings Word shows open their items."""
    prompt = "- Chọn tiêu đề mục -"
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        entries = "".join(f'<w:listEntry w:val="{entry}"/>' for entry in (prompt, f"Hạng mục {n}: {words}"))
        marks = [f'<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="TieuDe{n}"/><w:enabled/>'
                 f'<w:ddList><w:result w:val="1"/>{entries}</w:ddList></w:ffData></w:fldChar>',
                 '<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText>', '<w:fldChar w:fldCharType="end"/>']
        document.add_paragraph()._p.extend(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr>{mark}</w:r>')
                                           for mark in marks)
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.heading for s in report.sections] == [f"Hạng mục {n}: {words}" for n, words in UNKNOWN.items()]
    assert all(TEXTS[s.number] in s.text for s in report.sections)


def contents_report(path, page_numbers: bool = True, field: bool = False, styled: bool = False):
    """A table of contents under the title: "MỤC LỤC", then each heading again, after a
    dotted leader its page (or, with `page_numbers` False, the headings alone); with
    `field`, inside a Word TOC field as Word writes one. The headings and texts follow,
    in bold or (`styled`) in the style Heading 1."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    document = docx.Document()
    write_letterhead(document, intro=False)
    document.add_paragraph().add_run("MỤC LỤC").bold = True
    for n, words in UNKNOWN.items():
        entry = document.add_paragraph()
        entry.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if field and n == 1:
            entry._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
            entry._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'))
            entry._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
        entry.add_run(f"{n}. {words}" + (f"\t{1 + n // 2}" if page_numbers else ""))
        if field and n == len(UNKNOWN):
            entry._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    document.add_paragraph("Thực hiện văn bản số 1683/BXD-PTDT, UBND tỉnh báo cáo như sau:")
    for n, words in UNKNOWN.items():
        if styled:
            document.add_paragraph(f"{n}. {words}", style="Heading 1")
        else:
            document.add_paragraph().add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_a_table_of_contents_is_neither_text_nor_headings(tmp_path):
    for page_numbers, field, styled in ((True, False, False), (True, True, True), (False, False, False),
                                        (True, False, True), (False, False, True)):
        report = read(contents_report(tmp_path / "bao-cao.docx", page_numbers, field, styled))
        assert {s.number: s.text for s in report.sections} == TEXTS, (page_numbers, field, styled)
        assert [s.heading for s in report.sections] == [f"{n}. {words}" for n, words in UNKNOWN.items()]


def test_a_table_of_numbered_titles_and_texts_inside_the_last_item_is_no_outline(tmp_path):
    """The plans issued, "1 | Kế hoạch số … | Về triển khai …", in the last item: headings
    stand before the table, so it is part of an item, not the answer."""
    plans = (("STT", "Văn bản", "Trích yếu"),
             ("1", "Kế hoạch số 56/KH-UBND", "Về triển khai Đề án phát triển đô thị thông minh trên địa bàn tỉnh"),
             ("2", "Quyết định số 12/QĐ-UBND", "Về thành lập Ban chỉ đạo chuyển đổi số của tỉnh và quy chế hoạt động"),
             ("3", "Công văn số 88/UBND-KT", "Về việc đề nghị Bộ Xây dựng hướng dẫn bộ tiêu chí đô thị thông minh"))
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_paragraph().add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
    add_table(document, plans)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[5].text.startswith(TEXTS[6])
    assert "Kế hoạch số 56/KH-UBND" in report.sections[5].text


def annex_report(path, broken_row: bool = False):
    """A one-sentence letter sending the answers in an annex: the closing and the signature,
    then "PHỤ LỤC" and the answers as one table, a row an item; with `broken_row`, item 5's
    text carried on in a row of its own, its number and title cells empty (a table broken
    over a page)."""
    document = docx.Document()
    write_letterhead(document)
    document.add_paragraph("Kết quả thực hiện từng nội dung, tỉnh báo cáo chi tiết tại Phụ lục kèm theo.")
    write_signoff(document)
    document.add_paragraph().add_run("PHỤ LỤC").bold = True
    document.add_paragraph("(Kèm theo Báo cáo số 123/BC-UBND ngày 27/5/2022)")
    rows = [("STT", "Nội dung", "Kết quả thực hiện")]
    for n, words in UNKNOWN.items():
        if broken_row and n == 5:
            first, _, rest = TEXTS[n].partition(" về ")
            rows += [(str(n), words, first), ("", "", f"về {rest}")]
        else:
            rows.append((str(n), words, TEXTS[n]))
    add_table(document, rows)
    document.save(path)
    return path


def test_answers_in_an_annex_table_after_the_signature_are_cut_by_its_rows(tmp_path):
    """The letter before the closing answers nothing: the items are the annex table's rows,
    found by their numbers and their alignment with the outline, wherever the table sits."""
    report = read(annex_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[0].heading == f"1. {UNKNOWN[1]}"
    assert "Phụ lục kèm theo" in report.letterhead
    assert report.signoff.startswith("Trên đây là báo cáo")  # the letter's closing, its date and signature


def test_a_row_with_no_number_nor_title_carries_on_the_item_above_it(tmp_path):
    report = read(annex_report(tmp_path / "bao-cao.docx", broken_row=True))
    first, _, rest = TEXTS[5].partition(" về ")
    assert {s.number: s.text for s in report.sections} == {**TEXTS, 5: f"{first}\nvề {rest}"}


def test_in_a_table_of_two_columns_a_row_with_an_empty_title_cell_carries_on_the_item_above_it(tmp_path):
    """"Nội dung | Kết quả", the number in the title's cell, and item 5's text broken over a
    page: its rest in a row of its own whose title cell is empty. That row is item 5's text,
    without the empty cell's mark, not a table row left in it."""
    first, _, rest = TEXTS[5].partition(" về ")
    document = docx.Document()
    write_letterhead(document)
    rows = [("Nội dung", "Kết quả thực hiện")]
    for n, words in UNKNOWN.items():
        rows += [(f"{n}. {words}", first), ("", f"về {rest}")] if n == 5 else [(f"{n}. {words}", TEXTS[n])]
    add_table(document, rows)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == {**TEXTS, 5: f"{first}\nvề {rest}"}


def test_the_outline_quoted_as_a_table_before_the_answers_is_neither_text_nor_the_answer(tmp_path):
    """The ministry's outline pasted as a table ("TT | Nội dung đề nghị báo cáo", a row an
    item, no answer in it), then "… báo cáo từng nội dung như sau:" and the answers under
    headings of the province's own words: the table is a quotation, not item 1's untitled
    text, and the headings after it are the items."""
    from test_heading_layouts import WITHOUT_PHRASES

    document = docx.Document()
    write_letterhead(document)
    document.add_paragraph("Các nội dung Bộ đề nghị báo cáo (trích Phụ lục kèm theo văn bản của Bộ):")
    add_table(document, [("TT", "Nội dung đề nghị báo cáo")] + [(str(s.number), s.heading) for s in WITHOUT_PHRASES])
    document.add_paragraph("UBND tỉnh báo cáo từng nội dung như sau:")
    for n, words in UNKNOWN.items():
        document.add_paragraph().add_run(f"{roman(n)}. {words.upper()}").bold = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[0].heading == f"I. {UNKNOWN[1].upper()}"
    # The table is known as the outline quoted, and with the lines that open and close it, no
    # untitled text the alignment could take for item 1 (where the headings' words hint less
    # than these texts do, that text shifted every heading one item down).
    blocks = read_docx(tmp_path / "bao-cao.docx").blocks
    quoted, headings = _quoted_outline(blocks, WITHOUT_PHRASES, ocr=False)
    rows = [pos for pos, block in enumerate(blocks) if block.kind == "table_row" and block.text[:1].isdigit()]
    assert len(rows) == 6 and set(rows) <= quoted
    assert _leading_text(blocks, _covering_sentence(blocks), headings[0].first, quoted) is None


def test_a_heading_row_touching_an_items_table_is_still_a_heading_of_its_own(tmp_path):
    """Each heading typed as a one-row table of two borderless cells ("3." | its title), and
    item 3's text a table of the plans issued, written right under its heading's row and
    right over item 4's, no paragraph between: three tables touching, still three tables,
    so the two heading rows are headings, not rows of the plans' table."""
    plans = (("TT", "Văn bản", "Trích yếu"), ("1", "Kế hoạch số 12/KH-UBND ngày 02/3/2020", "Triển khai Đề án"),
             ("2", "Quyết định số 34/QĐ-UBND ngày 05/6/2020", "Thành lập tổ giúp việc"))
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        add_table(document, ((f"{n}.", words),))
        if n == 3:
            add_table(document, plans)
        else:
            document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[2].heading == f"3. {UNKNOWN[3]}"
    assert report.sections[2].text.splitlines()[-1] == " | ".join(plans[-1])
    assert report.sections[3].text == TEXTS[4]


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_items_asked_in_a_requirement_table_are_headings_over_their_answers(tmp_path, fmt):
    """Items 2 and 3 asked in the left cells of a table, "Nội dung yêu cầu | Kết quả thực hiện"
    over them, each answered in the right cell in paragraphs of its own, the other items
    headings in the body: each left cell is its item's heading, the right cell its text, and
    the header row no item's text. Printed to PDF, item 3's row runs over a page break: the
    rest of its right cell on the next page is its text too."""
    from ocr_builders import soffice_convert
    from test_heading_layouts import read_printed

    from baocao.parse.convert import convert_to_docx

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        if n in (2, 3):
            if n == 2:
                table = document.add_table(rows=1, cols=2)
                table.style = "Table Grid"  # ruled, as such tables are: a PDF's rules draw it
                header = table.rows[0].cells
                header[0].paragraphs[0].add_run("Nội dung yêu cầu").bold = True
                header[1].paragraphs[0].add_run("Kết quả thực hiện").bold = True
            row = table.add_row().cells
            row[0].paragraphs[0].add_run(f"{n}. {words}").bold = True
            row[1].text = f"Phần mở đầu của mục {n}, viết dài hơn tiêu đề của mục này nhiều."
            if n == 3 and fmt == "pdf":  # a paragraph long enough to run over a page
                row[1].add_paragraph(" ".join(f"Câu {k} của phần giữa mục {n}, viết cho kín dòng." for k in range(80)))
            row[1].add_paragraph(TEXTS[n])
            continue
        document.add_paragraph().add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    path = tmp_path / "bao-cao.docx"
    document.save(path)
    if fmt == "odt":
        path = convert_to_docx(soffice_convert(path, fmt, tmp_path / fmt), tmp_path / "back")
    report = read_printed(path, tmp_path) if fmt == "pdf" else read(path)
    assert [s.heading for s in report.sections] == [f"{n}. {words}" for n, words in UNKNOWN.items()]
    texts = [" ".join(s.text.split()) for s in report.sections]  # a PDF's lines wrap where its page does
    assert all(text.endswith(TEXTS[n]) for n, text in enumerate(texts, 1))
    assert texts[1].startswith("Phần mở đầu của mục 2") and "mục 3" not in texts[1]
    assert texts[2].startswith("Phần mở đầu của mục 3") and "mục 3" not in texts[3]
    assert "Nội dung yêu cầu" not in texts[0] and "|" not in texts[2]  # nor a row's rest on the next page a row


def test_a_bold_heading_after_a_line_break_in_the_paragraph_before_starts_its_item(tmp_path):
    """Each heading after the first typed after a line break at the end of the item before's
    last paragraph (Shift+Enter, then the title in bold): Word shows it as a line of its own,
    a heading, not as the end of the text before it."""
    document = docx.Document()
    write_letterhead(document)
    document.add_paragraph().add_run(f"1. {UNKNOWN[1]}").bold = True
    for n in UNKNOWN:
        last = document.add_paragraph(TEXTS[n])
        if n < 6:
            last.add_run().add_break()
            last.add_run(f"{n + 1}. {UNKNOWN[n + 1]}").bold = True
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert [s.heading for s in report.sections] == [f"{n}. {words}" for n, words in UNKNOWN.items()]
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_bold_line_after_a_line_break_in_a_bold_heading_stays_the_heading(tmp_path):
    """A heading written on two lines (a line break inside it, both lines bold) is one
    heading: only a bold line after a line that is not is set apart."""
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        heading = document.add_paragraph()
        heading.add_run(f"{n}. {words}").bold = True
        if n == 2:
            heading.add_run().add_break()
            heading.add_run("của tỉnh").bold = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert report.sections[1].heading == f"2. {UNKNOWN[2]} của tỉnh"
    assert {s.number: s.text for s in report.sections} == TEXTS
