"""Pages per second of `read_pdf`, next to pdfplumber's word extraction on the same file.

    python3 bench/pdf_speed.py                 # builds a ~20-page report with LibreOffice
    python3 bench/pdf_speed.py report.pdf      # or times a PDF of your own
    python3 bench/pdf_speed.py fixtures/reports fixtures/heldout-6   # or a corpus's text PDFs, all together
    python3 bench/pdf_speed.py --repeat 7

The built report is the standard test report (tests/docx_builders.py) with ten long
paragraphs per part, exported like a Word file (tests/pdf_builders.py): Times New Roman,
running header, page numbers, one ruled table. Figures are medians over `--repeat` runs
in this process (imports warm), one core.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

from baocao.parse.pdf import read_pdf

TESTS = Path(__file__).resolve().parent.parent / "tests"


def built_report(outdir: Path) -> Path:
    sys.path.insert(0, str(TESTS))
    from docx_builders import STANDARD, Part
    from pdf_builders import reports_as_pdf

    paragraph = (
        "Trung tâm giám sát, điều hành đô thị thông minh của tỉnh được đầu tư từ nguồn ngân sách nhà "
        "nước và đã đưa vào vận hành từ tháng 6 năm 2021, kết nối với các hệ thống dịch vụ công trực "
        "tuyến, cơ sở dữ liệu chuyên ngành và hệ thống camera giám sát giao thông của tỉnh. "
    ) * 3
    parts = tuple(Part(p.heading, p.content + (paragraph.strip(),) * 13) for p in STANDARD)
    return reports_as_pdf(outdir, ("bold_roman",), parts)["bold_roman"]


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def text_pdfs(folder: Path) -> list[Path]:
    """A corpus's text PDFs (expected.json's kind "pdf"; scans are OCR's to time), else every PDF in it."""
    listing = folder / "expected.json"
    if not listing.is_file():
        return sorted(folder.glob("*.pdf"))
    entries = json.loads(listing.read_text(encoding="utf-8"))
    entries = entries["files"] if isinstance(entries, dict) else entries
    return [folder / e["file"] for e in entries if e.get("kind", e.get("format")) == "pdf" and not e.get("ocr")]


def plumber_words(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", nargs="*", type=Path, help="PDF files, or corpus folders (their text PDFs)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pdf-speed-") as work:
        paths = [p for arg in args.pdf for p in (text_pdfs(arg) if arg.is_dir() else [arg])]
        paths = paths or [built_report(Path(work))]
        pages = 0
        for path in paths:
            with pdfplumber.open(path) as pdf:
                pages += len(pdf.pages)
            read_pdf(path)  # warm the imports (pdfplumber's table finder is imported lazily)
        ours = timed(lambda: [read_pdf(path) for path in paths], args.repeat)
        theirs = timed(lambda: [plumber_words(path) for path in paths], args.repeat)
    name = paths[0].name if len(paths) == 1 else f"{len(paths)} PDFs"
    print(f"{name}: {pages} pages")
    print(f"read_pdf                         {ours:6.3f} s  {pages / ours:6.0f} pages/s")
    print(f"pdfplumber extract_words (words) {theirs:6.3f} s  {pages / theirs:6.0f} pages/s")


if __name__ == "__main__":
    main()
