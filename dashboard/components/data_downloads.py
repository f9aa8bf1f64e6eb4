"""The data downloads: one table as CSV, every table in a zip with its schema, dictionary and README.

The builders take the shared connection as an argument and need no Streamlit script context: download
buttons call them lazily, on click. Tables are written as the curated CSVs are, under `curated/`, so
`python -m dashboard.build --data <unzipped folder>` builds the same database again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

from dashboard.components.export import PROJECT
from dashboard.schema.ddl import schema_sql
from dashboard.schema.dictionary import dictionary
from dashboard.schema.tables import DERIVED_TABLES, PUBLISHED, PUBLISHED_BY_NAME, TABLES
from dashboard.store import dataset_version, queries
from dashboard.store.database import SharedConnection
from dashboard.style.text import spreadsheet_safe

TABLE_NAMES = [t.name for t in TABLES]  # read from CSVs: the zip's curated/ folder rebuilds them
# computed by the build (the index): in the zip's derived/ folder, which a rebuild ignores and recomputes;
# dataset_info has its own file at the zip's root
DERIVED_NAMES = [t.name for t in DERIVED_TABLES if t.name != "dataset_info"]
PUBLISHED_NAMES = [t.name for t in PUBLISHED]


def check_table(name: str) -> str:
    """`name` if it is one of the dataset's tables; anything else is refused before it reaches a query."""
    if name not in PUBLISHED_BY_NAME:
        raise ValueError(f"unknown table {name!r}")
    return name


def _cell(value) -> str:
    """A value written the way the curated CSVs write it, so a downloaded table builds again as it is; text a
    spreadsheet would run as a formula gets a leading apostrophe (no cell of the data starts that way)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):  # a list column of a derived table: a JSON array (Table Schema `array`)
        return str(spreadsheet_safe(json.dumps(value, ensure_ascii=False)))
    return str(spreadsheet_safe(value))


def _fetch(shared: SharedConnection, name: str) -> tuple[list[str], list[tuple]]:
    result = shared.cursor().execute(queries.sql("pages/data_table"), {"table": check_table(name)})
    return [d[0] for d in result.description], result.fetchall()


def _csv(header: list[str], rows: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def version_comment(shared: SharedConnection) -> str:
    """The `#` line naming the dataset version, which the build skips before a table's header."""
    return f"# {PROJECT}, {dataset_version.describe(dataset_version.read(shared.cursor()))}\n"


def plain_table_csv(shared: SharedConnection, name: str) -> bytes:
    """One table as a plain CSV, the header on the first line (the open-data endpoint: its version travels in
    the ETag and the Data Package)."""
    return _csv(*_fetch(shared, name))


def table_csv(shared: SharedConnection, name: str) -> bytes:
    """One table as CSV after a `#` line naming the dataset version; header = the declared column names, as
    the build reads it (the build skips leading `#` lines; pandas: `read_csv(path, comment="#")`)."""
    return version_comment(shared).encode("utf-8") + _csv(*_fetch(shared, name))


def _readme(shared: SharedConnection, counts: dict[str, int]) -> str:
    built = dt.datetime.fromtimestamp(shared.path.stat().st_mtime, dt.UTC)
    info = dataset_version.read(shared.cursor())
    lines = [
        f"# {PROJECT}: the data",
        "",
        f"Exported from the database built {built:%Y-%m-%d %H:%M} UTC.",
        "",
        f"Dataset version: {info['version']}",
        f"Content sha256: {info['content_sha256'] or 'not recorded'} (over the curated and imported files the "
        "database was built from; `dataset_info.csv` holds the same row)",
        "",
        "One CSV per table in `curated/` (UTF-8, header row, empty cell = unknown; imported rows included, "
        "with their corrections applied), `schema.sql` (the DuckDB schema with keys and checks) and "
        "`data_dictionary.csv` (every column: type, whether required, key, references, allowed values, "
        "notes). Every fact row cites at least one source through `fact_sources.csv`; other values sources "
        "give are kept in `alternatives.csv`.",
        "",
        "Rebuild the database from this folder with `python -m dashboard.build --data <folder>`. The tables in "
        "`derived/` (the East–West index at its default settings) are computed by the build from the others; a "
        "rebuild recomputes them.",
        "",
        "| table | rows | key | every row cites a source | description |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {t.name} | {counts[t.name]} | {', '.join(t.key)} | {'yes' if t.sourced else ''} | {t.description} |"
        for t in TABLES + [PUBLISHED_BY_NAME[n] for n in DERIVED_NAMES]
    ]
    lines += ["", "Upstream datasets are credited on every row they feed (see `sources.csv`, kind `dataset`).", ""]
    return "\n".join(lines)


def everything_zip(shared: SharedConnection) -> bytes:
    """A zip of every table as CSV, the schema, a data dictionary and a README."""
    buffer = io.BytesIO()
    counts = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in TABLE_NAMES:
            header, rows = _fetch(shared, name)
            counts[name] = len(rows)
            z.writestr(f"curated/{name}.csv", _csv(header, rows))
        for name in DERIVED_NAMES:
            header, rows = _fetch(shared, name)
            counts[name] = len(rows)
            z.writestr(f"derived/{name}.csv", _csv(header, rows))
        info = dataset_version.read(shared.cursor())
        z.writestr("dataset_info.csv", _csv(list(info), [tuple(info.values())]))
        z.writestr("schema.sql", schema_sql())
        z.writestr("data_dictionary.csv", dictionary().to_csv(index=False, lineterminator="\n"))
        z.writestr("README.md", _readme(shared, counts))
    return buffer.getvalue()


def database_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()
