"""UN votes: how often Serbia (and the compared candidates) votes with Russia, China, the US and the EU
majority in the General Assembly, and how each voted on the key resolutions."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel, page_params
from dashboard.components.filters import sidebar_filters
from dashboard.views import un_votes

st.title("UN votes")
st.caption("Serbia's votes in the UN General Assembly beside those of Russia, China, the US and the EU members.")

filters = sidebar_filters(compare=True)
page_params.note_unusable({"measure": un_votes.MEASURES})

st.subheader("Voting agreement per year")
measure = st.radio(
    "Agreement measure",
    list(un_votes.MEASURES),
    horizontal=True,
    key="measure",
    bind="query-params",
    help="How a pair of votes is scored; see the note below the chart.",
)
chart_panel.show(
    un_votes.agreement_chart(filters, measure), filters, hint="Click a point to see the year's figure and its source."
)
st.caption(un_votes.MEASURE_HELP)
st.caption(un_votes.SERIES_HELP)

st.subheader("Key votes")
un_votes.key_votes_table(filters)
