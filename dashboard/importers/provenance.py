"""inputs.json: which upstream files an importer read, written beside its output.

One entry per file read: what it is (dashboard/importers/upstream.py), the source id it is cited under and
the date that source was accessed (from curated/sources.csv, so a rerun writes the same file), its name and
path relative to the shared sources folder, its size and sha256. Deterministic JSON (sorted keys, indent 2,
trailing newline): a rerun on the same files is byte-identical, a changed upstream file shows as a new sha256.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dashboard.importers import csv_records
from dashboard.importers.upstream import UPSTREAM
from dashboard.pipeline.problems import DataError, Problem

FILENAME = "inputs.json"


def file_entry(path: Path, shared: Path, source_id: str, source_row: dict[str, str]) -> dict:
    """The provenance of one upstream file read under `source_id` (its curated sources.csv row given)."""
    problems = []
    declared = UPSTREAM.get(source_id)
    if declared is None:
        problems.append(
            Problem(str(path), 0, "(file)", f"no upstream declaration for {source_id!r}: add one to upstream.py")
        )
    try:
        relative = path.resolve().relative_to(shared.resolve()).as_posix()
    except ValueError:
        relative = None
        problems.append(
            Problem(str(path), 0, "(file)", f"not under the shared sources folder {shared}: pass --shared DIR")
        )
    if problems:
        raise DataError(problems)
    raw = path.read_bytes()
    return {
        **declared,
        "source_id": source_id,
        "accessed_on": source_row.get("accessed_on", ""),
        "file": path.name,
        "path": relative,
        "bytes": len(raw),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }


def dumps(dataset: str, entries: list[dict]) -> str:
    ordered = sorted(entries, key=lambda e: (e["path"], e["sha256"]))
    return json.dumps({"dataset": dataset, "inputs": ordered}, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def read(out_dir: Path) -> list[dict]:
    path = out_dir / FILENAME
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["inputs"]


def write(out_dir: Path, dataset: str, entries: list[dict]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_records.write_atomic(out_dir / FILENAME, dumps(dataset, entries))


def terms_by_source(data_dir: Path) -> dict[str, str]:
    """source_id -> the upstream licence or terms an importer recorded for it (first entry wins)."""
    terms: dict[str, str] = {}
    for folder in sorted((data_dir / "imported").glob("*/")):
        for entry in read(folder):
            if entry.get("source_id") and entry.get("licence"):
                terms.setdefault(entry["source_id"], entry["licence"])
    return terms
