"""Text from the data in the reader's language: the one place a view chooses between a curated column and
its Serbian companion (docs/i18n.md, "Text from the data").

A translated column `X` has its Serbian, written once in Latin script, in `X_sr` (events.title_sr,
exercises.name_sr, un_resolutions.title_sr); queries select both, and views call `shown` / `pick` instead
of reading `X`. Cyrillic sessions get the Serbian transliterated. EU statement excerpts are quotes: they stay
as spoken, and `translation` gives the project's own rendering for the reader beside them.
"""

from __future__ import annotations

import functools

import pandas as pd

from dashboard.i18n.catalog import current
from dashboard.i18n.script import to_cyrillic

SERBIAN_LANGS = ("sr-Latn", "sr-Cyrl")
SERBIAN = "sr"  # the ISO 639-1 code of the curated Serbian columns and of eu_statements.excerpt_language
ENGLISH = "en"
SUFFIX = "_sr"


def _given(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def reader_language() -> str:
    """`sr` in Serbian sessions (either script), `en` otherwise: the language data text is shown in."""
    return SERBIAN if current() in SERBIAN_LANGS else ENGLISH


@functools.lru_cache(maxsize=4096)
def _cyrillic(text: str) -> str:
    return to_cyrillic(text)


def in_script(serbian: str) -> str:
    """Serbian Latin text in the session's script."""
    return _cyrillic(serbian) if current() == "sr-Cyrl" else serbian


def pick(original: object, serbian: object) -> str:
    """The text a reader sees: the Serbian in Serbian sessions where it is given, else the original."""
    if reader_language() == SERBIAN and _given(serbian):
        return in_script(str(serbian))
    return "" if original is None or (isinstance(original, float) and pd.isna(original)) else str(original)


def shown(data: pd.DataFrame, column: str) -> list[str]:
    """`data[column]` in the reader's language, row by row (its `<column>_sr` companion where there is one)."""
    companion = column + SUFFIX
    serbian = data[companion] if companion in data.columns else [None] * len(data)
    return [pick(o, s) for o, s in zip(data[column], serbian)]


def serbian_only(serbian: object) -> str | None:
    """The Serbian in the session's script for a Serbian reader, None for others or when not given."""
    return in_script(str(serbian)) if reader_language() == SERBIAN and _given(serbian) else None


def original_if_translated(original: object, serbian: object) -> str | None:
    """The original, when the reader sees the Serbian instead (so a view can show both); else None."""
    if reader_language() == SERBIAN and _given(serbian) and str(serbian) != str(original):
        return str(original)
    return None


def translation(language: object, excerpt_en: object, excerpt_sr: object) -> tuple[str, str] | None:
    """The project's own translation of an excerpt in `language` for this reader, as (text, target language),
    or None when the excerpt is already in the reader's language or no translation is recorded."""
    target = reader_language()
    source = language if _given(language) else ENGLISH
    if source == target:
        return None
    if target == SERBIAN:
        return (in_script(str(excerpt_sr)), SERBIAN) if _given(excerpt_sr) else None
    return (str(excerpt_en), ENGLISH) if _given(excerpt_en) else None
