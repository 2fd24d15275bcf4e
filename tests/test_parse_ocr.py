"""Scanned reports get a Vietnamese text layer: what `ocr_pdf`, `image_to_pdf` and
`ocr_available` promise.

The scans are rendered with Pillow (DejaVu Serif 13 pt, A4, 300 dpi), so the expected text is
known exactly. Tesseract 5.3 with `vie` reads these clean pages exactly; the tests ask for
97 % similarity (rapidfuzz) so that another Tesseract or language-data release in CI may
differ by a character without failing.
"""

import dataclasses
import functools
import time
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from ocr_builders import (
    BOLD_HEADING_BODIES,
    BOLD_HEADINGS,
    DPI,
    LEADER_HEADINGS,
    PARAGRAPH,
    RULED_HEADINGS,
    PageLine,
    bold_headings_page_lines,
    build_vietnamese_docx,
    join_pdfs,
    leader_headings_page_lines,
    pale_copy_scan,
    paragraph,
    render_page,
    render_report_page,
    report_page_lines,
    ruled_headings_page_lines,
    running_processes_mentioning,
    scan_pages,
    signoff_page_lines,
    soffice_convert,
    two_up,
    write_scanned_pdf,
)
from PIL import Image, ImageChops, ImageFilter
from rapidfuzz import fuzz

import baocao.parse.ocr as ocr_module
from baocao.campaign import load_campaign
from baocao.parse.document import DocumentError
from baocao.parse.ocr import image_to_pdf, ocr_available, ocr_pdf, pages_given_up
from baocao.parse.pdf import read_pdf
from baocao.parse.reports import parse_document
from baocao.parse.sections import extract_sections

SIMILAR_ENOUGH = 97


@pytest.fixture(scope="session")
def scan(tmp_path_factory):
    return write_scanned_pdf(tmp_path_factory.mktemp("scan") / "bao-cao-scan.pdf")


@pytest.fixture(scope="session")
def typed_pdf(tmp_path_factory):
    """A PDF with a real text layer, as LibreOffice exports a .docx."""
    folder = tmp_path_factory.mktemp("typed")
    return soffice_convert(build_vietnamese_docx(folder / "bao-cao-typed.docx"), "pdf", folder)


def page_texts(path):
    """Each page's text, NFC, whitespace collapsed (line breaks fall where the scan's did)."""
    with pdfplumber.open(path) as pdf:
        return [" ".join(unicodedata.normalize("NFC", page.extract_text() or "").split()) for page in pdf.pages]


def test_ocr_is_available_on_this_machine():
    assert ocr_available() is None


def test_scanned_page_gets_its_vietnamese_text(scan, tmp_path):
    assert page_texts(scan) == [""]  # truly image-only
    out = ocr_pdf(scan, tmp_path)
    assert out == tmp_path / "bao-cao-scan.ocr.pdf"
    [text] = page_texts(out)
    assert fuzz.ratio(text, PARAGRAPH) >= SIMILAR_ENOUGH, text


def test_every_page_of_a_multi_page_scan_is_read_with_two_jobs(tmp_path):
    """Speed is bench/sections.py's "OCR speed" and bench/ocr.py's figure, not a timed test: under load a time
    limit fails for the machine, not the code."""
    scan = write_scanned_pdf(tmp_path / "ba-trang.pdf", pages=3)
    texts = page_texts(ocr_pdf(scan, tmp_path / "out", jobs=2))
    assert len(texts) == 3
    assert all(fuzz.ratio(text, PARAGRAPH) >= SIMILAR_ENOUGH for text in texts), texts


def test_page_that_already_has_text_is_not_ocred_again(typed_pdf, tmp_path):
    out = ocr_pdf(typed_pdf, tmp_path)
    assert page_texts(out) == page_texts(typed_pdf)


def test_mixed_pdf_keeps_typed_page_and_reads_scanned_page(typed_pdf, scan, tmp_path):
    mixed = join_pdfs(tmp_path / "typed-then-scan.pdf", typed_pdf, scan)
    typed_text, scanned_text = page_texts(ocr_pdf(mixed, tmp_path / "out"))
    assert typed_text == page_texts(typed_pdf)[0]
    assert fuzz.ratio(scanned_text, PARAGRAPH) >= SIMILAR_ENOUGH, scanned_text


def test_scan_ocred_twice_is_still_read(scan, tmp_path):
    """Provinces forward PDFs someone already ran through OCR; the second pass keeps the text."""
    once = ocr_pdf(scan, tmp_path / "once")
    twice = ocr_pdf(once, tmp_path / "twice")
    assert page_texts(twice) == page_texts(once)


@pytest.mark.parametrize("suffix, dpi", [(".png", DPI), (".png", None), (".jpg", DPI), (".tif", DPI)])
def test_scan_sent_as_an_image_is_read(tmp_path, suffix, dpi):
    """None: no resolution in the file (phones); the page is then taken to be A4."""
    image = tmp_path / f"bao-cao-anh{suffix}"
    render_page().save(image, **({"dpi": (dpi, dpi)} if dpi else {}))
    pdf = image_to_pdf(image, tmp_path / "pdf")
    assert pdf == tmp_path / "pdf" / "bao-cao-anh.pdf"
    [text] = page_texts(ocr_pdf(pdf, tmp_path / "ocr"))
    assert fuzz.ratio(text, PARAGRAPH) >= SIMILAR_ENOUGH, text


def test_multi_page_tiff_gives_one_pdf_page_per_image(tmp_path):
    tiff = tmp_path / "hai-trang.tif"
    first, second = render_page(), render_page("Trang hai.")
    first.save(tiff, save_all=True, append_images=[second], dpi=(DPI, DPI))
    with pdfplumber.open(image_to_pdf(tiff, tmp_path)) as pdf:
        assert len(pdf.pages) == 2
        assert round(pdf.pages[0].width / 72, 2) == pytest.approx(8.27, abs=0.01)  # A4 at 300 dpi


def test_transparent_png_becomes_white_paper(tmp_path):
    png = tmp_path / "trong-suot.png"
    Image.new("RGBA", (850, 1100), (0, 0, 0, 0)).save(png)
    pdf = image_to_pdf(png, tmp_path)
    with pdfplumber.open(pdf) as document:
        image = document.pages[0].to_image(resolution=20).original.convert("L")
    assert image.getextrema()[0] > 200  # the darkest pixel is still near white


def test_file_that_is_not_an_image_is_a_document_error(tmp_path):
    fake = tmp_path / "anh-hong.jpg"
    fake.write_bytes(b"this is not a JPEG")
    with pytest.raises(DocumentError, match=r"anh-hong\.jpg: cannot read it as a scanned image"):
        image_to_pdf(fake, tmp_path / "out")


def test_file_that_is_not_a_pdf_is_a_document_error(tmp_path):
    fake = tmp_path / "scan-hong.pdf"
    fake.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(DocumentError, match=r"scan-hong\.pdf: cannot read it as a scanned PDF"):
        ocr_pdf(fake, tmp_path / "out")
    assert not (tmp_path / "out" / "scan-hong.ocr.pdf").exists()


def test_timeout_stops_ocr_and_names_the_limit(tmp_path):
    scan = write_scanned_pdf(tmp_path / "cham.pdf", pages=3)
    out_dir = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(DocumentError) as error:
        ocr_pdf(scan, out_dir, timeout=1)
    assert time.monotonic() - started < 6
    assert "1 s limit" in str(error.value) and "cham.pdf" in str(error.value)
    assert running_processes_mentioning(str(tmp_path)) == []  # tesseract and gs children too
    assert list(out_dir.iterdir()) == []  # no partial output, no page images left


def test_a_page_tesseract_runs_out_of_time_on_comes_back_without_text_and_is_named(scan, tmp_path):
    """ocrmypdf copies a page Tesseract did not finish in its --tesseract-timeout without text and
    says so only in a warning: the page is found from the output."""
    given_up = ocr_pdf(scan, tmp_path / "short", page_seconds=0.001)
    assert page_texts(given_up) == [""]
    assert pages_given_up(given_up, [1]) == [1]
    assert pages_given_up(ocr_pdf(scan, tmp_path / "read"), [1]) == []


def test_a_page_ocr_gave_up_on_is_the_files_error_and_the_rest_is_read(typed_pdf, scan, tmp_path, monkeypatch):
    mixed = join_pdfs(tmp_path / "typed-then-scan.pdf", typed_pdf, scan)
    monkeypatch.setattr(ocr_module, "ocr_pdf", functools.partial(ocr_pdf, page_seconds=0.001))
    result = parse_document(mixed, "pdf", mixed.name, OUTLINE, work_dir=tmp_path)
    assert result.status != "failed"  # the typed page is read
    assert "OCR gave up on scanned page 2 " in result.error and "less loaded machine" in result.error
    monkeypatch.undo()
    assert "OCR gave up" not in parse_document(mixed, "pdf", mixed.name, OUTLINE, work_dir=tmp_path).error


def test_missing_ocr_tools_are_named_with_the_install_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without ocrmypdf and tesseract
    assert "apt-get install -y tesseract-ocr tesseract-ocr-vie ocrmypdf" in ocr_available()
    scan = write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(DocumentError, match="apt-get install -y tesseract-ocr tesseract-ocr-vie ocrmypdf"):
        ocr_pdf(scan, tmp_path / "out")


def test_missing_vietnamese_language_data_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # tesseract finds no languages here
    problem = ocr_available()
    assert problem and "Vietnamese" in problem and "tesseract-ocr-vie" in problem


# ---------------------------------------------------------------------------------------
# The structure of a scanned report survives OCR: a report page as provinces scan it
# (200 dpi colour, skewed 1°, JPEG quality 40, a red stamp over the signature), its
# headings Roman numbered, the first a long capitalised heading wrapped onto two lines.
# ---------------------------------------------------------------------------------------

OUTLINE = load_campaign().sections
WITHOUT_PHRASES = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
# Each item's text on the scan begins with these words.
ITEM_STARTS = {1: "Năm 2017", 2: "1. Về quy hoạch", 3: "Sở Thông tin", 4: "Tổng kinh phí", 5: "Nguồn lực",
               6: "Đề nghị Bộ"}


def scanned_report(folder, wrapped_gap=0.0, first=("I.", "II.", "III."), second=("IV.", "V.", "VI.")):
    pages = [render_report_page(report_page_lines(wrapped_gap, first)),
             render_report_page(signoff_page_lines(second), stamp=True)]
    return scan_pages(pages, folder / "bao-cao-scan.pdf", dpi=200, skews=[1.0, -1.0], quality=40, seed=14)


def parsed(scan):
    result = parse_document(scan, "pdf", scan.name, OUTLINE, work_dir=scan.parent)
    return {s.number: s for s in result.sections}


def starts(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="session")
def misread_headings(tmp_path_factory):
    """The Roman numerals as OCR misreads them: "I." as "1.", "III." as "II.", "V." as
    "V,"; and a blank line inside the wrapped heading."""
    scan = scanned_report(tmp_path_factory.mktemp("misread"), wrapped_gap=1.0,
                          first=("1.", "II.", "II."), second=("IV.", "V,", "VI."))
    return parsed(scan)


@pytest.mark.parametrize("wrapped_gap", [0.0, 1.0])
def test_wrapped_capitalised_heading_stays_one_heading(tmp_path, wrapped_gap):
    """"I. CÁC NỘI DUNG … ĐỀ ÁN 950" / "ĐƯỢC BAN HÀNH": the second line is the heading's,
    not item 1's first line, whether a blank line stands between them or not."""
    sections = parsed(scanned_report(tmp_path, wrapped_gap))
    assert fuzz.partial_ratio("ĐỀ ÁN 950 ĐƯỢC BAN HÀNH", sections[1].heading) >= 90, sections[1].heading
    assert starts(sections[1].text).startswith("Năm 2017"), sections[1].text


def test_misread_heading_numerals_still_open_their_items(misread_headings):
    assert sorted(misread_headings) == [1, 2, 3, 4, 5, 6]
    for number, words in ITEM_STARTS.items():
        assert starts(misread_headings[number].text).startswith(words), (number, misread_headings[number].text)


def test_misread_numeral_is_kept_in_the_heading_as_read(misread_headings):
    assert misread_headings[1].heading.startswith("1.")
    assert misread_headings[5].heading.startswith("V,")


def test_letter_sizes_of_a_scan_give_no_heading_levels(tmp_path):
    """Tesseract's letter sizes are guesses from each line's height (capitals with
    diacritics look larger): a scanned heading's level comes from its numbering."""
    scan = scanned_report(tmp_path)
    document = read_pdf(ocr_pdf(scan, tmp_path / "ocr"))
    assert [b.text for b in document.blocks if b.heading_level is not None] == []


def test_red_stamp_over_the_signature_does_not_hide_the_signer(tmp_path):
    """Read as ink, the stamp made Tesseract take the corner for a picture and lose the
    signer's title and name; Tesseract reads the page with the red ink dropped out."""
    page = render_report_page(signoff_page_lines(), stamp=True)
    scan = scan_pages([page], tmp_path / "ky-ten.pdf", dpi=200, skews=[0.0], quality=40, seed=14)
    text = " ".join(block.text for block in read_pdf(ocr_pdf(scan, tmp_path / "ocr")).blocks)
    assert "PHÓ CHỦ TỊCH" in text and "Văn Thắng" in text, text
    with pdfplumber.open(scan) as original, pdfplumber.open(tmp_path / "ocr" / "ky-ten.ocr.pdf") as recognised:
        [image] = recognised.pages[0].images
        assert image["colorspace"] == original.pages[0].images[0]["colorspace"]  # the page stays in colour


# ---------------------------------------------------------------------------------------
# Headings told by their ink: unnumbered bold headings in sentence case, the way many
# provinces write them, on a one-page scan at 150 dpi (the lower of the two resolutions
# provinces scan at), skewed 1°, JPEG quality 40.
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def bold_headings_scan(tmp_path_factory):
    """The scan's text as parse_document reads it: OCR'd, then read like any PDF."""
    folder = tmp_path_factory.mktemp("bold")
    page = render_report_page(bold_headings_page_lines())
    scan = scan_pages([page], folder / "in-dam.pdf", dpi=150, skews=[1.0], quality=40, seed=14)
    return dataclasses.replace(read_pdf(ocr_pdf(scan, folder / "ocr")), ocr=True)


def test_unnumbered_bold_headings_of_a_scan_open_their_items(bold_headings_scan):
    """The OCR layer has no bold; the heading lines' strokes are visibly thicker."""
    sections = {s.number: s for s in extract_sections(bold_headings_scan, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n, heading in BOLD_HEADINGS.items():
        assert fuzz.ratio(heading, sections[n].heading) >= 90, (n, sections[n].heading)
        assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


def test_a_scanned_paragraph_is_one_paragraph(bold_headings_scan):
    """Tesseract guesses each line's letter size from its height, a point or two apart
    between the lines of one paragraph, and its word boxes are the ink's, narrower than the
    letters: each two-line paragraph is still one block."""
    blocks = [block.text for block in bold_headings_scan.blocks]
    for text in BOLD_HEADING_BODIES.values():
        assert any(fuzz.ratio(text, block) >= 95 for block in blocks), (text, blocks)


def test_a_long_bold_list_and_the_bold_heading_after_it_stay_bold_on_a_scan(tmp_path):
    """Item 3 holds a bold list "1." to "8.", eight bold lines together: weighed against
    the lines around them, mostly its own, the list and item 4's heading after it read
    regular, and the heading fell into item 3's text."""
    lines = bold_headings_page_lines()
    at = next(i for i, line in enumerate(lines) if line.left == BOLD_HEADINGS[4])
    listed = [PageLine(f"{k}. Văn bản chỉ đạo số {k} của tỉnh về đô thị thông minh", bold=True) for k in range(1, 9)]
    lines = [*lines[:at], *paragraph("Các văn bản chính của tỉnh gồm:"), *listed, *lines[at:]]
    scan = scan_pages([render_report_page(lines)], tmp_path / "danh-sach.pdf", dpi=150, skews=[1.0], quality=40,
                      seed=14)
    blocks = read_pdf(ocr_pdf(scan, tmp_path / "ocr")).blocks
    heading = [b for b in blocks if fuzz.ratio(BOLD_HEADINGS[4], b.text) >= 90]
    listed_read = [b for b in blocks if fuzz.partial_ratio("Văn bản chỉ đạo số", b.text) >= 90]
    assert heading and all(b.bold for b in heading), [(b.text, b.bold) for b in blocks]
    assert len(listed_read) == 8 and all(b.bold for b in listed_read), [(b.text, b.bold) for b in blocks]


def test_headings_marked_only_by_a_grey_shading_open_their_items_on_a_scan(tmp_path):
    """Headings neither bold nor numbered, each on a grey band across the text column (a
    paragraph's shading, pool 16's screen photo): the paper under them is darker than the
    paper above, below and in the margin beside them, and they are set apart as a shading
    sets a heading apart in a .docx."""
    lines = [dataclasses.replace(line, bold=False, shaded=True) if line.left in BOLD_HEADINGS.values() else line
             for line in bold_headings_page_lines()]
    scan = scan_pages([render_report_page(lines)], tmp_path / "to-xam.pdf", dpi=150, skews=[1.0], quality=40,
                      seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    shaded = [b.text for b in document.blocks if b.highlighted]
    assert len(shaded) == 6, shaded
    assert all(fuzz.ratio(BOLD_HEADINGS[n], text) >= 90 for n, text in enumerate(shaded, start=1)), shaded
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n, body in BOLD_HEADING_BODIES.items():
        assert fuzz.ratio(body, sections[n].text) >= 95, (n, sections[n].text)


def test_headings_marked_only_by_a_box_ruled_round_them_open_their_items_on_a_scan(tmp_path):
    """Headings in regular type, each in a box ruled round it across the text column on white
    paper (a paragraph's border, pool 27's channel-shifted scan): a thin rule runs across each
    above and below it, and they are set apart as a box ruled round a line sets a heading apart
    in a text PDF."""
    lines = [dataclasses.replace(line, bold=False, framed=True) if line.left in BOLD_HEADINGS.values() else line
             for line in bold_headings_page_lines()]
    scan = scan_pages([render_report_page(lines)], tmp_path / "khung.pdf", dpi=200, skews=[0.6], quality=40,
                      seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    boxed = [b.text for b in document.blocks if b.highlighted]
    assert len(boxed) == 6, [(b.text, b.highlighted) for b in document.blocks]
    assert all(fuzz.ratio(BOLD_HEADINGS[n], text) >= 90 for n, text in enumerate(boxed, start=1)), boxed
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n, body in BOLD_HEADING_BODIES.items():
        assert fuzz.ratio(body, sections[n].text) >= 95, (n, sections[n].text)


def test_numbered_headings_in_white_on_a_dark_band_are_read_with_their_numbers_on_a_scan(tmp_path):
    """Headings numbered "1." to "6.", set in white bold on a dark blue band across the text
    column (a paragraph's dark shading), scanned clean and 0.7° aslant: the band, mirrored to
    dark letters on paper for Tesseract (see the test below), loses no heading Tesseract read
    on the band itself; its rim left aslant by the deskewing added "| :" after the short ones
    and lost items 4 and 6 before the band's top and bottom were found column by column."""
    numbered = {heading: f"{n}. {heading}" for n, heading in BOLD_HEADINGS.items()}
    lines = [dataclasses.replace(line, left=numbered[line.left], reverse=True) if line.left in numbered else line
             for line in bold_headings_page_lines()]
    scan = scan_pages([render_report_page(lines)], tmp_path / "chu-trang-nen-toi.pdf", dpi=200, skews=[0.7],
                      quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    read = [next((b.text for b in document.blocks if fuzz.ratio(heading, b.text) >= 90), None)
            for heading in numbered.values()]
    assert all(read), [b.text for b in document.blocks]
    sections = {s.number: s for s in extract_sections(document, WITHOUT_PHRASES).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n, body in BOLD_HEADING_BODIES.items():
        assert fuzz.ratio(body, sections[n].text) >= 95, (n, sections[n].text)


def test_bold_leads_run_into_their_paragraphs_open_their_items_on_a_scan(tmp_path):
    """Each item a paragraph opening with its title in bold, "Về …:", its text run in after it
    in regular type on the same line: the OCR layer has no bold, and a line whose lead takes a
    third of it is no heavier than the body's, but the lead's own ink is heavier than the rest
    of its line."""
    leads = {n: f"Về {heading[0].lower()}{heading[1:]}:" for n, heading in BOLD_HEADINGS.items()}
    lines = bold_headings_page_lines()
    first = next(i for i, line in enumerate(lines) if line.left == BOLD_HEADINGS[1])
    lines = lines[:first]
    for n, lead in leads.items():
        lines += paragraph(BOLD_HEADING_BODIES[n], gap_before=0.5, lead=lead)
    lines += paragraph("Trên đây là báo cáo của Ủy ban nhân dân tỉnh Quảng Ngãi./.", gap_before=0.5)
    scan = scan_pages([render_report_page(lines)], tmp_path / "ve.pdf", dpi=150, skews=[1.0], quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    sections = {s.number: s for s in extract_sections(document, WITHOUT_PHRASES).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6], [(b.text, b.bold, b.lead) for b in document.blocks]
    for n, lead in leads.items():
        assert fuzz.ratio(lead, sections[n].heading) >= 90, (n, sections[n].heading)
        assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


# ---------------------------------------------------------------------------------------
# A photocopier's mistakes: a sheet fed twice.
# ---------------------------------------------------------------------------------------


def test_a_sheet_fed_twice_is_read_once(tmp_path):
    """The one-page report scanned twice in a row (each time skewed its own way, so the two
    recognisings differ by a letter here and there): its text is read once, every item
    once, and no heading of it is taken for a running header of the two pages."""
    page = render_report_page(bold_headings_page_lines())
    scan = scan_pages([page, page], tmp_path / "nap-hai-lan.pdf", dpi=150, skews=[1.0, -0.5], quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    blocks = [block.text for block in document.blocks]
    for text in BOLD_HEADING_BODIES.values():
        assert sum(fuzz.ratio(text, block) >= 95 for block in blocks) == 1, (text, blocks)
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    assert fuzz.ratio(BOLD_HEADING_BODIES[6], sections[6].text) >= 95, sections[6].text


def test_underlined_and_boxed_headings_keep_their_numbers(tmp_path):
    """Headings drawn with lines: underlined with a wide space after the number, which
    Tesseract reads as "2._", and in shaded ruled boxes, whose side it reads as "|4.". The
    lines' glyphs go, the numbers are read, and each heading opens its item."""
    page = render_report_page(ruled_headings_page_lines())
    scan = scan_pages([page], tmp_path / "ke-khung.pdf", dpi=250, skews=[1.0], quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    numbered = [block.text for block in document.blocks if block.number]
    assert [text.split(" ", 1)[0] for text in numbered] == ["1.", "2.", "3.", "4.", "5.", "6."], numbered
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    for n, heading in RULED_HEADINGS.items():
        assert fuzz.ratio(" ".join(heading.split()), sections[n].heading) >= 90, (n, sections[n].heading)
        assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


def test_headings_led_by_dots_to_the_margin_are_read_without_the_junk_ocr_makes_of_the_dots(tmp_path):
    """Bold headings led by dots to the right margin ("Phần I: …………"), scanned at 200 dpi:
    Tesseract reads the dots as the last word's tail, then again as letters and specks over
    them or after them ("án......--- -<-<cseseses<=", "QUỸ.....oó....c5ĂSĂ…"). What it makes of
    the leader goes, the dots stay: each heading ends its line and opens its item, whose text
    is the paragraph under it (with the junk the heading filled its line, and the paragraph
    was read as its run-on, the item's text losing its first line)."""
    page = render_report_page(leader_headings_page_lines())
    scan = scan_pages([page], tmp_path / "dau-cham.pdf", dpi=200, skews=[1.0], quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    led = [block.text for block in document.blocks if "....." in block.text]
    assert len(led) == len(LEADER_HEADINGS) and all(text.endswith(".....") for text in led), led
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    for n, body in BOLD_HEADING_BODIES.items():
        assert fuzz.ratio(body, sections[n].text.splitlines()[-1]) >= 95, (n, sections[n].text)


def test_two_pages_on_one_landscape_sheet_are_read_left_page_first(tmp_path):
    """A 2-up copy: the report's page and a page of annex text with the sign-off side by side
    on one landscape sheet. The left page is read to its end before the right one; no line
    of one is joined with the line at its height on the other."""
    closing = [*paragraph(PARAGRAPH), *signoff_page_lines()[-4:]]
    sheet = two_up(render_report_page(bold_headings_page_lines()), render_report_page(closing, stamp=True))
    scan = scan_pages([sheet], tmp_path / "hai-trang.pdf", dpi=250, skews=[0.5], quality=40, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    blocks = [block.text for block in document.blocks]
    for text in BOLD_HEADING_BODIES.values():
        assert any(fuzz.ratio(text, block) >= 95 for block in blocks), (text, blocks)
    signer = next(k for k, block in enumerate(blocks) if "Văn Thắng" in block)
    assert all("Văn Thắng" not in block for block in blocks[:signer]) and signer > len(blocks) / 2, blocks
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    assert fuzz.ratio(BOLD_HEADING_BODIES[6], sections[6].text) >= 95, sections[6].text


def test_a_pale_photocopy_is_read_without_its_specks(tmp_path):
    """A copy of a copy: the ink mid grey, the copier's specks darker than it. Read as they
    are, the specks became a "-_" before a heading and broke paragraphs in two; the pale
    page is read despeckled, and its headings and paragraphs are whole."""
    page = render_report_page(bold_headings_page_lines())
    scan = pale_copy_scan(page, tmp_path / "ban-sao-mo.pdf", dpi=200, skew=0.7, seed=14)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    sections = {s.number: s for s in extract_sections(document, OUTLINE).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n, heading in BOLD_HEADINGS.items():
        assert fuzz.ratio(heading, sections[n].heading) >= 90, (n, sections[n].heading)
        assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


def _ocr_image_filter(monkeypatch, streaks=False, pencil=True, reverse=True, dewarp=False, barrel=False):
    """The filter ocrmypdf's plugin applies to each page image before Tesseract reads it."""
    import sys
    import types

    from baocao.parse import ocr

    monkeypatch.setitem(sys.modules, "ocrmypdf", types.SimpleNamespace(hookimpl=lambda f: f))
    source = ocr.plugin_source(drop_stamp=True, despeckle="never", flatten=False, streaks=streaks, pencil=pencil,
                               reverse=reverse, dewarp=dewarp, barrel=barrel)
    plugin: dict = {}
    exec(compile(source, "ocr_image.py", "exec"), plugin)  # noqa: S102 - the plugin's own text
    return plugin["filter_ocr_image"]


def test_a_red_stamp_is_dropped_and_a_heading_set_in_red_is_kept(monkeypatch):
    """A page at 200 dpi with a round red stamp (35 mm across) and a heading line set in dark
    red (70 x 4 mm): the stamp goes, as the colour dropout does; the heading stays ink."""
    from PIL import ImageDraw

    dpi, mm = 200, 200 / 25.4
    page = Image.new("RGB", (int(170 * mm), int(120 * mm)), (245, 245, 240))
    page.info["dpi"] = (dpi, dpi)
    draw = ImageDraw.Draw(page)
    heading = (int(10 * mm), int(10 * mm), int(80 * mm), int(14 * mm))
    for x in range(heading[0], heading[2], int(2 * mm)):  # letters: strokes with gaps between
        draw.rectangle((x, heading[1], x + int(1.2 * mm), heading[3]), fill=(192, 0, 0))
    centre, radius = (int(120 * mm), int(70 * mm)), int(17.5 * mm)
    draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                 outline=(205, 40, 45), width=int(1.5 * mm))
    read = _ocr_image_filter(monkeypatch)(None, page).convert("L")
    assert read.getpixel((heading[0] + 2, heading[1] + 10)) < 100
    assert read.getpixel((centre[0], centre[1] - radius + 3)) > 200


def _lit_page(light: tuple[float, float, float] | None) -> Image.Image:
    """A page photographed at 150 dpi, blurred as a phone's lens blurs: a heading of blue strokes,
    a line of black ones (0.35 mm wide, as a letter's stem), a round red stamp; under white light,
    or under a light giving each channel that share (a tungsten lamp's orange: 1, 0.8, 0.52)."""
    from PIL import ImageDraw

    dpi, mm = 150, 150 / 25.4
    page = Image.new("RGB", (int(170 * mm), int(120 * mm)), (240, 240, 236))
    draw = ImageDraw.Draw(page)
    for x in range(int(10 * mm), int(80 * mm), int(1.5 * mm)):
        draw.rectangle((x, int(10 * mm), x + 1, int(14 * mm)), fill=(47, 84, 150))
        draw.rectangle((x, int(20 * mm), x + 1, int(24 * mm)), fill=(20, 20, 20))
    centre, radius = (int(120 * mm), int(70 * mm)), int(17.5 * mm)
    draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                 outline=(205, 40, 45), width=int(1.5 * mm))
    page = page.filter(ImageFilter.GaussianBlur(1))
    if light:
        page = Image.merge("RGB", [channel.point(lambda v, share=share: int(v * share))
                                   for channel, share in zip(page.split(), light, strict=True)])
    page.info["dpi"] = (dpi, dpi)
    return page


def test_a_page_under_a_tungsten_lamp_is_read_as_dark_as_under_white_light(monkeypatch):
    """Pool 34's Hà Tĩnh scan, a phone's photo under a tungsten lamp: the page orange, the
    stamp's dropout took the paper for red and lifted every stroke's blurred edge to paper
    ("Nhenm củ tiên È:" for "Nhóm chỉ tiêu 2:"). With the cast taken out first the strokes,
    blue and black, are as dark as under white light, the paper white, the stamp still dropped;
    a page under white light is left as it is."""
    mm = 150 / 25.4
    read = _ocr_image_filter(monkeypatch)

    def darkest(image, top):
        return image.crop((int(10 * mm), int(top * mm), int(80 * mm), int((top + 4) * mm))).getextrema()[0]

    white, orange = (read(None, _lit_page(light)).convert("L") for light in (None, (1.0, 0.8, 0.52)))
    for top in (10, 20):  # the blue heading, the black line
        assert darkest(orange, top) <= darkest(white, top) + 10, top
    assert orange.getpixel((int(100 * mm), int(10 * mm))) > 240
    assert orange.getpixel((int(120 * mm), int((70 - 17) * mm))) > 200  # the stamp's ring
    page = _lit_page(None)
    assert read.__globals__["uncast"](page) is page


def test_a_copiers_streak_is_erased_and_letters_and_a_tables_rules_are_kept(monkeypatch):
    """A grey page at 200 dpi: lines of "letters" (stems 4 mm tall, 0.4 mm wide, paper between
    lines), a dirty copier's streak (0.3 mm wide, dark) down 80 mm of it, across the lines, and a
    table's frame (vertical rules crossed by horizontal ones). The streak goes; the letters
    beside it, a stem under it (ink in its shade, darker than the streak) and the table's
    rules stay."""
    from PIL import ImageDraw

    dpi, mm = 200, 200 / 25.4
    page = Image.new("L", (int(170 * mm), int(150 * mm)), 240)
    page.info["dpi"] = (dpi, dpi)
    draw = ImageDraw.Draw(page)
    for line in range(10):  # lines of text 7 mm apart, a stem every 1.5 mm
        top = int((5 + 7 * line) * mm)
        for x in range(int(10 * mm), int(150 * mm), int(1.5 * mm)):
            draw.rectangle((x, top, x + int(0.4 * mm), top + int(4 * mm)), fill=30)
    streak = int(61 * mm)
    draw.rectangle((streak, 0, streak + 2, int(80 * mm)), fill=90)
    under = int(33 * mm)  # a letter's stem under the streak: ink in its shade, darker than it
    draw.rectangle((streak - 1, under, streak + 3, under + int(4 * mm)), fill=12)
    table = (int(20 * mm), int(90 * mm), int(120 * mm), int(140 * mm))
    draw.rectangle(table, outline=30, width=3)
    draw.line((table[0], int(115 * mm), table[2], int(115 * mm)), fill=30, width=3)
    draw.line((int(70 * mm), table[1], int(70 * mm), table[3]), fill=30, width=3)
    read = _ocr_image_filter(monkeypatch, streaks=True)(None, page)
    between_lines = int(3 * mm)  # paper above and between the lines, where only the streak was ink
    assert read.getpixel((streak + 1, between_lines)) > 200
    assert read.getpixel((streak + 1, int(10.5 * mm))) > 200
    stem = int(10 * mm) + int(1.5 * mm) * 2  # a letter's stem well away from the streak
    assert read.getpixel((stem + 1, int(7 * mm))) < 100
    assert read.getpixel((streak + 1, under + int(2 * mm))) < 100
    assert read.getpixel((int(70 * mm) + 1, int(100 * mm))) < 100  # the table's rules
    assert read.getpixel((table[0] + 1, int(100 * mm))) < 100
    unchanged = _ocr_image_filter(monkeypatch, streaks=False)(None, page)
    assert unchanged.getpixel((streak + 1, between_lines)) < 100


def test_a_readers_pencil_line_under_a_heading_is_erased_and_the_print_is_kept(monkeypatch):
    """A grey page at 200 dpi: a line of "letters" (stems 4 mm tall, one with a descender), a
    pencil line drawn under it by a reader (grey, 0.4 mm thick, wavering, through the
    descender: Tesseract took such a heading for a picture and lost it), a rule printed in
    ink, a grey shadow 6 mm tall. The pencil line goes; the letters, the descender it crosses,
    the printed rule and the shadow stay."""
    from PIL import ImageDraw

    dpi, mm = 200, 200 / 25.4
    page = Image.new("L", (int(170 * mm), int(100 * mm)), 240)
    page.info["dpi"] = (dpi, dpi)
    draw = ImageDraw.Draw(page)
    top, base = int(10 * mm), int(14 * mm)
    for x in range(int(10 * mm), int(120 * mm), int(1.5 * mm)):
        draw.rectangle((x, top, x + int(0.4 * mm), base), fill=20)
    pencil = base + int(0.8 * mm)
    for x in range(int(10 * mm), int(110 * mm), 4):  # a hand's line: a pixel up or down now and then
        y = pencil + (1 if (x // 60) % 2 else 0)
        draw.line((x, y, x + 4, y), fill=165, width=3)
    descender = int(40 * mm) + 1  # ink under the pencil is as dark as ink
    draw.rectangle((descender, base, descender + int(0.4 * mm), base + int(1.6 * mm)), fill=20)
    rule = int(40 * mm)
    draw.rectangle((int(10 * mm), rule, int(120 * mm), rule + 2), fill=25)
    shadow = (int(10 * mm), int(60 * mm), int(120 * mm), int(66 * mm))
    draw.rectangle(shadow, fill=165)
    read = _ocr_image_filter(monkeypatch)(None, page)
    assert read.getpixel((int(20 * mm), pencil)) > 220  # the pencil line, between the letters
    assert read.getpixel((int(100 * mm), pencil + 1)) > 220
    assert read.getpixel((descender + 1, pencil)) < 60  # the descender it crosses
    assert read.getpixel((int(10 * mm) + 2, top + int(2 * mm))) < 60  # a letter
    assert read.getpixel((int(60 * mm), rule + 1)) < 60  # the printed rule
    assert read.getpixel((int(60 * mm), int(63 * mm))) < 200  # the shadow
    kept = _ocr_image_filter(monkeypatch, pencil=False)(None, page)
    assert kept.getpixel((int(20 * mm), pencil)) < 200


def test_white_letters_on_a_dark_band_are_mirrored_to_dark_letters_on_paper(monkeypatch):
    """A grey page at 200 dpi like pool 19's copy of a copy (paper 200, ink 60): a line of print
    (stems 4 mm tall), a heading's dark band (grey 100, 150 x 6 mm) with thin "letters" as light
    as the paper in it, and the scanner's dark border along the top. Tesseract, thresholding the
    page once, read such a band as ink and its letters garbled ("[.3 Bo máy tính vàn hành De
    an"). The band becomes paper and its letters ink; the print, the border and a page without
    a band are left as they are."""
    from PIL import ImageChops, ImageDraw

    dpi, mm = 200, 200 / 25.4
    page = Image.new("L", (int(170 * mm), int(120 * mm)), 200)
    page.info["dpi"] = (dpi, dpi)
    draw = ImageDraw.Draw(page)
    for x in range(int(10 * mm), int(150 * mm), int(1.5 * mm)):  # a line of print
        draw.rectangle((x, int(20 * mm), x + int(0.4 * mm), int(24 * mm)), fill=60)
    band = (int(10 * mm), int(40 * mm), int(160 * mm), int(46 * mm))
    draw.rectangle(band, fill=100)
    stems = range(int(12 * mm), int(60 * mm), int(1.5 * mm))
    for x in stems:  # white letters, thinner than the print's
        draw.rectangle((x, int(41 * mm), x + 1, int(45 * mm)), fill=200)
    draw.rectangle((0, 0, page.width, int(5 * mm)), fill=40)  # the scanner's border
    plain = page.copy()
    ImageDraw.Draw(plain).rectangle(band, fill=200)
    unreversed = _ocr_image_filter(monkeypatch, pencil=False)
    read = unreversed(None, page)
    assert read.getpixel((int(100 * mm), int(43 * mm))) > 180  # the band, beside the letters: paper
    assert read.getpixel((stems[3], int(43 * mm))) < 100  # a letter: ink
    assert read.getpixel((stems[3] + int(0.7 * mm), int(43 * mm))) > 180  # between letters: paper
    assert read.getpixel((int(10 * mm) + 1, int(22 * mm))) == 60  # the print
    assert read.getpixel((int(80 * mm), int(2 * mm))) == 40  # the border
    assert ImageChops.difference(unreversed(None, plain), plain).getbbox() is None
    kept = _ocr_image_filter(monkeypatch, pencil=False, reverse=False)(None, page)
    assert kept.getpixel((int(100 * mm), int(43 * mm))) == 100


def test_headings_labelled_by_words_and_a_number_open_their_items_on_a_scan(tmp_path):
    """"Vấn đề 1: …" to "Vấn đề 5: …", the last over items 5 and 6 together, in words the
    outline does not have: the words and number before the colon are the ladder's label
    (parse/labels.word_label), its numbers and the texts find the items, read without phrases."""
    lines = bold_headings_page_lines()
    titles = {1: "Bước đi đầu tiên của tỉnh", 2: "Toàn cảnh sau bốn năm", 3: "Lan tỏa tới người dân",
              4: "Tiền bạc đã dùng", 5: "Vấp váp và mong muốn gửi cấp trên"}
    for n, title in titles.items():
        at = next(i for i, line in enumerate(lines) if line.left == BOLD_HEADINGS[n])
        lines[at] = dataclasses.replace(lines[at], left=f"Vấn đề {n}: {title}")
    lines = [line for line in lines if line.left != BOLD_HEADINGS[6]]  # item 6's text goes on under item 5
    scan = scan_pages([render_report_page(lines)], tmp_path / "van-de.pdf", dpi=150, skews=[0.5], quality=40,
                      seed=15)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    sections = {s.number: s for s in extract_sections(document, WITHOUT_PHRASES).sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    for n in range(1, 5):
        assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)
    for n in (5, 6):
        assert fuzz.partial_ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


# Titles of the province's own wording, naming no item: only the labels tell the items.
KIEM_DIEM_TITLES = {1: "Mẻ gốm đầu lò vừa ra", 2: "Bồ lúa nếp nương đầy ắp", 3: "Khung cửi nhà nọ mượn thoi",
                    4: "Bao thóc giống để dành", 5: "Rầy nâu về giữa vụ", 6: "Tiếng sáo mục đồng vọng triền đê"}


@pytest.mark.parametrize("separator", [" -", " –", ")"])
def test_plain_headings_labelled_by_words_and_a_roman_numeral_then_a_dash_open_their_items_on_a_scan(
        tmp_path, separator):
    """Pool 44's Bến Tre: "Phần kiểm điểm I - Mẻ gốm…" to "VI - …" in a caption style OCR reads
    plain, the label's words read with their marks moved ("Phân kiếm điểm"), titles the outline
    has no words for: no section was found either way. A label of words and a number is one
    whatever its separator, a dash or a bracket as a colon or a stop (parse/labels.word_label),
    and its words are the same words however their marks were read."""
    lines = bold_headings_page_lines()
    words = {1: "Phần kiểm điểm", 2: "Phân kiểm điểm", 3: "Phần kiểm điểm", 4: "Phân kiểm điểm",
             5: "Phân kiếm điểm", 6: "Phần kiểm điểm"}
    for n, numeral in enumerate(("I", "II", "III", "IV", "V", "VI"), start=1):
        at = next(i for i, line in enumerate(lines) if line.left == BOLD_HEADINGS[n])
        lines[at] = dataclasses.replace(lines[at], left=f"{words[n]} {numeral}{separator} {KIEM_DIEM_TITLES[n]}",
                                        bold=False)
    scan = scan_pages([render_report_page(lines)], tmp_path / "kiem-diem.pdf", dpi=150, skews=[0.5], quality=40,
                      seed=15)
    document = dataclasses.replace(read_pdf(ocr_pdf(scan, tmp_path / "ocr")), ocr=True)
    for outline in (OUTLINE, WITHOUT_PHRASES):
        sections = {s.number: s for s in extract_sections(document, outline).sections}
        assert sorted(sections) == [1, 2, 3, 4, 5, 6]
        for n in range(1, 7):
            assert fuzz.ratio(BOLD_HEADING_BODIES[n], sections[n].text) >= 95, (n, sections[n].text)


def test_the_print_in_a_water_stain_is_read_and_not_erased_as_pencil_lines(tmp_path):
    """Pool 23's Kon Tum scan, page 1: a water stain (tinted, mottled paper, the print in it
    lighter) over item 2's paragraph. Its tones between the print's and the paper's are no
    pencil line (a pencil line has the paper above and below it): erased as one, the paragraph
    was read "UBNDfish len Tum đã (‡~~. 7 đỗ ;hị '¬-¬- thí điểm…"."""
    import pypdfium2 as pdfium

    from baocao.parse.ocr import image_to_pdf

    scan = pdfium.PdfDocument(str(Path(__file__).parents[1] / "fixtures/heldout-23/45-letter-lower-dash-kon-tum.pdf"))
    image = next(o for o in scan[0].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE).get_bitmap().to_pil()
    image.save(tmp_path / "vet-nuoc.png", dpi=(150, 150))
    text = page_texts(ocr_pdf(image_to_pdf(tmp_path / "vet-nuoc.png", tmp_path), tmp_path / "ocr"))[0]
    # as read without the rule: 64 and 73
    assert fuzz.partial_ratio("UBND tỉnh Kon Tum đã chọn 7 đô thị làm thí điểm", text) >= 85
    assert fuzz.partial_ratio("Từ khi Đề án 950 được ban hành", text) >= 90


def _lines_of_letters(dpi, lines=20):
    """A grey page of lines of "letters" (stems 3 mm tall and 1.5 mm apart, the lines 6 mm apart,
    3 mm of paper between them: a paragraph set solid)."""
    from PIL import ImageDraw

    mm = dpi / 25.4
    page = Image.new("L", (int(190 * mm), int((10 + 6 * lines) * mm)), 240)
    page.info["dpi"] = (dpi, dpi)
    draw = ImageDraw.Draw(page)
    for line in range(lines):
        top = int((5 + 6 * line) * mm)
        for x in range(int(20 * mm), int(170 * mm), int(1.5 * mm)):
            draw.rectangle((x, top, x + int(0.4 * mm), top + int(3 * mm)), fill=30)
    return page


def _tops_of_first_line(page, dpi):
    """Where the first line's ink starts, in each of its stems' columns, left to right."""
    mm = dpi / 25.4
    columns = [x + 1 for x in range(int(20 * mm), int(170 * mm), int(1.5 * mm))]
    pixels = page.convert("L").load()
    return [next(y for y in range(page.height) if pixels[x, y] < 128) for x in columns]


def test_a_page_whose_lines_wave_is_straightened_and_a_flat_page_is_left_as_it_is(monkeypatch):
    """A sheet curled by damp (pool 28): a page at 150 dpi whose upright strips (6 px) are moved
    up or down along a sine (4 px, a 620 px period), so every line waves across the page; lines
    set solid then ran into each other under Tesseract. The filter moves each column back: the
    first line's stems start within a pixel or two of one another again. A flat page (the same
    lines, unwaved) goes to Tesseract exactly as it was."""
    import math

    dpi = 150
    flat = _lines_of_letters(dpi)
    waved = Image.new("L", flat.size, 240)
    for x in range(0, flat.width, 6):
        waved.paste(flat.crop((x, 0, x + 6, flat.height)), (x, round(4 * math.sin(2 * math.pi * (x + 97) / 620))))
    waved.info["dpi"] = (dpi, dpi)
    tops = _tops_of_first_line(waved, dpi)
    assert max(tops) - min(tops) >= 7
    straightened = _ocr_image_filter(monkeypatch, dewarp=True)(None, waved)
    tops = _tops_of_first_line(straightened, dpi)
    assert max(tops) - min(tops) <= 2
    unwaved = _ocr_image_filter(monkeypatch, dewarp=True)(None, flat)
    assert ImageChops.difference(unwaved, _ocr_image_filter(monkeypatch, dewarp=False)(None, flat)).getbbox() is None


def _bowed(page, k):
    """`page` as a phone's wide lens held close sees it (pool 32): each point of the photo taken
    from further out the further it lies from the middle (1 + k r^2, r in half-widths), so the
    lines bow away from the middle, most near the top and bottom."""
    w, h = page.size
    cx, cy, step = w / 2, h / 2, 32

    def source(x, y):
        u, v = (x - cx) / cx, (y - cy) / cx
        f = 1 + k * (u * u + v * v)
        return cx + u * f * cx, cy + v * f * cx

    mesh = [((left, top, min(left + step, w), min(top + step, h)),
             (*source(left, top), *source(left, min(top + step, h)), *source(min(left + step, w), min(top + step, h)),
              *source(min(left + step, w), top)))
            for top in range(0, h, step) for left in range(0, w, step)]
    bowed = page.transform(page.size, Image.MESH, mesh, Image.BILINEAR, fillcolor=240)
    bowed.info["dpi"] = page.info["dpi"]
    return bowed


def _tops_of_first_line_by_windows(page, dpi):
    """Where the first line's ink starts in each 3 mm window across it, left to right (a bowed
    line's stems are no longer where the flat page's were)."""
    mm = dpi / 25.4
    pixels = page.convert("L").load()
    tops = []
    for left in range(int(25 * mm), int(165 * mm), int(3 * mm)):
        tops.append(next(y for y in range(page.height) for x in range(left, left + int(3 * mm)) if pixels[x, y] < 128))
    return tops


def test_a_page_bowed_by_a_phones_lens_is_straightened_and_a_flat_or_curled_page_is_left(monkeypatch):
    """A page photographed close with a phone's wide lens (pool 32: k 0.035, 200 dpi): its first
    line bows over 1 mm between its middle and its ends, and Tesseract read the line's pieces out of
    order. The filter measures the bow in the page's top and bottom quarters and draws the page
    anew through the lens's inverse: the first line's stems start within a pixel or two of one
    another again. A flat page, and a page curled by damp (its lines waving alike at the top and
    the bottom, no bow), go to Tesseract exactly as they were."""
    import math

    dpi = 200
    flat = _lines_of_letters(dpi, lines=40)
    bowed = _bowed(flat, 0.035)
    tops = _tops_of_first_line_by_windows(bowed, dpi)
    assert max(tops) - min(tops) >= 10
    straightened = _ocr_image_filter(monkeypatch, barrel=True)(None, bowed)
    tops = _tops_of_first_line_by_windows(straightened, dpi)
    assert max(tops) - min(tops) <= 2
    unbowed = _ocr_image_filter(monkeypatch, barrel=True)(None, flat)
    assert ImageChops.difference(unbowed, _ocr_image_filter(monkeypatch)(None, flat)).getbbox() is None
    curled = Image.new("L", flat.size, 240)
    for x in range(0, flat.width, 8):
        curled.paste(flat.crop((x, 0, x + 8, flat.height)), (x, round(5 * math.sin(2 * math.pi * (x + 97) / 830))))
    curled.info["dpi"] = (dpi, dpi)
    kept = _ocr_image_filter(monkeypatch, barrel=True)(None, curled)
    assert ImageChops.difference(kept, _ocr_image_filter(monkeypatch)(None, curled)).getbbox() is None
