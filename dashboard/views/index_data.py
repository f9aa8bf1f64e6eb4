"""The East–West index for the app: inputs built once per database, the index per weighting (cached), the
weight sliders bound to the URL, and the EU assessment line beside it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.components.page_params import note_unusable
from dashboard.i18n import _
from dashboard.i18n.countries import country_name
from dashboard.index import inputs, montecarlo, wording
from dashboard.index import settings as s
from dashboard.index.aggregate import aggregate, components_frame
from dashboard.store import app_data
from dashboard.store.cache import per_database

WEIGHT_STEP = 5  # per cent
DEFAULT_PCT = round(100 / len(s.NAMES))


@per_database
def index_inputs() -> inputs.Inputs:
    return inputs.load(lambda name, **p: app_data.query(name, **p))


def weight_key(name: str) -> str:
    return f"w_{name}"


def weight_sliders() -> tuple[int, ...]:
    """One slider per component (0–50 %, URL parameters w_<component>), in the sidebar; returns the chosen
    percentages in component order. The index rescales them to sum to 100 %."""
    note_unusable({weight_key(n): [str(v) for v in range(0, 51)] for n in s.NAMES})
    with st.sidebar:
        st.header(_("Index weights"))
        chosen = tuple(
            int(
                st.slider(
                    _(s.LABELS[n]),
                    0,
                    int(s.MAX_WEIGHT * 100),
                    DEFAULT_PCT,
                    step=WEIGHT_STEP,
                    format="%d%%",
                    key=weight_key(n),
                    bind="query-params",
                )
            )
            for n in s.NAMES
        )
        st.caption(
            _("Default: equal weights (a value judgement, see Method). Rescaled to sum to 100 %; none above 50 %.")
        )
    return chosen


def normalised(pcts: tuple[int, ...]) -> np.ndarray | None:
    return s.normalise_weights(dict(zip(s.NAMES, pcts)))


@per_database
def index_table(pcts: tuple[int, ...]) -> pd.DataFrame:
    """The index of every country and year at these weights, with its Monte Carlo band and rank band."""
    w = normalised(pcts)
    data = index_inputs()
    if w is None or not data.grid.size:
        return pd.DataFrame(columns=["country_iso3", "year", "value", "lower", "upper", "median", "components_used"])
    frame = montecarlo.summary(data, w)
    frame["country"] = _names(frame, data)
    return frame


@per_database
def component_table(pcts: tuple[int, ...]) -> pd.DataFrame:
    w = normalised(pcts)
    data = index_inputs()
    if w is None:
        w = np.zeros(len(s.NAMES))
    frame = components_frame(data, w, say=wording.shown)  # per language: per_database keys on it
    frame["country"] = _names(frame, data)
    frame["label"] = frame["component"].map(s.LABELS)
    return frame


def _names(frame: pd.DataFrame, data: inputs.Inputs) -> list[str]:
    """Country names in the reader's language (the chart legends and the CSVs; the inputs keep the English)."""
    return [country_name(iso3, data.names.get(iso3, iso3)) for iso3 in frame["country_iso3"]]


@per_database
def eu_assessment(country: str) -> pd.DataFrame:
    return app_data.query("pages/index_eu_assessment", country=country)


def sensitivity(pcts: tuple[int, ...], country: str, year: int, steps: int = 11) -> pd.DataFrame:
    """For each component, the index of `country` in `year` as its weight goes from 0 to 50 % and the others
    keep their proportions."""
    base = normalised(pcts)
    data = index_inputs()
    cell = data.grid.cell(country, year)
    if base is None or cell is None:
        return pd.DataFrame(columns=["component", "weight", "value"])
    values = data.stacked_default()[cell]
    rows = []
    for j, name in enumerate(s.NAMES):
        if np.isnan(values[j]):
            continue
        others = np.delete(base, j)
        if others.sum() <= 0:
            continue
        for w in np.linspace(0, s.MAX_WEIGHT, steps):
            weights = np.insert(others / others.sum() * (1 - w), j, w)
            rows.append({"component": name, "label": s.LABELS[name], "weight": 100 * w,
                         "value": float(aggregate(values, weights))})  # fmt: skip
    return pd.DataFrame(rows, columns=["component", "label", "weight", "value"])
