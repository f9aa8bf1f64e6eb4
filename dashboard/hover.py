"""Hover labels built from the data. Plotly reads an HTML subset in hover text, so text from the data is
escaped here and shown literally; only the markup the page adds itself (<b>, <br>) is interpreted."""
from __future__ import annotations

import html
import textwrap

import pandas as pd


def plain(text: object) -> str:
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    return html.escape(str(text), quote=False)


def wrapped(text: object, width: int = 70, lines: int = 5) -> str:
    """A long text as at most `lines` escaped hover lines."""
    parts = textwrap.wrap(str(text), width)
    return "<br>".join(plain(line) for line in parts[:lines]) + ("…" if len(parts) > lines else "")
