"""Chart titles on narrow screens (phones, a laptop with the sidebar open).

A Plotly title is one line of SVG text: it cannot wrap, and a long one is cut off at the chart's edge. Where
the page's main column is narrower than about `WIDE_ENOUGH_PX`, the Plotly title is hidden and the same
title is shown above the chart as text that wraps. The main column is the window less Streamlit's side
padding and, when it is open beside the page, the sidebar: media queries on the window, one with the sidebar
open. (A CSS container query on the main column would measure it exactly, but a size container is the
containing block of its fixed-position descendants, and Streamlit's "view fullscreen" is one of them.)
"""

from __future__ import annotations

import streamlit as st

from dashboard.style.text import md_escape

WIDE_ENOUGH_PX = 800  # the longest titles (the overview's, ≈ 640 px at Plotly's title size) fit above this
PADDING_PX = 160  # Streamlit's wide layout: 5rem each side of the main column
SIDEBAR_PX = 300  # the sidebar's default width, beside the page on a wide window
KEY_SUFFIX = "_wrapped_title"

_NARROW_RULES = f"""div[class*="{KEY_SUFFIX}"] {{ display: block; }}
  [data-testid="stPlotlyChart"] .infolayer .gtitle {{ display: none; }}"""
_WITH_SIDEBAR = 'body:has([data-testid="stSidebar"][data-collapsed="false"])'

CSS = f"""<style>
div[class*="{KEY_SUFFIX}"] {{ display: none; }}
div[class*="{KEY_SUFFIX}"] p {{ font-size: 1.05rem; font-weight: 600; line-height: 1.3; margin: 0; }}
@media (max-width: {WIDE_ENOUGH_PX + PADDING_PX}px) {{
  {_NARROW_RULES}
}}
@media (max-width: {WIDE_ENOUGH_PX + PADDING_PX + SIDEBAR_PX}px) {{
  {_WITH_SIDEBAR} div[class*="{KEY_SUFFIX}"] {{ display: block; }}
  {_WITH_SIDEBAR} [data-testid="stPlotlyChart"] .infolayer .gtitle {{ display: none; }}
}}
</style>"""


def page_css() -> None:
    """Once per script run, before the charts (the style element takes no room on the page)."""
    st.html(CSS)


def wrapped_title(chart_key: str, title: str) -> None:
    """The chart's title as wrapping text, shown only where the Plotly title would be cut off."""
    with st.container(key=f"{chart_key}{KEY_SUFFIX}"):
        st.markdown(md_escape(title))
