"""The consolidated report as a Word file: templates/report.docx filled with docxtpl.

The template is a Word document with Jinja2 tags in its text (docxtpl), so the ministry
can change wording, styles and margins in Word and hand the file back with --templates;
templates/make_report_docx.py builds the bundled one. The context is the one the HTML
and Markdown use (`report_context`)."""

from __future__ import annotations

import io
import re
import zipfile
from importlib import resources
from pathlib import Path

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from baocao.render.report import TEMPLATES, RenderError

TEMPLATE = TEMPLATES[".docx"]

# Characters XML 1.0 cannot hold; a province's text copied from a PDF sometimes has them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def docx_template(templates: Path | None) -> tuple[str, bytes]:
    """(name to show, bytes) of report.docx: the one in `templates` if it has one,
    else the bundled one."""
    if templates is not None:
        own = Path(templates) / TEMPLATE
        if own.is_file():
            return str(own), own.read_bytes()
    bundled = resources.files("baocao") / "templates" / TEMPLATE
    return f"bundled {TEMPLATE}", bundled.read_bytes()


def _finalize(value):
    """Every {{ }} value on its way into the XML: None as empty, illegal characters out."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


def _environment() -> jinja2.Environment:
    # Autoescape: province text with '<' or '&' must come out as text, not break the XML.
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)


def render_docx(context: dict, out: Path, templates: Path | None = None) -> Path:
    """Fill report.docx with `context` and write it to `out`. Returns `out`."""
    name, data = docx_template(templates)
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.render(context, jinja_env=_environment(), autoescape=True)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as e:
        raise RenderError(f"template {name} is not a Word (.docx) file: {e}") from e
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"template {name}: {e.message}{_near(e)}") from e
    except jinja2.TemplateError as e:
        raise RenderError(f"template {name}: {e}{_near(e)}") from e
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _near(error: Exception) -> str:
    """docxtpl's own excerpt of the text around the broken tag: Word has no line numbers."""
    lines = [line.strip() for line in getattr(error, "docx_context", None) or [] if line.strip()]
    return f" (near: {' / '.join(lines)[:300]})" if lines else ""
