"""What Alembic's model comparison must leave alone: the engine-specific search index (FTS5 tables on
SQLite; on PostgreSQL the tsvector column, its GIN index and the lemmas beside it), which hand-written
migrations own."""

from __future__ import annotations

from typing import Any


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    if type_ == "table" and name and name.startswith("utterance_fts"):
        return False
    if type_ == "column" and name == "lemmas" and getattr(obj, "table", None) is not None:
        return bool(obj.table.name != "utterance_index")
    return not (type_ in ("column", "index") and name in ("search", "ix_utterance_index_search"))
