"""The feed spider: an RSS/Atom feed whose entries become documents, fetching the linked page
when the entry carries only a summary.

Layer: spiders. ``FeedSpec.fetch_linked``: ``auto`` (fetch when ``feeds.entry_needs_page``),
``always``, ``never``. Links are unwrapped from redirectors (Google News, feedproxy) first; a link
to a PDF is always fetched and read with ``pdf_text``; a linked page already in ``known_urls`` is
not fetched again. HTML served where a feed was expected is recorded as a parse error.
Settings read: none beyond CrawlOptions. Cases: tests/crawling/test_feed_spider.py,
tests/fixtures/crawling/feed/*.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from spiders import feeds, text
from spiders.documents import Hints, check_body, content_type_of, document_from_entry
from spiders.errors import SourceError, SourceUnreadable
from spiders.generic import Output, SourceSpider

if TYPE_CHECKING:
    from scrapy.http import Response

logger = logging.getLogger(__name__)


def looks_like_pdf(url: str) -> bool:
    return url.lower().split("?", 1)[0].split("#", 1)[0].endswith(".pdf")


class FeedSpider(SourceSpider):
    """Entries of one feed; linked pages fetched when the entry has no full text."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Output]:
        try:
            if not response.body:
                check_body(response)
            parsed = feeds.parse_feed(response.body, url=response.url,
                                      content_type=content_type_of(response))
            if not parsed.entries and parsed.problem:
                raise SourceUnreadable(f"unreadable feed: {parsed.problem}", kind="parse",
                                       url=response.url)
        except SourceError as exc:
            yield self.fetched(response, exc)
            return
        yield self.fetched(response)
        if parsed.problem:
            logger.info("source %s: feed parsed with a problem (%d entries kept)",
                        self.spec.id, len(parsed.entries))
        for entry in parsed.entries:
            yield from self.entry_outputs(entry, response)

    def entry_outputs(self, entry: feeds.FeedEntry, response: Response) -> Iterator[Output]:
        link = text.unwrap_redirect(urljoin(response.url, entry.link)) if entry.link else ""
        entry = replace(entry, link=link)
        hints = self.hints(title=entry.title or None, published_on=entry.published_on,
                           summary=entry.summary_text or None)
        if link and self.should_fetch(entry, link):
            if text.canonical_url(link) not in self.known_urls and self.is_new(link):
                yield self.request(link, callback=self.parse_linked, hints=hints)
            return
        try:
            yield document_from_entry(entry, hints=hints, feed_url=response.url,
                                      raw=response.body, content_type=content_type_of(response))
        except SourceError as exc:
            logger.info("source %s: entry skipped (%s)", self.spec.id, exc.kind)

    def should_fetch(self, entry: feeds.FeedEntry, link: str) -> bool:
        assert self.spec.feed is not None
        mode = self.spec.feed.fetch_linked
        if looks_like_pdf(link) or mode == "always":
            return True
        if mode == "never":
            return False
        return feeds.entry_needs_page(entry)

    def parse_linked(self, response: Response, hints: Hints) -> Iterator[Output]:
        yield from self.document_outputs(response, hints=hints)
