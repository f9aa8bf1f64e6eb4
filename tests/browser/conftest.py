"""Browser tests: the dashboard served for real against the fixture database, driven by Debian chromium."""

from __future__ import annotations

import os

import pytest

from tests.browser.server import CHROMIUM, dashboard, launch

# a first page load (server start, imports, cold caches) takes seconds, more on a busy 2-core machine
EXPECT_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def base_url(fixture_db, tmp_path_factory):
    with dashboard(fixture_db, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    p = context.new_page()
    p.set_default_timeout(EXPECT_TIMEOUT_MS)
    yield p
    context.close()


def pytest_collection_modifyitems(items):
    # everything under tests/browser/ needs the served app and Debian chromium
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
