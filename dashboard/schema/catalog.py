"""The curated tables: file, row model, key, references and sourcing rule of each, in load order."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from dashboard.schema import rows


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[BaseModel]
    key: tuple[str, ...]
    # column -> (table, column) it must match; checked before load so errors name file and line
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    sourced: bool = False  # every row needs >= 1 line in fact_sources
    # further column sets that must be unique (besides the key)
    unique: tuple[tuple[str, ...], ...] = ()
    # values a referencing column may hold besides the referenced keys
    ref_extras: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)


COUNTRY = ("countries", "iso3")
SOURCE = ("sources", "source_id")

TABLES: list[TableSpec] = [
    TableSpec("countries", rows.Country, ("iso3",)),
    TableSpec("sources", rows.Source, ("source_id",), unique=(("url", "published_on"),)),
    TableSpec(
        "arms_transfers",
        rows.ArmsTransfer,
        ("transfer_id",),
        {"recipient_iso3": COUNTRY, "supplier_iso3": COUNTRY},
        sourced=True,
    ),
    TableSpec("exercises", rows.Exercise, ("exercise_id",), {"host_iso3": COUNTRY}, sourced=True),
    TableSpec(
        "exercise_participants",
        rows.ExerciseParticipant,
        ("exercise_id", "iso3"),
        {"exercise_id": ("exercises", "exercise_id"), "iso3": COUNTRY},
    ),
    TableSpec("eu_statements", rows.EuStatement, ("statement_id",), sourced=True),
    TableSpec("cfsp_alignment", rows.CfspAlignment, ("alignment_id",), {"country_iso3": COUNTRY}, sourced=True),
    TableSpec("un_resolutions", rows.UnResolution, ("resolution_id",), sourced=True),
    TableSpec(
        "un_votes",
        rows.UnVote,
        ("resolution_id", "country_iso3"),
        {"resolution_id": ("un_resolutions", "resolution_id"), "country_iso3": COUNTRY},
    ),
    TableSpec(
        "un_agreement",
        rows.UnAgreement,
        ("agreement_id",),
        {"country_iso3": COUNTRY, "partner": COUNTRY},
        sourced=True,
        ref_extras={"partner": frozenset({"EU"})},
    ),
    TableSpec("events", rows.Event, ("event_id",), {"partner_iso3": COUNTRY}, sourced=True),
    TableSpec("fact_sources", rows.FactSource, ("fact_table", "fact_id", "source_id"), {"source_id": SOURCE}),
    TableSpec(
        "alternatives",
        rows.Alternative,
        ("fact_table", "fact_id", "field", "value", "source_id"),
        {"source_id": SOURCE},
    ),
]

BY_NAME = {t.name: t for t in TABLES}
SOURCED = [t for t in TABLES if t.sourced]
# tables whose rows may be referred to by (fact_table, fact_id)
FACT_KEY = {t.name: t.key[0] for t in SOURCED}
