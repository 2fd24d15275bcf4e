"""The store owns all SQL: no module outside store/ opens SQLite or runs a statement; the
other stages call the store's named methods (tests and fixtures aside: the tests'
catalogue_surgery.py damages catalogues on purpose)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = ("store/", "tests/", "fixtures/")
STATEMENTS = {"execute", "executemany", "executescript"}


def _python_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        return listed.stdout.split()
    return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py") if ".venv" not in p.parts]


def sql_outside_the_store(path: str, source: str) -> list[str]:
    """Where the module imports sqlite3 or runs a statement, as "path:line what"."""
    found = []
    for node in ast.walk(ast.parse(source, path)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "sqlite3" for a in node.names):
            found.append(f"{path}:{node.lineno} import sqlite3")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlite3":
            found.append(f"{path}:{node.lineno} from sqlite3 import")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STATEMENTS:
            found.append(f"{path}:{node.lineno} .{node.func.attr}(")
    return found


def test_no_module_outside_the_store_runs_sql():
    files = [f for f in _python_files() if not f.startswith(EXEMPT)]
    assert "ingest/pipeline.py" in files and "cli.py" in files     # the listing found the package
    found = [hit for f in files for hit in sql_outside_the_store(f, (ROOT / f).read_text(encoding="utf-8"))]
    assert found == [], "SQL outside store/: give the store a named method instead\n" + "\n".join(found)


def test_the_check_sees_a_statement_and_an_import():
    module = "import sqlite3\n\ndef count(store):\n    return store.db.execute('SELECT 1').fetchone()\n"
    assert sql_outside_the_store("aggregate/x.py", module) == ["aggregate/x.py:1 import sqlite3",
                                                                "aggregate/x.py:4 .execute("]
