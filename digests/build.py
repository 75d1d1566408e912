"""Build the weekly digest of one recipient: pure, from plain records to a ``Digest``.

Layer: digests (imports only ``storage.records``). Sections (domain.md): 1. status changes
confirmed this week with evidence; 2. proposals awaiting editors: how many awaited review at the
end of the week's last day (found by then, not decided by then: ``Store.count_awaiting``), and
for editors the list of those still awaiting now; 3. the "State claims done but evidence
disagrees" red flag, overdue demands, demands with no news for N days; 4. source health
(failing, late, silent) and rule/source file problems. Members-only demands are filtered by the
caller's query; ``build_digest`` also drops them itself unless ``include_members`` is true, and
drops anything tied to a demand it was not given. Settings read: none (values are passed in).
Cases: tests/digests/test_build.py.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from digests.flags import (
    claims_done_disagrees,
    days_since,
    is_overdue,
    is_without_news,
    last_news_on,
    title_in,
)
from digests.health import source_state
from digests.i18n import check_language
from storage.records import (
    DemandRecord,
    EvidenceRecord,
    ProblemRecord,
    SourceHealthRecord,
    StatusChangeRecord,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChangeLine:
    demand_id: str
    title: str
    country: str
    from_status: str
    to_status: str
    act_date: date | None
    changed_at: datetime
    evidence_url: str | None
    demand_url: str
    is_undo: bool


@dataclass(frozen=True)
class ProposalLine:
    evidence_id: int
    demand_id: str
    title: str
    proposed_status: str
    event_codes: tuple[str, ...]
    act_date: date | None
    found_at: datetime
    source_id: str
    evidence_url: str
    review_url: str


@dataclass(frozen=True)
class DemandLine:
    demand_id: str
    title: str
    country: str
    status: str
    response: str
    target_date: date | None
    days_quiet: int | None
    demand_url: str


@dataclass(frozen=True)
class SourceLine:
    id: str
    name: str
    country: str
    state: str  # failing | late | silent
    consecutive_failures: int
    last_success_at: datetime | None
    last_error_kind: str | None


@dataclass(frozen=True)
class Digest:
    language: str
    year: int
    week: int
    start: date
    end: date
    site_url: str
    is_editor: bool
    changes: tuple[ChangeLine, ...]
    proposals_count: int  # awaiting review at the end of ``end`` (not as of today)
    proposals: tuple[ProposalLine, ...]  # editors: the proposals still awaiting now
    claims_done: tuple[DemandLine, ...]
    overdue: tuple[DemandLine, ...]
    no_news: tuple[DemandLine, ...]
    sources: tuple[SourceLine, ...]
    problems: tuple[ProblemRecord, ...]  # editors only: a message may name a members' file
    problems_count: int

    @property
    def has_movement(self) -> bool:
        """A confirmed change this week, or (for editors) proposals waiting for them."""
        return bool(self.changes) or (self.is_editor and (self.proposals_count > 0
                                                          or bool(self.proposals)))

    @property
    def has_broken_source(self) -> bool:
        """A failing source or a rule/source file problem."""
        return any(s.state == "failing" for s in self.sources) or self.problems_count > 0


def should_send(digest: Digest) -> bool:
    """Send when something moved, and always when a source broke."""
    return digest.has_movement or digest.has_broken_source


def week_bounds(week: tuple[int, int]) -> tuple[date, date]:
    """Monday and Sunday of an ISO (year, week)."""
    year, number = week
    monday = date.fromisocalendar(year, number, 1)
    return monday, monday + timedelta(days=6)


def _link(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}{path}"


def visible_demands(demands: Sequence[DemandRecord], *,
                    include_members: bool) -> dict[str, DemandRecord]:
    """The demands this recipient may see, by id (members-only dropped unless allowed)."""
    shown = {d.id: d for d in demands if include_members or not d.is_members_only}
    if len(shown) != len(demands):
        logger.info("digest: dropped %d members-only demands", len(demands) - len(shown))
    return shown


def change_lines(changes: Sequence[StatusChangeRecord], shown: Mapping[str, DemandRecord], *,
                 language: str, site_url: str) -> tuple[ChangeLine, ...]:
    """Section 1: confirmed changes of visible demands, oldest first, undone ones left out."""
    lines = [
        ChangeLine(demand_id=c.demand_id, title=title_in(shown[c.demand_id], language),
                   country=shown[c.demand_id].country, from_status=c.from_status,
                   to_status=c.to_status, act_date=c.act_date, changed_at=c.changed_at,
                   evidence_url=None if c.is_undo else c.url,  # an undo cites no new act
                   demand_url=_link(site_url, f"/d/{c.demand_id}"),
                   is_undo=c.is_undo)
        for c in changes if c.demand_id in shown and not c.is_undone
    ]
    return tuple(sorted(lines, key=lambda line: line.changed_at))


def awaiting_count(awaiting: Mapping[str, int], shown: Mapping[str, DemandRecord]) -> int:
    """Proposals awaiting review over the visible demands (counts per demand id)."""
    return sum(max(count, 0) for demand_id, count in awaiting.items() if demand_id in shown)


def proposal_lines(proposals: Sequence[EvidenceRecord], shown: Mapping[str, DemandRecord], *,
                   language: str, site_url: str) -> tuple[ProposalLine, ...]:
    """Section 2 for editors: undecided proposals of visible demands, oldest first."""
    lines = [
        ProposalLine(evidence_id=p.id, demand_id=p.demand_id,
                     title=title_in(shown[p.demand_id], language),
                     proposed_status=p.proposed_status, event_codes=p.event_codes,
                     act_date=p.act_date, found_at=p.found_at, source_id=p.source_id,
                     evidence_url=p.url, review_url=_link(site_url, f"/revisar#e{p.id}"))
        for p in proposals if p.demand_id in shown and p.state == "proposed"
    ]
    return tuple(sorted(lines, key=lambda line: line.found_at))


def demand_line(demand: DemandRecord, *, language: str, site_url: str, today: date,
                last_evidence_on: Mapping[str, date]) -> DemandLine:
    """One demand as the digest lists it."""
    quiet = days_since(last_news_on(demand, last_evidence_on=last_evidence_on), today=today)
    return DemandLine(demand_id=demand.id, title=title_in(demand, language),
                      country=demand.country, status=demand.status, response=demand.response,
                      target_date=demand.target_date, days_quiet=quiet,
                      demand_url=_link(site_url, f"/d/{demand.id}"))


def source_lines(health: Sequence[SourceHealthRecord], *, now: datetime, failing_after: int,
                 silent_after_days: int, late_after_days: int) -> tuple[SourceLine, ...]:
    """Section 4: sources that are failing, late or silent (healthy and unpolled ones omitted)."""
    lines = []
    for source in sorted(health, key=lambda s: s.id):
        state = source_state(source, now=now, failing_after=failing_after,
                             silent_after_days=silent_after_days,
                             late_after_days=late_after_days)
        if state in ("failing", "late", "silent"):
            lines.append(SourceLine(id=source.id, name=source.name, country=source.country,
                                    state=state,
                                    consecutive_failures=source.consecutive_failures,
                                    last_success_at=source.last_success_at,
                                    last_error_kind=source.last_error_kind))
    return tuple(lines)


def build_digest(*, week: tuple[int, int], language: str, demands: Sequence[DemandRecord],
                 changes: Sequence[StatusChangeRecord], awaiting: Mapping[str, int],
                 proposals: Sequence[EvidenceRecord], health: Sequence[SourceHealthRecord],
                 problems: Sequence[ProblemRecord], now: datetime, no_news_days: int,
                 site_url: str, is_editor: bool = False, include_members: bool = False,
                 last_evidence_on: Mapping[str, date] | None = None, failing_after: int = 3,
                 silent_after_days: int = 7, late_after_days: int = 2) -> Digest:
    """The digest of one recipient for one ISO week (pure: no I/O, no clock).

    ``awaiting``: demand id -> proposals awaiting review at the end of the week's Sunday (UTC),
    as ``Store.count_awaiting(at=<the Monday after, 00:00 UTC>)`` gives it; ``proposals``: the
    editors' list of proposals awaiting now."""
    check_language(language)
    start, end = week_bounds(week)
    shown = visible_demands(demands, include_members=include_members)
    evidence_on = last_evidence_on or {}
    today = now.date()
    ordered = sorted(shown.values(), key=lambda d: (d.country, d.id))
    by_id = {d.id: demand_line(d, language=language, site_url=site_url, today=today,
                               last_evidence_on=evidence_on) for d in ordered}
    listed = proposal_lines(proposals, shown, language=language, site_url=site_url)
    return Digest(
        language=language, year=week[0], week=week[1], start=start, end=end,
        site_url=site_url.rstrip("/"), is_editor=is_editor,
        changes=change_lines(changes, shown, language=language, site_url=site_url),
        proposals_count=awaiting_count(awaiting, shown),
        proposals=listed if is_editor else (),
        claims_done=tuple(by_id[d.id] for d in ordered if claims_done_disagrees(d)),
        overdue=tuple(by_id[d.id] for d in ordered if is_overdue(d, today=today)),
        no_news=tuple(by_id[d.id] for d in ordered
                      if is_without_news(d, today=today, no_news_days=no_news_days,
                                         last_evidence_on=evidence_on)),
        sources=source_lines(health, now=now, failing_after=failing_after,
                             silent_after_days=silent_after_days,
                             late_after_days=late_after_days),
        problems=tuple(sorted(problems, key=lambda p: p.where)) if is_editor else (),
        problems_count=len(problems),
    )
