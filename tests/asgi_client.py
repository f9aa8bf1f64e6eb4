"""A minimal in-process ASGI client (no httpx needed): one GET through the API's router."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import urllib.parse
from dataclasses import dataclass

from starlette.routing import Router


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


def get(router: Router, url: str, headers: dict[str, str] | None = None, timeout: float = 60) -> Reply:
    path, _, query = url.partition("?")
    scope = {
        "type": "http",
        "method": "GET",
        "path": urllib.parse.unquote(path),
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1234),
        "root_path": "",
        "http_version": "1.1",
    }
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # in a thread of its own: Playwright's sync API (browser tests in the same session) keeps an event loop
    # running in the main thread, where asyncio.run() is refused
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, asyncio.wait_for(router(scope, receive, send), timeout)).result(timeout + 5)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Reply(start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body)
