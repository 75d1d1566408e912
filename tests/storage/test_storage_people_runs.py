"""Users, subscribers, runs and problems."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage import Conflict, NotFound

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


def test_users_are_added_once_and_read_back(store, clock):
    store.add_user("ana", HASH, "editor")
    user = store.get_user("ana")
    assert (user.username, user.password_hash, user.role, user.created_at) == (
        "ana", HASH, "editor", clock.now)
    with pytest.raises(Conflict, match="already exists"):
        store.add_user("ana", HASH, "admin")
    with pytest.raises(Conflict, match="unknown role"):
        store.add_user("beto", HASH, "boss")
    with pytest.raises(NotFound):
        store.get_user("nadie")


def test_a_password_can_be_changed(store):
    store.add_user("ana", HASH, "member")
    store.set_password("ana", "otro-hash")
    assert store.get_user("ana").password_hash == "otro-hash"
    assert [u.username for u in store.list_users()] == ["ana"]


def test_subscribers_are_upserted_by_address(store):
    store.add_subscriber("Coord@Red.example", "es", True, ["BO", "PE", "BO"])
    store.add_subscriber("coord@red.example", "pt", False, ["BR"])
    store.add_subscriber("otra@red.example", "en", False)
    subscribers = store.list_subscribers()
    assert [(s.email, s.language, s.is_member, s.countries) for s in subscribers] == [
        ("coord@red.example", "pt", False, ("BR",)), ("otra@red.example", "en", False, ())]
    assert store.remove_subscriber("OTRA@red.example")
    assert not store.remove_subscriber("otra@red.example")


def test_runs_start_and_finish_with_a_summary(store, clock):
    run_id = store.start_run("cycle")
    clock.advance(minutes=3)
    store.finish_run(run_id, {"documents": 12, "sources": ["bo_gaceta"], "at": clock.now})
    [run] = store.list_runs(kind="cycle")
    assert (run.id, run.kind, run.finished_at) == (run_id, "cycle", clock.now)
    assert run.summary == {"documents": 12, "sources": ["bo_gaceta"], "at": str(clock.now)}
    with pytest.raises(NotFound):
        store.finish_run(run_id + 100, {})


def test_the_same_problem_twice_updates_last_seen_and_adds_no_row(store, clock):
    run_id = store.start_run("cycle")
    store.record_problem("rules/demands/bo.yaml:14", "unknown key 'estatus'", run_id=run_id)
    first_seen = clock.now
    clock.advance(hours=1)
    store.record_problem("rules/demands/bo.yaml:14", "unknown key 'estatus'")
    store.record_problem("bo_gaceta", "source failing: timeout")
    assert store.row_counts()["problems"] == 2
    problems = store.problems()
    assert [(p.where, p.times_seen) for p in problems] == [
        ("bo_gaceta", 1), ("rules/demands/bo.yaml:14", 2)]
    assert (problems[1].first_seen_at, problems[1].seen_at) == (first_seen, clock.now)
    assert store.problems(since=clock.now + timedelta(seconds=1)) == []
