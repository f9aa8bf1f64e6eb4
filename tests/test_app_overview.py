"""Overview page: headline figures, the East/West chart with rates and milestones, filters and the URL."""

from __future__ import annotations

import pytest

from dashboard.components.timeline import break_gaps
from dashboard.pipeline.build import build
from tests.apptest import empty_database, figures_by_key, open_app, rerun, shown, sum_by, texts, traces
from tests.conftest import fixture_table


def only_figure(at):
    """The activity chart (the index chart above it has its own tests)."""
    return figures_by_key(at)["overview"]


@pytest.fixture
def app(monkeypatch, fixture_db):
    return lambda **query: open_app(monkeypatch, fixture_db, query=query)


def test_default_view_has_bars_lines_milestones_and_headlines(app):
    at = app()
    fig = only_figure(at)
    # fixture: East = 2 arms deals + 1 exercise with China; West = 1 EU event (the 3 EU statements are the EU's
    # view of Serbia, not Serbia's activity: issue 9 took them out of the West count)
    assert sum_by(fig, "legendgroup") == {"West": 1, "East": -3}
    assert not any("EU statements" in (t.get("name") or "") for t in fig["data"])
    lines = traces(fig, "scatter")
    # fixture: ISAC Fund rates for 2019 and 2021, one Commission report, UN agreement with Russia and the EU
    assert lines["CFSP alignment (ISAC Fund)"]["y"] == [57.0, None, 64.0]  # 2020 has no figure: the line breaks
    assert lines["CFSP alignment (Other)"]["mode"] == "markers"  # different speakers: not one series
    assert lines["CFSP alignment (European Commission)"]["y"] == [51.0]
    # a half-year figure is its own line, never joined to the calendar years
    assert lines["CFSP alignment (ISAC Fund, half-years)"]["y"] == [53.0]
    # UN agreement: one line per year basis, broken where a year has no figure (never drawn across a gap)
    un = fixture_table("un_agreement").fillna({"year_basis": "calendar"})
    russia = un[(un.country_iso3 == "SRB") & (un.partner == "RUS")].sort_values("year")
    calendar, session = (russia[russia.year_basis == b] for b in ("calendar", "session"))
    expected = break_gaps(calendar.year.to_list(), [round(100 * a, 1) for a in calendar.agreement])[0]
    assert None in expected  # the fixture has a gap in its calendar years
    assert lines["UN votes: agrees with Russia"]["y"] == expected
    assert lines["UN votes: agrees with Russia (UNGA sessions)"]["y"] == [round(100 * a, 1) for a in session.agreement]
    assert lines["UN votes: agrees with European Union"]["y"] == [60.0, None, 72.0]
    assert lines["Milestones"]["text"] == ["Fixture event", "Fixture moratorium on…"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Latest CFSP alignment"] == "51%"  # the Commission's report ends last (2023-08-31)
    assert "European Commission, period 2023 report" in texts(at, "caption")
    assert metrics["Arms deliveries, East / West"] == "100% / 0%"
    assert "Share of 2 deals; by SIPRI TIV (known for 1): 100% / 0%" in texts(at, "caption")
    assert metrics["Exercises with East / West"] == "1 / 0"
    charts = at.get("plotly_chart")
    assert charts[0].proto.alt.startswith("East–West index")  # the headline: the index with its band
    assert charts[1].proto.alt.startswith("Serbia's activity with East and West")


def test_partner_filter_changes_bars_and_lines(app):
    at = app()
    at.multiselect(key="partners").set_value(["RUS"])
    fig = only_figure(rerun(at))
    assert sum_by(fig, "legendgroup") == {"East": -1}  # the 2017 Russian deal only
    lines = traces(fig, "scatter")
    # CFSP follows the EU, not Russia; the UN session scores are a line of their own
    assert set(lines) == {"UN votes: agrees with Russia", "UN votes: agrees with Russia (UNGA sessions)", "Milestones"}
    assert lines["Milestones"]["text"] == ["Fixture moratorium on…"]  # partnerless events always show


def test_bloc_filter_keeps_only_west(app):
    at = app()
    at.pills(key="blocs").set_value(["West"])
    fig = only_figure(rerun(at))
    assert sum_by(fig, "legendgroup") == {"West": 1}  # the EU event; EU statements are not counted
    assert "UN votes: agrees with Russia" not in traces(fig)
    assert {m.label: m.value for m in at.metric}["Arms deliveries, East / West"] == "—"


def test_url_parameters_set_the_filters(app):
    at = app(years=["2018", "2023"], partners=["China"])
    assert at.slider(key="years").value == (2018, 2023)
    assert sum_by(only_figure(at), "legendgroup") == {"East": -1}  # the 2020 Chinese order
    assert not at.info


def test_bad_url_parameters_are_ignored_with_a_note(app):
    at = app(years=["soon"], partners=["Narnia", "China"], blocs=["Purple"])
    notes = shown(" ".join(texts(at, "info")))
    assert "years=soon is not a pair of years" in notes
    assert "'Narnia'" in notes and "'Purple'" in notes
    assert at.multiselect(key="partners").value == ["CHN"]  # the usable value is kept
    assert sum_by(only_figure(at), "legendgroup") == {"East": -2}  # Chinese deal and drill, all years


def test_url_values_are_shown_escaped(app):
    """A crafted link cannot put a live link or markup into the page's note."""
    at = app(partners=["[x](javascript:alert(1)) **bold** <b>"])
    notes = " ".join(texts(at, "info"))
    assert "](" not in notes and "**" not in notes and "<b>" not in notes
    assert "[x](javascript:alert(1)) **bold** &lt;b&gt;" in shown(notes)


def test_a_later_low_confidence_rate_does_not_displace_the_published_one(monkeypatch, data_dir, tmp_path):
    with (data_dir / "curated" / "cfsp_alignment.csv").open("a", encoding="utf-8") as f:
        f.write("c-oral,SRB,Other,March 2024 (oral *remark*),2024-03-01,2024-03-31,70,,,low,\n")
    with (data_dir / "curated" / "fact_sources.csv").open("a", encoding="utf-8") as f:
        f.write("cfsp_alignment,c-oral,src-a,an oral remark\n")
    db = tmp_path / "oral.duckdb"
    build(data_dir, db)
    at = open_app(monkeypatch, db)
    assert {m.label: m.value for m in at.metric}["Latest CFSP alignment"] == "51%"  # the Commission's, not 70%
    caption = next(c for c in texts(at, "caption") if "low confidence" in c)
    assert shown(caption) == (
        "European Commission, period 2023 report; a later figure of low confidence: 70% (Other, March 2024 (oral "
        "*remark*))"
    )
    assert r"\*remark\*" in caption  # the data's text is escaped, never read as Markdown


def test_years_without_facts_show_the_empty_state(app):
    at = app(years=["2013", "2014"])
    assert not at.get("plotly_chart")
    assert any("no data for these filters" in i for i in texts(at, "info"))
    assert {m.label: m.value for m in at.metric}["Latest CFSP alignment"] == "—"


def test_empty_database_loads_without_error(monkeypatch, tmp_path):
    at = open_app(monkeypatch, empty_database(tmp_path))
    assert not at.get("plotly_chart")
    assert any("no data for these filters" in i for i in texts(at, "info"))
    assert "No facts for these filters." in texts(at, "info")
