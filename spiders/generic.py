"""The spiders built from a ``SourceSpec``: the shared base, the page spider, and the factory.

Layer: spiders. ``spider_class(spec)`` picks ``FeedSpider`` (spiders/feed_spider.py),
``ListingSpider`` (spiders/listing_spider.py), ``PageSpider`` (here) or the custom class named by
``spec.spider``, and ``specialise`` gives it the source's name and per-source settings (delay,
``robots: ignore``). Every spider is made with keyword arguments ``spec``, ``options``,
``validators`` (URL → (etag, last_modified)) and ``known_urls``; every response and failure
yields one ``FetchItem``, every document one ``DocumentItem``. Spiders define
``async def start`` (Scrapy 2.19 ignores a spider with only ``start_requests``).
Settings read: CrawlOptions (chromium_path, ocr_languages). Cases: tests/crawling/test_spiders_*.py.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import scrapy

from spiders.documents import Hints, document_from_response
from spiders.errors import SourceError, SourceUnreadable
from spiders.fetches import failure_fetch, response_fetch
from spiders.items import DocumentItem, FetchItem
from spiders.scrapy_settings import CrawlOptions, source_settings
from spiders.specs import SourceSpec

if TYPE_CHECKING:
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

JS_OFF = "JS rendering is off (chromium_path is empty)"
Output = DocumentItem | FetchItem | scrapy.Request


class SourceSpider(scrapy.Spider):
    """Base of the generic spiders: requests with the source's options, failures recorded."""

    name = "veeduria_source"

    def __init__(self, *, spec: SourceSpec, options: CrawlOptions | None = None,
                 validators: Mapping[str, tuple[str | None, str | None]] | None = None,
                 known_urls: set[str] | frozenset[str] | None = None, **kwargs: Any) -> None:
        kwargs.pop("name", None)
        super().__init__(name=spec.id, **kwargs)
        self.spec = spec
        self.options = options or CrawlOptions()
        self.validators = dict(validators or {})
        self.known_urls = frozenset(known_urls or ())
        self.requested: set[str] = set()

    async def start(self) -> AsyncIterator[Output]:
        if self.spec.render == "js" and not self.options.is_js_enabled:
            yield self.config_failure(JS_OFF, kind="render")
            return
        for request in self.first_requests():
            yield request

    def first_requests(self) -> Iterator[scrapy.Request]:
        yield self.request(self.spec.start_url, callback=self.parse, wait_for=self.spec.wait_for)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Output]:
        raise NotImplementedError

    def request(self, url: str, *, callback: Any, hints: Hints | None = None,
                render_js: bool = True, wait_for: str | None = None) -> scrapy.Request:
        """A request for this source: errback recorded, JS rendering when the source asks.

        ``wait_for`` (the source's selector) is given for listing pages only: detail pages
        are rendered too but do not hold the listing's items."""
        meta: dict[str, Any] = {}
        if render_js and self.spec.render == "js" and not url.lower().endswith(".pdf"):
            meta.update(playwright_meta(wait_for))
        cb_kwargs = {"hints": hints} if hints is not None else {}
        self.requested.add(url)
        # dont_filter: the spiders skip repeats themselves (``is_new``); Scrapy's filter would
        # also silently drop a redirect back to a seen URL, hiding redirect loops.
        return scrapy.Request(url, callback=callback, errback=self.on_failure, meta=meta,
                              cb_kwargs=cb_kwargs, dont_filter=True)

    def is_new(self, url: str) -> bool:
        """Whether no request for ``url`` was made yet in this crawl."""
        return url not in self.requested

    def on_failure(self, failure: Failure) -> Iterator[FetchItem]:
        yield failure_fetch(failure, source_id=self.spec.id)

    def hints(self, **values: Any) -> Hints:
        return Hints(source_id=self.spec.id, language=self.spec.language, **values)

    def fetched(self, response: Response, error: SourceError | None = None) -> FetchItem:
        return response_fetch(response, source_id=self.spec.id, error=error)

    def config_failure(self, message: str, *, kind: str) -> FetchItem:
        return FetchItem(source_id=self.spec.id, url=self.spec.start_url,
                         started_at=datetime.now(UTC), duration_ms=0, error_kind=kind,
                         error=message)

    def document_outputs(self, response: Response, *, hints: Hints,
                         selector: str | None = None) -> Iterator[Output]:
        """FetchItem plus DocumentItem for one page or PDF; FetchItem with the error if none."""
        try:
            document = document_from_response(response, hints=hints, selector=selector,
                                              ocr_languages=self.options.ocr_languages)
        except SourceError as exc:
            logger.info("source %s: no document from %s (%s)", self.spec.id, response.url,
                        exc.kind)
            yield self.fetched(response, exc)
            return
        yield self.fetched(response)
        yield document


def playwright_meta(wait_for: str | None) -> dict[str, Any]:
    """Request meta that sends a request through scrapy-playwright's Chromium."""
    meta: dict[str, Any] = {"playwright": True}
    if wait_for:
        from scrapy_playwright.page import PageMethod

        meta["playwright_page_methods"] = [PageMethod("wait_for_selector", wait_for)]
    return meta


class PageSpider(SourceSpider):
    """One page (or the text under a selector) watched for change; the pipeline keeps versions."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Output]:
        assert self.spec.page is not None
        yield from self.document_outputs(response, hints=self.hints(),
                                         selector=self.spec.page.selector)


def spider_class(spec: SourceSpec) -> type[scrapy.Spider]:
    """The spider class for a source: custom (``spec.spider``) or the one for its kind."""
    if spec.spider:
        return _import_spider(spec.spider)
    if spec.feed is not None:
        from spiders.feed_spider import FeedSpider

        return FeedSpider
    if spec.listing is not None:
        from spiders.listing_spider import ListingSpider

        return ListingSpider
    if spec.page is not None:
        return PageSpider
    raise SourceUnreadable(f"source {spec.id} has no feed, listing, page or spider",
                           kind="config")


def _import_spider(dotted: str) -> type[scrapy.Spider]:
    module_name, _, class_name = dotted.rpartition(".")
    try:
        found = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise SourceUnreadable(f"cannot import spider {dotted!r}: {exc}", kind="config") \
            from exc
    if not (isinstance(found, type) and issubclass(found, scrapy.Spider)):
        raise SourceUnreadable(f"{dotted!r} is not a Scrapy Spider class", kind="config")
    return found


def specialise(cls: type[scrapy.Spider], spec: SourceSpec, *,
               options: CrawlOptions | None = None) -> type[scrapy.Spider]:
    """A subclass named after the source, carrying its delay, robots.txt choice and (for
    ``render: js``) the Playwright download handler."""
    custom: dict[str, Any] = dict(getattr(cls, "custom_settings", None) or {})
    if options is not None:
        custom.update(source_settings(options, spec))
    if spec.delay_s is not None:
        custom["DOWNLOAD_DELAY"] = spec.delay_s
    if spec.robots == "ignore":
        logger.info("source %s ignores robots.txt (robots: ignore)", spec.id)
        custom["ROBOTSTXT_OBEY"] = False
    attrs = {"name": spec.id, "custom_settings": custom, "__module__": cls.__module__}
    return type(cls.__name__, (cls,), attrs)
