"""The Data & sources page: every table to browse, a search over the sources, the upstream datasets'
vintages, and downloads of everything (one CSV per table with a data dictionary in a zip, and the
DuckDB file).

The download builders live in dashboard/components/data_downloads.py.
"""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.components import cached_table, export
from dashboard.components.csv_headers import header
from dashboard.components.data_downloads import PUBLISHED_NAMES, check_table, database_bytes, everything_zip, table_csv
from dashboard.i18n import _, current, ngettext, vocabulary
from dashboard.i18n import formats as fmt
from dashboard.schema.dictionary import dictionary
from dashboard.schema.tables import PUBLISHED_BY_NAME
from dashboard.store import app_data, dataset_version
from dashboard.store.cache import per_database
from dashboard.style.text import md_escape, source_markdown

TABLES = PUBLISHED_NAMES  # the read tables, then the derived ones (dataset version, index)


@per_database
def table(name: str) -> pd.DataFrame:
    """The whole table, the same object for every session (not to be mutated)."""
    return app_data.query("pages/data_table", table=check_table(name))


@per_database
def search_sources(term: str) -> pd.DataFrame:
    """Sources matching `term`, their kind in the reader's language (shown and downloaded so): the same object
    for every session in that language (not to be mutated)."""
    found = app_data.query("pages/data_search_sources", q=term.strip())
    return vocabulary.translated(found, "sources", ["kind"])


def dataset_vintages() -> pd.DataFrame:
    return app_data.query("pages/data_dataset_vintages")


# ---------------------------------------------------------------- page sections


def downloads() -> None:
    """The zip of every table and the DuckDB file, both built only when clicked."""
    shared = app_data.connection()
    size_mb = shared.path.stat().st_size / 1e6
    zipped, database = st.columns(2)
    zipped.download_button(
        _("All tables (CSV, zip)"),
        data=functools.partial(everything_zip, shared),
        file_name="serbia-alignment-data.zip",
        mime="application/zip",
        key="data_zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        width="stretch",
    )
    database.download_button(
        _("Database (DuckDB, {size} MB)").format(size=f"{size_mb:.1f}".replace(".", fmt.plotly_separators()[0])),
        data=functools.partial(database_bytes, shared.path),
        file_name="alignment.duckdb",
        mime="application/octet-stream",
        key="data_duckdb",
        on_click="ignore",
        icon=":material/database:",
        width="stretch",
    )
    st.caption(
        _(
            "The zip holds one CSV per table, `schema.sql`, a data dictionary (`data_dictionary.csv`: every "
            "column's type, key, references, allowed values and notes) and a README; "
            "`python -m dashboard.build --data <folder>` rebuilds the database from it."
        )
    )


def browse(name: str) -> None:
    """One table in full, its columns explained, and its CSV."""
    spec = PUBLISHED_BY_NAME[check_table(name)]
    data = table(name)
    refs = ", ".join(f"{c.name} → {c.references}" for c in spec.refs.values())
    st.caption(md_escape(_(spec.description)))
    st.caption(
        _("{n} rows · key: {key}").format(n=fmt.number(len(data)), key=", ".join(spec.key))
        + (" · " + _("references: {refs}").format(refs=refs) if refs else "")
        + (" · " + _("every row cites a source in fact_sources") if spec.sourced else "")
    )
    links = {c: st.column_config.LinkColumn(c) for c in data.columns if c == "url"}
    cached_table.show(data, width="stretch", column_config=links)
    st.download_button(
        f"{name}.csv",
        data=functools.partial(table_csv, app_data.connection(), name),
        file_name=f"{name}.csv",
        mime="text/csv",
        key="data_table_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    with st.expander(_("Columns of {table}").format(table=name)):
        cached_table.show(dictionary_of(name, current()), width="stretch", column_config=dictionary_columns())


@functools.cache
def data_dictionary(lang: str) -> pd.DataFrame:
    """The dictionary in `lang` (the current one), from the table declarations: the same object for every
    session in that language, not to be mutated. Column names, types and allowed values stay as stored."""
    shown = dictionary(translated=True)
    return shown.assign(required=shown["required"] == "yes", key=shown["key"] == "yes")


def dictionary_columns() -> dict:
    """The dictionary's headers in the reader's language (data_dictionary.csv in the zip keeps its own)."""
    return {
        "column": _("Column"),
        "type": _("Type"),
        "required": st.column_config.CheckboxColumn(_("Required")),
        "key": st.column_config.CheckboxColumn(_("Key")),
        "references": _("References"),
        "rule": st.column_config.TextColumn(_("Rule"), width="medium"),
        "note": st.column_config.TextColumn(_("Description"), width="large"),
    }


@functools.cache
def dictionary_of(name: str, lang: str) -> pd.DataFrame:
    """The dictionary rows of one table in `lang` (the same object for every session: not to be mutated)."""
    columns = data_dictionary(lang)
    return columns[columns["table"] == name].drop(columns="table")


def sources_search(term: str) -> None:
    """Sources matching the term (all when it is empty), with the facts citing them and a CSV."""
    found = search_sources(term)
    if found.empty:
        st.info(
            _("No source matches “{term}”. Try a shorter word, a publisher or part of a URL.").format(
                term=md_escape(term.strip())
            ),
            icon=":material/search_off:",
        )
        return
    what = _("matching “{term}”").format(term=md_escape(term.strip())) if term.strip() else _("in the data")
    st.caption(
        ngettext("{n} source {what}, newest first.", "{n} sources {what}, newest first.", len(found)).format(
            n=fmt.number(len(found)), what=what
        )
    )
    cached_table.show(
        found,
        width="stretch",
        column_config={
            **{c: header(c) for c in found.columns},
            "url": st.column_config.LinkColumn(header("url")),
            "published_on": st.column_config.DateColumn(header("published_on"), format="YYYY-MM-DD"),
            "accessed_on": st.column_config.DateColumn(header("accessed_on"), format="YYYY-MM-DD"),
        },
    )
    title = _("Sources matching “{term}”").format(term=term.strip()) if term.strip() else _("All sources")
    st.download_button(
        "CSV",
        data=functools.partial(
            i18n.call_in,  # the file is written after this run: in this run's language
            current(),
            export.csv_bytes,
            found,
            title,
            _("search: {term}").format(term=term.strip()),
            found.iloc[0:0],
            dataset_version.describe(app_data.dataset_info()),
        ),
        file_name="serbia-alignment-sources.csv",
        mime="text/csv",
        key="data_sources_csv",
        on_click="ignore",
        icon=":material/table:",
    )


def vintages() -> None:
    """Each upstream dataset with the version used and when it was read."""
    lines = vintage_lines()
    if not lines:
        st.info(_("No upstream datasets in the data yet."))
        return
    for line, notes in lines:
        st.markdown(line)
        if notes:
            st.caption(notes)


@per_database
def vintage_lines() -> tuple[tuple[str, str], ...]:
    """(the dataset's line, its escaped notes or "") for each upstream dataset, as Markdown, built once."""
    lines = []
    for s in dataset_vintages().itertuples():
        read = _("read {date}").format(date=f"{pd.Timestamp(s.accessed_on):%Y-%m-%d}")
        version = (
            _("version not dated")
            if pd.isna(s.published_on)
            else _("version of {date}").format(date=f"{pd.Timestamp(s.published_on):%Y-%m-%d}")
        )
        tables = ", ".join(s.cited_by_tables) if len(s.cited_by_tables) else _("no table yet")
        cited = ngettext("cited by {n} fact ({tables})", "cited by {n} facts ({tables})", s.facts_citing).format(
            n=s.facts_citing, tables=md_escape(tables)
        )
        notes = md_escape(s.notes) if isinstance(s.notes, str) and s.notes else ""
        lines.append((f"{source_markdown(s.title, s.url, s.publisher)} — {version}, {read} · {cited}", notes))
    return tuple(lines)


def version() -> None:
    """The dataset version of the database the app reads (table dataset_info)."""
    info = app_data.dataset_info()
    if not info["content_sha256"]:
        st.info(_("This database records no dataset version: rebuild it with `python -m dashboard.build`."))
        return
    st.markdown(
        _("**Dataset version {version}** · built {built}").format(
            version=md_escape(info["version"]), built=md_escape(info["built_at"])
        )
    )
    st.caption(
        _(
            "Content sha256 `{sha}`, taken over every curated and imported file (relative path and bytes): the same "
            "data give the same hash. The date is that of the newest entry in `data/CHANGELOG.md`, which says what "
            "each version added or corrected. Every download names this version."
        ).format(sha=md_escape(info["content_sha256"]))
    )
