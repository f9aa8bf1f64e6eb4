"""Text from the data as an attack: every free-text cell of a copy of the fixture carries script, HTML,
Markdown and javascript: payloads. In Chromium no page runs any of it, no link leaves http(s), and an
exported SVG holds none of it as markup."""

from __future__ import annotations

import csv
import io
import shutil
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Page

from dashboard.pipeline.build import build
from dashboard.schema.tables import BY_NAME
from tests.browser.helpers import IDLE_JS, download, wait_for_charts
from tests.browser.server import dashboard
from tests.conftest import FIXTURE

PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>[x](javascript:alert(3)) **b** '
PAGES = {"": 2, "index": 3, "arms": 3, "exercises": 3, "eu_cfsp": 2, "un_votes": 1, "data_sources": 0, "method": 0}


def _free_text(table) -> list[str]:
    """Columns a curator types prose into: text, no fixed values, no id, code, link or reference."""
    return [
        c.name
        for c in table.columns
        if c.kind == "text" and not c.enum and not c.pattern and not c.references and c.name not in table.key
        and not c.name.endswith(("_id", "_iso3")) and c.name not in ("fact_table", "field", "value", "category")
    ]  # fmt: skip


def _seed(folder) -> None:
    for path in sorted(folder.rglob("*.csv")):
        table = BY_NAME.get(path.stem)
        if table is None:
            continue
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for row in rows:
            for column in _free_text(table):
                limit = table.by_name[column].length_limit or 2000
                row[column] = (PAYLOAD + (row[column] or ""))[:limit]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=table.column_names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    shutil.copytree(FIXTURE, root / "data")
    _seed(root / "data")
    build(root / "data", root / "seeded.duckdb")
    with dashboard(root / "seeded.duckdb", root / "streamlit.log") as url:
        yield url


SCHEMES_JS = """() => [...document.querySelectorAll('a[href], [src], [xlink\\\\:href]')].map(e =>
    e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('xlink:href'))
  .filter(v => /^\\s*(javascript|data|vbscript):/i.test(v) && !/^data:image\\//i.test(v))"""


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "overview")
def test_no_payload_runs_or_links(path, page: Page, seeded_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{seeded_url}/{path}")
    if PAGES[path]:
        wait_for_charts(page, PAGES[path])
    else:
        page.wait_for_function(IDLE_JS, polling=100)
        page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    # hover every bar and point: plotly hover labels are HTML
    for point in page.locator(".main-svg .point, .main-svg .scatterlayer path.point").all()[:40]:
        point.hover(force=True, timeout=2_000)
    assert dialogs == []
    assert page.evaluate(SCHEMES_JS) == []
    assert page.locator("script:text('alert(2)')").count() == 0
    assert page.locator("img[src=x]").count() == 0


def test_exported_svg_holds_no_markup_from_the_data(page: Page, seeded_url: str):
    """The payloads may appear as text (drawn characters), never as elements, handlers or links."""
    page.goto(f"{seeded_url}/eu_cfsp")
    wait_for_charts(page, 2)
    svg = ElementTree.fromstring(download(page, "eu_statements_svg"))
    drawn = " ".join(svg.itertext())
    assert "alert(2)" in drawn  # the seeded text was drawn, as characters
    for element in svg.iter():
        assert element.tag.rsplit("}", 1)[-1] not in ("script", "foreignObject", "img", "iframe")
        for name, value in element.attrib.items():
            assert not name.rsplit("}", 1)[-1].lower().startswith("on"), (element.tag, name)
            if name.endswith("href"):
                assert value.startswith(("http://", "https://", "#", "data:image/")), value
