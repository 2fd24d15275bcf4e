"""Which outline item each heading of the section level is: the whole sequence at once.

A province's headings are the outline's items in the outline's order far more often
than not, whatever their wording; so a heading is judged by its words *and* its place.
The headings of one level are aligned with the outline like two sequences (dynamic
programming, as Needleman-Wunsch aligns two strings): taking a heading for an item earns
its word likeness to that item, keeping the outline's order earns a little more, going
back in the outline (a reordered item) costs, a heading taken for no item (the
province's own) costs, an item no heading is taken for costs a little. So a heading whose
words match nothing still gets the item its place between its neighbours leaves, and a
misread or repeated number does not matter: numbers only tip a balance.

Word likeness needs no word list: each word of the outline's headings (and phrases)
weighs by how few items it names (a word of one item says much, a word of every item
nothing), all compared `fold`ed; a word of the report's own topic (the campaign's title
and subject: "phát triển đô thị thông minh") names the whole report, not an item, and
weighs nothing. A word the outline does not have counts as the outline word it is
closest to, when that is close enough to be a misreading of it (OCR drops or adds a
letter: "vuog" for "vuong"); folding has already forgiven the diacritics.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from baocao.campaign import OutlineSection
from baocao.parse.legacy import spells_syllable
from baocao.text import fold

# What each step of an alignment is worth. Only their balance matters: a heading whose
# words point clearly at an item (likeness 1 is worth WORDS) outweighs the order; with no
# words to go by, the order decides; a heading is taken for an item rather than left out.
WORDS = 3.0
TAKEN = 1.0  # a heading taken for an item at all
NEXT_ITEM = 0.5  # the item right after the one before, or after the furthest one taken
BACKWARDS = 2.5  # an item before the one before: reordered
# Going back in the outline past an item taken in between (not a neighbour swap, the common
# reorder: "4." before "3.") costs this much more where the headings' own numbers rise from each
# to the next (I., II., III., ..., a number skipped or not, none repeated, none unnumbered) and the
# heading's words do not name the item clearly (likeness below CLEAR_WORDS, as
# confidence.WORDS_CLEAR): the province wrote its items in the order it numbered them, so such a
# move must be said by the heading's words, not by a syllable or two an opaque heading shares with
# the outline or its phrases ("tin nhắn" with "thông tin chung", after items 3 and 4) against a
# heading of the province's own left out between two items.
AGAINST_NUMBERS = 1.0
CLEAR_WORDS = 0.6
LEFT_OUT = 0.5  # a heading taken for no item
MISSING = 0.3  # an item no heading was taken for
NUMBERED = 0.15  # the heading's own number is the item's
CONTINUED = 0.2  # a heading whose words name the item before it again ("V. Nguồn vốn" after "IV. Kinh phí")
LEADING_TEXT = 0.8  # untitled text before the first heading taken as the first item
BEAM = 4  # states kept per heading and number of items taken in the quick pass
ASIDE_WEIGHT = 0.5  # words in an outline heading's parentheses say less about it
TOLD = 6.0  # the text under a heading: what its words say beyond its neighbours' (told) is worth this
# A text under a heading tells its item with this many different words the outline weighs at
# least: fewer ("Không có.", "Như báo cáo tại mục b.": a cross-reference) is one word's chance.
TOLD_WORDS = 3
OTHER_FORM = 2.0  # a heading of another form than the rest of its level (Evidence.other_form) taken for an item

# A word not in the outline counts as its closest outline word at this rapidfuzz
# fuzz.ratio (0-100) or more: one letter dropped or added in a word of four letters or
# more (88-91), one changed in a word of seven or more (86); never two changes. Both
# words have four letters or more: "vang" is not a misreading of "van".
MISREAD_RATIO = 85
MISREAD_MIN_LETTERS = 4

JOINED_LIKENESS = 0.6  # each half of a joined heading must point this clearly at its item
MADE_OF = 0.5  # or be made of its item's words, more than this share of its words (two_parts)
# A heading in two parts may cover the outline's last two items though its words do not
# say so ("Những trở ngại và các nội dung cần Trung ương hỗ trợ" for difficulties and
# proposals, which provinces often write as one): it then costs this much more, so that
# it wins only where no later heading is taken for the last item.
# Not when its text is long enough for two (room_for_two) and speaks both items' words more
# than its level's other texts do: its text, not its place alone, then says it covers two.
MERGED_BY_PLACE = 0.2
# A heading in two parts, in a level with fewer headings than the outline has items, whose text
# is long enough for two and speaks both items' words more than its level's other texts do: its
# words, its level's count and its text all say it covers two, worth this much more than one.
MERGED_BY_TEXT = 0.2
# Such a heading over the only text long enough for two of a level one heading short of the
# outline's items (Evidence.counted_two): the count says one heading covers two and no other text
# has room for two; worth this much more than one, against the words of the heading after it,
# which a province numbers by its own count ("4." for items 4 and 5, "5." for item 6) and words
# its own way ("Nguyện vọng gửi cấp Bộ" is no "nguyên nhân").
MERGED_BY_COUNT = 2.0

_WORD = re.compile(r"\w+")
# Where a heading joins two: "và", a comma, a semicolon, a slash, a dash between words
# (not between numbers: "giai đoạn 2015 – 2017" is one span of years).
_JOINT = re.compile(r"\s+va\s+|\s*[,;/&+]\s*|(?<!\d)\s+-\s+(?!\d)")
_PARENTHESES = re.compile(r"\([^)]*\)")
# "cùng" between two words joins them as "và" does ("Điểm nghẽn cùng mong mỏi gửi Bộ"); it is
# told from "cung" ("cung cấp") only before folding, so a heading's line is read for it first.
_WITH = re.compile(r"(?<=\w)\s+cùng\s+(?=\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """What one heading offers the alignment."""

    likeness: tuple[float, ...]  # 0..1 per outline item, in outline order
    named: tuple[int, ...] = ()  # indexes of the items the heading names outright (phrases, merged headings)
    ordinal: int | None = None  # its own number, "IV." -> 4
    joined: tuple[int, ...] = ()  # two items whose words stand on either side of an "và" or a comma
    leading_text: bool = False  # not a heading: untitled text before the first one, item 1 or nothing
    two_part: bool = False  # "A và B", the two parts pointing at different items or nowhere: maybe two items merged
    # per item, how much more the text under the heading speaks the item's words than the
    # texts under the other headings of its level do (text_likeness); () for not weighed
    told: tuple[float, ...] = ()
    # its level has fewer headings (with untitled text before them) than the outline has
    # items, so some heading covers two, and its text is long enough to hold two items' texts
    room_for_two: bool = False
    # a whole line alone among headings of its level that are lead sentences run into their
    # text: of another form than the ladder's, the province's own line more likely than an item
    other_form: bool = False
    # its level is one heading short of the outline's items (with untitled text before them), its
    # text the level's only one long enough for two and it in two parts: the one that covers two items
    counted_two: bool = False


@dataclass(frozen=True)
class Alignment:
    score: float
    items: tuple[tuple[int, ...], ...]  # per heading, the outline indexes it was taken for; () for none


def align(evidence: Sequence[Evidence], item_count: int, against_numbers: float = AGAINST_NUMBERS) -> Alignment:
    """The best-scoring way of taking each heading for one item (or two, when it names
    both), for the item before it again, or for none; each item taken once."""
    # A quick pass keeping a few states gives a score the best alignment reaches at
    # least; the exact pass then drops every state that, even at its best from there
    # on (`best_possible` of the headings left), cannot reach it.
    choices = [_choices(heading, item_count) for heading in evidence]
    quick = _aligned(evidence, choices, item_count, beam=BEAM, against_numbers=against_numbers)
    tops = [_at_best(heading, options) for heading, options in zip(evidence, choices, strict=True)]
    ahead = [_bound(tops[j:], item_count) for j in range(1, len(evidence) + 1)]
    return _aligned(evidence, choices, item_count, floor=quick.score - 1e-9, ahead=ahead,
                    against_numbers=against_numbers)


def _aligned(evidence, choices, item_count, beam=None, floor=-math.inf, ahead=None,
             avoid: tuple[int, tuple[int, ...]] | None = None, against_numbers: float = AGAINST_NUMBERS) -> Alignment:
    # A state is (items taken as a bit set, last item taken or -1); each step keeps, per
    # state, its best score and where it came from.
    states: dict[tuple[int, int], float] = {(0, -1): 0.0}
    in_order = numbered_in_order(evidence)
    # Fewer headings (untitled text before them one) than items: room for a rung lost where the numbers skip.
    short = len(evidence) < item_count
    steps: list[dict[tuple[int, int], tuple[tuple[int, int], tuple[int, ...]]]] = []
    for j, heading in enumerate(evidence):
        scores: dict[tuple[int, int], float] = {}
        came: dict[tuple[int, int], tuple[tuple[int, int], tuple[int, ...]]] = {}
        left_out = 0.0 if heading.leading_text else LEFT_OUT
        before = evidence[j - 1] if j else None
        numbered = before is not None and None not in (before.ordinal, heading.ordinal)
        numbers_step = heading.ordinal - before.ordinal if numbered else None
        need = floor - (ahead[j] if ahead else 0.0)
        for state, score in states.items():
            taken, last = state
            candidates = [((taken, last), score - left_out, ())]
            for items, bits, gain in choices[j]:
                if not taken & bits:
                    # After a reordered item (one before the furthest taken), the item right
                    # after the furthest resumes the order: a swap is paid for once.
                    first = items[0]
                    resumed = first == taken.bit_length()
                    # A ladder numbered in order whose numbers skip as the items do ("II." then "IV.",
                    # a rung between them lost) goes on in the province's order.
                    skipped = in_order and first > last + 1 and numbers_step == first - last
                    onward = first == last + 1 or resumed or skipped
                    order = NEXT_ITEM if onward else -BACKWARDS if first < last else 0.0
                    if first < last - 1 and in_order and not _named_clearly(heading, items):
                        order -= against_numbers
                    elif (in_order and short and numbers_step is not None and 1 <= first - last < numbers_step
                          and not _named_clearly(heading, items)):
                        # its number skips a rung ("A." then "C.", "B." lost on a scan) where the item
                        # taken does not: the province's numbers say an item lies between (not where
                        # the headings are as many as the items: a number read short, "II/" for "III/")
                        order -= against_numbers
                    candidates.append(((taken | bits, items[-1]), score + gain + order, items))
            if last >= 0 and heading.named == (last,) and not (avoid and avoid[0] == j and last in avoid[1]):
                candidates.append(((taken, last), score + CONTINUED, (last,)))
            for key, value, items in candidates:
                if value > scores.get(key, -math.inf) and (ahead is None or value >= need):
                    scores[key] = value
                    came[key] = (state, items)
        states = _beam(scores, beam) if beam else scores
        steps.append(came)
    final = {state: score - MISSING * (item_count - state[0].bit_count()) for state, score in states.items()}
    if not final:
        return Alignment(-math.inf, ())  # none reaches the floor
    state = max(final, key=final.__getitem__)
    score = final[state]
    taken_items: list[tuple[int, ...]] = []
    for came in reversed(steps):
        state, items = came[state]
        taken_items.append(items)
    return Alignment(score, tuple(reversed(taken_items)))


def numbered_in_order(evidence: Sequence[Evidence]) -> bool:
    """Whether the headings (untitled text before them aside) are three or more, each numbered
    above the heading before it: the province's own order, written out."""
    ordinals = [heading.ordinal for heading in evidence if not heading.leading_text]
    return len(ordinals) >= 3 and None not in ordinals and all(a < b for a, b in itertools.pairwise(ordinals))


def _named_clearly(heading: Evidence, items: tuple[int, ...]) -> bool:
    return all(i in heading.named or heading.likeness[i] >= CLEAR_WORDS for i in items)


def margins(evidence: Sequence[Evidence], item_count: int, items: Sequence[tuple[int, ...]],
            up_to: float = math.inf) -> tuple[float, ...]:
    """Per heading, how much the best alignment (`items`, what `align` took each heading for)
    scores above the best one that does not take that heading for those items: the heading
    left out, or taken for another item. A heading whose words and place leave it a close
    second (a small margin) could as well be another item; inf for a heading taken for none.
    A margin of `up_to` or more is given as `up_to`: alignments that cannot come that close
    are dropped on the way, as `align` drops those that cannot win.
    Words and place are weighed without AGAINST_NUMBERS: the numbers tip the choice, but a
    reorder its words almost make is still a doubt."""
    choices = [_choices(heading, item_count) for heading in evidence]
    best = align(evidence, item_count, against_numbers=0.0).score
    tops = [_at_best(heading, options) for heading, options in zip(evidence, choices, strict=True)]
    result = []
    for j, taken in enumerate(items):
        if not taken:
            result.append(math.inf)
            continue
        others = [*choices[:j], [c for c in choices[j] if not set(c[0]) & set(taken)], *choices[j + 1:]]
        bounds = [*tops[:j], _at_best(evidence[j], others[j]), *tops[j + 1:]]
        ahead = [_bound(bounds[k:], item_count) for k in range(1, len(evidence) + 1)]
        second = _aligned(evidence, others, item_count, floor=best - up_to, ahead=ahead, avoid=(j, taken),
                          against_numbers=0.0).score
        result.append(min(up_to, best - second))
    return tuple(result)


def best_possible(evidence: Sequence[Evidence], item_count: int) -> float:
    """A score no alignment of these headings can beat: each heading at its best, but
    at most `item_count` of them taking an item. A level whose bound is below another
    level's score need not be aligned at all."""
    return _bound([_at_best(heading, _choices(heading, item_count)) for heading in evidence], item_count)


def _at_best(heading: Evidence, choices) -> tuple[float, float]:
    """(the most taking an item can earn, the most not taking one can)."""
    rest = max(0.0 if heading.leading_text else -LEFT_OUT, CONTINUED if len(heading.named) == 1 else -math.inf)
    return max((gain for _, _, gain in choices), default=-math.inf) + NEXT_ITEM, rest


def _bound(tops: list[tuple[float, float]], item_count: int) -> float:
    rest = sum(r for _, r in tops)
    return rest + sum(sorted((max(0.0, t - r) for t, r in tops), reverse=True)[:item_count])


def _beam(scores: dict[tuple[int, int], float], beam: int) -> dict[tuple[int, int], float]:
    """The best BEAM states for each number of items taken: a state that left a heading
    out scores less now but may win later, so it competes only with its like."""
    kept: dict[tuple[int, int], float] = {}
    per_count: dict[int, int] = {}
    for state, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        count = state[0].bit_count()
        if per_count.get(count, 0) < beam:
            per_count[count] = per_count.get(count, 0) + 1
            kept[state] = score
    return kept


def _choices(heading: Evidence, item_count: int) -> list[tuple[tuple[int, ...], int, float]]:
    """(items, their bits, gain before the order term) of each way of taking the heading."""
    if heading.leading_text:
        # Its text speaking item 1's words more than the headings' texts do says it is item 1's;
        # speaking them less says nothing: a province's item 1 may be in words of its own.
        return [((0,), 1, LEADING_TEXT + TOLD * max(heading.told[0], 0.0) if heading.told else LEADING_TEXT)]
    groups = [(item,) for item in range(item_count)]
    groups += [both for both in {heading.named, heading.joined} if len(both) > 1]
    choices = [(items, _bits(items), _gain(heading, items)) for items in groups]
    for pair in _merged_by_place(heading, item_count):
        if pair not in groups:
            by_text = heading.room_for_two and heading.told and min(heading.told[i] for i in pair) > 0
            bonus = MERGED_BY_TEXT if by_text else -MERGED_BY_PLACE
            if heading.counted_two and by_text:
                bonus = MERGED_BY_COUNT
            choices.append((pair, _bits(pair), _gain(heading, pair) + bonus))
    return choices


def _merged_by_place(heading: Evidence, item_count: int) -> list[tuple[int, int]]:
    """The two neighbouring items a heading in two parts may cover though its words do
    not say so: the outline's last two (provinces often write difficulties and proposals
    as one), or, when its level has fewer headings than the outline has items and its text
    is long enough for two (room_for_two), any two ("Những việc đã làm từ khi có Đề án và
    các văn bản triển khai" over what was done and the plans that were issued). Once its
    text is weighed (told), either only when its text speaks both items' words more than
    the other texts of its level do (for the last two: or when its text is long enough for
    two, or speaks neither)."""
    if not heading.two_part or item_count < 2:
        return []
    pairs = [(item_count - 2, item_count - 1)]
    if heading.told:
        # Told by its text too, the last two stand only when the text is long enough for two,
        # speaks both items' words more than its level's other texts do, or neither: a text
        # of one item's length that speaks item 5 and not item 6 is item 5's, item 6 left out.
        def spoken(i: int) -> bool:
            return min(heading.told[i], heading.told[i + 1]) > 0

        last = item_count - 2
        pairs = [(i, i + 1) for i in range(last) if heading.room_for_two and spoken(i)]
        if heading.room_for_two or spoken(last) or max(heading.told[last], heading.told[last + 1]) <= 0:
            pairs.append((last, last + 1))
    return pairs


def _gain(heading: Evidence, items: tuple[int, ...]) -> float:
    gain = TAKEN + WORDS * sum(1.0 if i in heading.named else heading.likeness[i] for i in items)
    if heading.told:
        gain += TOLD * max(heading.told[i] for i in items)
    if heading.named and not set(items) & set(heading.named):
        gain -= WORDS  # its words name another item
    if heading.ordinal is not None and heading.ordinal == items[0] + 1:
        gain += NUMBERED
    if heading.other_form:
        gain -= OTHER_FORM
    return gain


def _bits(items: tuple[int, ...]) -> int:
    return sum(1 << i for i in items)


def joints_as_and(line: str) -> str:
    """The heading's line with a joining "cùng" written "và", so that its two parts are
    read as two (joined_items, two_parts compare folded keys, where "cùng" is "cung")."""
    return _WITH.sub(" và ", unicodedata.normalize("NFC", line))


def joined_items(key: str, outline: Sequence[OutlineSection]) -> tuple[int, ...]:
    """The two items (outline indexes) a heading covers when it is two headings joined
    ("<words of one item> và <words of another>"): split at a "và", comma or semicolon,
    each side's words point clearly at a different item."""
    best: tuple[float, tuple[int, ...]] = (0.0, ())
    for m in _JOINT.finditer(key):
        left, right = likeness(key[: m.start()], outline), likeness(key[m.end() :], outline)
        a, b = max(range(len(left)), key=left.__getitem__), max(range(len(right)), key=right.__getitem__)
        if a != b and min(left[a], right[b]) >= JOINED_LIKENESS and left[a] + right[b] > best[0]:
            best = (left[a] + right[b], tuple(sorted((a, b))))
    return best[1]


def two_parts(key: str, outline: Sequence[OutlineSection]) -> bool:
    """Whether a heading reads as two headings joined ("A và B", "A, B") whose parts do
    not both name one item: "Khó khăn, vướng mắc" (each part clearly, JOINED_LIKENESS) and
    "Đề xuất, kiến nghị" (each part made of the item's words, though one or two) are one
    item; "Những trở ngại và các nội dung cần Trung ương hỗ trợ" may be two, and so may
    "Tiền đã dành cho Đề án và những việc chưa đạt", whose parts share only a word of
    little meaning each ("đã", "việc") with one item; and so may a heading a part of which
    points at two items alike, for it names neither (_tied)."""
    for m in _JOINT.finditer(key):
        left_text, right_text = key[: m.start()], key[m.end() :]
        left, right = likeness(left_text, outline), likeness(right_text, outline)
        a, b = max(range(len(left)), key=left.__getitem__), max(range(len(right)), key=right.__getitem__)
        if not left[a] or not right[b] or a != b or _tied(left, a) or _tied(right, b):
            return True
        if min(left[a], right[b]) < JOINED_LIKENESS and not (_made_of(left_text, a, outline)
                                                             and _made_of(right_text, a, outline)):
            return True
    return False


def _tied(weights: tuple[float, ...], best: int) -> bool:
    """Whether another item's likeness equals the best one's: words pointing at two items
    alike ("toàn cảnh thực hiện": "thực hiện" is in two items' words) name neither."""
    return any(weight >= weights[best] for i, weight in enumerate(weights) if i != best)


def _made_of(text: str, item: int, outline: Sequence[OutlineSection]) -> bool:
    """Whether most of a part's words (more than MADE_OF) are words of the item. A word of the
    outline it does not weigh (every item's, or the report's topic: "đề" of "Đề án") counts
    neither way; a word not the outline's counts against: "nguyện vọng" is not made of item 5's
    words, though "nguyện" folds as "nguyên" of "nguyên nhân"."""
    vocabulary = _vocabulary(tuple(outline))
    words = {word for word in _WORD.findall(text)
             if vocabulary.weights.get(word) or not any(word in item_words for item_words in vocabulary.items)}
    own = words & vocabulary.items[item]
    return bool(own) and len(own) > MADE_OF * len(words)


def text_likeness(texts: Sequence[str], outline: Sequence[OutlineSection],
                   misread: bool = False) -> list[tuple[float, ...]]:
    """How much more the text under each heading of one level speaks each item's words
    than the texts under the others do: each text's likeness less the level's mean,
    item by item. A heading of the province's own wording that names nothing ("Nguyện
    vọng của địa phương") is still told by its text ("Đề nghị Bộ Xây dựng…" names the
    proposals); the words every item's text shares ("đô thị", "triển khai") even out. A
    text with fewer than TOLD_WORDS words the outline weighs tells nothing (0 for every
    item): the word it has is chance ("mục" of "Như báo cáo tại mục b.", a cross-reference,
    is no sign of item 4's "hạng mục"; "Không có." speaks of no item)."""
    vocabulary = _vocabulary(tuple(outline))
    known = [_known(fold(text), vocabulary, misread) for text in texts]
    rows = [_likeness(words, vocabulary) for words in known]
    if len(rows) < 2:
        return [()] * len(rows)
    means = [sum(column) / len(rows) for column in zip(*rows, strict=True)]
    return [tuple(0.0 if len(words) < TOLD_WORDS else value - mean for value, mean in zip(row, means, strict=True))
            for row, words in zip(rows, known, strict=True)]


def likeness(key: str, outline: Sequence[OutlineSection], misread: bool = False) -> tuple[float, ...]:
    """How much a heading's words (folded, label stripped) point at each outline item:
    the weight of its words found in the item's heading and phrases over the weight of
    all its words the outline knows, plus one unique word's weight, so that a single
    word is never the whole story. With `misread` (text recognised from page images), a
    word the outline lacks may be a misreading of one it has; typed text is taken as
    written, for one letter makes another Vietnamese word ("hướng" is not "chương")."""
    vocabulary = _vocabulary(tuple(outline))
    return _likeness(_known(key, vocabulary, misread, heading=True), vocabulary)


def outline_words(key: str, outline: Sequence[OutlineSection]) -> int:
    """How many different words of `key` (folded) the outline weighs: fewer than TOLD_WORDS
    and what they lean to is chance."""
    return len(_known(key, _vocabulary(tuple(outline)), False))


def _known(key: str, vocabulary: _Vocabulary, misread: bool, heading: bool = False) -> list[tuple[str, float]]:
    """The words of `key` the outline weighs, each once, with their weights. Of a `heading`'s few
    words, one spelled as a Vietnamese syllable is the word written, not another misread ("Khoản
    góp…" is no "khó khăn" with a letter more): one such chance match decides a heading's item,
    while a text's hundreds of words outweigh it."""
    words = {vocabulary.read_as(word) if misread and not (heading and spells_syllable(word)) else word
             for word in _WORD.findall(key)}
    return [(word, vocabulary.weights[word]) for word in words if word in vocabulary.weights]


def _likeness(known: list[tuple[str, float]], vocabulary: _Vocabulary) -> tuple[float, ...]:
    if not known:
        return (0.0,) * len(vocabulary.items)
    # The words are a set, whose order follows Python's hash seed: math.fsum's exactly
    # rounded sums make the weights the same in every run, so a cell near a threshold is
    # not flagged in one run and passed in the next.
    total = math.fsum(weight for _, weight in known) + vocabulary.unique_weight
    # One pass over the words (a section's text has hundreds), each weight added to the
    # items holding the word.
    per_item: list[list[float]] = [[] for _ in vocabulary.items]
    for word, weight in known:
        for i in vocabulary.holders[word]:
            per_item[i].append(weight)
    return tuple(math.fsum(weights) / total for weights in per_item)


@dataclass(frozen=True)
class _Vocabulary:
    items: tuple[frozenset[str], ...]  # each item's words
    weights: dict[str, float]  # word -> weight: log(items / items naming it)
    unique_weight: float  # the weight of a word only one item has
    words: tuple[str, ...] = ()  # every word of every item of MISREAD_MIN_LETTERS or more, sorted
    known: frozenset[str] = frozenset()  # the same, to look up
    _read: dict[str, str] = field(default_factory=dict)  # word -> what read_as gave, once per word
    holders: dict[str, tuple[int, ...]] = field(default_factory=dict)  # weighed word -> the items having it

    def read_as(self, word: str) -> str:
        """`word` itself if the outline has it, else the outline word it is a misreading
        of (MISREAD_RATIO, the same first letter: OCR garbles inside a word, and a word
        with another first letter is mostly another word, "huong" / "chuong"), else itself."""
        found = self._read.get(word)
        if found is None:
            found = word
            if word not in self.known and len(word) >= MISREAD_MIN_LETTERS:
                best = process.extractOne(word, [w for w in self.words if w[0] == word[0]], scorer=fuzz.ratio,
                                          score_cutoff=MISREAD_RATIO)
                found = best[0] if best else word
            self._read[word] = found
        return found


@lru_cache(maxsize=16)
def _vocabulary(outline: tuple[OutlineSection, ...]) -> _Vocabulary:
    items, asides = [], []
    for section in outline:
        heading = fold(section.heading)
        plain = set(_WORD.findall(_PARENTHESES.sub(" ", heading)))
        for phrase in section.phrases:
            plain |= set(_WORD.findall(fold(phrase)))
        aside = set(_WORD.findall(" ".join(_PARENTHESES.findall(heading)))) - plain
        items.append(frozenset(plain | aside))
        asides.append(aside)
    count = len(items)
    topic = {w for section in outline for w in _WORD.findall(fold(section.report_topic))}
    weights: dict[str, float] = {}
    for word in set().union(*items) - topic:
        naming = sum(word in item for item in items)
        weight = math.log(count / naming) if count > 1 else 1.0
        if all(word in aside for item, aside in zip(items, asides, strict=True) if word in item):
            weight *= ASIDE_WEIGHT
        if weight > 0:
            weights[word] = weight
    return _Vocabulary(tuple(items), weights, math.log(count) if count > 1 else 1.0,
                       tuple(sorted(w for w in set().union(*items) if len(w) >= MISREAD_MIN_LETTERS)),
                       frozenset().union(*items),
                       holders={word: tuple(i for i, item in enumerate(items) if word in item) for word in weights})
