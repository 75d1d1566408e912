"""Sources, fetch attempts, validators, known URLs and health transitions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from storage_build import GAZETTE, NEWS_BR, POLICE, document, fetch, source

from storage import NotFound

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def failed(minutes: int, **overrides):
    return fetch(started_at=at(minutes), status=None, bytes=0, error_kind="timeout",
                 error="no answer after 30 s", **overrides)


def test_syncing_sources_twice_adds_nothing(store):
    store.sync_sources([GAZETTE, POLICE])
    first = store.row_counts()
    store.sync_sources([GAZETTE, POLICE])
    assert store.row_counts() == first
    assert first["sources"] == 2


def test_sync_updates_a_definition_and_never_deletes_a_source(store):
    store.sync_sources([GAZETTE, POLICE])
    store.sync_sources([source(name="Gaceta Oficial del Estado Plurinacional")])
    health = {row.id: row for row in store.source_health(failing_after=3)}
    assert set(health) == {"bo_gaceta", "bo_policia"}
    assert health["bo_gaceta"].name == "Gaceta Oficial del Estado Plurinacional"


def test_every_fetch_attempt_is_stored(store):
    store.sync_sources([GAZETTE])
    store.record_fetch(fetch(started_at=at(0)))
    store.record_fetch(fetch(started_at=at(1)))
    store.record_fetch(failed(2))
    assert store.row_counts()["fetches"] == 3


def test_fetch_for_an_unknown_source_is_not_found(store):
    with pytest.raises(NotFound, match="unknown source 'nope'"):
        store.record_fetch(fetch(source_id="nope"))


def test_failing_is_reported_once_when_the_threshold_is_crossed(store):
    store.sync_sources([GAZETTE])
    changes = [store.record_fetch(failed(minute), failing_after=3) for minute in range(5)]
    assert [c.state if c else None for c in changes] == [None, None, "failing", None, None]
    assert changes[2].consecutive_failures == 3
    assert changes[2].last_error_kind == "timeout"
    assert changes[2].source_id == "bo_gaceta"


def test_recovery_is_reported_once_after_a_reported_failure(store):
    store.sync_sources([GAZETTE])
    for minute in range(3):
        store.record_fetch(failed(minute), failing_after=3)
    changes = [store.record_fetch(fetch(started_at=at(10 + n)), failing_after=3)
               for n in range(3)]
    assert [c.state if c else None for c in changes] == ["recovered", None, None]
    assert changes[0].consecutive_failures == 0


def test_failures_below_the_threshold_then_success_report_nothing(store):
    store.sync_sources([GAZETTE])
    changes = [store.record_fetch(failed(0), failing_after=3),
               store.record_fetch(failed(1), failing_after=3),
               store.record_fetch(fetch(started_at=at(2)), failing_after=3),
               store.record_fetch(failed(3), failing_after=3)]
    assert changes == [None, None, None, None]


def test_http_error_status_counts_as_a_failure(store):
    store.sync_sources([GAZETTE])
    change = store.record_fetch(fetch(status=503), failing_after=1)
    assert change is not None and change.state == "failing"
    assert (change.last_error_kind, change.last_error) == ("http", "HTTP 503")


def test_source_health_states_and_counts(store):
    store.sync_sources([GAZETTE, POLICE, NEWS_BR])
    store.record_fetch(fetch(started_at=at(0)))
    store.store_document(document())
    for minute in range(3):
        store.record_fetch(failed(minute, source_id="bo_policia"))
    health = {row.id: row for row in store.source_health(failing_after=3)}
    assert {key: row.state for key, row in health.items()} == {
        "bo_gaceta": "ok", "bo_policia": "failing", "br_noticias": "never"}
    assert health["bo_gaceta"].documents_total == 1
    assert health["bo_gaceta"].last_success_at == at(0)
    assert health["bo_policia"].consecutive_failures == 3
    assert health["bo_policia"].last_error == "no answer after 30 s"
    assert health["br_noticias"].documents_total == 0
    assert list(health)[0] == "bo_policia"


def test_validators_are_the_latest_from_successful_fetches_per_url(store):
    store.sync_sources([GAZETTE])
    listing = "https://gaceta.example/normas/listadonor/10"
    feed = "https://gaceta.example/rss.xml"
    store.record_fetch(fetch(url=listing, started_at=at(0), etag='"v1"'))
    store.record_fetch(fetch(url=listing, started_at=at(1), etag='"v2"',
                             last_modified="Mon, 02 Mar 2026 12:01:00 GMT"))
    store.record_fetch(fetch(url=listing, started_at=at(2), status=500, etag='"broken"'))
    store.record_fetch(fetch(url=listing, started_at=at(3), status=304,
                             is_not_modified=True))
    store.record_fetch(fetch(url=feed, started_at=at(0), last_modified="Sun, 01 Mar 2026"))
    store.record_fetch(fetch(url="https://gaceta.example/plain", started_at=at(0)))
    assert store.validators("bo_gaceta") == {
        listing: ('"v2"', "Mon, 02 Mar 2026 12:01:00 GMT"),
        feed: (None, "Sun, 01 Mar 2026")}
    assert store.validators("bo_policia") == {}


def test_known_urls_hold_canonical_and_alias_urls_of_the_source(store):
    store.sync_sources([GAZETTE, POLICE])
    store.store_document(document())
    store.store_document(document(url="https://gaceta.example/normas/verGratis_gob1/5637"))
    store.store_document(document(source_id="bo_policia", url="https://policia.example/n/1",
                                  text="Comunicado 45"))
    assert store.known_urls("bo_gaceta") == {
        "https://gaceta.example/normas/verGratis_gob/5637",
        "https://gaceta.example/normas/verGratis_gob1/5637"}
    assert store.known_urls("bo_policia") == {"https://policia.example/n/1"}


def test_a_batch_of_attempts_reports_the_same_transitions_as_one_by_one(store):
    store.sync_sources([source(), source(id="bo_policia", kind="police")])
    failing = [fetch(status=503, error_kind="http") for _ in range(3)]
    rows = failing + [fetch()] + [fetch(source_id="bo_policia")]
    changes = store.record_fetches(rows, failing_after=2)
    assert [(c.source_id, c.state, c.consecutive_failures) for c in changes] == [
        ("bo_gaceta", "failing", 2), ("bo_gaceta", "recovered", 0)]
    assert store.row_counts()["fetches"] == 5
    health = {h.id: h for h in store.source_health(failing_after=2)}
    assert health["bo_gaceta"].consecutive_failures == 0
    assert health["bo_gaceta"].state == "ok"
    assert store.record_fetches([fetch(status=500)] * 2, failing_after=2)[0].state == "failing"
    assert store.source_health(failing_after=2)[0].last_error == "HTTP 500"
