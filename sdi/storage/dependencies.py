"""What an undo or redo step would pull from under other work, and who did that work.

A step removes rows (undoing a creation, redoing a deletion) and points rows at others again (undoing a
move, a deletion). Before it does, every row that refers to a row it removes — by foreign key, or a memo on
it — must be one the step itself removes or points elsewhere; and every row it points at must still exist
(or be brought back by the same step). Otherwise a colleague has built on the rows (coded with the code,
moved codes into the group, quoted the coding) or removed what the step would restore, and the step is
refused naming them: the undo history says who last changed a row, else the row's author, else the audit
log. Used by `sdi.storage.history.replay`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from sdi.storage.base import Base
from sdi.storage.models import AuditEvent, Coder, HistoryChange, HistoryEntry, Memo

# The memo (and audit) target type of a table's rows: memos refer to them without a foreign key.
TARGET_TYPE = {
    "codes": "code", "codings": "coding", "code_groups": "code_group", "concepts": "concept",
    "quote_sets": "quote_set", "quotes": "quote", "stages": "stage",
}  # fmt: skip

Images = dict[tuple[str, int], dict[str, Any] | None]


@dataclass(frozen=True)
class Dependency:
    """The row in the way (`table`, `row_id`), who made it so ("" when the store cannot tell), and how:
    it `refers` to a row the step would remove, or it is `gone` while the step would point at it."""

    table: str
    row_id: int
    by: str
    reason: str = "refers"


def blocking(session: Session, entry_id: int, targets: Images) -> Dependency | None:
    """The first row that stops a step leaving its rows as `targets` ((table, id) → image after the step,
    None for a row it removes), or None when nothing does."""
    for (table_name, row_id), image in targets.items():
        if image is None:
            found = _referring(session, entry_id, Base.metadata.tables[table_name], row_id, targets)
        else:
            found = _missing_parent(session, entry_id, Base.metadata.tables[table_name], image, targets)
        if found is not None:
            return found
    return None


def _referring(
    session: Session, entry_id: int, table: Table, row_id: int, targets: Images
) -> Dependency | None:
    """A row outside the step that refers to `table` row `row_id`, which the step would remove."""
    for other in Base.metadata.sorted_tables:
        key = _key(other)
        for foreign in other.foreign_keys:
            if foreign.column.table is not table or key is None:
                continue
            column = foreign.parent
            for (ref,) in session.execute(select(key).where(column == row_id)):
                after = targets.get((other.name, ref), {column.name: row_id})
                if after is not None and after.get(column.name) == row_id:
                    return Dependency(other.name, ref, who(session, other.name, ref, entry_id))
    kind = TARGET_TYPE.get(table.name)
    if kind is not None:
        memos = select(Memo.id).where(Memo.target_type == kind, Memo.target_id == row_id)
        for (memo,) in session.execute(memos):
            if ("memos", memo) not in targets or targets[("memos", memo)] is not None:
                return Dependency("memos", memo, who(session, "memos", memo, entry_id))
    return None


def _missing_parent(
    session: Session, entry_id: int, table: Table, image: dict[str, Any], targets: Images
) -> Dependency | None:
    """A row the step would point `image` at that is gone (and not brought back by the step)."""
    for foreign in table.foreign_keys:
        value = image.get(foreign.parent.name)
        parent = foreign.column.table
        if value is None or targets.get((parent.name, value), None) is not None:
            continue
        if session.execute(select(foreign.column).where(foreign.column == value)).first() is None:
            by = who(session, parent.name, int(value), entry_id)
            return Dependency(parent.name, int(value), by, "gone")
    return None


def _key(table: Table) -> Column[Any] | None:
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 else None


def who(session: Session, table: str, row_id: int, entry_id: int | None = None) -> str:
    """The coder who last changed the row through an undoable action other than `entry_id`, else its author
    (`coder_id`/`author_id`), else the last coder the audit log names for it; "" when nobody is known."""
    query = (
        select(Coder.name)
        .select_from(HistoryChange)
        .join(HistoryEntry, HistoryEntry.id == HistoryChange.entry_id)
        .join(Coder, Coder.id == HistoryEntry.coder_id)
        .where(HistoryChange.table_name == table, HistoryChange.row_id == row_id)
    )
    if entry_id is not None:
        query = query.where(HistoryChange.entry_id != entry_id)
    name = session.scalar(query.order_by(HistoryChange.id.desc()).limit(1))
    if name:
        return name
    columns = Base.metadata.tables[table].c
    key = _key(Base.metadata.tables[table])
    for author in ("coder_id", "author_id"):
        if author in columns and key is not None:
            found = session.scalar(
                select(Coder.name).join_from(Base.metadata.tables[table], Coder, Coder.id == columns[author])
                .where(key == row_id)
            )  # fmt: skip
            if found:
                return found
    kind = TARGET_TYPE.get(table)
    if kind is None:
        return ""
    return session.scalar(
        select(Coder.name).join(AuditEvent, AuditEvent.coder_id == Coder.id)
        .where(AuditEvent.target_type == kind, AuditEvent.target_id == row_id)
        .order_by(AuditEvent.id.desc()).limit(1)
    ) or ""  # fmt: skip
