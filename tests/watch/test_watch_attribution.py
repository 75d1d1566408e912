"""One event, one demand: a step shared by rules of two demands goes to the demand whose own
topic is much nearer; an event of its own or an equally near topic keeps both
(monitor/watch/attribution.py)."""

from __future__ import annotations

from datetime import date

from watch_helpers import NOW, doc, rulebook_from

from monitor.watch import match_document
from monitor.watch.backtest import backtest
from monitor.watch.model import MatchInput

HEADER = """demands:
  - id: bo-visas
    country: BO
    kind: structural
    title: {es: Visas humanitarias}
    made_on: 2021-01-01
    rules:
      - id: suspendidas
        proposes: setback
        events: [retroceso]
        about: [["visas humanitarias", "vistos humanitários"], ["trata", "tráfico de pessoas"]]
        any: ["suspend*"]
  - id: bo-registro
    country: BO
    kind: structural
    title: {es: Base de datos de casos de trata}
    made_on: 2021-01-01
    rules:
      - id: suprimido
        proposes: setback
        events: [retroceso]
        about: [["base de datos", "sistema informático"], ["trata", "tráfico de pessoas"]]
        any: ["suspend*"]
"""

def demands(tmp_path, text: str) -> list[str]:
    rulebook = rulebook_from(tmp_path, "", header=HEADER)
    return sorted(m.demand_id for m in match_document(rulebook, doc(text, kind="ministry"),
                                                      now=NOW))


def test_the_nearer_topic_takes_the_shared_event(tmp_path):
    text = ("A Direção-Geral de Migração suspendeu a emissão de vistos humanitários para "
            "vítimas estrangeiras de tráfico de pessoas, alegando a migração para um novo "
            "sistema informático que ainda não funciona nas fronteiras do país.")
    assert demands(tmp_path, text) == ["bo-visas"]


def test_an_event_of_its_own_keeps_both(tmp_path):
    text = ("Migración suspendió la emisión de visas humanitarias a víctimas de trata. En otra "
            "resolución, el Ministerio suspendió la base de datos de casos de trata.")
    assert demands(tmp_path, text) == ["bo-registro", "bo-visas"]


def test_one_act_about_both_topics_keeps_both(tmp_path):
    text = ("El Ministerio suspendió la base de datos de casos de trata y las visas "
            "humanitarias para sus víctimas.")
    assert demands(tmp_path, text) == ["bo-registro", "bo-visas"]


BILLS = """demands:
  - id: ar-ley
    country: AR
    kind: structural
    is_law: true
    title: {es: Ley de trabajo sexual autónomo}
    made_on: 2021-01-01
    rules:
      - id: tramite
        proposes: in_progress
        events: [aprobacion_camara]
        about: [["trabajo sexual autónomo", "trabalho sexual autônomo"]]
        any: ["parecer favorável", "dictamen favorable"]
      - id: archivada
        proposes: setback
        events: [rechazo_camara]
        about: [["trabajo sexual autónomo", "trabalho sexual autônomo"]]
        any: ["arquivamento", "archivo"]
  - id: ec-reforma
    country: EC
    kind: structural
    is_law: true
    title: {es: Reforma de la Ley Orgánica de Salud}
    made_on: 2021-01-01
    rules:
      - id: archivada
        proposes: setback
        events: [rechazo_camara]
        countries: [EC]
        about: [["Lei Orgânica de Saúde", "Ley Orgánica de Salud"]]
        any: ["arquivamento", "archivo"]
"""
SEPTEMBER = date(2022, 9, 30)  # "votou em agosto": this year's August
ROUNDUP = ("Na Argentina, as comissões assinaram parecer favorável ao projeto que reconhece o "
           "trabalho sexual autônomo, que agora depende da comissão de Orçamento. No Equador, a "
           "Assembleia Nacional votou em agosto pelo arquivamento da reforma da Lei Orgânica de "
           "Saúde que proibiria a exigência de testes obrigatórios.")


def roundup(text: str, *, country: str) -> MatchInput:
    return doc(text, kind="news", country=country, published_on=SEPTEMBER)


def test_a_rule_the_country_keeps_out_still_owns_its_topics_event(tmp_path):
    rulebook = rulebook_from(tmp_path, "", header=BILLS)
    found = match_document(rulebook, roundup(ROUNDUP, country="AR"), now=NOW)
    assert [(m.demand_id, m.proposes) for m in found] == [("ar-ley", "in_progress")]


def test_without_a_rival_the_event_stays_with_the_only_rule(tmp_path):
    rulebook = rulebook_from(tmp_path, "", header=BILLS.split("  - id: ec-reforma")[0])
    # the other country not named (a city): nothing places the event
    unplaced = ROUNDUP.replace("No Equador, a Assembleia Nacional",
                                "Já em Quito a Assembleia Nacional")
    found = match_document(rulebook, roundup(unplaced, country="AR"), now=NOW)
    assert [(m.demand_id, m.proposes) for m in found] == [("ar-ley", "setback")]
    # a sentence that opens with another country reports that country's step (places)
    found = match_document(rulebook, roundup(ROUNDUP, country="AR"), now=NOW)
    assert [(m.demand_id, m.proposes) for m in found] == [("ar-ley", "in_progress")]


def test_a_topic_wholly_in_the_events_sentence_takes_it_from_one_outside(tmp_path):
    # the reform's second topic item ("testes obrigatórios") lies as far from the event as the
    # Argentine bill does: distance alone would not decide, the sentence does
    header = BILLS.replace('about: [["Lei Orgânica de Saúde", "Ley Orgánica de Salud"]]',
                           'about: [["Lei Orgânica de Saúde"], ["testes obrigatórios"]]')
    text = ROUNDUP.replace("a exigência de testes obrigatórios",
                           "em todo o território nacional a exigência de testes obrigatórios")
    rulebook = rulebook_from(tmp_path, "", header=header)
    found = match_document(rulebook, roundup(text, country=""), now=NOW)
    assert sorted((m.demand_id, m.proposes) for m in found) == [
        ("ar-ley", "in_progress"), ("ec-reforma", "setback")]


def test_only_rules_lose_the_event_to_another_demand_as_a_full_run_does(tmp_path):
    # re-matching after bo-registro changed must not hand it the event bo-visas takes
    rulebook = rulebook_from(tmp_path, "", header=HEADER)
    text = doc("A Direção-Geral de Migração suspendeu a emissão de vistos humanitários para "
               "vítimas estrangeiras de tráfico de pessoas, alegando a migração para um novo "
               "sistema informático que ainda não funciona nas fronteiras do país.",
               kind="ministry")
    assert match_document(rulebook, text, now=NOW, only_rules={"bo-registro/suprimido"}) == []
    kept = match_document(rulebook, text, now=NOW, only_rules={"bo-visas/suspendidas"})
    assert [m.demand_id for m in kept] == ["bo-visas"]


def test_a_rule_file_is_tested_inside_the_rest_of_the_rulebook(tmp_path):
    (tmp_path / "whole").mkdir()
    (tmp_path / "file").mkdir()
    current = rulebook_from(tmp_path / "whole", "", header=HEADER)
    new = rulebook_from(tmp_path / "file", "", header=HEADER.split("  - id: bo-visas")[0]
                        + "  - id: bo-registro" + HEADER.split("  - id: bo-registro")[1])
    shared = doc("A Direção-Geral de Migração suspendeu a emissão de vistos humanitários para "
                 "vítimas estrangeiras de tráfico de pessoas, alegando a migração para um novo "
                 "sistema informático que ainda não funciona.", kind="ministry")
    own = doc("El Ministerio suspendió la base de datos de casos de trata.", kind="ministry",
              number=2)
    report = backtest(new, current, [shared, own], now=NOW)
    assert [str(m.document_id) for m in report.by_rule["bo-registro/suprimido"]] == [
        str(own.document_id)]
    alone = backtest(new, None, [shared], now=NOW)  # no rulebook in force: nothing competes
    assert len(alone.by_rule["bo-registro/suprimido"]) == 1


def test_the_whole_topic_in_the_events_sentence_beats_a_nearer_one_outside_it(tmp_path):
    # "sistema informático" ends the sentence before, a few characters from the event; the
    # visas' whole topic is in the event's own sentence, further along it
    text = ("El Ministerio presentó su nuevo sistema informático. Se suspendió desde el lunes, "
            "en los puestos de frontera del país y por falta de personal en las oficinas, la "
            "emisión de visas humanitarias a víctimas de trata.")
    assert demands(tmp_path, text) == ["bo-visas"]


def test_overlapping_event_words_are_one_event(tmp_path):
    # "dispuso el archivo" (one rule) and "archivo de" (the other) are one step
    header = HEADER.replace('any: ["suspend*"]', 'any: ["dispuso el archivo"]', 1) \
        .replace('any: ["suspend*"]', 'any: ["archivo de"]', 1)
    rulebook = rulebook_from(tmp_path, "", header=header)
    text = ("El pleno aprobó el informe sobre las visas humanitarias para víctimas de trata. "
            "En la misma sesión se trató el proyecto de la base de datos de casos de trata y "
            "se dispuso el archivo de obrados.")
    found = match_document(rulebook, doc(text, kind="congress"), now=NOW)
    assert sorted(m.demand_id for m in found) == ["bo-registro"]
