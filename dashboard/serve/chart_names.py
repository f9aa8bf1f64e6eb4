"""The public names of the charts (`/api/v1/charts/{name}.csv`) and the page each one is drawn on.

Kept apart from the builders (chart_data.py) so the chart panel can name a chart's data link without
importing the view modules. A chart's `key` (chart_panel.make_chart) may carry its page choices
(`arms_order_deals`), so each public name matches its keys by a pattern.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterable

# public name -> (page url path, pattern of the chart keys it covers)
CHARTS: dict[str, tuple[str, str]] = {
    "overview": ("", r"overview"),
    "index": ("index", r"index"),
    "index_components": ("index", r"index_components"),
    "index_sensitivity": ("index", r"index_sensitivity"),
    "arms_by_year": ("arms", r"arms_(order|delivery)_\w+"),
    "arms_by_category": ("arms", r"arms_category_\w+"),
    "arms_deal_type": ("arms", r"arms_dealtype_\w+"),
    "exercise_timeline": ("exercises", r"exercise_timeline"),
    "exercises_per_year": ("exercises", r"exercises_per_year"),
    "exercise_map": ("exercises", r"exercise_map"),
    "cfsp_rate": ("eu_cfsp", r"cfsp_rate"),
    "eu_statements": ("eu_cfsp", r"eu_statements"),
    "un_agreement": ("un_votes", r"un_agreement"),
}
API_PREFIX = "/api/v1"
# Streamlit's own URL parameters: how the page looks, not what a chart holds
LOOK_ONLY = ("embed", "embed_options")


def name_for_key(key: str) -> str | None:
    """The public name of the chart drawn under `key`, or None."""
    return next((name for name, (_, pattern) in CHARTS.items() if re.fullmatch(pattern, key)), None)


def data_path(name: str, fmt: str, params: Iterable[tuple[str, str]]) -> str:
    """`/api/v1/charts/{name}.{fmt}?…`: the page URL's query string, with Streamlit's own `embed` options
    left out (they change how the page looks, not what the chart holds)."""
    kept = [(k, v) for k, v in params if k not in LOOK_ONLY]
    query = urllib.parse.urlencode(kept)
    return f"{API_PREFIX}/charts/{name}.{fmt}" + (f"?{query}" if query else "")


def embed_snippet(page_url: str, params: Iterable[tuple[str, str]], title: str) -> str:
    """An iframe of the page at its current filters in Streamlit's embed mode (no sidebar or menu; the
    filters come from the URL). Who may embed it is the server's Content-Security-Policy frame-ancestors."""
    parts = urllib.parse.urlsplit(page_url)
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    kept = [(k, v) for k, v in params if k not in LOOK_ONLY] + [("embed", "true")]
    src = f"{base}?{urllib.parse.urlencode(kept)}"
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="760" '
        'style="border:0" loading="lazy"></iframe>'
    )
