"""Time the consolidated report in all four formats for the 63 provinces.

    python3 bench/render.py                 # realistic text: every section of every province
    python3 bench/render.py --repeat 3      # each paragraph three times (longer reports)
    python3 bench/render.py --keep /tmp/bc  # leave the reports there to look at

The table is synthetic (tests/render_tables.py: `national_table`): all 63 provinces,
six sections of realistic length each, funding by source, one in seven missing. The PDF
is the Word file converted by LibreOffice, whose start-up is measured on its own
(converting an empty .docx) and left out of the total; its pages are counted for the
letter's body (up to "Nơi nhận", target <= 15) and for each annex. Target: total <= 10 s."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from render_tables import ERRORS, national_table  # noqa: E402

from baocao.campaign import load_campaign  # noqa: E402
from baocao.render.content import Table  # noqa: E402
from baocao.render.letter import build_report  # noqa: E402
from baocao.render.pdf import docx_to_pdf  # noqa: E402
from baocao.render.report import render_report  # noqa: E402

ON = date(2022, 6, 29)

TARGET_SECONDS = 10.0


def libreoffice_start_up(folder: Path) -> float:
    """Seconds LibreOffice takes for an empty .docx: its start-up and shut-down."""
    empty = folder / "trong.docx"
    docx.Document().save(str(empty))
    started = time.perf_counter()
    docx_to_pdf(empty, folder / "trong.pdf")
    return time.perf_counter() - started


def page_counts(pages: list[str]) -> str:
    """'body 6, Phụ lục I 3, Phụ lục II 3': where each annex's first page is."""
    starts = [("body", 0)]
    for i, page in enumerate(pages):
        found = re.search(r"^Phụ lục ([IVX]+)$", page, re.MULTILINE)
        if found and "(Kèm theo Công văn số" in page and found[1] not in [name for name, _ in starts]:
            starts.append((found[1], i))
    ends = [start for _, start in starts[1:]] + [len(pages)]
    return ", ".join(f"{'' if name == 'body' else 'Phụ lục '}{name} {end - start}"
                     for (name, start), end in zip(starts, ends, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="each paragraph of each section this many times")
    parser.add_argument("--keep", type=Path, help="write the reports here instead of a temporary folder")
    parser.add_argument("--excerpts", action="store_true", help="with Phụ lục III, each province's text")
    args = parser.parse_args()

    campaign = load_campaign()
    table = national_table(campaign, repeat=args.repeat)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        report = build_report(table, campaign, ON, with_excerpts=args.excerpts)
        print(f"content        {time.perf_counter() - started:6.2f} s   (once per format below too)")
        words = sum(len(b.text.split()) for b in report.body if not isinstance(b, Table))
        print(f"table          {len(table)} provinces; the letter's body {words} words")

        start_up = libreoffice_start_up(folder)
        seconds = {}
        for suffix in (".html", ".md", ".docx", ".pdf"):
            started = time.perf_counter()
            out = render_report(table, campaign, ERRORS, folder / f"bao-cao{suffix}", on=ON,
                                with_excerpts=args.excerpts)
            seconds[suffix] = time.perf_counter() - started
            extra = ""
            if suffix == ".pdf":
                import pdfplumber
                with pdfplumber.open(out) as pdf:
                    pages = [page.extract_text() or "" for page in pdf.pages]
                extra = f"   {len(pages)} pages ({page_counts(pages)}); of which LibreOffice start-up {start_up:.2f} s"
            print(f"{suffix:<6}         {seconds[suffix]:6.2f} s   {out.stat().st_size / 1024:8.0f} KiB{extra}")
        total = sum(seconds.values()) - start_up
        print(f"LibreOffice start-up (empty .docx -> .pdf): {start_up:.2f} s")
        verdict = "ok" if total <= TARGET_SECONDS else "OVER TARGET"
        print(f"total, all four formats, without LibreOffice start-up: {total:.2f} s "
              f"(target <= {TARGET_SECONDS:.0f} s: {verdict})")
        if args.keep:
            print(f"reports in {folder}")


if __name__ == "__main__":
    main()
