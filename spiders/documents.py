"""Building ``DocumentItem`` from what a spider received: an HTML page, a selector in a page, a
PDF, or a feed entry; plus the checks that keep challenges, login walls and empty bodies out.

Layer: spiders. Pure functions over Scrapy ``Response`` objects (no fetching); the parsing itself
is in ``spiders.extract``, ``spiders.feeds``, ``spiders.pdf`` and ``spiders.text``. Each raises
a ``SourceError`` subclass when the response cannot become a document, and the spider records it
as a failed ``FetchItem``. Settings read: ocr_languages (passed in).

The date is the listing's or feed's, else the page's metadata, else the URL's, else (last
resort) the one the title or text states (``spiders.text_datelines``; ``extra["date_source"]``
is then ``text:<form>``, e.g. ``text:dateline``).
Cases: tests/crawling/test_crawl_datelines.py, tests/parsing/test_datelines.py and the crawl
tests under tests/crawling/ (fixtures in tests/fixtures/crawling/).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spiders import extract, text
from spiders.errors import SourceUnavailable, SourceUnreadable
from spiders.items import DocumentItem
from spiders.text_datelines import body_date

if TYPE_CHECKING:
    from scrapy.http import Response

    from spiders.feeds import FeedEntry

logger = logging.getLogger(__name__)

PDF_TYPES = ("application/pdf", "application/x-pdf")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")


@dataclass(frozen=True)
class Hints:
    """What the spider already knows about a document before reading it (listing card, feed)."""

    source_id: str
    language: str | None = None
    title: str | None = None
    published_on: date | None = None
    external_id: str | None = None
    summary: str | None = None


def content_type_of(response: Response) -> str:
    """The media type (no parameters), lower case; sniffed from the body when missing."""
    raw = response.headers.get(b"Content-Type") or b""
    media = raw.decode("latin-1").split(";", 1)[0].strip().lower()
    if response.body[:5] == b"%PDF-":
        return "application/pdf"
    return media or "application/octet-stream"


def header_charset(response: Response) -> str | None:
    """The charset parameter of Content-Type, if any (it may lie; decode_html checks)."""
    raw = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    for param in raw.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def is_pdf(response: Response) -> bool:
    return content_type_of(response) in PDF_TYPES


def check_body(response: Response) -> None:
    """Raise when a response is empty, a bot challenge or a login wall (never a document)."""
    if not response.body:
        raise SourceUnreadable("empty response (0 bytes)", kind="empty", url=response.url)
    blocked = blocked_error(response)
    if blocked is not None:
        raise blocked


def blocked_error(response: Response) -> SourceUnavailable | None:
    """The error for a bot challenge, captcha or login wall; None for anything else."""
    if not response.body or is_pdf(response):
        return None
    html = text.decode_html(response.body[:200_000], header_charset=header_charset(response))
    reason = text.is_challenge_page(response.status, html)
    if reason is None:
        return None
    return SourceUnavailable(f"blocked: {reason}", kind="blocked", url=response.url)


def document_from_html(response: Response, *, hints: Hints,
                       selector: str | None = None) -> DocumentItem:
    """The page's main text (or the text under ``selector``) as a document."""
    check_body(response)
    charset = header_charset(response)
    if selector:
        found = extract.extract_selector(response.body, url=response.url, selector=selector,
                                         header_charset=charset)
    else:
        found = extract.extract_html(response.body, url=response.url, header_charset=charset)
    body_text = found.text
    return _document(response, hints=hints, title=found.title, body_text=body_text,
                     published_on=found.published_on, language=found.language,
                     canonical=found.canonical_url)


def document_from_pdf(response: Response, *, hints: Hints, ocr_languages: str) -> DocumentItem:
    """A PDF's text (OCR when it has none and ``ocr_languages`` is set) as a document."""
    if not response.body:
        raise SourceUnreadable("empty response (0 bytes)", kind="empty", url=response.url)
    from spiders import pdf  # pypdfium2 is loaded only when a source serves a PDF

    found = pdf.pdf_text(response.body, ocr_languages=ocr_languages)
    if not found.text.strip():
        raise SourceUnreadable("PDF has no text (scanned, and OCR is off or found nothing)",
                               kind="pdf", url=response.url)
    return _document(response, hints=hints, title=_first_line(found.text), body_text=found.text,
                     published_on=None, language=None, canonical=None,
                     extra={"pages": str(found.pages), "is_ocr": str(found.is_ocr).lower()})


def document_from_response(response: Response, *, hints: Hints, ocr_languages: str,
                           selector: str | None = None) -> DocumentItem:
    """PDF or HTML, whichever the response is."""
    if is_pdf(response):
        return document_from_pdf(response, hints=hints, ocr_languages=ocr_languages)
    return document_from_html(response, hints=hints, selector=selector)


def document_from_entry(entry: FeedEntry, *, hints: Hints, feed_url: str,
                        raw: bytes, content_type: str) -> DocumentItem:
    """A feed entry that carries its own text (no page fetch) as a document."""
    body_text = entry.content_text or entry.summary_text or ""
    if not body_text.strip():
        raise SourceUnreadable("feed entry has no text", kind="parse", url=entry.link)
    link = text.unwrap_redirect(entry.link) if entry.link else feed_url
    title = entry.title or hints.title or ""
    published, extra = _with_text_date(entry.published_on or text.date_from_url(link),
                                       title=title, body_text=body_text, extra=None)
    language = text.detect_language(body_text) or hints.language
    return DocumentItem(
        source_id=hints.source_id, url=text.canonical_url(link), fetched_url=feed_url,
        title=title, text=body_text, published_on=published, language=language,
        content_type=content_type, raw=raw, content_hash=text.content_hash(body_text),
        external_id=hints.external_id or entry.guid or None, extra=extra)


def _document(response: Response, *, hints: Hints, title: str | None, body_text: str,
              published_on: date | None, language: str | None, canonical: str | None,
              extra: dict[str, str] | None = None) -> DocumentItem:
    url = canonical or text.canonical_url(response.url)
    title = (hints.title or title or "").strip()
    published, extra = _with_text_date(
        hints.published_on or published_on or text.date_from_url(response.url),
        title=title, body_text=body_text, extra=extra)
    return DocumentItem(
        source_id=hints.source_id, url=url, fetched_url=response.url,
        title=title, text=body_text, published_on=published,
        language=language or text.detect_language(body_text) or hints.language,
        content_type=content_type_of(response), raw=response.body,
        content_hash=text.content_hash(body_text), external_id=hints.external_id,
        extra=extra)


def _with_text_date(published: date | None, *, title: str, body_text: str,
                    extra: dict[str, str] | None) -> tuple[date | None, dict[str, str]]:
    """``published`` as it is, or (when None) the date the title or text states; ``extra``
    gains ``date_source: text:<form>`` when the text gave the date."""
    extra = dict(extra or {})
    if published is not None:
        return published, extra
    found = body_date(title=title, text=body_text, today=date.today())
    if found is None:
        return None, extra
    extra["date_source"] = f"text:{found.kind}"
    return found.value, extra


def _first_line(body_text: str) -> str:
    for line in body_text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
