"""Driving the dashboard in the browser: page loads, reruns, the year slider, downloads."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
from playwright.sync_api import Page, expect

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def open_page(page: Page, url: str, charts: int) -> None:
    page.goto(url)
    wait_for_charts(page, charts)


# The app root says whether the script runs. Idle = not running for a while; after a widget change, also
# at least one run seen since `expect_rerun` (the rerun may start after the URL has changed, and a click
# on a download button of the old run is lost when the new run replaces it).
WATCH_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__runs = 0;
  window.__idleSince = null;
  if (window.__watch) window.__watch.disconnect();
  // a fast rerun can flip the state to running and back before the callback reads it: count a run from
  // each record's old value as well as from the current one
  window.__watch = new MutationObserver((records) => {
    const now = app.getAttribute('data-test-script-state');
    if (now === 'running' || records.some((r) => r.oldValue === 'running')) window.__runs += 1;
  });
  window.__watch.observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
}"""
IDLE_JS = """() => {
  if (window.__runs === 0) return false;
  const state = document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state');
  if (state !== 'notRunning') { window.__idleSince = null; return false; }
  window.__idleSince = window.__idleSince || Date.now();
  return Date.now() - window.__idleSince > 700;
}"""


def expect_rerun(page: Page) -> None:
    """Call before a widget change: the next `wait_for_charts` then waits for the rerun it causes."""
    page.evaluate(WATCH_JS)


def wait_for_charts(page: Page, charts: int) -> None:
    page.wait_for_function(IDLE_JS, polling=100)
    page.evaluate("() => { window.__runs = undefined; window.__watch?.disconnect(); }")
    # during a rerun the old and new chart coexist for a moment: wait until exactly `charts` are drawn
    expect(page.locator("[data-testid=stPlotlyChart]")).to_have_count(charts)
    expect(page.locator("[data-testid=stPlotlyChart] .main-svg").first).to_be_visible()


def years_slider(page: Page) -> tuple[int, int]:
    thumbs = page.locator("[data-testid=stSlider] input[type=range]")
    return int(thumbs.nth(0).input_value()), int(thumbs.nth(1).input_value())


def move_first_year(page: Page, steps: int) -> None:
    thumb = page.locator("[data-testid=stSlider] input[type=range]").first
    expect_rerun(page)
    thumb.focus()
    for _ in range(steps):
        thumb.press("ArrowRight")


def download(page: Page, key: str) -> bytes:
    """The file behind download button `key` (`<chart key>_png|svg|csv`); a chart draws its download buttons
    only once its one "Download" button is pressed."""
    button = page.locator(f".st-key-{key} button")
    if not button.count():
        page.locator(f".st-key-{key.rsplit('_', 1)[0]}_downloads button").click()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    return open(info.value.path(), "rb").read()


def read_csv(raw: bytes) -> pd.DataFrame:
    """A chart's CSV: plain, the header on its first line (its title, filters and sources are in the zip)."""
    text = raw.decode("utf-8")
    assert not text.startswith("#"), text[:200]
    return pd.read_csv(io.StringIO(text))


def read_bundle(raw: bytes) -> tuple[pd.DataFrame, dict]:
    """A chart's zip: (its CSV, its metadata.json), after checking the members are the three expected."""
    archive = zipfile.ZipFile(io.BytesIO(raw))
    names = archive.namelist()
    assert len(names) == 3 and {"metadata.json", "README.md"} < set(names), names
    meta = json.loads(archive.read("metadata.json"))
    assert any(s["title"].startswith("Fixture source") for s in meta["sources"]), meta["sources"]
    return read_csv(archive.read(meta["files"]["csv"])), meta


def read_annotated_csv(raw: bytes) -> pd.DataFrame:
    """A page table's CSV (the key UN votes): `#` lines naming it, its filters and sources, then the rows."""
    text = raw.decode("utf-8")
    assert text.startswith("# Serbia Alignment Monitor: ")
    assert "# Source: Fixture source" in text
    return pd.read_csv(io.StringIO(text), comment="#")
