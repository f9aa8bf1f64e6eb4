"""Exercises: Serbia's joint military exercises by partner and bloc, per year, on a map; suspensions shaded."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.views import coverage, exercises

st.title(_("Military exercises"))
st.caption(
    _(
        "Joint exercises with Serbian participation, by partner; grey bands mark periods when Serbia suspended "
        "exercises."
    )
)

filters = sidebar_filters()
chart_panel.show(exercises.timeline_chart(filters), filters)
per_year, where = st.columns(2)
with per_year:
    chart_panel.show(exercises.per_year_chart(filters), filters)
with where:
    chart_panel.show(exercises.map_chart(filters), filters)

st.subheader(_("How complete are these rows?"))
st.caption(
    _(
        "Our exercise rows per year against the totals that the Ministry of Defence, the Government or the Belgrade "
        "Centre for Security Policy's Balkan Defence Monitor published; years without a published total are listed "
        "too."
    )
)
coverage.show_exercise_coverage(filters)
