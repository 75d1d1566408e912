"""The database schema as SQLAlchemy Core tables: the one place table and index names live.

Layer: storage. Alembic migrations (``storage/migrations/versions``) must produce exactly this;
``tests/storage/test_storage_db.py`` compares them. Settings read: none.
Times are stored as naive UTC and come back as aware UTC (``UTCDateTime``).
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp kept as naive UTC in the database and handed back as aware UTC."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


runs = sa.Table(
    "runs", metadata,
    _id(),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime),
    sa.Column("summary", sa.JSON),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("country", sa.String(8), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("last_attempt_at", UTCDateTime),
    sa.Column("last_success_at", UTCDateTime),
    sa.Column("consecutive_failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error_kind", sa.String(40)),
    sa.Column("last_error", sa.Text),
    sa.Column("is_reported_failing", sa.Boolean, nullable=False, server_default=sa.false()),
)

fetches = sa.Table(
    "fetches", metadata,
    _id(),
    sa.Column("source_id", sa.String(80), sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("status", sa.Integer),
    sa.Column("bytes", sa.Integer, nullable=False, server_default="0"),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("duration_ms", sa.Integer, nullable=False, server_default="0"),
    sa.Column("is_not_modified", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("is_success", sa.Boolean, nullable=False),
    sa.Column("error_kind", sa.String(40)),
    sa.Column("error", sa.Text),
    sa.Index(None, "source_id", "started_at"),
    sa.Index(None, "source_id", "url", "is_success"),
)

documents = sa.Table(
    "documents", metadata,
    _id(),
    sa.Column("source_id", sa.String(80), sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("external_id", sa.String(200)),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("published_on", sa.Date),
    sa.Column("language", sa.String(8)),
    sa.Column("content_type", sa.String(120), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("first_seen_at", UTCDateTime, nullable=False),
    sa.Column("last_seen_at", UTCDateTime, nullable=False),
    sa.Column("matched_rulebook", sa.String(64)),
    sa.Column("matched_version", sa.Integer),
    sa.UniqueConstraint("url"),
    sa.Index(None, "source_id", "published_on"),
    sa.Index(None, "source_id", "first_seen_at"),
    sa.Index(None, "source_id", "external_id"),
)

document_versions = sa.Table(
    "document_versions", metadata,
    _id(),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_type", sa.String(120), nullable=False),
    sa.Column("raw_zlib", sa.LargeBinary, nullable=False),
    sa.Column("seen_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("document_id", "version"),
    sa.Index(None, "content_hash"),
)

document_aliases = sa.Table(
    "document_aliases", metadata,
    _id(),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("source_id", sa.String(80), sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("first_seen_at", UTCDateTime, nullable=False),
    sa.Column("last_seen_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("url"),
    sa.Index(None, "source_id"),
)

demands = sa.Table(
    "demands", metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("country", sa.String(8), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("is_law", sa.Boolean, nullable=False),
    sa.Column("visibility", sa.String(10), nullable=False),
    sa.Column("title_es", sa.Text, nullable=False),
    sa.Column("title_pt", sa.Text, nullable=False),
    sa.Column("title_en", sa.Text, nullable=False),
    sa.Column("description_es", sa.Text, nullable=False),
    sa.Column("description_pt", sa.Text, nullable=False),
    sa.Column("description_en", sa.Text, nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("made_on", sa.Date),
    sa.Column("target_date", sa.Date),
    sa.Column("source_url", sa.Text),
    sa.Column("response", sa.String(20), nullable=False),
    sa.Column("response_from_rules", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("status_since", sa.Date),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Index(None, "visibility", "country"),
)

response_history = sa.Table(
    "response_history", metadata,
    _id(),
    sa.Column("demand_id", sa.String(80), sa.ForeignKey("demands.id"), nullable=False),
    sa.Column("from_response", sa.String(20), nullable=False),
    sa.Column("to_response", sa.String(20), nullable=False),
    sa.Column("changed_at", UTCDateTime, nullable=False),
    sa.Column("editor", sa.String(80), nullable=False),
    sa.Column("note", sa.Text),
    sa.Index(None, "demand_id", "changed_at"),
)

evidence = sa.Table(
    "evidence", metadata,
    _id(),
    sa.Column("demand_id", sa.String(80), sa.ForeignKey("demands.id"), nullable=False),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("document_version", sa.Integer, nullable=False),
    sa.Column("rule_id", sa.String(120), nullable=False),
    sa.Column("proposed_status", sa.String(20), nullable=False),
    sa.Column("event_codes", sa.JSON, nullable=False),
    sa.Column("excerpt", sa.Text, nullable=False),
    sa.Column("highlights", sa.JSON, nullable=False),
    sa.Column("act_date", sa.Date),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("found_at", UTCDateTime, nullable=False),
    sa.Column("state", sa.String(12), nullable=False),
    sa.Column("decided_by", sa.String(80)),
    sa.Column("decided_at", UTCDateTime),
    sa.Column("decision_note", sa.Text),
    sa.Column("decided_status", sa.String(20)),
    sa.UniqueConstraint("document_id", "rule_id", "demand_id"),
    sa.Index(None, "demand_id", "found_at"),
    sa.Index(None, "state", "found_at"),
    sa.Index(None, "document_id", "demand_id", "state"),
)

status_history = sa.Table(
    "status_history", metadata,
    _id(),
    sa.Column("demand_id", sa.String(80), sa.ForeignKey("demands.id"), nullable=False),
    sa.Column("from_status", sa.String(20), nullable=False),
    sa.Column("to_status", sa.String(20), nullable=False),
    sa.Column("from_status_since", sa.Date),
    sa.Column("act_date", sa.Date),
    sa.Column("changed_at", UTCDateTime, nullable=False),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id")),
    sa.Column("editor", sa.String(80), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("is_undo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("is_undone", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("undoes_id", sa.Integer, sa.ForeignKey("status_history.id")),
    sa.Index(None, "demand_id", "changed_at"),
    sa.Index(None, "changed_at"),
    sa.Index(None, "evidence_id"),
)

evidence_decisions = sa.Table(
    "evidence_decisions", metadata,
    _id(),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id"), nullable=False),
    sa.Column("action", sa.String(10), nullable=False),  # confirm | reject | undo
    sa.Column("status", sa.String(20)),
    sa.Column("editor", sa.String(80), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("decided_at", UTCDateTime, nullable=False),
    sa.Column("history_id", sa.Integer, sa.ForeignKey("status_history.id")),
    sa.Index(None, "evidence_id", "decided_at"),
)

problems = sa.Table(
    "problems", metadata,
    _id(),
    sa.Column("key", sa.String(64), nullable=False),  # sha256 of location + message
    sa.Column("location", sa.Text, nullable=False),  # file:line or source id
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("first_seen_at", UTCDateTime, nullable=False),
    sa.Column("last_seen_at", UTCDateTime, nullable=False),
    sa.Column("times_seen", sa.Integer, nullable=False, server_default="1"),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
    sa.UniqueConstraint("key"),
    sa.Index(None, "last_seen_at"),
)

users = sa.Table(
    "users", metadata,
    sa.Column("username", sa.String(80), primary_key=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(10), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

subscribers = sa.Table(
    "subscribers", metadata,
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("is_member", sa.Boolean, nullable=False),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)
