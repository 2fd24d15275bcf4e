"""Issue 14: a recognised line's weight and its leader told by the ink of its runs (parse/pdf.py
with ink.py), the runs as pool 32's dim, grainy photos gave them (their ink as measured there);
its cells told by the gaps between them."""

from __future__ import annotations

from dataclasses import replace

from baocao.parse.ink import Ink
from baocao.parse.labels import is_lead
from baocao.parse.pdf import OCR_FONT, _line, _Run


def _runs(words: list[tuple], top: float = 400.0) -> list[_Run]:
    """A recognised line's runs, one a word: its text, its ink (pixels), the box's paper pixels
    around the ink and its strokes' width in pixels (bold 5-6, regular 3.5-4, as measured there;
    2.7 for a leader's dots and specks), laid left to right."""
    runs, x = [], 85.0
    for text, area, paper, stroke in words:
        width = max(6.0, (area + paper) / 25 / 2.08)  # 25 pixels high, 150 dpi
        crossings = max(1, round(2 * area / stroke))
        ink = Ink(area, crossings, paper * 200, paper, 0, 0, 0, 0, round(width * 2.08), 0)
        runs.append(_Run(text, x, x + width, top, top + 12, 12.0, OCR_FONT, False, x + width, ink))
        x += width + 8
    return runs


# "Hợp phần 2: Bảng vàng ghi công" in bold, then its leader as OCR read it on the photo
HEADING = [("HD ", 326, 558, 5.9), ("phần ", 413, 783, 5.0), ("2: ", 112, 226, 4.8), ("Bang ", 423, 851, 5.8),
           ("vàng ", 335, 861, 4.8), ("ghỉ ", 278, 424, 5.9), ("công ", 312, 702, 4.7)]
LEADER = [("Xin... ", 99, 1903, 2.7), (". ó4... ", 103, 1795, 2.7), ("Áo ", 32, 514, 2.7), ("l2... ", 135, 2361, 2.7),
          ("E8 ", 15, 271, 2.7), ("2/208 n0 ", 79, 1325, 2.8), ("tac ", 30, 490, 2.7), ("cu", 24, 418, 2.7)]


def test_a_leader_read_in_pieces_is_not_weighed_with_its_headings_words():
    line = _line(1, _runs(HEADING + LEADER))
    words = _line(1, _runs(HEADING))
    assert line.ink.stroke_width == words.ink.stroke_width


def test_a_leader_read_in_pieces_becomes_one_run_of_dots_after_the_headings_words():
    line = _line(1, _runs(HEADING + LEADER))
    assert line.cells == ()
    assert line.text.startswith("HD phần 2: Bang vàng ghỉ công Xin")
    assert line.text.endswith("..........")


def test_a_contents_lines_page_number_after_its_leader_keeps_the_line_as_read():
    # the page number inked as a word's: no leader's tail ends the line
    line = _line(1, _runs([*HEADING, *LEADER[:4], ("12", 160, 420, 3.8)]))
    assert "l2..." in line.text


def test_a_numbered_title_with_no_stop_run_into_its_text_is_the_lines_lead_by_its_ink():
    # "IV. Đồng vốn đã tiêu" in bold, "Tổng kinh phí …" after it in regular type (a speck before it
    # read as a quote mark)
    bold = [("IV. ", 520, 700, 5.5), ("Đồng ", 560, 1150, 4.8), ("vốn ", 420, 1000, 4.1), ("đã ", 300, 640, 4.2),
            ("tiêu ", 380, 860, 4.5)]
    words = ("'Tổng ", "kinh ", "phí ", "tỉnh ", "Kon ", "Tum ", "đã ", "bố ", "trí ")
    rest = [(word, 250, 650, 3.8) for word in words]
    line = _line(1, _runs(bold + rest))
    assert line.lead == "IV. Đồng vốn đã tiêu"


def test_a_sentence_opening_with_a_quote_mark_after_a_numbered_title_begins_as_a_sentence():
    assert is_lead("IV. Đồng vốn đã tiêu", " 'Tổng kinh phí tỉnh Kon Tum")
    assert not is_lead("1. Quyết định", " 'số 12/QĐ-UBND")


def test_body_words_after_a_larger_types_capitals_are_weighed_with_them():
    # Pool 4's Sóc Trăng scan: a heading in larger capitals inking 0.18-0.23 of their boxes, the
    # item's first words run on after it on its line inking 0.14: a regular word, no leader
    capitals = [(word, 420, 1600, 7.3) for word in ("NHỮNG ", "ĐIỂM ", "VƯỚNG ", "TRONG ", "THỰC ", "HIỆN: ")]
    line = _line(1, _runs([*capitals, ("Tỉnh Sóc", 300, 1840, 6.2)]))
    assert line.ink.stroke_width < _line(1, _runs(capitals)).ink.stroke_width


def _with_gap(words: list[str], after: int, gap: float) -> list[_Run]:
    """A recognised line's runs in regular ink, `gap` points between word `after` and the next."""
    runs = _runs([(word, 250, 650, 3.8) for word in words])
    shift = gap - (runs[after + 1].x0 - runs[after].x1)
    return [*runs[:after + 1], *(replace(run, x0=run.x0 + shift, x1=run.x1 + shift) for run in runs[after + 1:])]


def test_a_label_behind_a_picture_bullet_and_its_tab_is_one_line_with_its_title():
    # Pool 56's Hải Phòng scan: "❖ 1.⇥Bếp trấu…", the diamond read as "®" and the tab after the
    # number wide as a column's gap: the line was read as a table's row and the report lost every
    # heading. A label behind a picture's symbols is a label; the title after its tab is its line's.
    line = _line(1, _with_gap(["® ", "1. ", "Bếp ", "trấu ", "đỏ ", "lửa"], after=1, gap=60.0))
    assert line.cells == ()
    assert line.text == "® 1. Bếp trấu đỏ lửa"
    # words before such a gap are a row's cell: a figure beside its name
    row = _line(1, _with_gap(["Kinh ", "phí ", "12.000"], after=1, gap=60.0))
    assert row.cells == ("Kinh phí", "12.000")
