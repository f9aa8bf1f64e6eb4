"""Derived step: the dataset version, one row of `dataset_info(version, content_sha256, built_at)`.

- `content_sha256` is taken over every file of `curated/` and `imported/` (hidden files aside), in the order
  of their paths relative to the data folder: for each file its relative path (POSIX, UTF-8), a NUL byte, its
  size in decimal, a NUL byte and its bytes. Neither the checkout path nor file times enter it, so the same
  data give the same hash anywhere; any changed byte, added, removed or renamed file gives another.
- `version` is readable: the date of the newest `## YYYY-MM-DD` entry of the data folder's CHANGELOG.md
  (`undated` without one), `+`, and the first 8 hex digits of the hash, e.g. `2026-12-09+1a2b3c4d`. The date
  names the changelog entry that describes the data; the hash tells two builds of that date apart.
- `built_at` is the build's time (UTC); it is the only field that differs between two builds of the same data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import duckdb

from dashboard.pipeline.read_tables import CURATED, IMPORTED, Loaded
from dashboard.schema.ddl import create_table
from dashboard.schema.reference_tables import DATASET_INFO
from dashboard.store import queries

CHANGELOG = "CHANGELOG.md"
_ENTRY = re.compile(r"^##\s+(\d{4}-\d{2}-\d{2})\b", re.MULTILINE)


def input_files(data_dir: Path) -> list[Path]:
    """The files the hash covers, in hashing order (by path relative to the data folder)."""
    found = [
        p
        for folder in (CURATED, IMPORTED)
        for p in (data_dir / folder).rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(data_dir).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(data_dir).as_posix())


def content_sha256(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in input_files(data_dir):
        raw = path.read_bytes()
        digest.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(str(len(raw)).encode("ascii") + b"\0")
        digest.update(raw)
    return digest.hexdigest()


def changelog_date(data_dir: Path) -> str | None:
    """The newest dated entry (`## YYYY-MM-DD ...`) of the data folder's CHANGELOG.md, if any."""
    path = data_dir / CHANGELOG
    if not path.exists():
        return None
    dates = _ENTRY.findall(path.read_text(encoding="utf-8"))
    return max(dates) if dates else None


def version_label(data_dir: Path, sha256: str) -> str:
    return f"{changelog_date(data_dir) or 'undated'}+{sha256[:8]}"


def dataset_info(data_dir: Path, now: dt.datetime | None = None) -> dict[str, str]:
    sha = content_sha256(data_dir)
    built = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return {
        "version": version_label(data_dir, sha),
        "content_sha256": sha,
        "built_at": built.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def write_dataset_info(con: duckdb.DuckDBPyConnection, tables: dict[str, Loaded]) -> None:
    """The build step (dashboard.pipeline.build.DERIVED_STEPS): create and fill `dataset_info`."""
    folders = {t.data_dir for t in tables.values() if t.data_dir is not None}
    if len(folders) != 1:
        raise ValueError(f"dataset_info needs the one data folder the tables were read from, got {folders}")
    con.execute(create_table(DATASET_INFO))
    queries.run(con, "derived/dataset_info", **dataset_info(folders.pop()))
