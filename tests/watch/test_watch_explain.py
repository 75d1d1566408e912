"""What ``veeduria rules try`` says of each rule: proposals, the cue that kept a phrase out, a
blocking ``none``, and a match outranked by a stronger status (monitor/watch/explain.py)."""

from __future__ import annotations

from watch_helpers import NOW, doc, rulebook_from

from monitor.watch.explain import explain_document, format_explanations

RULES = """\
      - id: imputacion
        proposes: partial
        events: [imputacion]
        about: [["trabajadora sexual"]]
        any: ["imput*"]
      - id: archivo
        proposes: setback
        events: [retroceso]
        about: [["trabajadora sexual"]]
        any: ["archiv*"]
        none: ["otro caso"]
"""


def outcomes(tmp_path, text: str) -> dict[str, str]:
    found = explain_document(rulebook_from(tmp_path, RULES), doc(text, kind="court"), now=NOW)
    return {e.rule_id.split("/")[1]: e.outcome for e in found}


def test_a_stronger_status_outranks_a_rule_that_holds(tmp_path):
    text = "La Fiscalía archivó el caso de la trabajadora sexual, que había imputado al acusado."
    assert outcomes(tmp_path, text) == {
        "archivo": "proposes setback",
        "imputacion": "no match: nothing counts for any",  # "había imputado": background
    }
    text = "La Fiscalía imputó al acusado y luego archivó el caso de la trabajadora sexual."
    assert outcomes(tmp_path, text)["imputacion"].startswith("no match here: it holds")


def test_each_occurrence_says_what_it_counted_as(tmp_path):
    text = ("La Fiscalía no imputó al acusado de agredir a la trabajadora sexual; el caso fue "
            "archivado junto con otro caso.")
    rulebook = rulebook_from(tmp_path, RULES)
    found = explain_document(rulebook, doc(text, kind="court"), now=NOW)
    out = format_explanations(found)
    assert "'imput*' …La Fiscalía no «imputó» al acusado" in out
    assert "-> denied or undone (negation cue)" in out
    assert "bo-demo/archivo (setback): no match: a none phrase blocks it" in out
    assert "none: 'otro caso'" in out and "-> blocks the rule" in out


def test_a_text_with_no_rule_phrase_says_so(tmp_path):
    found = explain_document(rulebook_from(tmp_path, RULES), doc("Nada que ver."), now=NOW)
    assert format_explanations(found) == "No rule has a phrase in this text."


def test_an_opinion_column_is_explained_as_a_note(tmp_path):
    text = ("La Fiscalía archivó el caso de la trabajadora sexual sin oír a nadie.\n"
            "La autora es abogada y activista.")
    found = explain_document(rulebook_from(tmp_path, RULES), doc(text, kind="news"), now=NOW)
    assert {e.rule_id.split("/")[1]: e.outcome for e in found}["archivo"] == \
        "a note: opinion or commentary proposes nothing (it reads as setback)"


def test_a_rule_one_part_short_names_the_missing_part(tmp_path):
    rules = """\
      - id: medidas
        proposes: fulfilled
        events: [protocolo_activado]
        about: [["trabajadora sexual"]]
        all: [["resguardo policial"]]
        any: ["otorg*", "cuenta con"]
"""
    text = "La trabajadora sexual y sus hijos se encuentran acogidos, con resguardo policial."
    found = explain_document(rulebook_from(tmp_path, rules), doc(text, kind="police"), now=NOW)
    assert format_explanations(found) == \
        "bo-demo/medidas (fulfilled): no match: no phrase of any occurs"
    # its topic alone is no near miss
    found = explain_document(rulebook_from(tmp_path, rules),
                             doc("La trabajadora sexual declaró.", kind="police"), now=NOW)
    assert found == []
