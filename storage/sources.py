"""Sources, their fetch attempts and their health (failing / recovered, reported once each).

Layer: storage. Settings read: ``failing_after`` (passed in). Sources are upserted, never
deleted: their fetches and documents are history.
Cases: tests/storage/test_storage_sources.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.db import insert_for, locking
from storage.errors import NotFound
from storage.inputs import FetchRow, SourceRow
from storage.records import HealthChange, SourceHealthRecord
from storage.schema import document_aliases, documents, fetches, sources

logger = logging.getLogger(__name__)


def sync_sources(conn: Connection, rows: Sequence[SourceRow], *, now: datetime) -> None:
    """Insert new sources and update the definition of known ones; a row unchanged stays put."""
    for row in rows:
        values = {"name": row.name, "country": row.country, "kind": row.kind,
                  "language": row.language}
        changed = sa.or_(*(sources.c[name] != value for name, value in values.items()))
        insert = insert_for(conn, sources).values(id=row.id, created_at=now, updated_at=now,
                                                  **values)
        conn.execute(insert.on_conflict_do_update(
            index_elements=[sources.c.id], set_={**values, "updated_at": now}, where=changed))


def record_fetch(conn: Connection, row: FetchRow, *, failing_after: int) -> HealthChange | None:
    """Store one attempt, update the source's health, return a change worth reporting."""
    changes = record_fetches(conn, [row], failing_after=failing_after)
    return changes[0] if changes else None


def record_fetches(conn: Connection, rows: Sequence[FetchRow], *,
                   failing_after: int) -> list[HealthChange]:
    """``record_fetch`` for a batch: one multi-row insert, then one health update per source
    (the same transitions as attempt-by-attempt, in order)."""
    if not rows:
        return []
    healths = {source_id: dict(_health_for_update(conn, source_id))
               for source_id in dict.fromkeys(row.source_id for row in rows)}
    conn.execute(sa.insert(fetches), [_fetch_values(row) for row in rows])
    changes: list[HealthChange] = []
    for source_id, health in healths.items():
        values: dict[str, object] = {}
        for row in (r for r in rows if r.source_id == source_id):
            change = _step(health, row, values, failing_after=failing_after)
            if change is not None:
                changes.append(change)
        conn.execute(sa.update(sources).where(sources.c.id == source_id).values(**values))
    return changes


def _fetch_values(row: FetchRow) -> dict[str, object]:
    return {"source_id": row.source_id, "run_id": row.run_id, "url": row.url,
            "started_at": row.started_at, "status": row.status, "bytes": row.bytes,
            "etag": row.etag, "last_modified": row.last_modified,
            "duration_ms": row.duration_ms, "is_not_modified": row.is_not_modified,
            "is_success": row.is_success, "error_kind": row.error_kind, "error": row.error}


def _step(health: dict[str, object], row: FetchRow, values: dict[str, object], *,
          failing_after: int) -> HealthChange | None:
    """Apply one attempt to ``health`` (in memory) and to the pending column ``values``."""
    was_reported = bool(health["is_reported_failing"])
    values["last_attempt_at"] = row.started_at
    if row.is_success:
        previous = int(health["consecutive_failures"])  # type: ignore[call-overload]
        health.update(consecutive_failures=0, is_reported_failing=False)
        values.update(last_success_at=row.started_at, consecutive_failures=0,
                      is_reported_failing=False)
        if not was_reported:
            return None
        logger.info("source %s recovered after %d failures", row.source_id, previous)
        return HealthChange(source_id=row.source_id, state="recovered", consecutive_failures=0,
                            last_error_kind=health["last_error_kind"],  # type: ignore[arg-type]
                            last_error=health["last_error"],  # type: ignore[arg-type]
                            at=row.started_at)
    failures = int(health["consecutive_failures"]) + 1  # type: ignore[call-overload]
    error_kind = row.error_kind or "http"
    error = row.error or (f"HTTP {row.status}" if row.status is not None else None)
    is_crossing = failures >= failing_after and not was_reported
    health.update(consecutive_failures=failures, last_error_kind=error_kind, last_error=error,
                  is_reported_failing=was_reported or is_crossing)
    values.update(consecutive_failures=failures, last_error_kind=error_kind, last_error=error,
                  is_reported_failing=was_reported or is_crossing)
    if not is_crossing:
        return None
    logger.warning("source %s failing: %d consecutive failures (%s)", row.source_id, failures,
                   error_kind)
    return HealthChange(source_id=row.source_id, state="failing", consecutive_failures=failures,
                        last_error_kind=error_kind, last_error=error, at=row.started_at)


def _health_for_update(conn: Connection, source_id: str) -> RowMapping:
    query = sa.select(sources.c.consecutive_failures, sources.c.is_reported_failing,
                      sources.c.last_error_kind, sources.c.last_error
                      ).where(sources.c.id == source_id)
    row = conn.execute(locking(conn, query)).mappings().first()
    if row is None:
        raise NotFound(f"unknown source {source_id!r}: sync sources first")
    return row


def validators(conn: Connection, source_id: str) -> dict[str, tuple[str | None, str | None]]:
    """Latest (ETag, Last-Modified) per URL among the source's successful fetches that had one."""
    has_validator = sa.or_(fetches.c.etag.is_not(None), fetches.c.last_modified.is_not(None))
    latest = (sa.select(sa.func.max(fetches.c.id).label("id"))
              .where(fetches.c.source_id == source_id, fetches.c.is_success.is_(True),
                     has_validator)
              .group_by(fetches.c.url).subquery())
    query = sa.select(fetches.c.url, fetches.c.etag, fetches.c.last_modified).join(
        latest, latest.c.id == fetches.c.id)
    return {url: (etag, modified) for url, etag, modified in conn.execute(query)}


def known_urls(conn: Connection, source_id: str) -> set[str]:
    """Every document URL (canonical or alias) already stored for the source."""
    canonical = sa.select(documents.c.url).where(documents.c.source_id == source_id)
    aliases = sa.select(document_aliases.c.url).where(document_aliases.c.source_id == source_id)
    return set(conn.execute(sa.union(canonical, aliases)).scalars())


def source_health(conn: Connection, *, failing_after: int) -> list[SourceHealthRecord]:
    """Every source with its health and document counts, failing ones first."""
    counts = (sa.select(documents.c.source_id,
                        sa.func.count().label("total"),
                        sa.func.max(documents.c.first_seen_at).label("last_at"))
              .group_by(documents.c.source_id).subquery())
    query = (sa.select(sources, counts.c.total, counts.c.last_at)
             .outerjoin(counts, counts.c.source_id == sources.c.id)
             .order_by(sources.c.consecutive_failures.desc(), sources.c.id))
    return [_health_record(row, failing_after=failing_after)
            for row in conn.execute(query).mappings()]


def _health_record(row: RowMapping, *, failing_after: int) -> SourceHealthRecord:
    state = "ok"
    if row["last_attempt_at"] is None:
        state = "never"
    elif row["consecutive_failures"] >= failing_after:
        state = "failing"
    return SourceHealthRecord(
        id=row["id"], name=row["name"], country=row["country"], kind=row["kind"],
        last_attempt_at=row["last_attempt_at"], last_success_at=row["last_success_at"],
        consecutive_failures=row["consecutive_failures"],
        last_error_kind=row["last_error_kind"], last_error=row["last_error"],
        documents_total=int(row["total"] or 0), last_document_at=row["last_at"], state=state)
