"""The ``Store`` facade: every read and write the rest of Veeduría makes to the database.

Layer: storage. Settings read: ``database_url`` and ``failing_after`` (passed in by monitor).
Each method runs in its own transaction and returns plain records (``storage.records``); inputs
are ``storage.inputs`` dataclasses. SQL lives in the small modules this one calls. Errors are
``StorageError`` subclasses with passwords masked. Cases: tests/storage/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine

from storage import db, demands, documents, evidence, people, review, runs, sources
from storage.evidence import DemandEvidence
from storage.inputs import DemandIn, DocumentIn, EvidenceIn, FetchRow, SourceRow
from storage.records import (
    DecisionRecord,
    DemandRecord,
    DocumentRecord,
    DocumentText,
    EvidenceRecord,
    HealthChange,
    ProblemRecord,
    RunRecord,
    SourceHealthRecord,
    StatusChangeRecord,
    StoredDocument,
    SubscriberRecord,
    UserRecord,
    VersionRecord,
)
from storage.schema import metadata

logger = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """A database opened at the current schema. Use ``Store.open(url)``; close it when done."""

    def __init__(self, engine: Engine, *, url: str, clock: Clock) -> None:
        self._engine = engine
        self._safe_url = db.safe_url(url)
        self._secrets = db.secrets_of(url)
        self._clock = clock

    @classmethod
    def open(cls, url: str, *, clock: Clock = utc_now) -> Store:
        """Open ``url``; ``SchemaOutOfDate`` if it needs ``veeduria db upgrade``."""
        engine = db.create_engine(url)
        try:
            db.check_schema(engine, secrets=db.secrets_of(url))
        except BaseException:
            engine.dispose()
            raise
        logger.debug("store open at %s", db.safe_url(url))
        return cls(engine, url=url, clock=clock)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc_value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._safe_url})"

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=UTC)

    def _read(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one read transaction."""
        with db.storage_errors(secrets=self._secrets), self._engine.begin() as conn:
            return work(conn)

    def _write(self, work: Callable[[Connection], T], *, attempts: int = 1) -> T:
        """Run ``work`` in one write transaction; retry a unique-key race if attempts allow."""
        for attempts_left in range(attempts - 1, -1, -1):
            with db.storage_errors(secrets=self._secrets):
                try:
                    with self._engine.connect() as conn:
                        conn.execution_options(**db.WRITE_OPTIONS)
                        with conn.begin():
                            return work(conn)
                except exc.IntegrityError:
                    if attempts_left == 0:
                        raise
                    logger.debug("unique-key race; retrying once")
        raise AssertionError("attempts must be at least 1")

    # runs and problems

    def start_run(self, kind: str) -> int:
        return self._write(lambda conn: runs.start_run(conn, kind, now=self._now()))

    def finish_run(self, run_id: int, summary: dict[str, object]) -> None:
        self._write(lambda conn: runs.finish_run(conn, run_id, summary, now=self._now()))

    def list_runs(self, *, kind: str | None = None, limit: int = 20) -> list[RunRecord]:
        return self._read(lambda conn: runs.list_runs(conn, kind=kind, limit=limit))

    def record_problem(self, where: str, message: str, *, run_id: int | None = None) -> None:
        self._write(lambda conn: runs.record_problem(conn, where, message, run_id=run_id,
                                                   now=self._now()), attempts=2)

    def problems(self, *, since: datetime | None = None) -> list[ProblemRecord]:
        return self._read(lambda conn: runs.list_problems(conn, since=since))

    # sources and fetches

    def sync_sources(self, rows: Sequence[SourceRow]) -> None:
        self._write(lambda conn: sources.sync_sources(conn, rows, now=self._now()), attempts=2)

    def record_fetch(self, row: FetchRow, *, failing_after: int = 3) -> HealthChange | None:
        """Store an attempt; a HealthChange when the source just failed or recovered.

        Pass ``settings.failing_after``; the default only mirrors the setting's default.
        """
        return self._write(lambda conn: sources.record_fetch(conn, row,
                                                           failing_after=failing_after))

    def record_fetches(self, rows: Sequence[FetchRow], *, failing_after: int = 3
                       ) -> list[HealthChange]:
        """``record_fetch`` for many attempts in one transaction (the pipeline's batches);
        the health changes, in order."""
        return self._write(lambda conn: sources.record_fetches(conn, rows,
                                                             failing_after=failing_after))

    def validators(self, source_id: str) -> dict[str, tuple[str | None, str | None]]:
        return self._read(lambda conn: sources.validators(conn, source_id))

    def known_urls(self, source_id: str) -> set[str]:
        return self._read(lambda conn: sources.known_urls(conn, source_id))

    def source_health(self, *, failing_after: int) -> list[SourceHealthRecord]:
        return self._read(lambda conn: sources.source_health(conn, failing_after=failing_after))

    # documents

    def store_document(self, doc: DocumentIn) -> StoredDocument:
        return self._write(lambda conn: documents.store_document(conn, doc, now=self._now()),
                         attempts=2)

    def store_documents(self, docs: Sequence[DocumentIn]) -> list[StoredDocument]:
        """``store_document`` for many documents in one transaction (the pipeline's batches)."""
        return self._write(lambda conn: documents.store_documents(conn, docs, now=self._now()),
                         attempts=2)

    def get_document(self, document_id: int) -> DocumentRecord:
        return self._read(lambda conn: documents.get_document(conn, document_id))

    def changed_versions(self, *, since: datetime, source_ids: Sequence[str] | None = None
                         ) -> list[tuple[VersionRecord, VersionRecord]]:
        """(previous, new) versions of documents whose text changed since ``since``."""
        return self._read(lambda conn: documents.changed_versions(conn, since=since,
                                                                  source_ids=source_ids))

    def get_raw(self, document_id: int, *, version: int | None = None) -> bytes:
        return self._read(lambda conn: documents.get_raw(conn, document_id, version=version))

    def iter_documents(self, *, since: date | None = None,
                       source_ids: Sequence[str] | None = None,
                       batch: int = 1000) -> Iterator[DocumentRecord]:
        """Stream documents by id, ``batch`` at a time, each page in its own short read.

        ``since`` keeps documents first seen on or after that day (UTC); ``source_ids`` keeps
        those sources' documents. ``source_kind`` and ``country`` come from the source row."""
        return documents.iter_pages(lambda after: self._read(
            lambda conn: documents.document_page(conn, after_id=after, batch=batch,
                                                 since=since, source_ids=source_ids)))

    def iter_texts(self, *, batch: int = 1000) -> Iterator[DocumentText]:
        """Stream every document's current text by id, with what matching reads of it
        (``rules test`` and ``rules words`` read the whole archive this way)."""
        return documents.iter_pages(lambda after: self._read(
            lambda conn: documents.text_page(conn, after_id=after, batch=batch)))

    def documents_to_match(self, rulebook_hash: str, *,
                           batch: int = 1000) -> Iterator[DocumentRecord]:
        """Documents whose current version the rulebook ``rulebook_hash`` has not matched."""
        return documents.iter_pages(lambda after: self._read(
            lambda conn: documents.unmatched_page(conn, rulebook_hash, after_id=after,
                                                  batch=batch)))

    def mark_matched(self, document_ids: Sequence[int | DocumentRecord],
                     rulebook_hash: str) -> None:
        """Mark documents matched by ``rulebook_hash``. Pass the ``DocumentRecord`` that was
        matched to mark exactly its version (safe while a crawl stores new versions)."""
        self._write(lambda conn: documents.mark_matched(conn, document_ids, rulebook_hash))

    def count_documents(self) -> int:
        return self._read(documents.count_documents)

    # demands

    def sync_demands(self, rows: Sequence[DemandIn]) -> None:
        self._write(lambda conn: demands.sync_demands(conn, rows, now=self._now()), attempts=2)

    def list_demands(self, *, include_members: bool,
                     country: str | None = None) -> list[DemandRecord]:
        return self._read(lambda conn: demands.list_demands(
            conn, include_members=include_members, country=country))

    def get_demand(self, demand_id: str, *, include_members: bool) -> DemandRecord:
        return self._read(lambda conn: demands.get_demand(
            conn, demand_id, include_members=include_members))

    def set_response(self, demand_id: str, response: str, *, editor: str,
                     note: str | None = None) -> None:
        self._write(lambda conn: demands.set_response(conn, demand_id, response, editor=editor,
                                                    note=note, now=self._now()))

    # evidence and review

    def add_evidence(self, item: EvidenceIn) -> tuple[int, bool]:
        return self._write(lambda conn: evidence.add_evidence(conn, item, now=self._now()),
                         attempts=2)

    def list_evidence(self, *, states: Sequence[str] = ("proposed",),
                      demand_id: str | None = None, include_members: bool,
                      since: datetime | None = None,
                      limit: int | None = None) -> list[EvidenceRecord]:
        return self._read(lambda conn: evidence.list_evidence(
            conn, states=states, demand_id=demand_id, include_members=include_members,
            since=since, limit=limit))

    def get_evidence(self, evidence_id: int, *, include_members: bool = True) -> EvidenceRecord:
        return self._read(lambda conn: evidence.get_evidence(
            conn, evidence_id, include_members=include_members))

    def count_proposed(self, *, include_members: bool) -> int:
        return self._read(lambda conn: evidence.count_proposed(
            conn, include_members=include_members))

    def last_evidence_dates(self, *, include_members: bool) -> dict[str, date]:
        """Demand id -> day its newest evidence (not rejected) was found: "no news" flags."""
        return self._read(lambda conn: evidence.last_evidence_dates(
            conn, include_members=include_members))

    def evidence_summary(self, *, include_members: bool,
                         demand_id: str | None = None) -> list[DemandEvidence]:
        """Per demand (one GROUP BY query): newest proposed/confirmed evidence, proposals
        awaiting review, confirmed count and their event codes; ``demand_id`` keeps one."""
        return self._read(lambda conn: evidence.evidence_summary(
            conn, include_members=include_members, demand_id=demand_id))

    def count_awaiting(self, *, at: datetime, include_members: bool) -> dict[str, int]:
        """Demand id -> proposals awaiting review at the instant ``at`` (found before it, not
        decided before it); demands with none left out."""
        return self._read(lambda conn: evidence.count_awaiting(
            conn, at=at, include_members=include_members))

    def confirm(self, evidence_id: int, *, editor: str, note: str | None = None,
                status: str | None = None, allow_older: bool = False) -> StatusChangeRecord:
        return self._write(lambda conn: review.confirm(conn, evidence_id, editor=editor,
                                                     note=note, status=status, now=self._now(),
                                                     allow_older=allow_older))

    def reject(self, evidence_id: int, *, editor: str, why: str) -> None:
        self._write(lambda conn: review.reject(conn, evidence_id, editor=editor, why=why,
                                             now=self._now()))

    def undo(self, evidence_id: int, *, editor: str, why: str) -> StatusChangeRecord | None:
        return self._write(lambda conn: review.undo(conn, evidence_id, editor=editor, why=why,
                                                  now=self._now()))

    def decisions(self, evidence_id: int) -> list[DecisionRecord]:
        return self._read(lambda conn: review.decisions(conn, evidence_id))

    def timeline(self, demand_id: str, *, include_members: bool) -> list[StatusChangeRecord]:
        return self._read(lambda conn: review.timeline(conn, demand_id,
                                                      include_members=include_members))

    def status_changes(self, *, start: datetime, end: datetime,
                       include_members: bool) -> list[StatusChangeRecord]:
        return self._read(lambda conn: review.status_changes(
            conn, start=start, end=end, include_members=include_members))

    # people

    def add_user(self, username: str, password_hash: str, role: str) -> None:
        self._write(lambda conn: people.add_user(conn, username, password_hash, role,
                                               now=self._now()))

    def set_password(self, username: str, password_hash: str) -> None:
        self._write(lambda conn: people.set_password(conn, username, password_hash))

    def get_user(self, username: str) -> UserRecord:
        return self._read(lambda conn: people.get_user(conn, username))

    def list_users(self) -> list[UserRecord]:
        return self._read(people.list_users)

    def add_subscriber(self, email: str, language: str, is_member: bool,
                       countries: Sequence[str] = ()) -> None:
        self._write(lambda conn: people.add_subscriber(conn, email, language, is_member,
                                                     countries, now=self._now()), attempts=2)

    def remove_subscriber(self, email: str) -> bool:
        return self._write(lambda conn: people.remove_subscriber(conn, email))

    def list_subscribers(self) -> list[SubscriberRecord]:
        return self._read(people.list_subscribers)

    # whole database

    def row_counts(self) -> dict[str, int]:
        """Rows per table, to show that a repeated cycle adds nothing but fetch rows."""
        def count(conn: Connection) -> dict[str, int]:
            return {table.name: int(conn.execute(
                        sa.select(sa.func.count()).select_from(table)).scalar_one())
                    for table in metadata.sorted_tables}
        return self._read(count)

