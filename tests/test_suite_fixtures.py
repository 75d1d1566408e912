"""The suite's own fixtures: ``database_url``/``db_backend`` and ``smtp_server`` (conftest.py).

Layer: tests. Under ``scripts/test`` the suite runs twice; in the PostgreSQL run
(VEEDURIA_TEST_PG_URL set) each test gets its own database, created and dropped by tests/dbutil.py.
"""

from __future__ import annotations

import smtplib
import sqlite3
from email.message import EmailMessage
from urllib.parse import urlsplit

import dbutil
import psycopg
import pytest


def test_backend_follows_the_test_pg_url():
    expected = "postgresql" if dbutil.PG_ADMIN_URL else "sqlite"
    assert dbutil.backend() == expected


def test_database_url_is_a_fresh_empty_database(database_url, db_backend):
    if db_backend == "sqlite":
        assert database_url.startswith("sqlite:////")
        path = urlsplit(database_url).path[1:]
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
        return
    assert database_url.startswith("postgresql+psycopg://")
    with psycopg.connect(dbutil.libpq_url(database_url)) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
        conn.execute("CREATE TABLE demand (id text PRIMARY KEY)")


def test_next_test_gets_an_empty_database_even_with_a_connection_left_open(tmp_path,
                                                                          db_backend):
    if db_backend == "sqlite":
        with dbutil.fresh_database_url(tmp_path) as url:
            assert url == dbutil.sqlite_url(tmp_path)
        return
    with dbutil.fresh_database_url(tmp_path) as url:
        left_open = psycopg.connect(dbutil.libpq_url(url), autocommit=True)
        left_open.execute("CREATE TABLE evidence (id int)")
    try:
        with dbutil.fresh_database_url(tmp_path) as url, \
                psycopg.connect(dbutil.libpq_url(url)) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            assert tables.fetchone() == (0,)
        with pytest.raises(psycopg.OperationalError):
            left_open.execute("SELECT 1")
    finally:
        left_open.close()


def test_database_with_extra_schemas_is_dropped_not_reused(tmp_path, db_backend):
    if db_backend == "sqlite":
        assert dbutil.backend() == "sqlite"
        return
    assert dbutil.PG_ADMIN_URL is not None
    with dbutil.fresh_database_url(tmp_path) as url:
        name = urlsplit(url).path[1:]
        with psycopg.connect(dbutil.libpq_url(url), autocommit=True) as conn:
            conn.execute("CREATE SCHEMA jobs")
    with psycopg.connect(dbutil.libpq_url(dbutil.PG_ADMIN_URL)) as admin:
        found = admin.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,))
        assert found.fetchone() == (0,)


def test_smtp_server_collects_messages(smtp_server):
    message = EmailMessage()
    message["Subject"] = "Resumen semanal: 3 demandas con novedades"
    message["From"] = "veeduria@localhost"
    message["To"] = "coordinacion@localhost"
    message.set_content("Hola, hay novedades.")
    message.add_alternative("<p>Hola, hay <b>novedades</b>.</p>", subtype="html")
    with smtplib.SMTP(smtp_server.hostname, smtp_server.port) as client:
        client.send_message(message)
    (received,) = smtp_server.messages()
    assert received["Subject"] == "Resumen semanal: 3 demandas con novedades"
    assert received.get_body(("html",)).get_content().strip() == \
        "<p>Hola, hay <b>novedades</b>.</p>"
    assert smtp_server.envelopes[0].rcpt_tos == ["coordinacion@localhost"]
