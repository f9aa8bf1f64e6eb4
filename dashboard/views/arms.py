"""The arms page: deals by supplier and year, by category, donations vs purchases, and the deals table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components import cached_table
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters, bloc_label
from dashboard.i18n import N_, _, vocabulary
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import BLOC_ORDER, PATTERNS, bar_marker, base_layout, series_colour, whole_numbers

MEASURES = {"deals": N_("Deals"), "tiv": N_("SIPRI TIV")}  # labels are also the URL values
BASES = {"order": N_("Ordered"), "delivery": N_("First delivered")}
AXIS_TITLES = {"deals": N_("Deals (count)"), "tiv": N_("SIPRI TIV (millions)")}
DEAL_TYPES = ["purchase", "donation", "second-hand", "licence", "unknown"]  # the order of the stacks
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
    d["grouped"] = [not k for k in keep]
    d.loc[d["grouped"], "supplier"] = [_other_suppliers(b) for b in d.loc[d["grouped"], "bloc"]]
    return d


def _other_suppliers(bloc: str) -> str:
    return _("other {bloc} suppliers").format(bloc=bloc_label(bloc))


def _unit(measure: str) -> str:
    return _("SIPRI TIV, millions") if measure == "tiv" else _("deals")


def _num(value: float) -> str:
    """A total as `:,.4g` writes it, with the locale's decimal and thousands signs."""
    text = f"{value:,.4g}"
    decimal, group = fmt.plotly_separators()
    return text.translate(str.maketrans({",": group, ".": decimal}))


def _supplier_names(d: pd.DataFrame) -> pd.DataFrame:
    """Supplier names in the reader's language (the grouping and the queries keep the data's English)."""
    d = d.copy()
    d["supplier"] = [country_name(iso3, name) for iso3, name in zip(d["supplier_iso3"], d["supplier"])]
    return d


@per_database
def by_year_chart(f: Filters, measure: str, basis: str) -> Chart:
    """Stacked bars per year, one trace per supplier in its bloc's colour (patterns tell suppliers apart)."""
    year = _YEAR_COLUMN[basis]
    d = _measured(_supplier_names(deals(f)), measure)
    d = _top_suppliers(d[d[year].between(f.year_from, f.year_to)].rename(columns={year: "year"}))
    data = _aggregate(d, ["year", "bloc", "supplier"])
    grouped = set(d.loc[d["grouped"], "supplier"]) if "grouped" in d else set()
    title = (
        _("Arms deals by supplier and year ordered ({unit})")
        if basis == "order"
        else _("Arms deals by supplier and year of first delivery ({unit})")
    ).format(unit=_unit(measure))
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        suppliers = data[data["bloc"] == bloc].groupby("supplier")["value"].sum().sort_values(ascending=False)
        for i, supplier in enumerate(suppliers.index):
            part = data[(data["bloc"] == bloc) & (data["supplier"] == supplier)]
            name = plotly_escape(supplier if supplier in grouped else f"{supplier} ({bloc_label(bloc)})")
            fig.add_bar(
                x=part["year"],
                y=part["value"],
                name=name,
                legendgroup=bloc,
                marker=bar_marker(bloc, PATTERNS[i % len(PATTERNS)]),
                customdata=part.index.to_list(),
                hovertemplate=f"{name}, %{{x}}: %{{y:,.4~g}}<extra></extra>",
            )
    fig.update_layout(barmode="stack", yaxis_title=_(AXIS_TITLES[measure]))
    base_layout(fig, title)
    whole_numbers(fig, data.groupby("year")["value"].sum().max() if measure == "deals" else None)
    totals = data.groupby("bloc")["value"].sum()
    alt = _(
        "{title}, {year_from}–{year_to}. Stacked bars per year, one colour per supplier bloc: {totals} in total."
    ).format(
        title=title,
        year_from=f.year_from,
        year_to=f.year_to,
        totals=", ".join(f"{bloc_label(b)} {_num(totals[b])}" for b in BLOC_ORDER if b in totals),
    )
    return make_chart(f"arms_{basis}_{measure}", title, fig, data, alt)


@per_database
def by_category_chart(f: Filters, measure: str) -> Chart:
    """Horizontal bars per category, stacked by supplier bloc."""
    d = _measured(deals(f), measure)
    data = _aggregate(d, ["category", "bloc"])
    order = data.groupby("category")["value"].sum().sort_values().index.to_list()
    title = _("Arms deals by category ({unit})").format(unit=_unit(measure))
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        part = data[data["bloc"] == bloc]
        if len(part):
            fig.add_bar(
                y=part["category"].map(_category).map(plotly_escape),
                x=part["value"],
                orientation="h",
                name=bloc_label(bloc),
                marker=bar_marker(bloc),
                customdata=part.index.to_list(),
                hovertemplate=f"{bloc_label(bloc)}, %{{y}}: %{{x:,.4~g}}<extra></extra>",
            )
    fig.update_layout(
        barmode="stack",
        xaxis_title=_(AXIS_TITLES[measure]),
        yaxis={
            "categoryorder": "array",
            "categoryarray": [plotly_escape(_category(c)) for c in order],
            "automargin": True,
        },
    )
    base_layout(fig, title, height=max(300, 120 + 28 * len(order)))
    whole_numbers(fig, data.groupby("category")["value"].sum().max() if measure == "deals" else None, axis="x")
    alt = (
        f"{title}, {f.year_from}–{f.year_to}: "
        + ", ".join(f"{_category(c)} {_num(data.loc[data.category == c, 'value'].sum())}" for c in reversed(order))
        + "."
    )
    return make_chart(f"arms_category_{measure}", title, fig, data, alt)


@per_database
def deal_type_chart(f: Filters, measure: str) -> Chart:
    """Per supplier bloc, how deals were made: purchases, donations, second-hand, licences."""
    d = _measured(deals(f), measure)
    data = _aggregate(d, ["bloc", "deal_type"])
    title = _("Donations and purchases by supplier bloc ({unit})").format(unit=_unit(measure))
    fig = go.Figure()
    for i, kind in enumerate(t for t in DEAL_TYPES if t in set(data["deal_type"])):
        part = data[data["deal_type"] == kind]
        name = _deal_type(kind)
        fig.add_bar(
            x=part["bloc"].map(bloc_label),
            y=part["value"],
            name=name,
            marker={"color": series_colour(i)},
            customdata=part.index.to_list(),
            hovertemplate=f"{name}, %{{x}}: %{{y:,.4~g}}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        yaxis_title=_(AXIS_TITLES[measure]),
        xaxis={"categoryorder": "array", "categoryarray": [bloc_label(b) for b in BLOC_ORDER]},
    )
    base_layout(fig, title, height=360)
    whole_numbers(fig, data.groupby("bloc")["value"].sum().max() if measure == "deals" else None)
    alt = (
        f"{title}, {f.year_from}–{f.year_to}: "
        + "; ".join(f"{bloc_label(r.bloc)} {_deal_type(r.deal_type)} {_num(r.value)}" for r in data.itertuples())
        + "."
    )
    return make_chart(f"arms_dealtype_{measure}", title, fig, data, alt)


def _category(category: str) -> str:
    return vocabulary.label("arms_transfers", "category", category)


def _deal_type(kind: str) -> str:
    return vocabulary.label("arms_transfers", "deal_type", kind)


def table_columns() -> dict:
    """The deals table's columns, headed in the reader's language."""
    return {
        "order_year": st.column_config.NumberColumn(_("Ordered"), format="%d"),
        "delivery_first_year": st.column_config.NumberColumn(_("Delivered from"), format="%d"),
        "delivery_last_year": st.column_config.NumberColumn(_("to"), format="%d"),
        "supplier": _("Supplier"),
        "bloc": _("Bloc"),
        "designation": _("Designation"),
        "description": _("Description"),
        "category": _("Category"),
        "quantity_ordered": st.column_config.NumberColumn(_("Ordered (n)"), format="%d"),
        "quantity_delivered": st.column_config.NumberColumn(_("Delivered (n)"), format="%d"),
        "deal_type": _("Deal"),
        "end_user": _("User"),
        "status": _("Status"),
        "sipri_tiv_m": st.column_config.NumberColumn(_("SIPRI TIV (m)"), format="%.1f"),
        "confidence": _("Confidence"),
        "sources": st.column_config.TextColumn(_("Sources"), width="large"),
        "source_url": st.column_config.LinkColumn(_("First source"), display_text=_("open")),
        "transfer_id": _("Id"),
    }


@per_database
def deals_shown(f: Filters) -> pd.DataFrame:
    """The deals table's rows as shown (labels in the reader's language), built once per filter state."""
    shown = vocabulary.translated(
        _supplier_names(deals(f)), "arms_transfers", ["category", "deal_type", "status", "confidence", "end_user"]
    )
    shown["bloc"] = shown["bloc"].map(bloc_label)
    return shown[list(table_columns())]


def deals_table(f: Filters) -> None:
    """Every deal in the filters, sortable by any column, with its sources; text shown as text."""
    d = deals_shown(f)
    if d.empty:
        st.info(_("No arms deals for these filters."))
        return
    cached_table.show(d, column_config=table_columns(), key="arms_deals_table")
    st.caption(
        _(
            "{n} deals · years are SIPRI's order and delivery years · TIV: SIPRI trend-indicator value, "
            "a measure of military capability transferred, not a price."
        ).format(n=len(d))
    )
