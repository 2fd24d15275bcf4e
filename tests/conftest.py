"""Shared fixtures: a real Dovecot on 127.0.0.1 and the bundled sample mailbox."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import pytest
from mailserver import MAILBOX, Dovecot, append_mailbox, free_port, run_baocao

_folders = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot():
    if shutil.which("dovecot") is None and not Path("/usr/sbin/dovecot").exists():
        pytest.fail("Dovecot is not installed: run `bash tests/setup.sh` first", pytrace=False)
    # Short path: Dovecot's unix sockets live under it and are limited to 108 bytes.
    server = Dovecot(Path(tempfile.mkdtemp(prefix="bc-dv-", dir="/tmp")), free_port(), free_port())
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.dir, ignore_errors=True)


@pytest.fixture
def sample_folder(dovecot) -> str:
    """A fresh IMAP folder holding the sample mailbox."""
    folder = f"Sample{next(_folders)}"
    append_mailbox(dovecot, folder)
    return folder




@pytest.fixture(scope="session")
def ingested_sample(tmp_path_factory) -> Path:
    """The sample mailbox ingested once into a store; tests that change a store work on a copy."""
    store = tmp_path_factory.mktemp("pristine") / "kho"
    result = run_baocao("ingest", "--store", str(store), "--from", str(MAILBOX), "--quiet")
    assert result.returncode == 0, result.stderr
    return store
