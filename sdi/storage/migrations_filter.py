"""What Alembic's model comparison must leave alone: the engine-specific search index (FTS5 tables on
SQLite; on PostgreSQL the tsvector column, its GIN index and the lemmas beside it), which hand-written
migrations own."""

from __future__ import annotations


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    if type_ == "table" and name and name.startswith("utterance_fts"):
        return False
    if type_ == "column" and name == "lemmas" and getattr(obj, "table", None) is not None:
        return obj.table.name != "utterance_index"
    return not (type_ in ("column", "index") and name in ("search", "ix_utterance_index_search"))
