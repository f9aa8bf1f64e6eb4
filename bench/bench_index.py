"""The East–West index: Monte Carlo time over all countries and years, and the Index page's warm rerun as a
ratio to a bare one-chart app measured in the same run.

    .venv/bin/python -m bench.bench_index [--data DIR] [--draws N] [--runs N]

Builds DIR (default data/) into a temporary database, then measures in this process: building the inputs
from the database, the Monte Carlo summary (N draws, default 2,000; at least 1,000) at the default weights and
at a new weighting (what a slider move costs), and warm AppTest reruns of the bare app, of the Index page
with the same weights, of the Index page's floor (bench/floor_app.py: its elements with the bare app's content,
nothing computed) and of the Index page after a slider change (the Monte Carlo recomputed). Prints medians
in milliseconds and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import duckdb
import numpy as np

from bench.bench_pages import BARE_APP, ROOT, apptest_rerun, median_ms
from bench.floor_app import element_types, floor_script


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    draws = max(args.draws, 1000)
    warnings.filterwarnings("ignore")

    from dashboard.index import inputs, montecarlo
    from dashboard.index import settings as s
    from dashboard.pipeline.build import build
    from dashboard.store import queries

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        build(args.data, db)
        os.environ["ALIGNMENT_DB"] = str(db)
        con = duckdb.connect(str(db), read_only=True)
        load = lambda: inputs.load(lambda name, **p: queries.run(con, name, **p))  # noqa: E731
        data = load()
        weights = np.array([s.DEFAULT_WEIGHTS[n] for n in s.NAMES])
        other = s.normalise_weights({**s.DEFAULT_WEIGHTS, "un_votes": 0.4})
        cells = data.grid.size
        print(f"{len(data.grid.countries)} countries × {len(data.grid.years)} years = {cells} cells, {draws} draws")
        print(f"{'step':<40}{'ms':>8}")
        print(f"{'inputs from the database':<40}{median_ms(load, 5):>8.1f}")
        print(f"{'Monte Carlo summary, default weights':<40}"
              f"{median_ms(lambda: montecarlo.summary(data, weights, draws), args.runs):>8.1f}")  # fmt: skip
        print(f"{'Monte Carlo summary, other weights':<40}"
              f"{median_ms(lambda: montecarlo.summary(data, other, draws), args.runs):>8.1f}")  # fmt: skip
        con.close()

        bare = Path(tmp) / "bare_app.py"
        bare.write_text(BARE_APP)
        baseline = median_ms(apptest_rerun(str(bare), None), args.runs)
        app = str(ROOT / "dashboard" / "app.py")
        same = median_ms(apptest_rerun(app, "app_pages/index.py"), args.runs)

        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(app, default_timeout=60)
        at.switch_page("app_pages/index.py")
        at.run()
        floor_source, left_out = floor_script(element_types(at))
        floor = Path(tmp) / "floor_app.py"
        floor.write_text(floor_source)
        floor_ms = median_ms(apptest_rerun(str(floor), None), args.runs)
        values = iter(range(0, 51, 5))

        def moved():  # a new weight each rerun: nothing cached for it yet
            at.slider(key="w_un_votes").set_value(next(values, 50))
            started = time.perf_counter()
            at.run()
            return time.perf_counter() - started

        moved()
        slider = 1000 * float(np.median([moved() for _ in range(min(args.runs, 9))]))
        print(f"\n{'warm rerun':<40}{'ms':>8}{'× bare app':>12}")
        print(f"{'bare one-chart app':<40}{baseline:>8.1f}{1:>12.2f}")
        print(f"{'its elements, bare content (floor)':<40}{floor_ms:>8.1f}{floor_ms / baseline:>12.2f}")
        print(f"{'Index page, same weights':<40}{same:>8.1f}{same / baseline:>12.2f}")
        print(f"{'Index page, a weight slider moved':<40}{slider:>8.1f}{slider / baseline:>12.2f}")
        if left_out:
            print(f"(the floor leaves out {len(left_out)} elements it has no call for: {sorted(set(left_out))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
