"""What the index is made of and the choices it leaves open: components, their variants, default weights.

Default weights are equal: a value judgement (no component is known to matter more), written down in
docs/method.md; readers change them on the Index page. No component may take more than half the weight
(OECD/JRC Handbook on Constructing Composite Indicators).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.i18n import N_


@dataclass(frozen=True)
class Component:
    name: str
    label: str
    dims: tuple[str, ...]  # the choices (keys of CHOICES) its value depends on
    fact_table: str


COMPONENTS: tuple[Component, ...] = (
    # labels are marked for extraction (N_) and shown translated (_(LABELS[name]))
    Component("un_votes", N_("UN votes"), ("un_measure",), "un_agreement"),
    Component("cfsp", N_("CFSP alignment"), (), "cfsp_alignment"),
    Component("arms_deliveries", N_("Arms deliveries"), ("window", "arms_basis"), "arms_transfers"),
    Component("arms_orders", N_("Arms orders"), ("window", "arms_basis"), "arms_transfers"),
    Component("exercises", N_("Military exercises"), ("exercise_basis",), "exercises"),
)
NAMES = tuple(c.name for c in COMPONENTS)
LABELS = {c.name: c.label for c in COMPONENTS}
BY_NAME = {c.name: c for c in COMPONENTS}

# The choices the Monte Carlo varies; the first option of each is the default.
CHOICES: dict[str, tuple] = {
    "un_measure": ("kappa", "raw", "raw ratio"),  # Cohen's kappa (Häge 2011) first: raw agreement misleads
    "window": (5, 3, 7),  # years of the moving window for arms; SIPRI itself uses 5-year averages
    "arms_basis": ("tiv", "count"),  # SIPRI TIV where known, else deals counted
    "exercise_basis": ("count", "days"),  # exercises counted, or their length in days where known
}
CHOICE_LABELS = {
    "un_measure": "UN measure",
    "window": "arms window (years)",
    "arms_basis": "arms weighted by",
    "exercise_basis": "exercises weighted by",
}

# CFSP: the issuer a year's value comes from by default; the Monte Carlo draws among the issuers present.
ISSUER_PREFERENCE = ("European Commission", "ISAC Fund", "European Parliament", "Other")

DEFAULT_WEIGHTS = {name: 1 / len(COMPONENTS) for name in NAMES}
MAX_WEIGHT = 0.5  # no component above half the weight
MIN_COMPONENTS = 2  # a year with fewer components present has no index value
FEW_VOTES = 30  # UN years with fewer shared roll calls than this are flagged
MAX_COMBOS = 64  # contested values enumerated per cell; beyond that a seeded sample of combinations
WEIGHT_NOISE = 0.25  # each weight varies by up to ±25 % in the Monte Carlo
DRAWS = 2000
SEED = 20261203
BAND = (0.05, 0.95)


def normalise_weights(weights: dict[str, float], cap: float = MAX_WEIGHT) -> np.ndarray | None:
    """Weights in component order, summing to 1 with none above `cap`: a weight over the cap is set to it and
    the rest shared among the others in proportion. None when fewer than two components have a weight (one
    component alone would carry it all)."""
    w = np.array([max(float(weights.get(n, 0) or 0), 0.0) for n in NAMES])
    if (w > 0).sum() < 2 or w.sum() <= 0:
        return None
    w = w / w.sum()
    fixed = np.zeros(len(w), dtype=bool)
    while (w > cap + 1e-12).any():
        fixed |= w > cap + 1e-12
        free = ~fixed & (w > 0)
        if not free.any():
            break
        rest = 1 - cap * fixed.sum()
        w = np.where(fixed, cap, w)
        w[free] = w[free] / w[free].sum() * rest
    return w
