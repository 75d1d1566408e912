"""Hand-made Scrapy responses over fixture files, for callback tests without a reactor."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse, Response

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "crawling"
BASE = "https://gaceta.example/crawling/"


def fixture_response(path: str, *, url: str | None = None, status: int = 200,
                     content_type: str | None = None) -> Response:
    """A response whose body is ``tests/fixtures/crawling/<path>``, as if served from BASE."""
    body = (FIXTURES / path).read_bytes()
    return bytes_response(body, url=url or BASE + path, status=status,
                          content_type=content_type or _type_of(path))


def bytes_response(body: bytes, *, url: str, status: int = 200,
                   content_type: str = "text/html") -> Response:
    cls = HtmlResponse if content_type.startswith("text/html") else Response
    return cls(url=url, body=body, status=status, headers={"Content-Type": content_type},
               request=Request(url))


def _type_of(path: str) -> str:
    if path.endswith(".pdf"):
        return "application/pdf"
    if path.endswith(".xml"):
        return "application/rss+xml"
    return "text/html"
