"""How a norm's text is read: its preamble recites earlier steps, its closing formula repeals
"whatever is contrary", and an agenda lists what is still to be dealt with
(monitor/watch/background.py ``in_preamble``, cues.py ``is_boilerplate_repeal``,
``on_the_agenda``)."""

from __future__ import annotations

import pytest
from watch_helpers import match, rulebook_from

from monitor.watch.background import in_preamble

RULES = """\
      - id: dictamen
        proposes: in_progress
        events: [comision]
        about: [["Ordenanza N° 412"]]
        any: ["dictamen", "proyecto de ordenanza"]
      - id: derogada
        proposes: fulfilled
        events: [derogacion]
        about: [["Ordenanza N° 412"]]
        any: ["derog*"]
      - id: ips-suspendido
        proposes: setback
        events: [retroceso]
        about: [["trabajo sexual"]]
        any: ["derog*", "revog*", "quedan sin efecto", "dej* sin efecto"]
"""
PREAMBLE = ("EL CONCEJO MUNICIPAL; VISTO: el Dictamen N° 2 y el proyecto de ordenanza que "
            "propone la derogación de la Ordenanza N° 412; CONSIDERANDO: Que el proyecto fue "
            "debatido; ACORDÓ: ")


def test_the_preamble_ends_at_the_operative_words():
    text = PREAMBLE + "ARTÍCULO PRIMERO.- Aprobar el dictamen."
    assert in_preamble(text, text.index("Dictamen N°"))
    assert in_preamble(text, text.index("debatido"))
    assert not in_preamble(text, text.index("Aprobar el dictamen"))
    assert not in_preamble("Se aprobó el dictamen de la comisión.", 10)


def test_a_step_recited_in_the_preamble_is_no_progress(tmp_path):
    text = PREAMBLE + "ARTÍCULO PRIMERO.- DESESTIMAR el pedido y archivar."
    assert match(rulebook_from(tmp_path, RULES), text, kind="gazette") == []


def test_the_operative_part_still_counts_and_the_preamble_names_the_topic(tmp_path):
    text = PREAMBLE + "ARTÍCULO PRIMERO.- DERÓGUESE la Ordenanza N° 412."
    found = match(rulebook_from(tmp_path, RULES), text, kind="gazette")
    assert [m.rule_id for m in found] == ["bo-demo/derogada"]


@pytest.mark.parametrize("closing", [
    "Art. 4°.- Deróganse todas las disposiciones contrarias a la presente resolución.",
    "Art. 4º Revogam-se as disposições em contrário.",
    "Quedan derogadas las normas que se opongan a la presente.",
    "Los requisitos contrarios a esta resolución quedan sin efecto de pleno derecho.",
    "Deja sin efecto las disposiciones contrarias.",
])
def test_the_formula_repealing_whatever_is_contrary_is_no_repeal(tmp_path, closing):
    text = ("RESUELVE: Art. 1°.- Incorporar a las personas que ejercen el trabajo sexual "
            "autónomo al régimen de trabajadores independientes. " + closing)
    assert match(rulebook_from(tmp_path, RULES), text, kind="gazette") == []


FILED = """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        any: ["archiv*", "arquiv*"]
"""


@pytest.mark.parametrize("closing", [
    "Regístrese, comuníquese y archívese.",
    "Regístrese, comuníquese, cúmplase y archívese.",
    "Publique-se. Intime-se. Arquive-se.",
])
def test_the_closing_formula_archives_no_case(tmp_path, closing):
    text = ("RESUELVE: PRIMERO.- Instruir un informe sobre la atención a la trabajadora sexual "
            "de Cochabamba. " + closing)
    assert match(rulebook_from(tmp_path, FILED), text, kind="ministry") == []
    archived = "RESUELVE: PRIMERO.- Archivar el caso de la trabajadora sexual. " + closing
    assert [m.proposes for m in match(rulebook_from(tmp_path, FILED), archived,
                                      kind="court")] == ["setback"]


def test_a_real_repeal_still_counts(tmp_path):
    text = "Art. 1°.- Derógase la resolución que incorporó el trabajo sexual autónomo al régimen."
    found = match(rulebook_from(tmp_path, RULES), text, kind="gazette")
    assert [m.proposes for m in found] == ["setback"]


NORM_RULES = """\
      - id: protocolo-dictado
        proposes: fulfilled
        events: [directriz_emitida]
        about: [["trabajo sexual", "trabalho sexual"]]
        all: ["protocolo"]
        any: ["se dictó", "se aprobó", "foi instituído", "aprobado"]
      - id: protocolo-suspendido
        proposes: setback
        events: [retroceso]
        about: [["trabajo sexual", "trabalho sexual"]]
        near:
          words: 30
          terms: [["protocolo"], ["suspend*", "derog*", "revog*"]]
"""


@pytest.mark.parametrize("text", [
    "Artículo 1. Se suspende la aplicación de la Resolución N° 142 de fecha 10 de septiembre "
    "de 2024, mediante la cual se dictó el Protocolo de Actuación Policial ante Personas que "
    "Ejercen el Trabajo Sexual.",
    "Art. 1º Revoga-se a Portaria nº 12, pela qual foi instituído o protocolo de atendimento "
    "ao trabalho sexual.",
    "Artículo 2. Derógase el Decreto N° 88, por el cual se aprobó el protocolo sobre trabajo "
    "sexual.",
])
def test_the_act_a_suspended_norm_was_made_by_is_no_new_act(tmp_path, text):
    found = match(rulebook_from(tmp_path, NORM_RULES), text, kind="gazette")
    assert [m.proposes for m in found] == ["setback"]
    # on its own, with no setback rule to prefer, the recited act still proposes nothing
    alone = NORM_RULES[:NORM_RULES.index("      - id: protocolo-suspendido")]
    assert match(rulebook_from(tmp_path, alone), text, kind="gazette") == []


def test_a_norm_made_by_a_resolution_still_counts(tmp_path):
    text = ("Artículo 1. Apruébase la Resolución N° 142, mediante la cual se dictó el Protocolo "
            "de Actuación Policial ante Personas que Ejercen el Trabajo Sexual.")
    found = match(rulebook_from(tmp_path, NORM_RULES), text, kind="gazette")
    assert [m.proposes for m in found] == ["fulfilled"]


@pytest.mark.parametrize("text", [
    "Quedaron pendientes de tratamiento los puntos del orden del día: el dictamen sobre la "
    "Ordenanza N° 412 y el presupuesto.",
    "La sesión, cuya agenda incluía el dictamen sobre la Ordenanza N° 412, se suspendió.",
])
def test_what_an_agenda_lists_is_still_to_be_dealt_with(tmp_path, text):
    assert match(rulebook_from(tmp_path, RULES), text, kind="congress") == []


@pytest.mark.parametrize(("text", "found"), [
    # a police force's numbered "Orden del Día" is where its orders are published
    ("La directiva de derechos humanos, publicada en la Orden del Día N° 123, prohíbe "
     "rechazar denuncias.", 1),
    ("A diretiva de direitos humanos, publicada na Ordem do Dia nº 45, proíbe recusar "
     "denúncias.", 1),
    # ... an agenda lists what is still to be dealt with
    ("Quedaron en el orden del día la directiva de derechos humanos que prohíbe rechazar "
     "denuncias.", 0),
])
def test_a_numbered_orden_del_dia_publishes_orders(tmp_path, text, found):
    rulebook = rulebook_from(tmp_path, """\
      - id: directiva
        proposes: fulfilled
        events: [directriz_emitida]
        all: [["directiva", "diretiva"], ["derechos humanos", "direitos humanos"]]
        any: ["prohíbe", "proíbe"]
""")
    assert len(match(rulebook, text, kind="police")) == found


PUBLISHED = """\
      - id: publicada
        proposes: fulfilled
        events: [publicacion_oficial]
        about: [["visas humanitarias"]]
        any: ["aprueba el procedimiento"]
        none: ["piloto", "derog*"]
"""


@pytest.mark.parametrize("text", [
    # the closing formula repeals nothing in particular
    "RESOLUCIÓN N° 12. Artículo 1.- Se aprueba el procedimiento de visas humanitarias. "
    "Artículo 2.- Quedan derogadas las disposiciones contrarias a la presente.",
    # a norm's motives recite the pilot it rests on
    "VISTO Y CONSIDERANDO: Que el plan piloto de visas humanitarias arrojó buenos resultados. "
    "RESUELVE: Artículo 1.- Se aprueba el procedimiento de visas humanitarias.",
])
def test_a_none_phrase_in_a_norms_formula_or_motives_does_not_block(tmp_path, text):
    rulebook = rulebook_from(tmp_path, PUBLISHED)
    assert [m.proposes for m in match(rulebook, text, kind="gazette")] == ["fulfilled"]


def test_a_none_phrase_in_the_operative_part_still_blocks(tmp_path):
    rulebook = rulebook_from(tmp_path, PUBLISHED)
    text = ("RESUELVE: Artículo 1.- Se aprueba el procedimiento de visas humanitarias como "
            "plan piloto en Pisiga.")
    assert match(rulebook, text, kind="gazette") == []


REGISTRY = """\
      - id: registro-aprobado
        proposes: fulfilled
        events: [registro_creado]
        about: [["Sistema Plurinacional de Registro"]]
        any: ["aprob*", "crea*"]
"""
RECITED_REGISTRY = (
    "CONSIDERANDO: Que por Resolución Ministerial N° 061/2022 se aprobó el Sistema "
    "Plurinacional de Registro de Casos de Trata. EN CONSEJO DE MINISTROS, DECRETA: "
    "ARTÍCULO ÚNICO.- Se modifica el Artículo 9 del Decreto Supremo N° 1486.")


def test_an_act_the_preamble_recites_is_an_earlier_norms_for_every_status(tmp_path):
    rulebook = rulebook_from(tmp_path, REGISTRY)
    assert match(rulebook, RECITED_REGISTRY, kind="gazette") == []
    # the norm's own act, in its operative part, counts; the preamble names the topic
    own = RECITED_REGISTRY.replace("Se modifica el Artículo 9 del Decreto Supremo N° 1486",
                                   "Se aprueba el Reglamento del Sistema")
    assert [m.proposes for m in match(rulebook, own, kind="gazette")] == ["fulfilled"]


def test_a_bulletins_heading_on_visas_opens_no_preamble():
    text = ("O QUE MUDOU EM MARÇO. Polícia: o Comando Geral aprovou um manual. Vistos: os "
            "escritórios de Santa Cruz concederam os primeiros vistos humanitários.")
    assert not in_preamble(text, text.index("concederam"))
    # in capitals it opens one, even where the excerpt stops before the operative words
    cut = "VISTOS: El requerimiento fiscal. CONSIDERANDO: Que el denunciado recuperó su libertad."
    assert in_preamble(cut, cut.index("recuperó"))
    # ... and a law's "Por cuanto" runs into the law it enacts
    law = "Por cuanto, la Asamblea ha sancionado la siguiente Ley: LEY DEL TRABAJO SEXUAL."
    assert in_preamble(law, law.index("LEY DEL"))


def test_a_laws_enacting_formula_states_its_own_act(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: ley-promulgada
        proposes: fulfilled
        events: [promulgacion]
        about: [["trabajo sexual"]]
        any: ["promulgada", "ha sancionado la siguiente ley"]
""")
    text = ("LEY N° 1690. Por cuanto, la Asamblea Legislativa Plurinacional ha sancionado la "
            "siguiente Ley, que es promulgada por el Presidente nato de la Asamblea: LA ASAMBLEA "
            "LEGISLATIVA PLURINACIONAL, DECRETA: LEY DE RECONOCIMIENTO DEL TRABAJO SEXUAL.")
    assert [m.proposes for m in match(rulebook, text, kind="gazette")] == ["fulfilled"]


def test_an_ecuadorian_law_issues_what_follows_its_motives():
    text = ("EL PLENO, CONSIDERANDO: Que diversas autoridades exigen pruebas de VIH; EXPIDE la "
            "siguiente LEY. Artículo 1.- Agréguese a continuación del artículo 68 el siguiente.")
    assert in_preamble(text, text.index("exigen"))
    assert not in_preamble(text, text.index("Agréguese"))
