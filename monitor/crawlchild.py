"""Entry point of the crawl child process: ``python -m monitor.crawlchild [--var k=v] [IDS]``.

Layer: monitor. Loads settings (passed by the parent as ``VEEDURIA_*``) and sources, opens the
store, runs every selected spider in one Scrapy process and stores what they yield through
``monitor.pipeline``. Writes one JSON event per line on stdout for the parent; logs to stderr.
Settings read: all crawl settings. Cases: tests/test_demo_cycle.py.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace

from monitor.loading import default_variables
from monitor.logsetup import setup_logging
from monitor.pipeline import WriterProcess, print_event
from monitor.settings import Settings, read_settings
from monitor.sources import load_sources
from spiders.crawl import run_crawl
from spiders.scrapy_settings import CrawlOptions
from spiders.specs import SourceSpec
from storage import Store

logger = logging.getLogger(__name__)


def crawl_options(settings: Settings) -> CrawlOptions:
    """The spiders' options, from settings."""
    return CrawlOptions(
        user_agent=settings.user_agent,
        timeout_s=settings.int("fetch_timeout_s"),
        retries=settings.int("fetch_retries"),
        max_download_mb=settings.int("max_download_mb"),
        max_redirects=settings.int("max_redirects"),
        obey_robots=settings.bool("obey_robots"),
        delay_s=settings.float("download_delay_s"),
        concurrent_requests=settings.int("concurrent_requests"),
        allow_hosts=settings.allowed_hosts,
        chromium_path=settings.str("chromium_path"),
        ocr_languages=settings.str("ocr_languages"),
        revisit_days=settings.int("revisit_days"),
    )


def with_revisit(options: CrawlOptions, *, steps: Sequence[str]) -> CrawlOptions:
    """Known listing items are re-read only in a crawl whose steps include "revisit"."""
    return replace(options, is_revisit_run="revisit" in steps)


def select_specs(specs: Sequence[SourceSpec], ids: Sequence[str]) -> list[SourceSpec]:
    if not ids:
        return list(specs)
    by_id = {s.id: s for s in specs}
    for missing in sorted(set(ids) - by_id.keys()):
        print_event({"event": "problem", "message": f"unknown source id {missing!r}"})
    return [by_id[i] for i in ids if i in by_id]


def parse_vars(pairs: Sequence[str]) -> dict[str, str]:
    variables = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        variables[name] = value
    return variables


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="monitor.crawlchild")
    parser.add_argument("--run-id", type=int, default=None)
    parser.add_argument("--var", action="append", default=[])
    parser.add_argument("--step", action="append", default=[],
                        help="extra steps of this crawl: revisit")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args(argv)
    settings = read_settings()
    setup_logging(settings)
    loaded = load_sources(settings.rules_path / "sources",
                          variables={**default_variables(settings), **parse_vars(args.var)})
    specs = select_specs(loaded.specs, args.sources)
    with Store.open(settings.database_url_resolved) as store:
        writer = WriterProcess(settings.database_url_resolved, run_id=args.run_id,
                               failing_after=settings.int("failing_after"), emit_events=True)
        try:
            run_crawl(specs, options=with_revisit(crawl_options(settings), steps=args.step),
                      validators={s.id: store.validators(s.id) for s in specs},
                      known_urls={s.id: store.known_urls(s.id) for s in specs},
                      on_item=writer.put)
        finally:
            writer.close()
    print_event({"event": "done"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
