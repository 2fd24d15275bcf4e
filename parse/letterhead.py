"""The report's own number and date, read from its letterhead ("Số: 139/BC-UBND",
"Bắc Kạn, ngày 23 tháng 5 năm 2022"), so the national report can cite each report as
the ministry does: "Báo cáo số 139/BC-UBND ngày 23/5/2022 của UBND tỉnh Bắc Kạn".

The letterhead is the text before the first outline item (parse.sections): it also holds
the covering sentence citing the ministry's request ("Thực hiện văn bản số 1683/BXD-PTDT
ngày 16/5/2022 …"), which must not be taken for the report's own number or date. The
report's number follows "Số" written as a field (capital S, usually a colon); its date
follows the place and a comma, or starts a line or a table cell, or stands under the
national motto ("… Hạnh phúc ngày 3 tháng 5 năm 2022": no place, the cell read as one line).

A report sent under a covering letter ("Số: 527/SXD-QLĐT / V/v gửi Báo cáo …", then the
report itself) has two letterheads: the report's own is the one right above its title
("BÁO CÁO"), so the number and date read are the last ones before the title. A covering
letter read without the report's letterhead (its subject line "V/v gửi Báo cáo …", no title
under it) names the report it sends: "… gửi kèm Báo cáo số 296/BC-UBND ngày 20/5/2022".

A report whose letterhead leaves the place and date out has them above the signer's title
instead ("Hà Nội, ngày 23 tháng 5 năm 2022" in the signature block, after "Nơi nhận"): read
there, in the same shapes, when the letterhead gives none."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from baocao.text import fold, nfc, plain_marks

# "139/BC-UBND", "05 / BC-SXD", "215/BC–UBND" (en dash), "12/TTr-UBND"; also a bare code after a
# dash, no document type ("139-UBND"), as some offices number their letters: kept as written; and
# a slash for the hyphen between the type and the issuer ("139/BC/UBND"), kept as written too: a code
# of two capitals or more after it, no slash after that (not the "V" of a subject line's "V/v"); and a
# full stop for it, no space around ("139/BC.UBND"), as some offices write it: kept as written (a
# full stop then a space ends the sentence, not the code).
_SYMBOL = (r"[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-–—]\s*[A-ZĐ][A-ZĐ0-9]*|[ \t]*/[ \t]*[A-ZĐ]{2}[A-ZĐ0-9]*\b(?!\s*/)"
           r"|\.[A-ZĐ]{2}[A-ZĐ0-9]*)*")
_SEPARATOR = r"\s*([/\-–—])\s*"
# The number's digits, with the year of its issue after them when so numbered ("244/2022/BC-UBND",
# as Nghị định 30/2020/NĐ-CP numbers decrees): read whole, the year part of the number. A lower-case
# letter right after the digits is the number's too ("315a/BC-UBND"): an office that issues a letter
# between two already numbered gives it the number before and a letter.
_DIGITS = r"\d{1,5}[a-zđ]?(?:\s*/\s*(?:19|20)\d{2})?"
_NUMBER = re.compile(rf"(?<![\d/])({_DIGITS}){_SEPARATOR}({_SYMBOL})")
# "Số:", also "Số hiệu:" (the number's designation, as some offices label it).
_FIELD = re.compile(r"(S[^\s:]{1,2})(?:[ \t]+h[^\s:]{1,3}u)?\s*:?\s*$")
# The number's digits alone at the end of their line or cell ("Số: 139"), its symbol wrapped
# onto a line or cell of its own ("/BC-UBND"): the next line of a narrow cell, or a line or two
# further down when the letterhead's two columns are read line by line (the place and date
# between).
_DIGITS_ALONE = re.compile(rf"(?<![\d/])({_DIGITS})[ \t]*(?=\n|[ \t]\||$)")
_SYMBOL_ALONE = re.compile(rf"(?:^|\|)[ \t]*/[ \t]*({_SYMBOL})[ \t]*(?=\n|\||$)", re.M)
SYMBOL_LINES_BELOW = 3
# A "Số:" field with nothing after it in its line or cell, its number read as a block of its
# own a line or two away (OCR reads the label and the number printed beside it apart): the
# number that opens a line or cell there, within NUMBER_LINES_AWAY lines.
_BLANK_FIELD = re.compile(r"(?:^|\|)[ \t]*(S[^\s:|]{1,2})[ \t]*:[ \t]*(?=\n|\||$)", re.M)
_NUMBER_ALONE = re.compile(rf"(?:^|\|)[ \t]*(?<![\d/])({_DIGITS}){_SEPARATOR}({_SYMBOL})", re.M)
# A number closing the issuer's cell (a line's first cell), its name before it and no "Số" (as
# some offices write it: "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU 418/BC-UBND", the cell's paragraphs read as
# one line).
_NUMBER_CLOSING = re.compile(rf"(?<![\w/])({_DIGITS}){_SEPARATOR}({_SYMBOL})[ \t]*$")
NUMBER_LINES_AWAY = 2
# A number whose slash OCR misread in a scan, right after a "Số" field: read as a dot, a colon or
# a quote ("85.BC-UBND", "278:BC-UBND", "209 'BC-UBND"), or dropped ("380BC-UBND"). Only a code
# shaped as a report's (a type and its issuer joined: "BC-UBND"), so that no other figure is read.
_NUMBER_MISREAD = re.compile(rf"(?<![\d/])(\d{{1,5}})[ \t]*[.:'’‘`,]?[ \t]*({_SYMBOL})")
# A report's code whose "B" OCR read as an "8" in a scan ("209/8C-UBND"): no document type's
# code opens with a digit, and of them only a report's "BC" is an "8" then a "C"; right after a
# "Số" field, its issuer after a dash, read as the report's code. Any other digit for a letter
# stays unread (no code is sure then).
_REPORT_CODE_MISREAD = re.compile(rf"(?<![\d/])({_DIGITS}){_SEPARATOR}8(C[ \t]*[-–—][ \t]*[A-ZĐ][A-ZĐ0-9]*)\b")
# "Số" as OCR misreads its "ố" in a scan: "S6", "S0", "Soö" (its marks read as a second letter).
_NUMBER_FIELDS = ("so", "s6", "s0", "soo")
# A month written as a name, folded: in Roman numerals ("ngày 23/V/2022"), as some offices write
# it, or in Vietnamese words ("ngày 3 tháng Năm năm 2022", "tháng Mười một", "tháng Giêng" for
# the first, "tháng Chạp" for the twelfth, "tháng Tư" or "tháng Bốn" for the fourth). Each name
# and its number once (month_number); the alternatives longest first, so that "muoi mot" is not
# read as "muoi".
_MONTH_NAMES = {
    **{roman: n for n, roman in enumerate(
        ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"), start=1)},
    **{word: n for n, word in enumerate(
        ("mot", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "muoi mot", "muoi hai"), start=1)},
    "gieng": 1, "bon": 4, "chap": 12,
}


def _alternatives(names: Iterable[str]) -> str:
    """The names as one regex alternation, the longest first."""
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True))


_MONTH_ROMAN = _alternatives(name for name in _MONTH_NAMES if set(name) <= set("ivx"))
_MONTH_WORD = _alternatives(name for name in _MONTH_NAMES if not set(name) <= set("ivx"))


def month_number(month: str) -> int:
    """The month's number, from its digits or its folded name (_MONTH_NAMES)."""
    return int(month) if month.isdigit() else _MONTH_NAMES[re.sub(r"\s+", " ", month)]


# Where a date line starts, folded: a line or table cell, or after the place and its comma;
# or right under the national motto ("Độc lập - Tự do - Hạnh phúc"), where the date line is
# written whatever stands before its "ngày" (a place, or nothing): a letterhead cell's
# paragraphs are read as one line ("… Hạnh phúc ngày 3 tháng 5 năm 2022", "… Hạnh phúc
# ------- Hà Tĩnh ngày …"), so the motto, the rule typed under it and a place of a few words
# with no comma are what stand before the date there. A place opening its line or cell without
# its comma is given one first (_placed).
_DATE_LINE_START = r"(?:^|[,|]|\bhanh\s*phuc[\s._\-–—]*(?:[a-z]+[\s\-–—]+){0,5}?)"
# Folded, so that OCR's wrong diacritics do not matter; a vowel misread outright ("ndm" for
# "năm") is tolerated in each word, the digits and a real date still required. The year may
# come a cell later, when a two-column letterhead is read line by line and the other column's
# line falls between "năm" and the year it wrapped ("ngày 20 tháng 5 năm | V/v báo cáo … | 2022"),
# whatever that line holds: the report's number too ("ngày 4 tháng 5 năm | 182/BC-UBND | 2022").
# The year may follow the month after a slash instead of "năm" ("ngày 12 tháng 5/2022"; folded, a
# fraction slash is one too), and a day's "1" may be OCR's "I" or "l" ("ngày I6 tháng 5"). A form's
# dotted blanks filled in may stand round the day and the month ("ngày..21..tháng..5..năm 2022",
# "ngày …21… tháng …5… năm 2022": _BLANK).
_BLANK = r"[\s.…_]*"
_DATE_WORDS = re.compile(rf"{_DATE_LINE_START}\s*ng[a-z]y{_BLANK}[,:]?{_BLANK}(\d{{1,2}}|[il]\d){_BLANK}\|?\s*"
                         rf"th[a-z]ng{_BLANK}(\d{{1,2}}|{_MONTH_WORD})"
                         rf"{_BLANK}(?:\|?\s*n[a-z]m\s*(?:\|?\s*|\|[^|]{{1,80}}\|\s*)|/\s*)(\d{{4}})")
# The document-type line over the report's subject: its title.
_TITLE = re.compile(r"^\s*bao cao\s*$")
# A letter's subject line ("V/v gửi Báo cáo …", Nghị định 30/2020): a letter, not a report.
_SUBJECT = re.compile(r"(?:^|[\s|])V/v\b")
# The report a covering letter cites: "Báo cáo số 296/BC-UBND ngày 20/5/2022".
_CITED = re.compile(r"[Bb]áo cáo số\s*(?=\d)")
_CITED_DATE = re.compile(r"\s*ngay\s*(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})")
# A date OCR garbled round its words (a photographed screen's moiré): "Hải Dương, 1 ngày 26
# tháng /fÌJ[rTfff 5 năm 2022" (a stray mark after the place's comma, junk after "tháng"; a
# stray word of a few letters before or after "ngày", before "tháng" and the year too: "ngày gáy 17",
# "SE ngày hệt” 7" (a smudge over the day read as a word and a quote),
# "DU ngày 3 BA tháng", "g, ngay ngày 26 tháng ng 5 năm l 2022", a speck before "năm" read as a
# mark: "tháng 5.năm 2022"), or its "ngày" unreadable and the rest opening a line or cell.
# Read only when no date is found whole, so that a date in a sentence never stands for the
# letterhead's; the day, month and year must still make a date.
_DATE_GARBLED = re.compile(r"(?:^|[,|])\s*(?:(?:\S{1,4}\s+)?ng[a-z]y\s*(?:[^\d\s|]{1,4}\s+)?)?"
                           r"(\d{1,2})\s*(?:[^\d\s|]{1,3}\s+)?"
                           r"th[a-z]ng[^\d|]{0,12}?(\d{1,2})"
                           r"\s*(?:[.,:]\s*)?n[a-z]m\s*(?:[^\d\s|]{1,2}\s+)?(\d{4})")
# The month may be a Roman numeral ("ngày 23/V/2022"), as some offices write it; a separator OCR
# read twice ("ngày 11/⁄5⁄2022", a slash and a fraction slash) is still one.
_DATE_DIGITS = re.compile(rf"{_DATE_LINE_START}\s*ngay\s*(\d{{1,2}})\s*[/.-]{{1,2}}\s*"
                          rf"(\d{{1,2}}|{_MONTH_ROMAN})\s*[/.-]{{1,2}}\s*(\d{{4}})")
# The date in digits right after the place and its comma, with no "ngày" ("Bắc Kạn, 23/05/2022"):
# read only when no date with its words is found.
_DATE_PLACED_DIGITS = re.compile(rf"(?<=[a-z])\s*,\s*(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}}|{_MONTH_ROMAN})\s*[/.-]\s*"
                                 rf"(\d{{4}})(?!\d)")

# A report dating itself in a sentence of its own before the closing ("Báo cáo này được lập
# ngày 23 tháng 5 năm 2022."): "báo cáo này", then a whole date, in one sentence.
_SELF_DATED = re.compile(r"\bbao cao nay\b[^.;!?|]*?\bngay\s*(\d{1,2})\s*(?:thang\s*|/)(\d{1,2})\s*(?:nam\s*|/)(\d{4})")
# Longer than this, a sentence naming the report and a date is the report's text, not its date line.
SELF_DATED_MAX_WORDS = 20

T = TypeVar("T")


@dataclass(frozen=True)
class ReportReference:
    number: str | None     # "139/BC-UBND"
    date: date | None


def report_reference(letterhead: str, signoff: str = "") -> ReportReference:
    """The number and date of the letterhead; the date of the signature block (`signoff`,
    the text from the closing on) when the letterhead has none."""
    return ReportReference(report_number(letterhead), report_date(letterhead) or signed_date(signoff))


def report_number(letterhead: str) -> str | None:
    """The number written after a "Số:" field: the last one above the report's title when
    there is one above it, else the first; None when the field is left blank (a draft:
    "Số:     /BC-UBND") or absent. A scan whose "Số:" OCR garbled ("Số" and "ố:" on two
    lines), or a letterhead written without "Số", still has its number: one opening a line
    or cell above the title, or closing the issuer's cell there (_unlabelled). A slash OCR read
    as a fraction or division slash ("85⁄BC-UBND") is a slash, a non-breaking hyphen
    ("176/BC‑UBND") a hyphen (plain_marks)."""
    letterhead = _digit_for_letter(plain_marks(letterhead))
    number = _own(letterhead, _numbers, 0) or _unlabelled(nfc(letterhead))
    return _code_restored(number, nfc(letterhead)) if number else None


# A number's first digit OCR read as the letter it looks like ("A2/BC-UBND" for "42/BC-UBND"),
# the number opening its line or cell or right after its "Số:" field: the digit. Another letter
# glued to the digits is no digit's: the number is not read (_NUMBER_CLOSING's lookbehind), since
# a number read without its first digit is cited wrong with no doubt shown.
# A "1" may come as an inverted exclamation mark, its serif read as the dot ("Số: ¡31/BC-UBND" for
# "131/…", pool 50's Quảng Trị), or as "!".
_DIGIT_LOOKALIKES = {"A": "4", "O": "0", "I": "1", "l": "1", "¡": "1", "!": "1", "S": "5", "Z": "2", "B": "8",
                     "G": "6"}
_LETTER_FOR_DIGIT = re.compile(rf"(?:(?<=^)|(?<=[|:])|(?<=^[ \t])|(?<=[|:][ \t]))([{''.join(_DIGIT_LOOKALIKES)}])"
                               r"(\d{1,4})(?=[ \t]*/[ \t]*[A-ZĐ]{2})", re.M)


def _digit_for_letter(text: str) -> str:
    """The text with each number's first digit OCR read as a letter written as the digit
    (_DIGIT_LOOKALIKES)."""
    return _LETTER_FOR_DIGIT.sub(lambda m: _DIGIT_LOOKALIKES[m[1]] + m[2], text)


# OCR's misreads of a report's code in a scan, taken back by what the letterhead's structure
# tells: under a "BÁO CÁO" title the document's type is a report's, so a two-letter type opening
# with "B" whose "C" OCR read as a round letter ("BG", "BU", "BO", "BE", "BQ") is "BC"; and a
# letterhead headed "ỦY BAN NHÂN DÂN" is issued by the province's UBND, so an issuer's code one
# letter off "UBND" (a stroke of it read as an "I": "UIBND", "UBNID"; or one letter misread) is
# "UBND".
_REPORT_TYPE_MISREAD = re.compile(r"(?<=/)B[GUOEQ](?=-)")
_PEOPLES_COMMITTEE = re.compile(r"\buy\s*ban\s*nhan\s*dan\b")
PEOPLES_COMMITTEE_CODE = "UBND"


def _code_restored(number: str, letterhead: str) -> str:
    """The number with its report's type and its issuer's code as the letterhead shows them
    (_REPORT_TYPE_MISREAD, _PEOPLES_COMMITTEE)."""
    if any(_TITLE.match(fold(line)) for line in letterhead.split("\n")):
        number = _REPORT_TYPE_MISREAD.sub("BC", number)
    head, dash, issuer = number.rpartition("-")
    committee = _PEOPLES_COMMITTEE.search(fold(letterhead))
    if dash and "/" in head and committee and _one_letter_off(issuer, PEOPLES_COMMITTEE_CODE):
        number = f"{head}-{PEOPLES_COMMITTEE_CODE}"
    return number


def _one_letter_off(code: str, wanted: str) -> bool:
    """Whether the code is the wanted one with one letter added or one letter misread."""
    if len(code) == len(wanted) + 1:
        return any(code[:at] + code[at + 1:] == wanted for at in range(len(code)))
    return len(code) == len(wanted) and sum(a != b for a, b in zip(code, wanted, strict=True)) == 1


def _unlabelled(text: str) -> str | None:
    """The number opening a line or cell above the report's title, shaped as a document's
    number is (digits, then a code of the document's type and its issuer joined by a dash:
    "281/BC-UBND"), when no "Số:" field gave one; else the one closing the issuer's side of
    the letterhead (a line's first cell: the body's name, then its number, no "Số"); None
    without a title line above which to look, or with no such number there."""
    lines = text.split("\n")
    end = next((at for at, line in enumerate(lines) if _TITLE.match(fold(line))), None)
    if end is None:
        return None
    for m in _NUMBER_ALONE.finditer("\n".join(lines[:end])):
        if _joined(m[3]):
            return _written(m[1], m[3], m[2])
    for line in lines[:end]:
        m = _NUMBER_CLOSING.search(line.split("|")[0])
        if m and _joined(m[3]):
            return _written(m[1], m[3], m[2])
    return None


def _joined(symbol: str) -> bool:
    """Whether the code is a document's type and its issuer joined ("BC-UBND", "BC/UBND")."""
    return bool(re.search(r"[-–—/]", symbol))


def report_date(letterhead: str) -> date | None:
    """The date after the place ("Hà Nội, ngày 23 tháng 5 năm 2022"), also when a line
    break or a table cell splits it, the last one above the report's title when there is
    one above it, else the first; None when absent, left blank or impossible."""
    return _own(letterhead, _dates, 1)


def signed_date(signoff: str) -> date | None:
    """The date written above the signer ("Hà Nội, ngày 23 tháng 5 năm 2022"), in the text
    from the closing on: the first one before another document begins, at its "Số:" field
    or its title (a district's report attached after the signature has its own letterhead);
    None when absent or impossible."""
    lines = nfc(signoff).split("\n")
    end = next((at for at, line in enumerate(lines) if _TITLE.match(fold(line))), len(lines))
    text = "\n".join(lines[:end])
    field = next(iter(_fields(text)), None)
    return next(iter(_dates(text[:field.at] if field else text)), None) or self_dated(lines[0])


def self_dated(line: str) -> date | None:
    """The date of a short sentence in which the report dates itself ("Báo cáo này được lập
    ngày 23 tháng 5 năm 2022."): written where the signer's place and date would be, or
    instead of them."""
    if len(line.split()) > SELF_DATED_MAX_WORDS:
        return None
    m = _SELF_DATED.search(fold(nfc(line)))
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _own(letterhead: str, found: Callable[[str], list[T]], part: int) -> T | None:
    """The report's own of what `found` reads in the text: the last found above the first
    title line with any above it (a covering letter's come first); else, in a covering
    letter, the report it cites (`part` of _cited: 0 its number, 1 its date); else the
    first found."""
    text = nfc(letterhead)
    lines = text.split("\n")
    for end, line in enumerate(lines):
        if _TITLE.match(fold(line)):
            above = found("\n".join(lines[:end]))
            if above:
                return above[-1]
    cited = _cited(text) if _SUBJECT.search(text) else None
    if cited is not None:
        return cited[part]
    return next(iter(found(text)), None)


@dataclass(frozen=True)
class _Field:
    """A number written after a "Số:" field: where it starts, its digits, its symbol and the
    mark between them ("/", or "-" before a bare code)."""

    at: int
    digits: str
    symbol: str
    separator: str = "/"


def _written(digits: str, symbol: str, separator: str = "/") -> str:
    """A number as the ministry cites it: "139/BC-UBND" (or "139-UBND" when so numbered),
    whatever its spaces and dashes."""
    symbol = re.sub(r"\s*/\s*", "/", re.sub(r"\s*[-–—]\s*", "-", symbol))
    digits = re.sub(r"\s+", "", digits)
    return f"{digits}{'/' if separator == '/' else '-'}{symbol}"


def _cited(text: str) -> tuple[str, date | None] | None:
    """The number and date of the report a letter cites ("Báo cáo số 296/BC-UBND ngày
    20/5/2022"); None when it cites none by its number."""
    for m in _CITED.finditer(text):
        number = _NUMBER.match(text, m.end())
        if number is None:
            continue
        day = _CITED_DATE.match(fold(text[number.end():number.end() + 40]))
        try:
            when = date(int(day[3]), int(day[2]), int(day[1])) if day else None
        except ValueError:
            when = None
        return _written(number[1], number[3], number[2]), when
    return None


def _numbers(text: str) -> list[str]:
    return [_written(f.digits, f.symbol, f.separator) for f in _fields(nfc(text))]


def _fields(text: str) -> list[_Field]:
    """The numbers written after a "Số:" field, in order (text in NFC); also digits alone
    after the field whose symbol stands alone a few lines below (_SYMBOL_ALONE), and a
    report's code OCR misread (_NUMBER_MISREAD, _REPORT_CODE_MISREAD)."""
    found = [_Field(m.start(), m[1], m[3], m[2]) for m in _NUMBER.finditer(text) if _after_field(text, m.start())]
    for m in _DIGITS_ALONE.finditer(text):
        if not _after_field(text, m.start()) or any(f.at == m.start() for f in found):
            continue   # no field before it, or read whole already ("Số: 139\n/BC-UBND")
        below = "\n".join(text[m.end():].split("\n")[:SYMBOL_LINES_BELOW + 1])
        symbol = next((s for s in _SYMBOL_ALONE.finditer(below) if not _fields_between(below[:s.start()])), None)
        if symbol is not None:
            found.append(_Field(m.start(), m[1], symbol[1]))
    for m in _NUMBER_MISREAD.finditer(text):
        if _joined(m[2]) and _after_field(text, m.start()) and not any(f.at == m.start() for f in found):
            found.append(_Field(m.start(), m[1], m[2]))
    for m in _REPORT_CODE_MISREAD.finditer(text):
        if _after_field(text, m.start()) and not any(f.at == m.start() for f in found):
            found.append(_Field(m.start(), m[1], f"B{m[3]}", m[2]))
    for m in _BLANK_FIELD.finditer(text):
        if fold(m[1]) in _NUMBER_FIELDS and (number := _number_apart(text, m.start(1))) is not None:
            found.append(_Field(m.start(1), *number))
    return sorted(found, key=lambda f: f.at)


def _number_apart(text: str, at: int) -> tuple[str, str, str] | None:
    """The number opening a line or cell of its own nearest the blank field at `at` (its
    digits, symbol and separator): in the next cell of its line, else within NUMBER_LINES_AWAY lines
    above or below it, with no title or other "Số" field between; None when there is none."""
    lines = text.split("\n")
    row, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
    beside = _NUMBER_ALONE.search(lines[row], column)
    if beside is not None:
        return beside[1], beside[3], beside[2]
    if _NUMBER_ALONE.search(lines[row]):
        return None   # one before the field in its line: another field's
    for away in range(1, NUMBER_LINES_AWAY + 1):
        for other in (row - away, row + away):
            if not 0 <= other < len(lines):
                continue
            between = lines[min(row, other) + 1:max(row, other)] + [lines[other]]
            number = _NUMBER_ALONE.search(lines[other])
            if number and not _fields_between("\n".join(between[:-1])) and not _fields_between(
                    lines[other][:number.start(1)]):
                return number[1], number[3], number[2]
    return None


def _after_field(text: str, at: int) -> bool:
    """Whether a "Số:" field comes right before the position."""
    field = _FIELD.search(text[max(0, at - 12):at])
    return bool(field) and fold(field[1]) in _NUMBER_FIELDS


def _fields_between(text: str) -> bool:
    """Whether the text holds a "Số" field of its own (another document's) or a title."""
    return any(fold(w) in _NUMBER_FIELDS for w in re.findall(r"\bS\S{1,2}(?=\s*:)", text)) or any(
        _TITLE.match(fold(line)) for line in text.split("\n"))


# "Số 139/BC-UBND ngày 23/5/2022": the report's number and its date in one phrase, as a
# document is cited, no date line of its own (the number's end, "ngày" right after it).
_NUMBER_THEN_DATE = re.compile(rf"(?<![\d/]){_DIGITS}{_SEPARATOR}{_SYMBOL}(?=[ \t]*,?[ \t]*ng\w{{1,2}}\b)")


def _dated_apart(text: str) -> str:
    """The text with each date written right after the report's number (a "Số" field's)
    cut from it onto a line of its own, where a letterhead's date line is read."""
    ends = [m.end() for m in _NUMBER_THEN_DATE.finditer(text) if _after_field(text, m.start())]
    for end in reversed(ends):
        text = text[:end] + "\n" + text[end:].lstrip(" \t,")
    return text


# A place opening its line or cell, then "ngày" and its day: a few words, and the mark between
# (a comma, OCR's full stop for it, or none). Only a place's name: each word capitalised when no
# mark stands there ("Quảng Nam ngày 8 …", "TP. Hồ Chí Minh ngày …"), as a sentence's words are not
# ("Thực hiện Kế hoạch ngày 16 …"); but for the second word of the kind of place written out in
# front of its name, which is not ("Thành phố Hồ Chí Minh ngày …", "Thị xã Sơn Tây ngày …"): the
# kinds of place of two words (folded), a name of a capitalised word or more after them.
_PLACE_KINDS = ("thanh pho", "thi xa", "thi tran")
_PLACE_THEN_DAY = re.compile(r"(^|\|)([ \t]*)((?:[^\W\d_]+\.?[ \t]+(?:[-–—][ \t]+)?){0,4}[^\W\d_]+)[ \t]*(\.?)[ \t]*"
                             r"(?=(?i:ng\w{1,2})\b)", re.M)


def _placed(text: str) -> str:
    """The text with a comma after each place opening a date line without one (_PLACE_THEN_DAY,
    its kind written out in front of its name or not: _PLACE_KINDS), so that its date starts
    where a date line's does."""
    def comma(m: re.Match[str]) -> str:
        words = re.findall(r"[^\W\d_]+", m[3])
        if len(words) > 2 and words[0][0].isupper() and fold(" ".join(words[:2])) in _PLACE_KINDS:
            words = words[2:]   # "Thành phố Hồ Chí Minh": the kind of place, then its name
        if not m[4] and not all(word[0].isupper() for word in words):
            return m[0]
        return f"{m[1]}{m[2]}{m[3]}, "
    return _PLACE_THEN_DAY.sub(comma, text)


def _dates(text: str) -> list[date]:
    """The possible dates written in words, in order; if none, those written in digits (after
    "ngày", else right after the place's comma); if none, those OCR garbled round their words.
    A date right after the report's number is one (_dated_apart), and so is one after a place
    without its comma (_placed)."""
    folded = fold(_placed(_dated_apart(nfc(text))).replace("\n", " | "))
    for pattern in (_DATE_WORDS, _DATE_DIGITS, _DATE_PLACED_DIGITS, _DATE_GARBLED):
        dates = []
        for m in pattern.finditer(folded):
            day, month, year = int(re.sub("[il]", "1", m[1])), month_number(m[2]), int(m[3])
            try:
                dates.append(date(year, month, day))
            except ValueError:
                continue
        if dates:
            return dates
    return []
