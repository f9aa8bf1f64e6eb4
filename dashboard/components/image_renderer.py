"""Image renders with a bound: one worker process (image_worker.py) draws every chart image of this server.

Every wait has a timeout: for the worker to start, for the turn to render (one image at a time), and for the
image itself. A render that fails or times out kills the worker with its browser and starts a replacement in
the background, so the next request finds a fresh one; the reader gets the image or, within seconds, an
ExportError to show. Waits happen in the caller's thread and end in bounded time, so hung renders can never
pile up in the thread pool that other downloads use.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass

from dashboard.style.theme import TOPOJSON_DIR

LOG = logging.getLogger(__name__)


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if 0 < value < 3600 else default


# a warm render takes 0.2-0.4 s, a map about a second; a browser start a few seconds, more under load
RENDER_TIMEOUT = _seconds("ALIGNMENT_EXPORT_TIMEOUT", 8.0)
START_TIMEOUT = _seconds("ALIGNMENT_EXPORT_START_TIMEOUT", 45.0)
QUEUE_TIMEOUT = _seconds("ALIGNMENT_EXPORT_QUEUE_TIMEOUT", 10.0)


def descendants(pid: int) -> list[int]:
    """Every live process below `pid`, children first, from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])  # the command may contain spaces and parentheses
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class ExportError(RuntimeError):
    """An image could not be drawn; the message is meant for the reader."""


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object  # the app's end of the pipe
    ready: bool = False
    renders: int = 0


class ImageRenderer:
    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._worker: _Worker | None = None
        self._turn = threading.Lock()  # one render at a time through one browser
        self._state = threading.Lock()  # guards self._worker
        self._starting = threading.Lock()  # one reader of a new worker's "ready"

    # -------------------------------------------------------------- lifecycle

    def _spawn(self) -> _Worker:
        from dashboard.components import image_worker

        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=image_worker.serve, args=(child, TOPOJSON_DIR.as_uri() + "/"), daemon=True, name="image-worker"
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _current(self) -> _Worker:
        with self._state:
            if self._worker is None or not self._worker.process.is_alive():
                if self._worker is not None:
                    self._kill(self._worker)
                self._worker = self._spawn()
            return self._worker

    def _await_ready(self, worker: _Worker) -> None:
        # one waiter reads the worker's "ready" (a background warm-up and a render may both be waiting)
        if not self._starting.acquire(timeout=START_TIMEOUT):
            raise ExportError("The image service is still starting. Please try again in a minute.")
        try:
            if worker.ready:
                return
            try:
                if not worker.conn.poll(START_TIMEOUT):
                    raise ExportError("The image service did not start in time. Please try again in a minute.")
                kind, _ = worker.conn.recv()
            except (EOFError, OSError) as err:
                raise ExportError("The image service could not start. Please try again in a minute.") from err
            if kind != "ready":
                raise ExportError("The image service could not start. Please try again in a minute.")
            worker.ready = True
        finally:
            self._starting.release()

    def _kill(self, worker: _Worker) -> None:
        """Stop the worker and everything it started (its browser runs in a session of its own, so the
        worker's descendants are found through /proc rather than by process group)."""
        pid = worker.process.pid
        if pid is not None:
            for victim in [*descendants(pid), pid]:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(victim, signal.SIGKILL)
        worker.process.join(timeout=5)
        worker.conn.close()

    def _replace(self, worker: _Worker, why: str) -> None:
        """Throw away a failed worker and start the next one in the background."""
        LOG.error("image export failed (%s); restarting the image worker", why)
        with self._state:
            if self._worker is worker:
                self._worker = None
        self._kill(worker)
        threading.Thread(target=self.warm_up, name="image-worker-restart", daemon=True).start()

    def warm_up(self) -> None:
        """Start the worker (if needed) and wait until its browser is up; failures are logged, not raised."""
        try:
            self._await_ready(self._current())
        except Exception:
            LOG.exception("image worker did not start")

    def stop(self) -> None:
        with self._state:
            worker, self._worker = self._worker, None
        if worker is not None:
            self._kill(worker)

    def browser_pids(self) -> list[int]:
        """The processes the current worker started (its browser), for tests and diagnostics."""
        worker = self._worker
        if worker is None or worker.process.pid is None:
            return []
        return descendants(worker.process.pid)

    # -------------------------------------------------------------- rendering

    def render(self, figure_json: str, fmt: str, width: int, height: int, scale: float) -> bytes:
        if not self._turn.acquire(timeout=QUEUE_TIMEOUT):
            raise ExportError("Many images are being drawn right now. Please try again in a few seconds.")
        try:
            worker = self._current()
            try:
                self._await_ready(worker)
            except ExportError:
                self._replace(worker, "start timed out")
                raise
            started = time.monotonic()
            try:
                worker.conn.send((figure_json, fmt, width, height, scale))
                # a fresh browser's first page is slower (fonts, plotly.js): it gets a longer bound
                answered = worker.conn.poll(RENDER_TIMEOUT * (3 if worker.renders == 0 else 1))
                reply = worker.conn.recv() if answered else None
            except (EOFError, OSError) as err:
                self._replace(worker, f"worker pipe closed: {err}")
                raise ExportError("The image could not be drawn. Please try again.") from err
            if reply is None:
                self._replace(worker, f"no image after {time.monotonic() - started:.1f} s")
                raise ExportError("Drawing the image took too long. Please try again.")
            kind, payload = reply
            worker.renders += 1
            if kind != "ok":
                self._replace(worker, payload)
                raise ExportError("The image could not be drawn. Please try again.")
            return payload
        finally:
            self._turn.release()


RENDERER = ImageRenderer()
atexit.register(RENDERER.stop)
