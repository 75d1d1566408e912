"""Documents: new, seen, new versions, duplicates, streaming and rulebook matching marks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from storage_build import GAZETTE, NEWS_BR, POLICE, document

from storage import NotFound
from storage.db import create_engine

URL = "https://gaceta.example/normas/verGratis_gob/5637"


@pytest.fixture
def sources(store):
    store.sync_sources([GAZETTE, POLICE, NEWS_BR])
    return store


def test_a_new_document_is_stored_with_everything_it_came_with(sources, clock):
    stored = sources.store_document(document())
    assert (stored.outcome, stored.version) == ("new", 1)
    record = sources.get_document(stored.id)
    assert record.url == URL
    assert record.title == "Decreto Supremo N° 5637"
    assert record.published_on == date(2026, 2, 20)
    assert (record.language, record.content_type, record.external_id) == ("es", "text/html",
                                                                          "5637")
    assert (record.source_kind, record.country) == ("gazette", "BO")
    assert record.first_seen_at == record.last_seen_at == clock.now
    assert sources.get_raw(stored.id) == document().raw


def test_the_same_document_twice_adds_nothing_and_only_moves_last_seen(sources, clock):
    first = sources.store_document(document())
    counts = sources.row_counts()
    clock.advance(days=1)
    again = sources.store_document(document())
    assert (again.id, again.outcome, again.version) == (first.id, "seen", 1)
    assert sources.row_counts() == counts
    record = sources.get_document(first.id)
    assert record.last_seen_at == clock.now
    assert record.first_seen_at < record.last_seen_at


def test_changed_text_at_the_same_url_is_a_new_version_keeping_the_old_text(sources):
    first = sources.store_document(document())
    changed = sources.store_document(document(text="Decreto Supremo N° 5637 (fe de erratas).",
                                              raw=b"<p>errata</p>"))
    assert (changed.id, changed.outcome, changed.version) == (first.id, "new_version", 2)
    record = sources.get_document(first.id)
    assert record.text == "Decreto Supremo N° 5637 (fe de erratas)."
    assert record.version == 2
    assert sources.get_raw(first.id, version=1) == document().raw
    assert sources.get_raw(first.id) == b"<p>errata</p>"
    assert sources.row_counts()["document_versions"] == 2
    assert sources.count_documents() == 1


def test_same_text_at_another_url_is_an_alias_not_a_new_document(sources):
    first = sources.store_document(document())
    mirror = "https://ministerio.example/decretos/5637"
    dup = sources.store_document(document(url=mirror, source_id="bo_policia"))
    again = sources.store_document(document(url=mirror, source_id="bo_policia"))
    assert (dup.id, dup.outcome) == (first.id, "duplicate")
    assert (again.id, again.outcome) == (first.id, "duplicate")
    counts = sources.row_counts()
    assert (counts["documents"], counts["document_aliases"]) == (1, 1)
    assert sources.known_urls("bo_policia") == {mirror}


def test_text_of_an_old_version_elsewhere_is_still_a_duplicate(sources):
    first = sources.store_document(document())
    sources.store_document(document(text="Texto corregido."))
    dup = sources.store_document(document(url="https://espejo.example/5637"))
    assert (dup.id, dup.outcome) == (first.id, "duplicate")


def test_unknown_document_is_not_found(sources):
    with pytest.raises(NotFound):
        sources.get_document(424242)


def _many(store, count, **overrides):
    return [store.store_document(document(url=f"https://gaceta.example/n/{n}",
                                          text=f"Norma {n}", external_id=str(n),
                                          **overrides)).id
            for n in range(count)]


def test_iter_documents_streams_in_pages_in_id_order(sources):
    ids = _many(sources, 7)
    streamed = list(sources.iter_documents(batch=3))
    assert [doc.id for doc in streamed] == ids
    assert {doc.source_kind for doc in streamed} == {"gazette"}


def test_iter_documents_filters_by_source_and_first_seen_date(sources, clock):
    old = _many(sources, 2)
    clock.now = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    news = sources.store_document(document(source_id="br_noticias",
                                           url="https://noticias.example/1",
                                           text="Notícia sobre o protocolo")).id
    assert [d.id for d in sources.iter_documents(since=date(2026, 3, 10))] == [news]
    assert [d.id for d in sources.iter_documents(source_ids=["bo_gaceta"])] == old
    brazil = list(sources.iter_documents(source_ids=["br_noticias"]))
    assert [(d.source_kind, d.country) for d in brazil] == [("news", "BR")]


def test_iter_texts_streams_what_matching_reads_of_each_current_version(sources):
    ids = _many(sources, 5)
    changed = sources.store_document(document(url="https://gaceta.example/n/2",
                                              text="Norma 2, texto corregido", external_id="2"))
    assert (changed.id, changed.version) == (ids[2], 2)
    brazil = sources.store_document(document(source_id="br_noticias",
                                             url="https://noticias.example/1",
                                             text="Notícia sobre o protocolo")).id
    texts = list(sources.iter_texts(batch=2))
    assert [t.id for t in texts] == [*ids, brazil]
    assert texts[2].text == "Norma 2, texto corregido"
    assert [(t.source_kind, t.country) for t in texts[-2:]] == [("gazette", "BO"),
                                                                 ("news", "BR")]
    records = {d.id: d for d in sources.iter_documents()}
    for text in texts:  # the same fields as the full records
        record = records[text.id]
        assert text == (record.id, record.source_id, record.url, record.title, record.text,
                        record.published_on, record.source_kind, record.country)


def test_documents_to_match_skips_what_this_rulebook_already_matched(sources):
    ids = _many(sources, 5)
    assert [d.id for d in sources.documents_to_match("rb1", batch=2)] == ids
    sources.mark_matched(ids[:3], "rb1")
    assert [d.id for d in sources.documents_to_match("rb1")] == ids[3:]
    sources.mark_matched(ids[3:], "rb1")
    assert list(sources.documents_to_match("rb1")) == []
    assert [d.id for d in sources.documents_to_match("rb2")] == ids


def test_a_new_version_is_matched_again(sources):
    first = sources.store_document(document()).id
    sources.mark_matched([first], "rb1")
    sources.store_document(document(text="Texto nuevo del decreto."))
    pending = list(sources.documents_to_match("rb1"))
    assert [(d.id, d.version) for d in pending] == [(first, 2)]
    sources.mark_matched([first], "rb1")
    sources.store_document(document(text="Texto nuevo del decreto."))
    assert list(sources.documents_to_match("rb1")) == []


def test_raw_bytes_are_stored_compressed(sources, database_url):
    raw = ("<p>" + "protocolo " * 500 + "</p>").encode()
    stored = sources.store_document(document(raw=raw))
    engine = create_engine(database_url)
    with engine.connect() as conn:
        kept = conn.execute(sa.text("SELECT raw_zlib FROM document_versions WHERE document_id = "
                                    ":id"), {"id": stored.id}).scalar_one()
    engine.dispose()
    assert len(kept) < len(raw) / 10
    assert sources.get_raw(stored.id) == raw


def test_a_batch_gives_the_same_outcomes_as_storing_one_by_one(sources):
    sources.store_document(document())
    batch = [
        document(url="https://gaceta.example/n/1", text="Norma 1"),             # new
        document(),                                                            # seen
        document(url="https://espejo.example/5637"),                           # duplicate
        document(url="https://gaceta.example/n/2", text="Norma 2"),             # new
        document(url="https://gaceta.example/n/2", text="Norma 2 corregida"),   # new_version
        document(url="https://espejo.example/n/1", text="Norma 1"),             # duplicate
    ]
    stored = sources.store_documents(batch)
    assert [s.outcome for s in stored] == [
        "new", "seen", "duplicate", "new", "new_version", "duplicate"]
    assert stored[5].id == stored[0].id
    assert stored[4].id == stored[3].id
    assert sources.get_document(stored[3].id).text == "Norma 2 corregida"
    again = sources.store_documents(batch[:4])
    assert [s.outcome for s in again] == ["seen", "seen", "duplicate", "new_version"]
    assert sources.store_documents([]) == []


def test_marking_a_matched_record_leaves_a_version_stored_meanwhile_to_match(sources):
    first = sources.store_document(document()).id
    [seen] = list(sources.documents_to_match("rb1"))
    sources.store_document(document(text="Versión publicada mientras se comparaba."))
    sources.mark_matched([seen], "rb1")
    assert [(d.id, d.version) for d in sources.documents_to_match("rb1")] == [(first, 2)]
