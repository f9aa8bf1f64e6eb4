"""UN votes in a real browser: the measure toggle reaches the URL and reopens, and the downloads hold the
chosen measure and the key votes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.test_browser_pages import PNG_SIGNATURE, download, open_page, read_csv, wait_for_charts


def test_un_measure_in_url_reopen_and_downloads(page: Page, base_url: str, browser):
    open_page(page, f"{base_url}/un_votes", charts=1)
    page.locator(".st-key-measure").get_by_text("Abstain-aware").click()
    page.wait_for_url(re.compile(r"measure=Abstain-aware"))
    wait_for_charts(page, 1)

    agreement = read_csv(download(page, "un_agreement_csv"))
    assert set(agreement["measure"]) == {"Abstain-aware"}
    assert agreement["value_pct"].tolist() == agreement["agreement_abstain_aware_pct"].tolist()
    assert sorted(agreement["value_pct"]) == [70.0, 75.0, 80.0, 80.0]  # the fixture's abstain-aware scores
    votes = read_csv(download(page, "un_key_votes_csv"))
    assert votes["resolution"].tolist() == ["A/RES/ES-11/1"]
    assert votes[["Serbia", "Russia"]].values.tolist() == [["yes", "no"]]
    assert download(page, "un_agreement_png")[:8] == PNG_SIGNATURE

    again = browser.new_page()
    open_page(again, page.url, charts=1)
    expect(again.locator(".st-key-measure label:has(input:checked)")).to_have_text("Abstain-aware")
    again.close()
