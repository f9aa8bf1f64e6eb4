"""Data & sources: every table to browse and download, a search over the sources, and the version of each
upstream dataset."""

from __future__ import annotations

import streamlit as st

from dashboard.components import page_params
from dashboard.components.filters import sidebar_filters
from dashboard.views import coverage, data_sources

st.title("Data & sources")
st.caption("Everything behind the charts: the curated tables, the sources every row cites, and downloads.")

filters = sidebar_filters()  # kept on this page too, so the filters carry over to the chart pages
st.sidebar.caption("The filters shape the charts on the other pages; the tables and downloads here are complete.")
page_params.note_unusable({"table": data_sources.TABLES})

st.subheader("Dataset version")
data_sources.version()

st.subheader("Download everything")
data_sources.downloads()

st.subheader("Browse a table")
name = st.selectbox("Table", data_sources.TABLES, key="table", bind="query-params")
data_sources.browse(name)

st.subheader("Search the sources")
term = st.text_input(
    "Search sources by title, publisher, URL, id or notes",
    key="q",
    bind="query-params",
    max_chars=200,
    placeholder="e.g. SIPRI, ISAC, Commission report",
)
data_sources.sources_search(term)

st.subheader("Completeness: exercise rows against published totals")
st.caption(
    "Published counts are in the table reported_totals, each with its source; the year range follows the filters."
)
coverage.show_exercise_coverage(filters)

st.subheader("Upstream datasets and their vintages")
data_sources.vintages()
