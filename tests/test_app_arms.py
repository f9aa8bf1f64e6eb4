"""Arms page: deals by supplier and year, by category, by deal type, and the sortable table of deals."""

from __future__ import annotations

import pytest

from tests.apptest import empty_database, figures_by_key, open_app, rerun, texts, traces

PAGE = "app_pages/arms.py"


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, PAGE, query)


def _charts(at) -> dict[str, dict]:
    return figures_by_key(at)


def test_default_view_shows_deals_by_supplier_category_and_type(app):
    at = app()
    charts = _charts(at)
    by_year = traces(charts["arms_order_deals"])
    assert {n: (t["x"], t["y"]) for n, t in by_year.items()} == {
        "China (East)": ([2020], [1.0]),
        "Russia (East)": ([2017], [1.0]),
    }
    category = traces(charts["arms_category_deals"])["East"]
    assert dict(zip(category["y"], category["x"])) == {"Air-defence systems": 1.0, "Aircraft": 1.0}
    deal_types = traces(charts["arms_dealtype_deals"])
    assert {n: t["y"] for n, t in deal_types.items()} == {"purchase": [1.0], "donation": [1.0]}
    table = at.dataframe[0].value
    assert list(table["transfer_id"]) == ["t2", "t1"]
    assert table.set_index("transfer_id").loc["t1", "sources"] == "Fixture Publisher: Fixture source B"
    assert table.set_index("transfer_id").loc["t1", "source_url"] == "https://example.org/b"


def test_tiv_measure_and_delivery_years_from_the_url(app):
    at = app(measure="SIPRI TIV", basis="First delivered")
    charts = _charts(at)
    by_year = traces(charts["arms_delivery_tiv"])
    # only the Chinese deal has a TIV; first delivered in 2022
    assert {n: (t["x"], t["y"]) for n, t in by_year.items()} == {"China (East)": ([2022], [165.0])}
    assert not at.info


def test_partner_filter_changes_the_charts_and_table(app):
    at = app()
    at.multiselect(key="partners").set_value(["RUS"])
    rerun(at)
    by_year = traces(_charts(at)["arms_order_deals"])
    assert list(by_year) == ["Russia (East)"]
    assert list(at.dataframe[0].value["transfer_id"]) == ["t2"]


def test_year_filter_keeps_deals_ordered_or_delivered_in_range(app):
    at = app()
    at.slider(key="years").set_value((2021, 2025))
    rerun(at)
    # t1 was ordered in 2020 but delivered 2022-2023: in the table, not in the by-order-year chart
    assert list(at.dataframe[0].value["transfer_id"]) == ["t1"]
    empty = [i.replace("\\", "") for i in texts(at, "info") if "no data for these filters" in i]
    assert len(empty) == 1 and "Arms deals by supplier and year ordered (deals)" in empty[0]
    assert len(at.get("plotly_chart")) == 2  # category and deal type still have t1


def test_bad_url_values_are_ignored_with_a_note(app):
    at = app(measure="weight", partners=["Atlantis"])
    notes = " ".join(texts(at, "info"))
    assert "unknown measure 'weight' ignored" in notes and "'Atlantis'" in notes
    assert "arms_order_deals" in _charts(at)


def test_bloc_without_deals_shows_the_empty_state(app):
    at = app(blocs=["West"])
    assert not at.get("plotly_chart")
    infos = texts(at, "info")
    assert sum("no data for these filters" in i for i in infos) == 3
    assert "No arms deals for these filters." in infos


def test_small_suppliers_share_one_legend_entry_per_bloc():
    import pandas as pd

    from dashboard.views.arms import NAMED_SUPPLIERS, _top_suppliers

    west = [f"W{i}" for i in range(NAMED_SUPPLIERS + 2)]
    d = pd.DataFrame(
        {
            "bloc": ["West"] * len(west) + ["East"],
            "supplier": west + ["Russia"],
            "value": [10.0 - i for i in range(len(west))] + [1.0],
        }
    )
    grouped = _top_suppliers(d)
    assert grouped["supplier"].tolist() == west[:NAMED_SUPPLIERS] + ["other West suppliers"] * 2 + ["Russia"]


def test_empty_database_shows_empty_states(monkeypatch, tmp_path):
    at = open_app(monkeypatch, empty_database(tmp_path), PAGE)
    assert not at.get("plotly_chart")
    assert sum("no data for these filters" in i for i in texts(at, "info")) == 3


def test_each_chart_names_its_sources(app):
    at = app(partners=["Russia"])
    # the Russian deal cites Fixture source A only; publishers are named, most cited first
    lines = [c for c in texts(at, "caption") if c.startswith("Sources")]
    assert lines == ["Sources\\: Fixture Publisher — click a bar or point to see the facts behind it."] * 3


def test_deals_table_names_the_user_of_each_deal(monkeypatch, data_dir, tmp_path):
    from dashboard.pipeline.build import build
    from tests.apptest import open_app

    with (data_dir / "curated" / "corrections.csv").open("a", encoding="utf-8") as f:
        f.write("arms_transfers,t1,end_user,police,SIPRI: for police special forces\n")
    db = tmp_path / "users.duckdb"
    build(data_dir, db)
    users = lambda at: at.dataframe[0].value.set_index("transfer_id")["end_user"].to_dict()  # noqa: E731
    # an empty end_user is the armed forces; a correction names the police
    assert users(open_app(monkeypatch, db, PAGE)) == {"t1": "police", "t2": "armed forces"}
    assert users(open_app(monkeypatch, db, PAGE, {"lang": "sr-Latn"})) == {"t1": "policija", "t2": "vojska"}
