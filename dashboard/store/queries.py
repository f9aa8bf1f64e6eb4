"""Run the named SQL files in queries/ with bound parameters: the only way pages reach the database."""

from __future__ import annotations

import functools
import re

import duckdb
import pandas as pd

from dashboard.paths import QUERIES_DIR

_NAME = re.compile(r"^[a-z0-9_]+$")


@functools.cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql (names are code constants, never user input)."""
    if not _NAME.match(name):
        raise ValueError(f"bad query name {name!r}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Execute a named query; `params` bind to its `$name` placeholders."""
    return con.execute(sql(name), params or None).df()
