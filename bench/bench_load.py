"""Load through nginx, over Streamlit's websocket protocol (bench/ws_client.py), on loopback only.

    .venv/bin/python -m bench.bench_load [--replicas 1 2] [--sessions 50] [--spread 2.5] [--seconds 20]

For each replica count it starts `python -m dashboard.serve` (nginx in front, a database built from data/
into a temporary file), then measures
- burst: `--sessions` readers open the overview within `--spread` seconds (each its own affinity cookie,
  each also fetching its chart's data link); prints p50/p95/max time to the first chart and errors;
- saturation: `--concurrency` sessions rerun the chart pages back to back for `--seconds`; prints page runs
  per second in all and per replica process.
With `--compare-root DIR` (another checkout, e.g. `git archive <commit> | tar -x -C DIR`) it first runs the
saturation side by side against one `streamlit run` process of DIR and one of this checkout, same database,
and prints page runs per second per process of each and their ratio.
Every wait is bounded; the server is stopped at the end. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ws_client import Session  # noqa: E402
from dashboard.serve.supervisor import free_port  # noqa: E402

PAGES = ["", "arms", "exercises", "eu_cfsp", "un_votes"]  # url paths of the chart pages
BURST_QUERY = "years=2012&years=2025"  # the link a newspaper would print


@contextlib.contextmanager
def served(db: Path, replicas: int, timeout: float = 240):
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="bench-serve-", suffix=".log")[1])
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dashboard.serve",
                "--port",
                str(port),
                "--replicas",
                str(replicas),
                "--db",
                str(db),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + timeout
        while "serving http" not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve did not start:\n{log.read_text()}")
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.unlink(missing_ok=True)


@contextlib.contextmanager
def streamlit_run(root: Path, db: Path, timeout: float = 180):
    """One plain `streamlit run` process of the checkout at `root` (no nginx, no API)."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.address", "127.0.0.1"]
    command += ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command,
        cwd=root,
        env={**os.environ, "ALIGNMENT_DB": str(db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if _fetch(f"{url}/_stcore/health") == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit run in {root} did not start")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        return r.status


async def reader(url: str, delay: float, results: list, errors: list) -> None:
    await asyncio.sleep(delay)
    try:
        async with Session(url) as s:
            first, _ = await s.run("", BURST_QUERY)
            results.append(first if first is not None else float("nan"))
            status = await asyncio.to_thread(_fetch, f"{url}/api/v1/charts/overview.csv?{BURST_QUERY}")
            if status != 200:
                errors.append(f"chart data: HTTP {status}")
    except Exception as e:  # counted and printed, never hidden
        errors.append(f"{type(e).__name__}: {e}")


async def burst(url: str, sessions: int, spread: float) -> tuple[list[float], list[str]]:
    results: list[float] = []
    errors: list[str] = []
    readers = [reader(url, spread * i / max(1, sessions - 1), results, errors) for i in range(sessions)]
    await asyncio.wait_for(asyncio.gather(*readers), timeout=600)
    return results, errors


async def saturate(url: str, concurrency: int, seconds: float) -> tuple[int, list[str]]:
    done = 0
    errors: list[str] = []
    stop_at = time.perf_counter() + seconds

    async def worker(i: int) -> None:
        nonlocal done
        async with Session(url) as s:
            for page in itertools.islice(itertools.cycle(PAGES), i, None):
                if time.perf_counter() > stop_at:
                    return
                try:
                    await s.run(page)
                    done += 1
                except Exception as e:
                    errors.append(f"{type(e).__name__}: {e}")
                    return

    # warm every page once (first runs import modules and fill caches)
    async with Session(url) as s:
        for page in PAGES:
            await s.run(page)
    await asyncio.wait_for(asyncio.gather(*(worker(i) for i in range(concurrency))), timeout=seconds + 300)
    return done, errors


async def warm(url: str, sessions: int) -> None:
    """Open the burst's page and every chart page from `sessions` readers (each its own cookie, so
    nginx spreads them over the replicas as it will spread the burst)."""
    for _ in range(sessions):
        async with Session(url) as s:
            await s.run("", BURST_QUERY)
            for page in PAGES:
                await s.run(page)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--spread", type=float, default=2.5)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--compare-root", type=Path, help="another checkout to compare page runs per second with")
    args = parser.parse_args()

    from dashboard.pipeline.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "alignment.duckdb"
        build(args.data, db)
        print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.2f}")
        if args.compare_root:
            rates = {}
            for label, root in (("compared", args.compare_root), ("this", ROOT)):
                with streamlit_run(root, db) as url:
                    runs, errors = asyncio.run(saturate(url, args.concurrency, args.seconds))
                rates[label] = runs / args.seconds
                print(
                    f"one process ({label}: {root}): {runs} page runs in {args.seconds:.0f} s, "
                    f"{rates[label]:.2f}/s; errors {len(errors)}" + (f" (first: {errors[0]})" if errors else "")
                )
            print(f"page runs per second per process: {rates['this'] / rates['compared']:.2f}x the compared checkout")
        for n in args.replicas:
            with served(db, n) as url:
                asyncio.run(warm(url, sessions=4 * n))  # every replica: modules imported, caches filled
                firsts, errors = asyncio.run(burst(url, args.sessions, args.spread))
                ok = [f for f in firsts if f == f]
                print(
                    f"replicas={n} burst: {args.sessions} sessions within {args.spread:.1f} s: time to first chart "
                    f"p50 {statistics.median(ok):.2f} s, p95 {pct(ok, 0.95):.2f} s, max {max(ok):.2f} s; "
                    f"errors {len(errors)}" + (f" (first: {errors[0]})" if errors else "")
                    if ok
                    else f"replicas={n} burst: no session drew a chart; errors {len(errors)}: {errors[:3]}"
                )
                runs, errors = asyncio.run(saturate(url, args.concurrency, args.seconds))
                print(
                    f"replicas={n} saturation: {args.concurrency} sessions for {args.seconds:.0f} s: {runs} page runs, "
                    f"{runs / args.seconds:.2f}/s in all, {runs / args.seconds / n:.2f}/s per process; "
                    f"errors {len(errors)}" + (f" (first: {errors[0]})" if errors else "")
                )
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
