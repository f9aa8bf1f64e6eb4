"""The benchmarks' bare one-chart app (bench_browser.BARE_APP, written to served_apps.BARE_SCRIPT) as an
ASGI app with the settings of the served dashboard (dashboard/serve/asgi.py), so both run the same way.

    python -m uvicorn bench.bare_asgi:app
"""

from __future__ import annotations

import streamlit as st
from streamlit import config

from bench.bench_browser import BARE_APP
from bench.served_apps import BARE_SCRIPT

BARE_SCRIPT.write_text(BARE_APP, encoding="utf-8")  # removed by served_apps.dashboard_and_bare when it stops

config.get_config_options()
config.set_option("server.fileWatcherType", "none", "bench/bare_asgi.py")

app = st.App(BARE_SCRIPT, routes=[])
