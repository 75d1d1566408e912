"""One status per demand and document: the strongest status wins (among progress, the one the
headline reports), notes and other demands are kept, and the kept match keeps its own excerpt
(monitor/watch/precedence.py)."""

from __future__ import annotations

from watch_helpers import match, rulebook_from

from monitor.watch.model import Match
from monitor.watch.precedence import one_status_per_demand

CASE = """\
      - id: investigacion
        proposes: in_progress
        events: [investigacion_abierta]
        any: ["aprehend*", "inici* una investigación"]
      - id: imputacion
        proposes: partial
        events: [imputacion]
        any: ["imput*", "detención preventiva", "juicio oral"]
      - id: sentencia
        proposes: fulfilled
        events: [sentencia]
        any: ["sentencia condenatoria"]
      - id: archivo
        proposes: setback
        events: [retroceso]
        any: ["archiv*", "sobresey*"]
      - id: seguimiento
        proposes: note
        events: [anuncio]
        any: ["Defensoría"]
"""


def statuses(found: list[Match]) -> set[str | None]:
    return {m.proposes for m in found}


def test_the_most_advanced_step_is_the_news(tmp_path):
    text = ("El Tribunal dictó sentencia condenatoria contra el acusado, aprehendido en 2021, "
            "tras un juicio oral de seis jornadas.")
    assert statuses(match(rulebook_from(tmp_path, CASE), text, kind="court")) == {"fulfilled"}


def test_a_setback_outranks_the_progress_it_undoes(tmp_path):
    text = ("La Fiscalía archivó el caso; el acusado, que estaba en detención preventiva, "
            "recobró su libertad.")
    found = match(rulebook_from(tmp_path, CASE), text, kind="court")
    assert [(m.rule_id, m.proposes) for m in found] == [("bo-demo/archivo", "setback")]
    assert found[0].excerpt[slice(*found[0].highlights[0])] == "archivó"


def test_the_headline_step_is_the_news_among_progress(tmp_path):
    # the body recounts a conviction; the headline reports the new step, an imputation
    text = ("La Fiscalía imputó al segundo acusado. Al primero, el Tribunal le dictó sentencia "
            "condenatoria.")
    found = match(rulebook_from(tmp_path, CASE), text, kind="court",
                  title="Fiscalía imputa al segundo acusado")
    assert statuses(found) == {"partial"}
    assert found[0].in_title
    # without it in the headline, the most advanced step wins as before
    assert statuses(match(rulebook_from(tmp_path, CASE), text, kind="court")) == {"fulfilled"}


def test_a_setback_still_outranks_the_headline_step(tmp_path):
    text = "El juez dispuso la detención preventiva; días después la Fiscalía archivó el caso."
    found = match(rulebook_from(tmp_path, CASE), text, kind="court",
                  title="Detención preventiva para el acusado")
    assert statuses(found) == {"setback"}


def test_notes_are_always_kept(tmp_path):
    text = "La Defensoría informó que el Ministerio Público imputó al acusado, ya aprehendido."
    found = match(rulebook_from(tmp_path, CASE), text, kind="ombudsman")
    assert statuses(found) == {"partial", None}


def test_one_step_alone_is_proposed_as_usual(tmp_path):
    text = "La FELCV aprehendió al acusado en Quillacollo."
    assert statuses(match(rulebook_from(tmp_path, CASE), text)) == {"in_progress"}


def lead(demand: str, proposes: str | None, *, corroborates: str | None = None,
         rule: str = "r") -> Match:
    return Match(rule_id=f"{demand}/{rule}", demand_id=demand, document_id=1, proposes=proposes,
                 events=("anuncio",), excerpt="", highlights=(), matched_terms=(),
                 corroborates=corroborates)


def test_demands_never_compete():
    found = one_status_per_demand([lead("a", "in_progress"), lead("b", "setback")])
    assert [(m.demand_id, m.proposes) for m in found] == [("a", "in_progress"), ("b", "setback")]


def test_a_press_report_of_fulfilment_outranks_its_background():
    found = one_status_per_demand([lead("a", "in_progress", rule="camara"),
                                   lead("a", None, corroborates="fulfilled", rule="ley")])
    assert [m.rule_id for m in found] == ["a/ley"]


def test_rules_agreeing_on_the_strongest_status_are_all_kept():
    found = one_status_per_demand([lead("a", "partial", rule="x"), lead("a", "partial", rule="y"),
                                   lead("a", "in_progress", rule="z")])
    assert [m.rule_id for m in found] == ["a/x", "a/y"]
