"""A changed rule re-evaluates only what it could change: changed_rules, removed_rules and
match_document(only_rules=...)."""

from __future__ import annotations

from watch_helpers import NOW, doc, rulebook_from

from monitor.watch import changed_rules, match_document, removed_rules

BEFORE = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activó", "protocolo"]
      - id: imputacion
        proposes: partial
        events: [imputacion]
        all: ["imput*"]
      - id: archivo
        proposes: setback
        events: [retroceso]
        all: ["archiv*"]
"""
AFTER = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activ*", "protocolo"]
      - id: imputacion
        proposes: partial
        events: [imputacion]
        all: ["imput*"]
      - id: sentencia
        proposes: fulfilled
        events: [sentencia]
        all: ["sentencia condenatoria"]
"""


def test_only_changed_and_new_rules_are_listed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    old = rulebook_from(tmp_path / "a", BEFORE)
    new = rulebook_from(tmp_path / "b", AFTER)
    assert changed_rules(old.rule_hashes, new) == {"bo-demo/protocolo", "bo-demo/sentencia"}
    assert removed_rules(old.rule_hashes, new) == {"bo-demo/archivo"}
    assert changed_rules(new.rule_hashes, new) == set()
    assert changed_rules({}, new) == set(new.rule_hashes)


def test_match_document_with_only_rules_tries_only_those(tmp_path):
    rulebook = rulebook_from(tmp_path, AFTER)
    text = doc("Los agentes activaron el protocolo y la Fiscalía imputó al agresor.")
    every = {m.rule_id for m in match_document(rulebook, text, now=NOW)}
    assert every == {"bo-demo/protocolo"}  # one status per demand: fulfilled outranks partial
    only = match_document(rulebook, text, now=NOW, only_rules={"bo-demo/protocolo"})
    assert [m.rule_id for m in only] == ["bo-demo/protocolo"]
    assert match_document(rulebook, text, now=NOW, only_rules=[]) == []


def test_only_rules_keep_the_status_the_whole_rulebook_keeps(tmp_path):
    rulebook = rulebook_from(tmp_path, AFTER)
    text = doc("Los agentes activaron el protocolo y la Fiscalía imputó al agresor.")
    # imputacion alone would propose partial, but the demand's fulfilled rule outranks it.
    assert match_document(rulebook, text, now=NOW, only_rules={"bo-demo/imputacion"}) == []
    alone = doc("La Fiscalía imputó al agresor.")
    only = match_document(rulebook, alone, now=NOW, only_rules={"bo-demo/imputacion"})
    assert [m.proposes for m in only] == ["partial"]
