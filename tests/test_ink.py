"""Bold seen in a scan's ink (parse/ink.py): a line is weighed against the body text around it."""

from baocao.parse.ink import heavy_lines

RATIO = 1.2
BODY = 80  # letters of a line of body text
HEADING = 60


def _page(body: list[float], headings: dict[int, float]) -> list[tuple[float, int]]:
    """Body lines of the given stroke widths, a heading of its width before line k for each k."""
    lines = []
    for k, width in enumerate(body):
        if k in headings:
            lines.append((headings[k], HEADING))
        lines.append((width, BODY))
    return lines


def test_a_photographed_page_drawn_thinner_than_the_scanned_page_after_it_keeps_its_bold_headings():
    # A phone's photo: strokes thinner than on the scanned page 2, and thinner towards its far
    # (narrower) top: its bold headings are thinner than page 2's body text.
    photo = _page([3.6 + 0.03 * k for k in range(24)], {0: 5.1, 8: 5.4, 16: 5.5})
    scanned = _page([4.9] * 24, {6: 6.0, 14: 6.1})
    heavy = heavy_lines([photo, scanned], RATIO)
    assert [width for (width, _), bold in zip(photo, heavy[0], strict=True) if bold] == [5.1, 5.4, 5.5]
    assert [width for (width, _), bold in zip(scanned, heavy[1], strict=True) if bold] == [6.0, 6.1]


def test_a_page_with_little_text_is_weighed_against_the_whole_document():
    full = _page([4.0] * 20, {5: 5.0})
    # A last page of the signature alone: bold lines mostly; against itself they would be regular.
    last = [(5.0, 20), (5.1, 15), (4.0, 12)]
    heavy = heavy_lines([full, last], RATIO)
    assert heavy[1] == [True, True, False]


def test_no_measured_line_gives_no_bold():
    assert heavy_lines([[], []], RATIO) == [[], []]


def test_a_long_bold_list_is_not_the_body_text_around_itself_nor_the_heading_after_it():
    # Item 3's bold heading, three lines of text, a bold list "1." to "8." (eight bold lines
    # together) and item 4's bold heading: weighed against the lines around them, mostly
    # bold, the list and the headings read regular.
    bold, regular = (6.3, BODY), (4.3, BODY)
    page = [regular] * 4 + [bold] * 2 + [regular] * 3 + [bold] * 9 + [regular] * 6
    heavy = heavy_lines([page], RATIO)[0]
    assert heavy == [False] * 4 + [True] * 2 + [False] * 3 + [True] * 9 + [False] * 6
