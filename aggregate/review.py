"""Which cells of the table a person should check, and why, in one place: a cell is as sure
as the reader was of its section (parse/confidence.py); a province that reported but left
an item empty is to be checked (the text may be there under a heading nobody recognised);
a cell the analyst corrected is settled. A province that sent nothing, or nothing readable,
has no cell to check: its status says what to do."""

from __future__ import annotations

import math
import numbers
import statistics
from collections.abc import Collection, Sequence
from typing import NamedTuple

import pandas as pd

from baocao.aggregate.amounts import FundingFigure
from baocao.aggregate.schema import REVIEW_COLUMN, cell_columns
from baocao.parse.confidence import Reason, needs_review, note
from baocao.render.money import format_ty
from baocao.store.records import SectionRecord


class CellReview(NamedTuple):
    """How sure the table is of one province's text for one outline item."""
    confidence: float   # 0-1; NaN where there is nothing to judge
    review: bool        # a person should check it
    note: str           # why, in Vietnamese: "tìm theo vị trí; OCR"

    def columns(self, item: int) -> dict:
        """The cell's review as the table's columns of that item."""
        names = cell_columns(item)
        return {names.confidence: self.confidence, names.review: self.review, names.note: self.note}


NOTHING_TO_JUDGE = CellReview(math.nan, False, "")
EMPTY_THOUGH_REPORTED = CellReview(0.0, True, note([Reason.EMPTY_REPORTED]))
CORRECTED = CellReview(1.0, False, note([Reason.CORRECTED]))


def of_section(section: SectionRecord, ocr: bool) -> CellReview:
    """A found section's review: the reader's confidence and reasons, and OCR when the
    document was read from page images (said once, whether the reader said it or not)."""
    reasons = (*section.reasons, Reason.OCR) if ocr else section.reasons
    return CellReview(section.confidence, needs_review(section.confidence),
                      note(reasons, section.number, section.merged_with))


def cells_to_review(table: pd.DataFrame) -> pd.Series:
    """Per province, how many of its cells a person should check."""
    flags = [name for name in table.columns if REVIEW_COLUMN.fullmatch(name)]
    return table[flags].astype(bool).sum(axis=1).astype("int64")


UNCLEAR_FIGURE = "số liệu chưa rõ, cần kiểm tra"
FIGURE_FROM_DOUBTFUL_ITEM = "đọc từ mục kinh phí cần kiểm tra"
NO_FIGURE = "không tìm thấy số kinh phí trong báo cáo"
MISREAD_FIGURE = "OCR đọc không rõ số tiền ({figures}): đối chiếu với bản chụp"


class FigureReview(NamedTuple):
    review: bool
    note: str


def funding_review(figure: FundingFigure, item_review: bool) -> FigureReview:
    """Whether a person should check the funding figure, and why: it was read outside the
    funding item, or it is unclear, or the funding item it was read from is itself a cell
    to check (its figure is no surer than its text: unless it is a total stated where the
    whole report states no other, `figure.sole`, which no other text could have given), or
    the report that was read gives
    none (a report states its funding, if only to say there was none: "chưa bố trí kinh
    phí" reads as 0; an empty figure is a text lost or a heading missed), or OCR garbled
    figures in the scan's text it was read from (`figure.misread`: digits split by a space or
    broken by a mark, a unit word misread), which it may have been read wrong from."""
    notes = [Reason.FUNDING_ELSEWHERE.label] * (figure.elsewhere and figure.review)
    notes += [UNCLEAR_FIGURE] * figure.ambiguous
    from_doubtful_item = item_review and not figure.elsewhere and not figure.sole
    notes += [FIGURE_FROM_DOUBTFUL_ITEM] * from_doubtful_item
    missing = figure.vnd is None and not figure.ambiguous
    notes += [NO_FIGURE] * missing
    notes += [MISREAD_FIGURE.format(figures="; ".join(figure.misread))] * bool(figure.misread)
    return FigureReview(figure.review or from_doubtful_item or missing or bool(figure.misread), "; ".join(notes))


# A funding figure FAR_FACTOR times the median of the table's figures, or as many times under
# it, is to be checked: a unit slipped ("4.400 tỷ" OCR'd for 4,400 tỷ, triệu đồng taken for
# đồng, a spreadsheet's "2,4E+09" read as 9 đồng) puts a figure a thousand times off, while
# provinces' totals spread less than that around their median (a small province's few tỷ
# beside a city's hundreds). Only among FAR_NEEDS figures at least, for a median to say what
# is usual; a stated zero ("chưa bố trí kinh phí") is none of them.
FAR_FACTOR = 300
FAR_NEEDS = 5
FAR_ABOVE = "gấp hơn {factor} lần trung vị kinh phí các tỉnh ({median}): kiểm tra đơn vị tính, dấu phân cách"
FAR_BELOW = "chưa bằng 1/{factor} trung vị kinh phí các tỉnh ({median}): kiểm tra đơn vị tính, dấu phân cách"


def far_from_the_others(figures: Sequence[object]) -> list[str]:
    """For each figure (đồng; None, a zero or an analyst's words are no figure), why it is far
    from the others' median, or "" where it is not."""
    amounts = [f if isinstance(f, int) and not isinstance(f, bool) and f > 0 else None for f in figures]
    present = [a for a in amounts if a is not None]
    if len(present) < FAR_NEEDS:
        return [""] * len(amounts)
    middle = statistics.median(present)
    said = {"factor": FAR_FACTOR, "median": format_ty(round(middle))}
    return ["" if a is None else FAR_ABOVE.format(**said) if a >= FAR_FACTOR * middle else
            FAR_BELOW.format(**said) if a * FAR_FACTOR <= middle else "" for a in amounts]


def _whole(value: object) -> int | None:
    """A figure of the table as a whole number of đồng; None for an empty cell or the analyst's
    words ("khoảng 5 tỷ")."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and not pd.isna(value) \
            and float(value).is_integer():
        return int(value)
    return None


def flag_far_figures(table: pd.DataFrame, settled: Collection[str] = ()) -> pd.DataFrame:
    """The table with each funding figure far from the provinces' median (far_from_the_others)
    flagged for a person to check, with why; a figure the analyst corrected or marked checked
    (province codes in `settled`) is theirs, not flagged again."""
    if "funding_vnd" not in table:
        return table
    notes = far_from_the_others([None if code in settled else _whole(value)
                                 for code, value in zip(table["province_code"], table["funding_vnd"], strict=True)])
    if not any(notes):
        return table
    table = table.copy()
    for k, far in enumerate(notes):
        if far:
            row = table.index[k]
            before = table.at[row, "funding_note"]
            table.at[row, "funding_review"] = True
            table.at[row, "funding_note"] = f"{before}; {far}" if isinstance(before, str) and before else far
    return table


def settle_figures(table: pd.DataFrame, funding_item: int | None) -> pd.DataFrame:
    """A funding figure flagged only because the item it was read from was to check is
    settled once that item is (the analyst corrected it or marked it checked)."""
    if funding_item is None or "funding_note" not in table:
        return table
    item_review = cell_columns(funding_item).review
    settled = (table["funding_note"] == FIGURE_FROM_DOUBTFUL_ITEM) & ~table[item_review].astype(bool)
    if settled.any():
        table = table.copy()
        table.loc[settled, "funding_review"] = False
        table.loc[settled, "funding_note"] = ""
    return table


class ReviewCount(NamedTuple):
    cells: int
    provinces: int


def review_count(table: pd.DataFrame) -> ReviewCount:
    """How many cells of the table to check, in how many provinces."""
    return ReviewCount(int(table["cells_to_review"].sum()), int((table["cells_to_review"] > 0).sum()))
