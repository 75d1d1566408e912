"""One event, one demand: a step shared by rules of two demands goes to the demand whose own
topic is much nearer; an event of its own or an equally near topic keeps both
(monitor/watch/attribution.py)."""

from __future__ import annotations

from watch_helpers import NOW, doc, rulebook_from

from monitor.watch import match_document

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
