"""Headings laid out in the ways provinces also write them: unnumbered lines whose words
say nothing of the outline, a bold lead sentence opening a paragraph, a heading in a boxed
cell of its own, the province's own order told by "(mục N đề cương)". Read with every
`phrases` list empty, as a new campaign reads on its first day: the structure finds them.
"""

import dataclasses
from datetime import date

import pytest
from docx_builders import Bold, build_lines, roman

from baocao.campaign import load_campaign
from baocao.parse.docx import read_docx
from baocao.parse.sections import extract_sections

WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
# Headings whose words share nothing with the outline's.
UNKNOWN = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tiền bạc", 5: "Vấp váp", 6: "Mong muốn"}
# Texts that speak their item's words, as provinces' texts do.
TEXTS = {
    1: "Trước khi Đề án 950 được ban hành, tỉnh đã triển khai các nội dung công việc về chính quyền điện tử.",
    2: "Kể từ sau khi có Đề án, thông tin chung: tỉnh đã chọn 3 đô thị thí điểm.",
    3: "Công tác tuyên truyền, các chương trình, kế hoạch hành động được triển khai hằng năm.",
    4: "Kinh phí thực hiện các dự án đầu tư, các hạng mục là 120 tỷ đồng.",
    5: "Khó khăn, vướng mắc về nguồn lực và văn bản quy phạm pháp luật.",
    6: "Đề xuất, kiến nghị Bộ Xây dựng sớm ban hành hướng dẫn.",
}


def read(path):
    return extract_sections(read_docx(path), WITHOUT_PHRASES)


def read_printed(path, tmp_path):
    """The .docx at `path` printed to PDF by LibreOffice, then read as a PDF."""
    from pdf_builders import convert_to_pdf

    from baocao.parse.pdf import read_pdf

    convert_to_pdf([path], tmp_path)
    return extract_sections(read_pdf(tmp_path / f"{path.stem}.pdf"), WITHOUT_PHRASES)


# Headings in the province's words, two of which share a word or two with their items: a hint, no more.
HINTING = {**UNKNOWN, 2: "Kết quả tổng thể sau hơn bốn năm", 4: "Số đã chi theo từng hạng mục"}


def test_unnumbered_headings_whose_words_only_hint_are_the_items_their_texts_speak_of(tmp_path):
    lines = []
    for n, words in HINTING.items():
        lines += [Bold(words), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_unnumbered_headings_over_texts_of_no_item_are_no_report_on_the_outline(tmp_path):
    lines = []
    for words in ("Mở đầu", "Diễn biến", "Kết luận"):
        lines += [Bold(words), "Nội dung do địa phương tự trình bày theo cách riêng."]
    assert read(build_lines(tmp_path / "bao-cao.docx", tuple(lines))).sections == ()


# A heading run into its item's first paragraph: a bold sentence, or a bold numbered title
# with no stop after it.
LEADS = {"sentence": "{words}.", "numbered title": "{n}. {words}"}


def lead_sentence_report(path, lead=LEADS["sentence"], mark="bold"):
    """Each heading the bold lead (sentence) of its item's first paragraph (or, `mark`
    "small_caps", set in small capitals)."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in HINTING.items():
        paragraph = document.add_paragraph()
        setattr(paragraph.add_run(lead.format(n=n, words=words)).font, mark, True)
        paragraph.add_run(f" {TEXTS[n]}")
        document.add_paragraph(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")
    write_signoff(document)
    document.save(path)
    return path


LEAD_TEXTS = {n: f"{TEXTS[n]}\nCác sở, ngành của tỉnh đã báo cáo phần {n}." for n in UNKNOWN}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS.keys())
def test_a_bold_lead_sentence_opening_a_paragraph_is_the_heading_and_the_rest_its_text(tmp_path, lead):
    report = read(lead_sentence_report(tmp_path / "bao-cao.docx", lead))
    assert {s.number: s.text for s in report.sections} == LEAD_TEXTS
    assert report.sections[0].heading == lead.format(n=1, words=HINTING[1])


def test_a_numbered_title_in_small_capitals_run_into_its_paragraph_is_its_lead(tmp_path):
    """Small capitals, not bold, set the numbered title apart from the item's first sentence
    run in after it: the title is the heading, the rest the item's text, as a bold one is."""
    lead = LEADS["numbered title"]
    report = read(lead_sentence_report(tmp_path / "bao-cao.docx", lead, mark="small_caps"))
    assert {s.number: s.text for s in report.sections} == LEAD_TEXTS
    assert report.sections[0].heading == lead.format(n=1, words=HINTING[1])


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS.keys())
def test_a_bold_lead_sentence_is_a_heading_in_a_pdf_too(tmp_path, lead):
    report = read_printed(lead_sentence_report(tmp_path / "bao-cao.docx", lead), tmp_path)
    # A PDF has no paragraphs of its own: where its lines are joined is the PDF reader's guess.
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(text.split()) for n, text in LEAD_TEXTS.items()}


def test_bold_words_inside_a_sentence_are_no_heading(tmp_path):
    import docx

    from baocao.parse.docx import read_docx as read_word

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("UBND tỉnh").bold = True
    paragraph.add_run(" đã ban hành kế hoạch.")
    document.save(tmp_path / "bao-cao.docx")
    assert [b.lead for b in read_word(tmp_path / "bao-cao.docx").blocks] == [""]


@pytest.mark.parametrize("bold, rest, lead", [
    ("1. Quyết định", " số 12/QĐ-UBND ngày 3/4/2021 của UBND tỉnh.", ""),
    ("2. Kết quả đạt được", " Năm 2021, tỉnh đã ban hành kế hoạch.", "2. Kết quả đạt được"),
    ("Kết quả đạt được", " Năm 2021, tỉnh đã ban hành kế hoạch.", ""),
    ("Kết quả đạt được:", " tỉnh đã ban hành kế hoạch.", "Kết quả đạt được:"),
    ("Vấn đề 3: Ai cầm lái, ai chèo", " Tỉnh đã phát hành 24.500 tờ rơi.", "Vấn đề 3: Ai cầm lái, ai chèo"),
    ("Vấn đề 3: Quyết định", " số 12/QĐ-UBND ngày 3/4/2021 của UBND tỉnh.", "")])
def test_only_a_sentence_a_colon_or_a_numbered_title_before_a_sentence_is_a_lead(tmp_path, bold, rest, lead):
    import docx

    from baocao.parse.docx import read_docx as read_word

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run(bold).bold = True
    paragraph.add_run(rest)
    document.save(tmp_path / "bao-cao.docx")
    assert [b.lead for b in read_word(tmp_path / "bao-cao.docx").blocks] == [lead]


def test_a_title_labelled_in_words_then_a_line_break_and_the_text_is_the_heading(tmp_path):
    """"Vấn đề 1: Những bước làm quen" in bold, a line break (Shift+Enter), then the item's first
    sentence in the same paragraph, as an .rtf converted to .docx comes: the label in words
    numbers the title as "1." would, and the title is the heading, the rest its item's text."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        paragraph = document.add_paragraph()
        paragraph.add_run(f"Vấn đề {n}: {words}").bold = True
        run = paragraph.add_run()
        run.add_break()
        run.add_text(TEXTS[n])
        document.add_paragraph(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == LEAD_TEXTS
    assert [s.heading for s in report.sections] == [f"Vấn đề {n}: {words}" for n, words in UNKNOWN.items()]


def test_a_heading_broken_by_hand_over_two_bold_lines_is_one_heading(tmp_path):
    """Pool 42's An Giang: "Phần kết quả I. Tấm" ↵ "bản vẽ ghim trên vách" in bold, a line break
    (Shift+Enter) in the middle of its title, another, then the item's text in the plain face, one
    paragraph: the bold lines are the heading, the plain ones its item's text (read as one
    paragraph, item 1 was lost and, without phrases, item 2 taken in its place)."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        paragraph = document.add_paragraph()
        first, _, rest = words.partition(" ")
        run = paragraph.add_run(f"Phần kết quả {roman(n)}. {first if n == 1 else words}")
        run.bold = True
        if n == 1:  # broken after its title's first word
            run.add_break()
            paragraph.add_run(rest).bold = True
        paragraph.add_run().add_break()
        paragraph.add_run(TEXTS[n])
        document.add_paragraph(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    for outline in (load_campaign().sections, WITHOUT_PHRASES):
        report = extract_sections(read_docx(tmp_path / "bao-cao.docx"), outline)
        assert [s.heading for s in report.sections] == [
            f"Phần kết quả {roman(n)}. {words}" for n, words in UNKNOWN.items()]
        assert {s.number: s.text for s in report.sections} == LEAD_TEXTS


def plain_headings_before_a_line_break(path, extra: str = "", word_numbers: bool = False):
    """Each heading "n. Title" in the body's plain face, a line break (Shift+Enter), then its
    item's first sentence, a second paragraph under it (pool 40's Gia Lai); `extra`: a heading
    of the province's own between items 3 and 4, numbered in the ladder, with a line of text;
    `word_numbers`: the numbers drawn by Word's list, none typed."""
    import docx
    from docx.oxml.ns import nsdecls
    from docx_builders import add_list, number_paragraph, write_letterhead, write_signoff

    document = docx.Document()
    if word_numbers:
        add_list(document, 77, f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:lvl w:ilvl="0">'
                               '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                               '</w:abstractNum>')
    write_letterhead(document)
    headings = [*((UNKNOWN[n], TEXTS[n]) for n in (1, 2, 3)), *([(extra, "Năm 2023, tỉnh tiếp tục mở rộng.")]
                                                                  if extra else []),
                *((UNKNOWN[n], TEXTS[n]) for n in (4, 5, 6))]
    for position, (words, text) in enumerate(headings, start=1):
        paragraph = document.add_paragraph()
        paragraph.add_run(words if word_numbers else f"{position}. {words}")
        if word_numbers:
            number_paragraph(paragraph, 77)
        paragraph.add_run().add_break()
        paragraph.add_run(text)
        document.add_paragraph("Các sở, ngành của tỉnh đã tổng hợp số liệu nêu trên.")
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("word_numbers", [False, True])
def test_a_plain_numbered_heading_then_a_line_break_and_the_text_is_the_heading(tmp_path, word_numbers):
    """Pool 40's Gia Lai: the heading in the text's own face, then a line break and the item's
    first sentence: Word shows the heading on a line of its own, and the sentence is the
    item's, not the heading's (read into the heading, every item lost its first line, the
    funding figure with it, and no cell was flagged). A heading of the province's own between
    two items, numbered in the ladder, is still left out."""
    path = plain_headings_before_a_line_break(tmp_path / "bao-cao.docx", "Nhà văn hóa phát sóng mạng", word_numbers)
    for outline in (load_campaign().sections, WITHOUT_PHRASES):
        report = extract_sections(read_docx(path), outline)
        assert [s.heading for s in report.sections] == [
            f"{position}. {UNKNOWN[n]}" for position, n in zip((1, 2, 3, 5, 6, 7), UNKNOWN, strict=True)]
        assert {s.number: s.text for s in report.sections} == {
            n: f"{TEXTS[n]}\nCác sở, ngành của tỉnh đã tổng hợp số liệu nêu trên." for n in UNKNOWN}


@pytest.mark.parametrize("first, second", [
    ("1. Tỉnh đã ban hành", "kế hoạch triển khai Đề án trong năm 2021."),  # a sentence wrapped by hand
    ("a) Các sở đã triển khai;", "Các huyện đã triển khai kế hoạch của tỉnh."),  # a list's entry
    ("Giai đoạn 2015 – 2017", "Tỉnh đã số hóa 47.000 hồ sơ địa chính."),  # no label: no heading
    ("2. Kết quả đạt được", "(chi tiết)"),  # a subtitle under the title, no sentence
])
def test_a_line_break_after_what_is_no_heading_keeps_one_paragraph(tmp_path, first, second):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph(first)
    paragraph.add_run().add_break()
    paragraph.add_run(second)
    document.save(tmp_path / "bao-cao.docx")
    assert [b.text for b in read_docx(tmp_path / "bao-cao.docx").blocks] == [f"{first} {second}"]


def tick_box(n: int, ticked: bool = True) -> str:
    """A check box content control (Developer > Check Box), ☒ when ticked, as Word writes it."""
    from docx.oxml.ns import nsdecls

    w14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    return (f'<w:sdt {nsdecls("w")} {w14}><w:sdtPr><w:id w:val="{389000 + n}"/><w:tag w:val="DaTraLoi{n}"/>'
            f'<w14:checkbox><w14:checked w14:val="{int(ticked)}"/><w14:checkedState w14:val="2612" '
            'w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
            '</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/><w:b/></w:rPr>'
            f'<w:t>{"☒" if ticked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')


def test_a_ticked_check_box_control_before_each_heading_hides_no_label(tmp_path):
    """Pool 40's Bạc Liêu: a ticked check box content control (☒), a space, then the bold
    heading "(i) Title", "(ii) …": the box marks the line answered, as a bullet marks a list's
    line, and is none of its words; the label after it numbers the heading. A box after words
    ("Có ☒") is what its sentence says and stays."""
    import docx
    from docx.oxml import parse_xml
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        heading = document.add_paragraph()
        heading._p.append(parse_xml(tick_box(n)))
        heading.add_run(" ").bold = True
        heading.add_run(f"({roman(n).lower()}) {words}").bold = True
        document.add_paragraph(TEXTS[n])
    answered = document.add_paragraph("Tỉnh đã gửi số liệu: Có ")
    answered._p.append(parse_xml(tick_box(7)))
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    document = read_docx(tmp_path / "bao-cao.docx")
    assert [b.number for b in document.blocks if b.bold and b.text.startswith("(")] == [
        f"({roman(n).lower()})" for n in UNKNOWN]
    assert "Tỉnh đã gửi số liệu: Có ☒" in [b.text for b in document.blocks]
    for outline in (load_campaign().sections, WITHOUT_PHRASES):
        report = extract_sections(document, outline)
        assert [s.heading for s in report.sections] == [f"({roman(n).lower()}) {UNKNOWN[n]}" for n in UNKNOWN]
        assert {s.number: s.text for s in report.sections} == {**TEXTS, 6: f"{TEXTS[6]}\nTỉnh đã gửi số liệu: Có ☒"}


def test_a_heading_in_a_box_of_one_cell_opens_its_item(tmp_path):
    """Each heading a shaded table of one cell ("1. Những bước làm quen"), its text in paragraphs below."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[0].heading == f"1. {UNKNOWN[1]}"


# Headings in the province's words over texts that speak few of the outline's words (pool 31's Lào Cai).
FEW_WORDS = {
    1: ("Vạch xuất phát của địa phương", (
        "Năm 2014, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.",
        "Trung tâm tích hợp dữ liệu của tỉnh được đầu tư từ năm 2016 và đặt tại Sở Thông tin và Truyền thông.",
        "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh.")),
    2: ("Công trình đã khánh thành", (
        "UBND tỉnh đã chọn 8 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025.",
        "Cơ sở dữ liệu dùng chung của tỉnh đã tích hợp dữ liệu của 38 sở, ngành.",
        "Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai phù hợp"
        " với điều kiện của địa phương.")),
    3: ("Phân công ai làm gì", (
        "Trong năm 2021, tỉnh đã tổ chức 88 hội nghị phổ biến về đô thị thông minh cho cán bộ cấp huyện, cấp xã.",
        "Đài Phát thanh và Truyền hình tỉnh phát sóng chuyên mục chuyển đổi số hằng tuần vào tối thứ 4.",
        "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng"
        " của tỉnh.")),
    4: ("Hũ vàng đem ra dùng", (
        "Kinh phí tỉnh đã chi cho Đề án là 24.818 triệu đồng, trong đó địa phương được phân bổ nhiều nhất là"
        " 3.571 triệu đồng.",
        "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh.",
        "Việc bố trí kinh phí tại tỉnh được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư"
        " công.")),
    5: ("Cuộn len rối", (
        "Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng đô thị thông"
        " minh tại tỉnh.",
        "Hạ tầng viễn thông tại 8 xã vùng sâu, vùng xa của tỉnh chưa đáp ứng yêu cầu.",
        "Nhận thức của một bộ phận cán bộ, công chức tại tỉnh về đô thị thông minh còn chưa đầy đủ.")),
    6: ("Bộ chìa tay", (
        "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.",
        "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin cho Trung tâm"
        " giám sát, điều hành của tỉnh.",
        "UBND tỉnh kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương trong quá trình"
        " triển khai.")),
}


@pytest.mark.parametrize("phrases", [True, False], ids=["phrases", "no phrases"])
def test_a_heading_numbered_in_words_in_a_box_of_one_cell_keeps_its_number(tmp_path, phrases):
    """Each heading "Nhóm nội dung 1: …" in a table of one cell: the boxes share their table's
    style, and the label in words numbers them still; they are no style's ladder, unnumbered."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, (words, text) in FEW_WORDS.items():
        document.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run(
            f"Nhóm nội dung {n}: {words}").bold = True
        for sentence in text:
            document.add_paragraph(sentence)
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = extract_sections(read_docx(tmp_path / "bao-cao.docx"),
                              load_campaign().sections if phrases else WITHOUT_PHRASES)
    assert {s.number: s.text for s in report.sections} == {n: "\n".join(t) for n, (_, t) in FEW_WORDS.items()}
    assert [s.heading for s in report.sections] == [f"Nhóm nội dung {n}: {w}" for n, (w, _) in FEW_WORDS.items()]


def underlined_report(path):
    """Each heading underlined, not bold, not numbered."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in HINTING.items():
        document.add_paragraph().add_run(words).underline = True
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_underlined_headings_open_their_items(tmp_path):
    report = read(underlined_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_underlined_headings_open_their_items_in_a_pdf_too(tmp_path):
    report = read_printed(underlined_report(tmp_path / "bao-cao.docx"), tmp_path)
    assert {s.number: s.text for s in report.sections} == TEXTS


PROVINCE_ORDER = (2, 4, 1, 3, 5, 6)


def test_a_heading_saying_which_outline_item_it_answers_is_that_item_whatever_its_order(tmp_path):
    """The province's own order and numbers ("Câu 1."), each heading telling its item: "(mục 2 đề cương)"."""
    lines = []
    for k, n in enumerate(PROVINCE_ORDER, start=1):
        lines += [Bold(f"Câu {k}. {UNKNOWN[n]} (mục {n} đề cương)"), f"Phần trả lời thứ {k} của tỉnh."]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == {
        n: f"Phần trả lời thứ {k} của tỉnh." for k, n in enumerate(PROVINCE_ORDER, start=1)}
    assert not any(s.review for s in report.sections)


def test_a_subtitle_after_a_colon_ending_in_the_outline_item_stays_in_the_heading(tmp_path):
    lines = []
    for k, n in enumerate(PROVINCE_ORDER, start=1):
        lines += [Bold(f"{k}. Giai đoạn {k}: {UNKNOWN[n]} (nội dung {n} theo đề cương của Bộ)"), f"Phần {k}."]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == {
        n: f"Phần {k}." for k, n in enumerate(PROVINCE_ORDER, start=1)}


def test_outline_reference_reads_the_item_number_in_parentheses():
    from baocao.parse.labels import outline_reference

    assert outline_reference("Những chuyển động chính (mục 2 đề cương)") == 2
    assert outline_reference("MỨC CHI (NỘI DUNG 4 THEO ĐỀ CƯƠNG CỦA BỘ)") == 4
    assert outline_reference("Kinh phí (triệu đồng)") is None


# A second paragraph under each heading, as items mostly have.
MORE = "Số liệu do các sở, ngành tổng hợp."


def boxed_report(path, one_table: bool, more: bool = True):
    """Each heading "1. …" bold in a row of a bordered table of one column, its item's text
    (two paragraphs, or one) in the row under it: all in one table, or a table of two rows an item."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    table = document.add_table(rows=12, cols=1) if one_table else None
    for n, words in UNKNOWN.items():
        if not one_table:
            table = document.add_table(rows=2, cols=1)
            document.add_paragraph()
        table.style = "Table Grid"
        first = 2 * n - 2 if one_table else 0
        head, text = table.rows[first].cells[0], table.rows[first + 1].cells[0]
        head.paragraphs[0].add_run(f"{n}. {words}").bold = True
        text.paragraphs[0].text = TEXTS[n]
        if more:
            text.add_paragraph(MORE)
    write_signoff(document)
    document.save(path)
    return path


def test_a_table_of_one_column_whose_cells_alternate_headings_and_texts_is_read_as_its_paragraphs(tmp_path):
    for one_table in (True, False):
        report = read(boxed_report(tmp_path / f"bao-cao-{one_table}.docx", one_table))
        assert {s.number: s.text for s in report.sections} == {n: f"{t}\n{MORE}" for n, t in TEXTS.items()}
        assert report.sections[0].heading == f"1. {UNKNOWN[1]}"
    # A line of text a cell: the heading cells and the text cells alternate.
    report = read(boxed_report(tmp_path / "bao-cao.docx", one_table=True, more=False))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_table_of_one_column_of_single_lines_stays_a_table(tmp_path):
    """A list in a table of one column ("Kế hoạch số …" a row), one bold header row over it: rows, not paragraphs."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=4, cols=1)
    table.rows[0].cells[0].paragraphs[0].add_run("Các kế hoạch đã ban hành").bold = True
    for row, n in zip(table.rows[1:], (12, 34, 56), strict=True):
        row.cells[0].text = f"Kế hoạch số {n}/KH-UBND"
    document.save(tmp_path / "bang.docx")
    assert [b.kind for b in read_docx(tmp_path / "bang.docx").blocks] == ["table_row"] * 4


def coloured_report(path, body_colour: str | None = None):
    """Each heading unnumbered, not bold, in dark red: its first words in Arial in a run of
    their own, the rest in two runs, the last larger (as LibreOffice writes an .odt's
    heading out to .docx); the body in `body_colour` or in none."""
    import docx
    from docx.shared import Pt, RGBColor
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in HINTING.items():
        paragraph = document.add_paragraph()
        first, *rest = words.split(" ")
        runs = [paragraph.add_run(f"{first} "), paragraph.add_run(" ".join(rest[:1]) + " "),
                paragraph.add_run(" ".join(rest[1:]))]
        runs[0].font.name = "Arial"
        runs[2].font.size = Pt(14)
        for run in runs:
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        body = document.add_paragraph(TEXTS[n])
        if body_colour:
            body.runs[0].font.color.rgb = RGBColor.from_string(body_colour)
    write_signoff(document)
    document.save(path)
    return path


def test_headings_in_a_colour_of_their_own_open_their_items_whatever_fonts_their_runs_are_in(tmp_path):
    for body_colour in (None, "1F3864"):
        report = read(coloured_report(tmp_path / f"bao-cao-{body_colour}.docx", body_colour))
        assert {s.number: s.text for s in report.sections} == TEXTS
        assert report.sections[1].heading == HINTING[2]


def test_the_body_s_own_colour_and_a_link_s_are_no_heading_s_mark(tmp_path):
    """Text all in one colour (the body's), a paragraph that is a link: not `coloured`."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = coloured_report(tmp_path / "bao-cao.docx", "1F3864")
    document = docx.Document(path)
    document.add_paragraph()._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w")} w:anchor="nguon"><w:r><w:rPr><w:color w:val="0563C1"/></w:rPr>'
        f'<w:t>Cổng thông tin điện tử của tỉnh</w:t></w:r></w:hyperlink>'))
    document.save(path)
    blocks = read_docx(path).blocks
    assert "Cổng thông tin điện tử của tỉnh" in {b.text for b in blocks}
    coloured = {b.text for b in blocks if b.coloured}
    assert coloured == set(HINTING.values())


def test_a_page_mark_left_in_the_body_is_neither_text_nor_heading(tmp_path):
    """ "- 2 -", "Trang 3" on lines of their own inside items (a PDF converted to Word)."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{n}. {words}"), TEXTS[n], {2: "- 2 -", 4: "Trang 3", 5: "– 4 –"}.get(n, MORE), MORE]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == {
        n: f"{t}\n{MORE}" if n in (2, 4, 5) else f"{t}\n{MORE}\n{MORE}" for n, t in TEXTS.items()}


BACKGROUNDS = {
    "highlight": ("r", '<w:highlight w:val="yellow"/>'),
    "run shading": ("r", '<w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>'),
    "paragraph shading": ("p", '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'),
}


def background_report(path, background):
    """Each heading ("Điểm 1. …", no number Word reads) marked only by a background: a
    highlight or a shading on its runs, or a shading of the whole paragraph; not bold."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    on, xml = BACKGROUNDS[background]
    document = docx.Document()
    write_letterhead(document)
    for n, words in HINTING.items():
        paragraph = document.add_paragraph()
        run = paragraph.add_run(f"Điểm {n}. {words}")
        properties = run._r.get_or_add_rPr() if on == "r" else paragraph._p.get_or_add_pPr()
        properties.append(parse_xml(xml.replace("/>", f" {nsdecls('w')}/>", 1)))
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def bordered_report(path):
    """Each heading marked only by a border round its paragraph (w:pBdr, a box), not bold,
    not numbered: "Yêu cầu 1: …" in the province's words."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    sides = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="1" w:color="auto"/>'
                    for side in ("top", "left", "bottom", "right"))
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        paragraph = document.add_paragraph(f"Yêu cầu {n}: {words}")
        paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:pBdr {nsdecls('w')}>{sides}</w:pBdr>"))
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_headings_marked_only_by_a_box_round_them_open_their_items_in_a_pdf(tmp_path):
    """Printed to PDF, the border is four rules round the line: a frame of one cell, no table."""
    report = read_printed(bordered_report(tmp_path / "bao-cao.docx"), tmp_path)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[1].heading == f"Yêu cầu 2: {UNKNOWN[2]}"


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_headings_marked_only_by_a_highlight_or_a_shading_open_their_items(tmp_path, background):
    report = read(background_report(tmp_path / "bao-cao.docx", background))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[1].heading == f"Điểm 2. {HINTING[2]}"


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_headings_marked_only_by_a_highlight_or_a_shading_open_their_items_in_a_pdf_too(tmp_path, background):
    """Printed to PDF, the background is a box filled in its colour drawn behind the line."""
    report = read_printed(background_report(tmp_path / "bao-cao.docx", background), tmp_path)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[1].heading == f"Điểm 2. {HINTING[2]}"


@pytest.mark.parametrize("xml", [
    '<w:highlight w:val="none"/>', '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>',
    '<w:shd w:val="clear" w:color="auto" w:fill="auto"/>'])
def test_no_highlight_and_a_white_or_automatic_shading_are_no_background(tmp_path, xml):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph().add_run("Điểm 1. Những bước làm quen")._r.get_or_add_rPr().append(
        parse_xml(xml.replace("/>", f" {nsdecls('w')}/>", 1)))
    document.save(tmp_path / "bao-cao.docx")
    assert [b.highlighted for b in read_docx(tmp_path / "bao-cao.docx").blocks] == [False]


def test_a_highlighted_phrase_inside_a_line_is_no_heading_s_mark(tmp_path):
    """Words highlighted inside a sentence (a figure the province wants seen) leave the line plain."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    document = docx.Document()
    paragraph = document.add_paragraph("Tỉnh đã bố trí ")
    paragraph.add_run("71 tỷ đồng").font.highlight_color = WD_COLOR_INDEX.YELLOW
    paragraph.add_run(" cho Đề án.")
    document.add_paragraph().add_run("Điểm 1. Những bước làm quen").font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.save(tmp_path / "bao-cao.docx")
    assert [b.highlighted for b in read_docx(tmp_path / "bao-cao.docx").blocks] == [False, True]


def test_a_highlight_given_by_a_character_style_is_a_background_too(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_COLOR_INDEX

    document = docx.Document()
    style = document.styles.add_style("Tô vàng", WD_STYLE_TYPE.CHARACTER)
    style.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    document.add_paragraph().add_run("Điểm 1. Những bước làm quen", style="Tô vàng")
    document.save(tmp_path / "bao-cao.docx")
    assert [b.highlighted for b in read_docx(tmp_path / "bao-cao.docx").blocks] == [True]


BOX = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="1" w:color="auto"/>'
              for side in ("top", "left", "bottom", "right"))


def boxed(paragraph):
    """The paragraph in a box: a border on its four sides (w:pBdr), as Word's Borders button draws it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr {nsdecls("w")}>{BOX}</w:pBdr>'))
    return paragraph


def as_converted(path, fmt, tmp_path):
    """The .docx at `path` saved by LibreOffice as `fmt` (.rtf, .odt, .doc), then converted
    back as baocao converts what provinces send."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    return path if fmt == "docx" else convert_to_docx(soffice_convert(path, fmt, tmp_path / fmt), tmp_path / "back")


def boxed_list_report(path):
    """Items and their points numbered in one list ("1.", "2.", its points "3.", "4.", item
    "5.", …), the items' lines marked only by a box round them, the points' plain."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    count = 0
    for n, words in UNKNOWN.items():
        count += 1
        boxed(document.add_paragraph(f"{count}. {words}"))
        document.add_paragraph(TEXTS[n])
        for point in SHARED_POINTS.get(n, ()):
            count += 1
            document.add_paragraph(f"{count}. {point}")
            document.add_paragraph(f"Nội dung {point.lower()} của tỉnh.")
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("fmt", ["docx", "rtf"])
def test_headings_marked_only_by_a_box_round_them_are_set_apart_from_plain_points(tmp_path, fmt):
    """A box is a heading's mark as bold is: the boxed items of one list are told from its
    plain points (in an .rtf too: LibreOffice's conversion keeps the paragraph's borders)."""
    report = read(as_converted(boxed_list_report(tmp_path / "bao-cao.docx"), fmt, tmp_path))
    assert {s.number: s.text for s in report.sections} == shared_list_texts()


def test_paragraphs_boxed_together_are_a_framed_text_not_boxed_lines(tmp_path):
    """Word draws one box round paragraphs bordered alike one after another: none of them is
    a line in a box of its own."""
    import docx

    document = docx.Document()
    boxed(document.add_paragraph("Lưu ý: số liệu tạm tính"))
    boxed(document.add_paragraph("đến hết tháng 4 năm 2022."))
    document.add_paragraph("Văn bản thường.")
    boxed(document.add_paragraph("Điểm 1. Những bước làm quen"))
    document.save(tmp_path / "bao-cao.docx")
    assert [b.boxed for b in read_docx(tmp_path / "bao-cao.docx").blocks] == [False, False, False, True]


def last_item_points_report(path):
    """Items "a)" … "f)", each a line of its own in a box; under "f)" its points numbered as
    the items are, "a) Đối với …:" in bold italics run into their text."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        boxed(document.add_paragraph(f"{'abcdef'[n - 1]}) {words}"))
        document.add_paragraph(TEXTS[n])
    for letter, (whom, asked) in zip("abc", LAST_POINTS, strict=True):
        paragraph = document.add_paragraph()
        lead = paragraph.add_run(f"{letter}) Đối với {whom}: ")
        lead.bold = lead.italic = True
        paragraph.add_run(asked)
    write_signoff(document)
    document.save(path)
    return path


LAST_POINTS = (("Chính phủ", "Sớm ban hành nghị định về phát triển đô thị thông minh."),
               ("Bộ Xây dựng", "Hướng dẫn cách xác định chi phí thuê dịch vụ nền tảng."),
               ("Bộ Thông tin và Truyền thông", "Hỗ trợ tỉnh kết nối nền tảng dữ liệu."))


@pytest.mark.parametrize("fmt", ["docx", "rtf"])
def test_points_under_the_last_item_numbered_as_the_items_but_set_otherwise_are_its_text(tmp_path, fmt):
    """"a)" … "f)" whole lines, then "a) Đối với Chính phủ: …", bold leads run into their
    text: the ladder starts again in another look, so the second "a)" … "c)" are points of
    item "f)", not items 1-3 over again nor items 5 and 6."""
    report = read(as_converted(last_item_points_report(tmp_path / "bao-cao.docx"), fmt, tmp_path))
    assert [s.heading for s in report.sections] == [f"{'abcdef'[n - 1]}) {w}" for n, w in UNKNOWN.items()]
    assert {n: s.text for n, s in enumerate(report.sections, 1) if n < 6} == {n: TEXTS[n] for n in range(1, 6)}
    assert report.sections[5].text.startswith(TEXTS[6]) and "Đối với Bộ Thông tin" in report.sections[5].text


def test_coloured_headings_of_runs_in_several_fonts_open_their_items_in_an_odt_too(tmp_path):
    """The same report saved as .odt: LibreOffice's conversion back to .docx keeps each run's colour."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    odt = soffice_convert(coloured_report(tmp_path / "bao-cao.docx"), "odt", tmp_path / "odt")
    report = read(convert_to_docx(odt, tmp_path / "docx"))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_whole_bold_line_among_lead_sentence_headings_is_not_taken_for_an_item(tmp_path):
    # The items' headings are bold lead sentences run into their paragraphs; between items 4
    # and 5 the province put a whole bold line of its own whose words share some of item 4's
    # ("các nội dung liên quan khác"), over a text of its own. The ladder is of one form:
    # item 4 is the lead sentence in item 4's place, the lone whole line is no item.
    import docx
    from docx_builders import write_letterhead, write_signoff

    own = "Năm sau, tỉnh tiếp tục triển khai các hạng mục đầu tư theo Đề án của địa phương."
    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        if n == 5:
            document.add_paragraph().add_run("Các nội dung liên quan khác tỉnh báo cáo thêm.").bold = True
            document.add_paragraph(own)
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{words}.").bold = True
        paragraph.add_run(f" {TEXTS[n]}")
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in report.sections} == TEXTS


# The documents a report rests on, listed in plain numbered lines ("1. Quyết định số …;"),
# numbered in the same shape as the items' headings, which are set apart (a bold title run
# into the item's first paragraph): before the first item, and inside an item's text.
LEGAL_DOCS = ("1. Quyết định số 950/QĐ-TTg ngày 01/8/2018 của Thủ tướng Chính phủ;",
              "2. Văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng;",
              "3. Kế hoạch số 78/KH-UBND ngày 12/3/2019 của UBND tỉnh.")
SIGNED = ("1. Quyết định số 1536/QĐ-UBND ngày 05/6/2019 thành lập Tổ công tác của tỉnh;",
          "2. Kế hoạch số 43/KH-UBND ngày 20/02/2021 về chuyển đổi số năm 2021;",
          "3. Văn bản số 4624/UBND-KT ngày 14/9/2021 giao Sở Xây dựng theo dõi.")


def lists_report(path, titles, texts, preamble=LEGAL_DOCS, inside=2):
    """Each heading a bold numbered title run into its item's first paragraph, a sub-heading
    "a)" under the first item, plain numbered lists before the items and in item `inside`."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    if preamble:
        document.add_paragraph("Căn cứ các văn bản sau:")
        for line in preamble:
            document.add_paragraph(line)
    for k, (title, text) in enumerate(zip(titles, texts, strict=True), start=1):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{k}. {title}").bold = True
        first, *rest = text.split("\n")
        paragraph.add_run(f" {first}")
        for line in rest:
            document.add_paragraph(line)
        if k == 1:
            document.add_paragraph("a) Về hạ tầng")
            document.add_paragraph("Hạ tầng của tỉnh đã được đầu tư.")
        if k == inside:
            document.add_paragraph("Các văn bản chính UBND tỉnh đã ký gồm:")
            for line in SIGNED:
                document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


def test_plain_numbered_lists_among_bold_numbered_headings_are_text_not_headings(tmp_path):
    """"1. Quyết định số …;" lists numbered like the items but plain, among headings set apart:
    the list before the items is no item's, the one in item 2 is item 2's text, and the
    items are the bold ladder's, not the sub-headings' ("a)") which alone number without a list."""
    titles = [UNKNOWN[n] for n in UNKNOWN]
    report = read(lists_report(tmp_path / "bao-cao.docx", titles, [TEXTS[n] for n in UNKNOWN]))
    assert {s.number: s.text for s in report.sections} == {
        **TEXTS, 1: f"{TEXTS[1]}\na) Về hạ tầng\nHạ tầng của tỉnh đã được đầu tư.",
        2: "\n".join((TEXTS[2], "Các văn bản chính UBND tỉnh đã ký gồm:", *SIGNED))}
    assert report.sections[0].heading == f"1. {UNKNOWN[1]}"


def test_plain_numbered_lists_among_bold_numbered_headings_are_text_in_a_pdf_too(tmp_path):
    titles = [UNKNOWN[n] for n in UNKNOWN]
    report = read_printed(lists_report(tmp_path / "bao-cao.docx", titles, [TEXTS[n] for n in UNKNOWN]), tmp_path)
    assert {s.number: s.text for s in report.sections} == {
        **TEXTS, 1: f"{TEXTS[1]}\na) Về hạ tầng\nHạ tầng của tỉnh đã được đầu tư.",
        2: "\n".join((TEXTS[2], "Các văn bản chính UBND tỉnh đã ký gồm:", *SIGNED))}

def test_a_list_of_the_documents_the_report_rests_on_before_the_items_is_not_item_1(tmp_path):
    """Five headings for six items, the second over items 2 and 3 (its title in two parts,
    its text speaking both): the list between the covering sentence and the first heading,
    with the line opening it, is the preamble's, so the untitled text before the headings
    is no item 1 and there is room for a heading to cover two."""
    titles = [UNKNOWN[1], "Toàn cảnh và lan tỏa", UNKNOWN[4], UNKNOWN[5], UNKNOWN[6]]
    texts = [TEXTS[1], f"{TEXTS[2]}\n{TEXTS[3]}", TEXTS[4], TEXTS[5], TEXTS[6]]
    report = read(lists_report(tmp_path / "bao-cao.docx", titles, texts, inside=0))
    assert {s.number: s.text for s in report.sections} == {
        **TEXTS, 1: f"{TEXTS[1]}\na) Về hạ tầng\nHạ tầng của tỉnh đã được đầu tư.",
        2: texts[1], 3: texts[1]}


def parts_report(path):
    """Items numbered "1.1" to "1.4" under a bold "Phần 1:", "2.1" and "2.2" under "Phần 2:", no
    full stop after the numbers; plain lists "1." to "3." before the items and in item 3, none of
    their lines set apart: a level of plain lines only."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    document.add_paragraph("Căn cứ các văn bản sau:")
    for line in LEGAL_DOCS:
        document.add_paragraph(line)
    for n, words in UNKNOWN.items():
        if n in (1, 5):
            document.add_paragraph().add_run(f"Phần {1 if n == 1 else 2}: Những việc của tỉnh").bold = True
        label = f"1.{n}" if n <= 4 else f"2.{n - 4}"
        document.add_paragraph().add_run(f"{label} {words}").bold = True
        document.add_paragraph(TEXTS[n])
        if n == 3:
            document.add_paragraph("Các văn bản chính UBND tỉnh đã ký gồm:")
            for line in SIGNED:
                document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


PARTS_TEXTS = {**TEXTS, 3: "\n".join((TEXTS[3], "Các văn bản chính UBND tỉnh đã ký gồm:", *SIGNED))}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_plain_numbered_lists_beside_a_bold_ladder_numbered_otherwise_are_text(tmp_path, fmt):
    """Two plain lists "1. …;" "2. …;" "3. … ." — a level with no line set apart — beside the
    bold items "1.1" … "2.2": the lists are text (the preamble's, item 3's), the items the bold
    ladder's, though the lists come first and number 1, 2, 3 twice as the ladder does."""
    path = parts_report(tmp_path / "bao-cao.docx")
    report = read_printed(path, tmp_path) if fmt == "pdf" else read(path)
    assert {s.number: s.text for s in report.sections} == PARTS_TEXTS
    assert report.sections[0].heading == f"1.1 {UNKNOWN[1]}"


ACTIVITIES = ("1. Nghị quyết chuyên đề của Ban Thường vụ Tỉnh ủy", "2. Kế hoạch thực hiện Đề án trên địa bàn",
              "3. Quyết định thành lập Tổ công tác", "4. Hội nghị quán triệt cho các sở, ngành",
              "5. Chuyên mục trên Cổng thông tin điện tử", "6. Lớp bồi dưỡng cho công chức",
              "7. Phóng sự trên Đài Phát thanh và Truyền hình", "8. Tờ gấp phát tới các khu dân cư")


def bare_list_report(path):
    """Items "(1)" to "(6)", bold, each over its text; in item 3, after its text, a bold list
    "1." to "8." — longer than the outline — its lines one under the other with no text under any."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_paragraph().add_run(f"({n}) {words}").bold = True
        document.add_paragraph(TEXTS[n])
        if n == 3:
            document.add_paragraph("Các văn bản, hoạt động chính của tỉnh gồm:")
            for line in ACTIVITIES:
                document.add_paragraph().add_run(line).bold = True
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_bold_list_of_bare_lines_inside_an_item_is_its_text_not_a_level_of_headings(tmp_path, fmt):
    """Bold lines "1." to "8." one under the other with no text under any, between "(3)" and
    "(4)": a list in item 3's text, however it is set and however long; the items are "(1)"–"(6)"."""
    path = bare_list_report(tmp_path / "bao-cao.docx")
    report = read_printed(path, tmp_path) if fmt == "pdf" else read(path)
    assert {s.number: s.text for s in report.sections} == {
        **TEXTS, 3: "\n".join((TEXTS[3], "Các văn bản, hoạt động chính của tỉnh gồm:", *ACTIVITIES))}


def test_a_heading_in_capitals_going_on_in_capitals_after_its_colon_is_one_heading(tmp_path):
    """"CÁC MỤC TIÊU: TỈNH ĐÃ ĐẠT ĐƯỢC TỚI ĐÂU": no item's text is written in capitals, so the
    words after the colon are the heading's, not its item's first line."""
    from baocao.parse.sections import _run_in

    assert _run_in("CÁC MỤC TIÊU CỦA ĐỀ ÁN: TỈNH ĐÃ ĐẠT ĐƯỢC TỚI ĐÂU") == (
        "CÁC MỤC TIÊU CỦA ĐỀ ÁN: TỈNH ĐÃ ĐẠT ĐƯỢC TỚI ĐÂU", "")
    lines = []
    for n, words in HINTING.items():
        lines += [Bold(f"{words.upper()}: TỈNH ĐÃ LÀM ĐƯỢC TỚI ĐÂU" if n == 2 else words.upper()), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[1].heading == f"{HINTING[2].upper()}: TỈNH ĐÃ LÀM ĐƯỢC TỚI ĐÂU"


SUMMARY_TITLE = "Bảng tóm lược kết quả theo các mục của báo cáo"


def summary_report(path, table_rows):
    """Six bold numbered headings over their texts, then, after item 6's text, a bold title
    line and a table: `table_rows` under the header row "Mục | Nội dung | Tóm lược"."""
    import docx
    from docx_builders import add_table, write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in HINTING.items():
        document.add_paragraph().add_run(f"{n}. {words}").bold = True
        document.add_paragraph(TEXTS[n])
    document.add_paragraph().add_run(SUMMARY_TITLE).bold = True
    add_table(document, (("Mục", "Nội dung", "Tóm lược"), *table_rows))
    document.tables[-1].style = "Table Grid"  # ruled, as such tables are
    write_signoff(document)
    document.save(path)
    return path


# The table sums the report up: each row an item's number, its heading again and a line.
SUMMARY_ROWS = tuple((str(n), words, f"Tóm lược phần {n}.") for n, words in HINTING.items())


def test_a_table_summing_the_items_up_after_the_last_one_is_no_part_of_it(tmp_path):
    report = read(summary_report(tmp_path / "bao-cao.docx", SUMMARY_ROWS))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_table_summing_the_items_up_after_the_last_one_is_no_part_of_it_in_a_pdf_too(tmp_path):
    report = read_printed(summary_report(tmp_path / "bao-cao.docx", SUMMARY_ROWS), tmp_path)
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_numbered_table_in_the_last_item_that_repeats_no_heading_is_its_text(tmp_path):
    """The plans asked for, numbered 1-3 in a table after item 6's text: item 6's own."""
    plans = tuple((str(n), f"Kế hoạch số {n}/KH-UBND", "Về triển khai Đề án.") for n in (1, 2, 3))
    report = read(summary_report(tmp_path / "bao-cao.docx", plans))
    rows = "\n".join(" | ".join(row) for row in (("Mục", "Nội dung", "Tóm lược"), *plans))
    assert report.sections[-1].text == f"{TEXTS[6]}\n{SUMMARY_TITLE}\n{rows}"


def test_a_table_after_the_last_item_listing_the_outline_s_items_is_no_part_of_it(tmp_path):
    """The summary's rows may give the outline's titles, not the province's headings."""
    outline_rows = tuple((str(s.number), s.heading, f"Tóm lược phần {s.number}.") for s in WITHOUT_PHRASES)
    report = read(summary_report(tmp_path / "bao-cao.docx", outline_rows))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_sentence_dating_the_report_before_its_closing_is_the_sign_offs_not_the_last_items(tmp_path):
    from baocao.parse.letterhead import signed_date

    dated = "Báo cáo này được lập ngày 19 tháng 5 năm 2022."
    lines = [line for n in range(1, 7) for line in (Bold(f"{n}. {UNKNOWN[n]}"), TEXTS[n])]
    report = read(build_lines(tmp_path / "bao-cao.docx", (*lines, dated)))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.signoff.startswith(dated) and signed_date(report.signoff) == date(2022, 5, 19)


def test_a_last_sentence_with_a_date_that_is_not_the_reports_own_stays_in_the_last_item(tmp_path):
    asked = "Đề nghị Bộ Xây dựng ban hành hướng dẫn trước ngày 30 tháng 6 năm 2022."
    lines = [line for n in range(1, 7) for line in (Bold(f"{n}. {UNKNOWN[n]}"), TEXTS[n])]
    report = read(build_lines(tmp_path / "bao-cao.docx", (*lines, asked)))
    assert {s.number: s.text for s in report.sections}[6] == f"{TEXTS[6]}\n{asked}"


def styled_headings_report(path, style_name="Tiêu đề 2", texts=None):
    """Each heading a paragraph of a heading style of the province's own name, not bold, its
    words sharing nothing with the outline's; the text under it plain paragraphs."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    style = document.styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        document.add_paragraph(words, style=style_name)
        document.add_paragraph((texts or TEXTS)[n])
        document.add_paragraph(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")
    write_signoff(document)
    document.save(path)
    return path


PLAIN_TEXTS = {n: f"{TEXTS[n]}\nCác sở, ngành của tỉnh đã báo cáo phần {n}." for n in UNKNOWN}


def test_a_heading_style_with_one_heading_per_item_is_the_items_whatever_their_words(tmp_path):
    """The document's own structure sets the headings apart as one level, as many as the
    outline has items: taken one per item in order, their texts confirming, they are the
    items though their words hint at none."""
    report = read(styled_headings_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == PLAIN_TEXTS


def test_a_heading_style_with_one_heading_per_item_over_texts_of_no_item_is_no_report(tmp_path):
    texts = dict.fromkeys(UNKNOWN, "Nội dung do địa phương tự trình bày theo cách riêng.")
    assert read(styled_headings_report(tmp_path / "bao-cao.docx", texts=texts)).sections == ()


def run_in_report(path, points: dict[int, tuple[str, ...]] | None = None, words=UNKNOWN,
                  own: tuple[int, str, str] | None = None):
    """Each item a paragraph opening with a bold lead closed by a colon ("Về …:"), its text
    run in after it, then a plain paragraph; under some items, bold points opened by a dash
    ("- Về …:"), each with a line of text under it; with `own` (n, line, text), before item
    n a whole bold line of the province's own over a paragraph of its own."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, title in words.items():
        if own and own[0] == n:
            document.add_paragraph().add_run(own[1]).bold = True
            document.add_paragraph(own[2])
        paragraph = document.add_paragraph()
        paragraph.add_run(f"Về {title.lower()}:").bold = True
        paragraph.add_run(f" {TEXTS[n]}")
        for point in (points or {}).get(n, ()):
            document.add_paragraph().add_run(point).bold = True
            document.add_paragraph(f"Nội dung {point[2:-1].lower()} của tỉnh đã được báo cáo.")
        document.add_paragraph(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")
    write_signoff(document)
    document.save(path)
    return path


def test_leads_run_into_their_paragraphs_one_per_item_are_the_items_whatever_their_words(tmp_path):
    report = read(run_in_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == PLAIN_TEXTS
    assert report.sections[3].heading == f"Về {UNKNOWN[4].lower()}:"


def test_run_in_leads_one_per_item_are_the_items_whatever_their_words_a_whole_line_of_the_province_s_own_aside(
        tmp_path):
    """Leads run into their paragraphs, one per item, and between items 2 and 3 a whole bold
    line of the province's own over a text of its own ("Việc sẽ làm trong năm 2023."): the
    leads are still the items by the document's structure, the lone whole line none."""
    own = (3, "Việc sẽ làm trong năm 2023.", "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung.")
    report = read(run_in_report(tmp_path / "bao-cao.docx", own=own))
    assert {s.number: s.text for s in report.sections} == PLAIN_TEXTS
    assert report.sections[2].heading == f"Về {UNKNOWN[3].lower()}:"


POINTS = {2: ("- Về hạ tầng số:",), 5: ("- Về nguồn lực:", "- Về cơ chế:")}


def test_bold_points_opened_by_a_dash_among_run_in_leads_are_their_items_text(tmp_path):
    """A whole bold line opened by a bullet ("- Về nguồn lực:") between leads run into their
    paragraphs is of another shape: a point of the item above it, its line and the text under
    it that item's text, not a heading that ends it."""
    report = read(run_in_report(tmp_path / "bao-cao.docx", POINTS, words=HINTING))
    texts = {s.number: s.text for s in report.sections}
    assert set(texts) == set(UNKNOWN)
    for n, points in POINTS.items():
        for point in points:
            assert point in texts[n] and f"Nội dung {point[2:-1].lower()} của tỉnh" in texts[n]
        assert texts[n].endswith(f"Các sở, ngành của tỉnh đã báo cáo phần {n}.")


def test_a_paragraph_style_of_any_name_given_only_to_short_lines_over_text_is_a_heading_level(tmp_path):
    """A style of the province's own name, no heading style's ("Mục lớn", based on the body's),
    given to one short line over each item's text and to nothing else: a level of headings by
    its use, the items though their words hint at none."""
    import docx

    path = styled_headings_report(tmp_path / "bao-cao.docx", style_name="Mục lớn")
    document = docx.Document(path)
    document.styles["Mục lớn"].base_style = document.styles["Normal"]
    document.save(path)
    report = read(path)
    assert {s.number: s.text for s in report.sections} == PLAIN_TEXTS


# Each title cut in two paragraphs (Enter pressed where the line should wrap), its number in the
# first; the second opens in lower case but where the title goes on with a name.
CUT_TITLES = {1: ("Những bước làm quen với", "công nghệ số trước năm 2018"),
              2: ("Toàn cảnh sau gần bốn", "năm tỉnh thực thi Đề án"),
              3: ("Lan tỏa Đề án tới cán bộ,", "người dân và doanh nghiệp"),
              4: ("Tiền bạc đã chi thực", "tế, chia theo nơi cấp tiền"),
              5: ("Vấp váp tỉnh đang gặp", "và nguyên do của chúng"),
              6: ("Mong muốn tỉnh gửi tới", "Chính phủ cùng các bộ")}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_numbered_title_cut_in_two_paragraphs_is_one_heading(tmp_path, fmt):
    """The second paragraph is the title's end, not a heading of its own nor the item before's
    text: set as the first is, unnumbered, after a first part that ends no sentence, opening in
    lower case, as most of the ladder's do."""
    lines = []
    for n, (first, rest) in CUT_TITLES.items():
        lines += [Bold(f"{n}. {first}"), Bold(rest), TEXTS[n]]
    path = build_lines(tmp_path / "bao-cao.docx", tuple(lines))
    report = read_printed(path, tmp_path) if fmt == "pdf" else read(path)
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert [s.heading for s in report.sections] == [f"{n}. {first} {rest}" for n, (first, rest) in CUT_TITLES.items()]


# Items and their points numbered in one list, as when Word's restart of the numbering is
# lost: the items bold, the points of items 2, 5 and 6 in italics, all counted on (item 3 is
# "5.", item 6 "10."). The points are their items' text.
OWN_PART = (("Phương hướng thời gian tới", "Năm 2023 tỉnh tiếp tục hoàn thiện các nền tảng."),
            ("Về nhân lực", "Tỉnh sẽ tuyển thêm cán bộ."))
SHARED_POINTS = {2: ("Về hạ tầng số", "Về Trung tâm điều hành"), 5: ("Về nguồn lực", "Về văn bản quy phạm pháp luật"),
                 6: ("Đối với Bộ Xây dựng", "Đối với các bộ, ngành Trung ương")}


def shared_list_report(path, typed=False, order=tuple(UNKNOWN), texts=TEXTS, own_before=None, one_look=False):
    """The six items under UNKNOWN titles in `order`, each its paragraph of `texts` and its points,
    each point a line and a sentence under it; the numbers drawn by Word's "List Number" (one
    list from start to end) or, `typed`, typed in. With `own_before`, a part of the province's
    own (OWN_PART) set as the items are, its point under it, right before that item. With
    `one_look`, the items in italics as their points are, none bold."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    count = 0

    def numbered(text, bold):
        nonlocal count
        count += 1
        paragraph = document.add_paragraph(style=None if typed else "List Number")
        run = paragraph.add_run(f"{count}. {text}" if typed else text)
        run.bold, run.italic = bold and not one_look, one_look or not bold

    for n in order:
        if n == own_before:
            for (line, text), bold in zip(OWN_PART, (True, False), strict=True):
                numbered(line, bold=bold)
                document.add_paragraph(text)
        numbered(UNKNOWN[n], bold=True)
        document.add_paragraph(texts[n])
        for point in SHARED_POINTS.get(n, ()):
            numbered(point, bold=False)
            document.add_paragraph(f"Nội dung {point.lower()} của tỉnh.")
    write_signoff(document)
    document.save(path)
    return path


def shared_list_texts(order=tuple(UNKNOWN), paragraphs=TEXTS, own_before=None):
    """Each item's text: its paragraph, then its points' lines, numbered as the list goes on."""
    texts, count = {}, 0
    for n in order:
        count += 1 + (len(OWN_PART) if n == own_before else 0)
        lines = [paragraphs[n]]
        for point in SHARED_POINTS.get(n, ()):
            count += 1
            lines += [f"{count}. {point}", f"Nội dung {point.lower()} của tỉnh."]
        texts[n] = "\n".join(lines)
    return texts


@pytest.mark.parametrize("typed", [False, True], ids=["Word's numbering", "typed numbers"])
def test_items_and_their_points_numbered_in_one_list_are_told_apart_by_how_they_are_set(tmp_path, typed):
    report = read(shared_list_report(tmp_path / "bao-cao.docx", typed))
    assert {s.number: s.text for s in report.sections} == shared_list_texts()
    assert [s.heading for s in report.sections] == [f"{count}. {UNKNOWN[n]}" for n, count in
                                                     zip(UNKNOWN, (1, 2, 5, 6, 7, 10), strict=True)]


def test_items_and_their_points_numbered_in_one_list_and_set_alike_are_told_apart_by_the_points_openings(tmp_path):
    """Items and points all in italics: the points of one item open alike, two in a row ("Về hạ
    tầng số", "Về Trung tâm điều hành"; "Đối với …"), the items each with a word of its own."""
    report = read(shared_list_report(tmp_path / "bao-cao.docx", typed=True, one_look=True))
    assert {s.number: s.text for s in report.sections} == shared_list_texts()
    assert [s.heading for s in report.sections] == [f"{count}. {UNKNOWN[n]}" for n, count in
                                                     zip(UNKNOWN, (1, 2, 5, 6, 7, 10), strict=True)]


def test_a_list_of_one_look_no_longer_than_the_items_and_a_few_of_the_province_s_own_has_no_points(tmp_path):
    """Seven headings set alike for six items, one of them the province's own, items 4 and 5 opening
    alike ("Tỉnh đã …"): not points, for the list is not too long for its items."""
    titles = {1: "Những bước làm quen", 2: "Toàn cảnh", 3: "Lan tỏa", 4: "Tỉnh đã tiêu bao nhiêu",
              5: "Tỉnh còn vấp váp gì", 6: "Mong muốn"}
    lines, count = [], 0
    for n, words in titles.items():
        if n == 3:
            count += 1
            lines += [Bold(f"{count}. {OWN_PART[0][0]}"), OWN_PART[0][1]]
        count += 1
        lines += [Bold(f"{count}. {words}"), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_items_and_their_points_numbered_in_one_list_are_told_apart_in_a_pdf_too(tmp_path):
    report = read_printed(shared_list_report(tmp_path / "bao-cao.docx", typed=True), tmp_path)
    assert {s.number: s.text for s in report.sections} == shared_list_texts()


def test_a_part_of_the_province_s_own_set_as_the_items_in_their_one_list_is_no_item(tmp_path):
    """"10. Phương hướng thời gian tới" (bold) and its point "11. Về nhân lực" before the proposals:
    their lines go to no item, and the proposals are "12."."""
    report = read(shared_list_report(tmp_path / "bao-cao.docx", typed=True, own_before=6))
    assert {s.number: s.text for s in report.sections} == shared_list_texts(own_before=6)


def test_a_plain_line_numbered_alone_between_two_items_is_a_heading_of_the_province_s_own_not_a_point(tmp_path):
    """Pool 46's Yên Bái: "1)" … "4)", "6)", "7)" bold, the plain "5) Phương hướng …" between "4)"
    and "6)", its own text under it. A point alone is no list (an item's points come two or more):
    its line and text go to no item, not to item 4 as a point of it."""
    lines, count = [], 0
    for n, words in UNKNOWN.items():
        if n == 5:
            count += 1
            lines += [f"{count}) {OWN_PART[0][0]}", OWN_PART[0][1]]
        count += 1
        lines += [Bold(f"{count}) {words}"), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_a_numbered_list_no_longer_than_the_outline_is_the_items_however_unevenly_set(tmp_path):
    """Items 3 and 4 not bold, a slip of the pen: six numbered lines are the six items."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{n}. {words}") if n not in (3, 4) else f"{n}. {words}", TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS


def test_an_item_over_the_outline_s_own_points_is_known_by_them_wherever_it_stands(tmp_path):
    """The difficulties written before the funding, under a title that says nothing, their points
    "Về nguồn lực", "Về văn bản quy phạm pháp luật" the points the outline lists under its
    difficulties: the item over them is the difficulties by those words, not by its place alone."""
    order = (1, 2, 3, 5, 4, 6)
    report = read(shared_list_report(tmp_path / "bao-cao.docx", order=order))
    assert {s.number: s.text for s in report.sections} == shared_list_texts(order)
    difficulties = next(s for s in report.sections if s.number == 5)
    assert difficulties.heading == f"6. {UNKNOWN[5]}" and "by_position" not in difficulties.reasons


def test_headings_labelled_by_words_and_a_number_before_a_colon_are_a_ladder(tmp_path):
    # "Vấn đề 1: …" … "Vấn đề 5: …", the last over items 5 and 6: no label the reader knows by
    # name, but words and a number before the colon on each heading, going up one by one.
    lines = []
    for n in range(1, 5):
        lines += [Bold(f"Vấn đề {n}: {UNKNOWN[n]}"), TEXTS[n]]
    lines += [Bold("Vấn đề 5: Vấp váp và mong muốn"), TEXTS[5], TEXTS[6]]
    found = {s.number: s.text for s in read(build_lines(tmp_path / "bao-cao.docx", tuple(lines))).sections}
    assert {n: found.get(n) for n in range(1, 5)} == {n: TEXTS[n] for n in range(1, 5)}
    assert found[5] == found[6] == f"{TEXTS[5]}\n{TEXTS[6]}"


# Points lettered "a)", "b)" again under items numbered "i)" … "vi)", their words the outline's
# own words of other items (the points under item 2 name the communication and the funding).
LETTERED_POINTS = {2: ("Về công tác tuyên truyền", "Về kinh phí thực hiện"),
                   5: ("Về nguồn lực", "Về văn bản quy phạm pháp luật")}
LOWER_ROMAN = ("i", "ii", "iii", "iv", "v", "vi")


def test_points_lettered_again_under_each_item_are_its_text_whatever_items_their_words_name(tmp_path):
    """The letters start again under each item: they number the points of a ladder longer than
    a few parts that holds them, not the items, however well their words speak the outline's."""
    lines, expected = [], {}
    for n, words in UNKNOWN.items():
        lines += [Bold(f"{LOWER_ROMAN[n - 1]}) {words}"), TEXTS[n]]
        expected[n] = [TEXTS[n]]
        for letter, point in zip("ab", LETTERED_POINTS.get(n, ()), strict=False):
            lines += [Bold(f"{letter}) {point}"), f"Nội dung {point.lower()} của tỉnh."]
            expected[n] += [f"{letter}) {point}", f"Nội dung {point.lower()} của tỉnh."]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == {n: "\n".join(text) for n, text in expected.items()}


# Bulleted headings in the province's words, a heading of its own ("Việc tỉnh định làm tới cuối
# năm") between items 3 and 4, its text sharing more words with the funding item's long heading
# than the funding's own text, which alone states a figure.
BULLETED = {1: "Điểm xuất phát về dữ liệu và mạng của tỉnh", 2: "Điều tỉnh làm được trong bốn năm qua",
            3: "Đề án đi vào chương trình công tác của tỉnh", 4: "Năm nào tỉnh bỏ ra bao nhiêu",
            5: "Nhân lực, tiền, thể chế: chỗ nào hụt", 6: "Thưa với Bộ mấy điều"}
FIGURE_TEXTS = {**TEXTS, 4: "Tổng kinh phí tỉnh đã bố trí cho các nhiệm vụ của Đề án giai đoạn 2018 – 2022 là "
                            "3.612,7 triệu đồng."}
PLANS = ("Việc tỉnh định làm tới cuối năm",
         "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu. UBND tỉnh "
         "sẽ rà soát, cập nhật Đề án đô thị thông minh của địa phương cho phù hợp với tình hình mới.")


def test_the_one_text_stating_a_figure_is_the_funding_beside_a_heading_of_the_province_s_own(tmp_path):
    lines = []
    for n, words in BULLETED.items():
        if n == 4:
            lines += [Bold(f"❖ {PLANS[0]}"), PLANS[1]]
        lines += [Bold(f"❖ {words}"), FIGURE_TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == FIGURE_TEXTS


# Items lettered "A-", "B-", … in capitals, a dash after the letter, with points "1. …" under
# one of them: the letter is the items' label, as "I-" is ("C-" is no Roman hundred here).
LETTERED_DASH = {1: "HẠ TẦNG MẠNG LÚC XUẤT PHÁT", 2: "TỈNH ĐI ĐƯỢC BAO XA", 3: "ĐẦU MỐI ĐIỀU HÀNH Ở TỈNH",
                 4: "CHI PHÍ TỈNH BỎ RA", 5: "CHỖ HỔNG VÀ GỐC RỄ", 6: "MONG MUỐN GỬI TỚI CÁC BỘ"}
DASH_POINTS = ("1. Về hạ tầng số", "Mạng băng rộng di động 4G đã phủ sóng 75% diện tích của tỉnh.",
               "2. Về Trung tâm điều hành", "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông.")


def letter_dash_report(path):
    lines, expected = [], {}
    for n, words in LETTERED_DASH.items():
        lines += [Bold(f"{'ABCDEF'[n - 1]}- {words}"), TEXTS[n]]
        expected[n] = TEXTS[n]
        if n == 2:
            lines += DASH_POINTS
            expected[n] = "\n".join((TEXTS[n], *DASH_POINTS))
    return build_lines(path, tuple(lines)), expected


def test_items_lettered_in_capitals_with_a_dash_open_their_items_over_their_numbered_points(tmp_path):
    path, expected = letter_dash_report(tmp_path / "bao-cao.docx")
    report = read(path)
    assert {s.number: s.text for s in report.sections} == expected
    assert report.sections[2].heading == f"C- {LETTERED_DASH[3]}"


def test_items_lettered_in_capitals_with_a_dash_open_their_items_in_a_pdf_too(tmp_path):
    path, expected = letter_dash_report(tmp_path / "bao-cao.docx")
    report = read_printed(path, tmp_path)
    assert {s.number: " ".join(s.text.split()) for s in report.sections} == {
        n: " ".join(text.split()) for n, text in expected.items()}


# Items numbered with no mark after the number ("3 Giao việc…"), in words of the province's own,
# lettered points "a) …" under one of them.
BARE_NUMBERED = {1: "Tình thế ban đầu của tỉnh", 2: "Những gì người dân đang dùng", 3: "Giao việc và đôn đốc",
                 4: "Tổng số tiền tỉnh đã chi ra", 5: "Mấy điều còn trắc trở", 6: "Tỉnh ngỏ lời với cấp trên"}
LETTERED_POINTS_UNDER_5 = ("a) Về nguồn lực", "Đội ngũ cán bộ chuyên trách của tỉnh còn mỏng.",
                           "b) Về văn bản quy phạm pháp luật", "Chưa có quy định về chia sẻ dữ liệu.")


def test_items_numbered_with_no_mark_after_the_number_are_a_ladder_of_their_own(tmp_path):
    lines, expected = [], {}
    for n, words in BARE_NUMBERED.items():
        lines += [Bold(f"{n} {words}"), "Nội dung do tỉnh tự trình bày theo cách riêng của mình."]
        expected[n] = "Nội dung do tỉnh tự trình bày theo cách riêng của mình."
        if n == 5:
            lines += LETTERED_POINTS_UNDER_5
            expected[n] = "\n".join((expected[n], *LETTERED_POINTS_UNDER_5))
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == expected
    assert report.sections[2].heading == f"3 {BARE_NUMBERED[3]}"


FRAME = ('<w:framePr {ns} w:w="9072" w:hSpace="181" w:wrap="notBeside" w:vAnchor="text" w:hAnchor="margin" '
         'w:y="1"/>')  # a frame as wide as the text, nothing beside it


# Texts in the province's own words, none speaking of its item: only where the headings are tells them apart.
OWN_TEXTS = {n: f"Tỉnh viết đoạn {n} theo cách riêng của mình." for n in UNKNOWN}


def framed_heading_report(path):
    """Each item's heading in a Word frame of its own (w:framePr) over its text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        heading = document.add_paragraph()
        heading.add_run(f"{n}. {words}").bold = True
        heading._p.get_or_add_pPr().append(parse_xml(FRAME.format(ns=nsdecls("w"))))
        document.add_paragraph(OWN_TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_headings_framed_in_an_rtf_open_their_items_before_the_text_their_box_is_anchored_in(tmp_path):
    """Saved as .rtf, a frame comes back from LibreOffice as a text box anchored in the paragraph
    after it, set on top of it: its heading is read before that paragraph, not after."""
    report = read(as_converted(framed_heading_report(tmp_path / "bao-cao.docx"), "rtf", tmp_path))
    assert {s.number: s.text for s in report.sections} == OWN_TEXTS


def test_a_heading_labelled_in_words_repeated_where_its_item_goes_on_is_neither_heading_nor_text(tmp_path):
    """"Điểm 2. … (tiếp theo)" after a page turn repeats item 2's heading, its label of words and
    a number as "2. … (tiếp theo)" repeats a number's: item 2 runs on under it."""
    lines, expected = [], {}
    for n, words in UNKNOWN.items():
        lines += [Bold(f"Điểm {n}. {words}"), OWN_TEXTS[n]]
        expected[n] = OWN_TEXTS[n]
        if n == 2:
            lines += [Bold(f"Điểm 2. {words} (tiếp theo)"), "Tỉnh viết tiếp đoạn 2 sau trang mới."]
            expected[n] = f"{OWN_TEXTS[n]}\nTỉnh viết tiếp đoạn 2 sau trang mới."
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == expected


ITEM_POINTS = {2: ("Về hạ tầng số", "Về Trung tâm điều hành"), 5: ("Về nguồn lực", "Về văn bản quy phạm pháp luật"),
               6: ("Đối với Bộ Xây dựng", "Đối với các bộ, ngành Trung ương")}


def points_report(path, heading, point, style=None, texts=OWN_TEXTS):
    """Items headed `heading(n)` over `texts`, the points under items 2, 5 and 6 `point(n, k, words)`, each
    point over a line of its own; every heading and point in `style` if given, else bold (the
    points plain). Returns the path and each item's text, its points' lines in it."""
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    expected = {}

    def title(text, bold):
        if style:
            document.add_paragraph(text, style=style)
        else:
            document.add_paragraph().add_run(text).bold = bold

    for n in UNKNOWN:
        title(heading(n), True)
        document.add_paragraph(texts[n])
        lines = [texts[n]]
        for k, words in enumerate(ITEM_POINTS.get(n, ()), start=1):
            title(point(n, k, words), False)
            document.add_paragraph(f"Tỉnh nêu chi tiết điểm {k} của phần {n}.")
            lines += [point(n, k, words), f"Tỉnh nêu chi tiết điểm {k} của phần {n}."]
        expected[n] = "\n".join(lines)
    write_signoff(document)
    document.save(path)
    return path, expected


@pytest.mark.parametrize("heading, point", [
    (lambda n: f"{n}. {UNKNOWN[n]}", lambda n, k, words: f"{n}.{k}. {words}"),
    (lambda n: f"Chuyên đề {'I II III IV V VI'.split()[n - 1]}: {UNKNOWN[n]}", lambda n, k, words: f"{k}. {words}"),
    (lambda n: f"Nội dung {n}: {UNKNOWN[n]}", lambda n, k, words: f"{'ab'[k - 1]}) {words}"),
], ids=["decimal", "words_roman", "letters"])
def test_points_in_the_items_heading_style_are_lines_of_their_item(tmp_path, heading, point):
    """The items' heading style given to the points under them too: the points' labels start
    again under each item that has some, the items' never do. The style alone does not make a
    line an item; the points are their item's text."""
    path, expected = points_report(tmp_path / "bao-cao.docx", heading, point, style="Heading 2", texts=TEXTS)
    report = read(path)
    assert {s.number: s.text for s in report.sections} == expected


def test_a_label_of_words_and_a_roman_numeral_numbers_the_items_over_points_numbered_again(tmp_path):
    """"Chuyên đề I: …" … "Chuyên đề VI: …", bold, the points under items 2 and 5 "1.", "2."
    each time: words and a Roman numeral before the colon are the items' label, a ladder going
    up, and the points, numbered again under them, are theirs, however well the points' words
    speak the outline's (its phrases read)."""
    path, expected = points_report(tmp_path / "bao-cao.docx",
                                   lambda n: f"Chuyên đề {'I II III IV V VI'.split()[n - 1]}: {UNKNOWN[n]}",
                                   lambda n, k, words: f"{k}. {words}")
    report = extract_sections(read_docx(path), load_campaign().sections)
    assert {s.number: s.text for s in report.sections} == expected


def test_one_label_repeated_without_its_number_holds_the_items_over_points_numbered_again(tmp_path):
    """"Điểm báo cáo : …" over each item, bold, the label's number a field the reader could not
    show (pool 39's Quảng Ninh, before its AUTONUMLGL fields were read): six headings of one
    label, their rungs told apart by place and by the texts under them, and the points under items
    2, 5 and 6 "a)", "b)" each time. The points, numbered again under them, are theirs, however well the points' words
    speak the outline's (its phrases read: "điều hành", "nguồn lực")."""
    path, expected = points_report(tmp_path / "bao-cao.docx", lambda n: f"Điểm báo cáo : {UNKNOWN[n]}",
                                   lambda n, k, words: f"{'ab'[k - 1]}) {words}", texts=TEXTS)
    report = extract_sections(read_docx(path), load_campaign().sections)
    assert [s.number for s in report.sections] == list(UNKNOWN)
    assert all(s.text.endswith(expected[s.number]) for s in report.sections)


def test_every_numbered_title_in_capitals_set_in_two_lines_is_one_heading(tmp_path):
    """"I: NỀN MÓNG" over "THỪA HƯỞNG", both bold capitals, and so every heading of the ladder,
    the last covering items 5 and 6 ("V: LỰC CẢN CÙNG" over "CHỖ NƯƠNG TỰA"): each pair is one
    title, the last one two items' whose words, joined, name both."""
    titles = [("I: NỀN MÓNG", "THỪA HƯỞNG"), ("II: THÀNH QUẢ", "ĐONG ĐẾM ĐƯỢC"), ("III: CHUỖI MẮT", "XÍCH QUẢN TRỊ"),
              ("IV: TIỀN BẠC ĐỔ", "VÀO DỰ ÁN"), ("V: KHÓ KHĂN, VƯỚNG MẮC", "VÀ ĐỀ XUẤT, KIẾN NGHỊ")]
    lines = []
    for (first, second), n in zip(titles, (1, 2, 3, 4, 5), strict=True):
        lines += [Bold(first), Bold(second), OWN_TEXTS[n]]
    lines.append(OWN_TEXTS[6])
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    found = {s.number: s for s in report.sections}
    assert found[5].heading == found[6].heading == "V: KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"
    assert found[4].heading == "IV: TIỀN BẠC ĐỔ VÀO DỰ ÁN"


def test_the_one_title_in_one_line_among_titles_set_in_two_is_the_province_s_own_heading(tmp_path):
    """Seven headings of one ladder for six items, every title set in two lines but the third
    ("Điểm 3. Phố đi bộ về đêm"): that one is of another form, a heading of the province's own
    between items 2 and 3, taken for none (its text is no item's), the items after it numbered
    one more than the outline's."""
    titles = [("Điểm 1. Nền", "móng thừa hưởng"), ("Điểm 2. Thứ đã", "đơm hoa kết trái"), ("Điểm 3. Phố đi bộ về đêm",),
              ("Điểm 4. Giao việc", "theo tầng nấc"), ("Điểm 5. Tiền ngân", "khố đã xuất"),
              ("Điểm 6. Khúc", "quanh khó đi"), ("Điểm 7. Trông", "cậy vào Bộ")]
    texts = [
        "Năm 2015, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.",
        "UBND tỉnh đã chọn 4 đô thị làm thí điểm. Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành.",
        "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu.",
        "Trong năm 2021, tỉnh đã tổ chức 44 hội nghị phổ biến về đô thị thông minh cho cán bộ cấp huyện.",
        "Kinh phí tỉnh đã chi cho Đề án đến nay là 15.616 triệu đồng.",
        "Hạ tầng viễn thông tại 4 xã vùng sâu, vùng xa của tỉnh chưa đáp ứng yêu cầu.",
        "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.",
    ]
    lines, expected = [], {}
    for title, text, n in zip(titles, texts, (1, 2, None, 3, 4, 5, 6), strict=True):
        lines += [*(Bold(line) for line in title), text]
        if n:
            expected[n] = text
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == expected


# Item 1 written right after the covering sentence with no heading, as long as the others' texts.
UNTITLED_FIRST = (f"{TEXTS[1]}\nCác sở, ngành của tỉnh đã tổng hợp các nội dung trên từ báo cáo của các huyện.")


def untitled_first_report(path, first=UNTITLED_FIRST):
    """Five bold whole lines in the province's own words over items 2-6, item 1's text (`first`)
    before them under no heading."""
    lines = [*first.split("\n")]
    for n in range(2, 7):
        lines += [Bold(UNKNOWN[n]), *PLAIN_TEXTS[n].split("\n")]
    return build_lines(path, tuple(lines))


def test_bold_lines_one_fewer_than_the_items_after_an_untitled_item_are_the_items_by_place(tmp_path):
    """Five bold lines whose words hint at nothing, one fewer than the items, after an untitled
    text as long as an item's: the structure places them, item 1 the untitled text; every cell
    says it was found by its place."""
    report = read(untitled_first_report(tmp_path / "bao-cao.docx"))
    assert {s.number: s.text for s in report.sections} == {1: UNTITLED_FIRST, **{n: PLAIN_TEXTS[n]
                                                                                  for n in range(2, 7)}}
    assert report.sections[0].reasons == ("no_heading",)
    assert all("by_position" in s.reasons for s in report.sections[1:])


def test_bold_lines_one_fewer_than_the_items_after_a_line_too_short_for_an_item_are_no_report(tmp_path):
    """The preamble's one short line is no item left untitled: five bold lines of words of
    their own prove nothing by their places."""
    report = read(untitled_first_report(tmp_path / "bao-cao.docx", first="Tỉnh báo cáo."))
    assert report.sections == ()


DROP_CAP = ('<w:pPr {ns}><w:framePr w:dropCap="drop" w:lines="2" w:wrap="around" w:vAnchor="text" '
            'w:hAnchor="text"/></w:pPr>')


def drop_cap_report(path, headings):
    """Each item's heading opened by a drop cap (Insert > Drop Cap), as Word stores it: its first
    letter a framed paragraph of its own (w:framePr w:dropCap), the heading's paragraph going on
    from the second letter."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, heading in headings.items():
        cap = document.add_paragraph()
        cap._p.insert(0, parse_xml(DROP_CAP.format(ns=nsdecls("w"))))
        cap.add_run(heading[0]).bold = True
        document.add_paragraph().add_run(heading[1:]).bold = True
        document.add_paragraph(OWN_TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


CIRCLED = "❶❷❸❹❺❻"


def test_a_heading_whose_label_is_a_drop_cap_is_read_whole(tmp_path):
    """A drop cap is its paragraph's first letter: "❶" over " Những bước làm quen" is the heading
    "❶ Những bước làm quen", its label whole again, and the circled numbers' ladder the items."""
    headings = {n: f"{CIRCLED[n - 1]} {words}" for n, words in UNKNOWN.items()}
    report = read(drop_cap_report(tmp_path / "bao-cao.docx", headings))
    assert {s.number: s.heading for s in report.sections} == headings
    assert {s.number: s.text for s in report.sections} == OWN_TEXTS


def test_headings_labelled_in_words_and_a_roman_numeral_closed_by_a_stop_are_a_ladder(tmp_path):
    """"Đề mục I. …", "Đề mục II. …": words and a Roman numeral closed by a full stop, as
    "Điểm 1. …" is with a number, count the headings up: the items, whatever their words."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [Bold(f"Đề mục {'I II III IV V VI'.split()[n - 1]}. {words}"), OWN_TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == OWN_TEXTS


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


@pytest.mark.parametrize("separator", [" -", " –", ")"])
def test_plain_lines_labelled_in_words_and_a_roman_numeral_then_a_dash_are_a_ladder(tmp_path, separator):
    """"Phần kiểm điểm I - …", "Phần kiểm điểm II - …" (pool 44) in the body's plain face: a label
    of words and a number is one whatever mark sets it off from its title, a dash or a bracket
    as a colon or a stop, and counting up over short lines it is the items' ladder, as on a scan."""
    lines = []
    for n, words in UNKNOWN.items():
        lines += [f"Phần kiểm điểm {ROMAN[n]}{separator} {words}", OWN_TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == OWN_TEXTS
    assert [s.heading for s in report.sections] == [
        f"Phần kiểm điểm {ROMAN[n]}{separator} {words}" for n, words in UNKNOWN.items()]


def test_plain_lines_with_words_a_number_and_a_dash_that_open_no_title_are_the_text(tmp_path):
    """Sentences with words, a number and a dash ("Giai đoạn 1 - năm 2018 tỉnh…", one a line, each
    over its text as headings are) counting 1 to 6 inside item 4 of a "Phần kiểm điểm I - …"
    ladder: a small letter after the dash opens no title, so they are no label, no second ladder
    of the items, and stay item 4's text."""
    phases = [line for k in range(1, 7) for line in (f"Giai đoạn {k} - năm 201{k + 6} tỉnh bố trí vốn",
                                                     f"Tỉnh đã chi {k + 3} tỷ đồng.")]
    lines = []
    for n, words in UNKNOWN.items():
        lines += [f"Phần kiểm điểm {ROMAN[n]} - {words}", OWN_TEXTS[n], *(phases if n == 4 else [])]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == {**OWN_TEXTS, 4: "\n".join([OWN_TEXTS[4], *phases])}


def letter_spaced_report(path, through_style=False):
    """Each heading ("Lĩnh vực II. …") marked only by its letters spaced out, Word's "Expanded
    by 2 pt" (w:spacing w:val="40"): on its run, or (`through_style`) through its paragraph
    style; not bold. The body is stretched by half a point to fit its lines: no mark."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    def spacing(twips):
        return parse_xml(f'<w:spacing {nsdecls("w")} w:val="{twips}"/>')

    document = docx.Document()
    write_letterhead(document)
    spaced = document.styles.add_style("Giãn chữ", WD_STYLE_TYPE.PARAGRAPH)
    spaced.element.get_or_add_rPr().append(spacing(40))
    for n, words in HINTING.items():
        paragraph = document.add_paragraph(style=spaced if through_style else None)
        run = paragraph.add_run(f"Lĩnh vực {ROMAN[n]}. {words}")
        if not through_style:
            run._r.get_or_add_rPr().append(spacing(40))
        document.add_paragraph().add_run(TEXTS[n])._r.get_or_add_rPr().append(spacing(10))
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("through_style", [False, True], ids=["on its runs", "through its style"])
def test_headings_marked_only_by_their_letters_spaced_out_open_their_items(tmp_path, through_style):
    report = read(letter_spaced_report(tmp_path / "bao-cao.docx", through_style))
    assert {s.number: s.text for s in report.sections} == TEXTS
    assert report.sections[1].heading == f"Lĩnh vực II. {HINTING[2]}"


def test_a_body_stretched_by_a_fraction_of_a_point_is_not_letter_spaced(tmp_path):
    blocks = read_docx(letter_spaced_report(tmp_path / "bao-cao.docx")).blocks
    assert {b.text for b in blocks if b.spaced} == {f"Lĩnh vực {ROMAN[n]}. {w}" for n, w in HINTING.items()}


WITH_PHRASES = load_campaign().sections
# A frame in the left margin beside the paragraph after it: a heading's label set out in the margin.
MARGIN_FRAME = ('<w:framePr {ns} w:w="1134" w:hSpace="142" w:wrap="around" w:vAnchor="text" w:hAnchor="page" '
                'w:x="567" w:y="1"/>')
# Titles in the province's own words, texts as provinces write them: a word or two of some
# items' phrases here and there, no more.
MARGIN_TITLES = {1: "Tỉnh đứng ở vạch nào", 2: "Sản phẩm đã trao tay", 3: "Sợi dây liên kết các ngành",
                 4: "Két bạc của Đề án", 5: "Sợi chỉ rối", 6: "Mong mỏi gửi Hà Nội"}
MARGIN_TEXTS = {
    1: "Năm 2015, UBND tỉnh đã ban hành Kiến trúc Chính quyền điện tử của địa phương phiên bản 1.0.\n"
       "Trung tâm tích hợp dữ liệu của tỉnh được đầu tư từ năm 2017 và đặt tại Sở Thông tin và Truyền thông.\n"
       "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện của tỉnh.",
    2: "UBND tỉnh đã chọn 8 đô thị làm thí điểm xây dựng đô thị thông minh giai đoạn 2019 – 2025.\n"
       "Cơ sở dữ liệu dùng chung của tỉnh đã tích hợp dữ liệu của 28 sở, ngành.\n"
       "Từ khi Đề án 950 được ban hành, UBND tỉnh đã chỉ đạo các sở, ngành xây dựng kế hoạch triển khai.",
    3: "Trong năm 2021, tỉnh đã tổ chức 88 hội nghị phổ biến về đô thị thông minh cho cán bộ cấp huyện, cấp xã.\n"
       "Đài Phát thanh và Truyền hình phát sóng chuyên mục chuyển đổi số hằng tuần vào tối thứ 4.\n"
       "Công tác thông tin, tuyên truyền được thực hiện thường xuyên trên các phương tiện thông tin đại chúng.",
    4: "Kinh phí tỉnh đã chi cho Đề án là 22.010 triệu đồng.\n"
       "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành và nền tảng dữ liệu dùng chung của tỉnh.\n"
       "Việc bố trí kinh phí được thực hiện theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư công.",
    5: "Chưa có hướng dẫn về định mức kinh tế - kỹ thuật cho việc thuê dịch vụ vận hành nền tảng đô thị thông minh.\n"
       "Hạ tầng viễn thông tại 8 xã vùng sâu, vùng xa của tỉnh chưa đáp ứng yêu cầu.\n"
       "Nhận thức của một bộ phận cán bộ, công chức về đô thị thông minh còn chưa đầy đủ.",
    6: "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá đô thị thông minh để tỉnh áp dụng.\n"
       "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin.\n"
       "UBND tỉnh kính đề nghị các bộ, ngành Trung ương tiếp tục quan tâm, hướng dẫn địa phương.",
}


def margin_label_report(path, label):
    """Each heading's label (`label`, formatted with the item's Roman numeral) alone in a frame
    in the left margin (w:framePr), its title in the paragraph beside it, both bold."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, title in MARGIN_TITLES.items():
        framed = document.add_paragraph()
        framed.add_run(label.format(ROMAN[n])).bold = True
        framed._p.get_or_add_pPr().append(parse_xml(MARGIN_FRAME.format(ns=nsdecls("w"))))
        document.add_paragraph().add_run(title).bold = True
        for line in MARGIN_TEXTS[n].split("\n"):
            document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("label", ["Mảng {}.", "Lĩnh vực {}:"])
@pytest.mark.parametrize("outline", [WITH_PHRASES, WITHOUT_PHRASES], ids=["with phrases", "without phrases"])
def test_a_label_in_words_framed_in_the_margin_beside_its_title_heads_it(tmp_path, label, outline):
    """"Mảng I." alone in a frame in the margin, "Tỉnh đứng ở vạch nào" beside it: a reader
    gives the label as a paragraph of its own, but it is the title's label, one heading "Mảng
    I. Tỉnh đứng ở vạch nào", and its ladder numbers the items. Read apart, the labels were
    headings of their own between the titles, and the campaign's phrases, a word here and
    there, pulled the titles off their items: no section found at all."""
    report = extract_sections(read_docx(margin_label_report(tmp_path / "bao-cao.docx", label)), outline)
    assert {s.number: s.heading for s in report.sections} == {
        n: f"{label.format(ROMAN[n])} {title}" for n, title in MARGIN_TITLES.items()}
    assert {s.number: s.text for s in report.sections} == MARGIN_TEXTS
    assert not any(s.review for s in report.sections)


ORDINALS_IN_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy")


def highlighted_ladder_report(path, own_at=4):
    """Seven headings "Vấn đề thứ nhất: …" … "Vấn đề thứ bảy: …" for six items, every one
    highlighted but the `own_at`-th, a heading of the province's own set bold instead."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx_builders import write_letterhead, write_signoff

    titles = ["Bức tranh trước ngày khởi công", "Mùa gặt ba năm", "Ai gõ nhịp", "Ngân lượng đã dùng",
              "Điều còn lấn cấn", "Cánh cửa mong Bộ mở"]
    titles.insert(own_at - 1, "Trạm quan trắc thông minh")
    texts = [*MARGIN_TEXTS.values()]
    texts.insert(own_at - 1, "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung, mở rộng kết nối dữ liệu.\n"
                             "UBND tỉnh sẽ rà soát, cập nhật Đề án đô thị thông minh của địa phương cho phù hợp.")
    document = docx.Document()
    write_letterhead(document)
    for k, (title, text) in enumerate(zip(titles, texts, strict=True), start=1):
        run = document.add_paragraph().add_run(f"Vấn đề thứ {ORDINALS_IN_WORDS[k - 1]}: {title}")
        if k == own_at:
            run.bold = True
        else:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        for line in text.split("\n"):
            document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


@pytest.mark.parametrize("outline", [WITH_PHRASES, WITHOUT_PHRASES], ids=["with phrases", "without phrases"])
def test_the_one_heading_marked_otherwise_in_a_ladder_longer_than_the_outline_is_the_province_s_own(
        tmp_path, outline):
    """Seven headings of one ladder for six items, all highlighted but the fourth, set bold:
    that one is of another look, a heading of the province's own between items 3 and 4 (its
    words and its text hint at the funding a little), taken for none; the funding is the
    fifth's, numbered one more than the outline's."""
    report = extract_sections(read_docx(highlighted_ladder_report(tmp_path / "bao-cao.docx")), outline)
    assert {s.number: s.text for s in report.sections} == MARGIN_TEXTS


def test_a_heading_of_the_items_ladder_set_apart_from_their_style_in_a_gap_of_their_numbers_is_no_item(tmp_path):
    """Pool 35's Sóc Trăng: the items "Chủ đề I." … "Chủ đề VII." in a heading style but the fourth,
    set in plain bold (the province's own heading between items 3 and 4, left out of the style and
    so of the table of contents). Its number fills the gap the styled headings leave: it ends item
    3 and is no item, its text no item's."""
    import docx

    document = docx.Document()
    for n, label in zip(range(1, 7), ("I", "II", "III", "V", "VI", "VII"), strict=True):
        if n == 4:
            paragraph = document.add_paragraph()
            paragraph.add_run("Chủ đề IV. Tủ khóa nhận bưu phẩm").bold = True
            document.add_paragraph("Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung.")
        document.add_heading(f"Chủ đề {label}. {UNKNOWN[n]}", 1)
        document.add_paragraph(TEXTS[n])
    document.save(tmp_path / "bao-cao.docx")
    assert {s.number: s.text for s in read(tmp_path / "bao-cao.docx").sections} == TEXTS


def test_a_heading_set_as_the_items_but_unnumbered_where_their_numbers_skip_one_is_no_item(tmp_path):
    """Pool 52's Cao Bằng: the items bold "1 …", "2 …", "3 …", "5 …", "6 …", "7 …", the province's
    own heading between items 3 and 4 as bold as they are but without its number (drawn in a shape
    the others have, left off it). The ladder skips one number where it stands: it ends item 3 and
    is no item, its text no item's (it went to item 3). A bold line inside an item where the
    numbers skip none stays that item's text."""
    lines, numbers = [], (1, 2, 3, 5, 6, 7)
    for n, number in enumerate(numbers, start=1):
        if n == 4:
            lines += [Bold("Ô ruộng muối đặt cảm biến đo độ mặn"), "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng."]
        lines += [Bold(f"{number} {UNKNOWN[n]}"), TEXTS[n]]
    assert {s.number: s.text for s in read(build_lines(tmp_path / "gap.docx", tuple(lines))).sections} == TEXTS
    lines = []
    for n in range(1, 7):
        lines += [Bold(f"{n} {UNKNOWN[n]}"), TEXTS[n]]
        if n == 3:
            lines += [Bold("Ô ruộng muối đặt cảm biến đo độ mặn"), "Tỉnh đã lắp 40 cảm biến."]
    report = read(build_lines(tmp_path / "no-gap.docx", tuple(lines)))
    assert report.sections[2].text == "\n".join((TEXTS[3], "Ô ruộng muối đặt cảm biến đo độ mặn",
                                                 "Tỉnh đã lắp 40 cảm biến."))


def test_headings_numbered_by_autonum_fields_are_a_ladder(tmp_path):
    """Pool 38's Thừa Thiên Huế: each heading "Hạng mục báo cáo { AUTONUM \\s : } …", the field
    saved with no result, its titles the province's own: the numbers Word shows, 1: to 6:, make
    the ladder that opens the items."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, words in UNKNOWN.items():
        heading = document.add_paragraph()
        heading.add_run("Hạng mục báo cáo ").bold = True
        for part in ('<w:fldChar w:fldCharType="begin"/>',
                     '<w:instrText xml:space="preserve"> AUTONUM  \\s : </w:instrText>',
                     '<w:fldChar w:fldCharType="end"/>'):
            heading._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr>{part}</w:r>'))
        heading.add_run(f" {words}").bold = True
        document.add_paragraph(OWN_TEXTS[n])
    write_signoff(document)
    document.save(tmp_path / "bao-cao.docx")
    report = read(tmp_path / "bao-cao.docx")
    assert {s.number: s.heading for s in report.sections} == {
        n: f"Hạng mục báo cáo {n}: {words}" for n, words in UNKNOWN.items()}
    assert {s.number: s.text for s in report.sections} == OWN_TEXTS


def test_a_ladder_one_rung_longer_than_the_outline_holds_a_heading_of_the_province_s_own(tmp_path):
    """Pool 38's Điện Biên: "Phần trình bày I." … "Phần trình bày VII.", bold, titles the
    province's own, a heading of its own ("III. …", what it will do next) numbered on between
    items 2 and 3, items 3 to 6 under IV to VII. Seven rungs without a gap for six items, the texts
    taking every rung but III for an item in order: III is the province's own, taken for none."""
    lines = []
    for n, words in UNKNOWN.items():
        if n == 3:
            lines += [Bold("Phần trình bày III. Đèn đường tự tắt lúc trời sáng"),
                      "Năm 2023, tỉnh tiếp tục hoàn thiện các nền tảng số dùng chung và mở rộng kết nối dữ liệu."]
        lines += [Bold(f"Phần trình bày {ROMAN.get(n + (n >= 3), 'VII')}. {words}"), TEXTS[n]]
    report = read(build_lines(tmp_path / "bao-cao.docx", tuple(lines)))
    assert {s.number: s.text for s in report.sections} == TEXTS



def bound_control_report(path, label="Phần trả lời", letters="ABCDEF"):
    """Each heading "<label> A: <title>" bold, in an inline plain-text content control bound
    (w:dataBinding) to a custom XML part holding every heading, as a template mapped to the
    ministry's schema saves it; its text under it, plain."""
    import html

    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_builders import write_letterhead, write_signoff

    uri, guid = "urn:ubnd-tinh:bao-cao", "{5B2C2A8E-1D3F-4C1B-9A6E-2F7B8C9D0E1F}"
    headings = [f"{label} {letter}: {words}" for letter, words in zip(letters, UNKNOWN.values(), strict=True)]
    document = docx.Document()
    package = document.part.package
    item = Part(PackURI("/customXml/item1.xml"), "application/xml", (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<baoCao xmlns="{uri}">'
        + "".join(f"<tieuDe>{html.escape(h)}</tieuDe>" for h in headings) + "</baoCao>").encode(), package)
    props = Part(PackURI("/customXml/itemProps1.xml"),
                 "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
                 (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{guid}" '
                  'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                  f'<ds:schemaRefs><ds:schemaRef ds:uri="{uri}"/></ds:schemaRefs></ds:datastoreItem>').encode(),
                 package)
    item.relate_to(props, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps")
    document.part.relate_to(item, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml")
    write_letterhead(document)
    for position, (heading, n) in enumerate(zip(headings, UNKNOWN, strict=True), start=1):
        document.add_paragraph()._p.append(parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="{700 + n}"/>'
            f'<w:dataBinding w:prefixMappings="xmlns:ns0=\'{uri}\'" w:xpath="/ns0:baoCao[1]/ns0:tieuDe[{position}]" '
            f'w:storeItemID="{guid}"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/></w:rPr>'
            f'<w:t xml:space="preserve">{html.escape(heading)}</w:t></w:r></w:sdtContent></w:sdt>'))
        document.add_paragraph(TEXTS[n])
    write_signoff(document)
    document.save(path)
    return path


def test_bound_control_headings_labelled_in_words_and_a_letter_saved_as_odt_open_their_items(tmp_path):
    """Pool 39's Phú Thọ and Bình Định: each heading "Phần trả lời A: …" bold in a content
    control bound to custom XML data; LibreOffice saves the control as an .odt input field
    refilled from its data, and its bold is lost, so the headings come back as plain as their
    texts. Words and a capital letter before the colon, counting A, B, C… over short lines each
    with its text under it, are still the items' ladder, with phrases and without, the title
    kept in the heading."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    odt = soffice_convert(bound_control_report(tmp_path / "bao-cao.docx"), "odt", tmp_path / "odt")
    document = read_docx(convert_to_docx(odt, tmp_path / "docx"))
    headings = [b for b in document.blocks if b.text.startswith("Phần trả lời")]
    assert len(headings) == 6 and not any(b.bold for b in headings)  # what the .odt left: plain lines
    for outline in (load_campaign().sections, WITHOUT_PHRASES):
        report = extract_sections(document, outline)
        assert {s.number: s.text for s in report.sections} == TEXTS
        assert [s.heading for s in report.sections] == [
            f"Phần trả lời {letter}: {words}" for letter, words in zip("ABCDEF", UNKNOWN.values(), strict=True)]


def test_plain_lines_labelled_in_words_and_letters_that_do_not_count_up_are_no_ladder(tmp_path):
    """The same plain lines lettered "A", "C", "B", …: no ladder, as plain text opening
    "Phương án A: …" is none; the report reads no section."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    odt = soffice_convert(bound_control_report(tmp_path / "bao-cao.docx", "Phương án", "ACBDFE"), "odt",
                          tmp_path / "odt")
    assert read(convert_to_docx(odt, tmp_path / "docx")).sections == ()


# Pool 49's Hồ Chí Minh: "Về …:" leads of the province's own figurative words run into their items'
# first paragraphs, items 5 and 6 answered under one lead in two parts; item 2 with points of its own.
VE_LEADS = {1: "Về bến thuyền chở đất sét về làng:", 2: "Về đôi đũa tre vót tay tỉ mỉ:",
            3: "Về nhóm phụ nữ se tơ dệt vải:", 4: "Về thúng vải lụa xếp chờ giao:",
            5: "Về khói lò than cay mắt và lò ga thay lò củi:"}
VE_TEXTS = {1: (TEXTS[1], "Các nội dung trên được tổng hợp từ báo cáo của các sở, ngành."),
            2: (TEXTS[2], "Nền tảng phản ánh hiện trường đã tiếp nhận 765.450 phản ánh của người dân.",
                "- Về hạ tầng số:", "Mạng băng rộng di động 4G đã phủ sóng 88% diện tích của tỉnh.",
                "- Về Trung tâm điều hành:", "Trung tâm được đặt tại trụ sở Sở Thông tin và Truyền thông."),
            3: (TEXTS[3], "Cổng thông tin điện tử của tỉnh duy trì chuyên mục đô thị thông minh."),
            4: (TEXTS[4], "Các hạng mục chủ yếu gồm Trung tâm giám sát, điều hành."),
            5: (TEXTS[5], "Nhận thức của một bộ phận cán bộ, công chức về đô thị thông minh còn chưa đầy đủ.",
                TEXTS[6], "Đề xuất Bộ Xây dựng tổ chức 7 lớp tập huấn về đô thị thông minh cho cán bộ của tỉnh.")}


def ve_leads_report(path):
    import docx
    from docx_builders import write_letterhead, write_signoff

    document = docx.Document()
    write_letterhead(document)
    for n, lead in VE_LEADS.items():
        first, *rest = VE_TEXTS[n]
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).bold = True
        paragraph.add_run(f" {first}")
        for line in rest:
            document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


def test_run_in_leads_one_short_of_the_items_whose_texts_take_the_two_part_one_for_two(tmp_path):
    """Five "Về …:" leads for six items, words the outline's nowhere: the one in two parts ("… và
    …") is over items 5 and 6, for the texts read together take it for two and every other lead
    for one, though item 2's text, with its own points, is as long (by the lengths alone no lead
    was told apart: no section found)."""
    path = ve_leads_report(tmp_path / "bao-cao.docx")
    merged = "\n".join(VE_TEXTS[5])
    for outline in (WITHOUT_PHRASES, load_campaign().sections):
        report = extract_sections(read_docx(path), outline)
        texts = {s.number: s.text for s in report.sections}
        assert texts == {**{n: "\n".join(VE_TEXTS[n]) for n in range(1, 5)}, 5: merged, 6: merged}
