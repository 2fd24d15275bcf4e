"""The held-out section corpus (fixtures/heldout, written by fixtures/make_heldout.py):
what is committed is what the generator makes, its headings share no phrase with the
campaign's lists (else it would measure the lists again), and it holds every ladder and
layout it promises. bench/sections.py scores the reader on it; nothing here does, since
the reader must not be tuned on a held-out pool."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from baocao.campaign import load_campaign

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = FIXTURES / "heldout"
ENTRIES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
LADDERS = {"level2_under_one", "part_roman", "letter_upper", "unnumbered_bold"}
LAYOUTS = {"first_heading_missing", "heading_line_break", "extra_heading_between", "reordered", "merged_5_6"}


@functools.cache
def generator():
    """fixtures/make_heldout.py as a module (a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_heldout", FIXTURES / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_heldout"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def fold(text: str) -> str:
    """Case and diacritics away, đ as d, spaces collapsed: how a phrase would be matched at best."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


PHRASES = {fold(p): p for s in load_campaign().sections for p in s.phrases}


def shared(text: str) -> list[str]:
    return [p for folded, p in PHRASES.items() if folded in fold(text)]


# ---------------------------------------------------------------------------------------
# What is committed is what the generator makes
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated():
    mh = generator()
    return {spec.file: (spec, data, entry) for spec, _, data, entry in mh.documents(mh.POOLS[1])}


def test_every_listed_file_exists_and_every_file_is_listed():
    listed = {e["file"] for e in ENTRIES}
    on_disk = {p.name for p in CORPUS.iterdir()} - {"expected.json"}
    assert listed == on_disk


def test_the_generator_makes_the_same_files(regenerated):
    assert sorted(regenerated) == sorted(e["file"] for e in ENTRIES)


def test_regenerated_docx_files_are_the_committed_bytes(regenerated):
    differ = [name for name, (spec, data, _) in regenerated.items()
              if spec.kind == "docx" and (CORPUS / name).read_bytes() != data]
    assert differ == []


def test_regenerated_expected_entries_are_the_committed_ones(regenerated):
    """Everything but what LibreOffice measures (the page count, hence how many of a
    scan's page skews were used)."""
    for committed in ENTRIES:
        made = dict(regenerated[committed["file"]][2], pages=committed["pages"])
        if "scan" in made:
            made["scan"] = dict(made["scan"], skew_deg=made["scan"]["skew_deg"][: committed["pages"]])
        assert made == committed, committed["file"]


def test_a_pool_without_wordings_is_refused_not_made_from_pool_1s():
    mh = generator()
    with pytest.raises(SystemExit, match="pool 2 has no wordings yet"):
        mh.plan(mh.POOLS[2])


def test_pools_have_their_own_seeds_and_folders():
    mh = generator()
    assert mh.POOLS[1].seed != mh.POOLS[2].seed
    assert mh.POOLS[1].out != mh.POOLS[2].out


# ---------------------------------------------------------------------------------------
# Held out from the phrase lists
# ---------------------------------------------------------------------------------------


def test_no_pool_wording_contains_a_campaign_phrase():
    mh = generator()
    wordings = mh.pool_wordings(1)
    assert len(wordings) >= 6 * 3
    assert {w: shared(w) for w in wordings if shared(w)} == {}


def test_no_heading_written_in_the_corpus_contains_a_campaign_phrase():
    lines = [h["text"] for e in ENTRIES for h in e["headings"]]
    assert {line: shared(line) for line in lines if shared(line)} == {}


def test_the_check_would_see_a_listed_phrase_without_its_diacritics():
    assert shared("KHO KHAN, VUONG MAC") and shared("Về kinh phí")


def test_each_item_has_several_wordings_in_use():
    for n in range(1, 7):
        used = {h["text"].split(". ", 1)[-1].casefold() for e in ENTRIES for h in e["headings"] if h["items"] == [n]}
        assert len(used) >= 3, n


# ---------------------------------------------------------------------------------------
# Ladders and layouts
# ---------------------------------------------------------------------------------------


def test_every_ladder_appears():
    assert LADDERS <= {e["ladder"] for e in ENTRIES}


def test_every_layout_appears():
    assert LAYOUTS <= {layout for e in ENTRIES for layout in e["layouts"]}


def test_every_kind_of_file_appears_with_a_few_of_each():
    kinds = [e["kind"] for e in ENTRIES]
    assert kinds.count("docx") >= 20 and kinds.count("pdf") >= 6 and kinds.count("scan") >= 4


def test_scans_are_150_and_200_dpi_skewed_up_to_1_5_degrees_jpeg_40_with_a_red_stamp():
    scans = [e["scan"] for e in ENTRIES if e["kind"] == "scan"]
    assert {s["dpi"] for s in scans} == {150, 200}
    skews = [abs(a) for s in scans for a in s["skew_deg"]]
    assert max(skews) == 1.5 and all(a <= 1.5 for a in skews)
    assert {s["jpeg_quality"] for s in scans} == {40}
    assert all(s["stamp"].startswith("red") for s in scans)
    assert all(e["ocr"] for e in ENTRIES if e["kind"] == "scan")


def test_item_1_without_heading_still_has_its_text_expected():
    missing = [e for e in ENTRIES if "first_heading_missing" in e["layouts"]]
    assert missing
    for e in missing:
        assert [1] not in [h["items"] for h in e["headings"]], e["file"]
        assert e["sections"]["1"], e["file"]


def test_six_items_under_one_heading_are_numbered_below_it():
    for e in (e for e in ENTRIES if e["ladder"] == "level2_under_one"):
        umbrella, *items = e["headings"]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("I. ") and umbrella["text"] in e["absent"]
        assert all(h["text"].split(". ")[0].isdigit() for h in items), e["file"]


def test_a_heading_with_a_line_break_is_written_on_two_lines():
    broken = [e for e in ENTRIES if "heading_line_break" in e["layouts"]]
    assert broken and all(any("\n" in h["text"] for h in e["headings"]) for e in broken)


def test_the_provinces_own_heading_and_its_text_belong_to_no_item():
    extra = [e for e in ENTRIES if "extra_heading_between" in e["layouts"]]
    assert extra
    for e in extra:
        own = [i for i, h in enumerate(e["headings"]) if h["items"] == [] and not h.get("umbrella")]
        assert len(own) == 1, e["file"]
        assert 0 < own[0] < len(e["headings"]) - 1, e["file"]  # between two items, not last
        text = e["headings"][own[0]]["text"].split("\n")
        assert any(line in a for a in e["absent"] for line in text[-1:]), e["file"]


def test_reordered_items_are_out_of_order():
    for e in (e for e in ENTRIES if "reordered" in e["layouts"]):
        order = [h["items"][0] for h in e["headings"] if h["items"]]
        assert order != sorted(order), e["file"]


def test_merged_items_5_and_6_expect_the_same_text():
    merged = [e for e in ENTRIES if "merged_5_6" in e["layouts"]]
    assert merged
    for e in merged:
        assert e["merged"] == [[5, 6]] and e["sections"]["5"] == e["sections"]["6"], e["file"]
        assert [5, 6] in [h["items"] for h in e["headings"]], e["file"]


def test_corpus_stays_small():
    assert sum(p.stat().st_size for p in CORPUS.iterdir()) < 6_000_000
