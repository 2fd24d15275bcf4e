"""How sure the reader is of each cell, and why a person should look at it.

A cell's confidence (0-1) and its reasons come from what the reader saw: a heading whose
words point at its item, or only its place between its neighbours; an item reordered,
merged with another or written under two headings; text recognised from page images; a
text far longer or shorter than a section should be. The reasons are machine codes (a
stable interface, kept in the store and the .json/.csv); `note` says them in Vietnamese
for the analyst. A cell is to be reviewed when its confidence is below REVIEW_BELOW.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

# Below this a person should check the cell: calibrated on the tuned corpus so that most
# wrong cells fall under it and few right ones do (bench/sections.py prints both rates).
REVIEW_BELOW = 0.6


class Reason(StrEnum):
    """Why a cell is less than certain; the value is what the store and the table keep."""

    BY_POSITION = "by_position"  # its heading's words point at no item: taken by its place
    NO_HEADING = "no_heading"  # untitled text before the first heading, taken as item 1
    REORDERED = "reordered"  # the province wrote the items in another order
    NUMBER_DIFFERS = "number_differs"  # its heading's number is another item's
    MERGED = "merged"  # one heading covers this item and another
    SPLIT = "split"  # the item is written under two headings
    OCR = "ocr"  # text recognised from page images
    TOO_LONG = "too_long"  # far longer than the report's other items
    TOO_SHORT = "too_short"  # a line or two where the other items have pages
    EMPTY_REPORTED = "empty_reported"  # no text, though the province reported
    FUNDING_ELSEWHERE = "funding_elsewhere"  # the funding total read outside its item
    CORRECTED = "corrected"  # a person corrected the cell

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Reason.BY_POSITION: "tìm theo vị trí",
    Reason.NO_HEADING: "không có tiêu đề",
    Reason.REORDERED: "thứ tự khác đề cương",
    Reason.NUMBER_DIFFERS: "số mục khác đề cương",
    Reason.MERGED: "gộp mục",
    Reason.SPLIT: "viết dưới hai tiêu đề",
    Reason.OCR: "OCR",
    Reason.TOO_LONG: "quá dài",
    Reason.TOO_SHORT: "quá ngắn",
    Reason.EMPTY_REPORTED: "trống dù tỉnh đã báo cáo",
    Reason.FUNDING_ELSEWHERE: "kinh phí đọc ngoài mục kinh phí",
    Reason.CORRECTED: "đã sửa tay",
}


def note(reasons: Iterable[str], number: int | None = None, merged_with: Iterable[int] = ()) -> str:
    """The reasons as the analyst reads them, "; "-joined: "tìm theo vị trí; OCR". A merge
    names its items: "gộp mục 5 và 6". Unknown codes (a newer store) are shown as they are."""
    parts = []
    for code in dict.fromkeys(reasons):
        if code == Reason.MERGED and number is not None and merged_with:
            items = sorted({number, *merged_with})
            parts.append("gộp mục " + ", ".join(map(str, items[:-1])) + f" và {items[-1]}")
        else:
            parts.append(Reason(code).label if code in Reason._value2member_map_ else code)
    return "; ".join(parts)


def needs_review(confidence: float) -> bool:
    return confidence < REVIEW_BELOW
