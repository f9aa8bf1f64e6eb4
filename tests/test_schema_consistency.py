"""The declarations are the one source of the DDL, the row checks and the registry of fact tables."""

from __future__ import annotations

import duckdb

from dashboard.schema.columns import SQL_TYPES
from dashboard.schema.ddl import schema_sql
from dashboard.schema.row_models import row_model
from dashboard.schema.tables import DERIVED_TABLES, FACT_TABLES, TABLES
from dashboard.store import queries


def _database():
    """The generated schema with the staging macros and views, empty."""
    con = duckdb.connect()
    con.execute(schema_sql())
    for name in queries.STAGING:
        con.execute(queries.sql(name))
    return con


def test_ddl_columns_follow_the_declarations_in_order():
    con = _database()
    for table in TABLES:
        ddl = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table.name],
            ).fetchall()
        ]
        assert ddl == table.column_names == list(row_model(table).model_fields), table.name


def test_the_registry_view_lists_every_fact_table():
    """queries/staging/facts.sql unions every declared fact table (and nothing else)."""
    con = _database()
    sql = queries.sql("staging/facts")
    listed = {t.name for t in FACT_TABLES if f"FROM {t.name}" in sql}
    assert listed == {t.name for t in FACT_TABLES}
    assert [c[0] for c in con.execute("SELECT * FROM facts LIMIT 0").description] == [
        "fact_table",
        "fact_id",
        "country_iso3",
        "date",
        "title",
        "partner_iso3",
        "title_sr",
    ]


def test_database_comments_are_the_declared_descriptions():
    con = _database()
    comments = dict(
        ((t, c), d)
        for t, c, d in con.execute("SELECT table_name, column_name, comment FROM duckdb_columns()").fetchall()
    )
    for table in TABLES:
        for column in table.columns:
            assert comments[(table.name, column.name)] == column.description


def test_required_public_columns_exist():
    """The column names other parts rely on (foundation issue) are present."""
    required = {
        "countries": ["iso3", "name", "bloc"],
        "sources": ["source_id", "url", "title", "publisher", "published_on", "accessed_on"],
        "fact_sources": ["fact_table", "fact_id", "source_id"],
        "arms_transfers": [
            "transfer_id",
            "recipient_iso3",
            "supplier_iso3",
            "designation",
            "category",
            "quantity_ordered",
            "quantity_delivered",
            "order_year",
            "delivery_first_year",
            "delivery_last_year",
            "deal_type",
            "value_amount",
            "value_currency",
            "sipri_tiv_m",
            "status",
            "confidence",
            "notes",
        ],
        "exercises": [
            "exercise_id",
            "name",
            "start_date",
            "end_date",
            "host_iso3",
            "location",
            "domain",
            "serbia_role",
            "confidence",
            "notes",
        ],
        "exercise_participants": ["exercise_id", "iso3"],
        "eu_statements": [
            "statement_id",
            "date",
            "institution",
            "speaker",
            "kind",
            "topic",
            "stance",
            "excerpt",
            "confidence",
        ],
        "cfsp_alignment": [
            "country_iso3",
            "issuer",
            "period_label",
            "period_start",
            "period_end",
            "rate_pct",
            "declarations_aligned",
            "declarations_total",
        ],
        "un_resolutions": ["resolution_id", "date", "title", "topic", "yes", "no", "abstain"],
        "un_votes": ["resolution_id", "country_iso3", "vote"],
        "un_agreement": ["year", "country_iso3", "partner", "agreement", "n_votes"],
        "events": ["event_id", "date", "title", "kind", "partner_iso3", "description"],
        "engagement": [
            "date",
            "year",
            "country_iso3",
            "partner_iso3",
            "bloc",
            "kind",
            "title",
            "fact_table",
            "fact_id",
        ],
    }
    con = _database()
    for table, columns in required.items():
        have = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
            ).fetchall()
        }
        assert set(columns) <= have, (table, set(columns) - have)


def test_derived_tables_follow_their_declarations(fixture_db):
    """The build writes the derived tables (dataset version, index) from the same declarations: columns in
    order, types and comments."""
    con = duckdb.connect(str(fixture_db), read_only=True)
    for table in DERIVED_TABLES:
        rows = con.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
            [table.name],
        ).fetchall()
        assert [r[0] for r in rows] == table.column_names, table.name
        assert [r[1] for r in rows] == [SQL_TYPES[c.kind] for c in table.columns], table.name
        assert [r[2] for r in rows] == [c.description for c in table.columns], table.name
        assert con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0] > 0, table.name
