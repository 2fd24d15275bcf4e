"""Which runs of a .docx Word hides (w:vanish, "Hidden" in the Font dialog): a comment to a
colleague typed into a heading and hidden, text kept for later. Word neither shows nor
prints them, so the person who reads the report never sees them: they are no part of its
text, nor of a heading, nor of a paragraph's bold or colour.

A run is hidden as Word decides it: its own w:vanish, else its character style's, else
its paragraph style's (each up its basedOn chain), else the document defaults; the
nearest one set wins, and w:val="0" / "false" / "off" shows the run again."""

from __future__ import annotations

from contextvars import ContextVar

from docx.oxml.ns import qn

_VANISH = qn("w:vanish")
_RPR = qn("w:rPr")
_VAL = qn("w:val")
_W_P = qn("w:p")
_STYLE_ID = qn("w:styleId")
_OFF = {"0", "false", "off"}


class HiddenRuns:
    """The hidden runs of one document."""

    def __init__(self, word):
        styles = word.styles.element
        self._styles = {s.get(_STYLE_ID): s for s in styles.iterfind(qn("w:style"))}
        self._default_paragraph = next(
            (s.get(_STYLE_ID) for s in self._styles.values()
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")), None)
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        self._default = _vanish_of(defaults) or False
        self._chains: dict[str | None, bool | None] = {}

    @classmethod
    def if_any(cls, word) -> "HiddenRuns | None":
        """None when nothing in the body or the styles is hidden (the usual case)."""
        for part in (word.element.body, word.styles.element):
            if next(part.iter(_VANISH), None) is not None:
                return cls(word)
        return None

    def hides(self, run) -> bool:
        """The run (a w:r) is hidden."""
        own = _vanish_of(run)
        if own is not None:
            return own
        rpr = run.find(_RPR)
        char_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if char_style is not None and (styled := self._chain(char_style.get(_VAL))) is not None:
            return styled
        paragraph = run.getparent()
        while paragraph is not None and paragraph.tag != _W_P:
            paragraph = paragraph.getparent()
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if paragraph is not None else None
        styled = self._chain(style.get(_VAL) if style is not None else self._default_paragraph)
        return self._default if styled is None else styled

    def _chain(self, style_id: str | None) -> bool | None:
        """The vanish a style sets, itself or through the styles it is based on (None: unset)."""
        if style_id not in self._chains:
            found, seen, current = None, set(), style_id
            while current and current not in seen and current in self._styles:
                seen.add(current)
                style = self._styles[current]
                found = _vanish_of(style)
                if found is not None:
                    break
                based = style.find(qn("w:basedOn"))
                current = based.get(_VAL) if based is not None else None
            self._chains[style_id] = found
        return self._chains[style_id]


def _vanish_of(owner) -> bool | None:
    """The w:vanish an element's w:rPr sets: True, False (switched off) or None (unset)."""
    rpr = owner.find(_RPR) if owner is not None else None
    vanish = rpr.find(_VANISH) if rpr is not None else None
    if vanish is None:
        return None
    return (vanish.get(_VAL) or "true").lower() not in _OFF


# The hidden runs of the document being read, for the text readers deep in docx.py.
current_hidden: ContextVar[HiddenRuns | None] = ContextVar("current_hidden", default=None)
