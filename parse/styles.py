"""Style look-ups cached per document. python-docx resolves `paragraph.style` by scanning
every style of the document each time; on the sample reports that was 80 % of the parse
time. Styles do not change while a document is read, so each is resolved once."""

from __future__ import annotations

import weakref

_CACHE: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()


def _cached(part, key, compute):
    cache = _CACHE.setdefault(part, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def paragraph_style(paragraph):
    return _cached(paragraph.part, ("p", paragraph._p.style), lambda: paragraph.style)


def run_style(run):
    return _cached(run.part, ("r", run._r.style), lambda: run.style)


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

    return _cached(part, ("chain", style.type, style.style_id), chain)
