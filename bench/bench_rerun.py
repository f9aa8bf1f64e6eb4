"""A warm page run on the real server, per page, as a ratio to the bare one-chart app, measured side by side.

    .venv/bin/python -m bench.bench_rerun [--data DIR] [--runs N]

Serves the dashboard (database built from DIR, default data/) and bench_browser's bare one-chart app as
`make serve` serves each replica (bench/served_apps.py: uvicorn, the ASGI app, no file watcher) on loopback,
and over Streamlit's websocket protocol (bench/ws_client.py) reruns each page N times in one session
(default 40, after 3 warm-up runs), pages interleaved with the bare app round by
round, so both see the same machine load. A run is timed from the rerun request to `script_finished`: the
server's work for the page plus the loopback transfer and protobuf parsing of what it sends.

Unlike AppTest (bench_index, bench_pages), the server keeps each script's compiled bytecode between runs, as
it does for readers: AppTest compiles the app and page scripts anew on every run, which weighs on a
multi-page app far more than on a one-file bare app. Prints medians in milliseconds; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ws_client import Session  # noqa: E402

PAGES = {"overview": "", "index": "index", "arms": "arms", "exercises": "exercises", "EU & CFSP": "eu_cfsp",
         "UN votes": "un_votes", "data & sources": "data_sources", "method": "method"}  # fmt: skip
WARM_UP = 3


async def _measure(app_url: str, bare_url: str, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"bare one-chart app": [], **{name: [] for name in PAGES}}
    async with Session(bare_url) as bare, Session(app_url) as app:
        for _ in range(WARM_UP):
            await bare.run("")
            for page in PAGES.values():
                await app.run(page)
        for _ in range(runs):
            times["bare one-chart app"].append((await bare.run(""))[1])
            for name, page in PAGES.items():
                times[name].append((await app.run(page))[1])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args(argv)

    from bench.served_apps import dashboard_and_bare

    with dashboard_and_bare(args.data) as (app_url, bare_url):
        times = asyncio.run(asyncio.wait_for(_measure(app_url, bare_url, args.runs), timeout=900))
    base = statistics.median(times["bare one-chart app"])
    print(f"{'warm page run, served':<32}{'ms':>8}{'× bare':>10}")
    for name, seconds in times.items():
        ms = 1000 * statistics.median(seconds)
        print(f"{name:<32}{ms:>8.1f}{ms / (1000 * base):>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
