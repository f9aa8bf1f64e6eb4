"""The SIPRI importer: deal rows from both register forms, refresh semantics, hand edits, bad files.

Fixtures in tests/fixtures/sipri are small hand-made files in SIPRI's two export formats; the last test runs
the importer on the real 2026 register in ../shared/sources and checks the project's table against it.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.importers.sipri import main
from dashboard.importers.sipri_deals import Context
from dashboard.pipeline.build import build
from tests.conftest import ROOT, SHARED_SOURCES

SIPRI = ROOT / "tests" / "fixtures" / "sipri"
PROJECT_DATA = ROOT / "data"
SOURCES = (
    "sipri-register-2026,https://example.org/sipri-register,SIPRI register,SIPRI,2026-02-12,2026-11-25,dataset,\n"
    "sipri-orders-2024,https://example.org/sipri-orders,SIPRI order register,SIPRI,,2026-11-25,dataset,\n"
)
HAND_ROW = (
    'arms-hand-1,SRB,CHN,"Widget, Mk 2",,Aircraft,,,2025,,,purchase,2.5,EUR,,ordered,low,'
    '"Hand row with ""quotes"", kept verbatim",\n'
)


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


@pytest.fixture
def sipri_data(data_dir: Path) -> Path:
    """The valid fixture dataset plus what the importer needs, a hand row and a stale SIPRI row."""
    shutil.copy(PROJECT_DATA / "countries.csv", data_dir / "countries.csv")
    shutil.copy(PROJECT_DATA / "country_names.csv", data_dir / "country_names.csv")
    _append(data_dir / "sources.csv", SOURCES)
    _append(
        data_dir / "arms_transfers.csv",
        HAND_ROW + "sipri-999,SRB,RUS,Old deal,,Aircraft,,1,2000,2001,2001,purchase,,,1,delivered,high,,999\n",
    )
    _append(
        data_dir / "fact_sources.csv",
        "arms_transfers,arms-hand-1,src-a,hand evidence\narms_transfers,sipri-999,sipri-register-2026,Deal 999\n",
    )
    return data_dir


def _run(
    data: Path, capsys, *extra: str, register: Path = SIPRI / "register.csv", orders: Path | None = SIPRI / "orders.csv"
) -> tuple[int, str, str]:
    argv = ["--register", str(register), "--recipients", "SRB,MNE", "--out", str(data / "arms_transfers.csv")]
    if orders is not None:
        argv += ["--orders", str(orders)]
    code = main(argv + list(extra))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rows(data: Path) -> dict[str, dict]:
    with (data / "arms_transfers.csv").open(encoding="utf-8") as handle:
        return {r["transfer_id"]: r for r in csv.DictReader(handle)}


def _citations(data: Path) -> list[dict]:
    with (data / "fact_sources.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_deal_rows_combine_delivery_rows_and_orders(sipri_data, capsys):
    code, out, err = _run(sipri_data, capsys)
    assert code == 0, err
    rows = _rows(sipri_data)
    hq = rows["sipri-100"]
    assert (hq["quantity_ordered"], hq["quantity_delivered"]) == ("3", "3")
    assert (hq["delivery_first_year"], hq["delivery_last_year"], hq["sipri_tiv_m"]) == ("2022", "2023", "165")
    assert (hq["status"], hq["confidence"], hq["sipri_id"]) == ("delivered", "medium", "100")
    assert "number delivered in 2022, 2023" in hq["notes"] and "FK-3 version" in hq["notes"]
    assert rows["sipri-200"]["deal_type"] == "donation"  # "aid" in SIPRI's comments
    heli = rows["sipri-300"]
    assert (heli["quantity_ordered"], heli["quantity_delivered"], heli["status"]) == ("9", "4", "delivering")
    assert (heli["value_amount"], heli["value_currency"]) == ("30000000", "USD")
    licence = rows["sipri-400"]
    # deliveries before the register's 1995 start come from the order row
    assert (licence["deal_type"], licence["delivery_first_year"], licence["quantity_delivered"]) == (
        "licence",
        "1992",
        "650",
    )
    # no order row: second-hand; delivering while the last delivery is in the register's last year
    assert (rows["sipri-500"]["deal_type"], rows["sipri-500"]["status"]) == ("second-hand", "delivering")
    assert (rows["sipri-800"]["deal_type"], rows["sipri-800"]["status"]) == ("second-hand", "delivered")
    assert rows["sipri-900"]["quantity_ordered"] == "6"  # '96K9 Pantsyr-S1' matched to 'Pantsyr'
    assert not any(r["recipient_iso3"] == "HRV" for r in rows.values())


def test_undelivered_orders_become_ordered_rows(sipri_data, capsys):
    code, out, err = _run(sipri_data, capsys)
    assert code == 0, err
    rows = _rows(sipri_data)
    pantsyr = rows["sipri-order-srb-rus-2021-96k9-pantsyr-s1"]
    assert (pantsyr["status"], pantsyr["quantity_ordered"], pantsyr["quantity_delivered"]) == ("ordered", "12", "0")
    assert pantsyr["category"] == "Air-defence systems"  # learned from the matched 2018 Pantsyr order
    assert "132 m" in pantsyr["notes"]  # TIV from SIPRI's continuation line
    assert pantsyr["sipri_id"] == ""
    assert rows["sipri-order-srb-rus-2019-mi-17"]["status"] == "cancelled"
    # an order with deliveries but no register deal is reported, not imported
    assert "Cobra (Turkiye, 2015) has deliveries but no matching register deal" in out
    assert "supplier 'unknown supplier(s)' has no country code" in out


def test_refresh_replaces_sipri_rows_and_keeps_hand_rows(sipri_data, capsys):
    before_facts = [r for r in _citations(sipri_data) if not r["fact_id"].startswith("sipri-")]
    code, _, err = _run(sipri_data, capsys)
    assert code == 0, err
    text = (sipri_data / "arms_transfers.csv").read_text(encoding="utf-8")
    assert HAND_ROW in text and "t1,SRB,CHN,Widget-1" in text
    assert "sipri-999" not in text
    facts = _citations(sipri_data)
    assert [r for r in facts if not r["fact_id"].startswith("sipri-")] == before_facts
    cited = {r["fact_id"] for r in facts if r["fact_table"] == "arms_transfers"}
    assert set(_rows(sipri_data)) <= cited
    hq = {r["source_id"]: r["evidence"] for r in facts if r["fact_id"] == "sipri-100"}
    assert hq["sipri-register-2026"].endswith("rows for delivery years 2022 and 2023")
    assert "ordered 3, delivered 1" in hq["sipri-orders-2024"]
    build(sipri_data, sipri_data / "check.duckdb")  # the result passes the project's validation


def test_second_run_changes_nothing(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    first = {name: (sipri_data / name).read_bytes() for name in ("arms_transfers.csv", "fact_sources.csv")}
    assert _run(sipri_data, capsys)[0] == 0
    assert {name: (sipri_data / name).read_bytes() for name in first} == first


def _edit_notes(data: Path, transfer_id: str, notes: str) -> None:
    path = data / "arms_transfers.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["transfer_id"] == transfer_id:
            row["notes"] = notes
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_hand_edit_of_a_sipri_row_stops_the_import(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    _edit_notes(sipri_data, "sipri-200", "Checked against the MoD's press release.")
    edited = (sipri_data / "arms_transfers.csv").read_bytes()
    code, _, err = _run(sipri_data, capsys)
    assert code == 1
    line = next(i for i, text in enumerate(edited.decode().splitlines(), 1) if text.startswith("sipri-200,"))
    assert f'arms_transfers.csv:{line}: notes: sipri-200: edited to "Checked against' in err
    assert "--keep-edits" in err and "nothing written" in err
    assert (sipri_data / "arms_transfers.csv").read_bytes() == edited


def test_keep_edits_moves_them_into_overrides(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    _edit_notes(sipri_data, "sipri-200", "Checked against the MoD's press release.")
    assert _run(sipri_data, capsys, "--keep-edits")[0] == 0
    overrides = (sipri_data / "arms_overrides.csv").read_text(encoding="utf-8")
    assert "sipri-200,notes,Checked against the MoD's press release." in overrides
    code, _, err = _run(sipri_data, capsys)  # later plain runs apply the override
    assert code == 0, err
    assert _rows(sipri_data)["sipri-200"]["notes"] == "Checked against the MoD's press release."


def test_drop_edits_restores_the_generated_value(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    generated = _rows(sipri_data)["sipri-200"]["notes"]
    _edit_notes(sipri_data, "sipri-200", "A note to discard.")
    assert _run(sipri_data, capsys, "--drop-edits")[0] == 0
    assert _rows(sipri_data)["sipri-200"]["notes"] == generated


def test_overrides_apply_and_unknown_ids_fail(sipri_data, capsys):
    (sipri_data / "arms_overrides.csv").write_text(
        "transfer_id,field,value,reason\nsipri-100,confidence,high,checked\n", encoding="utf-8"
    )
    assert _run(sipri_data, capsys)[0] == 0
    assert _rows(sipri_data)["sipri-100"]["confidence"] == "high"
    _append(sipri_data / "arms_overrides.csv", "sipri-12345,notes,x,gone\nsipri-100,quantity_delivered,9,no\n")
    code, _, err = _run(sipri_data, capsys)
    assert code == 1
    assert "arms_overrides.csv:3: transfer_id: 'sipri-12345' is no longer produced" in err
    assert "arms_overrides.csv:4: field: 'quantity_delivered' cannot be overridden" in err


def test_an_override_added_later_is_applied_not_taken_for_an_edit(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    (sipri_data / "arms_overrides.csv").write_text(
        "transfer_id,field,value,reason\nsipri-100,notes,Checked.,news\n", encoding="utf-8"
    )
    code, _, err = _run(sipri_data, capsys)
    assert code == 0, err
    assert _rows(sipri_data)["sipri-100"]["notes"] == "Checked."


def test_lines_citing_a_vanished_sipri_row_stop_the_import(sipri_data, capsys):
    _append(sipri_data / "alternatives.csv", "arms_transfers,sipri-999,quantity_delivered,2,src-a,\n")
    before = (sipri_data / "arms_transfers.csv").read_bytes()
    code, _, err = _run(sipri_data, capsys)
    assert code == 1
    assert "alternatives.csv:3: fact_id: 'sipri-999' is no longer produced by the import" in err
    assert (sipri_data / "arms_transfers.csv").read_bytes() == before


def test_missing_source_row_is_named(sipri_data, capsys):
    code, _, err = _run(sipri_data, capsys, "--orders-source", "sipri-orders-1999")
    assert code == 1
    assert "no sources row 'sipri-orders-1999'" in err


# (which file, text to replace, replacement, expected message after the file name)
BAD_FILES = {
    "register: bad number": (
        "register.csv",
        "Hungary,Serbia,BTR-80A,infantry fighting vehicle,Armoured vehicles,2023,Yes,30",
        "Hungary,Serbia,BTR-80A,infantry fighting vehicle,Armoured vehicles,2023,Yes,3O",
        ":14: Numbers delivered: not a whole number (got '3O')",
    ),
    "register: missing column": (
        "register.csv",
        ",Armament category,",
        ",Category,",
        ":7: header: missing column(s) Armament category",
    ),
    "register: wrong field count": (
        "register.csv",
        "800,Montenegro,Serbia,G-4,",
        "800,Montenegro,Serbia,G-4,extra,",
        ":17: (row): 18 fields, expected 17",
    ),
    "register: bad flag": (
        "register.csv",
        "2020,No,1,Yes,2022",
        "2020,Maybe,1,Yes,2022",
        ":8: Order date is estimate: expected 'Yes', 'No' or empty (got 'Maybe')",
    ),
    "register: not a register": (
        "register.csv",
        "SIPRI AT Database ID,",
        "Deal,",
        ":1: header: no header line starting 'SIPRI AT Database ID'",
    ),
    "orders: bad year list": (
        "orders.csv",
        "1992; 1993; 1994; 1995",
        "1992; 93",
        ":5: delivery_years: expected years separated by ';' (got '1992; 93')",
    ),
    "orders: missing column": ("orders.csv", ",Comments,", ",Remarks,", ":1: header: missing column(s) comments"),
    "orders: bad TIV": (
        "orders.csv",
        "7.25,14.5,0",
        "7.25,n/a,0",
        ":9: tiv_total_order: not a non-negative number (got 'n/a')",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_fails_with_file_and_line(case, sipri_data, tmp_path, capsys):
    name, old, new, expected = BAD_FILES[case]
    files = {n: tmp_path / n for n in ("register.csv", "orders.csv")}
    for n, path in files.items():
        shutil.copy(SIPRI / n, path)
    text = files[name].read_bytes().decode()
    assert old in text, f"fixture text {old!r} not in {name}"
    files[name].write_bytes(text.replace(old, new, 1).encode())
    before = (sipri_data / "arms_transfers.csv").read_bytes()
    code, _, err = _run(sipri_data, capsys, register=files["register.csv"], orders=files["orders.csv"])
    assert code == 1
    assert f"{files[name]}{expected}" in err, err
    assert "nothing written" in err
    assert (sipri_data / "arms_transfers.csv").read_bytes() == before


def test_files_swapped_get_a_hint(sipri_data, capsys):
    code, _, err = _run(sipri_data, capsys, register=SIPRI / "orders.csv", orders=None)
    assert code == 1 and "pass it with --orders" in err
    code, _, err = _run(sipri_data, capsys, orders=SIPRI / "register.csv")
    assert code == 1 and "pass it with --register" in err


def test_names_are_read_as_of_the_order_year():
    # "Yugoslavia" is dated in the shared names table (the UN's label for Serbia's seat from 2003)
    ctx = Context(None, None, CountryNames.load(PROJECT_DATA / NAMES_FILE), {"YUG", "SRB", "RUS"}, {"MNE"})
    assert ctx.codes(Path("orders.csv"), 7, "Yugoslavia", "Montenegro", 1985) == ("MNE", "YUG")
    assert ctx.codes(Path("orders.csv"), 8, "Russia", "Montenegro", None) == (
        "MNE",
        "RUS",
    )  # undated names need no year
    assert not ctx.problems
    assert ctx.codes(Path("orders.csv"), 9, "Yugoslavia", "Montenegro", None) is None
    assert [str(p) for p in ctx.problems] == [
        "orders.csv:9: supplier: 'Yugoslavia' names different countries over time and this row has no order or "
        "delivery year"
    ]


# ---- the project's table against the real 2026 register -------------------------------------------------

REGISTER_2026 = SHARED_SOURCES / "sipri_trade_register_2026" / "trade_register_raw.csv"
ORDERS_2024 = SHARED_SOURCES / "sipri_trade_register_2024_orders" / "trade_register_orders_all.csv"


def _serbia_deliveries(first: int, last: int) -> dict[str, dict[int, int]]:
    """Deal id → {delivery year: number delivered}, read straight from the raw file (not via the importer)."""
    lines = REGISTER_2026.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("SIPRI AT Database ID"))
    header = lines[start].rstrip(";").split(",")
    deals: dict[str, dict[int, int]] = {}
    for cells in csv.reader(line.rstrip().removesuffix(";") for line in lines[start + 1 :] if line.strip()):
        row = dict(zip(header, cells))
        year = int(row["Delivery year"])
        if row["Recipient"] == "Serbia" and first <= year <= last:
            deals.setdefault(row["SIPRI AT Database ID"], {})[year] = int(row["Numbers delivered"])
    return deals


def _arms_dataset(data: Path, target: Path) -> Path:
    """The fixture dataset with the arms table (and its citations) taken from `data`.

    Builds the arms rows on their own, so that work in progress on other tables cannot hide a problem here.
    """
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", target)
    for name in ("countries.csv", "arms_transfers.csv"):
        shutil.copy(data / name, target / name)
    _append(
        target / "sources.csv",
        "".join((data / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)[1:]),
    )
    for name in ("fact_sources.csv", "alternatives.csv"):
        fixture = (target / name).read_text(encoding="utf-8").splitlines(keepends=True)
        ours = (data / name).read_text(encoding="utf-8").splitlines(keepends=True)[1:]
        keep = [line for line in fixture if not line.startswith("arms_transfers,")]
        (target / name).write_text(
            "".join(keep + [line for line in ours if line.startswith("arms_transfers,")]), encoding="utf-8"
        )
    return target


def test_every_2006_2024_serbia_delivery_is_in_the_table(tmp_path, capsys):
    if not REGISTER_2026.exists() or not ORDERS_2024.exists():
        pytest.skip(
            f"SIPRI reference files not found under {SHARED_SOURCES}: the check against the 2026 register is skipped"
        )
    deliveries = _serbia_deliveries(2006, 2024)
    assert deliveries, "no deliveries to Serbia found in the register"
    data = tmp_path / "data"
    shutil.copytree(PROJECT_DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    code = main(
        [
            "--register",
            str(REGISTER_2026),
            "--orders",
            str(ORDERS_2024),
            "--recipients",
            "SRB,MNE,MKD,ALB,BIH,XKX",
            "--out",
            str(data / "arms_transfers.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert _rows(data) == _rows(PROJECT_DATA), "data/arms_transfers.csv is not what the importer makes: rerun it"
    build(_arms_dataset(data, tmp_path / "arms"), tmp_path / "check.duckdb")
    con = duckdb.connect(str(tmp_path / "check.duckdb"), read_only=True)
    table = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT sipri_id, recipient_iso3, delivery_first_year, delivery_last_year, quantity_delivered "
            "FROM arms_transfers WHERE sipri_id IS NOT NULL"
        ).fetchall()
    }
    con.close()
    for deal, years in deliveries.items():
        assert deal in table, f"SIPRI deal {deal} (deliveries {years}) missing from arms_transfers"
        recipient, first, last, delivered = table[deal]
        assert recipient == "SRB"
        assert first <= min(years) and max(years) <= last, f"deal {deal}: years {sorted(years)} outside {first}-{last}"
        assert delivered >= sum(years.values()), f"deal {deal}: {delivered} delivered < {sum(years.values())}"
