"""A heading label of a shape no rule lists ("(A)", "<1>", "A:", "§ 1", "1.)", "①", "[A]") is
still a label when the document repeats it: heading lines that open with the same marks around
a counter walking one counting system up (A, B, C…; 1, 2, 3…; ①, ②, ③…) are a ladder of that
shape, and the shape tells its level from the others ("1." points under an item). A body line
may open so too ("(1) …", "<2> …"): it is read so only over heading lines that count up.
"""

import dataclasses

import pytest
from docx_builders import Bold, build_lines

from baocao.campaign import load_campaign
from baocao.parse.document import Block, Document
from baocao.parse.docx import read_docx
from baocao.parse.labels import (
    garbled_word_label,
    label_ordinal,
    label_shape,
    leading_label,
    misread_word_roman,
    misread_word_stop,
    template_label,
)
from baocao.parse.sections import extract_sections

OUTLINE = load_campaign().sections
WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in OUTLINE)
UNKNOWN = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
LETTERS = "ABCDEF"
SHAPES = {  # shapes no rule of labels.leading_label reads: how the item numbered n is labelled
    "letter in brackets": lambda n: f"({LETTERS[n - 1]})",
    "angle brackets": lambda n: f"<{n}>",
    "letter and colon": lambda n: f"{LETTERS[n - 1]}:",
    "section sign": lambda n: f"§ {n}",
    "stop and bracket": lambda n: f"{n}.)",
    "circled number": lambda n: "①②③④⑤⑥"[n - 1],
    "letter in square brackets": lambda n: f"[{LETTERS[n - 1]}]",
    "word and letter": lambda n: f"Phần {LETTERS[n - 1]}:",  # parts lettered A-F, "Phần C:" among them
    "three words and letter": lambda n: f"Phần thông tin {LETTERS[n - 1]}.",  # pool 35's Hà Tĩnh, plain bold
    "four words and letter": lambda n: f"Lĩnh vực công tác {LETTERS[n - 1]}.",  # pool 38's Hà Tĩnh, bold
    "hyphenated word and letter": lambda n: f"Mô-đun {LETTERS[n - 1]}:",  # pool 61's Kiên Giang, a loanword
}


def body(n):
    return f"Nội dung báo cáo của mục {n} của tỉnh."


def sections_of(tmp_path, lines, outline=WITHOUT_PHRASES):
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), outline)
    return {s.number: s.text for s in report.sections}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_label_of_a_shape_no_rule_lists_is_read_by_its_marks_and_counter(shape):
    assert leading_label(f"{SHAPES[shape](4)} Tiền bạc") == ""  # no rule reads it
    template = template_label(f"{SHAPES[shape](4)} Tiền bạc")
    assert (template.label, template.value) == (SHAPES[shape](4), 4)
    assert template.shape == template_label(f"{SHAPES[shape](1)} Những bước").shape
    assert label_ordinal(SHAPES[shape](4)) == 4
    assert label_shape(SHAPES[shape](4)) == label_shape(SHAPES[shape](1)) == template.shape


def test_a_shape_a_rule_reads_is_read_as_before():
    """"(C)" is a Roman numeral's shape to labels.leading_label: "(D)" after it is of its shape, "(A)"."""
    assert leading_label("(C) Lan tỏa") == "(C)" and leading_label("(D) Tiền bạc") == ""
    assert label_shape("(D)") == label_shape("(C)") == "(A)"
    assert (label_ordinal("(C)"), label_ordinal("(D)")) == (3, 4)


def test_a_lone_c_after_a_word_counts_in_letters_as_the_letters_around_it():
    """Pool 23's "Phần A:" … "Phần F:": "Phần C:" is the third part, of "Phần A:"'s shape, not Roman 100."""
    assert leading_label("Phần C: Lan tỏa") == ""
    assert template_label("Phần C: Lan tỏa") == template_label("Phần C: Lan tỏa")._replace(
        shape=template_label("Phần A: Những bước").shape, value=3)
    assert leading_label("Phần II: Toàn cảnh") == "Phần II:"  # a Roman numeral of letters is one still


def test_plain_lines_led_by_dots_to_the_margin_in_a_shape_of_the_document_s_own_are_the_items(tmp_path):
    """Pool 23's text PDF: "Phần A: Tiêu đề…………" in the body's face, no mark but the leader."""
    from pdf_builders import Line, Page, draw_pdf

    from baocao.parse.pdf import read_pdf

    lines = [Line("Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:")]
    for n, words in UNKNOWN.items():
        lines += [Line(f"Phần {LETTERS[n - 1]}: {words}" + "." * 60), Line(body(n))]
    pdf = draw_pdf(tmp_path / "bao-cao.pdf", [Page(tuple(lines))])
    report = extract_sections(read_pdf(pdf), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {n: body(n) for n in UNKNOWN}


def test_on_a_scan_a_bold_label_before_a_title_led_by_dots_to_the_margin_is_no_heading_alone():
    """Pool 23's scan: "Phần A:" read bold, its title and leader after it in the body's face. The
    title led to the margin is the heading's, not its item's first line: the headings' words
    are there to name the items."""
    lines = ["ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC", "BÁO CÁO", "Tình hình phát triển đô thị thông minh",
             "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    texts = {1: "Năm 2017, tỉnh đưa vào vận hành Cổng dịch vụ công trực tuyến.",
             2: "Hạ tầng cáp quang của tỉnh đã phủ tới 72% số xã.", 3: "Đài Phát thanh phát sóng chuyên mục hằng tuần.",
             4: "Tổng kinh phí tỉnh đã thực hiện là 34.771 triệu đồng.", 5: "Hạ tầng viễn thông tại 4 xã chưa đáp ứng.",
             6: "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá."}
    for n, title in UNKNOWN.items():
        lines += [f"Phần {LETTERS[n - 1]}: {title}" + "." * 30, texts[n]]
    lines += ["Trên đây là báo cáo của UBND tỉnh./.", "Nơi nhận:"]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, False, "", page=1,
                         lead=text.split(" ", 2)[0] + " " + text.split(" ", 2)[1] if text.startswith("Phần") else "")
                   for i, text in enumerate(lines))
    report = extract_sections(Document("bao-cao.pdf", blocks, ocr=True), WITHOUT_PHRASES)
    assert {s.number: (s.heading, s.text) for s in report.sections} == {
        n: (f"Phần {LETTERS[n - 1]}: {title}" + "." * 30, texts[n]) for n, title in UNKNOWN.items()}


def test_words_and_an_unclosed_bracket_open_no_label():
    assert template_label("Tháng 5 năm 2022 tỉnh đã họp") is None
    assert template_label("(2 năm qua) tỉnh đã làm") is None


@pytest.mark.parametrize("shape", SHAPES)
def test_headings_labelled_in_a_shape_of_the_document_s_own_are_the_six_items(tmp_path, shape):
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{SHAPES[shape](n)} {words}"), body(n)]
    assert sections_of(tmp_path, lines) == {n: body(n) for n in UNKNOWN}


def test_letters_in_brackets_over_numbered_points_are_the_items_the_points_inside_them(tmp_path):
    """Pool 19's "(A) Tiêu đề": "1. …" points under "(B)" and "(E)" are their items' text."""
    points = {2: ["1. Về hạ tầng số", "Mạng 4G phủ 98% diện tích.", "2. Về Trung tâm điều hành", "Vận hành 8 phân hệ."],
              5: ["1. Về nguồn lực", "Thiếu cán bộ chuyên trách.", "2. Về văn bản pháp luật", "Chưa có quy định."]}
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"({LETTERS[n - 1]}) {words}"), body(n), *points.get(n, ())]
    assert sections_of(tmp_path, lines) == {n: "\n".join([body(n), *points.get(n, ())]) for n in UNKNOWN}


def test_a_hyphenated_words_letter_ladder_over_bold_points_the_phrases_speak_of_is_the_items(tmp_path):
    """Pool 61's Kiên Giang: "Mô-đun A:" … "Mô-đun F:" over bold points "1. Về hạ tầng số", "2. Về Trung
    tâm điều hành", whose words the campaign's phrases know. "Mô-đun" was no label's word (its
    hyphen), so its ladder counted nothing and the points were taken for the items (six cells,
    flagged); a ladder of the hyphenated word counting A-F is the items, the points inside them."""
    points = {2: [Bold("1. Về hạ tầng số"), "Mạng 4G phủ 98% diện tích.", Bold("2. Về Trung tâm điều hành"),
                  "Vận hành 8 phân hệ."],
              5: [Bold("1. Về nguồn lực"), "Thiếu cán bộ chuyên trách.", Bold("2. Về văn bản quy phạm pháp luật"),
                  "Chưa có quy định."]}
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"Mô-đun {LETTERS[n - 1]}: {words}"), body(n), *points.get(n, ())]
    found = sections_of(tmp_path, lines, OUTLINE)
    assert set(found) == set(UNKNOWN) and all(found[n].startswith(body(n)) for n in UNKNOWN)
    assert "Vận hành 8 phân hệ." in found[2] and "Chưa có quy định." in found[5]


def test_a_body_list_opening_with_a_shape_is_no_heading(tmp_path):
    """Plain sentences "(1) …", "<1> …" under an item are its text, however they count."""
    listed = [f"{label} Tỉnh đã tổ chức {n} hội nghị phổ biến cho cán bộ các sở, ngành trong năm."
              for n in (1, 2, 3) for label in (f"({n})", f"<{n}>")]
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"({LETTERS[n - 1]}) {words}"), body(n), *(listed if n == 3 else ())]
    assert sections_of(tmp_path, lines) == {n: "\n".join([body(n), *(listed if n == 3 else ())]) for n in UNKNOWN}


def test_a_shape_that_does_not_count_up_is_no_ladder(tmp_path):
    """Bold lines opening "<1>" every time are no ladder: the six items' unnumbered bold
    headings around them stay one level."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(words), body(n), Bold("<1> Ghi chú"), "Ghi chú của sở."]
    assert template_label("<1> Ghi chú").shape == "<1>"
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert all(not s.heading.startswith("<") for s in report.sections)


def test_on_a_scan_a_label_glued_to_its_title_beside_its_first_paragraph_is_the_ladder_s_heading():
    """A heading in a table's left cell beside its item's first paragraph, recognised: the label
    glued to its title ("(C)Lềlõiđiềuhành", OCR lost the spaces), the cells' rule read as a
    bracket. Where the ladder "(A)"… skips "(C)", it is that heading, the paragraph its item's text."""
    lines = ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", "BÁO CÁO", "Tình hình phát triển đô thị thông minh",
             "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n, words in UNKNOWN.items():
        if n == 3:
            lines += ["(C)Lantỏa [ Tỉnh đã phát hành 31.500 tờ rơi hướng dẫn người dân.", "Chi tiết mục 3."]
        else:
            lines += [f"({LETTERS[n - 1]}) {words}", body(n)]
    lines += ["Trên đây là báo cáo của UBND tỉnh./.", "Nơi nhận:"]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, text.startswith("(") and " [ " not in text,
                         leading_label(text), page=1) for i, text in enumerate(lines))
    report = extract_sections(Document("bao-cao.pdf", blocks, ocr=True), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {
        **{n: body(n) for n in UNKNOWN if n != 3},
        3: "Tỉnh đã phát hành 31.500 tờ rơi hướng dẫn người dân.\nChi tiết mục 3."}


def test_a_roman_numeral_ocr_misread_after_a_word_is_put_back_in_its_letters():
    """Pool 26's Bến Tre scan: "Nhóm II:" and "Nhóm IV:" in a serif face read "Nhóm TT:" and
    "Nhóm TV:", each I a T: put back, "Nhóm I:"'s shape. A numeral read right, or letters that
    make none, are no misreading."""
    assert template_label("Nhóm TT: Con số biết nói") is None
    assert misread_word_roman("Nhóm TT: Con số biết nói") == "Nhóm II: Con số biết nói"
    assert misread_word_roman("Nhóm TV: Phần vốn đã tiêu") == "Nhóm IV: Phần vốn đã tiêu"
    assert template_label("Nhóm IV: Phần vốn").shape == template_label("Nhóm I: Mặt bằng").shape
    assert misread_word_roman("Nhóm III: Cách chia việc") is None  # read right: template_label's
    # a label of three words or four, as template_label reads ("Phần trình bày H." for "Phần trình bày II.")
    assert misread_word_roman("Phần trình bày H. Gùi nông sản") == "Phần trình bày II. Gùi nông sản"
    assert misread_word_roman("Phần trình bày IH. Cây đũa") == "Phần trình bày III. Cây đũa"
    assert misread_word_roman("Lĩnh vực công tác TV. Cây đũa") == "Lĩnh vực công tác IV. Cây đũa"  # or of four
    assert misread_word_roman("Nhóm TA: Con số") is None
    assert misread_word_roman("Nhóm TVV: Con số") is None  # "IVV" is no numeral


def test_a_roman_numeral_ocr_read_with_a_mark_after_words_is_put_back_in_its_letters():
    """A word label's numeral read with a Vietnamese mark or as an exclamation mark ("Mục nội
    dung VỊ:", "Mục nội dung !!:"), as a numeral alone is (misread_roman): its letters again."""
    assert misread_word_roman("Mục nội dung VỊ: Lời gửi gắm") == "Mục nội dung VI: Lời gửi gắm"
    assert misread_word_roman("Mục nội dung Í: Khung cửi") == "Mục nội dung I: Khung cửi"
    assert misread_word_roman("Mục nội dung !!: Đụn rơm") == "Mục nội dung II: Đụn rơm"


def test_a_word_labels_colon_ocr_read_as_a_semicolon_is_put_back():
    """Pool 38's Cao Bằng scan: "Mục nội dung V; Cái gai trong giày" for "V:": a few words, a
    number or a Roman numeral, then the semicolon and a title: the colon again. A semicolon
    after no number, or with no title after it, is the text's."""
    assert misread_word_stop("Mục nội dung V; Cái gai trong giày") == "Mục nội dung V: Cái gai trong giày"
    assert misread_word_stop("Yêu cầu số 2; Thúng cau đầy ắp") == "Yêu cầu số 2: Thúng cau đầy ắp"
    assert misread_word_stop("Tỉnh đã làm xong; còn lại hai việc") is None
    assert misread_word_stop("Mục nội dung V: Cái gai") is None  # read right
    assert misread_word_stop("Các năm 2021; 2022 và 2023") is None


TEXTS = {1: "Năm 2017, tỉnh đưa vào vận hành Cổng dịch vụ công trực tuyến.",
         2: "Hạ tầng cáp quang của tỉnh đã phủ tới 72% số xã.", 3: "Đài Phát thanh phát sóng chuyên mục hằng tuần.",
         4: "Tổng kinh phí tỉnh đã thực hiện là 34.771 triệu đồng.", 5: "Hạ tầng viễn thông tại 4 xã chưa đáp ứng.",
         6: "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá."}


@pytest.mark.parametrize("read", [{2: "TT", 4: "TV"}, {5: "TT"}])
def test_on_a_scan_headings_whose_numeral_ocr_misread_fill_their_ladder_s_gaps(read):
    """Pool 26's Bến Tre scan: "Nhóm I:" … "Nhóm VI:" in the body's face, each led to the margin
    by dots; "Nhóm II:" and "Nhóm IV:" read "Nhóm TT:" and "Nhóm TV:". Where the ladder of
    "Nhóm I:"'s shape misses 2 and 4, they are those items, their numerals put right. A misread
    numeral where the ladder misses no such value ("Nhóm TT:" where "Nhóm V:" stands, between IV
    and VI) is no heading of it."""
    titles = {1: "Mặt bằng xuất phát", 2: "Con số biết nói", 3: "Cách chia việc giữa sở ngành",
              4: "Phần vốn đã tiêu", 5: "Nút thắt còn siết", 6: "Tỉnh ngỏ lời với Bộ"}
    numerals = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"} | read
    lines = ["ỦY BAN NHÂN DÂN TỈNH BẾN TRE", "BÁO CÁO", "Tình hình phát triển đô thị thông minh",
             "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n, title in titles.items():
        lines += [f"Nhóm {numerals[n]}: {title}" + "." * 30, TEXTS[n]]
    lines += ["Trên đây là báo cáo của UBND tỉnh./.", "Nơi nhận:"]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, False, "", page=1) for i, text in enumerate(lines))
    report = extract_sections(Document("bao-cao.pdf", blocks, ocr=True), WITHOUT_PHRASES)
    found = {s.number: (s.heading, s.text) for s in report.sections}
    if 5 in read:  # "Nhóm TT: Nút thắt…" stays in item 4's text
        assert all("Nút thắt" not in heading for heading, _ in found.values())
        assert found[4][1] == f"{TEXTS[4]}\nNhóm TT: Nút thắt còn siết{'.' * 30}\n{TEXTS[5]}"
        return
    assert found == {n: (f"Nhóm {['I', 'II', 'III', 'IV', 'V', 'VI'][n - 1]}: {title}" + "." * 30, TEXTS[n])
                     for n, title in titles.items()}


def test_on_a_scan_a_heading_whose_numeral_ocr_misread_counts_in_its_ladders_walk():
    """Pool 63's Quảng Ninh scan: "Luồng I:" … "Luồng VI:" in bold, "Luồng III:" read "Luồng HI:"
    and "Luồng IV:" read "Luôồng IV:" with its bold unseen. The ladder's numbers walk up with
    III's numeral righted: the six items (the ladder was refused for the two values it skipped
    without it, item 4's text went to item 3 and item 4 was empty)."""
    titles = {1: "Chiếc cào gỗ bà nội để lại", 2: "Bể chạt lọc nước chạt mặn", 3: "Đoàn xe thồ chở muối lên chợ",
              4: "Hũ sành cất tiền tích cóp", 5: "Mưa dầm làm tan cả ô muối", 6: "Đơn đặt muối qua tin nhắn"}
    labels = {1: "Luông I:", 2: "Luồng II:", 3: "Luồng HI:", 4: "Luôồng IV:", 5: "Luồng V:", 6: "Luồng VI:"}
    blocks = [Block(0, "BÁO CÁO", "paragraph", "Normal", None, True, page=1),
              Block(1, "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:", "paragraph", "Normal", None,
                    False, page=1)]
    for n, title in titles.items():
        blocks += [Block(len(blocks), f"{labels[n]} {title}", "paragraph", "Normal", None, n != 4, page=1),
                   Block(len(blocks) + 1, TEXTS[n], "paragraph", "Normal", None, False, page=1)]
    report = extract_sections(Document("bao-cao.pdf", tuple(blocks), ocr=True), WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_ladder_of_capitals_and_en_dashes_holds_its_roman_looking_c(tmp_path):
    """"C –" reads as a Roman numeral's label, "A –", "B –", "D –" only as the ladder's template:
    with their dashes read alike they are one shape, and "C –" is item 3, not text of item 2."""
    assert label_shape(leading_label("C – Lan tỏa")) == template_label("B – Toàn cảnh").shape
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{LETTERS[n - 1]} – {UNKNOWN[n]}"), body(n)]
    assert sections_of(tmp_path, lines) == {n: body(n) for n in range(1, 7)}


@pytest.mark.parametrize("glued", [5, 2])
def test_on_a_scan_a_word_label_that_lost_its_space_is_still_of_its_ladder(glued):
    """Pool 28's Trà Vinh scan: "Đề mục I." … "Đề mục VI." in bold, one read "Đềmục V." (the space
    between the label's words lost), "Đề mục III." not bold. The glued label is of the shape most
    headings write with the space: item 5 (or 2) under "Đề mục V." with its space put back, and
    the ladder whole, "Đề mục III." in it."""
    titles = {1: "Bức tranh lúc mới phác", 2: "Những gì đã thành hình", 3: "Sợi chỉ đỏ điều hành",
              4: "Ngân lượng rót cho Đề án", 5: "Bãi lầy phải lội qua", 6: "Cậy nhờ cấp trên"}
    numerals = ("I", "II", "III", "IV", "V", "VI")
    lines = [("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", True), ("BÁO CÁO", True),
             ("Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:", False)]
    for n, title in titles.items():
        word = "Đềmục" if n == glued else "Đề mục"
        lines += [(f"{word} {numerals[n - 1]}. {title}", n != 3), (TEXTS[n], False)]
    lines += [("Trên đây là báo cáo của UBND tỉnh./.", False)]
    blocks = tuple(Block(i, text, "paragraph", "Normal", None, bold, "", page=1)
                   for i, (text, bold) in enumerate(lines))
    report = extract_sections(Document("bao-cao.pdf", blocks, ocr=True), WITHOUT_PHRASES)
    assert {s.number: (s.heading, s.text) for s in report.sections} == {
        n: (f"Đề mục {numerals[n - 1]}. {title}", TEXTS[n]) for n, title in titles.items()}


def test_a_label_of_words_ocr_garbled_is_read_against_its_ladders_clean_label():
    """A scan's "K>-š*ø mục 2, Bảng kê…" beside a clean "Khoản mục 6. …": as many tokens as the
    label's words, its first letter, its number and a stop (a comma its misreading) give the label
    again; words that read as words ("Kế hoạch 2.") are the text's, and so is another count of tokens."""
    clean = template_label("Khoản mục 6. Lời nhắn lên trung ương")
    assert garbled_word_label("K>-š*ø mục 2, Bảng kê thành tích", clean) == (2, "Khoản mục 2. Bảng kê thành tích")
    assert garbled_word_label("K=$n z=2c 3. Kịch bản phân vai", clean) == (3, "Khoản mục 3. Kịch bản phân vai")
    assert garbled_word_label("Kế hoạch 2. Triển khai Đề án", clean) is None
    assert garbled_word_label("K=$n 3. Kịch bản phân vai", clean) is None
    assert garbled_word_label("M=$n z=2c 3. Kịch bản phân vai", clean) is None
    assert garbled_word_label("K=$n z=2c 3) Kịch bản phân vai", clean) is None


def test_a_label_of_words_whose_first_words_ocr_read_as_other_words_keeps_its_last_word():
    """Pool 38's Nghệ An scan: "Xiêu chui số 2; THÍ Ng…" for "Yêu cầu số 2: Thúng cau…", a bold
    line led by dots to the margin: its first words read as other words, even its first letter,
    the last word before the number whole. As many tokens as the label's words, the last its
    last word, the number and a stop give the label again; another last word is the text's."""
    clean = template_label("Yêu cầu số 1: Tấm gương soi lại buổi đầu")
    assert garbled_word_label("Xiêu chui số 2; THÍ Ng Can đẠY ÂN", clean) == (2, "Yêu cầu số 2: THÍ Ng Can đẠY ÂN")
    assert garbled_word_label("Xiêu chui sau 2; Thúng cau", clean) is None
    assert garbled_word_label("Chui số 2; Thúng cau", clean) is None  # a word fewer
    # a template label of four words (TEMPLATE_LABEL_WORDS), garbled so too
    four = template_label("Hạng mục báo cáo 1: Bếp lửa nhóm từ trước")
    assert garbled_word_label("Nang rnục bảo cáo 2; Mạch nước ngầm", four) == (2, "Hạng mục báo cáo 2: Mạch nước ngầm")
    # a label read clipped is no clean label: the others read whole are not its
    assert garbled_word_label("Chuyên mục 2. Bảng kê", template_label("ên mục 3. Kịch bản")) is None


def test_a_label_of_words_ocr_read_without_its_opening_letters_is_read_against_its_clean_label():
    """A scan's line whose first letters the page's edge took ("ên mục 3." for "Chuyên mục 3."):
    the label's words with their head cut off, the last word whole, its number and its stop give
    the label again; a tail shorter than the last word ("c 3.") is no label's."""
    clean = template_label("Chuyên mục 6. Cánh tay nối dài từ Bộ")
    assert garbled_word_label("ên mục 3. Bàn tay điều phối", clean) == (3, "Chuyên mục 3. Bàn tay điều phối")
    assert garbled_word_label("uyên mục 3. Bàn tay điều phối", clean) == (3, "Chuyên mục 3. Bàn tay điều phối")
    assert garbled_word_label("mục 3. Bàn tay điều phối", clean) == (3, "Chuyên mục 3. Bàn tay điều phối")
    assert garbled_word_label("c 3. Bàn tay điều phối", clean) is None
    assert garbled_word_label("ên mục 3: Bàn tay điều phối", clean) is None


def test_a_label_of_words_and_a_capital_letter_is_read_with_the_letter_s_place():
    from baocao.parse.labels import word_letter_label

    assert word_letter_label("Phần trả lời C: Đàn sếu bay theo hàng") == ("phan tra loi", 3, "Phần trả lời C:")
    assert word_letter_label("Mục lớn B. Gánh lúa đầy") == ("muc lon", 2, "Mục lớn B.")
    assert word_letter_label("Năm 2016, UBND A: tiếp") is None  # a number among the words: no label
    assert word_letter_label("theo phương án A: tiếp") is None  # a sentence's words, in lower case
    assert word_letter_label("Phần trả lời c: tiếp") is None  # a small letter is a point's


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_text_pdfs_plain_word_ladder_with_one_label_written_wrong_keeps_its_items(tmp_path, outline):
    """Plain lines "Mục đánh giá 1. …" to "6." in a text PDF (no mark but the label), one label
    written wrong: a number typed twice ("2." for "3.") takes the place its neighbours leave, and a
    label missing a word ("Mục giá 5.") leaves a gap the other items are read across, the cell
    holding the lost heading doubted (the ladder was disbelieved whole: no section found)."""
    from pdf_builders import Line, Page, draw_pdf

    from baocao.parse.pdf import read_pdf

    def report(labels):
        lines = [Line("Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:")]
        for label, (n, words) in zip(labels, UNKNOWN.items(), strict=True):
            lines += [Line(f"{label} {words}"), Line(body(n))]
        pdf = draw_pdf(tmp_path / "bao-cao.pdf", [Page(tuple(lines))])
        return {s.number: s for s in extract_sections(read_pdf(pdf), outline).sections}

    repeated = report([f"Mục đánh giá {n}." for n in (1, 2, 2, 4, 5, 6)])
    assert {n: s.text for n, s in repeated.items()} == {n: body(n) for n in UNKNOWN}
    lost = report([f"Mục đánh giá {n}." if n != 5 else "Mục giá 5." for n in UNKNOWN])
    assert {n: lost[n].text for n in (1, 2, 3)} == {n: body(n) for n in (1, 2, 3)}
    holding = [s for s in lost.values() if "Mục giá 5." in s.text]
    assert holding and all(s.review for s in holding)
    assert all(s.review for n, s in lost.items() if s.text != body(n))


@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_a_ladders_label_words_are_not_the_headings_words(tmp_path, outline):
    """"Nội dung A:" is a label as "Phần A:" is: its words ("nội dung", in the headings of items 1
    and 4) are on every heading of the ladder and say nothing of which item each one is, so the
    headings are read and judged alike (they made item 1's cell sure, and item 4's surer, of
    headings whose titles say nothing)."""
    def read(label):
        lines = ["BÁO CÁO"]
        for n in range(1, 7):
            lines += [Bold(f"{label} {LETTERS[n - 1]}: {UNKNOWN[n]}"), body(n)]
        report = extract_sections(read_docx(build_lines(tmp_path / f"{label}.docx", tuple(lines))), outline)
        return [(s.number, s.text, round(s.confidence, 2), s.review) for s in report.sections]

    assert read("Nội dung") == read("Phần")


@pytest.mark.parametrize("circled", ["①②③④⑤⑥", "❶❷❸❹❺❻"])
@pytest.mark.parametrize("outline", [OUTLINE, WITHOUT_PHRASES], ids=["phrases", "no phrases"])
def test_plain_title_lines_numbered_with_circled_numbers_are_a_ladder(tmp_path, circled, outline):
    """"① Những bước…" to "⑥ …" in a plain face, each over its text: a circled number opens no body
    line, so they are a ladder as a plain "(1) …" one is (no section was found: only bold ones were)."""
    lines = [Bold("BÁO CÁO"), "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n in range(1, 7):
        lines += [f"{circled[n - 1]} {UNKNOWN[n]}", body(n)]
    assert sections_of(tmp_path, lines, outline) == {n: body(n) for n in range(1, 7)}


def test_an_items_points_numbered_with_circled_numbers_stay_its_points(tmp_path):
    romans = ("I.", "II.", "III.", "IV.", "V.", "VI.")
    lines = [Bold("BÁO CÁO"), "Thực hiện văn bản của Bộ Xây dựng, UBND tỉnh báo cáo như sau:"]
    for n, roman in enumerate(romans, start=1):
        lines += [Bold(f"{roman} {UNKNOWN[n]}"), body(n)]
        if n == 5:
            for k in range(6):
                lines += [f"{'①②③④⑤⑥'[k]} Vướng mắc số {k + 1}", f"Chi tiết vướng mắc số {k + 1}."]
    report = extract_sections(read_docx(build_lines(tmp_path / "bao-cao.docx", tuple(lines))), WITHOUT_PHRASES)
    assert [s.heading for s in report.sections] == [f"{r} {UNKNOWN[n]}" for n, r in enumerate(romans, start=1)]
