"""A mailbox answering two requests at once (issue 19): replies to 1683/BXD-PTDT (smart
cities, 63 provinces, six items) and to 1702/BXD-HTKT (urban green space, the 34 provinces
of 2025, five items), a thread mixing them, and a report citing both letters.
Run as a script to write the mailbox into a folder: python tests/two_campaigns.py OUT."""

from __future__ import annotations

import email.policy
import sys
from email.message import EmailMessage
from pathlib import Path

import docx
from docx_builders import build_report, letterhead_of

GREEN_ITEMS = (
    ("Hiện trạng diện tích cây xanh sử dụng công cộng trong đô thị",
     "Diện tích cây xanh sử dụng công cộng đạt 6,2 m2/người tại các đô thị loại I."),
    ("Công viên, vườn hoa đã đầu tư xây dựng", "Đã xây dựng 14 công viên và 32 vườn hoa."),
    ("Công tác quản lý, duy trì, chăm sóc cây xanh", "Giao Công ty Môi trường đô thị duy trì, chăm sóc."),
    ("Kinh phí trồng mới và duy trì cây xanh", "Kinh phí duy trì năm 2024 là 45 tỷ đồng."),
    ("Kiến nghị, đề xuất", "Đề nghị Bộ Xây dựng ban hành định mức duy trì cây xanh."),
)


def green_report(path: Path, province: str, cites: str = "1702/BXD-HTKT") -> Path:
    """A province's reply on urban green space: its own letterhead and five headings."""
    document = docx.Document()
    document.add_paragraph(f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}")
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph().add_run("Tình hình phát triển cây xanh đô thị").bold = True
    document.add_paragraph(f"Thực hiện văn bản số {cites} của Bộ Xây dựng, UBND tỉnh báo cáo như sau:" if cites
                           else "UBND tỉnh báo cáo như sau:")
    for roman, (heading, text) in zip(("I", "II", "III", "IV", "V"), GREEN_ITEMS, strict=True):
        document.add_paragraph().add_run(f"{roman}. {heading.upper()}").bold = True
        document.add_paragraph(text)
    document.add_paragraph("Nơi nhận: Bộ Xây dựng.")
    document.save(path)
    return path


def mail(sender: str, subject: str, date: str, message_id: str, files: list[Path], body: str = "",
         in_reply_to: str | None = None) -> bytes:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"], m["To"], m["Subject"] = sender, "baocao.uda@moc.gov.vn", subject
    m["Date"], m["Message-ID"] = date, message_id
    if in_reply_to:
        m["In-Reply-To"] = m["References"] = in_reply_to
    m.set_content(body or "Kính gửi Bộ Xây dựng, xin gửi kèm báo cáo.")
    for f in files:
        m.add_attachment(f.read_bytes(), maintype="application", subtype="octet-stream", filename=f.name)
    return m.as_bytes()


def build_mailbox(out: Path) -> Path:
    """The mailbox as a folder of .eml files; the documents are made beside it."""
    out.mkdir(parents=True, exist_ok=True)
    made = out.parent / f"{out.name}-tai-lieu"
    made.mkdir(exist_ok=True)
    smart = {p: build_report(made / f"dtm-{code}.docx", letterhead=letterhead_of(p))
             for p, code in (("Quảng Ninh", "22"), ("Hà Nội", "01"), ("Đà Nẵng", "48"))}
    green = {p: green_report(made / f"cx-{code}.docx", p) for p, code in (("Thanh Hóa", "38"), ("Hà Nội", "01"))}
    both = green_report(made / "cx-48.docx", "Đà Nẵng", cites="")
    messages = {
        # A reply to 1683 alone.
        "01-quang-ninh.eml": mail("sxd@quangninh.gov.vn", "Báo cáo theo văn bản số 1683/BXD-PTDT",
                                  "Fri, 27 May 2022 09:00:00 +0700", "<qn-1683@quangninh.gov.vn>",
                                  [smart["Quảng Ninh"]]),
        # A reply to 1702 alone.
        "02-thanh-hoa.eml": mail("sxd@thanhhoa.gov.vn", "Báo cáo cây xanh đô thị theo văn bản 1702/BXD-HTKT",
                                 "Wed, 10 Sep 2025 10:00:00 +0700", "<th-1702@thanhhoa.gov.vn>",
                                 [green["Thanh Hóa"]]),
        # One thread answering both: first 1683, then 1702 in a reply to it.
        "03-ha-noi.eml": mail("sxd@hanoi.gov.vn", "Báo cáo đô thị thông minh (văn bản 1683/BXD-PTDT)",
                              "Sat, 28 May 2022 08:00:00 +0700", "<hn-1@hanoi.gov.vn>", [smart["Hà Nội"]]),
        "04-ha-noi-re.eml": mail("sxd@hanoi.gov.vn", "Re: Báo cáo đô thị thông minh",
                                 "Mon, 15 Sep 2025 08:00:00 +0700", "<hn-2@hanoi.gov.vn>", [green["Hà Nội"]],
                                 body="Tiếp theo, xin gửi báo cáo theo văn bản 1702/BXD-HTKT.",
                                 in_reply_to="<hn-1@hanoi.gov.vn>"),
        # One message citing both letters, a report for each.
        "05-da-nang.eml": mail("sxd@danang.gov.vn", "Báo cáo theo các văn bản 1683/BXD-PTDT và 1702/BXD-HTKT",
                               "Thu, 26 May 2022 15:00:00 +0700", "<dn-both@danang.gov.vn>", [smart["Đà Nẵng"], both]),
    }
    for name, raw in messages.items():
        (out / name).write_bytes(raw)
    return out


if __name__ == "__main__":
    print(build_mailbox(Path(sys.argv[1])))
