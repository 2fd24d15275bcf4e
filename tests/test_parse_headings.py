"""Recognising outline items in heading lines: what `match_heading` and `is_heading_like` promise."""

import unicodedata

import pytest

from baocao.campaign import OutlineSection, load_campaign
from baocao.parse.document import Block
from baocao.parse.headings import is_heading_like, match_heading

OUTLINE = load_campaign().sections


def paragraph(text, *, bold=False, style="Normal", heading_level=None, number=""):
    return Block(0, text, "paragraph", style, heading_level, bold, number)


@pytest.mark.parametrize("section", OUTLINE, ids=lambda s: s.key)
def test_outline_heading_itself_matches_its_item(section):
    assert match_heading(section.heading, OUTLINE) == (section.number,)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("CÁC NỘI DUNG CÔNG VIỆC ĐÃ TRIỂN KHAI TRƯỚC KHI ĐỀ ÁN 950 ĐƯỢC BAN HÀNH", 1),
        ("Thông tin chung về triển khai đô thị thông minh", 2),
        ("Công tác tuyên truyền, ban hành kế hoạch", 3),
        ("Về kinh phí thực hiện", 4),
        ("KHÓ KHĂN VƯỚNG MẮC", 5),
        ("Những tồn tại, hạn chế", 5),
        ("Đề xuất, kiến nghị", 6),
    ],
)
def test_province_wording_matches_by_campaign_phrases(text, number):
    assert match_heading(text, OUTLINE) == (number,)


@pytest.mark.parametrize(
    "text", ["kho khan, vuong mac", "KHÓ KHĂN, VƯỚNG MẮC", "Khó Khăn - Vướng Mắc", "khó khăn,vướng mắc"]
)
def test_heading_matches_without_diacritics_or_case(text):
    assert match_heading(text, OUTLINE) == (5,)


def test_heading_matches_with_old_accent_placement():
    assert match_heading("NGUỒN VỐN XÃ HỘI HOÁ", OUTLINE) == (4,)


def test_heading_matches_when_written_decomposed():
    assert match_heading(unicodedata.normalize("NFD", "Đề xuất, kiến nghị"), OUTLINE) == (6,)


@pytest.mark.parametrize("label", ["IV.", "4.", "4)", "IV -", "d)", "Phần IV.", "Mục 4:"])
def test_numbering_label_is_ignored(label):
    assert match_heading(f"{label} KINH PHÍ THỰC HIỆN", OUTLINE) == (4,)


@pytest.mark.parametrize(
    "text",
    ["Nội dung công việc triển khai trước khi ban hành đề án",
     "Các nội dung công việc đã thực hiện trước khi có Đề án"],
)
def test_paraphrase_without_a_phrase_matches_by_likeness_to_the_outline_heading(text):
    assert match_heading(text, OUTLINE) == (1,)


@pytest.mark.parametrize(
    "text",
    [
        "Khó khăn, vướng mắc và đề xuất, kiến nghị",
        "V. KHÓ KHĂN, VƯỚNG MẮC; ĐỀ XUẤT, KIẾN NGHỊ",
        "Khó khăn, vướng mắc và các kiến nghị",
    ],
)
def test_merged_heading_matches_both_items(text):
    assert match_heading(text, OUTLINE) == (5, 6)


def test_item_named_as_a_detail_of_another_is_not_a_merge():
    assert match_heading("Kinh phí thực hiện kế hoạch hành động", OUTLINE) == (4,)


@pytest.mark.parametrize(
    "text",
    [
        "VII. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI",
        "BÁO CÁO",
        "Trung tâm IOC",
        "Triển khai đô thị thông minh",  # in several outline headings, so none of them
        "",
    ],
)
def test_unrelated_heading_matches_nothing(text):
    assert match_heading(text, OUTLINE) == ()


def test_heading_words_come_from_the_campaign():
    outline = (
        OutlineSection(1, "housing", "Nhà ở xã hội", "Nhà ở", ("nhà ở xã hội",)),
        OutlineSection(2, "funding", "Kinh phí", "Kinh phí", ("nguồn vốn",)),
    )
    assert match_heading("I. NHÀ Ở XÃ HỘI", outline) == (1,)
    assert match_heading("II. KINH PHÍ", outline) == (2,)  # by likeness to the heading: no phrase says "kinh phí" here
    assert match_heading("II. KHÓ KHĂN", outline) == ()


@pytest.mark.parametrize(
    "block",
    [
        paragraph("Kinh phí thực hiện", style="Heading 1", heading_level=1),
        paragraph("Kinh phí thực hiện", bold=True),
        paragraph("KINH PHÍ THỰC HIỆN"),
        paragraph("4. Kinh phí thực hiện", number="4."),
    ],
    ids=["heading style", "bold", "all caps", "numbered"],
)
def test_heading_like_block(block):
    assert is_heading_like(block)


@pytest.mark.parametrize(
    "block",
    [
        paragraph("Kinh phí còn hạn chế, đề nghị Trung ương hỗ trợ."),
        paragraph("Kinh phí " * 40, bold=True),
        paragraph("IOC"),
        Block(0, "KINH PHÍ | TỔNG", "table_row", "Table Grid", None, True, ""),
    ],
    ids=["body sentence", "long bold paragraph", "short acronym", "table row"],
)
def test_not_heading_like_block(block):
    assert not is_heading_like(block)
