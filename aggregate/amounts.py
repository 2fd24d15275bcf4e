"""Money as Vietnamese documents write it: dot for thousands, comma for decimals, and a
unit word ("125,5 tỷ đồng", "3.200 triệu đồng", "1.250.000.000 đồng", "1,2 nghìn tỷ"),
several units in one amount ("30 tỷ 375 triệu đồng"), in words after "Bằng chữ:", or
once for a whole table ("Đơn vị tính: triệu đồng")."""

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
# "100 tỷ đồng, trong đó: ngân sách 60 tỷ, xã hội hóa 40 tỷ": the amount before the
# breakdown is the total, whatever words precede it.
_BREAKDOWN = re.compile(r"^(?:\s*(?:dong|vnd)\b)?[\s,.:;()-]*(?:trong do|bao gom|gom)\b")
# Funding stated to be none: "không sử dụng ngân sách", "chưa bố trí kinh phí".
_NO_FUNDING = re.compile(r"\b(?:khong|chua)\s+(?:duoc\s+)?(?:su dung|bo tri|co|phat sinh|cap|giao|dau tu)\s+"
                         r"(?:nguon\s+)?(?:kinh phi|ngan sach|von)\b")


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


# "Đơn vị tính: triệu đồng", "ĐVT: tỷ", "Đơn vị: triệu đồng", or a header cell "Kinh phí (triệu đồng)".
_DECLARED_UNIT = re.compile(rf"(?:don vi tinh|don vi|dvt)\s*:?\s*({_UNIT})(?![a-z])")
_HEADER_UNIT = re.compile(rf"\((?:don vi\s*:?\s*)?({_UNIT})(?: dong)?\)")
_YEAR = re.compile(r"(19|20)\d\d")


def declared_unit(text: str) -> str | None:
    """The unit a table states once for all its figures: "Đơn vị tính: triệu đồng", "ĐVT: tỷ"."""
    folded = fold(text)
    m = _DECLARED_UNIT.search(folded)
    if m is None and "|" in text:
        m = next((_HEADER_UNIT.search(fold(line)) for line in text.split("\n")
                  if "|" in line and _HEADER_UNIT.search(fold(line))), None)
    return m[1] if m else None


def _value(number: str) -> tuple[Decimal, bool]:
    ambiguous = bool(re.fullmatch(r"\d+\.\d{1,2}", number))
    return (Decimal(number) if ambiguous else Decimal(number.replace(".", "").replace(",", "."))), ambiguous


def amounts_in(text: str, table_unit: str | None = None) -> list[Amount]:
    """Amounts written with their unit; with table_unit, also the bare numbers in the
    cells of table rows (" | "), but not the row number (first cell) nor a year."""
    found: list[Amount] = []
    for line in text.split("\n"):
        folded, end, previous = fold(line), -1, None
        for m in _AMOUNT.finditer(folded):
            number, unit = m.groups()
            value, ambiguous = _value(number)
            vnd = int(value * UNITS[unit])
            if previous is not None and not folded[end:m.start()].strip() and vnd < _smallest_unit(previous):
                # "30 tỷ 375 triệu": one amount in two units
                previous = Amount(previous.vnd + vnd, f"{previous.written} {m.group(0)}",
                                  previous.ambiguous or ambiguous)
                found[-1] = previous
            else:
                previous = Amount(vnd, m.group(0), ambiguous)
                found.append(previous)
            end = m.end()
    if not found:
        found += [Amount(vnd, f"{words} (bằng chữ)", False) for words, vnd in spelled_amounts(fold(text))]
    if table_unit and "|" in text and not found:
        for cell in fold(text).split("|")[1:]:
            cell = cell.strip()
            if re.fullmatch(_NUMBER, cell) and not _YEAR.fullmatch(cell):
                value, ambiguous = _value(cell)
                found.append(Amount(int(value * UNITS[table_unit]), f"{cell} {table_unit} (bảng)", ambiguous))
    return found


def funding_total(text: str) -> FundingFigure:
    """The stated total when a line says 'tổng …' or breaks an amount down ('trong đó'),
    otherwise the sum of the amounts; zero when the text says no funding was used."""
    unit = declared_unit(text)
    for line in re.split(r"[\n;]|(?<=[.!?])\s", text):
        folded = fold(line)
        amounts = amounts_in(line, unit)
        if amounts and any(w in folded for w in _TOTAL_WORDS):
            first = amounts[0]
            return FundingFigure(first.vnd, f"stated total: {first.written}", first.ambiguous)
    for sentence in re.split(r"(?<=[.!?;])\s|\n\s*\n", text):
        total = _broken_down(sentence, unit)
        if total is not None:
            return FundingFigure(total.vnd, f"stated total: {total.written} (trong đó …)", total.ambiguous)
    amounts = [a for line in text.split("\n") for a in amounts_in(line, unit)]
    if not amounts:
        if _NO_FUNDING.search(fold(text)):
            return FundingFigure(0, "stated: no funding", False)
        return FundingFigure(None, "no amount found", False)
    if len(amounts) == 1:
        return FundingFigure(amounts[0].vnd, f"single amount: {amounts[0].written}", amounts[0].ambiguous)
    return FundingFigure(sum(a.vnd for a in amounts), f"sum of {len(amounts)} amounts (no stated total)",
                         any(a.ambiguous for a in amounts))


def _broken_down(sentence: str, unit: str | None) -> Amount | None:
    """The amount right before "trong đó"/"bao gồm" in a sentence, if any."""
    folded = fold(sentence)
    for m in _AMOUNT.finditer(folded):
        if _BREAKDOWN.match(folded[m.end():]):
            return next((a for a in amounts_in(folded[:m.end()], unit)[-1:]), None)
    return None


def _smallest_unit(amount: Amount) -> int:
    """The unit of an amount's last part: "30 ty" -> 10**9, "30 ty 375 trieu" -> 10**6."""
    last = amount.written.rsplit(" ", 1)[-1]
    return UNITS.get(last, 1)


# Numbers in words, as after "Bằng chữ:" (folded): "ba muoi ty ba tram bay muoi lam trieu dong".
_DIGIT_WORDS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
                "nham": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_SCALE_WORDS = {"nghin": 10**3, "ngan": 10**3, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_SPELLED = re.compile(r"bang chu\s*:?\s*([a-z ]+?)\s*(?:dong|vnd)\b")


def spelled_amounts(folded: str) -> list[tuple[str, int]]:
    """Amounts written in words after "bằng chữ", in đồng."""
    found = []
    for m in _SPELLED.finditer(folded):
        vnd = words_to_number(m[1].split())
        if vnd:
            found.append((m[1], vnd))
    return found


def words_to_number(words: list[str]) -> int | None:
    """Vietnamese number words to a number: "mot ty hai tram linh nam trieu" -> 1_205_000_000.
    None when a word is no number word. A scale larger than the one before multiplies
    all before it ("mot nghin hai tram ty": 1.200 tỷ)."""
    total = chunk = last_scale = 0
    digit: int | None = None
    for word in words:
        if word in _DIGIT_WORDS:
            digit = _DIGIT_WORDS[word]
        elif word == "muoi":                       # "mươi" after a digit, else "mười" (ten)
            chunk += (digit if digit is not None else 1) * 10
            digit = None
        elif word == "tram":
            chunk += (digit or 0) * 100
            digit = None
        elif word in ("linh", "le"):
            pass
        elif word in _SCALE_WORDS:
            scale, part = _SCALE_WORDS[word], chunk + (digit or 0)
            total = (total + part) * scale if scale > last_scale and total else total + part * scale
            chunk, digit, last_scale = 0, None, scale
        else:
            return None
    return total + chunk + (digit or 0)
