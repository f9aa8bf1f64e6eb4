"""Page-specific URL parameters (a page's own controls, beside the shared sidebar filters).

Streamlit seeds a bound widget from its URL parameter and silently drops a value it cannot use; like
`filters.url_notes`, these helpers name every dropped value in a visible note instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard.components.filters import show_url_notes, unknown_note


def unusable(key: str, valid: Iterable[str]) -> list[str]:
    """The values of URL parameter `key` that are not among `valid`."""
    allowed = set(valid)
    return [v for v in st.query_params.get_all(key) if v and v not in allowed]


def note_unusable(checks: dict[str, Iterable[str]]) -> list[str]:
    """Show one note naming the unusable values of each `key -> valid values`; returns the notes."""
    notes = [unknown_note(key, bad) for key, valid in checks.items() if (bad := unusable(key, valid))]
    show_url_notes(notes)
    return notes
