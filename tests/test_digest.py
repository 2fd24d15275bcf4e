"""`baocao digest`: the clerk's morning summary, in Vietnamese, printed and mailed."""

from __future__ import annotations

import email
import email.policy
import shutil
from datetime import datetime, timedelta, timezone

import pytest
from aiosmtpd.controller import Controller
from mailserver import free_port, run_baocao

from baocao.aggregate.digest import Digest, digest_text, last_day, make_digest
from baocao.aggregate.reports import campaign_reports
from baocao.campaign import load_campaign
from baocao.store import Store


@pytest.fixture
def store(ingested_sample, tmp_path):
    copy = tmp_path / "kho"
    shutil.copytree(ingested_sample, copy)
    return copy


def digest_of(store, **kwargs) -> str:
    result = run_baocao("digest", "--store", str(store), *[a for k, v in kwargs.items()
                                                          for a in (f"--{k.replace('_', '-')}", v)])
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_first_digest_lists_new_reports_by_province_late_ones_and_corrections(store):
    text = digest_of(store)
    assert "Tóm tắt hộp thư báo cáo theo văn bản số 1683/BXD-PTDT" in text
    assert "1. Báo cáo mới: 21" in text
    assert "  - 22 Quảng Ninh: nhận lúc 9 giờ 17 ngày 25/5/2022, đúng hạn" in text
    # received at the deadline's first instant: late (aggregate/schema.status_of)
    assert "  - 56 Khánh Hòa: nhận lúc 0 giờ 00 ngày 30/5/2022, quá hạn" in text
    assert "2. Trong đó quá hạn: 5" in text
    assert "3. Báo cáo bổ sung, sửa đổi: 1\n  - Nghệ An" in text


def test_it_says_who_is_missing_and_how_long_overdue(store):
    text = digest_of(store)
    overdue = (datetime.now(timezone(timedelta(hours=7))).date() - last_day(load_campaign())).days
    assert f"5. Chưa gửi báo cáo: 43 tỉnh, thành phố; quá hạn {overdue} ngày (trước ngày 30/5/2022)" in text
    assert "  - 02 Hà Giang" in text


def test_before_the_deadline_it_counts_the_days_left_today_included():
    campaign = load_campaign()
    morning_before = campaign.deadline - timedelta(hours=20)    # 29 May, 04:00 Hà Nội: the last day
    two_days_before = campaign.deadline - timedelta(days=2)
    assert digest_for(campaign, morning_before).days_left == 1
    assert "còn 2 ngày" in digest_text(digest_for(campaign, two_days_before))
    assert "quá hạn 1 ngày" in digest_text(digest_for(campaign, campaign.deadline + timedelta(hours=1)))


def digest_for(campaign, now) -> Digest:
    from baocao.aggregate.digest import Missing
    return Digest(now - timedelta(days=1), now, campaign, (), (), 0, (Missing("02", "Hà Giang"),), 0)


def test_the_next_digest_covers_only_what_came_after_the_last(store):
    digest_of(store)
    text = digest_of(store)
    assert "1. Báo cáo mới: 0" in text and "(không có)" in text
    assert "5. Chưa gửi báo cáo: 43" in text     # who is missing is said every time


def test_a_look_back_with_since_covers_that_window_and_does_not_move_the_next_digest(store):
    assert "1. Báo cáo mới: 21" in digest_of(store, since="2d")
    assert "1. Báo cáo mới: 21" in digest_of(store)


def test_messages_that_need_the_clerk_are_listed_with_what_to_do(store):
    s = Store.open(store)
    try:
        campaign = load_campaign()
        now = datetime.now(timezone.utc)
        made = make_digest(s, campaign, now - timedelta(days=1), now)
    finally:
        s.close()
    cells = [item for item in made.for_the_clerk if "ô cần kiểm tra" in item.what]
    assert cells and all(item.action for item in made.for_the_clerk)
    assert "4. Cần văn thư xử lý:" in digest_text(made)


class Recorder:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, recorder
    controller.stop()


def test_mailed_digest_arrives_with_its_vietnamese_subject_and_body_intact(store, smtp_server):
    controller, recorder = smtp_server
    result = run_baocao("digest", "--store", str(store), "--mail-to", "vanthu@moc.gov.vn",
                        "--smtp-host", "127.0.0.1", "--smtp-port", str(controller.port), "--smtp-tls", "none")
    assert result.returncode == 0, result.stderr
    (envelope,) = recorder.received
    assert envelope.rcpt_tos == ["vanthu@moc.gov.vn"]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"].startswith("[baocao] Tóm tắt ngày ")
    assert "21 báo cáo mới" in message["Subject"]
    body = message.get_content().replace("\r\n", "\n")   # lines end in CRLF on the wire
    assert body == result.stdout
    assert "Khánh Hòa: nhận lúc 0 giờ 00 ngày 30/5/2022, quá hạn" in body
    # and it was recorded: the next digest starts after it
    assert "1. Báo cáo mới: 0" in digest_of(store)


def test_a_digest_the_server_did_not_take_is_not_recorded(store):
    nobody_listening = free_port()
    result = run_baocao("digest", "--store", str(store), "--mail-to", "vanthu@moc.gov.vn",
                        "--smtp-host", "127.0.0.1", "--smtp-port", str(nobody_listening), "--smtp-tls", "none")
    assert result.returncode == 4 and "the digest was not recorded" in result.stderr
    assert "1. Báo cáo mới: 21" in digest_of(store)


def test_the_smtp_password_comes_from_a_file_or_the_environment_never_the_command_line(store):
    result = run_baocao("digest", "--store", str(store), "--mail-to", "a@b.vn", "--smtp-host", "127.0.0.1",
                        "--smtp-user", "baocao", "--smtp-tls", "none")
    assert result.returncode == 3 and "BAOCAO_SMTP_PASSWORD" in result.stderr


def test_a_message_the_analyst_marked_not_a_report_is_neither_a_new_report_nor_the_clerks_to_settle(store):
    s = Store.open(store)
    try:
        campaign = load_campaign()
        now = datetime.now(timezone.utc)
        before = make_digest(s, campaign, now - timedelta(days=1), now)
        first = before.new_reports[0]
        message = next(r.message_sha256 for r in campaign_reports(s, campaign.id)
                       if r.province_code == first.province_code)
        (store / "corrections.toml").write_text(
            f'[[message]]\nmessage = "{message[:12]}"\nkind = "not_report"\nnote = "thư mời họp"\n', encoding="utf-8")
        after = make_digest(s, campaign, now - timedelta(days=1), now)
    finally:
        s.close()
    assert first.province_code not in {r.province_code for r in after.new_reports}
    assert len(after.new_reports) == len(before.new_reports) - 1
    assert not any(item.message == message[:12] for item in after.for_the_clerk)
