"""Which font Word draws a run in, for text typed in a legacy Vietnamese font encoding
(TCVN3 .VnTime, VNI-Times): its letters are right only read through that font.

The font of a run's Latin characters is the w:hAnsi slot of w:rFonts (else w:ascii),
looked up in the run's own properties, its character style, the paragraph style (each
up its basedOn chain), then the document defaults; a theme font is never legacy. A legacy
font on Unicode text (a file converted by Unikey or Word keeps its ".VnTime") is no legacy
text: `legacy_font` asks the run's text (legacy.typed_in), and when it says nothing (digits,
"và"), the document's other runs in legacy fonts."""

from __future__ import annotations

from contextvars import ContextVar

from docx.oxml.ns import qn

from baocao.parse.legacy import encoding_of_font, typed_in

_W_P, _W_R, _W_T = qn("w:p"), qn("w:r"), qn("w:t")
_TEXT_FONTS = (qn("w:ascii"), qn("w:hAnsi"))  # the rFonts attributes that name the font of letters


class RunFonts:
    """The fonts of one document's runs."""

    def __init__(self, word):
        styles = word.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.iterfind(qn("w:style"))}
        self._default_paragraph = next(
            (s for s in self._styles.values() if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in
             ("1", "true")), None)
        self._defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        self._body = word.element
        self._typed_by_default: bool | None = None

    @classmethod
    def if_legacy(cls, word) -> "RunFonts | None":
        """None when no legacy font is named anywhere in the document (the usual case)."""
        parts = [word.styles.element, word.element]
        for part in parts:
            for fonts in part.iter(qn("w:rFonts")):
                if any(encoding_of_font(v) for k, v in fonts.attrib.items() if k in _TEXT_FONTS):
                    return cls(word)
        return None

    def of_run(self, run) -> str | None:
        owners = [run]
        char_style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if char_style is not None:
            owners += self._chain(char_style.get(qn("w:val")))
        paragraph = run.getparent()
        while paragraph is not None and paragraph.tag != _W_P:
            paragraph = paragraph.getparent()
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if paragraph is not None else None
        if style is not None:
            owners += self._chain(style.get(qn("w:val")))
        elif self._default_paragraph is not None:
            owners += self._chain(self._default_paragraph.get(qn("w:styleId")))
        if self._defaults is not None:
            owners.append(self._defaults)
        for slot in ("hAnsi", "ascii"):
            for owner in owners:
                fonts = owner.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
                if fonts is None:
                    continue
                if fonts.get(qn(f"w:{slot}Theme")) is not None:
                    return None
                if fonts.get(qn(f"w:{slot}")) is not None:
                    return fonts.get(qn(f"w:{slot}"))
        return None

    def legacy_font(self, run, text: str) -> str | None:
        """The legacy font `text` (the run's) is typed in, or None: the run's font when it is
        a legacy one, unless the text, or when it says nothing the document, is Unicode."""
        font = self.of_run(run)
        encoding = encoding_of_font(font)
        if encoding is None:
            return None
        typed = typed_in(text, encoding)
        if typed is None:
            typed = self._typed_in_document()
        return font if typed else None

    def _typed_in_document(self) -> bool:
        """Whether the document's legacy-font runs that say so are mostly legacy text (by their
        letters): a converted file's are Unicode; with no run saying either, the fonts decide."""
        if self._typed_by_default is None:
            legacy = unicode = 0
            for run in self._body.iter(_W_R):
                encoding = encoding_of_font(self.of_run(run))
                if encoding is None:
                    continue
                text = "".join(t.text or "" for t in run.iter(_W_T))
                typed = typed_in(text, encoding)
                if typed is not None:
                    weight = len(text.split())
                    legacy += weight if typed else 0
                    unicode += 0 if typed else weight
            self._typed_by_default = legacy >= unicode
        return self._typed_by_default

    def _chain(self, style_id: str | None) -> list:
        chain, seen = [], set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain


# The fonts of the document being read, for the text readers deep in docx.py.
current_fonts: ContextVar[RunFonts | None] = ContextVar("current_fonts", default=None)
