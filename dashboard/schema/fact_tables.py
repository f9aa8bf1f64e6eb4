"""Declarations of the fact tables: every row of these cites at least one source (fact_sources)."""

from __future__ import annotations

from dashboard.schema.columns import (
    CONFIDENCE,
    CURRENCY,
    DATE_PRECISION,
    ISO3,
    Ordered,
    Table,
    Together,
    boolean,
    date,
    integer,
    number,
    text,
)


def _confidence(**rules):
    return text(
        "confidence",
        "high: official or two independent sources; medium: one reliable secondary "
        "source; low: a single indirect or vague source",
        required=True,
        enum=CONFIDENCE,
        **rules,
    )


def _country(name: str, description: str, **rules):
    return text(name, description, pattern=ISO3, references="countries", **rules)


def _count(name: str, description: str, **rules):
    return integer(name, description, minimum=0, **rules)


def _arms_year(name: str, description: str):
    return integer(name, description, minimum=1950, maximum=2100)


ARMS_TRANSFERS = Table(
    "arms_transfers",
    "Arms deals with the Western Balkan countries as recipients: SIPRI's register rows (imported) and deals "
    "SIPRI does not yet hold (curated).",
    (
        text(
            "transfer_id",
            "sipri-<deal id> or sipri-order-... for imported rows, arms-... for curated ones",
            required=True,
        ),
        _country("recipient_iso3", "the receiving country", required=True),
        _country("supplier_iso3", "the supplying country", required=True),
        text("designation", "the weapon system as SIPRI or the source names it", required=True),
        text("description", "what the system is", correctable=True),
        text("category", "SIPRI weapon category", required=True),
        _count("quantity_ordered", "number ordered"),
        _count("quantity_delivered", "number delivered"),
        _arms_year("order_year", "year of the order or contract"),
        _arms_year("delivery_first_year", "year of the first delivery"),
        _arms_year("delivery_last_year", "year of the last delivery so far"),
        text(
            "deal_type",
            "how the arms changed hands",
            required=True,
            correctable=True,
            enum=("purchase", "donation", "licence", "second-hand", "unknown"),
        ),
        number(
            "value_amount",
            "whole-deal value in whole currency units, where a source states it",
            minimum=0,
            correctable=True,
        ),
        text("value_currency", "currency of value_amount", pattern=CURRENCY, correctable=True),
        number("sipri_tiv_m", "SIPRI trend-indicator value of the deliveries, millions", minimum=0),
        text(
            "status",
            "where the deal stands",
            required=True,
            correctable=True,
            enum=("ordered", "delivering", "delivered", "cancelled"),
        ),
        _confidence(correctable=True),
        text("notes", "deliveries by year, SIPRI's estimates and comments, disagreements", correctable=True),
        text("sipri_id", "SIPRI Arms Transfers Database deal id where the deal is in the register"),
    ),
    key=("transfer_id",),
    sourced=True,
    ordered=(Ordered("delivery_first_year", "delivery_last_year"),),
    together=(Together("value_amount", "value_currency"),),
)

EXERCISES = Table(
    "exercises",
    "Military exercises Serbia's armed forces took part in, hosted, observed, left or cancelled.",
    (
        text("exercise_id", "ex-<year>-<slug>", required=True),
        text("name", "the exercise's name as reported", required=True),
        date("start_date", "first day (first of the month or year when date_precision says so)"),
        date("end_date", "last day"),
        text("date_precision", "how exact start_date is", required=True, enum=DATE_PRECISION),
        _country("host_iso3", "the host country"),
        text("location", "training ground or place"),
        number("latitude", "of the location, WGS 84", minimum=-90, maximum=90),
        number("longitude", "of the location, WGS 84", minimum=-180, maximum=180),
        text(
            "domain",
            "the exercise's main domain",
            required=True,
            enum=(
                "land",
                "air",
                "sea",
                "special-operations",
                "peacekeeping",
                "cbrn",
                "medical",
                "emergency",
                "joint",
                "cyber",
                "other",
            ),
        ),
        text(
            "serbia_role",
            "what Serbia did",
            required=True,
            enum=("participant", "host", "observer", "withdrew", "cancelled"),
        ),
        _count("serbian_troops", "Serbian personnel taking part"),
        _count("total_troops", "all personnel taking part"),
        _confidence(),
        text("notes", "free text"),
    ),
    key=("exercise_id",),
    sourced=True,
    ordered=(Ordered("start_date", "end_date"),),
)

EXERCISE_PARTICIPANTS = Table(
    "exercise_participants",
    "The countries and organisations taking part in each exercise, Serbia included.",
    (
        text("exercise_id", "the exercise", required=True, references="exercises"),
        _country("iso3", "a participant", required=True),
    ),
    key=("exercise_id", "iso3"),
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
            enum=("annual report", "resolution", "conclusions", "statement", "speech", "interview", "press remarks"),
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
        text("excerpt", "a short quote from the statement", required=True, max_length=400),
        _confidence(),
        text("notes", "free text"),
    ),
    key=("statement_id",),
    sourced=True,
)

CFSP_ALIGNMENT = Table(
    "cfsp_alignment",
    "Published rates of alignment with the EU's Common Foreign and Security Policy declarations, per issuer "
    "and reference period.",
    (
        text("alignment_id", "cfsp-<issuer>-<country>-<period>", required=True),
        _country("country_iso3", "the candidate country measured", required=True),
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
        _count("declarations_aligned", "declarations the country aligned with"),
        _count("declarations_total", "declarations it was invited to align with"),
        _confidence(),
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
        _count("yes", "votes in favour"),
        _count("no", "votes against"),
        _count("abstain", "abstentions"),
        boolean("east_west_split", "Russia or China and the US or the EU majority voted differently", required=True),
        text("notes", "free text"),
    ),
    key=("resolution_id",),
    sourced=True,
)

UN_VOTES = Table(
    "un_votes",
    "How each listed country voted on the key resolutions.",
    (
        text("resolution_id", "the resolution", required=True, references="un_resolutions"),
        _country("country_iso3", "the voting country", required=True),
        text("vote", "the recorded vote", required=True, enum=("yes", "no", "abstain", "absent")),
    ),
    key=("resolution_id", "country_iso3"),
)

UN_AGREEMENT = Table(
    "un_agreement",
    "Yearly share of UN General Assembly roll calls on which a country voted like a partner.",
    (
        text("agreement_id", "<year>-<country>-<partner>", required=True),
        integer("year", "calendar year of the roll calls", required=True, minimum=1946, maximum=2100),
        _country("country_iso3", "the country measured", required=True),
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
        _count("n_votes", "roll calls on which both voted", required=True),
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
        _country("partner_iso3", "the other party; empty for Serbia's own decisions"),
        date("end_date", "for periods, e.g. an exercise moratorium"),
        text("description", "free text"),
        _confidence(),
        text("date_precision", "how exact date is (empty: day)", required=True, enum=DATE_PRECISION, default="day"),
    ),
    key=("event_id",),
    sourced=True,
    ordered=(Ordered("date", "end_date"),),
)
