"""Declarations of the diplomatic fact tables: EU statements, CFSP alignment, UN votes and milestone events
(every row of a fact table cites a source)."""

from __future__ import annotations

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
)

EU_STATEMENTS = Table(
    "eu_statements",
    "What EU institutions and member states said about Serbia's foreign-policy alignment, with a coded stance.",
    (
        text("statement_id", "eus-<date>-<slug>", required=True),
        date("date", "when the statement was made", required=True),
        text(
            "institution",
            "who spoke for the EU",
            required=True,
            enum=(
                "European Commission",
                "European Parliament",
                "Council of the EU",
                "European Council",
                "EEAS / HR/VP",
                "EU Delegation to Serbia",
                "EU member state",
            ),
        ),
        text("speaker", "the person, where one spoke"),
        text(
            "kind",
            "the form of the statement",
            required=True,
            enum=(
                "annual report",
                "resolution",
                "report",
                "conclusions",
                "statement",
                "speech",
                "interview",
                "press remarks",
            ),
        ),
        text(
            "topic",
            "what it is about",
            required=True,
            enum=(
                "CFSP alignment",
                "Russia sanctions",
                "Russia ties",
                "China ties",
                "strategic orientation",
                "Kosovo",
                "accession",
                "other",
            ),
        ),
        integer(
            "stance",
            "-2 (sharply critical of Serbia's alignment) ... +2 (approving); docs/stance-codebook.md",
            required=True,
            minimum=-2,
            maximum=2,
        ),
        text(
            "excerpt", "a short quote from the statement, in the language of the source", required=True, max_length=400
        ),
        confidence(),
        text("notes", "free text"),
        text(
            "excerpt_language",
            "ISO 639-1 code of the excerpt's language (en, sr, it, ru, ...)",
            pattern=LANGUAGE,
        ),
        text(
            "excerpt_en",
            "the project's own English translation of a non-English excerpt (empty when the excerpt is English); "
            "not a quote",
            max_length=600,
        ),
        text(
            "excerpt_sr",
            "the project's own Serbian (Latin script) translation of the excerpt, not a quote; empty when the "
            "excerpt is Serbian",
            max_length=600,
        ),
    ),
    key=("statement_id",),
    sourced=True,
    required_unless=(RequiredUnless("excerpt_sr", "excerpt_language", ("sr",)),),
)

CFSP_ALIGNMENT = Table(
    "cfsp_alignment",
    "Published rates of alignment with the EU's Common Foreign and Security Policy declarations, per issuer "
    "and reference period.",
    (
        text("alignment_id", "cfsp-<issuer>-<country>-<period>", required=True),
        country("country_iso3", "the candidate country measured", required=True),
        text(
            "issuer",
            "who published the rate (never merged across issuers)",
            required=True,
            enum=("European Commission", "ISAC Fund", "European Parliament", "Other"),
        ),
        text("period_label", "the reference period as the issuer states it", required=True),
        date("period_start", "first day of the reference period", required=True),
        date("period_end", "last day of the reference period", required=True),
        number("rate_pct", "alignment rate, per cent", required=True, minimum=0, maximum=100),
        count("declarations_aligned", "declarations the country aligned with"),
        count("declarations_total", "declarations it was invited to align with"),
        confidence(),
        text("notes", "free text"),
    ),
    key=("alignment_id",),
    unique=(("country_iso3", "issuer", "period_start", "period_end"),),
    sourced=True,
    ordered=(Ordered("period_start", "period_end"), Ordered("declarations_aligned", "declarations_total")),
)

UN_RESOLUTIONS = Table(
    "un_resolutions",
    "Key UN General Assembly votes on which East and West split.",
    (
        text("resolution_id", "the UN symbol, e.g. A/RES/ES-11/1", required=True),
        date("date", "day of the vote", required=True),
        text("title", "the resolution's title", required=True),
        text("topic", "short topic label", required=True),
        count("yes", "votes in favour"),
        count("no", "votes against"),
        count("abstain", "abstentions"),
        boolean("east_west_split", "Russia or China and the US or the EU majority voted differently", required=True),
        text("notes", "free text"),
        text(
            "title_sr",
            "the title in Serbian (Latin script): the project's own translation of the English title",
            required=True,
        ),
    ),
    key=("resolution_id",),
    sourced=True,
)

UN_VOTES = Table(
    "un_votes",
    "How each listed country voted on the key resolutions.",
    (
        text("resolution_id", "the resolution", required=True, references="un_resolutions"),
        country("country_iso3", "the voting country", required=True),
        text("vote", "the recorded vote", required=True, enum=("yes", "no", "abstain", "absent")),
    ),
    key=("resolution_id", "country_iso3"),
)

UN_AGREEMENT = Table(
    "un_agreement",
    "Yearly share of UN General Assembly roll calls on which a country voted like a partner.",
    (
        text("agreement_id", "<year>-<country>-<partner>", required=True),
        integer(
            "year",
            "calendar year of the roll calls, or the year a session opened (see year_basis)",
            required=True,
            minimum=1946,
            maximum=2100,
        ),
        country("country_iso3", "the country measured", required=True),
        text(
            "partner",
            "an ISO3 code, or EU for the EU members' majority",
            required=True,
            references="countries",
            also_allowed=frozenset({"EU"}),
        ),
        number(
            "agreement",
            "share of the roll calls with the same vote (absences left out)",
            required=True,
            minimum=0,
            maximum=1,
        ),
        number(
            "agreement_abstain_aware",
            "same vote 1, an abstention against yes or no 0.5, yes against no 0",
            minimum=0,
            maximum=1,
        ),
        count(
            "n_votes",
            "roll calls on which both voted (series voeten-session: the roll calls the country voted on in the "
            "session, Voeten's NVotesAll)",
            required=True,
        ),
        number(
            "agreement_kappa",
            "Cohen's kappa over the same roll calls (yes, no, abstain): agreement corrected for what the two "
            "sides' vote shares give by chance; empty where undefined",
            minimum=-1,
            maximum=1,
        ),
        text(
            "source_series",
            "which computation the row comes from: undl-calendar (this project, from UN Digital Library roll "
            "calls) or voeten-session (Voeten et al.'s published agreement scores)",
            required=True,
            enum=("undl-calendar", "voeten-session"),
            default="undl-calendar",
        ),
        text(
            "year_basis",
            "what `year` means: calendar (roll calls of 1 January to 31 December) or session (the UNGA session "
            "opening in September of `year` and ending in September of the next; year = session + 1945)",
            required=True,
            enum=("calendar", "session"),
            default="calendar",
        ),
    ),
    key=("agreement_id",),
    unique=(("year", "country_iso3", "partner"),),
    sourced=True,
)

EVENTS = Table(
    "events",
    "Milestones of Serbia's foreign policy: accession steps, visits, agreements, suspensions, votes.",
    (
        text("event_id", "ev-<date>-<slug>", required=True),
        date("date", "the day (first of the month or year when date_precision says so)", required=True),
        text("title", "what happened, in a line", required=True),
        text(
            "kind",
            "kind of milestone",
            required=True,
            enum=(
                "eu-accession",
                "nato",
                "visit",
                "agreement",
                "arms-deal",
                "exercise-suspension",
                "sanctions",
                "un-vote",
                "other",
            ),
        ),
        country("partner_iso3", "the other party; empty for Serbia's own decisions"),
        date("end_date", "for periods, e.g. an exercise moratorium"),
        text("description", "free text"),
        confidence(),
        text("date_precision", "how exact date is (empty: day)", required=True, enum=DATE_PRECISION, default="day"),
        text(
            "title_sr", "the title in Serbian (Latin script): the project's own translation of `title`", required=True
        ),
        text("description_sr", "the description in Serbian (Latin script): the project's own translation"),
    ),
    key=("event_id",),
    sourced=True,
    ordered=(Ordered("date", "end_date"),),
    together=(Together("description", "description_sr"),),
)
