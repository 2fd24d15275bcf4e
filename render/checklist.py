"""The clerk's and the analyst's working file, kiem-tra.html, written beside the letter:
everything the letter must not carry but someone must act on — reports that could not be
read (with the technical detail), cells to check and why, provinces whose funding figure
could not be read, problems recorded while reading the mailbox, and which message and file
each province's text came from. In Vietnamese; machine detail is labelled as such."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from baocao.aggregate.checklist import REFERENCE_ITEM, reference_to_check
from baocao.aggregate.schema import Status
from baocao.campaign import Campaign
from baocao.i18n import recorded_text
from baocao.render.content import Table
from baocao.render.dates import dmy
from baocao.render.money import ty_number
from baocao.render.rows import ProvinceRow, province_rows, status_text
from baocao.text import nfc


@dataclass(frozen=True)
class CheckPart:
    title: str
    explanation: str
    table: Table | None      # None: nothing to do here


@dataclass(frozen=True)
class Checklist:
    title: str
    made_on: str
    parts: tuple[CheckPart, ...]


def _time(iso: str, campaign: Campaign) -> str:
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(campaign.tz)
    return f"{moment:%H:%M} ngày {dmy(moment.date())}"


def _split_source(source: str) -> tuple[str, str]:
    """'<id@host> · bao-cao.docx; <id2> · b.pdf' -> ('<id@host>; <id2>', 'bao-cao.docx; b.pdf')."""
    ids, files = [], []
    for part in (p.strip() for p in source.split(";") if p.strip()):
        message_id, sep, file = part.partition(" · ")
        ids.append(message_id.strip())
        if sep:
            files.append(file.strip())
    return "; ".join(dict.fromkeys(ids)), "; ".join(dict.fromkeys(files))


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...],
           ident: str) -> Table | None:
    if not rows:
        return None
    return Table(headers, tuple(rows), widths, tuple(False for _ in headers), ident=ident)


def build_checklist(table: pd.DataFrame, campaign: Campaign, errors: list[dict], on: date) -> Checklist:
    rows = province_rows(table, campaign)
    sections = {s.number: s for s in campaign.sections}
    unreadable = [(r.full_name, _time(r.received_at, campaign), *_split_source(r.source), recorded_text(r.error, "vi"),
                   "Đề nghị địa phương gửi lại bản đọc được (.docx hoặc PDF có lớp chữ).")
                  for r in rows if r.status is Status.UNREADABLE]
    cells = [row for r in rows for row in (
        _reference_row(r), *((r.full_name, f"{n}. {nfc(sections[n].label)}", r.notes[n], r.refs[n])
                             for n in sections if r.review[n])) if row]
    funding = campaign.section_with_role("funding")
    funding_to_check = [
        (r.full_name, ty_number(r.funding) if r.funding is not None else "chưa xác định được",
         r.funding_note or recorded_text(r.funding_rule, "vi"), r.refs[funding.number] if funding else "",
         "Đọc mục kinh phí của báo cáo, ghi số đúng vào corrections.toml (xem README).")
        for r in rows if r.reported and r.status is not Status.UNREADABLE and (r.funding is None or r.funding_review)]
    funding_to_check += [
        (r.full_name, ty_number(r.amounts[a.key].vnd), f"{nfc(a.label)}: {r.amounts[a.key].note}", "",
         "Đối chiếu với báo cáo; ghi số đúng vào corrections.toml (xem README).")
        for a in campaign.figures.amounts for r in rows if r.amounts[a.key].review and r.amounts[a.key].vnd is not None]
    recorded = [(_time(nfc(str(e.get("at", "") or "")), campaign), nfc(str(e.get("stage", "") or "")),
                 " ".join(x for x in (nfc(str(e.get("sender", "") or "")), nfc(str(e.get("subject", "") or "")),
                                      nfc(str(e.get("message_id", "") or ""))) if x),
                 nfc(str(e.get("file", "") or "")), nfc(str(e.get("what", "") or "")),
                 nfc(str(e.get("action", "") or ""))) for e in errors]
    sources = [(r.full_name, _status(r), _time(r.received_at, campaign), *_split_source(r.source))
               for r in rows if r.source]
    parts = (
        CheckPart("1. Báo cáo không đọc được", "Các địa phương đã gửi báo cáo nhưng baocao không đọc được nội dung; "
                  "cột “Chi tiết kỹ thuật” giữ nguyên thông báo của chương trình để chuyên viên tra cứu.",
                  _table(("Tỉnh, thành phố", "Nhận lúc", "Thư (Message-ID)", "Tệp", "Chi tiết kỹ thuật",
                          "Việc cần làm"), unreadable, (30, 22, 35, 30, 30, 30), "unreadable-table")),
        CheckPart("2. Ô cần kiểm tra", "Nội dung tìm được nhưng chưa chắc chắn (không được trích dẫn trong công văn), "
                  "số hoặc ngày báo cáo chưa đọc được (công văn trích dẫn báo cáo sẽ thiếu): "
                  "mở tệp của địa phương tại vị trí ghi bên cạnh, đối chiếu và sửa trong corrections.toml nếu cần.",
                  _table(("Tỉnh, thành phố", "Mục đề cương", "Lý do", "Vị trí trong báo cáo"), cells,
                         (40, 40, 45, 40), "cells-table")),
        CheckPart("3. Kinh phí cần kiểm tra", "Địa phương đã gửi báo cáo nhưng chưa đọc được tổng kinh phí (Phụ lục "
                  "II ghi “chưa xác định được”, không tính là 0), hoặc số đọc được cần người kiểm tra (đã tính vào "
                  "tổng trong công văn); số kinh phí đề nghị hỗ trợ hoặc nhu cầu kinh phí cần kiểm tra "
                  "(công văn nêu riêng, chưa cộng vào số tổng hợp).",
                  _table(("Tỉnh, thành phố", "Số đọc được (tỷ đồng)", "Lý do", "Vị trí mục kinh phí", "Việc cần làm"),
                         funding_to_check, (35, 25, 40, 35, 30), "funding-table")),
        CheckPart("4. Lỗi ghi nhận khi xử lý hộp thư", "Các sự việc baocao ghi lại khi tải và đọc thư.",
                  _table(("Thời điểm", "Bước", "Thư", "Tệp", "Sự việc", "Cách xử lý"), recorded,
                         (22, 15, 40, 25, 33, 30), "errors-table")),
        CheckPart("5. Thư và tệp nguồn", "Nội dung của mỗi địa phương được lấy từ thư và tệp dưới đây.",
                  _table(("Tỉnh, thành phố", "Tình hình", "Nhận lúc", "Thư (Message-ID)", "Tệp"), sources,
                         (35, 25, 25, 40, 40), "sources-table")),
    )
    return Checklist(f"Danh sách việc cần kiểm tra — {nfc(campaign.consolidated_report.subject)}", dmy(on), parts)


def _reference_row(r: ProvinceRow) -> tuple[str, ...] | None:
    """A read report whose number or date the table lacks, to find on its letterhead: the
    letter would cite it without them and show nothing missing."""
    if not r.reported or r.status is Status.UNREADABLE:
        return None
    note = reference_to_check(r.report_number, dmy(r.report_date) if r.report_date else "")
    return (r.full_name, REFERENCE_ITEM, note, _split_source(r.source)[1]) if note else None


def _status(r: ProvinceRow) -> str:
    return status_text(r)
