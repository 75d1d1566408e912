"""Initial schema: sources, fetches, documents and versions, demands, evidence, history, people.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "demands",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("is_law", sa.Boolean(), nullable=False),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("title_es", sa.Text(), nullable=False),
        sa.Column("title_pt", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("description_es", sa.Text(), nullable=False),
        sa.Column("description_pt", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("response", sa.String(length=20), nullable=False),
        sa.Column("response_from_rules", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_since", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demands")),
    )
    op.create_index(
        op.f("ix_demands_visibility_country"), "demands", ["visibility", "country"], unique=False
    )

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error_kind", sa.String(length=40), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("is_reported_failing", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_table(
        "subscribers",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("is_member", sa.Boolean(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_subscribers")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_users")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("content_type", sa.String(length=120), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("matched_rulebook", sa.String(length=64), nullable=True),
        sa.Column("matched_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_documents_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("url", name=op.f("uq_documents_url")),
    )
    op.create_index(
        op.f("ix_documents_source_id_external_id"),
        "documents",
        ["source_id", "external_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_documents_source_id_first_seen_at"),
        "documents",
        ["source_id", "first_seen_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_documents_source_id_published_on"),
        "documents",
        ["source_id", "published_on"],
        unique=False,
    )

    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("bytes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), server_default="0", nullable=False),
        sa.Column("is_not_modified", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("is_success", sa.Boolean(), nullable=False),
        sa.Column("error_kind", sa.String(length=40), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_fetches_run_id_runs")),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_fetches_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetches")),
    )
    op.create_index(
        op.f("ix_fetches_source_id_started_at"),
        "fetches",
        ["source_id", "started_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_fetches_source_id_url_is_success"),
        "fetches",
        ["source_id", "url", "is_success"],
        unique=False,
    )

    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("times_seen", sa.Integer(), server_default="1", nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_problems_run_id_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problems")),
        sa.UniqueConstraint("key", name=op.f("uq_problems_key")),
    )
    op.create_index(op.f("ix_problems_last_seen_at"), "problems", ["last_seen_at"], unique=False)

    op.create_table(
        "response_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("from_response", sa.String(length=20), nullable=False),
        sa.Column("to_response", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("editor", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_response_history_demand_id_demands")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_history")),
    )
    op.create_index(
        op.f("ix_response_history_demand_id_changed_at"),
        "response_history",
        ["demand_id", "changed_at"],
        unique=False,
    )

    op.create_table(
        "document_aliases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_aliases_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_document_aliases_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_aliases")),
        sa.UniqueConstraint("url", name=op.f("uq_document_aliases_url")),
    )
    op.create_index(
        op.f("ix_document_aliases_source_id"), "document_aliases", ["source_id"], unique=False
    )

    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_type", sa.String(length=120), nullable=False),
        sa.Column("raw_zlib", sa.LargeBinary(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_versions_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_versions")),
        sa.UniqueConstraint(
            "document_id", "version", name=op.f("uq_document_versions_document_id_version")
        ),
    )
    op.create_index(
        op.f("ix_document_versions_content_hash"),
        "document_versions",
        ["content_hash"],
        unique=False,
    )

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("document_version", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=120), nullable=False),
        sa.Column("proposed_status", sa.String(length=20), nullable=False),
        sa.Column("event_codes", sa.JSON(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("highlights", sa.JSON(), nullable=False),
        sa.Column("act_date", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_status", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_evidence_demand_id_demands")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_evidence_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint(
            "document_id",
            "rule_id",
            "demand_id",
            name=op.f("uq_evidence_document_id_rule_id_demand_id"),
        ),
    )
    op.create_index(
        op.f("ix_evidence_demand_id_found_at"), "evidence", ["demand_id", "found_at"], unique=False
    )
    op.create_index(
        op.f("ix_evidence_document_id_demand_id_state"),
        "evidence",
        ["document_id", "demand_id", "state"],
        unique=False,
    )
    op.create_index(
        op.f("ix_evidence_state_found_at"), "evidence", ["state", "found_at"], unique=False
    )

    op.create_table(
        "status_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("demand_id", sa.String(length=80), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("from_status_since", sa.Date(), nullable=True),
        sa.Column("act_date", sa.Date(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("editor", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("is_undo", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("is_undone", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("undoes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["demand_id"], ["demands.id"], name=op.f("fk_status_history_demand_id_demands")
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name=op.f("fk_status_history_evidence_id_evidence")
        ),
        sa.ForeignKeyConstraint(
            ["undoes_id"],
            ["status_history.id"],
            name=op.f("fk_status_history_undoes_id_status_history"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_history")),
    )
    op.create_index(
        op.f("ix_status_history_changed_at"), "status_history", ["changed_at"], unique=False
    )
    op.create_index(
        op.f("ix_status_history_demand_id_changed_at"),
        "status_history",
        ["demand_id", "changed_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_status_history_evidence_id"), "status_history", ["evidence_id"], unique=False
    )

    op.create_table(
        "evidence_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("editor", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("history_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_evidence_decisions_evidence_id_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["history_id"],
            ["status_history.id"],
            name=op.f("fk_evidence_decisions_history_id_status_history"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_decisions")),
    )
    op.create_index(
        op.f("ix_evidence_decisions_evidence_id_decided_at"),
        "evidence_decisions",
        ["evidence_id", "decided_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_evidence_decisions_evidence_id_decided_at"), table_name="evidence_decisions"
    )

    op.drop_table("evidence_decisions")
    op.drop_index(op.f("ix_status_history_evidence_id"), table_name="status_history")
    op.drop_index(op.f("ix_status_history_demand_id_changed_at"), table_name="status_history")
    op.drop_index(op.f("ix_status_history_changed_at"), table_name="status_history")

    op.drop_table("status_history")
    op.drop_index(op.f("ix_evidence_state_found_at"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_document_id_demand_id_state"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_demand_id_found_at"), table_name="evidence")

    op.drop_table("evidence")
    op.drop_index(op.f("ix_document_versions_content_hash"), table_name="document_versions")

    op.drop_table("document_versions")
    op.drop_index(op.f("ix_document_aliases_source_id"), table_name="document_aliases")

    op.drop_table("document_aliases")
    op.drop_index(op.f("ix_response_history_demand_id_changed_at"), table_name="response_history")

    op.drop_table("response_history")
    op.drop_index(op.f("ix_problems_last_seen_at"), table_name="problems")

    op.drop_table("problems")
    op.drop_index(op.f("ix_fetches_source_id_url_is_success"), table_name="fetches")
    op.drop_index(op.f("ix_fetches_source_id_started_at"), table_name="fetches")

    op.drop_table("fetches")
    op.drop_index(op.f("ix_documents_source_id_published_on"), table_name="documents")
    op.drop_index(op.f("ix_documents_source_id_first_seen_at"), table_name="documents")
    op.drop_index(op.f("ix_documents_source_id_external_id"), table_name="documents")

    op.drop_table("documents")
    op.drop_table("users")
    op.drop_table("subscribers")
    op.drop_table("sources")
    op.drop_table("runs")
    op.drop_index(op.f("ix_demands_visibility_country"), table_name="demands")

    op.drop_table("demands")
