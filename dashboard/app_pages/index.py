"""East–West index: one measure per year of where Serbia stands, with its uncertainty band."""

from __future__ import annotations

import streamlit as st

from dashboard.components import cached_table, chart_panel
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.views import index
from dashboard.views.index_data import normalised, weight_sliders

st.title(_("East–West index"))
st.caption(
    _(
        "Each year: UN votes, CFSP alignment, arms deliveries and orders, and military exercises, each scaled from "
        "−1 (fully East) to +1 (fully West), averaged with the weights in the sidebar. The band shows how far the "
        "value moves under other reasonable choices (Method page). EU statements are not in the index: they are "
        "how the EU sees Serbia, drawn beside it."
    )
)

filters = sidebar_filters(compare=True)
pcts = weight_sliders()
if normalised(pcts) is None:
    st.warning(_("Give at least two components a weight: one component alone is not an index."))
    st.stop()

st.caption(_("Partner and bloc filters do not apply to the index: every component weighs West against East."))
chart_panel.show(index.index_chart(filters, pcts), filters, hint=_("the band is the 5–95 % range of the Monte Carlo."))

st.subheader(_("Components"))
chart_panel.show(index.components_chart(filters, pcts), filters, hint=_("click a point to see the facts behind it."))

st.subheader(_("Coverage: which components carried each year (weights in %)"))
cached_table.show(index.coverage_table(filters, pcts))

st.subheader(_("Sensitivity to the weights"))
chart_panel.show(index.sensitivity_chart(filters, pcts), filters, hint=_("each line moves one weight."))

st.subheader(_("Comparison"))
cached_table.show(index.rank_table(filters, pcts))
st.caption(
    _("Rank 1 = furthest West that year; the rank band is the 5–95 % range of ranks over the Monte Carlo draws.")
)
