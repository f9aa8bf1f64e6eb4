"""Chart downloads: PNG/SVG images drawn server-side by kaleido, and CSVs of the plotted rows.

Images carry what the chart shows, under which filters and from which sources, inside the file itself. Images
are drawn in a worker process with a time bound (image_renderer.py).
These functions need no Streamlit script context: download buttons call them lazily, on click.
"""

from __future__ import annotations

import io
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.components.csv_headers import header
from dashboard.components.image_renderer import RENDERER, ExportError  # noqa: F401 (callers catch it from here)
from dashboard.i18n import N_, _
from dashboard.style.text import plotly_escape, spreadsheet_safe
from dashboard.style.theme import EXPORT_HEIGHT, EXPORT_SCALE, EXPORT_WIDTH, export_layout

PROJECT = N_("Serbia Alignment Monitor")
# the project's terms for its data (the Data Package and every chart's metadata.json say it)
LICENCE = N_(
    "The curated tables carry no licence of their own yet; every row keeps its upstream terms: credit the "
    "sources a row cites."
)


def ensure_image_server() -> None:
    """Start the image worker and its browser now (cold exports take seconds, warm ones a fraction of one)."""
    RENDERER.warm_up()


def source_line(sources: pd.DataFrame, limit: int = 4, credit: bool = True, version: str = "") -> str:
    """'Sources: A; B; C and 2 more · Serbia Alignment Monitor, dataset 2026-12-09+1a2b3c4d', from a
    sources_for_facts result (publishers, most cited first); `credit=False` leaves out the project's name
    (and the dataset version given as `version`)."""
    publishers = list(dict.fromkeys(sources["publisher"])) if len(sources) else []
    shown = "; ".join(publishers[:limit])
    if len(publishers) > limit:
        shown += _(" and {n} more").format(n=len(publishers) - limit)
    line = _("Sources: {publishers}").format(publishers=shown) if shown else _("Sources: none cited")
    if not credit:
        return line
    return f"{line} · {_(PROJECT)}" + (_(", dataset {version}").format(version=_one_line(version)) if version else "")


def image_bytes(fig: go.Figure, fmt: str, title: str, filters_text: str, source_text: str) -> bytes:
    """The chart as PNG or SVG with its title, active filters and source line drawn into the picture."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    styled = export_layout(
        fig,
        plotly_escape(title),
        plotly_escape(filters_text),
        "<br>".join(map(plotly_escape, textwrap.wrap(source_text, 170))),
    )
    # drawn in the image worker, bounded in time; raises ExportError with a message for the reader
    return RENDERER.render(styled.to_json(), fmt, EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_SCALE if fmt == "png" else 1)


def plain_csv(data: pd.DataFrame) -> bytes:
    """The rows as a plain CSV that opens anywhere: UTF-8, the header on the first line, list cells joined by
    "; ", and text a spreadsheet would run as a formula neutralised (`spreadsheet_safe`)."""
    table = data.copy()
    for column in table.columns:
        if table[column].map(_is_list).any():  # e.g. fact_ids: one cell, ids separated by "; "
            table[column] = table[column].map(lambda v: "; ".join(map(str, v)) if _is_list(v) else v)
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(spreadsheet_safe)
    table.columns = [spreadsheet_safe(header(str(c))) for c in table.columns]  # labels in the reader's language
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def csv_bytes(data: pd.DataFrame, title: str, filters_text: str, sources: pd.DataFrame, dataset: str = "") -> bytes:
    """The rows as CSV after `#` comment lines naming the table, filters, the dataset version (`dataset`, as
    dashboard.store.dataset_version.describe writes it) and every source (page tables such as the key UN
    votes; a chart's CSV is `plain_csv`, its metadata beside it in download_bundle's zip).

    Read it back with `pandas.read_csv(path, comment="#")`.
    """
    out = io.StringIO()
    out.write(f"# {_(PROJECT)}: {_one_line(title)}\n# {_('Filters:')} {_one_line(filters_text)}\n")
    if dataset:
        out.write(f"# {_('Data:')} {_one_line(dataset)}\n")
    for s in sources.itertuples():
        date = "" if pd.isna(s.published_on) else f", {pd.Timestamp(s.published_on):%Y-%m-%d}"
        out.write(f"# {_('Source:')} {_one_line(s.title)} — {_one_line(s.publisher)}{date} <{s.url}>\n")
    return out.getvalue().encode("utf-8") + plain_csv(data)


def _is_list(value: object) -> bool:
    # a 0-d array is a number in disguise, not a list of ids
    return isinstance(value, (list, tuple)) or (isinstance(value, np.ndarray) and value.ndim > 0)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())
