"""Integrity of the project's real curated data, so later edits cannot quietly break it."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.pipeline.build import CHECKS
from dashboard.store import queries


@pytest.fixture(scope="module")
def con(real_db):
    connection = duckdb.connect(str(real_db), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize("check", CHECKS)
def test_integrity_rule_holds(con, check):
    """Each queries/check_*.sql rule (every fact sourced, dates ordered, Serbia in every exercise …)."""
    violations = queries.run(con, check)
    assert violations.empty, violations.to_string()


def test_research_tables_reach_their_size(con):
    counts = dict(queries.run(con, "table_counts").itertuples(index=False))
    assert counts["exercises"] >= 40
    assert counts["eu_statements"] >= 40
    assert counts["events"] >= 30


def test_stances_and_dates_are_in_range(con):
    low, high = con.execute("SELECT min(stance), max(stance) FROM eu_statements").fetchone()
    assert -2 <= low <= high <= 2
    backwards = con.execute("SELECT count(*) FROM exercises WHERE end_date < start_date").fetchone()[0]
    assert backwards == 0
    outside = con.execute("SELECT count(*) FROM cfsp_alignment WHERE period_end < period_start").fetchone()[0]
    assert outside == 0


def test_every_exercise_has_serbia_and_a_partner(con):
    lonely = con.execute(
        "SELECT exercise_id FROM exercises e WHERE NOT EXISTS (SELECT 1 FROM exercise_participants p "
        "WHERE p.exercise_id = e.exercise_id AND p.iso3 <> 'SRB')"
    ).fetchall()
    assert lonely == []


def test_contested_values_carry_their_alternatives(con):
    """Every alternative points at an existing fact and names its own source."""
    orphans = con.execute(
        "SELECT a.fact_table, a.fact_id FROM alternatives a ANTI JOIN engagement e "
        "ON e.fact_table = a.fact_table AND e.fact_id = a.fact_id "
        "WHERE a.fact_table IN ('exercises', 'eu_statements', 'events')"
    ).fetchall()
    assert orphans == []
    names = con.execute(
        "SELECT count(*) FROM alternatives WHERE fact_table = 'exercises' AND field = 'name'"
    ).fetchone()[0]
    assert names >= 1  # the 2025 China drill's names differ across sources
