"""The bundled rules over the demo world give exactly the proposals in expectations.yaml.

Each demo document is extracted the way its source's spider would (selector text, the
extractor, or the PDF's text) and matched with ``monitor.watch``; the set of (demand, status)
proposals must equal the document's entry. Run for several days, since dates are relative.
Cases: monitor/demoworld/expectations.yaml, rules/demands/*.yaml.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from demoworld_helpers import FIXED_TODAY, RULES_DIR, demo_specs, match_input

from monitor.demoworld import EXPECTATIONS_PATH, build_site, load_documents
from monitor.watch import load_rulebook, match_document
from monitor.yamlio import load_yaml

BASE = "http://127.0.0.1:8999"
DAYS = [FIXED_TODAY, FIXED_TODAY + timedelta(days=4), date(2027, 3, 1)]  # Thu, Mon, Mon


def proposals_by_path(today: date) -> dict[str, set[tuple[str, str]]]:
    rulebook = load_rulebook(RULES_DIR / "demands")
    assert rulebook.errors == []
    site = build_site(today, base_url=BASE)
    specs = demo_specs(BASE)
    now = datetime.combine(today, time(12, 0))
    found: dict[str, set[tuple[str, str]]] = {}
    for doc in load_documents(today):
        matches = match_document(rulebook, match_input(doc, site, specs, BASE), now=now)
        found[doc.path] = {(m.demand_id, m.proposes) for m in matches if m.proposes}
    return found


def expected_by_path() -> dict[str, set[tuple[str, str]]]:
    raw = load_yaml(EXPECTATIONS_PATH)["documents"]
    return {str(path): {(str(e["demand"]), str(e["status"])) for e in proposals}
            for path, proposals in raw.items()}


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_bundled_rules_propose_what_expectations_say(today: date):
    found, expected = proposals_by_path(today), expected_by_path()
    wrong = {path: {"got": sorted(found[path]), "want": sorted(expected[path])}
             for path in expected if found[path] != expected[path]}
    assert wrong == {}


def test_demo_world_moves_most_demands_but_not_the_screening_one():
    moved = {demand for found in expected_by_path().values() for demand, _ in found}
    assert len(moved) == 8
    assert "bo-tip-tamizaje-venezolanos" not in moved
