"""The open data endpoints, served by the same ASGI app as the dashboard (asgi.py):

    /api/v1/datapackage.json                      every table described (Frictionless Data Package)
    /api/v1/tables/{table}.csv|.json|.parquet     one table in full
    /api/v1/charts/{chart}.csv|.json?<page URL query>   the rows a chart draws, for the page's filters (and
                                                  its `lang`: titles and labels in that language)
    /api/v1/charts/{chart}.metadata.json|.zip?<query>   what they are and where from; the zip holds the CSV,
                                                  metadata.json and a README (as the panel's ZIP download)

Read-only, through the app's shared read-only connection and named SQL with bound parameters. Every answer
carries an ETag derived from the dataset version (a matching If-None-Match gets 304) and Cache-Control;
unknown names and bad parameters get 404/400 with a JSON error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

import pyarrow.parquet as pq
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dashboard import i18n
from dashboard.components import download_bundle
from dashboard.components.chart_panel import Chart
from dashboard.components.data_downloads import plain_table_csv
from dashboard.components.filters import Filters, choices
from dashboard.schema.tables import PUBLISHED_BY_NAME
from dashboard.serve import chart_data, chart_names, datapackage
from dashboard.serve.chart_names import API_PREFIX, CHARTS
from dashboard.serve.version import dataset_version as version_of
from dashboard.store import app_data, dataset_version, queries

CACHE_CONTROL = "public, max-age=300"
TABLE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}
CHART_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "metadata.json": "application/json",
    "zip": "application/zip",
}


def error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status, headers=_open_headers())


def _open_headers() -> dict[str, str]:
    return {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff"}


def _etag(request: Request, version: str) -> str:
    """One tag per representation: the dataset version with the path and the (sorted) query."""
    query = sorted(request.query_params.multi_items())
    digest = hashlib.sha256(json.dumps([version, request.url.path, query]).encode()).hexdigest()[:24]
    return f'"{digest}"'


async def _answer(request: Request, media_type: str, build, filename: str | None = None) -> Response:
    """304 when the client holds this version; else build the body in a worker thread."""
    shared = app_data.connection()
    tag = _etag(request, version_of(shared))
    headers = {**_open_headers(), "ETag": tag, "Cache-Control": CACHE_CONTROL}
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    body = await run_in_threadpool(build, shared)
    if filename:
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return Response(body, media_type=media_type, headers=headers)


def _split(name: str, formats) -> tuple[str, str] | None:
    for fmt in sorted(formats, key=len, reverse=True):  # `x.metadata.json` before `x.json`
        stem = name.removesuffix(f".{fmt}")
        if stem != name and stem:
            return stem, fmt
    return None


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _table_json(shared, name: str) -> bytes:
    result = shared.cursor().execute(queries.sql("pages/data_table"), {"table": name})
    header = [d[0] for d in result.description]
    rows = [dict(zip(header, row)) for row in result.fetchall()]
    return json.dumps({"table": name, "rows": rows}, default=_json_value, ensure_ascii=False).encode()


def _table_parquet(shared, name: str) -> bytes:
    table = shared.cursor().sql(queries.sql("pages/data_table"), params={"table": name}).to_arrow_table()
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


async def datapackage_json(request: Request) -> Response:
    def build(shared) -> bytes:
        return json.dumps(datapackage.descriptor(shared), indent=1, ensure_ascii=False).encode()

    return await _answer(request, "application/json", build)


async def table(request: Request) -> Response:
    parts = _split(request.path_params["name"], TABLE_TYPES)
    if parts is None:
        return error(404, "unknown format: use .csv, .json or .parquet", formats=list(TABLE_TYPES))
    name, fmt = parts
    if name not in PUBLISHED_BY_NAME:
        return error(404, f"unknown table {name!r}", tables=list(PUBLISHED_BY_NAME))
    build = {"csv": plain_table_csv, "json": _table_json, "parquet": _table_parquet}[fmt]
    return await _answer(request, TABLE_TYPES[fmt], lambda shared: build(shared, name), f"{name}.{fmt}")


def chart_csv(c: Chart) -> bytes:
    """Exactly the chart panel's CSV download for this chart (download_bundle.chart_csv)."""
    return download_bundle.chart_csv(c.data)


def chart_metadata(request: Request, name: str, c: Chart, f: Filters, shared) -> dict:
    """The panel's metadata.json for this chart, its page link rebuilt from this request's address."""
    params = request.query_params.multi_items()
    return download_bundle.metadata(
        c.data,
        c.title,
        f.describe(choices().names),
        c.sources,
        dataset_version.read(shared.cursor()),
        params=params,
        page_url=str(request.base_url).rstrip("/") + "/" + CHARTS[name][0],
        data_url=chart_names.data_path(name, "csv", params),
        stem=f"serbia-alignment-{name}",
    )


def chart_json(name: str, c: Chart, f: Filters) -> bytes:
    body = {
        "chart": name,
        "title": c.title,
        "filters": f.describe(choices().names),
        "sources": json.loads(c.sources.to_json(orient="records", date_format="iso")),
        "rows": json.loads(c.data.to_json(orient="records", date_format="iso")),
    }
    return json.dumps(body, ensure_ascii=False).encode()


async def chart(request: Request) -> Response:
    parts = _split(request.path_params["name"], CHART_TYPES)
    if parts is None:
        return error(404, "unknown format: use .csv, .json, .metadata.json or .zip", formats=list(CHART_TYPES))
    name, fmt = parts
    if name not in CHARTS:
        return error(404, f"unknown chart {name!r}", charts=list(CHARTS))
    raw: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        raw.setdefault(key, []).append(value)
    lang = (raw.get("lang") or [i18n.ENGLISH])[-1]  # the page's language: titles, labels and metadata follow it
    if lang not in i18n.LANGS:
        return error(400, "parameters the page cannot use", problems=[f"unknown lang {lang!r}"], langs=list(i18n.LANGS))

    def build(shared) -> bytes:
        return i18n.call_in(lang, build_in_language, shared)

    def build_in_language(shared) -> bytes:
        drawn, f = chart_data.chart(name, raw)
        if fmt == "csv":
            return chart_csv(drawn)
        if fmt == "json":
            return chart_json(name, drawn, f)
        meta = chart_metadata(request, name, drawn, f, shared)
        return (
            download_bundle.metadata_json(meta)
            if fmt == "metadata.json"
            else download_bundle.bundle_zip(drawn.data, meta)
        )

    try:
        return await _answer(request, CHART_TYPES[fmt], build, f"serbia-alignment-{name}.{fmt}")
    except chart_data.BadParameters as bad:
        return error(400, "parameters the page cannot use", problems=bad.notes)


async def not_found(request: Request) -> Response:
    return error(404, f"no such endpoint {request.url.path!r}", endpoints=[f"{API_PREFIX}/datapackage.json"])


ROUTES = [
    Route(f"{API_PREFIX}/datapackage.json", datapackage_json, methods=["GET"]),
    Route(f"{API_PREFIX}/tables/{{name}}", table, methods=["GET"]),
    Route(f"{API_PREFIX}/charts/{{name}}", chart, methods=["GET"]),
    Route(f"{API_PREFIX}/{{rest:path}}", not_found, methods=["GET"]),
]
