"""Renders the demo world: every page, feed and PDF, as bytes keyed by path (with query).

Layer: monitor (demo world only). No settings. Jinja2 templates in ``templates/``, content in
``content.yaml`` (see ``content.py``). Cases: tests/demoworld/test_site.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from monitor.demoworld.content import DemoDocument, load_documents, most_read_slugs
from monitor.demoworld.pdf import make_pdf

logger = logging.getLogger(__name__)

Site = dict[str, tuple[str, bytes]]
HTML = "text/html; charset=utf-8"
HTML_LATIN1 = "text/html; charset=ISO-8859-1"
RSS = "application/rss+xml; charset=utf-8"
RSS_LATIN1 = "application/rss+xml; charset=ISO-8859-1"
PDF = "application/pdf"
TABLE_PAGE_SIZE = 10
CARDS_PAGE_SIZE = 8
OMBUDSMAN_PAGE_SIZE = 6
ROBOTS_TXT = b"User-agent: *\nDisallow: /privado/\n"
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
WEEKDAY_NAMES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def fecha_larga(day: date) -> str:
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def dia_semana(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def rfc822(day: date) -> str:
    moment = datetime.combine(day, time(9, 30), tzinfo=UTC)
    return format_datetime(moment)


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                      autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.globals.update(fecha_larga=fecha_larga, dia_semana=dia_semana, rfc822=rfc822)
    return env


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def build_site(today: date, *, base_url: str = "") -> Site:
    """Every path of the demo world for ``today``; feeds and canonicals use ``base_url``."""
    documents = load_documents(today)
    site: Site = {
        "/": (HTML, _render("indice.html.j2", today=today).encode()),
        "/robots.txt": ("text/plain; charset=utf-8", ROBOTS_TXT),
        "/privado/": (HTML, _render("privado.html.j2").encode()),
    }
    by_section = {s: [d for d in documents if d.section == s] for s in
                  ("gaceta", "policia", "policia_js", "defensoria", "noticias")}
    for builder, section in ((_gazette, "gaceta"), (_police, "policia"),
                             (_police_js, "policia_js"), (_ombudsman, "defensoria"),
                             (_news, "noticias")):
        site.update(builder(by_section[section], base_url))
    logger.info("demo world built for %s: %d paths", today, len(site))
    return site


def _paged(docs: Sequence[DemoDocument], size: int, base_path: str, param: str,
           render: Callable[..., str]) -> Site:
    """Pages 1..n at ``base_path?param=N``; the bare ``base_path`` is page 1."""
    pages = max(1, -(-len(docs) // size))
    site: Site = {}
    for page in range(1, pages + 1):
        chunk = docs[(page - 1) * size:page * size]
        body = render(docs=chunk, first=(page - 1) * size + 1, page=page, pages=pages,
                      base_path=base_path, page_param=param).encode()
        site[f"{base_path}?{param}={page}"] = (HTML, body)
    site[base_path] = site[f"{base_path}?{param}=1"]
    return site


def _gazette(norms: list[DemoDocument], base_url: str) -> Site:
    table = [n for n in norms if n.extra["layout"] == "tabla"]
    cards = [n for n in norms if n.extra["layout"] == "tarjetas"]
    site = _paged(table, TABLE_PAGE_SIZE, "/gaceta/normas/listadonor/10", "page",
                  lambda docs, **kw: _render("gaceta_tabla.html.j2", norms=docs, **kw))
    site.update(_paged(cards, CARDS_PAGE_SIZE, "/gaceta/normas/listadonordes/0", "page",
                       lambda docs, **kw: _render("gaceta_tarjetas.html.j2", norms=docs, **kw)))
    site["/gaceta/"] = site["/gaceta/normas/listadonordes/0"]
    for norm in norms:
        pdf_title = f"{norm.extra['tipo'].upper()} N° {norm.extra['numero']}"
        site[f"/gaceta/normas/descargarNrms/{norm.slug}"] = (
            PDF, make_pdf(pdf_title, [norm.summary, *norm.paragraphs]))
        if not norm.extra["pdf_only"]:
            site[f"/gaceta/normas/verGratis_gob/{norm.slug}"] = (
                HTML, _render("gaceta_norma.html.j2", n=norm).encode())
    return site


def _latin1(text: str) -> bytes:
    return text.encode("iso-8859-1", errors="xmlcharrefreplace")


def _police(docs: list[DemoDocument], base_url: str) -> Site:
    site: Site = {"/policia/rss.xml": (RSS_LATIN1, _latin1(
        _render("policia_rss.xml.j2", docs=docs, base_url=base_url)))}
    site["/policia/"] = (HTML_LATIN1, _latin1(_render(
        "portada.html.j2", docs=docs, heading="Policía Boliviana: comunicados",
        charset="iso-8859-1")))
    for doc in docs:
        site[doc.path] = (HTML_LATIN1, _latin1(_render("policia_comunicado.html.j2", d=doc)))
    return site


def _police_js(docs: list[DemoDocument], base_url: str) -> Site:
    items = [{"url": d.path, "titulo": d.title, "fecha": d.published_on.isoformat(),
              "fecha_texto": fecha_larga(d.published_on), "resumen": d.summary} for d in docs]
    site: Site = {"/policia/js/": (HTML, _render("policia_js.html.j2", items=items).encode())}
    for doc in docs:
        site[doc.path] = (HTML, _render("policia_boletin.html.j2", d=doc).encode())
    return site


def _ombudsman(docs: list[DemoDocument], base_url: str) -> Site:
    site = _paged(docs, OMBUDSMAN_PAGE_SIZE, "/defensoria/noticias/", "pagina",
                  lambda docs, **kw: _render("defensoria_listado.html.j2", docs=docs, **kw))
    for doc in docs:
        site[doc.path] = (HTML, _render("defensoria_noticia.html.j2", d=doc).encode())
    return site


def _news(docs: list[DemoDocument], base_url: str) -> Site:
    by_slug = {d.slug: d for d in docs}
    most_read = [by_slug[s] for s in most_read_slugs()]
    site: Site = {
        "/noticias/feed.xml": (RSS, _render("noticias_feed.xml.j2", docs=docs,
                                            base_url=base_url).encode()),
        "/noticias/": (HTML, _render("portada.html.j2", docs=docs, charset="utf-8",
                                     heading="Diario El Valle: portada").encode()),
    }
    for doc in docs:
        related = next(m for m in most_read if m.slug != doc.slug)
        site[doc.path] = (HTML, _render("noticias_articulo.html.j2", d=doc, base_url=base_url,
                                        related=related, most_read=most_read).encode())
    return site
