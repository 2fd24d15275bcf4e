"""The consolidated letter's content, built from the table: a synthesis per outline item
(how many provinces, the figures, the leading themes with the provinces raising them, one
short representative quotation per theme), an overall assessment, the provinces' proposals
grouped, and the annexes. Pure: table and campaign in, `Report` out; no file, no clock.

Figures the aggregate table does not total are computed here from its columns: the
themes of items other than difficulties and proposals (aggregate.figures.themes_in on the
item's text), the days a report was late, the totals by region of each funding source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import pandas as pd

from baocao.aggregate.figures import themes_in
from baocao.aggregate.schema import Status
from baocao.campaign import Campaign, LegalReference, OutlineSection, Theme
from baocao.render.content import (
    Annex,
    Bar,
    Block,
    Chart,
    Heading,
    Paragraph,
    Report,
    Signature,
    Summary,
    Table,
    TitleBlock,
)
from baocao.render.dates import dmy, long_date
from baocao.render.money import ty_number
from baocao.render.quotes import Candidate, mentions, representative, sentences
from baocao.render.rows import ProvinceRow, province_rows, status_text
from baocao.text import nfc

TOP_THEMES = 4             # themes an item's synthesis names
QUOTES_PER_THEME = 1
QUOTES_PER_ITEM = 2        # for an item without themes of its own
PLACEHOLDER_ASSESSMENT = "[Ý kiến đánh giá của Bộ Xây dựng: …]"
PLACEHOLDER_PROPOSALS = "[Ý kiến của Bộ Xây dựng: …]"
SIGNER_PLACEHOLDER = "[Họ và tên]"
NOT_READ = "chưa xác định được"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def filing_mark(campaign: Campaign) -> str:
    """The drafting unit's code as the ministry writes it in its own letters ("PTĐT", with
    Đ): the part of the consolidated letter's number after the issuer's code, else the
    campaign's ASCII unit code. Used for "Lưu: VT, …" and nowhere else derived."""
    suffix = nfc(campaign.consolidated_report.number_suffix)
    return suffix.split("-", 1)[1] if "-" in suffix else nfc(campaign.issuer_unit_code)


def build_report(table: pd.DataFrame, campaign: Campaign, on: date, *, with_excerpts: bool = False) -> Report:
    """The letter dated `on` (its place-and-date line, "Tính đến ngày …", the annexes' line)."""
    rows = province_rows(table, campaign)
    summary = _summary(rows)
    cr = campaign.consolidated_report
    number_suffix = nfc(cr.number_suffix)
    issuer = nfc(campaign.issuer_body)
    title = TitleBlock(
        issuer=issuer.upper(), number=f"Số:        /{number_suffix}", subject=nfc(cr.subject),
        place_date=f"{nfc(campaign.letter_place)}, {long_date(on)}", addressee=f"Kính gửi: {nfc(cr.addressee)}",
    )
    funding = _FundingFigures(rows, campaign)
    body: list[Block] = [*_opening(campaign), *_status_part(rows, summary, campaign, on)]
    body += _items_part(rows, campaign, funding)
    body += _assessment(rows, summary, campaign, funding)
    body += _proposals(rows, campaign)
    recipients = ["Như trên;"]
    if cr.coordinating_with:
        recipients.append(f"{nfc(cr.coordinating_with)};")
    recipients.append(f"Lưu: VT, {filing_mark(campaign)}.")
    attached = f"(Kèm theo Công văn số        /{number_suffix} ngày {dmy(on)} của {issuer})"
    annexes = [Annex("I", "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐỊA PHƯƠNG", attached, tuple(_annex_provinces(rows))),
               Annex("II", "KINH PHÍ TRIỂN KHAI ĐÔ THỊ THÔNG MINH CỦA CÁC ĐỊA PHƯƠNG", attached,
                     tuple(funding.annex()))]
    if with_excerpts:
        annexes.append(Annex("III", "NỘI DUNG BÁO CÁO CỦA CÁC ĐỊA PHƯƠNG THEO ĐỀ CƯƠNG", attached,
                             tuple(_annex_excerpts(rows, campaign))))
    return Report(
        title=title, body=tuple(body),
        closing=f"{issuer} kính báo cáo {nfc(cr.addressee)} xem xét, chỉ đạo./.",
        signature=Signature(tuple(recipients), ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), SIGNER_PLACEHOLDER),
        annexes=tuple(annexes), summary=summary, funding_total_vnd=funding.total, subject=nfc(cr.subject),
        charts=(_status_chart(summary, campaign), *funding.charts()),
    )


# --------------------------------------------------------------------------- helpers


def _summary(rows: list[ProvinceRow]) -> Summary:
    counts = Counter(r.status for r in rows)
    return Summary(total=len(rows), reported=sum(1 for r in rows if r.reported), on_time=counts[Status.ON_TIME],
                   late=counts[Status.LATE], missing=counts[Status.MISSING], unreadable=counts[Status.UNREADABLE],
                   corrected=sum(r.corrected for r in rows))


def _names(rows: Sequence[ProvinceRow]) -> str:
    return ", ".join(r.name for r in rows)


def _who(raising: Sequence[ProvinceRow], among: Sequence[ProvinceRow]) -> str:
    """The provinces raising a theme among those writing on the item, in the fewest names:
    all of them, all but a few, or those raising it."""
    if len(raising) == len(among):
        return "tất cả các địa phương báo cáo nội dung này"
    if len(raising) > len(among) / 2:
        codes = {r.code for r in raising}
        return f"các địa phương báo cáo nội dung này, trừ {_names([r for r in among if r.code not in codes])}"
    return _names(raising)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _quote(candidate: Candidate, by_code: dict[str, ProvinceRow]) -> Paragraph:
    return Paragraph(f"“{candidate.sentence}” ({by_code[candidate.province_code].citation}).", "quote")


def _reference_text(ref: LegalReference) -> str:
    text = f"{nfc(ref.kind)} số {nfc(ref.number)}" + (f" ngày {dmy(ref.date)}" if ref.date else "")
    return text + (f" của {nfc(ref.issuer)}" if ref.issuer else "") + (f" {nfc(ref.title)}" if ref.title else "")


# --------------------------------------------------------------------------- the body


def _opening(campaign: Campaign) -> list[Block]:
    issuer = nfc(campaign.issuer_body)
    cr = campaign.consolidated_report
    task = next((r for r in campaign.legal_references if r.kind == "Chỉ thị"), None)
    scheme = next((r for r in campaign.legal_references if r.kind == "Quyết định"), None)
    first = f"Thực hiện {_reference_text(task)}, " if task else ""
    first += (f"{issuer} đã có văn bản số {campaign.letter_number} ngày {dmy(campaign.letter_date)} đề nghị "
              f"{nfc(campaign.addressee) or 'các địa phương'} {_lower_first(nfc(campaign.title))} theo đề cương "
              f"kèm theo, gửi về {issuer} {nfc(campaign.deadline_text)}.")
    second = f"Trên cơ sở báo cáo của các địa phương, {issuer} tổng hợp"
    if scheme:
        short = f" ({nfc(scheme.short_name)})" if scheme.short_name else ""
        second += f" tình hình triển khai {_reference_text(scheme)}{short},"
    second += f" kính báo cáo {nfc(cr.addressee)} như sau:"
    return [Paragraph(first), Paragraph(second)]


def _status_chart(s: Summary, campaign: Campaign) -> Chart:
    """The provinces by where they stand, each bar a share of all of them."""
    bars = [Bar(status.label, n, str(n), status.value) for status, n in
            ((Status.ON_TIME, s.on_time), (Status.LATE, s.late), (Status.UNREADABLE, s.unreadable),
             (Status.MISSING, s.missing))]
    return Chart("status-chart", "status-table", f"Tình hình gửi báo cáo của {s.total} tỉnh, thành phố (thời hạn: "
                 f"{nfc(campaign.deadline_text)}).", tuple(bars), s.total)


def _status_part(rows: list[ProvinceRow], s: Summary, campaign: Campaign, on: date) -> list[Block]:
    issuer = nfc(campaign.issuer_body)
    late = [r for r in rows if r.status is Status.LATE]
    days = sorted(r.late_days for r in late)
    late_clause = ""
    if late:
        spread = f"chậm {days[0]} ngày" if days[0] == days[-1] else f"chậm từ {days[0]} đến {days[-1]} ngày"
        late_clause = f"; {s.late} địa phương gửi sau thời hạn ({spread})"
    text = (f"Tính đến {long_date(on)}, {issuer} đã nhận được báo cáo của {s.reported}/{s.total} tỉnh, thành phố "
            f"trực thuộc Trung ương, trong đó: {s.on_time} địa phương gửi đúng hạn "
            f"({nfc(campaign.deadline_text)}){late_clause}")
    text += (f"; {s.unreadable} địa phương gửi báo cáo nhưng chưa đọc được nội dung." if s.unreadable else ".")
    text += f" Còn {s.missing} địa phương chưa gửi báo cáo." if s.missing else ""
    text += " Chi tiết tại Phụ lục I."
    blocks: list[Block] = [Heading("1. Tình hình báo cáo của các địa phương", 1),
                           Paragraph(text, ident="status-summary")]
    counts = [("Đã gửi báo cáo", s.reported, "reported"), ("- Đúng hạn", s.on_time, "on_time"),
              ("- Quá hạn", s.late, "late"), ("- Không đọc được nội dung", s.unreadable, "unreadable"),
              ("Chưa gửi báo cáo", s.missing, "missing"), ("Tổng số", s.total, "total")]
    blocks.append(Table(("Tình hình", "Số địa phương"), tuple((label, str(n)) for label, n, _ in counts),
                        (110, 40), (False, True), frozenset({len(counts) - 1}), ident="status-table"))
    if late:
        blocks.append(Paragraph(f"- Gửi sau thời hạn ({len(late)}): "
                                + ", ".join(f"{r.name} (chậm {r.late_days} ngày)" for r in late) + ".",
                                ident="late-list"))
    unreadable = [r for r in rows if r.status is Status.UNREADABLE]
    if unreadable:
        blocks.append(Paragraph(f"- Chưa đọc được nội dung ({len(unreadable)}): {_names(unreadable)}; "
                                f"{issuer} đề nghị các địa phương này gửi lại báo cáo.", ident="unreadable-list"))
    missing = [r for r in rows if r.status is Status.MISSING]
    if missing:
        blocks.append(Paragraph(f"- Chưa gửi báo cáo ({len(missing)}): {_names(missing)}.", ident="missing-list"))
    corrected = [r for r in rows if r.corrected]
    if corrected:
        blocks.append(Paragraph(f"- Gửi bản sửa đổi, bổ sung, nội dung tổng hợp theo bản sau cùng ({len(corrected)}): "
                                f"{_names(corrected)}.", ident="corrected-list"))
    return blocks


def _item_themes(rows: list[ProvinceRow], section: OutlineSection, campaign: Campaign) -> dict[str, list[ProvinceRow]]:
    """Theme key -> the provinces raising it in this item: from the table's theme columns
    for difficulties and proposals, read from the item's text for the others."""
    out: dict[str, list[ProvinceRow]] = {}
    for r in rows:
        if not r.texts[section.number]:
            continue
        if section.role == "difficulties":
            keys = r.difficulty_themes
        elif section.role == "proposals":
            keys = r.proposal_themes
        else:
            keys = themes_in(r.texts[section.number], campaign.figures.themes)
        for key in keys:
            out.setdefault(key, []).append(r)
    order = {t.key: i for i, t in enumerate(campaign.figures.themes)}
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), order.get(kv[0], 99))))


def _theme_quotes(raising: list[ProvinceRow], theme: Theme | None, item: int,
                  by_code: dict[str, ProvinceRow], how_many: int, quoted: set[str] | None = None) -> list[Paragraph]:
    """The most representative sentences on a theme; `quoted`: those the item quotes already
    (a sentence on two themes is quoted once), updated with the ones chosen."""
    quoted = set() if quoted is None else quoted
    candidates = [Candidate(r.code, s) for r in raising if r.quotable[item] for s in sentences(r.texts[item])
                  if (theme is None or mentions(s, theme.phrases)) and s not in quoted]
    chosen = representative(candidates, how_many)
    quoted.update(c.sentence for c in chosen)
    return [_quote(c, by_code) for c in chosen]


def _themes_blocks(rows: list[ProvinceRow], section: OutlineSection, campaign: Campaign, lead: str,
                   with_names: bool, with_quotes: bool = True, at_least: int = 1) -> list[Block]:
    """The item's leading themes (those `at_least` provinces raise), each with its provinces
    (`with_names`) and a quotation (`with_quotes`)."""
    themes = {t.key: t for t in campaign.figures.themes}
    ranked = [(themes[k], raising) for k, raising in _item_themes(rows, section, campaign).items()
              if k in themes and len(raising) >= at_least]
    if not ranked:
        return []
    by_code = {r.code: r for r in rows}
    blocks: list[Block] = [Paragraph(lead)]
    quoted: set[str] = set()
    for theme, raising in ranked[:TOP_THEMES]:
        names = f" ({_who(raising, [r for r in rows if r.texts[section.number]])})" if with_names else ""
        blocks.append(Paragraph(f"- {theme.label}: {len(raising)} địa phương{names}."))
        if with_quotes:
            blocks += _theme_quotes(raising, theme, section.number, by_code, QUOTES_PER_THEME, quoted)
    return blocks


@dataclass(frozen=True)
class AmountSum:
    """The provinces stating one of the campaign's [[figures.amounts]]: those whose figure is
    sure (largest first) and their sum, and those whose figure is to check (not summed)."""
    sure: tuple[ProvinceRow, ...]
    doubtful: tuple[ProvinceRow, ...]
    total: int

    @classmethod
    def of(cls, rows: Sequence[ProvinceRow], key: str) -> AmountSum:
        stating = [r for r in rows if r.amounts.get(key) and r.amounts[key].vnd is not None]
        sure = sorted((r for r in stating if not r.amounts[key].review), key=lambda r: -r.amounts[key].vnd)
        doubtful = tuple(r for r in stating if r.amounts[key].review)
        return cls(tuple(sure), doubtful, sum(r.amounts[key].vnd for r in sure))


class _FundingFigures:
    """The funding figures of the letter and of Annex II, from the same rows, so the two agree."""

    def __init__(self, rows: list[ProvinceRow], campaign: Campaign):
        self.rows, self.campaign = rows, campaign
        self.sources = campaign.figures.funding_sources
        known = [r.funding for r in rows if r.funding is not None]
        self.total = sum(known) if known else None
        self.with_figure = len(known)
        self.not_read = [r for r in rows if r.reported and r.funding is None]

    def by_source(self) -> list[tuple[str, int, int]]:
        out = []
        for s in self.sources:
            amounts = [r.funding_by_source.get(s.key) for r in self.rows if r.funding_by_source.get(s.key) is not None]
            if amounts:
                out.append((nfc(s.phrases[0]) if s.phrases else s.key, sum(amounts), len(amounts)))
        return out

    def synthesis(self, reported: int) -> list[Block]:
        if self.total is None:
            return [Paragraph("Chưa địa phương nào nêu được tổng kinh phí thực hiện các nội dung đô thị thông minh.")]
        text = (f"Có {self.with_figure}/{reported} địa phương đã báo cáo nêu được tổng kinh phí thực hiện các nội "
                f"dung đô thị thông minh, cộng {ty_number(self.total)} tỷ đồng (chi tiết tại Phụ lục II).")
        blocks: list[Block] = [Paragraph(text, ident="funding-total")]
        parts = self.by_source()
        if parts:
            blocks.append(Paragraph(
                "Trong phần kinh phí các địa phương nêu rõ nguồn: "
                + "; ".join(f"{label} {ty_number(vnd)} tỷ đồng ({n} địa phương)" for label, vnd, n in parts)
                + ". Các khoản theo nguồn được nêu riêng, không cộng thêm vào tổng kinh phí trên."))
        if self.not_read:
            blocks.append(Paragraph(f"Có {len(self.not_read)} địa phương đã gửi báo cáo nhưng chưa xác định được số "
                                    f"kinh phí: {_names(self.not_read)}."))
        return blocks

    def amounts(self) -> list[Block]:
        """A paragraph for each of the campaign's [[figures.amounts]] (support asked of the
        centre, needs for the coming period): who states it, how much, the sum; a figure to
        check named as such with why, and left out of the sum."""
        blocks: list[Block] = []
        for figure in self.campaign.figures.amounts:
            stated = AmountSum.of(self.rows, figure.key)
            label = nfc(figure.label)
            if not stated.sure and not stated.doubtful:
                blocks.append(Paragraph(f"Về {_lower_first(label)}: chưa địa phương nào nêu số cụ thể.",
                                        ident=f"amount-{figure.key}"))
                continue
            text = f"Về {_lower_first(label)}: "
            if stated.sure:
                text += (f"{len(stated.sure)} địa phương nêu số cụ thể, cộng {ty_number(stated.total)} tỷ đồng ("
                         + "; ".join(f"{r.name} {ty_number(r.amounts[figure.key].vnd)}" for r in stated.sure) + ").")
            if stated.doubtful:
                text += (" " if stated.sure else "") + "Số liệu cần kiểm tra thêm, chưa cộng vào " + (
                    "số trên: " if stated.sure else "tổng: ") + "; ".join(
                    f"{r.name} {ty_number(r.amounts[figure.key].vnd)} tỷ đồng ({r.amounts[figure.key].note})"
                    for r in stated.doubtful) + "."
            blocks.append(Paragraph(text, ident=f"amount-{figure.key}"))
        return blocks

    def _regions(self) -> dict[str, list[ProvinceRow]]:
        regions: dict[str, list[ProvinceRow]] = {}
        for r in self.rows:
            regions.setdefault(r.region, []).append(r)
        return regions

    def charts(self) -> list[Chart]:
        """Funding by region (after the total in the synthesis) and by province, one chart a
        region on the scale of the largest province (after Annex II's table), in tỷ đồng."""
        if self.total is None:
            return []
        regions = self._regions()
        totals = {region: [r.funding for r in members if r.funding is not None] for region, members in regions.items()}
        charts = [Chart("funding-regions-chart", "funding-total", "Kinh phí theo vùng, đơn vị: tỷ đồng (số liệu các "
                        "địa phương tự báo cáo, chưa thẩm định).",
                        tuple(Bar(region, sum(known) / 1e9, ty_number(sum(known)) if known else "chưa có số liệu")
                              for region, known in totals.items()),
                        max((sum(k) for k in totals.values() if k), default=0) / 1e9)]
        largest = max(r.funding for r in self.rows if r.funding is not None) / 1e9
        with_figures = [(region, [r for r in members if r.funding is not None]) for region, members in regions.items()]
        with_figures = [(region, members) for region, members in with_figures if members]
        for i, (region, members) in enumerate(with_figures, start=1):
            last = i == len(with_figures)
            charts.append(Chart(f"funding-provinces-chart-{i}", "funding-annex",
                                "Kinh phí theo địa phương, nhóm theo vùng, cùng một thang đo; đơn vị: tỷ đồng."
                                if last else "", tuple(Bar(r.name, r.funding / 1e9, ty_number(r.funding))
                                                       for r in members), largest, title=region))
        return charts

    def _cells(self, members: list[ProvinceRow]) -> tuple[str, ...]:
        known = [r.funding for r in members if r.funding is not None]
        cells = [ty_number(sum(known)) if known else ""]
        for s in self.sources:
            parts = [r.funding_by_source.get(s.key) for r in members if r.funding_by_source.get(s.key) is not None]
            cells.append(ty_number(sum(parts)) if parts else "")
        return tuple(cells)

    def annex(self) -> list[Block]:
        headers = ("STT", "Tỉnh, thành phố", "Tổng kinh phí",
                   *(_capital(nfc(s.phrases[0]) if s.phrases else s.key) for s in self.sources))
        rest = max(165 - 12 - 33 - 22, 1) / max(len(self.sources), 1)
        widths = (12, 33, 22, *(rest for _ in self.sources))
        body: list[tuple[str, ...]] = []
        bold: set[int] = set()
        regions: dict[str, list[ProvinceRow]] = {}
        for r in self.rows:
            regions.setdefault(r.region, []).append(r)
        number = 0
        spanning: set[int] = set()
        for i, (region, members) in enumerate(regions.items()):
            bold.add(len(body))
            spanning.add(len(body))
            body.append((_ROMAN[i] if i < len(_ROMAN) else str(i + 1), region, *("" for _ in headers[2:])))
            for r in members:
                number += 1
                if r.funding is None:
                    what = ("chưa gửi báo cáo" if r.status is Status.MISSING else
                            "không đọc được" if r.status is Status.UNREADABLE else NOT_READ)
                    spanning.add(len(body))
                    body.append((str(number), r.name, what, *("" for _ in self.sources)))
                else:
                    body.append((str(number), r.name, *self._cells([r])))
            with_figure = sum(1 for r in members if r.funding is not None)
            bold.add(len(body))
            body.append(("", f"Cộng vùng ({with_figure}/{len(members)} địa phương có số liệu)", *self._cells(members)))
        bold.add(len(body))
        body.append(("", f"Cả nước ({self.with_figure}/{len(self.rows)} địa phương có số liệu)",
                     *self._cells(self.rows)))
        note = ("Ghi chú: Số liệu do các địa phương tự báo cáo, chưa được thẩm định. Kinh phí theo nguồn là phần các "
                "địa phương nêu rõ nguồn, không cộng thêm vào tổng kinh phí. “Chưa xác định được”: địa phương đã "
                "gửi báo cáo nhưng chưa đọc được số kinh phí, không tính là 0.")
        return [Table(headers, tuple(body), widths, (False, False, *(True for _ in headers[2:])), frozenset(bold),
                      frozenset(spanning), unit="Đơn vị tính: tỷ đồng", small=True, ident="funding-annex"),
                Paragraph(note, "note")]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _items_part(rows: list[ProvinceRow], campaign: Campaign, funding: _FundingFigures) -> list[Block]:
    blocks: list[Block] = [Heading("2. Tình hình triển khai đô thị thông minh tại các địa phương", 1)]
    reported = sum(1 for r in rows if r.reported)
    by_code = {r.code: r for r in rows}
    for section in campaign.sections:
        n = section.number
        with_text = [r for r in rows if r.texts[n]]
        blocks.append(Heading(f"2.{n}. {nfc(section.heading)}", 2))
        blocks.append(Paragraph(f"Có {len(with_text)}/{len(rows)} tỉnh, thành phố báo cáo nội dung này."))
        if section.role == "funding":
            blocks += funding.synthesis(reported)
            blocks += funding.amounts()
        elif section.role == "difficulties":
            blocks += _themes_blocks(rows, section, campaign, "Các khó khăn, vướng mắc được nêu nhiều nhất:", True)
        elif section.role == "proposals":
            if with_text:
                blocks.append(Paragraph("Các đề xuất, kiến nghị của địa phương được tổng hợp tại mục 4 dưới đây."))
        else:
            if section.role == "general_info":
                blocks += _general_figures(rows)
            # Themes read from an activity item's text are a rough guide: only those several raise.
            blocks += _themes_blocks(rows, section, campaign, "Các nội dung được nhiều địa phương nêu:", False, False,
                                     at_least=max(2, len(with_text) // 5))
            quotes = _theme_quotes(with_text, None, n, by_code, QUOTES_PER_ITEM)
            if quotes:
                blocks.append(Paragraph("Một số nội dung tiêu biểu:"))
                blocks += quotes
    if campaign.section_with_role("funding") is None and funding.total is not None:
        blocks.append(Heading("2.7. Kinh phí", 2))
        blocks += funding.synthesis(reported)
        blocks += funding.amounts()
    return blocks


def _general_figures(rows: list[ProvinceRow]) -> list[Block]:
    blocks: list[Block] = []
    approved = [r for r in rows if r.scheme_approved]
    if any(r.scheme_approved is not None for r in rows):
        def decision(r: ProvinceRow) -> str:
            parts = [f"Quyết định số {r.scheme_decision}" if r.scheme_decision else "",
                     f"ngày {r.scheme_approved_on}" if r.scheme_approved_on else ""]
            said = " ".join(p for p in parts if p)
            return f"{r.name} ({said})" if said else r.name
        not_yet = sum(1 for r in rows if r.scheme_approved is False)
        text = f"Về Đề án đô thị thông minh của địa phương: {len(approved)} địa phương nêu đã phê duyệt"
        text += (": " + "; ".join(decision(r) for r in approved) + "." if approved else ".")
        if not_yet:
            text += f" {not_yet} địa phương nêu chưa phê duyệt."
        blocks.append(Paragraph(text, ident="schemes"))
    if any(r.ioc_operating is not None for r in rows):
        operating = [r for r in rows if r.ioc_operating]
        text = (f"Về Trung tâm giám sát, điều hành đô thị thông minh (IOC): {len(operating)} địa phương có Trung tâm "
                f"đang vận hành" + (f" ({_names(operating)})." if operating else "."))
        none_yet = sum(1 for r in rows if r.ioc_operating is False)
        if none_yet:
            text += f" {none_yet} địa phương nêu chưa có hoặc đang xây dựng."
        blocks.append(Paragraph(text, ident="iocs"))
    return blocks


def _assessment(rows: list[ProvinceRow], s: Summary, campaign: Campaign, funding: _FundingFigures) -> list[Block]:
    blocks: list[Block] = [Heading("3. Đánh giá chung", 1)]
    results = [f"{s.reported}/{s.total} tỉnh, thành phố đã gửi báo cáo"]
    if any(r.scheme_approved is not None for r in rows):
        results.append(f"{sum(1 for r in rows if r.scheme_approved)} địa phương đã phê duyệt Đề án đô thị thông minh")
    if any(r.ioc_operating is not None for r in rows):
        results.append(f"{sum(1 for r in rows if r.ioc_operating)} địa phương có Trung tâm IOC đang vận hành")
    if funding.total is not None:
        results.append(f"tổng kinh phí {funding.with_figure} địa phương nêu được là {ty_number(funding.total)} tỷ đồng")
    for figure in campaign.figures.amounts:
        stated = AmountSum.of(rows, figure.key)
        if stated.sure:
            results.append(f"{_lower_first(nfc(figure.label))} ({len(stated.sure)} địa phương nêu số cụ thể) là "
                           f"{ty_number(stated.total)} tỷ đồng")
    blocks.append(Paragraph("a) Kết quả: " + "; ".join(results) + "."))
    difficulties = campaign.section_with_role("difficulties")
    if difficulties:
        themes = {t.key: t for t in campaign.figures.themes}
        ranked = [(themes[k], len(v)) for k, v in _item_themes(rows, difficulties, campaign).items() if k in themes]
        if ranked:
            blocks.append(Paragraph("b) Tồn tại, hạn chế: theo báo cáo của các địa phương, khó khăn chủ yếu là "
                                    + ", ".join(f"{_lower_first(t.label)} ({n} địa phương)"
                                                for t, n in ranked[:TOP_THEMES]) + "."))
    blocks.append(Paragraph(PLACEHOLDER_ASSESSMENT, "placeholder"))
    return blocks


def _proposals(rows: list[ProvinceRow], campaign: Campaign) -> list[Block]:
    blocks: list[Block] = [Heading("4. Kiến nghị", 1)]
    section = campaign.section_with_role("proposals")
    if section is not None:
        proposing = [r for r in rows if r.texts[section.number]]
        if proposing:
            blocks.append(Paragraph(f"Tổng hợp đề xuất, kiến nghị của {len(proposing)} địa phương, theo nhóm vấn đề:"))
            themes = {t.key: t for t in campaign.figures.themes}
            by_code = {r.code: r for r in rows}
            quoted: set[str] = set()
            for key, raising in _item_themes(rows, section, campaign).items():
                if key not in themes:
                    continue
                theme = themes[key]
                blocks.append(Paragraph(f"- Về {_lower_first(theme.label)}: {len(raising)} địa phương "
                                        f"({_who(raising, proposing)})."))
                blocks += _theme_quotes(raising, theme, section.number, by_code, QUOTES_PER_THEME, quoted)
    blocks.append(Paragraph(PLACEHOLDER_PROPOSALS, "placeholder"))
    return blocks


# --------------------------------------------------------------------------- annexes


def _annex_provinces(rows: list[ProvinceRow]) -> list[Block]:
    body: list[tuple[str, ...]] = []
    bold: set[int] = set()
    regions: dict[str, list[ProvinceRow]] = {}
    for r in rows:
        regions.setdefault(r.region, []).append(r)
    number = 0
    for i, (region, members) in enumerate(regions.items()):
        bold.add(len(body))
        body.append((_ROMAN[i] if i < len(_ROMAN) else str(i + 1), region, "", "", ""))
        for r in members:
            number += 1
            reference = r.report_number + (f" ngày {dmy(r.report_date)}" if r.report_date else "")
            if not reference and r.report_date:
                reference = f"ngày {dmy(r.report_date)}"
            body.append((str(number), r.full_name, reference, dmy(r.received) if r.received else "", status_text(r)))
    return [Table(("STT", "Tỉnh, thành phố", "Số, ngày văn bản", "Ngày nhận", "Tình hình"), tuple(body),
                  (13, 45, 43, 27, 37), (False, False, False, False, False), frozenset(bold), frozenset(bold),
                  small=True,
                  ident="provinces-annex")]


def _annex_excerpts(rows: list[ProvinceRow], campaign: Campaign) -> list[Block]:
    blocks: list[Block] = []
    for r in rows:
        if not any(r.texts.values()):
            continue
        blocks.append(Heading(r.full_name, 3))
        blocks.append(Paragraph(f"({_capital(r.citation)})", "note"))
        for s in campaign.sections:
            if r.texts[s.number]:
                blocks.append(Paragraph(f"{s.number}. {nfc(s.heading)}", "note"))
                blocks += [Paragraph(line, "excerpt") for line in r.texts[s.number].splitlines()]
    return blocks
