"""A mailbox of the 63 provinces' replies to letter 1683/BXD-PTDT, as .eml files with a Word
report each, for the tests that go from a store to the letter (`baocao ingest`, then
`baocao render`). Every eighth province sends nothing, every sixth is late; the reports
say what provinces say in prose: funding spent with its sources, needs for 2022–2025 and
support asked of the centre (one for another period, to be checked), the province's scheme
approved by a decision or still being drafted, Hồ Chí Minh City's in its own words.

The .docx and .eml are made by fixtures/make_mailbox.py (loaded from the checkout: the
fixtures are not an installed package); `Expected` says what a right reading gives."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HCM = "79"
HCM_DECISION = "6179/QĐ-UBND"
DOUBTFUL_NEEDS = "nêu cho giai đoạn 2021–2025"


def _make_mailbox():
    spec = importlib.util.spec_from_file_location("make_mailbox_for_tests", ROOT / "fixtures" / "make_mailbox.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@dataclass
class Expected:
    """What a right reading of the mailbox gives, in đồng."""
    reported: list[str] = field(default_factory=list)       # province codes
    late: list[str] = field(default_factory=list)
    funding_vnd: dict[str, int] = field(default_factory=dict)
    support_vnd: dict[str, int] = field(default_factory=dict)
    needs_vnd: dict[str, int] = field(default_factory=dict)  # sure ones
    needs_doubtful: dict[str, int] = field(default_factory=dict)
    schemes: dict[str, str] = field(default_factory=dict)   # code -> decision approving it
    drafting: list[str] = field(default_factory=list)       # schemes not approved yet


def _sections(m, code: str, i: int, expected: Expected) -> dict[int, dict]:
    where, ubnd, _ = m.place(code)
    Where = where[:1].upper() + where[1:]
    spent, local = 20 + 3 * i, 12 + 2 * i          # tỷ đồng; xã hội hóa makes up the rest
    expected.funding_vnd[code] = spent * 10**9
    funding = [f"Tổng kinh phí thực hiện các nội dung đô thị thông minh giai đoạn 2018 – 2022 là {spent} tỷ đồng, "
               f"trong đó ngân sách địa phương {local} tỷ đồng, xã hội hóa {spent - local} tỷ đồng."]
    proposals = [f"Đề nghị Bộ Xây dựng sớm ban hành bộ tiêu chí đánh giá đô thị thông minh để {where} áp dụng.",
                 "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn cơ chế thuê dịch vụ công nghệ thông tin cho Trung tâm "
                 "giám sát, điều hành đô thị thông minh."]
    if i % 3 == 0:    # needs, with the support asked of the centre, stated first: not money spent
        needs, support = 400 + 10 * i, 100 + 5 * i
        funding.insert(0, f"Tổng nhu cầu kinh phí giai đoạn 2022 – 2025 khoảng {needs} tỷ đồng, trong đó đề nghị "
                          f"ngân sách Trung ương hỗ trợ {support} tỷ đồng.")
        expected.needs_vnd[code], expected.support_vnd[code] = needs * 10**9, support * 10**9
    elif i % 3 == 1:  # support asked in the proposals
        support = 50 + 2 * i
        proposals.append(f"Đề nghị Trung ương hỗ trợ khoảng {support} tỷ đồng để đầu tư hạ tầng số và cơ sở dữ liệu "
                         f"đô thị của {where}.")
        expected.support_vnd[code] = support * 10**9
    if i == 11:       # needs stated for another period: to be checked, not summed
        funding.append("Nhu cầu vốn giai đoạn 2021 – 2025 khoảng 300 tỷ đồng.")
        expected.needs_doubtful[code] = 300 * 10**9
    if code == HCM:
        scheme = ("Đề án xây dựng Thành phố Hồ Chí Minh trở thành đô thị thông minh giai đoạn 2017 – 2020, tầm nhìn "
                  f"2025 được phê duyệt tại Quyết định số {HCM_DECISION} ngày 23/11/2017 của UBND Thành phố.")
        expected.schemes[code] = HCM_DECISION
    elif i % 4 == 0:
        decision = f"{1000 + i}/QĐ-UBND"
        scheme = (f"{ubnd} đã phê duyệt Đề án xây dựng đô thị thông minh {where} giai đoạn 2020 – 2025, định hướng "
                  f"đến năm 2030 tại Quyết định số {decision} ngày {1 + i % 27}/{1 + i % 12}/2020.")
        expected.schemes[code] = decision
    elif i % 4 == 1:
        scheme = f"{Where} đang xây dựng Đề án đô thị thông minh, dự kiến trình phê duyệt trong quý IV/2022."
        expected.drafting.append(code)
    else:
        scheme = f"{ubnd} đã ban hành Kế hoạch số {200 + i}/KH-UBND về triển khai Đề án 950 trên địa bàn."
    s = m.s
    return {
        1: s(f"Trước khi Đề án 950 được ban hành, {where} đã triển khai Chính quyền điện tử, Cổng dịch vụ công và Hệ "
             "thống một cửa điện tử liên thông từ tỉnh đến cấp xã."),
        2: s(scheme, f"Trung tâm giám sát, điều hành đô thị thông minh của {where} đã đi vào vận hành từ tháng "
                     f"{1 + i % 12}/2021, kết nối {100 + i} camera giao thông." if i % 2 else
             f"{Where} chưa có Trung tâm giám sát, điều hành đô thị thông minh."),
        3: s(f"{ubnd} đã tổ chức {5 + i % 7} hội nghị tuyên truyền về chuyển đổi số và đô thị thông minh cho cán bộ "
             "cấp tỉnh, huyện, xã."),
        4: s(*funding),
        5: s("Nguồn lực, kinh phí đầu tư còn hạn chế, chủ yếu từ ngân sách địa phương.",
             "Hành lang pháp lý, cơ chế chính sách về đô thị thông minh chưa đồng bộ; thiếu tiêu chuẩn về chia sẻ dữ "
             "liệu giữa các hệ thống.",
             "Nguồn nhân lực công nghệ thông tin tại cấp huyện, xã còn thiếu và yếu."),
        6: s(*proposals),
    }


def write_national_mailbox(folder: Path, *, missing_every: int = 8, late_every: int = 6) -> Expected:
    """The .eml files in `folder`; returns what a right reading of them gives."""
    m = _make_mailbox()
    folder.mkdir(parents=True, exist_ok=True)
    expected = Expected()
    deadline = m.CAMPAIGN.deadline
    for i, p in enumerate(m.CAMPAIGN.provinces):
        if i % missing_every == missing_every - 1:
            continue
        late = i % late_every == late_every - 1
        received = (deadline + timedelta(days=1 + i % 4, hours=3) if late
                    else deadline - timedelta(days=1 + i % 9, hours=5)).astimezone(m.VN)
        number, day = f"{100 + i}/BC-UBND", received - timedelta(days=1)
        slug = f"p{p.code}"
        report = m.Report(
            file=f"{i + 10:02d}-{slug}.eml", code=p.code, received=received,
            sender=f"Văn thư <vanthu@{slug}.gov.vn>",
            subject="V/v báo cáo tình hình triển khai Đề án đô thị thông minh (VB số 1683/BXD-PTDT)",
            body=(f"Kính gửi: Cục Phát triển đô thị - Bộ Xây dựng\n\nXin gửi kèm theo đây Báo cáo số {number} của "
                  f"{m.place(p.code)[1]}.\n\nTrân trọng./.\n"),
            doc_number=number, doc_date=f"{day.day}/{day.month}/{day.year}",
            heading_style=("heading1", "roman", "arabic", "unnumbered")[i % 4],
            sections={}, funding_vnd=None, signer="Nguyễn Văn An", attachment_name=f"BC-{slug}.docx")
        report.sections = _sections(m, p.code, i, expected)
        (folder / report.file).write_bytes(m.make_report_eml(report, m.make_docx(report)))
        expected.reported.append(p.code)
        if late:
            expected.late.append(p.code)
    return expected
