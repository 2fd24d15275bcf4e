"""The reasons a cell is doubtful, as the analyst reads them."""

from baocao.parse.confidence import REVIEW_BELOW, Reason, needs_review, note


def test_reasons_are_said_in_vietnamese_in_the_order_found():
    assert note([Reason.BY_POSITION, Reason.OCR]) == "tìm theo vị trí; OCR"


def test_a_merge_names_its_items():
    assert note([Reason.MERGED], number=6, merged_with=(5,)) == "gộp mục 5 và 6"
    assert note([Reason.MERGED], number=4, merged_with=(5, 6)) == "gộp mục 4, 5 và 6"


def test_a_reason_said_twice_is_said_once_and_an_unknown_code_as_it_is():
    assert note(["ocr", "ocr", "from_a_newer_store"]) == "OCR; from_a_newer_store"


def test_review_below_the_threshold_only():
    assert needs_review(REVIEW_BELOW - 0.01) and not needs_review(REVIEW_BELOW)
