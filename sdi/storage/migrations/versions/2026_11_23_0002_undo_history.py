"""undo history

Revision ID: 20261123_0002
Revises: 20261123_0001
Create Date: 2026-11-23 08:52:07.755315
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261123_0002"
down_revision = "20261123_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coders.id"], name=op.f("fk_history_entries_coder_id_coders"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_entries")),
    )
    with op.batch_alter_table("history_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_entries_coder_id"), ["coder_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_history_entries_state"), ["state"], unique=False)

    op.create_table(
        "history_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["history_entries.id"],
            name=op.f("fk_history_changes_entry_id_history_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_changes")),
    )
    with op.batch_alter_table("history_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_changes_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("history_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_changes_entry_id"))

    op.drop_table("history_changes")
    with op.batch_alter_table("history_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_entries_state"))
        batch_op.drop_index(batch_op.f("ix_history_entries_coder_id"))

    op.drop_table("history_entries")
