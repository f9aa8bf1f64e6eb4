"""UN General Assembly votes: reading the upstream forms, the agreement SQL, the two output folders
(imported/unvotes/, imported/un_roll_calls/) and their provenance, and the key-vote data itself."""

from __future__ import annotations

import csv
import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from dashboard.importers.country_names import CountryNames
from dashboard.importers.unvotes import cli, voeten
from dashboard.importers.unvotes.agreement import COUNTRIES, PARTNERS, agreement, agreement_rows, load
from dashboard.importers.unvotes.countries import country_names, eu_members
from dashboard.importers.unvotes.read import read
from dashboard.pipeline.build import build
from dashboard.pipeline.problems import DataError
from tests.conftest import SHARED_SOURCES
from tests.importer_data import FIXTURES, PROJECT_DATA, drop_source, importer_data, outside, sha256, snapshot

HERE = Path(__file__).resolve().parent / "fixtures" / "unvotes"
UNDL = HERE / "undl_long.csv"
EU4 = ["DEU", "FRA", "ITA", "AUT"]  # the EU members in the fixtures


@pytest.fixture(scope="module")
def names() -> CountryNames:
    return country_names()


def _table(frame) -> dict[tuple[int, str, str], tuple[float, float, int]]:
    return {
        (r.year, r.country_iso3, r.partner): (r.agreement, r.agreement_abstain_aware, r.n_votes)
        for r in frame.itertuples()
    }


def _agreement(data, **kw):
    return _table(agreement(load(data), ["SRB"], ["RUS", "USA", "EU"], EU4, 2010, 2011, **kw))


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
    got = _agreement(read(UNDL, names))
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
    con = load(read(UNDL, names))
    got = _table(agreement(con, ["SRB"], ["EU"], ["AUT"], 2010, 2010))
    assert got[(2010, "SRB", "EU")][2] == 3  # 10-01 (N vs Y), 11-01 (A = A), 12-01 (N = N)
    assert got[(2010, "SRB", "EU")][0] == pytest.approx(2 / 3)


def test_kappa_corrects_for_chance_by_hand(names):
    # Cohen's kappa on the same roll calls (see above): (observed - expected) / (1 - expected), expected from
    # each side's shares of yes, no and abstain over the pair's roll calls.
    #   2010 SRB-RUS: SRB Y A N, RUS Y N N: observed 2/3; expected 1/3*1/3 (yes) + 1/3*2/3 (no) = 1/3 -> 1/2
    #   2010 SRB-USA: SRB Y A, USA N Y: observed 0; expected 1/2*1/2 (yes) = 1/4 -> -1/3
    #   2011 SRB-USA: SRB Y Y, USA N Y: observed 1/2; expected 1*1/2 = 1/2 -> 0
    #   2011 SRB-EU: SRB Y, EU N: observed 0, expected 0 -> 0
    frame = agreement(load(read(UNDL, names)), ["SRB"], ["RUS", "USA", "EU"], EU4, 2010, 2011)
    kappa = {(r.year, r.partner): r.agreement_kappa for r in frame.itertuples()}
    assert kappa[(2010, "RUS")] == pytest.approx(0.5)
    assert kappa[(2010, "USA")] == pytest.approx(-1 / 3)
    assert kappa[(2011, "USA")] == pytest.approx(0)
    assert kappa[(2011, "EU")] == pytest.approx(0)
    rows = {(r["year"], r["partner"]): r for r in agreement_rows(frame)}
    assert rows[(2010, "USA")]["agreement_kappa"] == round(-1 / 3, 4)


# ---------------------------------------------------------------- the upstream forms


def test_both_upstream_forms_give_the_same_agreement(names):
    undl = read(UNDL, names)
    voeten = read(HERE / "unvotes_votes.csv", names, roll_calls=HERE / "unvotes_roll_calls.csv")
    assert _agreement(voeten) == _agreement(undl)
    assert len(undl.roll_calls) == len(voeten.roll_calls) == 8


def test_serbia_and_its_predecessors_are_coded_by_date(names):
    undl = read(UNDL, names)
    voeten = read(HERE / "unvotes_votes.csv", names, roll_calls=HERE / "unvotes_roll_calls.csv")
    assert ("900", "YUG") in undl.votes and ("905", "SRB") in undl.votes  # YUGOSLAVIA 1999, SERBIA AND MONTENEGRO 2005
    assert ("51", "YUG") in voeten.votes and ("55", "SRB") in voeten.votes  # unvotes' YU before and after Feb 2003
    assert undl.votes[("1003", "USA")] == "absent"
    assert undl.roll_calls["1102"].date is None and undl.roll_calls["1102"].year == 2011


def test_map_table_counts_the_united_kingdom_once(names):
    data = read(HERE / "map_table.csv", names, resolution="A/RES/ES-11/1", date="2022-03-02")
    votes = {iso3: vote for (_, iso3), vote in data.votes.items()}
    assert votes == {"SRB": "yes", "GBR": "yes", "RUS": "no", "CHN": "abstain", "USA": "yes"}


def test_single_roll_call_file_uses_m49_codes_then_names(names):
    data = read(HERE / "single_roll_call.csv", names)
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
        read(_copy_with(tmp_path, UNDL, old, new), names)
    assert expected in str(err.value)


def test_unvotes_vote_on_unknown_roll_call(names, tmp_path):
    votes = _copy_with(tmp_path, HERE / "unvotes_votes.csv", "72,Russia,RU,yes,2011", "79,Russia,RU,yes,2011")
    with pytest.raises(DataError, match=r"unvotes_votes.csv:39: rcid: roll call '79' is not in unvotes_roll_calls.csv"):
        read(votes, names, roll_calls=HERE / "unvotes_roll_calls.csv")


def test_map_table_conflicting_nations(names, tmp_path):
    table = _copy_with(tmp_path, HERE / "map_table.csv", "Scotland,IN FAVOR", "Scotland,AGAINST")
    with pytest.raises(
        DataError, match=r"map_table.csv:4: vote: GBR votes no on roll call A/RES/ES-11/1 here but yes on line 3"
    ):
        read(table, names, resolution="A/RES/ES-11/1", date="2022-03-02")


def test_command_reports_problems_and_writes_nothing(tmp_path, capsys):
    data = importer_data(tmp_path)
    before = snapshot(data)
    bad = _copy_with(tmp_path, UNDL, "1002,A/RES/65/2,2010-11-01,SERBIA,A", "1002,A/RES/65/2,2010-11-01,SERBIA,Q")
    code = cli.main(
        ["--data", str(data), "--shared", str(tmp_path), "agreement", "--undl", str(bad), "--unvotes", str(tmp_path)]
        + ["--votes-2025", str(tmp_path / "none.csv"), "--voeten", str(tmp_path / "none.csv")]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "undl_long.csv:13: vote: unknown vote 'Q'" in err and "nothing written" in err
    assert snapshot(data) == before


# ---------------------------------------------------------------- the 2025 extract and Voeten's session scores

VOTES_2025 = HERE / "votes_2025_3dl.csv"
VOETEN_FIXTURE = HERE / "voeten_sessions.csv"


def test_the_3dl_long_form_gives_the_hand_computed_agreement(names):
    # fixture: Serbia Y/A/A, Russia N/A/Y; EU members DEU Y/N/N, FRA Y/N/N, ITA Y/absent/N, AUT Y/Y/A -> EU Y/N/N
    table = _table(agreement(load(read(VOTES_2025, names)), ["SRB"], ["RUS", "EU"], EU4))
    assert table[(2025, "SRB", "RUS")] == (pytest.approx(1 / 3), pytest.approx((0 + 1 + 0.5) / 3), 3)
    assert table[(2025, "SRB", "EU")] == (pytest.approx(1 / 3), pytest.approx((1 + 0.5 + 0.5) / 3), 3)


def test_the_3dl_code_must_agree_with_the_name(names, tmp_path):
    bad = _copy_with(tmp_path, VOTES_2025, "RUS,Russian Federation", "UKR,Russian Federation")
    with pytest.raises(DataError) as err:
        read(bad, names)
    assert any(
        p.line == 3 and p.column == "country_name" and "reads as RUS but the file codes it UKR" in p.message
        for p in err.value.problems
    )


def test_voeten_scores_are_read_per_session_with_serbia_as_yugoslavia(names):
    scores = voeten.read_scores(VOETEN_FIXTURE, names, COUNTRIES, PARTNERS)
    table = {(r.year, r.country_iso3, r.partner): (r.session, r.agreement, r.n_votes) for r in scores.itertuples()}
    assert table[(2022, "SRB", "RUS")] == (77, 0.55, 70)  # "Yugoslavia" in a session of 2022 is Serbia
    assert (2023, "BIH", "CHN") not in table  # NA: no figure, not zero
    assert {iso3 for _, iso3, _ in table} == {"SRB", "MNE", "BIH"}  # Russia's own row is not a country measured
    assert "EU" not in {p for _, _, p in table}  # the file scores no EU majority


def test_session_scores_fill_only_the_years_no_calendar_file_covers(tmp_path, capsys):
    data = importer_data(tmp_path)
    extra = ["--votes-2025", str(VOTES_2025), "--voeten", str(VOETEN_FIXTURE), "--first", "2010", "--last", "2025"]
    assert _agreement_command(data, *extra) == 0, capsys.readouterr().err
    own = data / AGREEMENT_OWN
    rows = _rows(own / "un_agreement.csv")
    years = {}
    for r in rows:
        years.setdefault(r["year"], set()).add((r["source_series"], r["year_basis"]))
    # calendar: the fixture's UN Digital Library years and 2025; sessions: 2020-2023 from the Voeten fixture
    assert years == {
        "2010": {("undl-calendar", "calendar")},
        "2011": {("undl-calendar", "calendar")},
        **{y: {("voeten-session", "session")} for y in ("2020", "2021", "2022", "2023")},
        "2025": {("undl-calendar", "calendar")},
    }
    session = next(r for r in rows if r["agreement_id"] == "2022-SRB-RUS")
    assert (session["agreement"], session["agreement_abstain_aware"], session["n_votes"]) == ("0.55", "", "70")
    cites = {c["fact_id"]: c for c in _rows(own / "fact_sources.csv")}
    assert sorted(cites) == sorted(r["agreement_id"] for r in rows)
    assert cites["2022-SRB-RUS"]["source_id"] == cli.VOETEN_SOURCE_ID
    assert "session 77" in cites["2022-SRB-RUS"]["evidence"] and "Yugoslavia" in cites["2022-SRB-RUS"]["evidence"]
    assert cites["2025-SRB-RUS"]["source_id"] == cli.VOTES_2025_SOURCE_ID
    assert set(_inputs(own)) == {"unvotes/undl_long.csv", "unvotes/votes_2025_3dl.csv", "unvotes/voeten_sessions.csv"}
    assert "rows per year: 2010: " in capsys.readouterr().out
    _drop_curated_agreement(data)  # the fixture's hand rows share some of these years
    build(data, tmp_path / "out.duckdb")
    before = snapshot(data)
    assert _agreement_command(data, *extra) == 0  # a rerun changes nothing
    assert snapshot(data) == before


def _drop_curated_agreement(data: Path) -> None:
    curated = data / "curated"
    (curated / "un_agreement.csv").write_text(
        (curated / "un_agreement.csv").read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8"
    )
    cites = (curated / "fact_sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (curated / "fact_sources.csv").write_text(
        "".join(line for line in cites if not line.startswith("un_agreement,")), encoding="utf-8"
    )


def test_a_year_given_twice_for_one_pair_stops_the_import(tmp_path, capsys):
    data = importer_data(tmp_path)
    shared = tmp_path / "shared"
    shutil.copytree(HERE, shared / "unvotes")
    twice = shared / "unvotes" / VOTES_2025.name
    twice.write_text(twice.read_text(encoding="utf-8").replace(",2025-", ",2011-"), encoding="utf-8")
    before = snapshot(data)
    undl = shared / "unvotes" / UNDL.name
    code = _agreement_command(data, "--votes-2025", str(twice), undl=undl, shared=shared)
    assert code == 1
    assert "given by two inputs" in capsys.readouterr().err
    assert snapshot(data) == before


# ---------------------------------------------------------------- the output folders

AGREEMENT_OWN, ROLL_CALL_OWN = "imported/unvotes", "imported/un_roll_calls"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _inputs(folder: Path) -> dict[str, dict]:
    entries = json.loads((folder / "inputs.json").read_text(encoding="utf-8"))["inputs"]
    return {e["path"]: e for e in entries}


def _agreement_command(data: Path, *extra: str, undl: Path = UNDL, shared: Path = FIXTURES) -> int:
    argv = ["--data", str(data), "--shared", str(shared), "agreement", "--undl", str(undl), "--unvotes", str(HERE)]
    # the 2025 and Voeten files only where a test names them (a later option overrides an earlier one)
    argv += ["--votes-2025", str(HERE / "none.csv"), "--voeten", str(HERE / "none.csv")]
    return cli.main(argv + ["--first", "2010", "--last", "2011", *extra])


def _roll_call_command(data: Path, file: Path, *extra: str, shared: Path = FIXTURES) -> int:
    return cli.main(["--data", str(data), "--shared", str(shared), "roll-call", str(file), *extra])


MAP_TABLE = ("--resolution", "A/RES/ES-11/1", "--date", "2022-03-02", "--source-id", "un-kaartmaker-es11-1")


def test_agreement_command_writes_only_its_folder_and_builds(tmp_path, capsys):
    data = importer_data(tmp_path)
    before = snapshot(data)
    assert _agreement_command(data) == 0, capsys.readouterr().err
    after = snapshot(data)
    assert outside(after, AGREEMENT_OWN) == before
    own = data / AGREEMENT_OWN
    assert sorted(p.name for p in own.iterdir()) == [
        "alternatives.csv",
        "fact_sources.csv",
        "inputs.json",
        "un_agreement.csv",
    ]
    rows = _rows(own / "un_agreement.csv")
    assert {r["agreement_id"] for r in rows} >= {"2010-SRB-RUS", "2010-SRB-EU", "2011-SRB-USA"}
    cites = _rows(own / "fact_sources.csv")
    assert sorted(c["fact_id"] for c in cites) == sorted(r["agreement_id"] for r in rows)
    assert all(c["source_id"] == cli.UNDL_SOURCE_ID and "undl_long.csv" in c["evidence"] for c in cites)
    assert {a["source_id"] for a in _rows(own / "alternatives.csv")} <= {cli.UNVOTES_SOURCE_ID}
    build(data, tmp_path / "out.duckdb")

    assert _agreement_command(data) == 0  # a rerun changes nothing
    assert snapshot(data) == after


def test_agreement_inputs_json_follows_the_files_read(tmp_path, capsys):
    data = importer_data(tmp_path)
    shared = tmp_path / "shared"
    shutil.copytree(HERE, shared / "unvotes")
    undl = shared / "unvotes" / "undl_long.csv"
    assert _agreement_command(data, "--unvotes", str(shared / "none"), undl=undl, shared=shared) == 0
    inputs = _inputs(data / AGREEMENT_OWN)
    assert list(inputs) == ["unvotes/undl_long.csv"]  # no unvotes folder: only the file read
    entry = inputs["unvotes/undl_long.csv"]
    assert (entry["sha256"], entry["bytes"]) == (sha256(undl), undl.stat().st_size)
    assert (entry["source_id"], entry["accessed_on"]) == (cli.UNDL_SOURCE_ID, "2026-11-25")
    undl.write_text(undl.read_text(encoding="utf-8") + "1102,A/RES/66/2,2011,HUNGARY,X\n", encoding="utf-8")
    assert _agreement_command(data, "--unvotes", str(shared / "none"), undl=undl, shared=shared) == 0
    assert _inputs(data / AGREEMENT_OWN)["unvotes/undl_long.csv"]["sha256"] == sha256(undl) != entry["sha256"]


def test_roll_call_command_replaces_one_resolution(tmp_path, capsys):
    data = importer_data(tmp_path)
    (data / "curated" / "un_votes.csv").write_text("resolution_id,country_iso3,vote\n", encoding="utf-8")
    before = snapshot(data)
    assert _roll_call_command(data, HERE / "map_table.csv", *MAP_TABLE) == 0, capsys.readouterr().err
    assert _roll_call_command(data, HERE / "single_roll_call.csv", "--source-id", "un-quak1-es11-3") == 0
    after = snapshot(data)
    assert outside(after, ROLL_CALL_OWN) == before
    own = data / ROLL_CALL_OWN
    votes = _rows(own / "un_votes.csv")
    assert {(v["country_iso3"], v["vote"]) for v in votes if v["resolution_id"] == "A/RES/ES-11/1"} == {
        ("SRB", "yes"),
        ("GBR", "yes"),
        ("RUS", "no"),
        ("CHN", "abstain"),
        ("USA", "yes"),
    }
    cites = {r["fact_id"]: r for r in _rows(own / "fact_sources.csv")}
    assert set(cites) == {"A/RES/ES-11/1", "A/RES/ES-11/3"}
    assert "3 yes, 1 no, 1 abstain" in cites["A/RES/ES-11/1"]["evidence"]
    inputs = _inputs(own)
    assert inputs["unvotes/map_table.csv"]["resolutions"] == ["A/RES/ES-11/1"]
    assert inputs["unvotes/single_roll_call.csv"]["sha256"] == sha256(HERE / "single_roll_call.csv")

    # rerunning one resolution replaces its rows and citation and leaves every file as it was
    assert _roll_call_command(data, HERE / "map_table.csv", *MAP_TABLE) == 0
    assert snapshot(data) == after
    # the un_resolutions fixture holds ES-11/1 only: without the ES-11/3 rows the folder builds
    _drop_resolution(own, "A/RES/ES-11/3")
    build(data, tmp_path / "out.duckdb")


def _drop_resolution(own: Path, resolution: str) -> None:
    for name in ("un_votes.csv", "fact_sources.csv"):
        lines = (own / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (own / name).write_text("".join(x for x in lines if resolution not in x), encoding="utf-8")


def test_roll_calls_from_a_changed_file_get_an_entry_of_their_own(tmp_path):
    data = importer_data(tmp_path)
    shared = tmp_path / "shared"
    shutil.copytree(HERE, shared / "unvotes")
    table = shared / "unvotes" / "map_table.csv"
    assert _roll_call_command(data, table, *MAP_TABLE, shared=shared) == 0
    first = _inputs(data / ROLL_CALL_OWN)["unvotes/map_table.csv"]
    assert first["sha256"] == sha256(table)
    table.write_text(table.read_text(encoding="utf-8").replace("China,ABSTENTION", "China,AGAINST"), encoding="utf-8")
    assert _roll_call_command(data, table, *MAP_TABLE, shared=shared) == 0
    entry = _inputs(data / ROLL_CALL_OWN)["unvotes/map_table.csv"]
    assert entry["sha256"] == sha256(table) != first["sha256"]
    assert entry["resolutions"] == ["A/RES/ES-11/1"]  # the resolution moved to the new file's entry


@pytest.mark.parametrize("command", ["roll-call", "agreement"])
def test_a_missing_source_id_is_refused_and_named(command, tmp_path, capsys):
    data = importer_data(tmp_path)
    before = snapshot(data)
    if command == "roll-call":
        code = _roll_call_command(data, HERE / "single_roll_call.csv", "--source-id", "un-nowhere")
        missing = "un-nowhere"
    else:
        drop_source(data, cli.UNDL_SOURCE_ID)
        before = snapshot(data)
        code = _agreement_command(data)
        missing = cli.UNDL_SOURCE_ID
    assert code == 1
    err = capsys.readouterr().err
    assert f"curated/sources.csv:0: source_id: no sources row {missing!r}: add one describing" in err
    assert "nothing written" in err
    assert snapshot(data) == before


# ---------------------------------------------------------------- the project's data


def _table_rows(name: str) -> list[dict]:
    """A table's rows from data/curated/ and every data/imported/<dataset>/."""
    files = [PROJECT_DATA / "curated" / name, *sorted((PROJECT_DATA / "imported").glob(f"*/{name}"))]
    return [row for path in files if path.exists() for row in _rows(path)]


def test_every_vote_belongs_to_a_curated_resolution_and_serbia_voted_on_each():
    resolutions = {r["resolution_id"] for r in _table_rows("un_resolutions.csv")}
    votes = _table_rows("un_votes.csv")
    assert resolutions, "no key resolutions curated"
    assert {v["resolution_id"] for v in votes} <= resolutions
    serbia = {v["resolution_id"] for v in votes if v["country_iso3"] == "SRB"}
    assert resolutions - serbia == set(), "key resolutions without Serbia's vote"


def test_agreement_ids_say_year_country_partner():
    for row in _table_rows("un_agreement.csv"):
        assert row["agreement_id"] == f"{row['year']}-{row['country_iso3']}-{row['partner']}"


# ---------------------------------------------------------------- against the upstream files

skip_without_sources = pytest.mark.skipif(not SHARED_SOURCES.exists(), reason=f"no shared sources at {SHARED_SOURCES}")


@pytest.fixture(scope="module")
def undl_agreement(names):
    if not cli.UNDL_VOTES.exists():
        pytest.skip(f"shared sources not found at {SHARED_SOURCES}")
    con = load(read(cli.UNDL_VOTES, names))
    return agreement(con, COUNTRIES, PARTNERS + ["DEU"], eu_members(), 2006, 2021)


@pytest.mark.shared_sources
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


@pytest.mark.shared_sources
def test_committed_agreement_folder_is_what_the_importer_makes(undl_agreement, tmp_path):
    committed = _rows(PROJECT_DATA / AGREEMENT_OWN / "un_agreement.csv")
    undl = {r["agreement_id"] for r in agreement_rows(undl_agreement[undl_agreement.partner != "DEU"])}
    assert {r["agreement_id"] for r in committed if r["year"] <= "2021"} == undl
    code = cli.main(["agreement", "--first", "2006", "--last", "2025", "--out", str(tmp_path / "out")])
    assert code == 0
    assert snapshot(tmp_path / "out") == snapshot(PROJECT_DATA / AGREEMENT_OWN), "imported/unvotes/ is stale"


@pytest.mark.shared_sources
@skip_without_sources
def test_committed_series_say_their_source_and_year_basis():
    committed = _rows(PROJECT_DATA / AGREEMENT_OWN / "un_agreement.csv")
    bases = {}
    for r in committed:
        bases.setdefault(int(r["year"]), set()).add((r["source_series"], r["year_basis"]))
    calendar, session = ("undl-calendar", "calendar"), ("voeten-session", "session")
    # one definition per year: calendar counts 2006-2021 and 2025, Voeten's sessions 77-78 between them
    assert {y: b for y, b in bases.items()} == {
        **{y: {calendar} for y in range(2006, 2022)},
        2022: {session},
        2023: {session},
        2025: {calendar},
    }


@pytest.mark.shared_sources
@skip_without_sources
def test_check_figures_of_the_2025_and_voeten_descriptions(names):
    # SOURCE.md of unga_votes_2025_3dl: Serbia's identical-vote shares in 2025 over 171 votes
    frame = agreement(load(read(cli.VOTES_2025, names)), ["SRB"], ["RUS", "CHN", "USA", "DEU", "HUN", "HRV"], [])
    got = {r.partner: (round(r.agreement, 3), r.n_votes) for r in frame.itertuples()}
    assert got == {
        "RUS": (0.690, 171),
        "CHN": (0.813, 171),
        "USA": (0.064, 171),
        "DEU": (0.830, 171),
        "HUN": (0.766, 171),
        "HRV": (0.836, 171),
    }
    # SOURCE.md of voeten_idealpoints_jun2024_extract: Serbia (YUG) in sessions 77 and 78
    scores = voeten.read_scores(cli.VOETEN, names, ["SRB"], ["USA", "RUS", "CHN"])
    table = {(r.session, r.partner): round(r.agreement, 3) for r in scores.itertuples()}
    assert [table[(77, p)] for p in ("USA", "RUS", "CHN")] == [0.359, 0.538, 0.532]
    assert [table[(78, p)] for p in ("USA", "RUS", "CHN")] == [0.382, 0.461, 0.573]
    assert set(scores[scores.session == 77].n_votes) == {78}


# the documented refresh (data/README.md): (file under ../shared/sources, extra arguments)
ROLL_CALLS = (
    [
        (
            "undl_ga_votes_scrape_to_2021/ga_votes_selected_countries_1992_2021_long.csv",
            ["--resolution", f"A/RES/{r}", "--source-id", "un-undl-ga-votes-2021"],
        )
        for r in [
            "68/262",
            "71/205",
            "72/190",
            "73/194",
            "73/263",
            "74/17",
            "74/168",
            "75/29",
            "75/192",
            "76/70",
            "76/179",
        ]
    ]
    + [
        ("unga_key_votes_serbia/es11_3_all_countries_undl.csv", ["--source-id", "un-quak1-es11-3"]),
        ("unga_key_votes_serbia/es11_1_all_countries_kaartmaker.csv", list(MAP_TABLE)),
    ]
    + [
        (
            "unga_votes_2025_3dl/ga_votes_2025_selected_countries_long.csv",
            ["--resolution", f"A/RES/{r}", "--source-id", "un-3dl-ga-votes-2025"],
        )
        for r in ["79/292", "ES-11/9", "80/223"]
    ]
)


@pytest.mark.shared_sources
@skip_without_sources
def test_committed_roll_call_folder_is_what_the_importer_makes(tmp_path):
    out = tmp_path / "out"
    for file, extra in ROLL_CALLS:
        assert cli.main(["roll-call", str(SHARED_SOURCES / file), *extra, "--out", str(out)]) == 0
    assert snapshot(out) == snapshot(PROJECT_DATA / ROLL_CALL_OWN), "imported/un_roll_calls/ is stale"
