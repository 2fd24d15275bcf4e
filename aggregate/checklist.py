"""What a person should check, as one list in Vietnamese (the workbook's "Kiểm tra" sheet):
the provinces that sent nothing, the files baocao could not read or read only in part and
why, the reports whose number or date was not read, the cells of the table to review and
the funding figures to check, with the note
saying why. The letter shows none
of this; the clerk and the analyst work from it."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from baocao.aggregate.reports import ReportRecord
from baocao.aggregate.schema import CHECK_COLUMNS, Status, TableSchema, amounts_in_schema, cell_columns
from baocao.parse.reports import NO_TEXT, PROTECTED

_UNSUPPORTED = "Loại tệp không đọc được: đề nghị tỉnh gửi báo cáo dạng .docx, .doc hoặc .pdf."
# Why a file was not read, in Vietnamese, from what the reader recorded: its status, and for
# a failed file the start of its message (parse/reports.py and parse/document.py write them).
_FAILED_BECAUSE = (
    (PROTECTED, "Tệp đặt mật khẩu: đề nghị tỉnh gửi bản không đặt mật khẩu."),
    (NO_TEXT, "Tệp không có chữ (có thể là ảnh chụp dán vào): mở xem trực tiếp, hoặc đề nghị tỉnh gửi bản .docx."),
    ("are not reports baocao can read", _UNSUPPORTED),
    ("cannot read it as", "Tệp hỏng hoặc không đúng định dạng: mở thử, hoặc đề nghị tỉnh gửi lại."),
    ("time limit", "Đọc quá thời gian cho phép (tệp có thể hỏng hoặc rất lớn): mở xem trực tiếp."),
)
_STATUS_BECAUSE = {
    "no_sections": "Đọc được nhưng không thấy đề mục nào theo đề cương: đọc trực tiếp để điền bảng.",
    "partial": "Chỉ đọc được một phần: đối chiếu với tệp gốc.",
    "unsupported": _UNSUPPORTED,
}
_FAILED = "Không đọc được tệp: mở thử, hoặc đề nghị tỉnh gửi lại."
_MISSING = "Đôn đốc tỉnh gửi báo cáo."
_NO_DOCUMENT = "Đề nghị tỉnh gửi tệp báo cáo."
_UNASSIGNED = "Chưa xác định được thư của tỉnh nào: đọc thư rồi gán tỉnh (baocao assign)."
NOT_READ = ("no_sections", "partial", "unsupported", "failed")
_FUNDING_ITEM = "Tổng kinh phí"
REFERENCE_ITEM = "Số, ngày báo cáo"


def reference_to_check(number: str, day: str) -> str:
    """What the table lacks to cite a province's report by ("Báo cáo số 139/BC-UBND ngày
    23/5/2022"), in Vietnamese with what to do; "" when it has both. Without a date read
    the letter cites the report by its number alone, and nothing else in it shows the date
    is missing: the analyst reads it from the report's letterhead (or confirms it was left
    blank) and writes it in corrections.toml."""
    lacking = " và ".join(what for what, value in (("số hiệu", number), ("ngày", day)) if not value)
    if not lacking:
        return ""
    fields = ", ".join(field for field, value in (("report_number", number), ("report_date", day)) if not value)
    return (f"Chưa đọc được {lacking} báo cáo (công văn trích dẫn báo cáo sẽ thiếu): xem phần đầu văn bản, "
            f"ghi vào corrections.toml ({fields}) nếu báo cáo có ghi.")
_FUNDING_UNCLEAR = "Số liệu kinh phí chưa rõ: đối chiếu với báo cáo."


def document_reason(status: str, error: str) -> str:
    """Why a file was not read in full, in Vietnamese, with what to do."""
    if status in _STATUS_BECAUSE:
        return _STATUS_BECAUSE[status]
    return next((reason for start, reason in _FAILED_BECAUSE if start in error), _FAILED)


def _given(value) -> str:
    """A text cell's value; "" for an empty one (None or NaN from a file read back)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def checklist(table: pd.DataFrame, reports: Sequence[ReportRecord], schema: TableSchema) -> pd.DataFrame:
    """One row per thing to check, province by province in the table's order, then the
    reports nobody could tell the province of (`reports` with province_code "")."""
    by_province: dict[str, list[dict]] = {}
    seen: set[tuple[str, str]] = set()
    for report in sorted(reports, key=lambda r: r.received_at):
        if not report.province_code:
            continue
        rows = by_province.setdefault(report.province_code, [])
        if not report.documents:
            rows.append({"check": "no_document", "file": "", "note": _NO_DOCUMENT})
        for document in report.documents:
            if document.status in NOT_READ and (report.province_code, document.sha256) not in seen:
                seen.add((report.province_code, document.sha256))
                rows.append({"check": "document", "file": document.filename,
                             "note": document_reason(document.status, document.error)})
    sections = [c.item for c in schema.columns if c.group == "section"]
    found = []
    for record in table.to_dict("records"):
        code = record["province_code"]
        where = {"province_code": code, "province": record["province"], "item": "", "file": ""}
        if record["status"] == Status.MISSING:
            found.append(where | {"check": "missing", "note": _MISSING})
        found += [where | row for row in by_province.get(code, [])]
        lacking = "" if record["status"] in (Status.MISSING, Status.UNREADABLE) else reference_to_check(
            _given(record.get("report_number")), _given(record.get("report_date")))
        if lacking:
            found.append(where | {"check": "reference", "item": REFERENCE_ITEM, "note": lacking})
        for item in sections:
            names = cell_columns(item)
            if names.review in record and bool(record[names.review]):
                found.append(where | {"check": "cell", "item": f"{item}. {schema.column(names.text).label_vi}",
                                      "note": record[names.note]})
        if bool(record.get("funding_review")):
            found.append(where | {"check": "funding", "item": _FUNDING_ITEM,
                                  "note": record.get("funding_note") or _FUNDING_UNCLEAR})
        for amount in amounts_in_schema(schema):   # support asked, needs: left out of the letter's sums
            if bool(record.get(amount.review)):
                found.append(where | {"check": "funding", "item": schema.column(amount.vnd).label_vi,
                                      "note": record.get(amount.note) or _FUNDING_UNCLEAR})
    found += [{"province_code": "", "province": "", "item": "", "check": "unassigned", "file": report.message_id,
               "note": _UNASSIGNED} for report in sorted(reports, key=lambda r: r.received_at)
              if not report.province_code]
    return pd.DataFrame(found, columns=CHECK_COLUMNS.names)
