"""Plain records read out of storage: what digests, the web pages and the CLI see.

Layer: storage. No SQLAlchemy object ever leaves storage; these dataclasses do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

STATUSES = ("pending", "in_progress", "partial", "fulfilled", "setback", "closed")
RESPONSES = ("no_response", "accepted", "partly_accepted", "noted", "rejected", "claims_done")
EVIDENCE_STATES = ("proposed", "confirmed", "rejected", "undone")
# A corroborating note (a press report of a fulfilment, a `proposes: note` rule): stored as
# evidence awaiting review, it never moves a status unless an editor reassigns it.
NOTE = "note"


@dataclass(frozen=True)
class DemandRecord:
    id: str
    country: str
    kind: str  # structural | case
    is_law: bool
    visibility: str  # public | members
    titles: dict[str, str]  # es, pt, en
    descriptions: dict[str, str]
    target: str
    made_on: date | None
    target_date: date | None
    response: str
    status: str
    status_since: date | None
    source_url: str | None = None

    @property
    def is_members_only(self) -> bool:
        return self.visibility == "members"


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    demand_id: str
    document_id: int
    rule_id: str
    proposed_status: str
    event_codes: tuple[str, ...]
    excerpt: str
    highlights: tuple[tuple[int, int], ...]  # offsets into excerpt
    source_id: str
    source_kind: str
    url: str
    title: str
    act_date: date | None
    found_at: datetime
    state: str  # proposed | confirmed | rejected | undone
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    decided_status: str | None = None  # the status an editor confirmed (may differ: reassign)


@dataclass(frozen=True)
class StatusChangeRecord:
    id: int
    demand_id: str
    from_status: str
    to_status: str
    act_date: date | None
    changed_at: datetime
    evidence_id: int | None
    editor: str
    note: str | None
    url: str | None = None
    is_undone: bool = False  # a later undo entry reversed this change
    is_undo: bool = False  # this entry is itself an undo (restores the previous status)


@dataclass(frozen=True)
class SourceHealthRecord:
    id: str
    name: str
    country: str
    kind: str
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    last_error_kind: str | None
    last_error: str | None
    documents_total: int
    last_document_at: datetime | None
    state: str  # never | ok | failing


class DocumentText(NamedTuple):
    """What matching reads of a document's current version (``Store.iter_texts``): a plain
    tuple, light enough to stream a whole archive through ``rules test``."""

    id: int
    source_id: str
    url: str
    title: str
    text: str
    published_on: date | None
    source_kind: str
    country: str


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    source_id: str
    url: str
    title: str
    text: str
    published_on: date | None
    language: str | None
    content_hash: str
    first_seen_at: datetime
    last_seen_at: datetime
    version: int
    source_kind: str = "other"
    country: str = ""
    content_type: str = ""
    external_id: str | None = None
    matched_rulebook: str | None = None  # the rulebook hash that last matched it
    matched_version: int | None = None  # the version that rulebook matched

    @property
    def is_new_content_since_matched(self) -> bool:
        """True when no rulebook ever matched this version of the text."""
        return self.matched_rulebook is None or self.matched_version != self.version


@dataclass(frozen=True)
class VersionRecord:
    """One stored version of a document's text (a watched page keeps every change)."""

    document_id: int
    version: int
    source_id: str
    url: str
    title: str
    text: str
    seen_at: datetime


@dataclass(frozen=True)
class ProblemRecord:
    where: str  # file:line or source id
    message: str
    seen_at: datetime  # last seen
    first_seen_at: datetime | None = None
    times_seen: int = 1


@dataclass(frozen=True)
class SubscriberRecord:
    email: str
    language: str
    is_member: bool
    countries: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class StoredDocument:
    """What ``Store.store_document`` did: outcome is new | seen | new_version | duplicate."""

    id: int
    outcome: str
    version: int


@dataclass(frozen=True)
class HealthChange:
    """A source that just crossed ``failing_after`` failures (state failing) or came back (ok)."""

    source_id: str
    state: str  # failing | recovered
    consecutive_failures: int
    last_error_kind: str | None
    last_error: str | None
    at: datetime


@dataclass(frozen=True)
class RunRecord:
    id: int
    kind: str
    started_at: datetime
    finished_at: datetime | None
    summary: dict[str, object]


@dataclass(frozen=True)
class UserRecord:
    username: str
    password_hash: str
    role: str  # editor | member | admin
    created_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    """One editor decision on a proposal: confirm | reject | undo, with who, when and why."""

    id: int
    evidence_id: int
    action: str
    status: str | None
    editor: str
    note: str | None
    decided_at: datetime
