"""The consolidated letter as a Word file: the content (`baocao.render.content.Report`)
laid out with python-docx over templates/report.docx, whose styles and page set-up
(Nghị định 30/2020/NĐ-CP) it keeps. A ministry's own report.docx given with --templates
changes the look, not the words; a style it lacks falls back to Normal.

The letter is one section; each annex is a section of its own starting on a new page,
its pages numbered from 1 (the number hidden on its first page, as on the letter's)."""

from __future__ import annotations

import io
import re
import zipfile
from importlib import resources
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from baocao.i18n import N_
from baocao.render.content import Annex, Block, Heading, Paragraph, Report, Table
from baocao.render.rows import RenderError

TEMPLATE = "report.docx"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 minus Nghị định 30's left and right margins

# Characters XML 1.0 cannot hold; a province's text copied from a PDF sometimes has them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PARAGRAPH_STYLES = {"body": "Normal", "quote": "Trích dẫn", "placeholder": "Ý kiến của Bộ", "note": "Ghi chú",
                     "excerpt": "Trích đoạn"}


def docx_template(templates: Path | None) -> tuple[str, bytes]:
    """(name to show, bytes) of report.docx: the one in `templates` if it has one, else the bundled one."""
    if templates is not None:
        own = Path(templates) / TEMPLATE
        if own.is_file():
            return str(own), own.read_bytes()
    bundled = resources.files("baocao") / "templates" / TEMPLATE
    return f"bundled {TEMPLATE}", bundled.read_bytes()


def write_docx(report: Report, out: Path, templates: Path | None = None) -> Path:
    """Lay `report` out in Word and write it to `out`. Returns `out`."""
    name, data = docx_template(templates)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise RenderError(N_("template {name} is not a Word (.docx) file ({reason}): save it from Word as .docx, "
                             "or leave --templates out to use the bundled one").format(name=name, reason=e)) from e
    _Writer(document).write(report)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


class _Writer:
    def __init__(self, document):
        self.doc = document
        # Style objects by name, looked up once: python-docx finds a style by name with a linear search.
        self.styles = {s.name: s for s in document.styles}
        body = document.element.body
        for child in list(body.iterchildren()):   # the template's own text, if any, goes
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def style(self, name: str):
        return self.styles.get(name) or self.styles["Normal"]

    def para(self, container, text: str = "", style: str = "Normal", *, bold=None, italic=None, size=None):
        p = container.add_paragraph()
        p._p.style = self.style(style).style_id   # by id: python-docx's lookup by style is slow
        if text:
            run = p.add_run(_clean(text))
            run.bold, run.italic = bold, italic
            if size is not None:
                run.font.size = Pt(size)
        return p

    def write(self, report: Report) -> None:
        self.title_block(report)
        for block in report.body:
            self.block(block)
        self.signature(report)
        for annex in report.annexes:
            self.annex(annex)

    # ------------------------------------------------------------------ the letter

    def title_block(self, report: Report) -> None:
        """Nghị định 30, Phụ lục I, mẫu 1.4 (công văn): issuer, number and subject left; national
        title, motto, place and date right, each name with a short rule under it."""
        t = report.title
        left_mm, right_mm = 62, TEXT_WIDTH_MM - 62
        table = self.doc.add_table(rows=1, cols=2)
        _borders(table, "nil")
        _fixed(table, [left_mm, right_mm])
        left, right = table.rows[0].cells
        _set(left, t.issuer, self.style("Thể thức"), bold=True)
        self.rule(left, 22, left_mm)
        self.para(left, t.number, "Thể thức")
        self.para(left, t.subject, "Thể thức", size=12)
        _set(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", self.style("Thể thức"), bold=True, size=12.5)
        self.para(right, "Độc lập - Tự do - Hạnh phúc", "Thể thức", bold=True, size=13)
        self.rule(right, 60, right_mm)
        place = self.para(right, t.place_date, "Thể thức", italic=True, size=14)
        place.paragraph_format.space_before = Pt(6)
        self.para(self.doc, "", "Thể thức")
        addressee = self.para(self.doc, t.addressee, "Thể thức", size=14)
        addressee.paragraph_format.space_after = Pt(12)

    def rule(self, cell, width_mm: float, cell_mm: float) -> None:
        """The short line under the issuer's name and under the motto: an empty paragraph with a
        top border, its indents making the line `width_mm` long, a little below the letters."""
        p = self.para(cell, "", "Thể thức")
        side = Mm((cell_mm - width_mm) / 2)
        fmt = p.paragraph_format
        fmt.left_indent = fmt.right_indent = side
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(5), Pt(3), Pt(3)
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            top.set(qn(k), v)
        borders.append(top)
        p_pr = p._p.get_or_add_pPr()
        p_pr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind",
                                   "w:jc", "w:rPr", "w:sectPr", "w:pPrChange")

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.para(self.doc, block.text, f"Heading {min(block.level, 3)}")
        elif isinstance(block, Paragraph):
            self.para(self.doc, block.text, _PARAGRAPH_STYLES.get(block.kind, "Normal"))
        else:
            self.table(block)

    def table(self, t: Table) -> None:
        if t.title:
            self.para(self.doc, t.title, "Tiêu đề mục phụ lục")
        if t.unit:
            self.para(self.doc, t.unit, "Đơn vị tính")
        cell_style, number_style = ("Bảng nhỏ", "Bảng nhỏ số") if t.small else ("Bảng", "Bảng số")
        table = self.doc.add_table(rows=1, cols=len(t.headers))
        if "Table Grid" in self.styles:
            table.style = self.styles["Table Grid"]
        else:
            _borders(table, "single")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = self.style("Bảng nhỏ tiêu đề" if t.small else "Bảng tiêu đề")
        for cell, text in zip(table.rows[0].cells, t.headers, strict=True):
            _set(cell, text, head)
        _row_property(table.rows[0], "w:tblHeader")
        for i, values in enumerate(t.rows):
            row = table.add_row()
            _row_property(row, "w:cantSplit")
            for cell, value, numeric in zip(row.cells, values, t.numeric, strict=True):
                _set(cell, value, self.style(number_style if numeric else cell_style), bold=i in t.bold_rows or None)
        _fixed(table, list(t.widths_mm))
        for i in t.spanning_rows:   # e.g. a region's name across the row, not wrapped in its narrow column
            last = max(k for k, value in enumerate(t.rows[i]) if value)
            cells = table.rows[i + 1].cells
            if last < len(cells) - 1:
                merged = cells[last].merge(cells[-1])
                for p in merged.paragraphs:
                    p._p.style = self.style(cell_style).style_id
        self.para(self.doc, "", "Bảng")  # room after the table

    def signature(self, report: Report) -> None:
        """The closing sentence, the recipients and the signer kept on one page: the sentence
        keeps with the table, whose one row cannot split; room for the signature above the name."""
        closing = self.para(self.doc, report.closing)
        closing.paragraph_format.keep_with_next = True
        spacer = self.para(self.doc, "", "Thể thức")
        spacer.paragraph_format.keep_with_next = True
        left_mm, right_mm = 85, TEXT_WIDTH_MM - 85
        table = self.doc.add_table(rows=1, cols=2)
        _borders(table, "nil")
        _fixed(table, [left_mm, right_mm])
        _row_property(table.rows[0], "w:cantSplit")
        left, right = table.rows[0].cells
        _set(left, "Nơi nhận:", self.style("Nơi nhận"), bold=True, italic=True, size=12)
        for line in report.signature.recipients:
            self.para(left, f"- {line}", "Nơi nhận")
        first, *rest = report.signature.authority
        _set(right, first, self.style("Thể thức"), bold=True, size=14)
        for line in rest:
            self.para(right, line, "Thể thức", bold=True, size=14)
        for _ in range(4):   # room for the signature and the seal
            self.para(right, "", "Thể thức")
        self.para(right, report.signature.name, "Thể thức", bold=True, size=14)
        for cell in (left, right):
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.keep_together = True

    # ------------------------------------------------------------------ annexes

    def annex(self, annex: Annex) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        number = section._sectPr.find(qn("w:pgNumType"))
        if number is None:
            number = OxmlElement("w:pgNumType")
            section._sectPr.append(number)
        number.set(qn("w:start"), "1")
        self.para(self.doc, f"Phụ lục {annex.number}", "Tiêu đề phụ lục")
        self.para(self.doc, annex.title, "Tiêu đề phụ lục")
        self.para(self.doc, annex.attached, "Kèm theo")
        for block in annex.blocks:
            self.block(block)


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
    table.autofit = False  # w:tblLayout fixed: the widths hold in Word and LibreOffice
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _row_property(row, tag: str) -> None:
    element = OxmlElement(tag)
    if tag == "w:tblHeader":
        element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _set(cell, text: str, style, *, bold=None, italic=None, size=None) -> None:
    p = cell.paragraphs[0]
    p._p.style = style.style_id
    if text:
        run = p.add_run(_clean(text))
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = Pt(size)
