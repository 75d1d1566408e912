"""A whole cycle stored twice adds nothing but fetch rows (unique keys do the work)."""

from __future__ import annotations

from storage_build import GAZETTE, MEMBERS_DEMAND, POLICE, demand, document, evidence, fetch


def cycle(store, clock):
    """What one monitor cycle writes: definitions, fetches, documents, proposals, problems."""
    run_id = store.start_run("cycle")
    store.sync_sources([GAZETTE, POLICE])
    store.sync_demands([demand(), MEMBERS_DEMAND])
    store.record_fetch(fetch(started_at=clock.now, run_id=run_id, etag='"v1"'))
    store.record_fetch(fetch(source_id="bo_policia", url="https://policia.example/",
                             started_at=clock.now, status=None, error_kind="dns",
                             error="name not resolved", run_id=run_id))
    docs = [store.store_document(document()),
            store.store_document(document(url="https://gaceta.example/espejo/5637")),
            store.store_document(document(source_id="bo_policia",
                                          url="https://policia.example/c/45",
                                          text="Comunicado 45: se activa el protocolo."))]
    for doc in docs:
        store.add_evidence(evidence(doc.id))
    store.mark_matched([doc.id for doc in docs], "rb1")
    store.record_problem("bo_policia", "name not resolved", run_id=run_id)
    store.add_subscriber("coord@red.example", "es", True, ["BO"])
    store.finish_run(run_id, {"documents": len(docs)})
    return [doc.outcome for doc in docs]


def test_a_second_cycle_adds_only_fetch_and_run_rows(store, clock):
    assert cycle(store, clock) == ["new", "duplicate", "new"]
    before = store.row_counts()
    clock.advance(hours=6)
    assert cycle(store, clock) == ["seen", "duplicate", "seen"]
    after = store.row_counts()
    grown = {table: after[table] - before[table] for table in after
             if after[table] != before[table]}
    assert grown == {"fetches": 2, "runs": 1}
    assert list(store.documents_to_match("rb1")) == []
