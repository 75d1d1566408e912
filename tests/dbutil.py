"""Fresh test databases: one SQLite file, or one empty PostgreSQL database per test.

Layer: tests. The single source of the ``database_url`` fixture's logic (``tests/conftest.py``
and ``tests/storage/conftest.py`` both call ``fresh_database_url``). Environment read:
``VEEDURIA_TEST_PG_URL`` (a server's admin URL, e.g.
``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``, set by ``scripts/test``); when it is
unset the backend is SQLite. The variable is read when this module is imported, so the autouse
environment cleaning in conftest cannot hide it. PostgreSQL databases are created with random
names; after a test its connections are ended and its ``public`` schema recreated, and the
database serves the next test (CREATE DATABASE costs about 0.4 s here, emptying it a few ms);
the spare ones are dropped at exit.
"""

from __future__ import annotations

import atexit
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

PG_URL_ENV = "VEEDURIA_TEST_PG_URL"
PG_ADMIN_URL: str | None = os.environ.get(PG_URL_ENV) or None


def backend() -> str:
    """``"postgresql"`` when VEEDURIA_TEST_PG_URL is set, else ``"sqlite"``."""
    return "postgresql" if PG_ADMIN_URL else "sqlite"


def sqlite_url(folder: Path, name: str = "veeduria.db") -> str:
    return f"sqlite:///{(folder / name).resolve()}"


def libpq_url(sqlalchemy_url: str) -> str:
    """``postgresql+psycopg://...`` -> ``postgresql://...`` (what psycopg.connect accepts)."""
    parts = urlsplit(sqlalchemy_url)
    return urlunsplit(("postgresql", *parts[1:]))


def with_database(sqlalchemy_url: str, name: str) -> str:
    parts = urlsplit(sqlalchemy_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def create_pg_database(admin_url: str) -> str:
    """CREATE DATABASE with a random name; return its name."""
    name = f"veeduria_test_{secrets.token_hex(6)}"
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name


def drop_pg_database(admin_url: str, name: str) -> None:
    """Terminate leftover connections, then DROP DATABASE."""
    terminate_connections(admin_url, name)
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def recycle_pg_database(admin_url: str, name: str) -> bool:
    """Empty a used database for the next test (much faster than CREATE DATABASE).

    Terminates its connections, then drops and recreates the ``public`` schema. Returns False,
    leaving the database as it is, when the test made other schemas or extensions.
    """
    terminate_connections(admin_url, name)
    with psycopg.connect(libpq_url(with_database(admin_url, name)), autocommit=True) as conn:
        extra = conn.execute(
            "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname <> 'public' "
            "AND nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%') "
            "+ (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')").fetchone()
        if extra is None or extra[0] != 0:
            return False
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return True


def terminate_connections(admin_url: str, name: str) -> None:
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))


_SPARE_DATABASES: list[str] = []


def drop_spare_databases() -> None:
    """Drop the emptied databases kept for reuse (registered with atexit)."""
    while PG_ADMIN_URL and _SPARE_DATABASES:
        drop_pg_database(PG_ADMIN_URL, _SPARE_DATABASES.pop())


atexit.register(drop_spare_databases)


@contextmanager
def fresh_database_url(tmp_path: Path) -> Iterator[str]:
    """A SQLAlchemy URL of an empty database, emptied or removed afterwards.

    SQLite: a file in tmp_path. PostgreSQL: a database of its own, emptied after the test and
    handed to the next one (or dropped when it cannot be emptied cleanly).
    """
    if not PG_ADMIN_URL:
        yield sqlite_url(tmp_path)
        return
    name = _SPARE_DATABASES.pop() if _SPARE_DATABASES else create_pg_database(PG_ADMIN_URL)
    try:
        yield with_database(PG_ADMIN_URL, name)
    finally:
        if recycle_pg_database(PG_ADMIN_URL, name):
            _SPARE_DATABASES.append(name)
        else:
            drop_pg_database(PG_ADMIN_URL, name)
