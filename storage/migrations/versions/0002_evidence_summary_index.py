"""Index evidence on (demand_id, state, found_at) for the status page's per-demand summary.

``storage.evidence.evidence_summary`` groups evidence by demand over the proposed and confirmed
rows and takes the newest ``found_at``; with this index both databases read it in demand order
(no sort) and SQLite reads the table row only for confirmed items (their event codes).
Figures: docs/benchmarks.md, "Status page". Cases: tests/storage/test_storage_migrations.py.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_evidence_demand_id_state_found_at"),
        "evidence",
        ["demand_id", "state", "found_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_demand_id_state_found_at"), table_name="evidence")
