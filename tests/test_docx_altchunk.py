"""An altChunk (w:altChunk): a part of the package Word imports in its place and shows as the
document's own text: HTML, MHT, plain text, RTF or another .docx. The reader reads it in its
place; a chunk that cannot be read is noted, and the rest of the report read all the same."""

import dataclasses
import io
import shutil

import docx
import pytest
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import Bold, build_lines

from baocao.campaign import load_campaign
from baocao.parse.altchunk import RELATIONSHIP
from baocao.parse.docx import read_docx
from baocao.parse.sections import extract_sections

HTML = "text/html"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def with_chunks(document, chunks, before=None):
    """`document` with a w:altChunk for each (content type, bytes), before the paragraph
    `before` (else at the end of the body), each its own part."""
    for n, (content_type, blob) in enumerate(chunks, start=1):
        part = Part(PackURI(f"/word/afchunk{n}.bin"), content_type, blob, document.part.package)
        rel_id = document.part.relate_to(part, RELATIONSHIP)
        chunk = parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rel_id}"/>')
        if before is not None:
            before._p.addprevious(chunk)
        else:
            document.element.body.insert(len(document.element.body) - 1, chunk)  # before w:sectPr
    return document


def saved(document, tmp_path, name="bao-cao.docx"):
    document.save(tmp_path / name)
    return tmp_path / name


def texts(path):
    return [block.text for block in read_docx(path).blocks]


def around(chunks):
    document = docx.Document()
    document.add_paragraph("Trước phần nhúng.")
    after = document.add_paragraph("Sau phần nhúng.")
    return with_chunks(document, chunks, before=after)


def test_an_html_chunk_is_read_in_its_place_a_paragraph_a_block_tag(tmp_path):
    page = ("<html><head><title>Không phải nội dung</title><style>p {color: red}</style></head><body>"
            "<p>Đoạn thứ nhất &amp; thứ hai.</p><div>Đoạn <b>có chữ đậm</b> trong div.</div></body></html>")
    path = saved(around([(HTML, page.encode())]), tmp_path)
    assert texts(path) == ["Trước phần nhúng.", "Đoạn thứ nhất & thứ hai.", "Đoạn có chữ đậm trong div.",
                           "Sau phần nhúng."]


def test_an_html_chunk_keeps_what_makes_a_heading_bold_levels_list_numbers_and_table_rows(tmp_path):
    page = ("<body><h2>Tiêu đề mục</h2><p><strong>Dòng in đậm</strong></p><ol type='a'><li>Ý thứ nhất</li>"
            "<li>Ý thứ hai</li></ol><table><tr><th>Hạng mục</th><th>Kinh phí</th></tr>"
            "<tr><td>Trung tâm điều hành</td><td>1.200</td></tr></table></body>")
    blocks = read_docx(saved(around([(HTML, page.encode())]), tmp_path)).blocks
    heading, bold, first, second, header, row = blocks[1:7]
    assert (heading.text, heading.heading_level, heading.bold) == ("Tiêu đề mục", 2, True)
    assert bold.bold and not first.bold
    assert (first.line, second.line) == ("a. Ý thứ nhất", "b. Ý thứ hai")
    assert (header.kind, header.text, header.bold) == ("table_row", "Hạng mục | Kinh phí", True)
    assert (row.text, row.bold) == ("Trung tâm điều hành | 1.200", False)


def test_an_html_chunk_in_a_code_page_it_names_is_read_in_it(tmp_path):
    words = "Ki\u00ea\u0301n nghi\u0323"  # as Windows' Vietnamese code page writes "Kiến nghị": tones apart
    page = f'<html><head><meta charset="windows-1258"></head><body><p>{words}</p></body></html>'
    path = saved(around([(HTML, page.encode("cp1258"))]), tmp_path)
    assert texts(path)[1] == "Kiến nghị"


def test_a_docx_chunk_is_read_as_a_document_of_its_own_in_its_place(tmp_path):
    inner = docx.Document()
    inner.add_paragraph("Đoạn của tệp .docx nhúng.")
    inner.add_paragraph().add_run("Dòng đậm của nó").bold = True
    blob = io.BytesIO()
    inner.save(blob)
    path = saved(around([(DOCX, blob.getvalue())]), tmp_path)
    document = read_docx(path)
    assert [b.text for b in document.blocks] == ["Trước phần nhúng.", "Đoạn của tệp .docx nhúng.", "Dòng đậm của nó",
                                                 "Sau phần nhúng."]
    assert document.blocks[2].bold and document.partial == ""


def test_plain_text_and_mht_chunks_are_read(tmp_path):
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
           "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
           "<p>Trang MHT</p>\r\n--b--\r\n")
    chunks = [("text/plain", "Dòng một\nDòng hai\n".encode()), ("message/rfc822", mht.encode())]
    assert texts(saved(around(chunks), tmp_path)) == ["Trước phần nhúng.", "Dòng một", "Dòng hai", "Trang MHT",
                                                     "Sau phần nhúng."]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice reads RTF chunks")
def test_an_rtf_chunk_is_read_as_libreoffice_makes_it_a_docx(tmp_path):
    rtf = rb"{\rtf1\ansi {\b Ki\u7871?n ngh\u7883?}\par N\u7897?i dung.\par}"
    assert texts(saved(around([("application/rtf", rtf)]), tmp_path)) == [
        "Trước phần nhúng.", "Kiến nghị", "Nội dung.", "Sau phần nhúng."]


@pytest.mark.parametrize("content_type, blob", [
    (DOCX, b"not a zip at all"),                     # a .docx chunk that is no package
    ("application/x-unknown", b"\x00\x01"),          # a type Word does not import
    ("message/rfc822", b"Subject: no page\r\n\r\n"),  # an MHT without its page
])
def test_a_chunk_that_cannot_be_read_is_noted_and_the_rest_read(tmp_path, content_type, blob):
    document = read_docx(saved(around([(content_type, blob), (HTML, "<p>Chunk sau vẫn đọc</p>".encode())]), tmp_path))
    assert [b.text for b in document.blocks] == ["Trước phần nhúng.", "Chunk sau vẫn đọc", "Sau phần nhúng."]
    assert "altChunk" in document.partial


def test_a_chunk_naming_a_part_not_in_the_file_is_noted(tmp_path):
    document = docx.Document()
    document.add_paragraph("Đoạn.")
    document.element.body.insert(1, parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="rId999"/>'))
    read = read_docx(saved(document, tmp_path))
    assert [b.text for b in read.blocks] == ["Đoạn."] and "altChunk" in read.partial


def test_a_chunk_in_a_table_cell_is_not_read_and_said_so(tmp_path):
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    with_chunks(document, [(HTML, b"<p>In a cell</p>")], before=cell.paragraphs[0])
    read = read_docx(saved(document, tmp_path))
    assert "In a cell" not in " ".join(b.text for b in read.blocks)
    assert "1 part(s) Word imports in place (altChunk) in a table" in read.partial


def test_an_items_text_in_an_html_chunk_under_its_heading_is_that_items_text(tmp_path):
    """Pool 24's alt_chunk_item: item 6's text imported from an HTML part, right under its heading."""
    outline = tuple(dataclasses.replace(s, phrases=()) for s in load_campaign().sections)
    lines = []
    for n in range(1, 6):
        lines += [Bold(f"{n}. Phần {n} của báo cáo"), f"Nội dung riêng của phần {n} trong báo cáo của tỉnh."]
    path = build_lines(tmp_path / "bao-cao.docx", (*lines, Bold("6. Đề xuất, kiến nghị")))
    document = docx.Document(path)
    heading = next(p for p in document.paragraphs if p.text.startswith("6."))
    page = "<p>Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá.</p><p>Đề nghị hỗ trợ kinh phí.</p>"
    after = heading._p.getnext()
    while after is not None and after.tag.endswith("}p") and not "".join(after.itertext()).strip():
        after = after.getnext()
    chunk_document = with_chunks(document, [(HTML, page.encode())], before=docx.text.paragraph.Paragraph(
        after, document._body))
    sections = extract_sections(read_docx(saved(chunk_document, tmp_path, "ke.docx")), outline)
    six = next(s for s in sections.sections if s.number == 6)
    assert "Đề nghị Bộ Xây dựng sớm ban hành bộ chỉ số đánh giá." in six.text
    assert "Đề nghị hỗ trợ kinh phí." in six.text
