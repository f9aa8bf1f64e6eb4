"""Hand-made inputs of the East–West index (the columns of queries/pages/index_*.sql), for the index tests."""

from __future__ import annotations

import pandas as pd

UN_COLUMNS = ["country_iso3", "year", "partner", "side", "agreement", "agreement_kappa", "n_votes", "fact_id",
              "alt_agreement"]  # fmt: skip
CFSP_COLUMNS = ["country_iso3", "year", "issuer", "rate_pct", "fact_id", "period_label", "full_year", "alt_rate"]
ARMS_COLUMNS = ["fact_id", "country_iso3", "side", "order_year", "delivery_first_year", "delivery_last_year",
                "sipri_tiv_m", "alt_order_year", "alt_delivery_first_year", "alt_delivery_last_year",
                "alt_sipri_tiv_m"]  # fmt: skip
EXERCISE_COLUMNS = ["fact_id", "country_iso3", "year", "days", "alt_days", "west", "east"]
NAMES = {"SRB": "Serbia", "MNE": "Montenegro"}


def un(iso3, year, partner, agreement, kappa, alts=(), n=80):
    side = "West" if partner == "EU" else "East"
    return (iso3, year, partner, side, agreement, kappa, n, f"{year}-{iso3}-{partner}", list(alts))


def cfsp(iso3, year, rate, alts=(), issuer="ISAC Fund", full_year=True):
    return (iso3, year, issuer, rate, f"cfsp-{issuer[:4]}-{iso3}-{year}", str(year), full_year, list(alts))


def deal(fact_id, iso3, side, order, first, last, tiv, **alts):
    fields = ("order_year", "delivery_first_year", "delivery_last_year", "sipri_tiv_m")
    return (fact_id, iso3, side, order, first, last, tiv, *(list(alts.get(f, ())) for f in fields))


def frames(un_rows=(), cfsp_rows=(), arms_rows=(), exercise_rows=()) -> dict[str, pd.DataFrame]:
    return {
        "un_votes": pd.DataFrame(list(un_rows), columns=UN_COLUMNS),
        "cfsp": pd.DataFrame(list(cfsp_rows), columns=CFSP_COLUMNS),
        "arms": pd.DataFrame(list(arms_rows), columns=ARMS_COLUMNS),
        "exercises": pd.DataFrame(list(exercise_rows), columns=EXERCISE_COLUMNS),
    }


def hand_fixture() -> dict[str, pd.DataFrame]:
    """Two countries, three years; Serbia has no CFSP rate for 2021 (the missing component) and a contested
    CFSP rate for 2020 (56 %, another source 60 %); Montenegro has no arms deals. Worked out in
    tests/test_index.py."""
    return frames(
        un_rows=[
            un("SRB", 2019, "EU", 0.6, 0.3),
            un("SRB", 2019, "RUS", 0.7, 0.4),
            un("SRB", 2019, "CHN", 0.8, 0.2),
            un("SRB", 2020, "EU", 0.7, 0.5),
            un("SRB", 2020, "RUS", 0.6, 0.1),
            un("SRB", 2021, "EU", 0.8, 0.6),
            un("SRB", 2021, "RUS", 0.6, 0.2),
            un("SRB", 2021, "CHN", 0.5, 0.0),
            un("MNE", 2019, "EU", 0.95, 0.9),
            un("MNE", 2019, "RUS", 0.5, 0.1),
            un("MNE", 2020, "EU", 0.95, 0.9),
            un("MNE", 2020, "RUS", 0.5, 0.1),
            un("MNE", 2021, "EU", 1.0, 1.0),
            un("MNE", 2021, "RUS", 0.4, 0.0),
        ],  # fmt: skip
        cfsp_rows=[
            cfsp("SRB", 2019, 57),
            cfsp("SRB", 2020, 56, alts=[60]),
            cfsp("MNE", 2019, 100),
            cfsp("MNE", 2020, 98),
            cfsp("MNE", 2021, 96),
        ],  # fmt: skip
        arms_rows=[
            deal("d1", "SRB", "West", 2018, 2019, 2020, 10.0),
            deal("d2", "SRB", "East", 2020, 2021, 2021, 30.0),
        ],
    )
