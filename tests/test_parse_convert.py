""".doc, .odt and .rtf reports become .docx through LibreOffice: what `convert_to_docx` promises.

The inputs are made by LibreOffice itself from a python-docx report (session fixture), so
each test starts from a real file of that format.
"""

import shutil
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from ocr_builders import (
    AFTER_TABLE,
    HARD_LETTERS,
    HEADING,
    PARAGRAPH,
    TABLE,
    add_load_macro,
    build_vietnamese_docx,
    running_processes_mentioning,
    soffice_convert,
)

from baocao.parse.convert import convert_to_docx
from baocao.parse.document import DocumentError
from baocao.parse.docx import read_docx

FORMATS = ("doc", "odt", "rtf")


@pytest.fixture(scope="session")
def sources(tmp_path_factory):
    """{"doc": Path, "odt": Path, "rtf": Path, "docx": Path}: one report in each format."""
    folder = tmp_path_factory.mktemp("lo-sources")
    original = build_vietnamese_docx(folder / "bao-cao.docx")
    made = {fmt: soffice_convert(original, fmt, folder / fmt) for fmt in FORMATS}
    return {"docx": original, **made}


def paragraphs(path):
    return [unicodedata.normalize("NFC", p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def table_rows(path):
    tables = docx.Document(str(path)).tables
    return [tuple(cell.text for cell in row.cells) for row in tables[0].rows] if tables else []


@pytest.mark.parametrize("fmt", FORMATS)
def test_vietnamese_text_survives_conversion(sources, tmp_path, fmt, capsys):
    started = time.monotonic()
    out = convert_to_docx(sources[fmt], tmp_path)
    seconds = time.monotonic() - started
    with capsys.disabled():
        print(f"\n  convert_to_docx .{fmt} -> .docx: {seconds:.2f} s")
    assert out == tmp_path / "bao-cao.docx"
    assert paragraphs(out) == [HEADING, PARAGRAPH, HARD_LETTERS, AFTER_TABLE]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_survives_conversion(sources, tmp_path, fmt):
    assert table_rows(convert_to_docx(sources[fmt], tmp_path)) == list(TABLE)


def test_format_is_read_from_the_content_not_the_name(sources, tmp_path):
    """Word's "save as .doc" from WordPad and many web forms give RTF named .doc."""
    disguised = shutil.copy(sources["rtf"], tmp_path / "bao-cao-rtf.doc")
    out = convert_to_docx(disguised, tmp_path / "out")
    assert paragraphs(out)[1] == PARAGRAPH


def test_output_lands_in_out_dir_even_when_it_does_not_exist_yet(sources, tmp_path):
    out = convert_to_docx(sources["odt"], tmp_path / "a" / "b")
    assert out.parent == tmp_path / "a" / "b" and out.is_file()


@pytest.mark.parametrize("damage", ["truncated", "random_bytes", "ole_header_then_garbage"])
def test_corrupt_doc_is_a_document_error_naming_the_file(sources, tmp_path, damage):
    real = sources["doc"].read_bytes()
    content = {
        "truncated": real[:3000],
        "random_bytes": bytes(range(256)) * 40,
        "ole_header_then_garbage": real[:8] + bytes(range(256)) * 40,
    }[damage]
    broken = tmp_path / "bao-cao-hong.doc"
    broken.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        convert_to_docx(broken, tmp_path / "out")
    assert "bao-cao-hong.doc" in str(error.value)
    assert "Word 97-2003 .doc" in str(error.value)
    # Not a page of gibberish: LibreOffice would open garbage as plain text if allowed to guess.
    assert not (tmp_path / "out" / "bao-cao-hong.docx").exists()


def test_docx_content_is_resaved_as_docx_whatever_its_name(sources, tmp_path):
    # The content says what it is: a .docx named .doc is re-saved as the .docx it is (what the
    # reader does with a .docx it cannot open itself, parse/reports.py).
    misnamed = shutil.copy(sources["docx"], tmp_path / "bao-cao.doc")
    resaved = convert_to_docx(misnamed, tmp_path / "out")
    assert resaved.suffix == ".docx" and any(b.text.strip() for b in read_docx(resaved).blocks)


def test_pdf_given_as_doc_is_refused_with_what_it_is(tmp_path):
    misnamed = tmp_path / "bao-cao.doc"
    misnamed.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    with pytest.raises(DocumentError, match=r"bao-cao\.doc: .*content is a \.pdf file"):
        convert_to_docx(misnamed, tmp_path / "out")


def test_missing_file_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        convert_to_docx(tmp_path / "khong-co.doc", tmp_path)


@pytest.mark.parametrize("limit", [0.01, 0.5])
def test_timeout_stops_libreoffice_and_names_the_limit(sources, tmp_path, limit):
    out_dir = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(DocumentError) as error:
        convert_to_docx(sources["doc"], out_dir, timeout=limit)
    assert time.monotonic() - started < limit + 5
    assert f"{limit:g} s limit" in str(error.value)
    assert "bao-cao.doc" in str(error.value)
    assert running_processes_mentioning(str(out_dir)) == []  # soffice.bin too, not only the launcher
    assert list(out_dir.iterdir()) == []  # no half-written output, no profile left behind


def test_two_conversions_at_once_both_succeed(sources, tmp_path):
    """Each call has its own LibreOffice profile; with a shared one the second is lost."""
    inputs = [shutil.copy(sources["doc"], tmp_path / "tinh-a.doc"),
              shutil.copy(sources["odt"], tmp_path / "tinh-b.odt")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        outs = list(pool.map(lambda p: convert_to_docx(p, tmp_path / "out"), inputs))
    assert [o.name for o in outs] == ["tinh-a.docx", "tinh-b.docx"]
    assert all(paragraphs(o)[1] == PARAGRAPH for o in outs)


def test_document_macro_does_not_run_during_conversion(sources, tmp_path):
    marker = tmp_path / "macro-ran.txt"
    with_macro = add_load_macro(sources["odt"], tmp_path / "co-macro.odt", marker)
    out = convert_to_docx(with_macro, tmp_path / "out")
    assert paragraphs(out)[1] == PARAGRAPH
    assert not marker.exists()


def test_missing_libreoffice_names_the_package_to_install(sources, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without soffice
    with pytest.raises(DocumentError, match="apt-get install -y --no-install-recommends libreoffice-writer-nogui"):
        convert_to_docx(sources["doc"], tmp_path / "out")
