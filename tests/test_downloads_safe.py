"""Downloads are safe to open in a spreadsheet: text that would run as a formula gets a leading apostrophe."""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
import pytest

from dashboard.components import data_downloads, download_bundle
from dashboard.pipeline.build import build
from dashboard.store.database import SharedConnection
from dashboard.style.text import spreadsheet_safe

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_looking_text_is_neutralised(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("value", ["Serbia", "", "2+2", -3, 4.5, None, "’quoted"])
def test_other_values_pass_unchanged(value):
    assert spreadsheet_safe(value) == value


def test_chart_csv_neutralises_text_cells_but_not_numbers():
    # (a carriage return never reaches a chart: the build refuses control characters in every cell)
    formulas = [f for f in FORMULAS if "\r" not in f]
    data = pd.DataFrame({"title": formulas, "value": [-1.5] * len(formulas)})
    raw = download_bundle.chart_csv(data)
    rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))  # plain: the header on the first line
    assert rows[0] == ["title", "value"]
    assert [r[0] for r in rows[1:]] == ["'" + f for f in formulas]
    assert {r[1] for r in rows[1:]} == {"-1.5"}


def test_table_csv_and_zip_neutralise_a_title_from_the_data(data_dir, tmp_path):
    events = data_dir / "curated" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Fixture event", "=HYPERLINK(1)"), encoding="utf-8")
    db = tmp_path / "x.duckdb"
    build(data_dir, db)
    shared = SharedConnection(db)
    table = data_downloads.table_csv(shared, "events").decode()
    assert "'=HYPERLINK(1)" in table
    archive = io.BytesIO(data_downloads.everything_zip(shared))

    assert "'=HYPERLINK(1)" in zipfile.ZipFile(archive).read("curated/events.csv").decode()
