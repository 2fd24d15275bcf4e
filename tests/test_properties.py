"""Properties that must hold for any input, checked with hypothesis: the readers of
untrusted input never raise, and matching does not depend on how a text is written."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mailserver import MAILBOX

from baocao.aggregate.amounts import LEAST_DONG, funding_total
from baocao.campaign import load_campaign
from baocao.ingest.classify import campaign_match, non_report_kind
from baocao.ingest.mime import read_message
from baocao.parse.formats import detect_format
from baocao.parse.headings import match_heading

OUTLINE = load_campaign().sections
CAMPAIGN = load_campaign()
SAMPLE = (MAILBOX / "04-quang-ninh.eml").read_bytes()
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=4000))
@example(b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n")
@example(b"Subject: =?utf-8?B?////?=\r\n\r\n")
def test_reading_any_bytes_as_a_message_never_raises(raw):
    message = read_message(raw)
    non_report_kind(message)
    campaign_match([message.subject, message.body], CAMPAIGN)


@FAST
@given(st.integers(0, len(SAMPLE) - 1), st.binary(min_size=1, max_size=64))
def test_a_real_report_with_damaged_bytes_is_still_read_without_raising(at, garbage):
    read_message(SAMPLE[:at] + garbage + SAMPLE[at + len(garbage):])


@FAST
@given(st.binary(max_size=2000), st.text(max_size=40))
def test_detecting_a_format_never_raises(data, name):
    detect_format(data, name)


def _variants(text: str):
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    return [text.upper(), text.lower(), decomposed, bare, bare.upper(), text.replace("òa", "oà").replace("óa", "oá")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OUTLINE), st.sampled_from(["", "1. ", "I. ", "IV. ", "a) ", "Phần II. "]))
def test_an_outline_heading_matches_its_item_however_it_is_written(section, number):
    for written in _variants(section.heading):
        assert section.number in match_heading(number + written, OUTLINE), written


@FAST
@given(st.text(max_size=300))
def test_matching_any_text_as_a_heading_never_raises(text):
    match_heading(text, OUTLINE)


@st.composite
def vietnamese_amounts(draw):
    """An amount and the way a Vietnamese document writes it."""
    unit, factor = draw(st.sampled_from([("đồng", 1), ("triệu đồng", 10**6), ("tỷ đồng", 10**9), ("tỉ", 10**9),
                                         ("nghìn tỷ", 10**12)]))
    # A few đồng are no money a report states (amounts.LEAST_DONG): none, or a thousand đồng and more.
    whole = draw(st.integers(0, 999_999) if factor > 1 else st.one_of(st.just(0), st.integers(LEAST_DONG, 999_999)))
    decimals = draw(st.sampled_from(["", "5", "25", "75"])) if factor > 1 else ""
    grouped = f"{whole:,}".replace(",", ".")
    written = grouped + ("," + decimals if decimals else "")
    value = (Decimal(whole) + (Decimal("0." + decimals) if decimals else 0)) * factor
    return f"{written} {unit}", int(value)


@FAST
@given(vietnamese_amounts())
def test_an_amount_written_the_vietnamese_way_reads_back_to_its_value(amount):
    written, value = amount
    assert funding_total(f"Tổng kinh phí thực hiện là {written}.").vnd == value


@FAST
@given(st.text(max_size=500))
def test_reading_amounts_in_any_text_never_raises(text):
    funding_total(text)


@example(b"Subject: =?\xfftf-8?B?QQ==?=\r\n\r\nx")
@given(st.just(b""))
def test_a_charset_name_with_non_ascii_bytes_is_read_without_raising(raw):
    # Found by bench/fuzz_mime.py: email.errors.CharsetError escaped the header decoder.
    read_message(raw or b"Subject: =?\xfftf-8?B?QQ==?=\r\n\r\nx")
