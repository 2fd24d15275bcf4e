"""Several requests in one mailbox (issue 19): the store records the campaigns it answers,
each reading command names the one it is about, and a store made before keeps working."""

from __future__ import annotations

import email
import shutil
from pathlib import Path

import pandas as pd
import pytest
from catalogue_surgery import as_an_older_baocao_left_it, as_before_campaigns
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
    assert "deadline 2022-05-30 00:00, file version 1, reported 20, late 5, missing 43; open" in listed.stdout
    in_vietnamese = run_baocao("campaigns", "--store", str(store), env={"BAOCAO_LANG": "vi"}).stdout
    assert "hạn gửi 30/5/2022 00:00, phiên bản tệp 1, đã gửi 20, quá hạn 5, chưa gửi 43; đang mở" in in_vietnamese


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


def green_beside_its_table(tmp_path) -> tuple[Path, Path]:
    """The 1702 campaign file in a folder of its own, its province table beside it."""
    folder = tmp_path / "chien-dich"
    folder.mkdir()
    shutil.copy(GREEN, folder / GREEN.name)
    shutil.copy(SMART.parent / "provinces-34.csv", folder / "provinces-34.csv")
    return folder / GREEN.name, folder / "provinces-34.csv"


def rename_thanh_hoa(table: Path) -> None:
    text = table.read_text(encoding="utf-8")
    assert "\n38,Thanh Hóa," in text
    table.write_text(text.replace("\n38,Thanh Hóa,", "\n38,Thanh Hóa sửa sau,"), encoding="utf-8")


def green_status(store: Path) -> str:
    result = run_baocao("status", "--store", str(store), "--campaign", "1702/BXD-HTKT")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_province_table_is_recorded_with_the_campaign_an_edit_beside_its_file_is_a_new_version(store, tmp_path):
    green, table = green_beside_its_table(tmp_path)
    assert run_baocao("parse", "--store", str(store), "--campaign", str(green)).returncode == 0

    rename_thanh_hoa(table)

    assert "  38  Thanh Hóa  " in green_status(store)   # the table as recorded, not as edited since
    assert run_baocao("parse", "--store", str(store), "--campaign", str(green)).returncode == 0
    assert "  38  Thanh Hóa sửa sau" in green_status(store)
    s = Store.open(store)
    try:
        first, second = s.campaign_versions("1702/BXD-HTKT")
        assert (first.version, second.version) == (1, 2)
        assert first.file_sha256 == second.file_sha256 and first.table_sha256 != second.table_sha256
        assert b"\n38,Thanh H\xc3\xb3a," in s.read_object(first.table_sha256)   # what was signed stays readable
    finally:
        s.close()
    assert "file version 2" in run_baocao("campaigns", "--store", str(store)).stdout.split("1702/BXD-HTKT")[1]
    checked = run_baocao("verify", "--store", str(store), "--campaign", "1702/BXD-HTKT", env={"BAOCAO_LANG": "en"})
    assert checked.returncode == 0 and "warning" not in checked.stdout   # both tables are the catalogue's objects


def test_a_campaign_recorded_before_its_table_was_kept_gets_it_when_recorded_again(store, tmp_path):
    green, table = green_beside_its_table(tmp_path)
    assert run_baocao("parse", "--store", str(store), "--campaign", str(green)).returncode == 0
    as_an_older_baocao_left_it(store, 4, [("campaign_versions", "table_sha256")])

    assert "  38  Thanh Hóa  " in green_status(store)   # read beside its file, as it was
    assert run_baocao("parse", "--store", str(store), "--campaign", str(green)).returncode == 0
    rename_thanh_hoa(table)

    assert "  38  Thanh Hóa  " in green_status(store)   # kept now: the edit changes nothing
    s = Store.open(store)
    try:
        [version] = s.campaign_versions("1702/BXD-HTKT")   # the same file and table: no new version
        assert version.table_sha256 is not None
    finally:
        s.close()


def test_with_several_campaigns_a_reading_command_that_names_none_lists_them_and_exits_2(store):
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    for command in (["status"], ["aggregate", "--out", str(store.parent / "t.csv")]):
        result = run_baocao(*command, "--store", str(store))
        assert result.returncode == 2, result.stderr
        assert "holds 2 campaigns; say which one with --campaign" in result.stderr
        assert "1683/BXD-PTDT" in result.stderr and "1702/BXD-HTKT" in result.stderr
        assert "(deadline 2025-09-15 00:00)" in result.stderr   # as people read it, not ISO 8601
    in_vietnamese = run_baocao("status", "--store", str(store), env={"BAOCAO_LANG": "vi"})
    assert "(hạn gửi 15/9/2025 00:00)" in in_vietnamese.stderr, in_vietnamese.stderr


def test_a_recorded_campaign_is_named_by_its_letter_number_in_any_spelling(store):
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    for name in ("1702/BXD-HTKT", "1702/bxd-htkt", "1702 / BXD-HTKT"):
        result = run_baocao("status", "--store", str(store), "--campaign", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Campaign 1702/BXD-HTKT, deadline 2025-09-15 00:00")
        assert "Provinces: 34;" in result.stdout


def test_assign_takes_the_campaign_as_reading_commands_do_and_its_entry_names_it(store):
    import tomllib

    from baocao.store import ReadOnlyCatalogue

    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0
    [binh_duong] = [m.sha256 for m in ReadOnlyCatalogue(store).messages() if m.province_code == "74"]

    unnamed = run_baocao("assign", "--store", str(store), binh_duong[:12], "Thành phố Hồ Chí Minh")
    assert unnamed.returncode == 2 and "holds 2 campaigns" in unnamed.stderr
    assigned = run_baocao("assign", "--store", str(store), "--campaign", "1702/bxd-htkt", binh_duong[:12],
                          "Thành phố Hồ Chí Minh", "--by", "minh.vt")

    assert assigned.returncode == 0, assigned.stderr
    [entry] = tomllib.loads((store / "corrections.toml").read_text(encoding="utf-8"))["message"]
    # Bình Dương is part of Hồ Chí Minh City in the 34 provinces of 2025: code 79 of 1702's table.
    assert (entry["campaign"], entry["province"], entry["message"]) == ("1702/BXD-HTKT", "79", binh_duong)


def test_a_campaign_neither_recorded_nor_a_file_is_refused_with_what_is_recorded(store):
    result = run_baocao("status", "--store", str(store), "--campaign", "9999/BXD-XYZ")

    assert result.returncode == 3
    assert "no campaign of the store" in result.stderr and "recorded: 1683/BXD-PTDT" in result.stderr


def test_a_store_made_before_campaigns_were_recorded_keeps_its_table_and_records_its_campaign(store, tmp_path):
    before = run_baocao("aggregate", "--store", str(store), "--out", str(tmp_path / "truoc.json"))
    assert before.returncode == 0, before.stderr
    as_before_campaigns(store)

    status = run_baocao("status", "--store", str(store))

    assert status.returncode == 0, status.stderr
    assert "on time 15, late 5, unreadable 0, missing 43" in status.stdout
    assert [(c.id, c.latest.version) for c in recorded(store)] == [("1683/BXD-PTDT", 1)]
    after = run_baocao("aggregate", "--store", str(store), "--out", str(tmp_path / "sau.json"))
    assert after.returncode == 0, after.stderr
    assert (tmp_path / "sau.json").read_bytes() == (tmp_path / "truoc.json").read_bytes()
    # Its documents are its campaign's: a second campaign analysed beside it changes nothing of it.
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0
    assert run_baocao("aggregate", "--store", str(store), "--campaign", "1683/BXD-PTDT", "--out",
                      str(tmp_path / "sau-2.json")).returncode == 0
    assert (tmp_path / "sau-2.json").read_bytes() == (tmp_path / "truoc.json").read_bytes()


def test_parsing_for_a_second_campaign_leaves_the_first_ones_table_as_it_was(store, tmp_path):
    assert run_baocao("aggregate", "--store", str(store), "--out", str(tmp_path / "truoc.json")).returncode == 0

    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0

    status = run_baocao("status", "--store", str(store), "--campaign", "1683/BXD-PTDT")
    assert "on time 15, late 5, unreadable 0, missing 43" in status.stdout   # not "missing 63" (issue 19)
    assert run_baocao("aggregate", "--store", str(store), "--campaign", "1683/BXD-PTDT", "--out",
                      str(tmp_path / "sau.json")).returncode == 0
    assert (tmp_path / "sau.json").read_bytes() == (tmp_path / "truoc.json").read_bytes()


# -- closing a campaign ----------------------------------------------------------------

def test_a_closed_campaign_is_not_analysed_again_unless_reopened(store, tmp_path):
    closed = run_baocao("campaigns", "close", "--store", str(store), "1683/BXD-PTDT")
    assert closed.returncode == 0, closed.stderr
    assert "closed 2" in run_baocao("campaigns", "--store", str(store)).stdout

    again = run_baocao("parse", "--store", str(store), "--campaign", str(SMART))
    assert again.returncode == 2 and "is closed" in again.stderr and "--reopen" in again.stderr
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0
    assert run_baocao("verify", "--store", str(store), "--campaign", "1683/BXD-PTDT").returncode == 0   # as frozen

    reopened = run_baocao("parse", "--store", str(store), "--campaign", str(SMART), "--reopen")
    assert reopened.returncode == 0, reopened.stderr
    assert "; open" in run_baocao("campaigns", "--store", str(store)).stdout.split("1702/BXD-HTKT")[0]



def test_a_closed_campaigns_changed_file_is_refused_before_anything_is_recorded(store, tmp_path):
    edited = tmp_path / "dot-2" / SMART.name
    shutil.copytree(SMART.parent, edited.parent)
    edited.write_text(SMART.read_text(encoding="utf-8").replace("2022-05-30T00", "2022-06-15T00"), encoding="utf-8")
    assert run_baocao("campaigns", "close", "--store", str(store), "1683/BXD-PTDT").returncode == 0
    versions = [(c.id, c.latest) for c in recorded(store)]

    for command in (["parse"], ["ingest", "--from", str(MAILBOX)], ["watch", "--from", str(MAILBOX)]):
        refused = run_baocao(*command, "--store", str(store), "--campaign", str(edited), timeout=60)

        assert refused.returncode == 2, (command, refused.stderr)
        assert "campaign 1683/BXD-PTDT is closed" in refused.stderr and "--reopen" in refused.stderr
        assert [(c.id, c.latest) for c in recorded(store)] == versions   # no new version recorded
    reopened = run_baocao("parse", "--store", str(store), "--campaign", str(edited), "--reopen")
    assert reopened.returncode == 0, reopened.stderr
    assert [(c.id, c.latest.version, c.closed_at) for c in recorded(store)] == [("1683/BXD-PTDT", 2, None)]

def test_verify_says_when_a_frozen_table_no_longer_matches_its_inputs(store):
    assert run_baocao("campaigns", "close", "--store", str(store), "1683/BXD-PTDT").returncode == 0
    (store / "corrections.toml").write_text('[[correction]]\nprovince = "22"\nfield = "section_1"\n'
                                            'value = "Sửa sau khi đã ký."\n', encoding="utf-8")

    result = run_baocao("verify", "--store", str(store))

    assert result.returncode == 7
    assert "CHANGED: campaign 1683/BXD-PTDT" in result.stdout and "its corrections changed" in result.stdout
    assert "the table made from the store now differs from the one frozen" in result.stdout


def test_errors_for_a_campaign_leave_out_the_messages_that_count_only_for_another(two_requests, tmp_path):
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(two_requests), "--campaign", str(SMART),
                      "--campaign", str(GREEN)).returncode == 0
    s = Store.open(store)
    try:
        thanh_hoa = s.find_messages("<th-1702@thanhhoa.gov.vn>")[0]
        with s.transaction():
            s.record_error("analyse", "a problem of the green-space reply", "see it", thanh_hoa)
    finally:
        s.close()

    smart = run_baocao("errors", "--store", str(store), "--campaign", "1683/BXD-PTDT")
    green = run_baocao("errors", "--store", str(store), "--campaign", "1702/BXD-HTKT")

    assert "green-space reply" not in smart.stdout
    assert "green-space reply" in green.stdout


def test_a_fresh_store_records_the_bundled_campaign_when_none_is_given(tmp_path):
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(MAILBOX), "-q").returncode == 0

    assert [c.id for c in recorded(store)] == ["1683/BXD-PTDT"]


# -- two campaigns of different shapes in one store -----------------------------------

SMART = Path(__file__).resolve().parent.parent / "campaigns" / "1683-BXD-PTDT.toml"


@pytest.fixture(scope="module")
def two_requests(tmp_path_factory) -> Path:
    from two_campaigns import build_mailbox

    return build_mailbox(tmp_path_factory.mktemp("hop-thu") / "hai-van-ban")


def tables(store: Path, out: Path) -> dict[str, pd.DataFrame]:
    found = {}
    for letter in ("1683/BXD-PTDT", "1702/BXD-HTKT"):
        target = out / f"{letter.replace('/', '-')}.json"
        result = run_baocao("aggregate", "--store", str(store), "--campaign", letter, "--out", str(target))
        assert result.returncode == 0, result.stderr
        found[letter] = pd.read_json(target, dtype=False).set_index("province_code")
    return found


ORDERS = {
    "1683 then 1702": [["ingest", "--campaign", str(SMART)], ["parse", "--campaign", str(GREEN)]],
    "1702 then 1683": [["ingest", "--campaign", str(GREEN)], ["parse", "--campaign", str(SMART)]],
    "both at once": [["ingest", "--campaign", str(SMART), "--campaign", str(GREEN)]],
}


@pytest.mark.parametrize("order", ORDERS)
def test_both_campaigns_tables_are_right_at_once_whatever_order_the_commands_ran_in(two_requests, tmp_path, order):
    store = tmp_path / "kho"
    for command in ORDERS[order]:
        result = run_baocao(*command, "--store", str(store), "--from", str(two_requests)) if command[0] == "ingest" \
            else run_baocao(*command, "--store", str(store))
        assert result.returncode == 0, result.stderr

    smart, green = tables(store, tmp_path).values()

    assert len(smart) == 63 and len(green) == 34   # each campaign its own province table
    reported = {letter: {code for code, status in t["status"].items() if status != "missing"}
                for letter, t in (("1683", smart), ("1702", green))}
    # Quảng Ninh answered 1683, Thanh Hóa 1702, Hà Nội both in one thread, Đà Nẵng both in one mail.
    assert reported == {"1683": {"22", "01", "48"}, "1702": {"38", "01", "48"}}
    assert green.loc["01", "status"] == "late" and smart.loc["01", "status"] == "on_time"   # each its deadline
    assert "6,2 m2/người" in green.loc["38", "section_1"]          # green space: item 1 is the green area
    assert "một cửa điện tử" in smart.loc["48", "section_1"]       # smart cities: item 1 is before Đề án 950
    # One mail, one document for each request: each table is filled from its own document.
    assert "6,2 m2/người" in green.loc["48", "section_1"] and "14 công viên" in green.loc["48", "section_2"]
    assert "45 tỷ đồng" not in smart.loc["48", "section_4"]


def test_a_reply_is_counted_for_the_campaign_whose_outline_it_follows_when_it_cites_no_letter(tmp_path):
    from two_campaigns import green_report, mail

    box = tmp_path / "hop-thu"
    box.mkdir()
    (box / "1.eml").write_bytes(mail("sxd@thanhhoa.gov.vn", "Báo cáo cây xanh", "Wed, 10 Sep 2025 10:00:00 +0700",
                                     "<th@thanhhoa.gov.vn>", [green_report(tmp_path / "cx.docx", "Thanh Hóa", "")]))
    store = tmp_path / "kho"
    result = run_baocao("ingest", "--store", str(store), "--from", str(box), "--campaign", str(SMART),
                        "--campaign", str(GREEN))
    assert result.returncode == 0, result.stderr

    smart, green = tables(store, tmp_path).values()
    assert green.loc["38", "status"] == "on_time"
    assert smart.loc["38", "status"] == "missing"


# -- the clerk's decisions belong to one campaign ----------------------------------------

def binh_duong_answering_both(tmp_path: Path) -> Path:
    """A store holding one mail from Bình Dương's clerk (a personal address) citing both
    letters: its report's letterhead names Bình Dương, 74 in the 63 provinces of 2022; the 34
    provinces of 2025 have no Bình Dương (it is part of 79), so for 1702 the clerk must say it."""
    from two_campaigns import green_report, mail

    box = tmp_path / "hop-thu"
    box.mkdir()
    (box / "1.eml").write_bytes(mail(
        "vanthu.sxd.bd@gmail.com", "Báo cáo theo các văn bản 1683/BXD-PTDT và 1702/BXD-HTKT",
        "Thu, 26 May 2022 15:00:00 +0700", "<bd-both@gmail.com>",
        [green_report(tmp_path / "cx-74.docx", "Bình Dương", cites="")]))
    store = tmp_path / "kho"
    result = run_baocao("ingest", "--store", str(store), "--from", str(box), "--campaign", str(SMART),
                        "--campaign", str(GREEN))
    assert result.returncode == 0, result.stderr
    return store


def reported(store: Path, out: Path) -> dict[str, set[str]]:
    return {letter: {code for code, status in t["status"].items() if status != "missing"}
            for letter, t in tables(store, out).items()}


def test_an_assignment_under_one_campaign_leaves_the_others_table_as_it_was(tmp_path):
    store = binh_duong_answering_both(tmp_path)
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": {"74"}, "1702/BXD-HTKT": set()}

    assigned = run_baocao("assign", "--store", str(store), "--campaign", "1702/BXD-HTKT", "<bd-both@gmail.com>",
                          "Thành phố Hồ Chí Minh", "--by", "minh.vt")
    assert assigned.returncode == 0, assigned.stderr

    # 79 in 1702's table; 1683's still counts it for Bình Dương, not for its own 79 (Hồ Chí Minh).
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": {"74"}, "1702/BXD-HTKT": {"79"}}
    # And after every message is analysed again for both campaigns.
    assert run_baocao("parse", "--store", str(store)).returncode == 0
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": {"74"}, "1702/BXD-HTKT": {"79"}}
    s = Store.open(store)
    try:
        [sha] = s.find_messages("<bd-both@gmail.com>")
        assert s.assignments([sha]) == {sha: {"1702/BXD-HTKT": "79"}}
    finally:
        s.close()


def test_a_mail_set_aside_for_one_campaign_still_counts_for_the_other(tmp_path):
    store = binh_duong_answering_both(tmp_path)
    assert run_baocao("assign", "--store", str(store), "--campaign", "1702/BXD-HTKT", "<bd-both@gmail.com>",
                      "79").returncode == 0

    aside = run_baocao("assign", "--store", str(store), "--campaign", "1683/BXD-PTDT", "<bd-both@gmail.com>",
                       "--not-report")

    assert aside.returncode == 0, aside.stderr
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": set(), "1702/BXD-HTKT": {"79"}}


def test_an_assignment_made_before_assignments_had_a_campaign_is_the_first_recorded_campaigns(store, tmp_path):
    from catalogue_surgery import as_assignments_before_campaigns

    from baocao.store import ReadOnlyCatalogue

    [binh_duong] = [m.sha256 for m in ReadOnlyCatalogue(store).messages() if m.province_code == "74"]
    assert run_baocao("assign", "--store", str(store), binh_duong[:12], "70").returncode == 0
    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0
    (store / "corrections.toml").unlink()   # only the catalogue's assignment is left to apply
    as_assignments_before_campaigns(store)

    s = Store.open(store)   # brought up to date
    try:
        assert s.assignments([binh_duong]) == {binh_duong: {"1683/BXD-PTDT": "70"}}
    finally:
        s.close()
    assert run_baocao("parse", "--store", str(store)).returncode == 0
    smart = tables(store, tmp_path)["1683/BXD-PTDT"]
    assert smart.loc["70", "status"] != "missing" and smart.loc["74", "status"] == "missing"


def test_verify_takes_the_campaign_as_every_reading_command_does(store):
    from baocao.store import ReadOnlyCatalogue

    assert run_baocao("parse", "--store", str(store), "--campaign", str(GREEN)).returncode == 0
    [quang_ninh] = [m.sha256 for m in ReadOnlyCatalogue(store).messages() if m.province_code == "22"][:1]
    raw = store / "objects" / quang_ninh[:2] / quang_ninh
    raw.chmod(0o600)
    raw.write_bytes(b"hong")

    unnamed = run_baocao("verify", "--store", str(store))
    by_letter = run_baocao("verify", "--store", str(store), "--campaign", "1683/bxd-ptdt")
    by_file = run_baocao("verify", "--store", str(store), "--campaign", str(SMART))

    assert unnamed.returncode == 2 and "holds 2 campaigns" in unnamed.stderr and "1702/BXD-HTKT" in unnamed.stderr
    for result in (by_letter, by_file):
        assert result.returncode == 7, result.stderr
        assert "DAMAGED:" in result.stdout and "province 22 Quảng Ninh" in result.stdout
    unknown = run_baocao("verify", "--store", str(store), "--campaign", "9999/BXD-XYZ")
    assert unknown.returncode == 3 and "recorded: 1683/BXD-PTDT, 1702/BXD-HTKT" in unknown.stderr


# -- the clerk's digest, one per campaign ------------------------------------------------

def test_each_campaigns_digest_follows_on_from_its_own_last_one(two_requests, tmp_path):
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(two_requests), "--campaign", str(SMART),
                      "--campaign", str(GREEN)).returncode == 0

    smart = run_baocao("digest", "--store", str(store), "--campaign", "1683/BXD-PTDT")
    green = run_baocao("digest", "--store", str(store), "--campaign", "1702/BXD-HTKT")
    green_again = run_baocao("digest", "--store", str(store), "--campaign", "1702/BXD-HTKT")

    assert smart.returncode == green.returncode == green_again.returncode == 0, green.stderr
    assert "1. Báo cáo mới: 3" in smart.stdout and "22 Quảng Ninh" in smart.stdout
    # 1683's digest, made first, does not cover what 1702's has not said yet.
    assert "1. Báo cáo mới: 3" in green.stdout and "38 Thanh Hóa" in green.stdout
    assert "1. Báo cáo mới: 0" in green_again.stdout


def test_a_digest_asks_the_clerk_about_a_province_in_its_own_campaigns_table(tmp_path):
    store = binh_duong_answering_both(tmp_path)

    smart = run_baocao("digest", "--store", str(store), "--campaign", "1683/BXD-PTDT")
    green = run_baocao("digest", "--store", str(store), "--campaign", "1702/BXD-HTKT")

    assert "chưa xác định được tỉnh gửi" not in smart.stdout   # Bình Dương, 74 in 1683's table
    assert "chưa xác định được tỉnh gửi" in green.stdout        # no Bình Dương among the 34 of 2025
    assert "baocao assign --campaign 1702/BXD-HTKT " in green.stdout


def binh_duong_answering_1702(tmp_path: Path) -> Path:
    """A store holding one mail of Bình Dương's department answering 1702 only: 79 in 2025's
    table (part of Hồ Chí Minh City), 74 in 2022's."""
    from two_campaigns import green_report, mail

    box = tmp_path / "hop-thu"
    box.mkdir()
    (box / "1.eml").write_bytes(mail("sxd@binhduong.gov.vn", "Báo cáo cây xanh theo văn bản 1702/BXD-HTKT",
                                     "Wed, 10 Sep 2025 10:00:00 +0700", "<bd-1702@binhduong.gov.vn>",
                                     [green_report(tmp_path / "cx-74.docx", "Bình Dương")]))
    store = tmp_path / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(box), "--campaign", str(GREEN),
                      "--campaign", str(SMART)).returncode == 0
    return store


def recorded_campaign(store: Path, letter: str):
    from baocao.register import load_recorded, recorded_named

    s = Store.open(store)
    try:
        return load_recorded(s, recorded_named(s.recorded_campaigns(), letter))
    finally:
        s.close()


def test_reminders_go_to_the_addresses_a_province_wrote_from_by_the_campaigns_own_codes(tmp_path):
    store = binh_duong_answering_1702(tmp_path)

    result = run_baocao("status", "--store", str(store), "--campaign", "1683/BXD-PTDT", "--reminders",
                        str(tmp_path / "nhac"))

    assert result.returncode == 0, result.stderr
    to = {path.name[:2]: email.message_from_bytes(path.read_bytes())["To"] for path in (tmp_path / "nhac").iterdir()}
    assert to["74"] == "sxd@binhduong.gov.vn"                 # Bình Dương, missing for 1683
    assert "sxd@binhduong.gov.vn" not in to["79"]              # not Hồ Chí Minh City's in 1683's table



def test_the_desks_province_page_lists_the_mail_a_province_sent_by_its_campaigns_codes(tmp_path):
    from baocao.review.desk import Desk

    store = binh_duong_answering_1702(tmp_path)
    [sha] = Store.open_read_only(store).find_messages("<bd-1702@binhduong.gov.vn>")
    smart, green = (Desk(store, recorded_campaign(store, letter)) for letter in ("1683/BXD-PTDT", "1702/BXD-HTKT"))

    assert [m.sha256 for m in green.province("79").messages] == [sha]
    assert [m.sha256 for m in smart.province("74").messages] == [sha]   # Bình Dương wrote it
    assert smart.province("79").messages == ()                         # Hồ Chí Minh City of 2022 did not


def test_the_desks_decisions_are_its_own_campaigns(tmp_path):
    from baocao.review.desk import Desk

    store = binh_duong_answering_both(tmp_path)
    [sha] = Store.open_read_only(store).find_messages("<bd-both@gmail.com>")
    green = Desk(store, recorded_campaign(store, "1702/BXD-HTKT"))

    green.assign_message(sha, "79", "minh.vt")
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": {"74"}, "1702/BXD-HTKT": {"79"}}
    green.set_aside(sha, "minh.vt")
    assert reported(store, tmp_path) == {"1683/BXD-PTDT": {"74"}, "1702/BXD-HTKT": set()}


# -- every reading command, as a clerk and an analyst run them with two campaigns ----------

@pytest.fixture(scope="module")
def both_ingested(two_requests, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("hai-dot") / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(two_requests), "--campaign", str(SMART),
                      "--campaign", str(GREEN)).returncode == 0
    return store


def thanh_hoas_reply(store: Path) -> str:
    return Store.open_read_only(store).find_messages("<th-1702@thanhhoa.gov.vn>")[0][:12]


READING = {   # each command, and what it says of 1702/BXD-HTKT (34 provinces, Thanh Hóa's reply) when named
    "status": (lambda out, store: ["status"], "Campaign 1702/BXD-HTKT"),
    "reminders": (lambda out, store: ["status", "--reminders", str(out / "nhac")], "Provinces: 34;"),
    "errors": (lambda out, store: ["errors"], "No problems recorded."),
    "aggregate": (lambda out, store: ["aggregate", "--out", str(out / "bang.csv")], "bang.csv"),
    "render": (lambda out, store: ["render", "--out", str(out / "bao-cao.md")], "bao-cao.md"),
    "digest": (lambda out, store: ["digest"], "văn bản số 1702/BXD-HTKT"),
    "assign": (lambda out, store: ["assign", thanh_hoas_reply(store), "Thanh Hóa"], "assigned to 38 Thanh Hóa"),
    "verify": (lambda out, store: ["verify"], "no damage"),
}


@pytest.mark.parametrize("command", READING)
def test_every_reading_command_takes_the_letter_or_the_file_and_lists_the_campaigns_when_none_is_named(
        both_ingested, tmp_path, command):
    make, says = READING[command]
    store = tmp_path / "kho"
    shutil.copytree(both_ingested, store)

    unnamed = run_baocao(*make(tmp_path, store), "--store", str(store))
    assert unnamed.returncode == 2, unnamed.stderr
    assert "holds 2 campaigns; say which one with --campaign" in unnamed.stderr
    assert "1683/BXD-PTDT" in unnamed.stderr and "1702/BXD-HTKT" in unnamed.stderr
    for named in ("1702/BXD-HTKT", str(GREEN)):
        result = run_baocao(*make(tmp_path, store), "--store", str(store), "--campaign", named)
        assert result.returncode == 0, (named, result.stderr)
        assert says in result.stdout + result.stderr, (named, result.stdout, result.stderr)
    if command == "aggregate":
        assert len(pd.read_csv(tmp_path / "bang.csv", dtype=str)) == 34


def test_the_review_desk_lists_the_campaigns_when_none_is_named(both_ingested):
    result = run_baocao("review", "--store", str(both_ingested), "--port", "0")

    assert result.returncode == 2 and "holds 2 campaigns" in result.stderr and "1702/BXD-HTKT" in result.stderr


@pytest.fixture(scope="module")
def green_only(two_requests, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("mot-dot") / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(two_requests), "--campaign",
                      str(GREEN)).returncode == 0
    return store


@pytest.mark.parametrize("command", READING)
def test_with_one_campaign_recorded_every_reading_command_reads_it_unnamed(green_only, tmp_path, command):
    make, says = READING[command]
    store = tmp_path / "kho"
    shutil.copytree(green_only, store)

    result = run_baocao(*make(tmp_path, store), "--store", str(store))

    assert result.returncode == 0, result.stderr
    if command != "errors":   # what errors prints depends on the mail, not on the campaign
        assert says in result.stdout + result.stderr, (result.stdout, result.stderr)
