"""UN votes component: agreement with the EU members' majority against agreement with the East (Russia, China).

Per country and year, with W the agreement with the EU majority and E the mean agreement with the East's
members present:
- kappa (default): (κ_W − κ_E) / 2, Cohen's kappa on the same roll calls (chance-corrected, Häge 2011);
  both kappas lie in −1…+1, so the difference is halved onto the scale;
- raw: W − E, the shares of identical votes;
- raw ratio: (W − E) / (W + E).
Missing when the EU majority or every East partner is missing. Contested raw figures (`alternatives`) are
drawn by the Monte Carlo; kappa has no recorded alternative.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.i18n import N_
from dashboard.index import settings as s
from dashboard.index.inputs import ComponentValues, Grid, combinations, pack, variants
from dashboard.index.wording import Said


def _measure(rows: list[tuple[str, float, float]], measure: str) -> float:
    """rows: (side, raw agreement, kappa) of one cell."""
    west = [(a, k) for side, a, k in rows if side == "West"]
    east = [(a, k) for side, a, k in rows if side == "East"]
    if not west or not east:
        return np.nan
    if measure == "kappa":
        kw = west[0][1]
        ke = [k for _, k in east if not np.isnan(k)]
        return (kw - np.mean(ke)) / 2 if ke and not np.isnan(kw) else np.nan
    aw, ae = west[0][0], float(np.mean([a for a, _ in east]))
    if measure == "raw":
        return aw - ae
    return (aw - ae) / (aw + ae) if aw + ae > 0 else np.nan


def values(frame: pd.DataFrame, grid: Grid) -> ComponentValues:
    cells: dict[int, dict] = {}
    frame = frame.sort_values(["country_iso3", "year", "partner"])
    for (iso3, year), group in frame.groupby(["country_iso3", "year"], sort=True):
        cell = grid.cell(iso3, int(year))
        if cell is None:
            continue
        recs = list(group.itertuples())
        options = [[float(r.agreement), *sorted(float(v) for v in r.alt_agreement)] for r in recs]
        combos = combinations(options)
        kappa = [np.nan if pd.isna(r.agreement_kappa) else float(r.agreement_kappa) for r in recs]
        table = [
            [_measure([(r.side, a, k) for r, a, k in zip(recs, combo, kappa)], v["un_measure"]) for combo in combos]
            for v in variants("un_votes")
        ]
        if np.isnan(np.asarray(table, dtype=float)).all():
            continue
        shared = min(int(r.n_votes) for r in recs)
        cells[cell] = {
            "values": table,
            "fact_ids": [r.fact_id for r in recs],
            "basis": Said(
                N_("at least {shared} shared roll calls with each of {partners}"),
                shared=shared,
                partners=", ".join(r.partner for r in recs),  # codes: the same in every language
            ),
            "flag": f"few shared roll calls ({shared})" if shared < s.FEW_VOTES else "",
        }
    return pack("un_votes", grid, cells)
