"""Where the bars of a `Chart` go in an inline SVG: computed here so the html template holds
only coordinates (no script, nothing fetched). Bars are horizontal, the label on the left
and the figure after the bar, so long Vietnamese names need no rotation and the chart reads
on a phone; every bar is scaled to the chart's `scale`, so charts sharing one compare."""

from __future__ import annotations

from typing import NamedTuple

from baocao.render.content import Chart

# The labels' room: at least enough for a province's name (so charts of provinces by region
# line up), more for a longer label; a character of the sans-serif face is about 0.55 em.
LABEL_WIDTH, CHARACTER_EM = 180, 0.55
BAR_ROOM, FIGURE_ROOM = 300, 120
BAR_HEIGHT, GAP, TOP = 18, 8, 4
FONT_SIZE = 14
# A bar's colour by its key (the statuses: distinct when printed in grey), else the funding blue.
COLOURS = {"on_time": "#2e7d32", "late": "#ef6c00", "missing": "#c62828", "unreadable": "#616161"}
DEFAULT_COLOUR = "#1565c0"


class BarBox(NamedTuple):
    label: str
    shown: str
    key: str
    y: int          # the bar's top
    width: int      # its length
    text_y: float   # the baseline of its label and figure
    figure_x: int   # where its figure starts
    colour: str


class ChartLayout(NamedTuple):
    width: int
    height: int
    bar_x: int      # where the bars start (the labels end just before)
    bar_height: int
    font_size: int
    bars: tuple[BarBox, ...]


def layout(chart: Chart) -> ChartLayout:
    longest = max((len(b.label) for b in chart.bars), default=0)
    label_width = max(LABEL_WIDTH, round(longest * FONT_SIZE * CHARACTER_EM) + 12)
    boxes = []
    for i, bar in enumerate(chart.bars):
        y = TOP + i * (BAR_HEIGHT + GAP)
        width = round(BAR_ROOM * max(bar.value, 0) / chart.scale) if chart.scale > 0 else 0
        boxes.append(BarBox(bar.label, bar.shown, bar.key, y, width, y + BAR_HEIGHT * 0.78,
                            label_width + width + 6, COLOURS.get(bar.key, DEFAULT_COLOUR)))
    height = TOP * 2 + len(chart.bars) * (BAR_HEIGHT + GAP) - GAP
    return ChartLayout(label_width + BAR_ROOM + FIGURE_ROOM, height, label_width, BAR_HEIGHT, FONT_SIZE, tuple(boxes))
