"""The UN votes page's yearly agreement: Serbia (and the compared candidates) with Russia, China, the US and
the EU members' majority in the General Assembly, one panel per partner and a line per year basis."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.components import comparison
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters
from dashboard.components.timeline import break_gaps
from dashboard.i18n import N_, _
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import base_layout

# The two measures in un_agreement, by the label the page (and the URL) uses.
# The labels are marked for extraction; the page shows (and the URL holds) them in the reader's language.
MEASURES = {N_("Same vote"): "agreement_pct", N_("Abstain-aware"): "agreement_abstain_aware_pct"}
MEASURE_HELP = N_(
    "**Same vote**: the share of the year's recorded roll calls on which both countries cast the same vote "
    "(yes, no or abstain); roll calls where either was absent are left out. **Abstain-aware** (the scoring "
    "of Voeten et al.): the same vote counts 1, an abstention against a yes or a no counts ½, yes against "
    "no counts 0 — so abstaining on a vote the partner backs reads as half-way, not as disagreement."
)
# What a row's year means (un_agreement.year_basis): each basis is a line of its own, never joined to another.
YEAR_BASES = ("calendar", "session")
BASIS_SUFFIX = {"calendar": "", "session": N_(" (UNGA session)")}
BASIS_HOVER = {"calendar": "", "session": N_("session opening Sep.")}
SERIES_HELP = N_(
    "Calendar years (solid lines) are this project's count over the UN Digital Library roll calls: 2006–2021 "
    "from a scrape to December 2021, 2025 from the 3DL extract of every recorded vote of that year. Where no "
    "calendar file exists (2022–2023), dotted lines show the agreement Voeten et al. publish per General "
    "Assembly session (September to September, labelled by the year it opens; same-vote share, no EU figure). "
    "2024 is in neither source, so the lines break there."
)
# The partners the page is about, in the order their panels appear (others, if selected, follow by name).
PARTNER_ORDER = ["RUS", "CHN", "USA", "EU"]
PANEL_TITLES = {"EU": N_("with the EU majority")}


def _names() -> dict[str, str]:
    """iso3 -> the country's name in the reader's language."""
    countries = app_data.query("pages/countries")
    return {iso3: country_name(iso3, name) for iso3, name in zip(countries["iso3"], countries["name"])}


@per_database
def agreement_chart(f: Filters, measure: str) -> Chart:
    """One panel per partner, one line per country (Serbia thicker), the share of votes in agreement."""
    column = MEASURES[measure]
    title = _("UN General Assembly: voting agreement ({measure})").format(measure=_(measure).lower())
    data = app_data.query("pages/un_agreement_series", countries=comparison.countries(f), **f.params())
    data = data[data[column].notna()].reset_index(drop=True)
    if data.empty:
        return make_chart("un_agreement", title, go.Figure(), data, alt="")
    names = _names()
    data.insert(2, "country", data["country_iso3"].map(names).fillna(data["country_iso3"]))
    data.insert(0, "measure", _(measure))
    data["value_pct"] = data[column]

    partners = sorted(
        data["partner"].unique(), key=lambda p: (PARTNER_ORDER.index(p) if p in PARTNER_ORDER else 99, names.get(p, p))
    )
    panel_names = {p: country_name(p, n) for p, n in zip(data["partner"], data["partner_name"])}
    data["partner_name"] = data["partner"].map(panel_names)  # the CSV names partners as the panels do
    cols = 1 if len(partners) == 1 else 2
    rows = math.ceil(len(partners) / cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        shared_xaxes="all",
        shared_yaxes="all",
        vertical_spacing=0.14,
        horizontal_spacing=0.06,
        subplot_titles=[plotly_escape(_panel_title(p, panel_names)) for p in partners],
    )
    in_legend: set[str] = set()
    for i, partner in enumerate(partners):
        row, col = divmod(i, cols)
        panel_title = _panel_title(partner, panel_names)
        for iso3 in comparison.countries(f):
            for basis in YEAR_BASES:
                part = data[
                    (data["partner"] == partner) & (data["country_iso3"] == iso3) & (data["year_basis"] == basis)
                ]
                if part.empty:
                    continue
                country = part["country"].iloc[0]
                suffix, when = (_(BASIS_SUFFIX[basis]), _(BASIS_HOVER[basis])) if basis == "session" else ("", "")
                name = country + suffix
                hover = [
                    f"{plotly_escape(country)} {plotly_escape(panel_title)}, {when} {y}: "
                    + _("{pct}% of {n} votes").format(pct=fmt.fixed(v, 1), n=n)
                    for y, v, n in zip(part["year"], part["value_pct"], part["n_votes"])
                ]
                # one line per basis, broken where a year has no figure: never drawn across a gap
                x, y, custom, text = break_gaps(
                    part["year"].to_list(),
                    part["year"].to_list(),
                    part["value_pct"].to_list(),
                    part.index.to_list(),
                    hover,
                )
                fig.add_scatter(
                    x=x,
                    y=y,
                    mode="lines+markers",
                    name=name,
                    legendgroup=iso3 + basis,
                    showlegend=name not in in_legend,
                    customdata=[-1 if c is None else c for c in custom],
                    line={
                        "color": comparison.colour(iso3),
                        "width": comparison.width(iso3),
                        "dash": "solid" if basis == "calendar" else "dot",
                    },
                    marker={"size": 6, "symbol": "circle" if basis == "calendar" else "diamond"},
                    hovertext=text,
                    hoverinfo="text",
                    row=row + 1,
                    col=col + 1,
                )
                in_legend.add(name)
    fig.update_yaxes(range=[0, 102], ticksuffix="%")
    fig.update_xaxes(tickformat="d", dtick=None)
    base_layout(fig, title, height=170 + 250 * rows)
    fig.update_layout(margin_t=80)  # room for the panel titles under the chart title
    comparison.fit_legend(fig)
    return make_chart("un_agreement", title, fig, data, alt=_agreement_alt(title, data, partners, panel_names))


def _panel_title(partner: str, panel_names: dict[str, str]) -> str:
    if partner in PANEL_TITLES:
        return _(PANEL_TITLES[partner])
    return _("with {partner}").format(partner=panel_names[partner])


def _agreement_alt(title: str, data: pd.DataFrame, partners: list[str], panel_names: dict[str, str]) -> str:
    parts = []
    for partner in partners:
        sub = data[data["partner"] == partner]
        lines = []
        for country, part in sub.groupby("country", sort=False):
            part = part.sort_values("year")
            first, last = part.iloc[0], part.iloc[-1]
            lines.append(
                _("{country} {first}% in {first_year} to {last}% in {last_year}").format(
                    country=country,
                    first=fmt.fixed(first.value_pct, 0),
                    first_year=first.year,
                    last=fmt.fixed(last.value_pct, 0),
                    last_year=last.year,
                )
            )
        parts.append(f"{_panel_title(partner, panel_names)}: " + ", ".join(lines))
    return _("Line charts, one panel per partner. {title}. {parts}.").format(title=title, parts="; ".join(parts))
