"""bench/floor_app.py: the floor app draws the same elements as the page it stands for, with trivial content."""

from collections import Counter

from streamlit.testing.v1 import AppTest

from bench.floor_app import element_types, floor_script

PAGE = """
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
st.sidebar.slider("Years", 2006, 2026, (2006, 2026), key="years")
st.sidebar.pills("Language", ["en", "sr"], key="lang")
st.title("A page")
with st.container():
    st.caption("Sources: a, b")
    st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 5, 6])), key="chart")
st.dataframe(pd.DataFrame({"x": range(50)}))
st.button("Download", key="download")
st.metric("Latest", 0.42)
"""


def _run(source: str) -> AppTest:
    at = AppTest.from_string(source, default_timeout=30).run()
    assert not at.exception
    return at


def test_the_floor_draws_the_same_kinds_of_element_as_many_times_in_the_same_place():
    page = element_types(_run(PAGE))
    source, left_out = floor_script(page)
    floor = element_types(_run(source))
    assert left_out == []
    assert {root: Counter(types) for root, types in floor.items()} == {
        root: Counter(types) for root, types in page.items()
    }
    assert "plotly_chart" in page["main"] and "slider" in page["sidebar"]  # the walk sees nested and sidebar


def test_an_element_without_a_call_is_reported_not_silently_dropped():
    source, left_out = floor_script({"sidebar": [], "main": ["title", "graphviz_chart"]})
    assert left_out == ["graphviz_chart"]
    assert "st.title" in source
