"""One call to show a chart the same way on every page: figure, empty state, downloads, sources on click.

A page (or its view module) builds a `Chart` with `make_chart` inside a function decorated with
`@per_database` (so figures are built once per filter state and database version, not on every rerun),
then calls `show(chart, filters)`:

    @per_database
    def deals_chart(f: Filters) -> Chart:
        data = app_data.query("pages/arms_deals", **f.params())         # one row per plotted point/bar
        fig = go.Figure(go.Bar(x=data.year, y=data.n, customdata=data.index))
        return make_chart("arms_by_year", "Arms deals per year", fig, data, alt="Bar chart of ...")

    show(deals_chart(filters), filters)

The data protocol:
- `data` holds exactly the rows plotted (it becomes the CSV download) with a default RangeIndex.
- Every trace's `customdata` is the `data` row position of each of its points; a click on a point maps
  back to its row. Points without a row (decorations such as milestone markers) use -1.
- Optional columns `fact_table` (str) and `fact_ids` (list of ids) name the facts behind each row: they
  feed the source line in images, the sources in the zip's metadata.json and the facts shown on click.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import i18n
from dashboard.components import download_bundle, export
from dashboard.components.filters import Filters, choices
from dashboard.i18n import N_, _, data_text
from dashboard.store import app_data
from dashboard.store.cache import per_database
from dashboard.style import margins, narrow
from dashboard.style.text import md_escape, source_markdown
from dashboard.style.theme import plot_config

MAX_FACTS_SHOWN = 40


@dataclass(frozen=True, eq=False)
class Chart:
    """A figure with the rows it plots and what it needs for alt text, downloads and sources."""

    key: str  # unique on the page; widget keys and file names derive from it
    title: str
    figure: go.Figure
    data: pd.DataFrame
    alt: str
    sources: pd.DataFrame  # sources_for_facts rows for the facts in `data`

    @property
    def empty(self) -> bool:
        return self.data.empty

    @functools.cached_property
    def source_caption(self) -> str:
        """The escaped source line under the chart, built once per cached chart (it is in the chart's language)."""
        return md_escape(export.source_line(self.sources, credit=False))

    @functools.cached_property
    def shown(self) -> go.Figure:
        """The figure for `st.plotly_chart`, its dict built once per cached chart (Streamlit otherwise calls
        `to_dict()`, a deep copy with every array base64-encoded, on every rerun of every session), with
        margins that hold its labels and legend (no second layout pass in the browser)."""
        return _Prebuilt(margins.fit(self.figure.to_dict()))


class _Prebuilt(go.Figure):
    """A figure that is only its (already validated) dict: all `st.plotly_chart` asks of it is `to_dict()`."""

    def __init__(self, spec: dict):  # plotly's own __init__ would validate the whole figure again
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


def fact_refs(data: pd.DataFrame) -> list[str]:
    """'fact_table:fact_id' for every fact behind the rows of `data` (the format queries take as $refs)."""
    if data.empty or "fact_table" not in data or "fact_ids" not in data:
        return []
    refs = (f"{table}:{fact_id}" for table, ids in zip(data["fact_table"], data["fact_ids"]) for fact_id in _ids(ids))
    return sorted(set(refs))


def _ids(ids) -> list[str]:
    if ids is None or (isinstance(ids, float) and pd.isna(ids)):
        return []
    return [str(i) for i in (ids if not isinstance(ids, str) else [ids])]


def make_chart(key: str, title: str, figure: go.Figure, data: pd.DataFrame, alt: str) -> Chart:
    """Bundle a figure with its data; looks up the sources of the facts it plots."""
    data = data.reset_index(drop=True)
    refs = fact_refs(data)
    sources = app_data.query("pages/sources_for_facts", refs=refs) if refs else _NO_SOURCES
    return Chart(key, title, figure, data, alt, sources)


_NO_SOURCES = pd.DataFrame(columns=["source_id", "title", "url", "publisher", "published_on", "n_facts"])


DEFAULT_HINT = N_("click a bar or point to see the facts behind it.")


def show(chart: Chart, filters: Filters, *, hint: str = "") -> list[str]:
    """Render the chart with PNG/SVG/CSV downloads (drawn on demand), its sources, and the facts behind a
    clicked point.

    Shows a "no data for these filters" note instead of an empty chart. Returns the selected fact refs.
    """
    if chart.empty:
        st.info(
            _(
                "**{title}** — no data for these filters ({filters}). Widen the year range or clear the partner "
                "and bloc filters."
            ).format(title=md_escape(chart.title), filters=md_escape(filters.describe(choices().names))),
            icon=":material/filter_alt_off:",
        )
        return []
    narrow.wrapped_title(chart.key, chart.title)  # where the main column is too narrow for Plotly's one line
    event = st.plotly_chart(
        chart.shown,
        key=f"{chart.key}_chart",
        on_select="rerun",
        selection_mode="points",
        config=plot_config(chart.key),
        alt=chart.alt,
    )
    _downloads_on_demand(chart, filters)
    links = _data_links(chart)
    data_line = _data_link_text(links) if links else ""
    points = _points(event)
    refs = selected_refs(chart, points) if points else []  # no selection: skip the (costly) empty row lookup
    if refs:
        st.markdown(
            i18n.ngettext(
                "**Behind your selection** ({n} fact)", "**Behind your selection** ({n} facts)", len(refs)
            ).format(n=len(refs))
        )
        fact_list(refs)
        if data_line:
            st.caption(data_line)
    else:  # one caption for the sources, the hint and the data links: each element costs every run
        st.caption(chart.source_caption + " — " + (hint or _(DEFAULT_HINT)) + ("  \n" + data_line if data_line else ""))
    return refs


def _points(event) -> list[dict]:
    try:
        return list(event.selection.points)
    except AttributeError:
        return []


def selected_rows(chart: Chart, points: Iterable[dict]) -> pd.DataFrame:
    """The `data` rows of the clicked points (via each trace's customdata)."""
    rows = []
    for p in points:
        try:
            custom = chart.figure.data[int(p["curve_number"])].customdata
            row = custom[int(p.get("point_index", p.get("point_number")))]
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        row = row[0] if hasattr(row, "__len__") and not isinstance(row, str) else row
        if 0 <= int(row) < len(chart.data):
            rows.append(int(row))
    return chart.data.iloc[sorted(set(rows))]


def selected_refs(chart: Chart, points: Iterable[dict]) -> list[str]:
    return fact_refs(selected_rows(chart, points))


def fact_list(refs: list[str], limit: int = MAX_FACTS_SHOWN, newest_first: bool = False) -> None:
    """Each fact as a line (date, partner, what) followed by its sources with links; all text escaped.

    `refs` are 'fact_table:fact_id' strings (see `fact_refs`); the first `limit` are shown, by date."""
    lines = fact_lines(tuple(refs[:limit]))
    if not lines:
        st.caption(_("No details recorded for these facts."))
        return
    for fact, sources in reversed(lines) if newest_first else lines:
        st.markdown(fact)
        if sources:
            st.caption(sources)
    if len(refs) > limit:
        st.caption(_("… and {n} more; narrow the filters to see them.").format(n=len(refs) - limit))


@per_database
def fact_lines(refs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(fact line, its sources) as escaped Markdown for each fact, by date; built once per database."""
    facts = app_data.query("pages/fact_details", refs=list(refs))
    cited = {
        table: app_data.query("pages/fact_sources", fact_table=table, fact_ids=sorted(group["fact_id"]))
        for table, group in facts.groupby("fact_table")
    }
    lines = []
    for row in facts.itertuples():
        date = "" if pd.isna(row.date) else f"**{pd.Timestamp(row.date):%Y-%m-%d}** · "
        partner = f"{md_escape(row.partner)} ({md_escape(row.bloc)}) — " if isinstance(row.partner, str) else ""
        sources = cited[row.fact_table]
        citations = []
        for s in sources[sources["fact_id"] == row.fact_id].itertuples():
            evidence = f" · “{md_escape(s.evidence)}”" if isinstance(s.evidence, str) and s.evidence else ""
            citations.append(
                _("Source:") + " " + source_markdown(s.title, s.url, s.publisher, s.published_on) + evidence
            )
        serbian = data_text.serbian_only(row.title_sr)  # ours, beside the original record line
        what = f"{md_escape(serbian)} · {md_escape(row.title)}" if serbian else md_escape(row.title)
        lines.append((f"{date}{partner}{what}", "  \n".join(citations)))
    return tuple(lines)


def _data_links(chart: Chart) -> tuple[str, list[tuple[str, str]]] | None:
    """The chart's API name and the page's query parameters, when the ASGI app serves /api/v1 (`streamlit run`
    alone does not) and the chart has a data endpoint."""
    if "dashboard.serve.asgi" not in sys.modules:
        return None
    from dashboard.serve import chart_names

    name = chart_names.name_for_key(chart.key)
    if name is None:
        return None
    return name, [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]


def _data_link_text(links: tuple[str, list[tuple[str, str]]]) -> str:
    """The chart's data endpoints for the page's current URL, as one Markdown line."""
    from dashboard.serve import chart_names

    name, params = links
    csv, js, meta = (chart_names.data_path(name, fmt, params) for fmt in ("csv", "json", "metadata.json"))
    return _(
        "Data of this chart: [CSV]({csv}) · [JSON]({json}) · [metadata]({metadata}) · [all tables]({package})"
    ).format(csv=csv, json=js, metadata=meta, package=f"{chart_names.API_PREFIX}/datapackage.json")


def _embed(chart: Chart) -> None:
    """The embed snippet (an iframe of the current URL), with the downloads: drawn on demand, not in an embed."""
    links = _data_links(chart)
    if links is None or st.context.is_embedded:
        return
    from dashboard.serve import chart_names

    with st.expander(_("Embed this view")):
        st.code(chart_names.embed_snippet(st.context.url or "", links[1], chart.title), language="html")


DOWNLOADS = N_("Download PNG · SVG · CSV · ZIP · embed")


def _downloads_on_demand(chart: Chart, filters: Filters) -> None:
    """One button that draws the chart's download buttons and its embed snippet when pressed: four buttons in
    columns and an expander on every chart cost about a sixth of a page run (server and browser) for a reader
    who seldom downloads or embeds. The next rerun (a
    filter change) folds them back into the one button. Not a fragment: Streamlit deep-copies the element
    tree for each fragment call on every run, a tenth of the Index page's server time for three charts, where
    the rare press costs one page run that redraws no chart (their figures are unchanged)."""
    if st.button(_(DOWNLOADS), key=f"{chart.key}_downloads", icon=":material/download:", type="tertiary"):
        _downloads(chart, filters)
        _embed(chart)


def _downloads(chart: Chart, filters: Filters) -> None:
    described = filters.describe(choices().names)
    info = app_data.dataset_info()
    line = export.source_line(chart.sources, version=info["version"])
    lang = i18n.current()  # the callables run after this script run: they carry the language
    png, svg, csv, bundle = st.columns(4, gap="small")
    name = f"serbia-alignment-{chart.key}-{filters.year_from}-{filters.year_to}"
    png.download_button(
        "PNG",
        data=functools.partial(
            i18n.call_in, lang, export.image_bytes, chart.figure, "png", chart.title, described, line
        ),
        file_name=f"{name}.png",
        mime="image/png",
        key=f"{chart.key}_png",
        on_click="ignore",
        icon=":material/image:",
        width="stretch",
    )
    svg.download_button(
        "SVG",
        data=functools.partial(
            i18n.call_in, lang, export.image_bytes, chart.figure, "svg", chart.title, described, line
        ),
        file_name=f"{name}.svg",
        mime="image/svg+xml",
        key=f"{chart.key}_svg",
        on_click="ignore",
        icon=":material/polyline:",
        width="stretch",
    )
    download_bundle.offer(csv, bundle, chart, described, info, name)
