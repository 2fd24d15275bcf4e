"""The held-out section corpora (fixtures/heldout for pool 1, fixtures/heldout-2 for pool 2,
written by fixtures/make_heldout.py): what is committed is what the generator makes, their
headings share no phrase with the campaign's lists (else they would measure the lists
again), pool 2's share no wording with pool 1's (else it would measure what pool 1's
failures taught), and each pool holds every ladder and layout it promises.
bench/sections.py scores the reader on them; nothing here does, since the reader must not
be tuned on a held-out pool."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from baocao.campaign import load_campaign

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPORA = {1: FIXTURES / "heldout", 2: FIXTURES / "heldout-2"}
LADDERS = {
    1: {"level2_under_one", "part_roman", "letter_upper", "unnumbered_bold"},
    2: {"level2_under_one", "part_roman", "letter_upper", "unnumbered_bold", "part_ordinal"},
}
LAYOUTS_1 = {"first_heading_missing", "heading_line_break", "extra_heading_between", "reordered", "merged_5_6"}
LAYOUTS = {1: LAYOUTS_1, 2: LAYOUTS_1 | {"number_skipped", "trailing_colon", "heading_without_outline_words"}}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám")


@functools.cache
def generator():
    """fixtures/make_heldout.py as a module (a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_heldout", FIXTURES / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_heldout"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@functools.cache
def entries_of(pool: int) -> list[dict]:
    return json.loads((CORPORA[pool] / "expected.json").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Case and diacritics away, đ as d, spaces collapsed: how a phrase would be matched at best."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


PHRASES = {fold(p): p for s in load_campaign().sections for p in s.phrases}
OUTLINE_WORDS = {w for s in load_campaign().sections for w in re.findall(r"\w+", fold(s.heading))}


def shared(text: str) -> list[str]:
    return [p for folded, p in PHRASES.items() if folded in fold(text)]


def title_of(heading: str) -> str:
    """A heading line without its number ("IV. ", "Phần thứ tư. ", "PHẦN IV" on the line
    above) and without a trailing colon: the wording as the province chose it."""
    last = heading.split("\n")[-1]
    last = re.sub(r"^(?:PHẦN [IVX]+\. |Phần thứ \w+\. |[IVX]+\. |[A-H]\. |\d+\. )", "", last)
    return last.removesuffix(":")


def shown_number(heading: str) -> int | None:
    """The number a heading shows, whatever its ladder (II., B., 2., PHẦN II, Phần thứ hai)."""
    first = heading.split("\n")[0]
    if m := re.match(r"(?:PHẦN )?([IVX]+)\b", first):
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:PHẦN THỨ|Phần thứ) (\w+)", first):
        return ORDINALS.index(m.group(1).lower()) + 1
    if m := re.match(r"([A-H])\. ", first):
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"(\d+)\. ", first):
        return int(m.group(1))
    return None


@pytest.fixture(params=sorted(CORPORA), ids=lambda n: f"pool{n}")
def pool(request) -> int:
    return request.param


# ---------------------------------------------------------------------------------------
# What is committed is what the generator makes
# ---------------------------------------------------------------------------------------


@functools.cache
def regenerate(pool: int) -> dict:
    mh = generator()
    return {spec.file: (spec, data, entry) for spec, _, data, entry in mh.documents(mh.POOLS[pool])}


def test_every_listed_file_exists_and_every_file_is_listed(pool):
    listed = {e["file"] for e in entries_of(pool)}
    on_disk = {p.name for p in CORPORA[pool].iterdir()} - {"expected.json"}
    assert listed == on_disk


def test_the_generator_makes_the_same_files(pool):
    assert sorted(regenerate(pool)) == sorted(e["file"] for e in entries_of(pool))


def test_regenerated_docx_files_are_the_committed_bytes(pool):
    differ = [name for name, (spec, data, _) in regenerate(pool).items()
              if spec.kind == "docx" and (CORPORA[pool] / name).read_bytes() != data]
    assert differ == []


def test_regenerated_expected_entries_are_the_committed_ones(pool):
    """Everything but what LibreOffice measures (the page count, hence how many of a
    scan's page skews were used)."""
    regenerated = regenerate(pool)
    for committed in entries_of(pool):
        made = dict(regenerated[committed["file"]][2], pages=committed["pages"])
        if "scan" in made:
            made["scan"] = dict(made["scan"], skew_deg=made["scan"]["skew_deg"][: committed["pages"]])
        assert made == committed, committed["file"]


def test_every_entry_names_its_pool(pool):
    assert {e["pool"] for e in entries_of(pool)} == {pool}


def test_a_pool_without_wordings_is_refused_not_made_from_pool_1s(monkeypatch):
    mh = generator()
    monkeypatch.setitem(mh.WORDINGS, 2, {})
    with pytest.raises(SystemExit, match="pool 2 has no wordings yet"):
        mh.plan(mh.POOLS[2])


def test_pools_have_their_own_seeds_and_folders():
    mh = generator()
    assert mh.POOLS[1].seed != mh.POOLS[2].seed
    assert mh.POOLS[1].out != mh.POOLS[2].out
    assert mh.POOLS[2].out == CORPORA[2]


# ---------------------------------------------------------------------------------------
# Held out from the phrase lists, and pool 2 from pool 1
# ---------------------------------------------------------------------------------------


def test_no_pool_wording_contains_a_campaign_phrase(pool):
    mh = generator()
    wordings = mh.pool_wordings(pool)
    assert len(wordings) >= 6 * 3
    assert {w: shared(w) for w in wordings if shared(w)} == {}


def test_no_heading_written_in_the_corpus_contains_a_campaign_phrase(pool):
    lines = [h["text"] for e in entries_of(pool) for h in e["headings"]]
    assert {line: shared(line) for line in lines if shared(line)} == {}


def test_the_check_would_see_a_listed_phrase_without_its_diacritics():
    assert shared("KHO KHAN, VUONG MAC") and shared("Về kinh phí")


def test_pool_2_shares_no_wording_with_pool_1():
    mh = generator()
    first = mh.pool_wordings(1)
    repeated = {w: [v for v in first if mh.shared_wording(w, v)] for w in mh.pool_wordings(2)}
    assert {w: v for w, v in repeated.items() if v} == {}
    headings_1 = {fold(title_of(h["text"])) for e in entries_of(1) for h in e["headings"]}
    headings_2 = {fold(title_of(h["text"])) for e in entries_of(2) for h in e["headings"]}
    assert headings_1 & headings_2 == set()


def test_the_wording_check_sees_a_repeat_a_containment_and_a_long_run_of_words():
    mh = generator()
    assert mh.shared_wording("Những trở ngại trong quá trình triển khai", "NHUNG TRO NGAI TRONG QUA TRINH TRIEN KHAI")
    assert mh.shared_wording("Các điểm nghẽn cần tháo gỡ ngay", "Các điểm nghẽn cần tháo gỡ")
    assert mh.shared_wording("Về tình hình bố trí và huy động vốn cho đô thị",
                             "Tình hình bố trí và huy động vốn cho ĐTTM")
    assert not mh.shared_wording("Kết quả xây dựng đô thị thông minh", "Những kết quả chủ yếu về xây dựng đô thị")


def test_check_pool_refuses_a_pool_2_wording_taken_from_pool_1(monkeypatch):
    mh = generator()
    monkeypatch.setitem(mh.EXTRA, 2, (*mh.EXTRA[2], mh.EXTRA[1][0]))
    with pytest.raises(AssertionError, match="repeats pool 1"):
        mh.check_pool(2)


def test_each_item_has_several_wordings_in_use(pool):
    for n in range(1, 7):
        used = {fold(title_of(h["text"])) for e in entries_of(pool) for h in e["headings"] if h["items"] == [n]}
        assert len(used) >= 3, n


# ---------------------------------------------------------------------------------------
# Ladders and layouts
# ---------------------------------------------------------------------------------------


def test_every_ladder_appears(pool):
    assert LADDERS[pool] <= {e["ladder"] for e in entries_of(pool)}


def test_every_layout_appears(pool):
    assert LAYOUTS[pool] <= {layout for e in entries_of(pool) for layout in e["layouts"]}


def test_every_kind_of_file_appears_with_a_few_of_each(pool):
    kinds = [e["kind"] for e in entries_of(pool)]
    assert kinds.count("docx") >= 20 and kinds.count("pdf") >= 6 and kinds.count("scan") >= 4


def test_scans_are_150_and_200_dpi_skewed_up_to_1_5_degrees_jpeg_40_with_a_red_stamp(pool):
    entries = entries_of(pool)
    scans = [e["scan"] for e in entries if e["kind"] == "scan"]
    assert {s["dpi"] for s in scans} == {150, 200}
    skews = [abs(a) for s in scans for a in s["skew_deg"]]
    assert max(skews) == 1.5 and all(a <= 1.5 for a in skews)
    assert {s["jpeg_quality"] for s in scans} == {40}
    assert all(s["stamp"].startswith("red") for s in scans)
    assert all(e["ocr"] for e in entries if e["kind"] == "scan")


def test_item_1_without_heading_still_has_its_text_expected(pool):
    missing = [e for e in entries_of(pool) if "first_heading_missing" in e["layouts"]]
    assert missing
    for e in missing:
        assert [1] not in [h["items"] for h in e["headings"]], e["file"]
        assert e["sections"]["1"], e["file"]


def test_six_items_under_one_heading_are_numbered_below_it(pool):
    for e in (e for e in entries_of(pool) if e["ladder"] == "level2_under_one"):
        umbrella, *items = e["headings"]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("I. ") and umbrella["text"] in e["absent"]
        assert all(h["text"].split(". ")[0].isdigit() for h in items), e["file"]


def test_a_heading_with_a_line_break_is_written_on_two_lines(pool):
    broken = [e for e in entries_of(pool) if "heading_line_break" in e["layouts"]]
    assert broken and all(any("\n" in h["text"] for h in e["headings"]) for e in broken)


def test_the_provinces_own_heading_and_its_text_belong_to_no_item(pool):
    extra = [e for e in entries_of(pool) if "extra_heading_between" in e["layouts"]]
    assert extra
    for e in extra:
        own = [i for i, h in enumerate(e["headings"]) if h["items"] == [] and not h.get("umbrella")]
        assert len(own) == 1, e["file"]
        assert 0 < own[0] < len(e["headings"]) - 1, e["file"]  # between two items, not last
        text = e["headings"][own[0]]["text"].split("\n")
        assert any(line in a for a in e["absent"] for line in text[-1:]), e["file"]


def test_reordered_items_are_out_of_order(pool):
    for e in (e for e in entries_of(pool) if "reordered" in e["layouts"]):
        order = [h["items"][0] for h in e["headings"] if h["items"]]
        assert order != sorted(order), e["file"]


def test_merged_items_5_and_6_expect_the_same_text(pool):
    merged = [e for e in entries_of(pool) if "merged_5_6" in e["layouts"]]
    assert merged
    for e in merged:
        assert e["merged"] == [[5, 6]] and e["sections"]["5"] == e["sections"]["6"], e["file"]
        assert [5, 6] in [h["items"] for h in e["headings"]], e["file"]


def test_parts_numbered_in_words_phan_thu_nhat_phan_thu_hai():
    ordinal = [e for e in entries_of(2) if e["ladder"] == "part_ordinal"]
    assert {"\n" in e["headings"][0]["text"] for e in ordinal} == {True, False}  # on its own line, and not
    for e in ordinal:
        assert all(re.match(r"(PHẦN THỨ|Phần thứ) \w+", h["text"]) for h in e["headings"]), e["file"]


def test_numbering_that_skips_a_number_jumps_by_two_once():
    skipped = [e for e in entries_of(2) if "number_skipped" in e["layouts"]]
    assert len({e["ladder"] for e in skipped}) >= 3
    for e in skipped:
        numbers = [shown_number(h["text"]) for h in e["headings"] if not h.get("umbrella")]
        steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
        assert numbers[0] == 1 and sorted(steps) == [1] * (len(steps) - 1) + [2], e["file"]


def test_headings_with_a_trailing_colon_all_end_with_it():
    colon = [e for e in entries_of(2) if "trailing_colon" in e["layouts"]]
    assert len({e["ladder"] for e in colon}) >= 3
    for e in colon:
        assert all(h["text"].endswith(":") for h in e["headings"] if not h.get("umbrella")), e["file"]


def test_a_heading_without_outline_words_shares_no_syllable_with_the_outline():
    opaque = [e for e in entries_of(2) if "heading_without_outline_words" in e["layouts"]]
    assert len(opaque) >= 4
    items = set()
    for e in opaque:
        bare = [h for h in e["headings"] if h["items"]
                and not set(re.findall(r"\w+", fold(title_of(h["text"])))) & OUTLINE_WORDS]
        assert len(bare) == 1, e["file"]
        items.update(bare[0]["items"])
        assert e["sections"][str(bare[0]["items"][0])], e["file"]
    assert len(items) >= 4  # not always the same item


def test_corpus_stays_small(pool):
    assert sum(p.stat().st_size for p in CORPORA[pool].iterdir()) < 6_000_000
