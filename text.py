"""Vietnamese text as data: NFC for keeping, a folded form for matching.

The original text is always kept (NFC) for the report; `fold` is only ever used to
compare, so "Thanh Hoá", "THANH HÓA" and "thanh hoa" all meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b"), "'") | dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u201f"), '"'
)
# The fraction and division slashes OCR may read a date's or a figure's slash as ("5⁄5⁄2022").
_SLASHES = dict.fromkeys(map(ord, "\u2044\u2215\uff0f"), "/")
_SPACE = re.compile(r"\s+")
# Every combining mark Vietnamese uses (and the rest of the block): tones, circumflex,
# breve, horn.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# The đồng sign (₫, as a spreadsheet's Vietnamese currency format prints "4.230.000.000 ₫") is
# the đồng as "đ" writes it.
_LETTERS = {ord("đ"): "d", ord("Đ"): "D", ord("₫"): "d"} | _DASHES | _SLASHES | _QUOTES


def nfc(text: str) -> str:
    """Text as stored and shown: NFC, so precomposed and decomposed input compare equal."""
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=512)
def fold(text: str) -> str:
    """Matching key: no diacritics (so no accent-placement question), đ→d, case-folded,
    one kind of dash, slash and quote, single spaces. Cached: a message's subject and body are
    folded by several matchers in turn."""
    return _SPACE.sub(" ", unmarked(text).casefold()).strip()


def unmarked(text: str) -> str:
    """The text without its diacritics, đ→d, one kind of dash, slash and quote, its case kept:
    for comparing what OCR read where its case says something ("Bình điện III." for "Bình diện
    III.", a letter ladder's "C." and "c." two)."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).translate(_LETTERS)


def plain_marks(text: str) -> str:
    """The text with each dash or slash that stands for a hyphen or a slash made one, character
    for character: a non-breaking hyphen in "139/BC‑UBND" (Word's w:noBreakHyphen), a
    fraction or division slash OCR read ("85⁄BC-UBND"). What fold does to them, the rest
    kept as written."""
    return text.translate(_DASHES | _SLASHES)


def clean_line(text: str) -> str:
    """A line for display: NFC, non-breaking and repeated spaces collapsed."""
    return _SPACE.sub(" ", nfc(text).replace("\u00a0", " ")).strip()


def address_in_domain(address: str, domain: str) -> bool:
    """An address at the domain or one of its subdomains: sxd.hanoi.gov.vn is Hà Nội's,
    nothanoi.gov.vn and hanoi.gov.vn.evil.example are not."""
    at = address.rpartition("@")[2].lower().strip(".")
    return at == domain or at.endswith("." + domain)
