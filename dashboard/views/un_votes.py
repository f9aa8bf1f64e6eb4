"""The UN votes page: yearly agreement of Serbia (and the compared candidates) with Russia, China, the US and
the EU members' majority in the General Assembly, and the table of key votes (who voted how)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from dashboard import i18n
from dashboard.components import cached_table, comparison, export
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import SUBJECT, Filters, choices
from dashboard.components.timeline import break_gaps
from dashboard.i18n import N_, _, data_text, vocabulary
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import md_escape, plotly_escape, source_markdown
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
# Whose votes the key-votes table shows besides Serbia and the compared countries, unless partners are chosen.
DEFAULT_VOTE_PARTNERS = ("RUS", "CHN", "USA")
NOT_RECORDED = "—"


def _names() -> dict[str, str]:
    """iso3 -> the country's name in the reader's language."""
    countries = app_data.query("pages/countries")
    return {iso3: country_name(iso3, name) for iso3, name in zip(countries["iso3"], countries["name"])}


def _vote(vote: object) -> object:
    """A recorded vote in the reader's language."""
    return vocabulary.label("un_votes", "vote", vote)


def _dec(value: float, digits: int) -> str:
    """`value` with `digits` decimals as an f-string writes it, with the locale's decimal sign."""
    return f"{value:.{digits}f}".replace(".", fmt.plotly_separators()[0])


# ---------------------------------------------------------------- yearly agreement


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
                    + _("{pct}% of {n} votes").format(pct=_dec(v, 1), n=n)
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
                    first=_dec(first.value_pct, 0),
                    first_year=first.year,
                    last=_dec(last.value_pct, 0),
                    last_year=last.year,
                )
            )
        parts.append(f"{_panel_title(partner, panel_names)}: " + ", ".join(lines))
    return _("Line charts, one panel per partner. {title}. {parts}.").format(title=title, parts="; ".join(parts))


# ---------------------------------------------------------------- key votes


@dataclass(frozen=True, eq=False)
class KeyVotes:
    table: pd.DataFrame  # one row per resolution, as shown and downloaded
    sources_markdown: str  # each resolution with its sources, escaped, one line each
    cited: pd.DataFrame  # sources_for_facts rows, for the CSV header
    unrecorded: list[str]  # countries left out because none of their votes on these resolutions is recorded


def _voters(f: Filters, countries: pd.DataFrame) -> tuple[list[str], bool]:
    """The countries whose votes are shown, and whether the EU majority is: Serbia and the compared
    countries always; the partners chosen in the filter (default Russia, China, US) if their bloc is in."""
    bloc = dict(zip(countries["iso3"], countries["bloc"]))
    subjects = comparison.countries(f)
    partners = [p for p in (f.partners or DEFAULT_VOTE_PARTNERS) if p not in subjects and bloc.get(p) in f.blocs]
    eu = bloc.get("EUU") in f.blocs and (not f.partners or "EUU" in f.partners)
    return subjects + partners, eu


@per_database
def key_votes(f: Filters) -> KeyVotes:
    resolutions = app_data.query("pages/un_page_key_votes", year_from=f.year_from, year_to=f.year_to)
    countries = app_data.query("pages/countries")
    voters, with_eu = _voters(f, countries)
    names = {iso3: country_name(iso3, name) for iso3, name in zip(countries["iso3"], countries["name"])}
    ids = resolutions["resolution_id"].tolist()
    votes = app_data.query("pages/un_page_country_votes", resolutions=ids, countries=voters)
    table = pd.DataFrame(
        {
            "date": pd.to_datetime(resolutions["date"]).dt.date,
            "resolution": resolutions["resolution_id"],
            "title": data_text.shown(resolutions, "title"),
            "topic": resolutions["topic"].map(vocabulary.labeller("un_resolutions", "topic")),
            "yes": resolutions["yes"],
            "no": resolutions["no"],
            "abstain": resolutions["abstain"],
            "east_west_split": resolutions["east_west_split"],
        }
    )
    originals = [data_text.original_if_translated(o, s) for o, s in zip(resolutions["title"], resolutions["title_sr"])]
    if any(originals):  # a Serbian reader sees our translation; the UN's own title stays beside it
        table.insert(table.columns.get_loc("title") + 1, "title_original", originals)
    unrecorded = []
    for iso3 in voters:
        cast = votes[votes["country_iso3"] == iso3].set_index("resolution_id")["vote"]
        if cast.empty and iso3 != SUBJECT and len(table):  # e.g. Kosovo, not a UN member: no empty column
            unrecorded.append(names.get(iso3, iso3))
            continue
        table[names.get(iso3, iso3)] = table["resolution"].map(cast).map(_vote).fillna(NOT_RECORDED)
    if with_eu:
        table[_("EU majority")] = [_eu_cell(r) for r in resolutions.itertuples()]
    sources = app_data.query("pages/fact_sources", fact_table="un_resolutions", fact_ids=ids)
    first_url = sources.drop_duplicates("fact_id").set_index("fact_id")["url"]
    table["source"] = table["resolution"].map(first_url)
    cited = (
        app_data.query("pages/sources_for_facts", refs=[f"un_resolutions:{i}" for i in ids])
        if ids
        else sources.iloc[0:0]
    )
    return KeyVotes(table, _sources_markdown(table, sources), cited, unrecorded)


def _sources_markdown(table: pd.DataFrame, sources: pd.DataFrame) -> str:
    by_resolution = {fact_id: group for fact_id, group in sources.groupby("fact_id")}
    lines = []
    for r in table.itertuples():
        cited = by_resolution.get(r.resolution, sources.iloc[0:0])
        links = "; ".join(source_markdown(s.title, s.url, s.publisher, s.published_on) for s in cited.itertuples())
        lines.append(
            f"- **{md_escape(r.resolution)}** ({r.date:%Y-%m-%d}) {md_escape(r.title)} — "
            f"{links or _('no source recorded')}"
        )
    return "\n".join(lines)


def _eu_cell(r) -> str:
    if not r.eu_cast:
        return NOT_RECORDED
    if pd.isna(r.eu_vote):
        return _("split ({n} members recorded)").format(n=r.eu_cast)
    return _("{vote} ({majority} of {n} recorded)").format(
        vote=_vote(r.eu_vote), majority=r.eu_with_majority, n=r.eu_cast
    )


def key_votes_table(f: Filters) -> None:
    """The key votes with tallies and who voted how; a CSV of the same rows; the sources below."""
    kv = key_votes(f)
    if kv.table.empty:
        st.info(
            _("No key votes recorded for these filters ({filters}). Widen the year range.").format(
                filters=md_escape(f.describe(choices().names))
            ),
            icon=":material/filter_alt_off:",
        )
        return
    cached_table.show(
        kv.table,
        width="stretch",
        column_config={
            "date": st.column_config.DateColumn(_("Date"), format="YYYY-MM-DD"),
            "resolution": _("Resolution"),
            "title": st.column_config.TextColumn(_("Title"), width="large"),
            "title_original": st.column_config.TextColumn(_("Original title"), width="medium"),
            "topic": _("Topic"),
            "yes": _("Yes"),
            "no": _("No"),
            "abstain": _("Abstain"),
            "east_west_split": st.column_config.CheckboxColumn(
                _("East–West split"), help=_("Russia or China voted otherwise than the US and the EU majority")
            ),
            "source": st.column_config.LinkColumn(_("Source"), display_text=_("open")),
        },
    )
    title = _("Key UN General Assembly votes: who voted how")
    st.download_button(
        "CSV",
        data=functools.partial(
            i18n.call_in, i18n.current(), export.csv_bytes, kv.table, title, f.describe(choices().names), kv.cited
        ),
        file_name=f"serbia-alignment-un-key-votes-{f.year_from}-{f.year_to}.csv",
        mime="text/csv",
        key="un_key_votes_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    missing = (
        " "
        + _("No vote recorded for {countries} on these resolutions.").format(
            countries=md_escape(", ".join(kv.unrecorded))
        )
        if kv.unrecorded
        else ""
    )
    st.caption(
        _(
            "{dash}: no vote recorded in the data.{missing} The EU majority is the vote most EU members "
            "with a recorded yes, no or abstention cast; “split” when two positions tie. Tallies are the "
            "Assembly's totals."
        ).format(dash=NOT_RECORDED, missing=missing)
    )
    with st.expander(_("Sources of these {n} votes").format(n=len(kv.table))):
        st.markdown(kv.sources_markdown)
