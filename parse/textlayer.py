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
"""

from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_ONSETS = ("ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]")
_VOWELS = ("uyê|uya|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|"
           "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
           "[aăâeêioôơuưy]")
_FINALS = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(f"(?:{_ONSETS})?(?:{_VOWELS})(?:{_FINALS})?")
_WORD = re.compile(r"[^\W\d_]+")
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
