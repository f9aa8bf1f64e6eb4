"""Text from the data in the reader's language: Serbian sessions see the curated Serbian titles and names
(Cyrillic derived), with the original beside them; excerpts stay quotes, the project's translation marked.

Expected values are read from the fixture CSVs, so a changed fixture row changes the expectation with it."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboard.i18n import catalog
from dashboard.i18n.script import to_cyrillic
from dashboard.schema.row_models import row_model
from dashboard.schema.tables import BY_NAME
from dashboard.style.text import md_escape, plotly_escape
from tests.apptest import open_app, texts
from tests.conftest import fixture_table
from tests.figures import figures_by_key

SERBIAN = {"sr-Latn": lambda s: s, "sr-Cyrl": to_cyrillic}


@pytest.fixture
def db(fixture_db, tmp_path):
    """A fresh copy of the fixture database, so no figure cached in another language is reused."""
    target = tmp_path / "data-text.duckdb"
    shutil.copy(fixture_db, target)
    return target


def _row(table: str, key: str, value: str):
    t = fixture_table(table)
    return t[t[key] == value].iloc[0]


@pytest.mark.parametrize("lang", list(SERBIAN))
def test_exercise_names_are_serbian_on_the_timeline_and_the_map(monkeypatch, db, lang):
    x1 = _row("exercises", "exercise_id", "x1")
    at = open_app(monkeypatch, db, "app_pages/exercises.py", {"lang": lang})
    figs = figures_by_key(at)
    expected = SERBIAN[lang](x1["name_sr"])
    assert expected != x1["name"]
    for key in ("exercise_timeline", "exercise_map"):
        names = [c[1] for t in figs[key]["data"] for c in t.get("customdata") or [] if isinstance(c, list)]
        assert expected in names and x1["name"] not in names, key


def test_english_sessions_keep_the_english_names(monkeypatch, db):
    x1 = _row("exercises", "exercise_id", "x1")
    at = open_app(monkeypatch, db, "app_pages/exercises.py", {"lang": "en"})
    hover = json.dumps(figures_by_key(at)["exercise_timeline"]["data"], ensure_ascii=False)
    assert x1["name"] in hover and x1["name_sr"] not in hover


@pytest.mark.parametrize("lang", list(SERBIAN))
def test_milestones_and_suspension_periods_carry_the_serbian_titles(monkeypatch, db, lang):
    events = fixture_table("events")
    at = open_app(monkeypatch, db, None, {"lang": lang, "years": ["2010", "2025"]})
    fig = figures_by_key(at)["overview"]
    milestones = next(t for t in fig["data"] if t.get("name") == catalog.translations(lang).gettext("Milestones"))
    hover = " ".join(milestones["hovertext"])
    for _, e in events.iterrows():
        assert SERBIAN[lang](e["title_sr"]) in hover and e["title"] not in hover
    suspension = events[events["kind"] == "exercise-suspension"].iloc[0]
    at = open_app(monkeypatch, db, "app_pages/exercises.py", {"lang": lang, "years": ["2010", "2025"]})
    labels = [a["text"] for a in figures_by_key(at)["exercise_timeline"]["layout"]["annotations"]]
    assert any(SERBIAN[lang](suspension["title_sr"]).startswith(label.rstrip("…")) for label in labels), labels


@pytest.mark.parametrize("lang", list(SERBIAN))
def test_un_vote_titles_are_serbian_with_the_original_beside_them(monkeypatch, db, lang):
    resolution = _row("un_resolutions", "resolution_id", "A/RES/ES-11/1")
    at = open_app(monkeypatch, db, "app_pages/un_votes.py", {"lang": lang})
    table = at.dataframe[0].value.set_index("resolution")
    assert table.loc["A/RES/ES-11/1", "title"] == SERBIAN[lang](resolution["title_sr"])
    assert table.loc["A/RES/ES-11/1", "title_original"] == resolution["title"]
    # a title from the data stays text in Serbian too: escaped where it is Markdown
    assert "<img" not in "\n".join(texts(at, "markdown"))


@pytest.mark.parametrize("lang", list(SERBIAN))
def test_english_excerpts_get_the_projects_serbian_translation_marked_as_ours(monkeypatch, db, lang):
    s1 = _row("eu_statements", "statement_id", "s1")
    at = open_app(monkeypatch, db, "app_pages/eu_cfsp.py", {"lang": lang})
    script = SERBIAN[lang]
    listed = next(m for m in texts(at, "markdown") if "Fixture neutral remark" in m)
    assert md_escape(s1["excerpt"]) in listed  # the quote as spoken
    assert f"{script('*Naš prevod')} (en → sr):* {md_escape(script(s1['excerpt_sr']))}" in listed
    # a Serbian excerpt needs no translation for a Serbian reader: its English rendering is not offered
    assert md_escape(_row("eu_statements", "statement_id", "p-s-neutral")["excerpt_en"]) not in listed
    hover = " ".join(h for t in figures_by_key(at)["eu_statements"]["data"] for h in t["hovertext"])
    assert f"{script('Naš prevod:')}</i> {plotly_escape(script(s1['excerpt_sr']))}" in hover


def test_a_serbian_excerpt_needs_no_serbian_translation_but_any_other_does():
    model = row_model(BY_NAME["eu_statements"])
    row = {c: None for c in BY_NAME["eu_statements"].column_names}
    row |= {
        "statement_id": "s",
        "date": "2024-01-01",
        "institution": "European Commission",
        "kind": "statement",
        "topic": "other",
        "stance": "0",
        "excerpt": "x",
        "confidence": "low",
    }
    model.model_validate(row | {"excerpt_language": "sr"})
    for language in ("en", "hr", None):
        with pytest.raises(ValueError, match="required unless excerpt_language is sr"):
            model.model_validate(row | {"excerpt_language": language})
    model.model_validate(row | {"excerpt_language": "hr", "excerpt_sr": "prevod"})


@pytest.mark.parametrize("lang", ["en", *SERBIAN])
def test_the_facts_behind_a_point_show_the_serbian_title_beside_the_original_line(monkeypatch, db, lang):
    from dashboard.components.chart_panel import fact_lines
    from dashboard.i18n.catalog import using

    monkeypatch.setenv("ALIGNMENT_DB", str(db))
    e2 = _row("events", "event_id", "e2")
    with using(lang):
        ((line, _sources),) = fact_lines(("events:e2",))
    assert md_escape(f"{e2['title']} — {e2['description']}") in line  # the original record line stays
    serbian = f"{e2['title_sr']} — {e2['description_sr']}"
    if lang in SERBIAN:
        assert md_escape(SERBIAN[lang](serbian)) in line
    else:
        assert md_escape(e2["title_sr"]) not in line
