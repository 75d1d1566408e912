"""An infinitive matched by a stem: a plan or request past the clause mark hedges it, a
resolution's operative infinitive and a verb of doing do not (monitor/watch/cues.py,
``is_infinitive`` and ``infinitive_cues``)."""

from __future__ import annotations

import pytest
from watch_helpers import match, rulebook_from

from monitor.watch.cues import has_clitic, is_infinitive, opens_with_infinitive, serves_a_purpose

RULES = """\
      - id: activado
        proposes: fulfilled
        events: [protocolo_activado]
        all: [["activ*", "aprob*"], ["protección", "protocolo"]]
      - id: capacitacion
        proposes: partial
        events: [capacitacion]
        all: [["capacit*"], ["policías"]]
"""


@pytest.mark.parametrize("text", [
    "La Defensoría RECOMIENDA al Comando General de la Policía: 1) activar de inmediato los "
    "mecanismos de protección a favor de la víctima; 2) informar en diez días.",
    "La organización exige al Estado, en su pronunciamiento: activar el protocolo de "
    "protección.",
    "El Ministerio instruyó a las unidades departamentales: aprobar el protocolo en 30 días.",
])
def test_a_request_or_order_past_the_colon_governs_the_infinitive(tmp_path, text):
    assert match(rulebook_from(tmp_path, RULES), text, kind="ombudsman") == []


@pytest.mark.parametrize("text", [
    "RESOLUCIÓN MINISTERIAL N° 45/2022. RESUELVE: PRIMERO.- Aprobar el Protocolo de "
    "protección a víctimas de violencia.",
    "La Policía acaba de activar el protocolo de protección para la víctima.",
    "La Policía procedió a activar el protocolo de protección.",
    "La Policía activó el protocolo de protección.",
    # the preamble's hedge ("podrían") stays behind the operative word
    "DECRETO DE ALCALDÍA N° 4. CONSIDERANDO: Que resulta conveniente evitar medidas que podrían "
    "ser dejadas sin efecto; DECRETA: Artículo Primero.- APROBAR el protocolo de protección.",
])
def test_an_operative_or_done_infinitive_counts(tmp_path, text):
    found = match(rulebook_from(tmp_path, RULES), text, kind="gazette")
    assert [m.rule_id for m in found] == ["bo-demo/activado"]


def test_a_purpose_infinitive_without_a_plan_cue_counts(tmp_path):
    text = "Se realizó un taller para capacitar a 40 policías de frontera."
    found = match(rulebook_from(tmp_path, RULES), text)
    assert [m.proposes for m in found] == ["partial"]


def test_a_plan_for_an_infinitive_hedges_it(tmp_path):
    text = "El Viceministerio anunció que busca, con apoyo de la cooperación, capacitar a policías."
    assert match(rulebook_from(tmp_path, RULES), text) == []


@pytest.mark.parametrize(("word", "suffix", "expected"), [
    ("activar", "ar", True), ("aprobarlo", "arlo", True), ("ativarem", "arem", True),
    ("activo", "o", False), ("taller", "", False), ("militar", "ar", False),
])
def test_only_the_ending_the_wildcard_matched_makes_an_infinitive(word, suffix, expected):
    assert is_infinitive(["para"], word, suffix) is expected


def test_a_verb_of_doing_before_it_is_no_infinitive_plan():
    assert is_infinitive(["comenzo", "a"], "investigar", "ar") is False


NOUN_RULES = """\
      - id: base
        proposes: in_progress
        events: [registro_creado]
        all: ["base de datos", "trata"]
      - id: visas
        proposes: in_progress
        events: [anuncio]
        all: ["vistos humanitários"]
"""


@pytest.mark.parametrize("text", [
    # the event is the object of an infinitive that opens a list item; the request is further back
    "O relatório fez recomendações ao governo: adotar uma base de dados de casos de trata, "
    "agilizar a emissão de vistos humanitários e ampliar a formação.",
    "La Defensoría formuló recomendaciones: a) crear una base de datos de casos de trata; "
    "b) publicar cifras anuales.",
    "O documento pede ao governo, entre outras medidas, agilizar a emissão de vistos humanitários.",
])
def test_an_event_object_of_a_requested_infinitive_is_a_plan(tmp_path, text):
    assert match(rulebook_from(tmp_path, NOUN_RULES), text, kind="news") == []


@pytest.mark.parametrize("text", [
    "RESUELVE: Artículo 1.- Aprobar la base de datos de casos de trata.",
    "Tras la reunión del Consejo, se decidió, por unanimidad, adoptar la base de datos de trata.",
    "O governo lançou a base de dados de trata; o Ministério agilizou os vistos humanitários.",
])
def test_an_infinitive_without_a_request_before_it_is_no_plan(tmp_path, text):
    assert match(rulebook_from(tmp_path, NOUN_RULES), text, kind="gazette")


@pytest.mark.parametrize(("clause", "expected"), [
    (["adotar", "uma"], True), (["agilizar", "a", "emissao", "de"], True),
    (["parlamentar", "protocolou", "o"], False), (["el", "ministerio", "aprobo", "la"], False),
    (["crear", "una", "nueva", "y", "moderna", "gran", "unidad"], False),  # too far to govern
])
def test_an_infinitive_opens_the_clause(clause, expected):
    assert opens_with_infinitive(clause) is expected


AIMS = """\
      - id: vetada
        proposes: setback
        events: [retroceso]
        about: [["281 bis"]]
        any: ["vet*", "vetad*"]
      - id: activado
        proposes: fulfilled
        events: [protocolo_activado]
        all: [["activ*"], ["protocolo"]]
      - id: mesa
        proposes: in_progress
        events: [comision]
        all: [["redact*", "redigir"], ["directrices", "diretrizes"]]
"""


@pytest.mark.parametrize("text", [
    "O projeto que altera o artigo 281 bis segue para o presidente, que tem dez dias úteis "
    "para sancioná-lo ou vetá-lo.",
    "El proyecto del 281 bis pasa al Ejecutivo, que tiene diez días para promulgarlo o vetarlo.",
    "La Policía se reunió con la Defensoría a fin de activar el protocolo de protección.",
    "Se instaló la mesa técnica encargada de diseñar y activar el protocolo de protección.",
])
def test_an_aim_is_neither_the_act_nor_its_undoing(tmp_path, text):
    assert match(rulebook_from(tmp_path, AIMS), text, kind="gazette") == []


@pytest.mark.parametrize(("text", "rule"), [
    ("El presidente decidió vetar la reforma del artículo 281 bis.", "bo-demo/vetada"),
    ("El Decreto Supremo tiene por objeto activar el protocolo de protección.",
     "bo-demo/activado"),
    ("O ministério instalou uma mesa técnica para redigir diretrizes de direitos humanos.",
     "bo-demo/mesa"),
])
def test_a_done_act_a_norms_object_and_work_towards_an_aim_count(tmp_path, text, rule):
    found = match(rulebook_from(tmp_path, AIMS), text, kind="gazette")
    assert [m.rule_id for m in found] == [rule]


@pytest.mark.parametrize(("original", "after", "expected"), [
    ("vetá", "-lo ou", True), ("fazê", "-las.", True), ("construí", "-la ", True),
    ("veta", " o pr", False), ("vetá", " a le", False), ("está", "-se a", False),
])
def test_a_portuguese_infinitive_with_an_attached_pronoun(original, after, expected):
    assert has_clitic(original, after) is expected


@pytest.mark.parametrize(("clause", "expected"), [
    (["tem", "dez", "dias", "para"], True),
    (["para", "sanciona", "lo", "ou"], True),
    (["a", "fin", "de"], True),
    (["para", "la", "victima", "decidio"], False),
    (["tiene", "por", "objeto"], False),
])
def test_a_purpose_word_before_the_infinitive(clause, expected):
    assert serves_a_purpose(clause) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # what a bill does happens only if it becomes law
    ("La iniciativa dispone la inscripción en el régimen simplificado y activa el protocolo de "
     "protección.", []),
    ("O PL 1234/2022 cria o protocolo de proteção e ativa a rede de atendimento.", []),
    ("El nuevo proyecto de ley activa el protocolo de protección.", []),
    # ... and what a bill or draft in a relative clause does
    ("Diputados aprobó el proyecto de ley que activa el protocolo de protección.", []),
    ("El Ministerio validó el borrador de resolución que activa el protocolo de protección.", []),
    ("O Ministério validou a minuta que ativa o protocolo de proteção.", []),
    # a bill's own acts, a law's content, and a bill recalled in another sentence do count
    ("El proyecto de ley fue archivado; el Ministerio activó el protocolo de protección.",
     ["bo-demo/activado"]),
    ("La ley promulgada activa el protocolo de protección.", ["bo-demo/activado"]),
    ("El Ministerio aprobó la resolución que activa el protocolo de protección.",
     ["bo-demo/activado"]),
    ("El proyecto fue aprobado. El Ministerio activó el protocolo de protección.",
     ["bo-demo/activado"]),
])
def test_a_bills_content_is_not_the_act(tmp_path, text, expected):
    found = match(rulebook_from(tmp_path, AIMS), text, kind="gazette")
    assert [m.rule_id for m in found] == expected


@pytest.mark.parametrize(("text", "found"), [
    # what an article in force does, for any rule
    ("Otros legisladores consideran que el artículo 322, que sanciona la explotación, ya cubre "
     "el vacío del artículo 281 bis.", 0),
    ("O artigo 322 do Código Penal, que sanciona a exploração, cobre o artigo 281 bis.", 0),
    # a chamber's sanction, and an article that was sanctioned, count
    ("El Senado sanciona la reforma del artículo 281 bis.", 1),
    ("El artículo que sancionó el Senado reforma el artículo 281 bis.", 1),
])
def test_an_articles_content_is_no_act(tmp_path, text, found):
    rules = """\
      - id: sancionado
        proposes: in_progress
        events: [aprobacion_camara]
        about: [["281 bis"]]
        all: [["sancion*"]]
"""
    assert len(match(rulebook_from(tmp_path, rules), text, kind="congress")) == found


def test_a_bills_content_meets_no_part_but_filing_it_is_progress(tmp_path):
    rules = """\
      - id: en-parte
        proposes: partial
        events: [reglamentacion]
        all: [["incluy*", "inclu*"], ["trabajadoras sexuales"]]
      - id: en-tramite
        proposes: in_progress
        events: [proyecto_presentado]
        all: [["incluy*", "inclu*"], ["trabajadoras sexuales"]]
"""
    text = "La propuesta incluye a las trabajadoras sexuales en el seguro de salud."
    found = match(rulebook_from(tmp_path, rules), text, kind="ministry")
    assert [m.rule_id for m in found] == ["bo-demo/en-tramite"]


@pytest.mark.parametrize(("text", "found"), [
    ("Se autoriza la asignación de Bs 2.450.000 destinados a la ampliación e implementación "
     "del registro de casos.", 0),
    ("El Consejo aprobó la asignación de recursos para el desarrollo e implementación del "
     "registro de casos.", 0),
    ("O governo liberou verbas destinadas à implementação do registro de casos.", 0),
    # the act itself, and a noun no purpose word governs
    ("El Ministerio concluyó la implementación del registro de casos.", 1),
    ("Al fin de la implementación del registro de casos, el Ministerio lo presentó.", 1),
    ("La implementación del registro de casos culminó para alivio de las víctimas.", 1),
])
def test_a_noun_of_action_after_a_purpose_word_is_an_aim(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: registro
        proposes: fulfilled
        events: [registro_creado]
        all: ["registro de casos"]
        any: ["implement*"]
""")
    assert len(match(rulebook, text, kind="gazette")) == found


@pytest.mark.parametrize(("text", "found"), [
    # the event in an aim: no training yet
    ("Bolivia y Perú firmaron un memorando para capacitar a los agentes sobre trata.", 0),
    # ... and the event in the object of an aim
    ("La Fiscalía tiene hasta marzo para presentar la capacitación de los agentes.", 0),
    # what the training was about, in an aim, still names it
    ("La Dirección capacitó a 90 agentes en el uso del protocolo para identificar víctimas de "
     "trata.", 1),
])
def test_for_a_partial_step_an_aim_holds_back_the_event_only(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: curso
        proposes: partial
        events: [capacitacion]
        all: ["agentes"]
        any: ["capacit*"]
""")
    assert len(match(rulebook, text, kind="ministry")) == found


def test_para_after_a_verb_of_sending_says_where_to(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: detencion
        proposes: setback
        events: [retroceso]
        any: ["prisão preventiva"]
""")
    sent = "O juiz revogou a decisão e mandou o acusado de volta para a prisão preventiva."
    assert len(match(rulebook, sent, kind="court")) == 1
    aimed = "O governo aprovou verbas destinadas para a prisão preventiva."
    assert match(rulebook, aimed, kind="court") == []


TRAINING_NOUN = """\
      - id: formacion
        proposes: partial
        events: [capacitacion]
        about: [["policial"]]
        any: ["formación"]
"""


@pytest.mark.parametrize(("text", "found"), [
    # a recommended item's infinitive governs all of it, however far the phrase stands
    ("La Defensoría RECOMIENDA a la Policía: 1) aprobar directrices; 2) incorporar el enfoque "
     "de no discriminación en la formación policial; 3) sancionar a los servidores.", 0),
    # ... an item of a norm's operative part is the act
    ("RESUELVE: PRIMERO.- Incorporar el enfoque de no discriminación en la formación "
     "policial.", 1),
])
def test_a_list_items_infinitive_governs_the_whole_item(tmp_path, text, found):
    assert len(match(rulebook_from(tmp_path, TRAINING_NOUN), text, kind="ombudsman")) == found


@pytest.mark.parametrize(("text", "found"), [
    # a list after a colon: its head's recommendation governs every item an infinitive opens
    ("La Defensoría del Pueblo RECOMIENDA al Comando General de la Policía Boliviana: 1) "
     "aprobar directrices vinculantes de respeto a los derechos humanos en la atención de "
     "denuncias; 2) incorporar el enfoque de igualdad en la formación policial.", 0),
    # ... and so does the sentence before a head of a few words
    ("La Defensoría remitió a la Policía un conjunto de recomendaciones. Entre ellas: a) "
     "incorporar contenidos de igualdad y de género en la formación policial.", 0),
    # ... but an operative word heads no plan, and a report's list tells what was done
    ("DECRETA: Artículo Primero.- Incorporar contenidos de igualdad y de género en la "
     "formación policial.", 1),
    ("El Ministerio informó lo realizado en la gestión: a) incorporar contenidos de igualdad "
     "y de género en la formación policial.", 1),
    # ... nor does a short head that does not point back to the sentence before
    ("La Defensoría había formulado recomendaciones. Cumplido en 2022: a) incorporar "
     "contenidos de igualdad y de género en la formación policial.", 1),
])
def test_a_list_after_a_colon_shares_its_heads_plan(tmp_path, text, found):
    assert len(match(rulebook_from(tmp_path, TRAINING_NOUN), text, kind="ombudsman")) == found
