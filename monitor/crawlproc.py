"""Crawls run in a child process: one Scrapy reactor per process, killed if it hangs.

Layer: monitor. The parent (``crawl_sources``) starts ``python -m monitor.crawlchild`` with the
settings passed as ``VEEDURIA_*`` variables, reads one JSON event per line from its stdout and
turns them into progress and a per-source report. The child stores everything itself through
``monitor.pipeline``. Settings read: crawl_timeout_s (and all, forwarded). Cases:
tests/test_demo_cycle.py.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from monitor.settings import ENV_PREFIX, SETTINGS, Settings

logger = logging.getLogger(__name__)

OnEvent = Callable[[dict[str, object]], None]


@dataclass
class SourceReport:
    source_id: str
    fetches: int = 0
    failures: int = 0
    documents: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    @property
    def state(self) -> str:
        """ok (no failed fetch), errors (some failed), failed (all failed or no report)."""
        if self.error is not None or (self.fetches and self.failures == self.fetches):
            return "failed"
        return "errors" if self.failures else "ok"

    @property
    def is_ok(self) -> bool:
        return self.state == "ok"


@dataclass
class CrawlReport:
    sources: dict[str, SourceReport] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def source(self, source_id: str) -> SourceReport:
        return self.sources.setdefault(source_id, SourceReport(source_id))


def settings_env(settings: Settings) -> dict[str, str]:
    """Every setting as a ``VEEDURIA_*`` variable, for a child process."""
    env = {}
    for s in SETTINGS:
        value = settings.get(s.name)
        env[f"{ENV_PREFIX}{s.name.upper()}"] = str(value).lower() if isinstance(value, bool) \
            else str(value)
    return env


def crawl_sources(settings: Settings, source_ids: Sequence[str], *, run_id: int,
                  variables: Mapping[str, str], steps: Sequence[str] = (),
                  on_event: OnEvent | None = None) -> CrawlReport:
    """Run the crawl child for these sources; return what it reported. Never raises on a
    source's failure: a crash or time-out of the child becomes a problem in the report."""
    report = CrawlReport()
    args = [sys.executable, "-m", "monitor.crawlchild", "--run-id", str(run_id)]
    for name, value in variables.items():
        args += ["--var", f"{name}={value}"]
    for step in steps:
        args += ["--step", step]
    args += list(source_ids)
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    env.update(settings_env(settings))
    env.pop("VEEDURIA_CONFIG", None)
    stderr_lines: list[str] = []
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                          text=True, encoding="utf-8", errors="replace") as proc:
        drain = threading.Thread(target=_drain, args=(proc.stderr, stderr_lines), daemon=True)
        drain.start()
        timer = threading.Timer(settings.int("crawl_timeout_s"), proc.kill)
        timer.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                _apply_event(report, line, on_event)
            code = proc.wait()
        finally:
            timer.cancel()
        drain.join(timeout=5)
    if code != 0:
        report.problems.append(_child_failure(code, stderr_lines, settings))
    return report


def _drain(stream: object, into: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line.rstrip("\n"))
        if len(into) > 200:
            del into[:100]


def _child_failure(code: int, stderr_lines: list[str], settings: Settings) -> str:
    if code < 0:
        return (f"crawl stopped after {settings.int('crawl_timeout_s')} s (crawl_timeout_s) "
                "or killed; sources not reported were not collected")
    last = next((ln for ln in reversed(stderr_lines) if ln.strip()), "no message")
    logger.debug("crawl child stderr tail: %s", stderr_lines[-20:])
    return f"crawl process failed (exit {code}): {last[:300]}"


def _apply_event(report: CrawlReport, line: str, on_event: OnEvent | None) -> None:
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        return  # stray output of a library; the child writes events as JSON only
    if not isinstance(event, dict):
        return
    kind = event.get("event")
    source_id = str(event.get("source", ""))
    if kind == "fetch":
        src = report.source(source_id)
        src.fetches += 1
        src.failures += 0 if event.get("ok") else 1
    elif kind == "document":
        src = report.source(source_id)
        outcome = str(event.get("outcome"))
        src.documents[outcome] = src.documents.get(outcome, 0) + 1
    elif kind == "source_error":
        report.source(source_id).error = str(event.get("message"))
    elif kind == "problem":
        report.problems.append(str(event.get("message")))
    if on_event is not None:
        on_event(event)
