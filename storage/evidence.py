"""Evidence: proposals made by watch rules, one per document × rule × demand, and reading them.

Layer: storage. Settings read: none. Once an editor rejected a document's evidence for a demand,
no rule proposes that document for that demand again. Members-only demands are filtered inside
the queries. ``evidence_summary`` (per-demand facts for the status page) and ``count_awaiting``
(the digest's count at a date) aggregate in SQL. Cases: tests/storage/test_storage_review.py,
tests/storage/test_storage_members.py, tests/storage/test_storage_evidence_summary.py.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.db import insert_for
from storage.demands import visible
from storage.errors import Conflict, NotFound
from storage.inputs import EvidenceIn
from storage.records import EVIDENCE_STATES, NOTE, STATUSES, EvidenceRecord
from storage.schema import demands, documents, evidence, evidence_decisions, sources

logger = logging.getLogger(__name__)


_REJECTED = (sa.select(evidence.c.id)
             .where(evidence.c.document_id == sa.bindparam("document_id"),
                    evidence.c.demand_id == sa.bindparam("demand_id"),
                    evidence.c.state == "rejected")
             .order_by(evidence.c.id).limit(1))
_VERSION = sa.select(documents.c.version).where(documents.c.id == sa.bindparam("document_id"))
_DEMAND = sa.select(demands.c.id).where(demands.c.id == sa.bindparam("demand_id"))
_EXISTING = sa.select(evidence.c.id).where(evidence.c.document_id == sa.bindparam("document_id"),
                                           evidence.c.rule_id == sa.bindparam("rule_id"),
                                           evidence.c.demand_id == sa.bindparam("demand_id"))


def add_evidence(conn: Connection, item: EvidenceIn, *, now: datetime) -> tuple[int, bool]:
    """Store a proposal; (id, is_new). Known or already rejected: (existing id, False)."""
    if item.proposed_status not in STATUSES and item.proposed_status != NOTE:
        raise Conflict(f"unknown status {item.proposed_status!r}")
    keys = {"document_id": item.document_id, "demand_id": item.demand_id}
    rejected = conn.execute(_REJECTED, keys).scalar()
    if rejected is not None:
        return int(rejected), False
    version = conn.execute(_VERSION, keys).scalar()
    if version is None:
        raise NotFound(f"no document {item.document_id}")
    if conn.execute(_DEMAND, keys).first() is None:
        raise NotFound(f"no demand {item.demand_id!r}")
    insert = insert_for(conn, evidence).on_conflict_do_nothing().returning(evidence.c.id)
    new_id = conn.execute(insert, {
        **keys, "document_version": version, "rule_id": item.rule_id,
        "proposed_status": item.proposed_status, "event_codes": list(item.event_codes),
        "excerpt": item.excerpt, "highlights": [[a, b] for a, b in item.highlights],
        "act_date": item.act_date, "url": item.url, "found_at": now, "state": "proposed",
    }).scalar()
    if new_id is not None:
        logger.info("evidence %d proposed for demand %s", new_id, item.demand_id)
        return int(new_id), True
    return int(conn.execute(_EXISTING, {**keys, "rule_id": item.rule_id}).scalar_one()), False


def _evidence_query(*, include_members: bool) -> sa.Select[tuple[object, ...]]:
    return (sa.select(evidence, documents.c.source_id, documents.c.title,
                      sources.c.kind.label("source_kind"))
            .join(documents, documents.c.id == evidence.c.document_id)
            .join(sources, sources.c.id == documents.c.source_id)
            .join(demands, demands.c.id == evidence.c.demand_id)
            .where(visible(include_members=include_members)))


def evidence_record(row: RowMapping) -> EvidenceRecord:
    return EvidenceRecord(
        id=row["id"], demand_id=row["demand_id"], document_id=row["document_id"],
        rule_id=row["rule_id"], proposed_status=row["proposed_status"],
        event_codes=tuple(row["event_codes"]), excerpt=row["excerpt"],
        highlights=tuple((int(a), int(b)) for a, b in row["highlights"]),
        source_id=row["source_id"], source_kind=row["source_kind"], url=row["url"],
        title=row["title"], act_date=row["act_date"], found_at=row["found_at"],
        state=row["state"], decided_by=row["decided_by"], decided_at=row["decided_at"],
        decision_note=row["decision_note"], decided_status=row["decided_status"])


def list_evidence(conn: Connection, *, states: Sequence[str], demand_id: str | None,
                  include_members: bool, since: datetime | None,
                  limit: int | None) -> list[EvidenceRecord]:
    """Evidence in ``states``, newest first."""
    unknown = sorted(set(states) - set(EVIDENCE_STATES))
    if unknown:
        raise Conflict(f"unknown evidence state(s) {', '.join(unknown)}")
    query = _evidence_query(include_members=include_members).where(
        evidence.c.state.in_(list(states)))
    if demand_id is not None:
        query = query.where(evidence.c.demand_id == demand_id)
    if since is not None:
        query = query.where(evidence.c.found_at >= since)
    query = query.order_by(evidence.c.found_at.desc(), evidence.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [evidence_record(row) for row in conn.execute(query).mappings()]


def get_evidence(conn: Connection, evidence_id: int, *, include_members: bool) -> EvidenceRecord:
    query = _evidence_query(include_members=include_members).where(evidence.c.id == evidence_id)
    row = conn.execute(query).mappings().first()
    if row is None:
        raise NotFound(f"no evidence {evidence_id}")
    return evidence_record(row)


def count_proposed(conn: Connection, *, include_members: bool) -> int:
    query = (sa.select(sa.func.count()).select_from(evidence)
             .join(demands, demands.c.id == evidence.c.demand_id)
             .where(evidence.c.state == "proposed", visible(include_members=include_members)))
    return int(conn.execute(query).scalar_one())


def last_evidence_dates(conn: Connection, *, include_members: bool) -> dict[str, date]:
    """Per demand, the day (UTC) its newest evidence not rejected was found."""
    query = (sa.select(evidence.c.demand_id, sa.func.max(evidence.c.found_at))
             .join(demands, demands.c.id == evidence.c.demand_id)
             .where(evidence.c.state != "rejected", visible(include_members=include_members))
             .group_by(evidence.c.demand_id))
    return {demand_id: found.date() for demand_id, found in conn.execute(query)}


@dataclass(frozen=True)
class DemandEvidence:
    """One demand's evidence in a few numbers (a plain record; nothing SQLAlchemy inside)."""

    demand_id: str
    last_found_at: datetime  # newest proposed or confirmed evidence
    awaiting: int  # proposals not yet decided
    confirmed: int
    confirmed_codes: tuple[tuple[str, ...], ...]  # event codes of each confirmed item

    @property
    def is_awaiting_review(self) -> bool:
        return self.awaiting > 0


_CODES_SEPARATOR = "\n"  # never inside a JSON list as SQLAlchemy writes it (no indent)


def _summary_query(*, include_members: bool) -> sa.Select[tuple[object, ...]]:
    is_confirmed = evidence.c.state == "confirmed"
    codes = sa.case((is_confirmed, sa.cast(evidence.c.event_codes, sa.Text)))
    return (sa.select(evidence.c.demand_id,
                      sa.func.max(evidence.c.found_at).label("last_found_at"),
                      sa.func.sum(sa.case((evidence.c.state == "proposed", 1), else_=0)
                                  ).label("awaiting"),
                      sa.func.sum(sa.case((is_confirmed, 1), else_=0)).label("confirmed"),
                      sa.func.aggregate_strings(codes, _CODES_SEPARATOR).label("codes"))
            .join(demands, demands.c.id == evidence.c.demand_id)
            .where(evidence.c.state.in_(("proposed", "confirmed")),
                   visible(include_members=include_members))
            .group_by(evidence.c.demand_id)
            .order_by(evidence.c.demand_id))


def _codes_of(joined: str | None) -> tuple[tuple[str, ...], ...]:
    if not joined:
        return ()
    return tuple(tuple(str(code) for code in json.loads(item))
                 for item in joined.split(_CODES_SEPARATOR))


def evidence_summary(conn: Connection, *, include_members: bool,
                     demand_id: str | None) -> list[DemandEvidence]:
    """Per demand with proposed or confirmed evidence: newest date, counts, confirmed codes.

    One GROUP BY query; members-only demands are left out unless ``include_members``."""
    query = _summary_query(include_members=include_members)
    if demand_id is not None:
        query = query.where(evidence.c.demand_id == demand_id)
    return [DemandEvidence(demand_id=row["demand_id"], last_found_at=row["last_found_at"],
                           awaiting=int(row["awaiting"]), confirmed=int(row["confirmed"]),
                           confirmed_codes=_codes_of(row["codes"]))
            for row in conn.execute(query).mappings()]


def count_awaiting(conn: Connection, *, at: datetime, include_members: bool) -> dict[str, int]:
    """Per demand, the proposals awaiting review at the instant ``at``: found before ``at`` and
    not decided before it (no decision then, or the last one an undo). Demands with none are
    left out; so are members-only demands unless ``include_members``."""
    last_action = (sa.select(evidence_decisions.c.action)
                   .where(evidence_decisions.c.evidence_id == evidence.c.id,
                          evidence_decisions.c.decided_at < at)
                   .order_by(evidence_decisions.c.decided_at.desc(),
                             evidence_decisions.c.id.desc())
                   .limit(1).correlate(evidence).scalar_subquery())
    query = (sa.select(evidence.c.demand_id, sa.func.count())
             .join(demands, demands.c.id == evidence.c.demand_id)
             .where(evidence.c.found_at < at, visible(include_members=include_members),
                    sa.func.coalesce(last_action, "undo") == "undo")
             .group_by(evidence.c.demand_id))
    return {demand_id: int(count) for demand_id, count in conn.execute(query)}
