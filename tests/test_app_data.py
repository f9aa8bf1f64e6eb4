"""Data & sources page: every table to browse, a bound source search, vintages, and downloads of everything."""

from __future__ import annotations

import io
import zipfile

import duckdb
import pandas as pd
import pytest

from dashboard.components import data_downloads
from dashboard.schema.tables import PUBLISHED
from dashboard.store.database import SharedConnection
from dashboard.views import data_sources
from tests.apptest import empty_copy, open_app, rerun, shown, texts

PAGE = "app_pages/data_sources.py"


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, page=PAGE, query=query)


def _frames(at) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The browsed table and the source search results (the column list in its expander sits between)."""
    frames = [f.value for f in at.dataframe]
    browsed = frames[0]
    found = next((f for f in frames if "facts_citing" in f.columns), None)
    return browsed, found


def test_default_view_browses_a_table_and_lists_all_sources(app, fixture_db):
    at = app()
    browsed, found = _frames(at)
    con = duckdb.connect(str(fixture_db), read_only=True)
    assert at.selectbox(key="table").value == data_sources.TABLES[0]
    assert len(browsed) == con.execute(f"select count(*) from {data_sources.TABLES[0]}").fetchone()[0]
    assert sorted(found["source_id"]) == sorted(r[0] for r in con.execute("select source_id from sources").fetchall())
    assert found.set_index("source_id").loc["src-quote", "facts_citing"] == 10
    vintages = [m for m in texts(at, "markdown") if "version" in m]
    # the two sources of kind 'dataset': the dated fixture register and the undated fixture source B
    assert any(
        m.startswith("[Serbia's fixture register](https://example.org/q)") and "version of 2025-06-01" in m
        for m in vintages
    )
    assert any("Fixture source B" in m and "version not dated" in m for m in vintages)


def test_choosing_a_table_shows_its_rows(app):
    at = app()
    at.selectbox(key="table").set_value("eu_statements")
    browsed, _ = _frames(rerun(at))
    assert set(browsed["statement_id"]) == {"s1", "p-s-evil", "p-s-neutral"}
    assert any(c.startswith("3 rows · key: statement_id") for c in texts(at, "caption"))


def test_table_from_the_url(app):
    at = app(table="un_votes")
    browsed, _ = _frames(at)
    assert list(browsed.columns) == ["resolution_id", "country_iso3", "vote"]


def test_search_term_with_a_quote_is_bound_and_finds_the_row(app):
    at = app()
    at.text_input(key="q").input("serbia's FIXTURE")
    _, found = _frames(rerun(at))
    assert found["source_id"].tolist() == ["src-quote"]


@pytest.mark.parametrize("term", ["x' OR '1'='1", "%", "_", "'; DROP TABLE sources; --"])
def test_search_terms_are_text_not_sql(app, term):
    at = app(q=term)
    _, found = _frames(at)
    assert found is None  # nothing contains these characters
    assert any(n.startswith("No source matches") for n in texts(at, "info"))


def test_search_echo_is_escaped(app):
    at = app(q="<script>[x](javascript:1)")
    note = next(n for n in texts(at, "info") if n.startswith("No source matches"))
    assert "<script>" not in note and "&lt;script&gt;" in note and "](javascript" not in note


def test_bad_url_parameters_are_ignored_with_a_note(app):
    at = app(table="drop_tables", years=["1800", "1900"])
    notes = shown(" ".join(texts(at, "info")))
    assert "unknown table 'drop_tables' ignored" in notes
    assert "reach outside the data" in notes
    assert at.selectbox(key="table").value == data_sources.TABLES[0]


def test_unknown_table_names_never_reach_a_query():
    with pytest.raises(ValueError):
        data_downloads.check_table("sources; DROP TABLE sources")
    assert data_downloads.check_table("sources") == "sources"


def test_everything_zip_rebuilds_the_same_database(fixture_db, tmp_path):
    from dashboard.pipeline.build import build

    archive = zipfile.ZipFile(io.BytesIO(data_downloads.everything_zip(SharedConnection(fixture_db))))
    names = set(archive.namelist())
    assert names == {f"curated/{t}.csv" for t in data_downloads.TABLE_NAMES} | {
        f"derived/{t}.csv" for t in data_downloads.DERIVED_NAMES
    } | {
        "dataset_info.csv",
        "schema.sql",
        "data_dictionary.csv",
        "README.md",
    }
    archive.extractall(tmp_path / "data")
    build(tmp_path / "data", tmp_path / "again.duckdb")
    before, after = (
        duckdb.connect(str(fixture_db), read_only=True),
        duckdb.connect(str(tmp_path / "again.duckdb"), read_only=True),
    )
    for table in data_downloads.TABLE_NAMES + data_downloads.DERIVED_NAMES:
        query = f"select * from {table} order by all"
        assert before.execute(query).fetchall() == after.execute(query).fetchall(), table
    readme = archive.read("README.md").decode()
    assert "| eu_statements | 3 | statement_id | yes |" in readme


def test_data_dictionary_describes_every_column(fixture_db):
    archive = zipfile.ZipFile(io.BytesIO(data_downloads.everything_zip(SharedConnection(fixture_db))))
    d = pd.read_csv(io.BytesIO(archive.read("data_dictionary.csv")), keep_default_na=False).set_index(
        ["table", "column"]
    )
    expected = {(t.name, c) for t in PUBLISHED for c in t.column_names}
    assert set(d.index) == expected
    assert d.loc[("eu_statements", "stance"), "rule"] == ">= -2; <= 2"
    assert d.loc[("countries", "bloc"), "rule"] == "one of: East, West, Other"
    assert d.loc[("sources", "url"), "rule"] == "at most 2000 characters; http(s) URL"
    assert d.loc[("exercises", "end_date"), "rule"] == "not before start_date"
    assert d.loc[("un_agreement", "partner"), "references"] == "countries.iso3 (or EU)"
    assert d.loc[("sources", "published_on"), "required"] == "no"
    assert d.loc[("sources", "published_on"), "note"] == "publication date; empty where the page gives none"
    assert d.loc[("arms_transfers", "transfer_id"), "key"] == "yes"


def test_table_csv_matches_the_curated_format(fixture_db):
    raw = data_downloads.table_csv(SharedConnection(fixture_db), "countries").decode()
    assert raw.splitlines()[0].startswith("# Serbia Alignment Monitor, dataset ")  # skipped by the build
    assert raw.splitlines()[1] == "iso3,name,bloc,kind,eu_member,eu_candidate_wb,notes"
    assert "SRB,Serbia,Other,country,false,true," in raw.splitlines()


def test_database_download_is_the_database_file(fixture_db):
    assert data_downloads.database_bytes(fixture_db) == fixture_db.read_bytes()


def test_empty_database_loads_without_error(monkeypatch, tmp_path):
    from dashboard.pipeline.build import build
    from tests.conftest import FIXTURE

    out = tmp_path / "empty.duckdb"
    build(empty_copy(FIXTURE, tmp_path / "data"), out)
    at = open_app(monkeypatch, out, page=PAGE, query={"table": "events"})
    browsed, found = _frames(at)
    assert browsed.empty and list(browsed.columns)[:2] == ["event_id", "date"]
    sources = (FIXTURE / "curated" / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert len(found) == len(sources) - 1  # the sources stay: only fact tables were emptied


def test_the_dataset_version_is_shown_on_the_page_and_in_the_sidebar(app, fixture_db):
    version, sha = (
        duckdb.connect(str(fixture_db), read_only=True)
        .execute("select version, content_sha256 from dataset_info")
        .fetchone()
    )
    at = app()
    assert any(shown(m).startswith(f"**Dataset version {version}** · built ") for m in texts(at, "markdown"))
    assert any(sha in c for c in texts(at, "caption"))
    assert f"Dataset version {version}" in [shown(c.value) for c in at.sidebar.caption]
