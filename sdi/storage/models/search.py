"""What the language pipeline found in each turn, stored once (never recomputed on read), and the row the
full-text index is built from. The index itself is engine-specific (SQLite FTS5 table, PostgreSQL tsvector
column) and lives in `sdi.storage.search_index` and the migrations, not in the ORM metadata.

Spans are stored compactly (a few bytes a sentence, not JSON): storage must stay under 3× the plain text
of a large study. The lemmas live only in the full-text index."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ForeignKey, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from sdi.storage.base import Base


def encode_spans(spans: list[list[Any]]) -> str:
    """[[start, end, *labels], …] (sorted, offsets ≥ 0) as "gap,length[,label] …": each start counted from
    the previous end. JSON when a label holds a separator or the spans are not in order."""
    parts = []
    previous = 0
    for start, end, *labels in spans:
        if start < previous or end < start or any(not isinstance(x, str) or not x or set(x) & {",", " "}
                                                  for x in labels):  # fmt: skip
            return json.dumps(spans, separators=(",", ":"), ensure_ascii=False)
        parts.append(",".join([str(start - previous), str(end - start), *labels]))
        previous = end
    return " ".join(parts)


def decode_spans(value: str) -> list[list[Any]]:
    if not value:
        return []
    if value.startswith("["):
        spans_of_json: list[list[Any]] = json.loads(value)
        return spans_of_json
    spans: list[list[Any]] = []
    previous = 0
    for part in value.split(" "):
        gap, length, *labels = part.split(",")
        start = previous + int(gap)
        previous = start + int(length)
        spans.append([start, previous, *labels])
    return spans


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
