"""``places``: a sentence that opens by naming other countries reports their steps, not this
demand's (monitor/watch/places.py, the matcher's discount)."""

from __future__ import annotations

from datetime import date

import pytest
from watch_helpers import match, rulebook_from

from monitor.watch.normalize import fold_text
from monitor.watch.places import placed_in


@pytest.mark.parametrize(("sentence", "codes"), [
    ("En Argentina, el Senado aprobó la ley.", {"AR"}),
    ("No México e na Colômbia, as organizações relatam avanços.", {"MX", "CO"}),
    ("En el Perú y Chile, los casos fueron archivados.", {"PE", "CL"}),
    ("Nos Estados Unidos, o projeto foi arquivado.", {"US"}),
    ("Na Bolívia, o caso ganhou um novo capítulo.", {"BO"}),
    # a country named later, or a city, places nothing
    ("La ley, inspirada en la de Argentina, fue promulgada.", set()),
    ("En Cochabamba, el juez dictó sentencia.", set()),
    ("Enero de 2021: la Fiscalía archivó el caso.", set()),
])
def test_a_sentence_is_placed_by_the_countries_it_opens_with(sentence, codes):
    assert placed_in(fold_text(sentence), 0) == codes


ARCHIVED = """\
      - id: archivado
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual", "trabalhadora sexual"]]
        any: ["archivad*", "arquivad*"]
"""


def test_a_step_reported_for_another_country_does_not_count(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    roundup = ("En Bolivia, el juicio por el caso de la trabajadora sexual sigue su curso. En "
               "México y Colombia, en cambio, hubo casos archivados por falta de pruebas.")
    assert match(rulebook, roundup, published_on=date(2022, 6, 1)) == []
    home = ("En Bolivia, el caso de la trabajadora sexual fue archivado por falta de pruebas.")
    assert match(rulebook, home, published_on=date(2022, 6, 1))
    # a rule that opts out of the background cues reads every sentence
    allowing = rulebook_from(tmp_path, ARCHIVED + "        background: allow\n")
    assert match(allowing, roundup, published_on=date(2022, 6, 1))
