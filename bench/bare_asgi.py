"""The benchmarks' bare one-chart app (bench_browser.BARE_APP, written to bench/_bare_served_app.py) as an
ASGI app with the settings of the served dashboard (dashboard/serve/asgi.py), so both run the same way.

    python -m uvicorn bench.bare_asgi:app
"""

from __future__ import annotations

import streamlit as st
from streamlit import config

from bench.bench_browser import BARE_APP
from dashboard.paths import ROOT

SCRIPT = ROOT / "bench" / "_bare_served_app.py"
SCRIPT.write_text(BARE_APP, encoding="utf-8")  # removed by the benchmark that started the server

config.get_config_options()
config.set_option("server.fileWatcherType", "none", "bench/bare_asgi.py")

app = st.App(SCRIPT, routes=[])
