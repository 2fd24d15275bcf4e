"""How well and how fast baocao cuts provincial reports into outline sections, on the
corpus it was tuned on and on a held-out one.

    python3 bench/sections.py                    # tuned, held-out, held-out without phrases
    python3 bench/sections.py --corpus heldout   # held-out (pool 67), with and without phrases
    python3 bench/sections.py --corpus tuned --no-phrases
    python3 bench/sections.py --corpus heldout --heldout fixtures/heldout-10   # an earlier pool
    python3 bench/sections.py --only docx        # one kind: docx | tcvn3 | doc | odt | rtf | pdf | scan
    python3 bench/sections.py --repeat 3 --show 50
    python3 bench/sections.py --corpus heldout --show-flagged 30   # the right cells flagged, and why

Corpora: `tuned` is fixtures/reports/ (fixtures/make_reports.py), whose headings carry the
campaign's `phrases`; `heldout` is the newest held-out pool, fixtures/heldout-67/ (pool 67 of
fixtures/make_heldout.py), whose wordings share no phrase with them nor with pools 1-66 and
whose ladders and layouts neither the tuned corpus nor pools 1-66 have. Pools 31
(fixtures/heldout-31/), 32 (fixtures/heldout-32/), 33 (fixtures/heldout-33/), 34
(fixtures/heldout-34/), 35 (fixtures/heldout-35/), 36 (fixtures/heldout-36/), 37
(fixtures/heldout-37/), 38 (fixtures/heldout-38/), 39 (fixtures/heldout-39/), 40 (fixtures/heldout-40/),
41 (fixtures/heldout-41/), 42 (fixtures/heldout-42/), 43 (fixtures/heldout-43/), 44
(fixtures/heldout-44/), 45 (fixtures/heldout-45/), 46 (fixtures/heldout-46/), 47 (fixtures/heldout-47/), 48
(fixtures/heldout-48/), 49 (fixtures/heldout-49/), 50 (fixtures/heldout-50/), 51 (fixtures/heldout-51/), 52
(fixtures/heldout-52/), 53 (fixtures/heldout-53/), 54 (fixtures/heldout-54/), 55 (fixtures/heldout-55/), 56
(fixtures/heldout-56/), 57 (fixtures/heldout-57/), 58 (fixtures/heldout-58/), 59 (fixtures/heldout-59/), 60
(fixtures/heldout-60/), 61 (fixtures/heldout-61/), 62 (fixtures/heldout-62/), 63 (fixtures/heldout-63/), 64
(fixtures/heldout-64/), 65 (fixtures/heldout-65/) and 66 (fixtures/heldout-66/) were made before it, held out in
turn. Pools 1
(fixtures/heldout/), 2 (fixtures/heldout-2/), 3 (fixtures/heldout-3/), 4 (fixtures/heldout-4/), 5
(fixtures/heldout-5/), 6 (fixtures/heldout-6/), 7 (fixtures/heldout-7/), 8 (fixtures/heldout-8/), 9
(fixtures/heldout-9/), 10 (fixtures/heldout-10/), 11 (fixtures/heldout-11/), 12 (fixtures/heldout-12/), 13
(fixtures/heldout-13/), 14
(fixtures/heldout-14/, read once at the end of the twelfth session), 15 (fixtures/heldout-15/,
read once at the start of the thirteenth), 16 (fixtures/heldout-16/, read once at the end of
the thirteenth), 17 (fixtures/heldout-17/, read once at the start of the fourteenth), 18
(fixtures/heldout-18/, read once late in the fourteenth), 19 (fixtures/heldout-19/, read
once at the start of the fifteenth), 20 (fixtures/heldout-20/, read once late in the
fifteenth), 21 (fixtures/heldout-21/, read once at the end of the fifteenth), 22
(fixtures/heldout-22/, read once at the start of the sixteenth), 23 (fixtures/heldout-23/,
read once in the sixteenth), 24 (fixtures/heldout-24/, read once in the seventeenth), 25
(fixtures/heldout-25/, read once in the seventeenth), 26 (fixtures/heldout-26/, read once in
the eighteenth), 27 (fixtures/heldout-27/, read once in the eighteenth), 28
(fixtures/heldout-28/, read once in the nineteenth), 29 (fixtures/heldout-29/, read once in
the nineteenth) and 30 (fixtures/heldout-30/, read once in the twentieth) have been looked at:
they are
tuning corpora now, scored with `--heldout DIR` but no longer a measure of generalisation.
`--no-phrases` reads with every outline section's `phrases` emptied (the campaign built
here, no file edited): what a new campaign has on its first day. By default it runs the
three that make the headline: tuned, held-out, held-out without phrases.

Review flags: a section the reader marks `review` (its confidence is below
parse/confidence.REVIEW_BELOW) asks a person to check it, and so does an item not found in
a report (the table flags the empty cell of a province that reported). Recall = flagged wrong cells / wrong cells;
false-flag rate = flagged right cells / right cells. Under them, each reason of the flagged
cells (its code and the note the analyst reads): how many wrong and how many right cells it
is among the reasons of; a reason that flags right cells for few wrong ones is one to sharpen.
`--show-flagged N` lists the right cells flagged, with their confidence and reasons.

For each file of a corpus's expected.json it calls `parse_document(path, format, name,
outline)` exactly as ingest does, times it (best of --repeat) and scores its cells. A cell
is one file x one outline item, the items the file has plus any the reader found that the
file does not have. A cell is right when the extracted text of that item
  - contains the expected text (after NFC and whitespace normalisation; for scans,
    rapidfuzz partial_ratio >= 90, since OCR gets a letter wrong here and there; a text shorter than the
    expected one is compared whole, ratio >= 90, as partial_ratio would find it inside the expected text),
  - contains no line of another item's expected text,
  - contains none of the file's `absent` strings (intro, sign-off, page header/footer,
    deleted revisions, the province's own extra part and heading, an umbrella heading).
Items under one merged heading ("5 và 6") expect the same text, so neither counts the
other's lines against it.
A reader that does not exist yet gives `unsupported`, and all its cells are wrong.

Funding: the total the table would give for each file (aggregate/amounts.py report_funding,
on the items read; the whole report's text when the funding item is not found) against
the total the same rules read from the file's expected items: right when the two figures
are equal, "for review" when the table would ask a person to check it (a total far from the
other files' median too: the table flags it so among the provinces). A total both read
and expected lose counts as right there, so it is scored a second time against the true
total, expected.json's `funding.total_vnd` where the generator recorded it (pools 6 on):
right when equal (a file that says it spent nothing, recorded as none, is right read as 0),
and a wrong one should be for review. A file whose expected items do not give its true
total is left out of the first line and scored by the true total alone: the total is in a
footnote, which no item's expected text holds (pool 8), or the rules misread even the
expected text; compared with its expected items, a footnote's total read right would be
wrong and one lost right.

Report number and date: `report_number` and `report_date` read from the letterhead, the date
from the signature block when the letterhead has none (parse/letterhead.py, as the table
does), against the file's own: expected.json's `report_number`/`report_date` where the
generator wrote them, else the letterhead lines it wrote into `absent` ("Số: 139/BC-UBND",
"Bắc Kạn, ngày 23 tháng 5 năm 2022"). Right when both equal; a file with neither line is
not scored.

Pages: PDFs (and scans) are counted with pdfplumber; .docx/.doc have no pages of their own,
so their count is LibreOffice's for the same document (`pages` in expected.json, measured
by make_reports.py when it exported every file to PDF).

Speed: the .docx reader's pages/s (.docx as sent, TCVN3 included) and the text PDF
reader's, each against the target; .doc/.odt/.rtf apart, in seconds per file, since
LibreOffice converts each to .docx first and its start-up, not the reader, is that time.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import shutil
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import docx
from rapidfuzz import fuzz

from baocao.aggregate.review import far_from_the_others, funding_review
from baocao.aggregate.table import funding_figure
from baocao.campaign import load_campaign
from baocao.parse.confidence import Reason, note
from baocao.parse.letterhead import report_reference
from baocao.parse.reports import parse_document

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = load_campaign()  # the bundled campaign: its funding rules, as the table reads them
CORPORA = {"tuned": ROOT / "fixtures" / "reports", "heldout": ROOT / "fixtures" / "heldout-67"}
MAKERS = {"tuned": "fixtures/make_reports.py", "heldout": "fixtures/make_heldout.py --pool 67"}
KINDS = ("docx", "tcvn3", "doc", "odt", "rtf", "pdf", "scan")
TEXT_KINDS = ("docx", "tcvn3", "doc", "odt", "rtf", "pdf")
READ_KINDS = ("docx", "tcvn3")             # read by the .docx reader as they are
CONVERTED_KINDS = ("doc", "odt", "rtf")    # converted to .docx by LibreOffice first
OCR_THRESHOLD = 90
OCR_MIN_LINE = 40  # in a scan, shorter lines are too easily "found" by fuzzy matching
TARGETS = {
    "text_cells": 98.0,  # % right, text documents
    "scan_cells": 90.0,  # % right, scans
    "text_pages_per_s": 20.0,
    "ocr_s_per_page": 10.0,
}


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Cell:
    file: str
    section: int
    right: bool
    why: str = ""
    flagged: bool = False  # the reader asked for a person to check this section
    confidence: float | None = None  # the section's, None when it was not found
    reasons: tuple[str, ...] = ()  # confidence.Reason codes of the section (or of the empty cell)
    holds_heading: int | None = None  # a right cell holding a line of this item's heading as a line (a real doubt)


@dataclass(frozen=True)
class Run:
    """One scoring pass: a corpus read with or without the campaign's phrases."""

    corpus: str  # tuned | heldout
    phrases: bool

    @property
    def label(self) -> str:
        name = {"tuned": "tuned", "heldout": "held-out"}[self.corpus]
        return name if self.phrases else f"{name} without phrases"


@dataclass(frozen=True)
class Funding:
    """The funding total read from a file, against the one its expected items give."""

    right: bool
    review: bool
    true: bool | None = None  # equal to expected.json's funding.total_vnd; None: the file records none
    # The expected items give the true total (or none is recorded): else they cannot be the
    # measure (the total is in a footnote no item's expected text holds, or the funding rules
    # misread even the expected text), and only the true total scores the file.
    items_hold_truth: bool = True
    vnd: int | None = None  # the total read


@dataclass(frozen=True)
class Reference:
    """The report's own number and date as read, against the file's."""

    number_right: bool
    date_right: bool


_WRITTEN_NUMBER = re.compile(r"^Số:\s*(\d+/\S+)$")
_WRITTEN_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$")


def written_reference(entry: dict) -> tuple[str | None, str | None]:
    """The number and ISO date the file was written with (see the docstring)."""
    number, day = entry.get("report_number"), entry.get("report_date")
    for line in entry.get("absent", []):
        if number is None and (m := _WRITTEN_NUMBER.match(line.strip())):
            number = m[1]
        if day is None and (m := _WRITTEN_DATE.search(line.strip())):
            day = f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    return number, day


def reference_of(letterhead: str, signoff: str, entry: dict) -> Reference | None:
    number, day = written_reference(entry)
    if number is None and day is None:
        return None
    read = report_reference(letterhead or "", signoff or "")
    got_day = read.date.isoformat() if read.date else None
    return Reference(number is None or read.number == number, day is None or got_day == day)


def reference_score(results: list[FileResult]) -> str:
    scored = [r.reference for r in results if r.reference is not None]
    return (f"report number and date: {sum(x.number_right for x in scored)}/{len(scored)} numbers, "
            f"{sum(x.date_right for x in scored)}/{len(scored)} dates right")


@dataclass
class FileResult:
    entry: dict
    seconds: float
    pages: int
    status: str
    cells: list[Cell] = field(default_factory=list)
    funding: Funding | None = None
    reference: Reference | None = None
    # re-saved by LibreOffice before it was read (a .docx python-docx refuses, parse/reports.py):
    # timed with the conversions, not the .docx reader
    resaved: bool = False


def contains(haystack: str, needle: str, ocr: bool) -> bool:
    if not needle:
        return True
    if needle in haystack:
        return True
    if not ocr or not haystack:
        return False
    if len(haystack) < len(needle):
        # partial_ratio aligns the shorter string inside the longer: a cell holding two lines of the expected text
        # would "contain" all of it. A shorter text must be the whole expected text, letters misread aside.
        return fuzz.ratio(needle, haystack) >= OCR_THRESHOLD
    return fuzz.partial_ratio(needle, haystack) >= OCR_THRESHOLD


def score_cell(got: str | None, number: int, entry: dict) -> tuple[bool, str]:
    """(right, why not) for the extracted text `got` of outline item `number`."""
    expected = entry["sections"].get(str(number))
    ocr = entry["ocr"]
    if got is None:
        return False, "not found"
    text = squash(got)
    if expected is None:
        return False, "found, but the report has no such section"
    if not contains(text, squash(expected), ocr):
        return False, "expected text missing"
    own = set(expected.split("\n"))
    for other_number, other in entry["sections"].items():
        if other == expected:
            continue  # a merged heading: both items expect the same text
        for line in other.split("\n"):
            if line in own or (ocr and len(line) < OCR_MIN_LINE):
                continue
            if contains(text, squash(line), ocr):
                return False, f"contains text of section {other_number}: {line[:50]!r}"
    for absent in entry.get("absent", []):
        if ocr and len(absent) < OCR_MIN_LINE:
            continue
        if contains(text, squash(absent), ocr):
            return False, f"contains {absent[:50]!r}"
    return True, ""


def heading_held(got: str | None, number: int, entry: dict) -> int | None:
    """The item whose heading (expected.json's `headings`, as written; its own included) has a
    line that is a line of `got`, the extracted text of item `number`: a cell scored right may
    still hold half of a heading the reader cut in two (its first line left at the end of the
    item before, its second taken for the text), and its flag then says a real doubt. Lines of
    12 letters or more; in a scan, of OCR_MIN_LINE or more, compared as for a cell's text."""
    if not got:
        return None
    ocr = entry["ocr"]
    lines = [squash(line) for line in got.split("\n") if line.strip()]
    for heading in entry.get("headings", []):
        for part in heading["text"].split("\n"):
            part = squash(part)
            if len(part) < (OCR_MIN_LINE if ocr else 12):
                continue
            if any(line == part or (ocr and fuzz.ratio(line, part) >= OCR_THRESHOLD) for line in lines):
                return min(heading["items"])
    return None


def pages_of(path: Path, entry: dict) -> int:
    if entry["format"] == "pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    if entry.get("pages"):
        return entry["pages"]
    words = sum(len(t.split()) for t in entry["sections"].values())
    return max(1, round(words / 450))


def outline_of(phrases: bool):
    """The campaign's outline; without phrases, every section's `phrases` emptied."""
    campaign = load_campaign()
    if not phrases:
        campaign = dataclasses.replace(
            campaign, sections=tuple(dataclasses.replace(s, phrases=()) for s in campaign.sections))
    return campaign.sections


def _opens_as_docx(path: Path) -> bool:
    """Whether python-docx opens the file itself (else the reader has LibreOffice re-save it)."""
    try:
        docx.Document(str(path))
    except Exception:  # noqa: BLE001 - whatever python-docx raises, it did not open it
        return False
    return True


def run_file(entry: dict, corpus: Path, outline, repeat: int) -> FileResult:
    path = corpus / entry["file"]
    times, parsed = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = parse_document(path, entry["format"], entry["file"], outline)
        times.append(time.perf_counter() - start)
    result = FileResult(entry, min(times), pages_of(path, entry), parsed.status,
                        resaved=kind_of(entry) in READ_KINDS and not _opens_as_docx(path))
    result.funding = funding_of(parsed.sections, parsed.letterhead, entry, outline)
    result.reference = reference_of(parsed.letterhead, parsed.signoff, entry)
    found = {s.number: s.text for s in parsed.sections}
    # An item not found is flagged as the table flags it: a province that reported has an
    # empty cell ("trống dù tỉnh đã báo cáo"), or its document could not be read at all.
    read = {s.number: s for s in parsed.sections}
    numbers = sorted({int(n) for n in entry["sections"]} | set(found))
    for n in numbers:
        if parsed.status not in ("ok",):
            right, why = False, f"{parsed.status}: {parsed.error[:80]}"
        else:
            right, why = score_cell(found.get(n), n, entry)
        section = read.get(n)
        if section is None:
            cell = Cell(entry["file"], n, right, why, True, None,
                        (Reason.EMPTY_REPORTED.value,) if parsed.status == "ok" else (parsed.status,))
        else:
            cell = Cell(entry["file"], n, right, why, section.review, section.confidence, section.reasons,
                        heading_held(section.text, n, entry) if right else None)
        result.cells.append(cell)
    return result


def funding_of(sections, letterhead: str, entry: dict, outline) -> Funding | None:
    """The file's funding total as the table reads it (its items, and the text before the
    first one: all of it when none was found), against its expected items'; "for review"
    as the table decides it (aggregate/review.py funding_review; an item not found is an
    empty cell to check)."""
    item = next((s.number for s in outline if s.role == "funding"), None)
    if item is None:
        return None
    found = {s.number: s.text for s in sections}
    expected = {int(n): text for n, text in entry["sections"].items()}

    def read(items: dict[int, str], before: str = ""):
        return funding_figure(items.get(item, ""), "\n".join([before, *(items[n] for n in sorted(items))]), CAMPAIGN,
                              bool(entry.get("ocr")))

    got, want = read(found, letterhead), read(expected)
    item_review = item not in found or any(s.review for s in sections if s.number == item)
    # The true total; None where the file says it spent none ("chưa bố trí kinh phí"), which
    # the reader gives as 0 ("stated: no funding").
    truth = (entry.get("funding") or {}).get("total_vnd", ...)

    def is_truth(figure) -> bool:
        return figure.vnd == truth or (truth is None and figure.vnd == 0)

    return Funding(got.vnd == want.vnd, funding_review(got, item_review).review,
                   None if truth is ... else is_truth(got), truth is ... or is_truth(want), got.vnd)


def with_far_figures(results: list[FileResult]) -> list[FileResult]:
    """The results with each total far from the run's others for review, as the table flags it
    among the provinces' (aggregate/review.py far_from_the_others): a pool is a mailbox."""
    read = [r for r in results if r.funding is not None]
    for r, far in zip(read, far_from_the_others([r.funding.vnd for r in read]), strict=True):
        if far:
            r.funding = dataclasses.replace(r.funding, review=True)
    return results


def funding_score(results: list[FileResult]) -> str:
    funded = [r.funding for r in results if r.funding is not None]
    scored = [f for f in funded if f.items_hold_truth]
    right = sum(f.right for f in scored)
    apart = (f" ({len(funded) - len(scored)} left out: their expected items do not give the true total)"
             if len(scored) < len(funded) else "")
    return (f"funding totals: {right}/{len(scored)} as from the expected items{apart}; "
            f"{sum(f.review for f in scored)} for review ({sum(f.review for f in scored if not f.right)} "
            f"of {len(scored) - right} wrong)")


def true_funding_score(results: list[FileResult]) -> str:
    """The funding totals against the ones the files were written with (expected.json's
    `funding.total_vnd`), where recorded."""
    scored = [r.funding for r in results if r.funding is not None and r.funding.true is not None]
    if not scored:
        return "funding totals against the true ones: none recorded"
    right = sum(f.true for f in scored)
    return (f"funding totals: {right}/{len(scored)} as the true totals (expected.json funding.total_vnd); "
            f"{sum(f.review for f in scored if not f.true)} of {len(scored) - right} wrong for review, "
            f"{sum(f.review for f in scored if f.true)} of {right} right")


def kind_of(entry: dict) -> str:
    return entry.get("kind") or ("scan" if entry["ocr"] else entry["format"])


def table(results: list[FileResult]) -> list[str]:
    groups: dict[tuple[str, str], list[FileResult]] = defaultdict(list)
    for r in results:
        groups[(kind_of(r.entry), r.entry["variant"])].append(r)
        groups[(kind_of(r.entry), "ALL")].append(r)
    head = (f"{'kind':<6} {'variant':<22} {'files':>5} {'cells right':>12} {'%':>6} {'pages':>5} {'s':>7} "
            f"{'pages/s':>8} {'s/page':>7}")
    lines = [head, "-" * len(head)]
    for kind in KINDS:
        variants = sorted(v for k, v in groups if k == kind and v != "ALL")
        for variant in [*variants, "ALL"] if variants else []:
            rs = groups[(kind, variant)]
            cells = [c for r in rs for c in r.cells]
            right = sum(c.right for c in cells)
            pages = sum(r.pages for r in rs)
            seconds = sum(r.seconds for r in rs)
            pct = 100 * right / len(cells) if cells else 0.0
            rate = pages / seconds if seconds else float("inf")
            per_page = seconds / pages if pages else 0.0
            s_per_page = f"{per_page:7.3f}" if kind == "scan" else f"{'':>7}"
            label = "ALL" if variant == "ALL" else variant
            lines.append(f"{kind:<6} {label:<22} {len(rs):>5} {f'{right}/{len(cells)}':>12} {pct:>6.1f} "
                         f"{pages:>5} {seconds:>7.3f} {rate:>8.1f} {s_per_page}")
            if variant == "ALL":
                lines.append("")
    return lines


def verdicts(results: list[FileResult], ocr_ran: set[str] | None = None) -> list[str]:
    """The targets met or not; `ocr_ran`, with --ocr-cache: the scans whose OCR ran in this run (not
    from the cache), the only ones whose time says how fast the OCR is."""
    def share(kinds):
        cells = [c for r in results if kind_of(r.entry) in kinds for c in r.cells]
        return (100 * sum(c.right for c in cells) / len(cells)) if cells else None, len(cells)

    def speed(kinds, resaved=False, files=None):
        rs = [r for r in results if kind_of(r.entry) in kinds and r.resaved == resaved
              and (files is None or r.entry["file"] in files)]
        pages, seconds = sum(r.pages for r in rs), sum(r.seconds for r in rs)
        return (pages, seconds) if rs else (0, 0.0)

    out = []
    text_pct, n = share(TEXT_KINDS)
    if text_pct is not None:
        ok = text_pct >= TARGETS["text_cells"]
        out.append(f"text documents: {text_pct:.1f} % of {n} cells right  (target >= {TARGETS['text_cells']:.0f} %)  "
                   f"{'PASS' if ok else 'FAIL'}")
    scan_pct, n = share(("scan",))
    if scan_pct is not None:
        ok = scan_pct >= TARGETS["scan_cells"]
        out.append(f"scans:          {scan_pct:.1f} % of {n} cells right  (target >= {TARGETS['scan_cells']:.0f} %)  "
                   f"{'PASS' if ok else 'FAIL'}")
    # The readers' own speed, per format: a .doc/.odt/.rtf is converted by LibreOffice
    # first (a second or more per file, whatever its length), so it is timed apart and
    # held to no pages/s target.
    for kinds, name in ((READ_KINDS, ".docx speed:"), (("pdf",), "text PDF speed:")):
        pages, seconds = speed(kinds)
        if pages:
            rate = pages / seconds if seconds else float("inf")
            out.append(f"{name:<16}{rate:.1f} pages/s over {pages} pages  "
                       f"(target >= {TARGETS['text_pages_per_s']:.0f})  "
                       f"{'PASS' if rate >= TARGETS['text_pages_per_s'] else 'FAIL'}")
    files = sum(kind_of(r.entry) in CONVERTED_KINDS for r in results)
    pages, seconds = speed(CONVERTED_KINDS)
    if files:
        out.append(f"converted:      {seconds / files:.2f} s/file over {files} .doc/.odt/.rtf files ({pages} pages): "
                   f"LibreOffice's conversion, then the .docx reader (no target)")
    files = sum(r.resaved for r in results)
    pages, seconds = speed(READ_KINDS, resaved=True)
    if files:
        out.append(f"re-saved:       {seconds / files:.2f} s/file over {files} .docx files python-docx refuses "
                   f"({pages} pages): LibreOffice's re-save, then the .docx reader (no target)")
    cached, _ = speed(("scan",))
    pages, seconds = speed(("scan",), files=ocr_ran)
    if cached and not pages:
        out.append(f"OCR speed:      not measured: the OCR of {cached} pages came from --ocr-cache")
    elif pages:
        per_page = seconds / pages
        read = any(r.status == "ok" for r in results if kind_of(r.entry) == "scan")
        note = "" if read else "  (no scan was read: time is meaningless)"
        out.append(f"OCR speed:      {per_page:.2f} s/page over {pages} pages  "
                   f"(target <= {TARGETS['ocr_s_per_page']:.0f})  "
                   f"{'PASS' if per_page <= TARGETS['ocr_s_per_page'] and read else 'FAIL'}{note}")
    return out


def share(cells: list[Cell]) -> str:
    right = sum(c.right for c in cells)
    pct = 100 * right / len(cells) if cells else 0.0
    return f"{right}/{len(cells)} ({pct:.1f} %)"


def by_format(results: list[FileResult]) -> list[str]:
    lines = []
    for kind in KINDS:
        cells = [c for r in results if kind_of(r.entry) == kind for c in r.cells]
        if cells:
            lines.append(f"  {kind:<6} {share(cells)}")
    return lines


def by_item(results: list[FileResult], outline) -> list[str]:
    labels = {s.number: s.label for s in outline}
    cells = defaultdict(list)
    for r in results:
        for c in r.cells:
            cells[c.section].append(c)
    return [f"  §{n} {labels.get(n, ''):<38} {share(cells[n])}" for n in sorted(cells)]


def flag_rates(cells: list[Cell]) -> str:
    """Review-flag recall (flagged wrong / wrong) and false-flag rate (flagged right / right)."""
    wrong = [c for c in cells if not c.right]
    right = [c for c in cells if c.right]
    recall = f"{100 * sum(c.flagged for c in wrong) / len(wrong):.1f} %" if wrong else "n/a (no wrong cell)"
    false = f"{100 * sum(c.flagged for c in right) / len(right):.1f} %" if right else "n/a (no right cell)"
    return (f"review flags: recall {recall} ({sum(c.flagged for c in wrong)} of {len(wrong)} wrong cells flagged); "
            f"false-flag rate {false} ({sum(c.flagged for c in right)} of {len(right)} right cells flagged)")


def flags_by_reason(cells: list[Cell]) -> list[str]:
    """Per reason among the flagged cells' reasons: the wrong and the right cells it is among
    the reasons of (a cell with two reasons counts for both), most right cells first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in cells:
        if c.flagged:
            for code in dict.fromkeys(_base_code(r) for r in c.reasons):
                counts[code][c.right] += 1
    return [f"  {code:<20} wrong {wrong:>3}  right {right:>3}   {note([code])}"
            for code, (wrong, right) in sorted(counts.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))]


def _base_code(code: str) -> str:
    """added_after_6 and its kind are one reason."""
    return Reason.ADDED_AFTER.value if code.startswith(Reason.ADDED_AFTER.value + "_") else code


def runs_of(corpus: str, no_phrases: bool) -> list[Run]:
    corpora = ("tuned", "heldout") if corpus == "all" else (corpus,)
    if no_phrases:
        return [Run(c, False) for c in corpora]
    runs = [Run(c, True) for c in corpora]
    if "heldout" in corpora:
        runs.append(Run("heldout", False))
    return runs


def memoise_ocr(cache: Path) -> set[str]:
    """Let every scan's OCR be done once into `cache` and copied from there after: measuring the
    section reader on scans then takes seconds, not minutes. The key is the scan's bytes, the
    pages asked for and parse/ocr.py's own source (a change to the OCR's settings reads anew).
    Returns the set the names of the scans OCR'd anew are added to: only their time measures the
    OCR's speed (an empty cache, a pool's first reading)."""
    import baocao.parse.ocr as ocr

    recognise = ocr.ocr_pdf
    version = hashlib.sha256(Path(ocr.__file__).read_bytes()).hexdigest()

    def cached(path, out_dir, *args, **kwargs):
        path, out_dir = Path(path), Path(out_dir)
        key = hashlib.sha256(path.read_bytes() + repr(kwargs.get("pages")).encode() + version.encode())
        hit = cache / f"{key.hexdigest()[:32]}.pdf"
        if not hit.is_file():
            ran.add(path.name)
            made = recognise(path, out_dir, *args, **kwargs)
            cache.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(made, hit.with_suffix(".part"))
            hit.with_suffix(".part").replace(hit)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{path.stem}.ocr.pdf"
        shutil.copyfile(hit, target)
        return target

    ran: set[str] = set()
    ocr.ocr_pdf = cached
    return ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("tuned", "heldout", "all"), default="all",
                        help="tuned: fixtures/reports; heldout: the newest held-out pool, fixtures/heldout-67 "
                             "(also scored without phrases); all (default): both")
    parser.add_argument("--no-phrases", action="store_true",
                        help="read every corpus with the outline's phrases emptied (and only so)")
    parser.add_argument("--heldout", type=Path, default=CORPORA["heldout"],
                        help="the held-out pool to score (default fixtures/heldout-67, the newest; "
                             "fixtures/heldout, heldout-2 ... heldout-30 are tuning corpora now, "
                             "heldout-31, heldout-32, heldout-33, heldout-34, heldout-35, heldout-36, "
                             "heldout-37, heldout-38, heldout-39, heldout-40, heldout-41, heldout-42, "
                             "heldout-43, heldout-44, heldout-45, heldout-46, heldout-47, heldout-48, heldout-49, "
                             "heldout-50, heldout-51, heldout-52, heldout-53, heldout-54, heldout-55, "
                             "heldout-56, heldout-57, heldout-58, heldout-59, heldout-60, heldout-61, heldout-62, "
                             "heldout-63, heldout-64, heldout-65 and heldout-66 the pools before it)")
    parser.add_argument("--only", choices=KINDS, action="append",
                        help="only this kind of file (repeatable); docx also matches nothing else")
    parser.add_argument("--repeat", type=int, default=1, help="parse each file N times, keep the best time")
    parser.add_argument("--show", type=int, default=40, help="list at most N wrong cells a run (0: none)")
    parser.add_argument("--show-flagged", type=int, default=0,
                        help="list at most N right cells flagged for review a run, with their reasons (default 0)")
    parser.add_argument("--ocr-cache", type=Path, metavar="DIR",
                        help="keep each scan's OCR in DIR and reuse it on later runs (the OCR speed is then "
                             "measured on the scans OCR'd anew only: an empty DIR for a pool's first reading)")
    args = parser.parse_args(argv)
    ocr_ran = memoise_ocr(args.ocr_cache.resolve()) if args.ocr_cache else None

    corpora = dict(CORPORA, heldout=args.heldout.resolve())
    headline: list[tuple[Run, list[Cell], str, str]] = []
    for run in runs_of(args.corpus, args.no_phrases):
        corpus = corpora[run.corpus]
        expected_path = corpus / "expected.json"
        if not expected_path.is_file():
            print(f"{expected_path} is missing: run python3 {MAKERS[run.corpus]}", file=sys.stderr)
            return 2
        entries = json.loads(expected_path.read_text(encoding="utf-8"))
        if args.only:
            entries = [e for e in entries if kind_of(e) in args.only]
        outline = outline_of(run.phrases)

        if ocr_ran is not None:
            ocr_ran.clear()
        started = time.perf_counter()
        results = with_far_figures([run_file(e, corpus, outline, max(1, args.repeat)) for e in entries])
        wall = time.perf_counter() - started
        cells = [c for r in results for c in r.cells]
        headline.append((run, cells, f"{funding_score(results)}\n{'':<54}{true_funding_score(results)}",
                         reference_score(results)))

        where = corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus
        title = f"== {run.label}: {len(results)} files from {where} =="
        print(title)
        print(f"best of {args.repeat}; pages: pdfplumber for PDF, LibreOffice's count for .docx/.doc")
        print()
        print("\n".join(table(results)))
        statuses = defaultdict(lambda: defaultdict(int))
        for r in results:
            statuses[kind_of(r.entry)][r.status] += 1
        print("reader status: " + "; ".join(
            f"{k}: " + ", ".join(f"{n} {s}" for s, n in sorted(v.items())) for k, v in statuses.items()))
        print()
        print(f"cells right, {run.label}: {share(cells)}")
        print("by format:")
        print("\n".join(by_format(results)))
        print("by item:")
        print("\n".join(by_item(results, outline)))
        print(flag_rates(cells))
        if any(c.flagged for c in cells):
            print("flags by reason (cells flagged, with this reason among theirs):")
            print("\n".join(flags_by_reason(cells)))
            held = sum(c.right and c.flagged and c.holds_heading is not None for c in cells)
            print(f"  of the right cells flagged, {held} hold a line of a heading as a line of theirs (a real doubt)")
        print(funding_score(results))
        print(true_funding_score(results))
        print(reference_score(results))
        print()
        print("\n".join(verdicts(results, ocr_ran)))
        wrong = [c for c in cells if not c.right and not c.why.startswith("unsupported")]
        unsupported = sum(1 for c in cells if c.why.startswith("unsupported"))
        if wrong and args.show:
            print()
            print(f"wrong cells ({len(wrong)}, unsupported ones not listed: {unsupported}):")
            for c in wrong[: args.show]:
                # A cell found with no doubt has its confidence shown too (a wrong cell the reader was sure of).
                why = f"  ({c.confidence}: {', '.join(c.reasons)})" if c.reasons or c.confidence is not None else ""
                print(f"  {c.file} §{c.section}: {c.why}{'  [flagged]' if c.flagged else ''}{why}")
            if len(wrong) > args.show:
                print(f"  ... and {len(wrong) - args.show} more (--show N)")
        flagged_right = [c for c in cells if c.right and c.flagged]
        if flagged_right and args.show_flagged:
            print()
            print(f"right cells flagged ({len(flagged_right)}):")
            for c in flagged_right[: args.show_flagged]:
                held = f"  (holds a line of §{c.holds_heading}'s heading)" if c.holds_heading is not None else ""
                print(f"  {c.file} §{c.section}: {c.confidence}  {', '.join(c.reasons)}{held}")
            if len(flagged_right) > args.show_flagged:
                print(f"  ... and {len(flagged_right) - args.show_flagged} more (--show-flagged N)")
        if results:
            print(f"\nwall time {wall:.1f} s; median per file "
                  f"{statistics.median(r.seconds for r in results) * 1000:.1f} ms")
        print()

    print("== headline ==")
    for run, cells, funding, reference in headline:
        print(f"  {run.label:<28} {share(cells):>20}   {flag_rates(cells)}")
        print(f"  {'':<28} {'':>20}   {funding}")
        print(f"  {'':<28} {'':>20}   {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
