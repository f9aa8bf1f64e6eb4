"""Exercises page: timeline by partner, count per year by bloc, map, suspensions shaded."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.apptest import empty_database, figures_by_key, open_app, rerun, texts, traces

PAGE = "app_pages/exercises.py"
DAY_MS = 24 * 3600 * 1000


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, PAGE, query)


def _charts(at) -> dict[str, dict]:
    return figures_by_key(at)


def _shaded(fig: dict) -> list[tuple[str, str]]:
    return [(s["x0"][:10], s["x1"][:10]) for s in fig["layout"].get("shapes", []) if s.get("type") == "rect"]


def test_default_view_has_timeline_counts_map_and_suspensions(app):
    charts = _charts(app())
    bar = traces(charts["exercise_timeline"])["East"]
    assert bar["y"] == ["China"] and pd.Timestamp(bar["base"][0]) == pd.Timestamp("2025-07-19")
    assert bar["x"] == [10 * DAY_MS]  # 19 to 28 July, both days included
    assert _shaded(charts["exercise_timeline"]) == [("2021-02-01", "2021-12-31")]
    per_year = traces(charts["exercises_per_year"])
    assert {n: t["y"] for n, t in per_year.items()} == {"East": [1]}
    assert _shaded(charts["exercises_per_year"]) == [("2021-02-01", "2021-12-31")]
    where = traces(charts["exercise_map"], "scattergeo")
    assert (where["East"]["lat"], where["East"]["lon"]) == ([38.0], [114.5])
    assert "Belgrade" in where


def test_year_filter_drops_suspensions_outside_the_range(app):
    at = app()
    at.slider(key="years").set_value((2022, 2025))
    charts = _charts(rerun(at))
    assert _shaded(charts["exercise_timeline"]) == []
    assert traces(charts["exercises_per_year"])["East"]["y"] == [1]


def test_bloc_filter_empties_every_chart(app):
    at = app()
    at.pills(key="blocs").set_value(["West", "Other"])
    rerun(at)
    assert not at.get("plotly_chart")
    assert sum("no data for these filters" in i for i in texts(at, "info")) == 3


def test_bad_url_years_are_ignored_with_a_note(app):
    at = app(years=["2030", "2040"])
    assert any("reach outside the data" in i for i in texts(at, "info"))
    assert at.slider(key="years").value == (2012, 2025)
    assert len(at.get("plotly_chart")) == 3


def test_empty_database_shows_empty_states(monkeypatch, tmp_path):
    at = open_app(monkeypatch, empty_database(tmp_path), PAGE)
    assert not at.get("plotly_chart")
    assert sum("no data for these filters" in i for i in texts(at, "info")) == 3
