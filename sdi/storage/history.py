"""Recording and replaying row images for undo/redo.

Every session made by the `Store` carries a listener: after each flush it notes the before/after image of
each changed row of the analysis tables, and just before commit it writes them as one `HistoryEntry` —
when the unit of work was labelled undoable (the workflow's audit call does that). Replaying uses Core
statements, so ORM cascades never act twice; the rows' own change records carry every cascade."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from sdi.storage import dependencies
from sdi.storage.base import Base
from sdi.storage.dependencies import who as _who
from sdi.storage.models import HistoryChange, HistoryEntry

# What a researcher's undo covers: coding, grouping, naming, quoting, memos, stage summaries.
TRACKED_TABLES = (
    "codes",
    "codings",
    "code_groups",
    "concepts",
    "concept_quotes",
    "quote_sets",
    "quotes",
    "memos",
    "stages",
)
# Never restored by undo: they only say when/how often a row changed.
VOLATILE_COLUMNS = ("version", "updated_at")
_ORDER = {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}

INFO_LABEL = "history_label"
INFO_CODER = "history_coder"
INFO_SKIP = "history_skip"
_INFO_CHANGES = "history_changes"


class HistoryConflict(Exception):
    """The rows changed since (another coder, or a re-import): undoing would overwrite that work. `by` names
    who did it where the store knows; `reason` says how (see `sdi.storage.dependencies`)."""

    def __init__(self, table: str, row_id: int, label: str, by: str = "", reason: str = "changed") -> None:
        super().__init__(f"{table} {row_id} has changed since «{label}»")
        self.table = table
        self.row_id = row_id
        self.label = label
        self.by = by
        self.reason = reason  # changed | refers (built on) | gone (removed since)


def _plain(value: Any) -> Any:
    """JSON-safe, and engine-neutral: datetimes as naive UTC (SQLite drops the zone, PostgreSQL keeps it)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _image(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _before_image(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    image: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.deleted:
            value = history.deleted[0]
        elif history.unchanged:
            value = history.unchanged[0]
        else:
            value = history.added[0] if history.added else None
        image[attr.columns[0].name] = _plain(value)
    return image


def _after_flush(session: Session, _context: object) -> None:
    if session.info.get(INFO_SKIP):
        return
    pending: list[tuple[int, int, str, int, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        table = obj.__table__.name
        if table in TRACKED_TABLES:
            pending.append((0, _ORDER[table], table, obj.id, None, _image(obj)))
    for obj in session.dirty:
        table = obj.__table__.name
        if table in TRACKED_TABLES and session.is_modified(obj, include_collections=False):
            before = _before_image(obj)
            after = _image(obj)
            if {k: v for k, v in before.items() if k not in VOLATILE_COLUMNS} != {
                k: v for k, v in after.items() if k not in VOLATILE_COLUMNS
            }:
                pending.append((1, 0, table, obj.id, before, after))
    for obj in session.deleted:
        table = obj.__table__.name
        if table in TRACKED_TABLES:
            pending.append((2, -_ORDER[table], table, obj.id, _before_image(obj), None))
    pending.sort(key=lambda change: (change[0], change[1]))
    session.info.setdefault(_INFO_CHANGES, []).extend(change[2:] for change in pending)


def _before_commit(session: Session) -> None:
    session.flush()  # commit flushes only after this hook: capture what is still pending first
    changes = session.info.pop(_INFO_CHANGES, [])
    label = session.info.pop(INFO_LABEL, None)
    coder = session.info.get(INFO_CODER)
    if session.info.pop(INFO_SKIP, False) or not changes or label is None:
        return
    session.execute(
        update(HistoryEntry)
        .where(HistoryEntry.state == "undone", HistoryEntry.coder_id == coder)
        .values(state="discarded")
    )
    entry = HistoryEntry(coder_id=coder, label=label)
    entry.changes = [
        HistoryChange(position=index, table_name=table, row_id=row_id, before=before, after=after)
        for index, (table, row_id, before, after) in enumerate(changes)
    ]
    session.add(entry)


def _after_rollback(session: Session) -> None:
    for key in (_INFO_CHANGES, INFO_LABEL, INFO_SKIP):
        session.info.pop(key, None)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_soft_rollback", lambda session, _previous: _after_rollback(session))


def delete_children(session: Session, parent: object, collection: str) -> None:
    """Delete a parent's children one by one, so each row lands in the undo history (rows removed by an
    ORM delete-orphan cascade during the flush never appear in `session.deleted`), then let the parent's
    cascade find the collection empty rather than deleting them a second time."""
    for child in list(getattr(parent, collection)):
        session.delete(child)
    session.flush()
    session.expire(parent, [collection])


def _typed(table: Table, image: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON-safe image back into column values."""
    values: dict[str, Any] = {}
    for name, value in image.items():
        column = table.c[name]
        if value is not None and isinstance(column.type, DateTime):
            value = dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
        elif value is not None and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        values[name] = value
    return values


def _comparable(image: dict[str, Any] | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return {k: v for k, v in image.items() if k not in VOLATILE_COLUMNS}


def _current(session: Session, table: Table, row_id: int) -> dict[str, Any] | None:
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return None if row is None else {k: _plain(v) for k, v in row.items()}


def replay(session: Session, entry: HistoryEntry, *, backwards: bool) -> None:
    """Apply an entry's images: before-images in reverse order (undo) or after-images in order (redo).

    Raises HistoryConflict when a row is no longer as this entry left it (or found it, for redo), when a row
    that would go is referred to by one this entry does not hold (someone built on it), or when a row would
    point again at one that is gone — naming who did it."""
    changes = list(reversed(entry.changes)) if backwards else list(entry.changes)
    # each row as the step leaves it (a row changed twice in the entry: its last image in replay order)
    targets = {(c.table_name, c.row_id): (c.before if backwards else c.after) for c in changes}
    blocker = dependencies.blocking(session, entry.id, targets)
    if blocker is not None:
        raise HistoryConflict(blocker.table, blocker.row_id, entry.label, blocker.by, blocker.reason)
    for change in changes:
        table = Base.metadata.tables[change.table_name]
        expected, target = (change.after, change.before) if backwards else (change.before, change.after)
        current = _comparable(_current(session, table, change.row_id))
        if current != _comparable(expected):
            by = _who(session, change.table_name, change.row_id, entry.id)
            raise HistoryConflict(change.table_name, change.row_id, entry.label, by)
        if target is None:
            session.execute(delete(table).where(table.c.id == change.row_id))
        elif expected is None:
            session.execute(insert(table).values(**_typed(table, target)))
        else:
            values = _typed(table, {k: v for k, v in target.items() if k not in VOLATILE_COLUMNS})
            if "version" in table.c:
                values["version"] = table.c.version + 1
            session.execute(update(table).where(table.c.id == change.row_id).values(**values))
