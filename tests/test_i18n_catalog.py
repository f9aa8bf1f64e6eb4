"""The message catalogs: every marked string is in them, every entry is translated, the compiled catalog is
current, and the Serbian translator is chosen per call, never installed process-wide."""

from __future__ import annotations

import builtins
import gettext
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from dashboard.i18n import catalog
from tests.conftest import ROOT

PO = catalog.LOCALE_DIR / "sr_Latn" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _po():
    with PO.open("rb") as fh:
        return read_po(fh, locale="sr_Latn")


def _marked() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "dashboard", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_marked_string_is_in_the_catalog_and_nothing_else():
    in_catalog = {m.id[0] if isinstance(m.id, tuple) else m.id for m in _po() if m.id}
    marked = _marked()
    assert not marked - in_catalog, f"run `make i18n`: not in the catalog: {sorted(marked - in_catalog)}"
    assert not in_catalog - marked, f"run `make i18n`: no longer used: {sorted(in_catalog - marked)}"


def test_every_entry_has_a_serbian_translation_with_the_same_placeholders():
    for m in _po():
        if not m.id:
            continue
        assert "fuzzy" not in m.flags, m.id
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(s.strip() for s in strings), f"untranslated: {m.id!r}"
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == set(PLACEHOLDER.findall(ids[0])), (m.id, s)


def test_the_compiled_catalog_matches_the_po_file():
    with (PO.with_suffix(".mo")).open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for m in _po():
        if m.id and not isinstance(m.id, tuple):
            assert compiled.gettext(m.id) == m.string, f"run `make i18n`: {m.id!r} is out of date in the .mo"
        elif m.id:
            for n, form in enumerate(m.string):
                sample = {0: 1, 1: 2, 2: 5}[n]
                assert compiled.ngettext(m.id[0], m.id[1], sample) == form, m.id


def test_translations_are_per_call_never_installed():
    assert builtins.__dict__.get("_") is None or not isinstance(builtins.__dict__.get("_"), type(gettext.gettext))
    with catalog.using("sr-Latn"):
        latin = catalog.gettext("Filters")
        with catalog.using("sr-Cyrl"):
            cyrillic = catalog.gettext("Filters")
        again = catalog.gettext("Filters")
    assert (latin, cyrillic, again, catalog.gettext("Filters")) == ("Filteri", "Филтери", "Filteri", "Filters")


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("sr-Latn", 1, "1 činjenica"), ("sr-Latn", 3, "3 činjenice"), ("sr-Latn", 5, "5 činjenica"), ("en", 3, "3 facts")],
)
def test_plural_forms_follow_the_language(lang, n, expected):
    with catalog.using(lang):
        text = catalog.ngettext("**Behind your selection** ({n} fact)", "**Behind your selection** ({n} facts)", n)
    assert text.format(n=n).endswith(f"({expected})")


def test_every_table_and_column_description_is_in_the_catalog():
    """The data dictionary a page shows is translated, so each published table's description and each column's
    (derived tables included) must be a catalog entry: a new declaration without N_() fails here."""
    from dashboard.schema.tables import PUBLISHED

    in_catalog = {m.id for m in _po() if m.id}
    texts = {t.description for t in PUBLISHED} | {c.description for t in PUBLISHED for c in t.columns}
    missing = sorted(texts - in_catalog)
    assert not missing, f"mark with N_() in dashboard/schema/ and run `make i18n`: {missing[:5]}"
