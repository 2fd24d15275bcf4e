"""Parse stage: report files into outline sections."""

from baocao.parse.docx import read_docx
from baocao.parse.document import Block, Document, DocumentError
from baocao.parse.sections import ParsedReport, Section, SourceRef, extract_sections

__all__ = [
    "Block",
    "Document",
    "DocumentError",
    "ParsedReport",
    "Section",
    "SourceRef",
    "extract_sections",
    "read_docx",
]
