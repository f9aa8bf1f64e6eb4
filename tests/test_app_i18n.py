"""Every page in English, Serbian Latin and Serbian Cyrillic; and no interface string outside the catalogs.

The last test swaps the Serbian catalog for a marking one (every translation wrapped in ⟦ ⟧) and reads what
a page shows: a title, header, label, caption, note or chart title without a mark came from code, not from
the catalog."""

from __future__ import annotations

import gettext
import shutil

import pytest

from dashboard.i18n import catalog
from tests.apptest import figures_by_key, open_app, shown, texts

PAGES = [
    "app_pages/overview.py",
    "app_pages/index.py",
    "app_pages/arms.py",
    "app_pages/data_sources.py",
    "app_pages/method.py",
]
# pages whose own strings are not in the catalogs yet (the shared sidebar, chart panel and exports are)
NOT_YET_TRANSLATED: set[str] = set()
LANG_TEXT = {
    "en": ("Filters", "Years", "Serbia's activity with East and West"),
    "sr-Latn": ("Filteri", "Godine", "Aktivnost Srbije sa Istokom i Zapadom"),
    "sr-Cyrl": ("Филтери", "Године", "Активност Србије са Истоком и Западом"),
}


@pytest.fixture
def db(fixture_db, tmp_path):
    """A copy of the fixture database: a fresh file, so no figure cached in another language is reused."""
    target = tmp_path / "i18n.duckdb"
    shutil.copy(fixture_db, target)
    return target


@pytest.mark.parametrize("lang", list(LANG_TEXT))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_every_language(monkeypatch, db, page, lang):
    at = open_app(monkeypatch, db, page, {"lang": lang})
    header, years, _ = LANG_TEXT[lang]
    assert at.session_state["lang_active"] == lang
    version = {"en": "Dataset version", "sr-Latn": "Verzija skupa podataka", "sr-Cyrl": "Верзија скупа података"}
    assert any(c.value.startswith(version[lang]) for c in at.sidebar.caption)
    if page != "app_pages/method.py":  # every other page has the filters
        assert header in [h.value for h in at.sidebar.header]
        assert years in [s.label for s in at.sidebar.slider]


@pytest.mark.parametrize("lang", list(LANG_TEXT))
def test_overview_titles_and_chart_titles_are_translated(monkeypatch, db, lang):
    at = open_app(monkeypatch, db, None, {"lang": lang})
    figs = figures_by_key(at)
    assert figs["overview"]["layout"]["title"]["text"].startswith(LANG_TEXT[lang][2])
    expected = {"en": "Serbia Alignment Monitor", "sr-Latn": "Monitor spoljnopolitičkog usmerenja Srbije"}
    expected["sr-Cyrl"] = "Монитор спољнополитичког усмерења Србије"
    assert at.title[0].value == expected[lang]
    axes = [v.get("title", {}).get("text") for k, v in figs["overview"]["layout"].items() if k.startswith("yaxis")]
    assert {"en": "Share", "sr-Latn": "Udeo", "sr-Cyrl": "Удео"}[lang] in axes


def test_no_language_in_the_url_follows_the_browser(monkeypatch, db):
    at = open_app(monkeypatch, db)
    assert at.session_state["lang_active"] == "en"  # AppTest's browser locale is English
    assert at.query_params.get("lang") in (None, "en", ["en"])


def test_an_unknown_language_falls_back_without_an_exception(monkeypatch, db):
    at = open_app(monkeypatch, db, None, {"lang": "xx-Nope"})
    assert at.session_state["lang_active"] in catalog.LANGS


class Marking(gettext.NullTranslations):
    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"


def _shown(at) -> list[tuple[str, str]]:
    """(what, text) for every interface string a reader sees on the page."""
    out = [("title", e.value) for e in at.title] + [("header", e.value) for e in at.header]
    out += [("subheader", e.value) for e in at.subheader] + [("caption", e.value) for e in at.caption]
    out += [("info", e.value) for e in at.info] + [("warning", e.value) for e in at.warning]
    for kind in ("slider", "multiselect", "button_group", "metric", "selectbox", "radio", "toggle", "text_input"):
        out += [(kind, e.label) for e in at.get(kind) if getattr(e, "label", None) not in (None, "", "lang")]
    for key, fig in figures_by_key(at).items():
        layout = fig["layout"]
        out.append((f"{key} title", layout.get("title", {}).get("text", "⟦⟧")))
        out += [
            (f"{key} {k}", v["title"]["text"])
            for k, v in layout.items()
            if k[:5] in ("xaxis", "yaxis") and v.get("title", {}).get("text")
        ]
    return out


UNMARKED_OK = {"Language · Jezik · Језик"}  # the switch names every language in its own words
# data text, not interface: a source's own notes (sources.notes in the fixture), shown as they were written
DATA_TEXT = {"Fixture vintage June 2025"}


@pytest.mark.parametrize(
    "page", [pytest.param(p, marks=pytest.mark.xfail(strict=True)) if p in NOT_YET_TRANSLATED else p for p in PAGES]
)
def test_every_string_a_page_shows_comes_from_the_catalog(monkeypatch, db, page):
    monkeypatch.setitem(catalog._marking, "sr-Latn", Marking())
    at = open_app(monkeypatch, db, page, {"lang": "sr-Latn"})
    unmarked = [(what, text) for what, text in _shown(at) if "⟦" not in text and text not in UNMARKED_OK | DATA_TEXT]
    assert not unmarked, unmarked


# ---------------------------------------------------------------- the data's words, the docs, the dictionary


def test_the_data_words_a_page_shows_are_translated(monkeypatch, db):
    """Statement kinds, institutions and topics (EU & CFSP) and status and confidence words (Arms) are the
    reader's: the fixture's `annual report`, `Council of the EU`, `Russia ties`, `delivered`, `medium`."""
    at = open_app(monkeypatch, db, "app_pages/eu_cfsp.py", {"lang": "sr-Latn"})
    statements = shown(" ".join(texts(at, "markdown")))
    assert "godišnji izveštaj" in statements and "annual report" not in statements
    assert "Savet EU" in statements and "Council of the EU" not in statements
    assert "veze s Rusijom" in statements and "Russia ties" not in statements
    assert at.multiselect(key="topics").options == ["Usklađenost sa CFSP", "sankcije Rusiji", "veze s Rusijom"]
    hover = " ".join(t for tr in figures_by_key(at)["eu_statements"]["data"] for t in tr["hovertext"])
    assert "godišnji izveštaj" in hover and "Evropska komisija" in hover

    at = open_app(monkeypatch, db, "app_pages/arms.py", {"lang": "sr-Latn"})
    (deals,) = (d.value for d in at.dataframe)
    assert {"isporučeno", "srednja"} <= set(deals["status"]) | set(deals["confidence"])
    assert not {"delivered", "medium", "high", "low"} & (set(deals["status"]) | set(deals["confidence"]))


def test_a_serbian_link_carries_serbian_topic_labels(monkeypatch, db):
    at = open_app(monkeypatch, db, "app_pages/eu_cfsp.py", {"lang": "sr-Latn", "topics": ["sankcije Rusiji"]})
    assert at.multiselect(key="topics").value == ["Russia sanctions"]  # the page filters by the stored value
    assert not texts(at, "info")
    assert {tr["name"] for tr in figures_by_key(at)["eu_statements"]["data"]}  # statements of that topic drawn
    # the English label is not a value of a Serbian link: named in the note, not silently dropped
    at = open_app(monkeypatch, db, "app_pages/eu_cfsp.py", {"lang": "sr-Latn", "topics": ["Russia sanctions"]})
    assert any("'Russia sanctions'" in i for i in texts(at, "info"))


@pytest.mark.parametrize(
    ("lang", "heading", "basis"),
    [
        ("en", "Aggregation and weights", "West and 1 East deals"),
        ("sr-Latn", "Sabiranje i ponderi", "ugovori sa Zapadom 0, sa Istokom 1"),
        ("sr-Cyrl", "Сабирање и пондери", "уговори са Западом 0, са Истоком 1"),
    ],
)
def test_the_method_text_and_what_the_index_rests_on_follow_the_language(monkeypatch, db, lang, heading, basis):
    at = open_app(monkeypatch, db, "app_pages/method.py", {"lang": lang})
    text = " ".join(texts(at, "markdown"))
    assert heading in text
    file = "docs/method.md" if lang == "en" else "docs/method.sr.md"
    assert any(file in c for c in texts(at, "caption"))
    (worked,) = (d.value for d in at.dataframe)
    rests_on = " ".join(worked[worked.columns[-1]])
    assert basis in rests_on


def test_the_data_dictionary_is_shown_in_the_readers_language(monkeypatch, db):
    at = open_app(monkeypatch, db, "app_pages/data_sources.py", {"lang": "sr-Latn", "table": "eu_statements"})
    (dictionary,) = (d.value for d in at.dataframe if "note" in d.value.columns)
    notes = dict(zip(dictionary["column"], dictionary["note"]))
    assert notes["kind"] == "oblik izjave" and notes["institution"] == "ko je govorio u ime EU"
    rules = dict(zip(dictionary["column"], dictionary["rule"]))
    assert rules["kind"].startswith("jedno od: annual report, resolution")  # the stored values, as in the data
    assert any(c.startswith("Šta su institucije i države članice EU") for c in texts(at, "caption"))
