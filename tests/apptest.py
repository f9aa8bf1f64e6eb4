"""Running the dashboard under AppTest against a given database, and reading what it drew."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.figures import figures, figures_by_key  # noqa: F401 (page tests import them from here)

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FACT_TABLES = (
    "arms_transfers",
    "exercises",
    "exercise_participants",
    "eu_statements",
    "cfsp_alignment",
    "cfsp_declarations",
    "cfsp_declaration_alignment",
    "un_resolutions",
    "un_votes",
    "un_agreement",
    "events",
    "fact_sources",
    "alternatives",
)


def open_app(monkeypatch, db: Path, page: str | None = None, query: dict | None = None) -> AppTest:
    """The app on `page` (e.g. "app_pages/arms.py"; default: the overview), opened with URL `query`."""
    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)  # before the first run: the page opens with the URL's parameters
    at.run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def only_figure(at: AppTest) -> dict:
    figs = figures(at)
    assert len(figs) == 1, f"expected one chart, found {len(figs)}"
    return figs[0]


def traces(fig: dict, kind: str | None = None) -> dict[str, dict]:
    """Traces by name (optionally only those of one plotly type)."""
    return {t.get("name"): t for t in fig["data"] if kind is None or t.get("type") == kind}


def sum_by(fig: dict, field: str, kind: str = "bar", axis: str = "y") -> dict[str, float]:
    """Sum of the values of the traces of one type, grouped by a trace attribute (e.g. legendgroup)."""
    totals: dict[str, float] = defaultdict(float)
    for t in fig["data"]:
        if t.get("type") == kind:
            totals[t.get(field)] += float(sum(t.get(axis) or []))
    return dict(totals)


def empty_copy(fixture: Path, target: Path) -> Path:
    """A copy of a data folder with every fact table, curated and imported, reduced to its header row, and no
    corrections (they would name rows that are gone)."""
    shutil.copytree(fixture, target)
    for name in FACT_TABLES:
        for path in [target / "curated" / f"{name}.csv", *(target / "imported").glob(f"*/{name}.csv")]:
            if path.exists():
                path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    (target / "curated" / "corrections.csv").unlink(missing_ok=True)
    return target


def empty_database(tmp_path: Path) -> Path:
    """The fixture's countries and sources with no facts at all, built into a database."""
    from dashboard.pipeline.build import build
    from tests.conftest import FIXTURE

    out = tmp_path / "empty.duckdb"
    build(empty_copy(FIXTURE, tmp_path / "empty-data"), out)
    return out


def texts(at: AppTest, element: str) -> list[str]:
    return [e.value for e in at.get(element)]


def shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown: the backslash escapes removed (the markup stays inert)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def record_downloads(monkeypatch):
    """Call before `open_app`: returns `download(at, key) -> bytes`, what the download button `key` serves on a
    click (AppTest registers each button's callable with its media manager but never runs it)."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.media_file_manager import MediaFileManager

    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)

    def download(at: AppTest, key: str) -> bytes:
        buttons = [b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}")]
        if not buttons:  # a chart draws its download buttons on demand: press its one Download button first
            chart = key.rsplit("_", 1)[0]
            at.button(key=f"{chart}_downloads").click().run()
            buttons = [b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}")]
        assert len(buttons) == 1, f"no download button {key!r}"
        url = managers[-1].execute_deferred(buttons[0].proto.deferred_file_id)  # the last run's manager
        found = managers[-1].read_file(url.rsplit("/", 1)[1].split(".")[0])
        assert found is not None, url
        return found.content

    return download
