"""The sidebar filters every page shares, bound to the URL so a copied link reopens the same view.

Pages call `sidebar_filters()` once, near the top, and pass the returned `Filters` to their queries:

    f = sidebar_filters()                    # years, partners, blocs
    f = sidebar_filters(compare=True)        # ... and the Western Balkan countries to compare with Serbia
    app_data.query("pages/arms_deals", **f.params())

URL parameters (repeated for lists; default values are left out of the URL):
    years=2010&years=2020     first and last year, inclusive
    partners=China            partner countries by the name shown in the list (empty: every partner)
    blocs=East&blocs=West     partner blocs to include (default: all three)
    compare=Montenegro        Western Balkan candidates compared with Serbia (pages that compare)

Streamlit seeds each widget from its URL parameter and drops values it cannot use; this module reads the
same parameters first so that every dropped value is named in a visible note instead of vanishing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.i18n import _, vocabulary
from dashboard.i18n.countries import names as country_names
from dashboard.schema.tables import SUBJECT_COUNTRY
from dashboard.store import app_data
from dashboard.store.cache import per_database
from dashboard.style.text import md_escape
from dashboard.style.theme import BLOC_ORDER

SUBJECT = SUBJECT_COUNTRY  # never a partner or a comparison of itself
DEFAULT_FIRST_YEAR = 2006  # Serbia's first year as an independent state: the default start of the range


@dataclass(frozen=True)
class Filters:
    """The active filters; hashable, so it can key caches of queries and figures.

    partners: ISO3 codes; empty means every partner. blocs: the partner blocs included (empty: none).
    compared: ISO3 codes of Western Balkan candidates compared with Serbia (empty on pages that don't compare).
    """

    year_from: int
    year_to: int
    partners: tuple[str, ...] = ()
    blocs: tuple[str, ...] = tuple(BLOC_ORDER)
    compared: tuple[str, ...] = ()
    country: str = SUBJECT  # the country the page follows

    def params(self) -> dict:
        """Bound parameters for queries/pages/*.sql: $country, $year_from, $year_to, $partners (list), $blocs
        (list); each query binds those it names. Partner and bloc go through the macro
        `partner_selected(iso3, bloc, $partners, $blocs)` (queries/staging/partner_filter.sql).
        """
        return {
            "country": self.country,
            "year_from": self.year_from,
            "year_to": self.year_to,
            "partners": list(self.partners),
            "blocs": list(self.blocs),
        }

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The filters as one plain-text line, for image subtitles and CSV headers."""
        names = names or {}
        parts = [_("Years {first}–{last}").format(first=self.year_from, last=self.year_to)]
        parts.append(_("partners: {names}").format(names=", ".join(names.get(p, p) for p in self.partners) or _("all")))
        if not self.blocs:
            parts.append(_("blocs: none"))
        else:
            shown = ", ".join(map(bloc_label, self.blocs)) if set(self.blocs) != set(BLOC_ORDER) else _("all")
            parts.append(_("blocs: {names}").format(names=shown))
        if self.compared:
            parts.append(_("compared: {names}").format(names=", ".join(names.get(c, c) for c in self.compared)))
        return " · ".join(parts)


@dataclass(frozen=True)
class Choices:
    """What the filters can take, from the database."""

    first_year: int
    last_year: int
    default_from: int
    partners: dict[str, str]  # iso3 -> name, by name
    candidates: dict[str, str]  # Western Balkan candidates other than Serbia, iso3 -> name

    @property
    def names(self) -> dict[str, str]:
        return {**self.partners, **self.candidates}


@per_database
def choices() -> Choices:
    """Filter options and year bounds from the current database (built once per database version)."""
    countries = app_data.query("pages/countries")
    bounds = app_data.query("pages/year_bounds")
    first, last = bounds.iloc[0]["first_year"], bounds.iloc[0]["last_year"]
    this_year = dt.date.today().year
    first = DEFAULT_FIRST_YEAR if pd.isna(first) else int(first)
    last = this_year if pd.isna(last) else int(last)
    if last <= first:  # a slider needs two distinct ends
        first = last - 1
    others = countries[countries["iso3"] != SUBJECT]
    candidates = others[others["eu_candidate_wb"]]
    return Choices(
        first_year=first,
        last_year=last,
        default_from=min(max(first, DEFAULT_FIRST_YEAR), last),
        partners=_by_name(country_names(dict(zip(others["iso3"], others["name"])))),
        candidates=country_names(dict(zip(candidates["iso3"], candidates["name"]))),
    )


def _by_name(names: dict[str, str]) -> dict[str, str]:
    """The partner list ordered by its name in the reader's language."""
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def bloc_label(bloc: str) -> str:
    """A bloc's name in the reader's language (the data and the queries keep West / East / Other)."""
    return vocabulary.label("countries", "bloc", bloc)


def parse_year(text: str) -> int | None:
    """A year from a URL value: a finite whole number of at most four digits ('2014', '2014.0'); anything
    else (inf, 1e400, nan, 2014.5, words) is None, never an exception."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value) or value != int(value) or not -9999 <= value <= 9999:
        return None
    return int(value)


def url_notes(raw: Mapping[str, list[str]], c: Choices, compare: bool) -> list[str]:
    """Describe every URL value the filters cannot use (the widgets will ignore or clamp them)."""
    notes = []
    years = raw.get("years") or []
    if years:
        parsed = [parse_year(v) for v in years]
        values = [v for v in parsed if v is not None] if None not in parsed else []
        if len(values) != 2:
            notes.append(
                _("years={values} is not a pair of years; showing the default range").format(values="&".join(years))
            )
        elif not all(c.first_year <= v <= c.last_year for v in values):
            notes.append(
                _(
                    "years {first}–{last} reach outside the data ({data_first}–{data_last}); showing the default range"
                ).format(first=values[0], last=values[1], data_first=c.first_year, data_last=c.last_year)
            )
        elif values[0] > values[1]:
            notes.append(
                _("years {first}–{last} run backwards; read as {last}–{first}").format(first=values[0], last=values[1])
            )
    lists = {"partners": set(c.partners.values()), "blocs": set(map(bloc_label, BLOC_ORDER))}
    if compare:
        lists["compare"] = set(c.candidates.values())
    for key, valid in lists.items():
        unknown = [v for v in raw.get(key) or [] if v and v not in valid]
        if unknown:
            notes.append(unknown_note(key, unknown))
    return notes


def unknown_note(key: str, values: list[str]) -> str:
    return _("unknown {parameter} {values} ignored").format(parameter=key, values=", ".join(repr(v) for v in values))


def show_url_notes(notes: list[str]) -> None:
    """One visible note naming the URL values that were not used; they come from the link, so escaped."""
    if notes:
        st.info(
            _("Some values in the link were not used: {notes}.").format(notes=md_escape("; ".join(notes))),
            icon=":material/link_off:",
        )


def page_choice(label: str, options: Mapping[str, str], key: str) -> str:
    """A page-level choice (e.g. count vs value) bound to the URL parameter `key`; returns the chosen key of
    `options` (key -> label). The URL holds the label, as Streamlit writes it; the first option is the
    default and stays out of the URL. An unknown URL value is ignored with a visible note. Option labels
    are translated here (mark them with N_; pass `label` translated), so the URL holds the label in the reader's language."""
    by_label = {_(v): k for k, v in options.items()}
    raw = st.query_params.get_all(key)
    if raw and raw[-1] not in by_label:
        show_url_notes([unknown_note(key, [raw[-1]])])
    labels = list(by_label)
    chosen = st.segmented_control(
        label, labels, default=labels[0], key=key, bind="query-params", selection_mode="single"
    )
    return by_label.get(chosen, next(iter(options)))  # clicking the active segment clears it: the default


def _raw_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in ("years", "partners", "blocs", "compare")}


def sidebar_filters(compare: bool = False) -> Filters:
    """Draw the shared filters in the sidebar and return them; notes about unusable URL values appear
    at the top of the page. `compare=True` adds the Western Balkan comparison list."""
    c = choices()
    show_url_notes(url_notes(_raw_params(), c, compare))
    with st.sidebar:
        st.header(_("Filters"))
        year_from, year_to = st.slider(
            _("Years"),
            c.first_year,
            c.last_year,
            (c.default_from, c.last_year),
            step=1,
            key="years",
            bind="query-params",
        )
        partners = st.multiselect(
            _("Partner countries"),
            list(c.partners),
            format_func=c.partners.get,
            key="partners",
            placeholder=_("All partners"),
            bind="query-params",
        )
        blocs = st.pills(
            _("Partner blocs"),
            BLOC_ORDER,
            format_func=bloc_label,
            selection_mode="multi",
            default=BLOC_ORDER,
            key="blocs",
            bind="query-params",
        )
        compared: list[str] = []
        if compare:
            if c.candidates:
                compared = st.multiselect(
                    _("Compare with"),
                    list(c.candidates),
                    default=list(c.candidates),
                    format_func=c.candidates.get,
                    key="compare",
                    bind="query-params",
                )
            else:
                st.caption(_("No other Western Balkan candidates in the data to compare with."))
        if not blocs:
            st.caption(_("No bloc selected: charts stay empty until one is."))
    return Filters(
        year_from=int(min(year_from, year_to)),
        year_to=int(max(year_from, year_to)),
        partners=tuple(partners),
        blocs=tuple(b for b in BLOC_ORDER if b in (blocs or [])),
        compared=tuple(compared),
    )
