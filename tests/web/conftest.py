"""Fixtures of the status-page tests: a seeded database, the app, clients logged in or not.

Layer: tests. The world is described in ``webseed.py``; ``database_url`` comes from
tests/conftest.py (SQLite in tmp_path, or PostgreSQL when VEEDURIA_TEST_PG_URL is set).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient
from webseed import PASSWORD, seed_world

from storage.store import Store

TOKEN_RE = re.compile(r'name="csrftoken" value="([^"]+)"')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The seeded world built once as a SQLite file; each SQLite test gets a copy."""
    path = tmp_path_factory.mktemp("web-world") / "world.db"
    return path, seed_world(f"sqlite:///{path}")


@pytest.fixture
def world(database_url: str, request: pytest.FixtureRequest) -> dict[str, int]:
    if not database_url.startswith("sqlite:///"):
        return seed_world(database_url)
    template, ids = request.getfixturevalue("sqlite_template")
    shutil.copyfile(template, database_url.removeprefix("sqlite:///"))
    return ids


@pytest.fixture
def app(database_url: str, world: dict[str, int]) -> Iterator[Starlette]:
    application = create_test_app(database_url)
    yield application
    application.state.web.store.close()


def create_test_app(database_url: str) -> Starlette:
    from monitor.web.app import create_app

    # site_url is http here so the TestClient (http://testserver) keeps Secure-less cookies.
    return create_app(store_url=database_url, secret_key="test-secret-key",
                      site_url="http://veeduria.example.org", failing_after=3, no_news_days=90)


@pytest.fixture
def client(app: Starlette) -> TestClient:
    return TestClient(app)


@pytest.fixture
def store(database_url: str, world: dict[str, int]) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened


def csrf_token(client: TestClient, path: str = "/login") -> str:
    """Load a page with a form and return its CSRF token (the cookie is now set too)."""
    page = client.get(path)
    match = TOKEN_RE.search(page.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    token = csrf_token(client)
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrftoken": token}, follow_redirects=False)
    assert response.status_code == 303, response.text


@pytest.fixture
def editor(app: Starlette) -> TestClient:
    session = TestClient(app)
    log_in(session, "editora")
    return session


@pytest.fixture
def member(app: Starlette) -> TestClient:
    session = TestClient(app)
    log_in(session, "miembro")
    return session
