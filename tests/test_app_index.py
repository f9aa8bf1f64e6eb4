"""Index and Method pages (AppTest): the index with its band, the EU assessment beside it, weight sliders
bound to the URL, components with their facts, and the method with a year worked through."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from dashboard.index import settings as s
from tests.apptest import empty_database, figures_by_key, open_app, rerun, shown, texts, traces
from tests.conftest import fixture_table

INDEX, METHOD = "app_pages/index.py", "app_pages/method.py"


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda page=INDEX, **query: open_app(monkeypatch, fixture_db, page=page, query=query)


@pytest.fixture(scope="module")
def tables(fixture_db):
    con = duckdb.connect(str(fixture_db), read_only=True)
    index = con.execute("SELECT * FROM east_west_index WHERE country_iso3 = 'SRB' ORDER BY year").df()
    parts = con.execute("SELECT * FROM east_west_components WHERE country_iso3 = 'SRB'").df()
    con.close()
    return index, parts


def _serbia(fig) -> dict[int, float]:
    line = traces(fig)["Serbia"]
    return {x: y for x, y in zip(line["x"], line["y"]) if y is not None}  # None: a year without a value


def _reweighted(parts, weights: dict[str, float]) -> dict[int, float]:
    """Serbia's index per year from the stored component values at other weights (the aggregation by hand)."""
    out = {}
    for year, group in parts.groupby("year"):
        w = np.array([weights[c] for c in group["component"]])
        present = w > 0
        if present.sum() >= s.MIN_COMPONENTS:
            out[int(year)] = float((group["value"][present] * w[present]).sum() / w[present].sum())
    return out


def test_default_view_draws_the_stored_index_with_its_band_and_the_eu_assessment(app, tables):
    index, _ = tables
    at = app()
    figs = figures_by_key(at)
    assert {"index", "index_components", "index_sensitivity"} <= set(figs)
    assert _serbia(figs["index"]) == pytest.approx(dict(zip(index["year"], index["value"])))
    band = [t for t in figs["index"]["data"] if t.get("fill") == "toself"][0]
    assert max(band["y"]) == pytest.approx(index["upper"].max()) and min(band["y"]) == pytest.approx(
        index["lower"].min()
    )
    # the EU assessment: mean coded stance of the EU statements per year, halved onto the scale
    statements = fixture_table("eu_statements")
    expected = statements.groupby(statements["date"].str[:4].astype(int))["stance"].mean() / 2
    eu = traces(figs["index"])["EU assessment (not in the index)"]
    assert dict(zip(eu["x"], eu["y"])) == pytest.approx(expected.to_dict())


def test_a_weight_slider_recomputes_the_index(app, tables):
    _, parts = tables
    at = app()
    at.slider(key="w_un_votes").set_value(0)
    fig = figures_by_key(rerun(at))["index"]
    weights = {n: 0.0 if n == "un_votes" else 0.2 for n in s.NAMES}
    assert _serbia(fig) == pytest.approx(_reweighted(parts, weights))


def test_weights_come_from_the_url_and_bad_values_are_named(app, tables):
    _, parts = tables
    at = app(w_cfsp="50", w_exercises="0")
    assert at.slider(key="w_cfsp").value == 50
    weights = s.normalise_weights({**{n: 20 for n in s.NAMES}, "cfsp": 50, "exercises": 0})
    assert _serbia(figures_by_key(at)["index"]) == pytest.approx(_reweighted(parts, dict(zip(s.NAMES, weights))))
    at = app(w_cfsp="77")
    assert "unknown w_cfsp '77' ignored" in shown(" ".join(texts(at, "info")))


def test_one_weight_alone_is_refused(app):
    at = app(**{f"w_{n}": "0" for n in s.NAMES if n != "cfsp"})
    assert any("at least two components" in w for w in texts(at, "warning"))
    assert not at.get("plotly_chart")


def test_component_points_carry_the_facts_behind_them(app, tables):
    _, parts = tables
    fig = figures_by_key(app())["index_components"]
    drawn = {
        (t["name"], int(x), round(float(y), 9))
        for t in fig["data"]
        if t["name"] == "Serbia"
        for x, y in zip(t["x"], t["y"])
    }
    assert {("Serbia", int(r.year), round(r.value, 9)) for r in parts.itertuples()} == drawn
    assert all(len(ids) for ids in parts["fact_ids"])  # every component-year names its facts
    # one small multiple per component: Serbia's lines sit on as many y axes as it has components
    axes = {t.get("yaxis", "y") for t in fig["data"] if t["name"] == "Serbia"}
    assert len(axes) == parts["component"].nunique()


def test_comparison_and_coverage_tables(app, tables):
    index, parts = tables
    at = app()
    coverage, ranks = (d.value for d in at.dataframe)
    # every year with a component is listed; a year with one component only has no index value
    assert coverage["Year"].tolist() == sorted(parts["year"].unique())
    with_value = coverage.dropna(subset=["Index"])
    assert dict(zip(with_value["Year"], with_value["Index"])) == pytest.approx(dict(zip(index["year"], index["value"])))
    assert ranks["Year"].nunique() == 1 and set(ranks["Country"]) <= {"Serbia", "Montenegro", "North Macedonia"}


def test_empty_database_loads_without_error(monkeypatch, tmp_path):
    at = open_app(monkeypatch, empty_database(tmp_path), page=INDEX)
    assert not at.get("plotly_chart")
    assert any("no data for these filters" in i for i in texts(at, "info"))


def test_method_page_shows_the_method_and_works_a_year_through(app, fixture_db):
    at = app(page=METHOD)
    text = " ".join(texts(at, "markdown"))
    assert "Aggregation and weights" in text and "Monte Carlo" in text
    version = duckdb.connect(str(fixture_db), read_only=True).execute("SELECT version FROM dataset_info").fetchone()
    assert any(f"Dataset version: {version[0]}" in c for c in texts(at, "caption"))
    (worked,) = (d.value for d in at.dataframe)
    con = duckdb.connect(str(fixture_db), read_only=True)
    year = int(text.split("Serbia, **")[1].split("**")[0])
    value = con.execute("SELECT value FROM east_west_index WHERE country_iso3 = 'SRB' AND year = ?", [year]).fetchone()[
        0
    ]
    assert worked["Contribution"].sum() == pytest.approx(value, abs=0.002)
    assert f"**{value:.3f}**" in text
