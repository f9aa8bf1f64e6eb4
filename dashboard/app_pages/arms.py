"""Arms: deals by supplier and year, by category, donations vs purchases, and the table of deals."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel
from dashboard.components.filters import page_choice, sidebar_filters
from dashboard.i18n import _
from dashboard.views import arms

st.title(_("Arms deals"))
st.caption(_("Orders and deliveries of major arms to Serbia by supplier, from SIPRI's register and official sources."))

filters = sidebar_filters()
measure_col, basis_col = st.columns(2)
with measure_col:
    measure = page_choice(_("Measure"), arms.MEASURES, key="measure")
with basis_col:
    basis = page_choice(_("Year of"), arms.BASES, key="basis")

chart_panel.show(arms.by_year_chart(filters, measure, basis), filters)
category, deal_type = st.columns(2)
with category:
    chart_panel.show(arms.by_category_chart(filters, measure), filters)
with deal_type:
    chart_panel.show(arms.deal_type_chart(filters, measure), filters)

st.subheader(_("Deals"))
arms.deals_table(filters)
