"""The data build: every bad-input class fails with file:line: column: message and keeps the old database."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.pipeline.build import main


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build(data_dir: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["--data", str(data_dir), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_build_prints_counts_and_time(data_dir, tmp_path, capsys):
    out = tmp_path / "a.duckdb"
    code, stdout, _ = _build(data_dir, out, capsys)
    assert code == 0
    assert "arms_transfers" in stdout and " 2\n" in stdout.split("arms_transfers")[1][:20]
    assert "built" in stdout and " s" in stdout
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("select count(*) from un_votes").fetchone()[0] == 2
    assert con.execute("select count(*) from engagement").fetchone()[0] == 5
    con.close()
    assert not out.with_name(out.name + ".tmp").exists()


# (file to edit, text in it, replacement, expected message)
BAD_INPUTS = {
    "wrong header": (
        "countries.csv",
        "iso3,name,bloc",
        "iso,name,bloc",
        "countries.csv:1: header: wrong header (missing iso3; unexpected iso)",
    ),
    "bad date": (
        "exercises.csv",
        "2025-07-28",
        "2025-07-32",
        "exercises.csv:2: end_date: Input should be a valid date",
    ),
    "unknown country code": (
        "arms_transfers.csv",
        "t1,SRB,CHN",
        "t1,SRB,ZZZ",
        "arms_transfers.csv:2: supplier_iso3: unknown country code 'ZZZ' (not in countries.csv)",
    ),
    "unknown source id": (
        "fact_sources.csv",
        "exercises,x1,src-a",
        "exercises,x1,src-zz",
        "fact_sources.csv:4: source_id: unknown sources id 'src-zz' (not in sources.csv)",
    ),
    "duplicate key": (
        "events.csv",
        "e1,2012-03-01,Fixture event,eu-accession,EUU,,,high,",
        "e1,2012-03-01,Fixture event,eu-accession,EUU,,,high,\ne1,2013-01-01,Other,other,EUU,,,low,",
        "events.csv:3: event_id: duplicate key e1 (first on line 2)",
    ),
    "enum value outside the list": (
        "arms_transfers.csv",
        "donation,,,,delivered",
        "gift,,,,delivered",
        "arms_transfers.csv:3: deal_type: Input should be 'purchase', 'donation', 'licence', 'second-hand' or 'unknown'",
    ),
    "negative quantity": (
        "arms_transfers.csv",
        "Aircraft,6,6",
        "Aircraft,-6,6",
        "arms_transfers.csv:3: quantity_ordered: Input should be greater than or equal to 0",
    ),
    "duplicate source": (
        "sources.csv",
        "https://example.org/b,Fixture source B,Fixture Publisher,,",
        "https://example.org/a,Fixture source B,Fixture Publisher,2024-01-02,",
        "sources.csv:3: url,published_on: duplicate value https://example.org/a/2024-01-02 (first on line 2)",
    ),
    "malformed URL": (
        "sources.csv",
        "https://example.org/b",
        "example.org/b",
        "sources.csv:3: url: Value error, malformed URL 'example.org/b'",
    ),
    "fact without a source": (
        "fact_sources.csv",
        "events,e1,src-a,\n",
        "",
        "events.csv:2: event_id: 'e1' cites no source",
    ),
    "end before start": (
        "exercises.csv",
        "2025-07-19,2025-07-28",
        "2025-07-29,2025-07-28",
        "exercises.csv:2: (row): Value error, end_date 2025-07-28 is before start_date 2025-07-29",
    ),
    "wrong field count": (
        "un_votes.csv",
        "A/RES/ES-11/1,RUS,no",
        "A/RES/ES-11/1,RUS,no,extra",
        "un_votes.csv:3: (row): 4 fields, expected 3",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_with_location(case, data_dir, tmp_path, capsys):
    filename, old, new, expected = BAD_INPUTS[case]
    _replace(data_dir / filename, old, new)
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert expected in err, err
    assert "left unchanged" in err


def test_empty_file(data_dir, tmp_path, capsys):
    (data_dir / "events.csv").write_bytes(b"")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "events.csv:1: (file): empty file" in err


def test_wrong_encoding(data_dir, tmp_path, capsys):
    path = data_dir / "countries.csv"
    path.write_bytes(path.read_bytes() + "CIV,Côte d'Ivoire,Other,country,false,false,\n".encode("latin-1"))
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "countries.csv:8: (file): not UTF-8 text" in err


def test_every_bad_row_is_reported(data_dir, tmp_path, capsys):
    _replace(data_dir / "un_votes.csv", "SRB,yes", "SRB,maybe")
    _replace(data_dir / "un_votes.csv", "RUS,no", "RUS,perhaps")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "un_votes.csv:2: vote:" in err and "un_votes.csv:3: vote:" in err


def test_failed_build_leaves_previous_database_byte_identical(data_dir, tmp_path, capsys):
    out = tmp_path / "alignment.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    before = out.read_bytes()
    stat_before = out.stat()
    _replace(data_dir / "arms_transfers.csv", "t1,SRB,CHN", "t1,SRB,ZZZ")
    assert _build(data_dir, out, capsys)[0] != 0
    assert out.read_bytes() == before
    assert out.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert not out.with_name(out.name + ".tmp").exists()


def test_database_constraint_failure_keeps_previous_database(data_dir, tmp_path, capsys, monkeypatch):
    """A check only DuckDB enforces (here: a schema stricter than the row models) also leaves the old file."""
    out = tmp_path / "alignment.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    before = out.read_bytes()
    from dashboard.paths import SCHEMA

    strict = SCHEMA.read_text().replace("quantity_ordered >= 0", "quantity_ordered >= 100")
    (data_dir / "schema.sql").write_text(strict)
    code, _, err = _build(data_dir, out, capsys)
    assert code != 0 and "left unchanged" in err
    assert out.read_bytes() == before


def test_integrity_rules_run_on_the_database(data_dir, tmp_path, capsys):
    """Rules that span tables (queries/check_*.sql) fail the build at the offending line."""
    _replace(data_dir / "exercise_participants.csv", "x1,SRB\n", "")
    _replace(data_dir / "sources.csv", "2024-01-02,2026-11-25", "2026-11-26,2026-11-25")
    out = tmp_path / "x.duckdb"
    code, _, err = _build(data_dir, out, capsys)
    assert code != 0
    assert "exercises.csv:2: exercise_id: Serbia is not among the participants" in err
    assert "sources.csv:2: published_on: published after it was accessed" in err
    assert not out.exists()
