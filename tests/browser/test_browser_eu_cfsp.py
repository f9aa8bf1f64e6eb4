"""EU & CFSP in a real browser: the year filter reaches the URL and reopens, downloads hold the filtered rows,
and an excerpt with HTML in it is shown as text."""

from __future__ import annotations

import re

import pandas as pd
from playwright.sync_api import Page, expect

from tests.browser.test_browser_pages import (
    PNG_SIGNATURE,
    download,
    move_first_year,
    open_page,
    read_csv,
    wait_for_charts,
    years_slider,
)
from tests.conftest import fixture_table


def test_eu_cfsp_years_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/eu_cfsp", charts=2)
    assert years_slider(page) == (2012, 2025)
    move_first_year(page, 8)
    page.wait_for_url(re.compile(r"years=2020&years=2025"))
    wait_for_charts(page, 2)

    rates = read_csv(download(page, "cfsp_rate_csv"))
    # every fixture rate whose period ends inside 2020-2025 (Serbia and the compared candidates)
    ends = pd.to_datetime(fixture_table("cfsp_alignment")["period_end"]).dt.year
    assert sorted(rates["year"]) == sorted(ends[ends.between(2020, 2025)])
    assert set(rates["issuer"]) == {"ISAC Fund", "European Commission"}
    assert download(page, "eu_statements_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=2)
    assert years_slider(again) == (2020, 2025)
    expect(again.get_by_text("Fixture excerpt, <b>not</b> HTML")).to_be_visible()  # text, not markup
    again.close()
