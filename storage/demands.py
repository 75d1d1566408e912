"""Demands: their definitions from YAML, their response (what the State said) and status.

Layer: storage. Settings read: none. The status belongs to the database (moved only by
confirmed evidence); YAML's status is used on insert only. A YAML response is applied when the
YAML value itself changes; ``set_response`` records editors' changes with who and why.
Members-only demands are filtered inside every query.
Cases: tests/storage/test_storage_demands.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.db import insert_for
from storage.errors import Conflict, NotFound
from storage.inputs import DemandIn
from storage.records import RESPONSES, STATUSES, DemandRecord
from storage.schema import demands, response_history

logger = logging.getLogger(__name__)

LANGUAGES = ("es", "pt", "en")
SYSTEM_EDITOR = "rules"


def visible(*, include_members: bool) -> sa.ColumnElement[bool]:
    """The WHERE clause that hides members-only demands from the public."""
    if include_members:
        return sa.true()
    return demands.c.visibility == "public"


def _definition(row: DemandIn) -> dict[str, object]:
    values: dict[str, object] = {
        "country": row.country, "kind": row.kind, "is_law": row.is_law,
        "visibility": row.visibility, "target": row.target, "made_on": row.made_on,
        "target_date": row.target_date, "source_url": row.source_url,
    }
    for language in LANGUAGES:
        values[f"title_{language}"] = row.titles.get(language, "")
        values[f"description_{language}"] = row.descriptions.get(language, "")
    return values


def sync_demands(conn: Connection, rows: Sequence[DemandIn], *, now: datetime) -> None:
    """Insert new demands, update definitions of known ones; never touch their status."""
    for row in rows:
        _check_values(row)
        values = _definition(row)
        existing = conn.execute(sa.select(demands.c.response, demands.c.response_from_rules)
                                .where(demands.c.id == row.id)).mappings().first()
        if existing is None:
            _insert_demand(conn, row, values, now=now)
            continue
        changed = sa.or_(*(demands.c[name].is_distinct_from(value)
                           for name, value in values.items()))
        if existing["response_from_rules"] != row.response:
            _change_response(conn, row.id, existing["response"], row.response,
                             editor=SYSTEM_EDITOR, note="changed in the demand's YAML", now=now)
            conn.execute(sa.update(demands).where(demands.c.id == row.id)
                         .values(response_from_rules=row.response))
        conn.execute(sa.update(demands).where(demands.c.id == row.id, changed)
                     .values(**values, updated_at=now))


def _check_values(row: DemandIn) -> None:
    if row.status not in STATUSES:
        raise Conflict(f"demand {row.id}: unknown status {row.status!r}")
    if row.response not in RESPONSES:
        raise Conflict(f"demand {row.id}: unknown response {row.response!r}")


def _insert_demand(conn: Connection, row: DemandIn, values: dict[str, object], *,
                   now: datetime) -> None:
    insert = insert_for(conn, demands).values(
        id=row.id, response=row.response, response_from_rules=row.response, status=row.status,
        status_since=row.made_on, created_at=now, updated_at=now, **values)
    conn.execute(insert.on_conflict_do_nothing(index_elements=[demands.c.id]))


def _change_response(conn: Connection, demand_id: str, old: str, new: str, *, editor: str,
                     note: str | None, now: datetime) -> None:
    if old == new:
        return
    conn.execute(sa.update(demands).where(demands.c.id == demand_id)
                 .values(response=new, updated_at=now))
    conn.execute(sa.insert(response_history).values(
        demand_id=demand_id, from_response=old, to_response=new, changed_at=now,
        editor=editor, note=note))


def set_response(conn: Connection, demand_id: str, response: str, *, editor: str,
                 note: str | None, now: datetime) -> None:
    """An editor records what the State said (never moves the status)."""
    if response not in RESPONSES:
        raise Conflict(f"unknown response {response!r}; allowed: {', '.join(RESPONSES)}")
    current = conn.execute(sa.select(demands.c.response).where(demands.c.id == demand_id)
                           ).scalar()
    if current is None:
        raise NotFound(f"no demand {demand_id!r}")
    _change_response(conn, demand_id, current, response, editor=editor, note=note, now=now)


def demand_record(row: RowMapping) -> DemandRecord:
    return DemandRecord(
        id=row["id"], country=row["country"], kind=row["kind"], is_law=row["is_law"],
        visibility=row["visibility"],
        titles={lang: row[f"title_{lang}"] for lang in LANGUAGES},
        descriptions={lang: row[f"description_{lang}"] for lang in LANGUAGES},
        target=row["target"], made_on=row["made_on"], target_date=row["target_date"],
        response=row["response"], status=row["status"], status_since=row["status_since"],
        source_url=row["source_url"])


def list_demands(conn: Connection, *, include_members: bool,
                 country: str | None) -> list[DemandRecord]:
    query = sa.select(demands).where(visible(include_members=include_members))
    if country is not None:
        query = query.where(demands.c.country == country)
    query = query.order_by(demands.c.country, demands.c.id)
    return [demand_record(row) for row in conn.execute(query).mappings()]


def get_demand(conn: Connection, demand_id: str, *, include_members: bool) -> DemandRecord:
    """The demand, or NotFound — also when it is members-only and members are not included."""
    query = sa.select(demands).where(demands.c.id == demand_id,
                                     visible(include_members=include_members))
    row = conn.execute(query).mappings().first()
    if row is None:
        raise NotFound(f"no demand {demand_id!r}")
    return demand_record(row)
