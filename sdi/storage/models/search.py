"""What the language pipeline found in each turn, stored once (never recomputed on read), and the row the
full-text index is built from. The index itself is engine-specific (SQLite FTS5 table, PostgreSQL tsvector
column) and lives in `sdi.storage.search_index` and the migrations, not in the ORM metadata."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sdi.storage.base import Base


class UtteranceIndex(Base):
    __tablename__ = "utterance_index"

    utterance_id: Mapped[int] = mapped_column(
        ForeignKey("utterances.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    lemmas: Mapped[str] = mapped_column(Text, default="")  # lowercased lemma of every word, in order
    sentences: Mapped[list[list[int]]] = mapped_column(JSON, default=list)  # [[start, end]] in Document.text
    entities: Mapped[list[list[object]]] = mapped_column(JSON, default=list)  # [[start, end, label]]
    pipeline: Mapped[str] = mapped_column(String(120), default="")
