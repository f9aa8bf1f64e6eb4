"""Declarations of the UN General Assembly tables: key resolutions, how countries voted on them, and the yearly
agreement between countries (every row of a fact table cites a source)."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.schema.columns import (
    Table,
    boolean,
    count,
    country,
    date,
    integer,
    number,
    text,
    words,
)

UN_RESOLUTIONS = Table(
    "un_resolutions",
    N_("Key UN General Assembly votes on which East and West split."),
    (
        text("resolution_id", N_("the UN symbol, e.g. A/RES/ES-11/1"), required=True),
        date("date", N_("day of the vote"), required=True),
        text("title", N_("the resolution's title"), required=True),
        text(
            "topic",
            N_("short topic label"),
            required=True,
            # the labels in use, translated where shown; a new label is shown as written until it is added
            labels=words(
                N_("Ukraine"),
                N_("Ukraine: Crimea"),
                N_("Ukraine: war"),
                N_("Georgia: displaced persons"),
                N_("Srebrenica"),
            ),
        ),
        count("yes", N_("votes in favour")),
        count("no", N_("votes against")),
        count("abstain", N_("abstentions")),
        boolean(
            "east_west_split", N_("Russia or China and the US or the EU majority voted differently"), required=True
        ),
        text("notes", N_("free text")),
        text(
            "title_sr",
            N_("the title in Serbian (Latin script): the project's own translation of the English title"),
            required=True,
        ),
    ),
    key=("resolution_id",),
    sourced=True,
)

UN_VOTES = Table(
    "un_votes",
    N_("How each listed country voted on the key resolutions."),
    (
        text("resolution_id", N_("the resolution"), required=True, references="un_resolutions"),
        country("country_iso3", N_("the voting country"), required=True),
        text(
            "vote",
            N_("the recorded vote"),
            required=True,
            enum=words(N_("yes"), N_("no"), N_("abstain"), N_("absent")),
        ),
    ),
    key=("resolution_id", "country_iso3"),
)

UN_AGREEMENT = Table(
    "un_agreement",
    N_("Yearly share of UN General Assembly roll calls on which a country voted like a partner."),
    (
        text("agreement_id", N_("<year>-<country>-<partner>"), required=True),
        integer(
            "year",
            N_("calendar year of the roll calls, or the year a session opened (see year_basis)"),
            required=True,
            minimum=1946,
            maximum=2100,
        ),
        country("country_iso3", N_("the country measured"), required=True),
        text(
            "partner",
            N_("an ISO3 code, or EU for the EU members' majority"),
            required=True,
            references="countries",
            also_allowed=frozenset({"EU"}),
        ),
        number(
            "agreement",
            N_("share of the roll calls with the same vote (absences left out)"),
            required=True,
            minimum=0,
            maximum=1,
        ),
        number(
            "agreement_abstain_aware",
            N_("same vote 1, an abstention against yes or no 0.5, yes against no 0"),
            minimum=0,
            maximum=1,
        ),
        count(
            "n_votes",
            N_(
                "roll calls on which both voted (series voeten-session: the roll calls the country voted on in the "
                "session, Voeten's NVotesAll)"
            ),
            required=True,
        ),
        number(
            "agreement_kappa",
            N_(
                "Cohen's kappa over the same roll calls (yes, no, abstain): agreement corrected for what the two "
                "sides' vote shares give by chance; empty where undefined"
            ),
            minimum=-1,
            maximum=1,
        ),
        text(
            "source_series",
            N_(
                "which computation the row comes from: undl-calendar (this project, from UN Digital Library roll "
                "calls) or voeten-session (Voeten et al.'s published agreement scores)"
            ),
            required=True,
            enum=("undl-calendar", "voeten-session"),
            default="undl-calendar",
        ),
        text(
            "year_basis",
            N_(
                "what `year` means: calendar (roll calls of 1 January to 31 December) or session (the UNGA session "
                "opening in September of `year` and ending in September of the next; year = session + 1945)"
            ),
            required=True,
            enum=("calendar", "session"),
            default="calendar",
        ),
    ),
    key=("agreement_id",),
    unique=(("year", "country_iso3", "partner"),),
    sourced=True,
)
