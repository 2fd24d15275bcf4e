"""The analyst's corrections, kept in the store as corrections.toml and applied on every
aggregate: re-ingesting never touches them, and the table marks what they changed.

    [[correction]]              # a cell of the table
    province = "22"             # code or name
    field = "funding_vnd"       # a column: section_4, funding_vnd, status, scheme_approved…
    value = 125500000000
    note = "Sở Xây dựng xác nhận qua điện thoại, 02/6/2022"
    by = "lan.nt"               # optional: who (the review desk writes it)
    at = 2022-06-02T09:15:00+07:00   # optional: when

Several entries may set one cell: the last one counts, the earlier ones are its history.
The review desk (`baocao review`) appends entries with by and at, keeping the file's
comments and layout (append_correction); a hand edit works the same as before.

    [[message]]                 # which province a message is from
    message = "3f2a9c1b7d20"    # start of its hash (baocao errors shows it) or its Message-ID
    province = "74"
    note = "gửi từ gmail của chuyên viên Sở"

    [[message]]                 # a message taken for a report that is none
    message = "9b1e04c2aa51"
    kind = "not_report"         # no province then; aggregate leaves it out of the table

The desk writes [[message]] entries too (append_message_correction), with by and at.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Iterator, Sequence

import pandas as pd
import tomlkit
import tomlkit.exceptions

from baocao.aggregate.reports import ReportRecord
from baocao.aggregate.review import CORRECTED, cells_to_review
from baocao.aggregate.schema import AMOUNT, FLAG, MAYBE, SHARE, Column, table_schema
from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.text import fold

FILE_NAME = "corrections.toml"
LOCK_NAME = "corrections.lock"


class CorrectionsError(Exception):
    pass


@dataclass(frozen=True)
class CellCorrection:
    entry: int
    province_code: str
    column: Column
    value: object
    note: str
    by: str = ""      # who made it, where the entry says (the review desk always does)
    at: str = ""      # when, ISO 8601, where the entry says

    @property
    def field(self) -> str:
        return self.column.name


NOT_REPORT = "not_report"   # a [[message]]'s kind: the message is no report


@dataclass(frozen=True)
class MessageCorrection:
    entry: int
    message: str
    province_code: str    # "" when the message is not a report
    note: str
    not_report: bool = False
    by: str = ""
    at: str = ""

    def names(self, sha256: str, message_id: str | None) -> bool:
        return sha256.startswith(self.message.lower()) or message_id == self.message


def message_decision(corrections: Corrections, sha256: str, message_id: str | None) -> MessageCorrection | None:
    """The last [[message]] entry about a message: the one that counts."""
    return next((c for c in reversed(corrections.messages) if c.names(sha256, message_id)), None)


@dataclass(frozen=True)
class Corrections:
    cells: tuple[CellCorrection, ...] = ()
    messages: tuple[MessageCorrection, ...] = ()


def load_corrections(store_root: Path, campaign: Campaign) -> Corrections:
    path = Path(store_root) / FILE_NAME
    if not path.exists():
        return Corrections()
    return _corrections_in(_read(path), campaign, path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise CorrectionsError(N_("{path} is not UTF-8 text (a byte at position {position} is not): save it as "
                                  "UTF-8 in a text editor, or restore it from a backup; nothing was applied or "
                                  "changed").format(path=path, position=e.start)) from e


def _corrections_in(text: str, campaign: Campaign, path: Path) -> Corrections:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _damaged(path, e) from e
    schema = table_schema(campaign)
    correctable = {c.name: c for c in schema.columns if c.correctable}
    cells, messages = [], []
    for n, entry in enumerate(data.get("correction", []), start=1):
        if not _of_campaign(entry, campaign):
            continue
        where = N_("{path}, [[correction]] number {number}").format(path=path, number=n)
        field = str(entry.get("field", ""))
        if not field or "value" not in entry or (field in schema.names and field not in correctable):
            raise CorrectionsError(N_("{where}: give province, field (a column of the table) and value").format(
                where=where))
        province_code = _province(entry.get("province", ""), campaign, where)
        if field not in correctable:
            raise CorrectionsError(N_("{where}: the table has no column {field}; columns are: {columns}").format(
                where=where, field=repr(field), columns=", ".join(correctable)))
        column, value = correctable[field], entry["value"]
        if column.dtype in _TAKES and not _TAKES[column.dtype][0](value):
            raise CorrectionsError(N_("{where}: {field} takes {takes}, not {value}").format(
                where=where, field=field, takes=_TAKES[column.dtype][1], value=repr(value)))
        cells.append(CellCorrection(n, province_code, column, value, str(entry.get("note", "")),
                                    str(entry.get("by", "")), _when(entry.get("at"))))
    for n, entry in enumerate(data.get("message", []), start=1):
        if not _of_campaign(entry, campaign):
            continue
        where = N_("{path}, [[message]] number {number}").format(path=path, number=n)
        if not entry.get("message"):
            raise CorrectionsError(N_('{where}: give message (start of its hash or its Message-ID) and province, '
                                      'or kind = "{kind}"').format(where=where, kind=NOT_REPORT))
        kind = str(entry.get("kind", ""))
        if kind not in ("", NOT_REPORT):
            raise CorrectionsError(N_('{where}: kind is "{kind}" or left out, not {given}').format(
                where=where, kind=NOT_REPORT, given=repr(kind)))
        not_report = kind == NOT_REPORT
        province_code = "" if not_report else _province(entry.get("province", ""), campaign, where)
        messages.append(MessageCorrection(n, str(entry["message"]), province_code, str(entry.get("note", "")),
                                          not_report, str(entry.get("by", "")), _when(entry.get("at"))))
    return Corrections(tuple(cells), tuple(messages))


# What a column the analyst's words cannot stand in for takes (the table keeps them for
# amounts and maybes, see apply_cells): a flag true or false, a confidence a number 0-1.
_TAKES = {
    FLAG: (lambda v: isinstance(v, bool), N_("true or false")),
    SHARE: (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1,
            N_("a number from 0 to 1")),
}


def _of_campaign(entry: dict, campaign: Campaign) -> bool:
    """An entry naming a campaign (campaign = "1702/BXD-HTKT") is that campaign's alone: a
    store answering several requests keeps one corrections.toml. One naming none is every
    campaign's, as entries were before a store knew several."""
    named = str(entry.get("campaign", "")).strip()
    return not named or "".join(fold(named).split()) == "".join(fold(campaign.id).split())


def _when(at) -> str:
    """An entry's `at` as ISO 8601: a TOML date-time, or the text a hand edit gave."""
    if at is None:
        return ""
    return at.isoformat() if isinstance(at, datetime) else str(at)


def _province(given, campaign: Campaign, where: str) -> str:
    given = str(given).strip()
    for p in campaign.provinces:
        if given == p.code or fold(given) in {fold(p.name), fold(p.full_name), fold(p.ascii),
                                              *(fold(a) for a in p.aliases)}:
            return p.code
    raise CorrectionsError(N_("{where}: no province {given} in campaign {campaign}: give its code or name").format(
        where=where, given=repr(given), campaign=campaign.id))


def reassign(reports: Sequence[ReportRecord], corrections: Corrections) -> list[ReportRecord]:
    """Reports with the analyst's province where a [[message]] entry names them; a message
    carrying two provinces' reports becomes one report of the province named. A message whose
    last entry says it is not a report is left out (an entry after it may take it back)."""
    out: dict[tuple[str, str], ReportRecord] = {}
    for report in reports:
        not_report = False
        for c in corrections.messages:
            if c.names(report.message_sha256, report.message_id):
                not_report = c.not_report
                if not not_report:
                    report = replace(report, province_code=c.province_code)
        if not_report:
            continue
        key = (report.message_sha256, report.province_code)
        if key in out:
            report = replace(out[key], documents=out[key].documents + report.documents)
        out[key] = report
    return list(out.values())


def apply_cells(table: pd.DataFrame, corrections: Corrections) -> pd.DataFrame:
    """The table with the analyst's values, and in `overridden` which entry changed what. A
    section's text the analyst gave is settled: nothing left to check in it."""
    table = table.copy()
    table["overridden"] = ""
    for c in corrections.cells:
        rows = table.index[table["province_code"] == c.province_code]
        if c.column.dtype in (AMOUNT, MAYBE) and not isinstance(c.value, (int, bool)):
            # The analyst's words ("khoảng 5 tỷ") are kept as written, not refused.
            table[c.field] = table[c.field].astype(object)
        table.loc[rows, c.field] = c.value
        if c.column.group == "section":
            for name, value in CORRECTED.columns(c.column.item).items():
                table.loc[rows, name] = value
        mark = f"{c.field} (correction {c.entry}{': ' + c.note if c.note else ''})"
        table.loc[rows, "overridden"] = table.loc[rows, "overridden"].map(
            lambda old, mark=mark: f"{old}; {mark}" if old else mark)
    if "cells_to_review" in table:
        table["cells_to_review"] = cells_to_review(table)
    return table


# What tomllib says is wrong, in the catalogue so that a person reads it in their language
# (i18n.recorded_text translates a field that is one of these).
TOML_REASONS = (
    N_("Invalid value"), N_("Invalid statement"), N_("Unterminated string"), N_("Unclosed array"),
    N_("Unclosed inline table"), N_("Cannot overwrite a value"), N_("Invalid date or datetime"),
    N_("Expected '=' after a key in a key/value pair"), N_("Invalid initial character for a key part"),
    N_("Expected ']' at the end of a table declaration"), N_("Expected ']]' at the end of an array declaration"),
)


def _damaged(path: Path, error: Exception) -> CorrectionsError:
    """A corrections.toml that is not TOML, said with the line to look at (tomllib and tomlkit
    both put it in their message; tomlkit also as .line)."""
    reason = str(error)
    line = getattr(error, "line", None) or getattr(error, "lineno", None)
    found = re.search(r"\(at line (\d+), column (\d+)\)|at line (\d+) col (\d+)", reason)
    if line is None and found:
        line = int(found.group(1) or found.group(3))
    if found:
        reason = (reason[:found.start()] + reason[found.end():]).strip()
    if line is None:
        return CorrectionsError(N_("{path} is not valid TOML ({reason}): nothing was applied or changed; correct "
                                   "the file in a text editor, or restore it from a backup, then do it again").format(
                                       path=path, reason=reason))
    return CorrectionsError(N_("{path}, line {line}: not valid TOML ({reason}); nothing was applied or changed: "
                               "correct that line in a text editor, or restore the file from a backup, then do it "
                               "again").format(path=path, line=line, reason=reason))


# -- writing: the review desk's changes -------------------------------------------------

class CellConflict(CorrectionsError):
    """Someone else changed the cell after the page being saved was shown: nothing was written."""

    def __init__(self, history: tuple[CellCorrection, ...]):
        latest = history[-1] if history else None
        super().__init__(N_("the cell was changed meanwhile by {person}").format(person=latest.by)
                         if latest and latest.by else N_("the cell was changed meanwhile"))
        self.history = history


def cell_history(corrections: Corrections, province_code: str, field: str) -> tuple[CellCorrection, ...]:
    """The entries that set one cell, oldest first: the last one is what the table shows."""
    return tuple(c for c in corrections.cells if c.province_code == province_code and c.field == field)


def cell_version(history: Sequence[CellCorrection]) -> str:
    """A short fingerprint of a cell's entries: a page that saves a cell sends the version it
    showed, so a change made meanwhile (by another person, or by hand) is caught, not overwritten."""
    seen = "\x1e".join(f"{c.entry}\x1f{c.value!r}\x1f{c.by}\x1f{c.at}" for c in history)
    return hashlib.sha256(seen.encode("utf-8")).hexdigest()[:16]


def append_correction(store_root: Path, campaign: Campaign, province_code: str, field: str, value, *,
                      by: str, at: datetime, note: str = "", expected_version: str | None = None) -> Corrections:
    """Add one [[correction]] entry to the store's corrections.toml and return the file's
    corrections as they now stand. The file keeps its comments and layout (tomlkit) and is
    replaced atomically, so a reader (an aggregate, a hand edit opened meanwhile) sees the old
    file or the new one, never half of one. With `expected_version`, the cell must still be as
    the person saw it, else CellConflict and nothing is written. A value the table cannot take
    is refused (CorrectionsError) before the file changes."""
    def check(before: Corrections) -> None:
        history = cell_history(before, province_code, field)
        if expected_version is not None and cell_version(history) != expected_version:
            raise CellConflict(history)

    fields = {"province": province_code, "field": field, "value": _toml_value(value)}
    return _append(store_root, campaign, "correction", fields | ({"note": note} if note else {}), by, at, check)


def append_message_correction(store_root: Path, campaign: Campaign, message: str, province_code: str = "", *,
                              by: str, at: datetime, not_report: bool = False, note: str = "") -> Corrections:
    """Add one [[message]] entry: the message (its hash, or the start of it) is from the
    province, or, with not_report, is no report at all. Written as append_correction writes."""
    fields = {"message": message, "kind": NOT_REPORT} if not_report else {"message": message,
                                                                          "province": province_code}
    return _append(store_root, campaign, "message", fields | ({"note": note} if note else {}), by, at)


def _append(store_root: Path, campaign: Campaign, table: str, fields: dict, by: str, at: datetime,
            check=None) -> Corrections:
    """One entry appended to the array of tables `table`, under the file's lock, after `check`
    has seen the corrections as they stand; refused, the good file stays."""
    path = Path(store_root) / FILE_NAME
    with _locked(Path(store_root)):
        text = _read(path) if path.exists() else ""
        before = _corrections_in(text, campaign, path)   # a damaged file is said, not half-read by tomlkit
        if check is not None:
            check(before)
        try:
            document = tomlkit.parse(text) if text.strip() else tomlkit.document()
        except tomlkit.exceptions.ParseError as e:   # what tomllib reads and tomlkit does not
            raise _damaged(path, e) from e
        entry = tomlkit.table()
        entry.update(fields)
        entry["campaign"] = campaign.id
        entry["by"] = by
        entry["at"] = at.replace(microsecond=0)
        entry.add(tomlkit.nl())   # a blank line between entries, as a person writes them
        entries = document.get(table)
        if entries is None:
            document.append(table, tomlkit.aot())
            entries = document[table]
        entries.append(entry)
        new_text = tomlkit.dumps(document)
        after = _corrections_in(new_text, campaign, path)   # refused here, the good file stays
        _replace_atomically(path, new_text)
    return after


@contextmanager
def _locked(store_root: Path) -> Iterator[None]:
    """One writer of corrections.toml at a time (two people saving at once, two desks on one
    store); not the store's own lock, which the nightly ingest holds for minutes."""
    fd = os.open(store_root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _toml_value(value):
    """Text over several lines as a multi-line string, readable in an editor."""
    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    return value


def _replace_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb", opener=lambda name, flags: os.open(name, flags, 0o600)) as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
