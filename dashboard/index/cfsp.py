"""CFSP component: the share of EU foreign-policy declarations a country aligned with, per issuer.

Value = 2 × rate / 100 − 1 (all declarations +1, none −1). A year's rate per issuer is the period that is
exactly that calendar year where the issuer published one, else the mean of the issuer's periods whose middle
falls in the year (half-years, reports over other twelve months). Issuers are never merged: the default takes
the first issuer present in settings.ISSUER_PREFERENCE; the Monte Carlo draws an issuer among those present
(each equally likely) and, for contested rates (`alternatives`), one of the recorded values.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import N_
from dashboard.index import settings as s
from dashboard.index.inputs import ComponentValues, Grid, combinations, pack
from dashboard.index.wording import Said


def _year_rows(group: pd.DataFrame) -> pd.DataFrame:
    full = group[group["full_year"].astype(bool)]
    return full.head(1) if len(full) else group


def values(frame: pd.DataFrame, grid: Grid) -> ComponentValues:
    cells: dict[int, dict] = {}
    order = {issuer: i for i, issuer in enumerate(s.ISSUER_PREFERENCE)}
    frame = frame.assign(_rank=frame["issuer"].map(order).fillna(len(order))).sort_values(
        ["country_iso3", "year", "_rank", "issuer", "fact_id"]
    )
    for (iso3, year), group in frame.groupby(["country_iso3", "year"], sort=True):
        cell = grid.cell(iso3, int(year))
        if cell is None:
            continue
        per_issuer = []  # (issuer, rows, [value per contested combination])
        for issuer, rows in group.groupby(["_rank", "issuer"], sort=True):
            rows = _year_rows(rows)
            options = [[float(r.rate_pct), *sorted(float(v) for v in r.alt_rate)] for r in rows.itertuples()]
            combos = combinations(options)
            per_issuer.append((issuer[1], rows, [2 * (sum(c) / len(c)) / 100 - 1 for c in combos]))
        # every issuer gets the same number of slots, so a uniform draw over slots picks issuers equally
        width = max(len(v) for _, _, v in per_issuer)
        slots = [v[i % len(v)] for _, _, v in per_issuer for i in range(width)]
        issuer, rows, _ = per_issuer[0]
        others = [i for i, _, _ in per_issuer[1:]]
        cells[cell] = {
            "values": [slots],
            "fact_ids": list(rows["fact_id"]),
            "basis": Said(
                N_("{issuer}: {periods} (also published: {others})") if others else N_("{issuer}: {periods}"),
                issuer=Said(issuer),  # an issuer's name is a declared word (cfsp_alignment.issuer)
                periods="; ".join(rows["period_label"].astype(str)),  # the issuer's own labels: data text
                others=", ".join(others),
            ),
        }
    return pack("cfsp", grid, cells)
