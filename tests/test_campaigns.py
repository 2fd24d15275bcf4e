"""Several requests in one mailbox (issue 19): the store records the campaigns it answers,
each reading command names the one it is about, and a store made before keeps working."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from mailserver import MAILBOX, run_baocao

from baocao.register import recorded_campaigns
from baocao.store import Store

DATA = Path(__file__).parent / "data"
GREEN = DATA / "campaign-1702-BXD-HTKT.toml"


@pytest.fixture
def store(ingested_sample, tmp_path) -> Path:
    copy = tmp_path / "kho"
    shutil.copytree(ingested_sample, copy)
    return copy


def recorded(store: Path):
    s = Store.open(store)
    try:
        return recorded_campaigns(s)
    finally:
        s.close()


def test_an_ingest_records_its_campaign_and_campaigns_lists_it_with_its_counts(store):
    listed = run_baocao("campaigns", "--store", str(store))

    assert listed.returncode == 0, listed.stderr
    assert "1683/BXD-PTDT  Báo cáo tình hình phát triển đô thị thông minh" in listed.stdout
    assert "deadline 2022-05-30T00:00:00+07:00, file version 1, reported 20, late 5, missing 43; open" in listed.stdout


def test_a_campaign_given_to_parse_is_recorded_beside_the_first(store):
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    assert [c.id for c in recorded(store)] == ["1683/BXD-PTDT", "1702/BXD-HTKT"]
    green = recorded(store)[1]
    assert (green.deadline, green.timezone) == ("2025-09-15T00:00:00+07:00", "Asia/Ho_Chi_Minh")


def test_an_edited_campaign_file_is_a_new_version_and_the_same_file_again_is_not(store, tmp_path):
    edited = tmp_path / GREEN.name
    shutil.copy(GREEN, edited)
    for _ in range(2):
        assert run_baocao("parse", "--store", str(store), "--campaign", str(edited)).returncode == 0
    edited.write_text(GREEN.read_text(encoding="utf-8").replace("2025-09-15T00", "2025-09-30T00"), encoding="utf-8")
    assert run_baocao("parse", "--store", str(store), "--campaign", str(edited)).returncode == 0

    s = Store.open(store)
    try:
        versions = s.campaign_versions("1702/BXD-HTKT")
        assert [v.version for v in versions] == [1, 2]
        assert b"2025-09-15T00" in s.read_object(versions[0].file_sha256)   # what was signed stays readable
        assert b"2025-09-30T00" in s.read_object(versions[1].file_sha256)
    finally:
        s.close()
    assert "file version 2" in run_baocao("campaigns", "--store", str(store)).stdout


def test_with_several_campaigns_a_reading_command_that_names_none_lists_them_and_exits_2(store):
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    for command in (["status"], ["aggregate", "--out", str(store.parent / "t.csv")]):
        result = run_baocao(*command, "--store", str(store))
        assert result.returncode == 2, result.stderr
        assert "holds 2 campaigns; say which one with --campaign" in result.stderr
        assert "1683/BXD-PTDT" in result.stderr and "1702/BXD-HTKT" in result.stderr


def test_a_recorded_campaign_is_named_by_its_letter_number_in_any_spelling(store):
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    for name in ("1702/BXD-HTKT", "1702/bxd-htkt", "1702 / BXD-HTKT"):
        result = run_baocao("status", "--store", str(store), "--campaign", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Campaign 1702/BXD-HTKT, deadline 2025-09-15T00:00:00+07:00")
        assert "Provinces: 34;" in result.stdout


def test_a_campaign_neither_recorded_nor_a_file_is_refused_with_what_is_recorded(store):
    result = run_baocao("status", "--store", str(store), "--campaign", "9999/BXD-XYZ")

    assert result.returncode == 3
    assert "no campaign of the store" in result.stderr and "recorded: 1683/BXD-PTDT" in result.stderr


def test_a_store_made_before_campaigns_were_recorded_records_its_campaign_on_first_open(store):
    # As baocao left a store before issue 19: no campaign tables, schema 3.
    old = sqlite3.connect(store / "catalog.sqlite")
    old.execute("DROP TABLE campaigns")
    old.execute("DROP TABLE campaign_versions")
    old.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    old.commit()
    old.close()

    status = run_baocao("status", "--store", str(store))

    assert status.returncode == 0, status.stderr
    assert "on time 15, late 5, unreadable 0, missing 43" in status.stdout
    assert [(c.id, c.latest.version) for c in recorded(store)] == [("1683/BXD-PTDT", 1)]


def test_a_fresh_store_records_the_bundled_campaign_when_none_is_given(tmp_path):
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(MAILBOX), "-q").returncode == 0

    assert [c.id for c in recorded(store)] == ["1683/BXD-PTDT"]
