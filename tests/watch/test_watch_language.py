"""Spanish or Portuguese: the guess (monitor/watch/language.py) and the cue words that depend
on it (Portuguese "no" is "in the"; Spanish "más" is not the joiner "mas")."""

from __future__ import annotations

import pytest
from watch_helpers import match, rulebook_from

from monitor.watch.language import PORTUGUESE_ONLY, SPANISH_ONLY, guess_language
from monitor.watch.normalize import fold_text

APPROVAL = """\
      - id: aprobado
        proposes: in_progress
        events: [aprobacion_camara]
        all: ["281 bis", ["aprob*", "aprov*"]]
"""
PROTOCOL = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activ*", "protocolo"]
"""


@pytest.mark.parametrize(("text", "language"), [
    ("O Senado aprovou uma alteração no artigo 281 bis do Código Penal.", "pt"),
    ("A polícia não registrou a queixa da trabalhadora sexual.", "pt"),
    # no word of the shortest lists: "da", "e", "diz" tell it
    ("A advogada da trabalhadora sexual diz que a escolta estaria sendo retirada.", "pt"),
    ("Dijo que el juez ya le dio la razón al fiscal.", "es"),
    ("El Senado aprobó la modificación del artículo 281 bis y la remitió a Diputados.", "es"),
    ("No se activó el protocolo en el caso de la trabajadora sexual.", "es"),
    ("", "es"),
])
def test_guess_language(text, language):
    assert guess_language(fold_text(text)) == language


def test_portuguese_no_is_in_the_not_a_denial(tmp_path):
    text = "O Senado da Bolívia aprovou na quarta-feira uma alteração no artigo 281 bis do Código."
    assert len(match(rulebook_from(tmp_path, APPROVAL), text, kind="congress")) == 1


def test_spanish_no_is_still_a_denial(tmp_path):
    text = "El Senado no aprobó la modificación del artículo 281 bis del Código Penal."
    assert match(rulebook_from(tmp_path, APPROVAL), text, kind="congress") == []


def test_spanish_mas_is_not_a_joiner(tmp_path):
    text = "Desde la denuncia no hubo más activación del protocolo para la víctima."
    assert match(rulebook_from(tmp_path, PROTOCOL), text) == []


def test_portuguese_mas_still_joins(tmp_path):
    text = "A polícia não quis registrar a queixa mas ativou o protocolo para a vítima."
    assert len(match(rulebook_from(tmp_path, PROTOCOL.replace("activ*", "ativ*")), text)) == 1


def test_a_word_leans_one_way_only_and_a_tie_is_spanish():
    # the guess adds +1 per Spanish-only word and -1 per Portuguese-only word
    assert SPANISH_ONLY.isdisjoint(PORTUGUESE_ONLY)
    assert guess_language("el do") == "es"
    assert guess_language("el do em") == "pt"
