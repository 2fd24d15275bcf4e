"""Aggregate tables for the render tests and bench/render.py, built directly (no store):
five provinces with every status, or all 63 with realistic text in every outline item."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pandas as pd

from baocao.campaign import load_campaign

VN = timezone(timedelta(hours=7))
GENERATED = datetime(2022, 6, 20, 9, 0, tzinfo=VN)


def five_provinces():
    """The 1683 campaign cut to five provinces: Hà Nội, Hà Giang, Cao Bằng, Bắc Kạn, Tuyên Quang."""
    full = load_campaign()
    return dataclasses.replace(full, provinces=full.provinces[:5])


def province_row(campaign, code: str, status: str = "missing", **values) -> dict:
    p = campaign.province(code)
    row = {
        "province_code": p.code, "province": p.name, "region": p.region, "status": status,
        "received_at": "", "report_number": "", "report_date": "", "reports": 0, "corrected": False,
        "sections_found": 0, "funding_vnd": None, "source": "", "error": "",
    }
    for s in campaign.sections:
        row[f"section_{s.number}"] = ""
        row[f"section_{s.number}_ref"] = ""
    row.update(values)
    row["sections_found"] = sum(1 for s in campaign.sections if row[f"section_{s.number}"])
    return row


def make_table(campaign, rows: dict[str, dict]) -> pd.DataFrame:
    """One row per campaign province in campaign order; those not in `rows` are missing."""
    records = [rows.get(p.code) or province_row(campaign, p.code) for p in campaign.provinces]
    table = pd.DataFrame(records)
    table["funding_vnd"] = pd.array(list(table["funding_vnd"]), dtype="Int64")
    return table


# Realistic text of each outline section, as provinces write it; {p} is the province.
SECTION_TEXTS = {
    1: ["Trước khi Đề án 950 được ban hành, {p} đã triển khai Chính quyền điện tử, Cổng dịch vụ công và "
        "Hệ thống một cửa điện tử liên thông từ tỉnh đến cấp xã.",
        "Năm 2017, Ủy ban nhân dân đã ban hành Kiến trúc Chính quyền điện tử phiên bản 1.0, làm cơ sở "
        "triển khai các ứng dụng dùng chung và kết nối với Trục liên thông văn bản quốc gia."],
    2: ["{p} đã phê duyệt Đề án đô thị thông minh giai đoạn 2020–2025, định hướng đến năm 2030, tập trung "
        "vào quy hoạch đô thị, giao thông, môi trường và y tế thông minh.",
        "Trung tâm giám sát, điều hành đô thị thông minh (IOC) đã đưa vào vận hành từ năm 2021, kết nối "
        "camera giám sát giao thông, phản ánh hiện trường và dữ liệu dịch vụ công trực tuyến.",
        "Ứng dụng công dân số đã có hơn 120.000 lượt tải, tiếp nhận trung bình 300 phản ánh mỗi tháng."],
    3: ["{p} đã tổ chức 12 hội nghị tuyên truyền về chuyển đổi số và đô thị thông minh cho cán bộ, công chức "
        "cấp tỉnh, huyện, xã; phát hành tài liệu hướng dẫn trên Cổng thông tin điện tử.",
        "Kế hoạch hành động thực hiện Đề án 950 được ban hành kèm theo Quyết định của Ủy ban nhân dân, "
        "phân công nhiệm vụ cụ thể cho các sở, ngành và địa phương."],
    4: ["Tổng kinh phí đã bố trí cho các nội dung đô thị thông minh là {amount} triệu đồng.",
        "Trong đó ngân sách địa phương {local} triệu đồng; xã hội hóa {private} triệu đồng."],
    5: ["Nguồn lực, kinh phí đầu tư còn hạn chế, chủ yếu từ ngân sách địa phương.",
        "Hành lang pháp lý, cơ chế chính sách về đô thị thông minh chưa đồng bộ; thiếu tiêu chuẩn, "
        "quy chuẩn kỹ thuật về chia sẻ dữ liệu giữa các hệ thống.",
        "Nguồn nhân lực công nghệ thông tin tại cấp huyện, xã còn thiếu và yếu."],
    6: ["Đề nghị Bộ Xây dựng sớm ban hành bộ tiêu chí đánh giá đô thị thông minh và hướng dẫn xây dựng "
        "Trung tâm IOC cấp tỉnh.",
        "Đề nghị Chính phủ bố trí nguồn vốn ngân sách trung ương hỗ trợ các địa phương khó khăn triển khai "
        "hạ tầng số, cơ sở dữ liệu đô thị."],
}


def national_table(campaign, *, repeat: int = 1, paragraphs: int | None = None, missing_every: int = 7,
                   late_every: int = 5) -> pd.DataFrame:
    """Every province of `campaign` with six sections of realistic text (the first
    `paragraphs` paragraphs of each, each `repeat` times), funding by source and the
    figures; every `missing_every`-th province has not reported, every `late_every`-th
    reported late."""
    rows = {}
    for i, p in enumerate(campaign.provinces):
        if i % missing_every == missing_every - 1:
            continue
        local, private = 1_000 + 250 * i, 500 * (i % 4)
        values = {}
        for n, texts in SECTION_TEXTS.items():
            text = "\n".join(paragraph.format(p=p.full_name, amount=f"{local + private:,}".replace(",", "."),
                                               local=f"{local:,}".replace(",", "."),
                                               private=f"{private:,}".replace(",", "."))
                             for paragraph in texts[:paragraphs] for _ in range(repeat))
            values[f"section_{n}"] = text
            values[f"section_{n}_ref"] = f"BC-{p.code}.docx, đoạn {10 * n}–{10 * n + 8}"
        status = "late" if i % late_every == late_every - 1 else "on_time"
        rows[p.code] = province_row(
            campaign, p.code, status, reports=1, received_at=f"2022-05-{20 + i % 10:02d}T10:00:00+07:00",
            report_number=f"{100 + i}/BC-UBND" if i % 3 else "", report_date=f"2022-05-{18 + i % 10}" if i % 3 else "",
            source=f"<bc-{p.code}@{p.code}.gov.vn> · BC-{p.code}.docx",
            funding_vnd=(local + private) * 1_000_000, funding_ngan_sach_dia_phuong_vnd=local * 1_000_000,
            funding_xa_hoi_hoa_vnd=private * 1_000_000 or None, scheme_approved=i % 3 != 0,
            ioc_operating=i % 2 == 0, difficulty_themes="resources;legal;human_resources" if i % 2 else "resources",
            proposal_themes="legal;resources;infrastructure" if i % 3 else "legal",
            # every third asks the centre for support, every fourth states its needs; one of those is doubtful
            support_requested_vnd=(50 + 10 * i) * 10**9 if i % 3 == 1 else None,
            support_requested_review=False, support_requested_note="",
            needs_2022_2025_vnd=(200 + 25 * i) * 10**9 if i % 4 == 2 else None,
            needs_2022_2025_review=i == 10, needs_2022_2025_note="nêu cho giai đoạn 2021–2025" if i == 10 else "",
            **values)
    table = make_table(campaign, rows)
    for column in ("funding_ngan_sach_dia_phuong_vnd", "funding_xa_hoi_hoa_vnd", "support_requested_vnd",
                   "needs_2022_2025_vnd"):
        table[column] = pd.array([None if pd.isna(v) else int(v) for v in table[column]], dtype="Int64")
    return table


def sample_table(campaign):
    """Hà Nội on time with sections 2 and 4 and funding; Hà Giang late with funding;
    Cao Bằng an unreadable scan; Bắc Kạn and Tuyên Quang missing."""
    return make_table(campaign, {
        "01": province_row(
            campaign, "01", "on_time", received_at="2022-05-27T14:02:00+07:00", reports=1,
            source="<bc-hanoi@hanoi.gov.vn> · Bao cao DTTM Ha Noi.docx",
            section_2="Thành phố đã phê duyệt Đề án đô thị thông minh năm 2019.\nTrung tâm IOC vận hành từ 2021.",
            section_2_ref="Bao cao DTTM Ha Noi.docx, đoạn 12–30",
            section_4="Tổng kinh phí 125.500 triệu đồng.",
            section_4_ref="Bao cao DTTM Ha Noi.docx, đoạn 31–40",
            funding_vnd=125_500_000_000,
        ),
        "02": province_row(
            campaign, "02", "late", received_at="2022-05-31T09:15:00+07:00", reports=1,
            source="<bc@hagiang.gov.vn> · 123-BC-UBND.pdf",
            section_5="Thiếu nguồn lực.", section_5_ref="123-BC-UBND.pdf, trang 3",
            funding_vnd=2_000_000_000,
        ),
        "04": province_row(
            campaign, "04", "unreadable", received_at="2022-05-28T08:00:00+07:00", reports=1,
            source="<scan@caobang.gov.vn> · scan.pdf",
            error="PDF là bản quét không có lớp chữ: chạy OCR hoặc xin bản .docx",
        ),
    })


ERRORS = [{
    "at": "2022-05-28T08:05:00+07:00", "stage": "parse", "message_id": "<scan@caobang.gov.vn>",
    "sender": "sxd@caobang.gov.vn", "subject": "Báo cáo ĐTTM", "file": "scan.pdf",
    "what": "PDF không có lớp chữ", "action": "Xin tỉnh gửi lại bản .docx",
}]
