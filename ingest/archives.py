"""Reports that provinces send inside .zip, .rar or .7z attachments, unpacked in memory.

Every archive comes from outside and is read as hostile: nothing is written to disk,
member names are kept as data and never used as paths, and decompression is
streamed with every byte counted, so a bomb is stopped at the limit instead of after
it has been inflated. A damaged, encrypted or oversized archive gives `problems`
that a clerk can act on, never an exception.

Zip is read with the standard library's `zipfile`: it opens members at random, so a
bad member can be skipped without touching the others, and it never returns more
bytes than a member declares. 7z and rar are read with libarchive (Debian's
libarchive13, through the `libarchive-c` ctypes binding): one well-kept C library
that streams 7z, RAR4 and RAR5 from memory, where py7zr covers 7z only and rarfile
needs an external unrar/bsdtar binary and a file on disk. libarchive cannot skip a
member of a solid archive without decompressing it, so in 7z and rar a member over
a limit ends the reading of that archive rather than being skipped.
tests/setup.sh installs Debian's libarchive-tools, which pulls in the library under
the name each release gives it (libarchive13 in Debian 12, libarchive13t64 in 13).
"""

from __future__ import annotations

import io
import lzma
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import libarchive
from libarchive.exception import ArchiveError

from baocao.i18n import N_

MiB = 2**20
_CHUNK = 64 * 1024
# Tiny archives of text legitimately compress more than 100:1; a bomb needs volume.
_RATIO_GRACE_BYTES = 1 * MiB

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_RAR4_MAGIC = b"Rar!\x1a\x07\x00"
_RAR5_MAGIC = b"Rar!\x1a\x07\x01\x00"
_7Z_MAGIC = b"7z\xbc\xaf\x27\x1c"

# What zipfile and the decompressors it drives raise on hostile input.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    IndexError,
    OverflowError,
)


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 200  # files in one archive, and in the whole tree of nested ones
    max_total_bytes: int = 200 * MiB  # uncompressed, all members together, whole tree
    max_member_bytes: int = 100 * MiB
    max_ratio: float = 100.0  # uncompressed / compressed, per archive (zip bomb)
    max_depth: int = 3  # archives inside archives


@dataclass(frozen=True)
class Member:
    path: str  # inside the archive, as written (NFC); data only, never a file path
    data: bytes
    depth: int  # 1 = directly inside the attachment


@dataclass(frozen=True)
class Unpacked:
    members: tuple[Member, ...]  # regular files; nested archives replaced by their members
    problems: tuple[str, ...]  # sentences a clerk can act on
    complete: bool  # False when a limit stopped reading or an archive was damaged/encrypted


def archive_format(data: bytes) -> str | None:
    """"zip", "rar" or "7z" by magic bytes, or None.

    Names lie and .docx/.xlsx/.odt are zips too: those are reports, not archives.
    """
    if data.startswith(_7Z_MAGIC):
        return "7z"
    if data.startswith(_RAR4_MAGIC) or data.startswith(_RAR5_MAGIC):
        return "rar"
    if data.startswith(_ZIP_MAGICS):
        return None if _is_office_document(data) else "zip"
    return None


def unpack(data: bytes, name: str, limits: ArchiveLimits = ArchiveLimits()) -> Unpacked:
    """The regular files inside the archive attachment `name`, nested archives opened.

    Never raises on hostile input: whatever could not be read is named in `problems`.
    """
    if archive_format(data) is None:
        return Unpacked(
            members=(),
            problems=(N_("{name}: not a zip, rar or 7z archive; nothing was unpacked.").format(name=name),),
            complete=False,
        )
    tally = _Tally(limits)
    _unpack_into(tally, data, label=name, prefix="", depth=1)
    return Unpacked(tuple(tally.members), tuple(tally.problems), tally.complete)


# --- reading one archive -------------------------------------------------------


class _Damaged(Exception):
    """The archive cannot be read any further; the message says why."""


class _MemberDamaged(Exception):
    """One member cannot be read, the others still can (zip only)."""


@dataclass
class _Tally:
    """What has been read so far across the whole tree, against the shared limits."""

    limits: ArchiveLimits
    members: list[Member] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    complete: bool = True
    entries: int = 0
    total_bytes: int = 0
    stopped: bool = False  # a tree-wide limit was reached: read nothing more

    def problem(self, sentence: str) -> None:
        self.problems.append(sentence)
        self.complete = False


@dataclass(frozen=True)
class _Entry:
    path: str
    kind: str  # "file", "dir", "link" or "other"
    declared_size: int | None  # as the archive claims; checked early, not trusted
    encrypted: bool
    blocks: Iterator[bytes]


def _unpack_into(tally: _Tally, data: bytes, label: str, prefix: str, depth: int) -> None:
    limits = tally.limits
    fmt = archive_format(data)
    skippable = fmt == "zip"  # see the module docstring
    ratio_cap = max(limits.max_ratio * len(data), _RATIO_GRACE_BYTES)
    inflated = 0
    entries = _zip_entries(data) if fmt == "zip" else _libarchive_entries(data, fmt)
    try:
        for entry in entries:
            if entry.kind != "file":
                continue  # directories, links and devices carry no report
            if tally.entries >= limits.max_entries:
                tally.stopped = True
                tally.problem(N_(
                    "{label}: more than {limit} files; only the first {limit} were read: "
                    "ask the province to send the report itself.").format(label=label, limit=limits.max_entries))
                return
            tally.entries += 1
            if entry.encrypted:
                tally.problem(N_(
                    "{label}: {path} is protected by a password and could not be read: "
                    "ask the province to send it without a password.").format(label=label, path=entry.path))
                if skippable:
                    continue
                return
            if entry.declared_size is not None and entry.declared_size > limits.max_member_bytes:
                tally.problem(_too_large(label, entry.path, limits, skippable))
                if skippable:
                    continue
                return
            content = bytearray()
            try:
                for block in entry.blocks:
                    content += block
                    inflated += len(block)
                    tally.total_bytes += len(block)
                    if inflated > ratio_cap:
                        tally.problem(N_(
                            "{label}: unpacks to more than {ratio} times its own size (a possible "
                            "zip bomb); reading stopped: ask the province to send the report itself, "
                            "not in an archive.").format(label=label, ratio=f"{limits.max_ratio:g}"))
                        return
                    if tally.total_bytes > limits.max_total_bytes:
                        tally.stopped = True
                        tally.problem(N_(
                            "{label}: the files inside add up to more than {size}; reading stopped "
                            "there: ask the province to send the report itself.").format(
                                label=label, size=_mib(limits.max_total_bytes)))
                        return
                    if len(content) > limits.max_member_bytes:
                        break
            except _MemberDamaged as e:
                tally.problem(N_(
                    "{label}: {path} could not be read ({reason}); ask the province to send it "
                    "again.").format(label=label, path=entry.path, reason=e))
                continue
            if len(content) > limits.max_member_bytes:
                tally.problem(_too_large(label, entry.path, limits, skippable))
                if skippable:
                    continue
                return
            _add(tally, bytes(content), f"{label}/{entry.path}", prefix + entry.path, depth)
            if tally.stopped:
                return
    except _Damaged as e:
        if "encrypt" in str(e).lower() or "passphrase" in str(e).lower():
            tally.problem(N_(
                "{label}: the archive is protected by a password and could not be read: "
                "ask the province to send it without a password.").format(label=label))
        else:
            tally.problem(N_(
                "{label}: the archive is damaged or incomplete ({reason}); ask the province "
                "to send it again, or to send the report itself.").format(label=label, reason=e))
    finally:
        entries.close()


def _add(tally: _Tally, data: bytes, label: str, path: str, depth: int) -> None:
    """Keep a member, or open it in its turn if it is an archive.

    `label` names the member for the clerk, attachment first ("bao-cao.zip/a/b.zip").
    """
    if archive_format(data) is None:
        tally.members.append(Member(path=path, data=data, depth=depth))
        return
    if depth >= tally.limits.max_depth:
        tally.problem(N_(
            "{label}: an archive nested more than {depth} deep; it was not opened: ask the "
            "province to send the report itself.").format(label=label, depth=tally.limits.max_depth))
        return
    _unpack_into(tally, data, label=label, prefix=path + "/", depth=depth + 1)


def _too_large(label: str, path: str, limits: ArchiveLimits, skippable: bool) -> str:
    then = N_("it was skipped") if skippable else N_("reading stopped there")
    return N_("{label}: {path} is larger than {size} once unpacked; {then}: ask the province to send "
              "the report itself.").format(label=label, path=path, size=_mib(limits.max_member_bytes), then=then)


def _mib(n: int) -> str:
    return f"{n / MiB:g} MiB"


# --- zip -------------------------------------------------------------------------


def _zip_entries(data: bytes) -> Iterator[_Entry]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as e:
        raise _Damaged(_reason(e)) from None
    with archive:
        for info in archive.infolist():
            yield _Entry(
                path=_zip_name(info),
                kind=_zip_kind(info),
                declared_size=info.file_size,
                encrypted=bool(info.flag_bits & 0x1),
                blocks=_zip_blocks(archive, info),
            )


def _zip_blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with archive.open(info) as member:
            while block := member.read(_CHUNK):
                yield block
    except _ZIP_ERRORS as e:
        raise _MemberDamaged(_reason(e)) from None


def _zip_kind(info: zipfile.ZipInfo) -> str:
    if info.is_dir():
        return "dir"
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_IFMT(mode):  # Unix: the mode is meaningful
        if stat.S_ISLNK(mode):
            return "link"
        if not stat.S_ISREG(mode):
            return "other"
    return "file"


def _zip_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its writer meant it.

    The UTF-8 flag is trusted. Without it the standard says cp437, but macOS and many
    tools write UTF-8 unflagged, WinRAR and 7-Zip add a UTF-8 copy in the Info-ZIP
    Unicode Path field, and Windows Explorer on a Vietnamese system writes its code
    page, cp1258. cp437's bytes from 0xB0 up are box drawing and Greek, never in a
    real file name, while they are most of cp1258's Vietnamese letters.
    """
    name = info.filename
    if not info.flag_bits & 0x800:
        raw = name.encode("cp437")
        name = (
            _unicode_path_field(info.extra, raw)
            or _decoded_or_none(raw, "utf-8")
            or (_decoded_or_none(raw, "cp1258") if any(b >= 0xB0 for b in raw) else None)
            or name
        )
    return unicodedata.normalize("NFC", name)


def _unicode_path_field(extra: bytes, raw_name: bytes) -> str | None:
    """The Info-ZIP Unicode Path (0x7075), if it matches the name it stands for."""
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4 : i + 4 + size]
        if tag == 0x7075 and len(body) > 5 and body[0] == 1:
            if struct.unpack_from("<I", body, 1)[0] == zlib.crc32(raw_name):
                return _decoded_or_none(body[5:], "utf-8")
        i += 4 + size
    return None


def _decoded_or_none(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _is_office_document(data: bytes) -> bool:
    """A .docx/.xlsx/.pptx (OOXML) or .odt/.ods (OpenDocument) package."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names or "word/document.xml" in names:
                return True
            if "mimetype" in names:
                with archive.open("mimetype") as f:
                    return f.read(100).startswith(b"application/vnd.oasis.opendocument")
            return False
    except _ZIP_ERRORS:
        return False  # a damaged zip is still an archive: unpack() reports the damage


# --- 7z and rar, through libarchive -------------------------------------------------


def _libarchive_entries(data: bytes, fmt: str | None) -> Iterator[_Entry]:
    # Name the exact format so libarchive never guesses at something else.
    format_name = {"7z": "7zip", "rar": "rar5" if data.startswith(_RAR5_MAGIC) else "rar"}
    try:
        with libarchive.memory_reader(
            data, format_name=format_name[fmt], filter_name="none"
        ) as archive:
            for number, entry in enumerate(archive, start=1):
                yield _Entry(
                    # None when the process locale cannot hold the name (a C locale).
                    path=unicodedata.normalize("NFC", entry.pathname or f"(file {number})"),
                    kind=_libarchive_kind(entry),
                    declared_size=entry.size,
                    encrypted=_libarchive_encrypted(entry),
                    blocks=_libarchive_blocks(entry),
                )
    except (ArchiveError, UnicodeError, ValueError, TypeError) as e:
        raise _Damaged(_reason(e)) from None


def _libarchive_blocks(entry) -> Iterator[bytes]:
    try:
        for block in entry.get_blocks(_CHUNK):
            yield block
    except (ArchiveError, ValueError) as e:
        raise _Damaged(_reason(e)) from None


def _libarchive_kind(entry) -> str:
    if entry.isdir:
        return "dir"
    if entry.issym or entry.islnk:
        return "link"
    return "file" if entry.isreg else "other"


def _libarchive_encrypted(entry) -> bool:
    return bool(
        _entry_is_encrypted is not None and _entry_is_encrypted(entry._entry_p) > 0
    )


def _bind_is_encrypted():
    """libarchive's own flag (3.2+); without it an encrypted entry fails on reading."""
    import ctypes

    try:
        function = libarchive.ffi.libarchive.archive_entry_is_encrypted
    except AttributeError:
        return None
    function.argtypes = [ctypes.c_void_p]
    function.restype = ctypes.c_int
    return function


_entry_is_encrypted = _bind_is_encrypted()


def _reason(e: BaseException) -> str:
    # libarchive-c appends its pointer and return code; the clerk needs the words.
    text = str(e).split(" (errno=")[0].strip() or type(e).__name__
    return text[:200]
