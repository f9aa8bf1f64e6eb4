"""Build the DuckDB database from the curated CSVs.

    python -m dashboard.build [--data DIR] [--out FILE]

Every row is validated first; the database is written to FILE.tmp and moved over FILE only when complete,
so a failed build leaves the previous database untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.paths import DATA_DIR, DEFAULT_DB, QUERIES_DIR, SCHEMA
from dashboard.pipeline.validate import DataError, Loaded, Problem, load_all
from dashboard.schema.catalog import BY_NAME, TABLES
from dashboard.store import queries

# integrity rules over the loaded database (queries/check_*.sql), each returning the rows that break it
CHECKS = sorted(p.stem for p in QUERIES_DIR.glob("check_*.sql"))


def _frame(loaded: Loaded) -> pd.DataFrame:
    # object dtype keeps ints, dates and None as Python values, so DuckDB casts them exactly
    records = [row for _, row in loaded.rows]
    return pd.DataFrame.from_records(records, columns=loaded.spec.columns).astype(object)


def integrity_problems(con: duckdb.DuckDBPyConnection, tables: dict[str, Loaded]) -> list[Problem]:
    """Run every check_* query; report each violation at the CSV line of the offending row."""
    lines = {(name, row[BY_NAME[name].key[0]]): line for name, loaded in tables.items() for line, row in loaded.rows}
    problems = []
    for check in CHECKS:
        for r in queries.run(con, check).itertuples(index=False):
            line = lines.get((r.fact_table, r.fact_id), 0)
            problems.append(Problem(f"{r.fact_table}.csv", line, r.column_name, f"{r.problem} ({check})"))
    return problems


def write_database(tables: dict[str, Loaded], out: Path, schema: Path = SCHEMA) -> dict[str, int]:
    """Create a fresh database at `out` from validated rows; return row counts per table."""
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute(schema.read_text(encoding="utf-8"))
        counts = {}
        for spec in TABLES:
            frame = _frame(tables[spec.name])
            if len(frame):
                con.from_df(frame).insert_into(spec.name)
            counts[spec.name] = len(frame)
        problems = integrity_problems(con, tables)
        if problems:
            raise DataError(problems)
        con.execute("CHECKPOINT")
    except Exception:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, out)
    return counts


def build(data_dir: Path = DATA_DIR, out: Path = DEFAULT_DB) -> dict[str, int]:
    """Validate `data_dir` and write `out`; raises DataError (previous database kept) on bad input."""
    tables = load_all(data_dir)
    schema = data_dir / "schema.sql" if (data_dir / "schema.sql").exists() else SCHEMA
    return write_database(tables, out, schema)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of curated CSVs (default: data/)")
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


if __name__ == "__main__":
    sys.exit(main())
