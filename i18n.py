"""The language people read baocao in: Vietnamese by default, English on request.

The texts in the code are English (the msgids); locale/vi/LC_MESSAGES/baocao.po holds their
Vietnamese, compiled to baocao.mo and shipped as package data, so the standard library's
gettext is all that runs (Babel only extracts and compiles: see locale/README.md).
The language is chosen once, at start: `--lang`, else BAOCAO_LANG, else the POSIX locale
variables. Only a locale that names English gives English: the ministry's machines run
with C/POSIX under cron, or vi_VN, or nothing set at all.

Dates, times and numbers for people are formatted here too, one rule each, so that
"17/5/2022 14:09" and "1.234,5" are written the same way by every command."""

from __future__ import annotations

import gettext
import inspect
import os
import re
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DOMAIN = "baocao"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT = "vi"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """BAOCAO_LANG, else the first of LC_ALL, LC_MESSAGES, LANG that is set (POSIX's order):
    English when it starts with "en", Vietnamese otherwise."""
    for name in ("BAOCAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def use_language(language: str) -> None:
    """Every later `_()` answers in this language ("vi" or "en")."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    _language = language
    _current = _catalogue(language)


@lru_cache(maxsize=None)
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()   # the msgids are the English texts
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a text for the catalogue where it is defined; it is translated where it is shown."""
    return message


def help_text(text: str | None) -> str | None:
    """A click help text (a docstring, an option's help, an epilog) in the chosen language.
    The msgid is the text as click shows it, cleaned of the docstring's indentation."""
    if not text:
        return text
    cleaned = inspect.cleandoc(text)
    translated = _(cleaned)
    return translated if translated != cleaned else _(text)   # an epilog's msgid is the text as written


# -- recorded problems ----------------------------------------------------------------

@lru_cache(maxsize=None)
def _templates(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    """The catalogue's texts with {named} fields, as patterns that find the fields' values
    in a text formatted from them."""
    catalogue = _catalogue(language)
    found = []
    for msgid, msgstr in getattr(catalogue, "_catalog", {}).items():
        if not isinstance(msgid, str) or "{" not in msgid or not msgstr:
            continue
        pattern, named = "", set()
        for i, piece in enumerate(re.split(r"\{([a-z_]+)\}", msgid)):
            if i % 2 == 0:
                pattern += re.escape(piece)
            else:   # a field named twice holds the same value twice
                pattern += f"(?P={piece})" if piece in named else f"(?P<{piece}>.+?)"
                named.add(piece)
        found.append((re.compile(pattern + r"\Z", re.DOTALL), msgstr))
    # The longest first: a text that holds another one's fixed words is the more precise match.
    return tuple(sorted(found, key=lambda t: -len(t[0].pattern)))


def recorded_text(text: str, language: str | None = None) -> str:
    """A text the store recorded in English (a problem's what and what to do), in the chosen
    language. The store keeps the English text (it is the record, the same whoever ran the
    ingest); the fields a template formatted in (a file name, a reason) are found again and
    translated themselves when they are catalogue texts. A text not in the catalogue is shown
    as recorded. `language` for a text that is Vietnamese whatever the terminal's (the desk's
    pages)."""
    language = language or _language
    if language == "en" or not text:
        return text
    return _translated(text, language).text


class _Translation(NamedTuple):
    text: str
    known: int     # how many characters of the English are the catalogue's own words


@lru_cache(maxsize=4096)
def _translated(text: str, language: str) -> _Translation:
    """The reading of `text` that finds the most of the catalogue's own words in it. A text
    made of several (a template whose field holds another template's text) matches more
    than one template: "{what} ({reason})" as well as "raw message {path}: {why}", whose
    {why} is a whole catalogue text. The reading that leaves the fewest words unknown is the
    one the code wrote."""
    exact = _catalogue(language).gettext(text)
    if exact != text:
        return _Translation(exact, len(text))
    best = _Translation(text, 0)
    for pattern, msgstr in _templates(language):
        match = pattern.match(text)
        if not match:
            continue
        fields = {k: _field_text(v, language) for k, v in match.groupdict().items()}
        own_words = len(text) - sum(len(v) for v in match.groupdict().values())
        found = _Translation(msgstr.format(**{k: f.text for k, f in fields.items()}),
                             own_words + sum(f.known for f in fields.values()))
        if found.known > best.known:
            best = found
        if best.known == len(text):
            break
    return best


def _field_text(value: str, language: str) -> _Translation:
    """A field formatted into a text, translated: one of several lines is a listing, a text
    on each line (the campaigns a store holds), which no template can match as a whole."""
    lines = [_translated(line, language) if line else _Translation(line, 0) for line in value.split("\n")]
    return _Translation("\n".join(t.text for t in lines), sum(t.known for t in lines) + len(lines) - 1)


# -- dates, times and numbers for people ------------------------------------------------

def moment_text(moment: datetime | str, tz: tzinfo, prose: bool = False, language: str | None = None) -> str:
    """A moment in the campaign's time zone as a person reads it: "17/5/2022 14:09", or in a
    sentence "14 giờ 09 ngày 17/5/2022"; in English "2022-05-17 14:09". Never an UTC offset.
    `language` for a text that is Vietnamese whatever the terminal's (the digest)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    local = moment.astimezone(tz)
    if (language or _language) == "en":
        return local.strftime("%Y-%m-%d %H:%M")
    day = date_text(local.date(), "vi")
    return f"{local.hour} giờ {local.minute:02d} ngày {day}" if prose else f"{day} {local.hour:02d}:{local.minute:02d}"


def date_text(day: date, language: str | None = None) -> str:
    """A day as a person reads it: "17/5/2022" (Vietnamese, no leading zeros), "2022-05-17"."""
    if (language or _language) == "en":
        return day.isoformat()
    return f"{day.day}/{day.month}/{day.year}"


def number_text(value: float, decimals: int = 0) -> str:
    """A number for people: "1.234.567,5" in Vietnamese, "1,234,567.5" in English."""
    text = f"{value:,.{decimals}f}"
    if _language == "en":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


use_language(language_from_environment())
