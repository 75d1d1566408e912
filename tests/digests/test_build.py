"""build_digest: the four sections, the members-only filter, should_send."""

from __future__ import annotations

from datetime import date

from digestdata import MEMBERS_MARKER, records, source

from digests.build import build_digest, should_send, week_bounds


def test_week_bounds_are_monday_to_sunday():
    assert week_bounds((2026, 25)) == (date(2026, 6, 15), date(2026, 6, 21))


def test_sections_for_a_coordinator():
    digest = build_digest(**records())
    assert [c.demand_id for c in digest.changes] == ["bo-ley"]
    assert digest.changes[0].demand_url == "https://veeduria.example.org/d/bo-ley"
    assert digest.proposals_count == 3 and digest.proposals == ()  # py-secreto's 1 left out
    assert [d.demand_id for d in digest.claims_done] == ["bo-trata"]
    assert [d.demand_id for d in digest.overdue] == ["bo-trata"]
    assert [d.demand_id for d in digest.no_news] == ["ar-quieta"]
    assert [(s.id, s.state) for s in digest.sources] == [("bo_policia", "failing")]
    assert digest.problems_count == 1


def test_editors_get_the_list_of_proposals():
    digest = build_digest(**records(is_editor=True))
    assert [p.evidence_id for p in digest.proposals] == [10]
    assert digest.proposals_count == 3  # at the week's end; the list is what awaits now
    assert digest.proposals[0].review_url == "https://veeduria.example.org/revisar#e10"


def test_members_only_demands_are_dropped_without_include_members():
    digest = build_digest(**records(is_editor=True))
    assert MEMBERS_MARKER not in repr(digest)
    assert "py-secreto" not in repr(digest)


def test_members_only_demands_stay_for_members():
    digest = build_digest(**records(is_editor=True, include_members=True))
    assert [c.demand_id for c in digest.changes] == ["bo-ley", "py-secreto"]
    assert [p.evidence_id for p in digest.proposals] == [10, 11]


def test_undone_changes_are_left_out():
    data = records()
    data["changes"] = [data["changes"][0].__class__(**{**data["changes"][0].__dict__,
                                                       "is_undone": True})]
    assert build_digest(**data).changes == ()


def test_should_send_when_something_moved_or_a_source_broke():
    quiet = records(changes=[], problems=[], health=[source("ok")])
    assert not should_send(build_digest(**quiet))
    assert should_send(build_digest(**records(problems=[], health=[source("ok")])))
    broken = records(changes=[], problems=[],
                     health=[source("bad", state="failing", consecutive_failures=3)])
    assert should_send(build_digest(**broken))
    assert should_send(build_digest(**records(changes=[], health=[source("ok")])))


def test_editors_are_told_about_waiting_proposals():
    waiting = records(changes=[], problems=[], health=[source("ok")], is_editor=True)
    assert should_send(build_digest(**waiting))


def test_file_problems_are_detailed_for_editors_only():
    coordinator = build_digest(**records())
    assert coordinator.problems == () and coordinator.problems_count == 1
    assert should_send(build_digest(**records(changes=[], health=[source("ok")])))
    assert build_digest(**records(is_editor=True)).problems[0].message == "unknown key 'estatus'"


def test_awaiting_count_covers_only_the_demands_given_and_visible():
    assert build_digest(**records(include_members=True)).proposals_count == 4
    others = records(awaiting={"bo-trata": 1, "cl-no-dada": 5, "py-secreto": 7})
    assert build_digest(**others).proposals_count == 1
    assert build_digest(**records(awaiting={})).proposals_count == 0


def test_editors_are_told_about_proposals_awaiting_at_the_weeks_end_or_now():
    quiet = {"changes": [], "problems": [], "health": [source("ok")], "is_editor": True}
    assert should_send(build_digest(**records(**quiet, proposals=[])))
    assert should_send(build_digest(**records(**quiet, awaiting={})))
    assert not should_send(build_digest(**records(**quiet, awaiting={}, proposals=[])))
