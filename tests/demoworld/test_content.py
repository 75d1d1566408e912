"""The demo world's content: relative dates, movement in the week just ended, expectations
that name real documents and real demands, and YAML that our loaders accept.

Cases: monitor/demoworld/content.yaml, monitor/demoworld/expectations.yaml, rules/.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from demoworld_helpers import FIXED_TODAY, RULES_DIR

from monitor.demoworld import EXPECTATIONS_PATH, last_week_range, load_documents
from monitor.demoworld.content import CONTENT_PATH
from monitor.watch import load_rulebook
from monitor.watch.vocab import NEVER_FULFILLED_ALONE
from monitor.yamlio import load_yaml, yaml_files

# Every weekday once (2026-11-23 is a Monday), plus a date in another year.
SOME_DAYS = [date(2026, 11, 23) + timedelta(days=n) for n in range(7)] + [date(2031, 2, 28)]


def expectations() -> dict[str, list[dict[str, str]]]:
    raw = load_yaml(EXPECTATIONS_PATH)["documents"]
    return {str(path): [dict(e) for e in proposals] for path, proposals in raw.items()}


def test_dates_follow_today():
    # Two weeks later: "days_ago" and "last_week" dates both move by exactly 14 days.
    first = {d.path: d.published_on for d in load_documents(FIXED_TODAY)}
    later = {d.path: d.published_on for d in load_documents(FIXED_TODAY + timedelta(days=14))}
    assert first.keys() == later.keys()
    old_norm = "/gaceta/normas/verGratis_gob/176021"  # fixed date: it must predate the demands
    assert {later[p] - first[p] for p in first if p != old_norm} == {timedelta(days=14)}
    assert first[old_norm] == later[old_norm] < date(2020, 6, 25)


def test_last_week_dates_stay_in_the_week_just_ended():
    monday, sunday = last_week_range(FIXED_TODAY)
    assert (monday, sunday) == (date(2026, 11, 16), date(2026, 11, 22))
    tuesday_norm = next(d for d in load_documents(FIXED_TODAY)
                        if d.path == "/gaceta/normas/verGratis_gob/178204")
    assert tuesday_norm.published_on == date(2026, 11, 17)


@pytest.mark.parametrize("today", SOME_DAYS, ids=str)
def test_week_just_ended_has_at_least_three_movements(today: date):
    monday, sunday = last_week_range(today)
    assert monday.weekday() == 0 and sunday < today <= sunday + timedelta(days=7)
    moving = {path for path, proposals in expectations().items() if proposals}
    in_week = [d.path for d in load_documents(today)
               if d.path in moving and monday <= d.published_on <= sunday]
    assert len(in_week) >= 3


@pytest.mark.parametrize("today", SOME_DAYS, ids=str)
def test_no_document_is_dated_in_the_future(today: date):
    assert max(d.published_on for d in load_documents(today)) <= today


def test_expectations_cover_exactly_the_documents():
    paths = [d.path for d in load_documents(FIXED_TODAY)]
    assert len(paths) == len(set(paths))
    assert set(expectations()) == set(paths)


def test_expected_demands_exist_in_the_bundled_rules():
    rulebook = load_rulebook(RULES_DIR / "demands")
    assert rulebook.errors == []
    known = {demand.id for demand in rulebook.demands}
    named = {e["demand"] for proposals in expectations().values() for e in proposals}
    assert named <= known
    assert "bo-tip-tamizaje-venezolanos" in known - named  # the demand with no movement


def test_bundled_demands_are_the_nine_seed_demands():
    rulebook = load_rulebook(RULES_DIR / "demands")
    assert sorted(d.id for d in rulebook.demands) == sorted([
        "bo-redtrasex-proteccion", "bo-redtrasex-investigacion", "bo-redtrasex-directrices-ddhh",
        "bo-redtrasex-ley-trabajo-sexual", "bo-tip-base-datos-trata", "bo-tip-reforma-281bis",
        "bo-tip-visas-humanitarias", "bo-tip-capacitacion-protocolos",
        "bo-tip-tamizaje-venezolanos"])


def test_training_held_is_partial_and_only_a_binding_act_fulfils_the_training_demand():
    rulebook = load_rulebook(RULES_DIR / "demands")
    demand = next(d for d in rulebook.demands if d.id == "bo-tip-capacitacion-protocolos")
    held = [r for r in demand.rules if "capacitacion" in r.events]
    assert held and {r.proposes for r in held} == {"partial"}
    for rule in (r for r in demand.rules if r.proposes == "fulfilled"):
        # a binding act: a norm, a ministry's resolution, or the Police's own command resolution
        assert rule.source_kinds and rule.source_kinds <= {"gazette", "ministry", "police"}, \
            rule.id
        assert not set(rule.events) <= NEVER_FULFILLED_ALONE, rule.id


def test_expected_statuses_are_known_slugs():
    statuses = {e["status"] for proposals in expectations().values() for e in proposals}
    assert statuses <= {"in_progress", "partial", "fulfilled", "setback", "closed"}


def test_every_yaml_file_parses_with_yamlio():
    files = [CONTENT_PATH, EXPECTATIONS_PATH, *yaml_files(RULES_DIR)]
    assert all(load_yaml(path) for path in files)
