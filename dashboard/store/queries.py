"""Run the named SQL files in queries/ with bound parameters: the only way code reaches the database.

Names are paths under queries/ without `.sql`: `pages/arms_deals`, `checks/dates`, `staging/facts`.
"""

from __future__ import annotations

import functools
import re

import duckdb
import pandas as pd

from dashboard.paths import QUERIES_DIR

_NAME = re.compile(r"^(staging|pages|checks|importers|derived)/[a-z0-9_]+$")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")

# the staging views and macros, in the order the build creates them (each may use those before it)
STAGING = ["staging/partner_filter", "staging/eu_majority", "staging/facts", "staging/engagement"]


@functools.cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql (names are code constants, never user input)."""
    if not _NAME.match(name):
        raise ValueError(f"bad query name {name!r}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


@functools.cache
def parameters(name: str) -> frozenset[str]:
    """The $names a query binds (outside its comments)."""
    code = re.sub(r"--[^\n]*", "", sql(name))
    return frozenset(_PARAM.findall(code))


def checks() -> list[str]:
    """Every integrity rule in queries/checks/, each returning the rows that break it."""
    return sorted(f"checks/{p.stem}" for p in (QUERIES_DIR / "checks").glob("*.sql"))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Execute a named query; `params` bind to its `$name` placeholders. A caller may pass a bundle (the
    page filters) of which the query uses some: only the names the query mentions are bound."""
    wanted = parameters(name)
    bound = {k: v for k, v in params.items() if k in wanted}
    return con.execute(sql(name), bound or None).df()
