"""Caching what is built from the database: once per database version and arguments, shared by sessions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from dashboard import i18n
from dashboard.store import app_data

T = TypeVar("T")


def per_database(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache what `fn(*args)` returns per database version, language and arguments (args must be hashable, e.g. a
    Filters). Streamlit's caches copy or hash on every call; this returns the same object to every session,
    so callers must not mutate it. A rebuilt database (new file identity) gets fresh entries."""

    @functools.lru_cache(maxsize=64)
    def keyed(identity: tuple, *args):
        return fn(*args)

    @functools.wraps(fn)
    def wrapper(*args):
        # figures carry translated text: the language is part of the key
        return keyed((app_data.connection().identity(), i18n.current()), *args)

    wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
    return wrapper
