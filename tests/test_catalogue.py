"""The Vietnamese catalogue is whole and current: every text the code marks for people has a
Vietnamese translation, the catalogue holds nothing the code no longer says, and the
compiled .mo that ships is the .po as it stands (locale/refresh.sh brings all three up to date)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "baocao.po"
MO = PO.with_suffix(".mo")
NOT_THE_PROGRAM = ("tests", "fixtures", "bench", "docs", "deploy", "templates", "locale", "campaigns")


def _extractor():
    spec = importlib.util.spec_from_file_location("baocao_locale_extract", ROOT / "locale" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.extract


def texts_in_the_code(root: Path = ROOT) -> Catalog:
    """What `pybabel extract -F babel.cfg` finds, into a catalogue in memory."""
    extracted = Catalog(domain="baocao")
    method = [("**.py", _extractor())]

    def of_the_program(path: str) -> bool:
        return not Path(path).relative_to(root).parts[0].startswith(NOT_THE_PROGRAM + (".",))

    for filename, lineno, message, comments, context in extract_from_dir(root, method, directory_filter=of_the_program):
        extracted.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return extracted


@pytest.fixture(scope="module")
def code() -> Catalog:
    return texts_in_the_code()


@pytest.fixture(scope="module")
def vietnamese() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="vi")


def test_the_extraction_finds_calls_help_texts_and_docstrings(code):
    assert "Error: {message}" in code                                     # a _() call in cli.py
    assert "The store directory (created by the first ingest)." in code   # an option's help=
    assert any(str(m.id).startswith("For the clerk: what is in the store") for m in code)   # a command's docstring
    assert "a new message was stored" in code                             # an N_() in ingest/watch.py
    assert not any("/tests/" in filename for m in code for filename, _line in m.locations)


def test_every_text_for_people_has_a_vietnamese_translation(code, vietnamese):
    untranslated = [m.id for m in code if m.id and (m.id not in vietnamese or not vietnamese[m.id].string)]
    fuzzy = [m.id for m in vietnamese if m.id and m.fuzzy]
    assert untranslated == [], "no Vietnamese yet (run locale/refresh.sh, translate in baocao.po): " \
        + "; ".join(map(repr, untranslated))
    assert fuzzy == [], "translations marked fuzzy (check them, remove the flag): " + "; ".join(map(repr, fuzzy))


def test_the_catalogue_holds_no_text_the_code_no_longer_has(code, vietnamese):
    stale = [m.id for m in vietnamese if m.id and m.id not in code]
    assert stale == [], "in baocao.po but no longer in the code (run locale/refresh.sh): " + "; ".join(map(repr, stale))


def test_every_translation_keeps_the_fields_of_its_text(vietnamese):
    """A msgstr that lost {store} or gained {sto} would fail only when the message is shown."""
    import string

    def fields(text: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}

    def kept(m) -> bool:
        if not m.pluralizable:
            return fields(m.id) == fields(m.string)
        # Vietnamese has one form for every count: the English plural's, whose fields it keeps.
        return all(fields(form) == fields(m.id[1]) for form in m.string if form)

    wrong = [m.id for m in vietnamese if m.id and m.string and not kept(m)]
    assert wrong == []


def test_the_shipped_mo_is_the_po_compiled(vietnamese):
    compiled = io.BytesIO()
    write_mo(compiled, vietnamese)
    assert MO.read_bytes() == compiled.getvalue(), "baocao.mo is not baocao.po compiled: run locale/refresh.sh"


def test_a_text_without_translation_makes_the_catalogue_test_fail(tmp_path, vietnamese):
    """The check above can fail: a module with a new text is found untranslated."""
    (tmp_path / "new.py").write_text('from baocao.i18n import _\n\nprint(_("a text nobody translated"))\n',
                                     encoding="utf-8")
    new = texts_in_the_code(tmp_path)
    assert [m.id for m in new if m.id and m.id not in vietnamese] == ["a text nobody translated"]
