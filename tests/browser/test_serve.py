"""`make serve PORT=… REPLICAS=2`: two replicas behind nginx on loopback. A page loads through it, its chart CSV
download equals the chart's data endpoint, the open data endpoints answer, the websocket and downloads of one
browser reach one replica, and SIGTERM to the command's process group (what Ctrl-C or a service manager
sends) leaves no process behind."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.serve.supervisor import NGINX
from tests.browser.helpers import download, open_page
from tests.browser.server import ROOT, free_port

START_TIMEOUT = 180


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def fetch(url: str, headers: dict | None = None) -> tuple[int, object, bytes]:
    """(status, headers (case-insensitive), body); urllib does not decompress."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def _venv() -> Path:
    """The virtualenv running the tests, handed to make as VENV so it installs nothing: `make test` runs
    `.venv`; a checkout sharing another's venv passes it the same way."""
    venv = Path(sys.prefix)
    up_to_date = subprocess.run(
        ["make", "-q", f"VENV={venv}", f"{venv}/.installed"], cwd=ROOT, capture_output=True, timeout=30
    )
    if up_to_date.returncode != 0:
        pytest.skip(f"{venv} was not installed by make (or is older than the requirements): run `make test`")
    return venv


@pytest.fixture
def served(fixture_db, tmp_path):
    if not os.path.exists(NGINX):
        pytest.skip(f"{NGINX} is missing: install Debian's nginx (make nginx)")
    port = free_port()
    log = tmp_path / "serve.log"
    command = ["make", "serve", f"VENV={_venv()}", f"PORT={port}", "REPLICAS=2", f"DB={fixture_db}"]
    with open(log, "wb") as out:
        # its own session, like a terminal's foreground job: the test signals the whole group, as Ctrl-C does
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while "serving http" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"not serving within {START_TIMEOUT} s:\n{log.read_text()}"
            time.sleep(0.5)
        run_dir = Path(re.search(r"logs and nginx.conf in (\S+)", _wait_for(log, "logs and nginx.conf")).group(1))
        yield url, process, run_dir, log
    finally:
        if process.poll() is None:
            _stop(process)


def _stop(process: subprocess.Popen) -> int:
    """SIGTERM to make's process group; bounded wait, then SIGKILL to the group."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.wait(timeout=10)


def _wait_for(log: Path, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    return log.read_text()


def test_two_replicas_behind_nginx_serve_pages_data_and_stop_cleanly(served, browser):
    url, process, run_dir, log = served
    started = descendants(process.pid)
    names = {Path(f"/proc/{p}/exe").resolve().name for p in started if alive(p)}
    assert {"nginx"} <= names and sum(1 for p in started if _is_replica(p)) == 2, names

    # public surface: health open, metrics closed, security headers on pages
    assert fetch(f"{url}/_stcore/health")[0] == 200
    assert fetch(f"{url}/_stcore/metrics")[0] == 404
    status, headers, _ = fetch(f"{url}/")
    assert status == 200 and headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"] and headers["Referrer-Policy"]
    assert headers["Set-Cookie"].startswith("sam_replica=")
    gz = fetch(f"{url}/api/v1/datapackage.json", {"Accept-Encoding": "gzip"})
    assert gz[1].get("Content-Encoding") == "gzip"

    # a page through nginx: the chart's CSV download equals its data link
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    open_page(page, f"{url}/?years=2018&years=2025", charts=2)
    link = page.locator("a[href^='/api/v1/charts/overview.csv']")
    expect(link).to_have_attribute("href", re.compile(r"^/api/v1/charts/overview\.csv\?years=2018&years=2025$"))
    downloaded = download(page, "overview_csv")
    status, headers, body = fetch(url + link.get_attribute("href"))
    assert status == 200 and headers["ETag"] and body == downloaded
    assert body.startswith(b"series,date,year,")  # a plain CSV: the header first
    status, _, meta = fetch(url + link.get_attribute("href").replace(".csv", ".metadata.json"))
    meta = json.loads(meta)
    assert status == 200 and meta["filters"].startswith("Years 2018–2025")
    assert meta["page_url"] == f"{url}/?years=2018&years=2025"  # nginx passes the reader's host on

    # the same view embedded: sidebar closed, filters from the URL, the chart with its source line
    page.get_by_text("Embed this view").first.click()
    snippet = page.locator("[data-testid=stCode]").first.inner_text()
    src = re.search(r'src="([^"]+)"', snippet).group(1).replace("&amp;", "&")
    assert src == f"{url}/?years=2018&years=2025&embed=true"
    open_page(page, src, charts=2)
    expect(page.locator("[data-testid=stSidebar]")).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_text(re.compile(r"^Sources: ")).first).to_be_visible()
    expect(page.locator("a[href^='/api/v1/charts/overview.csv']")).to_have_attribute("href", link.get_attribute("href"))
    expect(page.get_by_text("Embed this view")).to_have_count(0)

    # the open data endpoints through nginx
    status, _, package = fetch(f"{url}/api/v1/datapackage.json")
    assert status == 200 and json.loads(package)["resources"]
    status, _, countries = fetch(f"{url}/api/v1/tables/countries.csv")
    assert status == 200 and countries.startswith(b"iso3,name,bloc")
    assert fetch(f"{url}/api/v1/tables/nope.csv")[0] == 404

    # affinity: everything this browser asked for (page, websocket, download media) reached one replica
    cookie = next(c["value"] for c in context.cookies() if c["name"] == "sam_replica")
    context.close()  # nginx logs the websocket when it closes
    deadline = time.monotonic() + 20
    while True:
        lines = [line for line in (run_dir / "access.log").read_text().splitlines() if f"affinity={cookie}" in line]
        if any("/_stcore/stream" in line for line in lines) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert any("/_stcore/stream" in line for line in lines) and any("/media/" in line for line in lines), lines
    replicas = {re.search(r"replica=(\S+)", line).group(1) for line in lines if "/static/" not in line}
    assert len(replicas) == 1, replicas
    # and other browsers (other cookies) are spread over both replicas
    for i in range(20):
        fetch(f"{url}/_stcore/health", {"Cookie": f"sam_replica=reader{i}"})
    spread = re.findall(r"replica=(\S+) affinity=reader", (run_dir / "access.log").read_text())
    assert len(set(spread)) == 2

    started |= descendants(process.pid)  # with what started since (kaleido's browser, if an image was drawn)
    assert any(b"-m\0dashboard.serve\0" in _cmdline(p) for p in started)  # make ran the supervisor
    _stop(process)
    assert "[serve] stopped" in log.read_text(), log.read_text()[-2000:]
    left = {p: _cmdline(p) for p in started if alive(p)}
    assert not left, f"processes left behind: {left}"
    assert not run_dir.exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=5)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _is_replica(pid: int) -> bool:
    return b"dashboard.serve.asgi:app" in _cmdline(pid)
