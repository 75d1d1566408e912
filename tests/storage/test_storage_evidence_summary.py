"""Per-demand evidence facts in one query (status page) and proposals awaiting at an instant
(digest): the counts, dates and codes, and no members-only demand in any public figure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_build import MEMBERS_DEMAND, evidence, seed_world

PUBLIC = "bo-protocolo-policia"
SECRET = MEMBERS_DEMAND.id


@pytest.fixture
def world(store, clock):
    """Public: one confirmed (day 0), one proposed (day 1), one rejected (day 2).
    Members-only: one confirmed and one proposed (day 3), so its dates are the newest."""
    doc, second = seed_world(store)
    confirmed, _ = store.add_evidence(evidence(doc, rule_id="r1",
                                               event_codes=("proyecto_presentado",)))
    store.confirm(confirmed, editor="ana", status="in_progress")
    clock.advance(days=1)
    store.add_evidence(evidence(second, rule_id="r2", event_codes=("aprobacion_camara",)))
    clock.advance(days=1)
    rejected, _ = store.add_evidence(evidence(doc, rule_id="r3"))
    store.reject(rejected, editor="ana", why="otra norma")
    clock.advance(days=1)
    secret_ok, _ = store.add_evidence(evidence(second, demand_id=SECRET, rule_id="s1",
                                               event_codes=("comision", "aprobacion_camara")))
    store.confirm(secret_ok, editor="ana", status="in_progress")
    store.add_evidence(evidence(doc, demand_id=SECRET, rule_id="s2"))
    return store


def test_summary_counts_awaiting_and_confirmed_and_keeps_the_newest_date(world, clock):
    start = clock.now - timedelta(days=3)
    [public] = world.evidence_summary(include_members=False)
    assert (public.demand_id, public.awaiting, public.confirmed) == (PUBLIC, 1, 1)
    assert public.is_awaiting_review
    assert public.last_found_at == start + timedelta(days=1)  # the rejected one is not news
    assert public.confirmed_codes == (("proyecto_presentado",),)


def test_summary_for_members_includes_the_members_only_demand(world, clock):
    by_id = {f.demand_id: f for f in world.evidence_summary(include_members=True)}
    assert set(by_id) == {PUBLIC, SECRET}
    assert by_id[SECRET].last_found_at == clock.now
    assert sorted(by_id[SECRET].confirmed_codes[0]) == ["aprobacion_camara", "comision"]
    assert (by_id[SECRET].awaiting, by_id[SECRET].confirmed) == (1, 1)


def test_public_summary_never_shows_the_members_only_demand(world):
    assert [f.demand_id for f in world.evidence_summary(include_members=False)] == [PUBLIC]
    assert world.evidence_summary(include_members=False, demand_id=SECRET) == []
    [one] = world.evidence_summary(include_members=True, demand_id=SECRET)
    assert one.demand_id == SECRET


def test_summary_of_a_demand_with_only_rejected_evidence_is_empty(store):
    doc, _ = seed_world(store)
    rejected, _ = store.add_evidence(evidence(doc))
    store.reject(rejected, editor="ana", why="no")
    assert store.evidence_summary(include_members=True) == []


def test_awaiting_at_an_instant_counts_proposals_found_before_and_undecided_then(store, clock):
    doc, second = seed_world(store)
    monday = clock.now
    early, _ = store.add_evidence(evidence(doc, rule_id="early"))
    clock.advance(days=2)
    decided_later, _ = store.add_evidence(evidence(second, rule_id="later"))
    clock.advance(days=2)
    store.reject(early, editor="ana", why="no")  # day 4: after the day-3 instant
    clock.advance(days=3)
    store.add_evidence(evidence(second, rule_id="after"))  # found after every instant below
    assert store.count_awaiting(at=monday + timedelta(days=1), include_members=True) == {
        PUBLIC: 1}
    assert store.count_awaiting(at=monday + timedelta(days=3), include_members=True) == {
        PUBLIC: 2}
    assert store.count_awaiting(at=monday + timedelta(days=5), include_members=True) == {
        PUBLIC: 1}
    store.confirm(decided_later, editor="ana", status="in_progress")
    assert store.count_awaiting(at=monday + timedelta(days=5), include_members=True) == {
        PUBLIC: 1}  # decided today, after that instant: it was still awaiting then
    assert store.count_awaiting(at=clock.now + timedelta(seconds=1),
                                include_members=True) == {PUBLIC: 1}  # only "after"


def test_an_undone_decision_awaits_again_from_the_undo(store, clock):
    doc, _ = seed_world(store)
    item, _ = store.add_evidence(evidence(doc))
    clock.advance(days=1)
    store.reject(item, editor="ana", why="no")
    rejected_on = clock.now
    clock.advance(days=1)
    store.undo(item, editor="ana", why="era la norma")
    assert store.count_awaiting(at=rejected_on + timedelta(hours=1), include_members=True) == {}
    assert store.count_awaiting(at=clock.now + timedelta(hours=1), include_members=True) == {
        PUBLIC: 1}


def test_awaiting_count_never_includes_the_members_only_demand_for_the_public(world, clock):
    later = clock.now + timedelta(hours=1)
    assert world.count_awaiting(at=later, include_members=False) == {PUBLIC: 1}
    assert world.count_awaiting(at=later, include_members=True) == {PUBLIC: 1, SECRET: 1}
