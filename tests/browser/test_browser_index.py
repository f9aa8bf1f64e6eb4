"""The Index page in a real browser: a weight slider changes the plotted data and the URL, and the URL restores
the weights."""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import Page

from tests.browser.helpers import download, expect_rerun, open_page, read_csv, wait_for_charts

CHARTS = 3  # index, components, sensitivity


def _serbia(raw: bytes) -> dict[int, float]:
    rows = read_csv(raw)
    rows = rows[(rows["series"] == "East–West index") & (rows["country_iso3"] == "SRB")]
    return dict(zip(rows["year"].astype(int), rows["value"]))


def _slider(page: Page):
    return page.locator(".st-key-w_un_votes input[type=range]")


def test_weight_slider_changes_the_data_and_the_url_restores_it(page: Page, base_url: str, browser, fixture_db):
    open_page(page, f"{base_url}/index", charts=CHARTS)
    con = duckdb.connect(str(fixture_db), read_only=True)
    stored = dict(con.execute("SELECT year, value FROM east_west_index WHERE country_iso3 = 'SRB'").fetchall())
    con.close()
    assert _serbia(download(page, "index_csv")) == pytest.approx(stored)  # default weights: the stored table

    expect_rerun(page)
    _slider(page).focus()
    for _ in range(4):  # 20 % → 0 % in steps of 5
        _slider(page).press("ArrowLeft")
    page.wait_for_url(re.compile(r"w_un_votes=0"))
    wait_for_charts(page, CHARTS)
    changed = _serbia(download(page, "index_csv"))
    assert changed != pytest.approx(stored)

    again = browser.new_page(accept_downloads=True)
    open_page(again, page.url, charts=CHARTS)
    assert int(_slider(again).input_value()) == 0
    assert _serbia(download(again, "index_csv")) == pytest.approx(changed)
    again.close()


def test_component_panel_titles_are_clear_of_the_points(page: Page, base_url: str):
    """Each small multiple's title sits on its panel's top edge: the +1 line (where a fully Western component's
    points are drawn) stays clear of it by more than a point's radius."""
    open_page(page, f"{base_url}/index", charts=CHARTS)
    gaps = page.evaluate(
        """() => {
          const chart = document.querySelector('.st-key-index_components_chart .js-plotly-plot');
          const top = chart.getBoundingClientRect().top, layout = chart._fullLayout;
          const axes = Object.keys(layout).filter((k) => /^yaxis\\d*$/.test(k)).map((k) => layout[k])
            .sort((a, b) => a._offset - b._offset);
          const titles = [...chart.querySelectorAll('.annotation-text')].map((e) => e.getBoundingClientRect())
            .sort((a, b) => a.top - b.top);
          return axes.map((ax, i) => top + ax._offset + ax.l2p(1) - titles[i].bottom);
        }"""
    )
    assert len(gaps) == 5  # one panel per component
    assert min(gaps) > 8, gaps  # a marker's radius is 3 px
