"""EU & CFSP page: one CFSP line per issuer, compared candidates, statements by stance, escaping, URL state."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.apptest import empty_copy, open_app, rerun, shown, texts
from tests.figures import figures, figures_by_key

PAGE = "app_pages/eu_cfsp.py"


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, page=PAGE, query=query)


def _charts(at) -> dict[str, dict]:
    """The page's figures by their title."""
    return figures_by_key(at)


def _cfsp(at) -> dict | None:
    return _charts(at).get("cfsp_rate")


def _statements(at) -> dict | None:
    return _charts(at).get("eu_statements")


def _lines(fig: dict) -> dict[str, dict]:
    """The rate lines (through period midpoints) by name; the period bars are the unlisted traces."""
    return {t["name"]: t for t in fig["data"] if t.get("showlegend") is not False}


def _bars(fig: dict) -> dict[str, dict]:
    return {t["name"]: t for t in fig["data"] if t.get("showlegend") is False}


def test_each_issuer_keeps_its_own_line_with_periods_as_bars(app):
    at = app()
    fig = _cfsp(at)
    lines = _lines(fig)
    # fixture: ISAC 2019 and 2021 (a year apart: not joined), an ISAC half-year, the Commission's 2023 report,
    # an 'Other' figure; Montenegro and North Macedonia are compared by default
    assert set(lines) == {
        "Serbia · ISAC Fund",
        "Serbia · ISAC Fund, half-years",
        "Serbia · European Commission",
        "Serbia · Other",
        "Montenegro · ISAC Fund",
        "North Macedonia · ISAC Fund",
    }
    assert lines["Serbia · ISAC Fund"]["y"] == [57.0, None, 64.0]
    assert lines["Serbia · ISAC Fund, half-years"]["y"] == [53.0]
    # oral and unattributed figures come from different speakers: points, never a line through them
    assert lines["Serbia · Other"]["mode"] == "markers" and lines["Serbia · ISAC Fund"]["mode"] == "lines+markers"
    commission = lines["Serbia · European Commission"]
    start, end = pd.Timestamp("2022-09-01"), pd.Timestamp("2023-08-31")
    assert pd.Timestamp(commission["x"][0]) == start + (end - start) / 2  # the point sits mid-period
    assert "2023 report" in commission["hovertext"][0] and "2022-09-01 – 2023-08-31" in commission["hovertext"][0]
    bar = _bars(fig)["Serbia · European Commission"]
    assert [pd.Timestamp(x) for x in bar["x"][:2]] == [start, end]
    assert bar["y"][:2] == [51.0, 51.0]
    alt = at.get("plotly_chart")[0].proto.alt
    assert alt.startswith("Line chart. CFSP alignment") and "Serbia per ISAC Fund" in alt


def test_compared_countries_follow_the_filter(app):
    at = app()
    at.multiselect(key="compare").set_value(["MKD"])
    names = set(_lines(_cfsp(rerun(at))))
    assert "North Macedonia · ISAC Fund" in names and "Montenegro · ISAC Fund" not in names
    at.multiselect(key="compare").set_value([])
    assert {n.split(" · ")[0] for n in _lines(_cfsp(rerun(at)))} == {"Serbia"}


def test_year_filter_narrows_rates_and_statements(app):
    at = app(years=["2020", "2025"])
    lines = _lines(_cfsp(at))
    assert lines["Serbia · ISAC Fund"]["y"] == [64.0]
    assert "Serbia · Other" not in lines  # 2015
    stances = {t["name"]: t["y"] for t in _statements(at)["data"]}
    assert stances == {"−1 critical": [-1], "+2 clearly approving": [2]}  # the 2016 statement is left out


def test_topic_filter_changes_the_statement_timeline(app):
    at = app()
    assert sum(len(t["y"]) for t in _statements(at)["data"]) == 3
    at.multiselect(key="topics").set_value(["Russia sanctions"])
    fig = _statements(rerun(at))
    assert [(t["name"], t["y"]) for t in fig["data"]] == [("0 neutral or mixed", [0])]
    assert _cfsp(at) is not None  # the rate chart does not depend on the topics


def test_stance_colours_follow_the_diverging_scale(app):
    from dashboard.style.theme import STANCE_COLOURS

    fig = _statements(app())
    colours = {t["y"][0]: t["marker"]["color"] for t in fig["data"]}
    assert colours == {s: STANCE_COLOURS[s] for s in colours}
    assert len(set(STANCE_COLOURS.values())) == 5


def test_partner_filter_without_the_eu_empties_both_charts(app):
    at = app(partners=["Russia"])
    assert not figures(at)
    notes = texts(at, "info")
    assert sum("no data for these filters" in n for n in notes) == 2


def test_bad_url_parameters_are_ignored_with_a_note(app):
    at = app(topics=["Nonsense"], compare=["Atlantis"], years=["later"])
    notes = shown(" ".join(texts(at, "info")))
    assert "unknown topics 'Nonsense' ignored" in notes
    assert "'Atlantis'" in notes and "years=later is not a pair of years" in notes
    assert at.multiselect(key="topics").value == []
    assert _cfsp(at) is not None and _statements(at) is not None


def test_years_without_data_show_the_empty_state(app):
    at = app(years=["2012", "2013"])
    assert not at.get("plotly_chart")
    assert sum("no data for these filters" in n for n in texts(at, "info")) == 2


def test_excerpts_and_sources_are_shown_escaped(app):
    at = app()
    shown = "\n".join(texts(at, "markdown") + texts(at, "caption"))
    assert "<script>" not in shown and "<i>" not in shown and "<b>" not in shown
    assert "](javascript" not in shown  # no link can be formed from the data
    assert (
        "&lt;script&gt;alert\\(1\\)&lt;/script&gt; and \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*\\*bold\\*\\*" in shown
    )
    assert "&lt;i&gt;Speaker&lt;/i&gt;" in shown
    hover = " ".join(h for t in _statements(at)["data"] for h in t["hovertext"])
    assert "<script>" not in hover and "&lt;script&gt;" in hover and "&lt;i&gt;Speaker" in hover


def test_each_statement_lists_its_source_and_the_codebook_is_at_hand(app):
    at = app()
    listed = next(m for m in texts(at, "markdown") if "Fixture neutral remark" in m)  # the statements, newest first
    assert listed.index("**2024-10-30**") < listed.index("**2020-05-04**") < listed.index("**2016-06-01**")
    assert "Source: [Fixture source A](https://example.org/a) — Fixture Publisher" in listed
    assert "(https://example.org/evil)" in listed and "“&lt;script&gt;alert\\(2\\)" in listed
    assert any("Stance codebook" in m for m in texts(at, "markdown"))  # the codebook itself, in its expander
    assert any("−2 sharply critical" in c and "+2 clearly approving" in c for c in texts(at, "caption"))


def test_empty_database_loads_without_error(monkeypatch, tmp_path):
    from dashboard.pipeline.build import build
    from tests.conftest import FIXTURE

    out = tmp_path / "empty.duckdb"
    build(empty_copy(FIXTURE, tmp_path / "data"), out)
    at = open_app(monkeypatch, out, page=PAGE)
    assert not at.get("plotly_chart")
    assert sum("no data for these filters" in n for n in texts(at, "info")) == 2


def test_a_translated_excerpt_shows_its_translation_marked_as_ours_and_escaped(app):
    at = app()
    listed = next(m for m in texts(at, "markdown") if "Fixture neutral remark" in m)
    assert "*Our translation (sr → en):* Fixture &lt;b&gt;translation&lt;/b&gt; \\*of it\\*" in listed
    hover = " ".join(h for t in _statements(at)["data"] for h in t["hovertext"])
    assert "Our translation:</i> Fixture &lt;b&gt;translation" in hover
