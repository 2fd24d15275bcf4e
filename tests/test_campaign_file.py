"""The campaign file as a checked contract: its outline sections say their role, so the
figures follow the role and not a section's number or key; [figures], [consolidated_report]
and the legal references load into typed values, and a wrong one is refused naming the file
and the key."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from baocao.aggregate.reports import DocumentRecord, ReportRecord, SectionRecord
from baocao.aggregate.table import build_table
from baocao.campaign import (
    CampaignError,
    ConsolidatedReport,
    FundingSource,
    IocPhrases,
    LegalReference,
    SchemePhrases,
    load_campaign,
)
from baocao.render.letter import build_report

DATA = Path(__file__).parent / "data"

# A request whose outline puts the proposals first and the funding second, under a key of its own.
REORDERED = """
schema_version = 1
id = "thử nghiệm"
title = "Báo cáo kinh phí"
letter_number = "99/BXD-PTDT"
letter_date = 2022-05-16
deadline = 2022-06-10T00:00:00+07:00

[issuer]
body = "Bộ Xây dựng"

[ministry]
domains = ["moc.gov.vn"]

[recipients]
table = "provinces-mini.csv"

[outline]

[[outline.sections]]
number = 1
key = "kien_nghi"
heading = "Các đề xuất, kiến nghị"
phrases = ["kiến nghị"]
{proposals_role}

[[outline.sections]]
number = 2
key = "kinh_phi_thuc_hien"
heading = "Kinh phí thực hiện"
phrases = ["kinh phí"]
{funding_role}

[figures.funding_sources]
ngan_sach_dia_phuong = ["ngân sách tỉnh"]
xa_hoi_hoa = ["xã hội hóa"]
"""


def campaign_file(tmp_path: Path, text: str) -> Path:
    shutil.copy(DATA / "provinces-mini.csv", tmp_path / "provinces-mini.csv")
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    return path


def reordered(tmp_path: Path, funding_role: str = 'role = "funding"', proposals_role: str = 'role = "proposals"'):
    return load_campaign(campaign_file(tmp_path, REORDERED.format(funding_role=funding_role,
                                                                  proposals_role=proposals_role)))


def quang_ninh_report(sections: dict[int, str]) -> ReportRecord:
    found = tuple(SectionRecord(n, f"{n}.", text, n, n + 1) for n, text in sections.items())
    document = DocumentRecord("bc.docx", "cd" * 32, "docx", "ok", "", found)
    return ReportRecord("ab" * 32, "<1@quangninh.gov.vn>", "sxd@quangninh.gov.vn", "Báo cáo",
                        datetime(2022, 6, 1, 3, 0, tzinfo=timezone.utc), "22", (document,))


TEXTS = {1: "Đề nghị Bộ hướng dẫn.", 2: "Ngân sách tỉnh bố trí 12 tỷ đồng; vốn xã hội hóa 3 tỷ đồng."}


def test_the_funding_figure_follows_the_role_whatever_the_sections_number_and_key(tmp_path):
    campaign = reordered(tmp_path)
    assert campaign.section_with_role("funding").number == 2
    row = build_table([quang_ninh_report(TEXTS)], campaign).set_index("province_code").loc["22"]
    assert row["funding_vnd"] == 15_000_000_000
    assert (row["funding_ngan_sach_dia_phuong_vnd"], row["funding_xa_hoi_hoa_vnd"]) == (12_000_000_000, 3_000_000_000)
    report = build_report(build_table([quang_ninh_report(TEXTS)], campaign), campaign, date(2022, 6, 20))
    funding, proposals = report.part_text("2.2."), report.part_text("2.1.")
    assert "cộng 15,00 tỷ đồng" in funding and "kinh phí" not in proposals


def test_a_campaign_without_a_funding_role_is_valid_and_has_no_funding_figure(tmp_path):
    campaign = reordered(tmp_path, funding_role="", proposals_role="")
    assert campaign.section_with_role("funding") is None and campaign.section_with_role("proposals") is None
    row = build_table([quang_ninh_report(TEXTS)], campaign).set_index("province_code").loc["22"]
    assert row["section_2"] == TEXTS[2] and row["sections_found"] == 2
    assert row.isna()["funding_vnd"] and row.isna()["funding_xa_hoi_hoa_vnd"]


def test_a_role_is_one_the_code_knows_and_belongs_to_one_section(tmp_path):
    with pytest.raises(CampaignError, match=r"x\.toml: \[\[outline.sections\]\] number 2: role 'fundng' is none of"):
        reordered(tmp_path, funding_role='role = "fundng"')
    with pytest.raises(CampaignError, match=r"x\.toml: .*role 'funding' to one section only"):
        reordered(tmp_path, funding_role='role = "funding"', proposals_role='role = "funding"')


@pytest.mark.parametrize("wrong, named", [
    ('[figures.funding_sources]\nstate = "ngân sách nhà nước"',
     r"\[figures\] funding_sources.state must be a list of phrases"),
    ("[figures.funding_sources]\nstate = [1, 2]", r"\[figures\] funding_sources.state must be a list of phrases"),
    ('[figures.iocs]\nphrases = ["IOC"]', r"\[figures\] has no key 'iocs': its keys are funding_sources, "),
    ('[figures.ioc]\nphrases = ["IOC"]\noperating = "vận hành"', r"\[figures\] ioc.operating must be a list"),
    ('[figures.project_approval]\nphrases = ["Đề án"]\nnegation = ["chưa"]',
     r"\[figures.project_approval\] has no key 'negation'"),
    ('[[figures.themes]]\nkey = "legal"\nphrases = ["pháp lý"]', r"\[\[figures.themes\]\] number 1 lacks label"),
    ('[[figures.amounts]]\nkey = "needs"\nlabel = "Nhu cầu"\nphrases = ["nhu cầu"]\nperiod = "2022-2025"',
     r"\[\[figures.amounts\]\] number 1: period must be the first and last year"),
    ('[[figures.amounts]]\nkey = "funding"\nlabel = "Kinh phí"\nphrases = ["kinh phí"]',
     r"\[\[figures.amounts\]\] number 1: key 'funding' must be"),
    ('[consolidated_report]\nsubject = 5', r"\[consolidated_report\] subject must be text"),
    ('[consolidated_report]\naddresee = "Thủ tướng"', r"\[consolidated_report\] has no key 'addresee'"),
    ('[[legal_references]]\nkind = "Quyết định"\nnumber = "950/QĐ-TTg"\ndate = "01/8/2018"',
     r"\[\[legal_references\]\] number 1 date must be a TOML date"),
])
def test_a_wrong_key_or_value_is_refused_naming_the_file_and_the_key(tmp_path, wrong, named):
    text = (DATA / "campaign-mini.toml").read_text(encoding="utf-8") + "\n" + wrong + "\n"
    with pytest.raises(CampaignError, match=r"x\.toml: " + named):
        load_campaign(campaign_file(tmp_path, text))


def test_the_bundled_campaign_loads_into_typed_values():
    campaign = load_campaign()
    assert [(s.number, s.role) for s in campaign.sections] == [
        (1, None), (2, "general_info"), (3, None), (4, "funding"), (5, "difficulties"), (6, "proposals")]
    figures = campaign.figures
    assert figures.funding_sources[0] == FundingSource("ngan_sach_trung_uong",
                                                       ("ngân sách trung ương", "NSTW", "vốn trung ương"))
    assert [s.key for s in figures.funding_sources] == [
        "ngan_sach_trung_uong", "ngan_sach_dia_phuong", "ngan_sach_nha_nuoc", "xa_hoi_hoa", "oda"]
    assert isinstance(figures.project_approval, SchemePhrases)
    assert "chưa phê duyệt" in figures.project_approval.negations
    assert isinstance(figures.ioc, IocPhrases) and "khai trương" in figures.ioc.operating
    assert figures.project_approval.topic[0] == "đô thị thông minh"
    assert [(a.key, a.period) for a in figures.amounts] == [("support_requested", None),
                                                            ("needs_2022_2025", (2022, 2025))]
    assert [t.key for t in figures.themes] == ["resources", "legal", "human_resources", "infrastructure", "data",
                                               "coordination"]
    assert campaign.consolidated_report == ConsolidatedReport(
        addressee="Thủ tướng Chính phủ", number_suffix="BXD-PTĐT",
        subject="V/v báo cáo tình hình triển khai đô thị thông minh bền vững", due_text="trong tháng 06/2022",
        task="đánh giá sơ kết tình hình triển khai đô thị thông minh tại Việt Nam",
        coordinating_with="Bộ Thông tin và Truyền thông")
    assert campaign.legal_references[0] == LegalReference(
        "Quyết định", "950/QĐ-TTg", date(2018, 8, 1), "Thủ tướng Chính phủ",
        "phê duyệt “Đề án phát triển đô thị thông minh bền vững Việt Nam giai đoạn 2018 – 2025 và định hướng "
        "đến năm 2030”", "Đề án 950")
    assert (campaign.issuer_unit_code, campaign.letter_place) == ("PTDT", "Hà Nội")
    assert campaign.addressee == "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"


def test_a_campaign_without_the_optional_parts_gets_the_letters_defaults():
    campaign = load_campaign(DATA / "campaign-mini.toml")
    assert campaign.legal_references == () and campaign.figures.themes == () and campaign.figures.ioc is None
    assert campaign.consolidated_report.number_suffix == "BXD-PTDT"   # the request's own, after the slash
    assert campaign.consolidated_report.subject == "V/v báo cáo kinh phí và kiến nghị về đô thị thông minh"
    assert campaign.consolidated_report.addressee == "Thủ tướng Chính phủ"
