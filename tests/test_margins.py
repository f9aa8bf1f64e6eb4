"""Margins set before Plotly.js draws (dashboard/style/margins.py): room for the legend as Plotly lays it
out, never less than a view asked for. That Plotly then grows no margin is checked in the browser
(tests/browser/test_browser_margins.py)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.style import margins
from dashboard.style.theme import base_layout


def _figure(names: list[str], groups: list[str] | None = None) -> dict:
    fig = go.Figure([go.Scatter(x=[2020, 2021], y=[1, 2], name=n, legendgroup=(groups or [None] * len(names))[i])
                     for i, n in enumerate(names)])  # fmt: skip
    return base_layout(fig, "A chart").to_dict()


def test_a_flat_legend_wraps_onto_rows_by_width():
    names = ["an entry of thirty characters."] * 6  # 70 + 7·30 = 280 px each
    assert margins.legend_rows(names, 900) == 2  # three to a row
    assert margins.legend_rows(names, 300) == 6
    assert margins.legend_rows(names[:1], 100) == 1  # an entry wider than the room still takes one row


def test_a_grouped_legend_stacks_each_group_in_a_column():
    groups = [["a"] * 5, ["b"] * 3, ["c"]]
    assert margins.grouped_rows(groups, 900, 10) == 5  # side by side: as tall as the longest group
    assert margins.grouped_rows(groups, 90, 10) == 9  # one column per band


def test_more_legend_rows_give_a_larger_bottom_margin_and_never_a_smaller_one_than_asked():
    few = margins.fit(_figure(["West", "East"]))["layout"]["margin"]
    many = margins.fit(_figure([f"a long legend entry number {i}" for i in range(12)]))["layout"]["margin"]
    assert many["b"] > few["b"] >= 40  # base_layout's own bottom margin stays the floor
    grouped = margins.fit(_figure(["a", "b", "c", "d"], ["West"] * 4))["layout"]["margin"]
    flat = margins.fit(_figure(["a", "b", "c", "d"]))["layout"]["margin"]
    assert grouped["b"] > flat["b"]  # four stacked rows against one


def test_long_category_labels_widen_the_left_margin():
    fig = go.Figure(go.Bar(x=[1, 2], y=["Bosnia and Herzegovina", "Serbia"], orientation="h"))
    wide = margins.fit(base_layout(fig, "t").to_dict())["layout"]["margin"]["l"]
    short = margins.fit(base_layout(go.Figure(go.Bar(x=[1], y=["EU"], orientation="h")), "t").to_dict())
    assert wide > short["layout"]["margin"]["l"]
    assert wide >= 7 * len("Bosnia and Herzegovina")


def test_a_map_keeps_the_margins_its_view_set_and_gains_room_for_its_legend():
    fig = go.Figure([go.Scattergeo(lon=[20], lat=[44], name="West"), go.Scattergeo(lon=[37], lat=[55], name="East")])
    base_layout(fig, "map").update_layout(margin={"l": 0, "r": 0, "t": 80, "b": 0})
    margin = margins.fit(fig.to_dict())["layout"]["margin"]
    assert (margin["l"], margin["r"], margin["t"]) == (0, 0, 80)
    assert margin["b"] >= margins.LEGEND_ROW_PX
