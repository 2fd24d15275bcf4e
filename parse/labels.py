"""Numbering labels typed in front of a line: "I.", "2)", "(3)", "[4]", "1.1.", "a)", "Phần II", "Phần thứ hai".

A label's shape ("II." and "IV." are both "I.") is what tells heading levels apart:
provinces renumber freely, so the value means little, but they keep one style per level.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from baocao.text import fold

# A Roman numeral in letters, or one of Unicode's own numeral characters ("Ⅳ", "ⅳ"; U+2160-217F).
_UNICODE_ROMAN = "\u2160-\u217f"
_ROMAN = rf"[IVXLC]+|[ivxlc]{{2,}}|[{_UNICODE_ROMAN}]"
# After a word a lone C or L is a letter's counter ("Phần C:" between "Phần B:" and "Phần D:"),
# as alone ("C.") it is: no part is number 100 or 50.
_WORD_ROMAN = rf"[IVX][IVXLC]*|[LC][IVXLC]+|[ivxlc]{{2,}}|[{_UNICODE_ROMAN}]"
_THEN_TEXT = r"(?=\s|$|[^\W\d_])"  # a space, the end or a letter: not "1.234" or "15.5%"
# A full stop may take a dash after it ("1.-", "2.1.-"), a slash may stand for it ("I/", "1/"),
# and a number's stop may be read twice ("2.. Các hệ thống…": OCR takes a speck for a second one).
# A number's separator is any of the marks a ladder is written with: a full stop, a
# parenthesis, a slash, a colon or a dash ("1.", "1)", "1/", "1:", "1-"); after a colon or a
# dash a word must follow ("1: Kết quả", not "1:500" or "2 - 3 năm"); a capital letter takes a
# dash so too ("A- KẾT QUẢ"), as a Roman numeral does.
_AFTER_DOT = r"(?:\s?[\-–—](?=\s))?"
_LABEL = re.compile(
    rf"""^(?:
        (?P<word>(?i:phần|mục|chương|điều|câu|nội\ dung|phan|muc|chuong|dieu|cau|noi\ dung))
            \s+(?P<word_number>{_WORD_ROMAN}|\d{{1,2}})(?:\s*(?:[.:)]|[\-–—]{{1,2}}))?(?=\s|$)
      | (?P<roman>{_ROMAN})\s*(?:\.{_AFTER_DOT}|[):/\-–—]){_THEN_TEXT}
      | (?P<arabic>\d{{1,2}}(?:\.\d{{1,2}})+\.?{_AFTER_DOT}|\d{{1,2}}\s*(?:\.\.?{_AFTER_DOT}|[)/])){_THEN_TEXT}
      | (?P<arabic_loose>\d{{1,2}}\s?[:\-–—])(?=\s+[^\W\d_]|\s*$)
      | \((?P<parenthesised>\d{{1,2}}|{_ROMAN}|[a-zđ])\)(?=\s|$)
      | \[(?P<bracketed>\d{{1,2}}|{_ROMAN}|[a-zđ])\](?=\s|$)
      | (?P<letter>[a-zA-ZđĐ])[.)/](?=\s)
      | (?P<upper_dash>[A-ZĐ])[\-–—](?=\s+[^\W\d_]|\s*$)
    )""",
    re.VERBOSE,
)
_SINGLE_LETTERS_THAT_ARE_NOT_ROMAN = set("CLcl")
# A part numbered in words, "PHẦN THỨ HAI": Vietnamese ordinals are a numeral system like
# the Roman one, so they are read as numbers, without diacritics (OCR reads "THỨ" as "THỬ").
_ORDINALS = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi")
_ORDINAL_LABEL = re.compile(
    rf"^(?P<word>phan|muc|chuong)\s+thu\s+(?P<ordinal>{'|'.join(_ORDINALS)})(?:\s*[.:)\-–—])?(?=\s|$)")
_ORDINAL_START = set("PpMmCc")
_ORDINAL_WORDS = ("phan", "muc", "chuong")  # the first words _ORDINAL_LABEL takes
# An ordinal in words heading a line of its own ladder, "Thứ nhất, kết quả…", "Thứ hai, …",
# or a cardinal with "là", the other way Vietnamese counts points ("Một là, …", "Hai là, …"):
# read only on a line already taken for a heading, for a body paragraph may begin so too.
_CARDINALS = ("mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi")
_ORDINAL_WORD = re.compile(rf"^(?:thu\s+(?P<ordinal>{'|'.join(_ORDINALS)})|(?P<cardinal>{'|'.join(_CARDINALS)})\s+la)"
                           r"\s*[,.:)\-–—]\s")
_ENDS_IN_ORDINAL = re.compile(rf"(?:^|\s)thu\s+(?P<ordinal>{'|'.join(_ORDINALS)})$")
# A label's words ending with a cardinal ("Phần một:", "Phần hai:", … "Phần sáu:"), a word
# before it: the other way a province counts its parts in words (pool 49's Bắc Ninh). Before a
# colon on a heading only ("Năm:" alone, "năm" also being "year", is no label).
_ENDS_IN_CARDINAL = re.compile(rf"[^\W\d_]\s+(?P<cardinal>{'|'.join(_CARDINALS)})$")
# The number may say how many there are after a slash, "Chặng 1/6:" (the first of six, as a
# series of posts or slides is counted), never fewer than the number ("Ngày 16/5:" is a date).
_OF_ALL = r"(?:/(?P<of>\d{1,2}))?"
# Or come under a parent's, "Tiểu hợp phần 1.3:" (the third under the first, as an ODA project's
# documents number a component's sub-components): the parent is part of the ladder's words.
_PARENT = r"(?P<parent>\d{1,2}\.(?=\d))?"
# A label's word, hyphenated as Vietnamese writes a loanword's syllables ("Mô-đun A:", "Ki-ốt 2:").
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# Before a colon the number may be bracketed or marked as one, "Hạng mục (1):", "Nhiệm vụ #1:".
_WORDS_AND_NUMBER = re.compile(
    rf"(?P<words>{_WORD}(?:\s+{_WORD})*)\s+(?:\((?=\d{{1,2}}\))|#)?{_PARENT}(?P<number>\d{{1,2}})\)?{_OF_ALL}")
# The number may be a Roman numeral in capitals ("Chuyên đề IV:"), read before folding, which
# would make it a word.
_WORDS_AND_ROMAN = re.compile(rf"(?P<words>{_WORD}(?:\s+{_WORD})*)\s+(?P<numeral>[IVX]{{1,5}})")
LABEL_IN_WORDS_MAX = 5  # words before the colon of a label in words ("Nội dung thứ hai:")
_LABEL_END = re.compile(r"\s[-–—]{1,2}\s+(?=[^\W\d_])|\.\s+(?=[A-ZĐÀ-Ỹ])")
LABEL_HEAD_CHARS = 60  # where the dash or stop ending a label can be: five words and it
# A label of words and a number closed by a full stop as "1." is, not a colon ("Điểm 1. Điểm
# xuất phát…"): the stop after the number ends it, a space follows. The number may be a Roman
# numeral in capitals, as before a colon ("Đề mục IV. Kho bạc…"). OCR may lose the space after
# the stop ("Ý 1.HÀNH TRANG…", pool 35): a capital glued to the stop opens the title so too
# (_word_label checks its case), a small letter or a digit does not ("Nghị định 15.2020", "số 3.a").
_WORDS_NUMBER_STOP = re.compile(
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,{LABEL_IN_WORDS_MAX - 1}}})\s+"
    rf"(?:{_PARENT}(?P<number>\d{{1,2}}){_OF_ALL}|(?P<numeral>[IVX]{{1,5}}))\.(?=\s|[^\W\d_])")
# A label of words and a number set off from its title by a dash or a closing bracket, as "I -" or "2)" is
# ("Phần kiểm điểm I - Mẻ gốm…", "Bước 2) Triển khai…", pool 44's Bến Tre), or by any mark a ladder is written
# with, a slash ("Nội dung 1/ …", as "1/" is), an arrow or a bar ("Bậc 1 › …", "Tầng 2 | …"), the number
# bracketed ("Nội dung (1) …"): the words opening with a capital, a space then the title, opening with a capital
# too ("Giai đoạn 2 - 3 năm", "lần 2 - năm nay" are a sentence's). A dash glued to the number on both sides
# ("Mục 2-3") is a range, not a label. OCR may read a dash as two ("II —- Bồ lúa…" for "II – Bồ lúa…").
_MARK_AFTER = r"(?:[-–—]{1,2}|->|[)/›»|•→>])"
_WORDS_NUMBER_DASH = re.compile(
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,{LABEL_IN_WORDS_MAX - 1}}})\s+"
    rf"(?:\((?=\d{{1,2}}\)))?(?:{_PARENT}(?P<number>\d{{1,2}}){_OF_ALL}|(?P<numeral>[IVX]{{1,5}}))\s?{_MARK_AFTER}\s+(?=[^\W\d_])")
_ORDINAL_WORD_START = set("TtMmHhBbNnSsCc")
# A Roman numeral as OCR may read it: its I as l, L, 1, | or !, or with a Vietnamese mark
# ("VỊ:" for "VI:"), two I's as H ("HI." for "III."), a bold serif I before others as T
# ("TH:" for "II:", a mark after it), Unicode's "Ⅱ", its two strokes under one bar, as a T alone
# ("T." for "Ⅱ.", or an I's serif, "I."), its full stop as a comma, lost ("II THÔNG TIN CHUNG") or
# a row of dots (the tab after it read as "V.... NHỮNG"), a speck before it read as a mark
# (". IV. CHI PHÍ"), the space after a slash lost ("1I/NHỮNG" for "II/ NHỮNG": a slash is no
# mark a word goes on from).
MISREAD_I = "IVXLHl1|!\\]\\[ỊÍÌ"  # what OCR gives for a Roman numeral's letters (a regex class's)
_MISREAD_ROMAN = re.compile(
    rf"^(?:[.,'‘’`·]\s*)?(?P<numeral>[{MISREAD_I}]{{1,5}}|T[{MISREAD_I}]{{0,4}}(?=\s*[.,:)/\-]))"
    r"(?P<mark>\s*[.,:)/\-]{1,4}|D)?(?=\s|(?<=/)[^\W\d_]{2})")
# A ladder written without a space after its numerals ("I.TỈNH ĐÃ ĐI…", "II.CÁC MỤC TIÊU…")
# may lose the full stop too, the numeral glued to its title's first word ("LTỈNH" for
# "I.TỈNH"): a numeral, its mark or none, then a word in capitals.
_GLUED_ROMAN = re.compile(
    rf"^(?P<numeral>[{MISREAD_I}]{{1,5}})(?P<mark>[.,:)/\-]{{1,4}})?(?=[^\W\d_]{{2}})")
# "I/" in a bold serif face read as one letter, a U with a horn ("VƯ" for "VI/").
_SLASHED_I = re.compile(r"^(?P<numeral>[IVXLHl1|!\]\[]{0,4})[ƯU](?=\s)")
_AS_I = str.maketrans({"L": "I", "l": "I", "1": "I", "|": "I", "!": "I", "]": "I", "[": "I", "H": "II",
                        "Ị": "I", "Í": "I", "Ì": "I", "T": "I"})
_H_AS_I = str.maketrans({"H": "I"})
_VALID_ROMAN = re.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")
# A lower-case numeral ("i.", "ii.", "iv.", "(i)") as OCR may read it: its i as a mark of the
# same stroke (an accented i, "l", "1", "|", "!", "¡"), two i's as one letter, their stems an n and
# their dots its tilde ("ñ)" for "ii)"), its full stop as a row of dots ("ii... Mức").
_I_STROKES = "ilíìỉĩịïî1|!¡"
_TWO_I_STROKES = "ñ"
_MISREAD_LOWER_ROMAN = re.compile(
    r"^(?:[.,'‘’`·]\s*)?\(?(?P<numeral>[vx" + _I_STROKES + _TWO_I_STROKES + r"]{1,5})\s*[.,:)]{1,4}(?=\s)")


def leading_label(text: str) -> str:
    """The numbering label a line starts with, as written ("IV.", "1.2.", "b)", "Phần thứ
    hai."), or ""."""
    m = _LABEL.match(text)
    if m:
        return m.group(0).strip()
    m = _ordinal_label(text)
    return text[: m.end()].strip() if m else ""


# What OCR makes of a line's label that the reader would not take for one: a small picture
# typed before the label (a picture bullet) read as a symbol or two, apart or glued to it
# ("$® 1) Vốn…", "$2) Những…", "® 3) Cơ chế…"), an ink smear before it read as a quote mark
# that no quote mark closes ("“Tiêu chí 1: Mặt bằng…", '"Tiêu chí 2: …'), and a label word read
# with one of its marks changed ("Phân I: Cơ sở…" for "Phần I:"), before a numeral and its mark.
# The picture's foot may be read as an underscore after its symbols ("®$_ Chỉ tiêu 3.", "$_ …"),
# its right-hand tip as a dash ending them ("®$- Nội dung thực hiện 3:", _picture_marks), and
# its body as a digit the symbols are glued to ("4® Nhóm vấn đề I:", pool 32's diamond on a
# lens-straightened scan; a label's own digit is followed by its stop or bracket, no symbol).
_PICTURE_READ = re.compile(r"^(?P<digit>\d?)(?P<marks>[^\w\s+]{1,3})_{0,2}\s*")
_QUOTES = "\"'`“”„‘’«»"
# A capital's label and its colon glued by OCR to the title's first word ("A:Hành trang…" for
# "A: Hành trang…"): the space the scan lost.
_GLUED_COLON = re.compile(r"^(?P<label>[A-ZĐ]:)(?=[A-ZĐ][^\W\d_])")
# So too any label's stop, colon, slash, bracket or dash and the capital opening its title ("B.Thùng
# ong…", "Nội dung 3:Hội người…", "Mục tiêu 2 –Thùng…"): a few words, a number, a Roman numeral or a
# capital, the mark, the title glued to it, its first word all letters ("Nghị định 15/NĐ-CP" is a
# document's number). Put back only where the line then opens with a label (_title_unglued).
_GLUED_TITLE = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{0,{5}}}(?:\d{{1,2}}|[IVX]{{1,5}}|[A-ZĐ])(?:[.:/)]|\s?[-–—]))(?=[A-ZĐÀ-Ỹ][^\W\d_]+(?:\s|$))")
# A dash after a label's letter or number read as another sign of one level stroke ("A ~— Vấn
# liếng…", "A ~ Vấn…", "B ¬ Mùa…", "A =Gia…" for "A – Vấn liếng…"): OCR gives a dim or curved
# scan's dash as a tilde, a negation sign or an equals sign (its list's "- " too), and may lose
# the space after it; none of them is a mark of a label.
DASH_MISREADS = "~¬="
_MISREAD_DASH = re.compile(
    rf"^(?P<counter>[A-ZĐ]|\d{{1,2}}|[IVX]{{1,4}})(?P<space>\s?)[{DASH_MISREADS}]\s?(?P<dash>[-–—]?)\s*(?=[^\W\d_])")
# A Roman label's last "I." read as one "L" ("IIIL TỔ CÔNG TÁC…" for "III. TỔ CÔNG TÁC…"): in a
# bold serif face the full stop sits against the I's foot serif. No Roman number has an L after an I.
_ROMAN_STOP_READ_L = re.compile(r"^(?P<roman>[IVX]{0,3}I)L(?=\s+[^\W\d_])")
# A speck before a label read as an opening bracket that nothing on the line closes ("[C- Ban…",
# "{D ~ Đồng…"): no label opens a bracket it does not close.
_SPECK_BRACKET = re.compile(r"^[\[{(](?=[A-ZĐ\dIVX])")
# Its own closing bracket read as another ("(3} Hội người…", "(II] Thùng…"): a bold face's bracket
# curls as a brace does. Put back where the line then opens with a label.
_CLOSE_MISREAD = re.compile(r"^\((?P<label>\d{1,2}|[IVXivx]{1,4}|[a-zA-ZĐđ])[}\]](?=\s)")
_WORD_READ = re.compile(rf"^(?P<word>[^\W\d_]+)(?=\s+(?:{_ROMAN}|\d{{1,2}})\s*[.:)\-–—](?:\s|$))")
_LABEL_WORDS = {"phan": "Phần", "muc": "Mục", "chuong": "Chương", "dieu": "Điều"}


def _picture_mark(ch: str) -> bool:
    """Whether OCR may have read a picture bullet's ink as this character: a symbol ("$", "®")
    or a sign of the kind no sentence opens with ("&", "*", "#"), not a quote mark or a stop."""
    category = unicodedata.category(ch)
    return category.startswith("S") or (category == "Po" and ch not in _QUOTES + ".,;:!?")


def _picture_marks(marks: str) -> bool:
    """Whether the signs before a label are all a picture's ink (_picture_mark): a diamond's
    right-hand tip may be read as a dash after its symbols ("®$- Nội dung thực hiện 3:", "®- …"),
    which OCR keeps against the next word's space; a dash alone is a list's, no picture's."""
    if len(marks) > 1 and marks[-1] in "-–—":
        marks = marks[:-1]
    return all(_picture_mark(ch) for ch in marks)


def without_picture_marks(text: str) -> str:
    """A recognised line without the symbols a picture bullet before it was read as ("® II VỰA
    MUỐI…" -> "II VỰA MUỐI…", see _PICTURE_READ); the line if it opens with none."""
    m = _PICTURE_READ.match(text)
    return text[m.end():] if m and not m["digit"] and _picture_marks(m["marks"]) else text


def ocr_label_read(text: str) -> str:
    """A recognised line with its label as typed, when OCR hid it (see _PICTURE_READ): the
    symbols a picture was read as dropped (before a label, one of words and a number, "Nhiệm vụ
    1:", or one of a shape of the document's own, "A:": whether it is one, its ladder tells,
    sections._templated_labels), a label word's marks put back, the space after a capital's colon
    put back (_GLUED_COLON, and after any label's mark, _title_unglued), a label's dash read as
    another sign put back (_MISREAD_DASH), a speck read as an unclosed bracket before a label
    dropped (_SPECK_BRACKET), its closing bracket read as a brace put back (_CLOSE_MISREAD), a
    Roman label's "I." read as "L" put back (_ROMAN_STOP_READ_L), the space between a label's
    words and its Roman numeral or number put back (_word_numeral_unglued); else the line."""
    text = _title_unglued(_word_numeral_unglued(_GLUED_COLON.sub(r"\g<label> ", _stop_read_once(text), count=1)))
    text = _word_label_dash(text)
    closed = _CLOSE_MISREAD.sub(r"(\g<label>)", text, count=1)
    if closed != text and leading_label(closed):
        text = closed
    speck = _SPECK_BRACKET.match(text)
    if speck and not any(closing in text for opening, closing in _BRACKETS if opening == speck.group(0)):
        rest = _misread_dash(text[1:])
        if leading_label(rest) or template_label(rest):
            text = rest
    text = _misread_dash(text)
    if leading_label(text):
        return text
    stop = _ROMAN_STOP_READ_L.sub(r"\g<roman>.", text, count=1)
    if stop != text and leading_label(stop):
        return stop
    m = _PICTURE_READ.match(text)
    rest = _GLUED_COLON.sub(r"\g<label> ", text[m.end():], count=1) if m else ""
    if m and _picture_marks(m["marks"]):
        # the picture may be read as two runs of symbols, a space between them ("® ` Chủ đề V.")
        again = _PICTURE_READ.match(rest)
        twice = again and not again["digit"] and _picture_marks(again["marks"])
        for read in (rest, rest[again.end():] if twice else ""):
            read = _title_unglued(_word_numeral_unglued(read))
            if read and (leading_label(read) or word_label(read) or template_label(read)):
                return read
    if m and all(ch in _QUOTES for ch in m["marks"]) and not any(ch in _QUOTES for ch in rest) \
            and (leading_label(rest) or word_label(rest) or word_letter_label(rest)):
        return rest
    m = _WORD_READ.match(text)
    word = _LABEL_WORDS.get(_bare(m["word"])) if m else None
    if word and m["word"] != word and m["word"][:1].isupper():
        return (word.upper() if m["word"].isupper() else word) + text[m.end():]
    return text


# A label of words and a Roman numeral whose space before the numeral OCR lost ("Chủ đềIV. Tiền
# tươi…" for "Chủ đề IV. Tiền tươi…", pool 31's Hậu Giang): words, the last glued to the numeral,
# then the label's stop or colon.
# So too a number ("® Vấn đề2: Bánh sáp…" for "Vấn đề 2:", a toner-saving print's thin space lost).
_WORDS_BEFORE_STOP = re.compile(
    rf"^(?:[^\W\d_]+\s+){{0,{LABEL_IN_WORDS_MAX - 1}}}(?P<last>[^\W\d_]+\d{{0,2}})(?=[.:]\s|\s?[-–—]\s)")
_GLUED_NUMERAL = re.compile(r"(?P<word>.*[^\W\d_IVX])(?P<numeral>[IVX]{1,5})")
_GLUED_NUMBER = re.compile(r"(?P<word>[^\W\d_]+)(?P<number>\d{1,2})")
# So too a capital letter ("PhầnB. Thùng…" for "Phần B."): a label of words and a letter.
_GLUED_LETTER = re.compile(r"(?P<word>[^\W\d_]*[^\W\d_A-ZĐ])(?P<letter>[A-ZĐ])")


def _word_numeral_unglued(text: str) -> str:
    """The line with the space put back between a label's last word, in small letters after its
    first, and the Roman numeral in capitals, the number or the capital letter OCR glued to it
    ("Chủ đềIV. …" -> "Chủ đề IV. …", "Vấn đề2: …" -> "Vấn đề 2: …", "PhầnB. …" -> "Phần B. …",
    "Ô2: …" -> "Ô 2: …"),
    where the line then opens with a label of words and a number (word_label) or a letter
    (word_letter_label); else the line."""
    m = _WORDS_BEFORE_STOP.match(text)
    glued = m and (_GLUED_NUMBER.fullmatch(m["last"]) or _GLUED_NUMERAL.fullmatch(m["last"])
                   or _GLUED_LETTER.fullmatch(m["last"]))
    word = glued["word"] if glued else ""
    # one capital letter glued to a number in digits ("Ô2:"): not a Roman numeral's letter ("I1." is a
    # numeral misread), nor before a numeral ("HII" is "III" misread, not "H II")
    one_letter = len(word) == 1 and word not in "IVXLCDM" and glued.re is _GLUED_NUMBER
    if not glued or not (word[1:].islower() or word.isupper() and (one_letter or _bare(word) in _LABEL_WORDS)):
        return text  # a one-letter word in capitals may be the label's whole ("Ô2: …" for "Ô 2: …", a plot)
    if glued.re is _GLUED_NUMERAL and not _VALID_ROMAN.fullmatch(glued["numeral"]):
        return text
    at = m.start("last") + len(glued["word"])
    unglued = f"{text[:at]} {text[at:]}"
    return unglued if word_label(unglued) or glued.re is _GLUED_LETTER and word_letter_label(unglued) else text


# A label that is a number or a Roman numeral alone and its mark ("I.", "12."): a ladder of them
# written glued to its titles ("I.CÁC…") is read by its places (misread_roman's glued), not set off.
_BARE_NUMERAL = re.compile(r"(?:\d{1,2}|[IVX]{1,5})[.:/)]")


def _title_unglued(text: str) -> str:
    """The line with the space put back between its label's mark and the title OCR glued to it
    (_GLUED_TITLE: "B.Thùng ong…" -> "B. Thùng ong…"), where the line then opens with a label of
    words or of a letter; else the line (a bare number's, see _BARE_NUMERAL)."""
    m = _GLUED_TITLE.match(text)
    if not m or _BARE_NUMERAL.fullmatch(m["label"]):
        return text
    unglued = f"{m['label']} {text[m.end():]}"
    return unglued if _opens_with_label(unglued) else text


def _opens_with_label(text: str) -> bool:
    """Whether the line opens with a label: a number's or a letter's, of words and a number, or of
    words and a letter."""
    return bool(leading_label(text) or word_label(text) or word_letter_label(text))


# A label's stop read twice ("Khâu 2..Phấn hoa…", a speck beside it on a fogged scan): a few words,
# a number, a Roman numeral or a capital, two stops, a title.
_DOUBLED_STOP = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{0,{LABEL_IN_WORDS_MAX}}}(?:\d{{1,2}}|[IVX]{{1,5}}|[A-ZĐ]))\.\.(?=\s?[^\W\d_])")
# A label of words and a number whose dash OCR read as another sign ("Ý chính 2 ~ Sữa ong…" for
# "Ý chính 2 – Sữa ong…", DASH_MISREADS), as _MISREAD_DASH reads a bare counter's.
_WORD_LABEL_DASH = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{1,{LABEL_IN_WORDS_MAX}}}(?:\d{{1,2}}|[IVX]{{1,5}}))\s?[{DASH_MISREADS}]\s?"
    rf"(?=[^\W\d_])")


def _stop_read_once(text: str) -> str:
    """The line with its label's stop read twice read once (_DOUBLED_STOP), where it then opens
    with a label; else the line."""
    m = _DOUBLED_STOP.match(text)
    if not m:
        return text
    once = f"{m['label']}.{text[m.end():]}"
    return once if _opens_with_label(_title_unglued(once)) else text


def _word_label_dash(text: str) -> str:
    """The line with its label of words' dash put back where OCR read it as another sign
    (_WORD_LABEL_DASH), where it then opens with a label of words; else the line."""
    m = _WORD_LABEL_DASH.match(text)
    if not m:
        return text
    dashed = f"{m['label']} – {text[m.end():]}"
    return dashed if word_label(dashed) else text


def _misread_dash(text: str) -> str:
    """The line with its label's dash put back where OCR read it as another sign (_MISREAD_DASH)."""
    return _MISREAD_DASH.sub(lambda m: f"{m['counter']}{m['space']}{m['dash'] or '–'} ", text, count=1)


def _ordinal_label(text: str) -> re.Match | None:
    """"Phần thứ hai" at the start of the line, matched on the line's first letters without
    their diacritics (one letter for one letter, so the match's end is the label's end)."""
    if text[:1] not in _ORDINAL_START or not _bare(text[:7]).startswith(_ORDINAL_WORDS):
        return None  # most lines: their first word is none of the label's, read in 7 letters
    return _ORDINAL_LABEL.match(_bare(text[:40]))


def ordinal_word(text: str) -> int | None:
    """The value of the ordinal in words a line starts with, "Thứ hai, …" or "Hai là, …" -> 2;
    None if none."""
    m = _ordinal_word(text)
    if not m:
        return None
    return _ORDINALS.index(m["ordinal"]) + 1 if m["ordinal"] else _CARDINALS.index(m["cardinal"]) + 1


def counts_in_words(text: str) -> bool:
    """Whether a text ends with an ordinal or a cardinal in words ("Nội dung thứ hai", "Phần
    thứ ba", "Phần một") or is a few words and a number ("Vấn đề 2"): before a colon, a
    heading's label, not its title."""
    return _counter_in_words(fold(text.rstrip(" :.-–—"))) is not None or word_label(f"{text}:") is not None


def relabelled_in_words(text: str, value: int) -> str | None:
    """A label in words before a line's colon written for `value`, folded ("Nội dung thứ
    tư: …" -> "noi dung thu nam" for 5, "Phần ba: …" -> "phan bon" for 4); None if the line
    has no such label."""
    head = (_label_and_title(text) or (text, ""))[0]
    m = _counter_in_words(fold(head.rstrip(" .-–—")))
    if not m or label_in_words(text) is None or not 1 <= value <= len(_ORDINALS):
        return None
    group, words = ("ordinal", _ORDINALS) if "ordinal" in m.re.groupindex else ("cardinal", _CARDINALS)
    return m.string[:m.start(group)] + words[value - 1]


def _label_and_title(text: str) -> tuple[str, str] | None:
    """A line's words before its colon, or before a dash set off by spaces and followed by a
    word ("Bước một – Lễ cầu ngư…", as "Khía cạnh 1 – …" sets off a number) or a full stop and a
    capital ("Bước hai. Mắm tôm…", as "Điểm 3. …"), and the rest; None if the line has none."""
    head, colon, rest = text.partition(":")
    ended = _LABEL_END.search(text, 0, LABEL_HEAD_CHARS)
    if ended and (not colon or ended.start() < len(head)):
        return text[:ended.start()], text[ended.end():]
    return (head, rest) if colon else None


def label_in_words(text: str) -> int | None:
    """The value of a line's label in words before its colon or its dash ("Nội dung thứ
    hai: Kết quả…" -> 2, "Phần một: …" -> 1, "Bước ba – …" -> 3), a few words that end
    with an ordinal or a cardinal; None if none ("Vấn đề 3:" is a word_label)."""
    split = _label_and_title(text)
    if not split or len((head := split[0]).split()) > LABEL_IN_WORDS_MAX:
        return None
    m = _counter_in_words(fold(head.rstrip(" .-–—")))
    if not m:
        return None
    return _ORDINALS.index(m["ordinal"]) + 1 if "ordinal" in m.re.groupindex else _CARDINALS.index(m["cardinal"]) + 1


def _counter_in_words(head: str) -> re.Match | None:
    """The ordinal ("thu hai") or cardinal ("phan mot") a folded label's words end with."""
    return _ENDS_IN_ORDINAL.search(head) or _ENDS_IN_CARDINAL.search(head)


def word_label(text: str) -> tuple[str, int] | None:
    """A line's label of a few words and a number before its colon, or closed by a full stop
    after the number, or set off from its title by a dash or a bracket (_WORDS_NUMBER_DASH), the
    words folded and the number's value ("Vấn đề 2: Những chuyển biến…" -> ("van de", 2),
    "Chuyên đề IV: Ngân quỹ…" -> ("chuyen de", 4), "Điểm 3. Bộ máy…" -> ("diem", 3), "Phần kiểm
    điểm I - Mẻ gốm…" -> ("phan kiem diem", 1)): what the reader calls the parts ("Vấn đề",
    "Điểm", "Nhóm") is the province's choice, a number after words and before the colon (or its
    stop, dash or bracket) on every heading of a ladder is its label; None if none."""
    found = _word_label(text)
    return found[:2] if found else None


# A label of a few words and a capital letter before a colon or a stop ("Phần trả lời C: …"), or
# set off by the marks a number of words is (_MARK_AFTER: "Mảng A/ …", "Mảng B) …", "Mảng C - …").
_WORDS_AND_LETTER = re.compile(
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,{LABEL_IN_WORDS_MAX - 1}}})\s+(?P<letter>[A-Z])"
    rf"(?:[:.]|\s?{_MARK_AFTER})\s+(?=\S)")


def word_letter_label(text: str) -> tuple[str, int, str] | None:
    """A line's label of a few words and a capital letter before its colon or stop, the words
    folded, the letter's place in the alphabet and the label as written ("Phần trả lời C: Đàn
    sếu…" -> ("phan tra loi", 3, "Phần trả lời C:")), as word_label reads one with a number;
    None if none. A letter alone says less than a number (a body line may open "Phương án A:
    …"): only a ladder of such lines counting A, B, C… (sections._counted_in_words) makes them
    headings."""
    m = _WORDS_AND_LETTER.match(text)
    if not m or m["words"].split()[0][:1].islower():
        return None
    return fold(m["words"]), ord(m["letter"]) - ord("A") + 1, text[:m.end()].rstrip()


def word_label_alone(text: str) -> bool:
    """Whether a line is only a label in words, its title on the line under it ("Vấn đề 1:",
    "Mảng I.", "Nội dung thứ hai:" over "Tỉnh đứng ở vạch nào"): a label framed in the margin
    beside its title, or set over it, which a reader gives as a paragraph of its own."""
    text = text.strip()
    if not text or len(text.split()) > LABEL_IN_WORDS_MAX + 1:
        return False
    found = _word_label(f"{text} ")  # a space after it: "Mảng I." is closed by its stop as "Mảng I. …" is
    if found is not None:
        return not found[2]
    return label_in_words(text) is not None and not text.partition(":")[2].strip()


_BARE_NUMBER = re.compile(r"(?P<number>\d{1,2})\s+(?=[^\W\d_])")


def bare_number(text: str) -> int | None:
    """The number a heading opens with, no mark after it, a capitalised word following ("3 Giao
    việc, kiểm tra" -> 3): read on a line already taken for a heading only, as a body line may
    begin with a count ("2 năm qua…", in lower case); None if none."""
    m = _BARE_NUMBER.match(text)
    return int(m["number"]) if m and text[m.end()].isupper() else None


_BARE_ROMAN = re.compile(r"(?P<numeral>[IVX]{1,5})\s+(?=[^\W\d_])")


def bare_roman(text: str) -> int | None:
    """The value of the Roman numeral a heading opens with, no mark after it, a capital
    following ("III TỔ CÔNG TÁC" -> 3), as bare_number reads a number; None if none. Unlike a
    bare number, one OCR gives as it is: a bullet is read as a digit, not as a Roman numeral."""
    m = _BARE_ROMAN.match(text)
    if not m or not text[m.end()].isupper() or not _VALID_ROMAN.match(m["numeral"]):
        return None
    return _roman_value(m["numeral"])


def word_label_in_roman(text: str) -> bool:
    """Whether a line's label of words and a number counts in Roman numerals ("Phần thuyết minh
    III: …"): one OCR may read an I short ("II" for "III"), as it may a Roman label's alone."""
    found = _word_label(text)
    return found is not None and not any(ch.isdigit() for ch in text[: len(text) - len(found[2])])


def _word_label(text: str) -> tuple[str, int, str] | None:
    """word_label's words and number, and the line's text after the label."""
    head, colon, rest = text.partition(":")
    if colon and len(head.split()) <= LABEL_IN_WORDS_MAX:
        m = _WORDS_AND_NUMBER.fullmatch(fold(head.strip(" .-–—")))
        if m and _counts_up_to_all(m):
            return _ladder_words(m["words"], m), int(m["number"]), rest.lstrip()
        m = _WORDS_AND_ROMAN.fullmatch(head.strip(" .-–—"))
        if m and _VALID_ROMAN.fullmatch(m["numeral"]):
            return fold(m["words"]), _roman_value(m["numeral"]), rest.lstrip()
    m = _WORDS_NUMBER_STOP.match(text)
    if not m:
        m = _WORDS_NUMBER_DASH.match(text)
        if not m or not m["words"][:1].isupper() or not text[m.end()].isupper():
            return None
    if m["numeral"] and not _VALID_ROMAN.fullmatch(m["numeral"]) or not _counts_up_to_all(m):
        return None
    if not text[m.end()].isspace() and not text[m.end()].isupper():
        return None  # a small letter glued to the stop: no title opens there
    value = int(m["number"]) if m["number"] else _roman_value(m["numeral"])
    return _ladder_words(fold(m["words"]), m), value, text[m.end():].lstrip()


def _ladder_words(words: str, m: re.Match) -> str:
    """A label's folded words with the parent its number is under, if any ("tieu hop phan 1."):
    the sub-components of another component are another ladder."""
    return f"{words} {m['parent']}" if m["parent"] else words


def _counts_up_to_all(m: re.Match) -> bool:
    """Whether a label's number is no more than the count after its slash, if it has one."""
    return not m["of"] or int(m["number"]) <= int(m["of"])


def _ordinal_word(text: str) -> re.Match | None:
    return _ORDINAL_WORD.match(_bare(text[:20])) if text[:1] in _ORDINAL_WORD_START else None


@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """Each character without its diacritics, in lower case: "PHẦN THỨ" -> "phan thu"."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text).lower().replace("đ", "d")


def is_lead(bold: str, rest: str) -> bool:
    """Whether the bold words a paragraph opens with (`rest` the words after them, not bold)
    are a heading run in ("lead"): a sentence ("Kết quả đạt được."), words ending in a colon,
    or a numbered title with no stop after it whose rest begins a sentence ("2. Kết quả đạt
    được" then "Năm 2021, …", "Vấn đề 3: Ai cầm lái" then "Tỉnh …", a word_label; a list's
    bold "1. Quyết định" then "số 12/QĐ-UBND …" is none)."""
    if bold.endswith((".", ":")):
        return True
    label = leading_label(bold)
    worded = None if label else _word_label(bold)
    title = bold[len(label):] if label else worded[2] if worded else ""
    # a speck before the sentence's first word read as a quote mark ("'Tổng kinh phí…")
    return bool(title.split()) and rest.lstrip().lstrip(_QUOTES)[:1].isupper()


def strip_label(text: str) -> str:
    """The line without its numbering label, an ordinal in words ("Thứ hai, …") and a label
    in words before a colon ("Vấn đề 1: …", "Nội dung thứ hai: …") or its stop ("Điểm 1. …")
    included."""
    label = leading_label(text)
    if label:
        return text[len(label) :].lstrip()
    m = _ordinal_word(text)
    if m:
        return text[m.end() :]
    if label_in_words(text) is not None:
        return _label_and_title(text)[1].lstrip()
    found = _word_label(text)
    return found[2] if found else text


# A label of a shape the rules above do not read ("(D)", "<1>", "A:", "§ 1", "1.)", "①", "[A]",
# "Mục A.", "Nội dung A:", "Phần thông tin A.", "Lĩnh vực công tác A."): marks before a counter and
# after it (or one to four words before it), the counter one number of a counting system (Arabic,
# Roman, a letter, a circled number). Any line may begin so ("(2 năm)", "A: …" in a dialogue), so
# it is a label only where a document repeats it over headings that count up
# (sections._templated_labels): a document tells its own label shape.
TEMPLATE_LABEL_WORDS = 4  # words before a template label's counter: "Lĩnh vực công tác A."
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿➀➁➂➃➄➅➆➇➈➉➊➋➌➍➎➏➐➑➒➓"
_BRACKETS = ("()", "[]", "<>", "{}", "«»", "‹›", "〈〉")
_CIRCLED_RUNS = ("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "❶❷❸❹❺❻❼❽❾❿", "➀➁➂➃➄➅➆➇➈➉", "➊➋➌➍➎➏➐➑➒➓")
_TEMPLATE = re.compile(
    rf"""^(?P<before>[^\w\s]{{0,2}}\s?|(?:[^\W\d_]{{2,}}(?:-[^\W\d_]+)*\s){{1,{TEMPLATE_LABEL_WORDS}}})
    (?P<counter>\d{{1,2}}|[IVXLC]{{2,}}|[ivxlc]{{2,}}|[A-Za-zĐđ]|[{_CIRCLED}])
    (?P<after>\s?[^\w\s]{{1,3}})?(?=\s+[^\W\d_]|(?<=[{_CIRCLED}])[^\W\d_])""",
    re.VERBOSE,
)


class Template(NamedTuple):
    label: str  # as written, "<2>"
    shape: str  # its counter at its first value, no spaces: "<1>"
    value: int  # 2


# A label of words and a Roman numeral as OCR may read the numeral in a serif face: an I as a T,
# an l, a 1, a bar or an exclamation mark, or with a Vietnamese mark ("VỊ:" for "VI:", as a numeral
# alone, _MISREAD_ROMAN), two I's as an H ("Nhóm TT:" for "Nhóm II:", "Nhóm TV:" for "Nhóm IV:",
# "Phần trình bày H." for "Phần trình bày II.", "IH." for "III."): one to four words, as
# template_label's, before it.
_MISREAD_WORD_ROMAN = re.compile(
    rf"^(?P<before>(?:[^\W\d_]{{2,}}(?:-[^\W\d_]+)*\s){{1,{TEMPLATE_LABEL_WORDS}}})(?P<counter>[TIVXlL1|H!ỊÍÌ]{{1,4}})"
    r"(?P<after>\s?[.:)\-–—])(?=\s+[^\W\d_])")


def misread_word_roman(text: str, numeral: str = "") -> str | None:
    """A scanned line that opens with a label of words and a Roman numeral OCR misread
    (_MISREAD_WORD_ROMAN), the numeral put back in its letters ("Nhóm TT: Con số…" -> "Nhóm II:
    Con số…"); None if the line does not open so or its numeral reads right. Only a ladder of
    that label's shape missing that value may believe it (sections._templated_labels). Given the
    `numeral` the ladder misses there, an H read for one I or for two may be either ("Bình diện
    HH." for "III.", a third rung between "II." and "IV."): the line as that numeral, if it may be."""
    m = _MISREAD_WORD_ROMAN.match(text)
    if not m:
        return None
    if numeral and numeral in _as_numerals(m["counter"]):
        return f"{m['before']}{numeral}{m['after']}{text[m.end():]}"
    numeral = m["counter"].translate(_AS_I)
    if numeral == m["counter"] or not _VALID_ROMAN.fullmatch(numeral):
        return None
    return f"{m['before']}{numeral}{m['after']}{text[m.end():]}"


def _as_numerals(counter: str) -> set[str]:
    """The valid Roman numerals a counter OCR misread may be, each H one I or two."""
    readings = {""}
    for ch in counter:
        readings = {r + i for r in readings for i in (("I", "II") if ch == "H" else (ch.translate(_AS_I),))}
    return {r for r in readings if _VALID_ROMAN.fullmatch(r)}


# A label of words and a number, or a Roman numeral, whose colon OCR read as a semicolon ("Mục nội
# dung V; Cái gai…" for "V:"): a few words, the number, the semicolon, then a title.
_WORD_LABEL_SEMICOLON = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{1,{LABEL_IN_WORDS_MAX}}}(?:\d{{1,2}}|[IVX]{{1,5}}))\s?;(?=\s+[^\W\d_])")
# Its full stop OCR read as a comma ("Mục tiêu II, Những nhà…" for "III."): a capital must open the
# title after it, as a label's title does and a sentence's next words seldom do.
_WORD_LABEL_COMMA = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{1,{LABEL_IN_WORDS_MAX}}}(?:\d{{1,2}}|[IVX]{{1,5}})),(?=\s+[A-ZĐÀ-Ỹ])")
# A reader's pen ring round the number (pool 41) crosses its stop and the title's first letter: OCR
# reads its arc as a mark glued to the title, with the stop ("Mục thông tín 5.)Cái gùi…") or for it
# ("Nội dung báo cáo 5>Bến phà…"); a mark so glued (_RING_ARC) is no stop a label is written
# with, one spaced is ("5) Cái gùi").
_RING_ARC = ">)"
_WORD_LABEL_RING = re.compile(
    rf"^(?P<label>(?:[^\W\d_]+\s+){{1,{LABEL_IN_WORDS_MAX}}}(?:\d{{1,2}}|[IVXLHlTỊ1|!]{{1,5}}))"
    rf"(?P<stop>[.:])?[{_RING_ARC}](?=[^\W\d_])")


def misread_word_stop(text: str) -> str | None:
    """A scanned line that opens with a label of words and a number whose colon OCR read as a
    semicolon (_WORD_LABEL_SEMICOLON), the colon put back ("Mục nội dung V; Cái gai…" -> "Mục
    nội dung V: Cái gai…"), or its full stop as a comma (_WORD_LABEL_COMMA, "Mục tiêu II, Những…"
    -> "Mục tiêu II. Những…"); None if the line does not open so. A sentence may go on after a
    semicolon: only a ladder counting 1, 2, 3… that the line completes may believe it
    (sections._word_label_read). A ring's arc glued to the title after the number (_WORD_LABEL_RING)
    is taken off, the stop read kept or a colon put for it ("Phần đánh giá III.)Phiên…" -> "Phần
    đánh giá III. Phiên…")."""
    m = _WORD_LABEL_SEMICOLON.match(text)
    if m:
        return f"{m['label']}:{text[m.end():]}"
    m = _WORD_LABEL_COMMA.match(text)
    if m:
        return f"{m['label']}.{text[m.end():]}"
    m = _WORD_LABEL_RING.match(text)
    return f"{m['label']}{m['stop'] or ':'} {text[m.end():]}" if m else None


# A label of words and a number whose words OCR garbled where a photo's focus fell off toward
# the margin ("K>==3n mục 1.", "K=$n z=2c 3." for "Khoản mục 1.", "Khoản mục 3."): tokens as many
# as the label's words, then its number, its stop (a full stop read as a comma too) and a title.
_GARBLED_WORD_LABEL = re.compile(
    rf"^(?P<words>(?:\S+\s){{1,{TEMPLATE_LABEL_WORDS}}})(?P<counter>\d{{1,2}})"
    rf"(?:(?P<after>[.,:;])\s+|(?P<stop>[.,:;])?(?P<ring>[{_RING_ARC}])(?=[^\W\d_]))(?=[^\W\d_])")
# The stops of a label of words as OCR may read them: a full stop's dot as a comma's, a colon's as a semicolon's.
_STOP_READ = {".": ".,", ":": ":;"}


def garbled_word_label(text: str, template: Template) -> tuple[int, str] | None:
    """The number of a label of words OCR garbled at the line's start (_GARBLED_WORD_LABEL), read
    against the label of its ladder read clean on another line (`template`, template_label of
    "Khoản mục 6. …"), and the line with the label written as that one at this number ("K>-š*ø mục
    2, Bảng kê…" -> "Khoản mục 2. Bảng kê…"); None where the line does not open with as many
    tokens as the label's words, the first of its first letter, one of them no word (OCR's
    garbling: a word alone is the text's), its number and its stop, or the label's words with
    their opening letters lost (_clipped, "ên mục 3." for "Chuyên mục 3."). Only a ladder whose
    numbers walk up may believe it (sections._garbled_word_labels)."""
    words, _, counter = template.label.rpartition(" ")
    stop = counter.lstrip("0123456789")
    m = _GARBLED_WORD_LABEL.match(text)
    if not (m and words and counter[:1].isdigit() and stop in _STOP_READ):
        return None
    if m["ring"] is None and m["after"] not in _STOP_READ[stop] or m["ring"] and m["stop"] not in (None, *stop):
        return None
    tokens = m["words"].split()
    if not _clipped(" ".join(tokens), words) and not _last_word_kept(tokens, words):
        if len(tokens) != len(words.split()) or fold(tokens[0])[:1] != fold(words)[:1]:
            return None
        if all(token.isalpha() for token in tokens) and not _letter_crossed(tokens, words):
            return None
    value = int(m["counter"])
    title = text[m.end():]
    return value, f"{words} {value}{stop} {title}" if m["ring"] else f"{words} {value}{stop}{text[m.end('after'):]}"


def _letter_crossed(tokens: list[str], words: str) -> bool:
    """Whether words read whole are the label's, but for one letter a pen stroke crossed ("Nội dung
    báo đáo 5>" for "Nội dung báo cáo 5:", a reader's ring round the number, pool 41's Đắk Nông):
    the same words, one of them the same length with one letter other. Read so alone, a line of
    other words is the text's; the ladder's count walking up is what believes it."""
    read, label = fold(" ".join(tokens)).split(), fold(words).split()
    if len(read) != len(label):
        return False
    other = [(a, b) for a, b in zip(read, label, strict=True) if a != b]
    return len(other) <= 1 and all(len(a) == len(b) and sum(map(str.__ne__, a, b)) == 1 for a, b in other)


def _last_word_kept(tokens: list[str], words: str) -> bool:
    """Whether OCR garbled a label's first words into other words, its last one, right before the
    number, read whole ("Xiêu chui số 2;" for "Yêu cầu số 2:", pool 38's Nghệ An, a bold line
    led by dots to the margin): as many tokens as the label's words, more than one, the last the
    label's last word. The label is one read whole, opening with a capital: one read clipped ("ên
    mục 3.") is no clean label to read the others by."""
    label = fold(words).split()
    return (words[:1].isupper() and len(label) > 1 and len(tokens) == len(label)
            and fold(tokens[-1]) == label[-1])


def _clipped(read: str, words: str) -> bool:
    """Whether OCR read a label's words with their opening letters lost, its last word whole
    ("ên mục" or "mục" for "Chuyên mục"): a page's left edge under a sleeve's rim, a fold or a
    shadow takes the first letters of a line, the rest of the label reads right."""
    read, words = fold(read), fold(words)
    return len(read) < len(words) and words.endswith(read) and len(read) >= len(words.split()[-1])


def template_label(text: str) -> Template | None:
    """The label a line opens with read by its marks and counter alone, whatever its shape
    ("<2> Tiêu đề" -> ("<2>", "<1>", 2)): marks before it or after it (a circled number needs
    none); None if the line does not open so. Not every such opening is a label: only a caller
    that sees the shape repeated over a ladder may believe it."""
    m = _TEMPLATE.match(text)
    if not m:
        return None
    before, counter, after = m["before"], m["counter"], m["after"] or ""
    if not (before.strip() or after.strip() or counter in _CIRCLED):
        return None
    word = before[:1].isalpha()
    if word and not after.strip():
        return None  # "Tháng 5 …", "Năm 2 …": a word and a number are a label only with a mark after
    if any(opening in before and closing not in after for opening, closing in _BRACKETS):
        return None  # "(2 năm) …": a bracket opened before the counter closes after it
    circled = next((run for run in _CIRCLED_RUNS if counter in run), "")
    if circled:
        shape, value = circled[0], circled.index(counter) + 1
    else:
        shape, value = _counter_shape(counter), _counter_value(counter)
    before = f"{fold(before.strip())} " if word else before.strip()
    return Template(m.group(0).strip(), f"{before}{shape}{_hyphens(after.strip())}", value)


def circled_number(template: Template) -> bool:
    """Whether a template label is a circled number ("①", "❷"): a numbering mark wherever a line
    opens with it, unlike "(2 năm)" or "A: …", which a body line may open with."""
    return template.label[:1] in _CIRCLED


def label_shape(label: str) -> str:
    """The label with every counter at its first value: "IV." -> "I.", "2.3" -> "1.1.",
    "c)" -> "a)", "Phần II" -> "phan I", "<3>" -> "<1>" (a shape read by template_label).
    Labels of one heading level share a shape."""
    ordinal = _ordinal_label(label)
    if ordinal:
        return f"{ordinal['word']} thu"
    m = _LABEL.match(label + " ")
    if not m:
        template = template_label(f"{label} x")
        return template.shape if template and template.label == label.strip() else ""
    if m["word"]:
        return f"{fold(m['word'])} {_counter_shape(m['word_number'])}"
    if m["parenthesised"]:
        return f"({_counter_shape(m['parenthesised'])})"
    if m["bracketed"]:
        return f"[{_counter_shape(m['bracketed'])}]"
    parts = _dotted_parts(m["arabic"] or m["arabic_loose"] or "")
    if parts[-1:] == ["0"] and len(parts) == 2:
        return "1.0"  # "1.0", "2.0": a first level written as a decimal
    if len(parts) > 1:
        return ".".join(["1"] * len(parts)) + "."
    if m["roman"] and m["roman"] in _SINGLE_LETTERS_THAT_ARE_NOT_ROMAN:
        counter = "A" if m["roman"].isupper() else "a"
    else:
        counter = _counter_shape(m["roman"] or (parts[0] if parts else "") or m["letter"] or m["upper_dash"])
    return counter + _delimiter(m.group(0))


def _dotted_parts(arabic: str) -> list[str]:
    """The counters of an Arabic label: "2.1.-" -> ["2", "1"], "3)" -> ["3"], "1.0" -> ["1", "0"]."""
    return [part for part in re.split(r"[.)/:\s\-–—]+", arabic) if part]


def _counter_shape(counter: str) -> str:
    counter = _in_letters(counter.strip(" .)"))
    if counter.isdigit():
        return "1"
    if len(counter) > 1 or counter in "IVXivx":
        return "I" if counter.isupper() else "i"
    return "A" if counter.isupper() else "a"


def _in_letters(counter: str) -> str:
    """A Unicode Roman numeral character written in letters ("Ⅳ" -> "IV"); others as they are."""
    return unicodedata.normalize("NFKC", counter) if re.fullmatch(f"[{_UNICODE_ROMAN}]", counter) else counter


def _hyphens(marks: str) -> str:
    """Marks with their dashes as hyphens: a ladder's "A –" and "C -" are one shape, whichever
    dash the label was typed or read with (and "C –", read as a Roman numeral, is one with "A –",
    read as a template: _templated_labels); a run of them one ("1-—", "2—-": OCR's reading of a
    long dash)."""
    return re.sub("[-–—]+", "-", marks)


def _delimiter(label: str) -> str:
    label = label.rstrip()
    delimiter = _hyphens(label[-1])
    return "." + delimiter if delimiter == "-" and label[:-1].rstrip().endswith(".") else delimiter


# An aside in parentheses that points at a numbered part of the outline the province answers:
# "(mục 2 đề cương)", "(nội dung 4 theo đề cương của Bộ)", "(phần 3)".
_REFERENCE = re.compile(r"\(\s*(?:theo\s+)?(?:muc|noi dung|phan)\s+(?P<number>\d{1,2}|[ivx]{1,4})\b(?P<rest>[^)]*)\)")


def outline_reference(text: str) -> int | None:
    """The number of the outline's item a heading says in parentheses it answers, whatever
    its own number: "Câu 1. Những chuyển động chính… (mục 2 đề cương)" -> 2; None if none."""
    m = _REFERENCE.search(fold(text))
    if not m:
        return None
    number = m["number"]
    return int(number) if number.isdigit() else _roman_value(number.upper())


def label_ordinal(label: str) -> int | None:
    """The counter's value, the last one of a dotted label: "IV." -> 4, "1.3." -> 3,
    "c)" -> 3, "Phần II" -> 2; None for no label. A misread numeral gives a wrong value,
    so callers weigh it, never trust it."""
    ordinal = _ordinal_label(label)
    if ordinal:
        return _ORDINALS.index(ordinal["ordinal"]) + 1
    m = _LABEL.match(label + " ")
    if not m:
        template = template_label(f"{label} x")
        return template.value if template and template.label == label.strip() else None
    parts = _dotted_parts(m["arabic"] or m["arabic_loose"] or "")
    if m["word"]:
        counter = m["word_number"]
    elif m["parenthesised"] or m["bracketed"]:
        counter = m["parenthesised"] or m["bracketed"]
    elif parts:
        counter = parts[-2] if parts[-1:] == ["0"] and len(parts) == 2 else parts[-1]
    elif m["roman"] and m["roman"] not in _SINGLE_LETTERS_THAT_ARE_NOT_ROMAN:
        counter = m["roman"]
    else:
        counter = m["roman"] or m["letter"] or m["upper_dash"]
    return _counter_value(counter.strip(" .)"))


def _counter_value(counter: str) -> int | None:
    counter = _in_letters(counter)
    if counter.isdigit():
        return int(counter)
    if len(counter) > 1 or counter in "IVXivx":
        stop_read_l = _STOP_READ_L.fullmatch(counter)
        return _roman_value((stop_read_l["roman"] if stop_read_l else counter).upper())
    return ord(fold(counter)) - ord("a") + 1


# A Roman numeral with an L after an I ("IL.", "IIL:") is none anyone writes (49 is XLIX): OCR read
# the numeral's stop, against the I's foot serif in a bold face, as an L, then the speck after it as
# the stop again ("IL. VƯỜN CAM…" for "I. VƯỜN CAM…", the first rung of "II.", "III." …). It is
# worth the numeral before the L, not 49, which would break its ladder.
_STOP_READ_L = re.compile(r"(?P<roman>[IVX]{0,3}I)L", re.IGNORECASE)


class MisreadRoman(NamedTuple):
    value: int
    digits: bool  # read with a digit first ("1." for "I.", "1V:" for "IV:"): also a label of its own
    # "-" for a dash ("]-" for "I-"), "D" for a parenthesis read as a D ("ID" for "I)"),
    # "" for none (the mark lost: a blurred dash, a full stop too faint), else "." (".", ",",
    # ":", ")", as OCR may give any of them for another)
    mark: str = "."


def misread_roman(text: str, lower: bool = False, near: int | None = None,
                  glued: bool = False) -> MisreadRoman | None:
    """The Roman numeral a line starts with, read as OCR may have misread it ("l." or
    "1." for "I.", "Il." or "11." for "II.", "V," for "V.", "II" for "II.", "VƯ" for "VI/"); None if the
    line does not start like one. `lower`: a lower-case numeral ("¡.." for "i.", "ii..."
    for "ii.", "(1)" for "(i)"). `near`: of two readings ("TH:" is "III:" or "II:", its H two
    I's or one with a serif), the one nearer this value; else an H is read as two I's first.
    `glued`: of a ladder written without a space after its numerals, whose numeral may be glued
    to a word in capitals ("LTỈNH" for "I.TỈNH"). Only a caller that knows a Roman numeral
    belongs there may believe it."""
    if lower:
        m = _MISREAD_LOWER_ROMAN.match(text)
        numeral = "".join("I" if ch in _I_STROKES else "II" if ch in _TWO_I_STROKES else ch.upper()
                          for ch in m["numeral"]) if m else ""
        if not numeral or not _VALID_ROMAN.match(numeral):
            return None
        return MisreadRoman(_roman_value(numeral), any(ch.isdigit() for ch in m["numeral"]))
    m = _MISREAD_ROMAN.match(_SLASHED_I.sub(r"\g<numeral>I/", text, count=1))
    if not m and glued:
        m = _GLUED_ROMAN.match(text)
        m = m if m and text[m.end():].split(maxsplit=1)[0].isupper() else None
    if not m:
        return None
    # "H" is "II" read as one letter ("HI." for "III."), or one I's serif ("IHI-" for "III-").
    readings = ("II", "I") if m["numeral"] == "T" else (m["numeral"].translate(_AS_I),
                                                           m["numeral"].translate(_H_AS_I).translate(_AS_I))
    if near is not None and not m["mark"] and len(m["numeral"]) > 1 and m["numeral"].endswith("L"):
        # "IL NỀN MÓNG" for "I. NỀN MÓNG": an L with no mark after it may be the full stop read as one
        readings = (*readings, m["numeral"][:-1].translate(_AS_I))
    values = [_roman_value(numeral) for numeral in readings if _VALID_ROMAN.match(numeral)]
    if not values:
        return None
    value = values[0] if near is None else min(values, key=lambda v: abs(v - near))
    # "1." or "11." is a number's label too; "I1-" (a bold serif I read with a digit after it) is none
    return MisreadRoman(value, m["numeral"][:1].isdigit(), _mark(m["mark"] or ""))


def _mark(read: str) -> str:
    return "-" if "-" in read else "D" if read == "D" else "." if read.strip() else ""


def _roman_value(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for ch, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values.get(ch)
        if value is None:
            return None
        total += -value if after and values.get(after, 0) > value else value
    return total


# A page's number left in the running text ("- 2 -", "– 3 –", "Trang 2", "Trang 2/5", "Page 2
# of 5"), as a PDF converted to Word leaves its footers: a dash or the word "page" on each
# side of the number, so a label alone on its line ("2.", "II") is not one.
_PAGE_MARK = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:trang|page)\s*\d{1,4}(?:\s*(?:/|of|tren)\s*\d{1,4})?)$")


def page_mark(text: str) -> bool:
    """A line that is only a page mark ("- 2 -", "Trang 2"): neither an item's text nor a heading."""
    return len(text) <= 20 and bool(_PAGE_MARK.match(_bare(text.strip())))


# A label counting in letters ("a)", "b/", "(c)", "D.", after a label word "Phần B:"); a capital of
# a Roman numeral's is the numeral's.
_LETTER_COUNTER = re.compile(r"(?P<before>(?:[^\W\d_]+\s){0,2}[(\[]?)(?P<letter>[a-zđ]|[ABD-HJKM-UWYZĐ])"
                             r"(?P<after>[.)\]/:\-]?[)\]]?)")
_AMBIGUOUS_LETTER = re.compile(r"(?P<before>(?:[^\W\d_]+\s){0,4})[CILVX](?P<after>[.)\]/:\-]?)")
_LAST_COUNTER = re.compile(r"(?P<roman>[IVXLC]+)(?=[^IVXLC]*$)|(?P<digits>\d+)(?=\D*$)")
# A label counting in lower-case Roman numerals ("(ii)", "iv.", "(v)"), as label_shape reads them.
_LOWER_ROMAN_COUNTER = re.compile(r"(?P<before>[(\[]?)(?P<roman>[ivxl]+)(?P<after>[.)\]/:\-]?[)\]]?)")


def relabelled(label: str, value: int, letters: bool = False) -> str | None:
    """The label written with its last counter at `value`, as its ladder would write it:
    "(V)" -> "(VI)" for 6, "1.4." -> "1.5." for 5, "03." -> "04." for 4 (zero-padded as
    it is), "e/" -> "f/" for 6 (a letter's ladder: a to z, in the label's case, đ counted as d),
    "(ii)" -> "(i)" for 1 (a lower-case Roman numeral's, "(v)" one too as label_shape reads it);
    None for a counter in words or no counter. A letter that is also a Roman numeral ("C.") is
    counted as a letter where its ladder is known to count letters (`letters`: "C." -> "D." for 4)."""
    if letters and (ambiguous := _AMBIGUOUS_LETTER.fullmatch(label)):
        return f"{ambiguous['before']}{chr(ord('A') + value - 1)}{ambiguous['after']}" if 1 <= value <= 26 else None
    numeral = re.search(f"[{_UNICODE_ROMAN}]", label)
    if numeral:  # "Ⅱ." -> "Ⅲ." for 3: Unicode's numerals run Ⅰ to Ⅻ (ⅰ to ⅻ)
        first = 0x2160 if numeral[0] <= "\u216f" else 0x2170
        return label[:numeral.start()] + chr(first + value - 1) + label[numeral.end():] if 1 <= value <= 12 else None
    lower = _LOWER_ROMAN_COUNTER.fullmatch(label)
    if lower and label_shape(label).strip("()[]./:-") == "i":
        return f"{lower['before']}{roman_numeral(value).lower()}{lower['after']}" if value >= 1 else None
    letter = _LETTER_COUNTER.fullmatch(label)
    if letter:
        first = "a" if letter["letter"].islower() else "A"
        return f"{letter['before']}{chr(ord(first) + value - 1)}{letter['after']}" if 1 <= value <= 26 else None
    counters = list(_LAST_COUNTER.finditer(label))
    if not counters or value < 1:
        return None
    m = counters[-1]
    if m["digits"]:
        counter = str(value).zfill(len(m["digits"]))
    else:
        counter = roman_numeral(value)
    return label[: m.start()] + counter + label[m.end():]


def final_ones(value: int) -> int:
    """How many I's the Roman numeral worth `value` ends with: those OCR may lose ("III" read
    "I" or "II": 3; "IV": 0, for losing its I makes it "V")."""
    numeral = roman_numeral(value)
    return len(numeral) - len(numeral.rstrip("I"))


def roman_numeral(value: int) -> str:
    """The Roman numeral of a value: 4 -> "IV" (also a Word list's counter, parse/numbering.py)."""
    out = ""
    for amount, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= amount:
            out += numeral
            value -= amount
    return out
