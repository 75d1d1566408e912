"""Editors' decisions on proposals (confirm, reassign, reject, undo) and the status timeline.

Layer: storage. Settings read: none. Confirming moves the demand's status and appends to
``status_history``; undo appends an entry that restores the previous status and marks the
original as undone. Every decision is kept in ``evidence_decisions``. Members-only demands are
filtered inside the queries.
Cases: tests/storage/test_storage_review.py, tests/storage/test_storage_members.py.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.db import locking
from storage.demands import visible
from storage.errors import Conflict, NotFound
from storage.records import NOTE, STATUSES, DecisionRecord, StatusChangeRecord
from storage.schema import demands, evidence, evidence_decisions, status_history

logger = logging.getLogger(__name__)


def _locked_evidence(conn: Connection, evidence_id: int) -> RowMapping:
    query = sa.select(evidence).where(evidence.c.id == evidence_id)
    row = conn.execute(locking(conn, query)).mappings().first()
    if row is None:
        raise NotFound(f"no evidence {evidence_id}")
    return row


def _locked_demand(conn: Connection, demand_id: str) -> RowMapping:
    query = sa.select(demands.c.id, demands.c.status, demands.c.status_since).where(
        demands.c.id == demand_id)
    return conn.execute(locking(conn, query)).mappings().one()


def _decide(conn: Connection, evidence_id: int, action: str, *, editor: str, note: str | None,
            status: str | None, history_id: int | None, now: datetime) -> None:
    conn.execute(sa.insert(evidence_decisions).values(
        evidence_id=evidence_id, action=action, status=status, editor=editor, note=note,
        decided_at=now, history_id=history_id))


def confirm(conn: Connection, evidence_id: int, *, editor: str, note: str | None,
            status: str | None, now: datetime, allow_older: bool = False) -> StatusChangeRecord:
    """Confirm a proposal (``status`` None: as proposed; another status: reassign).

    An act dated before the act behind the demand's current status would move the status
    back in time; that is refused unless ``allow_older`` (the editor says it is intended)."""
    row = _locked_evidence(conn, evidence_id)
    if row["state"] != "proposed":
        raise Conflict(f"evidence {evidence_id} is {row['state']}, not proposed")
    new_status = status or row["proposed_status"]
    if new_status == NOTE:
        raise Conflict(f"evidence {evidence_id} is a corroborating note: it moves no status; "
                       "confirm it with a status (reassign) or reject it")
    if new_status not in STATUSES:
        raise Conflict(f"unknown status {new_status!r}; allowed: {', '.join(STATUSES)}")
    demand = _locked_demand(conn, row["demand_id"])
    act_date = row["act_date"]
    if not allow_older:
        _refuse_older(conn, evidence_id, act_date, demand, new_status)
    history_id = _append_history(conn, row["demand_id"], demand, new_status, values={
        "act_date": act_date, "evidence_id": evidence_id, "editor": editor, "note": note},
        now=now)
    conn.execute(sa.update(demands).where(demands.c.id == row["demand_id"]).values(
        status=new_status, status_since=act_date or now.date(), updated_at=now))
    conn.execute(sa.update(evidence).where(evidence.c.id == evidence_id).values(
        state="confirmed", decided_by=editor, decided_at=now, decision_note=note,
        decided_status=new_status))
    _decide(conn, evidence_id, "confirm", editor=editor, note=note, status=new_status,
            history_id=history_id, now=now)
    logger.info("evidence %d confirmed: demand %s now %s", evidence_id, row["demand_id"],
                new_status)
    return _history_record(conn, history_id)


def _refuse_older(conn: Connection, evidence_id: int, act_date: date | None,
                  demand: RowMapping, new_status: str) -> None:
    since = demand["status_since"]
    if act_date is None or since is None or act_date >= since or new_status == demand["status"]:
        return
    has_confirmed = conn.execute(sa.select(sa.func.count()).select_from(status_history).where(
        status_history.c.demand_id == demand["id"])).scalar_one()
    if has_confirmed:
        raise Conflict(f"evidence {evidence_id} is dated {act_date}, before the act behind the "
                       f"current status ({demand['status']} since {since}); confirming it would "
                       "move the status back in time (confirm with --older if intended)")


def _append_history(conn: Connection, demand_id: str, demand: RowMapping, to_status: str, *,
                    values: dict[str, object], now: datetime) -> int:
    result = conn.execute(sa.insert(status_history).values(
        demand_id=demand_id, from_status=demand["status"], to_status=to_status,
        from_status_since=demand["status_since"], changed_at=now, **values,
    ).returning(status_history.c.id))
    return int(result.scalar_one())


def reject(conn: Connection, evidence_id: int, *, editor: str, why: str,
           now: datetime) -> None:
    """Reject a proposal; the document is not proposed for that demand again."""
    row = _locked_evidence(conn, evidence_id)
    if row["state"] != "proposed":
        raise Conflict(f"evidence {evidence_id} is {row['state']}, not proposed")
    conn.execute(sa.update(evidence).where(evidence.c.id == evidence_id).values(
        state="rejected", decided_by=editor, decided_at=now, decision_note=why,
        decided_status=None))
    _decide(conn, evidence_id, "reject", editor=editor, note=why, status=None,
            history_id=None, now=now)
    logger.info("evidence %d rejected", evidence_id)


def undo(conn: Connection, evidence_id: int, *, editor: str, why: str,
         now: datetime) -> StatusChangeRecord | None:
    """Undo a confirm or reject; the proposal is proposed again. Returns the undo entry, if any."""
    row = _locked_evidence(conn, evidence_id)
    history_id: int | None = None
    if row["state"] == "confirmed":
        history_id = _undo_confirm(conn, row, editor=editor, why=why, now=now)
    elif row["state"] != "rejected":
        raise Conflict(f"evidence {evidence_id} is {row['state']}: nothing to undo")
    conn.execute(sa.update(evidence).where(evidence.c.id == evidence_id).values(
        state="proposed", decided_by=None, decided_at=None, decision_note=None,
        decided_status=None))
    _decide(conn, evidence_id, "undo", editor=editor, note=why, status=None,
            history_id=history_id, now=now)
    logger.info("evidence %d undone", evidence_id)
    return None if history_id is None else _history_record(conn, history_id)


def _undo_confirm(conn: Connection, row: RowMapping, *, editor: str, why: str,
                  now: datetime) -> int:
    demand_id = row["demand_id"]
    original = conn.execute(sa.select(status_history).where(
        status_history.c.evidence_id == row["id"], status_history.c.is_undo.is_(False),
        status_history.c.is_undone.is_(False)).order_by(status_history.c.id.desc()).limit(1)
    ).mappings().one()
    later = conn.execute(sa.select(status_history.c.id).where(
        status_history.c.demand_id == demand_id, status_history.c.id > original["id"],
        status_history.c.is_undone.is_(False), status_history.c.is_undo.is_(False))).first()
    if later is not None:
        raise Conflict(f"demand {demand_id} changed again after evidence {row['id']} "
                       f"(history {later[0]}); undo that change first")
    demand = _locked_demand(conn, demand_id)
    history_id = _append_history(conn, demand_id, demand, original["from_status"], values={
        "act_date": original["act_date"], "evidence_id": row["id"], "editor": editor,
        "note": why, "is_undo": True, "undoes_id": original["id"]}, now=now)
    conn.execute(sa.update(status_history).where(status_history.c.id == original["id"])
                 .values(is_undone=True))
    conn.execute(sa.update(demands).where(demands.c.id == demand_id).values(
        status=original["from_status"], status_since=original["from_status_since"],
        updated_at=now))
    return history_id


def _history_query() -> sa.Select[tuple[object, ...]]:
    return (sa.select(status_history, evidence.c.url)
            .outerjoin(evidence, evidence.c.id == status_history.c.evidence_id)
            .join(demands, demands.c.id == status_history.c.demand_id))


def _change_record(row: RowMapping) -> StatusChangeRecord:
    return StatusChangeRecord(
        id=row["id"], demand_id=row["demand_id"], from_status=row["from_status"],
        to_status=row["to_status"], act_date=row["act_date"], changed_at=row["changed_at"],
        evidence_id=row["evidence_id"], editor=row["editor"], note=row["note"], url=row["url"],
        is_undone=row["is_undone"], is_undo=row["is_undo"])


def _history_record(conn: Connection, history_id: int) -> StatusChangeRecord:
    query = _history_query().where(status_history.c.id == history_id)
    return _change_record(conn.execute(query).mappings().one())


def timeline(conn: Connection, demand_id: str, *,
             include_members: bool) -> list[StatusChangeRecord]:
    """The demand's status changes, oldest first; NotFound when hidden or unknown."""
    shown = conn.execute(sa.select(demands.c.id).where(
        demands.c.id == demand_id, visible(include_members=include_members))).first()
    if shown is None:
        raise NotFound(f"no demand {demand_id!r}")
    query = (_history_query().where(status_history.c.demand_id == demand_id)
             .order_by(status_history.c.changed_at, status_history.c.id))
    return [_change_record(row) for row in conn.execute(query).mappings()]


def status_changes(conn: Connection, *, start: datetime, end: datetime,
                   include_members: bool) -> list[StatusChangeRecord]:
    """Changes made in [start, end), undo entries included (see is_undo / is_undone)."""
    query = (_history_query().where(status_history.c.changed_at >= start,
                                    status_history.c.changed_at < end,
                                    visible(include_members=include_members))
             .order_by(status_history.c.changed_at, status_history.c.id))
    return [_change_record(row) for row in conn.execute(query).mappings()]


def decisions(conn: Connection, evidence_id: int) -> list[DecisionRecord]:
    """Every decision taken on a proposal, oldest first."""
    query = (sa.select(evidence_decisions).where(evidence_decisions.c.evidence_id == evidence_id)
             .order_by(evidence_decisions.c.id))
    return [DecisionRecord(id=row["id"], evidence_id=row["evidence_id"], action=row["action"],
                           status=row["status"], editor=row["editor"], note=row["note"],
                           decided_at=row["decided_at"])
            for row in conn.execute(query).mappings()]
