"""The app opens on the overview page and shows what the database holds."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.apptest import figures_by_key, open_app, sum_by


@pytest.fixture
def db_copy(fixture_db, tmp_path):
    target = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, target)
    return target


def _bars(at) -> dict[str, float]:
    # West is drawn above the axis, East below: signed sums per bloc
    return sum_by(figures_by_key(at)["overview"], "legendgroup")


def test_overview_shows_engagement_by_bloc(monkeypatch, db_copy):
    at = open_app(monkeypatch, db_copy)
    assert at.title[0].value == "Serbia Alignment Monitor"
    # fixture: East = 2 arms deals + 1 exercise with China; West = 1 EU event (EU statements are not counted)
    assert _bars(at) == {"East": -3, "West": 1}


def test_year_filter_changes_the_chart(monkeypatch, db_copy):
    at = open_app(monkeypatch, db_copy)
    at.slider(key="years").set_value((2018, 2023)).run()
    assert _bars(at) == {"East": -1}  # inside 2018-2023: the 2020 order (the 2020 EU statement is not counted)


def test_recent_facts_are_escaped_and_sourced(monkeypatch, db_copy):
    at = open_app(monkeypatch, db_copy)
    lines = [m.value for m in at.markdown]
    assert any("Drill One" in line for line in lines)
    assert any("&lt;b&gt;not&lt;/b&gt; HTML" in line for line in lines)  # the excerpt's HTML is shown, not run
    assert not any("<b>" in line for line in lines)
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Source: [Fixture source A](https://example.org/a)") for c in captions)


def test_missing_database_is_built_on_start(monkeypatch, tmp_path):
    target = tmp_path / "fresh.duckdb"
    at = open_app(monkeypatch, target)
    assert target.exists()
    assert at.get("plotly_chart")  # built from data/ and shown


def test_stale_database_is_flagged(monkeypatch, db_copy):
    os.utime(db_copy, (0, 0))  # older than every CSV
    at = open_app(monkeypatch, db_copy)
    assert any("changed since the database was built" in w.value for w in at.warning)
