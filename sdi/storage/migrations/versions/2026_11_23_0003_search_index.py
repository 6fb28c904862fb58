"""search index: stored annotations per turn, and the engine's own full-text index over text and lemmas

SQLite: a contentless FTS5 table (tokenizer unicode61 with remove_diacritics 0, so for/før/fôr and ar/år stay
apart). PostgreSQL: a tsvector column (norwegian configuration over the text, simple over our lemmas) with
a GIN index.

Revision ID: 20261123_0003
Revises: 20261123_0002
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261123_0003"
down_revision = "20261123_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "utterance_index",
        sa.Column("utterance_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("lemmas", sa.Text(), nullable=False),
        sa.Column("sentences", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("pipeline", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_utterance_index_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["utterance_id"], ["utterances.id"], name=op.f("fk_utterance_index_utterance_id_utterances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("utterance_id", name=op.f("pk_utterance_index")),
    )  # fmt: skip
    with op.batch_alter_table("utterance_index", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_utterance_index_document_id"), ["document_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE utterance_fts USING fts5("
            "text, lemmas, content='', tokenize='unicode61 remove_diacritics 0')"
        )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE utterance_index ADD COLUMN search tsvector")
        op.execute("CREATE INDEX ix_utterance_index_search ON utterance_index USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS utterance_fts")
    with op.batch_alter_table("utterance_index", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_utterance_index_document_id"))
    op.drop_table("utterance_index")
