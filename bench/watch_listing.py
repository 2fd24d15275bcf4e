"""What one full check of a folder holds while it finds one new message, against the
folder's size: the tracemalloc peak of `open_source` (the store's side included) over a
store whose catalogue holds every message of the folder but the newest. `baocao watch`
runs a full check at start, after each reconnection and on the timer, for days, on a
folder that only grows: that peak must not grow with the folder (RSS keeps the pages of
the highest peak). Only the catalogue's rows are made, not the objects: the search for new
mail reads nothing else.

    python3 bench/watch_listing.py [--sizes 51,301,901,2001,4001]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from mailserver import Dovecot, append_raw, filler_message, free_port  # noqa: E402

from baocao.ingest.imap import ImapSettings  # noqa: E402
from baocao.ingest.sources import MailSource, open_source  # noqa: E402
from baocao.store import Store, now_utc  # noqa: E402
from baocao.store.records import FolderMark, Location, NewMessage  # noqa: E402


def store_holding_all_but_the_newest(server: Dovecot, settings: ImapSettings, root: Path) -> Store:
    with server.client() as c:
        c.normalise_times = False
        uidvalidity = int(c.select_folder(settings.folder, readonly=True)[b"UIDVALIDITY"])
        listed = c.fetch(c.search(["ALL"]), [b"RFC822.SIZE", b"INTERNALDATE"])
    uids = sorted(listed)[:-1]
    now = now_utc()
    sha = {uid: hashlib.sha256(f"{root}:{uid}".encode()).hexdigest() for uid in uids}
    store = Store.open(root, create=True)
    store.record_batch([NewMessage(sha[uid], 100, now, "internaldate", now) for uid in uids],
                       [Location(settings.source, f"{uidvalidity}:{uid}", sha[uid], now,
                                 int(listed[uid][b"RFC822.SIZE"]), listed[uid][b"INTERNALDATE"].isoformat())
                        for uid in uids],
                       [FolderMark(settings.source, uidvalidity, uids[-1])])
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="51,301,901,2001,4001", help="messages in the folder, growing")
    args = parser.parse_args()
    server = Dovecot(Path(tempfile.mkdtemp(prefix="bc-bwl-", dir="/tmp")), free_port())
    server.start()
    work = Path(tempfile.mkdtemp(prefix="bc-bwl-"))
    try:
        with server.client() as c:
            c.create_folder("Bench")
        settings = ImapSettings(host=server.host, port=server.port, user=server.user, password=server.password,
                                folder="Bench", tls="none")
        done = 0
        for size in map(int, args.sizes.split(",")):
            append_raw(server, "Bench", [filler_message(i, seed=90, attachment_bytes=10) for i in range(done, size)])
            done = size
            store = store_holding_all_but_the_newest(server, settings, work / f"kho-{size}")
            tracemalloc.start()
            try:
                found = list(open_source(MailSource(imap=settings, folders=("Bench",)), store))
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
                store.close()
            print(f"full check of {size} messages, {len(found)} new: tracemalloc peak {peak / 2**10:.0f} KiB",
                  flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
