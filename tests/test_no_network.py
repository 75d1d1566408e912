"""The autouse ``no_network`` fixture: only loopback is reachable from a test.

Layer: tests (checks tests/conftest.py). No settings read.
"""

from __future__ import annotations

import os
import socket
import urllib.request

import pytest
from netguard import NetworkBlocked

OUTSIDE = ("203.0.113.7", 80)  # TEST-NET-3: never routed, so no real packet could matter


def test_connect_to_a_public_address_is_blocked():
    with socket.socket() as sock, pytest.raises(NetworkBlocked, match="no network in tests"):
        sock.connect(OUTSIDE)


def test_connect_ex_to_a_public_address_is_blocked():
    with socket.socket() as sock, pytest.raises(NetworkBlocked):
        sock.connect_ex(OUTSIDE)


def test_create_connection_to_a_public_address_is_blocked():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(OUTSIDE, timeout=1)


def test_ipv6_public_address_is_blocked():
    with socket.socket(socket.AF_INET6) as sock, pytest.raises(NetworkBlocked):
        sock.connect(("2001:db8::1", 80, 0, 0))


def test_public_names_do_not_resolve():
    with pytest.raises(socket.gaierror, match="not resolved"):
        socket.getaddrinfo("gaceta.example.gob.bo", 443)


def test_loopback_connect_works(fixture_site):
    with socket.create_connection(("127.0.0.1", fixture_site.port), timeout=5) as sock:
        sock.sendall(b"GET /empty HTTP/1.0\r\nHost: localhost\r\n\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.1 200")


def test_localhost_resolves_to_loopback():
    infos = socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)
    assert {info[4][0] for info in infos} <= {"127.0.0.1", "::1"}


def test_urllib_to_the_fixture_site_works(fixture_site):
    with urllib.request.urlopen(fixture_site.url_for("/status/200"), timeout=5) as response:
        assert response.status == 200


def test_proxy_variables_are_cleared():
    assert [n for n in os.environ if n.lower().endswith("_proxy")] == []


def test_shell_veeduria_variables_are_removed():
    # the realdata folder (a setting) and the engine the run chose stay for started processes
    kept = {"VEEDURIA_REALDATA_DIR", "VEEDURIA_ENGINE"}
    leaked = [n for n in os.environ if n.startswith("VEEDURIA_") and n not in kept]
    assert leaked == []
