"""On a phone (390 px wide) the overview's plot keeps its place: the legend is capped and scrolls instead of
pushing the plot areas into a strip; and every chart's title is shown whole: as text that wraps where Plotly's
one-line title would be cut off, as Plotly's own title where the column is wide."""

from __future__ import annotations

from playwright.sync_api import expect

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
    for key in ("overview_index", "overview"):
        _title_shown_whole(page, key, width)
    context.close()
    return plotted / chart_height


def _title_shown_whole(page, key: str, width: int) -> None:
    """The chart's title is visible in one of its two forms, inside the window and its chart, never cut."""
    chart = page.locator(f".st-key-{key}_chart [data-testid=stPlotlyChart]")
    plotly_title, wrapped = chart.locator(".gtitle"), page.locator(f".st-key-{key}_wrapped_title")
    expect(plotly_title).to_have_count(1)  # drawn (hidden or not) once Plotly has laid the chart out
    if width < 600:
        expect(plotly_title).to_be_hidden()
        expect(wrapped).to_be_visible()
        text = wrapped.locator("p")
        box, chart_box = text.bounding_box(), chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box  # inside the window
        assert box["y"] + box["height"] <= chart_box["y"] + 1, (box, chart_box)  # above the chart, not over it
        # every line fits: nothing scrolls or is cut off sideways, and the text wrapped onto more lines
        assert text.evaluate("e => e.scrollWidth <= e.clientWidth && e.getClientRects().length > 0")
        assert text.inner_text() == page.evaluate(
            "k => document.querySelector(`.st-key-${k}_chart .gtitle`).textContent", key
        )
    else:
        expect(wrapped).to_be_hidden()
        expect(plotly_title).to_be_visible()
        box, chart_box = plotly_title.bounding_box(), chart.bounding_box()
        assert chart_box["x"] <= box["x"] and box["x"] + box["width"] <= chart_box["x"] + chart_box["width"], box


def test_the_overview_plot_keeps_half_the_chart_on_a_phone(browser, base_url):
    assert _plot_share(browser, base_url, 390) >= 0.5
    assert _plot_share(browser, base_url, 1300) >= 0.5
