"""Fixtures for the whole suite: the fixture site, a local SMTP sink, fresh databases, no network.

Layer: tests. Fixtures:

* ``fixture_site``   the loopback HTTP server over ``tests/fixtures/`` with failure routes
  (``tests/fixture_server.py`` documents them); one server per session, counters reset for
  each test. ``.url``, ``.url_for(path)``, ``.requests``, ``.bytes_sent``, ``.reset_counters()``,
  ``.set_etag_body(name, body)``.
* ``smtp_server``    an aiosmtpd server on 127.0.0.1; ``.hostname``, ``.port``, ``.envelopes``,
  ``.messages()`` (parsed ``EmailMessage`` objects).
* ``database_url``   a fresh empty database per test: SQLite in tmp_path, or a new PostgreSQL
  database when ``VEEDURIA_TEST_PG_URL`` is set (``scripts/test`` sets it); see tests/dbutil.py.
* ``db_backend``     ``"sqlite"`` or ``"postgresql"``.
* ``no_network``     autouse: connects to anything but loopback fail with ``NetworkBlocked``,
  names other than localhost do not resolve, proxy variables are cleared and ``VEEDURIA_*``
  variables from the shell are removed (except VEEDURIA_REALDATA_DIR, and VEEDURIA_ENGINE, which
  the processes a test starts take the run's engine from; VEEDURIA_TEST_PG_URL is read by
  tests/dbutil.py when conftest loads, then removed too).
"""

from __future__ import annotations

import email
import email.policy
import os
import socket
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import netguard
import pytest
from aiosmtpd.controller import Controller
from dbutil import backend, fresh_database_url
from fixture_server import FIXTURES_DIR, FixtureServer

# pytest puts tests/ on sys.path, where tests/storage/ and tests/digests/ (no __init__.py) would
# be taken for namespace packages named storage and digests, ahead of the editable install's
# finder. With the repository root on sys.path the real packages always win.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# VEEDURIA_TEST_PG_URL is not a setting (read_settings would refuse it): tests/dbutil.py reads
# it at import, before this fixture removes it. VEEDURIA_REALDATA_DIR is a setting and stays;
# VEEDURIA_ENGINE (monitor/watch/native.py) stays for the processes tests start.
KEPT_VEEDURIA_VARS = frozenset({"VEEDURIA_REALDATA_DIR", "VEEDURIA_ENGINE"})
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "FTP_PROXY", "NO_PROXY", "SOCKS_PROXY")


# --- no network --------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", netguard.guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", netguard.guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", netguard.guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", netguard.guarded_getaddrinfo)
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in list(os.environ):
        if name.startswith("VEEDURIA_") and name not in KEPT_VEEDURIA_VARS:
            monkeypatch.delenv(name)


# --- fixture site ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def fixture_server() -> Iterator[FixtureServer]:
    server = FixtureServer(FIXTURES_DIR).start()
    yield server
    server.stop()


@pytest.fixture
def fixture_site(fixture_server: FixtureServer) -> FixtureServer:
    fixture_server.reset_counters()
    return fixture_server


# --- SMTP ------------------------------------------------------------------------------

class SmtpSink:
    """aiosmtpd handler that keeps every envelope it accepts."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, controller: Controller, sink: SmtpSink) -> None:
        self.controller = controller
        self.sink = sink
        self.hostname: str = controller.hostname
        self.port: int = controller.port

    @property
    def envelopes(self) -> list[Any]:
        return self.sink.envelopes

    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(e.content, policy=email.policy.default)
                for e in self.sink.envelopes]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield SmtpServer(controller, sink)
    finally:
        controller.stop()


# --- databases ---------------------------------------------------------------------------

@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database_url(tmp_path) as url:
        yield url


@pytest.fixture
def db_backend() -> str:
    return backend()
