"""The held-out section corpora (fixtures/heldout for pool 1, fixtures/heldout-2 for pool 2,
fixtures/heldout-3 for pool 3, fixtures/heldout-4 for pool 4, fixtures/heldout-5 for pool 5,
fixtures/heldout-6 for pool 6, fixtures/heldout-7 for pool 7, fixtures/heldout-8 for pool 8,
fixtures/heldout-9 for pool 9, fixtures/heldout-10 for pool 10, fixtures/heldout-11 for pool 11,
fixtures/heldout-12 for pool 12, fixtures/heldout-13 for pool 13, fixtures/heldout-14 for pool 14,
fixtures/heldout-15 for pool 15, fixtures/heldout-16 for pool 16, fixtures/heldout-17 for pool 17,
fixtures/heldout-18 for pool 18, fixtures/heldout-19 for pool 19, fixtures/heldout-20 for pool 20,
fixtures/heldout-21 for pool 21, fixtures/heldout-22 for pool 22, fixtures/heldout-23 for
pool 23, written by fixtures/make_heldout.py): what is committed is
what the generator makes, their headings share no phrase with the campaign's lists (else they
would measure the lists again), a later pool's share no wording with an earlier pool's (else it
would measure what the earlier pool's failures taught), and each pool holds every ladder and
layout it promises.
Pools 1-22 have been looked at and are tuning corpora now (pool 13 once, at the start of the
twelfth session, pool 14 once, at its end, pool 15 once, at the start of the thirteenth, pool 16
once, at its end, pool 17 once, at the start of the fourteenth, pool 18 once, late in it, pool 19
once, at the start of the fifteenth, pool 20 once, late in it, pool 21 once, at its end, pool 22
once, at the start of the sixteenth); pool 23 is the held-out one, made without reading the
reader or any result on pool 22.
bench/sections.py scores the reader on them; nothing here does, since the reader must not
be tuned on a held-out pool."""

from __future__ import annotations

import functools
import html
import importlib.util
import itertools
import json
import math
import re
import subprocess
import sys
import types
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

from baocao.campaign import load_campaign

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPORA = {1: FIXTURES / "heldout", 2: FIXTURES / "heldout-2", 3: FIXTURES / "heldout-3", 4: FIXTURES / "heldout-4",
           5: FIXTURES / "heldout-5", 6: FIXTURES / "heldout-6", 7: FIXTURES / "heldout-7",
           8: FIXTURES / "heldout-8", 9: FIXTURES / "heldout-9", 10: FIXTURES / "heldout-10",
           11: FIXTURES / "heldout-11", 12: FIXTURES / "heldout-12", 13: FIXTURES / "heldout-13",
           14: FIXTURES / "heldout-14", 15: FIXTURES / "heldout-15", 16: FIXTURES / "heldout-16",
           17: FIXTURES / "heldout-17", 18: FIXTURES / "heldout-18", 19: FIXTURES / "heldout-19",
           20: FIXTURES / "heldout-20", 21: FIXTURES / "heldout-21", 22: FIXTURES / "heldout-22",
           23: FIXTURES / "heldout-23", 24: FIXTURES / "heldout-24",
           25: FIXTURES / "heldout-25", 26: FIXTURES / "heldout-26",
           27: FIXTURES / "heldout-27", 28: FIXTURES / "heldout-28",
           29: FIXTURES / "heldout-29", 30: FIXTURES / "heldout-30",
           31: FIXTURES / "heldout-31", 32: FIXTURES / "heldout-32",
           33: FIXTURES / "heldout-33", 34: FIXTURES / "heldout-34",
           35: FIXTURES / "heldout-35", 36: FIXTURES / "heldout-36",
           37: FIXTURES / "heldout-37", 38: FIXTURES / "heldout-38",
           39: FIXTURES / "heldout-39", 40: FIXTURES / "heldout-40",
           41: FIXTURES / "heldout-41", 42: FIXTURES / "heldout-42",
           43: FIXTURES / "heldout-43", 44: FIXTURES / "heldout-44",
           45: FIXTURES / "heldout-45", 46: FIXTURES / "heldout-46",
           47: FIXTURES / "heldout-47", 48: FIXTURES / "heldout-48",
           49: FIXTURES / "heldout-49", 50: FIXTURES / "heldout-50",
           51: FIXTURES / "heldout-51", 52: FIXTURES / "heldout-52",
           53: FIXTURES / "heldout-53", 54: FIXTURES / "heldout-54",
           55: FIXTURES / "heldout-55", 56: FIXTURES / "heldout-56",
           57: FIXTURES / "heldout-57", 58: FIXTURES / "heldout-58",
           59: FIXTURES / "heldout-59", 60: FIXTURES / "heldout-60",
           61: FIXTURES / "heldout-61", 62: FIXTURES / "heldout-62",
           63: FIXTURES / "heldout-63", 64: FIXTURES / "heldout-64",
           65: FIXTURES / "heldout-65", 66: FIXTURES / "heldout-66",
           67: FIXTURES / "heldout-67"}
LADDERS_2 = {"level2_under_one", "part_roman", "letter_upper", "unnumbered_bold", "part_ordinal"}
NEW_LADDERS_3 = {"auto_numbered", "arabic_slash", "roman_dash", "muc_colon", "ordinal_words", "roman_tab",
                 "level2_under_content", "sentence_case_plain", "arabic_paren"}
NEW_LADDERS_5 = {"decimal_under_one", "cau_question", "heading_box", "bold_lead_sentence"}
NEW_LADDERS_6 = {"one_table", "lower_roman", "muc_roman", "roman_paren", "arabic_dash", "arabic_colon",
                 "heading_textbox"}
NEW_LADDERS_7 = {"mot_la", "auto_lvltext", "zero_padded", "roman_in_parens", "decimal_under_plain",
                 "heading_over_text", "content_control"}
NEW_LADDERS_4 = {"dieu_number", "noi_dung_colon", "arabic_dot_dash", "paren_number", "roman_slash", "dash_bold",
                 "decimal_zero", "heading_table_row", "level3_under_part"}
LADDERS = {
    1: {"level2_under_one", "part_roman", "letter_upper", "unnumbered_bold"},
    2: LADDERS_2,
    3: LADDERS_2 | NEW_LADDERS_3,
    4: NEW_LADDERS_4 | {"auto_numbered", "muc_colon", "level2_under_content", "part_roman", "ordinal_words",
                        "unnumbered_bold", "arabic_slash", "roman_dash", "roman_tab", "arabic_paren",
                        "level2_under_one", "roman", "arabic"},  # pools 1-3's, at a lower weight
    5: NEW_LADDERS_5 | {"dieu_number", "heading_table_row", "level3_under_part", "decimal_zero", "dash_bold",
                        "arabic_dot_dash", "unnumbered_bold", "level2_under_one", "sentence_case_plain",
                        "part_roman", "letter_upper", "auto_numbered", "arabic_slash", "roman_dash", "muc_colon",
                        "ordinal_words", "roman_tab", "level2_under_content", "arabic_paren",
                        "arabic"},  # pools 1-4's, at a lower weight
    6: NEW_LADDERS_6 | {"arabic", "arabic_paren", "arabic_slash", "auto_numbered", "cau_question", "dash_bold",
                        "decimal_under_one", "decimal_zero", "heading_box", "heading_table_row",
                        "level2_under_content", "level2_under_one", "muc_colon", "ordinal_words", "part_roman",
                        "roman_dash", "roman_slash", "roman_tab", "sentence_case_plain"},  # pools 1-5's, lower weight
    7: NEW_LADDERS_7 | {"arabic", "arabic_dot_dash", "arabic_paren", "arabic_slash", "auto_numbered",
                        "bold_lead_sentence", "cau_question", "dash_bold", "decimal_under_one", "decimal_zero",
                        "heading_box", "heading_table_row", "heading_textbox", "level2_under_content",
                        "level3_under_part", "muc_colon", "muc_roman", "noi_dung_colon", "one_table", "ordinal_words",
                        "paren_number", "roman_dash", "roman_slash", "roman_tab",
                        "sentence_case_plain"},  # pools 1-6's, at a lower weight
}
LAYOUTS_1 = {"first_heading_missing", "heading_line_break", "extra_heading_between", "reordered", "merged_5_6"}
LAYOUTS_2 = LAYOUTS_1 | {"number_skipped", "trailing_colon", "heading_without_outline_words"}
NEW_LAYOUTS_3 = {"merged_2_3", "item_left_out", "item_no_content", "question_heading", "heading_note_mark",
                 "number_own_line", "sub_list_like_items", "summary_table", "annex"}
NEW_LAYOUTS_4 = {"merged_4_5", "item_6_split", "heading_run_in", "kinh_gui_preamble", "caps_not_bold",
                 "italic_heading", "larger_font_only"}
NEW_LAYOUTS_5 = {"summary_first", "province_order", "page_per_item", "nbsp_numbering", "underline_only",
                 "coloured_heading"}
NEW_LAYOUTS_6 = {"table_of_contents", "tracked_changes", "question_under_heading", "two_columns", "landscape_table",
                 "running_header", "centred_headings"}
LAYOUTS = {1: LAYOUTS_1, 2: LAYOUTS_2, 3: LAYOUTS_2 | NEW_LAYOUTS_3,
           4: NEW_LAYOUTS_4 | (LAYOUTS_2 | NEW_LAYOUTS_3) - {"trailing_colon"},  # pools 1-3's, as second layouts
           5: NEW_LAYOUTS_5 | (LAYOUTS_2 | NEW_LAYOUTS_3 | NEW_LAYOUTS_4)  # pools 1-4's, most as second layouts
           - {"trailing_colon", "number_own_line", "italic_heading", "larger_font_only"},
           6: NEW_LAYOUTS_6 | {"annex", "caps_not_bold", "coloured_heading", "extra_heading_between",  # pools 1-5's
                               "first_heading_missing", "heading_line_break", "heading_note_mark", "italic_heading",
                               "item_6_split", "item_no_content", "kinh_gui_preamble", "merged_2_3", "merged_4_5",
                               "merged_5_6", "nbsp_numbering", "number_skipped", "province_order",
                               "question_heading", "reordered", "summary_first", "trailing_colon", "underline_only"}}
NEW_LAYOUTS_7 = {"forwarding_letter", "cover_page", "annex_repeats_headings", "item_6_addressees", "bullet_subheads",
                 "body_page_marks", "split_run_heading", "item_none_answer", "small_caps_heading", "justified_text"}
LAYOUTS[7] = NEW_LAYOUTS_7 | {"centred_headings", "coloured_heading", "extra_heading_between",  # pools 1-6's
                              "first_heading_missing", "heading_line_break", "heading_note_mark", "heading_run_in",
                              "italic_heading", "item_left_out", "item_no_content", "landscape_table", "merged_2_3",
                              "merged_4_5", "merged_5_6", "number_skipped", "question_under_heading", "reordered",
                              "running_header", "summary_table", "table_of_contents", "trailing_colon",
                              "tracked_changes", "two_columns", "underline_only"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám")
MOT_LA = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám")  # "Một là, ...", "Hai là, ..."


@functools.cache
def generator():
    """fixtures/make_heldout.py as a module (a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_heldout", FIXTURES / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_heldout"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@functools.cache
def entries_of(pool: int) -> list[dict]:
    return json.loads((CORPORA[pool] / "expected.json").read_text(encoding="utf-8"))


def files_of(pool: int, layout: str | None = None, ladder: str | None = None,
             kind: str | None = None) -> list[dict]:
    """A pool's entries with that layout among theirs, that ladder and that kind (any, where None)."""
    return [e for e in entries_of(pool) if (layout is None or layout in e["layouts"])
            and (ladder is None or e["ladder"] == ladder) and (kind is None or e["kind"] == kind)]


def item_headings(entry: dict) -> list[dict]:
    return [h for h in entry["headings"] if h["items"]]


# ---------------------------------------------------------------------------------------
# Reading a file of the corpus
# ---------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def path_of(entry: dict) -> Path:
    return CORPORA[entry["pool"]] / entry["file"]


def word_document(entry: dict):
    """A .docx opened with python-docx: its styles, runs' looks and sections."""
    import docx

    return docx.Document(str(path_of(entry)))


def docx_blocks(entry: dict):
    """A .docx's paragraphs and tables at the top of its body, in the order written."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = word_document(entry)
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            yield Paragraph(element, document)
        elif element.tag == qn("w:tbl"):
            yield Table(element, document)


def part_text(entry: dict, name: str = "word/document.xml") -> str:
    """A part of a .docx as it is written, for a pattern to be searched in."""
    with zipfile.ZipFile(path_of(entry)) as z:
        return z.read(name).decode("utf-8")


def part_tree(entry: dict, name: str = "word/document.xml"):
    """A part of a .docx, parsed: what python-docx does not show (fields, moves, shapes)."""
    from lxml import etree

    with zipfile.ZipFile(path_of(entry)) as z:
        return etree.fromstring(z.read(name))


def body_paragraphs(entry: dict) -> list:
    """A .docx's w:p elements in order, those in tables, text boxes and content controls too."""
    return list(part_tree(entry).iter(f"{W}p"))


def body_texts(entry: dict) -> list[str]:
    """The text of each of body_paragraphs, empty ones kept."""
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body_paragraphs(entry)]


def paragraph_text(p) -> str:
    """A w:p's text: every w:t of its runs, those in links and smart tags too, and tabs as tabs."""
    return "".join(node.text or "" if node.tag == f"{W}t" else "\t"
                   for node in p.iter(f"{W}t", f"{W}tab") if node.getparent().tag == f"{W}r")


def own_text(p) -> str:
    """A w:p's own text, without what its shapes (text boxes) hold."""
    return "".join(t.text or "" for t in p.iter(f"{W}t") if not any(a.tag == f"{W}txbxContent"
                                                                     for a in t.iterancestors()))


def shown_text(p) -> str:
    """A w:p's text as Word shows it: hidden runs (w:vanish) left out."""
    return "".join(t.text or "" for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}vanish") is None
                   for t in r.iter(f"{W}t"))


def heading_title_runs(entry: dict) -> list:
    """The python-docx runs of the paragraphs, in the body or in a table's cell, that hold an
    item heading's title (a label cell's number aside)."""
    lines = {h["text"].split(" | ")[-1] for h in item_headings(entry)}
    document = word_document(entry)
    runs = [r for p in document.paragraphs if p.text in lines for r in p.runs]
    return runs + [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
                   if p.text in lines for r in p.runs]


def heading_paragraphs(entry: dict) -> list:
    """The w:p elements that begin each item heading (its first line), in the headings' order.
    A paragraph may go on after the heading (run in, hidden text); Word draws the number of a
    style_numbered heading and symbol_bullet's arrow is a w:sym, so neither is in its text."""
    paragraphs = body_paragraphs(entry)
    found = []
    for h in item_headings(entry):
        first = h["text"].split("\n")[0].removeprefix("\uf0d8 ")
        if entry["ladder"] == "style_numbered":
            first = first.split(". ", 1)[1]
        found.append(next(p for p in paragraphs if paragraph_text(p).strip().startswith(first)))
    return found


def heading_line_paragraph(paragraphs: list, line: str):
    """The w:p whose own text is the whole of a heading's line, but for a number Word draws
    (style_numbered's "1. ") or a shape holds (number_in_circle's "1 ")."""
    return next(p for p in paragraphs if (text := own_text(p).strip())
                and re.fullmatch(r"(?:\d+\. |\d )?" + re.escape(text), line.replace("\u200b", "")))


def heading_line_paragraphs(entry: dict) -> list:
    """heading_line_paragraph for each line of each item heading, in order."""
    paragraphs = body_paragraphs(entry)
    return [heading_line_paragraph(paragraphs, line) for h in item_headings(entry) for line in h["text"].split("\n")]


def pdf_text(entry: dict) -> str:
    """A text PDF's words, its pages' lines run together."""
    import pdfplumber

    with pdfplumber.open(path_of(entry)) as pdf:
        return " ".join((p.extract_text() or "").replace("\n", " ") for p in pdf.pages)


def fold(text: str) -> str:
    """Case and diacritics away, đ as d, spaces collapsed: how a phrase would be matched at best."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


PHRASES = {fold(p): p for s in load_campaign().sections for p in s.phrases}
OUTLINE_WORDS = {w for s in load_campaign().sections for w in re.findall(r"\w+", fold(s.heading))}


def shared(text: str) -> list[str]:
    return [p for folded, p in PHRASES.items() if folded in fold(text)]


LABEL = re.compile(r"^(?:Thửa \d+\) |Mương [IVX]+: "  # 67's
                   r"|Bờ [A-F]\. |Mùa thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám) – "  # 67's
                   r"|Ô \d+: |Vạt [IVX]+\. "  # 66's
                   r"|Kệ [A-F]\) |Hiệp thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám) – "  # 66's
                   r"|Đoạn \d+\. |Khoang [IVX]+: "  # 65's
                   r"|Dãy [A-F] – |Lượt thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám)\. "  # 65's
                   r"|Nấc \d+: |Vòng [IVX]+ – "  # 64's
                   r"|Ngăn [A-F]\. |Tiết mục thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám): "  # 64's
                   r"|Phân khúc \d+\. |Mốc [IVX]+\. "  # 63's
                   r"|Phân nhóm [A-F]: |Lát cắt thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám) – "  # 63's
                   r"|Thành tố \d+\. |Luồng [IVX]+: "  # 62's
                   r"|Khung [A-F] – |Điểm tựa thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám): "  # 62's
                   r"|Chương mục \d+\. |Tiểu đề [IVX]+ – "  # 61's
                   r"|Mô-đun [A-F]: |Mắt xích thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám): "  # 61's
                   r"|Phiếu số \d+\. |Bậc [IVX]+: "  # 60's
                   r"|Cột [A-F]\. |Mảnh ghép thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám) – "  # 60's
                   r"|Nhận định \d+: |Lớp [IVX]+\. "  # 59's
                   r"|Mạch [A-F]\) |Mã số \d\d – "  # 59's
                   r"|Luận điểm \d+\. |Góc độ [IVX]+: "  # 58's
                   r"|Tuyến [A-F] – |Mũi thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám): "  # 58's
                   r"|Khâu \d+\. |Cấp độ [IVX]+ – "  # 57's
                   r"|Hướng [A-F]: |Yếu tố \(\d+\): "  # 57's
                   r"|Trọng điểm \d+: |Trục [IVX]+\. "  # 56's
                   r"|Gói [A-F] – |Phần hành (?:một|hai|ba|bốn|năm|sáu|bảy|tám): "  # 56's
                   r"|Ý chính \d+ – |Bình diện [IVX]+\. "  # 55's
                   r"|Phân đoạn [A-F]: |Tiểu hợp phần 1\.\d: "  # 55's
                   r"|Tiêu điểm \d+\. |Phân khu [IVX]+: "  # 54's
                   r"|Nhánh [A-F]/ |Chặng \d/6: "  # 54's
                   r"|Điểm nhấn \d+: |Tầng [IVX]+\. "  # 53's
                   r"|Khối [A-F]: |Công đoạn (?:một|hai|ba|bốn|năm|sáu|bảy|tám)\. "  # 53's
                   r"|Thành phần \d+: |Mục tiêu [IVX]+\. "  # 52's
                   r"|Phương diện [A-F]\. |Bước (?:một|hai|ba|bốn|năm|sáu|bảy|tám) – "  # 52's
                   r"|Chủ điểm \d+: |Mục chính [IVX]+\. "  # 51's
                   r"|Phân hệ [A-F] – |Việc thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám): "  # 51's
                   r"|Trụ cột \d+: |Phần thứ [IVX]+\. "  # 50's
                   r"|Cụm nhiệm vụ [A-F]: |Khía cạnh \d+ – "  # 50's
                   r"|Cấu phần \d+\. |Phần sơ kết [IVX]+: "  # 49's
                   r"|Tiểu phần [A-F] – |Phần (?:một|hai|ba|bốn|năm|sáu|bảy|tám): "  # 49's
                   r"|Đầu việc \d+: |Phần rà soát [IVX]+\. "  # 48's
                   r"|Điểm [a-gđ]\) |Trọng tâm \d+ – "  # 48's
                   r"|Nội dung triển khai \d+: |Phần báo cáo [IVX]+\. "  # 47's
                   r"|Phần hoạt động [A-F]\. |Nhóm công tác \d+\. "  # 47's
                   r"|Mục công tác \d+: |Phần đề cương [IVX]+\. "  # 46's
                   r"|Phần công việc [A-F]\. |Điểm nội dung \d+\. "  # 46's
                   r"|Nội dung công tác \d+: |Phần tự đánh giá [IVX]+\. "  # 45's
                   r"|Mảng nội dung [A-F]\. |Nhóm thông tin \d+\. "  # 45's
                   r"|Nội dung đánh giá \d+: |Phần kiểm điểm [IVX]+ - "  # 44's
                   r"|Phần tổng kết [A-F]: |Mục kết quả \d+\. "  # 44's
                   r"|Nội dung kiểm điểm \d+: |Phần tình hình [IVX]+\. "  # 43's
                   r"|Phần nhận xét [A-F]: |Nhóm kết quả \d+\. "  # 43's
                   r"|Nội dung tổng hợp \d+: |Phần kết quả [IVX]+\. "  # 42's
                   r"|Phần thực hiện [A-F]: |Mục đánh giá \d+\. "  # 42's
                   r"|Nội dung báo cáo \d+: |Phần đánh giá [IVX]+\. "  # 41's
                   r"|Phần giải trình [A-F]: |Mục thông tin \d+\. "  # 41's
                   r"|Nội dung thực hiện \d+: |Phần tổng hợp [IVX]+\. "  # 40's
                   r"|Phần phản hồi [A-F]: |Câu trả lời \d+\. "  # 40's
                   r"|Điểm báo cáo \d+: |Vấn đề báo cáo [IVX]+\. "  # 39's
                   r"|Phần trả lời [A-F]: |Mục trả lời \d+\. "  # 39's
                   r"|Hạng mục báo cáo \d+: |Mục nội dung [IVX]+: "  # 38's
                   r"|Lĩnh vực công tác [A-F]\. |Nội dung trả lời \d+\. "  # 38's
                   r"|Mục đề cương \d+: |Phần trình bày [IVX]+\. "  # 37's
                   r"|Mảng công việc [A-F]: |Nội dung chính \d+\. "  # 37's
                   r"|Nhóm hoạt động \d+\. |Yêu cầu số \d+: |Phần thuyết minh [IVX]+: |Mục lớn [A-F]\. "  # 36's
                   r"|Mặt công tác \d+: |Mục báo cáo \d+\. |Nhóm lĩnh vực [IVX]+: |Phần thông tin [A-F]\. "  # 35's
                   r"|Chuyên mục \d+\. |Nhóm chỉ tiêu \d+: |Nhóm tiêu chí [IVX]+\. |Phần nội dung [A-F]: "  # 34's
                   r"|Khoản mục \d+\. |Nhóm nhiệm vụ \d+: |Nhóm công việc [A-F]\. |Phần mục [IVX]+: "  # 33's
                   r"|Trả lời mục \d+: |Nội dung yêu cầu \d+\. |Nhóm vấn đề [IVX]+: |Phần việc \d+\. "  # 32's
                   r"|Hợp phần \d+: |Chủ đề [IVX]+\. |Đầu mục \d+\. |Nhóm nội dung \d+: "  # pool 31's
                   r"|Hoạt động \d+: |Mảng [IVX]+\. |Tiết \d+\. |Ý \d+\. "  # pool 30's
                   r"|Công việc \d+: |Lĩnh vực [IVX]+\. |Nhiệm vụ [A-F]\. |Mục số \d+: "  # pool 29's
                   r"|Tiểu mục \d+\. |Đối với nội dung \d+: |Đề mục [IVX]+\. |[❶-❽] "  # pool 28's
                   r"|Lĩnh vực \d+: |Khoản \d+\. |[A-F]\.\t|Chuyên đề [IVX]+: "  # pool 27's
                   r"|Chỉ tiêu \d+\. |[A-F] – |Nội dung \d+\. |Nhóm [IVX]+: "  # pool 26's
                   r"|Nhiệm vụ \d+: |[A-F]: |Vấn đề [IVX]+\. |Nội dung [A-F]: "  # pool 25's
                   r"|Chương [IVX]+\. |Câu hỏi \d+\. |Mục [A-F]\. |Tiêu chí \d+: "  # pool 24's
                   r"|Nội dung [IVX]+\. |Phần [A-F]: |[\u2160-\u2167]\. |Hạng mục \d+: "  # pool 23's
                   r"|Phần [IVX]+: |Nội dung số \d+: |\d+ – |[ivx]+- "  # pool 22's
                   r"|\d+\. \| |PHẦN [IVX]+\. |Phần thứ \w+\. |[IVX]+\. |[IVX]+\.\t|[IVX]+- |[A-H]\. |\d+\. "
                   r"|\d+/ |\d+\) "
                   r"|\d+\.\d+\. |Câu \d+\. |Mục [IVX]+\. |[ivx]+\. |[IVX]+\) |\d+- |\d+: "
                   r"|Mục \d+: |Thứ \w+, |Điều \d+\. |Nội dung \d+: |\d+\.- |\(\d+\) |[IVX]+/ |- |\d+\.0 "
                   r"|(?:[IVX]+\.|\d+\.?) \| |(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám) là, |\([IVX]+\) "
                   r"|Câu \d+: |I\.\d+\. "
                   r"|\[\d+\] |[①-⑧] |II\.\d+\. "
                   r"|Nội dung thứ \w+: |[a-h]/ |\d\.\d "
                   r"|\* |\([ivx]+\) |❖ "
                   r"|[a-h]\) "
                   r"|[IVX]+-\t|\d+-\t|[a-hđ]\. |\uf0d8 "
                   r"|[IVX]+: |Mục [IVX]+ – |Nội dung \d+ – "
                   r"|Vấn đề \d+: |Điểm \d+\. |[IVX]+\.(?=\S)|\d+\.(?=[^\s\d])"
                   r"|[ivx]+\) |[A-H]/ |(?:\d+|[IVX]+) - |\d (?=[^\d\s-])"
                   r"|(?i:Yêu cầu) (?:\d+|(?i:thứ) \w+): |[A-H]\) |[IVX]+\.- )")


def title_of(heading: str) -> str:
    """A heading line without its number ("IV. ", "Phần thứ tư. ", "PHẦN IV" on the line
    above, "4/ ", "IV- ", "Mục 4: ", "Thứ tư, ", "Điều 4. ", "Nội dung 4: ", "4.- ", "(4) ",
    "IV/ ", "- ", "4.0 ", a table row's "4 | ") and without a trailing colon: the wording as
    the province chose it. A no-break or ideographic space after the number counts as a space."""
    last = heading.split("\n")[-1].replace("\u00a0", " ").replace("\u3000", " ").replace("\u200b", "")
    title = LABEL.sub("", last).removesuffix(":")
    if title.startswith("Về nội dung “") and title.endswith("”"):  # pool 11's quoted_title
        title = title.removeprefix("Về nội dung “").removesuffix("”")
    return title


def shown_number(heading: str) -> int | None:
    """The number a heading shows, whatever its ladder (II., B., 2., PHẦN II, Phần thứ hai,
    2/, II-, Mục 2:, Thứ hai, 2), Điều 2., Nội dung 2:, (2), II/, 2.0, 2.-, a table row's 2 |, Mục II.,
    ii., II), 2-, 2:, (II), Hai là)."""
    first = heading.split("\n")[0].replace("\u00a0", " ").replace("\u3000", " ")
    if m := re.match(r"Thửa (\d+)\) ", first):  # pool 67's thua_number
        return int(m.group(1))
    if m := re.match(r"Mương ([IVX]+): ", first):  # pool 67's muong_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Bờ ([A-F])\. ", first):  # pool 67's bo_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Mùa thứ (nhất|hai|ba|tư|năm|sáu) – ", first):  # pool 67's mua_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Ô (\d+): ", first):  # pool 66's o_number
        return int(m.group(1))
    if m := re.match(r"Vạt ([IVX]+)\. ", first):  # pool 66's vat_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Kệ ([A-F])\) ", first):  # pool 66's ke_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Hiệp thứ (nhất|hai|ba|tư|năm|sáu) – ", first):  # pool 66's hiep_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Đoạn (\d+)\. ", first):  # pool 65's doan_number
        return int(m.group(1))
    if m := re.match(r"Khoang ([IVX]+): ", first):  # pool 65's khoang_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Dãy ([A-F]) – ", first):  # pool 65's day_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Lượt thứ (nhất|hai|ba|tư|năm|sáu)\. ", first):  # pool 65's luot_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Nấc (\d+): ", first):  # pool 64's nac_number
        return int(m.group(1))
    if m := re.match(r"Vòng ([IVX]+) – ", first):  # pool 64's vong_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Ngăn ([A-F])\. ", first):  # pool 64's ngan_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Tiết mục thứ (nhất|hai|ba|tư|năm|sáu): ", first):  # pool 64's tiet_muc_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Phân khúc (\d+)\. ", first):  # pool 63's phan_khuc_number
        return int(m.group(1))
    if m := re.match(r"Mốc ([IVX]+)\. ", first):  # pool 63's moc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phân nhóm ([A-F]): ", first):  # pool 63's phan_nhom_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Lát cắt thứ (nhất|hai|ba|tư|năm|sáu) – ", first):  # pool 63's lat_cat_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Thành tố (\d+)\. ", first):  # pool 62's thanh_to_number
        return int(m.group(1))
    if m := re.match(r"Luồng ([IVX]+): ", first):  # pool 62's luong_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Khung ([A-F]) – ", first):  # pool 62's khung_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Điểm tựa thứ (nhất|hai|ba|tư|năm|sáu): ", first):  # pool 62's diem_tua_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Chương mục (\d+)\. ", first):  # pool 61's chuong_muc_number
        return int(m.group(1))
    if m := re.match(r"Tiểu đề ([IVX]+) – ", first):  # pool 61's tieu_de_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Mô-đun ([A-F]): ", first):  # pool 61's mo_dun_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Mắt xích thứ (nhất|hai|ba|tư|năm|sáu): ", first):  # pool 61's mat_xich_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Phiếu số (\d+)\. ", first):  # pool 60's phieu_number
        return int(m.group(1))
    if m := re.match(r"Bậc ([IVX]+): ", first):  # pool 60's bac_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Cột ([A-F])\. ", first):  # pool 60's cot_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Mảnh ghép thứ (nhất|hai|ba|tư|năm|sáu) – ", first):  # pool 60's manh_ghep_word
        return ("nhất", "hai", "ba", "tư", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Nhận định (\d+): ", first):  # pool 59's nhan_dinh_number
        return int(m.group(1))
    if m := re.match(r"Lớp ([IVX]+)\. ", first):  # pool 59's lop_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Mạch ([A-F])\) ", first):  # pool 59's mach_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Mã số (\d\d) – ", first):  # pool 59's ma_so_code
        return int(m.group(1))
    if m := re.match(r"Luận điểm (\d+)\. ", first):  # pool 58's luan_diem_number
        return int(m.group(1))
    if m := re.match(r"Góc độ ([IVX]+): ", first):  # pool 58's goc_do_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Tuyến ([A-F]) – ", first):  # pool 58's tuyen_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Mũi thứ (\w+): ", first):  # pool 58's mui_word
        return ORDINALS.index(m.group(1)) + 1
    if m := re.match(r"Khâu (\d+)\. ", first):  # pool 57's khau_number
        return int(m.group(1))
    if m := re.match(r"Cấp độ ([IVX]+) – ", first):  # pool 57's cap_do_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Hướng ([A-F]): ", first):  # pool 57's huong_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Yếu tố \((\d+)\): ", first):  # pool 57's yeu_to_paren
        return int(m.group(1))
    if m := re.match(r"Trọng điểm (\d+): ", first):  # pool 56's trong_diem_number
        return int(m.group(1))
    if m := re.match(r"Trục ([IVX]+)\. ", first):  # pool 56's truc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Gói ([A-F]) – ", first):  # pool 56's goi_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Phần hành (một|hai|ba|bốn|năm|sáu): ", first):  # pool 56's phan_hanh_word
        return ("một", "hai", "ba", "bốn", "năm", "sáu").index(m.group(1)) + 1
    if m := re.match(r"Ý chính (\d+) – ", first):  # pool 55's y_chinh_number
        return int(m.group(1))
    if m := re.match(r"Bình diện ([IVX]+)\. ", first):  # pool 55's binh_dien_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phân đoạn ([A-F]): ", first):  # pool 55's phan_doan_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Tiểu hợp phần 1\.(\d): ", first):  # pool 55's tieu_hop_phan_decimal
        return int(m.group(1))
    if m := re.match(r"Tiêu điểm (\d+)\. ", first):  # pool 54's tieu_diem_number
        return int(m.group(1))
    if m := re.match(r"Phân khu ([IVX]+): ", first):  # pool 54's phan_khu_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Nhánh ([A-F])/ ", first):  # pool 54's nhanh_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Chặng (\d)/6: ", first):  # pool 54's chang_of_six
        return int(m.group(1))
    if m := re.match(r"Điểm nhấn (\d+): ", first):  # pool 53's diem_nhan_number
        return int(m.group(1))
    if m := re.match(r"Tầng ([IVX]+)\. ", first):  # pool 53's tang_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Khối ([A-F]): ", first):  # pool 53's khoi_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Công đoạn (một|hai|ba|bốn|năm|sáu|bảy|tám)\. ", first):  # pool 53's cong_doan_word
        return MOT_LA.index(m.group(1)) + 1
    if m := re.match(r"Thành phần (\d+): ", first):  # pool 52's thanh_phan_number
        return int(m.group(1))
    if m := re.match(r"Mục tiêu ([IVX]+)\. ", first):  # pool 52's muc_tieu_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phương diện ([A-F])\. ", first):  # pool 52's phuong_dien_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Bước (một|hai|ba|bốn|năm|sáu|bảy|tám) – ", first):  # pool 52's buoc_word
        return MOT_LA.index(m.group(1)) + 1
    if m := re.match(r"Chủ điểm (\d+): ", first):  # pool 51's chu_diem_number
        return int(m.group(1))
    if m := re.match(r"Mục chính ([IVX]+)\. ", first):  # pool 51's muc_chinh_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phân hệ ([A-F]) – ", first):  # pool 51's phan_he_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Việc thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám): ", first):  # pool 51's viec_thu_word
        return ORDINALS.index(m.group(1)) + 1
    if m := re.match(r"(?:Trụ cột (\d+):|Khía cạnh (\d+) –) ", first):  # pool 50's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần thứ ([IVX]+)\. ", first):  # pool 50's phan_thu_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Cụm nhiệm vụ ([A-F]): ", first):  # pool 50's cum_nhiem_vu_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Cấu phần (\d+)\. ", first):  # pool 49's cau_phan_number
        return int(m.group(1))
    if m := re.match(r"Phần sơ kết ([IVX]+): ", first):  # pool 49's phan_so_ket_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Tiểu phần ([A-F]) – ", first):  # pool 49's tieu_phan_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Phần (một|hai|ba|bốn|năm|sáu|bảy|tám): ", first):  # pool 49's phan_word_number
        return ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám").index(m.group(1)) + 1
    if m := re.match(r"(?:Đầu việc (\d+):|Trọng tâm (\d+) –) ", first):  # pool 48's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần rà soát ([IVX]+)\. ", first):  # pool 48's phan_ra_soat_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Điểm ([a-gđ])\) ", first):  # pool 48's diem_letter_paren, "đ" after "d"
        return "abcdđeg".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung triển khai (\d+):|Nhóm công tác (\d+)\.) ", first):  # pool 47's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần báo cáo ([IVX]+)\. ", first):  # pool 47's phan_bao_cao_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần hoạt động ([A-F])\. ", first):  # pool 47's phan_hoat_dong_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Mục công tác (\d+):|Điểm nội dung (\d+)\.) ", first):  # pool 46's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần đề cương ([IVX]+)\. ", first):  # pool 46's phan_de_cuong_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần công việc ([A-F])\. ", first):  # pool 46's phan_cong_viec_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung công tác (\d+):|Nhóm thông tin (\d+)\.) ", first):  # pool 45's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần tự đánh giá ([IVX]+)\. ", first):  # pool 45's phan_tu_danh_gia_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Mảng nội dung ([A-F])\. ", first):  # pool 45's mang_noi_dung_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung đánh giá (\d+):|Mục kết quả (\d+)\.) ", first):  # pool 44's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần kiểm điểm ([IVX]+) - ", first):  # pool 44's phan_kiem_diem_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần tổng kết ([A-F]): ", first):  # pool 44's phan_tong_ket_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung kiểm điểm (\d+):|Nhóm kết quả (\d+)\.) ", first):  # pool 43's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần tình hình ([IVX]+)\. ", first):  # pool 43's phan_tinh_hinh_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần nhận xét ([A-F]): ", first):  # pool 43's phan_nhan_xet_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung tổng hợp (\d+):|Mục đánh giá (\d+)\.) ", first):  # pool 42's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần kết quả ([IVX]+)\. ", first):  # pool 42's phan_ket_qua_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần thực hiện ([A-F]): ", first):  # pool 42's phan_thuc_hien_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung báo cáo (\d+):|Mục thông tin (\d+)\.) ", first):  # pool 41's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần đánh giá ([IVX]+)\. ", first):  # pool 41's phan_danh_gia_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần giải trình ([A-F]): ", first):  # pool 41's phan_giai_trinh_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung thực hiện (\d+):|Câu trả lời (\d+)\.) ", first):  # pool 40's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần tổng hợp ([IVX]+)\. ", first):  # pool 40's phan_tong_hop_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần phản hồi ([A-F]): ", first):  # pool 40's phan_phan_hoi_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Điểm báo cáo (\d+):|Mục trả lời (\d+)\.) ", first):  # pool 39's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Vấn đề báo cáo ([IVX]+)\. ", first):  # pool 39's van_de_bao_cao_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần trả lời ([A-F]): ", first):  # pool 39's phan_tra_loi_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Hạng mục báo cáo (\d+):|Nội dung trả lời (\d+)\.) ", first):  # pool 38's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Mục nội dung ([IVX]+): ", first):  # pool 38's muc_noi_dung_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Lĩnh vực công tác ([A-F])\. ", first):  # pool 38's linh_vuc_cong_tac_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Mục đề cương (\d+):|Nội dung chính (\d+)\.) ", first):  # pool 37's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần trình bày ([IVX]+)\. ", first):  # pool 37's phan_trinh_bay_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Mảng công việc ([A-F]): ", first):  # pool 37's mang_cong_viec_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Nhóm hoạt động (\d+)\.|Yêu cầu số (\d+):) ", first):  # pool 36's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Phần thuyết minh ([IVX]+): ", first):  # pool 36's phan_thuyet_minh_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Mục lớn ([A-F])\. ", first):  # pool 36's muc_lon_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Mặt công tác (\d+):|Mục báo cáo (\d+)\.) ", first):  # pool 35's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Nhóm lĩnh vực ([IVX]+): ", first):  # pool 35's nhom_linh_vuc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần thông tin ([A-F])\. ", first):  # pool 35's phan_thong_tin_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Chuyên mục (\d+)\.|Nhóm chỉ tiêu (\d+):) ", first):  # pool 34's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Nhóm tiêu chí ([IVX]+)\. ", first):  # pool 34's nhom_tieu_chi_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần nội dung ([A-F]): ", first):  # pool 34's phan_noi_dung_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Khoản mục (\d+)\.|Nhóm nhiệm vụ (\d+):) ", first):  # pool 33's
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Nhóm công việc ([A-F])\. ", first):  # pool 33's nhom_cong_viec_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Phần mục ([IVX]+): ", first):  # pool 33's phan_muc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Trả lời mục (\d+):|Nội dung yêu cầu (\d+)\.|Phần việc (\d+)\.) ", first):  # pool 32's
        return int(m.group(1) or m.group(2) or m.group(3))
    if m := re.match(r"Nhóm vấn đề ([IVX]+): ", first):  # pool 32's nhom_van_de_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Hợp phần (\d+):|Đầu mục (\d+)\.|Nhóm nội dung (\d+):) ", first):  # pool 31's
        return int(m.group(1) or m.group(2) or m.group(3))
    if m := re.match(r"Chủ đề ([IVX]+)\. ", first):  # pool 31's chu_de_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Hoạt động (\d+):|Tiết (\d+)\.|Ý (\d+)\.) ", first):  # pool 30's hoat_dong, tiet, y
        return int(m.group(1) or m.group(2) or m.group(3))
    if m := re.match(r"Mảng ([IVX]+)\. ", first):  # pool 30's mang_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Công việc (\d+):|Mục số (\d+):) ", first):  # pool 29's cong_viec, muc_so
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Lĩnh vực ([IVX]+)\. ", first):  # pool 29's linh_vuc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Nhiệm vụ ([A-F])\. ", first):  # pool 29's nhiem_vu_letter
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"(?:Tiểu mục (\d+)\.|Đối với nội dung (\d+):) ", first):  # pool 28's tieu_muc, doi_voi
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Đề mục ([IVX]+)\. ", first):  # pool 28's de_muc_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"([❶-❽]) ", first):  # pool 28's dingbat_circled
        return ord(m.group(1)) - ord("❶") + 1
    if m := re.match(r"(?:Lĩnh vực (\d+):|Khoản (\d+)\.) ", first):  # pool 27's linh_vuc_number, khoan_number
        return int(m.group(1) or m.group(2))
    if m := re.match(r"([A-F])\.\t", first):  # pool 27's letter_upper_tab
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Chuyên đề ([IVX]+): ", first):  # pool 27's chuyen_de_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Chỉ tiêu|Nội dung) (\d+)\. ", first):  # pool 26's chi_tieu_number, noi_dung_dot
        return int(m.group(1))
    if m := re.match(r"([A-F]) – ", first):  # pool 26's letter_upper_en_dash
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"Nhóm ([IVX]+): ", first):  # pool 26's nhom_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Nhiệm vụ (\d+): ", first):  # pool 25's nhiem_vu_number
        return int(m.group(1))
    if m := re.match(r"Vấn đề ([IVX]+)\. ", first):  # pool 25's van_de_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Nội dung )?([A-F]): ", first):  # pool 25's noi_dung_letter, letter_upper_colon
        return "ABCDEF".index(m.group(1)) + 1
    if m := re.match(r"\(([IVX]+)\) ", first):
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"\(([ivx]+)\) ", first):  # pool 11's lower_roman_paren
        return ROMAN.index(m.group(1).upper()) + 1
    if m := re.match(r"(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám) là, ", first):
        return MOT_LA.index(m.group(1).lower()) + 1
    if m := re.match(r"(?:Điều |Nội dung |Câu |Vấn đề |Điểm |\(|1\.)(\d+)[.:)]|(\d+) \| ", first):
        return int(m.group(1) or m.group(2))
    if m := re.match(r"(?:PHẦN |Mục )?([IVX]+)\b", first):
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"([ivx]+)\. ", first):
        return ROMAN.index(m.group(1).upper()) + 1
    if m := re.match(r"(\d+)[-:] ", first):
        return int(m.group(1))
    if m := re.match(r"(?:PHẦN THỨ|Phần thứ|Thứ) (\w+)", first):
        return ORDINALS.index(m.group(1).lower()) + 1
    if m := re.match(r"([A-H])\. ", first):
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"(?:Mục )?(\d+)[./):]", first):
        return int(m.group(1))
    if m := re.match(r"([ivx]+)\) ", first):  # pool 16's lower_roman_close
        return ROMAN.index(m.group(1).upper()) + 1
    if m := re.match(r"([A-H])/ ", first):  # pool 16's letter_upper_slash
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"(\d+) - |(\d) (?=[^\d\s-])", first):  # pool 16's spaced_dash, number_in_circle
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Yêu cầu (?:(\d+)|thứ (\w+)): ", first, re.IGNORECASE):  # pool 17's yeu_cau_*
        return int(m.group(1)) if m.group(1) else ORDINALS.index(m.group(2).lower()) + 1
    if m := re.match(r"([A-H])\) ", first):  # pool 17's letter_upper_close
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"([A-H])- ", first):  # pool 18's letter_upper_dash
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"Phần (\d+)\. ", first):  # pool 18's phan_arabic
        return int(m.group(1))
    if m := re.match(r"\(([A-H])\) ", first):  # pool 19's letter_upper_parens
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"\(([a-h])\) |([a-h])- ", first):  # pool 20's letter_lower_parens, letter_lower_dash
        return "abcdefgh".index(m.group(1) or m.group(2)) + 1
    if m := re.match(r"Mục thứ (\w+): ", first):  # pool 20's muc_ordinal
        return ORDINALS.index(m.group(1)) + 1
    if m := re.match(r"Vấn đề thứ (\w+): ", first):  # pool 21's van_de_ordinal
        return ORDINALS.index(m.group(1)) + 1
    if m := re.match(r"Phần ([IVX]+): ", first):  # pool 22's phan_roman_colon
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Nội dung số (\d+): ", first):  # pool 22's noi_dung_so
        return int(m.group(1))
    if m := re.match(r"([ivx]+)- ", first):  # pool 22's lower_roman_dash
        return ROMAN.index(m.group(1).upper()) + 1
    if m := re.match(r"Nội dung ([IVX]+)\. ", first):  # pool 23's noi_dung_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"Phần ([A-H]): ", first):  # pool 23's phan_letter
        return "ABCDEFGH".index(m.group(1)) + 1
    if m := re.match(r"([\u2160-\u2167])\. ", first):  # pool 23's roman_unicode
        return ord(m.group(1)) - 0x2160 + 1
    if m := re.match(r"Hạng mục (\d+): ", first):  # pool 23's hang_muc_number
        return int(m.group(1))
    if m := re.match(r"Chương ([IVX]+)\. ", first):  # pool 24's chuong_roman
        return ROMAN.index(m.group(1)) + 1
    if m := re.match(r"(?:Câu hỏi (\d+)\.|Tiêu chí (\d+):) ", first):  # pool 24's cau_hoi_number, tieu_chi_number
        return int(m.group(1) or m.group(2))
    if m := re.match(r"Mục ([A-F])\. ", first):  # pool 24's muc_letter
        return "ABCDEF".index(m.group(1)) + 1
    return None


@pytest.fixture(params=sorted(CORPORA), ids=lambda n: f"pool{n}")
def pool(request) -> int:
    return request.param


# ---------------------------------------------------------------------------------------
# What is committed is what the generator makes
# ---------------------------------------------------------------------------------------


@functools.cache
def regenerate(pool: int) -> dict:
    mh = generator()
    return {spec.file: (spec, data, entry) for spec, _, data, entry in mh.documents(mh.POOLS[pool])}


def test_every_listed_file_exists_and_every_file_is_listed(pool):
    listed = {e["file"] for e in entries_of(pool)}
    on_disk = {p.name for p in CORPORA[pool].iterdir()} - {"expected.json"}
    assert listed == on_disk


def test_the_generator_makes_the_same_files(pool):
    assert sorted(regenerate(pool)) == sorted(e["file"] for e in entries_of(pool))


def test_regenerated_docx_files_are_the_committed_bytes(pool):
    """All but the lo_saved_docx files (pools 54-58), which LibreOffice saved again (pool 54's words are checked
    against the regenerated file's by test_pool_54_lo_saved_files_are_libreoffices_with_the_same_words)."""
    differ = [name for name, (spec, data, _) in regenerate(pool).items()
              if spec.kind == "docx" and not getattr(spec, "lo_saved", False)
              and (CORPORA[pool] / name).read_bytes() != data]
    assert differ == []


def test_regenerated_expected_entries_are_the_committed_ones(pool):
    """Everything but what LibreOffice measures (the page count, hence how many of a
    scan's page skews were used)."""
    regenerated = regenerate(pool)
    for committed in entries_of(pool):
        made = dict(regenerated[committed["file"]][2], pages=committed["pages"])
        if "scan" in made:
            sheets = committed["pages"]
            if made["scan"].get("two_pages_a_sheet"):
                sheets = (sheets + 1) // 2
            if made["scan"].get("last_page_twice"):
                sheets += 1
            made["scan"] = dict(made["scan"], skew_deg=made["scan"]["skew_deg"][:sheets])
        assert made == committed, committed["file"]


def test_every_entry_names_its_pool(pool):
    assert {e["pool"] for e in entries_of(pool)} == {pool}


def test_a_pool_without_wordings_is_refused_not_made_from_pool_1s(monkeypatch):
    mh = generator()
    monkeypatch.setitem(mh.WORDINGS, 2, {})
    with pytest.raises(SystemExit, match="pool 2 has no wordings yet"):
        mh.plan(mh.POOLS[2])


def test_pools_have_their_own_seeds_and_folders():
    mh = generator()
    assert len({p.seed for p in mh.POOLS.values()}) == len(mh.POOLS) == 67
    assert len({p.out for p in mh.POOLS.values()}) == 67
    assert {n: p.out for n, p in mh.POOLS.items()} == CORPORA


# ---------------------------------------------------------------------------------------
# Held out from the phrase lists, and pool 2 from pool 1
# ---------------------------------------------------------------------------------------


def test_no_pool_wording_contains_a_campaign_phrase(pool):
    mh = generator()
    wordings = mh.pool_wordings(pool)
    assert len(wordings) >= 6 * 3
    assert {w: shared(w) for w in wordings if shared(w)} == {}


def test_no_heading_written_in_the_corpus_contains_a_campaign_phrase(pool):
    lines = [h["text"] for e in entries_of(pool) for h in e["headings"]]
    assert {line: shared(line) for line in lines if shared(line)} == {}


def test_the_check_would_see_a_listed_phrase_without_its_diacritics():
    assert shared("KHO KHAN, VUONG MAC") and shared("Về kinh phí")


@pytest.mark.parametrize("earlier,later", [(1, 2), (1, 3), (2, 3), (1, 4), (2, 4), (3, 4), (1, 5), (2, 5), (3, 5),
                                           (4, 5), (1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (1, 7), (2, 7),
                                           (3, 7), (4, 7), (5, 7), (6, 7), (1, 8), (2, 8), (3, 8), (4, 8),
                                           (5, 8), (6, 8), (7, 8), *((k, 9) for k in range(1, 9)),
                                           *((k, 10) for k in range(1, 10)), *((k, 11) for k in range(1, 11)),
                                           *((k, 12) for k in range(1, 12)), *((k, 13) for k in range(1, 13)),
                                           *((k, 14) for k in range(1, 14)), *((k, 15) for k in range(1, 15)),
                                           *((k, 16) for k in range(1, 16)), *((k, 17) for k in range(1, 17)),
                                           *((k, 18) for k in range(1, 18)), *((k, 19) for k in range(1, 19)),
                                           *((k, 20) for k in range(1, 20)), *((k, 21) for k in range(1, 21)),
                                           *((k, 22) for k in range(1, 22)),
                                           *((k, 23) for k in range(1, 23)),
                                           *((k, 24) for k in range(1, 24)),
                                           *((k, 25) for k in range(1, 25)),
                                           *((k, 26) for k in range(1, 26)),
                                           *((k, 27) for k in range(1, 27)),
                                           *((k, 28) for k in range(1, 28)),
                                           *((k, 29) for k in range(1, 29)),
                                           *((k, 30) for k in range(1, 30)),
                                           *((k, 31) for k in range(1, 31)),
                                           *((k, 32) for k in range(1, 32)),
                                           *((k, 33) for k in range(1, 33)),
                                           *((k, 34) for k in range(1, 34)),
                                           *((k, 35) for k in range(1, 35)),
                                           *((k, 36) for k in range(1, 36)),
                                           *((k, 37) for k in range(1, 37)),
                                           *((k, 38) for k in range(1, 38)),
                                           *((k, 39) for k in range(1, 39)),
                                           *((k, 40) for k in range(1, 40)),
                                           *((k, 41) for k in range(1, 41)),
                                           *((k, 42) for k in range(1, 42)),
                                           *((k, 43) for k in range(1, 43)),
                                           *((k, 44) for k in range(1, 44)),
                                           *((k, 45) for k in range(1, 45)),
                                           *((k, 46) for k in range(1, 46)),
                                           *((k, 47) for k in range(1, 47)),
                                           *((k, 48) for k in range(1, 48)),
                                           *((k, 49) for k in range(1, 49)),
                                           *((k, 50) for k in range(1, 50)),
                                           *((k, 51) for k in range(1, 51)),
                                           *((k, 52) for k in range(1, 52)),
                                           *((k, 53) for k in range(1, 53)),
                                           *((k, 54) for k in range(1, 54)),
                                           *((k, 55) for k in range(1, 55)),
                                           *((k, 56) for k in range(1, 56)),
                                           *((k, 57) for k in range(1, 57)),
                                           *((k, 58) for k in range(1, 58)),
                                           *((k, 59) for k in range(1, 59)),
                                           *((k, 60) for k in range(1, 60)),
                                           *((k, 61) for k in range(1, 61)),
                                           *((k, 62) for k in range(1, 62)),
                                           *((k, 63) for k in range(1, 63)),
                                           *((k, 64) for k in range(1, 64)),
                                           *((k, 65) for k in range(1, 65)),
                                           *((k, 66) for k in range(1, 66)),
                                           *((k, 67) for k in range(1, 67))])
def test_a_later_pool_shares_no_wording_with_an_earlier_one(earlier, later):
    mh = generator()
    first = mh.pool_wordings(earlier)
    repeated = {w: [v for v in first if mh.shared_wording(w, v)] for w in mh.pool_wordings(later)}
    assert {w: v for w, v in repeated.items() if v} == {}
    headings_1 = {fold(title_of(h["text"])) for e in entries_of(earlier) for h in e["headings"]}
    headings_2 = {fold(title_of(h["text"])) for e in entries_of(later) for h in e["headings"]}
    assert headings_1 & headings_2 == set()


def test_the_wording_check_sees_a_repeat_a_containment_and_a_long_run_of_words():
    mh = generator()
    assert mh.shared_wording("Những trở ngại trong quá trình triển khai", "NHUNG TRO NGAI TRONG QUA TRINH TRIEN KHAI")
    assert mh.shared_wording("Các điểm nghẽn cần tháo gỡ ngay", "Các điểm nghẽn cần tháo gỡ")
    assert mh.shared_wording("Về tình hình bố trí và huy động vốn cho đô thị",
                             "Tình hình bố trí và huy động vốn cho ĐTTM")
    assert not mh.shared_wording("Kết quả xây dựng đô thị thông minh", "Những kết quả chủ yếu về xây dựng đô thị")


@pytest.mark.parametrize("earlier,later", [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9),
                                                   (9, 10), (10, 11), (11, 12), (12, 13), (13, 14), (14, 15),
                                                   (15, 16), (16, 17), (17, 18), (18, 19), (19, 20),
                                                   (20, 21), (21, 22), (22, 23), (23, 24),
                                                   (24, 25), (25, 26), (26, 27), (27, 28),
                                                   (28, 29), (29, 30), (30, 31), (31, 32),
                                                   (32, 33), (33, 34), (34, 35), (35, 36),
                                                   (36, 37), (37, 38), (38, 39), (39, 40),
                                                   (40, 41), (41, 42), (42, 43), (43, 44),
                                                   (44, 45), (45, 46), (46, 47), (47, 48), (48, 49),
                                                   (49, 50), (50, 51), (51, 52), (52, 53), (53, 54),
                                                   (54, 55), (55, 56), (56, 57), (57, 58),
                                                   (58, 59), (59, 60), (60, 61), (61, 62), (62, 63),
                                                   (63, 64), (64, 65), (65, 66), (66, 67)])
def test_check_pool_refuses_a_wording_taken_from_an_earlier_pool(monkeypatch, earlier, later):
    mh = generator()
    monkeypatch.setitem(mh.EXTRA, later, (*mh.EXTRA[later], mh.EXTRA[earlier][0]))
    with pytest.raises(AssertionError, match=f"repeats pool {earlier}"):
        mh.check_pool(later)


def test_check_pool_refuses_a_question_with_a_campaign_phrase(monkeypatch):
    mh = generator()
    monkeypatch.setitem(mh.QUESTIONS[3], 5, ("Địa phương gặp những khó khăn gì?",))
    with pytest.raises(AssertionError, match="shares the campaign's phrases"):
        mh.check_pool(3)


def test_each_item_has_several_wordings_in_use(pool):
    for n in range(1, 7):
        used = {fold(title_of(h["text"])) for e in entries_of(pool) for h in e["headings"] if h["items"] == [n]}
        assert len(used) >= 3, n


# ---------------------------------------------------------------------------------------
# Ladders and layouts
# ---------------------------------------------------------------------------------------


def test_every_ladder_appears(pool):
    assert LADDERS[pool] <= {e["ladder"] for e in entries_of(pool)}


def test_every_layout_appears(pool):
    assert LAYOUTS[pool] <= {layout for e in entries_of(pool) for layout in e["layouts"]}


def test_every_kind_of_file_appears_with_a_few_of_each(pool):
    kinds = [e["kind"] for e in entries_of(pool)]
    assert kinds.count("docx") >= 20 and kinds.count("pdf") >= 6 and kinds.count("scan") >= 4


@pytest.mark.parametrize("pool", [1, 2], ids=lambda n: f"pool{n}")
def test_scans_are_150_and_200_dpi_skewed_up_to_1_5_degrees_jpeg_40_with_a_red_stamp(pool):
    entries = entries_of(pool)
    scans = [e["scan"] for e in entries if e["kind"] == "scan"]
    assert {s["dpi"] for s in scans} == {150, 200}
    skews = [abs(a) for s in scans for a in s["skew_deg"]]
    assert max(skews) == 1.5 and all(a <= 1.5 for a in skews)
    assert {s["jpeg_quality"] for s in scans} == {40}
    assert all(s["stamp"].startswith("red") for s in scans)
    assert all(e["ocr"] for e in entries if e["kind"] == "scan")


def test_item_1_without_heading_still_has_its_text_expected(pool):
    missing = files_of(pool, "first_heading_missing")
    assert missing
    for e in missing:
        assert [1] not in [h["items"] for h in e["headings"]], e["file"]
        assert e["sections"]["1"], e["file"]


def test_six_items_under_one_heading_are_numbered_below_it(pool):
    for e in files_of(pool, ladder="level2_under_one"):
        umbrella, *items = e["headings"]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("I. ") and umbrella["text"] in e["absent"]
        assert all(h["text"].split(". ")[0].isdigit() for h in items), e["file"]


def test_a_heading_with_a_line_break_is_written_on_two_lines(pool):
    broken = files_of(pool, "heading_line_break")
    assert broken and all(any("\n" in h["text"] for h in e["headings"]) for e in broken)


def test_the_provinces_own_heading_and_its_text_belong_to_no_item(pool):
    extra = files_of(pool, "extra_heading_between")
    assert extra
    for e in extra:
        own = [i for i, h in enumerate(e["headings"])
               if h["items"] == [] and not h.get("umbrella") and not h.get("preface")]
        assert len(own) == 1, e["file"]
        assert 0 < own[0] < len(e["headings"]) - 1, e["file"]  # between two items, not last
        text = e["headings"][own[0]]["text"].split("\n")
        assert any(line in a for a in e["absent"] for line in text[-1:]), e["file"]


def test_reordered_items_are_out_of_order(pool):
    for e in files_of(pool, "reordered"):
        order = [h["items"][0] for h in e["headings"] if h["items"]]
        assert order != sorted(order), e["file"]


@pytest.mark.parametrize("pool,items,least", [*(pytest.param(n, [5, 6], 1, id=f"pool{n}-5-6") for n in sorted(CORPORA)),
                                              pytest.param(3, [2, 3], 3, id="pool3-2-3"),
                                              pytest.param(4, [4, 5], 3, id="pool4-4-5")])
def test_merged_items_expect_the_same_text(pool, items, least):
    first, second = items
    merged = files_of(pool, f"merged_{first}_{second}")
    assert len(merged) >= least
    for e in merged:
        assert e["merged"] == [items] and e["sections"][str(first)] == e["sections"][str(second)], e["file"]
        assert items in [h["items"] for h in e["headings"]], e["file"]


def test_parts_numbered_in_words_phan_thu_nhat_phan_thu_hai():
    ordinal = files_of(2, ladder="part_ordinal")
    assert {"\n" in e["headings"][0]["text"] for e in ordinal} == {True, False}  # on its own line, and not
    for e in ordinal:
        assert all(re.match(r"(PHẦN THỨ|Phần thứ) \w+", h["text"]) for h in e["headings"]), e["file"]


@pytest.mark.parametrize("pool,ladders", [(2, 3), (3, 1), (4, 1)], ids=("pool2", "pool3", "pool4"))
def test_numbering_that_skips_a_number_jumps_by_two_once(pool, ladders):
    skipped = files_of(pool, "number_skipped")
    assert len({e["ladder"] for e in skipped}) >= ladders
    for e in skipped:
        numbers = [shown_number(h["text"]) for h in e["headings"] if not (h.get("umbrella") or h.get("preface"))]
        steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
        assert numbers[0] == 1 and sorted(steps) == [1] * (len(steps) - 1) + [2], e["file"]


@pytest.mark.parametrize("pool,ladders", [(2, 3), (3, 2)], ids=("pool2", "pool3"))
def test_headings_with_a_trailing_colon_all_end_with_it(pool, ladders):
    colon = files_of(pool, "trailing_colon")
    assert len({e["ladder"] for e in colon}) >= ladders
    for e in colon:
        items = [h for h in e["headings"] if not (h.get("umbrella") or h.get("preface"))]
        assert all(h["text"].endswith(":") for h in items), e["file"]


@pytest.mark.parametrize("pool,files", [(2, 4), (3, 2), (4, 1)], ids=("pool2", "pool3", "pool4"))
def test_a_heading_without_outline_words_shares_no_syllable_with_the_outline(pool, files):
    opaque = files_of(pool, "heading_without_outline_words")
    assert len(opaque) >= files
    items = set()
    for e in opaque:
        bare = [h for h in e["headings"] if h["items"]
                and not set(re.findall(r"\w+", fold(title_of(h["text"])))) & OUTLINE_WORDS]
        assert len(bare) == 1, e["file"]
        items.update(bare[0]["items"])
        assert e["sections"][str(bare[0]["items"][0])], e["file"]
    assert len(items) >= files  # not always the same item


def test_corpus_stays_small(pool):
    assert sum(p.stat().st_size for p in CORPORA[pool].iterdir()) < 6_000_000


# ---------------------------------------------------------------------------------------
# Pool 3: new numeral shapes and ladders, new layouts, .odt/.rtf, harder scans
# ---------------------------------------------------------------------------------------

SHAPES_3 = {  # how each of pool 3's ladders numbers an item heading, as a reader sees it
    "auto_numbered": r"(?:[IVX]+|\d+)\. \S",  # drawn by Word from numbering.xml, not typed
    "arabic_slash": r"\d+/ \S",
    "roman_dash": r"[IVX]+- \S",
    "muc_colon": r"Mục \d+: \S",
    "ordinal_words": r"Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy), \S",
    "roman_tab": r"[IVX]+\.\t\S",
    "level2_under_content": r"\d+\. \S",
    "sentence_case_plain": r"\d+\. \S",
    "arabic_paren": r"\d+\) \S",
}


def test_auto_numbered_headings_carry_word_numbering_and_no_typed_number():
    files = files_of(3, ladder="auto_numbered", kind="docx")
    assert len(files) >= 2
    for e in files:
        titles = {title_of(h["text"]).removesuffix(":") for h in item_headings(e)}
        numbered = [p for p in word_document(e).paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
        heads = [p for p in numbered if p.text.removesuffix(":") in titles]
        assert len(heads) == len(titles), e["file"]
        assert not any(re.match(r"(?:[IVX]+|\d+)\.", p.text) for p in heads), e["file"]


def test_plain_sentence_case_headings_are_not_bold():
    files = files_of(3, ladder="sentence_case_plain", kind="docx")
    assert files
    for e in files:
        lines = {h["text"].split("\n")[-1] for h in item_headings(e)}
        heads = [p for p in word_document(e).paragraphs if p.text in lines]
        assert heads and not any(r.bold for p in heads for r in p.runs), e["file"]
        assert all(not line.isupper() for line in lines), e["file"]


def test_items_under_nội_dung_báo_cáo_after_the_provinces_own_part_one():
    files = files_of(3, ladder="level2_under_content")
    assert len(files) >= 3
    for e in files:
        preface, content, *items = e["headings"]
        assert preface.get("preface") and preface["text"].startswith("I. ") and preface["text"] in e["absent"]
        assert content.get("umbrella") and content["text"].startswith("II. ") and content["text"] in e["absent"]
        assert all(re.match(r"\d+\. ", h["text"]) for h in items), e["file"]
        assert len([a for a in e["absent"] if "đô thị hóa" in a]) == 1, e["file"]  # part I's text is no item's


def test_an_item_left_out_has_no_heading_no_text_and_the_numbers_run_on():
    left = files_of(3, "item_left_out")
    assert len({next(n for n in "123456" if n not in e["sections"]) for e in left}) >= 2  # not always one item
    for e in left:
        gone = [n for n in range(1, 7) if str(n) not in e["sections"]]
        assert len(gone) == 1 and gone[0] not in {i for h in e["headings"] for i in h["items"]}, e["file"]
        numbers = [shown_number(h["text"]) for h in item_headings(e)]
        if None not in numbers and "number_skipped" not in e["layouts"]:
            assert numbers == list(range(1, len(numbers) + 1)), e["file"]


def test_an_item_answered_in_one_sentence_expects_that_sentence():
    files = files_of(3, "item_no_content")
    assert len({e["file"] for e in files}) >= 3
    items = set()
    for e in files:
        one = [n for n, text in e["sections"].items() if "\n" not in text]
        assert len(one) == 1, e["file"]
        items.add(one[0])
    assert len(items) >= 2


def test_a_heading_written_as_a_question():
    for e in files_of(3, "question_heading"):
        assert len([h for h in item_headings(e) if h["text"].rstrip(":").endswith("?")]) == 1, e["file"]


def test_a_heading_with_a_parenthesis_or_a_word_footnote():
    files = files_of(3, "heading_note_mark")
    footnoted = [e for e in files if any(h.get("footnote") for h in e["headings"])]
    parenthesised = [e for e in files if any(h["text"].rstrip(":").endswith(")") for h in item_headings(e))]
    assert footnoted and parenthesised
    for e in (e for e in footnoted if e["kind"] == "docx"):
        assert "Sở Tài chính" in part_text(e, "word/footnotes.xml"), e["file"]
        assert "w:footnoteReference" in part_text(e), e["file"]


def test_the_number_alone_on_a_line_above_its_title():
    files = files_of(3, "number_own_line")
    assert len(files) >= 3
    for e in files:
        for h in item_headings(e):
            number, title = h["text"].split("\n")[:2]
            assert re.fullmatch(r"(?:[IVX]+|\d+|[A-H])[.)/-]?|Mục \d+:", number) and title, e["file"]


def test_a_list_numbered_1_2_3_inside_item_4():
    files = files_of(3, "sub_list_like_items")
    assert len(files) >= 3
    assert any(re.match(r"\d+\. ", h["text"]) for e in files for h in item_headings(e))  # as the items are
    for e in files:
        lines = e["sections"]["4"].split("\n")
        assert [line[:3] for line in lines if re.match(r"\d\. ", line)] == ["1. ", "2. ", "3. "], e["file"]


def test_item_4_ending_with_a_summary_table_states_its_total_only_in_the_total_row():
    files = files_of(3, "summary_table")
    assert len(files) >= 3
    for e in files:
        lines = e["sections"]["4"].split("\n")
        assert "Đơn vị: triệu đồng" in lines and lines[-1].startswith(" | Tổng cộng | "), e["file"]
        assert not [line for line in lines[:-1] if "tổng" in line.casefold()], e["file"]


def test_an_annex_after_the_signature_is_no_items_text():
    files = files_of(3, "annex")
    assert len(files) >= 3
    for e in files:
        assert "PHỤ LỤC" in e["absent"] and any(a.startswith("(Kèm theo Báo cáo số") for a in e["absent"]), e["file"]


def test_pool_3_scans_are_harder_300_dpi_grey_paper_skewed_up_to_2_degrees_a_page_turned_jpeg_30():
    import pdfplumber

    scans = files_of(3, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {300, 200, 150} <= {s["dpi"] for s in settings}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 2.0 and all(a <= 2.0 for a in skews)
    assert {s["jpeg_quality"] for s in settings} == {30}
    assert min(s["paper"] for s in settings) < 220 and any(not s["colour"] for s in settings)
    assert all(s["stamp"].startswith("red") for s in settings)
    turned = {s["turned"]["degrees"] for s in settings if s["turned"]}
    assert 180 in turned and turned & {90, 270}
    for e in (e for e in scans if e["scan"]["turned"] and e["scan"]["turned"]["degrees"] in (90, 270)):
        with pdfplumber.open(path_of(e)) as pdf:
            page = pdf.pages[e["scan"]["turned"]["page"] - 1]
            assert page.width > page.height, e["file"]  # the A4 page lies on its side


def test_an_rtf_export_is_the_same_bytes_whatever_order_libreoffice_lists_fonts_and_colours():
    mh = generator()
    one = (rb"{\rtf1\deff1{\fonttbl{\f0\froman Times;}{\f1\fswiss Arial;}}"
           rb"{\colortbl;\red255\green0\blue0;\red0\green0\blue255;}{\f1\cf2 x}{\f0\cf1 y}}")
    other = (rb"{\rtf1\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\froman Times;}}"
             rb"{\colortbl;\red0\green0\blue255;\red255\green0\blue0;}{\f0\cf1 x}{\f1\cf2 y}}")
    assert mh.fixed_rtf(one) == mh.fixed_rtf(other)
    assert b"{\\f1\\cf1 x}{\\f0\\cf2 y}" in mh.fixed_rtf(one)  # Arial and blue still on x


def test_a_pdf_saved_by_pdfium_or_tesseract_is_the_same_bytes_whenever_it_was_made():
    mh = generator()

    def pdfium(when: bytes, ident: bytes) -> bytes:
        return (b"%PDF-1.7\n3 0 obj\n<</CreationDate(D:" + when + b"+00'00')/Creator(PDFium)>>\nendobj\n"
                b"trailer\n<</Root 1 0 R/Size 27/ID[<" + ident + b"><" + ident + b">]>>\n%%EOF\n")

    one, other = pdfium(b"20261203164344", b"3A0C4683" * 4), pdfium(b"20261204090440", b"9F1E22B7" * 4)
    assert mh.fixed_stamp(one) == mh.fixed_stamp(other) and len(mh.fixed_stamp(one)) == len(one)
    assert b"(D:20220525090000+00'00')" in mh.fixed_stamp(one) and b"3A0C4683" not in mh.fixed_stamp(one)
    tesseract = b"  /Producer (Tesseract 5.3.0)\n  /CreationDate (D:20261203164441Z00'00')\n"
    assert mh.fixed_stamp(tesseract) == tesseract.replace(b"20261203164441", b"20220525090000")


def test_an_odt_export_is_the_same_bytes_whatever_ids_libreoffice_draws():
    import io
    import zipfile

    mh = generator()

    def export(rsid: int, list_id: int) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("content.xml", f'<text:list xml:id="list{list_id}"/><x continue="list{list_id}"/>')
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("settings.xml", f'<c config:name="Rsid" config:type="int">{rsid}</c>')
        return out.getvalue()

    fixed = mh.fixed_odt(export(952994, 3679520357))
    assert fixed == mh.fixed_odt(export(332100, 127098372))
    with zipfile.ZipFile(io.BytesIO(fixed)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("content.xml").count(b'"list1"') == 2


# ---------------------------------------------------------------------------------------
# Pool 4: more numeral shapes, headings in table rows, items three levels down, run-in
# headings, a Kính gửi preamble, heading looks, a .doc, worn scans
# ---------------------------------------------------------------------------------------

SHAPES_4 = {  # how each of pool 4's ladders numbers an item heading, as a reader sees it
    "dieu_number": r"Điều \d+\. \S",
    "noi_dung_colon": r"Nội dung \d+: \S",
    "arabic_dot_dash": r"\d+\.- \S",
    "paren_number": r"\(\d+\) \S",
    "roman_slash": r"[IVX]+/ \S",
    "dash_bold": r"- \S",
    "decimal_zero": r"\d+\.0 \S",
    "heading_table_row": r"(?:[IVX]+\.|\d+) \| \S",
    "level3_under_part": r"\d+\. \S",
}


def test_headings_in_table_rows_number_cell_and_title_cell_with_the_text_below():
    from docx.table import Table

    files = files_of(4, ladder="heading_table_row", kind="docx")
    assert len(files) >= 2
    for e in files:
        blocks = list(docx_blocks(e))
        rows = {" | ".join(c.text for c in b.rows[0].cells): k for k, b in enumerate(blocks)
                if isinstance(b, Table) and len(b.rows) == 1 and len(b.columns) == 2}
        for h in item_headings(e):
            at = rows[h["text"]]
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert blocks[at + 1].text == first, e["file"]  # the item's text right below its row


def test_items_three_levels_down_under_part_two_and_b_with_kết_quả_and_tồn_tại_parts():
    files = files_of(4, ladder="level3_under_part")
    assert len(files) >= 3
    for e in files:
        part_1, part_2, a, b, *items = e["headings"]
        assert part_1.get("preface") and part_1["text"].startswith("PHẦN I. "), e["file"]
        assert part_2.get("umbrella") and part_2["text"].startswith("PHẦN II. "), e["file"]
        assert a.get("preface") and a["text"].startswith("A. "), e["file"]
        assert b.get("umbrella") and b["text"].startswith("B. "), e["file"]
        assert all(h["text"] in e["absent"] for h in (part_1, part_2, a, b)), e["file"]
        assert all(re.match(r"\d+\. ", h["text"]) for h in items), e["file"]
        lines = e["sections"]["1"].split("\n")
        assert lines[0].startswith("a) Kết quả: ") and any(x.startswith("b) Tồn tại: ") for x in lines), e["file"]


def test_item_6_split_into_the_government_and_the_ministry():
    files = files_of(4, "item_6_split")
    assert len(files) >= 3
    for e in files:
        lines = e["sections"]["6"].split("\n")
        subs = [line for line in lines if re.match(r"\d+\.[12]\. Kiến nghị với ", line)]
        assert [s.split(" ", 1)[1] for s in subs] == ["Kiến nghị với Chính phủ", "Kiến nghị với Bộ Xây dựng"], e["file"]


def test_a_run_in_heading_ends_with_a_colon_and_its_paragraph_goes_on_with_the_items_text():
    files = files_of(4, "heading_run_in")
    assert len(files) >= 4
    for e in files:
        assert all(h["text"].endswith(":") for h in item_headings(e)), e["file"]
        if e["kind"] != "docx":
            continue
        texts = [p.text for p in word_document(e).paragraphs]
        for h in item_headings(e):
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert f"{h['text'].split(chr(10))[-1]} {first}" in texts, e["file"]


def test_kính_gửi_and_a_preamble_before_item_1_are_no_items_text():
    files = files_of(4, "kinh_gui_preamble")
    assert len(files) >= 3
    for e in files:
        assert "Kính gửi: Bộ Xây dựng" in e["absent"], e["file"]
        assert len([a for a in e["absent"] if "tháng 4 năm 2022" in a]) == 1, e["file"]
        if e["kind"] == "docx":
            texts = [p.text for p in word_document(e).paragraphs if p.text]
            assert texts.index("Kính gửi: Bộ Xây dựng") == 2, e["file"]  # under the title, before the intro
            assert texts[3].startswith("Thực hiện văn bản số 1683") and len(texts[4]) > 100, e["file"]


def test_pool_4_scans_are_worn_stained_folded_annotated_one_2_up_two_photographed():
    import pdfplumber

    scans = files_of(4, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["dpi"] for s in settings} == {200, 250, 300}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.2 and all(a <= 1.2 for a in skews)
    assert {s["jpeg_quality"] for s in settings} == {35}
    assert all(s["stamp"].startswith("red") for s in settings)
    assert len([s for s in settings if s["coffee_stain_page"]]) >= 2
    assert len([s for s in settings if s["fold_shadows"]]) >= 2
    assert len([s for s in settings if s["photographed_narrow_top"]]) >= 2
    noted = [e for e in scans if e["scan"]["handwritten_note"]]
    assert len(noted) >= 3 and all(e["scan"]["handwritten_note"] in e["absent"] for e in noted)
    two_up = [e for e in scans if e["scan"]["two_pages_a_sheet"]]
    assert len(two_up) == 1
    with pdfplumber.open(path_of(two_up[0])) as pdf:
        assert len(pdf.pages) == (two_up[0]["pages"] + 1) // 2
        assert all(page.width > page.height for page in pdf.pages)  # landscape sheets


# ---------------------------------------------------------------------------------------
# Pool 5: items 1.1.-1.6. under one heading, "Câu 1.", headings in shaded boxes, a bold
# first sentence, a summary table first, the province's own order, a page an item, odd
# spaces after the number, underlined or coloured headings, photocopied scans
# ---------------------------------------------------------------------------------------

SPACE = "[ \u00a0\u3000]"  # nbsp_numbering: a no-break or an ideographic space after the number
SHAPES_5 = {  # how each of pool 5's ladders numbers an item heading, as a reader sees it
    "decimal_under_one": rf"1\.[1-7]\.{SPACE}\S",
    "cau_question": rf"Câu \d+\.{SPACE}\S",
    "heading_box": rf"\d+\.{SPACE}\S",
    "bold_lead_sentence": r"[^\W\d]",  # no number: the title is the paragraph's first sentence
}


def test_items_numbered_1_1_to_1_6_below_one_heading_of_the_provinces_own():
    for e in files_of(5, ladder="decimal_under_one"):
        umbrella, *items = e["headings"]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("1. ") and umbrella["text"] in e["absent"]
        numbers = [shown_number(h["text"]) for h in items if h["items"]]
        assert numbers == list(range(1, len(numbers) + 1)), e["file"]


def test_headings_in_shaded_boxes_with_the_items_text_below():
    from docx.table import Table

    files = files_of(5, ladder="heading_box", kind="docx")
    assert files
    for e in files:
        blocks = list(docx_blocks(e))
        for h in item_headings(e):
            k = next(k for k, b in enumerate(blocks) if isinstance(b, Table) and b.rows[0].cells[0].text == h["text"])
            box = blocks[k]
            assert len(box.rows) == 1 and len(box.columns) == 1 and 'w:fill="D9D9D9"' in box._tbl.xml, e["file"]
            after = blocks[k + 1].text
            assert after and after in e["sections"][str(h["items"][0])], e["file"]


def test_a_bold_first_sentence_begins_each_items_paragraph_and_its_text_goes_on():
    files = files_of(5, ladder="bold_lead_sentence", kind="docx")
    assert files
    for e in files:
        paragraphs = [b for b in docx_blocks(e) if not hasattr(b, "rows")]
        for h in item_headings(e):
            assert h["text"].endswith((".", "?")) and "\n" not in h["text"], e["file"]
            para = next(p for p in paragraphs if p.text.startswith(h["text"]))
            assert para.runs[0].bold and para.runs[0].text == h["text"], e["file"]
            rest = para.text[len(h["text"]):].strip()
            assert rest and rest in e["sections"][str(h["items"][0])], e["file"]


def test_a_table_of_the_six_answers_comes_first_and_is_no_items_text():
    mh = generator()
    files = files_of(5, "summary_first")
    assert len(files) >= 3
    for e in files:
        assert mh.SUMMARY_FIRST_INTRO in e["absent"] and mh.SUMMARY_FIRST_OUTRO in e["absent"], e["file"]
        gists = [a for a in e["absent"] if a.startswith(("Đã có cổng", "Thiếu người", "Mong có bộ"))]
        assert len(gists) == 3, e["file"]
        assert not any(g in text for g in gists for text in e["sections"].values()), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        tables = [b for b in docx_blocks(e) if hasattr(b, "rows")]
        assert [c.text for c in tables[1].rows[0].cells] == list(mh.SUMMARY_FIRST_HEAD) and len(tables[1].rows) == 7


def test_items_in_the_provinces_own_order_keep_the_outline_number_in_parentheses():
    files = files_of(5, "province_order")
    assert len(files) >= 3
    for e in files:
        items = item_headings(e)
        assert [h["items"][0] for h in items] != sorted(h["items"][0] for h in items), e["file"]
        for position, h in enumerate(items, start=1):
            m = re.search(r"\((?:muc|noi dung) (\d) (?:de cuong|theo de cuong cua bo)\)", fold(h["text"]))
            assert m and int(m.group(1)) == h["items"][0], (e["file"], h["text"])
            if e["ladder"] not in ("bold_lead_sentence", "level3_under_part"):
                assert shown_number(h["text"]) in (position, position + 1), (e["file"], h["text"])  # as they come


def test_each_item_on_a_page_of_its_own():
    files = files_of(5, "page_per_item", kind="docx")
    assert files
    for e in files:
        breaks = [b for b in docx_blocks(e) if not hasattr(b, "rows") and 'w:type="page"' in b._p.xml]
        assert len(breaks) == len(item_headings(e)) - 1, e["file"]
    assert all(e["pages"] >= len(item_headings(e)) for e in files_of(5, "page_per_item"))


def test_a_no_break_or_an_ideographic_space_after_the_number():
    files = files_of(5, "nbsp_numbering")
    assert len(files) >= 3
    spaces = set()
    for e in files:
        odd = {c for h in item_headings(e) for c in h["text"] if c in "\u00a0\u3000"}
        assert len(odd) == 1, e["file"]
        spaces |= odd
    assert spaces == {"\u00a0", "\u3000"}


@pytest.mark.parametrize("pool,look", [(4, "caps_not_bold"), (4, "italic_heading"), (4, "larger_font_only"),
                                       (5, "underline_only"), (5, "coloured_heading")])
def test_every_heading_of_a_file_has_its_look_and_is_not_bold(pool, look):
    from docx.shared import RGBColor

    files = files_of(pool, look)
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "docx"):
        lines = {h["text"].split("\n")[-1] for h in item_headings(e)}
        heads = [b for b in docx_blocks(e) if not hasattr(b, "rows") and b.text in lines]
        heads += [c.paragraphs[0] for t in docx_blocks(e) if hasattr(t, "rows") for c in t.rows[0].cells
                  if c.text in lines or " | ".join(x.text for x in t.rows[0].cells) in lines]
        assert heads, e["file"]
        runs = [r for p in heads for r in p.runs if r.text.strip()]
        assert not any(r.bold for r in runs), e["file"]
        if look == "caps_not_bold":
            assert all(r.text.isupper() for r in runs if any(c.isalpha() for c in r.text)), e["file"]
        elif look == "italic_heading":
            assert all(r.italic for r in runs), e["file"]
        elif look == "larger_font_only":
            assert {r.font.size.pt for r in runs} == {15.0}, e["file"]
        elif look == "underline_only":
            assert all(r.underline for r in runs), e["file"]
        else:
            assert {r.font.color.rgb for r in runs} <= {RGBColor(0x1F, 0x4E, 0x79), RGBColor(0xC0, 0x00, 0x00)}
            assert all(r.font.color.rgb for r in runs), e["file"]


def test_pool_5_scans_are_photocopies_some_pale_one_page_fed_twice():
    import pdfplumber

    scans = files_of(5, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["dpi"] for s in settings} == {200, 250, 300}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.0 and all(a <= 1.0 for a in skews)
    assert {s["jpeg_quality"] for s in settings} == {35}
    assert all(s["stamp"].startswith("red") for s in settings)
    assert len([s for s in settings if s["faint_photocopy"]]) >= 2
    twice = [e for e in scans if e["scan"]["last_page_twice"]]
    assert len(twice) >= 1
    for e in twice:
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"] + 1
    assert any(e["ladder"] == "heading_box" for e in scans)  # a page with table borders


# ---------------------------------------------------------------------------------------
# Pool 6: the whole answer as one table, "i.", "Mục I.", "I)", "1-", "1:", headings in text
# boxes, a table of contents, tracked changes and comments, the outline's question under
# each heading, two columns, a landscape page, a running header, centred headings, the
# funding total worded five ways, six kinds of scan
# ---------------------------------------------------------------------------------------

SHAPES_6 = {  # how each of pool 6's ladders numbers an item heading, as a reader sees it
    "one_table": r"\d+ \| \S",
    "lower_roman": rf"[ivx]+\.{SPACE}\S",
    "muc_roman": rf"Mục [IVX]+\.{SPACE}\S",
    "roman_paren": rf"[IVX]+\){SPACE}\S",
    "arabic_dash": rf"\d+-{SPACE}\S",
    "arabic_colon": rf"\d+:{SPACE}\S",
    "heading_textbox": r"\d+\. \S",
}


def test_the_whole_answer_in_one_table_a_row_an_item():
    mh = generator()
    files = files_of(6, ladder="one_table")
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "docx"):
        document = word_document(e)
        table = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == list(mh.ONE_TABLE_HEAD))
        rows = table.rows[1:]
        assert len(rows) == len(item_headings(e)), e["file"]
        for row, h in zip(rows, item_headings(e), strict=True):
            number, title, answer = (c.text for c in row.cells)
            assert f"{number} | {title}" == h["text"], e["file"]
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert answer.startswith(first), e["file"]
        assert not any(p.text == title_of(h["text"]) for p in document.paragraphs for h in item_headings(e))


def test_headings_in_text_boxes_of_their_own_paragraphs():
    files = files_of(6, ladder="heading_textbox", kind="docx")
    assert files
    for e in files:
        xml = part_text(e, "word/document.xml")
        boxes = re.findall(r"<wps:txbx><w:txbxContent>(.*?)</w:txbxContent>", xml)
        shown = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", box)) for box in boxes]
        assert shown == [h["text"] for h in item_headings(e)], e["file"]
        assert not any(p.text == h["text"] for p in word_document(e).paragraphs for h in item_headings(e)), e["file"]


def test_a_table_of_contents_lists_every_heading_with_its_page_before_the_text():
    mh = generator()
    files = files_of(6, "table_of_contents")
    assert len(files) >= 3
    for e in files:
        assert mh.TOC_TITLE in e["absent"], e["file"]
        listed = [a for a in e["absent"] if re.search(r"\t\d+$", a)]
        assert len(listed) == len(e["headings"]), e["file"]
        for line, h in zip(listed, e["headings"], strict=True):
            assert line.startswith(" ".join(h["text"].replace(" | ", " ").split("\n"))), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [p.text for p in word_document(e).paragraphs if p.text]
        toc = texts.index(mh.TOC_TITLE)
        assert texts[toc + len(e["headings"]) + 1].startswith("Thực hiện văn bản số 1683"), e["file"]


def test_tracked_changes_leave_a_deleted_title_an_insertion_and_a_comment():
    mh = generator()
    files = files_of(6, "tracked_changes")
    assert len(files) >= 2
    for e in files:
        assert e["kind"] == "docx", e["file"]  # a PDF would print the markup
        deleted = [h["deleted"] for h in e["headings"] if h.get("deleted")]
        commented = [h for h in e["headings"] if h.get("comment")]
        assert len(deleted) == 1 and len(commented) == 1, e["file"]
        assert deleted[0] in e["absent"] and mh.COMMENT in e["absent"], e["file"]
        assert not any(deleted[0] in text for text in e["sections"].values()), e["file"]
        xml = part_text(e, "word/document.xml")
        dels = ["".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", d))
                for d in re.findall(r"<w:del .*?</w:del>", xml)]
        assert any(d.strip() == deleted[0] or d.strip().casefold() == deleted[0].casefold() for d in dels), e["file"]
        assert len(dels) >= 2 and xml.count("<w:ins ") >= 2, e["file"]  # the title, and a sentence's words
        assert "w:commentReference" in xml and mh.COMMENT in part_text(e, "word/comments.xml"), e["file"]


def test_the_outlines_question_in_italics_under_each_heading_is_the_items_text():
    files = files_of(6, "question_under_heading")
    assert len(files) >= 3
    outline = {s.number: s.heading for s in load_campaign().sections}
    for e in files:
        for h in item_headings(e):
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert first == f"(Nội dung đề cương: {outline[h['items'][0]]})", e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        questions = [p for p in word_document(e).paragraphs if p.text.startswith("(Nội dung đề cương: ")]
        assert len(questions) == len(item_headings(e)) and all(r.italic for p in questions for r in p.runs)


def test_two_columns_between_continuous_section_breaks():
    from docx.enum.section import WD_SECTION

    files = files_of(6, "two_columns")
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "docx"):
        sections = word_document(e).sections
        counts = [s._sectPr.find(f"{W}cols").get(f"{W}num", "1") for s in sections]
        assert counts == ["1", "2", "1"], e["file"]
        assert [s.start_type for s in sections[1:]] == [WD_SECTION.CONTINUOUS] * 2, e["file"]


def test_a_wide_table_on_a_landscape_page_ends_item_2():
    import pdfplumber
    from docx.enum.section import WD_ORIENT

    mh = generator()
    files = files_of(6, "landscape_table")
    assert len(files) >= 3
    for e in files:
        assert " | ".join(mh.WIDE_HEAD) in e["sections"]["2"].split("\n"), e["file"]
        if e["kind"] == "docx":
            assert WD_ORIENT.LANDSCAPE in [s.orientation for s in word_document(e).sections], e["file"]
        if e["kind"] == "pdf":
            with pdfplumber.open(path_of(e)) as pdf:
                assert any(p.width > p.height for p in pdf.pages) and any(p.width < p.height for p in pdf.pages)


def test_a_running_header_and_trang_k_of_n_on_every_page_are_no_items_text():
    import pdfplumber

    files = files_of(6, "running_header")
    assert len(files) >= 3
    for e in files:
        head = next(a for a in e["absent"] if a.startswith("Báo cáo số "))
        assert head.endswith("trên địa bàn " + head.split("trên địa bàn ")[-1]) and "Trang 2/" in e["absent"]
        if e["kind"] == "docx":
            section = word_document(e).sections[0]
            assert section.header.paragraphs[0].text == head, e["file"]
            assert "NUMPAGES" in section.footer.paragraphs[0]._p.xml, e["file"]
        if e["kind"] == "pdf":
            with pdfplumber.open(path_of(e)) as pdf:
                pages = len(pdf.pages)
                for k, page in enumerate(pdf.pages, start=1):
                    assert f"Trang {k}/{pages}" in page.extract_text(), e["file"]


def test_centred_item_headings():
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    files = files_of(6, "centred_headings")
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "docx"):
        lines = {h["text"].split("\n")[-1] for h in item_headings(e)}
        heads = [p for p in word_document(e).paragraphs if p.text in lines]
        assert heads and all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in heads), e["file"]


def test_the_funding_total_is_worded_five_ways_and_its_figure_is_written_down():
    mh = generator()
    funded = [e for e in entries_of(6) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS)
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        wording = e["funding"]["wording"]
        if wording == "tong_kinh_phi":
            assert f"là {total // 10**6:,} triệu đồng".replace(",", ".") in text, e["file"]
        elif wording == "compound":
            billion, million = divmod(total // 10**6, 1000)
            assert f"là {billion} tỷ {million} triệu đồng, trong đó" in text, e["file"]
        elif wording == "bang_chu":
            assert f"{total:,} đồng".replace(",", ".") in text and "(Bằng chữ: " in text, e["file"]
        elif wording == "zero":
            assert total == 0 and "không sử dụng ngân sách nhà nước" in text and ": 0 đồng" in text, e["file"]
        else:
            rows = [line for line in text.split("\n") if line.startswith(" | Tổng số | ")]
            assert rows == [f" | Tổng số | {total // 10**6:,} | ".replace(",", ".")], e["file"]
            assert not [line for line in text.split("\n") if "tổng" in line.casefold() and line not in rows]


def test_pool_6_names_each_reports_number_and_date_as_its_letterhead_writes_them():
    for e in entries_of(6):
        number, day = e["report_number"], e["report_date"]
        assert f"Số: {number}" in e["absent"], e["file"]
        year, month, dd = day.split("-")
        assert any(a.endswith(f"ngày {int(dd)} tháng {int(month)} năm {year}") for a in e["absent"]), e["file"]


def test_pool_6_scans_are_of_six_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(6, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["kind"] for s in settings} == set(mh.SCAN_KINDS_6)
    assert {s["dpi"] for s in settings} <= {200, 250, 300} and len({s["dpi"] for s in settings}) == 3
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.0 and all(a <= 1.0 for a in skews)
    assert {s["jpeg_quality"] for s in settings if s["kind"] != "fax"} <= set(range(35, 51))
    assert all(s["stamp"].startswith("red") for s in settings)
    by_kind = {kind: [e for e in scans if e["scan"]["kind"] == kind] for kind in mh.SCAN_KINDS_6}
    for e in by_kind["phone_photo"]:
        assert e["scan"]["uneven_light"] and e["scan"]["photographed_narrow_top"] and e["scan"]["colour"], e["file"]
    for e in by_kind["upside_down"]:
        assert e["scan"]["turned"] == {"page": 2, "degrees": 180}, e["file"]
    with pdfplumber.open(path_of(by_kind["fax"][0])) as pdf:
        assert by_kind["fax"][0]["scan"]["dpi"] == 200 and pdf.pages[0].images[0]["bits"] == 1
    for e in by_kind["mixed"]:
        with pdfplumber.open(path_of(e)) as pdf:
            chars = [len(page.chars) for page in pdf.pages]
            assert chars[0] > 200 and chars[1] == 0 and pdf.pages[1].images, e["file"]  # page 2 scanned
            assert all(n > 0 for k, n in enumerate(chars) if k != 1), e["file"]
    for e in by_kind["ocr_layer"]:
        with pdfplumber.open(path_of(e)) as pdf:
            layer = " ".join(page.extract_text() or "" for page in pdf.pages)
        lines = [line for text in e["sections"].values() for line in text.split("\n")]
        assert len(layer) > 500, e["file"]  # the copier's text layer under the image
        assert sum(line in layer for line in lines) < len(lines) / 2, e["file"]  # and a poor one
    for e in by_kind["stamp_on_heading"]:
        assert "heading" in e["scan"]["stamp"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 7: "Một là", Word numbering from an unusual lvlText, "01.", "(I)", 1.1.-1.6. under an
# unnumbered part, a heading over its text in one table, headings in content controls; a
# forwarding letter or a cover page first, an annex repeating headings, item 6 by addressee,
# bullets that look like headings, page marks in the body, headings in runs of two fonts,
# "Không có.", small capitals, justified text; funding and letterheads in new shapes, five
# new kinds of scan
# ---------------------------------------------------------------------------------------

SHAPES_7 = {  # how each of pool 7's ladders numbers an item heading, as a reader sees it
    "mot_la": r"(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy) là, \S",
    "auto_lvltext": r"(?:Mục \d+:|\(\d+\)|\d+\)) \S",
    "zero_padded": r"0\d\. \S",
    "roman_in_parens": r"\([IVX]+\) \S",
    "decimal_under_plain": r"1\.[1-7]\. \S",
    "heading_over_text": r"\d+\. \S",
    "content_control": r"\d+\. \S",
}


def test_word_numbering_draws_muc_1_or_parenthesised_numbers_from_an_unusual_lvltext():
    files = files_of(7, ladder="auto_lvltext", kind="docx")
    assert len(files) >= 2
    drawn = set()
    for e in files:
        numbering = part_text(e, "word/numbering.xml")
        assert all(f'w:lvlText w:val="{t}"' in numbering for t in ("Mục %1:", "(%1)", "%1)")), e["file"]
        document = word_document(e)
        for h in item_headings(e):
            label, title = h["text"].split(" ", 1) if not h["text"].startswith("Mục") else h["text"].split(": ", 1)
            para = next(p for p in document.paragraphs if p.text == title)  # the number is not typed
            assert para._p.pPr.numPr is not None, e["file"]
            drawn.add(h["text"][:2])
    assert len(drawn) >= 2  # two of the shapes at least


def test_a_heading_in_a_tables_first_row_and_the_items_text_in_its_second():
    files = files_of(7, ladder="heading_over_text", kind="docx")
    assert len(files) >= 2
    for e in files:
        tables = [t for t in word_document(e).tables if len(t.rows) == 2 and len(t.columns) == 1]
        heads = [t.rows[0].cells[0].text for t in tables]
        assert [h["text"] for h in item_headings(e)] == [h for h in heads if h in {x["text"] for x in e["headings"]}]
        for h in item_headings(e):
            table = tables[heads.index(h["text"])]
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert table.rows[1].cells[0].paragraphs[0].text == first, e["file"]
        assert not any(p.text == h["text"] for p in word_document(e).paragraphs for h in item_headings(e)), e["file"]


def test_headings_inside_content_controls_are_not_body_paragraphs():
    files = files_of(7, ladder="content_control", kind="docx")
    assert len(files) >= 2
    for e in files:
        xml = part_text(e, "word/document.xml")
        controls = re.findall(r"<w:sdt>.*?</w:sdt>", xml)
        shown = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", c)) for c in controls]
        lines = [h["text"] for h in item_headings(e)]
        assert len(controls) == len(e["headings"]) and all(any(s.startswith(x) for s in shown) for x in lines)
        assert not any(p.text.startswith(x) for p in word_document(e).paragraphs for x in lines), e["file"]


def test_a_forwarding_letter_of_the_so_comes_first_with_its_own_number_and_signature():
    mh = generator()
    files = files_of(7, "forwarding_letter")
    assert len(files) >= 3
    for e in files:
        own = next(a for a in e["absent"] if "/SXD-" in a)
        assert own.startswith("Số: ") and e["report_number"].endswith("/BC-UBND"), e["file"]
        assert mh.FORWARD_TO in e["absent"] and mh.FORWARD_SIGN[0] in e["absent"], e["file"]
        assert any(e["report_number"] in a and "Sở Xây dựng" in a for a in e["absent"]), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [t for t in body_texts(e) if t]
        assert texts.index("SỞ XÂY DỰNG") < texts.index(mh.FORWARD_SIGN[0]) < texts.index("BÁO CÁO"), e["file"]


def test_a_cover_page_before_the_letterhead_is_no_items_text():
    mh = generator()
    files = files_of(7, "cover_page")
    assert len(files) >= 3
    for e in files:
        assert mh.COVER_NOTE in e["absent"], e["file"]
        assert any(a.startswith("TÌNH HÌNH PHÁT TRIỂN ĐÔ THỊ THÔNG MINH TRÊN ĐỊA BÀN ") for a in e["absent"])
    for e in (e for e in files if e["kind"] == "docx"):
        texts = body_texts(e)
        cover = texts.index(mh.COVER_NOTE)
        assert cover < texts.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), e["file"]
        assert 'w:type="page"' in part_text(e, "word/document.xml"), e["file"]


def test_an_annex_after_the_signature_repeats_item_headings_and_is_no_items_text():
    mh = generator()
    files = files_of(7, "annex_repeats_headings")
    assert len(files) >= 2
    for e in files:
        repeated = [h["text"].split("\n")[-1].replace(" | ", " ") for h in item_headings(e)
                    if set(h["items"]) & set(mh.ANNEX_7_BODY)]
        assert repeated and all(line in e["absent"] for line in repeated), e["file"]
        assert "PHỤ LỤC" in e["absent"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = body_texts(e)
        signer = texts.index("TM. ỦY BAN NHÂN DÂN")
        assert texts.index("PHỤ LỤC") > signer, e["file"]


def test_item_6_written_by_addressee_in_run_in_parts():
    files = files_of(7, "item_6_addressees")
    assert len(files) >= 3
    for e in files:
        text = e["sections"]["6"]
        at = [text.find(label) for label in ("a) Đối với Chính phủ: ", "b) Đối với Bộ Xây dựng: ", "c) Đối với Bộ")]
        assert -1 not in at and at == sorted(at), e["file"]


def test_bold_bullets_that_look_like_headings_are_the_items_text():
    mh = generator()
    files = files_of(7, "bullet_subheads")
    assert len(files) >= 2
    for e in files:
        for item, (head, _) in mh.BULLETS.items():
            lines = e["sections"].get(str(item), "").split("\n")
            if len(lines) > 1:  # not left out, not answered in one sentence
                assert head in lines, e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        heads = [p for p in word_document(e).paragraphs if p.text in {head for head, _ in mh.BULLETS.values()}]
        assert heads and all(r.bold for p in heads for r in p.runs), e["file"]


def test_page_numbers_left_in_the_body_between_an_items_paragraphs():
    files = files_of(7, "body_page_marks")
    assert len(files) >= 3
    for e in files:
        assert "- 2 -" in e["absent"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [t for t in body_texts(e) if t]
        at = texts.index("- 2 -")
        item = next(n for n, text in e["sections"].items() if texts[at - 1] in text.split("\n"))
        assert texts[at + 1] in e["sections"][item].split("\n"), e["file"]  # the item goes on after it


def test_a_heading_in_runs_of_different_fonts():
    assert len(files_of(7, "split_run_heading")) >= 3
    files = files_of(7, "split_run_heading", kind="docx")
    assert files
    for e in files:
        lines = {h["text"] for h in item_headings(e)}
        heads = [p for p in word_document(e).paragraphs if p.text in lines]
        assert heads, e["file"]
        for p in heads:
            assert len(p.runs) >= 3 and p.runs[0].font.name == "Arial" and p.runs[2].font.size is not None


def test_an_item_answered_khong_co():
    files = files_of(7, "item_none_answer")
    assert len(files) >= 3
    for e in files:
        assert [n for n, text in e["sections"].items() if text == "Không có."], e["file"]


def test_small_capitals_not_bold():
    files = files_of(7, "small_caps_heading", kind="docx")
    assert files
    for e in files:
        runs = heading_title_runs(e)
        assert runs and all(r.font.small_caps and not r.bold for r in runs), e["file"]


def test_justified_text_with_an_indented_first_line():
    import pdfplumber

    files = files_of(7, "justified_text")
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert pdf.pages[0].extract_text(), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        first = e["sections"]["2"].split("\n")[0]
        para = next(p for p in word_document(e).paragraphs if p.text.endswith(first))  # or after a bold lead sentence
        assert para.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and para.paragraph_format.first_line_indent


def test_the_funding_total_is_worded_four_new_ways_and_its_figure_is_written_down():
    mh = generator()
    funded = [e for e in entries_of(7) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_7]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_7)
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        wording = e["funding"]["wording"]
        if wording == "uoc_dat":
            whole, tenth = divmod(total // 10**8, 10)
            assert f"ước đạt {whole},{tenth} tỷ đồng" in text, e["file"]
        elif wording == "nghin_dong":
            assert f"là {total // 1000:,} nghìn đồng".replace(",", ".") in text, e["file"]
        elif wording == "table_dong":
            assert f" | Cộng | {total:,} | ".replace(",", ".") in text.split("\n") and "đơn vị tính: đồng" in text
        else:
            million = f"{total // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, phân theo năm" in text, e["file"]
            years = [line for line in text.split("\n") if re.match(r"20\d\d \| ", line)]
            assert len(years) == 4, e["file"]


def test_pool_7_letterheads_write_the_number_and_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(7)} == set(mh.LETTERHEADS_7)
    for e in entries_of(7):
        so = e["report_number"].split("/")[0]
        year, month, dd = e["report_date"].split("-")
        shape = e["letterhead"]
        number = {"spaced": f"Số:  {so} /BC-UBND", "no_colon": f"Số {so}/BC-UBND"}.get(shape, f"Số: {so}/BC-UBND")
        date = {"spaced": f"ngày  {int(dd)}  tháng {int(month)} năm {year}",
                "zero_month": f"ngày {dd} tháng {month} năm {year}"}.get(shape, f"ngày {int(dd)} tháng {int(month)} "
                                                                             f"năm {year}")
        assert number in e["absent"] and any(a.endswith(date) for a in e["absent"]), e["file"]
    for e in (e for e in entries_of(7) if e["letterhead"] == "date_row" and e["kind"] == "docx"):
        letterhead = word_document(e).tables[1 if "forwarding_letter" in e["layouts"] else 0]
        assert len(letterhead.rows) == 2 and letterhead.rows[1].cells[0].text.startswith("Số: "), e["file"]


def test_pool_7_scans_are_of_five_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(7, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["kind"] for s in settings} == set(mh.SCAN_KINDS_7)
    assert {s["dpi"] for s in settings} == {150, 200}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.0 and all(a <= 1.0 for a in skews)
    assert all(s["stamp"].startswith("red") for s in settings)
    for e in scans:
        kind = e["scan"]["kind"]
        assert e["scan"]["binder_edge_and_holes"] == (kind == "binder_holes"), e["file"]
        assert e["scan"]["halftone_screen"] == (kind == "halftone"), e["file"]
        assert e["scan"]["dot_matrix_print"] == (kind == "dot_matrix"), e["file"]
        assert (mh.NOTE_OVER_TEXT in e["absent"]) == (kind == "note_over_text"), e["file"]
        if kind == "grey_150":
            assert e["scan"]["dpi"] == 150 and e["scan"]["jpeg_quality"] == 30 and not e["scan"]["colour"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 8: "Câu 1:", "I.1." under "I.", 1.1.-1.6. under "1." with a part "2." of the
# province's own after them, centred capitals without a number, the label in a borderless
# table's first cell; numbered lists of documents before item 1 and in item 3, a list "1)"
# in item 5, a "Bổ sung" note for item 2 after item 6, the outline quoted in the opening,
# the province at the top of every page, a filled form after the signature, letter-spaced
# headings; funding and letterheads in new shapes, five new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_8 = {"cau_colon", "roman_compound", "decimal_then_own", "centred_caps", "label_cell_borderless",
                 "legal_numbering"}
LADDERS[8] = NEW_LADDERS_8 | {"arabic", "arabic_dot_dash", "arabic_slash", "auto_lvltext", "auto_numbered",
                              "bold_lead_sentence", "content_control", "dash_bold", "decimal_under_plain",
                              "decimal_zero", "dieu_number", "heading_box", "heading_over_text", "heading_table_row",
                              "heading_textbox", "level3_under_part", "mot_la", "muc_colon", "noi_dung_colon",
                              "one_table", "ordinal_words", "paren_number", "roman", "roman_dash", "roman_in_parens",
                              "roman_slash", "zero_padded"}  # pools 1-7's, at a lower weight
NEW_LAYOUTS_8 = {"legal_docs_list", "paren_list_in_item", "addendum_after_6", "quoted_outline", "province_header",
                 "form_after_signature", "expanded_spacing"}
LAYOUTS[8] = NEW_LAYOUTS_8 | {"body_page_marks", "bullet_subheads", "caps_not_bold", "centred_headings",  # 1-7's
                              "coloured_heading", "cover_page", "extra_heading_between", "first_heading_missing",
                              "forwarding_letter", "heading_line_break", "heading_without_outline_words",
                              "italic_heading", "item_6_addressees", "item_left_out", "item_no_content",
                              "item_none_answer", "justified_text", "merged_4_5", "merged_5_6", "nbsp_numbering",
                              "reordered", "small_caps_heading", "split_run_heading", "summary_table",
                              "table_of_contents", "tracked_changes", "trailing_colon", "underline_only"}
SHAPES_8 = {  # how each of pool 8's ladders numbers an item heading, as a reader sees it
    "cau_colon": r"Câu \d+: \S",
    "roman_compound": r"I\.\d+\. \S",
    "decimal_then_own": r"1\.[1-7]\. \S",
    "label_cell_borderless": r"\d+\. \| \S",
    "legal_numbering": r"1\.[1-7]\. \S",  # drawn by Word from "%1.%2." with isLgl, not typed
}


def test_centred_capitals_without_a_number():
    files = files_of(8, ladder="centred_caps")
    assert len(files) >= 3
    for e in files:
        for h in item_headings(e):
            assert h["text"] == h["text"].upper() and shown_number(h["text"]) is None, e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        lines = {h["text"] for h in item_headings(e)}
        heads = [p for p in word_document(e).paragraphs if p.text in lines]
        assert len(heads) == len(lines) and all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in heads)


def test_items_under_one_then_a_part_two_of_the_provinces_own():
    files = files_of(8, ladder="decimal_then_own")
    assert len(files) >= 3
    for e in files:
        assert e["headings"][0]["text"].startswith("1. ") and e["headings"][0].get("umbrella"), e["file"]
        own = e["headings"][-1]
        assert own["text"].startswith("2. ") and own.get("own_part") and own["items"] == [], e["file"]
        assert own["text"] in e["absent"], e["file"]


def test_items_numbered_i_1_to_i_6_under_one_roman_heading():
    files = files_of(8, ladder="roman_compound")
    assert len(files) >= 3
    for e in files:
        assert e["headings"][0]["text"].startswith("I. ") and e["headings"][0]["text"] in e["absent"]
        assert [h["text"].split(" ")[0] for h in item_headings(e)] == [f"I.{k}." for k in range(1, 7)], e["file"]


def test_the_label_in_the_first_cell_of_a_borderless_table_and_the_title_in_the_second():
    files = files_of(8, ladder="label_cell_borderless", kind="docx")
    assert len(files) >= 2
    for e in files:
        rows = {(t.rows[0].cells[0].text, t.rows[0].cells[1].text): t for t in word_document(e).tables
                if len(t.rows) == 1 and len(t.columns) == 2}
        for h in item_headings(e):
            label, title = h["text"].split(" | ")
            table = rows[(label, title)]
            assert table.style is None or table.style.name != "Table Grid", e["file"]
            assert "w:tblBorders" not in table._tbl.xml, e["file"]


def test_numbered_lists_of_documents_before_item_1_are_no_items_text_and_in_item_3_are():
    mh = generator()
    files = files_of(8, "legal_docs_list")
    assert len(files) >= 4
    for e in files:
        assert mh.LEGAL_DOCS_INTRO in e["absent"], e["file"]
        listed = [a for a in e["absent"] if "Quyết định số 950/QĐ-TTg ngày 01/8/2018" in a]
        assert listed and re.match(r"(?:\d+[.)/:-]|\(\d+\)|0\d\.) ", listed[0]), e["file"]
        three = e["sections"].get("3", "")
        if len(three.split("\n")) > 1:
            assert any(re.match(r"(?:\d+[.)/:-]|\(\d+\)|0\d\.) Quyết định số \d+/QĐ-UBND", line)
                       for line in three.split("\n")), e["file"]


def test_a_list_numbered_1_2_3_in_parentheses_inside_item_5():
    files = files_of(8, "paren_list_in_item")
    assert len(files) >= 3
    for e in files:
        lines = e["sections"]["5"].split("\n")
        assert [line[:3] for line in lines if re.match(r"\d\) ", line)] == ["1) ", "2) ", "3) "], e["file"]


def test_a_bo_sung_note_after_item_6_is_item_2s_text():
    files = files_of(8, "addendum_after_6")
    assert len(files) >= 3
    for e in files:
        head, body = e["addendum"]["lines"]
        assert e["addendum"]["item"] == 2 and e["sections"]["2"].endswith(f"{head}\n{body}"), e["file"]
        assert head not in e["sections"]["6"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [t for t in body_texts(e) if t]
        six = e["sections"]["6"].split("\n")[-1]
        assert texts.index(six) < texts.index(e["addendum"]["lines"][0]), e["file"]


def test_the_outline_quoted_in_an_email_like_opening_is_no_items_text():
    mh = generator()
    files = files_of(8, "quoted_outline")
    assert len(files) >= 4
    outline = load_campaign().sections
    for e in files:
        assert mh.QUOTED_TO in e["absent"] and mh.QUOTED_INTRO in e["absent"], e["file"]
        quoted = [f"({k}) {s.heading};" for k, s in enumerate(outline, start=1)]
        assert all(q in e["absent"] for q in quoted), e["file"]


def test_the_province_at_the_top_of_every_page_and_the_files_name_at_the_foot():
    files = files_of(8, "province_header")
    assert len(files) >= 4
    for e in files:
        assert any(a.endswith(" – BÁO CÁO ĐÔ THỊ THÔNG MINH") for a in e["absent"]), e["file"]
        assert any(a.startswith("D:\\VanBan2022\\") for a in e["absent"]), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        section = word_document(e).sections[0]
        assert section.header.paragraphs[0].text in e["absent"], e["file"]
        assert section.footer.paragraphs[0].text in e["absent"], e["file"]


def test_a_filled_form_after_the_signature_repeats_the_outline_and_is_no_items_text():
    mh = generator()
    files = files_of(8, "form_after_signature")
    assert len(files) >= 3
    for e in files:
        assert all(line in e["absent"] for line in mh.FORM_TITLE), e["file"]
        assert all(s.heading in e["absent"] for s in load_campaign().sections), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [t for t in body_texts(e) if t]
        assert texts.index(mh.FORM_TITLE[0]) > texts.index("TM. ỦY BAN NHÂN DÂN"), e["file"]


def test_letter_spaced_headings():
    mh = generator()
    files = files_of(8, "expanded_spacing")
    assert len(files) >= 3 and {e["kind"] for e in files} >= {"docx", "pdf"}
    for e in (e for e in files if e["kind"] == "docx"):
        runs = heading_title_runs(e)
        assert runs, e["file"]
        for run in runs:
            spacing = run._r.rPr.find(f"{W}spacing")
            assert spacing is not None and spacing.get(f"{W}val") == str(mh.LETTER_SPACING)


def test_pool_8_words_the_funding_total_four_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(8) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_8]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_8)
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        wording = e["funding"]["wording"]
        if wording == "full_dong":
            assert f"là {total:,} đồng".replace(",", ".") in text, e["file"]
        elif wording == "ty_vnd":
            whole, tenth = divmod(total // 10**8, 10)
            assert f"đạt {whole},{tenth} tỷ VNĐ" in text, e["file"]
        elif wording == "footnote_total":
            assert "triệu đồng" not in text and " đồng" not in text, e["file"]  # the figure is in the footnote only
        else:
            million = f"{total // 10**6:,}".replace(",", ".")
            assert f"đã giải ngân {million} triệu đồng" in text and "Kế hoạch vốn giao" in text, e["file"]
    for e in (e for e in funded if e["funding"]["wording"] == "footnote_total" and e["kind"] == "docx"):
        notes = part_text(e, "word/footnotes.xml")
        assert f"{e['funding']['total_vnd'] // 10**6:,} triệu đồng".replace(",", ".") in notes, e["file"]


def test_pool_8_letterheads_write_the_number_and_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(8)} == set(mh.LETTERHEADS_8)
    for e in entries_of(8):
        year, month, dd = e["report_date"].split("-")
        shape = e["letterhead"]
        date = {"slash_date": f"ngày {int(dd)}/{int(month)}/{year}",
                "month_padded": f"ngày {int(dd)} tháng {month} năm {year}"}.get(
            shape, f"ngày {int(dd)} tháng {int(month)} năm {year}")
        assert any(a.endswith(date) for a in e["absent"]), e["file"]
        if shape == "no_number":
            assert e["report_number"] is None and "Số:        /BC-UBND" in e["absent"], e["file"]
        else:
            assert f"Số: {e['report_number']}" in e["absent"], e["file"]
    for e in (e for e in entries_of(8) if e["letterhead"] == "textbox_number" and e["kind"] == "docx"):
        assert f"<w:t xml:space=\"preserve\">Số: {e['report_number']}</w:t>" in word_document(e).element.xml


def test_pool_8_scans_are_of_five_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(8, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["kind"] for s in settings} == set(mh.SCAN_KINDS_8)
    assert {s["dpi"] for s in settings} == {150, 200}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.0 and all(a <= 1.0 for a in skews)
    assert all(s["stamp"].startswith("red") for s in settings)
    for e in scans:
        kind = e["scan"]["kind"]
        assert e["scan"]["bleed_through"] == (kind == "bleed_through"), e["file"]
        assert e["scan"]["gutter_shadow"] == (kind == "book_gutter"), e["file"]
        assert e["scan"]["copier_streaks"] == (kind == "copier_streaks"), e["file"]
        assert (mh.STICKY_NOTE in e["absent"]) == (kind == "sticky_note"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap
            if kind == "photo_sideways":  # page 1 stored turned: wider than high
                assert e["scan"]["turned"] == {"page": 1, "degrees": 90}
                assert pdf.pages[0].width > pdf.pages[0].height, e["file"]


def test_two_text_pdfs_of_pool_8_are_made_by_reportlab_not_libreoffice():
    import pdfplumber

    made = [e for e in entries_of(8) if e.get("pdf_maker")]
    assert len(made) == 2 and all(e["kind"] == "pdf" and e["pdf_maker"] == "reportlab" for e in made)
    for e in entries_of(8):
        if e["kind"] != "pdf":
            continue
        with pdfplumber.open(path_of(e)) as pdf:
            producer = pdf.metadata.get("Producer", "")
            assert ("ReportLab" in producer) == bool(e.get("pdf_maker")), e["file"]
        assert e["sections"]["1"].split("\n")[0][:40] in pdf_text(e), e["file"]


def test_word_legal_numbering_draws_1_1_under_a_roman_level_and_no_number_is_typed():
    mh = generator()
    files = files_of(8, ladder="legal_numbering")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        document = word_document(e)
        numbering = document.part.numbering_part.element.xml
        assert re.search(r'<w:numFmt w:val="decimal"/>\s*<w:isLgl/>\s*<w:lvlText w:val="%1\.%2\."/>', numbering)
        umbrella = e["headings"][0]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("I. "), e["file"]
        for h in item_headings(e):
            title = h["text"].split(" ", 1)[1]
            para = next(p for p in document.paragraphs if p.text == title)  # the number is not typed
            num = para._p.pPr.numPr
            assert num.numId.val == mh.LEGAL_LIST and num.ilvl.val == 1, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 9: "[1]", circled numbers, "II.1." under part II after a part I of the province's
# own, a ladder restarting under "A." and "B.", Word's "Subtitle" style, a bold title run in
# without a colon; a district's report attached, an item split by a page break under its
# heading repeated "(tiếp theo)", an item answered by one table, hidden text in a heading, a
# summary table after item 6, an annex with numbered headings of its own; funding and
# letterheads in new shapes, five new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_9 = {"bracket_number", "circled_number", "roman_compound_part_two", "restart_under_ab", "subtitle_style",
                 "run_in_no_colon"}
LADDERS[9] = NEW_LADDERS_9 | {"arabic", "arabic_dot_dash", "arabic_paren", "cau_colon", "cau_question",  # 1-8's
                              "centred_caps", "dash_bold", "decimal_then_own", "decimal_under_one", "dieu_number",
                              "heading_box", "heading_over_text", "heading_textbox", "label_cell_borderless",
                              "legal_numbering", "level2_under_content", "mot_la", "noi_dung_colon", "one_table",
                              "paren_number", "roman", "roman_slash", "sentence_case_plain"}
NEW_LAYOUTS_9 = {"district_report_attached", "continued_heading", "item_table_only", "hidden_text_heading",
                 "summary_table_after_6", "annex_own_numbering"}
LAYOUTS[9] = NEW_LAYOUTS_9 | {"addendum_after_6", "bullet_subheads", "centred_headings", "coloured_heading",  # 1-8's
                              "cover_page", "expanded_spacing", "extra_heading_between", "first_heading_missing",
                              "forwarding_letter", "heading_line_break", "italic_heading", "item_no_content",
                              "item_none_answer", "kinh_gui_preamble", "legal_docs_list", "merged_2_3", "merged_4_5",
                              "merged_5_6", "number_own_line", "paren_list_in_item", "province_header",
                              "question_heading", "quoted_outline", "running_header", "small_caps_heading",
                              "split_run_heading", "table_of_contents", "tracked_changes", "trailing_colon",
                              "two_columns", "underline_only"}
SHAPES_9 = {  # how each of pool 9's ladders numbers an item heading, as a reader sees it
    "bracket_number": r"\[[1-7]\] \S",
    "circled_number": r"[①-⑦] \S",
    "roman_compound_part_two": r"II\.[1-7]\. \S",
    "restart_under_ab": r"[1-4]\. \S",
    "subtitle_style": r"[1-7]\. \S",
    "run_in_no_colon": r"[1-7]\. \S",
}


def test_items_ii_1_to_ii_6_under_part_two_after_a_part_one_of_the_provinces_own():
    files = files_of(9, ladder="roman_compound_part_two")
    assert len(files) >= 3
    for e in files:
        one, two = e["headings"][:2]
        assert one["text"].startswith("I. ") and one.get("preface") and one["text"] in e["absent"], e["file"]
        assert two["text"].startswith("II. ") and two.get("umbrella") and two["text"] in e["absent"], e["file"]
        labels = [h["text"].split(" ")[0] for h in item_headings(e)]
        assert labels == [f"II.{k}." for k in range(1, len(labels) + 1)], e["file"]


def test_a_ladder_that_restarts_at_1_under_part_b():
    files = files_of(9, ladder="restart_under_ab")
    assert len(files) >= 3
    for e in files:
        first = e["headings"][0]
        assert first["text"].startswith("A. ") and first.get("umbrella") and first["text"] in e["absent"], e["file"]
        b = next(k for k, h in enumerate(e["headings"]) if h["text"].startswith("B. "))
        assert e["headings"][b].get("umbrella") and e["headings"][b]["text"] in e["absent"], e["file"]
        before = [h for h in e["headings"][:b] if h["items"]]
        after = [h for h in e["headings"][b + 1:] if h["items"]]
        assert max(n for h in before for n in h["items"]) <= 4 and min(n for h in after for n in h["items"]) >= 5
        assert [shown_number(h["text"]) for h in before] == list(range(1, len(before) + 1)), e["file"]
        assert [shown_number(h["text"]) for h in after] == list(range(1, len(after) + 1)), e["file"]


def test_headings_in_words_subtitle_style_with_a_typed_number():
    files = files_of(9, ladder="subtitle_style")
    assert len(files) >= 3
    for e in (e for e in files if e["kind"] == "docx"):
        paragraphs = word_document(e).paragraphs
        for h in item_headings(e):
            para = next(p for p in paragraphs if p.text == h["text"])
            assert para.style.name == "Subtitle" and not any(r.bold for r in para.runs), e["file"]


def test_a_bold_title_at_the_start_of_the_items_paragraph_without_a_colon():
    files = files_of(9, ladder="run_in_no_colon")
    assert len(files) >= 3
    for e in files:
        for h in item_headings(e):
            assert not h["text"].endswith((":", ".")), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        paragraphs = word_document(e).paragraphs
        for h in item_headings(e):
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            para = next(p for p in paragraphs if p.text.startswith(h["text"] + " "))
            assert para.text == f"{h['text']} {first}", e["file"]
            assert para.runs[0].text == h["text"] and para.runs[0].bold, e["file"]
            assert not any(r.bold for r in para.runs[1:]), e["file"]


def test_a_districts_report_attached_after_the_signature_is_no_items_text():
    mh = generator()
    files = files_of(9, "district_report_attached")
    assert len(files) >= 3
    heads = [head for head, _ in mh.DISTRICT_PARTS]
    for e in files:
        assert any(a.startswith("ỦY BAN NHÂN DÂN HUYỆN ") for a in e["absent"]), e["file"]
        assert all(head in e["absent"] for head in heads), e["file"]
        assert not any(shared(head) for head in heads)  # a trap of layout, not of the campaign's words
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [shown_text(p) for p in body_paragraphs(e)]
        assert texts.index("TM. ỦY BAN NHÂN DÂN") < texts.index(heads[0]), e["file"]


def test_an_item_split_by_a_page_break_repeats_its_heading_tiep_theo():
    mh = generator()
    files = files_of(9, "continued_heading")
    assert len(files) >= 4 and {e["kind"] for e in files} >= {"docx", "pdf", "scan"}
    for e in files:
        marked = [h for h in e["headings"] if h.get("continued")]
        assert len(marked) == 1, e["file"]
        h = marked[0]
        assert h["continued"] == h["text"].split("\n")[-1] + mh.CONTINUED and h["continued"] in e["absent"]
        assert len(e["sections"][str(h["items"][0])].split("\n")) >= 2, e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        body = body_paragraphs(e)
        texts = [shown_text(p) for p in body]
        k = texts.index(marked_text := next(h["continued"] for h in e["headings"] if h.get("continued")))
        assert any(br.get(f"{W}type") == "page" for br in body[k - 1].iter(f"{W}br")), (e["file"], marked_text)


def test_item_3_answered_by_one_table_and_nothing_else():
    mh = generator()
    files = files_of(9, "item_table_only")
    assert len(files) >= 3
    for e in files:
        lines = e["sections"]["3"].split("\n")
        assert lines[0] == " | ".join(mh.TABLE_ONLY_HEAD) and all(" | " in line for line in lines), e["file"]
        assert len(lines) == 1 + len(mh.TABLE_ONLY_ROWS), e["file"]


def test_hidden_text_in_a_heading_is_neither_shown_nor_any_items():
    mh = generator()
    files = files_of(9, "hidden_text_heading")
    assert len(files) >= 3
    note = mh.HIDDEN_NOTE.strip()
    for e in files:
        marked = [h for h in e["headings"] if h.get("hidden")]
        assert len(marked) == 1 and marked[0]["hidden"] == note and note in e["absent"], e["file"]
        assert note not in marked[0]["text"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        hidden = [r for r in word_document(e).element.body.iter(f"{W}r") if r.find(f"{W}rPr/{W}vanish") is not None]
        assert ["".join(t.text for t in r.iter(f"{W}t")) for r in hidden] == [mh.HIDDEN_NOTE], e["file"]
    for e in (e for e in files if e["kind"] == "pdf" and not e["ocr"]):  # LibreOffice does not print it
        heading = next(h["text"] for h in e["headings"] if h.get("hidden"))
        assert "góp ý" not in pdf_text(e) and heading[:20] in pdf_text(e), e["file"]


def test_a_summary_table_after_item_6_is_no_items_text():
    mh = generator()
    files = files_of(9, "summary_table_after_6")
    assert len(files) >= 3
    for e in files:
        assert mh.SUMMARY_9_CAPTION in e["absent"], e["file"]
        assert " | " not in e["sections"]["6"] and mh.SUMMARY_9_CAPTION not in e["sections"]["6"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [shown_text(p) for p in body_paragraphs(e)]
        six = e["sections"]["6"].split("\n")[-1]
        closing = next(k for k, t in enumerate(texts) if t.startswith("Trên đây là báo cáo"))
        assert texts.index(six) < texts.index(mh.SUMMARY_9_CAPTION) < closing, e["file"]


def test_an_annex_with_numbered_headings_of_its_own_after_the_signature():
    mh = generator()
    files = files_of(9, "annex_own_numbering")
    assert len(files) >= 3
    for e in files:
        assert all(line in e["absent"] for line in mh.ANNEX_9_TITLE), e["file"]
        heads = [a for a in e["absent"] if any(a.endswith(title) for title, _ in mh.ANNEX_9_PARTS)]
        assert len(heads) == len(mh.ANNEX_9_PARTS), e["file"]
        assert all(re.match(r"(?:\d+[.)/:-]|\(\d+\)|0\d\.) ", head) for head in heads), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        texts = [shown_text(p) for p in body_paragraphs(e)]
        assert texts.index("TM. ỦY BAN NHÂN DÂN") < texts.index(mh.ANNEX_9_TITLE[1]), e["file"]


def test_pool_9_words_the_funding_total_four_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(9) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_9]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_9)
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        wording = e["funding"]["wording"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if wording == "spaced_dong":
            assert f"là {total:,} đồng".replace(",", " ") in text, e["file"]
        elif wording == "tr_d":
            assert f"Tổng kinh phí thực hiện: {million} Tr.đ (" in text, e["file"]
        elif wording == "words_only":
            billion, rest = divmod(total // 10**6, 1000)
            assert f"là {mh.number_words(billion)} tỷ {mh.number_words(rest)} triệu đồng" in text, e["file"]
            assert not re.search(r"\d+[.,]?\d* (?:tỷ|triệu|đồng)", text), e["file"]  # no figure: only words
        else:
            assert f"Cộng cả giai đoạn: {million} triệu đồng." in text and "năm 2019 là" in text, e["file"]


def test_pool_9_letterheads_write_the_number_and_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(9)} == set(mh.LETTERHEADS_9)
    for e in entries_of(9):
        year, month, dd = e["report_date"].split("-")
        shape, so = e["letterhead"], e["report_number"].split("/")[0]
        date = f"ngày {int(dd)} - {int(month)} - {year}" if shape == "dash_date" else \
            f"ngày {int(dd)} tháng {int(month)} năm {year}"
        assert any(a.endswith(date) for a in e["absent"]), e["file"]
        number = {"spaced_number": f"Số {so} /BC-UBND", "suffix_number": f"Số: {so}/BC-UBND-XD"}.get(
            shape, f"Số: {so}/BC-UBND")
        assert number in e["absent"], e["file"]
        assert e["report_number"] == (f"{so}/BC-UBND-XD" if shape == "suffix_number" else f"{so}/BC-UBND")
    for e in (e for e in entries_of(9) if e["letterhead"] == "signature_date" and e["kind"] == "docx"):
        document = word_document(e)
        head, sign = document.tables[0], next(t for t in document.tables if "TM. ỦY BAN NHÂN DÂN" in t._tbl.xml)
        assert "ngày" not in head._tbl.xml, e["file"]  # the letterhead has no date
        cell = sign.rows[0].cells[1]
        assert cell.paragraphs[0].text.endswith("tháng 5 năm 2022") and cell.paragraphs[1].text == \
            "TM. ỦY BAN NHÂN DÂN", e["file"]


def test_pool_9_scans_are_of_five_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(9, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    settings = [e["scan"] for e in scans]
    assert {s["kind"] for s in settings} == set(mh.SCAN_KINDS_9)
    assert {s["dpi"] for s in settings} == {150, 200}
    skews = [abs(a) for s in settings for a in s["skew_deg"]]
    assert max(skews) == 1.0 and all(a <= 1.0 for a in skews)
    assert all(s["stamp"].startswith("red") for s in settings)
    for e in scans:
        kind = e["scan"]["kind"]
        assert e["scan"]["one_bit"] == (kind == "fax_stretched"), e["file"]
        assert e["scan"]["vertical_dpi"] == (100 if kind == "fax_stretched" else e["scan"]["dpi"]), e["file"]
        assert e["scan"]["finger_at_bottom_edge"] == (kind == "desk_finger"), e["file"]
        assert (e["scan"]["corner_folded"] is not None) == (kind == "corner_fold"), e["file"]
        assert e["scan"]["pencil_under_headings"] == (kind == "pencil_marks"), e["file"]
        assert (e["scan"]["jpeg_quality"] == 20) == (kind == "heavy_jpeg"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap
            if kind == "fax_stretched":
                assert pdf.pages[0].images[0]["bits"] == 1, e["file"]


def test_two_text_pdfs_of_pool_9_are_drawn_a_word_at_a_time():
    import pdfplumber

    made = [e for e in entries_of(9) if e.get("pdf_maker")]
    assert len(made) == 2 and all(e["kind"] == "pdf" and e["pdf_maker"] == "reportlab_words" for e in made)
    for e in made:
        raw = path_of(e).read_bytes()
        with pdfplumber.open(path_of(e)) as pdf:
            assert "ReportLab" in pdf.metadata.get("Producer", ""), e["file"]
            words = sum(len(page.extract_words()) for page in pdf.pages)
        assert raw.count(b") Tj ET") == raw.count(b" Tj") >= words * 0.9, e["file"]  # a text object a word
        assert e["sections"]["1"].split("\n")[0][:40] in pdf_text(e), e["file"]


# ---------------------------------------------------------------------------------------
# Pool 10: "Nội dung thứ nhất:", "a/", the province's "Phần 1:" over "1.1"-"1.4" and
# "Phần 2:" over "2.1", "2.2", "1)" with only the number bold, item 1's "1." typed and
# Word numbering the rest from 2; a forwarded e-mail's header above the report, the
# ministry's outline pasted as a table, a bold list 1.-8. inside item 3, landscape pages in
# two columns, a PDF printed from a browser; funding and letterheads in new shapes, four new
# kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_10 = {"noi_dung_ordinal", "letter_slash", "phan_decimal", "number_only_bold", "typed_then_auto",
                  "annex_answers"}
LADDERS[10] = NEW_LADDERS_10 | {"bracket_number", "circled_number", "roman_compound_part_two",  # pools 1-9's
                                "restart_under_ab", "subtitle_style", "run_in_no_colon", "cau_colon",
                                "label_cell_borderless", "mot_la", "one_table", "heading_textbox"}
NEW_LAYOUTS_10 = {"forwarded_email", "outline_table_first", "long_list_in_item", "landscape_columns",
                  "browser_print"}
LAYOUTS[10] = NEW_LAYOUTS_10 | {"district_report_attached", "continued_heading", "item_table_only",  # 1-9's
                                "hidden_text_heading", "summary_table_after_6", "quoted_outline", "tracked_changes",
                                "merged_4_5", "first_heading_missing", "extra_heading_between"}
SHAPES_10 = {  # how each of pool 10's ladders numbers an item heading, as a reader sees it
    "noi_dung_ordinal": r"Nội dung thứ (?:nhất|hai|ba|tư|năm|sáu|bảy): \S",
    "letter_slash": r"[a-g]/ \S",
    "phan_decimal": r"[12]\.[1-4] \S",
    "number_only_bold": r"[1-7]\) \S",
    "typed_then_auto": r"[1-6]\. \S",  # 2.-6. drawn by Word from a list that starts at 2
    "annex_answers": r"[1-6] \| \S",  # a row of the annex's table: number | title
}


def test_items_1_1_to_1_4_under_phan_1_and_2_1_2_2_under_phan_2():
    files = files_of(10, ladder="phan_decimal")
    assert len(files) >= 3
    for e in files:
        first = e["headings"][0]
        assert first["text"].startswith("Phần 1: ") and first.get("umbrella") and first["text"] in e["absent"]
        two = next(k for k, h in enumerate(e["headings"]) if h["text"].startswith("Phần 2: "))
        assert e["headings"][two].get("umbrella") and e["headings"][two]["text"] in e["absent"], e["file"]
        before = [h for h in e["headings"][:two] if h["items"]]
        after = [h for h in e["headings"][two + 1:] if h["items"]]
        assert max(n for h in before for n in h["items"]) <= 4 and min(n for h in after for n in h["items"]) >= 5
        assert [h["text"].split(" ")[0] for h in before] == [f"1.{k}" for k in range(1, len(before) + 1)], e["file"]
        assert [h["text"].split(" ")[0] for h in after] == [f"2.{k}" for k in range(1, len(after) + 1)], e["file"]


def test_only_the_number_is_bold():
    files = files_of(10, ladder="number_only_bold", kind="docx")
    assert len(files) >= 2
    for e in files:
        paragraphs = word_document(e).paragraphs
        for h in item_headings(e):
            para = next(p for p in paragraphs if p.text.startswith(h["text"]))
            label, title = para.runs[:2]  # then a footnote's mark, hidden text or the run-in answer
            assert re.fullmatch(r"\d+\)\s", label.text) and h["text"].startswith(label.text) and label.bold
            assert not title.bold and title.text == h["text"][len(label.text):], e["file"]


def test_item_1s_number_typed_and_word_numbering_the_rest_from_2():
    mh = generator()
    files = files_of(10, ladder="typed_then_auto", kind="docx")
    assert len(files) >= 2
    for e in files:
        document = word_document(e)
        heads = item_headings(e)
        assert heads[0]["text"].startswith("1. ") and heads[0]["items"] == [1], e["file"]
        first = next(p for p in document.paragraphs if p.text.startswith(heads[0]["text"]))
        assert first._p.pPr is None or first._p.pPr.numPr is None, e["file"]
        for k, h in enumerate(heads[1:], start=2):
            number, title = h["text"].split(" ", 1)
            assert number == f"{k}.", e["file"]
            para = next(p for p in document.paragraphs if p.text.startswith(title))  # the number is not typed
            assert para._p.pPr.numPr.numId.val == mh.TYPED_AUTO_LIST, e["file"]
        xml = document.part.numbering_part.element.xml
        assert f'w:abstractNumId="{mh.TYPED_AUTO_LIST}"' in xml and '<w:start w:val="2"/>' in xml


def test_a_signed_cover_letter_and_the_answers_in_an_annex_table_after_the_signature():
    mh = generator()
    files = files_of(10, ladder="annex_answers")
    assert len(files) >= 3
    for e in files:
        assert e["layouts"] == [] and all(e["sections"][str(n)] for n in range(1, 7)), e["file"]
        assert all(line in e["absent"] for line in mh.ANNEX_ANSWERS_TITLE), e["file"]
        assert any(a.startswith("Kết quả thực hiện từng nội dung") for a in e["absent"]), e["file"]
    for e in files_of(10, ladder="annex_answers", kind="docx"):
        texts = body_texts(e)
        signed = texts.index("TM. ỦY BAN NHÂN DÂN")
        assert signed < texts.index(mh.ANNEX_ANSWERS_TITLE[1]), e["file"]
        for h in item_headings(e):
            assert texts.index(h["text"].split(" | ")[1]) > signed, e["file"]  # the title cell, after the signature


def test_a_forwarded_emails_header_above_the_report_is_no_items_text():
    files = files_of(10, "forwarded_email")
    assert len(files) >= 3
    for e in files:
        assert "---------- Forwarded message ---------" in e["absent"], e["file"]
        assert any(a.startswith("From: ") for a in e["absent"]) and any(a.startswith("Subject: ") for a in e["absent"])
    for e in files_of(10, "forwarded_email", kind="docx"):
        texts = body_texts(e)
        start = texts.index("---------- Forwarded message ---------")
        assert start < texts.index("To: <baocao.uda@moc.gov.vn>") < texts.index("ỦY BAN NHÂN DÂN"), e["file"]


def test_the_ministrys_outline_pasted_as_a_table_before_the_answers_is_no_items_text():
    mh = generator()
    files = files_of(10, "outline_table_first")
    assert len(files) >= 3
    outline = [mh.mr.OUTLINE[n].heading for n in range(1, 7)]
    for e in files:
        assert mh.OUTLINE_TABLE_INTRO in e["absent"] and all(line in e["absent"] for line in outline), e["file"]
        assert not any(line in text for line in outline for text in e["sections"].values()), e["file"]
    for e in files_of(10, "outline_table_first", kind="docx"):
        document = word_document(e)
        table = next(t for t in document.tables if t.rows[0].cells[-1].text == mh.OUTLINE_TABLE_HEAD[-1])
        assert [row.cells[1].text for row in table.rows[1:]] == outline, e["file"]
        texts = body_texts(e)
        first = e["sections"]["1"].split("\n")[0]  # item 1's first line of text
        assert texts.index(outline[-1]) < next(k for k, t in enumerate(texts) if first in t), e["file"]


def test_a_bold_list_1_to_8_inside_item_3_is_its_text():
    mh = generator()
    files = files_of(10, "long_list_in_item")
    assert len(files) >= 3
    for e in files:
        lines = e["sections"]["3"].split("\n")
        numbered = [line for line in lines if re.match(r"\d+\. ", line)]
        assert [int(line.split(".")[0]) for line in numbered] == list(range(1, len(mh.LONG_LIST) + 1)), e["file"]
        assert len(numbered) > len(item_headings(e)), e["file"]  # longer than the items
    for e in files_of(10, "long_list_in_item", kind="docx"):
        paragraphs = word_document(e).paragraphs
        line = next(line for line in e["sections"]["3"].split("\n") if line.startswith("8. "))
        assert all(r.bold for r in next(p for p in paragraphs if p.text == line).runs), e["file"]


def test_landscape_pages_with_the_items_in_two_columns():
    files = files_of(10, "landscape_columns")
    assert len(files) >= 3
    for e in files_of(10, "landscape_columns", kind="docx"):
        sections = word_document(e).sections
        assert all(s.page_width > s.page_height for s in sections), e["file"]
        cols = [s._sectPr.find(f"{W}cols") for s in sections]
        assert any(c is not None and c.get(f"{W}num") == "2" for c in cols), e["file"]


def test_a_pdf_printed_from_a_browser_carries_its_date_title_and_address_on_every_page():
    import pdfplumber

    mh = generator()
    files = files_of(10, "browser_print")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    for e in files:
        url = next(a for a in e["absent"] if a.startswith("https://"))
        assert mh.BROWSER_HEAD in e["absent"], e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            pages = [(p.extract_text() or "") for p in pdf.pages]
        assert all(url in text and mh.BROWSER_HEAD in text for text in pages), e["file"]


def test_pool_10_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(10) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_10]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_10)
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        wording = e["funding"]["wording"]
        if wording == "usd_beside":
            billion, rest = divmod(total // 10**8, 10)
            assert f"là {billion},{rest} tỷ đồng (tương đương khoảng " in text and "triệu USD)" in text, e["file"]
        elif wording == "corrected":
            assert f"thành {total // 10**9} tỷ đồng" in text and "điều chỉnh từ " in text, e["file"]
        else:
            million = f"{total // 10**6:,}".replace(",", ".")
            assert f"lũy kế từ năm 2018 đến hết quý I/2022, tổng vốn đã bố trí là {million} triệu đồng" in text


def test_pool_10_letterheads_write_the_number_and_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(10)} == set(mh.LETTERHEADS_10)
    for e in entries_of(10):
        year, month, dd = e["report_date"].split("-")
        shape, so = e["letterhead"], e["report_number"].split("/")[0]
        assert e["report_number"] == f"{so}/BC-UBND", e["file"]
        if shape == "roman_month":
            assert any(a.endswith(f"ngày {int(dd)}/V/{year}") for a in e["absent"]), e["file"]
        elif shape == "body_date":
            assert mh.BODY_DATE.format(dd=int(dd)) in e["absent"], e["file"]
        else:
            assert any(a.endswith(f"ngày {int(dd)} tháng {int(month)} năm {year}") for a in e["absent"]), e["file"]
        assert (f"Số: {so}" if shape == "number_two_lines" else f"Số: {so}/BC-UBND") in e["absent"], e["file"]
    for e in (e for e in entries_of(10) if e["kind"] == "docx" and e["letterhead"] == "number_two_lines"):
        head = [p.text for p in word_document(e).tables[0].rows[0].cells[0].paragraphs]
        so = e["report_number"].split("/")[0]
        assert head[head.index(f"Số: {so}") + 1] == "/BC-UBND", e["file"]
    for e in (e for e in entries_of(10) if e["kind"] == "docx" and e["letterhead"] == "body_date"):
        assert "ngày" not in word_document(e).tables[0]._tbl.xml, e["file"]  # the letterhead has no date
        texts = body_texts(e)
        closing = next(k for k, t in enumerate(texts) if t.startswith("Trên đây là báo cáo"))
        assert texts[closing - 1] == mh.BODY_DATE.format(dd=int(e["report_date"][-2:])), e["file"]


def test_pool_10_scans_are_of_four_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(10, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_10)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind, skews = e["scan"]["kind"], [abs(a) for a in e["scan"]["skew_deg"]]
        assert max(skews) <= (3.0 if kind == "dark_border_tilt" else 1.0), e["file"]
        assert (skews[0] == 3.0) == (kind == "dark_border_tilt"), e["file"]
        assert (e["scan"]["watermark"] == mh.WATERMARK) == (kind == "copy_watermark"), e["file"]
        assert (mh.WATERMARK in e["absent"]) == (kind == "copy_watermark"), e["file"]
        assert (e["scan"]["read_at_dpi"] == 100) == (kind == "upscaled_100"), e["file"]
        assert e["scan"]["dark_border"] == (kind == "dark_border_tilt"), e["file"]
        assert e["scan"]["highlighted_headings"] == (kind == "highlighter"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 11: "* ...", "(i) ...", "1. Về nội dung “...”", the answers as a two-column table
# "1. title | answer", Word bullets "❖"; body text hard-wrapped a paragraph a line, an empty
# paragraph after every paragraph, headings indented with typed spaces or a tab, a number
# typed twice; text PDFs drawing each line in two pieces; funding and letterheads in new
# shapes, four new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_11 = {"star_bold", "lower_roman_paren", "quoted_title", "answer_table", "auto_bullet"}
LADDERS[11] = NEW_LADDERS_11 | {"typed_then_auto", "noi_dung_ordinal", "letter_slash", "phan_decimal",  # 1-10's
                                "number_only_bold", "annex_answers", "bracket_number", "circled_number",
                                "restart_under_ab", "heading_textbox", "cau_colon", "subtitle_style", "mot_la"}
NEW_LAYOUTS_11 = {"hard_wrapped", "blank_lines", "space_indented", "number_repeated"}
LAYOUTS[11] = NEW_LAYOUTS_11 | {"forwarded_email", "outline_table_first", "long_list_in_item",  # pools 1-10's
                                "landscape_columns", "browser_print", "table_of_contents", "hidden_text_heading",
                                "extra_heading_between", "merged_5_6", "first_heading_missing"}
SHAPES_11 = {  # how each of pool 11's ladders marks an item heading, as a reader sees it
    "star_bold": r"\* \S",
    "lower_roman_paren": r"\((?:i|ii|iii|iv|v|vi|vii)\) \S",
    "quoted_title": r"[1-7]\. Về nội dung “[^”]+”:?$",
    "answer_table": r"[1-6]\. \S",  # the first cell of the answers' table
    "auto_bullet": r"❖ \S",  # drawn by Word from a bullet list
}


def squashed(text: str) -> str:
    return " ".join(text.split())


def test_a_star_or_a_bullet_marks_a_heading_and_no_number_is_shown():
    for e in files_of(11, ladder="star_bold") + files_of(11, ladder="auto_bullet"):
        assert all(shown_number(h["text"]) is None for h in item_headings(e)), e["file"]


def test_a_quoted_title_is_one_of_the_pools_wordings_in_quotation_marks():
    mh = generator()
    wordings = set(mh.pool_wordings(11))
    for e in files_of(11, ladder="quoted_title"):
        for h in item_headings(e):
            assert title_of(h["text"]) in wordings, (e["file"], h["text"])


def test_the_answers_as_a_two_column_table_a_row_an_item_title_left_answer_right():
    files = files_of(11, ladder="answer_table")
    assert len(files) >= 3
    for e in files:
        assert e["layouts"] == [] and all(e["sections"][str(n)] for n in range(1, 7)), e["file"]
    for e in files_of(11, ladder="answer_table", kind="docx"):
        table = next(t for t in word_document(e).tables
                     if len(t.columns) == 2 and t.rows[0].cells[0].text.startswith("1. "))
        heads = item_headings(e)
        assert len(table.rows) == len(heads), e["file"]  # no header row: a row an item
        for row, h in zip(table.rows, heads, strict=True):
            assert row.cells[0].text == h["text"] and all(r.bold for r in row.cells[0].paragraphs[0].runs)
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert first in row.cells[1].text, e["file"]


def test_word_draws_a_bullet_before_each_heading_and_no_number_is_typed():
    mh = generator()
    files = files_of(11, ladder="auto_bullet", kind="docx")
    assert len(files) >= 2
    for e in files:
        document = word_document(e)
        for h in item_headings(e):
            title = h["text"].removeprefix(f"{mh.BULLET} ")
            para = next(p for p in document.paragraphs if p.text.startswith(title))
            assert para._p.pPr.numPr.numId.val == mh.BULLET_LIST, e["file"]
        xml = document.part.numbering_part.element.xml
        assert '<w:numFmt w:val="bullet"/>' in xml and f'<w:lvlText w:val="{mh.BULLET}"/>' in xml


def test_hard_wrapped_text_is_a_paragraph_a_printed_line():
    mh = generator()
    files = files_of(11, "hard_wrapped")
    assert len(files) >= 3
    for e in files:
        lines = [line for n in range(1, 7) for line in e["sections"].get(str(n), "").split("\n")]
        assert max(len(line) for line in lines) <= mh.WRAP + 12, e["file"]
        cut = [line for line in lines if not line.rstrip().endswith((".", ":", ";", "?", ")"))]
        assert len(cut) >= 5, e["file"]  # sentences run on over several paragraphs
    for e in files_of(11, "hard_wrapped", kind="docx"):
        texts = body_texts(e)
        line = next(line for line in e["sections"]["2"].split("\n") if not line.endswith("."))
        assert line in texts, e["file"]  # a paragraph of its own


def test_an_empty_paragraph_follows_every_paragraph_and_heading():
    files = files_of(11, "blank_lines")
    assert len(files) >= 3
    for e in files_of(11, "blank_lines", kind="docx"):
        document = word_document(e)
        paragraphs = [p.text for p in document.paragraphs]
        for h in item_headings(e):
            line = h["text"].split("\n")[-1]
            # the heading's paragraph: its text ends the line, or Word draws the number ("1.1. ",
            # legal_numbering) before the rest of the line, which is then the paragraph's whole text
            k = next(k for k, p in enumerate(document.paragraphs) if p.text.endswith(line)
                     or (p.text and p._p.pPr is not None and p._p.pPr.numPr is not None
                         and line.endswith(f" {p.text}")))
            assert paragraphs[k + 1] == "", e["file"]
        line = e["sections"]["5"].split("\n")[-1]
        k = paragraphs.index(line)
        assert paragraphs[k + 1] == "", e["file"]
        assert paragraphs.count("") >= len([t for t in paragraphs if t]) // 2, e["file"]


def test_headings_indented_with_typed_spaces_or_a_tab():
    mh = generator()
    files = files_of(11, "space_indented")
    assert len(files) >= 3
    kinds = set()
    for e in files:
        assert all(h["text"] == h["text"].lstrip() for h in e["headings"]), e["file"]  # as a reader sees it
    for e in files_of(11, "space_indented", kind="docx"):
        paragraphs = [p.text for p in word_document(e).paragraphs]
        for h in item_headings(e):
            line = h["text"].split("\n")[-1]
            para = next(t for t in paragraphs if t.strip() == line)
            assert para[:len(para) - len(line)] in mh.INDENTS, e["file"]
            kinds.add(para[:len(para) - len(line)])
    assert kinds == set(mh.INDENTS)


def test_a_number_typed_twice_repeats_once_and_the_rest_run_on_one_lower():
    files = files_of(11, "number_repeated")
    assert len(files) >= 4 and len({e["ladder"] for e in files}) >= 4
    for e in files:
        numbers = [shown_number(h["text"]) for h in item_headings(e)]
        steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
        assert numbers[0] == 1 and sorted(steps) == [0] + [1] * (len(steps) - 1), (e["file"], numbers)


def test_pool_11_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(11) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_11]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_11)
    for e in funded:
        text, funding = squashed(e["sections"]["4"]), e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "range":
            low, high = funding["range_vnd"]
            assert total == low < high and f"khoảng {low // 10**9} – {high // 10**9} tỷ đồng" in text, e["file"]
        elif wording == "parts_only":
            assert total == sum(funding["parts_vnd"]) and len(funding["parts_vnd"]) == 3, e["file"]
            assert "tổng" not in text.split("gồm:")[1].split(".")[0].lower(), e["file"]  # no total stated
        else:
            million = f"{total // 10**6:,}".replace(",", ".")
            assert total == sum(funding["years_million"]) * 10**6, e["file"]
            assert f"(tổng cộng {million} triệu đồng)" in text and text.count("triệu đồng") == 1, e["file"]
    for e in (e for e in funded if e["funding"]["wording"] == "chart_caption" and e["kind"] == "docx"):
        document = word_document(e)
        assert len(document.inline_shapes) == 1, e["file"]  # the chart, a picture without figures


def test_pool_11_letterheads_write_the_number_and_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(11)} == set(mh.LETTERHEADS_11)
    for e in entries_of(11):
        shape, so = e["letterhead"], e["report_number"].split("/")[0]
        if shape == "cong_van_number":
            assert e["report_number"] == f"{so}/UBND-XD" and f"Số: {so}/UBND-XD" in e["absent"], e["file"]
            assert mh.CONG_VAN_SUBJECT in e["absent"], e["file"]
        else:
            assert e["report_number"] == f"{so}/BC-UBND" and f"Số: {so}/BC-UBND" in e["absent"], e["file"]
        if shape == "blank_day":
            assert e["report_date"] is None, e["file"]
            assert any(a.endswith("ngày      tháng 5 năm 2022") for a in e["absent"]), e["file"]
        elif shape == "date_two_lines":
            dd = int(e["report_date"][-2:])
            assert any(a.endswith(f"ngày {dd:02d} tháng 5") or a.endswith(f"ngày {dd} tháng 5")
                       for a in e["absent"]), e["file"]
    for e in (e for e in entries_of(11) if e["kind"] == "docx" and e["letterhead"] == "date_two_lines"):
        right = [p.text for p in word_document(e).tables[0].rows[0].cells[1].paragraphs]
        assert right[-2].endswith(" tháng 5") and right[-1] == "năm 2022", e["file"]


def test_two_text_pdfs_of_pool_11_draw_each_line_in_two_pieces():
    import pdfplumber

    made = [e for e in entries_of(11) if e.get("pdf_maker")]
    assert len(made) == 2 and all(e["kind"] == "pdf" and e["pdf_maker"] == "reportlab_halves" for e in made)
    for e in made:
        raw = path_of(e).read_bytes()
        with pdfplumber.open(path_of(e)) as pdf:
            assert "ReportLab" in pdf.metadata.get("Producer", ""), e["file"]
            lines = sum(len(page.extract_text_lines()) for page in pdf.pages)
            words = sum(len(page.extract_words()) for page in pdf.pages)
        objects = raw.count(b" Tj ET")
        assert lines * 1.5 <= objects <= lines * 2.5 and objects < words / 2, e["file"]  # two pieces a line
        assert e["sections"]["1"].split("\n")[0][:40] in pdf_text(e), e["file"]


def test_a_heading_in_a_text_box_saved_as_odt_is_a_shape_and_a_table_of_contents_in_an_rtf():
    """LibreOffice saves a Word text box as a drawing shape (draw:custom-shape) with the text
    in it, not as a frame (draw:frame, draw:text-box): each item heading is in a shape of its
    own, drawn with a border, and in no paragraph of the body."""
    from xml.etree import ElementTree

    draw, text = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    odt = files_of(11, ladder="heading_textbox", kind="odt")
    assert len(odt) == 1
    with zipfile.ZipFile(path_of(odt[0])) as z:
        content = ElementTree.fromstring(z.read("content.xml"))
    shapes = list(content.iter(f"{{{draw}}}custom-shape"))
    in_shapes = [squashed("".join(p.itertext())) for s in shapes for p in s.iter(f"{{{text}}}p")]
    heads = [h["text"] for h in item_headings(odt[0])]
    assert len(shapes) == len(heads) and in_shapes == heads, odt[0]["file"]  # a shape a heading, in order
    for anchor in content.iter(f"{{{text}}}p"):  # the body's paragraphs without the shapes anchored in them
        for shape in [s for s in anchor if s.tag == f"{{{draw}}}custom-shape"]:
            anchor.remove(shape)
    body = [squashed("".join(p.itertext())) for p in content.iter(f"{{{text}}}p")]
    assert not set(heads) & set(body), odt[0]["file"]  # a heading in its shape only
    strokes = {s.get(f"{{{style}}}name"): s.find(f"{{{style}}}graphic-properties").get(f"{{{draw}}}stroke")
               for s in content.iter(f"{{{style}}}style") if s.get(f"{{{style}}}family") == "graphic"}
    assert all(strokes[s.get(f"{{{draw}}}style-name")] == "solid" for s in shapes), odt[0]["file"]  # bordered
    rtf = files_of(11, "table_of_contents", kind="rtf")
    assert len(rtf) == 1
    assert "MỤC LỤC" in rtf[0]["absent"]


def test_pool_11_scans_are_of_four_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(11, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_11)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert e["scan"]["carbon_copy"] == (kind == "carbon_copy"), e["file"]
        assert e["scan"]["toner_fading"] == (kind == "low_toner"), e["file"]
        assert e["scan"]["creases"] == (kind == "crumpled"), e["file"]
        assert (e["scan"]["paper_tint"] is not None) == (kind == "coloured_paper") == e["scan"]["colour"], e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 12: headings in a style of the province's own named in Vietnamese ("Tiêu đề 2") with no
# number, numbered by a SEQ field, run-in "Về …:" without a number, "a) …"; the letterhead in
# the first page's Word header, the text in Unicode NFD, zero-width and no-break spaces in the
# headings, a bold phrase opening a paragraph of items 2 and 5, a text PDF with a page turned
# in a viewer; funding and letterheads in new shapes, two new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_12 = {"vn_style_name", "seq_field", "ve_run_in", "letter_paren"}
LADDERS[12] = NEW_LADDERS_12 | {"star_bold", "lower_roman_paren", "quoted_title", "answer_table",  # pools 1-11's
                                "typed_then_auto", "noi_dung_ordinal", "phan_decimal", "annex_answers",
                                "bracket_number", "restart_under_ab", "cau_colon", "mot_la", "auto_bullet"}
NEW_LAYOUTS_12 = {"header_letterhead", "nfd_text", "zero_width_spaces", "bold_phrase_paragraph",
                  "page_rotated_in_viewer"}
LAYOUTS[12] = NEW_LAYOUTS_12 | {"hard_wrapped", "number_repeated", "forwarded_email", "outline_table_first",
                                "browser_print", "extra_heading_between", "merged_4_5", "blank_lines",
                                "space_indented", "continued_heading", "hidden_text_heading", "long_list_in_item",
                                "province_header", "bullet_subheads", "item_6_addressees", "cover_page",
                                "item_none_answer", "question_under_heading", "centred_headings",
                                "first_heading_missing"}
SHAPES_12 = {  # how each of pool 12's ladders marks an item heading, as a reader sees it
    "seq_field": r"[1-7]\. \S",  # the SEQ field's result, then ". title"
    "letter_paren": r"[a-h]\) \S",
    "ve_run_in": r"Về \S.*:$",  # its paragraph goes on with the item's first sentence
    "vn_style_name": r"(?![0-9IVX]+[.)/:-] )\S",  # no number
}


def test_headings_in_a_style_named_tieu_de_2_of_the_provinces_own_without_a_number():
    from docx.enum.style import WD_STYLE_TYPE

    mh = generator()
    files = files_of(12, ladder="vn_style_name", kind="docx")
    assert files
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)), e["file"]
        styles = word_document(e).styles
        for p in paragraphs:
            style = styles.get_by_id(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"), WD_STYLE_TYPE.PARAGRAPH)
            assert style.name == mh.VN_STYLE == "Tiêu đề 2" and style.style_id == "Tieude2", e["file"]
            assert style.builtin is False and style.font.bold, e["file"]  # not Word's "heading 2"
            assert style.element.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "1", e["file"]
            assert all(r.find(f"{W}rPr/{W}b") is None for r in p.iter(f"{W}r")), e["file"]  # bold by the style


def test_item_numbers_are_seq_fields_whose_results_count_1_2_3():
    files = files_of(12, ladder="seq_field", kind="docx")
    assert files
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)), e["file"]
        for k, p in enumerate(paragraphs, start=1):
            instr = "".join(t.text for t in p.iter(f"{W}instrText"))
            kinds = [c.get(f"{W}fldCharType") for c in p.iter(f"{W}fldChar")]
            assert instr.split()[:2] == ["SEQ", "Muc"] and kinds == ["begin", "separate", "end"], e["file"]
            assert paragraph_text(p).startswith(f"{k}. "), e["file"]  # the field's result, counted as Word would


def test_run_in_ve_headings_go_on_with_the_items_first_sentence_in_one_paragraph():
    files = files_of(12, ladder="ve_run_in", kind="docx")
    assert files
    for e in files:
        texts = [p.text for p in word_document(e).paragraphs]
        for h in item_headings(e):
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert f"{h['text']} {first}" in texts, e["file"]
            assert h["text"] not in texts, e["file"]  # never a paragraph of its own


def test_the_letterhead_in_the_first_pages_word_header_not_in_the_body():
    files = files_of(12, "header_letterhead")
    assert len(files) >= 3 and {e["kind"] for e in files} >= {"docx", "pdf"}
    for e in (e for e in files if e["kind"] == "docx"):
        document = word_document(e)
        section = document.sections[0]
        assert section.different_first_page_header_footer, e["file"]
        header = section.first_page_header.tables
        assert len(header) == 1 and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[0]._tbl.xml, e["file"]
        assert e["report_number"].split("/")[0] in header[0]._tbl.xml, e["file"]
        assert not any("CỘNG HÒA XÃ HỘI" in t._tbl.xml for t in document.tables), e["file"]  # not in the body


def test_text_in_unicode_nfd_expects_nfc():
    files = files_of(12, "nfd_text")
    assert len(files) >= 3 and all(e["kind"] == "docx" for e in files)
    for e in files:
        texts = [p.text for p in word_document(e).paragraphs if p.text]
        assert all(unicodedata.is_normalized("NFD", t) for t in texts), e["file"]
        assert not all(unicodedata.is_normalized("NFC", t) for t in texts), e["file"]
        nfc = "\n".join(unicodedata.normalize("NFC", t) for t in texts)
        for text in e["sections"].values():
            assert unicodedata.is_normalized("NFC", text), e["file"]
            assert text.split("\n")[0] in nfc, e["file"]


def test_a_zero_width_space_before_each_title_and_a_no_break_space_in_it():
    files = files_of(12, "zero_width_spaces")
    assert len(files) >= 4 and "scan" in {e["kind"] for e in files}
    for e in files:
        for h in item_headings(e):
            assert "\u200b" in h["text"] and "\u00a0" in h["text"], e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]


def test_a_bold_phrase_opens_a_paragraph_of_items_2_and_5_and_is_their_text():
    mh = generator()
    files = files_of(12, "bold_phrase_paragraph")
    assert len(files) >= 4
    for e in files:
        for item, (head, _) in mh.BOLD_PHRASES.items():
            assert f"\n{head}" in "\n" + e["sections"][str(item)], e["file"]
            assert not any(h["text"].startswith(head.strip()) for h in e["headings"]), e["file"]
    for e in (e for e in files if e["kind"] == "docx"):
        for head, _ in mh.BOLD_PHRASES.values():
            para = next(p for p in word_document(e).paragraphs if p.text.startswith(head))
            assert para.runs[0].text == head and para.runs[0].bold and not para.runs[1].bold, e["file"]


def test_a_text_pdf_with_one_page_turned_in_a_viewer():
    import pdfplumber

    files = files_of(12, "page_rotated_in_viewer")
    assert len(files) >= 2 and all(e["kind"] == "pdf" and e["rotated_page"]["degrees"] == 90 for e in files)
    for e in files:
        with pdfplumber.open(path_of(e)) as pdf:
            turned = [k for k, page in enumerate(pdf.pages, start=1) if page.rotation % 360]
            assert turned == [e["rotated_page"]["page"]] and len(pdf.pages) >= 2, e["file"]
            assert all(page.chars for page in pdf.pages), e["file"]  # a text layer on every page


def test_pool_12_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(12) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_12]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_12)
    for e in funded:
        lines, funding = e["sections"]["4"].split("\n"), e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "total_row_first":
            million = f"{total // 10**6:,}".replace(",", ".")
            head = lines.index("Năm | Tổng số | Ngân sách nhà nước | Vốn khác")
            assert lines[head + 1].startswith(f"Tổng số | {million} | "), e["file"]  # above the years
            assert [line.split(" | ")[0] for line in lines[head + 2:head + 6]] == ["2019", "2020", "2021", "2022"]
            assert total == sum(funding["years_million"]) * 10**6 and e["kind"] != "scan", e["file"]
        elif wording == "stated_twice":
            billion, tenth = divmod(total // 10**8, 10)
            said = f"{billion},{tenth} tỷ đồng" if tenth else f"{billion} tỷ đồng"
            assert e["sections"]["4"].count(said) == 2 and total == sum(funding["parts_vnd"]), e["file"]
        else:
            assert f"{total:,} VNĐ.".replace(",", ".") in e["sections"]["4"], e["file"]


def test_pool_12_letterheads_write_the_date_in_new_shapes():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(12)} == set(mh.LETTERHEADS_12)
    for e in entries_of(12):
        year, month, dd = e["report_date"].split("-")
        so = e["report_number"].split("/")[0]
        assert e["report_number"] == f"{so}/BC-UBND" and f"Số: {so}/BC-UBND" in e["absent"], e["file"]
        date = e["letterhead_date"]
        assert date in e["absent"], e["file"]
        if e["letterhead"] == "dotted_date":
            assert date.endswith(f", ngày {int(dd)}.{int(month)}.{year}"), e["file"]
        else:
            assert date.endswith(f", Ngày {int(dd)} tháng {int(month)} năm {year}"), e["file"]


def test_pool_12_scans_are_of_two_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(12, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_12)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert e["scan"]["incoming_stamp"] == (kind == "incoming_stamp") == ("CÔNG VĂN ĐẾN" in e["absent"])
        assert e["scan"]["scanner_app"] == (kind == "scanner_app") == (mh.APP_FOOTER in e["absent"]), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 13: "1-<tab>…" or "I-<tab>…", "a. … đ. … e. …" (the Vietnamese alphabet), headings
# numbered by their paragraph style's list (nothing typed, nothing on the paragraph), a Wingdings
# arrow (w:sym) before a bold title; a heading's title cut in two paragraphs, headings that are
# links to their own bookmark, Word 2003 smart tags round the province's name, a table of
# figures in item 2 whose first column is a bold numbered list; funding and letterheads in new
# shapes, two new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_13 = {"dash_tab", "letter_lower_vn", "style_numbered", "symbol_bullet"}
LADDERS[13] = NEW_LADDERS_13 | {"vn_style_name", "seq_field", "ve_run_in", "letter_paren",  # pools 1-12's
                                "star_bold", "lower_roman_paren", "quoted_title", "typed_then_auto",
                                "bracket_number", "cau_colon", "mot_la", "annex_answers"}
NEW_LAYOUTS_13 = {"title_two_paragraphs", "hyperlink_heading", "smart_tags", "figures_table_in_item"}
LAYOUTS[13] = NEW_LAYOUTS_13 | {"header_letterhead", "page_rotated_in_viewer", "zero_width_spaces",  # pools 1-12's
                                "bold_phrase_paragraph", "hard_wrapped", "number_repeated", "forwarded_email",
                                "merged_5_6", "extra_heading_between", "first_heading_missing", "merged_2_3",
                                "continued_heading", "hidden_text_heading", "long_list_in_item", "cover_page",
                                "province_header", "district_report_attached", "item_none_answer",
                                "question_under_heading", "centred_headings", "space_indented", "blank_lines"}
SHAPES_13 = {  # how each of pool 13's ladders marks an item heading, as a reader sees it
    "dash_tab": r"(?:[IVX]+|\d+)-[\t\n]\S",  # a hyphen, then a tab (or the title on the next line)
    "letter_lower_vn": r"[a-hđ]\. \S",
    "style_numbered": r"\d\. \S",  # drawn by Word from the style's list, not typed
    "symbol_bullet": "\uf0d8 \\S",  # the Wingdings arrow's code point, then the title
}


def test_pool_13_marks_its_items_in_each_new_shape():
    for ladder, shape in SHAPES_13.items():
        files = files_of(13, ladder=ladder)
        assert len(files) >= 4, ladder
        for e in files:
            assert all(re.match(shape, h["text"].replace("\u200b", "")) for h in item_headings(e)), e["file"]
    dotted = [h["text"] for e in files_of(13, ladder="letter_lower_vn") for h in item_headings(e)]
    assert any(h.startswith("đ. ") for h in dotted) and any(h.startswith("e. ") for h in dotted)  # đ after d


def test_pool_13_dash_tab_types_a_hyphen_and_a_tab_after_the_number():
    files = files_of(13, ladder="dash_tab", kind="docx")
    assert files
    for e in files:
        for p in heading_paragraphs(e):
            text = paragraph_text(p).lstrip(" \t")
            if "number_own_line" in e["layouts"]:  # the number alone on its line, the title on the next
                assert re.fullmatch(r"(?:[IVX]+|\d+)-", text.strip()), e["file"]
                continue
            assert re.match(r"(?:[IVX]+|\d+)-\t\S", text), e["file"]
            assert p.find(f".//{W}r/{W}tab") is not None, e["file"]  # Word's tab character, not spaces


def test_pool_13_style_numbered_headings_take_their_number_from_the_heading_2_style_not_the_paragraph():
    files = files_of(13, ladder="style_numbered", kind="docx")
    assert len(files) >= 2
    for e in files:
        styles, numbering = part_text(e, "word/styles.xml"), part_text(e, "word/numbering.xml")
        heading_2 = re.search(r'<w:style [^>]*w:styleId="Heading2".*?</w:style>', styles, re.S).group(0)
        assert f'<w:numId w:val="{generator().STYLE_LIST}"/>' in heading_2, e["file"]
        assert re.search(r'<w:pStyle w:val="Heading2"/>\s*<w:lvlText w:val="%1\."/>', numbering), e["file"]
        for p in heading_paragraphs(e):
            assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2", e["file"]
            assert p.find(f".//{W}numPr") is None, e["file"]  # no list on the paragraph itself
            assert not re.match(r"\s*\d", paragraph_text(p)), e["file"]  # nor a number typed


def test_pool_13_style_numbered_exports_show_the_number_the_style_draws():
    files = files_of(13, ladder="style_numbered", kind="pdf")
    assert files
    for e in files:
        text = pdf_text(e)
        for h in item_headings(e):
            number, title = h["text"].split(". ", 1)
            assert re.search(rf"{number}\.\s+{re.escape(title.split()[0])}", text), (e["file"], h["text"])


def test_pool_13_symbol_bullet_headings_open_with_a_wingdings_arrow_and_no_number():
    mh = generator()
    files = files_of(13, ladder="symbol_bullet", kind="docx")
    assert len(files) >= 2
    for e in files:
        for p in heading_paragraphs(e):
            sym = p.find(f".//{W}r/{W}sym")
            assert sym is not None and (sym.get(f"{W}font"), sym.get(f"{W}char")) == mh.SYMBOL, e["file"]
            assert not re.match(r"\s*(?:\d|[IVX]+\.)", paragraph_text(p)), e["file"]


def test_pool_13_title_two_paragraphs_cuts_each_item_title_into_two_paragraphs():
    files = files_of(13, "title_two_paragraphs")
    assert len(files) >= 4 and {e["kind"] for e in files} >= {"docx", "pdf", "scan"}
    for e in files:
        for h in item_headings(e):
            assert len(h["text"].split("\n")) == 2, (e["file"], h["text"])
        if e["kind"] != "docx":
            continue
        paragraphs = body_paragraphs(e)
        texts = [paragraph_text(p).strip() for p in paragraphs]
        for h in item_headings(e):
            first, second = h["text"].split("\n")
            k = next(k for k, t in enumerate(texts) if t.endswith(first.split()[-1]) and first.split()[0] in t)
            assert texts[k + 1] == second, (e["file"], h["text"])  # the title's rest: the next paragraph


def test_pool_13_hyperlink_headings_are_links_to_a_bookmark_on_the_heading():
    files = files_of(13, "hyperlink_heading")
    assert len(files) >= 4 and {"docx", "rtf"} <= {e["kind"] for e in files}
    for e in files:
        if e["kind"] == "rtf":
            rtf = path_of(e).read_text(encoding="latin-1")
            assert rtf.count('HYPERLINK "#_Toc') >= len(item_headings(e)), e["file"]
            continue
        for p in heading_paragraphs(e):
            link = p.find(f"{W}hyperlink")
            assert link is not None and link.findall(f"{W}r"), e["file"]
            marks = [b.get(f"{W}name") for b in p.iter(f"{W}bookmarkStart")]
            assert link.get(f"{W}anchor") in marks, e["file"]
            assert not p.findall(f"{W}r/{W}t"), e["file"]  # every run of the heading inside the link


def test_pool_13_smart_tags_wrap_every_mention_of_the_province_in_the_body():
    files = files_of(13, "smart_tags")
    assert len(files) >= 3 and all(e["kind"] == "docx" for e in files)
    for e in files:
        assert word_document(e).core_properties is not None  # opens: a valid .docx
        body = part_tree(e)
        tagged = [t for tag in body.iter(f"{W}smartTag") for t in tag.iter(f"{W}t")]
        province = tagged[0].text
        assert len(tagged) >= 10 and all(t.text == province for t in tagged), e["file"]
        bare = [p for p in body.iter(f"{W}p") for r in p.findall(f"{W}r") for t in r.findall(f"{W}t")
                if province in (t.text or "")]
        assert bare == [], e["file"]  # no mention outside a tag in a paragraph's own runs
        assert all(province in e["sections"][n] for n in e["sections"] if e["sections"][n]
                   and n in ("1", "2")), e["file"]  # the expected text has the name the tags hold


def test_pool_13_figures_table_in_item_2_has_a_bold_numbered_first_column():
    mh = generator()
    files = files_of(13, "figures_table_in_item")
    assert len(files) >= 4 and all(e["kind"] != "scan" for e in files)
    for e in files:
        lines = e["sections"]["2"].split("\n")
        head = lines.index(" | ".join(mh.FIGURES_HEAD))
        labels = [line.split(" | ")[0] for line in lines[head + 1:head + 1 + len(mh.FIGURES_ROWS)]]
        assert labels == [row[0] for row in mh.FIGURES_ROWS], e["file"]
        if e["kind"] == "docx":
            table = next(t for t in word_document(e).tables
                         if t.rows[0].cells[0].text == mh.FIGURES_HEAD[0])
            for row in table.rows[1:]:
                assert all(r.bold for r in row.cells[0].paragraphs[0].runs), e["file"]
                assert re.match(r"\d\. ", row.cells[0].text), e["file"]


def test_pool_13_words_the_funding_total_four_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(13) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_13]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_13)
    for e in funded:
        text, funding = e["sections"]["4"], e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "reduced_to":
            before = funding["adjusted_from_vnd"]
            assert f"giảm từ {before // 10**9} tỷ đồng xuống còn {total // 10**9} tỷ đồng" in text, e["file"]
            assert before > total, e["file"]  # the figure after the cut
        elif wording == "nghin_ty":
            figure = f"{total // 10**12},{total // 10**10 % 100:02d}".rstrip("0").rstrip(",")
            assert f"{figure} nghìn tỷ đồng" in text, e["file"]
        elif wording == "dong_suffix":
            assert f"{total:,}đ".replace(",", ".") in text, e["file"]
        else:
            billion, tenth = divmod(total // 10**8, 10)
            assert "Lũy kế đến hết quý I/2022" in text and f"{billion},{tenth} tỷ đồng" in text, e["file"]
            assert 0 < funding["quarter_vnd"] < total, e["file"]  # the quarter's own amount is not the total


def test_pool_13_letterheads_put_number_and_date_on_one_line_or_carry_an_e_signature():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(13)} == set(mh.LETTERHEADS_13)
    for e in entries_of(13):
        year, month, dd = e["report_date"].split("-")
        so = e["report_number"].split("/")[0]
        number, date = f"Số: {so}/BC-UBND", e["letterhead_date"]
        assert e["report_number"] == f"{so}/BC-UBND" and number in e["absent"] and date in e["absent"], e["file"]
        assert date.endswith(f", ngày {int(dd)} tháng {int(month)} năm {year}"), e["file"]
        signed = [line for line in e["absent"] if line.startswith("Thời gian ký: ")]
        if e["letterhead"] == "e_signature":  # signed the day after: a date that is not the report's
            assert signed == [f"Thời gian ký: {int(dd) + 1:02d}.{month}.{year} 08:15:32 +07:00"], e["file"]
        else:
            assert signed == [], e["file"]
            if e["kind"] == "docx" and "header_letterhead" not in e["layouts"]:
                texts = [paragraph_text(p) for p in body_paragraphs(e)]
                assert f"{number}\t{date}" in texts, e["file"]  # one paragraph, a tab between


def test_pool_13_scans_are_of_two_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(13, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_13)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert (e["scan"]["urgent_stamp"] == mh.URGENT) == (kind == "urgent_stamp") == (mh.URGENT in e["absent"])
        assert e["scan"]["pen_ticks_beside_headings"] == (kind == "margin_ticks"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 14: "I: …", "Mục I – …" or "Nội dung 1 – …", the items "2.1." to "2.6." under the
# province's own "2. …" after its "1. …", items 1-3 in Roman numerals and 4-6 in Arabic ones;
# a paragraph moved with track changes on, each answer in a template's content control, an
# item answered by pointing at item 2's heading, headings bold through the "Strong" character
# style; funding and letterheads in new shapes, two new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_14 = {"roman_colon", "en_dash_label", "decimal_second_part", "mixed_numbering"}
LADDERS[14] = NEW_LADDERS_14 | {"dash_tab", "letter_lower_vn", "style_numbered", "symbol_bullet",  # pools 1-13's
                                "vn_style_name", "seq_field", "ve_run_in", "letter_paren", "star_bold",
                                "quoted_title", "auto_bullet", "noi_dung_ordinal", "number_only_bold",
                                "letter_slash", "phan_decimal", "mot_la", "arabic", "level3_under_part",
                                "level2_under_content", "auto_numbered", "muc_colon", "cau_question"}
NEW_LAYOUTS_14 = {"tracked_move", "answer_controls", "cross_reference", "strong_char_style"}
LAYOUTS[14] = NEW_LAYOUTS_14 | {"title_two_paragraphs", "hyperlink_heading", "smart_tags",  # pools 1-13's
                                "figures_table_in_item", "header_letterhead", "zero_width_spaces",
                                "bold_phrase_paragraph", "number_repeated", "forwarded_email", "merged_5_6",
                                "reordered", "extra_heading_between", "first_heading_missing", "merged_2_3",
                                "continued_heading", "hidden_text_heading", "long_list_in_item", "page_per_item",
                                "province_header", "district_report_attached", "question_under_heading",
                                "centred_headings", "blank_lines", "space_indented", "cover_page",
                                "item_6_addressees", "bullet_subheads", "paren_list_in_item",
                                "summary_table_after_6", "heading_note_mark", "kinh_gui_preamble",
                                "underline_only", "question_heading", "trailing_colon", "item_no_content",
                                "number_own_line", "running_header", "heading_line_break"}
SHAPES_14 = {  # how each of pool 14's ladders marks an item heading, as a reader sees it
    "roman_colon": r"[IVX]+: \S",
    "en_dash_label": r"(?:Mục [IVX]+|Nội dung \d+) – \S",
    "decimal_second_part": r"2\.\d\. \S",
    "mixed_numbering": r"(?:[IVX]+\. [^a-zđ]+$|\d\. \S)",
}


def test_pool_14_en_dash_label_uses_both_labels():
    labels = {h["text"].split(" – ")[0].split()[0] for e in files_of(14, ladder="en_dash_label")
              for h in item_headings(e)}
    assert labels == {"Mục", "Nội"}  # both labels, an en dash (U+2013) after each


def test_decimal_second_part_puts_the_items_under_the_provinces_own_second_part():
    files = files_of(14, ladder="decimal_second_part")
    assert len(files) >= 4 and any(h.get("own_part") for e in files for h in e["headings"])
    for e in files:
        preface, umbrella, *rest = e["headings"]
        assert preface.get("preface") and preface["text"].startswith("1. ") and preface["text"] in e["absent"]
        assert umbrella.get("umbrella") and umbrella["text"].startswith("2. ") and umbrella["text"] in e["absent"]
        items = [h for h in rest if h["items"]]
        assert [h["text"][:4] for h in items] == [f"2.{k}." for k in range(1, len(items) + 1)], e["file"]
        own = [h for h in rest if h.get("own_part")]
        assert all(h["text"].startswith("3. ") and h["text"] in e["absent"] for h in own), e["file"]
        assert len([a for a in e["absent"] if "đô thị hóa" in a]) == 1, e["file"]  # part 1's text is no item's


def test_mixed_numbering_numbers_three_items_in_roman_capitals_and_the_rest_in_arabic():
    files = files_of(14, ladder="mixed_numbering")
    assert len(files) >= 4
    for e in files:
        texts = [h["text"] for h in item_headings(e)]
        assert [t.split(". ")[0] for t in texts[:3]] == ["I", "II", "III"], e["file"]
        assert all(t.split(". ", 1)[1].isupper() for t in texts[:3]), e["file"]
        assert [int(t.split(". ")[0]) for t in texts[3:]] == list(range(4, len(texts) + 1)), e["file"]


def test_tracked_move_keeps_the_moved_paragraph_where_it_went_not_where_it_stood():
    files = files_of(14, "tracked_move")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        moved = e["moved"]["text"]
        assert (e["moved"]["from_item"], e["moved"]["to_item"]) == (2, 3), e["file"]
        assert e["sections"]["3"].split("\n")[0] == moved, e["file"]  # item 3 opens with it
        assert all(moved not in e["sections"][n] for n in e["sections"] if n != "3"), e["file"]
        body = part_tree(e)
        for kind in ("From", "To"):
            wrappers = list(body.iter(f"{W}move{kind}"))
            texts = ["".join(t.text for t in w.iter(f"{W}t")) for w in wrappers]
            assert moved in texts, (e["file"], kind)  # in w:t both times: Word keeps moved-from text so
            ranges = [r.get(f"{W}name") for r in body.iter(f"{W}move{kind}RangeStart")]
            assert ranges == [generator().MOVE_NAME], e["file"]
        assert not list(body.iter(f"{W}delText")) or "tracked_changes" in e["layouts"], e["file"]


def test_answer_controls_hold_each_answer_and_leave_the_heading_outside():
    mh = generator()
    files = files_of(14, "answer_controls")
    assert len(files) >= 4 and {"docx", "pdf", "odt"} <= {e["kind"] for e in files}
    for e in files:
        if e["kind"] != "docx":
            continue
        body = part_tree(e)
        controls = [c for c in body.iter(f"{W}sdt")
                    if c.find(f"{W}sdtPr/{W}alias") is not None
                    and c.find(f"{W}sdtPr/{W}alias").get(f"{W}val") == mh.CONTROL_ALIAS]
        headings = item_headings(e)
        assert len(controls) == len(headings), e["file"]
        for control, heading in zip(controls, headings, strict=True):
            texts = [paragraph_text(p) for p in control.iter(f"{W}p")]
            first = e["sections"][str(heading["items"][0])].split("\n")[0]
            assert any(first in t for t in texts), (e["file"], heading["text"])
            assert not any(t.strip().startswith(heading["text"].split("\n")[0]) for t in texts), e["file"]
        for p in heading_paragraphs(e):
            assert not any(a.tag == f"{W}sdt" for a in p.iterancestors()), e["file"]


def test_cross_reference_answers_an_item_by_pointing_at_item_2s_heading():
    files = files_of(14, "cross_reference")
    assert len(files) >= 4 and "scan" in {e["kind"] for e in files}
    assert {e["cross_reference"]["item"] for e in files} == {1, 3}
    for e in files:
        item = e["cross_reference"]["item"]
        target = next(h["text"] for h in e["headings"] if 2 in h["items"]).split("\n")[0]
        label = re.match(r"(?:(Nội dung|Câu|Điều|Mục) )?[(\[]?([IVX]+|\d+(?:\.\d+)*|[a-hđA-H])", target)
        word = (label.group(1) or "mục").lower()
        assert e["sections"][str(item)] == f"Như báo cáo tại {word} {label.group(2)}.", e["file"]
        assert len(e["sections"]["2"].split("\n")) >= 3, e["file"]  # item 2 answered in full


def test_strong_char_style_headings_are_bold_by_the_style_alone():
    files = files_of(14, "strong_char_style")
    assert len(files) >= 4 and {"docx", "rtf", "doc"} <= {e["kind"] for e in files}
    for e in files:
        if e["kind"] != "docx":
            continue
        styles = part_text(e, "word/styles.xml")
        strong = re.search(r'<w:style w:type="character" w:styleId="Strong">.*?</w:style>', styles, re.S).group(0)
        assert "<w:b/>" in strong, e["file"]
        for p in heading_paragraphs(e):
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs, e["file"]
            for run in runs[:1]:  # the heading's own run (a run-in sentence may follow, plain)
                assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Strong", e["file"]
                assert run.find(f"{W}rPr/{W}b") is None, e["file"]


def test_pool_14_words_the_funding_total_four_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(14) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_14]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_14)
    for e in funded:
        text, funding = e["sections"]["4"], e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "invested_disbursed":  # what was disbursed, not the investment approved
            planned = funding["planned_vnd"]
            figure = f"{total // 10**9},{total // 10**8 % 10}".removesuffix(",0")
            assert f"là {planned // 10**9} tỷ đồng" in text and f"đã giải ngân {figure} tỷ đồng" in text, e["file"]
            assert "Tổng mức đầu tư" in text and total < planned, e["file"]
        elif wording == "table_nghin_dong":
            assert e["kind"] != "scan" and "Đơn vị tính: nghìn đồng" in text, e["file"]
            assert f" | Tổng cộng | {total // 1000:,}".replace(",", ".") in text, e["file"]
            assert funding["unit"] == "nghìn đồng", e["file"]
        elif wording == "trieu_vnd":
            assert f"{total // 10**6:,} triệu VNĐ".replace(",", ".") in text, e["file"]
        else:
            spaced = f"{total // 10**6:,}".replace(",", " ")
            assert f"tổng cộng {spaced} triệu đồng" in text and " " in spaced, e["file"]
            assert 0 < funding["province_budget_vnd"] < total, e["file"]


def test_pool_14_letterheads_are_a_departments_or_cite_an_earlier_report():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(14)} == set(mh.LETTERHEADS_14)
    for e in entries_of(14):
        year, month, dd = e["report_date"].split("-")
        so, office = e["report_number"].split("/")
        assert e["letterhead_date"].endswith(f", ngày {int(dd)} tháng {int(month)} năm {year}"), e["file"]
        assert f"Số: {e['report_number']}" in e["absent"] and e["letterhead_date"] in e["absent"], e["file"]
        intro = next(a for a in e["absent"] if "1683/BXD-PTDT" in a and a.endswith("báo cáo như sau:"))
        if e["letterhead"] == "department_signed":
            assert office == "BC-SXD" and "Sở Xây dựng" in intro and "/UBND-XD" in intro, e["file"]
            assert mh.DEPARTMENT_SIGN[0] in e["absent"], e["file"]
        else:
            cited = e["cited_report"]
            assert office == "BC-UBND" and cited["number"] != e["report_number"], e["file"]
            assert intro.startswith(f"Tiếp theo Báo cáo số {cited['number']} ngày {cited['date']}"), e["file"]


def test_pool_14_scans_are_of_two_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(14, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_14)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert 35 <= e["scan"]["jpeg_quality"] <= 40, e["file"]
        header = e["scan"]["fax_header"]
        assert (header is not None) == (kind == "fax_header") == (header in e["absent"]), e["file"]
        if header:  # sent the day after the report's date, in ASCII capitals as fax machines print
            assert header.startswith(f"{int(e['report_date'][-2:]) + 1:02d}/05/2022") and header.isascii()
        assert e["scan"]["paper_clip"] == (kind == "paper_clip"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 15: "Vấn đề 1: …", "Điểm 1. …", "I.TIÊU ĐỀ" or "1.Tiêu đề" (no space after the full
# stop), the items and their points in one Arabic list; headings marked only by a yellow
# highlight, a rule under each heading, the answers in Word's "–" bullet list, a reviewer's
# comment on each heading; funding and the letterhead in new shapes, two new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_15 = {"van_de_colon", "diem_number", "no_space_label", "shared_list"}
LADDERS[15] = NEW_LADDERS_15 | {"roman_colon", "en_dash_label", "decimal_second_part", "mixed_numbering",  # 1-14's
                                "dash_tab", "letter_lower_vn", "style_numbered", "symbol_bullet", "seq_field",
                                "ve_run_in", "letter_paren", "star_bold", "quoted_title", "auto_bullet",
                                "lower_roman_paren", "letter_slash", "phan_decimal", "typed_then_auto", "mot_la",
                                "zero_padded", "cau_question", "roman", "arabic_slash", "arabic_paren",
                                "arabic_dot_dash", "dash_bold", "roman_dash", "level3_under_part"}
NEW_LAYOUTS_15 = {"highlighted_heading", "rule_under_heading", "bulleted_answers", "heading_comments"}
LAYOUTS[15] = NEW_LAYOUTS_15 | {"tracked_move", "answer_controls", "cross_reference", "strong_char_style",  # 1-14's
                                "title_two_paragraphs", "smart_tags", "figures_table_in_item", "zero_width_spaces",
                                "merged_5_6", "reordered", "extra_heading_between", "first_heading_missing",
                                "merged_2_3", "merged_4_5", "continued_heading", "long_list_in_item",
                                "page_per_item", "province_header", "question_under_heading", "centred_headings",
                                "blank_lines", "space_indented", "item_6_addressees", "bullet_subheads",
                                "summary_table_after_6", "heading_note_mark", "kinh_gui_preamble", "underline_only",
                                "italic_heading", "question_heading", "trailing_colon", "item_no_content",
                                "item_none_answer", "number_own_line", "running_header"}
SHAPES_15 = {  # how each of pool 15's ladders marks an item heading, as a reader sees it
    "van_de_colon": r"Vấn đề \d+: \S",
    "diem_number": r"Điểm \d+\. \S",
    "no_space_label": r"(?:[IVX]+\.[^\sa-zđ\d]|\d+\.[^\s\d])",
    "shared_list": r"\d+\. \S",
}


def test_pool_15_no_space_label_is_typed_in_both_ladders():
    firsts = {h["text"].split(".")[0] for e in files_of(15, ladder="no_space_label") for h in item_headings(e)[:1]}
    assert firsts == {"I", "1"}  # "I.TIÊU ĐỀ" in capitals and "1.Tiêu đề": both typed without the space


def test_shared_list_numbers_the_items_and_their_points_in_one_run():
    files = files_of(15, ladder="shared_list")
    assert len(files) >= 4 and "scan" in {e["kind"] for e in files}
    for e in files:
        items = [shown_number(h["text"]) for h in item_headings(e)]
        points = [int(m.group(1)) for text in e["sections"].values() for line in text.split("\n")
                  if (m := re.match(r"(\d+)\. (?:Về|Đối với) ", line))]
        assert points, e["file"]  # the points take numbers of their own between the items'
        assert sorted(items + points) == list(range(1, len(items) + len(points) + 1)), e["file"]
        assert items[0] == 1 and items != list(range(1, len(items) + 1)), e["file"]


def test_highlighted_headings_are_marked_by_the_highlight_alone():
    files = files_of(15, "highlighted_heading")
    assert len(files) >= 4 and {"docx", "pdf", "odt"} <= {e["kind"] for e in files}
    for e in files:
        if e["kind"] != "docx":
            continue
        for p in heading_line_paragraphs(e):
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs, e["file"]
            for run in runs:
                assert run.find(f"{W}rPr/{W}highlight").get(f"{W}val") == "yellow", e["file"]
                assert run.find(f"{W}rPr/{W}b") is None, e["file"]


def test_a_rule_is_drawn_under_each_heading():
    files = files_of(15, "rule_under_heading")
    assert len(files) >= 4 and "scan" in {e["kind"] for e in files}
    for e in files:
        if e["kind"] != "docx":
            continue
        heads = heading_line_paragraphs(e)
        ends = itertools.accumulate(len(h["text"].split("\n")) for h in item_headings(e))
        lasts = [heads[end - 1] for end in ends]  # each heading's last line
        assert all(p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None for p in lasts), e["file"]
        ruled = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None]
        assert len(ruled) == len(lasts), e["file"]  # under the item headings, nowhere else


def test_bulleted_answers_are_in_words_dash_list_and_the_dash_is_no_text():
    mh = generator()
    files = files_of(15, "bulleted_answers")
    assert len(files) >= 4 and {"docx", "rtf", "doc"} <= {e["kind"] for e in files}
    numbering = None
    for e in files:
        assert not any(line.startswith(mh.DASH_BULLET) for text in e["sections"].values()
                       for line in text.split("\n")), e["file"]
        if e["kind"] != "docx":
            continue
        numbering = part_tree(e, "word/numbering.xml")
        dash = [a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == str(mh.DASH_LIST)]
        assert dash and dash[0].find(f"{W}lvl/{W}lvlText").get(f"{W}val") == mh.DASH_BULLET, e["file"]
        listed = {paragraph_text(p).strip() for p in body_paragraphs(e)
                  if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
                  and p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == str(mh.DASH_LIST)}
        for n, text in e["sections"].items():
            first = text.split("\n")[0]
            assert any(first.startswith(t) or t.startswith(first) for t in listed if t), (e["file"], n)
    assert numbering is not None  # a .docx among them was looked into


def test_heading_comments_sit_on_the_headings_and_are_no_items_text():
    mh = generator()
    files = files_of(15, "heading_comments")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        comments = ["".join(t.text for t in c.iter(f"{W}t"))
                    for c in part_tree(e, "word/comments.xml").iter(f"{W}comment")]
        assert len(comments) == len(item_headings(e)) and set(comments) <= set(mh.COMMENTS), e["file"]
        assert all(c in e["absent"] for c in comments), e["file"]
        assert not any(c in text for c in comments for text in e["sections"].values()), e["file"]
        anchored = [p for p in body_paragraphs(e) if p.find(f"{W}commentRangeStart") is not None]
        heads = {h["text"].split("\n")[0] for h in item_headings(e)}
        assert {paragraph_text(p).strip() for p in anchored} <= {t.replace("\u200b", "") for t in heads} | heads, \
            e["file"]


def test_pool_15_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(15) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_15]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_15)
    for e in funded:
        text, funding = e["sections"]["4"], e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "english_decimal":  # "43.72 tỷ": forty-three point seven two, not 4,372 tỷ
            figure = funding["as_written"]
            assert f"là {figure} tỷ đồng" in text and round(float(figure) * 10**9) == total, e["file"]
        elif wording == "sentence_vs_table":  # the sentence is the truth; the table's sum row is wrong
            assert e["kind"] != "scan" and f"là {total // 10**6:,} triệu đồng".replace(",", ".") in text, e["file"]
            wrong = funding["table_total_vnd"]
            assert wrong != total and f"Tổng cộng | {wrong // 10**6:,}".replace(",", ".") in text, e["file"]
            years = [int(m.group(1).replace(".", "")) for m in re.finditer(r"Năm 20\d\d \| ([\d.]+)", text)]
            assert len(years) == 4 and sum(years) * 10**6 == total, e["file"]
        else:
            assert f"trên {total // 10**9} tỷ đồng" in text and funding["qualifier"] == "trên", e["file"]


def test_pool_15_letterheads_give_the_number_with_a_bare_code():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(15)} == set(mh.LETTERHEADS_15)
    for e in entries_of(15):
        year, month, dd = e["report_date"].split("-")
        assert re.fullmatch(r"\d+-UBND", e["report_number"]), e["file"]
        assert e["letterhead_date"].endswith(f", ngày {int(dd)} tháng {int(month)} năm {year}"), e["file"]
        assert f"Số: {e['report_number']}" in e["absent"] and e["letterhead_date"] in e["absent"], e["file"]


def test_pool_15_scans_are_of_two_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(15, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_15)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert 35 <= e["scan"]["jpeg_quality"] <= 40, e["file"]
        assert e["scan"]["punched_stapled"] == (kind == "punched_stapled"), e["file"]
        assert (e["scan"]["keystone"] is not None) == (kind == "phone_keystone"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 16: "i) …", "A/ …", "1 - …" or "I - …" (a hyphen with a space either side), the number
# drawn in a circle and only the title typed; headings marked only by a grey shading, every
# paragraph in runs of a few words (a Google Docs export), the body framed in one table cell,
# one item's heading beside its first paragraph; funding and letterheads in new shapes, two new
# kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_16 = {"lower_roman_close", "letter_upper_slash", "spaced_dash", "number_in_circle"}
LADDERS[16] = NEW_LADDERS_16 | {"van_de_colon", "diem_number", "no_space_label", "shared_list",  # 1-15's
                                "roman_colon", "en_dash_label", "mixed_numbering", "dash_tab", "symbol_bullet",
                                "vn_style_name", "letter_paren"}
NEW_LAYOUTS_16 = {"shaded_heading", "google_docs_runs", "body_in_one_cell", "side_by_side_item"}
LAYOUTS[16] = NEW_LAYOUTS_16 | {"highlighted_heading", "rule_under_heading", "bulleted_answers",  # 1-15's
                                "heading_comments", "answer_controls", "hyperlink_heading", "number_skipped",
                                "first_heading_missing", "merged_5_6", "heading_line_break", "extra_heading_between"}
SHAPES_16 = {  # how each of pool 16's ladders marks an item heading, as a reader sees it
    "lower_roman_close": r"[ivx]+\) \S",
    "letter_upper_slash": r"[A-H]/ \S",
    "spaced_dash": r"(?:\d+|[IVX]+) - \S",
    "number_in_circle": r"\d \S",
}


def test_pool_16_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_16:
        for e in [e for e in files_of(16, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]
    labels = {h["text"].split(" ")[0] for e in files_of(16, ladder="spaced_dash") for h in item_headings(e)[:1]}
    assert labels == {"I", "1"}  # "I - TIÊU ĐỀ" in capitals and "1 - Tiêu đề"


def test_pool_16_number_in_circle_draws_the_number_in_an_oval_and_types_only_the_title():
    files = files_of(16, ladder="number_in_circle")
    assert {"docx", "pdf", "scan"} <= {e["kind"] for e in files}
    for e in [e for e in files if e["kind"] == "docx"]:
        for h in item_headings(e):
            number, title = h["text"].split(" ", 1)
            p = heading_line_paragraph(body_paragraphs(e), h["text"].split("\n")[-1])
            assert own_text(p) == title, e["file"]  # the number is no text of the paragraph's own
            ovals = [g for g in p.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom")
                     if g.get("prst") == "ellipse"]
            boxed = {"".join(t.text for t in box.iter(f"{W}t")) for box in p.iter(f"{W}txbxContent")}
            assert ovals and boxed == {number}, e["file"]


def test_pool_16_shaded_headings_are_marked_by_the_shading_alone():
    mh = generator()
    files = files_of(16, "shaded_heading")
    assert len(files) >= 4 and {"docx", "pdf", "scan"} <= {e["kind"] for e in files}
    for e in [e for e in files if e["kind"] == "docx"]:
        shaded = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}shd") is not None]
        assert [own_text(p) for p in shaded] == [line.split(" ", 1)[1] if e["ladder"] == "number_in_circle"
                                                 else line for h in item_headings(e)
                                                 for line in h["text"].split("\n")], e["file"]
        for p in shaded:
            assert p.find(f"{W}pPr/{W}shd").get(f"{W}fill") == mh.SHADE_FILL, e["file"]
            assert all(r.find(f"{W}rPr/{W}b") is None for r in p.iter(f"{W}r")), e["file"]


def test_pool_16_google_docs_runs_cut_every_paragraph_into_runs_of_a_few_words():
    mh = generator()
    files = files_of(16, "google_docs_runs")
    assert len(files) >= 4 and {"docx", "pdf"} <= {e["kind"] for e in files}
    for e in [e for e in files if e["kind"] == "docx"]:
        body = part_tree(e)
        runs = [r for r in body.iter(f"{W}r") if r.find(f"{W}t") is not None]
        assert all(len((r.find(f"{W}t").text or "").split()) <= max(mh.GOOGLE_WORDS) for r in runs), e["file"]
        assert all(r.find(f"{W}rPr/{W}rFonts") is not None for r in runs), e["file"]
        texts = {paragraph_text(p) for p in body.iter(f"{W}p")}
        for text in e["sections"].values():  # the text is the same, only its runs are cut
            assert any(line in texts for line in text.split("\n")), e["file"]
        split = [p for p in body.iter(f"{W}p") if len(paragraph_text(p).split()) > 8]
        assert split and all(len(p.findall(f".//{W}r")) >= 3 for p in split), e["file"]


def test_pool_16_body_in_one_cell_frames_every_item_heading_in_one_table_cell():
    files = files_of(16, "body_in_one_cell")
    assert len(files) >= 4 and {"docx", "pdf", "rtf"} <= {e["kind"] for e in files}
    for e in [e for e in files if e["kind"] == "docx"]:
        body = part_tree(e).find(f"{W}body")
        frames = [t for t in body.findall(f"{W}tbl") if len(t.findall(f"{W}tr/{W}tc")) == 1]
        assert len(frames) == 1, e["file"]
        inside = {own_text(p).strip() for p in frames[0].iter(f"{W}p")}
        lines = [line for h in item_headings(e) for line in h["text"].split("\n")]
        assert all(any(t and (t.startswith(line) or line.endswith(" " + t)) for t in inside) for line in lines), \
            e["file"]  # a heading run in, or after the number Word draws
        assert not {own_text(p).strip() for p in body.findall(f"{W}p")} & set(lines), e["file"]


def test_pool_16_side_by_side_item_puts_one_heading_beside_its_first_paragraph():
    files = files_of(16, "side_by_side_item")
    assert len(files) >= 4 and {"docx", "odt", "doc"} <= {e["kind"] for e in files}
    for e in files:
        beside = [h for h in e["headings"] if h.get("beside_first_paragraph")]
        assert len(beside) == 1 and beside[0]["items"], e["file"]
        if e["kind"] != "docx":
            continue
        rows = [[own_text(p).strip() for p in tc.iter(f"{W}p")] for tbl in part_tree(e).iter(f"{W}tbl")
                for tr in tbl.findall(f"{W}tr") if len(cells := tr.findall(f"{W}tc")) == 2 for tc in cells]
        first = e["sections"][str(beside[0]["items"][0])].split("\n")[0]
        pairs = list(zip(rows[::2], rows[1::2], strict=True))
        assert ([beside[0]["text"]], [first]) in pairs, e["file"]


def test_pool_16_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(16) if "funding" in e and e["funding"]["wording"] in mh.FUNDING_WORDINGS_16]
    assert {e["funding"]["wording"] for e in funded} == set(mh.FUNDING_WORDINGS_16)
    for e in funded:
        text, funding = e["sections"]["4"], e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "usd_first":  # dollars first; the đồng in brackets are the truth
            m = re.search(r"khoảng ([\d,]+) triệu USD \(tương đương ([\d,]+) tỷ đồng\)", text)
            assert m and f"{m.group(1)} triệu USD" == funding["usd_as_written"], e["file"]
            assert round(float(m.group(2).replace(",", ".")) * 10**9) == total, e["file"]
            assert abs(float(m.group(1).replace(",", ".")) * 10**6 * mh.USD_RATE - total) < 0.01 * total, e["file"]
        elif wording == "comma_and_dot":  # "25,48 tỷ đồng (25.480 triệu đồng)": one figure in two notations
            m = re.search(r"là (\d+),(\d\d) tỷ đồng \(([\d.]+) triệu đồng\)", text)
            assert m and int(m.group(1) + m.group(2)) * 10**7 == total, e["file"]
            assert int(m.group(3).replace(".", "")) * 10**6 == total, e["file"]
        else:  # three years, then "Tổng 3 năm"
            years = funding["years_million"]
            assert sum(years.values()) * 10**6 == total and len(years) == 3, e["file"]
            assert f"Tổng 3 năm: {total // 10**6:,} triệu đồng.".replace(",", ".") in text, e["file"]


def test_pool_16_letterheads_vary_and_one_gives_no_number():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(16)} == set(mh.LETTERHEADS_16)
    for e in entries_of(16):
        year, month, dd = e["report_date"].split("-")
        numbers = [line for line in e["absent"] if line.startswith("Số")]
        if e["letterhead"] == "no_number_line":
            assert e["report_number"] is None and numbers == [], e["file"]
            continue
        so = e["report_number"].split("/")[0]
        assert re.fullmatch(r"\d+/BC-UBND", e["report_number"]), e["file"]
        assert numbers == [{"no_space_colon": f"Số:{so}/BC-UBND", "colon_missing": f"Số {so}/BC-UBND",
                            "space_before_slash": f"Số: {so} /BC-UBND", "number_line_apart": "Số:",
                            "slash_day_month": f"Số: {so}/BC-UBND"}[e["letterhead"]]], e["file"]
        date = (f", ngày {int(dd)}/{int(month)}/{year}" if e["letterhead"] == "slash_day_month"
                else f", ngày {int(dd)} tháng {int(month)} năm {year}")
        assert e["letterhead_date"].endswith(date) and e["letterhead_date"] in e["absent"], e["file"]


def test_pool_16_scans_are_of_two_new_kinds():
    import pdfplumber

    mh = generator()
    scans = files_of(16, kind="scan")
    assert len(scans) >= 8 and all(e["ocr"] for e in scans)
    assert {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_16)
    assert {e["scan"]["dpi"] for e in scans} == {150, 200}
    assert all(e["scan"]["stamp"].startswith("red") for e in scans)
    for e in scans:
        kind = e["scan"]["kind"]
        assert max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0, e["file"]
        assert 35 <= e["scan"]["jpeg_quality"] <= 40, e["file"]
        assert e["scan"]["screen_photo"] == (kind == "screen_photo"), e["file"]
        label = e["scan"]["barcode_label"]
        assert (label is not None) == (kind == "barcode_label"), e["file"]
        assert not label or (set(label) <= set(e["absent"]) and label[1].startswith("Ngày đến: ")), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert 1 <= len(pdf.pages) <= 3 and not pdf.pages[0].chars, e["file"]  # images only, OCR stays cheap


# ---------------------------------------------------------------------------------------
# Pool 17: "Yêu cầu 1: …", "Yêu cầu thứ nhất: …" (each item a point of the request), "A) …",
# "I.- …"; headings typed in small letters and shown in capitals by the font's "All caps"
# effect, marked only by the paragraph's outline level, marked only by a box round the
# paragraph, Word's line numbers in the margin; pools 1-16's at a lower weight, pool 16's
# funding wordings, letterheads and kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_17 = {"yeu_cau_number", "yeu_cau_ordinal", "letter_upper_close", "roman_dot_dash"}
LADDERS[17] = NEW_LADDERS_17 | {"lower_roman_close", "letter_upper_slash", "spaced_dash",  # 1-16's
                                "number_in_circle", "van_de_colon", "diem_number", "shared_list", "roman_colon",
                                "en_dash_label", "mixed_numbering", "dash_tab", "letter_paren"}
NEW_LAYOUTS_17 = {"caps_font_effect", "outline_level_only", "boxed_heading", "line_numbers"}
LAYOUTS[17] = NEW_LAYOUTS_17 | {"shaded_heading", "google_docs_runs", "body_in_one_cell",  # 1-16's
                                "side_by_side_item", "rule_under_heading", "heading_comments",
                                "hyperlink_heading", "number_skipped", "first_heading_missing", "heading_line_break",
                                "merged_5_6", "extra_heading_between"}
SHAPES_17 = {  # how each of pool 17's ladders marks an item heading, as a reader sees it
    "yeu_cau_number": r"(?i:Yêu cầu) \d+: \S",
    "yeu_cau_ordinal": r"(?i:Yêu cầu thứ) \w+: \S",
    "letter_upper_close": r"[A-H]\) \S",
    "roman_dot_dash": r"[IVX]+\.- \S",
}


def test_pool_17_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_17:
        for e in [e for e in files_of(17, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]


def heading_paragraphs_17(entry: dict) -> list:
    """The w:p elements whose own text is an item heading's line."""
    lines = {line for h in item_headings(entry) for line in h["text"].split("\n")}
    return [p for p in body_paragraphs(entry) if paragraph_text(p).strip() in lines]


def test_pool_17_caps_font_effect_shows_in_capitals_what_is_typed_in_small_letters():
    files = files_of(17, "caps_font_effect")
    assert len(files) >= 4 and {"docx", "pdf", "scan"} <= {e["kind"] for e in files}
    for e in files:
        titles = [title_of(h["text"]) for h in item_headings(e)]
        if e["kind"] in ("pdf", "scan"):  # the page shows capitals
            assert all(t == t.upper() for t in titles), e["file"]
            continue
        assert any(t != t.upper() for t in titles), e["file"]  # typed in small letters
        paragraphs = heading_paragraphs_17(e)
        assert len(paragraphs) >= len(titles), e["file"]
        for p in paragraphs:
            assert all(r.find(f"{W}rPr/{W}caps") is not None for r in p.iter(f"{W}r")
                       if r.find(f"{W}t") is not None), e["file"]


def test_pool_17_outline_level_or_a_box_is_the_headings_only_mark():
    for layout, mark in (("outline_level_only", f"{W}pPr/{W}outlineLvl"), ("boxed_heading", f"{W}pPr/{W}pBdr")):
        files = files_of(17, layout)
        assert len(files) >= 4 and {"docx", "pdf"} <= {e["kind"] for e in files}, layout
        for e in files_of(17, layout, kind="docx"):
            marked = [p for p in body_paragraphs(e) if p.find(mark) is not None]
            lines = [line for h in item_headings(e) for line in h["text"].split("\n")]
            assert [paragraph_text(p) for p in marked] == lines, e["file"]
            for p in marked:
                assert all(r.find(f"{W}rPr/{W}b") is None for r in p.iter(f"{W}r")), e["file"]
                if layout == "boxed_heading":
                    box = p.find(mark)
                    assert {side.tag.removeprefix(W) for side in box} == {"top", "left", "bottom", "right"}
                else:
                    assert p.find(mark).get(f"{W}val") == "0", e["file"]


def test_pool_17_line_numbers_are_words_own_in_the_margin():
    files = files_of(17, "line_numbers")
    assert len(files) >= 4 and {"docx", "pdf", "scan"} <= {e["kind"] for e in files}
    for e in files_of(17, "line_numbers", kind="docx"):
        numbering = part_tree(e).find(f"{W}body/{W}sectPr/{W}lnNumType")
        assert numbering is not None and numbering.get(f"{W}countBy") == "1", e["file"]


def test_pool_17_words_the_funding_total_three_new_ways_and_writes_its_figure_down():
    mh = generator()
    funded = [e for e in entries_of(17) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_17, *mh.FUNDING_WORDINGS_16}
    for e in [e for e in funded if e["funding"]["wording"] in mh.FUNDING_WORDINGS_17]:
        text, funding = e["sections"]["4"], e["funding"]
        wording, total = funding["wording"], funding["total_vnd"]
        if wording == "dot_and_comma_trieu":  # "25.480,5 triệu đồng": a thousands dot and a decimal comma
            m = re.search(r"là (\d\.\d{3}),(\d) triệu đồng", text)
            assert m and f"{m.group(1)},{m.group(2)} triệu đồng" == funding["as_written"], e["file"]
            assert (int(m.group(1).replace(".", "")) * 10 + int(m.group(2))) * 10**5 == total, e["file"]
        elif wording == "gan_round":  # "gần 25 tỷ đồng": the figure stated, said to be nearly reached
            m = re.search(r"gần (\d+) tỷ đồng", text)
            assert m and int(m.group(1)) * 10**9 == total and funding["qualifier"] == "gần", e["file"]
        else:  # "25 tỷ 480 triệu 500 nghìn đồng"
            m = re.search(r"là (\d+) tỷ (\d+) triệu (\d+) nghìn đồng", text)
            assert m and int(m.group(1)) * 10**9 + int(m.group(2)) * 10**6 + int(m.group(3)) * 10**3 == total, \
                e["file"]


def test_pool_17_keeps_pool_16s_letterheads_and_scans():
    mh = generator()
    assert {e["letterhead"] for e in entries_of(17)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(17) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(17, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_16)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)

# ---------------------------------------------------------------------------------------
# Pool 18: "A- …" (a letter and a hyphen), "1.<tab>…", "1 …" (no full stop), "Phần 1. …"; the
# headings' numbers revised with track changes on, white letters on a dark band, each heading
# in a Word frame, Word's own table of contents (a TOC field); pools 1-17's at a lower weight,
# pools 16-17's funding wordings, pool 16's letterheads, two new kinds of scan
# ---------------------------------------------------------------------------------------

NEW_LADDERS_18 = {"letter_upper_dash", "arabic_tab", "arabic_bare", "phan_arabic"}
LADDERS[18] = NEW_LADDERS_18 | {"yeu_cau_number", "yeu_cau_ordinal", "letter_upper_close",  # 1-17's
                                "roman_dot_dash", "lower_roman_close", "letter_upper_slash", "number_in_circle",
                                "diem_number", "en_dash_label", "letter_paren"}
NEW_LAYOUTS_18 = {"tracked_renumbering", "reverse_heading", "heading_frame", "toc_field"}
LAYOUTS[18] = NEW_LAYOUTS_18 | {"caps_font_effect", "outline_level_only", "boxed_heading",  # 1-17's
                                "line_numbers", "shaded_heading", "google_docs_runs", "side_by_side_item",
                                "extra_heading_between", "merged_5_6", "first_heading_missing",
                                "number_skipped", "heading_line_break"}
SHAPES_18 = {  # how each of pool 18's ladders marks an item heading, as a reader sees it
    "letter_upper_dash": r"[A-H]- \S",
    "arabic_tab": r"\d\.\t\S",
    "arabic_bare": r"\d (?![-–])\w",
    "phan_arabic": r"Phần \d\. \S",
}


def test_pool_18_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_18:
        for e in [e for e in files_of(18, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]


def test_pool_18_tracked_renumbering_deletes_the_drafts_number_and_inserts_the_new_one():
    files = files_of(18, "tracked_renumbering")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        revised = [p for p in body_paragraphs(e) if p.find(f"{W}del") is not None and p.find(f"{W}ins") is not None]
        firsts = [h["text"].split("\n")[0] for h in item_headings(e)]  # a title cut in two: its first line
        assert [paragraph_text(p) for p in revised] == firsts, e["file"]
        deleted = ["".join(t.text for t in p.find(f"{W}del").iter(f"{W}delText")).strip() for p in revised]
        assert deleted == e["tracked_renumbering"]["draft_labels"], e["file"]
        for p, h, old in zip(revised, item_headings(e), deleted, strict=True):
            inserted = paragraph_text(p.find(f"{W}ins"))
            assert h["text"].startswith(inserted), e["file"]
            assert shown_number(f"{old} X") == shown_number(f"{inserted.strip()} X") + 1, e["file"]


def test_pool_18_reverse_heading_and_frame_mark_the_heading_paragraphs():
    for layout, kinds in (("reverse_heading", {"docx", "pdf", "scan"}), ("heading_frame", {"docx", "pdf", "rtf"})):
        files = files_of(18, layout)
        assert len(files) >= 4 and kinds <= {e["kind"] for e in files}, layout
        for e in files_of(18, layout, kind="docx"):
            lines = [line for h in item_headings(e) for line in h["text"].split("\n")]
            if layout == "reverse_heading":
                marked = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}shd") is not None
                          and p.find(f"{W}pPr/{W}shd").get(f"{W}fill") == "1F3864"]
                for p in marked:
                    assert all(r.find(f"{W}rPr/{W}color").get(f"{W}val") == "FFFFFF" for r in p.iter(f"{W}r")
                               if r.find(f"{W}t") is not None), e["file"]
            else:
                marked = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}framePr") is not None]
            assert [paragraph_text(p) for p in marked] == lines, e["file"]


def test_pool_18_toc_field_is_words_own_table_of_contents_linked_to_the_headings():
    files = files_of(18, "toc_field")
    assert len(files) >= 4 and {"docx", "odt", "pdf"} <= {e["kind"] for e in files}
    for e in files_of(18, "toc_field", kind="docx"):
        tree = part_tree(e)
        block = [sdt for sdt in tree.iter(f"{W}sdt")
                 if sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery").get(f"{W}val") == "Table of Contents"]
        assert len(block) == 1, e["file"]
        entries = list(block[0].iter(f"{W}p"))
        assert len(entries) == len(item_headings(e)), e["file"]
        instructions = "".join(t.text for t in block[0].iter(f"{W}instrText"))
        assert "TOC \\o" in instructions and instructions.count("PAGEREF") == len(entries), e["file"]
        marks = {m.get(f"{W}name") for m in tree.iter(f"{W}bookmarkStart")}
        assert {link.get(f"{W}anchor") for link in block[0].iter(f"{W}hyperlink")} <= marks, e["file"]


def test_pool_18_keeps_pools_16_and_17s_funding_and_letterheads_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(18) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_17, *mh.FUNDING_WORDINGS_16}
    assert {e["letterhead"] for e in entries_of(18)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(18) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(18, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_18)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "sao_y_stamp":
            assert "SAO Y BẢN CHÍNH" in e["absent"] and e["scan"]["sao_y_stamp"][0] == "SAO Y BẢN CHÍNH"
        else:
            assert e["scan"]["feeder_slip"]["page"] == 1 and e["scan"]["feeder_slip"]["stretch"] == 2, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 19: "I TIÊU ĐỀ" (no full stop), "I . TIÊU ĐỀ" (a space before it), "Mục 1. …", "(A) …";
# every heading ending with a full stop, the item headings indented on their first line, each
# item a section of its own, the headings typed with doubled spaces; pools 1-18's at a lower
# weight, pools 16-17's funding wordings, pool 16's letterheads, pool 18's scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_19 = {"roman_bare", "roman_spaced_dot", "muc_arabic_dot", "letter_upper_parens"}
LADDERS[19] = NEW_LADDERS_19 | {"letter_upper_dash", "arabic_tab", "arabic_bare", "phan_arabic",  # 1-18's
                                "yeu_cau_ordinal", "letter_upper_close", "number_in_circle", "diem_number",
                                "en_dash_label", "letter_paren"}
NEW_LAYOUTS_19 = {"trailing_period", "indented_heading", "section_per_item", "doubled_spaces"}
LAYOUTS[19] = NEW_LAYOUTS_19 | {"reverse_heading", "heading_frame", "toc_field", "line_numbers",  # 1-18's
                                "tracked_renumbering", "boxed_heading", "caps_font_effect", "side_by_side_item",
                                "extra_heading_between", "merged_5_6", "first_heading_missing",
                                "number_skipped", "heading_line_break"}
SHAPES_19 = {  # how each of pool 19's ladders marks an item heading, as a reader sees it
    "roman_bare": r"[IVX]+ (?![.\-–])\w",
    "roman_spaced_dot": r"[IVX]+ \. \S",
    "muc_arabic_dot": r"Mục \d\. \S",
    "letter_upper_parens": r"\([A-H]\) \S",
}


def test_pool_19_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_19:
        for e in [e for e in files_of(19, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]


def test_pool_19_trailing_period_and_doubled_spaces_are_in_the_headings_as_written():
    for layout in ("trailing_period", "doubled_spaces"):
        files = files_of(19, layout)
        assert len(files) >= 4 and {"docx", "pdf"} <= {e["kind"] for e in files}, layout
        for e in files:
            for h in item_headings(e):
                if layout == "trailing_period":
                    assert h["text"].endswith((".", "?")), e["file"]
                elif len(h["text"].split()) >= 4:
                    assert "  " in h["text"], e["file"]


def test_pool_19_indented_headings_and_sections_per_item_are_in_the_docx():
    for layout, kinds in (("indented_heading", {"docx", "pdf", "rtf"}), ("section_per_item", {"docx", "pdf"})):
        files = files_of(19, layout)
        assert len(files) >= 4 and kinds <= {e["kind"] for e in files}, layout
        for e in files_of(19, layout, kind="docx"):
            paragraphs = body_paragraphs(e)
            if layout == "indented_heading":
                lines = [line for h in item_headings(e) for line in h["text"].split("\n")]
                indented = [p for p in paragraphs if p.find(f"{W}pPr/{W}ind") is not None
                            and p.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "567"]
                assert [paragraph_text(p) for p in indented] == lines, e["file"]
            else:
                breaks = [k for k, p in enumerate(paragraphs) if p.find(f"{W}pPr/{W}sectPr") is not None]
                assert len(breaks) == len(item_headings(e)), e["file"]
                assert [paragraph_text(paragraphs[k + 1]) for k in breaks] == [
                    h["text"].split("\n")[0] for h in item_headings(e)], e["file"]


def test_pool_19_keeps_pools_16_and_17s_funding_and_letterheads_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(19) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_17, *mh.FUNDING_WORDINGS_16}
    assert {e["letterhead"] for e in entries_of(19)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(19) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(19, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_19)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "copy_of_copy":
            assert e["scan"]["copy_of_copy"] == [72, 208] and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["envelope_folds"] == [0.333, 0.667] and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 20: "(a) …", "a- …", "Mục thứ nhất: …", "I – TIÊU ĐỀ" (an en dash); the item headings
# made bold with track changes on, each item's title the running header of its pages, the
# answers typed into legacy form fields, an item's first paragraph after a line break in its
# heading's paragraph; pools 1-19's at a lower weight, three new funding wordings with pools
# 16-17's, pool 16's letterheads, two new kinds of scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_20 = {"letter_lower_parens", "letter_lower_dash", "muc_ordinal", "roman_en_dash"}
LADDERS[20] = NEW_LADDERS_20 | {"roman_bare", "roman_spaced_dot", "muc_arabic_dot", "letter_upper_parens",  # 1-19's
                                "letter_upper_dash", "arabic_tab", "yeu_cau_ordinal", "en_dash_label"}
NEW_LAYOUTS_20 = {"tracked_formatting", "item_running_header", "answer_form_fields", "text_after_soft_break"}
LAYOUTS[20] = NEW_LAYOUTS_20 | {"trailing_period", "indented_heading", "section_per_item", "doubled_spaces",  # 1-19's
                                "reverse_heading", "heading_frame", "toc_field", "tracked_renumbering",
                                "caps_font_effect", "side_by_side_item", "merged_5_6", "first_heading_missing",
                                "number_skipped", "extra_heading_between"}
SHAPES_20 = {  # how each of pool 20's ladders marks an item heading, as a reader sees it
    "letter_lower_parens": r"\([a-h]\) \S",
    "letter_lower_dash": r"[a-h]- \S",
    "muc_ordinal": r"Mục thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám): \S",
    "roman_en_dash": r"[IVX]+ \u2013 [^a-zđ]+$",
}


def test_pool_20_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_20:
        for e in [e for e in files_of(20, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]


def test_pool_20_tracked_formatting_marks_every_item_headings_run_and_nothing_else():
    files = files_of(20, "tracked_formatting")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        changed = [p for p in body_paragraphs(e) if p.find(f"{W}r/{W}rPr/{W}rPrChange") is not None]
        assert [paragraph_text(p) for p in changed] == [h["text"] for h in item_headings(e)], e["file"]
        for p in changed:
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert all(r.find(f"{W}rPr/{W}rPrChange/{W}rPr") is not None for r in runs), e["file"]


def test_pool_20_item_running_headers_repeat_each_items_title_and_are_no_items_text():
    files = files_of(20, "item_running_header")
    assert len(files) >= 4 and {"docx", "pdf", "odt"} <= {e["kind"] for e in files}
    for e in files_of(20, "item_running_header", kind="docx"):
        titles = ["".join(t.text for t in part_tree(e, f"word/header{n}.xml").iter(f"{W}t"))
                  for n in range(1, len(item_headings(e)) + 1)]
        assert all(t in e["absent"] for t in titles), e["file"]
        assert all(any(h["text"].endswith(t) for h in item_headings(e)) for t in titles), e["file"]
        assert all(t not in text for t in titles for text in e["sections"].values()), e["file"]


def test_pool_20_answer_form_fields_hold_the_items_text():
    files = files_of(20, "answer_form_fields")
    assert len(files) >= 4 and {"docx", "doc", "pdf"} <= {e["kind"] for e in files}
    for e in files_of(20, "answer_form_fields", kind="docx"):
        fields = [p for p in body_paragraphs(e) if any((t.text or "").strip() == "FORMTEXT"
                                                       for t in p.iter(f"{W}instrText"))]
        assert len(fields) >= len(item_headings(e)), e["file"]
        texts = {paragraph_text(p) for p in fields}
        for h in item_headings(e):
            first = e["sections"][str(h["items"][0])].split("\n")[0]
            assert first in texts, (e["file"], first)


def test_pool_20_an_items_first_paragraph_follows_a_line_break_in_its_headings_paragraph():
    files = files_of(20, "text_after_soft_break")
    assert len(files) >= 5 and {"docx", "pdf", "rtf", "scan"} <= {e["kind"] for e in files}
    for e in files_of(20, "text_after_soft_break", kind="docx"):
        broken = [p for p in body_paragraphs(e) if p.find(f"{W}r/{W}br") is not None]
        for h in item_headings(e):
            p = next(p for p in broken if paragraph_text(p).startswith(h["text"]))
            after = paragraph_text(p)[len(h["text"]):]
            assert after and e["sections"][str(h["items"][0])].startswith(after), e["file"]


def test_pool_20_words_its_funding_three_new_ways_keeps_pool_16s_letterheads_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(20) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_20, *mh.FUNDING_WORDINGS_17,
                                                          *mh.FUNDING_WORDINGS_16}
    for e in funded:
        million = e["funding"]["total_vnd"] // 10**6 if e["funding"]["total_vnd"] else None
        if e["funding"]["wording"] == "summary_front":  # rounded up front (no item's text), exact in item 4
            summary = next(line for line in e["absent"] if line.startswith("Tóm tắt:"))
            assert e["funding"]["summary_as_written"] in summary, e["file"]
            assert f"{million:,}".replace(",", ".") + " triệu đồng" in e["sections"]["4"], e["file"]
        elif e["funding"]["wording"] == "tr_dong_abbrev":
            assert e["funding"]["as_written"] in e["sections"]["4"], e["file"]
        elif e["funding"]["wording"] == "cong_line":
            assert sum(e["funding"]["parts_million"]) == million, e["file"]
            assert f"Cộng: {million:,} triệu đồng.".replace(",", ".") in e["sections"]["4"], e["file"]
    assert {e["letterhead"] for e in entries_of(20)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(20) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(20, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_20)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "reduced_copy":
            assert e["scan"]["reduced_copy"] == mh.REDUCED and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["taped_tear"]["page"] == 1 and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 21: "Thứ nhất: …", "Vấn đề thứ nhất: …", "1 . …", "Mục I: …"; each item heading
# ending in a tab to a dotted leader, the headings in "List Paragraph" with their list off
# (numId 0), a note pointing at an annex after items 2 and 4's titles, items 2 and 4's text
# beginning a page after their heading; pools 1-20's at a lower weight, pools 17 and 20's
# funding wordings and two new ones, pool 16's letterheads, two new kinds of scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_21 = {"ordinal_colon", "van_de_ordinal", "arabic_spaced_dot", "muc_roman_colon"}
LADDERS[21] = NEW_LADDERS_21 | {"letter_lower_parens", "letter_lower_dash", "muc_ordinal", "roman_en_dash",  # 1-20's
                                "roman_spaced_dot", "letter_upper_parens", "arabic_tab"}
NEW_LAYOUTS_21 = {"dot_leader_heading", "list_paragraph_no_number", "heading_annex_note", "page_break_after_heading"}
LAYOUTS[21] = NEW_LAYOUTS_21 | {"tracked_formatting", "item_running_header", "answer_form_fields",  # 1-20's
                                "text_after_soft_break", "section_per_item", "extra_heading_between", "heading_frame",
                                "toc_field", "tracked_renumbering", "side_by_side_item", "caps_font_effect",
                                "merged_5_6", "first_heading_missing", "number_skipped"}
SHAPES_21 = {  # how each of pool 21's ladders marks an item heading, as a reader sees it
    "ordinal_colon": r"Thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám): \S",
    "van_de_ordinal": r"Vấn đề thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám): \S",
    "arabic_spaced_dot": r"\d \. \S",
    "muc_roman_colon": r"Mục [IVX]+: \S",
}
ANNEX_NOTE = r" \((?:chi tiết tại|xem) Phụ lục 0[12] (?:kèm theo|đính kèm)\)$"


def test_pool_21_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_21:
        for e in [e for e in files_of(21, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:2] == [1, 2], e["file"]


def test_pool_21_dot_leader_headings_end_in_a_tab_to_a_dotted_stop_at_the_right():
    files = files_of(21, "dot_leader_heading")
    assert len(files) >= 4 and {"docx", "pdf"} <= {e["kind"] for e in files}
    for e in files_of(21, "dot_leader_heading", kind="docx"):
        led = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}tabs/{W}tab[@{W}leader='dot']") is not None]
        assert [paragraph_text(p) for p in led] == [h["text"] + "\t" for h in item_headings(e)], e["file"]
        assert all(p.find(f"{W}pPr/{W}tabs/{W}tab").get(f"{W}val") == "right" for p in led), e["file"]
    for e in files_of(21, "dot_leader_heading", kind="pdf"):
        assert re.search(r"\.{10}", pdf_text(e)), e["file"]  # the leader printed as dots


def test_pool_21_list_paragraph_headings_are_in_no_list():
    files = files_of(21, "list_paragraph_no_number")
    assert len(files) >= 4 and {"docx", "pdf", "odt"} <= {e["kind"] for e in files}
    for e in files_of(21, "list_paragraph_no_number", kind="docx"):
        listed = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}pStyle[@{W}val='ListParagraph']") is not None]
        assert [paragraph_text(p) for p in listed] == [h["text"] for h in item_headings(e)], e["file"]
        assert all(p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0" for p in listed), e["file"]


def test_pool_21_annex_notes_follow_the_titles_of_the_second_and_fourth_headings():
    files = files_of(21, "heading_annex_note")
    assert len(files) >= 4 and {"docx", "doc", "pdf"} <= {e["kind"] for e in files}
    for e in files:
        noted = [shown_number(h["text"]) for h in item_headings(e) if re.search(ANNEX_NOTE, h["text"])]
        assert noted and set(noted) <= {2, 4}, e["file"]
        assert not any(re.search(ANNEX_NOTE, text) for text in e["sections"].values()), e["file"]


def test_pool_21_the_second_and_fourth_items_text_begins_a_page():
    files = files_of(21, "page_break_after_heading")
    assert len(files) >= 5 and {"docx", "pdf", "rtf"} <= {e["kind"] for e in files}
    for e in files_of(21, "page_break_after_heading", kind="docx"):
        broken = [paragraph_text(p) for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]
        firsts = {e["sections"][str(h["items"][0])].split("\n")[0] for h in item_headings(e)}
        assert len(broken) == 2 and set(broken) <= firsts, e["file"]


def test_pool_21_words_its_funding_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(21) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_21, *mh.FUNDING_WORDINGS_20}
    for e in funded:
        text = e["sections"]["4"]
        if e["funding"]["wording"] == "dvt_line":  # the unit once; the figures bare, the total the first
            assert "Đơn vị tính: triệu đồng" in text and sum(e["funding"]["parts_million"]) * 10**6 == \
                e["funding"]["total_vnd"], e["file"]
        if e["funding"]["wording"] == "words_first":  # the words first, the figure in đồng in brackets
            assert f"{e['funding']['in_words']} ({e['funding']['total_vnd']:,} đồng)".replace(",", ".") in text, \
                e["file"]
    assert {e["letterhead"] for e in entries_of(21)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(21) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(21, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_21)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "giap_lai_seal":
            assert e["scan"]["giap_lai_seal"]["edge"] == "right" and e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["inkjet_banding"]["every_mm"] == mh.BANDS[0] and not e["scan"]["colour"], e["file"]


def test_pool_21_spells_a_sum_in_words_as_a_letter_does():
    mh = generator()
    assert mh.amount_words(25480) == "hai mươi lăm tỷ bốn trăm tám mươi triệu đồng"
    assert mh.amount_words(7005) == "bảy tỷ không trăm linh năm triệu đồng"
    assert mh.amount_words(12045) == "mười hai tỷ không trăm bốn mươi lăm triệu đồng"
    assert mh.amount_words(12000) == "mười hai tỷ đồng"


# ---------------------------------------------------------------------------------------
# Pool 22: "Phần I: …", "Nội dung số 1: …", "1 – …", "i- …"; the TCVN3 font names a converted
# file keeps (".VnTime", ".VnTimeH"), the headings in the office's own style "Muc BC", item 3's
# heading added with track changes on, the titles' spaces no-break spaces; pools 1-21's at a
# lower weight, pools 20 and 21's funding wordings and two new ones, pool 16's letterheads, two
# new kinds of scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_22 = {"phan_roman_colon", "noi_dung_so", "arabic_en_dash", "lower_roman_dash"}
LADDERS[22] = NEW_LADDERS_22 | {"ordinal_colon", "van_de_ordinal", "arabic_spaced_dot", "muc_roman_colon",  # 1-21's
                                "letter_lower_parens", "muc_ordinal", "roman_bare"}
NEW_LAYOUTS_22 = {"vntime_font_names", "own_heading_style", "tracked_inserted_heading", "nbsp_title"}
LAYOUTS[22] = NEW_LAYOUTS_22 | {"dot_leader_heading", "list_paragraph_no_number", "heading_annex_note",  # 1-21's
                                "page_break_after_heading", "tracked_formatting", "answer_form_fields",
                                "text_after_soft_break", "side_by_side_item", "heading_frame", "toc_field",
                                "caps_font_effect", "merged_5_6", "first_heading_missing", "number_skipped",
                                "extra_heading_between"}
SHAPES_22 = {  # how each of pool 22's ladders marks an item heading, as a reader sees it
    "phan_roman_colon": r"Phần [IVX]+: \S",
    "noi_dung_so": r"Nội dung số \d: \S",
    "arabic_en_dash": r"\d – \S",
    "lower_roman_dash": r"[ivx]+- \S",
}


def test_pool_22_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_22:
        for e in [e for e in files_of(22, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_22_vntime_files_keep_the_tcvn3_font_names_over_unicode_text():
    files = files_of(22, "vntime_font_names")
    assert len(files) >= 4 and {"docx", "doc", "rtf"} <= {e["kind"] for e in files}
    for e in files_of(22, "vntime_font_names", kind="docx"):
        with zipfile.ZipFile(path_of(e)) as z:
            assert 'w:ascii=".VnTime"' in z.read("word/styles.xml").decode(), e["file"]
        capped = [p for p in body_paragraphs(e) if p.find(f".//{W}rFonts[@{W}ascii='.VnTimeH']") is not None]
        assert [paragraph_text(p) for p in capped] == [h["text"] for h in item_headings(e)], e["file"]
        assert all(re.search(r"[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]", h["text"].lower())
                   for h in item_headings(e)[:2]), e["file"]  # the text is Unicode, not TCVN3's bytes
    for e in files_of(22, "vntime_font_names"):  # LibreOffice's .doc (font table in UTF-16) and .rtf keep them
        if e["kind"] in ("doc", "rtf"):
            data = path_of(e).read_bytes()
            name = ".VnTimeH".encode("utf-16-le" if e["kind"] == "doc" else "ascii")
            assert name in data, e["file"]


def test_pool_22_own_style_headings_are_bold_by_the_style_alone():
    files = files_of(22, "own_heading_style")
    assert len(files) >= 4 and {"docx", "pdf", "scan"} <= {e["kind"] for e in files}
    for e in files_of(22, "own_heading_style", kind="docx"):
        styled = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}pStyle[@{W}val='MucBC']") is not None]
        assert [paragraph_text(p) for p in styled] == [h["text"] for h in item_headings(e)], e["file"]
        assert all(p.find(f".//{W}r/{W}rPr/{W}b") is None for p in styled), e["file"]
        assert word_document(e).styles["Muc BC"].font.bold, e["file"]


def test_pool_22_the_third_heading_is_a_tracked_insertion_that_stands_once_accepted():
    files = files_of(22, "tracked_inserted_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        inserted = [p for p in body_paragraphs(e) if p.find(f"{W}ins/{W}r") is not None]
        assert [paragraph_text(p) for p in inserted] == [h["text"] for h in item_headings(e) if h["items"] == [3]], \
            e["file"]
        assert all(p.find(f"{W}pPr/{W}rPr/{W}ins") is not None for p in inserted), e["file"]
        assert all(p.find(f"{W}r") is None for p in inserted), e["file"]  # every run inside the revision


def test_pool_22_nbsp_titles_have_no_plain_space_after_the_label():
    files = files_of(22, "nbsp_title")
    assert len(files) >= 5 and {"docx", "pdf", "odt", "rtf"} <= {e["kind"] for e in files}
    for e in files_of(22, "nbsp_title", kind="docx"):
        for h in item_headings(e):
            title = re.split(r"(?<=[:.)–-]) ", h["text"], maxsplit=1)[-1]
            assert "\u00a0" in title and " " not in title, (e["file"], h["text"])


def test_pool_22_words_its_funding_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(22) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_22, *mh.FUNDING_WORDINGS_21}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        if e["funding"]["wording"] == "dong_chan":  # the whole sum in đồng, "chẵn" after it
            assert f"{total:,} đồng chẵn".replace(",", ".") in text, e["file"]
        if e["funding"]["wording"] == "over_plan_slash":  # disbursed / planned, in million đồng
            done, planned = f"{total // 10**6:,}".replace(",", "."), f"{e['funding']['planned_vnd'] // 10**6:,}"
            assert f"{done}/{planned.replace(',', '.')} triệu đồng kế hoạch" in text, e["file"]
            assert e["funding"]["planned_vnd"] > total, e["file"]
    assert {e["letterhead"] for e in entries_of(22)} == set(mh.LETTERHEADS_16)
    assert [e["report_number"] for e in entries_of(22) if e["letterhead"] == "no_number_line"].count(None) >= 1
    scans = files_of(22, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_22)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "coffee_ring":
            assert e["scan"]["coffee_ring"]["page"] == 1 and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["aged_paper"] == mh.AGED and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 23: "Nội dung I. …", "Phần A: …", "Ⅰ. …" (Unicode's Roman numerals), "Hạng mục 1: …";
# Word's proofing marks inside the headings, item 2's title reworded with track changes on, a
# small picture before each item heading, a draft's heading deleted with track changes on;
# pools 1-22's at a lower weight, pools 21 and 22's funding wordings and two new ones, pool 16's
# letterheads, two new kinds of scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_23 = {"noi_dung_roman", "phan_letter", "roman_unicode", "hang_muc_number"}
LADDERS[23] = NEW_LADDERS_23 | {"phan_roman_colon", "noi_dung_so", "arabic_en_dash", "lower_roman_dash",  # 1-22's
                                "ordinal_colon", "van_de_ordinal", "letter_lower_dash", "roman_spaced_dot"}
NEW_LAYOUTS_23 = {"proof_err_marks", "tracked_retitled", "picture_bullet", "tracked_deleted_heading"}
LAYOUTS[23] = NEW_LAYOUTS_23 | {"vntime_font_names", "own_heading_style", "tracked_inserted_heading",  # 1-22's
                                "nbsp_title", "dot_leader_heading", "heading_annex_note", "page_break_after_heading",
                                "item_running_header", "answer_form_fields", "section_per_item",
                                "heading_line_break", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing"}
SHAPES_23 = {  # how each of pool 23's ladders marks an item heading, as a reader sees it
    "noi_dung_roman": r"Nội dung [IVX]+\. \S",
    "phan_letter": r"Phần [A-F]: \S",
    "roman_unicode": r"[\u2160-\u2167]\. \S",
    "hang_muc_number": r"Hạng mục \d: \S",
}


def test_pool_23_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_23:
        for e in [e for e in files_of(23, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_23_proofing_marks_cut_the_headings_runs_but_not_their_text():
    files = files_of(23, "proof_err_marks")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)) == 6, e["file"]
        for p in paragraphs:
            kinds = [m.get(f"{W}type") for m in p.findall(f"{W}proofErr")]
            assert kinds == ["spellStart", "spellEnd", "gramStart", "gramEnd"], e["file"]
            assert len(p.findall(f"{W}r")) >= 3, e["file"]


def test_pool_23_the_second_title_is_reworded_with_revisions_and_the_accepted_one_is_the_truth():
    files = files_of(23, "tracked_retitled")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        draft, heading = e["tracked_retitled"]["draft_title"], item_headings(e)[1]["text"]
        para = next(p for p in body_paragraphs(e) if paragraph_text(p).strip() == heading)
        deleted = "".join(t.text for t in para.iter(f"{W}delText"))
        inserted = "".join(t.text for ins in para.findall(f"{W}ins") for t in ins.iter(f"{W}t"))
        assert deleted == draft and draft not in heading and heading.endswith(inserted), e["file"]
        assert draft not in e["sections"]["2"] and all(draft not in text for text in e["sections"].values())


def test_pool_23_a_picture_stands_before_every_item_heading():
    files = files_of(23, "picture_bullet")
    assert len(files) >= 5 and {"docx", "pdf", "odt", "rtf", "scan"} <= {e["kind"] for e in files}
    for e in files_of(23, "picture_bullet", kind="docx"):  # the heading itself, not a contents line
        paragraphs = body_paragraphs(e)
        for h in item_headings(e):
            p = next(p for p in paragraphs if paragraph_text(p).strip() == h["text"])
            runs = p.findall(f"{W}r")
            assert runs[0].find(f"{W}drawing") is not None and paragraph_text(p).startswith(" "), e["file"]


def test_pool_23_a_deleted_draft_heading_stands_before_item_5_and_in_no_item():
    files = files_of(23, "tracked_deleted_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        draft = e["tracked_deleted_heading"]["draft_heading"]
        paragraphs = body_paragraphs(e)
        at = next(k for k, p in enumerate(paragraphs) if "".join(t.text for t in p.iter(f"{W}delText")) == draft)
        assert paragraphs[at].find(f"{W}pPr/{W}rPr/{W}del") is not None and paragraph_text(paragraphs[at]) == ""
        assert paragraph_text(paragraphs[at + 2]).strip() == item_headings(e)[4]["text"], e["file"]
        assert all(draft.split(": ", 1)[-1] not in text for text in e["sections"].values()), e["file"]
        assert draft in e["absent"], e["file"]


def test_pool_23_words_its_funding_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(23) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_23, *mh.FUNDING_WORDINGS_22}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "plus_equals":  # the sources added, then "=" and the total
            state, private = (f"{v // 10**6:,}".replace(",", ".") for v in e["funding"]["parts_vnd"])
            assert f"{state} triệu đồng + vốn xã hội hóa {private} triệu đồng = {million} triệu đồng" in text
            assert sum(e["funding"]["parts_vnd"]) == total, e["file"]
        if e["funding"]["wording"] == "unit_rate_first":  # the cost a ward first, the total after it
            rate = e["funding"]["rate_as_written"]
            assert text.index(rate) < text.index(f"là {million} triệu đồng"), e["file"]
    assert {e["letterhead"] for e in entries_of(23)} == set(mh.LETTERHEADS_23)
    assert [e["report_number"] for e in entries_of(23) if e["letterhead"] == "no_number_line"].count(None) >= 1
    for e in entries_of(23):
        if e["letterhead"] == "en_dash_code":  # typed with an en dash, given as every other number is
            assert e["number_as_written"] == e["report_number"].replace("-", "\u2013"), e["file"]
            assert f"Số: {e['number_as_written']}" in e["absent"], e["file"]
        if e["letterhead"] == "vv_line":  # what the paper is about, under its number
            assert [line for line in e["absent"] if line.startswith("V/v ")] == [mh.VV_LINES[0]], e["file"]
    scans = files_of(23, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_23)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "toner_ghost":
            assert e["scan"]["toner_ghost"] == mh.GHOST and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["water_stain"]["page"] == 1 and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 24: "Chương I. …", "Câu hỏi 1. …", "Mục A. …", "Tiêu chí 1: …"; item headings marked by
# small capitals only, Word's style separator after each item heading, a text PDF printed two
# pages a sheet, item 6's answer an embedded HTML chunk; pools 1-23's at a lower weight, pools
# 22 and 23's funding wordings and two new ones, two new letterheads, two new kinds of scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_24 = {"chuong_roman", "cau_hoi_number", "muc_letter", "tieu_chi_number"}
LADDERS[24] = NEW_LADDERS_24 | {"roman_unicode", "hang_muc_number", "noi_dung_roman", "phan_letter",  # 1-23's
                                "lower_roman_dash", "arabic_en_dash", "phan_roman_colon", "ordinal_colon"}
NEW_LAYOUTS_24 = {"custom_xml_blocks", "style_separator", "two_up_pdf", "alt_chunk_item"}
LAYOUTS[24] = NEW_LAYOUTS_24 | {"proof_err_marks", "tracked_retitled", "tracked_deleted_heading",  # 1-23's
                                "picture_bullet", "own_heading_style", "tracked_inserted_heading",
                                "vntime_font_names", "heading_line_break", "page_break_after_heading",
                                "section_per_item", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing"}
SHAPES_24 = {  # how each of pool 24's ladders marks an item heading, as a reader sees it
    "chuong_roman": r"Chương [IVX]+\. \S",
    "cau_hoi_number": r"Câu hỏi \d\. \S",
    "muc_letter": r"Mục [A-F]\. \S",
    "tieu_chi_number": r"Tiêu chí \d: \S",
}


def test_pool_24_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_24:
        for e in [e for e in files_of(24, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_24_each_item_is_wrapped_in_a_custom_xml_element_of_the_templates_schema():
    mh = generator()
    files = files_of(24, "custom_xml_blocks")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        body = part_tree(e).find(f"{W}body")
        blocks = body.findall(f"{W}customXml")
        assert len(blocks) == len(item_headings(e)) == 6, e["file"]
        for k, (block, heading) in enumerate(zip(blocks, item_headings(e), strict=True), start=1):
            assert block.get(f"{W}uri") == mh.CUSTOM_XML["uri"] and block.get(f"{W}element") == "NoiDungMuc"
            assert block.find(f"{W}customXmlPr/{W}attr").get(f"{W}val") == str(k), e["file"]
            first = block.find(f"{W}p")  # the heading, then its answer, one level below the body
            assert paragraph_text(first).strip() == heading["text"], e["file"]
        inside = "\n".join(paragraph_text(p) for b in blocks for p in b.iter(f"{W}p"))
        assert all(line in inside for n in "123456" for line in e["sections"][n].split("\n")), e["file"]
        assert not [p for p in body.findall(f"{W}p") if paragraph_text(p).strip() in
                    {h["text"] for h in item_headings(e)}], e["file"]  # no heading at the body's top level


def test_pool_24_a_style_separator_hides_each_item_headings_paragraph_mark():
    files = files_of(24, "style_separator")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)), e["file"]
        for p in paragraphs:
            mark = p.find(f"{W}pPr/{W}rPr")
            assert mark is not None and mark.find(f"{W}vanish") is not None, e["file"]
            assert mark.find(f"{W}specVanish") is not None, e["file"]


def test_pool_24_a_pdf_printed_two_pages_a_sheet_keeps_its_text():
    files = files_of(24, "two_up_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    for e in files:
        out = subprocess.run(["pdfinfo", str(path_of(e))], capture_output=True, text=True, check=True).stdout
        width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
        assert width > height and e["two_up"]["sheet_pt"] == [842, 595], e["file"]
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(path_of(e)), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        for h in item_headings(e):
            assert " ".join(h["text"].split()[:3]) in text, e["file"]


def test_pool_24_item_6s_answer_is_an_embedded_html_chunk_and_the_text_word_shows():
    import html

    files = files_of(24, "alt_chunk_item")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    for e in files:
        assert e["alt_chunk"] == {"item": 6, "part": "/word/afchunk1.htm"}, e["file"]
        chunk = part_text(e, "word/afchunk1.htm")
        lines = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", chunk)]
        assert "\n".join(lines) == e["sections"]["6"], e["file"]
        document = part_text(e)
        assert document.count("<w:altChunk ") == 1, e["file"]
        assert all(line not in document for line in lines), e["file"]  # the answer only in the chunk
        assert "aFChunk" in part_text(e, "word/_rels/document.xml.rels"), e["file"]
        heading = item_headings(e)[-1]["text"].split("\n")[-1]
        blocks = [child for child in part_tree(e).find(f"{W}body")]
        at = next(k for k, b in enumerate(blocks) if b.tag == f"{W}p" and paragraph_text(b).strip() == heading)
        assert blocks[at + 1].tag == f"{W}altChunk", e["file"]


def test_pool_24_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(24) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_24, *mh.FUNDING_WORDINGS_23}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "ngan_dong":  # thousands of đồng in the South's word
            assert f"{total // 1000:,}".replace(",", ".") + " ngàn đồng" in text, e["file"]
        if e["funding"]["wording"] == "plan_less_left":  # the plan, what is left, then what was spent
            plan, left = e["funding"]["planned_vnd"], e["funding"]["left_vnd"]
            assert plan - left == total and text.index(f"{left // 10**6:,}".replace(",", ".")) < text.index(
                f"tức đã giải ngân {million} triệu đồng"), e["file"]
    assert {e["letterhead"] for e in entries_of(24)} == set(mh.LETTERHEADS_24)
    for e in entries_of(24):
        if e["letterhead"] == "place_abbreviated":
            assert re.match(r"(?:TP|Tp)\. \S", e["letterhead_date"]), e["file"]
            assert e["letterhead_date"] in e["absent"] and e["report_date"].startswith("2022-05-"), e["file"]
        if e["letterhead"] == "june_zero_day":  # "ngày 03 tháng 6 năm 2022"
            day = re.search(r"ngày (0\d) tháng 6 năm 2022$", e["letterhead_date"]).group(1)
            assert e["report_date"] == f"2022-06-{day}", e["file"]
    scans = files_of(24, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_24)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    for e in scans:
        if e["scan"]["kind"] == "overexposed":
            assert e["scan"]["overexposed"] == mh.EXPOSURE and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["ink_smear"]["page"] == 1 and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 25: "Nhiệm vụ 1: …", "A: …", "Vấn đề I. …", "Nội dung A: …"; each item framed in a
# one-column table, each heading's title in an inline content control, a TC field after each
# heading, the template protected with each answer an editable range; pools 1-24's at a lower
# weight, pools 23 and 24's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_25 = {"nhiem_vu_number", "letter_upper_colon", "van_de_roman", "noi_dung_letter"}
LADDERS[25] = NEW_LADDERS_25 | {"chuong_roman", "cau_hoi_number", "muc_letter", "tieu_chi_number",  # 1-24's
                                "roman_unicode", "hang_muc_number", "phan_letter", "noi_dung_so",
                                "lower_roman_dash", "ordinal_colon"}
NEW_LAYOUTS_25 = {"item_boxed_table", "heading_inline_sdt", "tc_field_heading", "permission_ranges"}
LAYOUTS[25] = NEW_LAYOUTS_25 | {"custom_xml_blocks", "style_separator", "two_up_pdf", "alt_chunk_item",  # 1-24's
                                "proof_err_marks", "tracked_retitled", "picture_bullet", "own_heading_style",
                                "tracked_inserted_heading", "heading_line_break", "page_break_after_heading",
                                "section_per_item", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing"}
SHAPES_25 = {  # how each of pool 25's ladders marks an item heading, as a reader sees it
    "nhiem_vu_number": r"Nhiệm vụ \d: \S",
    "letter_upper_colon": r"[A-F]: \S",
    "van_de_roman": r"Vấn đề [IVX]+\. \S",
    "noi_dung_letter": r"Nội dung [A-F]: \S",
}


def test_pool_25_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_25:
        for e in [e for e in files_of(25, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_25_each_item_is_framed_in_a_table_its_heading_in_the_shaded_first_row():
    mh = generator()
    files = files_of(25, "item_boxed_table")
    assert len(files) >= 3 and {e["kind"] for e in files} <= {"docx", "pdf"}
    assert files_of(25, "item_boxed_table", ladder="nhiem_vu_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        body = part_tree(e).find(f"{W}body")
        boxes = [t for t in body.findall(f"{W}tbl") if len(t.findall(f"{W}tr")) == 2
                 and t.find(f"{W}tr/{W}tc/{W}tcPr/{W}shd") is not None]
        assert len(boxes) == len(item_headings(e)) == 6, e["file"]
        for box, heading, n in zip(boxes, item_headings(e), "123456", strict=True):
            top, below = box.findall(f"{W}tr")
            assert top.find(f"{W}tc/{W}tcPr/{W}shd").get(f"{W}fill") == mh.BOX_SHADE
            assert paragraph_text(top.find(f"{W}tc/{W}p")).strip() == heading["text"], e["file"]
            inside = "\n".join(paragraph_text(p) for p in below.iter(f"{W}p"))
            assert all(line in inside for line in e["sections"][n].split("\n")), e["file"]


def test_pool_25_each_item_headings_title_is_in_an_inline_content_control():
    mh = generator()
    files = files_of(25, "heading_inline_sdt")
    assert len(files) >= 3 and files_of(25, "heading_inline_sdt", ladder="letter_upper_colon")
    for e in [e for e in files if e["kind"] == "docx"]:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == 6, e["file"]
        for p, heading in zip(paragraphs, item_headings(e), strict=True):
            sdt = p.find(f"{W}sdt")
            assert sdt is not None and sdt.find(f"{W}sdtPr/{W}alias").get(f"{W}val") == mh.INLINE_SDT["alias"]
            title = "".join(t.text for t in sdt.iter(f"{W}t"))
            assert heading["text"].endswith(title) and title == title_of(heading["text"]), e["file"]


def test_pool_25_a_tc_field_after_each_item_heading_names_it_for_the_contents():
    files = files_of(25, "tc_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(25, "tc_field_heading", ladder="van_de_roman")
    for e in files:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            codes = [t.text for t in p.iter(f"{W}instrText")]
            assert codes == [f' TC "{heading["text"]}" \\l 2 '], e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]  # nothing shown


def test_pool_25_the_template_is_protected_and_each_answer_an_editable_range():
    files = files_of(25, "permission_ranges")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(25, "permission_ranges", ladder="noi_dung_letter")
    for e in files:
        assert '<w:documentProtection w:edit="readOnly" w:enforcement="1"/>' in part_text(e, "word/settings.xml")
        body = part_tree(e).find(f"{W}body")
        starts = body.findall(f"{W}permStart")
        assert len(starts) == len(body.findall(f"{W}permEnd")) == 6, e["file"]
        for start, n in zip(starts, "123456", strict=True):
            assert start.get(f"{W}edGrp") == "everyone"
            first = start.getnext()
            assert paragraph_text(first).strip() == e["sections"][n].split("\n")[0], e["file"]


def test_pool_25_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(25) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_25, *mh.FUNDING_WORDINGS_24}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "rate_of_plan_first":  # the rate first, the figure after "tương ứng"
            plan, rate = e["funding"]["planned_vnd"], e["funding"]["rate_as_written"]
            assert text.index(rate) < text.index(f"tương ứng {million} triệu đồng"), e["file"]
            assert abs(float(rate[:-1].replace(",", ".")) - total / plan * 100) < 0.05, e["file"]
        if e["funding"]["wording"] == "budget_codes":  # three codes beside the figure
            assert f"{mh.BUDGET_CODES} là {million} triệu đồng" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(25)} == set(mh.LETTERHEADS_25)
    for e in entries_of(25):
        if e["letterhead"] == "date_line_left":  # the date under the number, the motto alone on the right
            assert e["letterhead_date"] in e["absent"] and e["report_date"].startswith("2022-05-"), e["file"]
            if e["kind"] == "docx":
                left, right = next(docx_blocks(e)).rows[0].cells
                assert left.text.endswith(e["letterhead_date"]) and "ngày" not in right.text, e["file"]
        if e["letterhead"] == "number_with_year":
            assert re.fullmatch(r"\d+/2022/BC-UBND", e["report_number"]), e["file"]
            assert f"Số: {e['report_number']}" in e["absent"], e["file"]
    scans = files_of(25, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_25)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"nhiem_vu_number", "letter_upper_colon", "noi_dung_letter"}
    for e in scans:
        if e["scan"]["kind"] == "recycled_grey":
            assert e["scan"]["recycled_grey"] == mh.RECYCLED and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["glass_dust"] == mh.DUST and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 26: "Chỉ tiêu 1. …", "A – …", "Nội dung 1. …", "Nhóm I: …"; an optional hyphen inside
# each heading's title, each title a MERGEFIELD's result, items 2 and 3 answered in a "Nội dung
# yêu cầu | Kết quả thực hiện" table, each heading from the second after a line break in the
# previous paragraph; pools 1-25's at a lower weight, pools 24 and 25's funding wordings and two
# new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_26 = {"chi_tieu_number", "letter_upper_en_dash", "noi_dung_dot", "nhom_roman"}
LADDERS[26] = NEW_LADDERS_26 | {"nhiem_vu_number", "van_de_roman", "letter_upper_colon", "noi_dung_letter",  # 1-25's
                                "chuong_roman", "hang_muc_number", "cau_hoi_number", "muc_letter",
                                "roman_unicode", "noi_dung_so"}
NEW_LAYOUTS_26 = {"soft_hyphen_title", "merge_field_title", "requirement_table", "heading_after_break"}
LAYOUTS[26] = NEW_LAYOUTS_26 | {"item_boxed_table", "heading_inline_sdt", "tc_field_heading",  # 1-25's
                                "permission_ranges", "custom_xml_blocks", "style_separator", "two_up_pdf",
                                "proof_err_marks", "tracked_retitled", "picture_bullet", "tracked_inserted_heading",
                                "heading_line_break", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing"}
SHAPES_26 = {  # how each of pool 26's ladders marks an item heading, as a reader sees it
    "chi_tieu_number": r"Chỉ tiêu \d\. \S",
    "letter_upper_en_dash": r"[A-F] – \S",
    "noi_dung_dot": r"Nội dung \d\. \S",
    "nhom_roman": r"Nhóm [IVX]+: \S",
}


def test_pool_26_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_26:
        for e in [e for e in files_of(26, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_26_an_optional_hyphen_splits_each_item_headings_title_and_shows_nothing():
    files = files_of(26, "soft_hyphen_title")
    assert len(files) >= 3 and {e["kind"] for e in files} <= {"docx", "pdf"}
    assert files_of(26, "soft_hyphen_title", ladder="chi_tieu_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == 6, e["file"]
        for p, heading in zip(paragraphs, item_headings(e), strict=True):
            marks = list(p.iter(f"{W}softHyphen"))
            assert len(marks) == 1, e["file"]
            runs = reversed(list(marks[0].getparent().itersiblings(f"{W}r", preceding=True)))
            before = "".join(node.text or "" if node.tag == f"{W}t" else "\t"
                             for r in runs for node in r.iter(f"{W}t", f"{W}tab"))
            label = heading["text"][:len(heading["text"]) - len(title_of(heading["text"]))]
            assert before.startswith(label) and len(before) > len(label), e["file"]  # inside the title
            assert paragraph_text(p).strip() == heading["text"], e["file"]  # nothing shown


def test_pool_26_each_item_headings_title_is_a_merge_fields_result():
    mh = generator()
    files = files_of(26, "merge_field_title")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(26, "merge_field_title", ladder="letter_upper_en_dash")
    for e in files:
        paragraphs = heading_paragraphs(e)
        for n, (p, heading) in enumerate(zip(paragraphs, item_headings(e), strict=True), start=1):
            codes = [t.text for t in p.iter(f"{W}instrText")]
            assert codes == [f" MERGEFIELD {mh.MERGE_FIELD.format(n=n)} "], e["file"]
            kinds = [c.get(f"{W}fldCharType") for c in p.iter(f"{W}fldChar")]
            assert kinds == ["begin", "separate", "end"], e["file"]
            runs = p.findall(f"{W}r")
            result = runs[[r.find(f"{W}fldChar") is not None and r.find(f"{W}fldChar").get(f"{W}fldCharType")
                           for r in runs].index("separate") + 1]
            assert "".join(t.text for t in result.iter(f"{W}t")) == title_of(heading["text"]), e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_26_items_2_and_3_are_answered_in_one_requirement_table():
    mh = generator()
    files = files_of(26, "requirement_table")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(26, "requirement_table", ladder="noi_dung_dot")
    for e in files:
        body = part_tree(e).find(f"{W}body")
        tables = [t for t in body.findall(f"{W}tbl")
                  if [paragraph_text(p) for p in t.find(f"{W}tr").iter(f"{W}p")] == list(mh.REQUIREMENT_HEAD)]
        assert len(tables) == 1, e["file"]
        rows = tables[0].findall(f"{W}tr")[1:]
        headings = [h for h in item_headings(e) if h.get("in_requirement_table")]
        assert [h["items"] for h in headings] == [[2], [3]] and len(rows) == 2, e["file"]
        for row, heading in zip(rows, headings, strict=True):
            left, right = row.findall(f"{W}tc")
            assert paragraph_text(left.find(f"{W}p")).strip() == heading["text"], e["file"]
            inside = "\n".join(paragraph_text(p) for p in right.iter(f"{W}p"))
            n = str(heading["items"][0])
            assert all(line in inside for line in e["sections"][n].split("\n")), e["file"]
        assert set(mh.REQUIREMENT_HEAD) <= set(e["absent"]), e["file"]


def test_pool_26_item_headings_are_typed_after_a_line_break_in_the_paragraph_before():
    files = files_of(26, "heading_after_break")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(26, "heading_after_break", ladder="nhom_roman")
    for e in files:
        body = part_tree(e).find(f"{W}body")
        after = [h for h in item_headings(e) if h.get("after_line_break")]
        assert len(after) >= 3 and all(h["items"][0] > 1 for h in after), e["file"]
        for heading in after:
            holding = [p for p in body.iter(f"{W}p") if paragraph_text(p).endswith(heading["text"])]
            assert len(holding) == 1, (e["file"], heading["text"])
            p = holding[0]
            before_break = []
            for r in p.findall(f"{W}r"):
                if r.find(f"{W}br") is not None:
                    break
                before_break.append("".join(t.text or "" for t in r.iter(f"{W}t")))
            n = str(heading["items"][0] - 1)
            assert "".join(before_break) == e["sections"][n].split("\n")[-1], e["file"]


def test_pool_26_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(26) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_26, *mh.FUNDING_WORDINGS_25}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "average_per_year":  # the yearly average first, the total after it
            average = f"{e['funding']['average_vnd_per_year'] // 10**6:,}".replace(",", ".")
            assert text.index(f"bình quân {average} triệu đồng/năm") < text.index(f"cả 3 năm là {million} triệu đồng")
            assert e["funding"]["average_vnd_per_year"] * 3 == total, e["file"]
        if e["funding"]["wording"] == "share_of_budget":  # the share of a larger budget beside the total
            budget = f"{e['funding']['budget_vnd'] // 10**9:,}".replace(",", ".")
            share = e["funding"]["share_as_written"]
            assert f"là {million} triệu đồng, chiếm {share} tổng chi" in text and f"({budget} tỷ đồng)" in text
            assert abs(float(share[:-1].replace(",", ".")) - total / e["funding"]["budget_vnd"] * 100) < 0.005
    assert {e["letterhead"] for e in entries_of(26)} == set(mh.LETTERHEADS_26)
    for e in entries_of(26):
        if e["letterhead"] == "weekday_date":  # "…, thứ Hai, ngày 23 tháng 5 năm 2022"
            day = int(e["report_date"][-2:])
            weekday = mh.WEEKDAYS[mh.datetime(2022, 5, day).weekday()]
            assert f", {weekday}, ngày {day:02d} tháng 5 năm 2022" in e["letterhead_date"] \
                or f", {weekday}, ngày {day} tháng 5 năm 2022" in e["letterhead_date"], e["file"]
        if e["letterhead"] == "number_date_phrase":  # "Số 139/BC-UBND ngày 23/5/2022", the motto alone
            day = int(e["report_date"][-2:])
            assert e["letterhead_date"] == f"Số {e['report_number']} ngày {day}/5/2022", e["file"]
            assert e["letterhead_date"] in e["absent"], e["file"]
            if e["kind"] == "docx":
                left, right = next(docx_blocks(e)).rows[0].cells
                assert left.text.endswith(e["letterhead_date"]) and "ngày" not in right.text, e["file"]
    scans = files_of(26, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_26)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"chi_tieu_number", "letter_upper_en_dash", "nhom_roman"}
    for e in scans:
        if e["scan"]["kind"] == "oversharpened":
            assert e["scan"]["oversharpened"] == mh.SHARPEN and not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["lamp_falloff"] == mh.FALLOFF and e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 27: "Lĩnh vực 1: …", "Khoản 1. …", "A.<tab>…", "Chuyên đề I: …"; a page break typed at
# the start of each heading from the second, each title a DOCPROPERTY field stored as
# w:fldSimple, each item in a repeating section's content control, the points under the items
# in the items' "Heading 2" style; pools 1-26's at a lower weight, pools 25 and 26's funding
# wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_27 = {"linh_vuc_number", "khoan_number", "letter_upper_tab", "chuyen_de_roman"}
LADDERS[27] = NEW_LADDERS_27 | {"chi_tieu_number", "nhom_roman", "letter_upper_en_dash", "noi_dung_dot",  # 1-26's
                                "nhiem_vu_number", "van_de_roman", "noi_dung_letter", "chuong_roman",
                                "hang_muc_number", "roman_unicode"}
NEW_LAYOUTS_27 = {"page_break_in_heading", "fld_simple_title", "repeating_section_items", "heading_style_overused"}
LAYOUTS[27] = NEW_LAYOUTS_27 | {"soft_hyphen_title", "merge_field_title", "requirement_table",  # 1-26's
                                "heading_after_break", "item_boxed_table", "heading_inline_sdt", "tc_field_heading",
                                "custom_xml_blocks", "two_up_pdf", "tracked_retitled", "picture_bullet",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_27 = {  # how each of pool 27's ladders marks an item heading, as a reader sees it
    "linh_vuc_number": r"Lĩnh vực \d: \S",
    "khoan_number": r"Khoản \d\. \S",
    "letter_upper_tab": r"[A-F]\.\t\S",
    "chuyen_de_roman": r"Chuyên đề [IVX]+: \S",
}
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def test_pool_27_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_27:
        for e in [e for e in files_of(27, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_27_each_heading_from_the_second_begins_with_a_typed_page_break():
    files = files_of(27, "page_break_in_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} <= {"docx", "pdf"}
    assert files_of(27, "page_break_in_heading", ladder="linh_vuc_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == 6, e["file"]
        for n, (p, heading) in enumerate(zip(paragraphs, item_headings(e), strict=True), start=1):
            breaks = [b for b in p.iter(f"{W}br") if b.get(f"{W}type") == "page"]
            if n == 1:
                assert not breaks, e["file"]
                continue
            assert len(breaks) == 1, e["file"]
            first = p.find(f"{W}r")
            assert first.find(f"{W}br") is breaks[0] and not list(first.iter(f"{W}t")), e["file"]  # before the label
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_27_each_item_headings_title_is_a_simple_fields_result():
    mh = generator()
    files = files_of(27, "fld_simple_title")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(27, "fld_simple_title", ladder="khoan_number")
    for e in files:
        paragraphs = heading_paragraphs(e)
        for n, (p, heading) in enumerate(zip(paragraphs, item_headings(e), strict=True), start=1):
            fields = p.findall(f"{W}fldSimple")
            assert [f.get(f"{W}instr") for f in fields] == [
                f" DOCPROPERTY  {mh.DOC_PROPERTY.format(n=n)}  \\* MERGEFORMAT "], e["file"]
            assert "".join(t.text for t in fields[0].iter(f"{W}t")) == title_of(heading["text"]), e["file"]
            typed = "".join(t.text for r in p.findall(f"{W}r") for t in r.iter(f"{W}t"))
            assert heading["text"].startswith(typed) and typed.strip(), e["file"]  # the label typed before it
            assert "".join(t.text for t in p.iter(f"{W}t")) == heading["text"], e["file"]


def test_pool_27_each_item_is_one_item_of_a_repeating_section():
    mh = generator()
    files = files_of(27, "repeating_section_items")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(27, "repeating_section_items", ladder="letter_upper_tab")
    for e in files:
        tree = part_tree(e)
        assert "w15" in tree.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable").split()
        body = tree.find(f"{W}body")
        sections = [s for s in body.findall(f"{W}sdt") if s.find(f"{W}sdtPr/{W15}repeatingSection") is not None]
        assert len(sections) == 1, e["file"]
        title = sections[0].find(f"{W}sdtPr/{W15}repeatingSection/{W15}sectionTitle")
        assert title.get(f"{W15}val") == mh.SECTION_TITLE, e["file"]
        items = sections[0].find(f"{W}sdtContent").findall(f"{W}sdt")
        headings = item_headings(e)
        assert len(items) == len(headings), e["file"]
        for item, heading in zip(items, headings, strict=True):
            assert item.find(f"{W}sdtPr/{W15}repeatingSectionItem") is not None, e["file"]
            content = item.find(f"{W}sdtContent")
            assert paragraph_text(content.find(f"{W}p")).strip() == heading["text"], e["file"]
            inside = "\n".join(paragraph_text(p) for p in content.iter(f"{W}p"))
            n = str(heading["items"][0])
            assert all(line in inside for line in e["sections"][n].split("\n")), e["file"]


def test_pool_27_the_points_under_the_items_share_the_items_heading_style():
    mh = generator()
    files = files_of(27, "heading_style_overused")
    assert len(files) >= 3 and {e["kind"] for e in files} <= {"docx", "odt"}
    assert files_of(27, "heading_style_overused", ladder="chuyen_de_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        document = word_document(e)
        styled = [p.text for p in document.paragraphs if p.style.name == mh.OVERUSED_STYLE]
        headings = [h["text"] for h in item_headings(e)]
        assert [t for t in styled if t in headings] == headings, e["file"]
        points = [t for t in styled if t not in headings]
        assert len(points) >= 4, e["file"]  # the points of three items, styled as the items are
        for point in points:  # each point an item's text, not a heading of its own
            assert any(point in e["sections"][str(n)].split("\n") for n in range(1, 7)), (e["file"], point)
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert content.count('text:outline-level="2"') >= 10, e["file"]


def test_pool_27_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(27) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_27, *mh.FUNDING_WORDINGS_26}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "compared_to_previous":  # the period before beside it, smaller
            before = f"{e['funding']['previous_vnd'] // 10**6:,}".replace(",", ".")
            rise = e["funding"]["rise_as_written"]
            assert f"là {million} triệu đồng, tăng {rise} so với giai đoạn 2017-2019 ({before} triệu đồng)" in text
            assert e["funding"]["previous_vnd"] < total, e["file"]
            assert abs(float(rise[:-1].replace(",", ".")) - (total / e["funding"]["previous_vnd"] - 1) * 100) < 0.05
        if e["funding"]["wording"] == "excluding_other":  # an amount after it that is no part of it
            other = f"{e['funding']['excluded_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng (chưa kể {other} triệu đồng" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(27)} == set(mh.LETTERHEADS_27)
    for e in entries_of(27):
        if e["letterhead"] == "nbsp_letterhead":  # "Số: 139/BC-UBND" and the date line, no-break spaces
            day = int(e["report_date"][-2:])
            assert e["letterhead_date"].endswith(f"ngày\u00a0{day}\u00a0tháng\u00a05\u00a0năm\u00a02022"), e["file"]
            assert " " not in e["letterhead_date"], e["file"]
            assert f"Số:\u00a0{e['report_number']}" in e["absent"], e["file"]
            if e["kind"] == "docx":
                left, right = next(docx_blocks(e)).rows[0].cells
                assert f"Số:\u00a0{e['report_number']}" in left.text, e["file"]
                assert right.text.endswith(e["letterhead_date"]), e["file"]
        if e["letterhead"] == "slash_spaced":  # "Số: 139 / BC-UBND"
            so = e["report_number"].split("/")[0]
            assert e["report_number"] == f"{so}/BC-UBND" and f"Số: {so} / BC-UBND" in e["absent"], e["file"]
    scans = files_of(27, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_27)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"linh_vuc_number", "khoan_number", "chuyen_de_roman"}
    for e in scans:
        if e["scan"]["kind"] == "underexposed":
            assert e["scan"]["underexposed"] == mh.DARKEN and not e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 150, e["file"]
        else:
            assert e["scan"]["channel_shift"] == mh.CHANNELS and e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 200, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 28: "Tiểu mục 1. …", "Đối với nội dung 1: …", "Đề mục I. …", "❶ …"; each heading's
# figure a LISTNUM field's result, each heading centred by a typed tab to a centre tab stop,
# "Heading 1" on the headings' text only ("Heading 1 Char"), each heading's first letter a
# framed drop cap; pools 1-27's at a lower weight, pools 26 and 27's funding wordings and two
# new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_28 = {"tieu_muc_number", "doi_voi_noi_dung", "de_muc_roman", "dingbat_circled"}
LADDERS[28] = NEW_LADDERS_28 | {"linh_vuc_number", "khoan_number", "chuyen_de_roman", "letter_upper_tab",  # 1-27's
                                "chi_tieu_number", "nhom_roman", "letter_upper_en_dash", "noi_dung_letter",
                                "nhiem_vu_number", "hang_muc_number"}
NEW_LAYOUTS_28 = {"listnum_label", "tab_centred_heading", "linked_char_style", "drop_cap_label"}
LAYOUTS[28] = NEW_LAYOUTS_28 | {"page_break_in_heading", "fld_simple_title", "repeating_section_items",  # 1-27's
                                "heading_style_overused", "soft_hyphen_title", "requirement_table",
                                "heading_after_break", "item_boxed_table", "tc_field_heading", "two_up_pdf",
                                "picture_bullet", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_28 = {  # how each of pool 28's ladders marks an item heading, as a reader sees it
    "tieu_muc_number": r"Tiểu mục \d\. \S",
    "doi_voi_noi_dung": r"Đối với nội dung \d: \S",
    "de_muc_roman": r"Đề mục [IVX]+\. \S",
    "dingbat_circled": r"[❶-❻] \S",
}


def test_pool_28_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_28:
        for e in [e for e in files_of(28, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_28_each_headings_figure_is_a_listnum_fields_result():
    mh = generator()
    files = files_of(28, "listnum_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(28, "listnum_label", ladder="tieu_muc_number")  # on a new ladder too
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)), e["file"]
        for p, heading in zip(paragraphs, item_headings(e), strict=True):
            codes = [t.text for t in p.iter(f"{W}instrText")]
            assert len(codes) == 1 and codes[0].split()[0] == "LISTNUM", e["file"]
            runs = p.findall(f"{W}r")
            kinds = [r.find(f"{W}fldChar").get(f"{W}fldCharType") if r.find(f"{W}fldChar") is not None else None
                     for r in runs]
            result = runs[kinds.index("separate") + 1]  # the field's shown result: the figure and its mark
            figure = "".join(t.text for t in result.iter(f"{W}t"))
            assert re.fullmatch(r"\d+[.)]", figure), e["file"]
            assert codes[0].split()[1] == mh.LISTNUM_LISTS[figure[-1]], e["file"]
            assert int(figure[:-1]) == shown_number(heading["text"]), e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]  # the text shown unchanged


def test_pool_28_each_heading_is_centred_by_a_typed_tab_to_a_centre_stop():
    mh = generator()
    files = files_of(28, "tab_centred_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(28, "tab_centred_heading", ladder="doi_voi_noi_dung")
    for e in [e for e in files if e["kind"] == "docx"]:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            stops = p.findall(f"{W}pPr/{W}tabs/{W}tab")
            assert [(s.get(f"{W}val"), s.get(f"{W}pos")) for s in stops] == [
                ("center", str(round(mh.CENTRE_TAB_MM / 25.4 * 1440)))], e["file"]
            assert p.find(f"{W}pPr/{W}jc") is None, e["file"]  # the paragraph itself left-aligned
            assert paragraph_text(p) == "\t" + heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert 'style:type="center"' in content, e["file"]  # the centre tab stop kept
        for heading in item_headings(e):  # a tab before each heading's label
            assert f"<text:tab/>{heading['text'].split(' (')[0]}" in content, (e["file"], heading["text"])


def test_pool_28_the_heading_style_is_on_the_headings_text_not_their_paragraphs():
    mh = generator()
    files = files_of(28, "linked_char_style")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(28, "linked_char_style", ladder="de_muc_roman")
    for e in files:
        document = word_document(e)
        assert document.styles[mh.LINKED_STYLE].element.find(f"{W}link").get(f"{W}val") == "Heading1"
        headings = [h["text"] for h in item_headings(e)]
        shown = [p for p in document.paragraphs if p.text.strip() in headings]
        assert [p.text.strip() for p in shown] == headings, e["file"]
        for p in shown:
            assert not p.style.name.startswith("Heading"), e["file"]  # the paragraph's style untouched
            assert p._p.find(f"{W}pPr/{W}outlineLvl") is None, e["file"]
            assert all(r.style.name == mh.LINKED_STYLE and r.bold is None for r in p.runs if r.text), e["file"]


def test_pool_28_each_headings_first_letter_is_a_framed_drop_cap():
    mh = generator()
    files = files_of(28, "drop_cap_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(28, "drop_cap_label", ladder="dingbat_circled")
    for e in [e for e in files if e["kind"] == "docx"]:
        paragraphs = body_paragraphs(e)
        caps_ = [p for p in paragraphs if p.find(f"{W}pPr/{W}framePr") is not None
                 and p.find(f"{W}pPr/{W}framePr").get(f"{W}dropCap") == "drop"]
        headings = item_headings(e)
        assert len(caps_) == len(headings), e["file"]
        for cap, heading in zip(caps_, headings, strict=True):
            frame = cap.find(f"{W}pPr/{W}framePr")
            assert frame.get(f"{W}lines") == str(mh.DROP_CAP["lines"]), e["file"]
            assert paragraph_text(cap) == heading["text"][0], e["file"]  # the letter alone
            rest = cap.getnext()
            assert rest.tag == f"{W}p" and paragraph_text(rest) == heading["text"][1:], e["file"]


def test_pool_28_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(28) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_28, *mh.FUNDING_WORDINGS_27}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "next_year_planned":  # next year's plan after it: no part of it
            planned = f"{e['funding']['planned_next_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng; dự kiến năm 2023 tiếp tục bố trí {planned} triệu đồng" in text
        if e["funding"]["wording"] == "settled_vs_requested":  # the settlement approved, the request beside it
            asked = f"{e['funding']['requested_vnd'] // 10**6:,}".replace(",", ".")
            assert f"quyết toán là {million} triệu đồng (giá trị" in text, e["file"]
            assert f"đề nghị quyết toán {asked} triệu đồng)" in text, e["file"]
            assert e["funding"]["requested_vnd"] > total, e["file"]
    assert {e["letterhead"] for e in entries_of(28)} == set(mh.LETTERHEADS_28)
    for e in entries_of(28):
        if e["letterhead"] == "month_in_words":  # "ngày 23 tháng Năm năm 2022": May in words
            day = int(e["report_date"][-2:])
            assert e["report_date"].startswith("2022-05-"), e["file"]
            assert e["letterhead_date"].endswith(f"ngày {day} tháng Năm năm 2022"), e["file"]
        if e["letterhead"] == "two_row_letterhead" and e["kind"] == "docx":  # names and motto, then number and date
            table = next(docx_blocks(e))
            assert len(table.rows) == 2, e["file"]
            (names, motto), (number, date) = (row.cells for row in table.rows)
            assert names.text.startswith("ỦY BAN NHÂN DÂN") and "Độc lập" in motto.text, e["file"]
            assert number.text == f"Số: {e['report_number']}" and date.text == e["letterhead_date"], e["file"]
    scans = files_of(28, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_28)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"tieu_muc_number", "doi_voi_noi_dung", "de_muc_roman"}
    for e in scans:
        if e["scan"]["kind"] == "wavy_warp":
            assert e["scan"]["wavy_warp"] == mh.WAVE and not e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 150, e["file"]
        else:
            assert e["scan"]["lid_lifted_blur"] == mh.LID and e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 200, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 29: "Công việc 1: …", "Lĩnh vực I. …", "Nhiệm vụ A. …", "Mục số 1: …"; each heading
# centred by Word's alignment tab (w:ptab), each heading's letters spaced out, each heading in
# a one-cell floating table, each heading in a table nested in a borderless one; pools 1-28's
# at a lower weight, pools 27 and 28's funding wordings and two new ones, two new letterheads,
# two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_29 = {"cong_viec_number", "linh_vuc_roman", "nhiem_vu_letter", "muc_so_number"}
LADDERS[29] = NEW_LADDERS_29 | {"tieu_muc_number", "doi_voi_noi_dung", "de_muc_roman", "dingbat_circled",  # 1-28's
                                "linh_vuc_number", "chuyen_de_roman", "khoan_number", "chi_tieu_number",
                                "noi_dung_letter", "hang_muc_number"}
NEW_LAYOUTS_29 = {"ptab_centred_heading", "char_spaced_heading", "floating_table_heading", "nested_table_heading"}
LAYOUTS[29] = NEW_LAYOUTS_29 | {"listnum_label", "tab_centred_heading", "linked_char_style", "drop_cap_label",  # 1-28's
                                "fld_simple_title", "repeating_section_items", "requirement_table",
                                "heading_after_break", "item_boxed_table", "two_up_pdf", "page_break_in_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_29 = {  # how each of pool 29's ladders marks an item heading, as a reader sees it
    "cong_viec_number": r"Công việc \d: \S",
    "linh_vuc_roman": r"Lĩnh vực [IVX]+\. \S",
    "nhiem_vu_letter": r"Nhiệm vụ [A-F]\. \S",
    "muc_so_number": r"Mục số \d: \S",
}


def test_pool_29_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_29:
        for e in [e for e in files_of(29, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_29_each_heading_is_centred_by_words_alignment_tab():
    files = files_of(29, "ptab_centred_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(29, "ptab_centred_heading", ladder="cong_viec_number")  # on a new ladder too
    for e in files:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            tabs = list(p.iter(f"{W}ptab"))
            assert [(t.get(f"{W}alignment"), t.get(f"{W}relativeTo")) for t in tabs] == [("center", "margin")]
            first_text = next(r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None)
            assert tabs[0].getparent().getnext() is first_text, e["file"]  # typed before the heading's first letter
            assert p.find(f"{W}pPr/{W}jc") is None, e["file"]  # the paragraph itself left-aligned
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_29_each_headings_letters_are_spaced_out():
    mh = generator()
    files = files_of(29, "char_spaced_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(29, "char_spaced_heading", ladder="linh_vuc_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        for p in heading_paragraphs(e):
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs and all(r.find(f"{W}rPr/{W}spacing").get(f"{W}val") == str(mh.CHAR_SPACING_TWIPS)
                                and r.find(f"{W}rPr/{W}b") is None for r in runs), e["file"]
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert re.search(r'fo:letter-spacing="0\.0\d+(?:in|cm)"', content), e["file"]  # the 2 pt kept


def test_pool_29_each_heading_is_in_a_one_cell_floating_table():
    mh = generator()
    files = files_of(29, "floating_table_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(29, "floating_table_heading", ladder="nhiem_vu_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            cell, row, table = p.getparent(), p.getparent().getparent(), p.getparent().getparent().getparent()
            assert (cell.tag, row.tag, table.tag) == (f"{W}tc", f"{W}tr", f"{W}tbl"), e["file"]
            assert table.getparent().tag == f"{W}body", e["file"]  # at the body's top level, not nested
            place = table.find(f"{W}tblPr/{W}tblpPr")
            assert {k.removeprefix(W): v for k, v in place.attrib.items()} == {
                k: str(v) for k, v in mh.FLOAT_TABLE.items()}, e["file"]
            assert len(table.findall(f"{W}tr")) == 1 and len(row.findall(f"{W}tc")) == 1, e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_29_each_heading_is_in_a_table_nested_in_a_borderless_one():
    files = files_of(29, "nested_table_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(29, "nested_table_heading", ladder="muc_so_number")
    for e in files:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            tables = [a for a in p.iterancestors(f"{W}tbl")]
            assert len(tables) == 2 and tables[1].getparent().tag == f"{W}body", e["file"]
            inner, outer = (t.find(f"{W}tblPr/{W}tblBorders/{W}top").get(f"{W}val") for t in tables)
            assert (inner, outer) == ("single", "nil"), e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_29_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(29) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_29, *mh.FUNDING_WORDINGS_28}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "savings_beside":  # the amount saved beside it: no part of it
            saved = f"{e['funding']['saved_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, tiết kiệm {saved} triệu đồng so với dự toán" in text, e["file"]
        if e["funding"]["wording"] == "carried_over":  # the rest carried over into next year: not spent
            carried = f"{e['funding']['carried_over_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng; số còn lại {carried} triệu đồng chuyển nguồn" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(29)} == set(mh.LETTERHEADS_29)
    for e in entries_of(29):
        if e["letterhead"] == "comma_before_year":  # "ngày 23 tháng 5, năm 2022": a comma before the year
            day = int(e["report_date"][-2:])
            assert e["letterhead_date"].endswith(f"ngày {day} tháng 5, năm 2022"), e["file"]
        if e["letterhead"] == "colon_spaced" and e["kind"] == "docx":  # "Số : 139/BC-UBND"
            assert f"Số : {e['report_number']}" in part_text(e), e["file"]
    scans = files_of(29, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_29)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"cong_viec_number", "linh_vuc_roman", "nhiem_vu_letter"}
    for e in scans:
        if e["scan"]["kind"] == "flash_glare":
            assert e["scan"]["flash_glare"] == mh.GLARE, e["file"]
            assert e["scan"]["colour"] and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["thermal_fade"] == mh.FADE and not e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 30: "Hoạt động 1: …", "Mảng I. …", "Tiết 1. …", "Ý 1. …"; each heading in a legacy VML
# text box, each heading's label framed in the left margin beside its title, each heading in
# Word's "Caption" style, each heading's label a paragraph whose mark is hidden; pools 1-29's
# at a lower weight, pools 28 and 29's funding wordings and two new ones, two new letterheads,
# two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_30 = {"hoat_dong_number", "mang_roman", "tiet_number", "y_number"}
LADDERS[30] = NEW_LADDERS_30 | {"cong_viec_number", "linh_vuc_roman", "muc_so_number",  # pools 1-29's
                                "tieu_muc_number", "de_muc_roman", "dingbat_circled", "khoan_number",
                                "chi_tieu_number", "hang_muc_number"}
NEW_LAYOUTS_30 = {"vml_textbox_heading", "label_margin_frame", "caption_style_heading", "label_hidden_mark"}
LAYOUTS[30] = NEW_LAYOUTS_30 | {"ptab_centred_heading", "char_spaced_heading", "floating_table_heading",  # 1-29's
                                "nested_table_heading", "listnum_label", "linked_char_style", "fld_simple_title",
                                "repeating_section_items", "requirement_table", "item_boxed_table", "two_up_pdf",
                                "page_break_in_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_30 = {  # how each of pool 30's ladders marks an item heading, as a reader sees it
    "hoat_dong_number": r"Hoạt động \d: \S",
    "mang_roman": r"Mảng [IVX]+\. \S",
    "tiet_number": r"Tiết \d\. \S",
    "y_number": r"Ý \d\. \S",
}


def label_paragraphs(entry: dict) -> list:
    """For each item heading, the w:p holding its label alone ("Mảng I."), the title's w:p after it."""
    paragraphs = body_paragraphs(entry)
    return [next(p for p in paragraphs if (label := paragraph_text(p)) and h["text"].startswith(label + " ")
                 and p.getnext() is not None and paragraph_text(p.getnext()) == h["text"][len(label) + 1:])
            for h in item_headings(entry)]


def test_pool_30_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_30:
        for e in [e for e in files_of(30, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_30_each_heading_is_in_a_legacy_vml_text_box():
    files = files_of(30, "vml_textbox_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(30, "vml_textbox_heading", ladder="hoat_dong_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        boxes = [b for b in tree.iter(f"{W}txbxContent")]
        assert len(boxes) == len(item_headings(e)), e["file"]
        for box, heading in zip(boxes, item_headings(e), strict=True):
            assert [a.tag.rsplit("}", 1)[1] for a in box.iterancestors()][:4] == ["textbox", "shape", "pict", "r"]
            assert not [a for a in box.iterancestors() if a.tag.endswith("}AlternateContent")], e["file"]  # VML alone
            assert [paragraph_text(p).strip() for p in box.iter(f"{W}p")] == [heading["text"]], e["file"]
            holder = next(a for a in box.iterancestors(f"{W}p"))
            assert own_text(holder) == "" and holder.getparent().tag == f"{W}body", e["file"]


def test_pool_30_each_headings_label_is_framed_in_the_left_margin_beside_its_title():
    mh = generator()
    files = files_of(30, "label_margin_frame")
    assert len(files) >= 3 and {"docx", "pdf"} <= {e["kind"] for e in files}
    assert files_of(30, "label_margin_frame", ladder="mang_roman")
    frame = dict(re.findall(r'w:(\w+)="([^"]*)"', mh.MARGIN_FRAME))
    for e in [e for e in files if e["kind"] == "docx"]:
        for p in label_paragraphs(e):  # the label a paragraph of its own, the title's after it
            place = p.find(f"{W}pPr/{W}framePr")
            assert {k.removeprefix(W): v for k, v in place.attrib.items()} == frame, e["file"]
            assert p.getnext().find(f"{W}pPr/{W}framePr") is None, e["file"]  # the title in the body


def test_pool_30_each_heading_is_in_words_caption_style_and_not_bold():
    files = files_of(30, "caption_style_heading")
    assert len(files) >= 3 and {"docx", "pdf", "odt"} <= {e["kind"] for e in files}
    assert files_of(30, "caption_style_heading", ladder="tiet_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        style = word_document(e).styles["Caption"]
        assert style.font.bold and style.base_style.name == "Normal", e["file"]
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Caption", e["file"]
            assert not [r for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None], e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_30_each_headings_label_is_a_paragraph_whose_mark_is_hidden():
    files = files_of(30, "label_hidden_mark")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(30, "label_hidden_mark", ladder="y_number")
    for e in files:
        for p in label_paragraphs(e):  # the label a paragraph of its own, the title's after it
            assert p.find(f"{W}pPr/{W}rPr/{W}vanish") is not None, e["file"]  # Word runs it into the next
            assert not [r for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}vanish") is not None]  # its text shown
            assert p.getnext().find(f"{W}pPr/{W}rPr/{W}vanish") is None, e["file"]


def test_pool_30_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(30) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_30, *mh.FUNDING_WORDINGS_29}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "per_resident_beside":  # the spending per resident: in đồng, not the total
            per_head = f"{e['funding']['per_resident_vnd']:,}".replace(",", ".")
            assert f"là {million} triệu đồng, bình quân khoảng {per_head} đồng/người dân" in text, e["file"]
        if e["funding"]["wording"] == "largest_district_beside":  # a part of the total, not the total
            assert e["funding"]["largest_district_vnd"] < total, e["file"]
            largest = f"{e['funding']['largest_district_vnd'] // 10**6:,}".replace(",", ".")
            assert (f"là {million} triệu đồng, trong đó địa phương được phân bổ nhiều nhất là {largest} triệu đồng"
                    in text), e["file"]
    assert {e["letterhead"] for e in entries_of(30)} == set(mh.LETTERHEADS_30)
    for e in entries_of(30):
        day = int(e["report_date"][-2:])
        if e["letterhead"] == "caps_date_line":  # "TÂY NINH, NGÀY 23 THÁNG 5 NĂM 2022"
            assert e["letterhead_date"].endswith(f"NGÀY {day} THÁNG 5 NĂM 2022"), e["file"]
            assert e["letterhead_date"] == e["letterhead_date"].upper(), e["file"]
        if e["letterhead"] == "date_without_place":  # "ngày 23 tháng 5 năm 2022": no place before it
            assert e["letterhead_date"] == f"ngày {day} tháng 5 năm 2022", e["file"]
    scans = files_of(30, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_30)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"hoat_dong_number", "mang_roman", "tiet_number"}
    for e in scans:
        if e["scan"]["kind"] == "motion_blur":
            assert e["scan"]["motion_blur"] == mh.SHAKE, e["file"]
            assert e["scan"]["colour"] and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["shadow_band"] == mh.BAND and not e["scan"]["colour"], e["file"]
            assert e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 31: "Hợp phần 1: …", "Chủ đề I. …", "Đầu mục 1. …", "Nhóm nội dung 1: …"; each heading's
# runs cut by a Word "_Hlk" bookmark, each heading split off the paragraph before it with Track
# Changes on, each heading a picture of its words, each heading in a text box on a Word drawing
# canvas; pools 1-30's at a lower weight, pools 29 and 30's funding wordings and two new ones,
# two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_31 = {"hop_phan_number", "chu_de_roman", "dau_muc_number", "nhom_noi_dung_number"}
LADDERS[31] = NEW_LADDERS_31 | {"hoat_dong_number", "mang_roman", "tiet_number",  # pools 1-30's
                                "cong_viec_number", "muc_so_number", "nhiem_vu_letter", "khoan_number",
                                "chi_tieu_number", "hang_muc_number"}
NEW_LAYOUTS_31 = {"hlk_bookmark_split", "tracked_paragraph_split", "heading_as_picture", "canvas_heading"}
LAYOUTS[31] = NEW_LAYOUTS_31 | {"vml_textbox_heading", "label_margin_frame", "caption_style_heading",  # 1-30's
                                "label_hidden_mark", "ptab_centred_heading", "nested_table_heading",
                                "fld_simple_title", "repeating_section_items", "requirement_table",
                                "item_boxed_table", "two_up_pdf", "page_break_in_heading", "extra_heading_between",
                                "merged_5_6", "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_31 = {  # how each of pool 31's ladders marks an item heading, as a reader sees it
    "hop_phan_number": r"Hợp phần \d: \S",
    "chu_de_roman": r"Chủ đề [IVX]+\. \S",
    "dau_muc_number": r"Đầu mục \d\. \S",
    "nhom_noi_dung_number": r"Nhóm nội dung \d: \S",
}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WPC = "{http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas}"
VML = "{urn:schemas-microsoft-com:vml}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def test_pool_31_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_31:
        for e in [e for e in files_of(31, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_31_each_headings_runs_are_cut_by_a_word_hlk_bookmark():
    files = files_of(31, "hlk_bookmark_split")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(31, "hlk_bookmark_split", ladder="hop_phan_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]
            kids = [k.tag.removeprefix(W) for k in p if k.tag != f"{W}pPr"]
            assert kids == ["r", "bookmarkStart", "r", "bookmarkEnd", "r"], e["file"]
            start = p.find(f"{W}bookmarkStart")
            assert re.fullmatch(r"_Hlk\d{9}", start.get(f"{W}name")), e["file"]
            assert p.find(f"{W}bookmarkEnd").get(f"{W}id") == start.get(f"{W}id"), e["file"]
            first = "".join(t.text for t in start.getprevious().iter(f"{W}t"))
            assert first == heading["text"].split(" ")[0], e["file"]  # after the label's first word


def test_pool_31_each_heading_is_split_off_the_paragraph_before_with_track_changes_on():
    mh = generator()
    files = files_of(31, "tracked_paragraph_split")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(31, "tracked_paragraph_split", ladder="chu_de_roman")
    for e in files:
        for p in heading_paragraphs(e):
            before = next(k for k in p.itersiblings(preceding=True) if k.tag == f"{W}p")  # past a table
            inserted = before.find(f"{W}pPr/{W}rPr/{W}ins")  # the mark between them a tracked insertion
            assert inserted is not None and inserted.get(f"{W}author") == mh.TRACK_AUTHOR[0], e["file"]
            assert not list(p.iter(f"{W}ins")) and not list(p.iter(f"{W}del")), e["file"]  # its words typed


def test_pool_31_each_heading_is_a_picture_of_its_words():
    files = files_of(31, "heading_as_picture")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(31, "heading_as_picture", ladder="dau_muc_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        pictures = [d for d in tree.iter(f"{WP}docPr") if d.get("descr")]
        assert [d.get("descr") for d in pictures] == [h["text"] for h in item_headings(e)], e["file"]
        for picture in pictures:
            holder = next(picture.iterancestors(f"{W}p"))
            assert own_text(holder) == "" and holder.getparent().tag == f"{W}body", e["file"]
        texts = [paragraph_text(p) for p in tree.iter(f"{W}p")]
        assert not [h for h in item_headings(e) if h["text"] in texts], e["file"]  # no heading as text
    with zipfile.ZipFile(path_of(files[0])) as z:
        assert [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")], files[0]["file"]


def test_pool_31_each_heading_is_in_a_text_box_on_a_word_drawing_canvas():
    files = files_of(31, "canvas_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "odt"}
    assert files_of(31, "canvas_heading", ladder="nhom_noi_dung_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        canvases = list(tree.iter(f"{MC}AlternateContent"))
        assert len(canvases) == len(item_headings(e)), e["file"]
        for canvas, heading in zip(canvases, item_headings(e), strict=True):
            choice, fallback = canvas.find(f"{MC}Choice"), canvas.find(f"{MC}Fallback")
            assert choice.get("Requires") == "wpc" and choice.find(f".//{WPC}wpc") is not None, e["file"]
            assert fallback.find(f".//{VML}group").get("editas") == "canvas", e["file"]
            for side in (choice, fallback):
                box = next(side.iter(f"{W}txbxContent"))
                assert [paragraph_text(p) for p in box.iter(f"{W}p")] == [heading["text"]], e["file"]
            holder = next(canvas.iterancestors(f"{W}p"))
            assert own_text(holder) == "" and holder.getparent().tag == f"{W}body", e["file"]
    for e in [e for e in files if e["kind"] == "odt"]:  # LibreOffice kept the boxes' words
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].replace("&", "&amp;") in content for h in item_headings(e)), e["file"]


def test_pool_31_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(31) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_31, *mh.FUNDING_WORDINGS_30}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "per_project_average":  # the average per project: not the total
            average = f"{e['funding']['per_project_vnd'] // 10**6:,}".replace(",", ".")
            assert e["funding"]["per_project_vnd"] < total, e["file"]
            assert (f"là {million} triệu đồng cho {e['funding']['projects']} dự án, bình quân {average} "
                    f"triệu đồng/dự án") in text, e["file"]
        if e["funding"]["wording"] == "owed_for_work_done":  # still owed for work done: a part of the total
            assert e["funding"]["owed_vnd"] < total, e["file"]
            owed = f"{e['funding']['owed_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, trong đó còn nợ khối lượng hoàn thành {owed} triệu đồng" in text
    assert {e["letterhead"] for e in entries_of(31)} == set(mh.LETTERHEADS_31)
    for e in [e for e in entries_of(31) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "hyphen_spaced":  # "Số: 139/BC - UBND", read "139/BC-UBND"
            assert number.endswith("/BC-UBND") and f"Số: {number.replace('-', ' - ')}" in part_text(e), e["file"]
        if e["letterhead"] == "number_without_so":  # "139/BC-UBND" alone under the committee's name
            assert f">{number}<" in part_text(e) and f"Số: {number}" not in part_text(e), e["file"]
    scans = files_of(31, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_31)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"hop_phan_number", "chu_de_roman", "dau_muc_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "ink_spread":
            assert e["scan"]["ink_spread"] == mh.SPREAD and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["fax_lost_lines"] == mh.LOST and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 32: "Trả lời mục 1: …", "Nội dung yêu cầu 1. …", "Nhóm vấn đề I: …", "Phần việc 1. …";
# each heading the display text of a MACROBUTTON field, each item the cached result of an
# INCLUDETEXT field, each heading a classic WordArt, each heading's label and title in two
# grouped shapes; pools 1-31's at a lower weight, pools 30 and 31's funding wordings and two new
# ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_32 = {"tra_loi_muc_number", "noi_dung_yeu_cau_number", "nhom_van_de_roman", "phan_viec_number"}
LADDERS[32] = NEW_LADDERS_32 | {"hop_phan_number", "chu_de_roman", "dau_muc_number",  # pools 1-31's
                                "hoat_dong_number", "tiet_number", "khoan_number", "chi_tieu_number",
                                "hang_muc_number"}
NEW_LAYOUTS_32 = {"macrobutton_heading", "includetext_item", "wordart_heading", "grouped_shape_heading"}
LAYOUTS[32] = NEW_LAYOUTS_32 | {"hlk_bookmark_split", "tracked_paragraph_split", "heading_as_picture",  # 1-31's
                                "canvas_heading", "vml_textbox_heading", "label_margin_frame", "label_hidden_mark",
                                "fld_simple_title", "repeating_section_items", "requirement_table",
                                "item_boxed_table", "two_up_pdf", "page_break_in_heading", "extra_heading_between",
                                "merged_5_6", "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_32 = {  # how each of pool 32's ladders marks an item heading, as a reader sees it
    "tra_loi_muc_number": r"Trả lời mục \d: \S",
    "noi_dung_yeu_cau_number": r"Nội dung yêu cầu \d\. \S",
    "nhom_van_de_roman": r"Nhóm vấn đề [IVX]+: \S",
    "phan_viec_number": r"Phần việc \d\. \S",
}
WPG = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def field_codes(p) -> list[str]:
    """The codes (w:instrText, joined) of the complex fields begun in a w:p."""
    codes, code = [], None
    for node in p.iter(f"{W}fldChar", f"{W}instrText"):
        if node.tag == f"{W}fldChar" and node.get(f"{W}fldCharType") == "begin":
            code = ""
        elif node.tag == f"{W}instrText" and code is not None:
            code += node.text or ""
        elif node.tag == f"{W}fldChar" and code is not None:
            codes.append(code)
            code = None
    return codes


def test_pool_32_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_32:
        for e in [e for e in files_of(32, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_32_each_heading_is_the_display_text_of_a_macrobutton_field():
    mh = generator()
    files = files_of(32, "macrobutton_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(32, "macrobutton_heading", ladder="tra_loi_muc_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any("MACROBUTTON" in c for c in field_codes(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert field_codes(p) == [f" MACROBUTTON  {mh.MACRO} {heading['text']} "], e["file"]
            assert paragraph_text(p) == "" and p.find(f".//{W}fldChar[@{W}fldCharType='separate']") is None
        texts = [paragraph_text(p) for p in tree.iter(f"{W}p")]
        assert not [h for h in item_headings(e) if h["text"] in texts], e["file"]  # no heading as text
    for e in [e for e in files if e["kind"] == "pdf"]:  # LibreOffice draws the prompt's words
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_32_each_item_is_the_cached_result_of_an_includetext_field():
    files = files_of(32, "includetext_item")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(32, "includetext_item", ladder="noi_dung_yeu_cau_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        body = part_tree(e).find(f"{W}body")
        paragraphs = [p for p in body if p.tag == f"{W}p"]
        begins = [p for p in paragraphs if any("INCLUDETEXT" in c for c in field_codes(p))]
        assert len(begins) == len(item_headings(e)), e["file"]  # one field an item, begun in its heading
        for n, (p, heading) in enumerate(zip(begins, item_headings(e), strict=True), 1):
            assert re.fullmatch(r' INCLUDETEXT  "D:\\\\BaoCao\\\\DTTM 2022\\\\Muc \d\.docx" \\\* MERGEFORMAT ',
                                field_codes(p)[0]), e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the result: the heading as written
            ends = [k for k in p.itersiblings() if k.tag == f"{W}p"
                    and k.find(f"{W}r/{W}fldChar[@{W}fldCharType='end']") is not None]
            later = begins[n] if n < len(begins) else None
            assert ends and (later is None or body.index(ends[0]) < body.index(later)), e["file"]
        marks = [m.get(f"{W}fldCharType") for m in body.iter(f"{W}fldChar")]
        assert marks.count("begin") == marks.count("end"), e["file"]


def test_pool_32_each_heading_is_a_classic_wordart():
    mh = generator()
    files = files_of(32, "wordart_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(32, "wordart_heading", ladder="nhom_van_de_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        arts = [s for s in tree.iter(f"{VML}shape") if s.get("type") == "#_x0000_t136"]
        assert [s.find(f"{VML}textpath").get("string") for s in arts] == [h["text"] for h in item_headings(e)]
        for art in arts:
            holder = next(art.iterancestors(f"{W}p"))
            assert paragraph_text(holder) == "" and holder.getparent().tag == f"{W}body", e["file"]
            assert mh.WORDART["font"] in art.find(f"{VML}textpath").get("style"), e["file"]
        texts = [paragraph_text(p) for p in tree.iter(f"{W}p")]
        assert not [h for h in item_headings(e) if h["text"] in texts], e["file"]  # no heading as text
    for e in [e for e in files if e["kind"] == "odt"]:  # LibreOffice's Fontwork keeps the WordArt's words
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].replace("&", "&amp;") in content for h in item_headings(e)), e["file"]


def test_pool_32_each_headings_label_and_title_are_two_grouped_shapes():
    files = files_of(32, "grouped_shape_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(32, "grouped_shape_heading", ladder="phan_viec_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        groups = list(tree.iter(f"{MC}AlternateContent"))
        assert len(groups) == len(item_headings(e)), e["file"]
        for group, heading in zip(groups, item_headings(e), strict=True):
            choice, fallback = group.find(f"{MC}Choice"), group.find(f"{MC}Fallback")
            assert choice.get("Requires") == "wpg" and choice.find(f".//{WPG}wgp") is not None, e["file"]
            shapes = choice.findall(f".//{WPG}wgp/{WPS}wsp")
            assert [s.find(f".//{A}prstGeom").get("prst") for s in shapes] == ["roundRect", "rect"], e["file"]
            for side in (choice, fallback):
                words = [paragraph_text(p) for box in side.iter(f"{W}txbxContent") for p in box.iter(f"{W}p")]
                assert len(words) == 2 and " ".join(words) == heading["text"], e["file"]
                assert LABEL.match(words[0] + " "), e["file"]  # the label alone in the first shape
            assert fallback.find(f".//{VML}group") is not None, e["file"]
            holder = next(group.iterancestors(f"{W}p"))
            assert own_text(holder) == "" and holder.getparent().tag == f"{W}body", e["file"]


def test_pool_32_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(32) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_32, *mh.FUNDING_WORDINGS_31}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "decision_cited":  # the decision's number and date first: not the total
            assert (f"Theo Quyết định số {e['funding']['decision']} ngày {e['funding']['decision_date']} "
                    in text), e["file"]
            assert f"tổng kinh phí bố trí cho Đề án là {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "vat_included":  # the tax it includes: a part of the total
            assert e["funding"]["vat_vnd"] < total, e["file"]
            vat = f"{e['funding']['vat_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng (đã bao gồm thuế giá trị gia tăng {vat} triệu đồng)" in text
    assert {e["letterhead"] for e in entries_of(32)} == set(mh.LETTERHEADS_32)
    for e in [e for e in entries_of(32) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "date_without_ngay":  # "Tây Ninh, 23 tháng 5 năm 2022", read 2022-05-23
            day = int(date[8:])
            assert f", {day} tháng 5 năm 2022<" in part_text(e) and f"ngày {day} tháng 5" not in part_text(e), e["file"]
        if e["letterhead"] == "number_full_stop":  # "Số: 139/BC-UBND.", read "139/BC-UBND"
            assert number.endswith("/BC-UBND") and f">Số: {number}.<" in part_text(e), e["file"]
    scans = files_of(32, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_32)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"tra_loi_muc_number", "noi_dung_yeu_cau_number", "nhom_van_de_roman"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "lens_barrel":
            assert e["scan"]["lens_barrel"] == mh.BARREL and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["low_light_grain"] == mh.GRAIN and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 33: "Khoản mục 1. …", "Nhóm nhiệm vụ 1: …", "Nhóm công việc A. …", "Phần mục I: …"; each
# heading the cached result of a FILLIN field, of a DOCVARIABLE field (its words in the document's
# variables too), its runs in an inline custom XML element, the cached result of a QUOTE field;
# pools 1-32's at a lower weight, pools 31 and 32's funding wordings and two new ones, two new
# letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_33 = {"khoan_muc_number", "nhom_nhiem_vu_number", "nhom_cong_viec_letter", "phan_muc_roman"}
LADDERS[33] = NEW_LADDERS_33 | {"tra_loi_muc_number", "nhom_van_de_roman", "phan_viec_number",  # pools 1-32's
                                "hop_phan_number", "dau_muc_number", "hoat_dong_number", "chu_de_roman",
                                "hang_muc_number"}
NEW_LAYOUTS_33 = {"fillin_heading", "docvariable_heading", "custom_xml_run_heading", "quote_field_heading"}
LAYOUTS[33] = NEW_LAYOUTS_33 | {"macrobutton_heading", "includetext_item", "wordart_heading",  # pools 1-32's
                                "grouped_shape_heading", "hlk_bookmark_split", "tracked_paragraph_split",
                                "canvas_heading", "vml_textbox_heading", "label_margin_frame", "label_hidden_mark",
                                "fld_simple_title", "two_up_pdf", "page_break_in_heading", "extra_heading_between",
                                "merged_5_6", "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_33 = {  # how each of pool 33's ladders marks an item heading, as a reader sees it
    "khoan_muc_number": r"Khoản mục \d\. \S",
    "nhom_nhiem_vu_number": r"Nhóm nhiệm vụ \d: \S",
    "nhom_cong_viec_letter": r"Nhóm công việc [A-F]\. \S",
    "phan_muc_roman": r"Phần mục [IVX]+: \S",
}


def field_results(p) -> list[tuple[str, str]]:
    """The code and the cached result (the w:t between separate and end) of each complex field
    begun in a w:p, in order."""
    fields, code, result, state = [], "", "", None
    for node in p.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        kind = node.get(f"{W}fldCharType") if node.tag == f"{W}fldChar" else None
        if kind == "begin":
            code, result, state = "", "", "code"
        elif kind == "separate":
            state = "result"
        elif kind == "end" and state:
            fields.append((code, result))
            state = None
        elif node.tag == f"{W}instrText" and state == "code":
            code += node.text or ""
        elif node.tag == f"{W}t" and state == "result":
            result += node.text or ""
    return fields


def test_pool_33_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_33:
        for e in [e for e in files_of(33, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def headings_in_fields(e: dict, name: str) -> list:
    """The paragraphs holding a field whose code names `name`, each checked against its heading."""
    tree = part_tree(e)
    holders = [p for p in tree.iter(f"{W}p") if any(name in code for code, _ in field_results(p))]
    assert len(holders) == len(item_headings(e)), e["file"]
    for p, heading in zip(holders, item_headings(e), strict=True):
        assert [result for _, result in field_results(p)] == [heading["text"]], e["file"]
        assert paragraph_text(p) == heading["text"], e["file"]  # the field's result is all the paragraph shows
    return holders


def test_pool_33_each_heading_is_the_cached_result_of_a_fillin_field():
    mh = generator()
    files = files_of(33, "fillin_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(33, "fillin_heading", ladder="khoan_muc_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        for n, p in enumerate(headings_in_fields(e, "FILLIN"), 1):
            code = field_results(p)[0][0]
            assert code == f' FILLIN  "{mh.FILLIN_PROMPT.format(n=n)}" \\* MERGEFORMAT ', e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:  # LibreOffice draws the field's result
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_33_each_heading_is_the_cached_result_of_a_docvariable_field():
    mh = generator()
    files = files_of(33, "docvariable_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(33, "docvariable_heading", ladder="nhom_nhiem_vu_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        holders = headings_in_fields(e, "DOCVARIABLE")
        settings = part_tree(e, "word/settings.xml")
        variables = {v.get(f"{W}name"): v.get(f"{W}val") for v in settings.iter(f"{W}docVar")}
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            name = mh.DOCVAR_NAME.format(n=n)
            assert field_results(p)[0][0] == f" DOCVARIABLE  {name} \\* MERGEFORMAT ", e["file"]
            assert variables[name] == heading["text"], e["file"]  # the variable holds the words too
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_33_each_headings_runs_are_in_an_inline_custom_xml_element():
    mh = generator()
    files = files_of(33, "custom_xml_run_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(33, "custom_xml_run_heading", ladder="nhom_cong_viec_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        wrappers = [c for c in tree.iter(f"{W}customXml") if c.getparent().tag == f"{W}p"]
        assert len(wrappers) == len(item_headings(e)), e["file"]
        for n, (c, heading) in enumerate(zip(wrappers, item_headings(e), strict=True), 1):
            assert c.get(f"{W}element") == mh.CUSTOM_RUN["element"] and c.get(f"{W}uri") == mh.CUSTOM_RUN["uri"]
            assert c.find(f"{W}customXmlPr/{W}attr").get(f"{W}val") == str(n), e["file"]
            assert "".join(t.text or "" for t in c.iter(f"{W}t")) == heading["text"], e["file"]
            assert c.getparent().find(f"{W}r") is None, e["file"]  # every run of the heading inside it
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]


def test_pool_33_each_heading_is_the_cached_result_of_a_quote_field():
    files = files_of(33, "quote_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(33, "quote_field_heading", ladder="phan_muc_roman")
    for e in files:
        for p in headings_in_fields(e, "QUOTE"):
            code, result = field_results(p)[0]
            assert code == f' QUOTE  "{result}" ', e["file"]


def test_pool_33_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(33) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_33, *mh.FUNDING_WORDINGS_32}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "contracts_signed":  # the contracts' value and their count
            assert "Tổng giá trị các hợp đồng đã ký kết" in text, e["file"]
            assert f"là {million} triệu đồng, gồm {e['funding']['contracts']} hợp đồng." in text, e["file"]
        if e["funding"]["wording"] == "firms_own_capital":  # the firms' own money: a part of the total
            assert e["funding"]["firms_vnd"] < total, e["file"]
            own = f"{e['funding']['firms_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, trong đó doanh nghiệp tự bỏ vốn {own} triệu đồng." in text
    assert {e["letterhead"] for e in entries_of(33)} == set(mh.LETTERHEADS_33)
    for e in [e for e in entries_of(33) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "date_full_stop":  # "Tây Ninh, ngày 23 tháng 5 năm 2022.", read 2022-05-23
            assert f"ngày {int(date[8:])} tháng 5 năm 2022.<" in part_text(e), e["file"]
        if e["letterhead"] == "short_agency_code":  # "Số: 139/BC-UB", read "139/BC-UB"
            assert number.endswith("/BC-UB") and f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(33, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_33)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"khoan_muc_number", "nhom_nhiem_vu_number", "nhom_cong_viec_letter"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "focus_falloff":
            assert e["scan"]["focus_falloff"] == mh.FOCUS and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["posterized_grey"] == mh.POSTER and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 34: "Chuyên mục 1. …", "Nhóm chỉ tiêu 1: …", "Nhóm tiêu chí I. …", "Phần nội dung A: …";
# each heading a SET field then a REF field's cached result, the cached result of an IF field over
# a nested MERGEFIELD, the cached result of an AUTOTEXT field, in a content control bound to a
# custom XML data part; pools 1-33's at a lower weight, pools 32 and 33's funding wordings and two
# new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_34 = {"chuyen_muc_number", "nhom_chi_tieu_number", "nhom_tieu_chi_roman", "phan_noi_dung_letter"}
LADDERS[34] = NEW_LADDERS_34 | {"khoan_muc_number", "nhom_cong_viec_letter", "phan_muc_roman",  # pools 1-33's
                                "tra_loi_muc_number", "phan_viec_number", "hop_phan_number", "nhom_van_de_roman",
                                "hang_muc_number"}
NEW_LAYOUTS_34 = {"set_ref_heading", "if_field_heading", "autotext_heading", "bound_control_heading"}
LAYOUTS[34] = NEW_LAYOUTS_34 | {"fillin_heading", "docvariable_heading", "custom_xml_run_heading",  # pools 1-33's
                                "quote_field_heading", "macrobutton_heading", "includetext_item",
                                "grouped_shape_heading", "hlk_bookmark_split", "tracked_paragraph_split",
                                "canvas_heading", "vml_textbox_heading", "wordart_heading", "page_break_in_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_34 = {  # how each of pool 34's ladders marks an item heading, as a reader sees it
    "chuyen_muc_number": r"Chuyên mục \d\. \S",
    "nhom_chi_tieu_number": r"Nhóm chỉ tiêu \d: \S",
    "nhom_tieu_chi_roman": r"Nhóm tiêu chí [IVX]+\. \S",
    "phan_noi_dung_letter": r"Phần nội dung [A-F]: \S",
}


def test_pool_34_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_34:
        for e in [e for e in files_of(34, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def outer_fields(p) -> list[tuple[str, str]]:
    """The code (nested fields' results left out) and the cached result of each outermost complex
    field begun in a w:p, in order."""
    fields, code, result, depth, state = [], "", "", 0, None
    for node in p.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        kind = node.get(f"{W}fldCharType") if node.tag == f"{W}fldChar" else None
        if kind == "begin":
            depth += 1
            if depth == 1:
                code, result, state = "", "", "code"
        elif kind == "separate" and depth == 1:
            state = "result"
        elif kind == "end":
            depth -= 1
            if depth == 0:
                fields.append((code, result))
                state = None
        elif node.tag == f"{W}instrText" and state == "code" and depth == 1:
            code += node.text or ""
        elif node.tag == f"{W}t" and state == "result" and depth == 1:
            result += node.text or ""
    return fields


def test_pool_34_each_heading_is_a_set_field_then_a_ref_fields_result():
    mh = generator()
    files = files_of(34, "set_ref_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(34, "set_ref_heading", ladder="chuyen_muc_number")  # on a new ladder too
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(" SET " in code for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            name = mh.SET_NAME.format(n=n)
            (set_code, set_result), (ref_code, ref_result) = outer_fields(p)
            assert set_code == f' SET  {name} "{heading["text"]}" ' and set_result == "", e["file"]
            assert ref_code == f" REF  {name} \\* MERGEFORMAT " and ref_result == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:  # LibreOffice draws the REF field's result, once
        text = " ".join(pdf_text(e).split())
        assert all(text.count(h["text"].split(" ", 1)[1]) == 1 for h in item_headings(e)), e["file"]


def test_pool_34_each_heading_is_the_cached_result_of_an_if_field_over_a_mergefield():
    mh = generator()
    files = files_of(34, "if_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(34, "if_field_heading", ladder="nhom_chi_tieu_number")
    value, field = mh.IF_MERGE["value"], mh.IF_MERGE["field"]
    for e in files:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(code.startswith(" IF ") for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            [(code, result)] = outer_fields(p)
            assert code == f' IF  = "{value}" "{heading["text"]}" "" ' and result == heading["text"], e["file"]
            nested = [t.text for t in p.iter(f"{W}instrText")]
            assert f" MERGEFIELD  {field} " in nested, e["file"]  # the condition a merge field inside it


def test_pool_34_each_heading_is_the_cached_result_of_an_autotext_field():
    mh = generator()
    files = files_of(34, "autotext_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(34, "autotext_heading", ladder="nhom_tieu_chi_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        for n, p in enumerate(headings_in_fields(e, "AUTOTEXT"), 1):
            code = field_results(p)[0][0]
            assert code == f" AUTOTEXT  {mh.AUTOTEXT_NAME.format(n=n)} \\* MERGEFORMAT ", e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_34_each_heading_is_in_a_content_control_bound_to_a_custom_xml_part():
    from lxml import etree

    mh = generator()
    files = files_of(34, "bound_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(34, "bound_control_heading", ladder="phan_noi_dung_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        controls = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}dataBinding") is not None]
        assert len(controls) == len(item_headings(e)), e["file"]
        ns = "{" + mh.BOUND["uri"] + "}"
        with zipfile.ZipFile(path_of(e)) as z:  # the template's own part (its sources) is item1
            items = [n for n in z.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)
                     and etree.fromstring(z.read(n)).tag == f"{ns}{mh.BOUND['root']}"]
            assert len(items) == 1, e["file"]
            data = etree.fromstring(z.read(items[0]))
            props = etree.fromstring(z.read(items[0].replace("item", "itemProps")))
        stored = [node.text for node in data.iter(f"{ns}{mh.BOUND['item']}")]
        guid = props.get("{http://schemas.openxmlformats.org/officeDocument/2006/customXml}itemID")
        for k, (s, heading) in enumerate(zip(controls, item_headings(e), strict=True), 1):
            binding = s.find(f"{W}sdtPr/{W}dataBinding")
            assert binding.get(f"{W}storeItemID") == guid, e["file"]
            assert binding.get(f"{W}xpath").endswith(f"/ns0:{mh.BOUND['item']}[{k}]"), e["file"]
            assert s.getparent().tag == f"{W}p", e["file"]  # inline, within the heading's paragraph
            shown = "".join(t.text or "" for t in s.find(f"{W}sdtContent").iter(f"{W}t"))
            assert shown == heading["text"] == stored[k - 1], e["file"]  # the part holds the words too
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_34_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(34) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_34, *mh.FUNDING_WORDINGS_33}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "service_rental_term":  # a year's cost times the years: the total
            years, per_year = e["funding"]["years"], e["funding"]["per_year_vnd"]
            assert per_year * years == total, e["file"]
            year = f"{per_year // 10**6:,}".replace(",", ".")
            assert f"{year} triệu đồng/năm, thời gian thuê {years} năm; tổng kinh phí thuê dịch vụ là " \
                   f"{million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "in_kind_not_counted":  # support in kind: beside the total, not in it
            in_kind = f"{e['funding']['in_kind_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng. Ngoài ra," in text, e["file"]
            assert f"trị giá khoảng {in_kind} triệu đồng (không tính vào tổng kinh phí nêu trên)." in text
    assert {e["letterhead"] for e in entries_of(34)} == set(mh.LETTERHEADS_34)
    for e in [e for e in entries_of(34) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "month_slash_year":  # "Tây Ninh, ngày 23 tháng 5/2022", read 2022-05-23
            assert f"ngày {int(date[8:])} tháng 5/2022<" in part_text(e), e["file"]
        if e["letterhead"] == "bc_slash_ubnd":  # "Số: 139/BC/UBND", read "139/BC/UBND"
            assert number.endswith("/BC/UBND") and f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(34, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_34)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"chuyen_muc_number", "nhom_chi_tieu_number", "nhom_tieu_chi_roman"}
    for e in scans:
        if e["scan"]["kind"] == "plastic_sleeve":
            assert e["scan"]["plastic_sleeve"] == mh.SLEEVE and e["scan"]["dpi"] == 200, e["file"]
            assert not e["scan"]["colour"], e["file"]
        else:
            assert e["scan"]["tungsten_cast"] == mh.TUNGSTEN and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["colour"], e["file"]


# ---------------------------------------------------------------------------------------
# Pool 35: "Mặt công tác 1: …", "Mục báo cáo 1. …", "Nhóm lĩnh vực I: …", "Phần thông tin A. …";
# each heading the chosen entry of a drop-down list content control, its paragraph in a group
# content control, the result of a legacy text form field, its paragraph in a Quick Parts content
# control; pools 1-34's at a lower weight, pools 33 and 34's funding wordings and two new ones, two
# new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_35 = {"mat_cong_tac_number", "muc_bao_cao_number", "nhom_linh_vuc_roman", "phan_thong_tin_letter"}
LADDERS[35] = NEW_LADDERS_35 | {"chuyen_muc_number", "nhom_chi_tieu_number", "phan_noi_dung_letter",  # pools 1-34's
                                "khoan_muc_number", "phan_muc_roman", "nhom_cong_viec_letter", "tra_loi_muc_number",
                                "hang_muc_number"}
NEW_LAYOUTS_35 = {"dropdown_control_heading", "group_control_heading", "formtext_heading", "docpart_heading"}
LAYOUTS[35] = NEW_LAYOUTS_35 | {"set_ref_heading", "if_field_heading", "autotext_heading",  # pools 1-34's
                                "bound_control_heading", "fillin_heading", "docvariable_heading",
                                "quote_field_heading", "macrobutton_heading", "includetext_item",
                                "grouped_shape_heading", "hlk_bookmark_split", "custom_xml_run_heading",
                                "wordart_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_35 = {  # how each of pool 35's ladders marks an item heading, as a reader sees it
    "mat_cong_tac_number": r"Mặt công tác \d: \S",
    "muc_bao_cao_number": r"Mục báo cáo \d\. \S",
    "nhom_linh_vuc_roman": r"Nhóm lĩnh vực [IVX]+: \S",
    "phan_thong_tin_letter": r"Phần thông tin [A-F]\. \S",
}


def test_pool_35_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_35:
        for e in [e for e in files_of(35, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def sdt_text(s) -> str:
    return "".join(t.text or "" for t in s.find(f"{W}sdtContent").iter(f"{W}t"))


def test_pool_35_each_heading_is_the_chosen_entry_of_a_drop_down_list_control():
    mh = generator()
    files = files_of(35, "dropdown_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(35, "dropdown_control_heading", ladder="mat_cong_tac_number")  # on a new ladder too
    for e in files:
        tree = part_tree(e)
        controls = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}dropDownList") is not None]
        assert len(controls) == len(item_headings(e)), e["file"]
        for n, (s, heading) in enumerate(zip(controls, item_headings(e), strict=True), 1):
            assert s.getparent().tag == f"{W}p", e["file"]  # inline, within the heading's paragraph
            assert sdt_text(s) == heading["text"], e["file"]
            listing = s.find(f"{W}sdtPr/{W}dropDownList")
            entries = [(i.get(f"{W}displayText"), i.get(f"{W}value")) for i in listing.iter(f"{W}listItem")]
            assert entries == [(mh.DROPDOWN["prompt"], ""), (heading["text"], str(n))], e["file"]
            assert listing.get(f"{W}lastValue") == str(n), e["file"]  # the heading the entry chosen


def test_pool_35_each_heading_paragraph_is_in_a_group_content_control():
    files = files_of(35, "group_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(35, "group_control_heading", ladder="muc_bao_cao_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        groups = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}group") is not None]
        assert len(groups) == len(item_headings(e)), e["file"]
        for s, heading in zip(groups, item_headings(e), strict=True):
            assert s.getparent().tag == f"{W}body", e["file"]  # block-level, the paragraph inside it
            assert [p.tag for p in s.find(f"{W}sdtContent")] == [f"{W}p"], e["file"]
            assert sdt_text(s) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_35_each_heading_is_the_result_of_a_legacy_text_form_field():
    mh = generator()
    files = files_of(35, "formtext_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(35, "formtext_heading", ladder="nhom_linh_vuc_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(code == " FORMTEXT " for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            [(code, result)] = outer_fields(p)
            assert result == heading["text"], e["file"]
            name = mh.FORMTEXT_NAME.format(n=n)
            assert p.find(f".//{W}ffData/{W}name").get(f"{W}val") == name, e["file"]
            assert p.find(f".//{W}ffData/{W}textInput") is not None, e["file"]
            assert p.find(f"{W}bookmarkStart").get(f"{W}name") == name, e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_35_each_heading_paragraph_is_in_a_quick_parts_content_control():
    mh = generator()
    files = files_of(35, "docpart_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(35, "docpart_heading", ladder="phan_thong_tin_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        blocks = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}docPartObj/{W}docPartCategory") is not None
                  and s.find(f"{W}sdtPr/{W}docPartObj/{W}docPartCategory").get(f"{W}val")
                  == mh.DOCPART["category"]]
        assert len(blocks) == len(item_headings(e)), e["file"]
        for s, heading in zip(blocks, item_headings(e), strict=True):
            gallery = s.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery").get(f"{W}val")
            assert gallery == mh.DOCPART["gallery"] and s.getparent().tag == f"{W}body", e["file"]
            assert sdt_text(s) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_35_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(35) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_35, *mh.FUNDING_WORDINGS_34}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "counterpart_fund":  # the loan and the counterpart fund: the total
            loan, counterpart = e["funding"]["loan_vnd"], e["funding"]["counterpart_vnd"]
            assert loan + counterpart == total and loan > counterpart > 0, e["file"]
            assert f"vốn vay ODA {loan // 10**6:,} triệu đồng".replace(",", ".") in text, e["file"]
            assert f"tổng kinh phí là {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "contingency_included":  # a contingency inside the total, not beside it
            contingency = f"{e['funding']['contingency_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng (đã bao gồm chi phí dự phòng {contingency} triệu đồng)." in text
    assert {e["letterhead"] for e in entries_of(35)} == set(mh.LETTERHEADS_35)
    for e in [e for e in entries_of(35) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "place_without_comma":  # "Tây Ninh ngày 23 tháng 5 năm 2022", read 2022-05-23
            assert f" ngày {int(date[8:])} tháng 5 năm 2022<" in part_text(e), e["file"]
            assert f", ngày {int(date[8:])} tháng 5" not in part_text(e), e["file"]
        if e["letterhead"] == "office_issued_code":  # "Số: 139/BC-VPUBND", read "139/BC-VPUBND"
            assert number.endswith("/BC-VPUBND") and f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(35, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_35)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"mat_cong_tac_number", "muc_bao_cao_number", "nhom_linh_vuc_roman"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "dithered_fax":
            assert e["scan"]["dithered_fax"] == mh.DITHER and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["colour_dropout"] == mh.DROPOUT and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 36: "Nhóm hoạt động 1. …", "Yêu cầu số 1: …", "Phần thuyết minh I: …", "Mục lớn A. …"; each
# heading a combo box content control's typed entry, a GOTOBUTTON field's display text, a paragraph
# marking an index entry (XE), a template's plain-text control with a named placeholder; pools 1-35's
# at a lower weight, pools 34 and 35's funding wordings and two new ones, two new letterheads, two new
# scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_36 = {"nhom_hoat_dong_number", "yeu_cau_so_number", "phan_thuyet_minh_roman", "muc_lon_letter"}
LADDERS[36] = NEW_LADDERS_36 | {"mat_cong_tac_number", "muc_bao_cao_number", "phan_thong_tin_letter",  # pools 1-35's
                                "nhom_linh_vuc_roman", "chuyen_muc_number", "khoan_muc_number", "phan_muc_roman",
                                "hang_muc_number"}
NEW_LAYOUTS_36 = {"combobox_control_heading", "gotobutton_heading", "xe_index_heading", "placeholder_control_heading"}
LAYOUTS[36] = NEW_LAYOUTS_36 | {"dropdown_control_heading", "formtext_heading", "docpart_heading",  # pools 1-35's
                                "group_control_heading", "fillin_heading", "docvariable_heading",
                                "quote_field_heading", "macrobutton_heading", "set_ref_heading",
                                "grouped_shape_heading", "hlk_bookmark_split", "custom_xml_run_heading",
                                "wordart_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_36 = {  # how each of pool 36's ladders marks an item heading, as a reader sees it
    "nhom_hoat_dong_number": r"Nhóm hoạt động \d\. \S",
    "yeu_cau_so_number": r"Yêu cầu số \d: \S",
    "phan_thuyet_minh_roman": r"Phần thuyết minh [IVX]+: \S",
    "muc_lon_letter": r"Mục lớn [A-F]\. \S",
}


def test_pool_36_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_36:
        for e in [e for e in files_of(36, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_36_each_heading_is_the_typed_entry_of_a_combo_box_control():
    mh = generator()
    files = files_of(36, "combobox_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(36, "combobox_control_heading", ladder="nhom_hoat_dong_number")  # on a new ladder too
    for e in files:
        tree = part_tree(e)
        controls = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}comboBox") is not None]
        assert len(controls) == len(item_headings(e)), e["file"]
        for s, heading in zip(controls, item_headings(e), strict=True):
            assert s.getparent().tag == f"{W}p", e["file"]  # inline, within the heading's paragraph
            assert sdt_text(s) == heading["text"], e["file"]
            box = s.find(f"{W}sdtPr/{W}comboBox")
            entries = [(i.get(f"{W}displayText"), i.get(f"{W}value")) for i in box.iter(f"{W}listItem")]
            assert entries == [(mh.COMBOBOX["prompt"], "")], e["file"]  # the heading typed, not listed
            assert box.get(f"{W}lastValue") == heading["text"], e["file"]


def test_pool_36_each_heading_is_a_gotobutton_fields_display_text():
    mh = generator()
    files = files_of(36, "gotobutton_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(36, "gotobutton_heading", ladder="yeu_cau_so_number")
    for e in files:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(code.startswith(" GOTOBUTTON ") for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            [(code, result)] = outer_fields(p)
            mark = mh.GOTOBUTTON_MARK.format(n=n)
            assert code == f" GOTOBUTTON {mark} {heading['text']} " and result == "", e["file"]
            assert p.find(f"{W}bookmarkStart").get(f"{W}name") == mark, e["file"]


def test_pool_36_each_heading_paragraph_marks_an_index_entry():
    mh = generator()
    files = files_of(36, "xe_index_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(36, "xe_index_heading", ladder="phan_thuyet_minh_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(code.startswith(" XE ") for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            [(code, _)] = outer_fields(p)
            assert code == f' XE "{mh.XE_ENTRY.format(n=n)}" ', e["file"]
            assert "".join(t.text or "" for t in p.iter(f"{W}t")) == heading["text"], e["file"]
            assert all(r.find(f"{W}rPr/{W}vanish") is not None for r in p.iter(f"{W}r")
                       if r.find(f"{W}instrText") is not None), e["file"]  # the code hidden
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_36_each_heading_is_in_a_plain_text_control_with_a_named_placeholder():
    mh = generator()
    files = files_of(36, "placeholder_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(36, "placeholder_control_heading", ladder="muc_lon_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        controls = [s for s in tree.iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}placeholder/{W}docPart") is not None]
        assert len(controls) == len(item_headings(e)), e["file"]
        for s, heading in zip(controls, item_headings(e), strict=True):
            pr = s.find(f"{W}sdtPr")
            assert pr.find(f"{W}placeholder/{W}docPart").get(f"{W}val") == mh.PLACEHOLDER["docpart"], e["file"]
            assert pr.find(f"{W}text") is not None and pr.find(f"{W}showingPlcHdr") is None, e["file"]
            assert s.getparent().tag == f"{W}p" and sdt_text(s) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_36_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(36) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_36, *mh.FUNDING_WORDINGS_35}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "raised_from_approved":  # the figure raised to: the total
            approved = e["funding"]["approved_vnd"]
            assert 0 < approved < total, e["file"]
            assert f"tăng từ {approved // 10**6:,} triệu đồng".replace(",", ".") in text, e["file"]
            assert f"lên {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "province_and_districts":  # the two budgets, then the whole
            province, districts = e["funding"]["province_vnd"], e["funding"]["districts_vnd"]
            assert province + districts == total and province > districts > 0, e["file"]
            assert f"cộng chung là {million} triệu đồng." in text, e["file"]
    assert {e["letterhead"] for e in entries_of(36)} == set(mh.LETTERHEADS_36)
    for e in [e for e in entries_of(36) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "tinh_before_place":  # "Tỉnh Tây Ninh, ngày 23 tháng 5 năm 2022", read 2022-05-23
            assert re.search(f">Tỉnh [^<,]+, ngày {int(date[8:])} tháng 5 năm 2022<", part_text(e)), e["file"]
        if e["letterhead"] == "zero_padded_number":  # "Số: 0139/BC-UBND", read "0139/BC-UBND"
            assert re.fullmatch(r"\d{4}/BC-UBND", number) and f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(36, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_36)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"nhom_hoat_dong_number", "yeu_cau_so_number", "phan_thuyet_minh_roman"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "lineart_threshold":
            assert e["scan"]["lineart_threshold"] == mh.LINEART and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["two_pass_seam"] == mh.SEAM and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 37: "Mục đề cương 1: …", "Phần trình bày I. …", "Mảng công việc A: …", "Nội dung chính 1. …";
# each heading a LINK field's cached result, a HYPERLINK field's result, an ASK field's answer shown
# by a REF field, an AUTOTEXTLIST field's result; pools 1-36's at a lower weight, pools 35 and 36's
# funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_37 = {"muc_de_cuong_number", "phan_trinh_bay_roman", "mang_cong_viec_letter", "noi_dung_chinh_number"}
LADDERS[37] = NEW_LADDERS_37 | {"nhom_hoat_dong_number", "yeu_cau_so_number", "muc_lon_letter",  # pools 1-36's
                                "mat_cong_tac_number", "phan_muc_roman", "phan_thuyet_minh_roman",
                                "muc_bao_cao_number", "hang_muc_number"}
NEW_LAYOUTS_37 = {"link_field_heading", "hyperlink_field_heading", "ask_ref_heading", "autotextlist_heading"}
LAYOUTS[37] = NEW_LAYOUTS_37 | {"combobox_control_heading", "gotobutton_heading", "placeholder_control_heading",
                                "xe_index_heading", "fillin_heading", "docvariable_heading",  # pools 1-36's
                                "quote_field_heading", "macrobutton_heading", "set_ref_heading",
                                "dropdown_control_heading", "formtext_heading", "docpart_heading",
                                "wordart_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_37 = {  # how each of pool 37's ladders marks an item heading, as a reader sees it
    "muc_de_cuong_number": r"Mục đề cương \d: \S",
    "phan_trinh_bay_roman": r"Phần trình bày [IVX]+\. \S",
    "mang_cong_viec_letter": r"Mảng công việc [A-F]: \S",
    "noi_dung_chinh_number": r"Nội dung chính \d\. \S",
}


def test_pool_37_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_37:
        for e in [e for e in files_of(37, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_37_each_heading_is_the_cached_result_of_a_link_field():
    mh = generator()
    files = files_of(37, "link_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(37, "link_field_heading", ladder="muc_de_cuong_number")  # on a new ladder too
    src = mh.LINK_SOURCE
    for e in [e for e in files if e["kind"] == "docx"]:
        for n, p in enumerate(headings_in_fields(e, " LINK "), 1):
            code = field_results(p)[0][0]
            cell = src["cell"].format(row=n + 1)
            assert code == f' LINK {src["prog"]} "{src["file"]}" "{cell}" \\a \\t ', e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_37_each_heading_is_the_result_of_a_hyperlink_field():
    mh = generator()
    files = files_of(37, "hyperlink_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(37, "hyperlink_field_heading", ladder="phan_trinh_bay_roman")
    for e in [e for e in files if e["kind"] == "docx"]:
        for n, p in enumerate(headings_in_fields(e, " HYPERLINK "), 1):
            mark = mh.HYPERLINK_MARK.format(n=n)
            assert field_results(p)[0][0] == f' HYPERLINK \\l "{mark}" ', e["file"]
            assert p.find(f"{W}bookmarkStart").get(f"{W}name") == mark, e["file"]
            assert p.find(f"{W}hyperlink") is None, e["file"]  # a field, not a w:hyperlink element
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_37_each_heading_is_asked_by_an_ask_field_and_shown_by_a_ref_field():
    mh = generator()
    files = files_of(37, "ask_ref_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(37, "ask_ref_heading", ladder="mang_cong_viec_letter")
    for e in files:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if any(code.startswith(" ASK ") for code, _ in outer_fields(p))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            name, prompt = mh.ASK["name"].format(n=n), mh.ASK["prompt"].format(n=n)
            (ask_code, ask_result), (ref_code, ref_result) = outer_fields(p)
            assert ask_code == f' ASK  {name} "{prompt}" \\d "{heading["text"]}" \\o ' and ask_result == "", e["file"]
            assert ref_code == f" REF  {name} \\h " and ref_result == heading["text"], e["file"]


def test_pool_37_each_heading_is_the_result_of_an_autotextlist_field():
    mh = generator()
    files = files_of(37, "autotextlist_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(37, "autotextlist_heading", ladder="noi_dung_chinh_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        for p, heading in zip(headings_in_fields(e, "AUTOTEXTLIST"), item_headings(e), strict=True):
            code = field_results(p)[0][0]
            words = heading["text"].replace('"', "'")
            assert code == f' AUTOTEXTLIST  "{words}" \\s "Heading 1" \\t "{mh.AUTOTEXTLIST_TIP}" ', e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_37_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(37) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_37, *mh.FUNDING_WORDINGS_36}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "by_executing_agency":  # the departments' shares, then the whole
            shares = e["funding"]["agencies_vnd"]
            assert len(shares) == 3 and sum(shares) == total and min(shares) > 0, e["file"]
            assert f"Tổng cộng {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "integrated_programmes":  # the total, then the part folded in
            folded = e["funding"]["integrated_vnd"]
            assert 0 < folded < total, e["file"]
            part = f"{folded // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, trong đó {part} triệu đồng được lồng ghép" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(37)} == set(mh.LETTERHEADS_37)
    for e in [e for e in entries_of(37) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "capital_city_place":  # "Buôn Ma Thuột, ngày 23 tháng 5 năm 2022", read 2022-05-23
            name = {p.code: p.name for p in mh.mr.PROVINCES}[e["province_code"]]
            place = mh.CAPITALS.get(name, name)
            assert f">{place}, ngày {int(date[8:])} tháng 5 năm 2022<" in part_text(e), e["file"]
        if e["letterhead"] == "letter_suffix_number":  # "Số: 139a/BC-UBND", read "139a/BC-UBND"
            assert re.fullmatch(r"\d+a/BC-UBND", number) and f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(37, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_37)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"muc_de_cuong_number", "phan_trinh_bay_roman", "noi_dung_chinh_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "dead_sensor_line":
            assert e["scan"]["dead_sensor_line"] == mh.DEAD_SENSOR and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["drum_repeat_marks"] == mh.DRUM and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 38: "Hạng mục báo cáo 1: …", "Mục nội dung I: …", "Lĩnh vực công tác A. …", "Nội dung trả lời 1. …";
# each label's number an AUTONUM field's, each heading the chosen entry of a legacy drop-down form field,
# a ticked legacy check box before each heading, a ticked check box content control before
# each heading; pools 1-37's at a lower weight, pools 36 and 37's funding wordings and two new ones,
# two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_38 = {"hang_muc_bao_cao_number", "muc_noi_dung_roman", "linh_vuc_cong_tac_letter",
                  "noi_dung_tra_loi_number"}
LADDERS[38] = NEW_LADDERS_38 | {"muc_de_cuong_number", "phan_trinh_bay_roman", "mang_cong_viec_letter",  # 1-37's
                                "noi_dung_chinh_number", "muc_lon_letter", "nhom_hoat_dong_number",
                                "yeu_cau_so_number", "hang_muc_number"}
NEW_LAYOUTS_38 = {"autonum_field_label", "formdropdown_heading", "formcheckbox_heading", "checkbox_control_heading"}
LAYOUTS[38] = NEW_LAYOUTS_38 | {"link_field_heading", "ask_ref_heading", "hyperlink_field_heading",  # pools 1-37's
                                "autotextlist_heading", "combobox_control_heading", "gotobutton_heading",
                                "xe_index_heading", "placeholder_control_heading", "docvariable_heading",
                                "set_ref_heading", "dropdown_control_heading", "formtext_heading", "docpart_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_38 = {  # how each of pool 38's ladders marks an item heading, as a reader sees it
    "hang_muc_bao_cao_number": r"Hạng mục báo cáo \d: \S",
    "muc_noi_dung_roman": r"Mục nội dung [IVX]+: \S",
    "linh_vuc_cong_tac_letter": r"Lĩnh vực công tác [A-F]\. \S",
    "noi_dung_tra_loi_number": r"Nội dung trả lời \d\. \S",
}
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def test_pool_38_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_38:
        for e in [e for e in files_of(38, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def headings_after(e: dict, holders: list) -> None:
    """Each paragraph holding a mark before its heading shows the heading after it, a space between."""
    assert len(holders) == len(item_headings(e)), e["file"]
    for p, heading in zip(holders, item_headings(e), strict=True):
        assert paragraph_text(p).lstrip("\u2612").lstrip(" ") == heading["text"], e["file"]
        assert paragraph_text(p).endswith(heading["text"]), e["file"]


def last_words_in_pdf(e: dict) -> None:
    assert all(h["text"].split(" ")[-1] in pdf_text(e) for h in item_headings(e)), e["file"]


def test_pool_38_each_heading_is_the_chosen_entry_of_a_legacy_drop_down():
    mh = generator()
    files = files_of(38, "formdropdown_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(38, "formdropdown_heading", ladder="muc_noi_dung_roman")  # on a new ladder too
    for e in files:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p")
                   if "".join(t.text or "" for t in p.iter(f"{W}instrText")) == " FORMDROPDOWN "]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            data = p.find(f".//{W}ffData")
            assert data.find(f"{W}name").get(f"{W}val") == mh.DROPDOWN_FORM["name"].format(n=n), e["file"]
            box = data.find(f"{W}ddList")
            entries = [x.get(f"{W}val") for x in box.findall(f"{W}listEntry")]
            assert entries == [mh.DROPDOWN_FORM["prompt"], heading["text"]], e["file"]
            assert entries[int(box.find(f"{W}result").get(f"{W}val"))] == heading["text"], e["file"]
            assert paragraph_text(p) == "", e["file"]  # the words in the field's data only


def test_pool_38_each_labels_number_is_an_autonum_fields():
    mh = generator()
    files = files_of(38, "autonum_field_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(38, "autonum_field_label", ladder="hang_muc_bao_cao_number")
    for e in files:
        assert e["ladder"] in mh.AUTONUM_LADDERS, e["file"]
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p")
                   if "AUTONUM" in "".join(t.text or "" for t in p.iter(f"{W}instrText"))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            m = re.match(r"(\D+ )(\d+)([.:]) ", heading["text"])
            assert m and int(m.group(2)) == n, e["file"]
            code = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
            assert code == f" {mh.AUTONUM_CODES[m.group(3)]} ", e["file"]
            assert field_results(p) == [(code, "")], e["file"]  # no result saved: Word counts
            shown = paragraph_text(p)
            assert shown == m.group(1) + heading["text"][m.end(3):], e["file"]  # the number in no w:t


def test_pool_38_a_ticked_legacy_check_box_stands_before_each_heading():
    mh = generator()
    files = files_of(38, "formcheckbox_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf", "odt"}
    assert files_of(38, "formcheckbox_heading", ladder="linh_vuc_cong_tac_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p")
                   if "FORMCHECKBOX" in "".join(t.text or "" for t in p.iter(f"{W}instrText"))]
        headings_after(e, holders)
        for n, p in enumerate(holders, 1):
            data = p.find(f".//{W}ffData")
            assert data.find(f"{W}name").get(f"{W}val") == mh.CHECK_FORM.format(n=n), e["file"]
            assert data.find(f"{W}checkBox/{W}default").get(f"{W}val") == "1", e["file"]  # ticked
    for e in [e for e in files if e["kind"] == "odt"]:
        with zipfile.ZipFile(path_of(e)) as z:
            content = z.read("content.xml").decode("utf-8")
        assert all(h["text"].split(" ")[-1] in content for h in item_headings(e)), e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_38_a_ticked_check_box_control_stands_before_each_heading():
    mh = generator()
    files = files_of(38, "checkbox_control_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(38, "checkbox_control_heading", ladder="noi_dung_tra_loi_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        tree = part_tree(e)
        holders = [p for p in tree.iter(f"{W}p") if p.find(f"{W}sdt/{W}sdtPr/{W14}checkbox") is not None]
        headings_after(e, holders)
        for n, p in enumerate(holders, 1):
            sdt = p.find(f"{W}sdt")
            assert sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val") == mh.CHECK_CONTROL["tag"].format(n=n), e["file"]
            assert sdt.find(f"{W}sdtPr/{W14}checkbox/{W14}checked").get(f"{W14}val") == "1", e["file"]
            assert "".join(t.text for t in sdt.iter(f"{W}t")) == "\u2612", e["file"]
            assert paragraph_text(p) == "\u2612 " + item_headings(e)[n - 1]["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_38_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(38) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_38, *mh.FUNDING_WORDINGS_37}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "capital_and_recurrent":  # the capital and the recurrent spending, the whole
            capital, recurrent = e["funding"]["capital_vnd"], e["funding"]["recurrent_vnd"]
            assert capital + recurrent == total and min(capital, recurrent) > 0, e["file"]
            assert f"tổng số {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "bracketed_total":  # the total in brackets after the projects
            assert f"(tổng mức đầu tư {million} triệu đồng)" in text, e["file"]
            assert f"{e['funding']['projects']} dự án" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(38)} == set(mh.LETTERHEADS_38)
    for e in [e for e in entries_of(38) if e["kind"] == "docx"]:
        number, date = e["report_number"], e["report_date"]
        if e["letterhead"] == "no_space_after_comma":  # "Tây Ninh,ngày 23 tháng 5 năm 2022", read 2022-05-23
            name = {p.code: p.name for p in mh.mr.PROVINCES}[e["province_code"]]
            assert f">{name},ngày {int(date[8:])} tháng 5 năm 2022<" in part_text(e), e["file"]
        if e["letterhead"] == "drafting_unit_suffix":  # "Số: 139/BC-UBND-KTN", read "139/BC-UBND-KTN"
            assert re.fullmatch(rf"\d+/BC-UBND-{mh.DRAFTING_UNIT}", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(38, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_38)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"hang_muc_bao_cao_number", "muc_noi_dung_roman", "noi_dung_tra_loi_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "page_initials":
            assert e["scan"]["page_initials"] == mh.INITIALS and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["pen_page_numbers"] == mh.PEN_NUMBERS and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 39: "Điểm báo cáo 1: …", "Vấn đề báo cáo I. …", "Phần trả lời A: …", "Mục trả lời 1. …";
# each label's number an AUTONUMLGL field's, an ADVANCE field between each label and its title, a
# PRIVATE field at the start of each heading, a SYMBOL field's square before each heading; pools 1-38's at a
# lower weight, pools 37 and 38's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_39 = {"diem_bao_cao_number", "van_de_bao_cao_roman", "phan_tra_loi_letter", "muc_tra_loi_number"}
LADDERS[39] = NEW_LADDERS_39 | {"hang_muc_bao_cao_number", "muc_noi_dung_roman", "linh_vuc_cong_tac_letter",  # 1-38's
                                "noi_dung_tra_loi_number", "mang_cong_viec_letter", "muc_de_cuong_number",
                                "phan_trinh_bay_roman", "hang_muc_number"}
NEW_LAYOUTS_39 = {"autonumlgl_field_label", "advance_field_gap", "private_field_heading", "symbol_field_bullet"}
LAYOUTS[39] = NEW_LAYOUTS_39 | {"autonum_field_label", "formdropdown_heading", "formcheckbox_heading",  # 1-38's
                                "checkbox_control_heading", "link_field_heading", "ask_ref_heading",
                                "autotextlist_heading", "hyperlink_field_heading", "combobox_control_heading",
                                "gotobutton_heading", "xe_index_heading", "formtext_heading",
                                "placeholder_control_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_39 = {  # how each of pool 39's ladders marks an item heading, as a reader sees it
    "diem_bao_cao_number": r"Điểm báo cáo \d: \S",
    "van_de_bao_cao_roman": r"Vấn đề báo cáo [IVX]+\. \S",
    "phan_tra_loi_letter": r"Phần trả lời [A-F]: \S",
    "muc_tra_loi_number": r"Mục trả lời \d\. \S",
}


def test_pool_39_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_39:
        for e in [e for e in files_of(39, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def holders_of(e: dict, field: str) -> list:
    """The paragraphs whose field codes name this field."""
    return [p for p in part_tree(e).iter(f"{W}p")
            if field in "".join(t.text or "" for t in p.iter(f"{W}instrText")).split()]


def test_pool_39_each_labels_number_is_an_autonumlgl_fields():
    mh = generator()
    files = files_of(39, "autonumlgl_field_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(39, "autonumlgl_field_label", ladder="diem_bao_cao_number")  # on a new ladder too
    for e in files:
        assert e["ladder"] in mh.AUTONUMLGL_LADDERS, e["file"]
        holders = holders_of(e, "AUTONUMLGL")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            m = re.match(r"(\D+ )(\d+)([.:]) ", heading["text"])
            assert m and int(m.group(2)) == n, e["file"]
            code, typed = mh.AUTONUMLGL_CODES[m.group(3)]
            assert "".join(t.text or "" for t in p.iter(f"{W}instrText")) == f" {code} ", e["file"]
            assert field_results(p) == [(f" {code} ", "")], e["file"]  # no result saved: Word counts
            assert paragraph_text(p) == m.group(1) + typed + heading["text"][m.end(3):], e["file"]


def test_pool_39_an_advance_field_stands_between_each_label_and_its_title():
    mh = generator()
    files = files_of(39, "advance_field_gap")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(39, "advance_field_gap", ladder="van_de_bao_cao_roman")
    for e in files:
        holders = holders_of(e, "ADVANCE")
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            codes = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
            assert f" {mh.ADVANCE_CODE} " in codes, e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the space after the mark kept
            runs = [r for r in p.iter(f"{W}r")]
            begin = next(k for k, r in enumerate(runs) if r.find(f"{W}fldChar") is not None)
            before = "".join(t.text or "" for r in runs[:begin] for t in r.iter(f"{W}t"))
            assert re.search(r"(?:\d+|[IVX]+|[A-F])[.:]$", before), e["file"]  # the label, then the field


def test_pool_39_a_private_field_starts_each_heading():
    mh = generator()
    files = files_of(39, "private_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(39, "private_field_heading", ladder="phan_tra_loi_letter")
    for e in files:
        holders = holders_of(e, "PRIVATE")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            code = f" {mh.PRIVATE_CODE.format(n=n)} "
            assert code in "".join(t.text or "" for t in p.iter(f"{W}instrText")), e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the field shows nothing


def test_pool_39_a_symbol_fields_square_stands_before_each_heading():
    mh = generator()
    files = files_of(39, "symbol_field_bullet")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(39, "symbol_field_bullet", ladder="muc_tra_loi_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        holders = holders_of(e, "SYMBOL")
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert f" {mh.SYMBOL_FIELD['code']} " in "".join(t.text or "" for t in p.iter(f"{W}instrText"))
            sym = p.find(f".//{W}sym")
            assert sym.get(f"{W}font") == "Wingdings" and sym.get(f"{W}char") == mh.SYMBOL_FIELD["char"], e["file"]
            assert paragraph_text(p) == " " + heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_39_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(39) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_39, *mh.FUNDING_WORDINGS_38}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "by_spending_category":  # what the money bought, then "cộng"
            parts = (e["funding"]["equipment_vnd"], e["funding"]["software_vnd"], e["funding"]["training_vnd"])
            assert sum(parts) == total and min(parts) > 0, e["file"]
            assert f"cộng {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "land_use_revenue_source":  # the total named after its source
            assert f"nguồn thu tiền sử dụng đất {million} triệu đồng" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(39)} == set(mh.LETTERHEADS_39)
    for e in [e for e in entries_of(39) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "so_lowercase":  # "số: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">số: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "space_after_slash":  # "Số: 139/ BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số: {number.replace('/', '/ ')}<" in part_text(e), e["file"]
    scans = files_of(39, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_39)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"diem_bao_cao_number", "van_de_bao_cao_roman", "muc_tra_loi_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "pen_underlines":
            assert e["scan"]["pen_underlines"] == mh.UNDERLINES and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["qr_code_corner"] == mh.QR_CODE and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 40: "Nội dung thực hiện 1: …", "Phần tổng hợp I. …", "Phần phản hồi A: …", "Câu trả lời 1. …";
# each label's number in a circle (an EQ field), an ADDIN field at the start of each heading, each heading in a
# left-to-right embedding, each label's number a formula field's result; pools 1-39's at a lower weight,
# pools 38 and 39's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_40 = {"noi_dung_thuc_hien_number", "phan_tong_hop_roman", "phan_phan_hoi_letter", "cau_tra_loi_number"}
LADDERS[40] = NEW_LADDERS_40 | {"diem_bao_cao_number", "van_de_bao_cao_roman", "phan_tra_loi_letter",  # 1-39's
                                "muc_tra_loi_number", "linh_vuc_cong_tac_letter", "hang_muc_bao_cao_number",
                                "muc_noi_dung_roman", "hang_muc_number"}
NEW_LAYOUTS_40 = {"eq_enclosed_number", "addin_field_heading", "dir_ltr_heading", "formula_field_label"}
LAYOUTS[40] = NEW_LAYOUTS_40 | {"autonumlgl_field_label", "advance_field_gap", "symbol_field_bullet",  # 1-39's
                                "private_field_heading", "autonum_field_label", "formdropdown_heading",
                                "checkbox_control_heading", "formcheckbox_heading", "link_field_heading",
                                "ask_ref_heading", "autotextlist_heading", "hyperlink_field_heading",
                                "xe_index_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_40 = {  # how each of pool 40's ladders marks an item heading, as a reader sees it
    "noi_dung_thuc_hien_number": r"Nội dung thực hiện \d: \S",
    "phan_tong_hop_roman": r"Phần tổng hợp [IVX]+\. \S",
    "phan_phan_hoi_letter": r"Phần phản hồi [A-F]: \S",
    "cau_tra_loi_number": r"Câu trả lời \d\. \S",
}


def test_pool_40_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_40:
        for e in [e for e in files_of(40, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_40_each_labels_number_is_enclosed_in_a_circle_by_an_eq_field():
    mh = generator()
    files = files_of(40, "eq_enclosed_number")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(40, "eq_enclosed_number", ladder="noi_dung_thuc_hien_number")  # on a new ladder too
    for e in files:
        assert e["ladder"] in mh.EQ_LADDERS, e["file"]
        holders = holders_of(e, "eq")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            m = re.match(r"(\D+ )(\d+)([.:] .*)", heading["text"], re.S)
            assert m and int(m.group(2)) == n, e["file"]
            code = f" {mh.EQ_CODE.format(n=n)} "
            assert field_results(p) == [(code, "")], e["file"]  # no result saved: Word draws it
            assert paragraph_text(p) == m.group(1) + m.group(3), e["file"]


def test_pool_40_an_addin_field_starts_each_heading():
    mh = generator()
    files = files_of(40, "addin_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(40, "addin_field_heading", ladder="phan_tong_hop_roman")
    for e in files:
        holders = holders_of(e, "ADDIN")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            code = f" {mh.ADDIN_CODE.format(n=n)} "
            assert code in "".join(t.text or "" for t in p.iter(f"{W}instrText")), e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the field shows nothing


def test_pool_40_each_heading_is_in_a_left_to_right_embedding():
    files = files_of(40, "dir_ltr_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(40, "dir_ltr_heading", ladder="phan_phan_hoi_letter")
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f"{W}dir") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            wrapper = p.find(f"{W}dir")
            assert wrapper.get(f"{W}val") == "ltr", e["file"]
            assert not [c for c in p if c.tag == f"{W}r"], e["file"]  # every run inside it
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_40_each_labels_number_is_a_formula_fields_result():
    mh = generator()
    files = files_of(40, "formula_field_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(40, "formula_field_label", ladder="cau_tra_loi_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        assert e["ladder"] in mh.FORMULA_LADDERS, e["file"]
        holders = holders_of(e, "=")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            m = re.match(r"\D+ (\d+|[IVX]+)[.:] ", heading["text"])
            kind = "arabic" if m.group(1).isdigit() else "roman"
            assert field_results(p) == [(f" {mh.FORMULA_CODES[kind].format(n=n)} ", m.group(1))], e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_40_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(40) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_40, *mh.FUNDING_WORDINGS_39}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "treasury_controlled":  # what the Treasury checked and paid
            assert e["funding"]["paid_by"] == "Kho bạc Nhà nước tỉnh", e["file"]
            assert "Kho bạc Nhà nước tỉnh đã thanh toán" in text, e["file"]
            assert f"số tiền {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "science_fund_source":  # the total named after its source
            assert f"Quỹ Phát triển khoa học và công nghệ tỉnh đã cấp {million} triệu đồng" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(40)} == set(mh.LETTERHEADS_40)
    for e in [e for e in entries_of(40) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "so_uppercase":  # "SỐ: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">SỐ: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "ubnd_first_code":  # "Số: 139/UBND-BC", read so
            assert re.fullmatch(r"\d+/UBND-BC", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
    scans = files_of(40, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_40)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_thuc_hien_number", "phan_tong_hop_roman", "cau_tra_loi_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "star_wheel_marks":
            assert e["scan"]["star_wheel_marks"] == mh.STAR_WHEELS and e["scan"]["dpi"] == 150, e["file"]
        else:
            assert e["scan"]["margin_pen_brackets"] == mh.BRACKETS and e["scan"]["dpi"] == 180, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 41: "Nội dung báo cáo 1: …", "Phần đánh giá I. …", "Phần giải trình A: …", "Mục thông tin 1. …";
# each label's Roman number an AUTONUMOUT field's, a hidden TA field marking each heading, a PRINT field at the
# start of each heading, each heading inside a _Toc bookmark; pools 1-40's at a lower weight, pools 39 and
# 40's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_41 = {"noi_dung_bao_cao_number", "phan_danh_gia_roman", "phan_giai_trinh_letter", "muc_thong_tin_number"}
LADDERS[41] = NEW_LADDERS_41 | {"noi_dung_thuc_hien_number", "phan_tong_hop_roman", "phan_phan_hoi_letter",  # 1-40's
                                "cau_tra_loi_number", "diem_bao_cao_number", "van_de_bao_cao_roman",
                                "phan_tra_loi_letter", "hang_muc_number"}
NEW_LAYOUTS_41 = {"autonumout_field_label", "ta_field_heading", "print_field_heading", "toc_bookmark_heading"}
LAYOUTS[41] = NEW_LAYOUTS_41 | {"eq_enclosed_number", "addin_field_heading", "formula_field_label",  # 1-40's
                                "dir_ltr_heading", "autonumlgl_field_label", "advance_field_gap",
                                "private_field_heading", "symbol_field_bullet", "link_field_heading",
                                "ask_ref_heading", "autotextlist_heading", "hyperlink_field_heading",
                                "xe_index_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_41 = {  # how each of pool 41's ladders marks an item heading, as a reader sees it
    "noi_dung_bao_cao_number": r"Nội dung báo cáo \d: \S",
    "phan_danh_gia_roman": r"Phần đánh giá [IVX]+\. \S",
    "phan_giai_trinh_letter": r"Phần giải trình [A-F]: \S",
    "muc_thong_tin_number": r"Mục thông tin \d\. \S",
}


def test_pool_41_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_41:
        for e in [e for e in files_of(41, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_41_each_labels_roman_number_is_an_autonumout_field():
    mh = generator()
    files = files_of(41, "autonumout_field_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(41, "autonumout_field_label", ladder="phan_danh_gia_roman")  # on a new ladder too
    for e in files:
        assert e["ladder"] in mh.AUTONUMOUT_LADDERS, e["file"]
        holders = holders_of(e, "AUTONUMOUT")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            m = re.match(r"(\D+ )([IVX]+)\.( .*)", heading["text"], re.S)
            assert m and ROMAN.index(m.group(2)) + 1 == n, e["file"]
            assert field_results(p) == [(f" {mh.AUTONUMOUT_CODE} ", "")], e["file"]  # no result saved
            assert paragraph_text(p) == m.group(1) + m.group(3), e["file"]


def test_pool_41_each_heading_marks_a_hidden_ta_entry():
    mh = generator()
    files = files_of(41, "ta_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(41, "ta_field_heading", ladder="phan_danh_gia_roman")
    for e in files:
        holders = holders_of(e, "TA")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            code = f" {mh.TA_CODE.format(n=n)} "
            assert code in "".join(t.text or "" for t in p.iter(f"{W}instrText")), e["file"]
            for run in [r for r in p.iter(f"{W}r") if r.find(f"{W}instrText") is not None]:
                assert run.find(f"{W}rPr/{W}vanish") is not None, e["file"]  # its code hidden
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_41_a_print_field_starts_each_heading():
    mh = generator()
    files = files_of(41, "print_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(41, "print_field_heading", ladder="phan_giai_trinh_letter")
    for e in files:
        holders = holders_of(e, "PRINT")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            code = f" {mh.PRINT_CODE.format(n=n)} "
            assert code in "".join(t.text or "" for t in p.iter(f"{W}instrText")), e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the field shows nothing


def test_pool_41_each_heading_is_inside_a_toc_bookmark():
    files = files_of(41, "toc_bookmark_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(41, "toc_bookmark_heading", ladder="muc_thong_tin_number")
    for e in [e for e in files if e["kind"] == "docx"]:
        holders = [p for p in part_tree(e).iter(f"{W}p")
                   if any((b.get(f"{W}name") or "").startswith("_Toc") for b in p.iter(f"{W}bookmarkStart"))]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            children = list(p)
            start = next(k for k, c in enumerate(children) if c.tag == f"{W}bookmarkStart")
            end = next(k for k, c in enumerate(children) if c.tag == f"{W}bookmarkEnd")
            assert children[start].get(f"{W}id") == children[end].get(f"{W}id"), e["file"]
            runs = [k for k, c in enumerate(children) if c.tag == f"{W}r"]
            assert start < min(runs) and end > max(runs), e["file"]  # every run inside it
            assert paragraph_text(p) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_41_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(41) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_41, *mh.FUNDING_WORDINGS_40}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "cutoff_date_total":  # the total to a cut-off date
            assert e["funding"]["as_of"] == mh.CUTOFF_DATE, e["file"]
            assert "Tính đến hết ngày 30 tháng 11, tổng kinh phí" in text, e["file"]
            assert f"là {million} triệu đồng." in text, e["file"]
        if e["funding"]["wording"] == "grant_aid_source":  # the total named after the donors' aid
            assert e["funding"]["source"] == "viện trợ không hoàn lại của các tổ chức quốc tế", e["file"]
            assert f"Nguồn viện trợ không hoàn lại của các tổ chức quốc tế đã hỗ trợ {million} triệu đồng" in text, \
                e["file"]
    assert {e["letterhead"] for e in entries_of(41)} == set(mh.LETTERHEADS_41)
    for e in [e for e in entries_of(41) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "steering_committee_code":  # "Số: 139/BC-BCĐ", read so
            assert re.fullmatch(r"\d+/BC-BCĐ", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "tab_after_so":  # "Số:<tab>139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số:</w:t><w:tab/><w:t>{number}<" in part_text(e), e["file"]
    scans = files_of(41, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_41)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_bao_cao_number", "phan_danh_gia_roman", "muc_thong_tin_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "pen_circles":
            assert e["scan"]["pen_circles"] == mh.CIRCLES and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["page_flags"] == mh.FLAGS and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 42: "Nội dung tổng hợp 1: …", "Phần kết quả I. …", "Phần thực hiện A: …", "Mục đánh giá 1. …";
# a hidden RD field after each heading, each heading's look a tracked paragraph change, each item from the
# second starting a page Word's layout marked, each heading in a left-to-right override; pools 1-41's at a
# lower weight, pools 40 and 41's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_42 = {"noi_dung_tong_hop_number", "phan_ket_qua_roman", "phan_thuc_hien_letter", "muc_danh_gia_number"}
LADDERS[42] = NEW_LADDERS_42 | {"noi_dung_bao_cao_number", "phan_danh_gia_roman", "phan_giai_trinh_letter",  # 1-41's
                                "muc_thong_tin_number", "noi_dung_thuc_hien_number", "phan_phan_hoi_letter",
                                "cau_tra_loi_number", "hang_muc_number"}
NEW_LAYOUTS_42 = {"rd_field_heading", "tracked_style_heading", "rendered_break_heading", "bdo_ltr_heading"}
LAYOUTS[42] = NEW_LAYOUTS_42 | {"autonumout_field_label", "ta_field_heading", "toc_bookmark_heading",  # 1-41's
                                "print_field_heading", "eq_enclosed_number", "addin_field_heading",
                                "formula_field_label", "dir_ltr_heading", "autonumlgl_field_label",
                                "advance_field_gap", "private_field_heading", "symbol_field_bullet",
                                "link_field_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_42 = {  # how each of pool 42's ladders marks an item heading, as a reader sees it
    "noi_dung_tong_hop_number": r"Nội dung tổng hợp \d: \S",
    "phan_ket_qua_roman": r"Phần kết quả [IVX]+\. \S",
    "phan_thuc_hien_letter": r"Phần thực hiện [A-F]: \S",
    "muc_danh_gia_number": r"Mục đánh giá \d\. \S",
}


def test_pool_42_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_42:
        for e in [e for e in files_of(42, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_42_each_heading_carries_a_hidden_rd_field():
    mh = generator()
    files = files_of(42, "rd_field_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(42, "rd_field_heading", ladder="noi_dung_tong_hop_number")  # on a new ladder too
    for e in files:
        holders = holders_of(e, "RD")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            code = f" {mh.RD_CODE.format(n=n)} "
            assert code in "".join(t.text or "" for t in p.iter(f"{W}instrText")), e["file"]
            for run in [r for r in p.iter(f"{W}r") if r.find(f"{W}instrText") is not None]:
                assert run.find(f"{W}rPr/{W}vanish") is not None, e["file"]  # hidden, as Word formats it
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_42_each_headings_look_is_a_tracked_paragraph_change():
    mh = generator()
    files = files_of(42, "tracked_style_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(42, "tracked_style_heading", ladder="phan_ket_qua_roman")
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f"{W}pPr/{W}pPrChange") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            change = p.find(f"{W}pPr/{W}pPrChange")
            assert change.get(f"{W}author") == mh.STYLE_CHANGE_AUTHOR, e["file"]
            assert [c.tag for c in change] == [f"{W}pPr"], e["file"]  # the properties before it
            assert change[0].find(f"{W}keepNext") is None, e["file"]
            assert p.find(f"{W}pPr/{W}keepNext") is not None, e["file"]  # kept with the next, now
            assert list(p.find(f"{W}pPr"))[-1] is change, e["file"]  # the last of the properties
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_42_each_item_from_the_second_starts_a_page_word_marked():
    files = files_of(42, "rendered_break_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(42, "rendered_break_heading", ladder="phan_thuc_hien_letter")
    for e in [e for e in files if e["kind"] == "docx"]:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f".//{W}lastRenderedPageBreak") is not None]
        assert len(holders) == len(item_headings(e)) - 1, e["file"]
        for p, heading in zip(holders, item_headings(e)[1:], strict=True):
            assert p.find(f"{W}pPr/{W}pageBreakBefore") is not None, e["file"]
            first = next(r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None)
            assert first.find(f"{W}lastRenderedPageBreak") is not None, e["file"]  # in the first run
            assert paragraph_text(p) == heading["text"], e["file"]
    for e in [e for e in files if e["kind"] == "pdf"]:
        last_words_in_pdf(e)


def test_pool_42_each_heading_is_in_a_left_to_right_override():
    files = files_of(42, "bdo_ltr_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(42, "bdo_ltr_heading", ladder="muc_danh_gia_number")
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f"{W}bdo") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            wrapper = p.find(f"{W}bdo")
            assert wrapper.get(f"{W}val") == "ltr", e["file"]
            assert not [c for c in p if c.tag == f"{W}r"], e["file"]  # every run inside it
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_42_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(42) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_42, *mh.FUNDING_WORDINGS_41}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "medium_term_plan":  # the medium-term plan's allotment
            assert e["funding"]["plan"] == mh.MEDIUM_TERM_PLAN, e["file"]
            assert f"Trong {mh.MEDIUM_TERM_PLAN}, tỉnh đã bố trí {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "ppp_investor_source":  # the total named after the PPP investors
            assert e["funding"]["source"] == mh.PPP_SOURCE, e["file"]
            assert f"Các {mh.PPP_SOURCE} đã góp {million} triệu đồng" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(42)} == set(mh.LETTERHEADS_42)
    for e in [e for e in entries_of(42) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "dot_in_code":  # "Số: 139/BC.UBND", read so
            assert re.fullmatch(r"\d+/BC\.UBND", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "so_hieu_label":  # "Số hiệu: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số hiệu: {number}<" in part_text(e), e["file"]
    scans = files_of(42, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_42)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_tong_hop_number", "phan_ket_qua_roman", "muc_danh_gia_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "margin_pen_arrows":
            assert e["scan"]["margin_pen_arrows"] == mh.ARROWS and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["binder_clip"] == mh.CLIP and e["scan"]["dpi"] == 150, e["file"]


# ---------------------------------------------------------------------------------------
# Every pool from 3: its new ladders' shapes (pools 13-16 check theirs above, with more),
# layouts combined in a file, and .odt/.rtf (from pool 4, .doc) files
# ---------------------------------------------------------------------------------------

SHAPES = {3: SHAPES_3, 4: SHAPES_4, 5: SHAPES_5, 6: SHAPES_6, 7: SHAPES_7, 8: SHAPES_8, 9: SHAPES_9,
          10: SHAPES_10, 11: SHAPES_11, 12: SHAPES_12}


@pytest.mark.parametrize("pool,least,in_order", [pytest.param(n, least, in_order, id=f"pool{n}")
                                                 for n, least, in_order in
                                                 [(3, 1, False), (4, 1, False), (5, 3, False), (6, 2, True),
                                                  (7, 2, True), (8, 3, False), (9, 3, False), (10, 3, False),
                                                  (11, 3, False), (12, 4, False)]])
def test_each_new_ladder_marks_its_item_headings_in_its_shape(pool, least, in_order):
    """`least` files a ladder at least, besides those with the number alone on a line above its
    title; where in_order, the numbers shown run 1, 2, 3, … unless a file skips one or leaves
    item 1's heading out. A zero-width space (pool 12's zero_width_spaces) is no mark."""
    for ladder, shape in SHAPES[pool].items():
        files = [e for e in files_of(pool, ladder=ladder) if "number_own_line" not in e["layouts"]]
        assert len(files) >= least, ladder
        for e in files:
            assert all(re.match(shape, h["text"].replace("\u200b", "")) for h in item_headings(e)), e["file"]
            if in_order and "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                numbers = [shown_number(h["text"]) for h in e["headings"]
                           if not (h.get("umbrella") or h.get("preface"))]
                assert numbers == list(range(1, len(numbers) + 1)), e["file"]


# ---------------------------------------------------------------------------------------
# Pool 43: "Nội dung kiểm điểm 1: …", "Phần tình hình I. …", "Phần nhận xét A: …", "Nhóm kết quả 1. …";
# an endnote on each heading, each heading in a pasted page's HTML div, a hidden SEQ field at each heading's
# start restarting the tables' numbers, a reviewer's comment on each heading's title; pools 1-42's at a lower
# weight, pools 41 and 42's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_43 = {"noi_dung_kiem_diem_number", "phan_tinh_hinh_roman", "phan_nhan_xet_letter", "nhom_ket_qua_number"}
LADDERS[43] = NEW_LADDERS_43 | {"noi_dung_tong_hop_number", "phan_ket_qua_roman", "phan_thuc_hien_letter",  # 1-42's
                                "muc_danh_gia_number", "noi_dung_bao_cao_number", "phan_giai_trinh_letter",
                                "cau_tra_loi_number", "hang_muc_number"}
NEW_LAYOUTS_43 = {"endnote_heading", "html_div_heading", "seq_reset_heading", "comment_title_range"}
LAYOUTS[43] = NEW_LAYOUTS_43 | {"rd_field_heading", "tracked_style_heading", "rendered_break_heading",  # 1-42's
                                "bdo_ltr_heading", "autonumout_field_label", "ta_field_heading",
                                "toc_bookmark_heading", "print_field_heading", "eq_enclosed_number",
                                "addin_field_heading", "formula_field_label", "symbol_field_bullet",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_43 = {  # how each of pool 43's ladders marks an item heading, as a reader sees it
    "noi_dung_kiem_diem_number": r"Nội dung kiểm điểm \d: \S",
    "phan_tinh_hinh_roman": r"Phần tình hình [IVX]+\. \S",
    "phan_nhan_xet_letter": r"Phần nhận xét [A-F]: \S",
    "nhom_ket_qua_number": r"Nhóm kết quả \d\. \S",
}


def test_pool_43_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_43:
        for e in [e for e in files_of(43, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_43_each_heading_carries_an_endnote():
    mh = generator()
    files = files_of(43, "endnote_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(43, "endnote_heading", ladder="noi_dung_kiem_diem_number")  # on a new ladder too
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f".//{W}endnoteReference") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        notes = {n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
                 for n in part_tree(e, "word/endnotes.xml").iter(f"{W}endnote")}
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            ref = p.find(f".//{W}endnoteReference").get(f"{W}id")
            assert notes[ref] == mh.ENDNOTE_TEXT.format(n=n), e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]  # the mark is Word's, no typed text
        assert not any(mh.ENDNOTE_TEXT.format(n=1) in text for text in e["sections"].values()), e["file"]


def test_pool_43_each_heading_sits_in_a_pasted_pages_div():
    mh = generator()
    files = files_of(43, "html_div_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(43, "html_div_heading", ladder="phan_tinh_hinh_roman")
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f"{W}pPr/{W}divId") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        divs = {d.get(f"{W}id") for d in part_tree(e, "word/webSettings.xml").iter(f"{W}div")}
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            div = p.find(f"{W}pPr/{W}divId").get(f"{W}val")
            assert div == str(mh.DIV_BASE + n) and div in divs, e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_43_each_heading_starts_with_a_hidden_seq_field_restarting_the_tables():
    mh = generator()
    files = files_of(43, "seq_reset_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(43, "seq_reset_heading", ladder="phan_nhan_xet_letter")
    for e in files:
        holders = holders_of(e, "SEQ")
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            code = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
            assert code == f" {mh.SEQ_RESET_CODE} ", e["file"]
            runs = [c for c in p if c.tag == f"{W}r"]
            assert runs[0].find(f"{W}fldChar").get(f"{W}fldCharType") == "begin", e["file"]  # at the start
            assert not [f for f in p.iter(f"{W}fldChar") if f.get(f"{W}fldCharType") == "separate"], e["file"]
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_43_a_reviewers_comment_on_each_headings_title():
    mh = generator()
    files = files_of(43, "comment_title_range")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(43, "comment_title_range", ladder="nhom_ket_qua_number")
    for e in files:
        assert e["ladder"] in NEW_LADDERS_43, e["file"]
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f"{W}commentRangeStart") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        comments = {c.get(f"{W}id"): c for c in part_tree(e, "word/comments.xml").iter(f"{W}comment")}
        for p, heading in zip(holders, item_headings(e), strict=True):
            start = p.find(f"{W}commentRangeStart")
            before, inside, seen = "", "", False
            for node in p:
                if node is start:
                    seen = True
                elif node.tag == f"{W}commentRangeEnd":
                    break
                elif node.tag == f"{W}r":
                    text = "".join(t.text or "" for t in node.iter(f"{W}t"))
                    before, inside = (before, inside + text) if seen else (before + text, inside)
            assert re.fullmatch(SHAPES_43[e["ladder"]][:-2], before), e["file"]  # the label outside
            assert before + inside == heading["text"], e["file"]  # the title inside
            comment = comments[start.get(f"{W}id")]
            assert comment.get(f"{W}author") == mh.TITLE_COMMENT_AUTHOR[0], e["file"]
            assert "".join(t.text or "" for t in comment.iter(f"{W}t")) == mh.TITLE_COMMENT, e["file"]


def test_pool_43_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(43) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_43, *mh.FUNDING_WORDINGS_42}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "oda_relent_source":  # the total from the ODA loan re-lent to the province
            assert e["funding"]["source"] == mh.ODA_RELENT, e["file"]
            assert f"Từ {mh.ODA_RELENT}, " in text and f"đã chi {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "unit_revenue_source":  # the total from the units' own revenue
            assert e["funding"]["source"] == mh.UNIT_REVENUE, e["file"]
            assert f"được bảo đảm {million} triệu đồng từ {mh.UNIT_REVENUE}" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(43)} == set(mh.LETTERHEADS_43)
    for e in [e for e in entries_of(43) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "party_style_number":  # "Số: 139-BC/UBND", read so
            assert re.fullmatch(r"\d+-BC/UBND", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "so_van_ban_label":  # "Số văn bản: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số văn bản: {number}<" in part_text(e), e["file"]
    scans = files_of(43, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_43)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_kiem_diem_number", "phan_tinh_hinh_roman", "nhom_ket_qua_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "hair_on_glass":
            assert e["scan"]["hair_on_glass"] == mh.HAIR and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["ink_blot"] == mh.BLOT and e["scan"]["dpi"] == 150, e["file"]


def test_pool_43_scans_carry_their_marks_in_the_margin():
    """The hair's dark curve in the left margin, the ink blot's dark pool in the right one: ink where a page's
    text never reaches."""
    import pdfplumber

    for e in files_of(43, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "hair_on_glass":
            band = image.crop((int(2 * px), h // 4, int(16 * px), h * 3 // 4))
        else:
            band = image.crop((w - int(18 * px), h // 4, w - int(2 * px), h * 3 // 4))
        dark = sum(band.histogram()[:120])
        assert dark > 10 * px, e["file"]

# ---------------------------------------------------------------------------------------
# Pool 44: "Nội dung đánh giá 1: …", "Phần kiểm điểm I - …", "Phần tổng kết A: …", "Mục kết quả 1. …";
# each heading pasted with its portal page's bullet picture (an INCLUDEPICTURE field), the label's dash a
# non-breaking hyphen, a numbered style's list switched off on each heading, each heading in a list level
# showing no number; pools 1-43's at a lower weight, pools 42 and 43's funding wordings and two new ones, two
# new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_44 = {"noi_dung_danh_gia_number", "phan_kiem_diem_roman", "phan_tong_ket_letter", "muc_ket_qua_number"}
LADDERS[44] = NEW_LADDERS_44 | {"noi_dung_kiem_diem_number", "phan_tinh_hinh_roman", "phan_nhan_xet_letter",  # 1-43's
                                "nhom_ket_qua_number", "noi_dung_tong_hop_number", "phan_thuc_hien_letter",
                                "cau_tra_loi_number", "hang_muc_number"}
NEW_LAYOUTS_44 = {"includepicture_bullet", "nb_hyphen_label", "numid_zero_heading", "numfmt_none_heading"}
LAYOUTS[44] = NEW_LAYOUTS_44 | {"endnote_heading", "html_div_heading", "seq_reset_heading",  # 1-43's
                                "comment_title_range", "rd_field_heading", "tracked_style_heading",
                                "rendered_break_heading", "bdo_ltr_heading", "toc_bookmark_heading",
                                "print_field_heading", "formula_field_label", "symbol_field_bullet",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_44 = {  # how each of pool 44's ladders marks an item heading, as a reader sees it
    "noi_dung_danh_gia_number": r"Nội dung đánh giá \d: \S",
    "phan_kiem_diem_roman": r"Phần kiểm điểm [IVX]+ - \S",
    "phan_tong_ket_letter": r"Phần tổng kết [A-F]: \S",
    "muc_ket_qua_number": r"Mục kết quả \d\. \S",
}


def hyphen_text(p) -> str:
    """A w:p's text with Word's non-breaking hyphen (w:noBreakHyphen) read as the hyphen it shows."""
    return "".join("-" if node.tag == f"{W}noBreakHyphen" else node.text or ""
                   for node in p.iter(f"{W}t", f"{W}noBreakHyphen") if node.getparent().tag == f"{W}r")


def test_pool_44_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_44:
        for e in [e for e in files_of(44, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_44_each_heading_pasted_with_an_includepicture_fields_picture():
    files = files_of(44, "includepicture_bullet")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(44, "includepicture_bullet", ladder="noi_dung_danh_gia_number")  # on a new ladder too
    for e in files:
        holders = holders_of(e, "INCLUDEPICTURE")
        assert len(holders) == len(item_headings(e)), e["file"]
        for n, (p, heading) in enumerate(zip(holders, item_headings(e), strict=True), 1):
            runs = [c for c in p if c.tag == f"{W}r"]
            assert runs[0].find(f"{W}fldChar").get(f"{W}fldCharType") == "begin", e["file"]  # at the start
            code = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
            assert code.strip().startswith("INCLUDEPICTURE \"https://") and f"bullet_{n}.gif" in code, e["file"]
            kinds = [f.get(f"{W}fldCharType") for f in p.iter(f"{W}fldChar")]
            assert kinds == ["begin", "separate", "end"], e["file"]
            kinds_at = [r.find(f"{W}fldChar").get(f"{W}fldCharType") if r.find(f"{W}fldChar") is not None
                        else "picture" if r.find(f".//{A}blip") is not None else None for r in runs]
            assert kinds_at[kinds_at.index("separate") + 1] == "picture", e["file"]  # the result: the picture
            assert kinds_at.index("picture") + 1 == kinds_at.index("end"), e["file"]
            assert paragraph_text(p).strip() == heading["text"], e["file"]


def test_pool_44_each_labels_dash_a_non_breaking_hyphen():
    files = files_of(44, "nb_hyphen_label")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert {e["ladder"] for e in files} == {"phan_kiem_diem_roman"}
    for e in files:
        holders = [p for p in part_tree(e).iter(f"{W}p") if p.find(f".//{W}noBreakHyphen") is not None]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert re.match(r"Phần kiểm điểm [IVX]+  \S", paragraph_text(p)), e["file"]  # no typed dash
            assert hyphen_text(p) == heading["text"], e["file"]  # Word shows a hyphen where the element is
            assert re.match(SHAPES_44["phan_kiem_diem_roman"], hyphen_text(p)), e["file"]


def test_pool_44_a_numbered_styles_list_switched_off_on_each_heading():
    mh = generator()
    files = files_of(44, "numid_zero_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(44, "numid_zero_heading", ladder="phan_tong_ket_letter")
    style_id = mh.NUMID_ZERO_STYLE[0]
    for e in files:
        styles = part_tree(e, "word/styles.xml")
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)
        assert style.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == str(mh.NUMID_ZERO_LIST), e["file"]
        nums = {n.get(f"{W}numId") for n in part_tree(e, "word/numbering.xml").iter(f"{W}num")}
        assert str(mh.NUMID_ZERO_LIST) in nums, e["file"]
        holders = [p for p in part_tree(e).iter(f"{W}p")
                   if p.find(f"{W}pPr/{W}pStyle") is not None
                   and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == style_id]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0", e["file"]  # the list off
            assert paragraph_text(p) == heading["text"], e["file"]  # the label typed


def test_pool_44_each_heading_in_a_list_level_showing_no_number():
    mh = generator()
    files = files_of(44, "numfmt_none_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(44, "numfmt_none_heading", ladder="muc_ket_qua_number")
    for e in files:
        numbering = part_tree(e, "word/numbering.xml")
        abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                        if a.get(f"{W}abstractNumId") == str(mh.NUMFMT_NONE_LIST))
        assert abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "none", e["file"]
        assert abstract.find(f"{W}lvl/{W}lvlText").get(f"{W}val") == "", e["file"]
        holders = [p for p in part_tree(e).iter(f"{W}p")
                   if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
                   and p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == str(mh.NUMFMT_NONE_LIST)]
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_44_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(44) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_44, *mh.FUNDING_WORDINGS_43}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "lottery_revenue_source":  # the total from the lottery revenue
            assert e["funding"]["source"] == mh.LOTTERY, e["file"]
            assert f"Từ {mh.LOTTERY}, " in text and f"đã bố trí {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "net_of_advances":  # the total paid, the advances recovered beside it
            advance = f"{e['funding']['advance_recovered_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng (sau khi thu hồi {advance} triệu đồng tạm ứng)" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(44)} == set(mh.LETTERHEADS_44)
    for e in [e for e in entries_of(44) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "so_ky_hieu_label":  # "Số, ký hiệu: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số, ký hiệu: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "nb_hyphen_code":  # "Số: 139/BC\u2011UBND", read with a hyphen
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số: {number.replace('-', chr(0x2011))}<" in part_text(e), e["file"]
    scans = files_of(44, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_44)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_danh_gia_number", "phan_kiem_diem_roman", "muc_ket_qua_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "thumbprint_smudge":
            assert e["scan"]["thumbprint_smudge"] == mh.THUMB and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["staple_rust"] == mh.RUST and e["scan"]["dpi"] == 150, e["file"]


def test_pool_44_scans_carry_their_marks_in_the_margin():
    """The thumbprint's grey ridges in the right margin, the rust round the staple in the top left corner:
    grey where a page's text never reaches."""
    import pdfplumber

    for e in files_of(44, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "thumbprint_smudge":
            band = image.crop((w - int(20 * px), h // 4, w - int(2 * px), h * 3 // 4))
        else:
            band = image.crop((int(2 * px), int(2 * px), int(22 * px), int(20 * px)))
        grey = sum(band.histogram()[:200])
        assert grey > 10 * px, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 45: "Nội dung công tác 1: …", "Phần tự đánh giá I. …", "Mảng nội dung A. …", "Nhóm thông tin 1. …";
# each heading in a Word 2010 text box (wps in mc:AlternateContent, a VML fallback), each heading in a list level
# showing a picture bullet, each heading in a list whose w:num overrides its level, each heading in a list linked
# to a list style; pools 1-44's at a lower weight, pools 43 and 44's funding wordings and two new ones, two new
# letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_45 = {"noi_dung_cong_tac_number", "phan_tu_danh_gia_roman", "mang_noi_dung_letter", "nhom_thong_tin_number"}
LADDERS[45] = NEW_LADDERS_45 | {"noi_dung_danh_gia_number", "phan_kiem_diem_roman", "phan_tong_ket_letter",  # 1-44's
                                "muc_ket_qua_number", "noi_dung_kiem_diem_number", "phan_nhan_xet_letter",
                                "phan_tinh_hinh_roman", "nhom_ket_qua_number"}
NEW_LAYOUTS_45 = {"wps_textbox_heading", "pic_bullet_list_heading", "lvl_override_heading", "list_style_link_heading"}
LAYOUTS[45] = NEW_LAYOUTS_45 | {"includepicture_bullet", "nb_hyphen_label", "numid_zero_heading",  # 1-44's
                                "numfmt_none_heading", "endnote_heading", "html_div_heading", "comment_title_range",
                                "rendered_break_heading", "toc_bookmark_heading", "print_field_heading",
                                "formula_field_label", "symbol_field_bullet", "extra_heading_between", "merged_5_6",
                                "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_45 = {  # how each of pool 45's ladders marks an item heading, as a reader sees it
    "noi_dung_cong_tac_number": r"Nội dung công tác \d: \S",
    "phan_tu_danh_gia_roman": r"Phần tự đánh giá [IVX]+\. \S",
    "mang_noi_dung_letter": r"Mảng nội dung [A-F]\. \S",
    "nhom_thong_tin_number": r"Nhóm thông tin \d\. \S",
}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
VML = "{urn:schemas-microsoft-com:vml}"


def test_pool_45_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_45:
        for e in [e for e in files_of(45, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def list_holders(e: dict, num_id: int) -> list:
    """The w:p elements of a .docx in the Word list numId."""
    return [p for p in part_tree(e).iter(f"{W}p")
            if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
            and p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == str(num_id)]


def test_pool_45_each_heading_in_a_wps_text_box_with_its_vml_fallback():
    files = files_of(45, "wps_textbox_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(45, "wps_textbox_heading", ladder="noi_dung_cong_tac_number")  # on a new ladder too
    for e in files:
        boxes = list(part_tree(e).iter(f"{MC}AlternateContent"))
        assert len(boxes) == len(item_headings(e)), e["file"]
        for box, heading in zip(boxes, item_headings(e), strict=True):
            choice, fallback = box.find(f"{MC}Choice"), box.find(f"{MC}Fallback")
            assert choice.get("Requires") == "wps", e["file"]
            inner = choice.find(f".//{WPS}wsp/{WPS}txbx/{W}txbxContent")
            old = fallback.find(f".//{VML}shape/{VML}textbox/{W}txbxContent")
            assert inner is not None and old is not None, e["file"]
            assert [paragraph_text(p) for p in inner.iter(f"{W}p")] == [heading["text"]], e["file"]
            assert [paragraph_text(p) for p in old.iter(f"{W}p")] == [heading["text"]], e["file"]
            holder = box.getparent().getparent()  # the run's paragraph, in the body, nothing else in it
            assert holder.tag == f"{W}p" and own_text(holder) == "", e["file"]


def test_pool_45_each_heading_in_a_list_level_showing_a_picture_bullet():
    mh = generator()
    files = files_of(45, "pic_bullet_list_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(45, "pic_bullet_list_heading", ladder="phan_tu_danh_gia_roman")
    rels = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for e in files:
        numbering = part_tree(e, "word/numbering.xml")
        pic = next(numbering.iter(f"{W}numPicBullet"))
        assert pic.get(f"{W}numPicBulletId") == str(mh.PIC_BULLET_ID), e["file"]
        rid = next(pic.iter(f"{VML}imagedata")).get(f"{rels}id")
        assert f'Id="{rid}"' in part_text(e, "word/_rels/numbering.xml.rels"), e["file"]
        abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                        if a.get(f"{W}abstractNumId") == str(mh.PIC_BULLET_LIST))
        assert abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "bullet", e["file"]
        assert abstract.find(f"{W}lvl/{W}lvlPicBulletId").get(f"{W}val") == str(mh.PIC_BULLET_ID), e["file"]
        holders = list_holders(e, mh.PIC_BULLET_LIST)
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]  # the label typed after the bullet


def test_pool_45_each_heading_in_a_list_whose_num_overrides_its_level():
    mh = generator()
    files = files_of(45, "lvl_override_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(45, "lvl_override_heading", ladder="mang_noi_dung_letter")
    for e in files:
        numbering = part_tree(e, "word/numbering.xml")
        abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                        if a.get(f"{W}abstractNumId") == str(mh.LVL_OVERRIDE_LIST))
        assert abstract.find(f"{W}lvl/{W}lvlText").get(f"{W}val") == "%1.", e["file"]  # the list's own "1."
        num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == str(mh.LVL_OVERRIDE_LIST))
        level = num.find(f"{W}lvlOverride/{W}lvl")
        assert level.find(f"{W}numFmt").get(f"{W}val") == "none", e["file"]  # overridden: nothing shown
        assert level.find(f"{W}lvlText").get(f"{W}val") == "", e["file"]
        holders = list_holders(e, mh.LVL_OVERRIDE_LIST)
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_45_each_heading_in_a_list_linked_to_a_list_style():
    mh = generator()
    files = files_of(45, "list_style_link_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(45, "list_style_link_heading", ladder="nhom_thong_tin_number")
    own, linked = mh.STYLE_LINK_LISTS
    style_id = mh.LIST_STYLE[0]
    for e in files:
        styles = part_tree(e, "word/styles.xml")
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)
        assert style.get(f"{W}type") == "numbering", e["file"]
        assert style.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == str(own), e["file"]
        numbering = part_tree(e, "word/numbering.xml")
        abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
        assert abstracts[str(own)].find(f"{W}styleLink").get(f"{W}val") == style_id, e["file"]
        assert abstracts[str(own)].find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "bullet", e["file"]
        assert abstracts[str(linked)].find(f"{W}numStyleLink").get(f"{W}val") == style_id, e["file"]
        assert abstracts[str(linked)].find(f"{W}lvl") is None, e["file"]  # no level of its own
        holders = list_holders(e, linked)
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]


def test_pool_45_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(45) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_45, *mh.FUNDING_WORDINGS_44}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "revenue_surplus_source":  # the total from the revenue over the estimate
            assert e["funding"]["source"] == mh.SURPLUS, e["file"]
            assert f"từ {mh.SURPLUS}, tổng cộng {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "ghi_thu_ghi_chi_part":  # the total, the part booked ghi thu, ghi chi
            part = f"{e['funding']['ghi_thu_ghi_chi_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, trong đó {part} triệu đồng được hạch toán ghi thu, ghi chi" in text, \
                e["file"]
    assert {e["letterhead"] for e in entries_of(45)} == set(mh.LETTERHEADS_45)
    for e in [e for e in entries_of(45) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "so_bao_cao_label":  # "Số báo cáo: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số báo cáo: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "mong_day_date":  # "ngày mồng 5 tháng 5 năm 2022", read 2022-05-05
            day = int(e["report_date"][-2:])
            assert e["report_date"].startswith("2022-05-0") and 1 <= day <= 9, e["file"]
            assert f"ngày mồng {day} tháng 5 năm 2022<" in part_text(e), e["file"]
    scans = files_of(45, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_45)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_cong_tac_number", "phan_tu_danh_gia_roman",
                                            "nhom_thong_tin_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "foxing_spots":
            assert e["scan"]["foxing_spots"] == mh.FOXING and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["torn_corner"] == mh.TORN and e["scan"]["dpi"] == 150, e["file"]


def test_pool_45_scans_carry_their_marks_in_the_margin():
    """The foxing's specks in the side margins, the torn corner's grey at the top right: grey where a page's text
    never reaches."""
    import pdfplumber

    for e in files_of(45, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "foxing_spots":
            bands = [image.crop((int(2 * px), h // 10, int(16 * px), h * 9 // 10)),
                     image.crop((w - int(16 * px), h // 10, w - int(2 * px), h * 9 // 10))]
            grey = sum(sum(band.histogram()[:215]) for band in bands)
        else:
            band = image.crop((w - int(14 * px), int(1 * px), w - int(1 * px), int(7 * px)))
            grey = sum(band.histogram()[:215])
        assert grey > 10 * px, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 46: "Mục công tác 1: …", "Phần đề cương I. …", "Phần công việc A. …", "Điểm nội dung 1. …"; a rectangle
# drawn behind each heading (wps anchored behind the text, a VML fallback), a VML line drawn under each heading,
# each heading in a list level carried over from Word 6/95 (w:legacy), Word's Horizontal Line after each heading;
# pools 1-45's at a lower weight, pools 44 and 45's funding wordings and two new ones, two new letterheads, two new
# scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_46 = {"muc_cong_tac_number", "phan_de_cuong_roman", "phan_cong_viec_letter", "diem_noi_dung_number"}
LADDERS[46] = NEW_LADDERS_46 | {"noi_dung_cong_tac_number", "phan_tu_danh_gia_roman", "mang_noi_dung_letter",  # 1-45's
                                "nhom_thong_tin_number", "noi_dung_danh_gia_number", "phan_tong_ket_letter",
                                "phan_kiem_diem_roman", "muc_ket_qua_number"}
NEW_LAYOUTS_46 = {"banner_shape_behind", "vml_line_under", "legacy_list_heading", "hr_line_after"}
LAYOUTS[46] = NEW_LAYOUTS_46 | {"wps_textbox_heading", "pic_bullet_list_heading", "lvl_override_heading",  # 1-45's
                                "list_style_link_heading", "includepicture_bullet", "nb_hyphen_label",
                                "numid_zero_heading", "rendered_break_heading", "toc_bookmark_heading",
                                "print_field_heading", "formula_field_label", "symbol_field_bullet",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_46 = {  # how each of pool 46's ladders marks an item heading, as a reader sees it
    "muc_cong_tac_number": r"Mục công tác \d: \S",
    "phan_de_cuong_roman": r"Phần đề cương [IVX]+\. \S",
    "phan_cong_viec_letter": r"Phần công việc [A-F]\. \S",
    "diem_noi_dung_number": r"Điểm nội dung \d\. \S",
}
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"


def test_pool_46_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_46:
        for e in [e for e in files_of(46, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_46_a_rectangle_drawn_behind_each_heading():
    files = files_of(46, "banner_shape_behind")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(46, "banner_shape_behind", ladder="muc_cong_tac_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            box = p.find(f"{W}r/{MC}AlternateContent")
            assert box is not None, e["file"]
            assert box.find(f"{MC}Choice").get("Requires") == "wps", e["file"]
            anchor = box.find(f"{MC}Choice/{W}drawing/{WP}anchor")
            assert anchor is not None and anchor.get("behindDoc") == "1", e["file"]
            shape = anchor.find(f".//{WPS}wsp")
            assert shape is not None and shape.find(f"{WPS}txbx") is None, e["file"]  # a shape, no text in it
            assert box.find(f"{MC}Fallback/{W}pict/{VML}rect") is not None, e["file"]
        assert len(list(part_tree(e).iter(f"{MC}AlternateContent"))) == len(item_headings(e)), e["file"]


def test_pool_46_a_vml_line_drawn_under_each_heading():
    files = files_of(46, "vml_line_under")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(46, "vml_line_under", ladder="phan_de_cuong_roman")
    for e in files:
        for p in heading_paragraphs(e):
            line = p.find(f"{W}r/{W}pict/{VML}line")
            assert line is not None and "position:absolute" in line.get("style"), e["file"]
        assert len(list(part_tree(e).iter(f"{VML}line"))) == len(item_headings(e)), e["file"]


def test_pool_46_each_heading_in_a_list_level_carried_over_from_word_6():
    mh = generator()
    files = files_of(46, "legacy_list_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(46, "legacy_list_heading", ladder="phan_cong_viec_letter")
    for e in files:
        numbering = part_tree(e, "word/numbering.xml")
        abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                        if a.get(f"{W}abstractNumId") == str(mh.LEGACY_LIST))
        level = abstract.find(f"{W}lvl")
        assert level.find(f"{W}legacy").get(f"{W}legacy") == "1", e["file"]
        assert level.find(f"{W}numFmt").get(f"{W}val") == "bullet", e["file"]
        holders = list_holders(e, mh.LEGACY_LIST)
        assert len(holders) == len(item_headings(e)), e["file"]
        for p, heading in zip(holders, item_headings(e), strict=True):
            assert paragraph_text(p) == heading["text"], e["file"]  # the label typed after the dash


def test_pool_46_words_horizontal_line_after_each_heading():
    files = files_of(46, "hr_line_after")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(46, "hr_line_after", ladder="diem_noi_dung_number")
    for e in files:
        for p in heading_paragraphs(e):
            after = p.getnext()
            rule = after.find(f"{W}r/{W}pict/{VML}rect")
            assert rule is not None and rule.get(f"{OFFICE}hr") == "t", e["file"]
            assert own_text(after) == "", e["file"]


def test_pool_46_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(46) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_46, *mh.FUNDING_WORDINGS_45}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "salary_reform_source":  # the total from the salary-reform savings
            assert e["funding"]["source"] == mh.SALARY_REFORM, e["file"]
            assert f"từ {mh.SALARY_REFORM}, với tổng số tiền {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "returned_unspent":  # the total, the part paid back unspent
            back = f"{e['funding']['returned_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng; số không sử dụng hết {back} triệu đồng đã nộp trả" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(46)} == set(mh.LETTERHEADS_46)
    for e in [e for e in entries_of(46) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "so_ky_hieu_slash_label":  # "Số/ký hiệu: 139/BC-UBND", read "139/BC-UBND"
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            assert f">Số/ký hiệu: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "month_only_date":  # "Tây Ninh, tháng 5 năm 2022": no day to read
            assert e["report_date"] is None and e["report_month"] == "2022-05", e["file"]
            assert f">{e['letterhead_date']}<" in part_text(e), e["file"]
            assert re.fullmatch(r"[^,]+, tháng 5 năm 2022", e["letterhead_date"]), e["file"]
    scans = files_of(46, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_46)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"muc_cong_tac_number", "phan_de_cuong_roman", "diem_noi_dung_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "glass_crack":
            assert e["scan"]["glass_crack"] == mh.CRACK and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["tape_residue"] == mh.TAPE and e["scan"]["dpi"] == 150, e["file"]


def test_pool_46_scans_carry_their_marks():
    """The crack's dark line in the left margin where it starts, the yellowed tape's grey at the top corners: grey
    where a page's text never reaches."""
    import pdfplumber

    mh = generator()
    for e in files_of(46, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "glass_crack":
            top, bottom = int((mh.CRACK["from_y"] - 0.03) * h), int((mh.CRACK["from_y"] + 0.03) * h)
            band = image.crop((int(2 * px), top, int(12 * px), bottom))
            grey = sum(band.histogram()[:200])  # a hairline: about a pixel wide at 150 dpi
        else:
            bands = [image.crop((int(1 * px), int(1 * px), int(9 * px), int(9 * px))),
                     image.crop((w - int(9 * px), int(1 * px), w - int(1 * px), int(9 * px)))]
            grey = sum(sum(band.histogram()[:225]) for band in bands)
        assert grey > 5 * px, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 47: "Nội dung triển khai 1: …", "Phần báo cáo I. …", "Phần hoạt động A. …", "Nhóm công tác 1. …"; an arrow
# drawn in the margin pointing at each heading (a DrawingML connector, a VML fallback), a small star drawn in line
# before each heading, each heading in a Word 2010 WordArt (wps with a:prstTxWarp), a tagged PDF; pools 1-46's at a
# lower weight, pools 45 and 46's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_47 = {"noi_dung_trien_khai_number", "phan_bao_cao_roman", "phan_hoat_dong_letter", "nhom_cong_tac_number"}
LADDERS[47] = NEW_LADDERS_47 | {"muc_cong_tac_number", "phan_de_cuong_roman", "phan_cong_viec_letter",  # 1-46's
                                "diem_noi_dung_number", "noi_dung_cong_tac_number", "mang_noi_dung_letter",
                                "nhom_thong_tin_number", "noi_dung_danh_gia_number"}
NEW_LAYOUTS_47 = {"connector_arrow_heading", "star_shape_bullet", "wordart_2010_heading", "tagged_pdf_heading"}
LAYOUTS[47] = NEW_LAYOUTS_47 | {"banner_shape_behind", "vml_line_under", "legacy_list_heading",  # 1-46's
                                "hr_line_after", "wps_textbox_heading", "pic_bullet_list_heading",
                                "lvl_override_heading", "list_style_link_heading", "includepicture_bullet",
                                "nb_hyphen_label", "numid_zero_heading", "rendered_break_heading",
                                "toc_bookmark_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_47 = {  # how each of pool 47's ladders marks an item heading, as a reader sees it
    "noi_dung_trien_khai_number": r"Nội dung triển khai \d: \S",
    "phan_bao_cao_roman": r"Phần báo cáo [IVX]+\. \S",
    "phan_hoat_dong_letter": r"Phần hoạt động [A-F]\. \S",
    "nhom_cong_tac_number": r"Nhóm công tác \d\. \S",
}


def test_pool_47_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_47:
        for e in [e for e in files_of(47, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_47_an_arrow_drawn_in_the_margin_at_each_heading():
    files = files_of(47, "connector_arrow_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(47, "connector_arrow_heading", ladder="noi_dung_trien_khai_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            box = p.find(f"{W}r/{MC}AlternateContent")
            assert box is not None and box.find(f"{MC}Choice").get("Requires") == "wps", e["file"]
            anchor = box.find(f"{MC}Choice/{W}drawing/{WP}anchor")
            assert anchor is not None and int(anchor.find(f"{WP}positionH/{WP}posOffset").text) < 0, e["file"]
            shape = anchor.find(f".//{WPS}wsp")
            assert shape.find(f"{WPS}cNvCnPr") is not None, e["file"]  # a connector, no text
            assert shape.find(f".//{A}prstGeom").get("prst") == "straightConnector1", e["file"]
            assert shape.find(f".//{A}ln/{A}tailEnd").get("type") == "triangle", e["file"]
            stroke = box.find(f"{MC}Fallback/{W}pict/{VML}shape/{VML}stroke")
            assert stroke is not None and stroke.get("endarrow") == "block", e["file"]
            assert own_text(p).strip(), e["file"]  # the heading's words its paragraph's own
        assert len(list(part_tree(e).iter(f"{WPS}cNvCnPr"))) == len(item_headings(e)), e["file"]


def test_pool_47_a_star_drawn_in_line_before_each_heading():
    files = files_of(47, "star_shape_bullet")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(47, "star_shape_bullet", ladder="phan_bao_cao_roman")
    for e in files:
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            first = p.find(f"{W}r")
            box = first.find(f"{MC}AlternateContent")
            assert box is not None, e["file"]
            inline = box.find(f"{MC}Choice/{W}drawing/{WP}inline")
            assert inline is not None and inline.find(f".//{A}prstGeom").get("prst") == "star5", e["file"]
            assert inline.find(f".//{WPS}txbx") is None, e["file"]  # no text in the star
            assert box.find(f"{MC}Fallback/{W}pict/{VML}shape") is not None, e["file"]
            assert paragraph_text(p).strip().startswith(heading["text"].split("\n")[0]), e["file"]


def test_pool_47_each_heading_in_a_word_2010_wordart():
    files = files_of(47, "wordart_2010_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(47, "wordart_2010_heading", ladder="phan_hoat_dong_letter")
    for e in files:
        boxes = list(part_tree(e).iter(f"{MC}AlternateContent"))
        assert len(boxes) == len(item_headings(e)), e["file"]
        for box, heading in zip(boxes, item_headings(e), strict=True):
            choice, fallback = box.find(f"{MC}Choice"), box.find(f"{MC}Fallback")
            assert choice.get("Requires") == "wps", e["file"]
            shape = choice.find(f".//{WPS}wsp")
            assert shape.find(f"{WPS}bodyPr/{A}prstTxWarp") is not None, e["file"]  # WordArt's warp
            assert shape.find(f"{WPS}spPr/{A}noFill") is not None, e["file"]
            inner = shape.find(f"{WPS}txbx/{W}txbxContent")
            old = fallback.find(f".//{VML}shape/{VML}textbox/{W}txbxContent")
            assert [paragraph_text(p) for p in inner.iter(f"{W}p")] == [heading["text"]], e["file"]
            assert [paragraph_text(p) for p in old.iter(f"{W}p")] == [heading["text"]], e["file"]
            holder = box.getparent().getparent()
            assert holder.tag == f"{W}p" and own_text(holder) == "", e["file"]


def test_pool_47_tagged_pdfs_carry_a_structure_tree():
    import pdfplumber

    files = files_of(47, "tagged_pdf_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(47, "tagged_pdf_heading", ladder="nhom_cong_tac_number")
    for e in files:
        data = path_of(e).read_bytes()
        assert b"/StructTreeRoot" in data and b"/MarkInfo" in data, e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in " ".join(text.split()), e["file"]
    for e in files_of(47, kind="pdf"):  # the other text PDFs: LibreOffice's plain export
        if "tagged_pdf_heading" not in e["layouts"]:
            assert b"/StructTreeRoot" not in path_of(e).read_bytes(), e["file"]


def test_pool_47_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(47) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_47, *mh.FUNDING_WORDINGS_46}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "local_bond_source":  # the total from the local government bonds
            assert e["funding"]["source"] == mh.LOCAL_BOND, e["file"]
            assert f"từ {mh.LOCAL_BOND}, tổng cộng {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "unallocated_part":  # the total, a part not yet allocated
            left = f"{e['funding']['unallocated_vnd'] // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng, trong đó còn {left} triệu đồng chưa phân bổ" in text, e["file"]
    assert {e["letterhead"] for e in entries_of(47)} == set(mh.LETTERHEADS_47)
    for e in [e for e in entries_of(47) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "chairman_code":  # "Số: 139/BC-CTUBND", read "139/BC-CTUBND"
            assert re.fullmatch(r"\d+/BC-CTUBND", number), e["file"]
            assert f">Số: {number}<" in part_text(e), e["file"]
        if e["letterhead"] == "mung_day_date":  # "ngày mùng 5 tháng 5 năm 2022"
            day = int(e["report_date"].rsplit("-", 1)[1])
            assert 1 <= day <= 10 and e["report_date"].startswith("2022-05-"), e["file"]
            assert e["letterhead_date"].endswith(f", ngày mùng {day} tháng 5 năm 2022"), e["file"]
            assert f">{e['letterhead_date']}<" in part_text(e), e["file"]
    scans = files_of(47, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_47)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["ladder"] for e in scans} >= {"noi_dung_trien_khai_number", "phan_bao_cao_roman",
                                            "nhom_cong_tac_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "insect_holes":
            assert e["scan"]["insect_holes"] == mh.HOLES and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["eraser_smudge"] == mh.SMUDGE and e["scan"]["dpi"] == 150, e["file"]


def test_pool_47_scans_carry_their_marks():
    """The insect holes' grey in the margins' band, the eraser's smudges in the right margin: grey where a page's
    text never reaches."""
    import pdfplumber

    mh = generator()
    for e in files_of(47, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "insect_holes":
            band = int((mh.HOLES["band_mm"] + 3) * px)
            crops = [image.crop((0, int(0.18 * h), band, int(0.92 * h))),
                     image.crop((w - band, int(0.18 * h), w, int(0.92 * h)))]
            grey = sum(sum(c.histogram()[:160]) for c in crops)
        else:
            crops = [image.crop((w - int(22 * px), int(0.15 * h), w - int(2 * px), int(0.85 * h)))]
            grey = sum(sum(c.histogram()[150:236]) for c in crops)
        assert grey > 5 * px, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 48: "Đầu việc 1: …", "Phần rà soát I. …", "Điểm a) …", "Trọng tâm 1 – …"; each heading in Word 2010's Text
# Effects (w14 in its runs), each heading's words boxed and shaded as text (w:bdr, w:shd in its runs), each heading
# collapsed by default (w15:collapsed), a copy-protected PDF (/Encrypt); pools 1-47's at a lower weight, pools 46
# and 47's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_48 = {"dau_viec_number", "phan_ra_soat_roman", "diem_letter_paren", "trong_tam_number"}
LADDERS[48] = NEW_LADDERS_48 | {"noi_dung_trien_khai_number", "phan_bao_cao_roman", "phan_hoat_dong_letter",  # 1-47's
                                "nhom_cong_tac_number", "muc_cong_tac_number", "phan_cong_viec_letter",
                                "diem_noi_dung_number", "phan_de_cuong_roman"}
NEW_LAYOUTS_48 = {"text_effects_heading", "char_border_heading", "collapsed_heading", "protected_pdf_heading"}
LAYOUTS[48] = NEW_LAYOUTS_48 | {"connector_arrow_heading", "star_shape_bullet", "wordart_2010_heading",  # 1-47's
                                "tagged_pdf_heading", "banner_shape_behind", "vml_line_under", "legacy_list_heading",
                                "hr_line_after", "wps_textbox_heading", "pic_bullet_list_heading",
                                "lvl_override_heading", "list_style_link_heading", "toc_bookmark_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_48 = {  # how each of pool 48's ladders marks an item heading, as a reader sees it
    "dau_viec_number": r"Đầu việc \d: \S",
    "phan_ra_soat_roman": r"Phần rà soát [IVX]+\. \S",
    "diem_letter_paren": r"Điểm [a-gđ]\) \S",
    "trong_tam_number": r"Trọng tâm \d – \S",
}
W14_48 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15_48 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def test_pool_48_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_48:
        for e in [e for e in files_of(48, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_48_legal_points_letter_d_then_dj():
    """diem_letter_paren letters its points as a legal text does: "đ" comes after "d"."""
    for e in files_of(48, ladder="diem_letter_paren"):
        labels = [re.match(r"Điểm ([a-gđ])\) ", h["text"]).group(1) for h in item_headings(e)]
        if len(labels) == 6 and not set(e["layouts"]) & {"merged_5_6", "merged_4_5", "item_left_out",
                                                         "number_skipped", "first_heading_missing"}:
            assert labels == list("abcdđe"), e["file"]


def root_declares_what_it_ignores(entry: dict, prefix: str) -> None:
    """The document's root declares the prefix and lists it in mc:Ignorable, and every prefix mc:Ignorable lists
    is declared there: Word refuses a file whose Ignorable names an undeclared prefix."""
    root = part_tree(entry)
    ignorable = root.get(f"{MC}Ignorable", "").split()
    assert prefix in ignorable, entry["file"]
    assert set(ignorable) <= set(root.nsmap), entry["file"]


def test_pool_48_each_heading_in_word_2010_text_effects():
    files = files_of(48, "text_effects_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(48, "text_effects_heading", ladder="dau_viec_number")  # on a new ladder too
    for e in files:
        root_declares_what_it_ignores(e, "w14")
        for p in heading_paragraphs(e):
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs, e["file"]
            for r in runs:
                rpr = r.find(f"{W}rPr")
                assert rpr.find(f"{W14_48}textFill/{W14_48}gradFill") is not None, e["file"]
                assert rpr.find(f"{W14_48}textOutline") is not None, e["file"]
                assert rpr.find(f"{W14_48}shadow") is not None, e["file"]
                assert rpr.find(f"{W}color") is not None, e["file"]  # the plain colour kept for older readers
                tags = [c.tag for c in rpr]
                assert all(t.startswith(W14_48) for t in tags[tags.index(f"{W14_48}shadow"):]), e["file"]
        effects = len(list(part_tree(e).iter(f"{W14_48}textFill")))
        assert effects >= len(item_headings(e)), e["file"]
    for e in files_of(48, kind="docx"):  # no other file has them
        if "text_effects_heading" not in e["layouts"]:
            assert "w14:textFill" not in part_text(e), e["file"]


def test_pool_48_each_heading_boxed_and_shaded_as_text():
    files = files_of(48, "char_border_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(48, "char_border_heading", ladder="phan_ra_soat_roman")
    for e in files:
        for p in heading_paragraphs(e):
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs, e["file"]
            for r in runs:
                border = r.find(f"{W}rPr/{W}bdr")
                shading = r.find(f"{W}rPr/{W}shd")
                assert border is not None and border.get(f"{W}val") == "single", e["file"]
                assert shading is not None and shading.get(f"{W}fill"), e["file"]
            assert p.find(f"{W}pPr/{W}pBdr") is None and p.find(f"{W}pPr/{W}shd") is None, e["file"]
        assert len(list(part_tree(e).iter(f"{W}bdr"))) >= len(item_headings(e)), e["file"]


def test_pool_48_each_heading_collapsed_by_default():
    files = files_of(48, "collapsed_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(48, "collapsed_heading", ladder="diem_letter_paren")
    for e in files:
        root_declares_what_it_ignores(e, "w15")
        for p, heading in zip(heading_paragraphs(e), item_headings(e), strict=True):
            ppr = p.find(f"{W}pPr")
            assert ppr.find(f"{W15_48}collapsed") is not None, e["file"]
            assert ppr.find(f"{W}outlineLvl") is not None, e["file"]
            assert paragraph_text(p).strip().startswith(heading["text"].split("\n")[0]), e["file"]
        assert len(list(part_tree(e).iter(f"{W15_48}collapsed"))) == len(item_headings(e)), e["file"]
        for number, text in e["sections"].items():  # every item's text is in the file, folded or not
            if text:
                assert text.split("\n")[0][:40] in " ".join(body_texts(e)), (e["file"], number)


def test_pool_48_protected_pdfs_are_encrypted_but_open_without_a_password():
    import pdfplumber

    files = files_of(48, "protected_pdf_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(48, "protected_pdf_heading", ladder="trong_tam_number")
    for e in files:
        data = path_of(e).read_bytes()
        assert b"/Encrypt" in data and b"/Filter/Standard" in data, e["file"]
        permissions = int(re.search(rb"/P (-?\d+)", data).group(1)) & 0xFFFFFFFF
        assert permissions & 4 and not permissions & 8 and not permissions & 16, e["file"]  # print, no edit, no copy
        with pdfplumber.open(path_of(e)) as pdf:  # no password asked
            text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(48, kind="pdf"):  # the other text PDFs: LibreOffice's plain export
        if "protected_pdf_heading" not in e["layouts"]:
            assert b"/Encrypt" not in path_of(e).read_bytes(), e["file"]


def test_pool_48_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(48) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_48, *mh.FUNDING_WORDINGS_47}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "budget_balance_source":  # the total from the budget balance carried over
            assert e["funding"]["source"] == mh.BUDGET_BALANCE, e["file"]
            assert f"sử dụng {mh.BUDGET_BALANCE} để bố trí cho Đề án" in text, e["file"]
            assert f"với tổng số tiền {million} triệu đồng" in text, e["file"]
        if e["funding"]["wording"] == "within_digital_plan":  # the plan's total first, the scheme's part the total
            plan = e["funding"]["plan_vnd"]
            assert plan > total, e["file"]
            plan_million = f"{plan // 10**6:,}".replace(",", ".")
            assert f"{mh.DIGITAL_PLAN} là {plan_million} triệu đồng; trong đó kinh phí dành cho Đề án" in text, \
                e["file"]
            assert f"là {million} triệu đồng." in text, e["file"]
    assert {e["letterhead"] for e in entries_of(48)} <= set(mh.LETTERHEADS_48)
    assert {e["letterhead"] for e in entries_of(48)} >= {"urgency_mark", "date_picker_date"}
    for e in [e for e in entries_of(48) if e["kind"] == "docx"]:
        number = e["report_number"]
        if e["letterhead"] == "urgency_mark":  # "Số: 139/BC-UBND", "KHẨN" under it
            assert re.fullmatch(r"\d+/BC-UBND", number), e["file"]
            xml = part_text(e)
            assert f">Số: {number}<" in xml and f">{mh.URGENCY}<" in xml, e["file"]
            assert xml.index(f">Số: {number}<") < xml.index(f">{mh.URGENCY}<"), e["file"]
            assert mh.URGENCY in e["absent"], e["file"]
        if e["letterhead"] == "date_picker_date":  # the date in a date picker content control
            day = int(e["report_date"].rsplit("-", 1)[1])
            pickers = [sdt for sdt in part_tree(e).iter(f"{W}sdt") if sdt.find(f"{W}sdtPr/{W}date") is not None]
            assert len(pickers) == 1, e["file"]
            picked = pickers[0].find(f"{W}sdtPr/{W}date")
            assert picked.get(f"{W}fullDate") == f"{e['report_date']}T00:00:00Z", e["file"]
            shown = "".join(t.text for t in pickers[0].iter(f"{W}t"))
            assert shown == f"ngày {day} tháng 5 năm 2022", e["file"]
            assert e["letterhead_date"].endswith(f", {shown}"), e["file"]
    scans = files_of(48, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_48)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {38, 39}
    assert {e["ladder"] for e in scans} >= {"dau_viec_number", "phan_ra_soat_roman", "trong_tam_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "comb_binding_slots":
            assert e["scan"]["comb_binding_slots"] == mh.COMB and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["lamp_flicker_bands"] == mh.FLICKER and e["scan"]["dpi"] == 150, e["file"]


def test_pool_48_scans_carry_their_marks():
    """The comb's slots down the left edge, grey where a page's text never reaches; the lamp's flicker, the blank
    right margin's rows darker in bands and paler between them."""
    import pdfplumber
    from PIL import ImageStat

    mh = generator()
    for e in files_of(48, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "comb_binding_slots":
            left = int((mh.COMB["from_edge_mm"] - 2) * px)
            right = int((mh.COMB["from_edge_mm"] + mh.COMB["width_mm"] + 2) * px)
            strip = image.crop((left, int(0.1 * h), right, int(0.9 * h)))
            assert sum(strip.histogram()[:160]) > 10 * px * px, e["file"]  # several slots' grey
        else:
            strip = image.crop((w - int(14 * px), int(0.1 * h), w - int(6 * px), int(0.9 * h)))
            rows = [ImageStat.Stat(strip.crop((0, y, strip.width, y + 1))).mean[0] for y in range(0, strip.height, 2)]
            assert max(rows) - min(rows) > 15, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 49: "Cấu phần 1. …", "Phần sơ kết I: …", "Tiểu phần A – …", "Phần một: …"; each heading's characters scaled
# narrower (w:w in its runs), each heading's words fitted to a set width (w:fitText in its runs), a PDF/A-2b export,
# a digitally signed PDF (an incremental update, a detached PKCS#7); pools 1-48's at a lower weight, pools 47 and
# 48's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_49 = {"cau_phan_number", "phan_so_ket_roman", "tieu_phan_letter", "phan_word_number"}
LADDERS[49] = NEW_LADDERS_49 | {"dau_viec_number", "phan_ra_soat_roman", "diem_letter_paren",  # 1-48's
                                "trong_tam_number", "noi_dung_trien_khai_number", "phan_bao_cao_roman",
                                "phan_hoat_dong_letter", "nhom_cong_tac_number"}
NEW_LAYOUTS_49 = {"char_scale_heading", "fit_text_heading", "pdfa_heading", "signed_pdf_heading"}
LAYOUTS[49] = NEW_LAYOUTS_49 | {"text_effects_heading", "char_border_heading", "collapsed_heading",  # 1-48's
                                "connector_arrow_heading", "star_shape_bullet", "wordart_2010_heading",
                                "banner_shape_behind", "vml_line_under", "legacy_list_heading", "hr_line_after",
                                "wps_textbox_heading", "pic_bullet_list_heading", "lvl_override_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_49 = {  # how each of pool 49's ladders marks an item heading, as a reader sees it
    "cau_phan_number": r"Cấu phần \d\. \S",
    "phan_so_ket_roman": r"Phần sơ kết [IVX]+: \S",
    "tieu_phan_letter": r"Tiểu phần [A-F] – \S",
    "phan_word_number": r"Phần (?:một|hai|ba|bốn|năm|sáu): \S",
}


def test_pool_49_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_49:
        for e in [e for e in files_of(49, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_49_parts_numbered_in_words_run_one_to_six():
    """phan_word_number numbers its parts in words, "một" to "sáu" ("năm", five, as the year's word is)."""
    for e in files_of(49, ladder="phan_word_number"):
        words = [re.match(r"Phần (\w+): ", h["text"]).group(1) for h in item_headings(e)]
        if len(words) == 6 and not set(e["layouts"]) & {"merged_5_6", "merged_4_5", "item_left_out",
                                                        "number_skipped", "first_heading_missing"}:
            assert words == ["một", "hai", "ba", "bốn", "năm", "sáu"], e["file"]


def heading_text_runs(p) -> list:
    return [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]


def test_pool_49_each_heading_scaled_narrower():
    mh = generator()
    files = files_of(49, "char_scale_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(49, "char_scale_heading", ladder="cau_phan_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                scale = r.find(f"{W}rPr/{W}w")
                assert scale is not None and scale.get(f"{W}val") == str(mh.CHAR_SCALE), e["file"]
                tags = [c.tag for c in r.find(f"{W}rPr")]  # w:w after w:color and w:spacing, before w:sz
                assert all(tags.index(f"{W}w") > tags.index(t) for t in (f"{W}b", f"{W}color") if t in tags)
                assert all(tags.index(f"{W}w") < tags.index(t) for t in (f"{W}sz", f"{W}lang") if t in tags)
        assert len(list(part_tree(e).iter(f"{W}w"))) >= len(item_headings(e)), e["file"]
    for e in files_of(49, kind="docx"):  # no other file scales its characters
        if "char_scale_heading" not in e["layouts"]:
            assert "<w:w " not in part_text(e), e["file"]


def test_pool_49_each_heading_fitted_to_a_set_width():
    mh = generator()
    files = files_of(49, "fit_text_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(49, "fit_text_heading", ladder="phan_so_ket_roman")
    ids = []
    for e in files:
        for p in heading_paragraphs(e):
            fitted = [r.find(f"{W}rPr/{W}fitText") for r in heading_text_runs(p)]
            assert fitted and all(f is not None for f in fitted), e["file"]
            assert {f.get(f"{W}val") for f in fitted} == {str(mh.FIT_TEXT_TWIPS)}, e["file"]
            assert len({f.get(f"{W}id") for f in fitted}) == 1, e["file"]  # one fitted stretch a paragraph
            ids.append((e["file"], fitted[0].get(f"{W}id")))
        mine = [i for f, i in ids if f == e["file"]]
        assert len(mine) == len(set(mine)), e["file"]  # each heading its own stretch
    for e in files_of(49, kind="docx"):
        if "fit_text_heading" not in e["layouts"]:
            assert "w:fitText" not in part_text(e), e["file"]


def pdf_words_49(entry: dict) -> str:
    """A text PDF's words, one space between each."""
    import pdfplumber

    with pdfplumber.open(path_of(entry)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def test_pool_49_pdfa_exports_name_their_part_and_keep_their_text():
    files = files_of(49, "pdfa_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(49, "pdfa_heading", ladder="tieu_phan_letter")
    for e in files:
        data = path_of(e).read_bytes()
        assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B</pdfaid:conformance>" in data
        assert b"/OutputIntents" in data and b"/GTS_PDFA1" in data, e["file"]
        assert b"<xmp:CreateDate>2022-05-25T09:00:00Z</xmp:CreateDate>" in data, e["file"]  # the date fixed
        assert b"/Encrypt" not in data, e["file"]  # PDF/A forbids it
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(49, kind="pdf"):
        if "pdfa_heading" not in e["layouts"]:
            assert b"pdfaid:part" not in path_of(e).read_bytes(), e["file"]


def test_pool_49_signed_pdfs_sign_every_byte_but_the_signature():
    """An incremental update after the export's own %%EOF; /ByteRange from the first byte to the last but
    /Contents; /Contents a detached PKCS#7 whose RSA signature (no signed attributes: over the bytes themselves)
    verifies with its certificate's key; the field a widget on the last page."""
    import pdfplumber
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from cryptography.hazmat.primitives.serialization import pkcs7

    mh = generator()
    files = files_of(49, "signed_pdf_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(49, "signed_pdf_heading", ladder="phan_word_number")
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"startxref") == 2 and data.count(b"%%EOF") == 2, e["file"]
        first_eof = data.index(b"%%EOF")
        assert b"/Prev %d" % int(re.findall(rb"startxref\s+(\d+)", data)[0]) in data[first_eof:], e["file"]
        assert b"/Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached" in data, e["file"]
        assert re.search(rb"/AcroForm \d+ 0 R", data[first_eof:]) and b"/SigFlags 3" in data, e["file"]
        a, b, c, d = map(int, re.search(rb"/ByteRange \[(\d+) +(\d+) +(\d+) +(\d+)\]", data).groups())
        assert a == 0 and c + d == len(data) and data[b:b + 1] == b"<" and data[c - 1:c] == b">", e["file"]
        der = bytes.fromhex(data[b + 1:c - 1].decode()).rstrip(b"\0")
        (cert,) = pkcs7.load_der_pkcs7_certificates(der)
        assert "ỦY BAN NHÂN DÂN" in cert.subject.rfc4514_string(), e["file"]
        assert der[-260:-256] == b"\x04\x82\x01\x00", e["file"]  # the SignerInfo's signature, last
        cert.public_key().verify(der[-256:], data[a:b] + data[c:c + d], padding.PKCS1v15(), hashes.SHA256())
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            widgets = [a for a in pdf.pages[-1].annots if a["data"].get("FT") and a["data"]["FT"].name == "Sig"]
            assert len(widgets) == 1, e["file"]
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
        assert mh.SIGNATURE["subfilter"].encode() in data, e["file"]
    for e in files_of(49, kind="pdf"):
        if "signed_pdf_heading" not in e["layouts"]:
            assert b"/ByteRange" not in path_of(e).read_bytes(), e["file"]


def test_pool_49_words_its_funding_two_new_ways_dates_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(49) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_49, *mh.FUNDING_WORDINGS_48}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "traffic_fine_source":  # the sum from the traffic fines kept, named once
            assert e["funding"]["source"] == mh.TRAFFIC_FINES, e["file"]
            assert f"bố trí {million} triệu đồng từ {mh.TRAFFIC_FINES}" in text, e["file"]
            assert text.count("triệu đồng") == 1, e["file"]
        if e["funding"]["wording"] == "advance_from_next_year":  # the total; the advance a part of it
            advance = e["funding"]["advance_vnd"]
            assert 0 < advance < total, e["file"]
            part = f"{advance // 10**6:,}".replace(",", ".")
            assert f"là {million} triệu đồng; trong đó {part} triệu đồng là kinh phí {mh.ADVANCE}." in text, \
                e["file"]
    assert {e["letterhead"] for e in entries_of(49)} <= set(mh.LETTERHEADS_49)
    assert {e["letterhead"] for e in entries_of(49)} >= {"date_field_date", "number_text_control"}
    for e in [e for e in entries_of(49) if e["kind"] == "docx"]:
        if e["letterhead"] == "date_field_date":  # the date a CREATEDATE field's result
            day = int(e["report_date"].rsplit("-", 1)[1])
            tree = part_tree(e)
            instr = [t.text for t in tree.iter(f"{W}instrText") if "CREATEDATE" in t.text]
            assert instr == [" CREATEDATE  \\@ \"'ngày' d 'tháng' M 'năm' yyyy\"  \\* MERGEFORMAT "], e["file"]
            para = next(p for p in tree.iter(f"{W}p") if any("CREATEDATE" in (t.text or "")
                                                               for t in p.iter(f"{W}instrText")))
            kinds = [c.get(f"{W}fldCharType") for c in para.iter(f"{W}fldChar")]
            assert kinds == ["begin", "separate", "end"], e["file"]
            assert paragraph_text(para) == e["letterhead_date"], e["file"]
            assert paragraph_text(para).endswith(f", ngày {day} tháng 5 năm 2022"), e["file"]
        if e["letterhead"] == "number_text_control":  # the number in a plain text content control
            controls = [s for s in part_tree(e).iter(f"{W}sdt") if s.find(f"{W}sdtPr/{W}text") is not None]
            assert len(controls) == 1, e["file"]
            assert controls[0].find(f"{W}sdtPr/{W}tag").get(f"{W}val") == "SoKyHieu", e["file"]
            assert "".join(t.text for t in controls[0].iter(f"{W}t")) == e["report_number"], e["file"]
            para = controls[0].getparent()
            assert paragraph_text(para) == f"Số: {e['report_number']}", e["file"]
    scans = files_of(49, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_49)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 37}
    assert {e["ladder"] for e in scans} >= {"cau_phan_number", "phan_so_ket_roman", "phan_word_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "fuser_crease":
            assert e["scan"]["fuser_crease"] == mh.CREASE and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["roller_marks"] == mh.ROLLERS and e["scan"]["dpi"] == 150, e["file"]


def paper_level(image, x_mm: float, px: float) -> int:
    """The paper's grey in a strip 6 mm wide down a page: each row's 90th percentile (the paper between the
    letters), the 15th percentile of those rows (the darker paper, where marks are)."""
    h = image.height
    strip = image.crop((int((x_mm - 3) * px), int(0.08 * h), int((x_mm + 3) * px), int(0.92 * h)))
    rows = sorted(sorted(strip.crop((0, y, strip.width, y + 1)).tobytes())[int(strip.width * 0.9)]
                  for y in range(strip.height))
    return rows[len(rows) * 15 // 100]


def test_pool_49_scans_carry_their_marks():
    """The fuser crease's grey edge crosses the blank left and right margins of page 1; the rollers' marks darken
    the paper between the lines in a band down the page where the rollers run, and not between them."""
    import pdfplumber
    from PIL import ImageStat

    mh = generator()
    for e in files_of(49, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            image = pdf.pages[0].to_image(resolution=150).original.convert("L")
        w, h = image.size
        px = 150 / 25.4
        if e["scan"]["kind"] == "fuser_crease":
            for x0, x1 in ((4, 14), (w / px - 12, w / px - 4)):
                strip = image.crop((int(x0 * px), int(0.05 * h), int(x1 * px), int(0.95 * h)))
                assert sum(strip.histogram()[:200]) > 3 * px, e["file"]  # the edge's grey across it
        else:
            roller = paper_level(image, mh.ROLLERS["x_mm"][0], px)
            between = paper_level(image, sum(mh.ROLLERS["x_mm"]) / 2, px)
            assert between - roller > 8, (e["file"], roller, between)
            assert ImageStat.Stat(image).mean[0] > 150, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 50: "Trụ cột 1: …", "Phần thứ I. …", "Cụm nhiệm vụ A: …", "Khía cạnh 1 – …"; each heading embossed (w:emboss
# in its runs), each heading hollow and shadowed (w:outline and w:shadow in its runs), a PDF shrunk through
# Ghostscript, a PDF exported with LibreOffice's watermark; pools 1-49's at a lower weight, pools 48 and 49's
# funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_50 = {"tru_cot_number", "phan_thu_roman", "cum_nhiem_vu_letter", "khia_canh_number"}
LADDERS[50] = NEW_LADDERS_50 | {"cau_phan_number", "phan_so_ket_roman", "tieu_phan_letter",  # 1-49's
                                "phan_word_number", "trong_tam_number", "phan_ra_soat_roman", "diem_letter_paren",
                                "noi_dung_trien_khai_number"}
NEW_LAYOUTS_50 = {"emboss_heading", "outline_shadow_heading", "gs_compressed_pdf", "watermark_pdf"}
LAYOUTS[50] = NEW_LAYOUTS_50 | {"char_scale_heading", "fit_text_heading", "text_effects_heading",  # 1-49's
                                "char_border_heading", "collapsed_heading", "connector_arrow_heading",
                                "star_shape_bullet", "wordart_2010_heading", "banner_shape_behind", "vml_line_under",
                                "legacy_list_heading", "hr_line_after", "wps_textbox_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_50 = {  # how each of pool 50's ladders marks an item heading, as a reader sees it
    "tru_cot_number": r"Trụ cột \d: \S",
    "phan_thu_roman": r"Phần thứ [IVX]+\. \S",
    "cum_nhiem_vu_letter": r"Cụm nhiệm vụ [A-F]: \S",
    "khia_canh_number": r"Khía cạnh \d – \S",
}


def test_pool_50_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_50:
        for e in [e for e in files_of(50, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_50_parts_are_phan_thu_and_a_roman_figure_not_an_ordinal_word():
    for e in files_of(50, ladder="phan_thu_roman"):
        for h in item_headings(e):
            assert re.match(r"Phần thứ [IVX]+\. ", h["text"]), e["file"]
            assert not re.match(r"Phần thứ (?:nhất|hai|ba|tư|năm|sáu)", h["text"]), e["file"]


def rpr_tags(run) -> list[str]:
    return [c.tag for c in run.find(f"{W}rPr")]


def test_pool_50_each_heading_embossed():
    files = files_of(50, "emboss_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(50, "emboss_heading", ladder="tru_cot_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                assert r.find(f"{W}rPr/{W}emboss") is not None, e["file"]
                tags = rpr_tags(r)  # w:emboss after w:b, w:i, w:caps; before w:color, w:sz
                assert all(tags.index(f"{W}emboss") > tags.index(t) for t in (f"{W}b", f"{W}i") if t in tags)
                assert all(tags.index(f"{W}emboss") < tags.index(t) for t in (f"{W}color", f"{W}sz") if t in tags)
        assert len(list(part_tree(e).iter(f"{W}emboss"))) >= len(item_headings(e)), e["file"]
    for e in files_of(50, kind="docx"):  # no other file embosses its letters
        if "emboss_heading" not in e["layouts"]:
            assert "<w:emboss" not in part_text(e), e["file"]


def test_pool_50_each_heading_hollow_and_shadowed():
    files = files_of(50, "outline_shadow_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(50, "outline_shadow_heading", ladder="phan_thu_roman")
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                assert r.find(f"{W}rPr/{W}outline") is not None, e["file"]
                assert r.find(f"{W}rPr/{W}shadow") is not None, e["file"]
                tags = rpr_tags(r)  # CT_RPr's order: w:outline, then w:shadow, both before w:color and w:sz
                assert tags.index(f"{W}outline") < tags.index(f"{W}shadow"), e["file"]
                assert all(tags.index(f"{W}shadow") < tags.index(t) for t in (f"{W}color", f"{W}sz") if t in tags)
    for e in files_of(50, kind="docx"):
        if "outline_shadow_heading" not in e["layouts"]:
            assert "<w:outline/>" not in part_text(e) and "<w:shadow/>" not in part_text(e), e["file"]


def test_pool_50_compressed_pdfs_are_ghostscripts_and_keep_their_text():
    import pdfplumber

    mh = generator()
    files = files_of(50, "gs_compressed_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(50, "gs_compressed_pdf", ladder="cum_nhiem_vu_letter")
    for e in files:
        data = path_of(e).read_bytes()
        assert re.search(rb"/Producer\s*\(GPL Ghostscript [\d.]+\)", data), e["file"]
        assert b"/CreationDate(D:20220525090000" in data, e["file"]  # SOURCE_DATE_EPOCH, not the clock
        assert "-dPDFSETTINGS=/ebook" in mh.GS_PDF and b"/Creator" in data, e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(50, kind="pdf"):
        if "gs_compressed_pdf" not in e["layouts"]:
            assert b"Ghostscript" not in path_of(e).read_bytes(), e["file"]


def test_pool_50_watermarked_pdfs_carry_the_offices_name_on_every_page():
    import pdfplumber

    files = files_of(50, "watermark_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(50, "watermark_pdf", ladder="khia_canh_number")
    for e in files:
        mark = e["watermark"]
        assert re.fullmatch(r"UBND (TỈNH|THÀNH PHỐ) [A-ZÀ-Ỹ -]+", mark) and mark in e["absent"], e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for page in pdf.pages:
                assert mark in " ".join((page.extract_text() or "").split()), (e["file"], page.page_number)
                big = [c for c in page.chars if c["size"] > 40]  # large, across the page
                assert big, (e["file"], page.page_number)
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(50, kind="pdf"):
        if "watermark_pdf" not in e["layouts"]:
            assert "watermark" not in e, e["file"]


def test_pool_50_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(50) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_50, *mh.FUNDING_WORDINGS_49}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "environment_budget_source":  # the sum from the environment budget, once
            assert e["funding"]["source"] == mh.ENVIRONMENT_BUDGET, e["file"]
            assert f"bố trí {million} triệu đồng từ {mh.ENVIRONMENT_BUDGET}" in text, e["file"]
            assert text.count("triệu đồng") == 1, e["file"]
        if e["funding"]["wording"] == "moved_out_midyear":  # the estimate less the part moved out, unwritten
            estimate, moved = e["funding"]["estimate_vnd"], e["funding"]["moved_out_vnd"]
            assert total == estimate - moved and 0 < moved < estimate // 3, e["file"]
            shown = [f"{v // 10**6:,}".replace(",", ".") for v in (estimate, moved)]
            assert f"là {shown[0]} triệu đồng." in text and f"điều chuyển {shown[1]} triệu đồng" in text, e["file"]
            assert f"{million} triệu" not in text and mh.MOVED_TO in text, e["file"]
    assert {e["letterhead"] for e in entries_of(50)} <= set(mh.LETTERHEADS_50)
    assert {e["letterhead"] for e in entries_of(50)} >= {"number_tracked_insert", "replaces_earlier_report"}
    docx = [e for e in entries_of(50) if e["kind"] == "docx"]
    assert {"number_tracked_insert", "replaces_earlier_report"} <= {e["letterhead"] for e in docx}
    for e in docx:
        tree = part_tree(e)
        insertions = [i for i in tree.iter(f"{W}ins") if i.get(f"{W}author") == mh.NUMBER_AUTHOR]
        if e["letterhead"] == "number_tracked_insert":  # the figures a tracked insertion in "Số: …/BC-UBND"
            assert len(insertions) == 1, e["file"]
            figures = (e["report_number"] or "").split("/")[0]
            assert "".join(t.text for t in insertions[0].iter(f"{W}t")) == figures, e["file"]
            assert paragraph_text(insertions[0].getparent()) == f"Số: {e['report_number']}", e["file"]
        else:
            assert not insertions, e["file"]
        if e["letterhead"] == "replaces_earlier_report" and "replaced_report" in e:  # another number, another date
            old = e["replaced_report"]
            line = f"(Báo cáo này thay thế Báo cáo số {old['number']} ngày {old['date']} của "
            notes = [p for p in body_paragraphs(e) if paragraph_text(p).startswith(line)]
            assert len(notes) == 1 and paragraph_text(notes[0]) in e["absent"], e["file"]
            assert old["number"] != e["report_number"], e["file"]
            day, month = map(int, old["date"].split("/")[:2])
            assert (5, int(e["report_date"][-2:])) > (month, day), e["file"]  # earlier than the report's date
    assert any("replaced_report" in e for e in docx)
    scans = files_of(50, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_50)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {38, 39}
    assert {e["ladder"] for e in scans} >= {"tru_cot_number", "phan_thu_roman", "khia_canh_number"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "numbering_stamp":
            assert e["scan"]["numbering_stamp"] == mh.NUMBERING and e["scan"]["dpi"] == 180, e["file"]
        else:
            assert e["scan"]["feed_shear"] == mh.SHEAR and e["scan"]["dpi"] == 150, e["file"]


def test_pool_50_numbering_stamps_sit_in_the_top_right_corner_of_every_scanned_sheet():
    """Dark figures in the blank top margin at the stamp's place, on each page of a numbering-stamp scan, and none
    there on a feed-shear scan."""
    import pdfplumber

    mh = generator()
    for e in files_of(50, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            pages = [p.to_image(resolution=100).original.convert("L") for p in pdf.pages[:2]]
        for image in pages:
            px = 100 / 25.4
            x, y = mh.NUMBERING["x_mm"], mh.NUMBERING["y_mm"]
            box = image.crop((int((x - 6) * px), int((y - 4) * px), int((x + 30) * px), int((y + 12) * px)))
            dark = sum(box.histogram()[:150])
            if e["scan"]["kind"] == "numbering_stamp":
                assert dark > 200, (e["file"], dark)  # four figures 4 mm high
            else:
                assert dark < 100, (e["file"], dark)  # a speck or the top of a line at most


def test_pool_50_feed_shear_slants_a_straight_line_by_its_drift():
    """The feed shear's mark moves the bottom of a vertical line sideways from its top by drift_mm_per_page, the
    middle of the page where a square feed puts it."""
    from PIL import Image, ImageDraw

    mh = generator()
    dpi = 150
    px = dpi / 25.4
    page = Image.new("L", (int(210 * px), int(297 * px)), 240)
    ImageDraw.Draw(page).line([(int(105 * px), 0), (int(105 * px), page.height)], fill=0, width=3)
    spec = next(s for s in mh.plan(mh.POOLS[50]) if s.kind == "scan" and s.scan_kind == "feed_shear")
    out = mh.scan_50_mark(spec)(page, 1, dpi)

    def line_x(y: int) -> float:
        row = out.crop((0, y, out.width, y + 1)).tobytes()
        xs = [i for i, v in enumerate(row) if v < 100]
        return sum(xs) / len(xs)

    top, middle, bottom = line_x(2), line_x(out.height // 2), line_x(out.height - 3)
    assert abs(abs(bottom - top) - mh.SHEAR["drift_mm_per_page"] * px) < 3
    assert abs(middle - 105 * px) < 3


# ---------------------------------------------------------------------------------------
# Pool 51: "Chủ điểm 1: …", "Mục chính I. …", "Phân hệ A – …", "Việc thứ nhất: …"; each heading engraved (w:imprint in
# its runs), each heading blinking (w:effect blinkBackground in its runs), a PDF printed again through cairo, a PDF
# whose headings a reviewer highlighted in a PDF reader (annotations in an incremental update); pools 1-50's at a lower
# weight, pools 49 and 50's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_51 = {"chu_diem_number", "muc_chinh_roman", "phan_he_letter", "viec_thu_word"}
LADDERS[51] = NEW_LADDERS_51 | {"tru_cot_number", "phan_thu_roman", "cum_nhiem_vu_letter",  # 1-50's
                                "khia_canh_number", "cau_phan_number", "phan_so_ket_roman", "tieu_phan_letter",
                                "phan_word_number"}
NEW_LAYOUTS_51 = {"imprint_heading", "blink_heading", "cairo_reprint_pdf", "highlight_annotated_pdf"}
LAYOUTS[51] = NEW_LAYOUTS_51 | {"emboss_heading", "outline_shadow_heading", "char_scale_heading",  # 1-50's
                                "fit_text_heading", "text_effects_heading", "char_border_heading", "collapsed_heading",
                                "connector_arrow_heading", "star_shape_bullet", "wordart_2010_heading",
                                "banner_shape_behind", "vml_line_under", "wps_textbox_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_51 = {  # how each of pool 51's ladders marks an item heading, as a reader sees it
    "chu_diem_number": r"Chủ điểm \d: \S",
    "muc_chinh_roman": r"Mục chính [IVX]+\. \S",
    "phan_he_letter": r"Phân hệ [A-F] – \S",
    "viec_thu_word": r"Việc thứ (?:nhất|hai|ba|tư|năm|sáu): \S",
}


def test_pool_51_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_51:
        for e in [e for e in files_of(51, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_51_tasks_are_counted_in_ordinal_words_not_figures():
    for e in files_of(51, ladder="viec_thu_word"):
        for h in item_headings(e):
            assert re.match(r"Việc thứ (?:nhất|hai|ba|tư|năm|sáu): ", h["text"]), e["file"]
            assert not re.match(r"Việc thứ (?:\d|bốn)", h["text"]), e["file"]  # "thứ tư", never "thứ bốn"


def test_pool_51_each_heading_engraved():
    files = files_of(51, "imprint_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(51, "imprint_heading", ladder="chu_diem_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                assert r.find(f"{W}rPr/{W}imprint") is not None, e["file"]
                tags = rpr_tags(r)  # CT_RPr's order: w:imprint after w:b, w:i, w:emboss; before w:color, w:sz
                assert all(tags.index(f"{W}imprint") > tags.index(t) for t in (f"{W}b", f"{W}i") if t in tags)
                assert all(tags.index(f"{W}imprint") < tags.index(t) for t in (f"{W}color", f"{W}sz") if t in tags)
        assert len(list(part_tree(e).iter(f"{W}imprint"))) >= len(item_headings(e)), e["file"]
    for e in files_of(51, kind="docx"):  # no other file engraves its letters
        if "imprint_heading" not in e["layouts"]:
            assert "<w:imprint" not in part_text(e), e["file"]


def test_pool_51_each_heading_blinks_as_libreoffice_writes_it():
    mh = generator()
    files = files_of(51, "blink_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(51, "blink_heading", ladder="muc_chinh_roman")
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                effect = r.find(f"{W}rPr/{W}effect")
                assert effect is not None and effect.get(f"{W}val") == mh.BLINK == "blinkBackground", e["file"]
                tags = rpr_tags(r)  # CT_RPr's order: w:effect after w:b, w:sz, w:u; before w:bdr, w:shd, w:lang
                assert all(tags.index(f"{W}effect") > tags.index(t) for t in (f"{W}b", f"{W}sz", f"{W}u")
                           if t in tags), e["file"]
                assert all(tags.index(f"{W}effect") < tags.index(t) for t in (f"{W}bdr", f"{W}shd", f"{W}lang")
                           if t in tags), e["file"]
        texts = [paragraph_text(p) for p in heading_paragraphs(e)]
        assert all(t.strip() for t in texts), e["file"]  # the words still there, only their look changed
    for e in files_of(51, kind="docx"):
        if "blink_heading" not in e["layouts"]:
            assert "blinkBackground" not in part_text(e), e["file"]


def test_pool_51_reprinted_pdfs_are_cairos_and_keep_their_text():
    import pdfplumber

    mh = generator()
    files = files_of(51, "cairo_reprint_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(51, "cairo_reprint_pdf", ladder="phan_he_letter")
    for e in files:
        data = path_of(e).read_bytes()
        assert re.search(rb"/Producer \(cairo [\d.]+ \(https://cairographics\.org\)\)", data), e["file"]
        assert b"/CreationDate (" + mh.CAIRO_DATE + b")" in data, e["file"]  # fixed, not the clock's
        assert b"LibreOffice" not in data, e["file"]  # every object drawn again, none of the export's kept
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(51, kind="pdf"):
        if "cairo_reprint_pdf" not in e["layouts"]:
            assert b"cairographics" not in path_of(e).read_bytes(), e["file"]


def test_pool_51_highlighted_pdfs_mark_each_heading_line_in_an_incremental_update():
    """Each item heading's first line under a yellow /Highlight annotation whose /Contents are its words, a sticky
    note on page 1 whose words are in no page's text, all added after the export's own %%EOF."""
    import pdfplumber

    mh = generator()
    files = files_of(51, "highlight_annotated_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(51, "highlight_annotated_pdf", ladder="viec_thu_word")
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]  # the export's bytes, then the update
        assert data.index(b"/Subtype/Highlight") > data.index(b"%%EOF"), e["file"]
        assert e["highlight"] == {"author": mh.HIGHLIGHT_PDF["author"], "note": mh.HIGHLIGHT_NOTE}, e["file"]
        assert mh.HIGHLIGHT_NOTE in e["absent"], e["file"]
        highlights, notes, text = [], [], []
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for page in pdf.pages:
                text.append(" ".join((page.extract_text() or "").split()))
                for a in page.annots:
                    kind = a["data"]["Subtype"].name
                    if kind == "Highlight":
                        inside = page.crop((a["x0"], a["top"], a["x1"], a["bottom"])).extract_text() or ""
                        highlights.append((a["contents"], " ".join(inside.split()), a["title"]))
                    elif kind == "Text":
                        notes.append((page.page_number, a["contents"], a["title"]))
        lines = [h["text"].split("\n")[0] for h in item_headings(e)]
        assert len(highlights) == len(lines), e["file"]
        for line, (contents, inside, title) in zip(lines, highlights, strict=True):
            first = " ".join(line.split()[:4])  # the label and the title's first words: this heading's line
            assert contents.startswith(first) and inside.startswith(first), (e["file"], line, contents, inside)
            assert title == mh.HIGHLIGHT_PDF["author"], e["file"]
        assert len({contents for contents, *_ in highlights}) == len(lines), e["file"]  # one line each
        assert notes == [(1, mh.HIGHLIGHT_NOTE, mh.HIGHLIGHT_PDF["author"])], e["file"]
        assert mh.HIGHLIGHT_NOTE not in " ".join(text), e["file"]  # a comment, not the report's text
    for e in files_of(51, kind="pdf"):
        if "highlight_annotated_pdf" not in e["layouts"]:
            assert b"/Subtype/Highlight" not in path_of(e).read_bytes() and "highlight" not in e, e["file"]


def test_pool_51_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(51) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_51, *mh.FUNDING_WORDINGS_50}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "share_of_total_stated":  # the budget's part and its share; the whole unwritten
            part, share = e["funding"]["budget_part_vnd"], e["funding"]["share_percent"]
            assert share in mh.SHARES_51 and part * 100 == total * share, e["file"]
            shown = f"{part // 10**6:,}".replace(",", ".")
            assert f"bố trí {shown} triệu đồng" in text and f"bằng {share}% tổng kinh phí" in text, e["file"]
            assert f"{100 - share}% còn lại" in text and f"{million} triệu" not in text, e["file"]
        if e["funding"]["wording"] == "units_times_unit_price":  # the count times the unit price, unwritten
            units, price = e["funding"]["units"], e["funding"]["unit_price_vnd"]
            assert total == units * price, e["file"]
            assert f"lắp đặt {units} bộ {mh.UNIT_ITEM}" in text, e["file"]
            assert f"đơn giá {price // 10**6} triệu đồng/bộ" in text and f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(51)} <= set(mh.LETTERHEADS_51)
    docx = [e for e in entries_of(51) if e["kind"] == "docx"]
    assert {"number_docproperty_field", "date_bookmarked"} <= {e["letterhead"] for e in docx}
    for e in docx:
        tree = part_tree(e)
        with zipfile.ZipFile(path_of(e)) as z:
            custom = z.read("docProps/custom.xml").decode() if "docProps/custom.xml" in z.namelist() else None
        instr = " ".join(t.text for t in tree.iter(f"{W}instrText"))
        if e["letterhead"] == "number_docproperty_field":  # "Số: " typed, the number a DOCPROPERTY field's result
            assert f"DOCPROPERTY  {mh.NUMBER_PROPERTY}" in instr, e["file"]
            assert f'name="{mh.NUMBER_PROPERTY}"><vt:lpwstr>{e["report_number"]}</vt:lpwstr>' in custom, e["file"]
            line = [p for p in tree.iter(f"{W}p") if any(t.text == "Số: " for t in p.iter(f"{W}t"))]
            assert len(line) == 1 and paragraph_text(line[0]) == f"Số: {e['report_number']}", e["file"]
        else:
            assert custom is None and "DOCPROPERTY" not in instr, e["file"]
        marks = [b for b in tree.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == mh.DATE_BOOKMARK]
        if e["letterhead"] == "date_bookmarked":  # the date's words between the bookmark's start and end
            assert len(marks) == 1, e["file"]
            inside, node = [], marks[0].getnext()
            while node.tag != f"{W}bookmarkEnd":
                inside += [t.text for t in node.iter(f"{W}t")]
                node = node.getnext()
            day = int(e["report_date"][-2:])
            assert "".join(inside) == f"ngày {day} tháng 5 năm 2022", e["file"]
            assert paragraph_text(marks[0].getparent()).endswith(", " + "".join(inside)), e["file"]
        else:
            assert not marks, e["file"]
    for e in files_of(51, kind="pdf"):  # LibreOffice shows the property's value where the field stands
        if e["letterhead"] == "number_docproperty_field":
            assert f"Số: {e['report_number']}" in pdf_words_49(e), e["file"]
    scans = files_of(51, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_51)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 37}
    assert {e["ladder"] for e in scans} >= {"chu_diem_number", "muc_chinh_roman", "viec_thu_word"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "letter_size_scan":
            assert e["scan"]["letter_size"] == mh.LETTER and e["scan"]["dpi"] == 200, e["file"]
        else:
            assert e["scan"]["column_stripes"] == mh.COLUMNS and e["scan"]["dpi"] == 150, e["file"]


def test_pool_51_scans_are_letter_sized_or_striped():
    """A Letter-size scan's pages are 8.5 x 11 inches, an A4 sheet's foot cut off; the other kind's pages are A4, their
    blank top margin streaked column by column more than a Letter scan's."""
    import pdfplumber
    from PIL import ImageStat

    def streaks(image, px) -> float:  # how much the blank top margin's columns differ from their neighbours
        band = image.crop((int(40 * px), int(3 * px), int(160 * px), int(10 * px)))
        columns = [ImageStat.Stat(band.crop((x, 0, x + 1, band.height))).mean[0] for x in range(band.width)]
        return sum(abs(a - b) for a, b in zip(columns, columns[1:], strict=False)) / (len(columns) - 1)

    for e in files_of(51, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
            image = pdf.pages[0].to_image(resolution=e["scan"]["dpi"]).original.convert("L")
        px = e["scan"]["dpi"] / 25.4
        if e["scan"]["kind"] == "letter_size_scan":
            assert all(abs(w - 612) <= 1 and abs(h - 792) <= 1 for w, h in sizes), (e["file"], sizes)  # Letter
            assert streaks(image, px) < 2.0, e["file"]
        else:
            assert all(abs(w - 595) <= 1 and abs(h - 842) <= 1 for w, h in sizes), (e["file"], sizes)  # A4
            assert streaks(image, px) > 2.5, (e["file"], streaks(image, px))


def test_pool_51_scan_marks_cut_a_page_to_letter_and_stripe_its_columns():
    """The Letter mark keeps the sheet's top left corner and shows the lid beyond its right edge; the stripes mark
    moves each column of a plain page by its own amount, within the spread, the same on every sheet."""
    from PIL import Image

    mh = generator()
    dpi = 150
    px = dpi / 25.4
    page = Image.new("RGB", (round(210 * px), round(297 * px)), (200, 200, 200))
    specs = mh.plan(mh.POOLS[51])
    letter = next(s for s in specs if s.kind == "scan" and s.scan_kind == "letter_size_scan")
    out = mh.scan_51_mark(letter)(page, 1, dpi)
    assert out.size == (round(mh.LETTER["width_mm"] * px), round(mh.LETTER["height_mm"] * px))
    assert out.getpixel((5, 5)) == (200, 200, 200) and out.getpixel((out.width - 3, 5)) == (mh.LETTER["lid_grey"],) * 3
    striped = next(s for s in specs if s.kind == "scan" and s.scan_kind == "sensor_column_stripes")
    one, two = mh.scan_51_mark(striped)(page, 1, dpi), mh.scan_51_mark(striped)(page, 2, dpi)
    assert one.size == page.size and one.tobytes() == two.tobytes()
    row = [one.getpixel((x, 40))[0] for x in range(one.width)]
    assert max(abs(v - 200) for v in row) <= mh.COLUMNS["spread"] and len(set(row)) > 10
    assert all(one.getpixel((x, 40)) == one.getpixel((x, one.height - 40)) for x in range(0, one.width, 7))


# ---------------------------------------------------------------------------------------
# Pool 52: "Thành phần 1: …", "Mục tiêu I. …", "Phương diện A. …", "Bước một – …"; each heading distributed across its
# line (w:jc distribute), each heading kept from the spelling checker (w:noProof in its runs), a PDF bookmarked at its
# headings in a PDF reader, a PDF whose white margins were cropped in a PDF editor (both in an incremental update);
# pools 1-51's at a lower weight, pools 50 and 51's funding wordings and two new ones, two new letterheads, two new
# scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_52 = {"thanh_phan_number", "muc_tieu_roman", "phuong_dien_letter", "buoc_word"}
LADDERS[52] = NEW_LADDERS_52 | {"chu_diem_number", "muc_chinh_roman", "phan_he_letter",  # 1-51's
                                "viec_thu_word", "tru_cot_number", "phan_thu_roman", "cum_nhiem_vu_letter",
                                "khia_canh_number"}
NEW_LAYOUTS_52 = {"distributed_heading", "noproof_heading", "bookmarked_pdf", "cropped_margins_pdf"}
LAYOUTS[52] = NEW_LAYOUTS_52 | {"imprint_heading", "blink_heading", "emboss_heading",  # 1-51's
                                "outline_shadow_heading", "char_scale_heading", "fit_text_heading",
                                "text_effects_heading", "char_border_heading", "collapsed_heading",
                                "connector_arrow_heading", "star_shape_bullet", "wordart_2010_heading",
                                "wps_textbox_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_52 = {  # how each of pool 52's ladders marks an item heading, as a reader sees it
    "thanh_phan_number": r"Thành phần \d: \S",
    "muc_tieu_roman": r"Mục tiêu [IVX]+\. \S",
    "phuong_dien_letter": r"Phương diện [A-F]\. \S",
    "buoc_word": r"Bước (?:một|hai|ba|bốn|năm|sáu) – \S",
}


def test_pool_52_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_52:
        for e in [e for e in files_of(52, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_52_steps_are_counted_in_cardinal_words_not_ordinals():
    """buoc_word counts its steps "một" to "sáu" ("bốn", not the ordinal "tư"; no "thứ")."""
    for e in files_of(52, ladder="buoc_word"):
        words = [re.match(r"Bước (\w+) – ", h["text"]).group(1) for h in item_headings(e)]
        assert not {"tư", "nhất", "thứ"} & set(words), e["file"]
        if len(words) == 6 and not set(e["layouts"]) & {"merged_5_6", "merged_4_5", "item_left_out",
                                                        "number_skipped", "first_heading_missing"}:
            assert words == ["một", "hai", "ba", "bốn", "năm", "sáu"], e["file"]


def ppr_tags(p) -> list[str]:
    ppr = p.find(f"{W}pPr")
    return [] if ppr is None else [c.tag for c in ppr]


def test_pool_52_each_heading_distributed_across_its_line():
    mh = generator()
    files = files_of(52, "distributed_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(52, "distributed_heading", ladder="thanh_phan_number")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            jc = p.findall(f"{W}pPr/{W}jc")
            assert len(jc) == 1 and jc[0].get(f"{W}val") == mh.DISTRIBUTE == "distribute", e["file"]
            tags = ppr_tags(p)  # CT_PPrBase's order: w:jc after w:spacing, w:ind; before w:outlineLvl, w:rPr
            assert all(tags.index(f"{W}jc") > tags.index(t) for t in (f"{W}spacing", f"{W}ind") if t in tags)
            assert all(tags.index(f"{W}jc") < tags.index(t) for t in (f"{W}outlineLvl", f"{W}rPr") if t in tags)
        texts = [paragraph_text(p) for p in heading_paragraphs(e)]
        assert all(t.strip() for t in texts), e["file"]  # the words as they were, only the line's spread changed
    for e in files_of(52, kind="docx"):  # no other file distributes a paragraph
        if "distributed_heading" not in e["layouts"]:
            assert 'w:val="distribute"' not in part_text(e), e["file"]


def test_pool_52_each_heading_kept_from_the_spelling_checker():
    files = files_of(52, "noproof_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(52, "noproof_heading", ladder="muc_tieu_roman")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                assert r.find(f"{W}rPr/{W}noProof") is not None, e["file"]
                tags = rpr_tags(r)  # CT_RPr's order: w:noProof after w:b, w:i, w:imprint; before w:color, w:sz
                assert all(tags.index(f"{W}noProof") > tags.index(t) for t in (f"{W}b", f"{W}i") if t in tags)
                assert all(tags.index(f"{W}noProof") < tags.index(t) for t in (f"{W}color", f"{W}sz", f"{W}lang")
                           if t in tags)
    for e in files_of(52, kind="docx"):  # no other file keeps words from the checker (a shape's own run may be)
        if "noproof_heading" not in e["layouts"]:
            assert not [r for r in part_tree(e).iter(f"{W}r")
                        if r.find(f"{W}t") is not None and r.find(f"{W}rPr/{W}noProof") is not None], e["file"]


def test_pool_52_bookmarked_pdfs_have_a_bookmark_at_each_heading_in_an_incremental_update():
    """An /Outlines tree added after the export's own %%EOF: one bookmark a heading, in order, its title the heading's
    line, its destination the page the line is on; the file set to open with its bookmarks shown."""
    import pdfplumber

    files = files_of(52, "bookmarked_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(52, "bookmarked_pdf", ladder="phuong_dien_letter")
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]  # the export's bytes, then the update
        assert data.index(b"/Type/Outlines") > data.index(b"%%EOF"), e["file"]
        assert b"/PageMode /UseOutlines" in data[data.index(b"%%EOF"):], e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            pages = {p.page_obj.pageid: p for p in pdf.pages}
            marks = [(level, title, dest) for level, title, dest, *_ in pdf.doc.get_outlines()]
            lines = [h["text"].split("\n")[0] for h in item_headings(e)]
            assert len(marks) == len(lines), e["file"]
            for line, (level, title, dest) in zip(lines, marks, strict=True):
                first = " ".join(line.split()[:4])
                assert level == 1 and title.startswith(first), (e["file"], line, title)
                page = pages[dest[0].objid]
                assert first in " ".join((page.extract_text() or "").split()), (e["file"], title)
    for e in files_of(52, kind="pdf"):
        if "bookmarked_pdf" not in e["layouts"]:
            assert b"/UseOutlines" not in path_of(e).read_bytes(), e["file"]


def test_pool_52_cropped_pdfs_crop_every_page_to_its_content_in_an_incremental_update():
    """Each page's /CropBox inside its /MediaBox, the white margins gone, every letter still inside it; the export's
    bytes kept, the boxes added after its %%EOF."""
    import pdfplumber

    mh = generator()
    files = files_of(52, "cropped_margins_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(52, "cropped_margins_pdf", ladder="buoc_word")
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]
        assert data.index(b"/CropBox") > data.index(b"%%EOF"), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for page in pdf.pages:
                x0, top, x1, bottom = page.cropbox  # pdfplumber's, from the top
                mx0, mtop, mx1, mbottom = page.mediabox
                assert x0 - mx0 > 40 and mx1 - x1 > 20 and top - mtop > 20 and mbottom - bottom > 20, e["file"]
                for c in page.chars:
                    assert x0 + mh.CROP_PAD_52 - 0.5 <= c["x0"] and c["x1"] <= x1 - mh.CROP_PAD_52 + 0.5, e["file"]
                    assert top <= c["top"] and c["bottom"] <= bottom, e["file"]
        text = pdf_words_49(e)
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in text, e["file"]
    for e in files_of(52, kind="pdf"):
        if "cropped_margins_pdf" not in e["layouts"]:
            assert b"/CropBox" not in path_of(e).read_bytes(), e["file"]


def test_pool_52_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(52) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_52, *mh.FUNDING_WORDINGS_51}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "supplemented_midyear":  # the estimate and the supplement; their sum unwritten
            estimate, supplement = e["funding"]["estimate_vnd"], e["funding"]["supplement_vnd"]
            assert total == estimate + supplement, e["file"]
            shown = f"{estimate // 10**6:,}".replace(",", ".")
            added = f"{supplement // 10**6:,}".replace(",", ".")
            assert f"là {shown} triệu đồng" in text and f"thêm {added} triệu đồng" in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if e["funding"]["wording"] == "usd_at_stated_rate":  # the dollars times the booking rate, unwritten
            usd, rate = e["funding"]["usd"], e["funding"]["rate_vnd_per_usd"]
            assert total == usd * rate and rate in mh.USD_RATES_52, e["file"]
            assert f"{usd:,} USD".replace(",", ".") in text, e["file"]
            assert f"{rate:,} đồng/USD".replace(",", ".") in text and f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(52)} <= set(mh.LETTERHEADS_52)
    docx = [e for e in entries_of(52) if e["kind"] == "docx"]
    assert {"number_form_field", "date_publish_property"} <= {e["letterhead"] for e in docx}
    for e in docx:
        tree = part_tree(e)
        instr = " ".join(t.text for t in tree.iter(f"{W}instrText"))
        names = [n.get(f"{W}val") for n in tree.iter(f"{W}name") if n.getparent().tag == f"{W}ffData"]
        marks = [b for b in tree.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == mh.NUMBER_FIELD_52]
        if e["letterhead"] == "number_form_field":  # "Số: " typed, the number a FORMTEXT field's result
            assert "FORMTEXT" in instr and mh.NUMBER_FIELD_52 in names and len(marks) == 1, e["file"]
            line = [p for p in tree.iter(f"{W}p") if any(t.text == "Số: " for t in p.iter(f"{W}t"))]
            assert len(line) == 1 and paragraph_text(line[0]) == f"Số: {e['report_number']}", e["file"]
            assert marks[0].getparent() is line[0], e["file"]
        else:
            assert mh.NUMBER_FIELD_52 not in names and not marks, e["file"]
        bound = [b for b in tree.iter(f"{W}dataBinding") if b.get(f"{W}storeItemID") == mh.COVER_PROPS_52["store"]]
        with zipfile.ZipFile(path_of(e)) as z:
            items = {n: z.read(n).decode() for n in z.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)}
            props = {n: z.read(n).decode() for n in z.namelist() if re.fullmatch(r"customXml/itemProps\d+\.xml", n)}
        cover = [text for text in items.values() if "CoverPageProperties" in text]
        if e["letterhead"] == "date_publish_property":  # the date in a control bound to the cover page's part
            assert len(bound) == 1 and "PublishDate" in bound[0].get(f"{W}xpath"), e["file"]
            sdt = bound[0].getparent().getparent()
            day = int(e["report_date"][-2:])
            shown = "".join(t.text for t in sdt.find(f"{W}sdtContent").iter(f"{W}t"))
            assert shown == f"ngày {day} tháng 5 năm 2022", e["file"]
            assert sdt.find(f"{W}sdtPr/{W}date").get(f"{W}fullDate") == f"{e['report_date']}T00:00:00Z"
            assert len(cover) == 1 and f"<PublishDate>{e['report_date']}T00:00:00</PublishDate>" in cover[0]
            assert any(mh.COVER_PROPS_52["store"] in text for text in props.values()), e["file"]
            assert paragraph_text(sdt.getparent()).endswith(", " + shown), e["file"]
        else:
            assert not bound and not cover, e["file"]
    for e in files_of(52, kind="pdf"):  # LibreOffice shows the field's result and the control's date as typed
        words = pdf_words_49(e)
        if e["letterhead"] == "number_form_field":
            assert f"Số: {e['report_number']}" in words, e["file"]
        if e["letterhead"] == "date_publish_property":
            day = int(e["report_date"][-2:])
            assert f"ngày {day} tháng 5 năm 2022" in words, e["file"]
    scans = files_of(52, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_52)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {35, 39}
    assert {e["ladder"] for e in scans} >= {"thanh_phan_number", "muc_tieu_roman", "buoc_word"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "density_72dpi":
            assert e["scan"]["page_density"] == mh.DENSITY_52 == 72 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["blank_backs"] is None, e["file"]
        else:
            assert e["scan"]["blank_backs"] == mh.BACKS_52 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["page_density"] is None, e["file"]


def test_pool_52_scans_are_pages_at_72_dpi_or_fronts_each_with_a_blank_back():
    """A 72 dpi scan's pages are their images' pixels in points (an A4 sheet at 200 dpi: 1654 x 2339 points), as many
    as the report's; a duplex scan's are A4, twice as many, every second one the back: paper with the front showing
    through, faint and mirrored, no print of its own."""
    import pdfplumber
    from PIL import ImageChops, ImageFilter, ImageOps, ImageStat

    for e in files_of(52, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
            if e["scan"]["kind"] == "density_72dpi":
                assert len(pdf.pages) == e["pages"], e["file"]
                assert sizes == {(round(210 / 25.4 * 200), round(297 / 25.4 * 200))}, (e["file"], sizes)
                image = pdf.pages[0].images[0]
                assert (image["srcsize"][0], image["srcsize"][1]) == sizes.pop(), e["file"]  # a pixel a point
                continue
            assert len(pdf.pages) == 2 * e["pages"], e["file"]
            assert all(abs(w - 595) <= 1 and abs(h - 842) <= 1 for w, h in sizes), (e["file"], sizes)
            shots = [p.to_image(resolution=50).original.convert("L") for p in pdf.pages[:2]]
        front, back = shots
        assert ImageStat.Stat(front).stddev[0] > 15, e["file"]  # print
        assert ImageStat.Stat(back).stddev[0] < 6 and ImageStat.Stat(back).mean[0] > 225, e["file"]  # paper
        # what shows through is the front, mirrored: the back's darker places lie where the mirrored front's print is
        dark = ImageOps.invert(ImageOps.autocontrast(back.filter(ImageFilter.GaussianBlur(1)), cutoff=2))
        mirrored = ImageStat.Stat(ImageChops.multiply(dark, ImageOps.invert(ImageOps.mirror(front)))).mean[0]
        straight = ImageStat.Stat(ImageChops.multiply(dark, ImageOps.invert(front))).mean[0]
        assert mirrored > 1.3 * straight, (e["file"], mirrored, straight)


# ---------------------------------------------------------------------------------------
# Pool 53: "Điểm nhấn 1: …", "Tầng I. …", "Khối A: …", "Công đoạn một. …"; each heading as Word's editing sessions
# left it (w:rsidR on its paragraph and runs, its title split where later sessions typed, the sessions in w:rsids),
# each heading kept with the next paragraph and its lines together (w:keepNext, w:keepLines), each heading in the
# theme's heading font and an accent colour (w:asciiTheme … and w:themeColor), a PDF saved again with its structure
# compressed (an object stream and a cross-reference stream); pools 1-52's at a lower weight, pools 51 and 52's funding
# wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_53 = {"diem_nhan_number", "tang_roman", "khoi_letter", "cong_doan_word"}
LADDERS[53] = NEW_LADDERS_53 | {"thanh_phan_number", "muc_tieu_roman", "phuong_dien_letter",  # 1-52's
                                "buoc_word", "chu_diem_number", "muc_chinh_roman", "phan_he_letter",
                                "viec_thu_word"}
NEW_LAYOUTS_53 = {"rsid_split_heading", "keep_next_heading", "theme_font_heading", "objstm_pdf"}
LAYOUTS[53] = NEW_LAYOUTS_53 | {"distributed_heading", "noproof_heading", "imprint_heading",  # 1-52's
                                "blink_heading", "emboss_heading", "outline_shadow_heading", "char_scale_heading",
                                "fit_text_heading", "text_effects_heading", "char_border_heading",
                                "collapsed_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_53 = {  # how each of pool 53's ladders marks an item heading, as a reader sees it
    "diem_nhan_number": r"Điểm nhấn \d: \S",
    "tang_roman": r"Tầng [IVX]+\. \S",
    "khoi_letter": r"Khối [A-F]: \S",
    "cong_doan_word": r"Công đoạn (?:một|hai|ba|bốn|năm|sáu)\. \S",
}


def test_pool_53_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_53:
        for e in [e for e in files_of(53, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_53_stages_are_counted_in_cardinal_words_not_ordinals():
    """cong_doan_word counts its stages "một" to "sáu" ("bốn", not the ordinal "tư"; no "thứ")."""
    for e in files_of(53, ladder="cong_doan_word"):
        words = [re.match(r"Công đoạn (\w+)\. ", h["text"]).group(1) for h in item_headings(e)]
        assert not {"tư", "nhất", "thứ"} & set(words), e["file"]
        if len(words) == 6 and not set(e["layouts"]) & {"merged_5_6", "merged_4_5", "item_left_out",
                                                        "number_skipped", "first_heading_missing"}:
            assert words == ["một", "hai", "ba", "bốn", "năm", "sáu"], e["file"]


def test_pool_53_each_heading_split_by_words_editing_sessions():
    """Each heading's paragraph marked with the session it was typed in (w:rsidR, w:rsidRDefault, w:rsidP alike),
    every run marked; its title cut into runs of the same properties, the later ones two later sessions' (w:rsidR and
    w:rsidRPr alike, higher than the first); every session in settings.xml's w:rsids, in ascending order."""
    files = files_of(53, "rsid_split_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(53, "rsid_split_heading", ladder="diem_nhan_number")  # on a new ladder too
    for e in files:
        listed = [r.get(f"{W}val") for r in part_tree(e, "word/settings.xml").iter(f"{W}rsid")]
        assert listed == sorted(listed, key=lambda v: int(v, 16)), e["file"]
        for p in heading_paragraphs(e):
            typed = p.get(f"{W}rsidR")
            assert typed and re.fullmatch(r"[0-9A-F]{8}", typed), e["file"]
            assert p.get(f"{W}rsidRDefault") == p.get(f"{W}rsidP") == typed, e["file"]
            runs = heading_text_runs(p)
            assert all(r.get(f"{W}rsidR") for r in runs), e["file"]
            sessions = [r.get(f"{W}rsidR") for r in runs]
            later = [s for s in dict.fromkeys(sessions) if s != typed]
            assert len(later) == 2 and all(int(s, 16) > int(typed, 16) for s in later), e["file"]
            assert {typed, *later} <= set(listed), e["file"]
            split = [r for r in runs if r.get(f"{W}rsidR") in later]
            assert all(r.get(f"{W}rsidRPr") == r.get(f"{W}rsidR") for r in split), e["file"]
            before = split[0].getprevious()
            assert before.get(f"{W}rsidR") == typed, e["file"]  # the title's first words typed in the first session
            looks = {etree_bytes(r.find(f"{W}rPr")) for r in [before, *split]}
            assert len(looks) == 1, e["file"]  # the same properties: only the sessions differ
            assert not before.find(f"{W}t").text.endswith("  ") and paragraph_text(p).strip(), e["file"]
    for e in files_of(53, kind="docx"):  # no other file's paragraph carries a session
        if "rsid_split_heading" not in e["layouts"]:
            assert not [p for p in part_tree(e).iter(f"{W}p") if p.get(f"{W}rsidP")], e["file"]


def etree_bytes(element) -> bytes:
    from lxml import etree

    return b"" if element is None else etree.tostring(element)


def test_pool_53_each_heading_kept_with_the_next_paragraph_and_its_lines_together():
    files = files_of(53, "keep_next_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(53, "keep_next_heading", ladder="tang_roman")  # on a new ladder too
    for e in files:
        for p in heading_paragraphs(e):
            tags = ppr_tags(p)  # CT_PPrBase's order: w:pStyle, then w:keepNext, w:keepLines, before the rest
            assert f"{W}keepNext" in tags and f"{W}keepLines" in tags, e["file"]
            head = [t for t in tags if t != f"{W}pStyle"][:2]
            assert head == [f"{W}keepNext", f"{W}keepLines"], e["file"]
            assert tags.index(f"{W}keepNext") == (1 if f"{W}pStyle" in tags else 0), e["file"]
    for e in files_of(53, kind="docx"):  # no other file keeps its lines together
        if "keep_next_heading" not in e["layouts"]:
            assert "<w:keepLines/>" not in part_text(e), e["file"]


def test_pool_53_each_heading_in_the_themes_heading_font_and_an_accent_colour():
    mh = generator()
    files = files_of(53, "theme_font_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(53, "theme_font_heading", ladder="khoi_letter")  # on a new ladder too
    for e in files:
        with zipfile.ZipFile(path_of(e)) as z:
            assert "<a:majorFont>" in z.read("word/theme/theme1.xml").decode(), e["file"]  # the theme it names
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                fonts, colour = r.find(f"{W}rPr/{W}rFonts"), r.find(f"{W}rPr/{W}color")
                assert {k: fonts.get(f"{W}{k}") for k in mh.THEME_53["fonts"]} == mh.THEME_53["fonts"], e["file"]
                assert colour.get(f"{W}themeColor") == "accent1" and colour.get(f"{W}themeShade") == "BF", e["file"]
                assert colour.get(f"{W}val") == "2F5496", e["file"]
                tags = rpr_tags(r)  # CT_RPr's order: w:rFonts after w:rStyle, before w:b; w:color before w:sz
                assert all(tags.index(f"{W}rFonts") < tags.index(t) for t in (f"{W}b", f"{W}i", f"{W}color")
                           if t in tags), e["file"]
                assert all(tags.index(f"{W}color") > tags.index(t) for t in (f"{W}b", f"{W}i") if t in tags)
                assert all(tags.index(f"{W}color") < tags.index(t) for t in (f"{W}sz", f"{W}u") if t in tags)
    for e in files_of(53, kind="docx"):  # no other file takes a theme's font
        if "theme_font_heading" not in e["layouts"]:
            assert "w:asciiTheme" not in part_text(e), e["file"]


def test_pool_53_objstm_pdfs_keep_their_objects_in_a_stream_and_their_cross_reference_in_another():
    """No classic cross-reference table or trailer: one compressed object stream holding every dictionary (the catalog
    too) and one cross-reference stream naming the catalog, /ID and every object, which startxref points at; every
    stream's /Length direct; the words all there for pdfplumber, poppler and pdfium."""
    import pdfplumber
    import pypdfium2 as pdfium

    files = files_of(53, "objstm_pdf")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(53, "objstm_pdf", ladder="cong_doan_word")
    for e in files:
        data = path_of(e).read_bytes()
        assert re.match(rb"%PDF-1\.[5-7]", data), e["file"]
        assert b"\nxref" not in data and b"trailer" not in data and data.count(b"%%EOF") == 1, e["file"]
        assert data.count(b"/Type/ObjStm") == 1 and data.count(b"/Type/XRef") == 1, e["file"]
        assert not re.search(rb"/Length\s+\d+\s+0\s+R", data), e["file"]
        at = int(re.search(rb"startxref\s+(\d+)", data)[1])
        xref = re.match(rb"(\d+) 0 obj\s*(<<.*?>>)\s*stream\r?\n", data[at:], re.S)
        assert xref and b"/Type/XRef" in xref[2] and b"/Root " in xref[2] and b"/ID" in xref[2], e["file"]
        width = [int(w) for w in re.search(rb"/W\s*\[([^\]]*)\]", xref[2])[1].split()]
        size = int(re.search(rb"/Size (\d+)", xref[2])[1])
        length = int(re.search(rb"/Length (\d+)", xref[2])[1])
        rows = zlib.decompress(data[at + xref.end():at + xref.end() + length])
        assert len(rows) == size * sum(width), e["file"]
        kinds = [rows[k * sum(width)] for k in range(size)]
        assert kinds.count(2) > kinds.count(1) > 2, e["file"]  # most objects packed, the streams and the two beside
        m = re.search(rb"(\d+) 0 obj\n(<</Type/ObjStm[^>]*>>)\nstream\n", data)
        count = int(re.search(rb"/N (\d+)", m[2])[1])
        first = int(re.search(rb"/First (\d+)", m[2])[1])
        packed = zlib.decompress(data[m.end():m.end() + int(re.search(rb"/Length (\d+)", m[2])[1])])
        assert count == kinds.count(2) and len(packed[:first].split()) == 2 * count, e["file"]
        assert b"/Type/Catalog" in packed[first:] and b"/Type/Catalog" not in data, e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
        assert len(pdfium.PdfDocument(str(path_of(e)))) == e["pages"], e["file"]
        poppler = subprocess.run(["pdftotext", str(path_of(e)), "-"], capture_output=True, check=True)
        assert not poppler.stderr, (e["file"], poppler.stderr[:200])
        text, shown = pdf_words_49(e), " ".join(poppler.stdout.decode().split())
        for h in item_headings(e):
            first_words = " ".join(h["text"].split("\n")[0].split()[:3])
            assert first_words in text and first_words in shown, e["file"]
    for e in files_of(53, kind="pdf"):
        if "objstm_pdf" not in e["layouts"]:
            assert b"/Type/ObjStm" not in path_of(e).read_bytes(), e["file"]


def test_pool_53_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(53) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_53, *mh.FUNDING_WORDINGS_52}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "pre_vat_with_rate":  # the price before tax and the rate; with the tax unwritten
            price, rate = e["funding"]["pre_vat_vnd"], e["funding"]["vat_percent"]
            assert rate == mh.VAT_RATE_53 == 10 and total == price * (100 + rate) // 100, e["file"]
            shown = f"{price // 10**6:,}".replace(",", ".")
            assert f"là {shown} triệu đồng (chưa bao gồm thuế giá trị gia tăng)" in text, e["file"]
            assert f"áp dụng {rate}%" in text and f"{million} triệu" not in text, e["file"]
        if e["funding"]["wording"] == "counterpart_share_of_oda":  # the loan and its counterpart share; sum unwritten
            loan, share = e["funding"]["oda_vnd"], e["funding"]["counterpart_percent"]
            assert share in mh.COUNTERPART_SHARES_53 and total == loan * (100 + share) // 100, e["file"]
            shown = f"{loan // 10**6:,}".replace(",", ".")
            assert f"vốn vay ODA của Ngân hàng Thế giới là {shown} triệu đồng" in text, e["file"]
            assert f"bằng {share}% vốn vay ODA" in text and f"{million} triệu" not in text, e["file"]
    assert {e["funding"]["counterpart_percent"] for e in funded
            if e["funding"]["wording"] == "counterpart_share_of_oda"} >= {10, 20}
    assert {e["letterhead"] for e in entries_of(53)} <= set(mh.LETTERHEADS_53)
    docx = [e for e in entries_of(53) if e["kind"] == "docx"]
    assert {"number_fillin_field", "date_docvariable"} <= {e["letterhead"] for e in docx}
    for e in docx:
        tree = part_tree(e)
        settings = part_tree(e, "word/settings.xml")
        instr = " ".join(t.text for t in tree.iter(f"{W}instrText"))
        variables = {v.get(f"{W}name"): v.get(f"{W}val") for v in settings.iter(f"{W}docVar")}
        if e["letterhead"] == "number_fillin_field":  # "Số: " typed, the number a FILLIN field's result
            assert f'FILLIN  "{mh.FILLIN_PROMPT_53}"' in instr, e["file"]
            line = [p for p in tree.iter(f"{W}p") if any(t.text == "Số: " for t in p.iter(f"{W}t"))]
            assert len(line) == 1 and paragraph_text(line[0]) == f"Số: {e['report_number']}", e["file"]
            codes = [t.text for t in line[0].iter(f"{W}instrText")]
            assert len(codes) == 1 and "FILLIN" in codes[0], e["file"]
        else:
            assert mh.FILLIN_PROMPT_53 not in instr, e["file"]
        day = int(e["report_date"][-2:])
        when = f"ngày {day} tháng 5 năm 2022"
        if e["letterhead"] == "date_docvariable":  # the date a DOCVARIABLE field's result, the variable the same
            assert f"DOCVARIABLE  {mh.DATE_VARIABLE_53}" in instr and variables[mh.DATE_VARIABLE_53] == when
            line = [p for p in tree.iter(f"{W}p") if any(mh.DATE_VARIABLE_53 in (t.text or "")
                                                         for t in p.iter(f"{W}instrText"))]
            assert len(line) == 1 and paragraph_text(line[0]).endswith(", " + when), e["file"]
        else:
            assert mh.DATE_VARIABLE_53 not in variables and mh.DATE_VARIABLE_53 not in instr, e["file"]
    for e in files_of(53, kind="pdf"):  # LibreOffice prints the fields' results
        words = pdf_words_49(e)
        if e["letterhead"] == "number_fillin_field":
            assert f"Số: {e['report_number']}" in words, e["file"]
        if e["letterhead"] == "date_docvariable":
            day = int(e["report_date"][-2:])
            assert f"ngày {day} tháng 5 năm 2022" in words, e["file"]
    scans = files_of(53, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_53)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"diem_nhan_number", "tang_roman", "cong_doan_word"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "double_struck_stamp":
            assert e["scan"]["second_strike"] == mh.STRIKE_53 and e["scan"]["dpi"] == 180, e["file"]
            assert e["scan"]["carriage_jitter"] is None, e["file"]
        else:
            assert e["scan"]["carriage_jitter"] == mh.JITTER_53 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["second_strike"] is None, e["file"]


def test_pool_53_scans_are_a4_pages_of_their_dpi_their_stamps_struck_twice_or_their_rows_stuttering():
    """Every scan's pages are A4 images at its dpi, as many as the report's; a stuttering carriage repeats a band of
    rows every JITTER_53["every_mm"] (the rows just after a stall are those just before it) and keeps the page's
    height."""
    import pdfplumber
    from PIL import ImageChops, ImageStat

    mh = generator()
    for e in files_of(53, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for page in pdf.pages:
                image = page.images[0]
                assert abs(image["srcsize"][0] - 210 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
                assert abs(image["srcsize"][1] - 297 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
    # the mark itself, on a page of stripes: the repeated rows are there and the page keeps its height
    from PIL import Image, ImageDraw

    spec = types.SimpleNamespace(scan_kind="carriage_jitter")
    jitter = mh.scan_53_mark(spec, None, "", "")
    page = Image.new("L", (40, 1754), 255)
    draw = ImageDraw.Draw(page)
    for y in range(0, 1754):
        draw.point((0, y), fill=y % 256)
    out = jitter(page, 1, 150)
    assert out.size == page.size
    every = round(mh.JITTER_53["every_mm"] / 25.4 * 150)
    rows = mh.JITTER_53["rows"]
    column = [out.getpixel((0, y)) for y in range(out.height)]
    assert column[every:every + rows] == column[every - rows:every]  # read twice at the stall
    assert ImageStat.Stat(ImageChops.difference(out, page)).mean[0] > 0


# ---------------------------------------------------------------------------------------
# Pool 54: "Tiêu điểm 1. …", "Phân khu I: …", "Nhánh A/ …", "Chặng 1/6: …"; each heading kerned and set with Word's
# OpenType features (w:kern, w14:ligatures, w14:numForm, w14:numSpacing, w14:cntxtAlts), a .docx saved again by
# LibreOffice Writer, a PDF numbered "Trang 1/3" in a PDF editor (a footer artifact in an incremental update), a PDF
# with the report's .docx attached (an /EmbeddedFiles name tree in an incremental update); pools 1-53's at a lower
# weight, pools 52 and 53's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_54 = {"tieu_diem_number", "phan_khu_roman", "nhanh_letter", "chang_of_six"}
LADDERS[54] = NEW_LADDERS_54 | {"diem_nhan_number", "tang_roman", "khoi_letter", "cong_doan_word",  # 1-53's
                                "thanh_phan_number", "muc_tieu_roman", "phuong_dien_letter", "buoc_word"}
NEW_LAYOUTS_54 = {"opentype_heading", "lo_saved_docx", "page_numbered_pdf", "attached_docx_pdf"}
LAYOUTS[54] = NEW_LAYOUTS_54 | {"rsid_split_heading", "keep_next_heading", "theme_font_heading",  # 1-53's
                                "distributed_heading", "noproof_heading", "imprint_heading", "blink_heading",
                                "emboss_heading", "outline_shadow_heading", "char_scale_heading", "fit_text_heading",
                                "text_effects_heading", "char_border_heading", "collapsed_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_54 = {  # how each of pool 54's ladders marks an item heading, as a reader sees it
    "tieu_diem_number": r"Tiêu điểm \d\. \S",
    "phan_khu_roman": r"Phân khu [IVX]+: \S",
    "nhanh_letter": r"Nhánh [A-F]/ \S",
    "chang_of_six": r"Chặng [1-6]/6: \S",
}


def test_pool_54_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_54:
        for e in [e for e in files_of(54, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_54_legs_are_counted_against_the_outlines_six():
    """chang_of_six counts each item "n/6", the outline's six items, whatever the report merged."""
    for e in files_of(54, ladder="chang_of_six"):
        counts = [re.match(r"Chặng (\d)/(\d): ", h["text"]).groups() for h in item_headings(e)]
        assert counts and {total for _, total in counts} == {"6"}, e["file"]
        numbers = [int(n) for n, _ in counts]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), e["file"]


def test_pool_54_each_heading_kerned_and_set_with_words_opentype_features():
    """Each heading's text runs with w:kern (half-points) where CT_RPr's sequence puts it, and w14:ligatures,
    w14:numForm, w14:numSpacing and w14:cntxtAlts, in that order, at the end of the run's w:rPr; w14 declared and
    ignorable on the document; no other file uses an OpenType feature."""
    mh = generator()
    o = mh.OPENTYPE_54
    files = files_of(54, "opentype_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(54, "opentype_heading", ladder="tieu_diem_number")  # on a new ladder too
    for e in files:
        root = part_tree(e)
        assert "w14" in root.get(f"{MC}Ignorable", "").split() and root.nsmap.get("w14") == W14[1:-1], e["file"]
        for p in heading_paragraphs(e):
            runs = heading_text_runs(p)
            assert runs, e["file"]
            for r in runs:
                kern = r.find(f"{W}rPr/{W}kern")
                assert kern is not None and kern.get(f"{W}val") == str(o["kern"]), e["file"]
                tags = rpr_tags(r)
                w14 = [t for t in tags if t.startswith(W14)]
                assert w14 == [f"{W14}ligatures", f"{W14}numForm", f"{W14}numSpacing", f"{W14}cntxtAlts"], e["file"]
                assert tags[-4:] == w14, e["file"]  # at the end, after every w: property
                assert all(tags.index(f"{W}kern") > tags.index(t) for t in (f"{W}b", f"{W}i", f"{W}color")
                           if t in tags), e["file"]
                assert all(tags.index(f"{W}kern") < tags.index(t) for t in (f"{W}position", f"{W}sz", f"{W}u")
                           if t in tags), e["file"]
                assert r.find(f"{W}rPr/{W14}ligatures").get(f"{W14}val") == o["ligatures"], e["file"]
                assert r.find(f"{W}rPr/{W14}numForm").get(f"{W14}val") == o["numForm"], e["file"]
                assert r.find(f"{W}rPr/{W14}numSpacing").get(f"{W14}val") == o["numSpacing"], e["file"]
    for e in files_of(54, kind="docx"):  # no other file kerns or uses an OpenType feature
        if "opentype_heading" not in e["layouts"]:
            assert "w14:ligatures" not in part_text(e) and "<w:kern " not in part_text(e), e["file"]


def test_pool_54_lo_saved_files_are_libreoffices_with_the_same_words():
    """Each lo_saved_docx file written by LibreOffice (docProps/app.xml names it, its styles its own), every paragraph
    of the body and of its tables the words of the .docx the generator makes for it, and every item heading's line
    one of its paragraphs; no other .docx is LibreOffice's."""
    import io

    import docx

    files = files_of(54, "lo_saved_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(54, "lo_saved_docx", ladder="phan_khu_roman")  # on a new ladder too
    regenerated = regenerate(54)

    def words(document) -> list[str]:
        out = [p.text for p in document.paragraphs]
        for table in document.tables:
            out += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
        return [t for t in out if t.strip()]

    for e in files:
        app = part_text(e, "docProps/app.xml")
        assert re.search(r"<Application>LibreOffice/\d", app), e["file"]
        made = regenerated[e["file"]][1]
        assert path_of(e).read_bytes() != made, e["file"]  # saved again, not the generator's bytes
        assert words(docx.Document(str(path_of(e)))) == words(docx.Document(io.BytesIO(made))), e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
    for e in files_of(54, kind="docx"):
        if "lo_saved_docx" not in e["layouts"]:
            assert "LibreOffice" not in part_text(e, "docProps/app.xml"), e["file"]


def test_pool_54_page_numbered_pdfs_carry_a_footer_artifact_on_every_page_in_an_incremental_update():
    """The export's bytes, then an update: each page's /Contents an array of three (a "q" stream, the page's own, a
    stream that restores the state and draws "Trang k/n" marked as a pagination artifact), Helvetica in the fonts;
    the footer's words on each page for pdfplumber and poppler, no item's text holding them."""
    import pdfplumber

    mh = generator()
    files = files_of(54, "page_numbered_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(54, "page_numbered_pdf", ladder="nhanh_letter")
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]
        update = data[data.index(b"%%EOF"):]
        assert b"/Artifact" not in data[:data.index(b"%%EOF")], e["file"]
        assert update.count(b"/Type /Pagination") == e["pages"], e["file"]
        assert update.count(b"/Subtype /Footer") == e["pages"], e["file"]
        assert b"/BaseFont/Helvetica" in update, e["file"]
        arrays = re.findall(rb"/Contents\[(\d+) 0 R (\d+) 0 R (\d+) 0 R\]", update)
        assert len(arrays) == e["pages"] and len({a[0] for a in arrays}) == 1, e["file"]  # one "q" stream for all
        assert e["page_footer"] == {k: mh.FOOTER_54[k] for k in ("text", "font", "size", "bottom_pt")}, e["file"]
        poppler = subprocess.run(["pdftotext", "-layout", str(path_of(e)), "-"], capture_output=True, check=True)
        assert not poppler.stderr, (e["file"], poppler.stderr[:200])
        pages = poppler.stdout.decode().split("\f")
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for k, page in enumerate(pdf.pages, start=1):
                footer = mh.FOOTER_54["text"].format(page=k, pages=e["pages"])
                lines = (page.extract_text() or "").split("\n")
                assert lines[-1].strip() == footer, (e["file"], lines[-1])  # the page's last line
                assert footer in pages[k - 1], e["file"]
        assert not any("Trang " in text for text in e["sections"].values()), e["file"]
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in pdf_words_49(e), e["file"]
    for e in files_of(54, kind="pdf"):
        if "page_numbered_pdf" not in e["layouts"]:
            assert b"/Pagination" not in path_of(e).read_bytes(), e["file"]


def test_pool_54_attached_pdfs_carry_the_reports_own_docx_in_an_incremental_update():
    """The export's bytes, then an update adding one embedded file (the report's .docx as the generator makes it: its
    /Params /Size and /CheckSum its own, its MIME subtype Word's), named in the catalog's /EmbeddedFiles name tree,
    the file opening on its attachments; poppler lists it by its Unicode name; its words the report's."""
    import hashlib
    import io

    import docx

    files = files_of(54, "attached_docx_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(54, "attached_docx_pdf", ladder="chang_of_six")
    regenerated = regenerate(54)
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]
        end = data.index(b"%%EOF")
        assert b"/EmbeddedFiles" not in data[:end] and b"/PageMode /UseAttachments" in data[end:], e["file"]
        m = re.search(rb"<</Type/EmbeddedFile/Subtype/([^/]+)/Params<</Size (\d+)/CheckSum<([0-9A-F]{32})>.*?"
                      rb"/Filter/FlateDecode/Length (\d+)>>\nstream\n", data, re.S)
        assert m and m.start() > end, e["file"]
        attached = zlib.decompress(data[m.end():m.end() + int(m[4])])
        assert m[1].decode().replace("#2F", "/") == e["attachment"]["mime"], e["file"]
        assert int(m[2]) == len(attached) and m[3].decode().lower() == hashlib.md5(attached).hexdigest(), e["file"]
        assert attached == regenerated[e["file"]][1], e["file"]  # the report's own .docx
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(attached)).paragraphs)
        for h in item_headings(e):
            assert h["text"].split("\n")[0] in text, e["file"]
        listed = subprocess.run(["pdfdetach", "-list", str(path_of(e))], capture_output=True, check=True)
        assert e["attachment"]["unicode_name"] in listed.stdout.decode(), e["file"]
        assert e["attachment"]["name"].encode() in data[end:], e["file"]
        assert e["report_number"].replace("/", "-") in e["attachment"]["name"], e["file"]
        words = pdf_words_49(e)
        assert all(" ".join(h["text"].split("\n")[0].split()[:3]) in words for h in item_headings(e)), e["file"]
    for e in files_of(54, kind="pdf"):
        if "attached_docx_pdf" not in e["layouts"]:
            assert b"/EmbeddedFile" not in path_of(e).read_bytes(), e["file"]


def test_pool_54_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(54) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_54, *mh.FUNDING_WORDINGS_53}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "rise_on_last_year":  # last year's money and the rise; this year's unwritten
            last, rise = e["funding"]["last_year_vnd"], e["funding"]["rise_percent"]
            assert rise in mh.RISES_54 and total == last * (100 + rise) // 100, e["file"]
            assert total % 10**6 == 0, e["file"]  # whole millions
            shown = f"{last // 10**6:,}".replace(",", ".")
            assert "Năm 2021, kinh phí thực hiện Đề án tại " in text and f"là {shown} triệu đồng." in text
            assert f"tăng {rise}% so với năm 2021" in text and f"{million} triệu" not in text, e["file"]
        if e["funding"]["wording"] == "estimate_cut_by_share":  # the estimate and the cut; what is left unwritten
            estimate, cut = e["funding"]["estimate_vnd"], e["funding"]["cut_percent"]
            assert cut in mh.CUTS_54 and total == estimate * (100 - cut) // 100, e["file"]
            shown = f"{estimate // 10**6:,}".replace(",", ".")
            assert "Dự toán năm 2022 giao cho Đề án tại " in text and f"là {shown} triệu đồng;" in text, e["file"]
            assert f"cắt giảm {cut}% dự toán này" in text and f"{million} triệu" not in text, e["file"]
    assert {e["funding"]["rise_percent"] for e in funded if e["funding"]["wording"] == "rise_on_last_year"} >= {10, 20}
    assert len({e["funding"]["cut_percent"] for e in funded if e["funding"]["wording"] == "estimate_cut_by_share"}) >= 2
    assert {e["letterhead"] for e in entries_of(54)} <= set(mh.LETTERHEADS_54)
    docx_files = [e for e in entries_of(54) if e["kind"] == "docx"]
    assert {"number_commented", "date_tracked_correction"} <= {e["letterhead"] for e in docx_files}
    c = mh.NUMBER_COMMENT_54
    for e in docx_files:
        tree = part_tree(e)
        starts = list(tree.iter(f"{W}commentRangeStart"))
        if e["letterhead"] == "number_commented":  # the comment's range the number; its text the văn thư's note
            comments = part_tree(e, "word/comments.xml")
            so = e["report_number"].split("/")[0]
            note = c["text"].format(so=so, draft=int(so) - 7)
            found = [m for m in comments.iter(f"{W}comment") if "".join(t.text or "" for t in m.iter(f"{W}t")) == note]
            assert len(found) == 1 and found[0].get(f"{W}author") == c["author"], e["file"]
            cid = found[0].get(f"{W}id")
            start = next(s for s in starts if s.get(f"{W}id") == cid)
            line = start.getparent()
            assert paragraph_text(line) == f"Số: {e['report_number']}", e["file"]
            inside, node = [], start.getnext()
            while node.tag != f"{W}commentRangeEnd":
                inside += [t.text for t in node.iter(f"{W}t")]
                node = node.getnext()
            assert "".join(inside) == e["report_number"] and node.get(f"{W}id") == cid, e["file"]
            assert note in e["absent"], e["file"]
        else:
            with zipfile.ZipFile(path_of(e)) as z:
                if "word/comments.xml" in z.namelist():
                    assert "Văn thư: đã lấy số" not in z.read("word/comments.xml").decode(), e["file"]
        dels = [d for d in tree.iter(f"{W}del") if d.get(f"{W}author") == mh.DATE_CORRECTION_54["author"]]
        if e["letterhead"] == "date_tracked_correction":  # the draft's day deleted, the day of issue inserted
            day = str(int(e["report_date"][-2:]))
            assert len(dels) == 1, e["file"]
            deleted = "".join(t.text for t in dels[0].iter(f"{W}delText"))
            inserted = dels[0].getnext()
            assert inserted.tag == f"{W}ins" and "".join(t.text for t in inserted.iter(f"{W}t")) == day
            assert deleted != day and deleted.isdigit(), e["file"]
            line = dels[0].getparent()
            assert paragraph_text(line).endswith(f", ngày {day} tháng 5 năm 2022"), e["file"]
            view = part_tree(e, "word/settings.xml").find(f"{W}revisionView")
            assert view is not None and view.get(f"{W}markup") == "0" and view.get(f"{W}insDel") == "0", e["file"]
        else:
            assert not dels, e["file"]
    for e in files_of(54, kind="pdf"):  # LibreOffice prints neither the comment nor the deleted day
        words = pdf_words_49(e)
        assert "Văn thư: đã lấy số" not in words, e["file"]
        if e["letterhead"] == "date_tracked_correction":
            day = int(e["report_date"][-2:])
            assert f", ngày {day} tháng 5 năm 2022" in words, e["file"]
    scans = files_of(54, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_54)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"tieu_diem_number", "phan_khu_roman", "chang_of_six"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "autocrop_short":
            assert e["scan"]["autocrop"] == mh.AUTOCROP_54 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["toner_save"] is None, e["file"]
        else:
            assert e["scan"]["toner_save"] == mh.TONER_SAVE_54 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["autocrop"] is None, e["file"]


def test_pool_54_scans_are_cut_short_by_the_size_detection_or_printed_in_toner_save():
    """An autocropped scan's pages are A4 less AUTOCROP_54's millimetres at the right and the foot; a toner-save
    scan's are A4; the toner-save mark lightens ink and dots it on its lattice, the paper untouched."""
    import pdfplumber
    from PIL import Image

    mh = generator()
    for e in files_of(54, kind="scan"):
        dpi = e["scan"]["dpi"]
        width, height = 210.0, 297.0
        if e["scan"]["kind"] == "autocrop_short":
            width -= mh.AUTOCROP_54["right_mm"]
            height -= mh.AUTOCROP_54["bottom_mm"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            for page in pdf.pages:
                image = page.images[0]
                assert abs(image["srcsize"][0] - width / 25.4 * dpi) <= 2, e["file"]
                assert abs(image["srcsize"][1] - height / 25.4 * dpi) <= 2, e["file"]
    t = mh.TONER_SAVE_54
    toner = mh.scan_54_mark(types.SimpleNamespace(scan_kind="toner_save_print"))
    page = Image.new("L", (30, 30), 0)
    page.paste(250, (0, 15, 30, 30))  # ink above, paper below
    out = toner(page, 1, 150)
    assert out.size == page.size
    assert out.getpixel((0, 0)) == t["dot"] and out.getpixel((1, 0)) == round(255 * t["lighten"])
    assert out.getpixel((1, 20)) == out.getpixel((0, 21)) == 250  # the paper keeps its grey
    crop = mh.scan_54_mark(types.SimpleNamespace(scan_kind="autocrop_short"))
    sheet = crop(Image.new("L", (1654, 2339), 255), 1, 200)
    assert sheet.size == (1654 - round(mh.AUTOCROP_54["right_mm"] / 25.4 * 200),
                          2339 - round(mh.AUTOCROP_54["bottom_mm"] / 25.4 * 200))


# ---------------------------------------------------------------------------------------
# Pool 55: "Ý chính 1 – …", "Bình diện I. …", "Phân đoạn A: …", "Tiểu hợp phần 1.1: …"; each heading's line spacing
# Exactly 12 pt (w:spacing w:lineRule="exact"), a .docx in Word 2003's compatibility mode (w:compat, compatibilityMode
# 11), a PDF whose signature page is the signed sheet's scan (an image-only page in an incremental update), a PDF
# whose pages are scans over their text in render mode 3 (a searchable scan, in an incremental update); pools 1-54's
# at a lower weight, pools 53 and 54's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_55 = {"y_chinh_number", "binh_dien_roman", "phan_doan_letter", "tieu_hop_phan_decimal"}
LADDERS[55] = NEW_LADDERS_55 | {"tieu_diem_number", "phan_khu_roman", "nhanh_letter", "chang_of_six",  # 1-54's
                                "diem_nhan_number", "tang_roman", "khoi_letter", "cong_doan_word"}
NEW_LAYOUTS_55 = {"exact_line_heading", "compat_2003_docx", "scanned_signature_page_pdf", "searchable_image_pdf"}
LAYOUTS[55] = NEW_LAYOUTS_55 | {"opentype_heading", "lo_saved_docx", "rsid_split_heading",  # 1-54's
                                "keep_next_heading", "theme_font_heading", "distributed_heading", "noproof_heading",
                                "imprint_heading", "blink_heading", "emboss_heading", "outline_shadow_heading",
                                "char_scale_heading", "text_effects_heading", "fit_text_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_55 = {  # how each of pool 55's ladders marks an item heading, as a reader sees it
    "y_chinh_number": r"Ý chính \d – \S",
    "binh_dien_roman": r"Bình diện [IVX]+\. \S",
    "phan_doan_letter": r"Phân đoạn [A-F]: \S",
    "tieu_hop_phan_decimal": r"Tiểu hợp phần 1\.[1-6]: \S",
}


def test_pool_55_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_55:
        for e in [e for e in files_of(55, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_55_sub_components_are_all_component_ones():
    """tieu_hop_phan_decimal numbers each item "1.n", the first level always 1 (the report one component), n rising."""
    for e in files_of(55, ladder="tieu_hop_phan_decimal"):
        counts = [re.match(r"Tiểu hợp phần (\d)\.(\d): ", h["text"]).groups() for h in item_headings(e)]
        assert counts and {first for first, _ in counts} == {"1"}, e["file"]
        numbers = [int(n) for _, n in counts]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), e["file"]


def pool_55_ppr_tags(p) -> list[str]:
    ppr = p.find(f"{W}pPr")
    return [] if ppr is None else [child.tag for child in ppr]


def test_pool_55_each_heading_spaced_exactly_12_pt():
    """Each heading paragraph's w:pPr holds w:spacing w:line="240" w:lineRule="exact", after w:keepNext, w:keepLines,
    w:snapToGrid and the like and before w:ind, w:jc and w:outlineLvl, as CT_PPrBase orders them; no other .docx of
    the pool spaces a paragraph exactly."""
    mh = generator()
    files = files_of(55, "exact_line_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(55, "exact_line_heading", ladder="y_chinh_number")  # on a new ladder too
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert paragraphs, e["file"]
        for p in paragraphs:
            spacing = p.find(f"{W}pPr/{W}spacing")
            assert spacing is not None, e["file"]
            assert spacing.get(f"{W}line") == str(mh.EXACT_LINE_55["line"]) == "240", e["file"]
            assert spacing.get(f"{W}lineRule") == mh.EXACT_LINE_55["lineRule"] == "exact", e["file"]
            tags = pool_55_ppr_tags(p)
            assert all(tags.index(f"{W}spacing") > tags.index(f"{W}{t}") for t in ("pStyle", "keepNext", "keepLines",
                                                                                   "snapToGrid") if f"{W}{t}" in tags)
            assert all(tags.index(f"{W}spacing") < tags.index(f"{W}{t}") for t in ("ind", "jc", "outlineLvl", "rPr")
                       if f"{W}{t}" in tags), e["file"]
        exact = [p for p in body_paragraphs(e) if p.find(f"{W}pPr/{W}spacing[@{W}lineRule='exact']") is not None]
        assert len(exact) >= len(paragraphs), e["file"]
    for e in files_of(55, kind="docx"):
        if "exact_line_heading" not in e["layouts"] and "drop_cap_label" not in e["layouts"]:
            assert 'w:lineRule="exact"' not in part_text(e), e["file"]


def test_pool_55_compat_files_are_in_word_2003_compatibility_mode():
    """settings.xml's w:compat holds Word 2003's East Asian layout options in CT_Compat's order and compatibilityMode
    11 alone, no Word 2010 setting; every other Word .docx of the pool is in a later mode."""
    mh = generator()
    files = files_of(55, "compat_2003_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(55, "compat_2003_docx", ladder="binh_dien_roman")  # on a new ladder too
    for e in files:
        compat = part_tree(e, "word/settings.xml").find(f"{W}compat")
        assert compat is not None, e["file"]
        tags = [child.tag.removeprefix(W) for child in compat]
        assert tags == [*mh.COMPAT_2003_55, "compatSetting"], (e["file"], tags)
        setting = compat.find(f"{W}compatSetting")
        assert setting.get(f"{W}name") == "compatibilityMode" and setting.get(f"{W}val") == "11", e["file"]
        assert setting.get(f"{W}uri") == "http://schemas.microsoft.com/office/word", e["file"]
        assert "enableOpenTypeFeatures" not in part_text(e, "word/settings.xml"), e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
    for e in files_of(55, kind="docx"):
        if "compat_2003_docx" not in e["layouts"]:
            modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', part_text(e, "word/settings.xml"))
            assert "11" not in modes, e["file"]


def pool_55_update(data: bytes) -> bytes:
    """What a PDF's incremental update added after the export's %%EOF."""
    return data[data.index(b"%%EOF"):]


def pool_55_page_texts(entry: dict) -> list[str]:
    """poppler's text of each page (stderr empty: the file reads cleanly)."""
    out = subprocess.run(["pdftotext", "-layout", str(path_of(entry)), "-"], capture_output=True, check=True)
    assert not out.stderr, (entry["file"], out.stderr[:200])
    return out.stdout.decode().split("\f")[:entry["pages"]]


def test_pool_55_scanned_signature_pages_are_images_in_an_incremental_update():
    """The export's bytes, then an update adding one colour JPEG image (200 dpi, an A4 sheet) and replacing one page,
    whose /Contents draw that image over the page and whose /Resources hold it alone: that page has no text for
    poppler or pdfplumber and holds the signature and the red stamp in its image; every other page keeps its text,
    the first item heading's words among it."""
    import io

    import pdfplumber
    from PIL import Image

    mh = generator()
    s = mh.SCANNED_PAGE_55
    files = files_of(55, "scanned_signature_page_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(55, "scanned_signature_page_pdf", ladder="phan_doan_letter")  # on a new ladder too
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]
        assert b"/DCTDecode" not in data[:data.index(b"%%EOF")], e["file"]
        update = pool_55_update(data)
        images = re.findall(rb"/Subtype/Image/Width (\d+)/Height (\d+)/ColorSpace/DeviceRGB/BitsPerComponent 8"
                            rb"/Filter/DCTDecode/Length (\d+)>>\nstream\n", update)
        assert len(images) == 1, e["file"]
        width, height = int(images[0][0]), int(images[0][1])
        assert abs(width - 210 / 25.4 * s["dpi"]) <= 2 and abs(height - 297 / 25.4 * s["dpi"]) <= 2, e["file"]
        assert re.search(rb"/Resources<</XObject<</Im0 \d+ 0 R>>/ProcSet\[/PDF/ImageC\]>>", update), e["file"]
        assert e["scanned_page"] == {"page": "the signature's", "dpi": s["dpi"], "jpeg_quality": s["jpeg_quality"],
                                     "colour": True, "skew_deg": s["skew_deg"], "stamp": "red, over the signature"}
        texts = pool_55_page_texts(e)
        blank = [k for k, text in enumerate(texts, start=1) if not text.strip()]
        assert len(blank) == 1, (e["file"], blank)
        assert "CHỦ TỊCH" not in "".join(texts) and "Nơi nhận" not in "".join(texts), e["file"]
        first = " ".join(item_headings(e)[0]["text"].split("\n")[0].split()[:3])
        assert first in " ".join(" ".join(t.split()) for t in texts), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            page = pdf.pages[blank[0] - 1]
            assert not (page.extract_text() or "").strip() and len(page.images) == 1, e["file"]
            picture = page.images[0]
            assert abs(picture["x0"]) < 1 and abs(picture["width"] - float(page.width)) < 1, e["file"]
            scan = Image.open(io.BytesIO(picture["stream"].get_rawdata())).convert("RGB")
            channels = [band.tobytes() for band in scan.resize((scan.width // 4, scan.height // 4)).split()]
            red = sum(1 for r, g, b in zip(*channels, strict=True) if r > 150 and g < 110 and b < 110)
            assert red > 200, (e["file"], red)  # the stamp
            for k, other in enumerate(pdf.pages, start=1):
                if k != blank[0]:
                    assert (other.extract_text() or "").strip(), e["file"]
    for e in files_of(55, kind="pdf"):
        if not {"scanned_signature_page_pdf", "searchable_image_pdf"} & set(e["layouts"]):
            assert b"/DCTDecode" not in path_of(e).read_bytes(), e["file"]


def test_pool_55_searchable_pdfs_lay_each_pages_scan_over_its_text_made_invisible():
    """The export's bytes, then an update: one stream "q 3 Tr" shared by every page, each page's /Contents that stream,
    its own and one that restores the state and draws the page's grey JPEG (150 dpi, an A4 sheet) over the whole
    page, the image added to its /Resources; poppler and pdfplumber read every item heading's words, on pages whose
    one image covers them; the last page's image holds the stamp."""
    import io

    import pdfplumber
    from PIL import Image

    mh = generator()
    s = mh.SEARCHABLE_55
    files = files_of(55, "searchable_image_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(55, "searchable_image_pdf", ladder="tieu_hop_phan_decimal")  # on a new ladder too
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 2 and b"/Prev " in data, e["file"]
        end = data.index(b"%%EOF")
        assert b"/DCTDecode" not in data[:end] and b"stream\nq\n3 Tr\n" not in data[:end], e["file"]
        update = pool_55_update(data)
        hide = re.findall(rb"(\d+) 0 obj\n<</Length 7>>\nstream\nq\n3 Tr\n\nendstream", update)
        assert len(hide) == 1, e["file"]
        arrays = re.findall(rb"/Contents\[(\d+) 0 R (\d+) 0 R (\d+) 0 R\]", update)
        assert len(arrays) == e["pages"] and {a[0] for a in arrays} == {hide[0]}, e["file"]
        for _, own, last in arrays:
            assert re.search(rb"\n%s 0 obj\n<</Length \d+>>\nstream\nQ\nq\n[\d.]+ 0 0 [\d.]+ 0 0 cm\n/Scan\d Do\nQ\n"
                             % last, update), e["file"]
            assert re.search(rb"(?:^|\n)%s 0 obj" % own, data[:end]), e["file"]  # the export's own stream
        images = re.findall(rb"/Subtype/Image/Width (\d+)/Height (\d+)/ColorSpace/DeviceGray/BitsPerComponent 8"
                            rb"/Filter/DCTDecode", update)
        assert len(images) == e["pages"], e["file"]
        assert all(abs(int(w) - 210 / 25.4 * s["dpi"]) <= 2 and abs(int(h) - 297 / 25.4 * s["dpi"]) <= 2
                   for w, h in images), e["file"]
        assert e["page_images"] == {"dpi": s["dpi"], "jpeg_quality": s["jpeg_quality"], "colour": False,
                                    "render_mode": 3, "stamp": "red, over the signature"}
        texts = " ".join(" ".join(t.split()) for t in pool_55_page_texts(e))
        words = pdf_words_49(e)
        for h in item_headings(e):
            line = " ".join(h["text"].split("\n")[0].split()[:3])
            assert line in texts and line in words, (e["file"], line)
        with pdfplumber.open(path_of(e)) as pdf:
            for page in pdf.pages:
                assert (page.extract_text() or "").strip() and len(page.images) == 1, e["file"]
                picture = page.images[0]
                assert abs(picture["x0"]) < 1 and abs(picture["top"]) < 1, e["file"]
                assert abs(picture["width"] - float(page.width)) < 1, e["file"]
            last = pdf.pages[-1].images[0]
            scan = Image.open(io.BytesIO(last["stream"].get_rawdata())).convert("L")
            assert scan.getextrema()[0] < 80, e["file"]  # print on it
    for e in files_of(55, kind="pdf"):
        if "searchable_image_pdf" not in e["layouts"]:
            assert b"stream\nq\n3 Tr\n" not in path_of(e).read_bytes(), e["file"]


def test_pool_55_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(55) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_55, *mh.FUNDING_WORDINGS_54}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "budgets_in_ratio":  # the districts' part and the ratio; the total unwritten
            a, b = e["funding"]["ratio"]
            part = e["funding"]["district_vnd"]
            assert (a, b) in mh.RATIOS_55 and total * b == part * (a + b) and total % 10**6 == 0, e["file"]
            shown = f"{part // 10**6:,}".replace(",", ".")
            assert f"theo tỷ lệ {a}:{b} (ngân sách tỉnh {a} phần, ngân sách cấp huyện {b} phần)" in text, e["file"]
            assert f"phần ngân sách cấp huyện đã bố trí là {shown} triệu đồng." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if e["funding"]["wording"] == "parts_in_two_units":  # the province's in tỷ, the districts' in triệu
            province, district = e["funding"]["province_vnd"], e["funding"]["district_vnd"]
            assert total == province + district, e["file"]
            whole, tenth = divmod(province // 10**8, 10)
            ty = f"{whole},{tenth}" if tenth else f"{whole}"
            shown = f"{district // 10**6:,}".replace(",", ".")
            assert f" {ty} tỷ đồng; ngân sách cấp huyện bố trí thêm {shown} triệu đồng" in text, e["file"]
            assert f"{million} triệu" not in text and "tổng" not in text.lower(), e["file"]
    assert len({tuple(e["funding"]["ratio"]) for e in funded if e["funding"]["wording"] == "budgets_in_ratio"}) >= 2
    assert {e["letterhead"] for e in entries_of(55)} <= set(mh.LETTERHEADS_55)
    docx_files = [e for e in entries_of(55) if e["kind"] == "docx" and "lo_saved_docx" not in e["layouts"]]
    assert {"number_hyperlinked", "date_in_textbox"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        tree = part_tree(e)
        rels = part_text(e, "word/_rels/document.xml.rels")
        links = [h for h in tree.iter(f"{W}hyperlink") if "".join(t.text or "" for t in h.iter(f"{W}t"))
                 == e["report_number"]]
        if e["letterhead"] == "number_hyperlinked":  # the number a link to the e-office's page
            assert len(links) == 1 and links[0].get(f"{W}history") == "1", e["file"]
            assert paragraph_text(links[0].getparent()) == f"Số: {e['report_number']}", e["file"]
            rid = links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            so = e["report_number"].split("/")[0]
            target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*/>', rels)[0]
            assert 'TargetMode="External"' in target and f"van-ban/chi-tiet?so={so}-BC-UBND" in target, e["file"]
            assert re.search(r'Target="https://qlvb\.[a-z]+\.gov\.vn/', target), e["file"]
            run = links[0].find(f"{W}r")
            assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink", e["file"]
            assert 'w:styleId="Hyperlink"' in part_text(e, "word/styles.xml"), e["file"]
        else:
            assert not links and "qlvb." not in rels, e["file"]
        day = int(e["report_date"][-2:])
        boxed = [p for p in tree.iter(f"{W}p") if any(a.tag == f"{W}txbxContent" for a in p.iterancestors())
                 and f"ngày {day} tháng 5 năm 2022" in paragraph_text(p)]
        if e["letterhead"] == "date_in_textbox":  # the date line in a text box (and its VML fallback), not the cell
            assert len(boxed) == 2, e["file"]
            assert len(list(tree.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"))) >= 1
            line = paragraph_text(boxed[0])
            assert line.endswith(f", ngày {day} tháng 5 năm 2022") and paragraph_text(boxed[1]) == line, e["file"]
            table = next(tree.iter(f"{W}tbl"))
            assert not any(paragraph_text(p) == line for p in table.iter(f"{W}p")), e["file"]
        else:
            assert not boxed, e["file"]
    for e in files_of(55, kind="pdf"):  # LibreOffice prints the linked number and the boxed date
        if "scanned_signature_page_pdf" in e["layouts"] or "searchable_image_pdf" in e["layouts"]:
            continue
        words = pdf_words_49(e)
        if e["letterhead"] == "number_hyperlinked":
            assert f"Số: {e['report_number']}" in words, e["file"]
        if e["letterhead"] == "date_in_textbox":
            assert f"ngày {int(e['report_date'][-2:])} tháng 5 năm 2022" in words, e["file"]
    scans = files_of(55, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_55)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"y_chinh_number", "binh_dien_roman", "tieu_hop_phan_decimal"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "deskew_black_wedges":
            assert e["scan"]["deskew"] == mh.DESKEW_55 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["paper_stock"] is None, e["file"]
        else:
            assert e["scan"]["paper_stock"] == [list(t) for t in mh.PAPER_STOCK_55], e["file"]
            assert e["scan"]["dpi"] == 150 and e["scan"]["deskew"] is None, e["file"]


def test_pool_55_scans_have_black_wedges_at_their_edges_or_sheets_of_different_whites():
    """A deskewed scan's page images are dark along their edges (the feeder's backing turned in), a mixed-stock
    scan's are not and its first two sheets' paper differ; the marks do that to a blank sheet."""
    import io

    import pdfplumber
    from PIL import Image, ImageStat

    mh = generator()
    for e in files_of(55, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            papers = []
            for page in pdf.pages:
                picture = page.images[0]
                image = Image.open(io.BytesIO(picture["stream"].get_rawdata())).convert("L")
                assert abs(image.width - 210 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
                w, h = image.size
                band = w // 40
                edges = [image.crop(box) for box in ((0, 0, w, band), (0, h - band, w, h), (0, 0, band, h),
                                                     (w - band, 0, w, h))]
                dark = sum(sum(b.histogram()[:40]) for b in edges) / sum(b.width * b.height for b in edges)
                if e["scan"]["kind"] == "deskew_black_wedges":
                    assert dark > 0.08, (e["file"], dark)
                else:
                    assert dark < 0.01, (e["file"], dark)
                papers.append(ImageStat.Stat(image.crop((0, int(h * 0.97), w, h))).median[0])
            if e["scan"]["kind"] == "mixed_paper_stock" and len(papers) >= 2:
                assert abs(papers[0] - papers[1]) >= 8, (e["file"], papers)
    sheet = Image.new("L", (400, 560), 255)
    wedges = mh.scan_55_mark(types.SimpleNamespace(scan_kind="deskew_black_wedges"))(sheet, 1, 200)
    assert wedges.size == sheet.size and wedges.getpixel((0, 0)) < 40 and wedges.getpixel((399, 559)) < 40
    assert wedges.getpixel((200, 280)) == 255
    stock = mh.scan_55_mark(types.SimpleNamespace(scan_kind="mixed_paper_stock"))
    tints = [stock(Image.new("RGB", (10, 10), (255, 255, 255)), k, 150).getpixel((5, 5)) for k in (1, 2, 3)]
    assert tints == [tuple(t) for t in mh.PAPER_STOCK_55]


# ---------------------------------------------------------------------------------------
# Pool 56: "Trọng điểm 1: …", "Trục I. …", "Gói A – …", "Phần hành một: …"; a bar down the left of each heading
# (w:pBdr holding w:left alone), a .docx saved by WPS Office Writer (docProps/app.xml and WPS's custom properties), a
# .docx marked as final (_MarkAsFinal and the status "Final"), a PDF underlined at its headings in Edge's viewer and
# saved there (ink annotations, the file written by PDFium); pools 1-55's at a lower weight, pools 54 and 55's funding
# wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_56 = {"trong_diem_number", "truc_roman", "goi_letter", "phan_hanh_word"}
LADDERS[56] = NEW_LADDERS_56 | {"y_chinh_number", "binh_dien_roman", "phan_doan_letter",  # 1-55's
                                "tieu_hop_phan_decimal", "tieu_diem_number", "phan_khu_roman", "nhanh_letter",
                                "chang_of_six"}
NEW_LAYOUTS_56 = {"left_bar_heading", "wps_saved_docx", "marked_final_docx", "edge_inked_pdf"}
LAYOUTS[56] = NEW_LAYOUTS_56 | {"exact_line_heading", "compat_2003_docx", "scanned_signature_page_pdf",  # 1-55's
                                "searchable_image_pdf", "opentype_heading", "lo_saved_docx", "rsid_split_heading",
                                "keep_next_heading", "theme_font_heading", "distributed_heading", "noproof_heading",
                                "imprint_heading", "blink_heading", "extra_heading_between", "merged_5_6",
                                "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_56 = {  # how each of pool 56's ladders marks an item heading, as a reader sees it
    "trong_diem_number": r"Trọng điểm \d: \S",
    "truc_roman": r"Trục [IVX]+\. \S",
    "goi_letter": r"Gói [A-F] – \S",
    "phan_hanh_word": r"Phần hành (?:một|hai|ba|bốn|năm|sáu): \S",
}


def test_pool_56_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_56:
        for e in [e for e in files_of(56, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_56_headings_have_a_bar_down_their_left_alone():
    """Each heading paragraph's w:pPr holds a w:pBdr whose one border is w:left (single, 3 pt, 4 pt from the text),
    after w:numPr and before w:shd, w:tabs, w:spacing, w:ind and w:jc, as CT_PPrBase orders them; no other .docx of
    the pool has a border on the left alone."""
    mh = generator()
    b = mh.LEFT_BAR_56
    files = files_of(56, "left_bar_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(56, "left_bar_heading", ladder="trong_diem_number")  # on a new ladder too
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert paragraphs, e["file"]
        for p in paragraphs:
            border = p.find(f"{W}pPr/{W}pBdr")
            assert border is not None and [c.tag for c in border] == [f"{W}left"], e["file"]
            left = border[0]
            assert (left.get(f"{W}val"), left.get(f"{W}sz"), left.get(f"{W}space"), left.get(f"{W}color")) == (
                b["val"], b["sz"], b["space"], b["color"]) == ("single", "24", "4", "1F4E79"), e["file"]
            tags = pool_55_ppr_tags(p)
            assert all(tags.index(f"{W}pBdr") > tags.index(f"{W}{t}") for t in ("pStyle", "keepNext", "numPr")
                       if f"{W}{t}" in tags), e["file"]
            assert all(tags.index(f"{W}pBdr") < tags.index(f"{W}{t}") for t in ("shd", "tabs", "spacing", "ind",
                                                                                "jc", "outlineLvl", "rPr")
                       if f"{W}{t}" in tags), e["file"]
    for e in files_of(56, kind="docx"):
        if "left_bar_heading" not in e["layouts"]:
            assert not [b for b in part_tree(e).iter(f"{W}pBdr") if [c.tag for c in b] == [f"{W}left"]], e["file"]


def test_pool_56_wps_files_carry_wps_offices_properties():
    """docProps/app.xml names WPS Office's build and product, docProps/custom.xml holds KSOProductBuildVer (1066, the
    Vietnamese interface, and the same build) and a 32-digit ICV; the headings are as typed. No other file of the
    pool names WPS."""
    mh = generator()
    files = files_of(56, "wps_saved_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(56, "wps_saved_docx", ladder="truc_roman")  # on a new ladder too
    for e in files:
        app = part_tree(e, "docProps/app.xml")
        ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
        assert app.find(f"{ns}Application").text == mh.WPS_56["application"], e["file"]
        assert re.fullmatch(r"WPS Office_11\.\d\.\d\.\d+_[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-Fa-f]{4}-[0-9A-F]{4}-"
                            r"[0-9A-F]{12}", mh.WPS_56["application"]), e["file"]
        rels = part_text(e, "_rels/.rels")
        assert "relationships/custom-properties" in rels and "docProps/custom.xml" in rels, e["file"]
        types = part_text(e, "[Content_Types].xml")
        assert 'PartName="/docProps/custom.xml"' in types, e["file"]
        custom = part_text(e, "docProps/custom.xml")
        build = re.search(r'name="KSOProductBuildVer"><vt:lpwstr>([^<]+)</vt:lpwstr>', custom)
        assert build and build[1] == mh.WPS_56["build"] and build[1].startswith("1066-"), e["file"]
        assert mh.WPS_56["application"].split("_")[1] == build[1].split("-")[1], e["file"]
        assert re.search(r'name="ICV"><vt:lpwstr>[0-9A-F]{32}</vt:lpwstr>', custom), e["file"]
        assert e["saved_by"] == mh.WPS_56["application"], e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
    for e in files_of(56, kind="docx"):
        if "wps_saved_docx" not in e["layouts"] and "lo_saved_docx" not in e["layouts"]:
            assert "WPS" not in part_text(e, "docProps/app.xml"), e["file"]
            if "docProps/custom.xml" in zipfile.ZipFile(path_of(e)).namelist():
                assert "KSOProductBuildVer" not in part_text(e, "docProps/custom.xml"), e["file"]
            assert "saved_by" not in e, e["file"]


def test_pool_56_marked_final_files_carry_words_mark():
    """docProps/custom.xml holds _MarkAsFinal, a boolean true, and docProps/core.xml the status "Final"; no other
    file of the pool is marked so."""
    files = files_of(56, "marked_final_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(56, "marked_final_docx", ladder="goi_letter")  # on a new ladder too
    for e in files:
        custom = part_text(e, "docProps/custom.xml")
        assert re.search(r'fmtid="\{D5CDD505-2E9C-101B-9397-08002B2CF9AE\}" pid="\d+" name="_MarkAsFinal">'
                         r'<vt:bool>true</vt:bool></property>', custom), e["file"]
        core = part_tree(e, "docProps/core.xml")
        status = core.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}contentStatus")
        assert status is not None and status.text == "Final", e["file"]
        assert e["marked_final"] == {"property": "_MarkAsFinal", "status": "Final"}, e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
    for e in files_of(56, kind="docx"):
        if "marked_final_docx" not in e["layouts"] and "lo_saved_docx" not in e["layouts"]:
            assert "_MarkAsFinal" not in zipfile.ZipFile(path_of(e)).read("docProps/core.xml").decode(), e["file"]
            if "docProps/custom.xml" in zipfile.ZipFile(path_of(e)).namelist():
                assert "_MarkAsFinal" not in part_text(e, "docProps/custom.xml"), e["file"]


def test_pool_56_edge_inked_pdfs_underline_their_headings_with_ink_annotations():
    """The file written whole by PDFium (one %%EOF, no incremental update), each page's /Annots holding /Ink
    annotations, red and 2 pt wide, each with its /InkList and an /AP appearance stream; poppler and pdfplumber read
    the text cleanly, every item heading's words among it, and a stroke lies just under the first item heading."""
    import pdfplumber

    mh = generator()
    files = files_of(56, "edge_inked_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(56, "edge_inked_pdf", ladder="phan_hanh_word")  # on a new ladder too
    for e in files:
        data = path_of(e).read_bytes()
        assert data.count(b"%%EOF") == 1 and b"/Prev " not in data, e["file"]
        inks = re.findall(rb"/InkList\[\[([\d.\s-]+)\]\]", data)
        assert len(inks) >= min(3, len(item_headings(e))), e["file"]
        assert data.count(b"/Subtype/Ink") == len(inks), e["file"]
        assert data.count(b"/Border[ 0 0 2]") == len(inks), e["file"]
        assert e["ink"]["colour"] == list(mh.EDGE_INK_56["rgb"]) and e["ink"]["width_pt"] == 2.0, e["file"]
        texts = " ".join(" ".join(t.split()) for t in pool_55_page_texts(e))
        for h in item_headings(e):
            line = " ".join(h["text"].split("\n")[0].split()[:3])
            assert line in texts, (e["file"], line)
        with pdfplumber.open(path_of(e)) as pdf:
            first = " ".join(item_headings(e)[0]["text"].split("\n")[0].split()[:3])
            for page in pdf.pages:
                found = page.search(first, regex=False)
                if found:
                    annots = [a for a in page.annots if "Ink" in str(a["data"].get("Subtype"))]
                    assert annots, e["file"]
                    assert any(abs(a["top"] - found[0]["bottom"]) < 10 for a in annots), e["file"]
                    break
            else:
                raise AssertionError(e["file"])
    for e in files_of(56, kind="pdf"):
        if "edge_inked_pdf" not in e["layouts"]:
            assert b"/InkList" not in path_of(e).read_bytes(), e["file"]


def test_pool_56_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(56) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_56, *mh.FUNDING_WORDINGS_55}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        if e["funding"]["wording"] == "province_plus_per_district":  # the province's sum and each district's
            f = e["funding"]
            assert total == f["province_vnd"] + f["districts"] * f["per_district_vnd"], e["file"]
            province = f"{f['province_vnd'] // 10**6:,}".replace(",", ".")
            each = f"{f['per_district_vnd'] // 10**6:,}".replace(",", ".")
            assert f"ngân sách tỉnh bố trí {province} triệu đồng cho các nhiệm vụ của Đề án" in text, e["file"]
            assert f"({f['districts']} đơn vị) được bố trí {each} triệu đồng" in text, e["file"]
            assert f"{million} triệu" not in text and "tổng" not in text.lower(), e["file"]
        if e["funding"]["wording"] == "multiple_of_last_year":  # last year's figure times the multiple
            num, den = e["funding"]["multiple"]
            last = e["funding"]["last_year_vnd"]
            words = {(3, 2): "gấp rưỡi", (2, 1): "gấp đôi", (3, 1): "gấp ba"}[(num, den)]
            assert total * den == last * num and total % 10**6 == 0, e["file"]
            shown = f"{last // 10**6:,}".replace(",", ".")
            assert f"năm 2022 {words} năm 2021; năm 2021, Đề án được bố trí {shown} triệu đồng." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(56)} <= set(mh.LETTERHEADS_56)
    docx_files = [e for e in entries_of(56) if e["kind"] == "docx" and "lo_saved_docx" not in e["layouts"]]
    assert {"number_mergefield", "date_in_frame"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        tree = part_tree(e)
        merge = [i for i in tree.iter(f"{W}instrText") if "MERGEFIELD" in (i.text or "")]
        if e["letterhead"] == "number_mergefield":  # "Số: " typed, the field's result the number
            assert len(merge) == 1 and merge[0].text == " MERGEFIELD  SoKyHieu  \\* MERGEFORMAT ", e["file"]
            para = merge[0].getparent().getparent()
            assert paragraph_text(para) == f"Số: {e['report_number']}", e["file"]
            runs = list(para.iter(f"{W}r"))
            kinds = [(k, c.get(f"{W}fldCharType")) for k, r in enumerate(runs)
                     if (c := r.find(f"{W}fldChar")) is not None]
            assert [t for _, t in kinds] == ["begin", "separate", "end"], e["file"]
            result = "".join(t.text or "" for r in runs[kinds[1][0] + 1:kinds[2][0]] for t in r.iter(f"{W}t"))
            assert result == e["report_number"], e["file"]
        else:
            assert not merge, e["file"]
        day = int(e["report_date"][-2:])
        framed = [p for p in tree.iter(f"{W}p") if p.find(f"{W}pPr/{W}framePr") is not None
                  and f"ngày {day} tháng 5 năm 2022" in paragraph_text(p)]
        if e["letterhead"] == "date_in_frame":  # the date line a framed paragraph after the table, not in the cell
            assert len(framed) == 1 and paragraph_text(framed[0]) == e["letterhead_date"], e["file"]
            frame = framed[0].find(f"{W}pPr/{W}framePr")
            assert frame.get(f"{W}hAnchor") == "margin" and frame.get(f"{W}wrap") == "around", e["file"]
            assert not any(a.tag == f"{W}tbl" for a in framed[0].iterancestors()), e["file"]
            table = next(tree.iter(f"{W}tbl"))
            assert not any(e["letterhead_date"] in paragraph_text(p) for p in table.iter(f"{W}p")), e["file"]
        else:
            assert not framed, e["file"]
    for e in files_of(56, kind="pdf"):  # LibreOffice prints the merged number and the framed date
        if "scanned_signature_page_pdf" in e["layouts"] or "searchable_image_pdf" in e["layouts"]:
            continue
        words = pdf_words_49(e)
        if e["letterhead"] == "number_mergefield":
            assert f"Số: {e['report_number']}" in words, e["file"]
        if e["letterhead"] == "date_in_frame":
            assert f"ngày {int(e['report_date'][-2:])} tháng 5 năm 2022" in words, e["file"]
    scans = files_of(56, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_56)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"trong_diem_number", "truc_roman", "phan_hanh_word"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "stamp_set_off":
            assert e["scan"]["set_off"] == mh.SET_OFF_56 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["mottle"] is None, e["file"]
        else:
            assert e["scan"]["mottle"] == mh.MOTTLE_56 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["set_off"] is None, e["file"]


def test_pool_56_scans_show_the_stamps_set_off_or_the_lid_pads_mottle():
    """The marks on blank sheets: the set-off puts a faint, blurred copy of the next page's stamp where it is and
    leaves a page with no stamp after it alone; the lid pad greys the whites in blotches, never past MOTTLE_56's
    depth, the same on every page, and leaves the print black. In the files, a mottled scan's foot margin is uneven
    and a set-off scan's page before the signature's darker where the stamp is than its margin."""
    import io

    import pdfplumber
    from PIL import Image, ImageChops, ImageDraw, ImageStat

    mh = generator()

    def stamp(page, number, dpi):
        if number != 2:
            return page
        inked = page.copy()
        ImageDraw.Draw(inked).ellipse((100, 100, 200, 200), fill=(200, 30, 40))
        return inked

    set_off = mh.scan_56_mark(types.SimpleNamespace(scan_kind="stamp_set_off"), stamp)
    sheet = Image.new("L", (400, 400), 255)
    before = set_off(sheet, 1, 200)
    assert 150 < before.getpixel((150, 150)) < 250 and before.getpixel((20, 20)) == 255
    assert set_off(sheet, 2, 200) == sheet
    mottle = mh.scan_56_mark(types.SimpleNamespace(scan_kind="lid_pad_mottle"), stamp)
    pad = mottle(Image.new("L", (600, 800), 255), 1, 150)
    low, high = pad.getextrema()
    assert 255 - mh.MOTTLE_56["depth"] - 6 <= low < 240 and high >= 248  # bicubic overshoots a little
    assert ImageChops.difference(pad, mottle(Image.new("L", (600, 800), 255), 3, 150)).getbbox() is None
    assert mottle(Image.new("L", (60, 80), 0), 1, 150).getextrema() == (0, 0)
    for e in files_of(56, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            images = [Image.open(io.BytesIO(p.images[0]["stream"].get_rawdata())).convert("L") for p in pdf.pages]
        assert abs(images[0].width - 210 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
        if e["scan"]["kind"] == "lid_pad_mottle":
            w, h = images[0].size
            foot = images[0].crop((w // 10, int(h * 0.965), w - w // 10, int(h * 0.99)))
            blocks = [ImageStat.Stat(foot.crop((x, 0, x + w // 20, foot.height))).mean[0]
                      for x in range(0, foot.width - w // 20, w // 20)]
            assert max(blocks) - min(blocks) >= 4, (e["file"], blocks)


# ---------------------------------------------------------------------------------------
# Pool 57: "Khâu 1. …", "Cấp độ I – …", "Hướng A: …", "Yếu tố (1): …"; each heading in Word's built-in Intense Quote
# style, a .docx sent with Word's "DỰ THẢO" watermark in its header (a VML WordArt shape), a report on US Letter
# paper, a hybrid PDF (LibreOffice's export with the ODF file embedded); pools 1-56's at a lower weight, pools 55 and
# 56's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_57 = {"khau_number", "cap_do_roman", "huong_letter", "yeu_to_paren"}
LADDERS[57] = NEW_LADDERS_57 | {"trong_diem_number", "truc_roman", "goi_letter", "phan_hanh_word",  # 1-56's
                                "y_chinh_number", "binh_dien_roman", "phan_doan_letter", "tieu_hop_phan_decimal"}
NEW_LAYOUTS_57 = {"intense_quote_heading", "draft_watermark_docx", "letter_paper_docx", "hybrid_odf_pdf"}
LAYOUTS[57] = NEW_LAYOUTS_57 | {"left_bar_heading", "wps_saved_docx", "marked_final_docx", "edge_inked_pdf",  # 1-56's
                                "exact_line_heading", "compat_2003_docx", "opentype_heading", "lo_saved_docx",
                                "rsid_split_heading", "keep_next_heading", "theme_font_heading", "distributed_heading",
                                "noproof_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_57 = {  # how each of pool 57's ladders marks an item heading, as a reader sees it
    "khau_number": r"Khâu \d\. \S",
    "cap_do_roman": r"Cấp độ [IVX]+ – \S",
    "huong_letter": r"Hướng [A-F]: \S",
    "yeu_to_paren": r"Yếu tố \(\d\): \S",
}


def test_pool_57_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_57:
        for e in [e for e in files_of(57, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_57_headings_are_in_words_intense_quote_style():
    """Each heading paragraph's w:pStyle is IntenseQuote, the first of its w:pPr; styles.xml defines that style, named
    "Intense Quote", linked to its character style, italic in the accent colour with a rule under it; no other .docx
    of the pool uses it."""
    mh = generator()
    files = files_of(57, "intense_quote_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(57, "intense_quote_heading", ladder="khau_number")  # on a new ladder too
    for e in files:
        paragraphs = heading_paragraphs(e)
        assert len(paragraphs) == len(item_headings(e)), e["file"]
        for p in paragraphs:
            ppr = p.find(f"{W}pPr")
            assert ppr[0].tag == f"{W}pStyle" and ppr[0].get(f"{W}val") == mh.INTENSE_QUOTE_57["id"], e["file"]
        styles = part_tree(e, "word/styles.xml")
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "IntenseQuote")
        assert style.find(f"{W}name").get(f"{W}val") == "Intense Quote", e["file"]
        assert style.find(f"{W}link").get(f"{W}val") == "IntenseQuoteChar", e["file"]
        assert style.find(f"{W}rPr/{W}i") is not None and style.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
        assert e["heading_style"] == "Intense Quote", e["file"]
    for e in files_of(57, kind="docx"):
        if "intense_quote_heading" not in e["layouts"] and "lo_saved_docx" not in e["layouts"]:
            assert 'w:val="IntenseQuote"' not in part_text(e), e["file"]


def test_pool_57_draft_watermarks_are_word_art_in_the_header():
    """The header part a section refers to holds a run with Word's watermark: a VML text-path shape (v:shapetype 136)
    whose v:shape is PowerPlusWaterMarkObject…, silver at half opacity, turned 315°, behind the text and centred on
    the margins, its text path's string "DỰ THẢO"; the body never says it; no other file of the pool has one."""
    mh = generator()
    v = "{urn:schemas-microsoft-com:vml}"
    files = files_of(57, "draft_watermark_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(57, "draft_watermark_docx", ladder="cap_do_roman")  # on a new ladder too
    for e in files:
        names = zipfile.ZipFile(path_of(e)).namelist()
        rels = part_text(e, "word/_rels/document.xml.rels")
        headers = [n for n in names if re.fullmatch(r"word/header\d+\.xml", n)]
        assert headers and all(n.removeprefix("word/") in rels for n in headers), e["file"]
        assert re.search(r'<w:headerReference w:type="default" r:id="rId\d+"/>', part_text(e)), e["file"]
        shapes = [s for n in headers for s in part_tree(e, n).iter(f"{v}shape")
                  if (s.get("id") or "").startswith("PowerPlusWaterMarkObject")]
        assert shapes, e["file"]
        for shape in shapes:
            assert shape.get("type") == "#_x0000_t136" and shape.get("fillcolor") == "silver", e["file"]
            style = shape.get("style")
            assert "rotation:315" in style and "z-index:-" in style and "mso-position-horizontal:center" in style
            assert shape.find(f"{v}textpath").get("string") == mh.DRAFT_WATERMARK_57["text"] == "DỰ THẢO"
            assert shape.find(f"{v}fill").get("opacity") == ".5", e["file"]
            assert shape.getparent().tag == f"{W}pict" and shape.getparent().getparent().tag == f"{W}r"
        assert "DỰ THẢO" not in part_text(e), e["file"]
        assert not any("DỰ THẢO" in text for text in e["sections"].values()), e["file"]
        assert e["draft_watermark"]["text"] == "DỰ THẢO" and "DỰ THẢO" in e["absent"], e["file"]
    for e in files_of(57, kind="docx"):
        if "draft_watermark_docx" not in e["layouts"]:
            for n in zipfile.ZipFile(path_of(e)).namelist():
                if n.startswith("word/header"):
                    assert "PowerPlusWaterMarkObject" not in part_text(e, n), e["file"]


def test_pool_57_letter_paper_files_are_on_us_letter():
    """Every section of a letter_paper_docx .docx is 12240 × 15840 twips (8.5 × 11 in), its margins Decree 30's, and
    its PDF export's pages 612 × 792 points; every other .docx of the pool is on A4 and every other text PDF's pages
    595 × 842."""
    import pdfplumber

    files = files_of(57, "letter_paper_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(57, "letter_paper_docx", ladder="huong_letter")  # on a new ladder too
    for e in files_of(57, kind="docx"):
        if "lo_saved_docx" in e["layouts"]:
            continue
        sizes = [(s.get(f"{W}w"), s.get(f"{W}h")) for s in part_tree(e).iter(f"{W}pgSz")]
        assert sizes, e["file"]
        if "letter_paper_docx" in e["layouts"]:
            assert set(sizes) == {("12240", "15840")}, e["file"]
            margins = next(part_tree(e).iter(f"{W}pgMar"))
            assert (margins.get(f"{W}left"), margins.get(f"{W}right")) == ("1701", "1134"), e["file"]
            assert e["paper"] == {"name": "Letter", "width_pt": 612.0, "height_pt": 792.0}, e["file"]
        else:
            assert ("12240", "15840") not in sizes, e["file"]
    for e in files_of(57, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            boxes = {(round(float(p.width)), round(float(p.height))) for p in pdf.pages}
        if "letter_paper_docx" in e["layouts"]:
            assert boxes == {(612, 792)}, e["file"]
            words = pdf_words_49(e)
            for h in item_headings(e):
                assert " ".join(h["text"].split("\n")[0].split()[:3]) in words, e["file"]
        elif not {"two_up_pdf", "cropped_margins_pdf", "scanned_signature_page_pdf"} & set(e["layouts"]):
            assert (612, 792) not in boxes, e["file"]


def test_pool_57_hybrid_pdfs_carry_their_odf_file():
    """The catalog's /AdditionalStreams names the OpenDocument text's media type and a stream that is an ODF package
    (its first entry the mimetype, stored, "application/vnd.oasis.opendocument.text"), whose content.xml holds the
    report's item headings; poppler reads the pages' text cleanly, the headings among it; no other PDF of the pool has
    /AdditionalStreams."""
    import io

    files = files_of(57, "hybrid_odf_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(57, "hybrid_odf_pdf", ladder="yeu_to_paren")  # on a new ladder too
    for e in files:
        data = path_of(e).read_bytes()
        m = re.search(rb"/AdditionalStreams\s*\[\s*/application#2Fvnd#2Eoasis#2Eopendocument#2Etext\s+(\d+)\s+0\s+R",
                      data)
        assert m, e["file"]
        obj = re.search(rb"(?<![\d])%s 0 obj\s*<<(.*?)>>\s*stream\r?\n" % m[1], data, re.S)
        assert obj, e["file"]
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", obj[1])
        if length[2]:  # LibreOffice writes the length after the stream, in an object of its own
            length = re.search(rb"(?<![\d])%s 0 obj\s*(\d+)\s*endobj" % length[1], data)
        length = int(length[1])
        assert b"/Filter" not in obj[1], e["file"]
        package = data[obj.end():obj.end() + length]
        with zipfile.ZipFile(io.BytesIO(package)) as z:
            assert z.namelist()[0] == "mimetype", e["file"]
            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text", e["file"]
            content = z.read("content.xml").decode("utf-8")
        for h in item_headings(e):
            assert html.escape(h["text"].split("\n")[0].split(" | ")[-1], quote=False) in content, e["file"]
        texts = " ".join(" ".join(t.split()) for t in pool_55_page_texts(e))
        for h in item_headings(e):
            assert " ".join(h["text"].split("\n")[0].split()[:3]) in texts, e["file"]
        assert e["embedded"]["how"].startswith("/AdditionalStreams"), e["file"]
    for e in files_of(57, kind="pdf"):
        if "hybrid_odf_pdf" not in e["layouts"]:
            assert b"/AdditionalStreams" not in path_of(e).read_bytes(), e["file"]


def test_pool_57_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(57) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_57, *mh.FUNDING_WORDINGS_56}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "monthly_from_month":  # a monthly sum from a month to December, inclusive
            assert f["months"] == 12 - f["from_month"] + 1 and f["to_month"] == 12, e["file"]
            assert total == f["months"] * f["monthly_vnd"], e["file"]
            monthly = f"{f['monthly_vnd'] // 10**6:,}".replace(",", ".")
            assert f"Từ tháng {f['from_month']} đến hết tháng 12 năm 2022, ngân sách tỉnh bố trí" in text, e["file"]
            assert f"mỗi tháng {monthly} triệu đồng" in text and "khoản kinh phí duy nhất" in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "envelope_less_other_tasks":  # the envelope less the part outside the scheme
            assert total == f["envelope_vnd"] - f["outside_vnd"] > 0, e["file"]
            envelope = f"{f['envelope_vnd'] // 10**6:,}".replace(",", ".")
            outside = f"{f['outside_vnd'] // 10**6:,}".replace(",", ".")
            assert f"bố trí {envelope} triệu đồng cho ứng dụng công nghệ thông tin và chuyển đổi số" in text
            assert f"{outside} triệu đồng dành cho {mh.OTHER_TASK_57}, nhiệm vụ không thuộc Đề án" in text
            assert "phần còn lại dành toàn bộ cho các nhiệm vụ của Đề án" in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(57)} <= set(mh.LETTERHEADS_57)
    docx_files = [e for e in entries_of(57) if e["kind"] == "docx" and "lo_saved_docx" not in e["layouts"]]
    assert {"letterhead_tcvn3", "date_dots_filled_in"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        lines = [paragraph_text(p) for p in table.iter(f"{W}p") if paragraph_text(p)]
        fonts = {r.get(f"{W}ascii") for r in table.iter(f"{W}rFonts")}
        day = int(e["report_date"][-2:])
        if e["letterhead"] == "letterhead_tcvn3":  # the table in TCVN3 and the .VnTime fonts, the body in Unicode
            assert f"Sè: {e['report_number']}" in lines, e["file"]
            assert any(line.endswith(f", ngµy {day} th¸ng 5 n¨m 2022") for line in lines), e["file"]
            assert "§éc lËp - Tù do - H¹nh phóc" in lines, e["file"]
            assert fonts <= {".VnTime", ".VnTimeH"} and fonts, e["file"]
            assert any("ngày" in t for t in body_texts(e)), e["file"]  # the body in Unicode
            assert f"Sè: {e['report_number']}" in e["absent"], e["file"]
        else:
            assert not fonts & {".VnTime", ".VnTimeH"}, e["file"]
        dotted = f"ngày..{day}..tháng..5..năm 2022"
        if e["letterhead"] == "date_dots_filled_in":
            assert any(line.endswith(dotted) for line in lines) and e["letterhead_date"].endswith(dotted)
        else:
            assert not any(dotted in line for line in lines), e["file"]
    for e in files_of(57, kind="pdf"):  # LibreOffice prints the stored bytes (no .VnTime here) and the dots
        if e["letterhead"] == "letterhead_tcvn3":
            assert f"Sè: {e['report_number']}" in pdf_words_49(e), e["file"]
        if e["letterhead"] == "date_dots_filled_in":
            assert f"ngày..{int(e['report_date'][-2:])}..tháng..5..năm 2022" in pdf_words_49(e), e["file"]
    scans = files_of(57, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_57)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"khau_number", "cap_do_roman", "yeu_to_paren"}
    assert "letterhead_tcvn3" not in {e["letterhead"] for e in scans}  # a printed sheet: the fonts were there
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "drum_fog_speckle":
            assert e["scan"]["fog"] == mh.FOG_57 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["lift"] is None, e["file"]
        else:
            assert e["scan"]["lift"] == json.loads(json.dumps(mh.LIFT_57)) and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["fog"] is None, e["file"]


def test_pool_57_scans_show_a_drums_fog_or_toner_lifted_by_a_note():
    """The marks on test sheets: the fog greys a white sheet by FOG_57's veil and scatters darker specks on it, a
    different scatter each page; the note lifts a black sheet's toner on page 1 only, inside its square and more under
    its glued strip, and leaves a white sheet white. In the files, a fog scan's top margin holds specks."""
    import io

    import pdfplumber
    from PIL import Image, ImageChops, ImageStat

    mh = generator()
    fog = mh.scan_57_mark(types.SimpleNamespace(scan_kind="drum_fog_speckle", index=3))
    white = Image.new("RGB", (800, 1100), (255, 255, 255))
    one, two = fog(white, 1, 100), fog(white, 2, 100)
    grey = one.convert("L")
    assert grey.getextrema()[1] == 255 - mh.FOG_57["veil"]
    assert grey.getextrema()[0] < mh.FOG_57["lightest"] * (255 - mh.FOG_57["veil"]) // 255
    assert ImageChops.difference(one, two).getbbox() is not None
    lift = mh.scan_57_mark(types.SimpleNamespace(scan_kind="lifted_toner_patch", index=3))
    black = Image.new("RGB", (1240, 1754), (0, 0, 0))  # an A4 sheet at 150 dpi
    lifted = lift(black, 1, 150).convert("L")
    px = 150 / 25.4
    x0, y0 = round(mh.LIFT_57["x_mm"] * px), round(mh.LIFT_57["y_mm"] * px)
    size, strip = round(mh.LIFT_57["size_mm"] * px), round(mh.LIFT_57["strip_mm"] * px)
    assert lifted.getpixel((x0 - 5, y0 - 5)) == 0 and lifted.getpixel((x0 + size + 5, y0 + size + 5)) == 0
    under_strip = ImageStat.Stat(lifted.crop((x0, y0, x0 + size, y0 + strip))).mean[0]
    under_note = ImageStat.Stat(lifted.crop((x0, y0 + strip + 5, x0 + size, y0 + size))).mean[0]
    assert under_strip > under_note > 40, (under_strip, under_note)
    assert lift(black, 2, 150) == black
    assert ImageChops.difference(lift(white, 1, 150), white).getbbox() is None
    for e in files_of(57, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            images = [Image.open(io.BytesIO(p.images[0]["stream"].get_rawdata())).convert("L") for p in pdf.pages]
        assert abs(images[0].width - 210 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
        if e["scan"]["kind"] == "drum_fog_speckle":
            w, h = images[0].size
            margin = images[0].crop((w // 5, h // 50, w - w // 5, h // 25))
            assert margin.getextrema()[0] < 215, (e["file"], margin.getextrema())


# ---------------------------------------------------------------------------------------
# Pool 58: "Luận điểm 1. …", "Góc độ I: …", "Tuyến A – …", "Mũi thứ nhất: …"; each heading underlined with the double
# line, each heading given Word's Character Shading, a .docx saved Read-only recommended, a PDF split into pages and
# joined again (pdfseparate, pdfunite); pools 1-57's at a lower weight, pools 56 and 57's funding wordings and two new
# ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_58 = {"luan_diem_number", "goc_do_roman", "tuyen_letter", "mui_word"}
LADDERS[58] = NEW_LADDERS_58 | {"khau_number", "cap_do_roman", "huong_letter", "yeu_to_paren",  # 1-57's
                                "trong_diem_number", "truc_roman", "goi_letter", "phan_hanh_word"}
NEW_LAYOUTS_58 = {"double_underline_heading", "char_shading_heading", "read_only_recommended_docx",
                  "pages_rejoined_pdf"}
LAYOUTS[58] = NEW_LAYOUTS_58 | {"intense_quote_heading", "draft_watermark_docx", "letter_paper_docx",  # 1-57's
                                "hybrid_odf_pdf", "left_bar_heading", "wps_saved_docx", "marked_final_docx",
                                "exact_line_heading", "compat_2003_docx", "opentype_heading", "lo_saved_docx",
                                "rsid_split_heading", "keep_next_heading", "extra_heading_between", "merged_5_6",
                                "merged_4_5", "first_heading_missing", "heading_line_break"}
SHAPES_58 = {  # how each of pool 58's ladders marks an item heading, as a reader sees it
    "luan_diem_number": r"Luận điểm \d\. \S",
    "goc_do_roman": r"Góc độ [IVX]+: \S",
    "tuyen_letter": r"Tuyến [A-F] – \S",
    "mui_word": r"Mũi thứ (?:nhất|hai|ba|tư|năm|sáu): \S",
}


def test_pool_58_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_58:
        for e in [e for e in files_of(58, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def heading_text_runs_58(e: dict) -> list:
    """The w:r elements with words in them of each item heading's first paragraph."""
    return [r for p in heading_paragraphs(e) for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t"))]


def test_pool_58_headings_are_double_underlined():
    """Each run with words of a heading paragraph carries w:u w:val="double" (Home > Underline ▾, the double line);
    no other .docx of the pool has a double underline; in the PDF exports each heading line is drawn with two rules
    under it, a point or two apart, from the heading's left edge."""
    import pdfplumber

    files = files_of(58, "double_underline_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx", "pdf"}
    assert files_of(58, "double_underline_heading", ladder="luan_diem_number")  # on a new ladder too
    for e in files:
        assert e["heading_underline"] == "double", e["file"]
        if e["kind"] == "docx":
            runs = heading_text_runs_58(e)
            assert runs, e["file"]
            for run in runs:
                u = run.find(f"{W}rPr/{W}u")
                assert u is not None and u.get(f"{W}val") == "double", e["file"]
            continue
        pairs = 0
        with pdfplumber.open(path_of(e)) as pdf:
            for page in pdf.pages:
                rules = sorted((round(o["top"], 1), round(o["x0"])) for o in page.lines + page.rects
                               if abs(o["top"] - o["bottom"]) < 1 and o["x1"] - o["x0"] > 20)
                pairs += sum(1 for (a, x), (b, y) in itertools.pairwise(rules) if x == y and 0.5 <= b - a <= 2.5)
        assert pairs >= len(item_headings(e)), (e["file"], pairs)
    for e in files_of(58, kind="docx"):
        if "double_underline_heading" not in e["layouts"] and "lo_saved_docx" not in e["layouts"]:
            assert 'w:u w:val="double"' not in part_text(e), e["file"]


def test_pool_58_headings_have_words_character_shading():
    """Each run with words of a heading paragraph carries Word's Character Shading (w:shd w:val="pct15"
    w:color="auto" w:fill="FFFFFF" in its w:rPr), the paragraph itself unshaded; no other .docx of the pool has it."""
    mh = generator()
    files = files_of(58, "char_shading_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(58, "char_shading_heading", ladder="goc_do_roman")  # on a new ladder too
    for e in files:
        assert e["heading_shading"] == mh.CHAR_SHADING_58 == {"val": "pct15", "color": "auto", "fill": "FFFFFF"}
        for p in heading_paragraphs(e):
            assert p.find(f"{W}pPr/{W}shd") is None, e["file"]
        runs = heading_text_runs_58(e)
        assert runs, e["file"]
        for run in runs:
            shd = run.find(f"{W}rPr/{W}shd")
            assert shd is not None, e["file"]
            assert (shd.get(f"{W}val"), shd.get(f"{W}color"), shd.get(f"{W}fill")) == ("pct15", "auto", "FFFFFF")
    for e in files_of(58, kind="docx"):
        if "char_shading_heading" not in e["layouts"] and "lo_saved_docx" not in e["layouts"]:
            assert 'w:val="pct15"' not in part_text(e), e["file"]


def test_pool_58_read_only_recommended_files_say_so_in_their_settings():
    """settings.xml's first element is w:writeProtection w:recommended="1", with no password hash (Read-only
    recommended alone); the body as typed; no other .docx of the pool has w:writeProtection."""
    files = files_of(58, "read_only_recommended_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(58, "read_only_recommended_docx", ladder="tuyen_letter")  # on a new ladder too
    for e in files:
        settings = part_tree(e, "word/settings.xml")
        first = settings[0]
        assert first.tag == f"{W}writeProtection" and first.get(f"{W}recommended") == "1", e["file"]
        assert not [a for a in first.attrib if "hash" in a.lower() or "salt" in a.lower()], e["file"]
        assert e["read_only_recommended"] is True, e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
    for e in files_of(58, kind="docx"):
        if "read_only_recommended_docx" not in e["layouts"]:
            assert "writeProtection" not in part_text(e, "word/settings.xml"), e["file"]


def test_pool_58_rejoined_pdfs_carry_each_pages_own_fonts():
    """A rejoined PDF's pages each use font objects of their own (pdfseparate copies each page with what it uses,
    pdfunite joins the copies), where LibreOffice's export shares one set across its pages; it has no Info
    dictionary (no Producer), its /ID a pair of hex strings; pdfplumber and poppler read its text, the headings
    among it; the pool's other LibreOffice exports share their fonts between pages 1 and 2."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    files = files_of(58, "pages_rejoined_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(58, "pages_rejoined_pdf", ladder="mui_word")  # on a new ladder too
    for e in files_of(58, kind="pdf"):
        data = path_of(e).read_bytes()
        with pdfplumber.open(path_of(e)) as pdf:
            fonts = [{ref.objid for ref in (resolve1(page.page_obj.resources.get("Font")) or {}).values()}
                     for page in pdf.pages]
        if "pages_rejoined_pdf" in e["layouts"]:
            assert len(fonts) >= 2 and all(fonts), e["file"]
            for a, b in itertools.combinations(fonts, 2):
                assert not a & b, e["file"]
            assert b"/Producer" not in data and b"/Info" not in data, e["file"]
            assert re.search(rb"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\] /Root", data), e["file"]
            assert e["rejoined"] == {"split": "pdfseparate", "joined": "pdfunite"}, e["file"]
            words = pdf_words_49(e)
            text = " ".join(subprocess.run(["pdftotext", str(path_of(e)), "-"], capture_output=True, text=True,
                                           check=True).stdout.split())
            for h in item_headings(e):
                first = " ".join(h["text"].split("\n")[0].split()[:3])
                assert first in words and first in text, e["file"]
        elif b"LibreOffice" in data and len(fonts) >= 2 and fonts[1]:
            assert fonts[0] & fonts[1], e["file"]


def test_pool_58_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(58) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_58, *mh.FUNDING_WORDINGS_57}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "half_year_installments":  # the first six months' money and the last six's
            assert total == f["first_half_vnd"] + f["second_half_vnd"], e["file"]
            first = f"{f['first_half_vnd'] // 10**6:,}".replace(",", ".")
            second = f"{f['second_half_vnd'] // 10**6:,}".replace(",", ".")
            assert "Trong 6 tháng đầu năm 2022, ngân sách tỉnh đã cấp cho Đề án" in text, e["file"]
            assert f" {first} triệu đồng; 6 tháng cuối năm cấp tiếp {second} triệu đồng." in text, e["file"]
            assert "Đề án không có nguồn kinh phí nào khác trong năm" in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "second_tranche_share":  # the first instalment and the second as its share
            share = f["second_share_percent"]
            assert share in mh.TRANCHE_SHARES_58, e["file"]
            assert total * 100 == f["first_tranche_vnd"] * (100 + share), e["file"]
            first = f"{f['first_tranche_vnd'] // 10**6:,}".replace(",", ".")
            assert f"được cấp kinh phí làm hai đợt: đợt 1 là {first} triệu đồng; đợt 2 bằng {share}% số kinh phí " \
                   "đợt 1." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(58)} <= set(mh.LETTERHEADS_58)
    docx_files = [e for e in entries_of(58) if e["kind"] == "docx" and "lo_saved_docx" not in e["layouts"]]
    assert {"number_highlighted", "date_condensed"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        lines = [paragraph_text(p) for p in table.iter(f"{W}p") if paragraph_text(p)]
        figures = (e["report_number"] or "").split("/")[0]
        marked = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]
        condensed = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}spacing") is not None]
        if e["letterhead"] == "number_highlighted":  # the figures alone in a yellow run, the line as typed
            assert f"Số: {e['report_number']}" in lines, e["file"]
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in marked] == [figures], e["file"]
            assert marked[0].find(f"{W}rPr/{W}highlight").get(f"{W}val") == "yellow", e["file"]
        else:
            assert not marked, e["file"]
        if e["letterhead"] == "date_condensed":  # the date line's runs condensed by 0.3 pt
            assert condensed, e["file"]
            assert "".join(t.text for r in condensed for t in r.iter(f"{W}t")) == e["letterhead_date"], e["file"]
            assert {r.find(f"{W}rPr/{W}spacing").get(f"{W}val") for r in condensed} == {"-6"}, e["file"]
            assert e["letterhead_date"] in lines, e["file"]
        else:
            assert not condensed, e["file"]
    for e in files_of(58, kind="pdf"):  # LibreOffice prints both as typed
        if e["letterhead"] in ("number_highlighted", "date_condensed"):
            assert f"Số: {e['report_number']}" in pdf_words_49(e), e["file"]
    scans = files_of(58, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_58)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"luan_diem_number", "goc_do_roman", "mui_word"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "toner_side_fade":
            assert e["scan"]["fade"] == mh.FADE_58 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["drag"] is None, e["file"]
        else:
            assert e["scan"]["drag"] == mh.DRAG_58 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["fade"] is None, e["file"]


def test_pool_58_scans_show_a_cartridges_fade_or_a_fusers_drag():
    """The marks on test sheets: the fade keeps a black sheet black at its left edge and pales it to FADE_58's share
    at its right, evenly, and leaves a white sheet white; the drag trails a black bar in its band down the page, the
    trail paler as it goes, nothing outside the band and the trail touched, a white sheet left white, the band lower
    on page 2. In the files, the pages are the dpi's width and a fade scan's ink paler on the right."""
    import io

    import numpy as np
    import pdfplumber
    from PIL import Image, ImageChops

    mh = generator()
    fade = mh.scan_58_mark(types.SimpleNamespace(scan_kind="toner_side_fade", index=3))
    black = Image.new("RGB", (1000, 1400), (0, 0, 0))
    white = Image.new("RGB", (1000, 1400), (255, 255, 255))
    faded = np.asarray(fade(black, 1, 120).convert("L")).astype(int)
    assert faded[:, 0].max() <= 1
    assert abs(faded[:, -1].mean() - 255 * (1 - mh.FADE_58["right"])) <= 2
    assert (np.diff(faded[700]) >= 0).all()
    assert ImageChops.difference(fade(white, 1, 120), white).getbbox() is None
    drag = mh.scan_58_mark(types.SimpleNamespace(scan_kind="toner_drag_smear", index=3))
    dpi = 150
    px = dpi / 25.4
    sheet = Image.new("RGB", (1240, 1754), (255, 255, 255))
    top = mh.DRAG_58["y_mm"] * px
    bar = (100, round(top + 5 * px), 1100, round(top + 5 * px) + 4)
    sheet.paste((0, 0, 0), bar)
    out = np.asarray(drag(sheet, 1, dpi).convert("L")).astype(int)
    below = out[bar[3]:bar[3] + round(mh.DRAG_58["drag_mm"] * px), 500]
    assert below[0] < 200 and (np.diff(below) >= 0).all() and below[-1] > below[0], below
    assert (out[: bar[1], :] == 255).all() and (out[bar[3] + round(mh.DRAG_58["drag_mm"] * px) + 2:, :] == 255).all()
    assert ImageChops.difference(drag(white, 1, dpi), white).getbbox() is None
    page2 = np.asarray(drag(sheet, 2, dpi).convert("L")).astype(int)
    assert (page2[bar[3]:bar[3] + 5, 500] == 255).all()  # page 2's band is lower: this bar is not dragged
    for e in files_of(58, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            images = [Image.open(io.BytesIO(p.images[0]["stream"].get_rawdata())).convert("L") for p in pdf.pages]
        assert abs(images[0].width - 210 / 25.4 * e["scan"]["dpi"]) <= 2, e["file"]
        if e["scan"]["kind"] == "toner_side_fade":  # the darkest ink on the left third darker than on the right
            arr = np.asarray(images[0]).astype(int)
            h, w = arr.shape
            body = arr[h // 6: h - h // 6]
            left = np.percentile(body[:, w // 8: w // 3], 0.5)
            right = np.percentile(body[:, 2 * w // 3: w - w // 8], 0.5)
            assert right - left >= 25, (e["file"], left, right)


# ---------------------------------------------------------------------------------------
# Pool 59: "Nhận định 1: …", "Lớp I. …", "Mạch A) …", "Mã số 01 – …"; each heading in Word's "heading 1" under the id
# Vietnamese Word gives it ("u1"), a .docx saved as Strict Open XML, a .docx whose main part is a Word Template's, a PDF
# whose bold type is struck twice; pools 1-58's at a lower weight, pools 57 and 58's funding wordings and two new
# ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_59 = {"nhan_dinh_number", "lop_roman", "mach_letter", "ma_so_code"}
LADDERS[59] = NEW_LADDERS_59 | {"luan_diem_number", "goc_do_roman", "tuyen_letter", "mui_word",  # 1-58's
                                "khau_number", "cap_do_roman", "huong_letter", "yeu_to_paren"}
NEW_LAYOUTS_59 = {"vi_style_ids_heading", "strict_ooxml_docx", "template_type_docx", "overprinted_bold_pdf"}
LAYOUTS[59] = NEW_LAYOUTS_59 | {"double_underline_heading", "char_shading_heading",  # 1-58's
                                "read_only_recommended_docx", "pages_rejoined_pdf", "intense_quote_heading",
                                "draft_watermark_docx", "letter_paper_docx", "hybrid_odf_pdf", "left_bar_heading",
                                "wps_saved_docx", "marked_final_docx", "exact_line_heading", "compat_2003_docx",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_59 = {  # how each of pool 59's ladders marks an item heading, as a reader sees it
    "nhan_dinh_number": r"Nhận định \d: \S",
    "lop_roman": r"Lớp [IVX]+\. \S",
    "mach_letter": r"Mạch [A-F]\) \S",
    "ma_so_code": r"Mã số 0\d – \S",
}
W_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
TRANSITIONAL_59 = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                   "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                   "http://schemas.openxmlformats.org/drawingml/2006/main",
                   "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")


def test_pool_59_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_59:
        for e in [e for e in files_of(59, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_59_headings_are_in_heading_1_under_the_id_vietnamese_word_gives_it():
    """styles.xml holds Word's built-in "heading 1" (w:name "heading 1") under the id "u1", its character half
    "u1Char", linked both ways, "Table Grid" as "LiBang" and "List Paragraph" as "oancuaDanhsach", and no style with
    an English id among them; each item heading's paragraph has w:pStyle "u1", the style Times New Roman 13 pt bold,
    black; every style reference in the body names a style that exists; the pool's other .docx keep Heading1."""
    mh = generator()
    files = files_of(59, "vi_style_ids_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(59, "vi_style_ids_heading", ladder="nhan_dinh_number")  # on a new ladder too
    assert mh.VI_STYLE_IDS_59["Heading1"] == "u1" and mh.VI_STYLE_IDS_59["TableGrid"] == "LiBang"
    for e in files:
        assert e["heading_style"] == {"id": "u1", "name": "heading 1"}, e["file"]
        styles = part_tree(e, "word/styles.xml")
        ids = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
        assert {"u1", "u1Char", "LiBang", "oancuaDanhsach", "Normal"} <= set(ids), e["file"]
        assert not {"Heading1", "Heading1Char", "TableGrid", "ListParagraph"} & set(ids), e["file"]
        u1 = ids["u1"]
        assert u1.find(f"{W}name").get(f"{W}val") == "heading 1", e["file"]
        assert u1.find(f"{W}link").get(f"{W}val") == "u1Char", e["file"]
        assert ids["u1Char"].find(f"{W}link").get(f"{W}val") == "u1", e["file"]
        assert u1.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "Times New Roman", e["file"]
        assert u1.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000", e["file"]
        assert u1.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0", e["file"]
        for p in heading_paragraphs(e):
            assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "u1", e["file"]
        used = {el.get(f"{W}val") for el in part_tree(e).iter(f"{W}pStyle", f"{W}rStyle", f"{W}tblStyle")}
        assert used <= set(ids), (e["file"], used - set(ids))
    for e in files_of(59, kind="docx"):
        if "vi_style_ids_heading" not in e["layouts"] and "strict_ooxml_docx" not in e["layouts"]:
            assert 'w:styleId="u1"' not in part_text(e, "word/styles.xml"), e["file"]


def test_pool_59_strict_files_are_written_in_iso_29500_strict():
    """Every XML part of a strict file names only strict namespaces (no transitional WordprocessingML,
    relationships, DrawingML or extended-properties namespace left), w:document is marked w:conformance="strict",
    the package's officeDocument relationship is the strict one, no w:jc says left or right and no w:ind w:left or
    w:right; the headings are in its paragraphs as written; python-docx, which looks for the transitional
    relationship, does not open it; the pool's other .docx are transitional."""
    import docx

    files = files_of(59, "strict_ooxml_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(59, "strict_ooxml_docx", ladder="lop_roman")  # on a new ladder too
    for e in files:
        assert e["conformance"] == "strict", e["file"]
        with zipfile.ZipFile(path_of(e)) as z:
            parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}
        for name, text in parts.items():
            assert not [ns for ns in TRANSITIONAL_59 if ns in text], (e["file"], name)
        assert ('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" '
                'Target="word/document.xml"') in parts["_rels/.rels"], e["file"]
        tree = part_tree(e)
        assert tree.tag == f"{W_STRICT}document" and tree.get(f"{W_STRICT}conformance") == "strict", e["file"]
        assert not [j for j in tree.iter(f"{W_STRICT}jc") if j.get(f"{W_STRICT}val") in ("left", "right")]
        assert not [i for i in tree.iter(f"{W_STRICT}ind") if i.get(f"{W_STRICT}left") or i.get(f"{W_STRICT}right")]
        texts = ["".join(t.text or "" for t in p.iter(f"{W_STRICT}t")) for p in tree.iter(f"{W_STRICT}p")]
        for h in item_headings(e):
            first = h["text"].split("\n")[0]
            assert any(t.strip().startswith(first) for t in texts), (e["file"], first)
        with pytest.raises(KeyError):
            docx.Document(str(path_of(e)))
    for e in files_of(59, kind="docx"):
        if "strict_ooxml_docx" not in e["layouts"]:
            assert part_tree(e).tag == f"{W}document", e["file"]


def test_pool_59_template_files_have_a_word_templates_main_part():
    """[Content_Types].xml gives /word/document.xml a Word Template's content type; the parts are a document's
    (WordprocessingML, the headings in the body); python-docx, which checks the type, refuses it; the pool's other
    .docx have a document's main part."""
    import docx

    mh = generator()
    files = files_of(59, "template_type_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(59, "template_type_docx", ladder="mach_letter")  # on a new ladder too

    def main_type(e: dict) -> str:
        types_ = part_tree(e, "[Content_Types].xml")
        ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
        return next(o.get("ContentType") for o in types_.iter(f"{ns}Override")
                    if o.get("PartName") == "/word/document.xml")

    for e in files:
        assert main_type(e) == e["main_content_type"] == mh.TEMPLATE_CT_59, e["file"]
        assert e["main_content_type"].endswith("wordprocessingml.template.main+xml"), e["file"]
        assert len(heading_paragraphs(e)) == len(item_headings(e)), e["file"]
        with pytest.raises(ValueError, match="not a Word file"):
            docx.Document(str(path_of(e)))
    for e in files_of(59, kind="docx"):
        if "template_type_docx" not in e["layouts"]:
            assert main_type(e) == mh.DOCUMENT_CT_59, e["file"]


def doubled_chars_59(page, offset: float) -> int:
    """How many of a page's characters are drawn again `offset` points to their right, on the same line."""
    seen = {(c["text"], round(c["x0"], 1), round(c["top"], 1)) for c in page.chars}
    return sum(1 for c in page.chars if c["text"].strip()
               and (c["text"], round(c["x0"] + offset, 1), round(c["top"], 1)) in seen)


def test_pool_59_overprinted_pdfs_strike_their_bold_type_twice():
    """In an overprinted PDF each item heading's first words are drawn twice, the second OVERPRINT_59 points to the
    right (pdfplumber reads them doubled, "NNhhậậnn", and once after its dedupe_chars; poppler's pdftotext, which
    folds such copies, once); its body text is not doubled; the pool's other text PDFs have no such copies."""
    import pdfplumber

    mh = generator()
    files = files_of(59, "overprinted_bold_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(59, "overprinted_bold_pdf", ladder="ma_so_code")  # on a new ladder too
    for e in files_of(59, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            doubled = sum(doubled_chars_59(page, mh.OVERPRINT_59) for page in pdf.pages)
            once = " ".join(" ".join((p.dedupe_chars().extract_text() or "").split()) for p in pdf.pages)
            raw = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        if "overprinted_bold_pdf" not in e["layouts"]:
            assert doubled == 0, e["file"]
            continue
        assert e["overprinted_bold"] == {"offset_pt": mh.OVERPRINT_59}, e["file"]
        text = " ".join(subprocess.run(["pdftotext", str(path_of(e)), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        heading_chars = 0
        for h in item_headings(e):
            first = " ".join(h["text"].split("\n")[0].split()[:3])
            assert first in once and first in text, (e["file"], first)
            assert first not in raw, (e["file"], first)  # read doubled without the dedupe
            heading_chars += len(first.replace(" ", ""))
        assert doubled >= heading_chars, (e["file"], doubled, heading_chars)
        body = e["sections"]["1"].split("\n")[0]
        assert " ".join(body.split()[:4]) in raw, e["file"]


def test_pool_59_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(59) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_59, *mh.FUNDING_WORDINGS_58}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "need_less_shortfall":  # the need and what the budget could not find
            assert total == f["need_vnd"] - f["shortfall_vnd"] > 0, e["file"]
            need = f"{f['need_vnd'] // 10**6:,}".replace(",", ".")
            short = f"{f['shortfall_vnd'] // 10**6:,}".replace(",", ".")
            assert "Nhu cầu kinh phí năm 2022 của Đề án tại " in text, e["file"]
            assert f" là {need} triệu đồng; ngân sách tỉnh mới cân đối được một phần, còn thiếu {short} triệu đồng " \
                   "chưa được bố trí." in text, e["file"]
            assert "Ngoài phần đã bố trí, Đề án không có nguồn kinh phí nào khác." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "district_below_province":  # the province's sum and how much lower the districts'
            assert total == 2 * f["province_vnd"] - f["district_less_vnd"], e["file"]
            assert f["district_less_vnd"] < f["province_vnd"], e["file"]
            province = f"{f['province_vnd'] // 10**6:,}".replace(",", ".")
            less = f"{f['district_less_vnd'] // 10**6:,}".replace(",", ".")
            assert f" {province} triệu đồng; ngân sách cấp huyện bố trí thấp hơn phần của ngân sách tỉnh {less} " \
                   "triệu đồng." in text, e["file"]
            assert "Đề án không có nguồn kinh phí nào khác." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(59)} <= set(mh.LETTERHEADS_59)
    docx_files = [e for e in entries_of(59) if e["kind"] == "docx" and "strict_ooxml_docx" not in e["layouts"]]
    assert {"number_pasted_web", "date_to_hop"} <= {e["letterhead"] for e in docx_files}
    web = mh.PASTED_WEB_59
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        lines = [paragraph_text(p) for p in table.iter(f"{W}p") if paragraph_text(p)]
        pasted = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}color") is not None
                  and r.find(f"{W}rPr/{W}color").get(f"{W}val") == web["color"]]
        if e["letterhead"] == "number_pasted_web":  # the code alone in the web page's look, "Số: " as typed
            assert f"Số: {e['report_number']}" in lines, e["file"]
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in pasted] == [e["report_number"]], e["file"]
            rpr = pasted[0].find(f"{W}rPr")
            assert rpr.find(f"{W}rFonts").get(f"{W}ascii") == web["font"], e["file"]
            assert rpr.find(f"{W}sz").get(f"{W}val") == str(web["half_points"]), e["file"]
            assert rpr.find(f"{W}shd").get(f"{W}fill") == web["fill"], e["file"]
            before = pasted[0].getprevious()
            assert "".join(t.text for t in before.iter(f"{W}t")) == "Số: ", e["file"]
        else:
            assert not pasted, e["file"]
        composed = [t for t in lines if unicodedata.normalize("NFC", t) != t]
        if e["letterhead"] == "date_to_hop":  # the date line in Unicode tổ hợp: tones combining, shapes precomposed
            assert len(composed) == 1, e["file"]
            line = composed[0]
            assert unicodedata.normalize("NFC", line) == e["letterhead_date"], e["file"]
            assert "\u0300" in line and "\u0302" not in line and "\u0306" not in line, e["file"]
            assert not [c for c in line if set(unicodedata.normalize("NFD", c)[1:]) & set(mh.TONE_MARKS_59)]
            assert line == mh.to_hop(e["letterhead_date"]), e["file"]
        else:
            assert not composed, e["file"]
    for e in files_of(59, kind="pdf"):  # LibreOffice prints both as typed
        if e["letterhead"] in ("number_pasted_web", "date_to_hop"):
            words = unicodedata.normalize("NFC", pdf_words_49(e))
            assert f"Số: {e['report_number']}" in words, e["file"]
            assert e["letterhead_date"].split(", ")[1] in words, e["file"]
    scans = files_of(59, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_59)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"nhan_dinh_number", "lop_roman", "ma_so_code"}
    for e in scans:
        assert not e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "despeckle_lost_dots":
            assert e["scan"]["despeckle"] == mh.DESPECKLE_59 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["slip"] is None, e["file"]
        else:
            assert e["scan"]["slip"] == mh.SLIP_59 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["despeckle"] is None, e["file"]


def test_pool_59_scans_lose_their_specks_or_stretch_a_band():
    """The marks on test sheets: the despeckle whitens a lone dot up to DESPECKLE_59's size, keeps a larger square, a
    dot touching a bar and the bar, and leaves a white sheet white; the slip makes the page longer by the band's depth
    (its factor less one), each line of the band read twice, the rest as it was, the band lower on page 2. In the
    files, the pages are the dpi's width, a slip scan's pages longer than A4 and a despeckle scan's A4."""
    import io

    import numpy as np
    import pdfplumber
    from PIL import Image, ImageChops

    mh = generator()
    dpi = 200
    sheet = Image.new("L", (800, 600), 240)
    sheet.paste(0, (100, 100, 103, 103))  # a full stop: 3 px at 200 dpi
    sheet.paste(0, (200, 100, 204, 104))  # 4 px
    sheet.paste(0, (300, 100, 312, 112))  # a letter's stroke: 12 px
    sheet.paste(0, (400, 300, 600, 306))  # a bar
    sheet.paste(0, (450, 306, 453, 309))  # a dot touching it
    clean = np.asarray(mh.despeckle_59(sheet, dpi)).astype(int)
    assert (clean[100:103, 100:103] == 240).all() and (clean[100:104, 200:204] == 240).all()
    assert (clean[100:112, 300:312] == 0).all() and (clean[300:306, 400:600] == 0).all()
    assert (clean[306:309, 450:453] == 0).all()
    white = Image.new("L", (800, 600), 240)
    assert ImageChops.difference(mh.despeckle_59(white, dpi), white).getbbox() is None
    slip = mh.scan_59_mark(types.SimpleNamespace(scan_kind="adf_slip_stretch", index=3))
    dpi = 150
    px = dpi / 25.4
    page = Image.fromarray((np.arange(1754)[:, None] % 251 * np.ones((1, 1240))).astype(np.uint8), "L")
    out = np.asarray(slip(page, 1, dpi)).astype(int)
    src = np.asarray(page).astype(int)
    y0 = round(mh.SLIP_59["y_mm"] * px)
    y1 = round((mh.SLIP_59["y_mm"] + mh.SLIP_59["band_mm"]) * px)
    assert out.shape == (1754 + (y1 - y0) * (mh.SLIP_59["factor"] - 1), 1240)
    assert (out[:y0] == src[:y0]).all() and (out[y0 + 2 * (y1 - y0):] == src[y1:]).all()
    assert (out[y0:y0 + 2 * (y1 - y0):2] == src[y0:y1]).all() and (out[y0 + 1:y0 + 2 * (y1 - y0):2] == src[y0:y1]).all()
    page2 = np.asarray(slip(page, 2, dpi)).astype(int)
    assert (page2[:y1 + 5] == src[:y1 + 5]).all()  # page 2's band is lower
    assert mh.scan_59_mark(types.SimpleNamespace(scan_kind="despeckle_lost_dots", index=3))(page, 1, dpi) is page
    for e in files_of(59, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            assert len(pdf.pages) == e["pages"], e["file"]
            images = [Image.open(io.BytesIO(p.images[0]["stream"].get_rawdata())) for p in pdf.pages]
        d = e["scan"]["dpi"]
        assert abs(images[0].width - 210 / 25.4 * d) <= 2, e["file"]
        a4 = 297 / 25.4 * d
        if e["scan"]["kind"] == "adf_slip_stretch":
            extra = mh.SLIP_59["band_mm"] * (mh.SLIP_59["factor"] - 1) / 25.4 * d
            assert all(abs(i.height - a4 - extra) <= 2 for i in images), e["file"]
        else:
            assert all(abs(i.height - a4) <= 2 for i in images), e["file"]


# ---------------------------------------------------------------------------------------
# Pool 60: "Phiếu số 1. …", "Bậc I: …", "Cột A. …", "Mảnh ghép thứ nhất – …"; the body pasted from a web page in Word's
# "Normal (Web)" style, a .docx with Word's package signature, an .rtf in code page 1258, a PDF whose fonts are Type 3;
# pools 1-59's at a lower weight, pools 58 and 59's funding wordings and two new ones, two new letterheads, two new
# scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_60 = {"phieu_number", "bac_roman", "cot_letter", "manh_ghep_word"}
LADDERS[60] = NEW_LADDERS_60 | {"nhan_dinh_number", "lop_roman", "mach_letter", "ma_so_code",  # 1-59's
                                "luan_diem_number", "goc_do_roman", "tuyen_letter", "mui_word"}
NEW_LAYOUTS_60 = {"normal_web_paste", "xml_signed_docx", "cp1258_rtf", "type3_glyphs_pdf"}
LAYOUTS[60] = NEW_LAYOUTS_60 | {"vi_style_ids_heading", "strict_ooxml_docx", "template_type_docx",  # 1-59's
                                "overprinted_bold_pdf", "double_underline_heading", "char_shading_heading",
                                "read_only_recommended_docx", "pages_rejoined_pdf", "intense_quote_heading",
                                "draft_watermark_docx", "letter_paper_docx", "left_bar_heading", "wps_saved_docx",
                                "marked_final_docx", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_60 = {  # how each of pool 60's ladders marks an item heading, as a reader sees it
    "phieu_number": r"Phiếu số \d\. \S",
    "bac_roman": r"Bậc [IVX]+: \S",
    "cot_letter": r"Cột [A-F]\. \S",
    "manh_ghep_word": r"Mảnh ghép thứ (?:nhất|hai|ba|tư|năm|sáu) – \S",
}
DS_60 = "{http://www.w3.org/2000/09/xmldsig#}"


def test_pool_60_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_60:
        for e in [e for e in files_of(60, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_60_pasted_bodies_are_in_normal_web():
    """styles.xml holds Word's "Normal (Web)" (w:styleId NormalWeb, based on Normal, spacing Auto before and after,
    12 pt); every item heading's paragraph, and the body's uncentred paragraphs around it, have w:pStyle NormalWeb,
    the headings' runs bold; the letterhead table's paragraphs do not; the pool's other .docx have no NormalWeb."""
    mh = generator()
    files = files_of(60, "normal_web_paste")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(60, "normal_web_paste", ladder="phieu_number")  # on a new ladder too
    web = mh.NORMAL_WEB_60
    for e in files:
        assert e["body_style"] == {"id": "NormalWeb", "name": "Normal (Web)"}, e["file"]
        styles = part_tree(e, "word/styles.xml")
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == web["id"])
        assert style.find(f"{W}name").get(f"{W}val") == "Normal (Web)", e["file"]
        assert style.find(f"{W}basedOn").get(f"{W}val") == "Normal", e["file"]
        spacing = style.find(f"{W}pPr/{W}spacing")
        assert spacing.get(f"{W}beforeAutospacing") == "1" and spacing.get(f"{W}afterAutospacing") == "1", e["file"]
        assert style.find(f"{W}rPr/{W}sz").get(f"{W}val") == "24", e["file"]
        for p in heading_paragraphs(e):
            assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "NormalWeb", e["file"]
            runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
            assert runs and all(r.find(f"{W}rPr/{W}b") is not None for r in runs[:1]), e["file"]
        body = part_tree(e).find(f"{W}body")
        pasted = [p for p in body.findall(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
                  and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "NormalWeb"]
        assert len(pasted) > len(item_headings(e)) + 3, e["file"]
        table = next(part_tree(e).iter(f"{W}tbl"))
        assert not [s for s in table.iter(f"{W}pStyle") if s.get(f"{W}val") == "NormalWeb"], e["file"]
    for e in files_of(60, kind="docx"):
        if "normal_web_paste" not in e["layouts"]:
            assert 'w:styleId="NormalWeb"' not in part_text(e, "word/styles.xml"), e["file"]


def test_pool_60_signed_files_carry_words_package_signature():
    """A signed .docx has the origin part and sig1.xml, named in [Content_Types].xml and linked from the package's
    relationships and the origin's; sig1.xml's SignedInfo references its two objects by their SHA-256 digests, its
    SignatureValue verifies with its certificate's key over the canonical SignedInfo; its Manifest's digest of each
    part that is not a relationships part is that part's SHA-256, and it names word/document.xml; the signing time is
    SIG_TIME_60; python-docx still opens it and the headings are in its body; the pool's other .docx are unsigned."""
    import base64
    import hashlib

    import docx
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from lxml import etree

    mh = generator()
    files = files_of(60, "xml_signed_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(60, "xml_signed_docx", ladder="bac_roman")  # on a new ladder too
    for e in files:
        assert e["package_signature"] == {"part": mh.SIG_PART_60, "time": mh.SIG_TIME_60, "digest": "sha256"}
        with zipfile.ZipFile(path_of(e)) as z:
            names = set(z.namelist())
            assert {mh.SIG_ORIGIN_60, mh.SIG_PART_60, "_xmlsignatures/_rels/origin.sigs.rels"} <= names, e["file"]
            types = z.read("[Content_Types].xml").decode("utf-8")
            rels = z.read("_rels/.rels").decode("utf-8")
            origin_rels = z.read("_xmlsignatures/_rels/origin.sigs.rels").decode("utf-8")
            signature = etree.fromstring(z.read(mh.SIG_PART_60))
            parts = {n: z.read(n) for n in names}
        assert mh.SIG_CT_60["origin"] in types and mh.SIG_CT_60["signature"] in types, e["file"]
        assert f'Type="{mh.SIG_REL_60}origin"' in rels and f'Target="{mh.SIG_ORIGIN_60}"' in rels, e["file"]
        assert f'Type="{mh.SIG_REL_60}signature"' in origin_rels and 'Target="sig1.xml"' in origin_rels
        info = signature.find(f"{DS_60}SignedInfo")
        objects = {o.get("Id"): o for o in signature.findall(f"{DS_60}Object")}
        assert set(objects) == {"idPackageObject", "idOfficeObject"}, e["file"]
        for ref in info.findall(f"{DS_60}Reference"):
            obj = objects[ref.get("URI").removeprefix("#")]
            digest = base64.b64encode(hashlib.sha256(etree.tostring(obj, method="c14n")).digest()).decode()
            assert ref.find(f"{DS_60}DigestValue").text == digest, (e["file"], ref.get("URI"))
        der = base64.b64decode(signature.find(f"{DS_60}KeyInfo/{DS_60}X509Data/{DS_60}X509Certificate").text)
        cert = x509.load_der_x509_certificate(der)
        cert.public_key().verify(base64.b64decode(signature.find(f"{DS_60}SignatureValue").text),
                                 etree.tostring(info, method="c14n"), padding.PKCS1v15(), hashes.SHA256())
        manifest = objects["idPackageObject"].find(f"{DS_60}Manifest")
        uris = []
        for ref in manifest.findall(f"{DS_60}Reference"):
            name = ref.get("URI").split("?")[0].removeprefix("/")
            uris.append(name)
            if not name.endswith(".rels"):
                digest = base64.b64encode(hashlib.sha256(parts[name]).digest()).decode()
                assert ref.find(f"{DS_60}DigestValue").text == digest, (e["file"], name)
        assert "word/document.xml" in uris and "word/_rels/document.xml.rels" in uris, e["file"]
        assert mh.SIG_TIME_60 in etree.tostring(objects["idPackageObject"]).decode(), e["file"]
        document = docx.Document(str(path_of(e)))
        texts = [p.text for p in document.paragraphs]
        for h in item_headings(e):
            first = h["text"].split("\n")[0]
            assert any(t.strip().startswith(first) for t in texts), (e["file"], first)
    for e in files_of(60, kind="docx"):
        if "xml_signed_docx" not in e["layouts"]:
            with zipfile.ZipFile(path_of(e)) as z:
                assert not [n for n in z.namelist() if n.startswith("_xmlsignatures/")], e["file"]


def rtf_text_60(data: bytes) -> str:
    """An .rtf's text with its \\'xx bytes read in code page 1258 and its \\uN as the characters, then NFC."""
    text = data.decode("latin-1")
    text = re.sub(r"\\u(-?\d+) ?\\'[0-9a-fA-F]{2}", lambda m: chr(int(m[1]) % 65536), text)
    text = re.sub(r"(?:\\'[0-9a-fA-F]{2})+",
                  lambda m: bytes.fromhex(m[0].replace("\\'", "")).decode("cp1258"), text)
    return unicodedata.normalize("NFC", text)


def test_pool_60_cp1258_rtfs_write_their_letters_in_code_page_1258():
    """A cp1258 .rtf declares \\ansicpg1258, its text fonts \\fcharset163, writes no \\uN for a Vietnamese letter (the
    code page writes them all: \\'ea\\'ec for "ế"), and read in code page 1258 holds every item heading's first line
    and the campaign's intro; the pool's other .rtf files are LibreOffice's (\\uN, no \\ansicpg1258)."""
    files = files_of(60, "cp1258_rtf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"rtf"}
    assert files_of(60, "cp1258_rtf", ladder="cot_letter")  # on a new ladder too
    for e in files:
        assert e["codepage"] == 1258, e["file"]
        data = path_of(e).read_bytes()
        raw = data.decode("latin-1")
        assert raw.startswith("{\\rtf1\\ansi\\ansicpg1258"), e["file"]
        assert "\\fcharset163" in raw, e["file"]
        codes = [int(c) % 65536 for c in re.findall(r"\\u(-?\d+)", raw)]
        assert not [c for c in codes if 0xC0 <= c <= 0x1EF9 and unicodedata.category(chr(c)).startswith("L")], \
            (e["file"], codes[:5])
        assert "\\'ea\\'ec" in raw or "\\'f4\\'f2" in raw or "\\'e2\\'f2" in raw, e["file"]
        text = rtf_text_60(data)
        for h in item_headings(e):
            first = h["text"].split("\n")[0]
            assert first in text, (e["file"], first)
        assert "Thực hiện văn bản số 1683/BXD-PTDT" in text, e["file"]
    for e in files_of(60, kind="rtf"):
        if "cp1258_rtf" not in e["layouts"]:
            assert "\\ansicpg1258" not in path_of(e).read_bytes().decode("latin-1"), e["file"]


def test_pool_60_type3_pdfs_draw_their_glyphs_as_procedures():
    """In a Type 3 PDF every font is /Subtype /Type3 with /CharProcs, /FontMatrix 0.001, /ToUnicode and a descriptor
    naming the font, no font program (/FontFile2) left; its glyph procedures start with d1 and fill an outline;
    pdfplumber and pdftotext read each item heading's first line and the body; the pool's other text PDFs have no Type
    3 font."""
    import pdfplumber

    mh = generator()
    files = files_of(60, "type3_glyphs_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(60, "type3_glyphs_pdf", ladder="manh_ghep_word")  # on a new ladder too
    for e in files_of(60, kind="pdf"):
        data = path_of(e).read_bytes()
        if "type3_glyphs_pdf" not in e["layouts"]:
            assert b"/Type3" not in data, e["file"]
            continue
        assert e["font_type"] == "Type3", e["file"]
        objects, _ = mh.pdf_objects_53(data)
        fonts = [o for o in objects.values() if re.search(rb"/Type\s*/Font\b", o)]
        assert fonts and all(b"/Subtype/Type3" in f for f in fonts), e["file"]
        for f in fonts:
            assert b"/CharProcs" in f and b"/FontMatrix[0.001 0 0 0.001 0 0]" in f and b"/ToUnicode" in f
            descriptor = objects[int(re.search(rb"/FontDescriptor\s+(\d+)\s+0\s+R", f)[1])]
            assert re.search(rb"/FontName/[A-Z]{6}\+", descriptor), e["file"]
        assert b"/FontFile2" not in data, e["file"]
        procs = objects[int(re.search(rb"/CharProcs\s+(\d+)\s+0\s+R", fonts[0])[1])]
        first_proc = objects[int(re.search(rb"/g\d+\s+(\d+)\s+0\s+R", procs)[1])]
        head, rest = first_proc.split(b"stream", 1)
        body = zlib.decompress(rest.lstrip(b"\r\n")[:int(re.search(rb"/Length\s+(\d+)", head)[1])])
        assert re.match(rb"-?\d+ 0 -?\d+ -?\d+ -?\d+ -?\d+ d1\n", body), e["file"]
        words = pdf_words_49(e)
        text = " ".join(subprocess.run(["pdftotext", str(path_of(e)), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        for h in item_headings(e):
            first = " ".join(h["text"].split("\n")[0].split()[:4])
            assert first in words and first in text, (e["file"], first)
        with pdfplumber.open(path_of(e)) as pdf:
            assert {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars} >= {"LiberationSerif"}, e["file"]


def test_pool_60_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(60) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_60, *mh.FUNDING_WORDINGS_59}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "each_of_sources":  # each of two or three sources the same sum
            assert total == f["sources"] * f["each_vnd"] > 0 and f["sources"] in (2, 3), e["file"]
            each = f"{f['each_vnd'] // 10**6:,}".replace(",", ".")
            count = {2: "hai", 3: "ba"}[f["sources"]]
            assert f" được bố trí từ {count} nguồn là {mh.SOURCES_60[f['sources']]}, mỗi nguồn {each} triệu " \
                   "đồng." in text, e["file"]
            assert "Ngoài các nguồn này, Đề án không được bố trí thêm kinh phí." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "overrun_made_good":  # the estimate and the overrun by a percentage
            assert total * 100 == f["estimate_vnd"] * (100 + f["overrun_percent"]), e["file"]
            estimate = f"{f['estimate_vnd'] // 10**6:,}".replace(",", ".")
            assert f" là {estimate} triệu đồng. Do phát sinh thêm khối lượng, thực tế chi vượt dự toán " \
                   f"{f['overrun_percent']}%, phần vượt đã được UBND tỉnh bổ sung" in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(60)} <= set(mh.LETTERHEADS_60)
    docx_files = [e for e in entries_of(60) if e["kind"] == "docx" and "strict_ooxml_docx" not in e["layouts"]]
    assert {"number_struck_corrected", "date_unaccented"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        lines = [paragraph_text(p) for p in table.iter(f"{W}p") if paragraph_text(p)]
        struck = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}strike") is not None]
        number = e["report_number"]
        if e["letterhead"] == "number_struck_corrected":  # the old figures struck, the register's number after
            old = str(int(number.split("/")[0]) - 1)
            assert f"Số: {old} {number}" in lines, (e["file"], lines)
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in struck] == [old], e["file"]
            after = struck[0].getnext()
            assert "".join(t.text for t in after.iter(f"{W}t")) == f" {number}", e["file"]
        else:
            assert not struck, e["file"]
        bare = [t for t in lines if mh.unaccented_60(t) == t and " ngay " in t]
        if e["letterhead"] == "date_unaccented":  # the date line without a diacritic
            assert bare == [mh.unaccented_60(e["letterhead_date"])], (e["file"], bare)
            assert " thang " in bare[0] and " nam 2022" in bare[0], e["file"]
            assert e["letterhead_date"] not in lines, e["file"]
        else:
            assert not bare, e["file"]
    for e in files_of(60, kind="pdf"):  # LibreOffice prints both as typed
        if e["letterhead"] == "number_struck_corrected" and "type3_glyphs_pdf" not in e["layouts"]:
            assert f"{int(e['report_number'].split('/')[0]) - 1} {e['report_number']}" in pdf_words_49(e), e["file"]
        if e["letterhead"] == "date_unaccented":
            assert mh.unaccented_60(e["letterhead_date"]).split(", ")[1] in pdf_words_49(e), e["file"]
    scans = files_of(60, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_60)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"phieu_number", "bac_roman", "manh_ghep_word"}
    for e in scans:
        assert e["scan"]["colour"], e["file"]
        if e["scan"]["kind"] == "routing_note_scrawl":
            assert e["scan"]["note"] == mh.ROUTING_NOTE_60 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["red_led"] is None, e["file"]
        else:
            assert e["scan"]["red_led"] == mh.RED_LED_60 and e["scan"]["dpi"] == 150, e["file"]
            assert e["scan"]["note"] is None, e["file"]


def test_pool_60_scans_carry_a_blue_note_or_lose_their_red():
    """The marks on a test sheet: the note writes blue ink in page 1's top margin only, nothing on page 2; the weak
    LED keeps green and blue and cuts red to RED_LED_60's share (white paper cyan, a red stamp dark). In the files: a
    note scan's page 1 has blue strokes in its top margin and its page 2 none; a weak-LED scan's paper is cyan (its red
    well under its green and blue) and a plain scan's is not."""
    import io

    import numpy as np
    import pdfplumber
    from PIL import Image

    mh = generator()
    dpi = 200
    sheet = Image.new("RGB", (1654, 2339), (242, 242, 242))
    note = mh.scan_60_mark(types.SimpleNamespace(scan_kind="routing_note_scrawl", index=5))
    first = np.asarray(note(sheet.copy(), 1, dpi)).astype(int)
    top = round(45 / 25.4 * dpi)
    blue = (first[..., 2] - first[..., 0] > 60)
    assert blue[:top].sum() > 500 and blue[top:].sum() == 0
    assert (np.asarray(note(sheet.copy(), 2, dpi)) == np.asarray(sheet)).all()
    led = mh.scan_60_mark(types.SimpleNamespace(scan_kind="red_led_weak", index=5))
    stamped = sheet.copy()
    stamped.paste((200, 30, 30), (100, 100, 300, 300))
    out = np.asarray(led(stamped, 1, dpi)).astype(int)
    assert tuple(out[10, 10]) == (mh.RED_LED_60["floor"] + round(242 * mh.RED_LED_60["gain"]), 242, 242)
    assert max(out[200, 200]) <= 100  # the red stamp dark
    for e in files_of(60, kind="scan"):
        with pdfplumber.open(path_of(e)) as pdf:
            images = [Image.open(io.BytesIO(p.images[0]["stream"].get_rawdata())).convert("RGB") for p in pdf.pages]
        d = e["scan"]["dpi"]
        page = np.asarray(images[0]).astype(int)
        paper = page[-round(8 / 25.4 * d):-round(3 / 25.4 * d), round(0.4 * page.shape[1]):round(0.6 * page.shape[1])]
        red, green, blue_ = (paper[..., k].mean() for k in range(3))
        if e["scan"]["kind"] == "red_led_weak":
            assert red < 0.6 * green and red < 0.6 * blue_, (e["file"], red, green, blue_)
        else:
            assert abs(red - green) < 25, (e["file"], red, green)
            margin = page[round(4 / 25.4 * d):round(22 / 25.4 * d)]
            inked = (margin[..., 2] - margin[..., 0] > 45) & (margin[..., 2] < 220)
            assert inked.sum() > 300, (e["file"], inked.sum())
            if len(images) > 1:
                second = np.asarray(images[1]).astype(int)[round(4 / 25.4 * d):round(22 / 25.4 * d)]
                assert ((second[..., 2] - second[..., 0] > 45) & (second[..., 2] < 220)).sum() < 50, e["file"]


# ---------------------------------------------------------------------------------------
# Pool 61: "Chương mục 1. …", "Tiểu đề I – …", "Mô-đun A: …", "Mắt xích thứ nhất: …"; headings underlined under their
# words only, a .docx as Word 2010 saves it (w14:paraId and w14:textId, _GoBack), each heading in a one-cell table in
# Grid Table 4 - Accent 1, a PDF whose pages draw their content through one Form XObject; pools 1-60's at a lower
# weight, pools 59 and 60's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_61 = {"chuong_muc_number", "tieu_de_roman", "mo_dun_letter", "mat_xich_word"}
LADDERS[61] = NEW_LADDERS_61 | {"phieu_number", "bac_roman", "cot_letter", "manh_ghep_word",  # 1-60's
                                "nhan_dinh_number", "lop_roman", "mach_letter", "ma_so_code"}
NEW_LAYOUTS_61 = {"words_underline_heading", "word2010_ids_docx", "table_style_heading", "form_xobject_pdf"}
LAYOUTS[61] = NEW_LAYOUTS_61 | {"normal_web_paste", "xml_signed_docx", "type3_glyphs_pdf",  # 1-60's
                                "vi_style_ids_heading", "strict_ooxml_docx", "overprinted_bold_pdf",
                                "double_underline_heading", "char_shading_heading", "intense_quote_heading",
                                "draft_watermark_docx", "left_bar_heading", "marked_final_docx",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_61 = {  # how each of pool 61's ladders marks an item heading, as a reader sees it
    "chuong_muc_number": r"Chương mục \d\. \S",
    "tieu_de_roman": r"Tiểu đề [IVX]+ – \S",
    "mo_dun_letter": r"Mô-đun [A-F]: \S",
    "mat_xich_word": r"Mắt xích thứ (?:nhất|hai|ba|tư|năm|sáu): \S",
}
W14_61 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def test_pool_61_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_61:
        for e in [e for e in files_of(61, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_61_words_underlined_headings_underline_words_only():
    """Every run of each item heading carries w:u w:val="words" in a .docx; the .rtf LibreOffice exported from such a
    .docx underlines its headings' words with \\ulw; no other file of the pool has a words-only underline."""
    files = files_of(61, "words_underline_heading")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx", "rtf"}
    assert files_of(61, "words_underline_heading", ladder="chuong_muc_number")  # on a new ladder too
    for e in files:
        assert e["heading_underline"] == "words", e["file"]
        if e["kind"] == "docx":
            for p in heading_paragraphs(e):
                runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
                assert runs, e["file"]
                for r in runs:
                    assert r.find(f"{W}rPr/{W}u").get(f"{W}val") == "words", e["file"]
        else:
            raw = path_of(e).read_bytes().decode("latin-1")
            assert raw.count("\\ulw") >= len(item_headings(e)), e["file"]
    for e in files_of(61, kind="docx"):
        if "words_underline_heading" not in e["layouts"]:
            assert 'w:u w:val="words"' not in part_text(e), e["file"]
    for e in files_of(61, kind="rtf"):
        if "words_underline_heading" not in e["layouts"]:
            assert "\\ulw" not in path_of(e).read_bytes().decode("latin-1"), e["file"]


def test_pool_61_word2010_files_give_every_paragraph_its_ids():
    """In a Word 2010 .docx every w:p of the document (in tables too) has w14:paraId and w14:textId, 8 hex digits
    below 0x80000000, the paraIds unique, an empty paragraph's textId 77777777; w14 is declared and in mc:Ignorable;
    the _GoBack bookmark is in the last paragraph with text; app.xml says 14.0000; python-docx opens it with the
    headings in it. The pool's other .docx have no w14:paraId."""
    files = files_of(61, "word2010_ids_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(61, "word2010_ids_docx", ladder="tieu_de_roman")  # on a new ladder too
    for e in files:
        assert e["paragraph_ids"] == {"attributes": ["w14:paraId", "w14:textId"], "bookmark": "_GoBack"}, e["file"]
        text = part_text(e)
        assert 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' in text, e["file"]
        assert "w14" in re.search(r'mc:Ignorable="([^"]*)"', text)[1].split(), e["file"]
        tree = part_tree(e)
        paragraphs = list(tree.iter(f"{W}p"))
        ids = [p.get(f"{W14_61}paraId") for p in paragraphs]
        assert all(i and re.fullmatch(r"[0-7][0-9A-F]{7}", i) for i in ids), e["file"]
        assert len(set(ids)) == len(ids), e["file"]
        for p in paragraphs:
            assert list(p.attrib)[:2] == [f"{W14_61}paraId", f"{W14_61}textId"], e["file"]
            if not "".join(t.text or "" for t in p.iter(f"{W}t")):
                assert p.get(f"{W14_61}textId") == "77777777", e["file"]
        typed = [p for p in paragraphs if "".join(t.text or "" for t in p.iter(f"{W}t")).strip()]
        marks = [b for b in tree.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == "_GoBack"]
        assert len(marks) == 1 and marks[0].getparent() is typed[-1], e["file"]
        assert "<AppVersion>14.0000</AppVersion>" in part_text(e, "docProps/app.xml"), e["file"]
        texts = [p.text for p in word_document(e).paragraphs]
        for h in item_headings(e):
            first = h["text"].split("\n")[0]
            assert any(t.strip().startswith(first) for t in texts), (e["file"], first)
    for e in files_of(61, kind="docx"):
        if "word2010_ids_docx" not in e["layouts"]:
            assert "w14:paraId" not in part_text(e), e["file"]


def test_pool_61_table_style_headings_sit_in_a_grid_table_4_cell():
    """Each item heading's paragraph is the only paragraph of a one-row, one-cell table whose w:tblStyle is
    GridTable4-Accent1 with w:tblLook 04A0 (firstRow on), the row's w:cnfStyle marking it the first row; styles.xml
    defines the table style with its header row's fill 4472C4 and white bold text; no other .docx of the pool uses
    it."""
    mh = generator()
    t = mh.TABLE_STYLE_61
    files = files_of(61, "table_style_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(61, "table_style_heading", ladder="mo_dun_letter")  # on a new ladder too
    for e in files:
        assert e["heading_table_style"] == t["id"], e["file"]
        styles = part_tree(e, "word/styles.xml")
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == t["id"])
        assert style.get(f"{W}type") == "table", e["file"]
        head = next(p for p in style.iter(f"{W}tblStylePr") if p.get(f"{W}type") == "firstRow")
        assert head.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == t["fill"], e["file"]
        assert head.find(f"{W}rPr/{W}b") is not None, e["file"]
        assert head.find(f"{W}rPr/{W}color").get(f"{W}val") == "FFFFFF", e["file"]
        for p in heading_paragraphs(e):
            cell = p.getparent()
            assert cell.tag == f"{W}tc", e["file"]
            table = cell.getparent().getparent()
            assert len(table.findall(f"{W}tr")) == 1 and len(cell.getparent().findall(f"{W}tc")) == 1, e["file"]
            assert table.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == t["id"], e["file"]
            look = table.find(f"{W}tblPr/{W}tblLook")
            assert look.get(f"{W}val") == "04A0" and look.get(f"{W}firstRow") == "1", e["file"]
            assert table.find(f"{W}tr/{W}trPr/{W}cnfStyle").get(f"{W}firstRow") == "1", e["file"]
    for e in files_of(61, kind="docx"):
        if "table_style_heading" not in e["layouts"]:
            assert "GridTable4-Accent1" not in part_text(e), e["file"]


def test_pool_61_form_xobject_pdfs_draw_each_page_through_one_form():
    """In such a PDF every page's /Contents draws one Form XObject named Fm0 in its /Resources, the form a
    Flate-compressed /Subtype /Form stream with the page's MediaBox as its /BBox and the fonts in its /Resources;
    pdfplumber and pdftotext read each item heading's first line; the pool's other text PDFs have no form."""
    mh = generator()
    files = files_of(61, "form_xobject_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(61, "form_xobject_pdf", ladder="mat_xich_word")  # on a new ladder too
    for e in files_of(61, kind="pdf"):
        data = path_of(e).read_bytes()
        if "form_xobject_pdf" not in e["layouts"]:
            assert b"/Subtype/Form" not in data, e["file"]
            continue
        assert e["page_form"] == "Fm0", e["file"]
        objects, _ = mh.pdf_objects_53(data)
        pages = [o for o in objects.values() if re.search(rb"/Type\s*/Page\b", o)]
        assert pages, e["file"]
        for page in pages:
            form = int(re.search(rb"/XObject<</Fm0 (\d+) 0 R>>", page)[1])
            contents = objects[int(re.search(rb"/Contents (\d+) 0 R", page)[1])]
            assert b"/Fm0 Do" in contents, e["file"]
            head = objects[form].split(b"stream", 1)[0]
            assert b"/Subtype/Form" in head and b"/FlateDecode" in head, e["file"]
            box = re.search(rb"/MediaBox(\[[^\]]*\])", page)[1]
            assert b"/BBox" + box in head, e["file"]
            resources = objects[int(re.search(rb"/Resources (\d+) 0 R", head)[1])]
            assert b"/Font" in resources, e["file"]
        words = pdf_words_49(e)
        text = " ".join(subprocess.run(["pdftotext", str(path_of(e)), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        for h in item_headings(e):
            first = " ".join(h["text"].split("\n")[0].split()[:4])
            assert first in words and first in text, (e["file"], first)


def test_pool_61_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(61) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_61, *mh.FUNDING_WORDINGS_60}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "more_than_other_part":  # the second part as so much more than the first
            assert total == 2 * f["first_vnd"] + f["more_vnd"] and f["more_vnd"] > 0, e["file"]
            first = f"{f['first_vnd'] // 10**6:,}".replace(",", ".")
            more = f"{f['more_vnd'] // 10**6:,}".replace(",", ".")
            assert f" gồm hai phần: vốn sự nghiệp {first} triệu đồng; vốn đầu tư phát triển nhiều hơn vốn sự " \
                   f"nghiệp {more} triệu đồng. Đề án không có nguồn kinh phí nào khác." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "fraction_in_words":  # the centre's share as a fraction in words
            parts = int(f["fraction"].split("/")[1])
            assert total == parts * f["share_vnd"] and parts in (2, 3, 4), e["file"]
            share = f"{f['share_vnd'] // 10**6:,}".replace(",", ".")
            part, rest = mh.FRACTIONS_61[parts]
            assert f"Ngân sách Trung ương hỗ trợ {part} kinh phí thực hiện Đề án tại " in text, e["file"]
            assert f", là {share} triệu đồng; {rest} còn lại do ngân sách tỉnh bảo đảm." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
    assert {e["letterhead"] for e in entries_of(61)} <= set(mh.LETTERHEADS_61)
    docx_files = [e for e in entries_of(61) if e["kind"] == "docx" and "strict_ooxml_docx" not in e["layouts"]]
    assert {"number_expanded", "date_vni_font"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        lines = [paragraph_text(p) for p in table.iter(f"{W}p") if paragraph_text(p)]
        number = e["report_number"]
        number_lines = [p for p in table.iter(f"{W}p") if number and number in paragraph_text(p)]
        spacing = [r.find(f"{W}rPr/{W}spacing") for p in number_lines for r in p.iter(f"{W}r")]
        if e["letterhead"] == "number_expanded":  # the number line's runs expanded by 1 pt
            assert [paragraph_text(p) for p in number_lines] == [f"Số: {e['report_number']}"], e["file"]
            assert spacing and all(s is not None and s.get(f"{W}val") == "20" for s in spacing), e["file"]
        else:
            assert all(s is None or s.get(f"{W}val") != "20" for s in spacing), e["file"]
        vni = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}rFonts") is not None
               and r.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "VNI-Times"]
        if e["letterhead"] == "date_vni_font":  # the date line in VNI, its font VNI-Times
            stored = mh.to_vni_61(e["letterhead_date"])
            assert stored in lines and e["letterhead_date"] not in lines, (e["file"], lines)
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in vni] == [stored], e["file"]
            assert "ngaøy" in stored and "thaùng" in stored and "naêm 2022" in stored, e["file"]
        else:
            assert not vni, e["file"]
    assert mh.to_vni_61("Phú Thọ, ngày 25 tháng 5 năm 2022") == "Phuù Thoï, ngaøy 25 thaùng 5 naêm 2022"
    assert mh.to_vni_61("Đắk Lắk, Sơn La, Thừa Thiên Huế, Quảng Ngãi, Kỳ") == \
        "Ñaék Laék, Sôn La, Thöøa Thieân Hueá, Quaûng Ngaõi, Kyø"
    scans = files_of(61, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_61)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"chuong_muc_number", "tieu_de_roman", "mat_xich_word"}
    for e in scans:
        if e["scan"]["kind"] == "tray_light_yellowing":
            assert e["scan"]["yellowing"] == mh.YELLOWING_61 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["indentations"] is None, e["file"]
        else:
            assert e["scan"]["indentations"] == mh.INDENTATIONS_61 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["yellowing"] is None, e["file"]


def test_pool_61_scans_yellow_at_the_top_or_carry_a_pressed_note():
    """The marks on a test sheet: the light yellows page 1 above its edge only (blue cut most), nothing below it and
    nothing on page 2; the pressed note adds faint darker and lighter lines (within its grey levels) in its area of
    page 1 only. In the files: a yellowed scan's page 1 is yellow at its top and not at its bottom."""
    import io

    import numpy as np
    import pdfplumber
    from PIL import Image

    mh = generator()
    dpi = 200
    sheet = Image.new("RGB", (1654, 2339), (240, 240, 240))
    light = mh.scan_61_mark(types.SimpleNamespace(scan_kind="tray_light_yellowing", index=3))
    out = np.asarray(light(sheet.copy(), 1, dpi)).astype(int)
    edge = round(mh.YELLOWING_61["depth_mm"] / 25.4 * dpi)
    top, bottom = out[edge // 2, 800], out[edge + 40, 800]
    assert top[2] < top[1] < top[0] <= 240 and top[2] < 190
    assert tuple(bottom) == (240, 240, 240)
    assert (np.asarray(light(sheet.copy(), 2, dpi)) == np.asarray(sheet)).all()
    pressed = mh.scan_61_mark(types.SimpleNamespace(scan_kind="writing_indentations", index=3))
    grey = Image.new("L", (1654, 2339), 200)
    marked = np.asarray(pressed(grey.copy(), 1, dpi)).astype(int)
    n = mh.INDENTATIONS_61
    assert marked.min() >= 200 - n["dark"] and marked.max() <= 200 + n["light"]
    assert (marked != 200).sum() > 2000
    y0 = round(n["y_mm"] / 25.4 * dpi)
    assert (marked[:y0 - 2] == 200).all()
    assert (np.asarray(pressed(grey.copy(), 2, dpi)) == 200).all()
    for e in files_of(61, kind="scan"):
        if e["scan"]["kind"] != "tray_light_yellowing":
            continue
        with pdfplumber.open(path_of(e)) as pdf:
            image = Image.open(io.BytesIO(pdf.pages[0].images[0]["stream"].get_rawdata())).convert("RGB")
        page = np.asarray(image).astype(int)
        d = e["scan"]["dpi"]
        middle = slice(round(0.4 * page.shape[1]), round(0.6 * page.shape[1]))
        upper = page[round(4 / 25.4 * d):round(10 / 25.4 * d), middle]
        lower = page[-round(8 / 25.4 * d):-round(3 / 25.4 * d), middle]
        yellow = lambda a: a[..., 0].mean() - a[..., 2].mean()  # noqa: E731
        assert yellow(upper) > 25 and yellow(lower) < 15, (e["file"], yellow(upper), yellow(lower))


# ---------------------------------------------------------------------------------------
# Pool 62: "Thành tố 1. …", "Luồng I: …", "Khung A – …", "Điểm tựa thứ nhất: …"; each heading in Word's Book Title
# character style, a PDF whose streams are ASCII85 over Flate, a PDF whose properties were saved incrementally, a
# PDF with a thumbnail on each page; pools 1-61's at a lower weight, pools 60 and 61's funding wordings and two new
# ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_62 = {"thanh_to_number", "luong_roman", "khung_letter", "diem_tua_word"}
LADDERS[62] = NEW_LADDERS_62 | {"chuong_muc_number", "tieu_de_roman", "mo_dun_letter", "mat_xich_word",  # 1-61's
                                "phieu_number", "bac_roman", "cot_letter", "manh_ghep_word", "mach_letter",
                                "ma_so_code"}
NEW_LAYOUTS_62 = {"book_title_heading", "ascii85_streams_pdf", "incremental_props_pdf", "page_thumbnails_pdf"}
LAYOUTS[62] = NEW_LAYOUTS_62 | {"words_underline_heading", "word2010_ids_docx", "table_style_heading",  # 1-61's
                                "normal_web_paste", "xml_signed_docx", "vi_style_ids_heading", "strict_ooxml_docx",
                                "double_underline_heading", "char_shading_heading", "intense_quote_heading",
                                "draft_watermark_docx", "left_bar_heading", "marked_final_docx",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_62 = {  # how each of pool 62's ladders marks an item heading, as a reader sees it
    "thanh_to_number": r"Thành tố \d\. \S",
    "luong_roman": r"Luồng [IVX]+: \S",
    "khung_letter": r"Khung [A-F] – \S",
    "diem_tua_word": r"Điểm tựa thứ (?:nhất|hai|ba|tư|năm|sáu): \S",
}


def pdf_text_62(entry: dict) -> str:
    """A text PDF's words as pdftotext reads them, one space between each."""
    return " ".join(subprocess.run(["pdftotext", str(path_of(entry)), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def headings_read_62(entry: dict) -> None:
    """pdfplumber and pdftotext read each item heading's first words."""
    words, text = pdf_words_49(entry), pdf_text_62(entry)
    for h in item_headings(entry):
        first = " ".join(h["text"].split("\n")[0].split()[:4])
        assert first in words and first in text, (entry["file"], first)


def test_pool_62_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_62:
        for e in [e for e in files_of(62, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_62_book_title_headings_carry_the_built_in_character_style():
    """Every run of each item heading carries w:rStyle BookTitle, first in its w:rPr, and styles.xml defines the
    style as Word 2010 on defines it (a character style "Book Title", bold, small capitals, w:spacing 5); the .rtf
    LibreOffice exported from such a .docx names the style in its stylesheet; no other file of the pool uses it."""
    mh = generator()
    b = mh.BOOK_TITLE_62
    files = files_of(62, "book_title_heading")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx", "rtf"}
    assert files_of(62, "book_title_heading", ladder="thanh_to_number")  # on a new ladder too
    for e in files:
        assert e["heading_char_style"] == b["id"], e["file"]
        if e["kind"] == "docx":
            style = next(s for s in part_tree(e, "word/styles.xml").iter(f"{W}style")
                         if s.get(f"{W}styleId") == b["id"])
            assert style.get(f"{W}type") == "character", e["file"]
            assert style.find(f"{W}name").get(f"{W}val") == "Book Title", e["file"]
            assert style.find(f"{W}rPr/{W}b") is not None and style.find(f"{W}rPr/{W}smallCaps") is not None, \
                e["file"]
            assert style.find(f"{W}rPr/{W}spacing").get(f"{W}val") == "5", e["file"]
            for p in heading_paragraphs(e):
                runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
                assert runs, e["file"]
                for r in runs:
                    first = r.find(f"{W}rPr")[0]
                    assert first.tag == f"{W}rStyle" and first.get(f"{W}val") == b["id"], e["file"]
        else:  # the style's number used on the headings' text, beyond its stylesheet entry
            raw = path_of(e).read_bytes().decode("latin-1")
            number = re.search(r"\{\\\*\\cs(\d+)[^{}]*Book Title;\}", raw)[1]
            assert len(re.findall(rf"\\cs{number}(?!\d)", raw)) > len(item_headings(e)), e["file"]
    for e in files_of(62, kind="docx"):
        if "book_title_heading" not in e["layouts"]:
            assert f'w:rStyle w:val="{b["id"]}"' not in part_text(e), e["file"]
    for e in files_of(62, kind="rtf"):  # the template's style listed, used nowhere
        if "book_title_heading" not in e["layouts"]:
            raw = path_of(e).read_bytes().decode("latin-1")
            number = re.search(r"\{\\\*\\cs(\d+)[^{}]*Book Title;\}", raw)[1]
            assert len(re.findall(rf"\\cs{number}(?!\d)", raw)) == 1, e["file"]


def test_pool_62_ascii85_pdfs_encode_every_stream_in_ascii85_over_flate():
    """In such a PDF every stream's /Filter is [/ASCII85Decode /FlateDecode] (or ASCII85 alone over what was not
    compressed), its body printable ASCII ended by ~>, and it decodes to what Flate inflates; pdfplumber and
    pdftotext read each item heading's first words; the pool's other text PDFs have no ASCII85."""
    import base64

    mh = generator()
    files = files_of(62, "ascii85_streams_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(62, "ascii85_streams_pdf", ladder="luong_roman")  # on a new ladder too
    for e in files_of(62, kind="pdf"):
        data = path_of(e).read_bytes()
        if "ascii85_streams_pdf" not in e["layouts"]:
            assert b"/ASCII85Decode" not in data, e["file"]
            continue
        assert e["stream_filters"] == ["ASCII85Decode", "FlateDecode"], e["file"]
        objects, _ = mh.pdf_objects_53(data)
        streams = [n for n in objects if mh.stream_parts_62(objects, n) is not None]
        assert len(streams) >= 5, e["file"]
        for n in streams:
            head, body = mh.stream_parts_62(objects, n)
            assert re.search(rb"/Filter\[/ASCII85Decode( /\w+)*\]|/Filter/ASCII85Decode", head), (e["file"], n)
            assert body.endswith(b"~>") and all(32 < c < 127 or c in b"\n" for c in body), (e["file"], n)
            raw = base64.a85decode(body[:-2].replace(b"\n", b""))
            if b"/FlateDecode" in head:
                zlib.decompress(raw)
        headings_read_62(e)


def test_pool_62_incremental_pdfs_append_a_second_revision_with_the_properties():
    """Such a PDF is its export's bytes whole (a PDF on its own, one xref section) and after them a second revision:
    one object (the /Info, the same number), a cross-reference section for it and a trailer whose /Prev is the first
    section's offset; the properties typed in are what a reader shows (pdfplumber's metadata); the text is read; the
    pool's other text PDFs are single revisions."""
    import pdfplumber

    mh = generator()
    files = files_of(62, "incremental_props_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(62, "incremental_props_pdf", ladder="khung_letter")  # on a new ladder too
    for e in files_of(62, kind="pdf"):
        data = path_of(e).read_bytes()
        if "incremental_props_pdf" not in e["layouts"]:
            assert data.count(b"startxref") == 1, e["file"]
            continue
        assert e["revisions"] == 2 and data.count(b"startxref") == 2 and data.count(b"%%EOF") == 2, e["file"]
        first = data[:data.index(b"%%EOF") + len(b"%%EOF\n")]
        objects, trailer = mh.pdf_objects_53(first)
        info = int(re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer)[1])
        update = data[len(first):]
        assert re.match(rb"%d 0 obj\n<<" % info, update), e["file"]
        prev = int(re.search(rb"startxref\s+(\d+)", first)[1])
        assert re.search(rb"/Prev %d>>" % prev, update), e["file"]
        assert re.search(rb"xref\n0 1\n0000000000 65535 f \n%d 1\n" % info, update), e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            meta = pdf.metadata
        props = e["pdf_properties"]
        assert meta["Title"] == props["title"] and meta["Author"] == props["author"], (e["file"], meta)
        assert meta["Subject"] == props["subject"] and meta["Keywords"] == props["keywords"], e["file"]
        assert "Producer" in meta, e["file"]
        headings_read_62(e)


def test_pool_62_thumbnail_pdfs_give_each_page_a_small_picture_of_itself():
    """In such a PDF each page's /Thumb is an 8-bit DeviceRGB Flate image, its longer side about 106 pixels, the page's
    shape, mostly white like the page; the text is read; the pool's other text PDFs have no thumbnails."""
    mh = generator()
    files = files_of(62, "page_thumbnails_pdf")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(62, "page_thumbnails_pdf", ladder="diem_tua_word")  # on a new ladder too
    for e in files_of(62, kind="pdf"):
        data = path_of(e).read_bytes()
        if "page_thumbnails_pdf" not in e["layouts"]:
            assert b"/Thumb" not in data, e["file"]
            continue
        assert e["page_thumbnails"] == 106, e["file"]
        objects, _ = mh.pdf_objects_53(data)
        pages = [o for o in objects.values() if re.search(rb"/Type\s*/Page\b", o)]
        assert pages, e["file"]
        for page in pages:
            thumb = int(re.search(rb"/Thumb (\d+) 0 R", page)[1])
            head, body = mh.stream_parts_62(objects, thumb)
            w, h = int(re.search(rb"/Width (\d+)", head)[1]), int(re.search(rb"/Height (\d+)", head)[1])
            assert 105 <= max(w, h) <= 107 and 70 <= min(w, h) <= 80, (e["file"], w, h)  # pdftocairo's rounding
            assert b"/DeviceRGB" in head and b"/BitsPerComponent 8" in head, e["file"]
            pixels = zlib.decompress(body)
            assert len(pixels) == 3 * w * h and sum(pixels) / len(pixels) > 200, e["file"]
        headings_read_62(e)


def test_pool_62_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(62) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_62, *mh.FUNDING_WORDINGS_61}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "excel_scientific":  # the total as Excel shows it in a narrow cell
            assert total % 10**8 == 0 and total % 10**9 != 0, e["file"]
            assert f["shown"] == f"{total // 10**9},{total // 10**8 % 10}E+09", e["file"]
            assert f"(số liệu trích từ bảng tổng hợp của Sở Tài chính): {f['shown']} đồng." in text, e["file"]
            assert f"{million} triệu" not in text, e["file"]
        if f["wording"] == "bracketed_negative_cut":  # the estimate less a cut written in brackets
            assert total == f["first_vnd"] - f["cut_vnd"] and f["cut_vnd"] > 0, e["file"]
            first = f"{f['first_vnd'] // 10**6:,}".replace(",", ".")
            cut = f"{f['cut_vnd'] // 10**6:,}".replace(",", ".")
            assert f"(đơn vị tính: triệu đồng): dự toán giao đầu năm {first}; điều chỉnh giữa năm ({cut}); " \
                   "không có khoản điều chỉnh nào khác." in text, e["file"]
            assert "Số liệu ghi trong ngoặc đơn (…) là số âm." in text, e["file"]
            assert million not in text, e["file"]
    assert mh.excel_scientific_62(4200) == "4,2E+09" and mh.excel_scientific_62(9700) == "9,7E+09"
    assert {e["letterhead"] for e in entries_of(62)} <= set(mh.LETTERHEADS_62)
    docx_files = [e for e in entries_of(62) if e["kind"] == "docx" and "strict_ooxml_docx" not in e["layouts"]]
    assert {"number_char_style", "date_scaled"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        number_lines = [p for p in table.iter(f"{W}p") if number and number in paragraph_text(p)]
        styled = [r.find(f"{W}rPr/{W}rStyle") for p in number_lines for r in p.iter(f"{W}r")]
        if e["letterhead"] == "number_char_style":  # the number line's runs in the template's style
            assert [paragraph_text(p) for p in number_lines] == [f"Số: {number}"], e["file"]
            assert styled and all(s is not None and s.get(f"{W}val") == "Skhiu" for s in styled), e["file"]
            style = next(s for s in part_tree(e, "word/styles.xml").iter(f"{W}style")
                         if s.get(f"{W}styleId") == "Skhiu")
            assert style.get(f"{W}customStyle") == "1" and style.get(f"{W}type") == "character", e["file"]
            assert style.find(f"{W}name").get(f"{W}val") == "Số ký hiệu", e["file"]
        else:
            assert 'w:styleId="Skhiu"' not in part_text(e, "word/styles.xml"), e["file"]
        dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
        scaled = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}w") is not None
                  and r.find(f"{W}rPr/{W}w").get(f"{W}val") == "90"]
        if e["letterhead"] == "date_scaled":  # the date line's runs scaled to 90 %
            assert len(dated) == 1, e["file"]
            runs = list(dated[0].iter(f"{W}r"))
            assert runs and all(r in scaled for r in runs) and len(scaled) == len(runs), e["file"]
        else:
            assert not scaled, e["file"]
    scans = files_of(62, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_62)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"thanh_to_number", "luong_roman", "diem_tua_word"}
    for e in scans:
        if e["scan"]["kind"] == "correction_fluid_patch":
            assert e["scan"]["fluid"] == mh.FLUID_62 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["dots"] is None, e["file"]
        else:
            assert e["scan"]["dots"] == mh.DOTS_62 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["fluid"] is None, e["file"]


def test_pool_62_scans_carry_a_fluid_patch_or_yellow_dots():
    """The marks on a test sheet: the correction fluid whitens a patch of page 1 where FLUID_62 puts it, its rim
    grey and blue handwriting on it (grey in a grey scan), nothing outside it and nothing on page 2; the printer's
    yellow dots are pale yellow pixels on the white paper of every page, none on print."""
    import numpy as np
    from PIL import Image

    mh = generator()
    dpi = 150
    f = mh.FLUID_62
    fluid = mh.scan_62_mark(types.SimpleNamespace(scan_kind="correction_fluid_patch", index=3))
    sheet = Image.new("L", (1240, 1754), 90)
    out = np.asarray(fluid(sheet.copy(), 1, dpi)).astype(int)
    px = dpi / 25.4
    x0, y0 = round(f["x_mm"] * px), round(f["y_mm"] * px)
    w, h = round(f["width_mm"] * px), round(f["height_mm"] * px)
    patch = out[y0:y0 + h, x0:x0 + w]
    assert (patch == 255).mean() > 0.4 and (patch < 255).any()
    changed = np.argwhere(out != 90)
    assert changed[:, 0].min() >= y0 - 0.05 * h - 3 and changed[:, 0].max() <= y0 + 1.05 * h + 3  # its ragged edge
    assert changed[:, 1].min() >= x0 - 0.05 * w - 3 and changed[:, 1].max() <= x0 + 1.05 * w + 3
    assert (np.asarray(fluid(sheet.copy(), 2, dpi)) == 90).all()
    dots = mh.scan_62_mark(types.SimpleNamespace(scan_kind="yellow_tracking_dots", index=3))
    white = Image.new("RGB", (1654, 2339), (255, 255, 255))
    for number in (1, 2):
        marked = np.asarray(dots(white.copy(), number, 200)).astype(int)
        yellow = (marked == mh.DOTS_62["colour"]).all(axis=-1)
        assert yellow.sum() > 500 and ((marked == 255).all(axis=-1) | yellow).all()
    dark = Image.new("RGB", (1654, 2339), (60, 60, 60))
    assert (np.asarray(dots(dark.copy(), 1, 200)) == 60).all()


# ---------------------------------------------------------------------------------------
# Pool 63: "Phân khúc 1. …", "Mốc I. …", "Phân nhóm A: …", "Lát cắt thứ nhất – …"; each heading in a template's own
# style whose name carries aliases, each heading in a locked block-level content control, a PDF with a portal's
# byte-order mark and line break before it, a PDF scaled onto US Letter; pools 1-62's at a lower weight, pools 61 and
# 62's funding wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_63 = {"phan_khuc_number", "moc_roman", "phan_nhom_letter", "lat_cat_word"}
LADDERS[63] = NEW_LADDERS_63 | {"thanh_to_number", "luong_roman", "khung_letter", "diem_tua_word",  # 1-62's
                                "chuong_muc_number", "tieu_de_roman", "mo_dun_letter", "mat_xich_word",
                                "cot_letter", "manh_ghep_word", "ma_so_code"}
NEW_LAYOUTS_63 = {"style_aliases_heading", "locked_sdt_heading", "portal_prefixed_pdf", "letter_fit_pdf"}
LAYOUTS[63] = NEW_LAYOUTS_63 | {"book_title_heading", "words_underline_heading", "word2010_ids_docx",  # 1-62's
                                "table_style_heading", "normal_web_paste", "xml_signed_docx", "vi_style_ids_heading",
                                "double_underline_heading", "char_shading_heading", "left_bar_heading",
                                "extra_heading_between", "merged_5_6", "merged_4_5", "first_heading_missing",
                                "heading_line_break"}
SHAPES_63 = {  # how each of pool 63's ladders marks an item heading, as a reader sees it
    "phan_khuc_number": r"Phân khúc \d\. \S",
    "moc_roman": r"Mốc [IVX]+\. \S",
    "phan_nhom_letter": r"Phân nhóm [A-F]: \S",
    "lat_cat_word": r"Lát cắt thứ (?:nhất|hai|ba|tư|năm|sáu) – \S",
}


def headings_read_63(entry: dict) -> None:
    """pdfplumber and pdftotext read each item heading's first words."""
    words, text = pdf_words_49(entry), pdf_text_62(entry)
    for h in item_headings(entry):
        first = " ".join(h["text"].split("\n")[0].split()[:4])
        assert first in words and first in text, (entry["file"], first)


def test_pool_63_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_63:
        for e in [e for e in files_of(63, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_63_alias_styled_headings_use_the_templates_style_named_with_aliases():
    """Each item heading's paragraph of such a .docx is in the style Tiumc, which styles.xml defines as a custom
    paragraph style named "Tiêu đề mục" with the aliases "tdm,TD2" (w:aliases), bold 13 pt, kept with the next; the
    .rtf LibreOffice exported from such a .docx names the style in its stylesheet (without the aliases) and sets the
    headings in it; no other .docx of the pool has the style or any aliases."""
    mh = generator()
    s = mh.STYLE_ALIASES_63
    files = files_of(63, "style_aliases_heading")
    assert len(files) >= 4 and {e["kind"] for e in files} == {"docx", "rtf"}
    assert files_of(63, "style_aliases_heading", ladder="phan_khuc_number")  # on a new ladder too
    for e in files:
        assert e["heading_style_aliases"] == s, e["file"]
        if e["kind"] == "docx":
            style = next(x for x in part_tree(e, "word/styles.xml").iter(f"{W}style")
                         if x.get(f"{W}styleId") == s["id"])
            assert style.get(f"{W}type") == "paragraph" and style.get(f"{W}customStyle") == "1", e["file"]
            assert style.find(f"{W}name").get(f"{W}val") == "Tiêu đề mục", e["file"]
            assert style.find(f"{W}aliases").get(f"{W}val") == "tdm,TD2", e["file"]
            assert style.find(f"{W}pPr/{W}keepNext") is not None and style.find(f"{W}rPr/{W}b") is not None, \
                e["file"]
            for p in heading_paragraphs(e):
                assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == s["id"], e["file"]
        else:  # the style in the stylesheet (its name; LibreOffice's export drops the aliases), its number used
            raw = path_of(e).read_bytes().decode("latin-1")
            number = re.search(r"\{\\s(\d+)\\[^{}]*Ti\\u234\\'eau \\u273\\'3f\\u7873\\'3f m\\u7909\\'3fc;\}", raw)
            assert number, e["file"]
            used = re.findall(rf"\\s{number[1]}(?!\d)", raw)
            assert len(used) > len(item_headings(e)), e["file"]
    for e in files_of(63, kind="docx"):
        if "style_aliases_heading" not in e["layouts"]:
            assert f'w:styleId="{s["id"]}"' not in part_text(e, "word/styles.xml"), e["file"]
            assert "<w:aliases " not in part_text(e, "word/styles.xml"), e["file"]


def test_pool_63_locked_headings_sit_whole_in_locked_block_content_controls():
    """Each item heading's paragraph of such a .docx is the only content of a block-level w:sdt (a child of the body)
    whose w:sdtPr holds the template's alias, a tag of the item's number, an id and w:lock sdtContentLocked; no
    other paragraph of the file is locked and no other file of the pool has the lock."""
    mh = generator()
    s = mh.LOCKED_SDT_63
    files = files_of(63, "locked_sdt_heading")
    assert len(files) >= 2 and {e["kind"] for e in files} == {"docx"}
    assert files_of(63, "locked_sdt_heading", ladder="moc_roman")  # on a new ladder too
    for e in files:
        assert e["heading_lock"] == "sdtContentLocked", e["file"]
        body = part_tree(e).find(f"{W}body")
        locked = [sdt for sdt in body.findall(f"{W}sdt")
                  if sdt.find(f"{W}sdtPr/{W}lock") is not None]
        headings = heading_paragraphs(e)
        assert len(locked) == len(headings) >= 5, e["file"]
        for sdt, p in zip(locked, headings, strict=True):
            pr = sdt.find(f"{W}sdtPr")
            assert pr.find(f"{W}lock").get(f"{W}val") == s["lock"], e["file"]
            assert pr.find(f"{W}alias").get(f"{W}val") == s["alias"], e["file"]
            assert re.fullmatch(r"dmcd\d", pr.find(f"{W}tag").get(f"{W}val")), e["file"]
            assert pr.find(f"{W}id") is not None and sdt.find(f"{W}sdtEndPr") is not None, e["file"]
            content = list(sdt.find(f"{W}sdtContent"))
            assert [x.tag for x in content] == [f"{W}p"], e["file"]
            assert paragraph_text(content[0]) == paragraph_text(p), e["file"]
    for e in files_of(63, kind="docx"):
        if "locked_sdt_heading" not in e["layouts"]:
            assert "sdtContentLocked" not in part_text(e), e["file"]


def test_pool_63_portal_pdfs_begin_with_a_byte_order_mark_and_a_line_break():
    """Such a PDF is the export's bytes after EF BB BF 0D 0A, so its first cross-reference offsets point five bytes
    short of their objects; pdfplumber and pdftotext still read each item heading's first words; the pool's other
    text PDFs begin with %PDF-."""
    mh = generator()
    files = files_of(63, "portal_prefixed_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(63, "portal_prefixed_pdf", ladder="phan_nhom_letter")  # on a new ladder too
    for e in files_of(63, kind="pdf"):
        data = path_of(e).read_bytes()
        if "portal_prefixed_pdf" not in e["layouts"]:
            assert data.startswith(b"%PDF-"), e["file"]
            continue
        assert e["bytes_before_header"] == "efbbbf0d0a" == mh.PORTAL_PREFIX_63.hex(), e["file"]
        assert data.startswith(mh.PORTAL_PREFIX_63 + b"%PDF-1."), e["file"]
        pdf = data[len(mh.PORTAL_PREFIX_63):]
        xref = int(re.search(rb"startxref\s+(\d+)", pdf[pdf.rindex(b"startxref"):])[1])
        assert pdf[xref:xref + 4] == b"xref" and data[xref:xref + 4] != b"xref", e["file"]
        first = re.search(rb"xref\s+0 \d+\s+0000000000 65535 f \s*(\d{10}) 00000 n", pdf[xref:])
        assert re.match(rb"1 0 obj", pdf[int(first[1]):]), e["file"]
        headings_read_63(e)


def test_pool_63_letter_pdfs_draw_each_a4_page_shrunk_onto_letter():
    """Each page of such a PDF is US Letter (612 x 792) and its /Contents an array whose first stream scales by
    792 / 841.89 and centres ("q s 0 0 s dx dy cm") and whose last restores ("Q"); no link annotations; the text is
    read; the pool's other text PDFs are A4."""
    import pdfplumber

    mh = generator()
    files = files_of(63, "letter_fit_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(63, "letter_fit_pdf", ladder="lat_cat_word")  # on a new ladder too
    for e in files_of(63, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            sizes = {(round(float(p.width)), round(float(p.height))) for p in pdf.pages}
        if "letter_fit_pdf" not in e["layouts"]:
            assert sizes == {(595, 842)}, (e["file"], sizes)
            continue
        assert sizes == {(612, 792)} and e["page_size_pt"] == [612, 792], (e["file"], sizes)
        objects, _ = mh.pdf_objects_53(path_of(e).read_bytes())
        pages = [o for o in objects.values() if re.search(rb"/Type\s*/Page\b", o)]
        assert pages, e["file"]
        for page in pages:
            assert b"/Annots" not in page, e["file"]
            refs = [int(n) for n in re.findall(rb"(\d+) 0 R", re.search(rb"/Contents\[([^\]]*)\]", page)[1])]
            assert len(refs) >= 3, e["file"]
            before = mh.stream_parts_62(objects, refs[0])[1]
            after = mh.stream_parts_62(objects, refs[-1])[1]
            m = re.fullmatch(rb"q (\d\.\d+) 0 0 \1 (\d+\.\d+) (\d+\.\d+) cm\n", before)
            assert m and abs(float(m[1]) - 792 / 841.89) < 0.001, (e["file"], before)
            assert after == b"Q\n", e["file"]
        headings_read_63(e)


def test_pool_63_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(63) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_63, *mh.FUNDING_WORDINGS_62}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        million = f"{total // 10**6:,}".replace(",", ".")
        f = e["funding"]
        if f["wording"] == "ty_three_decimals":  # billions to three decimals, the decimal comma
            assert total % 10**7 == 0 and total % 10**9 != 0, e["file"]
            assert f["shown"] == f"{total // 10**9},{total // 10**6 % 1000:03d}" and f["shown"].endswith("0"), \
                e["file"]
            assert f"(đơn vị tính: tỷ đồng): {f['shown']}." in text, e["file"]
            assert million not in text and "triệu" not in text.split("\n")[0], e["file"]
        if f["wording"] == "ti_spelled_total":  # figures with units between, then words, "tỉ" with i
            assert f["shown"] == f"{total // 10**9} tỉ {total // 10**6 % 1000} triệu đồng", e["file"]
            words = mh.amount_words(total // 10**6).replace(" tỷ", " tỉ")
            assert f"năm 2022 là {f['shown']} ({words})." in text and "tỷ" not in text.split("\n")[0], e["file"]
    assert mh.ty_three_decimals_63(4230) == "4,230" and mh.ty_three_decimals_63(12050) == "12,050"
    assert {e["letterhead"] for e in entries_of(63)} <= set(mh.LETTERHEADS_63)
    docx_files = [e for e in entries_of(63) if e["kind"] == "docx"]
    assert {"number_fill_shaded", "date_dotted_underline"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        shaded = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}shd") is not None
                  and r.find(f"{W}rPr/{W}shd").get(f"{W}fill") == mh.FILL_SHADE_63]
        if e["letterhead"] == "number_fill_shaded":  # the number's run shaded, the line as typed
            lines = [p for p in table.iter(f"{W}p") if paragraph_text(p) == f"Số: {number}"]
            assert len(lines) == 1, e["file"]
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in shaded] == [number.split("/")[0]], e["file"]
            assert all(r.getparent() is lines[0] for r in shaded), e["file"]
        else:
            assert not shaded, e["file"]
        dotted = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}u") is not None
                  and r.find(f"{W}rPr/{W}u").get(f"{W}val") == "dotted"]
        if e["letterhead"] == "date_dotted_underline":  # the day and the month over dotted underlines
            dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
            assert len(dated) == 1 and all(r.getparent() is dated[0] for r in dotted), e["file"]
            day, month = re.search(r"ngày (\d+) tháng (\d+) năm", e["letterhead_date"]).groups()
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in dotted] == [day, month], e["file"]
        else:
            assert not dotted, e["file"]
    scans = files_of(63, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_63)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"phan_khuc_number", "moc_roman", "lat_cat_word"}
    for e in scans:
        if e["scan"]["kind"] == "pen_on_glass":
            assert e["scan"]["pen"] == mh.PEN_63 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["warmup"] is None, e["file"]
        else:
            assert e["scan"]["warmup"] == mh.WARMUP_63 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["pen"] is None, e["file"]


def test_pool_63_scans_carry_a_pen_below_the_print_or_a_darker_top():
    """The marks on a test sheet with print down to 200 mm: the pen lies wholly below the lowest printed line, on
    page 1 only, long and dark blue; the cold lamp darkens the top of every page, less and less down it, paper and
    print alike."""
    import numpy as np
    from PIL import Image, ImageDraw

    mh = generator()
    dpi = 200
    px = dpi / 25.4
    sheet = Image.new("RGB", (1654, 2339), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for k in range(30):  # lines of print from 30 mm to 200 mm
        y = round((30 + k * 170 / 29) * px)
        draw.rectangle((round(25 * px), y, round(180 * px), y + 12), fill=(20, 20, 20))
    lowest = round(200 * px) + 12
    pen = mh.scan_63_mark(types.SimpleNamespace(scan_kind="pen_on_glass", index=3))
    out = np.asarray(pen(sheet.copy(), 1, dpi)).astype(int)
    before = np.asarray(sheet).astype(int)
    changed = np.argwhere((out != before).any(axis=-1))
    assert changed[:, 0].min() > lowest and changed[:, 0].max() < out.shape[0]
    barrel = (np.abs(out - mh.PEN_63["barrel"]).sum(axis=-1) < 10)
    cols = np.where(barrel.any(axis=0))[0]
    assert cols.max() - cols.min() > 0.8 * mh.PEN_63["length_mm"] * px * math.cos(math.radians(7))
    assert (np.asarray(pen(sheet.copy(), 2, dpi)) == before).all()
    warm = mh.scan_63_mark(types.SimpleNamespace(scan_kind="lamp_warmup", index=3))
    grey = Image.new("L", (1240, 1754), 250)
    for number in (1, 2):
        rows = np.asarray(warm(grey.copy(), number, 150)).astype(int)[:, 600]
        assert rows[0] <= round(250 * (1 - mh.WARMUP_63["loss"])) + 1
        assert rows[0] < rows[200] < rows[600] <= rows[-1] <= 250 and rows[-1] >= 249


# ---------------------------------------------------------------------------------------
# Pool 64: "Nấc 1: …", "Vòng I – …", "Ngăn A. …", "Tiết mục thứ nhất: …"; each heading in an inline content control
# shown as nothing, a .docx with a page colour, a PDF converted to CMYK for the print shop, a PDF with Acrobat's
# Initial View set; pools 1-63's at a lower weight, pools 62 and 63's funding wordings and two new ones, two new
# letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_64 = {"nac_number", "vong_roman", "ngan_letter", "tiet_muc_word"}
LADDERS[64] = NEW_LADDERS_64 | {"phan_khuc_number", "moc_roman", "phan_nhom_letter", "lat_cat_word",  # 1-63's
                                "thanh_to_number", "luong_roman", "khung_letter", "chuong_muc_number",
                                "mo_dun_letter", "cot_letter"}
NEW_LAYOUTS_64 = {"hidden_sdt_heading", "page_colour_docx", "cmyk_prepress_pdf", "initial_view_pdf"}
LAYOUTS[64] = NEW_LAYOUTS_64 | {"style_aliases_heading", "locked_sdt_heading", "portal_prefixed_pdf",  # 1-63's
                                "letter_fit_pdf", "book_title_heading", "words_underline_heading",
                                "word2010_ids_docx", "table_style_heading", "normal_web_paste", "xml_signed_docx",
                                "vi_style_ids_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_64 = {  # how each of pool 64's ladders marks an item heading, as a reader sees it
    "nac_number": r"Nấc \d: \S",
    "vong_roman": r"Vòng [IVX]+ – \S",
    "ngan_letter": r"Ngăn [A-F]\. \S",
    "tiet_muc_word": r"Tiết mục thứ (?:nhất|hai|ba|tư|năm|sáu): \S",
}
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def headings_read_64(entry: dict) -> None:
    """pdfplumber and pdftotext read each item heading's first words."""
    words, text = pdf_words_49(entry), pdf_text_62(entry)
    for h in item_headings(entry):
        first = " ".join(h["text"].split("\n")[0].split()[:4])
        assert first in words and first in text, (entry["file"], first)


def catalog_64(entry: dict) -> bytes:
    """A PDF's catalog dictionary (its /Root object's bytes)."""
    data = path_of(entry).read_bytes()
    root = re.findall(rb"/Root\s+(\d+)\s+0\s+R", data)[-1]
    return re.search(rb"(?<!\d)" + root + rb"\s+0\s+obj(.*?)endobj", data, re.S)[1]


def test_pool_64_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_64:
        for e in [e for e in files_of(64, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_64_hidden_control_headings_sit_in_inline_controls_shown_as_nothing():
    """Each item heading's runs of such a .docx are the content of an inline w:sdt (a child of the heading's
    paragraph) whose w:sdtPr holds the template's alias, a tag of the item's number, an id, w15:appearance
    "hidden" and w:text; the control's text is the heading's line; no other .docx of the pool has w15:appearance."""
    mh = generator()
    s = mh.HIDDEN_SDT_64
    files = files_of(64, "hidden_sdt_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(64, "hidden_sdt_heading", ladder="nac_number")  # on a new ladder too
    for e in files:
        assert e["heading_control_appearance"] == "hidden", e["file"]
        headings = heading_paragraphs(e)
        assert len(headings) >= 5, e["file"]
        for p in headings:
            sdts = p.findall(f"{W}sdt")
            assert len(sdts) == 1, e["file"]
            pr = sdts[0].find(f"{W}sdtPr")
            assert pr.find(f"{W15}appearance").get(f"{W15}val") == "hidden", e["file"]
            assert pr.find(f"{W}text") is not None and pr.find(f"{W}id") is not None, e["file"]
            assert pr.find(f"{W}alias").get(f"{W}val") == s["alias"], e["file"]
            assert re.fullmatch(r"dau_muc_\d", pr.find(f"{W}tag").get(f"{W}val")), e["file"]
            inside = "".join(t.text or "" for t in sdts[0].find(f"{W}sdtContent").iter(f"{W}t"))
            assert inside.strip() and paragraph_text(p).strip().startswith(inside.strip()[:20]), e["file"]
        assert len(part_tree(e).findall(f".//{W15}appearance")) == len(headings), e["file"]
    for e in files_of(64, kind="docx"):
        if "hidden_sdt_heading" not in e["layouts"]:
            assert "w15:appearance" not in part_text(e), e["file"]


def test_pool_64_page_coloured_docx_carry_the_background_and_the_setting_that_shows_it():
    """Such a .docx's w:document begins with w:background (the page colour) before w:body and its settings hold
    w:displayBackgroundShape; no other .docx of the pool has either."""
    mh = generator()
    files = files_of(64, "page_colour_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(64, "page_colour_docx", ladder="vong_roman")  # on a new ladder too
    for e in files_of(64, kind="docx"):
        root = part_tree(e)
        settings = part_tree(e, "word/settings.xml")
        if "page_colour_docx" not in e["layouts"]:
            assert root.find(f"{W}background") is None, e["file"]
            assert settings.find(f"{W}displayBackgroundShape") is None, e["file"]
            continue
        assert e["page_colour"] == mh.PAGE_COLOUR_64 == "FFF8E7", e["file"]
        assert root[0].tag == f"{W}background" and root[1].tag == f"{W}body", e["file"]
        assert root[0].get(f"{W}color") == mh.PAGE_COLOUR_64, e["file"]
        assert settings.find(f"{W}displayBackgroundShape") is not None, e["file"]
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def test_pool_64_cmyk_pdfs_paint_every_character_in_four_inks():
    """Each character of such a PDF is filled in DeviceCMYK (four components, the text's black a rich black, mostly K
    with some of C, M and Y, as Ghostscript's ICC conversion turns RGB black) and its
    Producer is Ghostscript; pdfplumber and pdftotext still read each item heading's first words; the pool's other
    text PDFs fill their text in grey or RGB."""
    import pdfplumber

    files = files_of(64, "cmyk_prepress_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(64, "cmyk_prepress_pdf", ladder="ngan_letter")  # on a new ladder too
    for e in files_of(64, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            colours = {tuple(c["non_stroking_color"] or ()) for page in pdf.pages for c in page.chars}
            producer = str(pdf.metadata.get("Producer", ""))
        if "cmyk_prepress_pdf" not in e["layouts"]:
            assert any(len(c) != 4 for c in colours), e["file"]
            continue
        assert e["colour_model"] == "DeviceCMYK", e["file"]
        assert colours and all(len(c) == 4 for c in colours), (e["file"], colours)
        assert all(c[3] > 0.8 and max(c[:3]) < 0.8 for c in colours), (e["file"], colours)  # a rich black
        assert "Ghostscript" in producer, e["file"]
        headings_read_64(e)


def test_pool_64_initial_view_pdfs_open_on_page_one_at_fit_width():
    """The catalog of such a PDF holds /PageLayout /OneColumn, /PageMode /UseNone, /OpenAction [first page /FitH top]
    and /ViewerPreferences << /FitWindow true /DisplayDocTitle true >>, its first page the page tree's first; the
    text is read; the catalog has one /OpenAction; the pool's other text PDFs keep LibreOffice's (page 1 at /XYZ) and
    have no /ViewerPreferences."""
    import pdfplumber

    mh = generator()
    files = files_of(64, "initial_view_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(64, "initial_view_pdf", ladder="tiet_muc_word")  # on a new ladder too
    for e in files_of(64, kind="pdf"):
        catalog = catalog_64(e)
        if "initial_view_pdf" not in e["layouts"]:
            assert b"/FitH" not in catalog and b"/ViewerPreferences" not in catalog, e["file"]
            continue
        assert catalog.count(b"/OpenAction") == 1 and b"/XYZ" not in catalog, e["file"]
        assert e["initial_view"] == mh.INITIAL_VIEW_64, e["file"]
        assert b"/PageLayout/OneColumn" in catalog and b"/PageMode/UseNone" in catalog, e["file"]
        action = re.search(rb"/OpenAction\[(\d+) 0 R/FitH ([\d.]+)\]", catalog)
        assert action and abs(float(action[2]) - 841.89) < 1, e["file"]
        assert b"/ViewerPreferences<</FitWindow true/DisplayDocTitle true>>" in catalog, e["file"]
        with pdfplumber.open(path_of(e)) as pdf:
            first = pdf.pages[0].page_obj.pageid
        assert int(action[1]) == first, e["file"]
        headings_read_64(e)


def test_pool_64_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(64) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_64, *mh.FUNDING_WORDINGS_63}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        f = e["funding"]
        if f["wording"] == "dong_two_decimals":  # full đồng, the thousands dot, ",00"
            assert total % 10**6 == 0 and 10**9 <= total < 10**10, e["file"]
            assert f["shown"] == f"{total:,}".replace(",", ".") + ",00", e["file"]
            assert f"năm 2022 là {f['shown']} đồng." in text and "triệu" not in text.split("\n")[0], e["file"]
        if f["wording"] == "trieu_unseparated":  # four figures of millions, no separator
            assert f["shown"] == f"{total // 10**6} triệu đồng" and 1000 <= total // 10**6 <= 9999, e["file"]
            assert f"năm 2022: {f['shown']}." in text and "." not in f["shown"], e["file"]
    assert mh.money_two_decimals_64(4230 * 10**6) == "4.230.000.000,00"
    assert {e["letterhead"] for e in entries_of(64)} <= set(mh.LETTERHEADS_64)
    docx_files = [e for e in entries_of(64) if e["kind"] == "docx"]
    assert {"number_other_font", "date_double_spaced"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        arial = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}rFonts") is not None
                 and r.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == mh.OTHER_FONT_64]
        if e["letterhead"] == "number_other_font":  # the figures' run in Arial, the line as typed
            lines = [p for p in table.iter(f"{W}p") if paragraph_text(p) == f"Số: {number}"]
            assert len(lines) == 1, e["file"]
            assert ["".join(t.text for t in r.iter(f"{W}t")) for r in arial] == [number.split("/")[0]], e["file"]
            assert all(r.getparent() is lines[0] for r in arial), e["file"]
        else:
            assert not arial, e["file"]
        dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
        assert len(dated) == 1, e["file"]
        if e["letterhead"] == "date_double_spaced":  # two spaces after the comma and between the words
            m = re.fullmatch(r"(.+),  ngày  (\d+)  tháng  5  năm  2022", e["letterhead_date"])
            assert m and "  " not in m[1] and e["report_date"] == f"2022-05-{int(m[2]):02d}", e["file"]
        else:
            assert "  " not in e["letterhead_date"], e["file"]
    scans = files_of(64, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_64)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"nac_number", "vong_roman", "ngan_letter", "tiet_muc_word"}
    for e in scans:
        if e["scan"]["kind"] == "grease_spot":
            assert e["scan"]["grease"] == mh.GREASE_64 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["staple_holes"] is None, e["file"]
        else:
            assert e["scan"]["staple_holes"] == mh.STAPLE_HOLES_64 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["grease"] is None, e["file"]


def test_pool_64_scans_carry_a_grease_spot_at_the_edge_or_a_staples_holes_in_the_corner():
    """The marks on a plain sheet: the grease spot darkens page 1 near its right edge only, a little yellow (blue
    kept least), and leaves page 2 alone; the staple's holes are dark dots in the top left corner of every page,
    the rest of the page untouched."""
    import numpy as np
    from PIL import Image

    mh = generator()
    sheet = Image.new("RGB", (1654, 2339), (250, 250, 250))
    grease = mh.scan_64_mark(types.SimpleNamespace(scan_kind="grease_spot", index=3))
    out = np.asarray(grease(sheet.copy(), 1, 200)).astype(int)
    changed = np.argwhere((out < 245).any(axis=-1))
    px = 200 / 25.4
    assert changed.size and changed[:, 1].min() > 1654 - (mh.GREASE_64["from_right_mm"] + 30) * px
    darkest = out.reshape(-1, 3)[out.sum(axis=-1).argmin()]
    assert darkest[2] < darkest[1] <= darkest[0] < 240
    assert (np.asarray(grease(sheet.copy(), 2, 200)) == 250).all()
    holes = mh.scan_64_mark(types.SimpleNamespace(scan_kind="staple_removed_holes", index=3))
    grey = Image.new("RGB", (1240, 1754), (250, 250, 250))
    for number in (1, 2):
        arr = np.asarray(holes(grey.copy(), number, 150)).astype(int)
        dark = np.argwhere((arr < 100).all(axis=-1))
        limit = 30 * 150 / 25.4
        assert dark.size and dark[:, 0].max() < limit and dark[:, 1].max() < limit
        assert (arr[round(limit):, :] == 250).all() and (arr[:, round(limit):] == 250).all()


# ---------------------------------------------------------------------------------------
# Pool 65: "Đoạn 1. …", "Khoang I: …", "Dãy A – …", "Lượt thứ nhất. …"; each heading in Word's Intense Reference
# character style, a .docx with mirror margins and a gutter, a PDF whose pages Acrobat labelled "BC-1" …, a PDF with
# an empty signature field; pools 1-64's at a lower weight, pools 63 and 64's funding wordings and two new ones, two
# new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_65 = {"doan_number", "khoang_roman", "day_letter", "luot_word"}
LADDERS[65] = NEW_LADDERS_65 | {"nac_number", "vong_roman", "ngan_letter", "tiet_muc_word",  # 1-64's
                                "phan_khuc_number", "moc_roman", "phan_nhom_letter", "luong_roman", "cot_letter"}
NEW_LAYOUTS_65 = {"intense_reference_heading", "mirror_margins_docx", "page_labels_pdf", "signature_field_pdf"}
LAYOUTS[65] = NEW_LAYOUTS_65 | {"style_aliases_heading", "hidden_sdt_heading", "cmyk_prepress_pdf",  # 1-64's
                                "initial_view_pdf", "page_colour_docx", "locked_sdt_heading", "book_title_heading",
                                "word2010_ids_docx", "table_style_heading", "normal_web_paste", "xml_signed_docx",
                                "vi_style_ids_heading", "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_65 = {  # how each of pool 65's ladders marks an item heading, as a reader sees it
    "doan_number": r"Đoạn \d\. \S",
    "khoang_roman": r"Khoang [IVX]+: \S",
    "day_letter": r"Dãy [A-F] – \S",
    "luot_word": r"Lượt thứ (?:nhất|hai|ba|tư|năm|sáu)\. \S",
}


def pdf_catalog_65(entry: dict):
    """A PDF's catalog and its pages as pdfminer (pdfplumber's parser) resolves them, the file kept open by the
    caller's `with`."""
    import pdfplumber

    return pdfplumber.open(path_of(entry))


def test_pool_65_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_65:
        for e in [e for e in files_of(65, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_65_intense_reference_headings_run_in_words_built_in_style():
    """Every run of each item heading of such a .docx has w:rStyle IntenseReference first in its w:rPr, and
    styles.xml defines the style once as Word 2010's Normal template does (a character style named "Intense
    Reference", based on Default Paragraph Font, uiPriority 32, qFormat, bold, small capitals, Accent 2's C0504D,
    underlined, w:spacing 5); no other .docx of the pool uses it (the template defines it in all)."""
    mh = generator()
    s = mh.INTENSE_REF_65
    files = files_of(65, "intense_reference_heading")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(65, "intense_reference_heading", ladder="doan_number")  # on a new ladder too
    for e in files_of(65, kind="docx"):
        styles = part_tree(e, "word/styles.xml")
        defined = [st for st in styles.iter(f"{W}style") if st.get(f"{W}styleId") == "IntenseReference"]
        if "intense_reference_heading" not in e["layouts"]:
            assert "IntenseReference" not in part_text(e), e["file"]
            continue
        assert e["heading_char_style"] == s["id"] == "IntenseReference", e["file"]
        assert len(defined) == 1 and defined[0].get(f"{W}type") == "character", e["file"]
        st = defined[0]
        assert st.find(f"{W}name").get(f"{W}val") == "Intense Reference", e["file"]
        assert st.find(f"{W}basedOn").get(f"{W}val") == "DefaultParagraphFont", e["file"]
        assert st.find(f"{W}uiPriority").get(f"{W}val") == "32" and st.find(f"{W}qFormat") is not None, e["file"]
        rpr = st.find(f"{W}rPr")
        assert rpr.find(f"{W}b") is not None and rpr.find(f"{W}smallCaps") is not None, e["file"]
        assert rpr.find(f"{W}color").get(f"{W}val") == s["colour"] == "C0504D", e["file"]
        assert rpr.find(f"{W}u").get(f"{W}val") == "single", e["file"]
        assert rpr.find(f"{W}spacing").get(f"{W}val") == "5", e["file"]
        headings = heading_paragraphs(e)
        assert len(headings) >= 5, e["file"]
        for p in headings:
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs, e["file"]
            for r in runs:
                first = r.find(f"{W}rPr")[0]
                assert first.tag == f"{W}rStyle" and first.get(f"{W}val") == "IntenseReference", e["file"]


def test_pool_65_mirror_margin_docx_set_mirrored_pages_and_a_gutter():
    """Such a .docx's settings hold w:mirrorMargins (before w:defaultTabStop, as CT_Settings orders them) and every
    section's w:pgMar a w:gutter of 284 twips (0.5 cm); the headings are as typed; no other .docx of the pool has
    either."""
    mh = generator()
    files = files_of(65, "mirror_margins_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(65, "mirror_margins_docx", ladder="khoang_roman")  # on a new ladder too
    for e in files_of(65, kind="docx"):
        settings = part_tree(e, "word/settings.xml")
        margins = list(part_tree(e).iter(f"{W}pgMar"))
        assert margins, e["file"]
        gutters = {m.get(f"{W}gutter") for m in margins}
        if "mirror_margins_docx" not in e["layouts"]:
            assert settings.find(f"{W}mirrorMargins") is None and gutters <= {None, "0"}, e["file"]
            continue
        assert e["mirror_margins"] == {"gutter_twips": mh.MIRROR_65["gutter_twips"]} == {"gutter_twips": 284}
        mirror = settings.find(f"{W}mirrorMargins")
        assert mirror is not None, e["file"]
        tags = [c.tag for c in settings]
        if f"{W}defaultTabStop" in tags:
            assert tags.index(f"{W}mirrorMargins") < tags.index(f"{W}defaultTabStop"), e["file"]
        assert gutters == {"284"}, e["file"]
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def test_pool_65_page_labelled_pdfs_show_bc_labels():
    """The catalog of such a PDF holds /PageLabels << /Nums [0 << /P (BC-) /S /D /St 1 >>] >>, which pdfminer reads
    as "BC-1", "BC-2" … for its pages; the text is read; the pool's other text PDFs have no /PageLabels."""
    mh = generator()
    files = files_of(65, "page_labels_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(65, "page_labels_pdf", ladder="day_letter")  # on a new ladder too
    for e in files_of(65, kind="pdf"):
        catalog = catalog_64(e)
        if "page_labels_pdf" not in e["layouts"]:
            assert b"/PageLabels" not in catalog, e["file"]
            continue
        assert e["page_labels"] == mh.PAGE_LABELS_65, e["file"]
        assert b"/PageLabels<</Nums[0<</P(BC-)/S/D/St 1>>]>>" in catalog, e["file"]
        with pdf_catalog_65(e) as pdf:
            count = len(pdf.pages)
            labels = list(itertools.islice(pdf.doc.get_page_labels(), count))
        assert count >= 2 and labels == [f"BC-{k}" for k in range(1, count + 1)], (e["file"], labels)
        headings_read_64(e)


def test_pool_65_signature_field_pdfs_hold_one_empty_signature_field_on_the_last_page():
    """Such a PDF's /AcroForm has /SigFlags 1 and one field: a /Widget of /FT /Sig named ChuKyLanhDao, unsigned (no
    /V), printable (/F 4), in the last page's /Annots with its /Rect on that page's right half, between the signer's
    title and name (expected.json's signature_field names it); the text is read; no other PDF of the pool has a
    form."""
    from pdfminer.pdftypes import resolve1

    mh = generator()
    files = files_of(65, "signature_field_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(65, "signature_field_pdf", ladder="luot_word")  # on a new ladder too
    for e in files_of(65, kind="pdf"):
        catalog = catalog_64(e)
        if "signature_field_pdf" not in e["layouts"]:
            assert b"/AcroForm" not in catalog and b"/FT/Sig" not in path_of(e).read_bytes(), e["file"]
            continue
        with pdf_catalog_65(e) as pdf:
            form = resolve1(pdf.doc.catalog["AcroForm"])
            assert resolve1(form["SigFlags"]) == 1, e["file"]
            fields = [resolve1(f) for f in resolve1(form["Fields"])]
            assert len(fields) == 1, e["file"]
            field = fields[0]
            assert field["FT"].name == "Sig" and field["Subtype"].name == "Widget" and "V" not in field, e["file"]
            assert field["T"] == mh.SIG_FIELD_65["name"].encode() and field["F"] == 4, e["file"]
            last = pdf.pages[-1]
            annots = [resolve1(a) for a in resolve1(last.page_obj.annots)]
            assert any(a.get("FT") is not None and a["FT"].name == "Sig" for a in annots), e["file"]
            rect = [float(v) for v in resolve1(field["Rect"])]
            assert e["signature_field"] == {"name": mh.SIG_FIELD_65["name"], "page": "last", "signed": False}
            assert float(last.width) / 2 <= rect[0] < rect[2] <= float(last.width), e["file"]
            assert 0 < rect[1] < rect[3] <= float(last.height), e["file"]
            words = last.extract_words()
        title = max((w for w in words if w["text"] == "TỊCH" and w["x0"] > float(last.width) / 2),
                    key=lambda w: w["top"])
        assert float(last.height) - rect[3] >= title["bottom"], e["file"]  # below the title
        headings_read_64(e)


def test_pool_65_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(65) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_65, *mh.FUNDING_WORDINGS_64}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        f = e["funding"]
        if f["wording"] == "dong_sign":  # full đồng, the thousands dot, the đồng sign
            assert total % 10**6 == 0 and 10**9 <= total < 10**10, e["file"]
            assert f["shown"] == f"{total:,}".replace(",", ".") + " ₫", e["file"]
            assert f"năm 2022 là {f['shown']}." in text and "triệu" not in text.split("\n")[0], e["file"]
        if f["wording"] == "unit_in_label":  # the unit in the label, the figure in millions with its dot
            millions = total // 10**6
            assert f["shown"] == f"{millions // 1000}.{millions % 1000:03d}" and 1000 <= millions <= 9999, e["file"]
            assert f"năm 2022 (triệu đồng): {f['shown']}" in text, e["file"]
    assert mh.money_dong_sign_65(4230 * 10**6) == "4.230.000.000 ₫"
    assert {e["letterhead"] for e in entries_of(65)} <= set(mh.LETTERHEADS_65)
    docx_files = [e for e in entries_of(65) if e["kind"] == "docx"]
    assert {"number_proof_marked", "date_lang_en_us"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        marks = list(table.iter(f"{W}proofErr"))
        if e["letterhead"] == "number_proof_marked":  # the code's run between spellStart and spellEnd
            lines = [p for p in table.iter(f"{W}p") if paragraph_text(p) == f"Số: {number}"]
            assert len(lines) == 1 and len(marks) == 2, e["file"]
            start, end = marks
            assert start.get(f"{W}type") == "spellStart" and end.get(f"{W}type") == "spellEnd", e["file"]
            assert start.getparent() is lines[0] and end.getparent() is lines[0], e["file"]
            between = start.getnext()
            assert between.tag == f"{W}r" and between.getnext() is end, e["file"]
            assert "".join(t.text for t in between.iter(f"{W}t")) == "BC-UBND", e["file"]
        else:
            assert not marks, e["file"]
        dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
        assert len(dated) == 1, e["file"]
        langs = {lang.get(f"{W}val") for r in dated[0].iter(f"{W}r") for lang in r.iter(f"{W}lang")}
        if e["letterhead"] == "date_lang_en_us":  # every run of the date line tagged English, the text as typed
            runs = list(dated[0].iter(f"{W}r"))
            assert runs and all(r.find(f"{W}rPr/{W}lang") is not None for r in runs), e["file"]
            assert langs == {mh.DATE_LANG_65} == {"en-US"}, e["file"]
            assert re.fullmatch(r".+, ngày \d+ tháng 5 năm 2022", e["letterhead_date"]), e["file"]
        else:
            assert "en-US" not in langs, e["file"]
    scans = files_of(65, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_65)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"doan_number", "khoang_roman", "day_letter", "luot_word"}
    for e in scans:
        if e["scan"]["kind"] == "stamp_fingerprint":
            assert e["scan"]["fingerprint"] == mh.FINGERPRINT_65 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["tape"] is None, e["file"]
        else:
            assert e["scan"]["tape"] == mh.TAPE_65 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["fingerprint"] is None, e["file"]


def test_pool_65_scans_carry_a_red_fingerprint_by_the_stamp_or_binding_tape_on_page_one():
    """The marks on a plain sheet: with a red stamp on it, the fingerprint reddens the paper just below and right of
    the stamp only (red kept, green and blue taken), nothing on a sheet without a stamp; the binding tape darkens page
    1's left edge to about 12 mm, inside the left margin, and leaves page 2 alone."""
    import numpy as np
    from PIL import Image, ImageDraw

    mh = generator()
    px = 200 / 25.4
    sheet = Image.new("RGB", (1654, 2339), (250, 250, 250))
    print_ = mh.scan_65_mark(types.SimpleNamespace(scan_kind="stamp_fingerprint", index=3))
    assert (np.asarray(print_(sheet.copy(), 2, 200)) == 250).all()  # no stamp, no print
    stamped = sheet.copy()
    ImageDraw.Draw(stamped).ellipse((1000, 1500, 1300, 1800), outline=(210, 30, 40), width=12)
    before = np.asarray(stamped).astype(int)
    out = np.asarray(print_(stamped.copy(), 2, 200)).astype(int)
    changed = np.argwhere((out != before).any(axis=-1))
    assert changed.size
    assert changed[:, 0].min() > 1500 and changed[:, 1].min() > 1100  # below and right of the stamp's middle
    assert changed[:, 0].max() < 1800 + 40 * px and changed[:, 1].max() < 1300 + 40 * px
    pale = out[1790:, 1300:][(before[1790:, 1300:] == 250).all(axis=-1)]
    assert (pale[:, 0] >= pale[:, 1]).all() and (pale[:, 1] < 250).any()  # reddened paper
    tape = mh.scan_65_mark(types.SimpleNamespace(scan_kind="spine_tape_strip", index=3))
    grey = Image.new("L", (1240, 1754), 250)
    arr = np.asarray(tape(grey.copy(), 1, 150)).astype(int)
    px = 150 / 25.4
    assert arr[:, : round(11 * px)].mean() < 90  # the tape
    assert (arr[:, round(14 * px):] == 250).all()  # the page beyond it untouched
    assert (np.asarray(tape(grey.copy(), 2, 150)) == 250).all()


# ---------------------------------------------------------------------------------------
# Pool 66: "Ô 1: …", "Vạt I. …", "Kệ A) …", "Hiệp thứ nhất – …"; a .docx with a box page border, a .docx with page
# numbers at the top and none on page 1, a PDF with the seal put on as an Acrobat stamp annotation, a PDF with
# Acrobat's document properties and their XMP packet; pools 1-65's at a lower weight, pools 64 and 65's funding
# wordings and two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_66 = {"o_number", "vat_roman", "ke_letter", "hiep_word"}
LADDERS[66] = NEW_LADDERS_66 | {"doan_number", "khoang_roman", "day_letter", "luot_word",  # 1-65's
                                "nac_number", "vong_roman", "ngan_letter", "moc_roman", "cot_letter"}
NEW_LAYOUTS_66 = {"page_border_docx", "first_page_unnumbered_docx", "seal_stamp_annot_pdf", "xmp_properties_pdf"}
LAYOUTS[66] = NEW_LAYOUTS_66 | {"intense_reference_heading", "mirror_margins_docx", "page_labels_pdf",  # 1-65's
                                "signature_field_pdf", "hidden_sdt_heading", "page_colour_docx",
                                "style_aliases_heading", "locked_sdt_heading", "book_title_heading",
                                "word2010_ids_docx", "table_style_heading", "normal_web_paste",
                                "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_66 = {  # how each of pool 66's ladders marks an item heading, as a reader sees it
    "o_number": r"Ô \d: \S",
    "vat_roman": r"Vạt [IVX]+\. \S",
    "ke_letter": r"Kệ [A-F]\) \S",
    "hiep_word": r"Hiệp thứ (?:nhất|hai|ba|tư|năm|sáu) – \S",
}


def test_pool_66_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_66:
        for e in [e for e in files_of(66, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def test_pool_66_page_border_docx_box_every_section_after_its_margins():
    """Such a .docx's every w:sectPr has one w:pgBorders (offset from the page, a single ½ pt line, 24 pt from the
    edge, on the four sides) right after w:pgMar as CT_SectPr orders it; the headings are as typed; no other .docx of
    the pool has a page border."""
    mh = generator()
    b = mh.PAGE_BORDER_66
    files = files_of(66, "page_border_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(66, "page_border_docx", ladder="o_number")  # on a new ladder too
    for e in files_of(66, kind="docx"):
        sections = list(part_tree(e).iter(f"{W}sectPr"))
        assert sections, e["file"]
        if "page_border_docx" not in e["layouts"]:
            assert not any(s.find(f"{W}pgBorders") is not None for s in sections), e["file"]
            continue
        assert e["page_border"] == b, e["file"]
        for s in sections:
            borders = s.findall(f"{W}pgBorders")
            assert len(borders) == 1 and borders[0].get(f"{W}offsetFrom") == "page", e["file"]
            assert borders[0].getprevious().tag in (f"{W}pgMar", f"{W}paperSrc"), e["file"]
            sides = [c for c in borders[0]]
            assert [c.tag for c in sides] == [f"{W}{k}" for k in ("top", "left", "bottom", "right")], e["file"]
            for c in sides:
                assert (c.get(f"{W}val"), c.get(f"{W}sz"), c.get(f"{W}space")) == ("single", "4", "24"), e["file"]
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def test_pool_66_first_page_unnumbered_docx_number_pages_in_the_header_from_page_two():
    """Such a .docx's first section has w:titlePg, a first-page header with no text and a default header holding a
    centred PAGE field (begin, instrText PAGE, separate, a figure, end) in 14 pt; the headings are as typed; no other
    .docx of the pool has w:titlePg or a PAGE field in a header."""
    from lxml import etree

    files = files_of(66, "first_page_unnumbered_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(66, "first_page_unnumbered_docx", ladder="vat_roman")  # on a new ladder too
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for e in files_of(66, kind="docx"):
        doc = part_tree(e)
        first = next(doc.iter(f"{W}sectPr"))
        with zipfile.ZipFile(path_of(e)) as z:
            rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
            target = {r.get("Id"): r.get("Target") for r in rels}
            headers = {h.get(f"{W}type"): etree.fromstring(z.read("word/" + target[h.get(f"{R}id")]))
                       for h in first.findall(f"{W}headerReference")}
        if "first_page_unnumbered_docx" not in e["layouts"]:
            assert first.find(f"{W}titlePg") is None, e["file"]
            assert not any(" PAGE " in "".join(t.text or "" for t in h.iter(f"{W}instrText"))
                           for h in headers.values()), e["file"]
            continue
        assert e["page_numbers"] == {"where": "header", "first_page": False}, e["file"]
        assert first.find(f"{W}titlePg") is not None, e["file"]
        assert set(headers) >= {"default", "first"}, e["file"]
        assert "".join(t.text or "" for t in headers["first"].iter(f"{W}t")).strip() == "", e["file"]
        para = next(headers["default"].iter(f"{W}p"))
        assert para.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center", e["file"]
        chars = [c.get(f"{W}fldCharType") for c in para.iter(f"{W}fldChar")]
        assert chars == ["begin", "separate", "end"], e["file"]
        assert "".join(t.text for t in para.iter(f"{W}instrText")) == " PAGE ", e["file"]
        assert re.fullmatch(r"\d+", "".join(t.text for t in para.iter(f"{W}t"))), e["file"]
        assert {s.get(f"{W}val") for s in para.iter(f"{W}sz")} == {"28"}, e["file"]
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def test_pool_66_seal_stamp_pdfs_hold_one_stamp_annotation_over_the_signature():
    """Such a PDF's last page has one /Stamp annotation named DauDoUBND, printable (/F 4), its /AP a form XObject
    drawing in red, its /Rect near the signer's title on the right half, below the title; the text is read; no other
    PDF of the pool has a /Stamp annotation."""
    from pdfminer.pdftypes import resolve1

    mh = generator()
    files = files_of(66, "seal_stamp_annot_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(66, "seal_stamp_annot_pdf", ladder="ke_letter")  # on a new ladder too
    for e in files_of(66, kind="pdf"):
        if "seal_stamp_annot_pdf" not in e["layouts"]:
            assert b"/Subtype/Stamp" not in path_of(e).read_bytes(), e["file"]
            continue
        assert e["seal_stamp"] == {"name": mh.SEAL_STAMP_66["name"], "page": "last"}, e["file"]
        with pdfplumber_open_66(e) as pdf:
            last = pdf.pages[-1]
            annots = [resolve1(a) for a in resolve1(last.page_obj.annots)]
            stamps = [a for a in annots if resolve1(a["Subtype"]).name == "Stamp"]
            assert len(stamps) == 1, e["file"]
            stamp = stamps[0]
            assert resolve1(stamp["Name"]).name == "DauDoUBND" and stamp["F"] == 4, e["file"]
            appearance = resolve1(resolve1(stamp["AP"])["N"])
            assert appearance.get_data().startswith(b"q 0.85 0.1 0.12 RG"), e["file"]
            rect = [float(v) for v in resolve1(stamp["Rect"])]
            assert rect[2] - rect[0] == pytest.approx(mh.SEAL_STAMP_66["diameter"]), e["file"]
            assert float(last.width) / 3 <= rect[0] < rect[2] <= float(last.width), e["file"]
            assert 0 < rect[1] < rect[3] <= float(last.height), e["file"]
            for page in pdf.pages[:-1]:
                assert not [a for a in (resolve1(page.page_obj.annots) or [])
                            if resolve1(resolve1(a)["Subtype"]).name == "Stamp"], e["file"]
        headings_read_64(e)


def test_pool_66_xmp_properties_pdfs_carry_acrobats_description_twice():
    """Such a PDF's Info holds the Title, Author, Subject and Keywords typed (expected.json's pdf_properties) and its
    catalog an uncompressed XMP packet (/Metadata, /Type /Metadata /Subtype /XML) with the same dc:title, dc:creator
    and pdf:Keywords; the text is read; the pool's other text PDFs have no /Metadata."""
    from pdfminer.pdftypes import resolve1

    mh = generator()
    files = files_of(66, "xmp_properties_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(66, "xmp_properties_pdf", ladder="hiep_word")  # on a new ladder too
    for e in files_of(66, kind="pdf"):
        catalog = catalog_64(e)
        if "xmp_properties_pdf" not in e["layouts"]:
            assert b"/Metadata" not in catalog, e["file"]
            continue
        props = e["pdf_properties"]
        assert props["author"] == mh.XMP_66["author"] and props["keywords"] == mh.XMP_66["keywords"], e["file"]
        assert props["title"].startswith("Báo cáo phát triển đô thị thông minh - "), e["file"]
        with pdfplumber_open_66(e) as pdf:
            info = pdf.metadata
            meta = resolve1(pdf.doc.catalog["Metadata"])
            assert meta["Type"].name == "Metadata" and meta["Subtype"].name == "XML", e["file"]
            packet = meta.get_data().decode("utf-8")
        assert (info["Title"], info["Author"], info["Keywords"]) == (props["title"], props["author"],
                                                                     props["keywords"]), e["file"]
        assert info["Subject"] == mh.XMP_66["subject"], e["file"]
        assert packet.startswith('<?xpacket begin="\ufeff"') and packet.endswith('<?xpacket end="w"?>'), e["file"]
        assert f'<rdf:li xml:lang="x-default">{props["title"]}</rdf:li>' in packet, e["file"]
        assert f"<rdf:Seq><rdf:li>{props['author']}</rdf:li></rdf:Seq>" in packet, e["file"]
        assert f"<pdf:Keywords>{props['keywords']}</pdf:Keywords>" in packet, e["file"]
        headings_read_64(e)


def pdfplumber_open_66(entry: dict):
    """A PDF opened with pdfplumber (pdfminer's catalog and pages), kept open by the caller's `with`."""
    import pdfplumber

    return pdfplumber.open(path_of(entry))


def test_pool_66_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(66) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_66, *mh.FUNDING_WORDINGS_65}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        f = e["funding"]
        if f["wording"] == "dotted_blank_dong":  # full đồng in the form's dotted blank
            assert total % 10**6 == 0 and 10**9 <= total < 10**10, e["file"]
            assert f["shown"] == f"{total:,}".replace(",", "."), e["file"]
            assert f"năm 2022: ……{f['shown']}…… đồng" in text, e["file"]
        if f["wording"] == "trieu_per_year_unit":  # millions a year, for the one year 2022
            millions = total // 10**6
            assert f["shown"] == f"{millions // 1000}.{millions % 1000:03d}" and 1000 <= millions <= 9999, e["file"]
            assert f"năm 2022: {f['shown']} triệu đồng/năm." in text, e["file"]
    assert {e["letterhead"] for e in entries_of(66)} <= set(mh.LETTERHEADS_66)
    docx_files = [e for e in entries_of(66) if e["kind"] == "docx"]
    assert {"number_small_caps", "date_mixed_sizes"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        lines = [p for p in table.iter(f"{W}p") if paragraph_text(p) == f"Số: {number}"]
        caps = [r for p in lines for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}smallCaps") is not None]
        if e["letterhead"] == "number_small_caps":  # every run of the number line in small capitals
            assert len(lines) == 1 and caps and len(caps) == len(list(lines[0].iter(f"{W}r"))), e["file"]
        else:
            assert not caps, e["file"]
        dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
        assert len(dated) == 1, e["file"]
        if e["letterhead"] == "date_mixed_sizes":  # the year in 13 pt, the rest of the line in 14 pt
            sizes = {"".join(t.text for t in r.iter(f"{W}t")): r.find(f"{W}rPr/{W}sz").get(f"{W}val")
                     for r in dated[0].iter(f"{W}r")}
            assert sizes.pop("2022") == "26" and set(sizes.values()) == {"28"}, e["file"]
            assert re.fullmatch(r".+, ngày \d+ tháng 5 năm 2022", e["letterhead_date"]), e["file"]
    scans = files_of(66, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_66)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {37, 39}
    assert {e["ladder"] for e in scans} >= {"o_number", "vat_roman", "ke_letter", "hiep_word"}
    for e in scans:
        if e["scan"]["kind"] == "punch_chads_on_glass":
            assert e["scan"]["chads"] == mh.CHADS_66 and e["scan"]["dpi"] == 180, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["curl"] is None, e["file"]
        else:
            assert e["scan"]["curl"] == mh.CURL_66 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["chads"] is None, e["file"]


def test_pool_66_scans_carry_punch_chads_or_a_curled_top_edge():
    """The marks on a printed sheet: five chads, white discs about 6 mm across, hiding the print under them at the
    same spots on every page, a thin shadow beside each; the curled edge darkens and softens the top 25 mm only,
    most at the edge."""
    import numpy as np
    from PIL import Image, ImageDraw

    mh = generator()
    sheet = Image.new("L", (1488, 2105), 250)
    draw = ImageDraw.Draw(sheet)
    for y in range(0, 2105, 12):
        draw.line((0, y, 1488, y), fill=20, width=3)  # print everywhere
    chads = mh.scan_66_mark(types.SimpleNamespace(scan_kind="punch_chads_on_glass", index=3))
    one = np.asarray(chads(sheet.copy(), 1, 180)).astype(int)
    two = np.asarray(chads(sheet.copy(), 2, 180)).astype(int)
    assert (one == two).all()  # on the glass: the same spots on every page
    before = np.asarray(sheet).astype(int)
    changed = (one != before)
    px = 180 / 25.4
    area = math.pi * (3 * px) ** 2
    assert 4 * area < changed.sum() < 5 * 2.2 * area
    whitened = (one > 230) & (before < 60)
    share = (before < 60).mean()  # the print's share of the sheet (a line of 3 px in every 12)
    assert 5 * 0.8 * share * area < whitened.sum() < 5 * 1.2 * share * area  # print hidden under the discs
    curl = mh.scan_66_mark(types.SimpleNamespace(scan_kind="curled_top_edge", index=3))
    page = Image.new("RGB", (1654, 2339), (250, 250, 250))
    out = np.asarray(curl(page.copy(), 1, 200)).astype(int)
    px = 200 / 25.4
    assert out[:3].mean() < 250 * 0.65 and out[round(12 * px)].mean() < 245
    assert (out[round(26 * px):] == 250).all()


# ---------------------------------------------------------------------------------------
# Pool 67: "Thửa 1) …", "Mương I: …", "Bờ A. …", "Mùa thứ nhất – …"; a .docx with odd and even pages' headers, a
# .docx cleaned by Word's Document Inspector, a PDF with a spreadsheet attached as an Acrobat comment, a PDF with a
# reviewer's rectangle round item 4's heading; pools 1-66's at a lower weight, pools 65 and 66's funding wordings and
# two new ones, two new letterheads, two new scans
# ---------------------------------------------------------------------------------------

NEW_LADDERS_67 = {"thua_number", "muong_roman", "bo_letter", "mua_word"}
LADDERS[67] = NEW_LADDERS_67 | {"o_number", "vat_roman", "ke_letter", "hiep_word",  # 1-66's
                                "doan_number", "khoang_roman", "day_letter", "nac_number", "cot_letter"}
NEW_LAYOUTS_67 = {"odd_even_headers_docx", "inspected_docx", "file_attachment_annot_pdf", "square_markup_pdf"}
LAYOUTS[67] = NEW_LAYOUTS_67 | {"page_border_docx", "first_page_unnumbered_docx", "seal_stamp_annot_pdf",  # 1-66's
                                "xmp_properties_pdf", "intense_reference_heading", "mirror_margins_docx",
                                "style_aliases_heading", "hidden_sdt_heading", "locked_sdt_heading",
                                "book_title_heading", "table_style_heading", "normal_web_paste",
                                "extra_heading_between", "merged_5_6", "merged_4_5",
                                "first_heading_missing", "heading_line_break"}
SHAPES_67 = {  # how each of pool 67's ladders marks an item heading, as a reader sees it
    "thua_number": r"Thửa \d\) \S",
    "muong_roman": r"Mương [IVX]+: \S",
    "bo_letter": r"Bờ [A-F]\. \S",
    "mua_word": r"Mùa thứ (?:nhất|hai|ba|tư|năm|sáu) – \S",
}


def test_pool_67_new_ladders_number_their_items_from_one():
    for ladder in SHAPES_67:
        for e in [e for e in files_of(67, ladder=ladder) if "number_own_line" not in e["layouts"]]:
            if "number_skipped" not in e["layouts"] and "first_heading_missing" not in e["layouts"]:
                assert [shown_number(h["text"]) for h in item_headings(e)][:3] == [1, 2, 3], e["file"]


def headers_67(entry: dict) -> dict:
    """The first section's headers of a .docx by type (default, even, first), parsed."""
    from lxml import etree

    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    first = next(part_tree(entry).iter(f"{W}sectPr"))
    with zipfile.ZipFile(path_of(entry)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        return {h.get(f"{W}type"): etree.fromstring(z.read("word/" + target[h.get(f"{R}id")]))
                for h in first.findall(f"{W}headerReference")}


def test_pool_67_odd_even_headers_docx_number_the_outer_edges():
    """Such a .docx's settings have w:evenAndOddHeaders, its first section a default (odd) header whose paragraph is
    right-aligned with a PAGE field (begin, instrText PAGE, separate, a figure, end) in 13 pt and an even header
    left-aligned with one; the headings are as typed; no other .docx of the pool has w:evenAndOddHeaders."""
    mh = generator()
    files = files_of(67, "odd_even_headers_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(67, "odd_even_headers_docx", ladder="thua_number")  # on a new ladder too
    for e in files_of(67, kind="docx"):
        settings = part_tree(e, "word/settings.xml")
        flag = settings.find(f"{W}evenAndOddHeaders")
        if "odd_even_headers_docx" not in e["layouts"]:
            assert flag is None, e["file"]
            continue
        assert flag is not None and e["page_numbers"] == {"where": "header", "odd": "right", "even": "left"}
        headers = headers_67(e)
        assert set(headers) >= {"default", "even"}, e["file"]
        for kind, align, cached in (("default", "right", mh.ODD_EVEN_67["cached"][0]),
                                    ("even", "left", mh.ODD_EVEN_67["cached"][1])):
            para = next(headers[kind].iter(f"{W}p"))
            jc = para.find(f"{W}pPr/{W}jc")
            assert jc is not None and jc.get(f"{W}val") in ((align, "end") if align == "right"
                                                            else (align, "start")), (e["file"], kind)
            chars = [c.get(f"{W}fldCharType") for c in para.iter(f"{W}fldChar")]
            assert chars == ["begin", "separate", "end"], e["file"]
            assert "".join(t.text for t in para.iter(f"{W}instrText")) == " PAGE ", e["file"]
            assert "".join(t.text for t in para.iter(f"{W}t")) == cached, e["file"]
            assert {s.get(f"{W}val") for s in para.iter(f"{W}sz")} == {"26"}, e["file"]
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def test_pool_67_inspected_docx_keep_no_personal_information():
    """Such a .docx's settings hold w:removePersonalInformation then w:removeDateAndTime, after any w:zoom and
    before every later setting (CT_Settings' order); its core properties have no creator, last-modified-by, title,
    subject, keywords or comments; the headings are as typed; the pool's other .docx files keep the drafter's name
    and have neither setting."""
    from lxml import etree

    files = files_of(67, "inspected_docx")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"docx"}
    assert files_of(67, "inspected_docx", ladder="muong_roman")  # on a new ladder too
    DC = "{http://purl.org/dc/elements/1.1/}"
    CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    for e in files_of(67, kind="docx"):
        settings = part_tree(e, "word/settings.xml")
        with zipfile.ZipFile(path_of(e)) as z:
            core = etree.fromstring(z.read("docProps/core.xml"))
        tags = [c.tag for c in settings]
        if "inspected_docx" not in e["layouts"]:
            assert f"{W}removePersonalInformation" not in tags, e["file"]
            assert core.find(f"{DC}creator") is not None, e["file"]
            continue
        assert e["inspected"]["settings"] == ["removePersonalInformation", "removeDateAndTime"], e["file"]
        at = tags.index(f"{W}removePersonalInformation")
        assert tags[at + 1] == f"{W}removeDateAndTime", e["file"]
        assert set(tags[:at]) <= {f"{W}writeProtection", f"{W}view", f"{W}zoom"}, e["file"]
        for name in (f"{DC}creator", f"{CP}lastModifiedBy", f"{DC}title", f"{DC}subject", f"{CP}keywords",
                     f"{DC}description"):
            assert core.find(name) is None, (e["file"], name)
        assert len(heading_paragraphs(e)) >= 5, e["file"]


def annotations_67(pdf, subtype: str) -> list[tuple[int, dict]]:
    """(page number from 1, the annotation's dictionary) of each annotation of that subtype in a PDF opened with
    pdfplumber (kept open by the caller: the values resolve from it)."""
    from pdfminer.pdftypes import resolve1

    found = []
    for number, page in enumerate(pdf.pages, start=1):
        for a in resolve1(page.page_obj.annots) or []:
            a = resolve1(a)
            if resolve1(a["Subtype"]).name == subtype:
                found.append((number, {k: resolve1(v) for k, v in a.items()}))
    return found


def item4_heading_67(entry: dict) -> str:
    hs = [h for h in item_headings(entry) if 4 in h["items"]] or item_headings(entry)
    return hs[0]["text"].split("\n")[0]


def test_pool_67_file_attachment_pdfs_carry_the_funding_sheet_beside_item_4():
    """Such a PDF has one /FileAttachment annotation (a paperclip, printable and not zoomed) in the right margin at
    the height of item 4's heading, its file specification embedding the "CSV UTF-8" sheet whose total row is
    expected.json's total in millions; the text is read; no other PDF of the pool has a file attachment."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    mh = generator()
    files = files_of(67, "file_attachment_annot_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(67, "file_attachment_annot_pdf", ladder="bo_letter")  # on a new ladder too
    for e in files_of(67, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            found = annotations_67(pdf, "FileAttachment")
            if "file_attachment_annot_pdf" not in e["layouts"]:
                assert not found and b"/FileAttachment" not in path_of(e).read_bytes(), e["file"]
                continue
            assert e["attachment"] == {"file": mh.ATTACHMENT_67["file"], "beside_item": 4}, e["file"]
            assert len(found) == 1, e["file"]
            number, annot = found[0]
            assert annot["Name"].name == "Paperclip" and annot["F"] == 28, e["file"]
            fs = annot["FS"]
            assert fs["F"] == mh.ATTACHMENT_67["file"].encode(), e["file"]
            embedded = resolve1(resolve1(fs["EF"])["F"])
            data = embedded.get_data()
            assert data.startswith("\ufeff".encode()) and b"\r\n" in data, e["file"]
            total = (e.get("funding") or {}).get("total_vnd") or 0
            assert data.decode("utf-8").endswith(f",Tổng cộng,{total // 10**6}\r\n"), e["file"]
            assert resolve1(embedded.attrs["Params"])["Size"] == len(data), e["file"]
            rect = [float(v) for v in annot["Rect"]]
            line = item4_heading_67(e)
            page = pdf.pages[number - 1]
            width, height = float(page.width), float(page.height)
            words = page.extract_words()
        first = line.split()[:2]
        tops = [w["top"] for k, w in enumerate(words) if [x["text"] for x in words[k:k + 2]] == first]
        assert tops, e["file"]
        assert rect[0] > width - 45 and rect[2] <= width, e["file"]  # in the right margin
        assert any(rect[1] - 12 <= height - t <= rect[3] + 12 for t in tops), e["file"]  # beside the heading
        headings_read_64(e)


def test_pool_67_square_markup_pdfs_box_item_4s_heading_in_red():
    """Such a PDF has one /Square annotation (red, 1.5 pt, printable, the reviewer's name and note) whose /Rect
    holds the first words of item 4's heading and whose appearance strokes a rectangle; the text is read; no other
    PDF of the pool has a /Square annotation."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    mh = generator()
    files = files_of(67, "square_markup_pdf")
    assert len(files) >= 3 and {e["kind"] for e in files} == {"pdf"}
    assert files_of(67, "square_markup_pdf", ladder="mua_word")  # on a new ladder too
    for e in files_of(67, kind="pdf"):
        with pdfplumber.open(path_of(e)) as pdf:
            found = annotations_67(pdf, "Square")
            if "square_markup_pdf" not in e["layouts"]:
                assert not found, e["file"]
                continue
            assert e["square_markup"] == {"author": mh.SQUARE_67["author"], "note": mh.SQUARE_67["note"],
                                          "around_item": 4}, e["file"]
            assert len(found) == 1, e["file"]
            number, annot = found[0]
            assert annot["F"] == 4 and [float(c) for c in annot["C"]] == list(mh.SQUARE_67["colour"]), e["file"]
            assert resolve1(annot["BS"])["W"] == 1.5, e["file"]
            assert resolve1(resolve1(annot["AP"])["N"]).get_data().endswith(b"re S Q"), e["file"]
            x0, y0, x1, y1 = (float(v) for v in annot["Rect"])
            page = pdf.pages[number - 1]
            height = float(page.height)
            inside = [w["text"] for w in page.extract_words()
                      if w["x0"] >= x0 and w["x1"] <= x1 and height - w["bottom"] >= y0 and height - w["top"] <= y1]
        assert inside[:3] == item4_heading_67(e).split()[:3], e["file"]
        headings_read_64(e)


def test_pool_67_words_its_funding_two_new_ways_its_letterheads_two_new_ways_and_scans_two_new_kinds():
    mh = generator()
    funded = [e for e in entries_of(67) if e.get("funding")]
    assert {e["funding"]["wording"] for e in funded} >= {*mh.FUNDING_WORDINGS_67, *mh.FUNDING_WORDINGS_66}
    for e in funded:
        text, total = e["sections"]["4"], e["funding"]["total_vnd"]
        f = e["funding"]
        if f["wording"] == "trd_abbreviated":  # millions, "trđ"
            millions = total // 10**6
            assert total % 10**6 == 0 and 1000 <= millions <= 9999, e["file"]
            assert f["shown"] == f"{millions // 1000}.{millions % 1000:03d}", e["file"]
            assert f"năm 2022 là {f['shown']} trđ." in text, e["file"]
        if f["wording"] == "en_grouped_dong":  # full đồng, commas grouping thousands
            assert total % 10**6 == 0 and 10**9 <= total < 10**10, e["file"]
            assert f["shown"] == f"{total:,}" and re.fullmatch(r"\d,\d{3},\d{3},\d{3}", f["shown"]), e["file"]
            assert f": {f['shown']} đồng." in text, e["file"]
    assert {e["letterhead"] for e in entries_of(67)} <= set(mh.LETTERHEADS_67)
    docx_files = [e for e in entries_of(67) if e["kind"] == "docx"]
    assert {"number_hidden_hint", "date_no_proof"} <= {e["letterhead"] for e in docx_files}
    for e in docx_files:
        table = next(part_tree(e).iter(f"{W}tbl"))
        number = e["report_number"]
        hidden = [r for r in table.iter(f"{W}r") if r.find(f"{W}rPr/{W}vanish") is not None]
        if e["letterhead"] == "number_hidden_hint":  # the number line, then the hint in hidden text
            lines = [p for p in table.iter(f"{W}p") if paragraph_text(p) == f"Số: {number}{mh.HIDDEN_HINT_67}"]
            assert len(lines) == 1 and len(hidden) == 1, e["file"]
            assert list(lines[0].iter(f"{W}r"))[-1] is hidden[0], e["file"]
            shown = "".join(t.text for r in lines[0].iter(f"{W}r") if r is not hidden[0] for t in r.iter(f"{W}t"))
            assert shown == f"Số: {number}", e["file"]
        else:
            assert not any(mh.HIDDEN_HINT_67 in paragraph_text(p) for p in table.iter(f"{W}p")), e["file"]
        dated = [p for p in table.iter(f"{W}p") if paragraph_text(p) == e["letterhead_date"]]
        assert len(dated) == 1, e["file"]
        runs = list(dated[0].iter(f"{W}r"))
        marked = [r for r in runs if r.find(f"{W}rPr/{W}noProof") is not None]
        if e["letterhead"] == "date_no_proof":  # every run of the date line left out of the spelling check
            assert runs and len(marked) == len(runs), e["file"]
            assert re.fullmatch(r".+, ngày \d+ tháng 5 năm 2022", e["letterhead_date"]), e["file"]
        else:
            assert not marked, e["file"]
    scans = files_of(67, kind="scan")
    assert len(scans) >= 8 and {e["scan"]["kind"] for e in scans} == set(mh.SCAN_KINDS_67)
    assert all(max(abs(a) for a in e["scan"]["skew_deg"]) <= 1.0 for e in scans)
    assert {e["scan"]["jpeg_quality"] for e in scans} <= {36, 38}
    assert {e["ladder"] for e in scans} >= {"thua_number", "muong_roman", "bo_letter", "mua_word"}
    for e in scans:
        if e["scan"]["kind"] == "mould_specks":
            assert e["scan"]["mould"] == mh.MOULD_67 and e["scan"]["dpi"] == 150, e["file"]
            assert not e["scan"]["colour"] and e["scan"]["ruler"] is None, e["file"]
        else:
            assert e["scan"]["ruler"] == mh.RULER_67 and e["scan"]["dpi"] == 200, e["file"]
            assert e["scan"]["colour"] and e["scan"]["mould"] is None, e["file"]


def test_pool_67_scans_carry_mould_specks_or_a_ruler_across_the_sheet():
    """The marks on a printed sheet: mould colonies near the bottom and right edges, darker and greener than the
    paper, elsewhere on another page; the ruler a tinted band 32 mm deep at three quarters of the page's height with
    millimetre ticks along its top, the same on every page, the sheet above it untouched."""
    import numpy as np
    from PIL import Image

    mh = generator()
    sheet = Image.new("RGB", (1240, 1754), (250, 250, 250))
    mould = mh.scan_67_mark(types.SimpleNamespace(scan_kind="mould_specks", index=3))
    one = np.asarray(mould(sheet.copy(), 1, 150)).astype(int)
    two = np.asarray(mould(sheet.copy(), 2, 150)).astype(int)
    changed = (one != 250).any(axis=2)
    assert changed.any() and not (one == two).all()  # on the paper: other spots on another page
    px = 150 / 25.4
    ys, xs = np.nonzero(changed)
    assert ((ys > 1754 - 40 * px) | (xs > 1240 - 30 * px)).all()  # along the bottom and outer edges
    dark = one[changed]
    assert dark.min() < 200 and (dark[:, 1] >= dark[:, 0]).mean() > 0.9  # grey-green, never reddish
    ruler = mh.scan_67_mark(types.SimpleNamespace(scan_kind="ruler_on_page", index=3))
    page = Image.new("RGB", (1654, 2339), (250, 250, 250))
    a = np.asarray(ruler(page.copy(), 1, 200)).astype(int)
    b = np.asarray(ruler(page.copy(), 2, 200)).astype(int)
    assert (a == b).all()
    px = 200 / 25.4
    top = int(2339 * mh.RULER_67["at"])
    assert (a[:top - 2] == 250).all() and (a[top + int(33 * px):] == 250).all()
    band = a[top + int(15 * px)]
    assert band[:, 0].mean() < 240  # tinted
    ticks = a[top + 4, :, 0] < 120
    assert 100 < ticks.sum() < 600  # a tick each millimetre along the top edge


NEW_LADDERS = {3: NEW_LADDERS_3, 4: NEW_LADDERS_4, 5: NEW_LADDERS_5, 6: NEW_LADDERS_6, 7: NEW_LADDERS_7,
               8: NEW_LADDERS_8, 9: NEW_LADDERS_9, 10: NEW_LADDERS_10, 11: NEW_LADDERS_11, 12: NEW_LADDERS_12,
               13: NEW_LADDERS_13, 14: NEW_LADDERS_14, 15: NEW_LADDERS_15, 16: NEW_LADDERS_16,
               17: NEW_LADDERS_17, 18: NEW_LADDERS_18, 19: NEW_LADDERS_19, 20: NEW_LADDERS_20,
               21: NEW_LADDERS_21, 22: NEW_LADDERS_22, 23: NEW_LADDERS_23, 24: NEW_LADDERS_24,
               25: NEW_LADDERS_25, 26: NEW_LADDERS_26, 27: NEW_LADDERS_27, 28: NEW_LADDERS_28,
               29: NEW_LADDERS_29, 30: NEW_LADDERS_30, 31: NEW_LADDERS_31, 32: NEW_LADDERS_32,
               33: NEW_LADDERS_33, 34: NEW_LADDERS_34, 35: NEW_LADDERS_35, 36: NEW_LADDERS_36,
               37: NEW_LADDERS_37, 38: NEW_LADDERS_38, 39: NEW_LADDERS_39, 40: NEW_LADDERS_40,
               41: NEW_LADDERS_41, 42: NEW_LADDERS_42, 43: NEW_LADDERS_43, 44: NEW_LADDERS_44,
               45: NEW_LADDERS_45, 46: NEW_LADDERS_46, 47: NEW_LADDERS_47, 48: NEW_LADDERS_48,
               49: NEW_LADDERS_49, 50: NEW_LADDERS_50, 51: NEW_LADDERS_51, 52: NEW_LADDERS_52,
               53: NEW_LADDERS_53, 54: NEW_LADDERS_54, 55: NEW_LADDERS_55,
               56: NEW_LADDERS_56, 57: NEW_LADDERS_57, 58: NEW_LADDERS_58, 59: NEW_LADDERS_59,
               60: NEW_LADDERS_60, 61: NEW_LADDERS_61, 62: NEW_LADDERS_62, 63: NEW_LADDERS_63,
               64: NEW_LADDERS_64, 65: NEW_LADDERS_65,
               66: NEW_LADDERS_66, 67: NEW_LADDERS_67}


@pytest.mark.parametrize("pool,combined,new_ladders", [pytest.param(n, combined, new_ladders, id=f"pool{n}")
                                                       for n, combined, new_ladders in
                                                       [(3, 5, 10), (4, 5, 12), (5, 12, 8),
                                                        *((n, 10, 8) for n in range(6, 68))]])
def test_layouts_combine_in_one_file(pool, combined, new_ladders):
    """Files of two layouts or more, and files of the pool's new ladders with a layout too."""
    assert len([e for e in entries_of(pool) if len(e["layouts"]) >= 2]) >= combined
    assert len([e for e in entries_of(pool) if e["ladder"] in NEW_LADDERS[pool] and e["layouts"]]) >= new_ladders


@pytest.mark.parametrize("pool,least", [pytest.param(3, {"odt": 4, "rtf": 4}, id="pool3"),
                                        pytest.param(4, {"doc": 2, "odt": 2, "rtf": 4}, id="pool4"),
                                        *(pytest.param(n, {"doc": 1, "odt": 1, "rtf": 1}, id=f"pool{n}")
                                          for n in range(5, 68))])
def test_doc_odt_and_rtf_files_are_what_their_format_says(pool, least):
    from baocao.parse.formats import detect_format

    for kind, count in least.items():
        files = files_of(pool, kind=kind)
        assert len(files) >= count, kind
        for e in files:
            assert e["format"] == kind and e["file"].endswith(f".{kind}"), e["file"]
            assert detect_format(path_of(e).read_bytes(), e["file"]) == kind, e["file"]


# ---------------------------------------------------------------------------------------

NEW_SHAPES = {14: SHAPES_14, 15: SHAPES_15, 16: SHAPES_16, 17: SHAPES_17, 18: SHAPES_18, 19: SHAPES_19,
              20: SHAPES_20, 21: SHAPES_21, 22: SHAPES_22, 23: SHAPES_23, 24: SHAPES_24,
              25: SHAPES_25, 26: SHAPES_26, 27: SHAPES_27, 28: SHAPES_28, 29: SHAPES_29, 30: SHAPES_30,
              31: SHAPES_31, 32: SHAPES_32, 33: SHAPES_33, 34: SHAPES_34,
              35: SHAPES_35, 36: SHAPES_36, 37: SHAPES_37, 38: SHAPES_38, 39: SHAPES_39,
              40: SHAPES_40, 41: SHAPES_41, 42: SHAPES_42, 43: SHAPES_43, 44: SHAPES_44,
              45: SHAPES_45, 46: SHAPES_46, 47: SHAPES_47, 48: SHAPES_48, 49: SHAPES_49,
              50: SHAPES_50, 51: SHAPES_51, 52: SHAPES_52, 53: SHAPES_53, 54: SHAPES_54, 55: SHAPES_55,
              56: SHAPES_56, 57: SHAPES_57, 58: SHAPES_58, 59: SHAPES_59, 60: SHAPES_60, 61: SHAPES_61,
              62: SHAPES_62, 63: SHAPES_63, 64: SHAPES_64, 65: SHAPES_65, 66: SHAPES_66,
              67: SHAPES_67}


@pytest.mark.parametrize("pool", sorted(NEW_SHAPES))
def test_a_pool_marks_its_items_in_each_new_shape(pool):
    """Each new ladder of pools 14-67 in four files or more (a number on its own line aside),
    every item heading in its shape."""
    for ladder, shape in NEW_SHAPES[pool].items():
        files = [e for e in files_of(pool, ladder=ladder) if "number_own_line" not in e["layouts"]]
        assert len(files) >= 4, ladder
        for e in files:
            assert all(re.match(shape, h["text"]) for h in item_headings(e)), e["file"]
