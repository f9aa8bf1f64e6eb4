"""The UN votes page's key votes: who voted how on each resolution the project tracks (Serbia, the compared
candidates, the chosen partners and the EU majority), with the sources of each resolution."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.components import cached_table, comparison, export
from dashboard.components.chart_panel import per_database
from dashboard.components.filters import SUBJECT, Filters, choices
from dashboard.i18n import _, data_text, vocabulary
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.style.text import md_escape, source_markdown

# Whose votes the key-votes table shows besides Serbia and the compared countries, unless partners are chosen.
DEFAULT_VOTE_PARTNERS = ("RUS", "CHN", "USA")
NOT_RECORDED = "—"


def _vote(vote: object) -> object:
    """A recorded vote in the reader's language."""
    return vocabulary.label("un_votes", "vote", vote)


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
