"""Benchmark: yearly UN voting agreement of ALL country pairs, DuckDB SQL against pandas, side by side.

    python -m bench.bench_un_agreement [--votes FILE] [--roll-calls FILE] [--repeat 5]

Input: the whole unvotes roll-call data as shipped in ../shared/sources/unvotes_dgrtwo: every roll call
1992-2019 with the votes of the 41 countries in that extract (42 codes: Serbia's seat counts as Yugoslavia,
YUG, before February 2003). Computed: for every year, every country against every other country and against
'EU' (the EU members' majority), the same measures as queries/importers/un_agreement_yearly.sql.
Reading the files is not timed; each engine starts from the same normalised votes. Prints the best of
--repeat runs of each (runs alternate, so both see the same machine state) and their ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.importers.unvotes import cli
from dashboard.importers.unvotes.agreement import agreement, load
from dashboard.importers.unvotes.countries import country_names, eu_members
from dashboard.importers.unvotes.read import UNVOTES_ROLL_CALLS, UNVOTES_VOTES, read

CAST = ["yes", "no", "abstain"]


def pandas_agreement(
    votes: pd.DataFrame, roll_calls: pd.DataFrame, countries: list[str], partners: list[str], eu: list[str]
) -> pd.DataFrame:
    """The computation of queries/importers/un_agreement_yearly.sql, written with pandas."""
    cast = votes[votes.vote.isin(CAST)].merge(roll_calls[["rcid", "year"]], on="rcid")
    tally = cast[cast.iso3.isin(eu)].groupby(["rcid", "year", "vote"]).size().reset_index(name="n")
    top = tally[tally.n == tally.groupby("rcid").n.transform("max")]
    eu_position = top[top.groupby("rcid").vote.transform("size") == 1].drop(columns="n").assign(iso3="EU")
    others = pd.concat([cast[cast.iso3.isin(partners)], eu_position if "EU" in partners else None])
    pairs = cast[cast.iso3.isin(countries)].merge(others, on=["rcid", "year"], suffixes=("", "_p"))
    pairs = pairs[pairs.iso3 != pairs.iso3_p]
    same = pairs.vote == pairs.vote_p
    abstained = pairs.vote.eq("abstain") | pairs.vote_p.eq("abstain")
    scored = (
        pairs[["year", "iso3", "iso3_p"]]
        .rename(columns={"iso3": "country_iso3", "iso3_p": "partner"})
        .assign(
            agreement=same.astype(float), agreement_abstain_aware=np.where(same, 1.0, np.where(abstained, 0.5, 0.0))
        )
    )
    out = (
        scored.groupby(["year", "country_iso3", "partner"])
        .agg(
            agreement=("agreement", "mean"),
            agreement_abstain_aware=("agreement_abstain_aware", "mean"),
            n_votes=("agreement", "size"),
        )
        .reset_index()
    )
    return out.sort_values(["year", "country_iso3", "partner"], ignore_index=True)


def timed(fn) -> tuple[float, pd.DataFrame]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--votes", type=Path, default=cli.UNVOTES_DIR / UNVOTES_VOTES)
    parser.add_argument("--roll-calls", type=Path, default=cli.UNVOTES_DIR / UNVOTES_ROLL_CALLS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    data = read(args.votes, country_names(), roll_calls=args.roll_calls)
    eu = eu_members()
    con = load(data)
    votes = con.execute("SELECT * FROM votes").df()  # the same normalised input for both engines
    roll_calls = con.execute("SELECT * FROM roll_calls").df()
    countries = sorted(votes.iso3.unique())
    partners = countries + ["EU"]
    print(
        f"input: {len(votes):,} votes on {len(roll_calls):,} roll calls, {len(countries)} countries "
        f"({args.votes.name}); all pairs plus EU, every year"
    )

    duck_times, panda_times = [], []
    for _ in range(args.repeat):  # alternate the engines, one run each per round
        t, duck = timed(lambda: agreement(con, countries, partners, eu))
        duck_times.append(t)
        t, panda = timed(lambda: pandas_agreement(votes, roll_calls, countries, partners, eu))
        panda_times.append(t)

    merged = duck.merge(panda, on=["year", "country_iso3", "partner"], suffixes=("_duckdb", "_pandas"))
    assert len(merged) == len(duck) == len(panda), "the engines disagree on which pairs exist"
    diff = max(
        (merged[f"{c}_duckdb"] - merged[f"{c}_pandas"]).abs().max()
        for c in ("agreement", "agreement_abstain_aware", "n_votes")
    )
    d, p = min(duck_times), min(panda_times)
    print(f"result: {len(duck):,} (year, country, partner) rows; largest difference between engines {diff:.2e}")
    print(f"duckdb  best of {args.repeat}: {d * 1000:8.1f} ms")
    print(f"pandas  best of {args.repeat}: {p * 1000:8.1f} ms")
    print(f"ratio pandas / duckdb: {p / d:.2f}")


if __name__ == "__main__":
    main()
