"""The campaigns a store answers (issue 19): one mailbox receives the replies to several
request letters, so the store records each campaign it is asked to analyse, keeps its
file as an object (a later edit is a new version, never a silent change), and every
command names the campaign it reads by its letter number or its file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence
from zoneinfo import ZoneInfo

from baocao.campaign import (
    BUNDLED_CAMPAIGN,
    Campaign,
    CampaignError,
    bundled_path,
    campaign_from_bytes,
    load_campaign,
    read_campaign_files,
)
from baocao.i18n import N_, moment_text
from baocao.store import Store, sha256_hex
from baocao.store.records import CampaignVersion, RecordedCampaign
from baocao.text import fold


class CampaignChoiceError(CampaignError):
    """The store answers several campaigns and the command was not told which one."""

    def __init__(self, store: Path, recorded: Sequence[RecordedCampaign]):
        listing = "\n".join("  " + (N_("{id}  {title} (deadline {deadline}, closed)") if c.closed_at else
                                     N_("{id}  {title} (deadline {deadline})")).format(
                                         id=c.id, title=c.title, deadline=moment_text(c.deadline, ZoneInfo(c.timezone)))
                             for c in recorded)   # the deadline as people read it, in the campaign's zone
        super().__init__(N_("the store {store} holds {count} campaigns; say which one with --campaign LETTER (or a "
                            "campaign file):\n{listing}").format(store=store, count=len(recorded), listing=listing))
        self.recorded = tuple(recorded)


def record_campaign(store: Store, path: Path | str | None) -> tuple[Campaign, CampaignVersion]:
    """Record a campaign file and the province table it names in the store (None: the
    bundled 1683/BXD-PTDT); a file or a table unlike the campaign's latest recorded ones
    makes its next version. Both are checked first: a malformed one is never recorded."""
    path = Path(path) if path is not None else bundled_path(BUNDLED_CAMPAIGN)
    files = read_campaign_files(path)
    campaign = campaign_from_bytes(files.campaign, path, files.province_table)
    version = store.record_campaign_file(campaign.id, campaign.title, campaign.deadline.isoformat(),
                                         campaign.timezone or str(campaign.tz), store.put_object(files.campaign),
                                         str(path.resolve()), store.put_object(files.province_table))
    return campaign, version


def recorded_campaigns(store: Store, record: bool = True) -> list[RecordedCampaign]:
    """The campaigns the store answers. A store made before campaigns were recorded gets
    its one campaign recorded here, on first open: the bundled campaign when its messages
    were attributed to it (or none were analysed yet). `record` False: a store opened
    read-only (verify) is only read; such a store reads as recording none."""
    recorded = store.recorded_campaigns()
    if recorded or not record:
        return recorded
    bundled = load_campaign(None)
    if store.campaign_ids_of_messages() == [bundled.id]:
        record_campaign(store, None)
        return store.recorded_campaigns()
    return []


def load_recorded(store: Store, recorded: RecordedCampaign) -> Campaign:
    """A recorded campaign as its latest version says, read from the store's own copies of
    its file and its province table, so an edit of either beside the path it was given as
    changes nothing until recorded again. A version recorded before tables were kept reads
    its table beside that path (or the bundled one of that name)."""
    latest = recorded.latest
    where = Path(latest.source) if latest.source else bundled_path(BUNDLED_CAMPAIGN)
    table = store.read_object(latest.table_sha256) if latest.table_sha256 else None
    return campaign_from_bytes(store.read_object(latest.file_sha256), where, table)


def open_campaigns(store: Store) -> list[Campaign]:
    """Every open campaign: what an ingest or a parse analyses each message against."""
    return [load_recorded(store, c) for c in recorded_campaigns(store) if c.closed_at is None]


def analysed_campaigns(store: Store, given: Sequence[Campaign] = ()) -> list[Campaign]:
    """What an ingest, a parse or each run of a watch analyses messages against: the
    campaigns given (first: what the command was asked about), then every other open one
    the store records, each as last recorded; one closed meanwhile is left out. A given
    campaign the store does not record is taken as given."""
    recorded = {r.id: r for r in recorded_campaigns(store)}
    given_by_id = {c.id: c for c in given}
    return [load_recorded(store, recorded[i]) if i in recorded else given_by_id[i]
            for i in dict.fromkeys([*given_by_id, *recorded]) if i not in recorded or recorded[i].closed_at is None]


def resolve_campaign(store: Store, named: str | Path | None, *, record: bool = True) -> Campaign:
    """The campaign a reading command is about. `named`: a recorded campaign's letter number
    ("1683/BXD-PTDT", written with or without diacritics and in any case) or a campaign
    file; None: the store's only campaign (the bundled one for a store with none recorded).
    Several and none named is a CampaignChoiceError, which lists them. `record` False: the
    store is opened read-only, nothing is recorded (see recorded_campaigns)."""
    recorded = recorded_campaigns(store, record)
    if named is None:
        if not recorded:
            return load_campaign(None)
        if len(recorded) > 1:
            raise CampaignChoiceError(store.root, recorded)
        return load_recorded(store, recorded[0])
    found = recorded_named(recorded, str(named))
    if found is not None:
        return load_recorded(store, found)
    if Path(named).is_file():
        return load_campaign(named)
    known = ", ".join(c.id for c in recorded) or "none"
    raise CampaignError(N_("--campaign {named}: no campaign of the store {store} has this letter number "
                           "(recorded: {known}) and no such file exists: give a recorded letter number or a "
                           "campaign file").format(named=named, store=store.root, known=known))


def recorded_named(recorded: Sequence[RecordedCampaign], name: str) -> RecordedCampaign | None:
    wanted = _letter_key(name)
    return next((c for c in recorded if _letter_key(c.id) == wanted), None)


def _letter_key(text: str) -> str:
    return "".join(fold(text).split())


# -- closing a campaign: its table frozen as signed --------------------------------------

NEWER_INPUTS = {"province_table"}   # inputs a table frozen by an earlier baocao did not record


def frozen_table(store: Store, campaign: Campaign) -> tuple[bytes, dict]:
    """The campaign's table as JSON bytes, and what it is made from: the campaign file and its
    province table, the reports and their documents, the analyst's corrections (by content hash)."""
    from baocao.aggregate.consolidate import consolidate
    from baocao.aggregate.reports import campaign_reports

    table = consolidate(store, campaign).table
    reports = campaign_reports(store, campaign.id)
    corrections = store.root / "corrections.toml"
    recorded = recorded_named(store.recorded_campaigns(), campaign.id)
    inputs = {
        "campaign_file": recorded.latest.file_sha256 if recorded else "",
        "province_table": (recorded.latest.table_sha256 or "") if recorded else "",
        "reports": sorted({r.message_sha256 for r in reports}),
        "documents": sorted({d.sha256 for r in reports for d in r.documents}),
        "corrections": sha256_hex(corrections.read_bytes()) if corrections.exists() else "",
    }
    return table.to_json(orient="records", force_ascii=False).encode("utf-8"), inputs


def close_campaign(store: Store, named: str) -> RecordedCampaign:
    """Freeze the campaign's table as it stands (an object of the store) with its inputs;
    the campaign is analysed no more until reopened (`baocao parse --reopen`)."""
    found = recorded_named(recorded_campaigns(store), named)
    if found is None:
        raise CampaignError(N_("no campaign {named} in the store {store}: `baocao campaigns --store {store}` "
                               "lists them").format(named=named, store=store.root))
    table, inputs = frozen_table(store, load_recorded(store, found))
    store.close_campaign(found.id, store.put_object(table), json.dumps(inputs, sort_keys=True))
    return recorded_named(store.recorded_campaigns(), found.id)


def reopen_campaign(store: Store, campaign_id: str) -> None:
    store.close_campaign(campaign_id, None, None)


def frozen_table_changes(store: Store) -> list[str]:
    """For each closed campaign, what no longer matches what was frozen: an input (file,
    reports, documents, corrections) or the table made again from the store."""
    changes = []
    for recorded in store.recorded_campaigns():
        if recorded.closed_at is None:
            continue
        campaign = load_recorded(store, recorded)
        table, inputs = frozen_table(store, campaign)
        closed = moment_text(recorded.closed_at, campaign.tz)
        before = json.loads(recorded.frozen_inputs or "{}")
        # A table frozen before province tables were kept has no "province_table" input: the
        # table made again still says whether its provinces changed.
        changed = [key for key in inputs if inputs[key] != before.get(key)
                   and (key in before or key not in NEWER_INPUTS)]
        if changed:
            changes.append(N_("campaign {campaign} (closed {closed}): its {inputs} changed since its table was "
                              "frozen").format(campaign=recorded.id, closed=closed, inputs=", ".join(changed)))
        try:
            same = store.read_object(recorded.frozen_table) == table
        except OSError:
            same = False
        if not same:
            changes.append(N_("campaign {campaign} (closed {closed}): the table made from the store now differs "
                              "from the one frozen (object {sha})").format(campaign=recorded.id, closed=closed,
                                                                           sha=recorded.frozen_table[:12]))
    return changes
