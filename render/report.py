"""The consolidated report: the aggregate table turned into the draft of the Ministry's
letter to the Prime Minister, as one HTML file, Markdown, a Word file or a PDF.

`report_context` is the pure part (table in, plain dicts out), so the templates hold
layout and wording only and tests can check the figures without parsing a document.
`render_report` picks the template by the output's suffix and writes the file; the
Word file is filled by `baocao.render.docx`, the PDF made from it by `baocao.render.pdf`."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import jinja2
import pandas as pd

from baocao.aggregate.schema import Status, table_schema
from baocao.aggregate.summary import theme_counts
from baocao.campaign import Campaign, LegalReference
from baocao.render.money import format_ty, format_vnd
from baocao.text import clean_line, nfc

__all__ = ["RenderError", "report_context", "render_report", "format_vnd", "format_ty", "TEMPLATES"]

# Output suffix -> template name. The PDF is the Word file converted, so it uses report.docx.
TEMPLATES = {".html": "report.html.j2", ".md": "report.md.j2", ".docx": "report.docx", ".pdf": "report.docx"}

STATUS_LABELS = {status.value: status.label for status in Status}
# Colours of the status chart; chosen to stay distinct when printed in grey.
_STATUS_COLOURS = {Status.ON_TIME: "#2e7d32", Status.LATE: "#ef6c00", Status.MISSING: "#c62828",
                   Status.UNREADABLE: "#616161"}

# The parts of the aggregate table the report cannot do without; the figures are shown
# when the table has them (older tables lack them).
_NEEDED_GROUPS = ("province", "status", "section", "section_ref", "funding", "source", "problem")


class RenderError(Exception):
    """The report cannot be written: an output format baocao cannot make, a broken
    template, or a table that does not follow the aggregate contract."""


# --------------------------------------------------------------------------- context


def report_context(
    table: pd.DataFrame, campaign: Campaign, errors: list[dict], generated_at: datetime
) -> dict:
    """Everything the templates show, as plain data (str, int, bool, lists, dicts).

    Strings are NFC. Amounts come both as int (`vnd`) and formatted (`vnd_text`,
    `ty_text`); times both as ISO text and as Vietnamese text (`*_text`)."""
    _check_table(table, campaign)
    if generated_at.tzinfo is not None:
        generated_at = generated_at.astimezone(campaign.tz)
    rows = [_row(record, campaign) for record in table.to_dict("records")]
    themes = _themes(table, campaign)
    counts = Counter(r["status"] for r in rows)
    total = len(rows)
    summary = {
        "total": total,
        "reported": sum(n for status, n in counts.items() if Status(status).reported),
        **{status.value: counts[status] for status in (Status.ON_TIME, Status.LATE, Status.MISSING,
                                                         Status.UNREADABLE)},
        "corrected": sum(r["corrected"] for r in rows),
    }
    references = [_reference(ref) for ref in campaign.legal_references]
    context = {
        "letter": _letter(campaign),
        "report": _report_meta(campaign, generated_at),
        "references": references,
        "task_reference": next((r for r in references if r["kind"] == "Chỉ thị"), None),
        "scheme_reference": next((r for r in references if r["kind"] == "Quyết định"), None),
        "summary": summary,
        "status_labels": dict(STATUS_LABELS),
        "chart": _chart(summary),
        "late": [_brief(r) for r in rows if r["status"] == Status.LATE],
        "missing": [_brief(r) for r in rows if r["status"] == Status.MISSING],
        "unreadable": [_brief(r) for r in rows if r["status"] == Status.UNREADABLE],
        "corrected": [_brief(r) for r in rows if r["corrected"]],
        "sections": [_section(s, rows, total, themes) for s in campaign.sections],
        "funding": _funding(rows, campaign),
        "errors": [_error(e, campaign) for e in errors],
        "sources": [_source(r) for r in rows if r["source"]],
    }
    context["funding_charts"] = _funding_charts(context["funding"])
    context["prose"] = _prose(context)
    return context


def _check_table(table: pd.DataFrame, campaign: Campaign) -> None:
    wanted = table_schema(campaign).names_in(*_NEEDED_GROUPS)
    absent = [c for c in wanted if c not in table.columns]
    if absent:
        raise RenderError(
            f"the aggregate table lacks the column(s) {', '.join(absent)}: "
            "build it with `baocao aggregate` for this campaign"
        )
    unknown = sorted(set(table["status"]) - set(STATUS_LABELS))
    if unknown:
        raise RenderError(
            f"the aggregate table has the status value(s) {', '.join(map(str, unknown))}; "
            f"known values are {', '.join(STATUS_LABELS)}"
        )


def _text(value) -> str:
    """A cell as NFC text; NaN/None/NA (a missing cell) is empty."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return nfc(str(value))


def _row(record: dict, campaign: Campaign) -> dict:
    code = _text(record["province_code"])
    name = _text(record["province"])
    try:
        province = campaign.province(code)
        full_name, region = province.full_name, _text(record["region"]) or province.region
    except KeyError:
        full_name, region = name, _text(record["region"])
    message_id, file = _split_source(_text(record["source"]))
    funding = record["funding_vnd"]
    received_at = _text(record["received_at"])
    return {
        "code": code,
        "province": name,
        "full_name": nfc(full_name),
        "region": region,
        "status": record["status"],
        "status_label": STATUS_LABELS[record["status"]],
        "received_at": received_at,
        "received_text": _time_text(received_at, campaign),
        "reports": int(record["reports"]) if not pd.isna(record["reports"]) else 0,
        "corrected": bool(record["corrected"]) if not pd.isna(record["corrected"]) else False,
        "sections_found": int(record["sections_found"]) if not pd.isna(record["sections_found"]) else 0,
        "texts": {s.number: _text(record[f"section_{s.number}"]) for s in campaign.sections},
        "refs": {s.number: _text(record[f"section_{s.number}_ref"]) for s in campaign.sections},
        "funding": None if funding is None or pd.isna(funding) else int(funding),
        "source": _text(record["source"]),
        "message_id": message_id,
        "file": file,
        "error": _text(record["error"]),
        # The figures the aggregate read from the text; absent from older tables.
        "scheme_approved": _flag(record.get("scheme_approved")),
        "ioc_operating": _flag(record.get("ioc_operating")),
        "funding_sources": {source.key: _int(record.get(f"funding_{source.key}_vnd"))
                            for source in campaign.figures.funding_sources},
        "overridden": _text(record.get("overridden")),
    }


def _flag(value) -> bool | None:
    return None if value is None or pd.isna(value) else bool(value)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _split_source(source: str) -> tuple[str, str]:
    """'<id@host> · bao-cao.docx' -> ('<id@host>', 'bao-cao.docx')."""
    message_id, sep, file = source.partition(" · ")
    return (message_id.strip(), file.strip()) if sep else (source.strip(), "")


def _brief(row: dict) -> dict:
    """A province as the named lists show it."""
    keys = ("code", "province", "full_name", "region", "status_label", "received_at", "received_text",
            "error", "source", "message_id", "file")
    return {k: row[k] for k in keys}


def _paragraphs(text: str) -> list[str]:
    return [p for p in (clean_line(line) for line in text.splitlines()) if p]


def _themes(table: pd.DataFrame, campaign: Campaign) -> dict[str, list[dict]]:
    """Themes raised in the difficulties and in the proposals, most frequent first;
    themes nobody raised are left out. Keyed by the role of the section they were read
    from (theme_counts names its columns after those roles)."""
    counts = theme_counts(table, campaign)
    out = {}
    for column in ("difficulties", "proposals"):
        ranked = counts[counts[column] > 0].sort_values(column, ascending=False, kind="stable")
        out[column] = [{"key": row["theme"], "label": nfc(row["label"]), "count": int(row[column])}
                       for _, row in ranked.iterrows()]
    return out


# What the synthesis line of a section says besides its count, by the section's role.
_THEME_LEADS = {"difficulties": "khó khăn, vướng mắc nêu nhiều nhất", "proposals": "đề xuất, kiến nghị nêu nhiều nhất"}
_TOP_THEMES = 3


def _section(section, rows: list[dict], total: int, themes: dict[str, list[dict]]) -> dict:
    entries = []
    for r in rows:
        paragraphs = _paragraphs(r["texts"][section.number])
        if not paragraphs:
            continue
        ref = r["refs"][section.number] or r["file"]
        entries.append({
            "code": r["code"],
            "province": r["province"],
            "full_name": r["full_name"],
            "paragraphs": paragraphs,
            "ref": ref,
            "source": r["source"],
            "corrected": r["corrected"],
            "overridden": r["overridden"],
            # What the reviewer needs to find the passage again.
            "attribution": f"({r['full_name']} — {ref})" if ref else f"({r['full_name']})",
        })
    section_themes = themes.get(section.role, [])
    return {
        "number": section.number,
        "key": section.key,
        "heading": nfc(section.heading),
        "label": nfc(section.label),
        "count": len(entries),
        "total": total,
        "themes": section_themes,
        "synthesis": "; ".join([f"{len(entries)}/{total} tỉnh, thành phố có nội dung này",
                                *_section_figures(section.role, rows, section_themes)]),
        "entries": entries,
    }


def _section_figures(role: str | None, rows: list[dict], themes: list[dict]) -> list[str]:
    """The figures behind a section, each as a clause of its synthesis line."""
    if role in _THEME_LEADS and themes:
        top = ", ".join(f"{_lower_first(t['label'])} ({t['count']})" for t in themes[:_TOP_THEMES])
        return [f"{_THEME_LEADS[role]}: {top}"]
    if role == "general_info":
        clauses = []
        approved = [r for r in rows if r["scheme_approved"]]
        ioc = [r for r in rows if r["ioc_operating"]]
        if any(r["scheme_approved"] is not None for r in rows):
            clauses.append(f"{len(approved)} địa phương nêu đã phê duyệt Đề án đô thị thông minh")
        if any(r["ioc_operating"] is not None for r in rows):
            clauses.append(f"{len(ioc)} địa phương có Trung tâm giám sát, điều hành đô thị thông minh (IOC) "
                           "đang vận hành")
        return clauses
    if role == "funding":
        amounts = [r["funding"] for r in rows if r["funding"] is not None]
        if not amounts:
            return []
        return [f"{len(amounts)} địa phương nêu được tổng kinh phí, cộng {format_ty(sum(amounts))} đồng"]
    return []


def _funding(rows: list[dict], campaign: Campaign) -> dict:
    with_data = [r for r in rows if r["funding"] is not None]
    regions: dict[str, list[dict]] = {}
    for r in rows:  # campaign order, so regions come in the order of the province table
        regions.setdefault(r["region"], []).append(r)
    by_region = []
    for region, members in regions.items():
        amounts = [r["funding"] for r in members if r["funding"] is not None]
        by_region.append({"region": region, "provinces": len(members), "with_data": len(amounts),
                          **_amount(sum(amounts) if amounts else None)})
    national = [r["funding"] for r in with_data]
    funding_section = campaign.section_with_role("funding")
    section_number = funding_section.number if funding_section else None
    sources = []
    for source in campaign.figures.funding_sources:
        amounts = [r["funding_sources"][source.key] for r in rows
                   if r["funding_sources"].get(source.key) is not None]
        if amounts:
            sources.append({"key": source.key, "label": nfc(source.phrases[0]) if source.phrases else source.key,
                            "provinces": len(amounts), **_amount(sum(amounts))})
    return {
        "section_number": section_number,
        "rows": [{"code": r["code"], "province": r["province"], "full_name": r["full_name"],
                  "region": r["region"], "ref": r["refs"].get(section_number, "") if section_number else "",
                  **_amount(r["funding"])} for r in with_data],
        "regions": by_region,
        "total": {"provinces": len(rows), "with_data": len(national),
                  **_amount(sum(national) if national else None)},
        # Parts of the totals whose source a sentence names; they need not add up to the total.
        "sources": sources,
    }


def _amount(vnd: int | None) -> dict:
    if vnd is None:
        return {"vnd": None, "vnd_text": "—", "ty_text": "—"}
    return {"vnd": vnd, "vnd_text": format_vnd(vnd), "ty_text": format_ty(vnd)}


def _error(error: dict, campaign: Campaign) -> dict:
    keys = ("at", "stage", "message_id", "sender", "subject", "file", "what", "action")
    out = {k: _text(error.get(k, "")) for k in keys}
    out["at_text"] = _time_text(out["at"], campaign)
    return out


def _source(row: dict) -> dict:
    keys = ("code", "province", "full_name", "status_label", "received_at", "received_text",
            "reports", "corrected", "sections_found", "source", "message_id", "file")
    return {k: row[k] for k in keys}


def _chart(summary: dict) -> dict:
    """Geometry of the horizontal bar chart, computed here so the SVG in the template
    is only coordinates. Bars are scaled to the number of provinces, not to the
    largest bar, so their lengths read as shares of the whole."""
    label_width, bar_width, bar_height, gap, top = 130, 250, 26, 12, 8
    scale = max(summary["total"], 1)
    bars = []
    for i, status in enumerate(Status):
        y = top + i * (bar_height + gap)
        width = round(bar_width * summary[status] / scale)
        bars.append({
            "key": status.value, "label": status.label, "count": summary[status],
            "colour": _STATUS_COLOURS[status],
            "x": label_width, "y": y, "width": width, "height": bar_height,
            "text_y": y + bar_height * 0.7, "count_x": label_width + width + 6,
        })
    return {
        "width": label_width + bar_width + 40,
        "height": top * 2 + len(Status) * (bar_height + gap) - gap,
        "label_x": label_width - 8,
        "bars": bars,
        "description": "; ".join(f"{b['label']}: {b['count']}" for b in bars) + f" (trên {summary['total']})",
    }


_FUNDING_COLOUR = "#1565c0"


def _funding_charts(funding: dict) -> dict:
    """Geometry of the two funding charts, in tỷ đồng, on one scale each.

    Regions: the name above its bar, since the names are too long to sit beside a bar
    on a phone. Provinces: one small chart per region (a chart of 63 bars cannot break
    across printed pages), all on the scale of the largest province so bars compare."""
    regions = funding["regions"]
    width, top, name_height, bar_height, gap = 480, 6, 21, 18, 10
    biggest = max((g["vnd"] or 0 for g in regions), default=0) or 1
    bar_room = 340
    bars = []
    y = top
    for g in regions:
        length = round(bar_room * (g["vnd"] or 0) / biggest)
        bars.append({"label": g["region"], "value": g["ty_text"] if g["vnd"] is not None else "chưa có số liệu",
                     "label_y": y + 15, "y": y + name_height, "width": length, "height": bar_height,
                     "value_x": length + 6, "value_y": y + name_height + 14})
        y += name_height + bar_height + gap
    by_region = {
        "width": width, "height": y - gap + top, "bars": bars, "colour": _FUNDING_COLOUR,
        "description": "Kinh phí theo vùng (tỷ đồng): " + "; ".join(f"{b['label']}: {b['value']}" for b in bars),
    }

    label_width, province_room, row, province_bar = 170, 220, 22, 16
    biggest = max((r["vnd"] for r in funding["rows"]), default=0) or 1
    groups = []
    for g in regions:
        members = sorted((r for r in funding["rows"] if r["region"] == g["region"]), key=lambda r: -r["vnd"])
        if not members:
            continue
        province_bars = []
        for i, r in enumerate(members):
            length = max(round(province_room * r["vnd"] / biggest), 1)
            province_bars.append({"label": r["province"], "value": r["ty_text"], "y": top + i * row,
                                  "text_y": top + i * row + 13, "width": length, "height": province_bar,
                                  "value_x": label_width + length + 5})
        groups.append({
            "region": g["region"], "width": width, "height": top * 2 + len(members) * row - (row - province_bar),
            "label_x": label_width - 6, "bar_x": label_width, "bars": province_bars, "colour": _FUNDING_COLOUR,
            "description": f"Kinh phí các địa phương vùng {g['region']} (tỷ đồng): "
                           + "; ".join(f"{b['label']}: {b['value']}" for b in province_bars),
        })
    return {"regions": by_region, "provinces": groups}


# --------------------------------------------------------------------------- letter


def _dmy(d: date) -> str:
    """Nghị định 30/2020: a day below 10 and a month below 3 take a leading zero
    (01/8/2018, 16/5/2022, 05/02/2022)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d.month < 3 else f"{d.day:02d}/{d.month}/{d.year}"


def _time_text(iso: str, campaign: Campaign) -> str:
    """'2022-05-31T09:15:00+07:00' -> '09:15 ngày 31/5/2022', in the campaign's time zone."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso  # shown as recorded rather than dropped
    if moment.tzinfo is not None:
        moment = moment.astimezone(campaign.tz)
    return f"{moment:%H:%M} ngày {_dmy(moment.date())}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _letter(campaign: Campaign) -> dict:
    """The request letter the provinces answered."""
    return {
        "id": campaign.id,
        "number": campaign.letter_number,
        "date": campaign.letter_date.isoformat(),
        "date_text": _dmy(campaign.letter_date),
        "deadline": campaign.deadline.isoformat(),
        "deadline_text": nfc(campaign.deadline_text),
        "title": nfc(campaign.title),
        "subject": nfc(campaign.subject),
        "issuer_body": nfc(campaign.issuer_body),
        "issuer_unit": nfc(campaign.issuer_unit),
        "mailbox": campaign.mailbox,
        "outline_title": nfc(campaign.outline_title),
        "addressee": nfc(campaign.addressee),
    }


def _report_meta(campaign: Campaign, generated_at: datetime) -> dict:
    """The consolidated letter itself. Its number and day are left blank: the registry
    (văn thư) fills them in when the letter is signed."""
    cr = campaign.consolidated_report
    return {
        "issuer_upper": nfc(campaign.issuer_body).upper(),
        "number_suffix": nfc(cr.number_suffix),
        "place": nfc(campaign.letter_place),
        "year": generated_at.year,
        "subject": nfc(cr.subject),
        "addressee": nfc(cr.addressee),
        "due_text": nfc(cr.due_text),
        "task": nfc(cr.task),
        "coordinating_with": nfc(cr.coordinating_with),
        "unit_code": nfc(campaign.issuer_unit_code),
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "generated_text": f"{generated_at:%H:%M} ngày {_dmy(generated_at.date())}",
    }


def _reference(ref: LegalReference) -> dict:
    when_text = _dmy(ref.date) if ref.date is not None else ""
    kind, number, issuer, title = nfc(ref.kind), nfc(ref.number), nfc(ref.issuer), nfc(ref.title)
    text = f"{kind} số {number}" + (f" ngày {when_text}" if when_text else "")
    text += (f" của {issuer}" if issuer else "") + (f" {title}" if title else "")
    return {"kind": kind, "number": number, "date_text": when_text, "issuer": issuer, "title": title,
            "short_name": nfc(ref.short_name), "text": text}


def _prose(ctx: dict) -> dict:
    """The sentences both formats share, written once so HTML and Markdown say the same."""
    letter, report, s = ctx["letter"], ctx["report"], ctx["summary"]
    task, scheme = ctx["task_reference"], ctx["scheme_reference"]
    opening = []
    first = f"Thực hiện {task['text']}, " if task else ""
    first += (
        f"{letter['issuer_body']} đã có văn bản số {letter['number']} ngày {letter['date_text']} "
        f"đề nghị {letter['addressee'] or 'các địa phương'} {_lower_first(letter['title'])} "
        f"theo đề cương kèm theo, gửi về {letter['issuer_body']} {letter['deadline_text']}"
    )
    first += f" (bản mềm gửi về địa chỉ {letter['mailbox']})." if letter["mailbox"] else "."
    opening.append(first)
    second = f"Trên cơ sở báo cáo của các địa phương, {letter['issuer_body']} tổng hợp"
    if scheme:
        short = f" ({scheme['short_name']})" if scheme["short_name"] else ""
        second += f" tình hình triển khai {scheme['text']}{short},"
    second += f" kính báo cáo {report['addressee']} như sau:"
    opening.append(second)

    status = (
        f"Tính đến {report['generated_text']}, {letter['issuer_body']} đã nhận được báo cáo của "
        f"{s['reported']}/{s['total']} tỉnh, thành phố trực thuộc Trung ương, trong đó: "
        f"{s['on_time']} địa phương gửi đúng hạn ({letter['deadline_text']}); "
        f"{s['late']} địa phương gửi sau thời hạn; "
        f"{s['unreadable']} địa phương gửi báo cáo nhưng chưa đọc được nội dung. "
        f"Còn {s['missing']} địa phương chưa gửi báo cáo."
    )
    closing = f"{letter['issuer_body']} kính báo cáo {report['addressee']} xem xét, chỉ đạo./."
    recipients = ["Như trên;"]
    if report["coordinating_with"]:
        recipients.append(f"{report['coordinating_with']};")
    recipients.append(f"Lưu: VT, {report['unit_code']}." if report["unit_code"] else "Lưu: VT.")
    return {"opening": opening, "status": status, "closing": closing, "recipients": recipients}


# --------------------------------------------------------------------------- rendering

_MD_LINE_START = re.compile(r"^(#|>|\||```|~~~|[=\-_*]{3,}\s*$|=+\s*$)")
_MD_ANGLE = re.compile(r"(\\*)<")


def md_text(text: str) -> str:
    """Province text inside a Markdown quote: it must stay text, not become structure.

    A leading '#', '>', '|', fence or rule is backslash-escaped so it stays in the
    quote as written; '<' is escaped so no raw HTML gets through a later conversion
    to HTML. List markers ('- ', '1. ') are left alone: they are the province's own
    lists, and inside the quote they stay inside it."""
    text = " ".join(text.splitlines())
    text = _MD_ANGLE.sub(lambda m: m.group(1) * 2 + "\\<", text)
    return "\\" + text if _MD_LINE_START.match(text) else text


def md_cell(text) -> str:
    """A value inside a Markdown table row: one line, no bare '|'."""
    return _MD_ANGLE.sub(lambda m: m.group(1) * 2 + "\\<", " ".join(str(text).splitlines())).replace("|", "\\|")


def md_code(text) -> str:
    """A Message-ID or file name as a code span, so '<id@host>' reads as written; the
    fence is one backtick longer than any run inside."""
    text = " ".join(str(text).splitlines())
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


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
        # Province text is untrusted: a <script> in a report must come out as text.
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.filters["md_cell"] = md_cell
    env.filters["md_code"] = md_code
    return env


def render_report(
    table: pd.DataFrame,
    campaign: Campaign,
    errors: list[dict],
    out: Path,
    templates: Path | None = None,
    generated_at: datetime | None = None,
) -> Path:
    """Write the consolidated report to `out`; its suffix (.html, .md, .docx or .pdf)
    picks the format.

    `templates` names a folder whose report.html.j2 / report.md.j2 / report.docx replace
    the bundled ones (a file the folder lacks comes from the package). The PDF is the
    Word file converted by LibreOffice, so it follows report.docx. Returns `out`."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in TEMPLATES:
        raise RenderError(
            f"cannot write a report as '{out.suffix or out.name}': use a file name ending in "
            f"{', '.join(TEMPLATES)}"
        )
    if templates is not None and not Path(templates).is_dir():
        raise RenderError(f"templates folder {templates} does not exist: give a folder holding "
                          f"{' or '.join(dict.fromkeys(TEMPLATES.values()))}, or leave it out to use the bundled ones")
    if generated_at is None:
        generated_at = datetime.now(campaign.tz)
    context = report_context(table, campaign, errors, generated_at)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".docx", ".pdf"):
        from baocao.render.docx import render_docx
        if suffix == ".docx":
            return render_docx(context, out, templates)
        from baocao.render.pdf import render_pdf
        return render_pdf(context, out, templates)
    name = TEMPLATES[suffix]
    env = _environment(templates, html=suffix == ".html")
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"template {e.filename or e.name or name}, line {e.lineno}: {e.message}") from e
    except jinja2.TemplateError as e:
        raise RenderError(f"template {name}: {e}") from e
    out.write_text(nfc(text), encoding="utf-8", newline="\n")
    return out
