"""Every package the code imports is declared in pyproject.toml, and every module imports.

A package installed by hand on a developer's machine (or pulled in today by another
dependency) hides a missing declaration until a user's fresh install breaks. These tests read
the imports themselves (ast) and map each to the distribution that provides it.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Scripts beside the package: they may use the test extra too.
SCRIPT_DIRS = ("tests", "bench", "fixtures", "templates", "locale")


@dataclass(frozen=True)
class Undeclared:
    module: str
    file: str
    line: int
    distributions: tuple[str, ...]

    def __str__(self) -> str:
        provided = (f"provided by {', '.join(self.distributions)}" if self.distributions
                    else "not installed in this environment")
        return f"{self.file}:{self.line} imports {self.module!r} ({provided}), which pyproject.toml does not declare"


def normalise(distribution: str) -> str:
    """PEP 503 name: 'pdfminer.six' and 'PDFMiner_Six' are one distribution."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def requirement_names(requirements: list[str]) -> set[str]:
    return {normalise(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", r).group(1)) for r in requirements}


def package_dirs(pyproject: dict) -> list[Path]:
    """The folders setuptools ships as the package `baocao` and its subpackages."""
    return [ROOT.joinpath(*name.split(".")[1:]) for name in pyproject["tool"]["setuptools"]["packages"]]


def package_files(pyproject: dict) -> list[Path]:
    return sorted(f for d in package_dirs(pyproject) for f in d.glob("*.py"))


def script_files() -> list[Path]:
    return sorted(f for d in SCRIPT_DIRS for f in (ROOT / d).rglob("*.py"))


def local_modules(file: Path) -> set[str]:
    """Modules a script imports from its own folder or from tests/ (pytest's pythonpath)."""
    names = set()
    for folder in {file.parent, ROOT / "tests"}:
        names |= {p.stem for p in folder.glob("*.py")}
        names |= {p.parent.name for p in folder.glob("*/__init__.py")}
    return names


def top_level_imports(file: Path) -> list[tuple[str, int]]:
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.partition(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.partition(".")[0], node.lineno))
    return found


def undeclared_imports(files: list[Path], declared: set[str]) -> list[Undeclared]:
    """Third-party imports in `files` that map to no distribution in `declared`."""
    providers = importlib.metadata.packages_distributions()
    problems = []
    for file in files:
        local = local_modules(file) | {"baocao", "__future__"}
        for module, line in top_level_imports(file):
            if module in sys.stdlib_module_names or module in local:
                continue
            distributions = tuple(providers.get(module, ()))
            if not {normalise(d) for d in distributions} & declared:
                problems.append(Undeclared(module, str(file.relative_to(ROOT)), line, distributions))
    return problems


def runtime_declared(pyproject: dict) -> set[str]:
    return requirement_names(pyproject["project"]["dependencies"])


def test_every_import_of_the_package_is_a_declared_dependency():
    problems = undeclared_imports(package_files(PYPROJECT), runtime_declared(PYPROJECT))
    assert not problems, "\n".join(map(str, problems))


def test_tests_benches_and_fixture_scripts_import_only_dependencies_and_the_test_extra():
    declared = runtime_declared(PYPROJECT) | requirement_names(PYPROJECT["project"]["optional-dependencies"]["test"])
    problems = undeclared_imports(script_files(), declared)
    assert not problems, "\n".join(map(str, problems))


def test_a_dependency_removed_from_pyproject_is_named_with_the_file_that_imports_it():
    dependencies = [r for r in PYPROJECT["project"]["dependencies"] if requirement_names([r]) != {"tenacity"}]
    assert len(dependencies) == len(PYPROJECT["project"]["dependencies"]) - 1
    problems = undeclared_imports(package_files(PYPROJECT), requirement_names(dependencies))
    assert [(p.module, p.file) for p in problems] == [("tenacity", "ingest/imap.py")]
    assert "ingest/imap.py:" in str(problems[0]) and "'tenacity'" in str(problems[0])


def test_the_package_list_holds_every_folder_of_the_package():
    """A subpackage setuptools does not list is missing from a non-editable install."""
    listed = set(package_dirs(PYPROJECT))
    on_disk = {p.parent for p in ROOT.glob("**/__init__.py")
               if not any(part.startswith(".") or part in SCRIPT_DIRS for part in p.relative_to(ROOT).parts)}
    assert on_disk <= listed
    assert all(d.is_dir() for d in listed)


def test_a_built_wheel_holds_every_module_and_every_file_read_at_run_time(tmp_path):
    """What `pip install .` (not -e) puts on a user's machine."""
    source = tmp_path / "source"   # setuptools writes build/ beside the sources: not in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("baocao-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    expected = {"baocao/" + str(f.relative_to(ROOT)) for f in package_files(PYPROJECT)}
    expected |= {"baocao/" + str(f.relative_to(ROOT)) for d in ("templates", "campaigns") for f in (ROOT / d).iterdir()
                 if f.is_file()}
    expected |= {"baocao/locale/vi/LC_MESSAGES/baocao.mo"}   # the Vietnamese messages (i18n.py)
    assert expected - inside == set()
    assert not {name for name in inside if name.startswith(("baocao/tests/", "baocao/bench/", "baocao/fixtures/"))}


@pytest.mark.parametrize("file", package_files(PYPROJECT), ids=lambda f: str(f.relative_to(ROOT)))
def test_every_module_of_the_package_imports(file: Path):
    if file.name == "__main__.py":  # runs the command line when imported
        return
    parts = file.relative_to(ROOT).with_suffix("").parts
    name = ".".join(("baocao",) + tuple(p for p in parts if p != "__init__"))
    importlib.import_module(name)
