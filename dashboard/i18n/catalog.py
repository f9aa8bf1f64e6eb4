"""The message catalogs per language, and the language of the current script run.

Translations are `gettext.GNUTranslations` objects cached per language and looked up per call: nothing is
installed into builtins, so sessions in different languages share one server process safely.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext as _gettext
from collections.abc import Iterator
from pathlib import Path

from dashboard.i18n.script import to_cyrillic

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
ENGLISH = "en"
LANGS = ("en", "sr-Latn", "sr-Cyrl")  # the URL values of `lang`
LABELS = {"en": "English", "sr-Latn": "Srpski latinica", "sr-Cyrl": "Српски ћирилица"}  # never translated
SESSION_KEY = "lang"  # the bound widget (the URL parameter)
ACTIVE_KEY = "lang_active"  # the language this run is in, set by switch.language_switch

_override: contextvars.ContextVar[str | None] = contextvars.ContextVar("lang_override", default=None)


class CyrillicTranslations(_gettext.NullTranslations):
    """Serbian Cyrillic derived from the Serbian Latin catalog, string by string (cached)."""

    def __init__(self, latin: _gettext.NullTranslations) -> None:
        super().__init__()
        self._latin = latin

    def gettext(self, message: str) -> str:
        return _cyrillic(self._latin.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return _cyrillic(self._latin.ngettext(singular, plural, n))


@functools.lru_cache(maxsize=4096)
def _cyrillic(text: str) -> str:
    return to_cyrillic(text)


_marking: dict[str, _gettext.NullTranslations] = {}  # tests put a marking translator here (tests/test_app_i18n.py)


def translations(lang: str) -> _gettext.NullTranslations:
    """The translator of one language (English: the messages themselves)."""
    return _marking.get(lang) or _translations(lang)


@functools.cache
def _translations(lang: str) -> _gettext.NullTranslations:
    if lang == "sr-Latn":
        return _gettext.translation(DOMAIN, LOCALE_DIR, languages=["sr_Latn"])
    if lang == "sr-Cyrl":
        return CyrillicTranslations(translations("sr-Latn"))
    return _gettext.NullTranslations()


def current() -> str:
    """The language of this script run (or of the enclosing `using` block); English outside both."""
    override = _override.get()
    if override:
        return override
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        if get_script_run_ctx(suppress_warning=True) is None:
            return ENGLISH
        import streamlit as st

        lang = st.session_state.get(ACTIVE_KEY)
    except Exception:  # no Streamlit runtime (the build, the importers, plain tests)
        return ENGLISH
    return lang if lang in LANGS else ENGLISH


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """Translate into `lang` inside the block (download callables run outside the script run)."""
    token = _override.set(lang if lang in LANGS else ENGLISH)
    try:
        yield
    finally:
        _override.reset(token)


def call_in(lang: str, fn, *args, **kwargs):
    """`fn(*args, **kwargs)` translated into `lang`: for callables Streamlit runs later, e.g. downloads."""
    with using(lang):
        return fn(*args, **kwargs)


def gettext(message: str) -> str:
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)
