"""The CFSP alignment rate per issuer for Serbia and the compared candidates: one line per country and issuer
through the midpoints of its periods, each period also drawn as a bar from its start to its end."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components import comparison
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters
from dashboard.components.timeline import cadence, period_mid
from dashboard.i18n import _, ngettext, vocabulary
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import plotly_escape
from dashboard.style.theme import base_layout

# Issuers measure alignment differently (the Commission over its report year, ISAC per calendar year), so
# each keeps its own line; the dash and marker tell them apart where colour tells the countries apart.
ISSUER_ORDER = ["European Commission", "ISAC Fund", "European Parliament", "Other"]
ISSUER_DASH = {"European Commission": "solid", "ISAC Fund": "dash", "European Parliament": "dot", "Other": "dashdot"}
ISSUER_SYMBOL = {
    "European Commission": "circle",
    "ISAC Fund": "square",
    "European Parliament": "diamond",
    "Other": "triangle-up",
}
# 'Other' gathers oral, rounded and unattributed figures from different speakers: not one series, so its
# points are never joined by a line
UNJOINED_ISSUERS = {"Other"}
# Periods of one series are joined by a line only when the next starts within this long after the last
# ends: a missing year shows as a break, not as an interpolated line.
MAX_JOINED_GAP = pd.Timedelta(days=190)


def issuer_label(issuer: str) -> str:
    """An issuer's name in the reader's language (the data and the ordering keep the English)."""
    return vocabulary.label("cfsp_alignment", "issuer", issuer)


def cfsp_rows(f: Filters) -> pd.DataFrame:
    """The published rates in the filters, Serbia first, issuers in ISSUER_ORDER, with their period's middle and
    cadence, and country names in the reader's language."""
    rows = app_data.query("pages/cfsp_series", countries=comparison.countries(f), **f.params())
    if rows.empty:
        return rows
    order = {c: i for i, c in enumerate(comparison.countries(f))}
    rows["country_order"] = rows["country_iso3"].map(order)
    rows["issuer_order"] = rows["issuer"].map(
        lambda i: ISSUER_ORDER.index(i) if i in ISSUER_ORDER else len(ISSUER_ORDER)
    )
    rows = rows.sort_values(["country_order", "issuer_order", "period_start"]).drop(
        columns=["country_order", "issuer_order"]
    )
    rows["period_mid"] = [period_mid(a, b) for a, b in zip(rows["period_start"], rows["period_end"])]
    rows["cadence"] = [cadence(a, b) for a, b in zip(rows["period_start"], rows["period_end"])]
    rows["country"] = [country_name(iso3, name) for iso3, name in zip(rows["country_iso3"], rows["country"])]
    return rows.reset_index(drop=True)


def _period_hover(r) -> str:
    counted = (
        " ("
        + _("{aligned} of {total} declarations").format(
            aligned=int(r.declarations_aligned), total=int(r.declarations_total)
        )
        + ")"
        if not pd.isna(r.declarations_aligned) and not pd.isna(r.declarations_total)
        else ""
    )
    return (
        f"<b>{plotly_escape(r.country)} · {plotly_escape(issuer_label(r.issuer))}</b><br>"
        f"{plotly_escape(r.period_label)}<br>"
        f"{pd.Timestamp(r.period_start):%Y-%m-%d} – {pd.Timestamp(r.period_end):%Y-%m-%d}<br>"
        + _("{rate}% aligned").format(rate=f"{r.rate_pct:.0f}")
        + counted
    )


def _joined(part: pd.DataFrame) -> tuple[list, list, list, list]:
    """Midpoints of one issuer's periods, with a break (None) wherever a gap separates two periods."""
    xs, ys, rows, hover = [], [], [], []
    previous_end = None
    for r in part.itertuples():
        if previous_end is not None and pd.Timestamp(r.period_start) - previous_end > MAX_JOINED_GAP:
            xs.append(None), ys.append(None), rows.append(-1), hover.append("")
        xs.append(r.period_mid), ys.append(r.rate_pct), rows.append(r.Index), hover.append(_period_hover(r))
        previous_end = pd.Timestamp(r.period_end)
    return xs, ys, rows, hover


def _segments(part: pd.DataFrame) -> tuple[list, list, list]:
    """Each period as a horizontal bar from its start to its end, at its rate."""
    xs, ys, rows = [], [], []
    for r in part.itertuples():
        xs += [pd.Timestamp(r.period_start), pd.Timestamp(r.period_end), None]
        ys += [r.rate_pct, r.rate_pct, None]
        rows += [r.Index, r.Index, -1]
    return xs, ys, rows


@per_database
def cfsp_chart(f: Filters) -> Chart:
    """One line per country and issuer (and cadence) through the midpoints of its periods; each period is
    also drawn as a bar from its start to its end."""
    title = _("CFSP alignment: EU declarations joined")
    data = cfsp_rows(f)
    if data.empty:
        return make_chart("cfsp_rate", title, go.Figure(), data, alt="")
    fig = go.Figure()
    for (iso3, issuer, suffix), part in data.groupby(["country_iso3", "issuer", "cadence"], sort=False):
        name = f"{part['country'].iloc[0]} · {issuer_label(issuer)}{suffix}"
        colour, width = comparison.colour(iso3), comparison.width(iso3)
        xs, ys, rows = _segments(part)
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": colour, "width": width + 5},
            opacity=0.3,
            name=name,
            legendgroup=name,
            showlegend=False,
            hoverinfo="skip",
            customdata=rows,
        )
        xs, ys, rows, hover = _joined(part)
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="markers" if issuer in UNJOINED_ISSUERS else "lines+markers",
            name=name,
            legendgroup=name,
            customdata=rows,
            line={"color": colour, "width": width, "dash": ISSUER_DASH.get(issuer, "solid")},
            marker={
                "symbol": ISSUER_SYMBOL.get(issuer, "circle") + ("-open" if suffix else ""),
                "size": 9 if iso3 == comparison.SUBJECT else 7,
            },
            hovertext=hover,
            hoverinfo="text",
        )
    fig.update_xaxes(type="date", tickformat="%Y")
    fig.update_yaxes(range=[0, 105], ticksuffix="%", title_text=_("Declarations joined"))
    base_layout(fig, title)
    comparison.fit_legend(fig)
    data = data.drop(columns=["period_mid", "cadence"])
    return make_chart("cfsp_rate", title, fig, data, alt=_cfsp_alt(title, data))


def _cfsp_alt(title: str, data: pd.DataFrame) -> str:
    lines = []
    for (country, issuer), part in data.groupby(["country", "issuer"], sort=False):
        first, last = part.iloc[0], part.iloc[-1]
        span = (
            _("{first} to {last}").format(
                first=f"{first.rate_pct:.0f}% ({first.period_label})",
                last=f"{last.rate_pct:.0f}% ({last.period_label})",
            )
            if len(part) > 1
            else f"{first.rate_pct:.0f}% ({first.period_label})"
        )
        lines.append(
            ngettext(
                "{country} per {issuer}, {n} period: {span}", "{country} per {issuer}, {n} periods: {span}", len(part)
            ).format(country=country, issuer=issuer_label(issuer), n=len(part), span=span)
        )
    return _("Line chart. {title}. {lines}.").format(title=title, lines="; ".join(lines))
