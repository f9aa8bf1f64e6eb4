"""Starting the dashboard as a real server, and a headless Debian chromium to drive it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dashboard(db: Path, log: Path, timeout: float = 60, script: str = "dashboard/app.py"):
    """`streamlit run <script>` (default the dashboard) on a free local port against `db`; yields the base URL."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1", "--server.port", str(port)]  # fmt: skip
    with _serving(command, port, db, log, timeout) as url:
        yield url


@contextlib.contextmanager
def served(db: Path, log: Path, timeout: float = 60, asgi: str = "dashboard.serve.asgi:app"):
    """An ASGI app (default the dashboard as `make serve` runs each replica) under uvicorn on a free local port
    against `db`; yields the base URL. The benchmarks measure what readers get this way: `streamlit run`
    watches the source files and, on this machine, adds a ≈40 ms pause to some page runs of a multi-page app."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", asgi, "--host", "127.0.0.1", "--port", str(port)]
    with _serving(command, port, db, log, timeout) as url:
        yield url


@contextlib.contextmanager
def _serving(command: list[str], port: int, db: Path, log: Path, timeout: float):
    env = {**os.environ, "ALIGNMENT_DB": str(db)}
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[2]} exited ({process.returncode}):\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[2]} did not answer within {timeout} s:\n{log.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
