"""The item pipeline: turns what spiders yield into storage rows, and counts what happened.

Layer: monitor (spiders → storage). Runs inside the crawl child process. Logs ids and counts
only. Cases: tests/test_demo_cycle.py.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import queue
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spiders.items import DocumentItem, FetchItem
from storage import Store
from storage.errors import StorageError
from storage.inputs import DocumentIn, FetchRow
from storage.records import HealthChange

logger = logging.getLogger(__name__)

Emit = Callable[[dict[str, object]], None]


@dataclass
class SourceTally:
    fetches: int = 0
    failures: int = 0
    not_modified: int = 0
    bytes: int = 0
    documents: Counter[str] = field(default_factory=Counter)  # new, seen, new_version, duplicate
    last_error: str | None = None


DOCUMENT_BATCH = 50
WRITER_CLOSE_TIMEOUT_S = 600


class ItemPipeline:
    """Stores FetchItems and DocumentItems in batches (one transaction per ``DOCUMENT_BATCH``
    of each); keeps a tally per source. Call ``flush()`` when the crawl ends."""

    def __init__(self, store: Store, *, run_id: int | None, failing_after: int,
                 emit: Emit | None = None, batch_size: int = DOCUMENT_BATCH) -> None:
        self.store = store
        self.run_id = run_id
        self.failing_after = failing_after
        self.emit = emit
        self.batch_size = batch_size
        self.pending: list[DocumentIn] = []
        self.pending_fetches: list[FetchRow] = []
        self.tallies: dict[str, SourceTally] = {}

    def tally(self, source_id: str) -> SourceTally:
        return self.tallies.setdefault(source_id, SourceTally())

    def handle(self, item: DocumentItem | FetchItem) -> None:
        if isinstance(item, FetchItem):
            self.handle_fetch(item)
        else:
            self.handle_document(item)

    def handle_fetch(self, item: FetchItem) -> None:
        self.pending_fetches.append(FetchRow(
            source_id=item.source_id, url=item.url, started_at=item.started_at,
            duration_ms=item.duration_ms, status=item.status, bytes=item.bytes,
            etag=item.etag, last_modified=item.last_modified,
            is_not_modified=item.is_not_modified, error_kind=item.error_kind,
            error=item.error, run_id=self.run_id))
        if len(self.pending_fetches) >= self.batch_size:
            self.flush()

    def _store_fetches(self) -> None:
        rows, self.pending_fetches = self.pending_fetches, []
        if not rows:
            return
        for change in self.store.record_fetches(rows, failing_after=self.failing_after):
            self._report_health(change.source_id, change)
        for row in rows:
            tally = self.tally(row.source_id)
            tally.fetches += 1
            tally.bytes += row.bytes
            tally.not_modified += int(row.is_not_modified)
            if not row.is_success:
                tally.failures += 1
                tally.last_error = f"{row.error_kind or 'http'}: {row.error or row.status}"
                logger.info("source %s: fetch failed (%s)", row.source_id, row.error_kind)
            self._emit({"event": "fetch", "source": row.source_id, "ok": row.is_success})

    def _report_health(self, source_id: str, change: HealthChange) -> None:
        """A source that just started failing, or recovered, is reported once each time."""
        if change.state == "failing":
            first_line = (change.last_error or "").strip().splitlines()[:1]
            message = (f"failing: {change.consecutive_failures} failed fetches in a row "
                       f"({change.last_error_kind}: {first_line[0] if first_line else '?'})")
        else:
            message = f"recovered on {change.at:%Y-%m-%d %H:%M} UTC"
        self.store.record_problem(source_id, message, run_id=self.run_id)
        logger.warning("source %s is now %s", source_id, change.state)

    def handle_document(self, item: DocumentItem) -> None:
        self.pending.append(DocumentIn(
            source_id=item.source_id, url=item.url, title=item.title, text=item.text,
            content_hash=item.content_hash, content_type=item.content_type, raw=item.raw,
            published_on=item.published_on, language=item.language,
            external_id=item.external_id))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Store the fetches and documents waiting in the batches."""
        self._store_fetches()
        batch, self.pending = self.pending, []
        if not batch:
            return
        for doc, stored in zip(batch, self.store.store_documents(batch), strict=True):
            self.tally(doc.source_id).documents[stored.outcome] += 1
            self._emit({"event": "document", "source": doc.source_id,
                        "outcome": stored.outcome})

    def _emit(self, event: dict[str, object]) -> None:
        if self.emit is not None:
            self.emit(event)


def _write_items(database_url: str, run_id: int | None, failing_after: int,
                 items: multiprocessing.Queue[DocumentItem | FetchItem | None],
                 outcome: multiprocessing.Queue[str | None], emit_events: bool) -> None:
    """The writer process: store what the crawl queues until ``None``; report the first
    error (as text) or None on ``outcome``."""
    error: str | None = None
    with Store.open(database_url) as store:
        pipeline = ItemPipeline(store, run_id=run_id, failing_after=failing_after,
                                emit=print_event if emit_events else None)
        while (item := items.get()) is not None:
            if error is not None:
                continue  # keep draining so the crawl is never blocked; the error is kept
            try:
                pipeline.handle(item)
            except StorageError as exc:
                error = str(exc)
        if error is None:
            try:
                pipeline.flush()
            except StorageError as exc:
                error = str(exc)
    outcome.put(error)


def print_event(event: dict[str, object]) -> None:
    """One JSON event per line on stdout, for the parent process (monitor.crawlproc)."""
    sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class WriterProcess:
    """Stores a crawl's items in a process of its own, so the crawl (Scrapy's reactor) and
    the database writes run on both cores. ``put()`` only queues; ``close()`` waits for the
    last batch and raises StorageError with the first error the writer met."""

    def __init__(self, database_url: str, *, run_id: int | None, failing_after: int,
                 emit_events: bool, max_queued: int = 5000) -> None:
        context = multiprocessing.get_context("spawn")
        self.items: multiprocessing.Queue[DocumentItem | FetchItem | None] = \
            context.Queue(maxsize=max_queued)
        self.outcome: multiprocessing.Queue[str | None] = context.Queue()
        self.process = context.Process(
            target=_write_items, name="veeduria-writer", daemon=True,
            args=(database_url, run_id, failing_after, self.items, self.outcome, emit_events))
        self.process.start()

    def put(self, item: DocumentItem | FetchItem) -> None:
        self.items.put(item)

    def close(self) -> None:
        self.items.put(None)
        try:
            error = self.outcome.get(timeout=WRITER_CLOSE_TIMEOUT_S)
        except queue.Empty:
            error = "the writer process did not finish in time"
        self.process.join(timeout=10)
        if error is not None:
            raise StorageError(error)
