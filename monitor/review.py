"""``veeduria review``: editors list, show, confirm, reject, reassign and undo proposals.

Layer: monitor. Every decision is kept by storage (who, when, why). Unknown or already decided
proposals are ReviewError (exit 2). Cases: tests/test_review_cmds.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from monitor.errors import ReviewError
from monitor.runtime import open_store
from monitor.settings import Settings
from storage import Store
from storage.errors import Conflict, NotFound
from storage.records import STATUSES, EvidenceRecord, StatusChangeRecord

EXCERPT_WIDTH = 110


def proposal_dict(ev: EvidenceRecord) -> dict[str, object]:
    return {
        "id": ev.id, "demand_id": ev.demand_id, "proposed_status": ev.proposed_status,
        "event_codes": list(ev.event_codes), "rule_id": ev.rule_id, "state": ev.state,
        "url": ev.url, "title": ev.title, "source_id": ev.source_id,
        "document_date": ev.act_date.isoformat() if ev.act_date else None,
        "found_at": ev.found_at.isoformat(), "excerpt": ev.excerpt,
        "decided_by": ev.decided_by, "decision_note": ev.decision_note,
    }


GROUP_WINDOW_DAYS = 14


def group_proposals(rows: list[EvidenceRecord]) -> list[list[EvidenceRecord]]:
    """Proposals about the same event: same demand, state, proposed status and event codes,
    documents dated within GROUP_WINDOW_DAYS of the group's first. Oldest first inside."""
    groups: list[list[EvidenceRecord]] = []
    ordered = sorted(rows, key=lambda ev: (ev.act_date or ev.found_at.date(), ev.id))
    for ev in ordered:
        day = ev.act_date or ev.found_at.date()
        for group in groups:
            lead = group[0]
            if ((lead.demand_id, lead.state, lead.proposed_status, set(lead.event_codes)) ==
                    (ev.demand_id, ev.state, ev.proposed_status, set(ev.event_codes)) and
                    (day - (lead.act_date or lead.found_at.date())).days <= GROUP_WINDOW_DAYS):
                group.append(ev)
                break
        else:
            groups.append([ev])
    return sorted(groups, key=lambda g: -max(ev.id for ev in g))


def list_proposals(settings: Settings, *, fmt: str, show_all: bool, demand: str | None) -> str:
    states = ("proposed", "confirmed", "rejected", "undone") if show_all else ("proposed",)
    with open_store(settings) as store:
        rows = store.list_evidence(states=states, demand_id=demand, include_members=True)
    groups = group_proposals(rows)
    if fmt == "json":
        return json.dumps([dict(proposal_dict(ev), group=group[0].id) for group in groups
                           for ev in group], ensure_ascii=False, indent=2)
    if not rows:
        return "No proposals awaiting review." if not show_all else "No proposals."
    lines = []
    for group in groups:
        lead = group[0]
        same = f"  ({len(group)} documents about the same event)" if len(group) > 1 else ""
        lines.append(f"{lead.demand_id} → {lead.proposed_status} "
                     f"[{', '.join(lead.event_codes)}]{same}")
        for ev in group:
            when = ev.act_date.isoformat() if ev.act_date else "????-??-??"
            lines.append(f"  #{ev.id:<5} {ev.state:<9} {when} {ev.source_id:<16} "
                         f"{_clip(ev.title, EXCERPT_WIDTH - 40)}")
    return "\n".join(lines)


def _clip(text: str, width: int = EXCERPT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_proposal(settings: Settings, evidence_id: int) -> str:
    with open_store(settings) as store:
        ev = _get(store, evidence_id)
    marked = highlight(ev.excerpt, ev.highlights)
    return "\n".join([
        f"Proposal #{ev.id} ({ev.state})",
        f"  demand:    {ev.demand_id}",
        f"  proposes:  {ev.proposed_status}   events: {', '.join(ev.event_codes)}",
        f"  rule:      {ev.rule_id}",
        f"  document:  {ev.title}",
        f"  source:    {ev.source_id} ({ev.source_kind})  {ev.url}",
        f"  dated:     {ev.act_date or 'unknown'}   found: {ev.found_at:%Y-%m-%d %H:%M}",
        f"  excerpt:   {marked}",
    ] + ([f"  decided:   {ev.decided_by} {ev.decision_note or ''}"] if ev.decided_by else []))


def highlight(excerpt: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The excerpt with matched spans between »«, for a terminal."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end > len(excerpt):
            continue
        out += [excerpt[pos:start], "»", excerpt[start:end], "«"]
        pos = end
    out.append(excerpt[pos:])
    return "".join(out)


def _get(store: Store, evidence_id: int) -> EvidenceRecord:
    try:
        return store.get_evidence(evidence_id)
    except NotFound:
        raise ReviewError(f"no proposal #{evidence_id}") from None


def confirm_proposal(settings: Settings, evidence_id: int, *, editor: str, status: str | None,
                     note: str | None, allow_older: bool = False) -> str:
    if status is not None and status not in STATUSES:
        raise ReviewError(f"unknown status {status!r}; allowed: {', '.join(STATUSES)}")
    with open_store(settings) as store:
        _get(store, evidence_id)
        try:
            change = store.confirm(evidence_id, editor=editor, note=note, status=status,
                                   allow_older=allow_older)
        except Conflict as exc:
            raise ReviewError(f"proposal #{evidence_id} cannot be confirmed: {exc}") from None
    return _describe_change(change)


def _describe_change(change: StatusChangeRecord) -> str:
    return (f"{change.demand_id}: {change.from_status} → {change.to_status} "
            f"(dated {change.act_date or 'unknown'}, by {change.editor})")


def _decide(settings: Settings, evidence_id: int, *, verb: str, why: str,
            act: Callable[[Store], object]) -> None:
    """Run one editor decision that needs a reason; a proposal in the wrong state is a
    ReviewError."""
    if not why.strip():
        raise ReviewError("a reason is needed (--why)")
    with open_store(settings) as store:
        _get(store, evidence_id)
        try:
            act(store)
        except Conflict as exc:
            raise ReviewError(f"proposal #{evidence_id} cannot be {verb}: {exc}") from None


def reject_proposal(settings: Settings, evidence_id: int, *, editor: str, why: str) -> str:
    _decide(settings, evidence_id, verb="rejected", why=why,
            act=lambda store: store.reject(evidence_id, editor=editor, why=why))
    return f"proposal #{evidence_id} rejected; that document will not be proposed again"


def undo_decision(settings: Settings, evidence_id: int, *, editor: str, why: str) -> str:
    _decide(settings, evidence_id, verb="undone", why=why,
            act=lambda store: store.undo(evidence_id, editor=editor, why=why))
    return f"decision on proposal #{evidence_id} undone; it awaits review again"
