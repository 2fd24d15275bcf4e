"""Every cell comes with how sure the reader is of it and why a person should look:
the analyst checks the doubtful cells, not all 63 x 6."""

import re
from dataclasses import replace
from datetime import date

import docx
import pytest
from docx_builders import Bold, add_table, write_letterhead, write_signoff
from test_outline_alignment import (
    EXTRA_BETWEEN,
    KNOWN,
    OUTLINE,
    ROMAN,
    UNKNOWN,
    WITHOUT_PHRASES,
    body,
    items,
    read,
    with_labels,
)

from baocao.parse.confidence import CLOSE_MARGIN, REVIEW_BELOW, Reading, Reason, Support, assess, needs_review, note
from baocao.parse.document import Block, Document
from baocao.parse.docx import read_docx
from baocao.parse.legacy import from_unicode
from baocao.parse.letterhead import report_reference
from baocao.parse.sections import _ends_as_list_line, extract_sections


def test_reasons_are_said_in_vietnamese_in_the_order_found():
    assert note([Reason.BY_POSITION, Reason.OCR]) == "tìm theo vị trí; OCR"


def test_a_merge_names_its_items():
    assert note([Reason.MERGED], number=6, merged_with=(5,)) == "gộp mục 5 và 6"
    assert note([Reason.MERGED], number=4, merged_with=(5, 6)) == "gộp mục 4, 5 và 6"


def test_a_reason_said_twice_is_said_once_and_an_unknown_code_as_it_is():
    assert note(["ocr", "ocr", "from_a_newer_store"]) == "OCR; from_a_newer_store"


def test_review_below_the_threshold_only():
    assert needs_review(REVIEW_BELOW - 0.01) and not needs_review(REVIEW_BELOW)


# -- what the reader says of the cells it cuts ---------------------------------------------

def test_items_found_by_their_own_words_in_their_places_need_no_review(tmp_path):
    report = read(tmp_path, items(range(1, 7), lambda p: f"{ROMAN[p - 1]}.", KNOWN))
    assert all(s.confidence >= 0.9 and not s.review and not s.reasons for s in report.sections)


def test_a_numbered_heading_whose_words_name_nothing_is_noted_but_its_number_and_place_carry_it(tmp_path):
    wording = {**KNOWN, 3: UNKNOWN[3]}
    report = read(tmp_path, items(range(1, 7), lambda p: f"{p}.", wording), WITHOUT_PHRASES)
    third = section_of(report, 3)
    assert third.text == body(3)
    assert [s.number for s in report.sections if s.reasons] == [3] and third.reasons == (Reason.BY_POSITION,)
    assert not third.review


def unnumbered(wording, order=range(1, 7)):
    return [line for n in order for line in (Bold(wording[n].upper()), body(n))]


def test_unnumbered_headings_with_words_of_no_item_between_recognised_neighbours_are_trusted(tmp_path):
    report = read(tmp_path, unnumbered({**KNOWN, 2: UNKNOWN[2], 5: UNKNOWN[5]}), WITHOUT_PHRASES)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert not any(s.review for s in report.sections)
    assert note(section_of(report, 2).reasons) == "tìm theo vị trí"


def test_unknown_headings_that_do_not_fill_the_gap_between_their_neighbours_are_flagged(tmp_path):
    # Items 2-5 under three headings none of whose words the outline has: which is which is a guess.
    lines = unnumbered({**KNOWN, 2: UNKNOWN[2], 3: UNKNOWN[3], 5: UNKNOWN[5]}, order=(1, 2, 3, 5, 6))
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    guessed = [s for s in report.sections if s.number not in (1, 6)]
    assert guessed and all(s.review and Reason.BY_POSITION in s.reasons for s in guessed)
    assert not section_of(report, 1).review and not section_of(report, 6).review


def test_a_heading_over_two_items_counts_as_two_between_a_guessed_heading_and_the_outlines_end(tmp_path):
    # Five headings of the province's own words for six items, the fourth over items 4 and 5
    # ("cùng" joins them): item 2's heading names nothing, and after it three headings hold
    # the four items up to the outline's end. Its place is confirmed on that side too.
    lines = [
        Bold("I – MẶT BẰNG LÚC BẮT TAY"),
        "Năm 2017, UBND tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 787 thủ tục hành chính.",
        "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh.",
        Bold("II – VIÊN GẠCH ĐÃ XÂY"),
        "Hạ tầng cáp quang của tỉnh đã phủ tới 99% số xã, phường, thị trấn.",
        "Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai.",
        Bold("III – SỢI DÂY LIÊN KẾT CÁC NGÀNH"),
        "UBND tỉnh đã ban hành Kế hoạch số 286/KH-UBND ngày 12/1/2021 về triển khai Đề án 950 trên địa bàn.",
        "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng.",
        Bold("IV – SỔ THU CHI CÙNG BỨC TƯỜNG VÔ HÌNH"),
        "Kinh phí tỉnh đã giải ngân cho Đề án là 35.673 triệu đồng; số còn lại 1.740 triệu đồng chuyển nguồn.",
        "Việc bố trí kinh phí được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư công.",
        "Dữ liệu quy hoạch đô thị của tỉnh chưa được số hóa đầy đủ, khó chia sẻ giữa các sở, ngành.",
        "Nhận thức của một bộ phận cán bộ, công chức về đô thị thông minh còn chưa đầy đủ.",
        Bold("V – TỈNH GÕ CỬA BỘ"),
        "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.",
        "UBND tỉnh kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương.",
    ]
    for outline in (OUTLINE, WITHOUT_PHRASES):
        report = read(tmp_path, lines, outline)
        assert section_of(report, 4).merged_with == (5,)
        second = section_of(report, 2)
        assert second.text.startswith("Hạ tầng cáp quang") and Reason.BY_POSITION in second.reasons
        assert not second.review


def test_a_parts_title_right_over_its_items_is_no_unread_text_that_reads_like_one_of_them(tmp_path):
    """"Phần II: Kiến nghị, đề xuất của tỉnh" over items 5 and 6 (numbered 2.1, 2.2): a title
    taken for no item with no text of its own left nothing unread, so item 6's cell, whose
    own text is short and plain, is not doubted for the title's words."""
    lines = [Bold("Phần I: Kết quả thực hiện")]
    for n in (1, 2, 3, 4):
        lines += [Bold(f"1.{n} {KNOWN[n]}"), body(n)]
    proposals = "Tỉnh mong Trung ương hỗ trợ thêm nguồn lực."
    lines += [Bold("Phần II: Kiến nghị, đề xuất của tỉnh"), Bold(f"2.1 {KNOWN[5]}"), body(5),
              Bold(f"2.2 {UNKNOWN[6]}"), proposals]
    for outline in (OUTLINE, WITHOUT_PHRASES):
        last = section_of(read(tmp_path, lines, outline), 6)
        assert last.text == proposals
        assert Reason.READS_ELSEWHERE not in last.reasons and not last.review


def test_an_item_written_out_of_order_is_found_by_its_words_and_said_to_be_reordered(tmp_path):
    report = read(tmp_path, items((1, 2, 4, 5, 3, 6), lambda p: f"{ROMAN[p - 1]}.", KNOWN), WITHOUT_PHRASES)
    assert section_of(report, 3).text == body(3)
    assert [s.number for s in report.sections if Reason.REORDERED in s.reasons] == [3]


def test_an_item_out_of_order_that_words_do_not_name_is_left_empty_not_put_in_another_cell(tmp_path):
    wording = {**KNOWN, 3: UNKNOWN[3]}
    report = read(tmp_path, items((1, 2, 4, 5, 3, 6), lambda p: f"{ROMAN[p - 1]}.", wording), WITHOUT_PHRASES)
    assert 3 not in {s.number for s in report.sections}  # the table flags the empty cell of a reporting province
    assert not any(body(3) in s.text for s in report.sections)


def test_item_one_taken_from_untitled_text_says_it_had_no_heading(tmp_path):
    lines = ["Trước Đề án 950, tỉnh đã xây dựng cổng dịch vụ công.",
             *items(range(2, 7), lambda p: f"{ROMAN[p]}.", KNOWN)]
    first = section_of(read(tmp_path, lines), 1)
    assert first.reasons[0] == Reason.NO_HEADING


def test_merged_items_say_so_without_asking_for_a_review(tmp_path):
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN),
             Bold("V. Khó khăn, vướng mắc và đề xuất, kiến nghị"), "Khó khăn và đề xuất của tỉnh."]
    report = read(tmp_path, lines)
    fifth = section_of(report, 5)
    assert Reason.MERGED in fifth.reasons and not fifth.review
    assert note(fifth.reasons, 5, fifth.merged_with) == "gộp mục 5 và 6"


def test_an_item_whose_heading_was_missed_flags_the_item_that_swallowed_it(tmp_path):
    lines = [*items(range(1, 5), lambda p: f"{ROMAN[p - 1]}.", KNOWN),
             "Khó khăn, vướng mắc", body(5),  # a plain line: the reader does not take it for a heading
             Bold("VI. Đề xuất, kiến nghị"), body(6)]
    report = read(tmp_path, lines)
    assert 5 not in {s.number for s in report.sections}
    fourth = section_of(report, 4)
    assert body(5) in fourth.text and fourth.review and Reason.HOLDS_OTHER in fourth.reasons


def test_scanned_text_is_said_to_be_ocr_but_clear_headings_still_need_no_review():
    confidence, reasons = assess(Support(words=1.0, numbered=True, in_order=True), ocr=True)
    assert reasons == (Reason.OCR,) and not needs_review(confidence)
    confidence, reasons = assess(Support(words=0.0, numbered=True, in_order=True), ocr=True)
    assert needs_review(confidence) and reasons == (Reason.BY_POSITION, Reason.OCR)


def test_a_section_far_longer_than_the_others_is_flagged():
    confidence, reasons = assess(Support(words=1.0, numbered=True, in_order=True), length_ratio=6.0)
    assert Reason.TOO_LONG in reasons and needs_review(confidence)


def texts_of(report):
    return {s.number: s.text for s in report.sections}


def section_of(report, number):
    return next(s for s in report.sections if s.number == number)


def test_item_one_without_a_heading_is_trusted_when_the_first_heading_is_numbered_two(tmp_path):
    lines = ["Trước năm 2018, tỉnh đã xây dựng cổng dịch vụ công.",
             *items(range(2, 7), lambda p: f"{ROMAN[p]}.", UNKNOWN)]
    first = section_of(read(tmp_path, lines, WITHOUT_PHRASES), 1)
    assert first.reasons == (Reason.NO_HEADING,) and not first.review


def test_item_one_taken_from_untitled_text_is_for_review_only_with_another_doubt():
    # Measured on pools 1-13: untitled text before the first heading, taken for item 1, was never
    # wrong, whether or not the first heading was clearly item 2.
    untitled = Support(words=0.0, numbered=None, in_order=True, anchors=0, no_heading=True)
    confidence, reasons = assess(untitled)
    assert reasons == (Reason.NO_HEADING,) and not needs_review(confidence)
    assert needs_review(assess(replace(untitled, margin=0.1))[0])  # a second reading almost as good
    assert not needs_review(assess(untitled, ocr=True)[0])  # read from page images: no structural doubt


def test_a_text_of_a_word_or_two_is_said_to_be_short_but_flags_only_with_another_doubt():
    named = Support(words=0.9, numbered=True, in_order=True, anchors=2)
    confidence, reasons = assess(named, letters=7)  # "Không có."
    assert reasons == (Reason.TOO_SHORT,) and not needs_review(confidence)
    assert needs_review(assess(Support(words=0.0, numbered=True, in_order=True, anchors=1), letters=7)[0])
    # Read from page images, a word or two may be all the OCR made of the text.
    assert needs_review(assess(named, letters=7, ocr=True)[0])


def test_the_outlines_first_or_last_item_placed_on_one_side_is_placed_as_on_both():
    # A heading whose words name nothing, taken for item 6 after its neighbours: no item comes
    # after the last one for it to be instead. A middle item so placed may be its neighbour.
    last = Support(words=0.0, numbered=False, in_order=True, anchors=1, outer=True)
    assert assess(last) == assess(replace(last, anchors=2))
    assert not needs_review(assess(last)[0])
    assert needs_review(assess(replace(last, outer=False))[0])
    assert needs_review(assess(replace(last, anchors=0))[0])  # placed on neither side
    # The first item after text no heading took: the side the outline would close is in doubt.
    first = replace(last, numbered=True)
    assert not needs_review(assess(first)[0]) and needs_review(assess(first, after_untitled=True)[0])


def test_a_heading_of_the_provinces_own_among_unknown_ones_makes_each_a_guess(tmp_path):
    # Items 5 and 6 and a heading of the province's own, none in the outline's words:
    # which two of the three are the items cannot be told from their places.
    lines = [*items(range(1, 5), lambda p: f"{p}.", KNOWN), Bold(f"5. {UNKNOWN[5]}"), body(5),
             Bold("6. Một số việc khác đã làm"), "Việc khác của tỉnh.", Bold(f"7. {UNKNOWN[6]}"), body(6)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert not any(s.review for s in report.sections if s.number <= 4)
    assert all(s.review for s in report.sections if s.number >= 5)


def test_words_naming_another_item_cast_doubt_unless_the_place_is_confirmed_on_both_sides_or_firmly():
    doubted = Support(words=0.1, numbered=None, in_order=True, anchors=1, elsewhere=0.8, margin=0.5)
    assert Reason.WORDS_ELSEWHERE in assess(doubted)[1]
    confirmed = Support(words=0.1, numbered=None, in_order=True, anchors=2, elsewhere=0.8, margin=0.5)
    assert Reason.WORDS_ELSEWHERE not in assess(confirmed)[1]
    # The alignment weighed those words against the place and the place won by far: no second
    # reading, taking the heading for the item its words point at, comes close.
    firm = Support(words=0.1, numbered=None, in_order=True, anchors=1, elsewhere=0.8, margin=CLOSE_MARGIN)
    assert Reason.WORDS_ELSEWHERE in assess(firm)[1]  # said, but no doubt on the place
    assert assess(firm)[0] == assess(replace(firm, elsewhere=0.0))[0]


# -- the text as a third witness -------------------------------------------------------------

# What each item's text says, in words of the outline's own headings (no phrase needed).
SAYS = {
    1: "Trước khi Đề án 950 được ban hành, tỉnh đã triển khai công việc số hóa hồ sơ.",
    2: "Thông tin chung: sau khi Đề án 950 được ban hành, tỉnh đã có 3 đô thị thí điểm.",
    3: "Tỉnh đã tuyên truyền và ban hành chương trình, kế hoạch hành động.",
    4: "Kinh phí thực hiện các dự án đầu tư là 50 tỷ đồng.",
    5: "Khó khăn, vướng mắc về nguồn lực và văn bản quy phạm pháp luật.",
    6: "Tỉnh kiến nghị và đề xuất Bộ Xây dựng hướng dẫn.",
}


def told(order, label=lambda p: f"{ROMAN[p - 1]}.", wording=UNKNOWN):
    """Headings in `wording` numbered by their position, each over its item's own text."""
    for position, n in enumerate(order, start=1):
        yield Bold(f"{label(position)} {wording[n]}")
        yield SAYS[n]


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_items_written_in_another_order_under_headings_that_name_nothing_are_placed_by_their_text_and_flagged(
        tmp_path, outline):
    # Item 4 (funding) before item 3, numbered in sequence: their texts tell which is which,
    # against the order, and a person is asked to confirm the swap.
    report = read(tmp_path, told((1, 2, 4, 3, 5, 6)), outline)
    assert section_of(report, 3).text == SAYS[3] and section_of(report, 4).text == SAYS[4]
    assert [s.number for s in report.sections if s.review] == [3, 4]
    assert Reason.REORDERED in section_of(report, 3).reasons


def test_a_text_that_reads_like_another_item_takes_away_what_its_place_alone_said():
    placed = Support(words=0.0, numbered=None, in_order=True, anchors=2)  # place confirmed on both sides
    sure, _ = assess(placed)
    doubted, reasons = assess(placed, reading=Reading(elsewhere=0.3))
    assert Reason.READS_ELSEWHERE in reasons and needs_review(doubted) and not needs_review(sure)
    assert note(reasons) == "tìm theo vị trí; nội dung giống mục khác"
    backed, _ = assess(placed, reading=Reading(own=True))
    assert backed >= sure


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_items_in_the_outlines_order_under_headings_that_name_nothing_are_not_doubted_by_their_text(
        tmp_path, outline):
    report = read(tmp_path, told(range(1, 7)), outline)
    assert not any(Reason.READS_ELSEWHERE in s.reasons or s.review for s in report.sections)


# Item 1's text in the province's own words that happen to be item 6's once folded ("xuất phát",
# "điều kiện", "nghị quyết"), item 6's in words of no item: one text leans to the other's item.
CHANCE = {**SAYS, 1: "Điểm xuất phát của tỉnh là điều kiện hạ tầng và nghị quyết của Tỉnh ủy từ trước năm 2018.",
          6: "Tỉnh mong Bộ sớm có hướng dẫn thống nhất."}


def test_a_complete_ladder_of_the_reports_own_numbers_outweighs_one_text_leaning_to_another_item(tmp_path):
    # Headings "1." to "6." in order, each in words of no item: the numbers vouch for the order,
    # and a text leaning alone to another item (its partner not leaning back, no heading's words
    # saying so) is its wording, not a swap (pool 33's 35, pool 32's 06, pool 31's 35).
    numbered = [line for n in range(1, 7) for line in (Bold(f"{n}. {UNKNOWN[n]}"), CHANCE[n])]
    report = read(tmp_path, numbered, WITHOUT_PHRASES)
    assert texts_of(report) == CHANCE and not any(s.review for s in report.sections)


def test_a_text_given_no_item_with_a_word_or_two_of_the_outlines_reads_like_no_item(tmp_path):
    # "Hướng đi sau năm 2025" over a sentence with no other word of the outline's: its "sau"
    # (item 2's "kể từ sau") is chance, and item 2's cell is not doubted for it (pool 23's 51).
    lines = [*told((1, 2, 3)), Bold("IV. Hướng đi sau năm 2025"), "Năm 2023, tỉnh tiếp tục hoàn thiện nền tảng.",
             *told((4, 5, 6), label=lambda p: f"{ROMAN[p + 3]}.")]
    report = read(tmp_path, lines)
    assert texts_of(report) == SAYS and not any(s.review for s in report.sections)


def test_a_heading_that_names_its_item_is_not_overruled_by_its_text(tmp_path):
    # Items 3 and 4 under their own words, each over the other's text (the province wrote it so):
    # the text casts doubt on the place, not on the words.
    lines = [*items((1, 2), lambda p: f"{ROMAN[p - 1]}.", KNOWN),
             Bold(f"III. {KNOWN[3]}"), SAYS[4], Bold(f"IV. {KNOWN[4]}"), SAYS[3],
             *items((5, 6), lambda p: f"{ROMAN[p + 3]}.", KNOWN)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert not section_of(report, 3).review and not section_of(report, 4).review


def test_a_heading_of_the_provinces_own_where_an_item_is_expected_leaves_no_wrong_cell_unflagged(tmp_path):
    # An extra heading where the funding item is expected, none of the headings in the
    # outline's words: whichever headings the reader takes for items 4-6, a cell that
    # holds another text than its item's is flagged, for that text reads like another item.
    lines = [*told((1, 2, 3)), Bold("IV. Tầm nhìn"), "Năm 2030 tỉnh trở thành đô thị số.",
             *told((4, 5, 6), label=lambda p: f"{ROMAN[p + 3]}.")]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert all(s.review for s in report.sections if s.text != SAYS[s.number])
    assert not any(s.review for s in report.sections if s.text == SAYS[s.number])


def test_an_item_that_reads_better_in_a_text_given_no_item_is_doubted_more_than_one_read_better_in_a_cell():
    # A text the reader left out (its heading taken for no item) that speaks the item's
    # words better than the cell's own: the item may be under that heading, whatever the
    # cell's heading says. A scan's cell so doubted asks for a review.
    named = Support(words=0.6, numbered=True, in_order=True, anchors=2)
    in_a_cell, _ = assess(named, ocr=True, reading=Reading(elsewhere=0.3))
    left_out, reasons = assess(named, ocr=True, reading=Reading(elsewhere=0.3, unread=0.3))
    assert Reason.READS_ELSEWHERE in reasons
    assert needs_review(left_out) and not needs_review(in_a_cell)


def test_a_heading_taken_by_its_place_next_to_an_item_not_found_is_flagged(tmp_path):
    # Five headings for six items, the last naming nothing: it is item 5 or item 6 (the
    # province merged or left one out), and its place alone cannot tell which.
    wording = {**KNOWN, 6: UNKNOWN[6]}
    lines = [line for position, n in enumerate((1, 2, 3, 4, 6), start=1)
             for line in (Bold(f"{position}. {wording[n]}"), body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    last = report.sections[-1]
    assert len(report.sections) == 5 and last.text == body(6)
    assert last.review and Reason.BESIDE_MISSING in last.reasons
    assert note([Reason.BESIDE_MISSING]) == "cạnh mục không tìm thấy"
    assert not any(s.review for s in report.sections[:-1])


def test_a_line_before_the_reports_title_is_letterhead_and_no_items_heading():
    # A PDF whose letterhead is laid out in two columns: the motto's and the province's
    # lines come out as lines of their own, in capitals and bold, where by their place they
    # could pass for the first items. The report's title ("BÁO CÁO") comes after them: they
    # are the letterhead, which keeps the report's number and date, and no item's heading.
    lines = [("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", False), ("NAM", True), ("TỈNH AN PHÚ", True),
             ("Độc lập - Tự do - Hạnh phúc", True), ("Số: 12/BC-UBND", False),
             ("An Phú, ngày 3 tháng 5 năm 2022", False), ("BÁO CÁO", True),
             ("Tình hình phát triển đô thị thông minh trên địa bàn tỉnh An Phú", True),
             ("Thực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng về việc báo", False),
             ("cáo tình hình, UBND tỉnh An Phú báo cáo như", False), ("sau:", False)]
    for n in range(2, 7):
        lines += [(KNOWN[n].upper(), True), (body(n), False)]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, bold, "") for i, (text, bold) in enumerate(lines))
    report = extract_sections(Document("bao-cao.pdf", blocks), OUTLINE)
    assert {s.number: (s.heading, s.text) for s in report.sections} == {
        n: (KNOWN[n].upper(), body(n)) for n in range(2, 7)}
    assert all(Reason.IN_LETTERHEAD not in s.reasons for s in report.sections)
    reference = report_reference(report.letterhead)
    assert (reference.number, reference.date) == ("12/BC-UBND", date(2022, 5, 3))
    assert note([Reason.IN_LETTERHEAD]) == "tiêu đề nằm trong phần đầu văn bản"


def test_a_heading_that_names_its_item_but_lies_in_the_letterhead_is_still_flagged():
    named = Support(words=1.0, numbered=True, in_order=True, anchors=2)
    assert not needs_review(assess(named)[0])
    assert needs_review(assess(named, in_letterhead=True)[0])


def test_headings_after_the_title_are_not_said_to_be_in_the_letterhead(tmp_path):
    report = read(tmp_path, items(range(1, 7), lambda p: f"{ROMAN[p - 1]}.", KNOWN))
    assert all(Reason.IN_LETTERHEAD not in s.reasons for s in report.sections)


def test_the_first_item_of_a_merge_guessed_from_a_heading_too_few_is_flagged(tmp_path):
    # Five headings for six items, the last naming nothing: the reader takes it for items 5
    # and 6 together, but a province that left item 5 out (or merged it with item 4) wrote
    # it for item 6 alone: its text is one item's long. Which item it is, is a guess: item 5
    # is flagged.
    lines = [line for position, n in enumerate((1, 2, 3, 4), start=1) for line in (Bold(f"{position}. {KNOWN[n]}"),
                                                                                    body(n))]
    lines += [Bold("5. Những đề đạt của tỉnh gửi các bộ, ngành"), body(6)]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    fifth = section_of(report, 5)
    assert fifth.merged_with == (6,) and fifth.review and Reason.MERGE_UNNAMED in fifth.reasons
    assert Reason.MERGE_UNNAMED not in section_of(report, 6).reasons
    assert note([Reason.MERGE_UNNAMED]) == "gộp mục nhưng chỉ có nội dung của một mục"


def test_a_merged_heading_whose_words_name_both_items_or_over_two_items_text_is_not_doubted():
    named = Support(words=1.0, numbered=True, in_order=True, anchors=2)
    unnamed = Support(words=0.0, numbered=True, in_order=True, anchors=2)
    assert Reason.MERGE_UNNAMED not in assess(named, merged=True, merged_first=True)[1]
    assert Reason.MERGE_UNNAMED not in assess(unnamed, merged=True, merged_first=True, length_ratio=2.0)[1]
    assert Reason.MERGE_UNNAMED in assess(unnamed, merged=True, merged_first=True, length_ratio=1.0)[1]


def test_a_funding_item_without_a_figure_where_another_item_states_one_is_flagged():
    # A heading taken for the funding item by its place ("IV. Việc sẽ làm") over the
    # proposals, the amounts under another heading: the funding item's heading is most
    # likely in the wrong place.
    texts = {n: body(n) for n in range(1, 7)}
    texts[4] = "Đề nghị Chính phủ hỗ trợ tỉnh xây dựng cơ sở dữ liệu."
    texts[5] = "Tổng kinh phí thực hiện giai đoạn 2018 – 2022 là 30 tỷ đồng."
    wording = {**KNOWN, 4: "Việc sẽ làm"}
    lines = [line for n in range(1, 7) for line in ((f"{ROMAN[n - 1]}. {wording[n]}", f"{ROMAN[n - 1]}.", True),
                                                    (texts[n], "", False))]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, bold, number)
                   for i, (text, number, bold) in enumerate(lines))
    report = extract_sections(Document("bao-cao.docx", blocks), OUTLINE)
    funding = section_of(report, 4)
    assert funding.review and Reason.FIGURE_ELSEWHERE in funding.reasons
    assert not any(s.review for s in report.sections if s.number != 4)
    assert note([Reason.FIGURE_ELSEWHERE]) == "mục kinh phí không có số liệu, mục khác có"


def test_a_funding_item_that_says_no_funding_was_used_is_not_doubted_for_its_figure():
    texts = {n: body(n) for n in range(1, 7)}
    texts[4] = "Tỉnh chưa bố trí kinh phí riêng cho đô thị thông minh."
    texts[2] = "Trung tâm IOC có tổng mức đầu tư 12 tỷ đồng."
    lines = [line for n in range(1, 7) for line in ((f"{ROMAN[n - 1]}. {KNOWN[n]}", f"{ROMAN[n - 1]}.", True),
                                                    (texts[n], "", False))]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, bold, number)
                   for i, (text, number, bold) in enumerate(lines))
    report = extract_sections(Document("bao-cao.docx", blocks), OUTLINE)
    assert not any(s.review for s in report.sections)


def test_the_first_section_taken_by_its_place_after_text_no_heading_took_is_doubted():
    # Text after the covering sentence that no heading took ("Tình hình của tỉnh từ năm 2014
    # …" written as a bold sentence, not a heading): item 1's heading may be there, and the
    # first heading found, taken for item 1 by its place, be item 2's.
    placed = Support(words=0.2, numbered=None, in_order=True, anchors=1)
    alone, _ = assess(placed)
    doubted, reasons = assess(placed, after_untitled=True)
    assert not needs_review(alone) and needs_review(doubted) and Reason.AFTER_UNTITLED in reasons
    named = Support(words=1.0, numbered=True, in_order=True, anchors=1)
    assert not needs_review(assess(named, after_untitled=True)[0])
    assert note([Reason.AFTER_UNTITLED]) == "sau đoạn văn không thuộc mục nào"


def test_a_heading_ending_as_a_line_of_a_list_is_flagged_whatever_its_words_name(tmp_path):
    # "(6) Các đề xuất, kiến nghị;": the outline quoted as a list (in the covering sentence,
    # or items listed in a paragraph) read as headings; a heading does not end in ";" or ",".
    listed = read(tmp_path, [line for n in range(1, 7) for line in (Bold(f"({n}) {KNOWN[n]};"), body(n))])
    assert len(listed.sections) == 6
    assert all(s.review and Reason.LIST_LINE in s.reasons for s in listed.sections)
    headed = read(tmp_path, [line for n in range(1, 7) for line in (Bold(f"({n}) {KNOWN[n]}"), body(n))])
    assert not any(s.review or Reason.LIST_LINE in s.reasons for s in headed.sections)
    assert note([Reason.LIST_LINE]) == "tiêu đề là một dòng liệt kê"
    named = Support(words=1.0, numbered=True, in_order=True, anchors=2)
    assert needs_review(assess(named, list_line=True)[0])


def test_a_heading_in_capitals_broken_at_a_comma_and_going_on_in_capitals_is_no_line_of_a_list():
    # Pool 4's Sóc Trăng scan: "PHẦN II BỨC TRANH CHUNG VỀ ĐÔ THỊ THÔNG MINH Ở TỈNH," wrapped over
    # three lines, two joined, "THÀNH PHỐ SAU NĂM 2018:" left at its section's top: the comma is
    # where the heading's line broke. A list's line ends so whatever follows it.
    wrapped = "PHẦN II BỨC TRANH CHUNG VỀ ĐÔ THỊ THÔNG MINH Ở TỈNH,"
    assert not _ends_as_list_line(wrapped, "THÀNH\nPHỐ SAU NĂM 2018: UBND tỉnh đã chọn 9 đô thị.")
    assert _ends_as_list_line(wrapped, "UBND tỉnh đã chọn 9 đô thị làm thí điểm.")
    assert _ends_as_list_line("(2) THÔNG TIN CHUNG SAU ĐỀ ÁN 950;", "THÀNH PHỐ SAU NĂM 2018:")
    assert _ends_as_list_line("(2) Thông tin chung sau Đề án 950,", "THÀNH PHỐ SAU NĂM 2018:")


# -- a cell cut where it should not be -------------------------------------------------------

def test_a_heading_in_capitals_running_on_into_its_items_first_sentence_is_flagged(tmp_path):
    # A line the page did not break: "2. THÔNG TIN CHUNG … UBND tỉnh" / "Hà Giang đã chọn …".
    # The heading took the text's first words, whatever it names.
    lines = [line for n in range(1, 7) for line in (Bold(f"{n}. {KNOWN[n].upper()}"), body(n))]
    lines[2:4] = [Bold(f"2. {KNOWN[2].upper()} UBND tỉnh"), "Hà Giang đã chọn 6 đô thị làm thí điểm."]
    report = read(tmp_path, lines)
    second = section_of(report, 2)
    assert second.review and Reason.MID_SENTENCE in second.reasons
    assert not any(s.review or s.reasons for s in report.sections if s.number != 2)
    assert note([Reason.MID_SENTENCE]) == "tiêu đề hoặc nội dung bị cắt giữa câu"


def test_a_text_beginning_mid_sentence_under_a_heading_not_ending_in_a_colon_is_flagged(tmp_path):
    # "6. Đề xuất, kiến nghị của tỉnh với Bộ Xây dựng và các bộ" / "ngành Trung ương …": the
    # heading's line broke where the sentence went on (or the heading took the first words of the
    # text); a text in lower case after a heading's colon goes on as written.
    lines = [line for n in range(1, 7) for line in (Bold(f"{n}. {KNOWN[n]}"), body(n))]
    lines[10:12] = [Bold(f"6. {KNOWN[6]} của tỉnh với Bộ Xây dựng và các bộ"), "ngành Trung ương như sau.", body(6)]
    lines[8:10] = [Bold(f"5. {KNOWN[5]}:"), "thiếu nhân lực, dữ liệu chưa đồng bộ."]
    report = read(tmp_path, lines)
    assert Reason.MID_SENTENCE in section_of(report, 6).reasons and section_of(report, 6).review
    assert not section_of(report, 5).reasons and not section_of(report, 5).review


def test_a_heading_holding_its_items_first_sentence_is_flagged(tmp_path):
    # Pool 40's Gia Lai: each heading "1. Tấm bản đồ…" in the text's face, its item's first
    # sentence in the same paragraph; read as one heading, the item lost that sentence (the
    # funding figure with it) at 0.9-0.99 and no flag. A title as long as a sentence that ends
    # as one is no title: the cell is doubted, whichever item it is.
    first = {n: f"Giai đoạn 2015 – 2017, tỉnh đã số hóa {n}7.000 hồ sơ địa chính và quy hoạch đô thị của các huyện."
             for n in UNKNOWN}
    lines = [line for n in UNKNOWN for line in (f"{n}. {UNKNOWN[n]} {first[n]}", body(n))]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert [s.heading for s in report.sections] == [f"{n}. {UNKNOWN[n]} {first[n]}" for n in UNKNOWN]
    assert all(s.review and Reason.MID_SENTENCE in s.reasons for s in report.sections)


def test_what_is_not_a_sentence_cut_in_two():
    from baocao.parse.sections import _cut_mid_sentence, _heading_cut

    assert _heading_cut("của tỉnh sau năm 2018")  # a heading's second line: the doubt of the section before
    assert not _cut_mid_sentence("của tỉnh sau năm 2018", "Tỉnh đã chọn 6 đô thị.")  # its own text is whole
    assert _cut_mid_sentence("1. KẾT QUẢ GIAI ĐOẠN 2015 – 2018 Năm 2015, UBND", "tỉnh đã ban hành …")
    assert _cut_mid_sentence("1. Kết quả giai đoạn 2015 – 2018: Năm", "2017, UBND tỉnh đã ban hành …")
    # A label, a list, an abbreviation in capitals, words in brackets, a colon: none is a cut.
    assert not _cut_mid_sentence("a) Về hạ tầng", "Tỉnh đã chọn 6 đô thị.")
    assert not _cut_mid_sentence("Thứ hai, toàn cảnh đô thị thông minh", "Tỉnh đã chọn 6 đô thị.")
    assert not _cut_mid_sentence("ii... Mức độ hoàn thành", "Tỉnh đã chọn 6 đô thị.")
    assert not _cut_mid_sentence("2. Tình hình", "- các sở đã triển khai;\n- các huyện …")
    assert not _cut_mid_sentence("A. KẾT QUẢ TRONG THỜI GIAN CHƯA CÓ QUYẾT ĐỊNH SỐ 950/QĐ-TTg", "Năm 2016, …")
    assert not _cut_mid_sentence("IV. KINH PHÍ THỰC HIỆN (đơn vị: triệu đồng)", "Năm 2022, …")
    assert not _cut_mid_sentence("1. Giai đoạn 2014 – 2018:", "các phần mềm, cơ sở dữ liệu đầu tiên")
    # Pool 28's Quảng Ninh scan: a speck beside the heading read as a cell of its row ("c]"), a
    # line of no word: the text's sentence is whole. A cut sentence after it is still one.
    assert not _cut_mid_sentence("Nội dung E: Điều cần Bộ ra tay", "c]\nĐề nghị Bộ Xây dựng sớm ban hành …")
    assert _cut_mid_sentence("Nội dung E: Điều cần Bộ ra tay", "c]\nhành bộ chỉ số …")
    # A title as long as the corpora's longest, ending in a bracket or a question, or one short
    # ending as a sentence: a heading's own.
    assert not _cut_mid_sentence("1- Kết quả ứng dụng công nghệ thông tin phục vụ quản lý đô thị khi Đề án chưa ra "
                                 "đời (chi tiết tại Phụ lục kèm theo)", "Năm 2016, …")
    assert not _cut_mid_sentence("Điều 1. Khi Đề án chưa ra đời, tỉnh có sẵn những ứng dụng số gì cho đô thị?", "Năm …")
    assert not _cut_mid_sentence("4. Các văn bản, hội nghị và bài viết về đô thị thông minh trên báo, đài của tỉnh.",
                                 "Năm 2016, …")
    # Pool 23's Vĩnh Phúc scan: a title led by dots to the margin, long with them.
    assert not _cut_mid_sentence(f"Phần C: Ban điều hành cùng tổ giúp sức _{'.' * 66}", "Năm 2016, …")


def test_a_heading_cut_in_two_flags_the_section_whose_text_holds_its_first_line():
    # "Câu 2. Những chuyển động chính trong xây" / "dựng đô thị số từ 2018 tới nay": the first
    # line ends item 1's text, the second was taken for item 2's heading. Item 1 holds half a
    # heading; item 2's text is whole.
    from baocao.parse.sections import Section, SourceRef, _before_cut_headings

    def section(number, heading, first, last):
        return Section(number, heading, "…", SourceRef("x.pdf", first, last))

    found = {1: section(1, "Câu 1. Những nền tảng số tỉnh đã có", 10, 14),
             2: section(2, "dựng đô thị số từ 2018 tới nay", 15, 20),
             3: section(3, "Câu 3. Báo chí, hội nghị", 21, 25)}
    assert _before_cut_headings(found) == {1}
    # Pool 28's Hà Giang scan: a heading whose first letters OCR lost ("ca đứng trước khi bước",
    # "(«áo chỉ cùng mối rối") after a text that ends its sentence: no line of it went before.
    found[1] = Section(1, "Câu 1. Những nền tảng số tỉnh đã có", "Tỉnh đã chọn 6 đô thị.", SourceRef("x.pdf", 10, 14))
    assert _before_cut_headings(found) == set()
    # A merged heading's two items share it: neither is "before" the other.
    merged = {5: section(5, "Câu 5. Những chỗ còn vênh", 30, 34), 6: section(6, "Câu 5. Những chỗ còn vênh", 30, 34)}
    assert _before_cut_headings(merged) == set()


def test_headings_labelled_in_lower_case_letters_of_the_document_s_own_shape_cut_no_sentence(tmp_path):
    # Pool 20's "a- Tiêu đề", "b- …": a label of a shape no rule reads (a lower-case letter and a
    # hyphen), read over the ladder the document repeats. Each heading opens a line of that
    # ladder: none is the end of a line cut in two, and the text before it holds no half heading.
    report = read(tmp_path, items(range(1, 7), lambda p: f"{'abcdef'[p - 1]}-", KNOWN))
    assert len(report.sections) == 6
    assert not any(Reason.MID_SENTENCE in s.reasons or s.review for s in report.sections)


def test_a_cell_holding_another_found_items_heading_again_is_flagged(tmp_path):
    # A short table after the last item whose rows repeat two items' headings, unnumbered (too
    # little for the reader to know it for a summary of the report and leave it out): the last
    # item's cell holds the headings of others, which a person should see.
    path = tmp_path / "bao-cao.docx"
    document = docx.Document()
    write_letterhead(document)
    for n in range(1, 7):
        document.add_paragraph().add_run(f"{n}. {KNOWN[n]}").bold = True
        document.add_paragraph(body(n))
    add_table(document, [(KNOWN[n], f"Kết quả {n}") for n in (2, 3)])
    write_signoff(document)
    document.save(path)
    report = extract_sections(read_docx(path), OUTLINE)
    last = section_of(report, 6)
    assert last.review and Reason.REPEATS_HEADING in last.reasons
    assert not any(s.review or s.reasons for s in report.sections if s.number != 6)
    assert note([Reason.REPEATS_HEADING]) == "chứa tiêu đề của mục khác"


def test_its_own_heading_written_again_inside_the_text_is_flagged():
    # "1) Những bước chuẩn bị … (tiếp theo)" over the rest of item 1 on the next page, its
    # continuation mark misread on a scan: the heading is a line of the text, not seen as such.
    from baocao.parse.sections import Section, SourceRef, _repeats_heading

    source = SourceRef("bao-cao.pdf", 0, 1)
    first = Section(1, "1) Những bước chuẩn bị ban đầu", "Năm 2016, …\n) Những bước chuẩn bị ban đầu (tiếp Ie0)\n…",
                    source)
    assert _repeats_heading(first, [])


def test_a_headings_words_inside_a_sentence_are_no_heading_written_again():
    from baocao.parse.sections import Section, SourceRef, _repeats_heading

    source = SourceRef("bao-cao.docx", 0, 1)
    fourth = Section(4, "4. Kinh phí thực hiện", "Kinh phí thực hiện năm 2022 là 5 tỷ đồng.", source)
    third = Section(3, "3. Tuyên truyền", "Các sở đã tuyên truyền về kinh phí thực hiện Đề án.", source)
    assert not _repeats_heading(fourth, [third]) and not _repeats_heading(third, [fourth])
    assert _repeats_heading(Section(3, "3. Tuyên truyền", "…\nKinh phí thực hiện\n…", source), [fourth])


def test_a_cell_holding_the_reports_closing_formula_is_flagged(tmp_path):
    # "Trên đây là báo cáo …" ends the report; run on after an item's last sentence (a page
    # read as one line, a passage moved to its item), the cell holding it is cut wrong.
    lines = [line for n in range(1, 7) for line in (Bold(f"{n}. {KNOWN[n]}"), body(n))]
    lines[5] = f"{body(3)} Trên đây là báo cáo tình hình triển khai của tỉnh."
    report = read(tmp_path, lines)
    third = section_of(report, 3)
    assert third.review and Reason.HOLDS_CLOSING in third.reasons
    assert not any(s.review or s.reasons for s in report.sections if s.number != 3)
    assert note([Reason.HOLDS_CLOSING]) == "chứa phần kết thúc báo cáo"


def test_a_report_mentioned_in_a_sentence_is_no_closing():
    from baocao.parse.sections import _holds_closing

    assert _holds_closing("Nội dung.\nTrên đây là báo cáo của tỉnh.")
    assert not _holds_closing("Theo báo cáo của các sở. Trên cơ sở đó, tỉnh đã ban hành kế hoạch.")
    assert not _holds_closing("Tỉnh đã gửi báo cáo trên đây là báo cáo thứ hai trong năm.")


def test_the_closing_after_the_number_a_page_gives_its_lines_is_the_closing_too():
    # A page numbering its lines puts the number before the closing, read from its image as one line:
    # the cell holding it is cut wrong all the same.
    from baocao.parse.sections import _holds_closing

    assert _holds_closing("Đề nghị Bộ Xây dựng hướng dẫn.\n10 Trên đây là báo cáo tình hình của tỉnh,")
    assert not _holds_closing("Năm 2022 trên đây là báo cáo thứ hai của tỉnh.")


def _item_text(n):
    """Item n's text as long as a province writes one: four sentences."""
    return [f"Câu thứ {k} của nội dung báo cáo mục {n} của tỉnh, viết dài như một mục thật." for k in range(1, 5)]


def _with_extra_heading(second):
    """Six items numbered 1-7 with a heading over two lines of plans ("Phương hướng thời gian
    tới") between item 1 and item 2, whose heading is `second`."""
    lines = [Bold(f"1. {KNOWN[1]}"), *_item_text(1), Bold("2. Phương hướng thời gian tới"),
             "Năm 2023, tỉnh tiếp tục thực hiện.", Bold(f"3. {second}"), *_item_text(2)]
    for label, n in enumerate(range(3, 7), start=4):
        lines += [Bold(f"{label}. {KNOWN[n]}"), *_item_text(n)]
    return lines


def test_a_short_cell_beside_a_heading_left_out_over_an_items_text_is_flagged(tmp_path):
    # Two headings side by side: the reader took the one over two lines for item 2 and left out
    # the one over an item's text. Whatever the taken heading's words say, the item's heading is
    # most likely the one left out.
    report = read(tmp_path, _with_extra_heading(UNKNOWN[2]))
    second = section_of(report, 2)
    assert second.heading == "2. Phương hướng thời gian tới"
    assert second.review and Reason.BESIDE_LONGER in second.reasons
    assert not any(Reason.BESIDE_LONGER in s.reasons for s in report.sections if s.number != 2)
    assert note([Reason.BESIDE_LONGER]) == "tiêu đề bị bỏ qua bên cạnh có nội dung dài hơn"


def test_a_heading_left_out_over_a_line_or_two_casts_no_doubt_on_its_neighbours(tmp_path):
    # The same report whose item 2 the reader found: the heading left out is over two lines.
    report = read(tmp_path, _with_extra_heading(KNOWN[2]))
    assert section_of(report, 2).heading == f"3. {KNOWN[2]}"
    assert not any(s.review or Reason.BESIDE_LONGER in s.reasons for s in report.sections)


def _sentences(n, count):
    """Item n's text, `count` sentences as long as a province writes them."""
    return [f"Câu thứ {k} của nội dung báo cáo mục {n} của tỉnh, viết dài như một mục thật."
            for k in range(1, count + 1)]


def _with_extra_heading_over(plans, second_sentences):
    """Six items numbered 1-7, item 2's heading in words of its own, after a heading over
    `plans` lines of plans ("Phương hướng thời gian tới") between item 1 and item 2, item 2's
    text `second_sentences` sentences long (the others four)."""
    lines = [Bold(f"1. {KNOWN[1]}"), *_sentences(1, 4), Bold("2. Phương hướng thời gian tới"),
             *[f"Năm 2023, tỉnh tiếp tục thực hiện việc thứ {k} trong các việc còn lại của kế hoạch."
               for k in range(1, plans + 1)],
             Bold(f"3. {UNKNOWN[2]}"), *_sentences(2, second_sentences)]
    for label, n in enumerate(range(3, 7), start=4):
        lines += [Bold(f"{label}. {KNOWN[n]}"), *_sentences(n, 4)]
    return lines


def test_a_cell_taken_by_its_place_beside_a_heading_left_out_over_far_more_text_is_flagged(tmp_path):
    # The heading over plans has as much text as an item, but the heading left out beside it,
    # whose words name no item either, has twice as much: the place chose between two headings
    # and the one over the item's text lost. The cell is not short, yet it is doubtful.
    report = read(tmp_path, _with_extra_heading_over(plans=4, second_sentences=8))
    second = section_of(report, 2)
    assert second.heading == "2. Phương hướng thời gian tới"
    assert second.review and Reason.BESIDE_LONGER in second.reasons
    assert not any(Reason.BESIDE_LONGER in s.reasons for s in report.sections if s.number != 2)


def test_a_heading_left_out_over_no_more_text_than_the_cell_is_no_more_likely_the_item(tmp_path):
    report = read(tmp_path, _with_extra_heading_over(plans=4, second_sentences=4))
    assert not any(Reason.BESIDE_LONGER in s.reasons for s in report.sections)


def test_a_short_cell_beside_the_heading_left_out_answers_for_it(tmp_path):
    # Item 2 taken by its place over an item's text, then item 3's heading (words of its own)
    # left out over twice as much, then a heading over one line of plans taken for item 3: the
    # short cell is the doubtful one (beside_longer); item 2, whose text is an item's, is not
    # doubted for the text left out after it.
    lines = [Bold(f"1. {KNOWN[1]}"), *_sentences(1, 4), Bold(f"2. {UNKNOWN[2]}"), *_sentences(2, 4),
             Bold(f"3. {UNKNOWN[3]}"), *_sentences(3, 8), Bold("4. Phương hướng thời gian tới"),
             "Năm 2023, tỉnh tiếp tục thực hiện các việc còn lại của kế hoạch."]
    for label, n in enumerate(range(4, 7), start=5):
        lines += [Bold(f"{label}. {KNOWN[n]}"), *_sentences(n, 4)]
    report = read(tmp_path, lines)
    assert section_of(report, 2).heading == f"2. {UNKNOWN[2]}"
    assert section_of(report, 3).heading == "4. Phương hướng thời gian tới"
    assert Reason.BESIDE_LONGER in section_of(report, 3).reasons
    assert Reason.BESIDE_LONGER not in section_of(report, 2).reasons


def test_far_longer_beside_a_cell_taken_by_its_place():
    from baocao.parse.confidence import outweighed_by_left_out

    assert outweighed_by_left_out(300, 300, [600])  # an item's text beside it, twice its own
    assert not outweighed_by_left_out(300, 300, [400])  # a little longer: either may be the item
    assert not outweighed_by_left_out(100, 300, [200])  # twice a short cell, but no item's text
    assert not outweighed_by_left_out(300, 0, [600])  # no other item to compare with
    by_place = Support(words=0.1, numbered=None, in_order=True, anchors=2)
    named = Support(words=0.9, numbered=None, in_order=True, anchors=2)
    assert Reason.BESIDE_LONGER in assess(by_place, beside_much_longer=True)[1]
    assert Reason.BESIDE_LONGER not in assess(named, beside_much_longer=True)[1]  # its words name it


def test_what_is_short_beside_a_heading_left_out():
    from baocao.parse.confidence import shorter_than_left_out

    assert shorter_than_left_out(200, 500, [450])  # two lines beside an item's text
    assert not shorter_than_left_out(450, 500, [600])  # an item's text itself
    assert not shorter_than_left_out(200, 500, [150, 0])  # beside two lines, or a part's heading alone
    assert not shorter_than_left_out(200, 0, [450])  # no other item to compare with


# -- a second reading of the headings almost as good as the one taken -----------------------

def test_the_margin_is_what_the_alignment_loses_taking_a_heading_for_no_item_or_another():
    from baocao.parse.alignment import Evidence, align, margins

    def clear(i):
        return Evidence(tuple(1.0 if j == i else 0.0 for j in range(6)))

    # Six headings naming their items: any other reading loses a clear match, far more than CLOSE_MARGIN.
    evidence = [clear(i) for i in range(6)]
    assert all(m > 2 for m in margins(evidence, 6, align(evidence, 6).items))
    # Between two named ones, two headings whose words hint a little at each other's item: kept in
    # order by their place, they could as well be the two swapped, and the margin says so.
    hinting = [clear(0), Evidence((0, 0.1, 0.6, 0, 0, 0)), Evidence((0, 0.6, 0.1, 0, 0, 0)),
               clear(3), clear(4), clear(5)]
    taken = align(hinting, 6).items
    assert taken[1:3] == ((1,), (2,))
    close = margins(hinting, 6, taken)
    assert close[1] < 0.75 and close[2] < 0.75 and min(close[0], close[3]) > 2
    # A heading taken for no item has no margin to speak of.
    assert margins([clear(0), Evidence((0.0,) * 6)], 6, ((0,), ()))[1] == float("inf")


def test_a_close_second_reading_is_said_and_flags_a_cell_its_words_do_not_name():
    sure = Support(words=0.9, numbered=True, in_order=True, anchors=2)
    assert not assess(sure)[1]
    # Beside words naming the item in its place, a close second is said but is no flag alone.
    confidence, reasons = assess(replace(sure, margin=CLOSE_MARGIN - 0.1))
    assert reasons == (Reason.CLOSE_SECOND,) and not needs_review(confidence)
    # A heading taken by its place, with a second reading almost as good: for review.
    placed = Support(words=0.1, numbered=True, in_order=True, anchors=2, margin=CLOSE_MARGIN - 0.1)
    confidence, reasons = assess(placed)
    assert Reason.CLOSE_SECOND in reasons and needs_review(confidence)
    assert not assess(replace(sure, margin=CLOSE_MARGIN))[1]
    assert note([Reason.CLOSE_SECOND]) == "có cách đọc khác gần bằng: có thể là mục khác"


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_two_neighbours_whose_headings_hint_at_each_others_item_are_for_review(tmp_path, outline):
    # Items 2 and 3 written the other way round, numbered in the province's order, under headings
    # whose words hint only faintly at their items: the reader keeps the order, but a reading
    # taking the two swapped is almost as good, and both cells say so.
    wording = {**UNKNOWN, 2: "Các chương trình", 3: "Thông tin"}
    report = read(tmp_path, items([1, 3, 2, 4, 5, 6], lambda p: f"{p}.", {**wording, 2: wording[3], 3: wording[2]}),
                  outline)
    assert all(Reason.CLOSE_SECOND in section_of(report, n).reasons and section_of(report, n).review
               for n in (2, 3))


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_headings_in_their_places_or_named_by_their_words_have_no_close_second(tmp_path, outline):
    # Six headings whose words name nothing, in the outline's order and numbered so: the place settles each.
    report = read(tmp_path, items(range(1, 7), lambda p: f"{ROMAN[p - 1]}."), outline)
    assert not any(Reason.CLOSE_SECOND in s.reasons for s in report.sections)
    # Two neighbours swapped under headings naming them: their words settle it.
    report = read(tmp_path, items([1, 3, 2, 4, 5, 6], lambda p: f"{p}.", KNOWN), outline)
    assert not any(Reason.CLOSE_SECOND in s.reasons for s in report.sections)


def test_a_heading_taken_by_its_place_next_to_an_item_not_found_is_flagged_though_its_text_leans_to_the_item():
    # Five headings for six items, the last one's words naming nothing, its place confirmed on one
    # side and its text leaning to the item its place gives (item 5, where the province left item 5
    # out and wrote its proposals under "05."): it is item 5 or item 6 all the same.
    placed = Support(words=0.0, numbered=True, in_order=True, anchors=1)
    confidence, reasons = assess(placed, beside_missing=True, reading=Reading(own=True))
    assert needs_review(confidence) and Reason.BESIDE_MISSING in reasons
    assert not needs_review(assess(placed, reading=Reading(own=True))[0])


def test_a_close_second_in_ocr_text_placed_on_both_sides_is_the_ocrs_doubt_not_one_of_its_own():
    # Headings read from page images lose words, and readings of them come closer: placed between two
    # neighbours that confirm it, the heading is doubted for its OCR alone.
    placed = Support(words=0.0, numbered=True, in_order=True, anchors=2, margin=CLOSE_MARGIN - 0.1)
    confidence, reasons = assess(placed, ocr=True)
    assert reasons == (Reason.BY_POSITION, Reason.OCR) and not needs_review(confidence)
    # Confirmed on one side only, or in a text document, the close second is a doubt still.
    assert needs_review(assess(replace(placed, anchors=1), ocr=True)[0])
    confidence, reasons = assess(placed)
    assert Reason.CLOSE_SECOND in reasons and needs_review(confidence)


def _shared_list(points):
    """Six items under headings whose words name none, numbered in one list with the points written
    between them (`points`: after which item, the point's heading): "3. Về hạ tầng mạng" after item 2."""
    lines, label = [], 0
    for n in range(1, 7):
        label += 1
        lines += [Bold(f"{label}. {UNKNOWN[n]}"), body(n)]
        for point in points.get(n, ()):
            label += 1
            lines += [Bold(f"{label}. {point}"), f"Nội dung điểm {label} của tỉnh."]
    return lines


def test_a_heading_numbered_as_another_item_that_no_neighbour_confirms_is_flagged_though_its_words_fit(tmp_path):
    # One list numbering the items and their points, all set alike, the points opening each with a
    # word of its own (nothing tells them from the items): the reader takes "8. Khó khăn trong văn
    # bản", a point under item 5 whose words fit it, for item 5 (the item's own heading, "7. Vấp váp",
    # naming nothing, taken for item 4). Its number is another item's and neither neighbour confirms
    # its place: the words' fit alone does not carry it.
    report = read(tmp_path, _shared_list({2: ["Hạ tầng mạng", "Trung tâm điều hành"],
                                          5: ["Khó khăn trong văn bản", "Nguồn lực"]}), WITHOUT_PHRASES)
    fifth = section_of(report, 5)
    assert fifth.heading.startswith("8. ") and fifth.review and Reason.NUMBER_DIFFERS in fifth.reasons
    fits = Support(words=0.8, numbered=False, in_order=True, anchors=0)
    assert needs_review(assess(fits)[0]) and assess(fits)[1] == (Reason.NUMBER_DIFFERS,)
    # Confirmed on one side, the number is said and a lesser doubt: with a close second, for review.
    one_side = replace(fits, anchors=1)
    confidence, reasons = assess(one_side)
    assert reasons == (Reason.NUMBER_DIFFERS,) and not needs_review(confidence)
    assert needs_review(assess(replace(one_side, margin=CLOSE_MARGIN - 0.1))[0])
    # Confirmed on both sides, or the words naming the item outright (its phrase): no doubt.
    assert not assess(replace(fits, anchors=2))[1]
    assert not assess(replace(fits, words=1.0))[1]


def test_a_cell_whose_text_is_no_readable_vietnamese_is_flagged_and_english_and_acronyms_are_not(tmp_path):
    # Item 3 typed in TCVN3 but read without its font (the font lost): its words are no Vietnamese
    # syllables, a person must read the file. Item 2 is Vietnamese with English words, acronyms,
    # numbers and an address, as reports are.
    garbage = from_unicode("Tỉnh đã tổ chức tuyên truyền về đô thị thông minh trên báo, đài và cổng thông tin.",
                           "tcvn3")
    english = ("Tỉnh đã triển khai IOC, CNTT và Smart City với VNPT, Viettel; camera AI kết nối tại "
               "https://ioc.travinh.gov.vn, 4G phủ 99% xã.")
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{n}. {KNOWN[n]}"), {2: english, 3: garbage}.get(n, body(n))]
    report = read(tmp_path, lines)
    assert Reason.UNREADABLE in section_of(report, 3).reasons and section_of(report, 3).review
    assert not any(Reason.UNREADABLE in section_of(report, n).reasons for n in (1, 2, 4, 5, 6))
    assert not section_of(report, 2).review
    assert note([Reason.UNREADABLE]) == "chữ không đọc được (phông chữ cũ?)"



def test_a_heading_numbered_as_a_later_item_not_found_is_doubted(tmp_path):
    # "Phần C: Ban điều hành …" taken for item 2 (the report's "Phần B" heading missed: its OCR was
    # garbled), no item 3 found: the reader may have shifted the headings by the one it missed, and
    # the heading be the item its own number names.
    taken = Support(words=0.64, numbered=False, ordinal=3, in_order=True, anchors=1)
    confidence, reasons = assess(taken)
    assert reasons == (Reason.NUMBER_DIFFERS,) and not needs_review(confidence)
    confidence, reasons = assess(taken, number_names_missing=True)
    assert reasons == (Reason.NUMBER_DIFFERS, Reason.NUMBER_NAMES_MISSING) and needs_review(confidence)
    assert note([Reason.NUMBER_NAMES_MISSING]) == "số của tiêu đề là của mục không tìm thấy"
    # A province that left item 5 out numbers its proposals "5.": a number below its item's, the
    # item it names not found, is no such doubt.
    lines = []
    for number, item in ((1, 1), (2, 2), (3, 3), (4, 4), (5, 6)):
        lines += [Bold(f"{number}. {KNOWN[item]}"), body(item)]
    report = read(tmp_path, lines)
    assert 5 not in {s.number for s in report.sections}
    assert not any(Reason.NUMBER_NAMES_MISSING in s.reasons for s in report.sections)


def test_a_heading_numbered_below_its_item_across_a_gap_in_its_ladder_is_doubted(tmp_path):
    # "B." taken for item 3 by its words, no item 2 found, and the next heading "D." taken for item 4:
    # the ladder lost "C." between them (OCR misread its label, pool 34's Hà Nam scan), and whether
    # "B." is item 2 (its number) or 3 (its words) is a guess made across that gap.
    lines = [Bold(f"1. {KNOWN[1]}"), body(1), Bold("2. Lan tỏa công tác tuyên truyền"), body(3)]
    for n in (4, 5, 6):
        lines += [Bold(f"{n}. {KNOWN[n]}"), body(n)]
    doubted = section_of(read(tmp_path, lines, outline=WITHOUT_PHRASES), 3)
    assert Reason.NUMBER_NAMES_MISSING in doubted.reasons and doubted.review
    assert {s.number for s in read(tmp_path, lines, outline=WITHOUT_PHRASES).sections} == {1, 3, 4, 5, 6}
    # Words that name the item clearly (the campaign's phrases) settle it: no doubt then.
    named = section_of(read(tmp_path, lines), 3)
    assert Reason.NUMBER_NAMES_MISSING not in named.reasons and not named.review
    # A ladder numbered on without a gap ("2." taken for item 3, then "3." for item 4) is a province
    # that left item 2 out and numbered the items after it down: no such doubt.
    lines = [Bold(f"1. {KNOWN[1]}"), body(1), Bold("2. Lan tỏa công tác tuyên truyền"), body(3)]
    for number, item in ((3, 4), (4, 5), (5, 6)):
        lines += [Bold(f"{number}. {KNOWN[item]}"), body(item)]
    report = read(tmp_path, lines, outline=WITHOUT_PHRASES)
    assert not any(Reason.NUMBER_NAMES_MISSING in s.reasons for s in report.sections)


def test_a_day_month_or_count_of_one_or_two_digits_reads_like_no_item(tmp_path):
    # The outline's "trước ngày 01/8/2018" names item 1 by its "trước", not by its day and month:
    # item 2's text counting "8 đô thị" and its heading citing "Phụ lục 01" does not read like
    # item 1, nor is item 1's cell doubted for it (pool 28's 22, with phrases).
    lines = [Bold("a) Gia tài thuở chưa bắt tay"),
             "Năm 2015, UBND tỉnh Lai Châu đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.",
             "Trung tâm tích hợp dữ liệu của tỉnh Lai Châu được đầu tư từ năm 2016 và đặt tại Sở Thông tin và "
             "Truyền thông.",
             "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh Lai Châu.",
             Bold("b) Từng nấc thang đã leo (xem Phụ lục 01 đính kèm)"),
             "UBND tỉnh Lai Châu đã chọn 8 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025.",
             "Cơ sở dữ liệu dùng chung của tỉnh Lai Châu đã tích hợp dữ liệu của 44 sở, ngành.",
             "Từ khi Đề án 950 được ban hành, UBND tỉnh Lai Châu đã chỉ đạo các sở, ngành xây dựng kế hoạch triển "
             "khai phù hợp với điều kiện của địa phương.",
             Bold("c) Sợi chỉ đỏ điều hành"),
             "UBND tỉnh Lai Châu đã ban hành Kế hoạch số 85/KH-UBND ngày 15/7/2021 về triển khai Đề án 950 trên "
             "địa bàn.",
             "Trong năm 2021, tỉnh Lai Châu đã tổ chức 88 hội nghị phổ biến về đô thị thông minh cho cán bộ cấp "
             "huyện, cấp xã.",
             "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng "
             "của tỉnh Lai Châu.",
             Bold("d) Kho bạc tỉnh đã nhả tiền (xem Phụ lục 02 đính kèm)"),
             "Kinh phí tỉnh Lai Châu đã chi cho Đề án đến nay là 22.805 triệu đồng (chưa kể 7.826 triệu đồng vốn "
             "doanh nghiệp viễn thông tự đầu tư hạ tầng).",
             "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh Lai "
             "Châu.",
             "Việc bố trí kinh phí tại tỉnh Lai Châu được thực hiện theo quy định của Luật Ngân sách nhà nước và "
             "Luật Đầu tư công.",
             Bold("e) Bãi lầy phải lội qua"),
             "Dữ liệu quy hoạch đô thị của tỉnh Lai Châu chưa được số hóa đầy đủ, khó chia sẻ giữa các sở, ngành.",
             "Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng đô thị "
             "thông minh tại tỉnh Lai Châu.",
             "- Về nguồn lực",
             "Đội ngũ cán bộ chuyên trách công nghệ thông tin cấp huyện của tỉnh Lai Châu mới có 44 người.",
             "- Về văn bản quy phạm pháp luật",
             "Chưa có quy định về chia sẻ dữ liệu giữa cơ quan nhà nước và doanh nghiệp.",
             "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh Lai Châu về đô thị thông minh còn chưa đầy đủ.",
             Bold("f) Tiếng nói gửi lên Bộ"),
             "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh Lai Châu áp dụng.",
             "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin cho Trung "
             "tâm giám sát, điều hành của tỉnh Lai Châu.",
             "- Đối với Bộ Xây dựng",
             "Sớm ban hành hướng dẫn lập quy hoạch đô thị thông minh áp dụng cho tỉnh Lai Châu.",
             "- Đối với các bộ, ngành Trung ương",
             "Ban hành khung tham chiếu ICT phát triển đô thị thông minh phiên bản mới.",
             "UBND tỉnh Lai Châu kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương "
             "trong quá trình triển khai."]
    report = read(tmp_path, lines, OUTLINE)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert not any(Reason.READS_ELSEWHERE in section_of(report, n).reasons for n in (1, 2))


# Pool 43's Hà Nội: a ladder of word labels in order, each title the province's own; item 2's
# title has "trước" ("trước hiên", before the porch), item 1's phrases' word ("trước khi Đề án 950").
OWN_TITLED = {
    1: ("Chiếc thuyền nan mới hạ thủy",
        "Năm 2014, UBND thành phố Hà Nội đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0. "
        "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của thành phố Hà Nội."),
    2: ("Giàn mướp sai trái trước hiên",
        "UBND thành phố Hà Nội đã chọn 4 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025. "
        "Từ khi Đề án 950 được ban hành, UBND thành phố Hà Nội đã chỉ đạo các sở, ngành xây dựng kế hoạch triển "
        "khai phù hợp với điều kiện của địa phương."),
    3: ("Sợi dây kéo co cả làng nắm",
        "UBND thành phố Hà Nội đã ban hành Kế hoạch số 145/KH-UBND ngày 14/1/2021 về triển khai Đề án 950 trên "
        "địa bàn. Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại "
        "chúng của thành phố Hà Nội."),
    4: ("Cái lọ thủy tinh đựng xu lẻ",
        "Từ vốn vay ODA do tỉnh vay lại, thành phố Hà Nội đã chi 31.404 triệu đồng cho các nhiệm vụ của Đề án. "
        "Việc bố trí kinh phí tại thành phố Hà Nội được thực hiện theo quy định của Luật Ngân sách nhà nước và "
        "Luật Đầu tư công."),
    5: ("Giá rét buốt lòng bàn tay",
        "Dữ liệu quy hoạch đô thị của thành phố Hà Nội chưa được số hóa đầy đủ, khó chia sẻ giữa các sở, ngành. "
        "Nhận thức của một bộ phận cán bộ, công chức tại thành phố Hà Nội về đô thị thông minh còn chưa đầy đủ."),
    6: ("Búp chè non chờ nắng sớm",
        "Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ thành phố Hà Nội xây dựng cơ sở dữ liệu quy hoạch đô thị. "
        "UBND thành phố Hà Nội kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương "
        "trong quá trình triển khai."),
}


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_chance_word_of_a_provinces_own_title_does_not_tip_a_complete_ladders_text_to_another_item(
        tmp_path, outline):
    # Under a complete ladder in order the headings are weighed apart; the texts are read without
    # them: item 2's title "Giàn mướp sai trái trước hiên" lent its text item 1's "trước", and
    # items 1 and 2, whose texts read alike to the outline, were taken for swapped: both right
    # cells flagged (pool 43's Hà Nội, Quảng Nam and Điện Biên scans).
    lines = [line for n, (title, text) in OWN_TITLED.items() for line in (Bold(f"Mục đánh giá {n}. {title}"), text)]
    report = read(tmp_path, lines, outline)
    assert texts_of(report) == {n: text for n, (_, text) in OWN_TITLED.items()}
    assert not any(Reason.READS_ELSEWHERE in s.reasons or s.review for s in report.sections)


def test_an_item_whose_number_a_heading_left_out_bears_is_doubted(tmp_path):
    # Seven headings counted "Yêu cầu thứ nhất" … "thứ bảy" for six items, the third the province's
    # own: the words "đã" of the second's title ("Từng nấc thang đã leo") are item 1's heading's, so
    # the reader left the first heading out and took the second for item 1. The heading it left out
    # bears item 1's number, the one it took another's: it may have shifted the ladder by one.
    titles = ("Bức tranh lúc mới phác", "Từng nấc thang đã leo", "Chợ không tiền mặt", "Sợi chỉ đỏ điều hành",
              "Số bạc đã rót", "Dốc cao chưa vượt", "Tỉnh ngỏ lời cùng Bộ")
    texts = ("Giai đoạn 2015 – 2017, tỉnh đã số hóa 27.000 hồ sơ địa chính và quy hoạch đô thị.",
             "Từ khi Đề án 950 được ban hành, UBND tỉnh đã phê duyệt Đề án phát triển đô thị thông minh.",
             "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu.",
             "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin.",
             "Kinh phí thực hiện Đề án được thẩm tra, phê duyệt quyết toán là 18.935 triệu đồng.",
             "Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng.",
             "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.")
    lines = []
    for ordinal, title, text in zip(("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy"), titles, texts, strict=True):
        lines += [Bold(f"Yêu cầu thứ {ordinal}: {title}"), text]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    first = section_of(report, 1)
    assert first.heading.startswith("Yêu cầu thứ hai")  # the misreading the flag is for
    assert Reason.NUMBER_LEFT_OUT in first.reasons and first.review
    assert note([Reason.NUMBER_LEFT_OUT]) == "tiêu đề bị bỏ qua mang số của mục này"


# Pool 42's Lạng Sơn: each heading a table row of two cells, its number and its title, in words no item
# has; the third "3 | Bệnh viện tỉnh đặt lịch khám trực tuyến" the province's own over two lines, the
# items after it numbered one above theirs.
ROW_HEADINGS = ("Sợi chỉ đầu tiên lên khung cửi", "Nong kén vàng óng", "Bệnh viện tỉnh đặt lịch khám trực tuyến",
                "Dàn nhạc cùng lên dây", "Chiếc vò sành đựng tiền lẻ", "Cuộn chỉ rối trong tay thợ",
                "Ánh đèn biển soi lối tàu về")
ROW_TEXTS = (
    ("Năm 2016, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.",
     "Trung tâm tích hợp dữ liệu của tỉnh được đầu tư từ năm 2016 và đặt tại Sở Thông tin và Truyền thông.",
     "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh."),
    ("UBND tỉnh đã chọn 6 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025.",
     "Cơ sở dữ liệu dùng chung của tỉnh đã tích hợp dữ liệu của 36 sở, ngành.",
     "Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai phù hợp "
     "với điều kiện của địa phương."),
    ("Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu.",
     "UBND tỉnh sẽ rà soát, cập nhật Đề án đô thị thông minh của địa phương cho phù hợp với tình hình mới."),
    ("Trong năm 2021, tỉnh đã tổ chức 66 hội nghị phổ biến về đô thị thông minh cho cán bộ cấp huyện, cấp xã.",
     "Đài Phát thanh và Truyền hình tỉnh phát sóng chuyên mục chuyển đổi số hằng tuần vào tối thứ 2.",
     "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng."),
    ("Các nhà đầu tư theo phương thức đối tác công tư (PPP) đã góp 9.852 triệu đồng để tỉnh thực hiện các "
     "nhiệm vụ của Đề án.",
     "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh.",
     "Việc bố trí kinh phí tại tỉnh được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư công."),
    ("Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng đô thị thông minh.",
     "Hạ tầng viễn thông tại 6 xã vùng sâu, vùng xa của tỉnh chưa đáp ứng yêu cầu.",
     "Nhận thức của một bộ phận cán bộ, công chức về đô thị thông minh còn chưa đầy đủ."),
    ("Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.",
     "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin cho Trung tâm "
     "giám sát, điều hành của tỉnh.",
     "UBND tỉnh kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương."),
)


def test_a_short_text_the_reader_shifted_past_a_first_heading_left_out_is_doubted(tmp_path):
    """The reader left out "1 | Sợi chỉ …" over item 1's text and took each heading after it for the
    item one below its number: the province's own heading it thought it had left out may be any of
    them, most likely the one over a line or two ("3 | Bệnh viện …", taken for item 2 by its place
    at 0.8, wrong and not flagged). Whichever cell is not its item's text is doubted."""
    document = docx.Document()
    write_letterhead(document)
    for number, (title, text) in enumerate(zip(ROW_HEADINGS, ROW_TEXTS, strict=True), start=1):
        add_table(document, ((str(number), title),))
        for run in (r for cell in document.tables[-1].rows[0].cells for r in cell.paragraphs[0].runs):
            run.bold = True
        for line in text:
            document.add_paragraph(line)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    own = {n: "\n".join(ROW_TEXTS[position]) for n, position in zip(range(1, 7), (0, 1, 3, 4, 5, 6), strict=True)}
    report = extract_sections(read_docx(tmp_path / "bao-cao.docx"), OUTLINE)
    wrong = [s for s in report.sections if s.text != own[s.number]]
    assert wrong and all(s.review for s in wrong)
    second = section_of(report, 2)
    assert second.text == "\n".join(ROW_TEXTS[2])  # the misreading the flag is for
    assert Reason.SHIFTED_SHORT in second.reasons
    assert Reason.SHIFTED_SHORT not in section_of(report, 3).reasons  # an item's length: no such doubt
    assert note([Reason.SHIFTED_SHORT]) == ("số lệch sau tiêu đề đầu bị bỏ qua, nội dung ngắn: có thể là tiêu đề "
                                            "riêng của tỉnh")


def test_a_heading_left_out_after_items_numbered_as_theirs_casts_no_doubt_by_its_number(tmp_path):
    # "IV." over a text as long as an item's between items 3 ("III.") and 4 ("V."): after items
    # numbered as theirs, the next number is an extra heading's as likely as the item's; only the
    # ladder's first heading left out (test above) makes its number a doubt.
    extra = "Năm 2023, tỉnh tiếp tục hoàn thiện nền tảng số dùng chung, mở rộng kết nối dữ liệu giữa các sở."
    lines = [*told((1, 2, 3)), Bold("IV. Tầm nhìn đến năm 2030"), extra,
             *told((4, 5, 6), label=lambda p: f"{ROMAN[p + 3]}.")]
    report = read(tmp_path, lines, WITHOUT_PHRASES)
    assert not any(Reason.NUMBER_LEFT_OUT in s.reasons for s in report.sections)


# Pool 32's Quảng Ninh: the items' headings a macro field the reader does not read, the points under
# them lettered again under each item; the points' headings taken for the items.
POINTS_UNDER_UNREAD_ITEMS = (
    "Năm 2017, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 804 thủ tục hành chính.",
    "Hạ tầng cáp quang của tỉnh đã phủ tới 85% số xã, phường, thị trấn.",
    Bold("a) Về hạ tầng số"),
    "Mạng băng rộng di động 4G đã phủ sóng 87% diện tích của tỉnh.",
    Bold("b) Về Trung tâm điều hành"),
    "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông, vận hành 9 phân hệ.",
    "Tỉnh đã phát hành 62.500 tờ rơi hướng dẫn người dân cài đặt ứng dụng công dân số.",
    "Tổng kinh phí tỉnh đã bố trí thực hiện Đề án là 14.553 triệu đồng.",
    "Chưa có đủ cán bộ chuyên trách công nghệ thông tin.",
    Bold("a) Về nguồn lực"),
    "Đội ngũ cán bộ chuyên trách công nghệ thông tin cấp huyện mới có 20 người.",
    Bold("b) Về văn bản quy phạm pháp luật"),
    "Chưa có quy định về chia sẻ dữ liệu giữa cơ quan nhà nước và doanh nghiệp.",
    "Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh xây dựng cơ sở dữ liệu quy hoạch đô thị.",
)


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_headings_taken_for_items_numbered_again_from_the_start_flag_every_cell(tmp_path, outline):
    # "a)", "b)", "a)", "b)": a report numbers its items once, in order; headings numbered again are
    # points under items whose headings were not read, and every cell, the untitled text first, is in doubt.
    report = read(tmp_path, POINTS_UNDER_UNREAD_ITEMS, outline)
    assert [s.heading for s in report.sections][1:] == ["a) Về hạ tầng số", "b) Về Trung tâm điều hành",
                                                        "a) Về nguồn lực", "b) Về văn bản quy phạm pháp luật"]
    assert all(Reason.NUMBERS_RESTART in s.reasons and s.review for s in report.sections)
    assert note([Reason.NUMBERS_RESTART]) == "số các tiêu đề đánh lại từ đầu: có thể là ý nhỏ, không phải mục"


def test_a_ladder_numbered_once_in_order_casts_no_doubt_by_its_numbers(tmp_path):
    # The items numbered I.-VI., one left out (I., II., IV., …): numbers that only go up are the items' own.
    report = read(tmp_path, told((1, 2, 4, 5, 6), label=lambda p: f"{ROMAN[p if p > 2 else p - 1]}."),
                  WITHOUT_PHRASES)
    assert report.sections and not any(Reason.NUMBERS_RESTART in s.reasons for s in report.sections)


def test_item_one_from_untitled_text_before_a_first_heading_of_item_three_is_flagged(tmp_path):
    # Pool 32's Kon Tum scan: the headings of items 1 and 2 not read, item 2 not found at all; the
    # untitled text before "3." holds item 2's text too, whatever the headings after it name.
    lines = ["Trước năm 2018, tỉnh đã xây dựng cổng dịch vụ công.", "Hạ tầng cáp quang của tỉnh đã phủ tới 85% số xã.",
             *[line for n in range(3, 7) for line in (Bold(f"{n}. {KNOWN[n]}"), SAYS[n])]]
    report = read(tmp_path, lines)
    first = section_of(report, 1)
    assert 2 not in {s.number for s in report.sections}
    assert Reason.NO_HEADING in first.reasons and Reason.BESIDE_MISSING in first.reasons and first.review
    assert not any(s.review for s in report.sections[1:])


def _scanned(lines: list[tuple[str, bool]]) -> Document:
    """A scan's lines as the OCR gives them: (text, bold), a bold line's number its label."""
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, bold,
                         label[0] if bold and (label := re.match(r"(\d+|[IVX]+)\.", text)) else "")
                   for i, (text, bold) in enumerate(lines))
    return Document("bao-cao.pdf", blocks, ocr=True)


SCAN_OPENING = [("BÁO CÁO", True), ("Tình hình phát triển đô thị thông minh", True),
                ("Thực hiện văn bản số 1683/BXD-PTDT của Bộ Xây dựng, UBND tỉnh báo cáo như sau:", False)]


def test_a_scanned_label_read_twice_or_read_back_starts_no_ladder_again(tmp_path):
    # Pool 18's Vĩnh Phúc scan: "F-" read "E-", the ladder A-E, E; a "IV." read "I." goes on with "V.":
    # neither is the ladder going back to its start and on as it went.
    for labels in (("I.", "II.", "III.", "IV.", "V.", "V."), ("I.", "II.", "III.", "I.", "V.", "VI.")):
        lines = list(SCAN_OPENING)
        for n, label in enumerate(labels, start=1):
            lines += [(f"{label} {UNKNOWN[n]}", True), (SAYS[n], False)]
        report = extract_sections(_scanned(lines), WITHOUT_PHRASES)
        assert report.sections and not any(Reason.NUMBERS_RESTART in s.reasons for s in report.sections)


def test_items_numbered_again_after_a_parts_heading_left_out_are_the_items(tmp_path):
    # Pool 9's Cao Bằng: "A." over items 1-4 numbered 1.-4., "B." over items 5 and 6 numbered 1. and 2.
    # again: the parts' heading between them says where the ladder starts again; no item's heading unread.
    lines = [Bold("A. KẾT QUẢ THỰC HIỆN"), *told(range(1, 5), label=lambda p: f"{p}.", wording=KNOWN),
             Bold("B. KHÓ KHĂN VÀ KIẾN NGHỊ"), *told((5, 6), label=lambda p: f"{p}.", wording=KNOWN)]
    report = read(tmp_path, lines)
    assert len(report.sections) == 6
    assert not any(Reason.NUMBERS_RESTART in s.reasons for s in report.sections)


# Pool 8's 51 (a scan): the province wrote its proposals fifth and its difficulties sixth, under headings
# of its own words numbered as it wrote them; only the texts say the campaign's words.
OWN_ORDER = (
    ("1. Kết quả tỉnh đã có khi chưa triển khai Đề án",
     "Năm 2016, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0."),
    ("2. Những mặt đã làm được trong bốn năm thực hiện Đề án",
     "UBND tỉnh đã chọn 9 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025."),
    ("3. Các quyết định, kế hoạch tỉnh đã ký để thực hiện Đề án",
     "Trong năm 2021, tỉnh đã tổ chức 33 hội nghị cho cán bộ cấp huyện, cấp xã."),
    ("4. Giá trị thực hiện các hợp phần của Đề án đến nay",
     "Các nhiệm vụ của Đề án được bố trí từ ngân sách tỉnh và vốn của doanh nghiệp viễn thông."),
    ("5. Các vấn đề tỉnh cần Trung ương gỡ vướng",
     "Đề nghị Chính phủ bố trí nguồn vốn hỗ trợ tỉnh xây dựng cơ sở dữ liệu quy hoạch đô thị."),
    ("6. Các nhiệm vụ chậm tiến độ và lý giải",
     "Nguồn nhân lực công nghệ thông tin của tỉnh còn thiếu, 32 xã chưa có cán bộ chuyên trách."),
)


def _own_order(order):
    """OWN_ORDER's headings and texts in `order`, numbered as they are written."""
    for position, (heading, text) in enumerate((OWN_ORDER[k] for k in order), start=1):
        yield Bold(f"{position}. {heading.split(' ', 1)[1]}")
        yield text


def test_neighbouring_cells_whose_texts_read_as_each_others_items_are_flagged(tmp_path):
    # The fifth heading's text holds the proposals' phrase ("Đề nghị …") and none of the difficulties',
    # the sixth's none of the proposals': the two items may be written in each other's place.
    report = read(tmp_path, _own_order(range(6)), OUTLINE)
    flagged = [s.number for s in report.sections if Reason.READS_NEIGHBOUR in s.reasons]
    assert flagged == [5, 6] and all(section_of(report, n).review for n in flagged)
    assert note([Reason.READS_NEIGHBOUR]) == "nội dung giống mục liền kề: có thể hai mục bị đổi chỗ"


def test_neighbouring_cells_each_in_its_own_items_words_are_not_flagged_as_swapped(tmp_path):
    # The same report with the difficulties fifth and the proposals sixth, as the outline has them.
    report = read(tmp_path, _own_order((0, 1, 2, 3, 5, 4)), OUTLINE)
    assert report.sections and not any(Reason.READS_NEIGHBOUR in s.reasons for s in report.sections)


def test_an_item_taken_out_of_order_by_words_short_of_clear_against_its_own_number_is_flagged():
    # A heading numbered as another item, taken back in the outline by words that only hint at its
    # item (pool 41's "V- TRƯỜNG HỌC GỬI ĐIỂM CHO PHỤ HUYNH QUA TIN NHẮN" for the general information, by
    # "tin"), another reading close: only those words say it moved, and its own number says otherwise.
    faint = Support(words=0.55, numbered=False, in_order=False, ordinal=5, margin=CLOSE_MARGIN / 2)
    confidence, reasons = assess(faint)
    assert needs_review(confidence)
    assert Reason.NUMBER_DIFFERS in reasons and Reason.REORDERED in reasons
    # With no second reading close (the alignment weighed those words against the order and the
    # number, and took the move by a wide margin), the move stands: a swap said faintly but clearly.
    assert not needs_review(assess(replace(faint, margin=CLOSE_MARGIN))[0])
    # Words that name the item clearly carry a reorder on their own, whatever its number.
    confidence, reasons = assess(replace(faint, words=0.8))
    assert not needs_review(confidence) and Reason.NUMBER_DIFFERS not in reasons
    # A number that is the item's, or none, is no witness against the move.
    for numbered in (True, None):
        assert Reason.NUMBER_DIFFERS not in assess(replace(faint, numbered=numbered))[1]


def test_a_province_heading_taken_back_to_an_earlier_item_by_a_shared_syllable_is_flagged(tmp_path):
    # The province's own heading between items 4 and 5 numbered again "IV-" by a typist's slip: its
    # numbers no longer rise, and "tin nhắn" (with "thông tin chung") takes it back to item 2. Its
    # own number is another item's and its words only hint: the cell is for review, saying both.
    report = read(tmp_path, with_labels(EXTRA_BETWEEN, ("I", "II", "III", "IV", "IV", "V", "VI")))
    general = section_of(report, 2)
    right = general.text == "\n".join(EXTRA_BETWEEN[1][1])
    assert right or (general.review and Reason.NUMBER_DIFFERS in general.reasons)


def _with_line_under_each(line, count=6):
    """Six items under their own numbered headings, the first `count` of whose texts end with
    `line(n)`, n the item's number (a note, a header the document repeats under each heading)."""
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{n}. {KNOWN[n]}"), *(f"{UNKNOWN[n]}: {sentence}" for sentence in _item_text(n))]
        if n <= count:
            lines.append(line(n))
    return lines


def _endnote(n):
    return f"[Chú thích cuối {n}] Mục {n} Đề cương kèm theo Văn bản số 1683/BXD-PTDT."


def test_a_line_under_every_heading_belongs_to_no_item_and_flags_each_cell_holding_it(tmp_path):
    # Pool 43's endnotes on the headings rode along in every cell, each the right item: no doubt
    # saw the line that is in every text, digits aside, which no item's own text says six times.
    report = read(tmp_path, _with_line_under_each(_endnote))
    assert all(s.review and Reason.RECURRING_LINE in s.reasons for s in report.sections)
    assert note([Reason.RECURRING_LINE]) == "có dòng lặp lại ở nhiều mục (chú thích, đầu trang hay chân trang?)"


def test_a_line_in_three_texts_flags_those_three_only(tmp_path):
    report = read(tmp_path, _with_line_under_each(_endnote, count=3))
    assert [s.number for s in report.sections if Reason.RECURRING_LINE in s.reasons] == [1, 2, 3]
    assert not any(s.review for s in report.sections if s.number > 3)


@pytest.mark.parametrize("line", [
    _endnote,                                                       # in two texts only: a passage quoted again
    lambda n: f"Mục {n}.",                                          # too short to say anything: a few letters
], ids=["in two texts", "a few letters"])
def test_a_line_in_two_texts_or_a_short_one_is_no_doubt(tmp_path, line):
    count = 2 if line is _endnote else 6
    report = read(tmp_path, _with_line_under_each(line, count=count))
    assert not any(s.review or Reason.RECURRING_LINE in s.reasons for s in report.sections)


def test_one_text_under_two_merged_items_counts_once():
    from baocao.parse.confidence import recurring_lines

    merged = "Khó khăn và đề xuất của tỉnh.\nĐơn vị tính: triệu đồng"
    assert recurring_lines(["Nội dung mục một của tỉnh.", merged, merged, "Đơn vị tính: triệu đồng"]) == set()
    assert recurring_lines(["Mục một.\nĐơn vị tính: 1 triệu đồng", merged, "Kinh phí.\nĐơn vị tính: triệu đồng"]) \
        == {0, 1, 2}


def test_texts_written_to_one_pattern_carry_no_line_of_another():
    # Every line of each text is in the others, digits aside ("Kết quả năm 2021 của mục 1 …"): the
    # texts follow one pattern; none holds, beside its own, a line that came from elsewhere.
    from baocao.parse.confidence import recurring_lines

    pattern = [f"Nội dung báo cáo của mục {n} của tỉnh." for n in range(1, 7)]
    assert recurring_lines(pattern) == set()
    # One of them adding a passage of its own (parse/addenda.py's late text): still the pattern's
    # line, held beside lines of their own by one text only, not three.
    pattern[1] += "\n* Bổ sung nội dung tại mục 2 của đề cương:\nTỉnh đã bổ sung kế hoạch."
    assert recurring_lines(pattern) == set()
