"""The dashboard as one ASGI app: the Streamlit pages, `/_stcore/*` and the open data endpoints (api.py)
on one port. Run it with `python -m uvicorn dashboard.serve.asgi:app --host 127.0.0.1 --port 8501` from
the project root; `dashboard/app.py` stays the Streamlit entry (`streamlit run` serves it without the API).
"""

from __future__ import annotations

import streamlit as st
from streamlit import config

from dashboard.paths import ROOT
from dashboard.serve.api import ROUTES

# A served app does not reload on source edits: without the file watcher, no walk over every module's
# path after each session's first run (≈0.3 s on the event loop, which every session shares).
config.get_config_options()  # .streamlit/config.toml first, then this on top
config.set_option("server.fileWatcherType", "none", "dashboard/serve/asgi.py")

app = st.App(ROOT / "dashboard" / "app.py", routes=ROUTES)
