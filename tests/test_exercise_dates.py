"""Exercise dates known to different precision at each end: the timeline bar spans what is known."""

from __future__ import annotations

import csv

import duckdb
import pandas as pd

from dashboard.pipeline.build import build
from dashboard.store import queries
from dashboard.views.exercises import when
from tests.apptest import figures_by_key, open_app, traces

DAY_MS = 24 * 3600 * 1000


def _add_exercise(data_dir, row: dict) -> None:
    curated = data_dir / "curated"
    with (curated / "exercises.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    with (curated / "exercises.csv").open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, header).writerow(row)
    with (curated / "exercise_participants.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(f"{row['exercise_id']},SRB\n{row['exercise_id']},USA\n")
    with (curated / "fact_sources.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(f"exercises,{row['exercise_id']},src-a,\n")


def _partners(db) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return queries.run(
            con,
            "pages/exercise_partners",
            country="SRB",
            year_from=2000,
            year_to=2100,
            partners=[],
            blocs=["West", "East", "Other"],
        ).set_index("exercise_id")
    finally:
        con.close()


BASE = {
    "name": "Drill",
    "name_sr": "Vežba",
    "host_iso3": "SRB",
    "domain": "land",
    "serbia_role": "host",
    "confidence": "high",
}


def test_month_start_and_day_end_draw_the_reported_length(data_dir, tmp_path):
    _add_exercise(
        data_dir,
        BASE
        | {"exercise_id": "x-ten", "start_date": "2025-09-01", "end_date": "2025-10-07", "date_precision": "month"}
        | {"end_precision": "day", "duration_days": "10"},
    )
    _add_exercise(
        data_dir,
        BASE
        | {"exercise_id": "x-end", "start_date": "2015-01-01", "end_date": "2015-09-05", "date_precision": "year"}
        | {"end_precision": "day"},
    )
    db = tmp_path / "t.duckdb"
    build(data_dir, db)
    d = _partners(db)
    ten, end_only = d.loc["x-ten"], d.loc["x-end"]
    assert pd.Timestamp(ten["bar_start"]) == pd.Timestamp("2025-09-28")  # ten days ending 7 October
    assert pd.Timestamp(end_only["bar_start"]) == pd.Timestamp("2015-09-05")  # only the end day is known
    assert when(ten) == "Sep 2025 – 2025-10-07 (10 days)" and when(end_only) == "2015 – 2015-09-05"


def test_an_exact_start_keeps_its_bar_start(fixture_db):
    d = _partners(fixture_db)
    assert (pd.to_datetime(d["bar_start"]) == pd.to_datetime(d["start_date"])).all()


def test_dates_known_only_to_the_month_or_year_are_drawn_apart(data_dir, tmp_path, monkeypatch):
    _add_exercise(data_dir, BASE | {"exercise_id": "x-month", "start_date": "2019-03-01", "date_precision": "month"})
    _add_exercise(data_dir, BASE | {"exercise_id": "x-year", "start_date": "2019-01-01", "date_precision": "year"})
    _add_exercise(
        data_dir,
        BASE
        | {"exercise_id": "x-ten", "start_date": "2025-09-01", "end_date": "2025-10-07", "date_precision": "month"}
        | {"end_precision": "day", "duration_days": "10"},
    )
    db = tmp_path / "t.duckdb"
    build(data_dir, db)
    d = _partners(db)
    assert d.loc["x-month", "approximate"] and d.loc["x-year", "approximate"]
    assert not d.loc["x-ten", "approximate"] and not d.loc["x1", "approximate"]  # one end known to the day

    at = open_app(monkeypatch, db, "app_pages/exercises.py")
    timeline = traces(figures_by_key(at)["exercise_timeline"])
    faint = timeline["West: dates known only to the month or year"]
    assert sorted(faint["x"]) == [31 * DAY_MS, 365 * DAY_MS]  # March 2019, and all of 2019: when, not how long
    assert faint["marker"]["color"].startswith("rgba(") and faint["marker"]["color"].endswith(", 0.3)")  # faint fill
    assert 10 * DAY_MS in timeline["West"]["x"]  # the reported length back from the day-exact end
