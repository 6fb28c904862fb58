"""Has anyone changed the store since we last looked? One cheap query the workbench repeats (when a screen
is shown again, and every few seconds) to reload what other coders changed — on the team server or in the
same SQLite file from another terminal."""

from __future__ import annotations

from sqlalchemy import func, select

from sdi.storage.models import AuditEvent, Coding, HistoryEntry
from sdi.workflow.project import Project

ChangeMark = tuple[int, ...]


def change_mark(project: Project) -> ChangeMark:
    """A value that moves with every change: the newest audit event and undo entry (every action writes
    one), and the codings' count and newest id (so even an unrecorded coding or uncoding is noticed)."""
    with project.store.reading() as session:
        row = session.execute(
            select(
                select(func.coalesce(func.max(AuditEvent.id), 0)).scalar_subquery(),
                select(func.coalesce(func.max(HistoryEntry.id), 0)).scalar_subquery(),
                select(func.count()).select_from(Coding).scalar_subquery(),
                select(func.coalesce(func.max(Coding.id), 0)).scalar_subquery(),
            )
        ).one()
    return tuple(int(value) for value in row)
