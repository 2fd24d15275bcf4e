"""A report file as plain data: its body as a sequence of blocks in reading order.

Readers of each format (.docx now; .pdf and .doc later) produce a `Document`; finding
the outline sections works on `Document` alone, so it does not care where text came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from baocao.i18n import N_


class DocumentError(Exception):
    """A file that cannot be read as the format it claims to be."""

    def __init__(self, path: Path | str, reason: str, kind: str = N_("a Word .docx file"),
                 action: str = N_("Open it in Word or LibreOffice and save it again as .docx, "
                                  "or ask the province to send the report again.")):
        self.path = Path(path)
        self.reason = reason
        # Without the file's name: whoever shows it names the file once (the errors list, the table).
        # In English: the store records it; `baocao errors` shows it translated (i18n.recorded_text).
        self.message = N_("cannot read it as {kind} ({reason}). {action}").format(kind=kind, reason=reason,
                                                                                  action=action)
        super().__init__(f"{self.path.name}: {self.message}")


@dataclass(frozen=True)
class Block:
    """One paragraph, or one table row, in reading order."""

    index: int  # position among the body's paragraphs and table rows (0-based), for tracing
    text: str  # NFC, cleaned; a table row is its cells joined with " | "
    kind: str  # "paragraph" | "table_row"
    style: str  # Word style name ("Heading 1", "Normal", ...)
    heading_level: int | None  # 0 for "Title", N for "Heading N" or outline level N-1; else None
    bold: bool  # every non-blank run is bold, directly or through a style
    number: str = ""  # numbering label in front of the text ("I.", "1.1.", "a)"), typed or Word's own
    page: int | None = None  # 1-based page for paginated formats (PDF, scans); None for Word files
    # The bold sentence a paragraph opens with, the rest of it not bold ("Tình hình của tỉnh
    # từ năm 2014. Giai đoạn 2015 – 2017, …"): a heading run into its text; "" for none.
    lead: str = ""
    underlined: bool = False  # every non-blank run is underlined: a heading's mark where it is not bold
    coloured: bool = False  # every non-blank run in one colour that is not the body's: a heading's mark too
    spaced: bool = False  # its letters set apart (character spacing, "K Ế T  Q U Ả"): a heading's mark too
    # its text laid on a background (a highlighter's yellow, a shading), or in a PDF a box ruled
    # round it (a paragraph's border): a heading's mark too
    highlighted: bool = False
    # its paragraph alone in a box, a border drawn on its four sides: a heading's mark too
    boxed: bool = False
    # The footnotes and endnotes the block refers to, each "[Chú thích N] text" (parse/footnotes.py):
    # no part of its text, read at the end of the item that holds the block.
    notes: tuple[str, ...] = ()
    # The list marker that is no number Word draws in front of the paragraph ("❖", "•", "➢"
    # of a bullet list), not in `text`; "" for none. A marker typed into the text stays there.
    bullet: str = ""
    # Its text was read with OCR from a picture of a line alone between paragraphs (a heading
    # pasted as a clipping, parse/line_pictures.py): the reviewer should check it.
    pictured: bool = False
    # Its label was set in a narrow frame in the left margin beside it and wrapped there, read back
    # in front of its title from a scan (parse/pdf.py): a column of its own, which OCR may lose.
    margin_label: bool = False

    @property
    def line(self) -> str:
        """The text as a reader sees it: Word's auto-number is not in `text`, so put it back."""
        if self.number and not self.text.startswith(self.number):
            return f"{self.number} {self.text}"
        return self.text


@dataclass(frozen=True)
class Document:
    name: str  # file name as given
    blocks: tuple[Block, ...]
    ocr: bool = False  # the text was recognised from page images: the reviewer should know
    partial: str = ""  # why only part of the file could be read ("" when all of it was)
    # The first page's header, its lines and table rows as the body's (a Word file's letterhead
    # may be there, in a different first page's header, not in the body); "" for none.
    header: str = ""
