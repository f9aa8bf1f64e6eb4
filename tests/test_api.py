"""The open data endpoints (dashboard/serve/api.py), called in-process through their router."""

from __future__ import annotations

import io
import json
import urllib.parse
import zipfile

import duckdb
import pandas as pd
import pytest
from starlette.routing import Router

from dashboard.components.data_downloads import plain_table_csv
from dashboard.schema.tables import PUBLISHED
from dashboard.serve import api, chart_names
from dashboard.store import dataset_version
from dashboard.store.database import SharedConnection
from dashboard.views import index
from tests.asgi_client import get
from tests.conftest import fixture_table


@pytest.fixture
def router(monkeypatch, fixture_db):
    monkeypatch.setenv("ALIGNMENT_DB", str(fixture_db))
    return Router(routes=api.ROUTES)


def test_datapackage_is_a_valid_frictionless_package_of_every_table(router, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    reply = get(router, "/api/v1/datapackage.json")
    assert reply.status == 200 and reply.headers["etag"] and "max-age" in reply.headers["cache-control"]
    package = reply.json()
    assert [r["name"] for r in package["resources"]] == [t.name for t in PUBLISHED]
    assert package["version"] and package["licenses"] and package["sources"]
    # the descriptor with the data it points to, fetched from the endpoints, validated together
    (tmp_path / "tables").mkdir()
    for r in package["resources"]:
        table = get(router, f"/api/v1/{r['path']}")
        assert table.status == 200, r["path"]
        (tmp_path / r["path"]).write_bytes(table.body)
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_datapackage_fields_carry_the_declared_types_and_rules(router):
    package = get(router, "/api/v1/datapackage.json").json()
    fields = {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}
    for t in PUBLISHED:
        for c in t.columns:
            f = fields[(t.name, c.name)]
            assert f["description"].startswith(c.description)
            assert f.get("constraints", {}).get("required", False) == c.required
            if c.enum:
                assert f["constraints"]["enum"] == list(c.enum)
    assert fields[("countries", "eu_member")]["type"] == "boolean"
    keys = {r["name"]: r["schema"] for r in package["resources"]}
    assert {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}} in keys["fact_sources"][
        "foreignKeys"
    ]


def test_table_formats_hold_the_same_rows(router, fixture_db):
    csv = get(router, "/api/v1/tables/countries.csv")
    assert csv.status == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.body == plain_table_csv(SharedConnection(fixture_db), "countries")  # header first
    rows = get(router, "/api/v1/tables/countries.json").json()["rows"]
    parquet = pd.read_parquet(io.BytesIO(get(router, "/api/v1/tables/countries.parquet").body))
    expected = fixture_table("countries")
    assert len(rows) == len(parquet) == len(expected)
    assert sorted(r["iso3"] for r in rows) == sorted(parquet["iso3"]) == sorted(expected["iso3"])


@pytest.mark.parametrize(
    "url", ["/api/v1/tables/nope.csv", "/api/v1/tables/countries.xlsx", "/api/v1/charts/nope.csv", "/api/v1/x"]
)
def test_unknown_names_get_a_json_404(router, url):
    reply = get(router, url)
    assert reply.status == 404 and reply.headers["content-type"] == "application/json"
    assert "error" in reply.json()


def test_a_table_name_never_reaches_the_sql(router):
    reply = get(router, "/api/v1/tables/" + urllib.parse.quote("countries; DROP TABLE sources") + ".csv")
    assert reply.status == 404


@pytest.mark.parametrize("name", list(chart_names.CHARTS))
def test_every_chart_has_its_data_with_the_page_defaults(router, name):
    csv = get(router, f"/api/v1/charts/{name}.csv")
    assert csv.status == 200, csv.body[:300]
    body = get(router, f"/api/v1/charts/{name}.json").json()
    assert body["chart"] == name and isinstance(body["rows"], list)
    if body["rows"]:  # a plain CSV: its first line is the header of the rows
        assert csv.body.decode().splitlines()[0] == ",".join(body["rows"][0])
        assert len(body["rows"]) == len(pd.read_csv(io.BytesIO(csv.body)))
    meta = get(router, f"/api/v1/charts/{name}.metadata.json")
    assert meta.status == 200 and meta.headers["content-type"] == "application/json"
    assert meta.json()["title"] == body["title"] and meta.json()["rows"] == len(body["rows"])
    archive = zipfile.ZipFile(io.BytesIO(get(router, f"/api/v1/charts/{name}.zip").body))
    assert archive.read(f"serbia-alignment-{name}.csv") == csv.body


def test_chart_metadata_names_filters_page_sources_version_and_citation(router, fixture_db):
    reply = get(router, "/api/v1/charts/arms_by_year.metadata.json?years=2013&years=2020&embed=true")
    meta = reply.json()
    assert meta["filters"].startswith("Years 2013–2020")
    assert meta["query"] == "years=2013&years=2020" and meta["query_parameters"] == {"years": ["2013", "2020"]}
    assert meta["page_url"].endswith("/arms?years=2013&years=2020")
    assert meta["data_url"] == "/api/v1/charts/arms_by_year.csv?years=2013&years=2020"
    info = dataset_version.read(duckdb.connect(str(fixture_db), read_only=True))
    assert meta["dataset"] == info and info["content_sha256"]
    assert meta["sources"] and {"id", "title", "publisher", "published_on", "url"} <= set(meta["sources"][0])
    assert meta["licence"] and info["version"] in meta["citation"] and meta["page_url"] in meta["citation"]
    assert meta["downloaded_at"].endswith("Z")


def test_chart_data_follows_the_page_parameters(router):
    arms = fixture_table("arms_transfers")
    first, last = int(arms["order_year"].min()), int(arms["order_year"].min()) + 1
    reply = get(router, f"/api/v1/charts/arms_by_year.csv?years={first}&years={last}&embed=true")
    assert reply.status == 200
    data = pd.read_csv(io.BytesIO(reply.body))
    assert data["year"].between(first, last).all()
    backwards = get(router, f"/api/v1/charts/arms_by_year.csv?years={last}&years={first}")
    assert backwards.body == reply.body
    meta = get(router, f"/api/v1/charts/arms_by_year.metadata.json?years={first}&years={last}").json()
    assert meta["filters"].startswith(f"Years {first}–{last}")


@pytest.mark.parametrize(
    "query",
    [
        "years=abc",
        "years=1800&years=1900",
        "partners=Atlantis",
        "blocs=North",
        "measure=Weight",
        "colour=red",
        "lang=xx",
    ],
)
def test_bad_chart_parameters_get_a_json_400(router, query):
    reply = get(router, f"/api/v1/charts/arms_by_year.csv?{query}")
    assert reply.status == 400 and reply.json()["problems"]


def test_an_unchanged_dataset_answers_304(router):
    first = get(router, "/api/v1/charts/overview.json?blocs=East")
    tag = first.headers["etag"]
    assert get(router, "/api/v1/charts/overview.json?blocs=East", {"If-None-Match": tag}).status == 304
    assert get(router, "/api/v1/charts/overview.json?blocs=West", {"If-None-Match": tag}).status == 200


def test_endpoints_only_read(router, fixture_db):
    before = duckdb.connect(str(fixture_db), read_only=True).execute("SELECT count(*) FROM sources").fetchone()
    for url in ["/api/v1/datapackage.json", "/api/v1/tables/sources.parquet", "/api/v1/charts/overview.csv"]:
        get(router, url)
    after = duckdb.connect(str(fixture_db), read_only=True).execute("SELECT count(*) FROM sources").fetchone()
    assert before == after


def test_an_embed_snippet_keeps_the_filters_and_escapes_the_title():
    snippet = chart_names.embed_snippet(
        "http://127.0.0.1:8501/arms?old=1", [("years", "2010"), ("years", "2020"), ("embed", "false")], 'A "b" <c>'
    )
    assert 'src="http://127.0.0.1:8501/arms?years=2010&amp;years=2020&amp;embed=true"' in snippet
    assert 'title="A &quot;b&quot; &lt;c&gt;"' in snippet
    assert 'src="http://127.0.0.1:8501/?embed=true"' in chart_names.embed_snippet("http://127.0.0.1:8501", [], "t")


def test_index_chart_data_follows_the_weights_in_the_url(router, fixture_db):
    """The index chart's data at the default weights is the stored east_west_index; the page's weight
    parameters (w_<component>) change it, and weights the page would refuse get a 400."""
    con = duckdb.connect(str(fixture_db), read_only=True)
    stored = dict(con.execute("SELECT year, value FROM east_west_index WHERE country_iso3 = 'SRB'").fetchall())
    rows = pd.DataFrame(get(router, "/api/v1/charts/index.json?compare=").json()["rows"])
    serbia = rows[(rows["country_iso3"] == "SRB") & (rows["series"] != index.EU_LINE)]
    assert stored and {int(y): pytest.approx(v) for y, v in zip(serbia["year"], serbia["value"])} == stored
    tilted = get(router, "/api/v1/charts/index.json?compare=&w_arms_deliveries=50&w_exercises=5").json()["rows"]
    assert tilted != get(router, "/api/v1/charts/index.json?compare=").json()["rows"]
    zero = "&".join(f"w_{n}=0" for n in ("un_votes", "cfsp", "arms_deliveries", "arms_orders"))
    for query in ("w_cfsp=60", "w_cfsp=heavy", zero):
        reply = get(router, f"/api/v1/charts/index.csv?{query}")
        assert reply.status == 400 and reply.json()["problems"], query
