"""Source health in plain words: failing, late, silent, ok, never polled; coverage per country.

Layer: digests (pure; imports only ``storage.records``). A source is *failing* after
``failing_after`` consecutive failed polls, *late* when it was not polled for
``late_after_days``, *silent* when it gave no new document for ``silent_after_days``.
Coverage, in words (domain.md): no source mapped → source known, not yet collected →
collecting, no rules yet → watched. Settings read: none (values are passed in).
Cases: tests/digests/test_flags.py, tests/digests/test_i18n.py.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta

from storage.records import SourceHealthRecord

SOURCE_STATES: tuple[str, ...] = ("failing", "late", "silent", "never", "ok")
COVERAGE: tuple[str, ...] = ("none", "known", "collecting", "watched")


def source_state(source: SourceHealthRecord, *, now: datetime, failing_after: int,
                 silent_after_days: int, late_after_days: int) -> str:
    """One of SOURCE_STATES for a source (the first that applies, in that order)."""
    if source.state == "failing" or source.consecutive_failures >= failing_after:
        return "failing"
    if source.last_attempt_at is None:
        return "never"
    if now - source.last_attempt_at > timedelta(days=late_after_days):
        return "late"
    newest = source.last_document_at
    if newest is None or now - newest > timedelta(days=silent_after_days):
        return "silent"
    return "ok"


def has_collected(source: SourceHealthRecord) -> bool:
    """The source was polled successfully at least once."""
    return source.last_success_at is not None or source.documents_total > 0


def coverage(country: str, *, sources: Iterable[SourceHealthRecord],
             watched_countries: Collection[str]) -> str:
    """One of COVERAGE for ``country``: what "no news" means there."""
    mine = [s for s in sources if s.country.upper() == country.upper()]
    if not mine:
        return "none"
    if not any(has_collected(s) for s in mine):
        return "known"
    if country.upper() not in {c.upper() for c in watched_countries}:
        return "collecting"
    return "watched"
