"""How baocao picks its language, and how it writes times and numbers for people (i18n.py)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from baocao import i18n

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def language():
    """Sets the language for one test and puts the one chosen at start back after it."""
    before = i18n.current_language()
    yield i18n.use_language
    i18n.use_language(before)


@pytest.mark.parametrize("environ, chosen", [
    ({}, "vi"),
    ({"LANG": "C"}, "vi"),
    ({"LANG": "POSIX"}, "vi"),
    ({"LANG": "C.UTF-8"}, "vi"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_GB"}, "en"),
    ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, "vi"),            # LC_ALL wins, as in POSIX
    ({"LANG": "en_US.UTF-8", "BAOCAO_LANG": "vi"}, "vi"),      # baocao's own variable first
    ({"LANG": "C", "BAOCAO_LANG": "en"}, "en"),
    ({"LANG": "", "LC_ALL": ""}, "vi"),                       # set but empty: as unset
])
def test_vietnamese_unless_the_environment_names_english(environ, chosen):
    assert i18n.language_from_environment(environ) == chosen


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="vi, en"):
        i18n.use_language("fr")


def test_a_moment_is_written_in_vietnams_time_as_vietnamese_write_it(language):
    language("vi")
    moment = datetime(2022, 5, 17, 7, 9, 15, tzinfo=timezone.utc)
    assert i18n.moment_text(moment, VIETNAM) == "17/5/2022 14:09"
    assert i18n.moment_text(moment, VIETNAM, prose=True) == "14 giờ 09 ngày 17/5/2022"
    assert i18n.moment_text("2022-05-17T07:09:15+00:00", VIETNAM) == "17/5/2022 14:09"   # as the store keeps it
    assert i18n.moment_text(datetime(2022, 5, 3, 1, 5, tzinfo=VIETNAM), VIETNAM) == "3/5/2022 01:05"


def test_in_english_a_moment_is_written_year_first_still_in_the_campaigns_time(language):
    language("en")
    assert i18n.moment_text("2022-05-17T07:09:15+00:00", VIETNAM) == "2022-05-17 14:09"


def test_numbers_for_people_have_dots_for_thousands_and_a_comma_for_decimals_in_vietnamese(language):
    language("vi")
    assert i18n.number_text(1234567) == "1.234.567"
    assert i18n.number_text(1234.56, 1) == "1.234,6"
    language("en")
    assert i18n.number_text(1234.56, 1) == "1,234.6"


def test_a_problem_recorded_in_english_is_shown_in_vietnamese_with_its_file_name_kept(language):
    language("vi")
    recorded = ("Bao cao (ban cuoi): cannot read it as a PDF file (it is protected by a password). "
                "Ask the province for the password or for a copy without one.")
    assert i18n.recorded_text(recorded) == (
        "Bao cao (ban cuoi): không đọc được dưới dạng tệp PDF (tệp được bảo vệ bằng mật khẩu). "
        "Đề nghị tỉnh cho biết mật khẩu hoặc gửi bản không đặt mật khẩu.")
    assert i18n.recorded_text("check the attachments in a mail client") == "kiểm tra các tệp đính kèm bằng phần mềm thư"


def test_a_recorded_text_the_catalogue_does_not_know_is_shown_as_recorded(language):
    language("vi")
    assert i18n.recorded_text("something an older baocao said") == "something an older baocao said"
    language("en")
    assert i18n.recorded_text("check the attachments in a mail client") == "check the attachments in a mail client"


def test_a_library_error_with_a_value_named_twice_is_translated(language, tmp_path):
    language("vi")
    recorded = f"{tmp_path} is not a baocao store (no catalog.sqlite): run `baocao ingest --store {tmp_path}` first"
    assert i18n.recorded_text(recorded) == (f"{tmp_path} không phải kho của baocao (không có catalog.sqlite): "
                                            f"chạy `baocao ingest --store {tmp_path}` trước")


def test_archive_mime_and_verify_problems_recorded_in_english_are_shown_in_vietnamese(language):
    language("vi")
    assert i18n.recorded_text(
        "bao-cao.zip: a/b.docx is larger than 50 MiB once unpacked; it was skipped: "
        "ask the province to send the report itself.") == (
        "bao-cao.zip: a/b.docx lớn hơn 50 MiB khi giải nén; tệp này đã bị bỏ qua: đề nghị tỉnh gửi trực tiếp báo cáo.")
    assert i18n.recorded_text(   # the owner is itself a text of the catalogue
        "MIME part 2's declared MIME boundary 'abc' does not match its body; read with the boundary 'xyz' "
        "the body uses") == (
        "ranh giới MIME 'abc' mà phần MIME 2 khai báo không khớp với nội dung; "
        "đã đọc theo ranh giới 'xyz' mà nội dung dùng")
    assert i18n.recorded_text("document objects/ab/abcd: it is not in the store (the file was deleted or lost)") \
        == "tài liệu objects/ab/abcd: không có trong kho (tệp đã bị xóa hoặc mất)"


def test_errors_of_users_smtp_and_backup_are_vietnamese(language):
    language("vi")
    assert i18n.recorded_text("the password is too short: give at least 10 characters") \
        == "mật khẩu quá ngắn: cần ít nhất 10 ký tự"
    assert i18n.recorded_text("SMTP server mail.moc.gov.vn:587 refused the address a@b.vn: check --mail-to") \
        == "máy chủ SMTP mail.moc.gov.vn:587 từ chối địa chỉ a@b.vn: kiểm tra --mail-to"


def test_a_text_made_of_several_is_read_the_way_that_knows_the_most_of_it(language):
    """A damaged message's "what" matches "{what} ({reason})" too, and a campaign file's error
    a template ending in a field that would take in the advice appended to it: the reading
    that finds the catalogue's words in every part is the one shown."""
    language("vi")
    assert i18n.recorded_text("raw message objects/ab/abcd: its content no longer matches its name (the bytes "
                              "changed on disk)") == \
        "thư gốc objects/ab/abcd: nội dung không còn khớp với tên (dữ liệu trên đĩa đã bị thay đổi)"
    assert i18n.recorded_text("dot.toml: [[figures.amounts]] number 1: period must be the first and last year, "
                              "such as [2022, 2025]; it is '2022'; see campaigns/x.toml for an example") == \
        ("dot.toml: [[figures.amounts]] thứ 1: period phải là năm đầu và năm cuối, ví dụ [2022, 2025]; "
         "hiện đang là '2022'; xem ví dụ ở campaigns/x.toml")


def test_the_desk_shows_a_library_error_in_vietnamese_whatever_the_terminals_language(language):
    language("en")
    assert i18n.recorded_text("it is not a valid PDF", "vi") == "tệp không phải PDF hợp lệ"
    assert i18n.recorded_text("it is not a valid PDF") == "it is not a valid PDF"
