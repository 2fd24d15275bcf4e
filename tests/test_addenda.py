"""A passage a province wrote after the last item, or inside another one, under a lead saying
which item it adds to, is that item's text (parse/addenda.py)."""

from __future__ import annotations

from docx_builders import Bold
from test_outline_alignment import KNOWN, ROMAN, WITHOUT_PHRASES, body, read

from baocao.parse.confidence import Reason, added_after, note

LATE = "Đến ngày 20/5/2022, tỉnh đã khai trương thêm cổng dữ liệu mở với 150 bộ dữ liệu."


def own(n):
    """Item n's own text: a few lines, as long as the passages added to it."""
    return "\n".join((body(n), f"Số liệu của mục {n} được tổng hợp từ báo cáo của các sở, ngành và UBND cấp huyện.",
                      "Các chỉ tiêu chính đều đạt hoặc vượt kế hoạch đề ra cho giai đoạn 2018 – 2022."))


def report(label=lambda n: f"{n}.", order=range(1, 7), after=None, extra=()):
    """Headings in the outline's words numbered by label(position), each item's own text,
    and `extra` lines written after item `after` (after the last one by default)."""
    lines = []
    for position, n in enumerate(order, start=1):
        lines += [Bold(f"{label(position)} {KNOWN[n]}"), *own(n).split("\n")]
        if n == (after or order[-1]):
            lines += list(extra)
    return lines


def cells(result):
    return {s.number: s for s in result.sections}


def test_a_passage_after_item_6_whose_lead_names_item_2_of_the_outline_goes_to_item_2_after_its_text(tmp_path):
    lead = "* Nội dung bổ sung cho mục 2 của đề cương như sau:"
    found = cells(read(tmp_path, report(extra=[lead, LATE])))
    assert found[2].text == "\n".join((own(2), lead, LATE))
    assert found[6].text == own(6)
    assert note(found[2].reasons) == "bổ sung sau mục 6"
    assert not found[2].review


def test_the_item_is_told_by_the_reports_own_roman_numbering_as_well(tmp_path):
    lead = "Điều chỉnh số liệu tại mục IV:"
    figures = "Tổng kinh phí đã bố trí là 12.500 triệu đồng."
    found = cells(read(tmp_path, report(label=lambda n: f"{ROMAN[n - 1]}.", extra=[lead, figures])))
    assert found[4].text.endswith(f"{lead}\n{figures}")
    assert figures not in found[6].text
    assert not found[4].review


def test_a_continuation_written_inside_the_next_item_goes_back_to_its_item(tmp_path):
    found = cells(read(tmp_path, report(after=5, extra=["(tiếp theo mục 4)", LATE])))
    assert found[4].text == "\n".join((own(4), "(tiếp theo mục 4)", LATE))
    assert found[5].text == own(5)
    assert note(found[4].reasons) == "bổ sung sau mục 5"


def test_a_lead_may_name_the_item_by_its_headings_words_instead_of_its_number(tmp_path):
    lead = "Bổ sung phần khó khăn, vướng mắc:"
    difficulty = "Thiếu cán bộ chuyên trách công nghệ thông tin ở cấp xã."
    found = cells(read(tmp_path, report(extra=[lead, difficulty]), outline=WITHOUT_PHRASES))
    assert found[5].text.endswith(f"{lead}\n{difficulty}")
    assert difficulty not in found[6].text


def test_a_run_in_lead_moves_its_paragraph(tmp_path):
    paragraph = f"Làm rõ thêm mục 3: {LATE}"
    found = cells(read(tmp_path, report(extra=[paragraph])))
    assert found[3].text == f"{own(3)}\n{paragraph}"
    assert found[6].text == own(6)


def test_a_mention_of_an_item_in_running_text_moves_nothing(tmp_path):
    mentions = ["Như đã nêu tại mục 2, tỉnh đã hoàn thành Trung tâm điều hành và sẽ bổ sung thêm 20 camera.",
                "Như đã nêu tại mục 2, tỉnh kiến nghị:",
                "Bộ Xây dựng sớm hướng dẫn việc chia sẻ dữ liệu."]
    found = cells(read(tmp_path, report(extra=mentions)))
    assert found[2].text == own(2)
    assert found[6].text == "\n".join((own(6), *mentions))
    assert not any(code.startswith(Reason.ADDED_AFTER) for s in found.values() for code in s.reasons)


def test_a_proposal_to_add_something_is_no_addendum_though_it_names_an_items_words(tmp_path):
    proposals = ["Đề nghị Trung ương:", "Bổ sung kinh phí thực hiện:",
                 "Hỗ trợ 50% vốn đầu tư Trung tâm IOC."]
    found = cells(read(tmp_path, report(extra=proposals), outline=WITHOUT_PHRASES))
    assert found[6].text == "\n".join((own(6), *proposals))
    assert found[4].text == own(4)


def test_a_lead_naming_the_item_it_is_written_in_moves_nothing(tmp_path):
    extra = ["Bổ sung mục 6 của đề cương:", LATE]
    found = cells(read(tmp_path, report(extra=extra)))
    assert found[6].text == "\n".join((own(6), *extra))


def test_a_number_that_is_the_reports_own_for_one_item_and_the_outlines_for_another_is_flagged(tmp_path):
    # Item 1 left out: the report's "2." is item 3; "mục 2" without "of the outline" may be either.
    lead = "Bổ sung mục 2:"
    found = cells(read(tmp_path, report(order=range(2, 7), extra=[lead, LATE])))
    receiving = next(s for s in found.values() if LATE in s.text)
    assert receiving.number in (2, 3) and LATE not in found[6].text
    assert receiving.review
    assert Reason.ADDENDUM_DOUBTFUL in receiving.reasons


def test_a_lead_that_only_says_what_it_is_about_is_moved_but_flagged(tmp_path):
    found = cells(read(tmp_path, report(extra=["Về nội dung mục 3:", LATE])))
    assert found[3].text.endswith(LATE)
    assert found[3].review
    assert note(found[3].reasons).endswith("bổ sung sau mục 6; đoạn bổ sung chưa rõ thuộc mục này")


def test_the_reason_code_names_the_item_the_passage_was_written_after():
    assert added_after(5) == "added_after_5"
    assert note([added_after(5), Reason.OCR]) == "bổ sung sau mục 5; OCR"


def test_a_lead_set_in_bold_as_a_heading_is_no_heading_of_its_own_and_its_passage_still_goes_to_its_item(tmp_path):
    """The lead in bold on a line of its own, its headings' likeness: the reader takes it for
    a heading at the items' level and for no item; its passage is text come late all the
    same, not dropped, and goes to the item the lead names."""
    lead = "* Bổ sung nội dung tại mục 2 của đề cương:"
    for label in (lambda n: f"{n}.", lambda n: ""):
        lines = [Bold(line.text.strip()) if isinstance(line, Bold) else line
                 for line in report(label=label, extra=[Bold(lead), LATE])]
        found = cells(read(tmp_path, lines, outline=WITHOUT_PHRASES))
        assert found[2].text == "\n".join((own(2), lead, LATE))
        assert found[6].text == own(6)
        assert note(found[2].reasons) == "bổ sung sau mục 6"
