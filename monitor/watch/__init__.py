"""Watch rules: loading editors' demand files, matching documents, backtesting and grouping.

Layer: monitor. Public API (the rest is internal):

* ``load_rulebook(folder, *, source_ids=None) -> Rulebook``      (loader)
* ``match_document(rulebook, doc, *, now, only_rules=None) -> list[Match]`` (matcher)
* ``changed_rules(old_hashes, new) -> set[str]``, ``removed_rules(old_hashes, new)`` (changes)
* ``backtest(new, current, documents, *, now, verdicts=None) -> BacktestReport`` (backtest;
  ``Verdict``: an editors' decision on a document for a demand)
* ``group_matches(matches, *, window_days=14) -> list[MatchGroup]`` (grouping)
* ``render_highlights(excerpt, highlights, *, style="rich")``     (excerpt)

Schema and behaviour for editors: docs/rules.md. Cases: tests/watch/.
"""

from __future__ import annotations

# first: it chooses the engine (compiled or the Python sources) that the imports below take
from monitor.watch import native  # noqa: F401

# isort: split
from monitor.watch.backtest import BacktestReport, Verdict, backtest, format_report
from monitor.watch.changes import changed_rules, removed_rules
from monitor.watch.excerpt import render_highlights
from monitor.watch.grouping import MatchGroup, group_matches
from monitor.watch.loader import load_demand_file, load_rulebook
from monitor.watch.matcher import match_document
from monitor.watch.model import Demand, Match, MatchInput, Rule, Rulebook

__all__ = [
    "BacktestReport", "Demand", "Match", "MatchGroup", "MatchInput", "Rule", "Rulebook", "Verdict",
    "backtest", "changed_rules", "format_report", "group_matches", "load_demand_file",
    "load_rulebook", "match_document", "removed_rules", "render_highlights",
]
