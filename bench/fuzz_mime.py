"""A long fuzz run of the message reader: any bytes, and real messages damaged at random,
must be read without an exception escaping.

    python3 bench/fuzz_mime.py --minutes 10

Uses hypothesis (its shrinking reports the smallest failing input); prints the number of
inputs tried and exits 1 on the first crash."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.campaign import load_campaign
from baocao.ingest.classify import campaign_match, non_report_kind
from baocao.ingest.mime import read_message

SAMPLES = [p.read_bytes()
           for p in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "mailbox").glob("*.eml"))]
CAMPAIGN = load_campaign()


@st.composite
def damaged(draw):
    raw = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 8))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "header"]))
        if action == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at:at + draw(st.integers(1, 2000))]
        elif action == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=200))
        else:
            raw[at:at] = draw(st.sampled_from([b"\r\n--", b"=?utf-8?B?", b"=?x-unknown?Q?", b"\r\n\r\n",
                                               b"boundary=\"", b"Content-Type: message/rfc822\r\n"]))
    return bytes(raw)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()
    tried = [0]
    deadline = time.monotonic() + args.minutes * 60

    # Rounds of 2,000 inputs, each with fresh randomness, until the time is up.
    @settings(max_examples=2000, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=20_000), damaged()))
    def reader_never_raises(raw):
        tried[0] += 1
        message = read_message(raw)
        non_report_kind(message)
        campaign_match([message.subject, message.body], CAMPAIGN)

    started = time.monotonic()
    try:
        while time.monotonic() < deadline:
            reader_never_raises()
    except Exception as e:  # hypothesis re-raises the shrunk failing case
        import traceback

        traceback.print_exception(e)
        print(f"CRASH after {tried[0]} inputs: {type(e).__name__}: {e}")
        return 1
    print(f"{tried[0]} inputs in {time.monotonic() - started:.0f} s, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
