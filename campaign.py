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
from typing import NamedTuple

from baocao.i18n import N_

BUNDLED_CAMPAIGN = "1683-BXD-PTDT.toml"


class CampaignError(Exception):
    """A campaign file or its province table is missing or malformed."""


# What an outline section can be to the consolidated report. The code asks for a section by
# its role, never by its key or number: provinces' outlines differ from one request to the next.
SECTION_ROLES = {
    "general_info": "the province's general situation: where its scheme's approval and its IOC are reported",
    "funding": "the money spent: funding_vnd and its split by source are read from it",
    "difficulties": "the difficulties: the themes of difficulty_themes are read from it",
    "proposals": "the proposals: the themes of proposal_themes are read from it",
}


@dataclass(frozen=True)
class OutlineSection:
    number: int
    key: str
    heading: str
    label: str
    phrases: tuple[str, ...]
    role: str | None = None  # one of SECTION_ROLES, or None: the section only feeds its own column
    # What the whole report is about (the campaign's title and subject): its words are in
    # every heading of a reply ("… đô thị thông minh") and so name no item.
    report_topic: str = ""


@dataclass(frozen=True)
class FundingSource:
    key: str                     # "ngan_sach_dia_phuong": the table's column funding_<key>_vnd
    phrases: tuple[str, ...]     # the first one is the source's name in the report


@dataclass(frozen=True)
class SchemePhrases:
    """[figures.project_approval]: how a report names the province's own scheme and says it
    is not approved yet. `topic`: what the scheme's name speaks of ("đô thị thông minh"), so
    that "Đề án xây dựng Thành phố Hồ Chí Minh trở thành đô thị thông minh" is one; `phrases`:
    other names of it that do not say "Đề án … <topic>"."""
    phrases: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()


@dataclass(frozen=True)
class IocPhrases:
    """[figures.ioc]: how a report says its operations centre (IOC) runs, or does not yet."""
    phrases: tuple[str, ...]
    operating: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()


@dataclass(frozen=True)
class AmountFigure:
    """[[figures.amounts]]: an amount of money the report sums apart from the funding spent,
    such as the support a province asks of the centre or its needs for a coming period:
    the first amount after one of `phrases` in a sentence; `period` (first and last year),
    when given, is the period the sentence must name for the figure to be sure."""
    key: str                     # the table's columns <key>_vnd, <key>_review, <key>_note
    label: str                   # what a person reads: "Kinh phí đề nghị Trung ương hỗ trợ"
    phrases: tuple[str, ...]
    period: tuple[int, int] | None = None


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """[figures]: what the consolidated report counts; a part left out is not counted."""
    funding_sources: tuple[FundingSource, ...] = ()
    project_approval: SchemePhrases | None = None
    ioc: IocPhrases | None = None
    themes: tuple[Theme, ...] = ()
    amounts: tuple[AmountFigure, ...] = ()


@dataclass(frozen=True)
class LegalReference:
    kind: str                    # "Quyết định", "Chỉ thị"
    number: str
    date: date | None
    issuer: str
    title: str
    short_name: str


@dataclass(frozen=True)
class ConsolidatedReport:
    """[consolidated_report]: the ministry's letter that the replies go into."""
    addressee: str
    number_suffix: str           # "BXD-PTĐT": the letter number after the slash
    subject: str
    due_text: str = ""
    task: str = ""
    coordinating_with: str = ""


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
    issuer_unit_code: str        # "PTDT": the filing mark of the ministry's letters ("Lưu: VT, PTDT.")
    letter_place: str
    addressee: str               # whom the request went to ([recipients] addressee)
    mailbox: str
    ministry_domains: tuple[str, ...]  # the ministry's own mail: never a province's report
    outline_title: str
    sections: tuple[OutlineSection, ...]
    provinces: tuple[Province, ...]
    figures: Figures
    consolidated_report: ConsolidatedReport
    legal_references: tuple[LegalReference, ...]
    timezone: str = ""           # "Asia/Ho_Chi_Minh": the zone's name, where the file gives it

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

    def section_with_role(self, role: str) -> OutlineSection | None:
        """The outline section the campaign file gives this role; None when no section has it
        (the figures read from it are then absent, not an error)."""
        if role not in SECTION_ROLES:
            raise KeyError(role)
        return next((s for s in self.sections if s.role == role), None)


def bundled_path(name: str) -> Path:
    return Path(str(resources.files("baocao") / "campaigns" / name))


def load_campaign(path: Path | str | None = None) -> Campaign:
    """Load a campaign TOML; None means the bundled 1683/BXD-PTDT campaign."""
    path = Path(path) if path is not None else bundled_path(BUNDLED_CAMPAIGN)
    files = read_campaign_files(path)
    return campaign_from_bytes(files.campaign, path, files.province_table)


class CampaignFiles(NamedTuple):
    """A campaign's file and the province table it names, as bytes: what a store keeps of a
    campaign, so that a recorded campaign reads the same whatever later happens to the files."""
    campaign: bytes
    province_table: bytes


def read_campaign_files(path: Path | str | None = None) -> CampaignFiles:
    """The campaign file (None: the bundled one) and its province table (beside it, or the
    bundled one of that name), each read once."""
    path = Path(path) if path is not None else bundled_path(BUNDLED_CAMPAIGN)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise CampaignError(N_("campaign file {path} not found: give an existing file with --campaign").format(
            path=path)) from None
    try:
        name = _province_table_name(tomllib.loads(content.decode("utf-8")))
    except (KeyError, TypeError, ValueError):
        campaign_from_bytes(content, path, b"")   # the file's fault, said as loading it says it
        raise
    table_path = _table_path(name, path)
    try:
        return CampaignFiles(content, table_path.read_bytes())
    except FileNotFoundError:
        raise CampaignError(N_("province table {path} not found: put it beside the campaign file").format(
            path=table_path)) from None


def campaign_from_bytes(content: bytes, path: Path, province_table: bytes | None = None) -> Campaign:
    """A campaign from its file's bytes and its province table's (as a store keeps them);
    `path` is where the file was, to name it in messages. A province_table of None is read
    from beside `path` (a campaign recorded before its table was kept with it)."""
    try:
        data = tomllib.loads(content.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CampaignError(N_("campaign file {path} is not valid UTF-8 TOML: {reason}").format(path=path, reason=e)) \
            from e
    try:
        return _campaign_from_toml(data, path, province_table)
    except _BadValue as e:
        raise CampaignError(N_("{path}: {reason}; see campaigns/{example} for an example").format(
            path=path, reason=e, example=BUNDLED_CAMPAIGN)) from e
    except KeyError as e:
        raise CampaignError(
            N_("campaign file {path} lacks the key {key}: see campaigns/{example} for the schema").format(
                path=path, key=e, example=BUNDLED_CAMPAIGN)
        ) from e
    except (TypeError, ValueError) as e:
        raise CampaignError(N_("campaign file {path} has a malformed value: {reason}").format(path=path, reason=e)) \
            from e


class _BadValue(ValueError):
    """A value of the campaign file that is there but not of the kind the key needs; the
    message names the key."""


def _campaign_from_toml(data: dict, path: Path, province_table: bytes | None) -> Campaign:
    deadline = data["deadline"]
    if not isinstance(deadline, datetime) or deadline.tzinfo is None:
        raise ValueError(N_("deadline must be a TOML offset datetime such as 2022-05-30T00:00:00+07:00"))
    topic = " ".join(str(data.get(key, "")) for key in ("title", "subject"))
    sections = tuple(_outline_section(s, n, topic) for n, s in enumerate(data["outline"]["sections"], start=1))
    if not sections:
        raise ValueError(N_("outline.sections is empty: give the outline's items as [[outline.sections]]"))
    roles = [s.role for s in sections if s.role]
    if len(set(roles)) != len(roles):
        twice = next(r for r in roles if roles.count(r) > 1)
        raise _BadValue(N_("[[outline.sections]]: give the role {role} to one section only").format(role=repr(twice)))
    table_path = _table_path(_province_table_name(data), path)
    provinces = (load_provinces(table_path) if province_table is None
                 else provinces_from_text(province_table.decode("utf-8"), table_path))
    expected = data["recipients"].get("count")
    if expected is not None and expected != len(provinces):
        raise ValueError(N_("recipients.count is {expected} but the table lists {count} provinces").format(
            expected=expected, count=len(provinces)))
    title = data["title"]
    return Campaign(
        id=data["id"],
        slug=data.get("slug", data["id"].replace("/", "-")),
        title=title,
        subject=data.get("subject", title),
        letter_number=data["letter_number"],
        letter_date=data["letter_date"],
        deadline=deadline,
        deadline_text=data.get("deadline_text", deadline.isoformat()),
        issuer_body=data["issuer"]["body"],
        issuer_unit=data["issuer"].get("unit", ""),
        issuer_unit_code=_text(data["issuer"], "unit_code", "[issuer]"),
        letter_place=_text(data, "letter_place", "", "Hà Nội"),
        addressee=_text(data["recipients"], "addressee", "[recipients]"),
        mailbox=data.get("mailbox", {}).get("address", ""),
        ministry_domains=_ministry_domains(data),
        outline_title=data["outline"].get("title", ""),
        sections=sections,
        provinces=provinces,
        figures=_figures(data.get("figures", {})),
        consolidated_report=_consolidated_report(data.get("consolidated_report", {}), data["letter_number"], title),
        timezone=_text(data, "timezone", ""),
        legal_references=tuple(_legal_reference(r, n)
                               for n, r in enumerate(_tables(data, "legal_references", "[[legal_references]]"),
                                                     start=1)),
    )


def _outline_section(s: dict, n: int, topic: str) -> OutlineSection:
    where = N_("{table} number {number}").format(table="[[outline.sections]]", number=n)
    role = s.get("role")
    if role is not None and role not in SECTION_ROLES:
        raise _BadValue(N_("{where}: role {role} is none of {roles}; leave role out for a section no figure is "
                           "read from").format(where=where, role=repr(role), roles=", ".join(SECTION_ROLES)))
    return OutlineSection(
        number=int(s["number"]),
        key=str(s["key"]),
        heading=str(s["heading"]),
        label=str(s.get("label", s["heading"])),
        phrases=_phrases(s.get("phrases", []), f"{where} phrases"),
        role=role,
        report_topic=topic,
    )


def _text(table: dict, key: str, where: str, default: str = "") -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise _BadValue(N_("{where} must be text in quotes; it is {value}").format(
            where=f"{where} {key}".strip(), value=repr(value)))
    return value


def _phrases(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
        raise _BadValue(N_('{where} must be a list of phrases, such as ["ngân sách tỉnh", "NSĐP"]; it is {value}')
                        .format(where=where, value=repr(value)))
    return tuple(value)


def _tables(data: dict, key: str, where: str) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise _BadValue(N_("{where} must be tables written as {where}; it is {value}").format(
            where=where, value=repr(value)))
    return value


def _only(table, known: tuple[str, ...], where: str) -> dict:
    """The table itself, after checking it names only known keys: a misspelt key would
    otherwise silently drop what it holds."""
    if not isinstance(table, dict):
        raise _BadValue(N_("{where} must be a table; it is {value}").format(where=where, value=repr(table)))
    unknown = [k for k in table if k not in known]
    if unknown:
        raise _BadValue(N_("{where} has no key {key}: its keys are {keys}").format(
            where=where, key=repr(unknown[0]), keys=", ".join(known)))
    return table


def _figures(figures) -> Figures:
    figures = _only(figures, ("funding_sources", "project_approval", "ioc", "themes", "amounts"), "[figures]")
    sources = figures.get("funding_sources", {})
    if not isinstance(sources, dict):
        raise _BadValue(N_("[figures] funding_sources must be a table of source = [phrases]; it is {value}").format(
            value=repr(sources)))
    approval = ioc = None
    if "project_approval" in figures:
        part = _only(figures["project_approval"], ("phrases", "negations", "topic"), "[figures.project_approval]")
        approval = SchemePhrases(**{k: _phrases(v, f"[figures] project_approval.{k}") for k, v in part.items()})
    if "ioc" in figures:
        part = _only(figures["ioc"], ("phrases", "operating", "negations"), "[figures.ioc]")
        ioc = IocPhrases(**{k: _phrases(v, f"[figures] ioc.{k}") for k, v in part.items()})
    themes = []
    for n, theme in enumerate(_tables(figures, "themes", "[[figures.themes]]"), start=1):
        where = N_("{table} number {number}").format(table="[[figures.themes]]", number=n)
        theme = _only(theme, ("key", "label", "phrases"), where)
        for key in ("key", "label"):
            if not _text(theme, key, where):
                raise _BadValue(N_("{where} lacks {key}: give the theme a key and a label").format(
                    where=where, key=key))
        themes.append(Theme(theme["key"], theme["label"], _phrases(theme.get("phrases"), f"{where} phrases")))
    return Figures(
        amounts=_amount_figures(figures),
        funding_sources=tuple(FundingSource(key, _phrases(phrases, f"[figures] funding_sources.{key}"))
                              for key, phrases in sources.items()),
        project_approval=approval,
        ioc=ioc,
        themes=tuple(themes),
    )


def _amount_figures(figures: dict) -> tuple[AmountFigure, ...]:
    found, taken = [], {"funding"}   # funding_vnd is the funding total's
    for n, table in enumerate(_tables(figures, "amounts", "[[figures.amounts]]"), start=1):
        where = N_("{table} number {number}").format(table="[[figures.amounts]]", number=n)
        table = _only(table, ("key", "label", "phrases", "period"), where)
        for key in ("key", "label"):
            if not _text(table, key, where):
                raise _BadValue(N_("{where} lacks {key}: give the figure a key and a label").format(
                    where=where, key=key))
        if not re.fullmatch(r"[a-z][a-z0-9_]*", table["key"]) or table["key"] in taken:
            raise _BadValue(N_("{where}: key {key} must be lower-case letters, digits and _, and not another "
                               "figure's").format(where=where, key=repr(table["key"])))
        taken.add(table["key"])
        period = table.get("period")
        if period is not None and not (isinstance(period, list) and len(period) == 2
                                       and all(isinstance(y, int) for y in period) and period[0] <= period[1]):
            raise _BadValue(N_("{where}: period must be the first and last year, such as [2022, 2025]; it is {value}")
                            .format(where=where, value=repr(period)))
        found.append(AmountFigure(table["key"], table["label"], _phrases(table.get("phrases"), f"{where} phrases"),
                                  tuple(period) if period else None))
    return tuple(found)


def _consolidated_report(table, letter_number: str, title: str) -> ConsolidatedReport:
    where = "[consolidated_report]"
    table = _only(table, ("addressee", "due_month", "due_text", "coordinating_with", "number_suffix", "subject",
                          "task"), where)
    for key in table:
        _text(table, key, where)
    return ConsolidatedReport(
        addressee=table.get("addressee", "Thủ tướng Chính phủ"),
        # The ministry's letters are numbered like the request unless the file says otherwise.
        number_suffix=table.get("number_suffix", letter_number.split("/", 1)[1] if "/" in letter_number else ""),
        subject=table.get("subject", "V/v " + title[:1].lower() + title[1:]),
        due_text=table.get("due_text", ""),
        task=table.get("task", ""),
        coordinating_with=table.get("coordinating_with", ""),
    )


def _legal_reference(ref: dict, n: int) -> LegalReference:
    where = N_("{table} number {number}").format(table="[[legal_references]]", number=n)
    ref = _only(ref, ("kind", "number", "date", "issuer", "title", "short_name"), where)
    when = ref.get("date")
    if when is not None and not isinstance(when, date):
        raise _BadValue(N_("{where} date must be a TOML date such as 2018-08-01; it is {value}").format(
            where=where, value=repr(when)))
    return LegalReference(kind=_text(ref, "kind", where), number=_text(ref, "number", where), date=when,
                          issuer=_text(ref, "issuer", where), title=_text(ref, "title", where),
                          short_name=_text(ref, "short_name", where))


def _ministry_domains(data: dict) -> tuple[str, ...]:
    """[ministry] domains: the issuer's own mail domains, lower case. The ministry writes to
    the provinces too (the blank outline sent back in a reply-all thread), and its mail must
    never pass for a province's report."""
    section = data.get("ministry")
    domains = section.get("domains") if isinstance(section, dict) else None
    if not isinstance(domains, list) or not domains or not all(
            isinstance(d, str) and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d.strip().lower()) for d in domains):
        raise ValueError((N_('[ministry] domains must be a list of the ministry\'s mail domains, such as '
                             'domains = ["moc.gov.vn"]; it is missing') if domains is None else
                          N_('[ministry] domains must be a list of the ministry\'s mail domains, such as '
                             'domains = ["moc.gov.vn"]; it is {value}').format(value=repr(domains))))
    return tuple(d.strip().lower() for d in domains)


def _table_path(name: str, campaign_path: Path) -> Path:
    """The province table sits beside the campaign file; a campaign of the user's may
    name a table that only the package ships."""
    beside = campaign_path.parent / name
    return beside if beside.exists() else bundled_path(name)


def _province_table_name(data: dict) -> str:
    return _text(data["recipients"], "table", "[recipients]")


def load_provinces(path: Path) -> tuple[Province, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CampaignError(N_("province table {path} not found: put it beside the campaign file").format(
            path=path)) from None
    return provinces_from_text(text, path)


def provinces_from_text(text: str, path: Path) -> tuple[Province, ...]:
    """The province table's rows; `path` names it in messages."""
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
        raise CampaignError(N_("province table {path} repeats a code: give each province its own code").format(
            path=path))
    return provinces
