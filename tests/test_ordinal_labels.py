"""Parts numbered in words ("PHẦN THỨ NHẤT", "Phần thứ hai. …") are numbered parts: the
ordinal is their number, as "II" is in "PHẦN II", however OCR placed its diacritics.

Without the campaign's phrases and with wordings that share no word with the outline, a
part's number is all that tells an item from the province's own part after them.
"""

import dataclasses

import pytest
from docx_builders import Bold, build_lines

from baocao.campaign import load_campaign
from baocao.parse.docx import read_docx
from baocao.parse.labels import label_ordinal, label_shape, leading_label, strip_label
from baocao.parse.sections import extract_sections

WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
UNKNOWN = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy")


def body(n):
    return f"Nội dung báo cáo của mục {n} của tỉnh."


def read(tmp_path, lines):
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    return report, {s.number: s.text for s in report.sections}


def test_a_part_numbered_in_words_has_that_number():
    assert leading_label("PHẦN THỨ HAI") == "PHẦN THỨ HAI"
    assert label_ordinal("PHẦN THỨ HAI") == 2
    assert label_ordinal("Phần thứ tư.") == 4
    assert strip_label("Phần thứ năm. Khó khăn, vướng mắc") == "Khó khăn, vướng mắc"
    assert leading_label("Phần thưởng cho tập thể") == leading_label("Phần thứ nhấtx") == ""


def test_parts_numbered_in_words_are_one_level_whatever_their_number():
    assert label_shape("PHẦN THỨ NHẤT") == label_shape("Phần thứ sáu.")
    assert label_shape("PHẦN THỨ NHẤT") not in ("", label_shape("PHẦN I"))


def test_an_ordinal_misread_by_ocr_is_still_read():
    assert label_ordinal("PHẦN THỬ NHẤT") == 1  # "THỨ" read "THỬ"


def test_a_part_numbered_in_words_alone_on_its_line_takes_the_title_under_it(tmp_path):
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"PHẦN THỨ {ORDINALS[n - 1].upper()}"), Bold(UNKNOWN[n]), body(n)]
    report, texts = read(tmp_path, lines)
    assert texts == {n: body(n) for n in range(1, 7)}
    assert report.sections[1].heading == "PHẦN THỨ HAI Toàn cảnh"


def test_the_provinces_own_seventh_part_is_no_item(tmp_path):
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"Phần thứ {ORDINALS[n - 1]}. {UNKNOWN[n]}"), body(n)]
    lines += [Bold("Phần thứ bảy. Phương hướng, nhiệm vụ thời gian tới"), "Năm 2023, tỉnh tiếp tục mở rộng IOC."]
    _, texts = read(tmp_path, lines)
    assert texts == {n: body(n) for n in range(1, 7)}


def test_a_heading_opened_by_an_ordinal_in_words_is_numbered_by_it():
    from baocao.parse.labels import ordinal_word
    assert ordinal_word("Thứ nhất, kết quả ứng dụng công nghệ số") == 1
    assert ordinal_word("THỨ TƯ: KHÓ KHĂN") == 4
    assert strip_label("Thứ ba, số vốn đã sử dụng, phân theo từng nguồn") == "số vốn đã sử dụng, phân theo từng nguồn"
    assert ordinal_word("Thứ trưởng Bộ Xây dựng") is None


def test_a_heading_opened_by_a_number_in_words_with_la_is_numbered_by_it():
    """"Một là, …", "Hai là, …": the other way Vietnamese counts the points of a text."""
    from baocao.parse.labels import ordinal_word
    assert ordinal_word("Một là, kết quả ứng dụng công nghệ số") == 1
    assert ordinal_word("BỐN LÀ: KHÓ KHĂN") == 4
    assert ordinal_word("Sáu là, đề xuất") == 6
    assert strip_label("Ba là, số vốn đã sử dụng") == "số vốn đã sử dụng"
    assert ordinal_word("Một lần nữa, tỉnh đề nghị") is None
    assert ordinal_word("Hai làn sóng đầu tư") is None


def test_a_few_words_and_a_number_before_a_colon_are_a_label_and_the_title_is_after_it():
    """"Vấn đề 1: Khởi đầu…": the province's own word for its items, counted; the words
    after the colon are the heading's title, not its item's first line. A year is no count."""
    from baocao.parse.labels import word_label
    assert word_label("Vấn đề 3: Lan tỏa Đề án tới các ngành") == ("van de", 3)
    assert word_label("Nhóm việc 12: Các đề xuất") == ("nhom viec", 12)
    assert strip_label("Vấn đề 3: Lan tỏa Đề án tới các ngành") == "Lan tỏa Đề án tới các ngành"
    assert word_label("Năm 2021: tỉnh đã bố trí 12 tỷ đồng") is None
    assert word_label("Giai đoạn 2015 – 2017: các phần mềm đầu tiên") is None
    assert strip_label("Kết quả: tỉnh đã chọn 3 đô thị") == "Kết quả: tỉnh đã chọn 3 đô thị"


def test_a_few_words_and_a_roman_numeral_before_a_colon_are_a_label_too():
    """"Chuyên đề IV: Ngân quỹ…": the count may be a Roman numeral in capitals, a valid one."""
    from baocao.parse.labels import word_label
    assert word_label("Chuyên đề IV: Ngân quỹ đã dùng tới") == ("chuyen de", 4)
    assert word_label("CHUYÊN ĐỀ II: THÀNH QUẢ") == ("chuyen de", 2)
    assert strip_label("Chuyên đề VI: Lời khẩn khoản của tỉnh") == "Lời khẩn khoản của tỉnh"
    assert word_label("Chuyên đề IIII: Ngân quỹ") is None
    assert word_label("Kết quả đạt được: tỉnh đã chọn 3 đô thị") is None


def test_a_few_words_and_a_number_then_a_dash_or_a_bracket_are_a_label_too():
    """"Phần kiểm điểm I - Mẻ gốm…" (pool 44): a dash or a closing bracket sets the label off
    from its title as a colon or a stop does, its words the same however their marks were read
    ("Phân kiếm điểm", a scan's); a dash OCR read as two is one. A sentence is none: a range
    ("Giai đoạn 2 - 3 năm"), a dash glued on both sides, a small letter after the dash or before
    the words (a line that goes on a sentence)."""
    from baocao.parse.labels import word_label
    assert word_label("Phần kiểm điểm I - Mẻ gốm đầu lò vừa ra") == ("phan kiem diem", 1)
    assert word_label("Phân kiếm điểm V – Rầy nâu về giữa vụ") == ("phan kiem diem", 5)
    assert word_label("Phân kiểm điểm II —- Bồ lúa nếp nương đầy ắp") == ("phan kiem diem", 2)
    assert word_label("Bước 2) Triển khai kế hoạch") == ("buoc", 2)
    assert strip_label("Phần kiểm điểm IV - Bao thóc giống để dành") == "Bao thóc giống để dành"
    assert word_label("Giai đoạn 2 - 3 năm tới, tỉnh tiếp tục đầu tư") is None
    assert word_label("Mục 2-3 Các nội dung") is None
    assert word_label("Giai đoạn 1 - năm 2018 tỉnh bố trí vốn") is None
    assert word_label("theo mục 2 - Kế hoạch số 12") is None
    assert word_label("Phần kiểm điểm IIII - Mẻ gốm") is None


def test_a_label_that_counts_its_parts_out_of_all_of_them_is_read_by_its_number():
    """"Chặng 1/6: Tổ ong…" (pool 54): the number says which of how many, the slash and the count
    are no part of it, with a colon, a stop or a dash after; a date is no such count ("Ngày 16/5:",
    the day past the month), nor a count past its whole."""
    from baocao.parse.labels import word_label
    assert word_label("Chặng 1/6: Tổ ong đầu tiên treo dưới mái hiên") == ("chang", 1)
    assert word_label("Chặng 6/6. Gian hàng mật ong") == ("chang", 6)
    assert word_label("Chặng 3/6 – Hội những người nuôi ong") == ("chang", 3)
    assert strip_label("Chặng 2/6: Thùng ong sinh sôi thêm đàn mới") == "Thùng ong sinh sôi thêm đàn mới"
    assert word_label("Ngày 16/5: tỉnh tổ chức hội nghị") is None
    assert word_label("Chặng 7/6: Gian hàng") is None


def test_parts_counted_out_of_all_of_them_are_the_items_in_their_order(tmp_path):
    """Pool 54's Yên Bái: "Chặng 1/6: …" to "Chặng 6/6: …" in a plain face, titles that name no
    item, points "a) …" under two of them: the parts are the items (its a) and b) were taken for
    a ladder of the items, four cells wrong)."""
    lines = ["Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh Yên Bái báo cáo như sau:"]
    for n in range(1, 7):
        lines += [f"Chặng {n}/6: {UNKNOWN[n]}", body(n)]
        if n in (2, 5):
            lines += ["a) Về nguồn lực", f"Chi tiết thứ nhất của mục {n}.", "b) Về văn bản", f"Chi tiết của mục {n}."]
    report, texts = read(tmp_path, lines)
    assert texts[1] == body(1) and texts[6] == body(6)
    assert texts[2] == "\n".join([body(2), "a) Về nguồn lực", "Chi tiết thứ nhất của mục 2.", "b) Về văn bản",
                                   "Chi tiết của mục 2."])
    assert report.sections[3].heading == "Chặng 4/6: Tiền bạc"


ROMANS = ("I", "II", "III", "IV", "V", "VI")


@pytest.mark.parametrize("label", [
    lambda n: f"Nội dung {n}/", lambda n: f"Phần việc {ROMANS[n - 1]}/", lambda n: f"Nội dung ({n})",
    lambda n: f"Hạng mục ({n}):", lambda n: f"Nhiệm vụ #{n}:", lambda n: f"Bậc {n} ›", lambda n: f"Tầng {n} |",
    lambda n: f"Nấc {n} »", lambda n: f"Giai đoạn {n} ->", lambda n: f"Mảng {'ABCDEF'[n - 1]}/",
    lambda n: f"Mảng {'ABCDEF'[n - 1]})", lambda n: f"Mảng {'ABCDEF'[n - 1]} -",
], ids=["slash", "roman-slash", "bracketed", "bracketed-colon", "hash", "arrow", "bar", "guillemet", "ascii-arrow",
        "letter-slash", "letter-bracket", "letter-dash"])
def test_plain_parts_labelled_in_words_and_a_count_with_any_mark_a_ladder_is_written_with_are_the_items(
        tmp_path, label):
    """A label of words and a number (or a letter) is set off from its title by whatever mark the
    office writes a ladder with: a slash as "1/" is, a bracket, a "#", an arrow or a bar. In a
    plain face, titles naming no item, only the count tells the parts are the items."""
    lines = ["Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh Yên Bái báo cáo như sau:"]
    for n in range(1, 7):
        lines += [f"{label(n)} {UNKNOWN[n]}", body(n)]
    report, texts = read(tmp_path, lines)
    assert texts == {n: body(n) for n in range(1, 7)}
    assert report.sections[3].heading == f"{label(4)} {UNKNOWN[4]}"


def test_sub_components_numbered_under_their_parent_are_a_ladder_of_their_own(tmp_path):
    """"Tiểu hợp phần 1.1: …" to "1.6: …" (pool 55's Bắc Giang: an ODA project's numbering, the
    report as component 1): the number after the parent's counts the items; the parent is part
    of the ladder's words, so "Mục 2.1" starts another. Bold headings, points "a) Về hạ tầng số"
    under two: the items (the points' words, the outline's, took them, four cells wrong)."""
    from baocao.parse.labels import word_label
    assert word_label("Tiểu hợp phần 1.3: Mấy bà cụ thuộc từng kiểu hoa chiếu") == ("tieu hop phan 1.", 3)
    assert word_label("Tiểu hợp phần 1.3. Mấy bà cụ") == ("tieu hop phan 1.", 3)
    assert word_label("Nghị định 15.2020 của Chính phủ") is None
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"Tiểu hợp phần 1.{n}: {UNKNOWN[n]}"), body(n)]
        if n in (2, 5):
            lines += ["a) Về hạ tầng số", f"Chi tiết của mục {n}.", "b) Về Trung tâm điều hành", f"Thêm của mục {n}."]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), load_campaign().sections)
    texts = {s.number: s.text for s in report.sections}
    assert texts[1] == body(1) and texts[4] == body(4) and texts[6] == body(6)
    assert texts[2].startswith(body(2)) and texts[5].startswith(body(5)) and texts[3] == body(3)


def test_bold_headings_opening_with_a_bare_roman_numeral_that_counts_up_are_numbered(tmp_path):
    """"I CON THOI GỖ MÍT…", "II CHIẾC LÀN…" (pool 55's Long An: no stop after the numeral, titles
    that speak no item, points "1. Về nguồn lực" under one): I to VI counting up are a ladder, the
    items (without phrases, no report on the outline was found)."""
    titles = {n: UNKNOWN[n].upper() for n in UNKNOWN}
    lines = ["Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh Long An báo cáo như sau:"]
    for n in range(1, 7):
        lines += [Bold(f"{ROMANS[n - 1]} {titles[n]}"), body(n)]
        if n == 5:
            lines += ["1. Về nguồn lực", "Thiếu cán bộ.", "2. Về văn bản quy phạm pháp luật", "Chưa có quy định."]
    report, texts = read(tmp_path, lines)
    assert texts[1] == body(1) and texts[6] == body(6) and texts[5].startswith(body(5))
    assert report.sections[2].heading == f"III {titles[3]}"


def test_a_label_in_words_alone_on_its_line_is_told_from_a_line_with_its_title():
    """"Mảng I." or "Vấn đề 1:" alone (framed in the margin, or over its title) is a label
    waiting for its title on the next line; one with its title, a year, words alone are not."""
    from baocao.parse.labels import word_label_alone
    assert all(word_label_alone(line) for line in ("Mảng I.", "Vấn đề 1:", "Nhóm việc 12.", "Nội dung thứ hai:"))
    assert not any(word_label_alone(line) for line in (
        "Mảng I. Tỉnh đứng ở vạch nào", "Vấn đề 1: Bức tranh", "Năm 2021:", "Kết quả:", "I.", ""))


def test_a_few_words_and_a_number_closed_by_a_full_stop_are_a_label_as_before_a_colon():
    """"Điểm 1. Điểm xuất phát…": the number closed by a full stop as "1." is, the words
    before it the province's own word for its items (as OCR reads it: "Điếm" is "Điểm")."""
    from baocao.parse.labels import word_label
    assert word_label("Điểm 1. Điểm xuất phát về dữ liệu và mạng của tỉnh") == ("diem", 1)
    assert word_label("Điếm 3. Bộ máy điều phối Đề án ở tỉnh") == ("diem", 3)
    assert strip_label("Điểm 1. Điểm xuất phát về dữ liệu") == "Điểm xuất phát về dữ liệu"
    assert word_label("Năm 2021. Tỉnh đã bố trí 12 tỷ đồng") is None
    assert word_label("Điểm 1.5 là mức tối đa") is None


def test_headings_labelled_by_words_and_a_number_closed_by_a_full_stop_are_the_items_ladder(tmp_path):
    """Without phrases, headings whose words say nothing of the outline: their label's numbers
    are the ladder, whatever OCR did to its word ("Điếm 3.")."""
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{'Điếm' if n in (3, 6) else 'Điểm'} {n}. {UNKNOWN[n]}"), body(n)]
    report, texts = read(tmp_path, lines)
    assert texts == {n: body(n) for n in range(1, 7)}
    assert report.sections[0].heading == f"Điểm 1. {UNKNOWN[1]}"


# Pool 15's "Vấn đề N:" report: each item's heading "Vấn đề N: <title>" in bold, with points
# "a) …", "b) …" under items 2 and 5 whose words, with the campaign's phrases, hint at items.
VAN_DE = {
    1: ("Khởi đầu của tỉnh trên con đường đô thị số", ()),
    2: ("Bức tranh đô thị số của tỉnh sau bốn năm", ("a) Về hạ tầng số", "b) Về Trung tâm điều hành")),
    3: ("Lan tỏa Đề án tới các ngành và người dân", ()),
    4: ("Tiền công và tiền tư nhân đã đổ vào Đề án", ()),
    5: ("Chỗ yếu về nhân lực, vốn và cơ chế", ("a) Về nguồn lực", "b) Về văn bản quy phạm pháp luật")),
    6: ("Mấy điều tỉnh xin cấp trên xem xét", ()),
}


def van_de_texts():
    texts = {}
    for n, (_, points) in VAN_DE.items():
        lines = [body(n)]
        for point in points:
            lines += [point, f"Nội dung của điểm {point[:2]} thuộc mục {n}."]
        texts[n] = lines
    return texts


@pytest.mark.parametrize("phrases", [True, False], ids=["phrases", "no phrases"])
def test_headings_labelled_van_de_n_are_the_items_ladder_whatever_their_points_hint(tmp_path, phrases):
    lines = []
    for n, lines_of_item in van_de_texts().items():
        lines += [Bold(f"Vấn đề {n}: {VAN_DE[n][0]}"), *lines_of_item]
    outline = load_campaign().sections if phrases else WITHOUT_PHRASES
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), outline)
    assert {s.number: s.text for s in report.sections} == {n: "\n".join(t) for n, t in van_de_texts().items()}
    assert report.sections[0].heading == f"Vấn đề 1: {VAN_DE[1][0]}"


CARDINALS = ("một", "hai", "ba", "bốn", "năm", "sáu")
CRAFTS = {1: "Lò bầu nung gốm thuở trước", 2: "Men lam phủ chum vại mới ra lò", 3: "Nhóm phụ nữ se tơ dệt vải",
          4: "Bao men màu mua từ chợ huyện", 5: "Đất sét ven sông ngày một cạn", 6: "Lò ga thay cho lò củi"}


def test_a_label_of_words_ending_with_a_cardinal_counts_its_parts():
    """"Phần một:", "Phần hai:" … "Phần sáu:": the other way a province counts its parts in
    words, by the cardinal, not "thứ" and the ordinal. A word alone before the colon ("Năm:",
    also "year") is no label."""
    from baocao.parse.labels import label_in_words, relabelled_in_words
    assert label_in_words("Phần một: Lò bầu nung gốm thuở trước") == 1
    assert label_in_words("PHẦN BỐN: BAO MEN MÀU") == 4
    assert label_in_words("Phần năm:") == 5
    assert strip_label("Phần sáu: Lò ga thay cho lò củi") == "Lò ga thay cho lò củi"
    assert relabelled_in_words("Phần ba: Nhóm phụ nữ", 4) == "phan bon"
    assert relabelled_in_words("Nội dung thứ tư: …", 5) == "noi dung thu nam"
    assert label_in_words("Năm: 2022") is None
    assert label_in_words("Kết quả: tỉnh đã chọn ba đô thị") is None


def test_parts_counted_in_cardinal_words_are_the_items_over_numbered_points_naming_items(tmp_path):
    """Pool 49's Bắc Ninh: bold "Phần một: …" to "Phần sáu: …" over titles of the province's own,
    plain "1. Về hạ tầng số", "2. Về Trung tâm điều hành" under item 2 and "1. Về nguồn lực", "2.
    Về văn bản quy phạm pháp luật" under item 5. The parts' count is the ladder; with the phrases
    the points' words (those of item 5's phrases) took the points for items and the parts for
    nothing, half the cells wrong."""
    points = {2: ("1. Về hạ tầng số", "Mạng 4G đã phủ sóng 62% diện tích.", "2. Về Trung tâm điều hành",
                  "Trung tâm vận hành 7 phân hệ."),
              5: ("1. Về nguồn lực", "Cán bộ chuyên trách còn thiếu.", "2. Về văn bản quy phạm pháp luật",
                  "Chưa có quy định về chia sẻ dữ liệu.")}
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"Phần {CARDINALS[n - 1]}: {CRAFTS[n]}"), body(n), *points.get(n, ())]
    path = build_lines(tmp_path / "bao-cao.docx", tuple(lines))
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        assert {s.number: s.text for s in report.sections} == {
            n: "\n".join((body(n), *points.get(n, ()))) for n in range(1, 7)}, outline is WITHOUT_PHRASES
        assert report.sections[0].heading == "Phần một: Lò bầu nung gốm thuở trước"


def test_a_label_of_words_ending_with_a_cardinal_may_be_set_off_by_a_dash_or_a_full_stop():
    """"Bước một – …", "Bước hai – …": the label in words set off from its title by a dash with a
    space either side, as "Khía cạnh 1 – …" sets off a number, or by a full stop before a capital,
    as "Điểm 3. …" is; a dash inside a line's words after five words or more, or with no word
    after it, sets off no label."""
    from baocao.parse.labels import label_in_words
    assert label_in_words("Bước một – Lễ cầu ngư của dân vạn chài") == 1
    assert label_in_words("BƯỚC BỐN - QUỸ TƯƠNG TRỢ") == 4
    assert label_in_words("Nội dung thứ hai. Mắm tôm chua") == 2
    assert label_in_words("Bước ba. nhóm") is None
    assert strip_label("Bước sáu – Máy bơm nước mặn") == "Máy bơm nước mặn"
    assert label_in_words("Năm – 2022") is None
    assert label_in_words("Tỉnh đã triển khai rộng khắp ở cả ba – bốn huyện") is None


def test_steps_counted_in_cardinal_words_after_a_dash_are_the_items(tmp_path):
    """Pool 52's Hậu Giang: bold "Bước một – …" to "Bước sáu – …" over titles of the province's
    own, "a) Về …" points under items 2 and 5: no section was found, with the phrases or without."""
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"Bước {CARDINALS[n - 1]} – {CRAFTS[n]}"), body(n)]
    path = build_lines(tmp_path / "bao-cao.docx", tuple(lines))
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        assert {s.number: s.text for s in report.sections} == {n: body(n) for n in range(1, 7)}


def test_a_long_dash_read_as_two_after_a_labels_number_is_the_labels_mark():
    """"Nội dung 1-— …", "Nội dung 2—- …" beside "Nội dung 3- …" on a scan (pool 52's Hà Giang):
    OCR read a long dash as two; the label and its shape are one with the others'."""
    from baocao.parse.labels import label_shape, template_label
    assert leading_label("Nội dung 1-— Chiếc cào gỗ") == "Nội dung 1-—"
    assert leading_label("Nội dung 5 —- Nhãn hiệu muối") == "Nội dung 5 —-"
    assert strip_label("Nội dung 2—- Nước mắm cốt") == "Nước mắm cốt"
    assert {label_shape(leading_label(t)) for t in ("Nội dung 1-— A", "Nội dung 3- B")} == {"noi dung 1"}
    assert template_label("Tiêu chí 1-— A").shape == template_label("Tiêu chí 3 – B").shape


def test_a_plain_ladder_of_ordinals_in_words_keeps_a_rung_whose_title_was_garbled(tmp_path):
    """Plain lines "Lượt thứ nhất. …" to "Lượt thứ sáu. …" (a scan reads no italics) are a ladder;
    one whose title OCR garbled after its label ("Lượt thứ ba. a—- niên về…", a hole punch's chad
    over its first word: no capital after the stop) is still its rung, found in the gap the
    ladder leaves for it (pool 66's Bà Rịa - Vũng Tàu: no section found)."""
    titles = dict(UNKNOWN) | {3: "a—- niên về quê nhận giàn"}
    lines = ["Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh Bà Rịa - Vũng Tàu báo cáo như sau:"]
    for n in range(1, 7):
        lines += [f"Lượt thứ {ORDINALS[n - 1]}. {titles[n]}", body(n)]
    report, sections = read(tmp_path, lines)
    assert sections == {n: body(n) for n in range(1, 7)}



@pytest.mark.parametrize("opening", [lambda n: f"Thứ {ORDINALS[n - 1]},",
                                     lambda n: f"{CARDINALS[n - 1].capitalize()} là,"], ids=["thứ nhất", "một là"])
@pytest.mark.parametrize("outline", [WITHOUT_PHRASES, load_campaign().sections], ids=["no phrases", "phrases"])
def test_plain_title_lines_opening_with_ordinals_in_words_are_a_ladder(tmp_path, opening, outline):
    """Plain (not bold) lines "Thứ nhất, Những bước…" to "Thứ sáu, …" (or "Một là, …"), each over its
    text, count the items as a numbered ladder does (no section was found)."""
    lines = [Bold("BÁO CÁO"), Bold("Tình hình phát triển đô thị thông minh"),
             "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n in range(1, 7):
        lines += [f"{opening(n)} {UNKNOWN[n]}", body(n)]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), outline)
    assert {s.number: s.text for s in report.sections} == {n: body(n) for n in range(1, 7)}


def test_an_items_own_points_opening_with_ordinals_in_words_do_not_displace_its_numbered_headings(tmp_path):
    """Points "Thứ nhất, …" to "Thứ sáu, …" inside an item (its difficulties, one by one) are no
    ladder of the items where numbered headings are."""
    lines = ["Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n, roman in enumerate(("I.", "II.", "III.", "IV.", "V.", "VI."), start=1):
        lines += [Bold(f"{roman} {UNKNOWN[n]}"), body(n)]
        if n == 5:
            for k in range(1, 7):
                lines += [f"Thứ {ORDINALS[k - 1]}, vướng mắc số {k}", f"Chi tiết vướng mắc số {k}."]
    report, sections = read(tmp_path, lines)
    assert [s.heading for s in report.sections] == [f"{r} {UNKNOWN[n]}" for n, r in
                                                    enumerate(("I.", "II.", "III.", "IV.", "V.", "VI."), start=1)]
