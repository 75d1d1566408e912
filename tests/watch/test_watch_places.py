"""``places``: a sentence that opens by naming other countries reports their steps, not this
demand's (monitor/watch/places.py, the matcher's discount)."""

from __future__ import annotations

from datetime import date

import pytest
from test_watch_background import ARCHIVED
from watch_helpers import match, rulebook_from

from monitor.watch.normalize import fold_text
from monitor.watch.places import headed_by, owners, placed_in


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


@pytest.mark.parametrize(("clause", "codes"), [
    ("A Superintendência Nacional de Migrações do Peru começou a aplicar", {"PE"}),
    ("O relatório do Departamento de Estado dos Estados Unidos recomenda", {"US"}),
    ("la Cámara dos Deputados do Brasil aprovou", {"BR"}),
    ("el Ministerio de Justicia de Bolivia aprobó", {"BO"}),
    # support, an embassy or a verb between the body and the country place nothing
    ("La Policía inauguró con apoyo de Estados Unidos", set()),
    ("La Embajada de Brasil informó que", set()),
    # the country itself as the subject, not a place after a preposition
    ("Um relatório regional destaca que o Peru", {"PE"}),
    ("Según la OIM, Paraguay", {"PY"}),
    ("las víctimas rescatadas en Perú", set()),
    ("los migrantes que llegaron a Chile y", set()),
])
def test_a_public_body_of_another_country_owns_the_act(clause, codes):
    assert owners(fold_text(clause)) == codes




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


def test_an_act_of_another_countrys_body_does_not_count(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    peru = "La Fiscalía del Perú dio por archivado el caso de una trabajadora sexual venezolana."
    assert match(rulebook, peru, published_on=date(2022, 6, 1)) == []
    home = "La Fiscalía de Bolivia dio por archivado el caso de la trabajadora sexual."
    assert match(rulebook, home, published_on=date(2022, 6, 1))


def test_another_country_as_the_subject_owns_the_act(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    peru = ("Un informe regional destaca que el Perú archivó el caso de una trabajadora sexual "
            "venezolana.")
    assert match(rulebook, peru, published_on=date(2022, 6, 1)) == []
    home = "Un informe regional destaca que Bolivia archivó el caso de la trabajadora sexual."
    assert match(rulebook, home, published_on=date(2022, 6, 1))


@pytest.mark.parametrize(("line", "codes"), [
    ("Brasil. A profissão consta da Classificação Brasileira de Ocupações.", {"BR"}),
    ("Peru e Paraguai: não há projetos em tramitação.", {"PE", "PY"}),
    ("Argentina — el proyecto fue archivado.", {"AR"}),
    # a country opening an ordinary sentence is no heading
    ("Argentina aprobó la ley en 2012.", set()),
    ("Brasileiros deveriam prestar atenção.", set()),
])
def test_a_roundup_line_is_headed_by_its_countries(line, codes):
    assert headed_by(line, fold_text(line), 0) == codes


def test_a_roundup_paragraph_reports_its_countrys_steps(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    roundup = ("Bolivia. El caso de la trabajadora sexual sigue en juicio oral.\n"
               "Brasil. El proyecto Gabriela Leite fue archivado de nuevo en el Congreso.")
    assert match(rulebook, roundup, published_on=date(2022, 6, 1)) == []
    home = roundup.replace("Brasil. El proyecto Gabriela Leite", "Bolivia. El caso")
    assert match(rulebook, home, published_on=date(2022, 6, 1))



@pytest.mark.parametrize(("roundup", "home"), [
    # a heading with a colon and the sentence it opens are one
    ("Paraguay: el caso de una trabajadora sexual fue archivado por falta de pruebas. "
     "Argentina: la ley fue reglamentada.", ("Paraguay:", "Bolivia:")),
    # a round-up run on in one paragraph heads each sentence
    ("BOLÍVIA – O juiz ouviu a trabalhadora sexual. CHILE – O Congresso aprovou recursos. "
     "ARGENTINA – O caso de uma trabalhadora sexual foi arquivado.", ("ARGENTINA –", "BOLÍVIA –")),
])
def test_a_roundup_heading_places_its_own_sentence(tmp_path, roundup, home):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    assert match(rulebook, roundup, published_on=date(2022, 6, 1)) == []
    assert match(rulebook, roundup.replace(*home), published_on=date(2022, 6, 1))
