"""Every table of the dataset, in load order (a table comes after the tables it references).

This is the one declaration of each table: row checks (row_models.py), the DuckDB DDL (ddl.py) and the
data dictionary (dictionary.py) are derived from it.
"""

from __future__ import annotations

from dashboard.schema import coverage_tables as cov
from dashboard.schema import diplomacy_tables as d
from dashboard.schema import index_tables as ix
from dashboard.schema import military_tables as m
from dashboard.schema import reference_tables as r
from dashboard.schema import un_tables as un
from dashboard.schema.columns import Table

FACT_TABLES: list[Table] = [
    m.ARMS_TRANSFERS,
    m.EXERCISES,
    d.EU_STATEMENTS,
    d.CFSP_ALIGNMENT,
    d.CFSP_DECLARATIONS,
    un.UN_RESOLUTIONS,
    un.UN_AGREEMENT,
    d.EVENTS,
]
_FACT_NAMES = tuple(t.name for t in FACT_TABLES)

# The country whose own conduct the researched tables record (exercises with `serbia_role`, EU statements
# about it, its milestone events). The one place it is written: the build turns it into the SQL macro
# subject_country(); page queries take the country they show as the bound parameter $country.
SUBJECT_COUNTRY = "SRB"

# the tables of the database, in load order
TABLES: list[Table] = [
    r.COUNTRIES,
    r.SOURCES,
    m.ARMS_TRANSFERS,
    m.EXERCISES,
    m.EXERCISE_PARTICIPANTS,
    d.EU_STATEMENTS,
    d.CFSP_ALIGNMENT,
    d.CFSP_DECLARATIONS,
    d.CFSP_DECLARATION_ALIGNMENT,
    un.UN_RESOLUTIONS,
    un.UN_VOTES,
    un.UN_AGREEMENT,
    d.EVENTS,
    cov.REPORTED_TOTALS,
    r.fact_sources(_FACT_NAMES),
    r.alternatives(_FACT_NAMES),
]
BY_NAME = {t.name: t for t in TABLES}

# tables the build derives inside the new database (dashboard/pipeline/build.py DERIVED_STEPS), not read from CSVs
DERIVED_TABLES: list[Table] = [r.DATASET_INFO, d.CFSP_RECOMPUTED, ix.EAST_WEST_INDEX, ix.EAST_WEST_COMPONENTS]
# every table a reader can browse, download or fetch from the API: the read tables, then the derived ones
PUBLISHED: list[Table] = TABLES + DERIVED_TABLES
PUBLISHED_BY_NAME = {t.name: t for t in PUBLISHED}

# curated judgements on imported rows: read and applied by the build, not a table of the database
CORRECTIONS = r.corrections(_FACT_NAMES)

SOURCED = [t for t in TABLES if t.sourced]
# the id column of each fact table: (fact_table, fact_id) refers to a fact row
FACT_KEY = {t.name: t.key[0] for t in SOURCED}
