"""Run one real crawl in this (fresh) process and print every item as a JSON line.

Layer: tests. The reactor can start only once per process, so tests call this script through
``subprocess`` (see crawlutil.py). Usage::

    python run_crawl_child.py SOURCES_DIR --var site=http://127.0.0.1:PORT \
        [--options JSON] [--validators JSON] [--known JSON]

Each line: {"type": "fetch"|"document"|"progress"|"problem", ...fields}; ``raw`` is replaced by
its length (``raw_len``). A loader problem is printed and the crawl still runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from monitor.sources import load_sources
from spiders.crawl import CrawlOptions, run_crawl
from spiders.items import DocumentItem, FetchItem


def emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=_plain) + "\n")
    sys.stdout.flush()


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(type(value).__name__)


def on_item(item: DocumentItem | FetchItem) -> None:
    record = dataclasses.asdict(item)
    if isinstance(item, DocumentItem):
        record["raw_len"] = len(record.pop("raw"))
        record["type"] = "document"
    else:
        record["type"] = "fetch"
    emit(record)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sources")
    parser.add_argument("--var", action="append", default=[])
    parser.add_argument("--options", default="{}")
    parser.add_argument("--validators", default="{}")
    parser.add_argument("--known", default="{}")
    args = parser.parse_args()
    variables = dict(pair.split("=", 1) for pair in args.var)
    loaded = load_sources(Path(args.sources), variables=variables)
    for error in loaded.errors:
        emit({"type": "problem", "message": str(error)})
    raw_options = json.loads(args.options)
    raw_options["allow_hosts"] = frozenset(raw_options.get("allow_hosts", ["127.0.0.1"]))
    validators = {source: {url: tuple(pair) for url, pair in urls.items()}
                  for source, urls in json.loads(args.validators).items()}
    known = {source: set(urls) for source, urls in json.loads(args.known).items()}
    run_crawl(loaded.specs, options=CrawlOptions(**raw_options), validators=validators,
              known_urls=known, on_item=on_item,
              on_progress=lambda source, message: emit({"type": "progress", "source_id": source,
                                                        "message": message}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
