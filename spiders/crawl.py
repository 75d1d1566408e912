"""``run_crawl``: one Scrapy process crawling many sources, handing every item to a callback.

Layer: spiders. Monitor calls it in a child process (``monitor.crawl``): Twisted's reactor can be
started only ONCE per process (a second ``run_crawl`` in the same process raises
``ReactorNotRestartable``), so each crawl needs a fresh process; tests run real crawls through
``tests/crawling/run_crawl_child.py`` in a subprocess. All sources run in one
``AsyncCrawlerProcess`` (one ``Crawler`` per source, so per-source settings apply); ``on_item``
is called synchronously, in the reactor thread, for each ``DocumentItem`` and ``FetchItem``. A
source whose spider cannot be built or crashes is recorded as a ``FetchItem`` with error kind
``spider`` (or ``config``) and the other sources go on. An exception raised by ``on_item`` is
re-raised after the crawl (the first one); the crawl is not stopped for it.
Settings read: CrawlOptions. Cases: tests/crawling/test_crawl_*.py.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from scrapy import signals
from scrapy.crawler import AsyncCrawlerProcess, Crawler

from spiders.errors import SourceError
from spiders.generic import specialise, spider_class
from spiders.items import DocumentItem, FetchItem
from spiders.scrapy_settings import CrawlOptions, build_settings
from spiders.specs import SourceSpec

logger = logging.getLogger(__name__)

Item = DocumentItem | FetchItem
OnItem = Callable[[Item], None]
OnProgress = Callable[[str, str], None]
Validators = Mapping[str, Mapping[str, tuple[str | None, str | None]]]


class ItemSink:
    """Receives Scrapy's signals for all the crawlers and calls the caller's callbacks."""

    def __init__(self, on_item: OnItem, on_progress: OnProgress | None) -> None:
        self.on_item = on_item
        self.on_progress = on_progress
        self.first_error: BaseException | None = None
        self.documents: dict[str, int] = {}

    def deliver(self, item: Item) -> None:
        if isinstance(item, DocumentItem):
            self.documents[item.source_id] = self.documents.get(item.source_id, 0) + 1
        try:
            self.on_item(item)
        except Exception as exc:  # kept and re-raised after the crawl
            logger.error("on_item failed for source %s: %s", item.source_id,
                         type(exc).__name__)
            if self.first_error is None:
                self.first_error = exc

    def item_scraped(self, item: Any, **_: Any) -> None:
        if isinstance(item, DocumentItem | FetchItem):
            self.deliver(item)

    def spider_error(self, source_id: str, failure: Any, response: Any = None, **_: Any) -> None:
        exc = failure.value
        url = getattr(response, "url", None) or ""
        logger.error("source %s: spider crashed on %s: %s", source_id, url, type(exc).__name__)
        self.deliver(spider_failure(source_id, url, exc))

    def progress(self, source_id: str, message: str) -> None:
        if self.on_progress is not None:
            self.on_progress(source_id, message)

    def spider_opened(self, source_id: str, **_: Any) -> None:
        self.progress(source_id, "started")

    def spider_closed(self, source_id: str, reason: str = "", **_: Any) -> None:
        count = self.documents.get(source_id, 0)
        self.progress(source_id, f"finished ({reason}): {count} documents")

    def crawl_done(self, source_id: str, url: str, task: asyncio.Task[None]) -> None:
        exc = None if task.cancelled() else task.exception()
        if exc is not None:
            logger.error("source %s: crawl failed: %s", source_id, type(exc).__name__)
            self.deliver(spider_failure(source_id, url, exc))


def spider_failure(source_id: str, url: str, exc: BaseException) -> FetchItem:
    """The FetchItem recording a spider that could not be built or crashed."""
    kind = exc.kind if isinstance(exc, SourceError) else "spider"
    return FetchItem(source_id=source_id, url=url, started_at=datetime.now(UTC), duration_ms=0,
                     error_kind=kind, error=f"spider failed: {type(exc).__name__}: {exc}")


def run_crawl(specs: Sequence[SourceSpec], *, options: CrawlOptions, validators: Validators,
              known_urls: Mapping[str, set[str]], on_item: OnItem,
              on_progress: OnProgress | None = None) -> None:
    """Crawl every source once; blocks until all are done. Only once per process (see above)."""
    process = AsyncCrawlerProcess(build_settings(options, specs=specs))
    sink = ItemSink(on_item, on_progress)
    started = 0
    for spec in specs:
        started += _schedule(process, spec, sink, options=options,
                             validators=validators.get(spec.id, {}),
                             known_urls=known_urls.get(spec.id, set()))
    if started:
        process.start(install_signal_handlers=threading.current_thread()
                      is threading.main_thread())
    if sink.first_error is not None:
        raise sink.first_error


def _schedule(process: AsyncCrawlerProcess, spec: SourceSpec, sink: ItemSink, *,
              options: CrawlOptions, validators: Mapping[str, tuple[str | None, str | None]],
              known_urls: set[str]) -> int:
    """Add one source's crawler to the process; 0 (and a recorded failure) if it cannot be."""
    try:
        cls = specialise(spider_class(spec), spec, options=options)
        crawler = process.create_crawler(cls)
    except (SourceError, ImportError, ValueError, TypeError) as exc:
        sink.deliver(spider_failure(spec.id, spec.start_url, exc))
        return 0
    _connect(crawler, spec.id, sink)
    task = process.crawl(crawler, spec=spec, options=options, validators=validators,
                         known_urls=frozenset(known_urls))
    task.add_done_callback(partial(sink.crawl_done, spec.id, spec.start_url))
    return 1


def _connect(crawler: Crawler, source_id: str, sink: ItemSink) -> None:
    receiver = SourceSignals(source_id, sink)
    # weak=False: the receiver object lives only in the dispatcher
    handlers = ((receiver.item_scraped, signals.item_scraped),
                (receiver.spider_error, signals.spider_error),
                (receiver.spider_opened, signals.spider_opened),
                (receiver.spider_closed, signals.spider_closed))
    for handler, signal in handlers:
        crawler.signals.connect(handler, signal=signal, weak=False)


class SourceSignals:
    """One source's signal receivers (pydispatch cannot introspect ``functools.partial``)."""

    def __init__(self, source_id: str, sink: ItemSink) -> None:
        self.source_id = source_id
        self.sink = sink

    def item_scraped(self, item: Any) -> None:
        self.sink.item_scraped(item)

    def spider_error(self, failure: Any, response: Any = None) -> None:
        self.sink.spider_error(self.source_id, failure, response)

    def spider_opened(self) -> None:
        self.sink.spider_opened(self.source_id)

    def spider_closed(self, reason: str = "") -> None:
        self.sink.spider_closed(self.source_id, reason)
