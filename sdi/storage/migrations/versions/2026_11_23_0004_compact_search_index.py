"""compact search index: storage under 3× the plain text

- utterance_index keeps only the sentence and entity spans, as compact text ("gap,length …") instead of JSON;
  its lemmas (now held only by the full-text index), pipeline name (now once per transcript, in
  documents.pipeline) and document_id (the turn knows its transcript) go.
- utterances lose ix_utterances_document_id (the unique (document_id, seq) index already serves it) and
  ix_utterances_participant_id (no query looks turns up by speaker).
- SQLite: the FTS5 table indexes the lemmas and only those word forms that differ from them (for prefix
  search), not every word twice; an fts5vocab table reads a turn's tokens back (keywords, deletes, copies).
  PostgreSQL keeps its tsvector column as it was, and the lemmas in a column outside the ORM beside it (a
  tsvector mixes stemmed text with the lemmas, so they could not be read back from it).

Revision ID: 20261123_0004
Revises: 20261123_0003
Create Date: 2026-11-23 13:00:00
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "20261123_0004"
down_revision = "20261123_0003"
branch_labels = None
depends_on = None

_WORD = re.compile(r"\w+")
_FTS = (
    "CREATE VIRTUAL TABLE utterance_fts USING fts5({}, content='', tokenize='unicode61 remove_diacritics 0')"
)


def _forms(text: str, lemmas: str) -> str:
    """As `sdi.storage.search_index.word_forms` at this revision (a copy: the migration never changes)."""
    known = set(_WORD.findall(lemmas))
    return " ".join(w for w in dict.fromkeys(_WORD.findall(text.lower())) if w not in known)


def _encode(spans: list[list[Any]]) -> str:
    """As `sdi.storage.models.search.encode_spans` at this revision."""
    parts, previous = [], 0
    for start, end, *labels in spans:
        if start < previous or end < start or any(not isinstance(x, str) or not x or set(x) & {",", " "}
                                                  for x in labels):  # fmt: skip
            return json.dumps(spans, separators=(",", ":"), ensure_ascii=False)
        parts.append(",".join([str(start - previous), str(end - start), *labels]))
        previous = end
    return " ".join(parts)


def _decode(value: str) -> list[list[Any]]:
    if not value or value.startswith("["):
        return json.loads(value or "[]")  # type: ignore[no-any-return]
    spans, previous = [], 0
    for part in value.split(" "):
        gap, length, *labels = part.split(",")
        start = previous + int(gap)
        previous = start + int(length)
        spans.append([start, previous, *labels])
    return spans


def _json(value: Any) -> list[list[Any]]:
    return json.loads(value) if isinstance(value, str) else list(value or [])


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    rows = bind.execute(
        sa.text(
            "SELECT i.utterance_id, i.lemmas, i.sentences, i.entities, i.pipeline, u.document_id, u.start, "
            'u."end" FROM utterance_index i JOIN utterances u ON u.id = i.utterance_id'
        )
    ).all()
    # natively, not a batch copy: rebuilding `documents` would cascade-delete its turns (foreign keys on)
    op.add_column(
        "documents", sa.Column("pipeline", sa.String(length=120), nullable=False, server_default="")
    )
    pipelines = {document_id: pipeline for _, _, _, _, pipeline, document_id, _, _ in rows}
    if pipelines:
        bind.execute(
            sa.text("UPDATE documents SET pipeline = :p WHERE id = :id"),
            [{"id": i, "p": p} for i, p in pipelines.items()],
        )
    with op.batch_alter_table("utterance_index") as batch:
        batch.drop_index("ix_utterance_index_document_id")
        batch.drop_constraint("fk_utterance_index_document_id_documents", type_="foreignkey")
        batch.drop_column("document_id")
        if sqlite:
            batch.drop_column("lemmas")
        else:  # written by sdi.storage.search_index, not the ORM
            batch.alter_column("lemmas", existing_type=sa.Text(), server_default="")
        batch.drop_column("pipeline")
        for column in ("sentences", "entities"):
            batch.alter_column(column, existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=False,
                               postgresql_using=f"{column}::text")  # fmt: skip
    if rows:
        bind.execute(
            sa.text("UPDATE utterance_index SET sentences = :s, entities = :e WHERE utterance_id = :id"),
            [{"id": r[0], "s": _encode(_json(r[2])), "e": _encode(_json(r[3]))} for r in rows],
        )
    with op.batch_alter_table("utterances") as batch:
        batch.drop_index("ix_utterances_document_id")
        batch.drop_index("ix_utterances_participant_id")
    if sqlite:
        texts = dict(bind.execute(sa.text("SELECT id, text FROM documents")).all())
        op.execute("DROP TABLE utterance_fts")
        op.execute(_FTS.format("lemmas, forms"))
        op.execute("CREATE VIRTUAL TABLE utterance_fts_instance USING fts5vocab(utterance_fts, instance)")
        if rows:
            bind.execute(
                sa.text("INSERT INTO utterance_fts (rowid, lemmas, forms) VALUES (:id, :lemmas, :forms)"),
                [{"id": r[0], "lemmas": r[1], "forms": _forms(texts[r[5]][r[6] : r[7]], r[1])} for r in rows],
            )


def downgrade() -> None:
    """Back to JSON spans and a stored lemma column; on SQLite the lemmas are read back from the index, on
    PostgreSQL they are still in their column."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    rows = bind.execute(
        sa.text(
            'SELECT i.utterance_id, i.sentences, i.entities, u.document_id, u.start, u."end", d.pipeline, '
            "d.text FROM utterance_index i JOIN utterances u ON u.id = i.utterance_id "
            "JOIN documents d ON d.id = u.document_id"
        )
    ).all()
    lemmas: dict[int, list[tuple[int, str]]] = {}
    if sqlite:
        for doc, column, offset, term in bind.execute(
            sa.text("SELECT doc, col, offset, term FROM utterance_fts_instance")
        ):
            if column == "lemmas":
                lemmas.setdefault(doc, []).append((offset, term))
        op.execute("DROP TABLE utterance_fts_instance")
        op.execute("DROP TABLE utterance_fts")
        op.execute(_FTS.format("text, lemmas"))
    else:
        for uid, words in bind.execute(sa.text("SELECT utterance_id, lemmas FROM utterance_index")):
            lemmas[uid] = [(0, words)]
    with op.batch_alter_table("utterances") as batch:
        batch.create_index("ix_utterances_document_id", ["document_id"], unique=False)
        batch.create_index("ix_utterances_participant_id", ["participant_id"], unique=False)
    with op.batch_alter_table("utterance_index") as batch:
        batch.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
        if sqlite:
            batch.add_column(sa.Column("lemmas", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("pipeline", sa.String(length=120), nullable=False, server_default=""))
    values = []
    for uid, sentences, entities, document_id, start, end, pipeline, text in rows:
        words = " ".join(t for _, t in sorted(lemmas.get(uid, [])))
        values.append({"id": uid, "d": document_id, "l": words, "p": pipeline,
                       "s": json.dumps(_decode(sentences)), "e": json.dumps(_decode(entities)),
                       "t": text[start:end]})  # fmt: skip
    if values:
        bind.execute(
            sa.text("UPDATE utterance_index SET document_id = :d, lemmas = :l, pipeline = :p, "
                    "sentences = :s, entities = :e WHERE utterance_id = :id"),
            values,
        )  # fmt: skip
        if sqlite:
            bind.execute(
                sa.text("INSERT INTO utterance_fts (rowid, text, lemmas) VALUES (:id, :t, :l)"), values
            )
    with op.batch_alter_table("utterance_index") as batch:
        batch.alter_column("document_id", existing_type=sa.Integer(), nullable=False)
        for column in ("sentences", "entities"):
            batch.alter_column(column, existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=False,
                               postgresql_using=f"{column}::json")  # fmt: skip
        batch.create_foreign_key("fk_utterance_index_document_id_documents", "documents", ["document_id"],
                                 ["id"], ondelete="CASCADE")  # fmt: skip
        batch.create_index("ix_utterance_index_document_id", ["document_id"], unique=False)
    # natively, not a batch copy: rebuilding `documents` would cascade-delete its turns (foreign keys on)
    op.execute("ALTER TABLE documents DROP COLUMN pipeline")
