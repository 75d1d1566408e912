"""Bulletins and gazette issues: a rule holds within one item, read with the opening and the
title (monitor/watch/segments.py, ``matcher.verify``)."""

from __future__ import annotations

import random

import pytest
from watch_helpers import NOW, doc, match, rulebook_from

from monitor.watch import normalize, segments
from monitor.watch.explain import explain_document
from monitor.watch.segments import item_heads, item_spans, item_starts

REPORT = (
    "La Fiscalía Departamental informa los avances de la semana en casos de violencia. "
    "1) Caso Tiquipaya: se logró sentencia condenatoria contra el autor de un feminicidio. "
    "2) Caso zona sur: se presentó la acusación formal contra J. C. M. por privación de "
    "libertad en perjuicio de una trabajadora sexual. "
    "3) Caso Sacaba: se rechazó la denuncia por falta de elementos.")
GAZETTE = (
    "GACETA OFICIAL. Edición N° 1871. DECRETO SUPREMO N° 4978 DE 19 DE JULIO DE 2023.- "
    "Aprueba las Directrices de derechos humanos para la Policía. Se abroga la Resolución "
    "Ministerial N° 187/2022. DECRETO SUPREMO N° 4979.- Modifica el reglamento de importación "
    "de vehículos. RESOLUCIÓN MINISTERIAL N° 12/2023.- Deja sin efecto la convocatoria.")
RULES = """\
      - id: rechazada
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        any: ["rechaz*"]
      - id: acusacion
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"]]
        any: ["acusación formal"]
      - id: directrices-sin-efecto
        proposes: setback
        events: [derogacion]
        about: [["directrices"]]
        any: ["deja sin efecto", "abroga"]
"""


def test_numbered_items_split_after_the_opening():
    starts = item_starts(REPORT)
    assert [REPORT[s:s + 7] for s in starts] == ["1) Caso", "2) Caso", "3) Caso"]
    assert item_spans(REPORT)[-1][1] == len(REPORT)


def test_norm_headings_split_a_gazette_issue_and_win_over_list_marks():
    text = GAZETTE + " 1) primero. 2) segundo."
    assert [text[s:s + 10] for s in item_starts(text)] == \
        ["DECRETO SU", "DECRETO SU", "RESOLUCIÓN"]


def test_title_case_norm_headings_split_only_at_line_starts():
    listing = ("Gaceta Oficial. Edición N° 1712.\nDecreto Supremo N° 4602. Reglamenta la Ley "
               "N° 263.\nResolución Ministerial N° 0876/2021 del Ministerio de Salud. Aprueba el "
               "Protocolo.\n")
    assert [listing[s:s + 10] for s in item_starts(listing)] == ["Decreto Su", "Resolución"]
    cited = ("Mediante Decreto Supremo N° 4602 se reglamentó la ley, y por Resolución "
             "Ministerial N° 0876/2021 se aprobó el protocolo.")
    assert item_starts(cited) == []


@pytest.mark.parametrize("text", [
    "Artículo 1. Objeto. Artículo 2. Alcance. Artículo 3. Vigencia.",  # one norm's articles
    "Se registraron 2) denuncias y luego 5) otras.",  # not numbered from 1
    "1) Solo un punto: activar el protocolo.",  # a single item is no list
    "Cita el DECRETO SUPREMO N° 4978 y nada más.",  # one heading, mid-sentence
    "",
])
def test_texts_that_are_not_lists_of_items(text):
    assert item_starts(text) == []


@pytest.mark.parametrize("text", [
    "CASO 1.- Un hombre fue aprehendido en Vinto. CASO 2.- Se asignó resguardo. "
    "CASO 3.- Se auxilió a una adolescente.",
    "Recomendaciones: a) crear el registro; b) capacitar a la policía; c) informar.",
    "Puntos: 1.- Crear el registro. 2.- Capacitar. 3.- Informar.",
])
def test_list_mark_styles(text):
    assert len(item_starts(text)) == 3


def test_a_rule_does_not_join_words_from_two_items(tmp_path):
    found = match(rulebook_from(tmp_path, RULES), REPORT, kind="court")
    assert [(m.rule_id, m.proposes) for m in found] == [("bo-demo/acusacion", "partial")]
    assert "acusación formal" in found[0].excerpt


def test_the_opening_counts_with_every_item(tmp_path):
    text = ("Informe sobre el caso de la trabajadora sexual de la zona sur. "
            "1) Se presentó la acusación formal. 2) Se fijó audiencia.")
    found = match(rulebook_from(tmp_path, RULES), text, kind="court")
    assert [m.rule_id for m in found] == ["bo-demo/acusacion"]


def test_a_gazette_item_undoing_another_norm_is_not_the_directives(tmp_path):
    text = GAZETTE.replace("Se abroga la Resolución Ministerial N° 187/2022. ", "")
    assert match(rulebook_from(tmp_path, RULES), text, kind="gazette") == []


def test_the_same_words_without_items_still_match(tmp_path):
    # (nor "Caso Sacaba:" headings, which are items too: a review's topics)
    text = REPORT.replace("1) ", "").replace("2) ", "").replace("3) ", "").replace(":", ",")
    found = match(rulebook_from(tmp_path, RULES), text, kind="court")
    assert {m.proposes for m in found} == {"setback"}


def test_explain_says_the_rule_holds_in_no_single_item(tmp_path):
    explained = {e.rule_id: e.outcome for e in explain_document(
        rulebook_from(tmp_path, RULES), doc(REPORT, kind="court"), now=NOW)}
    assert explained["bo-demo/rechazada"] == \
        "no match: the text lists 3 items (a bulletin) and the rule holds in none of them alone"
    assert explained["bo-demo/acusacion"] == "proposes partial"


ACCOUNTS = (
    "RENDICIÓN PÚBLICA DE CUENTAS 2022.\n"
    "1. Seguridad ciudadana. Se rechazó la compra de patrulleros.\n"
    "2. Casos de violencia. 2.1. Caso zona sur: se presentó la acusación formal. "
    "2.2. Caso Sacaba: se fijó audiencia.\n"
    "3. Transparencia. Se atendieron denuncias.")


def test_sub_items_split_an_item_and_keep_its_heading():
    starts = [ACCOUNTS[s:s + 4] for s, _ in item_spans(ACCOUNTS)]
    assert starts == ["1. S", "2.1.", "2.2.", "3. T"]  # "2.1." is no top-level "1."
    heads = item_heads(ACCOUNTS)
    assert ACCOUNTS[slice(*heads[1])] == "2. Casos de violencia. "
    assert heads[1] == heads[2] and heads[0][0] == heads[0][1]


def test_sub_items_without_their_item_are_items(tmp_path):
    # an excerpt that opens inside a section
    excerpt = ("3.1. Registro de casos. Funciona en tres departamentos. 3.2. Otros registros. El "
               "registro de agencias de empleo rechazó a la trabajadora sexual.")
    assert [excerpt[s:s + 4] for s in item_starts(excerpt)] == ["3.1.", "3.2."]
    assert match(rulebook_from(tmp_path, RULES.replace(
        'about: [["trabajadora sexual"]]\n        any: ["rechaz*"]',
        'about: [["registro de casos"]]\n        any: ["rechaz*"]')), excerpt,
        kind="ombudsman") == []
    # sub-marks that do not count 1, 2 are no list
    assert item_starts("Ver el punto 3.2. El informe. Y el punto 3.4. La norma.") == []


def test_a_sub_item_is_read_with_its_heading_not_with_its_siblings(tmp_path):
    rulebook = rulebook_from(tmp_path, RULES)
    text = ACCOUNTS.replace("2. Casos de violencia.", "2. Caso de la trabajadora sexual.")
    found = match(rulebook, text, kind="court")
    # "rechaz*" sits in item 1: no rejection of the case
    assert [(m.rule_id, m.proposes) for m in found] == [("bo-demo/acusacion", "partial")]


def test_the_points_of_a_chambers_minutes_are_items(tmp_path):
    minutes = ("ACTA DE LA SESIÓN. PRIMER PUNTO. Se rechazó la compra de vehículos. SEGUNDO "
               "PUNTO. Caso de la trabajadora sexual: el Senado tomó nota del informe.")
    assert [minutes[s:s + 6] for s, _ in item_spans(minutes)] == ["PRIMER", "SEGUND"]
    # "rechaz*" in the first point is no rejection in the second
    assert match(rulebook_from(tmp_path, RULES), minutes, kind="congress") == []


def test_the_days_of_a_weekly_summary_are_items(tmp_path):
    summary = ("La Comisión informa sus actividades.\nLunes. Se rechazó la solicitud de un "
               "municipio.\nMartes 19: la trabajadora sexual declaró ante la Comisión.")
    assert [summary[s:s + 5] for s, _ in item_spans(summary)] == ["Lunes", "Marte"]
    assert match(rulebook_from(tmp_path, RULES), summary, kind="congress") == []


def test_the_days_of_an_agenda_headed_with_a_dash_are_items(tmp_path):
    agenda = ("Agenda institucional de la semana. Lunes 9 – El Ministro participa en el rechazo "
              "de la solicitud de un municipio. Martes 10 – Reunión con la trabajadora sexual "
              "y su abogada.")
    assert [agenda[s:s + 5] for s, _ in item_spans(agenda)] == ["Lunes", "Marte"]
    assert match(rulebook_from(tmp_path, RULES), agenda, kind="ministry") == []


def test_places_in_capitals_before_a_colon_are_a_summarys_items(tmp_path):
    summary = ("Resumen nacional de novedades. LA PAZ: se rechazó la denuncia de un vecino por "
               "estafa. EL ALTO: rescatados dos adolescentes. SANTA CRUZ: la trabajadora sexual "
               "agredida declaró ante la FELCV.")
    assert [summary[s:s + 6] for s in item_starts(summary)] == ["LA PAZ", "EL ALT", "SANTA "]
    # "rechaz*" in La Paz's item is no rejection of the sex worker's case
    assert match(rulebook_from(tmp_path, RULES), summary, kind="police") == []


@pytest.mark.parametrize("text", [
    # a transcript's speakers come back
    "PERIODISTA: ¿Se rechazó la denuncia? MINISTRO: No. PERIODISTA: ¿Y la trabajadora sexual? "
    "MINISTRO: Declaró ayer.",
    # a norm's parts are no places
    "VISTOS: el expediente. CONSIDERANDO: que la denuncia fue rechazada. POR TANTO: se dispone "
    "el archivo.",
    # two headings are not yet a summary
    "PREGUNTA: ¿Existe el registro? RESPUESTA: Funciona en La Paz desde marzo.",
])
def test_capitals_before_a_colon_that_head_no_items(text):
    assert item_starts(text) == []


def test_a_committees_numbered_reports_are_items(tmp_path):
    reports = ("Informe N° 044/2022 – PL N° 145/2022 de protección a la trabajadora sexual: "
               "informe favorable; se remite al Pleno. Informe N° 045/2022 – PL N° 150/2022 de "
               "juzgados especializados: rechazado por la Comisión.")
    assert [reports[s:s + 9] for s in item_starts(reports)] == ["Informe N"] * 2
    # the rejection is the second bill's
    assert match(rulebook_from(tmp_path, RULES), reports, kind="congress") == []
    # a report cited inside a sentence opens no item
    assert item_starts("La Comisión aprobó el Informe N° 44 y el Informe N° 45.") == []


def test_a_label_before_a_norm_heading_opens_its_item(tmp_path):
    results = ("Sesión plenaria: resultados. Aprobados: PL que declara prioridad nacional un "
               "camino; PL N° 145/2022 de protección a la trabajadora sexual, aprobado por 98 "
               "votos. Rechazado: PL N° 177/2022 que modificaba la Ley 263.")
    assert [results[s:s + 9] for s in item_starts(results)] == ["PL N° 145", "Rechazado"]
    # "Rechazado" heads the next bill's item, not the approved one's
    assert match(rulebook_from(tmp_path, RULES), results, kind="congress") == []


def test_the_places_of_a_weekly_balance_are_items(tmp_path):
    balance = ("La FELCV informa sus actividades de la semana. En Sacaba se rechazó la denuncia "
               "de un vecino. En El Alto, efectivos localizaron a una adolescente. Respecto al "
               "caso de la trabajadora sexual, la víctima declaró ante la Fiscalía.")
    assert [balance[s:s + 8] for s, _ in item_spans(balance)] == \
        ["En Sacab", "En El Al", "Respecto"]
    # "rechaz*" in Sacaba is no rejection of the sex worker's case
    assert match(rulebook_from(tmp_path, RULES), balance, kind="police") == []


ROUNDUP = ("Santa Cruz. La Fiscalía imputó a un hombre y el juez rechazó su liberación. "
           "El Alto. Efectivos aprehendieron a una mujer. Cochabamba. En el caso de la "
           "trabajadora sexual, las organizaciones se reunieron con la fiscal.")
SECTIONS = ("Audiencia. El juez rechazó la apelación en el caso de la trabajadora sexual. "
            "Fundamentos. La Sala constató el defecto. Notificación. Se notificó a las partes.")


def test_portuguese_places_open_items_after_no_and_na(tmp_path):
    roundup = ("No Chapare, bloqueios completaram três semanas. Na Assembleia, a comissão "
               "recebeu o caso da trabalhadora sexual. Em Cochabamba, o tribunal rejeitou a "
               "convocação de eleições.")
    assert [roundup[s:s + 8] for s in item_starts(roundup)] == \
        ["No Chapa", "Na Assem", "Em Cocha"]
    # "rejeitou" in Cochabamba's item is no rejection of the sex worker's case
    rules = RULES.replace('any: ["rechaz*"]', 'any: ["rechaz*", "rejeit*"]', 1)
    assert match(rulebook_from(tmp_path, rules), roundup, kind="news") == []


def test_places_standing_as_headings_are_a_press_roundups_items(tmp_path):
    assert [ROUNDUP[s:s + 8] for s in item_starts(ROUNDUP, press=True)] == \
        ["Santa Cr", "El Alto.", "Cochabam"]
    # "rechazó" in Santa Cruz is no rejection of the sex worker's case
    assert match(rulebook_from(tmp_path, RULES), ROUNDUP, kind="news") == []
    # an official record heads its parts with common nouns: no round-up
    assert item_starts(SECTIONS, press=False) == []
    assert match(rulebook_from(tmp_path, RULES), SECTIONS, kind="court")


@pytest.mark.parametrize("text", [
    # one place, a month, an article: no balance of places
    "En Sacaba se aprehendió al autor. En mayo, la Fiscalía lo imputó.",
    "En la audiencia, el juez habló. En el caso de la trabajadora sexual, nada cambió.",
    "En Bolivia, la ley no existe. En Brasil, tampoco.",
])
def test_sentences_that_do_not_open_places(text):
    assert item_starts(text) == []


TOPICS = ("Cuatro años después, repasamos cada exigencia. La investigación: el Tribunal "
          "de Sentencia condenó al agresor a 22 años. La protección: la mujer vive hoy en otra "
          "ciudad con sus hijos. La ley: el proyecto de la trabajadora sexual fue rechazado en "
          "comisión.")


def test_the_topics_of_a_review_are_items(tmp_path):
    assert [TOPICS[s:s + 6] for s in item_starts(TOPICS)] == ["La inv", "La pro", "La ley"]
    rulebook = rulebook_from(tmp_path, """\
      - id: rechazada
        proposes: setback
        events: [retroceso]
        about: [["agresor"]]
        any: ["rechaz*"]
""")
    # "rechazado" in the law's item is no rejection of the case the first item reports on
    assert match(rulebook, TOPICS, kind="news") == []
    assert match(rulebook, TOPICS.replace(":", ","), kind="news")


@pytest.mark.parametrize("text", [
    # two headings are not a review's topics, nor speakers in capitals, nor a quote's lead
    "La investigación: sigue abierta. La protección: no existe.",
    "PERIODISTA: ¿Y la custodia? VICEMINISTRO: Se gestiona. PERIODISTA: ¿Cuándo? "
    "VICEMINISTRO: Pronto.",
    "La ministra dijo: «sí». El fiscal dijo: «no». La jueza dijo: «veremos».",
])
def test_texts_without_a_reviews_topics(text):
    assert item_starts(text) == []


def test_the_fields_of_a_form_are_no_topics():
    record = ("RESUMEN DE ACTUACIÓN. Causa: Ministerio Público c/ J.C.M. Delitos: privación de "
              "libertad, violación agravada y lesiones graves. Fecha: 15 de septiembre. La "
              "autoridad dispuso la detención preventiva del imputado.")
    assert item_starts(record) == []


DIRECTIVE = ("DIRECTIVA N° 011/2023. Objeto: establecer directrices de actuación policial con "
             "enfoque de derechos humanos en la recepción de denuncias. Alcance: de cumplimiento "
             "obligatorio para todo el personal de la Policía Boliviana. Disposiciones "
             "principales: ningún servidor podrá negarse a recibir una denuncia por la actividad "
             "de la persona. La presente Directiva entra en vigencia a partir de su notificación.")


def test_the_parts_of_an_official_record_are_no_topics():
    # a directive's (or an ombudsman report's) parts are one record, not a review's topics
    assert item_starts(DIRECTIVE) == []
    # the press heads a review's topics with any word
    assert len(item_starts(DIRECTIVE, press=True)) == 3


def test_the_fields_of_a_bills_tracking_page_are_no_topics():
    page = ("Proyectos de Ley › Seguimiento › PL N° 133/2020-2021. Denominación: Proyecto de Ley "
            "de modificación del artículo 281 bis del Código Penal. Proponente: Comisión de "
            "Constitución, a iniciativa del Ministerio de Justicia. Fecha | Acción: 15/06/2021 | "
            "Presentado en Secretaría General. Estado actual: EN COMISIÓN. Resumen: elimina la "
            "exigencia de acreditar violencia cuando la víctima sea niña, niño o adolescente.")
    assert item_starts(page) == []
    ementa = ("Projeto de Lei 133/2021. Ementa: altera o artigo 281 bis do Código Penal. Autoria: "
              "Comissão de Constituição e Justiça. Situação: aguardando parecer do relator. "
              "Tramitação: apresentado em 15/06/2021 e encaminhado à comissão.")
    assert item_starts(ementa) == []


def test_the_turns_of_a_conversation_are_no_topics(tmp_path):
    interview = ("Entrevista. Pergunta: O banco de dados de casos de tráfico já existe? Resposta: "
                 "Existe e está em uso em quatro departamentos. Pergunta: E o governo? Resposta: "
                 "O governo diz muita coisa.")
    assert item_starts(interview) == []


def test_places_headed_with_a_dash_are_an_official_bulletins_items(tmp_path):
    bulletin = ("RESUMEN DE CASOS. Quillacollo.- Tras juicio abreviado, un hombre fue condenado "
                "por abuso. Cercado.- La Fiscalía presentó acusación formal contra J. R. Q. en "
                "perjuicio de una trabajadora sexual. Punata.- Se rechazó una denuncia por "
                "estafa.")
    assert [bulletin[s:s + 8] for s in item_starts(bulletin)] == \
        ["Quillaco", "Cercado.", "Punata.-"]
    # "rechazó" in Punata's item is no rejection of the sex worker's case
    found = match(rulebook_from(tmp_path, RULES), bulletin, kind="court")
    assert [m.rule_id for m in found] == ["bo-demo/acusacion"]
    # one dateline opens a story: no bulletin
    assert item_starts("COCHABAMBA.- La Fiscalía presentó acusación formal.") == []


ROLL = ("Resultados de audiencias cautelares. Juzgado de Instrucción Penal N° 2 de Quillacollo: "
        "robo agravado, se dispuso detención domiciliaria. Juzgado de Instrucción Penal N° 5 "
        "contra la Violencia hacia la Mujer: en la causa de la trabajadora sexual se presentó "
        "acusación formal. Juzgado de Instrucción Penal N° 1 de Sacaba: audiencia suspendida.")


def test_the_courts_of_a_roll_and_a_chambers_bills_are_items():
    assert [ROLL[s:s + 9] for s in item_starts(ROLL)] == ["Juzgado d"] * 3
    bills = ("Proyectos de ley ingresados. PL N° 086/2022-2023 \"De fomento a la quinua\", "
             "remitido a la Comisión. PL N° 088/2022-2023 \"De reconocimiento del trabajo "
             "sexual\", presentado por nueve diputadas.")
    assert [bills[s:s + 9] for s in item_starts(bills)] == ["PL N° 086", "PL N° 088"]


def test_a_none_phrase_blocks_only_its_own_item(tmp_path):
    rules = RULES.replace('any: ["acusación formal"]',
                          'any: ["acusación formal"]\n        none: ["audiencia suspendida"]')
    found = match(rulebook_from(tmp_path, rules), ROLL, kind="court")
    assert [m.rule_id for m in found] == ["bo-demo/acusacion"]
    # in its own item, or in the shared opening, it still blocks the rule
    own = ROLL.replace("se presentó acusación formal.",
                       "se presentó acusación formal, audiencia suspendida.")
    assert match(rulebook_from(tmp_path, rules), own, kind="court") == []
    opening = ROLL.replace("Resultados de audiencias cautelares.",
                           "Resultados: una audiencia suspendida.")
    assert match(rulebook_from(tmp_path, rules), opening, kind="court") == []


def test_a_norms_parts_headed_with_a_dash_are_no_places():
    resolution = ("RESUELVEN: PRIMERO.- Establecer el Programa Permanente de Capacitación. "
                  "SEGUNDO.- Incorporar el módulo a la malla curricular. TERCERO.- El Programa "
                  "rige desde su publicación.")
    assert item_starts(resolution) == []


def test_headings_found_at_sentence_starts_are_what_a_full_scan_finds():
    # ``segments._heads`` tries a heading pattern only where a sentence or line may begin
    rng = random.Random(11)
    pieces = ["En Sacaba", "Em Oruro", "Quillacollo", "Santa Cruz de la Sierra", "LA PAZ",
              "EL ALTO: ", "SANTA CRUZ:", ": ",
              "martes", "Lunes 14 de marzo", "sábado", ". ", "; ", ", ", ":", ".-", " — ",
              "\n", "\t", " ", "se aprehendió al autor", "efectivos", "«Hoy»", "¿Qué?", "No ",
              "Na ", "el caso", "Bolivia", "Perú"]
    patterns = [segments._DAY_HEAD, segments._PLACE_HEAD, segments._PLACE_LINE,
                segments._PLACE_DASH, segments._CAPS_HEAD]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for pattern in patterns:
            assert [m.span() for m in segments._heads(pattern, text)] == \
                [m.span() for m in pattern.finditer(text)], (pattern.pattern[:30], text)


def test_the_day_heading_prefilter_never_spares_a_heading():
    # segments._may_head_a_day spares _DAY_HEAD's scan only when no heading can be there
    rng = random.Random(13)
    pieces = ["Lunes", "martes", "Miércoles", "Quarta-feira", "segunda-feira", "SÁBADO", "14",
              " de marzo", ". ", "; ", ":", ".", "\n", "\t", " ", "el", "La Comisión recibió",
              "x", "-", "Sexta", "–", " – ", "—"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if segments._DAY_HEAD.search(text) is not None:
            assert segments._may_head_a_day(text.lower()), text


def test_every_sub_mark_holds_the_hint_that_spares_its_pattern():
    rng = random.Random(3)
    for _ in range(300):
        first, second = rng.randint(0, 99), rng.randint(0, 99)
        for text in (f"{first}.{second}. Visas humanitarias.", f"x; {first}.{second} «Registro»",
                     f"Intro:\n{first}.{second}\tTamizaje"):
            if segments._SUB_MARK.search(text):
                assert segments.hinted(text) & segments._SUB_HINTED, text
    assert not segments.hinted("Art. 281 bis. 2. Decreto") & segments._SUB_HINTED


def test_sentence_ends_are_the_patterns_own_matches():
    # normalize._sentence_ends tries the pattern only where an end may open
    rng = random.Random(21)
    pieces = [".", "!", "?", "…", "\n", " ", "A", "a", "Á", "«", '"', ")", "-", "•", "1", "\t",
              "¿", "”"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in normalize._sentence_ends(text)] == \
            [m.span() for m in normalize._SENTENCE_END.finditer(text)], text
