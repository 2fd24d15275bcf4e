"""Real .docx reports for the parse tests, written with python-docx.

One report, rendered in each way provinces number their headings (`FORMATS`): the
content is fixed below so that tests can state exact section texts; only the heading
style changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FORMATS = ("heading_styles", "bold_roman", "bold_arabic", "all_caps", "auto_roman", "auto_list_number")

LETTERHEAD_ROWS = (
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
    ("Số: 123/BC-UBND", "Quảng Ninh, ngày 27 tháng 5 năm 2022"),
)
TITLE = "BÁO CÁO"
SUBJECT = "Tình hình triển khai đô thị thông minh trên địa bàn tỉnh Quảng Ninh"  # words of item 2 on purpose
INTRO = "Thực hiện văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng, UBND tỉnh Quảng Ninh báo cáo như sau:"
CLOSING = "Trên đây là báo cáo tình hình triển khai đô thị thông minh của UBND tỉnh Quảng Ninh./."
SIGNATURE_ROW = (
    "Nơi nhận:\n- Bộ Xây dựng (b/c);\n- Lưu: VT, XD.",
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A",
)
FUNDING_TABLE = (
    ("Hạng mục", "Kinh phí (triệu đồng)"),
    ("Trung tâm IOC", "120.000"),
    ("Dịch vụ công trực tuyến", "15.500"),
)


@dataclass(frozen=True)
class Sub:
    """A sub-heading inside a part."""

    text: str


@dataclass(frozen=True)
class Rows:
    """A table inside a part."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Part:
    """A top-level part of the report: its heading words (the number comes from the
    format) and its content: paragraphs (str), sub-headings and tables."""

    heading: str
    content: tuple[str | Sub | Rows, ...]


BEFORE_950 = Part(
    "Các nội dung công việc đã triển khai trước khi Đề án 950 được ban hành",
    ("Năm 2017, tỉnh đã xây dựng hệ thống một cửa điện tử.",),
)
GENERAL_INFO = Part(
    "Thông tin chung về triển khai đô thị thông minh",
    (
        Sub("Đề án đô thị thông minh của tỉnh"),
        "UBND tỉnh phê duyệt Đề án tại Quyết định số 1234/QĐ-UBND.",
        Sub("Kinh phí đầu tư Trung tâm IOC"),  # words of item 4, but a sub-heading of item 2
        "Trung tâm IOC được đầu tư từ ngân sách tỉnh.",
    ),
)
COMMUNICATION = Part("Công tác tuyên truyền, ban hành kế hoạch", ("Tỉnh ban hành Kế hoạch số 45/KH-UBND.",))
FUNDING = Part(
    "Kinh phí thực hiện",
    ("Tổng kinh phí như sau:", Rows(FUNDING_TABLE), "Nguồn vốn chủ yếu từ ngân sách tỉnh."),
)
DIFFICULTIES = Part(
    "Khó khăn, vướng mắc",
    (Sub("Về nguồn lực"), "Kinh phí còn hạn chế, đề nghị Trung ương hỗ trợ."),
)
PROPOSALS = Part("Đề xuất, kiến nghị", ("Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn.",))
DIFFICULTIES_AND_PROPOSALS = Part(
    "Khó khăn, vướng mắc và đề xuất, kiến nghị",
    ("Kinh phí còn hạn chế.", "Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn."),
)
OWN_PART = Part("Phương hướng nhiệm vụ thời gian tới", ("Tiếp tục hoàn thiện Trung tâm IOC.",))

STANDARD = (BEFORE_950, GENERAL_INFO, COMMUNICATION, FUNDING, DIFFICULTIES, PROPOSALS, OWN_PART)
MERGED_5_6 = (BEFORE_950, GENERAL_INFO, COMMUNICATION, FUNDING, DIFFICULTIES_AND_PROPOSALS, OWN_PART)
WITHOUT_FIRST = (GENERAL_INFO, COMMUNICATION, FUNDING, DIFFICULTIES, PROPOSALS, OWN_PART)

ROMAN_LIST = 90  # numId/abstractNumId of the auto-numbered heading list added to the template
_ROMAN_LIST_XML = f"""
<w:abstractNum {nsdecls('w')} w:abstractNumId="{ROMAN_LIST}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>"""


def letterhead_of(province: str, number: str = "123/BC-UBND") -> tuple[tuple[str, str], ...]:
    """The letterhead rows of another province's reply: 'THANH HÓA' gives 'ỦY BAN NHÂN DÂN / TỈNH THANH HÓA'."""
    return (("ỦY BAN NHÂN DÂN\nTỈNH " + province.upper(), LETTERHEAD_ROWS[0][1]),
            (f"Số: {number}", f"{province.title()}, ngày 27 tháng 5 năm 2022"))


def build_report(path: Path, fmt: str = "bold_roman", parts: tuple[Part, ...] = STANDARD,
                 letterhead: tuple[tuple[str, str], ...] = LETTERHEAD_ROWS) -> Path:
    """A whole provincial reply: letterhead table, title, intro, the parts, sign-off."""
    document = docx.Document()
    if fmt == "auto_roman":
        add_list(document, ROMAN_LIST, _ROMAN_LIST_XML)
    write_letterhead(document, title_style="Title" if fmt == "heading_styles" else None, rows=letterhead)
    for position, part in enumerate(parts, start=1):
        _write_heading(document, fmt, 1, (position,), part.heading)
        sub_position = 0
        for item in part.content:
            if isinstance(item, Sub):
                sub_position += 1
                _write_heading(document, fmt, 2, (position, sub_position), item.text)
            elif isinstance(item, Rows):
                add_table(document, item.rows)
            else:
                document.add_paragraph(item)
    write_signoff(document)
    document.save(path)
    return path


@dataclass(frozen=True)
class Bold:
    """A bold line written exactly as given, its number typed in: a heading of a ladder
    the test spells out itself ("PHẦN I.", "A.", "1." under one "I.")."""

    text: str


def build_lines(path: Path, lines: tuple[str | Bold, ...], covering_sentence: bool = True) -> Path:
    """A whole reply whose body is `lines` as written (Bold for heading lines, str for
    body text), between the usual letterhead and sign-off."""
    document = docx.Document()
    write_letterhead(document, intro=covering_sentence)
    for line in lines:
        if isinstance(line, Bold):
            _bold(document, line.text)
        else:
            document.add_paragraph(line)
    write_signoff(document)
    document.save(path)
    return path


def build_blank_outline(path: Path) -> Path:
    """The ministry's outline as it sends it out: its own header, the six headings, nothing under them."""
    document = docx.Document()
    add_table(document, (("BỘ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),))
    document.add_paragraph().add_run("ĐỀ CƯƠNG BÁO CÁO").bold = True
    document.add_paragraph("(Kèm theo văn bản số 1683/BXD-PTDT ngày 16/5/2022 của Bộ Xây dựng)")
    for position, part in enumerate(STANDARD[:6], start=1):
        _write_heading(document, "bold_roman", 1, (position,), part.heading)
    document.save(path)
    return path


def write_letterhead(document, title_style: str | None = None, rows=LETTERHEAD_ROWS, intro: bool = True) -> None:
    add_table(document, rows)  # no table style: borderless, as in real letterheads
    title = document.add_paragraph(style=title_style)
    title.add_run(TITLE).bold = True
    document.add_paragraph().add_run(SUBJECT).bold = True
    if intro:
        document.add_paragraph(INTRO)


def write_signoff(document) -> None:
    document.add_paragraph(CLOSING)
    add_table(document, (SIGNATURE_ROW,))


def add_table(container, rows) -> None:
    """A table whose cells hold one paragraph per line of their text."""
    table = container.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=False):
            first, *more = text.split("\n")
            cell.text = first
            for line in more:
                cell.add_paragraph(line)


def add_list(document, num_id: int, abstract_xml: str) -> None:
    """Add a list definition (w:abstractNum + w:num) to the document's numbering.xml."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    abstract_id = abstract.get(qn("w:abstractNumId"))
    num = f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    numbering.append(parse_xml(num))


def number_paragraph(paragraph, num_id: int, level: int = 0) -> None:
    """Put a paragraph in a Word list (w:numPr): Word draws the number, the text has none."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _write_heading(document, fmt: str, level: int, position: tuple[int, ...], text: str) -> None:
    index = position[-1]
    if fmt == "heading_styles":
        document.add_heading(text, level)
    elif fmt == "bold_roman":
        label = f"{roman(index)}." if level == 1 else f"{index}."
        _bold(document, f"{label} {text.upper() if level == 1 else text}")
    elif fmt == "bold_arabic":
        _bold(document, f"{'.'.join(map(str, position))}. {text}")
    elif fmt == "all_caps":
        document.add_paragraph(text.upper() if level == 1 else f"{'abcdefgh'[index - 1]}) {text}")
    elif fmt == "auto_roman":
        paragraph = _bold(document, text.upper() if level == 1 else text)
        number_paragraph(paragraph, ROMAN_LIST, level - 1)
    elif fmt == "auto_list_number":
        if level == 1:
            document.add_paragraph(style="List Number").add_run(text).bold = True
        else:
            _bold(document, f"{'abcdefgh'[index - 1]}) {text}")
    else:
        raise ValueError(f"unknown format {fmt}")


def _bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1]


# How each format writes the heading of item 4 (the fourth part) and the label of the
# second sub-heading of item 2.
FUNDING_HEADING = {
    "heading_styles": "Kinh phí thực hiện",
    "bold_roman": "IV. KINH PHÍ THỰC HIỆN",
    "bold_arabic": "4. Kinh phí thực hiện",
    "all_caps": "KINH PHÍ THỰC HIỆN",
    "auto_roman": "IV. KINH PHÍ THỰC HIỆN",
    "auto_list_number": "4. Kinh phí thực hiện",
}
SUB_LABELS = {
    "heading_styles": ("", ""),
    "bold_roman": ("1. ", "2. "),
    "bold_arabic": ("2.1. ", "2.2. "),
    "all_caps": ("a) ", "b) "),
    "auto_roman": ("1. ", "2. "),
    "auto_list_number": ("a) ", "b) "),
}


# Item 4 as a reader must give it back: the table in reading order, one row a line.
FUNDING_TEXT = ("Tổng kinh phí như sau:\n"
                "Hạng mục | Kinh phí (triệu đồng)\n"
                "Trung tâm IOC | 120.000\n"
                "Dịch vụ công trực tuyến | 15.500\n"
                "Nguồn vốn chủ yếu từ ngân sách tỉnh.")


def general_info_text(fmt: str) -> str:
    """Item 2 as a reader must give it back from format fmt: its sub-headings, numbered
    as that format numbers them, stay inside it."""
    first, second = SUB_LABELS[fmt]
    return (f"{first}Đề án đô thị thông minh của tỉnh\n"
            "UBND tỉnh phê duyệt Đề án tại Quyết định số 1234/QĐ-UBND.\n"
            f"{second}Kinh phí đầu tư Trung tâm IOC\n"
            "Trung tâm IOC được đầu tư từ ngân sách tỉnh.")
