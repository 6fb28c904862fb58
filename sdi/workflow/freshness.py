"""Has anyone changed the store since we last looked? One cheap query the workbench repeats (when a screen
is shown again, and every few seconds) to reload what other coders changed — on the team server or in the
same SQLite file from another terminal. Plain SQL (`sdi.storage.lean`): the workbench's first screen asks it
before anything else, and no ORM statement need be compiled (nor the mappers configured) for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project

ChangeMark = tuple[int, ...]

# The newest audit event and undo entry (every action writes one), and the codings' count and newest id
_MARK = (
    "SELECT (SELECT coalesce(max(id), 0) FROM audit_events), (SELECT coalesce(max(id), 0) FROM "
    "history_entries), (SELECT count(*) FROM codings), (SELECT coalesce(max(id), 0) FROM codings)"
)


def change_mark(project: Project) -> ChangeMark:
    """A value that moves with every change: the newest audit event and undo entry (every action writes
    one), and the codings' count and newest id (so even an unrecorded coding or uncoding is noticed)."""
    with project.reading_rows() as read:
        row = read(_MARK)[0]
    return tuple(int(value) for value in row)
