"""UN General Assembly votes: reading both upstream forms, the agreement SQL, writing the curated CSVs, and the
curated key-vote data itself."""

from __future__ import annotations

import csv
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from dashboard.importers import unvotes
from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.paths import DATA_DIR
from dashboard.pipeline.build import build
from dashboard.pipeline.problems import DataError
from tests.conftest import FIXTURE, SHARED_SOURCES

HERE = Path(__file__).resolve().parent / "fixtures" / "unvotes"
UNDL = HERE / "undl_long.csv"
EU4 = ["DEU", "FRA", "ITA", "AUT"]  # the EU members in the fixtures


@pytest.fixture(scope="module")
def names() -> CountryNames:
    return unvotes.country_names()


def _table(frame) -> dict[tuple[int, str, str], tuple[float, float, int]]:
    return {
        (r.year, r.country_iso3, r.partner): (r.agreement, r.agreement_abstain_aware, r.n_votes)
        for r in frame.itertuples()
    }


def _agreement(data, **kw):
    return _table(unvotes.agreement(unvotes.load(data), ["SRB"], ["RUS", "USA", "EU"], EU4, 2010, 2011, **kw))


def _copy_with(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {source.name}"
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


# ---------------------------------------------------------------- agreement against a hand computation


def test_agreement_matches_hand_computation(names):
    # Roll calls of the fixture, Serbia's vote first (A = abstain, - = did not vote):
    #   2010-10-01  SRB Y  RUS Y  USA N  EU Y (3 of 4 yes)
    #   2010-11-01  SRB A  RUS N  USA Y  EU tie (2 yes, 2 abstain) -> no EU position
    #   2010-12-01  SRB N  RUS N  USA -  EU A (2 abstain, 1 no, 1 absent)
    #   2010-12-15  SRB -  (left out for every partner)
    #   2011-03-01  SRB Y  RUS A  USA N  EU N
    #   2011 (year only)  SRB Y  RUS Y  USA Y  no EU member voted -> no EU position
    got = _agreement(unvotes.read(UNDL, names))
    same, half = Fraction(1), Fraction(1, 2)
    expected = {
        (2010, "SRB", "RUS"): ([same, 0, same], [same, half, same]),
        (2010, "SRB", "USA"): ([0, 0], [0, half]),
        (2010, "SRB", "EU"): ([same, 0], [same, half]),
        (2011, "SRB", "RUS"): ([0, same], [half, same]),
        (2011, "SRB", "USA"): ([0, same], [0, same]),
        (2011, "SRB", "EU"): ([0], [0]),
    }
    assert set(got) == set(expected)
    for key, (plain, aware) in expected.items():
        agreement, abstain_aware, n = got[key]
        assert n == len(plain), key
        assert agreement == pytest.approx(float(sum(plain) / len(plain))), key
        assert abstain_aware == pytest.approx(float(sum(aware) / len(aware))), key


def test_eu_position_follows_members_list(names):
    # with Austria alone as 'the EU' there is no tie on 2010-11-01 (Austria abstained, like Serbia)
    con = unvotes.load(unvotes.read(UNDL, names))
    got = _table(unvotes.agreement(con, ["SRB"], ["EU"], ["AUT"], 2010, 2010))
    assert got[(2010, "SRB", "EU")][2] == 3  # 10-01 (N vs Y), 11-01 (A = A), 12-01 (N = N)
    assert got[(2010, "SRB", "EU")][0] == pytest.approx(2 / 3)


# ---------------------------------------------------------------- the upstream forms


def test_both_upstream_forms_give_the_same_agreement(names):
    undl = unvotes.read(UNDL, names)
    voeten = unvotes.read(HERE / "unvotes_votes.csv", names, roll_calls=HERE / "unvotes_roll_calls.csv")
    assert _agreement(voeten) == _agreement(undl)
    assert len(undl.roll_calls) == len(voeten.roll_calls) == 8


def test_serbia_and_its_predecessors_are_coded_by_date(names):
    undl = unvotes.read(UNDL, names)
    voeten = unvotes.read(HERE / "unvotes_votes.csv", names, roll_calls=HERE / "unvotes_roll_calls.csv")
    assert ("900", "YUG") in undl.votes and ("905", "SRB") in undl.votes  # YUGOSLAVIA 1999, SERBIA AND MONTENEGRO 2005
    assert ("51", "YUG") in voeten.votes and ("55", "SRB") in voeten.votes  # unvotes' YU before and after Feb 2003
    assert undl.votes[("1003", "USA")] == "absent"
    assert undl.roll_calls["1102"].date is None and undl.roll_calls["1102"].year == 2011


def test_map_table_counts_the_united_kingdom_once(names):
    data = unvotes.read(HERE / "map_table.csv", names, resolution="A/RES/ES-11/1", date="2022-03-02")
    votes = {iso3: vote for (_, iso3), vote in data.votes.items()}
    assert votes == {"SRB": "yes", "GBR": "yes", "RUS": "no", "CHN": "abstain", "USA": "yes"}


def test_single_roll_call_file_uses_m49_codes_then_names(names):
    data = unvotes.read(HERE / "single_roll_call.csv", names)
    votes = {iso3: vote for (_, iso3), vote in data.votes.items()}
    assert votes["SDN"] == "abstain"  # 736 is Sudan's code before 2011: found by name
    assert votes["AFG"] == "absent" and votes["SRB"] == "yes"


# ---------------------------------------------------------------- bad input


BAD = {
    "unknown vote code": (
        "1002,A/RES/65/2,2010-11-01,SERBIA,A",
        "1002,A/RES/65/2,2010-11-01,SERBIA,Q",
        "undl_long.csv:13: vote: unknown vote 'Q'",
    ),
    "unknown country": (
        "1001,A/RES/65/1,2010-10-01,GERMANY,Y",
        "1001,A/RES/65/1,2010-10-01,NARNIA,Y",
        "undl_long.csv:9: country: unknown country 'NARNIA'",
    ),
    "bad date": (
        "1003,A/RES/65/3,2010-12-01,SERBIA,N",
        "1003,A/RES/65/3,2010-13-01,SERBIA,N",
        "undl_long.csv:20: date: not a date YYYY-MM-DD or a year (got '2010-13-01')",
    ),
    "missing field": (
        "1004,A/RES/65/4,2010-12-15,AUSTRIA,Y",
        "1004,A/RES/65/4,2010-12-15,AUSTRIA",
        "undl_long.csv:33: (row): 4 fields, expected 5",
    ),
    "two votes of one member": (
        "1101,A/RES/66/1,2011-03-01,ITALY,N",
        "1101,A/RES/66/1,2011-03-01,SERBIA,N",
        "undl_long.csv:39: vote: SRB votes no on roll call 1101 here but yes on line 34",
    ),
    "wrong header": (
        "undl_id,resolution,date,country,vote",
        "id,symbol,date,member,vote",
        "undl_long.csv:1: header: not a known UN votes form",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_file_names_file_and_line(case, names, tmp_path):
    old, new, expected = BAD[case]
    with pytest.raises(DataError) as err:
        unvotes.read(_copy_with(tmp_path, UNDL, old, new), names)
    assert expected in str(err.value)


def test_unvotes_vote_on_unknown_roll_call(names, tmp_path):
    votes = _copy_with(tmp_path, HERE / "unvotes_votes.csv", "72,Russia,RU,yes,2011", "79,Russia,RU,yes,2011")
    with pytest.raises(DataError, match=r"unvotes_votes.csv:39: rcid: roll call '79' is not in unvotes_roll_calls.csv"):
        unvotes.read(votes, names, roll_calls=HERE / "unvotes_roll_calls.csv")


def test_map_table_conflicting_nations(names, tmp_path):
    table = _copy_with(tmp_path, HERE / "map_table.csv", "Scotland,IN FAVOR", "Scotland,AGAINST")
    with pytest.raises(
        DataError, match=r"map_table.csv:4: vote: GBR votes no on roll call A/RES/ES-11/1 here but yes on line 3"
    ):
        unvotes.read(table, names, resolution="A/RES/ES-11/1", date="2022-03-02")


def test_command_reports_problems_and_writes_nothing(tmp_path, capsys):
    data_dir = _fixture_data(tmp_path)
    before = (data_dir / "un_agreement.csv").read_bytes()
    bad = _copy_with(tmp_path, UNDL, "1002,A/RES/65/2,2010-11-01,SERBIA,A", "1002,A/RES/65/2,2010-11-01,SERBIA,Q")
    code = unvotes.main(["--data", str(data_dir), "agreement", "--undl", str(bad), "--unvotes", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "undl_long.csv:13: vote: unknown vote 'Q'" in err and "nothing written" in err
    assert (data_dir / "un_agreement.csv").read_bytes() == before


# ---------------------------------------------------------------- writing the curated CSVs


def _fixture_data(tmp_path: Path) -> Path:
    """The valid fixture dataset, with the project's full country list (the fixtures' EU members included) and
    its names table."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE, data_dir)
    for name in ("countries.csv", NAMES_FILE):
        shutil.copy(DATA_DIR / name, data_dir / name)
    return data_dir


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_agreement_command_writes_a_table_that_builds(tmp_path, capsys):
    data_dir = _fixture_data(tmp_path)
    others = [r for r in _rows(data_dir / "fact_sources.csv") if r["fact_table"] != "un_agreement"]
    code = unvotes.main(
        [
            "--data",
            str(data_dir),
            "agreement",
            "--undl",
            str(UNDL),
            "--unvotes",
            str(HERE / "none"),
            "--first",
            "2010",
            "--last",
            "2011",
        ]
    )
    assert code == 0, capsys.readouterr().err
    rows = _rows(data_dir / "un_agreement.csv")
    assert {r["agreement_id"] for r in rows} >= {"2010-SRB-RUS", "2010-SRB-EU", "2011-SRB-USA"}
    cites = [r for r in _rows(data_dir / "fact_sources.csv") if r["fact_table"] == "un_agreement"]
    assert sorted(c["fact_id"] for c in cites) == sorted(r["agreement_id"] for r in rows)
    assert all(c["source_id"] == unvotes.UNDL_SOURCE["source_id"] and "undl_long.csv" in c["evidence"] for c in cites)
    assert [r for r in _rows(data_dir / "fact_sources.csv") if r["fact_table"] != "un_agreement"] == others
    build(data_dir, tmp_path / "out.duckdb")


def test_roll_call_command_replaces_one_resolution(tmp_path):
    data_dir = _fixture_data(tmp_path)
    code = unvotes.main(
        [
            "--data",
            str(data_dir),
            "roll-call",
            str(HERE / "map_table.csv"),
            "--resolution",
            "A/RES/ES-11/1",
            "--date",
            "2022-03-02",
            "--source-id",
            "src-b",
        ]
    )
    assert code == 0
    votes = _rows(data_dir / "un_votes.csv")
    assert {(v["country_iso3"], v["vote"]) for v in votes} == {
        ("SRB", "yes"),
        ("GBR", "yes"),
        ("RUS", "no"),
        ("CHN", "abstain"),
        ("USA", "yes"),
    }
    cite = [r for r in _rows(data_dir / "fact_sources.csv") if r["fact_id"] == "A/RES/ES-11/1"]
    assert len(cite) == 1 and "3 yes, 1 no, 1 abstain" in cite[0]["evidence"]


# ---------------------------------------------------------------- the curated data


def test_every_vote_belongs_to_a_curated_resolution_and_serbia_voted_on_each():
    resolutions = {r["resolution_id"] for r in _rows(DATA_DIR / "un_resolutions.csv")}
    votes = _rows(DATA_DIR / "un_votes.csv")
    assert resolutions, "no key resolutions curated"
    assert {v["resolution_id"] for v in votes} <= resolutions
    serbia = {v["resolution_id"] for v in votes if v["country_iso3"] == "SRB"}
    assert resolutions - serbia == set(), "key resolutions without Serbia's vote"


def test_agreement_ids_say_year_country_partner():
    for row in _rows(DATA_DIR / "un_agreement.csv"):
        assert row["agreement_id"] == f"{row['year']}-{row['country_iso3']}-{row['partner']}"


# ---------------------------------------------------------------- against the upstream files


@pytest.fixture(scope="module")
def undl_agreement(names):
    if not unvotes.UNDL_VOTES.exists():
        pytest.skip(f"shared sources not found at {SHARED_SOURCES}")
    con = unvotes.load(unvotes.read(unvotes.UNDL_VOTES, names))
    return unvotes.agreement(con, unvotes.COUNTRIES, unvotes.PARTNERS + ["DEU"], unvotes.eu_members(), 2006, 2021)


@pytest.mark.parametrize(
    "year,partner,check",
    [
        (2006, "RUS", 0.67),
        (2010, "RUS", 0.77),
        (2021, "RUS", 0.62),
        (2006, "USA", 0.23),
        (2021, "USA", 0.29),
        (2006, "DEU", 0.98),
        (2021, "DEU", 0.67),
    ],
)
def test_check_figures_of_the_upstream_description(undl_agreement, year, partner, check):
    # SOURCE.md of the UN Digital Library extract gives these shares of identical votes for Serbia
    got = _table(undl_agreement)[(year, "SRB", partner)][0]
    assert round(got, 2) == check


def test_curated_agreement_table_is_what_the_importer_computes(undl_agreement):
    expected = {r["agreement_id"]: r for r in unvotes.agreement_rows(undl_agreement[undl_agreement.partner != "DEU"])}
    curated = {r["agreement_id"]: r for r in _rows(DATA_DIR / "un_agreement.csv")}
    assert curated.keys() == expected.keys()
    for key, row in curated.items():
        assert float(row["agreement"]) == expected[key]["agreement"], key
        assert int(row["n_votes"]) == expected[key]["n_votes"], key
