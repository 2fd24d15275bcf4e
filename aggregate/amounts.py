"""Money as Vietnamese documents write it: dot for thousands, comma for decimals, and a
unit word ("125,5 tỷ đồng", "3.200 triệu đồng", "1.250.000.000 đồng", "1,2 nghìn tỷ")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from baocao.text import fold

UNITS = {
    "nghin ty": 10**12, "ngan ty": 10**12,
    "ty": 10**9, "ti": 10**9,
    "trieu": 10**6, "tr.d": 10**6, "trd": 10**6, "tr": 10**6,
    "dong": 1, "vnd": 1, "d": 1,
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}"
_AMOUNT = re.compile(rf"(?<![\d.,])({_NUMBER})\s*({_UNIT})(?![a-z])")
_TOTAL_WORDS = ("tong kinh phi", "tong cong", "tong so", "tong muc dau tu", "tong von", "tong nguon", "tong")


@dataclass(frozen=True)
class Amount:
    vnd: int
    written: str         # as matched, folded ("125,5 ty")
    ambiguous: bool      # written with an English decimal point ("12.5 tỷ")


@dataclass(frozen=True)
class FundingFigure:
    vnd: int | None
    rule: str            # how it was obtained, for the analyst
    ambiguous: bool


_DECLARED_UNIT = re.compile(rf"(?:don vi tinh|dvt)\s*:?\s*({_UNIT})(?![a-z])")
_YEAR = re.compile(r"(19|20)\d\d")


def declared_unit(text: str) -> str | None:
    """The unit a table states once for all its figures: "Đơn vị tính: triệu đồng", "ĐVT: tỷ"."""
    m = _DECLARED_UNIT.search(fold(text))
    return m[1] if m else None


def _value(number: str) -> tuple[Decimal, bool]:
    ambiguous = bool(re.fullmatch(r"\d+\.\d{1,2}", number))
    return (Decimal(number) if ambiguous else Decimal(number.replace(".", "").replace(",", "."))), ambiguous


def amounts_in(text: str, table_unit: str | None = None) -> list[Amount]:
    """Amounts written with their unit; with table_unit, also the bare numbers in the
    cells of table rows (" | "), but not the row number (first cell) nor a year."""
    found = []
    for m in _AMOUNT.finditer(fold(text)):
        number, unit = m.groups()
        value, ambiguous = _value(number)
        found.append(Amount(int(value * UNITS[unit]), m.group(0), ambiguous))
    if table_unit and "|" in text and not found:
        for cell in fold(text).split("|")[1:]:
            cell = cell.strip()
            if re.fullmatch(_NUMBER, cell) and not _YEAR.fullmatch(cell):
                value, ambiguous = _value(cell)
                found.append(Amount(int(value * UNITS[table_unit]), f"{cell} {table_unit} (bảng)", ambiguous))
    return found


def funding_total(text: str) -> FundingFigure:
    """The stated total when a line says 'tổng …', otherwise the sum of the amounts."""
    unit = declared_unit(text)
    for line in re.split(r"[\n;]|(?<=[.!?])\s", text):
        folded = fold(line)
        amounts = amounts_in(line, unit)
        if amounts and any(w in folded for w in _TOTAL_WORDS):
            first = amounts[0]
            return FundingFigure(first.vnd, f"stated total: {first.written}", first.ambiguous)
    amounts = [a for line in text.split("\n") for a in amounts_in(line, unit)]
    if not amounts:
        return FundingFigure(None, "no amount found", False)
    if len(amounts) == 1:
        return FundingFigure(amounts[0].vnd, f"single amount: {amounts[0].written}", amounts[0].ambiguous)
    return FundingFigure(sum(a.vnd for a in amounts), f"sum of {len(amounts)} amounts (no stated total)",
                         any(a.ambiguous for a in amounts))
