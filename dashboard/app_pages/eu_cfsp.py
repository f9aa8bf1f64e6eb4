"""EU & CFSP: Serbia's CFSP alignment rate per issuer, compared with the other candidates, and the EU's
statements on Serbia's alignment coloured by stance."""

from __future__ import annotations

import streamlit as st

from dashboard.components import chart_panel, page_params
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.views import cfsp_rates, cfsp_recount, eu_statements

st.title(_("EU & CFSP"))
st.caption(_("How far Serbia follows the EU's Common Foreign and Security Policy, and what the EU says about it."))

filters = sidebar_filters(compare=True)
topics = eu_statements.topics()
page_params.note_unusable({"topics": [eu_statements.topic_label(t) for t in topics]})

st.subheader(_("CFSP alignment rate"))
chart_panel.show(cfsp_rates.cfsp_chart(filters), filters, hint=_("Click a point to see the figure's sources."))
st.caption(
    _(
        "Each issuer keeps its own line: the European Commission counts over its report year, the ISAC Fund "
        "per calendar year, and their figures are never merged. A bar spans the period a figure covers; "
        "the point sits at its middle. Use **Compare with** in the sidebar to add the other candidates."
    )
)
cfsp_recount.show_recount(filters)

st.subheader(_("EU statements"))
# the URL holds the topic's label in the link's language, as it holds partners and blocs (docs/i18n.md)
chosen = st.multiselect(
    _("Statement topics"),
    topics,
    format_func=eu_statements.topic_label,
    key="topics",
    placeholder=_("All topics"),
    bind="query-params",
)
chart_panel.show(
    eu_statements.statements_chart(filters, tuple(chosen)),
    filters,
    hint=_("Click a point to read the statement and its sources."),
)
eu_statements.codebook()
eu_statements.statement_list(filters, tuple(chosen))
