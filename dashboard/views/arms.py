"""The arms page: deals by supplier and year, by category, donations vs purchases, and the deals table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import BLOC_ORDER, PATTERNS, bar_marker, base_layout, series_colour, whole_numbers

MEASURES = {"deals": "Deals", "tiv": "SIPRI TIV"}  # labels are also the URL values
BASES = {"order": "Ordered", "delivery": "First delivered"}
AXIS_TITLES = {"deals": "Deals (count)", "tiv": "SIPRI TIV (millions)"}
DEAL_TYPES = ["purchase", "donation", "second-hand", "licence", "unknown"]
_YEAR_COLUMN = {"order": "order_year", "delivery": "delivery_first_year"}


def deals(f: Filters) -> pd.DataFrame:
    """Deals touching the year range (ordered or delivered in it) that pass the supplier filters."""
    return app_data.query("pages/arms_deals", **f.params())


def _measured(d: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One value per deal: 1 for counts, the SIPRI TIV for values (deals without a TIV drop out)."""
    d = d.copy()
    if measure == "tiv":
        d = d[d["sipri_tiv_m"].notna()]
        d["value"] = d["sipri_tiv_m"].astype(float)
    else:
        d["value"] = 1.0
    return d


def _aggregate(d: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    if d.empty:
        return pd.DataFrame(columns=by + ["value", "deals", "fact_table", "fact_ids"])
    out = d.groupby(by, as_index=False, sort=True).agg(
        value=("value", "sum"), deals=("transfer_id", "count"), fact_ids=("transfer_id", lambda s: sorted(s))
    )
    out["fact_table"] = "arms_transfers"
    return out


NAMED_SUPPLIERS = 4  # per bloc; the rest share one legend entry so the legend stays short on any screen


def _top_suppliers(d: pd.DataFrame) -> pd.DataFrame:
    """Keep the largest suppliers of each bloc by name; the others become 'other <bloc> suppliers'."""
    if d.empty:
        return d
    totals = d.groupby(["bloc", "supplier"])["value"].sum().reset_index()
    totals["rank"] = totals.groupby("bloc")["value"].rank(method="first", ascending=False)
    named = set(
        zip(
            totals.loc[totals["rank"] <= NAMED_SUPPLIERS, "bloc"],
            totals.loc[totals["rank"] <= NAMED_SUPPLIERS, "supplier"],
        )
    )
    d = d.copy()
    keep = [(b, s) in named for b, s in zip(d["bloc"], d["supplier"])]
    d.loc[[not k for k in keep], "supplier"] = "other " + d["bloc"] + " suppliers"
    return d


def _unit(measure: str) -> str:
    return "SIPRI TIV, millions" if measure == "tiv" else "deals"


@per_database
def by_year_chart(f: Filters, measure: str, basis: str) -> Chart:
    """Stacked bars per year, one trace per supplier in its bloc's colour (patterns tell suppliers apart)."""
    year = _YEAR_COLUMN[basis]
    d = _measured(deals(f), measure)
    d = _top_suppliers(d[d[year].between(f.year_from, f.year_to)].rename(columns={year: "year"}))
    data = _aggregate(d, ["year", "bloc", "supplier"])
    title = (
        f"Arms deals by supplier and year {'ordered' if basis == 'order' else 'of first delivery'} ({_unit(measure)})"
    )
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        suppliers = data[data["bloc"] == bloc].groupby("supplier")["value"].sum().sort_values(ascending=False)
        for i, supplier in enumerate(suppliers.index):
            part = data[(data["bloc"] == bloc) & (data["supplier"] == supplier)]
            name = plotly_escape(supplier if supplier.startswith("other ") else f"{supplier} ({bloc})")
            fig.add_bar(
                x=part["year"],
                y=part["value"],
                name=name,
                legendgroup=bloc,
                marker=bar_marker(bloc, PATTERNS[i % len(PATTERNS)]),
                customdata=part.index.to_list(),
                hovertemplate=f"{name}, %{{x}}: %{{y:,.4~g}}<extra></extra>",
            )
    fig.update_layout(barmode="stack", yaxis_title=AXIS_TITLES[measure])
    base_layout(fig, title)
    whole_numbers(fig, data.groupby("year")["value"].sum().max() if measure == "deals" else None)
    totals = data.groupby("bloc")["value"].sum()
    alt = (
        f"{title}, {f.year_from}–{f.year_to}. Stacked bars per year, one colour per supplier bloc: "
        + ", ".join(f"{b} {totals[b]:,.4g}" for b in BLOC_ORDER if b in totals)
        + " in total."
    )
    return make_chart(f"arms_{basis}_{measure}", title, fig, data, alt)


@per_database
def by_category_chart(f: Filters, measure: str) -> Chart:
    """Horizontal bars per category, stacked by supplier bloc."""
    d = _measured(deals(f), measure)
    data = _aggregate(d, ["category", "bloc"])
    order = data.groupby("category")["value"].sum().sort_values().index.to_list()
    title = f"Arms deals by category ({_unit(measure)})"
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        part = data[data["bloc"] == bloc]
        if len(part):
            fig.add_bar(
                y=part["category"].map(plotly_escape),
                x=part["value"],
                orientation="h",
                name=bloc,
                marker=bar_marker(bloc),
                customdata=part.index.to_list(),
                hovertemplate=f"{bloc}, %{{y}}: %{{x:,.4~g}}<extra></extra>",
            )
    fig.update_layout(
        barmode="stack",
        xaxis_title=AXIS_TITLES[measure],
        yaxis={"categoryorder": "array", "categoryarray": [plotly_escape(c) for c in order], "automargin": True},
    )
    base_layout(fig, title, height=max(300, 120 + 28 * len(order)))
    whole_numbers(fig, data.groupby("category")["value"].sum().max() if measure == "deals" else None, axis="x")
    alt = (
        f"{title}, {f.year_from}–{f.year_to}: "
        + ", ".join(f"{c} {data.loc[data.category == c, 'value'].sum():,.4g}" for c in reversed(order))
        + "."
    )
    return make_chart(f"arms_category_{measure}", title, fig, data, alt)


@per_database
def deal_type_chart(f: Filters, measure: str) -> Chart:
    """Per supplier bloc, how deals were made: purchases, donations, second-hand, licences."""
    d = _measured(deals(f), measure)
    data = _aggregate(d, ["bloc", "deal_type"])
    title = f"Donations and purchases by supplier bloc ({_unit(measure)})"
    fig = go.Figure()
    for i, kind in enumerate(t for t in DEAL_TYPES if t in set(data["deal_type"])):
        part = data[data["deal_type"] == kind]
        fig.add_bar(
            x=part["bloc"],
            y=part["value"],
            name=kind,
            marker={"color": series_colour(i)},
            customdata=part.index.to_list(),
            hovertemplate=f"{kind}, %{{x}}: %{{y:,.4~g}}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack", yaxis_title=AXIS_TITLES[measure], xaxis={"categoryorder": "array", "categoryarray": BLOC_ORDER}
    )
    base_layout(fig, title, height=360)
    whole_numbers(fig, data.groupby("bloc")["value"].sum().max() if measure == "deals" else None)
    alt = (
        f"{title}, {f.year_from}–{f.year_to}: "
        + "; ".join(f"{r.bloc} {r.deal_type} {r.value:,.4g}" for r in data.itertuples())
        + "."
    )
    return make_chart(f"arms_dealtype_{measure}", title, fig, data, alt)


TABLE_COLUMNS = {
    "order_year": st.column_config.NumberColumn("Ordered", format="%d"),
    "delivery_first_year": st.column_config.NumberColumn("Delivered from", format="%d"),
    "delivery_last_year": st.column_config.NumberColumn("to", format="%d"),
    "supplier": "Supplier",
    "bloc": "Bloc",
    "designation": "Designation",
    "description": "Description",
    "category": "Category",
    "quantity_ordered": st.column_config.NumberColumn("Ordered (n)", format="%d"),
    "quantity_delivered": st.column_config.NumberColumn("Delivered (n)", format="%d"),
    "deal_type": "Deal",
    "status": "Status",
    "sipri_tiv_m": st.column_config.NumberColumn("SIPRI TIV (m)", format="%.1f"),
    "confidence": "Confidence",
    "sources": st.column_config.TextColumn("Sources", width="large"),
    "source_url": st.column_config.LinkColumn("First source", display_text="open"),
    "transfer_id": "Id",
}


def deals_table(f: Filters) -> None:
    """Every deal in the filters, sortable by any column, with its sources; text shown as text."""
    d = deals(f)
    if d.empty:
        st.info("No arms deals for these filters.")
        return
    st.dataframe(d[list(TABLE_COLUMNS)], column_config=TABLE_COLUMNS, hide_index=True, key="arms_deals_table")
    st.caption(
        f"{len(d)} deals · years are SIPRI's order and delivery years · TIV: SIPRI trend-indicator value, "
        "a measure of military capability transferred, not a price."
    )
