"""The process that draws chart images: kaleido and its Chromium live here, never in the app's process.

A browser that dies or hangs can then be killed with everything the worker started and replaced, while the
app only ever waits on a pipe with a timeout (image_renderer.py).
"""

from __future__ import annotations

import atexit
import os
import traceback
import warnings


def serve(conn, topojson_uri: str) -> None:
    """Answer render requests on `conn` until the app closes its end of the pipe."""
    import kaleido
    import plotly.io as pio

    pio.defaults.topojson = topojson_uri  # maps drawn from the bundled outline, no CDN
    kaleido.start_sync_server(silence_warnings=True)
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            figure_json, fmt, width, height, scale = conn.recv()
        except (EOFError, OSError):
            return  # the app is gone
        try:
            fig = pio.from_json(figure_json)
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")
                image = fig.to_image(format=fmt, width=width, height=height, scale=scale)
            conn.send(("ok", image))
        except Exception:  # reported to the app, which logs it and replaces this process
            conn.send(("error", traceback.format_exc()))
