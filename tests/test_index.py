"""The East–West index pinned on a fixture worked out by hand, and its public tables in a built database."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from dashboard.index import inputs, montecarlo
from dashboard.index import settings as s
from dashboard.index.aggregate import components_frame, point
from tests.index_frames import NAMES, deal, frames, hand_fixture

EQUAL = np.full(len(s.NAMES), 1 / len(s.NAMES))


def _by_cell(frame, column):
    return {(r.country_iso3, r.year): getattr(r, column) for r in frame.itertuples()}


# Components at the defaults (kappa, 5-year window, TIV), worked out by hand:
#   UN  = (κ_EU − mean κ_East) / 2     SRB 2019 (0.3 − 0.3)/2 = 0; 2020 (0.5 − 0.1)/2 = 0.2;
#                                      2021 (0.6 − 0.1)/2 = 0.25; MNE 2019, 2020 0.4, 2021 0.5
#   CFSP = 2·rate/100 − 1              SRB 2019 0.14, 2020 0.12 (contested: 60 % gives 0.2), 2021 missing;
#                                      MNE 1.0, 0.96, 0.92
#   deliveries (W − E)/(W + E)         d1 West TIV 10 over 2019–2020 (5 a year), d2 East TIV 30 in 2021:
#                                      SRB 2019 5/5 = 1, 2020 1, 2021 (10 − 30)/40 = −0.5; MNE none
#   orders                             d1 ordered 2018 (West), d2 2020 (East): SRB 2019 1, 2020 −0.5, 2021 −0.5
#   exercises                          none
EXPECTED_COMPONENTS = {
    ("SRB", 2018): {"arms_orders": 1.0},  # d1's order year opens the grid; one component: no index value
    ("SRB", 2019): {"un_votes": 0.0, "cfsp": 0.14, "arms_deliveries": 1.0, "arms_orders": 1.0},
    ("SRB", 2020): {"un_votes": 0.2, "cfsp": 0.12, "arms_deliveries": 1.0, "arms_orders": -0.5},
    ("SRB", 2021): {"un_votes": 0.25, "arms_deliveries": -0.5, "arms_orders": -0.5},
    ("MNE", 2019): {"un_votes": 0.4, "cfsp": 1.0},
    ("MNE", 2020): {"un_votes": 0.4, "cfsp": 0.96},
    ("MNE", 2021): {"un_votes": 0.5, "cfsp": 0.92},
}
# Equal weights over the components present (a missing one is left out, never a zero):
EXPECTED_INDEX = {
    ("SRB", 2019): (0 + 0.14 + 1 + 1) / 4,  # 0.535
    ("SRB", 2020): (0.2 + 0.12 + 1 - 0.5) / 4,  # 0.205
    ("SRB", 2021): (0.25 - 0.5 - 0.5) / 3,  # −0.25: CFSP missing, three components rescaled
    ("MNE", 2019): (0.4 + 1.0) / 2,
    ("MNE", 2020): (0.4 + 0.96) / 2,
    ("MNE", 2021): (0.5 + 0.92) / 2,
}


@pytest.fixture(scope="module")
def hand():
    return inputs.from_frames(hand_fixture(), NAMES)


def test_components_match_the_hand_computation(hand):
    got = components_frame(hand, EQUAL)
    by_cell: dict = {}
    for r in got.itertuples():
        by_cell.setdefault((r.country_iso3, r.year), {})[r.component] = r.value
    assert by_cell.keys() == EXPECTED_COMPONENTS.keys()
    for cell, expected in EXPECTED_COMPONENTS.items():
        assert by_cell[cell] == pytest.approx(expected), cell


def test_index_matches_the_hand_computation_and_rescales_a_missing_component(hand):
    got = point(hand, EQUAL)
    values = _by_cell(got, "value")
    assert np.isnan(values.pop(("SRB", 2018))) and np.isnan(values.pop(("MNE", 2018)))
    assert values == pytest.approx(EXPECTED_INDEX)
    used = _by_cell(got, "components_used")
    assert used[("SRB", 2021)] == ["un_votes", "arms_deliveries", "arms_orders"]
    weights = components_frame(hand, EQUAL)
    srb_2021 = weights[(weights.country_iso3 == "SRB") & (weights.year == 2021)]
    assert srb_2021["weight"].tolist() == pytest.approx([1 / 3] * 3)


def test_the_contested_value_is_the_only_spread_when_everything_else_is_fixed(hand):
    band = montecarlo.summary(hand, EQUAL, draws=1000, noise=0, vary_choices=False)
    lower, upper = _by_cell(band, "lower"), _by_cell(band, "upper")
    # SRB 2020 with the other CFSP rate: (0.2 + 0.2 + 1 − 0.5) / 4 = 0.225
    assert (lower[("SRB", 2020)], upper[("SRB", 2020)]) == pytest.approx((0.205, 0.225))
    for cell in EXPECTED_INDEX.keys() - {("SRB", 2020)}:
        assert lower[cell] == pytest.approx(upper[cell]) == pytest.approx(EXPECTED_INDEX[cell]), cell


def test_the_monte_carlo_band_holds_the_value_and_ranks_follow_it(hand):
    band = montecarlo.summary(hand, EQUAL, draws=1000)
    band = band[band["value"].notna()]
    assert (band["lower"] <= band["value"] + 1e-12).all() and (band["value"] <= band["upper"] + 1e-12).all()
    ranks = _by_cell(band, "rank")
    assert ranks[("MNE", 2019)] == 1 and ranks[("SRB", 2019)] == 2
    assert (band["rank_best"] <= band["rank"]).all() and (band["rank"] <= band["rank_worst"]).all()


def test_raw_un_measure_and_count_basis_are_variants_of_the_same_cell(hand):
    un = hand.components["un_votes"]
    cell = hand.grid.cell("SRB", 2019)
    measures = dict(zip(s.CHOICES["un_measure"], un.values[cell, :, 0]))
    assert measures["raw"] == pytest.approx(0.6 - (0.7 + 0.8) / 2)
    assert measures["raw ratio"] == pytest.approx((0.6 - 0.75) / (0.6 + 0.75))
    orders = hand.components["arms_orders"]
    variants = inputs.variants("arms_orders")
    by_choice = {(v["window"], v["arms_basis"]): orders.values[hand.grid.cell("SRB", 2021), i, 0] for i, v in
                 enumerate(variants)}  # fmt: skip
    assert by_choice[(5, "count")] == pytest.approx(0.0)  # one West and one East order in 2017–2021
    assert by_choice[(3, "tiv")] == by_choice[(3, "count")] == pytest.approx(-1.0)  # 2019–2021: d2 only


def test_tiv_falls_back_to_counting_without_any_tiv_and_a_contested_year_moves_a_deal():
    data = frames(
        arms_rows=[
            deal("a", "SRB", "West", 2010, 2010, 2010, None, order_year=[2012]),
            deal("b", "SRB", "East", 2011, 2011, 2011, None),
        ]
    )
    got = inputs.from_frames(data, {"SRB": "Serbia"}).components["arms_orders"]
    grid = inputs.grid_for(data, ["SRB"])
    i3 = [i for i, v in enumerate(inputs.variants("arms_orders")) if v == {"window": 3, "arms_basis": "tiv"}][0]
    cell = grid.cell("SRB", 2010)
    # recorded 2010: only the West order is in 2008–2010; the other recorded year (2012) leaves none
    assert got.values[cell, i3, 0] == pytest.approx(1.0)
    assert got.n_combos[cell] == 2 and np.isnan(got.values[cell, i3, 1])


def test_weights_are_capped_at_half_and_need_two_components():
    w = s.normalise_weights({"un_votes": 90, "cfsp": 10})
    assert w.tolist() == pytest.approx([0.5, 0.5, 0, 0, 0])
    w = s.normalise_weights({"un_votes": 80, "cfsp": 10, "exercises": 10})
    assert w.tolist() == pytest.approx([0.5, 0.25, 0, 0, 0.25])
    assert s.normalise_weights({"un_votes": 1}) is None


# ---------------------------------------------------------------- the public tables of a built database


def test_the_build_writes_the_public_index_tables(fixture_db):
    con = duckdb.connect(str(fixture_db), read_only=True)
    index = con.execute("SELECT * FROM east_west_index ORDER BY country_iso3, year").df()
    parts = con.execute("SELECT * FROM east_west_components").df()
    assert list(index.columns)[:6] == ["country_iso3", "year", "value", "lower", "upper", "components_used"]
    assert list(parts.columns)[:5] == ["country_iso3", "year", "component", "value", "weight"]
    assert len(index) and index["value"].between(-1, 1).all()
    assert ((index["lower"] <= index["value"]) & (index["value"] <= index["upper"])).all()
    for row in index.itertuples():
        mine = parts[(parts.country_iso3 == row.country_iso3) & (parts.year == row.year) & (parts.weight > 0)]
        assert sorted(mine["component"]) == sorted(row.components_used)
        assert mine["weight"].sum() == pytest.approx(1)
        assert (mine["value"] * mine["weight"]).sum() == pytest.approx(row.value)  # equal default weights
    # every fact named behind a component exists in its table
    for r in parts.itertuples():
        known = {f for (f,) in con.execute("SELECT fact_id FROM facts WHERE fact_table = ?", [r.fact_table]).fetchall()}
        assert set(r.fact_ids) <= known, (r.component, r.fact_ids)
