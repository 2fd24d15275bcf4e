"""Whether a text layer reads as Vietnamese: a copier's own OCR (often run without Vietnamese)
lays text under the page image that a reader would take as it is, "Két qua ting dung céng
nghé" for "Kết quả ứng dụng công nghệ". Measured without a dictionary, by the spelling rules
every Vietnamese syllable obeys:

- a syllable is an onset (b, ch, gh, ngh, qu, tr, ...), a vowel group from the closed set
  Vietnamese writes (a, oa, uyê, ươi, ...) and a final (c, ch, m, n, ng, nh, p, t) or none,
  with at most one tone mark;
- most Vietnamese syllables carry a mark (a tone, or â ê ô ơ ư ă đ): in prose about four in
  five, while text read without Vietnamese keeps few marks and breaks syllables ("dugc",
  "Nhifng", "viéc": "ie" is written only as "iê").

`vietnamese_share` is the share of a text's syllable-like words that are valid and marked:
0.5-0.8 on Vietnamese prose, headings in capitals included; under 0.2 on a layer read
without Vietnamese.

`unreadable` says the opposite of a text whose letters are Vietnamese's but whose words are
not: legacy text read without its font ("Céng hoµ x· héi", "Coäng hoøa"), UTF-8 read as
Windows-1252 ("Cá»™ng"). Only words with a letter beyond ASCII are weighed (legacy.is_syllable,
the strict spelling rules): English words, acronyms ("CNTT", "IOC"), numbers and addresses
are ASCII and normal in a report.
"""

from __future__ import annotations

import re
import unicodedata

from baocao.parse.legacy import is_syllable

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_ONSETS = ("ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]")
_VOWELS = ("uyê|uya|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|"
           "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
           "[aăâeêioôơuưy]")
_FINALS = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(f"(?:{_ONSETS})?(?:{_VOWELS})(?:{_FINALS})?")
_WORD = re.compile(r"[^\W\d_]+")
_EDGES = re.compile(r"^\W+|\W+$")  # the marks around a word ("(TS)", "ốc...”")
_MARKED = set("ăâêôơưđ")
# A text with fewer syllable-like words says too little to judge.
MIN_WORDS = 30


def syllable_marks(word: str) -> tuple[bool, bool]:
    """(valid, marked): whether `word` is spelt as a Vietnamese syllable can be, and whether
    it carries a tone or a letter of its own (ă â ê ô ơ ư đ)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONES for ch in decomposed)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    valid = tones <= 1 and _SYLLABLE.fullmatch(bare) is not None
    return valid, tones > 0 or any(ch in _MARKED for ch in bare)


def vietnamese_share(text: str) -> float | None:
    """The share of the text's words that are valid, marked Vietnamese syllables; None when
    it has fewer than MIN_WORDS words of letters."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    good = 0
    for word in words:
        valid, marked = syllable_marks(word)
        good += valid and marked
    return good / len(words)


# Of a text's words with a letter beyond ASCII, the share that are no Vietnamese syllable above
# which nobody can read it. Measured 2026-12 on the expected texts of the tuned corpus and pools
# 1-22 (7,335 cells): at most 0.11 ("Đắk Lắk": k is no Vietnamese final); on those cells typed
# in TCVN3 and read without the font: 0.69 or more for nine in ten, VNI 0.82, UTF-8 read as
# Windows-1252 0.28 at least. The OCR of pools 1-22's scans, in runs of one to three paragraphs:
# above the share only in a letterhead's stamp, a table's words run together ("Nềntngdữlệmởể") or
# a back page's print showing through, mirrored, all but the last with fewer than
# UNREADABLE_MIN_WORDS such words, which say too little.
UNREADABLE_SHARE = 0.25
UNREADABLE_MIN_WORDS = 10


def unreadable(text: str) -> bool:
    """Whether `text` is not readable Vietnamese: too many of its words with a letter beyond
    ASCII are no Vietnamese syllable (mojibake from a wrong decoding, a broken font)."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    if len(words) < UNREADABLE_MIN_WORDS:
        return False
    return sum(not is_syllable(w) for w in words) > UNREADABLE_SHARE * len(words)


# The share of a line's printed characters in Vietnamese syllables below which OCR read no words
# there but specks and a leader's dots ("(TS) 519) 51100j53412110111i 010017770700"): measured
# 2026-12 on pool 25's scans, a contents' garbled entries 0.03-0.14, a body line 0.8 or more, a
# line of figures 0.1-0.3 (so only where the words around say contents, sections._without_contents).
GARBLED_SHARE = 0.2


def garbled(text: str) -> bool:
    """Whether a recognised line holds almost no word: few of its characters in syllables."""
    tokens = text.split()
    printed = sum(len(token) for token in tokens)
    words = sum(len(token) for token in tokens if is_syllable(_EDGES.sub("", token)))
    return printed > 0 and words < GARBLED_SHARE * printed
