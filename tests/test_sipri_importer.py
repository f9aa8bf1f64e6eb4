"""The SIPRI importer: deal rows from both register forms, its own output folder, provenance, bad files.

Fixtures in tests/fixtures/sipri are small hand-made files in SIPRI's two export formats; the tests marked
shared_sources run the importer on the real files in ../shared/sources and check the committed folder
data/imported/sipri/ against them.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.importers.sipri.cli import main
from dashboard.importers.sipri.context import Context
from dashboard.pipeline.build import build
from tests.conftest import SHARED_SOURCES
from tests.importer_data import (
    FIXTURES,
    PROJECT_CURATED,
    PROJECT_DATA,
    drop_source,
    importer_data,
    outside,
    sha256,
    snapshot,
)

SIPRI = FIXTURES / "sipri"
OWN = "imported/sipri"


@pytest.fixture
def sipri_data(tmp_path: Path) -> Path:
    return importer_data(tmp_path)


def _run(
    data: Path,
    capsys,
    *extra: str,
    register: Path = SIPRI / "register.csv",
    orders: Path | None = SIPRI / "orders.csv",
    shared: Path = FIXTURES,
) -> tuple[int, str, str]:
    argv = ["--register", str(register), "--recipients", "SRB,MNE", "--data", str(data), "--shared", str(shared)]
    if orders is not None:
        argv += ["--orders", str(orders)]
    code = main(argv + list(extra))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _rows(data: Path) -> dict[str, dict]:
    return {r["transfer_id"]: r for r in _csv(data / OWN / "arms_transfers.csv")}


def _inputs(data: Path) -> dict[str, dict]:
    entries = json.loads((data / OWN / "inputs.json").read_text(encoding="utf-8"))["inputs"]
    return {e["path"]: e for e in entries}


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


def test_the_importer_writes_only_its_folder_and_the_result_builds(sipri_data, capsys):
    before = snapshot(sipri_data)
    code, _, err = _run(sipri_data, capsys)
    assert code == 0, err
    after = snapshot(sipri_data)
    assert outside(after, OWN) == before  # curated/ untouched, nothing else created
    assert sorted(k for k in after if k.startswith(OWN + "/")) == [
        f"{OWN}/arms_transfers.csv",
        f"{OWN}/fact_sources.csv",
        f"{OWN}/inputs.json",
    ]
    facts = _csv(sipri_data / OWN / "fact_sources.csv")
    assert {r["fact_id"] for r in facts} == set(_rows(sipri_data))
    hq = {r["source_id"]: r["evidence"] for r in facts if r["fact_id"] == "sipri-100"}
    assert hq["sipri-register-2026"].endswith("rows for delivery years 2022 and 2023")
    assert "ordered 3, delivered 1" in hq["sipri-orders-2024"]
    build(sipri_data, sipri_data.parent / "check.duckdb")  # curated and imported rows pass the build's checks


def test_out_points_elsewhere(sipri_data, tmp_path, capsys):
    before = snapshot(sipri_data)
    code, _, err = _run(sipri_data, capsys, "--out", str(tmp_path / "elsewhere"))
    assert code == 0, err
    assert snapshot(sipri_data) == before
    assert sorted(snapshot(tmp_path / "elsewhere")) == ["arms_transfers.csv", "fact_sources.csv", "inputs.json"]


def test_a_rerun_is_byte_identical(sipri_data, capsys):
    assert _run(sipri_data, capsys)[0] == 0
    first = snapshot(sipri_data)
    code, out, _ = _run(sipri_data, capsys)
    assert code == 0
    assert snapshot(sipri_data) == first
    assert "changed" not in out and "added sipri" not in out


def test_inputs_json_records_the_files_read(sipri_data, tmp_path, capsys):
    shared = tmp_path / "shared"
    shutil.copytree(SIPRI, shared / "sipri")
    register, orders = shared / "sipri" / "register.csv", shared / "sipri" / "orders.csv"
    assert _run(sipri_data, capsys, register=register, orders=orders, shared=shared)[0] == 0
    inputs = _inputs(sipri_data)
    assert set(inputs) == {"sipri/register.csv", "sipri/orders.csv"}
    entry = inputs["sipri/register.csv"]
    assert entry["sha256"] == sha256(register) and entry["bytes"] == register.stat().st_size
    assert (entry["file"], entry["source_id"], entry["accessed_on"]) == (
        "register.csv",
        "sipri-register-2026",
        "2026-11-25",
    )
    assert {"producer", "title", "url", "licence", "vintage"} <= set(entry)
    text = (sipri_data / OWN / "inputs.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    # an upstream file that changes shows up as a new sha256, and only there
    with orders.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert _run(sipri_data, capsys, register=register, orders=orders, shared=shared)[0] == 0
    changed = _inputs(sipri_data)
    assert changed["sipri/orders.csv"]["sha256"] == sha256(orders) != inputs["sipri/orders.csv"]["sha256"]
    assert changed["sipri/register.csv"] == inputs["sipri/register.csv"]


def test_files_outside_the_shared_folder_are_refused(sipri_data, tmp_path, capsys):
    code, _, err = _run(sipri_data, capsys, shared=tmp_path / "nowhere")
    assert code == 1 and "not under the shared sources folder" in err and "nothing written" in err
    assert not (sipri_data / OWN).exists()


def test_missing_source_row_is_named(sipri_data, capsys):
    code, _, err = _run(sipri_data, capsys, "--orders-source", "sipri-orders-1999")
    assert code == 1
    assert "curated/sources.csv:0: source_id: no sources row 'sipri-orders-1999'" in err
    drop_source(sipri_data, "sipri-register-2026")
    code, _, err = _run(sipri_data, capsys)
    assert code == 1 and "no sources row 'sipri-register-2026'" in err
    assert not (sipri_data / OWN).exists()


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
    before = snapshot(sipri_data)
    code, _, err = _run(sipri_data, capsys, register=files["register.csv"], orders=files["orders.csv"], shared=tmp_path)
    assert code == 1
    assert f"{files[name]}{expected}" in err, err
    assert "nothing written" in err
    assert snapshot(sipri_data) == before


def test_files_swapped_get_a_hint(sipri_data, capsys):
    code, _, err = _run(sipri_data, capsys, register=SIPRI / "orders.csv", orders=None)
    assert code == 1 and "pass it with --orders" in err
    code, _, err = _run(sipri_data, capsys, orders=SIPRI / "register.csv")
    assert code == 1 and "pass it with --register" in err


def test_names_are_read_as_of_the_order_year():
    # "Yugoslavia" is dated in the shared names table (the UN's label for Serbia's seat from 2003)
    ctx = Context(None, None, CountryNames.load(PROJECT_CURATED / NAMES_FILE), {"YUG", "SRB", "RUS"}, {"MNE"})
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


# ---- the committed folder against the real SIPRI files ------------------------------------------------------

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


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    if not REGISTER_2026.exists() or not ORDERS_2024.exists():
        pytest.skip(f"SIPRI reference files not found under {SHARED_SOURCES}")
    out = tmp_path_factory.mktemp("sipri")
    argv = ["--register", str(REGISTER_2026), "--orders", str(ORDERS_2024), "--recipients", "SRB,MNE,MKD,ALB,BIH,XKX"]
    assert main(argv + ["--data", str(PROJECT_DATA), "--out", str(out)]) == 0
    return out


@pytest.mark.shared_sources
def test_the_committed_folder_is_what_the_importer_makes(regenerated):
    assert snapshot(regenerated) == snapshot(PROJECT_DATA / OWN), "data/imported/sipri/ is stale: rerun the importer"


@pytest.mark.shared_sources
def test_every_2006_2024_serbia_delivery_is_in_the_table(regenerated):
    deliveries = _serbia_deliveries(2006, 2024)
    assert deliveries, "no deliveries to Serbia found in the register"
    table = {r["sipri_id"]: r for r in _csv(regenerated / "arms_transfers.csv") if r["sipri_id"]}
    for deal, years in deliveries.items():
        assert deal in table, f"SIPRI deal {deal} (deliveries {years}) missing from arms_transfers"
        row = table[deal]
        first, last, delivered = (
            int(row[c]) for c in ("delivery_first_year", "delivery_last_year", "quantity_delivered")
        )
        assert row["recipient_iso3"] == "SRB"
        assert first <= min(years) and max(years) <= last, f"deal {deal}: years {sorted(years)} outside {first}-{last}"
        assert delivered >= sum(years.values()), f"deal {deal}: {delivered} delivered < {sum(years.values())}"
