"""Where things live; the one place that knows the project layout."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
DEFAULT_DB = DATA_DIR / "alignment.duckdb"
# served by Streamlit at app/static/ (.streamlit/config.toml enableStaticServing)
STATIC_DIR = ROOT / "dashboard" / "static"


def database_path() -> Path:
    """The database the app reads: $ALIGNMENT_DB, else data/alignment.duckdb."""
    return Path(os.environ.get("ALIGNMENT_DB") or DEFAULT_DB)
