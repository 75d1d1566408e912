"""Every ```yaml block of docs/rules.md loads through the real loader; a following ```text
block is a sample document that must match it (``<!-- expect: no match -->``: must not;
``<!-- expect: note -->``: must match without proposing a status; ``<!-- expect: STATUS -->``:
must propose exactly that status; ``<!-- source: KIND -->`` sets the document's source kind,
otherwise the rule's first source kind or ``gazette``; ``<!-- published_on: YYYY-MM-DD -->`` its
date, otherwise 2022-05-01)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from watch_helpers import NOW

from monitor.watch import MatchInput, Rulebook, load_rulebook, match_document
from monitor.watch.vocab import STATUSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
WRAPPER = """demands:
  - id: docs-example
    country: BO
    kind: structural
    title: {es: Ejemplo de la documentación}
    made_on: 2020-01-01
    rules:
"""
FENCE = re.compile(r"^\s*```(\w*)\s*$")
COMMENT = re.compile(r"<!--\s*(expect|source|published_on):\s*(.+?)\s*-->")


@dataclass
class Example:
    yaml: str
    line: int
    samples: list[tuple[str, dict[str, str], int]] = field(default_factory=list)


def read_examples() -> list[Example]:
    examples: list[Example] = []
    current: Example | None = None
    lines = DOC.read_text(encoding="utf-8").splitlines()
    notes: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            current, notes = None, {}
        notes.update(dict(COMMENT.findall(line)))
        fence = FENCE.match(line)
        if fence is None:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if FENCE.match(lines[j]))
        body = textwrap.dedent("\n".join(lines[i + 1:end]))
        if fence.group(1) == "yaml":
            current = Example(body, i + 1)
            examples.append(current)
        elif fence.group(1) == "text" and current is not None:
            current.samples.append((body, notes, i + 1))
        notes = {}
        i = end + 1
    return examples


EXAMPLES = read_examples()


def load_example(example: Example, tmp_path: Path) -> Rulebook:
    text = example.yaml if example.yaml.startswith("demands:") else \
        WRAPPER + textwrap.indent(example.yaml, "      ")
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rulebook(path)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}" for e in EXAMPLES])
def test_docs_example_loads_and_matches_its_samples(example, tmp_path):
    rulebook = load_example(example, tmp_path)
    assert rulebook.errors == [] and rulebook.rules, [str(e) for e in rulebook.errors]
    rule = rulebook.rules[0]
    for text, notes, line in example.samples:
        kind = notes.get("source") or sorted(rule.source_kinds or {"gazette"})[0]
        doc = MatchInput(document_id=line, title="", text=text, source_id="docs",
                         source_kind=kind, country=rulebook.demands[0].country,
                         published_on=date.fromisoformat(notes.get("published_on",
                                                                   "2022-05-01")))
        found = match_document(rulebook, doc, now=NOW)
        expect = notes.get("expect", "match")
        if expect == "no match":
            assert found == [], f"docs/rules.md:{line} should not match"
        elif expect in STATUSES:
            assert {m.proposes for m in found} == {expect}, f"docs/rules.md:{line}"
        else:
            assert found, f"docs/rules.md:{line} should match"
            assert (found[0].proposes is None) == (expect == "note"), f"docs/rules.md:{line}"


def test_docs_have_examples_with_and_without_matches():
    samples = [s for e in EXAMPLES for s in e.samples]
    assert len(EXAMPLES) >= 8 and len(samples) >= 10
    assert any(n.get("expect") == "no match" for _, n, _ in samples)


def test_docs_list_every_event_code_and_rule_key():
    from monitor.watch.rules import RULE_KEYS
    from monitor.watch.vocab import EVENT_CODES
    text = DOC.read_text(encoding="utf-8")
    assert [c for c in EVENT_CODES if f"`{c}`" not in text] == []
    assert [k for k in RULE_KEYS if f"`{k}`" not in text] == []
