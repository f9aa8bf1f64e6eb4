"""A Streamlit session over its websocket protocol, without a browser: what a reader's tab asks the server.

`Session.run(page, query)` sends a BackMsg `rerun_script` (page url path, query string) and reads ForwardMsgs
until `script_finished`; it returns the seconds to the first chart element and to the end of the run.
"""

from __future__ import annotations

import time
import uuid

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class ScriptError(RuntimeError):
    pass


class Session:
    def __init__(self, base_url: str, cookie: str | None = None):
        self.url = base_url.replace("http://", "ws://") + "/_stcore/stream"
        self.cookie = cookie or uuid.uuid4().hex  # one affinity cookie per simulated reader
        self.ws = None

    async def __aenter__(self):
        self.ws = await connect(
            self.url,
            subprotocols=["streamlit"],
            additional_headers={"Cookie": f"sam_replica={self.cookie}"},
            max_size=None,
            open_timeout=60,
            ping_interval=None,
        )
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def run(self, page: str, query: str = "", timeout: float = 120) -> tuple[float | None, float]:
        """(seconds to the first chart or None, seconds to script_finished) for one page run."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        first_chart = None
        deadline = started + timeout
        while True:
            raw = await self.ws.recv(decode=False) if time.perf_counter() < deadline else None
            if raw is None:
                raise TimeoutError(f"page {page!r} did not finish within {timeout} s")
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                element = fwd.delta.new_element
                if first_chart is None and element.WhichOneof("type") == "plotly_chart":
                    first_chart = time.perf_counter() - started
                if element.WhichOneof("type") == "exception":
                    raise ScriptError(element.exception.message)
            elif kind == "script_finished":
                if fwd.script_finished in FINISHED:
                    return first_chart, time.perf_counter() - started
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    raise ScriptError(f"script finished with status {fwd.script_finished}")
