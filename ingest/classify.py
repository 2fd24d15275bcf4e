"""What a message is: a report for this campaign, a report for another request, the
ministry's own mail, or one of the messages every collection mailbox also receives
(auto-replies, bounces, newsletters, spam), which are stored but never counted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.ingest.mime import MailMessage
from baocao.text import address_in_domain, fold

_AUTO_REPLY_SUBJECTS = (
    "thu tra loi tu dong", "tra loi tu dong", "automatic reply", "auto reply", "autoreply",
    "auto-reply", "out of office", "vang mat",
)
_BOUNCE_SUBJECTS = ("undelivered mail", "delivery status notification", "mail delivery failed",
                    "returned mail", "undeliverable")
_LETTER = re.compile(r"(?<![0-9])(\d{1,6})\s*/\s*([a-z]{1,10})\s*-\s*([a-z]{1,10})")


@dataclass(frozen=True)
class LetterRef:
    number: str
    issuer: str   # "bxd"
    unit: str     # "ptdt"

    def __str__(self) -> str:
        return f"{self.number}/{self.issuer.upper()}-{self.unit.upper()}"


def cited_letters(text: str) -> list[LetterRef]:
    """Letter numbers cited in text, whatever the spacing and dashes: '1683 /BXD - PTĐT'."""
    return [LetterRef(*m.groups()) for m in _LETTER.finditer(fold(text))]


def campaign_letter(campaign: Campaign) -> LetterRef:
    refs = cited_letters(campaign.letter_number)
    if not refs:
        raise ValueError(N_("campaign letter number {number} is not of the form 1683/BXD-PTDT: correct letter_number "
                            "in the campaign file").format(number=repr(campaign.letter_number)))
    return refs[0]


def campaign_match(texts: list[str], campaign: Campaign) -> str:
    """'cited' when any text cites the campaign's letter; 'other_request' when it cites
    only other letters of the same issuer (1702/BXD-HTKT); 'unassigned' otherwise."""
    ours = campaign_letter(campaign)
    refs = [r for t in texts for r in cited_letters(t)]
    if any(r.number == ours.number and r.issuer == ours.issuer for r in refs):
        return "cited"
    if any(r.issuer == ours.issuer for r in refs):
        return "other_request"
    return "unassigned"


def non_report_kind(message: MailMessage) -> str | None:
    """auto_reply, delivery_failure, newsletter or spam; None for a message that may be a report."""
    h = {k: v.lower() for k, v in message.headers.items()}
    subject = fold(message.subject)
    if h.get("auto-submitted", "no").strip() not in ("", "no") or "x-autoreply" in h or "x-autorespond" in h:
        return "auto_reply"
    if subject.startswith(_AUTO_REPLY_SUBJECTS):
        return "auto_reply"
    if "report-type=delivery-status" in h.get("content-type", "").replace(" ", "") or message.sender.startswith(
        ("mailer-daemon@", "postmaster@")
    ) or subject.startswith(_BOUNCE_SUBJECTS):
        return "delivery_failure"
    if h.get("x-spam-flag", "").strip() == "yes" or h.get("x-spam-status", "").startswith("yes"):
        return "spam"
    if "list-unsubscribe" in h or "list-id" in h or h.get("precedence", "").strip() in ("bulk", "list", "junk"):
        return "newsletter"
    return None


def from_ministry(address: str, campaign: Campaign) -> bool:
    """Mail written at the ministry itself (its domain or a subdomain): in a reply-all
    thread it sends the blank outline back, which is no province's report."""
    return any(address_in_domain(address, d) for d in campaign.ministry_domains)
