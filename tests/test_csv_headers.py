"""CSV headers: a chart's CSV (and the key votes' and a source search's) is headed in the reader's language —
the column names in English, labels in Serbian — while the data page's table downloads keep the stored
column names in every language (a public interface)."""

from __future__ import annotations

import importlib
import pkgutil
import shutil

import pandas as pd

import dashboard.views
from dashboard.components import chart_panel, csv_headers, data_downloads, export
from dashboard.i18n import catalog
from dashboard.store.database import SharedConnection
from tests.apptest import open_app

PAGES = [f"app_pages/{p}.py" for p in ("overview", "index", "arms", "exercises", "eu_cfsp", "un_votes")]
NO_SOURCES = pd.DataFrame(columns=["title", "publisher", "published_on", "url"])


def _header(data: pd.DataFrame, lang: str) -> str:
    with catalog.using(lang):
        text = export.csv_bytes(data, "t", "f", NO_SOURCES).decode()
    return next(line for line in text.splitlines() if not line.startswith("#"))


def test_a_chart_csv_is_headed_in_the_readers_language():
    data = pd.DataFrame({"year": [2020], "country_iso3": ["SRB"], "value": [0.5], "unlisted_column": [1]})
    assert _header(data, "en") == "year,country_iso3,value,unlisted_column"
    assert _header(data, "sr-Latn") == "godina,zemlja (ISO3),vrednost,unlisted_column"
    assert _header(data, "sr-Cyrl") == "година,земља (ISO3),вредност,unlisted_column"


def test_table_downloads_keep_the_stored_column_names_in_every_language(fixture_db):
    with catalog.using("sr-Latn"):
        text = data_downloads.table_csv(SharedConnection(fixture_db), "eu_statements").decode()
    header = next(line for line in text.splitlines() if not line.startswith("#"))
    assert header.startswith("statement_id,date,institution,speaker,kind")


def test_every_column_a_chart_writes_has_a_header_label(monkeypatch, fixture_db, tmp_path):
    """A new chart column without a label would reach Serbian readers as an English name: list it in
    dashboard/components/csv_headers.py (and translate it)."""
    db = tmp_path / "headers.duckdb"  # a fresh file: no chart cached by an earlier test skips make_chart
    shutil.copy(fixture_db, db)
    written: dict[str, list[str]] = {}
    real = chart_panel.make_chart

    def recording(key, title, figure, data, alt):
        written.setdefault(key, [str(c) for c in data.columns])
        return real(key, title, figure, data, alt)

    for info in pkgutil.iter_modules(dashboard.views.__path__):
        module = importlib.import_module(f"dashboard.views.{info.name}")
        if getattr(module, "make_chart", None) is real:
            monkeypatch.setattr(module, "make_chart", recording)
    for page in PAGES:
        open_app(monkeypatch, db, page, {"lang": "en"})
    assert len(written) >= 10, sorted(written)  # the pages' charts were seen
    unlabelled = {(key, c) for key, columns in written.items() for c in columns if c not in csv_headers.KNOWN}
    assert not unlabelled, sorted(unlabelled)


def test_every_header_label_is_translated():
    with catalog.using("sr-Latn"):
        same = {c for c in csv_headers.KNOWN if csv_headers.header(c) == c}
    assert same == {"partner"}  # the one Serbian label spelled like the column name
