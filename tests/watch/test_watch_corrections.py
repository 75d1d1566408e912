"""A claim the document takes back (an erratum, a correction, a clarification) reports nothing;
what it says instead does (monitor/watch/corrections.py, docs/rules.md)."""

from __future__ import annotations

import pytest
from watch_helpers import match, rulebook_from

from monitor.watch.corrections import corrected_spans

RULES = """\
      - id: base-creada
        proposes: fulfilled
        events: [registro_creado]
        all: [["base de datos"]]
        any: ["aprueba", "aprobó", "aprova"]
        same_sentence: true
      - id: capacitados
        proposes: partial
        events: [capacitacion]
        any: ["fueron capacitados", "foram capacitados"]
      - id: informe
        proposes: in_progress
        events: [comision_favorable]
        all: [["trabajo sexual"]]
        any: ["informe favorable"]
      - id: suspendidas
        proposes: setback
        events: [retroceso]
        all: [["directrices", "diretrizes"]]
        any: ["suspensión", "suspendió", "suspensão"]
      - id: retirada
        proposes: setback
        events: [retroceso]
        any: ["retiro del resguardo", "retirada da escolta"]
"""


@pytest.mark.parametrize("text", [
    "Por error involuntario, el sumario de la Resolución N° 112 se publicó como \"Aprueba la "
    "Base de Datos de Casos de Trata\". Debe decir: \"Aprueba el Reglamento de Agencias\".",
    "En la nota del lunes se consignó erróneamente que 300 servidores fueron capacitados. "
    "Corresponde: 300 servidores se inscribieron al curso.",
    "O título da nota publicada ontem (\"Governo aprova base de dados\") estava errado.",
    "Es falso que el Ministerio aprueba la base de datos: el proyecto sigue en consulta.",
    "Ante información difundida en medios sobre el retiro del resguardo a una víctima, el "
    "Comando aclara que la servidora fue relevada por rotación.",
    "Em relação às notícias sobre a retirada da escolta, a Polícia esclarece que a escolta "
    "continua.",
    # denied later by name: every earlier sentence naming it reported it
    "Um documento divulgado nas redes anunciava a suspensão das diretrizes. Atualização: o "
    "Ministério desmentiu a suspensão.",
    # said of another: its clause up to the verb
    "Atualização: a comissão esclareceu depois que a retirada da escolta se referia a outro "
    "caso, em Santa Cruz.",
])
def test_a_claim_taken_back_proposes_nothing(tmp_path, text):
    assert match(rulebook_from(tmp_path, RULES), text, kind="gazette") == []


@pytest.mark.parametrize("text, rule", [
    # what the correction says instead is read as any text, and so is what the claim is about
    ("Informamos erróneamente que la base de datos fue suspendida. Lo correcto es que el "
     "decreto la aprueba y la base de datos entra en vigor.", "bo-demo/base-creada"),
    ("Se consignó por error que el curso fue suspendido. Corresponde: 300 servidores fueron "
     "capacitados.", "bo-demo/capacitados"),
    ("Es falso que el curso se haya suspendido: 300 servidores fueron capacitados.",
     "bo-demo/capacitados"),
    ("Informamos erróneamente que la Cámara aprobó la ley de trabajo sexual. Lo correcto es "
     "que la Comisión emitió informe favorable al proyecto.", "bo-demo/informe"),
    # a denial of having done something, or of a report, names no event
    ("El Ministerio anunció la suspensión de las directrices. La Policía desmintió haber "
     "recibido la orden.", "bo-demo/suspendidas"),
    ("El Ministerio anunció la suspensión de las directrices y desmintió la versión de que "
     "las retomaría.", "bo-demo/suspendidas"),
    # a topic opening a sentence is no claim answered: only reports are
    ("Sobre la base de datos, el Viceministro precisó que el decreto la aprueba.",
     "bo-demo/base-creada"),
    # an answer after the act is not what answers a report
    ("El Ministerio aprobó la base de datos y aclaró que regirá en marzo.",
     "bo-demo/base-creada"),
    # an error named as the act's reason is no correction
    ("El juez ordenó el retiro del resguardo tras el error del fiscal.", "bo-demo/retirada"),
])
def test_what_is_not_taken_back_still_counts(tmp_path, text, rule):
    assert [m.rule_id for m in match(rulebook_from(tmp_path, RULES), text, kind="gazette")] \
        == [rule]


def test_corrected_spans_end_where_the_truth_begins():
    text = "Es falso que la institución discrimine: la denuncia fue recibida. Otro tema."
    spans = corrected_spans(text)
    assert [text[start:end].strip() for start, end in spans] == ["la institución discrimine"]
    assert corrected_spans("El decreto aprueba la base de datos.") == []


@pytest.mark.parametrize("claim", [
    "por error", "por equívoco", "por engano", "erróneamente", "equivocadamente",
    "erradamente", "incorretamente", "incorrectamente", "estaba errado", "era incorrecta",
    "é falso", "fue errónea", "resultó inexacta", "Ante versiones, el Ministerio aclara",
    "Sobre as notícias, esclarece", "precisó", "rectifica", "retificou", "desmiente",
    "desmentiu", "se refería a otro", "era sobre outro", "dizia respeito a outra",
    "corresponde a otra",
])
def test_every_wording_passes_the_hints_the_patterns_are_gated_by(claim):
    """The hints spare most fields the patterns: each wording a pattern reads holds one."""
    from monitor.watch.corrections import _HINTS
    from monitor.watch.normalize import fold_text
    assert _HINTS.occur_in(fold_text(f" {claim} "))
