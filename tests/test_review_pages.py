"""The province page shows an item beside the pages it came from: its heading's page, marked,
then the pages its text runs onto, up to the next item's heading."""

from __future__ import annotations

from baocao.review.sources import MAX_FOLLOWING, HeadingMark, following_pages


def mark(page: int, top: float = 100.0) -> HeadingMark:
    return HeadingMark(page, 72.0, top, 200.0, 14.0, 595.0, 842.0)


def test_an_item_runs_onto_the_pages_up_to_the_next_items_heading():
    pages = following_pages({1: mark(1), 2: mark(3, 400), 3: mark(3, 700), 4: mark(4)}, page_total=6)
    assert pages[1] == (2, 3)       # its last lines are on page 3, above item 2's heading
    assert pages[2] == ()           # item 3's heading follows on the same page
    assert pages[3] == (4,)
    assert pages[4] == (5, 6)       # the last item runs to the end of the document


def test_items_are_ordered_by_where_their_headings_are_not_by_their_numbers():
    # Items written in another order: 4 before 3.
    pages = following_pages({3: mark(5), 4: mark(2)}, page_total=5)
    assert pages[4] == (3, 4, 5) and pages[3] == ()


def test_at_most_a_few_pages_follow_an_item():
    pages = following_pages({1: mark(1)}, page_total=40)
    assert pages[1] == tuple(range(2, 2 + MAX_FOLLOWING))
