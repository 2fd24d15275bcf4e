"""How well baocao's OCR reads a scanned report, under each of ocrmypdf's preprocessing
settings: character error rate (CER) and seconds per page.

    python3 bench/ocr.py                          # 150 and 200 dpi, every setting (~25 min on 2 busy vCPU)
    python3 bench/ocr.py --dpi 200 --settings none deskew
    python3 bench/ocr.py --keep /tmp/ocr-bench    # leave the scans and their OCR there

The scans are generated (tests/ocr_builders.py), so their text is known exactly: a two-page
report, page 1 the letterhead and items I.-III. (Roman headings, the first a long
capitalised heading wrapped onto two lines, Arabic sub-headings, body text with
diacritics and amounts), page 2 items IV.-VI. and the sign-off with a red round stamp over
the signature. Each is scanned in colour at --dpi, every page skewed (the cases: 0°,
0.75°, 1.5°, the two pages turned opposite ways; and 1° with page 2 upside down, as a
sheet fed the wrong way), blurred a little, speckled, stored as JPEG at quality 40. The
noise is seeded: every run makes the same files.

Each scan goes through `ocr_pdf` (what parse_document calls) with the setting's
ocrmypdf options, and the result through `read_pdf` (what parse_document reads it
with). CER = Levenshtein distance (rapidfuzz) between what was read and the page's text,
over the length of the page's text; both NFC, table-cell bars dropped, whitespace
collapsed to single spaces. Reading order is the page's (pdf.py reads lines by their
baseline), so the letterhead's two columns are compared row by row. The stamp's own
letters are not in the reference: whatever OCR makes of them counts as errors.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from baocao.parse.ocr import DESPECKLE, DROP_STAMP, PREPROCESSING, ocr_pdf
from baocao.parse.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ocr_builders import (  # noqa: E402  (tests/ is not a package)
    page_text,
    render_report_page,
    report_page_lines,
    scan_pages,
    signoff_page_lines,
)

QUALITY = 40
SEED = 14


@dataclass(frozen=True)
class Setting:
    options: tuple[str, ...]  # ocrmypdf's
    drop_stamp: bool = False  # ocr_pdf's: Tesseract reads colour pages without their red ink
    despeckle: str = "never"  # ocr_pdf's: which pages Tesseract reads median-filtered (never|pale|always)


# "default" is whatever parse/ocr.py uses now.
SETTINGS = {
    "none": Setting(()),
    "deskew": Setting(("--deskew",)),
    "rotate": Setting(("--rotate-pages",)),
    "deskew+rotate": Setting(("--deskew", "--rotate-pages")),
    "deskew+rotate+oversample300": Setting(("--deskew", "--rotate-pages", "--oversample", "300")),
    "deskew+rotate+clean": Setting(("--deskew", "--rotate-pages", "--clean")),
    "deskew+rotate+dropout": Setting(("--deskew", "--rotate-pages"), drop_stamp=True),
    "deskew+rotate+dropout+oversample300": Setting(("--deskew", "--rotate-pages", "--oversample", "300"),
                                                   drop_stamp=True),
    "deskew+rotate+dropout+clean": Setting(("--deskew", "--rotate-pages", "--clean"), drop_stamp=True),
    "deskew+rotate+dropout+despeckle": Setting(("--deskew", "--rotate-pages"), drop_stamp=True, despeckle="always"),
    "deskew+rotate+dropout+despeckle pale": Setting(("--deskew", "--rotate-pages"), drop_stamp=True,
                                                    despeckle="pale"),
    "default": Setting(PREPROCESSING, DROP_STAMP, DESPECKLE),
}
NEEDS_UNPAPER = {"deskew+rotate+clean", "deskew+rotate+dropout+clean"}


@dataclass(frozen=True)
class Case:
    name: str
    skews: tuple[float, float]  # degrees, page 1 and page 2
    turned: frozenset[int] = frozenset()  # pages (0-based) fed upside down


CASES = (
    Case("skew 0°", (0.0, 0.0)),
    Case("skew 0.75°", (0.75, -0.75)),
    Case("skew 1.5°", (-1.5, 1.5)),
    Case("1° + page 2 upside down", (1.0, -1.0), frozenset({1})),
)


@dataclass(frozen=True)
class Result:
    dpi: int
    setting: str
    case: str
    cer: float
    seconds_per_page: float


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("|", " ").split())


def cer(read: str, reference: str) -> float:
    read, reference = normalised(read), normalised(reference)
    return Levenshtein.distance(read, reference) / len(reference)


def make_scans(folder: Path, dpis: list[int]) -> dict[tuple[int, str], Path]:
    pages = [render_report_page(report_page_lines(wrapped_gap=1.0)),
             render_report_page(signoff_page_lines(), stamp=True)]
    scans = {}
    for dpi in dpis:
        for number, case in enumerate(CASES):
            path = folder / f"scan-{dpi}dpi-{number}.pdf"
            scans[(dpi, case.name)] = scan_pages(pages, path, dpi, list(case.skews), QUALITY,
                                                 seed=SEED + number, turned=case.turned)
    return scans


REFERENCE = "\n".join([page_text(report_page_lines(wrapped_gap=1.0)), page_text(signoff_page_lines())])


def measure(scan: Path, setting: str, out: Path) -> tuple[float, float]:
    started = time.monotonic()
    chosen = SETTINGS[setting]
    recognised = ocr_pdf(scan, out, preprocessing=chosen.options, drop_stamp=chosen.drop_stamp,
                         despeckle=chosen.despeckle, jobs=2)
    seconds = (time.monotonic() - started) / 2
    read = "\n".join(block.text for block in read_pdf(recognised).blocks)
    return cer(read, REFERENCE), seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200])
    parser.add_argument("--settings", nargs="+", choices=list(SETTINGS), default=list(SETTINGS))
    parser.add_argument("--keep", type=Path, help="leave the scans and their OCR in this folder")
    args = parser.parse_args(argv)
    settings = [s for s in args.settings if s not in NEEDS_UNPAPER or shutil.which("unpaper")]
    for skipped in sorted(set(args.settings) - set(settings)):
        print(f"{skipped}: skipped, unpaper is not installed (apt-get install -y unpaper)")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-ocr-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        scans = make_scans(folder, args.dpi)
        default = " ".join([*PREPROCESSING, *(["+ stamp dropout"] if DROP_STAMP else []),
                            f"+ despeckle {DESPECKLE}"])
        print(f"{len(REFERENCE)} characters of reference text, 2 pages, JPEG quality {QUALITY}, "
              f"default = {default or '(none)'}")
        results = []
        for dpi in args.dpi:
            print(f"\n{dpi} dpi: CER by case, then mean CER and s/page")
            print(f"  {'setting':36}" + "".join(f"{c.name:>26}" for c in CASES) + f"{'mean':>8}{'s/page':>8}")
            for setting in settings:
                row = []
                for case in CASES:
                    out = folder / f"ocr-{dpi}-{setting}"
                    rate, seconds = measure(scans[(dpi, case.name)], setting, out)
                    row.append(Result(dpi, setting, case.name, rate, seconds))
                results += row
                mean = statistics.mean(r.cer for r in row)
                per_page = statistics.mean(r.seconds_per_page for r in row)
                print(f"  {setting:36}" + "".join(f"{r.cer:>25.2%} " for r in row)
                      + f"{mean:>7.2%} {per_page:>7.1f}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
