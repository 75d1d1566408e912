"""Engines, schema upgrades and the error boundary: where SQLAlchemy meets the rest of storage.

Layer: storage. Settings read: ``database_url`` (passed in by monitor as a plain string).
SQLite gets WAL, synchronous=NORMAL, foreign keys and a busy timeout; PostgreSQL goes through
psycopg 3 (``postgresql+psycopg://``). Every SQLAlchemy or driver error leaving storage is a
``StorageError`` whose message never holds a password.
Cases: tests/storage/test_storage_db.py, tests/storage/test_storage_concurrency.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Connection, Engine, make_url

from storage.errors import SchemaOutOfDate, StorageError

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10
SQLITE_BEGIN_OPTION = "veeduria_sqlite_begin"
WRITE_OPTIONS: dict[str, str] = {SQLITE_BEGIN_OPTION: "IMMEDIATE"}
_PASSWORD_PATTERNS = (
    re.compile(r"(?P<keep>[a-z][a-z0-9+.\-]*://[^:/@\s]*:)[^@\s]*(?=@)", re.IGNORECASE),
    re.compile(r"(?P<keep>password\s*=\s*)('[^']*'|\"[^\"]*\"|\S+)", re.IGNORECASE),
)


def redact(text: str, *, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with URL passwords, ``password=`` pairs and the given secrets masked as ***."""
    for pattern in _PASSWORD_PATTERNS:
        text = pattern.sub(lambda m: f"{m.group('keep')}***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL; a bare ``postgresql://`` is sent through psycopg 3."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError) as error:
        raise StorageError(f"bad database URL {redact(url)!r}: {redact(str(error))}") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL as text with its password masked, for messages and logs."""
    parsed = url if isinstance(url, URL) else parse_url(url)
    return parsed.render_as_string(hide_password=True)


def create_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas we rely on."""
    parsed = parse_url(url)
    with storage_errors(secrets=_secrets(parsed)):
        if parsed.get_backend_name() == "sqlite":
            timeout_s = SQLITE_BUSY_TIMEOUT_MS / 1000
            engine = sa.create_engine(parsed, connect_args={"timeout": timeout_s})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            connect_args = ({} if "connect_timeout" in parsed.query
                            else {"connect_timeout": PG_CONNECT_TIMEOUT_S})
            engine = sa.create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    logger.debug("engine for %s", safe_url(parsed))
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's BEGIN (below) opens transactions
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE for writers (``WRITE_OPTIONS``): a SQLite writer takes the
    write lock up front, so read-then-write never loses a race with another process."""
    mode = conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _secrets(parsed: URL) -> tuple[str, ...]:
    """The password as given and as it appears URL-encoded, longest first."""
    if not parsed.password:
        return ()
    password = str(parsed.password)
    return tuple(sorted({password, quote(password, safe="")}, key=len, reverse=True))


def secrets_of(url: str) -> tuple[str, ...]:
    """The strings that must never appear in a message about ``url`` (its password)."""
    return _secrets(parse_url(url))


@contextmanager
def storage_errors(*, secrets: tuple[str, ...] = ()) -> Iterator[None]:
    """Turn SQLAlchemy and driver errors raised inside into a password-free ``StorageError``."""
    try:
        yield
    except exc.SQLAlchemyError as error:
        raise StorageError(describe_error(error, secrets=secrets)) from None
    except CommandError as error:
        raise StorageError(redact(f"migration failed: {error}", secrets=secrets)) from None


def describe_error(error: exc.SQLAlchemyError, *, secrets: tuple[str, ...] = ()) -> str:
    """A one-line message: the driver's own first line, no SQL, no parameters, no password."""
    origin: BaseException = error
    if isinstance(error, exc.DBAPIError) and error.orig is not None:
        origin = error.orig
    lines = str(origin).strip().splitlines()
    detail = lines[0] if lines else type(origin).__name__
    return redact(f"database {_error_kind(error)}: {detail}", secrets=secrets)


def _error_kind(error: exc.SQLAlchemyError) -> str:
    if isinstance(error, exc.IntegrityError):
        return "integrity error"
    if isinstance(error, exc.OperationalError):
        return "unavailable or locked"
    return "error"


def locking(conn: Connection, query: sa.Select[Any]) -> sa.Select[Any]:
    """``query`` with FOR UPDATE where the database has row locks (PostgreSQL); SQLite's
    writers are already serialised by BEGIN IMMEDIATE."""
    return query.with_for_update() if conn.dialect.name == "postgresql" else query


def insert_for(conn: Connection, table: sa.Table) -> Any:
    """The dialect's INSERT construct, which offers ``on_conflict_do_nothing/update``."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    raise StorageError(f"unsupported database dialect {conn.dialect.name!r}")


def alembic_config(connection: Connection) -> Config:
    """An Alembic config that points at our migrations and reuses ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(url: str, *, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (``veeduria db upgrade``).

    A SQLite file's folder is created when missing."""
    _make_sqlite_folder(parse_url(url))
    engine = create_engine(url)
    secrets = _secrets(parse_url(url))
    try:
        with storage_errors(secrets=secrets), engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()
    logger.info("database %s upgraded to %s", safe_url(url), revision)


def _make_sqlite_folder(parsed: URL) -> None:
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    try:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"cannot create the database folder: {error.strerror}") from None


def downgrade(url: str, *, revision: str) -> None:
    """Take the database at ``url`` back to ``revision`` (``base``: no tables)."""
    engine = create_engine(url)
    try:
        with storage_errors(secrets=_secrets(parse_url(url))), engine.begin() as connection:
            command.downgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()
    logger.info("database %s downgraded to %s", safe_url(url), revision)


def head_revision() -> str:
    """The newest migration this code knows."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    if head is None:
        raise StorageError("no migrations found in storage/migrations")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def check_schema(engine: Engine, *, secrets: tuple[str, ...] = ()) -> None:
    """Raise ``SchemaOutOfDate`` unless the database is at this code's head revision."""
    with storage_errors(secrets=secrets), engine.connect() as connection:
        current = current_revision(connection)
    head = head_revision()
    if current == head:
        return
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StorageError(f"database schema {current} is newer than this code ({head}); "
                           "upgrade Veeduría")
    raise SchemaOutOfDate(f"database schema is at {current or 'nothing'}, code needs {head}: "
                          "run veeduria db upgrade")
