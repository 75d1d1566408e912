"""FeedSpider callbacks on hand-made responses: entries with text become documents, summary-only
entries and PDF links are fetched, known pages are not fetched again."""

from __future__ import annotations

from dataclasses import replace

import scrapy
from responses import BASE, fixture_response

from spiders.feed_spider import FeedSpider
from spiders.items import DocumentItem, FetchItem
from spiders.scrapy_settings import CrawlOptions
from spiders.specs import FeedSpec, SourceSpec

SPEC = SourceSpec(id="bo_defensoria", name="Defensoría", country="BO", kind="ombudsman",
                  language="es", feed=FeedSpec(url=BASE + "feed/noticias.xml"))


def run(spec=SPEC, **kwargs):
    spider = FeedSpider(spec=spec, options=CrawlOptions(), **kwargs)
    found = list(spider.parse(fixture_response("feed/noticias.xml")))
    return (spider, [o for o in found if isinstance(o, FetchItem)],
            [o for o in found if isinstance(o, DocumentItem)],
            [o for o in found if isinstance(o, scrapy.Request)])


def test_full_entry_is_a_document_and_others_are_fetched():
    _, fetches, documents, requests = run()
    assert [f.error for f in fetches] == [None]
    [document] = documents
    assert document.title == "Defensoría presenta informe anual sobre trata"
    assert document.url == BASE + "feed/nota-completa.html"
    assert "312 casos" in document.text and document.published_on.isoformat() == "2025-03-03"
    assert [r.url for r in requests] == [BASE + "feed/nota-1.html", BASE + "pdf/resolucion.pdf"]


def test_fetch_linked_always_fetches_every_entry():
    always = replace(SPEC, feed=FeedSpec(url=SPEC.feed.url, fetch_linked="always"))
    _, _, documents, requests = run(always)
    assert documents == [] and len(requests) == 3


def test_fetch_linked_never_keeps_summaries_but_still_reads_pdfs():
    never = replace(SPEC, feed=FeedSpec(url=SPEC.feed.url, fetch_linked="never"))
    _, _, documents, requests = run(never)
    assert len(documents) == 2
    assert [r.url for r in requests] == [BASE + "pdf/resolucion.pdf"]


def test_known_linked_pages_are_not_fetched_again():
    _, _, _, requests = run(known_urls={BASE + "feed/nota-1.html"})
    assert [r.url for r in requests] == [BASE + "pdf/resolucion.pdf"]


def test_linked_page_document_keeps_the_entry_title_and_date():
    spider, _, _, requests = run()
    found = list(spider.parse_linked(fixture_response("feed/nota-1.html"),
                                     hints=requests[0].cb_kwargs["hints"]))
    fetch, document = found
    assert fetch.error is None
    assert document.title == "Policía activa protocolo de atención"
    assert document.published_on.isoformat() == "2025-03-04"
    assert "redadas sin orden fiscal" in document.text


def test_html_served_as_the_feed_is_a_parse_error():
    spider = FeedSpider(spec=SPEC, options=CrawlOptions())
    found = list(spider.parse(fixture_response("feed/feed-es-html.xml")))
    assert [(type(o), o.error_kind) for o in found] == [(FetchItem, "parse")]
