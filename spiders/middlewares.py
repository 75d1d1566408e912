"""Veeduría's Scrapy downloader middlewares and log formatter.

Layer: spiders. Installed by ``spiders.scrapy_settings.build_settings`` (Scrapy docs:
https://docs.scrapy.org/en/latest/topics/downloader-middleware.html):

* ``SsrfGuardMiddleware`` (50): every request, redirects and robots.txt included, goes through
  ``spiders.ssrf.check_url``; a refused one fails with ``SourceRefused`` (kind ``ssrf``).
* ``TimingMiddleware`` (60): stamps when a request left, for ``FetchItem.duration_ms``.
* ``BackoffRetryMiddleware`` (550, replaces Scrapy's RetryMiddleware): retries 5xx/408/429 and
  connection errors ``RETRY_TIMES`` times, waiting ``Retry-After`` (capped at
  ``CrawlOptions.retry_after_cap_s``) or an exponential backoff from ``backoff_base_s``.
* ``GzipCheckMiddleware`` (595, just outside HttpCompressionMiddleware): a gzip body whose
  stream is cut short fails with ``SourceUnreadable`` (kind ``encoding``) instead of yielding
  half a page.
* ``ConditionalGetMiddleware`` (560): adds If-None-Match / If-Modified-Since from the spider's
  ``validators`` (URL → (etag, last_modified)) to GET requests.
* ``QuietLogFormatter``: Scrapy logs scraped items in full; we log only the source and URL.

Settings read: VEEDURIA_OPTIONS (a CrawlOptions), RETRY_*. Cases: tests/crawling/test_middlewares.py
and the crawl tests in tests/crawling/test_crawl_*.py.
"""

from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.logformatter import LogFormatter, LogFormatterResult
from scrapy.utils.response import response_status_message

from spiders.errors import SourceRefused, SourceUnreadable
from spiders.scrapy_settings import CrawlOptions
from spiders.ssrf import check_url

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

SENT_AT = "veeduria_sent_at"
STARTED_AT = "veeduria_started_at"


def _options(crawler: Crawler) -> CrawlOptions:
    options = crawler.settings.get("VEEDURIA_OPTIONS")
    return options if isinstance(options, CrawlOptions) else CrawlOptions()


class SsrfGuardMiddleware:
    """Refuse requests to non-public addresses; results are cached per host for the crawl."""

    def __init__(self, allow_hosts: frozenset[str]) -> None:
        self.allow_hosts = allow_hosts
        self._refusals: dict[str, SourceRefused | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SsrfGuardMiddleware:
        return cls(frozenset(h.lower() for h in _options(crawler).allow_hosts))

    async def process_request(self, request: Request) -> None:
        key = _host_key(request.url)
        if key not in self._refusals:
            self._refusals[key] = await asyncio.to_thread(self._check, request.url)
        refusal = self._refusals[key]
        if refusal is not None:
            logger.warning("ssrf guard refused a request to %s", key)
            raise SourceRefused(str(refusal), kind=refusal.kind, url=request.url)

    def _check(self, url: str) -> SourceRefused | None:
        try:
            check_url(url, allow_hosts=self.allow_hosts)
        except SourceRefused as exc:
            return exc
        return None


def _host_key(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}"


class TimingMiddleware:
    """Stamp each request (retries included) when it is handed to the downloader."""

    def process_request(self, request: Request) -> None:
        request.meta[SENT_AT] = time.monotonic()
        request.meta.setdefault(STARTED_AT, datetime.now(UTC))


class ConditionalGetMiddleware:
    """Add the stored validators of a URL to its GET request (the server may answer 304)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        validators: Mapping[str, tuple[str | None, str | None]] = getattr(
            spider, "validators", {}) or {}
        if request.method != "GET" or request.url not in validators:
            return
        if request.meta.get("playwright"):
            return  # a browser aborts on a 304 without a body: JS pages are fetched in full
        etag, last_modified = validators[request.url]
        if etag and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = etag
        if last_modified and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = last_modified


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry, with a pause before each retry: Retry-After (capped) or backoff."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        options = _options(crawler)
        self.cap_s = options.retry_after_cap_s
        self.base_s = options.backoff_base_s

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request,  # type: ignore[override]
                               response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await asyncio.sleep(self._delay_s(request, response))
        return retry

    async def process_exception(self, request: Request,  # type: ignore[override]
                                exception: Exception) -> Request | Response | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self._delay_s(request, None))
        return retry

    def _delay_s(self, request: Request, response: Response | None) -> float:
        attempt = int(request.meta.get("retry_times", 0)) + 1
        backoff = float(self.base_s * 2 ** (attempt - 1))
        if response is not None:
            header = response.headers.get(b"Retry-After")
            wait = retry_after_s(header.decode("latin-1") if header else None)
            if wait is not None:
                return float(min(wait, self.cap_s))
        return min(backoff, self.cap_s)


def retry_after_s(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class GzipCheckMiddleware:
    """Refuse a gzip body whose stream is cut short (Scrapy would keep the readable part)."""

    def process_response(self, request: Request, response: Response) -> Response:
        encoding = (response.headers.get(b"Content-Encoding") or b"").strip().lower()
        if encoding not in (b"gzip", b"x-gzip") or not response.body:
            return response
        if not is_complete_gzip(response.body):
            raise SourceUnreadable("cannot decompress the response: the gzip stream is "
                                   "truncated or corrupt", kind="encoding", url=response.url)
        return response


def is_complete_gzip(body: bytes, *, chunk_bytes: int = 1 << 20) -> bool:
    """Whether ``body`` holds a whole gzip stream (decompressed in chunks, output dropped)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = body
    try:
        while data and not inflater.eof:
            inflater.decompress(data, chunk_bytes)
            data = inflater.unconsumed_tail
    except zlib.error:
        return False
    return inflater.eof


class QuietLogFormatter(LogFormatter):
    """Log scraped and dropped items by source and URL only, never their text."""

    def scraped(self, item: Any, response: Response | Failure | None,
                spider: Spider) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "item from %(source)s: %(url)s",
                "args": {"source": getattr(item, "source_id", "?"),
                         "url": getattr(item, "url", "?")}}

    def dropped(self, item: Any, exception: BaseException, response: Response | Failure | None,
                spider: Spider) -> LogFormatterResult:
        return {"level": logging.WARNING, "msg": "dropped item from %(source)s: %(reason)s",
                "args": {"source": getattr(item, "source_id", "?"), "reason": str(exception)}}
