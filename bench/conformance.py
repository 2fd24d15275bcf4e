"""baocao's promises checked on real mail nobody here wrote: public test messages and documents.

    python3 bench/conformance.py [--keep DIR]

Reads the committed corpus in fixtures/conformance/ (nothing is fetched): `messages/`, public
test messages as they were published, and `wrapped/`, public test documents each wrapped by
`make_wrapped.py` in a reply to letter 1683/BXD-PTDT from a province's address. Each corpus is
copied to a fresh folder and ingested by `baocao ingest --from … --store …` in a process of its
own (as the clerk runs it), with TMPDIR pointing at an empty folder of its own; then each
input file is checked against the promises below, from the store's catalogue (read-only) and
its objects. Prints, per corpus, files / stored / with a problem recorded / time, then one
line per broken promise (corpus, file, promise, detail). Exit code 1 when any promise breaks.

Promises:
- exit 0: the ingest exits 0; `baocao errors` on the store exits 0 too.
- no traceback: neither command prints a Python traceback.
- stored: the file's exact bytes are an object of the store, catalogued as a message (its
  SHA-256 is the file's) at the location named after the file.
- accounted for: the message is analysed and has a kind; an `unreadable` or `too_large` one
  has a recorded problem, and so has an `other` one in which the standard library finds no
  header field at all (empty or not mail: nothing tells the clerk what it was). An `other`
  message with headers is a note without a document, which needs no problem.
- examined: no message is `unreadable`, the kind that says baocao or a library it calls failed
  on it (an exception, a crashed or stuck worker); the corpus holds no message that should.
- defects recorded: when `email.message_from_bytes(policy=email.policy.default)` reports a
  defect for the message or any of its parts, the store holds a problem for it that is not
  about attribution (stage other than `analyse`), or it is `unreadable` with a problem.
- nothing outside the store: TMPDIR empty after the run, the store's spool (tmp/) empty, the
  input folder unchanged.
- document read (wrapped corpus): the attachment is catalogued with the document's SHA-256 and
  its object holds the document's bytes; the document is parsed (status ok, partial or
  no_sections) or the message has a recorded problem naming the file.
- readable part kept (wrapped corpus): a document with any readable page or paragraph (all but
  those in CANNOT_BE_READ) is parsed, not failed whole: pdf.js's Pages-tree-refs.pdf has a
  readable page 1 and a page 2 whose Pages tree loops.

- attributed (wrapped corpus): each is a report (kind `report`) citing the campaign (`cited`) of
  the province whose gov_domain sent it.

Use `--keep DIR` to leave the copies, stores and outputs in DIR for a look."""

from __future__ import annotations

import argparse
import csv
import email
import email.policy
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from baocao.store import Store
from baocao.store.records import DocumentStatus, ErrorRecord, MessageRecord

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "conformance"
PROVINCES = ROOT / "campaigns" / "provinces-63.csv"
CORPORA = ("messages", "wrapped")
PARSED = ("ok", "partial", "no_sections")
NEEDS_PROBLEM = ("unreadable", "too_large")
TRACEBACK = "Traceback (most recent call last)"
# The only documents of the corpus with no text to read at all; every other one has at least
# one readable page or paragraph, so failing it whole loses what the province wrote.
CANNOT_BE_READ = {
    "pdfplumber--empty.pdf": "0 bytes",
    "pdfplumber--password-example.pdf": "encrypted with a user password",
    # Checked with pdftotext and python-docx: pages and tables without a character of text.
    "pdfjs--empty_protected.pdf": "an empty page behind an empty password",
    "pdfjs--issue15590.pdf": "191 bytes, no page",
    "pdfplumber--issue-297-example.pdf": "an empty page",
    "python-docx--sty-having-no-styles-part.docx": "one empty paragraph",
    "python-docx--tbl-having-tables.docx": "empty tables",
}


@dataclass(frozen=True)
class Broken:
    corpus: str
    file: str
    promise: str
    detail: str

    def __str__(self) -> str:
        return f"BROKEN {self.corpus}/{self.file}: {self.promise}: {self.detail}"


@dataclass
class CorpusResult:
    name: str
    files: int = 0
    stored: int = 0
    with_problem: int = 0
    seconds: float = 0.0
    broken: list[Broken] = field(default_factory=list)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stdlib_defects(data: bytes) -> list[str]:
    """The defects the standard library's parser notes on the message and its parts."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    return [f"part {n}: {type(d).__name__}" for n, part in enumerate(message.walk(), start=1) for d in part.defects]


def has_header_fields(data: bytes) -> bool:
    return bool(email.message_from_bytes(data, policy=email.policy.default).keys())


def baocao(args: list[str], tmpdir: Path, cwd: Path) -> subprocess.CompletedProcess:
    """baocao as the clerk runs it, one process, with its own TMPDIR and no BAOCAO_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env.update(TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir))
    return subprocess.run([sys.executable, "-m", "baocao", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, errors="replace")


def leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def check_corpus(name: str, work: Path) -> CorpusResult:
    result = CorpusResult(name)
    broken = result.broken
    inputs = work / name / "in"
    store, tmpdir = work / name / "kho", work / name / "tmp"
    shutil.copytree(CORPUS / name, inputs, ignore=shutil.ignore_patterns("*.py", "*.md"))
    tmpdir.mkdir()
    files = sorted(p for p in inputs.iterdir() if p.suffix == ".eml")
    result.files = len(files)
    before = {p.name: p.read_bytes() for p in files}

    t0 = time.perf_counter()
    run = baocao(["ingest", "--from", str(inputs), "--store", str(store)], tmpdir, work / name)
    result.seconds = time.perf_counter() - t0
    shown = baocao(["errors", "--store", str(store)], tmpdir, work / name)
    (work / name / "ingest.out").write_text(run.stdout + run.stderr, encoding="utf-8")
    (work / name / "errors.out").write_text(shown.stdout + shown.stderr, encoding="utf-8")
    for label, done in (("ingest", run), ("errors", shown)):
        said = done.stdout + done.stderr
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or [""])[-1]
            broken.append(Broken(name, "*", "exit 0", f"`baocao {label}` exited {done.returncode}: {last}"))
        if TRACEBACK in said:
            tail = said[said.find(TRACEBACK):].strip().splitlines()[-1]
            broken.append(Broken(name, "*", "no traceback", f"`baocao {label}` printed a traceback: {tail}"))
    for where, folder in (("TMPDIR", tmpdir), ("the store's spool", store / "tmp")):
        if folder.is_dir() and (left := leftovers(folder)):
            broken.append(Broken(name, "*", "nothing outside the store", f"{where} holds {', '.join(left[:5])}"
                                 f"{' …' if len(left) > 5 else ''} after the run"))
    now = {p.name: p.read_bytes() for p in inputs.iterdir()}
    if now != before:
        broken.append(Broken(name, "*", "nothing outside the store", "the input folder was changed"))
    if not (store / "catalog.sqlite").exists():
        broken.append(Broken(name, "*", "stored", "no catalogue was made"))
        return result

    catalogue = Store.open(store)
    source = inputs.resolve().as_uri()
    located = {place.key: place.sha256 for place in catalogue.locations() if place.source == source}
    messages = {m.sha256: m for m in catalogue.messages()}
    problems: dict[str, list[ErrorRecord]] = {}
    for problem in catalogue.problems():
        problems.setdefault(problem.message_sha256, []).append(problem)
    documents = {d.sha256: d for d in catalogue.documents()}

    for path in files:
        data = before[path.name]
        sha = sha256_of(data)
        brk = _Recorder(broken, name, path.name)
        row = messages.get(sha)
        obj = store / "objects" / sha[:2] / sha
        if row is None:
            brk("stored", f"no message with the file's SHA-256 {sha[:12]} in the catalogue")
            continue
        if not obj.is_file() or sha256_of(obj.read_bytes()) != sha:
            brk("stored", f"the object {sha[:12]} is missing or does not hold the file's bytes")
        elif located.get(path.name) != sha:
            brk("stored", f"the location {path.name} points at {str(located.get(path.name))[:12]}, not {sha[:12]}")
        else:
            result.stored += 1
        mine = problems.get(sha, [])
        result.with_problem += bool(mine)

        kind = row.kind
        if row.analysed_at is None or not kind:
            brk("accounted for", "the message was stored but never analysed (no kind)")
        elif kind in NEEDS_PROBLEM and not mine:
            brk("accounted for", f"classed {kind!r} with no recorded problem")
        elif kind == "other" and not mine and not has_header_fields(data):
            brk("accounted for", f"classed 'other', {len(data)} bytes with no header field, no recorded problem")

        if kind == "unreadable":
            brk("examined", f"classed 'unreadable': {'; '.join(p.what for p in mine) or 'no problem recorded'}")

        if defects := stdlib_defects(data):
            explained = [p for p in mine if p.stage != "analyse" or kind == "unreadable"]
            if not explained:
                brk("defects recorded", f"{', '.join(defects)} but no problem recorded for the message")

        if name == "wrapped":
            _check_document(brk, catalogue, path, sha, store, documents, mine)
            _check_attribution(brk, row, data)
    catalogue.close()
    return result


class _Recorder:
    def __init__(self, broken: list[Broken], corpus: str, file: str):
        self.broken, self.corpus, self.file = broken, corpus, file

    def __call__(self, promise: str, detail: str) -> None:
        self.broken.append(Broken(self.corpus, self.file, promise, detail))


def _check_document(brk: _Recorder, catalogue: Store, path: Path, sha: str, store: Path,
                    documents: dict[str, DocumentStatus], problems: list[ErrorRecord]) -> None:
    """The wrapped document (its name is the .eml's without the suffix) is kept and read, or
    its failure is recorded for the clerk."""
    name = path.name.removesuffix(".eml")
    wanted = sha256_of((CORPUS / "documents" / name).read_bytes())
    rows = [saved.attachment for saved in catalogue.attachments(sha)]
    mine = [r for r in rows if r.filename == name]
    if not mine:
        brk("document read", f"no attachment named {name} catalogued (found {[r.filename for r in rows]})")
        return
    attachment = mine[0]
    if attachment.sha256 != wanted:
        brk("stored", f"attachment {name} catalogued as {attachment.sha256[:12]}, its bytes are {wanted[:12]}")
        return
    named = [p for p in problems if p.file == name or name in (p.what or "")]
    if not attachment.stored:
        if not named:
            brk("document read", f"{name} was not taken for a document and no problem names it")
        return
    obj = store / "objects" / wanted[:2] / wanted
    if not obj.is_file() or sha256_of(obj.read_bytes()) != wanted:
        brk("stored", f"the document's object {wanted[:12]} is missing or does not hold its bytes")
    document = documents.get(wanted)
    status = document.status if document is not None else None
    if status not in PARSED and not named:
        brk("document read", f"{name} is {status or 'not parsed'} ({document and document.error}) "
                             "and no problem names it")
    if status not in PARSED and name not in CANNOT_BE_READ:
        brk("readable part kept", f"{name} has readable text but is {status or 'not parsed'}: "
                                  f"{document and document.error}")


def _check_attribution(brk: _Recorder, row: MessageRecord, data: bytes) -> None:
    """A reply citing the letter from a province's own domain is that province's report."""
    sender = email.message_from_bytes(data, policy=email.policy.default)["From"].addresses[0].domain
    with PROVINCES.open(encoding="utf-8") as f:
        code = next(r["code"] for r in csv.DictReader(f) if r["gov_domain"] == sender)
    got = (row.kind, row.campaign_match, row.province_code)
    if got != ("report", "cited", code):
        brk("attributed", f"from {sender}, citing 1683/BXD-PTDT: expected a report of province {code} citing the "
                          f"letter, got kind {got[0]!r}, match {got[1]!r}, province {got[2]!r}")


def check(work: Path) -> list[CorpusResult]:
    return [check_corpus(name, work) for name in CORPORA]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=None, help="leave copies, stores and outputs in this folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        results = check(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="conformance-") as work:
            results = check(Path(work))
    print(f"{'corpus':<10} {'files':>5} {'stored':>6} {'with a problem':>14} {'time':>7}")
    for r in results:
        print(f"{r.name:<10} {r.files:>5} {r.stored:>6} {r.with_problem:>14} {r.seconds:>6.1f}s")
    broken = [b for r in results for b in r.broken]
    for b in broken:
        print(b)
    print(f"{len(broken)} broken promise(s)" if broken else "every promise kept")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
