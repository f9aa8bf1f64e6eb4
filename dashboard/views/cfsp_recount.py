"""Our own CFSP rate, recounted from the individual High Representative declarations recorded from stored
pages (cfsp_recomputed), beside the published figures of the same year, with its coverage and caveat."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.components import cached_table, comparison
from dashboard.components.chart_panel import per_database
from dashboard.components.filters import Filters
from dashboard.i18n import _, ngettext
from dashboard.i18n import formats as fmt
from dashboard.i18n.countries import country_name
from dashboard.store import app_data
from dashboard.views.cfsp_rates import cfsp_rows, issuer_label


@per_database
def recount(f: Filters) -> pd.DataFrame:
    """Our own rate per country and year from the declarations recorded in cfsp_declaration_alignment
    (cfsp_recomputed), with the published figures whose period lies within that calendar year beside it.
    Built once per filter state: matching the published figures row by row was 85% of the page's run."""
    rows = app_data.query("pages/cfsp_recomputed", countries=comparison.countries(f), **f.params())
    if rows.empty:
        return rows.assign(published_rates=pd.Series(dtype=object))
    published = cfsp_rows(f)
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
