"""Real PDF reports for the PDF tests, made two ways.

* `reports_as_pdf`: the .docx reports of tests/docx_builders.py, given what an exported
  provincial report has (Times New Roman, a running header, "Trang N" in the footer, a
  ruled funding table, parts starting on new pages), exported by LibreOffice as Word
  would. Exact section texts come from docx_builders.
* `draw_pdf`: lines drawn one by one with reportlab, for what LibreOffice does not do
  on demand: a hyphen at a line end, a paragraph running over a page break, decomposed
  (NFD) text, a scanned page, a password.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_builders import FUNDING_TABLE, STANDARD, build_report

from baocao.parse.labels import strip_label

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
RUNNING_HEADER = "UBND tỉnh Quảng Ninh - Báo cáo đô thị thông minh"
# Parts that start on a new page, so each section's page is known: II on 2, IV on 3, VI on 4.
NEW_PAGE_BEFORE = (2, 4, 6)


# -- .docx exported by LibreOffice -------------------------------------------------------


def reports_as_pdf(outdir: Path, formats: tuple[str, ...], parts=STANDARD) -> dict[str, Path]:
    """One PDF per heading format, all exported in a single LibreOffice run."""
    outdir.mkdir(parents=True, exist_ok=True)
    sources = [exported_like_word(build_report(outdir / f"{fmt}.docx", fmt, parts)) for fmt in formats]
    convert_to_pdf(sources, outdir)
    return {fmt: outdir / f"{fmt}.pdf" for fmt in formats}


def exported_like_word(path: Path) -> Path:
    """Give the report what a province's Word file has before it is exported."""
    document = docx.Document(str(path))
    _use_times_new_roman(document)
    _rule_funding_table(document)
    _start_parts_on_new_pages(document)
    _add_running_header_and_page_numbers(document)
    document.save(str(path))
    return path


def convert_to_pdf(sources: list[Path], outdir: Path) -> None:
    """LibreOffice headless with a private profile (parallel runs must not share one);
    its exit status says nothing, so the outputs are checked."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed: run `bash tests/setup.sh` first")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
             f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf:writer_pdf_Export",
             "--outdir", str(outdir), *map(str, sources)],
            env={**os.environ, "HOME": profile},
            check=True, capture_output=True, timeout=300,
        )
    missing = [s.name for s in sources if not (outdir / f"{s.stem}.pdf").is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}")


def _use_times_new_roman(document) -> None:
    """python-docx's template uses Cambria, which LibreOffice swaps for Caladea, a font
    without Vietnamese letters; provinces write in Times New Roman."""
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), "Times New Roman")


def _rule_funding_table(document) -> None:
    for table in document.tables:
        if table.cell(0, 0).text == FUNDING_TABLE[0][0]:
            table.style = "Table Grid"


def _start_parts_on_new_pages(document, parts=STANDARD) -> None:
    """Part headings are the paragraphs whose words, without their label, are a part's."""
    part_headings = [part.heading.casefold() for part in parts]
    headings = [p for p in document.paragraphs if strip_label(p.text).casefold() in part_headings]
    for position, paragraph in enumerate(headings, start=1):
        if position in NEW_PAGE_BEFORE:
            paragraph.paragraph_format.page_break_before = True


def _add_running_header_and_page_numbers(document) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Trang ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


# -- drawn line by line with reportlab ---------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4
LEFT, RIGHT = 85.0, 540.0  # text column (3 cm / 2 cm margins, as Nghị định 30 asks)
TOP = 780.0
LEADING = 18.0
BODY_SIZE = 13.0


@dataclass(frozen=True)
class Line:
    """One line of text as it sits on the page."""

    text: str
    indent: float = 0.0  # points right of the left margin
    bold: bool = False
    size: float = BODY_SIZE
    justify: bool = False  # spread to the right margin: a line that wraps
    space_before: float = 0.0  # paragraph spacing above it
    font: str = ""  # a PDF base-14 font ("Times-Bold") instead of Times New Roman
    mark: str = ""  # a footnote mark after its text, set small and raised ("2017¹")
    char_space: float = 0.0  # points added after each character (Word's "Expanded by")
    colour: str = ""  # a fill colour other than black ("#1F4E79"), as a heading set in a theme colour
    # text set on after it in the regular font and `run_on_size`, on the same baseline: a heading set
    # larger with its item's text run in after it ("4. Kinh phí: Vốn xã"); `justify` spreads it
    run_on: str = ""
    run_on_size: float = BODY_SIZE
    # a list's mark drawn before the text in the regular font ("■"), as a symbol font's bullet
    # is not bold in front of a bold heading
    bullet: str = ""
    # the font the bullet is drawn in, one of MARK_FONTS ("Wingdings": a SYMBOL field's square,
    # which a PDF's text gives as "§"); "" for the regular font
    bullet_font: str = ""


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...] = ()
    image: bool = False  # a scanned page: a picture of text, no text layer
    header: str = ""  # drawn at the top, as a running header
    footer: str = ""  # drawn at the bottom centre ("- 2 -", "Trang 2")
    notes: tuple[str, ...] = ()  # footnotes at the foot of the page, each "<mark> <text>"
    # Word's line numbering: the number printed in the left margin before each line, right-aligned
    # a little left of the text (0: none printed, as where OCR missed it)
    line_numbers: tuple[int, ...] = ()
    # a watermark printed up the page's middle, turned a quarter, pale green, over the lines it
    # crosses (LibreOffice's "Sign with watermark": the office's name on every page)
    watermark: str = ""


# Fonts a mark before a heading is drawn in (Line.bullet_font), by the name the PDF gives them,
# each from a file with the glyphs: a symbol font's own glyphs are pictures mapped to characters
# of its code page ("§" for Wingdings' square), so a text font's glyphs stand in for them.
MARK_FONTS = {"Wingdings": FONT_DIR / "LiberationSerif-Regular.ttf",
              "DejaVuSans": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")}


@dataclass(frozen=True)
class Fonts:
    regular: str = "TimesNewRomanPSMT"  # the names Word's export gives them
    bold: str = "TimesNewRomanPS-BoldMT"


def draw_pdf(path: Path, pages: list[Page], user_password: str | None = None) -> Path:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = Fonts()
    pdfmetrics.registerFont(TTFont(fonts.regular, str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(fonts.bold, str(FONT_DIR / "LiberationSerif-Bold.ttf")))
    for name, file in MARK_FONTS.items():
        mark_font = TTFont(name, str(file))
        mark_font.face.name = name.encode()  # the name the PDF gives the font, not the file's
        pdfmetrics.registerFont(mark_font)
    encrypt = None
    if user_password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(user_password, ownerPassword=user_password + "-owner")
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), encrypt=encrypt)
    for page in pages:
        if page.header:
            pdf.setFont(fonts.regular, 10)
            pdf.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 40, page.header)
        if page.footer:
            pdf.setFont(fonts.regular, 10)
            pdf.drawCentredString(PAGE_WIDTH / 2, 30, page.footer)
        for k, note in enumerate(page.notes):
            pdf.setFont(fonts.regular, 10)
            pdf.drawString(LEFT, 60 + 14 * (len(page.notes) - 1 - k), note)
        if page.image:
            pdf.drawImage(ImageReader(scanned_page_image()), LEFT, 200, width=RIGHT - LEFT, height=500)
        y = TOP
        for k, line in enumerate(page.lines):
            y -= line.space_before
            if k < len(page.line_numbers) and page.line_numbers[k]:
                pdf.setFont(fonts.regular, 11)
                pdf.drawRightString(LEFT - 14, y, str(page.line_numbers[k]))
            font = line.font or (fonts.bold if line.bold else fonts.regular)
            _draw_line(pdf, line, font, y, pdfmetrics.stringWidth)
            y -= LEADING * line.size / BODY_SIZE
        if page.watermark:
            pdf.saveState()
            pdf.setFillColor("#00FF00")
            pdf.setFont(fonts.regular, 40)
            pdf.translate(PAGE_WIDTH / 2, 80)
            pdf.rotate(90)
            pdf.drawString(0, 0, page.watermark)
            pdf.restoreState()
        pdf.showPage()
    pdf.save()
    return path


def _draw_line(pdf, line: Line, font: str, y: float, width_of) -> None:
    """Word by word, so a justified line ends exactly at the right margin."""
    pdf.setFont(font, line.size)
    pdf.setFillColor(line.colour or "#000000")
    x = LEFT + line.indent
    if line.bullet:
        regular = line.bullet_font or Fonts().regular
        pdf.setFont(regular, line.size)
        pdf.drawString(x, y, line.bullet)
        rest = replace(line, bullet="", bullet_font="",
                       indent=x + width_of(f"{line.bullet} ", regular, line.size) - LEFT)
        _draw_line(pdf, rest, font, y, width_of)
        return
    if line.run_on:
        pdf.drawString(x, y, line.text)
        regular = Fonts().regular
        run_on = Line(line.run_on, indent=x + width_of(line.text + " ", font, line.size) - LEFT,
                      size=line.run_on_size, justify=line.justify)
        _draw_line(pdf, run_on, regular, y, width_of)
        return
    words = line.text.split(" ")
    if not line.justify or len(words) < 2:
        pdf.drawString(x, y, line.text, charSpace=line.char_space)
        if line.mark:
            pdf.setFont(font, line.size * 0.58)
            pdf.drawString(x + width_of(line.text, font, line.size), y + line.size * 0.33, line.mark)
        return
    widths = [width_of(word, font, line.size) for word in words]
    if sum(widths) + 2 * (len(words) - 1) > RIGHT - x:
        raise ValueError(f"too long for one line: {line.text!r}")
    space = (RIGHT - x - sum(widths)) / (len(words) - 1)
    for word, width in zip(words, widths, strict=True):
        pdf.drawString(x, y, word)
        x += width + space


def scanned_page_image():
    """A page of text as a picture (what a scanner gives), via Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Regular.ttf"), 36)
    for row, text in enumerate(("IV. KINH PHÍ THỰC HIỆN", "Tổng kinh phí 120.000 triệu đồng.")):
        draw.text((80, 80 + 60 * row), text, fill=0, font=font)
    return image


def image_only_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF of page images only, as Pillow saves one: what a scan-to-PDF gives."""
    images = [scanned_page_image().convert("RGB") for _ in range(pages)]
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path
