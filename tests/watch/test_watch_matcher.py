"""Matching behaviour: inflections, negation, hedging, proximity, fields, windows, weights."""

from __future__ import annotations

from datetime import date

import pytest
from watch_helpers import NOW, doc, match, rulebook_from

from monitor.watch import match_document, render_highlights
from monitor.watch.cues import in_the_subject

PROTOCOL_RULE = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activ*", "protocolo"]
"""


@pytest.fixture
def protocol(tmp_path):
    return rulebook_from(tmp_path, PROTOCOL_RULE)


@pytest.fixture
def protocol_es_pt(tmp_path):
    """The protocol rule with the Portuguese stem too (ativou, ativar)."""
    return rulebook_from(tmp_path, PROTOCOL_RULE.replace('"activ*"', '["activ*", "ativ*"]'))


@pytest.mark.parametrize("text", [
    "La Policía activó el protocolo.",
    "Los agentes activaron el protocolo de inmediato.",
    "Se confirmó la activación del protocolo.",
    "El protocolo fue activado el viernes.",
    "LA POLICÍA ACTIVÓ EL PROTOCOLO",
    "la policia activo el protocolo",
])
def test_wildcard_matches_real_inflections(protocol, text):
    assert len(match(protocol, text)) == 1


def test_wildcard_promulgation_in_spanish_and_portuguese(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: ley
        proposes: fulfilled
        events: [promulgacion]
        all: ["promulg*", ["ley", "lei"]]
""")
    for text in ("El presidente promulgó la ley.", "La ley fue promulgada ayer.",
                 "A promulgação da lei saiu no Diário Oficial."):
        assert len(match(rulebook, text)) == 1, text


def test_words_match_on_boundaries_only(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: trata
        proposes: partial
        events: [capacitacion]
        all: ["trata"]
""")
    assert match(rulebook, "Un nuevo tratamiento médico.") == []
    assert match(rulebook, "Un caso de contrata pública.") == []
    assert len(match(rulebook, "Casos de trata.")) == 1


@pytest.mark.parametrize(("text", "counts"), [
    ("El informe ubica a Bolivia en el nivel 2.", True),
    ("El Art. 281 bis del Código Penal define la trata.", True),  # an abbreviation
    # a phrase of several words never spans two sentences (a list number starts the next)
    ("1. Transferencia para el hospital de tercer nivel. 2. Decreto sobre transporte.", False),
    ("Se capacitó a funcionarios del nivel\n\n2 de la Fuerza.", False),
])
def test_a_phrase_of_several_words_stays_in_one_sentence(tmp_path, text, counts):
    rulebook = rulebook_from(tmp_path, """\
      - id: nivel
        proposes: note
        events: [examen_internacional]
        any: ["nivel 2", "art 281 bis"]
""")
    assert bool(match(rulebook, text)) is counts


ARCHIVED_VERB = """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        any: ["archivó"]
"""


@pytest.mark.parametrize(("text", "counts"), [
    ("La Fiscalía archivó el caso de la trabajadora sexual.", True),
    ("LA FISCALÍA ARCHIVÓ EL CASO DE LA TRABAJADORA SEXUAL.", True),
    # the noun is not the verb: "archivo", "Foto: Archivo"
    ("La trabajadora sexual pidió copia del archivo del caso. Foto: Archivo.", False),
    # a text that writes no "ó" at all cannot tell them apart
    ("La Fiscalia archivo el caso de la trabajadora sexual (texto sin tildes).", True),
])
def test_a_final_o_with_accent_tells_the_verb_from_the_noun(tmp_path, text, counts):
    rulebook = rulebook_from(tmp_path, ARCHIVED_VERB)
    assert bool(match(rulebook, text)) is counts


def test_the_whole_document_says_whether_it_writes_accents(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED_VERB)
    # the title has no "ó" of its own, but the text does: "Archivo" stays a noun
    assert match(rulebook, "La trabajadora sexual declaró ante la Fiscalía.",
                 title="Archivo: el caso de la trabajadora sexual") == []


def test_the_stressed_and_the_plain_phrase_are_two_phrases():
    from monitor.watch.phrases import compile_phrase
    assert compile_phrase("archivó el caso").canonical == "archivó el caso"
    assert compile_phrase("archivo del caso").canonical == "archivo del caso"
    assert compile_phrase("Archivó").stressed and not compile_phrase("archiv*").stressed


# the activation in either language, for the cue tests below
ACTIVATED = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: [["activ*", "ativ*"], "protocolo"]
"""


@pytest.mark.parametrize("text", [
    "La Policía negó haber activado el protocolo.",
    "No se activó el protocolo.",
    "El comando nunca activó el protocolo.",
    "La Policía se negó a activar el protocolo.",
    "El Ministerio desmintió que se haya activado el protocolo.",
    "A polícia não ativou o protocolo.",
])
def test_negated_occurrence_does_not_count(tmp_path, text):
    rulebook = rulebook_from(tmp_path, ACTIVATED)
    assert match(rulebook, text) == []


@pytest.mark.parametrize("text", [
    "La Policía activó el protocolo para la víctima; no hubo heridos.",
    "La Policía activó el protocolo. No hubo heridos.",
    "Sin embargo, la Policía activó el protocolo.",
    "No obstante las críticas, la Policía activó el protocolo.",
    "No hubo heridos y la Policía activó el protocolo.",
])
def test_negation_elsewhere_does_not_block(protocol, text):
    assert len(match(protocol, text)) == 1


def test_a_non_negated_occurrence_elsewhere_still_counts(protocol):
    text = "Al principio no se activó el protocolo. Horas después, la Policía activó el protocolo."
    found = match(protocol, text)
    assert len(found) == 1
    assert "Horas después" in found[0].excerpt


def test_negation_allow_opts_out(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        negation: allow\n")
    assert len(match(rulebook, "No se activó el protocolo.")) == 1


@pytest.mark.parametrize("text", [
    "La Policía activará el protocolo mañana.",
    "Se prevé activar el protocolo la próxima semana.",
    "El ministro anunció que se activará el protocolo.",
    "La Policía podría activar el protocolo.",
    "El Gobierno planea activar el protocolo.",
    "A polícia vai ativar o protocolo.",
    "A polícia pretende ativar o protocolo.",
    "Deputadas prometem ativar o protocolo até o fim do ano.",
    "La custodia regirá mientras dure la activación del protocolo.",
    "«Vamos ativar o protocolo quando houver consenso», disse.",
    "O delegado disse que, se houver ameaça, a polícia ativa o protocolo.",
    "Em caso de nova denúncia a polícia ativa o protocolo.",
    # a condition right before the phrase, mid-sentence
    "El protocolo será obligatorio si se activa el protocolo de la Policía.",
    "Habrá custodia siempre que la Policía active el protocolo.",
    # a thing called future is not there yet
    "El decreto aprueba un plan que incluye la futura activación del protocolo.",
    "O decreto aprova o plano, com as futuras ativações do protocolo.",
    "Los jefes policiales hablaron sobre eventual activación del protocolo.",
    # a participle after a future or conditional "to be"
    "El protocolo, una vez aprobado, será activado en las nueve ciudades.",
    "O protocolo seria ativado se houvesse denúncia formal.",
    # an expectation the day let down
    "Se esperaba la activación del protocolo el martes, pero la reunión se suspendió.",
    "Estava prevista a ativação do protocolo, mas a reunião foi adiada.",
])
def test_hedged_occurrence_does_not_count(tmp_path, text):
    rulebook = rulebook_from(tmp_path, ACTIVATED)
    assert match(rulebook, text) == []


def test_what_a_question_is_about_may_be_told_by_its_answer(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: registro
        proposes: partial
        events: [registro_creado]
        all: ["base de datos"]
        any: ["funciona", "funcionam"]
""")
    answered = "—¿Bolivia tiene una base de datos de casos de trata? —Sí: funciona en La Paz."
    assert len(match(rulebook, answered)) == 1
    # the event asked about is no report
    assert match(rulebook, "—¿Ya funciona la base de datos? —No lo sabemos todavía.") == []
    # nor is a question a rule's `all` phrases ask about themselves (no `any`)
    without_any = rulebook_from(tmp_path, """\
      - id: registro
        proposes: partial
        events: [registro_creado]
        all: ["base de datos", "funciona"]
""")
    assert match(without_any, "—¿Ya funciona la base de datos? —No lo sabemos todavía.") == []


def test_the_future_as_a_noun_is_no_hedge(tmp_path):
    rulebook = rulebook_from(tmp_path, ACTIVATED)
    assert len(match(rulebook, "Para evitar casos en el futuro la Policía activó el "
                               "protocolo.")) == 1


@pytest.mark.parametrize(("text", "found"), [
    ("¿La Policía ya activó el protocolo? —Todavía no lo sabemos.", 0),
    ("E a polícia, ativou o protocolo?", 0),
    ("—¿Activaron el protocolo? —Sí. La Policía activó el protocolo el sábado.", 1),
    ("La Policía activó el protocolo. ¿Llegó a tiempo?", 1),
])
def test_a_question_asks_and_does_not_report(protocol, text, found):
    assert len(match(protocol, text)) == found


def test_a_request_reaches_its_far_object_but_not_its_own_verb(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: medidas
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["aplicación de medidas de protección"]
      - id: pedidas
        proposes: in_progress
        events: [fallo_judicial]
        all: ["requiri* medidas de protección"]
""")
    far = ("El Ministerio Público requirió al Juez de Instrucción de la Capital la detención "
           "preventiva del imputado y la aplicación de medidas de protección a favor de la "
           "víctima.")
    assert match(rulebook, far) == []
    assert [m.rule_id for m in match(rulebook, "El fiscal requirió medidas de protección.")] \
        == ["bo-demo/pedidas"]
    granted = ("La fiscal requirió medidas y el juez dispuso la aplicación de medidas de "
               "protección.")
    assert [m.rule_id for m in match(rulebook, granted)] == ["bo-demo/medidas"]
    # the first person asks too, over the items it lists
    asked = ("«Queremos que se investigue, un juicio justo y la aplicación de medidas de "
             "protección para ella», dijo la dirigente.")
    assert match(rulebook, asked) == []
    motion = ("La Fiscalía presentó un requerimiento para que se restablezca la custodia, "
              "incluida la aplicación de medidas de protección a favor de la víctima.")
    assert match(rulebook, motion) == []


@pytest.mark.parametrize(("text", "found"), [
    # a short parenthetical after the verb does not end its clause
    ("La Policía no activó, pese a la orden del fiscal, el protocolo.", 0),
    ("La Policía prevé activar, en los próximos días, el protocolo.", 0),
    ("A deputada pretende ativar, «se houver consenso», o protocolo.", 0),
    # ... up to fourteen words
    ("La Policía no activó, pese a la orden expresa del fiscal de turno de la Fiscalía "
     "Departamental, el protocolo.", 0),
    # an opening adverbial is no verb: nothing crosses it
    ("Sem alarde, nesta terça, a polícia ativou o protocolo.", 1),
    ("Sin demora, tras la denuncia, la Policía activó el protocolo.", 1),
])
def test_a_parenthetical_does_not_hide_the_cue_of_its_clause(protocol_es_pt, text, found):
    assert len(match(protocol_es_pt, text)) == found


def test_fears_and_subjunctives_are_no_facts_but_an_order_still_is(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        any: ["archivado", "arquivado", "liberado"]
""")
    assert match(rulebook, "Las compañeras temen que el caso sea archivado.") == []
    assert match(rulebook, "Elas temem que o caso seja arquivado.") == []
    assert match(rulebook, "Aunque el caso fuese archivado, seguirán reclamando.") == []
    # an order governs its subjunctive: for a setback the order is the act
    assert match(rulebook, "El juez dispuso que el acusado sea liberado.")
    assert match(rulebook, "El caso fue archivado.")


def test_a_concession_is_no_condition(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE)
    assert match(rulebook, "Si la víctima lo pide, la Policía activa el protocolo.") == []
    assert len(match(rulebook, "Si bien tardó, la Policía activó el protocolo.")) == 1


def test_hedging_allow_opts_out(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        hedging: allow\n")
    assert len(match(rulebook, "La Policía activará el protocolo.")) == 1


def test_a_bill_is_not_hedging_but_none_can_exclude_it(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: presentado
        proposes: in_progress
        events: [proyecto_presentado]
        all: ["proyecto de ley", "trabajo sexual"]
      - id: promulgada
        proposes: fulfilled
        events: [promulgacion]
        all: ["ley", "trabajo sexual"]
        none: ["proyecto de ley"]
""")
    found = match(rulebook, "Se presentó el proyecto de ley de trabajo sexual.", kind="congress")
    assert [m.rule_id for m in found] == ["bo-demo/presentado"]


DATABASE_CREATED = """\
      - id: base
        proposes: fulfilled
        events: [registro_creado]
        all: ["base de datos"]
"""


def test_multiword_phrase_ignores_punctuation_and_spacing(tmp_path):
    rulebook = rulebook_from(tmp_path, DATABASE_CREATED)
    assert len(match(rulebook, "Se creó la base\n   de  datos nacional.")) == 1
    assert len(match(rulebook, "Se creó la BASE DE DATOS.")) == 1
    assert match(rulebook, "Se creó la base de los datos.") == []


def test_a_phrase_never_runs_from_the_title_into_the_text(tmp_path):
    rulebook = rulebook_from(tmp_path, DATABASE_CREATED)
    assert match(rulebook, "datos de la Policía.", title="Informe sobre la base") == []
    assert len(match(rulebook, "Se creó la base de datos.", title="")) == 1
    assert len(match(rulebook, "", title="Se creó la base de datos")) == 1
    # a stray control character of the same kind in scraped text changes nothing
    assert len(match(rulebook, "Se creó la base de\x1f datos.", title="Aviso\x1f")) == 1


def test_near_requires_terms_within_the_window(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: base
        proposes: fulfilled
        events: [registro_creado]
        near:
          words: 8
          terms: ["base de datos", ["trata", "tráfico"]]
""")
    assert len(match(rulebook, "Una base de datos de casos de trata.")) == 1
    far = "La base de datos de vehículos, dijo el director en una larga conferencia sobre trata."
    assert match(rulebook, far) == []


def test_same_sentence(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        same_sentence: true\n")
    assert len(match(rulebook, "La Policía activó el protocolo.")) == 1
    assert match(rulebook, "La Policía activó a sus agentes. El protocolo existe.") == []


def test_same_sentence_holds_the_near_terms_too(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: aprobado
        proposes: in_progress
        events: [aprobacion_camara]
        all: [["trabajo sexual", "trabajadoras sexuales"]]
        near:
          words: 6
          terms: [["aprobó"], ["Senado"]]
        same_sentence: true
""")
    assert match(rulebook, "El Senado aprobó el proyecto de ley de trabajo sexual.")
    other = ("El Senado aprobó la reforma de la Ley 348. Las trabajadoras sexuales valoraron el "
             "cambio.")
    assert match(rulebook, other) == []


def test_fields_scope(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        fields: [title]\n")
    assert match(rulebook, "La Policía activó el protocolo.", title="Comunicado") == []
    found = match(rulebook, "Sin novedades.", title="Policía activó el protocolo")
    assert len(found) == 1 and found[0].field == "title"


def test_item_list_inside_all_means_any_of_them(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: medidas
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["otorg*", ["medidas de protección", "custodia"]]
""")
    assert len(match(rulebook, "Se otorgó custodia policial.")) == 1
    assert len(match(rulebook, "Se otorgaron medidas de protección.")) == 1
    assert match(rulebook, "Se otorgó un premio.") == []


def test_any_and_none(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + """\
        any: ["víctima", "trabajadora sexual"]
        none: ["simulacro"]
""")
    assert len(match(rulebook, "Se activó el protocolo para la víctima.")) == 1
    assert match(rulebook, "Se activó el protocolo.") == []
    assert match(rulebook, "Se activó el protocolo para la víctima en un simulacro.") == []


def test_source_kinds_sources_and_countries(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        source_kinds: [police]\n")
    text = "La Policía activó el protocolo."
    assert len(match(rulebook, text, kind="police")) == 1
    assert match(rulebook, text, kind="ombudsman") == []
    assert match(rulebook, text, kind="police", country="PE") == []


def test_since_days_and_made_on_window(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE + "        since_days: 30\n")
    text = "La Policía activó el protocolo."
    assert len(match(rulebook, text, published_on=date(2022, 5, 15))) == 1
    assert match(rulebook, text, published_on=date(2022, 4, 1)) == []
    open_window = rulebook_from(tmp_path, PROTOCOL_RULE)
    assert match(open_window, text, published_on=date(2021, 8, 1)) == []  # before made_on
    assert len(match(open_window, text, published_on=None)) == 1


def test_fulfilled_from_news_becomes_a_corroborating_note(protocol):
    official = match(protocol, "La Policía activó el protocolo.", kind="police")
    assert official[0].proposes == "fulfilled" and official[0].corroborates is None
    news = match(protocol, "La Policía activó el protocolo.", kind="news")
    assert news[0].proposes is None and news[0].corroborates == "fulfilled"
    assert news[0].events == ("nota_prensa",)


def test_note_rules_propose_nothing(tmp_path):
    rulebook = rulebook_from(tmp_path, PROTOCOL_RULE.replace("fulfilled", "note"))
    found = match(rulebook, "La Policía activó el protocolo.")
    assert found[0].proposes is None and found[0].events == ("protocolo_activado",)


def test_excerpt_and_highlights_point_at_the_matched_words(protocol):
    text = ("Primera oración sin nada. " * 20 + "Según el parte, la Policía activó el protocolo "
            "para la compañera. " + "Otra oración larga de relleno. " * 20)
    found = match(protocol, text)[0]
    assert len(found.excerpt) <= 302 and "activó el protocolo" in found.excerpt
    assert [found.excerpt[s:e] for s, e in found.highlights] == ["activó", "protocolo"]
    assert render_highlights(found.excerpt, found.highlights, style="plain").count("«") == 2
    assert "[bold reverse]activó[/bold reverse]" in render_highlights(found.excerpt,
                                                                       found.highlights)
    assert found.matched_terms == ("activ*", "protocolo")


def test_rich_rendering_escapes_markup_in_the_document(protocol):
    found = match(protocol, "[red]La Policía[/red] activó el protocolo.")[0]
    rendered = render_highlights(found.excerpt, found.highlights)
    assert "\\[red]" in rendered


def test_document_with_nothing_relevant_yields_nothing(protocol):
    assert match_document(protocol, doc(""), now=NOW) == []
    assert match(protocol, "Sin relación alguna. ¡Nada! ¿Qué? 🙂 ß İstanbul") == []


@pytest.mark.parametrize(("text", "found"), [
    # a request announced or under way, a motion, a purpose: none is the act
    ("El presidente de la comisión pedirá a la asesoría que active el protocolo.", 0),
    ("Las organizaciones marcharon exigiendo que la Policía active el protocolo.", 0),
    ("La defensa presentó un incidente de activación del protocolo.", 0),
    ("La Defensoría envió una nota para que la Policía informe si activó el protocolo.", 0),
    ("El plan destina recursos a la activación del protocolo.", 0),
    # a granted request is no request
    ("El juez aceptó la solicitud de activación del protocolo.", 1),
    # a request reaches over the items it lists, past commas, until a done verb
    ("La red difundió una nota exigiendo que el Estado garantice protección a la compañera, "
     "lleve al agresor a juicio, active el protocolo y apruebe directrices.", 0),
    ("Las organizaciones pidieron justicia, y la Policía activó el protocolo el sábado.", 1),
    ("La red difundió una nota. La Policía, el sábado, activó el protocolo.", 1),
    # an order reaches past a short insertion after its "que"
    ("El Viceministerio instruyó a la Policía que, a través de su Dirección, active el "
     "protocolo.", 0),
    ("El Viceministerio informó que, a través de su Dirección, la Policía activó el "
     "protocolo.", 1),
])
def test_requests_motions_purposes_and_orders_past_an_insertion(protocol, text, found):
    assert len(match(protocol, text)) == found


def test_an_event_in_an_aims_object_is_no_act_but_its_topic_still_is(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: vetada
        proposes: setback
        events: [veto]
        all: [["trabajo sexual", "trabalho sexual"]]
        any: ["con observaciones", "com observações"]
""")
    aim = ("El presidente tiene diez días para promulgar o devolver la ley de trabajo sexual "
           "con observaciones.")
    assert match(rulebook, aim) == []
    assert match(rulebook, "El presidente devolvió la ley de trabajo sexual con observaciones.")
    # Portuguese attaches the pronoun with a hyphen: "para sancioná-lo ou devolvê-lo"
    aim = ("O projeto do trabalho sexual segue ao Executivo, que tem dez dias para sancioná-lo "
           "ou devolvê-lo com observações.")
    assert match(rulebook, aim) == []
    assert match(rulebook, "O Executivo devolveu o projeto do trabalho sexual com observações.")
    # a topic word in an aim's object still names the topic
    topic = ("Migración suspendió las entrevistas para detectar el trabajo sexual forzado; "
             "el decreto fue devuelto con observaciones.")
    assert match(rulebook, topic)


@pytest.mark.parametrize(("text", "found"), [
    # a second infinitive joined by "y a" shares the denied verb of the first
    ("La Policía se negó a recibir la denuncia y a activar el protocolo.", 0),
    ("A polícia recusou-se a registrar a queixa e a ativar o protocolo.", 0),
    # a clause joined by "y" with its own verb does not
    ("La Policía se negó a declarar y el fiscal activó el protocolo.", 1),
    # the pluperfect refuses too: "a polícia se recusara a receber a queixa"
    ("Na semana passada, a polícia se recusara a ativar o protocolo.", 0),
    # ... across a date between the verb and the first infinitive, whose "y" joins no clause
    ("La Policía se negó los días 20 y 21 de agosto de 2021 a recibir la denuncia y a activar "
     "el protocolo.", 0),
    ("La Policía activó los días 20 y 21 de agosto el protocolo.", 1),
])
def test_a_joined_infinitive_shares_its_governing_verb(protocol_es_pt, text, found):
    assert len(match(protocol_es_pt, text)) == found


def test_a_phrase_opening_with_the_joined_infinitive_shares_its_verb(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: proteccion
        proposes: fulfilled
        events: [protocolo_activado]
        any: ["brind* protección", "activ* el protocolo"]
""")
    for text in ("La Policía se negó a recibir la denuncia y a brindarle protección.",
                 "La Policía se negó a recibir la denuncia y a activar el protocolo."):
        assert match(rulebook, text) == [], text
    assert match(rulebook, "La Policía recibió la denuncia y le brindó protección.")


def test_a_stressed_preterite_needs_its_accent_unless_the_text_writes_none(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: publicada
        proposes: in_progress
        events: [anuncio]
        all: ["publicó", "protocolo"]
""")
    assert match(rulebook, "O Ministério Público expediu recomendação sobre o protocolo.") == []
    assert match(rulebook, "El Ministerio publicó el protocolo.")
    # a site that strips every accent cannot tell the verb from the noun
    assert match(rulebook, "EL MINISTERIO PUBLICO EL PROTOCOLO")


@pytest.mark.parametrize(("text", "found"), [
    # the phrase heads a long subject; the sentence's first passive undoes it
    ("La activación del protocolo de la FELCV, prevista para el lunes en la Estación Policial "
     "Integral N° 6 de la zona sur, fue suspendida.", 0),
    # a first passive that is no undoing decides too
    ("La activación del protocolo de la FELCV, en la Estación Policial Integral N° 6, fue "
     "confirmada; la audiencia fue suspendida.", 1),
    # the phrase inside the subject's noun phrase, also in a "que" clause
    ("La audiencia de revisión del protocolo de la FELCV, en la Estación Policial Integral "
     "N° 6, fue suspendida; se activó.", 0),
    ("El Ministerio informa que la audiencia de revisión del protocolo activado en la "
     "Estación Policial Integral N° 6 fue suspendida.", 0),
    # a verb before it: the phrase is no longer in the subject
    ("La Policía de Cochabamba activó el protocolo de la FELCV y la reunión fue suspendida.", 1),
])
def test_a_long_subject_is_undone_by_its_sentences_first_passive(protocol, text, found):
    assert len(match(protocol, text)) == found


@pytest.mark.parametrize(("before", "inside"), [
    ("la", True), ("o inicio do", True), ("la audiencia de reinstalacion del", True),
    ("el ministerio informa que la audiencia del", True),
    # a verb before the phrase, or a relative clause of the subject that holds it
    ("la policia archivo el caso del", False), ("los policias que", False),
])
def test_a_phrase_in_the_subject(before, inside):
    assert in_the_subject(before.split()) is inside


def test_a_word_broken_at_a_lines_end_is_read_whole(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: directrices
        proposes: fulfilled
        events: [directriz_emitida]
        all: ["derechos humanos", "Fuerzas Armadas"]
        any: ["aprueba"]
""")
    text = ("El Decreto aprueba las Directrices de respeto a los derechos huma-\nnos para la "
            "Policía y las Fuer- zas Armadas, de cumplimiento obligatorio.")
    (found,) = match(rulebook, text, kind="gazette")
    marked = [found.excerpt[s:e] for s, e in found.highlights]
    assert marked == ["aprueba", "derechos huma-\nnos".replace("\n", " "), "Fuer- zas Armadas"]
    # a hyphen inside a word, or one with capitals after it, breaks nothing
    assert match(rulebook, "El Decreto aprueba los derechos huma-nos de las Fuerzas Armadas.",
                 kind="gazette") == []
    assert match(rulebook, "El Decreto aprueba los derechos huma- Nos de las Fuerzas Armadas.",
                 kind="gazette") == []


def test_broken_words_keep_the_offsets_of_what_follows():
    from monitor.watch.normalize import fold_text
    from monitor.watch.phrases import CompactText, join_broken_words, squeeze
    text = " los derechos huma-\n  nos y las Fuer- zas  Armadas "
    joined = join_broken_words(text, fold_text(text))
    compact = squeeze(joined)
    assert compact == " los derechos humanos y las fuerzas armadas "
    mapping = CompactText(joined[1:-1], compact)  # offsets into the text without its pad
    for word, at in (("derechos", " derechos"), ("humanos", "huma-"), ("fuerzas", "Fuer-"),
                     ("armadas", "Armadas"), ("las", " las")):
        assert mapping.original(compact.index(word)) + 1 == text.index(at.strip()), word
