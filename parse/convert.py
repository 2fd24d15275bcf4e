"""Turn .doc, .odt and .rtf reports into .docx with LibreOffice, so that one reader
(parse/docx.py) serves every word-processor format; and re-save a .docx that reader cannot
open though Word does (saved as Strict Open XML, or a template's package renamed .docx).

soffice is awkward to drive: it exits 0 when a conversion fails, and instances that share a
profile hand their work to each other or drop it. So each call gets its own profile, the
output file is what tells success, and a stuck conversion is killed with its whole process
group (soffice is a launcher that starts soffice.bin).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from baocao.i18n import N_
from baocao.parse.document import DocumentError
from baocao.parse.formats import detect_format
from baocao.tools import run_tool

LIBREOFFICE_INSTALL = "apt-get install -y --no-install-recommends libreoffice-writer-nogui"

# The import filter is chosen from the content and forced: left to guess, LibreOffice opens
# any damaged file as plain text and "converts" it into a page of gibberish.
# Word 6/95 files are OLE too, hence the fallbacks after Word 97.
_IMPORT_FILTERS = {
    "doc": ("MS Word 97", "MS Word 95", "MS WinWord 6.0"),
    "rtf": ("Rich Text Format",),
    "odt": ("writer8",),
    "docx": ("MS Word 2007 XML",),
}
_KINDS = {
    ".doc": N_("a Word 97-2003 .doc file"),
    ".odt": N_("an OpenDocument .odt file"),
    ".rtf": N_("an RTF file"),
    ".docx": N_("a Word .docx file"),
}
_ANY_KIND = N_("a .doc, .odt or .rtf document")
_RESEND = N_("Open it in Word or LibreOffice and save it again as .docx, or ask the province to send the report "
             "again.")


def convert_to_docx(path: Path | str, out_dir: Path | str, timeout: float = 60) -> Path:
    """`out_dir/<stem>.docx` made from a .doc, .odt or .rtf file, or re-saved from a .docx;
    DocumentError if it cannot be.

    The format is taken from the content, not the name (a ".doc" is often RTF inside).
    An existing `<stem>.docx` in out_dir is replaced.
    """
    path, out_dir = Path(path), Path(out_dir)
    kind = _KINDS.get(path.suffix.lower(), _ANY_KIND)
    if not path.is_file():
        raise DocumentError(path, N_("there is no such file"), kind=kind, action=_RESEND)
    try:
        fmt = detect_format(path.read_bytes())  # no name: the content alone must say what it is
    except OSError as e:
        raise DocumentError(path, N_("it cannot be read: {reason}").format(reason=e.strerror or e), kind=kind,
                            action=_RESEND) from e
    if fmt not in _IMPORT_FILTERS:
        reason = (N_("its content is a .{format} file, not a Word 97-2003, OpenDocument text or RTF document")
                  .format(format=fmt) if fmt in ("pdf", "zip") else
                  N_("its content is not a Word 97-2003, OpenDocument text or RTF document"))
        raise DocumentError(path, reason, kind=kind, action=_RESEND)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(path, N_("LibreOffice (soffice) is not installed"), kind=kind,
                            action=N_("Install it: {command}").format(command=LIBREOFFICE_INSTALL))

    out_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    # Work inside out_dir: the final rename stays on one file system, and whatever a killed
    # soffice leaves (profile, lock and temp files) goes with this directory.
    with tempfile.TemporaryDirectory(prefix=".soffice-", dir=out_dir) as work_name:
        work = Path(work_name).resolve()
        # A plain copy name: soffice reads arguments as URLs, so '#' or '%' in a
        # province's file name would break it.
        source = work / f"source.{fmt}"
        shutil.copyfile(path, source)
        complaint = ""
        for import_filter in _IMPORT_FILTERS[fmt]:
            left = deadline - time.monotonic()
            try:
                result = run_tool(_soffice_argv(soffice, work, import_filter, source), left, _soffice_env(work))
            except subprocess.TimeoutExpired:
                raise DocumentError(
                    path, N_("LibreOffice did not finish within the {seconds} s limit and was stopped").format(
                        seconds=f"{timeout:g}"),
                    kind=kind, action=N_("Convert it again with a longer timeout, or open it in Word or LibreOffice "
                                         "and save it as .docx.")) from None
            produced = work / "out" / "source.docx"
            if produced.is_file() and produced.stat().st_size > 0:
                target = out_dir / f"{path.stem}.docx"
                os.replace(produced, target)
                return target
            complaint = _last_line(result.stderr) or _last_line(result.stdout) or complaint
    reason = (N_('LibreOffice could not open it; the file is damaged or not what its content claims (soffice: '
                 '"{said}")').format(said=complaint) if complaint else
              N_("LibreOffice could not open it; the file is damaged or not what its content claims"))
    raise DocumentError(path, reason, kind=kind, action=_RESEND)


def _soffice_argv(soffice: str, work: Path, import_filter: str, source: Path) -> list[str]:
    return [
        soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        f"--infilter={import_filter}",
        "--convert-to", "docx:MS Word 2007 XML",
        "--outdir", str(work / "out"),
        str(source),
    ]


def _soffice_env(work: Path) -> dict[str, str]:
    # soffice also writes under HOME and TMPDIR; keep both private so that parallel runs do
    # not meet and a killed run leaves nothing outside `work`.
    (work / "tmp").mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(work / "profile"), "TMPDIR": str(work / "tmp")}


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and "javaldx" not in line]  # javaldx: harmless warning, no JRE
    return lines[-1] if lines else ""
