"""Uncertainty: a vectorised Monte Carlo over the choices that could reasonably differ.

Each draw takes (1) every weight times a uniform factor in 1 ± WEIGHT_NOISE, renormalised (a zero weight stays
zero); (2) one option of every choice in settings.CHOICES (UN measure, arms window and basis, exercise
basis), the same for every cell of the draw; (3) for every cell and component, one of its combinations of
contested values (for CFSP also the issuer), uniformly. The index of the draw is the weighted mean of the
components present. Reported per cell: the median and the 5–95 % band of the draws, widened where needed to
hold the value at the chosen settings; and, per year, the 5–95 % band of each country's rank.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.index import settings as s
from dashboard.index.aggregate import aggregate, point
from dashboard.index.inputs import Inputs


def draw_components(
    inputs: Inputs, draws: int, rng: np.random.Generator, vary_choices: bool = True, vary_contested: bool = True
) -> np.ndarray:
    """[draw, cell, component] component values of `draws` draws (a view of a component-major array)."""
    n_cells = inputs.grid.size
    picks = {
        d: rng.integers(len(o), size=draws) if vary_choices else np.zeros(draws, int) for d, o in s.CHOICES.items()
    }
    out = np.empty((len(s.NAMES), draws, n_cells))
    for j, name in enumerate(s.NAMES):
        comp = inputs.components[name]
        dims = s.BY_NAME[name].dims
        if dims:
            variant = np.ravel_multi_index(tuple(picks[d] for d in dims), tuple(len(s.CHOICES[d]) for d in dims))
        else:
            variant = np.zeros(draws, int)
        u = rng.random((draws, n_cells)) if vary_contested else np.zeros((draws, n_cells))
        combo = np.minimum((u * comp.n_combos).astype(int), comp.n_combos - 1)
        _, n_variants, width = comp.values.shape
        flat = (np.arange(n_cells) * n_variants)[None, :] + variant[:, None]
        out[j] = comp.values.ravel().take(flat * width + combo)
    return np.moveaxis(out, 0, -1)


def draw_weights(
    weights: np.ndarray, draws: int, rng: np.random.Generator, noise: float = s.WEIGHT_NOISE
) -> np.ndarray:
    """[draw, component] weights within ±noise of the chosen ones, each draw summing to one."""
    w = weights[None, :] * (1 + noise * rng.uniform(-1, 1, size=(draws, len(weights))))
    return w / w.sum(axis=1, keepdims=True)


def simulate(
    inputs: Inputs,
    weights: np.ndarray,
    draws: int = s.DRAWS,
    seed: int = s.SEED,
    noise: float = s.WEIGHT_NOISE,
    vary_choices: bool = True,
    vary_contested: bool = True,
) -> np.ndarray:
    """[draw, cell] index values (NaN where a draw leaves too few components)."""
    rng = np.random.default_rng(seed)
    values = draw_components(inputs, draws, rng, vary_choices, vary_contested)
    return aggregate(values, draw_weights(weights, draws, rng, noise)[:, None, :])


def ranks(index: np.ndarray, n_countries: int) -> np.ndarray:
    """[draw, cell] rank among the countries with a value that year (1 = furthest West), NaN without one."""
    draws = index.shape[0]
    grid = index.reshape(draws, n_countries, -1)
    keyed = np.where(np.isnan(grid), np.inf, -grid)
    order = np.argsort(keyed, axis=1, kind="stable")
    rank = np.argsort(order, axis=1, kind="stable").astype(float) + 1
    return np.where(np.isnan(grid), np.nan, rank).reshape(draws, -1)


def _quantiles(draws: np.ndarray, qs) -> np.ndarray:
    """Quantiles over the draws per cell, ignoring NaN (numpy's linear method, as np.nanquantile, which is
    much slower on many cells); NaN for cells no draw has a value for."""
    ordered = np.sort(draws.T, axis=1)  # NaN sort last
    n = (~np.isnan(ordered)).sum(axis=1)
    out = np.full((len(qs), draws.shape[1]), np.nan)
    rows = np.flatnonzero(n)
    if not len(rows):
        return out
    for i, q in enumerate(qs):
        pos = q * (n[rows] - 1)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, n[rows] - 1)
        a, b = ordered[rows, lo], ordered[rows, hi]
        out[i, rows] = a + (b - a) * (pos - lo)
    return out


def summary(inputs: Inputs, weights: np.ndarray, draws: int = s.DRAWS, seed: int = s.SEED, **kw) -> pd.DataFrame:
    """Per cell: value (chosen settings), median, lower, upper, the rank and its band, coverage."""
    frame = point(inputs, weights)
    sims = simulate(inputs, weights, draws, seed, **kw)
    lo, med, hi = _quantiles(sims, [s.BAND[0], 0.5, s.BAND[1]])
    value = frame["value"].to_numpy()
    has = ~np.isnan(value)
    frame["median"] = np.where(has, med, np.nan)
    frame["lower"] = np.where(has, np.fmin(lo, value), np.nan)
    frame["upper"] = np.where(has, np.fmax(hi, value), np.nan)
    n_countries = len(inputs.grid.countries)
    point_rank = ranks(value[None, :], n_countries)[0]
    rank_lo, rank_hi = _quantiles(ranks(sims, n_countries), [s.BAND[0], s.BAND[1]])
    frame["rank"] = point_rank
    frame["rank_best"] = np.where(has, np.fmin(np.floor(rank_lo), point_rank), np.nan)
    frame["rank_worst"] = np.where(has, np.fmax(np.ceil(rank_hi), point_rank), np.nan)
    return frame
