"""Completeness made visible: the dataset's exercise rows per year and side against the totals that
authoritative sources publish (reported_totals), shown on the Exercises and the Data & sources pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.components.filters import Filters
from dashboard.store import app_data

TARGET = 0.9  # the share of a published total the exercise rows aim to reach
SIDES = ("West", "East")


def exercise_coverage(f: Filters) -> pd.DataFrame:
    """One row per year and side (West, East; All where a source gives it) and published total; years
    without a published total keep `published` and `ratio` empty."""
    return app_data.query("pages/exercise_coverage", **f.params())


def status(row: pd.Series) -> str:
    """A word for the table: no published total, below the target share, or reached."""
    if pd.isna(row["published"]):
        return "no published total"
    if pd.isna(row["ratio"]):
        return "published total is 0; we hold rows"
    return "reached" if row["ratio"] >= TARGET else f"below {TARGET:.0%}"


def summary(d: pd.DataFrame) -> str:
    """One line: years with a published total per side, and how many of them reach the target."""
    parts = []
    for side in SIDES:
        best = d[(d["partner_group"] == side) & d["published"].notna()].groupby("year")["ratio"].min()
        if len(best):
            parts.append(
                f"{side}: {int((best >= TARGET).sum())} of {len(best)} years with a published total reach "
                f"{TARGET:.0%} of the highest one"
            )
    gaps = sorted(set(d.loc[d["published"].isna(), "year"]))
    line = "; ".join(parts) if parts else "No published total in the selected years"
    if gaps:
        line += f". No published total for {', '.join(str(y) for y in gaps)}"
    return line + "."


def show_exercise_coverage(f: Filters) -> None:
    """The coverage table with its one-line summary; a gap is a row, never left out."""
    d = exercise_coverage(f)
    if d.empty:
        st.info("No years in the selected range.")
        return
    table = d.assign(status=d.apply(status, axis=1), share=d["ratio"] * 100)[
        ["year", "partner_group", "our_rows", "published", "share", "status", "publisher", "source_title", "notes"]
    ]
    st.caption(summary(d))
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "year": st.column_config.NumberColumn("year", format="%d"),
            "partner_group": "side",
            "our_rows": st.column_config.NumberColumn("our rows", help="exercises held in this dataset"),
            "published": st.column_config.NumberColumn("published total"),
            "share": st.column_config.NumberColumn("ours / published", format="%.0f%%"),
            "source_title": "source",
        },
    )
