"""Build the DuckDB database from a data folder (`curated/` and `imported/<dataset>/`).

Steps: read every table's CSVs against its declaration → apply curated corrections to imported rows →
check keys, references and sourcing → write a new database file (DDL from the declarations, rows, staging
views and macros, integrity checks) → move it over the old file. Any problem stops the build before the move,
so a failed build leaves the previous database untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.index.tables import write_index_tables
from dashboard.paths import DATA_DIR, DEFAULT_DB
from dashboard.pipeline.cfsp_recomputed import write_cfsp_recomputed
from dashboard.pipeline.corrections import apply_corrections, read_corrections
from dashboard.pipeline.cross_checks import check_all
from dashboard.pipeline.dataset_info import write_dataset_info
from dashboard.pipeline.problems import DataError, Problem
from dashboard.pipeline.read_tables import Loaded, read_table
from dashboard.schema.ddl import schema_sql
from dashboard.schema.tables import TABLES
from dashboard.store import queries

# Steps that derive tables from the loaded rows inside the new database (after the staging views and macros,
# before the integrity checks), in order; each takes the open connection and the checked rows.
DERIVED_STEPS: list[Callable[[duckdb.DuckDBPyConnection, dict[str, Loaded]], None]] = [
    write_index_tables,  # east_west_index, east_west_components (dashboard/index/)
    write_cfsp_recomputed,  # cfsp_recomputed: our own rate from recorded declarations (pipeline/cfsp_recomputed.py)
    write_dataset_info,  # dataset_info: the version of the data (pipeline/dataset_info.py)
]


def load_all(data_dir: Path) -> dict[str, Loaded]:
    """Read, correct and check every table; raise DataError listing every problem, or return the rows."""
    problems: list[Problem] = []
    tables = {t.name: read_table(data_dir, t, problems) for t in TABLES}
    apply_corrections(read_corrections(data_dir, problems), tables, problems)
    check_all(tables, problems)
    if problems:
        raise DataError(problems)
    return tables


def _frame(loaded: Loaded) -> pd.DataFrame:
    # object dtype keeps ints, dates and None as Python values, so DuckDB casts them exactly
    records = [r.row for r in loaded.rows]
    return pd.DataFrame.from_records(records, columns=loaded.table.column_names).astype(object)


def integrity_problems(con: duckdb.DuckDBPyConnection, tables: dict[str, Loaded]) -> list[Problem]:
    """Run every queries/checks/ rule; report each violation at the file and line of the offending row."""
    where = {
        (name, r.row[loaded.table.key[0]]): (r.file, r.line) for name, loaded in tables.items() for r in loaded.rows
    }
    problems = []
    for check in queries.checks():
        for v in queries.run(con, check).itertuples(index=False):
            file, line = where.get((v.fact_table, v.fact_id), (f"{v.fact_table}.csv", 0))
            problems.append(Problem(file, line, v.column_name, f"{v.problem} ({check})"))
    return problems


def _execute(con: duckdb.DuckDBPyConnection, label: str, sql: str) -> None:
    """Run schema or staging SQL; a failure names the file it came from."""
    try:
        con.execute(sql)
    except duckdb.Error as err:
        raise DataError([Problem(label, 0, "(sql)", str(err).splitlines()[0])]) from err


def write_database(tables: dict[str, Loaded], out: Path) -> dict[str, int]:
    """Create a fresh database at `out` from checked rows; return row counts per table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # a name of its own per build: concurrent builds never write into one another's file
    fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB creates the file itself
    con = duckdb.connect(str(tmp))
    try:
        _execute(con, "dashboard/schema (generated DDL)", schema_sql())
        counts = {}
        for table in TABLES:
            frame = _frame(tables[table.name])
            if len(frame):
                con.from_df(frame).insert_into(table.name)
            counts[table.name] = len(frame)
        for name in queries.STAGING:
            _execute(con, f"queries/{name}.sql", queries.sql(name))
        for step in DERIVED_STEPS:
            step(con, tables)
        problems = integrity_problems(con, tables)
        if problems:
            raise DataError(problems)
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, out)
    return counts


def build(data_dir: Path = DATA_DIR, out: Path = DEFAULT_DB) -> dict[str, int]:
    """Check `data_dir` and write `out`; raises DataError (previous database kept) on bad input."""
    return write_database(load_all(data_dir), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder with curated/ and imported/")
    parser.add_argument("--out", type=Path, default=DEFAULT_DB, help="database file (default: data/alignment.duckdb)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = build(args.data, args.out)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(err.problems)} problem(s); {args.out} left unchanged", file=sys.stderr)
        return 1
    except duckdb.Error as err:
        print(f"build failed while loading: {err}\n{args.out} left unchanged", file=sys.stderr)
        return 1
    width = max(map(len, counts))
    for name, n in counts.items():
        print(f"{name:<{width}}  {n:>7,}")
    print(f"built {args.out} in {time.perf_counter() - started:.2f} s")
    return 0
