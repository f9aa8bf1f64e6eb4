"""Warm rerun time of each dashboard page and warm PNG export time, as ratios to bare baselines.

    .venv/bin/python bench/bench_pages.py [--data DIR] [--runs N]

Builds DIR (default data/) into a temporary database, then measures side by side in this process:
- a bare one-chart Streamlit app (the rerun baseline) and each page, warm, under AppTest, with the page's
  floor (bench/floor_app.py: its elements with the bare app's content, nothing computed);
- a bare one-bar figure through the app's image worker at the export size (the export baseline) and the
  overview chart through dashboard.components.export (title, filters and source line drawn in), warm.
Prints medians in milliseconds and ratios; asserts nothing (speed is watched here, not in tests).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_APP = """
import plotly.graph_objects as go
import streamlit as st
st.title("Bare")
st.plotly_chart(go.Figure(go.Bar(x=[2020, 2021, 2022], y=[3, 1, 2])), key="bare")
"""
PAGES = {
    "overview": None,
    "arms": "app_pages/arms.py",
    "exercises": "app_pages/exercises.py",
    "EU & CFSP": "app_pages/eu_cfsp.py",
    "UN votes": "app_pages/un_votes.py",
    "data & sources": "app_pages/data_sources.py",
}


def median_ms(fn, runs: int) -> float:
    fn()  # warm: caches filled, modules imported, browser started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def apptest_rerun(script: str, page: str | None):
    """The `run` of an AppTest that has run `script` (switched to `page`) once."""
    return warm_apptest(script, page).run


def warm_apptest(script: str, page: str | None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(script, default_timeout=60)
    if page:
        at.switch_page(page)
    at.run()
    if at.exception:
        raise RuntimeError(at.exception)
    return at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    from bench.floor_app import element_types, floor_script
    from dashboard.pipeline.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        build(args.data, db)
        os.environ["ALIGNMENT_DB"] = str(db)
        bare = Path(tmp) / "bare_app.py"
        bare.write_text(BARE_APP)

        baseline = median_ms(apptest_rerun(str(bare), None), args.runs)
        # floor: the page's elements with the bare app's content, nothing computed (bench/floor_app.py)
        print(f"{'warm rerun':<28}{'ms':>8}{'× bare app':>12}{'floor ms':>10}{'× bare app':>12}")
        print(f"{'bare one-chart app':<28}{baseline:>8.1f}{1:>12.2f}")
        for name, page in PAGES.items():
            at = warm_apptest(str(ROOT / "dashboard" / "app.py"), page)
            ms = median_ms(at.run, args.runs)
            floor = Path(tmp) / "floor_app.py"
            floor.write_text(floor_script(element_types(at))[0])
            floor_ms = median_ms(apptest_rerun(str(floor), None), args.runs)
            print(f"{name + ' page':<28}{ms:>8.1f}{ms / baseline:>12.2f}{floor_ms:>10.1f}{floor_ms / baseline:>12.2f}")

        import plotly.graph_objects as go

        from dashboard.components import export
        from dashboard.components.filters import Filters
        from dashboard.style.theme import EXPORT_HEIGHT, EXPORT_SCALE, EXPORT_WIDTH
        from dashboard.views import overview

        export.ensure_image_server()
        tiny = go.Figure(go.Bar(x=[2020, 2021, 2022], y=[3, 1, 2]))
        # the same image worker and size as the app's exports (plotly's own to_image starts kaleido per call)
        bare_png = median_ms(
            lambda: export.RENDERER.render(tiny.to_json(), "png", EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_SCALE),
            max(3, args.runs // 3),
        )
        chart = overview.overview_chart(Filters(2006, 2025))
        line = export.source_line(chart.sources)
        png = median_ms(
            lambda: export.image_bytes(chart.figure, "png", chart.title, "Years 2006–2025", line),
            max(3, args.runs // 3),
        )
        print(f"\n{'warm PNG export':<28}{'ms':>8}{'× bare PNG':>12}")
        print(f"{'bare one-bar figure':<28}{bare_png:>8.1f}{1:>12.2f}")
        print(f"{'overview chart, annotated':<28}{png:>8.1f}{png / bare_png:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
