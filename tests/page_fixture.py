"""The database the EU & CFSP, UN votes and Data & sources page tests run on: the valid fixture plus the
rows in tests/fixtures/pages/ (compared candidates, more issuers and votes, text that tries to be markup).

These rows are kept apart from tests/fixtures/valid/ because other tests count that fixture's rows and
lines; each file here has the header of its table and rows appended to the valid fixture's file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE

PAGE_ROWS = Path(__file__).resolve().parent / "fixtures" / "pages"


def page_data(target: Path) -> Path:
    """Copy the valid fixture to `target` and append the page rows to it."""
    shutil.copytree(FIXTURE, target)
    for extra in sorted(PAGE_ROWS.glob("*.csv")):
        base = target / "curated" / extra.name
        header, *rows = extra.read_text(encoding="utf-8").splitlines()
        assert base.read_text(encoding="utf-8").splitlines()[0] == header, f"{extra.name}: header differs"
        with base.open("a", encoding="utf-8") as out:
            out.write("".join(row + "\n" for row in rows))
    return target


@pytest.fixture(scope="session")
def pages_db(tmp_path_factory) -> Path:
    from dashboard.pipeline.build import build

    root = tmp_path_factory.mktemp("pages")
    out = root / "pages.duckdb"
    build(page_data(root / "data"), out)
    return out
