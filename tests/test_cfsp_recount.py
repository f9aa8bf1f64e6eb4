"""Individual High Representative declarations (cfsp_declarations, cfsp_declaration_alignment), our recount of
the alignment rate from them (cfsp_recomputed) and its place on the EU & CFSP page beside the published rates."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.pipeline.build import main
from tests.apptest import open_app, texts
from tests.conftest import fixture_table

PAGE = "app_pages/eu_cfsp.py"


def _recount(db) -> dict[tuple[str, int], dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        d = con.execute("SELECT * FROM cfsp_recomputed").df()
    finally:
        con.close()
    return {(r["country_iso3"], int(r["year"])): r for r in d.to_dict("records")}


def _expected(iso3: str, year: int) -> tuple[int, int]:
    """Declarations recorded for a country in a year, and how many it joined, counted from the fixture CSVs."""
    decls = fixture_table("cfsp_declarations")
    years = dict(zip(decls["declaration_id"], decls["date"].astype(str).str[:4].astype(int)))
    rows = fixture_table("cfsp_declaration_alignment")
    rows = rows[(rows["country_iso3"] == iso3) & (rows["declaration_id"].map(years) == year)]
    return len(rows), int(rows["aligned"].astype(str).str.lower().eq("true").sum())


def test_recount_counts_the_recorded_declarations_per_country_and_year(fixture_db):
    recount = _recount(fixture_db)
    for (iso3, year), row in recount.items():
        covered, aligned = _expected(iso3, year)
        assert (row["declarations_covered"], row["declarations_aligned"]) == (covered, aligned)
        assert row["rate_pct"] == pytest.approx(100 * aligned / covered, abs=0.05)
    assert recount[("SRB", 2019)]["declarations_covered"] == 3 and recount[("SRB", 2019)]["declarations_aligned"] == 2
    assert recount[("SRB", 2021)]["rate_pct"] == 0  # the one declaration of 2021 was not joined


def test_coverage_is_measured_against_the_published_total_and_stays_empty_without_one(fixture_db):
    totals = fixture_table("reported_totals")
    published = totals[totals["measure"] == "cfsp_declarations"].iloc[0]
    row = _recount(fixture_db)[("SRB", int(published["year"]))]
    assert row["published_total"] == published["n"] and row["published_source_id"] == published["source_id"]
    assert row["coverage_pct"] == pytest.approx(100 * row["declarations_covered"] / published["n"], abs=0.05)
    no_total = _recount(fixture_db)[("SRB", 2021)]
    assert no_total["published_total"] is None or no_total["published_total"] != no_total["published_total"]
    assert no_total["coverage_pct"] != no_total["coverage_pct"]  # NaN: no published total for 2021


def test_alignment_with_an_unknown_declaration_is_refused(data_dir, tmp_path, capsys):
    path = data_dir / "curated" / "cfsp_declaration_alignment.csv"
    path.write_text(path.read_text(encoding="utf-8") + "d-nowhere,SRB,true,\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    code = main(["--data", str(data_dir), "--out", str(tmp_path / "x.duckdb")])
    err = capsys.readouterr().err
    assert code != 0
    assert f"curated/cfsp_declaration_alignment.csv:{line}: declaration_id" in err, err


def test_a_declaration_without_a_source_is_reported(data_dir, tmp_path, capsys):
    path = data_dir / "curated" / "fact_sources.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cfsp_declarations,d-2021-belarus,src-b,\n", ""), encoding="utf-8")
    code = main(["--data", str(data_dir), "--out", str(tmp_path / "x.duckdb")])
    err = capsys.readouterr().err
    assert code != 0 and "cfsp_declarations.csv" in err and "cites no source" in err, err


def _recount_table(at):
    tables = [t.value for t in at.dataframe if "declarations_covered" in t.value.columns]
    assert len(tables) <= 1
    return tables[0] if tables else None


def test_page_shows_our_recount_beside_the_published_figures_with_its_coverage(monkeypatch, fixture_db):
    at = open_app(monkeypatch, fixture_db, PAGE, {})
    table = _recount_table(at)
    serbia = table[(table["country"] == "Serbia") & (table["year"] == 2019)].iloc[0]
    assert (serbia["declarations_covered"], serbia["declarations_aligned"]) == (3, 2)
    assert "ISAC Fund 57% (2019)" in serbia["published_rates"]  # the calendar-year figure of the same year
    assert serbia["coverage_pct"] == pytest.approx(3.3, abs=0.05)
    captions = " ".join(texts(at, "caption"))
    assert "not a random sample" in captions
    assert "rests on 4 individual declarations" in captions and "2019 3.3% (3/91)" in captions


def test_recount_follows_the_year_and_partner_filters(monkeypatch, fixture_db):
    at = open_app(monkeypatch, fixture_db, PAGE, {"years": ["2020", "2025"]})
    assert set(_recount_table(at)["year"]) == {2021}
    at = open_app(monkeypatch, fixture_db, PAGE, {"partners": ["Russia"]})
    assert _recount_table(at) is None
    assert any("No individual declarations recorded" in n for n in texts(at, "info"))


def test_serbia_comes_first_in_the_recount_table(monkeypatch, fixture_db):
    table = _recount_table(open_app(monkeypatch, fixture_db, PAGE, {}))
    assert list(table["country"])[:2] == ["Serbia", "Serbia"] and list(table["year"])[:2] == [2019, 2021]
    assert "Montenegro" in set(table["country"])
