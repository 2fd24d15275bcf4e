"""What an attachment is, by its content first: provinces send reports as
application/octet-stream or with the wrong extension."""

from __future__ import annotations

import io
import zipfile

DOCUMENT_FORMATS = ("docx", "pdf", "doc", "odt", "rtf", "encrypted-office")
# An Office file saved with a password is an OLE2 container with this stream instead of
# the document: nothing can read it without the password. Its directory entry (128 bytes,
# at a multiple of 128 in the file) starts with the name in UTF-16 and its NUL, and holds
# that length in bytes at offset 64; the directory may be anywhere in the file.
_ENCRYPTED_PACKAGE = "EncryptedPackage\0".encode("utf-16-le")
_ENTRY_NAME_LENGTH = len(_ENCRYPTED_PACKAGE).to_bytes(2, "little")


def detect_format(data: bytes, filename: str = "") -> str:
    """docx, pdf, doc, odt, rtf, encrypted-office, zip, or the file name's extension
    (lower case), or ''."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _has_encrypted_package(data):
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


def _has_encrypted_package(data: bytes) -> bool:
    at = data.find(_ENCRYPTED_PACKAGE)
    while at >= 0:
        if at % 128 == 0 and data[at + 64:at + 66] == _ENTRY_NAME_LENGTH:
            return True
        at = data.find(_ENCRYPTED_PACKAGE, at + 1)
    return False
