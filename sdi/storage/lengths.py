"""Text no longer than its column, on every engine: PostgreSQL enforces `String(n)` (a DataError in the middle
of a unit of work), SQLite stores whatever it is given — so a store would take on SQLite what the team server
refuses, and could no longer be copied to it. Every session of a `Store` checks each new or changed row
before it is flushed and refuses the whole unit of work with one `StoreError` sentence; `oversized` finds
what an older store already holds (checked by `sdi db copy` before it writes anything).

Installed by `sdi.storage.engine.Store`; the workflow checks what a researcher types before it gets here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, String, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from sdi.i18n import catalogue, t
from sdi.storage.base import Base
from sdi.storage.faults import StoreError


def column_limit(table: str, column: str) -> int:
    """The longest text `table.column` keeps (its `String(n)`)."""
    length = getattr(Base.metadata.tables[table].c[column].type, "length", None)
    if not length:
        raise KeyError(f"{table}.{column} has no length")
    return int(length)


def what(table: str, column: str, language: str) -> str:
    """`table.column` in the researcher's words ("the code's statement"), where the catalogue has them."""
    key = f"limits.what.{table}.{column}"
    return t(key, language) if key in catalogue() else f"{table}.{column}"


def too_long(table: str, column: str, length: int, limit: int, language: str) -> StoreError:
    words = what(table, column, language)
    return StoreError("too_long", t("limits.too_long", language, what=words, length=length, limit=limit))


def install(sessions: sessionmaker[Session], language: str) -> None:
    """Check every flush of `sessions` (see the module's docstring)."""

    def check(session: Session, _context: object, _instances: object) -> None:
        for obj in (*session.new, *session.dirty):
            state = inspect(obj)
            for attribute in state.mapper.column_attrs:
                column = attribute.columns[0]
                limit = _length(column)
                value = state.dict.get(attribute.key)  # only what is loaded or set: never a query here
                if limit and isinstance(value, str) and len(value) > limit:
                    raise too_long(str(column.table.name), column.name, len(value), limit, language)

    event.listen(sessions, "before_flush", check)


def _length(column: Any) -> int | None:
    return column.type.length if isinstance(column.type, String) else None


@dataclass(frozen=True)
class Oversized:
    table: str
    column: str
    rows: int
    limit: int
    longest: int


def oversized(connection: Connection) -> Iterator[Oversized]:
    """Values already stored that are longer than their column allows (an SQLite store written before the
    check), column by column."""
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            limit = _length(column)
            if not limit:
                continue
            found = connection.execute(
                select(func.count(), func.max(func.length(column))).where(func.length(column) > limit)
            ).one()
            if found[0]:
                yield Oversized(table.name, column.name, int(found[0]), limit, int(found[1]))

