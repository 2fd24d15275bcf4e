"""The figures the consolidated report needs, read from what the provinces wrote: funding
by source, whether the province approved its own smart-city scheme and when, whether an
IOC operates, and the themes of its difficulties and proposals. The phrases come from
the campaign file ([figures]); this module only knows how to look for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from baocao.aggregate.amounts import amounts_in, declared_unit
from baocao.campaign import FundingSource, IocPhrases, SchemePhrases, Theme
from baocao.text import fold

_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n+")
_DATE_NUMERIC = re.compile(r"ngay\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_DECISION = re.compile(r"Quyết định(?: số)?\s+(\d+[a-zA-Z]?\s*/\s*[\w-]+)", re.IGNORECASE)
_TOTAL = re.compile(r"(?<![a-z])tong(?![a-z])")


@dataclass(frozen=True)
class SchemeApproval:
    approved: bool | None      # None: the report does not say
    on: str = ""               # "26/12/2019"
    decision: str = ""         # the decision's number as written, "3056/QĐ-UBND"
    evidence: str = ""         # the sentence, as written


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _has(folded: str, phrases) -> str | None:
    for phrase in phrases:
        key = fold(phrase)
        if re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", folded):
            return phrase
    return None


def funding_by_source(text: str, sources: Sequence[FundingSource]) -> dict[str, int]:
    """Amounts of each sentence that names a source, added up per source; sentences that
    state a total are left out (they would count the parts twice)."""
    found: dict[str, int] = {}
    unit = declared_unit(text)
    for sentence in sentences(text):
        folded = fold(sentence)
        if _TOTAL.search(folded):
            continue
        amounts = amounts_in(sentence, unit)
        if not amounts:
            continue
        source = next((s.key for s in sources if _has(folded, s.phrases)), None)
        if source is not None:
            found[source] = found.get(source, 0) + sum(a.vnd for a in amounts)
    return found


def scheme_approval(text: str, config: SchemePhrases) -> SchemeApproval:
    """The first sentence naming the province's scheme decides: approved (with the date
    and decision when written), not approved (a negation), or not said."""
    for sentence in sentences(text):
        folded = fold(sentence)
        if not _has(folded, config.phrases):
            continue
        if _has(folded, config.negations):
            return SchemeApproval(False, evidence=sentence)
        decision = _DECISION.search(sentence)
        if "phe duyet" in folded or "ban hanh" in folded or decision:
            date = _DATE_NUMERIC.search(folded) or _DATE_WORDS.search(folded)
            on = f"{int(date[1]):02d}/{int(date[2]):02d}/{date[3]}" if date else ""
            return SchemeApproval(True, on, decision[1].replace(" ", "") if decision else "", sentence)
    return SchemeApproval(None)


def ioc_operating(text: str, config: IocPhrases) -> bool | None:
    """True when a sentence says the IOC operates, False when one says there is none yet."""
    verdict = None
    for sentence in sentences(text):
        folded = fold(sentence)
        if not _has(folded, config.phrases):
            continue
        if _has(folded, config.negations):
            verdict = False if verdict is None else verdict
        elif _has(folded, config.operating):
            return True
    return verdict


def themes_in(text: str, themes: Sequence[Theme]) -> tuple[str, ...]:
    """Keys of the themes whose phrases the text uses, in the campaign's order."""
    folded = fold(text)
    return tuple(t.key for t in themes if _has(folded, t.phrases))
