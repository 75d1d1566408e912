"""Adverbs in -mente and time adverbials skipped inside phrases; past steps recalled as
background; a topic denied only right before it; needs and plans of a thing as hedges
(docs/rules.md)."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from watch_helpers import HEADER, match, rulebook_from

from monitor.watch.insertions import insertion
from monitor.watch.normalize import blank_adverbs, fold_text

OPENED = """\
      - id: abierta
        proposes: in_progress
        events: [investigacion_abierta]
        any: ["abrió una investigación", "abriu uma investigação", "fue promulgada"]
"""
ARCHIVED = """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual", "trabalhadora sexual"]]
        any: ["archiv*", "arquiv*", "condenad*", "detención preventiva"]
"""


@pytest.mark.parametrize("text", [
    "La Fiscalía abrió formalmente una investigación.",
    "O Ministério Público abriu oficialmente uma investigação.",
    "La ley fue finalmente promulgada ayer.",
])
def test_adverbs_between_phrase_words_are_skipped(tmp_path, text):
    found = match(rulebook_from(tmp_path, OPENED), text)
    assert [m.rule_id for m in found] == ["bo-demo/abierta"]


def test_highlight_of_a_phrase_with_a_skipped_adverb_covers_the_original_words(tmp_path):
    text = "La Fiscalía abrió formalmente una investigación."
    (found,) = match(rulebook_from(tmp_path, OPENED), text)
    start, end = found.highlights[0]
    assert found.excerpt[start:end] == "abrió formalmente una investigación"


@pytest.mark.parametrize("text", [
    "La Fiscalía abrió ayer una investigación.",
    "La Fiscalía abrió el día de hoy una investigación.",
    "La Fiscalía abrió este martes una investigación.",
    "La Fiscalía abrió el pasado viernes 14 una investigación.",
    "La Fiscalía abrió el domingo una investigación.",
    "O Ministério Público abriu na segunda-feira (30) uma investigação.",
    "O Ministério Público abriu nesta semana uma investigação.",
    "O Ministério Público abriu hoje cedo uma investigação.",
    "La ley fue ayer promulgada.",
])
def test_time_adverbials_between_phrase_words_are_skipped(tmp_path, text):
    found = match(rulebook_from(tmp_path, OPENED), text)
    assert [m.rule_id for m in found] == ["bo-demo/abierta"]


PASSED = """\
      - id: aprobado
        proposes: in_progress
        events: [aprobacion_camara]
        any: ["Senado aprob*", "Câmara dos Deputados aprovou", "migrantes llegaron"]
"""


@pytest.mark.parametrize("text", [
    "El Senado boliviano aprobó el proyecto.",
    "A Câmara dos Deputados boliviana aprovou o projeto.",
    "A Câmara dos Deputados da Bolívia aprovou o projeto.",
])
def test_nationalities_between_phrase_words_are_skipped(tmp_path, text):
    found = match(rulebook_from(tmp_path, PASSED), text)
    assert [m.rule_id for m in found] == ["bo-demo/aprobado"]


@pytest.mark.parametrize("text", [
    "A Câmara dos Deputados paraguaia aprovou o projeto.",
    "El Senado del Perú aprobó el proyecto.",
])
def test_a_skipped_nationality_still_places_the_act(tmp_path, text):
    # skipped by the phrase, read by the places check: another State's act (demand of BO)
    assert match(rulebook_from(tmp_path, PASSED), text) == []


def test_a_nationality_a_phrase_names_is_kept(tmp_path):
    rulebook = rulebook_from(tmp_path, PASSED + """\
      - id: tamizaje
        proposes: partial
        events: [protocolo_activado]
        any: ["entrevistas a migrantes venezolan*"]
""")
    # "venezolanos" is no insertion for this rulebook, whose tamizaje rule names it
    assert match(rulebook, "Los migrantes venezolanos llegaron a la frontera.") == []
    assert [m.rule_id for m in match(rulebook, "Hubo entrevistas a migrantes venezolanos.")] \
        == ["bo-demo/tamizaje"]
    # nor is a country without "de": "Bolivia aprobó" is the State acting
    assert match(rulebook, "El Senado, Bolivia aprobó el proyecto.") == []


def test_highlight_of_a_phrase_with_a_skipped_time_adverbial_covers_the_original_words(
        tmp_path):
    text = "O Ministério Público abriu na segunda-feira (30) uma investigação."
    (found,) = match(rulebook_from(tmp_path, OPENED), text)
    start, end = found.highlights[0]
    assert found.excerpt[start:end] == "abriu na segunda-feira (30) uma investigação"


@pytest.mark.parametrize("text", [
    # a place and an ordinal are no time adverbials
    "La Fiscalía abrió en Santo Domingo una investigación.",
    "O Ministério Público abriu na segunda instância uma investigação.",
    # nor other words between the phrase's words
    "La Fiscalía abrió el lunes de la semana una investigación.",
    "La Fiscalía abrió también ayer una investigación.",
])
def test_other_words_between_phrase_words_are_not_skipped(tmp_path, text):
    assert match(rulebook_from(tmp_path, OPENED), text) == []


def test_time_adverbial_spans():
    compact = " abrio el dia de hoy una y este martes 14 la y ayer a en santo domingo "
    spans = {word: insertion(compact, compact.index(f" {word} ") + len(word))
             for word in ("hoy", "martes", "ayer", "domingo")}
    assert {word: compact[span[0]:span[1]] if span else None for word, span in spans.items()} \
        == {"hoy": "el dia de hoy", "martes": "este martes 14", "ayer": "ayer", "domingo": None}


def test_a_rulebook_whose_phrase_holds_a_time_adverbial_keeps_them_in_the_text(tmp_path):
    rulebook = rulebook_from(tmp_path, OPENED + """      - id: hoy
        proposes: note
        events: [anuncio]
        any: ["vigente desde hoy"]
""")
    assert [m.rule_id for m in match(rulebook, "El decreto está vigente desde hoy.")] == \
        ["bo-demo/hoy"]
    assert match(rulebook, "La Fiscalía abrió ayer una investigación.") == []
    assert match(rulebook, "La Fiscalía abrió una investigación.")


def test_hedging_and_rulebook_adverbs_are_kept(tmp_path):
    folded = fold_text("aplicado parcialmente, supuestamente, y abrió finalmente")
    assert blank_adverbs(folded).split() == ["aplicado", "supuestamente", "y", "abrio"]
    assert blank_adverbs(folded, frozenset({"parcialmente", "finalmente"})).split() == \
        folded.split()
    rulebook = rulebook_from(tmp_path, """\
      - id: parcial
        proposes: partial
        events: [reglamentacion]
        all: ["aplicado", "parcialmente"]
      - id: formal
        proposes: partial
        events: [imputacion]
        any: ["imputado formalmente"]
""")
    assert [m.rule_id for m in match(rulebook, "El protocolo fue aplicado parcialmente.")] == \
        ["bo-demo/parcial"]
    assert match(rulebook, "El protocolo fue aplicado.") == []
    # inside a phrase the adverb is skipped, as in the text
    assert match(rulebook, "Fue imputado ayer.")


def test_one_text_matched_by_rulebooks_that_keep_different_adverbs(tmp_path):
    # the forms of the last text are reused only by a rulebook that keeps the same adverbs
    (tmp_path / "keeps").mkdir()
    (tmp_path / "blanks").mkdir()
    keeps = rulebook_from(tmp_path / "keeps", """\
      - id: parcial
        proposes: partial
        events: [reglamentacion]
        all: ["aplicado", "parcialmente"]
""")
    blanks = rulebook_from(tmp_path / "blanks", """\
      - id: aplicado
        proposes: fulfilled
        events: [reglamentacion]
        any: ["aplicado el protocolo"]
""")
    text = "Fue aplicado parcialmente el protocolo."
    for _ in range(2):
        assert [m.rule_id for m in match(keeps, text)] == ["bo-demo/parcial"]
        assert [m.rule_id for m in match(blanks, text, kind="gazette")] == ["bo-demo/aplicado"]


@pytest.mark.parametrize("text", [
    "La comisión aprobó el proyecto de la trabajadora sexual tras el archivo del anterior.",
    "El nuevo proyecto de la trabajadora sexual llega luego de que se archivara el primero.",
    "El acusado, que había sido condenado, recurre; la trabajadora sexual espera.",
    "Una iniciativa de la trabajadora sexual fue archivada en 2020 y hoy vuelve.",
    "En 2021, el caso de la trabajadora sexual fue archivado.",
    "El imputado permanece con detención preventiva, dijo la trabajadora sexual.",
    "O projeto da trabalhadora sexual volta após o arquivamento de outro.",
    # a time adverbial opening the sentence dates all of it, past later commas
    "Em 2018, segundo a imprensa, e depois de muita pressão, o caso da trabalhadora sexual foi "
    "arquivado.",
    # last year, counted from the document's date
    "O caso da trabalhadora sexual foi arquivado em maio do ano passado.",
    "El año pasado, el caso de la trabajadora sexual fue archivado.",
    "Há dois anos, o caso da trabalhadora sexual foi arquivado.",
    # an earlier legislature, like last year
    "La iniciativa retoma el proyecto de la trabajadora sexual, archivado en la anterior "
    "legislatura.",
    "A deputada apresentou o projeto da trabalhadora sexual arquivado pela legislatura "
    "anterior.",
    # a witness's own past
    "Yo estuve cuando se archivó el caso de la trabajadora sexual.",
    # a reminder governs its whole clause; a "when" clause after an earlier date is dated by it
    "El Ministerio Público recuerda que en el primer juicio el caso de la trabajadora sexual fue "
    "archivado.",
    "A nota lembra que o caso da trabalhadora sexual chegou a ser arquivado.",
    "El caso tomó notoriedad en agosto de 2021, cuando el caso de la trabajadora sexual fue "
    "archivado.",
    "La Defensoría valora el cambio respecto de 2021, cuando el caso de la trabajadora sexual "
    "fue archivado.",
    # a state that has lasted since a step: the step is older news, whatever its year
    "O réu está em liberdade desde fevereiro, quando o caso da trabalhadora sexual foi "
    "arquivado.",
    # a step named right after "desde" is where a state began
    "Desde el archivo del caso de la trabajadora sexual, nadie responde.",
    # a state that lasted, in the preterite
    "El imputado permaneció con detención preventiva durante la etapa preparatoria, dijo la "
    "trabajadora sexual.",
    # a state that was: the imperfect
    "El acusado, que se encontraba con detención preventiva, fue liberado; la trabajadora "
    "sexual apeló.",
])
def test_past_steps_recalled_as_background_do_not_count(tmp_path, text):
    assert match(rulebook_from(tmp_path, ARCHIVED), text) == []


@pytest.mark.parametrize("text", [
    "La Fiscalía archivó el caso de la trabajadora sexual.",
    "El caso de la trabajadora sexual fue archivado el 3 de mayo de 2022.",
    "La Ley 1768 de 1997 rige; la Fiscalía archivó el caso de la trabajadora sexual.",
    # a duration is no date: the state has lasted four months and is the news
    "O caso da trabalhadora sexual está arquivado há quatro meses.",
    # "cuando" after a date of this year, and a reminder in another clause, date nothing
    "En mayo de 2022, cuando el caso de la trabajadora sexual fue archivado, hubo protestas.",
    "El Ministerio recuerda su compromiso; ayer archivó el caso de la trabajadora sexual.",
    # "dar por concluido" closes it now: the closing is the news
    "La Fiscalía dio por concluido el archivo del caso de la trabajadora sexual.",
    # "desde" further back dates the news itself
    "Desde la semana pasada el caso de la trabajadora sexual está archivado.",
])
def test_new_steps_and_norm_dates_count(tmp_path, text):
    assert len(match(rulebook_from(tmp_path, ARCHIVED), text)) == 1


@pytest.mark.parametrize(("text", "found"), [
    # "after doing it" recalls the step as what the news came after ...
    ("Lo dijo el diputado en conferencia de prensa, tras presentar el proyecto de ley.", 0),
    # ... but a step done this week is the news itself
    ("Lo dijo el diputado en conferencia de prensa, tras presentar este martes el proyecto de "
     "ley.", 1),
    ("O deputado falou após protocolar nesta semana o projeto de lei.", 1),
])
def test_a_step_after_which_something_was_said_this_week_is_news(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: presentado
        proposes: in_progress
        events: [proyecto_presentado]
        any: ["proyecto de ley", "projeto de lei"]
""")
    assert len(match(rulebook, text, kind="news")) == found


def test_an_earlier_year_after_an_acts_participle_dates_that_act(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    may = date(2024, 5, 2)
    assert len(match(rulebook, "La Sala archivó el caso de la trabajadora sexual y la sentencia "
                               "dictada en noviembre de 2023.", published_on=may)) == 1
    assert match(rulebook, "La Sala archivó en noviembre de 2023 el caso de la trabajadora "
                           "sexual.", published_on=may) == []


def test_a_participle_apposed_to_a_dated_noun_shares_its_date(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED.replace('"archiv*"', '"aprob*"'))
    september = date(2021, 9, 3)
    old = ("La Policía cuenta desde 2015 con un manual para el trato a la trabajadora sexual, "
           "aprobado por Resolución de Comando.")
    assert match(rulebook, old, published_on=september) == []
    # ... unless a recent day dates the participle itself
    assert len(match(rulebook, old.replace("Comando.", "Comando ayer."),
                     published_on=september)) == 1
    assert len(match(rulebook, old.replace("desde 2015 ", ""), published_on=september)) == 1


def test_an_earlier_year_after_a_systems_participle_dates_its_start_only(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: en-uso
        proposes: partial
        events: [registro_creado]
        all: ["registro de casos"]
        any: ["ya funciona", "já está em uso"]
""")
    for text in ("Ya funciona en cinco departamentos el registro de casos de trata probado en "
                 "La Paz en 2019.",
                 "Já está em uso em cinco departamentos o registro de casos de tráfico testado "
                 "em La Paz em 2019."):
        assert len(match(rulebook, text, published_on=date(2021, 10, 2))) == 1, text


def test_earlier_year_needs_the_documents_date(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = "El caso de la trabajadora sexual fue archivado en 2021."
    assert match(rulebook, text, published_on=date(2022, 5, 1)) == []
    assert len(match(rulebook, text, published_on=None)) == 1
    assert len(match(rulebook, text, published_on=date(2021, 12, 1))) == 1


def test_a_month_later_than_the_documents_is_last_years(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = "O caso da trabalhadora sexual foi arquivado em outubro."
    assert match(rulebook, text, published_on=date(2023, 7, 17)) == []
    assert len(match(rulebook, text, published_on=date(2023, 11, 2))) == 1
    # far after the phrase the month dates something else; "próximo" is no past
    far = ("La Sala archivó el caso de la trabajadora sexual, con la sentencia de 25 años dictada "
           "en octubre.")
    assert len(match(rulebook, far, published_on=date(2023, 2, 17))) == 1
    before = "En octubre próximo, el caso de la trabajadora sexual fue archivado."
    assert len(match(rulebook, before, published_on=date(2023, 2, 17))) == 1


@pytest.mark.parametrize(("text", "found"), [
    ("La mesa técnica deberá presentar la malla curricular en junio.", 1),
    ("A comissão entregará a malla curricular em junho.", 1),
    ("La mesa técnica presentó la malla curricular en junio.", 0),  # last June
])
def test_a_month_after_a_future_verb_is_this_years(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: plan
        proposes: in_progress
        events: [anuncio]
        hedging: allow
        all: ["malla curricular"]
""")
    assert len(match(rulebook, text, published_on=date(2023, 3, 14))) == found


def test_a_month_long_before_the_documents_is_stale(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = "O caso da trabalhadora sexual foi arquivado em março."
    assert match(rulebook, text, published_on=date(2023, 8, 22)) == []  # five months before
    assert len(match(rulebook, text, published_on=date(2023, 5, 2))) == 1  # two: still news
    assert len(match(rulebook, text, published_on=date(2023, 3, 30))) == 1
    # the month dates a relative clause when a day of this week dates the phrase's own step
    text = ("Os deputados que defenderam em março a causa da trabalhadora sexual arquivaram o "
            "projeto na segunda-feira (21).")
    assert len(match(rulebook, text, published_on=date(2023, 8, 22))) == 1
    assert match(rulebook, text.replace(" na segunda-feira (21)", ""),
                 published_on=date(2023, 8, 22)) == []


def test_a_dated_participle_used_as_an_adjective_is_background(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    october = date(2023, 10, 16)
    for recalled in ("El autor del proyecto de la trabajadora sexual archivado la semana pasada "
                     "anunció otro.",
                     "O caso da trabalhadora sexual, arquivado em julho, volta ao debate.",
                     "A investigação da trabalhadora sexual, arquivada em maio, não voltou."):
        assert match(rulebook, recalled, published_on=october) == []
    # as a main verb it is the news; a month of the document itself or one not yet past is no
    # date of an earlier step
    for news in ("El caso de la trabajadora sexual fue archivado la semana pasada.",
                 "El caso de la trabajadora sexual quedó archivado en octubre.",
                 "El caso de la trabajadora sexual, archivado en octubre, ya no se reabrirá.",
                 "Se archivó la semana pasada el caso de la trabajadora sexual."):
        assert len(match(rulebook, news, published_on=october)) == 1, news


def test_background_allow_counts_the_recalled_step(tmp_path):
    allow = "        events: [retroceso]\n        background: allow\n"
    rulebook = rulebook_from(tmp_path, ARCHIVED.replace("        events: [retroceso]\n", allow))
    assert match(rulebook, "En 2021, el caso de la trabajadora sexual fue archivado.")


def test_topic_denied_right_before_it_but_not_further_back(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: reforma
        proposes: in_progress
        events: [aprobacion_camara]
        about: [["281 bis"]]
        any: ["aprob*"]
      - id: denuncia
        proposes: in_progress
        events: [investigacion_abierta]
        about: [["trabajadora sexual"]]
        any: ["inició una investigación"]
""")
    assert match(rulebook, "Diputados aprobó un cambio al artículo 322 que no toca el 281 bis.") \
        == []
    assert match(rulebook, "Diputados aprobó la reforma del artículo 281 bis.")
    assert match(rulebook, "La Fiscalía inició una investigación contra los policías que se "
                           "negaron a recibir la denuncia de la trabajadora sexual.")


@pytest.mark.parametrize("text", [
    "Considerando: que es necesario contar con un protocolo aprobado.",
    "El Ministerio presentó su plan de aprobación del protocolo.",
    "El protocolo será remitido para su eventual aprobación.",
])
def test_needs_plans_and_eventual_acts_are_hedged(tmp_path, text):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprobado
        proposes: fulfilled
        events: [directriz_emitida]
        all: ["protocolo", "aprob*"]
""")
    assert match(rulebook, text) == []


def test_possible_victims_are_not_a_hedge(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: taller
        proposes: partial
        events: [capacitacion]
        all: ["taller*", "víctimas"]
""")
    assert match(rulebook, "Se realizaron talleres sobre identificación de posibles víctimas.")


def test_an_undoing_is_the_news_for_a_setback_rule_but_a_denial_is_not(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        all: ["medidas de protección", ["retir*", "suspend*", "revoc*"]]
      - id: vigentes
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["medidas de protección", "vigentes"]
""")
    found = match(rulebook, "El juez suspendió las medidas de protección.")
    assert [m.proposes for m in found] == ["setback"]
    assert match(rulebook, "El juez no suspendió las medidas de protección.") == []
    assert match(rulebook, "El juez revocó las medidas de protección vigentes.")[0].proposes \
        == "setback"


def test_chronology_entries_dated_in_earlier_years_are_background(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = ("Marzo de 2021: la Fiscalía archivó el caso de la trabajadora sexual. "
            "Mayo de 2022: el caso de la trabajadora sexual sigue abierto.")
    assert match(rulebook, text, published_on=date(2022, 6, 1)) == []
    assert len(match(rulebook, text, published_on=date(2021, 12, 1))) == 1
    # a bare year and a dash or colon opens a chronology line too
    lines = ("Relembre os marcos do caso.\n2021 — La Fiscalía archivó el caso de la trabajadora "
             "sexual.\n2022: el caso de la trabajadora sexual sigue abierto.")
    assert match(rulebook, lines, published_on=date(2022, 6, 1)) == []
    assert len(match(rulebook, lines, published_on=date(2021, 12, 1))) == 1
    # a line that opens with a year and a full stop dates all its sentences
    line = ("Repasamos la historia.\n2021. Hubo audiencias. La Fiscalía archivó el caso de la "
            "trabajadora sexual.\n2022. Nada cambió.")
    assert match(rulebook, line, published_on=date(2022, 6, 1)) == []
    assert len(match(rulebook, line, published_on=date(2021, 12, 1))) == 1


def test_a_long_sentences_opening_date_dates_its_far_end(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    long_ago = ("En febrero de 2022, tras varias semanas de reuniones con la Dirección General de "
                "Migración, la Defensoría del Pueblo, la Policía Boliviana y la cooperación "
                "internacional, la Fiscalía Departamental archivó el caso de la trabajadora "
                "sexual.")
    assert long_ago.index("archivó") > 160  # farther than any other date is looked for
    assert match(rulebook, long_ago, published_on=date(2023, 6, 1)) == []
    assert len(match(rulebook, long_ago, published_on=date(2022, 3, 1))) == 1
    # another time named in between is the one that dates it
    later = long_ago.replace("la Fiscalía Departamental", "en junio de 2023 la Fiscalía")
    assert len(match(rulebook, later, published_on=date(2023, 6, 20))) == 1


@pytest.mark.parametrize(("text", "found"), [
    # a sentence that opens with "when" is as old as the date its clause names
    ("Quando o Departamento de Estado publicou, em junho de 2020, seu relatório anual, a "
     "Fiscalía archivó el caso de la trabajadora sexual.", 0),
    ("Cuando en marzo de 2021 la Policía se negó a recibir la denuncia, la Fiscalía archivó el "
     "caso de la trabajadora sexual.", 0),
    # ... a date of the document's year is news, and so is a "when" that names no date
    ("Cuando en marzo de 2023 la Policía se negó a recibir la denuncia, la Fiscalía archivó el "
     "caso de la trabajadora sexual.", 1),
    ("Cuando la Policía se negó a recibir la denuncia, la Fiscalía archivó el caso de la "
     "trabajadora sexual.", 1),
])
def test_a_sentence_opening_with_a_dated_when_clause_is_that_old(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    assert len(match(rulebook, text, published_on=date(2023, 6, 1))) == found


def test_the_decision_an_appeal_attacks_is_background(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    appeal = ("Apelación de la parte querellante contra el auto que archivó el caso de la "
              "trabajadora sexual.")
    assert match(rulebook, appeal, published_on=date(2022, 6, 1)) == []
    assert match(rulebook, "El juez archivó el caso de la trabajadora sexual.",
                 published_on=date(2022, 6, 1))


def test_one_occurrence_cannot_satisfy_two_items(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: caso
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual", "privación de libertad"],
                ["Cochabamba", "privación de libertad"]]
        any: ["imputó"]
""")
    assert match(rulebook, "La Fiscalía imputó por privación de libertad a un hombre.") == []
    assert match(rulebook, "La Fiscalía imputó por privación de libertad a un hombre en "
                           "Cochabamba.")
    assert match(rulebook, "En el caso de la trabajadora sexual, la Fiscalía imputó por "
                           "privación de libertad al acusado.")


def test_a_none_phrase_recalled_as_background_does_not_block(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: aplicada
        proposes: partial
        events: [protocolo_activado]
        all: ["triagem", "passou a aplicar"]
        none: ["piloto"]
""")
    assert match(rulebook, "Depois do piloto em Pisiga, a Migração passou a aplicar a triagem.")
    assert match(rulebook, "Em caráter piloto, a Migração passou a aplicar a triagem.") == []


@pytest.mark.parametrize(("text", "found"), [
    ("La entrevista de tamizaje, que comenzó como piloto en Pisiga, funciona en Desaguadero.", 0),
    ("A triagem, iniciada como piloto em Pisiga, passou a funcionar em Desaguadero.", 0),
    ("La Migración comenzó el tamizaje en Pisiga.", 1),
])
def test_where_a_step_began_said_of_it_is_a_recall(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: iniciado
        proposes: in_progress
        events: [anuncio]
        all: [["tamizaje", "triagem"]]
        any: ["comenz*", "iniciada"]
""")
    assert len(match(rulebook, text, kind="ministry")) == found


@pytest.mark.parametrize(("text", "published_on", "found"), [
    # the first months of a year report the fiscal year just closed
    ("Migración informa que durante la gestión 2021 se otorgaron doce visas humanitarias a "
     "víctimas de trata.", date(2022, 2, 10), 1),
    # ... but not later in the year, nor a month of that year named in the step's clause
    ("Migración informa que durante la gestión 2021 se otorgaron doce visas humanitarias a "
     "víctimas de trata.", date(2022, 8, 10), 0),
    ("Durante la gestión 2021, Migración ejecutó estas acciones: a) en el mes de enero se "
     "otorgaron doce visas humanitarias a víctimas de trata.", date(2022, 2, 10), 0),
    # the year named as a span ("durante 2021", "ao longo de 2021") reports it too
    ("La Defensoría verificó que durante 2021 se otorgaron doce visas humanitarias a "
     "víctimas de trata.", date(2022, 1, 30), 1),
    ("La Defensoría verificó que durante 2021 se otorgaron doce visas humanitarias a "
     "víctimas de trata.", date(2022, 6, 30), 0),
])
def test_a_report_of_the_year_just_closed_is_news(tmp_path, text, published_on, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: otorgadas
        proposes: partial
        events: [reglamentacion]
        all: ["visas humanitarias", "víctimas de trata"]
        any: ["otorgaron"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=published_on)) == found


def test_a_none_phrase_the_document_undoes_does_not_block(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: obligatorio
        proposes: fulfilled
        events: [reglamentacion]
        all: ["ficha de tamizaje"]
        any: ["aplicación obligatoria"]
        none: ["piloto"]
""")
    text = ("Aprueba la ficha de tamizaje, de aplicación obligatoria en todos los puestos, y "
            "deroga las instrucciones del plan piloto.")
    assert match(rulebook, text, kind="gazette")
    assert match(rulebook, "Aprueba la ficha de tamizaje, de aplicación obligatoria en el plan "
                           "piloto de Pisiga.", kind="gazette") == []


def test_adverbs_of_degree_are_skipped_but_hedging_adverbs_are_not(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: anulada
        proposes: setback
        events: [retroceso]
        any: ["anuló la sentencia", "activó el protocolo"]
""")
    assert match(rulebook, "La Sala ANULÓ TOTALMENTE la Sentencia N° 41/2022.")
    assert match(rulebook, "La Policía activó supuestamente el protocolo.") == []


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("aprob* la ley", "El Concejo Municipal aprobó la ley municipal de horarios nocturnos.", 0),
    # a body or member of a lower level acting
    ("present* el proyecto de ley", "Una asambleísta de la Asamblea Legislativa Departamental "
     "presentó el proyecto de ley de atención a trabajadoras sexuales.", 0),
    ("proyecto de ley", "Asambleísta departamental presenta proyecto de ley de atención", 0),
    ("projeto de lei", "A vereadora protocolou o projeto de lei sobre trabalho sexual.", 0),
    ("present* el proyecto de ley", "El diputado presentó el proyecto de ley en la Asamblea "
     "Legislativa Plurinacional.", 1),
    # a governor reporting is no local legislature
    ("present* el proyecto de ley", "El gobernador dijo que el diputado presentó el proyecto de "
     "ley.", 1),
    # a rule that names the level watches the local body
    ("aprob* la ordenanza municipal", "El Concejo Municipal aprobó la ordenanza municipal de "
     "horarios.", 1),
    ("projeto de lei", "A deputada apresentou um projeto de lei departamental sobre saúde.", 0),
    ("aprob* la ley", "El Senado aprobó la ley de horarios nocturnos.", 1),
    ("aprob* la ley municipal", "El Concejo aprobó la ley municipal de horarios nocturnos.", 1),
])
def test_a_law_of_a_lower_level_is_another_law(tmp_path, phrase, text, found):
    rulebook = rulebook_from(tmp_path, f"""\
      - id: ley
        proposes: in_progress
        events: [proyecto_presentado]
        any: ["{phrase}"]
""")
    assert len(match(rulebook, text, kind="congress")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("El caso de la trabajadora sexual había sido abierto en agosto, archivado en octubre y "
     "reabierto en diciembre.", 0),
    ("O caso da trabalhadora sexual havia sido aberto em agosto, reaberto em setembro, "
     "arquivado em outubro.", 0),
    ("El caso de la trabajadora sexual había sido reabierto en agosto, archivado ayer por la "
     "Fiscalía.", 1),
    ("El caso de la trabajadora sexual, archivado ayer, indigna a las organizaciones.", 1),
])
def test_a_list_the_pluperfect_governs_is_background(tmp_path, text, found):
    assert len(match(rulebook_from(tmp_path, ARCHIVED), text)) == found


COMPARED = """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual", "trabalhadora sexual"], ["Cochabamba"]]
        any: ["aprehendido", "foi preso"]
"""


@pytest.mark.parametrize("text", [
    "En Santa Cruz, el agresor de una trabajadora sexual fue aprehendido. La organización "
    "destacó que, a diferencia de lo ocurrido en Cochabamba, esta vez la Policía actuó.",
    "El agresor de una trabajadora sexual de El Alto fue aprehendido. El caso recuerda al de "
    "Cochabamba de 2021.",
    "O agressor de uma trabalhadora sexual de Santa Cruz foi preso. As colegas lembraram o caso "
    "de Cochabamba.",
    "Uma trabalhadora sexual foi agredida em Santa Cruz e o agressor foi preso. As colegas "
    "relembraram o caso de Cochabamba.",
    "El agresor de una trabajadora sexual de Montero fue aprehendido. El fiscal dijo que el "
    "caso guarda similitud con otros, entre ellos el de Cochabamba.",
    # compared outright, even with "lo que" after the cue
    "El agresor de una trabajadora sexual de Santa Cruz fue aprehendido. La asociación la "
    "comparó con lo que pasó en Cochabamba.",
])
def test_another_case_named_as_a_yardstick_is_not_the_topic(tmp_path, text):
    assert match(rulebook_from(tmp_path, COMPARED), text) == []


@pytest.mark.parametrize("text", [
    "Un micro chocó en la avenida Blanco Galindo. LEIA TAMBÉM • Agressor de trabalhadora "
    "sexual de Cochabamba foi preso • Senado aprova reforma",
    "Un micro chocó en la avenida Blanco Galindo.\nLea también: el agresor de la trabajadora "
    "sexual de Cochabamba fue aprehendido\nEl tránsito se restableció.",
])
def test_links_to_other_stories_are_not_the_documents_news(tmp_path, text):
    assert match(rulebook_from(tmp_path, COMPARED), text, kind="news") == []


def test_the_text_after_an_inline_related_link_still_counts(tmp_path):
    text = ("Lea también: accidente en la avenida Blanco Galindo\nEn Cochabamba, el agresor de "
            "la trabajadora sexual fue aprehendido.")
    assert len(match(rulebook_from(tmp_path, COMPARED), text, kind="news")) == 1


@pytest.mark.parametrize("text", [
    "El agresor de una trabajadora sexual de Santa Cruz fue aprehendido. El hecho ocurre "
    "semanas después del caso de Cochabamba.",
    "O agressor de uma trabalhadora sexual de Sucre foi preso. O caso repete o padrão visto em "
    "Cochabamba.",
    "El agresor de una trabajadora sexual de El Alto fue aprehendido. «Después de lo de "
    "Cochabamba, la instrucción es clara», dijo el director.",
    # alluded to as the yardstick
    "El agresor de una trabajadora sexual de El Alto fue aprehendido. Las organizaciones "
    "pidieron la misma celeridad en todas las denuncias, en alusión al caso de Cochabamba.",
    "O agressor de uma trabalhadora sexual de Sucre foi preso, como no caso de Cochabamba.",
])
def test_the_case_the_news_follows_is_not_the_topic(tmp_path, text):
    assert match(rulebook_from(tmp_path, COMPARED), text) == []


def test_an_act_after_the_case_still_counts(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: directrices
        proposes: fulfilled
        events: [directriz_emitida]
        about: [["Policía"]]
        any: ["aprobó directrices"]
""")
    assert match(rulebook, "Tras el caso de Cochabamba, el Ministerio aprobó directrices para "
                           "la Policía.", kind="ministry")


@pytest.mark.parametrize("text", [
    "En Cochabamba, el agresor de la trabajadora sexual fue aprehendido.",
    # a correction of an earlier report is no comparison
    "Diferentemente do que foi publicado, o agressor da trabalhadora sexual de Cochabamba foi "
    "preso ontem.",
])
def test_the_case_itself_and_corrections_still_count(tmp_path, text):
    assert len(match(rulebook_from(tmp_path, COMPARED), text)) == 1


@pytest.mark.parametrize(("text", "found"), [
    # the clause dates the step to a day before the demand was made (made_on 2021-08-25)
    ("El 21 de agosto la FELCV aprehendió al agresor de la trabajadora sexual.", 0),
    ("La FELCV aprehendió al agresor de la trabajadora sexual el sábado 21 de agosto.", 0),
    ("El sábado 21 de agosto, la FELCV aprehendió al agresor de la trabajadora sexual.", 0),
    # ... or to a part of that day
    ("En la madrugada del 21 de agosto la FELCV aprehendió al agresor de la trabajadora "
     "sexual.", 0),
    ("Na noite de 20 de agosto a FELCV aprehendió al agresor de la trabajadora sexual.", 0),
    # on or after it, or undated, the step counts
    ("El 30 de agosto la FELCV aprehendió al agresor de la trabajadora sexual.", 1),
    ("La FELCV aprehendió al agresor de la trabajadora sexual.", 1),
    # "hoy" right after the phrase: the day before it is another step's
    ("La FELCV que recibió la denuncia el sábado 21 de agosto aprehendió hoy al agresor de "
     "la trabajadora sexual.", 1),
    # a norm's date is its name, not the step's
    ("Conforme a la Ley N° 348 de 9 de marzo, la FELCV aprehendió al agresor de la "
     "trabajadora sexual.", 1),
    # a chronology line opening with a weekday and a day: the latest such day (2 September
    # document: the 21st is 21 August, the 1st is 1 September)
    ("Cronología.\nSábado 21, 02:15. La FELCV aprehendió al agresor de la trabajadora sexual.",
     0),
    ("Cronología.\nMiércoles 1, 10:00. La FELCV aprehendió al agresor de la trabajadora "
     "sexual.", 1),
])
def test_a_step_dated_before_the_demand_is_no_progress(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"]]
        any: ["aprehendió"]
""")  # HEADER: made_on 2021-08-25
    assert len(match(rulebook, text, published_on=date(2021, 9, 2))) == found


def test_a_present_state_is_no_new_step_but_is_the_demand_met(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: detencion
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"]]
        any: ["detención preventiva"]
      - id: custodia
        proposes: fulfilled
        events: [protocolo_activado]
        about: [["trabajadora sexual"]]
        any: ["custodia policial"]
""")
    state = ("La trabajadora sexual dejó el albergue; el agresor se encuentra con detención "
             "preventiva.")
    assert match(rulebook, state, kind="police") == []
    serving = ("El agresor de la trabajadora sexual está en El Abra en cumplimiento de la "
               "detención preventiva.")
    assert match(rulebook, serving, kind="police") == []
    guarded = "La trabajadora sexual se encuentra bajo custodia policial permanente."
    assert [m.proposes for m in match(rulebook, guarded, kind="police")] == ["fulfilled"]
    past = "La trabajadora sexual permaneció bajo custodia policial hasta agosto."
    assert match(rulebook, past, kind="police") == []


def test_an_antecedents_section_recites_the_case_so_far(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    record = ("RESUMEN DE AUDIENCIA. Caso de la trabajadora sexual.\n"
              "I. ANTECEDENTES. El caso fue archivado en agosto y reabierto luego.\n"
              "II. DE LA AUDIENCIA. El juez escuchó a las partes.")
    assert match(rulebook, record) == []
    # the section ends at the next heading: a step after it is the news
    later = record + "\nIII. RESOLUCIÓN. La Fiscalía dispuso el archivo: el caso fue archivado."
    assert [m.proposes for m in match(rulebook, later)] == ["setback"]
    # without a later heading, the section is its paragraph
    alone = ("Antecedentes:\nEl caso de la trabajadora sexual fue archivado en agosto.\n\n"
             "Hoy la Fiscalía archivó de nuevo el caso.")
    assert [m.proposes for m in match(rulebook, alone)] == ["setback"]
    assert match(rulebook, alone.split("\n\n")[0]) == []


def test_a_sentence_naming_antecedents_recites_them(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    recited = ("El proceso de la trabajadora sexual tiene como antecedentes la imputación, "
               "la detención preventiva y un primer archivo de obrados.")
    assert match(rulebook, recited) == []
    assert match(rulebook, "El proceso de la trabajadora sexual fue archivado.")


def test_a_chronology_tells_its_news_in_its_latest_entries(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    entries = ["20 de agosto de 2021 — Una mujer denuncia el secuestro.",
               "15 de septiembre de 2021 — Un juez dispone la detención preventiva.",
               "19 de enero de 2022 — El caso de la trabajadora sexual es archivado.",
               "3 de marzo de 2022 — La Fiscalía presenta la acusación formal."]
    # the archive was news in January; the chronology's news is March's indictment
    assert match(rulebook, "\n".join(entries), published_on=date(2022, 3, 20)) == []
    # when it is the latest entry, it is the news
    assert [m.proposes for m in match(rulebook, "\n".join(entries[:3]),
                                      published_on=date(2022, 1, 25))] == ["setback"]
    # two dated lines are no chronology: each is read as written
    two = "\n".join(entries[2:])
    assert [m.proposes for m in match(rulebook, two, published_on=date(2022, 3, 20))] == \
        ["setback"]


def test_a_chronology_with_numeric_dates(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    sheet = ("CRONOLOGÍA – caso de la trabajadora sexual\n"
             "21/08/2021 – Denuncia en la EPI N° 6.\n"
             "19/01/2022 – El caso es archivado por la Fiscalía.\n"
             "03/03/2022 – La Fiscalía presenta la acusación formal.\n"
             "28/03/2022 – Audiencia de medidas cautelares.")
    # January's archive is the story so far
    assert match(rulebook, sheet, published_on=date(2022, 3, 30)) == []
    latest = sheet.replace("Audiencia de medidas cautelares", "El caso es archivado de nuevo")
    assert [m.proposes for m in match(rulebook, latest, published_on=date(2022, 3, 30))] == \
        ["setback"]


def test_a_chronology_may_run_inside_a_paragraph(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = ("Cronología del caso de la trabajadora sexual. 20 de agosto de 2021 — Ella huye. "
            "2 de septiembre — El acusado es imputado. 16 de noviembre — El caso es archivado. "
            "28 de marzo de 2022 — La Fiscalía presenta la acusación. 27 de junio — El juicio "
            "oral queda fijado para agosto.")
    # November's archive (year carried from 2021) is the story so far
    assert match(rulebook, text, published_on=date(2022, 6, 30)) == []
    latest = text.replace("El juicio oral queda fijado para agosto", "El caso es archivado")
    assert [m.proposes for m in match(rulebook, latest, published_on=date(2022, 6, 30))] == \
        ["setback"]
    # a date in a sentence, without a dash, opens no entry
    prose = text.replace(" — ", ", ")
    assert [m.proposes for m in match(rulebook, prose, published_on=date(2022, 6, 30))] == \
        ["setback"]


def test_in_the_press_the_topic_frames_the_events_paragraph(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    feature = ("Un informe repasa la situación de la justicia en el valle.\n"
               "La trabajadora sexual secuestrada en 2021 sigue esperando su juicio.\n"
               "Este mes, el juez archivó la causa por robo contra un comerciante.")
    assert match(rulebook, feature, kind="news") == []
    # the topic in the event's paragraph, in the lead or in the title frames it
    same = feature.replace("contra un comerciante", "de la trabajadora sexual")
    assert [m.proposes for m in match(rulebook, same, kind="news")] == ["setback"]
    lead = feature.replace("Un informe repasa", "La trabajadora sexual repasa")
    assert [m.proposes for m in match(rulebook, lead, kind="news")] == ["setback"]
    assert match(rulebook, feature, kind="news", title="El caso de la trabajadora sexual")
    # a court record's sections name the case once: no framing asked
    assert [m.proposes for m in match(rulebook, feature, kind="court")] == ["setback"]


def test_numbered_headings_inside_one_paragraph(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    record = ("INFORME DE SEGUIMIENTO. I. ANTECEDENTES. El caso de la trabajadora sexual fue "
              "archivado en agosto. II. ESTADO ACTUAL. El juez escuchó a las partes.")
    assert match(rulebook, record) == []
    later = record + " III. RESOLUCIÓN. La Fiscalía archivó de nuevo el caso."
    assert [m.proposes for m in match(rulebook, later)] == ["setback"]


def test_a_year_the_story_named_before_is_past(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = "Em setembro daquele ano, o caso da trabalhadora sexual foi arquivado."
    assert match(rulebook, text, published_on=date(2022, 10, 1)) == []
    assert match(rulebook, text.replace("daquele", "deste"), published_on=date(2022, 10, 1))


def test_a_participle_dated_past_its_agent_is_background(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    text = ("Los senadores dijeron que el caso de la trabajadora sexual archivado por la Fiscalía "
            "en abril debe reabrirse.")
    assert match(rulebook, text, published_on=date(2022, 9, 15)) == []
    assert match(rulebook, "El caso de la trabajadora sexual fue archivado por la Fiscalía.",
                 published_on=date(2022, 9, 15))


@pytest.mark.parametrize(("text", "counts"), [
    ("Siete meses después de que la Sala anulara el archivo del caso de la trabajadora sexual, "
     "comenzó el juicio.", False),
    ("Dez meses depois de ver arquivado o caso da trabalhadora sexual, a rede voltou à "
     "Assembleia.", False),
    ("Es la segunda suspensión del caso de la trabajadora sexual desde que se archivó la "
     "denuncia.", False),
    # an infinitive after "tras" or "após", or with its own subject before it
    ("Tras haber archivado el caso de la trabajadora sexual, el fiscal renunció.", False),
    ("Dois meses depois de a denúncia ter sido arquivada, o caso da trabalhadora sexual voltou "
     "à pauta.", False),
    # the news itself, before the clause that recalls
    ("La Fiscalía archivó el caso de la trabajadora sexual después de que la víctima declarara.",
     True),
    ("Desde que asumió, el fiscal archivó el caso de la trabajadora sexual.", True),
    # after the clause it set off, with no lapse named: what set off the news is news too
    ("Organizações protestaram em Cochabamba depois que um tribunal arquivou o caso da "
     "trabalhadora sexual.", True),
    ("Las compañeras marcharon en Cochabamba después de que la Fiscalía archivó el caso de la "
     "trabajadora sexual.", True),
    # ... but a lapse of time before it recalls, and "since" recalls wherever it stands
    ("El fiscal renunció siete meses después de que se archivó el caso de la trabajadora "
     "sexual.", False),
    ("Las compañeras protestan en Cochabamba desde que se archivó el caso de la trabajadora "
     "sexual.", False),
])
def test_an_after_that_clause_recalls(tmp_path, text, counts):
    assert bool(match(rulebook_from(tmp_path, ARCHIVED), text)) is counts


def test_a_span_of_an_earlier_year_and_a_month_past_a_locative_date_the_step(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    spans = ("Entre enero y mediados de marzo de 2022 se archivó el caso de la trabajadora "
             "sexual.")
    assert match(rulebook, spans, published_on=date(2023, 9, 29)) == []
    assert len(match(rulebook, spans, published_on=date(2022, 4, 2))) == 1
    located = "O caso da trabalhadora sexual, arquivado no Senado em outubro, pode voltar."
    assert match(rulebook, located, published_on=date(2023, 2, 14)) == []


@pytest.mark.parametrize(("text", "found"), [
    ("La víctima continúa en el curso sobre trata de personas.", 0),
    ("A vítima continua no curso sobre trata de personas.", 0),
    # after a noun of action "continua" is the adjective: a lasting programme, no state
    ("La Universidad dictó el programa de formación continua del curso sobre trata de "
     "personas.", 1),
    ("A Universidade abriu a formação contínua do curso sobre trata de personas.", 1),
])
def test_continua_after_a_noun_of_action_is_an_adjective(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: curso
        proposes: partial
        events: [capacitacion]
        any: ["curso sobre trata de personas"]
""")
    assert len(match(rulebook, text, kind="ministry")) == found


def test_going_on_to_the_next_stage_is_no_lasting_state(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: camara
        proposes: in_progress
        events: [aprobacion_camara]
        any: ["Câmara dos Deputados", "Cámara de Diputados"]
""")
    assert match(rulebook, "O texto segue para a Câmara dos Deputados.", kind="congress")
    assert match(rulebook, "El proyecto sigue en la Cámara de Diputados.", kind="congress") == []


@pytest.mark.parametrize(("text", "found"), [
    # a month of a year before the demand (made_on 2021-08-25) dates the step
    ("En julio de 2021 se capacitó a 350 servidores sobre trata de personas.", 0),
    ("Em julho de 2021 foram capacitados 350 servidores sobre trata de personas.", 0),
    # the demand's own month is not all before it
    ("En agosto de 2021 se capacitó a 350 servidores sobre trata de personas.", 1),
])
def test_a_month_of_a_year_dates_a_step_before_the_demand(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: curso
        proposes: partial
        events: [capacitacion]
        any: ["capacit*"]
        all: ["trata de personas"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2021, 9, 10))) == found


@pytest.mark.parametrize(("text", "found"), [
    # "that same night" points back to the day the story last named (before made_on 2021-08-25)
    ("Al huir, el 20 de agosto, la mujer fue a la EPI. El agresor fue aprehendido esa misma "
     "noche.", 0),
    ("Ao fugir, no dia 20 de agosto, ela foi à delegacia. O agressor foi detido naquela mesma "
     "noite.", 0),
    ("El 2 de septiembre la víctima declaró. El agresor fue aprehendido esa misma noche.", 1),
    # a weekday before the day, and a story that names no month near the step
    ("Segundo relatos de organizações de mulheres, na sexta-feira, 20 de agosto, os agentes "
     "se negaram a receber a queixa alegando a ocupação da vítima. Horas depois, sob pressão "
     "de ativistas e após a intervenção de um vice-ministro, o caso foi aberto como briga. O "
     "agressor foi detido naquela mesma noite.", 0),
])
def test_that_same_night_is_the_day_last_named(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        any: ["fue aprehendido", "foi detido"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2021, 9, 10))) == found


@pytest.mark.parametrize(("text", "published_on", "found"), [
    # a day with no month is the latest such day on or before the document's date
    ("O agressor, preso em flagrante no dia 20, poderia ser liberado.", date(2021, 8, 27), 0),
    ("El agresor fue aprehendido el día 20, informó la Policía.", date(2021, 8, 27), 0),
    ("O agressor, preso em flagrante no dia 20, poderia ser liberado.", date(2021, 9, 27), 1),
    # a day after the document's falls in the month before it (20 August, before made_on)
    ("El agresor fue aprehendido el día 20, informó la Policía.", date(2021, 9, 10), 0),
    # also with a month named nearby for another step
    ("La denuncia fue recibida el 21 de agosto. El agresor, preso em flagrante no dia 20, "
     "poderia ser liberado.", date(2021, 8, 27), 0),
])
def test_a_bare_day_of_the_month_dates_a_step(tmp_path, text, published_on, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        any: ["preso em flagrante", "fue aprehendido"]
""")
    assert len(match(rulebook, text, kind="news", published_on=published_on)) == found


@pytest.mark.parametrize(("text", "published_on", "found"), [
    # a weekday named as a past day: the latest such day (Thursday 26 August 2021 -> Friday 20)
    ("El agresor, aprehendido el pasado viernes, fue puesto a disposición.", date(2021, 8, 26),
     0),
    ("O agressor foi preso na sexta-feira, acusado de manter a mulher em cativeiro.",
     date(2021, 8, 26), 0),
    # a week later, that Friday is 27 August, after the demand (made on the 25th)
    ("El agresor, aprehendido el pasado viernes, fue puesto a disposición.", date(2021, 9, 2),
     1),
])
def test_a_weekday_dates_a_step(tmp_path, text, published_on, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        any: ["aprehendido", "foi preso"]
""")
    assert len(match(rulebook, text, kind="news", published_on=published_on)) == found


def test_an_arrests_own_day_dates_the_arrest_not_the_act_before_it(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: investigacion
        proposes: in_progress
        events: [investigacion_abierta]
        any: ["abrió investigación"]
""")
    text = "La Fiscalía abrió investigación contra un hombre aprehendido el pasado viernes."
    assert match(rulebook, text, kind="court", published_on=date(2021, 8, 26))


@pytest.mark.parametrize(("text", "found"), [
    # an act taken by a norm of an earlier year (the document is of 2021)
    ("La Policía cuenta con un Manual de Derechos Humanos aprobado mediante Resolución del "
     "Comando General N° 217/2015.", 0),
    ("O Manual de Direitos Humanos foi aprovado pela Portaria nº 12 de 2016.", 0),
    # a norm recalled as in force
    ("La Policía recuerda la vigencia del Manual de Derechos Humanos.", 0),
    # this year's norm dates nothing before
    ("La Policía emitió un Manual de Derechos Humanos aprobado mediante Resolución del Comando "
     "General N° 217/2021.", 1),
])
def test_an_earlier_norm_dates_its_act(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: manual
        proposes: partial
        events: [directriz_emitida]
        all: [["Manual de Derechos Humanos", "Manual de Direitos Humanos"]]
        any: ["aprob*", "aprov*", "emiti*", "recuerda"]
""")
    assert len(match(rulebook, text, kind="police", published_on=date(2021, 9, 6))) == found


@pytest.mark.parametrize(("text", "found"), [
    # disclaimed
    ("Em Santa Cruz, um suspeito foi detido pela morte de uma trabalhadora sexual. O caso não "
     "tem relação com o de Cochabamba.", 0),
    ("Em Oruro, um suspeito foi detido pela agressão a uma trabalhadora sexual. O caso é "
     "distinto do de Cochabamba.", 0),
    # called another case, or the episode the news came after
    ("Em Santa Cruz, um suspeito foi detido pela agressão a uma trabalhadora sexual. As "
     "organizações lembraram que, há poucas semanas, outro caso de violência em Cochabamba "
     "expôs a negligência policial.", 0),
    ("Em Santa Cruz, um suspeito foi detido. O caso acontece meses depois do episódio de "
     "Cochabamba.", 0),
    ("Em Cochabamba, um suspeito foi detido.", 1),
    # the case's own noun among the linking words
    ("Em Santa Cruz, um suspeito foi detido. O caso não tem relação com o processo de "
     "Cochabamba.", 0),
    ("Em Santa Cruz, um suspeito foi detido. Ocorreu dois anos depois do episódio de "
     "Cochabamba.", 0),
    # set against it, compared with it, or recalled
    ("Em El Alto, um suspeito foi detido; a rapidez da resposta contrasta com a demora vista em "
     "Cochabamba.", 0),
    ("Em Santa Cruz, um suspeito foi detido. Ativistas compararam o episódio ao caso de "
     "Cochabamba.", 0),
    ("Em Oruro, um suspeito foi detido. As organizações lembraram a demora da polícia no caso "
     "de Cochabamba.", 0),
    # a comparison's word that is no comparison: to share, to appear in court
    ("Em Cochabamba, um suspeito foi detido ao comparecer à delegacia.", 1),
    ("As organizações compartilharam com a imprensa que em Cochabamba um suspeito foi detido.", 1),
])
def test_a_case_disclaimed_or_called_another_case_is_no_topic(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["Cochabamba"]]
        any: ["foi detido"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # the disclaimer and the linking words before the case are seven words
    ("Un juez liberó al acusado de abusar de una estudiante. El caso no tiene relación con el de "
     "la trabajadora sexual.", 0),
    ("Um juiz libertou o acusado. O caso não guarda relação com o da trabalhadora sexual.", 0),
    ("Un juez liberó al acusado de secuestrar a la trabajadora sexual.", 1),
])
def test_a_case_disclaimed_before_its_linking_words_is_no_topic(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: liberado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual", "trabalhadora sexual"]]
        any: ["liberó al acusado", "libertou o acusado"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    # a span of time that dates another event is no trait of the case
    ("Menos de dois meses depois do caso de Cochabamba, uma trabalhadora sexual foi agredida "
     "em Santa Cruz e o suspeito foi preso.", 0),
    ("Hace dos meses, una trabajadora sexual fue agredida en Santa Cruz; el sospechoso fue "
     "aprehendido.", 0),
    # the trait itself
    ("La trabajadora sexual que estuvo dos meses secuestrada en Cochabamba vio al acusado "
     "aprehendido.", 1),
    ("Tras dos meses de cautiverio, la trabajadora sexual denunció; el acusado fue "
     "aprehendido.", 1),
])
def test_a_span_of_time_that_dates_another_event_is_no_trait(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprehension
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual", "trabalhadora sexual"], ["dos meses", "dois meses"]]
        any: ["foi preso", "aprehendido"]
""")
    assert len(match(rulebook, text, kind="news")) == found


@pytest.mark.parametrize(("text", "found"), [
    ("O projeto sobre o trabalho sexual, que chegou a receber parecer favorável de uma "
     "comissão, foi enviado ao arquivo.", 0),
    ("El proyecto sobre el trabajo sexual, que llegó a tener dictamen favorable en comisión, "
     "perdió estado parlamentario.", 0),
    ("La comisión emitió dictamen favorable al proyecto sobre el trabajo sexual.", 1),
])
def test_how_far_a_step_once_got_is_a_recall(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: dictamen
        proposes: in_progress
        events: [comision]
        about: [["trabajo sexual", "trabalho sexual"]]
        any: ["parecer favorável", "dictamen favorable"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2023, 2, 2))) == found


def test_a_thing_an_act_once_got_to_name_still_counts(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: suspendida
        proposes: setback
        events: [retroceso]
        about: [["tráfico de pessoas"]]
        all: ["plataforma"]
        any: ["suspendeu"]
""")
    text = ("O relatório sobre tráfico de pessoas chegou a citar a plataforma como um avanço, mas "
            "o ministério suspendeu o sistema.")
    assert match(rulebook, text, kind="news")


@pytest.mark.parametrize(("text", "found"), [
    ("Se modifica el artículo 322. El artículo 281 bis del Código Penal se mantiene sin "
     "modificaciones.", 0),
    # approved as it stood
    ("El Senado aprobó sin modificaciones el proyecto que modifica el artículo 281 bis.", 1),
    # not changed, in a denied passive right after it
    ("A Assembleia aprovou em comissão mudanças no artigo 322. A definição do artigo 281 bis "
     "não foi alterada.", 0),
    ("La Cámara aprobó la reforma del artículo 322; el artículo 281 bis no fue modificado.", 0),
])
def test_a_topic_kept_as_it_was_is_left_out(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: reforma
        proposes: in_progress
        events: [aprobacion_camara]
        about: [["281 bis"]]
        any: ["modifica", "aprobó", "aprovou"]
""")
    assert len(match(rulebook, text, kind="congress")) == found


@pytest.mark.parametrize(("text", "found"), [
    # the time of another step: during it, until its end, as it draws near
    ("El tribunal dispuso resguardo permanente para la trabajadora sexual secuestrada durante "
     "la sustanciación del juicio oral.", 0),
    ("La trabajadora sexual secuestrada manifestó temor por la proximidad del juicio oral.", 0),
    ("A Defensoria seguirá monitorando o caso da trabalhadora sexual sequestrada até o fim do "
     "julgamento.", 0),
    # weeks before its start, drawing near, under way
    ("La Policía retiró la escolta da trabalhadora sexual sequestrada a poucas semanas do "
     "início do julgamento.", 0),
    ("Retiraron la custodia de la trabajadora sexual secuestrada, aunque el juicio oral está "
     "próximo a iniciarse.", 0),
    ("A escolta da trabalhadora sexual sequestrada foi retirada quando o julgamento se "
     "aproxima.", 0),
    ("La trabajadora sexual secuestrada declaró ante el tribunal en el juicio oral en "
     "curso.", 0),
    ("La trabajadora sexual secuestrada, cuyo juicio oral se encuentra en curso, pidió "
     "custodia.", 0),
    # going on with its object: "segue o calendário"
    ("A promotora da trabalhadora sexual sequestrada disse que, até lá, o julgamento segue o "
     "calendário previsto.", 0),
    # the hearings she is taken to
    ("La Policía acompaña a la trabajadora sexual secuestrada en sus traslados a las audiencias "
     "del juicio oral.", 0),
    # the step itself
    ("Se instaló el juicio oral contra el acusado de secuestrar a la trabajadora sexual.", 1),
])
def test_the_time_of_another_step_is_no_step(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual", "trabalhadora sexual"], ["secuestr*", "sequestr*"]]
        any: ["juicio oral", "julgamento"]
""")
    assert len(match(rulebook, text, kind="news")) == found


def test_what_an_event_acts_on_still_counts_during_it(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: curso
        proposes: partial
        events: [capacitacion]
        all: [["curso"], ["identificación de víctimas"]]
        any: ["concluyeron"]
""")
    text = ("Los agentes concluyeron la formación. Durante el curso se estudió el protocolo de "
            "identificación de víctimas.")
    assert match(rulebook, text, kind="police")


def test_an_initials_point_ends_no_clause(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"]]
        any: ["juicio oral"]
""")
    text = ("La audiencia de inicio del juicio oral contra J.M.V. fue suspendida esta mañana en "
            "el caso de la trabajadora sexual.")
    assert match(rulebook, text, kind="news") == []
    held = "Se instaló el juicio oral contra J.M.V. en el caso de la trabajadora sexual."
    assert match(rulebook, held, kind="news")


def test_a_datelines_hearing_put_off_is_no_step(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: detencion
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"], ["cautiva"]]
        any: ["detención preventiva"]
""")
    text = ("COCHABAMBA.- La audiencia de cesación a la detención preventiva del hombre acusado "
            "de mantener cautiva a una trabajadora sexual fue suspendida este lunes.")
    assert match(rulebook, text, kind="news") == []
    ordered = ("COCHABAMBA.- El juez dispuso la detención preventiva del hombre acusado de "
               "mantener cautiva a una trabajadora sexual.")
    assert match(rulebook, ordered, kind="news")


def test_what_a_step_began_as_does_not_block(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: tamizaje
        proposes: partial
        events: [protocolo_activado]
        all: [["triagem de migrantes venezuelanos"]]
        any: ["passou a funcionar"]
        none: ["piloto"]
""")
    text = ("A triagem de migrantes venezuelanos, iniciada como piloto em Pisiga, passou a "
            "funcionar também em Desaguadero.")
    assert match(rulebook, text, kind="news")
    pilot = "A triagem de migrantes venezuelanos passou a funcionar em Pisiga, em caráter piloto."
    assert match(rulebook, pilot, kind="news") == []


def test_a_hearing_put_off_in_the_reflexive_is_no_step(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: juicio
        proposes: partial
        events: [imputacion]
        about: [["violación agravada"]]
        any: ["juicio oral"]
""")
    text = ("El Tribunal informa que el inicio del juicio oral en la causa por violación agravada "
            "se suspendió por tercera vez.")
    assert match(rulebook, text, kind="court") == []
    held = "El Tribunal informa que el juicio oral en la causa por violación agravada se instaló."
    assert match(rulebook, held, kind="court")
    for again in ("volvió a suspenderse este lunes", "tuvo que postergarse"):
        text = (f"La audiencia de juicio oral contra el hombre acusado de violación agravada en "
                f"la zona sur {again}.")
        assert match(rulebook, text, kind="court") == [], again


@pytest.mark.parametrize(("text", "found"), [
    # a recent month right after the step dates it, not the year of the clause before it
    ("La custodia que un juez ordenó para la trabajadora sexual que escapó en 2021 fue retirada "
     "en junio.", 1),
    # the year dates the step itself
    ("La custodia de la trabajadora sexual fue retirada en 2021.", 0),
    ("La custodia que un juez ordenó para la trabajadora sexual que escapó en 2021 fue retirada "
     "en enero.", 0),
    # ... also with the document's own year
    ("La custodia que un juez ordenó para la trabajadora sexual desde septiembre de 2021 fue "
     "retirada en julio de 2022.", 1),
    ("La custodia que un juez ordenó para la trabajadora sexual desde septiembre de 2021 fue "
     "retirada en enero de 2022.", 0),
])
def test_a_recent_month_after_the_step_dates_it(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        all: ["custodia"]
        any: ["retirada"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2022, 8, 3))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a pluperfect dated to a day of the document's own month is this month's news
    ("A votação não aconteceu. O projeto havia sido aprovado na comissão em 15 de julho.", 1),
    ("La votación no se realizó. El proyecto había sido aprobado en comisión el 9 de julio.", 1),
    # ... not one dated earlier, nor one without a day
    ("A votação não aconteceu. O projeto havia sido aprovado na comissão em 15 de março.", 0),
    ("A votação não aconteceu. O projeto havia sido aprovado na comissão.", 0),
])
def test_a_pluperfect_of_this_month_is_news(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: comision
        proposes: in_progress
        events: [comision]
        any: ["aprovado na comissão", "aprobado en comisión"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2024, 7, 25))) == found


@pytest.mark.parametrize(("text", "found"), [
    # after a span of its time, a step is recalled, and its none phrase blocks nothing
    ("Tras las primeras tres semanas del piloto en Pisiga, el tamizaje se aplica también en "
     "Desaguadero.", 1),
    ("Após os seis meses do projeto piloto, a triagem se aplica também em Corumbá.", 1),
    ("El tamizaje se aplica en Desaguadero como piloto.", 0),
])
def test_a_step_after_a_span_of_its_time_is_recalled(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: ampliado
        proposes: partial
        events: [protocolo_activado]
        any: ["se aplica"]
        none: ["piloto"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2024, 7, 29))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a span that runs into the document's year is news
    ("Entre octubre de 2021 y febrero de 2022 se capacitó a 340 servidores públicos.", 1),
    ("El informe indica que entre octubre de 2021 y febrero de 2022 se capacitó a 340 "
     "servidores públicos.", 1),
    # ... one that ended in an earlier year is not
    ("Entre marzo de 2020 y diciembre de 2021 se capacitó a 340 servidores públicos.", 0),
])
def test_a_span_into_the_documents_year_is_news(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: capacitados
        proposes: partial
        events: [capacitacion]
        any: ["se capacitó"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 3, 8))) == found


@pytest.mark.parametrize(("title", "found"), [
    # a review of a period reports every step of it
    ("Retrospectiva 2024: vitórias e dívidas do Estado", 1),
    ("Un año después de la fuga: lo que pasó con el caso", 1),
    # ... so does a review some years on, counted in words or digits, or opening the title
    ("Cuatro años después: qué pasó con las exigencias", 1),
    ("Quatro anos após o relatório TIP, o que a Bolívia fez", 1),
    ("A tres años de la fuga, la ley sigue sin salir", 1),
    ("Resumo de agosto: o que mudou no caso", 1),
    # ... an ordinary story recalls a step months back, as does a sentence that counts years
    ("A polícia e a escolta", 0),
    # ... and so does a week's or a day's round-up
    ("Resumo semanal: escolta, julgamento e lei", 0),
    ("Resumen semanal: custodia, juicio y ley", 0),
    ("Resumo do dia", 0),
    ("Condenan al agresor a cinco años de cárcel", 0),
])
def test_a_review_of_a_period_reports_its_months(tmp_path, title, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        about: [["trabalhadora sexual"]]
        any: ["retirou a escolta"]
""")
    text = "Em agosto a polícia retirou a escolta da trabalhadora sexual."
    assert len(match(rulebook, text, title=title, kind="news",
                     published_on=date(2024, 12, 18))) == found


@pytest.mark.parametrize(("title", "text", "found"), [
    # the year a review's title names is the period it reports, not background
    ("Informe de gestión 2022", "Durante la gestión 2022 se aplicó la ficha de detección.", 1),
    ("Resumen 2025: la trata en la agenda", "En 2025 se aplicó la ficha de detección.", 1),
    # ... and so does a semester's or a quarter's report
    ("Informe del segundo semestre 2022", "En 2022 se aplicó la ficha de detección.", 1),
    ("Relatório semestral 2022", "En 2022 se aplicó la ficha de detección.", 1),
    # ... an earlier year still is, and an ordinary title keeps its own year; a review
    # reaches back one year at most
    ("Informe de gestión 2022", "En 2021 se aplicó la ficha de detección.", 0),
    ("Rendición de cuentas 2021-2022", "En 2021 se aplicó la ficha de detección.", 0),
    ("Migración informa", "En 2022 se aplicó la ficha de detección.", 0),
    # in a review a month named alone right after the step dates it, not an earlier year
    # before it ("que una diputada presentó en 2023 fue archivado en mayo")
    ("Cuatro años después", "La Dirección que se creó en 2021 aplicó la ficha en mayo.", 1),
])
def test_a_review_reports_the_year_its_title_names(tmp_path, title, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: aplicada
        proposes: partial
        events: [protocolo_activado]
        any: ["se aplicó", "aplicó la ficha"]
""")
    published = date(2026, 1, 19) if "2025" in title else date(2023, 8, 19)
    assert len(match(rulebook, text, title=title, kind="ministry",
                     published_on=published)) == found


@pytest.mark.parametrize(("text", "found"), [
    # "en el mes de marzo" dates a step as "en marzo" does
    ("Se investiga por qué el resguardo fue retirado en el mes de marzo.", 0),
    ("O resguardo foi retirado no mês de março.", 0),
    ("El resguardo fue retirado en el mes de julio.", 1),
    # a step in the relative clause of what an act answers is that act's reason
    ("La instrucción responde a la nota de la Defensoría que advirtió el retiro del resguardo.",
     0),
    ("En respuesta al pedido de la Defensoría, el Comando ordenó el retiro del resguardo.", 1),
    # an earlier one named as such, and what an inquiry looks into
    ("La investigación por el retiro anterior del resguardo está en manos de la DIPI.", 0),
    ("Se instruyó además un informe sobre el retiro del resguardo.", 0),
    ("La FELCV dispuso el retiro del resguardo por falta de personal.", 1),
])
def test_a_step_dated_answered_or_called_earlier_is_background(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: retirada
        proposes: setback
        events: [retroceso]
        any: ["retiro del resguardo", "fue retirado", "foi retirado"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2024, 8, 14))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a year in a relative clause after the step dates that clause's verb, not the step
    ("El proyecto de la diputada que se presentó en 2023 fue archivado en julio por la Comisión.",
     1),
    ("El proyecto fue archivado en 2023 por la Comisión.", 0),
])
def test_a_year_in_a_relative_clause_dates_its_own_verb(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        any: ["el proyecto"]
        all: ["archivado"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2025, 8, 25))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a month named alone belongs to the year the story last named
    ("Fue imputado en 2021. En marzo de 2022 lo condenaron; en junio, la Sala Penal anuló la "
     "sentencia.", 0),
    ("En marzo de 2022 lo condenaron. En diciembre la Sala Penal anuló la sentencia.", 0),
    # ... the document's own year is news
    ("En marzo de 2024 lo condenaron; en junio, la Sala Penal anuló la sentencia.", 1),
])
def test_a_month_alone_takes_the_year_the_story_last_named(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: anulada
        proposes: setback
        events: [retroceso]
        any: ["anuló la sentencia"]
""")
    assert len(match(rulebook, text, title="Cinco años después", kind="news",
                     published_on=date(2024, 8, 25))) == found


@pytest.mark.parametrize(("text", "found"), [
    # "no longer" says how things stand now, whatever year the clause's subject names
    ("La Defensoría verificó que la trabajadora sexual que escapó en agosto de 2021 ya no "
     "cuenta con el resguardo policial.", 1),
    ("La Defensoría verificó que la trabajadora sexual que escapó en agosto de 2021 no contaba "
     "con el resguardo policial.", 0),
    # ... and so when the measure is its subject: its own date is the assignment's
    ("La Defensoría constató que el resguardo policial asignado en septiembre de 2021 ya no "
     "cuenta con efectivos.", 1),
])
def test_no_longer_is_now(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: sin-resguardo
        proposes: setback
        events: [retroceso]
        all: ["resguardo policial"]
        any: ["ya no cuenta con", "no contaba con"]
        negation: allow
""")
    assert len(match(rulebook, text, kind="ombudsman", published_on=date(2022, 11, 25))) == found


def test_a_measure_no_longer_there_is_absent_not_in_place(tmp_path):
    text = ("La Defensoría constató que el resguardo policial asignado en septiembre de 2021 ya "
            "no se encontraba presente.")
    in_place = rulebook_from(tmp_path, """\
      - id: asignado
        proposes: fulfilled
        events: [protocolo_activado]
        any: ["resguardo policial asignado"]
""")
    assert match(in_place, text, kind="ombudsman", published_on=date(2022, 11, 25)) == []
    withdrawn = rulebook_from(tmp_path, """\
      - id: retirado
        proposes: setback
        events: [retroceso]
        all: ["resguardo policial"]
        any: ["ya no se encontraba"]
""")
    assert len(match(withdrawn, text, kind="ombudsman", published_on=date(2022, 11, 25))) == 1


@pytest.mark.parametrize(("text", "found"), [
    # a weekday or a bare day the phrase skipped dates it (Saturday 21 August, before the
    # demand was made on the 25th) ...
    ("A polícia de Cochabamba registrou, no sábado (21), a denúncia da trabalhadora sexual.", 0),
    ("A polícia de Cochabamba registrou no dia 21 a denúncia da trabalhadora sexual.", 0),
    # ... and so does one in a short clause before it
    ("No sábado (21), a polícia de Cochabamba registrou a denúncia da trabalhadora sexual.", 0),
    # a day after the demand was made is news
    ("A polícia de Cochabamba registrou, na quarta-feira (25), a denúncia da trabalhadora "
     "sexual.", 1),
])
def test_a_day_inside_or_just_before_the_phrase_dates_it(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: registrada
        proposes: in_progress
        events: [investigacion_abierta]
        any: ["registr* a denúncia"]
""")
    assert len(match(rulebook, text, kind="news", published_on=date(2021, 8, 26))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a quotation opened after a colon is a sentence, and its opening year dates it
    ("El Fiscal General recordó: «En la gestión 2019, antes de la pandemia, capacitamos a "
     "trescientos fiscales en el protocolo».", 0),
    ("El Fiscal General informó: «En la gestión 2022, con apoyo de la cooperación, "
     "capacitamos a trescientos fiscales en el protocolo».", 1),
])
def test_a_quotation_opening_with_an_earlier_year_is_background(tmp_path, text, found):
    header = HEADER.replace("made_on: 2021-08-25", "made_on: 2020-06-25")
    rulebook = rulebook_from(tmp_path, """\
      - id: capacitados
        proposes: partial
        events: [capacitacion]
        all: ["protocolo"]
        any: ["capacitamos"]
""", header=header)
    assert len(match(rulebook, text, kind="court", published_on=date(2022, 7, 30))) == found


@pytest.mark.parametrize(("text", "found"), [
    # early in a year, the year just closed is reported, also in a short clause before it
    ("Migración informa que, durante la gestión 2021, otorgó 14 visas humanitarias.", 1),
    ("Migración informa que durante la gestión 2021 otorgó 14 visas humanitarias.", 1),
    # ... but not a year before that
    ("Migración informa que, durante la gestión 2020, otorgó 14 visas humanitarias.", 0),
])
def test_the_year_just_closed_is_news_in_its_first_months(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: otorgadas
        proposes: partial
        events: [respuesta_oficial]
        all: ["visas humanitarias"]
        any: ["otorgó"]
""")
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 2, 7))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a month months back, named after "durante"
    ("El Ministerio detalla que durante febrero se capacitó a 420 servidores en el protocolo.", 0),
    ("El Ministerio detalla que durante julio se capacitó a 420 servidores en el protocolo.", 1),
])
def test_a_month_months_back_after_durante_dates_the_step(tmp_path, text, found):
    header = HEADER.replace("made_on: 2021-08-25", "made_on: 2019-06-25")
    rulebook = rulebook_from(tmp_path, """\
      - id: capacitados
        proposes: partial
        events: [capacitacion]
        all: ["protocolo"]
        any: ["capacitad*", "se capacitó"]
""", header=header)
    assert len(match(rulebook, text, kind="ministry", published_on=date(2022, 7, 30))) == found


@pytest.mark.parametrize(("text", "found"), [
    # what the news came despite is no news: the plenary passed the bill
    ("Pese al informe desfavorable de la Comisión de Constitución, el pleno aprobó el "
     "proyecto de ley del trabajo sexual.", 0),
    ("Apesar do parecer desfavorável da comissão, o plenário aprovou o projeto de lei do "
     "trabalho sexual.", 0),
    ("A pesar del informe desfavorable de la comisión, el pleno aprobó el proyecto de ley del "
     "trabajo sexual.", 0),
    # ... the report itself still is
    ("La Comisión emitió informe desfavorable sobre el proyecto de ley del trabajo sexual.", 1),
])
def test_what_the_news_came_despite_is_background(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: informe-desfavorable
        proposes: setback
        events: [comision_desfavorable]
        about: [["trabajo sexual", "trabalho sexual"]]
        any: ["informe desfavorable", "parecer desfavorável"]
""")
    assert len(match(rulebook, text, kind="congress")) == found


def test_the_one_of_an_earlier_year_is_background(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajo sexual"]]
        any: ["fue archivada", "foi arquivada"]
""")
    text = ("El Senado aprobó la ley de trabajo sexual. Es la tercera propuesta: la de 2013 no se "
            "trató y la de 2022 fue archivada en comisión.")
    assert match(rulebook, text, kind="news", published_on=date(2026, 3, 12)) == []
    assert match(rulebook, "El Senado archivó la ley de trabajo sexual. La propuesta fue "
                 "archivada en comisión.", kind="news", published_on=date(2026, 3, 12))


def test_mentions_a_day_finds_what_one_search_of_its_patterns_finds():
    # background.mentions_a_day skips its patterns' scans when no digit or weekday name stands
    from monitor.watch import background
    reference = re.compile(rf"{background._NUMBERED_DAY.pattern}"
                           rf"|{background._PAST_WEEKDAY.pattern}")
    rng = random.Random(5)
    pieces = ["el", "este", "o", "no", "na", "nesta", "neste", "pasado", "passado", "ultimo",
              "martes", "sabado", "sexta feira", "segunda", "feira", "domingos", "21", "3",
              "de", "agosto", "en", "marco", "del", "2021", "dia", "x", "_", "una", "mas"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", "", "_"])
                       for _ in range(rng.randint(0, 10)))
        expected = reference.search(text) is not None or \
            background._MONTH_DATED.search(text) is not None
        assert background.mentions_a_day(text) == expected, text


SENTENCED = """\
      - id: condena
        proposes: fulfilled
        events: [sentencia]
        about: [["Cochabamba"]]
        any: ["años de presidio"]
"""


@pytest.mark.parametrize("text, counts", [
    # the year names the case (when it began), not the sentence told of it
    ("El Tribunal de Cochabamba declaró autor al acusado en el caso iniciado en agosto de 2021 "
     "y le impuso la pena de dieciocho años de presidio.", True),
    ("En la causa abierta el 3 de septiembre de 2021, el Tribunal de Cochabamba le impuso "
     "dieciocho años de presidio.", True),
    # a year that dates the act still does
    ("En 2021 el Tribunal de Cochabamba le impuso dieciocho años de presidio.", False),
    ("El Tribunal de Cochabamba, en agosto de 2021, le impuso dieciocho años de presidio.",
     False),
])
def test_a_case_named_by_when_it_began_does_not_date_the_act(tmp_path, text, counts):
    found = match(rulebook_from(tmp_path, SENTENCED), text, kind="court",
                  published_on=date(2025, 4, 10))
    assert [m.rule_id for m in found] == (["bo-demo/condena"] if counts else [])


ARCHIVED_CASE = """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        any: ["archiv*", "otorg*"]
"""


@pytest.mark.parametrize("text", [
    "La única visa a una trabajadora sexual extranjera se otorgó hace más de un año.",
    "La Fiscalía archivó hace casi dos años el caso de la trabajadora sexual.",
])
def test_a_step_more_or_less_than_years_ago_is_background(tmp_path, text):
    assert match(rulebook_from(tmp_path, ARCHIVED_CASE), text, kind="news") == []
    assert match(rulebook_from(tmp_path, ARCHIVED_CASE),
                 text.replace("hace más de un año", "ayer").replace("hace casi dos años", "ayer"),
                 kind="news")
