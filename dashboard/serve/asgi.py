"""The dashboard as one ASGI app: the Streamlit pages, `/_stcore/*` and the open data endpoints (api.py)
on one port. Run it with `python -m uvicorn dashboard.serve.asgi:app --host 127.0.0.1 --port 8501` from
the project root; `dashboard/app.py` stays the Streamlit entry (`streamlit run` serves it without the API).
"""

from __future__ import annotations

import streamlit as st

from dashboard.paths import ROOT
from dashboard.serve.api import ROUTES

app = st.App(ROOT / "dashboard" / "app.py", routes=ROUTES)
