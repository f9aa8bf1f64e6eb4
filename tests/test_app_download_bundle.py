"""A chart's downloads open anywhere: the CSV is plain (header first, formulas neutralised) and the same bytes
as its API link; the zip holds it with metadata.json (title, filters, page, sources, version, licence,
citation, time) and a README, in the session's language."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

import duckdb
import pytest
from starlette.routing import Router

from dashboard.pipeline.build import build
from dashboard.serve import api
from dashboard.store import dataset_version
from tests.apptest import figures_by_key, open_app, record_downloads
from tests.asgi_client import get

QUERY = {"years": ["2013", "2024"]}
STEM = "serbia-alignment-overview-2013-2024"


@pytest.fixture
def db(fixture_db, tmp_path):
    target = tmp_path / "bundle.duckdb"  # a fresh file: no figure cached in another language is reused
    shutil.copy(fixture_db, target)
    return target


def _zip(raw: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(raw))


def test_the_zip_holds_the_plain_csv_metadata_and_readme(monkeypatch, db):
    download = record_downloads(monkeypatch)
    at = open_app(monkeypatch, db, query=QUERY)
    plain = download(at, "overview_csv")
    archive = _zip(download(at, "overview_zip"))
    assert sorted(archive.namelist()) == sorted([f"{STEM}.csv", "metadata.json", "README.md"])
    assert archive.read(f"{STEM}.csv") == plain
    header = plain.decode().splitlines()[0]
    assert not header.startswith("#") and header.split(",")[:3] == ["series", "date", "year"]

    meta = json.loads(archive.read("metadata.json"))
    title = figures_by_key(at)["overview"]["layout"]["title"]["text"]
    assert title.startswith(meta["title"])
    assert meta["filters"].startswith("Years 2013–2024") and meta["query_parameters"] == {"years": ["2013", "2024"]}
    assert (
        meta["query"] == "years=2013&years=2024"
        and meta["data_url"] == "/api/v1/charts/overview.csv?years=2013&years=2024"
    )
    with duckdb.connect(str(db), read_only=True) as con:
        info = dataset_version.read(con)
    assert meta["dataset"] == info and len(info["content_sha256"]) == 64
    ids = {s["id"] for s in meta["sources"]}
    assert ids and all({"title", "publisher", "published_on", "url"} <= set(s) for s in meta["sources"])
    assert meta["rows"] == len(list(csv.reader(io.StringIO(plain.decode())))) - 1
    assert meta["licence"] and info["version"] in meta["citation"] and meta["downloaded_at"].endswith("Z")
    readme = archive.read("README.md").decode()
    assert readme.startswith(f"# {meta['title']}") and meta["citation"] in readme
    assert all(s["url"] in readme for s in meta["sources"]) and info["content_sha256"] in readme


def test_the_panel_csv_is_the_api_csv_byte_for_byte(monkeypatch, db):
    download = record_downloads(monkeypatch)
    at = open_app(monkeypatch, db, query=QUERY)
    reply = get(Router(routes=api.ROUTES), "/api/v1/charts/overview.csv?years=2013&years=2024")
    assert reply.status == 200 and reply.body == download(at, "overview_csv")
    zipped = get(Router(routes=api.ROUTES), "/api/v1/charts/overview.zip?years=2013&years=2024")
    assert _zip(zipped.body).read("serbia-alignment-overview.csv") == reply.body


def test_metadata_follows_the_session_language(monkeypatch, db):
    download = record_downloads(monkeypatch)
    at = open_app(monkeypatch, db, query={**QUERY, "lang": "sr-Latn"})
    archive = _zip(download(at, "overview_zip"))
    meta = json.loads(archive.read("metadata.json"))
    assert meta["language"] == "sr-Latn" and meta["filters"].startswith("Godine 2013–2024")
    assert meta["project"] == "Monitor spoljnopolitičkog usmerenja Srbije" and meta["project"] in meta["citation"]
    assert meta["query_parameters"]["lang"] == ["sr-Latn"]
    assert "## Izvori" in archive.read("README.md").decode()
    # its data link carries the language too, and answers with the same metadata texts
    api_meta = get(Router(routes=api.ROUTES), meta["data_url"].replace(".csv", ".metadata.json")).json()
    assert api_meta["title"] == meta["title"] and api_meta["filters"] == meta["filters"]
    assert get(Router(routes=api.ROUTES), meta["data_url"]).body == download(at, "overview_csv")


def test_a_formula_from_the_data_is_neutralised_in_the_downloads(monkeypatch, data_dir, tmp_path):
    events = data_dir / "curated" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Fixture event", "=HYPERLINK(1)"), encoding="utf-8")
    db = tmp_path / "formula.duckdb"
    build(data_dir, db)
    download = record_downloads(monkeypatch)
    at = open_app(monkeypatch, db)  # the default years hold the event
    cells = [cell for row in csv.reader(io.StringIO(download(at, "overview_csv").decode())) for cell in row]
    assert "'=HYPERLINK(1)" in cells and "=HYPERLINK(1)" not in cells
    archive = _zip(download(at, "overview_zip"))
    zipped = archive.read(next(n for n in archive.namelist() if n.endswith(".csv"))).decode()
    assert "'=HYPERLINK(1)" in zipped
