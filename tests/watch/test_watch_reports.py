"""Cues met in official reports and long stories: what a report the news came after had found,
a measure in force since before the demand, the person an act's participle names, a request
with its qualifier, what a norm provides for, talk of doing, the midst of a stage, a case named
for comparison, and a narrative's earlier date (monitor/watch/background.py, cues.py)."""

from __future__ import annotations

from datetime import date

import pytest
from watch_helpers import match, rulebook_from

WITHDRAWN = """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        all: [["custodia", "escolta"]]
        any: ["ausencia de la custodia", "retir*", "suspend*"]
"""


@pytest.mark.parametrize(("text", "found"), [
    # what the earlier report found is why the follow-up was made, not its finding
    ("Objeto: verificar el cumplimiento de las medidas, tras el informe de verificación N° "
     "DP/DDC/IV/041/2021 que constató la ausencia de la custodia. Resultado: la custodia se "
     "cumple.", 0),
    ("Objeto: verificar las medidas, tras la visita de ayer que constató la ausencia de la "
     "custodia.", 0),
    # ... or came despite
    ("Pese al informe que constató la ausencia de la custodia, el juez archivó el pedido.", 0),
    # a verb before "que" makes it another clause: the step is reported
    ("Tras la reunión el ministro dijo que la Policía retiró la custodia.", 1),
    ("Tras la reunión el comandante informó que se retiró la custodia.", 1),
])
def test_what_a_thing_the_news_came_after_had_found_is_background(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, WITHDRAWN)
    assert len(match(rulebook, text, kind="ombudsman")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("La visa humanitaria para víctimas de trata está vigente desde 2013.", 0),
    ("O visto humanitário para vítimas de tráfico está em vigor desde o ano de 2019.", 0),
    ("La visa humanitaria para víctimas de trata está vigente desde 2022.", 1),
    ("La visa humanitaria para víctimas de trata está vigente desde el lunes.", 1),
])
def test_in_force_since_before_the_demand_is_no_step(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, IN_FORCE)
    assert len(match(rulebook, text, kind="ministry")) == found


IN_FORCE = """\
      - id: vigente
        proposes: fulfilled
        events: [reglamentacion]
        all: [["visa humanitaria", "visto humanitário"]]
        any: ["vigente desde", "em vigor desde"]
"""


@pytest.mark.parametrize(("title", "found"), [
    ("DIGEMIG: la visa humanitaria está vigente desde 2013", 0),
    ("DIGEMIG: la visa humanitaria está vigente desde el lunes", 1),
])
def test_a_headline_in_force_since_before_the_demand_is_no_step(tmp_path, title, found):
    rulebook = rulebook_from(tmp_path, IN_FORCE)
    text = "Ante consultas de medios, Migración aclara que la visa humanitaria se tramita en "\
           "oficinas centrales."
    assert len(match(rulebook, text, title=title, kind="ministry")) == found


CONVICTED = """\
      - id: sentencia
        proposes: fulfilled
        events: [sentencia]
        about: [["trabajadora sexual"]]
        any: ["condenad*", "aprehendid*"]
"""


@pytest.mark.parametrize(("text", "found"), [
    ("A solicitud de la defensa del condenado, el juez dejó sin efecto las medidas en el caso "
     "de la trabajadora sexual.", 0),
    ("El aprehendido por el caso de la trabajadora sexual fue trasladado a San Sebastián.", 0),
    ("El acusado fue condenado a 20 años por el secuestro de la trabajadora sexual.", 1),
    ("El tribunal dejó condenado al hombre que secuestró a la trabajadora sexual.", 1),
])
def test_a_participle_after_a_determiner_names_a_person_not_the_act(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, CONVICTED)
    assert len(match(rulebook, text, kind="court")) == found


GRANTED = """\
      - id: otorgadas
        proposes: partial
        events: [respuesta_oficial]
        all: ["visas humanitarias"]
        any: ["concedid*", "brind*"]
"""


@pytest.mark.parametrize(("text", "found"), [
    # a participle of giving that qualifies words said to the press is no act
    ("Transcripción de la entrevista concedida por el Director de Migración: «las visas "
     "humanitarias, lo estamos evaluando».", 0),
    ("Difunde las declaraciones del Director sobre las visas humanitarias, brindadas a medios "
     "de comunicación a la salida de la reunión.", 0),
    ("Migración informó que fueron concedidas 14 visas humanitarias a víctimas de trata.", 1),
])
def test_a_participle_that_qualifies_words_said_names_no_act(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, GRANTED)
    assert len(match(rulebook, text, kind="ministry")) == found


FILED = """\
      - id: presentado
        proposes: in_progress
        events: [proyecto_presentado]
        all: ["projeto de lei"]
        any: ["apresent*"]
"""


@pytest.mark.parametrize(("text", "found"), [
    # an idea or intention is no act
    ("Elas redigem um projeto de lei. «A ideia é apresentar no ano que vem», disse uma delas.", 0),
    ("Redactan un projeto de lei. «La idea es apresentar el texto en marzo», dijo.", 0),
    ("As dirigentes apresentaram o projeto de lei na Câmara.", 1),
])
def test_an_idea_or_intention_is_no_act(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, FILED)
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # what someone is accused of doing is a claim
    ("Trabajadoras sexuales acusan a la Policía de rechazar la denuncia de una compañera.", 0),
    ("El hombre acusado de rechazar la denuncia fue trasladado.", 0),
    ("La Fiscalía rechazó la denuncia de la compañera.", 1),
    # ... but what befalls the accused is reported
    ("El hombre acusado de mantenerla cautiva y de rechazar su denuncia fue liberado.", 1),
])
def test_what_someone_is_accused_of_is_a_claim(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: rechazada
        proposes: setback
        events: [retroceso]
        any: ["rechaz* la denuncia", "fue liberado"]
""")
    assert len(match(rulebook, text, kind="news")) == found


PILOT_BLOCKS = """\
      - id: obligatorio
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["protocolo de tamizaje"]
        any: ["aprob*", "aprov*"]
        none: ["piloto"]
"""


@pytest.mark.parametrize(("text", "found"), [
    # a none phrase said to be over does not block
    ("Se aprobó el protocolo de tamizaje, obligatorio en todos los puestos. «Ya no es un "
     "piloto, ya no es voluntario», dijo el Director.", 1),
    ("O protocolo de tamizaje foi aprovado e deixou de ser um piloto.", 1),
    # ... nor one concluded
    ("La Dirección concluyó el plan piloto y aprobó el protocolo de tamizaje para todos los "
     "puestos.", 1),
    ("A Direção concluiu a fase piloto e aprovou o protocolo de tamizaje em todos os postos.", 1),
    # ... but one still in force does
    ("Se aprobó el protocolo de tamizaje como piloto en Desaguadero.", 0),
    ("La Dirección aprobó el protocolo de tamizaje y concluyó que el plan piloto debe seguir.",
     0),
])
def test_a_none_phrase_no_longer_true_does_not_block(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, PILOT_BLOCKS)
    assert len(match(rulebook, text, kind="ministry")) == found


APPLIED = """\
      - id: aplicadas
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["medidas de protección"]
        any: ["aplicación de medidas"]
"""


@pytest.mark.parametrize(("text", "found"), [
    ("VISTOS: El requerimiento fiscal de aplicación de medidas de protección en favor de la "
     "víctima.", 0),
    ("Se presentó un pedido formal de aplicación de medidas de protección.", 0),
    ("El juez acogió el requerimiento fiscal de aplicación de medidas de protección.", 1),
])
def test_a_request_with_its_qualifier_asks_for_what_follows(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, APPLIED)
    assert len(match(rulebook, text, kind="court")) == found


SCREENING = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["venezolan*", "tamizaje", "protocolo"]
        any: ["aprob*"]
"""


@pytest.mark.parametrize(("text", "found"), [
    ("El Ministerio aprobó el protocolo de detección. El protocolo prevé entrevistas de tamizaje "
     "a las personas venezolanas.", 1),
    ("El Ministerio aprobó el protocolo de detección. Se prevé realizar entrevistas de tamizaje "
     "a las personas venezolanas.", 0),
    ("El Ministerio aprobó el protocolo de detección. El plan prevé entrevistas de tamizaje a "
     "las personas venezolanas.", 0),
    # ... nor an order: what the norm disposes is what it adopted
    ("El Ministerio aprobó el protocolo de detección. El protocolo dispone que toda persona "
     "venezolana sea entrevistada con el instrumento de tamizaje.", 1),
    ("El Ministerio aprobó el protocolo de detección. El ministro dispone que toda persona "
     "venezolana sea entrevistada con el instrumento de tamizaje.", 0),
])
def test_what_a_norm_provides_for_is_its_content(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, SCREENING)
    assert len(match(rulebook, text, kind="ministry")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Deputadas falaram em apresentar um projeto de lei sobre trabalho sexual.", 0),
    ("Las diputadas hablaron de presentar un proyecto de ley sobre trabajo sexual.", 0),
    ("A deputada falou em entrevista que apresentou o projeto de lei sobre trabalho sexual.", 1),
])
def test_talk_of_doing_is_a_plan(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: proyecto
        proposes: in_progress
        events: [proyecto_presentado]
        all: [["proyecto de ley", "projeto de lei"]]
        any: ["present*", "apresent*"]
""")
    assert len(match(rulebook, text, kind="news")) == found


def test_considering_doing_is_a_plan(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: borrador
        proposes: in_progress
        events: [anuncio]
        all: ["directrices"]
        any: ["elabor*"]
""")
    plan = "Estamos evaluando, junto con el Comando General, elaborar unas directrices."
    done = "El Comando General elaboró unas directrices."
    assert [len(match(rulebook, text, kind="news")) for text in (plan, done)] == [0, 1]


@pytest.mark.parametrize(("text", "found"), [
    ("Ella sigue sin escolta policial, em plena fase de julgamento do sequestrador.", 0),
    ("La víctima quedó sin custodia en pleno juicio oral.", 0),
    ("El juicio oral comenzó el lunes.", 1),
])
def test_the_midst_of_a_stage_frames_a_time(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        any: ["julgamento", "juicio oral"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Tras la intervención de la Defensoría, la denuncia fue registrada el lunes. La "
     "organización de trabajadoras sexuales comparó el caso con el ocurrido en Cochabamba en "
     "2021.", 0),
    ("En Cochabamba, tras la intervención de la Defensoría, la denuncia fue registrada el "
     "lunes, informó la organización de trabajadoras sexuales.", 1),
])
def test_a_case_named_for_comparison_is_not_this_one(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: abierta
        proposes: in_progress
        events: [investigacion_abierta]
        about: [["trabajadora sexual", "trabajadoras sexuales"], ["Cochabamba"]]
        any: ["denuncia fue registrada"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2025, 9, 10))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a sentence opening with the time of day of an earlier date, and one some days later
    ("Aquella madrugada de agosto de 2021 la Policía registró el hecho como riña; días "
     "después, tras la intervención del Viceministerio, el caso fue recalificado.", 0),
    ("Aquella madrugada de agosto de 2021 la Policía registró el hecho como riña. Este lunes "
     "el caso fue recalificado.", 1),
])
def test_a_narratives_earlier_date_dates_what_came_days_later(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: recalificado
        proposes: in_progress
        events: [investigacion_abierta]
        any: ["recalific*"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2025, 8, 25))) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Antes era só em três postos, e chegamos a suspender a triagem por falta de pessoal. Hoje "
     "é obrigatória.", 0),
    ("A Migração suspendeu a triagem por falta de pessoal.", 1),
])
def test_how_far_it_once_got_is_a_recall(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: suspendida
        proposes: setback
        events: [retroceso]
        all: ["triagem"]
        any: ["suspend*"]
""")
    assert len(match(rulebook, text, kind="news")) == found



def test_an_ombudsmans_resolution_recommends(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: otorgadas
        proposes: partial
        events: [reglamentacion]
        all: ["visas humanitarias"]
        any: ["emitió", "otorgó"]
""")
    recommends = ("La Defensoría del Pueblo emitió una Resolución Defensorial dirigida al "
                  "Ministerio de Gobierno, en la que recomienda: a) implementar entrevistas en los "
                  "puestos fronterizos; b) aprobar un procedimiento ágil para la emisión de visas "
                  "humanitarias a víctimas extranjeras.")
    granted = "Migración otorgó doce visas humanitarias a víctimas extranjeras."
    assert [len(match(rulebook, text, kind="ombudsman")) for text in (recommends, granted)] \
        == [0, 1]


@pytest.mark.parametrize(("text", "found"), [
    # what is pending has not happened
    ("La víctima es testigo principal en el juicio oral pendiente.", 0),
    ("La víctima declarará en el juicio oral pendiente de instalación.", 0),
    ("El Tribunal instaló el juicio oral el lunes.", 1),
])
def test_what_is_pending_has_not_happened(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        any: ["juicio oral"]
""")
    assert len(match(rulebook, text, kind="news")) == found


def test_an_annual_report_reviews_its_year(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: sentencia
        proposes: fulfilled
        events: [sentencia]
        any: ["sentencia condenatoria"]
""")
    text = "El 22 de noviembre de 2023, el Tribunal dictó sentencia condenatoria de veinte años."
    found = [len(match(rulebook, text, title=title, kind="ombudsman",
                       published_on=date(2024, 3, 26)))
             for title in ("Defensoría del Pueblo – Informe anual de gestión 2023",
                           "Defensoría del Pueblo – Nota de prensa")]
    assert found == [1, 0]


@pytest.mark.parametrize(("text", "found"), [
    ("Otra trabajadora sexual fue agredida en Santa Cruz; la Policía aprehendió al agresor.", 0),
    ("Outra trabalhadora sexual foi agredida em Santa Cruz; a polícia aprehendió o agressor.", 0),
    ("La trabajadora sexual fue agredida en Santa Cruz; la Policía aprehendió al agresor.", 1),
])
def test_another_woman_is_another_case(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual", "trabalhadora sexual"]]
        any: ["aprehendió"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # the date after the object's participle dates the object, not the verb before it
    ("A Direção Geral de Migração revogou a suspensão decretada em dezembro.", 1),
    ("A Direção Geral de Migração revogou em dezembro a suspensão.", 0),
])
def test_a_participle_after_the_verbs_object_dates_the_object(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: retomada
        proposes: partial
        events: [reglamentacion]
        any: ["revogou a suspensão", "revocó la suspensión"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2026, 4, 9))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a norm's summary opens its sentences with its verbs: what it disposes is its content
    ("Dispone que la capacitación en el protocolo sea obligatoria para todo el personal.", 1),
    # a judge's order names its judge: ordered, not done
    ("El juez dispone que la capacitación en el protocolo sea obligatoria para el personal.", 0),
])
def test_a_norms_summary_disposes_its_content(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: obligatoria
        proposes: fulfilled
        events: [reglamentacion]
        all: ["capacitación", "obligatori*"]
""")
    assert len(match(rulebook, text, kind="gazette", published_on=date(2024, 2, 8))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a request reaches its "que" across the addressee it names
    ("A Defensoria recomendou ao Comando Geral da Polícia que elabore um protocolo.", 0),
    ("La Defensoría pidió a la jueza de instrucción que elabore un protocolo.", 0),
    ("La Policía elaboró un protocolo de atención.", 1),
    # a dative far from any request governs nothing
    ("Entregaron al Comando General de la Policía el informe que elaboró el protocolo.", 1),
])
def test_a_request_reaches_across_its_addressee(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: borrador
        proposes: in_progress
        events: [anuncio]
        all: ["protocolo"]
        any: ["elabor*"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2022, 10, 20))) == found


@pytest.mark.parametrize(("text", "found"), [
    # the clause a parenthetical interrupts dates what follows the parenthetical
    ("El Ministerio destacó que en 2018 se inició, con apoyo de un organismo internacional, "
     "el desarrollo de una base de datos de casos de trata.", 0),
    ("El Ministerio destacó que se inició, con apoyo de un organismo internacional, "
     "el desarrollo de una base de datos de casos de trata.", 1),
])
def test_a_parenthetical_does_not_undate_its_clause(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: en-diseno
        proposes: in_progress
        events: [anuncio]
        all: ["base de datos"]
        any: ["desarroll*"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 4, 15))) == found


@pytest.mark.parametrize(("text", "found"), [
    # the plan or aim of a past passive's subject is not the act's
    ("La iniciativa que busca derogar la contravención en Mendoza fue archivada ayer.", 1),
    ("El proyecto para derogar la contravención en Mendoza fue archivado por la comisión.", 1),
    ("O projeto que pretende mudar a contravenção em Mendoza foi arquivado.", 1),
    # the act itself still planned, denied or asked about
    ("La iniciativa sobre la contravención en Mendoza será archivada.", 0),
    ("La iniciativa que busca derogar la contravención en Mendoza no fue archivada.", 0),
    ("Nadie sabe cuántas iniciativas sobre la contravención en Mendoza fueron archivadas.", 0),
])
def test_a_past_passive_is_not_hedged_by_its_subjects_plan(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["Mendoza"]]
        all: [["proyecto", "projeto", "iniciativa", "iniciativas"]]
        any: ["archiv*", "arquiv*"]
""")
    assert len(match(rulebook, text, kind="congress", published_on=date(2024, 9, 1))) == found


@pytest.mark.parametrize(("text", "found"), [
    # what the subject's relative clause undoes is not the act's undoing
    ("La ley que derogó el decreto de 2010 fue publicada ayer en la Gaceta Oficial.", 1),
    ("A lei que revogou o decreto de 2010 foi publicada ontem no Diário Oficial.", 1),
    ("La ley que suspende el registro anterior fue promulgada ayer.", 1),
    # a denial before the auxiliary still denies
    ("La ley sobre el registro no fue publicada.", 0),
])
def test_a_past_passive_is_not_undone_by_its_subject(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: publicada
        proposes: fulfilled
        events: [publicacion_oficial]
        all: [["ley", "lei"]]
        any: ["publicad*", "promulgad*"]
""")
    assert len(match(rulebook, text, kind="gazette", published_on=date(2024, 9, 1))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a round-up's section label opens a sentence: "En Perú, …" places it in Peru
    ("Resumen semanal. LEGISLATIVO.- Sin novedades. REGIÓN.- En Perú, Migraciones empezó a "
     "aplicar una ficha de detección de indicadores de trata a personas venezolanas.", 0),
    ("Resumen semanal. REGIÓN.- En Bolivia, Migración empezó a aplicar una ficha de detección de "
     "indicadores de trata a personas venezolanas.", 1),
    # ... and a label that names the country heads its sentence
    ("Ronda andina. PERÚ.- Migraciones empezó a aplicar una ficha de indicadores de trata. "
     "BOLIVIA.- Migración empezó a aplicar la ficha de indicadores de trata a personas "
     "venezolanas en Pisiga.", 1),
])
def test_a_section_label_opens_the_sentence_it_places(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: iniciado
        proposes: in_progress
        events: [anuncio]
        countries: [BO]
        all: ["venezolan*", "indicadores de trata"]
        any: ["empez*"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # the same thing befell another: that case is a yardstick
    ("En Santa Cruz, la Fiscalía abrió una investigación por la agresión a otra trabajadora "
     "sexual. «Lo mismo le pasó a la compañera de Cochabamba en 2021», recordó la dirigente.", 0),
    ("La Fiscalía abrió una investigación por el caso de la compañera de Cochabamba.", 1),
    # ... also in a headline without its article
    ("Asesinan a una trabajadora sexual en El Alto; organizaciones recuerdan caso de la "
     "compañera de Cochabamba. La Fiscalía abrió una investigación por feminicidio.", 0),
])
def test_the_same_thing_befalling_another_is_a_comparison(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: abierta
        proposes: in_progress
        events: [investigacion_abierta]
        about: [["compañera de Cochabamba"]]
        any: ["abri* una investigación"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # what an act takes as its model was approved before
    ("Los Ministerios acordaron elaborar una propuesta para las Fuerzas Armadas, tomando como "
     "referencia las directrices aprobadas por la Policía.", 0),
    ("El Ministerio de Defensa aprobó las directrices para las Fuerzas Armadas.", 1),
])
def test_what_an_act_takes_as_its_model_is_background(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: directrices
        proposes: partial
        events: [directriz_emitida]
        all: ["Fuerzas Armadas", "directrices"]
        any: ["aprob*"]
""")
    assert len(match(rulebook, text, kind="ministry")) == found
