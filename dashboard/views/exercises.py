"""The exercises page: a timeline by partner, counts per year by bloc and a map, with suspensions shaded."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters, bloc_label
from dashboard.components.timeline import YEAR_BAR_WIDTH, add_periods, year_mid
from dashboard.i18n import N_, _, data_text, ngettext, vocabulary
from dashboard.i18n.countries import country_name
from dashboard.schema.military_tables import COUNTED_ROLES
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import BLOC_ORDER, MIXED, bar_marker, base_layout, colour_of, translucent, whole_numbers

# counted as taking part (the same rule as the queries' counted_role); the others are drawn, not counted
TOOK_PART = COUNTED_ROLES
DAY_MS = 24 * 3600 * 1000


def role_label(role: str) -> str:
    """Serbia's role (the serbia_role words) in the reader's language."""
    return vocabulary.label("exercises", "serbia_role", role)


# how the timeline draws a role: taking part (solid), observing (dotted), withdrawn or cancelled (crossed)
_ROLE_STYLES = (
    ("took_part", "", None),  # named by its bloc alone
    ("observed", ".", N_("{bloc}: Serbia observed")),
    ("left", "x", N_("{bloc}: Serbia withdrew / cancelled")),
)
# neither end known to the day: the bar spans the month or year it took place in, drawn faint so it does not
# read as its length (the hover gives the dates as recorded)
APPROXIMATE_LABEL = N_("{bloc}: dates known only to the month or year")


def _role_kind(role: str) -> str:
    return "took_part" if role in TOOK_PART else "observed" if role == "observer" else "left"


def _bloc(bloc: str) -> str:
    """A bloc, or 'Several blocs', in the reader's language."""
    return _(MIXED) if bloc == MIXED else bloc_label(bloc)


def _partner_names(d: pd.DataFrame) -> pd.DataFrame:
    d = d.copy()
    d["partner"] = [country_name(iso3, name) for iso3, name in zip(d["partner_iso3"], d["partner"])]
    return d


def rows(f: Filters) -> pd.DataFrame:
    """One row per (exercise, foreign partner) inside the filters (name and name_sr: data_text.shown picks)."""
    return app_data.query("pages/exercise_partners", **f.params())


def suspensions(f: Filters) -> pd.DataFrame:
    """Periods when Serbia suspended exercises (events of kind exercise-suspension) in the year range."""
    return app_data.query("pages/milestones", kinds=["exercise-suspension"], **f.params())


def _shade(fig: go.Figure, f: Filters) -> pd.DataFrame:
    periods = suspensions(f)
    add_periods(fig, periods)
    return periods


_FORMAT = {"day": "%Y-%m-%d", "month": "%b %Y", "year": "%Y"}


def when(row: pd.Series) -> str:
    """The dates as recorded, each to its own precision, with the reported length: 'Sep 2025 – 2025-10-07
    (10 days)'."""
    start = pd.Timestamp(row["start_date"]).strftime(_FORMAT.get(row["date_precision"], "%Y-%m-%d"))
    end_known = pd.notna(row.get("end_precision")) and pd.notna(row["end_date"])
    text = start
    if end_known:
        end = pd.Timestamp(row["end_date"]).strftime(_FORMAT.get(row["end_precision"], "%Y-%m-%d"))
        text = start if end == start else f"{start} – {end}"
    if pd.notna(row.get("duration_days")):
        days = int(row["duration_days"])
        text += " (" + ngettext("{n} days", "{n} days", days).format(n=days) + ")"
    return text


def _with_facts(d: pd.DataFrame) -> pd.DataFrame:
    d = d.copy()
    d["fact_table"] = "exercises"
    d["fact_ids"] = [[x] for x in d["exercise_id"]]
    return d


@per_database
def timeline_chart(f: Filters) -> Chart:
    """Gantt-style bars: one row per partner, one bar per exercise, in the partner's bloc colour."""
    d = _with_facts(_partner_names(rows(f)))
    title = _("Military exercises with Serbia by partner")
    if d.empty:
        return make_chart("exercise_timeline", title, go.Figure(), d, alt="")
    for col in ("start_date", "end_date", "bar_start"):
        d[col] = pd.to_datetime(d[col])
    data = d[
        [
            "exercise_id",
            "name",
            "name_sr",
            "start_date",
            "end_date",
            "bar_start",
            "approximate",
            "date_precision",
            "end_precision",
            "duration_days",
            "partner_iso3",
            "partner",
            "bloc",
            "serbia_role",
            "location",
            "fact_table",
            "fact_ids",
        ]
    ]
    rank = {b: i for i, b in enumerate(BLOC_ORDER)}
    order = (
        data.assign(r=data["bloc"].map(rank)).sort_values(["r", "partner"]).drop_duplicates("partner")["partner"]
    ).to_list()
    fig = go.Figure()
    approximate = data["approximate"].fillna(False).astype(bool)
    for bloc in BLOC_ORDER:
        in_bloc = data["bloc"] == bloc
        for kind, pattern, label in _ROLE_STYLES:
            part = data[in_bloc & ~approximate & (data["serbia_role"].map(_role_kind) == kind)]
            name = _(label).format(bloc=bloc_label(bloc)) if label else bloc_label(bloc)
            _add_bars(
                fig, part, bloc, name, {**bar_marker(bloc, pattern), "line": {"color": colour_of(bloc), "width": 2}}
            )
        marker = {"color": translucent(colour_of(bloc), 0.3), "line": {"color": colour_of(bloc), "width": 1}}
        _add_bars(fig, data[in_bloc & approximate], bloc, _(APPROXIMATE_LABEL).format(bloc=bloc_label(bloc)), marker)
    fig.update_layout(
        barmode="overlay",
        yaxis={"categoryorder": "array", "categoryarray": [plotly_escape(p) for p in order[::-1]], "automargin": True},
    )
    fig.update_xaxes(type="date")
    periods = _shade(fig, f)
    base_layout(fig, title, height=max(320, 140 + 26 * len(order)))
    alt = _(
        "{title}, {year_from}–{year_to}: {exercises} exercises with {partners} partners ({names}); "
        "{periods} suspension periods shaded."
    ).format(
        title=title,
        year_from=f.year_from,
        year_to=f.year_to,
        exercises=data["exercise_id"].nunique(),
        partners=len(order),
        names=", ".join(order[:8]) + ("…" if len(order) > 8 else ""),
        periods=len(periods),
    )
    return make_chart("exercise_timeline", title, fig, data, alt)


def _add_bars(fig: go.Figure, part: pd.DataFrame, bloc: str, name: str, marker: dict) -> None:
    """One timeline trace: a bar spans what is known, from bar_start (the start, or the reported length back
    from a day-exact end when the start is only known to the month or year) to the end day, included."""
    if part.empty:
        return
    fig.add_bar(
        base=part["bar_start"],
        x=(part["end_date"] - part["bar_start"]).dt.days.add(1) * DAY_MS,
        y=part["partner"].map(plotly_escape),
        orientation="h",
        name=name,
        legendgroup=bloc,
        marker=marker,
        customdata=[
            [i, plotly_escape(n), role_label(r), when(row)]
            for (i, row), n, r in zip(part.iterrows(), data_text.shown(part, "name"), part["serbia_role"])
        ],
        hovertemplate="%{customdata[1]} (%{y})<br>%{customdata[3]}<br>"
        + _("Serbia: {role}").format(role="%{customdata[2]}")
        + "<extra></extra>",
    )


@per_database
def per_year_chart(f: Filters) -> Chart:
    """Exercises Serbia took part in per year, stacked by partner bloc (counted once per bloc present)."""
    d = rows(f)
    d = d[d["serbia_role"].isin(TOOK_PART)].copy()
    d["year"] = pd.to_datetime(d["start_date"]).dt.year
    d = d[d["year"].between(f.year_from, f.year_to)]
    title = _("Exercises per year by partner bloc")
    if d.empty:
        return make_chart("exercises_per_year", title, go.Figure(), pd.DataFrame(), alt="")
    data = d.groupby(["year", "bloc"], as_index=False).agg(
        exercises=("exercise_id", "nunique"), fact_ids=("exercise_id", lambda s: sorted(set(s)))
    )
    data["fact_table"] = "exercises"
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        part = data[data["bloc"] == bloc]
        if len(part):
            fig.add_bar(
                x=part["year"].map(year_mid),
                y=part["exercises"],
                width=YEAR_BAR_WIDTH,
                name=bloc_label(bloc),
                marker=bar_marker(bloc),
                customdata=part.index.to_list(),
                hovertemplate=f"{bloc_label(bloc)}, %{{x|%Y}}: "
                + _("{n} exercises").format(n="%{y}")
                + "<extra></extra>",
            )
    fig.update_layout(barmode="stack", yaxis_title=_("Exercises"))
    fig.update_xaxes(type="date", tickformat="%Y")
    periods = _shade(fig, f)
    base_layout(fig, title, height=360)
    whole_numbers(fig, data.groupby("year")["exercises"].sum().max())
    totals = data.groupby("bloc")["exercises"].sum()
    alt = _(
        "{title}, {year_from}–{year_to}: {totals} exercise-bloc pairs; {periods} suspension periods shaded."
    ).format(
        title=title,
        year_from=f.year_from,
        year_to=f.year_to,
        totals=", ".join(f"{bloc_label(b)} {totals[b]}" for b in BLOC_ORDER if b in totals),
        periods=len(periods),
    )
    return make_chart("exercises_per_year", title, fig, data, alt)


BELGRADE = (20.46, 44.82)  # always in view, so every map shows where the exercises are from Serbia


def _span(values: pd.Series, home: float, minimum: float = 40, limit: float = 180) -> list[float]:
    """An axis range around the values and home, at least `minimum` degrees wide, with a margin."""
    low, high = min(values.min(), home), max(values.max(), home)
    pad = max((minimum - (high - low)) / 2, (high - low) * 0.1)
    return [max(low - pad, -limit), min(high + pad, limit)]


@per_database
def map_chart(f: Filters) -> Chart:
    """Where exercises took place: one marker per located exercise, coloured by its partners' bloc
    (or 'Several blocs'). Drawn with the bundled world outline, no map tiles."""
    d = _partner_names(rows(f))
    d = d[d["latitude"].notna() & d["longitude"].notna()]
    title = _("Where the exercises took place")
    if d.empty:
        return make_chart("exercise_map", title, go.Figure(), pd.DataFrame(), alt="")
    blocs = d.groupby("exercise_id")["bloc"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else MIXED)
    partners = d.groupby("exercise_id")["partner"].agg(lambda s: ", ".join(sorted(set(s))))
    data = (
        d.drop_duplicates("exercise_id")[
            [
                "exercise_id",
                "name",
                "name_sr",
                "start_date",
                "location",
                "latitude",
                "longitude",
                "serbia_role",
            ]
        ]
        .assign(bloc=lambda x: x["exercise_id"].map(blocs), partners=lambda x: x["exercise_id"].map(partners))
        .reset_index(drop=True)
    )
    data = _with_facts(data)
    fig = go.Figure()
    for bloc in BLOC_ORDER + [MIXED]:
        part = data[data["bloc"] == bloc]
        if len(part):
            fig.add_scattergeo(
                lat=part["latitude"],
                lon=part["longitude"],
                name=_bloc(bloc),
                mode="markers",
                marker={"size": 11, "color": colour_of(bloc), "line": {"color": "white", "width": 1}},
                customdata=[
                    [i, plotly_escape(n), plotly_escape(p), plotly_escape(loc if isinstance(loc, str) else "")]
                    for i, n, p, loc in zip(
                        part.index, data_text.shown(part, "name"), part["partners"], part["location"]
                    )
                ],
                hovertemplate="%{customdata[1]}<br>%{customdata[3]}<br>"
                + _("with {partners}").format(partners="%{customdata[2]}")
                + "<extra></extra>",
            )
    fig.add_scattergeo(
        lon=[BELGRADE[0]],
        lat=[BELGRADE[1]],
        name=_("Belgrade"),
        mode="markers",
        customdata=[-1],
        marker={"symbol": "star", "size": 12, "color": "#555555"},
        hovertemplate=_("Belgrade") + "<extra></extra>",
    )
    lon, lat = _span(data["longitude"], BELGRADE[0]), _span(data["latitude"], BELGRADE[1], minimum=24, limit=85)
    fig.update_geos(
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#aaaaaa",
        showland=True,
        landcolor="#eeeeee",
        resolution=110,
        lonaxis_range=lon,
        lataxis_range=lat,
    )
    base_layout(fig, title, height=420)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 80, "b": 0})
    alt = (
        f"{title}, {f.year_from}–{f.year_to}: "
        + "; ".join(
            _("{name} at {place} ({partners})").format(
                name=r.name, place=r.location or _("an unnamed place"), partners=r.partners
            )
            for r in data.head(10).assign(name=lambda x: data_text.shown(x, "name")).itertuples()
        )
        + "."
    )
    return make_chart("exercise_map", title, fig, data, alt)
