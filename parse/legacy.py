"""Vietnamese typed in the legacy 8-bit font encodings TCVN3 (ABC) and VNI, to Unicode.

Before Unicode, Vietnamese was typed as ordinary 8-bit characters that only look right in
a matching font. Word stores each byte as the Windows-1252 character of the same code, so
a .docx in ".VnTime" holds "Céng hoµ" for "Cộng hoà", one in "VNI-Times" holds
"Coäng hoøa". The font name is the signal (`encoding_of_font`), but not proof: a TCVN3
file converted to Unicode (Unikey, Word) keeps its ".VnTime" fonts on Unicode text, which
decoding would spoil; `typed_in` says from a run's text whether it is really legacy. For
text whose font is lost (some PDFs) `detect_legacy` decides from the text itself.

Sources of the tables
---------------------
TCVN3 is the VN3 character set of TCVN 5712:1993 ("Công nghệ thông tin - Bộ mã chuẩn 8-bit
kí tự Việt dùng trong trao đổi thông tin"), the ABC fonts .VnTime, .VnArial, ...: one byte
for each lower-case letter and for the seven upper-case base letters Ă Â Ê Ô Ơ Ư Đ. Upper
case toned letters are not in VN3: they are typed with the lower-case codes in a separate
upper-case font (.VnTimeH, .VnArialH), which `to_unicode(..., upper_case_font=True)`
handles by upper-casing after conversion. The byte positions below are the VN3 positions
as listed in XFree86's `xc/lib/X11/lcUniConv/tcvn.h` (the same table as GNU libiconv's
TCVN converter; VN3 is the part of it above 0xA0 without the upper-case toned letters of
VN1) and in UniKey's charset tables (Pham Kim Long, unikey.sf.net); the two agree.
The VN1-only positions (upper-case toned letters at 0x80-0x9F, 0xAF, 0xBA, 0xBF,
0xC0-0xC5, ...) and the combining marks at 0xB0-0xB4 are left alone: the .Vn fonts are VN3.

VNI is the VNI Windows encoding of VNI Software (fonts VNI-Times, VNI-Helve, ...): a toned
or modified vowel is its ASCII base letter followed by one mark byte (upper-case letters
take the upper-case form of the mark), ơ ư đ and the i-family and ỵ are single bytes.
Layout as in UniKey's VNI table and in xvnkb's `vni.h` (Dao Hai Lam); they agree. The
PyPI package viparse 0.1.31 was evaluated and not used: its VNI table lacks ẳ/Ẳ ("aú")
and maps ỵ from "yï" instead of "î", it does not handle the upper-case .VnTimeH fonts,
and its content detection takes French ("Céline à Noël") for TCVN3.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from baocao.text import fold

TCVN3 = "tcvn3"
VNI = "vni"

# Tone marks in the order the tables below list them.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONES = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)
_VOWELS = "aăâeêioôơuưy"

# TCVN 5712:1993 VN3: for each vowel, its codes with grave, hook, tilde, acute, dot below.
_TCVN3_TONED = {
    "a": "\xb5\xb6\xb7\xb8\xb9",
    "ă": "\xbb\xbc\xbd\xbe\xc6",
    "â": "\xc7\xc8\xc9\xca\xcb",
    "e": "\xcc\xce\xcf\xd0\xd1",
    "ê": "\xd2\xd3\xd4\xd5\xd6",
    "i": "\xd7\xd8\xdc\xdd\xde",
    "o": "\xdf\xe1\xe2\xe3\xe4",
    "ô": "\xe5\xe6\xe7\xe8\xe9",
    "ơ": "\xea\xeb\xec\xed\xee",
    "u": "\xef\xf1\xf2\xf3\xf4",
    "ư": "\xf5\xf6\xf7\xf8\xf9",
    "y": "\xfa\xfb\xfc\xfd\xfe",
}
_TCVN3_PLAIN = dict(zip("\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae", "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))

# VNI Windows, lower case; upper case is the same with both characters upper-cased.
_VNI_TONE = dict(zip(_TONES, "øûõùï", strict=True))  # after a, e, o, u, y and after ô (ơ), ö (ư)
_VNI_CIRCUMFLEX = dict(zip(("",) + _TONES, "âàåãáä", strict=True))  # after a, e, o: â ê ô + tone
_VNI_BREVE = dict(zip(("",) + _TONES, "êèúüéë", strict=True))  # after a: ă + tone
_VNI_I = dict(zip(("",) + _TONES, "iìæóíò", strict=True))  # i-family: single characters
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ"}


def _compose(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _vietnamese_letters() -> list[str]:
    """The 67 lower-case letters that are not ASCII: 12 vowels x 5 tones and ă â ê ô ơ ư đ."""
    return [_compose(v, t) for v in _VOWELS for t in _TONES] + list("ăâêôơưđ")


def _tcvn3_code(letter: str) -> str:
    for vowel, codes in _TCVN3_TONED.items():
        for tone, code in zip(_TONES, codes, strict=True):
            if _compose(vowel, tone) == letter:
                return code
    return next(code for code, plain in _TCVN3_PLAIN.items() if plain == letter)


def _vni_code(letter: str) -> str:
    """VNI for one lower-case letter, from its decomposition: base, modifier, tone."""
    if letter in _VNI_SINGLE:
        return _VNI_SINGLE[letter]
    decomposed = unicodedata.normalize("NFD", letter)
    tone = next((m for m in decomposed if m in _TONES), "")
    base = unicodedata.normalize("NFC", decomposed.replace(tone, "") if tone else decomposed)
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == _DOT:
        return "î"
    if base in "âêô":
        return unicodedata.normalize("NFD", base)[0] + _VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + _VNI_BREVE[tone]
    if base in "ơư":
        return _VNI_SINGLE[base] + _VNI_TONE[tone]
    return base + _VNI_TONE[tone]


def _build_tables() -> tuple[dict[str, str], dict[str, str]]:
    tcvn3 = {_tcvn3_code(letter): letter for letter in _vietnamese_letters()}
    tcvn3.update(_TCVN3_PLAIN)
    vni = {}
    for letter in _vietnamese_letters():
        code = _vni_code(letter)
        vni[code] = letter
        vni[code.upper()] = letter.upper()
        if len(code) == 2:
            # Case decides by the base letter: a mark of the other case (text whose case
            # was changed in Word after typing) still belongs to it.
            vni[code[0] + code[1].upper()] = letter
            vni[code[0].upper() + code[1]] = letter.upper()
    return tcvn3, vni


_TCVN3_DECODE, _VNI_DECODE = _build_tables()
_TCVN3_TRANSLATION = str.maketrans(_TCVN3_DECODE)
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))

# PDF producers prefix an embedded subset with six capitals and "+"; some add ",Bold".
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[,-](?:bold|italic|bolditalic|oblique|regular)$", re.IGNORECASE)


def _bare_font_name(font_name: str) -> str:
    name = _SUBSET_TAG.sub("", font_name.strip()).strip()
    return _STYLE_SUFFIX.sub("", name).strip()


def encoding_of_font(font_name: str | None) -> str | None:
    """"tcvn3" for the ABC fonts (.VnTime, .VnTimeH, .VnArial, ..., VK Sans ...), "vni" for
    VNI-Times, VNI-Helve, ...; None for any other font. Case and surrounding spaces do not
    matter."""
    if not font_name:
        return None
    name = _bare_font_name(font_name).casefold()
    if name.startswith(".vn") or re.match(r"vk[ -]", name):
        return TCVN3
    if name.startswith("vni"):
        return VNI
    return None


def is_upper_case_font(font_name: str | None) -> bool:
    """A TCVN3 capitals font (.VnTimeH, .VnArialH, ...): it draws the lower-case codes as
    capitals, so its text must be upper-cased after conversion."""
    if encoding_of_font(font_name) != TCVN3:
        return False
    name = _bare_font_name(font_name)
    # ".vntimeh" typed by hand in a style is still the H font; ".VnBlack" is not one.
    return name.endswith("H") or (name.endswith("h") and name == name.lower())


def to_unicode(text: str, encoding: str, *, upper_case_font: bool = False) -> str:
    """`text` typed in a legacy encoding (each byte as its Windows-1252 character, as Word
    stores it) as NFC Unicode. ASCII digits, punctuation and other characters the encoding
    does not use are left as they are. Accent placement is kept as typed ("hoµ" is "hoà").

    `upper_case_font`: the text was set in a TCVN3 capitals font (.VnTimeH).
    """
    if encoding == TCVN3:
        converted = text.translate(_TCVN3_TRANSLATION)
    elif encoding == VNI:
        converted = _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m[0]], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}: expected {TCVN3!r} or {VNI!r}")
    if upper_case_font:
        converted = converted.upper()
    return unicodedata.normalize("NFC", converted)


def text_in_font(text: str, font_name: str | None) -> str:
    """Run text as Unicode given the run's font: converted when the font is a legacy one,
    unchanged otherwise. What a reader calls for each run."""
    encoding = encoding_of_font(font_name)
    if encoding is None:
        return text
    return to_unicode(text, encoding, upper_case_font=is_upper_case_font(font_name))


def from_unicode(text: str, encoding: str) -> str:
    """Unicode text as it would be typed in the legacy encoding (for building test files).

    TCVN3 has no upper-case toned letters: they come out as the lower-case codes, which is
    how they are typed in the .VnTimeH capitals font.
    """
    if encoding == TCVN3:
        table = {letter: code for code, letter in _TCVN3_DECODE.items()}
    elif encoding == VNI:
        table = {}
        for code, letter in _VNI_DECODE.items():
            table.setdefault(letter, code)  # the first one built: mark in the letter's case
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}: expected {TCVN3!r} or {VNI!r}")
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out.append(table[char])
        elif encoding == TCVN3 and char.lower() in table:
            out.append(table[char.lower()])
        else:
            out.append(char)
    return "".join(out)


# --- detection from the text itself -------------------------------------------------
#
# Legacy text converted with the right table reads as Vietnamese syllables; converted
# with the wrong table, or when it is French, German or already Unicode, it does not.
# A word counts for an encoding only when conversion changes it into a valid syllable
# *and* it was not one already: "dùng" is a Unicode word and also TCVN3 for "dựng", so it
# proves nothing, while "X©y" can only be TCVN3 "Xây".

_ONSETS = sorted(
    ["b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
     "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", ""],
    key=len, reverse=True,
)
_OPEN_RHYMES = set(
    "a ai ao au ay âu ây e eo ê êu i ia iu iêu o oa oai oao oay oe oeo oi ô ôi ơ ơi u ua uây "
    "ui uê uơ uy uya uyu uôi ư ưa ưi ưu ươi ươu y yêu".split()
)
_CLOSED = {  # nucleus: the final consonants it takes
    "a": "c ch m n ng nh p t", "ă": "c m n ng p t", "â": "c m n ng p t", "e": "c m n ng p t",
    "ê": "ch m n nh p t", "i": "ch m n nh p t", "o": "c m n ng p t", "oo": "c ng",
    "ô": "c m n ng p t", "ơ": "m n p t", "u": "c m n ng p t", "ư": "c m n ng t",
    "iê": "c m n ng p t", "yê": "m n t", "uô": "c m n ng t", "ươ": "c m n ng p t",
    "oa": "c ch m n ng nh p t", "oă": "c m n ng t", "oe": "n t", "uâ": "n ng t",
    "uê": "ch nh", "uy": "ch n nh p t", "uyê": "n t",
}
_RHYMES = _OPEN_RHYMES | {n + c for n, codas in _CLOSED.items() for c in codas.split()}
_STOPS = ("c", "ch", "p", "t")  # a syllable closed by these takes only the acute or dot tone
_FRONT = ("e", "ê", "i", "y")
_VIETNAMESE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
# Words: runs of anything but spaces, digits and ASCII or general punctuation. Latin-1
# symbols stay inside words because TCVN3 letters are among them ("x·", "X©y").
_WORD = re.compile(r"[^\s\d!-/:-@\[-`{-~\u2010-\u2027]+")


@lru_cache(maxsize=16384)
def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (spelling rules, not a dictionary). Cached: a report's
    words repeat, and each of them is weighed when its encoding is guessed."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [m for m in decomposed if m in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        if onset == "gi" and rhyme == "":
            return True  # "gì": gi + i written once
        if rhyme not in _RHYMES:
            continue
        if not _onset_fits(onset, rhyme):
            continue
        if rhyme.endswith(_STOPS) and tones[:1] not in ([_ACUTE], [_DOT]):
            continue
        return True
    return False


# The rhymes and onsets as fold() writes them (no marks, "đ" as "d"): a word's shape without its tone.
_FOLDED_ONSETS = sorted({fold(o) for o in _ONSETS}, key=len, reverse=True)
_FOLDED_RHYMES = frozenset(fold(r) for r in _RHYMES)


def spells_syllable(folded: str) -> bool:
    """Whether a folded word ("khoan") is spelled as a Vietnamese syllable can be, whatever its
    marks were: an onset and a rhyme (spelling rules, not a dictionary: "ke", not "ce")."""
    for onset in _FOLDED_ONSETS:
        rhyme = folded[len(onset):]
        if folded.startswith(onset) and rhyme in _FOLDED_RHYMES:
            if _onset_fits(onset, rhyme):
                return True
    return False


def _onset_fits(onset: str, rhyme: str) -> bool:
    """ke/ghe/nghe, not ce/ge/nge; ca/ga/nga, not ka/gha/ngha ("gi" is a "g" before an "i")."""
    front = rhyme.startswith(_FRONT)
    return not ((onset in ("c", "g", "ng") and front and not (onset == "g" and rhyme.startswith("i")))
                or (onset in ("k", "gh", "ngh") and not front))


def _evidence(words: list[str], encoding: str) -> tuple[int, int, int, int]:
    """(distinct words only this encoding explains, words valid either way, words it
    turns into non-syllables, words that are syllables after conversion)."""
    strong, weak, against, valid = set(), 0, 0, 0
    for word in words:
        converted = to_unicode(word, encoding)
        is_valid = is_syllable(converted)
        valid += is_valid
        if converted == word:
            continue
        if not is_valid:
            against += 1
        elif is_syllable(word):
            weak += 1
        else:
            strong.add(word.casefold())
    return len(strong), weak, against, valid


# The characters of the legacy codes that no Unicode Vietnamese letter nor ASCII is ("µ", "¸",
# "¨", "©", "ø"): a text without any is no legacy text, and is not converted to find out.
_LEGACY_ONLY = re.compile("[" + re.escape("".join(sorted(
    {ch for code in (*_TCVN3_DECODE, *_VNI_DECODE) for ch in code if not ch.isascii()}
    - {ch for letter in _vietnamese_letters() for ch in (letter, letter.upper())}))) + "]")


def may_be_legacy(text: str) -> bool:
    """Whether the text holds a character only a legacy code would (_LEGACY_ONLY): the cheap
    test before detect_legacy, for a line or a cell read on its own."""
    return _LEGACY_ONLY.search(text) is not None


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when `text` reads as Vietnamese typed in that legacy encoding;
    None for Unicode Vietnamese, other languages, or too little evidence.

    Wrongly converting good text is worse than leaving legacy text alone, so it answers
    only on clear evidence: at least two distinct words that only that encoding turns
    into Vietnamese syllables (or one, backed by others that read either way), few words
    it turns into non-syllables, and most words syllables after conversion.
    """
    words = [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]
    if not words:
        return None
    unicode_words = sum(1 for w in words if _VIETNAMESE_ONLY.search(w))
    if unicode_words > len({w.casefold() for w in words}):
        # More words in Unicode Vietnamese than the text has distinct words: no encoding can
        # explain more distinct words than that (`strong` below), so none can win. Said here,
        # before converting every word twice (a third of a Unicode PDF's reading time).
        return None
    best, best_score = None, 0
    for encoding in (TCVN3, VNI):
        strong, weak, against, valid = _evidence(words, encoding)
        changed = strong + weak + against
        enough = strong >= 2 or (strong == 1 and weak >= 1 and against == 0)
        if not enough or against > 0.25 * changed or valid < 0.5 * len(words):
            continue
        if unicode_words > strong:
            continue  # mostly Unicode already: converting would spoil it
        score = strong + weak - against
        if score > best_score:
            best, best_score = encoding, score
    return best


def typed_in(text: str, encoding: str) -> bool | None:
    """Whether `text`, set in a legacy font of `encoding`, is really typed in it: False when it
    holds a Unicode-only Vietnamese letter (ạ ấ ơ ư đ ..., no legacy byte is one: the file was
    converted to Unicode and kept its fonts); True when decoding explains more words, that no
    other reading does ("X©y" is "Xây"), than it turns into non-syllables; None when the text
    says neither (digits, "và" or "é": syllables either way; "X©", half a word Word split
    into two runs; "Céline à Noël", which the font draws as "Cộline à Noợl"): the document's
    other runs decide."""
    words = [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]
    if any(_VIETNAMESE_ONLY.search(w) for w in words):
        return False
    strong, _, against, _ = _evidence(words, encoding)
    return True if strong > against else None
