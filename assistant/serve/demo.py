"""A stand-in intranet page on another origin, embedding the widget (examples/intranet.html)."""

from __future__ import annotations

import http.server
import threading
from functools import partial
from typing import Any

from assistant.settings import PROJECT_ROOT

PAGE = PROJECT_ROOT / "examples" / "intranet.html"


class _Handler(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args: Any, assistant_url: str, **kwargs: Any) -> None:
        self.assistant_url = assistant_url
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.path.split("?")[0] not in ("/", "/intranet.html"):
            self.send_error(404)
            return
        body = PAGE.read_text(encoding="utf-8").replace("ASSISTANT_ORIGIN", self.assistant_url).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet
        pass


def make_server(port: int, assistant_url: str, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """The demo page on ``http://{host}:{port}``; another loopback address (127.0.0.2) is another origin
    that the assistant's CORS does not treat as this machine's."""
    handler = partial(_Handler, assistant_url=assistant_url)
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve_intranet_demo(port: int, assistant_url: str, host: str = "127.0.0.1") -> None:
    make_server(port, assistant_url, host).serve_forever()


def start_in_thread(port: int, assistant_url: str, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    server = make_server(port, assistant_url, host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
