"""Computed flags, the law stage bar and source states."""

from __future__ import annotations

from datetime import date, timedelta

from digestdata import NOW, demand, source

from digests.flags import (
    claims_done_disagrees,
    demand_flags,
    is_overdue,
    is_without_news,
    law_stage,
)
from digests.health import coverage, source_state

TODAY = NOW.date()


def test_overdue_only_while_open():
    late = demand("x", target_date=date(2026, 1, 1))
    assert is_overdue(late, today=TODAY)
    assert not is_overdue(demand("x", target_date=date(2026, 1, 1), status="fulfilled"),
                          today=TODAY)
    assert not is_overdue(demand("x", target_date=date(2027, 1, 1)), today=TODAY)


def test_claims_done_disagrees_when_status_is_not_fulfilled():
    assert claims_done_disagrees(demand("x", response="claims_done", status="partial"))
    assert not claims_done_disagrees(demand("x", response="claims_done", status="fulfilled"))
    assert not claims_done_disagrees(demand("x", response="accepted", status="pending"))


def test_no_news_counts_evidence_found_too():
    quiet = demand("x", status_since=TODAY - timedelta(days=200), made_on=None)
    assert is_without_news(quiet, today=TODAY, no_news_days=90, last_evidence_on={})
    assert not is_without_news(quiet, today=TODAY, no_news_days=90,
                               last_evidence_on={"x": TODAY - timedelta(days=3)})


def test_flags_come_most_serious_first():
    flagged = demand("x", response="claims_done", target_date=date(2020, 1, 1),
                     status_since=date(2020, 1, 1), made_on=None)
    assert demand_flags(flagged, today=TODAY, no_news_days=90, awaiting_ids={"x"},
                        last_evidence_on={}) == \
        ("claims_done_disagrees", "overdue", "no_news", "awaiting_review")


def test_law_stage_follows_confirmed_event_codes():
    assert law_stage([], status="pending") == 0
    assert law_stage([("proyecto_presentado",)], status="in_progress") == 1
    assert law_stage([("proyecto_presentado",), ("aprobacion_camara",)], status="x") == 2
    assert law_stage([("aprobacion_camara",), ("aprobacion_camara",)], status="x") == 3
    assert law_stage([("aprobacion_camara",), ("comision_favorable",)], status="x") == 3
    assert law_stage([("promulgacion", "publicacion_oficial")], status="x") == 4


def test_source_states():
    def state(record):
        return source_state(record, now=NOW, failing_after=3, silent_after_days=7,
                            late_after_days=2)
    assert state(source("a")) == "ok"
    assert state(source("a", consecutive_failures=3)) == "failing"
    assert state(source("a", last_attempt_at=None)) == "never"
    assert state(source("a", last_attempt_at=NOW - timedelta(days=5))) == "late"
    assert state(source("a", last_document_at=NOW - timedelta(days=30))) == "silent"


def test_coverage_in_words():
    polled, unpolled = source("a", country="BO"), source("b", country="AR", last_success_at=None,
                                                          documents_total=0)
    sources = [polled, unpolled]
    assert coverage("PE", sources=sources, watched_countries=set()) == "none"
    assert coverage("AR", sources=sources, watched_countries={"AR"}) == "known"
    assert coverage("BO", sources=sources, watched_countries=set()) == "collecting"
    assert coverage("BO", sources=sources, watched_countries={"BO"}) == "watched"
