"""What the consolidated letter says, as plain data: the title block, the body's headings,
paragraphs and tables, the signature and the annexes. `baocao.render.letter` builds it from
the table; one writer per format (docx, html, md) lays it out, so every format says the
same thing and a test reads the content without opening a file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, Union

ParagraphKind = Literal["body", "quote", "placeholder", "note", "excerpt"]


@dataclass(frozen=True)
class Heading:
    block: ClassVar[str] = "heading"   # what a template tests to lay a block out
    text: str
    level: int  # 1: "1. …", 2: "2.3. …", 3: a province's name in an annex


@dataclass(frozen=True)
class Paragraph:
    block: ClassVar[str] = "paragraph"
    text: str
    kind: ParagraphKind = "body"  # quote: a province's words with their citation; placeholder: for the ministry
    ident: str = ""               # a stable anchor for the html (and for tests)


@dataclass(frozen=True)
class Table:
    block: ClassVar[str] = "table"
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...]
    numeric: tuple[bool, ...]           # right-aligned columns
    bold_rows: frozenset[int] = frozenset()  # indexes of total and group rows
    # Rows whose last non-empty cell runs to the row's end: a region's name over its group, "chưa gửi
    # báo cáo" over the figures a province did not give.
    spanning_rows: frozenset[int] = frozenset()
    title: str = ""
    unit: str = ""                      # "Đơn vị tính: tỷ đồng", above the table on the right
    small: bool = False
    ident: str = ""


Block = Union[Heading, Paragraph, Table]


@dataclass(frozen=True)
class Bar:
    label: str            # "Đúng hạn", "Hà Nội"
    value: float          # in the chart's unit: provinces, tỷ đồng
    shown: str            # as written beside the bar: "42", "125,50", "chưa có số liệu"
    key: str = ""         # a stable class for the html ("on_time")


@dataclass(frozen=True)
class Chart:
    """A bar chart of figures the letter already gives in a table beside it: drawn by the
    html (inline SVG) for the reader on screen; the signed .docx/.pdf keep the tables only."""
    ident: str
    after: str                    # the ident of the block (table or paragraph) it illustrates
    caption: str
    bars: tuple[Bar, ...]
    scale: float                  # the value of a full-length bar: all the provinces, the largest amount
    title: str = ""               # above the chart: a region's name in a chart of provinces by region

    @property
    def description(self) -> str:
        """What the chart shows, as text for a screen reader."""
        return f"{self.title + ': ' if self.title else ''}" + "; ".join(f"{b.label}: {b.shown}" for b in self.bars)


@dataclass(frozen=True)
class TitleBlock:
    issuer: str           # "BỘ XÂY DỰNG"
    number: str           # "Số:      /BXD-PTĐT" (the registry writes the number)
    subject: str          # "V/v báo cáo …"
    place_date: str       # "Hà Nội, ngày 29 tháng 6 năm 2022"
    addressee: str        # "Kính gửi: Thủ tướng Chính phủ" (no full stop: Nghị định 30)


@dataclass(frozen=True)
class Signature:
    recipients: tuple[str, ...]   # "Như trên;", …, "Lưu: VT, PTĐT."
    authority: tuple[str, ...]    # "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"
    name: str                     # the signer's name, or a placeholder the reviewer replaces


@dataclass(frozen=True)
class Annex:
    number: str           # "I"
    title: str            # upper case
    attached: str         # "(Kèm theo Công văn số      /BXD-PTĐT ngày 29/6/2022 của Bộ Xây dựng)"
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Summary:
    """The counts the letter states, for the status table and for checks."""
    total: int
    reported: int
    on_time: int
    late: int
    missing: int
    unreadable: int
    corrected: int


@dataclass(frozen=True)
class Report:
    title: TitleBlock
    body: tuple[Block, ...]          # from the opening to the closing sentence
    closing: str                     # "… kính báo cáo Thủ tướng Chính phủ xem xét, chỉ đạo./."
    signature: Signature
    annexes: tuple[Annex, ...]
    summary: Summary
    funding_total_vnd: int | None    # the national total the letter and Annex II state
    subject: str = ""                # the short subject, for the html <title>
    charts: tuple[Chart, ...] = ()   # pictures of the tables they follow (html only)

    def part(self, heading_start: str) -> list[Block]:
        """The blocks under the body's one heading starting with `heading_start`, up to the
        next heading of its level or above."""
        starts = [i for i, b in enumerate(self.body) if isinstance(b, Heading) and b.text.startswith(heading_start)]
        if len(starts) != 1:
            raise KeyError(f"{heading_start!r}: {len(starts)} headings")
        level = self.body[starts[0]].level
        out = []
        for block in self.body[starts[0] + 1:]:
            if isinstance(block, Heading) and block.level <= level:
                break
            out.append(block)
        return out

    def part_text(self, heading_start: str) -> str:
        return "\n".join(line for block in self.part(heading_start) for line in _lines(block))

    def all_text(self) -> str:
        """Every word of the letter, annexes included, one block a line: what tests search."""
        lines = [self.title.issuer, self.title.number, self.title.subject, self.title.place_date,
                 self.title.addressee]
        for block in (*self.body, Paragraph(self.closing)):
            lines += _lines(block)
        lines += ["Nơi nhận:", *self.signature.recipients, *self.signature.authority, self.signature.name]
        for annex in self.annexes:
            lines += [f"Phụ lục {annex.number}", annex.title, annex.attached]
            for block in annex.blocks:
                lines += _lines(block)
        return "\n".join(lines)


def _lines(block: Block) -> list[str]:
    if isinstance(block, Table):
        return [block.title, block.unit, " | ".join(block.headers), *(" | ".join(r) for r in block.rows)]
    return [block.text]
