"""Running the programs baocao relies on (LibreOffice, OCR): an argument list, never a
shell; a time limit; on timeout the whole process group killed (soffice starts oosplash
and soffice.bin, ocrmypdf starts tesseract and Ghostscript) and waited for."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path


def run_tool(argv: list[str], timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run argv (no shell) and capture its output; on timeout kill its whole process group
    (the tool's own children too) and raise subprocess.TimeoutExpired."""
    if timeout <= 0:
        raise subprocess.TimeoutExpired(argv, timeout)
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:  # the timeout, or Ctrl-C: never leave the tool running
        _kill_group(proc)
        raise
    return subprocess.CompletedProcess(argv, proc.returncode, out.decode(errors="replace"),
                                       err.decode(errors="replace"))


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
    # The children die a moment after the leader; wait for them so that a caller removing
    # the tool's directories does not race them.
    for _ in range(100):
        if not _group_running(proc.pid):
            return
        time.sleep(0.02)


def _group_running(pgid: int) -> bool:
    """Whether a process of the group still runs. Not os.killpg(pgid, 0): orphaned children
    stay zombies (members of the group) until PID 1 reaps them, which in a container may be never."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # exited meanwhile
            continue
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            return True
    return False
