"""UN votes in a real browser: the measure toggle reaches the URL and reopens, and the downloads hold the
chosen measure and the key votes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import read_annotated_csv
from tests.browser.test_browser_pages import (
    IDLE_JS,
    PNG_SIGNATURE,
    download,
    expect_rerun,
    open_page,
    read_csv,
    wait_for_charts,
)
from tests.conftest import fixture_table


def test_un_measure_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/un_votes", charts=1)
    expect_rerun(page)
    page.locator(".st-key-measure").get_by_text("Abstain-aware").click()
    page.wait_for_url(re.compile(r"measure=Abstain-aware"))
    wait_for_charts(page, 1)
    page.wait_for_function(IDLE_JS, polling=100)  # the rerun done: the download is the new chart's

    agreement = read_csv(download(page, "un_agreement_csv"))
    assert set(agreement["measure"]) == {"Abstain-aware"}
    assert agreement["value_pct"].tolist() == agreement["agreement_abstain_aware_pct"].tolist()
    scores = fixture_table("un_agreement").dropna(subset=["agreement_abstain_aware"])
    shown = scores[scores["country_iso3"].isin(agreement["country_iso3"])]
    assert sorted(agreement["value_pct"]) == sorted((shown["agreement_abstain_aware"] * 100).round(1))
    votes = read_annotated_csv(download(page, "un_key_votes_csv"))
    resolutions = fixture_table("un_resolutions").sort_values("date", ascending=False)
    assert votes["resolution"].tolist() == resolutions["resolution_id"].tolist()  # newest first
    es11_1 = votes.set_index("resolution").loc["A/RES/ES-11/1"]
    assert [es11_1["Serbia"], es11_1["Russia"]] == ["yes", "no"]
    assert download(page, "un_agreement_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=1)
    expect(again.locator(".st-key-measure label:has(input:checked)")).to_have_text("Abstain-aware")
    again.close()
