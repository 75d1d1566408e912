"""Members-only demands never reach anonymous visitors: no page, feed, API or count shows them.

The seeded members-only demand (Paraguay) carries the marker SECRET_MARKER in its title,
target, description, source URL, evidence and editor note; it is the only Paraguayan demand.
"""

from __future__ import annotations

import json

import pytest
from webseed import SECRET_MARKER

from monitor.web.app import ROUTES

TRACES = (SECRET_MARKER, "py-secreto", "Paraguay", "Paraguai")
ANONYMOUS_GETS = ["/", "/?country=PY", "/d/py-secreto", "/fuentes", "/feed.xml",
                  "/api/demands.json", "/login", "/revisar"]


def test_every_get_route_is_checked_for_leaks():
    checked = {path.split("?")[0] for path in ANONYMOUS_GETS}
    routes = {r.path.replace("{demand_id}", "py-secreto") for r in ROUTES
              if r.methods and "GET" in r.methods}
    assert routes <= checked


@pytest.mark.parametrize("language", ["es", "pt", "en"])
@pytest.mark.parametrize("path", ANONYMOUS_GETS)
def test_anonymous_visitor_sees_no_trace(client, path, language):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}lang={language}", follow_redirects=True)
    for trace in TRACES:
        assert trace not in response.text, (path, trace)


def test_hidden_demand_answers_like_a_missing_one(client):
    hidden = client.get("/d/py-secreto?lang=es")
    missing = client.get("/d/no-such-demand?lang=es")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text == missing.text


def test_anonymous_counts_leave_the_hidden_demand_out(client):
    assert "3 demandas" in client.get("/?lang=es").text
    assert len(json.loads(client.get("/api/demands.json").text)["demands"]) == 3


def test_member_sees_the_members_only_demand(member):
    for path in ("/", "/d/py-secreto", "/feed.xml", "/api/demands.json"):
        assert SECRET_MARKER in member.get(path).text, path
    assert "4 demandas" in member.get("/?lang=es").text


def test_logged_out_member_sees_no_trace_again(member):
    token = member.cookies.get("csrftoken")
    member.post("/logout", data={"csrftoken": token})
    for path in ("/", "/feed.xml", "/api/demands.json"):
        assert SECRET_MARKER not in member.get(path).text


def test_the_anonymous_evidence_summary_holds_no_members_only_demand(store):
    from monitor.web.views import evidence_summary

    public = evidence_summary(store, include_members=False)
    seen = public.awaiting_ids | set(public.last_evidence_on) | set(public.confirmed_codes)
    assert "py-secreto" not in seen and "bo-base-datos-trata" in seen
    assert evidence_summary(store, include_members=False, demand_id="py-secreto") == \
        evidence_summary(store, include_members=False, demand_id="no-such-demand")
    members = evidence_summary(store, include_members=True)
    assert "py-secreto" in members.awaiting_ids and "py-secreto" in members.confirmed_codes
