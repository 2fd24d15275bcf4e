"""One attachment in, its outline sections out, whatever the format; a document that
cannot be read becomes a result with an error, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from baocao.campaign import OutlineSection
from baocao.parse.document import DocumentError
from baocao.parse.sections import Section, extract_sections


@dataclass(frozen=True)
class ParsedDocument:
    format: str
    status: str                 # ok | no_sections | failed | unsupported
    sections: tuple[Section, ...]
    letterhead: str
    error: str = ""
    numbers: tuple[int, ...] = ()   # the section numbers, when read back without their text

    @property
    def section_numbers(self) -> tuple[int, ...]:
        return tuple(s.number for s in self.sections) or self.numbers


def parse_document(path: Path, fmt: str, filename: str, outline: Sequence[OutlineSection]) -> ParsedDocument:
    if fmt != "docx":
        return ParsedDocument(fmt, "unsupported", (), "",
                              f"{fmt.upper()} reports are not read by this version of baocao; read it yourself")
    from baocao.parse.docx import read_docx

    try:
        report = extract_sections(read_docx(path), outline)
    except DocumentError as e:
        return ParsedDocument(fmt, "failed", (), "", str(e))
    if not report.sections:
        return ParsedDocument(fmt, "no_sections", (), report.letterhead,
                              "no heading of the report outline was found in it")
    return ParsedDocument(fmt, "ok", report.sections, report.letterhead)
