"""Fixtures for the demo world tests: one running demo world and one built site per session.

Layer: tests. Both are built for FIXED_TODAY (demoworld_helpers.py), a Thursday; tests that
need other days build their own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from demoworld_helpers import FIXED_TODAY

from monitor.demoworld import DemoWorld, build_site, serve_demo_world


@pytest.fixture(scope="session")
def demo_world() -> Iterator[DemoWorld]:
    with serve_demo_world(today=FIXED_TODAY) as world:
        yield world


@pytest.fixture(scope="session")
def demo_site() -> dict[str, tuple[str, bytes]]:
    return build_site(FIXED_TODAY, base_url="http://127.0.0.1:8999")
