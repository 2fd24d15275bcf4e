"""Which province sent a message, from every kind of evidence."""

import pytest

from baocao.campaign import load_campaign
from baocao.ingest.provinces import ProvinceIndex, recognise_province

INDEX = ProvinceIndex(load_campaign().provinces)


@pytest.mark.parametrize("address, code", [
    ("vanthu@quangninh.gov.vn", "22"),
    ("sxd@sxd.hanoi.gov.vn", "01"),          # a department's subdomain
    ("stttt@tphcm.gov.vn", "79"),            # Ho Chi Minh City's agencies' domain
    ("SXD@ThuaThienHue.gov.vn", "46"),
])
def test_sender_domain_and_its_subdomains_name_the_province(address, code):
    assert INDEX.from_address(address).province_code == code


@pytest.mark.parametrize("address", ["someone@gmail.com", "x@nothanoi.gov.vn", "x@hanoi.gov.vn.evil.example"])
def test_other_domains_name_no_province(address):
    assert INDEX.from_address(address) is None


@pytest.mark.parametrize("written, code", [
    ("Thanh Hoá", "38"), ("THANH HÓA", "38"), ("thanh hoa", "38"),
    ("TP.HCM", "79"), ("TP. Hồ Chí Minh", "79"), ("Huế", "46"), ("BR-VT", "77"),
    ("Bà Rịa-Vũng Tàu", "77"), ("Đắc Lắc", "66"), ("Kontum", "62"), ("Bắc Cạn", "06"),
    # decomposed (NFD) input, as macOS writes it
    ("Ha\u0300 No\u0323\u0302i", "01"),
])
def test_names_match_without_diacritics_case_accent_placement_or_alias(written, code):
    assert [c for c, _ in INDEX.mentioned(f"Báo cáo của {written} năm 2022")] == [code]


@pytest.mark.parametrize("letterhead, code", [
    ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 123/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "22"),
    ("UBND THÀNH PHỐ HỒ CHÍ MINH", "79"),
    ("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "38"),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA – VŨNG TÀU", "77"),
])
def test_document_letterhead_names_the_province(letterhead, code):
    assert INDEX.from_letterhead(letterhead).province_code == code


def test_private_address_is_resolved_from_the_document():
    decision = recognise_province(INDEX, "nguyenvana@gmail.com", "Gửi báo cáo", "Kính gửi Bộ Xây dựng",
                                  ["ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH"])
    assert (decision.code, decision.status) == ("37", "recognised")


def test_document_wins_a_conflict_and_the_conflict_is_recorded():
    decision = recognise_province(INDEX, "sxd@hanoi.gov.vn", "Báo cáo", "", ["ỦY BAN NHÂN DÂN TỈNH HÀ NAM"])
    assert decision.code == "35"
    assert decision.status == "conflict"
    assert {e.source for e in decision.evidence} == {"document", "sender_domain"}


def test_subject_names_the_province_when_nothing_else_does():
    decision = recognise_province(INDEX, "a@yahoo.com", "UBND tỉnh Thanh Hoá báo cáo đô thị thông minh", "", [])
    assert decision.code == "38"


def test_body_mentioning_the_ministry_in_hanoi_names_no_province():
    decision = recognise_province(INDEX, "a@yahoo.com", "Báo cáo", "Kính gửi Bộ Xây dựng, 37 Lê Đại Hành, Hà Nội", [])
    assert decision.code is None and decision.status == "unrecognised"
