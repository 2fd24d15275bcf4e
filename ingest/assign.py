"""A person's decision about a message: which province sent it, or that it is no report.
Written as a [[message]] entry of corrections.toml with who and when (record_decision), by
the review desk's "Gán" and "Không phải báo cáo" and by `baocao assign` alike, so that
aggregate applies them one way. `baocao assign` also keeps the province in the catalogue,
through every later run, and analyses the message again at once so that the recorded
problems follow it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from baocao.aggregate.corrections import Corrections, append_message_correction, load_corrections
from baocao.campaign import Campaign
from baocao.i18n import N_, ngettext
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


def message_named(store: Store, message: str) -> str:
    """The hash of the one stored message given by the start of its hash or its Message-ID."""
    found = store.find_messages(message)
    if not found:
        raise AssignError(N_("no stored message matches {message}: give the start of a hash shown by "
                             "`baocao errors`, or a Message-ID").format(message=repr(message)))
    if len(found) > 1:
        raise AssignError(ngettext("{count} stored message matches {message}: give more characters of the hash "
                                   "shown by `baocao errors`",
                                   "{count} stored messages match {message}: give more characters of the hash "
                                   "shown by `baocao errors`", len(found)).format(count=len(found),
                                                                                  message=repr(message)))
    return found[0]


def record_decision(store_root: Path, campaign: Campaign, sha: str, province_code: str = "", *, by: str,
                    not_report: bool = False) -> Corrections:
    """The message `sha` is from the province, or, with not_report, no report at all: a
    [[message]] entry with who decided and now, in the campaign's time zone."""
    load_corrections(store_root, campaign)   # a damaged file is said (CorrectionsError) before anything is written
    return append_message_correction(store_root, campaign, sha, province_code, by=by, at=datetime.now(campaign.tz),
                                     not_report=not_report)


def assign_message(store: Store, campaign: Campaign, message: str, province: str, *, by: str) -> AssignResult:
    """Assign the message (the start of its hash, or its Message-ID) to the province (a
    code or a name), recorded as the desk records it, and analyse it again. The caller
    holds the store's lock."""
    code = province_named(campaign, province)
    sha = message_named(store, message)
    record_decision(store.root, campaign, sha, code, by=by)   # first: a damaged corrections.toml changes nothing
    store.assign(sha, campaign.id, code)   # this campaign's: another's table numbers provinces its own way
    kind = analyse_message(store, sha, campaign)
    return AssignResult(sha, code, campaign.province(code).name, kind)


def set_aside(store: Store, campaign: Campaign, message: str, *, by: str) -> str:
    """Record that the message is no report, as the desk records it (aggregate leaves it
    out); its hash."""
    sha = message_named(store, message)
    record_decision(store.root, campaign, sha, by=by, not_report=True)
    return sha
