"""Where an importer reads and writes: curated files in, its own `imported/<dataset>/` folder out.

Importers read only `curated/` (countries, country names, sources) and the upstream files; they write only
their own folder, so every file there is regenerated whole on each run and never edited by hand.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.importers import csv_records
from dashboard.paths import ROOT
from dashboard.pipeline.problems import DataError, Problem
from dashboard.pipeline.read_tables import CURATED, IMPORTED, Loaded, read_file
from dashboard.schema.tables import BY_NAME

# the upstream files (each folder with its SOURCE.md); CI has them at ../shared/sources too
SHARED_SOURCES = ROOT.parent / "shared" / "sources"


def curated(data_dir: Path, filename: str) -> Path:
    return data_dir / CURATED / filename


def dataset_dir(data_dir: Path, dataset: str) -> Path:
    """The folder an importer owns: `imported/<dataset>/` of the data folder."""
    return data_dir / IMPORTED / dataset


def countries(data_dir: Path) -> list[dict]:
    """The rows of curated/countries.csv, checked against the table's declaration."""
    table = BY_NAME["countries"]
    problems: list[Problem] = []
    loaded = Loaded(table)
    path = curated(data_dir, table.filename)
    if not path.exists():
        raise DataError([Problem(str(path), 0, "(file)", "file is missing")])
    read_file(path, str(path), table, problems, loaded)
    if problems:
        raise DataError(problems)
    return [r.row for r in loaded.rows]


def sources(data_dir: Path) -> dict[str, dict[str, str]]:
    """curated/sources.csv by source_id."""
    path = curated(data_dir, BY_NAME["sources"].filename)
    return {r.values["source_id"]: r.values for r in csv_records.read_csv(path).records}


def require_sources(data_dir: Path, cited: dict[str, str]) -> dict[str, dict[str, str]]:
    """The sources rows of the ids an importer cites ({source_id: what it describes}); a missing one is a
    problem naming it (the importer never writes sources.csv itself)."""
    known = sources(data_dir)
    missing = [sid for sid in cited if sid not in known]
    if missing:
        path = curated(data_dir, "sources.csv")
        raise DataError(
            [
                Problem(str(path), 0, "source_id", f"no sources row {sid!r}: add one describing {cited[sid]}")
                for sid in missing
            ]
        )
    return {sid: known[sid] for sid in cited}


def write_table(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write a whole table file of the importer's folder (created if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    csv_records.write_atomic(path, ",".join(columns) + "\n" + csv_records.format_rows(columns, rows))
