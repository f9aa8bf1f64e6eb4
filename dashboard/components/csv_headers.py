"""The header row of the CSVs a page offers beside a chart, the key votes and a source search, in the reader's
language.

In English the header is the column name itself (stable for scripts); in Serbian a human label from the
catalog (the msgid is the column name). Values stay as stored. Not translated, ever: the table downloads of
the Data & sources page, the zip, `/api/v1/...` and the database, whose column names are a public interface
(docs/i18n.md).
"""

from __future__ import annotations

from dashboard.i18n import N_, _

# every column a chart, the key votes table or the source search puts into its CSV; an unlisted column keeps
# its name (tests/test_csv_headers.py lists what the pages write)
KNOWN = frozenset(
    {
        N_("abstain"),
        N_("accessed_on"),
        N_("agreement_abstain_aware_pct"),
        N_("agreement_pct"),
        N_("approximate"),
        N_("bar_start"),
        N_("basis"),
        N_("bloc"),
        N_("category"),
        N_("cited_by_tables"),
        N_("component"),
        N_("components"),
        N_("confidence"),
        N_("country"),
        N_("country_iso3"),
        N_("date"),
        N_("date_precision"),
        N_("deal_type"),
        N_("deals"),
        N_("declarations_aligned"),
        N_("declarations_total"),
        N_("duration_days"),
        N_("east_west_split"),
        N_("end_date"),
        N_("end_precision"),
        N_("excerpt"),
        N_("excerpt_en"),
        N_("excerpt_language"),
        N_("excerpt_sr"),
        N_("exercise_id"),
        N_("exercises"),
        N_("fact_ids"),
        N_("fact_table"),
        N_("facts_citing"),
        N_("flag"),
        N_("institution"),
        N_("issuer"),
        N_("kind"),
        N_("label"),
        N_("latitude"),
        N_("location"),
        N_("longitude"),
        N_("lower"),
        N_("measure"),
        N_("median"),
        N_("n_votes"),
        N_("name"),
        N_("name_sr"),
        N_("no"),
        N_("notes"),
        N_("partner"),
        N_("partner_iso3"),
        N_("partner_name"),
        N_("partners"),
        N_("period_end"),
        N_("period_label"),
        N_("period_start"),
        N_("published_on"),
        N_("publisher"),
        N_("rate_pct"),
        N_("resolution"),
        N_("serbia_role"),
        N_("series"),
        N_("source"),
        N_("source_id"),
        N_("source_series"),
        N_("speaker"),
        N_("stance"),
        N_("start_date"),
        N_("statement_id"),
        N_("supplier"),
        N_("title"),
        N_("title_sr"),
        N_("topic"),
        N_("unit"),
        N_("upper"),
        N_("url"),
        N_("value"),
        N_("value_pct"),
        N_("weight"),
        N_("year"),
        N_("year_basis"),
        N_("yes"),
    }
)


def header(column: str) -> str:
    """The header of `column` in the current language: its name in English, a label in Serbian."""
    return _(column) if column in KNOWN else column
