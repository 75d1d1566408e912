"""The fixture site: a loopback HTTP server over ``tests/fixtures/`` plus failure routes.

Layer: tests (also imported by bench/ scripts). Started once per test session by
``tests/conftest.py`` (fixture ``fixture_site``); bench scripts use ``FixtureServer`` directly::

    with FixtureServer(Path("tests/fixtures")) as site:
        fetch(site.url + "/bo_gaceta/listado.html")

Static files: ``/<path>`` serves ``tests/fixtures/<path>`` with the content type of its suffix
(.html .xml .rss .atom .pdf .json .txt .yaml), no charset. A sidecar ``<file>.headers`` with
``Name: value`` lines replaces or adds response headers (``Status: 404`` sets the status), e.g. a
Latin-1 page whose header lies ``charset=utf-8``.

Failure routes (content in ``tests/fixtures/site/``):

==========================  ==============================================================
``/status/<code>``          that status, small HTML body; 503 adds ``Retry-After: 1``
``/slow?s=N``               sleeps N seconds (at most 60), then a small page
``/truncated``              ``Content-Length`` larger than the body, then the server closes
``/reset``                  part of the body, then a TCP reset
``/latin1``                 Latin-1 HTML, no charset in the header nor in the page
``/redirect-loop``          302 to itself
``/redirect?to=URL``        302 (or ``&code=301/303/307/308``) to URL
``/big?mb=N``               N MiB of HTML-ish bytes, streamed (``&nolength=1``: no
                            Content-Length, the body ends when the connection closes)
``/gzip-truncated``         ``Content-Encoding: gzip`` with the gzip stream cut in half
``/empty``                  200 with 0 bytes
``/challenge``              a Cloudflare-like bot challenge, 403 (``?code=503`` for 503)
``/etag/<name>``            a fixed body (``site/etag/<name>`` or generated) with ETag and
                            Last-Modified; 304 to a matching If-None-Match/If-Modified-Since
==========================  ==============================================================

Counters: ``requests`` logs every request as ``RequestRecord(method, path, headers)`` (headers
with lower-case names); ``bytes_sent`` counts body bytes written. ``reset_counters()`` clears
both, and ``set_etag_body(name, body)`` changes what ``/etag/<name>`` serves (a page that changed).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import mimetypes
import socket
import struct
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

logger = logging.getLogger(__name__)

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
SITE_DIR = FIXTURES_DIR / "site"
MIB = 1024 * 1024
MAX_SLOW_S = 60.0
ETAG_LAST_MODIFIED = datetime(2025, 11, 3, 10, 0, 0, tzinfo=UTC)

CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".txt": "text/plain",
    ".yaml": "application/yaml",
    ".csv": "text/csv",
}


class RequestRecord(NamedTuple):
    method: str
    path: str
    headers: dict[str, str]


class FixtureServer:
    """A ThreadingHTTPServer on 127.0.0.1, port 0, serving ``root`` and the failure routes."""

    def __init__(self, root: Path = FIXTURES_DIR) -> None:
        self.root = root.resolve()
        self.requests: list[RequestRecord] = []
        self.bytes_sent = 0
        self._lock = threading.Lock()
        self._etag_bodies: dict[str, bytes] = {}
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("fixture server not started")
        return f"http://127.0.0.1:{self._httpd.server_port}"

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("fixture server not started")
        return int(self._httpd.server_port)

    def __str__(self) -> str:
        return self.url

    def url_for(self, path: str) -> str:
        return f"{self.url}/{path.lstrip('/')}"

    def start(self) -> FixtureServer:
        handler = type("BoundHandler", (FixtureHandler,), {"server_state": self})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="fixture-site",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def reset_counters(self) -> None:
        """Forget logged requests, counted bytes and changed ETag bodies."""
        with self._lock:
            self.requests.clear()
            self.bytes_sent = 0
            self._etag_bodies.clear()

    def set_etag_body(self, name: str, body: bytes) -> None:
        with self._lock:
            self._etag_bodies[name] = body

    def etag_body(self, name: str) -> bytes:
        with self._lock:
            if name in self._etag_bodies:
                return self._etag_bodies[name]
        path = SITE_DIR / "etag" / name
        if path.is_file():
            return path.read_bytes()
        return (f"<!doctype html><html lang=\"es\"><head><title>{name}</title></head><body>"
                f"<h1>Página fija {name}</h1><p>Contenido que no cambia.</p></body></html>"
                ).encode()

    def paths_requested(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self.requests.append(record)

    def _count(self, n: int) -> None:
        with self._lock:
            self.bytes_sent += n


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


class FixtureHandler(BaseHTTPRequestHandler):
    """Routes one request; ``server_state`` is bound to the owning FixtureServer."""

    server_state: FixtureServer
    protocol_version = "HTTP/1.1"
    server_version = "VeeduriaFixture/1.0"

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        logger.debug("fixture site: " + format, *args)

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._dispatch()

    # --- plumbing -------------------------------------------------------------------------

    def _dispatch(self) -> None:
        self.server_state._record(RequestRecord(
            self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        route = ROUTES.get(path.split("/")[1] if path.count("/") >= 1 else "")
        try:
            if route is not None:
                route(self, path, query)
            else:
                self._static(path)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, status: int, body: bytes, *, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        merged = {"Content-Type": content_type, "Content-Length": str(len(body))}
        merged.update(headers or {})
        for name, value in merged.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD" and status not in (204, 304):
            self._write(body)

    def _write(self, data: bytes) -> None:
        # Counted before writing, so a client that has read the body already sees the count.
        self.server_state._count(len(data))
        try:
            self.wfile.write(data)
        except OSError:
            self.server_state._count(-len(data))
            raise

    def _html(self, status: int, title: str, text: str) -> None:
        body = (f"<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>{title}"
                f"</title></head><body><h1>{title}</h1><p>{text}</p></body></html>").encode()
        self._send(status, body)

    # --- static files ---------------------------------------------------------------------

    def _static(self, path: str) -> None:
        root = self.server_state.root
        target = (root / path.lstrip("/")).resolve()
        if not target.is_relative_to(root) or not target.is_file() \
                or target.suffix == ".headers":
            self._html(404, "No encontrado", "La página solicitada no existe.")
            return
        status, headers = 200, dict[str, str]()
        sidecar = target.with_name(target.name + ".headers")
        if sidecar.is_file():
            status, headers = read_sidecar(sidecar)
        content_type = headers.pop("Content-Type", None) or content_type_of(target)
        self._send(status, target.read_bytes(), content_type=content_type, headers=headers)

    # --- failure routes -------------------------------------------------------------------

    def route_status(self, path: str, query: dict[str, list[str]]) -> None:
        try:
            code = int(path.split("/")[2])
        except (IndexError, ValueError):
            self._html(400, "Bad request", "use /status/<code>")
            return
        headers = {"Retry-After": "1"} if code == 503 else {}
        body = (f"<!doctype html><html><head><title>{code}</title></head><body><h1>Error {code}"
                "</h1></body></html>").encode()
        self._send(code, body, headers=headers)

    def route_slow(self, path: str, query: dict[str, list[str]]) -> None:
        seconds = min(float(_first(query, "s", "1")), MAX_SLOW_S)
        time.sleep(seconds)
        self._html(200, "Lento", f"Respondió después de {seconds:g} s.")

    def route_truncated(self, path: str, query: dict[str, list[str]]) -> None:
        body = (SITE_DIR / "truncated.html").read_bytes()
        cut = body[: len(body) // 2]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self._write(cut)
            self.wfile.flush()
        self.close_connection = True

    def route_reset(self, path: str, query: dict[str, list[str]]) -> None:
        body = (SITE_DIR / "truncated.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) * 4))
        self.end_headers()
        self._write(body[: len(body) // 3])
        self.wfile.flush()
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def route_latin1(self, path: str, query: dict[str, list[str]]) -> None:
        body = (SITE_DIR / "latin1.html").read_bytes()
        self._send(200, body, content_type="text/html")

    def route_redirect_loop(self, path: str, query: dict[str, list[str]]) -> None:
        self._send(302, b"", headers={"Location": "/redirect-loop"})

    def route_redirect(self, path: str, query: dict[str, list[str]]) -> None:
        target = _first(query, "to", "/")
        code = int(_first(query, "code", "302"))
        self._send(code, b"", headers={"Location": target})

    def route_big(self, path: str, query: dict[str, list[str]]) -> None:
        size = int(float(_first(query, "mb", "1")) * MIB)
        has_length = _first(query, "nolength", "0") in ("", "0")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if has_length:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = (b"<p>relleno " + b"x" * 1000 + b"</p>\n") * 64
        sent = 0
        while sent < size:
            piece = chunk[: size - sent]
            self._write(piece)
            sent += len(piece)

    def route_gzip_truncated(self, path: str, query: dict[str, list[str]]) -> None:
        packed = gzip.compress((SITE_DIR / "truncated.html").read_bytes() * 20)
        self._send(200, packed[: len(packed) // 2], headers={"Content-Encoding": "gzip"})

    def route_empty(self, path: str, query: dict[str, list[str]]) -> None:
        self._send(200, b"", content_type="text/html")

    def route_challenge(self, path: str, query: dict[str, list[str]]) -> None:
        code = int(_first(query, "code", "403"))
        headers = {"Server": "cloudflare", "CF-RAY": "8f1c2a3b4d5e6f70-EZE",
                   "cf-mitigated": "challenge", "Cache-Control": "no-store"}
        self._send(code, (SITE_DIR / "challenge.html").read_bytes(), headers=headers)

    def route_etag(self, path: str, query: dict[str, list[str]]) -> None:
        name = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        body = self.server_state.etag_body(name)
        etag = etag_of(body)
        headers = {"ETag": etag, "Last-Modified": format_datetime(ETAG_LAST_MODIFIED,
                                                                  usegmt=True)}
        if self._is_not_modified(etag):
            self._send(304, b"", headers=headers)
            return
        self._send(200, body, headers=headers)

    def _is_not_modified(self, etag: str) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return parsedate_to_datetime(since) >= ETAG_LAST_MODIFIED
        except (TypeError, ValueError):
            return False


ROUTES = {
    "status": FixtureHandler.route_status,
    "slow": FixtureHandler.route_slow,
    "truncated": FixtureHandler.route_truncated,
    "reset": FixtureHandler.route_reset,
    "latin1": FixtureHandler.route_latin1,
    "redirect-loop": FixtureHandler.route_redirect_loop,
    "redirect": FixtureHandler.route_redirect,
    "big": FixtureHandler.route_big,
    "gzip-truncated": FixtureHandler.route_gzip_truncated,
    "empty": FixtureHandler.route_empty,
    "challenge": FixtureHandler.route_challenge,
    "etag": FixtureHandler.route_etag,
}


def _first(query: dict[str, list[str]], key: str, default: str) -> str:
    values = query.get(key)
    return values[0] if values else default


def content_type_of(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known is not None:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def read_sidecar(path: Path) -> tuple[int, dict[str, str]]:
    """``Name: value`` lines of a ``.headers`` file; ``Status: N`` sets the status. # comments."""
    status, headers = 200, dict[str, str]()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, value = line.partition(":")
        name, value = name.strip(), value.strip()
        if name.lower() == "status":
            status = int(value.split()[0])
        elif name.lower() == "content-type":
            headers["Content-Type"] = value
        else:
            headers[name] = value
    return status, headers
