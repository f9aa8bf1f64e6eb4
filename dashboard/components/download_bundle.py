"""A chart's data as downloads that open anywhere, as Our World in Data offers them: a plain CSV (header on the
first line, spreadsheet-safe cells) and a zip of that CSV with `metadata.json` and a short `README.md`.

What a CSV cannot carry without breaking spreadsheets and `read_csv` (title, filters, page link, sources,
dataset version, licence, citation, time of download) goes into the metadata. The chart panel's CSV and
`/api/v1/charts/{chart}.csv` are both `chart_csv`, so they are the same bytes.

The builders need no Streamlit script context (the panel's buttons call them on click, in the session's
language through `i18n.call_in`); only `offer` draws buttons.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
import urllib.parse
import zipfile
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.components import export
from dashboard.i18n import _
from dashboard.importers import provenance
from dashboard.paths import DATA_DIR
from dashboard.serve import chart_names  # names only: it imports no view module

CSV_NAME, METADATA_NAME, README_NAME = "{stem}.csv", "metadata.json", "README.md"


def chart_csv(data: pd.DataFrame) -> bytes:
    """The chart's rows as the panel and the API serve them (one rule: export.plain_csv)."""
    return export.plain_csv(data)


def query_items(params: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The URL parameters that choose what a chart shows (the page's filters), in their order."""
    return [(k, v) for k, v in params if k not in chart_names.LOOK_ONLY]


def _column_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "string"


def _date(value) -> str | None:
    return None if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def metadata(
    data: pd.DataFrame,
    title: str,
    filters_text: str,
    sources: pd.DataFrame,
    dataset: dict[str, str],
    *,
    params: Iterable[tuple[str, str]] = (),
    page_url: str = "",
    data_url: str = "",
    stem: str = "chart",
    now: dt.datetime | None = None,
) -> dict:
    """What the chart's CSV holds and where it comes from; the texts in the current language (`i18n.using`).

    `page_url` is the page's address without its query (empty when unknown), `params` the page URL's
    parameters, `data_url` the chart's API path, `dataset` a dataset_version.read result."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    kept = query_items(params)
    query = urllib.parse.urlencode(kept)
    if page_url and not urllib.parse.urlsplit(page_url).path:
        page_url += "/"  # Streamlit gives the root page as `http://host:port`
    url = f"{page_url}?{query}" if page_url and query else page_url
    terms = provenance.terms_by_source(DATA_DIR)
    cited = [
        {
            "id": s.source_id,
            "title": s.title,
            "publisher": s.publisher,
            "published_on": _date(s.published_on),
            "url": s.url,
            **({"facts_cited": int(s.n_facts)} if "n_facts" in sources and pd.notna(s.n_facts) else {}),
            **({"licence": terms[s.source_id]} if s.source_id in terms else {}),
        }
        for s in sources.itertuples()
    ]
    version = dataset.get("version", "")
    year = version[:4] if re.match(r"\d{4}-", version) else f"{now:%Y}"
    accessed = f"{now:%Y-%m-%d}"
    citation = _("{project} ({year}): “{title}”, dataset {version}.").format(
        project=_(export.PROJECT), year=year, title=title, version=version
    )
    citation += " " + (
        _("{url} (accessed {date}).").format(url=url, date=accessed)
        if url
        else _("Accessed {date}.").format(date=accessed)
    )
    return {
        "title": title,
        "project": _(export.PROJECT),
        "filters": filters_text,
        "query": query,
        "query_parameters": {k: [v for key, v in kept if key == k] for k, _v in kept},
        "page_url": url or None,
        "data_url": data_url or None,
        "language": i18n.current(),
        "rows": len(data),
        "columns": [{"name": str(c), "type": _column_type(data[c])} for c in data.columns],
        "files": {"csv": CSV_NAME.format(stem=stem), "metadata": METADATA_NAME, "readme": README_NAME},
        "sources": cited,
        "dataset": {k: dataset.get(k, "") for k in ("version", "content_sha256", "built_at")},
        "licence": _(export.LICENCE),
        "citation": citation,
        "downloaded_at": now.isoformat().replace("+00:00", "Z"),
    }


def metadata_json(meta: dict) -> bytes:
    return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def readme(meta: dict) -> str:
    """A short README for the zip, in the language the metadata was built in."""
    lines = [
        f"# {meta['title']}",
        "",
        f"{meta['project']} — {meta['filters']}",
        "",
        i18n.ngettext(
            "- `{csv}`: the {n} row the chart draws (UTF-8, header on the first line; text that a spreadsheet "
            "would run as a formula starts with an apostrophe).",
            "- `{csv}`: the {n} rows the chart draws (UTF-8, header on the first line; text that a spreadsheet "
            "would run as a formula starts with an apostrophe).",
            meta["rows"],
        ).format(csv=meta["files"]["csv"], n=meta["rows"]),
        _("- `{metadata}`: title, filters, page link, sources, dataset version, licence and citation.").format(
            metadata=meta["files"]["metadata"]
        ),
        "",
        _("Page: {url}").format(url=meta["page_url"] or "—"),
        _("Dataset: {version} (content SHA-256 {sha256})").format(
            version=meta["dataset"]["version"], sha256=meta["dataset"]["content_sha256"] or "—"
        ),
        _("Downloaded: {time}").format(time=meta["downloaded_at"]),
        "",
        "## " + _("Sources"),
        "",
    ]
    for s in meta["sources"]:
        date = f", {s['published_on']}" if s["published_on"] else ""
        lines.append(f"- {s['title']} — {s['publisher']}{date} <{s['url']}>")
    if not meta["sources"]:
        lines.append(_("None cited."))
    lines += ["", "## " + _("Licence"), "", meta["licence"], "", "## " + _("How to cite"), "", meta["citation"], ""]
    return "\n".join(lines)


def bundle_zip(data: pd.DataFrame, meta: dict) -> bytes:
    """The zip: the plain CSV, metadata.json and README.md, dated at the download."""
    stamp = dt.datetime.fromisoformat(meta["downloaded_at"].replace("Z", "+00:00")).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in (
            (meta["files"]["csv"], chart_csv(data)),
            (meta["files"]["metadata"], metadata_json(meta)),
            (meta["files"]["readme"], readme(meta).encode("utf-8")),
        ):
            z.writestr(zipfile.ZipInfo(name, stamp), body, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _zip_now(data: pd.DataFrame, args: tuple, kwargs: dict) -> bytes:
    """Built on click: the download time is the click's."""
    return bundle_zip(data, metadata(data, *args, **kwargs))


def offer(csv_column, zip_column, chart, filters_text: str, dataset: dict[str, str], stem: str) -> None:
    """The chart's CSV and zip buttons (in a script run: the page's URL and the session's language are read
    now, the files built on click)."""
    lang = i18n.current()
    params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    name = chart_names.name_for_key(chart.key)
    kwargs = {
        "params": params,
        "page_url": st.context.url or "",
        "data_url": chart_names.data_path(name, "csv", params) if name else "",
        "stem": stem,
    }
    csv_column.download_button(
        "CSV",
        data=functools.partial(i18n.call_in, lang, chart_csv, chart.data),  # headers in the reader's language
        file_name=CSV_NAME.format(stem=stem),
        mime="text/csv",
        key=f"{chart.key}_csv",
        on_click="ignore",
        icon=":material/table:",
        width="stretch",
    )
    zip_column.download_button(
        "ZIP",
        data=functools.partial(
            i18n.call_in, lang, _zip_now, chart.data, (chart.title, filters_text, chart.sources, dataset), kwargs
        ),
        file_name=f"{stem}.zip",
        mime="application/zip",
        key=f"{chart.key}_zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        width="stretch",
    )
