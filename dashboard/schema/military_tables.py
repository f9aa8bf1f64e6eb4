"""Declarations of the military fact tables: arms transfers and exercises (every row cites a source)."""

from __future__ import annotations

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
)

# who uses the arms in the recipient country: armed_forces unless a source says otherwise; interior_ministry for
# units of the ministry as a whole (e.g. its helicopter unit), police for named police units (special forces,
# gendarmerie), other for any other user (e.g. a customs or intelligence service)
END_USERS = ("armed_forces", "interior_ministry", "police", "other")

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
        country("recipient_iso3", "the receiving country", required=True),
        country("supplier_iso3", "the supplying country", required=True),
        text("designation", "the weapon system as SIPRI or the source names it", required=True),
        text("description", "what the system is", correctable=True),
        text("category", "SIPRI weapon category", required=True),
        count("quantity_ordered", "number ordered"),
        count("quantity_delivered", "number delivered"),
        arms_year("order_year", "year of the order or contract"),
        arms_year("delivery_first_year", "year of the first delivery"),
        arms_year("delivery_last_year", "year of the last delivery so far"),
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
        confidence(correctable=True),
        text("notes", "deliveries by year, SIPRI's estimates and comments, disagreements", correctable=True),
        text("sipri_id", "SIPRI Arms Transfers Database deal id where the deal is in the register"),
        text(
            "end_user",
            "who receives and uses the arms in the recipient country, where a source names a user other than "
            "the armed forces (the interior ministry as a whole, its police units, or another body)",
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
    "Military exercises Serbia's armed forces took part in, hosted, observed, left or cancelled.",
    (
        text("exercise_id", "ex-<year>-<slug>", required=True),
        text("name", "the exercise's name as reported", required=True),
        date("start_date", "first day (first of the month or year when date_precision says so)"),
        date("end_date", "last day"),
        text("date_precision", "how exact start_date is", required=True, enum=DATE_PRECISION),
        country("host_iso3", "the host country"),
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
        count("serbian_troops", "Serbian personnel taking part"),
        count("total_troops", "all personnel taking part"),
        confidence(),
        text("notes", "free text"),
        text(
            "end_precision",
            "how exact end_date is (empty: day); start and end may be known to different precision",
            enum=DATE_PRECISION,
            default="day",
        ),
        count("duration_days", "the exercise's length in days as the source reports it (e.g. a ten-day drill)"),
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
        country("iso3", "a participant", required=True),
    ),
    key=("exercise_id", "iso3"),
)
