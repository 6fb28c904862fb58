"""Moving a store between engines, table by table: what counts as an empty target, the rows copied with
their ids, PostgreSQL's sequences moved past the copied ids, and a checksum per table that is the same on
SQLite and PostgreSQL for the same rows (so a copy can be verified, not trusted).

Called by `sdi.workflow.database`; the engine-specific search index is rebuilt by `search_index`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select, text, update

from sdi.storage.base import Base
from sdi.storage.revision import COPY_MARK

BATCH = 1000
_OURS_OUTSIDE_METADATA = ("alembic_version",)
_FTS_PREFIX = "utterance_fts"  # SQLite's FTS5 table and its shadow tables


@dataclass(frozen=True)
class TableDigest:
    """A table's row count and a hash over its rows in key order, in an engine-neutral form."""

    table: str
    rows: int
    digest: str


def tables() -> list[Table]:
    """Every table of the schema, parents before children (so foreign keys hold while inserting)."""
    import sdi.storage.models  # noqa: F401 — registers every model on the metadata

    return list(Base.metadata.sorted_tables)


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite keeps no zone (the stored wall clock is UTC); PostgreSQL keeps one: both become aware UTC."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _neutral(value: Any) -> Any:
    """A value as the checksum sees it: the same for the same data on either engine."""
    if isinstance(value, dt.datetime):
        return _utc(value).replace(tzinfo=None).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rows(connection: Connection, table: Table) -> Iterator[list[Any]]:
    query = select(table).order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=BATCH).execute(query)
    for partition in result.partitions():
        for row in partition:
            yield list(row)


def digest_table(connection: Connection, table: Table) -> TableDigest:
    """Count and sha256 over the rows ordered by primary key, each row as canonical JSON."""
    hasher = hashlib.sha256()
    count = 0
    for row in _rows(connection, table):
        line = json.dumps([_neutral(v) for v in row], sort_keys=True, ensure_ascii=False, default=str)
        hasher.update(line.encode("utf-8") + b"\n")
        count += 1
    return TableDigest(table.name, count, hasher.hexdigest())


def digest_all(connection: Connection) -> list[TableDigest]:
    return [digest_table(connection, table) for table in tables()]


def not_empty(engine: Engine) -> list[tuple[str, int]]:
    """Why a copy target is not empty: (table, rows) for tables with rows, (table, -1) for tables that are
    not ours. An empty list means it may receive a copy."""
    found: list[tuple[str, int]] = []
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        for table in tables():  # in schema order, the same on every engine
            if table.name in present:
                rows = connection.execute(select(func.count()).select_from(table)).scalar()
                if rows:
                    found.append((table.name, int(rows)))
        known = {table.name for table in tables()}
        for name in sorted(present - known):
            if name not in _OURS_OUTSIDE_METADATA and not name.startswith(_FTS_PREFIX):
                found.append((name, -1))
    return found


def _for_target(row: list[Any], keys: list[str]) -> dict[str, Any]:
    values = dict(zip(keys, row, strict=True))
    for key, value in values.items():
        if isinstance(value, dt.datetime):
            values[key] = _utc(value)  # SQLite stores the UTC wall clock of an aware value
    return values


def copy_rows(source: Connection, target: Connection, table: Table) -> int:
    """Insert every row of `table` from `source` into `target`, ids included; the number copied."""
    keys = [column.key for column in table.columns]
    copied = 0
    batch: list[dict[str, Any]] = []
    for row in _rows(source, table):
        batch.append(_for_target(row, keys))
        if len(batch) >= BATCH:
            target.execute(table.insert(), batch)
            copied += len(batch)
            batch = []
    if batch:
        target.execute(table.insert(), batch)
        copied += len(batch)
    return copied


def reset_sequences(target: Connection) -> None:
    """PostgreSQL hands out ids from sequences that an insert with explicit ids does not advance: move each
    past the largest copied id, so the next new row does not collide. Nothing to do on SQLite."""
    if target.dialect.name != "postgresql":
        return
    for table in tables():
        for column in table.primary_key.columns:
            sequence = target.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            ).scalar()
            if sequence is None:
                continue
            highest = target.execute(select(func.max(column))).scalar()
            target.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": highest or 1, "called": highest is not None},
            )


def set_revision(target: Connection, revision: str) -> None:
    """Write the schema revision: COPY_MARK while a copy is unverified, the real one once it is."""
    version = Table("alembic_version", MetaData(), autoload_with=target)
    target.execute(update(version).values(version_num=revision))


def mark_unverified(target: Connection) -> None:
    set_revision(target, COPY_MARK)

