"""Backtesting rules over stored documents: what each rule would propose, and what changed.

Layer: monitor. Pure: the caller (``veeduria rules test``) reads documents from storage and
passes them in. ``current`` is restricted to the demands present in ``new``, so testing one
file reports only that file's gains and losses. Cases: tests/watch/test_backtest.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from rich.markup import escape

from monitor.watch.excerpt import render_highlights
from monitor.watch.loader import make_rulebook
from monitor.watch.matcher import match_document
from monitor.watch.model import Match, MatchInput, Rulebook

logger = logging.getLogger(__name__)

MatchKey = tuple[str, str, str]  # document id, rule id, proposal


@dataclass
class BacktestReport:
    rule_ids: tuple[str, ...]
    documents_seen: int = 0
    by_rule: dict[str, list[Match]] = field(default_factory=dict)
    new_matches: list[Match] = field(default_factory=list)
    lost_matches: list[Match] = field(default_factory=list)
    unchanged: int = 0
    has_baseline: bool = False

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.by_rule.values())


def _key(match: Match) -> MatchKey:
    return str(match.document_id), match.rule_id, match.proposes or ""


def backtest(new: Rulebook, current: Rulebook | None, documents: Iterable[MatchInput], *,
             now: datetime) -> BacktestReport:
    """Match ``documents`` with ``new`` (and ``current``, same demands only) and compare."""
    demand_ids = {d.id for d in new.demands}
    baseline = None
    if current is not None:
        kept = [d for d in current.demands if d.id in demand_ids]
        baseline = make_rulebook(kept, [])
    report = BacktestReport(rule_ids=tuple(r.id for r in new.rules), has_baseline=bool(baseline))
    report.by_rule = {rule_id: [] for rule_id in report.rule_ids}
    before: dict[MatchKey, Match] = {}
    after: dict[MatchKey, Match] = {}
    for doc in documents:
        report.documents_seen += 1
        for match in match_document(new, doc, now=now):
            report.by_rule[match.rule_id].append(match)
            after[_key(match)] = match
        if baseline is not None:
            before.update((_key(m), m) for m in match_document(baseline, doc, now=now))
    if baseline is not None:
        report.new_matches = [m for k, m in after.items() if k not in before]
        report.lost_matches = [m for k, m in before.items() if k not in after]
        report.unchanged = len(after.keys() & before.keys())
    logger.info("backtest: %d documents, %d rules, %d matches", report.documents_seen,
                len(report.rule_ids), report.total)
    return report


def format_report(report: BacktestReport, *, style: str = "rich", per_rule: int = 10) -> str:
    """A terminal report: per rule, its proposals with highlighted excerpts, then the diff."""
    lines = [f"{report.documents_seen} documents, {len(report.rule_ids)} rules, "
             f"{report.total} matches"]
    for rule_id, matches in report.by_rule.items():
        lines.append(f"\n{rule_id}: {len(matches)} match{'' if len(matches) == 1 else 'es'}")
        lines.extend(_match_line(m, style=style) for m in matches[:per_rule])
        if len(matches) > per_rule:
            lines.append(f"  ... and {len(matches) - per_rule} more")
    if report.has_baseline:
        lines.append(f"\nCompared with the current rules: {len(report.new_matches)} new, "
                     f"{len(report.lost_matches)} lost, {report.unchanged} unchanged")
        lines.extend("  + " + _match_line(m, style=style).strip() for m in report.new_matches)
        lines.extend("  - " + _match_line(m, style=style).strip() for m in report.lost_matches)
    return "\n".join(lines)


def _match_line(match: Match, *, style: str) -> str:
    proposal = match.proposes or f"note ({match.corroborates or 'no status'})"
    when = match.published_on.isoformat() if match.published_on else "undated"
    excerpt = render_highlights(match.excerpt, match.highlights, style=style)
    head = (f"  doc {match.document_id} [{when}] {match.rule_id} -> {proposal} "
            f"({', '.join(match.events)}): ")
    return (escape(head) if style == "rich" else head) + excerpt
