"""Declarations of the military fact tables: arms transfers and exercises (every row cites a source)."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.schema.columns import (
    CURRENCY,
    DATE_PRECISION,
    Ordered,
    Table,
    Together,
    arms_year,
    confidence,
    count,
    country,
    date,
    number,
    text,
    words,
)

# who uses the arms in the recipient country: armed_forces unless a source says otherwise; interior_ministry for
# units of the ministry as a whole (e.g. its helicopter unit), police for named police units (special forces,
# gendarmerie), other for any other user (e.g. a customs or intelligence service)
# who uses the arms (arms_transfers.end_user; empty is the armed forces), with the words readers see
END_USERS = {
    "armed_forces": N_("armed forces"),
    "interior_ministry": N_("interior ministry"),
    "police": N_("police"),
    "other": N_("other user"),
}

ARMS_TRANSFERS = Table(
    "arms_transfers",
    N_(
        "Arms deals with the Western Balkan countries as recipients: SIPRI's register rows (imported) and deals "
        "SIPRI does not yet hold (curated)."
    ),
    (
        text(
            "transfer_id",
            N_("sipri-<deal id> or sipri-order-... for imported rows, arms-... for curated ones"),
            required=True,
        ),
        country("recipient_iso3", N_("the receiving country"), required=True),
        country("supplier_iso3", N_("the supplying country"), required=True),
        text("designation", N_("the weapon system as SIPRI or the source names it"), required=True),
        text("description", N_("what the system is"), correctable=True),
        text(
            "category",
            N_("SIPRI weapon category"),
            required=True,
            # SIPRI's categories, translated where shown; SIPRI may add one, shown as written until added here
            labels=words(
                N_("Aircraft"),
                N_("Air-defence systems"),
                N_("Anti-submarine warfare"),
                N_("Armoured vehicles"),
                N_("Artillery"),
                N_("Engines"),
                N_("Missiles"),
                N_("Naval weapons"),
                N_("Satellites"),
                N_("Sensors"),
                N_("Ships"),
                N_("Other"),
            ),
        ),
        count("quantity_ordered", N_("number ordered")),
        count("quantity_delivered", N_("number delivered")),
        arms_year("order_year", N_("year of the order or contract")),
        arms_year("delivery_first_year", N_("year of the first delivery")),
        arms_year("delivery_last_year", N_("year of the last delivery so far")),
        text(
            "deal_type",
            N_("how the arms changed hands"),
            required=True,
            correctable=True,
            enum=words(N_("purchase"), N_("donation"), N_("licence"), N_("second-hand"), N_("unknown")),
        ),
        number(
            "value_amount",
            N_("whole-deal value in whole currency units, where a source states it"),
            minimum=0,
            correctable=True,
        ),
        text("value_currency", N_("currency of value_amount"), pattern=CURRENCY, correctable=True),
        number("sipri_tiv_m", N_("SIPRI trend-indicator value of the deliveries, millions"), minimum=0),
        text(
            "status",
            N_("where the deal stands"),
            required=True,
            correctable=True,
            enum=words(N_("ordered"), N_("delivering"), N_("delivered"), N_("cancelled")),
        ),
        confidence(correctable=True),
        text("notes", N_("deliveries by year, SIPRI's estimates and comments, disagreements"), correctable=True),
        text("sipri_id", N_("SIPRI Arms Transfers Database deal id where the deal is in the register")),
        text(
            "end_user",
            N_(
                "who receives and uses the arms in the recipient country, where a source names a user other than "
                "the armed forces (the interior ministry as a whole, its police units, or another body)"
            ),
            enum=END_USERS,
            default="armed_forces",
            correctable=True,
        ),
    ),
    key=("transfer_id",),
    sourced=True,
    ordered=(Ordered("delivery_first_year", "delivery_last_year"),),
    together=(Together("value_amount", "value_currency"),),
)

EXERCISES = Table(
    "exercises",
    N_("Military exercises Serbia's armed forces took part in, hosted, observed, left or cancelled."),
    (
        text("exercise_id", N_("ex-<year>-<slug>"), required=True),
        text("name", N_("the exercise's name as reported"), required=True),
        date("start_date", N_("first day (first of the month or year when date_precision says so)")),
        date("end_date", N_("last day")),
        text("date_precision", N_("how exact start_date is"), required=True, enum=DATE_PRECISION),
        country("host_iso3", N_("the host country")),
        text("location", N_("training ground or place")),
        number("latitude", N_("of the location, WGS 84"), minimum=-90, maximum=90),
        number("longitude", N_("of the location, WGS 84"), minimum=-180, maximum=180),
        text(
            "domain",
            N_("the exercise's main domain"),
            required=True,
            enum={
                "land": N_("land"),
                "air": N_("air"),
                "sea": N_("sea"),
                "special-operations": N_("special operations"),
                "peacekeeping": N_("peacekeeping"),
                "cbrn": N_("CBRN"),
                "medical": N_("medical"),
                "emergency": N_("emergency"),
                "joint": N_("joint"),
                "cyber": N_("cyber"),
                "other": N_("other"),
            },
        ),
        text(
            "serbia_role",
            N_("what Serbia did"),
            required=True,
            enum=words(N_("participant"), N_("host"), N_("observer"), N_("withdrew"), N_("cancelled")),
        ),  # the roles that count as taking part: COUNTED_ROLES below
        count("serbian_troops", N_("Serbian personnel taking part")),
        count("total_troops", N_("all personnel taking part")),
        confidence(),
        text("notes", N_("free text")),
        text(
            "end_precision",
            N_("how exact end_date is (empty: day); start and end may be known to different precision"),
            enum=DATE_PRECISION,
            default="day",
        ),
        count("duration_days", N_("the exercise's length in days as the source reports it (e.g. a ten-day drill)")),
        text(
            "name_sr",
            N_(
                "the name in Serbian (Latin script): as Serbian sources give it where they do, else the code name "
                "kept and the rest translated by the project"
            ),
            required=True,
        ),
    ),
    key=("exercise_id",),
    sourced=True,
    ordered=(Ordered("start_date", "end_date"),),
)

EXERCISE_PARTICIPANTS = Table(
    "exercise_participants",
    N_("The countries and organisations taking part in each exercise, Serbia included."),
    (
        text("exercise_id", N_("the exercise"), required=True, references="exercises"),
        country("iso3", N_("a participant"), required=True),
    ),
    key=("exercise_id", "iso3"),
)

# The serbia_role values that count as Serbia taking part in an exercise, in the per-year counts, the coverage
# against published totals and the index. An observer mission (Zapad 2025) is drawn but not counted: observing
# is not training together, and the published totals count exercises held. The build turns this into the SQL
# macro counted_role(role) (schema/ddl.py), so queries and views apply the same rule.
COUNTED_ROLES = ("participant", "host")
