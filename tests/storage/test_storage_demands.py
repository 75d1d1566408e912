"""Demands: sync from YAML, status owned by the database, responses, members never leak."""

from __future__ import annotations

import pytest
from storage_build import MEMBERS_DEMAND, demand

from storage import Conflict, NotFound


def test_syncing_demands_twice_adds_nothing(store):
    store.sync_demands([demand(), MEMBERS_DEMAND])
    counts = store.row_counts()
    store.sync_demands([demand(), MEMBERS_DEMAND])
    assert store.row_counts() == counts
    assert counts["demands"] == 2


def test_a_demand_keeps_every_definition_field(store):
    store.sync_demands([demand()])
    record = store.get_demand("bo-protocolo-policia", include_members=False)
    expected = demand()
    assert (record.country, record.kind, record.is_law, record.visibility) == (
        "BO", "structural", False, "public")
    assert record.titles == expected.titles
    assert record.descriptions == expected.descriptions
    assert (record.target, record.made_on, record.target_date) == (
        expected.target, expected.made_on, expected.target_date)
    assert (record.response, record.status, record.source_url) == (
        "no_response", "pending", expected.source_url)
    assert record.status_since == expected.made_on


def test_yaml_status_is_used_only_when_the_demand_is_new(store):
    store.sync_demands([demand(status="in_progress")])
    store.sync_demands([demand(status="fulfilled", target="Ministerio de Justicia")])
    record = store.get_demand("bo-protocolo-policia", include_members=True)
    assert record.status == "in_progress"
    assert record.target == "Ministerio de Justicia"


def test_an_editors_response_survives_a_sync_until_the_yaml_response_changes(store):
    store.sync_demands([demand()])
    store.set_response("bo-protocolo-policia", "accepted", editor="ana", note="carta oficial")
    store.sync_demands([demand()])
    assert store.get_demand("bo-protocolo-policia", include_members=True).response == "accepted"
    store.sync_demands([demand(response="noted")])
    assert store.get_demand("bo-protocolo-policia", include_members=True).response == "noted"
    assert store.row_counts()["response_history"] == 2


def test_set_response_refuses_unknown_values_and_demands(store):
    store.sync_demands([demand()])
    with pytest.raises(Conflict, match="unknown response 'maybe'"):
        store.set_response("bo-protocolo-policia", "maybe", editor="ana", note=None)
    with pytest.raises(NotFound):
        store.set_response("no-such-demand", "accepted", editor="ana", note=None)


def test_a_response_never_moves_the_status(store):
    store.sync_demands([demand()])
    store.set_response("bo-protocolo-policia", "claims_done", editor="ana", note=None)
    assert store.get_demand("bo-protocolo-policia", include_members=True).status == "pending"


def test_members_only_demands_never_reach_the_public(store):
    store.sync_demands([demand(), MEMBERS_DEMAND])
    public = store.list_demands(include_members=False)
    assert [d.id for d in public] == ["bo-protocolo-policia"]
    with pytest.raises(NotFound, match="no demand 'bo-caso-reservado'"):
        store.get_demand("bo-caso-reservado", include_members=False)
    members = store.list_demands(include_members=True)
    assert {d.id for d in members} == {"bo-protocolo-policia", "bo-caso-reservado"}
    assert store.get_demand("bo-caso-reservado", include_members=True).is_members_only


def test_list_demands_filters_by_country(store):
    store.sync_demands([demand(), demand(id="br-protocolo", country="BR")])
    assert [d.id for d in store.list_demands(include_members=False, country="BR")] == [
        "br-protocolo"]


def test_unknown_status_in_yaml_is_refused(store):
    with pytest.raises(Conflict, match="unknown status 'aprobada'"):
        store.sync_demands([demand(status="aprobada")])
