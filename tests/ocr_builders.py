"""Real files for the conversion and OCR tests: a Vietnamese .docx turned into .doc/.odt/.rtf
by LibreOffice, an .odt carrying a macro, and "scans" rendered with Pillow.

The scans follow shared/recipes/make_scanned_pdf.py: DejaVu Serif 13 pt on A4 at 300 dpi.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import textwrap
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from PIL import Image, ImageDraw, ImageFont

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
