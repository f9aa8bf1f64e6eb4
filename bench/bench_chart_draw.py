"""How long Chromium takes to draw the charts of each page, against the bare app's one chart, in one browser:
the part of a filter → chart step that no change on the server can remove.

    .venv/bin/python -m bench.bench_chart_draw [--data DIR] [--reps N]

Builds DIR (default data/) into a temporary database, runs every page once under AppTest to take the figures
it sends before and after a first year-slider step (as bench_browser moves it), and serves them with plotly.js
(the copy in the plotly package) on loopback. Chromium then draws each page's figures after the step, pages
interleaved with the bare app's chart, N rounds (default 9), in two ways: `Plotly.newPlot` into new plots (what
Streamlit's chart element does for a changed figure) and `Plotly.react` into the plots of the figures before the
step (what a chart component that keeps its plot would do). Prints medians in milliseconds and ratios; asserts
nothing. Streamlit's own bundle draws with its theme applied, so absolute times differ a little from the app's;
the ratios between pages are what this measures.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import warnings
from pathlib import Path

import plotly
import plotly.graph_objects as go

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "overview": None,
    "index": "app_pages/index.py",
    "arms": "app_pages/arms.py",
    "exercises": "app_pages/exercises.py",
    "EU & CFSP": "app_pages/eu_cfsp.py",
    "UN votes": "app_pages/un_votes.py",
}  # fmt: skip (data & sources draws no chart)

HTML = """<html><body><div id="charts" style="width:1200px"></div>
<script src="plotly.min.js"></script><script src="figures.js"></script>
<script>
window.drawPage = async (name) => {
  const box = document.getElementById('charts');
  for (const div of [...box.children]) { Plotly.purge(div); div.remove(); }
  const started = performance.now();
  const pushed = [];
  for (const [i, fig] of FIGURES[name].entries()) {
    const div = document.createElement('div');
    box.appendChild(div);
    // Streamlit's theme turns on automargin for both axes; the figure's own layout still wins
    const layout = {...fig.layout, xaxis: {automargin: true, ...fig.layout.xaxis},
                    yaxis: {automargin: true, ...fig.layout.yaxis}};
    await Plotly.newPlot(div, fig.data, layout, {responsive: true, topojsonURL: 'topojson/'});
    const m = div._fullLayout.margin, s = div._fullLayout._size;
    const grew = ['l', 'r', 't', 'b'].filter((k) => s[k] > m[k] + 0.5)
      .map((k) => `${k} ${Math.round(m[k])}>${Math.round(s[k])}`);
    if (grew.length) pushed.push(`${i}: ${grew.join(', ')}`);
  }
  return {ms: performance.now() - started, pushed};
};
// what a chart component that keeps its plot would pay: Plotly.react from the figures before the step
window.reactPage = async (name) => {
  const box = document.getElementById('charts');
  for (const div of [...box.children]) { Plotly.purge(div); div.remove(); }
  const plot = (div, fig, draw) => draw(div, structuredClone(fig.data), withMargins(fig.layout),
                                        {responsive: true, topojsonURL: 'topojson/'});
  const divs = [];
  for (const fig of BEFORE[name]) {
    const div = document.createElement('div');
    box.appendChild(div);
    await plot(div, fig, Plotly.newPlot);
    divs.push(div);
  }
  const started = performance.now();
  for (const [i, fig] of FIGURES[name].entries()) {
    if (i >= divs.length) { divs.push(box.appendChild(document.createElement('div'))); }
    await plot(divs[i], fig, i < BEFORE[name].length ? Plotly.react : Plotly.newPlot);
  }
  return performance.now() - started;
};
const withMargins = (layout) => ({...layout, xaxis: {automargin: true, ...layout.xaxis},
                                  yaxis: {automargin: true, ...layout.yaxis}});
</script></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the figures table is the output
        pass


def _bare_figure(first: int, last: int) -> dict:
    """The bare app's chart (bench_browser.BARE_APP) for the years first..last."""
    years = list(range(first, last + 1))
    return json.loads(go.Figure(go.Bar(x=years, y=[y % 7 for y in years])).to_json())


def _page_figures(page: str | None) -> tuple[list[dict], list[dict]]:
    """The page's figures before and after a first year-slider step."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    if page:
        at.switch_page(page)
    at.run()
    before = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    first, last = at.slider(key="years").value
    at.slider(key="years").set_value((first + 1, last)).run()  # the state a first slider step draws
    if at.exception:
        raise RuntimeError(at.exception)
    return before, [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--reps", type=int, default=9)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    from playwright.sync_api import sync_playwright

    from dashboard.pipeline.build import build
    from dashboard.style.theme import TOPOJSON_DIR
    from tests.browser.server import launch

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "bench.duckdb"
        build(args.data, db)
        os.environ["ALIGNMENT_DB"] = str(db)
        states = {"bare one-chart app": ([_bare_figure(2006, 2026)], [_bare_figure(2007, 2026)])}
        states |= {name: _page_figures(page) for name, page in PAGES.items()}
        before = {name: pair[0] for name, pair in states.items()}
        figures = {name: pair[1] for name, pair in states.items()}
        site = tmp_path / "site"
        site.mkdir()
        shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", site)
        shutil.copytree(TOPOJSON_DIR, site / "topojson")
        (site / "figures.js").write_text(
            f"window.FIGURES = {json.dumps(figures)};\nwindow.BEFORE = {json.dumps(before)};", encoding="utf-8"
        )
        (site / "draw.html").write_text(HTML, encoding="utf-8")
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        times: dict[str, list[float]] = {name: [] for name in figures}
        reacts: dict[str, list[float]] = {name: [] for name in figures}
        pushed: dict[str, list[str]] = {}
        try:
            with sync_playwright() as p:
                browser = launch(p)
                page = browser.new_page(viewport={"width": 1300, "height": 900})
                page.set_default_timeout(60_000)
                page.goto(f"http://127.0.0.1:{server.server_port}/draw.html")
                page.wait_for_function("() => window.Plotly && window.FIGURES")
                for name in figures:  # one warm-up draw each
                    page.evaluate("(n) => drawPage(n)", name)
                for _ in range(args.reps):
                    for name in figures:
                        drawn = page.evaluate("(n) => drawPage(n)", name)
                        times[name].append(drawn["ms"])
                        pushed[name] = drawn["pushed"]
                        reacts[name].append(page.evaluate("(n) => reactPage(n)", name))
                browser.close()
        finally:
            server.shutdown()
    base = statistics.median(times["bare one-chart app"])
    react_base = statistics.median(reacts["bare one-chart app"])
    # pushed: the charts (place on the page: margin set > margin drawn) whose margins Plotly had to grow,
    # each at the cost of a second layout pass (doAutoMargin)
    # react: the same step drawn with Plotly.react into the plots of the figures before it, as a custom chart
    # component that keeps its plot would draw it (Streamlit's own element makes a new plot: newPlot)
    print(f"{'all charts of the page':<24}{'charts':>7}{'traces':>7}{'newPlot':>9}{'× bare':>8}"
          f"{'react':>8}{'× bare':>8}  pushed")  # fmt: skip
    for name, ms in times.items():
        n_traces = sum(len(f["data"]) for f in figures[name])
        new, react = statistics.median(ms), statistics.median(reacts[name])
        print(f"{name:<24}{len(figures[name]):>7}{n_traces:>7}{new:>9.0f}{new / base:>8.2f}"
              f"{react:>8.0f}{react / react_base:>8.2f}  {' '.join(pushed.get(name, [])) or '-'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
