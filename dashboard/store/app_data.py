"""Streamlit glue: the shared connection and cached queries for the running app."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.paths import database_path
from dashboard.store import database, dataset_version, queries


@st.cache_resource
def _shared(path: str) -> database.SharedConnection:
    return database.SharedConnection(Path(path))


_opened: dict[str, database.SharedConnection] = {}  # path -> connection, once built and opened


def connection() -> database.SharedConnection:
    """The process-wide read-only connection to $ALIGNMENT_DB (built first if the file is missing).

    Called by every query and cached builder: after the first call per path it is a dict lookup (the
    cache_resource call and the file checks cost about a tenth of a warm page run)."""
    path = str(database_path())
    shared = _opened.get(path)
    if shared is None:
        database.ensure_built(Path(path))
        shared = _opened.setdefault(path, _shared(path))
    return shared


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, identity: tuple, params: tuple) -> pd.DataFrame:
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return queries.run(connection().cursor(), name, **bound)


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; cached per database file version."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in params.items()))
    return _cached(name, connection().identity(), frozen).copy()


@st.cache_data(show_spinner=False, max_entries=8)
def _dataset_info(identity: tuple) -> dict[str, str]:
    return dataset_version.read(connection().cursor())


def dataset_info() -> dict[str, str]:
    """The version of the data behind the running app (table dataset_info), cached per database file."""
    return dict(_dataset_info(connection().identity()))
