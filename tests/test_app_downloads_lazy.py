"""A chart's PNG/SVG/CSV/ZIP buttons are drawn only when its one "Download" button is pressed (a page run without
them is cheaper), and pressing it draws that chart's four buttons, not another chart's."""

from __future__ import annotations

from tests.apptest import open_app


def test_downloads_are_drawn_on_demand_per_chart(monkeypatch, fixture_db):
    at = open_app(monkeypatch, fixture_db)
    assert not at.get("download_button")  # nothing built for a reader who does not download
    openers = {b.key for b in at.button if b.key and b.key.endswith("_downloads")}
    assert openers == {"overview_index_downloads", "overview_downloads"}

    at.button(key="overview_downloads").click().run()
    assert not at.exception, at.exception
    keys = {d.proto.id for d in at.get("download_button")}  # element ids end with their widget key
    assert len(keys) == 4
    assert all(any(f"overview_{kind}" in k for kind in ("png", "svg", "csv", "zip")) for k in keys)
    assert not any("overview_index_" in k for k in keys)

    at.run()  # the next full run folds them back into the one button
    assert not at.get("download_button")
