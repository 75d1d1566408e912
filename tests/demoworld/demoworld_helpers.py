"""Helpers for the demo world tests: a fixed ``today``, the demo sources, and documents turned
into matcher inputs the way the spiders would extract them.

Layer: tests (imported by tests/demoworld/conftest.py and the test modules).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium

from monitor.demoworld import DemoDocument
from monitor.sources import load_sources
from monitor.watch import MatchInput
from spiders.extract import extract_html, extract_selector
from spiders.specs import SourceSpec

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "rules"
FIXED_TODAY = date(2026, 11, 26)  # a Thursday


def demo_specs(base_url: str) -> dict[str, SourceSpec]:
    loaded = load_sources(RULES_DIR / "sources", variables={"demo_world": base_url})
    assert loaded.errors == []
    return {spec.id: spec for spec in loaded.specs}


def pdf_text(body: bytes) -> str:
    document = pdfium.PdfDocument(body)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def header_charset(content_type: str) -> str | None:
    _, _, charset = content_type.partition("charset=")
    return charset or None


def match_input(doc: DemoDocument, site: dict[str, tuple[str, bytes]],
                specs: dict[str, SourceSpec], base_url: str) -> MatchInput:
    """The document as a spider would store it: selector text when the source has one,
    the extractor otherwise, the PDF's text for PDFs."""
    content_type, body = site[doc.path]
    spec = specs[doc.source_id]
    url = base_url + doc.path
    if doc.is_pdf:
        title, text = doc.summary, pdf_text(body)
    elif spec.listing is not None and spec.listing.detail_text:
        found = extract_selector(body, url=url, selector=spec.listing.detail_text,
                                 header_charset=header_charset(content_type))
        title, text = doc.title, found.text
    else:
        found = extract_html(body, url=url, header_charset=header_charset(content_type))
        title, text = found.title, found.text
    return MatchInput(document_id=doc.path, title=title, text=text, source_id=spec.id,
                      source_kind=spec.kind, country=spec.country,
                      published_on=doc.published_on, url=url)
