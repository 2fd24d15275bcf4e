"""Word's automatic numbering: the "I.", "1.1." that Word draws but never stores in the text.

python-docx gives a paragraph's text without its auto-number, yet provinces that number
headings with Word lists have no other number. The label is rebuilt here from
numbering.xml (w:num -> w:abstractNum -> w:lvl: start, numFmt, lvlText) and a running
count of the numbered paragraphs before it, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from baocao.parse.labels import roman_numeral
from baocao.parse.styles import paragraph_style, style_chain

MAX_LEVELS = 9
BULLET = "•"  # a bullet level that names no character of its own


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"  # w:numFmt: decimal, upperRoman, lowerLetter, bullet, ...
    text: str = "%1."  # w:lvlText, "%1.%2." refers to the counters of levels 0 and 1
    legal: bool = False  # w:isLgl: every counter shown as a decimal ("1.1" under "I.")
    style_id: str = ""  # w:pStyle: the paragraph style this level is tied to


@dataclass(frozen=True)
class NumberedList:
    """One w:num: an abstract definition plus the levels it overrides."""

    abstract_id: str
    levels: dict[int, Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ListRef:
    num_id: str
    level: int


def read_numbering(docx_document) -> dict[str, NumberedList]:
    """The document's lists by w:numId; empty when it has no numbering part."""
    try:
        root = docx_document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return {}
    abstracts = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
    lists = {}
    for num in root.findall(qn("w:num")):
        abstract_id = _val(num.find(qn("w:abstractNumId")))
        abstract = abstracts.get(abstract_id)
        if abstract is None:
            continue
        levels = _levels(abstract)
        start_overrides = {}
        for override in num.findall(qn("w:lvlOverride")):
            ilvl = int(override.get(qn("w:ilvl"), "0"))
            if (start := override.find(qn("w:startOverride"))) is not None:
                start_overrides[ilvl] = int(_val(start) or 0)
            if (lvl := override.find(qn("w:lvl"))) is not None:
                levels[ilvl] = _level(lvl)
        lists[num.get(qn("w:numId"))] = NumberedList(abstract_id, levels, start_overrides)
    return _follow_style_links(lists, abstracts, docx_document)


def list_ref(paragraph) -> ListRef | None:
    """Which list and level a python-docx paragraph is in, directly or through its style."""
    num_id, level = _num_pr(paragraph._p.pPr)
    for style in style_chain(paragraph.part, paragraph_style(paragraph)):
        if num_id is not None:
            break
        num_id, style_level = _num_pr(style.element.pPr)
        level = level if level is not None else style_level
    if num_id is None or num_id == "0":  # numId 0 switches numbering off
        return None
    return ListRef(num_id, level if level is not None else -1)


class Counters:
    """Word's list counters while walking the body in reading order.

    A label depends on every numbered paragraph before it, so this is the one
    stateful piece of the reader; it is fed paragraphs in order and nothing else.
    """

    def __init__(self, lists: dict[str, NumberedList]):
        self._lists = lists
        # By abstract id: Word continues one list across the w:num elements that share it.
        self._counts: dict[str, list[int | None]] = {}
        self._restarts: dict[str, dict[int, int]] = {}  # w:startOverride not yet applied
        self._seen: set[str] = set()

    def label(self, ref: ListRef | None, style_id: str = "") -> str:
        """The label Word shows for the next paragraph of `ref` ("" for bullets and none)."""
        if ref is None or ref.num_id not in self._lists:
            return ""
        numbered = self._lists[ref.num_id]
        level = ref.level if ref.level >= 0 else _level_of_style(numbered, style_id)
        level = min(level, MAX_LEVELS - 1)
        counts = self._counts.setdefault(numbered.abstract_id, [None] * MAX_LEVELS)
        restarts = self._restarts.setdefault(numbered.abstract_id, {})
        if ref.num_id not in self._seen:
            self._seen.add(ref.num_id)
            restarts.update(numbered.start_overrides)
        definition = numbered.levels.get(level, Level())
        if level in restarts:
            counts[level] = restarts.pop(level)
        elif counts[level] is None:
            counts[level] = definition.start
        else:
            counts[level] += 1
        counts[level + 1 :] = [None] * (MAX_LEVELS - level - 1)
        return _render(numbered, definition, counts)

    def bullet(self, ref: ListRef | None, style_id: str = "") -> str:
        """The mark Word draws for a paragraph of `ref` when its level is a bullet ("❖", "•",
        a symbol font's private-use character): a list marker that is no number; "" for a
        numbered level and none. No counter moves."""
        if ref is None or ref.num_id not in self._lists:
            return ""
        numbered = self._lists[ref.num_id]
        level = ref.level if ref.level >= 0 else _level_of_style(numbered, style_id)
        definition = numbered.levels.get(min(level, MAX_LEVELS - 1), Level())
        if definition.fmt != "bullet":
            return ""
        return definition.text.strip() or BULLET


def _render(numbered: NumberedList, definition: Level, counts: list[int | None]) -> str:
    if definition.fmt in ("bullet", "none"):
        return ""
    text = definition.text
    for shown in range(MAX_LEVELS):
        placeholder = f"%{shown + 1}"
        if placeholder in text:
            shown_level = numbered.levels.get(shown, Level())
            count = counts[shown] if counts[shown] is not None else shown_level.start
            fmt = "decimal" if definition.legal else shown_level.fmt
            text = text.replace(placeholder, format_counter(count, fmt))
    return text.strip()


def format_counter(count: int, fmt: str) -> str:
    """A counter in one of Word's number formats; unknown formats fall back to decimal."""
    if fmt == "upperRoman":
        return roman_numeral(count)
    if fmt == "lowerRoman":
        return roman_numeral(count).lower()
    if fmt == "upperLetter":
        return _letters(count)
    if fmt == "lowerLetter":
        return _letters(count).lower()
    if fmt == "decimalZero":
        return f"{count:02d}"
    return str(count)


def _letters(n: int) -> str:
    """Word's letter lists go A..Z, then AA..ZZ, then AAA..."""
    if n < 1:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _levels(abstract) -> dict[int, Level]:
    return {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}


def _level(lvl) -> Level:
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        start=int(_val(lvl.find(qn("w:start"))) or 1),
        fmt=_val(lvl.find(qn("w:numFmt"))) or "decimal",
        text=_val(lvl.find(qn("w:lvlText"))) or "",
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        style_id=_val(lvl.find(qn("w:pStyle"))) or "",
    )


def _level_of_style(numbered: NumberedList, style_id: str) -> int:
    """A style-linked list (Heading 1..9 tied to levels 0..8) gives the level by w:pStyle."""
    for level, definition in numbered.levels.items():
        if style_id and definition.style_id == style_id:
            return level
    return 0


def _follow_style_links(lists, abstracts, docx_document) -> dict[str, NumberedList]:
    """An abstractNum with w:numStyleLink only points, through a numbering style, at the
    list that holds the real levels."""
    resolved = dict(lists)
    for num_id, numbered in lists.items():
        link = abstracts[numbered.abstract_id].find(qn("w:numStyleLink"))
        if link is None or numbered.levels:
            continue
        style = docx_document.styles.element.get_by_id(_val(link))
        target_num_id, _ = _num_pr(style.pPr if style is not None else None)
        target = lists.get(target_num_id)
        if target is not None:
            resolved[num_id] = NumberedList(target.abstract_id, target.levels, numbered.start_overrides)
    return resolved


def _num_pr(pPr) -> tuple[str | None, int | None]:
    num_pr = pPr.find(qn("w:numPr")) if pPr is not None else None
    if num_pr is None:
        return None, None
    ilvl = _val(num_pr.find(qn("w:ilvl")))
    return _val(num_pr.find(qn("w:numId"))), int(ilvl) if ilvl is not None else None


def _val(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None
