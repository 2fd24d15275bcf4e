"""A report campaign as data: the request letter, its deadline, its outline and the
provinces it went to. Nothing about a campaign lives in code, so a later request with
another outline, deadline or province list is a new TOML file, not a release."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from importlib import resources
from pathlib import Path

BUNDLED_CAMPAIGN = "1683-BXD-PTDT.toml"


class CampaignError(Exception):
    """A campaign file or its province table is missing or malformed."""


@dataclass(frozen=True)
class OutlineSection:
    number: int
    key: str
    heading: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    code: str  # GSO code as text, "01"
    name: str
    kind: str
    full_name: str
    ascii: str
    aliases: tuple[str, ...]
    gov_domain: str
    alt_domains: tuple[str, ...]
    region: str

    @property
    def domains(self) -> tuple[str, ...]:
        return tuple(d for d in (self.gov_domain, *self.alt_domains) if d)


@dataclass(frozen=True)
class Campaign:
    id: str
    slug: str
    title: str
    subject: str
    letter_number: str
    letter_date: date
    deadline: datetime  # aware; a report received at or after it is late
    deadline_text: str
    issuer_body: str
    issuer_unit: str
    mailbox: str
    ministry_domains: tuple[str, ...]  # the ministry's own mail: never a province's report
    outline_title: str
    sections: tuple[OutlineSection, ...]
    provinces: tuple[Province, ...]
    data: dict  # the whole TOML, for templates that want more (legal references, contact…)

    @property
    def tz(self) -> tzinfo:
        """The campaign's local time: the deadline's own offset (+07:00 for Vietnam)."""
        return self.deadline.tzinfo

    @property
    def issuer_code(self) -> str:
        """'BXD' from '1683/BXD-PTDT': letters citing another number with this code are
        other requests of the same issuer."""
        return self.letter_number.split("/", 1)[1].split("-", 1)[0]

    def province(self, code: str) -> Province:
        for p in self.provinces:
            if p.code == code:
                return p
        raise KeyError(code)

    def section(self, number: int) -> OutlineSection:
        for s in self.sections:
            if s.number == number:
                return s
        raise KeyError(number)


def bundled_path(name: str) -> Path:
    return Path(str(resources.files("baocao") / "campaigns" / name))


def load_campaign(path: Path | str | None = None) -> Campaign:
    """Load a campaign TOML; None means the bundled 1683/BXD-PTDT campaign."""
    path = Path(path) if path is not None else bundled_path(BUNDLED_CAMPAIGN)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CampaignError(f"campaign file {path} not found: give an existing file with --campaign") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CampaignError(f"campaign file {path} is not valid UTF-8 TOML: {e}") from e
    try:
        return _campaign_from_toml(data, path)
    except KeyError as e:
        raise CampaignError(
            f"campaign file {path} lacks the key {e}: see campaigns/{BUNDLED_CAMPAIGN} for the schema"
        ) from e
    except (TypeError, ValueError) as e:
        raise CampaignError(f"campaign file {path} has a malformed value: {e}") from e


def _campaign_from_toml(data: dict, path: Path) -> Campaign:
    deadline = data["deadline"]
    if not isinstance(deadline, datetime) or deadline.tzinfo is None:
        raise ValueError("deadline must be a TOML offset datetime such as 2022-05-30T00:00:00+07:00")
    sections = tuple(
        OutlineSection(
            number=int(s["number"]),
            key=str(s["key"]),
            heading=str(s["heading"]),
            label=str(s.get("label", s["heading"])),
            phrases=tuple(s.get("phrases", ())),
        )
        for s in data["outline"]["sections"]
    )
    if not sections:
        raise ValueError("outline.sections is empty")
    provinces = load_provinces(_table_path(data["recipients"]["table"], path))
    expected = data["recipients"].get("count")
    if expected is not None and expected != len(provinces):
        raise ValueError(f"recipients.count is {expected} but the table lists {len(provinces)} provinces")
    return Campaign(
        id=data["id"],
        slug=data.get("slug", data["id"].replace("/", "-")),
        title=data["title"],
        subject=data.get("subject", data["title"]),
        letter_number=data["letter_number"],
        letter_date=data["letter_date"],
        deadline=deadline,
        deadline_text=data.get("deadline_text", deadline.isoformat()),
        issuer_body=data["issuer"]["body"],
        issuer_unit=data["issuer"].get("unit", ""),
        mailbox=data.get("mailbox", {}).get("address", ""),
        ministry_domains=_ministry_domains(data),
        outline_title=data["outline"].get("title", ""),
        sections=sections,
        provinces=provinces,
        data=data,
    )


def _ministry_domains(data: dict) -> tuple[str, ...]:
    """[ministry] domains: the issuer's own mail domains, lower case. The ministry writes to
    the provinces too (the blank outline sent back in a reply-all thread), and its mail must
    never pass for a province's report."""
    section = data.get("ministry")
    domains = section.get("domains") if isinstance(section, dict) else None
    if not isinstance(domains, list) or not domains or not all(
            isinstance(d, str) and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d.strip().lower()) for d in domains):
        raise ValueError("[ministry] domains must be a list of the ministry's mail domains, such as "
                         'domains = ["moc.gov.vn"]; it is ' + ("missing" if domains is None else repr(domains)))
    return tuple(d.strip().lower() for d in domains)


def _table_path(name: str, campaign_path: Path) -> Path:
    """The province table sits beside the campaign file; a campaign of the user's may
    name a table that only the package ships."""
    beside = campaign_path.parent / name
    return beside if beside.exists() else bundled_path(name)


def load_provinces(path: Path) -> tuple[Province, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CampaignError(f"province table {path} not found: put it beside the campaign file") from None
    rows = list(csv.DictReader(io.StringIO(text)))
    provinces = tuple(
        Province(
            code=r["code"].strip(),
            name=r["name"].strip(),
            kind=r.get("kind", "").strip(),
            full_name=r.get("full_name", "").strip() or r["name"].strip(),
            ascii=r.get("ascii", "").strip(),
            aliases=tuple(a.strip() for a in (r.get("aliases") or "").split(";") if a.strip()),
            gov_domain=(r.get("gov_domain") or "").strip().lower(),
            alt_domains=tuple(d.strip().lower() for d in (r.get("alt_domains") or "").split(";") if d.strip()),
            region=(r.get("region") or "").strip(),
        )
        for r in rows
    )
    codes = [p.code for p in provinces]
    if len(set(codes)) != len(codes):
        raise CampaignError(f"province table {path} repeats a code")
    return provinces
