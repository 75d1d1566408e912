"""What callers hand to storage: plain dataclasses, so storage never imports spiders or monitor.

Layer: storage. Monitor converts its SourceSpec, FetchItem, DocumentItem, demand YAML and rule
matches into these. Settings read: none. Cases: tests/storage/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SourceRow:
    """A source's definition as the editors' YAML gives it."""

    id: str
    name: str
    country: str
    kind: str
    language: str


@dataclass(frozen=True)
class FetchRow:
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
    error_kind: str | None = None
    error: str | None = None
    run_id: int | None = None

    @property
    def is_success(self) -> bool:
        """No error and no HTTP error status (a 304 is a success)."""
        if self.error_kind is not None or self.error is not None:
            return False
        return self.status is None or self.status < 400


@dataclass(frozen=True)
class DocumentIn:
    """A document as found: canonical URL, extracted text and the raw bytes (compressed here)."""

    source_id: str
    url: str
    title: str
    text: str
    content_hash: str  # sha256 hex of the normalised text
    content_type: str
    raw: bytes
    published_on: date | None = None
    language: str | None = None
    external_id: str | None = None
    seen_at: datetime | None = None  # None: now


@dataclass(frozen=True)
class DemandIn:
    """A demand's definition from ``rules/demands/*.yaml``. ``status`` is used only on insert."""

    id: str
    country: str
    kind: str  # structural | case
    is_law: bool
    visibility: str  # public | members
    titles: dict[str, str]  # es, pt, en
    descriptions: dict[str, str]
    target: str
    made_on: date | None = None
    target_date: date | None = None
    response: str = "no_response"
    status: str = "pending"
    source_url: str | None = None


@dataclass(frozen=True)
class EvidenceIn:
    """A rule's match of a document against a demand: becomes a proposal (state proposed)."""

    demand_id: str
    document_id: int
    rule_id: str
    proposed_status: str
    event_codes: tuple[str, ...]
    excerpt: str
    url: str
    highlights: tuple[tuple[int, int], ...] = field(default=())
    act_date: date | None = None
