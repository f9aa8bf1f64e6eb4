"""Declarations of the diplomatic fact tables: EU statements, CFSP alignment (published rates and individual
declarations) and milestone events (every row of a fact table cites a source). UN votes: un_tables.py."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.schema.columns import (
    DATE_PRECISION,
    LANGUAGE,
    Ordered,
    RequiredUnless,
    Table,
    Together,
    boolean,
    confidence,
    count,
    country,
    date,
    integer,
    number,
    text,
    words,
)

EU_STATEMENTS = Table(
    "eu_statements",
    N_("What EU institutions and member states said about Serbia's foreign-policy alignment, with a coded stance."),
    (
        text("statement_id", N_("eus-<date>-<slug>"), required=True),
        date("date", N_("when the statement was made"), required=True),
        text(
            "institution",
            N_("who spoke for the EU"),
            required=True,
            enum=words(
                N_("European Commission"),
                N_("European Parliament"),
                N_("Council of the EU"),
                N_("European Council"),
                N_("EEAS / HR/VP"),
                N_("EU Delegation to Serbia"),
                N_("EU member state"),
            ),
        ),
        text("speaker", N_("the person, where one spoke")),
        text(
            "kind",
            N_("the form of the statement"),
            required=True,
            enum=words(
                N_("annual report"),
                N_("resolution"),
                N_("report"),
                N_("conclusions"),
                N_("statement"),
                N_("speech"),
                N_("interview"),
                N_("press remarks"),
            ),
        ),
        text(
            "topic",
            N_("what it is about"),
            required=True,
            enum=words(
                N_("CFSP alignment"),
                N_("Russia sanctions"),
                N_("Russia ties"),
                N_("China ties"),
                N_("strategic orientation"),
                N_("Kosovo"),
                N_("accession"),
                N_("other"),
            ),
        ),
        integer(
            "stance",
            N_("-2 (sharply critical of Serbia's alignment) ... +2 (approving); docs/stance-codebook.md"),
            required=True,
            minimum=-2,
            maximum=2,
        ),
        text(
            "excerpt",
            N_("a short quote from the statement, in the language of the source"),
            required=True,
            max_length=400,
        ),
        confidence(),
        text("notes", N_("free text")),
        text(
            "excerpt_language",
            N_("ISO 639-1 code of the excerpt's language (en, sr, it, ru, ...)"),
            pattern=LANGUAGE,
        ),
        text(
            "excerpt_en",
            N_(
                "the project's own English translation of a non-English excerpt (empty when the excerpt is English); "
                "not a quote"
            ),
            max_length=600,
        ),
        text(
            "excerpt_sr",
            N_(
                "the project's own Serbian (Latin script) translation of the excerpt, not a quote; empty when the "
                "excerpt is Serbian"
            ),
            max_length=600,
        ),
    ),
    key=("statement_id",),
    sourced=True,
    required_unless=(RequiredUnless("excerpt_sr", "excerpt_language", ("sr",)),),
)

CFSP_ALIGNMENT = Table(
    "cfsp_alignment",
    N_(
        "Published rates of alignment with the EU's Common Foreign and Security Policy declarations, per issuer "
        "and reference period."
    ),
    (
        text("alignment_id", N_("cfsp-<issuer>-<country>-<period>"), required=True),
        country("country_iso3", N_("the candidate country measured"), required=True),
        text(
            "issuer",
            N_("who published the rate (never merged across issuers)"),
            required=True,
            enum=words(N_("European Commission"), N_("ISAC Fund"), N_("European Parliament"), N_("Other")),
        ),
        text("period_label", N_("the reference period as the issuer states it"), required=True),
        date("period_start", N_("first day of the reference period"), required=True),
        date("period_end", N_("last day of the reference period"), required=True),
        number("rate_pct", N_("alignment rate, per cent"), required=True, minimum=0, maximum=100),
        count("declarations_aligned", N_("declarations the country aligned with")),
        count("declarations_total", N_("declarations it was invited to align with")),
        confidence(),
        text("notes", N_("free text")),
    ),
    key=("alignment_id",),
    unique=(("country_iso3", "issuer", "period_start", "period_end"),),
    sourced=True,
    ordered=(Ordered("period_start", "period_end"), Ordered("declarations_aligned", "declarations_total")),
)

CFSP_DECLARATIONS = Table(
    "cfsp_declarations",
    N_(
        "Individual declarations by the High Representative on behalf of the EU that list the countries aligning "
        "with them, as far as stored pages reproduce or report them (a sample, not every declaration)."
    ),
    (
        text("declaration_id", N_("cfspd-<date or Council act>-<topic>"), required=True),
        date("date", N_("the declaration's date, or the nearest date the page gives (see date_basis)"), required=True),
        text(
            "date_basis",
            N_(
                "what the date is: declaration (the page dates the declaration), council_act (the date of the Council "
                "decision it concerns; the declaration's own date is not given), report (the date of the page that "
                "reports it)"
            ),
            required=True,
            enum=words(N_("declaration"), N_("council_act"), N_("report")),
        ),
        text("title", N_("short title in English (our wording)"), required=True),
        text("council_act", N_("the Council decision it concerns, as the page cites it, e.g. (CFSP) 2022/265")),
        text("topic", N_("short topic label, e.g. Russia/Ukraine, Belarus, Syria"), required=True),
        text(
            "kind",
            N_(
                "alignment (a declaration on third countries' alignment with a Council decision on restrictive "
                "measures) or political (a declaration on events)"
            ),
            required=True,
            enum=words(N_("alignment"), N_("political")),
        ),
        text("notes", N_("free text")),
    ),
    key=("declaration_id",),
    sourced=True,
)

CFSP_DECLARATION_ALIGNMENT = Table(
    "cfsp_declaration_alignment",
    N_(
        "Whether a candidate aligned with a declaration: aligned when the page lists it among the aligning "
        "countries, not aligned when the page names it as not aligning or leaves it out of that list."
    ),
    (
        text("declaration_id", N_("the declaration"), required=True, references="cfsp_declarations"),
        country("country_iso3", N_("a candidate or potential candidate invited to align"), required=True),
        boolean("aligned", N_("listed among the countries that align with the declaration"), required=True),
        text("notes", N_("free text")),
    ),
    key=("declaration_id", "country_iso3"),
)

CFSP_RECOMPUTED = Table(
    "cfsp_recomputed",
    N_(
        "Our own alignment rate per country and calendar year, recomputed from the declarations recorded in "
        "cfsp_declaration_alignment, with its coverage against the published count of declarations (derived by "
        "the build, not read from a CSV)."
    ),
    (
        country("country_iso3", N_("the candidate"), required=True),
        integer("year", N_("calendar year of the declarations' dates"), required=True),
        count("declarations_covered", N_("declarations recorded for this country and year"), required=True),
        count("declarations_aligned", N_("of those, the ones it aligned with"), required=True),
        number("rate_pct", N_("declarations_aligned / declarations_covered, per cent"), required=True),
        count("published_total", N_("declarations of the year in a published count (reported_totals), if any")),
        text("published_source_id", N_("the source of that count"), references="sources"),
        number("coverage_pct", N_("declarations_covered / published_total, per cent")),
    ),
    key=("country_iso3", "year"),
)

EVENTS = Table(
    "events",
    N_("Milestones of Serbia's foreign policy: accession steps, visits, agreements, suspensions, votes."),
    (
        text("event_id", N_("ev-<date>-<slug>"), required=True),
        date("date", N_("the day (first of the month or year when date_precision says so)"), required=True),
        text("title", N_("what happened, in a line"), required=True),
        text(
            "kind",
            N_("kind of milestone"),
            required=True,
            enum={
                "eu-accession": N_("EU accession"),
                "nato": N_("NATO"),
                "visit": N_("visit"),
                "agreement": N_("agreement"),
                "arms-deal": N_("arms deal"),
                "exercise-suspension": N_("exercise suspension"),
                "sanctions": N_("sanctions"),
                "un-vote": N_("UN vote"),
                "other": N_("other"),
            },
        ),
        country("partner_iso3", N_("the other party; empty for Serbia's own decisions")),
        date("end_date", N_("for periods, e.g. an exercise moratorium")),
        text("description", N_("free text")),
        confidence(),
        text("date_precision", N_("how exact date is (empty: day)"), required=True, enum=DATE_PRECISION, default="day"),
        text(
            "title_sr",
            N_("the title in Serbian (Latin script): the project's own translation of `title`"),
            required=True,
        ),
        text("description_sr", N_("the description in Serbian (Latin script): the project's own translation")),
    ),
    key=("event_id",),
    sourced=True,
    ordered=(Ordered("date", "end_date"),),
    together=(Together("description", "description_sr"),),
)
