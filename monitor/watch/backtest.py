"""Backtesting rules over stored documents: what each rule would propose, and what changed.

Layer: monitor. Pure: the caller (``veeduria rules test``) reads documents and the editors'
past decisions from storage and passes them in. ``current`` is compared on the demands
present in ``new`` only, so testing one file reports only that file's gains and losses; the
file is tried inside the rest of the rulebook, so other demands still take their events. Editors'
decisions are the labelled data a rule is scored on: each match on a document that editors
confirmed or rejected for its demand is marked, each rule gets its counts, and the confirmed
documents that no rule finds any more are listed.
Cases: tests/watch/test_watch_grouping_backtest.py, tests/test_rulecmds.py.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from rich.markup import escape

from monitor.watch.excerpt import render_highlights
from monitor.watch.fanout import MatchJob, match_all
from monitor.watch.loader import make_rulebook
from monitor.watch.model import Match, MatchInput, Rulebook

logger = logging.getLogger(__name__)

MatchKey = tuple[str, str, str]  # document id, rule id, proposal
ReviewKey = tuple[str, str]  # document id, demand id


@dataclass(frozen=True)
class Verdict:
    """What editors decided about a document for a demand: ``confirmed`` (as ``status``) or
    ``rejected``."""

    state: str
    status: str | None = None


@dataclass
class BacktestReport:
    rule_ids: tuple[str, ...]
    documents_seen: int = 0
    by_rule: dict[str, list[Match]] = field(default_factory=dict)
    new_matches: list[Match] = field(default_factory=list)
    lost_matches: list[Match] = field(default_factory=list)
    unchanged: int = 0
    has_baseline: bool = False
    verdicts: Mapping[ReviewKey, Verdict] = field(default_factory=dict)
    # confirmed (document, demand) pairs among the documents seen that no rule proposes
    missed: list[tuple[ReviewKey, Verdict]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.by_rule.values())

    def verdict_of(self, match: Match) -> str | None:
        """"agrees", "other status" or "rejected" for a proposal on a reviewed document."""
        verdict = self.verdicts.get((str(match.document_id), match.demand_id))
        if verdict is None or not match.proposes:
            return None
        if verdict.state == "rejected":
            return "rejected"
        return "agrees" if verdict.status == match.proposes else "other status"

    def reviewed_counts(self, rule_id: str) -> Counter[str]:
        return Counter(v for v in map(self.verdict_of, self.by_rule[rule_id]) if v)


def _key(match: Match) -> MatchKey:
    return str(match.document_id), match.rule_id, match.proposes or ""


def backtest(new: Rulebook, current: Rulebook | None, documents: Iterable[MatchInput], *,
             now: datetime, verdicts: Mapping[ReviewKey, Verdict] | None = None,
             workers: int = 1) -> BacktestReport:
    """Match ``documents`` with ``new`` (and ``current``, same demands only) and compare;
    with ``verdicts``, score the matches on the editors' past decisions; ``workers``: the
    processes to match in (``fanout.match_all``; the report is the same).

    ``new`` is tried inside the rest of ``current``: another demand's rule that claims the same
    event (``attribution``) takes it in the test as it would in a run, so what the test shows
    is what the scheduler will propose once the file is saved."""
    demand_ids = {d.id for d in new.demands}
    whole, only, baseline_only = new, None, None
    if current is not None:
        others = [d for d in current.demands if d.id not in demand_ids]
        whole = make_rulebook([*new.demands, *others], []) if others else new
        only = [r.id for r in new.rules] if others else None
        baseline_only = [r.id for r in current.rules if r.demand_id in demand_ids]
    report = BacktestReport(rule_ids=tuple(r.id for r in new.rules),
                            has_baseline=current is not None, verdicts=verdicts or {})
    report.by_rule = {rule_id: [] for rule_id in report.rule_ids}
    before: dict[MatchKey, Match] = {}
    after: dict[MatchKey, Match] = {}
    seen: set[str] = set()
    job = MatchJob(first=whole, now=now, first_only=only,
                   second=current if baseline_only else None, second_only=baseline_only)
    for document_id, found, found_before in match_all(job, documents, workers=workers):
        report.documents_seen += 1
        seen.add(document_id)
        for match in found:
            report.by_rule[match.rule_id].append(match)
            after[_key(match)] = match
        before.update((_key(m), m) for m in found_before)
    proposed = {(str(m.document_id), m.demand_id) for m in after.values() if m.proposes}
    report.missed = sorted((key, verdict) for key, verdict in report.verdicts.items()
                           if verdict.state == "confirmed" and key[0] in seen
                           and key[1] in demand_ids and key not in proposed)
    if current is not None:
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
        lines.append(f"\n{rule_id}: {len(matches)} match{'' if len(matches) == 1 else 'es'}"
                     + _reviewed_summary(report.reviewed_counts(rule_id)))
        lines.extend(_match_line(m, report, style=style) for m in matches[:per_rule])
        if len(matches) > per_rule:
            lines.append(f"  ... and {len(matches) - per_rule} more")
    if report.missed:
        lines.append(f"\nConfirmed by editors but proposed by no rule: {len(report.missed)}")
        lines.extend(f"  doc {doc_id} {demand_id} (confirmed as {verdict.status})"
                     for (doc_id, demand_id), verdict in report.missed)
    if report.has_baseline:
        lines.append(f"\nCompared with the current rules: {len(report.new_matches)} new, "
                     f"{len(report.lost_matches)} lost, {report.unchanged} unchanged")
        lines.extend("  + " + _match_line(m, report, style=style).strip()
                     for m in report.new_matches)
        lines.extend("  - " + _match_line(m, report, style=style).strip()
                     for m in report.lost_matches)
    return "\n".join(lines)


def _reviewed_summary(counts: Counter[str]) -> str:
    """" (on reviewed documents: 3 agree with editors, 1 rejected by editors)" or ""."""
    if not counts:
        return ""
    parts = [f"{counts[label]} {_LABELS[label]}" for label in _LABELS if counts[label]]
    return f" (on documents editors reviewed: {', '.join(parts)})"


_LABELS = {"agrees": "agree with editors", "other status": "editors confirmed another status",
           "rejected": "rejected by editors"}


def _match_line(match: Match, report: BacktestReport, *, style: str) -> str:
    proposal = match.proposes or f"note ({match.corroborates or 'no status'})"
    when = match.published_on.isoformat() if match.published_on else "undated"
    excerpt = render_highlights(match.excerpt, match.highlights, style=style)
    verdict = report.verdict_of(match)
    mark = f" [{_LABELS[verdict]}]" if verdict else ""
    head = (f"  doc {match.document_id} [{when}] {match.rule_id} -> {proposal} "
            f"({', '.join(match.events)}){mark}: ")
    return (escape(head) if style == "rich" else head) + excerpt
