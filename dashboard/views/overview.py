"""The overview page: East vs West engagement per year with the CFSP rate, UN agreement and milestones, and
the latest facts (the headline figures above it are views/headlines.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from dashboard.components.chart_panel import Chart, fact_list, make_chart, per_database
from dashboard.components.filters import SUBJECT, Filters, bloc_label
from dashboard.components.timeline import (
    MAX_LABELLED,
    YEAR_BAR_WIDTH,
    add_milestone_lines,
    break_gaps,
    cadence,
    milestone_trace,
    period_mid,
    session_mid,
    year_mid,
)
from dashboard.i18n import _, data_text
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import KIND_LABELS, KIND_PATTERNS, bar_marker, base_layout, kind_label, series_colour
from dashboard.views.cfsp_rates import UNJOINED_ISSUERS, issuer_label

DIVERGING_BLOCS = ("West", "East")  # West drawn above the axis, East below

ENGAGEMENT, CFSP, UN, MILESTONE = "Engagements", "CFSP alignment", "UN agreement", "Milestone"


# EU statements say how the EU sees Serbia, not what Serbia did: they are not Western engagement (the Index
# page draws them as the "EU assessment" line beside the index instead)
ACTIVITY_KINDS = ("arms", "exercise", "event")


def _engagements(f: Filters) -> pd.DataFrame:
    counts = app_data.query("pages/engagement_counts", **f.params())
    counts = counts[counts["bloc"].isin(DIVERGING_BLOCS) & counts["kind"].isin(ACTIVITY_KINDS)]
    return pd.DataFrame(
        {
            "series": ENGAGEMENT,
            "date": counts["year"].map(year_mid),
            "year": counts["year"],
            "bloc": counts["bloc"],
            "kind": counts["kind"],
            "name": counts["bloc"].map(bloc_label) + " · " + counts["kind"].map(kind_label),
            "value": counts["n"].astype(float),
            "unit": "facts",
            "fact_table": counts["fact_table"],
            "fact_ids": counts["fact_ids"],
        }
    )


def _rates(f: Filters) -> pd.DataFrame:
    cfsp = app_data.query("pages/cfsp_series", countries=[SUBJECT], **f.params())
    un = app_data.query("pages/un_agreement_series", countries=[SUBJECT], **f.params())
    parts = [
        pd.DataFrame(
            {
                "series": CFSP,
                "date": [period_mid(a, b) for a, b in zip(cfsp["period_start"], cfsp["period_end"])],
                "year": cfsp["year"],
                "bloc": "West",
                "kind": "cfsp",
                # one line per issuer and cadence, as on the EU & CFSP page
                "name": [
                    _("CFSP alignment ({issuer}{cadence})").format(issuer=issuer_label(i), cadence=cadence(a, b))
                    for i, a, b in zip(cfsp["issuer"], cfsp["period_start"], cfsp["period_end"])
                ],
                "issuer": cfsp["issuer"],
                "value": cfsp["rate_pct"],
                "unit": "%",
                "label": cfsp["period_label"],
                "fact_table": cfsp["fact_table"],
                "fact_ids": cfsp["fact_ids"],
            }
        ),
        pd.DataFrame(
            {
                "series": UN,
                # a session row sits at its session's middle and is a line of its own
                "date": [
                    session_mid(y) if b == "session" else year_mid(y) for y, b in zip(un["year"], un["year_basis"])
                ],
                "year": un["year"],
                "bloc": un["bloc"],
                "kind": "un",
                "name": [
                    (
                        _("UN votes: agrees with {partner} (UNGA sessions)")
                        if b == "session"
                        else _("UN votes: agrees with {partner}")
                    ).format(partner=plotly_escape(country_name(iso3, name)))
                    for iso3, name, b in zip(un["partner_iso3"], un["partner_name"], un["year_basis"])
                ],
                "value": un["agreement_pct"],
                "unit": "%",
                "fact_table": un["fact_table"],
                "fact_ids": un["fact_ids"],
            }
        ),
    ]
    return pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else pd.DataFrame()


def _milestones(f: Filters) -> pd.DataFrame:
    ev = app_data.query("pages/milestones", kinds=[], **f.params())
    return pd.DataFrame(
        {
            "series": MILESTONE,
            "date": pd.to_datetime(ev["date"]),
            "year": pd.to_datetime(ev["date"]).dt.year,
            "bloc": ev["bloc"],
            "kind": ev["kind"],
            "name": [  # the partner, in the reader's language (no partner: Serbia's own decision)
                country_name(iso3, name) if isinstance(iso3, str) else name
                for iso3, name in zip(ev["partner_iso3"], ev["partner"])
            ],
            "label": data_text.shown(ev, "title"),
            "fact_table": ev["fact_table"],
            "fact_ids": ev["fact_ids"],
        }
    )


COLUMNS = [
    "series",
    "date",
    "year",
    "bloc",
    "kind",
    "name",
    "issuer",
    "value",
    "unit",
    "label",
    "fact_table",
    "fact_ids",
]


@per_database
def overview_chart(f: Filters) -> Chart:
    """Activity: diverging bars (West up, East down) of facts per year and kind (EU statements left out), the CFSP rate and UN agreement
    as lines below, milestones on a strip above; all on one date axis."""
    bars, rates = _engagements(f), _rates(f)
    title = _("Serbia's activity with East and West: arms, exercises, events, CFSP alignment and UN votes")
    if bars.empty and rates.empty:
        return make_chart("overview", title, go.Figure(), pd.DataFrame(columns=COLUMNS), alt="")
    events = _milestones(f)
    data = pd.concat([d for d in (bars, rates, events) if len(d)], ignore_index=True).reindex(columns=COLUMNS)
    data["date"] = pd.to_datetime(data["date"])

    panels = [p for p, present in (("milestones", len(events)), ("bars", len(bars)), ("rates", len(rates))) if present]
    heights = {"milestones": 0.16, "bars": 0.5, "rates": 0.34}
    row = {p: i + 1 for i, p in enumerate(panels)}
    fig = make_subplots(
        rows=len(panels), cols=1, shared_xaxes=True, vertical_spacing=0.05, row_heights=[heights[p] for p in panels]
    )

    if "bars" in row:
        for bloc in DIVERGING_BLOCS:
            for kind in KIND_LABELS:
                part = data[(data["series"] == ENGAGEMENT) & (data["bloc"] == bloc) & (data["kind"] == kind)]
                if part.empty:
                    continue
                sign = 1 if bloc == "West" else -1
                fig.add_bar(
                    x=part["date"],
                    y=sign * part["value"],
                    width=YEAR_BAR_WIDTH,
                    name=part["name"].iloc[0],
                    marker=bar_marker(bloc, KIND_PATTERNS[kind]),
                    legendgroup=bloc,
                    customdata=np.column_stack([part.index, part["value"].astype(int)]),
                    hovertemplate=f"%{{x|%Y}} · {part['name'].iloc[0]}: %{{customdata[1]}}<extra></extra>",
                    row=row["bars"],
                    col=1,
                )
        top = max(data.loc[data["series"] == ENGAGEMENT].groupby(["year", "bloc"])["value"].sum().max(), 1)
        ticks = _symmetric_ticks(top)
        fig.update_yaxes(
            tickvals=ticks,
            ticktext=[str(abs(t)) for t in ticks],
            zeroline=True,
            zerolinewidth=2,
            title_text=_("← East · West → (facts)"),
            row=row["bars"],
            col=1,
        )
        fig.update_layout(barmode="relative")

    if "rates" in row:
        for i, (name, part) in enumerate(data[data["series"].isin([CFSP, UN])].groupby("name", sort=True)):
            dashed = part["series"].iloc[0] == UN
            x, y, custom = part["date"].to_list(), part["value"].to_list(), part.index.to_list()
            # a year without a figure breaks the line (UN: 2024, between sources; CFSP: years no issuer reported)
            x, y, custom = break_gaps(part["year"].to_list(), x, y, custom)
            unjoined = not dashed and part["issuer"].iloc[0] in UNJOINED_ISSUERS
            fig.add_scatter(
                x=x,
                y=y,
                mode="markers" if unjoined else "lines+markers",
                name=name,
                line={"color": series_colour(i), "dash": "dash" if dashed else "solid"},
                marker={"size": 7},
                customdata=[-1 if c is None else c for c in custom],
                hovertemplate=f"{name}<br>%{{x|%Y}}: %{{y:.1f}}%<extra></extra>",
                row=row["rates"],
                col=1,
            )
        fig.update_yaxes(range=[0, 100], ticksuffix="%", title_text=_("Share"), row=row["rates"], col=1)

    if "milestones" in row:
        ms = data[data["series"] == MILESTONE]
        fig.add_trace(
            milestone_trace(ms.rename(columns={"label": "title"}), ms.index.to_list()), row=row["milestones"], col=1
        )
        fig.update_yaxes(visible=False, range=[-0.6, 2.6], fixedrange=True, row=row["milestones"], col=1)
        if len(ms) <= MAX_LABELLED:  # beyond that, lines would bury the bars; the strip's diamonds remain
            add_milestone_lines(fig, ms["date"], [row[p] for p in panels if p != "milestones"])

    fig.update_xaxes(type="date", tickformat="%Y")
    base_layout(fig, title, height=560 if len(panels) > 2 else 460)
    # on a phone the ~15 entries wrap one per row: at most 0.3 of the height, scrolling beyond that,
    # so the plot keeps its place; on a wide window they flow into two or three columns and all show
    fig.update_layout(legend={"maxheight": 0.3, "traceorder": "normal", "tracegroupgap": 0})
    kinds = ", ".join(sorted(set(bars["kind"].map(kind_label)))) if len(bars) else _("none")
    alt = _(
        "{title}. Years {first}–{last}. Bars: West facts above the axis, East below, by kind ({kinds}); {west} West "
        "and {east} East in total. Lines: {lines}. Milestones marked: {milestones}."
    ).format(
        title=title,
        first=f.year_from,
        last=f.year_to,
        kinds=kinds,
        west=int(bars.loc[bars.bloc == "West", "value"].sum()) if len(bars) else 0,
        east=int(bars.loc[bars.bloc == "East", "value"].sum()) if len(bars) else 0,
        lines=", ".join(sorted(rates["name"].unique())) if len(rates) else _("none"),
        milestones=len(events),
    )
    return make_chart("overview", title, fig, data, alt)


def _symmetric_ticks(top: float) -> list[int]:
    step = max(1, int(np.ceil(top / 4)))
    n = int(np.ceil(top / step))
    return [k * step for k in range(-n, n + 1)]


@per_database
def latest_refs(f: Filters, limit: int = 8) -> tuple[str, ...]:
    facts = app_data.query("pages/latest_facts", limit=limit, **f.params())
    return tuple(f"{t}:{i}" for t, i in zip(facts["fact_table"], facts["fact_id"]))


def latest_facts(f: Filters, limit: int = 8) -> None:
    refs = latest_refs(f, limit)
    if not refs:
        st.info(_("No facts for these filters."))
        return
    fact_list(list(refs), newest_first=True)
