"""The Index page's charts: the index over time with its band (and the EU assessment beside it), the
components as small multiples on the same scale, the sensitivity to each weight, and the rank bands."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.components import comparison
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import SUBJECT, Filters
from dashboard.i18n import N_, _
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.i18n.countries import names as country_names
from dashboard.index import settings as s
from dashboard.style.text import plotly_escape
from dashboard.style.theme import MILESTONE_COLOUR, base_layout, series_colour, translucent
from dashboard.views.index_data import DEFAULT_PCT, component_table, eu_assessment, index_table, sensitivity

SCALE = [-1.05, 1.05]
# a small multiple's title sits on its panel's top edge: headroom above +1 keeps the points at +1 off it
PANEL_SCALE = [-1.15, 1.35]
DEFAULT_PCTS = (DEFAULT_PCT,) * len(s.NAMES)
EU_LINE = N_("EU assessment (not in the index)")  # the series key; shown translated
INDEX_COLUMNS = ["series", "country_iso3", "country", "year", "value", "lower", "upper", "median", "components",
                 "fact_table", "fact_ids"]  # fmt: skip


def _label(name: str) -> str:
    """A component's label in the reader's language."""
    return _(s.LABELS[name])


def _scale_axis(fig: go.Figure, **where) -> None:
    fig.update_yaxes(range=SCALE, tickvals=[-1, -0.5, 0, 0.5, 1], ticktext=["−1 " + _("East"), fmt.number(-0.5, 1), "0", fmt.number(0.5, 1), "+1 " + _("West")],
                     zeroline=True, zerolinewidth=1.5, **where)  # fmt: skip


def index_rows(f: Filters, pcts: tuple[int, ...], countries: list[str], with_eu: bool = True) -> pd.DataFrame:
    table = index_table(pcts)
    if table.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    rows = table[table["value"].notna() & table["country_iso3"].isin(countries)]
    rows = rows[rows["year"].between(f.year_from, f.year_to)]
    rows = rows.assign(
        series="East–West index",
        components=rows["components_used"].map(lambda c: ", ".join(_label(n) for n in c)),
        fact_table=None,
        fact_ids=None,
    )
    parts = [rows.reindex(columns=INDEX_COLUMNS)]
    if with_eu and SUBJECT in countries:
        eu = eu_assessment(SUBJECT)
        eu = eu[eu["year"].between(f.year_from, f.year_to)]
        if len(eu):
            parts.append(
                pd.DataFrame(
                    {"series": EU_LINE, "country_iso3": SUBJECT, "country": table.loc[table.country_iso3 == SUBJECT,
                     "country"].iloc[0] if (table.country_iso3 == SUBJECT).any() else SUBJECT, "year": eu["year"],
                     "value": eu["value"], "components": [_("{n} statements").format(n=n) for n in eu["n"]],
                     "fact_table": eu["fact_table"], "fact_ids": eu["fact_ids"]}
                ).reindex(columns=INDEX_COLUMNS)
            )  # fmt: skip
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=INDEX_COLUMNS)


@per_database
def index_chart(f: Filters, pcts: tuple[int, ...], key: str = "index", with_eu: bool = True) -> Chart:
    """The index per year with its 5–95 % band for Serbia and the compared countries; the EU's assessment of
    Serbia as a dashed line beside it."""
    countries = comparison.countries(f)
    data = index_rows(f, pcts, countries, with_eu)
    title = _("East–West index, −1 (East) … +1 (West), with its uncertainty band (5–95 %)")
    fig = go.Figure()
    for iso3 in countries:
        part = data[(data["series"] != EU_LINE) & (data["country_iso3"] == iso3)]
        if part.empty:
            continue
        colour, name = comparison.colour(iso3), plotly_escape(country_name(iso3, part["country"].iloc[0]))
        years = part["year"].tolist()
        fig.add_scatter(
            x=years + years[::-1], y=part["upper"].tolist() + part["lower"].tolist()[::-1], fill="toself",
            fillcolor=translucent(colour, 0.18), line={"width": 0}, hoverinfo="skip", showlegend=False,
            customdata=[-1] * (2 * len(years)), legendgroup=iso3,
        )  # fmt: skip
        # a year without a value breaks the line (None), so no value is suggested where there is none
        rows = {int(y): (i, lo, hi, plotly_escape(c)) for i, y, lo, hi, c in zip(part.index, years, part["lower"],
                part["upper"], part["components"])}  # fmt: skip
        line_x = list(range(min(rows), max(rows) + 1))
        line_y = [part.at[rows[y][0], "value"] if y in rows else None for y in line_x]
        custom = [rows.get(y, (-1, None, None, "")) for y in line_x]
        fig.add_scatter(
            x=line_x, y=line_y, mode="lines+markers", name=name, legendgroup=iso3, connectgaps=False,
            line={"color": colour, "width": comparison.width(iso3)}, marker={"size": 6}, customdata=custom,
            hovertemplate=f"{name} %{{x}}: %{{y:.2f}} ({_('band')} %{{customdata[1]:.2f}} … %{{customdata[2]:.2f}})"
            "<br>%{customdata[3]}<extra></extra>",
        )  # fmt: skip
    eu = data[data["series"] == EU_LINE]
    if len(eu):
        fig.add_scatter(
            x=eu["year"], y=eu["value"], mode="lines+markers", name=_(EU_LINE),
            line={"color": MILESTONE_COLOUR, "dash": "dash"}, marker={"symbol": "diamond", "size": 7},
            customdata=list(zip(eu.index, eu["components"])),
            hovertemplate=_("EU statements on Serbia %{x}: mean stance %{y:.2f} (%{customdata[1]})") + "<extra></extra>",
        )  # fmt: skip
    base_layout(fig, title, height=460)
    _scale_axis(fig)
    # years: ticks chosen by Plotly for the width (a fixed 2-year step turns the labels on a phone, over the legend)
    fig.update_xaxes(tickformat="d", title_text=None)
    comparison.fit_legend(fig)
    shown = data[data["series"] != EU_LINE]
    latest = shown[shown["country_iso3"] == SUBJECT].tail(1)
    names = dict(zip(shown["country_iso3"], shown["country"]))
    alt = _("{title}. Years {first}–{last}; countries: {countries}.").format(
        title=title, first=f.year_from, last=f.year_to, countries=", ".join(country_names(names).values())
    ) + (
        " "
        + _("Serbia {year}: {value} ({lower} to {upper}).").format(
            year=int(latest.year.iloc[0]),
            value=fmt.number(latest.value.iloc[0], 2),
            lower=fmt.number(latest.lower.iloc[0], 2),
            upper=fmt.number(latest.upper.iloc[0], 2),
        )
        if len(latest)
        else ""
    )
    return make_chart(key, title, fig, data if len(shown) else data.iloc[0:0], alt=alt)


def components_chart(f: Filters, pcts: tuple[int, ...]) -> Chart:
    """Each component as a small multiple on the index's scale, one line per country. The values do not
    depend on the weights (the coverage table shows those), so the chart is built once per filter state."""
    return _components_chart(f)


@per_database
def _components_chart(f: Filters) -> Chart:
    countries = comparison.countries(f)
    table = component_table(DEFAULT_PCTS)
    data = table[table["country_iso3"].isin(countries) & table["year"].between(f.year_from, f.year_to)]
    data = data.drop(columns=["weight"]).reset_index(drop=True)
    title = _("The components of the index, each on the same −1 … +1 scale")
    fig = make_subplots(rows=len(s.NAMES), cols=1, shared_xaxes=True, vertical_spacing=0.05,
                        subplot_titles=[plotly_escape(_label(n)) for n in s.NAMES])  # fmt: skip
    for row, name in enumerate(s.NAMES, start=1):
        for iso3 in countries:
            part = data[(data["component"] == name) & (data["country_iso3"] == iso3)]
            if part.empty:
                continue
            cname = plotly_escape(country_name(iso3, part["country"].iloc[0]))
            fig.add_scatter(
                x=part["year"], y=part["value"], mode="lines+markers", name=cname, legendgroup=iso3,
                showlegend=row == 1, line={"color": comparison.colour(iso3), "width": comparison.width(iso3) * 0.7},
                marker={"size": 6}, customdata=list(zip(part.index, part["basis"].map(plotly_escape))),
                hovertemplate=f"{cname} %{{x}}: %{{y:.2f}}<br>%{{customdata[1]}}<extra></extra>", row=row, col=1,
            )  # fmt: skip
        _scale_axis(fig, row=row, col=1)
    base_layout(fig, title, height=170 * len(s.NAMES))
    fig.update_yaxes(tickvals=[-1, 0, 1], ticktext=["−1", "0", "+1"], range=PANEL_SCALE)
    alt = _("{title}: {components}; years {first}–{last}; {n} values.").format(
        title=title, components=", ".join(_label(n) for n in s.NAMES), first=f.year_from, last=f.year_to, n=len(data)
    )
    return make_chart("index_components", title, fig, data, alt=alt)


@per_database
def sensitivity_chart(f: Filters, pcts: tuple[int, ...]) -> Chart:
    """How Serbia's latest index moves as each component's weight goes from 0 to 50 %, with the band."""
    table = index_table(pcts)
    mine = table[(table["country_iso3"] == SUBJECT) & table["value"].notna() & (table["year"] <= f.year_to)]
    title = _("Sensitivity: Serbia's latest index as one weight goes from 0 to 50 %")
    if mine.empty:
        return make_chart("index_sensitivity", title, go.Figure(), pd.DataFrame(), alt="")
    last = mine.iloc[-1]
    data = sensitivity(pcts, SUBJECT, int(last["year"]))
    fig = go.Figure()
    fig.add_hrect(y0=last["lower"], y1=last["upper"], fillcolor="rgba(153, 153, 153, 0.2)", line_width=0,
                  annotation_text=_("Monte Carlo 5–95 %"), annotation_position="top left")  # fmt: skip
    for i, (name, part) in enumerate(data.groupby("component", sort=False)):
        label = plotly_escape(_label(name))
        fig.add_scatter(x=part["weight"], y=part["value"], mode="lines+markers", name=label,
                        line={"color": series_colour(i)}, customdata=part.index.to_list(),
                        hovertemplate=_("{label} at {weight}%: {value}").format(label=label, weight="%{x:.0f}",
                                      value="%{y:.2f}") + "<extra></extra>")  # fmt: skip
    base_layout(fig, f"{title} ({int(last['year'])})", height=380)
    _scale_axis(fig)
    fig.update_xaxes(title_text=_("weight of the component (%)"), ticksuffix="%")
    alt = _("{title}, {year}: index {value}, band {lower} to {upper}.").format(
        title=title,
        year=int(last["year"]),
        value=fmt.fixed(last["value"], 2),
        lower=fmt.fixed(last["lower"], 2),
        upper=fmt.fixed(last["upper"], 2),
    )
    return make_chart("index_sensitivity", title, fig, data, alt=alt)


@per_database
def rank_table(f: Filters, pcts: tuple[int, ...]) -> pd.DataFrame:
    """Latest year in range with values: each country's index, band, rank and rank band (1 = furthest West)."""
    table = index_table(pcts)
    rows = table[table["value"].notna() & table["year"].between(f.year_from, f.year_to)]
    rows = rows[rows["country_iso3"].isin(comparison.countries(f))]
    if rows.empty:
        return rows
    year = rows["year"].max()
    out = rows[rows["year"] == year].sort_values("rank")
    decimal = fmt.plotly_separators()[0]
    return pd.DataFrame({
        _("Year"): out["year"],
        _("Country"): [country_name(i, n) for i, n in zip(out["country_iso3"], out["country"])],
        _("Index"): out["value"].round(2),
        _("Band"): (out["lower"].round(2).astype(str) + " … " + out["upper"].round(2).astype(str)).str.replace(
            ".", decimal, regex=False),
        _("Rank"): out["rank"].astype(int),
        _("Rank band"): out["rank_best"].astype(int).astype(str) + "–" + out["rank_worst"].astype(int).astype(str),
        _("Components"): out["components_used"].map(lambda c: ", ".join(_label(n) for n in c)),
    })  # fmt: skip


@per_database
def coverage_table(f: Filters, pcts: tuple[int, ...]) -> pd.DataFrame:
    """Serbia per year: which components carried the value, with their effective weights."""
    parts = component_table(pcts)
    parts = parts[(parts["country_iso3"] == SUBJECT) & parts["year"].between(f.year_from, f.year_to)]
    if parts.empty:
        return parts
    parts = parts.assign(label=parts["component"].map(_label))
    wide = parts.pivot_table(index="year", columns="label", values="weight", aggfunc="first")
    wide = (wide * 100).round(0)
    index = index_table(pcts).set_index(["country_iso3", "year"])
    wide.insert(0, _("Index"), [index["value"].get((SUBJECT, y)) for y in wide.index])
    return wide.reset_index().rename(columns={"year": _("Year")})
