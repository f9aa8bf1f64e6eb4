"""Charts are laid out once: the margins the server sets hold every chart's tick labels and legend at a
laptop width, so Plotly.js does not grow them and lay the chart out a second time (`doAutoMargin`) on each
filter step (dashboard/style/margins.py)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_page

# a margin Plotly grew, per chart: {chart index: ["b 80>140", ...]}; a chart not yet laid out reports none
GROWN_JS = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')].map((gd) => {
  const m = gd._fullLayout.margin, s = gd._fullLayout._size;
  return ['l', 'r', 't', 'b'].filter((k) => s[k] > m[k] + 0.5).map((k) => `${k} ${m[k]}>${Math.round(s[k])}`);
})"""


@pytest.mark.parametrize(
    ("path", "charts"),
    [("", 2), ("index", 3), ("arms", 3), ("exercises", 3), ("eu_cfsp", 2), ("un_votes", 1)],
)
def test_no_chart_grows_its_margins_at_laptop_width(page, base_url, path, charts):
    open_page(page, f"{base_url}/{path}", charts=charts)
    grown = page.evaluate(GROWN_JS)
    assert len(grown) == charts
    assert grown == [[]] * charts, grown
