"""Aggregation: the weighted mean of the components present. A missing component is never a zero: the
weights of those present are rescaled to sum to one, and a cell needs MIN_COMPONENTS of them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.index import settings as s
from dashboard.index import wording
from dashboard.index.inputs import Inputs


def aggregate(values: np.ndarray, weights: np.ndarray, min_components: int = s.MIN_COMPONENTS) -> np.ndarray:
    """values[..., component] (NaN = missing), weights[..., component] (broadcast): the index over the last
    axis, NaN where fewer than `min_components` components with a positive weight are present."""
    weights = np.broadcast_to(weights, values.shape)
    # one component at a time: numpy reduces a short last axis slowly, elementwise sums over slices are fast
    total = num = count = 0
    for j in range(values.shape[-1]):
        v, w = values[..., j], weights[..., j]
        present = ~np.isnan(v) & (w > 0)
        wj = np.where(present, w, 0.0)
        total = total + wj
        num = num + np.where(present, wj * v, 0.0)
        count = count + present
    with np.errstate(invalid="ignore", divide="ignore"):
        index = num / total
    return np.where((count >= min_components) & (total > 0), index, np.nan)


def effective_weights(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The weight each present component carries in each cell (rescaled), 0 for missing ones."""
    present = ~np.isnan(values) & (weights > 0)
    w = np.where(present, weights, 0.0)
    total = w.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, w / total, 0.0)


def point(inputs: Inputs, weights: np.ndarray) -> pd.DataFrame:
    """The index at the chosen weights, default choices and recorded values: one row per cell with the value,
    the components that carried it (coverage) and their count."""
    values = inputs.stacked_default()
    index = aggregate(values, weights)
    used = ~np.isnan(values) & (weights > 0)
    frame = inputs.grid.frame()
    frame["value"] = index
    frame["components_used"] = [[n for n, u in zip(s.NAMES, row) if u] for row in used]
    frame["n_components"] = used.sum(axis=1)
    return frame


def components_frame(inputs: Inputs, weights: np.ndarray, say=wording.english) -> pd.DataFrame:
    """One row per cell and present component: value, effective weight (0 where the cell has no index), what
    it rests on (`say`: in English for the stored tables, `wording.shown` for a reader), its caveat and the
    facts behind it."""
    values = inputs.stacked_default()
    eff = effective_weights(values, weights)
    has_index = ~np.isnan(aggregate(values, weights))
    grid = inputs.grid.frame()
    rows = []
    for j, name in enumerate(s.NAMES):
        comp = inputs.components[name]
        for cell in np.flatnonzero(~np.isnan(values[:, j])):
            rows.append(
                {
                    "country_iso3": grid.at[cell, "country_iso3"],
                    "year": int(grid.at[cell, "year"]),
                    "component": name,
                    "value": float(values[cell, j]),
                    "weight": float(eff[cell, j]) if has_index[cell] else 0.0,
                    "basis": say(comp.basis[cell]),
                    "flag": comp.flags[cell],
                    "fact_table": s.BY_NAME[name].fact_table,
                    "fact_ids": list(comp.fact_ids[cell]),
                }
            )
    columns = ["country_iso3", "year", "component", "value", "weight", "basis", "flag", "fact_table", "fact_ids"]
    return pd.DataFrame(rows, columns=columns).sort_values(["country_iso3", "year", "component"], ignore_index=True)
