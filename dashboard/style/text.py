"""Making text from the data safe to show: Markdown/HTML escaping and source citations."""

from __future__ import annotations

import html
import math
import re
import textwrap

# every character Markdown (CommonMark + Streamlit's extensions) may treat as syntax
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def md_escape(text: object) -> str:
    """Escape text so st.markdown shows it literally (no links, emphasis, HTML or LaTeX)."""
    if text is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False)).replace("\n", " ")


def _fmt(value: object) -> str:
    """Dates as YYYY-MM-DD, everything else as text; '' for missing values."""
    if value is None or str(value) in ("", "NaT", "nan", "None"):
        return ""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


def source_markdown(title: str, url: str, publisher: str | None = None, published_on: object = None) -> str:
    """One source as a Markdown line: linked title, publisher, date. The single place sources are formatted."""
    safe_url = url.replace(")", "%29").replace(" ", "%20") if url.startswith(("http://", "https://")) else ""
    label = md_escape(title)
    cite = f"[{label}]({safe_url})" if safe_url else label
    extra = ", ".join(md_escape(x) for x in map(_fmt, (publisher, published_on)) if x)
    return f"{cite} — {extra}" if extra else cite


def source_plain(title: str, publisher: str | None = None, published_on: object = None) -> str:
    """A source as plain text, for image captions and CSV notes."""
    parts = [str(title)] + [x for x in map(_fmt, (publisher, published_on)) if x]
    return ", ".join(parts)


def plotly_escape(text: object) -> str:
    """Text from the data placed in a figure (names, labels, hover text, titles): plotly reads a small HTML
    subset in all of them, so `<`, `>` and `&` are escaped to show literally. Missing values become ''."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=False)


def plotly_wrapped(text: object, width: int = 70, lines: int = 5) -> str:
    """A long text as at most `lines` escaped figure lines joined by <br>."""
    parts = textwrap.wrap(str(text), width)
    return "<br>".join(plotly_escape(line) for line in parts[:lines]) + ("…" if len(parts) > lines else "")


# cells a spreadsheet would read as a formula (OWASP, CSV injection): =, +, -, @, and tab or CR first
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell for a CSV download, with a leading apostrophe where a spreadsheet would otherwise
    evaluate it; numbers and other values pass unchanged (a negative number is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
