"""Structure first: a report's headings are read as a ladder, the level that carries the
outline is chosen, and its headings are aligned with the outline as a sequence (words,
order and numbers together), so that items are found whatever the province called them.

Most reports here use wordings that share no word with the outline's headings or the
campaign's phrases (`UNKNOWN`, checked below): only their places can find them.
"""

import dataclasses
import re

import pytest
from docx_builders import INTRO, Bold, build_lines

from baocao.campaign import load_campaign
from baocao.parse.alignment import Evidence, align, joints_as_and, likeness, two_parts
from baocao.parse.document import Block, Document
from baocao.parse.docx import read_docx
from baocao.parse.labels import misread_roman
from baocao.parse.sections import _without_continued_headings, extract_sections
from baocao.text import fold

OUTLINE = load_campaign().sections
WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in OUTLINE)

# Item n's heading in words no outline heading or phrase has.
UNKNOWN = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
# Item n's heading in the outline's own words.
KNOWN = {
    1: "Các nội dung công việc đã triển khai trước khi Đề án 950 được ban hành",
    2: "Thông tin chung về triển khai đô thị thông minh",
    3: "Công tác tuyên truyền, ban hành kế hoạch hành động",
    4: "Kinh phí thực hiện",
    5: "Khó khăn, vướng mắc",
    6: "Đề xuất, kiến nghị",
}
OWN_HEADING = "Phương hướng, nhiệm vụ thời gian tới"
OWN_TEXT = "Năm 2023, tỉnh tiếp tục mở rộng Trung tâm IOC."
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def body(n):
    """Item n's text: one sentence that says which item it is."""
    return f"Nội dung báo cáo của mục {n} của tỉnh."


def read(tmp_path, lines, outline=OUTLINE, covering_sentence=True):
    path = build_lines(tmp_path / "bao-cao.docx", tuple(lines), covering_sentence)
    return extract_sections(read_docx(path), outline)


def texts(report):
    return {s.number: s.text for s in report.sections}


def items(order, label, wording=UNKNOWN):
    """Heading and body of each item in `order`, the heading numbered by label(position)."""
    for position, n in enumerate(order, start=1):
        yield Bold(f"{label(position)} {wording[n]}")
        yield body(n)


def test_the_unknown_wordings_share_no_word_with_the_outline():
    outline_words = set()
    for section in OUTLINE:
        outline_words |= set(re.findall(r"\w+", fold(" ".join((section.heading, *section.phrases)))))
    for wording in UNKNOWN.values():
        assert not set(re.findall(r"\w+", fold(wording))) & outline_words, wording


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_headings_with_no_word_of_the_outline_are_found_by_their_place(tmp_path, outline):
    report = read(tmp_path, items(range(1, 7), lambda p: f"{ROMAN[p - 1]}."), outline)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_an_item_with_unknown_words_is_found_between_its_recognised_neighbours(tmp_path):
    wording = {**KNOWN, 3: UNKNOWN[3]}
    report = read(tmp_path, items(range(1, 7), lambda p: f"{ROMAN[p - 1]}.", wording))
    assert texts(report)[3] == body(3)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_a_heading_of_the_provinces_own_between_two_items_is_no_item_and_its_text_goes_nowhere(tmp_path):
    lines = [*items((1, 2, 3), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold(f"IV. {OWN_HEADING.upper()}"), OWN_TEXT,
             *items((4, 5, 6), lambda p: f"{ROMAN[p + 3]}.", KNOWN)]
    report = read(tmp_path, lines)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert not any(OWN_TEXT in s.text or OWN_HEADING.upper() in s.heading for s in report.sections)


def test_reordered_items_are_found_by_their_words_and_the_rest_keep_their_places(tmp_path):
    order = (1, 2, 4, 3, 5, 6)
    wording = {**KNOWN, 1: UNKNOWN[1], 6: UNKNOWN[6]}  # the first and last known only by their places
    report = read(tmp_path, items(order, lambda p: f"{ROMAN[p - 1]}.", wording))
    assert texts(report) == {n: body(n) for n in range(1, 7)}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_two_neighbours_swapped_are_read_in_the_order_their_words_say_though_renumbered(tmp_path, outline):
    # The province wrote item 3 before item 2 and numbered its headings 1.-6. as they come.
    # Neither heading is in the campaign's phrases (without them): each only partly in
    # the outline's words, but clearly for its own item and for nothing of the other's.
    # The words speak for the swap; the numbers and the order alone do not outweigh them.
    wording = {**UNKNOWN, 2: "Tình hình chung sau bốn năm", 3: "Tuyên truyền chương trình hành động tới người dân"}
    report = read(tmp_path, items((1, 3, 2, 4, 5, 6), lambda p: f"{p}.", wording), outline)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_six_items_at_level_two_under_one_level_one_heading(tmp_path):
    lines = [Bold("I. KẾT QUẢ THỰC HIỆN ĐỀ ÁN 950"), *items(range(1, 7), lambda p: f"{p}."),
             Bold(f"II. {OWN_HEADING.upper()}"), OWN_TEXT]
    report = read(tmp_path, lines)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert "KẾT QUẢ THỰC HIỆN" not in "".join(s.text + s.heading for s in report.sections)


def test_sub_headings_numbered_again_under_each_item_are_not_the_section_level(tmp_path):
    lines = []
    for position, n in enumerate(range(1, 7), start=1):
        lines += [Bold(f"{ROMAN[position - 1]}. {UNKNOWN[n].upper()}"), Bold("1. Về tổ chức"), body(n),
                  Bold("2. Về nhân lực"), f"Nhân lực của mục {n}."]
    report = read(tmp_path, lines)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert texts(report)[4] == f"1. Về tổ chức\n{body(4)}\n2. Về nhân lực\nNhân lực của mục 4."


IN_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy")
COUNTED = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu")


@pytest.mark.parametrize("label", [lambda p: f"PHẦN {ROMAN[p - 1]}.", lambda p: f"{'ABCDEF'[p - 1]}.",
                                   lambda p: f"Phần thứ {IN_WORDS[p - 1]}."],
                         ids=["PHẦN I/II", "A./B.", "Phần thứ nhất/hai"])
def test_other_ladders(tmp_path, label):
    assert texts(read(tmp_path, items(range(1, 7), label))) == {n: body(n) for n in range(1, 7)}


@pytest.mark.parametrize("label", [lambda n: f"Thứ {IN_WORDS[n - 1]}", lambda n: f"{COUNTED[n - 1]} là"],
                         ids=["Thứ nhất", "Một là"])
def test_bold_headings_opened_by_ordinals_in_words_are_a_numbered_ladder(tmp_path, label):
    # "Thứ nhất, …" to "Thứ sáu, …" (or "Một là, …" to "Sáu là, …") over words no item has:
    # their numbers make them the report's ladder, as "1." to "6." would.
    lines = [line for n in range(1, 7) for line in (Bold(f"{label(n)}, {UNKNOWN[n].lower()}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_a_numbered_ladder_with_an_item_left_out_is_a_report_on_the_outline(tmp_path):
    # "1." to "5." for items 1, 2, 4, 5, 6: only "3. Chi phí" says a little of its item, and
    # the numbers from 3 on are each one below their items', yet a ladder numbered without a
    # gap and taken in the outline's order makes the report one on the outline.
    wording = {**UNKNOWN, 4: "Chi phí"}
    lines = [line for p, n in enumerate((1, 2, 4, 5, 6), start=1) for line in (Bold(f"{p}. {wording[n]}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in (1, 2, 4, 5, 6)}


def test_a_part_number_alone_on_its_line_takes_the_title_under_it(tmp_path):
    lines = []
    for position, n in enumerate(range(1, 7), start=1):
        lines += [Bold(f"PHẦN {ROMAN[position - 1]}"), Bold(UNKNOWN[n].upper()), body(n)]
    report = read(tmp_path, lines)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert report.sections[3].heading == "PHẦN IV TIỀN BẠC"


def test_a_part_numbered_in_words_alone_on_its_line_takes_the_title_under_it(tmp_path):
    lines = []
    for position, n in enumerate(range(1, 7), start=1):
        lines += [Bold(f"PHẦN THỨ {IN_WORDS[position - 1].upper()}"), Bold(UNKNOWN[n].upper()), body(n)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert report.sections[3].heading == "PHẦN THỨ TƯ TIỀN BẠC"


def test_a_misread_numeral_does_not_break_the_order(tmp_path):
    numerals = ("I", "II", "II", "IV", "V", "VI")  # a scan read "III." as "II."
    report = read(tmp_path, items(range(1, 7), lambda p: f"{numerals[p - 1]}."))
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_item_one_without_a_heading_is_the_text_after_the_covering_sentence(tmp_path):
    first_text = "Năm 2017, tỉnh đã xây dựng hệ thống một cửa điện tử."
    lines = [first_text, *items(range(2, 7), lambda p: f"{ROMAN[p]}.", KNOWN)]
    report = read(tmp_path, lines)
    assert texts(report) == {1: first_text, **{n: body(n) for n in range(2, 7)}}
    assert report.letterhead.endswith(INTRO)


def test_without_a_covering_sentence_no_text_is_taken_for_an_untitled_item_one(tmp_path):
    lines = ["Năm 2017, tỉnh đã xây dựng hệ thống một cửa điện tử.",
             *items(range(2, 7), lambda p: f"{ROMAN[p]}.", KNOWN)]
    report = read(tmp_path, lines, covering_sentence=False)
    assert [s.number for s in report.sections] == [2, 3, 4, 5, 6]


def test_a_merged_heading_is_found_by_the_words_on_either_side_of_its_and(tmp_path):
    wording = {**KNOWN, 5: "Khó khăn, vướng mắc và đề xuất, kiến nghị"}
    report = read(tmp_path, items(range(1, 6), lambda p: f"{ROMAN[p - 1]}.", wording), WITHOUT_PHRASES)
    found = {s.number: s for s in report.sections}
    assert found[5].text == found[6].text == body(5)
    assert (found[5].merged_with, found[6].merged_with) == ((6,), (5,))


def test_unnumbered_headings_of_another_plan_with_no_word_of_the_outline_are_no_items(tmp_path):
    # Places alone, with neither words nor numbers agreeing, do not make the six items.
    lines = [line for n in range(1, 7) for line in (Bold(UNKNOWN[n]), body(n))]
    assert read(tmp_path, lines).sections == ()


def test_unnumbered_headings_are_found_by_their_place_between_headings_whose_words_agree(tmp_path):
    wording = {**UNKNOWN, 1: KNOWN[1], 6: KNOWN[6]}
    lines = [line for n in range(1, 7) for line in (Bold(wording[n]), body(n))]
    assert texts(read(tmp_path, lines)) == {n: body(n) for n in range(1, 7)}


def test_a_headings_words_in_parentheses_count_for_the_item_it_is(tmp_path):
    # Only the parentheses of item 1's heading have the outline's words; they make the report one on the outline.
    wording = {**UNKNOWN, 1: f"{UNKNOWN[1]} (trước khi Đề án 950 được ban hành)"}
    lines = [line for n in range(1, 7) for line in (Bold(wording[n]), body(n))]
    assert texts(read(tmp_path, lines, WITHOUT_PHRASES)) == {n: body(n) for n in range(1, 7)}


def test_words_of_the_reports_own_topic_name_no_item():
    # "phát triển đô thị thông minh" is the campaign's title: every heading of a reply has it.
    from baocao.parse.alignment import likeness
    assert likeness("phat trien do thi thong minh", OUTLINE) == (0.0,) * len(OUTLINE)
    assert max(likeness("kinh phi", OUTLINE)) > 0


def test_a_last_heading_in_two_parts_covers_the_last_two_items_though_its_words_do_not_say_so(tmp_path):
    # "Vấp váp" and "Mong muốn" share no word with the outline: only the place and the "và" tell.
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("V. Vấp váp và mong muốn"), body(5)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {**{n: body(n) for n in range(1, 5)}, 5: body(5), 6: body(5)}
    assert report.sections[-1].merged_with == (5,)


def test_a_last_heading_joined_by_cung_covers_the_last_two_items_as_one_joined_by_va_does(tmp_path):
    # "Điểm nghẽn cùng mong mỏi gửi Bộ" (pool 23), "Số vốn đã rót cùng vật cản" (pool 21).
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("V. Vấp váp cùng mong muốn"), body(5)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {**{n: body(n) for n in range(1, 5)}, 5: body(5), 6: body(5)}
    assert report.sections[-1].merged_with == (5,)


def test_only_a_cung_between_two_words_joins_them():
    # "cung" of "cung cấp" is "cùng" once folded: the line is read for it before.
    assert joints_as_and("Điểm nghẽn CÙNG mong mỏi") == "Điểm nghẽn và mong mỏi"
    assert joints_as_and("Cung cấp dịch vụ công") == "Cung cấp dịch vụ công"
    assert joints_as_and("Kết quả cuối cùng") == "Kết quả cuối cùng"


def test_a_last_heading_whose_two_parts_name_one_item_is_that_item_alone(tmp_path):
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("V. Khó khăn, vướng mắc"), body(5)]
    assert texts(read(tmp_path, lines, WITHOUT_PHRASES)) == {n: body(n) for n in range(1, 6)}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_last_heading_whose_second_part_only_folds_like_an_items_word_covers_the_last_two_items(tmp_path, outline):
    # "Mắc míu và nguyện vọng" (pool 29): "nguyện" folds as "nguyên" of item 5's phrase
    # "nguyên nhân", "vọng" is no word of the outline: the part is not made of item 5's words,
    # and the heading is two parts, the last two items merged, with the phrases as without.
    assert two_parts(fold("Mắc míu và nguyện vọng"), outline)
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("V. Mắc míu và nguyện vọng"), body(5)]
    report = read(tmp_path, lines, outline)
    assert texts(report) == {**{n: body(n) for n in range(1, 5)}, 5: body(5), 6: body(5)}
    assert report.sections[-1].merged_with == (5,)


def test_a_heading_half_of_which_points_at_two_items_alike_may_cover_two_items(tmp_path):
    """Five headings for six items, the second over two items' texts: its first half's words
    ("thực hiện") are as much item 4's as item 3's, so they name no item, and the heading is
    two headings joined (items 2 and 3), not item 3 alone with item 2 missing."""
    from baocao.parse.alignment import two_parts
    assert two_parts("buc tranh thuc hien va cac chuong trinh hanh dong", OUTLINE)
    assert not two_parts("kho khan, vuong mac", OUTLINE)
    general = ["Tỉnh đã đưa vào vận hành cổng dịch vụ công năm 2019.", "Hạ tầng cáp quang phủ 90% số xã."]
    plans = ["Tỉnh đã tuyên truyền, phổ biến Đề án tới cán bộ.", "UBND tỉnh ban hành kế hoạch hành động năm 2020."]
    lines = [Bold(f"1. {KNOWN[1]}"), body(1), Bold("2. Bức tranh thực hiện và các chương trình hành động"),
             *general, *plans, *[line for n in (4, 5, 6) for line in (Bold(f"{n - 1}. {KNOWN[n]}"), body(n))]]
    for outline in (OUTLINE, WITHOUT_PHRASES):
        report = read(tmp_path, lines, outline)
        assert texts(report) == {1: body(1), 2: "\n".join(general + plans), 3: "\n".join(general + plans),
                                 **{n: body(n) for n in (4, 5, 6)}}


# ---------------------------------------------------------------------------------------
# Headings as OCR gives them back: wrapped, misnumbered, misspelt. (tests/test_parse_ocr.py
# reads real scans of such a report; these say the same of a Word file, no Tesseract.)
# ---------------------------------------------------------------------------------------

WRAPPED_FIRST = "I. CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950"
WRAPPED_SECOND = "ĐƯỢC BAN HÀNH"


@pytest.mark.parametrize("blank", [False, True])
def test_long_capitalised_heading_wrapped_onto_two_lines_is_one_heading(tmp_path, blank):
    lines = [Bold(WRAPPED_FIRST), *([""] if blank else []), Bold(WRAPPED_SECOND), body(1),
             *items(range(2, 7), lambda p: f"{ROMAN[p]}.", KNOWN)]
    report = read(tmp_path, lines)
    first = report.sections[0]
    assert (first.number, first.heading) == (1, f"{WRAPPED_FIRST} {WRAPPED_SECOND}")
    assert first.text.strip() == body(1)


def test_short_numbered_heading_does_not_swallow_the_capitalised_heading_under_it(tmp_path):
    """"I. KẾT QUẢ" over an unnumbered "THÔNG TIN CHUNG" is not one heading wrapped: too short to wrap."""
    report = read(tmp_path, [Bold("I. KẾT QUẢ"), Bold("THÔNG TIN CHUNG"), body(1),
                             *items(range(2, 7), lambda p: f"{ROMAN[p]}.", KNOWN)])
    assert all("THÔNG TIN CHUNG" not in s.heading for s in report.sections)


@pytest.mark.parametrize("misread, as_read", [("l.", 1), ("1.", 1), ("|.", 1), ("V,", 5), ("II", 2), ("IIL", 3),
                                              ("Il.", 2), ("11.", 2), ("HI.", 3), ("1V.", 4),
                                              ("V....", 5), (". IV...", 4), ("L", 1)])
def test_roman_numeral_misread_by_ocr_is_read_tolerantly(misread, as_read):
    assert misread_roman(f"{misread} KHÓ KHĂN").value == as_read


@pytest.mark.parametrize("line", ["Về kinh phí", "12.350 triệu đồng", "VIỆT NAM", "1.234 KHÓ", "IIII. A"])
def test_line_that_does_not_start_like_a_roman_numeral_is_not_one(line):
    assert misread_roman(line) is None


@pytest.mark.parametrize("misread", ["l.", "1.", "V,", "II"])
def test_heading_numeral_misread_by_ocr_does_not_break_the_ladder(tmp_path, misread):
    """One Roman heading whose numeral OCR misread: its item is still found, and the
    item before it does not swallow its text."""
    labels = ["I.", "II.", "III.", "IV.", "V.", "VI."]
    position = {"l.": 0, "1.": 0, "V,": 4, "II": 1}[misread]
    labels[position] = misread
    lines = []
    for n, label in enumerate(labels, start=1):
        lines += [Bold(f"{label} {KNOWN[n].upper()}"), body(n)]
    lines[1:1] = [Bold("1. VỀ QUY HOẠCH"), "Quy hoạch chung đô thị."]  # an Arabic sub-heading under item 1
    report = read(tmp_path, lines)
    assert {n: t.strip().splitlines()[-1] for n, t in texts(report).items()} == {n: body(n) for n in range(1, 7)}


def test_numerals_misread_by_ocr_around_the_one_read_right_make_the_ladder(tmp_path):
    """A scan whose Roman numerals OCR read right only once ("II."): the others, read as
    "L", "HI.", ". IV...", "V....", "VI..." (their tab a row of dots), are still the ladder."""
    labels = ["L", "II.", "HI.", ". IV...", "V....", "VI..."]
    lines = [line for n, label in enumerate(labels, start=1)
             for line in (Bold(f"{label} {UNKNOWN[n].upper()}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


@pytest.mark.parametrize("misread, as_read", [("¡..", 1), ("í.", 1), ("l.", 1), ("ii...", 2), ("iv. -", 4),
                                              ("vi,", 6), ("1.", 1)])
def test_lower_case_roman_numeral_misread_by_ocr_is_read_tolerantly(misread, as_read):
    assert misread_roman(f"{misread} Những việc đã làm", lower=True).value == as_read


@pytest.mark.parametrize("line", ["vì sao chậm", "ví dụ", "Về kinh phí", "12.350 triệu", "iiii. A"])
def test_line_that_does_not_start_like_a_lower_case_roman_numeral_is_not_one(line):
    assert misread_roman(line, lower=True) is None


def test_lower_case_numerals_misread_by_ocr_still_make_the_ladder(tmp_path):
    """A phone photo of headings numbered "i." to "vi.": OCR read the first "¡..", the second
    "ii..." (its tab a row of dots) and the third one I short, "ii.". The first two still
    take their places in the ladder, and the third, the same as the one before it with
    "iv." after it, is "iii."."""
    labels = ["¡..", "ii...", "ii.", "iv.", "v.", "vi."]
    lines = [line for n, label in enumerate(labels, start=1)
             for line in (Bold(f"{label} {UNKNOWN[n]}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_a_numeral_read_one_i_short_between_its_neighbours_is_not_a_number_that_differs(tmp_path):
    """"ii." between "ii." and "iv.": OCR lost an I of "iii.", and the item is not doubted
    for a number the province did not write."""
    labels = ["i.", "ii.", "ii.", "iv.", "v.", "vi."]
    lines = [line for n, label in enumerate(labels, start=1)
             for line in (Bold(f"{label} {UNKNOWN[n]}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert "number_differs" not in report.sections[2].reasons


def test_items_numbered_under_one_roman_heading_are_not_taken_for_misread_roman_numerals(tmp_path):
    lines = [Bold("I. KẾT QUẢ THỰC HIỆN ĐỀ ÁN 950"), *items(range(1, 7), lambda p: f"{p}.")]
    assert texts(read(tmp_path, lines)) == {n: body(n) for n in range(1, 7)}


def test_arabic_sub_heading_in_capitals_is_not_taken_for_a_misread_roman_one(tmp_path):
    lines = [Bold(f"I. {KNOWN[1].upper()}"), Bold("1. VỀ QUY HOẠCH"), body(1)]
    for n in range(2, 7):
        lines += [Bold(f"{ROMAN[n - 1]}. {KNOWN[n].upper()}"), body(n)]
    report = read(tmp_path, lines)
    assert "1. VỀ QUY HOẠCH" in texts(report)[1]


@pytest.mark.parametrize("word, misread", [("vuong", "vuog"), ("truyen", "truyenn"), ("hanh", "hanhh")])
def test_heading_word_misread_by_ocr_counts_as_the_outline_word(word, misread):
    """A letter dropped or added (after folding, which forgives the diacritics)."""
    key = f"kho khan {word} mac tuyen {word}"
    assert likeness(key.replace(word, misread), OUTLINE, misread=True) == likeness(key, OUTLINE)


def test_typed_words_are_taken_as_written_for_one_letter_makes_another_word():
    # "Phương hướng nhiệm vụ": "huong" is not a misread "chuong" (chương trình, item 3).
    communication = 2  # outline index of item 3, "… các chương trình, kế hoạch hành động …"
    assert likeness("phuong huong nhiem vu thoi gian toi", OUTLINE)[communication] == 0.0
    assert likeness("phuong huong nhiem vu thoi gian toi", OUTLINE, misread=True)[communication] == 0.0


def test_a_scanned_word_spelled_as_a_syllable_is_the_word_written_not_a_misread_outline_word():
    # "Khoản góp mua thùng ong" (a contribution) is no "khó khăn" (item 5) with a letter more; "dugc"
    # and "khann" are no Vietnamese words, so misread ones.
    difficulties = 4
    assert likeness("khoan gop mua thung ong", OUTLINE, misread=True)[difficulties] == 0.0
    assert likeness("kho khann", OUTLINE, misread=True) == likeness("kho khan", OUTLINE)


def test_word_two_letters_away_from_every_outline_word_is_not_one_of_them():
    assert likeness("vang", OUTLINE, misread=True) == likeness("", OUTLINE) == (0.0,) * len(OUTLINE)


# ---------------------------------------------------------------------------------------
# What a heading's words do not say, the text under it may: each text's likeness to the
# items beyond what the other texts of its level have (alignment.text_likeness).
# ---------------------------------------------------------------------------------------

# Item n's text in the outline's own words (what a province writes under that item).
TOLD = {
    1: "Trước khi Đề án 950 được ban hành, tỉnh đã số hóa hồ sơ địa chính.",
    2: "Thông tin chung: tỉnh đã phê duyệt Đề án đô thị thông minh của địa phương.",
    3: "Công tác tuyên truyền: tỉnh đã ban hành kế hoạch hành động và các chương trình.",
    4: "Tổng kinh phí thực hiện các dự án là 30 tỷ đồng.",
    5: "Khó khăn, vướng mắc: thiếu nguồn lực và văn bản quy phạm pháp luật.",
    6: "Tỉnh đề xuất, kiến nghị Bộ Xây dựng sớm ban hành hướng dẫn.",
}


def told_items(order, label):
    """Each item of `order` under a heading in words no item has, over its text in the outline's words."""
    for position, n in enumerate(order, start=1):
        yield Bold(f"{label(position)} {UNKNOWN[n]}")
        yield TOLD[n]


# Pool 20's 01: six headings lettered (a) … (f) in the province's own words, three lines under each.
LETTERED = (
    ("(a) Gốc rễ hạ tầng thông tin ban đầu", (
        "Giai đoạn 2015 – 2017, tỉnh đã số hóa 76.000 hồ sơ địa chính và quy hoạch đô thị.",
        "Từ năm 2015, tỉnh đã triển khai hệ thống quản lý văn bản và điều hành dùng chung cho 46 cơ quan cấp tỉnh.",
        "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh.",
    )),
    ("(b) Thay đổi người dân cảm nhận rõ", (
        "UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh của địa phương tại Quyết định số 1939/QĐ-UBND.",
        "Trung tâm giám sát, điều hành đô thị thông minh của tỉnh đã vận hành từ tháng 2/2021, kết nối 324 camera.",
        "Mạng băng rộng di động 4G đã phủ sóng 94% diện tích của tỉnh.",
        "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông tỉnh, vận hành 5 phân hệ.",
        "Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai.",
    )),
    ("(c) Từng sở nhận phần nào", (
        "Tỉnh đã phát hành 76.500 tờ rơi hướng dẫn người dân cài đặt ứng dụng công dân số.",
        "Cổng thông tin điện tử của tỉnh duy trì chuyên mục đô thị thông minh với 474 tin, bài đã đăng.",
        "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng.",
    )),
    ("(d) Tiền chảy về qua các niên độ", (
        "Tổng kinh phí tỉnh đã bố trí thực hiện các nhiệm vụ của Đề án đến tháng 5/2022 là 32.773 triệu đồng.",
        "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh.",
        "Việc bố trí kinh phí tại tỉnh được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư công.",
    )),
    ("(e) Những nút thắt chưa gỡ", (
        "Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu, 46 xã chưa có cán bộ chuyên trách.",
        "Tỉnh chưa bố trí được nguồn vốn riêng cho đô thị thông minh trong kế hoạch đầu tư công trung hạn.",
        "Đội ngũ cán bộ chuyên trách công nghệ thông tin cấp huyện của tỉnh mới có 46 người.",
        "Chưa có quy định về chia sẻ dữ liệu giữa cơ quan nhà nước và doanh nghiệp.",
        "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh về đô thị thông minh còn chưa đầy đủ.",
    )),
    ("(f) Tỉnh gửi gắm nguyện vọng", (
        "Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh xây dựng cơ sở dữ liệu quy hoạch đô thị.",
        "Đề xuất Bộ Xây dựng tổ chức 5 lớp tập huấn về đô thị thông minh cho cán bộ của tỉnh.",
        "UBND tỉnh kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương.",
    )),
)
SUMMARY = ("Tóm tắt: đến nay tỉnh đã triển khai phần lớn các nhiệm vụ của Đề án với tổng kinh phí khoảng "
           "32,8 tỷ đồng; kết quả cụ thể như sau.")


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_headings_lettered_a_to_f_after_an_untitled_summary_are_the_six_items(tmp_path, outline):
    # A summary between the covering sentence and "(a)": by the headings alone it might be item
    # 1 untitled, "(a)" … "(f)" shifted one on (one of them then taken for none), their letters
    # then agreeing with no item. Their texts tell each its own item, and so read the letters
    # agree with the items: a report on the outline, the summary no item's text.
    lines = [SUMMARY, *(line for heading, text in LETTERED for line in (Bold(heading), *text))]
    report = read(tmp_path, lines, outline)
    assert texts(report) == {n: "\n".join(text) for n, (_, text) in enumerate(LETTERED, start=1)}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_reordered_items_under_headings_that_name_nothing_are_told_by_their_text(tmp_path, outline):
    order = (1, 2, 4, 3, 6, 5)
    report = read(tmp_path, told_items(order, lambda p: f"{ROMAN[p - 1]}."), outline)
    assert texts(report) == TOLD


def test_a_heading_of_the_provinces_own_in_an_items_place_is_told_apart_by_its_text(tmp_path):
    # "IV. Tầm nhìn" sits and is numbered where item 4 belongs; only the texts say that the
    # heading after it, in words no item has either, is item 4.
    lines = [*items((1, 2, 3), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("IV. Tầm nhìn"), OWN_TEXT,
             Bold(f"V. {UNKNOWN[4]}"), TOLD[4], *items((5, 6), lambda p: f"{ROMAN[p + 4]}.", KNOWN)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {**{n: body(n) for n in (1, 2, 3, 5, 6)}, 4: TOLD[4]}


def test_texts_that_speak_the_items_do_not_make_headings_of_another_plan_the_items(tmp_path):
    # Whether a report is on the outline is judged by its headings; texts only tell items apart.
    lines = [line for n in range(1, 7) for line in (Bold(UNKNOWN[n]), TOLD[n])]
    assert read(tmp_path, lines).sections == ()


def test_the_weights_of_a_text_are_the_same_whatever_python_hash_seed_the_run_has():
    # A text's words are a set, iterated in an order that changes with PYTHONHASHSEED; summed
    # in that order, a cell near a threshold was flagged in one run and passed in the next.
    import subprocess
    import sys
    code = (
        "from baocao.campaign import load_campaign\n"
        "from baocao.parse.alignment import likeness\n"
        "from baocao.text import fold\n"
        "o = load_campaign().sections\n"
        "text = fold(' '.join(s.heading for s in o) + ' kinh phí thực hiện khó khăn vướng mắc"
        " kiến nghị giải pháp hạ tầng số dữ liệu')\n"
        "print(repr(likeness(text, o)))\n"
    )
    runs = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in range(8)}
    assert len(runs) == 1


# ---------------------------------------------------------------------------------------
# A list inside an item numbered like the items, and two items under a heading of two parts.
# ---------------------------------------------------------------------------------------


def test_a_list_inside_an_item_numbered_like_the_items_is_text_of_that_item(tmp_path):
    # After "4.", the funding's own list "1.", "2.", "3." and then "5.": the level's numbers
    # go on after the list, so the list is part of item 4, not three headings of its level.
    nested = [Bold("1. Trung tâm điều hành"), "Thuê dịch vụ trong 2 năm.", Bold("2. Nền tảng số"),
              "Ứng dụng công dân số.", Bold("3. Đào tạo cán bộ"), "Hai lớp bồi dưỡng."]
    lines = [*items(range(1, 5), lambda p: f"{p}."), *nested, *items((5, 6), lambda p: f"{p + 4}.")]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert texts(report)[4] == "\n".join([body(4), *(line.text if isinstance(line, Bold) else line
                                                      for line in nested)])
    assert texts(report)[5] == body(5)


@pytest.mark.parametrize("first_three", [lambda p: f"{p}.", lambda p: f"{ROMAN[p - 1]}."], ids=["1.-3.", "I.-III."])
def test_a_list_inside_an_item_longer_than_its_number_is_text_of_that_item(tmp_path, first_three):
    # After "3." (or "III."), a list "1." … "8." set like the headings, then "4.": the list passes
    # the number that resumes the level ("4. Hội nghị…" is its own fourth line); the level
    # resumes after it, going on from the Roman numbers too: the list is item 3's text.
    nested = [Bold(f"{n}. Hoạt động số {n} của tỉnh") for n in range(1, 9)]
    lines = [*items(range(1, 4), first_three), *nested, *items((4, 5, 6), lambda p: f"{p + 3}.")]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert texts(report)[3] == "\n".join([body(3), *(line.text for line in nested)])
    assert texts(report)[4] == body(4)


def test_sub_headings_numbered_again_under_each_item_and_never_resumed_stay_sub_headings(tmp_path):
    # "1.", "2." under item 1 and "1.", "2.", "3." under item 2 are not taken out of their
    # level: nothing after them goes on with the numbers of the heading before them.
    lines = [Bold("I. KẾT QUẢ"), Bold("1. Về tổ chức"), body(1), Bold("2. Về nhân lực"), body(2),
             Bold("1. Về kinh phí"), body(4), Bold("2. Về khó khăn"), body(5), Bold("3. Về kiến nghị"), body(6)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report)[1] == body(1)


@pytest.mark.parametrize("third", ["III", "II"], ids=["III.", "III. read II. by OCR"])
def test_a_roman_ladder_continued_by_arabic_numbers_is_one_level_of_items(tmp_path, third):
    # Two drafts pasted together: items 1-3 "I.", "II.", "III." in capitals, items 4-6 "4.",
    # "5.", "6."; points "a)", "b)" under two of them. The Arabic numbers go on where the Roman
    # ones stop: one ladder of six items, not three containers over three sub-headings. A
    # numeral read one I short ("II." for "III.") is the one the "4." after it leaves room for.
    def item(n):
        numeral = third if n == 3 else ROMAN[n - 1] if n <= 3 else ""
        label = f"{numeral}. {UNKNOWN[n].upper()}" if n <= 3 else f"{n}. {UNKNOWN[n]}"
        points = [] if n not in (2, 5) else ["a) Về nguồn lực", f"Nguồn lực của mục {n}.",
                                             "b) Về văn bản", f"Văn bản của mục {n}."]
        return [Bold(label), body(n), *points]
    report = read(tmp_path, [line for n in range(1, 7) for line in item(n)], WITHOUT_PHRASES)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert texts(report)[3] == body(3)
    assert texts(report)[5].startswith(body(5))


def test_arabic_headings_numbered_from_one_under_a_roman_ladder_stay_its_sub_headings(tmp_path):
    # "I.", "II." over items numbered "1." … "6.": the Arabic numbers start again, they do not
    # go on from the Roman ones, so the Roman headings are the containers they were.
    lines = [Bold("I. KẾT QUẢ THỰC HIỆN ĐỀ ÁN 950"), *items(range(1, 7), lambda p: f"{p}."),
             Bold(f"II. {OWN_HEADING.upper()}"), OWN_TEXT]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


MERGED_2_3 = {1: "Bước khởi đầu trong giai đoạn 2015 – 2017",
              23: "Những việc đã làm và các văn bản triển khai",
              4: "Kinh phí thực hiện", 5: "Khó khăn, vướng mắc", 6: "Đề xuất, kiến nghị"}


def test_a_heading_in_two_parts_whose_text_speaks_two_neighbouring_items_covers_both(tmp_path):
    # Five headings for six items; the second, in two parts, is over a text that speaks of
    # both the general results (item 2) and the plans and communication (item 3).
    text_23 = f"{TOLD[2]}\n{TOLD[3]}"
    lines = [Bold(f"1. {MERGED_2_3[1]}"), TOLD[1], Bold(f"2. {MERGED_2_3[23]}"), TOLD[2], TOLD[3],
             *(line for p, n in enumerate((4, 5, 6), start=3) for line in (Bold(f"{p}. {MERGED_2_3[n]}"), TOLD[n]))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {1: TOLD[1], 2: text_23, 3: text_23, 4: TOLD[4], 5: TOLD[5], 6: TOLD[6]}
    assert report.sections[1].merged_with == (3,)


def test_a_heading_in_two_parts_over_a_text_too_short_for_two_items_covers_one(tmp_path):
    # The same report with one short sentence under the second heading: however it speaks
    # of both items, it is no longer than one item's text, so it holds one.
    short = "Thông tin chung; tuyên truyền."
    lines = [Bold(f"1. {MERGED_2_3[1]}"), TOLD[1], Bold(f"2. {MERGED_2_3[23]}"), short,
             *(line for p, n in enumerate((4, 5, 6), start=3) for line in (Bold(f"{p}. {MERGED_2_3[n]}"), TOLD[n]))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert not any(s.merged_with for s in report.sections)


def test_a_part_made_of_words_the_outline_does_not_weigh_does_not_name_an_item():
    """"Tiền đã thực chi và điều cản bước tỉnh" (the funding and the difficulties): folded, "chi"
    and "điều" are words of a phrase of item 3 ("công tác chỉ đạo, điều hành") and "tỉnh" is
    "tình" of its "tình hình", so both halves looked made of item 3's words; "tỉnh" is every
    report's word and names no item, the second half has one word of item 3's in four, and the
    heading may be two items joined."""
    assert two_parts("tien da thuc chi va dieu can buoc tinh", OUTLINE)


def test_a_span_of_years_does_not_make_a_heading_two_parts():
    assert not two_parts(fold("Bước khởi đầu trong giai đoạn 2015 – 2017"), OUTLINE)
    assert two_parts(fold("Bước khởi đầu – kết quả"), OUTLINE)


def test_a_heading_in_two_parts_before_an_item_left_out_is_its_own_item_only(tmp_path):
    # Item 5 left out: the funding heading in two parts, over a text of funding alone,
    # does not take item 5 too.
    lines = [*(line for p, n in enumerate((1, 2, 3), start=1) for line in (Bold(f"{p}. {UNKNOWN[n]}"), TOLD[n])),
             Bold("4. Số vốn đã sử dụng, phân theo từng nguồn"), TOLD[4], Bold("5. Mong muốn"), TOLD[6]]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {n: TOLD[n] for n in (1, 2, 3, 4, 6)}



def test_a_heading_in_two_parts_whose_parts_share_only_a_word_or_two_with_one_item_may_cover_two(tmp_path):
    # "Vốn đã chi và những việc còn dang dở": each part shares a word of little meaning with
    # item 1 ("đã", "việc") and no more, which does not make the two one item. Five headings
    # for six items, and the fourth over a text that speaks of funding and difficulties:
    # it covers both, and the last heading is item 6.
    lines = [*told_items((1, 2, 3), lambda p: f"{p}."), Bold("4. Vốn đã chi và những việc còn dang dở"),
             TOLD[4], TOLD[5], Bold(f"5. {UNKNOWN[6]}"), TOLD[6]]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    both = f"{TOLD[4]}\n{TOLD[5]}"
    assert texts(report) == {1: TOLD[1], 2: TOLD[2], 3: TOLD[3], 4: both, 5: both, 6: TOLD[6]}
    assert report.sections[3].merged_with == (5,)


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_last_heading_in_two_parts_over_one_items_text_is_not_taken_for_the_last_two_items(tmp_path, outline):
    # Five headings for six items, item 6 left out: the last heading, in two parts that name
    # nothing, is over a text of one item's length that speaks of difficulties and not of
    # proposals. It is item 5 alone, not items 5 and 6 merged (item 6 not found).
    lines = [*told_items((1, 2, 3, 4), lambda p: f"{p}."), Bold("5. Vấp váp và trở ngại"),
             "Khó khăn, vướng mắc: thiếu nguồn nhân lực và cán bộ."]
    report = read(tmp_path, lines, outline)
    assert set(texts(report)) == {1, 2, 3, 4, 5}
    assert not any(s.merged_with for s in report.sections)


def test_a_heading_whose_two_parts_are_made_of_one_items_words_is_that_item_alone(tmp_path):
    # "Đề xuất, kiến nghị": on either side of the comma, only words of item 6, though few. It
    # is one item's heading, not two merged: as the last of five headings after items 1-4 it
    # is item 6 alone, item 5 left out. "Vấn đề đặt ra và nguyện vọng của địa phương" is two parts.
    assert not two_parts(fold("Đề xuất, kiến nghị"), WITHOUT_PHRASES)
    assert two_parts(fold("Vấn đề đặt ra và nguyện vọng của địa phương"), OUTLINE)
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN), Bold("V. Đề xuất, kiến nghị"), body(6)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == {**{n: body(n) for n in range(1, 5)}, 6: body(6)}


QUOTING = "Thực hiện Công văn số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng đề nghị báo cáo các nội dung:"
ANSWERING = "UBND tỉnh báo cáo cụ thể như sau:"


def quoted_outline():
    """The outline's six headings quoted one after another, nothing under them."""
    return [f"({n}) {section.heading};" for n, section in enumerate(OUTLINE, start=1)]


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_an_outline_quoted_before_the_answers_is_neither_headings_nor_text(tmp_path, outline):
    # An e-mail-like opening quotes the six items, then the answers follow under headings of
    # the province's own words numbered as the quotation was: the quotation's lines name the
    # items far better, but they are one run with nothing under them, like a table of contents.
    lines = [QUOTING, *quoted_outline(), ANSWERING, *items(range(1, 7), lambda p: f"({p})")]
    report = read(tmp_path, lines, outline, covering_sentence=False)
    assert texts(report) == {n: body(n) for n in range(1, 7)}
    assert [s.heading for s in report.sections] == [f"({n}) {UNKNOWN[n]}" for n in range(1, 7)]
    assert OUTLINE[0].heading in report.letterhead


def test_answers_under_the_quoted_outlines_own_headings_are_found_under_them_not_the_quotation(tmp_path):
    # The same headings twice: quoted (with the outline's "(nếu có);"), then over the answers.
    # The occurrence with text under it is the item's.
    wording = {n: section.heading for n, section in enumerate(OUTLINE, start=1)}
    lines = [QUOTING, *quoted_outline(), ANSWERING, *items(range(1, 7), lambda p: f"({p})", wording)]
    report = read(tmp_path, lines, WITHOUT_PHRASES, covering_sentence=False)
    assert texts(report) == {n: body(n) for n in range(1, 7)}


def test_the_answers_under_unnumbered_headings_after_a_quoted_outline_are_found(tmp_path):
    lines = [QUOTING, *quoted_outline(), ANSWERING,
             *(line for n in range(1, 7) for line in (Bold(f"Ý thứ {n}, {UNKNOWN[n].lower()}"), body(n)))]
    report = read(tmp_path, lines, covering_sentence=False)
    assert texts(report) == {n: body(n) for n in range(1, 7)}



@pytest.mark.parametrize("wording, outline", [(KNOWN, OUTLINE), (UNKNOWN, WITHOUT_PHRASES)],
                         ids=["outline's words", "words of its own, no phrases"])
@pytest.mark.parametrize("repeat", ["{} (tiếp theo)", "{} (tiếp)", "{}"])
def test_a_heading_written_again_where_its_item_goes_on_continues_that_item(tmp_path, wording, outline, repeat):
    # After a page turn the province writes item 2's heading again ("… (tiếp theo)"): its text
    # runs on in item 2, and the repeated line is neither a heading nor text.
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{n}. {wording[n]}"), body(n)]
        if n == 2:
            lines += [Bold(f"2. {repeat.format(wording[2])}"), "Phần tiếp của mục 2 của tỉnh."]
    report = read(tmp_path, lines, outline)
    assert texts(report) == {**{n: body(n) for n in range(1, 7)}, 2: f"{body(2)}\nPhần tiếp của mục 2 của tỉnh."}


def scanned(text, page, bold=False, number=""):
    """A block of a scanned page as the PDF reader gives it."""
    return Block(0, text, "paragraph", "GlyphLessFont", None, bold, number, page)


LONG_HEADING = "Những bước chuẩn bị ban đầu của tỉnh khi Đề án còn chưa ban hành"


@pytest.mark.parametrize("residue", ["", ") ", ". ", "` "])
def test_a_heading_repeated_at_a_page_top_with_its_label_lost_continues_its_item(residue):
    # A scanned page's folded corner hid the label of item 1's heading written again at the
    # top of page 2 ("1) … (tiếp theo)" read ") … (tiếp"): the words of the heading read last,
    # opening a page, are that heading again; its item's text runs on.
    blocks = [scanned(f"1) {LONG_HEADING}", 1, True, "1)"), scanned(body(1), 1),
              scanned(f"{residue}{LONG_HEADING} (tiếp", 2, True), scanned("Phần tiếp của mục 1 của tỉnh.", 2)]
    for n in range(2, 7):
        blocks += [scanned(f"{n}) {KNOWN[n]}", 2, True, f"{n})"), scanned(body(n), 2)]
    document = Document("bao-cao.pdf", tuple(dataclasses.replace(b, index=i) for i, b in enumerate(blocks)), ocr=True)
    report = extract_sections(document, OUTLINE)
    assert texts(report) == {**{n: body(n) for n in range(1, 7)}, 1: f"{body(1)}\nPhần tiếp của mục 1 của tỉnh."}


def test_an_unlabelled_bold_line_with_a_headings_words_not_at_a_page_top_or_short_is_kept():
    # On the same page as the heading, or echoing a short title: the line is the province's own.
    same_page = (scanned(f"1) {LONG_HEADING}", 1, True, "1)"), scanned(body(1), 1),
                 scanned(LONG_HEADING, 1, True), scanned(body(1), 1))
    short = (scanned("1) Kinh phí", 1, True, "1)"), scanned(body(1), 1), scanned("Kinh phí", 2, True),
             scanned(body(1), 2))
    for blocks in (same_page, short):
        assert _without_continued_headings(blocks) == blocks


def test_a_second_heading_with_the_same_number_but_other_words_is_no_continuation(tmp_path):
    # "2." twice with other words: a numbering slip, not item 2 going on; the second "2." is
    # item 3 by its place.
    lines = [line for n in range(1, 7) for line in (Bold(f"{min(n, 2) if n == 3 else n}. {KNOWN[n]}"), body(n))]
    assert texts(read(tmp_path, lines)) == {n: body(n) for n in range(1, 7)}


def test_the_same_numbered_title_under_two_items_is_two_headings_not_a_continuation(tmp_path):
    # Each item "I." … "VI." opens with its own "1. Kết quả đạt được": the "1." under II is
    # II's, not I's going on, for "II." closed the ladder under I.
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{ROMAN[n - 1]}. {KNOWN[n]}"), Bold("1. Kết quả đạt được"), body(n)]
    assert _without_continued_headings_count(tmp_path, lines) == 0


def _without_continued_headings_count(tmp_path, lines):
    from baocao.parse.sections import _without_continued_headings

    blocks = read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines), True)).blocks
    return len(blocks) - len(_without_continued_headings(blocks))


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_two_part_heading_whose_subheadings_name_the_next_item_covers_both(tmp_path, outline):
    # Five headings for six items: the fourth, in two parts of the province's words, holds
    # funding and, under its own headings in the outline's words for the difficulties ("Về
    # nguồn lực", "Về văn bản quy phạm pháp luật"), the difficulties; numbered on from there,
    # the fifth ("5.") is the proposals, item 6, though its words say little.
    funding = "Kinh phí thực hiện các dự án đầu tư là 120 tỷ đồng từ ngân sách tỉnh."
    said = {1: "Trước khi có Đề án 950, tỉnh đã triển khai chính quyền điện tử.",
            2: "Kể từ sau khi có Đề án, tỉnh đã chọn 3 đô thị thí điểm.",
            3: "Công tác tuyên truyền được triển khai hằng năm."}
    lines = []
    for n in (1, 2, 3):
        lines += [Bold(f"{n}. {KNOWN[n]}"), said[n]]
    lines += [Bold("4. Số tiền đã bỏ ra và những điểm nghẽn"), funding,
              Bold("4.1. Về nguồn lực"), "Cán bộ chuyên trách còn thiếu.",
              Bold("4.2. Về văn bản quy phạm pháp luật"), "Chưa có quy định chia sẻ dữ liệu.",
              Bold(f"5. {UNKNOWN[6]}"), "Tỉnh mong Bộ Xây dựng sớm ban hành hướng dẫn."]
    found = texts(read(tmp_path, lines, outline))
    both = "\n".join([funding, "4.1. Về nguồn lực", "Cán bộ chuyên trách còn thiếu.",
                      "4.2. Về văn bản quy phạm pháp luật", "Chưa có quy định chia sẻ dữ liệu."])
    assert found == {**said, 4: both, 5: both,
                     6: "Tỉnh mong Bộ Xây dựng sớm ban hành hướng dẫn."}


def test_an_unlabelled_heading_written_again_at_the_next_page_top_continues_its_item():
    # Headings with no number ("Thông tin chung …" in bold) on paginated pages (a PDF, a
    # scan): item 2's written again over its text going on at the top of page 2, a letter
    # misread by OCR, is that heading again, not a seventh one.
    blocks = [scanned("BÁO CÁO", 1, True), scanned(INTRO, 1),
              scanned(KNOWN[1], 1, True), scanned(body(1), 1), scanned(KNOWN[2], 1, True), scanned(body(2), 1),
              scanned(f"{KNOWN[2].replace('chung', 'chưng')} (tiếp theo)", 2, True),
              scanned("Phần tiếp của mục 2 của tỉnh.", 2)]
    for n in range(3, 7):
        blocks += [scanned(KNOWN[n], 2, True), scanned(body(n), 2)]
    document = Document("bao-cao.pdf", tuple(dataclasses.replace(b, index=i) for i, b in enumerate(blocks)), ocr=False)
    assert texts(extract_sections(document, OUTLINE)) == {
        **{n: body(n) for n in range(1, 7)}, 2: f"{body(2)}\nPhần tiếp của mục 2 của tỉnh."}


ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu")


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_headings_labelled_in_words_before_a_colon_keep_their_title_against_a_long_bold_list(tmp_path, outline):
    # "Nội dung thứ hai: Thông tin chung …": before the colon only the heading's label in
    # words; its title is after it. Item 3 holds a bold list "1." to "8.", longer than the
    # outline, numbered as no heading is: the headings in words are the items.
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"Nội dung thứ {ORDINALS[n - 1]}: {KNOWN[n]}"), body(n)]
        if n == 3:
            lines += ["Các văn bản chính của tỉnh gồm:",
                      *(Bold(f"{k}. Văn bản chỉ đạo số {k} của tỉnh") for k in range(1, 9))]
    found = texts(read(tmp_path, lines, outline))
    assert {n: text.split("\n")[0] for n, text in found.items()} == {n: body(n) for n in range(1, 7)}
    assert "8. Văn bản chỉ đạo số 8 của tỉnh" in found[3]


def test_a_text_of_a_word_or_two_the_outline_knows_tells_nothing_of_its_item():
    """"Như báo cáo tại mục b." (the province answered item 3 under item 2) holds one word of
    the outline's ("mục", of item 4's "hạng mục"): chance, not a sign of any item."""
    from baocao.parse.alignment import text_likeness

    reference = "Như báo cáo tại mục b."
    assert max(likeness(fold(reference), OUTLINE)) > 0
    told = text_likeness([*("\n".join(THUA_THIEN_HUE[n][1]) for n in (1, 2, 4)), reference], OUTLINE)
    assert told[-1] == (0.0,) * 6
    assert max(told[-2]) > 0

# Pool 15's 39-cross-reference (Thừa Thiên Huế): a clean ladder "a)" … "f)", one heading per
# item, item 3's text a cross-reference to item 2's; read with the campaign's phrases, the one
# word of the outline's in the cross-reference ("mục") took items 2-4 out of the ladder's order.
THUA_THIEN_HUE = {
    1: ("a) Bước chuẩn bị về hạ tầng mạng và dữ liệu từ sớm", (
        "Giai đoạn 2015 – 2017, tỉnh Thừa Thiên Huế đã số hóa 23.000 hồ sơ địa chính và quy hoạch đô "
        "thị.",
        "Từ năm 2015, tỉnh Thừa Thiên Huế đã triển khai hệ thống quản lý văn bản và điều hành dùng chung"
        " cho 14 cơ quan cấp tỉnh.",
        "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Thừa "
        "Thiên Huế.",
    )),
    2: ("b) Thành tựu về trung tâm điều hành, dịch vụ công và dữ liệu", (
        "UBND tỉnh Thừa Thiên Huế đã phê duyệt Đề án phát triển đô thị thông minh của địa phương tại "
        "Quyết định số 1937/QĐ-UBND ngày 2/1/2020.",
        "Trung tâm giám sát, điều hành đô thị thông minh của tỉnh Thừa Thiên Huế đã đi vào vận hành từ "
        "tháng 1/2021 và kết nối 237 camera.",
        "- Về hạ tầng số",
        "Mạng băng rộng di động 4G đã phủ sóng 76% diện tích của tỉnh Thừa Thiên Huế.",
        "- Về Trung tâm điều hành",
        "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông Thừa Thiên Huế, vận hành 6 phân hệ.",
        "Từ khi Đề án 950 được ban hành, UBND tỉnh Thừa Thiên Huế đã chỉ đạo các sở, ngành xây dựng kế "
        "hoạch triển khai phù hợp với điều kiện của địa phương.",
    )),
    3: ("c) Lan tỏa Đề án tới các ngành và người dân", (
        "Như báo cáo tại mục b.",
    )),
    4: ("d) Dòng tiền cho các dự án đô thị số", (
        "Đến nay, tỉnh Thừa Thiên Huế đã bố trí trên 62 tỷ đồng cho các dự án, nhiệm vụ thuộc Đề án, chủ"
        " yếu từ ngân sách tỉnh.",
        "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh "
        "Thừa Thiên Huế.",
        "Việc bố trí kinh phí tại tỉnh Thừa Thiên Huế được thực hiện theo quy định của Luật Ngân sách "
        "nhà nước và Luật Đầu tư công.",
    )),
    5: ("e) Những điều chưa ổn tỉnh nhận ra qua thực tế", (
        "Tỉnh Thừa Thiên Huế chưa bố trí được nguồn vốn riêng cho đô thị thông minh trong kế hoạch đầu "
        "tư công trung hạn.",
        "Dữ liệu quy hoạch đô thị của tỉnh Thừa Thiên Huế chưa được số hóa đầy đủ, khó chia sẻ giữa các "
        "sở, ngành.",
        "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Thừa Thiên Huế về đô thị thông minh còn "
        "chưa đầy đủ.",
    )),
    6: ("f) Tỉnh trông vào Trung ương ở những việc gì", (
        "Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh Thừa Thiên Huế xây dựng cơ sở dữ liệu quy hoạch "
        "đô thị.",
        "Đề xuất Bộ Xây dựng tổ chức 6 lớp tập huấn về đô thị thông minh cho cán bộ của tỉnh Thừa Thiên "
        "Huế.",
        "- Đối với Bộ Xây dựng",
        "Sớm ban hành hướng dẫn lập quy hoạch đô thị thông minh áp dụng cho tỉnh Thừa Thiên Huế.",
        "- Đối với các bộ, ngành Trung ương",
        "Ban hành khung tham chiếu ICT phát triển đô thị thông minh phiên bản mới.",
        "UBND tỉnh Thừa Thiên Huế kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa"
        " phương trong quá trình triển khai.",
    )),
}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_clean_ladder_with_a_cross_reference_for_a_text_is_read_in_its_order(tmp_path, outline):
    lines = [line for heading, text in THUA_THIEN_HUE.values() for line in (heading, *text)]
    report = read(tmp_path, lines, outline)
    assert texts(report) == {n: "\n".join(text) for n, (_, text) in THUA_THIEN_HUE.items()}



def test_a_bold_line_whose_sentence_runs_on_in_lower_case_is_no_second_line_of_the_heading_over_it():
    # Pool 24's Yên Bái scan: an ink smear over item 2's first line made it bold; under a short
    # heading it read as the heading's wrapped second line, the item's text opening mid-sentence
    # ("đoạn 2019 - 2025."). A line whose sentence goes on in the plain line under it, in lower
    # case, is the item's first line.
    first, rest = "UBND tỉnh đã chọn 5 đô thị làm thí điểm xây dựng đô thị thông minh giai", "đoạn 2019 - 2025."
    blocks = []
    for n in range(1, 7):
        blocks.append(scanned(f"Câu hỏi {n}. {KNOWN[n]}", 1, True))
        blocks += [scanned(first, 1, True), scanned(rest, 1)] if n == 2 else [scanned(body(n), 1)]
    document = Document("bao-cao.pdf", tuple(dataclasses.replace(b, index=i) for i, b in enumerate(blocks)), ocr=True)
    assert texts(extract_sections(document, OUTLINE)) == {**{n: body(n) for n in range(1, 7)}, 2: f"{first}\n{rest}"}


def test_a_lettered_heading_beside_its_first_paragraph_on_a_scan_fills_its_ladder_s_gap():
    # Pool 24's Tây Ninh scan: "Phần C:" set in a cell beside item 3's first paragraph, read
    # across the cells' rule, is the label the ladder "Phần A:", "Phần B:", "Phần D:" misses.
    blocks = []
    for n in range(1, 7):
        label = f"Phần {'ABCDEF'[n - 1]}:"
        if n == 3:
            blocks += [scanned(f"{label} Guồng máy | {body(n)}", 1)]
        else:
            blocks += [scanned(f"{label} {KNOWN[n]}", 1, True), scanned(body(n), 1)]
    document = Document("bao-cao.pdf", tuple(dataclasses.replace(b, index=i) for i, b in enumerate(blocks)), ocr=True)
    assert texts(extract_sections(document, OUTLINE)) == {n: body(n) for n in range(1, 7)}


def test_untitled_text_speaking_item_one_is_item_one_though_the_ladder_below_starts_at_one(tmp_path):
    """Item 1's heading left out: its text right after the covering sentence, then headings
    numbered 1) to 5) for items 2 to 6, the first two in words that lean to items 1 and 2. The
    untitled text speaks item 1's words more than the headings' texts do, and their texts speak
    the items after: the ladder is items 2 to 6, the untitled text item 1."""
    from test_heading_layouts import TEXTS

    wording = {2: "Những việc làm trước hết", 3: "Thông tin chung", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
    lines = [TEXTS[1]]
    for label, n in enumerate(range(2, 7), start=1):
        lines += [Bold(f"{label}) {wording[n]}"), TEXTS[n]]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert texts(report) == TEXTS


def _level(*headings):
    """Evidence of a level's headings as (own number, likeness, told, two parts, room for two)."""
    return [Evidence(likeness, ordinal=number, two_part=two, told=told, room_for_two=room)
            for number, likeness, told, two, room in headings]


# Pools 23 and 25's 51-53 (scans): five headings for six items; the fourth, in two parts whose words name
# neither item ("Hũ bạc và hòn đá chắn đường", "Nguồn tiền và điểm nghẽn"), is over a text long enough for
# two that speaks the funding and the difficulties; the fifth is over proposals that ask for funds
# ("Đề nghị Chính phủ bố trí nguồn vốn …"), so that its text leans to items 4 and 5 as much as to item 6.
FIRST_THREE_TOLD = (
    ((0.2, 0.2, 0.2, 0.48, 0.07, 0.0), (0.18, -0.02, -0.09, 0.01, -0.0, -0.03)),
    ((0.0, 0.0, 0.38, 0.0, 0.38, 0.0), (0.01, 0.02, 0.09, -0.06, -0.01, 0.03)),
    ((0.0, 0.0, 0.5, 0.0, 0.0, 0.0), (-0.07, 0.06, 0.16, -0.07, -0.1, -0.03)),
)


def test_a_heading_numbered_in_the_documents_own_count_after_one_covering_two_items_is_the_next_item():
    # "5/ Tháo gỡ từ phía Bộ" after "4/ Hũ bạc và hòn đá chắn đường", over a text for two that speaks both
    # items: its number 5 is the document's count of its headings, not item 5's (which would leave item 6
    # out); the pair, told by its text, outweighs the number.
    level = _level(*((n, alike, told, False, False) for n, (alike, told) in enumerate(FIRST_THREE_TOLD, start=1)),
                   (4, (0.33, 0.0, 0.33, 0.0, 0.0, 0.0), (0.0, 0.01, -0.08, 0.28, 0.06, -0.0), True, True),
                   (5, (0.0, 0.38, 0.0, 0.38, 0.0, 0.0), (-0.12, -0.07, -0.09, 0.1, 0.05, 0.04), False, False))
    assert align(level, 6).items == ((0,), (1,), (2,), (3, 4), (5,))


def test_a_heading_over_a_text_for_two_that_speaks_both_items_covers_both_by_its_text_not_its_place():
    # Unnumbered ("❖ Nguồn tiền và điểm nghẽn", "❖ Cơ chế tỉnh xin thêm", whose "cơ chế" is a word of the
    # difficulties' phrases): the pair is not one taken by place alone (MERGED_BY_PLACE), and item 6 is
    # found rather than left out.
    level = _level((None, (0.14, 0.0, 0.0, 0.57, 0.0, 0.0), (0.12, -0.04, -0.09, 0.05, 0.0, -0.03), False, False),
                   (None, (0.0, 0.0, 0.28, 0.28, 0.28, 0.0), (-0.02, 0.02, 0.08, -0.04, -0.01, 0.03), False, False),
                   (None, (0.0,) * 6, (0.07, 0.12, 0.2, -0.22, -0.06, -0.03), False, False),
                   (None, (0.0, 0.0, 0.0, 0.38, 0.38, 0.0), (-0.01, -0.05, -0.09, 0.35, 0.03, -0.0), True, True),
                   (None, (0.2, 0.0, 0.0, 0.0, 0.4, 0.0), (-0.15, -0.05, -0.1, 0.12, 0.05, 0.04), False, False))
    assert align(level, 6).items == ((0,), (1,), (2,), (3, 4), (5,))


def test_a_heading_in_two_parts_over_a_text_for_two_speaking_both_however_faintly_covers_both():
    # Pool 28's Hà Giang scan, its circled numbers lost: five headings of the province's own words
    # ("Khoản chi cùng mối rối" joins two parts) for six items. Its text, long enough for two, speaks
    # the difficulties only faintly beside the funding, and the last text ("Đề nghị Bộ Xây dựng …")
    # leans to items 4 and 5 as much as to 6: the words, the count and the text together take the
    # pair (MERGED_BY_TEXT), not item 6 left out.
    level = _level((None, (0.67, 0.2, 0.0, 0.13, 0.13, 0.0), (0.24, 0.0, -0.19, -0.01, -0.05, 0.06), False, False),
                   (None, (0.0, 0.5, 0.0, 0.0, 0.0, 0.0), (0.07, 0.13, 0.02, -0.06, 0.0, 0.03), False, False),
                   (None, (0.0,) * 6, (-0.05, 0.08, 0.21, -0.15, -0.08, -0.08), False, False),
                   (None, (0.0, 0.5, 0.0, 0.0, 0.0, 0.0), (-0.08, -0.15, 0.01, 0.34, 0.01, -0.08), True, True),
                   (None, (0.0,) * 6, (-0.19, -0.08, -0.05, 0.12, 0.12, 0.06), False, False))
    assert align(level, 6).items == ((0,), (1,), (2,), (3, 4), (5,))


# Pool 29's Long An report (a scan there): five headings of the province's own words for six items, the
# fourth in two parts over the funding and the difficulties together, the fifth ("Nguyện vọng gửi cấp Bộ")
# with a word that folds as one of the difficulties' ("nguyên nhân") over proposals asking for funds.
LONG_AN = (
    ("Năm 2014, UBND tỉnh Long An đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.",
     "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Long An."),
    ("UBND tỉnh Long An đã chọn 6 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025.",
     "Từ khi Đề án 950 được ban hành, UBND tỉnh Long An đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai "
     "phù hợp với điều kiện của địa phương."),
    ("Tỉnh Long An đã phát hành 28.500 tờ rơi hướng dẫn người dân cài đặt ứng dụng công dân số.",
     "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng "
     "của tỉnh Long An."),
    ("Tổng kinh phí tỉnh Long An đã bố trí cho Đề án giai đoạn 2020-2022 là 35.963 triệu đồng; dự kiến năm 2023 "
     "tiếp tục bố trí 3.694 triệu đồng.",
     "Việc bố trí kinh phí tại tỉnh Long An được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật "
     "Đầu tư công.",
     "Nguồn nhân lực công nghệ thông tin của tỉnh Long An còn thiếu, 44 xã chưa có cán bộ chuyên trách.",
     "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Long An về đô thị thông minh còn chưa đầy đủ."),
    ("Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh Long An xây dựng cơ sở dữ liệu quy hoạch đô thị.",
     "UBND tỉnh Long An kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương trong "
     "quá trình triển khai."),
)
LONG_AN_HEADINGS = ("A- ĐIỂM XUẤT PHÁT CỦA ĐỊA PHƯƠNG", "B- PHẦN VIỆC ĐÃ XONG", "C- BAN CHÈO CHỐNG",
                    "D- TIỀN BẠC VÀ MẮC MÍU", "E- NGUYỆN VỌNG GỬI CẤP BỘ")


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_the_only_heading_in_two_parts_of_a_level_one_short_covers_two_whatever_the_last_ones_words(
        tmp_path, outline):
    # Five headings for six items, and one of them alone reads as two parts over a text long enough for
    # two: the count says it covers two (MERGED_BY_COUNT), and item 6 is the last heading's, though its
    # words lean to the difficulties and its text, asking for funds, to the funding.
    lines = []
    for heading, text in zip(LONG_AN_HEADINGS, LONG_AN, strict=True):
        lines += [Bold(heading), *text]
    found = texts(read(tmp_path, lines, outline))
    merged = "\n".join(LONG_AN[3])
    assert found == {1: "\n".join(LONG_AN[0]), 2: "\n".join(LONG_AN[1]), 3: "\n".join(LONG_AN[2]),
                     4: merged, 5: merged, 6: "\n".join(LONG_AN[4])}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_heading_in_two_parts_beside_another_text_as_long_is_one_item_and_the_last_item_left_out(
        tmp_path, outline):
    # Pool 3's Đà Nẵng scan: five headings for items 1 to 5, item 6 left out. "Số vốn đã sử dụng, phân
    # theo từng nguồn" is in two parts by its comma over a long text, but so long is the difficulties' text
    # after it: the count tells no heading apart, and each is its own item.
    funding = ("Vốn xã hội hóa do các doanh nghiệp viễn thông đóng góp đạt khoảng 11 tỷ đồng.",
               "Năm 2022, UBND tỉnh Long An bố trí 3.650 triệu đồng cho các nhiệm vụ chuyển đổi số.", *LONG_AN[3][:2])
    difficulties = ("Tỉnh Long An chưa bố trí được nguồn vốn riêng cho đô thị thông minh trong kế hoạch đầu tư công "
                    "trung hạn.",
                    "Dữ liệu quy hoạch đô thị của tỉnh Long An chưa được số hóa đầy đủ, khó chia sẻ giữa các sở, "
                    "ngành.",
                    *LONG_AN[3][2:])
    parts = (*LONG_AN[:3], funding, difficulties)
    headings = (*LONG_AN_HEADINGS[:3], "D- SỐ VỐN ĐÃ SỬ DỤNG, PHÂN THEO TỪNG NGUỒN",
                "E- TRỞ LỰC TRONG QUÁ TRÌNH THỰC HIỆN")
    lines = []
    for heading, text in zip(headings, parts, strict=True):
        lines += [Bold(heading), *text]
    found = texts(read(tmp_path, lines, outline))
    assert found == {n: "\n".join(text) for n, text in enumerate(parts, start=1)}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_caps_heading_with_an_annex_note_in_lower_case_stays_in_its_ladder(tmp_path, outline):
    """Roman headings in capitals, two with "(chi tiết tại Phụ lục 01 kèm theo)" after them: the
    note in parentheses does not make the heading another form than its level's, and the points
    "1. Về …" under items 2 and 5 are not the item level (pool 34's 21, read as Word shows it)."""
    said = {1: ("I BỨC ẢNH CHỤP LÚC CHƯA KHỞI ĐỘNG", ["Năm 2017, tỉnh đã đưa vào vận hành Cổng dịch vụ công."]),
            2: ("II NHỮNG PHẦN VIỆC ĐÃ CẬP BẾN (chi tiết tại Phụ lục 01 kèm theo)",
                ["Hạ tầng cáp quang của tỉnh đã phủ tới 95% số xã.", "1. Về hạ tầng số",
                 "Mạng 4G đã phủ sóng 95% diện tích của tỉnh.", "2. Về Trung tâm điều hành",
                 "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông."]),
            3: ("III NGƯỜI GIỮ NHỊP CHO DÀN NHẠC", ["Tỉnh đã phát hành 83.500 tờ rơi hướng dẫn người dân."]),
            4: ("IV NGÂN KHOẢN CHO ĐÔ THỊ SỐ (chi tiết tại Phụ lục 02 kèm theo)",
                ["Tổng giá trị các hợp đồng đã ký kết để thực hiện Đề án là 12.000 triệu đồng."]),
            5: ("V NHỮNG CHỖ CÒN VƯỚNG", ["Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu.", "1. Về nguồn lực",
                                        "Đội ngũ cán bộ chuyên trách cấp huyện mới có 35 người.",
                                        "2. Về văn bản quy phạm pháp luật", "Chưa có quy định về chia sẻ dữ liệu."]),
            6: ("VI TỈNH MONG BỘ GIÚP SỨC", ["Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh."])}
    lines = [line for heading, text in said.values() for line in (Bold(heading), *text)]
    report = read(tmp_path, lines, outline)
    assert texts(report) == {n: "\n".join(text) for n, (_, text) in said.items()}


# A province's own headings, none in the outline's words, numbered I- to VII- as they come; V- is a
# heading of its own between items 4 and 5 (pool 41's Bến Tre). Some share a syllable with the
# campaign's phrases once folded: "nhãn" with "nhận thức" (item 3) and "nguyên nhân" (item 5), "tin
# nhắn" with "thông tin chung" (item 2).
EXTRA_BETWEEN = (
    ('I- NGỌN DIỀU VỪA RỜI TAY NGƯỜI THẢ', (
        'Năm 2016, UBND tỉnh Bến Tre đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 308 thủ tục '
        'hành chính mức độ 3, 4.',
        'Trước khi có Đề án 950, tỉnh Bến Tre đã lắp đặt 172 camera giám sát giao thông tại các nút giao'
        ' chính của đô thị trung tâm.',
        'Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Bến '
        'Tre.',
    )),
    ('II- MÙA NHÃN CHÍN VÀNG CÀNH', (
        'Hạ tầng cáp quang của tỉnh Bến Tre đã phủ tới 95% số xã, phường, thị trấn.',
        'Nền tảng phản ánh hiện trường của tỉnh Bến Tre đã tiếp nhận 308.190 phản ánh của người dân '
        'trong năm 2021.',
        'Từ khi Đề án 950 được ban hành, UBND tỉnh Bến Tre đã chỉ đạo các sở, ngành xây dựng kế hoạch '
        'triển khai phù hợp với điều kiện của địa phương.',
    )),
    ('III- ĐỘI GHE ĐUA CHUNG NHỊP MÁI', (
        'Trong năm 2021, tỉnh Bến Tre đã tổ chức 22 hội nghị phổ biến về đô thị thông minh cho cán bộ '
        'cấp huyện, cấp xã.',
        'Đài Phát thanh và Truyền hình Bến Tre phát sóng chuyên mục chuyển đổi số hằng tuần vào tối thứ '
        '5.',
        'Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại'
        ' chúng của tỉnh Bến Tre.',
    )),
    ('IV- CHUM TƯƠNG Ủ DƯỚI HIÊN NHÀ', (
        'Nguồn viện trợ không hoàn lại của các tổ chức quốc tế đã hỗ trợ 34.793 triệu đồng để tỉnh Bến '
        'Tre thực hiện các nhiệm vụ của Đề án.',
        'Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh '
        'Bến Tre.',
        'Việc bố trí kinh phí tại tỉnh Bến Tre được thực hiện theo quy định của Luật Ngân sách nhà nước '
        'và Luật Đầu tư công.',
    )),
    ('V- TRƯỜNG HỌC GỬI ĐIỂM CHO PHỤ HUYNH QUA TIN NHẮN', (
        'Năm 2023, tỉnh Bến Tre tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ '
        'liệu.',
        'UBND tỉnh Bến Tre sẽ rà soát, cập nhật Đề án đô thị thông minh của địa phương cho phù hợp với '
        'tình hình mới.',
    )),
    ('VI- MÙA NƯỚC NỔI TRÀN BỜ', (
        'Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng đô thị'
        ' thông minh tại tỉnh Bến Tre.',
        'Hạ tầng viễn thông tại 2 xã vùng sâu, vùng xa của tỉnh Bến Tre chưa đáp ứng yêu cầu.',
        '1- Về nguồn lực',
        'Đội ngũ cán bộ chuyên trách công nghệ thông tin cấp huyện của tỉnh Bến Tre mới có 19 người.',
        '2- Về văn bản quy phạm pháp luật',
        'Chưa có quy định về chia sẻ dữ liệu giữa cơ quan nhà nước và doanh nghiệp.',
        'Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Bến Tre về đô thị thông minh còn chưa đầy '
        'đủ.',
    )),
    ('VII- MŨI THUYỀN HƯỚNG RA CỬA BIỂN', (
        'Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh Bến Tre áp dụng.',
        'Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin cho '
        'Trung tâm giám sát, điều hành của tỉnh Bến Tre.',
        '1- Đối với Bộ Xây dựng',
        'Sớm ban hành hướng dẫn lập quy hoạch đô thị thông minh áp dụng cho tỉnh Bến Tre.',
        '2- Đối với các bộ, ngành Trung ương',
        'Ban hành khung tham chiếu ICT phát triển đô thị thông minh phiên bản mới.',
        'UBND tỉnh Bến Tre kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương'
        ' trong quá trình triển khai.',
    )),
)


def with_labels(headings, labels):
    """The lines of (heading, text lines) pairs, each heading's label ("II-") replaced by the next of `labels`."""
    return [line for (heading, text), label in zip(headings, labels, strict=True)
            for line in (Bold(f"{label}-{heading.split('-', 1)[1]}"), *text)]


@pytest.mark.parametrize("labels", [ROMAN, ("I", "II", "III", "IV", "VI", "VII", "VIII")],
                         ids=["numbered on by one", "a number skipped"])
@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_ladder_numbered_in_order_is_not_reordered_by_a_syllable_its_headings_share_with_the_phrases(
        tmp_path, outline, labels):
    # Taking II- for item 3 and V- for item 2 (a reorder, III- left out) fits the shared syllables
    # a little better than the province's own order with V- left out; but its headings' numbers
    # rise from each to the next, so a reorder must be said by words that name the item clearly.
    report = read(tmp_path, with_labels(EXTRA_BETWEEN, labels), outline)
    expected = {n: "\n".join(EXTRA_BETWEEN[n - 1 if n < 5 else n][1]) for n in range(1, 7)}
    assert texts(report) == expected


def test_a_reorder_against_headings_numbered_in_order_needs_words_that_name_the_item_clearly():
    # Pool 41's Bến Tre with phrases, as the alignment saw it: seven headings numbered 1-7 as they
    # come, the fifth the province's own; its words hint at item 2 (0.55, below clear) and the
    # second's at items 3 and 5 alike. Numbered in order, the province's order stands and the fifth
    # is left out; unnumbered, the hints take the fifth back to item 2 (the third left out); numbered,
    # but with words that name item 2 clearly, the reorder stands.
    likeness = ((0, 0, .5, 0, 0, 0), (0, 0, .38, 0, .38, 0), (0, .5, 0, 0, 0, 0), (0, 0, .38, .38, 0, 0),
                (0, .55, .17, 0, .17, 0), (.38, 0, 0, .38, 0, 0), (0, 0, .4, .2, 0, 0))
    told = ((.23, .01, -.06, .01, -.06, -.03), (.01, .04, .16, -.07, .01, .03), (-.09, -.03, .1, -.04, -.06, .02),
            (-.02, -.09, -.02, .45, -.07, -.03), (.03, .17, -.22, -.01, -.01, -.03),
            (-.07, -.07, -.1, .06, .18, .01), (-.1, -.02, .15, -.13, .01, .03))
    numbered = [Evidence(likeness=w, told=t, ordinal=n)
                for n, (w, t) in enumerate(zip(likeness, told, strict=True), start=1)]
    assert align(numbered, 6).items == ((0,), (1,), (2,), (3,), (), (4,), (5,))
    unnumbered = [dataclasses.replace(h, ordinal=None) for h in numbered]
    assert align(unnumbered, 6).items == ((0,), (2,), (), (3,), (1,), (4,), (5,))
    numbered[4] = dataclasses.replace(numbered[4], likeness=(0, .7, .17, 0, .17, 0))
    assert align(numbered, 6).items[4] == (1,)


def test_a_neighbour_swap_against_rising_numbers_is_weighed_as_any_reorder():
    # Pool 2's Sóc Trăng as the alignment saw it: six parts numbered in order, item 4 written before
    # item 3; the third part's text tells item 4, the fourth's words only hint at item 3 (0.31). Two
    # neighbours swapped are the common reorder: no more to pay for them than in any report.
    likeness = ((.69, .23, 0, .12, 0, 0), (.47, .49, .2, .17, .16, 0), (.41, .41, 0, .36, 0, .14),
                (.31, .22, .31, .14, .17, 0), (.09, 0, 0, .36, .18, .18), (.1, 0, .12, .31, .52, 0))
    told = ((.06, .01, -.14, .06, -.02, .03), (.13, .04, .08, -.17, -.06, .06), (-.03, -.06, -.12, .47, -.06, -.04),
            (.04, .06, .14, -.08, -.07, -.04), (-.07, -.02, .08, -.13, .05, .03), (-.13, -.03, -.04, .1, .16, -.04))
    numbered = [Evidence(likeness=w, told=t, ordinal=n)
                for n, (w, t) in enumerate(zip(likeness, told, strict=True), start=1)]
    assert align(numbered, 6).items[2:4] == ((3,), (2,))


def test_a_ladder_whose_number_skips_a_rung_leaves_the_item_between_unless_the_words_name_it_clearly():
    # A scan's "Phần A." to "Phần F." with "Phần B." unread (a speck before it), as the alignment saw
    # it: five headings numbered 1, 3, 4, 5, 6 whose titles speak no item, C's sharing a syllable or
    # two with item 2 (0.5). The numbers say an item lies between A and C: C is item 3 (the five
    # were taken for items 1-5, and that no report on the outline: every cell lost). Words that
    # name item 2 clearly still take C for it.
    likeness = ((0, 0, .29, .53, 0, 0), (.19, .5, 0, 0, .5, 0), (0, 0, 0, 0, .5, 0), (0, 0, 0, 0, 0, 0),
                (0, 0, 0, .33, 0, 0))
    skipping = [Evidence(likeness=w, ordinal=n) for w, n in zip(likeness, (1, 3, 4, 5, 6), strict=True)]
    assert align(skipping, 6).items == ((0,), (2,), (3,), (4,), (5,))
    skipping[1] = dataclasses.replace(skipping[1], likeness=(.19, .7, 0, 0, .5, 0))
    assert align(skipping, 6).items[:2] == ((0,), (1,))


def test_headings_as_many_as_the_items_with_a_number_read_short_keep_to_the_items_in_order():
    # Pool 45's Thái Bình scan with phrases, as the alignment saw it: item 1's heading left out (its
    # text right after the preamble), "II/" and "III/" read "I/" and "II/" (an I short), then "IV/",
    # "V/", "VI/". The numbers skip as a lost rung's would, but the untitled text and five headings
    # are six, room for no lost rung: the headings keep to items 2-6 in their order, as their texts
    # tell (three cells were lost to the skip: the untitled text left out, "I/" taken for item 1).
    likeness = ((.5, 0, 0, 0, 0, 0), (0, 0, 0, .38, .38, 0), (0,) * 6, (0,) * 6, (0, 0, 0, .5, 0, 0))
    told = ((.19, .08, .1, -.18, -.06, .07), (-.04, .09, .12, -.05, -.11, -.03), (.05, -.07, -.04, .37, -.06, -.03),
            (-.11, -.06, -.05, -.01, .19, -.03), (-.09, -.04, -.13, .12, .04, .03))
    untitled = Evidence(likeness=(0,) * 6, leading_text=True, told=(.2, .05, -.18, .02, -.01, .04))
    headings = [untitled, *(Evidence(likeness=w, told=t, ordinal=n)
                            for w, t, n in zip(likeness, told, (1, 2, 4, 5, 6), strict=True))]
    assert align(headings, 6).items == ((0,), (1,), (2,), (3,), (4,), (5,))
