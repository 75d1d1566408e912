"""Migrations after 0001: ``veeduria db upgrade`` brings a 0001 database to head, keeping its rows.

0002 adds ``ix_evidence_demand_id_state_found_at`` (the status page's per-demand summary);
downgrading to 0001 removes it and nothing else. Runs on SQLite, and on PostgreSQL when
``VEEDURIA_TEST_PG_URL`` is set (tests/dbutil.py).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from storage_build import evidence, seed_world

from monitor.cli import main
from storage import Store, db, upgrade

SUMMARY_INDEX = "ix_evidence_demand_id_state_found_at"


def evidence_indexes(url: str) -> dict[str, list[str]]:
    engine = db.create_engine(url)
    try:
        return {str(index["name"]): [str(c) for c in index["column_names"]]
                for index in sa.inspect(engine).get_indexes("evidence")}
    finally:
        engine.dispose()


def revision_of(url: str) -> str | None:
    engine = db.create_engine(url)
    try:
        with engine.connect() as conn:
            return db.current_revision(conn)
    finally:
        engine.dispose()


@pytest.fixture
def cli_env(monkeypatch, tmp_path, database_url):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    return database_url


def test_db_upgrade_adds_the_summary_index_to_a_0001_database(cli_env):
    upgrade(cli_env, revision="0001")
    assert SUMMARY_INDEX not in evidence_indexes(cli_env)
    assert main(["db", "upgrade"]) == 0
    assert evidence_indexes(cli_env)[SUMMARY_INDEX] == ["demand_id", "state", "found_at"]
    assert revision_of(cli_env) == db.head_revision()


def test_downgrade_to_0001_and_upgrade_again_keep_the_evidence(cli_env):
    upgrade(cli_env)
    with Store.open(cli_env) as store:
        doc, second = seed_world(store)
        confirmed, _ = store.add_evidence(evidence(doc, rule_id="r1"))
        store.confirm(confirmed, editor="ana", status="in_progress")
        store.add_evidence(evidence(second, rule_id="r2"))
        before = store.evidence_summary(include_members=True)
    db.downgrade(cli_env, revision="0001")
    assert revision_of(cli_env) == "0001"
    assert SUMMARY_INDEX not in evidence_indexes(cli_env)
    assert main(["db", "upgrade"]) == 0
    assert SUMMARY_INDEX in evidence_indexes(cli_env)
    with Store.open(cli_env) as store:
        assert store.evidence_summary(include_members=True) == before
        assert (before[0].awaiting, before[0].confirmed) == (1, 1)
