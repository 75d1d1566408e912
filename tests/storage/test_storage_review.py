"""Evidence proposals and editors' decisions: confirm, reassign, reject, undo, history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from storage_build import evidence, seed_world

from storage import Conflict, NotFound


@pytest.fixture
def world(store):
    first, second = seed_world(store)
    return store, first, second


def test_proposing_the_same_evidence_twice_adds_nothing(world):
    store, doc, _ = world
    first_id, first_new = store.add_evidence(evidence(doc))
    counts = store.row_counts()
    again_id, again_new = store.add_evidence(evidence(doc))
    assert (first_new, again_new) == (True, False)
    assert again_id == first_id
    assert store.row_counts() == counts


def test_a_proposal_keeps_what_the_rule_found(world, clock):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    record = store.get_evidence(evidence_id)
    assert (record.state, record.proposed_status, record.rule_id) == (
        "proposed", "fulfilled", "bo-protocolo-publicado")
    assert record.event_codes == ("publicacion_oficial",)
    assert record.highlights == ((3, 10), (14, 23))
    assert (record.source_id, record.source_kind, record.title) == (
        "bo_gaceta", "gazette", "Decreto Supremo N° 5637")
    assert (record.act_date, record.found_at) == (date(2026, 2, 20), clock.now)


def test_evidence_for_an_unknown_document_or_demand_is_not_found(world):
    store, doc, _ = world
    with pytest.raises(NotFound, match="no document"):
        store.add_evidence(evidence(999_999))
    with pytest.raises(NotFound, match="no demand"):
        store.add_evidence(evidence(doc, demand_id="nope"))


def test_confirm_moves_the_status_and_writes_history(world, clock):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    change = store.confirm(evidence_id, editor="ana", note="publicado en gaceta")
    assert (change.from_status, change.to_status, change.editor, change.note) == (
        "pending", "fulfilled", "ana", "publicado en gaceta")
    assert (change.evidence_id, change.act_date, change.changed_at) == (
        evidence_id, date(2026, 2, 20), clock.now)
    assert change.url == "https://gaceta.example/normas/verGratis_gob/5637"
    demand = store.get_demand("bo-protocolo-policia", include_members=False)
    assert (demand.status, demand.status_since) == ("fulfilled", date(2026, 2, 20))
    confirmed = store.get_evidence(evidence_id)
    assert (confirmed.state, confirmed.decided_by, confirmed.decided_status) == (
        "confirmed", "ana", "fulfilled")
    assert store.timeline("bo-protocolo-policia", include_members=False) == [change]


def test_confirm_without_act_date_dates_the_status_today(world, clock):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc, act_date=None))
    store.confirm(evidence_id, editor="ana")
    assert store.get_demand("bo-protocolo-policia", include_members=True).status_since == \
        clock.now.date()


def test_confirm_with_another_status_reassigns(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    change = store.confirm(evidence_id, editor="ana", status="partial", note="solo guía")
    assert change.to_status == "partial"
    record = store.get_evidence(evidence_id)
    assert (record.proposed_status, record.decided_status) == ("fulfilled", "partial")


def test_confirm_refuses_an_unknown_status_and_a_decided_proposal(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    with pytest.raises(Conflict, match="unknown status 'done'"):
        store.confirm(evidence_id, editor="ana", status="done")
    store.confirm(evidence_id, editor="ana")
    with pytest.raises(Conflict, match="is confirmed, not proposed"):
        store.confirm(evidence_id, editor="beto")
    with pytest.raises(Conflict, match="is confirmed, not proposed"):
        store.reject(evidence_id, editor="beto", why="tarde")
    with pytest.raises(NotFound):
        store.confirm(123456, editor="ana")


def test_rejected_evidence_is_never_proposed_again_for_that_demand(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.reject(evidence_id, editor="ana", why="no es el protocolo pedido")
    other_rule = store.add_evidence(evidence(doc, rule_id="bo-protocolo-anuncio",
                                             proposed_status="in_progress"))
    assert other_rule == (evidence_id, False)
    assert store.count_proposed(include_members=True) == 0
    assert store.get_evidence(evidence_id).decision_note == "no es el protocolo pedido"


def test_rejection_does_not_block_the_document_for_other_demands(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.reject(evidence_id, editor="ana", why="otra demanda")
    _, is_new = store.add_evidence(evidence(doc, demand_id="bo-caso-reservado"))
    assert is_new


def test_undo_of_a_confirm_restores_the_status_through_a_new_entry(world, clock):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.confirm(evidence_id, editor="ana")
    clock.advance(hours=2)
    undo = store.undo(evidence_id, editor="beto", why="decreto equivocado")
    assert undo is not None
    assert (undo.from_status, undo.to_status, undo.is_undo, undo.editor, undo.note) == (
        "fulfilled", "pending", True, "beto", "decreto equivocado")
    demand = store.get_demand("bo-protocolo-policia", include_members=True)
    assert (demand.status, demand.status_since) == ("pending", date(2025, 11, 24))
    timeline = store.timeline("bo-protocolo-policia", include_members=True)
    assert [(c.to_status, c.is_undo, c.is_undone) for c in timeline] == [
        ("fulfilled", False, True), ("pending", True, False)]
    assert store.get_evidence(evidence_id).state == "proposed"


def test_undo_of_a_reject_makes_the_proposal_proposed_again(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.reject(evidence_id, editor="ana", why="dudoso")
    assert store.undo(evidence_id, editor="ana", why="me equivoqué") is None
    assert store.get_evidence(evidence_id).state == "proposed"
    assert store.timeline("bo-protocolo-policia", include_members=True) == []


def test_every_decision_is_kept_with_who_when_and_why(world, clock):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.reject(evidence_id, editor="ana", why="dudoso")
    clock.advance(minutes=5)
    store.undo(evidence_id, editor="beto", why="sí corresponde")
    clock.advance(minutes=5)
    store.confirm(evidence_id, editor="beto", status="partial", note="parcial")
    decisions = store.decisions(evidence_id)
    assert [(d.action, d.editor, d.note, d.status) for d in decisions] == [
        ("reject", "ana", "dudoso", None), ("undo", "beto", "sí corresponde", None),
        ("confirm", "beto", "parcial", "partial")]
    assert decisions[0].decided_at < decisions[1].decided_at < decisions[2].decided_at


def test_undo_of_a_proposal_nobody_decided_is_a_conflict(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    with pytest.raises(Conflict, match="nothing to undo"):
        store.undo(evidence_id, editor="ana", why="?")


def test_undo_refuses_when_a_later_change_would_be_overwritten(world):
    store, doc, second = world
    first_id, _ = store.add_evidence(evidence(doc, proposed_status="in_progress"))
    later_id, _ = store.add_evidence(evidence(second, rule_id="otra"))
    store.confirm(first_id, editor="ana")
    store.confirm(later_id, editor="ana")
    with pytest.raises(Conflict, match="undo that change first"):
        store.undo(first_id, editor="ana", why="orden")
    store.undo(later_id, editor="ana", why="orden")
    store.undo(first_id, editor="ana", why="orden")
    assert store.get_demand("bo-protocolo-policia", include_members=True).status == "pending"


def test_a_confirm_undo_confirm_cycle_keeps_the_whole_timeline(world):
    store, doc, _ = world
    evidence_id, _ = store.add_evidence(evidence(doc))
    store.confirm(evidence_id, editor="ana")
    store.undo(evidence_id, editor="ana", why="revisar")
    store.confirm(evidence_id, editor="ana", status="partial")
    timeline = store.timeline("bo-protocolo-policia", include_members=True)
    assert [(c.from_status, c.to_status) for c in timeline] == [
        ("pending", "fulfilled"), ("fulfilled", "pending"), ("pending", "partial")]
    assert store.undo(evidence_id, editor="ana", why="otra vez").to_status == "pending"


def test_list_evidence_filters_by_state_demand_and_date_newest_first(world, clock):
    store, doc, second = world
    older, _ = store.add_evidence(evidence(doc))
    clock.advance(days=3)
    newer, _ = store.add_evidence(evidence(second, rule_id="otra"))
    rejected, _ = store.add_evidence(evidence(second, rule_id="x",
                                              demand_id="bo-caso-reservado"))
    store.reject(rejected, editor="ana", why="no")
    assert [e.id for e in store.list_evidence(include_members=True)] == [newer, older]
    assert [e.id for e in store.list_evidence(states=("rejected",), include_members=True)] \
        == [rejected]
    assert [e.id for e in store.list_evidence(include_members=True, since=clock.now)] == [newer]
    assert [e.id for e in store.list_evidence(include_members=True, limit=1)] == [newer]
    assert [e.id for e in store.list_evidence(demand_id="bo-caso-reservado",
                                              states=("proposed", "rejected"),
                                              include_members=True)] == [rejected]


def test_status_changes_returns_the_window_asked_for(world, clock):
    store, doc, second = world
    first_id, _ = store.add_evidence(evidence(doc, proposed_status="in_progress"))
    later_id, _ = store.add_evidence(evidence(second, rule_id="otra"))
    store.confirm(first_id, editor="ana")
    clock.advance(days=7)
    store.confirm(later_id, editor="ana")
    week = store.status_changes(start=clock.now - timedelta(days=1),
                                end=clock.now + timedelta(seconds=1), include_members=False)
    assert [(c.evidence_id, c.to_status) for c in week] == [(later_id, "fulfilled")]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert len(store.status_changes(start=start, end=clock.now, include_members=False)) == 1
