"""``veeduria sources``, ``sources try`` and ``realworld``: what collection looks like, per source.

Layer: monitor. ``sources try`` fetches once in a crawl child with a throw-away database and
prints what would be stored (documents, dates, language, first lines of text) and every
problem; nothing is written to the real database. Settings read: failing_after,
silent_after_days, realdata_dir and the crawl settings. Cases: tests/test_sources_cmds.py.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from monitor.errors import ConfigError, JobFailed
from monitor.runtime import open_store, upgrade_database
from monitor.settings import Settings

TEXT_PREVIEW_CHARS = 240


def health_table(settings: Settings) -> str:
    upgrade_database(settings)
    with open_store(settings) as store:
        rows = store.source_health(failing_after=settings.int("failing_after"))
    table = Table(title="Sources")
    for col in ("source", "kind", "country", "state", "last success", "failures",
                "documents", "last error"):
        table.add_column(col)
    for r in rows:
        last_ok = f"{r.last_success_at:%Y-%m-%d %H:%M}" if r.last_success_at else "never"
        error = f"{r.last_error_kind}: {r.last_error}" if r.last_error_kind else ""
        table.add_row(r.id, r.kind, r.country, r.state, last_ok, str(r.consecutive_failures),
                      str(r.documents_total), error[:80])
    console = Console(width=160, record=True)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


def try_source(settings: Settings, target: str) -> None:
    """Fetch a source id (from the editors' folder) or a bare URL once, into a scratch DB."""
    from monitor.tryout import tryout

    console = Console()
    with tempfile.TemporaryDirectory(prefix="veeduria-try-") as scratch:
        report = tryout(settings, target, scratch=Path(scratch))
    for doc in report.documents:
        console.print(f"[bold]{doc.title or '(no title)'}[/]", highlight=False)
        console.print(f"  {doc.url}", highlight=False, markup=False)
        console.print(f"  date: {doc.published_on or 'unknown'} · language: "
                      f"{doc.language or 'unknown'} · {len(doc.text)} characters",
                      highlight=False)
        console.print("  " + " ".join(doc.text.split())[:TEXT_PREVIEW_CHARS], markup=False,
                      highlight=False)
    console.print(f"{len(report.documents)} document(s), {report.fetches} fetch(es), "
                  f"{len(report.problems)} problem(s)")
    if report.problems:
        raise JobFailed(f"{target}: the source has problems", report.problems)


def realworld_report(settings: Settings, *, folder: Path | None, out: Path | None) -> None:
    from spiders.realworld import check_folder, write_report

    chosen = folder or (Path(settings.str("realdata_dir")) if settings.str("realdata_dir")
                        else None)
    if chosen is None or not chosen.is_dir():
        raise ConfigError("no real-world folder: pass --folder or set realdata_dir "
                          f"(got {chosen})")
    rows = check_folder(chosen)
    target = out or settings.data_path / f"realworld-{datetime.now(UTC):%Y%m%d-%H%M}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_report(rows, target)
    crashed = [r for r in rows if getattr(r, "crashed", False)]
    print(f"{len(rows)} files checked; report written to {target}")
    if crashed:
        raise JobFailed("some files crashed the parser", [str(r) for r in crashed])
