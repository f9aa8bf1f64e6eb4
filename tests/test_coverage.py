"""The exercise coverage query and its place on the Exercises and Data & sources pages."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.store import queries
from tests.apptest import open_app
from tests.conftest import fixture_table


def _coverage(db, year_from=2024, year_to=2025):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return queries.run(con, "pages/exercise_coverage", country="SRB", year_from=year_from, year_to=year_to)
    finally:
        con.close()


def test_every_year_and_side_appears_and_gaps_stay_empty(fixture_db):
    d = _coverage(fixture_db)
    assert list(zip(d["year"], d["partner_group"])) == [(2024, "West"), (2024, "East"), (2025, "West"), (2025, "East")]
    gaps = d[(d["year"] == 2024) | (d["partner_group"] == "West")]
    assert gaps["published"].isna().all() and gaps["ratio"].isna().all()


def test_our_rows_are_measured_against_the_published_exercise_total(fixture_db):
    totals = fixture_table("reported_totals")
    published = totals[(totals["measure"] == "exercises") & (totals["partner_group"] == "East")].iloc[0]
    exercises = fixture_table("exercises")
    ours = exercises[exercises["start_date"].astype(str).str.startswith(str(published["year"]))]
    row = _coverage(fixture_db).query("year == @published.year and partner_group == 'East'").iloc[0]
    assert row["our_rows"] == len(ours) and row["published"] == published["n"]
    assert row["ratio"] == pytest.approx(len(ours) / published["n"], abs=1e-3)
    assert row["source_id"] == published["source_id"] and list(row["fact_ids"]) == list(ours["exercise_id"])


@pytest.mark.parametrize("page", ["app_pages/exercises.py", "app_pages/data_sources.py"])
def test_pages_show_the_coverage_table_with_its_gaps(monkeypatch, fixture_db, page):
    at = open_app(monkeypatch, fixture_db, page, {})
    tables = [t.value for t in at.dataframe if "partner_group" in t.value.columns and "our_rows" in t.value.columns]
    assert len(tables) == 1
    shown = tables[0]
    assert "no published total" in set(shown["status"]) and "below 90%" in set(shown["status"])
    assert any("No published total for" in c.value for c in at.caption)
