"""The figures the consolidated report needs, read from what the provinces wrote: funding
by source, whether the province approved its own smart-city scheme and when, whether an
IOC operates, and the themes of its difficulties and proposals. The phrases come from
the campaign file ([figures]); this module only knows how to look for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from baocao.aggregate.amounts import SCHEME, amounts_in, declared_unit, states_shortfall
from baocao.campaign import AmountFigure, FundingSource, IocPhrases, SchemePhrases, Theme
from baocao.text import fold

_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n+")
_DATE_NUMERIC = re.compile(r"ngay\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_DECISION = re.compile(r"Quyết định(?: số)?\s+(\d+[a-zA-Z]?\s*/\s*[\w-]+)", re.IGNORECASE)
_TOTAL = re.compile(r"(?<![a-z])tong(?![a-z])")


@dataclass(frozen=True)
class SchemeApproval:
    approved: bool | None      # None: the report does not say
    on: str = ""               # "26/12/2019"
    decision: str = ""         # the decision's number as written, "3056/QĐ-UBND"
    evidence: str = ""         # the sentence, as written


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _has(folded: str, phrases) -> str | None:
    for phrase in phrases:
        key = fold(phrase)
        if re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", folded):
            return phrase
    return None


def funding_by_source(text: str, sources: Sequence[FundingSource]) -> dict[str, int]:
    """Amounts each source is named with, added up per source. A sentence is read clause by
    clause (", ", ";"), an amount going to the source its clause names, else to the one
    named last before it in the sentence ("Từ ngân sách tỉnh, đã bố trí 20 tỷ đồng"). Of a
    sentence stating a total only its breakdown counts ("Tổng kinh phí là 100 tỷ đồng, trong
    đó ngân sách tỉnh 60 tỷ đồng, xã hội hóa 40 tỷ đồng"): the total would count the parts twice."""
    found: dict[str, int] = {}
    unit = declared_unit(text)
    for sentence in sentences(text):
        folded = fold(sentence)
        if _TOTAL.search(folded):
            breakdown = _CLAUSE_END.search(folded)
            if breakdown is None or breakdown[0] == ";":
                continue
            folded = folded[breakdown.end():]
        named = None
        for clause in _CLAUSE.split(folded):
            named = next((s.key for s in sources if _has(clause, s.phrases)), named)
            amounts = amounts_in(clause, unit)
            if amounts and named is not None:
                found[named] = found.get(named, 0) + sum(a.vnd for a in amounts)
    return found


_CLAUSE = re.compile(r",\s+|;\s*")


# -- the province's own scheme -------------------------------------------------------------
# Read from a sentence's structure, not from whole phrases: an "Đề án" whose name (the words
# after it, up to a verb, a decision or another kind of document) speaks of the campaign's
# topic; an approval verb bound to it, before it ("phê duyệt Đề án …") or after its name
# ("Đề án … đã được ban hành"), or the decision adopting it right after its name ("Đề án …
# (Quyết định số 6179/QĐ-UBND …)", "… tại Quyết định số …"); a verb said in the negative or
# as still to come ("chưa", "đang trình … phê duyệt", "dự kiến", "dự thảo") is no approval.
_SCHEME = SCHEME
_APPROVE = re.compile(r"(?<![a-z])(?:phe duyet|ban hanh|thong qua)(?![a-z])")
_DECISION_FOLDED = re.compile(r"(?<![a-z])quyet dinh(?: so)?\s+(\d+[a-z]?\s*/\s*[\w-]+)")
# What ends a scheme's name: a verb of approval, a decision, a bracket, another document.
_NAME_END = re.compile(r"(?<![a-z])(?:phe duyet|ban hanh|thong qua|duoc|quyet dinh|tai|theo|ke hoach|chuong trinh"
                       r"|nghi quyet|de an)(?![a-z])|[(;]")
_OTHER_DOCUMENT = re.compile(r"(?<![a-z])(?:ke hoach|chuong trinh|nghi quyet|de an|van ban)(?![a-z])")
# The words right before a verb that make it no approval (yet): "chưa", "đang trình …", "dự kiến".
_NOT_YET = re.compile(r"(?<![a-z])(?:chua|dang|se|du kien|sap|chuan bi|trinh|de nghi|xin|du thao|khong)(?![a-z])")
_NATIONAL = re.compile(r"(?<![a-z])(?:thu tuong|viet nam)(?![a-z])")  # the Prime Minister's scheme (Đề án 950)
_WORDS_BEFORE_VERB = 4
_DECISION_WORDS = 10    # "Quyết định số 6179/QĐ-UBND ngày 23/11/2017 của UBND Thành phố phê duyệt"
_NAME_WORDS = 25


def _words_before(folded: str, at: int, n: int) -> str:
    return " ".join(folded[:at].split()[-n:])


def _decisions(sentence: str, folded: str) -> list[tuple[int, str]]:
    """(position in the folded sentence, number as written) of each decision the sentence cites."""
    written = list(_DECISION.finditer(sentence))
    found = list(_DECISION_FOLDED.finditer(folded))
    if len(written) != len(found):
        return [(m.start(), m[1].upper()) for m in found]
    return [(f.start(), w[1].replace(" ", "")) for w, f in zip(written, found, strict=True)]


def _national(decision: str) -> bool:
    """A Prime Minister's decision (…/QĐ-TTg) approves the nation's scheme, never a province's."""
    return decision.upper().endswith("-TTG")


def _scheme_mentions(folded: str, config: SchemePhrases) -> list[tuple[int, int, str]]:
    """(start, end of its name, name) of each "Đề án" naming the province's scheme."""
    found = []
    for m in _SCHEME.finditer(folded):
        rest = folded[m.end():]
        end = _NAME_END.search(rest)
        name = " ".join((rest[:end.start()] if end else rest).split()[:_NAME_WORDS])
        if not name or name[0].isdigit() or _NATIONAL.search(name):   # "Đề án 950": the nation's, by its number
            continue
        # without a topic, the campaign's phrases name the scheme (a campaign file of before the topic)
        if _has(name, config.topic) if config.topic else _has(folded, config.phrases):
            found.append((m.start(), m.end() + (end.start() if end else len(rest)), name))
    return found


def _sentence_approval(sentence: str, config: SchemePhrases) -> SchemeApproval | None:
    folded = fold(sentence)
    mentions = _scheme_mentions(folded, config)
    if not mentions:
        return None
    if _has(folded, config.negations):
        return SchemeApproval(False, evidence=sentence)
    decisions = _decisions(sentence, folded)
    for start, name_end, _ in mentions:
        decision = None
        before = _words_before(folded, start, 3 + 3)
        verb_before = list(_APPROVE.finditer(before))
        if _NOT_YET.search(_words_before(folded, start, 2)):            # "dự thảo Đề án", "chưa có Đề án"
            return SchemeApproval(False, evidence=sentence)
        verb_at = folded[:start].rfind(verb_before[-1][0]) if verb_before else -1
        if verb_before and _OTHER_DOCUMENT.search(folded[verb_at:start]):   # "ban hành Kế hoạch … Đề án"
            verb_before = []
        if verb_before:
            if _NATIONAL.search(_words_before(folded, verb_at, _WORDS_BEFORE_VERB)):
                continue
            if _NOT_YET.search(_words_before(folded, verb_at, 2)):
                return SchemeApproval(False, evidence=sentence)
            # "Quyết định số … ngày … phê duyệt Đề án …" (the decision in the verb's clause), else one
            # right after the name
            earlier = [d for d in decisions if d[0] < verb_at and "," not in folded[d[0]:verb_at]
                       and len(folded[d[0]:verb_at].split()) <= _DECISION_WORDS]
            later = [d for d in decisions if d[0] >= name_end and not _OTHER_DOCUMENT.search(folded[name_end:d[0]])]
            decision = (earlier[-1:] or later[:1] or [None])[0]
        else:
            after = folded[name_end:]
            stop = re.search(r";", after)
            after = after[:stop.start()] if stop else after
            verb = _APPROVE.search(after)
            if verb and _OTHER_DOCUMENT.search(after[:verb.start()]):
                verb = None
            later = [d for d in decisions if d[0] >= name_end and d[0] - name_end <= len(after)
                     and not _OTHER_DOCUMENT.search(folded[name_end:d[0]])]
            if verb is None and not later:
                continue
            if verb is not None and _NOT_YET.search(_words_before(folded, name_end + verb.start(), _WORDS_BEFORE_VERB)):
                return SchemeApproval(False, evidence=sentence)
            decision = later[0] if later else None
        if decision is not None and _national(decision[1]):
            continue
        date = _date_after(folded, decision[0]) if decision else None
        date = date or _DATE_NUMERIC.search(folded) or _DATE_WORDS.search(folded)
        on = f"{int(date[1]):02d}/{int(date[2]):02d}/{date[3]}" if date else ""
        return SchemeApproval(True, on, decision[1] if decision else "", sentence)
    return None


def _date_after(folded: str, at: int):
    """The date written right after a decision's number: "Quyết định số … ngày 23/11/2017"."""
    m = re.compile(r"quyet dinh(?: so)?\s+\S+\s+(?:cua \S+ \S+\s+)?").match(folded, at)
    if m is None:
        return None
    return _DATE_NUMERIC.match(folded, m.end()) or _DATE_WORDS.match(folded, m.end())


def scheme_approval(text: str, config: SchemePhrases) -> SchemeApproval:
    """The first sentence that says whether the province's own scheme is approved decides:
    approved (with the decision and its date when written), not approved (in the negative,
    or still to come), or not said."""
    for sentence in sentences(text):
        found = _sentence_approval(sentence, config)
        if found is not None:
            return found
    return SchemeApproval(None)


def ioc_operating(text: str, config: IocPhrases) -> bool | None:
    """True when a sentence says the IOC operates, False when one says there is none yet."""
    verdict = None
    for sentence in sentences(text):
        folded = fold(sentence)
        if not _has(folded, config.phrases):
            continue
        if _has(folded, config.negations):
            verdict = False if verdict is None else verdict
        elif _has(folded, config.operating):
            return True
    return verdict


def themes_in(text: str, themes: Sequence[Theme]) -> tuple[str, ...]:
    """Keys of the themes whose phrases the text uses, in the campaign's order."""
    folded = fold(text)
    return tuple(t.key for t in themes if _has(folded, t.phrases))


# -- amounts asked for or needed ([[figures.amounts]]) ---------------------------------------
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)(?!\d)")
_UNTIL = re.compile(r"(?<![a-z])den nam ((?:19|20)\d\d)(?!\d)")
_YEAR_WORD = re.compile(r"(?<![a-z])nam ((?:19|20)\d\d)(?!\d)")
_CLAUSE_END = re.compile(r";|(?<![a-z])(?:trong do|bao gom)(?![a-z])")
CHECK_UNCLEAR = "số liệu chưa rõ"
# A sentence saying the money was given ("được bố trí từ ba nguồn là ngân sách Trung ương hỗ trợ,
# …") or shared between sources ("…, là 1.900 triệu đồng; một nửa còn lại do ngân sách tỉnh bảo
# đảm"), with no word asking for money or stating a need ("cần" only before what is needed: not
# "Cần Thơ", "cán bộ"), states no money asked for or needed, whatever source it names.
_GIVEN = re.compile(r"(?<![a-z])(?:(?:da|duoc)(?:\s+duoc)?\s+(?:bo tri|cap|giao|giai ngan|phan bo|ho tro|chi"
                    r"|thanh toan|su dung)|con lai do)(?![a-z])")
_ASKED = re.compile(r"(?<![a-z])(?:de nghi|kien nghi|de xuat|xin|mong|can(?=\s+(?:duoc\s+)?(?:trung uong|chinh phu"
                    r"|ho tro|bo sung|them|bo tri|kinh phi|von|ngan sach))|nhu cau|du kien|khai toan|chua duoc"
                    r"|con thieu)(?![a-z])")


@dataclass(frozen=True)
class AmountStated:
    """An amount a report states for one of the campaign's [[figures.amounts]]."""
    vnd: int | None
    review: bool = False     # a person should check it before it is summed
    note: str = ""           # why, in Vietnamese
    evidence: str = ""       # the sentence, as written


def _phrase_matches(folded: str, phrases) -> list[re.Match]:
    found = [m for p in phrases for m in re.finditer(rf"(?<![a-z0-9]){re.escape(fold(p))}(?![a-z0-9])", folded)]
    return sorted(found, key=lambda m: m.start())


def _amount_after(folded: str, phrase: re.Match, others: list[re.Match]):
    """The amount a phrase introduces: the first after it up to the clause's end (";",
    "trong đó") or another figure's phrase; else the last one before it in its clause."""
    end = _CLAUSE_END.search(folded, phrase.end())
    stop = min([end.start() if end else len(folded)] + [m.start() for m in others if m.start() >= phrase.end()])
    after = amounts_in(folded[phrase.end():stop])
    if after:
        return after[0], "%" in folded[phrase.end():stop].split(after[0].written)[0]
    start = max([0] + [m.end() for m in _CLAUSE_END.finditer(folded, 0, phrase.start())]
                + [m.end() for m in others if m.end() <= phrase.start()])
    before = amounts_in(folded[start:phrase.start()])
    return (before[-1], False) if before else (None, False)


def _period_note(folded: str, period: tuple[int, int] | None) -> str:
    """Why the period a sentence names is not the figure's; empty when it is, or names none."""
    if period is None:
        return ""
    ranges = [(int(a), int(b)) for a, b in _YEARS.findall(folded)]
    if ranges:
        return "" if tuple(period) in ranges else f"nêu cho giai đoạn {ranges[0][0]}–{ranges[0][1]}"
    until = _UNTIL.search(folded)
    if until:
        return "" if int(until[1]) == period[1] else f"nêu đến năm {until[1]}"
    year = _YEAR_WORD.search(folded)
    return f"nêu cho năm {year[1]}" if year else ""


def amount_stated(text: str, figure: AmountFigure, figures: Sequence[AmountFigure] = ()) -> AmountStated:
    """The amount the text states for `figure`: from each sentence with one of its phrases,
    the amount the phrase introduces (`figures`: all the campaign's, so a sentence giving
    needs and the support asked keeps each to its own). To check: an unclear number, a
    share ("50%"), another period than the figure's, or sentences giving different amounts;
    the first is kept and the note says why. A sentence saying the money was given, asking
    for none, states none (_GIVEN, _ASKED)."""
    stated: list[tuple[int, str, str]] = []
    for sentence in (part for whole in _WHOLE_SENTENCE.split(text) if not _says_given(whole)
                     for part in sentences(whole)):
        folded = fold(sentence)
        mine = _phrase_matches(folded, figure.phrases)
        if not mine:
            continue
        others = [m for f in figures if f.key != figure.key for m in _phrase_matches(folded, f.phrases)]
        others = [m for m in others if not any(o.start() <= m.start() < o.end() for o in mine)]
        for phrase in mine:
            amount, share = _amount_after(folded, phrase, others)
            if amount is None:
                continue
            notes = [CHECK_UNCLEAR] * amount.ambiguous + ["nêu theo tỷ lệ phần trăm"] * share
            notes += [n for n in [_period_note(folded, figure.period)] if n]
            stated.append((amount.vnd, "; ".join(notes), sentence))
            break
    if not stated:
        return AmountStated(None)
    vnd, note, sentence = stated[0]
    amounts = list(dict.fromkeys(v for v, _, _ in stated))
    if len(amounts) > 1:
        note = "; ".join(n for n in [note, "các câu nêu số khác nhau: " + ", ".join(_ty(v) for v in amounts)] if n)
    return AmountStated(vnd, bool(note), note, sentence)


def without_amounts_stated(text: str, figures: Sequence[AmountFigure], spent: bool = False) -> str:
    """The text without the sentences that state one of `figures` (money asked for or
    needed is not money spent): what the funding total and its sources are read from.
    Table rows (" | ") are kept as they are, and so is a line that says what part of the money
    needed was not given ("Nhu cầu … là 4.000 triệu đồng; …, còn thiếu 1.600 triệu đồng chưa được
    bố trí": amounts.states_shortfall): the need is what the money given is worked out from.
    `spent`: the text is the funding item, where a sentence asks only in words (asking_in_funding_item)."""
    if not figures:
        return text
    asking = set(asking_in_funding_item(text).split("\n")) if spent else None
    lines = []
    for line in text.split("\n"):
        if " | " in line or states_shortfall(line):
            lines.append(line)
            continue
        kept = [s for whole in _WHOLE_SENTENCE.split(line) for s in _SENTENCE_IN_LINE.split(whole)
                if _says_given(whole) or (asking is not None and whole not in asking)
                or not any(amount_stated(s, f, figures).vnd is not None for f in figures)]
        lines.append(" ".join(kept))
    return "\n".join(lines)


def asking_in_funding_item(text: str) -> str:
    """The sentences of the funding item that ask for money or state a need, one a line: the item
    says what was spent, so there a sentence naming the centre's support with no word asking
    ("Ngân sách Trung ương hỗ trợ 2.000 triệu đồng cho các hạng mục") says what it gave; a line
    asking that ends in ":" asks by each line of its list."""
    asking, listed = [], False
    for line in text.split("\n"):
        wholes = [w for w in _WHOLE_SENTENCE.split(line) if w.strip()]
        if not wholes:
            continue
        if listed and _LIST_ITEM.match(line):
            asking += wholes
            continue
        asking += [w for w in wholes if _ASKED.search(fold(w))]
        listed = line.rstrip().endswith(":") and bool(_ASKED.search(fold(line)))
    return "\n".join(asking)


_LIST_ITEM = re.compile(r"\s*(?:[-+–•*]|[a-zđ]\)|\d{1,2}[.)])\s")


_SENTENCE_IN_LINE = re.compile(r"(?<=[.;!?])\s+")
# A sentence to its full stop, its clauses (";") together: what it says of the money is said of all.
_WHOLE_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _says_given(sentence: str) -> bool:
    """Whether a whole sentence says the money was given or shared between sources, asking for
    none and stating no need (_GIVEN, _ASKED)."""
    folded = fold(sentence)
    return bool(_GIVEN.search(folded)) and not _ASKED.search(folded)


def _ty(vnd: int) -> str:
    return f"{vnd / 1e9:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " tỷ đồng"
