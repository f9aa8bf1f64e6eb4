"""Derived step: `cfsp_recomputed`, our own CFSP alignment rate per country and calendar year, recomputed from
the individual High Representative declarations recorded in `cfsp_declaration_alignment`, with its coverage
against the published yearly count of declarations (`reported_totals`, measure `cfsp_declarations`).

The recorded declarations are the ones stored pages happen to reproduce or report, not a random sample: news
reports favour declarations Serbia did not join. The rate is therefore shown beside the published series with
its coverage (declarations recorded, and their share of the published total where one exists), never in its
place. The SQL is queries/derived/cfsp_recomputed.sql.
"""

from __future__ import annotations

import duckdb

from dashboard.pipeline.read_tables import Loaded
from dashboard.schema.ddl import create_table
from dashboard.schema.diplomacy_tables import CFSP_RECOMPUTED
from dashboard.store import queries


def write_cfsp_recomputed(con: duckdb.DuckDBPyConnection, tables: dict[str, Loaded]) -> None:
    """The build step (dashboard.pipeline.build.DERIVED_STEPS): create and fill `cfsp_recomputed`."""
    con.execute(create_table(CFSP_RECOMPUTED))
    queries.run(con, "derived/cfsp_recomputed")
