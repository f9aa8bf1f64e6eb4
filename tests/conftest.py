from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "valid"
SHARED_SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture dataset."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """The fixture dataset built once into a database."""
    from dashboard.pipeline.build import build

    out = tmp_path_factory.mktemp("db") / "fixture.duckdb"
    build(FIXTURE, out)
    return out


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> Path:
    """The project's curated data/ built once into a temporary database."""
    from dashboard.paths import DATA_DIR
    from dashboard.pipeline.build import build

    out = tmp_path_factory.mktemp("real") / "alignment.duckdb"
    build(DATA_DIR, out)
    return out


def fixture_table(name: str):
    """One table of the fixture dataset as a DataFrame, its curated and imported rows together, so tests derive
    what they expect from the fixture instead of pinning its size."""
    import pandas as pd

    files = [FIXTURE / "curated" / f"{name}.csv", *sorted((FIXTURE / "imported").glob(f"*/{name}.csv"))]
    return pd.concat([pd.read_csv(f, keep_default_na=False, na_values=[""]) for f in files if f.exists()])
