"""The clerk's morning digest: what came into the store since the last one, and who is
still missing, in Vietnamese. Made from the store and the consolidated table (the same
statuses as `baocao status` and the analyst's table); printed or mailed by the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from baocao.aggregate.consolidate import consolidate
from baocao.aggregate.corrections import load_corrections, message_decision, reassign
from baocao.aggregate.reports import ReportRecord, campaign_reports
from baocao.aggregate.schema import Status, status_of
from baocao.campaign import Campaign
from baocao.i18n import date_text, moment_text
from baocao.store import Store
from baocao.store.records import COUNTED


@dataclass(frozen=True)
class NewReport:
    province_code: str
    province: str
    received_at: datetime      # in the campaign's time zone
    status: Status             # on time, late, or unreadable (nothing in it could be read)
    correction: bool           # the province had reported before: this one adds to or replaces it


@dataclass(frozen=True)
class ForTheClerk:
    """A message, or a province's cells, that a person must look at."""
    what: str                  # Vietnamese: what is wrong
    action: str                # Vietnamese: what to do
    message: str = ""          # the start of the message's hash, as `baocao errors` and `assign` take it
    sender: str = ""
    subject: str = ""


@dataclass(frozen=True)
class Missing:
    province_code: str
    province: str


@dataclass(frozen=True)
class Digest:
    covered_from: datetime
    made_at: datetime
    campaign: Campaign
    new_reports: tuple[NewReport, ...]
    for_the_clerk: tuple[ForTheClerk, ...]
    new_problems: int
    missing: tuple[Missing, ...]
    other_messages: int        # stored meanwhile and counting for nothing: auto-replies, spam, the ministry's own

    @property
    def late(self) -> tuple[NewReport, ...]:
        return tuple(r for r in self.new_reports if r.status is Status.LATE)

    @property
    def corrections(self) -> tuple[NewReport, ...]:
        return tuple(r for r in self.new_reports if r.correction)

    @property
    def days_left(self) -> int:
        """Days to send a report still, today included (0 or less: the deadline has passed)."""
        return (last_day(self.campaign) - self.made_at.astimezone(self.campaign.tz).date()).days + 1


def last_day(campaign: Campaign) -> date:
    """The last day a report is on time: the deadline is the first instant it is late."""
    return (campaign.deadline - timedelta(microseconds=1)).astimezone(campaign.tz).date()


def make_digest(store: Store, campaign: Campaign, covered_from: datetime, now: datetime) -> Digest:
    since = covered_from.astimezone(timezone.utc).isoformat(timespec="seconds")
    arrived = store.messages_stored_since(since)
    new = {m.sha256 for m in arrived}
    # The analyst's [[message]] decisions count here as in the table: a message assigned to a
    # province is that province's report, one marked not a report is none, and neither is
    # the clerk's to settle any more.
    corrections = load_corrections(store.root, campaign)
    reports = reassign(campaign_reports(store, campaign.id), corrections)
    table = consolidate(store, campaign).table
    new_reports = tuple(_new_report(r, reports, campaign) for r in reports if r.message_sha256 in new)

    # What each message is to this campaign: its province in this campaign's table, and a
    # report that counts only for another request is that campaign's digest's to list.
    findings = store.campaign_findings(campaign.id)
    assign = f"baocao assign --campaign {campaign.id}"
    clerk: list[ForTheClerk] = []
    for m in arrived:
        if m.duplicate_of or message_decision(corrections, m.sha256, m.message_id):
            continue
        finding = findings.get(m.sha256)
        ours = finding is not None and finding.match in COUNTED
        if m.kind == "report" and m.campaign_id and not ours:
            continue
        province_code, province_status = (finding.province_code, finding.province_status) if ours \
            else (m.province_code, m.province_status)
        about = dict(message=m.sha256[:12], sender=m.sender or "", subject=m.subject or "")
        if m.kind in ("unreadable", "too_large"):
            clerk.append(ForTheClerk("thư không đọc được" if m.kind == "unreadable" else "thư quá lớn, không mở",
                                     "xem `baocao errors`; đề nghị nơi gửi gửi lại", **about))
        elif m.kind == "report" and not province_code:
            clerk.append(ForTheClerk("chưa xác định được tỉnh gửi",
                                     f"đọc thư rồi chỉ định tỉnh: {assign} {m.sha256[:12]} MÃ_TỈNH", **about))
        elif m.kind == "report" and m.campaign_match == "unassigned":
            clerk.append(ForTheClerk("không dẫn chiếu văn bản, nội dung không theo đề cương",
                                     "đọc thư; nếu là báo cáo của đợt này, đề nghị tỉnh gửi lại có dẫn chiếu văn bản",
                                     **about))
        elif m.kind == "report" and province_status == "conflict":
            clerk.append(ForTheClerk("thông tin về tỉnh gửi mâu thuẫn (tài liệu được ưu tiên)",
                                     f"kiểm tra; nếu sai: {assign} {m.sha256[:12]} MÃ_TỈNH", **about))
    for r in new_reports:
        if r.status is Status.UNREADABLE:
            clerk.append(ForTheClerk(f"{r.province}: báo cáo không đọc được", "đề nghị tỉnh gửi lại bản đọc được"))
    to_review = table.loc[table["province_code"].isin({r.province_code for r in new_reports})
                          & (table["cells_to_review"] > 0)]
    for row in to_review.itertuples():
        clerk.append(ForTheClerk(f"{row.province}: {row.cells_to_review} ô cần kiểm tra",
                                 "xem trang kiem-tra.html hoặc bàn rà soát"))

    missing = tuple(Missing(row.province_code, row.province)
                    for row in table.loc[table["status"] == Status.MISSING.value].itertuples())
    counted = {"report", "unreadable", "too_large"}
    others = sum(1 for m in arrived if m.kind not in counted and not m.duplicate_of)
    return Digest(covered_from, now, campaign, new_reports, tuple(clerk), store.errors_since(since), missing, others)


def _new_report(report: ReportRecord, reports: list[ReportRecord], campaign: Campaign) -> NewReport:
    code = report.province_code
    earlier = any(r.province_code == code and r.received_at < report.received_at for r in reports) if code else False
    status = status_of(report.received_at, campaign) if report.readable else Status.UNREADABLE
    name = campaign.province(code).name if code else "chưa rõ tỉnh"
    return NewReport(code, name, report.received_at.astimezone(campaign.tz), status, earlier)


# -- what the clerk reads --------------------------------------------------------------

def _when(moment: datetime, campaign: Campaign) -> str:
    return moment_text(moment, campaign.tz, prose=True, language="vi")   # the digest is Vietnamese


def _deadline_line(digest: Digest) -> str:
    left = digest.days_left
    if left > 0:
        return f"còn {left} ngày ({digest.campaign.deadline_text})"
    return f"quá hạn {1 - left} ngày ({digest.campaign.deadline_text})"


def digest_subject(digest: Digest) -> str:
    day = date_text(digest.made_at.astimezone(digest.campaign.tz).date(), "vi")
    return (f"[baocao] Tóm tắt ngày {day}: {len(digest.new_reports)} báo cáo mới, "
            f"{len(digest.for_the_clerk)} việc cần xử lý, {len(digest.missing)} tỉnh chưa gửi")


def digest_text(digest: Digest) -> str:
    c = digest.campaign
    lines = [f"Tóm tắt hộp thư báo cáo theo văn bản số {c.letter_number}",
             f"Từ {_when(digest.covered_from, c)} đến {_when(digest.made_at, c)}", ""]

    def report_line(r: NewReport) -> str:
        notes = [r.status.label.lower()] + ["bổ sung/thay thế báo cáo trước"] * r.correction
        return f"  - {r.province_code or '??'} {r.province}: nhận lúc {_when(r.received_at, c)}, {', '.join(notes)}"

    lines.append(f"1. Báo cáo mới: {len(digest.new_reports)}")
    lines += [report_line(r) for r in digest.new_reports] or ["  (không có)"]
    lines.append(f"2. Trong đó quá hạn: {len(digest.late)}")
    lines += [f"  - {r.province}" for r in digest.late]
    lines.append(f"3. Báo cáo bổ sung, sửa đổi: {len(digest.corrections)}")
    lines += [f"  - {r.province}" for r in digest.corrections]
    lines.append(f"4. Cần văn thư xử lý: {len(digest.for_the_clerk)}")
    for item in digest.for_the_clerk:
        if item.message:
            lines.append(f"  - thư {item.message} từ {item.sender or '(không rõ)'}, tiêu đề \"{item.subject}\": "
                         f"{item.what}")
        else:
            lines.append(f"  - {item.what}")
        lines.append(f"    việc cần làm: {item.action}")
    if digest.new_problems:
        lines.append(f"  - {digest.new_problems} vấn đề mới được ghi nhận: xem `baocao errors`")
    lines.append(f"5. Chưa gửi báo cáo: {len(digest.missing)} tỉnh, thành phố; "
                 + (_deadline_line(digest) if digest.missing else "đã đủ"))
    lines += [f"  - {m.province_code} {m.province}" for m in digest.missing]
    if digest.other_messages:
        lines += ["", f"Ngoài ra {digest.other_messages} thư khác (trả lời tự động, thư rác, thư của Bộ...) "
                      "không tính là báo cáo."]
    return "\n".join(lines) + "\n"
