"""Editors' selectors: XPath when they start with ``/``, ``(`` or ``./``, CSS otherwise
(``::text`` and ``::attr(name)`` allowed); first match as clean text or as a link.

Layer: spiders (parsel only, no Scrapy, so ``monitor.sources`` can check selectors cheaply).
Settings read: none. Cases: tests/crawling/test_listing_spider.py.
"""

from __future__ import annotations

import logging

from parsel import Selector, SelectorList

logger = logging.getLogger(__name__)


def select(node: Selector, selector: str) -> SelectorList[Selector]:
    """XPath when the selector starts with ``/``, ``(`` or ``./``; CSS otherwise."""
    if selector.startswith(("/", "(", "./")):
        return node.xpath(selector)
    return node.css(selector)


def first_text(node: Selector, selector: str | None) -> str | None:
    """The first non-blank match as clean text (an element gives its whole text), or None."""
    if not selector:
        return None
    for found in select(node, selector):
        value = found.get() if isinstance(found.root, str) else " ".join(
            found.xpath(".//text()").getall())
        cleaned = " ".join(value.split())
        if cleaned:
            return cleaned
    return None


def first_link(node: Selector, selector: str) -> str | None:
    """The first match as a URL: an attribute or text as is, an element's ``href``."""
    for found in select(node, selector):
        value = found.get() if isinstance(found.root, str) else found.attrib.get("href")
        if value and value.strip():
            return value.strip()
    return None
