"""What people read at the terminal is Vietnamese, in Vietnam's time, unless they ask for
English (issue 17): with a C or a Vietnamese locale, or none, baocao speaks Vietnamese;
LANG=en_…, BAOCAO_LANG=en or --lang en give English. Machine output does not change."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mailserver import MAILBOX, run_baocao
from pdf_builders import Line, Page, draw_pdf
from test_ingest_messages import DOCX, _plain_docx, mail

VIETNAMESE = {"LANG": "vi_VN.UTF-8"}
C_LOCALE = {"LANG": "C", "LC_ALL": ""}
ENGLISH = {"LANG": "en_US.UTF-8"}


def baocao(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """baocao with the locale variables given and no BAOCAO_LANG: the language a machine picks."""
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith("BAOCAO_") and k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    environment.update({k: v for k, v in env.items() if v})
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=300)


@pytest.fixture(scope="module")
def problem_store(tmp_path_factory) -> Path:
    """A store with two recorded problems: a PDF protected by a password from Quảng Ninh, and a
    report nobody can tell the province of."""
    folder = tmp_path_factory.mktemp("loi")
    pdf = draw_pdf(folder / "bao-cao-mat-khau.pdf", [Page((Line("Báo cáo đô thị thông minh."),))],
                   user_password="123")
    box = folder / "hop-thu"
    box.mkdir()
    (box / "1.eml").write_bytes(mail(attachments=[("bao-cao-mat-khau.pdf", pdf.read_bytes(), "application/pdf")])
                                .as_bytes())
    (box / "2.eml").write_bytes(mail(sender="someone@gmail.com", subject="Báo cáo 1683/BXD-PTDT",
                                     attachments=[("bc.docx", _plain_docx(), DOCX)]).as_bytes())
    store = folder / "kho"
    assert run_baocao("ingest", "--store", str(store), "--from", str(box), "--quiet").returncode == 0
    return store


# -- help ---------------------------------------------------------------------------------

@pytest.mark.parametrize("env", [C_LOCALE, VIETNAMESE, {}], ids=["LANG=C", "vi_VN", "no locale"])
def test_help_is_vietnamese_with_a_c_or_vietnamese_locale_or_none(env):
    shown = baocao("--help", env=env).stdout
    assert shown.startswith("Cách dùng: baocao [OPTIONS] COMMAND [ARGS]...")
    assert "Tùy chọn:" in shown and "Lệnh:" in shown
    assert "Nhận thư mới vào kho" in shown          # ingest's line in the list of commands
    assert "Mã thoát:" in shown and "kho bị hư hỏng" in shown
    assert "Exit codes" not in shown and "Usage:" not in shown


@pytest.mark.parametrize("how", ["LANG", "--lang", "BAOCAO_LANG"])
def test_help_is_english_with_an_english_locale_or_when_asked(how):
    if how == "LANG":
        shown = baocao("--help", env=ENGLISH).stdout
    elif how == "--lang":
        shown = baocao("--lang", "en", "--help", env=VIETNAMESE).stdout
    else:
        shown = baocao("--help", env={**VIETNAMESE, "BAOCAO_LANG": "en"}).stdout
    assert shown.startswith("Usage: baocao [OPTIONS] COMMAND [ARGS]...")
    assert "Exit codes:" in shown and "Fetch new mail into the store" in shown and "Cách dùng" not in shown


def test_a_commands_help_and_its_options_are_translated():
    shown = baocao("status", "--help", env=C_LOCALE).stdout
    assert "Cho văn thư: kho đang có gì, tỉnh nào đã gửi" in shown and "Ví dụ:" in shown
    assert "Thư mục kho (được tạo ở lần nhận thư đầu tiên)." in shown      # --store
    assert "Hiện hướng dẫn này rồi thoát." in shown                        # click's own --help
    english = baocao("--lang", "en", "status", "--help", env=C_LOCALE).stdout
    assert "For the clerk: what is in the store" in english and "The store directory" in english


def test_lang_after_help_is_still_heeded():
    assert baocao("--help", "--lang", "en", env=C_LOCALE).stdout.startswith("Usage:")


# -- status ---------------------------------------------------------------------------------

def test_status_is_vietnamese_in_vietnams_time(ingested_sample):
    shown = baocao("status", "--store", str(ingested_sample), env=C_LOCALE).stdout
    assert "Đợt báo cáo 1683/BXD-PTDT, hạn gửi 30/5/2022 00:00 (trước ngày 30/5/2022)" in shown
    assert "Tỉnh, thành phố: 63; đúng hạn 15, quá hạn 5, không đọc được 0, chưa gửi 43" in shown
    hanoi = next(line for line in shown.splitlines() if line.startswith("  01"))
    assert "Hà Nội" in hanoi and "đúng hạn" in hanoi and "23/5/2022 10:05" in hanoi
    assert "+00:00" not in shown and "+07:00" not in shown
    assert "Chưa ghi nhận" not in shown and "Vấn đề đã ghi nhận: 0" in shown


def test_status_is_english_when_asked(ingested_sample):
    shown = baocao("--lang", "en", "status", "--store", str(ingested_sample), env=VIETNAMESE).stdout
    assert "Campaign 1683/BXD-PTDT, deadline 2022-05-30 00:00" in shown
    assert "Provinces: 63; on time 15, late 5, unreadable 0, missing 43" in shown
    assert "on_time" in next(line for line in shown.splitlines() if line.startswith("  01"))


# -- errors ---------------------------------------------------------------------------------

def test_errors_say_in_vietnamese_what_went_wrong_for_which_file_and_what_to_do(problem_store):
    shown = baocao("errors", "--store", str(problem_store), env=VIETNAMESE).stdout
    assert ("[parse] bao-cao-mat-khau.pdf: không đọc được dưới dạng tệp PDF (tệp được bảo vệ bằng mật khẩu). "
            "Đề nghị tỉnh cho biết mật khẩu hoặc gửi bản không đặt mật khẩu.") in shown
    assert "    tệp: bao-cao-mat-khau.pdf" in shown
    assert "    việc cần làm: tự mở tệp để xem; nếu tệp bị hỏng, đề nghị tỉnh gửi bản đọc được" in shown
    assert "[province] không xác định được tỉnh gửi báo cáo này" in shown
    assert "khi đã biết tỉnh gửi, chạy `baocao assign " in shown
    # Sent "Fri, 27 May 2022 09:00:00 +0700": Vietnam's time, as Vietnamese write it, no offset.
    assert "từ sxd@quangninh.gov.vn, nhận lúc 27/5/2022 09:00, tiêu đề" in shown
    assert "+00:00" not in shown and "T02:00" not in shown


def test_errors_are_english_with_an_english_locale(problem_store):
    shown = baocao("errors", "--store", str(problem_store), env=ENGLISH).stdout
    assert "bao-cao-mat-khau.pdf: cannot read it as a PDF file (it is protected by a password)" in shown
    assert "from sxd@quangninh.gov.vn, received 2022-05-27 09:00, subject" in shown
    assert "    what to do: open the file yourself" in shown and "không" not in shown


def test_the_store_keeps_the_problems_in_english_whoever_ran_the_ingest(problem_store):
    """The record does not depend on the language of the run: the machine-readable store is
    the same on every machine, and `errors` translates when it shows it."""
    from baocao.store import Store

    store = Store.open(problem_store)
    try:
        recorded = store.errors()
    finally:
        store.close()
    assert {e["stage"] for e in recorded} == {"parse", "province"}
    assert any("it is protected by a password" in e["what"] for e in recorded)


# -- machine output and every terminal path -------------------------------------------------

def test_the_tables_columns_and_values_do_not_change_with_the_language(ingested_sample, tmp_path):
    for language in ("vi", "en"):
        out = tmp_path / f"bang-{language}.json"
        assert baocao("--lang", language, "aggregate", "--store", str(ingested_sample), "--out", str(out),
                      env=C_LOCALE).returncode == 0
    vi, en = (json.loads((tmp_path / f"bang-{lang}.json").read_text(encoding="utf-8")) for lang in ("vi", "en"))
    assert vi == en


def test_diacritics_survive_lang_c_under_cron_piped_to_a_file(ingested_sample, tmp_path):
    """The worst a cron job gives: the C locale with Python's UTF-8 mode and locale coercion
    off, so the streams would be ASCII; the output goes to a file."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "LC_", "LANG"))}
    environment |= {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    out, err = tmp_path / "status.txt", tmp_path / "status.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        done = subprocess.run([sys.executable, "-m", "baocao", "status", "--store", str(ingested_sample)],
                              stdout=stdout, stderr=stderr, env=environment, timeout=300)
    assert done.returncode == 0, err.read_bytes()
    text = out.read_bytes().decode("utf-8")   # strict: every byte is UTF-8
    assert "Tỉnh, thành phố: 63" in text and "Quảng Ninh" in text and "?" not in text.split("\n")[0]


def test_ingest_summary_is_vietnamese(tmp_path):
    done = baocao("ingest", "--store", str(tmp_path / "kho"), "--from", str(MAILBOX), env=C_LOCALE)
    assert done.returncode == 0
    assert "đã xem 23 thư, 22 thư mới, 1 thư đã có trong kho; đã phân tích 22 thư" in done.stderr
    assert "đã lưu " in done.stderr   # one line per new message when no terminal shows a bar


def test_exit_messages_from_the_library_are_vietnamese(tmp_path):
    done = baocao("status", "--store", str(tmp_path / "khong-co"), env=C_LOCALE)
    assert done.returncode == 3
    assert done.stderr.startswith(f"Lỗi: {tmp_path / 'khong-co'} không phải kho của baocao")
    english = baocao("--lang", "en", "status", "--store", str(tmp_path / "khong-co"), env=C_LOCALE)
    assert english.stderr.startswith(f"Error: {tmp_path / 'khong-co'} is not a baocao store")


# -- click's own messages ---------------------------------------------------------------------

def test_clicks_usage_errors_are_vietnamese():
    """What click itself says when a command is mistyped: the option missing, the hint."""
    missing = baocao("ingest", env=C_LOCALE)
    assert missing.returncode == 2
    assert "Lỗi: Thiếu tùy chọn '--store'." in missing.stderr
    assert "Xem 'baocao ingest --help' để được hướng dẫn." in missing.stderr
    assert "Missing option" not in missing.stderr and "Try '" not in missing.stderr
    unknown = baocao("status", "--stor", "kho", env=C_LOCALE)
    assert "Không có tùy chọn '--stor'." in unknown.stderr and "No such option" not in unknown.stderr
    extra = baocao("status", "--store", "kho", "thua", env=C_LOCALE)
    assert "Thừa đối số (thua)" in extra.stderr


def test_clicks_marks_on_a_help_screen_are_vietnamese():
    shown = baocao("ingest", "--help", env=C_LOCALE).stdout
    assert "[bắt buộc]" in shown and "[mặc định: ssl]" in shown
    assert "[required]" not in shown and "[default:" not in shown
    english = baocao("--lang", "en", "ingest", "--help", env=C_LOCALE).stdout
    assert "[required]" in english and "[default: ssl]" in english


def test_clicks_usage_errors_are_english_when_asked():
    shown = baocao("--lang", "en", "ingest", env=C_LOCALE).stderr
    assert "Error: Missing option '--store'." in shown and "Try 'baocao ingest --help' for help." in shown
    assert "Thiếu" not in shown


def test_clicks_invalid_values_are_vietnamese_and_english_when_asked(tmp_path):
    role = baocao("user", "add", "--store", str(tmp_path), "lan.nt", "--role", "chief", env=C_LOCALE).stderr
    assert "Lỗi: Giá trị không hợp lệ cho '--role': 'chief' không phải một trong các giá trị 'clerk'" in role
    args = ("user", "add", "--store", str(tmp_path), "lan.nt", "--role", "clerk", "--password-file", "khong-co.txt")
    missing = baocao(*args, env=C_LOCALE).stderr
    assert "Giá trị không hợp lệ cho '--password-file': Tệp 'khong-co.txt' không tồn tại." in missing
    english = baocao("--lang", "en", *args, env=C_LOCALE).stderr
    assert "Error: Invalid value for '--password-file': File 'khong-co.txt' does not exist." in english


# -- every command's error paths, broadly (issue 17: "the last English texts") ---------------

# Words of the English messages that no Vietnamese one holds (a path, a command or a machine
# name in a Vietnamese message never has them either).
ENGLISH_MARKERS = re.compile(r"\b(cannot|could not|not found|what to do|give|run again|the|is not|does not|see|"
                             r"its|must|number)\b|Error:|Missing")


def _error_paths(store: Path, work: Path) -> dict[str, tuple[str, ...]]:
    """A wrong use of each command that reaches the library's own messages."""
    damaged = work / "kho-hong"
    if not damaged.exists():
        shutil.copytree(store, damaged)
        (damaged / "corrections.toml").write_text('[[correction]]\nprovince = "17"\nfield = funding_vnd\n',
                                                  encoding="utf-8")
        for sha in _some_objects(damaged, 1):
            (damaged / "objects" / sha[:2] / sha).write_bytes(b"flipped")
    campaign = work / "dot.toml"
    shutil.copy(Path(__file__).parent / "data" / "provinces-mini.csv", work)
    campaign.write_text((Path(__file__).parent / "data" / "campaign-mini.toml").read_text(encoding="utf-8")
                        + '\n[[figures.amounts]]\nkey = "needs"\nlabel = "Nhu cầu"\nphrases = ["nhu cầu"]\n'
                          'period = "2022-2025"\n', encoding="utf-8")
    return {
        "status, no store": ("status", "--store", str(work / "khong-co")),
        "ingest, no --store": ("ingest",),
        "aggregate, wrong suffix": ("aggregate", "--store", str(store), "--out", str(work / "bang.txt")),
        "aggregate, damaged corrections": ("aggregate", "--store", str(damaged), "--out", str(work / "bang.csv")),
        "render, wrong suffix": ("render", "--store", str(store), "--out", str(work / "bao-cao.txt")),
        "render, a folder that is not there": ("render", "--store", str(store), "--out", str(work / "bao-cao.md"),
                                               "--templates", str(work / "khong-co-mau")),
        "assign, no such message": ("assign", "--store", str(store), "ffffffffffff", "70"),
        "assign, damaged corrections": ("assign", "--store", str(damaged), _some_message(store), "70"),
        "parse, wrong campaign file": ("parse", "--store", str(work / "kho-moi"), "--campaign", str(campaign)),
        "verify, a damaged object": ("verify", "--store", str(damaged)),
    }


def _some_objects(store: Path, count: int) -> list[str]:
    from baocao.store import ReadOnlyCatalogue

    return [m.sha256 for m in ReadOnlyCatalogue(store).messages()][:count]


def _some_message(store: Path) -> str:
    return _some_objects(store, 1)[0][:12]


@pytest.fixture(scope="module")
def error_paths(ingested_sample, tmp_path_factory):
    work = tmp_path_factory.mktemp("sai")
    return work, _error_paths(ingested_sample, work)


@pytest.mark.parametrize("path", ["status, no store", "ingest, no --store", "aggregate, wrong suffix",
                                  "aggregate, damaged corrections", "render, wrong suffix",
                                  "render, a folder that is not there", "assign, no such message",
                                  "assign, damaged corrections", "parse, wrong campaign file",
                                  "verify, a damaged object"])
def test_every_commands_error_is_vietnamese_under_lang_c_and_english_when_asked(error_paths, path):
    work, paths = error_paths
    vietnamese = baocao(*paths[path], env=C_LOCALE)
    said = (vietnamese.stdout + vietnamese.stderr).replace(str(work), "…")
    assert vietnamese.returncode != 0 and said.strip()
    assert "Lỗi: " in said or "việc cần làm" in said
    assert not ENGLISH_MARKERS.search(said), said
    english = baocao("--lang", "en", *paths[path], env=C_LOCALE)
    shown = english.stdout + english.stderr
    assert english.returncode == vietnamese.returncode
    assert "Error: " in shown or "what to do" in shown
    assert not re.search(r"Lỗi|không|hãy|tệp", shown), shown


def test_a_damaged_corrections_file_is_said_with_its_line_and_what_to_do(error_paths):
    work, paths = error_paths
    done = baocao(*paths["assign, damaged corrections"], env=C_LOCALE)
    assert done.returncode == 3      # a configuration problem, as EXIT_CODES says
    assert (f"Lỗi: {work / 'kho-hong' / 'corrections.toml'}, dòng 3: không phải TOML hợp lệ (giá trị viết sai); "
            "chưa áp dụng hay thay đổi gì: hãy sửa dòng đó bằng trình soạn thảo văn bản") in done.stderr
    english = baocao("--lang", "en", *paths["assign, damaged corrections"], env=C_LOCALE)
    assert "corrections.toml, line 3: not valid TOML (Invalid value); nothing was applied or changed" in english.stderr
