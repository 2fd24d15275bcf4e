"""Babel's extractor for baocao: the texts in _(), ngettext() and N_() as Babel's own Python
extractor finds them, and click's help texts, which are no call: the docstrings of the
commands and the help= of options. They are extracted as click shows them (cleaned of their
indentation), the msgid `i18n.help_text` looks up. Named in babel.cfg (locale/refresh.sh puts
this folder on PYTHONPATH); tests/test_catalogue.py calls it. A tool beside the catalogue, not
shipped: Babel is in the test extra only."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator

from babel.messages.extract import extract_python


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str | None, str, list[str]]]:
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    for lineno, text in help_texts(source.decode(options.get("encoding", "utf-8"))):
        yield lineno, None, text, []


def help_texts(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every command's docstring and every literal help= in the module."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any(_makes_command(d) for d in node.decorator_list):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.lineno, doc
        elif isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "help" and isinstance(keyword.value, ast.Constant) \
                        and isinstance(keyword.value.value, str):
                    yield keyword.value.lineno, inspect.cleandoc(keyword.value.value)


def _makes_command(decorator: ast.expr) -> bool:
    """@cli.command(), @user.command("add"), @click.group(...), @cli.group()."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in ("command", "group")
