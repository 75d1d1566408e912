"""What the pages show, gathered from the Store into plain rows (no HTML here).

Layer: monitor. Every Store call passes ``include_members`` from the viewer, and the rows are
filtered once more here (``digests.build.visible_demands``), so a members-only demand cannot
reach an anonymous page even through a query mistake. Settings read: none (``no_news_days``,
``failing_after``, ``silent_after_days`` are passed in). Cases: tests/web/.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from digests.build import visible_demands
from digests.flags import STAGES, days_since, demand_flags, law_stage, title_in
from digests.health import coverage, source_state
from storage.records import DemandRecord, SourceHealthRecord
from storage.store import Store


@dataclass(frozen=True)
class DemandRow:
    id: str
    title: str
    country: str
    kind: str
    is_law: bool
    status: str
    response: str
    flags: tuple[str, ...]
    days_still: int | None  # days since the status last moved
    stage: int  # law demands: steps reached on STAGES
    target_date: date | None


@dataclass(frozen=True)
class EvidenceSummary:
    """Per-demand facts drawn from proposed and confirmed evidence (``evidence_summary``)."""

    awaiting_ids: frozenset[str]
    last_evidence_on: dict[str, date]
    confirmed_codes: dict[str, list[tuple[str, ...]]]


@dataclass(frozen=True)
class SourceRow:
    record: SourceHealthRecord
    state: str


@dataclass(frozen=True)
class CountryCoverage:
    country: str
    coverage: str
    sources: int


def evidence_summary(store: Store, *, include_members: bool,
                     demand_id: str | None = None) -> EvidenceSummary:
    """Awaiting-review ids, newest evidence date and confirmed event codes per demand, from one
    storage query (GROUP BY demand); ``demand_id`` asks for that demand only."""
    facts = store.evidence_summary(include_members=include_members, demand_id=demand_id)
    return EvidenceSummary(
        awaiting_ids=frozenset(f.demand_id for f in facts if f.is_awaiting_review),
        last_evidence_on={f.demand_id: f.last_found_at.date() for f in facts},
        confirmed_codes={f.demand_id: list(f.confirmed_codes) for f in facts
                         if f.confirmed_codes})


def demand_rows(store: Store, *, include_members: bool, language: str, today: date,
                no_news_days: int) -> list[DemandRow]:
    """Every demand the viewer may see, with flags and stage, most worrying first."""
    demands = visible_demands(store.list_demands(include_members=include_members),
                              include_members=include_members)
    summary = evidence_summary(store, include_members=include_members)
    rows = [demand_row(d, summary=summary, language=language, today=today,
                       no_news_days=no_news_days) for d in demands.values()]
    return sorted(rows, key=lambda r: (r.country, -len(r.flags), r.title.casefold()))


def demand_row(demand: DemandRecord, *, summary: EvidenceSummary, language: str, today: date,
               no_news_days: int) -> DemandRow:
    flags = demand_flags(demand, today=today, no_news_days=no_news_days,
                         awaiting_ids=summary.awaiting_ids,
                         last_evidence_on=summary.last_evidence_on)
    stage = law_stage(summary.confirmed_codes.get(demand.id, []), status=demand.status) \
        if demand.is_law else 0
    return DemandRow(id=demand.id, title=title_in(demand, language), country=demand.country,
                     kind=demand.kind, is_law=demand.is_law, status=demand.status,
                     response=demand.response, flags=flags,
                     days_still=days_since(demand.status_since, today=today), stage=stage,
                     target_date=demand.target_date)


def stage_steps(stage: int) -> list[tuple[str, bool]]:
    """The four law steps with whether each is reached."""
    return [(name, index < stage) for index, name in enumerate(STAGES)]


def source_rows(health: Sequence[SourceHealthRecord], *, now: datetime, failing_after: int,
                silent_after_days: int, late_after_days: int) -> list[SourceRow]:
    rows = [SourceRow(s, source_state(s, now=now, failing_after=failing_after,
                                      silent_after_days=silent_after_days,
                                      late_after_days=late_after_days)) for s in health]
    return sorted(rows, key=lambda r: (r.record.country, r.record.id))


def coverage_rows(countries: Collection[str], health: Sequence[SourceHealthRecord], *,
                  watched_countries: Collection[str]) -> list[CountryCoverage]:
    """Coverage in words for each country that has a visible demand or a source."""
    return [CountryCoverage(c, coverage(c, sources=health, watched_countries=watched_countries),
                            sum(1 for s in health if s.country.upper() == c.upper()))
            for c in sorted({c.upper() for c in countries})]


def highlight_segments(excerpt: str,
                       highlights: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split an excerpt into (text, is_highlighted) pieces; bad or overlapping offsets skipped."""
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(highlights):
        if start < cursor or end <= start or end > len(excerpt):
            continue
        if start > cursor:
            pieces.append((excerpt[cursor:start], False))
        pieces.append((excerpt[start:end], True))
        cursor = end
    if cursor < len(excerpt):
        pieces.append((excerpt[cursor:], False))
    return pieces
