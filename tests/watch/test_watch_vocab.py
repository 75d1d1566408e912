"""The event vocabulary (monitor/watch/vocab.py): every code has digest labels in es/pt/en and
a row in docs/rules.md; ``derogacion`` (a repeal the network asked for) can fulfil a demand."""

from __future__ import annotations

from pathlib import Path

import pytest
from watch_helpers import match, rulebook_from

from digests.i18n import event_label
from monitor.watch.vocab import EVENT_CODES, NEVER_FULFILLED_ALONE

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REPEAL = """\
      - id: derogado
        proposes: fulfilled
        events: [derogacion]
        source_kinds: [gazette]
        all: ["decreto supremo 1234", ["derog*", "abrog*", "revog*"]]
        negation: allow
"""


@pytest.mark.parametrize("language", ["es", "pt", "en"])
def test_every_event_code_has_a_digest_label(language):
    assert [c for c in EVENT_CODES if event_label(c, language=language) == c] == []


def test_every_event_code_is_in_the_editors_table():
    table = DOC.read_text(encoding="utf-8")
    assert [c for c in EVENT_CODES if f"| `{c}` |" not in table] == []


def test_repeal_event_labels():
    assert [event_label("derogacion", language=lang) for lang in ("es", "pt", "en")] == [
        "Derogación", "Revogação", "Repeal"]
    assert "derogacion" not in NEVER_FULFILLED_ALONE


def test_a_repeal_demand_is_fulfilled_by_the_repeal(tmp_path):
    rulebook = rulebook_from(tmp_path, REPEAL)
    found = match(rulebook, "Artículo único.- Deróguese el Decreto Supremo 1234.", kind="gazette")
    assert [(m.proposes, m.events) for m in found] == [("fulfilled", ("derogacion",))]


def test_a_repeal_awaited_until_congress_acts_is_not_yet_done(tmp_path):
    rulebook = rulebook_from(tmp_path, REPEAL)
    text = "El decreto supremo 1234 seguirá vigente hasta que el Congreso resuelva la derogación."
    assert match(rulebook, text, kind="gazette") == []
