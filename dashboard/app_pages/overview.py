"""Overview: the East–West index with its band and the EU assessment beside it, then Serbia's activity with
East and West per year (facts counted), the CFSP rate, UN agreement and milestones."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.index.settings import NAMES
from dashboard.views import headlines, index, overview
from dashboard.views.index_data import DEFAULT_PCT

st.title(_("Serbia Alignment Monitor"))
st.caption(
    _("Serbia's course between East (Russia, China, Belarus) and West (EU, its members, US, NATO), year by year.")
)

filters = sidebar_filters()
headlines.headline_metrics(filters)
chart_panel.show(
    index.index_chart(filters, (DEFAULT_PCT,) * len(NAMES), "overview_index"),
    filters,
    hint=_("equal weights; the East–West index page changes them and compares countries, the Method page explains."),
)

st.subheader(_("Activity"))
chart_panel.show(overview.overview_chart(filters), filters)
st.caption(
    _(
        "Facts counted per year: what was recorded, not how much it weighs. EU statements are not counted as Western "
        "engagement (they are the EU's view of Serbia). Partners outside both blocs are left out of the bars; the Arms "
        "and Exercises pages show them."
    )
)

st.subheader(_("Latest facts"))
overview.latest_facts(filters)
