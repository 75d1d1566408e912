"""Engines, schema checks, migrations and the error boundary (no password in any message)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from storage_build import document

from storage import SchemaOutOfDate, StorageError, Store, db, redact, safe_url, upgrade
from storage.schema import metadata

PASSWORD = "s3cr3t-Pa55"


def test_opening_an_empty_database_asks_for_an_upgrade(database_url):
    with pytest.raises(SchemaOutOfDate, match="run veeduria db upgrade"):
        Store.open(database_url)


def test_opening_a_database_behind_the_code_asks_for_an_upgrade(database_url, monkeypatch):
    upgrade(database_url)
    head = db.head_revision()
    monkeypatch.setattr(db, "head_revision", lambda: "0999")
    with pytest.raises(SchemaOutOfDate, match=f"{head}, code needs 0999: run veeduria db upgrade"):
        Store.open(database_url)


def test_a_database_newer_than_the_code_is_refused(database_url):
    upgrade(database_url)
    engine = db.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00d'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer than this code") as caught:
        Store.open(database_url)
    assert not isinstance(caught.value, SchemaOutOfDate)


def test_upgrade_twice_is_harmless_and_opens(database_url):
    upgrade(database_url)
    upgrade(database_url)
    with Store.open(database_url) as store:
        assert store.count_documents() == 0


def test_migrations_build_exactly_the_declared_schema(database_url):
    upgrade(database_url)
    engine = db.create_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_base_removes_every_table(database_url):
    upgrade(database_url)
    db.downgrade(database_url, revision="base")
    engine = db.create_engine(database_url)
    tables = set(sa.inspect(engine).get_table_names()) - {"alembic_version"}
    engine.dispose()
    assert tables == set()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = db.create_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    engine.dispose()
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1,
                       "busy_timeout": 30000}


def test_unreachable_postgresql_error_has_no_password():
    url = f"postgresql+psycopg://veeduria:{PASSWORD}@127.0.0.1:1/veeduria?connect_timeout=2"
    with pytest.raises(StorageError) as caught:
        Store.open(url)
    assert PASSWORD not in str(caught.value)
    assert "database unavailable or locked" in str(caught.value)
    assert caught.value.__cause__ is None


def test_upgrade_error_has_no_password():
    url = f"postgresql://veeduria:{PASSWORD}@127.0.0.1:1/veeduria?connect_timeout=2"
    with pytest.raises(StorageError) as caught:
        upgrade(url)
    assert PASSWORD not in str(caught.value)


def test_unopenable_sqlite_file_is_a_storage_error(tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "v.db"
    with pytest.raises(StorageError, match="unable to open database file"):
        Store.open(f"sqlite:///{missing}")


def test_bad_url_is_a_storage_error_without_password():
    with pytest.raises(StorageError) as caught:
        Store.open(f"nosuchdb://u:{PASSWORD}@host/db")
    assert PASSWORD not in str(caught.value)


def test_store_repr_masks_the_password():
    url = f"postgresql+psycopg://veeduria:{PASSWORD}@127.0.0.1:1/veeduria"
    shown = safe_url(url)
    assert PASSWORD not in shown
    assert shown == "postgresql+psycopg://veeduria:***@127.0.0.1:1/veeduria"


@pytest.mark.parametrize("text", [
    f"connection to postgresql://veeduria:{PASSWORD}@db:5432/v failed",
    f"host=db password={PASSWORD} dbname=v",
    f"host=db password='{PASSWORD}' dbname=v",
])
def test_redact_masks_passwords_in_urls_and_conninfo(text):
    assert PASSWORD not in redact(text)
    assert "***" in redact(text)


def test_redact_masks_known_secrets_anywhere():
    assert redact(f"odd message quoting {PASSWORD}", secrets=(PASSWORD,)) == \
        "odd message quoting ***"


def test_database_errors_name_no_sql_and_no_parameters(store):
    with pytest.raises(StorageError) as caught:
        store.store_document(document(source_id="unknown_source", text="Texto de la víctima"))
    message = str(caught.value)
    assert message.startswith("database integrity error:")
    assert "víctima" not in message
    assert "[SQL" not in message
    assert "[parameters" not in message


def test_upgrading_a_database_from_an_unknown_revision_is_a_storage_error(database_url):
    upgrade(database_url)
    engine = db.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00d'"))
    engine.dispose()
    with pytest.raises(StorageError, match="migration failed: .*f00d"):
        upgrade(database_url)


def test_upgrade_creates_the_folder_of_a_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'nested' / 'veeduria.db'}"
    upgrade(url)
    with Store.open(url) as store:
        assert store.row_counts()["documents"] == 0


def test_an_url_encoded_password_is_masked_in_both_forms():
    url = "postgresql+psycopg://veeduria:p%40ss%3Aw0rd@127.0.0.1:1/veeduria?connect_timeout=2"
    assert set(db.secrets_of(url)) == {"p@ss:w0rd", "p%40ss%3Aw0rd"}
    with pytest.raises(StorageError) as caught:
        Store.open(url)
    assert "w0rd" not in str(caught.value)
