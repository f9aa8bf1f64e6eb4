"""The row models (input validation) and the DDL (database contract) describe the same columns."""

from __future__ import annotations

import duckdb

from dashboard.paths import SCHEMA
from dashboard.schema.catalog import TABLES


def test_row_models_match_ddl_columns_in_order():
    con = duckdb.connect()
    con.execute(SCHEMA.read_text())
    for spec in TABLES:
        ddl = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [spec.name],
            ).fetchall()
        ]
        assert ddl == spec.columns, spec.name


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
    con = duckdb.connect()
    con.execute(SCHEMA.read_text())
    for table, columns in required.items():
        have = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
            ).fetchall()
        }
        assert set(columns) <= have, (table, set(columns) - have)
