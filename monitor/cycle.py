"""One monitoring cycle: load the editors' folder, crawl, match, and say what happened.

Layer: monitor (orchestration). Settings read: rules_dir, database_url and the crawl settings.
Progress per source is shown with rich while the crawl runs; the run ends with a summary
table (sources ok/failed, documents new/seen, proposals, time). Cases: tests/test_demo_cycle.py.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from monitor.crawlproc import CrawlReport, SourceReport, crawl_sources
from monitor.errors import JobFailed
from monitor.lastgood import known_rulebooks, remember_rulebook
from monitor.loading import Loaded, load_folder, sync_folder
from monitor.matching import MatchReport, match_pending
from monitor.runtime import open_store, upgrade_database
from monitor.settings import Settings
from storage import Store

logger = logging.getLogger(__name__)


@dataclass
class CycleSummary:
    crawl: CrawlReport = field(default_factory=CrawlReport)
    match: MatchReport = field(default_factory=MatchReport)
    rule_problems: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rows_added: dict[str, int] = field(default_factory=dict)

    @property
    def failed_sources(self) -> list[str]:
        return sorted(sid for sid, rep in self.crawl.sources.items() if not rep.is_ok)

    @staticmethod
    def _failure_text(rep: SourceReport) -> str:
        if rep.error:
            return rep.error
        if rep.state == "failed":
            return f"all {rep.fetches} fetches failed (see `veeduria sources`)"
        return f"{rep.failures} of {rep.fetches} fetches failed (see `veeduria sources`)"

    @property
    def problems(self) -> list[str]:
        failed = [f"source {sid}: {self._failure_text(self.crawl.sources[sid])}"
                  for sid in self.failed_sources]
        return self.rule_problems + self.crawl.problems + failed


# "revisit": listing sources re-read known items of the last revisit_days (late gazettes).
# Scheduled polls leave it out; the revisit_schedule job and manual runs include it.
ALL_STEPS = frozenset({"crawl", "revisit", "match"})
POLL_STEPS = frozenset({"crawl", "match"})
CRAWL_ONLY = frozenset({"crawl", "revisit"})
MATCH_ONLY = frozenset({"match"})


def run_cycle(settings: Settings, *, source_ids: Sequence[str] = (),
              variables: Mapping[str, str] | None = None,
              steps: frozenset[str] = ALL_STEPS, console: Console | None = None) -> CycleSummary:
    """Crawl then match (or only the ``steps`` named); never raises for a failing source."""
    started = time.monotonic()
    upgrade_database(settings)
    variables = dict(variables or {})
    loaded = load_folder(settings, variables=variables)
    summary = CycleSummary(rule_problems=[str(e) for e in loaded.errors])
    with open_store(settings) as store:
        before = store.row_counts()
        run_id = store.start_run("+".join(sorted(steps)))
        sync_folder(store, loaded, run_id=run_id)
        wanted = list(source_ids) or [s.id for s in loaded.sources]
        summary.source_ids = wanted
        if "crawl" in steps and wanted:
            summary.crawl = _crawl_with_progress(settings, loaded, wanted, run_id=run_id,
                                                 variables=variables, steps=steps,
                                                 console=console)
            for problem in summary.crawl.problems:
                store.record_problem("crawl", problem, run_id=run_id)
        if "match" in steps:
            summary.match = _match_with_progress(settings, store, loaded, console=console)
        summary.seconds = time.monotonic() - started
        store.finish_run(run_id, summary_dict(summary))
        after = store.row_counts()
        summary.rows_added = {t: after[t] - before.get(t, 0) for t in after
                              if after[t] != before.get(t, 0)}
    return summary


def _crawl_with_progress(settings: Settings, loaded: Loaded, wanted: list[str], *, run_id: int,
                         variables: Mapping[str, str], steps: frozenset[str],
                         console: Console | None) -> CrawlReport:
    known = {s.id for s in loaded.sources}
    problems = [f"unknown source id {sid!r}" for sid in wanted if sid not in known]
    wanted = [sid for sid in wanted if sid in known]
    if not wanted:
        return CrawlReport(problems=problems)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console or Console(stderr=True), transient=False) as progress:
        tasks = {sid: progress.add_task(f"{sid}: waiting", total=None) for sid in wanted}
        counts = {sid: Counter[str]() for sid in wanted}

        def on_event(event: dict[str, object]) -> None:
            sid = str(event.get("source", ""))
            if sid not in tasks:
                return
            c = counts[sid]
            if event.get("event") == "fetch":
                c["fetched"] += 1
                c["failed"] += 0 if event.get("ok") else 1
            elif event.get("event") == "document" and event.get("outcome") != "seen":
                c["new"] += 1
            progress.update(tasks[sid], description=f"{sid}: {c['fetched']} fetched, "
                                                    f"{c['failed']} failed, {c['new']} new "
                                                    "documents")

        result = crawl_sources(settings, wanted, run_id=run_id, variables=variables,
                               steps=sorted(steps - {"crawl", "match"}), on_event=on_event)
    result.problems = problems + result.problems
    return result


def _match_with_progress(settings: Settings, store: Store, loaded: Loaded, *,
                         console: Console | None) -> MatchReport:
    rules = len(loaded.rulebook.rules)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console or Console(stderr=True)) as progress:
        task = progress.add_task(f"matching with {rules} rules", total=None)

        def on_document(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = match_pending(store, loaded.rulebook, now=datetime.now(UTC),
                               known=known_rulebooks(settings), on_document=on_document)
    remember_rulebook(settings, loaded.rulebook.hash, loaded.rulebook.rule_hashes)
    return report


def summary_dict(summary: CycleSummary) -> dict[str, object]:
    return {
        "sources": {sid: {"fetches": r.fetches, "failures": r.failures,
                          "documents": dict(r.documents), "error": r.error}
                    for sid, r in summary.crawl.sources.items()},
        "documents_matched": summary.match.documents,
        "proposals_new": summary.match.proposals_new,
        "problems": summary.problems,
        "seconds": round(summary.seconds, 2),
    }


def summary_table(summary: CycleSummary) -> Table:
    table = Table(title="Veeduría — resumen del ciclo / cycle summary")
    for col in ("source", "state", "fetches", "failed", "new", "seen", "changed", "duplicate"):
        table.add_column(col, justify="left" if col in ("source", "state") else "right")
    for sid in summary.source_ids:
        rep = summary.crawl.sources.get(sid)
        if rep is None:
            table.add_row(sid, "not run", "0", "0", "0", "0", "0", "0")
            continue
        d = rep.documents
        table.add_row(sid, rep.state, str(rep.fetches), str(rep.failures),
                      str(d.get("new", 0)), str(d.get("seen", 0)), str(d.get("new_version", 0)),
                      str(d.get("duplicate", 0)))
    table.caption = (f"documents matched: {summary.match.documents} · new proposals: "
                     f"{summary.match.proposals_new} · new notes: {summary.match.notes_new} · "
                     f"time: {summary.seconds:.1f} s")
    return table


def print_summary(summary: CycleSummary, console: Console) -> None:
    console.print(summary_table(summary))
    if summary.match.by_demand:
        console.print("New proposals by demand:")
        for demand_id, n in sorted(summary.match.by_demand.items()):
            console.print(f"  {demand_id}: {n}")
    if summary.rows_added:
        added = ", ".join(f"{t} +{n}" for t, n in sorted(summary.rows_added.items()))
        console.print(f"Rows added: {added}")
    for problem in summary.problems:
        console.print(f"[yellow]problem:[/] {problem}", markup=True, highlight=False)


def finish(summary: CycleSummary) -> None:
    """Raise JobFailed (exit 1) when a source or rule file failed."""
    if summary.problems:
        raise JobFailed(f"the cycle ran, but {len(summary.problems)} problem(s) were found",
                        summary.problems)


def cycle_and_report(settings: Settings, source_ids: list[str]) -> None:
    console = Console()
    summary = run_cycle(settings, source_ids=source_ids, console=console)
    print_summary(summary, console)
    finish(summary)


def crawl_and_report(settings: Settings, source_ids: list[str]) -> None:
    console = Console()
    summary = run_cycle(settings, source_ids=source_ids, steps=CRAWL_ONLY, console=console)
    print_summary(summary, console)
    finish(summary)


def match_and_report(settings: Settings) -> None:
    console = Console()
    summary = run_cycle(settings, steps=MATCH_ONLY, console=console)
    console.print(f"documents matched: {summary.match.documents}; new proposals: "
                  f"{summary.match.proposals_new}")
    finish(summary)
