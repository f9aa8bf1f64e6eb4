"""Data & sources: every table to browse and download, a search over the sources, and the version of each
upstream dataset."""

from __future__ import annotations

import streamlit as st

from dashboard.components import page_params
from dashboard.components.filters import sidebar_filters
from dashboard.i18n import _
from dashboard.views import coverage, data_sources

st.title(_("Data & sources"))
st.caption(_("Everything behind the charts: the curated tables, the sources every row cites, and downloads."))

filters = sidebar_filters()  # kept on this page too, so the filters carry over to the chart pages
st.sidebar.caption(_("The filters shape the charts on the other pages; the tables and downloads here are complete."))
page_params.note_unusable({"table": data_sources.TABLES})

st.subheader(_("Dataset version"))
data_sources.version()

st.subheader(_("Download everything"))
data_sources.downloads()

st.subheader(_("Browse a table"))
name = st.selectbox(_("Table"), data_sources.TABLES, key="table", bind="query-params")
data_sources.browse(name)

st.subheader(_("Search the sources"))
term = st.text_input(
    _("Search sources by title, publisher, URL, id or notes"),
    key="q",
    bind="query-params",
    max_chars=200,
    placeholder=_("e.g. SIPRI, ISAC, Commission report"),
)
data_sources.sources_search(term)

st.subheader(_("Completeness: exercise rows against published totals"))
st.caption(
    _("Published counts are in the table reported_totals, each with its source; the year range follows the filters.")
)
coverage.show_exercise_coverage(filters)

st.subheader(_("Upstream datasets and their vintages"))
data_sources.vintages()
