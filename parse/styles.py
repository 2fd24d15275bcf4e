"""Style look-ups cached per document. python-docx resolves `paragraph.style` by scanning
every style of the document each time; on the sample reports that was 80 % of the parse
time. Styles do not change while a document is read, so each is resolved once."""

from __future__ import annotations

import weakref

from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import StyleFactory

_CACHE: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()


def cached(part, key, compute):
    """compute(), once per document part and key."""
    cache = _CACHE.setdefault(part, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def paragraph_style(paragraph):
    style_id = paragraph._p.style
    return cached(paragraph.part, ("p", style_id), lambda: _style(paragraph.part, style_id, WD_STYLE_TYPE.PARAGRAPH))


def table_style(table):
    """A docx.table.Table's style: a table without its own is the document's default
    style, which python-docx finds by scanning every style again for each table."""
    style_id = table._tbl.tblStyle_val
    return cached(table.part, ("t", style_id), lambda: _style(table.part, style_id, WD_STYLE_TYPE.TABLE))


def run_style(run):
    style_id = run._r.style
    return cached(run.part, ("r", style_id), lambda: _style(run.part, style_id, WD_STYLE_TYPE.CHARACTER))


def style_by_id(part, style_id: str | None, style_type):
    """A style of the document by its id, as an element that names it gets it (the type's
    default for None or an id the document lacks)."""
    return cached(part, ("id", style_type, style_id), lambda: _style(part, style_id, style_type))


def _style(part, style_id, style_type):
    """What python-docx's `paragraph.style`, `run.style`, `table.style` give
    (part.get_style), but the default style of an element without its own is found with
    the other types' defaults in one pass (_defaults): python-docx reads the type of every
    style of the document again for each type's default."""
    if style_id is not None:
        return part.get_style(style_id, style_type)
    default = cached(part, "defaults", lambda: _defaults(part)).get(style_type)
    return StyleFactory(default) if default is not None else None


def _defaults(part) -> dict:
    """Each type's default style element as CT_Styles.default_for finds it: the last one
    marked default, in document order."""
    found = {}
    for element in part.styles.element.xpath("w:style"):
        if element.default:
            found[element.type] = element
    return found


def style_chain(part, style) -> tuple:
    """The style and those it is based on, nearest first (a basedOn loop is cut)."""
    if style is None:
        return ()

    def chain():
        seen, found = set(), []
        current = style
        while current is not None and current.style_id not in seen:
            seen.add(current.style_id)
            found.append(current)
            current = current.base_style
        return tuple(found)

    return cached(part, ("chain", style.type, style.style_id), chain)
