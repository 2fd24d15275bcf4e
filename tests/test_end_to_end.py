"""The whole job on the sample mailbox in a real Dovecot: ingest → parse → aggregate → render,
run through the command line as the clerk, the analyst and the reviewer run it."""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser

import pandas as pd
import pytest
from mailserver import IMAP_PASSWORD, imap_args, manifest, run_baocao
from workbook import read_workbook

from baocao.ingest.imap import ImapSettings, imap_messages

MANIFEST = manifest()
REPORTS = sorted((e for e in MANIFEST if e["kind"] == "report" and not e["duplicate_of"]),
                 key=lambda e: e["internaldate"])
REPORTING = {e["province_code"] for e in REPORTS}
LATEST = {e["province_code"]: e for e in REPORTS}          # later reports supersede
FIRST = {}
for entry in REPORTS:
    FIRST.setdefault(entry["province_code"], entry)


@pytest.fixture(scope="module")
def imap_run(dovecot, tmp_path_factory):
    """`baocao run` once over IMAP on a fresh folder holding the sample mailbox."""
    from mailserver import append_mailbox

    folder = "EndToEnd"
    append_mailbox(dovecot, folder)
    work = tmp_path_factory.mktemp("e2e")
    result = run_baocao("run", "--store", str(work / "kho"), "--out", str(work / "out"), "--date", "2022-06-29",
                        "--with-excerpts", *imap_args(dovecot, folder), env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(work / "out" / "bang-tong-hop.csv", dtype={"province_code": str}, keep_default_na=False,
                        encoding="utf-8-sig")
    return {"work": work, "folder": folder, "table": table.set_index("province_code"), "result": result}


def test_table_has_one_row_per_province_missing_ones_included(imap_run):
    table = imap_run["table"]
    assert len(table) == 63
    assert list(table.index[:3]) == ["01", "02", "04"]


def test_status_is_on_time_or_late_by_the_servers_received_time(imap_run):
    table = imap_run["table"]
    for code, entry in FIRST.items():
        assert table.loc[code, "status"] == entry["expected_status"], entry["file"]


def test_report_received_at_the_deadline_instant_is_late_and_a_second_before_is_on_time(imap_run):
    table = imap_run["table"]
    assert table.loc["92", "received_at"] == "2022-05-29T23:59:59+07:00"
    assert table.loc["92", "status"] == "on_time"
    assert table.loc["56", "received_at"] == "2022-05-30T00:00:00+07:00"
    assert table.loc["56", "status"] == "late"


def test_senders_wrong_clock_does_not_make_a_late_report_on_time(imap_run):
    # 20-lam-dong.eml: Date header 2022-05-28, received by the server 2022-05-31.
    assert imap_run["table"].loc["68", "status"] == "late"


def test_provinces_that_sent_nothing_are_missing(imap_run):
    table = imap_run["table"]
    missing = set(table.index[table["status"] == "missing"])
    assert missing == {p for p in table.index if p not in REPORTING}
    assert len(missing) == 63 - len(REPORTING)


def test_each_section_holds_what_the_province_wrote_under_it_and_nothing_of_another(imap_run):
    table = imap_run["table"]
    for code, entry in LATEST.items():
        for number in range(1, 7):
            cell = table.loc[code, f"section_{number}"]
            expected = entry["sections"].get(str(number))
            if expected:
                assert expected in cell, (entry["file"], number)
            others = [s for n, s in entry["sections"].items() if n != str(number)]
            assert not any(s in cell for s in others), (entry["file"], number)


def test_section_a_report_leaves_out_is_empty_and_counted(imap_run):
    table = imap_run["table"]
    assert table.loc["31", "section_1"] == ""     # Hải Phòng left section 1 out
    assert table.loc["31", "sections_found"] == 5
    assert table.loc["22", "sections_found"] == 6


def test_correction_supersedes_the_earlier_report_and_is_marked(imap_run):
    table = imap_run["table"]
    correction = next(e for e in REPORTS if e["supersedes"])
    code = correction["province_code"]
    assert bool(table.loc[code, "corrected"]) is True
    assert correction["sections"]["2"] in table.loc[code, "section_2"]
    original = next(e for e in MANIFEST if e["file"] == correction["supersedes"])
    assert table.loc[code, "received_at"] == original["internaldate"]   # status from the first report


def test_funding_is_read_in_vnd(imap_run):
    table = imap_run["table"]
    for code, entry in LATEST.items():
        expected = "" if entry["funding_vnd"] is None else str(entry["funding_vnd"])
        assert table.loc[code, "funding_vnd"] == expected, entry["file"]


def test_source_names_message_id_and_file(imap_run):
    row = imap_run["table"].loc["22"]
    entry = LATEST["22"]
    assert entry["message_id"] in row["source"] and ".docx" in row["source"]
    assert ".docx, đoạn" in row["section_4_ref"]


def test_ingest_leaves_every_message_unread(imap_run, dovecot):
    with dovecot.client() as c:
        c.select_folder(imap_run["folder"], readonly=True)
        flags = c.get_flags(c.search("ALL"))
    assert len(flags) == len(MANIFEST)
    assert not [uid for uid, f in flags.items() if b"\\Seen" in f]


def test_duplicate_delivery_is_stored_once_and_the_auto_reply_is_stored_but_not_counted(imap_run):
    from baocao.store import ReadOnlyCatalogue

    catalogue = ReadOnlyCatalogue(imap_run["work"] / "kho")
    assert len(catalogue.locations()) == len(MANIFEST)
    assert len(catalogue.messages()) == len(MANIFEST) - 1
    assert catalogue.counts_by_kind() == {"auto_reply": 1, "report": len(MANIFEST) - 2}


def test_second_ingest_stores_nothing_new(imap_run, dovecot):
    store = imap_run["work"] / "kho"
    before = sorted(p.name for p in (store / "objects").rglob("*") if p.is_file())
    result = run_baocao("ingest", "--store", str(store), *imap_args(dovecot, imap_run["folder"]),
                        env={"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD})
    assert result.returncode == 0, result.stderr
    assert "0 new messages to fetch" in result.stderr
    assert "0 new" in result.stderr
    assert sorted(p.name for p in (store / "objects").rglob("*") if p.is_file()) == before


def test_new_mail_arriving_later_is_fetched_on_the_next_run(dovecot, tmp_path):
    from mailserver import append_mailbox

    folder = "Later"
    append_mailbox(dovecot, folder, MANIFEST[:5])
    args = ["ingest", "--store", str(tmp_path / "kho"), *imap_args(dovecot, folder)]
    env = {"BAOCAO_IMAP_PASSWORD": IMAP_PASSWORD}
    assert run_baocao(*args, env=env).returncode == 0
    append_mailbox(dovecot, folder, MANIFEST[5:8])
    result = run_baocao(*args, env=env)
    assert "3 new messages to fetch" in result.stderr, result.stderr


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def test_report_names_who_is_missing_and_gives_each_provinces_text_in_its_annex(imap_run):
    html = (imap_run["work"] / "out" / "bao-cao.html").read_text(encoding="utf-8")
    assert "Hà Nội, ngày 29 tháng 6 năm 2022" in html
    assert (imap_run["work"] / "out" / "kiem-tra.html").is_file()
    parser = _Text()
    parser.feed(html)
    text = " ".join(parser.parts)
    assert "Hà Giang" in text and "Cà Mau" in text          # missing, named
    assert LATEST["22"]["sections"]["3"] in text
    assert "Quảng Ninh" in text
    markdown = (imap_run["work"] / "out" / "bao-cao.md").read_text(encoding="utf-8")
    assert LATEST["79"]["sections"]["5"] in markdown


def test_table_exports_agree(imap_run):
    out = imap_run["work"] / "out"
    records = json.loads((out / "bang-tong-hop.json").read_text(encoding="utf-8"))
    assert len(records) == 63 and records[0]["province_code"] == "01"
    xlsx = read_workbook(out / "bang-tong-hop.xlsx")["table"]
    assert list(xlsx["province"]) == list(imap_run["table"]["province"])


def test_reading_an_eml_folder_gives_the_same_statuses_as_imap(imap_run, tmp_path):
    from mailserver import MAILBOX

    result = run_baocao("run", "--from", str(MAILBOX), "--store", str(tmp_path / "kho"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(tmp_path / "out" / "bang-tong-hop.csv", dtype={"province_code": str}, keep_default_na=False,
                        encoding="utf-8-sig").set_index("province_code")
    assert (table["status"] == imap_run["table"]["status"]).all()
    assert (table["section_3"] == imap_run["table"]["section_3"]).all()


def test_imap_protocol_log_is_there_for_whoever_asks_for_it_without_the_password(dovecot, sample_folder, tmp_path,
                                                                                  caplog):
    """baocao turns off imaplib's formatting of every response (the bench measured it at
    more than half the fetch's time), but not for someone debugging the protocol."""
    settings = ImapSettings(dovecot.host, dovecot.user, dovecot.password, port=dovecot.port, folder=sample_folder,
                            tls="none")
    with caplog.at_level(logging.DEBUG, logger="imapclient.imaplib"):
        fetched = list(imap_messages(settings, None, tmp_path))

    assert len(fetched) == len(manifest())
    protocol = [r.getMessage() for r in caplog.records if r.name == "imapclient.imaplib"]
    assert any("FETCH" in line for line in protocol)
    assert dovecot.password not in caplog.text
