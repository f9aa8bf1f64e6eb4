"""`python -m dashboard.serve`: N replicas of the ASGI app and nginx in front, on 127.0.0.1, in the foreground.

Builds the database first if it is missing (so replicas never race to build it); every replica opens the
same file read-only. SIGINT/SIGTERM (or any process exiting) stops everything it started: each child runs
in its own process group, which is signalled as a whole (kaleido's browser included), then killed if it
has not exited within a bounded wait.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from dashboard.paths import ROOT, database_path
from dashboard.serve import nginx
from dashboard.store import database

NGINX = "/usr/sbin/nginx"
STOP_WAIT = 10.0  # seconds a process gets to exit before it is killed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


class Supervisor:
    def __init__(self, port: int, replicas: int, db: Path, frame_ancestors: str, log=sys.stderr):
        self.port, self.n, self.db, self.frame_ancestors, self.log = port, replicas, db, frame_ancestors, log
        self.children: list[tuple[str, subprocess.Popen]] = []
        self.stopping = threading.Event()
        self.run_dir = Path(tempfile.mkdtemp(prefix="sam-serve-"))

    def say(self, text: str) -> None:
        print(f"[serve] {text}", file=self.log, flush=True)

    def _spawn(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        out = open(self.run_dir / f"{name}.log", "wb")  # noqa: SIM115 (kept open for the child's life)
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.children.append((name, process))
        return process

    def start(self, timeout: float = 120) -> None:
        database.ensure_built(self.db)
        ports = [free_port() for _ in range(self.n)]
        env = {**os.environ, "ALIGNMENT_DB": str(self.db.resolve())}
        for i, p in enumerate(ports):
            self._spawn(
                f"replica{i + 1}",
                [sys.executable, "-m", "uvicorn", "dashboard.serve.asgi:app", "--host", "127.0.0.1", "--port", str(p)]
                + ["--no-access-log", "--timeout-graceful-shutdown", "5"],
                env,
            )
        self._wait([f"http://127.0.0.1:{p}" for p in ports], timeout)
        self.run_dir.chmod(0o755)  # nginx's workers (nobody) reach their temp and cache folders in it
        (self.run_dir / "tmp").mkdir()
        conf = self.run_dir / "nginx.conf"
        conf.write_text(nginx.render(self.run_dir, self.port, ports, self.frame_ancestors))
        check = subprocess.run(
            [NGINX, "-t", "-q", "-p", str(self.run_dir), "-e", str(self.run_dir / "error.log"), "-c", str(conf)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if check.returncode:
            raise RuntimeError(f"nginx refused its configuration:\n{check.stderr}")
        self._spawn(
            "nginx",
            [NGINX, "-p", str(self.run_dir), "-e", str(self.run_dir / "error.log"), "-c", str(conf)]
            + ["-g", "daemon off;"],
        )
        self._wait([f"http://127.0.0.1:{self.port}"], 30)
        self.say(f"serving http://127.0.0.1:{self.port} through nginx; {self.n} replica(s) on ports {ports}")
        self.say(f"logs and nginx.conf in {self.run_dir}")

    def _wait(self, urls: list[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = list(urls)
        while pending:
            for name, p in self.children:
                if p.poll() is not None:
                    log = (self.run_dir / f"{name}.log").read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"{name} exited ({p.returncode}) while starting:\n{log}")
            pending = [u for u in pending if not healthy(u)]
            if pending and time.monotonic() > deadline:
                raise RuntimeError(f"no answer within {timeout:.0f} s from {pending}")
            if pending and self.stopping.wait(0.3):
                raise RuntimeError("stopped while starting")

    def watch(self) -> int:
        """Block until a signal or a child's exit; 0 after a signal, 1 if a child died."""
        while not self.stopping.wait(0.5):
            for name, p in self.children:
                if p.poll() is not None:
                    self.say(f"{name} exited ({p.returncode}); stopping everything")
                    return 1
        return 0

    def stop(self) -> None:
        for name, p in reversed(self.children):  # nginx first: no new requests reach a stopping replica
            self._signal(p, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        deadline = time.monotonic() + STOP_WAIT
        for _, p in self.children:
            with contextlib.suppress(subprocess.TimeoutExpired):
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
        for _, p in self.children:  # the process groups: whatever is left (or a child's children) is killed
            self._signal(p, signal.SIGKILL)
            p.wait(timeout=STOP_WAIT)
        shutil.rmtree(self.run_dir, ignore_errors=True)
        self.say("stopped")

    @staticmethod
    def _signal(p: subprocess.Popen, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(p.pid, sig)  # start_new_session: the group id is the child's pid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None, help="database file (default $ALIGNMENT_DB or data/)")
    parser.add_argument(
        "--frame-ancestors",
        default=os.environ.get("FRAME_ANCESTORS", "'self'"),
        help="CSP frame-ancestors: who may embed the pages, e.g. \"'self' https://news.example\"",
    )
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    supervisor = Supervisor(args.port, args.replicas, args.db or database_path(), args.frame_ancestors)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: supervisor.stopping.set())
    try:
        supervisor.start()
        return supervisor.watch()
    except RuntimeError as problem:
        supervisor.say(str(problem))
        return 1
    finally:
        supervisor.stop()
