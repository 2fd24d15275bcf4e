"""corrections.toml written by the review desk (issue 16): each change appended with who and
when, in the format a person writes by hand, which stays the one source of truth."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from baocao.aggregate.corrections import (
    CellConflict,
    CorrectionsError,
    append_correction,
    append_message_correction,
    cell_history,
    cell_version,
    load_corrections,
    reassign,
)
from baocao.aggregate.reports import ReportRecord
from baocao.campaign import load_campaign

CAMPAIGN = load_campaign()
AT = datetime(2022, 6, 2, 9, 15, 30, 123456, tzinfo=CAMPAIGN.tz)
HAND_EDITED = '''# Sửa tay của chị Lan, đừng xóa
[[correction]]
province = "Quảng Ninh"   # theo tên
field = "funding_vnd"
value = 125500000000
note = "Sở Xây dựng xác nhận qua điện thoại"

[[message]]
message = "3f2a9c1b7d20"
province = "74"
'''


def test_an_appended_correction_keeps_the_hand_edited_entries_and_comments(tmp_path):
    (tmp_path / "corrections.toml").write_text(HAND_EDITED, encoding="utf-8")
    append_correction(tmp_path, CAMPAIGN, "22", "section_4", "Tổng kinh phí 30 tỷ đồng.", by="lan.nt", at=AT)
    text = (tmp_path / "corrections.toml").read_text(encoding="utf-8")
    assert text.startswith(HAND_EDITED.split("[[message]]")[0])
    assert "# Sửa tay của chị Lan, đừng xóa" in text and "# theo tên" in text
    corrections = load_corrections(tmp_path, CAMPAIGN)
    funding, section = corrections.cells
    assert (funding.value, funding.by, funding.at) == (125500000000, "", "")
    assert (section.province_code, section.field, section.value) == ("22", "section_4", "Tổng kinh phí 30 tỷ đồng.")
    assert (section.by, section.at) == ("lan.nt", "2022-06-02T09:15:30+07:00")
    assert [m.province_code for m in corrections.messages] == ["74"]


def test_text_over_several_lines_and_markup_come_back_as_written(tmp_path):
    text = 'Dòng một <script>alert("x")</script>\nDòng hai """ \\ \'\'\'\n\tthụt lề'
    append_correction(tmp_path, CAMPAIGN, "01", "section_5", text, by="an", at=AT)
    [cell] = load_corrections(tmp_path, CAMPAIGN).cells
    assert cell.value == text


def test_a_hand_edit_after_the_desk_still_applies(tmp_path):
    append_correction(tmp_path, CAMPAIGN, "01", "section_1", "của bàn kiểm tra", by="an", at=AT)
    path = tmp_path / "corrections.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[[correction]]\nprovince = "Hà Nội"\nfield = "section_1"\n'
                    'value = "sửa tay sau"\n', encoding="utf-8")
    history = cell_history(load_corrections(tmp_path, CAMPAIGN), "01", "section_1")
    assert [c.value for c in history] == ["của bàn kiểm tra", "sửa tay sau"]


def test_marking_a_cell_checked_is_a_review_flag_set_to_false(tmp_path):
    append_correction(tmp_path, CAMPAIGN, "17", "section_1_review", False, by="an", at=AT)
    [cell] = load_corrections(tmp_path, CAMPAIGN).cells
    assert (cell.field, cell.value) == ("section_1_review", False)
    assert "value = false" in (tmp_path / "corrections.toml").read_text(encoding="utf-8")


def test_a_save_made_on_an_old_version_of_the_cell_is_refused_and_writes_nothing(tmp_path):
    seen = cell_version(())   # the page showed the cell before anyone corrected it
    append_correction(tmp_path, CAMPAIGN, "01", "section_4", "của An", by="an", at=AT, expected_version=seen)
    before = (tmp_path / "corrections.toml").read_bytes()
    with pytest.raises(CellConflict) as refused:
        append_correction(tmp_path, CAMPAIGN, "01", "section_4", "của Bình", by="binh", at=AT, expected_version=seen)
    assert [(c.value, c.by) for c in refused.value.history] == [("của An", "an")]
    assert (tmp_path / "corrections.toml").read_bytes() == before


def test_a_value_the_table_cannot_take_is_refused_and_the_file_stays(tmp_path):
    (tmp_path / "corrections.toml").write_text(HAND_EDITED, encoding="utf-8")
    with pytest.raises(CorrectionsError, match="section_4_review takes true or false"):
        append_correction(tmp_path, CAMPAIGN, "01", "section_4_review", "có lẽ", by="an", at=AT)
    assert (tmp_path / "corrections.toml").read_text(encoding="utf-8") == HAND_EDITED
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_two_people_saving_at_once_both_land(tmp_path):
    def save(n: int) -> None:
        append_correction(tmp_path, CAMPAIGN, f"{n:02d}", "section_6", f"đề xuất {n}", by=f"nguoi{n}", at=AT)

    threads = [threading.Thread(target=save, args=(n,)) for n in (1, 2, 4, 6, 8, 10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(c.by for c in load_corrections(tmp_path, CAMPAIGN).cells) == [
        "nguoi1", "nguoi10", "nguoi2", "nguoi4", "nguoi6", "nguoi8"]


def _report(sha: str, province: str) -> ReportRecord:
    return ReportRecord(sha, f"<{sha}@example.test>", "a@example.test", "Báo cáo", AT, province, ())


def test_a_message_entry_assigns_a_province_or_sets_the_message_aside_as_not_a_report(tmp_path):
    append_message_correction(tmp_path, CAMPAIGN, "aaaa" * 16, "24", by="minh.vt", at=AT)
    append_message_correction(tmp_path, CAMPAIGN, "bbbb" * 16, by="lan.nt", at=AT, not_report=True)
    text = (tmp_path / "corrections.toml").read_text(encoding="utf-8")
    assert 'kind = "not_report"' in text and 'province = "24"' in text
    corrections = load_corrections(tmp_path, CAMPAIGN)
    assigned, aside = corrections.messages
    assert (assigned.province_code, assigned.not_report, assigned.by) == ("24", False, "minh.vt")
    assert (aside.province_code, aside.not_report, aside.by) == ("", True, "lan.nt")
    kept = reassign([_report("aaaa" * 16, ""), _report("bbbb" * 16, "01"), _report("cccc" * 16, "02")], corrections)
    assert [(r.message_sha256[:4], r.province_code) for r in kept] == [("aaaa", "24"), ("cccc", "02")]


def test_a_later_message_entry_takes_a_not_a_report_back(tmp_path):
    append_message_correction(tmp_path, CAMPAIGN, "bbbb", by="lan.nt", at=AT, not_report=True)
    append_message_correction(tmp_path, CAMPAIGN, "bbbb", "01", by="lan.nt", at=AT)
    [report] = reassign([_report("bbbb" * 16, "")], load_corrections(tmp_path, CAMPAIGN))
    assert report.province_code == "01"


def test_a_message_entry_of_an_unknown_kind_is_refused(tmp_path):
    (tmp_path / "corrections.toml").write_text('[[message]]\nmessage = "bbbb"\nkind = "spam"\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match="not_report"):
        load_corrections(tmp_path, CAMPAIGN)
