"""UN votes: how often Serbia (and the compared candidates) votes with Russia, China, the US and the EU
majority in the General Assembly, and how each voted on the key resolutions."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel, page_params
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.views import un_agreement, un_key_votes

st.title(_("UN votes"))
st.caption(_("Serbia's votes in the UN General Assembly beside those of Russia, China, the US and the EU members."))

filters = sidebar_filters(compare=True)
# the radio writes its visible label into the URL: the label in the reader's language -> the measure
measures = {_(m): m for m in un_agreement.MEASURES}
page_params.note_unusable({"measure": measures})

st.subheader(_("Voting agreement per year"))
chosen = st.radio(
    _("Agreement measure"),
    list(measures),
    horizontal=True,
    key="measure",
    bind="query-params",
    help=_("How a pair of votes is scored; see the note below the chart."),
)
measure = measures.get(chosen, next(iter(un_agreement.MEASURES)))
chart_panel.show(
    un_agreement.agreement_chart(filters, measure),
    filters,
    hint=_("Click a point to see the year's figure and its source."),
)
st.caption(_(un_agreement.MEASURE_HELP))
st.caption(_(un_agreement.SERIES_HELP))

st.subheader(_("Key votes"))
un_key_votes.key_votes_table(filters)
