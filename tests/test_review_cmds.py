"""``veeduria review``: list (grouped, json), show, confirm, reassign, reject, undo."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.matching import one_per_proposal
from monitor.watch.model import Match
from storage import Store
from storage.db import upgrade

sys.path.insert(0, str(Path(__file__).parent / "storage"))
from storage_build import document, evidence, seed_world  # noqa: E402


@pytest.fixture
def world(monkeypatch, tmp_path, database_url):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    upgrade(database_url)
    with Store.open(database_url) as store:
        first, second = seed_world(store)
        third = store.store_document(document(
            url="https://gaceta.example/normas/verGratis_gob/5701", text="Otra nota.",
            external_id="5701", published_on=date(2026, 2, 24))).id
        ids = [store.add_evidence(evidence(doc_id, act_date=day))[0]
               for doc_id, day in ((first, date(2026, 2, 20)), (third, date(2026, 2, 24)))]
        late = store.add_evidence(evidence(second, act_date=date(2026, 4, 30)))[0]
    return database_url, ids, late


def test_list_groups_documents_about_the_same_event(world, capsys):
    _, (first, second), late = world
    assert main(["review", "list"]) == 0
    out = capsys.readouterr().out
    assert "(2 documents about the same event)" in out
    assert out.index(f"#{first} ") < out.index(f"#{second} ")
    assert main(["review", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    groups = {row["id"]: row["group"] for row in rows}
    assert groups == {first: first, second: first, late: late}
    assert {"demand_id", "proposed_status", "event_codes", "url", "document_date"} <= set(rows[0])


def test_confirm_moves_status_and_undo_restores_it(world, capsys):
    url, (first, _), _ = world
    assert main(["review", "confirm", str(first), "--note", "publicado", "--editor", "ana"]) == 0
    assert capsys.readouterr().out.strip() == \
        "bo-protocolo-policia: pending → fulfilled (dated 2026-02-20, by ana)"
    with Store.open(url) as store:
        assert store.get_demand("bo-protocolo-policia", include_members=False).status == \
            "fulfilled"
    assert main(["review", "undo", str(first), "--why", "era un borrador"]) == 0
    with Store.open(url) as store:
        assert store.get_demand("bo-protocolo-policia", include_members=False).status == \
            "pending"
        assert store.get_evidence(first).state == "proposed"


def test_reassign_confirms_with_another_status(world, capsys):
    _, (first, _), _ = world
    assert main(["review", "confirm", str(first), "--status", "partial"]) == 0
    assert "pending → partial" in capsys.readouterr().out


def test_unknown_status_on_reassign_exits_2(world, capsys):
    _, (first, _), _ = world
    assert main(["review", "confirm", str(first), "--status", "aprobada"]) == 2
    assert "unknown status 'aprobada'; allowed: pending, in_progress" in capsys.readouterr().err


def test_reject_then_reject_again_exits_2(world, capsys):
    _, (first, _), _ = world
    assert main(["review", "reject", str(first), "--why", "otra base de datos"]) == 0
    assert main(["review", "reject", str(first), "--why", "otra vez"]) == 2
    assert f"proposal #{first} cannot be rejected" in capsys.readouterr().err


def test_show_highlights_the_matched_words(world, capsys):
    _, (first, _), _ = world
    assert main(["review", "show", str(first)]) == 0
    out = capsys.readouterr().out
    assert "excerpt:   se »aprueba« el »protocolo« de atención" in out
    assert "demand:    bo-protocolo-policia" in out


def match(rule: str, status: str | None, events: tuple[str, ...]) -> Match:
    return Match(rule_id=rule, demand_id="d", document_id=1, proposes=status, events=events,
                 excerpt="x", highlights=(), matched_terms=())


def test_several_rules_for_one_status_make_one_proposal_with_all_events():
    merged = one_per_proposal([match("d/a", "fulfilled", ("promulgacion",)),
                               match("d/b", "fulfilled", ("publicacion_oficial",)),
                               match("d/c", "in_progress", ("proyecto_presentado",))])
    assert [(m.rule_id, m.proposes, m.events) for m in merged] == [
        ("d/a", "fulfilled", ("promulgacion", "publicacion_oficial")),
        ("d/c", "in_progress", ("proyecto_presentado",))]


def test_a_corroborating_note_moves_no_status_unless_reassigned(world, capsys):
    url, _, _ = world
    with Store.open(url) as store:
        doc = store.store_document(document(
            url="https://diario.example/nota", text="El diario informa que se promulgó.",
            external_id=None)).id
        note = store.add_evidence(evidence(doc, proposed_status="note",
                                           rule_id="bo-protocolo-prensa"))[0]
    assert main(["review", "list"]) == 0
    assert "bo-protocolo-policia → note" in capsys.readouterr().out
    assert main(["review", "confirm", str(note)]) == 2
    assert "is a corroborating note: it moves no status" in capsys.readouterr().err
    assert main(["review", "confirm", str(note), "--status", "in_progress"]) == 0
    assert "pending → in_progress" in capsys.readouterr().out


def test_an_older_act_cannot_silently_move_the_status_back(world, capsys):
    _, (first, _), late = world
    assert main(["review", "confirm", str(late)]) == 0  # dated 2026-04-30
    capsys.readouterr()
    with Store.open(world[0]) as store:
        older = store.add_evidence(evidence(first, rule_id="bo-proyecto", act_date=date(2026, 2, 1),
                                            proposed_status="in_progress"))[0]
    assert main(["review", "confirm", str(older)]) == 2
    assert "before the act behind the current status (fulfilled since 2026-04-30)" in \
        capsys.readouterr().err
    assert main(["review", "confirm", str(older), "--older"]) == 0
    assert "fulfilled → in_progress" in capsys.readouterr().out
