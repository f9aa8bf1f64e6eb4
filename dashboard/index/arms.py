"""Arms components: deliveries and orders from West against East suppliers over a moving window.

For year y and window w (default 5 years, as SIPRI's own averages; the Monte Carlo also tries 3 and 7), with
W and E the West's and the East's amounts in years y − w + 1 … y: value = (W − E) / (W + E).
- deliveries: a deal's SIPRI TIV is spread evenly over its delivery years (first … last; the first alone when
  no last year is given); counted, a deal counts once if it delivered in the window;
- orders: deals ordered in the window, by TIV or counted.
By TIV (default) only deals with a TIV count; a window where none has one falls back to counting deals.
Suppliers outside both blocs and cancelled deals are left out (queries/pages/index_arms.sql). Missing when no
deal falls in the window. Contested years and TIVs (`alternatives`) are drawn by the Monte Carlo.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from dashboard.i18n import N_
from dashboard.index import settings as s
from dashboard.index.inputs import ComponentValues, Grid, combinations, pack, variants
from dashboard.index.wording import Said

FIELDS = ("order_year", "delivery_first_year", "delivery_last_year", "sipri_tiv_m")


def _options(r) -> list[tuple]:
    """Every combination of one recorded value per field of a deal, the recorded ones first."""
    per_field = []
    for f in FIELDS:
        main = getattr(r, f)
        main = np.nan if pd.isna(main) else float(main)
        per_field.append([main, *sorted({float(v) for v in getattr(r, "alt_" + f)} - {main})])
    return list(itertools.product(*per_field))


def _sums(deals: np.ndarray, west: np.ndarray, years: np.ndarray, windows: np.ndarray) -> dict[str, np.ndarray]:
    """deals[d] = (order, first, last, tiv); every sum as [side (West, East), year, window]."""
    order, first, last, tiv = (deals[:, i][:, None, None] for i in range(4))
    last = np.where(np.isnan(last), first, last)
    lo = years[None, :, None] - windows[None, None, :] + 1
    hi = years[None, :, None]
    with np.errstate(invalid="ignore"):
        overlap = np.clip(np.minimum(last, hi) - np.maximum(first, lo) + 1, 0, None)
        overlap = np.nan_to_num(overlap)
        delivered = overlap > 0
        share = np.nan_to_num(overlap / (last - first + 1))
        ordered = (order >= lo) & (order <= hi)
    known = ~np.isnan(tiv)
    t = np.nan_to_num(tiv)
    per = {
        "deliveries_count": delivered,
        "deliveries_tiv": t * share * known,
        "deliveries_known": delivered & known,
        "orders_count": ordered,
        "orders_tiv": t * ordered * known,
        "orders_known": ordered & known,
    }
    w = west[:, None, None]
    return {k: np.stack([(v * w).sum(axis=0), (v * ~w).sum(axis=0)]).astype(float) for k, v in per.items()}


def _value(sums: dict, kind: str, basis: str) -> np.ndarray:
    """[year, window] values of one kind ("deliveries"/"orders") and basis."""
    count = sums[f"{kind}_count"]
    with np.errstate(invalid="ignore", divide="ignore"):
        by_count = (count[0] - count[1]) / (count[0] + count[1])
        if basis == "count":
            return by_count
        tiv = sums[f"{kind}_tiv"]
        by_tiv = (tiv[0] - tiv[1]) / (tiv[0] + tiv[1])
    return np.where(tiv[0] + tiv[1] > 0, by_tiv, by_count)


def values(frame: pd.DataFrame, grid: Grid) -> dict[str, ComponentValues]:
    years = np.array(grid.years, dtype=float)
    windows = np.array(s.CHOICES["window"], dtype=float)
    cells = {"arms_deliveries": {}, "arms_orders": {}}
    frame = frame.sort_values(["country_iso3", "fact_id"])
    for iso3, group in frame.groupby("country_iso3", sort=True):
        if iso3 not in grid.countries or not len(years):
            continue
        recs = list(group.itertuples())
        options = [_options(r) for r in recs]
        contested = [i for i, o in enumerate(options) if len(o) > 1]
        west = np.array([r.side == "West" for r in recs])
        base = np.array([o[0] for o in options], dtype=float)
        results = []  # per combination: sums
        for combo in combinations([options[i] for i in contested]):
            deals = base.copy()
            for i, choice in zip(contested, combo):
                deals[i] = choice
            results.append(_sums(deals, west, years, windows))
        default = results[0]
        order, first, last = base[:, 0], base[:, 1], np.where(np.isnan(base[:, 2]), base[:, 1], base[:, 2])
        for kind in ("deliveries", "orders"):
            name = f"arms_{kind}"
            table = np.array(
                [
                    [_value(r, kind, v["arms_basis"])[:, list(windows).index(v["window"])] for r in results]
                    for v in variants(name)
                ]
            )  # [variant, combo, year]
            w = int(windows[0])
            for yi, year in enumerate(grid.years):
                if np.isnan(table[:, :, yi]).all():
                    continue
                if kind == "deliveries":
                    inside = (last >= year - w + 1) & (first <= year)
                else:
                    inside = (order >= year - w + 1) & (order <= year)
                n_west, n_east = int(default[f"{kind}_count"][0, yi, 0]), int(default[f"{kind}_count"][1, yi, 0])
                tiv_w, tiv_e = default[f"{kind}_tiv"][0, yi, 0], default[f"{kind}_tiv"][1, yi, 0]
                cells[name][grid.cell(iso3, year)] = {
                    "values": table[:, :, yi],
                    "fact_ids": [r.fact_id for r, keep in zip(recs, inside) if keep],
                    "basis": Said(
                        N_(
                            "{first}–{last}: {west} West and {east} East deals; SIPRI TIV {tiv_west} m West, "
                            "{tiv_east} m East"
                        ),
                        first=year - w + 1,
                        last=year,
                        west=n_west,
                        east=n_east,
                        tiv_west=f"{tiv_w:.0f}",
                        tiv_east=f"{tiv_e:.0f}",
                    ),
                    "flag": "" if tiv_w + tiv_e > 0 else "no TIV known in the window: deals counted",
                }
    return {name: pack(name, grid, c) for name, c in cells.items()}
