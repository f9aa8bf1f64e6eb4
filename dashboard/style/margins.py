"""Margins wide enough for a chart's tick labels and legend before Plotly.js draws it.

Plotly grows a margin that its legend or tick labels overflow, and then lays the whole chart out a second
time (`doAutoMargin`): a third of the browser's drawing time on a filter step. Estimating the space here, from
the label texts and the legend's entries at a typical chart width, lets the first layout stand; on a narrower
window (a phone, where the legend wraps onto more rows) Plotly still grows the margin itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

CHAR_PX = 7.0  # average width of a character of the chart font at 13 px, rounded up
TICK_GAP_PX = 14  # tick length and the gap between tick label and axis line
AXIS_TITLE_PX = 24  # a rotated (y) or horizontal (x) axis title
NUMBER_LABEL_CHARS = 6  # "−0.50", "100%", "2,000": the widest tick labels of the value axes
X_TICKS_PX = 30  # one row of x tick labels (years, numbers) and its gap
LEGEND_ROW_PX = 20  # one row of a horizontal legend at 13 px
LEGEND_ITEM_PX = 70  # a legend entry's symbol (30) and the gap after its text (40)
LEGEND_PAD_PX = 10
GROUP_GAP_PX = 10  # Plotly's default `tracegroupgap` between legend groups (columns, in a horizontal legend)
TYPICAL_WIDTH_PX = 900  # a chart in the main column of a laptop window, sidebar open
SLACK_PX = 20  # the legend's own border and padding, and rounding; a margin a little too wide costs nothing


def fit(figure: dict, width: int = TYPICAL_WIDTH_PX) -> dict:
    """`figure` (a Plotly figure dict, changed in place and returned) with margins that hold its labels."""
    layout = figure.setdefault("layout", {})
    margin = dict(layout.get("margin") or {})
    height = layout.get("height") or 450
    traces = figure.get("data") or []
    axes = [(name, axis) for name, axis in layout.items() if name.startswith(("xaxis", "yaxis"))]
    if not any(name.startswith("yaxis") for name, _ in axes) and _cartesian(traces):
        axes.append(("yaxis", {}))
    bottom = 0.0  # charts without cartesian axes (maps): only their legend needs room
    if axes:
        left = max((_y_labels_px(axis, _category_labels(traces, name, axis)) for name, axis in axes
                    if name.startswith("yaxis") and axis.get("side") != "right"), default=0)  # fmt: skip
        margin["l"] = max(margin.get("l", 0), math.ceil(left) + SLACK_PX)
        bottom = X_TICKS_PX + (AXIS_TITLE_PX if _has_title(layout.get("xaxis", {})) else 0)
    legend = layout.get("legend") or {}
    groups = legend_groups(traces, legend)
    if layout.get("showlegend") is not False and groups and legend.get("orientation") == "h" and legend.get("y", 1) < 0:
        room = width - margin.get("l", 0) - margin.get("r", 0)
        if _grouped(traces, legend):
            rows = grouped_rows(groups, room, legend.get("tracegroupgap", GROUP_GAP_PX))
        else:
            rows = legend_rows(groups[0], room)
        legend_px = LEGEND_PAD_PX + LEGEND_ROW_PX * rows
        cap = legend.get("maxheight")  # a capped legend scrolls rather than grows (≤ 1: share of the height)
        if cap:
            legend_px = min(legend_px, cap * height if cap <= 1 else cap)
        if axes:  # the legend's top just under the x tick labels (Plotly places it by a share of the plot's height)
            ticks, bottom = bottom, bottom + legend_px
            plot_px = height - margin.get("t", 0) - max(margin.get("b", 0), math.ceil(bottom) + SLACK_PX)
            if plot_px > 0:
                layout["legend"] = {**legend, "y": -round(ticks / plot_px, 4)}
        else:  # a map: its legend stays where the view put it, k·(plot height) below, plot = height − t − b
            below = -float(legend["y"])
            bottom = (legend_px + below * (height - margin.get("t", 0))) / (1 + below)
    margin["b"] = max(margin.get("b", 0), math.ceil(bottom) + SLACK_PX)
    layout["margin"] = margin
    return figure


def legend_groups(traces: Iterable[dict], legend: dict) -> list[list[str]]:
    """The texts of the legend's entries (one per trace shown in it), by legend group: one list for a legend
    whose `traceorder` is "normal" or that has no groups."""
    shown = [t for t in traces if t.get("showlegend", True) is not False and t.get("name")]
    if not _grouped(shown, legend):
        return [[str(t["name"]) for t in shown]] if shown else []
    groups: dict[str, list[str]] = {}
    for t in shown:
        groups.setdefault(str(t.get("legendgroup") or ""), []).append(str(t["name"]))
    return list(groups.values())


def legend_rows(names: list[str], width: float) -> int:
    """Rows a horizontal legend wraps onto at `width` pixels, entries packed left to right as Plotly does."""
    rows, used = 1, 0.0
    for name in names:
        item = _item_px(name)
        if used and used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def grouped_rows(groups: list[list[str]], width: float, gap: float) -> int:
    """Rows of a horizontal legend with groups: Plotly stacks each group's entries in a column and sets the
    columns side by side, starting a new band of columns when the next one would not fit."""
    rows, band, used = 0, 0, 0.0
    for names in groups:
        column = max(_item_px(n) for n in names) + gap
        if used and used + column > width:
            rows, band, used = rows + band, 0, 0.0
        band, used = max(band, len(names)), used + column
    return rows + band


def _item_px(name: str) -> float:
    return LEGEND_ITEM_PX + CHAR_PX * len(_plain(name))


def _y_labels_px(axis: dict, categories: list[str]) -> float:
    chars = max((len(_plain(c)) for c in categories), default=NUMBER_LABEL_CHARS)
    return CHAR_PX * chars + TICK_GAP_PX + (AXIS_TITLE_PX if _has_title(axis) else 0)


def _category_labels(traces: list[dict], axis_name: str, axis: dict) -> list[str]:
    """The texts a y axis writes when they are not numbers: its tick texts, its category array, or the string
    y values of its horizontal bars."""
    if axis.get("ticktext"):
        return [str(c) for c in axis["ticktext"]]
    if axis.get("categoryarray"):
        return [str(c) for c in axis["categoryarray"]]
    anchor = "y" + axis_name[len("yaxis") :]
    labels = []
    for t in traces:
        values = t.get("y")
        if values is not None and t.get("yaxis", "y") == anchor and t.get("orientation") == "h":
            labels += [str(v) for v in list(values) if isinstance(v, str)]
    return labels


def _grouped(traces: Iterable[dict], legend: dict) -> bool:
    return legend.get("traceorder") != "normal" and any(t.get("legendgroup") for t in traces)


def _cartesian(traces: list[dict]) -> bool:
    return any(t.get("type", "scatter") in {"scatter", "bar", "scattergl", "histogram", "box"} for t in traces)


def _has_title(axis: dict) -> bool:
    title = axis.get("title")
    return bool(title.get("text") if isinstance(title, dict) else title)


def _plain(text: str) -> str:
    """Label text without the HTML tags Plotly draws as formatting."""
    out, inside = [], False
    for ch in text:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
        elif not inside:
            out.append(ch)
    return "".join(out)
