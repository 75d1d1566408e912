"""ListingSpider callbacks on hand-made responses (no reactor): cards, ids, dates, paging,
known URLs and revisits, detail pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import scrapy
from parsel import Selector
from responses import BASE, bytes_response, fixture_response

from spiders.items import DocumentItem, FetchItem
from spiders.listing_spider import ListingSpider, parse_cards
from spiders.scrapy_settings import CrawlOptions
from spiders.specs import ListingSpec, SourceSpec

LISTING = ListingSpec(url=BASE + "listing/listado.html", items="div.norma", link="a",
                      title="a::text", date="span.fecha::text", summary="p.resumen",
                      next_page="a.siguiente::attr(href)", detail_text="div.texto",
                      id_pattern=r"norma/(\d+)")
SPEC = SourceSpec(id="bo_gaceta", name="Gaceta", country="BO", kind="gazette", language="es",
                  listing=LISTING)


def spider(spec=SPEC, **kwargs):
    return ListingSpider(spec=spec, options=CrawlOptions(), **kwargs)


def outputs(spider_, response, **kwargs):
    found = list(spider_.parse(response, **kwargs))
    return ([o for o in found if isinstance(o, FetchItem)],
            [o for o in found if isinstance(o, scrapy.Request)])


def test_cards_have_ids_dates_in_both_formats_and_skip_cards_without_id():
    root = Selector(text=fixture_response("listing/listado.html").text)
    cards = parse_cards(root, spec=LISTING, base_url=BASE + "listing/listado.html")
    assert [(c.external_id, c.published_on) for c in cards] == [
        ("101", date(2025, 3, 5)), ("102", date(2025, 3, 4)), ("103", date(2025, 3, 3))]
    assert cards[0].title == "Decreto Supremo 5101"
    assert cards[0].summary == "Aprueba el protocolo de atención a víctimas."


def test_without_id_pattern_every_linked_card_counts():
    root = Selector(text=fixture_response("listing/listado.html").text)
    cards = parse_cards(root, spec=replace(LISTING, id_pattern=None), base_url=BASE)
    assert len(cards) == 4 and all(c.external_id is None for c in cards)


def test_xpath_selectors_work_like_css():
    listing = replace(LISTING, items="//div[@class='norma']", link="./a/@href",
                      title="./a", date="./span[@class='fecha']/text()")
    root = Selector(text=fixture_response("listing/listado.html").text)
    cards = parse_cards(root, spec=listing, base_url=BASE + "listing/listado.html")
    assert [c.external_id for c in cards] == ["101", "102", "103"]
    assert cards[2].title == "Decreto Supremo 5103 (PDF)"


def test_first_page_requests_details_and_the_next_page():
    fetches, requests = outputs(spider(), fixture_response("listing/listado.html"))
    assert [f.status for f in fetches] == [200] and fetches[0].error is None
    urls = [r.url for r in requests]
    assert urls == [BASE + "listing/norma/101.html",
                    BASE + "listing/norma/102.html?utm_source=boletin",
                    BASE + "listing/norma/103.pdf", BASE + "listing/listado-2.html"]
    assert requests[0].cb_kwargs["hints"].external_id == "101"
    assert requests[-1].cb_kwargs["page_no"] == 2


def test_page_of_only_known_urls_stops_paging():
    known = {BASE + "listing/norma/101.html", BASE + "listing/norma/102.html?utm_source=boletin",
             BASE + "listing/norma/103.pdf"}
    _, requests = outputs(spider(known_urls=known), fixture_response("listing/listado.html"))
    assert requests == []


def test_known_items_dated_within_revisit_days_are_visited_again():
    today = date.today()
    html = (f'<div class="norma"><a href="norma/1.html">Nueva</a><span class="fecha">'
            f'{today:%d/%m/%Y}</span></div><div class="norma"><a href="norma/2.html">Vieja</a>'
            f'<span class="fecha">{today - timedelta(days=90):%Y-%m-%d}</span></div>').encode()
    known = {BASE + "listing/norma/1.html", BASE + "listing/norma/2.html"}
    revisiting = spider(replace(SPEC, revisit_days=31), known_urls=known)
    _, requests = outputs(revisiting, bytes_response(html, url=BASE + "listing/listado.html"))
    assert [r.url for r in requests] == [BASE + "listing/norma/1.html"]


def test_page_pattern_paging_stops_at_max_pages():
    listing = replace(LISTING, next_page=None, page_pattern="listado-{n}.html", max_pages=2)
    paging = spider(replace(SPEC, listing=listing))
    _, first = outputs(paging, fixture_response("listing/listado.html"))
    assert first[-1].url == BASE + "listing/listado-2.html"
    _, second = outputs(paging, fixture_response("listing/listado-2.html"), page_no=2)
    assert [r.url for r in second] == [BASE + "listing/norma/99.html"]


def test_listing_without_any_card_is_a_parse_error():
    body = b"<html><body><table><tr><td>Nuevo formato</td></tr></table></body></html>"
    fetches, requests = outputs(spider(), bytes_response(body, url=LISTING.url))
    assert requests == []
    assert fetches[0].error_kind == "parse" and "markup change" in fetches[0].error


def test_empty_listing_is_an_error_not_a_crash():
    fetches, _ = outputs(spider(), bytes_response(b"", url=LISTING.url))
    assert fetches[0].error_kind == "empty"


def test_detail_page_becomes_a_document_with_card_hints():
    spider_ = spider()
    _, requests = outputs(spider_, fixture_response("listing/listado.html"))
    hints = requests[1].cb_kwargs["hints"]
    response = fixture_response("listing/norma/102.html",
                                url=BASE + "listing/norma/102.html?utm_source=boletin")
    found = list(spider_.parse_detail(response, hints=hints))
    fetch, document = found
    assert isinstance(fetch, FetchItem) and fetch.error is None
    assert isinstance(document, DocumentItem)
    assert document.url == BASE + "listing/norma/102.html"
    assert document.title == "Resolución Ministerial 102/2025"
    assert document.published_on == date(2025, 3, 4)
    assert document.external_id == "102"
    assert document.text.startswith("Artículo 1.") and "Inicio" not in document.text
    assert document.content_type == "text/html" and document.raw == response.body
    assert len(document.content_hash) == 64 and document.language == "es"


def test_a_crawl_that_is_not_a_revisit_run_skips_every_known_item():
    today = date.today()
    html = (f'<div class="norma"><a href="norma/1.html">Nueva</a><span class="fecha">'
            f'{today:%d/%m/%Y}</span></div>').encode()
    known = {BASE + "listing/norma/1.html"}
    polling = ListingSpider(spec=replace(SPEC, revisit_days=31),
                            options=CrawlOptions(is_revisit_run=False), known_urls=known)
    _, requests = outputs(polling, bytes_response(html, url=BASE + "listing/listado.html"))
    assert requests == []


def detail_outputs(html: str):
    listing_spider = spider(replace(SPEC, listing=replace(LISTING, detail_text=None)))
    hints = listing_spider.hints(title="Resolución DP N° 301/2026", published_on=None,
                                 external_id="301", summary=None)
    response = bytes_response(html.encode(), url=BASE + "listing/norma/301.html")
    return list(listing_spider.parse_detail(response, hints=hints))


def test_a_detail_page_that_only_links_a_pdf_is_read_through_the_pdf():
    found = detail_outputs('<html><body><main><h1>Resolución DP N° 301/2026</h1>'
                           '<p><a href="../pdf/301.pdf">Ver PDF</a></p></main></body></html>')
    fetches = [o for o in found if isinstance(o, FetchItem)]
    requests = [o for o in found if isinstance(o, scrapy.Request)]
    assert [f.error for f in fetches] == [None]
    assert [r.url for r in requests] == [BASE + "listing/pdf/301.pdf"]
    assert not [o for o in found if isinstance(o, DocumentItem)]


def test_a_detail_page_with_its_own_text_keeps_it_even_with_a_pdf_link():
    body = " ".join(["La Defensoría del Pueblo aprobó el protocolo de atención."] * 12)
    found = detail_outputs(f'<html><body><main><h1>Resolución</h1><p>{body}</p>'
                           '<a href="301.pdf">PDF</a></main></body></html>')
    assert [type(o).__name__ for o in found] == ["FetchItem", "DocumentItem"]
