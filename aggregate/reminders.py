"""Reminder drafts for the provinces that have not reported: one .eml each, not sent.
The clerk opens them in a mail client, checks the addressee and sends.

The addressee is the address the province last wrote from, when the store holds any
mail of it (another request's report, a question); otherwise a guess at the People's
Committee's registry mailbox, which the clerk must check."""

from __future__ import annotations

import email.policy
import email.utils
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pandas as pd

from baocao.aggregate.schema import Status
from baocao.campaign import Campaign
from baocao.store import Store

# The registry (văn thư) mailbox of the provincial People's Committee; a guess the clerk
# checks, since the province table knows only the domain.
REGISTRY_MAILBOX = "vanthu"
# Mail that says nothing of who to write to.
_NOT_A_CORRESPONDENT = ("ministry", "auto_reply", "delivery_failure", "newsletter", "spam")


def addresses_seen(store: Store, campaign_id: str | None = None) -> dict[str, list[str]]:
    """Province code -> the addresses it wrote from, most recent first (at most two); with a
    campaign, by the codes of its province table, whichever request the mail answered."""
    seen: dict[str, list[str]] = {}
    for code, sender in store.sender_addresses(excluding_kinds=_NOT_A_CORRESPONDENT, campaign_id=campaign_id):
        addresses = seen.setdefault(code, [])
        if sender not in addresses and len(addresses) < 2:
            addresses.append(sender)
    return seen


def reminder(province, campaign: Campaign, now: datetime, addresses: list[str] = ()) -> EmailMessage:
    d = campaign.letter_date
    letter_date = f"{d.day}/{d.month}/{d.year}"
    unit = province.full_name[0].lower() + province.full_name[1:]   # "tỉnh Hà Giang", "thành phố Hà Nội"
    cited_subject = (campaign.subject[0].lower() + campaign.subject[1:] if campaign.subject.startswith("V/v")
                     else campaign.subject)
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = f"{campaign.issuer_unit}, {campaign.issuer_body} <{campaign.mailbox}>"
    m["To"] = (", ".join(addresses) if addresses
               else f"Ủy ban nhân dân {unit} <{REGISTRY_MAILBOX}@{province.gov_domain}>")
    m["Subject"] = f"Đôn đốc báo cáo theo văn bản số {campaign.letter_number} ngày {letter_date}"
    m["Date"] = email.utils.format_datetime(now)
    m["X-Unsent"] = "1"  # opened as a draft by Outlook and Thunderbird
    m.set_content(
        f"Kính gửi: Ủy ban nhân dân {unit}\n\n"
        f"Ngày {letter_date}, {campaign.issuer_body} đã có văn bản số {campaign.letter_number} "
        f"{cited_subject}, "
        f"đề nghị Ủy ban nhân dân các tỉnh, thành phố báo cáo theo đề cương gửi kèm, "
        f"gửi về {campaign.issuer_body} {campaign.deadline_text}.\n\n"
        f"Đến nay, {campaign.issuer_body} chưa nhận được báo cáo của Ủy ban nhân dân {unit}. "
        f"Đề nghị Quý Ủy ban chỉ đạo các cơ quan liên quan hoàn thành và gửi báo cáo sớm, "
        f"bản mềm gửi về địa chỉ {campaign.mailbox}.\n\n"
        f"Trân trọng cảm ơn./.\n\n{campaign.issuer_unit}, {campaign.issuer_body}\n"
    )
    return m


def write_reminders(table: pd.DataFrame, campaign: Campaign, folder: Path, now: datetime,
                    addresses: dict[str, list[str]] | None = None) -> tuple[list[Path], list[str]]:
    """The drafts written, and the codes of the provinces whose addressee is a guess."""
    folder.mkdir(parents=True, exist_ok=True)
    addresses = addresses or {}
    written, guessed = [], []
    for code in table.loc[table["status"] == Status.MISSING, "province_code"]:
        province = campaign.province(code)
        path = folder / f"{code}-{province.ascii.lower().replace(' ', '-')}.eml"
        path.write_bytes(reminder(province, campaign, now, addresses.get(code, [])).as_bytes())
        written.append(path)
        if not addresses.get(code):
            guessed.append(code)
    return written, guessed
