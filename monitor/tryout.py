"""Fetch one source or URL into a scratch database and report what would be stored.

Layer: monitor. Used by ``veeduria sources try``; the real database is never opened for
writing. A bare URL is tried as a feed first and, when that gives no document (an HTML page, a PDF),
as a watched page (``page:``); the report is the page's.
Cases: tests/test_sources_cmds.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from monitor.cycle import CRAWL_ONLY, run_cycle
from monitor.errors import ConfigError
from monitor.loading import load_folder
from monitor.runtime import open_store
from monitor.settings import Settings
from storage.records import DocumentRecord

URL_PATTERN = re.compile(r"^https?://", re.IGNORECASE)
TRY_ID = "try"


@dataclass
class TryReport:
    documents: list[DocumentRecord] = field(default_factory=list)
    fetches: int = 0
    problems: list[str] = field(default_factory=list)


def _scratch_rules(scratch: Path, url: str, *, mode: str) -> Path:
    rules = scratch / f"rules-{mode}"
    (rules / "sources").mkdir(parents=True, exist_ok=True)
    (rules / "demands").mkdir(parents=True, exist_ok=True)
    spec = {"id": TRY_ID, "name": url, "country": "XX", "kind": "other", "language": "es",
            mode: {"url": url}}
    # JSON is valid YAML, and json.dumps quotes whatever the URL holds.
    (rules / "sources" / "try.yaml").write_text(json.dumps({"sources": [spec]}),
                                                encoding="utf-8")
    return rules


def _run(settings: Settings, source_id: str) -> TryReport:
    summary = run_cycle(settings, source_ids=[source_id], steps=CRAWL_ONLY,
                        console=Console(stderr=True))
    # The cycle's "source X: N fetches failed (see `veeduria sources`)" lines point at a
    # database this try-out throws away; the health lines below carry the errors themselves.
    report = TryReport(problems=[p for p in summary.problems
                                 if not p.startswith(f"source {source_id}:")])
    report.fetches = sum(r.fetches for r in summary.crawl.sources.values())
    with open_store(settings) as store:
        report.documents = list(store.iter_documents())
        for health in store.source_health(failing_after=1):
            if health.consecutive_failures and health.last_error:
                report.problems.append(f"{health.id}: {health.last_error_kind}: "
                                       f"{health.last_error}")
    report.problems = list(dict.fromkeys(report.problems))
    return report


def tryout(settings: Settings, target: str, *, scratch: Path) -> TryReport:
    scratch_settings = settings.replace(data_dir=str(scratch),
                                        database_url=f"sqlite:///{scratch / 'try.db'}")
    if not URL_PATTERN.match(target):
        known = {s.id for s in load_folder(settings, variables={}).sources}
        if target not in known:
            raise ConfigError(f"unknown source id {target!r}; known: "
                              f"{', '.join(sorted(known)) or '(none)'} (or give a URL)")
        return _run(scratch_settings, target)
    as_feed = _run(scratch_settings.replace(
        rules_dir=str(_scratch_rules(scratch, target, mode="feed"))), TRY_ID)
    if as_feed.documents:
        return as_feed
    page_settings = scratch_settings.replace(
        database_url=f"sqlite:///{scratch / 'try-page.db'}",
        rules_dir=str(_scratch_rules(scratch, target, mode="page")))
    return _run(page_settings, TRY_ID)
