"""The index's inputs: for every country-year cell and component, the value under every variant of the
choices it depends on and every combination of its contested values, as one array per component.

`load(run)` asks the database (queries/pages/index_*.sql through `run(name, **params)`); `from_frames` builds
the same from data frames, so tests can pin hand-worked inputs. Nothing depends on the order of the rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.index import settings as s

QUERIES = {
    "un_votes": "pages/index_un_votes",
    "cfsp": "pages/index_cfsp",
    "arms": "pages/index_arms",
    "exercises": "pages/index_exercises",
}


@dataclass(frozen=True)
class Grid:
    """Every (country, year) cell, country-major: cell = country position × len(years) + year position."""

    countries: tuple[str, ...]
    years: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.countries) * len(self.years)

    def cell(self, iso3: str, year: int) -> int | None:
        if iso3 not in self.countries or not self.years or not self.years[0] <= year <= self.years[-1]:
            return None
        return self.countries.index(iso3) * len(self.years) + (year - self.years[0])

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(c, y) for c in self.countries for y in self.years], columns=["country_iso3", "year"]
        ).astype({"year": int})


@dataclass(frozen=True, eq=False)
class ComponentValues:
    """values[cell, variant, combo]: NaN where the component is missing; variant = flat index over the
    component's choices (settings.Component.dims, C order); combo 0 = the recorded values (and, for CFSP, the
    preferred issuer), further combos the contested ones, `n_combos[cell]` of them in use."""

    name: str
    values: np.ndarray
    n_combos: np.ndarray
    fact_ids: list[tuple[str, ...]]  # per cell: the facts behind its default value
    basis: list  # per cell: what the default value rests on (wording.Said, or "")
    flags: list[str]  # per cell: a caveat ("" for none)

    def default(self) -> np.ndarray:
        return self.values[:, 0, 0]


@dataclass(frozen=True, eq=False)
class Inputs:
    grid: Grid
    names: dict[str, str]  # iso3 -> country name
    components: dict[str, ComponentValues]  # in settings.NAMES order

    def stacked_default(self) -> np.ndarray:
        """[cell, component] at the default choices and recorded values."""
        return np.stack([self.components[n].default() for n in s.NAMES], axis=1)


def n_variants(name: str) -> int:
    return int(np.prod([len(s.CHOICES[d]) for d in s.BY_NAME[name].dims], dtype=int))


def variants(name: str) -> list[dict]:
    """The choice values of each variant of a component, in flat-index order."""
    dims = s.BY_NAME[name].dims
    return [dict(zip(dims, combo)) for combo in itertools.product(*(s.CHOICES[d] for d in dims))]


def combinations(options: Sequence[Sequence], seed: int = s.SEED) -> list[tuple]:
    """Combinations of one option per contested item, the recorded values (each item's first option) first;
    all of them up to MAX_COMBOS, else that many: the first and a seeded sample."""
    sizes = [len(o) for o in options]
    total = int(np.prod(sizes, dtype=float)) if sizes else 1
    if total <= s.MAX_COMBOS:
        return list(itertools.product(*options))
    rng = np.random.default_rng(seed)
    picks = [tuple(0 for _ in options)] + [tuple(int(rng.integers(n)) for n in sizes) for _ in range(s.MAX_COMBOS - 1)]
    return [tuple(o[i] for o, i in zip(options, p)) for p in picks]


def empty_values(name: str, grid: Grid) -> ComponentValues:
    return ComponentValues(
        name,
        np.full((grid.size, n_variants(name), 1), np.nan),
        np.ones(grid.size, dtype=int),
        [()] * grid.size,
        [""] * grid.size,
        [""] * grid.size,
    )


def pack(name: str, grid: Grid, cells: dict[int, dict]) -> ComponentValues:
    """Assemble a component from {cell: {"values": [variant][combo], "fact_ids", "basis", "flag"}}."""
    width = max([len(c["values"][0]) for c in cells.values()] or [1])
    out = empty_values(name, grid)
    values = np.full((grid.size, n_variants(name), width), np.nan)
    n_combos = np.ones(grid.size, dtype=int)
    for cell, c in cells.items():
        grid_values = np.asarray(c["values"], dtype=float)  # [variant, combo]
        values[cell, :, : grid_values.shape[1]] = grid_values
        n_combos[cell] = grid_values.shape[1]
        out.fact_ids[cell] = tuple(sorted(c.get("fact_ids", ())))
        out.basis[cell] = c.get("basis", "")
        out.flags[cell] = c.get("flag", "")
    return ComponentValues(name, values, n_combos, out.fact_ids, out.basis, out.flags)


def diverging(west: float, east: float) -> float:
    """(W − E) / (W + E): +1 all West, −1 all East; NaN when there is nothing on either side."""
    total = west + east
    return (west - east) / total if total > 0 else np.nan


def grid_for(frames: dict[str, pd.DataFrame], countries: Sequence[str], first_year: int | None = None) -> Grid:
    years = [int(y) for key in ("un_votes", "cfsp", "exercises") for y in frames[key]["year"].dropna()]
    arms = frames["arms"]
    for col in ("order_year", "delivery_first_year", "delivery_last_year"):
        years += [int(y) for y in arms.loc[arms["country_iso3"].isin(countries), col].dropna()]
    if not years:
        return Grid(tuple(countries), ())
    lo = max(min(years), first_year) if first_year else min(years)
    hi = max(years)
    return Grid(tuple(countries), tuple(range(lo, hi + 1)) if hi >= lo else ())


def from_frames(frames: dict[str, pd.DataFrame], names: dict[str, str], first_year: int | None = None) -> Inputs:
    """Inputs from the frames of QUERIES (same columns); `names` (iso3 -> name) lists the countries, in order."""
    from dashboard.index import arms, cfsp, exercises, un_votes

    grid = grid_for(frames, list(names), first_year)
    built = {
        "un_votes": un_votes.values(frames["un_votes"], grid),
        "cfsp": cfsp.values(frames["cfsp"], grid),
        **arms.values(frames["arms"], grid),
        "exercises": exercises.values(frames["exercises"], grid),
    }
    return Inputs(grid, dict(names), {n: built[n] for n in s.NAMES})


FIRST_YEAR = 2006  # Serbia's first year as an independent state; earlier years are left out


def load(run: Callable[..., pd.DataFrame]) -> Inputs:
    """Inputs from the database: `run(query_name, **params)` is `queries.run` bound to a connection, or the
    app's cached `app_data.query`."""
    countries = run("pages/index_countries")
    frames = {key: run(name) for key, name in QUERIES.items()}
    return from_frames(frames, dict(zip(countries["iso3"], countries["name"])), FIRST_YEAR)
