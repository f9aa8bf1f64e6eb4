"""The dataset version: one row of dataset_info per build, its hash a function of the data alone, and the
version written into every download."""

from __future__ import annotations

import io
import shutil
import zipfile

import duckdb
import pandas as pd

from dashboard.components import data_downloads, download_bundle, export
from dashboard.pipeline import dataset_info
from dashboard.pipeline.build import build
from dashboard.store import dataset_version
from dashboard.store.database import SharedConnection
from tests.conftest import FIXTURE


def _info(db) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select version, content_sha256, built_at from dataset_info").fetchall()
    assert len(rows) == 1
    return dict(zip(["version", "content_sha256", "built_at"], rows[0]))


def test_same_data_in_another_folder_gives_the_same_hash(tmp_path):
    a, b = tmp_path / "one" / "data", tmp_path / "two" / "elsewhere"
    shutil.copytree(FIXTURE, a)
    shutil.copytree(FIXTURE, b)
    for path in dataset_info.input_files(b):  # other file times: they do not enter the hash
        path.touch()
    build(a, tmp_path / "a.duckdb")
    build(b, tmp_path / "b.duckdb")
    first, second = _info(tmp_path / "a.duckdb"), _info(tmp_path / "b.duckdb")
    assert first["content_sha256"] == second["content_sha256"] == dataset_info.content_sha256(FIXTURE)
    assert first["version"] == second["version"]
    assert first["version"].endswith("+" + first["content_sha256"][:8])


def test_a_changed_cell_changes_the_hash(data_dir, tmp_path):
    before = dataset_info.content_sha256(data_dir)
    path = data_dir / "curated" / "countries.csv"
    frame = pd.read_csv(path, keep_default_na=False, dtype=str)
    frame.loc[0, "name"] = frame.loc[0, "name"] + " (renamed)"
    frame.to_csv(path, index=False, lineterminator="\n")
    build(data_dir, tmp_path / "changed.duckdb")
    after = _info(tmp_path / "changed.duckdb")["content_sha256"]
    assert after != before
    assert after == dataset_info.content_sha256(data_dir)


def test_an_imported_file_and_its_name_are_hashed(data_dir):
    before = dataset_info.content_sha256(data_dir)
    imported = sorted((data_dir / "imported").rglob("*.csv"))[0]
    imported.rename(imported.with_name("renamed_" + imported.name))
    assert dataset_info.content_sha256(data_dir) != before


def test_version_is_dated_by_the_newest_changelog_entry(data_dir):
    sha = dataset_info.content_sha256(data_dir)
    assert dataset_info.version_label(data_dir, sha) == f"undated+{sha[:8]}"
    (data_dir / "CHANGELOG.md").write_text(
        "# Dataset changelog\n\n## 2026-12-09 — second\n- x\n\n## 2026-11-25 — first release\n", encoding="utf-8"
    )
    assert dataset_info.version_label(data_dir, sha) == f"2026-12-09+{sha[:8]}"
    assert dataset_info.content_sha256(data_dir) == sha  # the changelog is not part of the data


def test_the_version_is_in_the_table_csv_and_it_still_builds(fixture_db, tmp_path):
    info = _info(fixture_db)
    shared = SharedConnection(fixture_db)
    raw = data_downloads.table_csv(shared, "countries").decode()
    first, header = raw.splitlines()[:2]
    assert first.startswith("#") and info["version"] in first and info["content_sha256"] in first
    assert header == "iso3,name,bloc,kind,eu_member,eu_candidate_wb,notes"
    # the build reads a downloaded table as it is: the `#` line is skipped, line numbers stay the file's own
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    (copy / "curated" / "countries.csv").write_text(raw, encoding="utf-8")
    build(copy, tmp_path / "again.duckdb")


def test_the_version_is_in_the_zip(fixture_db):
    info = _info(fixture_db)
    archive = zipfile.ZipFile(io.BytesIO(data_downloads.everything_zip(SharedConnection(fixture_db))))
    readme = archive.read("README.md").decode()
    assert f"Dataset version: {info['version']}" in readme and info["content_sha256"] in readme
    row = pd.read_csv(io.BytesIO(archive.read("dataset_info.csv")), dtype=str).iloc[0].to_dict()
    assert row == info


def test_the_version_is_in_the_chart_metadata_the_table_csv_header_and_image_source_line(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        info = dataset_version.read(con)
    data = pd.DataFrame({"year": [2020], "n": [1]})
    sources = pd.DataFrame(columns=["source_id", "title", "url", "publisher", "published_on", "n_facts"])
    meta = download_bundle.metadata(data, "A chart", "all", sources, info)
    assert meta["dataset"] == info and info["version"] in meta["citation"]
    raw = export.csv_bytes(data, "A table", "all", sources, dataset_version.describe(info)).decode()
    assert f"# Data: dataset {info['version']} (content sha256 {info['content_sha256']}" in raw
    assert pd.read_csv(io.StringIO(raw), comment="#").to_dict("list") == {"year": [2020], "n": [1]}
    assert export.source_line(sources, version=info["version"]).endswith(f", dataset {info['version']}")


def test_a_database_without_dataset_info_reads_as_unversioned(tmp_path):
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        assert dataset_version.read(con)["version"] == "unversioned"
