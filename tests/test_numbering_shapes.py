"""Numbering written in the shapes provinces use besides "I." and "1.": "1.-", "(1)",
"[1]", "I/", "1/", "1.0", "Điều 1.", "Nội dung 1:", "Câu 1.". Each is a numbering label: its lines make
one heading level, and its numbers count, so six headings whose words share nothing with
the outline are still the six items, and the same shape one level deeper ("2.1.-") is a
sub-heading inside its item.
"""

import dataclasses

import pytest
from docx_builders import Bold, build_lines

from baocao.campaign import load_campaign
from baocao.parse.docx import read_docx
from baocao.parse.labels import label_ordinal, label_shape, leading_label, page_mark, relabelled, strip_label
from baocao.parse.sections import extract_sections

WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
UNKNOWN = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
SHAPES = {  # a shape: how the item numbered n is labelled
    "dot dash": lambda n: f"{n}.-",
    "parenthesised": lambda n: f"({n})",
    "bracketed": lambda n: f"[{n}]",  # a number in square brackets, as references are numbered
    "Roman slash": lambda n: f"{'I II III IV V VI'.split()[n - 1]}/",
    "Arabic slash": lambda n: f"{n}/",
    "decimal zero": lambda n: f"{n}.0",
    "Điều": lambda n: f"Điều {n}.",
    "Nội dung": lambda n: f"Nội dung {n}:",
    "Câu": lambda n: f"Câu {n}.",  # a questionnaire answered
    "stop read twice": lambda n: f"{n}..",  # OCR took a speck after the stop for a second one
    "Unicode Roman": lambda n: f"{'ⅠⅡⅢⅣⅤⅥ'[n - 1]}.",  # Unicode's numeral characters, U+2160-216B
}


def body(n):
    return f"Nội dung báo cáo của mục {n} của tỉnh."


@pytest.mark.parametrize("shape", SHAPES)
def test_a_label_of_each_shape_is_read_with_its_number(shape):
    label = SHAPES[shape](4)
    assert leading_label(f"{label} Tiền bạc") == label
    assert label_ordinal(label) == 4
    assert strip_label(f"{label} Tiền bạc") == "Tiền bạc"
    assert label_shape(label) == label_shape(SHAPES[shape](1))


def test_a_unicode_numeral_s_next_label_is_written_in_unicode_numerals():
    """The label a ladder of "Ⅰ.", "Ⅱ." expects where one is missing is "Ⅲ.", as it writes it."""
    assert relabelled("Ⅱ.", 3) == "Ⅲ." and relabelled("ⅳ)", 5) == "ⅴ)"


def test_a_number_s_stop_read_twice_is_the_number_s_own_shape():
    """"1. …" then "2.. …": one ladder, as the province wrote it."""
    assert label_shape("2..") == label_shape("1.")
    assert leading_label("2...5 Tiền bạc") == ""


@pytest.mark.parametrize("shape", SHAPES)
def test_headings_numbered_in_each_shape_are_the_six_items(tmp_path, shape):
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{SHAPES[shape](n)} {words}"), body(n)]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {n: body(n) for n in UNKNOWN}


def test_a_bracketed_heading_written_again_over_its_continuation_keeps_its_item_whole(tmp_path):
    """"[1] … (tiếp theo)" after a page of item 1: the same label and words again are no
    heading of their own, so item 1's text runs on under it and item 2 is still "[2]"."""
    lines = [Bold(f"[1] {UNKNOWN[1]}"), body(1), Bold(f"[1] {UNKNOWN[1]} (tiếp theo)"), "Phần còn lại của mục 1."]
    for n, words in list(UNKNOWN.items())[1:]:
        lines += [Bold(f"[{n}] {words}"), body(n)]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {
        1: f"{body(1)}\nPhần còn lại của mục 1.", **{n: body(n) for n in list(UNKNOWN)[1:]}}


def test_a_dot_dash_label_one_level_deeper_is_a_sub_heading_of_its_item(tmp_path):
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{n}.- {words}"), body(n), Bold(f"{n}.1.- Phần việc thứ nhất"), "Chi tiết."]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {
        n: f"{body(n)}\n{n}.1.- Phần việc thứ nhất\nChi tiết." for n in UNKNOWN}


@pytest.mark.parametrize("line", ["- 2 -", "– 3 –", "-4-", "Trang 2", "TRANG 2/5", "Page 3 of 9"])
def test_a_page_s_number_between_dashes_or_after_the_word_page_is_a_page_mark(line):
    assert page_mark(line)


@pytest.mark.parametrize("line", ["2", "2.", "II", "- Về nguồn lực:", "- 2 đô thị thí điểm", "Trang thông tin điện tử"])
def test_a_label_alone_or_a_dashed_line_of_text_is_no_page_mark(line):
    assert not page_mark(line)


def test_a_number_with_a_decimal_part_is_still_a_figure_not_a_label():
    assert leading_label("15.5% dân số đã dùng dịch vụ") == ""
    assert label_shape("1.1") == label_shape("2.3.") != label_shape("2.0")


@pytest.mark.parametrize("number", ["1", "I."])
def test_a_heading_typed_as_a_table_row_of_number_and_title_opens_its_item(tmp_path, number):
    """Each heading a table of one row ("1 | Những bước làm quen"), its text in paragraphs below."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        label = str(n) if number == "1" else f"{'I II III IV V VI'.split()[n - 1]}."
        row = document.add_table(rows=1, cols=2).rows[0]
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(words).bold = True
        document.add_paragraph(body(n))
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = extract_sections(read_docx(tmp_path / "bao-cao.docx"), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {n: body(n) for n in UNKNOWN}
    assert report.sections[0].heading.endswith(UNKNOWN[1])


def test_a_heading_with_its_text_run_in_after_a_colon_gives_that_text_to_its_item(tmp_path):
    """"1. Những bước làm quen: a) Kết quả: …" on one line: the title is the heading, the rest the item's first line."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [f"{n}. {words}: a) Kết quả: tỉnh đã làm xong việc thứ {n} của năm.", body(n)]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {
        n: f"a) Kết quả: tỉnh đã làm xong việc thứ {n} của năm.\n{body(n)}" for n in UNKNOWN}
    assert report.sections[0].heading == f"1. {UNKNOWN[1]}:"


def test_a_heading_with_a_short_subtitle_after_its_colon_keeps_it():
    from baocao.parse.sections import _run_in

    assert _run_in("IV. Kinh phí: nguồn vốn") == ("IV. Kinh phí: nguồn vốn", "")
    assert _run_in("Nội dung 1: Các hệ thống, phần mềm") == ("Nội dung 1: Các hệ thống, phần mềm", "")


def test_question_numbers_are_the_items_when_nothing_else_marks_the_headings(tmp_path):
    """A questionnaire answered on a scan: "Câu 1. …" lines in the body's weight (coloured
    on paper, grey on the copy): only the word and its number tell the headings."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [f"Câu {n}. {words}", body(n)]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {n: body(n) for n in UNKNOWN}


def test_a_letter_s_next_label_after_a_label_word_is_the_next_letter():
    """The label a ladder of "Phần A:", "Phần B:" expects where one is missing is "Phần C:"."""
    assert relabelled("Phần B:", 3) == "Phần C:" and relabelled("Mục d)", 5) == "Mục e)"
