"""The command line as the clerk and the analyst use it: where options come from, what it
refuses, and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from mailserver import IMAP_PASSWORD, MAILBOX, imap_args, manifest, run_baocao

from baocao.store import ReadOnlyCatalogue

DATA = Path(__file__).resolve().parent / "data"
ENTRIES = {e["file"]: e for e in manifest()}


def stored_count(store: Path) -> int:
    return len(ReadOnlyCatalogue(store).messages())


@pytest.mark.parametrize("command", ["ingest", "parse", "aggregate", "render", "run", "status", "errors", "assign"])
def test_every_command_has_help_with_an_example(command):
    result = run_baocao(command, "--help")
    assert result.returncode == 0
    assert "Example:" in result.stdout and f"baocao {command}" in result.stdout


def test_help_documents_the_exit_codes():
    result = run_baocao("--help")
    assert "Exit codes" in result.stdout
    assert "5  another baocao process holds the store" in result.stdout
    assert "4  the IMAP server cannot be reached" in result.stdout
    assert "130  interrupted" in result.stdout


def test_password_comes_from_a_file_and_never_appears_in_the_output(dovecot, sample_folder, tmp_path):
    password_file = tmp_path / "pass"
    password_file.write_text(IMAP_PASSWORD + "\n")
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--imap-password-file", str(password_file),
                        *imap_args(dovecot, sample_folder))
    assert result.returncode == 0, result.stderr
    assert stored_count(tmp_path / "kho") == len(ENTRIES) - 1
    assert IMAP_PASSWORD not in result.stdout + result.stderr


def test_there_is_no_password_option_on_the_command_line():
    result = run_baocao("ingest", "--store", "kho", "--imap-password", "x")
    assert result.returncode == 2 and "No such option" in result.stderr


def test_every_option_can_come_from_a_config_file(dovecot, sample_folder, tmp_path):
    (tmp_path / "pass").write_text(IMAP_PASSWORD)
    (tmp_path / "baocao.toml").write_text(
        f'store = "kho"\n[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\nuser = "{dovecot.user}"\n'
        f'password_file = "pass"\nfolder = "{sample_folder}"\ntls = "none"\n', encoding="utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    result = run_baocao("ingest", "--config", str(tmp_path / "baocao.toml"), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert stored_count(tmp_path / "kho") == len(ENTRIES) - 1   # paths relative to the config file


def test_options_come_from_baocao_variables(dovecot, sample_folder, tmp_path):
    env = {"BAOCAO_STORE": str(tmp_path / "kho"), "BAOCAO_IMAP_HOST": "127.0.0.1",
           "BAOCAO_IMAP_PORT": str(dovecot.port), "BAOCAO_IMAP_USER": dovecot.user,
           "BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD, "BAOCAO_IMAP_FOLDER": sample_folder, "BAOCAO_IMAP_TLS": "none"}
    result = run_baocao("ingest", env=env)
    assert result.returncode == 0, result.stderr
    assert stored_count(tmp_path / "kho") == len(ENTRIES) - 1


def test_command_line_wins_over_the_config_file(tmp_path):
    (tmp_path / "baocao.toml").write_text('store = "nowhere"\n', encoding="utf-8")
    result = run_baocao("ingest", "--config", str(tmp_path / "baocao.toml"), "--store", str(tmp_path / "kho"),
                        "--from", str(MAILBOX))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kho" / "catalog.sqlite").exists() and not (tmp_path / "nowhere").exists()


def test_password_in_the_config_file_is_refused(tmp_path):
    (tmp_path / "baocao.toml").write_text('[imap]\npassword = "secret"\n', encoding="utf-8")
    result = run_baocao("ingest", "--config", str(tmp_path / "baocao.toml"), "--store", str(tmp_path / "kho"))
    assert result.returncode == 3 and "holds a password" in result.stderr


def test_clear_text_imap_to_a_remote_host_is_refused(tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--imap-host", "mail.example.vn",
                        "--imap-user", "u", "--imap-tls", "none", env={"BAOCAO_IMAP_PASSWORD": "x"})
    assert result.returncode == 3
    assert "loopback" in result.stderr


def test_wrong_password_exits_4_and_says_what_to_check(dovecot, sample_folder, tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), *imap_args(dovecot, sample_folder),
                        env={"BAOCAO_IMAP_PASSWORD": "wrong"})
    assert result.returncode == 4
    assert "refused the login" in result.stderr and "wrong" not in result.stderr


def test_unreachable_server_exits_4(tmp_path):
    from mailserver import free_port

    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--imap-host", "127.0.0.1",
                        "--imap-port", str(free_port()), "--imap-user", "u", "--imap-tls", "none",
                        "--imap-retries", "1", env={"BAOCAO_IMAP_PASSWORD": "x"})
    assert result.returncode == 4 and "cannot connect" in result.stderr
    assert "retry 1 of 1" in result.stderr and "gave up after 1 retries" in result.stderr


def test_second_ingest_on_a_held_store_exits_5_at_once(tmp_path):
    from baocao.store import Store

    holder = Store.open(tmp_path / "kho", create=True)
    holder.lock()
    try:
        result = run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX))
    finally:
        holder.close()
    assert result.returncode == 5 and "another baocao process" in result.stderr


def test_missing_mail_source_is_a_configuration_error(tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"))
    assert result.returncode == 3 and "--from PATH, or --imap-host" in result.stderr


def test_unknown_table_format_is_refused_with_the_formats_that_work(tmp_path):
    assert run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX)).returncode == 0
    result = run_baocao("aggregate", "--store", str(tmp_path / "kho"), "--out", str(tmp_path / "t.ods"))
    assert result.returncode == 2 and ".csv, .json, .xlsx" in result.stderr


def test_aggregate_on_a_store_that_does_not_exist_says_to_ingest_first(tmp_path):
    result = run_baocao("aggregate", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "t.csv"))
    assert result.returncode == 3 and "baocao ingest" in result.stderr


def test_status_shows_the_clerk_who_reported_who_is_late_and_who_is_missing(tmp_path):
    assert run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX)).returncode == 0
    result = run_baocao("status", "--store", str(tmp_path / "kho"))
    assert result.returncode == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("  ")}
    assert "on_time" in lines["22"] and "late" in lines["14"] and "missing" in lines["02"]
    assert "Provinces: 63; on time" in result.stdout


def _table_under(campaign_file: Path, tmp_path: Path) -> dict[str, dict]:
    """The sample mailbox ingested and aggregated under another campaign: its rows by province."""
    campaign, store = str(campaign_file), str(tmp_path / "kho")
    assert run_baocao("ingest", "--store", store, "--from", str(MAILBOX), "--campaign", campaign).returncode == 0
    result = run_baocao("aggregate", "--store", store, "--campaign", campaign, "--out", str(tmp_path / "t.json"))
    assert result.returncode == 0, result.stderr
    return {r["province_code"]: r for r in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))}


def test_another_campaign_file_brings_its_own_provinces_deadline_and_outline(tmp_path):
    rows = _table_under(DATA / "campaign-mini.toml", tmp_path)
    assert set(rows) == {"02", "22", "68"}
    assert rows["02"]["status"] == "missing"
    assert rows["68"]["status"] == "on_time"          # 2022-05-31: late for 1683, on time before 10/6
    assert "section_3" not in rows["22"]               # a two-item outline
    quang_ninh = ENTRIES["04-quang-ninh.eml"]
    assert quang_ninh["sections"]["4"] in rows["22"]["section_1"]   # its funding item
    assert quang_ninh["sections"]["6"] in rows["22"]["section_2"]   # its proposals item
    assert rows["22"]["funding_vnd"] == quang_ninh["funding_vnd"]


def test_reports_citing_another_letter_are_not_counted_for_a_campaign(tmp_path):
    other = tmp_path / "campaign-other.toml"
    text = (DATA / "campaign-mini.toml").read_text(encoding="utf-8").replace(
        'letter_number = "1683/BXD-PTDT"', 'letter_number = "1702/BXD-HTKT"')
    other.write_text(text, encoding="utf-8")
    (tmp_path / "provinces-mini.csv").write_bytes((DATA / "provinces-mini.csv").read_bytes())
    store = str(tmp_path / "kho")
    assert run_baocao("ingest", "--store", store, "--from", str(MAILBOX), "--campaign", str(other)).returncode == 0
    result = run_baocao("aggregate", "--store", store, "--campaign", str(other), "--out", str(tmp_path / "t.csv"))
    table = pd.read_csv(tmp_path / "t.csv", dtype=str, encoding="utf-8-sig")
    assert result.returncode == 0 and set(table["status"]) == {"missing"}


def test_broken_campaign_file_is_a_configuration_error_naming_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\n', encoding="utf-8")
    result = run_baocao("aggregate", "--store", str(tmp_path), "--campaign", str(bad), "--out", str(tmp_path / "t.csv"))
    assert result.returncode == 3 and "bad.toml" in result.stderr


def test_assign_settles_an_unrecognised_report_and_survives_reanalysis(tmp_path):
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(MAILBOX)).returncode == 0
    (sha,) = [m.sha256 for m in ReadOnlyCatalogue(store).messages() if m.province_code == "74"]
    result = run_baocao("assign", "--store", str(store), sha[:12], "Bình Phước")
    assert result.returncode == 0, result.stderr
    assert run_baocao("parse", "--store", str(store)).returncode == 0
    message = ReadOnlyCatalogue(store).message(sha)
    assert (message.province_code, message.province_status) == ("70", "assigned")


def _tls_args(dovecot, folder, tls, port):
    return ["--imap-host", "127.0.0.1", "--imap-port", str(port), "--imap-user", dovecot.user,
            "--imap-tls", tls, "--imap-folder", folder]


@pytest.mark.parametrize("tls", ["ssl", "starttls"])
def test_tls_with_the_servers_certificate_authority_works(dovecot, sample_folder, tmp_path, tls):
    port = dovecot.imaps_port if tls == "ssl" else dovecot.port
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"), *_tls_args(dovecot, sample_folder, tls, port),
                        "--imap-ca-file", str(dovecot.ca_file), env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert result.returncode == 0, result.stderr
    assert stored_count(tmp_path / "kho") == len(ENTRIES) - 1


def test_certificate_is_verified_by_default(dovecot, sample_folder, tmp_path):
    result = run_baocao("ingest", "--store", str(tmp_path / "kho"),
                        *_tls_args(dovecot, sample_folder, "ssl", dovecot.imaps_port),
                        env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert result.returncode == 4
    assert "--imap-ca-file" in result.stderr


def test_a_campaign_sent_to_the_34_provinces_of_2025_works_as_any_other(tmp_path):
    rows = _table_under(DATA / "campaign-34.toml", tmp_path)
    assert len(rows) == 34
    assert rows["01"]["status"] == "on_time" and rows["22"]["status"] == "on_time"
    assert rows["08"]["province"] == "Tuyên Quang" and rows["08"]["status"] == "missing"


@pytest.fixture
def two_folders(dovecot):
    """The inbox, and the spam folder where the server put some of the same mail too."""
    from mailserver import append_raw, filler_message

    inbox, spam = f"Hop thu {os.getpid()}", f"Thư rác {os.getpid()}"
    mail = [filler_message(i) for i in range(15)]
    append_raw(dovecot, inbox, mail[0:10])
    append_raw(dovecot, spam, mail[5:15])             # 5-9 in both, byte for byte
    yield inbox, spam
    with dovecot.client() as c:
        c.delete_folder(inbox)
        c.delete_folder(spam)


def _places(store: Path) -> dict[str, int]:
    """Messages seen, per folder."""
    places: dict[str, int] = {}
    for place in ReadOnlyCatalogue(store).locations():
        places[place.source] = places.get(place.source, 0) + 1
    return places


@pytest.mark.parametrize("how", ["command line", "variable", "config file"])
def test_several_folders_are_read_and_mail_in_two_of_them_is_stored_once(dovecot, two_folders, tmp_path, how):
    inbox, spam = two_folders
    store = tmp_path / "kho"
    base = ["--store", str(store), "--imap-host", dovecot.host, "--imap-port", str(dovecot.port),
            "--imap-user", dovecot.user, "--imap-tls", "none"]
    env = {"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD}
    if how == "command line":
        args = [*base, "--imap-folder", inbox, "--imap-folder", spam]
    elif how == "variable":
        args, env = base, {**env, "BAOCAO_IMAP_FOLDER": f"{inbox}, {spam}"}
    else:
        (tmp_path / "baocao.toml").write_text(f'[imap]\nfolder = ["{inbox}", "{spam}"]\n', encoding="utf-8")
        args = [*base, "--config", str(tmp_path / "baocao.toml")]

    first = run_baocao("ingest", *args, env=env)

    assert first.returncode == 0, first.stderr
    assert stored_count(store) == 15                       # 0-9 and 5-14: the five in both stored once
    places = _places(store)
    assert sorted(places.values()) == [10, 10] and all(inbox in p or spam in p for p in places)
    again = run_baocao("ingest", *args, env=env)
    assert again.returncode == 0 and "0 messages seen, 0 new" in again.stderr


def test_render_dates_the_letter_as_asked_and_writes_the_clerks_file_beside_it(tmp_path):
    assert run_baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX)).returncode == 0
    out = tmp_path / "ra" / "bao-cao.md"
    result = run_baocao("render", "--store", str(tmp_path / "kho"), "--out", str(out), "--date", "2022-06-29")
    assert result.returncode == 0, result.stderr
    letter = out.read_text(encoding="utf-8")
    assert "*Hà Nội, ngày 29 tháng 6 năm 2022*" in letter and "Tính đến ngày 29 tháng 6 năm 2022," in letter
    assert "(Kèm theo Công văn số        /BXD-PTĐT ngày 29/6/2022 của Bộ Xây dựng)" in letter
    assert (tmp_path / "ra" / "kiem-tra.html").is_file()


def test_render_refuses_a_date_not_written_year_month_day(tmp_path):
    result = run_baocao("render", "--store", str(tmp_path / "kho"), "--out", str(tmp_path / "r.md"),
                        "--date", "29/6/2022")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
