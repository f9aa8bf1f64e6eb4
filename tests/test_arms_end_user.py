"""arms_transfers.end_user: who uses the arms. Empty means the armed forces; a curated row sets it in its own
cell, an imported (SIPRI) row through a line of corrections.csv; an unknown value is refused at its line."""

from __future__ import annotations

import csv

import duckdb

from dashboard.importers.sipri.rows import Imported
from dashboard.importers.sipri.write import changes
from dashboard.pipeline.build import main
from dashboard.schema.dictionary import dictionary
from dashboard.schema.tables import BY_NAME


def _build(data_dir, out, capsys) -> tuple[int, str]:
    code = main(["--data", str(data_dir), "--out", str(out)])
    return code, capsys.readouterr().err


def _end_users(db) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("select transfer_id, end_user from arms_transfers").fetchall())
    finally:
        con.close()


def _set_curated_end_user(data_dir, transfer_id: str, value: str) -> None:
    path = data_dir / "curated" / "arms_transfers.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    for r in rows:
        if r["transfer_id"] == transfer_id:
            r["end_user"] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_an_empty_end_user_means_the_armed_forces(fixture_db):
    # stored empty, like every column with a default (exercises.end_precision); the dictionary says what it means
    assert set(_end_users(fixture_db).values()) == {None}
    d = dictionary([BY_NAME["arms_transfers"]]).set_index("column")
    assert (
        d.loc["end_user", "rule"] == "one of: armed_forces, interior_ministry, police, other; empty means armed_forces"
    )


def test_curated_cell_and_correction_set_the_end_user(data_dir, tmp_path, capsys):
    _set_curated_end_user(data_dir, "t2", "interior_ministry")
    with (data_dir / "curated" / "corrections.csv").open("a", encoding="utf-8") as f:
        f.write("arms_transfers,t1,end_user,police,SIPRI: for police special forces\n")
    out = tmp_path / "x.duckdb"
    code, err = _build(data_dir, out, capsys)
    assert code == 0, err
    assert _end_users(out) == {"t1": "police", "t2": "interior_ministry"}


def test_an_unknown_end_user_is_refused_at_its_line(data_dir, tmp_path, capsys):
    _set_curated_end_user(data_dir, "t2", "army")
    code, err = _build(data_dir, tmp_path / "x.duckdb", capsys)
    assert code != 0
    assert "curated/arms_transfers.csv:2: end_user:" in err and "army" in err, err


def test_the_importer_compares_with_a_file_written_before_the_column_existed(tmp_path):
    columns = BY_NAME["arms_transfers"].column_names
    old = [c for c in columns if c != "end_user"]
    row = {c: "" for c in columns} | {"transfer_id": "sipri-1", "recipient_iso3": "SRB", "notes": "n"}
    path = tmp_path / "arms_transfers.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, old, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerow(row)
    same = {c: (v or None) for c, v in row.items()}
    assert changes(path, [Imported(same)]) == []  # the new, empty column is no change
    assert changes(path, [Imported(same | {"end_user": "police"})]) == ["changed sipri-1 end_user: (empty) -> police"]
