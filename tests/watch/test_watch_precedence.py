"""One status per demand and document: the strongest status wins (among progress, the one the
headline reports), notes and other demands are kept, and the kept match keeps its own excerpt
(monitor/watch/precedence.py)."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_headline_fulfilment_outranks_a_setback_in_the_body():
    # "Bolivia promulga la ley …" over a body that recalls the veto the bill got past
    veto = lead("a", "setback", rule="veto")
    law = replace(lead("a", "fulfilled", rule="ley"), in_title=True)
    assert [m.rule_id for m in one_status_per_demand([veto, law])] == ["a/ley"]
    # a fulfilment in the body alone still gives way to the setback
    assert [m.rule_id for m in one_status_per_demand([veto, replace(law, in_title=False)])] == \
        ["a/veto"]
    # and a headline's lesser step does too
    step = replace(lead("a", "in_progress", rule="camara"), in_title=True)
    assert [m.rule_id for m in one_status_per_demand([veto, step])] == ["a/veto"]
    # a gazette's title is the act's name ("Acuerdo Ministerial Número 166-2022"), not its news
    assert [m.rule_id for m in one_status_per_demand([veto, law], titled_by_its_news=False)] == \
        ["a/veto"]


def test_a_gazette_title_naming_the_act_does_not_outrank_its_repeal(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprobado
        proposes: fulfilled
        events: [publicacion_oficial]
        any: ["Acuerdo Ministerial"]
      - id: derogado
        proposes: setback
        events: [retroceso]
        any: ["se deroga"]
""")
    text = "ACUERDA: Artículo 1. Se deroga el Acuerdo Ministerial número 214-2021."
    title = "Acuerdo Ministerial Número 166-2022"
    assert statuses(match(rulebook, text, kind="gazette", title=title)) == {"setback"}
    assert statuses(match(rulebook, text, kind="ministry", title=title)) == {"fulfilled"}


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
