"""What the language pipeline found in each turn, stored once (never recomputed on read), and the row the
full-text index is built from. The index itself is engine-specific (SQLite FTS5 table, PostgreSQL tsvector
column) and lives in `sdi.storage.search_index` and the migrations, not in the ORM metadata.

Spans are stored compactly (a few bytes a sentence, not JSON): storage must stay under 3× the plain text
of a large study. The lemmas live only in the full-text index."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from sdi.storage.base import Base
from sdi.storage.spans import decode_spans, encode_spans

__all__ = ["Spans", "UtteranceIndex", "decode_spans", "encode_spans"]


class Spans(TypeDecorator[list[list[Any]]]):
    """A list of [start, end, *labels] kept as compact text (see `encode_spans`)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[list[Any]] | None, dialect: Dialect) -> str:
        return encode_spans(value or [])

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[list[Any]]:
        return decode_spans(value or "")


class UtteranceIndex(Base):
    """A turn's annotations; a row here also marks the turn as indexed."""

    __tablename__ = "utterance_index"

    utterance_id: Mapped[int] = mapped_column(
        ForeignKey("utterances.id", ondelete="CASCADE"), primary_key=True
    )
    sentences: Mapped[list[list[int]]] = mapped_column(Spans, default=list)  # [[start, end]] in Document.text
    entities: Mapped[list[list[Any]]] = mapped_column(Spans, default=list)  # [[start, end, label]]
