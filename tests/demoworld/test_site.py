"""The demo sites look like the real ones: Latin-1 police pages, a JS-only listing, a feed
with summaries only, canonical and utm links, both gazette layouts, boilerplate.

Cases: the site built for FIXED_TODAY (conftest.py ``demo_site``) and rules/sources/demo.yaml.
"""

from __future__ import annotations

import feedparser
import pytest
from demoworld_helpers import demo_specs
from parsel import Selector

from spiders.listing_spider import parse_cards

BASE = "http://127.0.0.1:8999"
COMUNICADO = "/policia/comunicados/felcv-activa-protocolo-proteccion-cochabamba.html"


def test_latin1_pages_declare_and_decode_as_latin1(demo_site):
    content_type, body = demo_site[COMUNICADO]
    assert content_type == "text/html; charset=ISO-8859-1"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    html = body.decode("iso-8859-1")
    assert 'charset=iso-8859-1' in html
    assert "Fuerza Especial de Lucha Contra la Violencia" in html and "protección" in html


def test_police_feed_is_latin1_and_parses(demo_site):
    content_type, body = demo_site["/policia/rss.xml"]
    assert content_type.endswith("charset=ISO-8859-1")
    feed = feedparser.parse(body)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert any("protección" in title for title in titles) and len(titles) == 10


def test_js_listing_has_no_items_until_its_script_runs(demo_site):
    html = demo_site["/policia/js/"][1].decode()
    page = Selector(text=html)
    assert page.css("ul#boletines").get() is not None
    assert page.css("li.boletin").getall() == []
    script = page.css("script::text").get()
    assert script is not None and "createElement('li')" in script
    assert "/policia/boletines/detencion-preventiva-acusado-secuestro-cochabamba.html" in script


def test_news_feed_has_summaries_only_and_utm_links(demo_site):
    feed = feedparser.parse(demo_site["/noticias/feed.xml"][1])
    assert not feed.bozo and len(feed.entries) == 13
    for entry in feed.entries:
        assert "content" not in entry
        assert len(entry.summary) < 200
        assert "?utm_source=rss" in entry.link


def test_news_article_has_canonical_and_repeated_boilerplate(demo_site):
    path = "/noticias/articulo/fiscalia-abre-investigacion-secuestro-trabajadora-sexual.html"
    page = Selector(text=demo_site[path][1].decode())
    assert page.css("link[rel=canonical]::attr(href)").get() == BASE + path
    assert page.css("aside.mas-leidas li").getall()
    assert all("utm_" in href for href in page.css("aside.mas-leidas a::attr(href)").getall())


def test_gazette_table_layout(demo_site):
    page = Selector(text=demo_site["/gaceta/normas/listadonor/10"][1].decode())
    headers = page.css("table#tNormas thead th::text").getall()
    assert headers == ["N°", "Número", "Tipo de Norma", "Fecha", "Edición", "Sumario", "PDF"]
    first_date = page.css("table#tNormas tbody tr td:nth-child(4)::text").get()
    assert first_date is not None and first_date[2] == "/" and first_date[5] == "/"


def test_gazette_card_layout(demo_site):
    page = Selector(text=demo_site["/gaceta/normas/listadonordes/0"][1].decode())
    card_text = " ".join("".join(page.css("div.card p.card-text")[0].xpath(".//text()").getall())
                         .split())
    assert card_text.startswith("Publicado en edición: ")
    assert "NEC | Fecha de Publicación: 2026-" in card_text
    assert page.css("div.card h6 b::text").get()
    assert page.css("div.card div.contentpaneopen p::text").get()


@pytest.mark.parametrize(("source_id", "path", "count"), [
    ("bo_gaceta", "/gaceta/normas/listadonor/10", 10),
    ("bo_gaceta", "/gaceta/normas/listadonor/10?page=2", 10),
    ("bo_gaceta", "/gaceta/normas/listadonor/10?page=3", 0),
    ("bo_gaceta_cards", "/gaceta/normas/listadonordes/0", 8),
    ("bo_gaceta_cards", "/gaceta/normas/listadonordes/0?page=2", 2),
    ("bo_defensoria", "/defensoria/noticias/", 6),
    ("bo_defensoria", "/defensoria/noticias/?pagina=2", 3),
])
def test_source_selectors_read_every_card(demo_site, source_id, path, count):
    spec = demo_specs(BASE)[source_id]
    assert spec.listing is not None
    if path.endswith("=3"):
        assert path not in demo_site  # 20 norms, 10 a page
        return
    html = demo_site[path][1].decode()
    cards = parse_cards(Selector(text=html, base_url=BASE + path), spec=spec.listing,
                        base_url=BASE + path)
    assert len(cards) == count
    assert all(card.title and card.published_on for card in cards)
    if spec.listing.id_pattern:
        assert all(card.external_id and card.external_id.isdigit() for card in cards)


def test_pdf_only_card_links_the_pdf(demo_site):
    spec = demo_specs(BASE)["bo_gaceta_cards"]
    assert spec.listing is not None
    urls = []
    for path in ("/gaceta/normas/listadonordes/0", "/gaceta/normas/listadonordes/0?page=2"):
        html = demo_site[path][1].decode()
        cards = parse_cards(Selector(text=html, base_url=BASE), spec=spec.listing,
                            base_url=BASE)
        urls += [card.url for card in cards]
    assert BASE + "/gaceta/normas/descargarNrms/187386" in urls
    assert BASE + "/gaceta/normas/verGratis_gob/187392" in urls


def test_listing_pages_link_the_next_page(demo_site):
    page = Selector(text=demo_site["/gaceta/normas/listadonor/10"][1].decode())
    assert page.css("ul.pagination li.next a::attr(href)").get() == \
        "/gaceta/normas/listadonor/10?page=2"
    last = Selector(text=demo_site["/gaceta/normas/listadonor/10?page=2"][1].decode())
    assert last.css("ul.pagination li.next").get() is None
