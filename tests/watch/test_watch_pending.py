"""Steps still pending (the fifteenth new editor's cases): what an order verb governs, what a
warrant is for, a hearing scheduled, what remains to be done, a veto struck down, a future verb
after a long subject, a future ``none`` phrase's month, a conditional in quotation marks,
and a hearing that was not held."""

from __future__ import annotations

from datetime import date

import pytest
from watch_helpers import match, rulebook_from

PROTECTED = """\
      - id: dada
        proposes: fulfilled
        events: [protocolo_activado]
        about: [["dirigente"]]
        any: ["@proteccion_activada"]
"""


@pytest.mark.parametrize(("text", "found"), [
    ("El juez ordenó custodia policial para la dirigente amenazada.", 0),
    # the police that "dispuso" a guard assigned it
    ("La FELCV dispuso custodia policial para la dirigente amenazada.", 1),
    ("O juiz determinou proteção policial para a dirigente ameaçada.", 0),
    ("La Policía asignó custodia policial a la dirigente amenazada.", 1),
])
def test_what_an_order_verb_governs_is_not_in_place(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, PROTECTED)
    assert len(match(rulebook, text, kind="court")) == found


ARRESTED = """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["sindicado"]]
        any: ["@aprehension", "captur*", "aprehensión"]
"""


@pytest.mark.parametrize(("text", "found"), [
    ("El juez giró orden de aprehensión contra el sindicado.", 0),
    ("Se emitió una orden de captura contra el sindicado.", 0),
    ("Agentes capturaron al sindicado en cumplimiento de una orden de aprehensión.", 1),
    ("La Policía ejecutó la orden de aprehensión contra el sindicado.", 1),
])
def test_what_a_warrant_is_for_has_not_happened(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, ARRESTED)
    assert len(match(rulebook, text, kind="police")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("El Tribunal programó el debate oral para el 5 de marzo.", 0),
    ("O tribunal agendou o debate oral para março.", 0),
    ("El Tribunal instaló el debate oral el 5 de marzo.", 1),
])
def test_a_hearing_scheduled_is_not_held(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        any: ["debate oral"]
""")
    assert len(match(rulebook, text, kind="court")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("La Asamblea General sancionó la ley; resta la promulgación del Poder Ejecutivo.", 0),
    ("La Asamblea sancionó la ley, que está pendiente de promulgación.", 0),
    ("A Câmara aprovou a lei, que aguarda a promulgação do prefeito.", 0),
    ("El Poder Ejecutivo promulgó la ley.", 1),
])
def test_what_remains_to_be_done_is_not_done(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: promulgada
        proposes: fulfilled
        events: [promulgacion]
        all: [["ley", "lei"]]
        any: ["promulgación", "promulgó", "promulgação"]
""")
    assert len(match(rulebook, text, kind="gazette")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("A Câmara derrubou o veto do prefeito ao projeto de lei.", 0),
    ("O prefeito vetou o projeto de lei.", 1),
])
def test_a_veto_struck_down_is_no_veto(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: rechazo
        proposes: setback
        events: [veto]
        all: [["projeto de lei"]]
        any: ["@rechazo"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("La capacitación sobre el protocolo de atención integral en salud para el personal de las "
     "cuatro regiones sanitarias se realizará en octubre.", 0),
    # a finished verb between them belongs to another clause
    ("La capacitación sobre el protocolo que el Ministerio aprobó en marzo para las cuatro "
     "regiones sanitarias y que se extenderá a otras concluyó ayer.", 1),
    ("La capacitación sobre el protocolo de atención integral en salud para el personal de las "
     "cuatro regiones sanitarias concluyó en julio.", 1),
])
def test_a_future_verb_after_a_long_subject_is_still_to_come(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: capacitacion
        proposes: partial
        events: [capacitacion]
        all: ["capacitación", "protocolo"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 8, 10))) == found


@pytest.mark.parametrize(("text", "found"), [
    # the month after a future none phrase is the coming one: the none phrase blocks
    ("Sobre el protocolo: la capacitación se realizará en octubre en Asunción.", 0),
    ("Sobre el protocolo: la capacitación se realizará la próxima semana.", 0),
    ("Sobre el protocolo: la capacitación se realizó en julio en Asunción.", 1),
])
def test_a_future_none_phrase_dates_its_month_to_come(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: capacitacion
        proposes: partial
        events: [capacitacion]
        all: ["capacitación", "protocolo"]
        none: ["se realizará"]
        hedging: allow
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 8, 10))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a conditional is hedged, also inside quotation marks
    ("A advogada diz que a escolta policial 'estaria sendo retirada', mas não confirma.", 0),
    ("A advogada diz que a escolta policial «estaria sendo retirada».", 0),
    ("A advogada diz que a escolta policial foi retirada na sexta-feira.", 1),
])
def test_a_quoted_conditional_is_hedged(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        all: ["escolta policial"]
        any: ["retir*"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # a hearing that could not begin, or was not held, however long its subject and after an
    # opener
    ("Por segunda vez, el juicio oral por el caso de la trabajadora sexual que en 2021 logró "
     "escapar de la vivienda donde permaneció cautiva no pudo comenzar.", 0),
    ("El juicio oral por el caso de la trabajadora sexual que en 2021 logró escapar de la "
     "vivienda donde permaneció cautiva no se llevó a cabo este jueves.", 0),
    ("Por segunda vez, el juicio oral por el caso de la trabajadora sexual se instaló ayer.", 1),
    # ... or after "y" / "e", as a headline joins two clauses ("é", to be, joins nothing)
    ("Defesa recusa juízes e julgamento de caso de cárcere privado é suspenso", 0),
    ("La defensa recusó a dos jueces y el juicio oral por el caso fue suspendido.", 0),
    ("A defesa desistiu do recurso e o julgamento do caso foi retomado.", 1),
    # a step in a "que" clause is not the subject of the hearing put off after it
    ("Ela conta que o acusado segue preso e que a Promotoria apresentou a acusação formal no "
     "começo de março, mas que o julgamento já foi adiado três vezes.", 1),
])
def test_a_hearing_not_held_is_no_step(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        any: ["juicio oral", "acusação formal", "julgamento"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2023, 2, 7))) == found
