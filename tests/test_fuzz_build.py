"""Hostile build input: a generated value in any cell of any table either builds or fails with
`file:line: column: message` for every problem; never a traceback, never a partial or changed database."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.pipeline.build import build
from dashboard.pipeline.problems import DataError
from dashboard.schema.tables import TABLES
from tests.conftest import FIXTURE

PROBLEM = re.compile(r"^(curated|imported/[a-z_]+)/[a-z_]+\.csv:\d+: [^:]+: .+", re.S)
cells = st.one_of(
    st.text(max_size=20),
    st.text(min_size=1900, max_size=2200),
    st.sampled_from(["", " ", "-1", "1e400", "nan", "2026-02-30", "9999-12-31", "true", "NULL", '"', "a,b", "\x00"]),
    st.characters(min_codepoint=0, max_codepoint=0x1F).map(str),
)
# a table with rows in the fixture, a column of it, a data row, and the value to put there
targets = st.sampled_from([t for t in TABLES if (FIXTURE / "curated" / t.filename).exists()])


def _rewrite(path: Path, row: int, column: int, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    if len(rows) < 2:
        return
    rows[1 + row % (len(rows) - 1)][column % len(rows[0])] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(table=targets, row=st.integers(0, 50), column=st.integers(0, 30), value=cells)
def test_any_cell_builds_or_is_reported_at_its_place(tmp_path_factory, table, row, column, value):
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    out = root / "alignment.duckdb"
    build(data, out)
    before = out.read_bytes()
    _rewrite(data / "curated" / table.filename, row, column, value)
    try:
        build(data, out)
    except DataError as err:
        assert err.problems, "a failed build names at least one problem"
        for problem in err.problems:
            assert PROBLEM.match(str(problem)), str(problem)
        assert out.read_bytes() == before  # the previous database is untouched
    assert not list(root.glob("*.tmp"))
