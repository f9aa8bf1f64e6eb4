"""The integrity rules of queries/checks/: each one, broken on a copy of the fixture data, fails the build
with its own message at the offending row; and the project's real data holds what the pages rely on."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.pipeline.build import build
from dashboard.pipeline.problems import DataError
from dashboard.store import queries

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file in the data folder, text, replacement, the one problem the build must report at {line}: the line
# of the broken row, or of the fact it concerns when that is another file)
def _line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert text in content, f"fixture text {text!r} not in {path.name}"
    return content[: content.index(text)].count("\n") + 1


def _fact_line(data_dir: Path, path: Path, old: str) -> int:
    """Where the build reports a broken row: the fact's own line (x1, e1 for link tables) or the row's."""
    if path.name == "exercise_participants.csv":
        return _line_of(data_dir / "curated" / "exercises.csv", "x1,")
    if path.name == "fact_sources.csv":
        return _line_of(data_dir / "curated" / "events.csv", "e1,")
    return _line_of(path, old)


BROKEN = {
    "year precision not on 1 January": (
        "curated/exercises.csv",
        "2025-07-19,2025-07-28,day",
        "2025-07-19,2025-07-28,year",
        'curated/exercises.csv:2: start_date: date precision "year" but start_date is not 1 January (checks/dates)',
    ),
    "exercise in the future": (
        "curated/exercises.csv",
        "2025-07-19,2025-07-28",
        f"{TOMORROW},",
        "curated/exercises.csv:{line}: start_date: date in the future (checks/dates)",
    ),
    "deliveries before the order": (
        "imported/sipri/arms_transfers.csv",
        "3,3,2020,2022,2023",
        "3,3,2020,2018,2023",
        "imported/sipri/arms_transfers.csv:{line}: delivery_first_year: deliveries start before the order (checks/dates)",
    ),
    "delivered but nothing delivered": (
        "imported/sipri/arms_transfers.csv",
        "3,3,2020,2022,2023",
        "3,0,2020,2022,2023",
        'imported/sipri/arms_transfers.csv:{line}: status: status "delivered" but nothing delivered (checks/dates)',
    ),
    "exercise without a foreign partner": (
        "curated/exercise_participants.csv",
        "x1,CHN\n",
        "",
        "curated/exercises.csv:{line}: exercise_id: no foreign participant (checks/exercise_participants)",
    ),
    "source read before it was published": (
        "curated/sources.csv",
        "2024-01-02,2026-11-25",
        "2026-11-26,2026-11-25",
        "curated/sources.csv:{line}: published_on: published after it was accessed (checks/source_dates)",
    ),
    "source read in the future": (
        "curated/sources.csv",
        "2024-01-02,2026-11-25",
        f"2024-01-02,{TOMORROW}",
        "curated/sources.csv:{line}: accessed_on: accessed in the future (checks/source_dates)",
    ),
    "fact without a source": (
        "curated/fact_sources.csv",
        "events,e1,src-a,\n",
        "",
        "curated/events.csv:{line}: fact_id: cites no source (add a line to curated/fact_sources.csv) "
        "(checks/unsourced_facts)",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_rule_fails_the_build_at_the_offending_row(case, data_dir, tmp_path):
    filename, old, new, expected = BROKEN[case]
    path = data_dir / filename
    expected = expected.format(line=_fact_line(data_dir, path, old))
    _replace(path, old, new)
    with pytest.raises(DataError) as err:
        build(data_dir, tmp_path / "x.duckdb")
    assert [str(p) for p in err.value.problems] == [expected]
    assert not (tmp_path / "x.duckdb").exists()


def test_every_rule_file_is_exercised_here():
    """A new file in queries/checks/ needs a broken case above."""
    covered = {expected.rsplit("(", 1)[1].rstrip(")") for *_, expected in BROKEN.values()}
    assert covered == set(queries.checks())


def test_rules_read_the_database_not_the_csv(fixture_db, tmp_path):
    """The unsourced-facts rule on a database whose citation was removed after the build."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, copy)
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM fact_sources WHERE fact_table = 'events' AND fact_id = 'e1'")
    found = queries.run(con, "checks/unsourced_facts")
    con.close()
    assert found[["fact_table", "fact_id"]].values.tolist() == [["events", "e1"]]


@pytest.fixture(scope="module")
def con(real_db):
    connection = duckdb.connect(str(real_db), read_only=True)
    yield connection
    connection.close()


def test_research_tables_reach_their_size(con):
    counts = dict(queries.run(con, "pages/table_counts").itertuples(index=False))
    assert counts["exercises"] >= 40
    assert counts["eu_statements"] >= 40
    assert counts["events"] >= 30


def test_contested_values_carry_their_alternatives(con):
    names = con.execute(
        "SELECT count(*) FROM alternatives WHERE fact_table = 'exercises' AND field = 'name'"
    ).fetchone()[0]
    assert names >= 1  # the 2025 China drill's names differ across sources
