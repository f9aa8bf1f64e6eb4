"""The language switch: English · Srpski latinica · Српски ћирилица, bound to the URL as `lang`.

Streamlit writes a bound widget's visible label into the URL, so the bound widget is a select whose labels
are the codes (`lang=en|sr-Latn|sr-Cyrl`), kept out of sight; the reader uses a segmented control with the
languages' own names, which sets it. The bound select has no default, so every link carries its language;
with no `lang` in the URL the session starts in the browser's language (`st.context.locale`).
"""

from __future__ import annotations

import streamlit as st

from dashboard.i18n.catalog import ACTIVE_KEY, ENGLISH, LABELS, LANGS, SESSION_KEY

PICK_KEY = "lang_pick"


def from_locale(tag: str | None) -> str:
    """The language for a browser locale such as 'sr-RS', 'sr-Latn-RS', 'sr-Cyrl' or 'en-GB'."""
    parts = [p.lower() for p in (tag or "").replace("_", "-").split("-")]
    if parts[0] == "sr":  # Serbian's default script (CLDR) is Cyrillic, the official one
        return "sr-Latn" if "latn" in parts[1:] else "sr-Cyrl"
    if parts[0] in ("sh", "bs", "hr", "cnr"):  # neighbouring standards written in Latin
        return "sr-Latn"
    return ENGLISH


def _picked() -> None:
    st.session_state[SESSION_KEY] = st.session_state[PICK_KEY]


def language_switch() -> str:
    """Draw the switch in the sidebar and return the session's language (call before any `_()`)."""
    raw = st.query_params.get_all(SESSION_KEY)
    if SESSION_KEY not in st.session_state and not (raw and raw[-1] in LANGS):
        st.session_state[SESSION_KEY] = from_locale(st.context.locale)
    with st.sidebar.container(key="lang_url"):
        lang = st.selectbox(
            "lang", LANGS, index=None, key=SESSION_KEY, bind="query-params", label_visibility="collapsed"
        )
    lang = lang if lang in LANGS else from_locale(st.context.locale)
    st.session_state[ACTIVE_KEY] = lang
    st.session_state[PICK_KEY] = lang
    st.sidebar.segmented_control(
        "Language · Jezik · Језик",
        LANGS,
        format_func=LABELS.get,
        key=PICK_KEY,
        selection_mode="single",
        on_change=_picked,
        label_visibility="collapsed",
    )
    # the bound select only carries the URL value
    st.html("<style>.st-key-lang_url{display:none}</style>")
    return lang
