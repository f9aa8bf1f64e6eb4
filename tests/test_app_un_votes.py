"""UN votes page: agreement per partner panel, the measure toggle, the key votes table, escaping, URL state."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.apptest import empty_copy, open_app, rerun, texts
from tests.figures import figures

PAGE = "app_pages/un_votes.py"


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, page=PAGE, query=query)


def _panels(at) -> dict[str, dict[str, list]]:
    """{panel title: {line name: values}} from the single agreement chart (the None that breaks a line where a
    year has no figure left out)."""
    figs = figures(at)
    assert len(figs) == 1, f"expected one chart, found {len(figs)}"
    fig = figs[0]
    titles = {}
    for a in fig["layout"]["annotations"]:  # subplot titles, anchored to their panel's x axis domain
        titles[round(a["x"], 2), round(a["y"], 2)] = a["text"]
    panels: dict[str, dict[str, list]] = {}
    for t in fig["data"]:
        xaxis = fig["layout"]["xaxis" + t["xaxis"][1:]]
        yaxis = fig["layout"]["yaxis" + t["yaxis"][1:]]
        key = (round(sum(xaxis["domain"]) / 2, 2), round(yaxis["domain"][1], 2))
        title = next(v for (x, y), v in titles.items() if x == key[0] and abs(y - key[1]) < 0.05)
        panels.setdefault(title, {})[t["name"]] = [v for v in t["y"] if v is not None]  # gaps: test_gaps_...
    return panels


def _votes(at) -> pd.DataFrame:
    frames = at.dataframe
    assert len(frames) == 1, f"expected one table, found {len(frames)}"
    return frames[0].value.set_index("resolution")


def test_default_view_has_a_panel_per_partner_and_the_key_votes(app):
    at = app()
    panels = _panels(at)
    assert list(panels) == ["with Russia", "with China", "with United States", "with the EU majority"]
    # calendar years and UNGA sessions are lines of their own (fixture: one session row, 2022)
    assert panels["with Russia"] == {
        "Serbia": [70.0, 65.0, 69.0],
        "Serbia (UNGA session)": [54.0],
        "Montenegro": [50.0, 45.0],
    }
    assert panels["with China"] == {"Serbia": [80.0, 75.0]}
    assert panels["with the EU majority"]["Montenegro"] == [97.0, 99.0]
    votes = _votes(at)
    assert list(votes.index) == ["A/RES/ES-11/4", "A/RES/ES-11/1", "A/RES/68/262"]  # newest first
    assert votes.loc["A/RES/ES-11/1", ["Serbia", "Russia", "China", "United States", "Montenegro"]].tolist() == [
        "yes",
        "no",
        "abstain",
        "yes",
        "yes",
    ]
    assert votes.loc["A/RES/ES-11/1", "EU majority"] == "yes (2 of 2 recorded)"
    assert votes.loc["A/RES/ES-11/4", "EU majority"].startswith("split")  # Germany yes, France abstain
    assert votes.loc["A/RES/68/262", "Serbia"] == "absent"
    assert votes.loc["A/RES/ES-11/1", ["yes", "no", "abstain"]].tolist() == [141, 5, 35]
    assert votes.loc["A/RES/ES-11/1", "source"] == "https://example.org/b"
    assert at.get("plotly_chart")[0].proto.alt.startswith("Line charts, one panel per partner")


def test_measure_toggle_switches_to_the_abstain_aware_scores(app):
    at = app()
    at.radio(key="measure").set_value("Abstain-aware")
    panels = _panels(rerun(at))
    assert panels["with Russia"]["Serbia"] == [80.0, 75.0, 78.0]
    assert "Serbia (UNGA session)" not in panels["with Russia"]  # Voeten's scores have no abstain-aware figure
    assert panels["with China"] == {"Serbia": [85.0]}  # 2021 has no abstain-aware figure: left out, not zero
    assert figures(at)[0]["layout"]["title"]["text"].endswith("(abstain-aware)")


def test_measure_from_the_url(app):
    at = app(measure="Abstain-aware")
    assert at.radio(key="measure").value == "Abstain-aware"
    assert _panels(at)["with United States"]["Serbia"] == [40.0, 45.0]


def test_compare_and_partner_filters_change_lines_and_vote_columns(app):
    at = app()
    at.multiselect(key="compare").set_value([])
    at.multiselect(key="partners").set_value(["DEU", "RUS"])
    rerun(at)
    assert _panels(at) == {"with Russia": {"Serbia": [70.0, 65.0, 69.0], "Serbia (UNGA session)": [54.0]}}
    votes = _votes(at)
    assert [c for c in votes.columns if c in ("Serbia", "Germany", "Russia", "China", "Montenegro", "EU majority")] == [
        "Serbia",
        "Germany",
        "Russia",
    ]
    assert votes.loc["A/RES/ES-11/4", "Germany"] == "yes"


def test_year_filter_narrows_the_key_votes(app):
    at = app(years=["2020", "2025"])
    assert list(_votes(at).index) == ["A/RES/ES-11/4", "A/RES/ES-11/1"]
    assert _panels(at)["with Russia"]["Serbia"] == [65.0, 69.0]


def test_countries_without_a_recorded_vote_get_no_column(app):
    at = app(years=["2014", "2015"])  # only the 2014 vote, on which neither candidate's vote is recorded
    votes = _votes(at)
    assert list(votes.index) == ["A/RES/68/262"]
    assert "Montenegro" not in votes.columns and "North Macedonia" not in votes.columns
    assert any("No vote recorded for Montenegro, North Macedonia" in c for c in texts(at, "caption"))


def test_bad_url_parameters_are_ignored_with_a_note(app):
    at = app(measure="Loudest", blocs=["Purple"], compare=["Atlantis"])
    notes = " ".join(texts(at, "info"))
    assert "unknown measure 'Loudest' ignored" in notes
    assert "'Purple'" in notes and "'Atlantis'" in notes
    assert at.radio(key="measure").value == "Same vote"
    assert _panels(at)["with Russia"]["Serbia"] == [70.0, 65.0, 69.0]


def test_years_without_votes_show_the_empty_state(app):
    at = app(years=["2012", "2013"])
    assert not at.get("plotly_chart") and not at.dataframe
    notes = texts(at, "info")
    assert any("no data for these filters" in n for n in notes)
    assert any(n.startswith("No key votes recorded for these filters") for n in notes)


def test_titles_from_the_data_stay_text(app):
    at = app()
    title = "<img src=x onerror=alert(1)> [trap](javascript:alert(1))"
    assert _votes(at).loc["A/RES/ES-11/4", "title"] == title  # a table cell shows it as plain text
    shown = "\n".join(texts(at, "markdown"))
    assert "<img" not in shown and "](javascript" not in shown
    assert "&lt;img src\\=x onerror\\=alert\\(1\\)&gt; \\[trap\\]\\(javascript\\:alert\\(1\\)\\)" in shown
    assert "[&lt;b&gt;bold&lt;/b&gt; \\[trap\\]\\(javascript\\:alert\\(1\\)\\)](https://example.org/evil)" in shown


def test_key_votes_csv_has_the_rows_shown_and_their_sources(monkeypatch, fixture_db):
    from dashboard.components import export
    from dashboard.components.filters import Filters
    from dashboard.views import un_key_votes

    monkeypatch.setenv("ALIGNMENT_DB", str(fixture_db))
    f = Filters(2020, 2025, compared=("MNE",))
    kv = un_key_votes.key_votes(f)
    raw = export.csv_bytes(kv.table, "Key votes", f.describe(), kv.cited).decode()
    assert "# Source: Fixture source B — Fixture Publisher <https://example.org/b>" in raw
    back = pd.read_csv(io.StringIO(raw), comment="#")
    assert back["resolution"].tolist() == ["A/RES/ES-11/4", "A/RES/ES-11/1"]
    assert back["Montenegro"].tolist() == [un_key_votes.NOT_RECORDED, "yes"]


def test_empty_database_loads_without_error(monkeypatch, tmp_path):
    from dashboard.pipeline.build import build
    from tests.conftest import FIXTURE

    out = tmp_path / "empty.duckdb"
    build(empty_copy(FIXTURE, tmp_path / "data"), out)
    at = open_app(monkeypatch, out, page=PAGE)
    assert not at.get("plotly_chart") and not at.dataframe
    assert any(n.startswith("No key votes recorded") for n in texts(at, "info"))


def test_a_line_never_bridges_years_without_a_figure_nor_joins_two_year_bases(app):
    fig = figures(app())[0]
    serbia = {t["name"]: t for t in fig["data"] if t["name"].startswith("Serbia") and t["xaxis"] == "x"}
    calendar, session = serbia["Serbia"], serbia["Serbia (UNGA session)"]
    # fixture years 2019, 2021, 2025 (calendar) and 2022 (session): a None between years more than one apart
    assert calendar["x"] == [2019, None, 2021, None, 2025]
    assert session["x"] == [2022] and session["line"]["dash"] == "dot"
    assert calendar["customdata"][1] == -1  # a gap maps to no row
