"""Chart downloads carry title, filters and sources; a clicked point maps back to its facts."""

from __future__ import annotations

import html
import io
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.components import export
from dashboard.components.chart_panel import Chart, fact_refs, selected_refs
from dashboard.style import text

DATA = pd.DataFrame(
    {
        "year": [2017, 2020],
        "n": [1, 2],
        "fact_table": ["arms_transfers", "arms_transfers"],
        "fact_ids": [["t2"], ["t1", "t3"]],
    }
)
SOURCES = pd.DataFrame(
    {
        "source_id": ["s1", "s2"],
        "title": ["Register, 2024", "Report"],
        "url": ["https://a.example/x", "https://b.example/y"],
        "publisher": ["SIPRI", "Ministry"],
        "published_on": [pd.Timestamp("2024-03-01"), pd.NaT],
        "n_facts": [2, 1],
    }
)


def _figure() -> go.Figure:
    return go.Figure(go.Bar(x=DATA["year"], y=DATA["n"], customdata=DATA.index.to_list(), name="deals"))


def test_csv_has_a_header_and_exactly_the_plotted_rows():
    raw = export.csv_bytes(DATA, "Deals per year", "Years 2010–2020 · partners: all", SOURCES).decode()
    header = [line for line in raw.splitlines() if line.startswith("#")]
    assert header[0] == "# Serbia Alignment Monitor: Deals per year"
    assert header[1] == "# Filters: Years 2010–2020 · partners: all"
    assert "# Source: Register, 2024 — SIPRI, 2024-03-01 <https://a.example/x>" in header
    back = pd.read_csv(io.StringIO(raw), comment="#")
    assert back["year"].tolist() == [2017, 2020] and back["n"].tolist() == [1, 2]
    assert back["fact_ids"].tolist() == ["t2", "t1; t3"]


def test_source_line_names_publishers_once_and_counts_the_rest():
    many = pd.DataFrame({"publisher": ["A", "B", "A", "C", "D", "E", "F"]})
    assert export.source_line(many) == "Sources: A; B; C; D and 2 more · Serbia Alignment Monitor"
    assert export.source_line(SOURCES.iloc[0:0]).startswith("Sources: none cited")


@pytest.mark.browser  # kaleido renders with Debian chromium
def test_svg_has_title_filters_and_sources_drawn_in():
    svg = export.image_bytes(_figure(), "svg", "Deals <per> year", "Years 2010–2020", "Sources: SIPRI").decode()
    assert svg.startswith("<svg")
    assert "<per>" not in svg  # text from the data stays text, never markup
    shown = html.unescape(svg)
    for drawn in ("Deals <per> year", "Years 2010–2020", "Sources: SIPRI"):
        assert drawn in shown


@pytest.mark.browser  # kaleido renders with Debian chromium
def test_png_is_a_png():
    png = export.image_bytes(_figure(), "png", "Deals", "Years", "Sources: SIPRI")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError):
        export.image_bytes(_figure(), "gif", "Deals", "Years", "Sources")


def test_a_clicked_bar_maps_to_its_facts():
    chart = Chart("deals", "Deals", _figure(), DATA, alt="", sources=SOURCES)
    assert selected_refs(chart, [{"curve_number": 0, "point_index": 1}]) == ["arms_transfers:t1", "arms_transfers:t3"]
    assert selected_refs(chart, [{"curve_number": 0, "point_index": 0}, {"curve_number": 5, "point_index": 0}]) == [
        "arms_transfers:t2"
    ]  # a point of an unknown trace is ignored
    assert selected_refs(chart, []) == []
    assert fact_refs(DATA) == ["arms_transfers:t1", "arms_transfers:t2", "arms_transfers:t3"]


@pytest.mark.browser  # kaleido renders with Debian chromium
def test_maps_export_from_the_bundled_world_outline():
    fig = go.Figure(go.Scattergeo(lat=[44.8], lon=[20.5], mode="markers"))
    fig.update_geos(showcountries=True, lonaxis_range=[0, 40], lataxis_range=[30, 55])
    svg = export.image_bytes(fig, "svg", "Map", "Years", "Sources").decode()
    # borders drawn (long path outlines) means the outline was found on disk, without any network
    outlines = [len(d) for d in re.findall(r' d="([^"]*)"', svg)]
    assert max(outlines) > 5000


def test_text_from_the_data_stays_text_in_figures():
    from dashboard.components.timeline import milestone_trace

    assert text.plotly_escape("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    events = pd.DataFrame({"date": [pd.Timestamp("2020-01-02")], "title": ["<i>Visit</i>"]})
    trace = milestone_trace(events, [0])
    assert trace.text == ("&lt;i&gt;Visit&lt;/i&gt;",)
    assert trace.hovertext == ("2020-01-02: &lt;i&gt;Visit&lt;/i&gt;",)
