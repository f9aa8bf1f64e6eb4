"""Image export when its browser dies or hangs: the next export succeeds or says so within seconds, the
browser is replaced, and other downloads never wait on it."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.components import export
from dashboard.components.image_renderer import RENDER_TIMEOUT, RENDERER, ExportError, descendants

pytestmark = pytest.mark.browser  # kaleido draws with Debian chromium

PNG = b"\x89PNG\r\n\x1a\n"
BOUND = 10.0  # seconds within which a reader gets the image or a message


def _png() -> bytes:
    return export.image_bytes(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), "png", "Deals", "Years", "Sources: SIPRI")


def _signal_browser(sig: int) -> int:
    pids = RENDERER.browser_pids()
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
    return len(pids)


def _outcome_within(bound: float) -> tuple[str, float]:
    """Run one export in a thread; ('image' | 'message', seconds), or fail if nothing came within `bound`."""
    result: list[str] = []

    def run():
        try:
            result.append("image" if _png().startswith(PNG) else "bad bytes")
        except ExportError as err:
            result.append("message" if "try again" in str(err).lower() else f"unclear: {err}")

    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=bound)
    assert not worker.is_alive(), f"no image and no message after {bound} s"
    return result[0], time.monotonic() - started


@pytest.fixture
def warm_renderer():
    assert _png().startswith(PNG)  # the worker and its browser are up
    yield RENDERER
    RENDERER.stop()


def test_a_killed_browser_gives_a_message_then_images_again(warm_renderer):
    assert _signal_browser(signal.SIGKILL) > 0
    outcome, _ = _outcome_within(BOUND)
    assert outcome in ("image", "message")
    # the replacement starts in the background: the export after that draws again
    assert _outcome_within(60)[0] == "image"


def test_a_hung_browser_times_out_and_other_downloads_go_on(warm_renderer):
    assert _signal_browser(signal.SIGSTOP) > 0
    hung = RENDERER.browser_pids()
    outcomes: list[tuple[str, float]] = []
    exports = [threading.Thread(target=lambda: outcomes.append(_outcome_within(RENDER_TIMEOUT * 4)), daemon=True)]
    exports += [threading.Thread(target=lambda: outcomes.append(_outcome_within(RENDER_TIMEOUT * 4)), daemon=True)]
    for t in exports:
        t.start()
    # while images wait on the hung browser, a CSV download is built at once
    data = pd.DataFrame({"year": [2020], "title": ['=HYPERLINK("x")']})
    csv = export.csv_bytes(data, "Deals", "Years", pd.DataFrame(columns=["title", "publisher", "published_on", "url"]))
    assert b"'=HYPERLINK" in csv
    for t in exports:
        t.join(timeout=RENDER_TIMEOUT * 5)
    assert len(outcomes) == 2 and outcomes[0][0] == "message"
    assert all(kind in ("image", "message") for kind, _ in outcomes)
    assert not any(p in descendants(os.getpid()) for p in hung)  # the hung browser was killed, not left behind
    assert _outcome_within(60)[0] == "image"


def test_stopping_the_renderer_leaves_no_browser_behind(warm_renderer):
    browser = RENDERER.browser_pids()
    assert browser
    RENDERER.stop()
    time.sleep(0.5)  # the kernel reaps the killed processes
    alive = [p for p in browser if os.path.exists(f"/proc/{p}") and "zombie" not in _state(p)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((line for line in f if line.startswith("State:")), "").lower()
    except OSError:
        return "zombie"
