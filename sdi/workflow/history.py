"""Undo and redo of coding, grouping, naming, quoting and memo actions — per coder, persisted, across
screens. An undo that would overwrite what happened since (another coder's edit, a re-import that moved
codings) is refused with a message rather than forced."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sdi.storage.history import INFO_SKIP, HistoryConflict, replay
from sdi.storage.models import HistoryEntry
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

# a table's rows as the refusal names them («koding 7»)
WHAT_OF_TABLE = {
    table: f"error.what.{what}"
    for table, what in (("codes", "code"), ("codings", "coding"), ("code_groups", "code_group"),
                        ("concepts", "concept"), ("memos", "memo"), ("quotes", "quote"),
                        ("quote_sets", "quote_set"), ("documents", "transcript"))
}  # fmt: skip


@dataclass(frozen=True)
class HistoryItem:
    id: int
    label: str
    state: str


def _step(project: Project, *, backwards: bool) -> str | None:
    with project.store.transaction() as session:
        session.info[INFO_SKIP] = True
        coder = project.coder_id(session)
        query = select(HistoryEntry).where(HistoryEntry.coder_id == coder)
        if backwards:
            query = query.where(HistoryEntry.state == "done").order_by(HistoryEntry.id.desc())
        else:
            query = query.where(HistoryEntry.state == "undone").order_by(HistoryEntry.id)
        entry = session.scalars(query.limit(1)).first()
        if entry is None:
            return None
        try:
            replay(session, entry, backwards=backwards)
        except HistoryConflict as exc:
            key = "error.history.undo" if backwards else "error.history.redo"
            if exc.reason != "changed":
                key += f"_{exc.reason}"
            what = WHAT_OF_TABLE.get(exc.table, exc.table)
            raise WorkflowError(key=key, table=exc.table, row=exc.row_id, label=exc.label, by=exc.by,
                                what=what) from None  # fmt: skip
        except IntegrityError as exc:  # a constraint the checks above do not know: refused all the same
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
            raise WorkflowError(key="error.history.clash", label=entry.label, detail=detail) from None
        entry.state = "undone" if backwards else "done"
        action = "undo" if backwards else "redo"
        word = "angret" if backwards else "gjentok"
        project.record(
            session, action, "project", None, f"{word}: {entry.label}", undoable=False, entry=entry.id
        )
        return entry.label


def undo(project: Project) -> str | None:
    """Undo the active coder's latest action; returns what was undone, or None when there is nothing."""
    return _step(project, backwards=True)


def redo(project: Project) -> str | None:
    """Redo the most recently undone action; None when there is nothing to redo."""
    return _step(project, backwards=False)


def recent(project: Project, limit: int = 20) -> list[HistoryItem]:
    with project.store.reading() as session:
        coder = project.coder_id(session)
        rows = session.scalars(
            select(HistoryEntry)
            .where(HistoryEntry.coder_id == coder, HistoryEntry.state != "discarded")
            .order_by(HistoryEntry.id.desc())
            .limit(limit)
        ).all()
    return [HistoryItem(e.id, e.label, e.state) for e in rows]
