"""Date-axis helpers shared by timeline charts: yearly values at mid-year, milestones, shaded periods.

Charts that mix yearly counts with dated events use a date x axis; a yearly value sits at 1 July of its
year (`year_mid`), bars span most of the year (`YEAR_BAR_WIDTH`), and events sit on their own dates.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import N_, _, data_text
from dashboard.style.text import plotly_escape
from dashboard.style.theme import MILESTONE_COLOUR, SUSPENSION_FILL

YEAR_BAR_WIDTH = 0.8 * 365.25 * 24 * 3600 * 1000  # milliseconds, for bars on a date axis
MAX_LABELLED = 12  # beyond this many milestones, labels go to the hover text only


def year_mid(year: int) -> pd.Timestamp:
    return pd.Timestamp(int(year), 7, 1)


def period_mid(start, end) -> pd.Timestamp:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return start + (end - start) / 2


def session_mid(year: int) -> pd.Timestamp:
    """The middle of the UNGA session opening in September of `year` (it ends the next September)."""
    return pd.Timestamp(int(year) + 1, 3, 15)


def break_gaps(years, *columns) -> tuple[list, ...]:
    """`columns` (lists of equal length, in year order) with a None between two points more than a year
    apart, so a line never bridges years without a figure. Returns the columns in the same order."""
    years = [int(y) for y in years]
    out: tuple[list, ...] = tuple([] for _ in columns)
    for i, year in enumerate(years):
        if i and year - years[i - 1] > 1:
            for column in out:
                column.append(None)
        for column, values in zip(out, columns):
            column.append(values[i])
    return out


# An issuer that reports over both half-years and whole years (ISAC) gets one line per cadence: joining a
# January–June figure to a calendar-year figure would draw a change that is only a change of period.
CADENCES = [(pd.Timedelta(days=100), N_(", quarters")), (pd.Timedelta(days=200), N_(", half-years"))]


def cadence(start, end) -> str:
    """'' for a period of about a year or more, else the suffix naming the shorter cadence."""
    length = pd.Timestamp(end) - pd.Timestamp(start)
    return next((_(suffix) for limit, suffix in CADENCES if length <= limit), "")


def short(text: object, width: int = 28) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")


def milestone_trace(events: pd.DataFrame, positions: list[int]) -> go.Scatter:
    """Diamonds on a strip of three levels (so neighbouring labels don't overlap), labelled when few.

    `events` needs date, title (as shown: the caller picks the reader's language); `positions` are the rows' positions in the chart data (customdata).
    """
    labelled = len(events) <= MAX_LABELLED
    return go.Scatter(
        x=pd.to_datetime(events["date"]),
        y=[i % 3 for i in range(len(events))],
        mode="markers+text" if labelled else "markers",
        text=[plotly_escape(short(t)) for t in events["title"]] if labelled else None,
        textposition="middle right",
        textfont={"size": 11},
        cliponaxis=False,
        marker={"symbol": "diamond", "size": 10, "color": MILESTONE_COLOUR},
        hovertext=[f"{pd.Timestamp(d):%Y-%m-%d}: {plotly_escape(t)}" for d, t in zip(events["date"], events["title"])],
        hoverinfo="text",
        name=_("Milestones"),
        showlegend=False,
        customdata=positions,
    )


def add_milestone_lines(fig: go.Figure, dates, rows: list[int]) -> None:
    """A dotted vertical line at each date across the given subplot rows."""
    for date in pd.to_datetime(pd.Series(dates)).dropna():
        for row in rows:
            fig.add_vline(
                x=date, line={"color": MILESTONE_COLOUR, "width": 1, "dash": "dot"}, opacity=0.6, row=row, col=1
            )


def add_periods(fig: go.Figure, periods: pd.DataFrame, *, rows: list[int] | None = None, label: bool = True) -> None:
    """Shade each [date, end_date] period (e.g. a moratorium on exercises) across the chart.

    An open period (no end_date) is shaded to the last date on the axis."""
    for i, p in enumerate(periods.itertuples()):
        start = pd.Timestamp(p.date)
        end = pd.Timestamp(p.end_date) if not pd.isna(p.end_date) else pd.Timestamp.today().normalize()
        for row in rows or [None]:
            kwargs = {"row": row, "col": 1} if row else {}
            fig.add_vrect(x0=start, x1=end, fillcolor=SUSPENSION_FILL, line_width=0, layer="below", **kwargs)
        if label:
            fig.add_annotation(
                x=start,
                xref="x",
                y=1.0,
                yref="paper",
                yanchor="top",
                xanchor="left",
                text=plotly_escape(short(data_text.pick(p.title, getattr(p, "title_sr", None)), 40)),
                showarrow=False,
                font={"size": 10, "color": MILESTONE_COLOUR},
                yshift=-14 * (i % 2),
            )  # neighbouring periods' labels on alternate lines
