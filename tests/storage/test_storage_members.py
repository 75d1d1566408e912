"""Members-only demands never leak: lists, gets, counts, evidence, timelines, status changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_build import evidence, seed_world

from storage import NotFound

SECRET = "bo-caso-reservado"


@pytest.fixture
def world(store, clock):
    doc, second = seed_world(store)
    public_id, _ = store.add_evidence(evidence(doc))
    secret_id, _ = store.add_evidence(evidence(second, demand_id=SECRET, rule_id="caso"))
    secret_pending, _ = store.add_evidence(evidence(doc, demand_id=SECRET, rule_id="caso2"))
    store.confirm(secret_id, editor="ana", status="in_progress")
    return store, public_id, secret_id, secret_pending


def test_public_lists_hold_no_members_only_demand(world):
    store, *_ = world
    assert SECRET not in {d.id for d in store.list_demands(include_members=False)}
    assert SECRET not in {d.id for d in store.list_demands(include_members=False, country="BO")}


def test_public_get_of_a_members_only_demand_is_not_found(world):
    store, *_ = world
    with pytest.raises(NotFound):
        store.get_demand(SECRET, include_members=False)


def test_public_evidence_lists_and_counts_skip_members_only_demands(world):
    store, public_id, secret_id, secret_pending = world
    states = ("proposed", "confirmed", "rejected")
    public = store.list_evidence(states=states, include_members=False)
    assert [e.id for e in public] == [public_id]
    assert store.list_evidence(demand_id=SECRET, states=states, include_members=False) == []
    assert store.count_proposed(include_members=False) == 1
    assert store.count_proposed(include_members=True) == 2
    with pytest.raises(NotFound):
        store.get_evidence(secret_id, include_members=False)
    with pytest.raises(NotFound):
        store.get_evidence(secret_pending, include_members=False)


def test_public_timeline_and_status_changes_skip_members_only_demands(world, clock):
    store, *_ = world
    with pytest.raises(NotFound):
        store.timeline(SECRET, include_members=False)
    window = {"start": clock.now - timedelta(days=1), "end": clock.now + timedelta(days=1)}
    assert store.status_changes(include_members=False, **window) == []
    members = store.status_changes(include_members=True, **window)
    assert [c.demand_id for c in members] == [SECRET]
    assert len(store.timeline(SECRET, include_members=True)) == 1


def test_last_evidence_dates_skip_rejected_and_members_only(world, clock):
    store, public_id, *_ = world
    assert store.last_evidence_dates(include_members=False) == {
        "bo-protocolo-policia": clock.now.date()}
    assert set(store.last_evidence_dates(include_members=True)) == {
        "bo-protocolo-policia", SECRET}
    store.reject(public_id, editor="ana", why="no")
    assert store.last_evidence_dates(include_members=False) == {}
