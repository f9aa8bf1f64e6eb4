"""Write step: each UN importer owns one folder and regenerates its files there.

- `agreement` → imported/unvotes/: un_agreement.csv, fact_sources.csv (one citation per row),
  alternatives.csv (the unvotes figure where it differs), inputs.json. Every file is written whole.
- `roll-call` → imported/un_roll_calls/: un_votes.csv and fact_sources.csv, where a run replaces only its
  resolution's votes and citation line, in place (a new resolution is appended), and inputs.json, one entry per file read listing its resolutions.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.importers import csv_records, layout, provenance
from dashboard.importers.unvotes.agreement import agreement_rows
from dashboard.importers.unvotes.read import RollCallData
from dashboard.pipeline.problems import DataError, Problem
from dashboard.schema.tables import BY_NAME

AGREEMENT_DATASET = "unvotes"
ROLL_CALL_DATASET = "un_roll_calls"
AGREEMENT = BY_NAME["un_agreement"]
VOTES = BY_NAME["un_votes"]
CITATIONS = BY_NAME["fact_sources"]
ALTERNATIVES = BY_NAME["alternatives"]


def citations(rows: list[dict], source_id: str, file: str) -> list[dict]:
    return [
        {
            "fact_table": AGREEMENT.name,
            "fact_id": r["agreement_id"],
            "source_id": source_id,
            "evidence": _agreement_evidence(r, file),
        }
        for r in rows
    ]


def _agreement_evidence(row: dict, file: str) -> str:
    return (
        f"Computed from {file}: {row['n_votes']} roll calls in {row['year']} on which {row['country_iso3']} "
        f"and {row['partner']} both voted yes, no or abstain"
    )


def _alternatives(rows: list[dict], alternative: pd.DataFrame, source_id: str, file: str) -> list[dict]:
    """The second source's figure for each row where it differs."""
    ours = {r["agreement_id"]: r for r in rows}
    others = []
    for alt in agreement_rows(alternative):
        main = ours.get(alt["agreement_id"])
        if main and alt["agreement"] != main["agreement"]:
            others.append(
                {
                    "fact_table": AGREEMENT.name,
                    "fact_id": alt["agreement_id"],
                    "field": "agreement",
                    "value": f"{alt['agreement']}",
                    "source_id": source_id,
                    "note": f"From {file}: {alt['n_votes']} roll calls (amendment and "
                    f"paragraph votes included; EU = all 27 members), abstention-aware "
                    f"{alt['agreement_abstain_aware']}",
                }
            )
    return others


def write_agreement(
    out_dir: Path,
    frame: pd.DataFrame,
    source_id: str,
    file: str,
    inputs: list[dict],
    alternative: pd.DataFrame | None = None,
    alternative_source_id: str | None = None,
    alternative_file: str = "",
    more: tuple[tuple[list[dict], list[dict]], ...] = (),
) -> list[dict]:
    """Write the agreement folder; where a second source gives a different figure for a row, keep it in
    alternatives.csv. `more` adds (rows, citations) of other files or series; a year given twice for one
    pair stops the import (two definitions are never merged into one row)."""
    rows = agreement_rows(frame)
    cites = citations(rows, source_id, file)
    for extra_rows, extra_cites in more:
        rows, cites = rows + extra_rows, cites + extra_cites
    seen: dict[str, dict] = {}
    clashes = []
    for r in rows:
        if r["agreement_id"] in seen:
            clashes.append(Problem(str(out_dir), 0, "agreement_id", f"{r['agreement_id']} given by two inputs"))
        seen[r["agreement_id"]] = r
    if clashes:
        raise DataError(clashes)
    rows.sort(key=lambda r: (r["year"], r["country_iso3"], r["partner"]))
    cites.sort(key=lambda c: (c["fact_id"], c["source_id"]))
    others = []
    if alternative is not None and alternative_source_id:
        others = _alternatives(rows, alternative, alternative_source_id, alternative_file)
    layout.write_table(out_dir / AGREEMENT.filename, AGREEMENT.column_names, rows)
    layout.write_table(out_dir / CITATIONS.filename, CITATIONS.column_names, cites)
    layout.write_table(out_dir / ALTERNATIVES.filename, ALTERNATIVES.column_names, others)
    provenance.write(out_dir, AGREEMENT_DATASET, inputs)
    return rows


def _roll_call_inputs(out_dir: Path, resolution: str, entry: dict) -> list[dict]:
    """inputs.json after importing `resolution` from the file of `entry`: the resolution moves to that entry
    (a file whose sha256 changed gets an entry of its own); entries left without resolutions are dropped."""
    entries = []
    for old in provenance.read(out_dir):
        kept = [r for r in old.get("resolutions", []) if r != resolution]
        if kept:
            entries.append({**old, "resolutions": kept})
    key = lambda e: (e["path"], e["sha256"], e["source_id"])  # noqa: E731
    same = next((e for e in entries if key(e) == key(entry)), None)
    if same is None:
        entries.append({**entry, "resolutions": [resolution]})
    else:
        same.update({**entry, "resolutions": sorted({*same["resolutions"], resolution})})
    return entries


def write_roll_call(data: RollCallData, resolution: str, out_dir: Path, source_id: str, entry: dict) -> list[dict]:
    """Replace the un_votes rows and the citation of `resolution` with the votes read."""
    rcids = {rc.rcid for rc in data.roll_calls.values() if rc.symbol == resolution}
    if len(rcids) != 1:
        raise DataError(
            [
                Problem(
                    str(data.files[0]), 0, "resolution", f"expected one roll call on {resolution}, found {len(rcids)}"
                )
            ]
        )
    rcid = rcids.pop()
    votes = sorted((iso3, vote) for (r, iso3), vote in data.votes.items() if r == rcid)
    rows = [{"resolution_id": resolution, "country_iso3": iso3, "vote": vote} for iso3, vote in votes]
    tally = {v: sum(1 for _, x in votes if x == v) for v in ("yes", "no", "abstain", "absent")}
    evidence = (
        f"Votes of {len(votes)} members in {data.files[0].name} (roll call {rcid}): {tally['yes']} yes, "
        f"{tally['no']} no, {tally['abstain']} abstain, {tally['absent']} not voting"
    )
    inputs = _roll_call_inputs(out_dir, resolution, entry)

    votes_path, cites_path = out_dir / VOTES.filename, out_dir / CITATIONS.filename
    for path, table in ((votes_path, VOTES), (cites_path, CITATIONS)):
        if not path.exists():
            layout.write_table(path, table.column_names, [])
    csv_records.read_csv(votes_path, VOTES.column_names)  # checks the header
    # in place: rerunning one resolution leaves the others, and the order of the file, as they were
    csv_records.replace_records(votes_path, lambda r: r["resolution_id"] == resolution, rows)
    csv_records.replace_records(
        cites_path,
        lambda r: (r["fact_table"], r["fact_id"]) == ("un_resolutions", resolution),
        [{"fact_table": "un_resolutions", "fact_id": resolution, "source_id": source_id, "evidence": evidence}],
    )
    provenance.write(out_dir, ROLL_CALL_DATASET, inputs)
    return rows
