"""Vietnamese typed in legacy font encodings (TCVN3/ABC, VNI) read as Unicode:
what `baocao.parse.legacy` promises."""

import string
import unicodedata

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from baocao.parse.docx import read_docx
from baocao.parse.legacy import (
    detect_legacy,
    encoding_of_font,
    from_unicode,
    is_upper_case_font,
    spells_syllable,
    text_in_font,
    to_unicode,
    typed_in,
)

TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # grave, hook, tilde, acute, dot
LOWER = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in TONES] + list("ăâêôơưđ")
UPPER = [letter.upper() for letter in LOWER]
TCVN3_UPPER_IN_PLAIN_FONT = set("ĂÂÊÔƠƯĐ")  # the only capitals VN3 has outside the H fonts


# --- conversion -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "legacy, unicode",
    [
        # "hoµ": µ is à, so the old accent placement "hoà" is what the file says.
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Bé X©y dùng", "Bộ Xây dựng"),
    ],
)
def test_tcvn3_glossary_examples_convert(legacy, unicode):
    assert to_unicode(legacy, "tcvn3") == unicode


@pytest.mark.parametrize(
    "legacy, unicode",
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("Boä Xaây döïng", "Bộ Xây dựng"),
    ],
)
def test_vni_glossary_examples_convert(legacy, unicode):
    assert to_unicode(legacy, "vni") == unicode


@pytest.mark.parametrize(
    "legacy, encoding, unicode",
    [("Thanh Ho¸", "tcvn3", "Thanh Hoá"), ("Thanh Hãa", "tcvn3", "Thanh Hóa"),
     ("Hoaø Bình", "vni", "Hoà Bình"), ("Hoøa Bình", "vni", "Hòa Bình")],
)
def test_accent_placement_is_kept_as_typed(legacy, encoding, unicode):
    assert to_unicode(legacy, encoding) == unicode


@pytest.mark.parametrize(
    "legacy, unicode",
    [
        # Code points read off the TCVN 5712:1993 VN3 chart, not from the module's table.
        ("\xb8", "á"), ("\xc6", "ặ"), ("\xca", "ấ"), ("\xd5", "ế"), ("\xdc", "ĩ"), ("\xe3", "ó"),
        ("\xed", "ớ"), ("\xf8", "ứ"), ("\xfe", "ỵ"), ("\xad", "ư"), ("\xae", "đ"), ("\xa7", "Đ"),
        ("\xa5", "Ơ"), ("\xa1", "Ă"),
    ],
)
def test_tcvn3_codes_are_the_standard_ones(legacy, unicode):
    assert to_unicode(legacy, "tcvn3") == unicode


@pytest.mark.parametrize(
    "legacy, unicode",
    [
        ("aú", "ẳ"), ("AÚ", "Ẳ"), ("aü", "ẵ"), ("î", "ỵ"), ("Î", "Ỵ"), ("ò", "ị"), ("Ò", "Ị"),
        ("æ", "ỉ"), ("ó", "ĩ"), ("ì", "ì"), ("ñ", "đ"), ("Ñ", "Đ"), ("ôù", "ớ"), ("ÔÙ", "Ớ"),
        ("öï", "ự"), ("ÖÏ", "Ự"), ("eá", "ế"), ("EÁ", "Ế"), ("yõ", "ỹ"), ("Tröôøng", "Trường"),
    ],
)
def test_vni_codes_are_the_standard_ones(legacy, unicode):
    assert to_unicode(legacy, "vni") == unicode


@pytest.mark.parametrize("legacy, unicode", [("COäNG", "CỘNG"), ("coÄng", "cộng"), ("Aø", "À")])
def test_vni_mark_in_the_other_case_follows_its_base_letter(legacy, unicode):
    # Case changed in Word after typing: the base letter says which case was meant.
    assert to_unicode(legacy, "vni") == unicode


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_every_vietnamese_letter_round_trips_through_vni(letter):
    assert to_unicode(from_unicode(letter, "vni"), "vni") == letter


@pytest.mark.parametrize("letter", LOWER + sorted(TCVN3_UPPER_IN_PLAIN_FONT))
def test_every_lower_case_letter_round_trips_through_tcvn3(letter):
    assert to_unicode(from_unicode(letter, "tcvn3"), "tcvn3") == letter


@pytest.mark.parametrize("letter", UPPER)
def test_every_capital_round_trips_through_the_tcvn3_capitals_font(letter):
    assert to_unicode(from_unicode(letter, "tcvn3"), "tcvn3", upper_case_font=True) == letter


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_letters_have_distinct_codes(encoding):
    letters = LOWER + (UPPER if encoding == "vni" else sorted(TCVN3_UPPER_IN_PLAIN_FONT))
    codes = [from_unicode(letter, encoding) for letter in letters]
    assert len(set(codes)) == len(codes)


def test_upper_case_font_text_comes_out_in_capitals():
    typed = "céng hoµ x· héi chñ nghÜa viÖt nam"  # typed in lower case, shown in capitals
    assert text_in_font(typed, ".VnTimeH") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_text_in_a_unicode_font_is_left_alone():
    assert text_in_font("Cộng hòa xã hội", "Times New Roman") == "Cộng hòa xã hội"
    assert text_in_font("Cộng hòa xã hội", None) == "Cộng hòa xã hội"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_ascii_digits_and_punctuation_are_left_alone(encoding):
    assert to_unicode(string.printable, encoding) == string.printable
    assert to_unicode("Sè: 123/BC-UBND, ngµy 16/5/2022 (15.500 triÖu ®ång).", "tcvn3") == (
        "Số: 123/BC-UBND, ngày 16/5/2022 (15.500 triệu đồng)."
    )


@pytest.mark.parametrize("legacy, encoding", [("Céng hoµ", "tcvn3"), ("Coäng hoøa", "vni")])
def test_converted_text_is_nfc(legacy, encoding):
    converted = to_unicode(legacy, encoding)
    assert converted == unicodedata.normalize("NFC", converted)


def test_an_unknown_encoding_is_refused():
    with pytest.raises(ValueError, match="viscii"):
        to_unicode("abc", "viscii")


# --- which font says which encoding ---------------------------------------------------

@pytest.mark.parametrize(
    "font, encoding",
    [
        (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3"), (".VnArial", "tcvn3"), (".VnArialH", "tcvn3"),
        (".VnArial NarrowH", "tcvn3"), (".vntime", "tcvn3"), (" .VnTime ", "tcvn3"), (".VNTIME", "tcvn3"),
        ("VK Sans Serif", "tcvn3"), ("ABCDEF+.VnTime", "tcvn3"), (".VnTime,Bold", "tcvn3"),
        ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("vni-times", "vni"), (" VNI-Times ", "vni"),
        ("VNI Times", "vni"),
        ("Times New Roman", None), ("Arial", None), ("Calibri", None), ("", None), (None, None),
    ],
)
def test_encoding_of_font(font, encoding):
    assert encoding_of_font(font) == encoding


@pytest.mark.parametrize(
    "font, upper",
    [(".VnTimeH", True), (".VnArialH", True), (" .VnTimeH ", True), (".vntimeh", True),
     (".VnTime", False), (".VnBlack", False), ("VNI-Times", False), ("Times New Roman", False)],
)
def test_capitals_fonts_are_the_tcvn3_h_fonts(font, upper):
    assert is_upper_case_font(font) is upper


# --- detection from the text alone ----------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
        "§éc lËp - Tù do - H¹nh phóc",
        "Bé X©y dùng",
        "Thùc hiÖn v¨n b¶n sè 1683/BXD-PTDT ngµy 16/5/2022 cña Bé X©y dùng, UBND tØnh Qu¶ng Ninh b¸o c¸o nh\xad sau:",
        "Trªn ®©y lµ b¸o c¸o t×nh h×nh triÓn khai ®« thÞ th«ng minh cña UBND tØnh.",
    ],
)
def test_tcvn3_text_is_recognised(text):
    assert detect_legacy(text) == "tcvn3"


@pytest.mark.parametrize(
    "text",
    [
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
        "Ñoäc laäp - Töï do - Haïnh phuùc",
        ("Thöïc hieän vaên baûn soá 1683/BXD-PTDT ngaøy 16/5/2022 cuûa Boä Xaây döïng, "
         "UBND tænh Quaûng Ninh baùo caùo nhö sau:"),
        "Treân ñaây laø baùo caùo tình hình trieån khai ñoâ thò thoâng minh cuûa UBND tænh.",
    ],
)
def test_vni_text_is_recognised(text):
    assert detect_legacy(text) == "vni"


@pytest.mark.parametrize(
    "text",
    [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Có thì có, không thì thôi",  # Unicode words made of Latin-1 letters only
        "Trên đây là báo cáo tình hình triển khai đô thị thông minh của UBND tỉnh.",
        "The sample was 5 µm thick and cost £20 © 2023",
        "Céline à Noël",
        "Les élèves ont reçu leurs diplômes à Noël, où ils ont fêté ça.",
        "Où est-il ? Où va-t-il ?",
        "naïve, aïeul, maïs, Citroën, coût, goût, août",
        "Schöne Grüße aus München und Köln, die Straße entlang.",
        "El niño está en la montaña con su señora, ¿dónde? Sí, allí.",
        "",
        "123/BC-UBND",
    ],
)
def test_other_text_is_not_taken_for_legacy(text):
    assert detect_legacy(text) is None


def test_a_long_unicode_report_is_known_without_converting_its_words(monkeypatch):
    """A report in Unicode Vietnamese repeats its words: once more of its words carry letters
    only Unicode has than it has distinct words, no legacy encoding can explain enough of them,
    and no word is converted to find out (that was a third of a text PDF's reading time)."""
    import baocao.parse.legacy as legacy

    def no_conversion(*args):
        raise AssertionError("a word was converted")

    text = "Tỉnh đã đầu tư hệ thống dịch vụ công trực tuyến và hạ tầng dùng chung của tỉnh. " * 20
    monkeypatch.setattr(legacy, "to_unicode", no_conversion)
    assert detect_legacy(text) is None


@pytest.mark.parametrize("word, spelled", [("khoan", True), ("nghiep", True), ("truong", True), ("gi", True),
                                           ("dugc", False), ("ngiep", False), ("ce", False), ("ka", False)])
def test_a_folded_word_is_told_spelled_as_a_syllable_by_onset_and_rhyme(word, spelled):
    assert spells_syllable(word) is spelled


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detection_follows_the_encoding_the_text_was_typed_in(encoding):
    text = "Tổng kinh phí thực hiện Đề án đô thị thông minh của tỉnh như sau"
    assert detect_legacy(from_unicode(text, encoding)) == encoding


# --- a real .docx ---------------------------------------------------------------------

W_RFONTS = qn("w:rFonts")


def _rfonts_font(rfonts, slot: str) -> tuple[bool, str | None]:
    """(decided, font) for one w:rFonts element and one slot ("hAnsi" or "ascii")."""
    if rfonts is None:
        return False, None
    if rfonts.get(qn(f"w:{slot}Theme")) is not None:
        return True, None  # a theme font (Calibri, Times New Roman...): never a legacy one
    name = rfonts.get(qn(f"w:{slot}"))
    return (name is not None), name


def _style_chain(style):
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def run_font(run, paragraph, word) -> str | None:
    """The font Word draws the run's Latin-1 characters in: the w:hAnsi slot (falling back
    to w:ascii), looked up in the run's own properties, its character style, the paragraph
    style (each up its basedOn chain), then the document defaults."""
    rpr_owners = [run._r]
    if run.style is not None and run._r.rPr is not None and run._r.rPr.rStyle is not None:
        rpr_owners += [s.element for s in _style_chain(run.style)]
    rpr_owners += [s.element for s in _style_chain(paragraph.style)]
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    if defaults is not None:
        rpr_owners.append(defaults)
    for slot in ("hAnsi", "ascii"):
        for owner in rpr_owners:
            decided, name = _rfonts_font(owner.find(f"{qn('w:rPr')}/{W_RFONTS}"), slot)
            if decided:
                return name
    return None


def run_text(run) -> str:
    """The run's text as the reader takes it (w:softHyphen back as 0xAD: ư in TCVN3)."""
    from baocao.parse.docx import _legacy_run_text

    return _legacy_run_text(run._r)


def decode_legacy_runs(docx_path) -> str:
    """The body paragraphs of a .docx, each run converted according to its font."""
    word = docx.Document(str(docx_path))
    return "\n".join(
        "".join(text_in_font(run_text(run), run_font(run, paragraph, word)) for run in paragraph.runs)
        for paragraph in word.paragraphs
    )


def soft_hyphen_run(paragraph, before: str, after: str, font: str):
    run = paragraph.add_run(before)
    run.font.name = font
    run._r.append(OxmlElement("w:softHyphen"))
    t = OxmlElement("w:t")
    t.text = after
    run._r.append(t)
    return run


@pytest.fixture
def legacy_docx(tmp_path):
    """A report the way old offices typed it: a .VnTimeH title style, body in .VnTime set
    on the Normal style, one run in direct .VnTime, a Unicode run in the default theme font,
    and "ư" stored as Word's optional hyphen."""
    word = docx.Document()
    word.styles["Normal"].font.name = ".VnTime"
    title = word.styles.add_style("Tieu de VN", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = word.styles["Normal"]
    title.font.name = ".VnTimeH"
    word.add_paragraph("Céng hoµ x· héi chñ nghÜa viÖt nam", style="Tieu de VN")
    word.add_paragraph("§éc lËp - Tù do - H¹nh phóc")  # Normal: .VnTime from the style
    mixed = word.add_paragraph()
    unicode_run = mixed.add_run("Kính gửi: ")
    unicode_run.font.name = "Times New Roman"
    legacy_run = mixed.add_run("Bé X©y dùng")
    legacy_run.font.name = ".VnTime"
    ministry = word.add_paragraph()
    soft_hyphen_run(ministry, "Thñ t", "íng ChÝnh phñ", ".VnTime")
    path = tmp_path / "bao-cao-cu.docx"
    word.save(path)
    return path


EXPECTED_LINES = [
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Kính gửi: Bộ Xây dựng",
    "Thủ tướng Chính phủ",
]


def test_runs_converted_by_their_font_give_the_vietnamese_text(legacy_docx):
    assert decode_legacy_runs(legacy_docx).split("\n") == EXPECTED_LINES


def test_a_theme_font_run_is_not_converted(tmp_path):
    word = docx.Document()  # default template: body text in the theme's minor font
    word.add_paragraph("Cộng hòa xã hội chủ nghĩa Việt Nam")
    path = tmp_path / "unicode.docx"
    word.save(path)
    assert decode_legacy_runs(path) == "Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_read_docx_gives_legacy_font_text_as_unicode(legacy_docx):
    assert [block.text for block in read_docx(legacy_docx).blocks] == EXPECTED_LINES


def test_a_symbol_inserted_among_legacy_font_runs_stays_its_symbol_fonts_character(tmp_path):
    """An arrow inserted as a symbol (w:sym) in a .VnTime paragraph: the symbol font's own
    private-use character, which no legacy code turns into a letter, the run after it converted."""
    word = docx.Document()
    word.styles["Normal"].font.name = ".VnTime"
    heading = word.add_paragraph()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings")
    sym.set(qn("w:char"), "F0D8")
    heading.add_run()._r.append(sym)
    heading.add_run(" Bé X©y dùng")
    path = tmp_path / "bao-cao-cu.docx"
    word.save(path)
    assert [block.text for block in read_docx(path).blocks] == ["\uf0d8 Bộ Xây dựng"]


# --- legacy font names on Unicode text ---------------------------------------------------

@pytest.mark.parametrize(
    "text, encoding, typed",
    [
        ("Bé X©y dùng", "tcvn3", True),  # "X©y" is only TCVN3's "Xây"
        ("Coäng hoøa xaõ hoäi", "vni", True),
        ("Bộ Xây dựng", "tcvn3", False),  # ộ â ự: no legacy byte is a Unicode Vietnamese letter
        ("Bộ Xây dựng", "vni", False),
        ("X©", "tcvn3", None),  # half of "X©y", Word's runs split mid-word: the document decides
        ("Céline à Noël", "tcvn3", None),  # no Vietnamese either way: the document decides
        ("Bé", "tcvn3", None),  # "Bé" and TCVN3 "Bộ" are both syllables
        ("và", "tcvn3", None),
        ("1) ", "tcvn3", None),
    ],
)
def test_a_runs_text_says_whether_it_is_typed_in_its_legacy_font(text, encoding, typed):
    assert typed_in(text, encoding) is typed


def converted_docx(path):
    """A TCVN3 report converted to Unicode by Unikey or Word: ".VnTime" left on the Normal style,
    ".VnTimeH" on a heading, the text Unicode."""
    word = docx.Document()
    word.styles["Normal"].font.name = ".VnTime"
    word.add_paragraph("Cộng hòa xã hội chủ nghĩa Việt Nam")
    heading = word.add_paragraph()
    heading.add_run("Phần IV: Kinh phí thực hiện").font.name = ".VnTimeH"
    word.add_paragraph("Bé")
    word.add_paragraph("và")
    word.add_paragraph("Tổng số: 21.198 triệu đồng.")
    word.save(path)
    return path


CONVERTED_LINES = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Phần IV: Kinh phí thực hiện", "Bé", "và",
                   "Tổng số: 21.198 triệu đồng."]


def test_a_file_converted_to_unicode_that_kept_its_legacy_fonts_reads_as_written(tmp_path):
    """The text in legacy fonts is Unicode and stays so, even a run that would read either way
    ("Bé", "và"): the document's other runs say it is Unicode."""
    path = converted_docx(tmp_path / "da-chuyen-ma.docx")
    assert [block.text for block in read_docx(path).blocks] == CONVERTED_LINES


@pytest.mark.parametrize("fmt", ["doc", "rtf"])
def test_a_converted_file_sent_as_doc_or_rtf_reads_as_written_too(tmp_path, fmt):
    """LibreOffice keeps the ".VnTime" names when it turns a .doc or .rtf into the .docx the reader reads."""
    from ocr_builders import soffice_convert

    from baocao.parse.convert import convert_to_docx

    sent = soffice_convert(converted_docx(tmp_path / "da-chuyen-ma.docx"), fmt, tmp_path / fmt)
    path = convert_to_docx(sent, tmp_path / "back")
    assert [block.text for block in read_docx(path).blocks] == CONVERTED_LINES


def test_an_old_file_with_a_unicode_line_added_later_reads_each_as_typed(tmp_path):
    """A TCVN3 file a later hand added to in Unicode, all in ".VnTime": the Unicode line is kept,
    the TCVN3 lines decoded, and a run that reads either way ("é" in .VnTimeH: "Ộ", half a word)
    follows the document's legacy runs."""
    word = docx.Document()
    word.styles["Normal"].font.name = ".VnTime"
    word.add_paragraph("§éc lËp - Tù do - H¹nh phóc")
    word.add_paragraph("Bé X©y dùng")
    word.add_paragraph("Đã bổ sung số liệu.")
    split = word.add_paragraph()  # Word split the runs mid-word: "X©" alone says nothing
    split.add_run("X©")
    split.add_run("y dùng")
    capitals = word.add_paragraph()
    capitals.add_run("C").font.name = ".VnTime"
    capitals.add_run("é").font.name = ".VnTimeH"
    capitals.add_run("NG").font.name = ".VnTime"
    path = tmp_path / "bao-cao-cu.docx"
    word.save(path)
    assert [block.text for block in read_docx(path).blocks] == [
        "Độc lập - Tự do - Hạnh phúc", "Bộ Xây dựng", "Đã bổ sung số liệu.", "Xây dựng", "CỘNG"]


def test_only_a_text_holding_a_character_of_the_legacy_codes_alone_may_be_legacy():
    # The cheap test a line read on its own passes before it is converted to find out: Unicode
    # Vietnamese and ASCII hold none of "µ", "¸", "¨", "©" (TCVN3), "ø", "ä" (VNI).
    from baocao.parse.legacy import TCVN3, VNI, from_unicode, may_be_legacy

    line = "Bắc Ninh, ngày 6 tháng 5 năm 2022"
    assert may_be_legacy(from_unicode(line, TCVN3)) and may_be_legacy(from_unicode("Cộng hòa", VNI))
    assert not may_be_legacy(line) and not may_be_legacy("Số: 340/BC-UBND") and not may_be_legacy("ỨNG DỤNG")
