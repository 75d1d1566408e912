"""Several writers at once (the crawl child and the monitor do this): no lost update."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from storage_build import GAZETTE, document, fetch

from storage import Store

WRITERS = 4
EACH = 15


def test_concurrent_failures_are_all_counted_and_reported_once(store, database_url):
    store.sync_sources([GAZETTE])

    def writer(_: int) -> list[str]:
        with Store.open(database_url) as own:
            changes = [own.record_fetch(fetch(status=None, error_kind="timeout", error="t"),
                                        failing_after=10) for _ in range(EACH)]
        return [change.state for change in changes if change is not None]

    with ThreadPoolExecutor(WRITERS) as pool:
        reported = [state for states in pool.map(writer, range(WRITERS)) for state in states]
    [health] = store.source_health(failing_after=10)
    assert health.consecutive_failures == WRITERS * EACH
    assert reported == ["failing"]


def test_concurrent_writers_of_the_same_document_store_it_once(store, database_url):
    store.sync_sources([GAZETTE])

    def writer(_: int) -> str:
        with Store.open(database_url) as own:
            return own.store_document(document()).outcome

    with ThreadPoolExecutor(WRITERS) as pool:
        outcomes = sorted(pool.map(writer, range(WRITERS)))
    assert outcomes == ["new"] + ["seen"] * (WRITERS - 1)
    assert store.count_documents() == 1
