"""The dashboard and the bare one-chart app, both served as `make serve` serves a replica (uvicorn, the ASGI
app, no file watcher), against a database built for the run: what bench_browser and bench_rerun compare."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dashboard.paths import ROOT

BARE_SCRIPT = ROOT / "bench" / "_bare_served_app.py"  # written by bench.bare_asgi when its server starts


@contextlib.contextmanager
def dashboard_and_bare(data: Path, timeout: float = 120) -> Iterator[tuple[str, str]]:
    """(dashboard URL, bare app URL) on loopback while the block runs; both servers stopped and the bare app's
    script removed afterwards."""
    from dashboard.pipeline.build import build
    from tests.browser.server import served

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "alignment.duckdb"
        build(data, db)
        try:
            with (
                served(db, tmp_path / "app.log", timeout=timeout) as app_url,
                served(db, tmp_path / "bare.log", timeout=timeout, asgi="bench.bare_asgi:app") as bare_url,
            ):
                yield app_url, bare_url
        finally:
            BARE_SCRIPT.unlink(missing_ok=True)
