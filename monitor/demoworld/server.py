"""Serves the demo world on loopback: a ThreadingHTTPServer in a daemon thread.

Layer: monitor (demo world only). No settings (host and port are arguments; the CLI passes
them). The site is built once, when the server starts, for ``today`` (default: the local
date). GET and HEAD; ETag/If-None-Match answer 304; a query string the site does not know
(``?utm_source=...``) falls back to the bare path; anything else is 404.
Cases: tests/demoworld/test_server.py.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from monitor.demoworld.site import Site, build_site

logger = logging.getLogger(__name__)

NOT_FOUND = ("<!DOCTYPE html><html lang=\"es\"><body><h1>404 - Página no encontrada</h1>"
             "</body></html>").encode()


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    site: Site = {}


class DemoHandler(BaseHTTPRequestHandler):
    server: DemoServer
    server_version = "Apache/2.4.57 (Debian)"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        found = lookup(self.server.site, self.path)
        if found is None:
            self._send(404, "text/html; charset=utf-8", NOT_FOUND, send_body=send_body)
            return
        content_type, body = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, content_type, body, send_body=send_body, etag=etag)

    def _send(self, status: int, content_type: str, body: bytes, *, send_body: bool,
              etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag is not None:
            self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        logger.debug("demo world: " + format, *args)


def lookup(site: Site, raw_path: str) -> tuple[str, bytes] | None:
    """The page for a request path: exact (with query) first, then the bare path."""
    if raw_path in site:
        return site[raw_path]
    return site.get(urlsplit(raw_path).path)


class DemoWorld:
    """A running demo world; ``.url`` is its base address (no trailing slash)."""

    def __init__(self, server: DemoServer, thread: threading.Thread, today: date) -> None:
        self._server = server
        self._thread = thread
        self.today = today
        host, port = server.server_address[:2]
        self.url = f"http://{host!s}:{port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoWorld:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve_demo_world(host: str = "127.0.0.1", port: int = 0, *,
                     today: date | None = None) -> DemoWorld:
    """Start the demo world in a daemon thread and return at once; call ``.stop()`` after."""
    day = today or date.today()
    server = DemoServer((host, port), DemoHandler)
    world_host, world_port = server.server_address[:2]
    server.site = build_site(day, base_url=f"http://{world_host!s}:{world_port}")
    thread = threading.Thread(target=server.serve_forever, name="demo-world", daemon=True)
    thread.start()
    logger.info("demo world serving %d paths on port %s", len(server.site), world_port)
    return DemoWorld(server, thread, day)
