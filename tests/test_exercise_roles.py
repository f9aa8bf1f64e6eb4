"""An exercise Serbia only observed (serbia_role `observer`, e.g. Zapad 2025) is drawn on the timeline but not
counted: not in the per-year counts, the coverage against published totals, the overview's activity counts or
the index (counted_role)."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.pipeline.build import build
from dashboard.schema.military_tables import COUNTED_ROLES
from dashboard.store import queries
from tests.apptest import open_app
from tests.figures import figures_by_key


def _with_observed_exercise(data_dir):
    """The fixture plus a copy of its first exercise, with Russia, that Serbia only observed."""
    curated = data_dir / "curated"
    exercises = pd.read_csv(curated / "exercises.csv", dtype=str, keep_default_na=False)
    observed = exercises.iloc[0].copy()
    observed["exercise_id"], observed["name"], observed["serbia_role"] = "x-observed", "Observed Drill", "observer"
    pd.concat([exercises, observed.to_frame().T]).to_csv(curated / "exercises.csv", index=False)
    with open(curated / "exercise_participants.csv", "a", encoding="utf-8") as f:
        f.write("x-observed,SRB\nx-observed,RUS\n")
    with open(curated / "fact_sources.csv", "a", encoding="utf-8") as f:
        f.write("exercises,x-observed,src-a,\n")
    out = data_dir.parent / "observed.duckdb"
    build(data_dir, out)
    return out, int(observed["start_date"][:4])


def test_an_observed_exercise_is_not_counted(data_dir, fixture_db):
    db, year = _with_observed_exercise(data_dir)
    con, plain = duckdb.connect(str(db), read_only=True), duckdb.connect(str(fixture_db), read_only=True)
    params = {"country": "SRB", "year_from": year, "year_to": year, "partners": [], "blocs": ["West", "East", "Other"]}
    assert "observer" not in COUNTED_ROLES
    for name in ("pages/exercise_coverage", "pages/exercises_by_bloc", "pages/engagement_counts"):
        with_it, without = queries.run(con, name, **params), queries.run(plain, name, **params)
        counted = next(c for c in ("our_rows", "exercises", "n") if c in with_it)
        assert with_it[counted].tolist() == without[counted].tolist(), name
        assert not any("x-observed" in list(ids) for ids in with_it["fact_ids"]), name
    assert "x-observed" not in set(queries.run(con, "pages/index_exercises")["fact_id"])


def test_the_timeline_draws_it_as_observed(monkeypatch, data_dir):
    db, year = _with_observed_exercise(data_dir)
    at = open_app(monkeypatch, db, "app_pages/exercises.py", {"years": [str(year), str(year)]})
    assert not at.exception
    timeline = figures_by_key(at)["exercise_timeline"]
    observed = [t for t in timeline["data"] if t["name"].endswith("Serbia observed")]
    assert len(observed) == 1 and observed[0]["marker"]["pattern"]["shape"] == "."
    assert "Observed Drill" in {c[1] for c in observed[0]["customdata"]}
