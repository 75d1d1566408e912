"""People: users who sign in (editor, member, admin) and digest subscribers.

Layer: storage. Settings read: none. Passwords arrive already hashed (argon2, by monitor);
emails are stored lower-cased and never logged.
Cases: tests/storage/test_storage_people_runs.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from storage.db import insert_for
from storage.errors import Conflict, NotFound
from storage.records import SubscriberRecord, UserRecord
from storage.schema import subscribers, users

logger = logging.getLogger(__name__)

ROLES = ("editor", "member", "admin")


def add_user(conn: Connection, username: str, password_hash: str, role: str, *,
             now: datetime) -> None:
    if role not in ROLES:
        raise Conflict(f"unknown role {role!r}; allowed: {', '.join(ROLES)}")
    insert = insert_for(conn, users).values(username=username, password_hash=password_hash,
                                            role=role, created_at=now)
    added = conn.execute(insert.on_conflict_do_nothing(index_elements=[users.c.username])
                         .returning(users.c.username)).scalar()
    if added is None:
        raise Conflict(f"user {username!r} already exists")
    logger.info("user added with role %s", role)


def set_password(conn: Connection, username: str, password_hash: str) -> None:
    result = conn.execute(sa.update(users).where(users.c.username == username)
                          .values(password_hash=password_hash))
    if result.rowcount == 0:
        raise NotFound(f"no user {username!r}")


def get_user(conn: Connection, username: str) -> UserRecord:
    row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
    if row is None:
        raise NotFound(f"no user {username!r}")
    return UserRecord(username=row["username"], password_hash=row["password_hash"],
                      role=row["role"], created_at=row["created_at"])


def list_users(conn: Connection) -> list[UserRecord]:
    rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings()
    return [UserRecord(username=row["username"], password_hash=row["password_hash"],
                       role=row["role"], created_at=row["created_at"]) for row in rows]


def add_subscriber(conn: Connection, email: str, language: str, is_member: bool,
                   countries: Sequence[str], *, now: datetime) -> None:
    """Add a subscriber, or update language, membership and countries of a known address."""
    values = {"language": language, "is_member": is_member, "countries": sorted(set(countries))}
    insert = insert_for(conn, subscribers).values(email=email.strip().lower(), created_at=now,
                                                  updated_at=now, **values)
    conn.execute(insert.on_conflict_do_update(index_elements=[subscribers.c.email],
                                              set_={**values, "updated_at": now}))


def remove_subscriber(conn: Connection, email: str) -> bool:
    """Unsubscribe; True when the address was there."""
    result = conn.execute(sa.delete(subscribers)
                          .where(subscribers.c.email == email.strip().lower()))
    return result.rowcount > 0


def list_subscribers(conn: Connection) -> list[SubscriberRecord]:
    rows = conn.execute(sa.select(subscribers).order_by(subscribers.c.email)).mappings()
    return [SubscriberRecord(email=row["email"], language=row["language"],
                             is_member=row["is_member"], countries=tuple(row["countries"]))
            for row in rows]
