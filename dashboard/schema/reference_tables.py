"""Declarations of the reference tables: countries, sources, and the tables that tie facts to sources."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.schema.columns import ISO3, URL, Pattern, Table, boolean, date, text, words

SHA256 = Pattern(r"^[0-9a-f]{64}$", "{value!r} is not a sha256 hex digest", N_("64 lower-case hex digits"))

COUNTRIES = Table(
    "countries",
    N_("Countries and organisations that appear in the facts, with the bloc each belongs to."),
    (
        text(
            "iso3",
            N_("ISO 3166-1 alpha-3 code; EUU is the EU as a whole, XNT is NATO, XCS is the CSTO, XKX is Kosovo"),
            required=True,
            pattern=ISO3,
        ),
        text("name", N_("English short name"), required=True),
        text(
            "bloc",
            N_("East (Russia, China, Belarus), West (the EU, its members, the US, NATO) or Other"),
            required=True,
            enum=words(N_("East"), N_("West"), N_("Other")),
        ),
        text("kind", N_("a country or an organisation"), required=True, enum=("country", "organisation")),
        boolean("eu_member", N_("member of the EU today (for the EU majority in UN votes)"), required=True),
        boolean(
            "eu_candidate_wb", N_("Western Balkan candidate or potential candidate, for comparisons"), required=True
        ),
        text("notes", N_("free text")),
    ),
    key=("iso3",),
)

SOURCES = Table(
    "sources",
    N_("Every page, report or dataset a fact cites."),
    (
        text("source_id", N_("readable slug, unique across all sources"), required=True),
        text("url", N_("where the source can be read"), required=True, pattern=URL),
        text("title", N_("the source's own title"), required=True),
        text("publisher", N_("who published it"), required=True),
        date("published_on", N_("publication date; empty where the page gives none")),
        date("accessed_on", N_("the day the page (or its stored copy) was read"), required=True),
        text(
            "kind",
            N_("kind of source"),
            required=True,
            enum=words(N_("dataset"), N_("official"), N_("news"), N_("analysis")),
        ),
        text("notes", N_("free text: vintage, coverage, caveats")),
    ),
    key=("source_id",),
    unique=(("url", "published_on"),),  # one row per page; vintages of one dataset may share a URL
)


def fact_sources(fact_tables: tuple[str, ...]) -> Table:
    return Table(
        "fact_sources",
        N_("Ties every fact row to at least one source, with the excerpt or locator that supports it."),
        (
            text("fact_table", N_("the table of the fact"), required=True, enum=fact_tables),
            text("fact_id", N_("the fact's id in that table"), required=True),
            text("source_id", N_("the source cited"), required=True, references="sources"),
            text(
                "evidence",
                N_("short excerpt or locator (table row, page section) that supports the fact"),
                max_length=300,
            ),
        ),
        key=("fact_table", "fact_id", "source_id"),
    )


def alternatives(fact_tables: tuple[str, ...]) -> Table:
    return Table(
        "alternatives",
        N_("Where sources disagree, every other value of a field, with its own source."),
        (
            text("fact_table", N_("the table of the fact"), required=True, enum=fact_tables),
            text("fact_id", N_("the fact's id in that table"), required=True),
            text("field", N_("the column the other value is for"), required=True),
            text("value", N_("the other value, as the source gives it"), required=True),
            text("source_id", N_("the source that gives it"), required=True, references="sources"),
            text("note", N_("free text")),
        ),
        key=("fact_table", "fact_id", "field", "value", "source_id"),
    )


def corrections(fact_tables: tuple[str, ...]) -> Table:
    """Not a database table: curated judgements applied to imported rows at build time."""
    return Table(
        "corrections",
        N_("Curated corrections to rows an importer wrote; applied when the database is built."),
        (
            text("fact_table", N_("the table of the imported row"), required=True, enum=fact_tables),
            text("fact_id", N_("the imported row's id"), required=True),
            text("field", N_("the column to set (only columns declared correctable)"), required=True),
            text("value", N_("the value to set; empty clears the field")),
            text("reason", N_("why the imported value is replaced"), required=True),
        ),
        key=("fact_table", "fact_id", "field"),
    )


DATASET_INFO = Table(
    "dataset_info",
    N_("The version of the data a database was built from: one row, written by the build (not read from a CSV)."),
    (
        text(
            "version",
            N_(
                "readable label: the date of the newest data/CHANGELOG.md entry, '+', the first 8 hex digits of "
                "content_sha256 (e.g. 2026-12-09+1a2b3c4d)"
            ),
            required=True,
        ),
        text(
            "content_sha256",
            N_(
                "sha256 over every file of curated/ and imported/ (relative path and bytes, in path order): the same "
                "data give the same hash, whatever the checkout path or file times"
            ),
            required=True,
            pattern=SHA256,
        ),
        text("built_at", N_("when the database was built, UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)"), required=True),
    ),
    key=("version",),
)
