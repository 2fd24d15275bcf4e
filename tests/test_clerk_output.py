"""What the clerk sees: a progress line on a terminal, log lines under cron, silence with --quiet."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from mailserver import MAILBOX, run_baocao


def test_under_cron_each_new_message_is_a_log_line_and_a_summary_closes(tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX))
    lines = result.stderr.splitlines()
    assert sum(line.startswith("stored ") for line in lines) == 22
    assert "23 messages seen, 22 new, 1 already stored" in lines[-1]


def test_quiet_prints_nothing_when_all_is_well(tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX), "--quiet")
    assert result.returncode == 0 and result.stderr == "" and result.stdout == ""


def test_on_a_terminal_there_is_a_progress_line_instead_of_log_lines(tmp_path):
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")} | {"TERM": "xterm", "COLUMNS": "100",
                                                                                  "BAOCAO_LANG": "en"}
    process = subprocess.Popen([sys.executable, "-m", "baocao", "ingest", "--store", str(tmp_path / "kho"),
                                "--from", str(MAILBOX)], stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=120) == 0
    text = output.decode("utf-8", "replace")
    assert "stored file://" not in text          # no log lines
    assert "fetching" in text and "\x1b[" in text    # a drawn progress line
    assert "messages seen" in text
