"""Scrapy settings for a Veeduría crawl, built from plain arguments (``CrawlOptions``).

Layer: spiders. Monitor turns its settings (fetch_timeout_s, fetch_retries, max_download_mb,
max_redirects, obey_robots, download_delay_s, concurrent_requests, allow_hosts, contact_url,
chromium_path, ocr_languages) into a ``CrawlOptions``; nothing here reads the environment.
What the settings do: https://docs.scrapy.org/en/latest/topics/settings.html; the Playwright
part follows docs/stack-notes.md (asyncio reactor; the browser download handler is installed only
when some source renders JS, because each crawl then launches Chromium).
Cases: tests/crawling/test_middlewares.py, tests/crawling/test_listing_spider.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spiders.specs import SourceSpec
from spiders.ssrf import BrowserRequestGuard

logger = logging.getLogger(__name__)

ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")
PLAYWRIGHT_HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
RETRY_HTTP_CODES = (500, 502, 503, 504, 522, 524, 408, 429)
MW = "spiders.middlewares"


@dataclass(frozen=True)
class CrawlOptions:
    """Everything a crawl needs from the settings, as plain values."""

    user_agent: str = "Veeduria/0.1 (+https://veeduria.example.org/contact)"
    timeout_s: float = 30.0
    retries: int = 2
    max_download_mb: float = 20.0
    max_redirects: int = 5
    obey_robots: bool = True
    delay_s: float = 0.25
    concurrent_requests: int = 16
    allow_hosts: frozenset[str] = field(default_factory=frozenset)
    chromium_path: str = ""
    ocr_languages: str = "spa+por"
    revisit_days: int = 0  # listing sources re-visit known items dated this recently
    is_revisit_run: bool = True  # False: known items are never re-visited in this crawl
    retry_after_cap_s: float = 30.0  # a Retry-After longer than this is cut down to it
    backoff_base_s: float = 1.0  # retry n waits base * 2**(n-1) when no Retry-After is given
    autothrottle: bool = True
    log_level: str = "INFO"

    @property
    def max_download_bytes(self) -> int:
        return int(self.max_download_mb * 1024 * 1024)

    @property
    def is_js_enabled(self) -> bool:
        return bool(self.chromium_path)


def build_settings(options: CrawlOptions, *, specs: Sequence[SourceSpec]) -> dict[str, Any]:
    """The Scrapy settings dict for one crawl of ``specs``."""
    settings: dict[str, Any] = {
        "BOT_NAME": "veeduria",
        "TWISTED_REACTOR": ASYNCIO_REACTOR,
        "USER_AGENT": options.user_agent,
        "ROBOTSTXT_OBEY": options.obey_robots,
        "ROBOTSTXT_USER_AGENT": options.user_agent,
        "DOWNLOAD_TIMEOUT": options.timeout_s,
        "DOWNLOAD_MAXSIZE": options.max_download_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_DELAY": options.delay_s,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "CONCURRENT_REQUESTS": options.concurrent_requests,
        # Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback result (100 by
        # default); our callbacks yield two or three items, handed on synchronously.
        "CONCURRENT_ITEMS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": min(8, options.concurrent_requests),
        "AUTOTHROTTLE_ENABLED": options.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(options.delay_s, 0.25),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
        "REDIRECT_MAX_TIMES": options.max_redirects,
        "RETRY_ENABLED": options.retries > 0,
        "RETRY_TIMES": options.retries,
        "RETRY_HTTP_CODES": list(RETRY_HTTP_CODES),
        "COMPRESSION_ENABLED": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": options.log_level,
        "LOG_INSTALL_ROOT_HANDLER": False,  # the caller (monitor) owns logging
        "LOG_FORMATTER": "spiders.middlewares.QuietLogFormatter",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "DOWNLOADER_MIDDLEWARES": _downloader_middlewares(),
        "TWISTED_DNS_RESOLVER": "spiders.ssrf.GuardedResolver",
        "VEEDURIA_OPTIONS": options,
    }
    return settings


def source_settings(options: CrawlOptions, spec: SourceSpec) -> dict[str, Any]:
    """Per-source settings: only a ``render: js`` source gets the Playwright handler, so
    plain sources never start a Playwright driver (each handler starts its own)."""
    if options.is_js_enabled and spec.render == "js":
        return playwright_settings(options)
    return {}


def _downloader_middlewares() -> dict[str, int | None]:
    return {
        f"{MW}.SsrfGuardMiddleware": 50,  # before robots.txt, so robots.txt is checked too
        f"{MW}.TimingMiddleware": 60,
        f"{MW}.ConditionalGetMiddleware": 560,
        f"{MW}.GzipCheckMiddleware": 595,  # sees the body before HttpCompression (590)
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        f"{MW}.BackoffRetryMiddleware": 550,
    }


def playwright_settings(options: CrawlOptions) -> dict[str, Any]:
    logger.info("JS rendering enabled (chromium at %s)", options.chromium_path)
    return {
        "DOWNLOAD_HANDLERS": {"http": PLAYWRIGHT_HANDLER, "https": PLAYWRIGHT_HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": options.chromium_path,
                                      "headless": True, "args": list(CHROMIUM_ARGS)},
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
        "PLAYWRIGHT_ABORT_REQUEST": BrowserRequestGuard(allow_hosts=options.allow_hosts),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(options.timeout_s * 1000),
    }
