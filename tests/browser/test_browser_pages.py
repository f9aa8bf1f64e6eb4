"""In a real browser: each page loads, a filter change reaches the URL, the URL reopens the same view, and the
chart downloads are a real PNG and a CSV holding only the filtered rows."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.helpers import (  # noqa: F401  (other pages' browser tests import these from here)
    IDLE_JS,
    PNG_SIGNATURE,
    download,
    expect_rerun,
    move_first_year,
    open_page,
    read_bundle,
    read_csv,
    wait_for_charts,
    years_slider,
)


def test_overview_years_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, base_url, charts=2)  # the index headline and the activity chart
    assert years_slider(page) == (2012, 2025)
    move_first_year(page, 6)
    page.wait_for_url(re.compile(r"years=2018&years=2025"))
    wait_for_charts(page, 2)

    csv = read_csv(download(page, "overview_csv"))
    zipped, meta = read_bundle(download(page, "overview_zip"))
    assert zipped.equals(csv) and meta["filters"].startswith("Years 2018–2025")
    assert meta["page_url"] == page.url  # the page's own address, filters included
    assert csv["year"].between(2018, 2025).all() and len(csv) > 0
    assert set(csv["series"]) >= {"Engagements", "CFSP alignment", "UN agreement"}
    assert download(page, "overview_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=2)  # the index headline and the activity chart
    assert years_slider(again) == (2018, 2025)
    assert again.locator("[data-testid=stMetricValue]").first.inner_text() == "51%"
    again.close()


def test_clicking_a_bar_lists_its_facts_and_sources(page: Page, base_url: str):
    open_page(page, f"{base_url}/arms?partners=Russia", charts=3)
    # plotly's drag layer lies over the bars and turns a click at the bar's place into a point selection
    # a click before plotly has bound its handlers selects nothing: click again, a bounded number of times
    behind = page.get_by_text("Behind your selection")
    for _ in range(3):
        page.locator(".st-key-arms_order_deals_chart .barlayer .point path").first.click(force=True)
        try:
            behind.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    expect(behind).to_be_visible()
    expect(page.get_by_text("Widget-2")).to_be_visible()
    link = page.get_by_role("link", name="Fixture source A")
    expect(link.first).to_have_attribute("href", "https://example.org/a")


def test_arms_partner_filter_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/arms", charts=3)
    expect_rerun(page)
    page.locator(".st-key-partners input[role=combobox]").click()
    page.keyboard.type("Russia")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"partners=Russia"))
    page.keyboard.press("Escape")
    wait_for_charts(page, 3)

    csv = read_csv(download(page, "arms_order_deals_csv"))
    assert csv["supplier"].tolist() == ["Russia"] and csv["year"].tolist() == [2017]
    assert download(page, "arms_category_deals_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=3)
    expect(again.locator(".st-key-partners [data-testid=stMultiSelectTagsContainer]")).to_contain_text("Russia")
    expect(again.locator(".st-key-partners [data-testid=stMultiSelectTagsContainer]")).not_to_contain_text("China")
    again.close()


def test_exercises_years_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/exercises", charts=3)
    expect(page.get_by_text("Fixture moratorium on exercises").first).to_be_visible()  # the shaded period
    move_first_year(page, 10)
    page.wait_for_url(re.compile(r"years=2022&years=2025"))
    wait_for_charts(page, 3)

    csv = read_csv(download(page, "exercises_per_year_csv"))
    assert csv["year"].tolist() == [2025] and csv["bloc"].tolist() == ["East"]
    assert download(page, "exercise_timeline_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=3)
    assert years_slider(again) == (2022, 2025)
    expect(again.get_by_text("Fixture moratorium on exercises")).to_have_count(0)  # 2021 is out of range
    again.close()
