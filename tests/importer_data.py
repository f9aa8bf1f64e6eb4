"""A small data folder for the importer tests, in the build's layout, and helpers to compare folders.

curated/ holds the valid fixture tables plus the project's countries, country names and the sources rows of
the upstream files the importers cite; imported/ starts empty.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests.conftest import FIXTURE, ROOT

PROJECT_DATA = ROOT / "data"
PROJECT_CURATED = PROJECT_DATA / "curated"
FIXTURES = ROOT / "tests" / "fixtures"  # the --shared folder of fixture runs: paths like sipri/register.csv
UPSTREAM_IDS = (
    "sipri-register-2026",
    "sipri-orders-2024",
    "un-undl-ga-votes-2021",
    "un-unvotes-2021",
    "un-quak1-es11-3",
    "un-kaartmaker-es11-1",
    "un-3dl-ga-votes-2025",
    "un-voeten-idealpoints-2024",
)


def importer_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    curated = data / "curated"
    shutil.copytree(FIXTURE / "curated", curated)
    (curated / "corrections.csv").unlink()  # the fixture's corrections name its own imported row
    for name in ("countries.csv", "country_names.csv"):
        shutil.copy(PROJECT_CURATED / name, curated / name)
    rows = [
        line
        for line in (PROJECT_CURATED / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        if line.split(",", 1)[0] in UPSTREAM_IDS
    ]
    with (curated / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.writelines(rows)
    (data / "imported").mkdir()
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def outside(files: dict[str, bytes], own: str) -> dict[str, bytes]:
    """The files not inside the folder `own` (relative to the data folder)."""
    return {k: v for k, v in files.items() if not k.startswith(own.rstrip("/") + "/")}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def drop_source(data: Path, source_id: str) -> None:
    path = data / "curated" / "sources.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(source_id + ",")), encoding="utf-8")
