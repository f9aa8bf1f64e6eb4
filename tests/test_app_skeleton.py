"""The app opens on the overview page and shows what the database holds."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.figures import figures, totals_by_trace

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def _run(monkeypatch, db) -> AppTest:
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def _bars(at: AppTest) -> dict[str, float]:
    return totals_by_trace(figures(at)[0])


@pytest.fixture
def db_copy(fixture_db, tmp_path):
    target = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, target)
    return target


def test_overview_shows_engagement_by_bloc(monkeypatch, db_copy):
    at = _run(monkeypatch, db_copy)
    assert at.title[0].value == "Serbia Alignment Monitor"
    # fixture: East = 2 arms deals + 1 exercise with China; West = 1 EU statement + 1 EU event
    assert _bars(at) == {"East": 3, "West": 2}


def test_year_filter_changes_the_chart(monkeypatch, db_copy):
    at = _run(monkeypatch, db_copy)
    at.slider(key="years").set_value((2018, 2023)).run()
    assert _bars(at) == {"East": 1}  # only the 2020 order is inside 2018-2023


def test_recent_facts_are_escaped_and_sourced(monkeypatch, db_copy):
    at = _run(monkeypatch, db_copy)
    lines = [m.value for m in at.markdown]
    assert any("Drill One" in line for line in lines)
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Source: [Fixture source A](https://example.org/a)") for c in captions)


def test_missing_database_is_built_on_start(monkeypatch, tmp_path):
    target = tmp_path / "fresh.duckdb"
    at = _run(monkeypatch, target)
    assert target.exists()
    assert at.get("plotly_chart")  # built from data/ and shown


def test_stale_database_is_flagged(monkeypatch, db_copy):
    os.utime(db_copy, (0, 0))  # older than every CSV
    at = _run(monkeypatch, db_copy)
    assert any("changed since the database was built" in w.value for w in at.warning)
