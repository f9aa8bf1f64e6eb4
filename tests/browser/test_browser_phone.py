"""On a phone (390 px wide) the overview's plot keeps its place: the legend is capped and scrolls instead of
pushing the plot areas into a strip."""

from __future__ import annotations

from tests.browser.helpers import open_page


def _plot_share(browser, base_url: str, width: int) -> float:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60_000)
    open_page(page, base_url, charts=2)  # the index, then the activity chart with the long legend
    chart = page.locator(".st-key-overview_chart [data-testid=stPlotlyChart]")
    chart_height = chart.bounding_box()["height"]
    plots = chart.locator(".cartesianlayer .subplot")
    plotted = sum(plots.nth(i).bounding_box()["height"] for i in range(plots.count()))
    legend = chart.locator(".legend").first.bounding_box()
    box = chart.bounding_box()
    assert legend["y"] + 0.5 >= box["y"] and legend["y"] < box["y"] + box["height"]  # inside the chart
    context.close()
    return plotted / chart_height


def test_the_overview_plot_keeps_half_the_chart_on_a_phone(browser, base_url):
    assert _plot_share(browser, base_url, 390) >= 0.5
    assert _plot_share(browser, base_url, 1300) >= 0.5
