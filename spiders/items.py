"""The plain records spiders yield: one per document found and one per fetch attempt.

Layer: spiders. Monitor's pipeline stores them; spiders never touch the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class DocumentItem:
    """A document as found: canonical URL, extracted text and the bytes it came as."""

    source_id: str
    url: str  # canonical: rel=canonical, no utm_*/fbclid, no fragment
    fetched_url: str
    title: str
    text: str
    published_on: date | None
    language: str | None  # es | pt | en | None
    content_type: str  # text/html, application/pdf, application/rss+xml ...
    raw: bytes  # the body as served (the pipeline compresses it)
    content_hash: str  # sha256 hex of the normalised text
    external_id: str | None = None  # stable id from the site (gazette norm id)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class FetchItem:
    """One request attempt, successful or not."""

    source_id: str
    url: str
    started_at: datetime
    duration_ms: int
    status: int | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None
    is_not_modified: bool = False
    error_kind: str | None = None  # see spiders.errors: dns, timeout, http, parse, ssrf ...
    error: str | None = None
