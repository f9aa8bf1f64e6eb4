"""Exercise component: exercises Serbia took part in or hosted with West against East partners, per year.

Value = (W − E) / (W + E), with W the exercises that year with at least one West partner and E those with an
East one (an exercise with both counts on both sides); by days (the alternative), each exercise weighs its
length where both ends are known to the day, falling back to counting when none is. Yearly, no window: a
year without exercises (such as the moratorium from 2020) is missing, not neutral. Contested start and end
dates (`alternatives`) give other lengths, which the Monte Carlo draws from.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.i18n import N_
from dashboard.index.inputs import ComponentValues, Grid, combinations, diverging, pack, variants
from dashboard.index.wording import Said


def _value(recs: list, days: tuple, basis: str) -> float:
    count = diverging(sum(r.west for r in recs), sum(r.east for r in recs))
    if basis == "count":
        return count
    known = [(r, d) for r, d in zip(recs, days) if not np.isnan(d)]
    if not known:
        return count
    return diverging(sum(d for r, d in known if r.west), sum(d for r, d in known if r.east))


def values(frame: pd.DataFrame, grid: Grid) -> ComponentValues:
    cells: dict[int, dict] = {}
    frame = frame.sort_values(["country_iso3", "year", "fact_id"])
    for (iso3, year), group in frame.groupby(["country_iso3", "year"], sort=True):
        cell = grid.cell(iso3, int(year))
        if cell is None:
            continue
        recs = list(group.itertuples())
        options = [[np.nan if pd.isna(r.days) else float(r.days), *sorted(float(d) for d in r.alt_days)] for r in recs]
        combos = combinations(options)
        table = [[_value(recs, c, v["exercise_basis"]) for c in combos] for v in variants("exercises")]
        west, east = sum(bool(r.west) for r in recs), sum(bool(r.east) for r in recs)
        cells[cell] = {
            "values": table,
            "fact_ids": [r.fact_id for r in recs],
            "basis": Said(N_("{west} with West and {east} with East partners"), west=west, east=east),
        }
    return pack("exercises", grid, cells)
