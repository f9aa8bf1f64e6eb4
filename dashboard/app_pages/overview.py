"""Overview: Serbia's East and West engagement per year."""
from __future__ import annotations

import streamlit as st

from dashboard import app_state, db
from dashboard.overview_view import engagement_figure, recent_facts_table

st.title("Serbia Alignment Monitor")
st.caption("Serbia's engagement with East (Russia, China, Belarus) and West (EU, its members, US, NATO), year by year.")

shared = app_state.connection()
if db.is_stale(shared.path):
    st.warning("The curated data has changed since the database was built. Run `python -m dashboard.build` to refresh.")

year_from, year_to = st.slider("Years", 2000, 2025, (2006, 2025), key="years")
counts = app_state.query("engagement_by_year", year_from=year_from, year_to=year_to)
if counts.empty:
    st.info("No data for these filters.")
else:
    st.plotly_chart(engagement_figure(counts), key="engagement_chart")

st.subheader("Latest facts")
recent_facts_table(app_state.query("recent_facts", limit=10))
