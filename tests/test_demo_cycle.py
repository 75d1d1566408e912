"""A whole cycle on the bundled demo world, twice: the proposals match
``monitor/demoworld/expectations.yaml`` and the second cycle adds nothing but its fetch records.

Runs a real crawl (a child process with Scrapy and Chromium) on the configured database, so it
runs on SQLite and, under ``scripts/test``, on PostgreSQL.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import pytest
from ruamel.yaml import YAML

from monitor.cycle import run_cycle
from monitor.demo import demo_settings
from monitor.demoworld import EXPECTATIONS_PATH, serve_demo_world
from monitor.settings import read_settings
from storage import Store

# Rows a repeated cycle may add: its own fetch records and the record of the run itself.
FETCH_RECORD_TABLES = {"fetches", "runs"}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, request):
    """Two cycles over one demo world; yields (settings, first summary, second summary, log)."""
    from dbutil import fresh_database_url  # noqa: PLC0415 - the tests' own helper module

    folder = tmp_path_factory.mktemp("demo")
    with fresh_database_url(folder) as url:
        settings = demo_settings(read_settings(environ={
            "VEEDURIA_DATA_DIR": str(folder), "VEEDURIA_DATABASE_URL": url,
            "VEEDURIA_DEMO_WORLD_PORT": "0"}))
        with serve_demo_world(host="127.0.0.1", port=0) as world:
            variables = {"demo_world": world.url}
            first = run_cycle(settings, variables=variables)
            second = run_cycle(settings, variables=variables)
            yield settings, first, second, world.url


def expected_proposals() -> dict[str, set[tuple[str, str]]]:
    data = YAML(typ="safe").load(EXPECTATIONS_PATH.read_text(encoding="utf-8"))
    return {path: {(p["demand"], p["status"]) for p in (props or [])}
            for path, props in data["documents"].items()}


def stored_proposals(settings) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    with Store.open(settings.database_url_resolved) as store:
        for ev in store.list_evidence(states=("proposed",), include_members=True):
            if ev.proposed_status == "note":
                continue  # corroborating notes are not status proposals
            found.setdefault(urlsplit(ev.url).path, set()).add((ev.demand_id,
                                                                ev.proposed_status))
    return found


def test_first_cycle_has_no_problem(demo_run):
    _, first, _, _ = demo_run
    assert first.problems == []
    assert set(first.source_ids) == {"bo_gaceta", "bo_gaceta_cards", "bo_policia",
                                     "bo_policia_js", "bo_defensoria", "bo_noticias"}
    assert all(rep.state == "ok" for rep in first.crawl.sources.values())


def test_proposals_match_the_demo_world_expectations(demo_run):
    settings, _, _, _ = demo_run
    expected = expected_proposals()
    found = stored_proposals(settings)
    unexpected = {path: props for path, props in found.items() if path not in expected}
    assert unexpected == {}
    wrong = {path: (found.get(path, set()), want) for path, want in expected.items()
             if found.get(path, set()) != want}
    assert wrong == {}


def test_every_advanced_demand_has_a_proposal_and_near_misses_have_none(demo_run):
    settings, first, _, _ = demo_run
    expected = expected_proposals()
    advanced = {demand for props in expected.values() for demand, _ in props}
    assert set(first.match.by_demand) == advanced
    near_misses = {path for path, props in expected.items() if not props}
    assert near_misses.isdisjoint(stored_proposals(settings))


def test_second_cycle_adds_only_fetch_records(demo_run):
    _, _, second, _ = demo_run
    assert second.problems == []
    assert second.match.proposals_new == 0
    assert set(second.rows_added) <= FETCH_RECORD_TABLES
    assert second.rows_added.get("fetches", 0) > 0


def test_members_only_demand_proposals_are_stored_but_hidden_from_public_lists(demo_run):
    settings, _, _, _ = demo_run
    with Store.open(settings.database_url_resolved) as store:
        hidden = {d.id for d in store.list_demands(include_members=True)} - \
            {d.id for d in store.list_demands(include_members=False)}
        assert hidden == {"bo-redtrasex-proteccion"}
        public = store.list_evidence(states=("proposed",), include_members=False)
        assert all(ev.demand_id not in hidden for ev in public)
        assert store.count_proposed(include_members=False) < \
            store.count_proposed(include_members=True)


def test_cycle_logs_no_scraped_text(tmp_path, caplog):
    """The log carries ids and counts: no document text, no excerpt, no title."""
    from dbutil import fresh_database_url  # noqa: PLC0415

    caplog.set_level(logging.DEBUG)
    with fresh_database_url(tmp_path) as url:
        settings = demo_settings(read_settings(environ={
            "VEEDURIA_DATA_DIR": str(tmp_path), "VEEDURIA_DATABASE_URL": url}))
        with serve_demo_world(host="127.0.0.1", port=0) as world:
            run_cycle(settings, variables={"demo_world": world.url})
        with Store.open(url) as store:
            documents = list(store.iter_documents())
            evidence = store.list_evidence(states=("proposed",), include_members=True)
    assert documents and evidence
    log = caplog.text
    for doc in documents:
        sentence = " ".join(doc.text.split()[:8])
        assert sentence not in log
    for ev in evidence:
        assert ev.excerpt[:60] not in log
