"""The report's own number and date, read from its letterhead ("Số: 139/BC-UBND",
"Bắc Kạn, ngày 23 tháng 5 năm 2022"), so the national report can cite each report as
the ministry does: "Báo cáo số 139/BC-UBND ngày 23/5/2022 của UBND tỉnh Bắc Kạn".

The letterhead is the text before the first outline item (parse.sections): it also holds
the covering sentence citing the ministry's request ("Thực hiện văn bản số 1683/BXD-PTDT
ngày 16/5/2022 …"), which must not be taken for the report's own number or date. The
report's number follows "Số" written as a field (capital S, usually a colon); its date
follows the place and a comma, or starts a line or a table cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from baocao.text import fold, nfc

# "139/BC-UBND", "05 / BC-SXD", "215/BC–UBND" (en dash), "12/TTr-UBND"
_NUMBER = re.compile(r"(?<![\d/])(\d{1,5})\s*/\s*([A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-–—]\s*[A-ZĐ][A-ZĐ0-9]*)*)")
_FIELD = re.compile(r"(S[^\s:]{1,2})\s*:?\s*$")
# "Số" as OCR misreads its "ố" in a scan: "S6", "S0".
_NUMBER_FIELDS = ("so", "s6", "s0")
# Folded, so that OCR's wrong diacritics do not matter; a vowel misread outright ("ndm" for
# "năm") is tolerated in each word, the digits and a real date still required.
_DATE_WORDS = re.compile(r"(?:^|[,|])\s*ng[a-z]y\s*(\d{1,2})\s*\|?\s*th[a-z]ng\s*(\d{1,2})\s*\|?\s*n[a-z]m\s*(\d{4})")
_DATE_DIGITS = re.compile(r"(?:^|[,|])\s*ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


@dataclass(frozen=True)
class ReportReference:
    number: str | None     # "139/BC-UBND"
    date: date | None


def report_reference(letterhead: str) -> ReportReference:
    return ReportReference(report_number(letterhead), report_date(letterhead))


def report_number(letterhead: str) -> str | None:
    """The first number written after a "Số:" field; None when the field is left blank
    (a draft: "Số:     /BC-UBND") or absent."""
    text = nfc(letterhead)
    for m in _NUMBER.finditer(text):
        field = _FIELD.search(text[max(0, m.start() - 12):m.start()])
        if field and fold(field[1]) in _NUMBER_FIELDS:
            symbol = re.sub(r"\s*[-–—]\s*", "-", m[2])
            return f"{m[1]}/{symbol}"
    return None


def report_date(letterhead: str) -> date | None:
    """The date after the place ("Hà Nội, ngày 23 tháng 5 năm 2022"), also when a line
    break or a table cell splits it; None when absent, left blank or impossible."""
    folded = fold(letterhead.replace("\n", " | "))
    for pattern in (_DATE_WORDS, _DATE_DIGITS):
        for m in pattern.finditer(folded):
            day, month, year = (int(g) for g in m.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None
