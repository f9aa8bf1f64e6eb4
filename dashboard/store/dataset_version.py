"""The dataset version of a database (table dataset_info, written by the build), for pages and downloads.

No Streamlit here: download builders call it outside a script run. A database built before dataset_info
existed reads as `unversioned`.
"""

from __future__ import annotations

import duckdb

from dashboard.store import queries

UNVERSIONED = {"version": "unversioned", "content_sha256": "", "built_at": ""}


def read(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """version, content_sha256 and built_at of the database behind `con`."""
    try:
        frame = queries.run(con, "pages/dataset_info")
    except duckdb.CatalogException:
        return dict(UNVERSIONED)
    if frame.empty:
        return dict(UNVERSIONED)
    return {k: str(v) for k, v in frame.iloc[0].items()}


def describe(info: dict[str, str]) -> str:
    """'dataset 2026-12-09+1a2b3c4d (content sha256 …, built …)': one line for file headers."""
    if not info.get("content_sha256"):
        return f"dataset {info['version']}"
    return f"dataset {info['version']} (content sha256 {info['content_sha256']}, built {info['built_at']})"
