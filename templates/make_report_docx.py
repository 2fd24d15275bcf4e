"""Build templates/report.docx: the Word template of the consolidated report.

    python3 templates/make_report_docx.py            # rewrites templates/report.docx
    python3 templates/make_report_docx.py OUT.docx

The template holds the layout of an administrative letter (công văn) under Nghị định
30/2020/NĐ-CP, Phụ lục I, and no text: A4, margins 20/20/30/15 mm, Times New Roman 14 pt
named for every script, justified, first-line indent 1,27 cm, 6 pt between paragraphs,
page numbers centred in the top margin from page 2, and the named styles the writer
(`baocao.render.docx`) gives each part of the letter. The writer opens it, keeps its
styles and page set-up, and writes the letter's content into it.

The ministry may change the styles and margins in Word and give the file with
--templates; this script only makes the committed file reproducible. It writes a
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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

FONT = "Times New Roman"

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
    # A province's words, with their citation, inside the synthesis.
    _paragraph_style(doc, "Trích dẫn", size=14, italic=True)
    # Where the reviewer writes the ministry's own view.
    _paragraph_style(doc, "Ý kiến của Bộ", size=14, italic=True, bold=True)
    # Notes under the annexes' tables, and the annexes' item lines.
    _paragraph_style(doc, "Ghi chú", size=12, italic=True, first_line=Cm(0), after=3)
    _paragraph_style(doc, "Trích đoạn", size=13, after=3)
    _paragraph_style(doc, "Kèm theo", size=14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0),
                     before=0, after=12)
    _paragraph_style(doc, "Đơn vị tính", size=12, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, first_line=Cm(0),
                     before=0, after=2)
    _paragraph_style(doc, "Tiêu đề phụ lục", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                     first_line=Cm(0), before=0, after=0, keep_next=True)
    _paragraph_style(doc, "Tiêu đề mục phụ lục", size=13, bold=True, first_line=Cm(0), before=6, after=6,
                     keep_next=True)
    # Table cells: no indent, tight.
    _paragraph_style(doc, "Bảng", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=Cm(0), before=2, after=2)
    _paragraph_style(doc, "Bảng số", base="Bảng", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "Bảng tiêu đề", base="Bảng", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, "Bảng nhỏ", base="Bảng", size=11)
    _paragraph_style(doc, "Bảng nhỏ số", base="Bảng nhỏ", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "Bảng nhỏ tiêu đề", base="Bảng nhỏ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    # The header block and the signature: centred, no indent, no space.
    _paragraph_style(doc, "Thể thức", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0), before=0, after=0)
    _paragraph_style(doc, "Nơi nhận", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=Cm(0), before=0, after=0)
    _paragraph_style(doc, "Header", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=Cm(0), before=0, after=0)
    table_grid = doc.styles["Table Grid"]
    _fonts(table_grid.element)


# --------------------------------------------------------------------------- page


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

    props = doc.core_properties
    props.title = "Dự thảo báo cáo tổng hợp"
    props.author = props.last_modified_by = "baocao"
    props.comments = "Mẫu trình bày (kiểu chữ, lề trang): baocao viết nội dung báo cáo vào đây."
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
