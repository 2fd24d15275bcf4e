"""What an attachment is, by its content first: provinces send reports as
application/octet-stream or with the wrong extension."""

from __future__ import annotations

import io
import zipfile

DOCUMENT_FORMATS = ("docx", "pdf", "doc", "odt", "rtf", "encrypted-office")
# An Office file saved with a password is an OLE2 container with this stream instead of
# the document: nothing can read it without the password.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def detect_format(data: bytes, filename: str = "") -> str:
    """docx, pdf, doc, odt, rtf, encrypted-office, zip, or the file name's extension
    (lower case), or ''."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _ENCRYPTED_PACKAGE in data[:65536]:
            return "encrypted-office"
        return "doc"  # OLE2: Word 97-2003 (also old .xls/.ppt, which fail later with a clear error)
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
        except (zipfile.BadZipFile, OSError, KeyError, ValueError):
            pass
        extension = _extension(filename)
        return extension if extension in DOCUMENT_FORMATS else "zip"  # a damaged .docx stays a .docx
    return _extension(filename)


def _extension(filename: str) -> str:
    return filename.rpartition(".")[2].lower() if "." in filename else ""
