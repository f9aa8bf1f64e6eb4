"""The Data & sources page: every table to browse, a search over the sources, the upstream datasets'
vintages, and downloads of everything (one CSV per table with a data dictionary in a zip, and the
DuckDB file).

The download builders take the shared connection as an argument and need no Streamlit script context:
download buttons call them lazily, on click.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import typing
import zipfile
from pathlib import Path

import annotated_types
import pandas as pd
import streamlit as st

from dashboard.components import export
from dashboard.components.export import PROJECT
from dashboard.paths import SCHEMA
from dashboard.schema import catalog
from dashboard.store import app_data, queries
from dashboard.store.cache import per_database
from dashboard.store.database import SharedConnection
from dashboard.style.text import md_escape, source_markdown

TABLES = [spec.name for spec in catalog.TABLES]
DICTIONARY_COLUMNS = ["table", "column", "type", "required", "key", "references", "rule", "note"]
# what the named validators in dashboard/rows.py check, for the dictionary's `rule` column
_VALIDATOR_RULES = {"_url": "http(s) URL", "_iso3": "three upper-case letters"}


def check_table(name: str) -> str:
    """`name` if it is one of the curated tables; anything else is refused before it reaches a query."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}")
    return name


def table(name: str) -> pd.DataFrame:
    return app_data.query("data_table", table=check_table(name))


def search_sources(term: str) -> pd.DataFrame:
    return app_data.query("data_search_sources", q=term.strip())


def dataset_vintages() -> pd.DataFrame:
    return app_data.query("data_dataset_vintages")


# ---------------------------------------------------------------- data dictionary


def schema_notes(text: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Comments of data/schema.sql: the lines just above each CREATE, and each column's comment (trailing,
    or on the lines just above the column)."""
    tables: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    pending: list[str] = []
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if created := re.match(r"CREATE (?:TABLE|VIEW) (\w+)", stripped):
            current, tables[created[1]], pending = created[1], " ".join(pending), []
        elif stripped.startswith("--"):
            pending.append(stripped[2:].strip())
        elif not stripped or stripped.startswith(")"):
            current, pending = (None if stripped.startswith(")") else current), []
        elif current and (column := re.match(r"([a-z_0-9]+)\s+[A-Z]+\b", stripped)):
            trailing = stripped.split("--", 1)[1].strip() if "--" in stripped else ""
            if note := " ".join([*pending, trailing]).strip():
                columns[(current, column[1])] = note
            pending = []
    return tables, columns


def _metadata(annotation) -> tuple[list, list]:
    """Literal values and constraint objects anywhere inside a (possibly Optional/Annotated) type."""
    values, constraints = [], []
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        values += list(typing.get_args(annotation))
    elif origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        v, c = _metadata(inner)
        values, constraints = values + v, constraints + c
        for item in extra:
            constraints += list(getattr(item, "metadata", None) or [item])
    elif origin is not None:
        for arg in typing.get_args(annotation):
            v, c = _metadata(arg)
            values, constraints = values + v, constraints + c
    return values, constraints


def rule(field) -> str:
    """A pydantic field's checks in words: allowed values, bounds, lengths, patterns."""
    values, constraints = _metadata(field.annotation)
    constraints = list(field.metadata) + constraints
    parts = [("one of: " + ", ".join(map(str, values)))] if values else []
    for c in constraints:
        if isinstance(c, annotated_types.Ge):
            parts.append(f">= {c.ge}")
        elif isinstance(c, annotated_types.Le):
            parts.append(f"<= {c.le}")
        elif isinstance(c, annotated_types.MaxLen):
            parts.append(f"at most {c.max_length} characters")
        elif getattr(c, "pattern", None):
            parts.append(f"matches {c.pattern}")
        elif getattr(getattr(c, "func", None), "__name__", "") in _VALIDATOR_RULES:
            parts.append(_VALIDATOR_RULES[c.func.__name__])
    return "; ".join(parts)


def dictionary(columns: pd.DataFrame, schema_text: str) -> pd.DataFrame:
    """One row per column of every curated table: type and nullability from the database, key and
    references from the catalog, checks from the row models, notes from the schema's comments."""
    _, notes = schema_notes(schema_text)
    rows = []
    for spec in catalog.TABLES:
        fields = spec.model.model_fields
        for c in columns[columns["table_name"] == spec.name].itertuples():
            ref = spec.refs.get(c.column_name)
            extras = spec.ref_extras.get(c.column_name)
            rows.append(
                {
                    "table": spec.name,
                    "column": c.column_name,
                    "type": c.data_type,
                    "required": "yes" if not c.nullable else "no",
                    "key": "yes" if c.column_name in spec.key else "",
                    "references": (f"{ref[0]}.{ref[1]}" + (f" (or {', '.join(sorted(extras))})" if extras else ""))
                    if ref
                    else "",
                    "rule": rule(fields[c.column_name]) if c.column_name in fields else "",
                    "note": notes.get((spec.name, c.column_name), ""),
                }
            )
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)


# ---------------------------------------------------------------- downloads (lazy, no script context)


def _cell(value) -> str:
    """A value written the way the curated CSVs write it, so a downloaded table builds again as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _fetch(shared: SharedConnection, name: str) -> tuple[list[str], list[tuple]]:
    result = shared.cursor().execute(queries.sql("data_table"), {"table": check_table(name)})
    return [d[0] for d in result.description], result.fetchall()


def _csv(header: list[str], rows: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def table_csv(shared: SharedConnection, name: str) -> bytes:
    """One table as CSV, header = the schema's column names, exactly as `dashboard.pipeline.build` reads it."""
    return _csv(*_fetch(shared, name))


def _readme(shared: SharedConnection, counts: dict[str, int], schema_text: str) -> str:
    notes = schema_notes(schema_text)[0]
    built = dt.datetime.fromtimestamp(shared.path.stat().st_mtime, dt.UTC)
    lines = [
        f"# {PROJECT}: the data",
        "",
        f"Exported from the database built {built:%Y-%m-%d %H:%M} UTC.",
        "",
        "One CSV per table (UTF-8, header row, empty cell = unknown), `schema.sql` (the DuckDB schema with "
        "keys and checks) and `data_dictionary.csv` (every column: type, whether required, key, references, "
        "allowed values, notes). Every fact row cites at least one source through `fact_sources.csv`; other "
        "values sources give are kept in `alternatives.csv`.",
        "",
        "Rebuild the database from this folder with `python -m dashboard.build --data <folder>`.",
        "",
        "| table | rows | key | every row cites a source | note |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {t.name} | {counts[t.name]} | {', '.join(t.key)} | {'yes' if t.sourced else ''} | {notes.get(t.name, '')} |"
        for t in catalog.TABLES
    ]
    lines += ["", "Upstream datasets are credited on every row they feed (see `sources.csv`, kind `dataset`).", ""]
    return "\n".join(lines)


def everything_zip(shared: SharedConnection) -> bytes:
    """A zip of every table as CSV, the schema, a data dictionary and a README."""
    schema_text = SCHEMA.read_text(encoding="utf-8")
    columns = queries.run(shared.cursor(), "data_columns")
    buffer = io.BytesIO()
    counts = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in TABLES:
            header, rows = _fetch(shared, name)
            counts[name] = len(rows)
            z.writestr(f"{name}.csv", _csv(header, rows))
        z.writestr("schema.sql", schema_text)
        z.writestr("data_dictionary.csv", dictionary(columns, schema_text).to_csv(index=False, lineterminator="\n"))
        z.writestr("README.md", _readme(shared, counts, schema_text))
    return buffer.getvalue()


def database_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()


# ---------------------------------------------------------------- page sections


def downloads() -> None:
    """The zip of every table and the DuckDB file, both built only when clicked."""
    shared = app_data.connection()
    size_mb = shared.path.stat().st_size / 1e6
    zipped, database = st.columns(2)
    zipped.download_button(
        "All tables (CSV, zip)",
        data=functools.partial(everything_zip, shared),
        file_name="serbia-alignment-data.zip",
        mime="application/zip",
        key="data_zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        width="stretch",
    )
    database.download_button(
        f"Database (DuckDB, {size_mb:.1f} MB)",
        data=functools.partial(database_bytes, shared.path),
        file_name="alignment.duckdb",
        mime="application/octet-stream",
        key="data_duckdb",
        on_click="ignore",
        icon=":material/database:",
        width="stretch",
    )
    st.caption(
        "The zip holds one CSV per table, `schema.sql`, a data dictionary (`data_dictionary.csv`: every "
        "column's type, key, references, allowed values and notes) and a README; "
        "`python -m dashboard.build --data <folder>` rebuilds the database from it."
    )


def browse(name: str) -> None:
    """One table in full, its columns explained, and its CSV."""
    spec = catalog.BY_NAME[check_table(name)]
    data = table(name)
    refs = ", ".join(f"{c} → {t}.{k}" for c, (t, k) in spec.refs.items())
    st.caption(
        f"{len(data):,} rows · key: {', '.join(spec.key)}"
        + (f" · references: {refs}" if refs else "")
        + (" · every row cites a source in fact_sources" if spec.sourced else "")
    )
    links = {c: st.column_config.LinkColumn(c) for c in data.columns if c == "url"}
    st.dataframe(data, hide_index=True, width="stretch", column_config=links)
    st.download_button(
        f"{name}.csv",
        data=functools.partial(table_csv, app_data.connection(), name),
        file_name=f"{name}.csv",
        mime="text/csv",
        key="data_table_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    with st.expander(f"Columns of {name}"):
        columns = data_dictionary()
        st.dataframe(columns[columns["table"] == name].drop(columns="table"), hide_index=True, width="stretch")


@per_database
def data_dictionary() -> pd.DataFrame:
    """The dictionary of the current database (the same object for every session: not to be mutated)."""
    return dictionary(app_data.query("data_columns"), SCHEMA.read_text(encoding="utf-8"))


def sources_search(term: str) -> None:
    """Sources matching the term (all when it is empty), with the facts citing them and a CSV."""
    found = search_sources(term)
    if found.empty:
        st.info(
            f"No source matches “{md_escape(term.strip())}”. Try a shorter word, a publisher or part of a URL.",
            icon=":material/search_off:",
        )
        return
    what = f"matching “{md_escape(term.strip())}”" if term.strip() else "in the data"
    st.caption(f"{len(found):,} source{'s' if len(found) != 1 else ''} {what}, newest first.")
    st.dataframe(
        found,
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn("url"),
            "published_on": st.column_config.DateColumn("published_on", format="YYYY-MM-DD"),
            "accessed_on": st.column_config.DateColumn("accessed_on", format="YYYY-MM-DD"),
        },
    )
    title = f"Sources matching “{term.strip()}”" if term.strip() else "All sources"
    st.download_button(
        "CSV",
        data=functools.partial(export.csv_bytes, found, title, f"search: {term.strip()}", found.iloc[0:0]),
        file_name="serbia-alignment-sources.csv",
        mime="text/csv",
        key="data_sources_csv",
        on_click="ignore",
        icon=":material/table:",
    )


def vintages() -> None:
    """Each upstream dataset with the version used and when it was read."""
    sets = dataset_vintages()
    if sets.empty:
        st.info("No upstream datasets in the data yet.")
        return
    for s in sets.itertuples():
        read = f"read {pd.Timestamp(s.accessed_on):%Y-%m-%d}"
        version = (
            "version not dated" if pd.isna(s.published_on) else f"version of {pd.Timestamp(s.published_on):%Y-%m-%d}"
        )
        tables = ", ".join(s.cited_by_tables) if len(s.cited_by_tables) else "no table yet"
        st.markdown(
            f"{source_markdown(s.title, s.url, s.publisher)} — {version}, {read} · "
            f"cited by {s.facts_citing} fact{'s' if s.facts_citing != 1 else ''} ({md_escape(tables)})"
        )
        if isinstance(s.notes, str) and s.notes:
            st.caption(md_escape(s.notes))
