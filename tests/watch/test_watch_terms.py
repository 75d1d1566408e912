"""Term lists: built-in "@name" lists and a file's own ``terms:`` (docs/rules.md, "Term lists").
Invalid lists and unknown references: tests/fixtures/watch/invalid/term_lists.yaml."""

from __future__ import annotations

import pytest
from watch_helpers import HEADER, match, rulebook_from

from monitor.cli import main
from monitor.watch.phrases import compile_phrase
from monitor.watch.terms import NAME, builtin_terms

CASE = '        about: [["trabajadora sexual", "trabalhadora sexual"]]\n'


def test_every_builtin_phrase_compiles_and_every_name_is_valid():
    lists = builtin_terms()
    assert len(lists) >= 15
    for name, phrases in lists.items():
        assert NAME.match(name) and phrases, name
        canonical = [compile_phrase(phrase).canonical for phrase in phrases]
        assert len(set(canonical)) == len(canonical), f"@{name} repeats a phrase (case, " \
            "accents and hyphens aside)"


@pytest.mark.parametrize(("text", "proposes"), [
    ("La Policía aprehendió al agresor de la trabajadora sexual.", "partial"),
    ("O agressor da trabalhadora sexual foi preso em flagrante.", "partial"),
    ("La Fiscalía imputó formalmente al captor de la trabajadora sexual.", "partial"),
    ("El Tribunal absolvió al acusado de secuestrar a la trabajadora sexual.", "setback"),
    ("O caso da trabalhadora sexual foi arquivado pela promotoria.", "setback"),
    ("La Fiscalía presentó requerimiento fiscal contra el agresor de la trabajadora sexual.",
     "partial"),
    ("El juez dictó auto de formal procesamiento al agresor de la trabajadora sexual.",
     "partial"),
    ("El agresor de la trabajadora sexual fue puesto a disposición de la Fiscalía.", "partial"),
])
def test_builtin_lists_in_any(tmp_path, text, proposes):
    rulebook = rulebook_from(tmp_path, f"""\
      - id: avance
        proposes: partial
        events: [imputacion]
{CASE}        any: ["@aprehension", "@imputacion"]
      - id: revertido
        proposes: setback
        events: [retroceso]
{CASE}        any: ["@caso_revertido"]
""")
    assert [m.proposes for m in match(rulebook, text)] == [proposes]


@pytest.mark.parametrize("text", [
    "La Fiscalía ha abierto una investigación por la violación de la trabajadora sexual.",
    "Foi aberto um inquérito sobre a agressão à trabalhadora sexual.",
])
def test_an_investigation_opened_in_the_irregular_participle(tmp_path, text):
    rulebook = rulebook_from(tmp_path, f"""\
      - id: abierta
        proposes: in_progress
        events: [investigacion_abierta]
{CASE}        any: ["@investigacion_abierta"]
""")
    assert [m.proposes for m in match(rulebook, text)] == ["in_progress"]


@pytest.mark.parametrize("text", [
    "Los proyectos que no tuvieron segundo debate fueron archivados, entre ellos el de la "
    "trabajadora sexual.",
    "A Assembleia votou pelo arquivamento do projeto da trabalhadora sexual.",
    "Congresso arquiva proposta da trabalhadora sexual.",
])
def test_a_shelved_bill_is_a_rejection(tmp_path, text):
    rulebook = rulebook_from(tmp_path, f"""\
      - id: archivado
        proposes: setback
        events: [rechazo_camara]
{CASE}        any: ["@rechazo"]
""")
    assert [m.proposes for m in match(rulebook, text, kind="congress")] == ["setback"]


ARREST = f"""\
      - id: avance
        proposes: partial
        events: [imputacion]
{CASE}        any: ["@aprehension"]
"""


def test_an_officer_handed_to_internal_affairs_is_no_arrest(tmp_path):
    rulebook = rulebook_from(tmp_path, ARREST)
    assert match(rulebook, "Se restituyó la custodia de la trabajadora sexual. El servidor "
                 "responsable del retiro fue puesto a disposición de la DIPI.", kind="police") == []


def test_a_listed_phrase_still_heeds_negation_and_plans(tmp_path):
    rulebook = rulebook_from(tmp_path, ARREST)
    assert match(rulebook, "La Policía negó haber aprehendido a nadie por la trabajadora sexual.") \
        == []
    assert match(rulebook, "La Policía prevé aprehender al agresor de la trabajadora sexual.") == []


def test_reference_inside_all_alternatives_near_and_none(tmp_path):
    rulebook = rulebook_from(tmp_path, """\
      - id: ley
        proposes: fulfilled
        events: [promulgacion]
        source_kinds: [gazette]
        all: ["trabajo sexual", ["ley", "@promulgacion"]]
        near: {words: 6, terms: [["@promulgacion"], ["ley"]]}
        none: ["@rechazo"]
""")
    assert match(rulebook, "Se promulgó la ley del trabajo sexual.", kind="gazette")
    assert match(rulebook, "La ley del trabajo sexual fue vetada y no se promulgó.",
                 kind="gazette") == []


def test_file_terms_are_shared_by_the_files_rules_and_may_include_builtins(tmp_path):
    header = HEADER.replace("demands:\n", "terms:\n  caso: [\"trabajadora sexual\", "
                            "\"trabalhadora sexual\"]\n  avance: [\"@aprehension\", "
                            "\"envió a prisión\"]\ndemands:\n", 1)
    rulebook = rulebook_from(tmp_path, """\
      - id: avance
        proposes: partial
        events: [imputacion]
        about: ["@caso"]
        any: ["@avance"]
""", header=header)
    assert match(rulebook, "El juez envió a prisión al captor de la trabajadora sexual.")
    assert match(rulebook, "A polícia prendeu o agressor da trabalhadora sexual.")
    assert match(rulebook, "El juez envió a prisión a un concejal.") == []


def test_a_file_list_takes_phrases_out_of_a_builtin_one(tmp_path):
    header = HEADER.replace("demands:\n", "terms:\n  rechazo_corto: [\"@rechazo\", "
                            "\"-Rechazad*\"]\ndemands:\n", 1)
    rulebook = rulebook_from(tmp_path, """\
      - id: rechazo
        proposes: setback
        events: [retroceso]
        all: ["artículo 281 bis"]
        any: ["@rechazo_corto"]
""", header=header)
    assert match(rulebook, "La denuncia fue rechazada; el caso se tipificó en el artículo 281 "
                           "bis.") == []
    assert match(rulebook, "El Senado rechazó el proyecto que reforma el artículo 281 bis.",
                 kind="congress")


def test_a_changed_term_list_changes_the_rule_hash(tmp_path):
    rule = """\
      - id: avance
        proposes: partial
        events: [imputacion]
        any: ["@mio"]
"""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = rulebook_from(tmp_path / "a", rule, header="terms:\n  mio: [\"uno\"]\n" + HEADER)
    second = rulebook_from(tmp_path / "b", rule, header="terms:\n  mio: [\"dos\"]\n" + HEADER)
    assert first.rule_hashes != second.rule_hashes


def test_rules_terms_prints_lists_and_refuses_unknown_names(capsys):
    assert main(["rules", "terms", "sentencia", "@piloto"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("@sentencia (") and "condenad*" in out and "@piloto (" in out
    assert main(["rules", "terms", "sentensia"]) == 2
    err = capsys.readouterr().err
    assert "unknown term list(s): sentensia" in err and "@sentencia" in err


@pytest.mark.parametrize(("name", "text", "counts"), [
    ("aprobacion_camara", "El Senado sancionó la ley de la trabajadora sexual.", True),
    ("aprobacion_camara", "La ley de la trabajadora sexual fue sancionada por la Asamblea.",
     True),
    # penalties, not passage: "sancionado con 15 años"
    ("aprobacion_camara", "Quien explote a la trabajadora sexual fue sancionado con 15 años de "
     "cárcel.", False),
    ("rechazo", "El Ejecutivo vetó la ley de la trabajadora sexual.", True),
    # a veterinary clinic is no veto
    ("rechazo", "La clínica veterinaria atendió a la trabajadora sexual.", False),
])
def test_a_builtin_stem_does_not_catch_everyday_words(tmp_path, name, text, counts):
    rulebook = rulebook_from(tmp_path, f"""\
      - id: paso
        proposes: in_progress
        events: [aprobacion_camara]
{CASE}        any: ["@{name}"]
""")
    assert bool(match(rulebook, text)) is counts
