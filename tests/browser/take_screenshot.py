"""Refresh docs/screenshot-overview.png from the curated data (a script, not a test).

.venv/bin/python -m tests.browser.take_screenshot
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.server import ROOT, dashboard, launch

OUT = ROOT / "docs" / "screenshot-overview.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from dashboard.paths import DATA_DIR
    from dashboard.pipeline.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "alignment.duckdb"
        build(DATA_DIR, db)
        with dashboard(db, Path(tmp) / "streamlit.log") as url, sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1400, "height": 1250}, color_scheme="light")
            page.goto(url)
            page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=90_000)
            page.wait_for_timeout(3000)  # let plotly finish drawing
            page.screenshot(path=str(OUT))
            browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
