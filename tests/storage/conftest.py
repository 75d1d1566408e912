"""Fixtures for storage tests: a fresh database per test, an upgraded ``Store`` and a clock.

Layer: tests. ``database_url`` is SQLite in tmp_path, or a new PostgreSQL database (created
with a random name, dropped afterwards) when ``VEEDURIA_TEST_PG_URL`` names a server's admin
URL; the logic lives once, in tests/dbutil.py. ``store`` is upgraded to head and reads time
from ``clock`` (a ``FakeClock`` the test can move). Input builders: tests/storage/storage_build.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store, upgrade


class FakeClock:
    """A clock for the store: starts at a fixed instant, moves only when told."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[Store]:
    upgrade(database_url)
    with Store.open(database_url, clock=clock) as opened:
        yield opened
