"""The report's own number and date, read from its letterhead ("Số: 139/BC-UBND",
"Bắc Kạn, ngày 23 tháng 5 năm 2022"), so the national report can cite each report as
the ministry does: "Báo cáo số 139/BC-UBND ngày 23/5/2022 của UBND tỉnh Bắc Kạn".

The letterhead is the text before the first outline item (parse.sections): it also holds
the covering sentence citing the ministry's request ("Thực hiện văn bản số 1683/BXD-PTDT
ngày 16/5/2022 …"), which must not be taken for the report's own number or date. The
report's number follows "Số" written as a field (capital S, usually a colon); its date
follows the place and a comma, or starts a line or a table cell.

A report sent under a covering letter ("Số: 527/SXD-QLĐT / V/v gửi Báo cáo …", then the
report itself) has two letterheads: the report's own is the one right above its title
("BÁO CÁO"), so the number and date read are the last ones before the title."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from baocao.text import fold, nfc

# "139/BC-UBND", "05 / BC-SXD", "215/BC–UBND" (en dash), "12/TTr-UBND"
_NUMBER = re.compile(r"(?<![\d/])(\d{1,5})\s*/\s*([A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-–—]\s*[A-ZĐ][A-ZĐ0-9]*)*)")
_FIELD = re.compile(r"(S[^\s:]{1,2})\s*:?\s*$")
# "Số" as OCR misreads its "ố" in a scan: "S6", "S0".
_NUMBER_FIELDS = ("so", "s6", "s0")
# Folded, so that OCR's wrong diacritics do not matter; a vowel misread outright ("ndm" for
# "năm") is tolerated in each word, the digits and a real date still required.
_DATE_WORDS = re.compile(r"(?:^|[,|])\s*ng[a-z]y\s*(\d{1,2})\s*\|?\s*th[a-z]ng\s*(\d{1,2})"
                         r"\s*\|?\s*n[a-z]m\s*\|?\s*(\d{4})")
# The document-type line over the report's subject: its title.
_TITLE = re.compile(r"^\s*bao cao\s*$")
_DATE_DIGITS = re.compile(r"(?:^|[,|])\s*ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")

T = TypeVar("T")


@dataclass(frozen=True)
class ReportReference:
    number: str | None     # "139/BC-UBND"
    date: date | None


def report_reference(letterhead: str) -> ReportReference:
    return ReportReference(report_number(letterhead), report_date(letterhead))


def report_number(letterhead: str) -> str | None:
    """The number written after a "Số:" field: the last one above the report's title when
    there is one above it, else the first; None when the field is left blank (a draft:
    "Số:     /BC-UBND") or absent."""
    return _own(letterhead, _numbers)


def report_date(letterhead: str) -> date | None:
    """The date after the place ("Hà Nội, ngày 23 tháng 5 năm 2022"), also when a line
    break or a table cell splits it, the last one above the report's title when there is
    one above it, else the first; None when absent, left blank or impossible."""
    return _own(letterhead, _dates)


def _own(letterhead: str, found: Callable[[str], list[T]]) -> T | None:
    """The report's own of what `found` reads in the text: the last found above the first
    title line with any above it (a covering letter's come first), else the first found."""
    lines = nfc(letterhead).split("\n")
    for end, line in enumerate(lines):
        if _TITLE.match(fold(line)):
            above = found("\n".join(lines[:end]))
            if above:
                return above[-1]
    return next(iter(found(letterhead)), None)


def _numbers(text: str) -> list[str]:
    numbers = []
    text = nfc(text)
    for m in _NUMBER.finditer(text):
        field = _FIELD.search(text[max(0, m.start() - 12):m.start()])
        if field and fold(field[1]) in _NUMBER_FIELDS:
            symbol = re.sub(r"\s*[-–—]\s*", "-", m[2])
            numbers.append(f"{m[1]}/{symbol}")
    return numbers


def _dates(text: str) -> list[date]:
    """The possible dates written in words, in order; if none, those written in digits."""
    folded = fold(text.replace("\n", " | "))
    for pattern in (_DATE_WORDS, _DATE_DIGITS):
        dates = []
        for m in pattern.finditer(folded):
            day, month, year = (int(g) for g in m.groups())
            try:
                dates.append(date(year, month, day))
            except ValueError:
                continue
        if dates:
            return dates
    return []
