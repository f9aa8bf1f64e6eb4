"""Build step: the index at the default settings as two tables of the database, the public interface for
anyone reading the DuckDB file (the app computes other weightings on the fly from the same inputs).

    east_west_index(country_iso3, year, value, lower, upper, components_used, ...)
    east_west_components(country_iso3, year, component, value, weight, ...)

Declared in dashboard/schema/index_tables.py (DDL with keys, checks and comments; data dictionary; Data
Package). Appended to dashboard.pipeline.build.DERIVED_STEPS.
"""

from __future__ import annotations

import duckdb
import numpy as np

from dashboard.index import inputs, montecarlo
from dashboard.index import settings as s
from dashboard.index.aggregate import components_frame
from dashboard.schema.columns import Table
from dashboard.schema.ddl import create_table
from dashboard.schema.index_tables import EAST_WEST_COMPONENTS, EAST_WEST_INDEX
from dashboard.store import queries


def _create(con: duckdb.DuckDBPyConnection, table: Table, frame) -> None:
    con.execute(create_table(table))
    if len(frame):
        con.from_df(frame[table.column_names]).insert_into(table.name)


def write_index_tables(con: duckdb.DuckDBPyConnection, _tables=None) -> None:
    """Compute the index from the new database's rows and store it (DERIVED_STEPS signature)."""
    data = inputs.load(lambda name, **p: queries.run(con, name, **p))
    weights = np.array([s.DEFAULT_WEIGHTS[n] for n in s.NAMES])
    index = montecarlo.summary(data, weights)
    index = index[index["value"].notna()].reset_index(drop=True)
    _create(con, EAST_WEST_INDEX, index)
    _create(con, EAST_WEST_COMPONENTS, components_frame(data, weights))
