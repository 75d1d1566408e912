"""Runs (one cycle, crawl, digest or upgrade each) and the problems they met.

Layer: storage. Settings read: none. Cases: tests/storage/test_storage_people_runs.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.db import insert_for
from storage.errors import NotFound
from storage.records import ProblemRecord, RunRecord
from storage.schema import problems, runs

logger = logging.getLogger(__name__)


def start_run(conn: Connection, kind: str, *, now: datetime) -> int:
    result = conn.execute(sa.insert(runs).values(kind=kind, started_at=now).returning(runs.c.id))
    return int(result.scalar_one())


def finish_run(conn: Connection, run_id: int, summary: dict[str, object], *,
               now: datetime) -> None:
    plain = json.loads(json.dumps(summary, default=str))
    result = conn.execute(sa.update(runs).where(runs.c.id == run_id)
                          .values(finished_at=now, summary=plain))
    if result.rowcount == 0:
        raise NotFound(f"no run {run_id}")


def list_runs(conn: Connection, *, kind: str | None, limit: int) -> list[RunRecord]:
    query = sa.select(runs).order_by(runs.c.id.desc()).limit(limit)
    if kind is not None:
        query = query.where(runs.c.kind == kind)
    return [_run(row) for row in conn.execute(query).mappings()]


def _run(row: RowMapping) -> RunRecord:
    return RunRecord(id=row["id"], kind=row["kind"], started_at=row["started_at"],
                     finished_at=row["finished_at"], summary=dict(row["summary"] or {}))


def record_problem(conn: Connection, where: str, message: str, *, run_id: int | None,
                   now: datetime) -> None:
    """Add a problem, or move ``last_seen_at`` of the same where + message."""
    key = hashlib.sha256(f"{where}\0{message}".encode()).hexdigest()
    insert = insert_for(conn, problems).values(
        key=key, location=where, message=message, first_seen_at=now, last_seen_at=now,
        times_seen=1, run_id=run_id)
    conn.execute(insert.on_conflict_do_update(
        index_elements=[problems.c.key],
        set_={"last_seen_at": now, "times_seen": problems.c.times_seen + 1, "run_id": run_id}))


def list_problems(conn: Connection, *, since: datetime | None) -> list[ProblemRecord]:
    query = sa.select(problems).order_by(problems.c.last_seen_at.desc(), problems.c.id.desc())
    if since is not None:
        query = query.where(problems.c.last_seen_at >= since)
    return [ProblemRecord(where=row["location"], message=row["message"],
                          seen_at=row["last_seen_at"], first_seen_at=row["first_seen_at"],
                          times_seen=row["times_seen"])
            for row in conn.execute(query).mappings()]
