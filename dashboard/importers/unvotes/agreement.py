"""Compute step: the roll calls in an in-memory DuckDB database, and the yearly agreement of each country with
each partner (queries/importers/un_agreement_yearly.sql; the EU majority is the build's macro of
queries/staging/eu_majority.sql)."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from dashboard.importers.unvotes.read import RollCallData
from dashboard.store import queries

COUNTRIES = ["SRB", "MNE", "MKD", "ALB", "BIH", "HRV"]
PARTNERS = ["RUS", "CHN", "USA", "EU"]
UNVOTES_LAST_FULL_YEAR = 2019  # the unvotes data stop in January 2020
CALENDAR_SERIES = "undl-calendar"  # un_agreement.source_series of the rows computed here from roll calls


def load(*parts: RollCallData) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the roll calls and votes of `parts` (their roll-call ids must not clash)."""
    con = duckdb.connect()
    con.execute(queries.sql("staging/eu_majority"))
    con.execute(queries.sql("importers/un_roll_call_tables"))
    calls = [rc for part in parts for rc in part.roll_calls.values()]
    votes = [(rcid, iso3, vote) for part in parts for (rcid, iso3), vote in part.votes.items()]
    if calls:
        frame = pd.DataFrame(
            [(c.rcid, c.year, c.date, c.symbol) for c in calls], columns=["rcid", "year", "date", "symbol"]
        ).astype(object)
        con.from_df(frame).insert_into("roll_calls")
    if votes:
        con.from_df(pd.DataFrame(votes, columns=["rcid", "iso3", "vote"])).insert_into("votes")
    return con


def agreement(
    con: duckdb.DuckDBPyConnection,
    countries: Iterable[str],
    partners: Iterable[str],
    eu: Iterable[str],
    first_year: int = 1946,
    last_year: int = 2100,
) -> pd.DataFrame:
    """Yearly agreement of each country with each partner (queries/importers/un_agreement_yearly.sql)."""
    return queries.run(
        con,
        "importers/un_agreement_yearly",
        countries=list(countries),
        partners=list(partners),
        eu_members=list(eu),
        first_year=first_year,
        last_year=last_year,
    )


def _share(value) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 4)


def agreement_row(r, series: str, year_basis: str) -> dict:
    """One un_agreement row from a frame row with year, country_iso3, partner, agreement, n_votes and, where
    the source gives them, agreement_abstain_aware and agreement_kappa: the one place the row is shaped."""
    return {
        "agreement_id": f"{r.year}-{r.country_iso3}-{r.partner}",
        "year": int(r.year),
        "country_iso3": r.country_iso3,
        "partner": r.partner,
        "agreement": _share(r.agreement),
        "agreement_abstain_aware": _share(getattr(r, "agreement_abstain_aware", None)),
        "n_votes": int(r.n_votes),
        "agreement_kappa": _share(getattr(r, "agreement_kappa", None)),
        "source_series": series,
        "year_basis": year_basis,
    }


def agreement_rows(frame: pd.DataFrame) -> list[dict]:
    return [agreement_row(r, CALENDAR_SERIES, "calendar") for r in frame.itertuples()]
