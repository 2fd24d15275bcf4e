"""The consolidated report written to a file: the content built once from the table
(`baocao.render.letter.build_report`), laid out by the writer of the output's format, and
the working file for the clerk and the analyst (kiem-tra.html) written beside it.

.html and .md are laid out by the Jinja2 templates report.html.j2 / report.md.j2, .docx by
`baocao.render.docx` over report.docx (styles and page set-up), .pdf is that Word file
converted by LibreOffice. A --templates folder may replace any of the three templates."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import jinja2
import pandas as pd

from baocao.campaign import Campaign
from baocao.i18n import N_
from baocao.render.charts import layout
from baocao.render.checklist import build_checklist
from baocao.render.letter import build_report
from baocao.render.rows import RenderError
from baocao.text import nfc

__all__ = ["RenderError", "build_report", "render_report", "report_date", "CHECKLIST_NAME", "TEMPLATES"]

# Output suffix -> template name. The PDF is the Word file converted, so it uses report.docx.
TEMPLATES = {".html": "report.html.j2", ".md": "report.md.j2", ".docx": "report.docx", ".pdf": "report.docx"}
CHECKLIST_NAME = "kiem-tra.html"
CHECKLIST_TEMPLATE = "kiem-tra.html.j2"


def report_date(campaign: Campaign, on: date | None = None, generated_at: datetime | None = None) -> date:
    """The letter's date: the one given, else the day of `generated_at`, else today, in the campaign's zone."""
    if on is not None:
        return on
    moment = generated_at or datetime.now(campaign.tz)
    return moment.astimezone(campaign.tz).date() if moment.tzinfo is not None else moment.date()


def render_report(
    table: pd.DataFrame,
    campaign: Campaign,
    errors: list[dict],
    out: Path,
    templates: Path | None = None,
    generated_at: datetime | None = None,
    *,
    on: date | None = None,
    with_excerpts: bool = False,
) -> Path:
    """Write the consolidated letter dated `on` to `out` (its suffix, .html, .md, .docx or
    .pdf, picks the format) and kiem-tra.html beside it. Returns `out`."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in TEMPLATES:
        raise RenderError(N_("cannot write a report as '{suffix}': use a file name ending in {suffixes}").format(
            suffix=out.suffix or out.name, suffixes=", ".join(TEMPLATES)))
    if templates is not None and not Path(templates).is_dir():
        raise RenderError(N_("templates folder {folder} does not exist: give a folder holding {names}, or leave it "
                             "out to use the bundled ones").format(
            folder=templates, names=", ".join(dict.fromkeys(TEMPLATES.values()))))
    day = report_date(campaign, on, generated_at)
    report = build_report(table, campaign, day, with_excerpts=with_excerpts)
    checklist = build_checklist(table, campaign, errors, day)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".docx":
        from baocao.render.docx import write_docx
        write_docx(report, out, templates)
    elif suffix == ".pdf":
        from baocao.render.pdf import write_pdf
        write_pdf(report, out, templates)
    else:
        _write_text(TEMPLATES[suffix], _fields(report), out, templates, html=suffix == ".html")
    _write_text(CHECKLIST_TEMPLATE, _fields(checklist), out.parent / CHECKLIST_NAME, None, html=True)
    return out


def _fields(content) -> dict:
    """A dataclass's fields as the template's names, the values left as they are."""
    return {f.name: getattr(content, f.name) for f in dataclasses.fields(content)}


def _write_text(name: str, context: dict, out: Path, templates: Path | None, html: bool) -> None:
    env = _environment(templates, html)
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(N_("template {name}, line {line}: {reason}; correct the template, or leave --templates "
                             "out to use the bundled ones").format(name=e.filename or e.name or name, line=e.lineno,
                                                                   reason=e.message)) from e
    except jinja2.TemplateError as e:
        raise RenderError(N_("template {name}: {reason}; correct the template, or leave --templates out to use the "
                             "bundled ones").format(name=name, reason=e)) from e
    out.write_text(nfc(text), encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------- Markdown text

_MD_LINE_START = re.compile(r"^(#|>|\||```|~~~|[=\-_*]{3,}\s*$|=+\s*$)")
_MD_ANGLE = re.compile(r"(\\*)<")


def md_text(text: str) -> str:
    """Text inside Markdown: it must stay text, not become structure. A leading '#', '>',
    '|', fence or rule is backslash-escaped; '<' is escaped so no raw HTML gets through a
    later conversion to HTML. List markers ('- ') are left: they are the letter's own lists."""
    text = " ".join(str(text).splitlines())
    text = _MD_ANGLE.sub(lambda m: m.group(1) * 2 + "\\<", text)
    return "\\" + text if _MD_LINE_START.match(text) else text


def md_cell(text) -> str:
    """A value inside a Markdown table row: one line, no bare '|'."""
    return _MD_ANGLE.sub(lambda m: m.group(1) * 2 + "\\<", " ".join(str(text).splitlines())).replace("|", "\\|")


def _bundled_templates() -> jinja2.BaseLoader:
    folder = resources.files("baocao") / "templates"

    def load(name: str):
        item = folder / name
        # Read through importlib.resources so an installed (even zipped) package works.
        return (item.read_text(encoding="utf-8"), None, lambda: True) if item.is_file() else None

    return jinja2.FunctionLoader(load)


def _environment(templates: Path | None, html: bool) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates), encoding="utf-8"))
    loaders.append(_bundled_templates())  # a file the user's folder lacks comes from the package
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=html,   # province text is untrusted: a <script> in a report must come out as text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.filters["chart_layout"] = layout
    env.filters["md_cell"] = md_cell
    return env


