"""Completeness made visible: the dataset's exercise rows per year and side against the totals that
authoritative sources publish (reported_totals), shown on the Exercises and the Data & sources pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.components import cached_table
from dashboard.components.filters import Filters, bloc_label
from dashboard.i18n import _
from dashboard.i18n import formats as fmt
from dashboard.store import app_data
from dashboard.store.cache import per_database

TARGET = 0.9  # the share of a published total the exercise rows aim to reach
SIDES = ("West", "East")


def exercise_coverage(f: Filters) -> pd.DataFrame:
    """One row per year and side (West, East; All where a source gives it) and published total; years
    without a published total keep `published` and `ratio` empty."""
    return app_data.query("pages/exercise_coverage", **f.params())


def status(row: pd.Series) -> str:
    """A word for the table: no published total, below the target share, or reached."""
    if pd.isna(row["published"]):
        return _("no published total")
    if pd.isna(row["ratio"]):
        return _("published total is 0; we hold rows")
    return _("reached") if row["ratio"] >= TARGET else _("below {target}").format(target=_target())


def _target() -> str:
    """The target share as `:.0%` writes it in English ('90%'), in the locale's form elsewhere."""
    return f"{TARGET:.0%}" if fmt.locale() == "en" else fmt.percent(TARGET * 100)


def summary(d: pd.DataFrame) -> str:
    """One line: years with a published total per side, and how many of them reach the target."""
    parts = []
    for side in SIDES:
        best = d[(d["partner_group"] == side) & d["published"].notna()].groupby("year")["ratio"].min()
        if len(best):
            parts.append(
                _("{side}: {reached} of {years} years with a published total reach {target} of the highest one").format(
                    side=bloc_label(side), reached=int((best >= TARGET).sum()), years=len(best), target=_target()
                )
            )
    gaps = sorted(set(d.loc[d["published"].isna(), "year"]))
    line = "; ".join(parts) if parts else _("No published total in the selected years")
    if gaps:
        line += ". " + _("No published total for {years}").format(years=", ".join(str(y) for y in gaps))
    return line + "."


@per_database
def coverage_view(f: Filters) -> tuple[pd.DataFrame, str]:
    """The table as shown and its summary line, built once per filter state (the row-wise status is pandas
    work every rerun would otherwise repeat)."""
    d = exercise_coverage(f)
    if d.empty:
        return d, ""
    table = d.assign(
        status=d.apply(status, axis=1), share=d["ratio"] * 100, partner_group=d["partner_group"].map(_side)
    )[["year", "partner_group", "our_rows", "published", "share", "status", "publisher", "source_title", "notes"]]
    return table, summary(d)


def show_exercise_coverage(f: Filters) -> None:
    """The coverage table with its one-line summary; a gap is a row, never left out."""
    table, line = coverage_view(f)
    if table.empty:
        st.info(_("No years in the selected range."))
        return
    st.caption(line)
    cached_table.show(
        table,
        width="stretch",
        column_config={
            "year": st.column_config.NumberColumn(_("year"), format="%d"),
            "partner_group": _("side"),
            "our_rows": st.column_config.NumberColumn(_("our rows"), help=_("exercises held in this dataset")),
            "published": st.column_config.NumberColumn(_("published total")),
            "share": st.column_config.NumberColumn(_("ours / published"), format="%.0f%%"),
            "status": _("status"),
            "publisher": _("publisher"),
            "source_title": _("source"),
            "notes": _("notes"),
        },
    )


def _side(side: str) -> str:
    """West / East in the reader's language; 'All' (a total over both sides) too."""
    return _("All") if side == "All" else bloc_label(side)
