"""Data & sources in a real browser: the table choice and the search term reach the URL and reopen, and the
CSV downloads hold the chosen table and only the matching sources."""

from __future__ import annotations

import io
import re

import pandas as pd
from playwright.sync_api import Page, expect

from tests.browser.test_browser_pages import IDLE_JS, download
from tests.conftest import fixture_table


def wait_idle(page: Page) -> None:
    page.wait_for_function(IDLE_JS, polling=100)
    expect(page.locator("[data-testid=stDataFrame]").first).to_be_visible()


def test_data_table_and_search_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    page.goto(f"{base_url}/data_sources")
    wait_idle(page)
    choose = page.locator(".st-key-table input[role=combobox]")
    choose.click()
    choose.fill("un_votes")
    page.get_by_role("option", name="un_votes").click()
    page.wait_for_url(re.compile(r"table=un_votes"))
    search = page.locator(".st-key-q input")
    search.fill("it's source a")  # a quote in the term: bound as a value, and simply not found
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=it"))
    wait_idle(page)
    expect(page.get_by_text("No source matches")).to_be_visible()
    search.fill("source a")
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=source"))
    wait_idle(page)

    table = pd.read_csv(io.BytesIO(download(page, "data_table_csv")), comment="#")  # a # line names the version
    assert list(table.columns) == ["resolution_id", "country_iso3", "vote"]
    assert sorted(table["country_iso3"]) == sorted(fixture_table("un_votes")["country_iso3"])
    found = pd.read_csv(io.BytesIO(download(page, "data_sources_csv")), comment="#")
    assert found["source_id"].tolist() == ["src-a"]

    again = browser.new_page()
    again.goto(page.url)
    wait_idle(again)
    expect(again.locator(".st-key-table input[role=combobox]")).to_have_value("un_votes")
    expect(again.locator(".st-key-q input")).to_have_value("source a")
    again.close()
