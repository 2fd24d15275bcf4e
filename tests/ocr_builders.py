"""Real files for the conversion and OCR tests: a Vietnamese .docx turned into .doc/.odt/.rtf
by LibreOffice, an .odt carrying a macro, and "scans" rendered with Pillow.

The scans follow shared/recipes/make_scanned_pdf.py: DejaVu Serif 13 pt on A4 at 300 dpi.
"""

from __future__ import annotations

import dataclasses
import math
import os
import random
import re
import subprocess
import tempfile
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

PARAGRAPH = (
    "Kinh phí thực hiện các nội dung liên quan tới phát triển đô thị thông minh "
    "được bố trí từ nguồn ngân sách nhà nước và các nguồn vốn hợp pháp khác. "
    "Ủy ban nhân dân tỉnh chỉ đạo Sở Thông tin và Truyền thông chủ trì, phối hợp "
    "với các sở, ngành liên quan tổng hợp báo cáo kết quả thực hiện trước ngày 15 tháng 12."
)
HEADING = "I. TÌNH HÌNH TRIỂN KHAI ĐÔ THỊ THÔNG MINH"
# Letters with two diacritics, and đ/Đ: the first to go when a font or encoding is wrong.
HARD_LETTERS = "Ường Ợ ỹ Đồng Nẵng Quảng Ngãi Thừa Thiên Huế"
TABLE = (
    ("Hạng mục", "Kinh phí (triệu đồng)"),
    ("Trung tâm IOC", "120.000"),
    ("Dịch vụ công trực tuyến", "15.500"),
)
AFTER_TABLE = "Trên đây là báo cáo của Ủy ban nhân dân tỉnh./."

DPI = 300
A4_INCHES = (8.27, 11.69)
SCAN_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",  # fonts-dejavu-core
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",  # fonts-liberation2
)


def build_vietnamese_docx(path: Path) -> Path:
    """A .docx with a heading, Vietnamese paragraphs and a bordered table."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    # The template's theme font (Cambria -> Caladea in LibreOffice) has no Vietnamese glyphs.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), "Times New Roman")
    document.add_paragraph(HEADING)
    document.add_paragraph(PARAGRAPH)
    document.add_paragraph(HARD_LETTERS)
    # "Table Grid": LibreOffice's .doc export drops a python-docx table with no style.
    table = document.add_table(rows=len(TABLE), cols=2, style="Table Grid")
    for row, values in zip(table.rows, TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    # A paragraph after the table, as Word always writes: LibreOffice 7.4 loses a table
    # that ends the document when it saves .doc.
    document.add_paragraph(AFTER_TABLE)
    document.save(path)
    return path


def soffice_convert(source: Path, fmt: str, out_dir: Path) -> Path:
    """LibreOffice's own conversion (not baocao's), to make the test inputs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-fixture-") as profile:
        subprocess.run(
            ["soffice", "--headless", "--norestore", "--nolockcheck", "--nodefault",
             f"-env:UserInstallation={Path(profile).as_uri()}", "--convert-to", fmt,
             "--outdir", str(out_dir), str(source)],
            env={**os.environ, "HOME": profile}, capture_output=True, timeout=120, check=False)
    out = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    assert out.is_file() and out.stat().st_size > 0, f"soffice did not make {out}"
    return out


def add_load_macro(odt: Path, out: Path, marker: Path) -> Path:
    """A copy of `odt` with a Basic macro, run when the document is opened, that writes `marker`.

    Checked by hand: LibreOffice opening this file (not converting it) with macro security
    set to low does write the marker, so the macro itself is sound.
    """
    with zipfile.ZipFile(odt) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["Basic/script-lc.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n'
        b'<library:libraries xmlns:library="http://openoffice.org/2000/library" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<library:library library:name="Standard" library:link="false"/></library:libraries>')
    parts["Basic/Standard/script-lb.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
        b'<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
        b'library:readonly="false" library:passwordprotected="false">'
        b'<library:element library:name="Module1"/></library:library>')
    parts["Basic/Standard/Module1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">Sub Main\n  Open "{marker}" For Output As #1\n'
        '  Print #1, "macro ran"\n  Close #1\nEnd Sub\n</script:module>').encode()
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
        for name in ("Basic/script-lc.xml", "Basic/Standard/script-lb.xml", "Basic/Standard/Module1.xml"))
    manifest = parts["META-INF/manifest.xml"].decode()
    parts["META-INF/manifest.xml"] = manifest.replace("</manifest:manifest>", entries + "</manifest:manifest>").encode()
    listener = (
        '<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" '
        'script:event-name="dom:load" xlink:type="simple" '
        'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document"/>'
        '</office:event-listeners></office:scripts>')
    content = parts["content.xml"].decode()
    content, found = re.subn(r"<office:scripts\s*/>", listener, content)
    if not found:
        content = content.replace("<office:font-face-decls>", listener + "<office:font-face-decls>", 1)
    parts["content.xml"] = content.encode()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"))  # first and stored: ODF requires it
        for name, data in parts.items():
            z.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out


def render_page(text: str = PARAGRAPH) -> Image.Image:
    """An A4 page at 300 dpi with `text` in 13 pt, as a flatbed scanner would give it."""
    width, height = int(A4_INCHES[0] * DPI), int(A4_INCHES[1] * DPI)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(next(f for f in SCAN_FONTS if Path(f).exists()), int(13 * DPI / 72))
    y = margin = DPI
    for line in textwrap.wrap(text, width=62):
        draw.text((margin, y), line, font=font, fill=0)
        y += int(13 * DPI / 72 * 1.5)
    return page


def write_scanned_pdf(path: Path, pages: int = 1, text: str = PARAGRAPH) -> Path:
    """An image-only PDF: no fonts, no text layer."""
    images = [render_page(text) for _ in range(pages)]
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return path


def join_pdfs(out: Path, *parts: Path) -> Path:
    subprocess.run(["pdfunite", *map(str, parts), str(out)], check=True, capture_output=True)  # poppler-utils
    return out


def running_processes_mentioning(text: str) -> list[str]:
    """Command lines of live (not zombie) processes that mention `text`, e.g. a test's tmp dir."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            state = (proc / "stat").read_text().rpartition(")")[2].split()[0]
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError):
            continue
        if text in cmdline and state not in ("Z", "X"):
            found.append(cmdline)
    return found


# ---------------------------------------------------------------------------------------
# A report page as a province scans it: letterhead, numbered headings (one long capitalised
# heading that wraps), body text with amounts, the sign-off with a red stamp over the
# signature. Used by tests/test_parse_ocr.py and bench/ocr.py; the text on the page is known
# line by line, in the order a reader of the page goes (left to right, top to bottom).
# ---------------------------------------------------------------------------------------

REPORT_FONTS = {
    False: "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",  # Times New Roman's metrics
    True: "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
}
STAMP_RED = (205, 32, 41)
REVERSE_BAND = (31, 56, 100)  # Word's "Blue, Accent 1, darker 50 %", a heading's dark shading
_MARGINS = (int(30 / 25.4 * DPI), int(20 / 25.4 * DPI))  # left, right: Nghị định 30/2020's layout
_TEXT_WIDTH = int(A4_INCHES[0] * DPI) - sum(_MARGINS)


@dataclass(frozen=True)
class PageLine:
    """One line of a page: `left` at the margin (or centred), `right` in the right-hand
    column of the letterhead or sign-off; `gap_before` in lines (a blank line)."""

    left: str
    right: str = ""
    bold: bool = False
    centred: bool = False
    size: float = 13
    gap_before: float = 0.0
    indent: bool = False  # a body paragraph's first line
    underlined: bool = False  # a rule under the whole line, the gaps between words too
    boxed: bool = False  # in a ruled box across the text column (a one-cell table)
    shaded: bool = False  # on a grey band across the text column, no rule round it (a paragraph's shading)
    framed: bool = False  # in a box ruled round it across the text column, on white paper (a paragraph's border)
    reverse: bool = False  # white letters on a dark blue band across the text column (a dark shading)
    lead: str = ""  # bold words drawn before `left` on the same line (a heading run into its paragraph)


def report_page_lines(wrapped_gap: float = 0.0, heading_numbers=("I.", "II.", "III.")) -> list[PageLine]:
    """Page 1 of a report on the outline: the letterhead, then items under Roman headings
    (the first a long capitalised heading wrapped onto two lines, `wrapped_gap` blank lines
    between them) and Arabic sub-headings, body text with diacritics and amounts."""
    one, two, three = heading_numbers
    return [
        PageLine("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12),
        PageLine("TỈNH QUẢNG NGÃI", "Độc lập - Tự do - Hạnh phúc", bold=True, size=12),
        PageLine("Số: 215/BC-UBND", "Quảng Ngãi, ngày 20 tháng 5 năm 2022", size=12, gap_before=0.6),
        PageLine("BÁO CÁO", bold=True, centred=True, size=14, gap_before=1.0),
        PageLine("Tình hình triển khai Đề án phát triển đô thị thông minh bền vững", bold=True, centred=True),
        *paragraph("Thực hiện Văn bản số 1683/BXD-PTDT ngày 10/5/2022 của Bộ Xây dựng, Ủy ban nhân dân "
                   "tỉnh Quảng Ngãi báo cáo như sau:", gap_before=0.8),
        PageLine(f"{one} CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950", bold=True, gap_before=0.5),
        PageLine("ĐƯỢC BAN HÀNH", bold=True, gap_before=wrapped_gap),
        *paragraph("Năm 2017, tỉnh đã đầu tư hệ thống hội nghị truyền hình trực tuyến kết nối 14 huyện, "
                   "thành phố với tổng kinh phí 12.350 triệu đồng; xây dựng cổng dịch vụ công trực tuyến "
                   "mức độ 3, 4 phục vụ người dân và doanh nghiệp."),
        PageLine(f"{two} THÔNG TIN CHUNG SAU KHI ĐỀ ÁN 950 ĐƯỢC BAN HÀNH", bold=True, gap_before=0.5),
        PageLine("1. Về quy hoạch, kiến trúc đô thị", bold=True),
        *paragraph("Tỉnh đã phê duyệt Đề án xây dựng đô thị thông minh tại Quyết định số 1205/QĐ-UBND "
                   "ngày 18/8/2020; thành phố Quảng Ngãi được chọn thí điểm giai đoạn 2020 - 2025."),
        PageLine("2. Về hạ tầng công nghệ thông tin", bold=True),
        *paragraph("Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh đã vận hành từ tháng 6/2021, "
                   "kinh phí đầu tư 45.800 triệu đồng, kết nối 21 sở, ngành và 13 huyện, thị xã."),
        PageLine(f"{three} TÌNH HÌNH TUYÊN TRUYỀN, TRIỂN KHAI KẾ HOẠCH HÀNH ĐỘNG", bold=True, gap_before=0.5),
        *paragraph("Sở Thông tin và Truyền thông đã tổ chức 06 hội nghị tuyên truyền, phổ biến về chuyển "
                   "đổi số và đô thị thông minh cho hơn 1.200 cán bộ, công chức, viên chức."),
    ]


def signoff_page_lines(heading_numbers=("IV.", "V.", "VI.")) -> list[PageLine]:
    """Page 2: the last items, the closing sentence and the sign-off, whose signature
    render_report_page(stamp=True) covers with the stamp."""
    four, five, six = heading_numbers
    return [
        PageLine(f"{four} KINH PHÍ THỰC HIỆN", bold=True),
        *paragraph("Tổng kinh phí thực hiện giai đoạn 2018 - 2022 là 58.150 triệu đồng, trong đó ngân sách "
                   "tỉnh 41.200 triệu đồng, ngân sách huyện 16.950 triệu đồng."),
        PageLine(f"{five} KHÓ KHĂN, VƯỚNG MẮC", bold=True, gap_before=0.5),
        *paragraph("Nguồn lực đầu tư còn hạn chế; đội ngũ cán bộ chuyên trách về công nghệ thông tin ở "
                   "cấp huyện, cấp xã còn thiếu và yếu; hạ tầng viễn thông vùng núi chưa đồng bộ."),
        PageLine(f"{six} ĐỀ XUẤT, KIẾN NGHỊ", bold=True, gap_before=0.5),
        *paragraph("Đề nghị Bộ Xây dựng sớm ban hành bộ tiêu chí đánh giá đô thị thông minh và hướng dẫn "
                   "lồng ghép nguồn vốn thực hiện Đề án 950 trong các chương trình mục tiêu quốc gia."),
        *paragraph("Trên đây là báo cáo của Ủy ban nhân dân tỉnh Quảng Ngãi./.", gap_before=0.5),
        PageLine("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", bold=True, size=12, gap_before=0.8),
        PageLine("- Bộ Xây dựng;", "KT. CHỦ TỊCH", bold=True, size=12),
        PageLine("- Lưu: VT, KT.", "PHÓ CHỦ TỊCH", bold=True, size=12),
        PageLine("", "Nguyễn Văn Thắng", bold=True, gap_before=4.0),
    ]


# Items under unnumbered bold headings in sentence case, as many provinces write them: on a
# scan only the ink tells these headings from the text (an OCR layer records no weight).
BOLD_HEADINGS = {
    1: "Các nội dung công việc đã triển khai trước khi có Đề án 950",
    2: "Thông tin chung về triển khai đô thị thông minh",
    3: "Công tác tuyên truyền và ban hành kế hoạch hành động",
    4: "Kinh phí thực hiện",
    5: "Khó khăn, vướng mắc",
    6: "Đề xuất, kiến nghị",
}
BOLD_HEADING_BODIES = {
    1: "Năm 2017, tỉnh đã đưa vào vận hành Cổng dịch vụ công trực tuyến với 307 thủ tục hành chính "
       "mức độ 3, 4 phục vụ người dân và doanh nghiệp.",
    2: "Hạ tầng cáp quang của tỉnh đã phủ tới 88% số xã, phường, thị trấn; Trung tâm điều hành thông "
       "minh vận hành từ tháng 6/2021.",
    3: "Sở Thông tin và Truyền thông đã tổ chức 06 hội nghị tuyên truyền về chuyển đổi số cho hơn "
       "1.200 cán bộ, công chức, viên chức.",
    4: "Tổng kinh phí thực hiện giai đoạn 2018 - 2022 là 58.150 triệu đồng, trong đó ngân sách tỉnh "
       "41.200 triệu đồng.",
    5: "Nguồn lực đầu tư còn hạn chế; đội ngũ cán bộ chuyên trách về công nghệ thông tin ở cấp huyện "
       "còn thiếu.",
    6: "Đề nghị Bộ Xây dựng sớm ban hành bộ tiêu chí đánh giá đô thị thông minh và hướng dẫn lồng "
       "ghép nguồn vốn.",
}


def bold_headings_page_lines() -> list[PageLine]:
    """One page: the letterhead, then the six items under unnumbered bold headings
    (BOLD_HEADINGS), each with a two-line paragraph (BOLD_HEADING_BODIES), and the closing."""
    lines = [
        PageLine("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12),
        PageLine("TỈNH QUẢNG NGÃI", "Độc lập - Tự do - Hạnh phúc", bold=True, size=12),
        PageLine("Số: 215/BC-UBND", "Quảng Ngãi, ngày 20 tháng 5 năm 2022", size=12, gap_before=0.6),
        PageLine("BÁO CÁO", bold=True, centred=True, size=14, gap_before=1.0),
        PageLine("Tình hình triển khai Đề án phát triển đô thị thông minh bền vững", bold=True, centred=True),
        *paragraph("Thực hiện Văn bản số 1683/BXD-PTDT ngày 10/5/2022 của Bộ Xây dựng, Ủy ban nhân dân "
                   "tỉnh Quảng Ngãi báo cáo như sau:", gap_before=0.8),
    ]
    for n, heading in BOLD_HEADINGS.items():
        lines += [PageLine(heading, bold=True, gap_before=0.5), *paragraph(BOLD_HEADING_BODIES[n])]
    return [*lines, *paragraph("Trên đây là báo cáo của Ủy ban nhân dân tỉnh Quảng Ngãi./.", gap_before=0.5)]


# Headings drawn with lines, as pasted from other programs: the first three underlined, with
# a wide space after the number (an ideographic space, U+3000, in the original), the last
# three each in a ruled box; not bold.
RULED_HEADINGS = {n: f"{n}." + ("\u3000" if n <= 3 else " ") + heading for n, heading in BOLD_HEADINGS.items()}


def ruled_headings_page_lines() -> list[PageLine]:
    """One page like bold_headings_page_lines, its headings numbered and drawn with lines
    (RULED_HEADINGS) instead of bold."""
    lines = bold_headings_page_lines()
    return [PageLine(RULED_HEADINGS[n].replace("\u3000", "    "), underlined=n <= 3, boxed=n > 3,
                     gap_before=line.gap_before)
            if line.bold and (n := next((k for k, h in BOLD_HEADINGS.items() if h == line.left), 0)) else line
            for line in lines]


# Headings led by dots to the margin (a right tab stop with a dot leader), bold, "Phần I:" to "Phần VI:".
LEADER_HEADINGS = {n: f"Phần {numeral}: {BOLD_HEADINGS[n]}"
                   for n, numeral in zip(BOLD_HEADINGS, ("I", "II", "III", "IV", "V", "VI"), strict=True)}


def leader_headings_page_lines() -> list[PageLine]:
    """One page like bold_headings_page_lines, its headings LEADER_HEADINGS, each led by dots to
    the right margin."""
    font = ImageFont.truetype(REPORT_FONTS[True], int(13 * DPI / 72))

    def led(heading: str) -> str:
        dots = int((_TEXT_WIDTH - font.getlength(heading)) // font.getlength("."))
        return heading + "." * dots

    headings = {heading: LEADER_HEADINGS[n] for n, heading in BOLD_HEADINGS.items()}
    return [dataclasses.replace(line, left=led(headings[line.left])) if line.bold and line.left in headings else line
            for line in bold_headings_page_lines()]


def paragraph(text: str, gap_before: float = 0.0, size: float = 13, lead: str = "") -> list[PageLine]:
    """A body paragraph broken into the lines that fit between the margins, the first indented
    and opening with `lead` in bold, if any."""
    font = ImageFont.truetype(REPORT_FONTS[False], int(size * DPI / 72))
    bold = ImageFont.truetype(REPORT_FONTS[True], int(size * DPI / 72))
    lines: list[PageLine] = []
    words = text.split()
    while words:
        room = _TEXT_WIDTH - (DPI // 2 if not lines else 0) - (bold.getlength(f"{lead} ") if lead and not lines else 0)
        count = len(words)
        while count > 1 and font.getlength(" ".join(words[:count])) > room:
            count -= 1
        lines.append(PageLine(" ".join(words[:count]), size=size, indent=not lines,
                              gap_before=gap_before if not lines else 0.0, lead=lead if not lines else ""))
        words = words[count:]
    return lines


def page_text(lines: list[PageLine]) -> str:
    """What a reader of the page reads, in order: each line's lead, left then right part."""
    return "\n".join(" ".join(part for part in (line.lead, line.left, line.right) if part) for line in lines)


def render_report_page(lines: list[PageLine], stamp: bool = False) -> Image.Image:
    """An A4 RGB page at 300 dpi; with `stamp`, a signature under the last line's right
    part and a red round stamp over its left third, as Vietnamese offices sign."""
    width, height = int(A4_INCHES[0] * DPI), int(A4_INCHES[1] * DPI)
    page = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    left, right = _MARGINS[0], width - _MARGINS[1]
    column = left + (right - left) * 0.42  # the right-hand column of letterhead and sign-off
    y = int(20 / 25.4 * DPI)
    for line in lines:
        font = ImageFont.truetype(REPORT_FONTS[line.bold], int(line.size * DPI / 72))
        step = int(line.size * DPI / 72 * 1.45)
        y += int(step * line.gap_before)
        if line.right:
            draw.text((left, y), line.left, font=font, fill=0)
            x = column + (right - column - font.getlength(line.right)) / 2
            if stamp and line is lines[-1]:
                _signature_and_stamp(page, (int(x), y), step)
            draw.text((x, y), line.right, font=font, fill=0)
        elif line.centred:
            draw.text(((left + right - font.getlength(line.left)) / 2, y), line.left, font=font, fill=0)
        else:
            x = left + (DPI // 2 if line.indent else 0)
            size = int(line.size * DPI / 72)
            if line.reverse:  # the band first, the letters in white over it
                draw.rectangle((left - size // 6, y - size // 8, right, y + int(size * 1.2)), fill=REVERSE_BAND)
            if line.lead:
                bold = ImageFont.truetype(REPORT_FONTS[True], int(line.size * DPI / 72))
                draw.text((x, y), line.lead, font=bold, fill=0)
                x += bold.getlength(f"{line.lead} ")
            draw.text((x, y), line.left, font=font, fill=(255, 255, 255) if line.reverse else 0)
            if line.underlined:
                under = y + int(size * 1.02)
                draw.line([(x, under), (x + font.getlength(line.left), under)], fill=0, width=max(2, size // 18))
            if line.framed:
                draw.rectangle((left - size // 6, y - size // 4, right, y + int(size * 1.35)), outline=0,
                               width=max(2, size // 18))
            if line.boxed or line.shaded:  # shaded grey, drawn under the words
                box = Image.new("RGB", page.size, (255, 255, 255))
                ImageDraw.Draw(box).rectangle((left - size // 6, y - size // 8, right, y + int(size * 1.2)),
                                              fill=(217, 217, 217), outline=0 if line.boxed else None,
                                              width=max(2, size // 18) if line.boxed else 0)
                page.paste(ImageChops.multiply(page, box))
        y += step
    return page


def _signature_and_stamp(page: Image.Image, name_at: tuple[int, int], step: int) -> None:
    """A pen scribble above the signer's name and the red stamp over its left part."""
    draw = ImageDraw.Draw(page)
    x, y = name_at
    points = [(x + 40 + i * 12, y - 2 * step + int(60 * ((i % 5) - 2) / 2)) for i in range(28)]
    draw.line(points, fill=(20, 30, 110), width=5, joint="curve")
    radius = int(19 / 25.4 * DPI)
    cx, cy = x + 10, y - int(2.3 * step)
    ink = Image.new("RGB", page.size, (255, 255, 255))
    pen = ImageDraw.Draw(ink)
    pen.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=STAMP_RED, width=12)
    pen.ellipse((cx - radius + 30, cy - radius + 30, cx + radius - 30, cy + radius - 30), outline=STAMP_RED, width=5)
    font = ImageFont.truetype(REPORT_FONTS[True], int(9 * DPI / 72))
    text = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI * "
    for i, ch in enumerate(text):  # the ring of text, letter by letter around the circle
        angle = -math.pi / 2 + 2 * math.pi * i / len(text)
        glyph = Image.new("L", (80, 80), 0)
        ImageDraw.Draw(glyph).text((40, 40), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        r = radius - 70
        ink.paste(STAMP_RED, (int(cx + r * math.cos(angle)) - 40, int(cy + r * math.sin(angle)) - 40), glyph)
    star = [(cx + (60 if k % 2 == 0 else 24) * math.cos(math.pi / 2 + k * math.pi / 5),
             cy - (60 if k % 2 == 0 else 24) * math.sin(math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    pen.polygon(star, fill=STAMP_RED)
    page.paste(ImageChops.multiply(page, ink))  # ink over ink: the text under the stamp stays dark


def two_up(left: Image.Image, right: Image.Image) -> Image.Image:
    """Two A4 pages side by side on one landscape A4 sheet, each reduced to fit, as a
    copier's 2-up setting prints them."""
    width, height = left.size
    sheet = Image.new("RGB", (height, width), (255, 255, 255))
    scale = min((height / 2) / width, width / height)
    for k, page in enumerate((left, right)):
        small = page.resize((int(width * scale), int(height * scale)), Image.LANCZOS)
        sheet.paste(small, (k * height // 2 + (height // 2 - small.width) // 2, (width - small.height) // 2))
    return sheet


def pale_copy_scan(page: Image.Image, path: Path, dpi: int, skew: float, seed: int) -> Path:
    """An image-only PDF of a 300 dpi page as a pale photocopy scanned in grey at `dpi`: a
    copy of a copy prints black as mid grey (118) and white as light grey, the copier adds
    dark specks (one in 15,000 pixels, darker than the ink), JPEG quality 35."""
    page = page.convert("L").resize((round(page.width * dpi / DPI), round(page.height * dpi / DPI)), Image.LANCZOS)
    page = page.point(lambda v: 118 + min(v, 236) * 100 // 255)
    page = page.rotate(skew, resample=Image.BICUBIC, fillcolor=page.getpixel((2, 2)))
    page = page.filter(ImageFilter.GaussianBlur(0.45))
    rnd = random.Random(seed)
    px = page.load()
    for _ in range(page.width * page.height // 15000):
        px[rnd.randrange(page.width), rnd.randrange(page.height)] = rnd.randrange(0, 160)
    page.save(path, "PDF", resolution=dpi, quality=35)
    return path


def scan_pages(pages: list[Image.Image], path: Path, dpi: int, skews: list[float], quality: int,
               seed: int, turned: set[int] = frozenset()) -> Path:
    """An image-only PDF of `pages` (300 dpi renderings) as a colour scanner at `dpi` gives
    them: resampled, each turned by its skew in degrees (pages in `turned` also upside
    down), a little blur and speckle, grey paper, stored as JPEG at `quality`."""
    rnd = random.Random(seed)
    scanned = []
    for number, (page, skew) in enumerate(zip(pages, skews, strict=True)):
        size = (round(page.width * dpi / DPI), round(page.height * dpi / DPI))
        page = page.resize(size, Image.LANCZOS).point(lambda v: min(v, 240))  # off-white paper
        page = page.rotate(skew + (180 if number in turned else 0), resample=Image.BICUBIC,
                           fillcolor=(240, 240, 240))
        page = page.filter(ImageFilter.GaussianBlur(0.5))
        px = page.load()
        for _ in range(size[0] * size[1] // 6000):
            v = rnd.randrange(60, 200)
            px[rnd.randrange(size[0]), rnd.randrange(size[1])] = (v, v, v)
        scanned.append(page)
    scanned[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=scanned[1:], quality=quality)
    return path
