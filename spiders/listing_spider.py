"""The listing spider: an HTML list of cards (link, title, date, summary), paginated, each card
leading to a detail page or PDF.

Layer: spiders. Selectors come from ``ListingSpec`` (XPath when they start with ``/``, ``(`` or
``./``, CSS otherwise; an element selected as a link gives its ``href``). Paging follows
``next_page`` or ``page_pattern`` (``{n}`` from 2) up to ``max_pages`` and stops after a page
whose cards are all in ``known_urls``. Known cards are skipped unless dated within
``revisit_days`` (late gazettes). With ``id_pattern`` the regex group taken from the link is the
document's ``external_id``, and cards without one are skipped. A first page with no card at all
is recorded as a parse error (the site's markup probably changed).
Settings read: CrawlOptions.revisit_days (default when the source sets none).
Cases: tests/crawling/test_listing_spider.py, tests/fixtures/crawling/listing/*.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from parsel import Selector

from spiders import text
from spiders.documents import Hints, check_body, header_charset, is_pdf
from spiders.errors import SourceError, SourceUnreadable
from spiders.generic import Output, SourceSpider
from spiders.items import DocumentItem
from spiders.selectors import first_link, first_text, select
from spiders.specs import ListingSpec

if TYPE_CHECKING:
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# A detail page with less text than this that links a PDF is read through the PDF.
SHORT_PAGE_CHARS = 400
PDF_LINK = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)


@dataclass(frozen=True)
class Card:
    """One item of a listing page."""

    url: str
    title: str | None
    published_on: date | None
    summary: str | None
    external_id: str | None


def page_selector(response: Response) -> Selector:
    """A selector over the body decoded our way (header charset checked, not trusted)."""
    html = text.decode_html(response.body, header_charset=header_charset(response))
    return Selector(text=html, base_url=response.url)


def parse_cards(root: Selector, *, spec: ListingSpec, base_url: str) -> list[Card]:
    """Every usable card of one listing page, in page order."""
    cards = []
    for node in select(root, spec.items):
        card = _card(node, spec=spec, base_url=base_url)
        if card is not None:
            cards.append(card)
    return cards


def _card(node: Selector, *, spec: ListingSpec, base_url: str) -> Card | None:
    href = first_link(node, spec.link)
    if not href:
        return None
    url = text.unwrap_redirect(urljoin(base_url, href))
    external_id = None
    if spec.id_pattern:
        match = re.search(spec.id_pattern, url)
        if match is None:
            return None
        external_id = match.group(1) if match.groups() else match.group(0)
    raw_date = first_text(node, spec.date)
    return Card(url=url, title=first_text(node, spec.title),
                published_on=text.parse_date(raw_date) if raw_date else None,
                summary=first_text(node, spec.summary), external_id=external_id)


def next_page_url(root: Selector, *, spec: ListingSpec, base_url: str,
                  page_no: int) -> str | None:
    """The URL of page ``page_no + 1``, or None when there is none or max_pages is reached."""
    if page_no >= spec.max_pages:
        return None
    if spec.next_page:
        href = first_link(root, spec.next_page)
        return urljoin(base_url, href) if href else None
    if spec.page_pattern:
        return urljoin(spec.url, spec.page_pattern.format(n=page_no + 1))
    return None


class ListingSpider(SourceSpider):
    """Cards from listing pages, then each card's detail page or PDF."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Output]:
        page_no = int(kwargs.get("page_no", 1))
        listing = self.spec.listing
        assert listing is not None
        try:
            check_body(response)
            root = page_selector(response)
            cards = parse_cards(root, spec=listing, base_url=response.url)
            if not cards and page_no == 1:
                raise SourceUnreadable(f"no item matched the listing selectors (items "
                                       f"{listing.items!r}, link {listing.link!r}); did the "
                                       "page's markup change?", kind="parse", url=response.url)
        except SourceError as exc:
            yield self.fetched(response, exc)
            return
        yield self.fetched(response)
        yield from self.card_requests(cards)
        logger.info("source %s: page %d, %d cards", self.spec.id, page_no, len(cards))
        if any(card.url not in self.known_urls for card in cards):
            yield from self.next_page(root, response.url, page_no)

    def card_requests(self, cards: list[Card]) -> Iterator[Output]:
        for card in cards:
            if not self.is_new(card.url) or (card.url in self.known_urls
                                              and not self.is_revisited(card)):
                continue
            hints = self.hints(title=card.title, published_on=card.published_on,
                               external_id=card.external_id, summary=card.summary)
            yield self.request(card.url, callback=self.parse_detail, hints=hints)

    def next_page(self, root: Selector, url: str, page_no: int) -> Iterator[Output]:
        assert self.spec.listing is not None
        following = next_page_url(root, spec=self.spec.listing, base_url=url, page_no=page_no)
        if following and self.is_new(following):
            request = self.request(following, callback=self.parse, wait_for=self.spec.wait_for)
            request.cb_kwargs["page_no"] = page_no + 1
            yield request

    def is_revisited(self, card: Card) -> bool:
        if not self.options.is_revisit_run:
            return False
        days = self.spec.revisit_days
        if days is None:
            days = self.options.revisit_days
        if not days or card.published_on is None:
            return False
        return card.published_on >= date.today() - timedelta(days=days)

    def parse_detail(self, response: Response, hints: Hints) -> Iterator[Output]:
        listing = self.spec.listing
        assert listing is not None
        if not is_pdf(response) and (listing.detail_title or listing.detail_date):
            try:
                hints = self.detail_hints(response, hints)
            except SourceError as exc:
                yield self.fetched(response, exc)
                return
        outputs = list(self.document_outputs(response, hints=hints,
                                             selector=listing.detail_text))
        pdf_url = self.linked_pdf(response, outputs)
        if pdf_url is None:
            yield from outputs
            return
        logger.info("source %s: detail page holds little text; following its PDF", self.spec.id)
        yield self.fetched(response)
        yield self.request(pdf_url, callback=self.parse_detail, hints=hints)

    def linked_pdf(self, response: Response, outputs: list[Output]) -> str | None:
        """The PDF a detail page links to when the page itself holds (almost) no text:
        gazettes and ombudsman sites often publish the act only as a PDF."""
        if is_pdf(response):
            return None
        texts = [o.text for o in outputs if isinstance(o, DocumentItem)]
        if texts and len(texts[0]) >= SHORT_PAGE_CHARS:
            return None
        for href in page_selector(response).css("a::attr(href)").getall():
            url = urljoin(response.url, href.strip())
            if PDF_LINK.search(url) and self.is_new(url):
                return url
        return None

    def detail_hints(self, response: Response, hints: Hints) -> Hints:
        assert self.spec.listing is not None
        root = page_selector(response)
        title = first_text(root, self.spec.listing.detail_title)
        raw_date = first_text(root, self.spec.listing.detail_date)
        published = text.parse_date(raw_date) if raw_date else None
        return replace(hints, title=title or hints.title,
                       published_on=published or hints.published_on)
