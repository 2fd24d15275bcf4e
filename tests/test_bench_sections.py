"""bench/sections.py's verdicts: what it says of the OCR's speed when scans come from --ocr-cache, and
which funding totals it counts for review."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "sections.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_sections", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_sections"] = module
    spec.loader.exec_module(module)
    return module


def scans(bench, *names):
    return [bench.FileResult({"file": name, "format": "pdf", "ocr": True, "kind": "scan"}, 6.0, 2, "ok")
            for name in names]


def ocr_line(lines):
    return next(line for line in lines if line.startswith("OCR speed:"))


def test_the_ocr_speed_is_measured_on_the_scans_ocrd_anew_only(bench):
    """A pool's first reading runs with an empty --ocr-cache: the scans OCR'd in the run are timed
    (the speed was "not measured" for any run with a cache), those read from it are not."""
    results = scans(bench, "a.pdf", "b.pdf", "c.pdf")
    assert ocr_line(bench.verdicts(results, {"a.pdf", "b.pdf"})).startswith("OCR speed:      3.00 s/page over 4 pages")
    assert "not measured" in ocr_line(bench.verdicts(results, set()))
    assert "over 6 pages" in ocr_line(bench.verdicts(results, None))


def test_a_total_far_from_the_pools_others_counts_for_review_as_the_table_flags_it(bench):
    """A pool is a mailbox: a total a unit slip made a thousand times the others' is flagged in
    the table among the provinces, so the bench counts it for review too."""
    results = scans(bench, *(f"{k}.pdf" for k in range(6)))
    for r, billions in zip(results, (3, 5, 8, 12, 20, 8_000), strict=True):
        r.funding = bench.Funding(right=True, review=False, true=billions != 8_000, vnd=billions * 10**9)
    flagged = [r.funding.review for r in bench.with_far_figures(results)]
    assert flagged == [False] * 5 + [True]
