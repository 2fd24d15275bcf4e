"""Reports sent inside .zip, .rar and .7z attachments: found, and unpacked safely.

Every archive here is built by the test itself: zip with zipfile, 7z with
libarchive's writer, rar (which no free tool writes) with the small stored-method
writers below, checked against libarchive's reader and the RAR format notes.
"""

import io
import random
import stat
import struct
import time
import tracemalloc
import unicodedata
import zipfile
import zlib

import docx
import libarchive
import pytest
from legacy_encodings import to_cp1258

from baocao.ingest.archives import ArchiveLimits, Member, archive_format, unpack

VN_NAME = "Báo cáo tỉnh Đắk Lắk – đợt 1.docx"
MiB = 2**20


# --- builders ----------------------------------------------------------------------


def make_zip(files, compresslevel=None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        for name, data in files:
            z.writestr(name, data)
    return buf.getvalue()


def make_zip_with_raw_name(raw_name: bytes, data: bytes = b"report") -> bytes:
    """A zip whose name bytes are written as given, without the UTF-8 flag."""
    placeholder = b"x" * len(raw_name)
    archive = make_zip([(placeholder.decode("ascii"), data)])
    assert archive.count(placeholder) == 2  # local header and central directory
    return archive.replace(placeholder, raw_name)


def make_7z(files) -> bytes:
    out = bytearray()

    def write(chunk):
        out.extend(chunk)
        return len(chunk)

    with libarchive.custom_writer(write, "7zip") as archive:
        for name, data in files:
            archive.add_file_from_memory(name, len(data), data)
    return bytes(out)


def make_rar4(files, symlinks=()) -> bytes:
    """RAR 1.5-4.x, method "store", names in UTF-8 under the Unicode flag.

    A symlink is an entry from a Unix host whose mode says link and whose data is the target.
    """

    def block(head_type, flags, body):
        rest = struct.pack("<BHH", head_type, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(rest) & 0xFFFF) + rest

    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, bytes(6))
    entries = [(name, data, 2, 0x20) for name, data in files]  # Windows host, "archive" bit
    entries += [(name, target.encode(), 3, stat.S_IFLNK | 0o777) for name, target in symlinks]
    for name, data, host, attributes in entries:
        raw = name.encode("utf-8")
        body = struct.pack(
            "<IIBIIBBHI", len(data), len(data), host, zlib.crc32(data), 0x5A210000, 20, 0x30,
            len(raw), attributes,
        ) + raw
        out += block(0x74, 0x8000 | 0x0200, body) + data
    return out + block(0x7B, 0x4000, b"")


def make_rar5(files) -> bytes:
    """RAR 5.0 (WinRAR's default today), method "store"."""

    def vint(n):
        out = bytearray()
        while True:
            out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
            n >>= 7
            if not n:
                return bytes(out)

    def block(fields):
        size = vint(len(fields))
        return struct.pack("<I", zlib.crc32(size + fields)) + size + fields

    out = b"Rar!\x1a\x07\x01\x00" + block(vint(1) + vint(0) + vint(0))
    for name, data in files:
        raw = name.encode("utf-8")
        out += block(
            vint(2) + vint(0x2) + vint(len(data))  # file header with a data area
            + vint(0x4) + vint(len(data)) + vint(0x20) + struct.pack("<I", zlib.crc32(data))
            + vint(0) + vint(0) + vint(len(raw)) + raw  # stored, Windows, name
        ) + data
    return out + block(vint(5) + vint(0) + vint(0))


BUILDERS = {"zip": make_zip, "7z": make_7z, "rar4": make_rar4, "rar5": make_rar5}


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("BÁO CÁO tình hình thực hiện")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def paths(unpacked) -> list[str]:
    return [m.path for m in unpacked.members]


# --- finding the report ----------------------------------------------------------------


@pytest.mark.parametrize("kind", BUILDERS)
def test_report_inside_an_archive_is_found_with_its_vietnamese_name(kind):
    archive = BUILDERS[kind]([(VN_NAME, b"report"), ("Phụ lục/Biểu 01.pdf", b"%PDF-1.4")])
    result = unpack(archive, f"bao-cao.{kind[:3]}")
    assert result.members == (
        Member(path=VN_NAME, data=b"report", depth=1),
        Member(path="Phụ lục/Biểu 01.pdf", data=b"%PDF-1.4", depth=1),
    )
    assert result.problems == () and result.complete


@pytest.mark.parametrize("kind,expected", [("zip", "zip"), ("7z", "7z"), ("rar4", "rar"), ("rar5", "rar")])
def test_archive_format_is_told_by_magic_bytes(kind, expected):
    assert archive_format(BUILDERS[kind]([("a.docx", b"x")])) == expected


def test_docx_is_not_taken_for_an_archive():
    assert archive_format(make_docx()) is None


def test_odt_is_not_taken_for_an_archive():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert archive_format(buf.getvalue()) is None


def test_docx_inside_a_zip_is_a_member_not_unpacked():
    report = make_docx()
    result = unpack(make_zip([("bao-cao.docx", report)]), "thu.zip")
    assert result.members == (Member("bao-cao.docx", report, 1),)


def test_attachment_that_is_not_an_archive_is_a_problem():
    result = unpack(b"%PDF-1.4 ...", "bao-cao.zip")
    assert result.members == () and not result.complete
    assert result.problems == ("bao-cao.zip: not a zip, rar or 7z archive; nothing was unpacked.",)


def test_directories_are_not_members():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.mkdir("Báo cáo")
        z.writestr("Báo cáo/tong-hop.docx", b"x")
    assert paths(unpack(buf.getvalue(), "a.zip")) == ["Báo cáo/tong-hop.docx"]


# --- zip names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Báo cáo.docx".encode("cp437"), "Báo cáo.docx"),  # the zip standard, no flag
        (VN_NAME.encode("utf-8"), VN_NAME),  # macOS and others: UTF-8 without the flag
        (to_cp1258(VN_NAME), VN_NAME),  # Windows Explorer on a Vietnamese system
    ],
    ids=["cp437", "utf8-unflagged", "cp1258"],
)
def test_zip_with_cp437_and_utf8_names(raw, expected):
    assert paths(unpack(make_zip_with_raw_name(raw), "a.zip")) == [expected]


def test_zip_name_with_the_utf8_flag_is_read_as_utf8():
    archive = make_zip([(VN_NAME, b"x")])
    assert zipfile.ZipFile(io.BytesIO(archive)).infolist()[0].flag_bits & 0x800
    assert paths(unpack(archive, "a.zip")) == [VN_NAME]


def test_zip_name_in_the_unicode_path_field_is_preferred():
    raw = b"Bao cao.docx"  # what an old tool shows; the extra field holds the real name
    unicode_field = b"\x01" + struct.pack("<I", zlib.crc32(raw)) + VN_NAME.encode("utf-8")
    info = zipfile.ZipInfo(raw.decode("ascii"))
    info.extra = struct.pack("<HH", 0x7075, len(unicode_field)) + unicode_field
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info, b"x")
    assert paths(unpack(buf.getvalue(), "a.zip")) == [VN_NAME]


def test_names_written_decomposed_are_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", VN_NAME)
    for archive in (make_zip([(decomposed, b"x")]), make_7z([(decomposed, b"x")])):
        assert paths(unpack(archive, "a")) == [VN_NAME]


@pytest.mark.parametrize("kind", BUILDERS)
def test_path_traversal_names_are_kept_as_data(kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = ["../../etc/passwd", "C:\\x", "/abs", "a/../../b.docx"]
    archive = BUILDERS[kind]([(name, b"x") for name in names])
    result = unpack(archive, "a")
    if kind == "rar4":  # RAR4 names use "\\" as their folder separator; libarchive turns it into "/"
        names = [name.replace("\\", "/") for name in names]
    assert paths(result) == names
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


# --- entries that are not files --------------------------------------------------------


def test_symlink_entries_are_skipped():
    link = zipfile.ZipInfo("bao-cao.docx")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(link, "/etc/passwd")
        z.writestr("that-bai.docx", b"real")
    result = unpack(buf.getvalue(), "a.zip")
    assert paths(result) == ["that-bai.docx"] and result.complete


def test_symlink_entries_in_a_rar_are_skipped():
    archive = make_rar4([("real.docx", b"real")], symlinks=[("bao-cao.docx", "/etc/passwd")])
    result = unpack(archive, "a.rar")
    assert paths(result) == ["real.docx"] and result.complete


# --- nesting ---------------------------------------------------------------------------


def test_nested_archives_are_unpacked_with_their_path():
    inner = make_7z([("bao-cao.docx", b"report")])
    outer = make_zip([("tinh/inner.7z", inner), ("ghi-chu.txt", b"note")])
    result = unpack(outer, "thu.zip")
    assert result.members == (
        Member("tinh/inner.7z/bao-cao.docx", b"report", 2),
        Member("ghi-chu.txt", b"note", 1),
    )
    assert result.complete


def test_nested_zip_is_unpacked_to_the_depth_limit():
    archive = make_zip([("bao-cao.docx", b"level 4")])
    for level in (3, 2, 1):
        archive = make_zip([(f"level{level + 1}.zip", archive), (f"r{level}.docx", b"x")])
    result = unpack(archive, "thu.zip")  # thu.zip > level2.zip > level3.zip > level4.zip
    assert [(m.path, m.depth) for m in result.members] == [
        ("level2.zip/level3.zip/r3.docx", 3),
        ("level2.zip/r2.docx", 2),
        ("r1.docx", 1),
    ]
    assert not result.complete
    assert result.problems == (
        "thu.zip/level2.zip/level3.zip/level4.zip: an archive nested more than 3 deep; "
        "it was not opened: ask the province to send the report itself.",
    )


# --- limits ----------------------------------------------------------------------------


def test_zip_bomb_is_stopped_at_the_ratio_limit_without_inflating_it():
    bomb = make_zip([("bao-cao.docx", bytes(90 * MiB))], compresslevel=9)  # ~90 KB
    tracemalloc.start()
    try:
        result = unpack(bomb, "bom.zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.members == () and not result.complete
    assert result.problems == (
        "bom.zip: unpacks to more than 100 times its own size (a possible zip bomb); "
        "reading stopped: ask the province to send the report itself, not in an archive.",
    )
    assert peak < 20 * MiB  # stopped near 100 x 90 KB, not at 90 MB


def test_gigabyte_bomb_is_refused_on_its_declared_size_at_once():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("bao-cao.docx", "w") as member:
            zeros = bytes(MiB)
            for _ in range(1024):
                member.write(zeros)
    started = time.monotonic()
    result = unpack(buf.getvalue(), "bom.zip")
    assert time.monotonic() - started < 1
    assert result.members == () and not result.complete
    assert "bom.zip: bao-cao.docx is larger than 100 MiB once unpacked; it was skipped" in result.problems[0]


def test_7z_bomb_is_stopped_at_the_ratio_limit():
    out = bytearray()

    def write(chunk):
        out.extend(chunk)
        return len(chunk)

    zeros = bytes(MiB)
    with libarchive.custom_writer(write, "7zip") as archive:
        archive.add_file_from_memory("bao-cao.docx", 90 * MiB, (zeros for _ in range(90)))
    result = unpack(bytes(out), "bom.7z")
    assert result.members == () and not result.complete
    assert "a possible zip bomb" in result.problems[0]


def test_oversized_member_is_skipped_and_the_rest_read():
    archive = make_zip([("video.mp4", bytes(2 * MiB)), ("bao-cao.docx", b"report")])
    result = unpack(archive, "a.zip", ArchiveLimits(max_member_bytes=MiB))
    assert paths(result) == ["bao-cao.docx"] and not result.complete
    assert result.problems == (
        "a.zip: video.mp4 is larger than 1 MiB once unpacked; it was skipped: "
        "ask the province to send the report itself.",
    )


def test_too_many_entries_reads_the_first_ones_and_says_so():
    archive = make_zip([(f"{i:03}.docx", b"x") for i in range(250)])
    result = unpack(archive, "bao-cao.zip")
    assert len(result.members) == 200 and result.members[-1].path == "199.docx"
    assert not result.complete
    assert result.problems == (
        "bao-cao.zip: more than 200 files; only the first 200 were read: "
        "ask the province to send the report itself.",
    )


def test_entry_limit_counts_across_nested_archives():
    inner = make_zip([(f"{i}.docx", b"x") for i in range(8)])
    outer = make_zip([("a.zip", inner), ("b.zip", inner)])
    result = unpack(outer, "thu.zip", ArchiveLimits(max_entries=10))
    # a.zip, its 8 files and b.zip make 10 entries: b.zip's first file is one too many.
    assert paths(result) == [f"a.zip/{i}.docx" for i in range(8)]
    assert result.problems[0].startswith("thu.zip/b.zip: more than 10 files")


def test_total_size_limit_counts_across_nested_archives():
    inner = make_zip([(f"{i}.pdf", bytes(100 * 1024)) for i in range(3)])
    outer = make_zip([("a.zip", inner), ("b.zip", inner)])
    limits = ArchiveLimits(max_total_bytes=500 * 1024, max_ratio=10_000)
    result = unpack(outer, "thu.zip", limits)
    assert not result.complete
    assert sum(len(m.data) for m in result.members) <= 500 * 1024
    assert "the files inside add up to more than" in result.problems[0]


# --- damaged and encrypted -------------------------------------------------------------


def test_encrypted_zip_is_a_problem_not_a_crash():
    out = bytearray()

    def write(chunk):
        out.extend(chunk)
        return len(chunk)

    with libarchive.custom_writer(write, "zip", options="encryption=zipcrypt", passphrase="123") as z:
        z.add_file_from_memory("bao-cao.docx", 6, b"report")
    result = unpack(bytes(out), "mat.zip")
    assert result.members == () and not result.complete
    assert result.problems == (
        "mat.zip: bao-cao.docx is protected by a password and could not be read: "
        "ask the province to send it without a password.",
    )


@pytest.mark.parametrize("kind", BUILDERS)
def test_truncated_archive_is_a_problem_not_a_crash(kind):
    archive = BUILDERS[kind]([(VN_NAME, random.Random(1).randbytes(50_000))])
    result = unpack(archive[: len(archive) // 2], "a")
    assert not result.complete
    assert result.problems and "damaged or incomplete" in result.problems[0]


def test_corrupt_member_in_a_zip_is_a_problem_and_the_others_are_read():
    archive = bytearray(make_zip([("hong.docx", b"A" * 1000), ("tot.docx", b"fine")]))
    archive[40:50] = b"\xff" * 10  # inside hong.docx's deflated data
    result = unpack(bytes(archive), "a.zip")
    assert paths(result) == ["tot.docx"] and not result.complete
    assert result.problems[0].startswith("a.zip: hong.docx could not be read")


@pytest.mark.parametrize("kind", BUILDERS)
def test_randomly_damaged_archives_never_raise(kind):
    rng = random.Random(kind)
    archive = BUILDERS[kind]([(VN_NAME, rng.randbytes(3000)), ("b.pdf", b"%PDF" * 500)])
    for _ in range(300):
        damaged = bytearray(archive)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        result = unpack(bytes(damaged[: rng.randint(8, len(damaged))]), "a")
        assert isinstance(result.complete, bool)
