"""The loopback-only socket guard that tests/conftest.py's autouse ``no_network`` installs.

Layer: tests. ``guarded_*`` replace ``socket.socket.connect``/``connect_ex``,
``socket.create_connection`` and ``socket.getaddrinfo`` during each test: connecting to anything
but 127.0.0.0/8 or ::1 raises ``NetworkBlocked``; names other than localhost do not resolve.
Cases: tests/test_no_network.py.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any


class NetworkBlocked(ConnectionRefusedError):
    """A test tried to reach a non-loopback address; tests may only use 127.0.0.1."""


def is_loopback_host(host: object) -> bool:
    if host in (None, "", "localhost", "localhost.", b"localhost"):
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _check_address(address: Any) -> None:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return
    host = address[0] if isinstance(address, tuple) and address else address
    if not is_loopback_host(host):
        raise NetworkBlocked(f"no network in tests: connect to {address!r} refused "
                             "(only 127.0.0.1/::1 are allowed; serve a fixture instead)")


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


def guarded_connect(self: socket.socket, address: Any) -> None:
    _check_address(address)
    _real_connect(self, address)


def guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check_address(address)
    return _real_connect_ex(self, address)


def guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    _check_address(address)
    return _real_create_connection(address, *args, **kwargs)


def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not is_loopback_host(host):
        raise socket.gaierror(socket.EAI_NONAME, f"no network in tests: {host!r} not resolved")
    return _real_getaddrinfo(host, *args, **kwargs)
