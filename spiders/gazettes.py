"""Gazette formats that come as structured data: the Brazilian DOU's INLABS article XML.

Layer: spiders (pure: bytes in, ``GazetteAct`` records out). Settings read: none.
Cases: tests/fixtures/parsing/gazette/*.xml (expectations in a header comment).

INLABS publishes each act of the Diário Oficial da União as ``<xml><article ...><body>`` with
``Identifica`` (the act's heading), ``Ementa`` (summary) and ``Texto`` (HTML inside CDATA); the
files start with a UTF-8 BOM. The article's ``idMateria`` is the stable id, ``pubDate`` is
DD/MM/YYYY (when it is missing, the act's own date in ``Identifica`` is taken through
``spiders.text_datelines``), ``pdfPage`` links to the printed page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html

from spiders.errors import SourceUnreadable
from spiders.text import fragment_text, parse_date
from spiders.text_datelines import body_date

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GazetteAct:
    """One act published in a gazette."""

    external_id: str  # idMateria (falls back to the article id)
    title: str  # Identifica: "PORTARIA Nº 45, DE 3 DE MAIO DE 2021"
    summary: str  # Ementa, may be ""
    text: str  # Texto as plain text, one paragraph per line
    published_on: date | None
    act_type: str  # artType: Portaria, Ato, Alvará...
    organ: str  # artCategory: "Ministério da Justiça e Segurança Pública/Polícia Federal/..."
    section: str  # pubName: DO1, DO2, DO3
    page_url: str | None  # pdfPage


def parse_inlabs_xml(body: bytes) -> list[GazetteAct]:
    """Every ``<article>`` of an INLABS XML file; SourceUnreadable when it is not one."""
    root = _parse_xml(body)
    articles = root.findall(".//article") if root.tag != "article" else [root]
    if not articles:
        raise SourceUnreadable("not an INLABS gazette file: no <article> element", kind="parse")
    return [_act(article) for article in articles]


def _parse_xml(body: bytes) -> lxml.etree._Element:
    if not body.strip():
        raise SourceUnreadable("empty gazette file (0 bytes)", kind="empty")
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return lxml.etree.fromstring(body.removeprefix(b"\xef\xbb\xbf"), parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise SourceUnreadable(f"broken gazette XML: {exc}", kind="parse") from exc


def _act(article: lxml.etree._Element) -> GazetteAct:
    body = article.find("body")

    def field(name: str) -> str:
        node = body.find(name) if body is not None else None
        return " ".join((node.text or "").split()) if node is not None else ""

    title = field("Identifica") or article.get("name", "")
    return GazetteAct(
        external_id=article.get("idMateria") or article.get("id") or "",
        title=title,
        summary=field("Ementa"),
        text=fragment_text(body.findtext("Texto") if body is not None else ""),
        published_on=parse_date(article.get("pubDate", "")) or _heading_date(title),
        act_type=article.get("artType", ""),
        organ=article.get("artCategory", ""),
        section=article.get("pubName", ""),
        page_url=article.get("pdfPage") or None,
    )


def _heading_date(title: str) -> date | None:
    """The act's own date in its heading ("PORTARIA Nº 45, DE 3 DE MAIO DE 2021")."""
    found = body_date(title=title, text="", today=date.today())
    return found.value if found is not None else None
