"""The database failing under a reader: missing, damaged, truncated, replaced while read, built by many at once.
A reader gets a plain message, never a traceback or a server path, and the app recovers without a restart."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pipeline.build import build
from dashboard.store import database
from dashboard.store.database import DatabaseUnavailable, SharedConnection
from tests.apptest import APP, empty_copy
from tests.conftest import FIXTURE


def _load(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def _assert_plain_error(at: AppTest, db: Path) -> None:
    assert not at.exception, at.exception  # no traceback element
    errors = [e.value for e in at.error]
    assert errors, "no message for the reader"
    shown = " ".join(errors)
    assert str(db.parent) not in shown and "Traceback" not in shown and "duckdb" not in shown.lower()
    assert "try" in shown  # what to do: try again, reload


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_database_gives_a_plain_message_and_recovers(damage, monkeypatch, tmp_path, fixture_db):
    db = tmp_path / "alignment.duckdb"
    good = fixture_db.read_bytes()
    db.write_bytes({"garbage": b"not a database " * 1000, "truncated": good[: len(good) // 3], "empty": b""}[damage])
    _assert_plain_error(_load(monkeypatch, db), db)
    shutil.copy(fixture_db, db)  # the file is good again: the next load works, same process
    at = _load(monkeypatch, db)
    assert not at.exception and not at.error
    assert at.get("plotly_chart")


def test_a_deleted_database_is_rebuilt_once_for_readers_arriving_together(tmp_path, monkeypatch):
    """Eight readers find the file missing at once: one build, everyone gets the database."""
    data = empty_copy(FIXTURE, tmp_path / "data")
    db = tmp_path / "alignment.duckdb"
    builds = []
    real_build = build

    def counting_build(*args, **kwargs):
        builds.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr("dashboard.pipeline.build.build", counting_build)
    errors: list[BaseException] = []

    def reader():
        try:
            database.ensure_built(db, data)
            SharedConnection(db).cursor().execute("SELECT count(*) FROM countries").fetchone()
        except BaseException as err:  # collected: a thread's exception would otherwise vanish
            errors.append(err)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == [] and len(builds) == 1
    assert not list(tmp_path.glob("*.tmp"))


def test_a_database_that_cannot_be_built_says_so_plainly(tmp_path):
    data = empty_copy(FIXTURE, tmp_path / "data")
    (data / "curated" / "countries.csv").write_text("not,a,header\n", encoding="utf-8")
    with pytest.raises(DatabaseUnavailable) as err:
        database.ensure_built(tmp_path / "x.duckdb", data)
    assert "could not be prepared" in str(err.value) and str(tmp_path) not in str(err.value)


def test_rebuilds_while_sessions_read_lose_no_query_and_show_the_new_data(tmp_path):
    """Sessions query through one shared connection while the file is rebuilt again and again."""
    small = empty_copy(FIXTURE, tmp_path / "small")
    db = tmp_path / "alignment.duckdb"
    build(FIXTURE, db)
    shared = SharedConnection(db)
    seen: set[int] = set()
    failures: list[BaseException] = []
    stop = threading.Event()

    def session():
        while not stop.is_set():
            try:
                cur = shared.cursor()
                seen.add(cur.execute("SELECT count(*) FROM fact_sources").fetchone()[0])
                cur.execute("SELECT count(*) FROM engagement e JOIN facts f USING (fact_table, fact_id)").fetchone()
            except BaseException as err:
                failures.append(err)
            time.sleep(0.005)  # a reader's pace, not a spin that starves the rebuilds

    readers = [threading.Thread(target=session) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for i in range(8):
            build(small if i % 2 == 0 else FIXTURE, db)
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=30)
    assert failures == []
    full = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM fact_sources").fetchone()[0]
    assert {0, full} <= seen  # both versions of the file were read


def test_a_csv_newer_than_the_database_makes_it_stale_and_the_answer_is_reused_briefly(tmp_path):
    data = tmp_path / "data"
    (data / "curated").mkdir(parents=True)
    csv = data / "curated" / "events.csv"
    csv.write_text("a\n1\n")
    db = tmp_path / "alignment.duckdb"
    db.write_bytes(b"")
    os.utime(csv, (1_000, 1_000))
    os.utime(db, (2_000, 2_000))
    assert not database.is_stale(db, data, every=0)
    os.utime(csv, (3_000, 3_000))  # edited after the build
    assert database.is_stale(db, data, every=0) is True
    os.utime(csv, (1_000, 1_000))
    assert database.is_stale(db, data, every=3600) is True  # within the interval: the folder is not walked again
    assert database.is_stale(db, data, every=0) is False
    assert database.is_stale(tmp_path / "missing.duckdb", data, every=0) is False
