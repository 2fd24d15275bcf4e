"""Build templates/report.docx: the Word template of the consolidated report.

    python3 templates/make_report_docx.py            # rewrites templates/report.docx
    python3 templates/make_report_docx.py OUT.docx

The layout is that of an administrative letter (công văn) under Nghị định 30/2020/NĐ-CP,
Phụ lục I: A4, margins 20/20/30/15 mm, Times New Roman 14 pt, justified, first-line indent
1,27 cm, 6 pt between paragraphs, page numbers centred in the top margin from page 2,
the header block as a borderless two-column table. The text holds docxtpl tags
(Jinja2 inside Word: `{%p for ... %}` repeats paragraphs, `{%tr for ... %}` table rows)
over the same context as the HTML (`baocao.render.report.report_context`).

The ministry may edit report.docx in Word directly (wording, styles, margins) and give it
with --templates; this script only makes the committed file reproducible. It writes a
fixed creation date and a fixed document id, so two runs give the same document.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 minus the left and right margins

# --------------------------------------------------------------------------- styles


def _fonts(rpr_parent, name: str = FONT) -> None:
    """Times New Roman for every script, theme fonts removed: python-docx's default
    template uses Cambria/Calibri through the theme, which LibreOffice maps to Caladea,
    a font without Vietnamese."""
    rpr = rpr_parent.find(qn("w:rPr")) if not hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent.get_or_add_rPr()
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_parent.append(rpr)
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    rpr.insert(0, fonts)


def _black(style) -> None:
    style.font.color.rgb = RGBColor(0, 0, 0)
    color = style.element.get_or_add_rPr().find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        if color is not None and color.get(qn(attr)) is not None:
            del color.attrib[qn(attr)]


def _paragraph_style(doc, name: str, base: str | None = "Normal", *, size=None, bold=None, italic=None,
                     align=None, first_line=None, left=None, before=None, after=None, keep_next=None,
                     line=None, page_break_before=None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and style.name != base:
        style.base_style = styles[base]
    _fonts(style.element)
    style.font.name = FONT
    _black(style)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if first_line is not None:
        fmt.first_line_indent = first_line
    if left is not None:
        fmt.left_indent = left
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    if line is not None:
        fmt.line_spacing = line
    if page_break_before is not None:
        fmt.page_break_before = page_break_before
    return style


def _styles(doc) -> None:
    # Document defaults: Times New Roman, Vietnamese for the spelling checker.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _fonts(rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    rpr.append(lang)

    _paragraph_style(doc, "Normal", base=None, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=Cm(1.27),
                     before=0, after=6, line=1.0)
    # Headings of the body, numbered in their text ("1.", "2.3."): bold, at the indent.
    _paragraph_style(doc, "Heading 1", size=14, bold=True, italic=False, keep_next=True, before=6, after=6)
    _paragraph_style(doc, "Heading 2", size=14, bold=True, italic=False, keep_next=True, before=6, after=6)
    # A province's name above its text inside a section.
    _paragraph_style(doc, "Heading 3", size=14, bold=True, italic=True, keep_next=True, before=6, after=3)
    _paragraph_style(doc, "Tóm tắt mục", size=14, italic=True)
    _paragraph_style(doc, "Trích dẫn", size=13, left=Cm(0.5), after=4)
    _paragraph_style(doc, "Nguồn trích dẫn", size=12, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, first_line=Cm(0),
                     after=6)
    _paragraph_style(doc, "Tiêu đề phụ lục", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                     first_line=Cm(0), before=0, after=12, keep_next=True, page_break_before=True)
    _paragraph_style(doc, "Tiêu đề mục phụ lục", size=13, bold=True, first_line=Cm(0), before=6, after=6,
                     keep_next=True)
    # Table cells: no indent, tight.
    _paragraph_style(doc, "Bảng", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=Cm(0), before=2, after=2)
    _paragraph_style(doc, "Bảng số", base="Bảng", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "Bảng tiêu đề", base="Bảng", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, "Bảng nhỏ", base="Bảng", size=11)
    _paragraph_style(doc, "Bảng nhỏ tiêu đề", base="Bảng nhỏ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    # The header block and the signature: centred, no indent, no space.
    _paragraph_style(doc, "Thể thức", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0), before=0, after=0)
    _paragraph_style(doc, "Nơi nhận", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=Cm(0), before=0, after=0)
    _paragraph_style(doc, "Header", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0), before=0, after=0)
    table_grid = doc.styles["Table Grid"]
    _fonts(table_grid.element)


# --------------------------------------------------------------------------- helpers


def para(container, text: str = "", style: str = "Normal", *, bold=None, italic=None, size=None):
    """A paragraph with its text in one run, so docxtpl sees each tag whole."""
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = Pt(size)
    return p


def tag(container, text: str, style: str = "Normal"):
    """A paragraph holding only a {%p ... %} tag: docxtpl removes it on rendering."""
    return para(container, text, style)


def _borders(table, value: str) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), value)
        if value != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription")


def _fixed(table, widths_mm: list[float]) -> None:
    table.autofit = False  # w:tblLayout fixed: the widths below hold in Word and LibreOffice
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _set(cell, text: str, style: str) -> None:
    p = cell.paragraphs[0]
    p.style = style
    if text:
        p.add_run(text)


def _rule(cell, width_mm: float, cell_mm: float) -> None:
    """The short line under the issuer's name and under the motto (Nghị định 30: a
    horizontal line below, centred): an empty paragraph with a top border, its indents
    making the line `width_mm` long."""
    p = para(cell, "", "Thể thức")
    side = Mm((cell_mm - width_mm) / 2)
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(k), v)
    borders.append(top)
    p_pr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                               "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                               "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                               "w:sectPr", "w:pPrChange")
    # The empty paragraph's own height: a few points, so the line sits close to the text.
    p.paragraph_format.line_spacing = Pt(3)
    p.paragraph_format.space_after = Pt(4)


def _field(paragraph, instruction: str, placeholder: str = "2") -> None:
    """A Word field (PAGE) as begin/instrText/separate/result/end runs, which both Word
    and LibreOffice update on opening and on printing."""
    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    result = OxmlElement("w:t")
    result.text = placeholder
    run_with(result)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _grid_table(doc, headers: list[str], widths_mm: list[float], *, small: bool = False):
    """A bordered table with a repeated header row."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head_style = "Bảng nhỏ tiêu đề" if small else "Bảng tiêu đề"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _set(cell, text, head_style)
    _repeat_header(table.rows[0])
    return table


def _loop_rows(table, opening: str, cells: list[tuple[str, str]], closing: str = "{%tr endfor %}") -> None:
    """Three rows: the {%tr for %} tag, the repeated row, the {%tr endfor %} tag."""
    row = table.add_row()
    _set(row.cells[0], opening, "Bảng")
    row = table.add_row()
    _cant_split(row)
    for cell, (text, style) in zip(row.cells, cells, strict=True):
        _set(cell, text, style)
    row = table.add_row()
    _set(row.cells[0], closing, "Bảng")


def _total_row(table, cells: list[tuple[str, str]]) -> None:
    row = table.add_row()
    for cell, (text, style) in zip(row.cells, cells, strict=True):
        _set(cell, text, style)
        for run in cell.paragraphs[0].runs:
            run.bold = True


# --------------------------------------------------------------------------- document parts


def header_block(doc) -> None:
    """Nghị định 30/2020, Phụ lục I, mẫu 1.4 (công văn): issuer, number and subject left;
    national title, motto, place and date right."""
    left_mm, right_mm = 62, TEXT_WIDTH_MM - 62
    table = doc.add_table(rows=1, cols=2)
    _borders(table, "nil")
    _fixed(table, [left_mm, right_mm])
    left, right = table.rows[0].cells
    _set(left, "{{ report.issuer_upper }}", "Thể thức")
    left.paragraphs[0].runs[0].bold = True
    _rule(left, 22, left_mm)
    para(left, "Số:        /{{ report.number_suffix }}", "Thể thức")
    para(left, "{{ report.subject }}", "Thể thức", size=12)
    _set(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thể thức")
    right.paragraphs[0].runs[0].bold = True
    right.paragraphs[0].runs[0].font.size = Pt(12.5)
    para(right, "Độc lập - Tự do - Hạnh phúc", "Thể thức", bold=True, size=13)
    _rule(right, 60, right_mm)
    place = para(right, "{{ report.place }}, ngày      tháng      năm {{ report.year }}", "Thể thức",
                 italic=True, size=14)
    place.paragraph_format.space_before = Pt(6)


def status_part(doc) -> None:
    para(doc, "1. Tình hình báo cáo của các địa phương", "Heading 1")
    para(doc, "{{ prose.status }}")
    table = _grid_table(doc, ["Tình hình", "Số địa phương"], [110, 40])
    for label, key in (("Đã gửi báo cáo", "reported"), ("- Đúng hạn", "on_time"), ("- Quá hạn", "late"),
                       ("- Không đọc được nội dung", "unreadable"), ("Chưa gửi báo cáo", "missing")):
        row = table.add_row()
        _set(row.cells[0], label, "Bảng")
        _set(row.cells[1], f"{{{{ summary.{key} }}}}", "Bảng số")
    _total_row(table, [("Tổng số", "Bảng"), ("{{ summary.total }}", "Bảng số")])
    _fixed(table, [110, 40])
    para(doc, "", "Bảng")  # room after the table
    for name, text in (
        ("late", "- Gửi sau thời hạn ({{ late|length }}): {% for p in late %}{{ p.province }} "
                 "({{ p.received_text }}){{ ', ' if not loop.last else '.' }}{% endfor %}"),
        ("unreadable", "- Chưa đọc được nội dung ({{ unreadable|length }}): {% for p in unreadable %}"
                       "{{ p.province }}{{ ', ' if not loop.last else '' }}{% endfor %} (chi tiết tại Phụ lục II)."),
        ("missing", "- Chưa gửi báo cáo ({{ missing|length }}): {% for p in missing %}{{ p.province }}"
                    "{{ ', ' if not loop.last else '.' }}{% endfor %}"),
        ("corrected", "- Gửi bản sửa đổi, bổ sung, nội dung tổng hợp theo bản sau cùng ({{ corrected|length }}): "
                      "{% for p in corrected %}{{ p.province }}{{ ', ' if not loop.last else '.' }}{% endfor %}"),
    ):
        tag(doc, f"{{%p if {name} %}}")
        para(doc, text)
        tag(doc, "{%p endif %}")


def funding_part(doc) -> None:
    para(doc, "Số liệu kinh phí do các địa phương tự báo cáo, chưa được thẩm định: "
              "{{ funding.total.with_data }}/{{ funding.total.provinces }} tỉnh, thành phố nêu được tổng kinh phí"
              "{% if funding.sources %}; trong đó phần nêu rõ nguồn: {% for g in funding.sources %}{{ g.label }} "
              "{{ g.ty_text }} đồng ({{ g.provinces }} địa phương){{ ', ' if not loop.last else '' }}{% endfor %}"
              "{% endif %}.")
    tag(doc, "{%p if funding.rows %}")
    para(doc, "Bảng 1. Kinh phí theo địa phương", "Tiêu đề mục phụ lục").alignment = WD_ALIGN_PARAGRAPH.CENTER
    widths = [13, 37, 47, 45, 23]
    table = _grid_table(doc, ["STT", "Tỉnh, thành phố", "Vùng", "Kinh phí (đồng)", "Tỷ đồng"], widths)
    _loop_rows(table, "{%tr for r in funding.rows %}", [
        ("{{ loop.index }}", "Bảng"), ("{{ r.province }}", "Bảng"), ("{{ r.region }}", "Bảng"),
        ("{{ r.vnd_text }}", "Bảng số"), ("{{ r.ty_text }}", "Bảng số")])
    _total_row(table, [("", "Bảng"), ("Tổng cộng", "Bảng"), ("{{ funding.total.with_data }} địa phương", "Bảng"),
                       ("{{ funding.total.vnd_text }}", "Bảng số"), ("{{ funding.total.ty_text }}", "Bảng số")])
    _fixed(table, widths)
    tag(doc, "{%p endif %}")
    para(doc, "Bảng 2. Tổng hợp kinh phí theo vùng", "Tiêu đề mục phụ lục").alignment = WD_ALIGN_PARAGRAPH.CENTER
    widths = [72, 25, 45, 23]
    table = _grid_table(doc, ["Vùng", "Địa phương có số liệu", "Kinh phí (đồng)", "Tỷ đồng"], widths)
    _loop_rows(table, "{%tr for g in funding.regions %}", [
        ("{{ g.region }}", "Bảng"), ("{{ g.with_data }}/{{ g.provinces }}", "Bảng số"),
        ("{{ g.vnd_text }}", "Bảng số"), ("{{ g.ty_text }}", "Bảng số")])
    _total_row(table, [("Cả nước", "Bảng"), ("{{ funding.total.with_data }}/{{ funding.total.provinces }}", "Bảng số"),
                       ("{{ funding.total.vnd_text }}", "Bảng số"), ("{{ funding.total.ty_text }}", "Bảng số")])
    _fixed(table, widths)
    para(doc, "", "Bảng")


def sections_part(doc) -> None:
    para(doc, "2. Tổng hợp nội dung báo cáo của các địa phương theo đề cương", "Heading 1")
    tag(doc, "{%p for s in sections %}")
    para(doc, "2.{{ s.number }}. {{ s.heading }}", "Heading 2")
    para(doc, "{{ s.synthesis }}.", "Tóm tắt mục")
    tag(doc, "{%p for e in s.entries %}")
    para(doc, "{{ e.full_name }}{% if e.corrected %} (bản sửa đổi, bổ sung){% endif %}", "Heading 3")
    tag(doc, "{%p for p in e.paragraphs %}")
    para(doc, "{{ p }}", "Trích dẫn")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ e.attribution }}", "Nguồn trích dẫn")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if s.number == funding.section_number %}")
    funding_part(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if funding.section_number is none %}")
    para(doc, "3. Tổng hợp kinh phí", "Heading 1")
    funding_part(doc)
    tag(doc, "{%p endif %}")


def signature(doc) -> None:
    para(doc, "{{ prose.closing }}")
    left_mm, right_mm = 85, TEXT_WIDTH_MM - 85
    para(doc, "", "Thể thức")
    table = doc.add_table(rows=1, cols=2)
    _borders(table, "nil")
    _fixed(table, [left_mm, right_mm])
    left, right = table.rows[0].cells
    _set(left, "Nơi nhận:", "Nơi nhận")
    left.paragraphs[0].runs[0].bold = True
    left.paragraphs[0].runs[0].italic = True
    left.paragraphs[0].runs[0].font.size = Pt(12)
    tag(left, "{%p for r in prose.recipients %}", "Nơi nhận")
    para(left, "- {{ r }}", "Nơi nhận")
    tag(left, "{%p endfor %}", "Nơi nhận")
    _set(right, "KT. BỘ TRƯỞNG", "Thể thức")
    right.paragraphs[0].runs[0].bold = True
    right.paragraphs[0].runs[0].font.size = Pt(14)
    para(right, "THỨ TRƯỞNG", "Thể thức", bold=True, size=14)


def annexes(doc) -> None:
    para(doc, "Phụ lục I\nDANH SÁCH ĐỊA PHƯƠNG CHƯA GỬI BÁO CÁO", "Tiêu đề phụ lục")
    tag(doc, "{%p if missing %}")
    widths = [15, 90, 60]
    table = _grid_table(doc, ["STT", "Tỉnh, thành phố", "Vùng"], widths)
    _loop_rows(table, "{%tr for p in missing %}", [
        ("{{ loop.index }}", "Bảng"), ("{{ p.full_name }}", "Bảng"), ("{{ p.region }}", "Bảng")])
    _fixed(table, widths)
    tag(doc, "{%p else %}")
    para(doc, "Tất cả {{ summary.total }} tỉnh, thành phố đã gửi báo cáo.")
    tag(doc, "{%p endif %}")

    para(doc, "Phụ lục II\nBÁO CÁO KHÔNG ĐỌC ĐƯỢC VÀ LỖI GHI NHẬN KHI XỬ LÝ", "Tiêu đề phụ lục")
    para(doc, "1. Báo cáo không đọc được nội dung", "Tiêu đề mục phụ lục")
    tag(doc, "{%p if unreadable %}")
    widths = [35, 28, 52, 50]
    table = _grid_table(doc, ["Tỉnh, thành phố", "Thời điểm nhận", "Thư, tệp", "Lý do"], widths, small=True)
    _loop_rows(table, "{%tr for p in unreadable %}", [
        ("{{ p.full_name }}", "Bảng nhỏ"), ("{{ p.received_text }}", "Bảng nhỏ"),
        ("{{ p.message_id }}{% if p.file %}, {{ p.file }}{% endif %}", "Bảng nhỏ"), ("{{ p.error }}", "Bảng nhỏ")])
    _fixed(table, widths)
    tag(doc, "{%p else %}")
    para(doc, "Không có.")
    tag(doc, "{%p endif %}")
    para(doc, "2. Lỗi ghi nhận khi xử lý hộp thư", "Tiêu đề mục phụ lục")
    tag(doc, "{%p if errors %}")
    widths = [22, 15, 40, 25, 33, 30]
    table = _grid_table(doc, ["Thời điểm", "Bước", "Thư", "Tệp", "Sự việc", "Cách xử lý"], widths, small=True)
    _loop_rows(table, "{%tr for e in errors %}", [
        ("{{ e.at_text }}", "Bảng nhỏ"), ("{{ e.stage }}", "Bảng nhỏ"),
        ("{{ e.sender }}{% if e.subject %}: {{ e.subject }}{% endif %}{% if e.message_id %} {{ e.message_id }}"
         "{% endif %}", "Bảng nhỏ"),
        ("{{ e.file }}", "Bảng nhỏ"), ("{{ e.what }}", "Bảng nhỏ"), ("{{ e.action }}", "Bảng nhỏ")])
    _fixed(table, widths)
    tag(doc, "{%p else %}")
    para(doc, "Không có.")
    tag(doc, "{%p endif %}")

    para(doc, "Phụ lục III\nDANH MỤC THƯ VÀ TỆP NGUỒN", "Tiêu đề phụ lục")
    tag(doc, "{%p if sources %}")
    widths = [36, 20, 27, 10, 40, 32]
    table = _grid_table(doc, ["Tỉnh, thành phố", "Tình hình", "Thời điểm nhận", "Số BC", "Message-ID", "Tệp"],
                        widths, small=True)
    _loop_rows(table, "{%tr for s in sources %}", [
        ("{{ s.full_name }}", "Bảng nhỏ"),
        ("{{ s.status_label }}{% if s.corrected %} (bản sửa đổi){% endif %}", "Bảng nhỏ"),
        ("{{ s.received_text }}", "Bảng nhỏ"), ("{{ s.reports }}", "Bảng nhỏ"),
        ("{{ s.message_id }}", "Bảng nhỏ"), ("{{ s.file }}", "Bảng nhỏ")])
    _fixed(table, widths)
    tag(doc, "{%p else %}")
    para(doc, "Chưa có thư nào.")
    tag(doc, "{%p endif %}")


def page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    # 851 twips, not Mm(15) = 850: rounding down would put the margin under 15 mm.
    section.left_margin, section.right_margin = Mm(30), Twips(851)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # Nghị định 30: page numbers centred in the top margin, none on the first page.
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    first.style = doc.styles["Header"]
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    _field(header, "PAGE")


def build(out: Path) -> Path:
    doc = Document()
    _styles(doc)
    page_setup(doc)
    body = doc.element.body
    # python-docx's template starts with one empty paragraph; drop it.
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    header_block(doc)
    para(doc, "", "Thể thức")
    addressee = para(doc, "Kính gửi: {{ report.addressee }}.", "Thể thức", size=14)
    addressee.paragraph_format.space_after = Pt(12)
    tag(doc, "{%p for sentence in prose.opening %}")
    para(doc, "{{ sentence }}")
    tag(doc, "{%p endfor %}")
    status_part(doc)
    sections_part(doc)
    signature(doc)
    annexes(doc)

    props = doc.core_properties
    props.title = "Dự thảo báo cáo tổng hợp"
    props.author = props.last_modified_by = "baocao"
    props.comments = "Mẫu docxtpl (Jinja2 trong Word): baocao điền các thẻ khi xuất báo cáo."
    props.created = props.modified = datetime(2022, 6, 1, tzinfo=timezone.utc)
    props.revision = 1
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    _fixed_zip(buffer.getvalue(), out)
    return out


def _fixed_zip(data: bytes, out: Path) -> None:
    """The same package with every member dated 1980-01-01, so rebuilding gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("report.docx")
    print(build(out))


if __name__ == "__main__":
    main(sys.argv)
