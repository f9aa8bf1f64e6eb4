"""Declarations of the coverage tables: counts that authoritative sources publish, against which the
dataset's own rows are measured (how complete a table is, year by year)."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.schema.columns import Table, count, country, integer, text

REPORTED_TOTALS = Table(
    "reported_totals",
    N_(
        "Published yearly totals (e.g. the number of exercises with NATO members or with Russia), each with the "
        "source that publishes it, to measure how complete the dataset's own rows are."
    ),
    (
        text(
            "measure",
            N_(
                "what is counted: exercises (international military exercises), military_activities (every joint "
                "military activity, a wider count), exercises_planned (planned, not necessarily held), "
                "cfsp_declarations (EU foreign-policy declarations a candidate was invited to align with)"
            ),
            required=True,
            enum=("exercises", "military_activities", "exercises_planned", "cfsp_declarations"),
        ),
        country("country_iso3", N_("the country whose activity is counted"), required=True),
        integer(
            "year",
            N_("calendar year counted (notes say when the count covers part of it)"),
            required=True,
            minimum=1990,
            maximum=2100,
        ),
        text(
            "partner_group",
            N_(
                "whose side the counted partners are on: West (NATO or EU members, the US), East (Russia, Belarus, "
                "China), All (every partner), EU (the EU itself)"
            ),
            required=True,
            enum=("West", "East", "All", "EU"),
        ),
        count("n", N_("the published count"), required=True),
        text("source_id", N_("the source that publishes the count"), required=True, references="sources"),
        text("notes", N_("what exactly is counted, the period when not the whole year, caveats")),
        text("evidence", N_("short excerpt from the source that gives the count"), max_length=300),
    ),
    key=("measure", "country_iso3", "year", "partner_group", "source_id"),
)
