"""Row models for the curated CSVs: one pydantic model per table, fields in schema.sql column order.

The DDL in data/schema.sql is the database contract; these models check the CSV text before it gets there,
so that a bad cell is reported as file:line: column rather than as a DuckDB constraint error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Confidence = Literal["high", "medium", "low"]
FactTable = Literal[
    "arms_transfers", "exercises", "eu_statements", "cfsp_alignment", "un_resolutions", "un_agreement", "events"
]

_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"malformed URL {value!r} (expected http(s)://host.tld/...)")
    return value


def _iso3(value: str) -> str:
    if not _ISO3.match(value):
        raise ValueError(f"{value!r} is not a three-letter upper-case code")
    return value


Url = Annotated[str, AfterValidator(_url)]
Iso3 = Annotated[str, AfterValidator(_iso3)]
Count = Annotated[int, Field(ge=0)]
Year = Annotated[int, Field(ge=1946, le=2100)]
Text = Annotated[str, Field(min_length=1)]


class Row(BaseModel):
    # strict about unknown columns; ints must be written as ints ("3", not "3.0")
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _ordered(first: str, last: str):
    """A model check that `last` is not before `first` when both are given."""

    @model_validator(mode="after")
    def check(self):
        a, b = getattr(self, first), getattr(self, last)
        if a is not None and b is not None and b < a:
            raise ValueError(f"{last} {b} is before {first} {a}")
        return self

    return check


class Country(Row):
    iso3: Iso3
    name: Text
    bloc: Literal["East", "West", "Other"]
    kind: Literal["country", "organisation"]
    eu_member: bool
    eu_candidate_wb: bool
    notes: str | None = None


class Source(Row):
    source_id: Text
    url: Url
    title: Text
    publisher: Text
    published_on: dt.date | None = None
    accessed_on: dt.date
    kind: Literal["dataset", "official", "news", "analysis"]
    notes: str | None = None


class ArmsTransfer(Row):
    transfer_id: Text
    recipient_iso3: Iso3
    supplier_iso3: Iso3
    designation: Text
    description: str | None = None
    category: Text
    quantity_ordered: Count | None = None
    quantity_delivered: Count | None = None
    order_year: Year | None = None
    delivery_first_year: Year | None = None
    delivery_last_year: Year | None = None
    deal_type: Literal["purchase", "donation", "licence", "second-hand", "unknown"]
    value_amount: Annotated[float, Field(ge=0)] | None = None
    value_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    sipri_tiv_m: Annotated[float, Field(ge=0)] | None = None
    status: Literal["ordered", "delivering", "delivered", "cancelled"]
    confidence: Confidence
    notes: str | None = None
    sipri_id: str | None = None

    _deliveries_in_order = _ordered("delivery_first_year", "delivery_last_year")

    @model_validator(mode="after")
    def _value_has_currency(self):
        if (self.value_amount is None) != (self.value_currency is None):
            raise ValueError("value_amount and value_currency go together: give both or neither")
        return self


class Exercise(Row):
    exercise_id: Text
    name: Text
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_precision: Literal["day", "month", "year"]
    host_iso3: Iso3 | None = None
    location: str | None = None
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    domain: Literal[
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
    ]
    serbia_role: Literal["participant", "host", "observer", "withdrew", "cancelled"]
    serbian_troops: Count | None = None
    total_troops: Count | None = None
    confidence: Confidence
    notes: str | None = None

    _dates_in_order = _ordered("start_date", "end_date")


class ExerciseParticipant(Row):
    exercise_id: Text
    iso3: Iso3


class EuStatement(Row):
    statement_id: Text
    date: dt.date
    institution: Literal[
        "European Commission",
        "European Parliament",
        "Council of the EU",
        "European Council",
        "EEAS / HR/VP",
        "EU Delegation to Serbia",
        "EU member state",
    ]
    speaker: str | None = None
    kind: Literal["annual report", "resolution", "conclusions", "statement", "speech", "interview", "press remarks"]
    topic: Literal[
        "CFSP alignment",
        "Russia sanctions",
        "Russia ties",
        "China ties",
        "strategic orientation",
        "Kosovo",
        "accession",
        "other",
    ]
    stance: Annotated[int, Field(ge=-2, le=2)]
    excerpt: Annotated[str, Field(min_length=1, max_length=400)]
    confidence: Confidence
    notes: str | None = None


class CfspAlignment(Row):
    alignment_id: Text
    country_iso3: Iso3
    issuer: Literal["European Commission", "ISAC Fund", "European Parliament", "Other"]
    period_label: Text
    period_start: dt.date
    period_end: dt.date
    rate_pct: Annotated[float, Field(ge=0, le=100)]
    declarations_aligned: Count | None = None
    declarations_total: Count | None = None
    confidence: Confidence
    notes: str | None = None

    _period_in_order = _ordered("period_start", "period_end")
    _counts_in_order = _ordered("declarations_aligned", "declarations_total")


class UnResolution(Row):
    resolution_id: Text
    date: dt.date
    title: Text
    topic: Text
    yes: Count | None = None
    no: Count | None = None
    abstain: Count | None = None
    east_west_split: bool
    notes: str | None = None


class UnVote(Row):
    resolution_id: Text
    country_iso3: Iso3
    vote: Literal["yes", "no", "abstain", "absent"]


class UnAgreement(Row):
    agreement_id: Text
    year: Year
    country_iso3: Iso3
    partner: Annotated[str, Field(pattern=r"^([A-Z]{3}|EU)$")]
    agreement: Annotated[float, Field(ge=0, le=1)]
    agreement_abstain_aware: Annotated[float, Field(ge=0, le=1)] | None = None
    n_votes: Count


class Event(Row):
    event_id: Text
    date: dt.date
    title: Text
    kind: Literal[
        "eu-accession",
        "nato",
        "visit",
        "agreement",
        "arms-deal",
        "exercise-suspension",
        "sanctions",
        "un-vote",
        "other",
    ]
    partner_iso3: Iso3 | None = None
    end_date: dt.date | None = None
    description: str | None = None
    confidence: Confidence
    date_precision: Annotated[Literal["day", "month", "year"], BeforeValidator(lambda v: v or "day")] = "day"

    _dates_in_order = _ordered("date", "end_date")


class FactSource(Row):
    fact_table: FactTable
    fact_id: Text
    source_id: Text
    evidence: Annotated[str, Field(max_length=300)] | None = None


class Alternative(Row):
    fact_table: FactTable
    fact_id: Text
    field: Text
    value: Text
    source_id: Text
    note: str | None = None
