"""Alembic environment for Veeduría: runs migrations on the connection ``storage.db`` hands in.

Layer: storage. Works for SQLite (batch mode, so ALTER TABLE works) and PostgreSQL.
Run through ``storage.db.upgrade(url)`` (``veeduria db upgrade``), never from an alembic.ini.
Cases: tests/storage/test_storage_db.py.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storage.schema import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through storage.db.upgrade(url)")
    run_migrations(connection)


main()
