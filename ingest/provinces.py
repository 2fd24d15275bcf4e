"""Which province sent a message: from the sender's domain, the subject, the body and
the attached document's letterhead, without depending on diacritics, case, accent
placement or the many ways a province's name is written ("TP.HCM", "BR-VT", "Huế")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from baocao.campaign import Province
from baocao.text import address_in_domain, fold

# Stronger evidence first: the document is what the province signed.
SOURCES = ("document", "sender_domain", "subject", "body")


@dataclass(frozen=True)
class Evidence:
    source: str          # one of SOURCES
    province_code: str
    detail: str          # what was matched, as found


@dataclass(frozen=True)
class ProvinceDecision:
    code: str | None
    status: str          # recognised | conflict | unrecognised
    evidence: tuple[Evidence, ...]


def _key(text: str) -> str:
    """Folded, with dashes and dots spaced one way: 'Bà Rịa-Vũng Tàu' = 'ba ria - vung tau'."""
    text = re.sub(r"\s*-\s*", " - ", fold(text))
    text = re.sub(r"\.\s*", ". ", text)
    return re.sub(r"\s+", " ", text).strip()


_PREFIXES = ("uy ban nhan dan tinh", "uy ban nhan dan thanh pho", "ubnd tinh", "ubnd thanh pho", "ubnd tp.",
             "ubnd tp", "tinh", "thanh pho", "tp.", "tp")


class ProvinceIndex:
    """The campaign's provinces, ready to be found in addresses and text."""

    def __init__(self, provinces: Sequence[Province]):
        self.provinces = {p.code: p for p in provinces}
        self._domains = sorted(((d, p.code) for p in provinces for d in p.domains), key=lambda x: -len(x[0]))
        names: dict[str, str] = {}
        for p in provinces:
            for name in (p.name, p.ascii, p.full_name, *p.aliases):
                key = _key(name)
                for prefix in _PREFIXES:  # "TP. Hà Nội" in aliases is also "Hà Nội"
                    if key.startswith(prefix + " "):
                        names.setdefault(key[len(prefix) + 1:].strip(), p.code)
                if key:
                    names.setdefault(key, p.code)
        self._names = names
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._any_name = re.compile(rf"(?<![a-z0-9])({alternatives})(?![a-z0-9])")
        self._official = re.compile(
            rf"(?:uy ban nhan dan|ubnd|so [a-z ,&]{{3,40}}?)\s*(?:tinh|thanh pho|tp\.?)\s*({alternatives})(?![a-z0-9])"
        )
        self._letterhead = re.compile(
            rf"(?:uy ban nhan dan|ubnd)\W{{0,5}}(?:tinh|thanh pho|tp\.?)\s*({alternatives})(?![a-z0-9])"
        )

    def from_address(self, address: str) -> Evidence | None:
        for d, code in self._domains:
            if address_in_domain(address, d):
                return Evidence("sender_domain", code, address.rpartition("@")[2].lower().strip("."))
        return None

    def mentioned(self, text: str) -> list[tuple[str, str]]:
        """Every (code, matched name) in text, in order."""
        return [(self._names[m.group(1)], m.group(1)) for m in self._any_name.finditer(_key(text))]

    def official(self, text: str) -> list[tuple[str, str]]:
        """Names in an issuing-body phrase: 'UBND tỉnh X', 'Sở Xây dựng thành phố X'."""
        return [(self._names[m.group(1)], m.group(0)) for m in self._official.finditer(_key(text))]

    def from_letterhead(self, text: str) -> Evidence | None:
        """'ỦY BAN NHÂN DÂN / TỈNH QUẢNG NINH' at the top of the document."""
        m = self._letterhead.search(_key(text))
        if m:
            return Evidence("document", self._names[m.group(1)], m.group(0))
        found = self.official(text)
        if found:
            return Evidence("document", found[0][0], found[0][1])
        return None


def recognise_province(
    index: ProvinceIndex, sender: str, subject: str, body: str, letterheads: Sequence[str]
) -> ProvinceDecision:
    """Gather the evidence and decide. The document wins a conflict; the conflict is
    recorded so the clerk can check it."""
    evidence: list[Evidence] = []
    for letterhead in letterheads:
        found = index.from_letterhead(letterhead)
        if found:
            evidence.append(found)
    by_domain = index.from_address(sender)
    if by_domain:
        evidence.append(by_domain)
    subject_names = index.official(subject) or index.mentioned(subject)
    if len({code for code, _ in subject_names}) == 1:
        evidence.append(Evidence("subject", *subject_names[0]))
    body_names = index.official(body)
    if len({code for code, _ in body_names}) == 1:
        evidence.append(Evidence("body", *body_names[0]))
    if not evidence:
        return ProvinceDecision(None, "unrecognised", ())
    best = min(evidence, key=lambda e: SOURCES.index(e.source))
    codes = {e.province_code for e in evidence}
    return ProvinceDecision(best.province_code, "conflict" if len(codes) > 1 else "recognised", tuple(evidence))
