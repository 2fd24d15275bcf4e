"""baocao keeps its promises on real mail nobody here wrote: the public test messages and
documents of fixtures/conformance/ (SOURCES.md says where each comes from), checked by
bench/conformance.py, which runs `baocao ingest` on them as the clerk does."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "conformance.py"
WRAPPER = ROOT / "fixtures" / "conformance" / "make_wrapped.py"


def _load(path: Path):
    """A script of bench/ or fixtures/ (not part of the package) as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_public_test_message_and_document_keeps_every_promise(tmp_path):
    conformance = _load(BENCH)
    results = conformance.check(tmp_path)
    assert [r.name for r in results] == ["messages", "wrapped"]
    assert all(r.files and r.stored == r.files for r in results), [(r.name, r.files, r.stored) for r in results]
    broken = [str(b) for r in results for b in r.broken]
    assert not broken, f"{len(broken)} broken promise(s):\n" + "\n".join(broken)


def test_wrapped_documents_are_the_output_of_make_wrapped():
    """The committed wrapped/ messages are exactly what make_wrapped.py makes from documents/."""
    make_wrapped = _load(WRAPPER)
    committed = {p.name: p.read_bytes() for p in (WRAPPER.parent / "wrapped").glob("*.eml")}
    assert committed == make_wrapped.wrapped_messages()
