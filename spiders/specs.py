"""What a source is, as the spiders need it: plain frozen dataclasses built by monitor's loader.

Layer: spiders (imports nothing of ours). ``monitor.sources`` reads the editors' YAML into
these; spiders read only these. A selector string starting with ``/``, ``(`` or ``./`` is XPath,
anything else is CSS (``::text`` and ``::attr(name)`` allowed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_KINDS = ("gazette", "police", "ombudsman", "ministry", "court", "congress", "news", "other")
# Kinds whose documents are official acts or statements; only these may propose `fulfilled`.
OFFICIAL_KINDS = frozenset({"gazette", "police", "ombudsman", "ministry", "court", "congress"})


@dataclass(frozen=True)
class FeedSpec:
    """RSS/Atom feed. ``fetch_linked``: auto (fetch the page when an entry has only a summary),
    always, never."""

    url: str
    fetch_linked: str = "auto"


@dataclass(frozen=True)
class ListingSpec:
    """HTML listing with items, a link, title and date per item, pagination and detail pages."""

    url: str
    items: str
    link: str
    title: str | None = None
    date: str | None = None
    summary: str | None = None
    next_page: str | None = None
    page_pattern: str | None = None  # e.g. "?page={n}", n from 2
    max_pages: int = 5
    detail_text: str | None = None  # selector of the main text on detail pages; None: extractor
    detail_title: str | None = None
    detail_date: str | None = None
    id_pattern: str | None = None  # regex with one group: stable id taken from the link


@dataclass(frozen=True)
class PageSpec:
    """One page (or a selector within it) watched for change."""

    url: str
    selector: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    id: str
    name: str
    country: str
    kind: str
    language: str
    schedule: str = "daily"
    feed: FeedSpec | None = None
    listing: ListingSpec | None = None
    page: PageSpec | None = None
    render: str = "html"  # html | js
    wait_for: str | None = None  # CSS selector to wait for when render == "js"
    robots: str = "obey"  # obey | ignore
    delay_s: float | None = None
    revisit_days: int | None = None
    spider: str | None = None  # dotted path of a custom Spider class
    options: tuple[tuple[str, str], ...] = field(default=())
    path: str = ""
    line: int = 0

    @property
    def is_official(self) -> bool:
        return self.kind in OFFICIAL_KINDS

    @property
    def start_url(self) -> str:
        for part in (self.feed, self.listing, self.page):
            if part is not None:
                return part.url
        return ""
