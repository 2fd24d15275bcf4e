"""Reading a .docx report into blocks: what `read_docx` promises."""

import unicodedata
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_builders import (
    FORMATS,
    INTRO,
    add_list,
    add_table,
    build_report,
    number_paragraph,
)

from baocao.parse.document import DocumentError
from baocao.parse.docx import read_docx


def texts(document):
    return [block.text for block in document.blocks]


def block_with(document, start):
    return next(b for b in document.blocks if b.text.startswith(start))


def save(document, tmp_path, name="bao-cao.docx"):
    path = tmp_path / name
    document.save(path)
    return path


def decimal_outline_xml(abstract_id, start=1):
    return f"""
    <w:abstractNum {nsdecls('w')} w:abstractNumId="{abstract_id}">
      <w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    </w:abstractNum>"""


# -- reading order and text -------------------------------------------------------------


def test_paragraphs_and_table_rows_come_in_reading_order(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx"))
    assert [(b.kind, b.text) for b in document.blocks[:5]] == [
        (
            "table_row",
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        ),
        ("table_row", "Số: 123/BC-UBND | Quảng Ninh, ngày 27 tháng 5 năm 2022"),
        ("paragraph", "BÁO CÁO"),
        ("paragraph", "Tình hình triển khai đô thị thông minh trên địa bàn tỉnh Quảng Ninh"),
        ("paragraph", INTRO),
    ]


def test_table_row_joins_its_cells_with_a_bar(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx"))
    rows = [b.text for b in document.blocks if b.kind == "table_row"]
    assert "Trung tâm IOC | 120.000" in rows
    assert "Dịch vụ công trực tuyến | 15.500" in rows


def test_nested_table_rows_follow_the_row_that_holds_them(tmp_path):
    word = docx.Document()
    table = word.add_table(rows=3, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Hạng mục", "Chi tiết"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "Trung tâm IOC"
    holder = table.rows[1].cells[1]
    holder.text = "Chia ra:"
    inner = holder.add_table(rows=2, cols=2)
    for row, values in zip(inner.rows, (("Phần cứng", "80.000"), ("Phần mềm", "40.000")), strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    for cell, text in zip(table.rows[2].cells, ("Tổng", "120.000"), strict=True):
        cell.text = text
    assert texts(read_docx(save(word, tmp_path))) == [
        "Hạng mục | Chi tiết",
        "Trung tâm IOC | Chia ra:",
        "Phần cứng | 80.000",
        "Phần mềm | 40.000",
        "Tổng | 120.000",
    ]


def test_text_after_a_table_nested_in_a_cell_follows_that_table(tmp_path):
    # An answer table ("Kinh phí | the answer", its items unnumbered: numbered, each row would be
    # an item's heading beside its text, read as paragraphs): the answer's own table stands between
    # its sentences, the unit over it and the sentences after it below: each is read where it is.
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Tuyên truyền", "Đã ban hành kế hoạch."), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "Kinh phí"
    holder = table.rows[1].cells[1]
    holder.text = "Vốn bố trí theo từng năm như sau:"
    holder.add_paragraph("Đơn vị tính: triệu đồng")
    inner = holder.add_table(rows=2, cols=2)
    for row, values in zip(inner.rows, (("Năm", "Tổng số"), ("2021", "4.800")), strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    holder.paragraphs[-1].text = "Các hạng mục chủ yếu gồm Trung tâm IOC."
    holder.add_paragraph("Việc bố trí kinh phí theo Luật Ngân sách nhà nước.")
    assert texts(read_docx(save(word, tmp_path))) == [
        "Tuyên truyền | Đã ban hành kế hoạch.",
        "Kinh phí | Vốn bố trí theo từng năm như sau: Đơn vị tính: triệu đồng",
        "Năm | Tổng số",
        "2021 | 4.800",
        "Các hạng mục chủ yếu gồm Trung tâm IOC. Việc bố trí kinh phí theo Luật Ngân sách nhà nước.",
    ]


def test_vertically_merged_cell_is_read_once(tmp_path):
    word = docx.Document()
    add_table(word, (("Nguồn vốn", "Ngân sách tỉnh"), ("", "Xã hội hóa")))
    table = word.tables[0]
    table.cell(0, 0).merge(table.cell(1, 0))
    assert texts(read_docx(save(word, tmp_path))) == ["Nguồn vốn | Ngân sách tỉnh", "Xã hội hóa"]


def test_headers_and_footers_are_left_out(tmp_path):
    word = docx.Document()
    word.sections[0].header.add_paragraph("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")
    word.sections[0].footer.add_paragraph("Trang 1")
    word.add_paragraph("Nội dung báo cáo.")
    assert texts(read_docx(save(word, tmp_path))) == ["Nội dung báo cáo."]


def test_text_inside_tracked_insertions_is_read_and_deletions_are_not(tmp_path):
    word = docx.Document()
    paragraph = word.add_paragraph("Tổng kinh phí ")
    inserted = '<w:ins {} w:id="1" w:author="SXD"><w:r><w:t>120 tỷ đồng</w:t></w:r></w:ins>'
    deleted = '<w:del {} w:id="2" w:author="SXD"><w:r><w:delText>100 tỷ đồng</w:delText></w:r></w:del>'
    for revision in (inserted, deleted):
        paragraph._p.append(parse_xml(revision.format(nsdecls("w"))))
    assert texts(read_docx(save(word, tmp_path))) == ["Tổng kinh phí 120 tỷ đồng"]


def test_moved_text_is_read_where_it_was_moved_to_only(tmp_path):
    word = docx.Document()
    paragraph = word.add_paragraph("Kinh phí ")
    moved_from = '<w:moveFrom {} w:id="3" w:author="SXD"><w:r><w:t>năm 2021 </w:t></w:r></w:moveFrom>'
    moved_to = '<w:moveTo {} w:id="4" w:author="SXD"><w:r><w:t> năm 2021</w:t></w:r></w:moveTo>'
    paragraph._p.append(parse_xml(moved_from.format(nsdecls("w"))))
    paragraph.add_run("là 12 tỷ đồng")
    paragraph._p.append(parse_xml(moved_to.format(nsdecls("w"))))
    assert texts(read_docx(save(word, tmp_path))) == ["Kinh phí là 12 tỷ đồng năm 2021"]


def test_a_paragraph_deleted_as_a_revision_is_not_read_nor_numbered(tmp_path):
    """An item's former title deleted with revisions on: Word's final view neither shows
    it nor counts it in its list, so the heading after it keeps its number."""
    word = docx.Document()
    add_list(word, 91, decimal_outline_xml(91))
    for text in ("Những việc đã làm", "Tiêu đề cũ", "Kết quả chung"):
        number_paragraph(word.add_paragraph(text), 91)
    old = word.paragraphs[1]._p
    for run in old.findall(qn("w:r")):
        deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="5" w:author="SXD"/>')
        run.addprevious(deleted)
        deleted.append(run)
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
    old.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="6" w:author="SXD"/></w:rPr>'))
    document = read_docx(save(word, tmp_path))
    assert [(b.number, b.text) for b in document.blocks] == [("1.", "Những việc đã làm"), ("2.", "Kết quả chung")]


def test_a_text_box_inside_a_table_cell_is_read_with_the_cell(tmp_path):
    word = docx.Document()
    cell = word.add_table(rows=1, cols=2).rows[0].cells
    cell[0].text = "ỦY BAN NHÂN DÂN"
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    box = (f'<w:r {nsdecls("w")} {vml}><w:pict><v:shape><v:textbox><w:txbxContent>'
           '<w:p><w:r><w:t>TỈNH HÀ NAM</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    cell[0].paragraphs[0]._p.append(parse_xml(box))
    cell[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    (row,) = texts(read_docx(save(word, tmp_path)))
    assert row == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def shape_holding(text):
    """A shape drawn in line with the text (an oval), its text box holding `text`."""
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    return parse_xml(f'<w:r {nsdecls("w")} {vml}><w:pict><v:oval><v:textbox><w:txbxContent><w:p><w:r>'
                     f'<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:oval></w:pict></w:r>')


def test_a_number_drawn_in_a_shape_in_front_of_a_short_line_is_its_label(tmp_path):
    """"3" in an oval, then "Lan tỏa": the line "3 Lan tỏa", the number read once. A number
    drawn after the line, or words in the shape, are text boxes of their own."""
    word = docx.Document()
    for shape, line, after in (("3", "Lan tỏa", False), ("4", "Tiền bạc", True), ("Ghi chú", "Vấp váp", False)):
        paragraph = word.add_paragraph()
        paragraph.add_run(line)
        if after:
            paragraph._p.append(shape_holding(shape))
        else:
            paragraph._p.insert(0, shape_holding(shape))
    assert texts(read_docx(save(word, tmp_path))) == ["3 Lan tỏa", "Tiền bạc", "4", "Vấp váp", "Ghi chú"]


def test_text_is_nfc_even_when_typed_decomposed(tmp_path):
    word = docx.Document()
    word.add_paragraph(unicodedata.normalize("NFD", "Khó khăn, vướng mắc"))
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.text == unicodedata.normalize("NFC", "Khó khăn, vướng mắc")
    assert unicodedata.is_normalized("NFC", block.text)


def test_spaces_are_cleaned(tmp_path):
    word = docx.Document()
    word.add_paragraph("  Kinh\u00a0phí   thực\thiện ")
    assert texts(read_docx(save(word, tmp_path))) == ["Kinh phí thực hiện"]


def test_blank_paragraphs_are_skipped_but_keep_their_place_in_the_index(tmp_path):
    word = docx.Document()
    word.add_paragraph("Một")
    word.add_paragraph("   ")
    word.add_paragraph("Hai")
    document = read_docx(save(word, tmp_path))
    assert [(b.index, b.text) for b in document.blocks] == [(0, "Một"), (2, "Hai")]


def test_document_name_is_the_file_name(tmp_path):
    path = build_report(tmp_path / unicodedata.normalize("NFD", "Báo cáo Quảng Ninh.docx"))
    assert read_docx(path).name == "Báo cáo Quảng Ninh.docx"


# -- headings, bold ----------------------------------------------------------------------


@pytest.mark.parametrize(("style", "level"), [("Heading 1", 1), ("Heading 3", 3), ("Title", 0), ("Normal", None)])
def test_heading_style_gives_heading_level(tmp_path, style, level):
    word = docx.Document()
    word.add_paragraph("Kinh phí thực hiện", style=style)
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert (block.style, block.heading_level) == (style, level)


def test_localised_heading_style_name_gives_heading_level(tmp_path):
    word = docx.Document()
    word.styles.add_style("Tiêu đề 2", 1)
    word.add_paragraph("Kinh phí thực hiện", style="Tiêu đề 2")
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.heading_level == 2


def test_style_based_on_a_heading_style_is_a_heading(tmp_path):
    word = docx.Document()
    style = word.styles.add_style("Muc lon", 1)
    style.base_style = word.styles["Heading 1"]
    word.add_paragraph("KINH PHÍ THỰC HIỆN", style="Muc lon")
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.heading_level == 1


@pytest.mark.parametrize(("outline_level", "level"), [("0", 1), ("1", 2), ("9", None)])
def test_outline_level_gives_heading_level(tmp_path, outline_level, level):
    word = docx.Document()
    paragraph = word.add_paragraph("Kinh phí thực hiện")
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline_level}"/>'))
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.heading_level == level


def test_bold_through_the_paragraph_style_counts_as_bold(tmp_path):
    word = docx.Document()
    style = word.styles.add_style("Dam", 1)
    style.font.bold = True
    word.add_paragraph("Kinh phí thực hiện", style="Dam")
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.bold


def test_paragraph_with_one_plain_run_is_not_bold(tmp_path):
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph.add_run("Kinh phí ").bold = True
    paragraph.add_run("thực hiện")
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert not block.bold


def test_bold_style_switched_off_in_the_run_is_not_bold(tmp_path):
    word = docx.Document()
    style = word.styles.add_style("Dam", 1)
    style.font.bold = True
    word.add_paragraph(style="Dam").add_run("Kinh phí thực hiện").bold = False
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert not block.bold


def test_blank_runs_do_not_decide_boldness(tmp_path):
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph.add_run("  ")
    paragraph.add_run("IV. KINH PHÍ").bold = True
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.bold


# -- numbering ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("IV. KINH PHÍ", "IV."),
        ("2) Kinh phí", "2)"),
        ("1.1. Về nguồn lực", "1.1."),
        ("a) Về nguồn lực", "a)"),
        ("Kinh phí 1.234 tỷ", ""),
        ("1.234 tỷ đồng từ ngân sách", ""),
    ],
)
def test_typed_number_is_read_from_the_text(tmp_path, text, number):
    word = docx.Document()
    word.add_paragraph(text)
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert (block.number, block.text) == (number, text)


def test_auto_numbered_heading_gets_its_number_from_numbering_xml(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx", "auto_roman"))
    headings = [b for b in document.blocks if b.text.isupper() and b.kind == "paragraph" and b.number]
    assert [b.number for b in headings] == ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII."]
    assert headings[3].text == "KINH PHÍ THỰC HIỆN"


def test_auto_numbered_sub_level_restarts_under_each_heading(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx", "auto_roman"))
    assert block_with(document, "Đề án đô thị thông minh").number == "1."
    assert block_with(document, "Kinh phí đầu tư Trung tâm IOC").number == "2."
    assert block_with(document, "Về nguồn lực").number == "1."


def test_list_number_style_numbers_through_the_style(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx", "auto_list_number"))
    numbered = [b for b in document.blocks if b.style == "List Number"]
    assert [b.number for b in numbered] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]


def test_auto_number_of_a_sub_level_carries_its_parent_counter(tmp_path):
    word = docx.Document()
    add_list(word, 91, decimal_outline_xml(91))
    for text, level in [("Kinh phí", 0), ("Trung tâm IOC", 1), ("Dịch vụ công", 1), ("Khó khăn", 0), ("Nguồn lực", 1)]:
        number_paragraph(word.add_paragraph(text), 91, level)
    assert [b.number for b in read_docx(save(word, tmp_path)).blocks] == ["1.", "1.1.", "1.2.", "2.", "2.1."]


def test_heading_styles_linked_to_a_list_get_its_numbers(tmp_path):
    # Word's "multilevel list linked to headings": the style carries the list, each level names its style.
    word = docx.Document()
    linked = decimal_outline_xml(95).replace('w:ilvl="0">', 'w:ilvl="0"><w:pStyle w:val="Heading1"/>')
    add_list(word, 95, linked.replace('w:ilvl="1">', 'w:ilvl="1"><w:pStyle w:val="Heading2"/>'))
    for style in ("Heading 1", "Heading 2"):
        word.styles[style].element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 95
    for text, level in [("Kinh phí", 1), ("Trung tâm IOC", 2), ("Dịch vụ công", 2), ("Khó khăn", 1)]:
        word.add_heading(text, level)
    assert [b.line for b in read_docx(save(word, tmp_path)).blocks] == [
        "1. Kinh phí",
        "1.1. Trung tâm IOC",
        "1.2. Dịch vụ công",
        "2. Khó khăn",
    ]


def test_auto_number_starts_where_numbering_xml_says(tmp_path):
    word = docx.Document()
    add_list(word, 92, decimal_outline_xml(92, start=3))
    number_paragraph(word.add_paragraph("Tuyên truyền"), 92)
    number_paragraph(word.add_paragraph("Kinh phí"), 92)
    assert [b.number for b in read_docx(save(word, tmp_path)).blocks] == ["3.", "4."]


def test_list_restarted_by_a_start_override_counts_from_it(tmp_path):
    word = docx.Document()
    add_list(word, 93, decimal_outline_xml(93))
    numbering = word.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="94"><w:abstractNumId w:val="93"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        )
    )
    number_paragraph(word.add_paragraph("Tuyên truyền"), 93)
    number_paragraph(word.add_paragraph("Kinh phí"), 94)
    number_paragraph(word.add_paragraph("Khó khăn"), 94)
    assert [b.number for b in read_docx(save(word, tmp_path)).blocks] == ["1.", "5.", "6."]


def test_auto_number_is_kept_out_of_text_but_shown_in_line(tmp_path):
    document = read_docx(build_report(tmp_path / "r.docx", "auto_roman"))
    block = block_with(document, "KINH PHÍ THỰC HIỆN")
    assert (block.text, block.line) == ("KINH PHÍ THỰC HIỆN", "IV. KINH PHÍ THỰC HIỆN")


def test_bulleted_paragraph_has_no_number(tmp_path):
    word = docx.Document()
    word.add_paragraph("Trung tâm IOC", style="List Bullet")
    (block,) = read_docx(save(word, tmp_path)).blocks
    assert block.number == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_without_losing_a_line(tmp_path, fmt):
    document = read_docx(build_report(tmp_path / "r.docx", fmt))
    assert len(document.blocks) == 29
    assert document.blocks[-1].text.startswith("Nơi nhận:")


# -- unreadable files --------------------------------------------------------------------


def test_corrupt_docx_raises_document_error_naming_the_file(tmp_path):
    path = tmp_path / "Báo cáo tỉnh Quảng Ninh.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(DocumentError, match="Báo cáo tỉnh Quảng Ninh.docx") as caught:
        read_docx(path)
    assert "save it again as .docx" in str(caught.value)


def test_old_word_doc_renamed_docx_raises_document_error_saying_so(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(DocumentError, match="Word 97-2003 .doc"):
        read_docx(path)


def test_docx_with_broken_xml_raises_document_error(tmp_path):
    good = build_report(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(DocumentError, match="broken.docx: .*damaged"):
        read_docx(broken)


def test_zip_that_is_not_a_word_package_raises_document_error(tmp_path):
    path = tmp_path / "bao-cao.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a report")
    with pytest.raises(DocumentError, match="bao-cao.docx"):
        read_docx(path)


def test_missing_file_raises_document_error(tmp_path):
    with pytest.raises(DocumentError, match="khong-co.docx: .*no such file"):
        read_docx(tmp_path / "khong-co.docx")


def test_a_letterhead_in_text_boxes_is_read_once():
    from pathlib import Path

    from baocao.campaign import load_campaign
    from baocao.parse.docx import read_docx
    from baocao.parse.sections import extract_sections

    path = Path(__file__).resolve().parent.parent / "fixtures" / "reports" / "49-text-box-ba-ria-vung-tau.docx"
    report = extract_sections(read_docx(path), load_campaign().sections)
    assert report.letterhead.count("TỈNH BÀ RỊA - VŨNG TÀU") == 1
    assert len(report.sections) >= 5


# -- hidden text (w:vanish) ---------------------------------------------------------------


def hide(run, value=None):
    """Mark a python-docx run hidden as Word's Font > Hidden does (or shown again: "0")."""
    vanish = parse_xml(f'<w:vanish {nsdecls("w")}/>' if value is None
                       else f'<w:vanish {nsdecls("w")} w:val="{value}"/>')
    run._r.get_or_add_rPr().append(vanish)
    return run


def test_hidden_text_is_no_part_of_the_paragraph_nor_of_its_bold(tmp_path):
    """A note to a colleague typed after a heading and hidden: Word neither shows nor
    prints it, so the heading reads as the province's reader sees it, bold all through."""
    word = docx.Document()
    heading = word.add_paragraph()
    heading.add_run("Công tác tuyên truyền của tỉnh").bold = True
    hide(heading.add_run(" [góp ý: bổ sung số liệu đến 30/4]"))
    word.add_paragraph().add_run("Tổ chức 12 hội nghị.")
    blocks = read_docx(save(word, tmp_path)).blocks
    assert [b.text for b in blocks] == ["Công tác tuyên truyền của tỉnh", "Tổ chức 12 hội nghị."]
    assert blocks[0].bold


def test_text_hidden_by_its_character_style_is_left_out_and_shown_again_when_switched_off(tmp_path):
    word = docx.Document()
    style = word.styles.add_style("Ghi chu an", 2)  # a character style
    style.element.get_or_add_rPr().append(parse_xml(f'<w:vanish {nsdecls("w")}/>'))
    paragraph = word.add_paragraph("Kinh phí ")
    paragraph.add_run("(chưa chốt) ", style="Ghi chu an")
    hide(paragraph.add_run("là 12 tỷ đồng", style="Ghi chu an"), "0")
    assert texts(read_docx(save(word, tmp_path))) == ["Kinh phí là 12 tỷ đồng"]


def test_a_paragraph_all_hidden_is_not_read(tmp_path):
    word = docx.Document()
    style = word.styles.add_style("An", 1)  # a paragraph style that hides its text
    style.element.get_or_add_rPr().append(parse_xml(f'<w:vanish {nsdecls("w")}/>'))
    word.add_paragraph("Bản nháp: chưa gửi", style="An")
    word.add_paragraph("Nội dung báo cáo.")
    assert texts(read_docx(save(word, tmp_path))) == ["Nội dung báo cáo."]


def test_a_drop_cap_is_read_as_the_first_letter_of_the_paragraph_after_it(tmp_path):
    """Word keeps a drop cap in a framed paragraph of its own (w:framePr w:dropCap) before the
    paragraph it opens: read there, "II. THÔNG TIN CHUNG" keeps its label whole."""
    document = docx.Document()
    cap = document.add_paragraph()
    cap._p.insert(0, parse_xml(f'<w:pPr {nsdecls("w")}><w:framePr w:dropCap="drop" w:lines="3"/></w:pPr>'))
    cap.add_run("I")
    document.add_paragraph("I. THÔNG TIN CHUNG")
    framed = document.add_paragraph("Khung không phải chữ hoa thả.")  # a frame with no drop cap stays apart
    framed._p.get_or_add_pPr().append(parse_xml(f'<w:framePr {nsdecls("w")} w:w="9072"/>'))
    document.add_paragraph("Nội dung.")
    read = read_docx(save(document, tmp_path))
    assert texts(read) == ["II. THÔNG TIN CHUNG", "Khung không phải chữ hoa thả.", "Nội dung."]
    assert read.blocks[0].number == "II."


# -- fields that show their own code's words, WordArt, shapes grouped on one line ----------

def field_runs(code, result=None, bold=True):
    """A complex field's runs (begin, code, [separate, result,] end), each in bold when `bold`."""
    look = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = ['<w:fldChar w:fldCharType="begin"/>', f'<w:instrText xml:space="preserve">{code}</w:instrText>']
    if result is not None:
        parts += ['<w:fldChar w:fldCharType="separate"/>', f"<w:t>{result}</w:t>"]
    parts.append('<w:fldChar w:fldCharType="end"/>')
    return [parse_xml(f'<w:r {nsdecls("w")}>{look}{part}</w:r>') for part in parts]


def test_a_button_fields_display_text_is_read_as_word_shows_it(tmp_path):
    """MACROBUTTON and GOTOBUTTON fields have no result: Word shows the words their code ends
    with (a template's "click here" prompt, here a heading), in the field's look. A field with a
    result of its own shows that, once; any other field's code is not text."""
    word = docx.Document()
    for code, result in ((" MACROBUTTON  NoMacro Trả lời mục 1: Bức tranh ban đầu ", None),
                         ('GOTOBUTTON "muc 2" Trả lời mục 2: Kết quả \\* MERGEFORMAT', None),
                         ("MACROBUTTON NoMacro Mục 3", "Mục 3: Tuyên truyền"),
                         (" PAGE ", None)):
        paragraph = word.add_paragraph()
        paragraph._p.extend(field_runs(code, result))
    simple = word.add_paragraph()
    simple._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="MACROBUTTON NoMacro [Mục 4: Kinh phí]"/>'))
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Trả lời mục 1: Bức tranh ban đầu", "Trả lời mục 2: Kết quả", "Mục 3: Tuyên truyền",
                           "[Mục 4: Kinh phí]"]
    assert all(block.bold for block in read.blocks[:3])


def dropdown_runs(entries, result=None, default=None, cached=None, one_run=False):
    """A legacy drop-down form field's runs, in bold: its begin mark holding w:ffData/w:ddList
    (the entries, the chosen one's number in w:result, the default's in w:default), its code
    FORMDROPDOWN, [separate, a cached result,] end; `one_run`: all its marks in one run."""
    chosen = "" if result is None else f'<w:result w:val="{result}"/>'
    chosen += "" if default is None else f'<w:default w:val="{default}"/>'
    listed = "".join(f'<w:listEntry w:val="{entry}"/>' for entry in entries)
    parts = [f'<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="TieuDe"/><w:enabled/>'
             f'<w:ddList>{chosen}{listed}</w:ddList></w:ffData></w:fldChar>',
             '<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText>']
    if cached is not None:
        parts += ['<w:fldChar w:fldCharType="separate"/>', f"<w:t>{cached}</w:t>"]
    parts.append('<w:fldChar w:fldCharType="end"/>')
    if one_run:
        parts = ["".join(parts)]
    return [parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr>{part}</w:r>') for part in parts]


def test_a_drop_down_form_field_shows_the_entry_chosen_in_its_data(tmp_path):
    """A legacy drop-down form field (FORMDROPDOWN, a protected form's box, here each heading
    chosen in one) holds its words in its data only: Word shows the entry its w:result numbers
    (from 0), its w:default when the form was never filled in, the first when neither; a cached
    result, stale or not, is not what it shows. The entry is read once, in the field's look,
    whatever runs the field's marks are written in; a drop-down listing nothing shows nothing."""
    prompt = "- Chọn tiêu đề mục -"
    word = docx.Document()
    for runs in (dropdown_runs([prompt, "Mục nội dung I: Khung cửi trước lúc dệt"], result=1),
                 dropdown_runs([prompt, "Mục 1", "Mục nội dung II: Thúng cau đầy ắp"], default=2),
                 dropdown_runs([prompt, "Mục nội dung III: Thuyền rồng"], result=1, cached=prompt),
                 dropdown_runs([prompt, "Mục nội dung IV: Mạch nước ngầm"], result=1, default=0, one_run=True),
                 dropdown_runs(["Mục nội dung V: Khúc quanh", "Khác"]),
                 dropdown_runs([], result=0)):
        word.add_paragraph()._p.extend(runs)
    word.add_paragraph("Năm 2017, tỉnh đã đưa vào vận hành Cổng dịch vụ công.")
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Mục nội dung I: Khung cửi trước lúc dệt", "Mục nội dung II: Thúng cau đầy ắp",
                           "Mục nội dung III: Thuyền rồng", "Mục nội dung IV: Mạch nước ngầm",
                           "Mục nội dung V: Khúc quanh",
                           "Năm 2017, tỉnh đã đưa vào vận hành Cổng dịch vụ công."]
    assert all(block.bold for block in read.blocks[:5])


def test_an_autonum_fields_number_is_read_as_word_counts_it(tmp_path):
    """An AUTONUM field saved with no result (a label's number typed as one: "Hạng mục báo cáo
    { AUTONUM \\s : } Tiêu đề") shows the number Word counts for it through the document, 1, 2,
    3…, followed by a period or the separator its \\s switch names, in the format its \\* switch
    names: the label is read whole, numbered as Word shows it. A field with a result keeps it."""
    word = docx.Document()
    for words, code, result in (("Hạng mục báo cáo ", " AUTONUM  \\s : ", None),
                                ("Hạng mục báo cáo ", "AUTONUM \\s :", None),
                                ("Phần ", " AUTONUM \\* ROMAN ", None),
                                ("Mục ", " AUTONUM ", "9.")):
        paragraph = word.add_paragraph()
        paragraph.add_run(words).bold = True
        paragraph._p.extend(field_runs(code, result))
        paragraph.add_run(" Tiêu đề").bold = True
    simple = word.add_paragraph()
    simple.add_run("Mục ")
    simple._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" AUTONUM "/>'))
    simple.add_run(" Cuối")
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Hạng mục báo cáo 1: Tiêu đề", "Hạng mục báo cáo 2: Tiêu đề", "Phần III. Tiêu đề",
                           "Mục 9. Tiêu đề", "Mục 5. Cuối"]
    assert read.blocks[2].number == "Phần III."


def test_an_enclosed_number_in_an_eq_field_is_read_as_the_number(tmp_path):
    """Word's Enclose Characters draws a label's number in a circle with an EQ field saved with no
    result ("Nội dung thực hiện { EQ \\o\\ac(○,1) }: Tiêu đề", pool 40's Hưng Yên): Word draws the
    overlay of the circle and the number, so the label reads with the number it encloses, "1", the
    circle only drawn around it, whatever mark encloses it (a square) and whatever case the field's
    name is written in; simple fields alike. A field with a result of its own keeps it."""
    word = docx.Document()
    for code, title, result in ((" eq \\o\\ac(○,1) ", "Cột mốc cắm ở đầu làng", None),
                                (" EQ \\o\\ac(◯,2) \\* MERGEFORMAT ", "Chuyến xe chở hàng", None),
                                ("EQ \\o(□,3)", "Dàn giáo", None),
                                (" EQ \\o\\ac(○,9) ", "Ống tre", "4")):
        paragraph = word.add_paragraph()
        paragraph.add_run("Nội dung thực hiện ").bold = True
        paragraph._p.extend(field_runs(code, result))
        paragraph.add_run(f": {title}").bold = True
        word.add_paragraph("Nội dung của mục.")
    simple = word.add_paragraph()
    simple.add_run("Nội dung thực hiện ").bold = True
    simple._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" EQ \\o\\ac(○,5) "/>'))
    simple.add_run(": Bánh xe").bold = True
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Nội dung thực hiện 1: Cột mốc cắm ở đầu làng", "Nội dung của mục.",
                           "Nội dung thực hiện 2: Chuyến xe chở hàng", "Nội dung của mục.",
                           "Nội dung thực hiện 3: Dàn giáo", "Nội dung của mục.",
                           "Nội dung thực hiện 4: Ống tre", "Nội dung của mục.", "Nội dung thực hiện 5: Bánh xe"]
    assert all(block.bold for block in read.blocks[:8:2])


@pytest.mark.parametrize(("code", "shown"), [
    ("EQ \\s\\up8(2)", "2"),                       # a superscript: its text
    ("EQ \\s\\do4(a)", "a"),                       # a subscript
    ("EQ \\b(1)", "(1)"),                           # brackets, round unless named
    ("EQ \\b\\lc\\[\\rc\\](A)", "[A]"),            # left and right named, escaped
    ("EQ \\b\\bc\\{(II)", "{II}"),                  # both named, the right one its pair
    ("EQ \\x\\to\\bo(Mục 1)", "Mục 1"),             # a box, whatever sides it draws
    ("EQ \\l(a,b,c)", "a,b,c"),                      # a list
    ("EQ \\f(1,2)", "1/2"),                          # a fraction
    ("EQ \\b(\\f(1,2))", "(1/2)"),                   # switches nested
    ("EQ \\l(x\\,y,z)", "x,y,z"),                    # an escaped comma is a character, not a separator
    ("EQ \\b(a\\)b)", "(a)b)"),                      # an escaped parenthesis too
    ("EQ \\o\\ac(○,\\s\\up2(12))", "12"),            # an enclosure of a nested switch
    ("EQ \\r(3,x)", "3 x"),                          # a radical: its arguments
    ("EQ \\i\\su(i=1,n,x)", "i=1 n x"),               # an integral or sum: its arguments
    ("EQ \\a\\al\\co2(1,2,3,4)", "1 2 3 4"),          # an array: its elements in order
])
def test_an_eq_field_shows_what_its_code_draws(tmp_path, code, shown):
    """An EQ field (Word's field reference) has no result: Word draws its switches' arguments,
    read in order as text; "\\," "\\(" "\\)" are characters of an argument."""
    word = docx.Document()
    paragraph = word.add_paragraph("Trước ")
    paragraph._p.extend(field_runs(code, bold=False))
    paragraph.add_run(" sau")
    assert texts(read_docx(save(word, tmp_path))) == [f"Trước {shown} sau"]


def test_a_symbol_field_shows_its_character(tmp_path):
    """A SYMBOL field saved with no result shows the character its code names: in a symbol font
    (Wingdings, Symbol) the font's private-use character, as an inserted symbol (w:sym) reads, a
    bullet in front of a heading; in any other font the character itself (decimal, hexadecimal,
    \\u Unicode). A field with a result of its own keeps it."""
    word = docx.Document()
    for code, result in ((" SYMBOL 168 \\f Wingdings \\s 12 ", None), ('SYMBOL 216 \\f "Wingdings 3"', None),
                         (" SYMBOL 65 ", None), ("SYMBOL 0x42 \\f Arial", None), (" SYMBOL 8364 \\u ", None),
                         (" SYMBOL 167 \\f Symbol ", "*")):
        paragraph = word.add_paragraph()
        paragraph._p.extend(field_runs(code, result))
        paragraph.add_run(" Mục 1: Tiêu đề").bold = True
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["\uf0a8 Mục 1: Tiêu đề", "\uf0d8 Mục 1: Tiêu đề", "A Mục 1: Tiêu đề", "B Mục 1: Tiêu đề",
                           "€ Mục 1: Tiêu đề", "* Mục 1: Tiêu đề"]


def test_a_symbol_fields_result_saved_as_a_symbol_shows_once(tmp_path):
    """Word saves a SYMBOL field's result as the symbol inserted (w:sym, Wingdings "F0A7"): the
    square shows once in front of the heading, not the code's and the result's both (a doubled
    bullet hid pool 66's "Vòng I –" label)."""
    word = docx.Document()
    paragraph = word.add_paragraph()
    runs = field_runs(' SYMBOL 167 \\f "Wingdings" \\s 13 ', result="")
    runs[3] = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr><w:sym w:font="Wingdings" w:char="F0A7"/></w:r>')
    paragraph._p.extend(runs)
    paragraph.add_run(" Vòng I – Cọc tre cắm đầu tiên").bold = True
    assert texts(read_docx(save(word, tmp_path))) == ["\uf0a7 Vòng I – Cọc tre cắm đầu tiên"]


def test_a_listnum_fields_number_is_read_as_word_counts_it(tmp_path):
    """A LISTNUM field saved with no result shows a number of one of Word's lists, counted per
    list through the document: LegalDefault 1. 1.1., NumberDefault (and a list named otherwise)
    1) a) i), OutlineDefault I. A. 1.; "\\l" names the level, else the first LISTNUM of a
    paragraph stands at level 1 and each further one a level lower; "\\s" sets the count. A
    field with a result of its own keeps it, and counts."""
    word = docx.Document()
    for code, result in ((" LISTNUM  LegalDefault \\l 1 ", None), (" LISTNUM LegalDefault \\l 2 ", None),
                         (" LISTNUM  LegalDefault \\l 1 ", None), (" LISTNUM NumberDefault ", None),
                         (" LISTNUM ", "7)"), (' LISTNUM "OutlineDefault" \\l 1 \\s 4 ', None),
                         (" LISTNUM \\l 1 ", None)):
        paragraph = word.add_paragraph()
        paragraph.add_run("Tiểu mục ").bold = True
        paragraph._p.extend(field_runs(code, result))
        paragraph.add_run(" Tiêu đề").bold = True
    twice = word.add_paragraph()
    twice._p.extend(field_runs(" LISTNUM NumberDefault ", bold=False))
    twice.add_run(" ")
    twice._p.extend(field_runs(" LISTNUM NumberDefault ", bold=False))
    twice.add_run(" Ý")
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Tiểu mục 1. Tiêu đề", "Tiểu mục 1.1. Tiêu đề", "Tiểu mục 2. Tiêu đề",
                           "Tiểu mục 1) Tiêu đề", "Tiểu mục 7) Tiêu đề", "Tiểu mục IV. Tiêu đề",
                           "Tiểu mục 3) Tiêu đề", "4) a) Ý"]


def test_an_autonumlgl_fields_number_is_read_as_word_counts_it(tmp_path):
    """An AUTONUMLGL field saved with no result (a label's number typed as one: "Điểm báo cáo
    { AUTONUMLGL \\e }: Tiêu đề", pool 39's Quảng Ninh) shows Word's legal number: paragraphs of
    body text, under no numbered heading, count 1, 2, 3…; "\\e" leaves the period out (the colon
    typed after it). The label is read whole, and its ladder with it."""
    word = docx.Document()
    for title in ("Cây thước đo", "Chồng sách", "Đàn sếu"):
        paragraph = word.add_paragraph()
        paragraph.add_run("Điểm báo cáo ").bold = True
        paragraph._p.extend(field_runs(" AUTONUMLGL  \\e "))
        paragraph.add_run(f": {title}").bold = True
        word.add_paragraph("Nội dung của điểm.")
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Điểm báo cáo 1: Cây thước đo", "Nội dung của điểm.", "Điểm báo cáo 2: Chồng sách",
                           "Nội dung của điểm.", "Điểm báo cáo 3: Đàn sếu", "Nội dung của điểm."]


def test_the_autonum_family_counts_by_the_paragraphs_outline_level(tmp_path):
    """Word counts an AUTONUM-family field by its paragraph's outline level (a heading style's, or
    a direct w:outlineLvl), restarting under each heading above it; body text counts one level
    below the last heading so numbered. AUTONUMLGL shows every level's count ("1.2."; "1.2.1." in
    body text; "\\s" names the last mark), AUTONUMOUT its level's in the outline scheme (I., A.,
    1.), AUTONUM its level's alone. Each kind counts on its own."""
    word = docx.Document()
    rows = (("Heading 1", None, "AUTONUMLGL"), ("Heading 2", None, "AUTONUMLGL"), ("Heading 2", None, "AUTONUMLGL"),
            ("Normal", None, "AUTONUMLGL"), ("Heading 1", None, "AUTONUMLGL"), ("Normal", 1, "AUTONUMLGL \\s )"),
            ("Heading 1", None, "AUTONUMOUT"), ("Heading 2", None, "AUTONUMOUT"), ("Heading 2", None, "AUTONUMOUT"),
            ("Heading 3", None, "AUTONUMOUT"), ("Heading 1", None, "AUTONUMOUT"),
            ("Heading 1", None, "AUTONUM"), ("Normal", None, "AUTONUM"), ("Normal", None, "AUTONUM"),
            ("Heading 1", None, "AUTONUM"), ("Normal", None, "AUTONUM \\s :"))
    for style, outline, code in rows:
        paragraph = word.add_paragraph(style=style)
        if outline is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>'))
        paragraph._p.extend(field_runs(f" {code} ", bold=False))
        paragraph.add_run(" Tiêu đề")
    read = read_docx(save(word, tmp_path))
    assert [text.split()[0] for text in texts(read)] == [
        "1.", "1.1.", "1.2.", "1.2.1.", "2.", "2.1)",
        "I.", "A.", "B.", "1.", "II.",
        "1.", "1.", "2.", "2.", "1:"]


def nested_field_runs(outer_code, inner_code, inner_result, outer_code_after, result):
    """A field whose code holds another field (with its own cached result) before its code goes
    on: begin, code, [inner begin, code, separate, result, end], code, separate, result, end."""
    inner = field_runs(inner_code, inner_result)
    outer = field_runs(outer_code, result)
    after = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr>'
                      f'<w:instrText xml:space="preserve">{outer_code_after}</w:instrText></w:r>')
    return [*outer[:2], *inner, after, *outer[2:]]


def test_a_field_nested_in_another_fields_code_shows_only_the_outer_result(tmp_path):
    """An IF field whose condition is a MERGEFIELD (a mail-merge template's heading) keeps the
    merge field's answer ("Có") inside its code: Word shows only the IF's result, so the answer
    is not glued to the heading. A field left open by a damaged file hides nothing after it."""
    word = docx.Document()
    word.add_paragraph()._p.extend(nested_field_runs(" IF ", " MERGEFIELD  CoTraLoiMuc ", "Có",
                                                     ' = "Có" "(A) Mốc số không của tỉnh" "" ',
                                                     "(A) Mốc số không của tỉnh"))
    word.add_paragraph("Năm 2015, tỉnh đã ban hành Kiến trúc Chính quyền điện tử.")
    broken = word.add_paragraph()
    broken._p.extend(field_runs(" IF ", None)[:2])
    broken._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>(B) Những điều tỉnh làm nên</w:t></w:r>'))
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["(A) Mốc số không của tỉnh", "Năm 2015, tỉnh đã ban hành Kiến trúc Chính quyền điện tử.",
                           "(B) Những điều tỉnh làm nên"]
    assert read.blocks[0].bold


VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def wordart(words):
    """A classic WordArt in line: a VML shape of type 136 drawing `words` (its v:textpath's
    string), after the shape type whose path holds no words."""
    return parse_xml(
        f'<w:r {nsdecls("w")} {VML_NS}><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600">'
        '<v:textpath on="t" fitshape="t"/></v:shapetype><v:shape type="#_x0000_t136" style="width:300pt;height:18pt">'
        f'<v:textpath style="font-family:&quot;Times New Roman&quot;" string="{words}"/></v:shape></w:pict></w:r>')


def test_a_wordart_heading_is_read_once_as_a_bold_line_in_its_place(tmp_path):
    """A heading drawn as WordArt has no w:t: its words are the v:textpath's `string`. They
    are read in the WordArt's place, once (not from the fallback copy of a DrawingML box),
    bold as display lettering is, with their label."""
    word = docx.Document()
    word.add_paragraph("Thực hiện văn bản số 1683/BXD-PTDT, UBND tỉnh báo cáo như sau:")
    word.add_paragraph()._p.append(wordart("Nhóm vấn đề I: Hành trang ban đầu"))
    word.add_paragraph("Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công.")
    alternate = parse_xml(
        f'<w:r {nsdecls("w")} {MC_NS} {VML_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:t>II. Kết quả</w:t>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textpath string="II. Kết quả"/></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>')
    word.add_paragraph()._p.append(alternate)
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["Thực hiện văn bản số 1683/BXD-PTDT, UBND tỉnh báo cáo như sau:",
                           "Nhóm vấn đề I: Hành trang ban đầu", "Năm 2016, tỉnh đã đưa vào vận hành Cổng dịch vụ công.",
                           "II. Kết quả"]
    assert read.blocks[1].bold


GROUP_NS = ('xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')


def grouped_boxes(*boxes):
    """Word's Group in line: a wpg:wgp of text box shapes, each (x, y, width, height, words)."""
    shapes = "".join(
        f'<wps:wsp><wps:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm></wps:spPr>'
        f'<wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{words}</w:t></w:r></w:p></w:txbxContent>'
        '</wps:txbx></wps:wsp>' for x, y, cx, cy, words in boxes)
    return parse_xml(
        f'<w:r {nsdecls("w")} {GROUP_NS}><w:drawing><wp:inline><a:graphic><a:graphicData><wpg:wgp>{shapes}'
        '</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def test_text_boxes_grouped_side_by_side_are_one_line_left_to_right(tmp_path):
    """A heading's label in a rounded rectangle, its title in a box beside it, the two grouped:
    one line, the label in front, as the page shows it ("a) Những viên gạch", numbered "a)").
    Boxes of a group stacked one under another, or set far apart on a line (columns), stay
    lines of their own."""
    word = docx.Document()
    word.add_paragraph()._p.append(grouped_boxes((1584000, 0, 4248000, 396000, "Những viên gạch lót đường"),
                                                 (0, 0, 1512000, 396000, "a)")))
    word.add_paragraph()._p.append(grouped_boxes((0, 0, 4000000, 396000, "Ghi chú"),
                                                 (0, 500000, 4000000, 396000, "Số liệu đến 30/4")))
    word.add_paragraph()._p.append(grouped_boxes((0, 0, 1800000, 396000, "Số: 12/BC-UBND"),
                                                 (3600000, 0, 2400000, 396000, "Hà Nội, ngày 5 tháng 5")))
    read = read_docx(save(word, tmp_path))
    assert texts(read) == ["a) Những viên gạch lót đường", "Ghi chú", "Số liệu đến 30/4", "Số: 12/BC-UBND",
                           "Hà Nội, ngày 5 tháng 5"]
    assert read.blocks[0].number == "a)" and read.blocks[0].bold
