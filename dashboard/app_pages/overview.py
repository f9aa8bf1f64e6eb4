"""Overview: Serbia's East and West engagement per year, with the CFSP rate, UN agreement and milestones."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel
from dashboard.components.filters import sidebar_filters
from dashboard.views import overview

st.title("Serbia Alignment Monitor")
st.caption("Serbia's engagement with East (Russia, China, Belarus) and West (EU, its members, US, NATO), year by year.")

filters = sidebar_filters()
overview.headline_metrics(filters)
chart_panel.show(overview.overview_chart(filters), filters)
st.caption("Partners outside both blocs are left out of the bars; the Arms and Exercises pages show them.")

st.subheader("Latest facts")
overview.latest_facts(filters)
