"""The EU & CFSP page: the CFSP alignment rate per issuer (Serbia and the compared candidates) and the EU's
statements on Serbia's alignment on a timeline coloured by stance, with their excerpts and sources."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components import cached_table, comparison
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters
from dashboard.components.timeline import cadence, period_mid
from dashboard.i18n import _, data_text, docs, ngettext, vocabulary
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.paths import ROOT
from dashboard.store import app_data
from dashboard.style.text import md_escape, plotly_escape, plotly_wrapped, source_markdown
from dashboard.style.theme import STANCE_COLOURS, STANCE_LABELS, base_layout

CODEBOOK = ROOT / "docs" / "stance-codebook.md"

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
# Periods of one series are joined by a line only when the next starts within this long after the last
# ends: a missing year shows as a break, not as an interpolated line.
MAX_JOINED_GAP = pd.Timedelta(days=190)


def issuer_label(issuer: str) -> str:
    """An issuer's name in the reader's language (the data and the ordering keep the English)."""
    return vocabulary.label("cfsp_alignment", "issuer", issuer)


def topic_label(topic: str) -> str:
    """A statement topic in the reader's language: the topic filter's labels, hence its URL values."""
    return vocabulary.label("eu_statements", "topic", topic)


def _said(r) -> tuple[str, str, str]:
    """Institution, kind and topic of a statement in the reader's language (not yet escaped)."""
    return (
        vocabulary.label("eu_statements", "institution", r.institution),
        vocabulary.label("eu_statements", "kind", r.kind),
        topic_label(r.topic),
    )


def stance_label(stance) -> str:
    return _(STANCE_LABELS[stance]) if stance in STANCE_LABELS else str(stance)


# The stance codebook's scale (docs/stance-codebook.md), drawn with ColorBrewer's PuOr: a diverging scale
# that stays distinct for colour-blind readers; the neutral middle is grey so it shows on light and dark.
# ---------------------------------------------------------------- CFSP alignment rate


def _cfsp_rows(f: Filters) -> pd.DataFrame:
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
    data = _cfsp_rows(f)
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
            mode="lines+markers",
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


# ---------------------------------------------------------------- our recount from individual declarations


@per_database
def recount(f: Filters) -> pd.DataFrame:
    """Our own rate per country and year from the declarations recorded in cfsp_declaration_alignment
    (cfsp_recomputed), with the published figures whose period lies within that calendar year beside it.
    Built once per filter state: matching the published figures row by row was 85% of the page's run."""
    rows = app_data.query("pages/cfsp_recomputed", countries=comparison.countries(f), **f.params())
    if rows.empty:
        return rows.assign(published_rates=pd.Series(dtype=object))
    published = _cfsp_rows(f)
    within = (
        published[
            [
                pd.Timestamp(a).year == pd.Timestamp(b).year
                for a, b in zip(published["period_start"], published["period_end"])
            ]
        ]
        if not published.empty
        else published
    )

    def rates(iso3: str, year: int) -> str:
        if within.empty:
            return ""
        part = within[(within["country_iso3"] == iso3) & (within["year"] == year)]
        return "; ".join(f"{issuer_label(r.issuer)} {_rate(r.rate_pct)}% ({r.period_label})" for r in part.itertuples())

    rows["country"] = [country_name(iso3, name) for iso3, name in zip(rows["country_iso3"], rows["country"])]
    rows["published_rates"] = [rates(i, y) for i, y in zip(rows["country_iso3"], rows["year"])]
    order = {c: i for i, c in enumerate(comparison.countries(f))}  # Serbia first, then the compared countries
    rows = rows.assign(_order=rows["country_iso3"].map(order)).sort_values(["_order", "year"], kind="stable")
    return rows.drop(columns="_order").reset_index(drop=True)


def _rate(value: float) -> str:
    """A published rate as given: whole numbers without decimals, ISAC's 46.34 with its two."""
    return fmt.number(value, 0 if float(value).is_integer() else 2)


def recount_summary(d: pd.DataFrame) -> str:
    """One line: how many declarations the recount rests on, and in which years a published total lets us
    say what share of the year they are."""
    declarations = len({i for ids in d["fact_ids"] for i in ids}) if not d.empty else 0
    line = ngettext(
        "Our recount rests on {n} individual declaration recorded from stored pages",
        "Our recount rests on {n} individual declarations recorded from stored pages",
        declarations,
    ).format(n=declarations)
    measured = d[d["coverage_pct"].notna()] if not d.empty else d
    if len(measured):
        line += "; " + _("coverage against a published yearly total: {years}").format(
            years=", ".join(
                f"{r.year} {fmt.number(r.coverage_pct, 1)}% ({r.declarations_covered}/{r.published_total})"
                for r in measured.drop_duplicates("year").itertuples()
            )
        )
    return line + "."


RECOUNT_COLUMNS = ["country", "year", "declarations_covered", "declarations_aligned", "rate_pct", "published_rates",
                   "published_total", "coverage_pct"]  # fmt: skip


@per_database
def recount_table(f: Filters) -> pd.DataFrame:
    """The recount's columns as the page shows them (one frame per filter state, so its Arrow form is reused)."""
    d = recount(f)
    return d[RECOUNT_COLUMNS] if not d.empty else d


def show_recount(f: Filters) -> None:
    """The recount table beside the published series: per country and year the declarations recorded, how
    many were joined, our rate, the published figures of that year and the coverage; with its caveat."""
    d = recount(f)
    st.subheader(_("Our recount from individual declarations"))
    st.caption(
        _(
            "Each High Representative declaration lists the countries that align with it. Where a stored page "
            "reproduces or reports such a declaration, we record who aligned and recount the rate. The "
            "declarations recorded are few and not a random sample (news reports favour those Serbia did not "
            "join), so this rate is shown beside the published figures, never in their place."
        )
    )
    if d.empty:
        st.info(_("No individual declarations recorded for these filters."))
        return
    st.caption(recount_summary(d))
    cached_table.show(
        recount_table(f),
        width="stretch",
        key="cfsp_recount_table",
        column_config={
            "country": _("country"),
            "year": st.column_config.NumberColumn(_("year"), format="%d"),
            "declarations_covered": st.column_config.NumberColumn(
                _("declarations recorded"), help=_("declarations of the year recorded for this country")
            ),
            "declarations_aligned": st.column_config.NumberColumn(_("joined")),
            "rate_pct": st.column_config.NumberColumn(_("our rate"), format="%.0f%%"),
            "published_rates": _("published figures of the year"),
            "published_total": st.column_config.NumberColumn(
                _("published total"), help=_("declarations of the year in a published count")
            ),
            "coverage_pct": st.column_config.NumberColumn(_("coverage"), format="%.1f%%"),
        },
    )


# ---------------------------------------------------------------- EU statements


def topics() -> list[str]:
    return app_data.query("pages/eu_statement_topics")["topic"].tolist()


def statements(f: Filters, chosen: tuple[str, ...]) -> pd.DataFrame:
    return app_data.query("pages/eu_statements", topics=list(chosen), **f.params())


@per_database
def statements_chart(f: Filters, chosen: tuple[str, ...]) -> Chart:
    """Each statement at its date and stance (−2…+2), coloured on the diverging stance scale."""
    title = _("EU statements on Serbia's alignment, by stance")
    data = statements(f, chosen)
    if data.empty:
        return make_chart("eu_statements", title, go.Figure(), data, alt="")
    fig = go.Figure()
    for stance, part in data.groupby("stance", sort=True):
        fig.add_scatter(
            x=pd.to_datetime(part["date"]),
            y=part["stance"],
            mode="markers",
            name=stance_label(stance),
            marker={
                "color": STANCE_COLOURS.get(stance, "#999999"),
                "size": 12,
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            customdata=part.index.to_list(),
            hovertext=[_statement_hover(r) for r in part.itertuples()],
            hoverinfo="text",
        )
    fig.update_xaxes(type="date", tickformat="%Y")
    fig.update_yaxes(
        range=[-2.6, 2.6],
        tickvals=list(STANCE_LABELS),
        ticktext=[stance_label(s) for s in STANCE_LABELS],
        zeroline=True,
        title_text=None,
        fixedrange=True,
    )
    base_layout(fig, title)
    comparison.fit_legend(fig)
    counts = data["stance"].value_counts()
    spread = ", ".join(f"{counts[s]} {stance_label(s)}" for s in STANCE_LABELS if s in counts)
    alt = _("Timeline. {title}. {n} statements from {start} to {end}: {spread}.").format(
        title=title,
        n=len(data),
        start=f"{pd.Timestamp(data['date'].min()):%Y}",
        end=f"{pd.Timestamp(data['date'].max()):%Y}",
        spread=spread,
    )
    return make_chart("eu_statements", title, fig, data, alt=alt)


def _translation(r) -> tuple[str, str] | None:
    """The project's translation of the excerpt into the reader's language, if it is not in it already."""
    return data_text.translation(r.excerpt_language, r.excerpt_en, r.excerpt_sr)


def _statement_hover(r) -> str:
    institution, kind, topic = _said(r)
    translated = _translation(r)
    who = plotly_escape(institution) + (
        f" — {plotly_escape(r.speaker)}" if isinstance(r.speaker, str) and r.speaker else ""
    )
    return (
        f"<b>{pd.Timestamp(r.date):%Y-%m-%d}</b> · {who}<br>{plotly_escape(kind)} · {plotly_escape(topic)} · "
        + _("stance {stance}").format(stance=stance_label(r.stance))
        + f"<br>“{plotly_wrapped(r.excerpt)}”"
        + (
            "<br>" + _("<i>Our translation:</i> {text}").format(text=plotly_wrapped(translated[0]))
            if translated
            else ""
        )
    )


def statement_list(f: Filters, chosen: tuple[str, ...], height: int = 560) -> None:
    """Every statement in the filters, newest first, in a scrolling box."""
    text = statement_markdown(f, chosen)
    if text:
        with st.container(height=height):
            st.markdown(text)  # one element: dozens of separate ones would cost a rerun far more


@per_database
def statement_markdown(f: Filters, chosen: tuple[str, ...]) -> str:
    """Who said it, kind, topic, stance, the excerpt as a quote and each source, as escaped Markdown."""
    data = statements(f, chosen)
    if data.empty:
        return ""
    cited = app_data.query("pages/fact_sources", fact_table="eu_statements", fact_ids=data["statement_id"].tolist())
    sources = {fact_id: group for fact_id, group in cited.groupby("fact_id")}
    blocks = []
    for r in data.iloc[::-1].itertuples():
        institution, kind, topic = _said(r)
        who = md_escape(institution) + (
            f" — {md_escape(r.speaker)}" if isinstance(r.speaker, str) and r.speaker else ""
        )
        lines = [
            f"**{pd.Timestamp(r.date):%Y-%m-%d}** · {who} · {md_escape(kind)} · *{md_escape(topic)}* · "
            + _("stance {stance}").format(stance=f"**{md_escape(stance_label(r.stance))}**"),
            "",
            f"> {md_escape(r.excerpt)}",
            "",
        ]
        translated = _translation(r)
        if translated:
            lines += [
                _("*Our translation ({source} → {target}):* {text}").format(
                    source=md_escape(str(r.excerpt_language)), target=translated[1], text=md_escape(translated[0])
                ),
                "",
            ]
        for c in sources.get(r.statement_id, cited.iloc[0:0]).itertuples():
            evidence = f" · “{md_escape(c.evidence)}”" if isinstance(c.evidence, str) and c.evidence else ""
            lines.append(
                _("Source: {source}").format(source=source_markdown(c.title, c.url, c.publisher, c.published_on))
                + evidence
                + "  "
            )
        blocks.append("\n".join(lines))
    return "\n\n---\n\n".join(blocks)


def codebook() -> None:
    """The stance scale in one line per value, and the full codebook (a project document) on demand."""
    st.caption(
        _(
            "Stance: how the statement judges Serbia's alignment with EU foreign policy and its ties with "
            "Russia and China — {scale}."
        ).format(scale=" · ".join(stance_label(s) for s in STANCE_LABELS))
    )
    with st.expander(_("Stance codebook: how each value is coded")):
        if CODEBOOK.exists():
            st.markdown(docs.document(CODEBOOK))
        else:
            st.caption(_("The codebook (docs/stance-codebook.md) is not in this copy of the project."))
