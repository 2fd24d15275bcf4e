"""Money as Vietnamese documents write it: dot for thousands, comma for decimals, and a
unit word ("125,5 tỷ đồng", "3.200 triệu đồng", "13.177.951 nghìn đồng", "1.250.000.000 đồng",
"1,2 nghìn tỷ"),
several units in one amount ("30 tỷ 375 triệu đồng"), in words after "Bằng chữ:", or
once for a whole table or the bare figures after it ("Đơn vị tính: triệu đồng"); approximate ("khoảng 30 tỷ"); and the
total a report states: in a sentence, before its breakdown ("trong đó"), or in a table's
total row ("Tổng cộng")."""

from __future__ import annotations

import re
from bisect import bisect_right
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from baocao.i18n import N_
from baocao.text import fold

UNITS = {
    "nghin ty": 10**12, "ngan ty": 10**12,
    "ty": 10**9, "ti": 10**9,
    "trieu": 10**6, "tr.d": 10**6, "trd": 10**6, "tr": 10**6,
    "nghin dong": 10**3, "ngan dong": 10**3, "nghin vnd": 10**3, "ngan vnd": 10**3, "nghin d": 10**3,
    "ngan d": 10**3, "ng.d": 10**3, "ngd": 10**3,
    "dong": 1, "vnd": 1, "d": 1,
}
# A unit written as a number of đồng ("ĐVT: 1.000 đồng", "Kinh phí (1.000.000 đồng)"), as budget
# tables and accounts declare it: a thousand, a million, a thousand million đồng to the figure.
NUMERIC_UNITS = {f"{scale}{space}{currency}": value
                 for scale, value in (("1.000", 10**3), ("1000", 10**3), ("1.000.000", 10**6),
                                      ("1.000.000.000", 10**9))
                 for space in (" ", "") for currency in ("dong", "vnd", "d")}
UNITS |= NUMERIC_UNITS
# A few đồng are no money a report states (the smallest coin is 200 đồng): "5 đ" is a list label
# ("5 đ)"), a stamp or a line misread in a scan ("„5D"), "09 đồng" the end of a number misread.
LEAST_DONG = 1000
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# The words that declare a unit, folded: "Đơn vị tính", "Đơn vị", "ĐVT".
_UNIT_LABEL = "(?:don vi tinh|don vi|dvt)"
# A number as Vietnamese writes it: "1.250.000.000", "125,5", "1.234,5"; also thousands set
# apart by spaces ("12 500 000 000", as a form or a spreadsheet prints them) when there are at
# least two groups of three, or one after a first group of two or three digits ("79 819 triệu
# đồng"): "1 500 triệu" may be two numbers ("đợt 1 500 triệu"), a label is one digit, but not right
# after "là", a colon or a comma ("đợt 1 là 5 400 triệu đồng", "…, 1 900 triệu đồng": a scan's
# despeckling took the dot for dust). Thousands set apart by commas, English-style as a spreadsheet
# set to English prints them ("1,250,000,000"), are read where two commas or more show it: a decimal
# comma comes once. A spreadsheet's scientific notation, as a narrow cell shows a large number
# ("2,4E+09", folded "2,4e+09"), is read too: unclear, the cell may have rounded it.
_WRITTEN_NUMBER = (r"\d{1,3}(?:,\d{3}){2,}(?![\d,])"
                   r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3}){2,}(?:,\d+)?|\d{2,3} \d{3}(?:,\d+)?"
                   r"|(?:(?<=\bla )|(?<=: )|(?<=, )|^)\d \d{3}(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}")
_NUMBER = r"\d{1,3}(?:[,.]\d+)?e\+?\d{1,2}(?!\d)|" + _WRITTEN_NUMBER
# "5.225.000.000,- đồng": the dash after the figure as accounts close an amount, nothing more.
_AMOUNT = re.compile(rf"(?<![\d.,])({_NUMBER})(?:[,.]-)?\s*({_UNIT})(?![a-z])")
# What declares a unit right before it: "(", "ĐVT:", "Đơn vị tính:" ("(ĐVT: 1.000 đồng)" is no
# amount of a thousand đồng, but the unit of the figures after it: NUMERIC_UNITS).
_DECLARING = re.compile(rf"(?:\(|{_UNIT_LABEL}\s*:?)\s*$")


def _declares_unit(folded: str, m: re.Match) -> bool:
    """Whether an amount found (_AMOUNT) is a unit written as a number in its declaration."""
    return " ".join(m[0].split()) in NUMERIC_UNITS and bool(_DECLARING.search(folded[max(0, m.start() - 20):m.start()]))
# "155, 3 tỷ": a decimal comma followed by a space, as OCR reads "155,3 tỷ" (or a list "đợt
# 1, 3 tỷ"): read as the decimal, but unclear. Not after a year ("Năm 2021, 3 tỷ").
_SPACED_DECIMAL = re.compile(rf"(?<![\d.,])(\d{{1,3}}), (\d{{1,3}})\s*({_UNIT})(?![a-z])")
# "lũy kế" (cumulative): the total to date, over the year's amount written before it.
_TOTAL_WORDS = ("tong kinh phi", "tong cong", "tong so", "tong muc dau tu", "tong von", "tong nguon", "tong",
                "luy ke")
# A line labelled as a table's total row is ("Cộng", "Cộng cả giai đoạn: 25.990 triệu đồng"): the
# word opens the line and a colon ends its label, the amount right after it. Not "cộng đồng"
# (community) nor "Cộng hòa", other words that open with it.
_SUM_LINE = re.compile(r"^[\W\d]*cong\b(?! (?:dong|hoa)\b)[^:]{0,40}:\s*(?=\d)")
# "100 tỷ đồng, trong đó: ngân sách 60 tỷ, xã hội hóa 40 tỷ": the amount before the
# breakdown is the total, whatever words precede it.
_BREAKDOWN = re.compile(r"^(?:\s*(?:dong|vnd)\b)?[\s,.:;()-]*(?:trong do|bao gom|gom)\b")
# Funding stated to be none: "không sử dụng ngân sách", "chưa bố trí kinh phí", "không phát sinh chi
# phí"; a label answered "không" or "chưa bố trí", nothing after it in its clause ("Kinh phí đã bố
# trí: không."; "Kinh phí: chưa có số liệu" is no answer); not "không có nguồn kinh phí nào khác"
# (none other than the money just stated).
_NO_FUNDING = re.compile(r"\b(?:khong|chua)\s+(?:duoc\s+)?(?:su dung|bo tri|co|phat sinh|cap|giao|dau tu)\s+"
                         r"(?:nguon\s+)?(?:kinh phi|ngan sach|von|chi phi)\b(?!\s+(?:nao\s+)?khac\b)"
                         r"|\b(?:kinh phi|von|ngan sach)\b[a-z ]{0,40}:\s*(?:khong|chua)"
                         r"(?:\s+(?:duoc\s+)?(?:co|bo tri|cap|giao))?[ \t]*(?:[.;,\n]|$)")


# An amount in another currency ("1,98 triệu USD", "2 triệu đô la Mỹ", "USD 1,98 triệu") is no
# amount in đồng, whatever unit word it shares with them (folded, the words right after or
# before the figure).
_FOREIGN_AFTER = re.compile(r"\s*(?:usd|us\$|\$|do la|dola|euro?|nhan dan te)(?![a-z])")
_FOREIGN_BEFORE = re.compile(r"(?<![a-z])(?:usd|us\$|\$|eur)\s*$")
# "45,6 tỷ đồng (tương đương 45.600 triệu đồng)": an amount said to be equal to the one before
# it in the line is the same money written again, not another part (the words right before it).
_EQUIVALENT = re.compile(r"(?<![a-z])(?:tuong duong|tuc la|quy doi)(?: voi| ra)?(?: khoang| gan| tren| hon)?\s*:?\s*$")
# A figure said to have been changed into another: "điều chỉnh từ 12 tỷ đồng (…) thành 15 tỷ
# đồng", "tăng từ 20 tỷ lên 25 tỷ đồng", "giảm từ 30 tỷ xuống (còn) 28 tỷ": the figure is the one
# it became; the one it was ("từ …") is money no longer stated, neither a total nor a part. The
# words between the two may hold a note in brackets, not the end of a sentence, and may be cut
# by a line break (a wrapped line). Folded, position for position with the text (_fold_aligned).
_FORMER = re.compile(rf"(?<![a-z])tu\s+(?:muc\s+)?((?:{_NUMBER})\s*(?:{_UNIT})(?![a-z])(?:\s*(?:dong|vnd)(?![a-z]))?)"
                     rf"(?:(?![.!?]\s|;|\n\s*\n).){{0,200}}?(?<![a-z])(?:thanh|len|xuong(?:\s+con)?)\s+"
                     rf"(?:muc\s+)?(?:{_NUMBER})\s*(?:{_UNIT})(?![a-z])", re.DOTALL)


# "khoảng 30 tỷ", "gần 30 tỷ", "trên 30 tỷ", "ước đạt 30 tỷ": the amount is read, and said
# to be approximate (folded, the words right before the figure).
_APPROXIMATE = re.compile(r"(?<![a-z])(khoang|gan|tren|hon|duoi|xap xi|chung|uoc(?: tinh| dat| khoang)?)\s*:?\s*$")
# "12 – 14 tỷ đồng", "từ 12 đến 14 tỷ": a range, both figures in the unit written after the
# second (folded, the dash or "đến" and the figure right before the amount). The amount is the
# lower figure, the money surely spent, and is said to be approximate; not when the first is no
# smaller (a list "đợt 3 - 2 tỷ") nor a year ("2021 - 5 tỷ", "năm 2021 đến 5 tỷ").
_RANGE_BEFORE = re.compile(rf"(?<![\d.,])({_NUMBER})\s*(?:[-\u2013\u2014]|(?<![a-z])den(?![a-z]))\s*$")
# "đạt 25.480/30.000 triệu đồng kế hoạch": the figure reached over the whole it is of (the plan),
# a slash between them, the unit written once after the second (folded, the figure and slash
# right before the amount). The amount is the first figure, the money spent; the second is the
# plan, no money spent, neither a total nor a part.
_OVER_WHOLE = re.compile(rf"(?<![\d.,/])({_NUMBER})\s*/\s*$")


@dataclass(frozen=True)
class Amount:
    vnd: int
    written: str         # as matched, folded ("125,5 ty")
    ambiguous: bool      # written with an English decimal point ("12.5 tỷ"), or "29,628 triệu" (_value)
    approximate: str = ""  # the word that says so, folded ("khoang"), else ""

    @property
    def cited(self) -> str:
        """As a rule cites it: "khoang 30 ty (approximate)"."""
        return f"{self.approximate} {self.written} (approximate)" if self.approximate else self.written


# Figures OCR garbled as money is written, in a scan's text (folded): digits grouped by a space
# where the text groups others by a dot ("19 363 triệu" beside "4.403 triệu": the thousands dot
# read as a space, or two figures run together; a document printing its thousands with spaces
# throughout writes them so), digits
# broken by a mark ("28./36 triệu": a digit read as a slash), or a figure with its thousands
# before a word that is no unit and "đồng" ("19.363 triện đồng": the unit word misread, the
# amount not read at all). The figure read may then be wrong; no more can be told from the text.
_SPACE_GROUPED = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?: \d{{3}}){{2,}}|\d{{2,3}} \d{{3}})(?:,\d+)?"
                            rf"\s*(?:{_UNIT})(?![a-z])")
_DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])")
_BROKEN = re.compile(rf"(?<![\w.,/:'])\d[\d.,/:']*[./:'][\d.,/:']*\d(?=\s*(?:{_UNIT})(?![a-z]))")
_UNIT_MISREAD = re.compile(r"(?<![\d.,])(\d{1,3}(?:[. ]\d{3})+(?:,\d+)?)\s+([a-z]{2,8})\s+dong\b")

# "1.600 trêu đồng", "900 tiệu đồng": a figure, a word OCR misread one letter off a unit's, "đồng".
# Between a figure and "đồng" only a unit stands, so a word one edit from one unit's (and no
# other's) is that unit (_units_restored); its figure is still recorded as garbled.
_FIGURE_WORD_DONG = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s+([a-z]{3,8})\s+dong(?![a-z])")
_UNIT_WORDS = {"trieu": "triệu", "nghin": "nghìn", "ngan": "ngàn"}


def _units_restored(text: str) -> str:
    """A scan's text with each unit OCR misread by one letter between a figure and "đồng" written
    as the unit (_FIGURE_WORD_DONG); words two letters off, or as near to two units, are left."""
    folded = _fold_aligned(text)
    for m in reversed(list(_FIGURE_WORD_DONG.finditer(folded))):
        if m[2] in UNITS:
            continue
        near = [unit for unit in _UNIT_WORDS if Levenshtein.distance(m[2], unit, score_cutoff=1) <= 1]
        if len(near) == 1:
            text = text[:m.start(2)] + _UNIT_WORDS[near[0]] + text[m.end(2):]
    return text


# "4.400 tỷ" in a scan's text, the unit written or declared ("(đơn vị tính: tỷ đồng): 4,400"): a
# thousand billion đồng or more, or "4,400" with its decimal comma read as a dot (pool 64's Lai Châu).
_DOTTED_BILLIONS = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])\s*(?:ty|ti)(?![a-z])")


def garbled_figures(text: str) -> list[str]:
    """The figures of a scan's text OCR garbled as money is written (_SPACE_GROUPED, _BROKEN,
    _UNIT_MISREAD), or may have (_DOTTED_BILLIONS), as written, in order: the amounts read there
    may be wrong. A figure over a whole ("25.480/30.000 triệu") is no garbled one, nor is a word in
    a unit's place that is a unit, nor a figure grouped by spaces in a text that groups none by a dot."""
    found = []
    dotted = bool(_DOT_GROUPED.search(text))
    for line in units_declared(text).split("\n"):
        folded = _fold_aligned(line)
        spans = [m.span() for m in _SPACE_GROUPED.finditer(folded)] if dotted else []
        spans += [m.span() for m in _DOTTED_BILLIONS.finditer(folded)]
        spans += [m.span() for m in _BROKEN.finditer(folded)
                  if not all(re.fullmatch(_NUMBER, part) for part in m[0].split("/"))]
        spans += [m.span() for m in _UNIT_MISREAD.finditer(folded)
                  if m[2] not in UNITS and f"{m[2]} dong" not in UNITS]
        found += [line[start:end] for start, end in sorted(spans)]
    return found


@dataclass(frozen=True)
class FundingFigure:
    vnd: int | None
    rule: str            # how it was obtained, for the analyst
    ambiguous: bool      # a person should check it: unclear figure, or a table with no total row
    elsewhere: bool = False  # read outside the funding item (the report has none)
    stated: bool = False     # a total the text states (a "tổng" line, a total row, "… trong đó")
    sole: bool = False       # stated, and the whole report states no other total
    # Figures OCR garbled in the scan's text it was read from (garbled_figures), as written:
    # the figure may be wrong, for a person to compare with the page.
    misread: tuple[str, ...] = ()

    @property
    def review(self) -> bool:
        """A person should check it: unclear, or a figure read outside the funding item."""
        return self.ambiguous or (self.elsewhere and self.vnd is not None)


# "Đơn vị tính: triệu đồng", "ĐVT: tỷ", "Đơn vị: triệu đồng", or a header cell "Kinh phí (triệu đồng)".
_DECLARED_UNIT = re.compile(rf"{_UNIT_LABEL}\s*:?\s*({_UNIT})(?![a-z])")
_HEADER_UNIT = re.compile(rf"\((?:don vi\s*:?\s*)?({_UNIT})(?: dong)?\)")
_CAPTION_UNIT = re.compile(rf"\((?:{_UNIT_LABEL}\s*:?\s*)?({_UNIT})(?: dong)?\)[\s.:]*$")
_YEAR = re.compile(r"(19|20)\d\d")


def declared_unit(text: str) -> str | None:
    """The unit a table states once for all its figures: "Đơn vị tính: triệu đồng", "ĐVT: tỷ"."""
    folded = fold(text)
    m = _DECLARED_UNIT.search(folded)
    if m is None and "|" in text:
        m = next((_HEADER_UNIT.search(fold(line)) for line in text.split("\n")
                  if "|" in line and _HEADER_UNIT.search(fold(line))), None)
    return m[1] if m else None


# Whether the text being read is typed in the Vietnamese way with numbers (report_funding
# decides, _typed_in_vietnamese_style): then a decimal comma before three digits is one.
_TYPED_DECIMAL_COMMA: ContextVar[bool] = ContextVar("typed_decimal_comma", default=False)


def _value(number: str) -> tuple[Decimal, bool]:
    """The number's value, and whether it is unclear: written with an English decimal point
    ("12.5"), or a decimal comma before exactly three digits ("29,628 triệu"), which is the
    thousands dot as a scan misreads it as often as three decimals, or an English thousands
    comma (unless the text is typed in the Vietnamese way: _TYPED_DECIMAL_COMMA). Thousands set
    apart by two commas or more ("1,250,000,000") are clear; a spreadsheet's "2,4e+09" is not
    (rounded to fit)."""
    if "e" in number:
        mantissa, exponent = number.split("e")
        return Decimal(mantissa.replace(",", ".")).scaleb(int(exponent)), True
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", number):  # "1,250,000,000": English thousands
        return Decimal(number.replace(",", "")), False
    english = bool(re.fullmatch(r"\d+\.\d{1,2}", number))
    value = Decimal(number) if english else Decimal(number.replace(".", "").replace(" ", "").replace(",", "."))
    return value, english or (bool(re.fullmatch(r"\d{1,3},\d{3}", number)) and not _TYPED_DECIMAL_COMMA.get())


# A figure with thousands dots ("12.000 hồ sơ", "8.067 triệu"); one with thousands commas or an
# English decimal point before a unit: the other way of writing numbers.
_DOTTED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")
_ENGLISH_NUMBER = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+\.\d|\d{{1,3}}(?:,\d{{3}}){{2,}}(?![\d.])"
                             rf"|\d+\.\d{{1,2}}\s*(?:{_UNIT})(?![a-z]))")


def _typed_in_vietnamese_style(text: str) -> bool:
    """Whether a typed text writes its numbers the Vietnamese way throughout: thousands with dots
    somewhere, and no figure the English way ("1,250,000", "12.5 tỷ"). Its "6,750 tỷ đồng" is
    then six point seven five tỷ as written: a scan's reason to doubt it (a misread thousands dot)
    and an English writer's (a thousands comma) are both absent."""
    folded = fold(text)
    return bool(_DOTTED_THOUSANDS.search(folded)) and not _ENGLISH_NUMBER.search(folded)


def typed_billions(typed: str) -> int:
    """An amount a person types in tỷ đồng as Vietnamese writes numbers ("42,5", "1.234,5",
    "1234"), in đồng: the review desk's funding form. ValueError, in Vietnamese, otherwise."""
    number = re.sub(r"\s+", "", typed or "")
    if not re.fullmatch(_WRITTEN_NUMBER, number):
        raise ValueError(f"{typed!r} không phải là một số tỷ đồng: viết như 42,5 hoặc 1.234,5")
    value, _ = _value(number)
    return int((value * 10**9).to_integral_value())


# A figure glued to a letter, an operator or an apostrophe before it ("…E+09 đồng", "x5 tỷ",
# "5'225'000'000 đồng" grouped the Swiss way) may be the end of something else written in a way
# not read here: unclear.
_GLUED_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz+*^'")


def amounts_in(text: str, table_unit: str | None = None) -> list[Amount]:
    """Amounts written with their unit; with table_unit, also the bare numbers in the
    cells of table rows (" | "), but not the row number (first cell) nor a year."""
    found: list[Amount] = []
    for line in unit_rejoined(text).split("\n"):
        folded, end, previous = fold(line), -1, None
        spaced = {m.start(2): m for m in _SPACED_DECIMAL.finditer(folded)}
        for m in _AMOUNT.finditer(folded):
            if _declares_unit(folded, m):
                continue
            number, unit = m.groups()
            value, ambiguous = _value(number)
            if m.start() in spaced:
                m = spaced[m.start()]
                value, ambiguous = Decimal(f"{m[1]}.{m[2]}"), True
            vnd = int(value * UNITS[unit])
            ambiguous = ambiguous or (m.start() > 0 and folded[m.start() - 1] in _GLUED_BEFORE)
            if _FOREIGN_AFTER.match(folded, m.end()) or _FOREIGN_BEFORE.search(folded, 0, m.start()):
                continue  # "1,98 triệu USD": another currency
            if previous is not None and _EQUIVALENT.search(folded, max(0, m.start() - 32), m.start()):
                continue  # "(tương đương 45.600 triệu đồng)": the amount before it again
            joined = previous is not None and not folded[end:m.start()].strip()
            if UNITS[unit] == 1 and 0 < vnd < LEAST_DONG and not joined:
                continue  # "5đ", "„5D", "09 đồng": a list label, a stamp or a number misread, not money
            if previous is not None and not folded[end:m.start()].strip() and vnd < _smallest_unit(previous):
                # "30 tỷ 375 triệu": one amount in two units
                previous = Amount(previous.vnd + vnd, f"{previous.written} {m.group(0)}",
                                  previous.ambiguous or ambiguous, previous.approximate)
                found[-1] = previous
            else:
                start, written, word = m.start(), m.group(0), ""
                over = _OVER_WHOLE.search(folded, max(0, start - 24), start)
                lower = _RANGE_BEFORE.search(folded, max(0, start - 24), start)
                if over is not None:
                    reached, reached_ambiguous = _value(over[1])
                    vnd, ambiguous = int(reached * UNITS[unit]), ambiguous or reached_ambiguous
                    start, written = over.start(), folded[over.start():m.end()]
                elif lower is not None and not _YEAR.fullmatch(lower[1]):
                    low, low_ambiguous = _value(lower[1])
                    if 0 < low < value:
                        vnd, ambiguous = int(low * UNITS[unit]), ambiguous or low_ambiguous
                        start, written, word = lower.start(), folded[lower.start():m.end()], "range"
                approximate = _APPROXIMATE.search(folded, max(0, start - 24), start)
                previous = Amount(vnd, written, ambiguous, approximate[1] if approximate else word)
                found.append(previous)
            end = m.end()
    if not found:
        found += [Amount(vnd, f"{words} (bằng chữ)", False) for words, vnd in spelled_amounts(fold(text))]
    if table_unit and "|" in text and not found:
        for cell in fold(text).split("|")[1:]:
            amount = _bare_amount(cell.strip(), table_unit)
            if amount is not None:
                found.append(amount)
    return found


def _bare_amount(cell: str, unit: str) -> Amount | None:
    """A table cell holding only a number, in the table's unit; not a year."""
    if re.fullmatch(_NUMBER, cell) and not _YEAR.fullmatch(cell):
        value, ambiguous = _value(cell)
        return Amount(int(value * UNITS[unit]), f"{cell} {unit} (bảng)", ambiguous)
    return None


# A line ending in a figure whose unit opens the next line ("ngân sách cấp huyện 0,7" / "tỷ
# đồng; …"), as a printed line wrapped and read line by line leaves it (folded, the next line);
# not a list label that opens a line ("đ) …"), a year ending one, nor a table's rows.
_UNIT_FIRST = re.compile(rf"\s*(?:{_UNIT})(?![a-z)])")
_FIGURE_LAST = re.compile(rf"(?<![\d.,])({_NUMBER})\s*$")


# "1.500 (triệu đồng)": a figure's unit in brackets right after it, as a form's column heading
# says it; not a part of the document numbered ("Biểu 02 (triệu đồng)": the unit of its table), a
# year, nor a label's unit before its colon ("giai đoạn 2019 – 2022 (triệu đồng):", _UNIT_BEFORE_COLON).
# The unit's label may be in the brackets too: "5.225 (Đơn vị: triệu đồng)".
_BRACKETED_UNIT = re.compile(rf"(?<![\d.,])(?!(?:19|20)\d\d\b)(?:{_NUMBER})[ \t]*"
                             rf"(\((?:{_UNIT_LABEL}\s*:?\s*)?)(?:{_UNIT})(?: dong)?(\))(?!\s*:)")
# "VND 4,200,000,000", "₫4.230.000.000": the currency's code or sign before the figure as English
# and banking forms and some spreadsheets' currency formats write it (the sign folds as "d").
_CURRENCY_FIRST = re.compile(rf"(?<![a-z])(vnd|d)[ \t]*({_WRITTEN_NUMBER})(?![\d.,]*\d)")
_NUMBERED_PART = re.compile(r"(?<![a-z])(?:bieu|bang|phu luc|mau|muc|phan|chuong)(?:\s+so)?[ \t]*$")


# A form's dotted blank filled in with a figure ("……3.267.000.000…… đồng", "......4.230......"):
# the leader dots right before or after the figure, no part of it nor the end of a sentence.
# (a run of dots matched once, not as runs of runs: a table of contents' leaders, hundreds of dots
# before no figure, would take the matcher ever to give up on)
_LEADERS = re.compile(r"(?<![.…])(?:\.\.|…)[.…]* ?(?=\d)|(?<=\d) ?(?:\.\.|…)[.…]*")


def _without_specks(line: str) -> str:
    """A line without the cells of marks beside it ("đồng. | )"): a speck on a scan OCR set apart
    as a column of its own, no table's cell."""
    cells = line.split(" | ")
    return cells[0] if len(cells) > 1 and not any(c.isalnum() for cell in cells[1:] for c in cell) else line


@lru_cache(maxsize=1024)
def unit_rejoined(text: str) -> str:
    """The text with each figure cut from its unit by a line break given its unit again: the
    break between them made a space (a scan's specks beside the unit's line dropped), the other
    lines as they are; a form's leader dots around a
    figure made spaces (_LEADERS); a unit in brackets after its figure is read as written without
    them (_BRACKETED_UNIT), a currency's code before it as written after it (_CURRENCY_FIRST).
    Cached: every reading of amounts begins here, with the same texts again and again."""
    lines = text.split("\n")
    joined = lines[:1]
    for line in lines[1:]:
        figure = _FIGURE_LAST.search(fold(joined[-1]))
        unit_line = _without_specks(line)
        if (figure and not _YEAR.fullmatch(figure[1]) and _UNIT_FIRST.match(fold(unit_line))
                and " | " not in joined[-1] + unit_line):
            joined[-1] = f"{joined[-1].rstrip()} {unit_line.lstrip()}"
        else:
            joined.append(line)
    text = _LEADERS.sub(lambda m: " " * len(m[0]), "\n".join(joined))
    for m in reversed(list(_CURRENCY_FIRST.finditer(_fold_aligned(text)))):
        if m[1] == "d" and text[m.start(1)] != "₫":
            continue  # a "đ" before a number is a list's letter or a word's end, not the sign
        text = f"{text[:m.start()]}{m[2]} {text[m.start(1):m.end(1)]}{text[m.end():]}"
    folded = _fold_aligned(text)
    for m in reversed(list(_BRACKETED_UNIT.finditer(folded))):
        if not _NUMBERED_PART.search(folded, max(0, m.start() - 12), m.start()):
            text = text[:m.start(1)] + " " + text[m.end(1):m.start(2)] + " " + text[m.end(2):]
    return text


# A bare figure given as a label's value ("Tổng số: 19.749;", "ngân sách tỉnh: 16.466,"): right
# after a colon, ending its clause; not a date, a number with its own unit, a share nor a code.
_LABELLED_FIGURE = re.compile(rf"(?<=\D:)(\s*)({_NUMBER})(?=\s*(?:[;,(]|\.(?!\d)|$))", re.MULTILINE)
# On the line that declares the unit, a bare figure ending any clause after it is in that unit
# ("(đơn vị tính: triệu đồng): dự toán 6.200; đã giải ngân 5.100."), labelled by a colon or not.
_CLAUSE_FIGURE = re.compile(rf"(?<=[^\d.,(])(\s*)({_WRITTEN_NUMBER})(?=\s*(?:[;,(]|\.(?!\d)|$))")


# "Tổng kinh phí (triệu đồng): 1.500": the unit in brackets closing a label, before its colon.
_UNIT_BEFORE_COLON = re.compile(rf"\(({_UNIT})(?=(?: dong)?\)\s*:)")


def units_declared(text: str) -> str:
    """The text with the unit a line declares ("Kinh phí … (Đơn vị tính: triệu đồng):", "… (triệu
    đồng):")
    written after each bare figure given as a label's value in the prose after it ("Tổng số:
    19.749; trong đó ngân sách tỉnh: 16.466"): the unit is said once for them all. A table's
    rows are left to the table's reading (its unit, _blocks)."""
    folded = _fold_aligned(text)
    declared = _DECLARED_UNIT.search(folded) or _UNIT_BEFORE_COLON.search(folded)
    if declared is None:
        return text
    unit = text[declared.start(1):declared.end(1)]
    head, rest = text[:declared.end()], text[declared.end():]
    lines = [line if " | " in line else (_CLAUSE_FIGURE if not k else _LABELLED_FIGURE).sub(
        lambda m: m[0] if _YEAR.fullmatch(m[2]) else f"{m[0]} {unit}", line)
        for k, line in enumerate(rest.split("\n"))]
    return head + "\n".join(lines)


# "1.200 triệu đồng + 800 triệu đồng = 2.000 triệu đồng": the parts a sum adds up, before the sum.
_AMOUNT_OR_FIGURE = rf"(?:{_NUMBER})\s*(?:(?:{_UNIT})(?![a-z])(?:\s*(?:dong|vnd)(?![a-z]))?)?"
_ADDENDS = re.compile(rf"(?<![\d.,]){_AMOUNT_OR_FIGURE}(?:\s*\+\s*{_AMOUNT_OR_FIGURE})+\s*=\s*(?=\d)")


def as_summed(text: str) -> str:
    """The text with the parts of each sum written out ("A + B = C") left out: the sum is the
    amount the line states."""
    for m in reversed(list(_ADDENDS.finditer(_fold_aligned(text)))):
        text = text[:m.start()] + text[m.end():]
    return text


def as_changed(text: str) -> str:
    """The text without the figures it says were changed into others ("điều chỉnh từ 12 tỷ
    đồng (…) thành 15 tỷ đồng" keeps "thành 15 tỷ đồng"): what the total is read from."""
    spans = [m.span(1) for m in _FORMER.finditer(_fold_aligned(text))]
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


# What a sentence says each amount is, by the words that lead to it in its clause (folded, the
# one nearest the amount wins): spent ("đã giải ngân 19.516", "đã chi", "đạt"), a plan or an
# allocation ("kế hoạch vốn giao … là 21.833", "dự toán", "bố trí", a contract's value beside what
# was paid of it, "đã cấp"), or what is left of it ("còn 2.317 triệu đồng chưa giải ngân", "số còn
# lại", "chuyển nguồn sang" the next year, "nộp trả" to the budget). "chưa giải ngân" says left, not
# spent; the accounts settled ("quyết toán") say spent.
_LEFT_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*(?:van\s+)?chua\s+(?:duoc\s+)?(?:giai ngan|su dung|thanh toan|chi)")
# "còn 1.950 triệu đồng chưa phân bổ chi tiết": a part of the money given not yet shared out
# among the tasks is still part of what was given, not money left unspent (without_unallocated).
_UNALLOCATED_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*(?:van\s+)?chua\s+(?:duoc\s+)?(?:phan bo|phan khai|bo tri|giao)")
# "đã điều chuyển 5.031 triệu đồng từ dự toán này sang nhiệm vụ nạo vét…": money taken out of
# the plan named before it and given to another task (_plan_less_moved): the words leading to the
# amount move it, those after it say from this plan to another.
_MOVED_LEAD = re.compile(r"(?<![a-z])(?:dieu chuyen|chuyen|cat giam|giam|thu hoi|rut)(?:\s+(?:bot|lai|ve))?\s*$")
_MOVED_OUT_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*(?:tu|khoi)\s+(?:du toan|kinh phi|ke hoach|nguon|so|von)"
                              r"(?:\s+[a-z0-9]+){0,3}?\s+(?:nay|tren|noi tren|do)\s+(?:sang|cho|de)(?![a-z])")
# "UBND tỉnh phân bổ 2.800 triệu đồng, sau đó điều chỉnh giảm 300 triệu đồng": the plan itself cut
# by an amount (the words right before it), gone from it wherever it went.
_ADJUSTED_DOWN_LEAD = re.compile(r"(?<![a-z])dieu chinh\s+giam(?:\s+(?:du toan|ke hoach(?: von)?))?\s*$")
# "Dự toán được duyệt 5.000 triệu đồng, thực hiện 4.600 triệu đồng", "…, ước thực hiện 4.600": an
# amount a plan's amount leads to, only "thực hiện" between them, is what was carried out, spent.
# "ước thực hiện cả năm 2.800", "thực hiện đến 30/4/2022 là 1.500": with when, not what.
_CARRIED_OUT_LEAD = re.compile(r"^\s*(?:dong|vnd)?[\s,;]*(?:(?:con|va)\s+)?(?:uoc\s+)?(?:da\s+)?thuc hien(?:\s+duoc)?"
                               r"(?:\s+(?:ca nam|trong nam|nam\s+\d{4}|den(?:\s+het)?(?:\s+ngay|\s+thang)?\s+[\d/]+))?"
                               r"\s*(?:la\s*|:\s*)?$")
# "…; ngân sách tỉnh mới cân đối được một phần, còn thiếu 1.600 triệu đồng chưa được bố trí": money
# needed that was not given (the words right before the amount), neither given nor left unspent.
_SHORT_LEAD = re.compile(r"(?<![a-z])(?:con\s+)?thieu(?:\s+hut)?\s*$")
_ROLE_WORDS = re.compile(r"(?<![a-z])(?:"
                         r"(?P<left>chua (?:duoc )?(?:giai ngan|su dung|thanh toan|quyet toan)|con lai|(?<!xuong )con"
                         r"|chuyen nguon sang|nop tra)"
                         r"|(?P<spent>giai ngan|da chi|thuc chi|da su dung|da thanh toan|da thuc hien|dat|quyet toan)"
                         r"|(?P<plan>ke hoach|du toan|phan bo|bo tri|tong muc dau tu|tong von dau tu|du kien|phe duyet"
                         r"|duoc giao|(?:da|duoc) cap"
                         r"|gia tri hop dong"
                         r"|giao cho|giao von))(?![a-z])")
# A sentence's end: ". ", "! ", "? ", a blank line, or a line break after a stop or before a
# new sentence or list item (a capital, "- ", "a) ", "2. "); another line break is a printed
# line wrapped ("… đến nay còn" / "2.317 triệu đồng chưa giải ngân").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n")
_NEW_LINE_OPENS = re.compile(r"\s*(?:[-+*\u2022\u2013]|\d+[.)](?!\d)|[a-zđ]\))")


def _sentence_ends(text: str) -> list[int]:
    """Where the text's sentences end (see _SENTENCE_END), in order, its length last."""
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if m[0] == "\n":
            before = text[:m.start()].rstrip()
            opens = text[m.end():].lstrip()[:1]
            stopped = before[-1:] in (".", "!", "?", ";", ":")
            if not (stopped or opens.isupper() or _NEW_LINE_OPENS.match(text, m.end())):
                continue
        ends.append(m.start())
    return ends + [len(text)]


@dataclass(frozen=True)
class _Role:
    role: str           # "spent", "plan", "left", "unallocated", "moved", "short", or "" when the words say none
    span: tuple[int, int]
    amount: Amount
    projected: bool = False  # "dự kiến" among the words leading to it: money expected, not yet spent


@lru_cache(maxsize=64)
def _roles(text: str) -> tuple[tuple[_Role, ...], ...]:
    """The amounts of each sentence of the text with what the sentence says they are (the
    words in their clause before them, "chưa giải ngân" right after them); a table's rows are
    left to the table's reading. An amount right after another (its other unit, "30 tỷ 375
    triệu") or said to be the same money ("tương đương …") is of the one before it."""
    folded = _fold_aligned(text)
    sentences, start = [], 0
    for end in _sentence_ends(text):
        if " | " not in folded[start:end]:
            roles: list[_Role] = []
            lead_from, joined = start, False
            for m in _AMOUNT.finditer(folded, start, end):
                if _declares_unit(folded, m):
                    continue
                if _FOREIGN_AFTER.match(folded, m.end()) or _FOREIGN_BEFORE.search(folded, start, m.start()):
                    joined = False  # "2 triệu USD": no amount in đồng; its words lead to the next one
                    continue
                lead = folded[max(lead_from, folded.rfind(";", start, m.start()) + 1):m.start()]
                amount = next(iter(amounts_in(text[m.start():m.end()])), None)
                if joined and (not lead.strip() or _EQUIVALENT.search(lead)):
                    roles[-1] = replace(roles[-1], span=(roles[-1].span[0], m.end()))
                elif amount is not None:
                    lead = " ".join(lead.split())
                    words = list(_ROLE_WORDS.finditer(lead))
                    after = " ".join(folded[m.end():end].split()[:8])
                    role = ("short" if _SHORT_LEAD.search(lead) else
                            "left" if _LEFT_AFTER.match(" " + after) else
                            "unallocated" if _UNALLOCATED_AFTER.match(" " + after) else
                            "moved" if ((_MOVED_LEAD.search(lead) and _MOVED_OUT_AFTER.match(" " + after))
                                        or _ADJUSTED_DOWN_LEAD.search(lead)) else
                            "spent" if (roles and roles[-1].role == "plan" and lead_from > start
                                        and _CARRIED_OUT_LEAD.match(lead)) else
                            (words[-1].lastgroup if words else ""))
                    roles.append(_Role(role or "", m.span(), amount, bool(_PROJECTED.search(lead))))
                joined = amount is not None
                lead_from = m.end()
            sentences.append(tuple(roles))
        start = end
    # Cached: the funding rules ask each text's roles in turn (a dozen times a report).
    return tuple(sentences)


_PROJECTED = re.compile(r"(?<![a-z])du kien(?![a-z])")


def as_spent(text: str) -> str:
    """The text without the plans and the amounts left of each sentence that also states the
    amount spent ("Kế hoạch vốn … là 21.833 triệu đồng; đến nay còn 2.317 triệu đồng chưa giải
    ngân, tức đã giải ngân 19.516 triệu đồng" keeps 19.516): what was spent is the funding."""
    spans = [r.span for roles in _roles(text) if any(r.role == "spent" for r in roles)
             for r in roles if r.role in ("plan", "left")]
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def without_projected(text: str) -> str:
    """The text without the amounts a sentence says are expected after one it states ("… giai
    đoạn 2018-2022 là 10 tỷ đồng, giai đoạn 2023-2025 dự kiến 20 tỷ đồng" keeps 10): the money
    of a time to come, not more of the money. One expected alone, or first, is what it states
    ("Tổng kinh phí dự kiến cho giai đoạn 2021 – 2025 là …")."""
    spans = [r.span for roles in _roles(text) for k, r in enumerate(roles)
             if r.projected and any(not o.projected for o in roles[:k])]
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def without_unallocated(text: str) -> str:
    """The text without the amounts each sentence says are not yet shared out among the tasks
    ("… là 15.592 triệu đồng, trong đó còn 1.950 triệu đồng chưa phân bổ chi tiết" keeps
    15.592) where the sentence states another amount: they are a part of it, not more money
    and not money left unspent. One stated alone is left: it is all the sentence says."""
    spans = [r.span for roles in _roles(text) if any(r.role != "unallocated" for r in roles)
             for r in roles if r.role == "unallocated"]
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


# A note in brackets within a sentence ("… là 31.721 triệu đồng (chưa kể 4.462 triệu đồng vốn
# doanh nghiệp)", "… tăng 22% so với giai đoạn trước (24.090 triệu đồng)"): not across a blank line.
_ASIDE = re.compile(r"\((?:[^()\n]|\n(?!\s*\n)){0,400}\)")


def without_asides(text: str) -> str:
    """The text without the notes in brackets that hold amounts, in each sentence that states
    an amount in đồng outside them: the sentence says what the money is; its asides say what it
    leaves out, was before, is made of or equals, none of them a further part of it. An aside
    that gives the only amount in đồng ("3,06 triệu USD (tương đương 70,4 tỷ đồng)") is kept. A
    table's rows are left to the table's reading."""
    spans, start = [], 0
    for end in _sentence_ends(text):
        sentence = text[start:end]
        if " | " not in sentence:
            asides = [m for m in _ASIDE.finditer(sentence) if amounts_in(m[0][1:-1])]
            outside = _ASIDE.sub(" ", sentence)
            if asides and amounts_in(outside):
                spans += [(start + m.start(), start + m.end()) for m in asides]
        start = end
    for a, b in reversed(spans):
        text = text[:a] + text[b:]
    return text


# "8.675 triệu đồng/năm", "531 triệu đồng/phường", "500 triệu đồng mỗi năm": an amount per a
# unit (a year, a ward) is a rate, not money spent: the word after the slash, or "mỗi năm"
# ("hằng năm"), is what it is counted by (folded, right after the amount); a figure after a
# slash is a whole (_OVER_WHOLE).
_PER = re.compile(r"\s*(?:dong|vnd)?\s*(?:/\s*(?:1\s+|mot\s+)?[a-z]|(?:moi|mot|hang)\s+nam(?![a-z]))")


def without_rates(text: str) -> str:
    """The text without the rates of each sentence that also states an amount that is no
    rate ("bình quân 8.675 triệu đồng/năm, cả 3 năm là 26.025 triệu đồng" keeps 26.025): the
    rate is the whole spread over years or wards, neither the whole nor a part of it. A rate
    stated alone is left: it is all the sentence says."""
    spans = []
    for roles in _rates(text):
        rates = [r.span for r in roles if r.role == "rate"]
        if rates and len(rates) < len(roles):
            spans += rates
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


# "…, bình quân mỗi tháng 100 triệu đồng": the period written right before the amount.
_PER_BEFORE = re.compile(r"(?<![a-z])(?:moi|hang)\s+(?:thang|quy|nam)\s*(?:la|:)?\s*$")


def _rates(text: str) -> list[list[_Role]]:
    """The amounts of each sentence (_roles), each rate's role "rate" (_PER, _PER_BEFORE)."""
    folded = _fold_aligned(text)
    return [[replace(r, role="rate") if (_PER.match(folded, r.span[1])
                                         or _PER_BEFORE.search(folded, max(0, r.span[0] - 30), r.span[0])) else r
             for r in roles]
            for roles in _roles(text)]


# "mỗi huyện, thị xã, thành phố trên địa bàn tỉnh Cà Mau (10 đơn vị) được bố trí 400 triệu đồng":
# an amount each of a kind of unit (a district, a ward, a school) gets, the unit's noun after
# "mỗi"; a year's, a month's amount is a rate of time (_PER), left to it.
_EACH = re.compile(r"(?<![a-z])moi\s+(?P<noun>[a-z]+)(?![a-z])")
_TIME_NOUNS = {"nam", "thang", "quy", "ky", "ngay", "tuan", "dot", "lan"}


def _amounts_each(text: str) -> list[tuple[_Role, re.Match, int]]:
    """The amounts of the text each of a kind of unit gets, each with its "mỗi <unit>"
    (_each_unit) and where its sentence ends."""
    folded, spans, found = _fold_aligned(text), _sentence_spans(text), []
    for roles in _roles(text):
        for k, role in enumerate(roles):
            start, end = next((a, b) for a, b in spans if a <= role.span[0] < b)
            if unit := _each_unit(folded, roles[k - 1].span[1] if k else start, role.span[0]):
                found.append((role, unit, end))
    return found


def _each_unit(folded: str, since: int, at: int) -> re.Match | None:
    """The "mỗi <unit>" that leads to the amount at `at` in its clause (from `since`, the
    sentence's start or the amount before it, the last semicolon after that); None if none."""
    lead_from = max(since, folded.rfind(";", since, at) + 1)
    each = [m for m in _EACH.finditer(folded, lead_from, at) if m["noun"] not in _TIME_NOUNS]
    return each[-1] if each else None


# "10%", "20 %", "2,5%": a share, a rate or a tax the text states beside its amounts (its figure
# the group). Once: a second definition further down overrode this one.
# A share in percent or a multiple as written in the patterns below ("15", "12,5"): 1 to 99, its decimals.
_SHARE = r"\d{1,2}(?:,\d+)?"
_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d+)?)\s*%")
# A figure as Vietnamese text writes one, "43.343", "12,5", "276" (not a percentage).
_FIGURE = re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d%])|(?<![\d,.])\d+(?:,\d+)?(?!\d|[.,]\d|\s*%)")
# "đơn giá 51 triệu đồng/bộ": a price per unit, the unit's noun after the slash.
_PER_UNIT = re.compile(r"\s*(?:dong|vnd)?\s*/\s*(?:1\s+|mot\s+)?(?P<noun>[a-z]+)")
# "…, bằng 40% tổng kinh phí thực hiện Đề án": the amount before it is that share of the whole; so
# too a fraction, "bằng 2/3 tổng kinh phí", "bằng một nửa tổng …", "chiếm ba phần tư tổng …".
_SHARE_OF_WHOLE = re.compile(r"\s*(?:dong|vnd)?[^.;:]{0,120}?(?<![a-z])(?:bang|chiem|tuong ung(?: voi)?)\s+"
                             rf"(?:khoang\s+)?(?:(?P<percent>{_SHARE})\s*%|(?P<over>\d)\s*/\s*(?P<under>\d{{1,2}})"
                             r"|(?P<half>mot nua)|(?P<parts>mot|hai|ba|bon)\s+phan\s+(?P<whole>hai|ba|tu|bon|nam|muoi))"
                             r"\s+(?:cua\s+)?(?:tong|toan bo)(?![a-z])")

# "Ngân sách tỉnh hỗ trợ 70% kinh phí, tương ứng 2.100 triệu đồng": the share written first, the
# amount it comes to after it (the words right before the amount). Not a share reached or spent
# ("đạt 70% kinh phí được giao, tương ứng …": what was spent is the money).
_SHARE_THEN_AMOUNT = re.compile(rf"(?<![a-z])(?<!dat )(?<!ngan )(?:(?P<percent>{_SHARE})\s*%"
                                r"|(?P<over>\d)\s*/\s*(?P<under>\d{1,2})|(?P<half>mot nua)"
                                r"|(?P<parts>mot|hai|ba)\s+phan\s+(?P<whole>hai|ba|tu|bon|nam|muoi))\s+(?:cua\s+)?"
                                r"(?:tong\s+)?(?:kinh phi|so von|tong muc)(?![a-z])[^.;%\d]{0,60}?,?\s*"
                                r"(?:(?:tuong ung|tuong duong)(?:\s+voi)?(?:\s+so tien)?|la)\s*:?\s*$")

# "… là 22.700 triệu đồng (chưa bao gồm thuế giá trị gia tăng)": an amount before the tax.
_BEFORE_TAX_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*[(,;-]?\s*(?:gia tri\s+)?chua\s+(?:bao gom|gom|tinh|co|ke)"
                               r"\s+(?:ca\s+)?(?:thue|vat)(?![a-z])")
# "thuế suất thuế giá trị gia tăng áp dụng 10%", "thuế GTGT 10%": the tax's rate, stated apart.
_TAX_RATE = re.compile(r"(?<![a-z])(?:thue suat|thue (?:gia tri gia tang|gtgt|vat))(?![a-z])[^.;%]{0,60}?"
                       rf"(?<![\d,])(?P<percent>{_SHARE})\s*%")
# "… vốn vay ODA … là 20.500 triệu đồng và vốn đối ứng … bằng 20% vốn vay ODA": another part of
# the money given only as a share of the named one, its words written before the amount.
_SHARE_OF_NAMED = re.compile(rf"(?<![a-z])(?:bang|tuong ung(?: voi)?)\s+(?P<percent>{_SHARE})\s*%\s+"
                             r"(?:cua\s+|so\s+)?(?!tong|toan bo)(?P<named>[a-z]+\s+[a-z0-9]+(?:\s+[a-z0-9]+){0,2})")
# "… ngân sách huyện chi gấp đôi ngân sách tỉnh", "… bằng 1/4 ngân sách tỉnh": another part given as
# a multiple or a fraction of the named one (a year named is _MULTIPLE's).
_SIZED_BY_NAMED = re.compile(r"(?<![a-z])(?:(?:bang|tuong ung(?: voi)?)\s+(?:(?P<over>\d)\s*/\s*(?P<under>\d{1,2})"
                             r"|(?P<half>mot nua)|(?P<parts>mot|hai|ba)\s+phan\s+(?P<whole>hai|ba|tu|bon|nam|muoi))"
                             rf"|gap\s+(?:(?P<word>doi|ruoi|ba|bon|nam|muoi)|(?P<times>{_SHARE})\s*lan))"
                             r"(?:\s+lan)?\s+(?:(?P<that>(?:so|muc|khoan)\s+(?:do|nay|tren))(?![a-z])"
                             r"|(?:cua\s+|so\s+)?(?!tong|toan bo|nam\s+\d)"
                             r"(?P<named>[a-z]+\s+[a-z0-9]+(?:\s+[a-z0-9]+){0,2}))")


# "… tăng 10% so với năm 2021", "… đã cắt giảm 15% dự toán này", "được bổ sung thêm 15% dự toán": a
# rise or a cut by a percentage, and what it is of, a year or the words that named the amount.
_CHANGED_BY = re.compile(r"(?<![a-z])(?P<way>tang|bo sung|cat giam|giam|cat)(?:\s+(?:them|bot|di))?\s+"
                         rf"(?P<percent>{_SHARE})\s*%\s+(?:so voi\s+nam\s+(?P<year>(?:19|20)\d\d)(?!\d)"
                         r"|(?:cua\s+|so\s+)?(?P<named>[a-z]+\s+[a-z]+))")
# "thực tế chi vượt dự toán 15%", "vượt 15% so với dự toán": more spent than the named amount by a
# percentage, its words before the percentage or after it.
_OVER_BY = re.compile(r"(?<![a-z])vuot\s+(?:(?:so voi\s+)?(?P<named>[a-z]+\s+[a-z]+)\s+"
                      rf"(?P<percent>{_SHARE})\s*%"
                      rf"|(?P<percent2>{_SHARE})\s*%\s+(?:so voi\s+)?(?P<named2>[a-z]+\s+[a-z]+))")


# "… theo tỷ lệ 4:1 (ngân sách tỉnh 4 phần, ngân sách cấp huyện 1 phần)": the money shared out in
# parts, and the parts each source pays, named.
_RATIO = re.compile(r"(?<![a-z])ty le\s+(?P<parts>\d{1,2}(?:\s*:\s*\d{1,2})+)(?![\d:])")
_NAMED_PARTS = re.compile(r"(?P<name>[a-z]+(?:\s+[a-z]+){1,5}?)\s+(?P<parts>\d{1,2})\s+phan(?![a-z])")


@dataclass(frozen=True)
class _Lone:
    """The one amount of a text, as the rules that work the scheme's money out of it see it."""
    amount: Amount
    start: int  # where it is written in the text
    end: int
    folded: str  # the text, folded (_fold_aligned)
    sentence: tuple[int, int]  # where its sentence starts and ends

    def words_before(self, since: int = 0) -> str:
        """The folded words of its sentence before it (from `since`, if that is later), one space
        between each (a line break between a name's words): the words that name it."""
        return " ".join(self.folded[max(self.sentence[0], since):self.start].split())


def _lone_amount(text: str) -> _Lone | None:
    """The text's one amount (_roles); None where it has none or more than one."""
    amounts = [r for roles in _roles(text) for r in roles]
    if len(amounts) != 1:
        return None
    start, end = amounts[0].span
    sentence = next((a, b) for a, b in _sentence_spans(text) if a <= start < b)
    return _Lone(amounts[0].amount, start, end, _fold_aligned(text), sentence)


# "(đơn vị tính: triệu đồng): dự toán giao đầu năm 6.200; điều chỉnh giữa năm (500)": a line whose
# unit is declared giving its figures clause by clause, one of them in brackets, which is how
# accounts write a negative figure (the report may say so: "Số liệu ghi trong ngoặc đơn (…) là số
# âm"). A clause's figure ends it, bare or in the declared unit (units_declared); not a year.
_CLAUSE_END_FIGURE = re.compile(rf"(?<![\d.,(])(\()?({_WRITTEN_NUMBER})(?:\s*(?:{_UNIT})(?![a-z])(?:\s*dong)?)?"
                                r"(?(1)\))\s*$")
_FIGURE_CLAUSES = re.compile(r";|[.,](?=\s|$)")


def _signed_in_brackets(text: str) -> tuple[list[str], str, int] | None:
    """The figures of a line declaring its unit, clause by clause, the unit, and their sum with those
    in brackets negative: where some are in brackets and some not, and the sum is more than none."""
    for line in _fold_aligned(text).split("\n"):
        declared = _DECLARED_UNIT.search(line) or _UNIT_BEFORE_COLON.search(line)
        if declared is None:
            continue
        figures = [m for clause in _FIGURE_CLAUSES.split(line[declared.end():])
                   if (m := _CLAUSE_END_FIGURE.search(clause)) and not _YEAR.fullmatch(m[2])]
        negative = [bool(m[1]) for m in figures]
        if len(figures) < 2 or all(negative) or not any(negative):
            continue
        total = sum((-1 if m[1] else 1) * _value(m[2])[0] for m in figures) * UNITS[declared[1]]
        if total > 0:
            return [f"({m[2]})" if m[1] else m[2] for m in figures], declared[1], int(total)
    return None


def _plus_tax(text: str) -> tuple[Amount, Decimal | None] | None:
    """The one amount of the text, said to be before the tax ("… là 22.700 triệu đồng (chưa bao
    gồm thuế giá trị gia tăng); thuế suất … áp dụng 10%", pool 53), and the tax rate the text
    states (None if it states none): the scheme pays the tax too, so its money is the amount
    and the tax on it. None otherwise."""
    lone = _lone_amount(text)
    if lone is None or not _BEFORE_TAX_AFTER.match(lone.folded, lone.end):
        return None
    rates = {Decimal(m["percent"].replace(",", ".")) for m in _TAX_RATE.finditer(lone.folded)}
    return lone.amount, (rates.pop() if len(rates) == 1 and 0 < min(rates) < 100 else None)


def _plus_share_of_named(text: str) -> tuple[Amount, Decimal] | None:
    """The one amount of the text and the share of it another part of the money is said to be,
    naming it by the words written before the amount ("vốn vay ODA … là 20.500 triệu đồng và vốn
    đối ứng … bằng 20% vốn vay ODA", pool 53): the money is the amount and that share of it.
    None otherwise ("bằng 40% tổng kinh phí" says the amount's own share of the whole:
    _whole_from_share)."""
    lone = _lone_amount(text)
    m = lone and _SHARE_OF_NAMED.search(lone.folded, lone.end, lone.sentence[1])
    if not m or not _names_it(m["named"], lone):
        return None
    percent = Decimal(m["percent"].replace(",", "."))
    return (lone.amount, percent) if 0 < percent < 100 else None


def _plus_sized_by_named(text: str) -> tuple[Amount, Decimal, str] | None:
    """The one amount of the text, and the multiple or fraction of it another part of the money
    is said to be, naming it by the words written before the amount ("Ngân sách tỉnh chi 1.000
    triệu đồng, ngân sách huyện chi gấp đôi ngân sách tỉnh"; "… bằng 1/4 ngân sách tỉnh"; "… bằng
    một phần ba số đó"), as a factor and as written: the money is the amount and that much more.
    None otherwise."""
    lone = _lone_amount(text)
    m = lone and _SIZED_BY_NAMED.search(lone.folded, lone.end, lone.sentence[1])
    if not m or not (m["that"] or _names_it(m["named"], lone)):  # "số đó": the amount just written
        return None
    if m["word"] or m["times"]:
        factor = _MULTIPLE_WORDS[m["word"]] if m["word"] else Decimal(m["times"].replace(",", "."))
    else:
        over, under = ((int(m["over"]), int(m["under"])) if m["over"] else (1, 2) if m["half"]
                       else (words_to_number([m["parts"]]), words_to_number([m["whole"]])))
        factor = Decimal(over) / under if under else Decimal(0)
    written = " ".join(text[m.start():m.start("that") if m["that"] else m.start("named")].split())
    return (lone.amount, factor, written) if factor > 0 else None


def _names_it(named: str, lone: _Lone) -> bool:
    """Whether the words a share or multiple names its amount by are those before the lone
    amount: its words as they named it ("vốn vay ODA"), or the number of its instalment last
    ("… số kinh phí đợt 1" after "đợt 1 là 2.600 triệu đồng", pool 58)."""
    words, before = named.split(), lone.words_before()
    return " ".join(words[:3]) in before or (words[-1].isdigit() and " ".join(words[-2:]) in before)


def _changed_by_percent(text: str) -> tuple[Amount, Decimal] | None:
    """The one amount of the text and the percentage it is said to have risen or been cut by
    afterwards, naming it by its year or its words ("Năm 2021, kinh phí … là 14.400 triệu đồng.
    Năm 2022, kinh phí … tăng 10% so với năm 2021", "Dự toán năm 2022 … là 17.500 triệu đồng; …
    tỉnh đã cắt giảm 15% dự toán này", pool 54; "thực tế chi vượt dự toán 15%"): the money is the
    amount so changed, a factor (1.10, 0.85). None otherwise: a rise written beside the year's own
    amount ("Năm 2022 … là 16.000 triệu đồng, tăng 10% so với năm 2021") names a year the amount
    is not of."""
    lone = _lone_amount(text)
    if lone is None:
        return None
    before = lone.words_before()
    changes = [(m["percent"], m["way"] in ("tang", "bo sung")) for m in _CHANGED_BY.finditer(lone.folded, lone.end)
               if (m["year"] or " ".join(m["named"].split())) in before]
    changes += [(m["percent"] or m["percent2"], True) for m in _OVER_BY.finditer(lone.folded, lone.end)
                if " ".join((m["named"] or m["named2"]).split()) in before]
    if len(changes) != 1:
        return None
    percent = Decimal(changes[0][0].replace(",", "."))
    if not 0 < percent < 100:
        return None
    return lone.amount, (percent if changes[0][1] else -percent)


# "Tổng kinh phí dự kiến 10 tỷ đồng; đến nay mới bố trí được 40% số kinh phí này": a share of the
# amount named before it given (spent), the words "này", "trên", "nói trên" pointing back to it.
_SHARE_GIVEN_OF_IT = re.compile(r"(?<![a-z])(?:bo tri|cap|phan bo|giao|dap ung|giai ngan)(?:\s+duoc)?\s+"
                                rf"(?P<percent>{_SHARE})\s*%\s+(?:(?:so|tong|cua)\s+)*"
                                r"(?:kinh phi|von|du toan|nhu cau)(?:\s+[a-z]+){0,2}?\s+(?:nay|tren|noi tren)(?![a-z])")


# "Chi cho Đề án chiếm 12% tổng chi ứng dụng công nghệ thông tin của tỉnh năm 2022 (25.000 triệu
# đồng)", "… bằng 0,5% tổng chi ngân sách tỉnh (…)": the scheme's share of a whole whose amount the
# bracket gives.
_SCHEME_SHARE_OF_BRACKETED = re.compile(r"(?<![a-z])de an(?![a-z])[^.;%]{0,60}?(?<![a-z])(?:chiem|bang)\s+"
                                        rf"(?:khoang\s+)?(?P<percent>{_SHARE})\s*%\s+(?:tong|toan bo)(?![a-z])"
                                        r"[^.;%()]{0,100}\(\s*$")


def _share_given_of(text: str) -> tuple[Amount, Decimal] | None:
    """The one amount of the text and the percentage of it a sentence after it says was given
    ("Tổng kinh phí dự kiến 10 tỷ đồng; đến nay mới bố trí được 40% số kinh phí này"), or that the
    scheme's share of it is, the amount in brackets after the whole it names ("Chi cho Đề án chiếm
    12% tổng chi … (25.000 triệu đồng)"): the money is that share of the amount (4 tỷ, 3.000 triệu),
    not the amount needed or the whole. None otherwise."""
    lone = _lone_amount(text)
    shares = (list(_SHARE_GIVEN_OF_IT.finditer(lone.folded, lone.end))
              + list(_SCHEME_SHARE_OF_BRACKETED.finditer(lone.folded, lone.sentence[0], lone.start))) if lone else []
    if len(shares) != 1:
        return None
    percent = Decimal(shares[0]["percent"].replace(",", "."))
    return (lone.amount, percent) if 0 < percent < 100 else None


def _whole_from_parts(text: str) -> tuple[Amount, int, int] | None:
    """The one amount of the text, the parts of the money it is said to be and the parts of the
    whole ("… cùng bảo đảm theo tỷ lệ 4:1 (ngân sách tỉnh 4 phần, ngân sách cấp huyện 1 phần);
    phần ngân sách cấp huyện đã bố trí là 2.800 triệu đồng", pool 55): the scheme's money is the
    amount times the whole's parts over its own, 14.000 triệu. Its source is named before it, after
    the parts are, as they name it; None otherwise."""
    lone = _lone_amount(text)
    ratio = lone and _RATIO.search(lone.folded)
    if not ratio:
        return None
    whole = sum(int(n) for n in re.findall(r"\d+", ratio["parts"]))
    matches = list(_NAMED_PARTS.finditer(lone.folded, ratio.end(), lone.start))
    named = {" ".join(m["name"].split()[-3:]): int(m["parts"]) for m in matches}
    before = lone.words_before(matches[-1].end() if matches else 0)  # the words after the parts named
    own = [parts for name, parts in named.items() if name in before]
    if sum(named.values()) != whole or len(own) != 1 or not 0 < own[0] < whole:
        return None
    return lone.amount, whole, own[0]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of the text (_sentence_ends) starts and ends."""
    spans, start = [], 0
    for end in _sentence_ends(text):
        spans.append((start, end))
        start = end
    return spans


def _units_times_price(text: str) -> tuple[int, str, Amount] | None:
    """The count and the price of the one amount of the text, a price per unit, where its
    sentence counts those units once ("… được dùng để lắp đặt 276 bộ camera …, đơn giá 51 triệu
    đồng/bộ", pool 51): the whole is the count times the price. None otherwise."""
    lone = _lone_amount(text)
    per = lone and _PER_UNIT.match(lone.folded, lone.end)
    if not per:
        return None
    counted = re.compile(rf"(?<![\d.,/])(\d{{1,3}}(?:\.\d{{3}})+|\d+)\s+{per['noun']}(?![a-z])")
    counts = [m for m in counted.finditer(lone.folded, *lone.sentence) if not m.start() <= lone.start < m.end()]
    if len(counts) != 1:
        return None
    return int(counts[0][1].replace(".", "")), text[per.start("noun"):per.end("noun")], lone.amount


def _whole_from_share(text: str) -> tuple[Amount, Decimal, str] | None:
    """The one amount of the text, the share of the whole it says it is ("ngân sách tỉnh đã
    bố trí 11.022 triệu đồng cho Đề án …, bằng 40% tổng kinh phí thực hiện Đề án; 60% còn lại do
    các doanh nghiệp … đầu tư", pool 51; "bằng 2/3 tổng kinh phí"; the share first: "hỗ trợ 70% kinh
    phí, tương ứng 2.100 triệu đồng", "hỗ trợ một nửa kinh phí …, là 1.900 triệu đồng", pool 61), as a
    fraction and as written: the scheme's total is that amount over its share. None otherwise."""
    lone = _lone_amount(text)
    m = lone and (_SHARE_OF_WHOLE.match(lone.folded, lone.end) or _SHARE_THEN_AMOUNT.search(lone.words_before()))
    if not m:
        return None
    # after the amount, in the text as written; before it, in its folded words (Lone.words_before)
    written_in = text if m.re is _SHARE_OF_WHOLE else m.string
    if m["percent"]:
        share = Decimal(m["percent"].replace(",", ".")) / 100
        written = written_in[m.start("percent"):m.end("percent")] + "%"
    else:  # "2/3", "một nửa", "ba phần tư": the fraction as written, from its first word to its last
        first = next(group for group in ("over", "half", "parts") if m[group])
        over, under = ((int(m["over"]), int(m["under"])) if first == "over" else (1, 2) if first == "half"
                       else (words_to_number([m["parts"]]), words_to_number([m["whole"]])))
        share = Decimal(over) / under if under else Decimal(0)
        written = written_in[m.start(first):m.end(m.lastgroup)]
    return (lone.amount, share, written) if 0 < share < 1 else None


# A small count in a word ("ba nguồn", "hai huyện"): "một" is no count of units shared out.
_COUNT_WORDS = "hai|ba|bon|nam|sau|bay|tam|chin"


def _each_of_counted(text: str) -> tuple[Amount | None, int, str, Amount] | None:
    """The amount each of a counted kind of unit gets and the count, with the one other amount
    of the text if it has one ("ngân sách tỉnh bố trí 5.500 triệu đồng …; ngoài ra, mỗi huyện,
    thị xã, thành phố … (10 đơn vị) được bố trí 400 triệu đồng", pool 56): the money is that
    other amount and the count times the amount each (9.500 triệu). The count is the one its
    sentence writes of those units, by their noun or as "đơn vị"; None otherwise, and where the
    text says it states a total (the amount each a part of it)."""
    amounts = [r for roles in _roles(text) for r in roles]
    each_of_units = _amounts_each(text)
    if not 1 <= len(amounts) <= 2 or _states_total(text) or len(each_of_units) != 1:
        return None
    each, unit, end = each_of_units[0]
    folded = _fold_aligned(text)
    # the count in figures ("10 đơn vị") or in a word ("từ ba nguồn", "hai huyện")
    counted = re.compile(rf"(?<![\d.,/])(\d{{1,3}}(?:\.\d{{3}})?|(?<![a-z])(?:{_COUNT_WORDS}))\s+"
                         rf"(?:don vi|{unit['noun']})(?![a-z])")
    start = next(a for a, b in _sentence_spans(text) if a <= each.span[0] < b)
    counts = {int(m[1].replace(".", "")) if m[1][0].isdigit() else _DIGIT_WORDS[m[1]]
              for m in counted.finditer(folded, start, end) if not m.start() <= each.span[0] < m.end()}
    if len(counts) != 1 or min(counts) < 2 or any(_each_unit(folded, 0, r.span[0]) for r in amounts if r != each):
        return None
    others = [r.amount for r in amounts if r != each]
    return (others[0] if others else None), counts.pop(), text[unit.start("noun"):unit.end("noun")], each.amount


# "Kinh phí … năm 2022 gấp đôi năm 2021; năm 2021, Đề án được bố trí 8.400 triệu đồng": the
# year's money a multiple of another year's, said in words ("gấp đôi", "gấp rưỡi", "gấp ba") or
# figures ("gấp 2,5 lần"), and the year it is of. Its "g" may be any letter as a scan reads it ("Bấp
# đôi năm 2021", pool 57's fogged Phú Yên): with a multiple and a year after it, no other word.
_MULTIPLE = re.compile(r"(?<![a-z])[a-z]ap\s+(?:(?P<word>doi|ruoi|ba|bon|tu|nam|muoi)"
                       rf"|(?P<times>{_SHARE})\s*lan)"
                       r"(?![a-z])(?:\s+lan)?\s+(?:so voi\s+)?(?:(?:kinh phi|muc|so)\s+)?(?:cua\s+)?"
                       r"nam\s+(?P<year>(?:19|20)\d\d)(?!\d)")
# Any multiple or fraction a text may work its money out by, in a wording no rule reads: "gấp …",
# "2 lần", "một nửa", "một phần ba", "1/3" (no date, no document's number).
_TIMES_OR_FRACTION = re.compile(
    r"(?<![a-z])(?:gap\s+(?:\d|doi|ruoi|hai|ba|bon|tu|nam|muoi)|\d+(?:,\d+)?\s*lan(?![a-z])|(?:mot\s+)?nua(?![a-z])"
    r"|(?:mot|hai|ba)\s+phan\s+(?:ba|tu|nam|muoi)(?![a-z])"
    r"|(?<!ngay )(?<![\d/.])\d{1,2}/\d{1,2}(?![\d/])(?!\s*(?:nam|thang|ngay)))")
_MULTIPLE_WORDS = {"doi": Decimal(2), "ruoi": Decimal("1.5"), "ba": Decimal(3), "bon": Decimal(4), "tu": Decimal(4),
                   "nam": Decimal(5), "muoi": Decimal(10)}


def _multiple_of_year(text: str) -> tuple[Amount, Decimal] | None:
    """The one amount of the text and the multiple of it the money is said to be, naming it by
    its year, written before the amount or after it ("… năm 2022 gấp đôi năm 2021; năm 2021, Đề
    án được bố trí 8.400 triệu đồng", pool 56): the money is the amount times the multiple. The
    words naming the amount are those of its clause after the multiple, or of its sentence before
    it; None otherwise."""
    lone = _lone_amount(text)
    if lone is None:
        return None
    multiples = [m for m in _MULTIPLE.finditer(lone.folded)
                 if m["year"] in lone.words_before(m.end() if m.end() <= lone.start else 0)]
    if len(multiples) != 1:
        return None
    m = multiples[0]
    times = _MULTIPLE_WORDS[m["word"]] if m["word"] else Decimal(m["times"].replace(",", "."))
    return (lone.amount, times) if times > 1 else None


# "Từ tháng 6 đến hết tháng 12 năm 2022, … mỗi tháng 290 triệu đồng", "mỗi quý bố trí 450 triệu
# đồng, … trong 4 quý", "bình quân mỗi năm 1.200 triệu đồng trong 3 năm": an amount each month,
# quarter or year (its words right before it, or "/tháng", "mỗi quý" after it) over the periods the
# text counts: a number of them, or a span of months, both ends counted. A span of years is the
# period a rate is the average of ("Giai đoạn 2020-2022, … bình quân 500 triệu đồng/năm"), not
# said to be each year's money: the rate alone, for a person to check.
_EACH_MONTH_OR_QUARTER = re.compile(r"(?<![a-z])(?:moi|hang|hoi)\s+(?:thang|quy)(?![a-z])")
_EACH_PERIOD_BEFORE = re.compile(r"(?<![a-z])(?:moi|hang|hoi)\s+(?P<period>thang|quy|nam)(?![a-z])")
_EACH_PERIOD_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*(?:/\s*(?:1\s+|mot\s+)?|(?:moi|mot|hang)\s+)"
                                r"(?P<period>thang|quy|nam)(?![a-z])")
_MONTH_SPAN = re.compile(r"(?<![a-z])tu\s+thang\s+(?P<first>\d{1,2})(?:\s*(?:nam|/)\s*(?:19|20)\d\d)?\s+"
                         r"(?:den|toi)\s+(?:het\s+)?thang\s+(?P<last>\d{1,2})(?!\d)")
# "Mỗi quý tỉnh bố trí 250 triệu đồng trong năm 2022", "… cả năm": every month or quarter of one
# year, unless the text says when it began or ended.
_WHOLE_YEAR = re.compile(r"(?<![a-z])(?:trong|ca)\s+nam(?:\s+(?:19|20)\d\d)?(?![a-z\d])")
_PART_OF_YEAR = re.compile(r"(?<![a-z])(?:tu|ke tu|bat dau|den|toi|dau|cuoi|giua)\s+(?:het\s+)?"
                           r"(?:thang|quy|nam)(?![a-z])")
_PERIOD_RULES = {
    "thang": N_("{cited} each month over {count} months: {total}"),
    "quy": N_("{cited} each quarter over {count} quarters: {total}"),
    "nam": N_("{cited} each year over {count} years: {total}"),
}


def _periods_times_rate(text: str) -> tuple[int, str, Amount] | None:
    """The one amount of the text, an amount each month, quarter or year, and how many of them
    the text counts, one way only ("Từ tháng 6 đến hết tháng 12 năm 2022, … mỗi tháng 290 triệu
    đồng", pool 57: 7 months; "… trong 4 quý"; "mỗi quý … trong năm 2022": 4): the money is the
    amount times that count (7 × 290 = 2.030 triệu), with the period's name. None otherwise."""
    lone = _lone_amount(text)
    period = lone and _each_period(lone)
    if not period:
        return None
    counted = re.compile(rf"(?<![\d.,/])(?P<count>\d{{1,2}})\s+{period}(?![a-z])")
    counts = {int(m["count"]) for m in counted.finditer(lone.folded)}
    if period == "thang":
        counts |= {int(m["last"]) - int(m["first"]) + 1 for m in _MONTH_SPAN.finditer(lone.folded)
                   if int(m["first"]) <= int(m["last"])}
    if not counts and period != "nam" and _WHOLE_YEAR.search(lone.folded) and not _PART_OF_YEAR.search(lone.folded):
        counts = {12 if period == "thang" else 4}
    if len(counts) != 1 or not 1 < min(counts) <= (12 if period == "thang" else 4 if period == "quy" else 10):
        return None
    return counts.pop(), period, lone.amount


def _each_period(lone: _Lone) -> str | None:
    """The period ("thang", "quy", "nam") the one amount of a text is said to be each of, by
    the words right before it in its clause ("mỗi quý bố trí 450 triệu đồng") or after it
    ("290 triệu đồng/tháng"); None if none, or more than one."""
    clause = lone.words_before(lone.folded.rfind(";", lone.sentence[0], lone.start) + 1)
    each = {m["period"] for m in _EACH_PERIOD_BEFORE.finditer(clause) if not re.search(r"\d", clause[m.end():])}
    after = _EACH_PERIOD_AFTER.match(lone.folded, lone.end)
    periods = each | ({after["period"]} if after else set())
    return periods.pop() if len(periods) == 1 else None


# "…, trong số này, 2.600 triệu đồng dành cho số hóa hồ sơ địa chính, nhiệm vụ không thuộc Đề án,
# phần còn lại dành toàn bộ cho các nhiệm vụ của Đề án": a part of the money said to be for no
# task of the scheme, the rest the scheme's.
_NOT_THE_SCHEMES = re.compile(r"(?<![a-z])(?:khong (?:thuoc|phai(?: (?:la|cua))?|nam trong)|ngoai(?: pham vi)?)"
                              r"(?: (?:cac )?nhiem vu(?: cua)?)? de an(?![a-z])")
_THE_REST = re.compile(r"(?<![a-z])(?:phan|so) con lai(?![a-z])")


def _whole_less_outside(text: str) -> tuple[Amount, Amount] | None:
    """The text's two amounts, the second a part of the first said to be for a task not the
    scheme's, the rest said to be the scheme's ("bố trí 9.600 triệu đồng cho ứng dụng công nghệ
    thông tin…; trong số này, 2.600 triệu đồng dành cho số hóa hồ sơ địa chính, nhiệm vụ không
    thuộc Đề án, phần còn lại dành toàn bộ cho các nhiệm vụ của Đề án", pool 57): the scheme's
    money is the first less the second (7.000 triệu). None otherwise."""
    amounts = [r for roles in _roles(text) for r in roles]
    if len(amounts) != 2 or amounts[1].amount.vnd >= amounts[0].amount.vnd:
        return None
    folded = _fold_aligned(text)
    end = next(b for a, b in _sentence_spans(text) if a <= amounts[1].span[0] < b)
    after = folded[amounts[1].span[1]:end]
    outside = _NOT_THE_SCHEMES.search(after)
    if not outside or not _THE_REST.search(after, outside.end()):
        return None
    return amounts[0].amount, amounts[1].amount


def _need_less_short(text: str) -> tuple[Amount, Amount] | None:
    """The text's two amounts, the money needed and the part of it said not given ("Nhu cầu kinh
    phí … là 4.000 triệu đồng; ngân sách tỉnh mới cân đối được một phần, còn thiếu 1.600 triệu
    đồng chưa được bố trí", pool 59): the money the scheme has is the need less that (2.400
    triệu). None otherwise."""
    amounts = [r for roles in _roles(text) for r in roles]
    short = [r.amount for r in amounts if r.role == "short"]
    others = [r.amount for r in amounts if r.role != "short"]
    if len(short) != 1 or len(others) != 1 or short[0].vnd >= others[0].vnd:
        return None
    return others[0], short[0]


def states_shortfall(text: str) -> bool:
    """Whether the text says a part of the money needed was not given ("còn thiếu 1.600 triệu
    đồng chưa được bố trí")."""
    return any(r.role == "short" for roles in _roles(text) for r in roles)


# "…; ngân sách cấp huyện bố trí thấp hơn phần của ngân sách tỉnh 900 triệu đồng": another part of the
# money given as more or less than the one named (its words written before that amount).
_THAN_NAMED = re.compile(r"(?<![a-z])(?P<way>thap|it|cao|nhieu) hon\s+(?:(?:phan|so|muc)\s+)?(?:cua\s+)?"
                         r"(?P<named>[a-z]+(?:\s+[a-z0-9]+){1,4}?)(?:\s+la)?\s*$")


def _part_by_difference(text: str) -> tuple[Amount, Amount, int] | None:
    """The text's two amounts, the second said to be another part of the money that is that much
    less or more than the first, named by the words written before it ("ngân sách tỉnh bố trí …
    2.000 triệu đồng; ngân sách cấp huyện bố trí thấp hơn phần của ngân sách tỉnh 900 triệu đồng",
    pool 59): the money is the first and the other part (2.000 + 1.100 = 3.100 triệu). The first,
    the difference and -1 for less, +1 for more; None otherwise."""
    amounts = [r for roles in _roles(text) for r in roles]
    if len(amounts) != 2:
        return None
    folded = _fold_aligned(text)
    first, second = amounts
    clause_start = max(folded.rfind(";", 0, second.span[0]), folded.rfind(".", 0, second.span[0]), first.span[1])
    m = _THAN_NAMED.search(" ".join(folded[clause_start + 1:second.span[0]].split()))
    sentence = next(a for a, b in _sentence_spans(text) if a <= first.span[0] < b)
    named_first = " ".join(folded[sentence:first.span[0]].split())
    if not m or " ".join(m["named"].split()[:3]) not in named_first:
        return None
    sign = 1 if m["way"] in ("cao", "nhieu") else -1
    if sign < 0 and second.amount.vnd >= first.amount.vnd:
        return None
    return first.amount, second.amount, sign


def _plan_less_left(text: str) -> tuple[Amount, Amount] | None:
    """A plan and the amount left of it, in a sentence that does not say what was spent
    ("Kế hoạch vốn là 21.833 triệu đồng; còn 2.317 triệu đồng chưa giải ngân"): the spent
    is the plan less what is left."""
    for roles in _roles(text):
        plans = [r.amount for r in roles if r.role == "plan"]
        left = [r.amount for r in roles if r.role == "left"]
        if len(plans) == 1 and len(left) == 1 and not any(r.role == "spent" for r in roles) \
                and left[0].vnd < plans[0].vnd:
            return plans[0], left[0]
    return None


# "tiết kiệm 10% chi thường xuyên", "cắt giảm 15%": a cut by a percentage, in the sentence of a plan
# and what is left of it.
_CUT_BY = re.compile(r"(?<![a-z])(?:tiet kiem|cat giam|giam|cat)(?![a-z])[^.;\d%]{0,20}?"
                     rf"(?<![\d,.])(?P<percent>{_SHARE})\s*%")


def _left_after_cut(text: str) -> tuple[Amount, Decimal, Amount] | None:
    """A plan, the percentage its sentence says was cut from it and the amount it says is left,
    where the plan less the cut is that amount ("Dự toán giao đầu năm 1.200 triệu đồng; sau khi
    tiết kiệm 10% chi thường xuyên, kinh phí còn lại để thực hiện là 1.080 triệu đồng"): what is
    left is the money the scheme had, not money left unspent."""
    folded = _fold_aligned(text)
    for roles in _roles(text):
        plans = [r for r in roles if r.role == "plan"]
        left = [r for r in roles if r.role == "left"]
        if len(plans) != 1 or len(left) != 1:
            continue
        start, end = next((a, b) for a, b in _sentence_spans(text) if a <= left[0].span[0] < b)
        for m in _CUT_BY.finditer(folded, start, end):
            percent = Decimal(m["percent"].replace(",", "."))
            if abs(plans[0].amount.vnd * (100 - percent) / 100 - left[0].amount.vnd) <= plans[0].amount.vnd / 1000:
                return plans[0].amount, percent, left[0].amount
    return None


def _plan_less_moved(text: str) -> tuple[Amount, Amount] | None:
    """A plan and the one amount a sentence after it (or the same) says was moved out of it to
    another task ("Dự toán năm 2022 giao cho Đề án … là 27.689 triệu đồng. Trong năm, UBND tỉnh
    đã điều chuyển 5.031 triệu đồng từ dự toán này sang nhiệm vụ nạo vét…", pool 50), or cut from
    it ("…, sau đó điều chỉnh giảm 300 triệu đồng"): what the scheme has is the plan less what was
    moved; the sum of both, read before, counted the moved money twice over. Not where the sentence
    says what was spent."""
    sentences = _roles(text)
    for k, roles in enumerate(sentences):
        moved = [r.amount for r in roles if r.role == "moved"]
        if len(moved) != 1 or any(r.role == "spent" for r in roles):
            continue
        plans = [r.amount for r in roles if r.role == "plan"] or (
            [r.amount for r in sentences[k - 1] if r.role == "plan"] if k else [])
        if len(plans) == 1 and moved[0].vnd < plans[0].vnd:
            return plans[0], moved[0]
    return None


class _FoldedCharacters(dict):
    """Each character's folded form, one character for one (a space kept as it is), filled in
    as characters are met: str.translate through it folds a text in one pass, where folding
    character by character cost a third of a .docx report's reading (the funding rules fold
    each text several times)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        self[code] = folded = c if c.isspace() else (fold(c) or " ")[:1]
        return folded


_FOLDED_CHARACTERS = _FoldedCharacters()


@lru_cache(maxsize=256)
def _fold_aligned(text: str) -> str:
    """The text folded as fold() does, a character for each character (spaces and line
    breaks kept as they are), so that a match in it is a span of the text. Cached: the funding
    rules fold each text in turn."""
    return text.translate(_FOLDED_CHARACTERS)


def funding_total(text: str, add_up: bool = True) -> FundingFigure:
    """The total the text states: a line that says 'tổng …', an amount broken down
    ('trong đó'), a table's total row; otherwise the one amount, or (add_up) the sum of
    the amounts; zero when the text says no funding was used. A table of items with no
    total row gives no figure but asks for a check: adding its rows up is a guess.
    add_up=False for text that is not the funding item's: amounts there need not be parts
    of one total. A figure the text says was changed into another is not read (as_changed);
    a figure cut from its unit by a line break is read with it (unit_rejoined); of a sentence
    that says what was spent, its plan and what is left are not read (as_spent), and a plan
    with only what is left of it gives the plan less that, for a person to check; a total
    that is not what a sentence naming amounts of different roles says was spent is to be
    checked (_role_doubt), and so is a rate read for the total or added into it, the whole not
    stated (_PER): a total no line states, its text holding a rate of its own sentence."""
    changed = _as_written(text)
    shared_whole = _whole_from_share(changed)
    if shared_whole is not None:
        part, share, written = shared_whole
        return _derived(_rounded_to(Decimal(part.vnd) / share, _smallest_unit(part)),
                        N_("{cited} is {share} of the whole, so the whole is {total}"), cited=part.cited, share=written)
    signed = _signed_in_brackets(changed)
    if signed is not None:
        figures, unit, total = signed
        return _derived(total, N_("{figures}: a figure in brackets is negative, as accounts write it: {total}"),
                        figures=f"{'; '.join(figures)} {unit}")
    taxed = _plus_tax(changed)
    if taxed is not None:
        price, rate = taxed
        if rate is None:
            return FundingFigure(price.vnd, N_("{cited} before tax, no rate stated: the tax not added").format(
                cited=price.cited), True)
        return _worked_out(price, (100 + rate) / 100, rate, N_("{cited} before tax and the tax at {percent}%: {total}"))
    named = _plus_share_of_named(changed)
    if named is not None:
        part, percent = named
        return _worked_out(part, (100 + percent) / 100, percent,
                           N_("{cited} and {percent}% more for the part given as its share: {total}"))
    sized = _plus_sized_by_named(changed)
    if sized is not None:
        part, factor, written = sized
        return _derived(_rounded_to(Decimal(part.vnd) * (1 + factor), _smallest_unit(part)),
                        N_("{cited} and another part \"{written}\" it: {total}"), cited=part.cited, written=written)
    shared = _whole_from_parts(changed)
    if shared is not None:
        part, whole, own = shared
        return _derived(_rounded_to(Decimal(part.vnd) * whole / own, _smallest_unit(part)),
                        N_("{cited} is {own} of the {whole} parts the money is shared in: {total}"),
                        cited=part.cited, own=own, whole=whole)
    moved = _changed_by_percent(changed)
    if moved is not None:
        base, percent = moved
        rule = (N_("{cited}, then a rise of {percent}%: {total}") if percent > 0
                else N_("{cited}, then a cut of {percent}%: {total}"))
        return _worked_out(base, (100 + percent) / 100, abs(percent), rule)
    given = _share_given_of(changed)
    if given is not None:
        whole, percent = given
        return _worked_out(whole, percent / 100, percent, N_("{cited}, of which the scheme's {percent}%: {total}"))
    periodic = _periods_times_rate(changed)
    if periodic is not None:
        count, period, rate = periodic
        return _derived(count * rate.vnd, _PERIOD_RULES[period], cited=rate.cited, count=count)
    short = _need_less_short(changed)
    if short is not None:
        need, missing = short
        return _derived(need.vnd - missing.vnd, N_("{need} needed, {short} of it not given: {total}"),
                        need=need.cited, short=missing.cited)
    relative = _part_by_difference(changed)
    if relative is not None:
        named, difference, sign = relative
        rule = (N_("{cited} and another part {difference} more than it: {total}") if sign > 0
                else N_("{cited} and another part {difference} less than it: {total}"))
        return _derived(2 * named.vnd + sign * difference.vnd, rule, cited=named.cited, difference=difference.cited)
    outside = _whole_less_outside(changed)
    if outside is not None:
        whole, part = outside
        return _derived(whole.vnd - part.vnd, N_("{whole} less {part} for a task not the scheme's: {total}"),
                        whole=whole.cited, part=part.cited)
    multiple = _multiple_of_year(changed)
    if multiple is not None:
        base, times = multiple
        return _derived(_rounded_to(Decimal(base.vnd) * times, _smallest_unit(base)),
                        N_("{cited} times {times}, as the year's money is said to be: {total}"),
                        cited=base.cited, times=format(times.normalize(), "f").replace(".", ","))
    each = _each_of_counted(changed)
    if each is not None:
        other, count, unit, amount = each
        rule = (N_("{other} and {count} {unit} at {cited} each: {total}") if other
                else N_("{count} {unit} at {cited} each: {total}"))
        return _derived((other.vnd if other else 0) + count * amount.vnd, rule,
                        other=other.cited if other else "", count=count, unit=unit, cited=amount.cited)
    priced = _units_times_price(changed)
    if priced is not None:
        count, unit, price = priced
        return _derived(count * price.vnd, N_("{count} {unit} at {cited} each: {total}"),
                        count=count, unit=unit, cited=price.cited)
    spent = as_spent(changed)
    figure = _total_of(without_asides(spent), add_up)
    if spent != changed and figure.vnd is not None:
        figure = replace(figure, rule=N_("{rule} (spent: the plan and what is left beside it not counted)").format(
            rule=figure.rule))
    rates = ({r.amount.vnd for roles in _rates(changed) for r in roles if r.role == "rate"}
             if figure.vnd is not None and not figure.ambiguous else set())
    if rates and (figure.vnd in rates or not figure.stated):
        rule = N_("{rule} (an amount per year or per unit: the whole is not stated)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    if figure.vnd is not None and not figure.ambiguous and _role_doubt(changed, figure.vnd):
        rule = N_("{rule} (its sentence names a plan, an amount spent or left: which is the total?)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    folded = _fold_aligned(changed)
    if figure.vnd is not None and not figure.ambiguous and not figure.stated and (
            _percent_unexplained(changed) or _RATIO.search(folded)):
        rule = N_("{rule} (a percentage beside it: is the total worked out with it?)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    if figure.vnd is not None and not figure.ambiguous and not figure.stated and (
            _TIMES_OR_FRACTION.search(folded) or _amounts_each(changed) or _EACH_MONTH_OR_QUARTER.search(folded)
            or ((lone := _lone_amount(changed)) is not None and _each_period(lone))):
        rule = N_("{rule} (an amount each unit gets, a multiple or a fraction beside it: is the total worked out "
                  "with it?)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    if figure.vnd is not None and not figure.ambiguous and not figure.stated and _a_difference(changed):
        rule = N_("{rule} (an amount said to be a rise or a fall from another's beside it: is it part of the total?)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    if figure.vnd is not None and not figure.ambiguous and _NOT_THE_SCHEMES.search(folded):
        rule = N_("{rule} (a part said not to be the scheme's beside it: is it left out?)")
        return replace(figure, rule=rule.format(rule=figure.rule), ambiguous=True)
    return figure


# "…, giảm 1.000 triệu đồng so với năm 2021", "cao hơn năm 2021 là 800 triệu đồng", "thấp hơn phần của
# ngân sách tỉnh 900 triệu đồng": an amount that is the difference between two, not money of its own
# (the words right before it, or "so với" right after it). Not "gia tăng" (value added: "thuế giá
# trị gia tăng").
_DIFFERENCE_BEFORE = re.compile(r"(?<![a-z])(?:(?<!gia )tang|giam|(?:cao|thap|nhieu|it) hon(?:\s+[a-z0-9]+){0,6}?"
                                r"(?:\s+la)?)(?:\s+(?:them|bot|di))?\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:dong|vnd)?\s*,?\s*so voi(?![a-z])")


def _a_difference(text: str) -> bool:
    """Whether an amount of the text, beside another, is said to be a rise or a fall from
    another one (_DIFFERENCE_BEFORE and, for "tăng"/"giảm", "so với" after it): a sum or a lone
    amount read beside it may take it for a part, or leave out the part it adds."""
    folded = _fold_aligned(text)
    amounts = [r for roles in _roles(text) for r in roles]
    for r in amounts if len(amounts) > 1 else ():
        before = " ".join(folded[max(0, r.span[0] - 60):r.span[0]].split())
        m = _DIFFERENCE_BEFORE.search(before)
        if m and (" hon" in m[0] or _COMPARED_AFTER.match(folded, r.span[1])):
            return True
    return False


def _worked_out(amount: Amount, factor: Decimal, percent: Decimal, rule: str) -> FundingFigure:
    """A total the text does not write, worked out from its amount times `factor` by a percentage
    it states, rounded to the unit the amount was written in: for a person to check."""
    return _derived(_rounded_to(Decimal(amount.vnd) * factor, _smallest_unit(amount)), rule,
                    cited=amount.cited, percent=format(percent, "f").replace(".", ","))


def _derived(vnd: int, rule: str, **parts) -> FundingFigure:
    """A total the text does not write, worked out from what it does (`rule`, its `parts` and the
    total filled in): for a person to check."""
    return FundingFigure(vnd, rule.format(total=_dong(vnd), **parts), True)


def _percent_unexplained(text: str) -> bool:
    """Whether the text states a percentage that is no ratio of two of its amounts ("… 22.700
    triệu đồng (chưa bao gồm thuế …); thuế suất … 10%", pool 53): a total no line states, read
    beside it, may have to be worked out with it. "đã giải ngân 71.110 triệu đồng, đạt 88% kế
    hoạch" beside the plan's 79.900 says their ratio, "tăng 22,0% so với … (37.377 triệu đồng)"
    the rise from one to the other, and nothing more."""
    percents = {float(m[0].rstrip("% ").replace(",", ".")) for m in _PERCENT.finditer(text)}
    if not percents:
        return False
    figures = sorted({float(m[0].replace(".", "").replace(",", ".")) for m in _FIGURE.finditer(text)
                      if not (m[0].isdigit() and 1900 <= int(m[0]) <= 2100)} - {0.0})  # years are no figures
    return not all(_a_ratio(figures, percent) for percent in percents)


def _a_ratio(figures: list[float], percent: float) -> bool:
    """Whether two of the (sorted) figures a < b are within a point of `percent` as a's share
    of b, the rise from a to b or the fall from b to a: for each b, the a that would be so are
    an interval, looked up by bisection (a table's hundreds of figures are not paired off)."""
    low, high = (percent - 1) / 100, (percent + 1) / 100
    if low < 1 < high:
        return bool(figures)  # "đạt 100% kế hoạch": any figure is all of itself
    for b in figures:
        for lowest, highest in ((b * low, b * high), (b / (1 + high), b / (1 + low)), (b * (1 - high), b * (1 - low))):
            at = bisect_right(figures, lowest)
            if at < len(figures) and figures[at] < min(highest, b):
                return True
    return False


def _role_doubt(text: str, vnd: int) -> bool:
    """Whether a sentence of the text names amounts of more than one role (a plan, what was
    spent, what is left) and the total read is not the one it says was spent: the one amount
    said spent, which the plan less what is left, where both are written, is also; else the
    plan less what is left. A reader that misses which amount is which is then seen to."""
    for roles in _roles(text):
        if len({r.role for r in roles} - {""}) < 2:
            continue
        by_role = {role: {r.amount.vnd for r in roles if r.role == role} for role in ("spent", "plan", "left")}
        spent, plan, left = (next(iter(v)) if len(v) == 1 else None for v in by_role.values())
        unspent = plan - left if plan is not None and left is not None else None
        sure = spent if spent is not None and unspent in (None, spent) else None if by_role["spent"] else unspent
        if sure != vnd:
            return True
    return False


def _total_of(text: str, add_up: bool) -> FundingFigure:
    """funding_total of the text as it is read (_as_read)."""
    cut = _left_after_cut(text)
    if cut is not None:
        plan, percent, left = cut
        return FundingFigure(left.vnd, N_("{plan} cut by {percent}%: {left} left").format(
            plan=plan.cited, percent=format(percent, "f").replace(".", ","), left=left.cited), False)
    unspent = _plan_less_left(text)
    if unspent is not None:
        plan, left = unspent
        rule = N_("plan {plan} less {left} left: {spent}").format(plan=plan.cited, left=left.cited,
                                                                  spent=_dong(plan.vnd - left.vnd))
        return FundingFigure(plan.vnd - left.vnd, rule, True)
    moved = _plan_less_moved(text)
    if moved is not None:
        plan, out = moved
        rule = N_("plan {plan} less {moved} moved out of it or cut: {total}").format(
            plan=plan.cited, moved=out.cited, total=_dong(plan.vnd - out.vnd))
        return FundingFigure(plan.vnd - out.vnd, rule, True)
    prose: list[str] = []
    tables: list[TableTotal] = []
    for block in _blocks(text):
        if isinstance(block, TableBlock):
            table = table_total(block.rows, block.unit)
            if table.total is not None:
                rule = (N_("stated total: total row '{label}' of a table: {cited} (column guessed)") if table.guessed
                        else N_("stated total: total row '{label}' of a table: {cited}"))
                return FundingFigure(table.total.vnd, rule.format(label=table.label, cited=table.total.cited),
                                     table.total.ambiguous or table.guessed, stated=True)
            tables.append(table)
            lines = block.rows      # a sentence in a cell: "Tổng kinh phí là 30 tỷ đồng"
        else:
            prose.append(block)
            lines = re.split(r"[\n;]|(?<=[.!?])\s", _unwrapped(block))
        for line in lines:
            first = _line_total(line)
            if first is not None:
                scheme, plan = (None, "") if isinstance(block, TableBlock) else _scheme_share(_unwrapped(block), line)
                if scheme is not None:
                    rule = N_("stated total: {cited} (the scheme's part of another plan's {whole})")
                    return FundingFigure(scheme.vnd, rule.format(cited=scheme.cited, whole=first.cited),
                                         scheme.ambiguous, stated=True)
                if plan:
                    rule = N_("stated total: {cited} (the total of another plan, '{plan}'?)")
                    return FundingFigure(first.vnd, rule.format(cited=first.cited, plan=plan), True, stated=True)
                part = None if isinstance(block, TableBlock) else _share_of(first, _unwrapped(block), line)
                if part is not None:
                    return FundingFigure(part.vnd, N_("stated total: {cited} (a share of {whole})").format(
                        cited=part.cited, whole=first.cited), part.ambiguous, stated=True)
                return FundingFigure(first.vnd, N_("stated total: {cited}").format(cited=first.cited), first.ambiguous,
                                     stated=True)
    for sentence in (s for block in prose for s in re.split(r"(?<=[.!?;])\s|\n\s*\n", block)):
        total = _broken_down(sentence)
        if total is not None:
            return FundingFigure(total.vnd, N_("stated total: {cited} (trong đó …)").format(cited=total.cited),
                                 total.ambiguous, stated=True)
    untotalled = [t for t in tables if len(t.items) > 1]
    if untotalled:
        items = untotalled[0].items
        rule = N_("table without a total row: its {count} rows add up to {total}, not taken as the total")
        return FundingFigure(None, rule.format(count=len(items), total=_dong(sum(a.vnd for a in items))), True)
    amounts = [a for block in prose for line in block.split("\n") for a in _without_wholes(line)]
    amounts += [a for t in tables for a in t.items]
    if not amounts:
        if _NO_FUNDING.search(fold(text)):
            return FundingFigure(0, N_("stated: no funding"), False)
        return FundingFigure(None, N_("no amount found"), False)
    if len(amounts) == 1:
        return FundingFigure(amounts[0].vnd, N_("single amount: {cited}").format(cited=amounts[0].cited),
                             amounts[0].ambiguous)
    whole = _sum_of_the_others(amounts)
    if whole is not None:
        parts = sum(1 for a in amounts if a.vnd != whole.vnd)
        rule = N_("the amount the {count} others add up to: {cited}").format(count=parts, cited=whole.cited)
        listed = len(_LABELLED_AMOUNT.findall(fold("\n".join(prose)))) >= len(amounts)
        return FundingFigure(whole.vnd, rule, listed or any(a.ambiguous for a in amounts))
    if not add_up:
        return FundingFigure(None, N_("{count} amounts and no stated total: not added up").format(count=len(amounts)),
                             True)
    rule = N_("sum of {count} amounts (no stated total)").format(count=len(amounts))
    return FundingFigure(sum(a.vnd for a in amounts), rule, any(a.ambiguous for a in amounts))


def _as_written(text: str) -> str:
    """The text with its figures given their units and the figures that were changed into
    others, the rates beside a whole, the parts not yet shared out beside it and the money
    expected after it left out: what the report says the amounts are."""
    return without_projected(without_unallocated(without_rates(as_changed(as_summed(units_declared(
        unit_rejoined(text)))))))


def _as_read(text: str) -> str:
    """The text as the totals are read from it (_as_written), the plans and amounts left
    beside what was spent left out too."""
    return without_asides(as_spent(_as_written(text)))


def states_figure(text: str) -> bool:
    """Whether the text gives a funding figure: an amount, a table's total, or that none was used."""
    figure = funding_total(text)
    return figure.vnd is not None or figure.ambiguous


def stated_totals(text: str) -> set[int]:
    """Every total the text states, in đồng: the first amount of each line that says
    'tổng …', each table's total row, each amount broken down ("… trong đó"); not a figure
    changed into another (as_changed), nor a plan or what is left beside what was spent (as_spent)."""
    text = _as_read(text)
    totals: set[int] = set()
    for block in _blocks(text):
        if isinstance(block, TableBlock):
            table = table_total(block.rows, block.unit)
            if table.total is not None:
                totals.add(table.total.vnd)
            lines = block.rows
        else:
            lines = re.split(r"[\n;]|(?<=[.!?])\s", _unwrapped(block))
            totals |= {a.vnd for sentence in re.split(r"(?<=[.!?;])\s|\n\s*\n", block)
                       for a in [_broken_down(sentence)] if a is not None}
        for line in lines:
            total = _line_total(line)
            if total is not None:
                totals.add(total.vnd)
    return totals


def report_funding(item: str, report: str, ocr: bool = False) -> FundingFigure:
    """The total of the funding item; when the report has no funding item (or it was not
    found), or the item found states no amount while the report does, the total stated
    anywhere in the report, so that the figure is not lost, but marked `elsewhere` for a
    person to check: an item with no amount in a report with amounts is most likely a
    heading put in the wrong place. Amounts scattered over a report are not parts of one
    total, so there they are not added up. A total the whole report states alone is
    `sole` (aggregate/review.py: read from a funding item itself to check, it needs no person).
    Read from a scan (`ocr`), the figures OCR garbled in the text it was read from (the item's,
    else the report's) are kept with it (`misread`): digits and units are what OCR misreads; a
    unit misread by one letter is read as the unit (_units_restored). A typed report that writes
    its numbers the Vietnamese way throughout has no doubt about a decimal comma before three
    digits ("6,750 tỷ đồng", _typed_in_vietnamese_style)."""
    figure = _report_funding(_units_restored(item), _units_restored(report)) if ocr else _report_funding(item, report)
    if not ocr and figure.ambiguous and _typed_in_vietnamese_style(report):
        typed = _TYPED_DECIMAL_COMMA.set(True)
        try:
            clear = _report_funding(item, report)
        finally:
            _TYPED_DECIMAL_COMMA.reset(typed)
        if clear.vnd == figure.vnd:
            figure = clear
    if ocr:
        figure = replace(figure, misread=tuple(garbled_figures(report if figure.elsewhere or not item.strip()
                                                               else item)))
    # A total stated where the report states no other: whatever the doubt about the item's
    # text, no other figure of the report could be the item's.
    if figure.stated and not figure.ambiguous and stated_totals(report) == {figure.vnd}:
        figure = replace(figure, sole=True)
    return figure


def _report_funding(item: str, report: str) -> FundingFigure:
    """report_funding before the report is weighed: the item's figure, else the report's."""
    if item.strip():
        figure = funding_total(item)
        if figure.vnd is not None or figure.ambiguous:
            return figure
        outside = funding_total(report, add_up=False)
        if outside.vnd is None and not outside.ambiguous:
            return figure
        rule = N_("outside the funding item (it states no amount): {rule}").format(rule=outside.rule)
        return replace(outside, rule=rule, elsewhere=True)
    figure = funding_total(report, add_up=False)
    return replace(figure, rule=N_("outside the funding item (not found): {rule}").format(rule=figure.rule),
                   elsewhere=True)


def _unwrapped(block: str) -> str:
    """The prose with each sentence cut by a line break made one line again: a line that does
    not end a sentence or a clause (. ! ? ; :) followed by one that goes on with a word in
    lower case ("… tổng kinh phí của" / "tỉnh là 45.645 triệu đồng"), as a PDF's or a scan's
    printed lines are read; not a list item ("a) …", "- …") nor a new sentence."""
    lines = block.split("\n")
    joined = lines[:1]
    for line in lines[1:]:
        before, word = joined[-1].rstrip(), line.lstrip()
        if before and before[-1] not in ".!?;:" and word[:2].isalpha() and word[:1].islower():
            joined[-1] = f"{before} {word}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _line_total(line: str) -> Amount | None:
    """The total a line states: of a line that says so (_states_total), the first amount
    after the word that says it ("Năm 2022 bố trí 2.300 triệu đồng, lũy kế 45.670 triệu đồng":
    the second), else its first amount; its first too when the one after the word is a whole
    an amount before it is stated a share of ("30 tỷ đồng, bằng 40% tổng vốn 75 tỷ đồng":
    _without_wholes)."""
    amounts = amounts_in(line)
    if not amounts or not _states_total(line):
        return None
    folded = fold(line)
    at = min((i for i in (folded.find(w) for w in _TOTAL_WORDS) if i >= 0), default=0)
    after = next(iter(amounts_in(folded[at:])), None)
    if after is None or after.vnd not in {a.vnd for a in _without_wholes(line)}:
        return amounts[0]
    return after


def _share_of(total: Amount, text: str, line: str) -> Amount | None:
    """The amount its sentence says is a share of a stated total, in a later clause cut by ";":
    "Tổng mức đầu tư … là 59 tỷ đồng; đến nay đã giải ngân 38,5 tỷ đồng, đạt 65% tổng mức đầu
    tư" gives what was paid out, as `_without_wholes` does in a sentence without "tổng". Not when
    the total is broken down ("…; trong đó ngân sách tỉnh 60 tỷ đồng, chiếm 60%"): the whole is
    the total then."""
    sentence = next((s for s in re.split(r"\n|(?<=[.!?])\s", text) if line.strip() and line.strip() in s), None)
    if sentence is None or ";" not in sentence:
        return None
    rest = sentence[sentence.index(line.strip()) + len(line.strip()):]
    if _BREAKDOWN.match(fold(rest)):
        return None
    parts = [a for a in _without_wholes(sentence) if a.vnd < total.vnd]
    if total.vnd in {a.vnd for a in _without_wholes(sentence)} or len(parts) != 1:
        return None
    return parts[0]


# The scheme the reports are on ("Đề án", the province's smart-city scheme; aggregate/figures.py
# reads its approval by the same word), and a plan named as a document of its own: its kind
# written with a capital inside a sentence ("Kế hoạch chuyển đổi số của tỉnh", "Chương trình …";
# "kế hoạch vốn" is an allocation).
SCHEME = re.compile(r"(?<![a-z])de an(?![a-z])")
_NAMED_PLAN = re.compile(r"(?<=\s)(?:Kế hoạch|Chương trình|Dự án|Đề án)(?=\s)")


_BREAKDOWN_WORD = re.compile(r"(?<![a-z])(?:trong do|bao gom)(?![a-z])")


def _scheme_share(text: str, line: str) -> tuple[Amount | None, str]:
    """Of the sentence holding a total's line, where the total is a named plan's other than the
    scheme ("Tổng kinh phí thực hiện Kế hoạch chuyển đổi số của tỉnh … là 92.127 triệu đồng; trong
    đó kinh phí dành cho Đề án tại tỉnh là 19.649 triệu đồng", pool 48): the one amount of its
    breakdown whose clause says it is the scheme's (None when no one is), and that plan's name
    ("" for a total of no named plan, or of the scheme itself: "Tổng kinh phí là 50 tỷ đồng, trong
    đó … cho Đề án 20 tỷ đồng" is 50)."""
    sentence = next((s for s in re.split(r"\n|(?<=[.!?])\s", text) if line.strip() and line.strip() in s), None)
    if sentence is None:
        return None, ""
    cut = _BREAKDOWN_WORD.search(_fold_aligned(sentence))
    whole, parts = (sentence[:cut.start()], sentence[cut.end():]) if cut else (sentence, "")
    plans = list(_NAMED_PLAN.finditer(whole))
    if not plans or not amounts_in(whole) or SCHEME.search(fold(whole)):
        return None, ""
    named = [a for clause in re.split(r"[;,]\s", parts) if SCHEME.search(fold(clause)) for a in amounts_in(clause)]
    plan = " ".join(whole[plans[0].start():].split()[:6])
    return (named[0] if len(named) == 1 else None), plan


# "Vốn ngân sách tỉnh: 2.000 triệu đồng (chiếm 80% tổng vốn)": a share of a total the line does not
# give (no figure before the bracket, comma or end that closes it) says no total.
_SHARE_OF_UNSTATED_TOTAL = re.compile(r"\d\s*%\s*(?:cua\s+)?(?:tong|luy ke)[^\d()\[\],;]*?(?=[)\],;]|$)")


def _states_total(line: str) -> bool:
    """Whether the line says it gives a total: 'tổng …' anywhere (not a share of a total it does
    not give), or it opens as a total row is labelled ("Cộng …: 25.990 triệu đồng")."""
    folded = _SHARE_OF_UNSTATED_TOTAL.sub(" ", fold(line))
    return any(w in folded for w in _TOTAL_WORDS) or bool(_SUM_LINE.match(folded))


# An amount given as a label's value ("NSTW: 2.000 trđ"): where every amount is, they are a list
# of items alike, and one of them equal to the others' sum may be so by chance ("NSTW: 2.000 trđ,
# NSĐP: 1.500 trđ, XHH: 500 trđ": three sources), not their whole: for a person to check.
_LABELLED_AMOUNT = re.compile(rf"[^\W\d_][^,;:\n]{{0,40}}:\s*(?:{_NUMBER})\s*(?:{_UNIT})(?![a-z])")


def _sum_of_the_others(amounts: list[Amount]) -> Amount | None:
    """Of three amounts or more, the one the others add up to exactly: the total written
    with its parts ("2019: 5.960 triệu; 2020: 8.340 triệu; …" and then 14.300 triệu), whatever
    words label it, or written twice around them (the others but its repeats); adding it to
    its parts would count the money twice."""
    if len(amounts) < 3:
        return None
    everything = sum(a.vnd for a in amounts)
    whole = next((a for a in amounts if 2 * a.vnd == everything), None)
    if whole is not None:
        return whole
    # The total written before its parts and again after them ("… là 30 tỷ đồng, như sau: …;
    # ba nguồn trên là 30 tỷ đồng"): the one figure stated more than once that the others add
    # up to, each of its mentions left out.
    for a in amounts:
        rest = [b.vnd for b in amounts if b.vnd != a.vnd]
        if len(amounts) - len(rest) > 1 and len(rest) > 1 and sum(rest) == a.vnd:
            return a
    return None


def _without_wholes(line: str) -> list[Amount]:
    """The line's amounts, less each one another of its sentence is stated to be a share of:
    "kế hoạch … 79.900 triệu đồng; đã giải ngân 71.110 triệu đồng, đạt 88% kế hoạch" gives the
    part (what was paid out, 71.110), not the sum of the two. An amount is a share of another
    when a percentage written in the sentence is the first's part of the second (written
    rounded or cut: within SHARE_TOLERANCE points), whatever words say so."""
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s", line):
        amounts = amounts_in(sentence)
        shares = [float(p.replace(",", ".")) for p in _PERCENT.findall(fold(sentence))]
        wholes = {id(whole) for whole in amounts for part in amounts
                  if part.vnd < whole.vnd and any(abs(100 * part.vnd / whole.vnd - p) <= SHARE_TOLERANCE
                                                  for p in shares)}
        kept += [a for a in amounts if id(a) not in wholes]
    return kept


SHARE_TOLERANCE = 1.0


def _broken_down(sentence: str) -> Amount | None:
    """The amount right before "trong đó"/"bao gồm" in a sentence, if any."""
    folded = fold(sentence)
    for m in _AMOUNT.finditer(folded):
        if _BREAKDOWN.match(folded[m.end():]):
            return next((a for a in amounts_in(folded[:m.end()])[-1:]), None)
    return None


def _smallest_unit(amount: Amount) -> int:
    """The unit of an amount's last part: "30 ty" -> 10**9, "30 ty 375 trieu" -> 10**6."""
    last = amount.written.rsplit(" ", 1)[-1]
    return UNITS.get(last, 1)


def _rounded_to(vnd: Decimal, unit: int) -> int:
    """An amount worked out (a part over its share) to the unit the part was written in."""
    return int((vnd / unit).to_integral_value()) * unit


def _dong(vnd: int) -> str:
    return f"{vnd:,}".replace(",", ".") + " dong"


# -- tables ------------------------------------------------------------------------------
# The readers give a table as one line per row, its cells joined by " | " (parse/docx.py,
# parse/pdf.py). A merged cell is given once and an empty cell of a borderless PDF table
# not at all, so a row may have fewer cells than the header.

@dataclass(frozen=True)
class TableBlock:
    rows: tuple[str, ...]
    unit: str | None     # declared in its header, or before it ("Đơn vị: triệu đồng")


@dataclass(frozen=True)
class TableTotal:
    total: Amount | None         # the amount of the total row, in the amount column
    label: str                   # the total row's label, folded ("tong cong")
    items: tuple[Amount, ...]    # the amounts of the other rows
    guessed: bool                # the row's cells do not line up with the header: column guessed


# The label of a total row: "Tổng cộng", "TỔNG", "Cộng", "Tổng số", "Tổng cộng (I+II)",
# "Tổng kinh phí toàn tỉnh"; not an item that starts with the word ("Tổng đài 1022").
_TOTAL_LABEL = re.compile(r"(?:tong(?: cong| so)?(?: kinh phi| von| gia tri| muc dau tu)?|cong(?: tong)?)"
                          r"(?: toan (?:tinh|thanh pho|bo)| chung| giai doan [\d\s-]+)?\s*(?:\(.*\))?\s*:?")
# A header cell over amounts: "Kinh phí", "Số tiền", "Giá trị (tỷ đồng)"; "Nguồn vốn" names sources.
_MONEY_HEADER = re.compile(rf"kinh phi|so tien|gia tri|du toan|thanh tien|tong muc|chi phi|(?<!nguon )von\b"
                           rf"|\((?:don vi\s*:?\s*)?(?:{_UNIT})(?: dong)?\)")
_ROW_NUMBER = re.compile(r"\d{1,3}\.?|[ivxlc]{1,5}\.?|[a-d]\)?")


def _blocks(text: str) -> list[str | TableBlock]:
    """The text cut into prose and tables (runs of " | " rows), in order; each table with
    the unit its header declares, else the last one declared before it, else anywhere."""
    anywhere = declared_unit(text)
    blocks: list[str | TableBlock] = []
    prose: list[str] = []
    rows: list[str] = []
    before: str | None = None
    caption: str | None = None

    def close_table():
        if rows:
            blocks.append(TableBlock(tuple(rows), declared_unit("\n".join(rows)) or caption or before or anywhere))
            rows.clear()

    for line in text.split("\n"):
        if " | " in line:
            if prose:
                # the table's caption, the line right above it, closing with its unit in brackets
                # ("Bảng: Kinh phí thực hiện (triệu đồng)")
                last = next((p for p in reversed(prose) if p.strip()), "")
                unit = _CAPTION_UNIT.search(fold(last))
                caption = unit[1] if unit else None
                blocks.append("\n".join(prose))
                prose.clear()
            rows.append(line)
            continue
        close_table()
        prose.append(line)
        declared = _DECLARED_UNIT.findall(fold(line))
        before = declared[-1] if declared else before
    close_table()
    if prose:
        blocks.append("\n".join(prose))
    return blocks


def table_total(rows: tuple[str, ...], unit: str | None) -> TableTotal:
    """The amount a table's total row gives in its amount column (the header cell that
    speaks of money), and the amounts of its other rows."""
    cells = [[fold(c) for c in re.split(r"\s*\|\s*", row.strip())] for row in rows]
    header = next((r for r in cells if not any(_cell_amount(c, unit) for c in r)), None)
    money, unsure = _money_column(header) if header else (None, False)
    totals, items, items_guessed = [], [], False
    for row in cells:
        if row is header:
            continue
        amount, guessed, found = _row_amount(row, header, money, unit)
        if amount is None:
            continue
        label = _label(row)
        if label is not None and _TOTAL_LABEL.fullmatch(label):
            totals.append((label, amount, guessed, found))
        else:
            items.append(amount)
            items_guessed = items_guessed or guessed
    if not totals:
        return TableTotal(None, "", tuple(items), False)
    # The grand total: a "Tổng …" row over a "Cộng" subtotal, the largest of those.
    label, amount, guessed, found = max(totals, key=lambda t: (t[0].startswith("tong"), t[1].vnd))
    # Where the total row's column was guessed but the rows' was not, the cell that adds
    # the rows up is the total.
    checkable = guessed and money is not None and not unsure and not items_guessed
    adds_up = [a for a in found if a.vnd == sum(i.vnd for i in items)] if checkable else []
    if adds_up:
        amount, guessed = adds_up[0], False
    return TableTotal(amount, label, tuple(items), guessed or unsure)


def _cell_amount(cell: str, unit: str | None) -> Amount | None:
    """The amount a cell holds: written with its unit, or a bare number in the table's unit."""
    written = amounts_in(cell)
    if written:
        return written[0]
    return _bare_amount(cell, unit) if unit else None


def _money_column(header: list[str]) -> tuple[int | None, bool]:
    """The header cell over the amounts; of several, the one that says 'tổng', else the
    last, unsure (planned and spent? two years?)."""
    columns = [i for i, c in enumerate(header) if _MONEY_HEADER.search(c) or (i and _TOTAL_LABEL.fullmatch(c))]
    total = [i for i in columns if re.search(r"(?<![a-z])(tong|cong)(?![a-z])", header[i])]
    return (total or columns or [None])[-1], not total and len(columns) > 1


def _row_amount(row: list[str], header: list[str] | None, money: int | None,
                unit: str | None) -> tuple[Amount | None, bool, list[Amount]]:
    """The row's amount in the money column: by position when the row has the header's
    cells, the only amount when it has one, else counted from the right (a merged cell is
    given once, usually a label on the left) and marked guessed; and all its amounts."""
    if money is not None and header is not None:
        column_unit = _HEADER_UNIT.search(header[money])
        unit = column_unit[1] if column_unit else unit
    if header is not None and len(row) == len(header):
        unit = _row_unit(row, header) or unit
    found = {i: a for i, c in enumerate(row) for a in [_cell_amount(c, unit)]
             if a is not None and not (i == 0 and len(row) > 1 and re.fullmatch(_NUMBER, c))}  # a row number
    amounts = list(found.values())
    if money is not None and header is not None and len(row) == len(header):
        return found.get(money), False, amounts
    if len(found) <= 1:
        return next(iter(amounts), None), False, amounts
    at = len(row) - (len(header) - money) if money is not None and header is not None else None
    return found.get(at, found[min(found)]), True, amounts


_UNIT_HEADER = re.compile(rf"\s*{_UNIT_LABEL}\s*")
_UNIT_CELL = re.compile(rf"\s*({_UNIT})(?: dong)?\s*")


def _row_unit(row: list[str], header: list[str]) -> str | None:
    """The unit a row's own cell under a header "Đơn vị tính" gives its figures ("triệu đồng"),
    as a table of mixed rows says it row by row."""
    return next((m[1] for head, cell in zip(header, row, strict=True) if _UNIT_HEADER.fullmatch(head)
                 for m in [_UNIT_CELL.fullmatch(fold(cell))] if m), None)


def _label(row: list[str]) -> str | None:
    """The row's first cell of words (after an empty or numbering cell)."""
    for cell in row:
        if cell and not _ROW_NUMBER.fullmatch(cell) and not re.fullmatch(_NUMBER, cell):
            return cell
    return None


# Numbers in words, as after "Bằng chữ:" (folded): "ba muoi ty ba tram bay muoi lam trieu dong".
_DIGIT_WORDS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
                "nham": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_SCALE_WORDS = {"nghin": 10**3, "ngan": 10**3, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_SPELLED = re.compile(r"bang chu\s*:?\s*([a-z ]+?)\s*(?:dong|vnd)\b")
# An amount in words with no "bằng chữ" before it: number words, one of them a scale
# ("mười hai tỷ năm trăm triệu đồng"), right before "đồng".
_NUMBER_WORD = "|".join(sorted({*_DIGIT_WORDS, *_SCALE_WORDS, "muoi", "tram", "linh", "le", "ruoi"}, key=len,
                               reverse=True))
# "tư", "lăm", "linh", "rưỡi" only follow another number word
_NEVER_FIRST = {"tu", "lam", "nham", "linh", "le", "ruoi"}
_IN_WORDS = re.compile(rf"(?<![a-z])((?:(?:{_NUMBER_WORD})\s+)+)(?:dong|vnd)\b")


def spelled_amounts(folded: str) -> list[tuple[str, int]]:
    """Amounts written in words, in đồng: after "bằng chữ"; else a run of number words
    holding a scale (nghìn, triệu, tỷ) right before "đồng"."""
    found = []
    for m in _SPELLED.finditer(folded):
        vnd = words_to_number(m[1].split())
        if vnd:
            found.append((m[1], vnd))
    if found:
        return found
    for m in _IN_WORDS.finditer(folded):
        words = m[1].split()
        while words and words[0] in _NEVER_FIRST:
            words = words[1:]  # "đầu tư mười tỷ đồng": "tư" is 4 only after "mươi"
        vnd = words_to_number(words) if len(words) >= 2 and set(words) & set(_SCALE_WORDS) else None
        if vnd:
            found.append((" ".join(words), vnd))
    return found


def words_to_number(words: list[str]) -> int | None:
    """Vietnamese number words to a number: "mot ty hai tram linh nam trieu" -> 1_205_000_000.
    None when a word is no number word. A scale larger than the one before multiplies
    all before it ("mot nghin hai tram ty": 1.200 tỷ). "rưỡi" is half the word before it: of a
    scale ("một tỷ rưỡi": 1,5 tỷ) or of a hundred ("một trăm rưỡi": 150)."""
    total = chunk = last_scale = 0
    digit: int | None = None
    before = None
    for word in words:
        if word == "ruoi":
            if before in _SCALE_WORDS:
                total += _SCALE_WORDS[before] // 2
            elif before == "tram":
                chunk += 50
            else:
                return None
        elif word in _DIGIT_WORDS:
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
        before = word
    return total + chunk + (digit or 0)
