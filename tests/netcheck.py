"""Local servers that tell whether code reached the network.

:class:`CountingServer` answers every request (a small stylesheet) and
counts it; :class:`SilentServer` accepts connections and never answers, so
code that fetches from it hangs unless it has a timeout. Both listen on
127.0.0.1 only.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable
from typing import Any


class CountingServer:
    """An HTTP server that records the path of every request it gets."""

    def __init__(self) -> None:
        hits: list[str] = []
        self.hits = hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                body = b"p{color:red}" if self.path.endswith(".css") else b"\x89PNG\r\n"
                self.send_response(200)
                self.send_header("Content-Type", "text/css" if self.path.endswith(".css")
                                 else "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                self.do_GET()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class SilentServer:
    """Accepts TCP connections and never answers; counts the connections."""

    def __init__(self) -> None:
        self.connections = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._open: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            self.connections += 1
            self._open.append(conn)  # held open, never answered

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for conn in self._open:
            conn.close()
        self._sock.close()


def remote_css_mjml(counting: str, silent: str) -> str:
    """MJML that names stylesheets and fonts on both servers (and an image on each)."""
    return f"""<mjml>
<mj-head>
<mj-title>Тема</mj-title><mj-preview>Прехедер</mj-preview>
<mj-font name="Roboto" href="{counting}/font.css" />
<mj-font name="Lobster" href="{silent}/font.css" />
<mj-style>@import url({counting}/import.css); @import url("{silent}/import.css");
.x {{ color: red }}</mj-style>
<mj-style inline="inline">@import url({counting}/inline.css); .y {{ color: blue }}</mj-style>
</mj-head>
<mj-body>
<mj-section><mj-column>
<mj-text font-family="Roboto, Arial" css-class="x">Привет</mj-text>
<mj-text font-family="Lobster, Arial" css-class="y">Мир</mj-text>
<mj-image src="{counting}/picture.png" alt="картинка" />
<mj-text><a href="{{{{ unsubscribe_url }}}}">Отписаться</a></mj-text>
</mj-column></mj-section>
</mj-body>
</mjml>
"""


def run_bounded(fn: Callable[[], Any], seconds: float) -> Any:
    """Run ``fn`` in a thread; fail if it is not done in ``seconds`` (a hang)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # handed to the caller
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
