"""document attributes: a transcript's own attributes (JSON), as participants have them

What other tools say about a document beyond our metadata — a MAXQDA document set it belongs to, a variable
of a REFI-QDA source — is kept here, and exported again as the source's variables.

Revision ID: 20261207_0005
Revises: 20261123_0004
Create Date: 2026-12-07 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261207_0005"
down_revision = "20261123_0004"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, no batch copy: on SQLite a batch recreates `documents`, and dropping the old table
# would cascade to every turn and coding of the transcripts.


def upgrade() -> None:
    op.add_column("documents", sa.Column("attributes", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    op.drop_column("documents", "attributes")
