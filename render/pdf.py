"""The consolidated report as a PDF: the Word file converted by LibreOffice (headless).

Why LibreOffice from the .docx rather than WeasyPrint from the HTML: the PDF must be the
letter the ministry signs, and that letter is the Word file (the registry edits it, numbers
it, signs it). Converting that same file keeps one layout — Nghị định 30's margins, the
header block, page numbers from page 2, the ministry's own edits to report.docx — instead of
a second layout in CSS that would drift from it. LibreOffice is needed anyway to read the
provinces' .doc files; WeasyPrint would add Pango and its own font stack for a document
that would then differ from the one in Word.

Fonts: report.docx asks for Times New Roman; fonts-liberation2 (Liberation Serif 2.x, same
metrics, full Vietnamese) stands in for it, so line and page breaks match Word's.

Each conversion gets a private LibreOffice profile (parallel runs sharing one hand their
job to each other and exit 0 without output), a time limit, and its own process group so a
hung soffice and its children are killed together; the output is checked to exist, since
soffice's exit status says nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from baocao.i18n import N_
from baocao.render.content import Report
from baocao.render.docx import write_docx
from baocao.render.rows import RenderError
from baocao.tools import run_tool

TIMEOUT_SECONDS = 180
INSTALL_HINT = N_("install LibreOffice and the Times New Roman-compatible fonts: "
                  "apt-get install --no-install-recommends libreoffice-writer-nogui fonts-liberation2 "
                  "(tests/setup.sh does it), or write .docx and convert it in Word")


def soffice() -> str:
    """The LibreOffice program: $BAOCAO_SOFFICE, else soffice or libreoffice on PATH."""
    found = os.environ.get("BAOCAO_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RenderError(N_("cannot write a PDF: LibreOffice (soffice) is not on PATH; {hint}").format(
            hint=INSTALL_HINT))
    return found


def docx_to_pdf(docx: Path, out: Path, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert `docx` to `out` (a .pdf) with LibreOffice. Returns `out`."""
    docx, out = Path(docx), Path(out)
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as work:
        work = Path(work)
        profile, outdir = work / "profile", work / "out"
        outdir.mkdir()
        command = [program, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                   f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), str(docx)]
        env = {**os.environ, "HOME": str(work)}
        try:
            done = run_tool(command, timeout, env)
        except OSError as e:
            raise RenderError(N_("cannot start LibreOffice ({program}): {reason}; {hint}").format(
                program=program, reason=e, hint=INSTALL_HINT)) from e
        except subprocess.TimeoutExpired:
            raise RenderError(N_("LibreOffice did not convert {name} to PDF within {seconds} s and was stopped; "
                                 "write .docx and convert it in Word, or try again").format(
                name=docx.name, seconds=f"{timeout:.0f}")) from None
        made = outdir / f"{docx.stem}.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            said = " ".join((done.stderr or done.stdout).split())[-500:]
            raise RenderError(N_("LibreOffice made no PDF from {name} (exit status {status}{said}); open the .docx in "
                                 "Word to check it").format(name=docx.name, status=done.returncode,
                                                            said=": " + said if said else ""))
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), str(out))
    return out


def write_pdf(report: Report, out: Path, templates: Path | None = None) -> Path:
    """Lay `report` out in Word and convert it to `out`. Returns `out`."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as work:
        docx = write_docx(report, Path(work) / f"{out.stem or 'bao-cao'}.docx", templates)
        return docx_to_pdf(docx, out)
