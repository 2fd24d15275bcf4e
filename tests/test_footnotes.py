"""Footnotes and endnotes: a note is no part of the body, but what it states belongs to the
text that refers to it (a province may give its funding total only in a footnote on item
4). A note is kept with the paragraph (or table row) that holds its mark, marked "[Chú
thích N]", and read at the foot of the item that holds that paragraph: the funding reader
finds the total, a reviewer sees it came from a note, the item's own text stays in one
piece and the headings are found as without the note."""

from __future__ import annotations

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import STANDARD, Part, build_report
from pdf_builders import convert_to_pdf

from baocao.aggregate.table import funding_figure
from baocao.campaign import load_campaign
from baocao.parse.docx import read_docx
from baocao.parse.reports import parse_document

CAMPAIGN = load_campaign()
OUTLINE = CAMPAIGN.sections
SOURCES = "Các nhiệm vụ được bố trí từ ngân sách tỉnh và vốn xã hội hóa."
CLOSING = "Việc bố trí vốn thực hiện theo Luật Đầu tư công."
NOTE = "Tổng kinh phí đã chi là 12.340 triệu đồng, theo báo cáo quyết toán."
FUNDING_BY_NOTE = Part("Kinh phí thực hiện", (SOURCES, CLOSING))
PARTS = tuple(FUNDING_BY_NOTE if part.heading == "Kinh phí thực hiện" else part for part in STANDARD)


def _notes_part(document, notes: dict[int, str], kind: str = "footnote") -> None:
    """A footnotes (or endnotes) part, Word's two separators and the notes by id."""
    tag = f"w:{kind}"
    body = "".join(
        f'<{tag} w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></{tag}>' for note_id, text in notes.items())
    xml = (f'<{tag}s {nsdecls("w")}><{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></{tag}>'
           f'<{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></{tag}>'
           f'{body}</{tag}s>')
    content_type = CONTENT_TYPE.WML_FOOTNOTES if kind == "footnote" else CONTENT_TYPE.WML_ENDNOTES
    relationship = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
    part = OpcPart(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, relationship)


def _reference(paragraph, note_id: int, kind: str = "footnote") -> None:
    run = paragraph.add_run()
    run.font.superscript = True
    run._r.append(parse_xml(f'<w:{kind}Reference {nsdecls("w")} w:id="{note_id}"/>'))


def _paragraph(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


@pytest.fixture
def report_with_footnote(tmp_path):
    """A report whose funding item names no figure; the total is in a footnote on its first sentence."""
    path = build_report(tmp_path / "chu-thich.docx", "bold_roman", PARTS)
    document = docx.Document(str(path))
    _notes_part(document, {1: NOTE})
    _reference(_paragraph(document, SOURCES), 1)
    document.save(str(path))
    return path


def _notes(blocks) -> dict[str, tuple[str, ...]]:
    return {block.text: block.notes for block in blocks if block.notes}


def test_a_footnote_is_kept_with_the_paragraph_that_refers_to_it_marked_as_a_note(report_with_footnote):
    blocks = read_docx(report_with_footnote).blocks
    texts = [block.text for block in blocks]
    at = texts.index(SOURCES)  # the paragraph itself stays whole, its mark no letter of it
    assert texts[at + 1] == CLOSING
    assert _notes(blocks) == {SOURCES: (f"[Chú thích 1] {NOTE}",)}


def test_a_funding_total_stated_only_in_a_footnote_is_the_reports_total(report_with_footnote, tmp_path):
    parsed = parse_document(report_with_footnote, "docx", "chu-thich.docx", OUTLINE, work_dir=tmp_path)
    item = next(s for s in parsed.sections if s.number == 4)
    # In the item the note is at its foot: the item's own text stays in one piece.
    assert item.text.endswith(f"{SOURCES}\n{CLOSING}\n[Chú thích 1] {NOTE}")
    everything = "\n".join(s.text for s in parsed.sections)
    assert funding_figure(item.text, everything, CAMPAIGN).vnd == 12_340_000_000


def test_notes_are_numbered_as_word_shows_them_footnotes_and_endnotes_apart(tmp_path):
    """Word numbers references in the order they occur, whatever the notes' ids; endnotes
    have a count of their own. A document without notes reads as before."""
    path = build_report(tmp_path / "hai-chu-thich.docx", "bold_roman", PARTS)
    document = docx.Document(str(path))
    _notes_part(document, {7: "Ghi chú thứ nhất.", 3: "Ghi chú thứ hai."})
    _notes_part(document, {2: "Ghi chú cuối văn bản."}, kind="endnote")
    _reference(_paragraph(document, SOURCES), 7)
    _reference(_paragraph(document, SOURCES), 2, kind="endnote")
    _reference(_paragraph(document, CLOSING), 3)
    document.save(str(path))
    assert _notes(read_docx(path).blocks) == {
        SOURCES: ("[Chú thích 1] Ghi chú thứ nhất.", "[Chú thích cuối 1] Ghi chú cuối văn bản."),
        CLOSING: ("[Chú thích 2] Ghi chú thứ hai.",)}
    assert not _notes(read_docx(build_report(tmp_path / "khong.docx", "bold_roman", PARTS)).blocks)


def test_a_footnote_in_a_table_cell_is_kept_with_its_row(tmp_path):
    path = build_report(tmp_path / "bang.docx", "bold_roman", STANDARD)
    document = docx.Document(str(path))
    _notes_part(document, {1: NOTE})
    row = document.tables[-1].rows[-1]
    _reference(row.cells[-1].paragraphs[0], 1)
    document.save(str(path))
    blocks = read_docx(path).blocks
    last_row = [block for block in blocks if block.kind == "table_row"][-1]
    assert _notes(blocks) == {last_row.text: (f"[Chú thích 1] {NOTE}",)}


@pytest.mark.slow
def test_a_pdf_footnote_at_the_page_foot_is_kept_with_the_paragraph_holding_its_mark(report_with_footnote, tmp_path):
    """LibreOffice sets the footnote at the page's foot in smaller type, its mark raised in
    the body: the note is kept with the paragraph holding the mark, not dropped with the
    page's foot, and is no paragraph of the body."""
    convert_to_pdf([report_with_footnote], tmp_path)
    pdf = tmp_path / "chu-thich.pdf"
    from baocao.parse.pdf import read_pdf

    blocks = read_pdf(pdf).blocks
    assert _notes(blocks) == {SOURCES: (f"[Chú thích 1] {NOTE}",)}
    assert not any("Chú thích" in block.text for block in blocks)
    parsed = parse_document(pdf, "pdf", "chu-thich.pdf", OUTLINE, work_dir=tmp_path)
    item = next(s for s in parsed.sections if s.number == 4)
    assert item.text.endswith(f"{CLOSING}\n[Chú thích 1] {NOTE}")
    assert funding_figure(item.text, item.text, CAMPAIGN).vnd == 12_340_000_000


SOURCE_NOTE = "Mục 4 của đề cương kèm theo văn bản của Bộ."


def _heading(document, words: str):
    return next(p for p in document.paragraphs if p.text.strip().casefold().endswith(words.casefold()))


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_note_on_a_heading_annotates_the_heading_and_is_no_text_of_its_item(tmp_path, kind):
    """A note whose mark follows a heading's words (which item of the outline the heading
    answers, where its figures come from) says something of the heading: a person cutting the
    report into items would not copy it into the item. A note on a sentence of the item, in
    the same report, is still read at the item's foot."""
    path = build_report(tmp_path / f"{kind}.docx", "bold_roman", PARTS)
    document = docx.Document(str(path))
    _notes_part(document, {1: SOURCE_NOTE, 2: NOTE}, kind=kind)
    _reference(_heading(document, "Kinh phí thực hiện"), 1, kind=kind)
    _reference(_paragraph(document, SOURCES), 2, kind=kind)
    document.save(str(path))
    parsed = parse_document(path, "docx", path.name, OUTLINE, work_dir=tmp_path)
    item = next(s for s in parsed.sections if s.number == 4)
    assert SOURCE_NOTE not in item.text
    assert item.text.endswith(f"{SOURCES}\n{CLOSING}\n[Chú thích{' cuối' if kind == 'endnote' else ''} 2] {NOTE}")
    assert not any(SOURCE_NOTE in s.text for s in parsed.sections)


def test_a_note_on_a_heading_whose_item_runs_in_after_it_is_kept_with_the_item(tmp_path):
    """"IV. Kinh phí thực hiện: …¹": the paragraph holds the item's first words, and its note
    may be theirs (the funding total): it is read at the item's foot."""
    parts = tuple(Part(f"{p.heading}: {p.content[0]}", p.content[1:]) if p.heading == "Kinh phí thực hiện" else p
                  for p in PARTS)
    path = build_report(tmp_path / "run-in.docx", "bold_arabic", parts)
    document = docx.Document(str(path))
    _notes_part(document, {1: NOTE})
    _reference(_heading(document, SOURCES), 1)
    document.save(str(path))
    parsed = parse_document(path, "docx", path.name, OUTLINE, work_dir=tmp_path)
    item = next(s for s in parsed.sections if s.number == 4)
    assert item.text.startswith(SOURCES)
    assert item.text.endswith(f"[Chú thích 1] {NOTE}")
    assert funding_figure(item.text, item.text, CAMPAIGN).vnd == 12_340_000_000
