"""Status page: every page answers in es/pt/en, escapes scraped text, stays small and cacheable."""

from __future__ import annotations

import json

import pytest
from webseed import SCRIPT

PAGES = ["/", "/?country=BO", "/d/bo-ley-trabajo-sexual", "/d/bo-base-datos-trata", "/fuentes",
         "/feed.xml", "/api/demands.json", "/login"]
TITLES = {"es": "Estado de las demandas", "pt": "Situação das demandas",
          "en": "Status of the demands"}


@pytest.mark.parametrize("language", ["es", "pt", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_in_each_language(client, path, language):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}lang={language}")
    assert response.status_code == 200
    assert response.headers["content-language"] == language
    assert len(response.content) < 30_000


@pytest.mark.parametrize("language", ["es", "pt", "en"])
def test_review_page_answers_in_each_language(editor, language):
    response = editor.get(f"/revisar?lang={language}")
    assert response.status_code == 200
    assert len(response.content) < 30_000


def test_status_list_is_translated(client):
    for language, title in TITLES.items():
        assert title in client.get(f"/?lang={language}").text


def test_language_choice_is_kept_in_a_cookie(client):
    client.get("/?lang=pt")
    assert TITLES["pt"] in client.get("/").text


def test_accept_language_picks_the_language(client):
    response = client.get("/", headers={"Accept-Language": "pt-BR,pt;q=0.9,en;q=0.5"})
    assert TITLES["pt"] in response.text
    response = client.get("/", headers={"Accept-Language": "de, en;q=0.3"})
    assert TITLES["en"] in response.text


def test_status_list_shows_flags_and_stage_bar(client):
    page = client.get("/?lang=en").text
    assert "State claims done but evidence disagrees" in page
    assert "Overdue" in page and "No news" in page and "Awaiting review" in page
    assert page.count('<span class="on">') == 2  # bill filed, passed chamber 1


def test_country_filter_keeps_only_that_country(client):
    page = client.get("/?country=AR&lang=es").text
    assert "Protocolo policial" in page
    assert "Base de datos de casos de trata" not in page


def test_scraped_script_in_evidence_is_escaped_with_highlights(editor):
    page = editor.get("/d/bo-base-datos-trata").text
    assert SCRIPT not in page
    assert "<mark>registro</mark>" in page
    assert "<mark>&lt;script&gt;alert(&#39;xss&#39;)</mark>" in page
    assert "Decreto &lt;script&gt;" in page


def test_confirmed_scraped_evidence_is_escaped_for_visitors(client, store, world):
    store.confirm(world["proposal"], editor="editora")
    for path in ("/d/bo-base-datos-trata", "/feed.xml", "/", "/api/demands.json"):
        assert SCRIPT not in client.get(path).text, path
    assert "&lt;script&gt;" in client.get("/d/bo-base-datos-trata").text


def test_unknown_demand_is_a_translated_404(client):
    response = client.get("/d/no-existe?lang=es")
    assert response.status_code == 404
    assert "Esta página no existe." in response.text


def test_pages_carry_etag_and_answer_304(client):
    first = client.get("/?lang=es")
    assert first.headers["cache-control"] == "private, no-cache"
    assert "Cookie" in first.headers["vary"]
    again = client.get("/?lang=es", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_pages_forbid_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_json_api_lists_demands_with_labels(client):
    data = json.loads(client.get("/api/demands.json?lang=pt").text)
    assert data["language"] == "pt"
    law = next(d for d in data["demands"] if d["id"] == "bo-ley-trabajo-sexual")
    assert law["status_label"] == "Em andamento"
    assert law["law_stage"]["reached"] == 2


def test_atom_feed_lists_confirmed_changes(client):
    feed = client.get("/feed.xml?lang=en")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert "Law recognising sex work: Pending → In progress" in feed.text


def test_sources_page_states_coverage_in_words(client):
    page = client.get("/fuentes?lang=en").text
    assert "Gaceta Oficial de Bolivia" in page
    assert "Watched: rules match every new document." in page  # BO has evidence
    assert "Sources known, not yet collected." in page  # AR: never polled


def test_status_list_is_paginated(client, monkeypatch):
    from monitor.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    first = client.get("/?lang=en").text
    assert first.count('<a href="/d/') == 2 and "page 1 of 2" in first
    assert 'href="/?page=2" rel="next"' in first
    second = client.get("/?page=2&lang=en").text
    assert second.count('<a href="/d/') == 1 and 'rel="prev"' in second


def test_proposals_are_not_shown_to_visitors_as_evidence(client):
    page = client.get("/d/bo-base-datos-trata?lang=es").text
    assert "Decreto &lt;script&gt;" not in page
    assert "Todavía no hay evidencia confirmada." in page


def test_pages_are_compressed_for_slow_connections(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]


def test_arbitrary_query_parameters_are_not_reflected(client):
    page = client.get("/?lang=es&zzreflect=abc123").text
    assert "zzreflect" not in page and "abc123" not in page


def test_flags_and_stage_follow_evidence_and_decisions_at_once(client, store, world):
    def flags(demand_id):
        data = json.loads(client.get("/api/demands.json?lang=en").text)
        return next(d for d in data["demands"] if d["id"] == demand_id)

    assert "awaiting_review" in flags("bo-base-datos-trata")["flags"]
    store.reject(world["proposal"], editor="editora", why="otro registro")
    assert "awaiting_review" not in flags("bo-base-datos-trata")["flags"]
    assert flags("bo-ley-trabajo-sexual")["law_stage"]["reached"] == 2
    law = store.list_evidence(states=("confirmed",), demand_id="bo-ley-trabajo-sexual",
                              include_members=False)
    store.undo(law[0].id, editor="editora", why="era otro proyecto")  # the newest: chamber 1
    assert flags("bo-ley-trabajo-sexual")["law_stage"]["reached"] == 1
    assert "awaiting_review" in flags("bo-ley-trabajo-sexual")["flags"]
