"""Build step: the index at the default settings as two tables of the database, the public interface for
anyone reading the DuckDB file (the app computes other weightings on the fly from the same inputs).

    east_west_index(country_iso3, year, value, lower, upper, components_used, ...)
    east_west_components(country_iso3, year, component, value, weight, ...)

Columns are a public interface: extend, never rename. Appended to dashboard.pipeline.build.DERIVED_STEPS.
"""

from __future__ import annotations

import duckdb
import numpy as np

from dashboard.index import inputs, montecarlo
from dashboard.index import settings as s
from dashboard.index.aggregate import components_frame
from dashboard.schema.ddl import _literal
from dashboard.store import queries

INDEX_COLUMNS = {
    "country_iso3": ("VARCHAR", "the country (Serbia or another Western Balkan candidate)"),
    "year": ("INTEGER", "calendar year"),
    "value": ("DOUBLE", "the index at the default settings: −1 fully East … +1 fully West"),
    "lower": ("DOUBLE", "5th percentile of the Monte Carlo draws (never above value)"),
    "upper": ("DOUBLE", "95th percentile of the Monte Carlo draws (never below value)"),
    "components_used": ("VARCHAR[]", "the components that carried the value (coverage)"),
    "median": ("DOUBLE", "median of the Monte Carlo draws"),
    "n_components": ("INTEGER", "number of components present"),
    "rank": ("DOUBLE", "rank among the countries with a value that year, 1 = furthest West"),
    "rank_best": ("DOUBLE", "best rank within the 5–95 % band of the draws"),
    "rank_worst": ("DOUBLE", "worst rank within the 5–95 % band of the draws"),
}
COMPONENT_COLUMNS = {
    "country_iso3": ("VARCHAR", "the country"),
    "year": ("INTEGER", "calendar year"),
    "component": ("VARCHAR", "un_votes, cfsp, arms_deliveries, arms_orders or exercises"),
    "value": ("DOUBLE", "the component at the default settings: −1 fully East … +1 fully West"),
    "weight": ("DOUBLE", "the weight it carries in that year's index after rescaling (0: no index that year)"),
    "basis": ("VARCHAR", "what the value rests on, in words"),
    "flag": ("VARCHAR", "a caveat, e.g. few shared UN roll calls"),
    "fact_table": ("VARCHAR", "the table of the facts behind the value"),
    "fact_ids": ("VARCHAR[]", "the facts behind the value"),
}


def _create(con: duckdb.DuckDBPyConnection, name: str, columns: dict, frame, description: str) -> None:
    ddl = ", ".join(f"{c} {t}" for c, (t, _) in columns.items())
    con.execute(f"CREATE TABLE {name} ({ddl})")
    if len(frame):
        con.from_df(frame[list(columns)]).insert_into(name)
    con.execute(f"COMMENT ON TABLE {name} IS {_literal(description)}")  # names and texts are constants
    for c, (_, text) in columns.items():
        con.execute(f"COMMENT ON COLUMN {name}.{c} IS {_literal(text)}")


def write_index_tables(con: duckdb.DuckDBPyConnection, _tables=None) -> None:
    """Compute the index from the new database's rows and store it (DERIVED_STEPS signature)."""
    data = inputs.load(lambda name, **p: queries.run(con, name, **p))
    weights = np.array([s.DEFAULT_WEIGHTS[n] for n in s.NAMES])
    index = montecarlo.summary(data, weights)
    index = index[index["value"].notna()].reset_index(drop=True)
    _create(
        con,
        "east_west_index",
        INDEX_COLUMNS,
        index,
        "The East–West index per country and year at the default settings (docs/method.md)",
    )
    _create(
        con,
        "east_west_components",
        COMPONENT_COLUMNS,
        components_frame(data, weights),
        "The components of the East–West index per country and year (docs/method.md)",
    )
