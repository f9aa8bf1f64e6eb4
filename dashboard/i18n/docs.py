"""The project documents a page shows (docs/method.md, docs/stance-codebook.md) in the reader's language.

Each document has an English original and a Serbian (Latin) version beside it, `<name>.sr.md`; Cyrillic is
derived from the Latin one like every other Serbian text (script.to_cyrillic keeps code, paths, URLs,
acronyms and the foreign titles and quotes the Serbian docs mark with `_…_`). tests/test_docs_i18n.py keeps
the versions' headings, tables and numbers in step.
"""

from __future__ import annotations

import functools
from pathlib import Path

from dashboard.i18n.catalog import current
from dashboard.i18n.script import to_cyrillic


def version_path(path: Path, lang: str) -> Path:
    """The file of `path` (an English .md) for `lang`; the English one when no Serbian version exists."""
    serbian = path.with_suffix(".sr.md")
    return serbian if lang != "en" and serbian.exists() else path


def document(path: Path) -> str:
    """The document in the current session's language."""
    lang = current()
    target = version_path(path, lang)
    return _text(target, target.stat().st_mtime_ns, lang if target != path else "en")


@functools.lru_cache(maxsize=16)
def _text(path: Path, _mtime: int, lang: str) -> str:
    text = path.read_text(encoding="utf-8")
    return to_cyrillic(text) if lang == "sr-Cyrl" else text
