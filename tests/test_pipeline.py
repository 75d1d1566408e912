"""The item pipeline: fetches stored at once, documents in batches, health reported once."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from monitor.pipeline import ItemPipeline
from spiders.items import DocumentItem, FetchItem
from storage import Store
from storage.db import upgrade
from storage.errors import StorageError
from storage.inputs import SourceRow


@pytest.fixture
def store(database_url):
    upgrade(database_url)
    with Store.open(database_url) as opened:
        opened.sync_sources([SourceRow(id="bo_x", name="X", country="BO", kind="police",
                                       language="es")])
        yield opened


def document(n: int, *, text: str | None = None) -> DocumentItem:
    body = text or f"Comunicado número {n} de la Policía."
    return DocumentItem(source_id="bo_x", url=f"http://127.0.0.1/c/{n}",
                        fetched_url=f"http://127.0.0.1/c/{n}", title=f"Comunicado {n}",
                        text=body, published_on=date(2026, 11, 20), language="es",
                        content_type="text/html", raw=body.encode(), content_hash=f"h{n}")


def fetch(*, error: str | None = None) -> FetchItem:
    return FetchItem(source_id="bo_x", url="http://127.0.0.1/c/", started_at=datetime.now(UTC),
                     duration_ms=5, status=None if error else 200,
                     error_kind="timeout" if error else None, error=error)


def test_documents_are_stored_in_batches_and_flushed(store):
    events = []
    pipeline = ItemPipeline(store, run_id=None, failing_after=3, emit=events.append,
                            batch_size=3)
    for n in range(4):
        pipeline.handle(document(n))
    assert store.count_documents() == 3
    pipeline.flush()
    assert store.count_documents() == 4
    assert pipeline.tallies["bo_x"].documents["new"] == 4
    assert [e["outcome"] for e in events] == ["new"] * 4


def test_same_document_twice_is_seen_not_new(store):
    pipeline = ItemPipeline(store, run_id=None, failing_after=3)
    pipeline.handle(document(1))
    pipeline.flush()
    pipeline.handle(document(1))
    pipeline.flush()
    assert store.count_documents() == 1
    assert pipeline.tallies["bo_x"].documents == {"new": 1, "seen": 1}


def test_failing_source_is_reported_once_and_recovery_once(store):
    pipeline = ItemPipeline(store, run_id=None, failing_after=2)
    for _ in range(4):
        pipeline.handle(fetch(error="timed out after 30 s"))
    pipeline.handle(fetch())
    pipeline.flush()
    messages = sorted(p.message for p in store.problems() if p.where == "bo_x")
    assert len(messages) == 2
    assert messages[0].startswith("failing: 2 failed fetches in a row (timeout: timed out")
    assert messages[1].startswith("recovered on ")
    assert pipeline.tallies["bo_x"].failures == 4


def test_fetches_are_stored_in_batches(store):
    pipeline = ItemPipeline(store, run_id=None, failing_after=3, batch_size=2)
    pipeline.handle(fetch())
    assert store.row_counts()["fetches"] == 0
    pipeline.handle(fetch())
    assert store.row_counts()["fetches"] == 2
    pipeline.handle(fetch())
    pipeline.flush()
    assert store.row_counts()["fetches"] == 3
    assert pipeline.tallies["bo_x"].fetches == 3


def test_writer_process_stores_everything_and_reports_its_first_error(store, database_url):
    from monitor.pipeline import WriterProcess

    writer = WriterProcess(database_url, run_id=None, failing_after=3, emit_events=False)
    for n in range(5):
        writer.put(document(n))
        writer.put(fetch())
    writer.close()
    assert store.count_documents() == 5 and store.row_counts()["fetches"] == 5
    broken = WriterProcess(database_url, run_id=None, failing_after=3, emit_events=False)
    broken.put(FetchItem(source_id="no_such_source", url="http://127.0.0.1/",
                         started_at=datetime.now(UTC), duration_ms=1, status=200))
    with pytest.raises(StorageError, match="no_such_source"):
        broken.close()
