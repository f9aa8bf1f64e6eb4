"""The Serbian versions of the documents the pages show keep step with the English: the same headings, tables
and numbers, so neither can drift silently; and their Cyrillic keeps code, paths and foreign quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.i18n import catalog, docs
from dashboard.i18n.script import to_cyrillic
from tests.conftest import ROOT

DOCS = [ROOT / "docs" / "method.md", ROOT / "docs" / "stance-codebook.md"]


def _shape(text: str) -> dict:
    lines = text.splitlines()
    return {
        "headings": [len(re.match(r"#+", line).group()) for line in lines if re.match(r"#+ ", line)],
        "table rows": sum(line.startswith("|") for line in lines),
        "list items": sum(bool(re.match(r"\s*(- |\d+\. )", line)) for line in lines),
        # digit runs: 0.096 and 0,096, 2,000 and 2.000 give the same runs, so separators may follow the language
        "numbers": sorted(set(re.findall(r"\d+", text))),
    }


@pytest.mark.parametrize("english", DOCS, ids=lambda p: p.name)
def test_the_serbian_version_has_the_same_headings_tables_and_numbers(english: Path):
    serbian = english.with_suffix(".sr.md")
    en, sr = _shape(english.read_text(encoding="utf-8")), _shape(serbian.read_text(encoding="utf-8"))
    for part in ("headings", "table rows", "list items", "numbers"):
        assert sr[part] == en[part], f"{serbian.name} and {english.name} differ in their {part}"


def test_every_code_span_of_the_english_is_in_the_serbian():
    for english in DOCS:
        code = set(re.findall(r"`([^`]*)`", english.read_text(encoding="utf-8")))
        serbian = english.with_suffix(".sr.md").read_text(encoding="utf-8")
        missing = {c for c in code if c not in serbian}
        assert not missing, (english.name, missing)


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        ("en", "Aggregation and weights", "Sabiranje"),
        ("sr-Latn", "Sabiranje i ponderi", "Aggregation"),
        ("sr-Cyrl", "Сабирање и пондери", "Sabiranje"),
    ],
)
def test_the_method_document_follows_the_language(lang, expected, absent):
    with catalog.using(lang):
        text = docs.document(ROOT / "docs" / "method.md")
    assert expected in text and absent not in text


def test_cyrillic_keeps_code_paths_acronyms_and_marked_foreign_text():
    text = to_cyrillic(
        "Kod: `dashboard/index/` i tabela fact_sources (OECD/JRC, _Handbook on Constructing Composite Indicators_), "
        "https://example.org/a_b, kapa, *ljudi*, HBRN"
    )
    assert text == (
        "Код: `dashboard/index/` и табела fact_sources (OECD/JRC, _Handbook on Constructing Composite Indicators_), "
        "https://example.org/a_b, капа, *људи*, ХБРН"
    )
    cyrillic = docs._text(ROOT / "docs" / "method.sr.md", 0, "sr-Cyrl")
    assert "`east_west_components(country_iso3, year, component" in cyrillic and "SIPRI TIV" in cyrillic
    assert "_Häge 2011, Choice or Circumstance?" in cyrillic and "Монте Карло" in cyrillic
