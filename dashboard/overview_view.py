"""Figures and tables of the overview page."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import app_state
from dashboard.text import md_escape, source_markdown
from dashboard.theme import BLOC_COLOURS, BLOC_ORDER, base_layout


def engagement_figure(counts: pd.DataFrame) -> go.Figure:
    """Stacked bars: number of dated engagements per year, one colour per bloc."""
    by_bloc = counts.groupby(["year", "bloc"], as_index=False)["n"].sum()
    fig = go.Figure()
    for bloc in BLOC_ORDER:
        part = by_bloc[by_bloc["bloc"] == bloc]
        if len(part):
            fig.add_bar(x=part["year"], y=part["n"], name=bloc, marker_color=BLOC_COLOURS[bloc])
    fig.update_layout(barmode="stack", yaxis_title="Engagements (count)", xaxis_title=None)
    return base_layout(fig, "Serbia's engagements by partner bloc and year")


def recent_facts_table(facts: pd.DataFrame) -> None:
    """The latest facts, each followed by its sources (escaped text, linked titles)."""
    if facts.empty:
        st.info("No facts yet.")
        return
    for row in facts.itertuples():
        st.markdown(f"**{row.date:%Y-%m-%d}** · {md_escape(row.kind)} · {md_escape(row.partner)} ({md_escape(row.bloc)}) — {md_escape(row.title)}")
        sources = app_state.query("fact_sources", fact_table=row.fact_table, fact_ids=[row.fact_id])
        for s in sources.itertuples():
            st.caption("Source: " + source_markdown(s.title, s.url, s.publisher, s.published_on))
