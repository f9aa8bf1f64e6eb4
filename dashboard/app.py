"""Serbia Alignment Monitor: the Streamlit entry point (`streamlit run dashboard/app.py`)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# streamlit puts dashboard/ on sys.path; the project root is needed for `import dashboard...`
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb
import streamlit as st

from dashboard.i18n import _
from dashboard.i18n.switch import language_switch
from dashboard.store import app_data, database
from dashboard.style import narrow
from dashboard.style.text import md_escape

LOG = logging.getLogger("dashboard.app")

PAGES = Path(__file__).resolve().parent / "app_pages"

# a local icon file: material-symbol icons are fetched from a font CDN, and the app must work offline
# embedded (`?embed=true`) the page is the charts: the sidebar starts closed, the filters come from the URL
lang = language_switch()  # first: every later string is in the session's language
st.set_page_config(
    page_title=_("Serbia Alignment Monitor"),
    # a static URL (.streamlit/config.toml serves dashboard/static/): a file path is read and hashed into the
    # media store on every run of every page
    page_icon="/app/static/icon.png",
    layout="wide",
    initial_sidebar_state="collapsed" if st.context.is_embedded else "auto",
)
narrow.page_css()  # chart titles wrap where the main column is narrow (phones)

page = st.navigation(
    [
        # the default page lives at the app's root URL (Streamlit ignores a url_path for it)
        st.Page(PAGES / "overview.py", title=_("Overview"), icon=":material/timeline:", default=True),
        st.Page(PAGES / "index.py", title=_("East–West index"), icon=":material/balance:", url_path="index"),
        st.Page(PAGES / "arms.py", title=_("Arms"), icon=":material/rocket_launch:", url_path="arms"),
        st.Page(PAGES / "exercises.py", title=_("Exercises"), icon=":material/military_tech:", url_path="exercises"),
        st.Page(PAGES / "eu_cfsp.py", title=_("EU & CFSP"), icon=":material/euro:", url_path="eu_cfsp"),
        st.Page(PAGES / "un_votes.py", title=_("UN votes"), icon=":material/how_to_vote:", url_path="un_votes"),
        st.Page(
            PAGES / "data_sources.py", title=_("Data & sources"), icon=":material/dataset:", url_path="data_sources"
        ),
        st.Page(PAGES / "method.py", title=_("Method"), icon=":material/functions:", url_path="method"),
    ]
)

try:
    if database.is_stale(app_data.connection().path):
        st.warning(
            _("The curated data has changed since the database was built. Run `python -m dashboard.build` to refresh.")
        )
    st.sidebar.caption(
        _("Dataset version {version}").format(version=md_escape(app_data.dataset_info()["version"]))
    )  # on every page
    page.run()
except (database.DatabaseUnavailable, duckdb.Error) as err:
    # the one reader-facing path for data failures: a plain message here, the details in the server log
    LOG.error("page %s failed: %s", page.url_path or "overview", err, exc_info=True)
    message = str(err) if isinstance(err, database.DatabaseUnavailable) else database.READ_FAILED
    st.error(message, icon=":material/database:")
