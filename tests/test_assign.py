"""`baocao assign` (issue 16): the clerk's decision about a message, which province sent it or
that it is no report, written to corrections.toml as a [[message]] entry with who and when,
exactly as the review desk writes it, and applied by `baocao aggregate`."""

from __future__ import annotations

import getpass
import shutil
import tomllib
from datetime import datetime, timedelta

import pandas as pd
import pytest
from mailserver import run_baocao

from baocao.campaign import load_campaign
from baocao.review.desk import Desk
from baocao.store import ReadOnlyCatalogue

CAMPAIGN = load_campaign()


@pytest.fixture
def store(ingested_sample, tmp_path):
    copy = tmp_path / "kho"
    shutil.copytree(ingested_sample, copy)
    return copy


def binh_duongs_report(store) -> str:
    """The hash of the one message the sample files under Bình Dương (74)."""
    [sha] = [m.sha256 for m in ReadOnlyCatalogue(store).messages() if m.province_code == "74"]
    return sha


def message_entries(store) -> list[dict]:
    path = store / "corrections.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")).get("message", []) if path.exists() else []


def table(store, tmp_path) -> pd.DataFrame:
    out = tmp_path / "bang.csv"
    result = run_baocao("aggregate", "--store", str(store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return pd.read_csv(out, dtype=str, encoding="utf-8-sig").set_index("province_code")


def test_assign_writes_who_and_when_and_aggregate_counts_the_report_for_the_province(store, tmp_path):
    sha = binh_duongs_report(store)
    result = run_baocao("assign", "--store", str(store), sha[:12], "Bình Phước", "--by", "minh.vt")
    assert result.returncode == 0, result.stderr
    [entry] = message_entries(store)
    assert (entry["message"], entry["province"], entry["by"]) == (sha, "70", "minh.vt")
    assert abs(entry["at"] - datetime.now(CAMPAIGN.tz)) < timedelta(minutes=5)
    rows = table(store, tmp_path)
    assert rows.loc["70", "status"] != "missing" and rows.loc["74", "status"] == "missing"


def test_a_message_marked_not_a_report_leaves_the_table(store, tmp_path):
    sha = binh_duongs_report(store)
    assert table(store, tmp_path).loc["74", "status"] != "missing"
    result = run_baocao("assign", "--store", str(store), sha[:12], "--not-report")
    assert result.returncode == 0, result.stderr
    assert "not a report" in result.stdout
    [entry] = message_entries(store)
    assert (entry["message"], entry["kind"], entry["by"]) == (sha, "not_report", getpass.getuser())
    assert "province" not in entry and entry["at"]
    assert table(store, tmp_path).loc["74", "status"] == "missing"


def test_the_command_line_and_the_desk_write_the_same_entry(store):
    sha = binh_duongs_report(store)
    assert run_baocao("assign", "--store", str(store), sha, "70", "--by", "minh.vt").returncode == 0
    assert run_baocao("assign", "--store", str(store), sha, "--not-report", "--by", "minh.vt").returncode == 0
    desk = Desk(store, CAMPAIGN)
    desk.assign_message(sha, "70", "minh.vt")
    desk.set_aside(sha, "minh.vt")
    by_hand, at_desk = message_entries(store)[:2], message_entries(store)[2:]
    drop_time = [{k: v for k, v in e.items() if k != "at"} for e in by_hand]
    assert drop_time == [{k: v for k, v in e.items() if k != "at"} for e in at_desk]
    assert [set(e) for e in by_hand] == [set(e) for e in at_desk]


@pytest.mark.parametrize("args", [[], ["70", "--not-report"]])
def test_assign_needs_a_province_or_not_report_but_not_both(store, args):
    result = run_baocao("assign", "--store", str(store), binh_duongs_report(store)[:12], *args)
    assert result.returncode == 2 and "--not-report" in result.stderr
    assert not (store / "corrections.toml").exists()


def test_a_damaged_corrections_file_is_said_and_the_assignment_not_made(store):
    (store / "corrections.toml").write_text("[[message]\nmessage = ", encoding="utf-8")
    sha = binh_duongs_report(store)
    result = run_baocao("assign", "--store", str(store), sha[:12], "70")
    assert result.returncode == 3 and "corrections.toml" in result.stderr
    assert ReadOnlyCatalogue(store).message(sha).province_code == "74"
