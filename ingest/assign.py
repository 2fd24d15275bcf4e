"""The clerk's decision of which province sent a message (`baocao assign`): recorded,
kept through every later run, and the message analysed again at once so that the
table and the recorded problems follow it."""

from __future__ import annotations

from dataclasses import dataclass

from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.ingest.pipeline import analyse_message
from baocao.ingest.provinces import ProvinceIndex
from baocao.store import Store


class AssignError(ValueError):
    """The clerk named no known province, or no single stored message."""


@dataclass(frozen=True)
class AssignResult:
    message_sha256: str
    province_code: str
    province_name: str
    kind: str           # what the message is, analysed again


def province_named(campaign: Campaign, province: str) -> str:
    """The code of the province given by its code ("22") or its name ("Quảng Ninh")."""
    index = ProvinceIndex(campaign.provinces)
    if province in index.provinces:
        return province
    code = next((code for code, _ in index.mentioned(province)), None)
    if code is None:
        raise AssignError(N_("no province {province} in campaign {campaign}: give its code (01…96) or its name")
                          .format(province=repr(province), campaign=campaign.id))
    return code


def assign_message(store: Store, campaign: Campaign, message: str, province: str) -> AssignResult:
    """Assign the message (the start of its hash, or its Message-ID) to the province (a
    code or a name) and analyse it again. The caller holds the store's lock."""
    code = province_named(campaign, province)
    found = store.find_messages(message)
    if len(found) != 1:
        raise AssignError(f"{'no' if not found else len(found)} stored message(s) match {message!r}: "
                          "give more characters of the hash shown by `baocao errors`")
    sha, = found
    store.assign(sha, code)
    kind = analyse_message(store, sha, campaign)
    return AssignResult(sha, code, campaign.province(code).name, kind)
