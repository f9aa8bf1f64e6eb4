"""Serbia and the Western Balkan candidates compared with it: which countries a chart shows and how each
is drawn, the same on every page that compares (a country keeps its colour whatever else is selected)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.components.filters import SUBJECT, Filters, choices
from dashboard.style.theme import series_colour

SUBJECT_WIDTH, COMPARED_WIDTH = 3.5, 1.8  # Serbia's lines stand out; the comparisons stay readable
LEGEND_Y = -0.12  # a little below base_layout's legend, so the year ticks above it stay readable
LEGEND_ROW = 22  # pixels per legend entry beyond the first few, for the rows a long legend wraps onto


def countries(f: Filters) -> list[str]:
    """Serbia first, then the compared countries in the order the filter lists them."""
    return [SUBJECT, *(c for c in f.compared if c != SUBJECT)]


def colour(iso3: str) -> str:
    """Serbia takes the first series colour; each candidate the next ones, by its place in the candidate list."""
    if iso3 == SUBJECT:
        return series_colour(0)
    listed = list(choices().candidates)
    return series_colour(1 + (listed.index(iso3) if iso3 in listed else len(listed)))


def width(iso3: str) -> float:
    return SUBJECT_WIDTH if iso3 == SUBJECT else COMPARED_WIDTH


def fit_legend(fig: go.Figure) -> None:
    """After `base_layout`: the legend clear of the year ticks, and the chart taller by the rows a long
    legend (several countries, each with its issuers) wraps onto on a narrow window."""
    entries = sum(1 for t in fig.data if t.showlegend is not False)
    fig.update_layout(legend_y=LEGEND_Y, height=fig.layout.height + LEGEND_ROW * max(0, entries - 4))
