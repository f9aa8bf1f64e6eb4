"""In a real browser: the language switch reaches the URL, survives a filter change, a page switch and a
reopened link, and the downloaded image draws its title in the chosen language."""

from __future__ import annotations

import io
import re

import pandas as pd
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    PNG_SIGNATURE,
    download,
    expect_rerun,
    move_first_year,
    open_page,
    wait_for_charts,
    years_slider,
)

LATIN_TITLE = "Monitor spoljnopolitičkog usmerenja Srbije"
CHART_TITLE = "Aktivnost Srbije sa Istokom i Zapadom"


def test_language_switch_in_url_filters_reopen_and_image_title(page: Page, base_url: str, browser):
    open_page(page, base_url, charts=2)
    expect(page.locator("h1").first).to_have_text("Serbia Alignment Monitor")

    expect_rerun(page)
    page.locator(".st-key-lang_pick").get_by_text("Srpski latinica").click()
    page.wait_for_url(re.compile(r"lang=sr-Latn"))
    wait_for_charts(page, 2)
    expect(page.locator("h1").first).to_have_text(LATIN_TITLE)

    expect_rerun(page)
    move_first_year(page, 6)
    page.wait_for_url(re.compile(r"years=2018&years=2025"))
    wait_for_charts(page, 2)
    assert "lang=sr-Latn" in page.url

    svg = download(page, "overview_svg").decode("utf-8")
    assert CHART_TITLE in svg and "Godine 2018–2025" in svg
    assert download(page, "overview_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=2)
    expect(again.locator("h1").first).to_have_text(LATIN_TITLE)
    assert years_slider(again) == (2018, 2025)

    # a page switch keeps the language (and the filters) in the URL
    again.get_by_role("link", name="Naoružanje").click()
    again.wait_for_url(re.compile(r"/arms\?.*lang=sr-Latn"))
    expect(again.get_by_text("Filteri").first).to_be_visible()
    again.close()


def test_cyrillic_from_the_link(page: Page, base_url: str):
    open_page(page, f"{base_url}/?lang=sr-Cyrl", charts=2)
    expect(page.locator("h1").first).to_have_text("Монитор спољнополитичког усмерења Србије")
    expect(page.get_by_text("Филтери").first).to_be_visible()


def test_a_serbian_topic_reaches_the_link_and_the_chart_csv_is_headed_in_serbian(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/eu_cfsp?lang=sr-Latn", charts=2)
    expect_rerun(page)
    page.locator(".st-key-topics input[role=combobox]").click()
    page.keyboard.type("sankcije Rusiji")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"topics=sankcije(\+|%20)Rusiji"))  # the label in the link's language
    page.keyboard.press("Escape")
    wait_for_charts(page, 2)

    table = pd.read_csv(io.StringIO(download(page, "eu_statements_csv").decode("utf-8")), comment="#")
    assert {"datum", "institucija", "vrsta", "tema", "stav", "pouzdanost"} <= set(table.columns)
    assert set(table["tema"]) == {"Russia sanctions"}  # the values as stored

    again = browser.new_page()
    open_page(again, page.url, charts=2)
    expect(again.locator(".st-key-topics [data-testid=stMultiSelectTagsContainer]")).to_contain_text("sankcije Rusiji")
    again.close()
