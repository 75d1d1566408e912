"""The item pipeline: turns what spiders yield into storage rows, and counts what happened.

Layer: monitor (spiders → storage). Runs inside the crawl child process. Logs ids and counts
only. Cases: tests/test_demo_cycle.py.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spiders.items import DocumentItem, FetchItem
from storage import Store
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


class ItemPipeline:
    """Stores each FetchItem as it arrives and DocumentItems in batches (one transaction per
    ``DOCUMENT_BATCH``); keeps a tally per source. Call ``flush()`` when the crawl ends."""

    def __init__(self, store: Store, *, run_id: int | None, failing_after: int,
                 emit: Emit | None = None, batch_size: int = DOCUMENT_BATCH) -> None:
        self.store = store
        self.run_id = run_id
        self.failing_after = failing_after
        self.emit = emit
        self.batch_size = batch_size
        self.pending: list[DocumentIn] = []
        self.tallies: dict[str, SourceTally] = {}

    def tally(self, source_id: str) -> SourceTally:
        return self.tallies.setdefault(source_id, SourceTally())

    def handle(self, item: DocumentItem | FetchItem) -> None:
        if isinstance(item, FetchItem):
            self.handle_fetch(item)
        else:
            self.handle_document(item)

    def handle_fetch(self, item: FetchItem) -> None:
        tally = self.tally(item.source_id)
        row = FetchRow(source_id=item.source_id, url=item.url, started_at=item.started_at,
                       duration_ms=item.duration_ms, status=item.status, bytes=item.bytes,
                       etag=item.etag, last_modified=item.last_modified,
                       is_not_modified=item.is_not_modified, error_kind=item.error_kind,
                       error=item.error, run_id=self.run_id)
        change = self.store.record_fetch(row, failing_after=self.failing_after)
        tally.fetches += 1
        tally.bytes += item.bytes
        tally.not_modified += int(item.is_not_modified)
        if not row.is_success:
            tally.failures += 1
            tally.last_error = f"{item.error_kind or 'http'}: {item.error or item.status}"
            logger.info("source %s: fetch failed (%s)", item.source_id, item.error_kind)
        if change is not None:
            self._report_health(item.source_id, change)
        self._emit({"event": "fetch", "source": item.source_id, "ok": row.is_success})

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
        """Store the documents waiting in the batch."""
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
