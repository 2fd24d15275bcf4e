"""Which runs of a .docx Word hides (w:vanish, "Hidden" in the Font dialog): a comment to a
colleague typed into a heading and hidden, text kept for later. Word neither shows nor
prints them, so the person who reads the report never sees them: they are no part of its
text, nor of a heading, nor of a paragraph's bold or colour.

A run is hidden as Word decides it: its own w:vanish, else its character style's, else
its paragraph style's (each up its basedOn chain), else the document defaults; the
nearest one set wins, and w:val="0" / "false" / "off" shows the run again."""

from __future__ import annotations

from contextvars import ContextVar

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from baocao.parse.styles import cached, style_by_id, style_chain

_VANISH = qn("w:vanish")
_RPR = qn("w:rPr")
_VAL = qn("w:val")
_W_P = qn("w:p")
_OFF = {"0", "false", "off"}


class HiddenRuns:
    """The hidden runs of one document."""

    def __init__(self, word):
        self._part = word.part
        defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        self._default = _vanish_of(defaults) or False

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
        if char_style is not None:
            styled = self._styled(char_style.get(_VAL), WD_STYLE_TYPE.CHARACTER)
            if styled is not None:
                return styled
        paragraph = run.getparent()
        while paragraph is not None and paragraph.tag != _W_P:
            paragraph = paragraph.getparent()
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if paragraph is not None else None
        styled = self._styled(style.get(_VAL) if style is not None else None, WD_STYLE_TYPE.PARAGRAPH)
        return self._default if styled is None else styled

    def _styled(self, style_id: str | None, style_type) -> bool | None:
        """The vanish a style sets, itself or through the styles it is based on (None: unset)."""
        def found():
            chain = style_chain(self._part, style_by_id(self._part, style_id, style_type))
            return next((v for style in chain if (v := _vanish_of(style.element)) is not None), None)

        return cached(self._part, ("vanish", style_type, style_id), found)


def _vanish_of(owner) -> bool | None:
    """The w:vanish an element's w:rPr sets: True, False (switched off) or None (unset)."""
    rpr = owner.find(_RPR) if owner is not None else None
    vanish = rpr.find(_VANISH) if rpr is not None else None
    if vanish is None:
        return None
    return (vanish.get(_VAL) or "true").lower() not in _OFF


# The hidden runs of the document being read, for the text readers deep in docx.py.
current_hidden: ContextVar[HiddenRuns | None] = ContextVar("current_hidden", default=None)
