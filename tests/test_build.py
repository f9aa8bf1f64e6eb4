"""The data build: every bad-input class fails with file:line: column: message and keeps the old database."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from dashboard.pipeline.build import main


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rows(data_dir: Path, table: str) -> int:
    """Data rows of a table over its curated and imported files."""
    files = [data_dir / "curated" / f"{table}.csv", *(data_dir / "imported").glob(f"*/{table}.csv")]
    return sum(len(f.read_text(encoding="utf-8").splitlines()) - 1 for f in files if f.exists())


def line_of(path: Path, text: str) -> int:
    """The line of `path` on which `text` starts."""
    content = path.read_text(encoding="utf-8")
    assert text in content, f"fixture text {text!r} not in {path.name}"
    return content[: content.index(text)].count("\n") + 1


def _build(data_dir: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["--data", str(data_dir), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_build_prints_counts_and_time(data_dir, tmp_path, capsys):
    out = tmp_path / "a.duckdb"
    code, stdout, _ = _build(data_dir, out, capsys)
    assert code == 0
    arms = _rows(data_dir, "arms_transfers")
    assert re.search(rf"^arms_transfers +{arms}$", stdout, re.M), stdout
    assert "built" in stdout and " s" in stdout
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("select count(*) from arms_transfers").fetchone()[0] == arms
    assert con.execute("select count(*) from un_votes").fetchone()[0] == _rows(data_dir, "un_votes")
    kinds = {k for (k,) in con.execute("select distinct kind from engagement").fetchall()}
    assert kinds == {"arms", "exercise", "eu-statement", "event"}
    con.close()
    assert not list(out.parent.glob("*.tmp"))  # no half-written file left behind


# (file in curated/ to edit, text in it, replacement, expected message). {line} is the line of the edited
# text in the fixture file and {next} the one after it, so added fixture rows never shift an expectation.
BAD_INPUTS = {
    "wrong header": (
        "countries.csv",
        "iso3,name,bloc",
        "iso,name,bloc",
        "curated/countries.csv:1: header: wrong header (missing iso3; unexpected iso)",
    ),
    "bad date": (
        "exercises.csv",
        "2025-07-28",
        "2025-07-32",
        "curated/exercises.csv:{line}: end_date: Input should be a valid date",
    ),
    "unknown country code": (
        "arms_transfers.csv",
        "t2,SRB,RUS",
        "t2,SRB,ZZZ",
        "curated/arms_transfers.csv:{line}: supplier_iso3: unknown country code 'ZZZ' (not in countries)",
    ),
    "unknown source id": (
        "fact_sources.csv",
        "exercises,x1,src-a",
        "exercises,x1,src-zz",
        "curated/fact_sources.csv:{line}: source_id: unknown sources id 'src-zz' (not in sources)",
    ),
    "duplicate key": (
        "events.csv",
        "e1,2012-03-01,Fixture event,eu-accession,EUU,,,high,,Probni događaj,",
        "e1,2012-03-01,Fixture event,eu-accession,EUU,,,high,,Probni događaj,\ne1,2013-01-01,Other,other,EUU,,,low,,Drugo,",
        "curated/events.csv:{next}: event_id: duplicate key e1 (first on line {line})",
    ),
    "enum value outside the list": (
        "arms_transfers.csv",
        "donation,,,,delivered",
        "gift,,,,delivered",
        "curated/arms_transfers.csv:{line}: deal_type: Input should be 'purchase', 'donation', 'licence', 'second-hand' or 'unknown'",
    ),
    "negative quantity": (
        "arms_transfers.csv",
        "Aircraft,6,6",
        "Aircraft,-6,6",
        "curated/arms_transfers.csv:{line}: quantity_ordered: Input should be greater than or equal to 0",
    ),
    "duplicate source": (
        "sources.csv",
        "https://example.org/b,Fixture source B,Fixture Publisher,,",
        "https://example.org/a,Fixture source B,Fixture Publisher,2024-01-02,",
        "curated/sources.csv:{line}: url,published_on: duplicate value https://example.org/a/2024-01-02 (first on line {first})",
    ),
    "malformed URL": (
        "sources.csv",
        "https://example.org/b",
        "example.org/b",
        "curated/sources.csv:{line}: url: Value error, malformed URL 'example.org/b'",
    ),
    "end before start": (
        "exercises.csv",
        "2025-07-19,2025-07-28",
        "2025-07-29,2025-07-28",
        "curated/exercises.csv:{line}: (row): Value error, end_date 2025-07-28 is before start_date 2025-07-29",
    ),
    "event without its Serbian title": (
        "events.csv",
        "high,,Probni događaj",
        "high,,",
        "curated/events.csv:{line}: title_sr: Input should be a valid string",
    ),
    "description without its Serbian translation": (
        "events.csv",
        ",Probni moratorijum na vežbe,Probni period",
        ",Probni moratorijum na vežbe,",
        "curated/events.csv:{line}: (row): Value error, description and description_sr go together: give both or neither",
    ),
    "English excerpt without its Serbian translation": (
        "eu_statements.csv",
        ',en,,"Probni izvod, <b>nije</b> HTML"',
        ",en,,",
        "curated/eu_statements.csv:{line}: excerpt_sr: Value error, required unless excerpt_language is sr",
    ),
    "wrong field count": (
        "un_votes.csv",
        "A/RES/ES-11/1,RUS,no",
        "A/RES/ES-11/1,RUS,no,extra",
        "curated/un_votes.csv:{line}: (row): 4 fields, expected 3",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_with_location(case, data_dir, tmp_path, capsys):
    filename, old, new, expected = BAD_INPUTS[case]
    path = data_dir / "curated" / filename
    line = line_of(path, old)
    if "{first}" in expected:  # the row a duplicate repeats
        expected = expected.replace("{first}", str(line_of(path, new.split(",")[0] + ",")))
    _replace(path, old, new)
    expected = expected.format(line=line, next=line + 1)
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert expected in err, err
    assert "left unchanged" in err


def test_fact_without_a_source_is_reported_at_the_fact(data_dir, tmp_path, capsys):
    _replace(data_dir / "curated" / "fact_sources.csv", "events,e1,src-a,\n", "")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    line = line_of(data_dir / "curated" / "events.csv", "e1,")
    assert code != 0
    assert f"curated/events.csv:{line}: fact_id: cites no source (add a line to curated/fact_sources.csv)" in err


def test_empty_file(data_dir, tmp_path, capsys):
    (data_dir / "curated" / "events.csv").write_bytes(b"")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "curated/events.csv:1: (file): empty file" in err


def test_wrong_encoding(data_dir, tmp_path, capsys):
    path = data_dir / "curated" / "countries.csv"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 1
    path.write_bytes(path.read_bytes() + "CIV,Côte d'Ivoire,Other,country,false,false,\n".encode("latin-1"))
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert f"curated/countries.csv:{line}: (file): not UTF-8 text" in err


def test_every_bad_row_is_reported(data_dir, tmp_path, capsys):
    _replace(data_dir / "curated" / "un_votes.csv", "SRB,yes", "SRB,maybe")
    _replace(data_dir / "curated" / "un_votes.csv", "RUS,no", "RUS,perhaps")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "curated/un_votes.csv:2: vote:" in err and "curated/un_votes.csv:3: vote:" in err


def test_failed_build_leaves_previous_database_byte_identical(data_dir, tmp_path, capsys):
    out = tmp_path / "alignment.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    before = out.read_bytes()
    stat_before = out.stat()
    _replace(data_dir / "imported" / "sipri" / "arms_transfers.csv", "t1,SRB,CHN", "t1,SRB,ZZZ")
    assert _build(data_dir, out, capsys)[0] != 0
    assert out.read_bytes() == before
    assert out.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert not list(out.parent.glob("*.tmp"))  # no half-written file left behind


def test_database_constraint_failure_keeps_previous_database(data_dir, tmp_path, capsys, monkeypatch):
    """A check only DuckDB enforces (here: a schema stricter than the row models) also leaves the old file."""
    out = tmp_path / "alignment.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    before = out.read_bytes()
    from dashboard.pipeline import build as build_step
    from dashboard.schema.ddl import schema_sql

    strict = schema_sql().replace("quantity_ordered >= 0", "quantity_ordered >= 100")
    assert strict != schema_sql()
    monkeypatch.setattr(build_step, "schema_sql", lambda: strict)
    code, _, err = _build(data_dir, out, capsys)
    assert code != 0 and "left unchanged" in err
    assert out.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def test_integrity_rules_run_on_the_database(data_dir, tmp_path, capsys):
    """Rules that span tables (queries/check_*.sql) fail the build at the offending line."""
    _replace(data_dir / "curated" / "exercise_participants.csv", "x1,SRB\n", "")
    _replace(data_dir / "curated" / "sources.csv", "2024-01-02,2026-11-25", "2026-11-26,2026-11-25")
    out = tmp_path / "x.duckdb"
    code, _, err = _build(data_dir, out, capsys)
    assert code != 0
    assert "curated/exercises.csv:2: exercise_id: Serbia is not among the participants" in err
    assert "curated/sources.csv:2: published_on: published after it was accessed" in err
    assert not out.exists()


def _imported(data_dir: Path, dataset: str, table: str, rows: str) -> Path:
    """Write rows (with the table's header) as an importer's output in imported/<dataset>/."""
    header = (data_dir / "curated" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
    path = data_dir / "imported" / dataset / f"{table}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(header + "\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as out:
        out.write(rows)
    return path


IMPORTED_DEAL = "sipri-9,SRB,RUS,Widget-9,,Aircraft,2,2,2019,2019,2019,purchase,,,10.0,delivered,high,,9,\n"
IMPORTED_CITATION = "arms_transfers,sipri-9,src-a,register row\n"


def test_imported_rows_join_the_curated_ones(data_dir, tmp_path, capsys):
    _imported(data_dir, "sipri", "arms_transfers", IMPORTED_DEAL)
    _imported(data_dir, "sipri", "fact_sources", IMPORTED_CITATION)
    out = tmp_path / "x.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("select designation from arms_transfers where transfer_id = 'sipri-9'").fetchone() == (
        "Widget-9",
    )
    con.close()


def test_a_key_repeated_across_folders_names_both_files(data_dir, tmp_path, capsys):
    path = _imported(data_dir, "sipri", "arms_transfers", IMPORTED_DEAL.replace("sipri-9", "t2"))
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    here, first = line_of(path, "t2,"), line_of(data_dir / "curated" / "arms_transfers.csv", "t2,")
    where = f"imported/sipri/arms_transfers.csv:{here}"
    assert code != 0
    assert f"{where}: transfer_id: duplicate key t2 (first on curated/arms_transfers.csv:{first})" in err


def _correct(data_dir: Path, line: str) -> None:
    (data_dir / "curated" / "corrections.csv").write_text(
        "fact_table,fact_id,field,value,reason\n" + line, encoding="utf-8"
    )


def test_corrections_apply_to_imported_rows_at_build(data_dir, tmp_path, capsys):
    imported = _imported(data_dir, "sipri", "arms_transfers", IMPORTED_DEAL)
    _imported(data_dir, "sipri", "fact_sources", IMPORTED_CITATION)
    generated = imported.read_bytes()
    _correct(data_dir, "arms_transfers,sipri-9,deal_type,donation,a gift per the ministry\n")
    out = tmp_path / "x.duckdb"
    assert _build(data_dir, out, capsys)[0] == 0
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("select deal_type from arms_transfers where transfer_id = 'sipri-9'").fetchone() == ("donation",)
    con.close()
    assert imported.read_bytes() == generated  # the importer's file is never edited


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "arms_transfers,sipri-9,sipri_tiv_m,1,SIPRI's figure\n",
            "curated/corrections.csv:2: field: 'sipri_tiv_m' cannot be corrected in arms_transfers",
        ),
        ("arms_transfers,sipri-404,status,ordered,x\n", "curated/corrections.csv:2: fact_id: no arms_transfers row"),
        (
            "arms_transfers,t2,status,ordered,x\n",
            "curated/corrections.csv:2: fact_id: 't2' is a curated row (curated/arms_transfers.csv:2): edit it there",
        ),
        (
            "arms_transfers,sipri-9,status,lost,x\n",
            "curated/corrections.csv:2: value: status: Input should be 'ordered', 'delivering', 'delivered' or",
        ),
        (
            "arms_transfers,sipri-9,value_amount,5,x\n",
            "curated/corrections.csv:2: value: (row): Value error, value_amount and value_currency go together",
        ),
    ],
    ids=["not correctable", "unknown row", "curated row", "bad value", "breaks a row rule"],
)
def test_bad_corrections_are_refused_at_their_line(line, expected, data_dir, tmp_path, capsys):
    _imported(data_dir, "sipri", "arms_transfers", IMPORTED_DEAL)
    _imported(data_dir, "sipri", "fact_sources", IMPORTED_CITATION)
    _correct(data_dir, line)
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert expected in err, err


def test_nul_bytes_and_huge_cells_are_reported_not_raised(data_dir, tmp_path, capsys):
    _replace(data_dir / "curated" / "exercises.csv", "x1,", "x1\x00,")
    path = data_dir / "curated" / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[2] = "y" * 200_000  # the title
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "curated/exercises.csv:2: exercise_id: contains a NUL byte at character 3" in err
    assert "curated/events.csv:2: title: String should have at most 2000 characters" in err
    assert "(200,000 characters)" in err and "y" * 61 not in err  # the value is quoted, but cut short


def test_broken_staging_sql_names_its_file(data_dir, tmp_path, capsys, monkeypatch):
    from dashboard.store import queries

    monkeypatch.setattr(queries, "STAGING", [*queries.STAGING, "staging/broken"])
    real = queries.sql
    monkeypatch.setattr(
        queries, "sql", lambda name: "CREATE VIEW oops AS SELEC 1" if name == "staging/broken" else real(name)
    )
    code, _, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "queries/staging/broken.sql:0: (sql): Parser Error" in err
