"""Filter → chart in Chromium: how long a year-slider step takes to come back as a redrawn page, on every
page, as a ratio to a bare one-chart app with the same slider, measured side by side in one run.

    .venv/bin/python -m bench.bench_browser [--data DIR] [--steps N]

Serves the dashboard (on a database built from DIR, default data/) and the bare app on loopback as `make serve`
serves each replica (bench/served_apps.py: uvicorn, the ASGI app, no file watcher), drives Debian
chromium, and for each page presses the first year slider's arrow key N times (default 12), timing from the
key press to the end of the rerun it causes plus two animation frames (the page drawn). Prints medians in
milliseconds and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_APP = """
import plotly.graph_objects as go
import streamlit as st
st.title("Bare")
first, last = st.slider("Years", 2006, 2026, (2006, 2026), key="years")
years = list(range(first, last + 1))
st.plotly_chart(go.Figure(go.Bar(x=years, y=[y % 7 for y in years])), key="bare")
"""
PAGES = {"overview": "", "index": "index", "arms": "arms", "exercises": "exercises", "EU & CFSP": "eu_cfsp",
         "UN votes": "un_votes", "data & sources": "data_sources"}  # fmt: skip

# arms a watch: the time runs from the key press (seen in the capture phase) to the end of the rerun it
# starts, plus two animation frames (the browser has drawn the result)
ARM_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__step = new Promise((resolve) => {
    let started = null, ran = false;
    document.addEventListener('keydown', () => { started = started ?? performance.now(); }, {capture: true, once: true});
    const watch = new MutationObserver((records) => {
      const state = app.getAttribute('data-test-script-state');
      // a fast rerun can start and end before this callback reads the state: the old values tell
      if (state === 'running' || records.some((r) => r.oldValue === 'running')) ran = true;
      if (ran && state === 'notRunning') {
        watch.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
      }
    });
    watch.observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
    setTimeout(() => { watch.disconnect(); resolve(null); }, 30000);
  });
}"""
SLIDER = "[data-testid=stSlider] input[type=range]"


def _steps(page, url: str, steps: int) -> float:
    page.goto(url)
    page.wait_for_selector(SLIDER, state="attached", timeout=90_000)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"
    )
    page.wait_for_timeout(1500)  # first draw settled
    times = []
    thumb = page.locator(SLIDER).first
    for i in range(steps):
        page.evaluate(ARM_JS)
        thumb.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        ms = page.evaluate("() => window.__step")
        if ms is not None:
            times.append(ms)
        page.wait_for_timeout(300)
    return statistics.median(times) if times else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from bench.served_apps import dashboard_and_bare
    from tests.browser.server import launch

    with dashboard_and_bare(args.data) as (app_url, bare_url), sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.set_default_timeout(90_000)
        results = {"bare one-chart app": _steps(page, bare_url, args.steps)}
        for name, path in PAGES.items():
            results[name] = _steps(page, f"{app_url}/{path}", args.steps)
        results["bare one-chart app (again)"] = _steps(page, bare_url, args.steps)
        browser.close()
    bare = [results["bare one-chart app"], results["bare one-chart app (again)"]]
    base = statistics.mean([ms for ms in bare if ms == ms] or [float("nan")])  # a round with no step timed is NaN
    print(f"{'filter → chart drawn, Chromium':<32}{'ms':>8}{'× bare':>10}")
    for name, ms in results.items():
        print(f"{name:<32}{ms:>8.0f}{ms / base:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
