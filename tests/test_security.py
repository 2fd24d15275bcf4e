"""What baocao promises about secrets and the files it writes (SECURITY.md)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from mailserver import IMAP_PASSWORD, imap_args, run_baocao


def test_the_password_is_nowhere_in_the_store_nor_in_the_output(dovecot, sample_folder, tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), *imap_args(dovecot, sample_folder),
                        env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert result.returncode == 0, result.stderr
    secret = IMAP_PASSWORD.encode()
    for path in (tmp_path / "kho").rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path
    assert IMAP_PASSWORD not in result.stdout + result.stderr


def test_every_folder_of_the_store_is_private_and_every_file_owner_only(tmp_path):
    from mailserver import MAILBOX

    assert run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX)).returncode == 0
    for path in [tmp_path / "kho", *(tmp_path / "kho").rglob("*")]:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if path.is_dir():
            assert mode == 0o700, path
        else:
            assert mode & 0o077 == 0, (path, oct(mode))


def test_the_password_given_in_the_environment_is_not_visible_in_the_process_arguments(dovecot, sample_folder,
                                                                                        tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "baocao", "ingest", "--store", str(tmp_path / "kho"),
                                *imap_args(dovecot, sample_folder)],
                               env={**os.environ, "BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with open(f"/proc/{process.pid}/cmdline", "rb") as f:
            assert IMAP_PASSWORD.encode() not in f.read()
    finally:
        process.wait(timeout=120)
