"""Footnotes and endnotes kept with the text that refers to them.

A footnote is no part of the body, but provinces state things there that the report
needs, its funding total among them ("¹ Tổng kinh phí … là 12.340 triệu đồng"). A note is
kept, marked as a note ("[Chú thích 1] …"), with the paragraph (or table row) that holds
its mark (`Block.notes`), and read at the foot of the item that holds that paragraph
(parse/sections.py): the funding reader finds it there, a reviewer sees where it came
from, and the item's own text and the headings are read as without the note. A note on a
heading alone annotates the heading (which outline item it answers): it is no item's text.

Word: the footnotes and endnotes parts, read through python-docx's package API (the
part related to the document part), each `w:footnoteReference`/`w:endnoteReference`
giving its note. Text PDF: the note lines at a page's foot, set apart from the body by
parse/pdf.py (`_without_footnotes`) and given to the paragraph that holds the mark
(`holders`). Scans are not read for notes: the OCR's sizes are guesses from each word's
height, so a raised mark is not told from the text; a note's text stays in the page's
lines, where it was read before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from baocao.text import clean_line

FOOTNOTE_LABEL = "[Chú thích {mark}]"  # in front of a footnote's text, where the body's mark was
ENDNOTE_LABEL = "[Chú thích cuối {mark}]"  # an endnote's: Word numbers them apart from footnotes

_FOOTNOTE_REFERENCE = qn("w:footnoteReference")
_ENDNOTE_REFERENCE = qn("w:endnoteReference")
_ID = qn("w:id")
_P = qn("w:p")
_TYPE = qn("w:type")
_CUSTOM_MARK = qn("w:customMarkFollows")
# A reference inside deleted text or an mc:Fallback copy is not in the text.
_NOT_IN_TEXT = {qn("w:del"), qn("w:moveFrom"),
                "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def labelled(mark: str, text: str, end: bool = False) -> str:
    """A note's text as it is kept with the body: "[Chú thích 1] text"."""
    return f"{(ENDNOTE_LABEL if end else FOOTNOTE_LABEL).format(mark=mark)} {text}".strip()


class WordNotes:
    """A Word document's footnotes and endnotes, by id, and the number Word shows for each
    reference: references are numbered in the order they occur, footnotes and endnotes
    apart (a reference with a mark of its own, w:customMarkFollows, takes no number)."""

    def __init__(self, word, text_of: Callable[[etree._Element], str]) -> None:
        self._text_of = text_of
        self._notes = {False: _note_texts(word, RELATIONSHIP_TYPE.FOOTNOTES, "w:footnote", text_of),
                       True: _note_texts(word, RELATIONSHIP_TYPE.ENDNOTES, "w:endnote", text_of)}
        self._shown = {False: 0, True: 0}

    def __bool__(self) -> bool:
        return any(self._notes.values())

    def referenced(self, element, nearest: str | None = None) -> Iterator[str]:
        """The notes an element (a paragraph, a table row) refers to, each labelled, in order;
        with `nearest` (a tag), only the references whose nearest such ancestor is the element
        (a row's own, not its nested table's)."""
        if not self:
            return
        for reference in element.iter(_FOOTNOTE_REFERENCE, _ENDNOTE_REFERENCE):
            if any(a.tag in _NOT_IN_TEXT for a in reference.iterancestors()):
                continue
            if nearest is not None and next(reference.iterancestors(nearest), None) is not element:
                continue
            end = reference.tag == _ENDNOTE_REFERENCE
            text = self._notes[end].get(reference.get(_ID, ""))
            custom = reference.get(_CUSTOM_MARK) in ("1", "true", "on")
            if not custom:
                self._shown[end] += 1
            if text:
                mark = self._custom_mark(reference) if custom else str(self._shown[end])
                yield labelled(mark, text, end)

    def _custom_mark(self, reference) -> str:
        run = reference.getparent()
        following = run.getnext() if run is not None else None
        return (self._text_of(following).strip() if following is not None else "") or "*"


def _note_texts(word, relationship: str, tag: str, text_of: Callable) -> dict[str, str]:
    """The text of each note of a part (footnotes or endnotes) by its id; {} without the part.
    Word's separators (w:type="separator" …) are no notes."""
    try:
        part = word.part.part_related_by(relationship)
    except KeyError:
        return {}
    element = getattr(part, "element", None)
    if element is None:
        element = etree.fromstring(part.blob)
    texts = {}
    for note in element.iterchildren(qn(tag)):
        if note.get(_TYPE) not in (None, "normal"):
            continue
        text = clean_line(" ".join(text_of(p) for p in note.iter(_P)))
        if text:
            texts[note.get(_ID, "")] = text
    return texts


def holders(groups: Sequence, notes: Sequence, text_of: Callable, marked_in: Callable, page_of: Callable,
            page_of_note: Callable) -> dict[int, tuple[str, ...]]:
    """Each note's text by the index of the paragraph (`groups`) that holds its mark
    (`notes` are (page, mark) keys, `marked_in(group)` the keys a paragraph holds); a note
    whose mark was not found goes with its page's last paragraph."""
    told: dict[int, list[str]] = {}
    for note in notes:
        at = next((k for k, group in enumerate(groups) if note in marked_in(group)), None)
        if at is None:
            on_page = [k for k, group in enumerate(groups) if page_of(group) <= page_of_note(note)]
            at = on_page[-1] if on_page else 0
        told.setdefault(at, []).append(text_of(note))
    return {k: tuple(texts) for k, texts in told.items()}
