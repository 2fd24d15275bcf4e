"""How sure the reader is of each cell, and why a person should look at it.

A cell's confidence (0-1) and its reasons come from what the reader saw: a heading whose
words point at its item, or only its place between its neighbours; its text, which
leans to its own item or reads more like another (compared with the report's other
texts by the outline's own words, so items written in another order under headings
whose place decided are caught); an item reordered, merged with another or written
under two headings; text recognised from page images; a text far longer or shorter than
a section should be; a heading above the report's title (a letterhead line); a merge the
reader guessed from a heading too few over one item's text; a funding item that states
no figure where another item does; the first section, taken by its place, after text no
heading took; a heading ending as a line of a list does; a passage written under another
item whose lead says it adds to this one (parse/addenda.py: said, not doubted, unless the
lead names the item doubtfully); a sentence cut in two at the heading (text beginning
mid-sentence, a heading in capitals running on in sentence case, or the text ending with the first
line of the next heading, whose second line was taken for it); another found
item's heading, or the report's closing formula, inside the text; a short text beside a heading
the reader left out over an item's text (the item's heading may be that one), or a text taken
by its place alone beside one left out over far more; a heading that another reading of the
report's headings, almost as good, takes for another item or none; a text that is no readable
Vietnamese (a legacy font read wrongly); two neighbours' texts saying each other's items'
phrases; a line most of the report's texts hold too (a note on each heading, a running
header). The reasons are machine codes (a stable interface, kept in the store and the
.json/.csv); `note` says them in Vietnamese
for the analyst. A cell is to be reviewed when its confidence is below REVIEW_BELOW.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from baocao.text import fold

# Below this a person should check the cell: calibrated on held-out pool 1 once it had been
# looked at (few right cells fall under it; raising it flags many right cells for few more
# wrong ones), measured on pool 2 (bench/sections.py prints both rates).
REVIEW_BELOW = 0.6
# Heading words pointing this clearly at an item (alignment.likeness) are enough on their own.
WORDS_CLEAR = 0.6
# What the structure alone is worth (0-1) when the words say little. A heading sits between
# its neighbours: when the nearest heading found by its words on a side is as many items
# away as it is headings away (or the report begins or ends there, at the outline's first
# or last item), that side anchors it. Its own number adds nothing: a province numbers its
# headings in its own order, so a number says no more than the place does.
PLACE_BY_ANCHORS = (0.3, 0.5, 0.8)  # no side anchored, one, both
# The outline's first or last item, anchored on one side, is anchored on both: the outline itself
# closes the other (no item comes before the first or after the last for the heading to be instead),
# unless text no heading took comes before the first (after_untitled: the other side is in doubt).
# Measured on pools 1-13 (text and scans, with and without phrases): of such cells whose text does not
# read like another item, 83 right, none wrong; of the middle items so placed, 12 of some 70 wrong.
# Untitled text before the first heading, taken for item 1, whether or not the next heading is clearly
# item 2: enough without another doubt (pools 1-13: no such cell wrong; 28 right ones flagged when the
# next heading was not clearly item 2 and this was 0.4, 4 more in scans).
NO_HEADING_PLACE = 0.7
# A heading whose words point at another item more than at the one its place gave it
# contradicts its place, unless its place is confirmed on both sides. It is said, but doubts the
# place only while the alignment, which weighed those words against the place, took the place by
# less than CLOSE_MARGIN (a second reading comes close). Measured on pools 1-13's text documents:
# it flagged 24 right cells and 2 wrong ones, which also read like another item; with a firm
# margin it flags none wrong.
CONTRADICTED_FACTOR = 0.5
CONTRADICTION_MARGIN = 0.3
# Each further doubt scales the confidence.
# Text read from page images: a letter wrong here and there, which makes no cell wrong (the cells
# of scans that are wrong are so by their structure, and flagged for it); at 0.85 it flagged right
# cells placed on one side or a close second alone (pools 1-4's scans: 0.9 flags the same wrong cells).
OCR_FACTOR = 0.9
MERGED_FACTOR = 0.9
# The first of two items under one heading whose words do not name it, over a text no longer
# than one item's (below MERGE_ONE_TEXT times the median of the report's other items): the
# merge is the reader's guess from a heading too few, and a province that left an item out
# or merged two others wrote that heading for the last of them ("5. Kiến nghị" after four
# items: item 6). Two items written as one have the text of two.
MERGE_UNNAMED_FACTOR = 0.6
MERGE_ONE_TEXT = 1.25
SPLIT_FACTOR = 0.9
TOO_LONG_FACTOR = 0.6
# A text of a word or two ("Không có.") is what a province that did nothing for the item writes; it
# adds to another doubt but is none alone (pools 1-13's text documents: 14 such cells flagged, all
# right). Read from page images it may be all the OCR made of the text: a doubt of its own there
# (pools 1-13's scans: 3 such cells wrong, 2 right).
TOO_SHORT_FACTOR = 0.8
TOO_SHORT_OCR_FACTOR = 0.6
HOLDS_OTHER_FACTOR = 0.5
# A section this many times the median length of the report's others may have swallowed
# the next item; one with fewer letters than this says nothing.
TOO_LONG_RATIO = 4.0
# A cell's text is a third witness, against its place: when its item's words (the outline's
# own) fit another text of the report better than its own by this much (0-1, see
# sections._readings), its place says nothing; a heading whose words named the item
# still does. Calibrated on pools 1 and 2 once seen: 0.1-0.2 flag the same wrong cells.
READS_ELSEWHERE_GAIN = 0.15
READS_ELSEWHERE_FACTOR = 0.9  # and words that only partly name the item do not carry it alone
# A text the reader gave no item (its heading left out) that reads more like the item than
# the cell's own: the item may be under that heading, whatever the cell's heading says.
READS_UNREAD_FACTOR = 0.7
TOO_SHORT_LETTERS = 12
# A heading taken by its place only, confirmed on one side at most, next to an item the
# reader did not find: the province may have merged or left out an item, and the heading
# be that neighbour (five headings for six items: the last one is item 5 or item 6). Its text
# leaning to its item (Reading.own) does not settle it: the outline's own words lean a text to
# an item of many words (the proposals under "05." after item 4 read like the difficulties), so
# such a cell, its place confirmed on one side and by its text, is flagged too (0.8 x 0.7).
# Measured 2026-12 (the tuned corpus, pools 1-13's text documents, with and without phrases):
# 0.85 -> 0.7 flags 1 more wrong cell (pool 12) and 2 right ones (pool 10: beside items 2 and 3
# merged, which the reader split), the tuned corpus none.
BESIDE_MISSING_FACTOR = 0.7
# The funding item (its role) states no figure while another item does, under a heading whose
# words do not clearly name it: the heading is most likely in the wrong place, the figures
# under another one (a heading that names its item is not overruled by its text).
FIGURE_ELSEWHERE_FACTOR = 0.6
# The first section, taken by its place, after text that no heading took (between the
# covering sentence and the first heading): the first item's heading may have been missed.
AFTER_UNTITLED_FACTOR = 0.85
# A heading before the report's title ("BÁO CÁO") is a line of the letterhead read as one:
# its section begins in the wrong place, whatever its words say.
IN_LETTERHEAD_FACTOR = 0.5
# A heading ending as a line of a list ends ("(6) Các đề xuất, kiến nghị;"): a line of a list
# (the outline quoted in the covering sentence, items listed in a paragraph) read as a
# heading; a heading ends in a word, a colon or a full stop. Its section begins in the
# wrong place, whatever its words say.
LIST_LINE_FACTOR = 0.5
# A passage written under another item whose lead names this one doubtfully (parse/addenda.py):
# the report's numbering and the outline's disagree, or its words match the item only loosely.
ADDENDUM_DOUBT_FACTOR = 0.5
# Where the reader cut the item's text from its heading, or the item from its neighbours, a
# sentence is cut in two: the next heading is the end of a line whose start ends this text ("của
# tỉnh sau năm 2018": the section before it holds half a heading; the cut one's own text is whole,
# and flagging it flagged 12 right cells of pool 13's text for none wrong), its text begins
# mid-sentence under a heading not ending in a colon
# ("… Đề nghị Chính phủ bố trí" / "nguồn vốn hỗ trợ …"), or a heading in capitals runs on
# in sentence case ("… TỪ NĂM 2018 UBND tỉnh": the item's first sentence joined to it). A
# heading says its words and stops; the cut is somewhere it should not be, whatever the
# heading's words name.
MID_SENTENCE_FACTOR = 0.5
# A cell holding the heading of another item the reader found, written again in a line of
# its text (a table summarising the items after the last one, an annex repeating them, or a
# neighbour's text under a heading the reader did not take): part of it is not its item's.
REPEATS_HEADING_FACTOR = 0.5
# A heading the reader took for no item, next to the cell's (no heading taken for an item
# between them), over a text as long as an item's (LEFT_OUT_ITEM times the median of the
# report's found items at least), while the cell's is short (below SHORTER_THAN_ITEM times
# it): of two headings side by side the reader took the one over a line or two ("Nhiệm vụ năm
# 2023" between two items) and left out the one over an item's text; the item's heading is most
# likely the other one. Its words do not settle it: an extra heading may say the item's words.
LEFT_OUT_ITEM = 0.8
SHORTER_THAN_ITEM = 0.8
BESIDE_LONGER_FACTOR = 0.5
# The same beside a cell taken by its place alone (its heading's words name no item) whose text
# is not short but the left-out one's is this many times longer: the place chose between two
# headings neither of whose words names the item, and the one over an item's text lost.
OUTWEIGHED_BY = 1.5
# The alignment's margin (alignment.margins): how much the report's best reading of its headings
# scores above the best one taking this heading for no item or another. Below CLOSE_MARGIN
# (in the alignment's points: a heading's words naming an item clearly are worth 3, keeping the
# outline's order 0.5) a second reading is almost as good, the words and places of the
# report's headings do not settle which item it is, and a layout the reader has not met leaves
# it that close. Calibrated on pools 1-10's text documents: 0.5 flags 3 wrong cells for 23 right,
# 0.75 5 for 35, 1.0 6 for 54 (of some 5,200 right cells with and without phrases), the tuned
# corpus none; their scans (pools 7-10) 0 more wrong for 10 right. Checked on pool 11: recall
# 52.4 % -> 73.8 % (54.1 % -> 59.5 % without phrases), false flags 2.4 % -> 2.7 % (5.0 % -> 7.0 %).
CLOSE_MARGIN = 0.75
# A close second in text read from page images, the heading's place confirmed on both sides, is the
# OCR's garbled heading words (the readings' margins shrink with them), counted by OCR_FACTOR already:
# no doubt of its own there (pools 1-17's scans, with and without phrases: 21 right cells flagged for
# 1 wrong one, pools 4, 8, 10 and 12 without phrases above 10 % false flags).
# A close second is a doubt to add to others (a heading taken by its place, a number that is
# another item's), not one to flag a heading whose words name its item in its place: at 0.5 it
# flagged such cells alone, 38 right for 6 wrong (pools 1-13, text and scans, with and without
# phrases); at 0.7 the same wrong cells stay flagged and 19 fewer right ones are.
CLOSE_SECOND_FACTOR = 0.7
# A cell holding the report's closing formula ("Trên đây là báo cáo …", "Nơi nhận:"): the
# closing ends the report, so what follows it, or the cell itself, was put in the wrong place.
HOLDS_CLOSING_FACTOR = 0.5
# A heading whose number is another item's, its words not naming the item outright (a phrase of the
# campaign's) and its place confirmed on neither side: number, place and words all say little, and a
# heading of another level (one list numbering items and their points: "9. Về văn bản …" taken for
# item 5) looks so. Its number is then a doubt, whatever the words' likeness; confirmed on one side,
# a lesser one, said where the words are clear (else the place's 0.5 says it). Measured on pools 1-17
# and the tuned corpus, text and scans, with and without phrases: 6 more wrong cells flagged, 9 right,
# the tuned corpus none (0.6 to 0.55 and 0.7 to 0.85 flag the same cells; 0.85 on one side for words
# below clear too: 8 more right cells flagged, no wrong one).
UNCONFIRMED_NUMBER = (0.6, 0.85)  # by the sides confirming the place: none, one
# A heading taken out of the outline's order (reordered: its place says nothing) whose number is
# another item's and whose words do not name its item clearly (below WORDS_CLEAR): only words short
# of clear say it moved, against the province's own number, and another reading comes close (margin
# below CLOSE_MARGIN; a move taken by a wide margin is a swap said faintly but clearly: pool 1's Hà
# Nam, item 3 at 0.57 after item 4). The number is then a doubt as for an unconfirmed heading in
# order (UNCONFIRMED_NUMBER with no side): a province that reorders its items names them (pool
# 41's "V- TRƯỜNG HỌC GỬI ĐIỂM ... QUA TIN NHẮN", its own heading, taken for the general information
# by "tin" at 0.614, was wrong and not flagged).
REORDERED_AGAINST_NUMBER = UNCONFIRMED_NUMBER[0]
# A heading whose own number is a later item's, one the reader did not find ("Phần C" taken for
# item 2, no item 3 found): the reader may have shifted the report's headings by one it missed,
# and this heading be the item its number names. A number below its item's says nothing so: a
# province that left an item out numbers the items after it one down ("5." over the proposals).
NUMBER_NAMES_MISSING_FACTOR = 0.7
# A heading whose own number is an earlier item's, one the reader did not find, with the next heading
# taken for an item numbered two or more above it ("B." taken for item 3, then "D." for item 4): the
# ladder lost a heading between them (OCR misread its label), and the item this one is was chosen
# across that gap by words that do not name it clearly. It flags the cell alone; words naming the item
# clearly settle it.
NUMBER_ACROSS_GAP_FACTOR = 0.5
# The converse: a heading of the items' ladder taken for no item bears this item's number over an
# item's text (left_out_item), the heading taken for it another's ("Yêu cầu thứ nhất" left out,
# "Yêu cầu thứ hai" taken for item 1): the reader may have left out the item's own heading and
# shifted the rest by one. Over a line or two it is an extra heading of the province's own ("IV.
# Hướng đi sau năm 2025" between items 3 and 4, numbered "V."). Only a heading before every one
# taken for an item: after items numbered as theirs, the next number is an extra heading's as likely
# (pool 18's Tây Ninh: "V-" over the funding text left out between "IV-" and "VI-").
NUMBER_LEFT_OUT_FACTOR = 0.6
# The rest of that shift: after the report's first heading left out over an item's text, the headings
# taken each for the item one below its own number, by their place alone, are the reader's guess of
# where the province's own heading was; one of them over a short text (below LEFT_OUT_ITEM times the
# report's median, as beside_longer) is as likely that heading as the one left out, and its cell the
# item before's text (pool 42's Lạng Sơn: "1 | Sợi chỉ …" left out, "3 | Bệnh viện tỉnh đặt lịch khám
# trực tuyến", the province's own over two lines, taken for item 2 at 0.8). It flags the cell alone.
SHIFTED_SHORT_FACTOR = 0.5
# A heading read with OCR from a picture of its line (a clipping pasted in place of its words,
# parse/line_pictures.py): its words may be misread, and a picture alone on its line may be no
# heading; a person should look at it: it flags the cell alone.
HEADING_PICTURED_FACTOR = 0.5
# A text that is no readable Vietnamese (textlayer.unreadable: legacy text read without its font,
# a wrong decoding): whatever its place, a person must read the file; it flags the cell alone.
UNREADABLE_FACTOR = 0.5
# Text OCR misread in places (a stamp over it, a crease, a speck-filled fax): marks no Vietnamese
# text holds (misread_marks) at MISREAD_MARKS places or more: a figure or a word of the item's own
# may be lost with them ("thuế giá trị gia tăng 1.141" read "thuê 61a LÍ gia tạng ] 141"), whatever
# its place; a person should read the page: it flags the cell alone. Measured on the tuned corpus
# and pools 1-34's scans: one mark is common (a bullet, a speck), two in a right cell rare.
MISREAD_FACTOR = 0.5
MISREAD_MARKS = 2
# The headings taken for the items number as a list of points does, starting again ("a)", "b)", "a)",
# "b)"; "1.", "2.", "1."): a report's items are numbered once, in order, so these are points under
# items whose own headings the reader did not read (a macro field, WordArt, a picture), their text
# landed in the cells beside. Every cell of the report is then in doubt, the text before the first
# heading (item 1, by its place) too: it flags each alone.
NUMBERS_RESTART_FACTOR = 0.5
# Item 1 taken from the untitled text before the first heading while item 2 was not found at all: the
# first heading read is a later item's, and the untitled text before it holds item 2's text too (its
# heading, or item 1's and 2's, not read): the text's place is no witness then.
UNTITLED_BEFORE_MISSING_FACTOR = 0.7
# Two neighbouring cells whose texts read as each other's items by the campaign's phrases (one holds
# the neighbour's phrase and none of its own, the other none of its own), neither heading saying its
# item's: a province that wrote the two in each other's order under headings of its own words, numbered
# as it wrote them ("5. Các vấn đề cần Trung ương gỡ vướng" over "Đề nghị Chính phủ …"). Place and
# number say the outline's order; a person should read both: it flags each alone. Neighbours only: "tồn
# tại" ("exists") in the first items' texts reads as a difficulty's phrase. Measured 2026-12 (the tuned
# corpus and pools 1-36's scans, pools 1-25's text formats, with and without phrases): 10 more wrong
# cells flagged (pools 1, 6, 8, 11, 13), no right cell flagged more.
READS_NEIGHBOUR_FACTOR = 0.5
# A heading numbered as its item whose ladder's next number was not read, the next heading read
# numbered two above it: the lost heading's text (its label misread: a pen mark, a letter lost)
# runs on under this one, whatever its words say (pool 42's Tuyên Quang, items 2 and 3 in one cell).
BEFORE_LOST_RUNG_FACTOR = 0.5
# A line that RECURRING_TEXTS or more of the report's texts hold, its digits and marks aside, of
# RECURRING_LETTERS letters or more (recurring_lines): an item's text says its own things once, so a
# line written under every heading is a note, a running header or a footer that came along with each
# item and belongs to none; whatever the cell's place and words, part of it is not its item's: it
# flags the cell alone (pool 43's endnotes, one on each heading, "[Chú thích cuối 3] Mục 3 Đề cương
# kèm theo …", rode along in all 18 cells of three .docx, each the right item, no doubt raised).
# Measured 2026-12 on the tuned corpus and pools 1-44, text and scans: no other cell holds such a line.
RECURRING_FACTOR = 0.5
RECURRING_TEXTS = 3
RECURRING_LETTERS = 12


class Reason(StrEnum):
    """Why a cell is less than certain; the value is what the store and the table keep."""

    BY_POSITION = "by_position"  # its heading's words point at no item: taken by its place
    NO_HEADING = "no_heading"  # untitled text before the first heading, taken as item 1
    REORDERED = "reordered"  # the province wrote the items in another order
    NUMBER_DIFFERS = "number_differs"  # its heading's number is another item's
    MERGED = "merged"  # one heading covers this item and another
    SPLIT = "split"  # the item is written under two headings
    OCR = "ocr"  # text recognised from page images
    TOO_LONG = "too_long"  # far longer than the report's other items
    TOO_SHORT = "too_short"  # a line or two where the other items have pages
    EMPTY_REPORTED = "empty_reported"  # no text, though the province reported
    FUNDING_ELSEWHERE = "funding_elsewhere"  # the funding total read outside its item
    HOLDS_OTHER = "holds_other"  # a line inside looks like the heading of an item not found
    WORDS_ELSEWHERE = "words_elsewhere"  # its heading's words point at another item rather than this one
    READS_ELSEWHERE = "reads_elsewhere"  # its text reads more like another item, or another text more like its item
    BESIDE_MISSING = "beside_missing"  # taken by its place, next to an item not found: it may be that item
    IN_LETTERHEAD = "in_letterhead"  # its heading comes before the report's title: a letterhead line
    FIGURE_ELSEWHERE = "figure_elsewhere"  # the funding item states no figure, another item does
    AFTER_UNTITLED = "after_untitled"  # taken by its place, first, after text no heading took
    MERGE_UNNAMED = "merge_unnamed"  # the first of two items under one heading not naming it, over one item's text
    LIST_LINE = "list_line"  # its heading ends as a line of a list (";" or ","): not a heading
    CORRECTED = "corrected"  # a person corrected the cell
    # The cell holds a passage the province wrote under another item, whose lead says it adds to
    # this one (parse/addenda.py); the code names that item: added_after(6) is "added_after_6".
    ADDED_AFTER = "added_after"
    ADDENDUM_DOUBTFUL = "addendum_doubtful"  # that lead names the item doubtfully
    MID_SENTENCE = "mid_sentence"  # its text begins mid-sentence or ends in the next heading's start; heading runs on
    REPEATS_HEADING = "repeats_heading"  # a line of its text is another found item's heading written again
    HOLDS_CLOSING = "holds_closing"  # it holds the report's closing formula ("Trên đây là báo cáo …")
    BESIDE_LONGER = "beside_longer"  # a heading left out next to its own has an item's text, it has less
    CLOSE_SECOND = "close_second"  # another reading of the report's headings is almost as good: it may be another item
    UNREADABLE = "unreadable"  # its text is no readable Vietnamese: a legacy font read wrongly, a broken font
    NUMBER_NAMES_MISSING = "number_names_missing"  # its heading's number names an item the reader did not find
    NUMBER_LEFT_OUT = "number_left_out"  # a heading taken for no item bears its number, its own heading another's
    # by place, short, numbered one above after the first heading left out: maybe the province's own heading
    SHIFTED_SHORT = "shifted_short"
    HEADING_PICTURED = "heading_pictured"  # its heading is a picture of its words, read with OCR
    NUMBERS_RESTART = "numbers_restart"  # the headings taken for items number again from the start: points, not items
    MISREAD = "misread"  # read from page images with marks no text holds: OCR misread it in places
    READS_NEIGHBOUR = "reads_neighbour"  # its text and its neighbour's read as each other's items: swapped
    BEFORE_LOST_RUNG = "before_lost_rung"  # its ladder's next number was not read: it may hold that item's text
    RECURRING_LINE = "recurring_line"  # a line of its text is in most items' texts too: a note, header or footer

    @property
    def label(self) -> str:
        return _LABELS[self]


# A section found without its heading naming the item: what says how well a document follows
# an outline is the items its headings name (ingest/examine.attribution, issue 19).
HEADING_NOT_NAMED = frozenset({Reason.BY_POSITION, Reason.NO_HEADING, Reason.WORDS_ELSEWHERE, Reason.READS_ELSEWHERE})


def named_by_heading(reasons: Iterable[str]) -> bool:
    """Whether a section's heading named its item (none of its reasons says otherwise)."""
    return not HEADING_NOT_NAMED.intersection(reasons)


_LABELS = {
    Reason.BY_POSITION: "tìm theo vị trí",
    Reason.NO_HEADING: "không có tiêu đề",
    Reason.REORDERED: "thứ tự khác đề cương",
    Reason.NUMBER_DIFFERS: "số mục khác đề cương",
    Reason.MERGED: "gộp mục",
    Reason.SPLIT: "viết dưới hai tiêu đề",
    Reason.OCR: "OCR",
    Reason.TOO_LONG: "quá dài",
    Reason.TOO_SHORT: "quá ngắn",
    Reason.EMPTY_REPORTED: "trống dù tỉnh đã báo cáo",
    Reason.FUNDING_ELSEWHERE: "kinh phí đọc ngoài mục kinh phí",
    Reason.HOLDS_OTHER: "có thể chứa mục khác",
    Reason.WORDS_ELSEWHERE: "tiêu đề giống mục khác",
    Reason.READS_ELSEWHERE: "nội dung giống mục khác",
    Reason.BESIDE_MISSING: "cạnh mục không tìm thấy",
    Reason.IN_LETTERHEAD: "tiêu đề nằm trong phần đầu văn bản",
    Reason.FIGURE_ELSEWHERE: "mục kinh phí không có số liệu, mục khác có",
    Reason.AFTER_UNTITLED: "sau đoạn văn không thuộc mục nào",
    Reason.MERGE_UNNAMED: "gộp mục nhưng chỉ có nội dung của một mục",
    Reason.LIST_LINE: "tiêu đề là một dòng liệt kê",
    Reason.CORRECTED: "đã sửa tay",
    Reason.ADDED_AFTER: "có đoạn bổ sung viết ở mục khác",
    Reason.ADDENDUM_DOUBTFUL: "đoạn bổ sung chưa rõ thuộc mục này",
    Reason.MID_SENTENCE: "tiêu đề hoặc nội dung bị cắt giữa câu",
    Reason.REPEATS_HEADING: "chứa tiêu đề của mục khác",
    Reason.HOLDS_CLOSING: "chứa phần kết thúc báo cáo",
    Reason.BESIDE_LONGER: "tiêu đề bị bỏ qua bên cạnh có nội dung dài hơn",
    Reason.CLOSE_SECOND: "có cách đọc khác gần bằng: có thể là mục khác",
    Reason.UNREADABLE: "chữ không đọc được (phông chữ cũ?)",
    Reason.NUMBER_NAMES_MISSING: "số của tiêu đề là của mục không tìm thấy",
    Reason.NUMBER_LEFT_OUT: "tiêu đề bị bỏ qua mang số của mục này",
    Reason.SHIFTED_SHORT: "số lệch sau tiêu đề đầu bị bỏ qua, nội dung ngắn: có thể là tiêu đề riêng của tỉnh",
    Reason.HEADING_PICTURED: "tiêu đề là hình ảnh, đã đọc bằng OCR",
    Reason.NUMBERS_RESTART: "số các tiêu đề đánh lại từ đầu: có thể là ý nhỏ, không phải mục",
    Reason.MISREAD: "OCR đọc sai nhiều chỗ: đối chiếu với bản chụp",
    Reason.READS_NEIGHBOUR: "nội dung giống mục liền kề: có thể hai mục bị đổi chỗ",
    Reason.BEFORE_LOST_RUNG: "tiêu đề mục sau không đọc được: có thể chứa cả mục sau",
    Reason.RECURRING_LINE: "có dòng lặp lại ở nhiều mục (chú thích, đầu trang hay chân trang?)",
}
_ADDED_AFTER = re.compile(rf"^{Reason.ADDED_AFTER.value}_(\d+)$")


def added_after(number: int) -> str:
    """The reason code of a cell holding a passage written after item `number`."""
    return f"{Reason.ADDED_AFTER.value}_{number}"


@dataclass(frozen=True)
class Support:
    """What pointed the reader at an item, from the alignment of the report's headings."""

    words: float  # 0-1: how clearly the heading's words point at it (1: named by the campaign's phrases)
    numbered: bool | None  # its number is the item's (True), another's (False), or it has none (None)
    in_order: bool  # after every item taken before it
    anchors: int = 0  # 0-2: sides on which a heading found by its words agrees with its place
    no_heading: bool = False  # untitled text before the first heading, taken as item 1
    elsewhere: float = 0.0  # 0-1: how clearly its words point at some other item
    margin: float = math.inf  # how much the alignment loses taking it for no item or another (alignment.margins)
    outer: bool = False  # taken for the outline's first or last item
    ordinal: int | None = None  # the item its heading's own number names, if it has one


@dataclass(frozen=True)
class Reading:
    """What a cell's text says of its item, beside the report's other texts (sections._readings)."""

    elsewhere: float = 0.0  # 0-1: how much better its item's words fit another text of the report than its own
    own: bool = False  # it leans to its item more than to any other, and more than any other text does
    unread: float = 0.0  # 0-1: how much better its item's words fit a text the reader gave no item


def assess(support: Support, *, ocr: bool = False, merged: bool = False, split: bool = False,
           length_ratio: float = 1.0, letters: int = 100, holds_other: bool = False,
           reading: Reading = Reading(), beside_missing: bool = False,
           in_letterhead: bool = False, merged_first: bool = False,
           figure_elsewhere: bool = False, after_untitled: bool = False,
           list_line: bool = False, mid_sentence: bool = False, repeats_heading: bool = False,
           holds_closing: bool = False, beside_longer: bool = False,
           beside_much_longer: bool = False, unreadable: bool = False,
           number_names_missing: bool = False, number_across_gap: bool = False, number_left_out: bool = False,
           shifted_short: bool = False,
           heading_pictured: bool = False, numbers_restart: bool = False,
           misread: bool = False, reads_neighbour: bool = False,
           before_lost_rung: bool = False, recurring_line: bool = False) -> tuple[float, tuple[str, ...]]:
    """A cell's confidence and the reasons it is below 1. Words and place are two witnesses:
    the confidence is what at least one of them makes likely, 1 - (1 - words)(1 - place); a
    text that reads like another item (`reading.elsewhere` above READS_ELSEWHERE_GAIN) takes
    the place's word away, one that reads as its own item backs it; the reader's further
    doubts (OCR, a merge, a length out of line, an item not found beside one taken by its
    place alone: `beside_missing`, a heading that is a line of a list: `list_line`, a sentence
    cut in two at the heading: `mid_sentence`, another item's heading or the report's closing
    inside the text: `repeats_heading`, `holds_closing`, a short text beside a heading left out
    over an item's text: `beside_longer`, or, for a cell taken by its place alone, beside one
    far longer than its own: `beside_much_longer`, a second reading of the report's headings
    almost as good as the one taken: `support.margin` below CLOSE_MARGIN, a text that is no
    readable Vietnamese: `unreadable`, a heading numbered as a later item not found:
    `number_names_missing`, or as an earlier one not found across a gap in its ladder's numbers:
    `number_across_gap`, a heading left out numbered as the item, its own heading numbered
    otherwise: `number_left_out`, or after the first heading left out so, a short text taken by its place
    alone under a heading numbered one above it: `shifted_short`, a heading read with OCR from a picture of its line:
    `heading_pictured`, the report's headings taken for items numbered again from the start:
    `numbers_restart`, the next heading of its ladder unread, its text maybe here: `before_lost_rung`,
    a line its text shares with most of the report's others: `recurring_line`,
    item 1 from untitled text with item 2 not found: `beside_missing` with
    `support.no_heading`, text OCR misread in places: `misread`, or a text and its neighbour's
    reading as each other's items: `reads_neighbour`) scale it down."""
    reasons: list[Reason] = []
    by_words = min(1.0, support.words / WORDS_CLEAR)
    if support.no_heading:
        place = NO_HEADING_PLACE
        reasons.append(Reason.NO_HEADING)
    elif not support.in_order:
        place = 0.0
        reasons.append(Reason.REORDERED)
    else:
        # A text that leans to its item as no other does confirms the place as a side would.
        sides = min(2, support.anchors + reading.own)
        place = PLACE_BY_ANCHORS[2 if support.outer and sides == 1 and not after_untitled else sides]
    read_elsewhere = reading.elsewhere > READS_ELSEWHERE_GAIN
    if read_elsewhere:
        place = 0.0
    if by_words < 0.5 and not support.no_heading:
        reasons.insert(0, Reason.BY_POSITION)
    differs = support.numbered is False and support.in_order
    # Words clear but not the item's own phrase, a number that is another item's, and no more than one
    # side confirming the place: the number is a witness against them (below clear words, one side's
    # place says its doubt already).
    unconfirmed = differs and support.words < 1.0 and (support.anchors == 0 or (support.anchors == 1
                                                                                  and by_words >= 1.0))
    moved_against_number = (not support.in_order and not support.no_heading and support.numbered is False
                            and by_words < 1.0 and support.margin < CLOSE_MARGIN)
    if (differs and (by_words < 1.0 or unconfirmed)) or moved_against_number:
        reasons.append(Reason.NUMBER_DIFFERS)
    confidence = 1.0 - (1.0 - 0.95 * by_words) * (1.0 - place)
    if unconfirmed:
        confidence *= UNCONFIRMED_NUMBER[support.anchors]
    if moved_against_number:
        confidence *= REORDERED_AGAINST_NUMBER
    contradicted = support.anchors < 2 and support.elsewhere >= max(WORDS_CLEAR, support.words + CONTRADICTION_MARGIN)
    unread = reading.unread > READS_ELSEWHERE_GAIN
    for doubt, factor, reason in ((read_elsewhere, READS_UNREAD_FACTOR if unread else READS_ELSEWHERE_FACTOR,
                                   Reason.READS_ELSEWHERE),
                                  (contradicted, CONTRADICTED_FACTOR if support.margin < CLOSE_MARGIN else 1.0,
                                   Reason.WORDS_ELSEWHERE),
                                  (ocr, OCR_FACTOR, Reason.OCR), (merged, MERGED_FACTOR, Reason.MERGED),
                                  (merged_first and by_words < 1.0 and length_ratio < MERGE_ONE_TEXT,
                                   MERGE_UNNAMED_FACTOR / MERGED_FACTOR,
                                   Reason.MERGE_UNNAMED),
                                  (split, SPLIT_FACTOR, Reason.SPLIT),
                                  (length_ratio > TOO_LONG_RATIO, TOO_LONG_FACTOR, Reason.TOO_LONG),
                                  (letters < TOO_SHORT_LETTERS, TOO_SHORT_OCR_FACTOR if ocr else TOO_SHORT_FACTOR,
                                   Reason.TOO_SHORT),
                                  (holds_other, HOLDS_OTHER_FACTOR, Reason.HOLDS_OTHER),
                                  (beside_missing and by_words < 0.5 and not support.no_heading
                                   and support.anchors < 2, BESIDE_MISSING_FACTOR, Reason.BESIDE_MISSING),
                                  (in_letterhead, IN_LETTERHEAD_FACTOR, Reason.IN_LETTERHEAD),
                                  (figure_elsewhere and by_words < 1.0, FIGURE_ELSEWHERE_FACTOR,
                                   Reason.FIGURE_ELSEWHERE),
                                  (after_untitled and by_words < 0.5 and not support.no_heading,
                                   AFTER_UNTITLED_FACTOR, Reason.AFTER_UNTITLED),
                                  (list_line, LIST_LINE_FACTOR, Reason.LIST_LINE),
                                  (mid_sentence, MID_SENTENCE_FACTOR, Reason.MID_SENTENCE),
                                  (repeats_heading, REPEATS_HEADING_FACTOR, Reason.REPEATS_HEADING),
                                  (holds_closing, HOLDS_CLOSING_FACTOR, Reason.HOLDS_CLOSING),
                                  (beside_longer or (beside_much_longer and by_words < 0.5
                                                     and not support.no_heading),
                                   BESIDE_LONGER_FACTOR, Reason.BESIDE_LONGER),
                                  (support.margin < CLOSE_MARGIN and not (ocr and support.anchors == 2),
                                   CLOSE_SECOND_FACTOR, Reason.CLOSE_SECOND),
                                  (unreadable, UNREADABLE_FACTOR, Reason.UNREADABLE),
                                  (number_names_missing, NUMBER_NAMES_MISSING_FACTOR, Reason.NUMBER_NAMES_MISSING),
                                  (number_across_gap and by_words < 1.0 and not number_names_missing,
                                   NUMBER_ACROSS_GAP_FACTOR,
                                   Reason.NUMBER_NAMES_MISSING),
                                  (number_left_out and support.numbered is False, NUMBER_LEFT_OUT_FACTOR,
                                   Reason.NUMBER_LEFT_OUT),
                                  (shifted_short and by_words < 0.5 and support.numbered is False
                                   and support.in_order, SHIFTED_SHORT_FACTOR, Reason.SHIFTED_SHORT),
                                  (heading_pictured, HEADING_PICTURED_FACTOR, Reason.HEADING_PICTURED),
                                  (numbers_restart, NUMBERS_RESTART_FACTOR, Reason.NUMBERS_RESTART),
                                  (beside_missing and support.no_heading, UNTITLED_BEFORE_MISSING_FACTOR,
                                   Reason.BESIDE_MISSING),
                                  (misread, MISREAD_FACTOR, Reason.MISREAD),
                                  (reads_neighbour, READS_NEIGHBOUR_FACTOR, Reason.READS_NEIGHBOUR),
                                  (before_lost_rung, BEFORE_LOST_RUNG_FACTOR, Reason.BEFORE_LOST_RUNG),
                                  (recurring_line, RECURRING_FACTOR, Reason.RECURRING_LINE)):
        if doubt:
            confidence *= factor
            reasons.append(reason)
    return round(confidence, 3), tuple(r.value for r in reasons)


# Marks OCR makes of specks and stains, which no report writes as a word of its own.
_SPECK_MARKS = frozenset("[]{}<>^`£¢®©œ")
# Vietnamese words of one letter ("ở", "ý", "y tế"); any other letter alone in a sentence is a speck or
# a word's broken piece, unless it counts a list's points ("a)", "b.").
_ONE_LETTER_WORDS = frozenset("aàáảãạăâeêoôơởừưyý")
_POINT = re.compile(r"[^\W\d_][).]")
_EDGES = re.compile(r"^[\"'“”‘’(]+|[\"'“”‘’).,;:!?…]+$")
_UNITS = re.compile(r"(?:k?m|c?m)[23]|\d+(?:k?m|ha|kg|tr|ty|m|g)")


def misread_marks(text: str) -> int:
    """How many marks in `text` OCR made of specks or misread letters: a bracket or a symbol
    standing alone (_SPECK_MARKS), a letter alone on its line or, lower-case, in a sentence
    where no one-letter word is, digits run into lower-case letters or a letter into a digit
    ("61a", "thie1"; not a unit, "20ha", "m2"), a word with diacritics whose case goes up and
    down again inside it ("diutÐổiruácvẳ"; not a name written so, "YouTube", ASCII)."""
    count = 0
    for line in text.split("\n"):
        words = line.split()
        if len(words) == 1 and len(words[0]) == 1 and words[0].isalpha():
            count += 1
            continue
        for word in words:
            if word in _SPECK_MARKS:
                count += 1
                continue
            core = _EDGES.sub("", word)
            if not core or _UNITS.fullmatch(core.lower()):
                continue
            pairs = list(zip(core, core[1:], strict=False))
            if len(core) == 1:
                count += core.isalpha() and core.islower() and core not in _ONE_LETTER_WORDS \
                    and not _POINT.fullmatch(word)
            elif (core[0].isdigit() and core[-1].isalpha() and core[-1].islower()
                  and re.fullmatch(r"\d+[^\W\d_]+", core)) or any(a.isalpha() and a.islower() and b.isdigit()
                                                                   for a, b in pairs):
                count += 1
            elif not core.isascii() and re.search(r"[^\W\d_]", core) and _case_goes_up_and_down(core):
                count += 1
    return count


def recurring_lines(texts: Iterable[str]) -> set[int]:
    """The positions in `texts` of those holding, beside lines of their own, a line that
    RECURRING_TEXTS or more such texts hold, compared by its letters alone, folded (digits and
    marks aside: "[Chú thích cuối 3] Mục 3 …" and "[Chú thích cuối 4] Mục 4 …" are one line), of
    RECURRING_LETTERS letters or more. A text all of whose lines others hold too is written to
    one pattern and carries nothing; nor is a line that only one or two texts hold beside their
    own (the pattern's line, one text adding to it). The same text twice (one text under two
    merged items) counts once."""
    texts = list(texts)
    keys = {text: [" ".join(re.sub(r"[^a-z]+", " ", fold(line)).split()) for line in text.split("\n")]
            for text in set(texts)}

    def held_by(among) -> set[str]:
        holders: dict[str, set[str]] = {}
        for text in among:
            for key in keys[text]:
                if len(key.replace(" ", "")) >= RECURRING_LETTERS:
                    holders.setdefault(key, set()).add(text)
        return {key for key, held in holders.items() if len(held) >= RECURRING_TEXTS}

    shared = held_by(keys)
    own = [text for text, lines in keys.items() if any(key and key not in shared for key in lines)]
    riding = held_by(own)
    carrying = {text for text in own if riding.intersection(keys[text])}
    return {i for i, text in enumerate(texts) if text in carrying}


def _case_goes_up_and_down(word: str) -> bool:
    """Whether a word has a lower-case letter, then an upper-case one, then a lower-case one."""
    state = 0
    for ch in word:
        if state == 0 and ch.islower():
            state = 1
        elif state == 1 and ch.isupper():
            state = 2
        elif state == 2 and ch.islower():
            return True
    return False


def shorter_than_left_out(length: int, typical: int, left_out: Iterable[int]) -> bool:
    """Whether a cell of `length` characters is short (below SHORTER_THAN_ITEM times `typical`,
    the median length of the report's other found items) beside a heading left out (`left_out`:
    the lengths of the texts of the headings taken for no item next to its own) over an item's
    text (LEFT_OUT_ITEM times `typical` at least)."""
    return bool(typical) and length < SHORTER_THAN_ITEM * typical and any(
        other >= LEFT_OUT_ITEM * typical for other in left_out)


def left_out_item(length: int, typical: int) -> bool:
    """Whether a heading left out has an item's text: `length` characters, LEFT_OUT_ITEM times
    `typical` (the median length of the report's found items) at least."""
    return bool(typical) and length >= LEFT_OUT_ITEM * typical


def outweighed_by_left_out(length: int, typical: int, left_out: Iterable[int]) -> bool:
    """Whether a heading left out next to a cell of `length` characters has an item's text
    (LEFT_OUT_ITEM times `typical` at least) and OUTWEIGHED_BY times the cell's at least."""
    return bool(typical) and any(other >= LEFT_OUT_ITEM * typical and other >= OUTWEIGHED_BY * length
                                 for other in left_out)


def note(reasons: Iterable[str], number: int | None = None, merged_with: Iterable[int] = ()) -> str:
    """The reasons as the analyst reads them, "; "-joined: "tìm theo vị trí; OCR". A merge
    names its items: "gộp mục 5 và 6"; a passage moved here the item it was written after:
    "bổ sung sau mục 6". Unknown codes (a newer store) are shown as they are."""
    parts = []
    for code in dict.fromkeys(reasons):
        if code == Reason.MERGED and number is not None and merged_with:
            items = sorted({number, *merged_with})
            parts.append("gộp mục " + ", ".join(map(str, items[:-1])) + f" và {items[-1]}")
        elif added := _ADDED_AFTER.match(code):
            parts.append(f"bổ sung sau mục {added[1]}")
        else:
            parts.append(Reason(code).label if code in Reason._value2member_map_ else code)
    return "; ".join(parts)


def needs_review(confidence: float) -> bool:
    return confidence < REVIEW_BELOW
