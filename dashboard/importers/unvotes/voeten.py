"""Read step for Voeten et al.'s published agreement scores: the ideal-point file (Bailey, Strezhnev and
Voeten, `IdealpointestimatesAll_*.csv`, or an extract keeping its columns) gives, per country and UNGA
session, the share of the session's recorded votes on which the country voted like the United States,
Russia and China (`USAgree`, `RUSSAgree`, `ChinaAgree`: the same vote, yes, no or abstain, as this
project's `agreement`) and `NVotesAll`, the roll calls the country voted on.

Sessions are not calendar years: session S opens in September of year S + 1945 and ends the next
September. Rows keep that year (Voeten's own label) with `year_basis` = session. Country names are coded
through curated/country_names.csv at the session's opening (Serbia is "Yugoslavia" there for all years).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.importers.unvotes.agreement import agreement_row
from dashboard.importers.unvotes.read import _read_rows
from dashboard.pipeline.problems import DataError, Problem

# partner code -> the file's agreement column
PARTNER_COLUMNS = {"USA": "USAgree", "RUS": "RUSSAgree", "CHN": "ChinaAgree"}
NEEDED = ["session", "NVotesAll", "Countryname", *PARTNER_COLUMNS.values()]
SESSION_OFFSET = 1945  # session 77 opened in September 2022
SERIES, YEAR_BASIS = "voeten-session", "session"


def session_year(session: int) -> int:
    return session + SESSION_OFFSET


def read_scores(path: Path, names: CountryNames, countries: list[str], partners: list[str]) -> pd.DataFrame:
    """One row per (session year, country, partner) for `countries` and the partners the file scores:
    year, session, country_iso3, partner, agreement, n_votes (columns as un_agreement's)."""
    header, rows, problems = _read_rows(path)
    missing = [c for c in NEEDED if c not in header]
    if missing:
        raise DataError([Problem(str(path), 1, "header", f"missing column(s) {', '.join(missing)}")])
    out = []
    for line, row in rows:
        try:
            session, n_votes = int(float(row["session"])), int(float(row["NVotesAll"]))
        except ValueError:
            problems.add(line, "session", f"session and NVotesAll must be numbers (got {row['session']!r})")
            continue
        year = session_year(session)
        iso3 = names.iso3(row["Countryname"], dt.date(year, 9, 15))
        if iso3 is None:
            problems.add(line, "Countryname", f"unknown country {row['Countryname']!r}: add it to {NAMES_FILE}")
            continue
        if iso3 not in countries:
            continue
        for partner in (p for p in partners if p in PARTNER_COLUMNS and p != iso3):
            raw = row[PARTNER_COLUMNS[partner]].strip()
            if raw in ("", "NA"):
                continue
            try:
                value = float(raw)
            except ValueError:
                problems.add(line, PARTNER_COLUMNS[partner], f"not a number (got {raw!r})")
                continue
            if not 0 <= value <= 1:
                problems.add(line, PARTNER_COLUMNS[partner], f"agreement outside 0..1 (got {raw!r})")
                continue
            out.append((year, session, iso3, partner, value, n_votes, row["Countryname"].strip()))
    problems.raise_if_any()
    frame = pd.DataFrame(out, columns=["year", "session", "country_iso3", "partner", "agreement", "n_votes", "name"])
    return frame.sort_values(["year", "country_iso3", "partner"]).reset_index(drop=True)


def score_rows(frame: pd.DataFrame) -> list[dict]:
    """un_agreement rows of the session scores (no abstain-aware figure or kappa: the file gives neither)."""
    return [agreement_row(r, SERIES, YEAR_BASIS) for r in frame.itertuples()]


def evidence(row: dict, session: int, name: str, file: str) -> str:
    column = PARTNER_COLUMNS[row["partner"]]
    return (
        f"{file}, session {session} (Sep {row['year']} to Sep {row['year'] + 1}), {name} "
        f"(= {row['country_iso3']}): {column} {row['agreement']}, NVotesAll {row['n_votes']}"
    )
