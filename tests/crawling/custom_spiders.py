"""Custom spider classes named by test sources (``spider: custom_spiders.X``); the crawl child
finds this module because its folder is the script's folder."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy

from spiders.generic import SourceSpider
from spiders.items import DocumentItem


class CrashingStartSpider(SourceSpider):
    """Fails before sending anything."""

    async def start(self) -> AsyncIterator[Any]:
        raise RuntimeError("start exploded")
        yield  # pragma: no cover - makes this an async generator


class CrashingCallbackSpider(SourceSpider):
    """Fetches its page, then its callback raises."""

    def parse(self, response: Any, **kwargs: Any) -> Iterator[Any]:
        raise ValueError("callback exploded")


class PlainSpider(scrapy.Spider):
    """A spider that does not derive from SourceSpider but still yields our items."""

    async def start(self) -> AsyncIterator[Any]:
        yield scrapy.Request(self.spec.start_url, callback=self.parse)

    def parse(self, response: Any, **kwargs: Any) -> Iterator[DocumentItem]:
        yield DocumentItem(source_id=self.spec.id, url=response.url, fetched_url=response.url,
                           title="propia", text="texto propio", published_on=None,
                           language="es", content_type="text/html", raw=response.body,
                           content_hash="0" * 64)
